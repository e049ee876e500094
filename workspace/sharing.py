"""Share links: a signed token naming a ShareLink, which says which revision, until when,
and whether it was revoked. The signature makes a guessed or altered token worthless;
the row makes a link revocable and its expiry changeable without reissuing it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from audit.recorder import client_ip
from workflow.models import ShareLink, ShareLinkOpening
from workflow.rules import Action, check
from workflow.services import ensure_baseline_revision

SALT = "workflow.share"


def token_for(link: ShareLink) -> str:
    return signing.dumps({"link": link.pk}, salt=SALT, compress=False)


def url_for(link: ShareLink) -> str:
    return reverse("shared:preview", kwargs={"token": token_for(link)})


@transaction.atomic
def create_link(user, article: Article, *, lifetime: timedelta, note: str = "") -> ShareLink:
    """A link to the article's latest revision as it is now."""
    check(user, Action.SHARE, article)
    revision = ensure_baseline_revision(article)
    return ShareLink.objects.create(
        revision=revision,
        created_by=user,
        expires_at=timezone.now() + lifetime,
        note=note.strip(),
    )


def revoke_link(user, article: Article, link: ShareLink) -> None:
    check(user, Action.SHARE, article)
    ShareLink.objects.filter(pk=link.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), revoked_by=user
    )


@dataclass(frozen=True)
class Opened:
    """What a token leads to: a link to show, or why not (404: never was; 410: was)."""

    link: ShareLink | None
    status: int


def open_token(token: str) -> Opened:
    try:
        payload = signing.loads(token, salt=SALT)
        link_id = int(payload["link"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return Opened(None, 404)
    link = (
        ShareLink.objects.select_related("revision", "revision__article").filter(pk=link_id).first()
    )
    if link is None:
        return Opened(None, 404)
    # A trashed article is shown nowhere outside the trash, share links included.
    if not link.is_usable or link.revision.article.trashed_at is not None:
        return Opened(None, 410)
    return Opened(link, 200)


def record_opening(link: ShareLink, request) -> ShareLinkOpening:
    return ShareLinkOpening.objects.create(
        link=link,
        ip_address=client_ip(request),
        user_agent=request.META.get("HTTP_USER_AGENT", "")[:300],
    )
