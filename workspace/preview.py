"""A revision shown exactly as the public article page would show it.

The public template and public.views.article_context do the rendering; this module only
turns a revision into the unsaved article and links they take, and marks the response
as private and not for search engines.
"""

from __future__ import annotations

from django.db.models import prefetch_related_objects
from django.shortcuts import render
from django.utils import timezone

from articles.models import Article
from public.views import article_context
from workflow.models import Revision
from workflow.revisions import materialize

TEMPLATE = "workspace/preview.html"


def revision_context(article: Article, revision: Revision) -> dict:
    rendered = materialize(article, revision.content)
    shadow = rendered.article
    # The page links to its own public address; an article that has never had a slug
    # (an empty one saved in a revision) still needs one to build it.
    shadow.slug = shadow.slug or article.slug or "xem-truoc"
    # Never published: the page shows the date it would carry if published now.
    shadow.published_at = shadow.published_at or timezone.now()
    events = sorted(rendered.links["events"], key=lambda event: event.starts_at)
    prefetch_related_objects(events, "organizers", "bridge_points")
    resolutions = rendered.links["resolutions"]
    prefetch_related_objects(resolutions, "issuer")
    return article_context(
        shadow,
        events=events,
        resolutions=resolutions,
        participants=rendered.links["participants"],
        tags=sorted(rendered.links["tags"], key=lambda tag: tag.name),
        corrections=article.corrections.all(),
    )


def no_store(response):
    """A draft is for the people it was shown to: no cache keeps it, no index lists it."""
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def render_revision(request, article: Article, revision: Revision, extra: dict, status=200):
    context = {**revision_context(article, revision), **extra, "revision": revision}
    return no_store(render(request, TEMPLATE, context, status=status))
