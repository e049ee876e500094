"""The trash (thùng rác): nothing an editor does loses an article.

Staff move articles to the trash and back; only administrators empty it, and even then
every revision, transition log row and audit row stays. A trashed article is shown
nowhere: not on the public site, not in the workspace's lists, not in search.
"""

from __future__ import annotations

import re

import pytest
from django.contrib.admin.sites import site as admin_site
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from accounts.roles import ADMIN, APPROVER, AUTHOR, EDITOR
from articles.models import Article
from audit.models import AuditEvent
from workflow import rules, services
from workflow.models import Revision, ShareLink, Transition
from workflow.rules import Action, ActionRefused
from workflow.services import ExpectedState
from workspace import sharing

PASSWORD = "mat-khau-dai-123"
TITLE = "Hội nghị quán triệt Nghị quyết Trung ương về kinh tế tư nhân"
VIETNAMESE = re.compile("[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]")


def _user(username: str, role) -> User:
    user = User.objects.create_user(username, password=PASSWORD, is_staff=True, full_name=username)
    user.groups.add(Group.objects.get(name=role.name))
    return user


@pytest.fixture
def staff(db):
    return {
        "author": _user("phongvien", AUTHOR),
        "author2": _user("congtacvien", AUTHOR),
        "editor": _user("bientap", EDITOR),
        "approver": _user("lanhdao", APPROVER),
        "admin": _user("quantri", ADMIN),
    }


@pytest.fixture
def write(staff, category):
    def make(title: str = TITLE, author: str = "author") -> Article:
        return services.create_article(
            staff[author],
            {
                "title": title,
                "sapo": "Sáng ngày 13/01/2025, Ban Thường vụ Tỉnh ủy tổ chức hội nghị.",
                "body": "<p>Toàn tỉnh có 252 điểm cầu với 44.881 đảng viên tham dự.</p>",
                "category": category.pk,
            },
        )

    return make


def publish(staff, article: Article) -> Article:
    services.submit(staff["author"], article)
    services.approve(staff["editor"], article)
    services.approve(staff["approver"], article)
    article.refresh_from_db()
    assert article.is_public
    return article


def login(client, user):
    client.force_login(user)
    return client


def history(article: Article) -> tuple[list, list]:
    revisions = list(
        Revision.objects.filter(article=article).order_by("pk").values_list("pk", "content")
    )
    log = list(
        Transition.objects.filter(article=article).order_by("pk").values_list("pk", "action")
    )
    return revisions, log


# The rules --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "whose", "state", "allowed"),
    [
        ("author", "own", "draft", True),
        ("author", "own", "returned", True),
        ("author", "other", "draft", False),
        ("editor", "other", "draft", False),
        ("approver", "other", "draft", True),
        ("admin", "other", "draft", True),
        ("author", "own", "submitted", False),
        ("approver", "other", "submitted", False),
        # Published: withdrawn first, and then only by a leader or an admin.
        ("approver", "other", "published", False),
        ("admin", "other", "published", False),
        ("author", "own", "withdrawn", False),
        ("approver", "other", "withdrawn", True),
        ("admin", "other", "withdrawn", True),
    ],
)
def test_who_may_put_what_in_the_trash(staff, write, who, whose, state, allowed):
    article = write(author="author" if whose == "own" else "author2")
    writer = staff["author" if whose == "own" else "author2"]
    if state in ("submitted", "returned"):
        services.submit(writer, article)
    if state == "returned":
        services.return_to_author(staff["editor"], article, comment="Bổ sung số liệu.")
    if state in ("published", "withdrawn"):
        services.submit(writer, article)
        services.approve(staff["editor"], article)
        services.approve(staff["approver"], article)
    if state == "withdrawn":
        services.withdraw(staff["approver"], article, reason="Số liệu chưa kiểm chứng.")
    article.refresh_from_db()
    decision = rules.decide(staff[who], Action.TRASH, article)
    assert decision.allowed is allowed
    if allowed:
        services.trash(staff[who], article)
        article.refresh_from_db()
        assert article.trashed_at is not None and article.trashed_by == staff[who]
    else:
        assert VIETNAMESE.search(decision.reason)
        with pytest.raises(ActionRefused):
            services.trash(staff[who], article)
        article.refresh_from_db()
        assert article.trashed_at is None


def test_a_published_article_must_be_withdrawn_first(staff, write):
    article = publish(staff, write())
    with pytest.raises(ActionRefused, match="gỡ bài"):
        services.trash(staff["approver"], article)
    services.withdraw(staff["approver"], article, reason="Đăng nhầm.")
    services.trash(staff["approver"], article)
    assert Article.objects.get(pk=article.pk).trashed_at is not None


def test_the_database_refuses_a_live_article_in_the_trash(staff, write):
    article = publish(staff, write())
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=article.pk).update(trashed_at=timezone.now())


def test_nothing_but_viewing_and_restoring_while_in_the_trash(staff, write):
    article = write()
    services.trash(staff["author"], article)
    for action in (Action.EDIT, Action.SUBMIT, Action.COMMENT, Action.SHARE, Action.RESTORE):
        decision = rules.decide(staff["author"], action, article)
        assert not decision.allowed and "thùng rác" in decision.reason
    assert rules.can(staff["author"], Action.VIEW, article)
    assert rules.can(staff["author"], Action.UNTRASH, article)
    assert not rules.can(staff["author2"], Action.UNTRASH, article)
    assert not rules.can(staff["approver"], Action.PURGE, article)
    assert rules.can(staff["admin"], Action.PURGE, article)


# Nothing shows it ---------------------------------------------------------------------------


def test_a_trashed_article_is_shown_nowhere(client, staff, write):
    article = publish(staff, write(title="Quán triệt Nghị quyết về kinh tế tư nhân Hà Nam"))
    kept = publish(staff, write(title="Hội nghị tổng kết công tác tuyên giáo năm 2024"))
    link = sharing.create_link(
        staff["author"], article, lifetime=timezone.timedelta(days=1), note="Gửi lãnh đạo"
    )
    services.withdraw(staff["approver"], article, reason="Đăng nhầm chuyên mục.")
    services.trash(staff["approver"], article)

    public_pages = [
        reverse("public:home"),
        reverse("public:category", kwargs={"slug": article.category.slug}),
        reverse("public:search") + "?q=kinh+t%E1%BA%BF+t%C6%B0+nh%C3%A2n",
        reverse("public:feed"),
    ]
    for url in public_pages:
        assert article.title not in client.get(url).content.decode(), url
    assert kept.title in client.get(reverse("public:home")).content.decode()
    assert client.get(article.get_absolute_url()).status_code in (404, 410)
    assert client.get(sharing.url_for(ShareLink.objects.get(pk=link.pk))).status_code == 410

    staffer = login(client, staff["approver"])
    workspace_pages = [
        reverse("workspace:dashboard"),
        reverse("workspace:article-list"),
        reverse("workspace:article-list") + "?q=kinh+t%E1%BA%BF+t%C6%B0+nh%C3%A2n",
        reverse("workspace:article-list") + "?state=withdrawn",
    ]
    for url in workspace_pages:
        html = staffer.get(url).content.decode()
        assert article.title not in html, url
    assert article.title in staffer.get(reverse("workspace:trash")).content.decode()


# Restoring ----------------------------------------------------------------------------------


def _row(article: Article) -> dict:
    row = Article.objects.filter(pk=article.pk).values().get()
    for moving in ("trashed_at", "trashed_by_id", "updated_at"):
        row.pop(moving)
    return row


def test_restoring_brings_it_back_exactly(client, staff, write):
    article = write()
    services.submit(staff["author"], article)
    services.return_to_author(staff["editor"], article, comment="Viết lại sapo.")
    article.refresh_from_db()
    before, revisions_before = _row(article), history(article)[0]
    expected = ExpectedState.of(article)

    page = login(client, staff["author"])
    response = page.post(
        reverse("workspace:article-transition", kwargs={"pk": article.pk}),
        {
            "action": "trash",
            "expected_status": expected.status,
            "expected_step": expected.step_id or "",
            "expected_revision": expected.revision_id or "",
        },
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("workspace:trash")
    assert "Đã chuyển bài" in response.content.decode()
    assert article.title not in page.get(reverse("workspace:article-list")).content.decode()

    response = page.post(reverse("workspace:trash-restore", kwargs={"pk": article.pk}), follow=True)
    assert "Đã khôi phục bài" in response.content.decode()
    article.refresh_from_db()
    assert article.trashed_at is None and article.trashed_by is None
    assert _row(article) == before
    assert history(article)[0] == revisions_before
    assert article.title in page.get(reverse("workspace:article-list")).content.decode()
    # And the work goes on where it stopped.
    services.submit(staff["author"], article)


def test_someone_elses_article_cannot_be_restored_by_a_reporter(client, staff, write):
    article = write(author="author2")
    services.trash(staff["approver"], article)
    page = login(client, staff["author"])
    assert article.title not in page.get(reverse("workspace:trash")).content.decode()
    response = page.post(reverse("workspace:trash-restore", kwargs={"pk": article.pk}), follow=True)
    assert "Bạn chỉ được chuyển vào thùng rác bài của chính mình." in response.content.decode()
    assert Article.objects.get(pk=article.pk).trashed_at is not None


# Emptying -----------------------------------------------------------------------------------


def test_only_an_administrator_empties_the_trash_and_only_when_confirmed(client, staff, write):
    article = write()
    services.trash(staff["author"], article)
    url = reverse("workspace:trash-empty")

    for role in ("author", "editor", "approver"):
        page = login(client, staff[role])
        html = page.get(reverse("workspace:trash")).content.decode()
        assert 'data-trash-button="empty"' not in html
        response = page.post(url, {"confirm": "1"}, follow=True)
        assert "Chỉ quản trị viên mới được dọn thùng rác." in response.content.decode()
        assert Article.objects.get(pk=article.pk).purged_at is None

    page = login(client, staff["admin"])
    assert 'data-trash-button="empty"' in page.get(reverse("workspace:trash")).content.decode()
    response = page.post(url, {}, follow=True)
    assert "Hãy đánh dấu ô xác nhận" in response.content.decode()
    assert Article.objects.get(pk=article.pk).purged_at is None

    response = page.post(url, {"confirm": "1"}, follow=True)
    assert "Đã dọn thùng rác: 1 bài" in response.content.decode()
    assert "Thùng rác trống." in response.content.decode()
    article.refresh_from_db()
    assert article.purged_at is not None
    with pytest.raises(ActionRefused, match="xóa vĩnh viễn"):
        services.untrash(staff["admin"], article)


def test_emptying_keeps_every_revision_and_log_row(staff, write):
    article = write()
    services.save_working_copy(
        staff["author"],
        article,
        {"sapo": "Sapo sửa lần hai."},
        base_revision_id=article.latest_revision_id,
    )
    services.submit(staff["author"], article)
    services.return_to_author(staff["editor"], article, comment="Thiếu số liệu.")
    services.trash(staff["author"], article)
    revisions, log = history(article)
    assert len(revisions) == 2

    assert services.empty_trash(staff["admin"]) == 1

    revisions_after, log_after = history(article)
    assert revisions_after == revisions
    assert log_after[: len(log)] == log
    assert [action for _, action in log_after[len(log) :]] == [Transition.Action.PURGE]
    assert Article.objects.filter(pk=article.pk).exists()
    # Gone from the trash list, the history page still reads it.
    assert not Article.objects.in_trash().filter(pk=article.pk).exists()


def test_history_page_of_an_emptied_article_still_opens(client, staff, write):
    article = write()
    services.trash(staff["author"], article)
    services.empty_trash(staff["admin"])
    page = login(client, staff["approver"])
    response = page.get(reverse("workspace:article-history", kwargs={"pk": article.pk}))
    assert response.status_code == 200
    assert "Xóa vĩnh viễn khỏi thùng rác" in response.content.decode()


def test_trash_restore_and_empty_are_in_the_log_and_the_audit_trail(staff, write):
    article = write()
    services.trash(staff["author"], article)
    services.untrash(staff["author"], article)
    services.trash(staff["approver"], article)
    services.purge(staff["admin"], article)
    actions = list(
        Transition.objects.filter(article=article)
        .order_by("pk")
        .values_list("action", "actor__username")
    )[1:]
    assert actions == [
        ("trash", "phongvien"),
        ("untrash", "phongvien"),
        ("trash", "lanhdao"),
        ("purge", "quantri"),
    ]
    audited = [
        (event.details["action"], event.actor_username)
        for event in AuditEvent.objects.filter(
            kind=AuditEvent.Kind.TRANSITION, target=f"bài #{article.pk}"
        ).order_by("id")
    ][1:]
    assert audited == actions


# The workspace's buttons ------------------------------------------------------------------


def test_the_trash_button_is_shown_only_when_the_rule_allows(client, staff, write):
    article = write()
    url = reverse("workspace:article-edit", kwargs={"pk": article.pk})
    assert 'data-transition="trash"' in login(client, staff["author"]).get(url).content.decode()
    assert (
        'data-transition="trash"' not in login(client, staff["author2"]).get(url).content.decode()
    )
    assert 'data-transition="trash"' not in login(client, staff["editor"]).get(url).content.decode()
    html = login(client, staff["approver"]).get(url).content.decode()
    assert 'data-transition="trash"' in html
    assert 'data-confirm="Chuyển bài vào thùng rác?' in html

    services.trash(staff["author"], article)
    html = login(client, staff["author"]).get(url).content.decode()
    assert "Trong thùng rác" in html
    assert 'data-trash-button="untrash"' in html
    assert 'data-transition="' not in html


def test_the_article_admin_deletes_nothing(staff, write):
    article = write()
    request = RequestFactory().get("/")
    request.user = User.objects.create_superuser("sieuquantri", password=PASSWORD)
    model_admin = admin_site._registry[Article]
    assert not model_admin.has_delete_permission(request, article)
    assert "delete_selected" not in model_admin.get_actions(request)


def test_an_article_restored_while_the_trash_is_emptied_is_skipped_not_fatal(
    staff, write, monkeypatch
):
    restored, gone = write(), write()
    services.trash(staff["author"], restored)
    services.trash(staff["author"], gone)
    listed = [restored.pk, gone.pk]
    # The list was read before someone restored the first one.
    services.untrash(staff["author"], restored)
    monkeypatch.setattr(
        type(Article.objects), "in_trash", lambda self: Article.objects.filter(pk__in=listed)
    )
    assert services.empty_trash(staff["admin"]) == 1
    restored.refresh_from_db()
    gone.refresh_from_db()
    assert (restored.trashed_at, restored.purged_at) == (None, None)
    assert gone.purged_at is not None
