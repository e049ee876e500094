"""Server-side sanitizing of rich text with an allowlist (nh3).

Whatever the editor, an import or a crafted request sends, only these tags and
attributes are stored. The browser-side editor is a convenience, never a control.
"""

from __future__ import annotations

import html
import re

import nh3

from .text import nfc

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "h2",
    "h3",
    "h4",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "figure",
    "figcaption",
    "img",
    "picture",
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "span",
    "div",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height", "title"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start", "reversed"},
}
# Alignment classes CKEditor 5 writes for images and tables; nothing else.
ALLOWED_CLASSES = {
    "figure": {
        "image",
        "table",
        "image-style-align-left",
        "image-style-align-center",
        "image-style-align-right",
        "image_resized",
    },
    "span": {"image-inline"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Tags whose content is dropped with them rather than kept as text.
DROP_WITH_CONTENT = {
    "script",
    "style",
    "template",
    "noscript",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "textarea",
    "select",
    "title",
    "xmp",
    "noembed",
    "noframes",
    "plaintext",
}


# Where a tag ends a line of text, and where it only separates words (table cells).
_BLOCK_END = re.compile(
    r"(?i)<\s*(br|hr|/p|/h[1-6]|/li|/ul|/ol|/blockquote|/figure|/figcaption|/div|/tr|/table)\s*/?>"
)
_CELL_END = re.compile(r"(?i)<\s*/(td|th|caption)\s*>")
_TAG = re.compile(r"<[^>]+>")


def sanitize_html(value: str | None) -> str:
    if not value:
        return ""
    return nh3.clean(
        nfc(value),
        tags=ALLOWED_TAGS,
        clean_content_tags=DROP_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


def html_to_text(value: str | None) -> str:
    """The readable text of an HTML fragment, paragraphs separated by newlines."""
    if not value:
        return ""
    text = _BLOCK_END.sub("\n", value)
    text = _CELL_END.sub(" ", text)
    text = _TAG.sub("", text)
    text = html.unescape(text)
    return re.sub(r"[ \t\r\f\v]+", " ", re.sub(r"\n\s*\n+", "\n", text)).strip()
