"""Marking the words of a query in a piece of plain text, for search results."""

from __future__ import annotations

from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from core.text import fold

from .tokens import DOC_NUMBER, WORD, ParsedQuery, doc_number_token


@lru_cache(maxsize=16384)
def _folded_word(word: str) -> str:
    # A page of results folds thousands of words, nearly all of them from the few
    # thousand syllables Vietnamese has.
    return fold(word)


def _spans(text: str, query: ParsedQuery) -> list[tuple[int, int]]:
    terms = set(query.folded)
    spans = []
    taken = [False] * len(text)
    for match in DOC_NUMBER.finditer(text):
        if doc_number_token(match.group(0)) in terms or match.group(1) in terms:
            spans.append(match.span())
        for i in range(*match.span()):
            taken[i] = True
    for match in WORD.finditer(text):
        if not taken[match.start()] and _folded_word(match.group(0)) in terms:
            spans.append(match.span())
    return sorted(spans)


def excerpt(text: str, query: ParsedQuery, length: int = 260) -> str:
    """About `length` characters of text around the first match, cut at word boundaries."""
    text = " ".join((text or "").split())
    if len(text) <= length:
        return text
    spans = _spans(text, query)
    # Centre on a word as typed (with its diacritics) if there is one, else on any match.
    exact = [span for span in spans if text[span[0] : span[1]].lower() in query.exact]
    first = (exact or spans or [(0, 0)])[0]
    start = max(0, first[0] - length // 3)
    if start:
        start = text.find(" ", start) + 1 or start
    end = min(len(text), start + length)
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    return ("… " if start else "") + text[start:end] + (" …" if end < len(text) else "")


def highlight(text: str, query: ParsedQuery) -> SafeString:
    """text, HTML-escaped, with each word the query matches wrapped in <mark>."""
    text = text or ""
    out, cursor = [], 0
    for start, end in _spans(text, query):
        if start < cursor:
            continue
        out.append(escape(text[cursor:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        cursor = end
    out.append(escape(text[cursor:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece above is escaped  # nosec B308
