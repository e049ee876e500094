"""Telling people about transitions: a list in the workspace, and an e-mail.

Who is told: on submission and on each approval, exactly the people who hold the
next step (its group's active members, not the one who acted and not the author,
who may not review their own article); on return, publication and withdrawal, the
author. E-mail goes out after the transaction commits, and a mail failure is logged,
never raised: the transition stands.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Notification

logger = logging.getLogger(__name__)
Kind = Notification.Kind


def _workspace_url(article) -> str:
    return settings.SITE_URL + reverse("workspace:article-edit", kwargs={"pk": article.pk})


def _notify(recipients, article, kind: str, message: str) -> None:
    people = {user.pk: user for user in recipients if user.is_active}
    if not people:
        return
    Notification.objects.bulk_create(
        Notification(recipient=user, article=article, kind=kind, message=message)
        for user in people.values()
    )
    addressed = [user.email for user in people.values() if user.email]
    if addressed:
        subject = f"[Tòa soạn] {message}"
        body = f"{message}\n\n{article.title}\n{_workspace_url(article)}\n"
        transaction.on_commit(lambda: _send(subject, body, addressed))


def _send(subject: str, body: str, addresses: list[str]) -> None:
    try:
        send_mass_mail(
            [(subject, body, settings.DEFAULT_FROM_EMAIL, [address]) for address in addresses],
            fail_silently=False,
        )
    except Exception:
        # The transition is committed; a mail server being down must not turn it into
        # an error page. The notification list in the workspace still has it.
        logger.exception("Could not send workflow e-mail %r to %d people", subject, len(addresses))


def _author(article, actor):
    author = article.author
    return [author] if author is not None and author.pk != actor.pk else []


def step_holders(step, *, exclude=()) -> list:
    excluded = {user.pk for user in exclude if user is not None}
    return [
        user
        for user in get_user_model().objects.filter(groups=step.group, is_active=True).distinct()
        if user.pk not in excluded
    ]


def article_awaits_step(article, step, *, actor) -> None:
    message = _("Có bài chờ duyệt ở bước “%(step)s”: %(title)s") % {
        "step": step.name,
        "title": article.title,
    }
    _notify(step_holders(step, exclude=(actor, article.author)), article, Kind.SUBMITTED, message)


def review_requests_settled(article) -> None:
    Notification.objects.filter(article=article, kind=Kind.SUBMITTED, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def article_returned(article, *, actor, comment: str) -> None:
    message = _("Bài bị trả lại: %(title)s — %(comment)s") % {
        "title": article.title,
        "comment": comment[:200],
    }
    _notify(_author(article, actor), article, Kind.RETURNED, message)


def article_approved(article, *, actor) -> None:
    message = _("Bài đã được duyệt, chờ xuất bản: %(title)s") % {"title": article.title}
    _notify(_author(article, actor), article, Kind.APPROVED, message)


def article_published(article, *, actor, scheduled: bool) -> None:
    if scheduled:
        message = _("Bài được hẹn giờ xuất bản lúc %(when)s: %(title)s") % {
            "when": timezone.localtime(article.published_at).strftime("%H:%M %d/%m/%Y"),
            "title": article.title,
        }
    else:
        message = _("Bài đã được xuất bản: %(title)s") % {"title": article.title}
    _notify(
        _author(article, actor), article, Kind.SCHEDULED if scheduled else Kind.PUBLISHED, message
    )


def article_withdrawn(article, *, actor, reason: str) -> None:
    message = _("Bài bị gỡ: %(title)s — %(reason)s") % {
        "title": article.title,
        "reason": reason[:200],
    }
    _notify(_author(article, actor), article, Kind.WITHDRAWN, message)


def article_commented(article, *, actor, comment) -> None:
    message = _("Ý kiến mới về bài “%(title)s”: %(body)s") % {
        "title": article.title,
        "body": comment.body[:200],
    }
    _notify(_author(article, actor), article, Kind.COMMENTED, message)
