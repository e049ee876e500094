"""A mail server that is down never blocks a transition.

The workflow mails people after the transaction commits (workflow.notifications). With a
mail backend that raises, submitting, returning and publishing still go through from the
workspace: the transition is logged, the in-workspace notifications are stored, the user
sees the usual success message and no error, and the failure is logged for the admins.
"""

from __future__ import annotations

import logging
import smtplib

import pytest
from django.contrib.auth.models import Group
from django.core.mail.backends.base import BaseEmailBackend
from django.test import override_settings
from django.urls import reverse

from accounts.models import User
from accounts.roles import APPROVER, AUTHOR, EDITOR
from articles.models import Article
from workflow import services
from workflow.models import Notification, Transition
from workflow.services import ExpectedState

PASSWORD = "mat-khau-dai-123"


class SMTPDownBackend(BaseEmailBackend):
    """The mail server answers, then fails the session."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPException("451 4.3.0 Mail server temporarily unavailable")


class RefusedBackend(BaseEmailBackend):
    """Nothing listens on the mail port."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError(111, "Connection refused")


BACKENDS = [f"{__name__}.SMTPDownBackend", f"{__name__}.RefusedBackend"]


def _user(username: str, role) -> User:
    user = User.objects.create_user(
        username,
        f"{username}@tuyengiao.example.vn",
        PASSWORD,
        is_staff=True,
        full_name=username,
    )
    user.groups.add(Group.objects.get(name=role.name))
    return user


@pytest.fixture
def staff(db):
    return {
        "author": _user("phongvien", AUTHOR),
        "editor": _user("bientap", EDITOR),
        "approver": _user("lanhdao", APPROVER),
    }


@pytest.fixture
def article(staff, category) -> Article:
    return services.create_article(
        staff["author"],
        {
            "title": "Hội nghị quán triệt Nghị quyết 57-NQ/TW",
            "sapo": "Sáng ngày 13/01/2025, Bộ Chính trị, Ban Bí thư tổ chức hội nghị toàn quốc.",
            "body": "<p>Toàn tỉnh có 252 điểm cầu.</p>",
            "category": category.pk,
        },
    )


def _post(client, user, article: Article, action: str, **fields):
    client.force_login(user)
    article.refresh_from_db()
    expected = ExpectedState.of(article)
    return client.post(
        reverse("workspace:article-transition", kwargs={"pk": article.pk}),
        {
            "action": action,
            "expected_status": expected.status,
            "expected_step": expected.step_id or "",
            "expected_revision": expected.revision_id or "",
            **fields,
        },
        follow=True,
    )


def _messages(response) -> list[tuple[str, str]]:
    return [(m.level_tag, str(m)) for m in response.context["messages"]]


@pytest.mark.parametrize("backend", BACKENDS)
def test_transitions_go_through_when_mail_fails(
    client, staff, article, backend, caplog, django_capture_on_commit_callbacks
):
    steps = [
        ("author", "submit", {}, "Đã gửi duyệt.", Article.Status.SUBMITTED),
        ("editor", "return", {"comment": "Bổ sung số điểm cầu."}, "Đã trả bài", "returned"),
        ("author", "submit", {}, "Đã gửi duyệt.", Article.Status.SUBMITTED),
        ("editor", "approve", {}, "Đã duyệt.", Article.Status.SUBMITTED),
        # The last step publishes: two log rows, approve then publish.
        ("approver", "approve", {"publish_mode": "now"}, "Đã xuất bản.", "published"),
    ]
    with override_settings(EMAIL_BACKEND=backend), caplog.at_level(logging.ERROR):
        for role, action, fields, success, status in steps:
            notified = Notification.objects.count()
            logged = Transition.objects.filter(article=article).count()
            caplog.clear()
            with django_capture_on_commit_callbacks(execute=True) as callbacks:
                response = _post(client, staff[role], article, action, **fields)
            assert response.status_code == 200
            shown = _messages(response)
            assert [level for level, _ in shown] == ["success"], shown
            assert success in shown[0][1]
            article.refresh_from_db()
            assert article.status == status
            new = Transition.objects.filter(article=article).order_by("pk")[logged:]
            assert action in [t.action for t in new]
            # Told in the workspace, and the mail was tried and failed after the commit.
            assert Notification.objects.count() > notified
            assert callbacks
            failures = [r for r in caplog.records if "Could not send workflow e-mail" in r.message]
            assert failures, action
            assert failures[0].exc_info is not None
    assert article.is_public
    assert client.get(article.get_absolute_url()).status_code == 200


def test_the_mail_goes_out_when_the_server_is_up(
    client, staff, article, mailoutbox, django_capture_on_commit_callbacks
):
    """The same path with a working backend sends the mail: the failure test above is
    not passing because nothing is ever sent."""
    with django_capture_on_commit_callbacks(execute=True):
        _post(client, staff["author"], article, "submit")
    assert [m.to for m in mailoutbox] == [["bientap@tuyengiao.example.vn"]]
    assert "Có bài chờ duyệt" in mailoutbox[0].subject
