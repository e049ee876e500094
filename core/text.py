"""Vietnamese text at the boundaries: Unicode form, folding and slugs.

Vietnamese arrives in two Unicode forms: composed (NFC, what modern keyboards send)
and decomposed (NFD, from older Windows input tools and some copy-pastes). They look
identical and compare different, so every text that enters is brought to NFC, and
everything that compares text loosely (search, matching) compares folded text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from slugify import slugify as _slugify

# Characters a browser or a pasted document can carry but a stored text never should:
# NUL (PostgreSQL refuses it), lone surrogates (not encodable as UTF-8) and the
# other C0 controls except tab and newlines.
_UNSTORABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


def is_clean_nfc(value: str) -> bool:
    """True if nfc(value) would return value unchanged (a fast check for the common case)."""
    return unicodedata.is_normalized("NFC", value) and not _UNSTORABLE.search(value)


def nfc(value: str) -> str:
    """The composed Unicode form, without characters that cannot be stored."""
    if not value:
        return value
    return unicodedata.normalize("NFC", _UNSTORABLE.sub("", value))


def fold(value: str) -> str:
    """Lower case without diacritics, đ folded to d: "Nghị quyết Đảng" -> "nghi quyet dang"."""
    if not value:
        return ""
    decomposed = unicodedata.normalize("NFD", _UNSTORABLE.sub("", value).lower())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.replace("đ", "d")


def vi_slugify(value: str, max_length: int = 200) -> str:
    """A URL slug: "Đảng bộ" -> "dang-bo", "57-NQ/TW" -> "57-nq-tw".

    Django's slugify drops Đ altogether ("ang-bo"); python-slugify transliterates it.
    """
    return _slugify(nfc(value), max_length=max_length, word_boundary=True, save_order=True)


def unique_slug(
    base: str,
    exists: Callable[[str], bool],
    max_length: int = 200,
    fallback: str = "muc",
) -> str:
    """The first of base, base-2, base-3, … for which exists() is false."""
    root = vi_slugify(base, max_length=max_length) or fallback
    candidate = root
    n = 2
    while exists(candidate):
        suffix = f"-{n}"
        candidate = f"{root[: max_length - len(suffix)].rstrip('-')}{suffix}"
        n += 1
    return candidate
