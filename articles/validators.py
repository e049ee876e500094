import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def validate_pdf(upload) -> None:
    """A real PDF within the size limit, whatever its name or claimed type says."""
    if upload.size > settings.DOCUMENT_MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("Tệp quá lớn: tối đa %(mb)s MB."),
            params={"mb": settings.DOCUMENT_MAX_UPLOAD_BYTES // (1024 * 1024)},
        )
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(position)
    if not head.lstrip().startswith(b"%PDF-"):
        raise ValidationError(_("Tệp không phải PDF."))


def random_document_name(instance, filename: str) -> str:
    """Stored documents never keep the uploader's file name."""
    return f"documents/{secrets.token_hex(16)}.pdf"
