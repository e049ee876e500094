"""The audit trail: who did what, when and from where, in a tamper-evident chain.

Each row carries the SHA-256 of its own content and of the previous row's hash, so
changing, removing or inserting a row anywhere breaks the chain from that row on;
`manage.py verify_audit_chain` names the first broken row. Rows are append-only in
Python and, on PostgreSQL, by a trigger (migration 0002).
"""

from __future__ import annotations

import hashlib
import json

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import ChoiceLabelsModel

GENESIS = "0" * 64


class AuditEvent(ChoiceLabelsModel):
    class Kind(models.TextChoices):
        LOGIN = "login", _("Đăng nhập")
        LOGOUT = "logout", _("Đăng xuất")
        LOGIN_FAILED = "login_failed", _("Đăng nhập sai")
        LOCKOUT = "lockout", _("Khóa tạm do đăng nhập sai nhiều lần")
        PERMISSION_DENIED = "permission_denied", _("Bị từ chối quyền")
        USER_CREATED = "user_created", _("Tạo người dùng")
        USER_CHANGED = "user_changed", _("Sửa người dùng")
        PASSWORD_CHANGED = "password_changed", _("Đổi mật khẩu")
        ROLES_CHANGED = "roles_changed", _("Đổi vai trò")
        GROUP_CHANGED = "group_changed", _("Đổi quyền của vai trò")
        TRANSITION = "transition", _("Chuyển trạng thái bài")

    created_at = models.DateTimeField(_("lúc"), default=timezone.now, db_index=True)
    kind = models.CharField(_("sự việc"), max_length=30, choices=Kind.choices, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("người thực hiện"),
    )
    # Kept as text as well: what a row says must not depend on other tables.
    actor_username = models.CharField(_("tài khoản"), max_length=150, blank=True)
    target = models.CharField(_("đối tượng"), max_length=300, blank=True)
    ip_address = models.GenericIPAddressField(_("địa chỉ IP"), null=True, blank=True)
    user_agent = models.CharField(_("trình duyệt"), max_length=300, blank=True)
    details = models.JSONField(_("chi tiết"), default=dict, blank=True)
    previous_hash = models.CharField(max_length=64, editable=False)
    hash = models.CharField(max_length=64, editable=False, unique=True)

    class Meta:
        verbose_name = _("sự việc an ninh")
        verbose_name_plural = _("nhật ký an ninh")
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"{self.created_at:%d/%m/%Y %H:%M} {self.get_kind_display()} {self.actor_username}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionError("AuditEvent is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("AuditEvent is append-only")

    def compute_hash(self) -> str:
        """The hash of this row's content chained to the previous row's hash."""
        payload = json.dumps(
            {
                "created_at": self.created_at.isoformat(),
                "kind": self.kind,
                "actor_id": self.actor_id,
                "actor_username": self.actor_username,
                "target": self.target,
                "ip_address": self.ip_address,
                "user_agent": self.user_agent,
                "details": self.details,
                "previous_hash": self.previous_hash,
            },
            sort_keys=True,
            ensure_ascii=False,
            separators=(",", ":"),
            default=str,
        )
        return hashlib.sha256(payload.encode()).hexdigest()
