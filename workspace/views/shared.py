"""A share link opened by someone without an account (outside /toa-soan/)."""

from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.http import require_GET

from .. import sharing
from ..preview import no_store, render_revision


@require_GET
def shared_preview(request, token: str):
    opened = sharing.open_token(token)
    if opened.link is None:
        # Nothing about the article: not its title, not why, beyond "never was" or "no longer".
        response = render(
            request,
            "workspace/share_unavailable.html",
            {"gone": opened.status == 410},
            status=opened.status,
        )
        return no_store(response)
    link = opened.link
    sharing.record_opening(link, request)
    return render_revision(
        request, link.revision.article, link.revision, {"shared": True, "link": link}
    )
