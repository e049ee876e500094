"""Precision and recall of the extractor on the labelled passages in tests/extraction_cases.

    .venv/bin/python -m extraction.evaluate            # the table
    .venv/bin/python -m extraction.evaluate -v         # and every disagreement

Documents and people are scored whole: a finding counts as right only if every labelled
attribute is (type, number, issuer, date and title; name, positions and role), so a
person with one wrong position is both a false positive and a missed person. Events are
scored fact by fact (kind, name, date, time of day, format, broadcast, venue, each
bridge point, the total, attendance, each organiser): an article usually has one event,
and one wrong attribute should not count as much as a missed event. The whole-event
score is printed as well.

Needs no database and no Django settings: the extractor is pure.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from core.text import fold

from .extract import EventFinding, Findings, extract
from .vocabulary import Level, Role

CASES_DIR = Path(__file__).resolve().parent.parent / "tests" / "extraction_cases"
ROLE_NAMES = {role.name.lower(): role for role in Role}
LEVEL_NAMES = {level.name.lower(): level for level in Level}
TYPES = ("documents", "persons", "events")


@dataclass
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0

    def add(self, case_id: str, expected: set, predicted: set) -> None:
        self.true_positives += len(expected & predicted)
        for item in sorted(predicted - expected, key=repr):
            self.false_positives += 1
            self.errors.append(f"{case_id}: thừa   {item}")
        for item in sorted(expected - predicted, key=repr):
            self.false_negatives += 1
            self.errors.append(f"{case_id}: thiếu  {item}")


def load_cases(directory: Path = CASES_DIR) -> list[dict]:
    cases = []
    for path in sorted(directory.glob("*.json")):
        cases.extend(json.loads(path.read_text(encoding="utf-8")))
    return cases


def run_case(case: dict) -> Findings:
    title, body = case.get("title", ""), case["body"]
    if case.get("normalize"):
        title = unicodedata.normalize(case["normalize"], title)
        body = unicodedata.normalize(case["normalize"], body)
    reference = case.get("reference_date")
    return extract(title, body, reference_date=date.fromisoformat(reference) if reference else None)


def _document_record(doc) -> tuple:
    if isinstance(doc, dict):
        number = doc.get("number")
        return (
            doc["doc_type"],
            number,
            doc.get("issuer"),
            doc.get("issue_date"),
            None if number else doc.get("title"),
            doc.get("complete", True),
        )
    return (
        doc.doc_type,
        doc.number,
        doc.issuer,
        doc.issue_date.isoformat() if doc.issue_date else None,
        None if doc.number else doc.title,
        doc.complete,
    )


def _person_record(person) -> tuple:
    if isinstance(person, dict):
        role = person.get("role")
        return (person["name"], tuple(person.get("positions", [])), role)
    role = Role(person.role).name.lower() if person.role else None
    return (person.name, tuple(person.positions), role)


def _expected_event(data: dict) -> EventFinding:
    return EventFinding(
        kind=data["kind"],
        name=data.get("name"),
        date=date.fromisoformat(data["date"]) if data.get("date") else None,
        time_of_day=data.get("time_of_day"),
        format=data.get("format"),
        broadcast=data.get("broadcast", ""),
        venue=data.get("venue", ""),
        bridge_points_total=data.get("bridge_points_total"),
        attendance=data.get("attendance"),
        attendance_note=data.get("attendance_note", ""),
        organizers=data.get("organizers", []),
    ), [
        (LEVEL_NAMES[p["level"]], p["count"], p.get("location", ""))
        for p in data.get("bridge_points", [])
    ]


def _event_facts(event: EventFinding, points: list | None = None) -> set:
    if points is None:
        points = [(Level(p.level), p.count, p.location) for p in event.bridge_points]
    facts = {("kind", event.kind)}
    for name in ("name", "date", "time_of_day", "format", "broadcast", "venue"):
        value = getattr(event, name)
        if value:
            facts.add((name, value.isoformat() if isinstance(value, date) else value))
    for name in ("bridge_points_total", "attendance", "attendance_note"):
        value = getattr(event, name)
        if value:
            facts.add((name, value))
    facts.update(("organizer", name) for name in event.organizers)
    facts.update(("bridge_point", level.name.lower(), count, loc) for level, count, loc in points)
    return facts


def _pair_events(expected: list, predicted: list[EventFinding]) -> list[tuple]:
    """Expected and predicted events paired by kind, then by date or name."""
    pairs, left = [], list(range(len(predicted)))

    def closeness(exp, pred) -> float:
        if exp.kind != pred.kind:
            return -1
        if exp.date and exp.date == pred.date:
            return 2
        return difflib.SequenceMatcher(None, fold(exp.name or ""), fold(pred.name or "")).ratio()

    for exp, points in expected:
        best = max(left, key=lambda i: closeness(exp, predicted[i]), default=None)
        if best is not None and closeness(exp, predicted[best]) >= 0.3:
            left.remove(best)
            pairs.append(((exp, points), predicted[best]))
        else:
            pairs.append(((exp, points), None))
    pairs.extend((None, predicted[i]) for i in left)
    return pairs


def score_all(cases: list[dict] | None = None) -> dict[str, Score]:
    cases = load_cases() if cases is None else cases
    scores = {name: Score() for name in (*TYPES, "events (whole)")}
    for case in cases:
        findings = run_case(case)
        expected = case["expected"]
        scores["documents"].add(
            case["id"],
            {_document_record(d) for d in expected["documents"]},
            {_document_record(d) for d in findings.documents},
        )
        scores["persons"].add(
            case["id"],
            {_person_record(p) for p in expected["persons"]},
            {_person_record(p) for p in findings.persons},
        )
        wanted = [_expected_event(e) for e in expected["events"]]
        for index, (exp, pred) in enumerate(_pair_events(wanted, findings.events)):
            exp_facts = _event_facts(*exp) if exp else set()
            pred_facts = _event_facts(pred) if pred else set()
            tagged = f"{case['id']}#{index}"
            scores["events"].add(tagged, exp_facts, pred_facts)
            scores["events (whole)"].add(
                tagged,
                {frozenset(exp_facts)} if exp else set(),
                {frozenset(pred_facts)} if pred else set(),
            )
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Đo độ chính xác của bộ trích xuất.")
    parser.add_argument("-v", "--verbose", action="store_true", help="in từng chỗ sai")
    args = parser.parse_args(argv)
    cases = load_cases()
    scores = score_all(cases)
    print(f"{len(cases)} đoạn văn mẫu trong {CASES_DIR}")
    print(f"{'loại':<16}{'precision':>10}{'recall':>10}{'đúng':>7}{'thừa':>7}{'thiếu':>7}")
    for name, score in scores.items():
        print(
            f"{name:<16}{score.precision:>10.3f}{score.recall:>10.3f}"
            f"{score.true_positives:>7}{score.false_positives:>7}{score.false_negatives:>7}"
        )
    if args.verbose:
        for name in TYPES:
            for error in scores[name].errors:
                print(f"[{name}] {error}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
