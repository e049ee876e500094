"""What an import brought in, so that importing the same file again brings in nothing.

Kept in its own table rather than on Article: editors never see it, and an article
written in the workspace has none.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ImportedArticle(models.Model):
    # sha256 of the article's normalised content (extraction.importing.content_key): the
    # same article re-saved with other line endings, in NFD, or as JSON has the same key.
    key = models.CharField(_("khóa nội dung"), max_length=64, unique=True)
    source = models.CharField(_("nguồn"), max_length=500)
    article = models.OneToOneField(
        "articles.Article",
        on_delete=models.CASCADE,
        related_name="import_record",
        verbose_name=_("bài viết"),
    )
    # The suggestions as they were at import (Findings.to_dict() with each match), and
    # what --link did with them; the panel recomputes from the current text.
    findings = models.JSONField(_("gợi ý khi nhập"), default=dict, blank=True)
    outcome = models.JSONField(_("kết quả liên kết"), default=dict, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("người nhập"),
    )
    imported_at = models.DateTimeField(_("nhập lúc"), default=timezone.now)

    class Meta:
        verbose_name = _("bài đã nhập")
        verbose_name_plural = _("bài đã nhập")
        ordering = ["-imported_at", "-id"]

    def __str__(self) -> str:
        return self.source
