"""The "Gợi ý liên kết" panel on the article page: {% link_suggestions_panel article as panel %}.

A tag rather than a context variable so that the workspace's editor view needs no change:
the page includes templates/extraction/editor_panel.html and the panel builds itself.
"""

from __future__ import annotations

from django import template

from extraction import panel as panels

register = template.Library()


@register.simple_tag(takes_context=True)
def link_suggestions_panel(context, article):
    return panels.build(context["request"].user, article)


@register.filter
def get_item(mapping: dict, key):
    return mapping.get(key)
