"""What every workspace page's frame needs."""

from __future__ import annotations

from django.shortcuts import render
from django.utils.functional import SimpleLazyObject

from .. import queries


def page(request, template: str, context: dict, status: int = 200):
    user = request.user
    context = {
        # Counted only if the navigation is drawn, once however often it is read.
        "nav_unread": SimpleLazyObject(lambda: queries.unread_count(user)),
        **context,
    }
    return render(request, template, context, status=status)
