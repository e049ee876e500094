"""Who may do what to which article: the one place that says so.

Views, the admin, management commands and templates ask `allowed_actions()` or
`check()`; workflow/services.py performs an action only after `check()` passes, inside
a transaction holding the article's row lock, so that the answer cannot change
between asking and doing.

The states (Article.Status) of the working version:

    nháp (draft) ──gửi duyệt──▶ chờ duyệt, bước k ──duyệt──▶ bước k+1 … ──duyệt bước cuối──▶
        ▲   ▲                       │   │                   đã xuất bản / hẹn giờ, or đã duyệt
        │   └──────rút lại──────────┘   │                            │
        └──trả lại (kèm ý kiến)─────────┘                       gỡ bài ▼
                                                                   đã gỡ

Beside the states, an article not public and not in review may be put in the trash
(thùng rác) and restored from it; administrators empty the trash, which leaves a
tombstone: revisions and the transition log are never deleted.

Editing a published or withdrawn article starts a new working version (nháp) while
readers keep the approved one. Permissions are asked by codename, never by role name;
a step's reviewers are the members of the group the admins bound to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.conf import settings
from django.utils.translation import gettext as _

from articles.models import Article

from .models import ApprovalStep

Status = Article.Status


class Action(StrEnum):
    VIEW = "view"
    EDIT = "edit"
    SUBMIT = "submit"
    RECALL = "recall"
    APPROVE = "approve"
    RETURN = "return"
    PUBLISH = "publish"
    UNSCHEDULE = "unschedule"
    WITHDRAW = "withdraw"
    COMMENT = "comment"
    CORRECT = "correct"
    RESTORE = "restore"
    SHARE = "share"
    TRASH = "trash"
    UNTRASH = "untrash"
    PURGE = "purge"


# What the buttons say, for the transitions a user can make.
LABELS = {
    Action.SUBMIT: "Gửi duyệt",
    Action.RECALL: "Rút lại để sửa",
    Action.APPROVE: "Duyệt",
    Action.RETURN: "Trả lại",
    Action.PUBLISH: "Xuất bản",
    Action.UNSCHEDULE: "Hủy hẹn giờ",
    Action.WITHDRAW: "Gỡ bài",
    Action.TRASH: "Chuyển vào thùng rác",
}
TRANSITIONS = (
    Action.SUBMIT,
    Action.RECALL,
    Action.APPROVE,
    Action.RETURN,
    Action.PUBLISH,
    Action.UNSCHEDULE,
    Action.WITHDRAW,
    Action.TRASH,
)
# What may still be done to an article in the trash; everything else waits for its restore.
TRASH_ACTIONS = (Action.VIEW, Action.TRASH, Action.UNTRASH, Action.PURGE)


class ActionRefused(Exception):
    """The user may not do this to this article now; the message says why, in Vietnamese."""


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str = ""

    def __bool__(self) -> bool:
        return self.allowed


ALLOW = Decision(True)


def _deny(reason: str) -> Decision:
    return Decision(False, reason)


def self_approval_allowed() -> bool:
    return getattr(settings, "WORKFLOW_ALLOW_SELF_APPROVAL", False)


def chain() -> list[ApprovalStep]:
    return list(ApprovalStep.objects.active().select_related("group"))


def first_step() -> ApprovalStep | None:
    return ApprovalStep.objects.active().order_by("order").first()


def next_step(step: ApprovalStep) -> ApprovalStep | None:
    return ApprovalStep.objects.active().filter(order__gt=step.order).order_by("order").first()


def holds_step(user, step: ApprovalStep | None) -> bool:
    """Whether user is one of the reviewers of step."""
    if step is None or not user.is_active:
        return False
    if not user.has_perm("articles.review_article"):
        return False
    return user.is_superuser or any(g.pk == step.group_id for g in _groups(user))


def _groups(user) -> list:
    # Cached on the user object for the request: templates ask many times per page.
    if not hasattr(user, "_workflow_groups"):
        user._workflow_groups = list(user.groups.all())
    return user._workflow_groups


def is_author(user, article: Article) -> bool:
    return article.author_id is not None and article.author_id == user.pk


def decide(user, action: Action, article: Article) -> Decision:
    """Whether user may do action to article now, and if not, why (in Vietnamese)."""
    if not user.is_authenticated or not user.is_active:
        return _deny(_("Bạn cần đăng nhập."))
    if article.trashed_at is not None and action not in TRASH_ACTIONS:
        return _deny(_("Bài đang ở trong thùng rác: hãy khôi phục bài trước."))
    rule = _RULES[action]
    return rule(user, article)


def check(user, action: Action, article: Article) -> None:
    decision = decide(user, action, article)
    if not decision:
        raise ActionRefused(decision.reason)


def can(user, action: Action, article: Article) -> bool:
    return bool(decide(user, action, article))


def allowed_actions(user, article: Article) -> set[Action]:
    return {action for action in Action if can(user, action, article)}


def allowed_transitions(user, article: Article) -> list[Action]:
    """The transitions to offer as buttons, in a sensible order."""
    return [action for action in TRANSITIONS if can(user, action, article)]


# The rules, one per action --------------------------------------------------------------


def _view(user, article):
    if user.has_perm("articles.view_article"):
        return ALLOW
    return _deny(_("Bạn không có quyền xem bài này."))


def _edit(user, article):
    if not user.has_perm("articles.change_article"):
        return _deny(_("Bạn không có quyền sửa bài."))
    own = is_author(user, article)
    others = user.has_perm("articles.edit_others_article")
    if article.status == Status.SUBMITTED:
        # In review the article belongs to the step's reviewers; its author recalls it
        # first, even one who holds the step, unless authors may review their own.
        reviewer = others and holds_step(user, article.current_step)
        if reviewer and (not own or self_approval_allowed()):
            return ALLOW
        if own:
            return _deny(_("Bài đang chờ duyệt: hãy rút lại trước khi sửa."))
        return _deny(_("Bài đang chờ duyệt ở bước mà bạn không phụ trách."))
    if article.status == Status.APPROVED:
        return _deny(_("Bài đã được duyệt và đang chờ xuất bản; không sửa được nữa."))
    if own or others:
        return ALLOW
    return _deny(_("Bạn chỉ được sửa bài của mình."))


def _submit(user, article):
    if article.status not in (Status.DRAFT, Status.RETURNED):
        return _deny(_("Chỉ gửi duyệt được bài nháp hoặc bài bị trả lại."))
    if not user.has_perm("articles.change_article"):
        return _deny(_("Bạn không có quyền gửi duyệt."))
    if not (is_author(user, article) or user.has_perm("articles.edit_others_article")):
        return _deny(_("Chỉ tác giả mới gửi duyệt được bài này."))
    if first_step() is None:
        return _deny(_("Quy trình duyệt chưa có bước nào: hãy báo quản trị viên."))
    return ALLOW


def _recall(user, article):
    if article.status != Status.SUBMITTED:
        return _deny(_("Chỉ rút lại được bài đang chờ duyệt."))
    if not is_author(user, article):
        return _deny(_("Chỉ tác giả mới rút lại được bài."))
    return ALLOW


def _review(user, article):
    """Shared by approve and return: the reviewer of the current step, not the author."""
    if article.status != Status.SUBMITTED:
        return _deny(_("Bài không ở trạng thái chờ duyệt."))
    if not holds_step(user, article.current_step):
        return _deny(_("Bạn không phụ trách bước duyệt hiện tại của bài này."))
    if is_author(user, article) and not self_approval_allowed():
        return _deny(_("Không ai được duyệt bài do chính mình viết."))
    return ALLOW


def _publish(user, article):
    if not user.has_perm("articles.publish_article"):
        return _deny(_("Bạn không có quyền xuất bản."))
    if article.status != Status.APPROVED:
        return _deny(_("Chỉ xuất bản được bài đã duyệt."))
    return ALLOW


def _unschedule(user, article):
    if not user.has_perm("articles.publish_article"):
        return _deny(_("Bạn không có quyền đổi lịch xuất bản."))
    if not (article.status == Status.PUBLISHED and article.is_scheduled):
        return _deny(_("Bài không có lịch xuất bản để hủy."))
    return ALLOW


def _withdraw(user, article):
    if not user.has_perm("articles.withdraw_article"):
        return _deny(_("Bạn không có quyền gỡ bài."))
    if not article.is_live:
        return _deny(_("Bài chưa xuất bản nên không có gì để gỡ."))
    return ALLOW


def _comment(user, article):
    return _view(user, article)


def _correct(user, article):
    if not user.has_perm("articles.publish_article"):
        return _deny(_("Bạn không có quyền đăng đính chính."))
    if not article.is_public:
        return _deny(_("Chỉ đăng đính chính cho bài đang được công khai."))
    return ALLOW


def _restore(user, article):
    return _edit(user, article)


def _share(user, article):
    if not user.has_perm("articles.review_article") and not is_author(user, article):
        return _deny(_("Bạn không có quyền tạo liên kết xem trước cho bài này."))
    return _view(user, article)


def manages_trash(user) -> bool:
    """Leaders (who publish) and administrators (who empty the trash) may trash and
    restore anyone's article; authors only their own never-published drafts."""
    return user.has_perm("articles.publish_article") or user.has_perm("articles.purge_article")


def _trash_reach(user, article) -> Decision:
    """Whose article this user may move into or out of the trash, whatever its state."""
    if manages_trash(user):
        return ALLOW
    if not is_author(user, article) or not user.has_perm("articles.change_article"):
        return _deny(_("Bạn chỉ được chuyển vào thùng rác bài của chính mình."))
    if article.live_revision_id is not None or article.last_published_at is not None:
        return _deny(
            _("Bài đã từng được xuất bản: chỉ lãnh đạo Ban hoặc quản trị viên mới xử lý được.")
        )
    return ALLOW


def _trash(user, article):
    if article.trashed_at is not None:
        return _deny(_("Bài đã ở trong thùng rác."))
    if article.is_live:
        return _deny(_("Bài đang công khai hoặc đã hẹn giờ: hãy gỡ bài hoặc hủy hẹn giờ trước."))
    if article.status == Status.SUBMITTED:
        return _deny(_("Bài đang chờ duyệt: hãy rút lại hoặc trả lại bài trước."))
    if article.status == Status.APPROVED and not manages_trash(user):
        return _deny(_("Bài đã được duyệt: chỉ lãnh đạo Ban hoặc quản trị viên mới xử lý được."))
    return _trash_reach(user, article)


def _untrash(user, article):
    if article.trashed_at is None:
        return _deny(_("Bài không ở trong thùng rác."))
    if article.purged_at is not None:
        return _deny(_("Bài đã bị xóa vĩnh viễn khỏi thùng rác."))
    return _trash_reach(user, article)


def _purge(user, article):
    if not user.has_perm("articles.purge_article"):
        return _deny(_("Chỉ quản trị viên mới được dọn thùng rác."))
    if article.trashed_at is None:
        return _deny(_("Chỉ xóa vĩnh viễn được bài đã ở trong thùng rác."))
    if article.purged_at is not None:
        return _deny(_("Bài đã bị xóa vĩnh viễn khỏi thùng rác."))
    return ALLOW


_RULES = {
    Action.VIEW: _view,
    Action.EDIT: _edit,
    Action.SUBMIT: _submit,
    Action.RECALL: _recall,
    Action.APPROVE: _review,
    Action.RETURN: _review,
    Action.PUBLISH: _publish,
    Action.UNSCHEDULE: _unschedule,
    Action.WITHDRAW: _withdraw,
    Action.COMMENT: _comment,
    Action.CORRECT: _correct,
    Action.RESTORE: _restore,
    Action.SHARE: _share,
    Action.TRASH: _trash,
    Action.UNTRASH: _untrash,
    Action.PURGE: _purge,
}
