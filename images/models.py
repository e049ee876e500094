from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import NormalizedTextModel


class Image(NormalizedTextModel):
    """An uploaded picture, re-encoded on arrival, with its renditions made once.

    `renditions` maps a format to {width: storage name}, so that a page can write a
    srcset without a query per image.
    """

    file = models.ImageField(
        _("tệp ảnh"),
        upload_to="images/original/",
        width_field="width",
        height_field="height",
        max_length=255,
    )
    width = models.PositiveIntegerField(_("rộng"), default=0, editable=False)
    height = models.PositiveIntegerField(_("cao"), default=0, editable=False)
    alt_text = models.CharField(
        _("mô tả ảnh (alt)"),
        max_length=300,
        blank=True,
        help_text=_("Mô tả ngắn nội dung ảnh cho người khiếm thị và máy tìm kiếm."),
    )
    caption = models.CharField(_("chú thích"), max_length=500, blank=True)
    credit = models.CharField(_("nguồn ảnh"), max_length=200, blank=True)
    sha256 = models.CharField(max_length=64, editable=False, db_index=True)
    renditions = models.JSONField(default=dict, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("người tải lên"),
    )
    created_at = models.DateTimeField(_("tải lên lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("ảnh")
        verbose_name_plural = _("ảnh")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.alt_text or self.file.name

    @property
    def url(self) -> str:
        return self.file.url if self.file else ""

    def rendition_url(self, width: int, fmt: str = "jpeg") -> str:
        from django.core.files.storage import default_storage

        by_width = self.renditions.get(fmt, {})
        widths = sorted(int(w) for w in by_width)
        if not widths:
            return self.url
        chosen = next((w for w in widths if w >= width), widths[-1])
        return default_storage.url(by_width[str(chosen)])

    def srcset(self, fmt: str = "jpeg") -> str:
        from django.core.files.storage import default_storage

        by_width = self.renditions.get(fmt, {})
        return ", ".join(
            f"{default_storage.url(name)} {w}w"
            for w, name in sorted(by_width.items(), key=lambda item: int(item[0]))
        )
