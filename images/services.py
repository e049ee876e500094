from __future__ import annotations

from django.core.files.base import ContentFile
from django.db import transaction

from .models import Image
from .processing import CleanImage, clean_image, make_renditions, random_filename


def attach_clean_image(image: Image, clean: CleanImage) -> None:
    """Put a checked, re-encoded picture into image (unsaved), with its renditions."""
    image.file.save(random_filename(clean.extension), ContentFile(clean.content), save=False)
    # Set from what Pillow measured: the field's own update does not run for a nameless ContentFile.
    image.width, image.height = clean.width, clean.height
    image.sha256 = clean.sha256
    image.renditions = make_renditions(clean.content)


@transaction.atomic
def store_image(upload, *, alt_text: str, caption: str = "", credit: str = "", user=None) -> Image:
    """Check, re-encode and store an upload as a new Image. Raises ImageRejected."""
    image = Image(alt_text=alt_text, caption=caption, credit=credit, uploaded_by=user)
    attach_clean_image(image, clean_image(upload))
    image.save()
    return image
