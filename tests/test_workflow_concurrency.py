"""Two people acting on one article at the same moment, on PostgreSQL's row locks.

Each test starts two threads, each with its own database connection, releases them
together from a barrier and lets each call an operation. The operations are slowed
down between deciding and writing (the rule check sleeps after it passes), so that
without the row lock both would decide on the same state and both would write.
"""

from __future__ import annotations

import threading
import time
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.db import connections

from accounts.models import User
from accounts.roles import APPROVER, AUTHOR, EDITOR
from articles.models import Article, Category
from workflow import rules, services
from workflow.models import Comment, Notification, Revision, Transition
from workflow.rules import ActionRefused
from workflow.services import EditConflict, ExpectedState

pytestmark = [pytest.mark.postgres]

Status = Article.Status
T = Transition.Action
# Long enough that the second thread reaches the lock while the first holds it.
WINDOW = 0.4


def make_user(username: str, *roles) -> User:
    user = User.objects.create_user(
        username, f"{username}@tuyengiao.example.vn", "mat-khau-dai-123"
    )
    user.groups.add(*(Group.objects.get(name=role.name) for role in roles))
    return user


@pytest.fixture
def newsroom(transactional_db):
    section = Category.objects.create(name="Tin hoạt động")
    reporter = make_user("phongvien", AUTHOR)
    article = services.create_article(
        reporter,
        {
            "title": "Hà Nam quán triệt Nghị quyết 57-NQ/TW",
            "body": "<p>Toàn tỉnh có 252 điểm cầu.</p>",
            "category": section.pk,
        },
    )
    return reporter, article


@pytest.fixture
def slow_decisions():
    """Every operation lingers between its rule check and its writes."""
    real_check = rules.check

    def check_then_wait(user, action, article):
        real_check(user, action, article)
        time.sleep(WINDOW)

    with mock.patch("workflow.services.check", check_then_wait):
        yield


def at_once(*calls) -> list:
    """Run calls in threads released together; each result is a value or the exception."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def worker(index, call):
        try:
            barrier.wait(timeout=10)
            results[index] = call()
        except Exception as exc:  # the exception is the result
            results[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=pair) for pair in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a thread is stuck on a lock"
    return results


def as_fresh(user_pk: int, article_pk: int):
    """The user and the article as a request in that thread would load them."""
    return User.objects.get(pk=user_pk), Article.objects.get(pk=article_pk)


def refusals(results) -> list:
    return [r for r in results if isinstance(r, Exception)]


def test_two_editors_approving_at_once_make_one_approval(newsroom, slow_decisions):
    reporter, article = newsroom
    editors = [make_user("bientap1", EDITOR), make_user("bientap2", EDITOR)]
    leader = make_user("lanhdao", APPROVER)
    services.submit(reporter, article)

    def approve(editor):
        def call():
            user, fresh = as_fresh(editor.pk, article.pk)
            services.approve(user, fresh)
            return "approved"

        return call

    results = at_once(approve(editors[0]), approve(editors[1]))
    assert results.count("approved") == 1
    (refused,) = refusals(results)
    assert isinstance(refused, ActionRefused)
    assert str(refused) == "Bạn không phụ trách bước duyệt hiện tại của bài này."
    article.refresh_from_db()
    assert (article.status, article.current_step.order) == (Status.SUBMITTED, 2)
    assert Transition.objects.filter(article=article, action=T.APPROVE).count() == 1
    # The leader is told once, not once per click.
    assert Notification.objects.filter(article=article, recipient=leader).count() == 1


def test_a_double_click_by_someone_holding_both_steps_approves_one_step(newsroom, slow_decisions):
    reporter, article = newsroom
    deputy = make_user("photruongban", EDITOR, APPROVER)
    services.submit(reporter, article)
    seen = ExpectedState.of(Article.objects.get(pk=article.pk))

    def click():
        user, fresh = as_fresh(deputy.pk, article.pk)
        services.approve(user, fresh, expected=seen)
        return "approved"

    results = at_once(click, click)
    assert results.count("approved") == 1
    (refused,) = refusals(results)
    assert isinstance(refused, ActionRefused) and "vừa được người khác xử lý" in str(refused)
    article.refresh_from_db()
    assert (article.status, article.current_step.order) == (Status.SUBMITTED, 2)
    assert Transition.objects.filter(article=article, action=T.APPROVE).count() == 1


def test_an_approval_and_a_return_at_once_make_one_transition(newsroom, slow_decisions):
    reporter, article = newsroom
    approver, returner = make_user("bientap1", EDITOR), make_user("bientap2", EDITOR)
    services.submit(reporter, article)

    def approve():
        user, fresh = as_fresh(approver.pk, article.pk)
        services.approve(user, fresh)
        return "approved"

    def send_back():
        user, fresh = as_fresh(returner.pk, article.pk)
        services.return_to_author(user, fresh, comment="Thiếu ảnh hội nghị.")
        return "returned"

    results = at_once(approve, send_back)
    assert len(refusals(results)) == 1
    assert all(isinstance(r, ActionRefused) for r in refusals(results))
    article.refresh_from_db()
    made = list(
        Transition.objects.filter(article=article, action__in=[T.APPROVE, T.RETURN]).values_list(
            "action", flat=True
        )
    )
    if "approved" in results:
        assert made == [T.APPROVE] and article.status == Status.SUBMITTED
        assert not Comment.objects.filter(article=article).exists()
    else:
        assert made == [T.RETURN] and article.status == Status.RETURNED
        assert Comment.objects.filter(article=article).count() == 1


def test_two_saves_of_the_same_version_at_once_keep_one_and_refuse_the_other(
    newsroom, slow_decisions
):
    reporter, article = newsroom
    editor = make_user("bientap", EDITOR)
    base = article.latest_revision_id

    def save(user_pk, title):
        def call():
            user, fresh = as_fresh(user_pk, article.pk)
            return services.save_working_copy(user, fresh, {"title": title}, base_revision_id=base)

        return call

    results = at_once(
        save(reporter.pk, "Tiêu đề của phóng viên"), save(editor.pk, "Tiêu đề của biên tập")
    )
    saved = [r for r in results if isinstance(r, Revision)]
    assert len(saved) == 1
    (conflict,) = refusals(results)
    assert isinstance(conflict, EditConflict)
    assert conflict.latest == saved[0]
    assert Revision.objects.filter(article=article).count() == 2
    article.refresh_from_db()
    assert article.latest_revision == saved[0]
    assert article.title == saved[0].title
