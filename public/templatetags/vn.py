"""Vietnamese presentation: dates with the weekday in words, numbers, images, search marks."""

from __future__ import annotations

import json

from django import template
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from core.html import html_to_text
from search import highlight as _highlight

register = template.Library()

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")


def _local(value):
    if value is None:
        return None
    if hasattr(value, "tzinfo") and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


@register.filter
def weekday(value) -> str:
    value = _local(value)
    return WEEKDAYS[value.weekday()] if value else ""


@register.filter
def vn_date(value) -> str:
    """ "Thứ Hai, 13/01/2025"."""
    value = _local(value)
    if not value:
        return ""
    return f"{WEEKDAYS[value.weekday()]}, {value:%d/%m/%Y}"


@register.simple_tag
def now_vn() -> str:
    return vn_date(timezone.now())


@register.filter
def vn_datetime(value) -> str:
    """ "Thứ Hai, 13/01/2025, 08:00"."""
    value = _local(value)
    if not value:
        return ""
    return f"{WEEKDAYS[value.weekday()]}, {value:%d/%m/%Y}, {value:%H:%M}"


@register.filter
def vn_number(value) -> str:
    """44881 -> "44.881"."""
    if value in (None, ""):
        return ""
    return number_format(value, use_l10n=True, force_grouping=True)


@register.filter
def two_digits(value) -> str:
    """The press writes small counts with a leading zero: "01 điểm cầu"."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return ""
    return f"{number:02d}" if number < 10 else vn_number(number)


@register.filter
def plain_text(value) -> str:
    return html_to_text(value)


@register.simple_tag
def picture(image, sizes="100vw", css_class="", loading="lazy", alt=None):
    """A <picture> with WebP and JPEG srcsets from the renditions made at upload."""
    if not image:
        return ""
    alt_text = image.alt_text if alt is None else alt
    webp = image.srcset("webp")
    jpeg = image.srcset("jpeg")
    source = (
        format_html('<source type="image/webp" srcset="{}" sizes="{}">', webp, sizes)
        if webp
        else ""
    )
    return format_html(
        '<picture>{}<img src="{}" srcset="{}" sizes="{}" alt="{}" width="{}" height="{}" '
        'loading="{}" decoding="async" class="{}"></picture>',
        source,
        image.rendition_url(960),
        jpeg,
        sizes,
        alt_text,
        image.width or "",
        image.height or "",
        loading,
        css_class,
    )


@register.filter
def highlight(text, query):
    return _highlight.highlight(text, query)


@register.filter
def search_excerpt(text, query):
    return _highlight.highlight(_highlight.excerpt(html_to_text(text), query), query)


@register.filter
def jsonld(data) -> str:
    """A JSON-LD data block, escaped so that no text can close the script element."""
    payload = json.dumps(data, ensure_ascii=False, default=str)
    payload = payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308 - <, > and & escaped above  # nosec B308
