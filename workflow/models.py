"""The record of editorial work: the approval chain, revisions, the transition log,
comments, notifications and share links.

The rules for moving an article between states live in workflow/rules.py; the
operations that apply them, in workflow/services.py.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import ChoiceLabelsModel, NormalizedTextModel


class ApprovalStepQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class ApprovalStep(NormalizedTextModel):
    """One step of the approval chain, held by the members of a group."""

    name = models.CharField(_("tên bước"), max_length=100)
    order = models.PositiveSmallIntegerField(_("thứ tự"), unique=True)
    group = models.ForeignKey(
        Group,
        on_delete=models.PROTECT,
        related_name="approval_steps",
        verbose_name=_("nhóm thực hiện"),
    )
    is_active = models.BooleanField(
        _("đang dùng"),
        default=True,
        help_text=_("Bỏ chọn để bỏ bước này khỏi quy trình mà không mất lịch sử."),
    )

    objects = ApprovalStepQuerySet.as_manager()

    class Meta:
        verbose_name = _("bước duyệt")
        verbose_name_plural = _("quy trình duyệt")
        ordering = ["order"]

    def __str__(self) -> str:
        return f"{self.order}. {self.name}"


class Revision(models.Model):
    """What an article said at one save: the working copy, never edited afterwards."""

    article = models.ForeignKey(
        "articles.Article",
        on_delete=models.PROTECT,
        related_name="revisions",
    )
    number = models.PositiveIntegerField(_("phiên bản"))
    content = models.JSONField(_("nội dung"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("người lưu"),
    )
    created_at = models.DateTimeField(_("lưu lúc"), default=timezone.now)
    restored_from = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("khôi phục từ"),
    )

    class Meta:
        verbose_name = _("phiên bản")
        verbose_name_plural = _("phiên bản")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["article", "number"], name="unique_revision_number"),
        ]

    def __str__(self) -> str:
        return f"{self.article_id} v{self.number}"

    @property
    def title(self) -> str:
        return self.content.get("title", "")


class ImmutableModel(models.Model):
    """A record that is written once: updates and deletes are refused in Python, and on
    PostgreSQL by a trigger (workflow migration 0002)."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise PermissionError(f"{type(self).__name__} is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError(f"{type(self).__name__} is append-only")


class Transition(ChoiceLabelsModel, ImmutableModel):
    """One move of an article between states: who, when, from, to, at which step, why."""

    class Action(models.TextChoices):
        CREATE = "create", _("Tạo bài")
        SUBMIT = "submit", _("Gửi duyệt")
        RECALL = "recall", _("Rút lại")
        APPROVE = "approve", _("Duyệt")
        RETURN = "return", _("Trả lại")
        PUBLISH = "publish", _("Xuất bản")
        SCHEDULE = "schedule", _("Hẹn giờ xuất bản")
        UNSCHEDULE = "unschedule", _("Hủy hẹn giờ")
        WITHDRAW = "withdraw", _("Gỡ bài")
        RESTORE = "restore", _("Khôi phục phiên bản")
        EDIT = "edit", _("Sửa bài đã xuất bản")
        TRASH = "trash", _("Chuyển vào thùng rác")
        UNTRASH = "untrash", _("Khôi phục từ thùng rác")
        PURGE = "purge", _("Xóa vĩnh viễn khỏi thùng rác")

    article = models.ForeignKey(
        "articles.Article", on_delete=models.PROTECT, related_name="transitions"
    )
    revision = models.ForeignKey(Revision, null=True, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(_("thao tác"), max_length=20, choices=Action.choices)
    from_status = models.CharField(_("từ trạng thái"), max_length=20)
    to_status = models.CharField(_("sang trạng thái"), max_length=20)
    step = models.ForeignKey(ApprovalStep, null=True, on_delete=models.PROTECT, related_name="+")
    # The step's name as it was: a renamed step must not rewrite history.
    step_name = models.CharField(_("bước"), max_length=100, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("người thực hiện"),
    )
    comment = models.TextField(_("ý kiến"), blank=True)
    publish_at = models.DateTimeField(_("giờ xuất bản"), null=True, blank=True)
    created_at = models.DateTimeField(_("lúc"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("nhật ký chuyển trạng thái")
        verbose_name_plural = _("nhật ký chuyển trạng thái")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["article", "-created_at"], name="transition_by_article")]

    def __str__(self) -> str:
        return f"{self.get_action_display()} — {self.article_id}"


class Comment(NormalizedTextModel):
    """A note on an article under review, visible to everyone working on it."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.PROTECT, related_name="comments"
    )
    revision = models.ForeignKey(
        Revision, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("người viết"),
    )
    body = models.TextField(_("ý kiến"))
    created_at = models.DateTimeField(_("lúc"), default=timezone.now)

    class Meta:
        verbose_name = _("ý kiến")
        verbose_name_plural = _("ý kiến")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.body[:60]


class Notification(ChoiceLabelsModel):
    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("Có bài chờ duyệt")
        RETURNED = "returned", _("Bài bị trả lại")
        PUBLISHED = "published", _("Bài đã xuất bản")
        SCHEDULED = "scheduled", _("Bài được hẹn giờ xuất bản")
        APPROVED = "approved", _("Bài đã được duyệt")
        WITHDRAWN = "withdrawn", _("Bài bị gỡ")
        COMMENTED = "commented", _("Có ý kiến mới")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    message = models.CharField(max_length=500)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["recipient", "read_at", "-created_at"], name="notification_inbox")
        ]

    def __str__(self) -> str:
        return self.message


class ShareLink(models.Model):
    """A signed, expiring, revocable link to read one revision without an account."""

    revision = models.ForeignKey(Revision, on_delete=models.PROTECT, related_name="share_links")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(_("hết hạn lúc"))
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    note = models.CharField(_("gửi cho"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("liên kết xem trước")
        verbose_name_plural = _("liên kết xem trước")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.revision} → {self.expires_at:%d/%m/%Y %H:%M}"

    @property
    def is_usable(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()


class ShareLinkOpening(ImmutableModel):
    link = models.ForeignKey(ShareLink, on_delete=models.PROTECT, related_name="openings")
    opened_at = models.DateTimeField(default=timezone.now)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("lượt mở liên kết xem trước")
        verbose_name_plural = _("lượt mở liên kết xem trước")
        ordering = ["-opened_at"]

    def __str__(self) -> str:
        return f"{self.link_id} @ {self.opened_at:%d/%m/%Y %H:%M}"
