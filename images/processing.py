"""Checking, re-encoding and resizing uploaded images with Pillow.

Nothing a browser sends is trusted: not the file name, not the content type, not the
extension. A file is accepted only if Pillow reads it fully as one of the allowed
formats within the size and pixel limits; what is stored is a fresh encoding of the
pixels (so EXIF, GPS, comments and any trailing payload are gone) under a random name.
"""

from __future__ import annotations

import hashlib
import io
import secrets
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from PIL import ImageOps, UnidentifiedImageError

# MPO is what Pillow calls a JPEG carrying a second picture (many phones' photos, with
# a depth map or a preview): a JPEG to the reporter, stored as its first picture.
ALLOWED_FORMATS = {"JPEG", "MPO", "PNG", "WEBP", "GIF"}


class ImageRejected(ValueError):
    """The upload is not an image we accept; the message says why, in Vietnamese."""


@dataclass
class CleanImage:
    content: bytes
    extension: str
    width: int
    height: int
    sha256: str


def _max_pixels() -> int:
    return settings.IMAGE_MAX_PIXELS


def clean_image(upload) -> CleanImage:
    """Validate an uploaded file and return it re-encoded, or raise ImageRejected."""
    size = getattr(upload, "size", None)
    if size is None or size > settings.IMAGE_MAX_UPLOAD_BYTES:
        raise ImageRejected(
            _("Ảnh quá lớn: tối đa %(mb)s MB.")
            % {"mb": settings.IMAGE_MAX_UPLOAD_BYTES // (1024 * 1024)}
        )
    if size == 0:
        raise ImageRejected(_("Tệp rỗng."))
    upload.seek(0)
    data = upload.read()
    head = data[:512].lstrip().lower()
    if head.startswith((b"<", b"<?xml", b"<svg", b"<!doctype")):
        raise ImageRejected(_("Tệp không phải ảnh (có vẻ là HTML hoặc SVG)."))

    with warnings.catch_warnings():
        # Pillow only warns between MAX_IMAGE_PIXELS and twice that; make it an error.
        warnings.simplefilter("error", PILImage.DecompressionBombWarning)
        previous_limit = PILImage.MAX_IMAGE_PIXELS
        PILImage.MAX_IMAGE_PIXELS = _max_pixels()
        try:
            try:
                with PILImage.open(io.BytesIO(data)) as probe:
                    fmt = probe.format
                    if fmt not in ALLOWED_FORMATS:
                        raise ImageRejected(
                            _(
                                "Định dạng %(fmt)s không được chấp nhận; hãy dùng JPEG, PNG, WebP hoặc GIF."
                            )
                            % {"fmt": fmt or "?"}
                        )
                    probe.verify()
                with PILImage.open(io.BytesIO(data)) as img:
                    if img.width * img.height > _max_pixels():
                        raise ImageRejected(_("Ảnh có quá nhiều điểm ảnh."))
                    img.load()
                    img = ImageOps.exif_transpose(img)
                    content, extension = _reencode(img, fmt)
                    width, height = img.size
            except ImageRejected:
                raise
            except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning) as exc:
                raise ImageRejected(_("Ảnh có quá nhiều điểm ảnh.")) from exc
            except UnidentifiedImageError as exc:
                raise ImageRejected(_("Tệp không phải ảnh hoặc đã bị hỏng.")) from exc
            except (OSError, SyntaxError, ValueError, EOFError) as exc:
                raise ImageRejected(_("Ảnh bị hỏng hoặc không đọc được đầy đủ.")) from exc
        finally:
            PILImage.MAX_IMAGE_PIXELS = previous_limit

    return CleanImage(
        content=content,
        extension=extension,
        width=width,
        height=height,
        sha256=hashlib.sha256(content).hexdigest(),
    )


def _has_alpha(img: PILImage.Image) -> bool:
    return img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info)


def _eight_bit(img: PILImage.Image) -> PILImage.Image:
    """16-bit and 32-bit greyscale (scans) scaled to 8 bits; convert() alone would clip to white."""
    if img.mode.startswith("I;16") or img.mode == "I":
        return img.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    return img


def _on_white(img: PILImage.Image) -> PILImage.Image:
    """An opaque RGB picture; transparent parts become white, as on the page, not black."""
    img = _eight_bit(img)
    if not _has_alpha(img):
        return img.convert("RGB")
    rgba = img.convert("RGBA")
    background = PILImage.new("RGB", rgba.size, (255, 255, 255))
    background.paste(rgba, mask=rgba.getchannel("A"))
    return background


def _pixels_only(img: PILImage.Image) -> PILImage.Image:
    """img without what Pillow read from the upload beside the pixels. Pillow writes
    some of it back on save (a JPEG's comment segment, a PNG's ICC profile), and a
    payload hides there as well as after the image."""
    img.info = {}
    return img


def _reencode(img: PILImage.Image, fmt: str) -> tuple[bytes, str]:
    out = io.BytesIO()
    img = _eight_bit(img)
    if fmt == "PNG" or _has_alpha(img):
        # Keep lossless pictures (charts, scans of documents) and transparency lossless.
        picture = _pixels_only(img.convert("RGBA" if _has_alpha(img) else "RGB"))
        picture.save(out, "PNG", optimize=True)
        return out.getvalue(), "png"
    # Photographs, and the first frame of a GIF: a plain JPEG.
    picture = _pixels_only(img.convert("RGB"))
    picture.save(out, "JPEG", quality=88, optimize=True, progressive=True)
    return out.getvalue(), "jpg"


def random_filename(extension: str) -> str:
    """A name that says nothing about the uploader's file and cannot be guessed."""
    return f"{secrets.token_hex(16)}.{extension}"


def make_renditions(content: bytes, widths: list[int] | None = None) -> dict[str, dict[str, str]]:
    """Resize once, at upload: JPEG and WebP at each width not larger than the original."""
    widths = widths or settings.IMAGE_RENDITION_WIDTHS
    renditions: dict[str, dict[str, str]] = {"jpeg": {}, "webp": {}}
    with PILImage.open(io.BytesIO(content)) as original:
        original.load()
        # JPEG has no transparency; WebP keeps it.
        sources = {"jpeg": _on_white(original)}
        sources["webp"] = original.convert("RGBA") if _has_alpha(original) else sources["jpeg"]
    source = sources["jpeg"]
    usable = [w for w in widths if w < source.width] or [source.width]
    if source.width not in usable and source.width <= max(widths):
        usable.append(source.width)
    for width in sorted(set(usable)):
        height = max(1, round(source.height * width / source.width))
        for fmt, ext, options in (
            ("jpeg", "jpg", {"quality": 82, "optimize": True, "progressive": True}),
            ("webp", "webp", {"quality": 80, "method": 4}),
        ):
            picture = sources[fmt]
            if width != picture.width:
                picture = picture.resize((width, height), PILImage.Resampling.LANCZOS)
            buffer = io.BytesIO()
            picture.save(buffer, fmt.upper(), **options)
            name = default_storage.save(
                f"images/renditions/{random_filename(ext)}", ContentFile(buffer.getvalue())
            )
            renditions[fmt][str(width)] = name
    return renditions
