"""Reading the structured facts out of a Party news article: documents, people, events.

Rule-based on purpose: the patterns of this genre are few and stable ("Nghị quyết số
57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị", "các đồng chí: <tên>, <chức vụ>; …",
"Sáng ngày 13/01/2025, … tổ chức hội nghị …"), a newsroom can read and extend a rule,
and nothing is downloaded or sent anywhere. Everything here is pure: no database, no
Django, so `python -m extraction.evaluate` runs bare.

`extract(title, body)` reads `title + "\\n" + body`, brought to NFC first; every span is
(start, end) into that text, which the result carries as `Findings.text`. Matching is
done on a folded copy of the same length (no diacritics, lower case: core.text.fold per
character), so that "Thủ tưởng" is read as "Thủ tướng" and text typed without
diacritics still matches, while spans stay valid in the original.

What the extractor will not do is invent: an issuer is reported when the sentence names
it or the number's code names exactly one body (CP, TTg, TU…; never TW, which three
bodies share); a person needs a name that looks like a Vietnamese name; a date without a
year gets one only from `reference_date`.

Decisions worth knowing (docs/IMPORT.md has the list for editors):
- Positions are kept as written, one string per position, with ", Ban …" continuations
  kept with the position they qualify; a misspelt position head ("Thủ tưởng") is given
  the gazetteer's spelling and the change is listed in PersonFinding.corrections, so a
  new record does not carry the typo while the editor still sees what the text said.
- "do đồng chí X làm Trưởng ban" gives the person, not a position: the post is in a
  body the sentence is setting up, not one the person held at the event.
- An unnumbered document is reported only for unambiguous patterns ("Quyết định thành
  lập …", "Chương trình hành động của … thực hiện <văn bản>"); "quy định", "hướng dẫn",
  "thông báo" are also common words, so without a number they are left alone.
"""

from __future__ import annotations

import bisect
import difflib
import itertools
import re
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import lru_cache

from core.text import fold, nfc

from .vocabulary import (
    CANONICAL_BODIES,
    CEREMONY_WORDS,
    DOC_TYPE_CODES,
    DOC_TYPE_LABELS,
    DOC_TYPE_WORDS,
    EVENT_KIND_LABELS,
    EVENT_KIND_WORDS,
    FORMAT_LABELS,
    ISSUER_CODES,
    LEVEL_LABELS,
    LEVEL_WORDS,
    NATIONAL_POSTS,
    NOT_PERSONS,
    ORG_START_WORDS,
    PLACES,
    POSITION_HEADS,
    RANKS,
    ROLE_LABELS,
    SURNAMES,
    TIMES_OF_DAY,
    DocType,
    EventFormat,
    EventKind,
    Level,
    Role,
)

Span = tuple[int, int]


# Results ---------------------------------------------------------------------------------


@dataclass
class DocumentFinding:
    doc_type: str
    number: str | None = None
    issuer: str | None = None
    issue_date: date | None = None
    # For a document known by its name only: "Quyết định thành lập Ban Chỉ đạo …".
    title: str | None = None
    subject: str | None = None
    # The number of the document this one carries out ("… thực hiện Nghị quyết 57-NQ/TW").
    implements: str | None = None
    # False for "Nghị quyết 57" when the article never gives the full number.
    complete: bool = True
    span: Span = (0, 0)
    spans: list[Span] = field(default_factory=list)

    @property
    def key(self) -> str:
        return number_key(self.number) if self.number else "t:" + fold(self.title or "")

    @property
    def label(self) -> str:
        kind = DOC_TYPE_LABELS[DocType(self.doc_type)]
        return f"{kind} {self.number}" if self.number else (self.title or kind)


@dataclass
class PersonFinding:
    name: str
    positions: list[str] = field(default_factory=list)
    role: int | None = None
    # What the person did, when the sentence says it after the name: "quán triệt …".
    role_note: str = ""
    # The level of the bridge point the person was at ("chủ trì tại điểm cầu tỉnh").
    bridge_level: int | None = None
    # Index into Findings.events of the event the role belongs to.
    event: int | None = None
    # (as written, as recorded) for each misspelt position head that was corrected.
    corrections: list[tuple[str, str]] = field(default_factory=list)
    span: Span = (0, 0)
    spans: list[Span] = field(default_factory=list)

    @property
    def key(self) -> str:
        return fold(self.name)

    @property
    def position_at_time(self) -> str:
        return ", ".join(self.positions)


@dataclass
class BridgePointFinding:
    level: int
    count: int
    location: str = ""
    span: Span = (0, 0)


@dataclass
class EventFinding:
    kind: str
    name: str | None = None
    date: date | None = None
    # The date as written, kept when it has no year and none could be inferred.
    date_text: str = ""
    time_of_day: str | None = None
    time: str | None = None  # "08:30" when the text gives the hour
    format: str | None = None
    broadcast: str = ""
    venue: str = ""
    bridge_points: list[BridgePointFinding] = field(default_factory=list)
    bridge_points_total: int | None = None
    attendance: int | None = None
    attendance_note: str = ""
    organizers: list[str] = field(default_factory=list)
    # Keys (see DocumentFinding.key) of the documents the event is about.
    documents: list[str] = field(default_factory=list)
    span: Span = (0, 0)
    spans: list[Span] = field(default_factory=list)


@dataclass
class Findings:
    text: str
    title_length: int
    documents: list[DocumentFinding] = field(default_factory=list)
    persons: list[PersonFinding] = field(default_factory=list)
    events: list[EventFinding] = field(default_factory=list)

    def to_dict(self) -> dict:
        """JSON-ready, with labels a panel can show as they are."""

        def doc(d: DocumentFinding) -> dict:
            out = asdict(d)
            out["issue_date"] = d.issue_date.isoformat() if d.issue_date else None
            out["doc_type_label"] = DOC_TYPE_LABELS[DocType(d.doc_type)]
            out["key"], out["label"] = d.key, d.label
            return out

        def person(p: PersonFinding) -> dict:
            out = asdict(p)
            out["role_label"] = ROLE_LABELS[Role(p.role)] if p.role else ""
            out["key"] = p.key
            return out

        def event(e: EventFinding) -> dict:
            out = asdict(e)
            out["date"] = e.date.isoformat() if e.date else None
            out["kind_label"] = EVENT_KIND_LABELS[EventKind(e.kind)]
            out["format_label"] = FORMAT_LABELS[EventFormat(e.format)] if e.format else ""
            for point in out["bridge_points"]:
                point["level_label"] = LEVEL_LABELS[Level(point["level"])]
            return out

        return {
            "text": self.text,
            "title_length": self.title_length,
            "documents": [doc(d) for d in self.documents],
            "persons": [person(p) for p in self.persons],
            "events": [event(e) for e in self.events],
        }


def document_from_dict(data: dict) -> DocumentFinding:
    return DocumentFinding(
        doc_type=data["doc_type"],
        number=data.get("number") or None,
        issuer=data.get("issuer") or None,
        issue_date=_iso_date(data.get("issue_date")),
        title=data.get("title") or None,
        subject=data.get("subject") or None,
        implements=data.get("implements") or None,
        complete=data.get("complete", True),
        span=tuple(data.get("span") or (0, 0)),
        spans=[tuple(s) for s in data.get("spans") or []],
    )


def person_from_dict(data: dict) -> PersonFinding:
    return PersonFinding(
        name=data["name"],
        positions=list(data.get("positions") or []),
        role=data.get("role"),
        role_note=data.get("role_note") or "",
        bridge_level=data.get("bridge_level"),
        event=data.get("event"),
        corrections=[tuple(c) for c in data.get("corrections") or []],
        span=tuple(data.get("span") or (0, 0)),
        spans=[tuple(s) for s in data.get("spans") or []],
    )


def event_from_dict(data: dict) -> EventFinding:
    return EventFinding(
        kind=data["kind"],
        name=data.get("name") or None,
        date=_iso_date(data.get("date")),
        date_text=data.get("date_text") or "",
        time_of_day=data.get("time_of_day") or None,
        time=data.get("time") or None,
        format=data.get("format") or None,
        broadcast=data.get("broadcast") or "",
        venue=data.get("venue") or "",
        bridge_points=[
            BridgePointFinding(
                level=p["level"],
                count=p["count"],
                location=p.get("location") or "",
                span=tuple(p.get("span") or (0, 0)),
            )
            for p in data.get("bridge_points") or []
        ],
        bridge_points_total=data.get("bridge_points_total"),
        attendance=data.get("attendance"),
        attendance_note=data.get("attendance_note") or "",
        organizers=list(data.get("organizers") or []),
        documents=list(data.get("documents") or []),
        span=tuple(data.get("span") or (0, 0)),
        spans=[tuple(s) for s in data.get("spans") or []],
    )


def _iso_date(value) -> date | None:
    if not value:
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(value)


# Text helpers ----------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    folded = fold(ch)
    if len(folded) == 1:
        return folded
    lower = ch.lower()
    return lower if len(lower) == 1 else ch


def fold_aligned(text: str) -> str:
    """fold(text) with one character per character, so that spans carry over."""
    return "".join(_fold_char(ch) for ch in text)


def number_key(number: str) -> str:
    """How document numbers compare: 57-NQ/TW, 57-nq/tw, 57 - NQ/TƯ are one key.

    "TƯ" (an older spelling of TW, the Centre) becomes TW before folding, which would
    otherwise make it "TU", the provincial committee's code: another issuer altogether.
    """
    text = nfc(number).upper().replace("TƯ", "TW")
    return re.sub(r"[^0-9a-z]", "", fold(text))


def _alternatives(text: str) -> tuple[str, ...]:
    """Phrases written "a|b|c" (a long list reads better as prose), longest first so that
    "đồng chủ trì" is tried before "chủ trì"."""
    phrases = {" ".join(p.split()) for p in text.split("|") if p.strip()}
    return tuple(sorted(phrases, key=lambda p: (-len(p), p)))


# 57-NQ/TW, 03/NQ-CP, 13/2023/NĐ-CP, 749/QĐ-TTg, 59/2020/QH14, 01-KH/TU. Codes start with a
# capital, so a lower-case "5-10 năm" or a date is never a number. search.tokens has a
# looser twin for indexing; this one must not fire on running text.
DOC_NUMBER = re.compile(
    r"(?<![0-9A-Za-z/.\-])(\d{1,5})((?:/\d{4})?(?:[-/][A-ZĐƯ][A-Za-zĐđƯư0-9]{0,11})+)(?![\w/\-])"
)
TOKEN = re.compile(r"[^\W_]+(?:[./-][^\W_]+)*|\S")
_ABBREVIATIONS = ("TS", "ThS", "GS", "PGS", "TP", "Tp", "NXB", "PV", "ĐC")


def _sentences(text: str) -> list[Span]:
    """Sentence spans: ended by . ! ? … before a space, or by a line break."""
    spans, start = [], 0
    for match in re.finditer(r"[.!?…]+(?=\s)|\n", text):
        if match.group(0) == "." and text[max(0, match.start() - 4) : match.start()].endswith(
            _ABBREVIATIONS
        ):
            continue
        end = match.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _sentence_of(sentences: list[Span], pos: int) -> Span:
    at = bisect.bisect_right(sentences, (pos, float("inf"))) - 1
    if at >= 0 and sentences[at][0] <= pos < sentences[at][1]:
        return sentences[at]
    return (0, 0)


def _is_syllable(token: str) -> bool:
    """A capitalised word: "Lụa", "A" — not an acronym ("UBND") nor a number."""
    return token.isalpha() and token[0].isupper() and (len(token) == 1 or token[1:].islower())


_FOLDED_SURNAMES = frozenset(fold(s) for s in SURNAMES)
_FOLDED_PLACES = frozenset(fold(p) for p in PLACES)


def _is_surname(token: str) -> bool:
    if token in SURNAMES:
        return True
    # A name typed without any diacritics ("Nguyen Van A") still has a surname.
    return token.isascii() and token.lower() in _FOLDED_SURNAMES


def _is_name(tokens: list[str]) -> bool:
    if not 2 <= len(tokens) <= 4 or not all(_is_syllable(t) for t in tokens):
        return False
    joined = " ".join(tokens)
    return (
        _is_surname(tokens[0]) and joined not in NOT_PERSONS and fold(joined) not in _FOLDED_PLACES
    )


def _starts_with(text: str, pos: int, words) -> str | None:
    """The first of words that text has at pos, followed by a word boundary."""
    for word in words:
        if text.startswith(word, pos):
            after = pos + len(word)
            if after >= len(text) or not text[after].isalnum():
                return word
    return None


# Position heads, folded, longest first; matched in the folded text.
_HEADS = sorted(POSITION_HEADS, key=len, reverse=True)
_HEAD_RE = re.compile(r"(?<!\w)(" + "|".join(re.escape(fold(h)) for h in _HEADS) + r")(?!\w)")
_HEAD_SPELLING = {fold(h): h for h in _HEADS}

# Lower-case words that end a position or a name's tail: verbs and prepositions that no
# organisation's name contains. Compared with the text as written, not folded: "thăm"
# (visit) ends a position, "tham" in "tham mưu" does not.
_STOPS = _alternatives(
    "phát biểu|chủ trì|đồng chủ trì|trình bày|báo cáo|quán triệt|làm|tham dự|dự|cùng|đã|đang|"
    "sẽ|nhấn mạnh|yêu cầu|đề nghị|khẳng định|cho biết|chúc mừng|trao|tặng|thăm|đến|tới|tại|"
    "được|với|khi|là|để|về|kiểm tra|chỉ đạo|giới thiệu|thông tin|phổ biến|điều hành|dẫn đầu|"
    "trong|nêu|ghi nhận|đánh giá|mong muốn|thay mặt|ký|ban hành|phê duyệt|tổ chức|tiếp|"
    "làm việc|có|và đồng chí|và các|cũng|nói|gửi|biểu dương|đồng thời|nhận|chia sẻ|lưu ý|đọc|"
    "công bố|kết luận|quyết định|trực tiếp|nghe|do|vừa|chúc|động viên|thông qua|triển khai|"
    "trả lời|giải đáp|hướng dẫn|điều khiển|phụ trách|cảm ơn|tri ân|bày tỏ|gợi mở|đặt|dâng|"
    "thắp|cắt|bấm|khai mạc|bế mạc|ghi|tuyên bố|đánh|hoan nghênh|khen|nhất trí|ủy quyền|giao|"
    "phân tích|làm rõ|đọc diễn văn|tiếp đón|đón|tiếp xúc|dâng hoa|dâng hương"
)


def _stop_at(text: str, pos: int) -> bool:
    return _starts_with(text, pos, _STOPS) is not None


_ACRONYM_PAREN = re.compile(r"\([A-ZĐ][A-ZĐ&]{1,9}\)")
_SPACES = re.compile(r"\s*")


def _skip_acronym_paren(text: str, pos: int) -> int:
    """End of "(BTV)" at pos, or pos: an abbreviation in brackets belongs to the phrase."""
    match = _ACRONYM_PAREN.match(text, pos)
    return match.end() if match else pos


def _phrase_tokens(text: str, start: int, limit: int, *, max_tokens: int = 40):
    """Tokens from start that can belong to a position or a name, up to a stop."""
    tokens = []
    pos = start
    while pos < limit and len(tokens) < max_tokens:
        while pos < limit and text[pos] in " \t":
            pos += 1
        if pos >= limit:
            break
        skipped = _skip_acronym_paren(text, pos)
        if skipped != pos:
            tokens.append((pos, skipped, text[pos:skipped]))
            pos = skipped
            continue
        match = TOKEN.match(text, pos)
        if not match:
            break
        word = match.group(0)
        if word in ",;.:!?()\n“”\"'«»…–":
            break
        if word == "-":
            # "Lý luận chính trị - Lịch sử" keeps its dash; "A - Bí thư" ends at one.
            tokens.append((pos, match.end(), word))
            pos = match.end()
            continue
        if word[0].islower() and _stop_at(text, pos):
            break
        if word == "và" and not _joins_names(text, match.end(), limit):
            break
        tokens.append((pos, match.end(), word))
        pos = match.end()
    while tokens and tokens[-1][2] in ("-", "và"):
        tokens.pop()
    return tokens


def _joins_names(text: str, pos: int, limit: int) -> bool:
    """Whether "và" at pos joins two parts of one name ("Sở Khoa học và Công nghệ")
    rather than two people or a list ("… Chủ tịch UBND tỉnh và Nguyễn Anh Chức")."""
    match = TOKEN.match(text, _SPACES.match(text, pos).end())
    if not match or not _is_syllable(match.group(0)):
        return False
    run = [match.group(0)]
    for later in TOKEN.finditer(text, match.end(), min(limit, match.end() + 40)):
        if not _is_syllable(later.group(0)):
            break
        run.append(later.group(0))
    return not any(_is_name(run[:n]) for n in (2, 3, 4))


def _correct_head(text: str, start: int, end: int, canonical: str) -> tuple[str, list]:
    written = text[start:end]
    if written.lower() == canonical.lower():
        return written, []
    return canonical, [(written, canonical)]


def _match_head(text: str, folded: str, pos: int) -> re.Match | None:
    match = _HEAD_RE.match(folded, pos)
    if match is None:
        return None
    # Heads are written with a capital; lower case "bí thư chi bộ" is a common noun.
    if not text[pos].isupper():
        return None
    return match


# Phrases that run over commas ----------------------------------------------------------------

# After a comma, a phrase (a subject, an event's or a document's name) goes on with an
# enumeration ("khoa học, công nghệ, đổi mới sáng tạo") and stops at a new clause.
_COMMA_BREAKS = tuple(
    f"{p} " if " " not in p and p not in ("thành lập", "chủ trì") else p
    for p in _alternatives(
        "do|được|với|theo|trong đó|nhằm|đồng thời|tại|gồm|có|thành lập|và các|khi|sau|trước|"
        "đã|sẽ|là|để|chủ trì|cùng|đồng chí|các đồng chí|qua đó|kết nối|truyền hình|thu hút|"
        "diễn ra|kéo dài|nghe|phát biểu|trình bày"
    )
)
# Words that end a name or a subject without a comma: "Hội nghị … do Tỉnh ủy tổ chức".
_PHRASE_BREAKS = tuple(
    f" {p} " if " " not in p else f" {p}"
    for p in _alternatives(
        "do|tại|bằng hình thức|theo hình thức|dưới sự|với sự|nhằm|được tổ chức|diễn ra|đã|sẽ|"
        "vào|trực tiếp kết hợp|kết nối|có sự|được|để"
    )
)
# "với" ends a name before a number or "sự" ("… với hơn 300 đại biểu", "… với sự tham dự")
# but not in "đối thoại … với Nhân dân".
_WITH_BREAK = re.compile(r" với (?:sự|sự |hơn |gần |khoảng |trên |\d)")


def _phrase_end(text: str, start: int, limit: int, *, breaks=_PHRASE_BREAKS) -> int:
    quote = False
    i = start
    while i < limit:
        ch = text[i]
        if ch in "“«":
            quote = True
        elif ch in "”»":
            quote = False
        elif ch == '"':
            quote = not quote
        elif not quote:
            if ch in ";:!?\n(…":
                return i
            if ch == "." and not (i + 1 < len(text) and text[i + 1].isdigit()):
                return i
            if ch == ",":
                rest = text[i + 1 : limit].lstrip()
                if re.match(r"ngày \d", rest) or DOC_NUMBER.match(rest):
                    i += 1
                    continue
                if not rest or not rest[0].islower() or rest.startswith(_COMMA_BREAKS):
                    return i
            if ch == " " and (text.startswith(breaks, i) or _WITH_BREAK.match(text, i)):
                return i
        i += 1
    return limit


# Dates -------------------------------------------------------------------------------------

_DATE = re.compile(
    r"(?:(?P<tod>[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa)\s+(?:[Tt]hứ \w+,?\s+)?)?"
    r"(?:(?P<lead>[Nn]gày|[Hh]ôm)\s+)?"
    r"(?:(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})(?:[/.-](?P<y>\d{4}))?"
    r"|(?P<d2>\d{1,2}) tháng (?P<m2>\d{1,2})(?: năm (?P<y2>\d{4}))?)"
    r"(?![\d/.-]\d)(?!\s*(?:năm|tháng|ngày|%|người|lần|giờ)\b)"
)


def _parse_date(match: re.Match, reference: date | None) -> tuple[date | None, str]:
    day = int(match.group("d") or match.group("d2"))
    month = int(match.group("m") or match.group("m2"))
    year = match.group("y") or match.group("y2")
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None, ""
    written = f"{day:02d}/{month:02d}" + (f"/{year}" if year else "")
    if year:
        try:
            return date(int(year), month, day), written
        except ValueError:
            return None, ""
    if reference is None:
        return None, written
    # The year that puts the date nearest the reference: news reports what just happened
    # or is about to.
    best = None
    for y in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidate = date(y, month, day)
        except ValueError:
            continue
        if best is None or abs((candidate - reference).days) < abs((best - reference).days):
            best = candidate
    return best, written


# Documents ---------------------------------------------------------------------------------

_TYPE_WORDS = sorted(DOC_TYPE_WORDS, key=len, reverse=True)
_TYPE_BEFORE = re.compile(
    r"(?<!\w)(?:cac\s+)?(" + "|".join(re.escape(w) for w in _TYPE_WORDS) + r")\s*(?:so\s*)?:?\s*$"
)
_ISSUER_NAMES = sorted(CANONICAL_BODIES, key=len, reverse=True)
_ISSUER_AFTER = re.compile(
    r"\s*,?\s*(?:cua|do)\s+(" + "|".join(re.escape(n) for n in _ISSUER_NAMES) + r")(?!\w)"
)
_ORG_AFTER = re.compile(r"\s*,?\s*(?:của|do)\s+")
_DATE_AFTER = re.compile(r"\s*,?\s*(?:ban hành\s+|ký\s+)?ngày\s+")
_SUBJECT_AFTER = re.compile(r"\s*,?\s*(?:\([^)]{1,40}\)\s*)?(về\s)")
_ISSUED_BY_BEFORE = re.compile(r"([^,;:]{3,80}?)\s+(?:đã\s+|vừa\s+|mới\s+)?(?:ký\s+)?ban hành\s+$")
_PARTIAL = re.compile(
    r"(?<!\w)(nghi quyet|chi thi|ket luan|quy dinh|quyet dinh|nghi dinh|ke hoach|thong tu)"
    r"\s+(so\s+)?(\d{1,5})(?![\w/\-]|[.,]\d)(?!\s*(?:nam|thang|ngay|%)\b)"
)
_UNNUMBERED_DECISION = re.compile(
    r"Quyết định\s+(?:của\s+(?P<org>[^,;.]{3,60}?)\s+)?(?:về việc\s+)?"
    r"(?:thành lập|ban hành|phê duyệt|công nhận|kiện toàn|chuẩn y|phê chuẩn)\s"
)
_PROGRAMME = re.compile(
    r"(Chương trình hành động|Kế hoạch)(?:\s+của\s+(?P<org>[^,;.]{3,60}?))?\s+"
    r"(?:triển khai\s+)?(?:thực hiện|triển khai)\s+"
)


@dataclass
class _DocMention:
    doc: DocumentFinding
    start: int
    end: int
    sentence: Span
    fields: int = 0
    number_end: int = 0


def _canonical_body(name: str) -> str:
    name = " ".join(name.split()).strip(" ,")
    folded = fold(name)
    # "Hội nghị Trung ương 9 khóa XI", "Hội nghị lần thứ tư Ban Chấp hành Trung ương": a
    # plenum issues in the Central Committee's name.
    if re.match(r"hoi nghi (?:trung uong|lan thu \w+ ban chap hanh trung uong)", folded):
        return CANONICAL_BODIES["ban chap hanh trung uong"]
    return CANONICAL_BODIES.get(folded, name)


def _org_phrase(text: str, start: int, limit: int) -> tuple[str, int] | None:
    """An organisation's name at start ("Bộ Khoa học và Công nghệ"), and its end."""
    if not _starts_with(text, start, ORG_START_WORDS):
        return None
    tokens = _phrase_tokens(text, start, limit, max_tokens=12)
    if not tokens:
        return None
    return text[start : tokens[-1][1]], tokens[-1][1]


def _issued_by_before(text: str, clause_start: int, start: int) -> str | None:
    """ "Đảng ủy Khối … đã ban hành Hướng dẫn số …": the body that issued it."""
    match = _ISSUED_BY_BEFORE.search(text, clause_start, start)
    if not match:
        return None
    candidate = match.group(1).strip()
    org = _org_phrase(candidate, 0, len(candidate))
    if org and org[1] == len(candidate):
        return _canonical_body(candidate)
    return None


def _type_from_code(code: str) -> str:
    parts = [p for p in re.split(r"[-/]", code) if p and not p.isdigit()]
    upper = [p.upper() for p in parts]
    if "QĐ" in upper and "TW" in upper:
        return DocType.REGULATION
    for part in upper:
        if part in DOC_TYPE_CODES:
            return DOC_TYPE_CODES[part]
        if re.fullmatch(r"QH\d*", part):
            return DocType.LAW
    return DocType.OTHER


def _issuer_from_code(code: str) -> str | None:
    parts = [p.upper() for p in re.split(r"[-/]", code) if p and not p.isdigit()]
    if not parts:
        return None
    last = re.sub(r"\d+$", "", parts[-1])
    return ISSUER_CODES.get(last)


def _parse_after(
    text: str, folded: str, pos: int, limit: int, doc: DocumentFinding, reference
) -> tuple[int, int]:
    """Read ", ngày …", "của …" and "về …" after a document; return (end, fields found)."""
    found = 0
    for _ in range(2):
        date_lead = _DATE_AFTER.match(text, pos, limit)
        if date_lead and doc.issue_date is None:
            date_match = _DATE.match(text, date_lead.end(), limit)
            if date_match:
                value, _written = _parse_date(date_match, reference)
                if value:
                    doc.issue_date = value
                    pos = date_match.end()
                    found += 1
                    continue
        issuer = _ISSUER_AFTER.match(folded, pos, limit)
        if issuer and doc.issuer is None:
            doc.issuer = _canonical_body(text[issuer.start(1) : issuer.end(1)])
            pos = issuer.end()
            found += 1
            # "(khóa XIII)" after the Central Committee belongs to it.
            paren = re.match(
                r"\s*(?:Đảng\s*)?\((?:khóa|khoá)[^)]{1,12}\)|\s+Đảng\b", text[pos:limit]
            )
            if paren:
                pos += paren.end()
            continue
        org_lead = _ORG_AFTER.match(text, pos, limit)
        if org_lead and doc.issuer is None:
            org = _org_phrase(text, org_lead.end(), limit)
            if org:
                doc.issuer = _canonical_body(org[0])
                pos = org[1]
                found += 1
                continue
        break
    return pos, found


def _find_documents(text: str, folded: str, sentences, reference) -> tuple[list, list[Span]]:
    mentions: list[_DocMention] = []
    taken: list[Span] = []

    for match in DOC_NUMBER.finditer(text):
        sentence = _sentence_of(sentences, match.start())
        number, code = match.group(0), match.group(2)
        before = folded[max(sentence[0], match.start() - 60) : match.start()]
        type_word = _TYPE_BEFORE.search(before)
        start = match.start()
        if type_word:
            doc_type = DOC_TYPE_WORDS[type_word.group(1)]
            start = match.start() - len(before) + type_word.start()
            start += len(before[type_word.start() :]) - len(before[type_word.start() :].lstrip())
            if doc_type == DocType.ACTION_PROGRAMME and "ctr" not in fold(code):
                doc_type = _type_from_code(code)
        else:
            doc_type = _type_from_code(code)
        doc = DocumentFinding(doc_type=doc_type, number=number)
        end, fields = _parse_after(text, folded, match.end(), sentence[1], doc, reference)
        clause_start = max(sentence[0], text.rfind(",", sentence[0], start) + 1)
        issued_by = _issued_by_before(text, clause_start, start)
        if issued_by:
            # The sentence names the issuer outright: it wins over a code's reading.
            doc.issuer = issued_by
            fields += 1
        subject = _SUBJECT_AFTER.match(text, end, sentence[1])
        if subject:
            subject_end = _phrase_end(text, subject.start(1), sentence[1])
            doc.subject = text[subject.start(1) : subject_end].strip() or None
        mentions.append(_DocMention(doc, start, end, sentence, fields, match.end()))
        taken.append((start, end))

    _share_issuers(text, mentions)
    for mention in mentions:
        if mention.doc.issuer is None:
            mention.doc.issuer = _issuer_from_code(mention.doc.number or "")

    # Documents known by name: "Quyết định thành lập …", "Chương trình hành động của …".
    for match in _PROGRAMME.finditer(text):
        sentence = _sentence_of(sentences, match.start())
        target = next(
            (m for m in mentions if m.start >= match.end() - 1 and m.start - match.end() < 3),
            None,
        )
        partial = _PARTIAL.match(folded, match.end())
        if target is not None:
            title_end, implements = target.number_end, target.doc.number
        elif partial:
            title_end, implements = partial.end(), partial.group(3)
        else:
            continue
        kind = DocType.ACTION_PROGRAMME if match.group(1).startswith("Chương") else DocType.PLAN
        org = match.group("org")
        doc = DocumentFinding(
            doc_type=kind,
            title=text[match.start() : title_end].strip(),
            issuer=_canonical_body(org) if org else None,
            implements=implements,
        )
        mentions.append(_DocMention(doc, match.start(), title_end, sentence, 2))
        taken.append((match.start(), title_end))

    for match in _UNNUMBERED_DECISION.finditer(text):
        if any(s <= match.start() < e for s, e in taken):
            continue
        # "Quyết định số 12-QĐ/TU thành lập …" has its number; this one has none.
        sentence = _sentence_of(sentences, match.start())
        end = _phrase_end(text, match.start(), sentence[1])
        issuer = match.group("org")
        doc = DocumentFinding(
            doc_type=DocType.DECISION,
            title=text[match.start() : end].strip(),
            issuer=_canonical_body(issuer) if issuer else None,
        )
        mentions.append(_DocMention(doc, match.start(), end, sentence, 1))
        taken.append((match.start(), end))

    # "Nghị quyết số 57" refers to 57-NQ/TW when the article names it in full.
    for match in _PARTIAL.finditer(folded):
        if any(s <= match.start() < e for s, e in taken):
            continue
        word, has_so, digits = match.group(1), match.group(2), match.group(3)
        doc_type = DOC_TYPE_WORDS[word]
        if not has_so and doc_type not in (
            DocType.RESOLUTION,
            DocType.DIRECTIVE,
            DocType.CONCLUSION,
            DocType.REGULATION,
        ):
            continue
        if not text[match.start()].isupper() and not has_so:
            continue
        sentence = _sentence_of(sentences, match.start())
        doc = DocumentFinding(doc_type=doc_type, number=digits, complete=False)
        mentions.append(_DocMention(doc, match.start(), match.end(), sentence, 0))
        taken.append((match.start(), match.end()))

    mentions.sort(key=lambda m: m.start)
    return _merge_documents(mentions), taken


def _share_issuers(text: str, mentions: list[_DocMention]) -> None:
    """ "Chỉ thị số 05-CT/TW và Kết luận số 01-KL/TW của Bộ Chính trị": both by the Politburo."""
    numbered = sorted((m for m in mentions if m.doc.number), key=lambda m: m.start)
    for left, right in reversed(list(itertools.pairwise(numbered))):
        between = text[left.end : right.start]
        if not re.fullmatch(r"\s*(?:,|và|;)?\s*(?:và\s+)?(?:các\s+)?", between):
            continue
        if left.doc.issuer is None and right.doc.issuer is not None:
            left.doc.issuer = right.doc.issuer
        same_series = re.sub(r"^\d+", "", left.doc.number) == re.sub(r"^\d+", "", right.doc.number)
        if left.doc.issue_date is None and right.doc.issue_date and same_series:
            left.doc.issue_date = right.doc.issue_date


def _merge_programmes(docs: list[DocumentFinding]) -> list[DocumentFinding]:
    """A title's "Chương trình hành động thực hiện Nghị quyết 57" and the body's "…của Tỉnh
    ủy thực hiện Nghị quyết số 57-NQ/TW" are one document: same type, same document
    carried out, no conflicting issuer. The fuller title is kept."""
    kept: list[DocumentFinding] = []
    for doc in docs:
        twin = None
        if doc.title and doc.implements:
            lead = re.match(r"\d+", doc.implements).group(0)
            for other in kept:
                if (
                    other.title
                    and other.implements
                    and other.doc_type == doc.doc_type
                    and re.match(r"\d+", other.implements).group(0) == lead
                    and (other.issuer is None or doc.issuer is None or other.issuer == doc.issuer)
                ):
                    twin = other
                    break
        if twin is None:
            kept.append(doc)
            continue
        if (doc.issuer and not twin.issuer) or len(doc.implements) > len(twin.implements):
            twin.title, twin.implements, twin.span = doc.title, doc.implements, doc.span
        twin.issuer = twin.issuer or doc.issuer
        twin.spans.extend(doc.spans)
    return kept


def _merge_documents(mentions: list[_DocMention]) -> list[DocumentFinding]:
    merged: dict[str, tuple[DocumentFinding, int]] = {}
    partials = []
    for mention in mentions:
        doc = mention.doc
        if doc.number and not doc.complete:
            partials.append(mention)
            continue
        key = doc.key
        if key not in merged:
            doc.spans = [(mention.start, mention.end)]
            doc.span = (mention.start, mention.end)
            merged[key] = (doc, mention.fields)
            continue
        kept, best = merged[key]
        kept.spans.append((mention.start, mention.end))
        for name in ("issuer", "issue_date", "subject", "implements"):
            if getattr(kept, name) is None and getattr(doc, name) is not None:
                setattr(kept, name, getattr(doc, name))
        if mention.fields > best:
            kept.span = (mention.start, mention.end)
            merged[key] = (kept, mention.fields)
    results = _merge_programmes([doc for doc, _ in merged.values()])
    for mention in partials:
        doc = mention.doc
        full = [
            d
            for d in results
            if d.number
            and d.complete
            and re.match(rf"{doc.number}\D", d.number)
            and d.doc_type == doc.doc_type
        ]
        if len(full) == 1:
            full[0].spans.append((mention.start, mention.end))
            continue
        same = next(
            (
                d
                for d in results
                if not d.complete and d.number == doc.number and d.doc_type == doc.doc_type
            ),
            None,
        )
        if same:
            same.spans.append((mention.start, mention.end))
            continue
        doc.span = (mention.start, mention.end)
        doc.spans = [doc.span]
        results.append(doc)
    for doc in results:
        doc.spans.sort()
    results.sort(key=lambda d: d.spans[0][0])
    return results


# People ------------------------------------------------------------------------------------

_RANKS = tuple(sorted(RANKS, key=len, reverse=True))
# An honorific, or a rank or academic title standing in for one ("Thượng tướng X").
_HONORIFIC = re.compile(
    r"(?<!\w)(các đồng chí|đồng chí|Các đồng chí|Đồng chí|đ/c|Đ/c|ông|Ông|bà|Bà|"
    + "|".join(re.escape(r) for r in _RANKS)
    + r")\.?(?:\s+|\s*:\s*)"
)
# What may stand just before a mention whose role the clause before it gives: "… chủ
# trì hội nghị có các đồng chí:", "phát biểu chỉ đạo của đồng chí …".
_INTRODUCED = re.compile(r"(?:của|có|gồm|gồm có|là|:)\s*(?:sự\s+\w+\s+của\s+)?$")
_ROLE_TRIGGERS = [
    (re.compile(r"(?<!\w)(?:đồng )?chủ trì(?!\w)", re.IGNORECASE), Role.PRESIDING),
    (re.compile(r"(?<!\w)(?:phát biểu )?chỉ đạo(?!\w)", re.IGNORECASE), Role.DIRECTING),
    (
        re.compile(
            r"(?<!\w)(?:trình bày|báo cáo(?! viên)|quán triệt|tham luận|phổ biến|thông tin|"
            r"giới thiệu|phát biểu khai mạc|phát biểu bế mạc|phát biểu đề dẫn|truyền đạt|"
            r"đọc diễn văn|đọc báo cáo)(?!\w)",
            re.IGNORECASE,
        ),
        Role.PRESENTING,
    ),
    (
        re.compile(
            r"(?<!\w)(?:tham dự|dự(?! án| thảo| báo| kiến| toán| khuyết| thi| trữ| định))(?!\w)",
            re.IGNORECASE,
        ),
        Role.ATTENDING,
    ),
]
# "Phát biểu khai mạc, ông X …", "Báo cáo với đoàn, đồng chí Y …": a participle clause
# that says what the person named next did.
_LEAD_IN = re.compile(r"^\s*(?:Tại [^,]{3,40},\s*)?([^,]{3,60}),\s*$")
_BRIDGE_AT = re.compile(r"tại điểm cầu (?:(?:cấp )?(tỉnh|huyện|xã|cơ sở)|(Trung ương))")


@dataclass
class _PersonMention:
    name: str
    start: int  # of the name
    end: int  # of the name
    after: int  # end of what was read with it (positions)
    positions: list[str]
    corrections: list
    role_context: Span | None = None
    # Where the mention begins: the title before the name, if there is one.
    lead: int | None = None
    # Mentions read as one list ("…: A, …; B, …") share a group: a verb after the last
    # item ("… đã trình bày tham luận") is what all of them did.
    group: int | None = None

    @property
    def span(self) -> Span:
        return (self.start if self.lead is None else self.lead, self.after)


def _name_run(text: str, pos: int, limit: int) -> list[tuple[int, int, str]]:
    """Capitalised syllables from pos, stopping before a position head."""
    run = []
    for start, end, token in _phrase_tokens(text, pos, limit, max_tokens=8):
        if not _is_syllable(token):
            break
        run.append((start, end, token))
    return run


def _name_prefix(text: str, folded: str, pos: int, limit: int):
    """The name that starts at pos ("Đinh Thị Lụa, …"), as (start, end, name), or None."""
    run = _name_run(text, pos, limit)
    # A name stops where a position begins: "Nguyễn Văn A Phó Chủ tịch …" (comma missing).
    for i, (start, _end, _token) in enumerate(run):
        if i >= 2 and _match_head(text, folded, start):
            run = run[:i]
            break
    for n in (4, 3, 2):
        if len(run) >= n and _is_name([t for _, _, t in run[:n]]):
            return run[0][0], run[n - 1][1], " ".join(t for _, _, t in run[:n])
    return None


def _name_suffix(tokens) -> tuple[int, int, str] | None:
    """The name that ends a run of capitalised syllables after a position:
    "Chủ tịch UBND tỉnh Hà Nam Lê Văn A" -> "Lê Văn A"."""
    runs, current = [], []
    for token in tokens:
        if _is_syllable(token[2]):
            current.append(token)
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    for run in runs:
        words = [t for _, _, t in run]
        # A place before the name belongs to the position: "Tỉnh ủy Hà Nam".
        for size in (3, 2, 1):
            if len(words) - size >= 2 and fold(" ".join(words[:size])) in _FOLDED_PLACES:
                run, words = run[size:], words[size:]
                break
        for n in (4, 3, 2):
            if len(words) >= n and _is_name(words[-n:]):
                return run[-n][0], run[-1][1], " ".join(words[-n:])
    return None


def _position_at(text: str, folded: str, pos: int, limit: int):
    """A position that starts at pos: (text as recorded, end, corrections) or None."""
    prefix = ""
    if text.startswith("nguyên ", pos):
        prefix, pos = "nguyên ", pos + len("nguyên ")
    head = _match_head(text, folded, pos)
    if head is None:
        return None
    canonical = _HEAD_SPELLING[head.group(1)]
    written, corrections = _correct_head(text, pos, head.end(), canonical)
    tokens = _phrase_tokens(text, head.end(), limit)
    end = tokens[-1][1] if tokens else head.end()
    return prefix + written + text[head.end() : end], end, corrections, tokens


def _appositions(text: str, folded: str, pos: int, limit: int):
    """Positions after a name: ", Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh" or "- …" or "(…)"."""
    positions, corrections = [], []
    match = re.match(r"\s*(,|-|–|\()\s*", text[pos:limit])
    if not match:
        return positions, corrections, pos
    closing = match.group(1) == "("
    cursor = pos + match.end()
    end = pos
    while cursor < limit:
        found = _position_at(text, folded, cursor, limit)
        if found:
            position, stop, fixes, _tokens = found
            positions.append(position)
            corrections.extend(fixes)
            end = stop
        elif positions and _continues_position(text, folded, cursor, limit):
            tokens = _phrase_tokens(text, cursor, limit)
            if not tokens:
                break
            end = tokens[-1][1]
            positions[-1] += ", " + text[cursor:end]
        else:
            break
        separator = re.match(r"\s*,\s*", text[end:limit])
        if not separator:
            break
        cursor = end + separator.end()
    if closing:
        paren = re.match(r"\s*\)", text[end:limit])
        if paren:
            end += paren.end()
    return positions, corrections, end


def _continues_position(text: str, folded: str, pos: int, limit: int) -> bool:
    """ "…, Ban Tuyên giáo Tỉnh ủy" qualifies the position before; "…, Trần Văn B" does not."""
    if not pos < len(text) or not text[pos].isupper():
        return False
    if _name_prefix(text, folded, pos, limit):
        return False
    if fold(text[pos : pos + 12]).startswith(tuple(EVENT_KIND_WORDS)):
        return False
    if _starts_with(text, pos, ORG_START_WORDS):
        return True
    # "Sở Văn hóa, Thể thao và Du lịch": an enumeration inside a department's name.
    words = [token for _s, _e, token in _phrase_tokens(text, pos, limit, max_tokens=8)]
    return "và" in words and all(w[0].isupper() or w in ("và", "-") for w in words[:1])


def _role_of(
    text: str, mention: _PersonMention, sentence: Span
) -> tuple[int | None, str, int | None]:
    """(role, note, bridge level) from the clause around a mention."""
    clause_end = sentence[1]
    semicolon = text.find(";", mention.after, sentence[1])
    if semicolon != -1:
        clause_end = semicolon
    after = text[mention.after : clause_end]
    lead = re.match(r"[\s,]*(?:(?:đã|cũng|đồng thời|sau đó|cùng)\s+)*", after)
    head = after[lead.end() :]
    if any(pattern.match(head) for pattern, _role in _ROLE_TRIGGERS):
        # "dự và phát biểu chỉ đạo đại hội": the strongest verb of the phrase.
        phrase = head.split(",")[0]
        role = min(role for pattern, role in _ROLE_TRIGGERS if pattern.search(phrase))
        return role, head.rstrip(" .;,\n"), None
    context = mention.role_context
    if context is None:
        return None, "", None
    before = text[context[0] : context[1]]
    best = None
    for pattern, role in _ROLE_TRIGGERS:
        for match in pattern.finditer(before):
            if best is None or match.start() > best[0]:
                best = (match.start(), role)
    level = None
    bridge = _BRIDGE_AT.search(before)
    if bridge:
        level = Level.CENTRAL if bridge.group(2) else LEVEL_WORDS[fold(bridge.group(1))]
    return (best[1] if best else None), "", level


def _role_context(text: str, sentence: Span, honorific_start: int) -> Span | None:
    """The clause before a mention, when that clause introduces it."""
    clause_start = max(sentence[0], text.rfind(";", sentence[0], honorific_start) + 1)
    before = text[clause_start:honorific_start]
    if _INTRODUCED.search(before.rstrip()) or before.rstrip().endswith(":"):
        return (clause_start, honorific_start)
    lead_in = _LEAD_IN.match(before)
    if lead_in and any(p.match(lead_in.group(1)) for p, _role in _ROLE_TRIGGERS):
        return (clause_start + lead_in.start(1), clause_start + lead_in.end(1))
    return None


_COLON = re.compile(r"\s*(?::\s*)?")
_AFTER_RANK = re.compile(r"[\s.]*")


def _find_persons(text: str, folded: str, sentences) -> list[PersonFinding]:
    mentions: list[_PersonMention] = []
    covered: list[Span] = []

    def is_covered(pos: int) -> bool:
        return any(s <= pos < e for s, e in covered)

    for match in _HONORIFIC.finditer(text):
        honorific = match.group(1).lower()
        if honorific in ("ông", "bà") and match.start() > 0 and text[match.start() - 1] == "-":
            continue
        sentence = _sentence_of(sentences, match.start())
        pos = _COLON.match(text, match.end()).end()
        # "đồng chí Thượng tướng …": the rank is not part of the name either.
        rank = _starts_with(text, pos, _RANKS)
        if rank:
            pos = _AFTER_RANK.match(text, pos + len(rank)).end()
        context = _role_context(text, sentence, match.start())
        found = _read_person(text, folded, pos, sentence)
        if found is None:
            continue
        found.role_context = context
        found.group = len(mentions)
        mentions.append(found)
        covered.append((match.start(), found.after))
        # A list goes on without the honorific: "…: A, Phó Bí thư …; B, Chủ tịch …".
        cursor = found.after
        while True:
            separator = re.match(r"\s*(?:[,;]|và|,\s*và|;\s*và)\s+", text[cursor : sentence[1]])
            if not separator:
                break
            item = cursor + separator.end()
            if _HONORIFIC.match(text, item):
                break
            named = _name_prefix(text, folded, item, sentence[1])
            if not named:
                break
            positions, corrections, after = _appositions(text, folded, named[1], sentence[1])
            mentions.append(
                _PersonMention(
                    named[2],
                    named[0],
                    named[1],
                    after,
                    positions,
                    corrections,
                    context,
                    group=found.group,
                )
            )
            covered.append((item, after))
            cursor = after

    # Titles without an honorific: "Phó Chủ tịch UBND tỉnh Bùi Văn Hiệp phát biểu …".
    for match in _HEAD_RE.finditer(folded):
        pos = match.start()
        if is_covered(pos) or not text[pos].isupper():
            continue
        if text[max(0, pos - 4) : pos] in ("Ban ", "ban "):
            continue
        sentence = _sentence_of(sentences, pos)
        found = _read_person(text, folded, pos, sentence, require_title=True)
        if found is None:
            continue
        context = _role_context(text, sentence, pos)
        found.role_context = context
        mentions.append(found)
        covered.append((pos, found.after))

    persons = _merge_persons(text, mentions, sentences)
    _add_other_mentions(text, folded, persons, sentences)
    return persons


def _read_person(text, folded, pos, sentence, *, require_title=False) -> _PersonMention | None:
    """The person mentioned at pos: a title then a name, or a name then positions."""
    limit = sentence[1]
    titled = _position_at(text, folded, pos, limit)
    if titled:
        position, _end, corrections, tokens = titled
        name = _name_suffix(tokens)
        if name is None:
            return None
        start, end, full = name
        # Cut the position where the name begins, counting from its end: a corrected head
        # ("Thủ tưởng" -> "Thủ tướng") may have changed the length of its start.
        position_text = position[: len(position) - len(text[start:_end])].rstrip(" ,-").strip()
        positions, more, after = _appositions(text, folded, end, limit)
        return _PersonMention(
            full, start, end, after, [position_text, *positions], corrections + more, lead=pos
        )
    if require_title:
        return None
    named = _name_prefix(text, folded, pos, limit)
    if not named:
        return None
    positions, corrections, after = _appositions(text, folded, named[1], limit)
    return _PersonMention(named[2], named[0], named[1], after, positions, corrections)


def _merge_persons(text: str, mentions: list[_PersonMention], sentences) -> list[PersonFinding]:
    mentions = sorted(mentions, key=lambda m: m.start)
    roles = [_role_of(text, m, _sentence_of(sentences, m.start)) for m in mentions]
    # A list's closing verb belongs to every item of it that has no verb of its own.
    groups: dict[int, list[int]] = {}
    for index, mention in enumerate(mentions):
        if mention.group is not None:
            groups.setdefault(mention.group, []).append(index)
    for members in groups.values():
        last_role, last_note, _level = roles[members[-1]]
        if last_role is not None and last_note:
            for index in members[:-1]:
                if roles[index][0] is None:
                    roles[index] = (last_role, "", roles[index][2])

    people: dict[str, PersonFinding] = {}
    seen: dict[str, list[_PersonMention]] = {}
    for mention, (role, note, level) in zip(mentions, roles, strict=True):
        key = fold(mention.name)
        person = people.get(key)
        if person is None:
            person = people[key] = PersonFinding(name=mention.name, span=mention.span, spans=[])
        seen.setdefault(key, []).append(mention)
        person.spans.append(mention.span)
        for fix in mention.corrections:
            if fix not in person.corrections:
                person.corrections.append(fix)
        if role is not None and (person.role is None or role < person.role):
            person.role = role
            person.role_note = note
            person.bridge_level = level
    for key, person in people.items():
        # The fullest mention gives the order ("chức vụ chính trước"); others add to it.
        known: set[str] = set()
        for mention in sorted(seen[key], key=lambda m: -len(m.positions)):
            for position in mention.positions:
                if fold(position) not in known:
                    person.positions.append(position)
                    known.add(fold(position))
    return list(people.values())


def _add_other_mentions(text, folded, persons, sentences) -> None:
    """The same person elsewhere: the name alone, or a title alone ("đồng chí Tổng Bí thư")."""
    for person in persons:
        for match in re.finditer(rf"(?<!\w){re.escape(fold(person.name))}(?!\w)", folded):
            start, end = match.span()
            if text[start].isupper() and not any(s <= start < e for s, e in person.spans):
                person.spans.append((start, end))
    holders: dict[str, list[PersonFinding]] = {}
    for person in persons:
        for position in person.positions:
            holders.setdefault(fold(position), []).append(person)
            # The Prime Minister is "đồng chí Thủ tướng" once named in full.
            if fold(position) == "thu tuong chinh phu":
                holders.setdefault("thu tuong", []).append(person)
    # Where sentences begin, at their first word.
    starts = {_SPACES.match(text, s).end() for s, _e in sentences}
    for position, people in holders.items():
        if len(people) != 1 or (
            len(position.split()) < 2 and position not in {fold(p) for p in NATIONAL_POSTS}
        ):
            continue
        for match in re.finditer(rf"(?<!\w){re.escape(position)}(?!\w)", folded):
            start, end = match.span()
            if any(s <= start < e for s, e in people[0].spans):
                continue
            if not text[start].isupper():
                continue
            # A title alone refers back only as the subject: "đồng chí Tổng Bí thư yêu cầu",
            # "Tổng Bí thư yêu cầu" opening a sentence; "của Thủ tướng Chính phủ" is an issuer.
            before = text[max(0, start - 12) : start]
            if not (before.lower().endswith("đồng chí ") or start in starts):
                continue
            # Followed by a name, it is someone's full mention, counted already.
            if (
                _name_prefix(text, folded, end + 1, min(len(text), end + 40))
                and text[end : end + 1] == " "
            ):
                continue
            people[0].spans.append((start, end))
    for person in persons:
        person.spans.sort()


# Events -------------------------------------------------------------------------------------

_KIND = re.compile(r"(?<!\w)(hoi nghi|hoi thao|dai hoi|ky hop|toa dam|le)(?!\w)")
_KIND_FORMS = {
    "hoi nghi": ("hội nghị",),
    "hoi thao": ("hội thảo",),
    "dai hoi": ("đại hội",),
    "ky hop": ("kỳ họp", "kì họp"),
    "toa dam": ("tọa đàm", "toạ đàm"),
    "le": ("lễ",),
}
# After the kind word, these make it a reference back ("Hội nghị đã …"), not a name.
_BARE_NEXT = _alternatives(
    "đã|được|tổ chức|tại|diễn ra|do|với|là|này|lần này|có|sẽ|cũng|bằng|vào|nhằm|để|và|theo|"
    "kết thúc|thông qua|nghe|thảo luận|kéo dài|chính thức|trên|qua|sau|trước|năm|lần|đều|"
    "thống nhất|nhất trí|dành|tiến hành"
)
# Folded words before a name that make it another event, only mentioned: "trước Kỳ họp thứ
# 10", "tiến tới Đại hội XIV", "chào mừng Đại hội".
_MENTIONED_BEFORE = tuple(
    f"{phrase} "
    for phrase in _alternatives(
        "truoc|sau|tien toi|huong toi|chao mung|chuan bi|chuan bi cho|phuc vu|ket qua|thanh cong"
    )
)
# "Trung tâm Hội nghị tỉnh" is a building.
_BUILDINGS = ("Trung tâm ", "Cung ", "Nhà ")
# Verbs that make a bare "hội nghị" an event of the article: "tổ chức hội nghị …".
_EVENT_VERBS = re.compile(
    r"(?:tổ chức|khai mạc|tham dự|dự|chủ trì|diễn ra)(?:\s+\w+){0,2}\s*$", re.IGNORECASE
)
# Words that say how an event was held, not what it was: "Tọa đàm trực tuyến “X”" and
# "Tọa đàm “X”" are one name.
_FORMAT_WORDS = {"truc", "tuyen", "tiep"}

_HYBRID = re.compile(
    r"truc tiep ket hop (?:voi )?truc tuyen|truc tuyen ket hop (?:voi )?truc tiep|"
    r"ket hop (?:giua )?truc tiep (?:va|voi) truc tuyen|truc tiep va truc tuyen|"
    r"truc tuyen va truc tiep"
)
_ONLINE = re.compile(
    r"(?:hinh thuc|phuong thuc) truc tuyen|(?:hoi nghi|hoi thao|toa dam|le|ky hop) truc tuyen|"
    r"ket noi truc tuyen|truyen hinh truc tuyen|truc tuyen (?:toi|den|voi) \d"
)
# "truyền hình trực tiếp" is a live broadcast, not the format: only "hình thức trực tiếp".
_IN_PERSON = re.compile(r"(?:hinh thuc|phuong thuc) truc tiep(?! (?:ket hop|va))")
_FORMATS = (
    (_HYBRID, EventFormat.HYBRID),
    (_ONLINE, EventFormat.ONLINE),
    (_IN_PERSON, EventFormat.IN_PERSON),
)
_BROADCAST = re.compile(
    r"(?:truyền hình|phát sóng|tường thuật|phát thanh|truyền hình, phát thanh)\s+trực tiếp\s+"
    r"(?:trên|qua)\s+(?:(?:các\s+)?(?:sóng|kênh)\s+)?",
    re.IGNORECASE,
)
_CHANNEL = re.compile(
    r"[A-ZĐ][A-ZĐ]{1,6}\d{0,2}(?!\w)"
    r"|(?:Đài|Truyền hình|Báo)\s(?:Phát thanh và Truyền hình|Phát thanh - Truyền hình|[^,;.()])*?"
    r"(?=\s+(?:và|với|để|nhằm|cho)\s|[,;.()]|$)"
)
_CHANNEL_JOINER = re.compile(r"\s*(?:,|và)\s*")
_COUNT = r"\d{1,3}(?:\.\d{3})+|\d+"
_BRIDGE = re.compile(rf"(?<![\d.])({_COUNT})\s+điểm cầu(?!\w)")
_BRIDGE_LEVEL = re.compile(
    r"\s+(?:(?:ở|tại|của)\s+)?(cấp tỉnh|cấp huyện|cấp xã|cấp cơ sở|cơ sở|Trung ương|"
    r"các huyện|các xã|tỉnh|huyện|xã)(?!\w)"
)
# "các xã, phường, thị trấn": the rest of the enumeration names the same level.
_LEVEL_ENUMERATION = re.compile(
    r"(?:,\s*[a-zà-ỹđ ]+?)*(?:\s+và\s+[a-zà-ỹđ ]+?)?(?=[,;.()]|\s(?:với|trong|tại)\s|$)"
)
_NATIONAL = re.compile(r"\s+(?:trong |trên )?(?:cả nước|toàn quốc)")
_LOCATION = re.compile(r"\s*(?:\(\s*(?:tại|đặt tại|ở)\s+([^)]+?)\s*\)|,?\s+(?:đặt )?tại\s+)")
_APPROX = r"(?:(?:hơn|gần|khoảng|trên|hàng|với)\s+)?"
_ATTENDANCE = re.compile(
    rf"{_APPROX}(?P<n>{_COUNT})\s+(?P<noun>(?:[a-zà-ỹđ]+(?:,\s|\s)){{1,8}}?)"
    r"(?P<verb>tham dự|dự|tham gia)(?!\w)(?! (?:án|thảo|thi))"
)
# "Về dự đại hội có 145 đại biểu …", "Tới dự có đồng chí X cùng hơn 3.000 người dân …".
_ATTENDANCE_BEFORE = re.compile(
    rf"(?P<verb>[Tt]ham dự|[Dd]ự)\b[^.]{{0,300}}?\b(?:có|cùng)\s+{_APPROX}(?P<n>{_COUNT})\s+"
    r"(?P<noun>[a-zà-ỹđ]+(?:(?:,\s|\s)(?:và\s)?[a-zà-ỹđ]+){0,7}?)"
    r"(?=\s*[;.]|\s*,\s+(?:trong|với|gồm|nhằm|để|là)\s|\s+(?:đại diện|là|của|trong|đến|tới|"
    r"từ|các|thuộc|trên|ở)\s|\s*$)"
)
_ATTENDANCE_OF = re.compile(
    rf"với sự (?P<verb>tham dự|tham gia) của {_APPROX}(?P<n>{_COUNT})\s+"
    r"(?P<noun>(?:[a-zà-ỹđ]+(?:,\s|\s)?){1,5}?)(?=[,;.]|\s(?:và|trong|đến|tới|của|ở)\s)"
)
_VENUE = re.compile(
    r"(?<!\w)tại\s+((?:Hội trường|Trung tâm|Nhà văn hóa|Nhà văn hoá|Nhà hát|Trụ sở|Quảng trường|"
    r"Cung|Học viện|Trường|Khách sạn|Phòng họp|Sân vận động|Khu di tích|Nhà truyền thống|Đền|"
    r"Khu lưu niệm)[^,;.()]*)"
)
_VENUE_END = re.compile(r"\s(?:với|do|và|để|nhằm|dự kiến)\s")
_TIME = re.compile(r"(?:lúc|vào lúc|từ)\s+(\d{1,2})\s*(?:giờ|h)\s*(\d{1,2})?")
_ORGANISED = re.compile(
    r"(?<!\w)(?:phối hợp )?tổ chức(?! tham gia)(?:\s+(?:long|trang) trọng)?\s+$"
)
_ORGANISED_BY = re.compile(r"\bdo\s+(.{3,120}?)\s+(?:phối hợp\s+)?tổ chức")
_ORGANISERS_SPLIT = re.compile(r",\s*|\s+và\s+|\s+phối hợp với\s+")
_AUXILIARIES = re.compile(r"(?:\s+(?:sẽ|đã|vừa|long trọng|trang trọng|cũng))+$")
# Where a phrase after the venue's "tại" or a bridge point's location stops.
_PLACE_BREAKS = (" với ", " và ")


@dataclass
class _Occurrence:
    kind: str
    start: int
    end: int  # end of the name, or of the kind word for a reference back
    named: bool


def _number(value: str) -> int:
    return int(value.replace(".", ""))


def _capitalise(name: str) -> str:
    return name[:1].upper() + name[1:]


def _in_brackets(text: str, sentence: Span, pos: int) -> bool:
    opening = text.rfind("(", sentence[0], pos)
    return opening != -1 and text.find(")", opening, pos) == -1


def _name_words(name: str) -> set[str]:
    return set(re.findall(r"\w+", fold(name))) - _FORMAT_WORDS


def _better_name(kept: str, new: str, new_in_body: bool) -> bool:
    """Whether new should replace kept as the event's name: the one that names more, or,
    when neither does, the body's, as titles are shortened and misspelt."""
    kept_words, new_words = _name_words(kept), _name_words(new)
    if kept_words < new_words:
        return True
    if new_words < kept_words:
        return False
    return new_in_body


def _same_event(events: list[EventFinding], kind: str, name: str) -> int | None:
    folded = fold(name)
    for index, event in enumerate(events):
        if event.kind != kind or not event.name:
            continue
        other = fold(event.name)
        words, other_words = _name_words(name), _name_words(event.name)
        if (
            folded.startswith(other)
            or other.startswith(folded)
            or words <= other_words
            or other_words <= words
            or difflib.SequenceMatcher(None, folded, other).ratio() >= 0.8
        ):
            return index
    return None


def _occurrences(text: str, folded: str, sentences) -> list[_Occurrence]:
    """Where the text names an event's kind, and whether a name follows."""
    found = []
    for match in _KIND.finditer(folded):
        word = match.group(1)
        if text[match.start() : match.end()].lower() not in _KIND_FORMS[word]:
            continue
        after = text[match.end() :].lstrip()
        # "lễ" alone is also a festival (lễ hội) or a rite.
        if word == "le" and not after.lower().startswith(CEREMONY_WORDS):
            continue
        before = folded[max(0, match.start() - 14) : match.start()]
        if before.endswith(("nghi quyet ", "van kien ", "tinh than ")):
            continue  # "Nghị quyết Hội nghị Trung ương 11" names a document
        if text[max(0, match.start() - 10) : match.start()].endswith(_BUILDINGS):
            continue
        if before.endswith(_MENTIONED_BEFORE):
            continue
        if _in_brackets(text, _sentence_of(sentences, match.start()), match.start()):
            continue
        named = bool(after) and (after[0].isalnum() or after[0] in '“"«')
        named = named and not _starts_with(after.lower(), 0, _BARE_NEXT)
        # "Đại hội Đảng" alone is the Party's congress in general.
        named = named and not (word == "dai hoi" and after.startswith(("Đảng", "Trung ương")))
        found.append(_Occurrence(EVENT_KIND_WORDS[word], match.start(), match.end(), named))
    return found


class _EventReader:
    """The events of one text: which occurrences name which event, then the facts.

    A fact (a format, bridge points, an attendance) belongs to the event the text was
    speaking of where the fact is written: the last one named or referred to before it,
    or the first event when facts come before any is named.
    """

    def __init__(self, text, folded, sentences, title_length, doc_spans, reference):
        self.text, self.folded, self.sentences = text, folded, sentences
        self.title_length, self.reference = title_length, reference
        self.events: list[EventFinding] = []
        self.timeline: list[tuple[int, int]] = []  # (position, event index), sorted
        self.title_events: set[int] = set()
        self.taken: list[Span] = list(doc_spans)
        self.with_facts: set[int] = set()

    def read(self, documents: list[DocumentFinding]):
        occurrences = _occurrences(self.text, self.folded, self.sentences)
        self._name(occurrences)
        self._refer(occurrences)
        if not self.events:
            return [], []
        self._dates()
        self._formats()
        self._broadcasts()
        self._bridge_points()
        self._attendance()
        self._venues_and_organizers()
        self._documents(documents)
        return self._kept()

    # Which event ------------------------------------------------------------------------

    def at(self, pos: int) -> int:
        current = _event_at(self.timeline, pos)
        return current if current is not None else self.timeline[0][1]

    def _is_taken(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.taken)

    def _mark(self, pos: int, index: int) -> None:
        bisect.insort(self.timeline, (pos, index))

    def _name(self, occurrences: list[_Occurrence]) -> None:
        # The title's event, until the body first names an event of its kind: a title
        # names the article's event, in other words than the body's.
        waiting: dict[str, int] = {}
        for occurrence in occurrences:
            if not occurrence.named:
                continue
            sentence = _sentence_of(self.sentences, occurrence.start)
            end = _phrase_end(self.text, occurrence.start, sentence[1])
            name = self.text[occurrence.start : end].strip().rstrip(",")
            if len(name.split()) < 4:
                occurrence.named = False  # "Hội nghị trực tuyến": a reference after all
                continue
            occurrence.end = occurrence.start + len(name)
            in_body = occurrence.start >= self.title_length
            index = _same_event(self.events, occurrence.kind, name)
            if index is None and in_body:
                index = waiting.get(occurrence.kind)
            if in_body:
                waiting.pop(occurrence.kind, None)
            span = (occurrence.start, occurrence.end)
            if index is None:
                index = len(self.events)
                self.events.append(
                    EventFinding(kind=occurrence.kind, name=_capitalise(name), span=span)
                )
                if not in_body:
                    self.title_events.add(index)
                    waiting[occurrence.kind] = index
            elif _better_name(self.events[index].name, name, in_body):
                self.events[index].name, self.events[index].span = _capitalise(name), span
            self.events[index].spans.append(span)
            self._mark(occurrence.start, index)

    def _refer(self, occurrences: list[_Occurrence]) -> None:
        for occurrence in occurrences:
            if occurrence.named:
                continue
            current = _event_at(self.timeline, occurrence.start)
            if current is None:
                # Referred to before it is named: the next event of that kind.
                current = next(
                    (
                        i
                        for pos, i in self.timeline
                        if pos > occurrence.start and self.events[i].kind == occurrence.kind
                    ),
                    None,
                )
            if current is None:
                sentence = _sentence_of(self.sentences, occurrence.start)
                if not _EVENT_VERBS.search(self.text[sentence[0] : occurrence.start]):
                    continue
                # Never named, but held: an event all the same.
                current = len(self.events)
                self.events.append(
                    EventFinding(kind=occurrence.kind, span=(occurrence.start, occurrence.end))
                )
            self.events[current].spans.append((occurrence.start, occurrence.end))
            self._mark(occurrence.start, current)

    # Facts ------------------------------------------------------------------------------

    def _dates(self) -> None:
        """The first date in a sentence that speaks of the event, written where a date of
        the event stands: first in the sentence, after "ngày", "Sáng", a comma."""
        for index, event in enumerate(self.events):
            for start, _end in sorted(event.spans):
                if event.date or event.date_text:
                    break
                sentence = _sentence_of(self.sentences, start)
                for match in _DATE.finditer(self.text, sentence[0], sentence[1]):
                    if self._is_taken(match.start()):
                        continue  # a document's date
                    lead = self.text[sentence[0] : match.start()].strip()
                    placed = match.group("tod") or match.group("lead")
                    if not (placed or not lead or lead.endswith((",", "("))):
                        continue
                    value, written = _parse_date(match, self.reference)
                    if not written:
                        continue
                    event.date, event.date_text = value, written
                    if match.group("tod"):
                        event.time_of_day = TIMES_OF_DAY[fold(match.group("tod"))]
                    clock = _TIME.search(self.text, match.end(), min(sentence[1], match.end() + 40))
                    if clock:
                        event.time = f"{int(clock.group(1)):02d}:{int(clock.group(2) or 0):02d}"
                    self.taken.append(match.span())
                    self.with_facts.add(index)
                    break

    def _formats(self) -> None:
        for pattern, value in _FORMATS:
            for match in pattern.finditer(self.folded):
                index = self.at(match.start())
                event = self.events[index]
                # Hybrid says more than online or in person, whichever the text says first.
                if event.format is None or value == EventFormat.HYBRID:
                    event.format = value
                self.with_facts.add(index)

    def _broadcasts(self) -> None:
        for match in _BROADCAST.finditer(self.text):
            sentence = _sentence_of(self.sentences, match.start())
            channels, pos = [], match.end()
            while channel := _CHANNEL.match(self.text, pos, sentence[1]):
                channels.append(channel.group(0).strip())
                joiner = _CHANNEL_JOINER.match(self.text, channel.end(), sentence[1])
                if not joiner:
                    break
                pos = joiner.end()
            if channels:
                index = self.at(match.start())
                if not self.events[index].broadcast:
                    self.events[index].broadcast = ", ".join(channels)
                self.with_facts.add(index)

    def _bridge_points(self) -> None:
        totals: dict[int, list[int]] = {}
        for match in _BRIDGE.finditer(self.text):
            sentence = _sentence_of(self.sentences, match.start())
            index = self.at(match.start())
            count, pos = _number(match.group(1)), match.end()
            self.with_facts.add(index)
            level_match = _BRIDGE_LEVEL.match(self.text, pos, sentence[1])
            if not level_match:
                # A total; "3.552 điểm cầu trong cả nước" is the country's, not the province's.
                if not _NATIONAL.match(self.text, pos, sentence[1]):
                    totals.setdefault(index, []).append(count)
                continue
            word = level_match.group(1)
            level = Level.CENTRAL if word == "Trung ương" else LEVEL_WORDS[fold(word)]
            pos = level_match.end()
            if word in ("các huyện", "các xã"):
                pos = _LEVEL_ENUMERATION.match(self.text, pos, sentence[1]).end()
            location = ""
            where = _LOCATION.match(self.text, pos, sentence[1])
            if where:
                if where.group(1):
                    location = where.group(1).strip()
                else:
                    end = _phrase_end(self.text, where.end(), sentence[1], breaks=_PLACE_BREAKS)
                    location = self.text[where.end() : end].strip()
                pos = where.end()
            point = BridgePointFinding(level, count, location, span=(match.start(), pos))
            self.events[index].bridge_points.append(point)
            self.taken.append(point.span)
        for index, counts in totals.items():
            by_level = sum(point.count for point in self.events[index].bridge_points)
            # Of several totals, the one the levels add up to.
            self.events[index].bridge_points_total = by_level if by_level in counts else counts[0]

    def _attendance(self) -> None:
        for pattern in (_ATTENDANCE_OF, _ATTENDANCE, _ATTENDANCE_BEFORE):
            for match in pattern.finditer(self.text):
                noun = match.group("noun").strip(" ,")
                if self._is_taken(match.start("n")) or not noun or "điểm cầu" in noun:
                    continue
                index = self.at(match.start("n"))
                event = self.events[index]
                if event.attendance is not None:
                    continue
                event.attendance = _number(match.group("n"))
                event.attendance_note = f"{noun} {match.group('verb').lower()}"
                self.taken.append(match.span("n"))
                self.with_facts.add(index)

    def _venues_and_organizers(self) -> None:
        for event in self.events:
            for start, _end in sorted(event.spans):
                sentence = _sentence_of(self.sentences, start)
                if not event.venue:
                    for venue in _VENUE.finditer(self.text, sentence[0], sentence[1]):
                        # "01 điểm cầu cấp tỉnh tại Hội trường …" is a bridge point's place.
                        if not self._is_taken(venue.start()):
                            event.venue = _VENUE_END.split(venue.group(1))[0].strip()
                            break
                if not event.organizers and start >= self.title_length:
                    event.organizers = _organizers(self.text, sentence, start)

    def _documents(self, documents: list[DocumentFinding]) -> None:
        """Documents the event was about: named in its name, or the object of "quán triệt",
        "triển khai", "sơ kết" … in a clause whose subject is not a person."""
        for doc in documents:
            if not doc.number or not doc.complete:
                continue
            for start, _end in doc.spans:
                index = _event_at(self.timeline, start)
                if index is None:
                    continue
                event = self.events[index]
                in_name = any(s <= start < e for s, e in event.spans if e - s > 12)
                sentence = _sentence_of(self.sentences, start)
                clause_start = max(sentence[0], self.text.rfind(";", sentence[0], start) + 1)
                trigger = _ABOUT.search(self.text, clause_start, start)
                by_person = trigger and _HONORIFIC.search(self.text, clause_start, start)
                if (in_name or (trigger and not by_person)) and doc.key not in event.documents:
                    event.documents.append(doc.key)

    def _kept(self):
        """The events the article reports: with a date, a fact or an organiser, or the one
        its title names; "tiến tới Đại hội XIV của Đảng" is only mentioned."""
        renumber: dict[int, int] = {}
        kept = []
        for index, event in enumerate(self.events):
            if index in self.with_facts or index in self.title_events or event.organizers:
                renumber[index] = len(kept)
                kept.append(event)
                event.spans.sort()
        timeline = [(pos, renumber[i]) for pos, i in self.timeline if i in renumber]
        return kept, timeline


_ABOUT = re.compile(r"(?:quán triệt|triển khai|sơ kết|tổng kết|học tập)[^;]*$")


def _event_at(timeline: list[tuple[int, int]], pos: int) -> int | None:
    """The event the text speaks of at pos: the last one named or referred to before it."""
    at = bisect.bisect_right(timeline, (pos, float("inf")))
    return timeline[at - 1][1] if at else None


def _organizers(text: str, sentence: Span, start: int) -> list[str]:
    """ "Bộ Chính trị, Ban Bí thư tổ chức hội nghị" or "hội nghị do Tỉnh ủy tổ chức"."""
    before = text[sentence[0] : start]
    organised = _ORGANISED.search(before)
    if organised:
        pieces = _ORGANISERS_SPLIT.split(before[: organised.start()].strip())
        names = []
        # The organisers are the bodies just before "tổ chức", after a date or a place.
        for piece in reversed(pieces):
            piece = _AUXILIARIES.sub("", piece.strip())
            if not piece or not _starts_with(piece, 0, ORG_START_WORDS):
                break
            names.append(_canonical_body(piece))
        return list(reversed(names))
    by = _ORGANISED_BY.search(text, start, sentence[1])
    if by:
        pieces = [p.strip() for p in _ORGANISERS_SPLIT.split(by.group(1))]
        if all(_starts_with(p, 0, ORG_START_WORDS) for p in pieces):
            return [_canonical_body(p) for p in pieces]
    return []


# The entry point ----------------------------------------------------------------------------


def extract(title: str, body: str, *, reference_date: date | None = None) -> Findings:
    """Documents, people and events in an article, each with the spans it was read from.

    body is plain text (an HTML body goes through core.html.html_to_text first);
    reference_date gives a year to dates written without one ("Sáng 13/01").
    """
    title = nfc(title or "").strip()
    body = nfc(body or "").strip()
    text = f"{title}\n{body}" if title else body
    title_length = len(title) + 1 if title else 0
    folded = fold_aligned(text)
    sentences = _sentences(text)
    documents, doc_spans = _find_documents(text, folded, sentences, reference_date)
    persons = _find_persons(text, folded, sentences)
    reader = _EventReader(text, folded, sentences, title_length, doc_spans, reference_date)
    events, timeline = reader.read(documents)
    for person in persons:
        # The event the person's role belongs to: the one the text speaks of there.
        if person.role is not None and events:
            current = _event_at(timeline, person.span[0])
            person.event = current if current is not None else 0
    return Findings(
        text=text, title_length=title_length, documents=documents, persons=persons, events=events
    )
