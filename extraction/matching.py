"""Each finding compared with the records: one it surely is, some it may be, or none.

    existing  one record, confidently: the same document number, the same name (and, for
              namesakes, a shared position), the same event on that day.
    probable  records it may be, for the editor to choose from: a title or an event's
              name that is close but not the same, namesakes, "Nghị quyết 57" when two
              documents have that number.
    new       nothing close: the record would be created from the finding.

Comparisons are on folded text (core.text.fold: no diacritics, lower case, NFC first),
so "Trương Quốc Huy", "TRƯƠNG QUỐC HUY" and a decomposed "Trương Quốc Huy" are one
name, and an honorific or rank typed into a record's name ("Đồng chí Tô Lâm") is
ignored. Each Matcher reads what it needs once: documents with a title are compared in
Python, which suits the few hundred a provincial site keeps.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone

from articles.models import Event, Participant, Resolution
from core.html import html_to_text
from core.text import fold

from .extract import (
    DocumentFinding,
    EventFinding,
    Findings,
    PersonFinding,
    extract,
    number_key,
)
from .vocabulary import HONORIFICS, RANKS

EXISTING, PROBABLE, NEW = "existing", "probable", "new"
STATUS_LABELS = {EXISTING: "Đã có", PROBABLE: "Có thể là", NEW: "Chưa có"}

# How close two folded names or titles must be (difflib ratio).
SAME = 0.9
CLOSE = 0.75
MAX_CANDIDATES = 5


@dataclass
class Candidate:
    id: int
    label: str
    detail: str = ""
    score: float = 1.0


@dataclass
class Match:
    status: str
    record: Candidate | None = None
    candidates: list[Candidate] = field(default_factory=list)
    # Already among the article's links (in its latest revision).
    linked: bool = False

    def to_dict(self) -> dict:
        data = asdict(self)
        data["status_label"] = STATUS_LABELS[self.status]
        return data


def _folded_words(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold(text)))


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


_HONORIFIC_PREFIX = re.compile(
    r"^(?:(?:" + "|".join(re.escape(fold(h)) for h in (*HONORIFICS, *RANKS)) + r")\.?\s+)+"
)


def person_key(name: str) -> str:
    """A name as compared: folded, without an honorific or rank in front."""
    return _HONORIFIC_PREFIX.sub("", " ".join(fold(name).split()))


def _sort_key(name: str) -> str:
    # Participant.sort_name: the folded name with the given name first ("lam to").
    parts = person_key(name).split()
    return " ".join(parts[-1:] + parts[:-1])


def _doc_candidate(resolution: Resolution, score: float = 1.0) -> Candidate:
    detail = []
    if resolution.issue_date:
        detail.append(f"ngày {resolution.issue_date:%d/%m/%Y}")
    if resolution.issuer_id:
        detail.append(resolution.issuer.name)
    return Candidate(resolution.pk, resolution.short_name, " · ".join(detail), round(score, 3))


def _person_candidate(participant: Participant, score: float = 1.0) -> Candidate:
    return Candidate(
        participant.pk, participant.full_name, participant.positions_display, round(score, 3)
    )


def _event_candidate(event: Event, score: float = 1.0) -> Candidate:
    when = timezone.localtime(event.starts_at)
    return Candidate(event.pk, event.title, f"{when:%d/%m/%Y %H:%M}", round(score, 3))


class Matcher:
    def __init__(self) -> None:
        self._titled: list[Resolution] | None = None

    # Documents -------------------------------------------------------------------------

    def document(self, finding: DocumentFinding) -> Match:
        if finding.number:
            return self._document_by_number(finding)
        return self._document_by_title(finding)

    def _document_by_number(self, finding: DocumentFinding) -> Match:
        lead = re.match(r"\d+", finding.number).group(0)
        rows = list(
            Resolution.objects.select_related("issuer").filter(
                Q(number__startswith=lead + "-")
                | Q(number__startswith=lead + "/")
                | Q(number=lead)
                | Q(number__startswith=lead + " ")
            )
        )
        if finding.complete:
            key = number_key(finding.number)
            same = [r for r in rows if number_key(r.number) == key]
            if len(same) == 1:
                return Match(EXISTING, _doc_candidate(same[0]))
            return Match(NEW)
        # "Nghị quyết 57": the documents of that type with that number.
        same = [r for r in rows if r.doc_type == finding.doc_type]
        if len(same) == 1:
            return Match(EXISTING, _doc_candidate(same[0]))
        if same:
            return Match(PROBABLE, candidates=[_doc_candidate(r, 0.5) for r in same])
        return Match(NEW)

    def _titled_documents(self) -> list[Resolution]:
        if self._titled is None:
            self._titled = list(
                Resolution.objects.select_related("issuer")
                .exclude(title="", subject="")
                .only("id", "number", "title", "subject", "doc_type", "issue_date", "issuer__name")
            )
        return self._titled

    def _document_by_title(self, finding: DocumentFinding) -> Match:
        wanted = _folded_words(finding.title or "")
        # "Nghị quyết số 57-NQ/TW" and "Nghị quyết 57-NQ/TW" in two texts of one title.
        loose = wanted.replace(" so ", " ")
        scored = []
        for resolution in self._titled_documents():
            title = _folded_words(resolution.title)
            if title and title == wanted:
                return Match(EXISTING, _doc_candidate(resolution))
            score = _ratio(wanted, title) if title else 0.0
            subject = _folded_words(resolution.subject).replace(" so ", " ")
            # The Government's programme for 57-NQ/TW is filed as 03/NQ-CP, whose subject
            # reads "ban hành Chương trình hành động của Chính phủ thực hiện …".
            if subject and loose and loose in subject:
                score = max(score, CLOSE)
            if score >= CLOSE:
                scored.append((score, resolution))
        scored.sort(key=lambda item: -item[0])
        if scored:
            return Match(
                PROBABLE, candidates=[_doc_candidate(r, s) for s, r in scored[:MAX_CANDIDATES]]
            )
        return Match(NEW)

    # People ----------------------------------------------------------------------------

    def person(self, finding: PersonFinding) -> Match:
        key = person_key(finding.name)
        given = key.split()[-1] if key else ""
        rows = list(
            Participant.objects.filter(
                Q(sort_name=given) | Q(sort_name__startswith=given + " ")
            ).only("id", "full_name", "positions", "sort_name")
        )
        same = [p for p in rows if person_key(p.full_name) == key]
        if len(same) == 1:
            return Match(EXISTING, _person_candidate(same[0]))
        if len(same) > 1:
            # Namesakes: the one who holds a position the text gives, if only one does.
            held = {fold(p) for p in finding.positions}
            sharing = [p for p in same if held & {fold(x) for x in p.position_list}]
            if len(sharing) == 1:
                return Match(EXISTING, _person_candidate(sharing[0]))
            return Match(PROBABLE, candidates=[_person_candidate(p, 0.9) for p in same])
        close = [
            (score, p) for p in rows if (score := _ratio(key, person_key(p.full_name))) >= SAME
        ]
        close.sort(key=lambda item: -item[0])
        if close:
            return Match(
                PROBABLE,
                candidates=[_person_candidate(p, s) for s, p in close[:MAX_CANDIDATES]],
            )
        return Match(NEW)

    # Events ----------------------------------------------------------------------------

    def event(self, finding: EventFinding) -> Match:
        name = _folded_words(finding.name or "")
        if finding.date:
            start = timezone.make_aware(datetime.combine(finding.date, time.min))
            rows = list(
                Event.objects.filter(starts_at__gte=start, starts_at__lt=start + timedelta(days=1))
            )
        elif name:
            rows = list(Event.objects.filter(kind=finding.kind).order_by("-starts_at")[:500])
        else:
            return Match(NEW)
        scored = []
        for event in rows:
            score = _ratio(name, _folded_words(event.title)) if name else 0.0
            if event.kind == finding.kind:
                score += 0.1
            scored.append((score, event))
        scored.sort(key=lambda item: -item[0])
        sure = [e for s, e in scored if s >= SAME and e.kind == finding.kind]
        if finding.date and len(sure) == 1:
            return Match(EXISTING, _event_candidate(sure[0], scored[0][0]))
        # On the same day, an event of the same kind is worth showing even if named
        # otherwise; without a date only a close name is.
        maybe = [
            (s, e) for s, e in scored if s >= CLOSE or (finding.date and e.kind == finding.kind)
        ]
        if maybe:
            return Match(
                PROBABLE,
                candidates=[_event_candidate(e, min(s, 1.0)) for s, e in maybe[:MAX_CANDIDATES]],
            )
        return Match(NEW)


@dataclass
class Suggestions:
    findings: Findings
    documents: list[Match]
    persons: list[Match]
    events: list[Match]

    def to_dict(self) -> dict:
        data = self.findings.to_dict()
        for name in ("documents", "persons", "events"):
            for item, match in zip(data[name], getattr(self, name), strict=True):
                item["match"] = match.to_dict()
        for index, item in enumerate(data["events"]):
            item["key"] = event_key(self.findings.events[index])
        return data


def event_key(finding: EventFinding) -> str:
    """How an event finding is named in requests: kind, date and folded name."""
    when = finding.date.isoformat() if finding.date else finding.date_text
    return f"{finding.kind}|{when}|{_folded_words(finding.name or '')}"


def match_findings(findings: Findings, links: dict[str, list[int]] | None = None) -> Suggestions:
    """Matches for every finding; links (revision content's lists) mark what is linked."""
    matcher = Matcher()
    links = links or {}
    result = Suggestions(
        findings,
        [matcher.document(d) for d in findings.documents],
        [matcher.person(p) for p in findings.persons],
        [matcher.event(e) for e in findings.events],
    )
    for name, field_name in (
        ("documents", "resolutions"),
        ("persons", "participants"),
        ("events", "events"),
    ):
        linked = set(links.get(field_name, []))
        for match in getattr(result, name):
            match.linked = match.record is not None and match.record.id in linked
    return result


def text_of(content: dict) -> tuple[str, str]:
    """(title, body text) of an article's revision content, as the extractor reads it."""
    body = "\n".join(
        part for part in (content.get("sapo", ""), html_to_text(content.get("body", ""))) if part
    )
    return content.get("title", ""), body


def suggest(content: dict, *, reference_date: date | None = None) -> Suggestions:
    """Findings in a revision's content, matched, with what it already links marked."""
    title, body = text_of(content)
    findings = extract(title, body, reference_date=reference_date or timezone.localdate())
    return match_findings(findings, content)
