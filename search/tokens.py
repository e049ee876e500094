"""How text becomes search tokens, the same way for documents and for queries.

Each word is indexed twice: as written (lower case, NFC) and folded (no diacritics,
đ -> d). A query matches on the folded form, so "nghi quyet" finds "Nghị quyết", and
ranks higher where the exact form matches too. A document number such as 57-NQ/TW or
13/2023/NĐ-CP is one token ("57nqtw"), so searching it does not match every text
with a 57 in it; its leading number is indexed as well, so "Nghị quyết 57" still
finds it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from core.text import fold, nfc

# 57-NQ/TW, 45-CT/TW, 144-QĐ/TW, 03/NQ-CP, 13/2023/NĐ-CP, 123/QĐ-UBND, 01/2025/TT-BTC
DOC_NUMBER = re.compile(
    r"(?<![\w/-])(\d{1,5})((?:/\d{4})?[-/][A-ZĐ]{1,10}(?:[-/][A-ZĐ]{1,10})+)(?![\w/-])",
    re.IGNORECASE,
)
WORD = re.compile(r"[^\W_]+")

# Folding a word is the costliest step of indexing, and Vietnamese has a few thousand
# syllables in common use: each is folded once per process. Bounded, so an odd text
# cannot grow it without limit.
_fold_word = lru_cache(maxsize=20_000)(fold)

# PostgreSQL refuses a lexeme of 2 KB or more; such a "word" is never a search term.
MAX_TOKEN_BYTES = 2000
# PostgreSQL's tsvector keeps positions up to 16383 and 256 of them per lexeme.
MAX_POSITION = 16383
MAX_POSITIONS_PER_TOKEN = 256
WEIGHTS = ("A", "B", "C", "D")


def doc_number_token(number: str) -> str:
    return "".join(WORD.findall(fold(number)))


def words(text: str) -> list[tuple[str, str]]:
    """(as written, folded) for each word and document number of text, in order."""
    text = nfc(text or "")
    found: list[tuple[int, str, str]] = []
    for match in DOC_NUMBER.finditer(text):
        compound = doc_number_token(match.group(0))
        found.append((match.start(), compound, compound))
        found.append((match.start(1), match.group(1), match.group(1)))
    rest = DOC_NUMBER.sub(lambda m: " " * len(m.group(0)), text)
    for match in WORD.finditer(rest):
        exact = match.group(0).lower()
        found.append((match.start(), exact, _fold_word(exact)))
    found.sort(key=lambda item: item[0])
    return [(exact, folded) for _, exact, folded in found if len(exact.encode()) <= MAX_TOKEN_BYTES]


def build_vector(*weighted_texts: tuple[str, str]) -> str:
    """A tsvector literal for ("A", title), ("B", lead), … — stored as is on both databases.

    PostgreSQL reads it as a tsvector; SQLite stores the same text and is searched with
    LIKE on the quoted tokens. Building it here keeps tokenizing independent of the
    database's parser and locale, and lets bulk inserts write it directly.
    """
    positions: dict[str, list[str]] = defaultdict(list)
    position = 0
    for weight, text in weighted_texts:
        for exact, folded in words(text):
            position = min(position + 1, MAX_POSITION)
            for token in {exact, folded}:
                if len(positions[token]) < MAX_POSITIONS_PER_TOKEN:
                    positions[token].append(f"{position}{weight}")
    return " ".join(f"'{token}':{','.join(pos)}" for token, pos in positions.items())


@dataclass
class ParsedQuery:
    """A search as typed: folded terms that must all match, exact forms that rank higher."""

    text: str
    folded: list[str] = field(default_factory=list)
    exact: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.folded)


MAX_QUERY_TERMS = 12


def parse_query(text: str) -> ParsedQuery:
    text = nfc(text or "")[:500].strip()
    query = ParsedQuery(text=text)
    for exact, folded in words(text):
        if folded not in query.folded and len(query.folded) < MAX_QUERY_TERMS:
            query.folded.append(folded)
        if exact != folded and exact not in query.exact:
            query.exact.append(exact)
    return query
