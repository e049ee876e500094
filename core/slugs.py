"""Unique slugs and the history that keeps old URLs answering."""

from __future__ import annotations

import re
from functools import cache

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import get_script_prefix, get_urlconf, reverse

from .models import SlugHistory
from .text import unique_slug, vi_slugify


def assign_slug(obj: models.Model) -> None:
    """Give obj a unique slug (from its source if blank) and remember the one it replaces."""
    model = type(obj)
    others = model._base_manager.exclude(pk=obj.pk) if obj.pk else model._base_manager.all()
    # A slug someone chose is kept whole (within the column); one made from the title is
    # cut at a word boundary to a readable length.
    if obj.slug:
        max_length = model._meta.get_field("slug").max_length
        wanted = vi_slugify(obj.slug, max_length=max_length)
    else:
        max_length = obj.slug_max_length
        wanted = vi_slugify(obj.slug_source(), max_length=max_length)
    obj.slug = unique_slug(
        wanted or obj.slug_source(),
        lambda s: others.filter(slug=s).exists(),
        max_length=max_length,
    )
    if obj.pk:
        previous = model._base_manager.filter(pk=obj.pk).values_list("slug", flat=True).first()
        if previous and previous != obj.slug:
            content_type = ContentType.objects.get_for_model(model)
            SlugHistory.objects.update_or_create(
                content_type=content_type,
                slug=previous,
                defaults={"object_id": obj.pk},
            )
            # The object may be taking back a slug it once had.
            SlugHistory.objects.filter(content_type=content_type, slug=obj.slug).delete()


def find_by_old_slug(queryset: models.QuerySet, slug: str) -> models.Model | None:
    """The object in queryset that used to be reachable at slug, if any."""
    content_type = ContentType.objects.get_for_model(queryset.model)
    object_id = (
        SlugHistory.objects.filter(content_type=content_type, slug=slug)
        .values_list("object_id", flat=True)
        .first()
    )
    if object_id is None:
        return None
    return queryset.filter(pk=object_id).first()


_SLUG = re.compile(r"[-a-zA-Z0-9_]+")
_MARK = "0slug0"


@cache
def _route(viewname: str, urlconf: str) -> tuple[str, str]:
    """The path of viewname around its slug, without the script prefix."""
    path = reverse(viewname, kwargs={"slug": _MARK}, urlconf=urlconf)
    head, tail = path.removeprefix(get_script_prefix()).split(_MARK)
    return head, tail


def reverse_slug(viewname: str, slug: str) -> str:
    """reverse(viewname, kwargs={"slug": slug}) for a route whose only argument is a
    <slug:slug>, a tenth of the cost: the route is reversed once, then the slug is
    put in. A page lists dozens of articles, people and sections, and reverse() was
    2 ms of a 15 ms home page."""
    if not _SLUG.fullmatch(slug or ""):
        return reverse(viewname, kwargs={"slug": slug})  # its NoReverseMatch, as before
    head, tail = _route(viewname, get_urlconf() or settings.ROOT_URLCONF)
    return f"{get_script_prefix()}{head}{slug}{tail}"
