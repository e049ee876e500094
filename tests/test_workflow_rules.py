"""Who may do what to which article (workflow/rules.py), checked through the operations.

The permission matrix: every role of accounts/roles.py, a deactivated user and an
anonymous visitor, × every transition of rules.TRANSITIONS and the other actions on
an article, × the article being the actor's own or a colleague's, × every state an
article can be in. The expected answers are written out by hand below, from the
issue, not computed from the rules.

Each cell is checked twice: the rule's answer (what the buttons show), and the
operation itself. A refused operation must raise ActionRefused with a Vietnamese
message and change nothing (the article row and its links, revisions, the transition
log, comments, corrections, notifications, share links, mail); an allowed one must
go through and change something (it is rolled back before the next cell).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser, Group, Permission
from django.core import mail
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from accounts.models import User
from accounts.roles import ADMIN, APPROVER, AUTHOR, EDITOR
from articles.models import Article, Correction
from workflow import rules, services
from workflow.models import ApprovalStep, Comment, Notification, Revision, ShareLink, Transition
from workflow.revisions import MANY_TO_MANY
from workflow.rules import Action, ActionRefused
from workspace import sharing

# Letters only Vietnamese uses: a refusal in English (or an empty one) has none.
VIETNAMESE = re.compile(
    "[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]", re.IGNORECASE
)

ACTIONS = (
    Action.SUBMIT,
    Action.RECALL,
    Action.APPROVE,
    Action.RETURN,
    Action.PUBLISH,
    Action.UNSCHEDULE,
    Action.WITHDRAW,
    Action.EDIT,
    Action.RESTORE,
    Action.COMMENT,
    Action.CORRECT,
    Action.SHARE,
    Action.TRASH,
    Action.UNTRASH,
    Action.PURGE,
)

# The expected matrix. A: Phóng viên / Cộng tác viên, E: Biên tập viên, L: Lãnh đạo Ban,
# Q: Quản trị viên. "own": the actor wrote the article; "other": a fellow reporter did.
# What a cell does not list is refused. The default chain: step 1 Biên tập (editors),
# step 2 Lãnh đạo Ban phê duyệt (leaders, who publish on approving).
MATRIX = {
    "draft": {
        "own": {
            "A": "submit edit restore comment share trash",
            "E": "submit edit restore comment share trash",
            "L": "submit edit restore comment share trash",
            "Q": "comment share trash",
        },
        "other": {
            # Only leaders and administrators put a colleague's article in the trash.
            "A": "comment",
            "E": "submit edit restore comment share",
            "L": "submit edit restore comment share trash",
            "Q": "comment trash",
        },
    },
    "submitted_step1": {
        "own": {
            "A": "recall comment share",
            # Not edit: the author recalls first, reviewer or not, and approves nothing.
            "E": "recall comment share",
            "L": "recall comment share",
            # Recall asks for no permission beyond being the author (see the report).
            "Q": "recall comment share",
        },
        "other": {
            "A": "comment",
            "E": "approve return edit restore comment share",
            # Leaders hold step 2, not step 1: the chain is passed in order.
            "L": "comment share",
            "Q": "comment",
        },
    },
    "submitted_step2": {
        "own": {
            "A": "recall comment share",
            "E": "recall comment share",
            "L": "recall comment share",
            "Q": "recall comment share",
        },
        "other": {
            "A": "comment",
            "E": "comment share",
            "L": "approve return edit restore comment share",
            "Q": "comment",
        },
    },
    "returned": {
        "own": {
            "A": "submit edit restore comment share trash",
            "E": "submit edit restore comment share trash",
            "L": "submit edit restore comment share trash",
            "Q": "comment share trash",
        },
        "other": {
            "A": "comment",
            "E": "submit edit restore comment share",
            "L": "submit edit restore comment share trash",
            "Q": "comment trash",
        },
    },
    # Approved, waiting to be published: nobody edits it any more, leaders publish it.
    "approved": {
        "own": {
            "A": "comment share",
            "E": "comment share",
            "L": "publish comment share trash",
            "Q": "comment share trash",
        },
        "other": {
            "A": "comment",
            "E": "comment share",
            "L": "publish comment share trash",
            "Q": "comment trash",
        },
    },
    # Published at a time still to come: not public yet, so no correction.
    "scheduled": {
        "own": {
            "A": "edit restore comment share",
            "E": "edit restore comment share",
            "L": "unschedule withdraw edit restore comment share",
            "Q": "comment share",
        },
        "other": {
            "A": "comment",
            "E": "edit restore comment share",
            "L": "unschedule withdraw edit restore comment share",
            "Q": "comment",
        },
    },
    "published": {
        "own": {
            "A": "edit restore comment share",
            "E": "edit restore comment share",
            "L": "withdraw edit restore comment correct share",
            "Q": "comment share",
        },
        "other": {
            "A": "comment",
            "E": "edit restore comment share",
            "L": "withdraw edit restore comment correct share",
            "Q": "comment",
        },
    },
    # Published, and a new version is being written: readers still have the old one.
    "published_with_new_draft": {
        "own": {
            "A": "submit edit restore comment share",
            "E": "submit edit restore comment share",
            "L": "submit withdraw edit restore comment correct share",
            "Q": "comment share",
        },
        "other": {
            "A": "comment",
            "E": "submit edit restore comment share",
            "L": "submit withdraw edit restore comment correct share",
            "Q": "comment",
        },
    },
    # Withdrawn: editing starts a new version; it has to pass the chain again.
    # Once published, an article goes to the trash only by a leader's or an admin's hand.
    "withdrawn": {
        "own": {
            "A": "edit restore comment share",
            "E": "edit restore comment share",
            "L": "edit restore comment share trash",
            "Q": "comment share trash",
        },
        "other": {
            "A": "comment",
            "E": "edit restore comment share",
            "L": "edit restore comment share trash",
            "Q": "comment trash",
        },
    },
    # A never-published draft in the trash: restored by its author or a leader, emptied
    # out by administrators only; nothing else until it is restored.
    "trashed": {
        "own": {
            "A": "untrash",
            "E": "untrash",
            "L": "untrash",
            "Q": "untrash purge",
        },
        "other": {
            "A": "",
            "E": "",
            "L": "untrash",
            "Q": "untrash purge",
        },
    },
}
STATES = tuple(MATRIX)
ROLE_KEYS = {"author": "A", "editor": "E", "leader": "L", "admin": "Q"}


def expected_actions(state: str, whose: str, role: str) -> set[str]:
    return set(MATRIX[state][whose][ROLE_KEYS[role]].split())


# The cast ---------------------------------------------------------------------------------


def make_user(username: str, *roles, **fields) -> User:
    user = User.objects.create_user(
        username, f"{username}@tuyengiao.example.vn", "mat-khau-dai-123", **fields
    )
    user.groups.add(*(Group.objects.get(name=role.name) for role in roles))
    return user


@dataclass
class Cast:
    author: User
    editor: User
    leader: User
    admin: User
    inactive: User
    # Colleagues who write the "other" articles and move articles through the chain.
    reporter: User
    editor2: User
    leader2: User
    category_id: int

    def actor(self, role: str):
        if role == "anonymous":
            return AnonymousUser()
        return getattr(self, role)


@pytest.fixture
def cast(db, category) -> Cast:
    return Cast(
        author=make_user("phongvien", AUTHOR),
        editor=make_user("bientap", EDITOR),
        leader=make_user("lanhdao", APPROVER),
        admin=make_user("quantri", ADMIN),
        # A former Lãnh đạo Ban, deactivated after the article was built (see build).
        inactive=make_user("danghi", APPROVER),
        reporter=make_user("congtacvien", AUTHOR),
        editor2=make_user("bientap2", EDITOR),
        leader2=make_user("lanhdao2", APPROVER),
        category_id=category.pk,
    )


def content(cast: Cast, title: str) -> dict:
    return {
        "title": title,
        "sapo": "Sáng ngày 13/01/2025, Bộ Chính trị, Ban Bí thư tổ chức hội nghị toàn quốc.",
        "body": "<p>Toàn tỉnh có 252 điểm cầu với 44.881 đảng viên tham dự.</p>",
        "byline": "Phòng Lý luận chính trị - Lịch sử",
        "category": cast.category_id,
    }


def build(cast: Cast, state: str, author: User) -> Article:
    """An article in state, written by author, moved there by the services."""
    article = services.create_article(author, content(cast, f"Hội nghị quán triệt ({state})"))
    if state == "draft":
        return article
    if state == "trashed":
        services.trash(cast.leader2, article)
        return article
    services.submit(author, article)
    if state == "submitted_step1":
        return article
    if state == "returned":
        services.return_to_author(cast.editor2, article, comment="Bổ sung số điểm cầu cấp xã.")
        return article
    services.approve(cast.editor2, article)
    if state == "submitted_step2":
        return article
    if state in ("scheduled", "approved"):
        tomorrow = timezone.now() + timedelta(days=1)
        services.approve(cast.leader2, article, publish_at=tomorrow)
        if state == "approved":
            services.unschedule(cast.leader2, article)
        return article
    services.approve(cast.leader2, article)
    if state == "published_with_new_draft":
        services.save_working_copy(
            author,
            article,
            {"title": "Hội nghị quán triệt, bản sửa"},
            base_revision_id=article.latest_revision_id,
        )
    elif state == "withdrawn":
        services.withdraw(cast.leader2, article, reason="Số liệu chưa được kiểm chứng.")
    return article


def article_for(cast: Cast, state: str, role: str, whose: str) -> Article:
    if whose == "other":
        article = build(cast, state, cast.reporter)
    elif role == "admin":
        # Administrators write nothing (no add_article): an article of theirs is one
        # they wrote in an earlier role.
        article = build(cast, state, cast.reporter)
        Article.objects.filter(pk=article.pk).update(author=cast.admin)
    else:
        article = build(cast, state, cast.actor(role))
    if role == "inactive":
        User.objects.filter(pk=cast.inactive.pk).update(is_active=False)
        cast.inactive = User.objects.get(pk=cast.inactive.pk)
    return article


# The operations ---------------------------------------------------------------------------


def perform(action: Action, user, article: Article) -> None:
    """The operation behind action, as the workspace calls it."""
    if action == Action.SUBMIT:
        services.submit(user, article)
    elif action == Action.RECALL:
        services.recall(user, article)
    elif action == Action.APPROVE:
        services.approve(user, article)
    elif action == Action.RETURN:
        services.return_to_author(user, article, comment="Đề nghị viết lại sapo.")
    elif action == Action.PUBLISH:
        services.publish(user, article)
    elif action == Action.UNSCHEDULE:
        services.unschedule(user, article)
    elif action == Action.WITHDRAW:
        services.withdraw(user, article, reason="Thông tin chưa được kiểm chứng.")
    elif action == Action.EDIT:
        services.save_working_copy(
            user,
            article,
            {"sapo": "Sapo viết lại sau khi đọc duyệt."},
            base_revision_id=article.latest_revision_id,
        )
    elif action == Action.RESTORE:
        services.restore_revision(user, article, article.revisions.order_by("number").first())
    elif action == Action.COMMENT:
        services.add_comment(user, article, "Đề nghị kiểm tra lại chức vụ các đồng chí.")
    elif action == Action.CORRECT:
        services.add_correction(user, article, "Bài viết ghi nhầm số điểm cầu cấp cơ sở.")
    elif action == Action.SHARE:
        sharing.create_link(user, article, lifetime=timedelta(days=2), note="Gửi Phó Trưởng ban")
    elif action == Action.TRASH:
        services.trash(user, article)
    elif action == Action.UNTRASH:
        services.untrash(user, article)
    elif action == Action.PURGE:
        services.purge(user, article)
    else:  # pragma: no cover - a new action needs a line here
        raise AssertionError(f"no operation for {action}")


def fingerprint(pk: int) -> dict:
    """Everything an operation on the article could change."""
    article = Article.objects.get(pk=pk)
    return {
        "row": Article.objects.filter(pk=pk).values().get(),
        "links": {
            name: sorted(getattr(article, name).values_list("pk", flat=True))
            for name in MANY_TO_MANY
        },
        "revisions": list(
            Revision.objects.filter(article_id=pk)
            .order_by("pk")
            .values_list("pk", "number", "content", "restored_from")
        ),
        "log": list(Transition.objects.filter(article_id=pk).order_by("pk").values()),
        "comments": list(Comment.objects.filter(article_id=pk).values_list("pk", flat=True)),
        "corrections": list(Correction.objects.filter(article_id=pk).values_list("pk", flat=True)),
        "notifications": list(
            Notification.objects.filter(article_id=pk).values_list("pk", flat=True)
        ),
        "share_links": list(
            ShareLink.objects.filter(revision__article_id=pk).values_list("pk", flat=True)
        ),
    }


class _RollBack(Exception):
    pass


def check_cell(action, actor, pk, allowed: bool, capture_on_commit) -> str | None:
    """None if the rule and the operation both do what the matrix says, else why not."""
    article = Article.objects.get(pk=pk)
    decision = rules.decide(actor, action, article)
    if decision.allowed != allowed:
        return f"rule says {'allowed' if decision.allowed else 'refused'} ({decision.reason})"
    before = fingerprint(pk)
    outbox = len(mail.outbox)
    if not allowed:
        if not VIETNAMESE.search(decision.reason):
            return f"refusal without a Vietnamese reason: {decision.reason!r}"
        with capture_on_commit(execute=True) as callbacks:
            try:
                perform(action, actor, article)
            except ActionRefused as refused:
                if str(refused) != decision.reason:
                    return f"operation refused with {refused}, the rule said {decision.reason}"
            else:
                return "operation went through"
        if fingerprint(pk) != before or callbacks or len(mail.outbox) != outbox:
            return "refused, but something changed"
        return None
    try:
        with transaction.atomic():
            perform(action, actor, article)
            if fingerprint(pk) == before:
                return "allowed, but the operation changed nothing"
            raise _RollBack
    except ActionRefused as refused:
        return f"rule allows, operation refused: {refused}"
    except _RollBack:
        pass
    assert fingerprint(pk) == before
    return None


def run_matrix(actor, pk, expected: set[str], capture_on_commit) -> list[str]:
    problems = []
    for action in ACTIONS:
        problem = check_cell(action, actor, pk, action in expected, capture_on_commit)
        if problem:
            problems.append(f"{action}: {problem}")
    return problems


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("whose", ["own", "other"])
@pytest.mark.parametrize("role", ["author", "editor", "leader", "admin"])
def test_permission_matrix(cast, role, whose, state, django_capture_on_commit_callbacks):
    article = article_for(cast, state, role, whose)
    actor = cast.actor(role)
    expected = expected_actions(state, whose, role)
    problems = run_matrix(actor, article.pk, expected, django_capture_on_commit_callbacks)
    assert problems == []


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize(
    ("who", "whose"), [("anonymous", "other"), ("inactive", "own"), ("inactive", "other")]
)
def test_nobody_signed_out_or_deactivated_may_do_anything(
    cast, who, whose, state, django_capture_on_commit_callbacks
):
    article = article_for(cast, state, who, whose)
    actor = cast.actor(who)
    assert rules.allowed_actions(actor, article) == set()
    problems = run_matrix(actor, article.pk, set(), django_capture_on_commit_callbacks)
    assert problems == []
    if who == "anonymous":
        with pytest.raises(ActionRefused, match="Bạn cần đăng nhập"):
            services.submit(actor, article)


def test_the_matrix_covers_every_transition():
    """An action added to the rules without a column here would go untested."""
    assert set(rules.TRANSITIONS) <= set(ACTIONS)
    assert set(Action) - {Action.VIEW} == set(ACTIONS)
    named = {
        word
        for state in MATRIX.values()
        for whose in state.values()
        for cell in whose.values()
        for word in cell.split()
    }
    assert named <= {str(action) for action in ACTIONS}


# The rules beyond the default set-up --------------------------------------------------------


def test_refusals_say_why_in_words_a_user_understands(cast):
    submitted = build(cast, "submitted_step1", cast.editor)
    reasons = {
        "self": rules.decide(cast.editor, Action.APPROVE, submitted).reason,
        "wrong step": rules.decide(cast.leader, Action.APPROVE, submitted).reason,
        "author edits in review": rules.decide(cast.editor, Action.EDIT, submitted).reason,
        "reporter publishes": rules.decide(cast.author, Action.PUBLISH, submitted).reason,
        "signed out": rules.decide(AnonymousUser(), Action.COMMENT, submitted).reason,
    }
    assert reasons == {
        "self": "Không ai được duyệt bài do chính mình viết.",
        "wrong step": "Bạn không phụ trách bước duyệt hiện tại của bài này.",
        "author edits in review": "Bài đang chờ duyệt: hãy rút lại trước khi sửa.",
        "reporter publishes": "Bạn không có quyền xuất bản.",
        "signed out": "Bạn cần đăng nhập.",
    }


def test_buttons_offered_are_the_transitions_allowed_in_order(cast):
    at_step2 = build(cast, "submitted_step2", cast.reporter)
    assert rules.allowed_transitions(cast.leader, at_step2) == [Action.APPROVE, Action.RETURN]
    assert rules.allowed_transitions(cast.editor, at_step2) == []
    assert rules.allowed_transitions(cast.reporter, at_step2) == [Action.RECALL]
    published = build(cast, "published", cast.reporter)
    assert rules.allowed_transitions(cast.leader, published) == [Action.WITHDRAW]


@override_settings(WORKFLOW_ALLOW_SELF_APPROVAL=True)
def test_with_self_approval_allowed_a_reviewer_handles_their_own_article(cast):
    own = build(cast, "submitted_step1", cast.editor)
    assert {Action.APPROVE, Action.RETURN, Action.EDIT} <= rules.allowed_actions(cast.editor, own)
    # The setting lifts the authorship rule only: the step is still the editors'.
    leaders_own = build(cast, "submitted_step1", cast.leader)
    assert not rules.can(cast.leader, Action.APPROVE, leaders_own)


def test_the_step_holders_are_whoever_the_admins_bound_to_the_step(cast):
    """Admins change the chain: bind step 1 to the leaders and the editors lose it."""
    article = build(cast, "submitted_step1", cast.reporter)
    assert rules.can(cast.editor, Action.APPROVE, article)
    ApprovalStep.objects.filter(order=1).update(group=Group.objects.get(name=APPROVER.name))
    article = Article.objects.get(pk=article.pk)
    editor, leader = User.objects.get(pk=cast.editor.pk), User.objects.get(pk=cast.leader.pk)
    assert not rules.can(editor, Action.APPROVE, article)
    assert rules.can(leader, Action.APPROVE, article)
    with pytest.raises(ActionRefused, match="không phụ trách bước duyệt"):
        services.approve(editor, article)


def test_a_step_member_without_the_review_permission_holds_nothing(cast):
    """Membership of the step's group is not enough: reviewing is a permission."""
    clerks = Group.objects.create(name="Văn thư")
    clerk = make_user("vanthu")
    clerk.groups.add(clerks)
    ApprovalStep.objects.filter(order=1).update(group=clerks)
    article = build(cast, "submitted_step1", cast.reporter)
    assert not rules.can(clerk, Action.APPROVE, article)
    clerks.permissions.add(Permission.objects.get(codename="review_article"))
    clerk = User.objects.get(pk=clerk.pk)
    assert rules.can(clerk, Action.APPROVE, article)


def test_a_superuser_holds_every_step(cast):
    root = User.objects.create_superuser("root", "root@tuyengiao.example.vn", "mat-khau-dai-123")
    article = build(cast, "submitted_step2", cast.reporter)
    assert rules.can(root, Action.APPROVE, article)
