"""Small helpers for the workspace's templates."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def thumb(image, width: int = 320) -> str:
    """The URL of an image's smallest rendition at least width wide."""
    return image.rendition_url(int(width)) if image else ""
