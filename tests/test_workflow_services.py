"""The editorial workflow as the newsroom lives it (workflow/services.py).

Chains of two and three steps, return with a comment, recall, publishing now or at a
time, unscheduling, withdrawal, "what is public is what was approved", revisions with
their diff and restore, the optimistic lock, double clicks, the append-only log,
corrections, the self-approval setting, and who is told of what.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from datetime import datetime, timedelta
from unittest import mock

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.cache import cache
from django.core.mail.backends.base import BaseEmailBackend
from django.db import DatabaseError, transaction
from django.db.models import ProtectedError
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from accounts.roles import APPROVER, AUTHOR, EDITOR
from articles.models import Article, Correction
from workflow import services
from workflow.diff import changed_fields
from workflow.models import ApprovalStep, Comment, Notification, Revision, Transition
from workflow.rules import Action, ActionRefused, can
from workflow.services import EditConflict, ExpectedState

Status = Article.Status
Kind = Notification.Kind
T = Transition.Action

BODY = (
    "<p>Toàn tỉnh có 252 điểm cầu, trong đó 01 điểm cầu cấp tỉnh và 251 điểm cầu cấp cơ sở "
    "với 44.881 đảng viên tham dự.</p>"
    "<p>Hội nghị đã quán triệt Nghị quyết số 57-NQ/TW của Bộ Chính trị.</p>"
)
NEW_BODY = (
    "<p>Toàn tỉnh có 253 điểm cầu, trong đó 01 điểm cầu cấp tỉnh và 252 điểm cầu cấp cơ sở "
    "với 44.881 đảng viên tham dự.</p>"
    "<p>Hội nghị đã quán triệt Nghị quyết số 57-NQ/TW của Bộ Chính trị.</p>"
)


# People and articles --------------------------------------------------------------------


def make_user(username: str, *roles, email: bool = True, **fields) -> User:
    address = f"{username}@tuyengiao.example.vn" if email else ""
    user = User.objects.create_user(username, address, "mat-khau-dai-123", **fields)
    user.groups.add(*(Group.objects.get(name=role.name) for role in roles))
    return user


@pytest.fixture
def reporter(db):
    return make_user("phongvien", AUTHOR, full_name="Nguyễn Thị Hoa")


@pytest.fixture
def editor(db):
    return make_user("bientap", EDITOR, full_name="Trần Văn Bình")


@pytest.fixture
def editor2(db):
    return make_user("bientap2", EDITOR, full_name="Lê Thu Trang")


@pytest.fixture
def leader(db):
    return make_user("lanhdao", APPROVER, full_name="Phạm Quốc Hùng")


@pytest.fixture
def leader2(db):
    return make_user("lanhdao2", APPROVER, full_name="Đinh Thị Lụa")


@pytest.fixture
def write(category):
    """write(user, title=…, body=…) -> a draft made through create_article."""

    def make(user, title="Hà Nam quán triệt Nghị quyết 57-NQ/TW", body=BODY, **fields):
        content = {
            "title": title,
            "sapo": "Sáng ngày 13/01/2025, tỉnh Hà Nam tham gia hội nghị toàn quốc.",
            "body": body,
            "byline": "Phòng Lý luận chính trị - Lịch sử",
            "category": category.pk,
            **fields,
        }
        return services.create_article(user, content)

    return make


@pytest.fixture
def published(write, reporter, editor, leader):
    """published(title=…) -> an article written by the reporter, through both steps."""

    def make(**fields):
        article = write(reporter, **fields)
        services.submit(reporter, article)
        services.approve(editor, article)
        services.approve(leader, article)
        return article

    return make


@pytest.fixture
def no_page_cache(settings):
    """Pages rendered from the database on every request: what they show is the data."""
    settings.PUBLIC_CACHE_TIMEOUT = 0


def log(article) -> list[tuple]:
    return list(
        Transition.objects.filter(article=article)
        .order_by("id")
        .values_list("action", "from_status", "to_status", "step_name", "actor__username")
    )


def told(article, kind=None) -> list[str]:
    notes = Notification.objects.filter(article=article)
    if kind:
        notes = notes.filter(kind=kind)
    return sorted(notes.values_list("recipient__username", flat=True))


def mailed() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


def state(article) -> dict:
    """The article row, its revisions and its log: what a refused operation must not touch."""
    return {
        "row": Article.objects.filter(pk=article.pk).values().get(),
        "revisions": list(Revision.objects.filter(article=article).values_list("pk", "content")),
        "log": list(Transition.objects.filter(article=article).values_list("pk", flat=True)),
        "comments": Comment.objects.filter(article=article).count(),
        "notifications": Notification.objects.filter(article=article).count(),
    }


def page(client, article):
    return client.get(f"/bai-viet/{article.slug}/")


@contextmanager
def clock(moment: datetime):
    """Every timezone.now() in the code under test answers moment."""
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield


# The approval chain ---------------------------------------------------------------------


def test_two_step_chain_publishes_on_the_last_approval(
    client, no_page_cache, write, reporter, editor, leader, seed_text
):
    article = write(reporter, title=seed_text.title, body=seed_text.body)
    assert article.status == Status.DRAFT and page(client, article).status_code == 404

    services.submit(reporter, article)
    assert (article.status, article.current_step.name) == (Status.SUBMITTED, "Biên tập")

    services.approve(editor, article, comment="Đã soát tên các đồng chí lãnh đạo.")
    assert (article.status, article.current_step.name) == (
        Status.SUBMITTED,
        "Lãnh đạo Ban phê duyệt",
    )
    assert not Article.objects.public().filter(pk=article.pk).exists()
    assert page(client, article).status_code == 404

    services.approve(leader, article)
    assert article.status == Status.PUBLISHED and article.current_step is None
    assert article.live_revision_id == article.latest_revision_id
    assert Article.objects.public().filter(pk=article.pk).exists()
    html = page(client, article).content.decode()
    assert seed_text.title in html and "44.881 đảng viên tham dự" in html

    assert log(article) == [
        (T.CREATE, "", Status.DRAFT, "", "phongvien"),
        (T.SUBMIT, Status.DRAFT, Status.SUBMITTED, "Biên tập", "phongvien"),
        (T.APPROVE, Status.SUBMITTED, Status.SUBMITTED, "Biên tập", "bientap"),
        (T.APPROVE, Status.SUBMITTED, Status.APPROVED, "Lãnh đạo Ban phê duyệt", "lanhdao"),
        (T.PUBLISH, Status.APPROVED, Status.PUBLISHED, "", "lanhdao"),
    ]
    approval = Transition.objects.get(action=T.APPROVE, actor=editor)
    assert approval.comment == "Đã soát tên các đồng chí lãnh đạo."


@pytest.fixture
def standing_committee(db):
    """A third step, after the Lãnh đạo Ban: the Thường trực Ban signs off and publishes."""
    group = Group.objects.create(name="Thường trực Ban")
    group.permissions.set(
        Permission.objects.filter(
            codename__in=["view_article", "review_article", "publish_article"]
        )
    )
    ApprovalStep.objects.create(order=3, name="Thường trực Ban ký duyệt", group=group)
    chief = make_user("truongban", full_name="Trưởng ban")
    chief.groups.add(group)
    return chief


def test_three_step_chain_passes_every_step_in_order(
    client, no_page_cache, write, reporter, editor, leader, standing_committee
):
    article = write(reporter)
    services.submit(reporter, article)
    services.approve(editor, article)
    # The leader may publish, but theirs is not the last step any more.
    services.approve(leader, article)
    assert (article.status, article.current_step.name) == (
        Status.SUBMITTED,
        "Thường trực Ban ký duyệt",
    )
    assert page(client, article).status_code == 404
    assert told(article, Kind.SUBMITTED).count("truongban") == 1
    with pytest.raises(ActionRefused, match="không phụ trách bước duyệt"):
        services.approve(leader, article)

    services.approve(standing_committee, article)
    assert article.status == Status.PUBLISHED
    assert page(client, article).status_code == 200
    assert [(a, step) for a, _, _, step, _ in log(article) if a == T.APPROVE] == [
        (T.APPROVE, "Biên tập"),
        (T.APPROVE, "Lãnh đạo Ban phê duyệt"),
        (T.APPROVE, "Thường trực Ban ký duyệt"),
    ]


def test_a_last_step_that_may_not_publish_leaves_the_article_approved(
    client, no_page_cache, write, reporter, editor, leader, leader2
):
    """Chain: editors, leaders, then a proof-reading desk that may review, not publish."""
    desk = Group.objects.create(name="Tổ đọc soát")
    desk.permissions.set(Permission.objects.filter(codename__in=["view_article", "review_article"]))
    ApprovalStep.objects.create(order=3, name="Đọc soát lần cuối", group=desk)
    proofreader = make_user("docsoat")
    proofreader.groups.add(desk)

    article = write(reporter)
    services.submit(reporter, article)
    services.approve(editor, article)
    services.approve(leader, article)
    services.approve(proofreader, article, publish_at=timezone.now() + timedelta(hours=1))
    assert article.status == Status.APPROVED and not article.is_live
    assert page(client, article).status_code == 404
    assert told(article, Kind.APPROVED) == ["phongvien"]

    services.publish(leader2, article)
    assert article.status == Status.PUBLISHED
    assert page(client, article).status_code == 200


def test_a_step_the_admins_switched_off_is_skipped(write, reporter, editor, leader):
    ApprovalStep.objects.filter(order=1).update(is_active=False)
    article = write(reporter)
    services.submit(reporter, article)
    assert article.current_step.name == "Lãnh đạo Ban phê duyệt"
    assert told(article, Kind.SUBMITTED) == ["lanhdao"]
    with pytest.raises(ActionRefused):
        services.approve(editor, article)
    services.approve(leader, article)
    assert article.status == Status.PUBLISHED


def test_no_chain_at_all_refuses_submission_with_a_message(write, reporter):
    ApprovalStep.objects.update(is_active=False)
    article = write(reporter)
    with pytest.raises(ActionRefused, match="Quy trình duyệt chưa có bước nào"):
        services.submit(reporter, article)
    assert Article.objects.get(pk=article.pk).status == Status.DRAFT


# Return and recall ----------------------------------------------------------------------


@pytest.mark.parametrize("comment", ["", "   \n "])
def test_returning_without_a_comment_is_refused_and_changes_nothing(
    write, reporter, editor, comment
):
    article = write(reporter)
    services.submit(reporter, article)
    before = state(article)
    with pytest.raises(ActionRefused, match="Hãy ghi ý kiến khi trả lại bài"):
        services.return_to_author(editor, article, comment=comment)
    assert state(article) == before


def test_a_returned_article_goes_back_to_its_author_with_the_comment_and_restarts_the_chain(
    write, reporter, editor, leader
):
    article = write(reporter)
    services.submit(reporter, article)
    services.approve(editor, article)
    services.return_to_author(leader, article, comment="Thiếu số đảng viên tham dự ở điểm cầu xã.")
    assert (article.status, article.current_step) == (Status.RETURNED, None)

    returned = Transition.objects.filter(article=article).latest("id")
    assert (returned.action, returned.step_name, returned.actor) == (
        T.RETURN,
        "Lãnh đạo Ban phê duyệt",
        leader,
    )
    assert returned.comment == "Thiếu số đảng viên tham dự ở điểm cầu xã."
    comment = Comment.objects.get(article=article)
    assert (comment.author, comment.body) == (leader, returned.comment)
    note = Notification.objects.get(article=article, kind=Kind.RETURNED)
    assert note.recipient == reporter and "Thiếu số đảng viên" in note.message

    # The author fixes it and sends it again: it starts from the first step.
    services.save_working_copy(
        reporter, article, {"body": NEW_BODY}, base_revision_id=article.latest_revision_id
    )
    services.submit(reporter, article)
    assert article.current_step.name == "Biên tập"


def test_the_author_recalls_a_submitted_article_to_change_it(write, reporter, editor, leader):
    article = write(reporter)
    services.submit(reporter, article)
    services.approve(editor, article)
    services.recall(reporter, article)
    assert (article.status, article.current_step) == (Status.DRAFT, None)
    assert log(article)[-1] == (
        T.RECALL,
        Status.SUBMITTED,
        Status.DRAFT,
        "Lãnh đạo Ban phê duyệt",
        "phongvien",
    )
    with pytest.raises(ActionRefused, match="Bài không ở trạng thái chờ duyệt"):
        services.approve(leader, article)
    revision = services.save_working_copy(
        reporter, article, {"title": "Tiêu đề mới"}, base_revision_id=article.latest_revision_id
    )
    assert revision.number == 2


# Publishing, scheduling, withdrawing ------------------------------------------------------


def test_scheduled_publication_appears_when_its_time_comes(
    client, no_page_cache, write, reporter, editor, leader
):
    article = write(reporter)
    services.submit(reporter, article)
    services.approve(editor, article)
    at = timezone.make_aware(
        datetime.combine(timezone.localdate() + timedelta(days=2), datetime.min.time())
    ) + timedelta(hours=7, minutes=30)
    services.approve(leader, article, publish_at=at)

    assert article.status == Status.PUBLISHED and article.is_scheduled
    assert not Article.objects.public().filter(pk=article.pk).exists()
    assert page(client, article).status_code == 404
    scheduled = Transition.objects.filter(article=article).latest("id")
    assert (scheduled.action, scheduled.publish_at) == (T.SCHEDULE, at)
    note = Notification.objects.get(article=article, kind=Kind.SCHEDULED)
    assert note.kind == Kind.SCHEDULED and note.recipient == reporter
    assert f"07:30 {timezone.localtime(at):%d/%m/%Y}" in note.message

    with clock(at - timedelta(seconds=1)):
        assert not Article.objects.public().filter(pk=article.pk).exists()
        assert page(client, article).status_code == 404
    with clock(at):
        assert Article.objects.public().filter(pk=article.pk).exists()
        assert "44.881 đảng viên" in page(client, article).content.decode()
    with clock(at + timedelta(days=30)):
        assert page(client, article).status_code == 200


def test_unscheduling_keeps_the_article_off_the_site_until_published_again(
    client, no_page_cache, write, reporter, editor, leader, leader2
):
    article = write(reporter)
    services.submit(reporter, article)
    services.approve(editor, article)
    at = timezone.now() + timedelta(hours=3)
    services.approve(leader, article, publish_at=at)
    services.unschedule(leader2, article)
    assert (article.status, article.is_live) == (Status.APPROVED, False)
    assert log(article)[-1][:3] == (T.UNSCHEDULE, Status.PUBLISHED, Status.APPROVED)
    with clock(at + timedelta(hours=1)):
        assert not Article.objects.public().filter(pk=article.pk).exists()
        assert page(client, article).status_code == 404

    with pytest.raises(ActionRefused, match="Bài không có lịch xuất bản để hủy"):
        services.unschedule(leader2, article)
    services.publish(leader2, article)
    assert page(client, article).status_code == 200
    assert article.published_at <= timezone.now()


def test_withdrawal_needs_a_reason_and_takes_the_article_off_the_site(
    client, no_page_cache, published, reporter, leader2
):
    article = published()
    before = state(article)
    with pytest.raises(ActionRefused, match="Hãy ghi lý do gỡ bài"):
        services.withdraw(leader2, article, reason=" ")
    assert state(article) == before

    services.withdraw(leader2, article, reason="Số liệu điểm cầu chưa chính xác.")
    assert (article.status, article.is_live) == (Status.WITHDRAWN, False)
    assert page(client, article).status_code == 404
    withdrawn = Transition.objects.filter(article=article).latest("id")
    assert (withdrawn.action, withdrawn.comment) == (T.WITHDRAW, "Số liệu điểm cầu chưa chính xác.")
    note = Notification.objects.get(article=article, kind=Kind.WITHDRAWN)
    assert note.recipient == reporter and "Số liệu điểm cầu chưa chính xác." in note.message


def test_a_withdrawn_article_comes_back_only_through_the_chain(
    client, no_page_cache, published, reporter, editor, leader, leader2
):
    article = published()
    services.withdraw(leader2, article, reason="Cần kiểm tra lại số liệu.")
    services.save_working_copy(
        reporter, article, {"body": NEW_BODY}, base_revision_id=article.latest_revision_id
    )
    assert article.status == Status.DRAFT
    services.submit(reporter, article)
    services.approve(editor, article)
    assert page(client, article).status_code == 404
    services.approve(leader, article)
    assert "Toàn tỉnh có 253 điểm cầu" in page(client, article).content.decode()


def test_a_public_article_cannot_be_rescheduled_and_the_refusal_changes_nothing(
    published, reporter, editor, leader
):
    """A new version of a public article goes out when approved; a time in the future
    would take the article off the site until then."""
    article = published()
    services.save_working_copy(
        reporter, article, {"body": NEW_BODY}, base_revision_id=article.latest_revision_id
    )
    services.submit(reporter, article)
    services.approve(editor, article)
    before = state(article)
    with pytest.raises(ActionRefused, match="Bài đang được công khai"):
        services.approve(leader, article, publish_at=timezone.now() + timedelta(days=1))
    assert state(article) == before
    assert Article.objects.get(pk=article.pk).current_step.name == "Lãnh đạo Ban phê duyệt"


# What is public is what was approved ------------------------------------------------------


@pytest.mark.parametrize("page_cache_seconds", [0, 300], ids=["no-page-cache", "page-cache"])
def test_editing_a_published_article_changes_nothing_public_until_it_is_approved_again(
    client, settings, page_cache_seconds, published, reporter, editor, leader
):
    settings.PUBLIC_CACHE_TIMEOUT = page_cache_seconds
    cache.clear()
    article = published(title="Hà Nam quán triệt Nghị quyết 57")
    first_published_at = article.published_at
    assert "Toàn tỉnh có 252 điểm cầu" in page(client, article).content.decode()

    services.save_working_copy(
        reporter,
        article,
        {"title": "Hà Nam quán triệt Nghị quyết 57 (cập nhật)", "body": NEW_BODY},
        base_revision_id=article.latest_revision_id,
    )
    assert (article.status, article.is_live) == (Status.DRAFT, True)
    assert article.has_unpublished_changes
    assert log(article)[-1][:3] == (T.EDIT, Status.PUBLISHED, Status.DRAFT)

    def readers_see():
        public = Article.objects.public().get(pk=article.pk)
        html = page(client, article).content.decode()
        return (
            public.title,
            "Toàn tỉnh có 252 điểm cầu" in html,
            "Toàn tỉnh có 253 điểm cầu" in html,
        )

    assert readers_see() == ("Hà Nam quán triệt Nghị quyết 57", True, False)
    services.submit(reporter, article)
    assert readers_see() == ("Hà Nam quán triệt Nghị quyết 57", True, False)
    services.approve(editor, article)
    assert readers_see() == ("Hà Nam quán triệt Nghị quyết 57", True, False)

    services.approve(leader, article)
    assert readers_see() == ("Hà Nam quán triệt Nghị quyết 57 (cập nhật)", False, True)
    assert "(cập nhật)" in page(client, article).content.decode()
    article.refresh_from_db()
    assert article.published_at == first_published_at
    assert article.last_published_at > first_published_at
    assert article.live_revision == article.latest_revision and not article.has_unpublished_changes


def test_a_new_version_that_is_returned_leaves_the_published_one_online(
    client, no_page_cache, published, reporter, editor
):
    article = published()
    services.save_working_copy(
        reporter, article, {"body": NEW_BODY}, base_revision_id=article.latest_revision_id
    )
    services.submit(reporter, article)
    services.return_to_author(editor, article, comment="Số 253 chưa khớp với báo cáo.")
    html = page(client, article).content.decode()
    assert "Toàn tỉnh có 252 điểm cầu" in html and "Toàn tỉnh có 253 điểm cầu" not in html


# Revisions, diff, restore ---------------------------------------------------------------


def test_every_save_keeps_a_revision_and_a_save_that_changes_nothing_keeps_none(
    write, reporter, editor
):
    article = write(reporter)
    first = article.latest_revision
    assert (first.number, first.created_by) == (1, reporter)

    second = services.save_working_copy(
        reporter, article, {"title": "Tiêu đề thứ hai"}, base_revision_id=first.pk
    )
    assert (second.number, second.created_by, second.title) == (2, reporter, "Tiêu đề thứ hai")
    # A draft's row follows its working copy: lists in the workspace show the new title.
    assert Article.objects.get(pk=article.pk).title == "Tiêu đề thứ hai"

    same = services.save_working_copy(
        editor,
        article,
        {"title": "Tiêu đề thứ hai", "body": BODY},
        base_revision_id=second.pk,
    )
    assert same == second
    assert article.revisions.count() == 2

    third = services.save_working_copy(
        editor, article, {"body": NEW_BODY}, base_revision_id=second.pk
    )
    assert (third.number, third.created_by) == (3, editor)
    assert third.content["title"] == "Tiêu đề thứ hai"  # fields not sent are kept
    assert list(article.revisions.values_list("number", flat=True)) == [3, 2, 1]


def test_the_diff_between_two_revisions_marks_the_changed_words(write, reporter):
    article = write(reporter)
    old = article.latest_revision
    new = services.save_working_copy(
        reporter,
        article,
        {"title": "Hà Nam quán triệt Nghị quyết 57-NQ/TW năm 2025", "body": NEW_BODY},
        base_revision_id=old.pk,
    )
    diffs = {d.name: d for d in changed_fields(old.content, new.content)}
    assert set(diffs) == {"title", "body"}
    assert diffs["title"].label == "Tiêu đề"
    assert "<ins>năm 2025</ins>" in diffs["title"].unified.replace("<ins> ", "<ins>")
    body = diffs["body"].unified
    assert "<del>252</del>" in body and "<ins>253</ins>" in body
    assert "<del>251</del>" in body and "<ins>252</ins>" in body
    # The unchanged paragraph is shown as it is, unmarked.
    assert "<p>Hội nghị đã quán triệt Nghị quyết số 57-NQ/TW của Bộ Chính trị.</p>" in body


def test_restoring_an_old_revision_makes_it_a_new_draft_and_readers_keep_the_live_one(
    client, no_page_cache, published, reporter, editor, leader
):
    article = published()
    v1 = article.latest_revision
    # Version 2 goes through the chain and is what readers have.
    services.save_working_copy(reporter, article, {"body": NEW_BODY}, base_revision_id=v1.pk)
    services.submit(reporter, article)
    services.approve(editor, article)
    services.approve(leader, article)
    v2 = article.live_revision
    assert "Toàn tỉnh có 253 điểm cầu" in page(client, article).content.decode()

    v3 = services.restore_revision(editor, article, v1)
    assert (v3.number, v3.restored_from, v3.created_by) == (3, v1, editor)
    assert v3.content == v1.content
    assert (article.status, article.latest_revision, article.live_revision) == (
        Status.DRAFT,
        v3,
        v2,
    )
    html = page(client, article).content.decode()
    assert "Toàn tỉnh có 253 điểm cầu" in html and "Toàn tỉnh có 252 điểm cầu" not in html
    restored = Transition.objects.filter(article=article, action=T.RESTORE).get()
    assert restored.comment == "Khôi phục phiên bản 1" and restored.actor == editor
    assert restored.revision == v3


def test_a_revision_of_another_article_cannot_be_restored(write, reporter):
    article, other = write(reporter), write(reporter, title="Bài khác")
    before = state(article)
    with pytest.raises(ActionRefused, match="Phiên bản này không thuộc bài viết"):
        services.restore_revision(reporter, article, other.latest_revision)
    assert state(article) == before


# The optimistic lock and double clicks ------------------------------------------------------


def test_the_second_of_two_editors_saving_the_same_version_is_refused(write, reporter, editor):
    article = write(reporter)
    base = article.latest_revision
    # Both open version 1; the reporter saves first.
    theirs = services.save_working_copy(
        reporter, article, {"title": "Tiêu đề của phóng viên"}, base_revision_id=base.pk
    )
    with pytest.raises(EditConflict) as conflict:
        services.save_working_copy(
            editor,
            article,
            {"title": "Tiêu đề của biên tập", "body": NEW_BODY},
            base_revision_id=base.pk,
        )
    assert "Bài vừa được người khác lưu; bản của bạn chưa được lưu." in str(conflict.value)
    # What the editor is shown: what changed since they opened it, and their own text.
    assert conflict.value.latest == theirs
    assert [d.label for d in changed_fields(base.content, conflict.value.latest.content)] == [
        "Tiêu đề"
    ]
    assert conflict.value.attempted["title"] == "Tiêu đề của biên tập"
    # Nothing was overwritten.
    article.refresh_from_db()
    assert article.latest_revision == theirs and article.title == "Tiêu đề của phóng viên"
    assert article.revisions.count() == 2

    # Having seen the other save, the editor saves on top of it.
    mine = services.save_working_copy(
        editor, article, {"body": NEW_BODY}, base_revision_id=theirs.pk
    )
    assert mine.content["title"] == "Tiêu đề của phóng viên" and mine.content["body"] == NEW_BODY


def test_the_first_save_of_an_article_loaded_before_the_workflow_is_no_conflict(
    client, no_page_cache, make_article, editor
):
    """Imported articles have no revision; whoever opens one saw the row itself."""
    article = make_article(title="Bài nhập từ trang cũ", body="<p>Nội dung cũ.</p>")
    assert article.latest_revision is None
    revision = services.save_working_copy(
        editor, article, {"body": "<p>Nội dung mới.</p>"}, base_revision_id=None
    )
    assert revision.number == 2
    assert article.revisions.get(number=1).content["body"] == "<p>Nội dung cũ.</p>"
    assert "Nội dung cũ." in page(client, article).content.decode()


def test_a_transition_on_an_article_loaded_before_the_workflow_is_no_conflict(make_article, leader):
    article = make_article(title="Bài nhập từ trang cũ")
    services.withdraw(
        leader, article, reason="Bài cũ hết hiệu lực.", expected=ExpectedState.of(article)
    )
    assert article.status == Status.WITHDRAWN


def test_a_double_click_makes_one_transition(write, reporter, editor, leader):
    """A deputy head who also edits holds both steps: without the state the click was
    made in, the second click would approve the second step too."""
    deputy = make_user("photruongban", EDITOR, APPROVER)
    article = write(reporter)
    seen = ExpectedState.of(article)
    services.submit(reporter, article, expected=seen)
    with pytest.raises(ActionRefused, match="vừa được người khác xử lý"):
        services.submit(reporter, article, expected=seen)

    seen = ExpectedState.of(article)
    services.approve(deputy, article, expected=seen)
    assert article.current_step.name == "Lãnh đạo Ban phê duyệt"
    assert can(deputy, Action.APPROVE, article)  # the second click is not stopped by the rules
    before = state(article)
    with pytest.raises(ActionRefused, match="vừa được người khác xử lý"):
        services.approve(deputy, article, expected=seen)
    assert state(article) == before
    assert [a for a, *_ in log(article)].count(T.APPROVE) == 1
    assert [a for a, *_ in log(article)].count(T.SUBMIT) == 1


def test_an_approval_of_a_version_someone_changed_meanwhile_is_refused(
    write, reporter, editor, editor2
):
    article = write(reporter)
    services.submit(reporter, article)
    seen = ExpectedState.of(article)
    services.save_working_copy(
        editor2, article, {"body": NEW_BODY}, base_revision_id=article.latest_revision_id
    )
    with pytest.raises(ActionRefused, match="vừa được người khác xử lý"):
        services.approve(editor, article, expected=seen)
    assert article.current_step.name == "Biên tập"


# The transition log ---------------------------------------------------------------------


def test_the_log_cannot_be_changed_or_deleted(write, reporter):
    article = write(reporter)
    services.submit(reporter, article)
    entry = Transition.objects.filter(article=article).latest("id")
    entry.comment = "Sửa lại lịch sử"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(DatabaseError), transaction.atomic():
        Transition.objects.filter(pk=entry.pk).update(comment="Sửa lại lịch sử")
    with pytest.raises(DatabaseError), transaction.atomic():
        Transition.objects.filter(article=article).update(actor=reporter, to_status="published")
    assert Transition.objects.get(pk=entry.pk).comment == ""
    # Nor does it go with its article.
    with pytest.raises(ProtectedError):
        Article.objects.get(pk=article.pk).delete()
    assert len(log(article)) == 2


@pytest.mark.postgres
def test_the_log_cannot_be_deleted_even_in_bulk_on_postgresql(write, reporter):
    article = write(reporter)
    services.submit(reporter, article)
    with pytest.raises(DatabaseError), transaction.atomic():
        Transition.objects.filter(article=article).delete()
    assert len(log(article)) == 2


def test_renaming_a_step_does_not_rewrite_history(write, reporter, editor):
    article = write(reporter)
    services.submit(reporter, article)
    services.approve(editor, article)
    ApprovalStep.objects.filter(order=1).update(name="Phòng Biên tập đọc duyệt")
    assert [step for *_, step, _ in log(article)][1:] == ["Biên tập", "Biên tập"]


# Corrections ----------------------------------------------------------------------------


def test_a_published_article_carries_a_dated_public_correction(
    client, no_page_cache, published, leader2
):
    article = published()
    correction = services.add_correction(
        leader2, article, "Bài viết ghi nhầm số điểm cầu cấp cơ sở là 250, đúng là 251."
    )
    assert correction.created_by == leader2
    html = page(client, article).content.decode()
    assert "Đính chính" in html and "đúng là 251" in html
    assert timezone.localtime(correction.created_at).strftime("%d/%m/%Y") in html


def test_corrections_only_on_what_readers_can_see(write, published, reporter, editor, leader):
    draft = write(reporter)
    with pytest.raises(ActionRefused, match="Chỉ đăng đính chính cho bài đang được công khai"):
        services.add_correction(leader, draft, "Đính chính.")
    scheduled = write(reporter, title="Bài hẹn giờ")
    services.submit(reporter, scheduled)
    services.approve(editor, scheduled)
    services.approve(leader, scheduled, publish_at=timezone.now() + timedelta(days=1))
    with pytest.raises(ActionRefused, match="Chỉ đăng đính chính"):
        services.add_correction(leader, scheduled, "Đính chính.")
    live = published(title="Bài đã đăng")
    with pytest.raises(ActionRefused, match="Bạn không có quyền đăng đính chính"):
        services.add_correction(editor, live, "Đính chính.")
    with pytest.raises(ActionRefused, match="Nội dung đính chính trống"):
        services.add_correction(leader, live, "  ")
    assert not Correction.objects.exists()


# Nobody approves their own article ------------------------------------------------------


def test_nobody_approves_a_step_of_their_own_article(write, editor, editor2, leader, leader2):
    article = write(editor)
    services.submit(editor, article)
    before = state(article)
    with pytest.raises(ActionRefused, match="Không ai được duyệt bài do chính mình viết"):
        services.approve(editor, article)
    with pytest.raises(ActionRefused, match="Không ai được duyệt bài do chính mình viết"):
        services.return_to_author(editor, article, comment="Tự trả lại.")
    assert state(article) == before
    services.approve(editor2, article)

    own = write(leader, title="Bài của lãnh đạo")
    services.submit(leader, own)
    services.approve(editor, own)
    with pytest.raises(ActionRefused, match="Không ai được duyệt bài do chính mình viết"):
        services.approve(leader, own)
    services.approve(leader2, own)
    assert own.status == Status.PUBLISHED


@override_settings(WORKFLOW_ALLOW_SELF_APPROVAL=True)
def test_self_approval_when_the_setting_allows_it(write, editor, leader):
    article = write(editor)
    services.submit(editor, article)
    services.approve(editor, article)
    assert article.current_step.name == "Lãnh đạo Ban phê duyệt"


# Notifications --------------------------------------------------------------------------


def test_on_submission_exactly_the_holders_of_the_first_step_are_told(
    write, reporter, editor, editor2, leader, django_capture_on_commit_callbacks
):
    make_user("bientap-nghi", EDITOR, is_active=False)
    make_user("bientap-khongthu", EDITOR, email=False)
    article = write(reporter)
    with django_capture_on_commit_callbacks() as callbacks:
        services.submit(reporter, article)
    # Nothing is mailed before the transition is committed.
    assert mail.outbox == []
    for callback in callbacks:
        callback()
    assert told(article) == ["bientap", "bientap-khongthu", "bientap2"]
    assert mailed() == ["bientap2@tuyengiao.example.vn", "bientap@tuyengiao.example.vn"]
    message = mail.outbox[0]
    assert message.subject == (
        "[Tòa soạn] Có bài chờ duyệt ở bước “Biên tập”: Hà Nam quán triệt Nghị quyết 57-NQ/TW"
    )
    assert reverse("workspace:article-edit", kwargs={"pk": article.pk}) in message.body


def test_an_editor_submitting_their_own_article_is_not_told_about_it(
    write, editor, editor2, django_capture_on_commit_callbacks
):
    article = write(editor)
    with django_capture_on_commit_callbacks(execute=True):
        services.submit(editor, article)
    assert told(article) == ["bientap2"]
    assert mailed() == ["bientap2@tuyengiao.example.vn"]


def test_on_each_approval_the_next_step_holders_are_told_once(
    write, reporter, editor, leader, leader2, django_capture_on_commit_callbacks
):
    # Reachable by two paths: in both review groups, and a superuser besides.
    both = make_user("photruongban", EDITOR, APPROVER, is_superuser=True)
    both.groups.add(Group.objects.get(name=APPROVER.name))
    article = write(reporter)
    services.submit(reporter, article)
    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        services.approve(editor, article)
    assert told(article) == ["lanhdao", "lanhdao2", "photruongban"]
    assert mailed() == [
        "lanhdao2@tuyengiao.example.vn",
        "lanhdao@tuyengiao.example.vn",
        "photruongban@tuyengiao.example.vn",
    ]


def test_once_a_step_is_acted_on_the_others_waiting_notes_are_settled(
    write, reporter, editor, editor2, leader
):
    article = write(reporter)
    services.submit(reporter, article)
    services.save_working_copy(
        editor,
        article,
        {"title": article.title, "body": "<p>Biên tập lại.</p>"},
        base_revision_id=article.latest_revision_id,
    )
    waiting = Notification.objects.filter(article=article, kind=Notification.Kind.SUBMITTED)
    assert waiting.filter(read_at__isnull=True).count() == 2
    services.approve(editor, article)
    unread = waiting.filter(read_at__isnull=True)
    # The editors' notes are settled; the leaders' new ones wait for them.
    assert sorted(n.recipient.username for n in unread) == ["lanhdao"]


def test_whoever_approves_is_not_told_of_the_next_step_they_also_hold(
    write, reporter, leader, django_capture_on_commit_callbacks
):
    deputy = make_user("photruongban", EDITOR, APPROVER)
    article = write(reporter)
    services.submit(reporter, article)
    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        services.approve(deputy, article)
    assert told(article) == ["lanhdao"]
    assert mailed() == ["lanhdao@tuyengiao.example.vn"]


def test_the_author_is_told_of_publication_and_no_one_else(
    write, reporter, editor, leader, django_capture_on_commit_callbacks
):
    article = write(reporter)
    services.submit(reporter, article)
    services.approve(editor, article)
    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        services.approve(leader, article)
    assert told(article) == ["phongvien"]
    assert told(article, Kind.PUBLISHED) == ["phongvien"]
    assert mailed() == ["phongvien@tuyengiao.example.vn"]
    assert mail.outbox[0].subject == (
        "[Tòa soạn] Bài đã được xuất bản: Hà Nam quán triệt Nghị quyết 57-NQ/TW"
    )


def test_the_author_is_told_of_a_return_with_the_comment(
    write, reporter, editor, django_capture_on_commit_callbacks
):
    article = write(reporter)
    services.submit(reporter, article)
    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        services.return_to_author(editor, article, comment="Ảnh thiếu chú thích.")
    assert told(article, Kind.RETURNED) == ["phongvien"] and told(article) == ["phongvien"]
    assert mailed() == ["phongvien@tuyengiao.example.vn"]
    assert "Ảnh thiếu chú thích." in mail.outbox[0].body


def test_nobody_is_told_of_what_they_did_themselves(write, leader, leader2, editor):
    article = write(leader)
    services.submit(leader, article)
    services.approve(editor, article)
    services.approve(leader2, article)
    services.withdraw(leader, article, reason="Tự gỡ để bổ sung.")
    assert told(article, Kind.WITHDRAWN) == []
    assert told(article, Kind.PUBLISHED) == ["lanhdao"]


class BrokenMailBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("máy chủ thư không trả lời")


@override_settings(EMAIL_BACKEND="tests.test_workflow_services.BrokenMailBackend")
def test_a_mail_failure_neither_blocks_nor_undoes_the_transition(
    write, reporter, editor, caplog, django_capture_on_commit_callbacks
):
    article = write(reporter)
    with (
        caplog.at_level(logging.ERROR, logger="workflow.notifications"),
        django_capture_on_commit_callbacks(execute=True) as callbacks,
    ):
        services.submit(reporter, article)
    assert callbacks, "the mail was to go out after commit"
    assert Article.objects.get(pk=article.pk).status == Status.SUBMITTED
    assert told(article) == ["bientap"]  # the workspace list still has it
    assert mail.outbox == []
    assert "Could not send workflow e-mail" in caplog.text


@override_settings(EMAIL_BACKEND="tests.test_workflow_services.BrokenMailBackend")
def test_a_mail_failure_after_a_real_commit_leaves_the_transition_committed(
    transactional_db, category, caplog
):
    reporter = make_user("phongvien-tx", AUTHOR)
    make_user("bientap-tx", EDITOR)
    article = services.create_article(
        reporter, {"title": "Bài gửi khi máy chủ thư hỏng", "category": category.pk}
    )
    with caplog.at_level(logging.ERROR, logger="workflow.notifications"):
        services.submit(reporter, article)
    assert "Could not send workflow e-mail" in caplog.text
    assert Article.objects.get(pk=article.pk).status == Status.SUBMITTED
    assert Transition.objects.filter(article=article, action=T.SUBMIT).count() == 1
    assert told(article) == ["bientap-tx"]


def test_comments_reach_the_author(write, reporter, editor):
    article = write(reporter)
    comment = services.add_comment(editor, article, "  Cần thêm ảnh hội trường.  ")
    assert comment.body == "Cần thêm ảnh hội trường."
    assert told(article, Kind.COMMENTED) == ["phongvien"]
    with pytest.raises(ActionRefused, match="Ý kiến trống"):
        services.add_comment(editor, article, " ")


def test_a_changed_list_item_is_shown_as_that_item_in_its_list():
    from workflow.diff import body_diff

    old = "<p>Điểm cầu:</p><ul><li>Cấp tỉnh</li><li>Cấp huyện</li></ul>"
    new = "<p>Điểm cầu:</p><ul><li>Cấp tỉnh</li><li>Cấp xã, phường</li></ul>"
    left, right, unified = body_diff(old, new)
    # The unchanged item stays a list item, the changed one is marked inside its item.
    assert "<ul><li>Cấp tỉnh</li></ul>" in right
    assert '<ul class="diff-changed"><li>Cấp <ins>xã, phường</ins></li></ul>' in right
    assert '<ul class="diff-changed"><li>Cấp <del>huyện</del></li></ul>' in left
    assert "Cấp tỉnh Cấp" not in unified
