from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.text import nfc


class User(AbstractUser):
    """A member of staff. The public never has accounts."""

    full_name = models.CharField(_("họ và tên"), max_length=150, blank=True)
    department = models.CharField(
        _("phòng"),
        max_length=200,
        blank=True,
        help_text=_("Ví dụ: Phòng Lý luận chính trị - Lịch sử"),
    )
    position = models.CharField(_("chức vụ"), max_length=200, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)

    class Meta(AbstractUser.Meta):
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")

    def save(self, *args, **kwargs):
        for field in ("full_name", "department", "position", "first_name", "last_name"):
            setattr(self, field, nfc(getattr(self, field)))
        super().save(*args, **kwargs)

    def get_full_name(self) -> str:
        return self.full_name or super().get_full_name() or self.username

    def __str__(self) -> str:
        return self.get_full_name()
