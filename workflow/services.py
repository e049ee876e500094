"""The editorial operations: save, submit, approve, return, publish, withdraw, restore…

Each one locks the article's row, asks workflow.rules whether the user may act on the
article as it is now, does the work, and logs it, all in one transaction: an illegal
action changes nothing, and two people clicking at once produce one transition.
Notifications are sent after the transaction commits; a failing mail server never
undoes or blocks a transition.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.models import Article, Correction
from core.html import sanitize_html
from core.text import nfc

from . import notifications
from .models import ApprovalStep, Comment, Revision, Transition
from .revisions import MANY_TO_MANY, apply_content, snapshot
from .rules import Action, ActionRefused, check, first_step, next_step

Status = Article.Status


class EditConflict(Exception):
    """Someone saved the article after this editor opened it; nothing was overwritten."""

    def __init__(self, latest: Revision, attempted: dict):
        super().__init__(_("Bài vừa được người khác lưu; bản của bạn chưa được lưu."))
        self.latest = latest
        self.attempted = attempted


@dataclass(frozen=True)
class ExpectedState:
    """The state the user saw when they clicked: a transition applies only to that state,
    so a double click or a second reviewer clicking at the same moment changes nothing."""

    status: str
    step_id: int | None
    revision_id: int | None

    @classmethod
    def of(cls, article: Article) -> ExpectedState:
        return cls(article.status, article.current_step_id, article.latest_revision_id)


def clean_content(content: dict) -> dict:
    """Revision content as stored: text in NFC, the body through the allowlist."""
    cleaned = {}
    for name, value in content.items():
        if isinstance(value, str):
            value = nfc(value).strip() if name != "body" else sanitize_html(value)
        elif name in MANY_TO_MANY:
            value = sorted({int(pk) for pk in value})
        cleaned[name] = value
    return cleaned


def _locked(article: Article) -> Article:
    locked = (
        Article.objects.select_for_update(of=("self",))
        .select_related("current_step")
        .get(pk=article.pk)
    )
    # Whoever opened an article that had no revision saw the row itself: a base or an
    # expected state of "no revision" means the baseline recorded now (_expect, saves).
    locked.seen_without_revision = locked.latest_revision_id is None
    ensure_baseline_revision(locked)
    return locked


def ensure_baseline_revision(article: Article) -> Revision:
    """The article's latest revision, first recording what the row says if it has none
    (articles loaded or imported directly, before the workflow saw them)."""
    if article.latest_revision_id is not None:
        return article.latest_revision
    baseline = Revision.objects.create(
        article=article, number=1, content=snapshot(article), created_by=article.author
    )
    article.latest_revision = baseline
    updates = {"latest_revision": baseline}
    if article.is_live:
        article.live_revision = updates["live_revision"] = baseline
    Article.objects.filter(pk=article.pk).update(**updates)
    return baseline


def _refresh(article: Article, locked: Article) -> None:
    """Give the caller's object the state the operation left behind."""
    article.refresh_from_db()
    article.current_step = locked.current_step


def _expect(article: Article, expected: ExpectedState | None) -> None:
    if expected is None:
        return
    if expected.revision_id is None and article.seen_without_revision:
        expected = replace(expected, revision_id=article.latest_revision_id)
    if ExpectedState.of(article) != expected:
        raise ActionRefused(
            _("Bài vừa được người khác xử lý; hãy xem lại trạng thái hiện tại rồi thao tác lại.")
        )


def _log(article, actor, action, from_status, *, step=None, comment="", publish_at=None):
    if from_status == Status.SUBMITTED and action != Transition.Action.EDIT:
        # Someone has acted on the step; the others' "awaiting review" notes are done with.
        notifications.review_requests_settled(article)
    return Transition.objects.create(
        article=article,
        revision_id=article.latest_revision_id,
        action=action,
        from_status=from_status,
        to_status=article.status,
        step=step,
        step_name=step.name if step else "",
        actor=actor,
        comment=comment,
        publish_at=publish_at,
    )


def _new_revision(article: Article, user, content: dict, restored_from=None) -> Revision:
    number = (article.latest_revision.number if article.latest_revision else 0) + 1
    return Revision.objects.create(
        article=article,
        number=number,
        content=content,
        created_by=user,
        restored_from=restored_from,
    )


# Writing ---------------------------------------------------------------------------------


@transaction.atomic
def create_article(user, content: dict) -> Article:
    if not user.has_perm("articles.add_article"):
        raise PermissionDenied(_("Bạn không có quyền viết bài."))
    content = clean_content(content)
    article = Article(author=user, status=Status.DRAFT)
    apply_content(article, content)
    article.latest_revision = _new_revision(article, user, snapshot(article))
    article.save(update_fields=["latest_revision"])
    _log(article, user, Transition.Action.CREATE, "")
    return article


@transaction.atomic
def save_working_copy(
    user, article: Article, content: dict, *, base_revision_id: int | None, restored_from=None
) -> Revision:
    """Save what the editor sent as a new revision of the working copy.

    Refused with EditConflict if someone saved after base_revision_id; readers keep
    the approved version of a live article until the new one is published.
    """
    locked = _locked(article)
    check(user, Action.EDIT, locked)
    latest = locked.latest_revision
    if base_revision_id is None and locked.seen_without_revision:
        base_revision_id = latest.pk
    if latest is not None and latest.pk != base_revision_id:
        raise EditConflict(latest, clean_content(content))
    content = {**(latest.content if latest else snapshot(locked)), **clean_content(content)}
    if latest is not None and content == latest.content and restored_from is None:
        return latest
    revision = _new_revision(locked, user, content, restored_from=restored_from)
    locked.latest_revision = revision
    if not locked.is_live:
        # Nothing public to protect: the row follows the working copy.
        apply_content(locked, content)
    from_status = locked.status
    if locked.status in (Status.PUBLISHED, Status.WITHDRAWN):
        locked.status = Status.DRAFT
    # save() would re-derive is_live from the status; the row's content stays as it was.
    Article.objects.filter(pk=locked.pk).update(
        latest_revision=revision, status=locked.status, updated_at=timezone.now()
    )
    if from_status != locked.status:
        _log(locked, user, Transition.Action.EDIT, from_status)
    if restored_from is not None:
        _log(
            locked,
            user,
            Transition.Action.RESTORE,
            from_status,
            comment=_("Khôi phục phiên bản %(n)s") % {"n": restored_from.number},
        )
    _refresh(article, locked)
    return revision


def restore_revision(user, article: Article, revision: Revision) -> Revision:
    """An old revision's content saved again as the newest working version."""
    if revision.article_id != article.pk:
        raise ActionRefused(_("Phiên bản này không thuộc bài viết."))
    return save_working_copy(
        user,
        article,
        revision.content,
        base_revision_id=article.latest_revision_id,
        restored_from=revision,
    )


# Transitions -----------------------------------------------------------------------------


@transaction.atomic
def submit(user, article: Article, *, comment: str = "", expected: ExpectedState | None = None):
    locked = _locked(article)
    _expect(locked, expected)
    check(user, Action.SUBMIT, locked)
    from_status = locked.status
    step = first_step()
    locked.status, locked.current_step = Status.SUBMITTED, step
    locked.save(update_fields=["status", "current_step", "updated_at"])
    _log(locked, user, Transition.Action.SUBMIT, from_status, step=step, comment=nfc(comment))
    notifications.article_awaits_step(locked, step, actor=user)
    _refresh(article, locked)


@transaction.atomic
def recall(user, article: Article, *, expected: ExpectedState | None = None):
    locked = _locked(article)
    _expect(locked, expected)
    check(user, Action.RECALL, locked)
    step = locked.current_step
    locked.status, locked.current_step = Status.DRAFT, None
    locked.save(update_fields=["status", "current_step", "updated_at"])
    _log(locked, user, Transition.Action.RECALL, Status.SUBMITTED, step=step)
    _refresh(article, locked)


@transaction.atomic
def return_to_author(
    user, article: Article, *, comment: str, expected: ExpectedState | None = None
):
    comment = nfc(comment or "").strip()
    if not comment:
        raise ActionRefused(_("Hãy ghi ý kiến khi trả lại bài để tác giả biết cần sửa gì."))
    locked = _locked(article)
    _expect(locked, expected)
    check(user, Action.RETURN, locked)
    step = locked.current_step
    locked.status, locked.current_step = Status.RETURNED, None
    locked.save(update_fields=["status", "current_step", "updated_at"])
    _log(locked, user, Transition.Action.RETURN, Status.SUBMITTED, step=step, comment=comment)
    Comment.objects.create(
        article=locked, revision=locked.latest_revision, author=user, body=comment
    )
    notifications.article_returned(locked, actor=user, comment=comment)
    _refresh(article, locked)


@transaction.atomic
def approve(
    user,
    article: Article,
    *,
    publish_at: datetime | None = None,
    comment: str = "",
    expected: ExpectedState | None = None,
):
    """Pass the current step. The last step publishes (now or at publish_at) when the
    approver may publish; otherwise the article waits, approved, for someone who may."""
    locked = _locked(article)
    _expect(locked, expected)
    check(user, Action.APPROVE, locked)
    step = locked.current_step
    following = next_step(step)
    comment = nfc(comment or "").strip()
    if following is not None:
        locked.current_step = following
        locked.save(update_fields=["current_step", "updated_at"])
        _log(locked, user, Transition.Action.APPROVE, Status.SUBMITTED, step=step, comment=comment)
        notifications.article_awaits_step(locked, following, actor=user)
    else:
        locked.status, locked.current_step = Status.APPROVED, None
        locked.save(update_fields=["status", "current_step", "updated_at"])
        _log(locked, user, Transition.Action.APPROVE, Status.SUBMITTED, step=step, comment=comment)
        if user.has_perm("articles.publish_article"):
            _publish(user, locked, publish_at)
        else:
            notifications.article_approved(locked, actor=user)
    _refresh(article, locked)


@transaction.atomic
def publish(
    user,
    article: Article,
    *,
    publish_at: datetime | None = None,
    expected: ExpectedState | None = None,
):
    locked = _locked(article)
    _expect(locked, expected)
    check(user, Action.PUBLISH, locked)
    _publish(user, locked, publish_at)
    _refresh(article, locked)


def _publish(user, article: Article, publish_at: datetime | None) -> None:
    """Make the latest revision what readers see, now or at publish_at."""
    now = timezone.now()
    scheduled = publish_at is not None and publish_at > now
    if scheduled and article.is_public:
        raise ActionRefused(
            _("Bài đang được công khai: bản sửa được xuất bản ngay khi duyệt, không hẹn giờ.")
        )
    revision = article.latest_revision
    from_status = article.status
    article.live_revision = revision
    article.status = Status.PUBLISHED
    if scheduled:
        article.published_at = publish_at
    elif article.published_at is None or article.published_at > now:
        article.published_at = now
    article.last_published_at = max(article.published_at, now)
    apply_content(article, revision.content)
    action = Transition.Action.SCHEDULE if scheduled else Transition.Action.PUBLISH
    _log(article, user, action, from_status, publish_at=article.published_at)
    notifications.article_published(article, actor=user, scheduled=scheduled)


@transaction.atomic
def unschedule(user, article: Article, *, expected: ExpectedState | None = None):
    locked = _locked(article)
    _expect(locked, expected)
    check(user, Action.UNSCHEDULE, locked)
    locked.status, locked.is_live = Status.APPROVED, False
    locked.save(update_fields=["status", "is_live", "updated_at"])
    _log(locked, user, Transition.Action.UNSCHEDULE, Status.PUBLISHED)
    _refresh(article, locked)


@transaction.atomic
def withdraw(user, article: Article, *, reason: str, expected: ExpectedState | None = None):
    reason = nfc(reason or "").strip()
    if not reason:
        raise ActionRefused(_("Hãy ghi lý do gỡ bài."))
    locked = _locked(article)
    _expect(locked, expected)
    check(user, Action.WITHDRAW, locked)
    from_status = locked.status
    locked.status, locked.current_step = Status.WITHDRAWN, None
    locked.save(update_fields=["status", "current_step", "is_live", "updated_at"])
    _log(locked, user, Transition.Action.WITHDRAW, from_status, comment=reason)
    notifications.article_withdrawn(locked, actor=user, reason=reason)
    _refresh(article, locked)


# The trash ---------------------------------------------------------------------------------
#
# Staff never delete an article. Revisions, the transition log, comments and corrections
# point at it with PROTECT, and the log and the audit trail are append-only, so even
# emptying the trash keeps the row: it becomes a tombstone (purged_at) that no list,
# page or search shows again, while every revision and log row stays readable.


@transaction.atomic
def trash(user, article: Article, *, expected: ExpectedState | None = None) -> None:
    locked = _locked(article)
    _expect(locked, expected)
    check(user, Action.TRASH, locked)
    locked.trashed_at, locked.trashed_by = timezone.now(), user
    locked.save(update_fields=["trashed_at", "trashed_by", "updated_at"])
    _log(locked, user, Transition.Action.TRASH, locked.status)
    _refresh(article, locked)


@transaction.atomic
def untrash(user, article: Article) -> None:
    """Back exactly as it was: the state, the step and the content were never touched."""
    locked = _locked(article)
    check(user, Action.UNTRASH, locked)
    locked.trashed_at, locked.trashed_by = None, None
    locked.save(update_fields=["trashed_at", "trashed_by", "updated_at"])
    _log(locked, user, Transition.Action.UNTRASH, locked.status)
    _refresh(article, locked)


@transaction.atomic
def purge(user, article: Article) -> None:
    """Empty one article out of the trash, for good, leaving its history in place."""
    locked = _locked(article)
    check(user, Action.PURGE, locked)
    locked.purged_at = timezone.now()
    locked.save(update_fields=["purged_at", "updated_at"])
    _log(locked, user, Transition.Action.PURGE, locked.status)
    _refresh(article, locked)


def empty_trash(user) -> int:
    """Purge every article in the trash; how many were purged. Each is its own
    transaction, so one refused or failing article does not keep the others."""
    if not user.has_perm("articles.purge_article"):
        raise ActionRefused(_("Chỉ quản trị viên mới được dọn thùng rác."))
    count = 0
    for article in Article.objects.in_trash().order_by("pk"):
        try:
            purge(user, article)
        except ActionRefused:
            continue  # restored (or purged) by someone else since the list was read
        count += 1
    return count


# Around the article ----------------------------------------------------------------------


def add_comment(user, article: Article, body: str) -> Comment:
    check(user, Action.COMMENT, article)
    body = nfc(body or "").strip()
    if not body:
        raise ActionRefused(_("Ý kiến trống."))
    comment = Comment.objects.create(
        article=article, revision=article.latest_revision, author=user, body=body
    )
    notifications.article_commented(article, actor=user, comment=comment)
    return comment


@transaction.atomic
def add_correction(user, article: Article, text: str) -> Correction:
    locked = _locked(article)
    check(user, Action.CORRECT, locked)
    text = nfc(text or "").strip()
    if not text:
        raise ActionRefused(_("Nội dung đính chính trống."))
    correction = Correction.objects.create(article=locked, text=text, created_by=user)
    # The public page changed: caches keyed on updated_at must see it.
    Article.objects.filter(pk=locked.pk).update(updated_at=timezone.now())
    return correction


def steps_for_display() -> list[ApprovalStep]:
    return list(ApprovalStep.objects.active().select_related("group"))
