"""The seed article yields exactly what the issue lists: nothing more, nothing less.

Resolution 57-NQ/TW of 22/12/2024 by the Politburo; the decision establishing the Central
Steering Committee; the Government's action programme; the five named officials with their
positions as written; the event of 13/01/2025 (morning), hybrid, on VTV1, with 252 bridge
points = 1 provincial + 251 grassroots and 44.881 attendees.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings

from articles.models import BridgePoint, Event, EventParticipant, Resolution
from extraction import vocabulary
from extraction.extract import extract
from extraction.importing import parse_text

SEED = Path(settings.BASE_DIR) / "demo" / "content" / "ha-nam-hoi-nghi-nq57.txt"
STEERING_DECISION = (
    "Quyết định thành lập Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, "
    "đổi mới sáng tạo và chuyển đổi số quốc gia"
)
PROGRAMME = "Chương trình hành động của Chính phủ thực hiện Nghị quyết 57-NQ/TW"

EXPECTED_DOCUMENTS = {
    ("nghi_quyet", "57-NQ/TW", "Bộ Chính trị", date(2024, 12, 22), None),
    ("quyet_dinh", None, None, None, STEERING_DECISION),
    ("chuong_trinh_hanh_dong", None, "Chính phủ", None, PROGRAMME),
}
Role = EventParticipant.Role
EXPECTED_PERSONS = {
    ("Đinh Thị Lụa", ("Phó Bí thư Thường trực Tỉnh ủy",), Role.PRESIDING),
    (
        "Trương Quốc Huy",
        ("Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh", "Trưởng đoàn ĐBQH tỉnh"),
        Role.PRESIDING,
    ),
    ("Tô Lâm", ("Tổng Bí thư",), Role.DIRECTING),
    # The seed writes "Thủ tưởng": the position is recorded in its correct spelling and the
    # correction is listed (extraction/extract.py explains why).
    ("Phạm Minh Chính", ("Thủ tướng Chính phủ",), Role.PRESENTING),
    ("Trần Thanh Mẫn", ("Chủ tịch Quốc hội",), Role.PRESENTING),
}


def seed_findings(normalize: str = "NFC"):
    parsed = parse_text(SEED)[0]
    title = unicodedata.normalize(normalize, parsed.title)
    body = unicodedata.normalize(normalize, parsed.body_text)
    return extract(title, body)


def documents(findings) -> set:
    return {(d.doc_type, d.number, d.issuer, d.issue_date, d.title) for d in findings.documents}


def persons(findings) -> set:
    return {(p.name, tuple(p.positions), p.role) for p in findings.persons}


@pytest.fixture(scope="module")
def findings():
    return seed_findings()


def test_the_seed_names_exactly_three_documents(findings):
    assert documents(findings) == EXPECTED_DOCUMENTS


def test_the_seed_names_exactly_five_officials_with_their_positions_and_roles(findings):
    assert persons(findings) == EXPECTED_PERSONS
    chinh = next(p for p in findings.persons if p.name == "Phạm Minh Chính")
    assert chinh.corrections == [("Thủ tưởng", "Thủ tướng")]
    assert "quán triệt nội dung, tinh thần Chương trình hành động" in chinh.role_note


def test_the_seed_reports_one_event_with_its_facts(findings):
    (event,) = findings.events
    assert event.kind == Event.Kind.CONFERENCE
    assert event.name.startswith("Hội nghị toàn quốc về đột phá phát triển khoa học")
    assert event.date == date(2025, 1, 13)
    assert event.time_of_day == "sáng"
    assert event.format == Event.Format.HYBRID
    assert event.broadcast == "VTV1"
    assert [(p.level, p.count, p.location) for p in event.bridge_points] == [
        (BridgePoint.Level.PROVINCIAL, 1, "Hội trường UBND tỉnh"),
        (BridgePoint.Level.GRASSROOTS, 251, ""),
    ]
    assert event.bridge_points_total == 252 == sum(p.count for p in event.bridge_points)
    assert (event.attendance, event.attendance_note) == (44881, "đảng viên tham dự")
    assert event.organizers == ["Bộ Chính trị", "Ban Bí thư"]
    assert event.documents == ["57nqtw"]


def test_people_who_preside_are_at_the_provincial_bridge_point(findings):
    presiding = [p for p in findings.persons if p.role == Role.PRESIDING]
    assert {p.bridge_level for p in presiding} == {BridgePoint.Level.PROVINCIAL}
    assert all(p.event == 0 for p in findings.persons)


def test_every_finding_carries_the_spans_it_was_read_from(findings):
    text = findings.text
    nq57 = next(d for d in findings.documents if d.number == "57-NQ/TW")
    assert text[slice(*nq57.span)] == "Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị"
    # Every mention, the short "Nghị quyết số 57" included.
    assert [text[slice(*s)] for s in nq57.spans] == [
        "Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị",
        "Nghị quyết 57-NQ/TW",
        "Nghị quyết 57-NQ/TW",
        "Nghị quyết số 57",
    ]
    for document in findings.documents:
        assert text[slice(*document.span)] == (document.title or text[slice(*document.span)])
    huy = next(p for p in findings.persons if p.name == "Trương Quốc Huy")
    assert text[slice(*huy.span)] == (
        "Trương Quốc Huy, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh, Trưởng đoàn ĐBQH tỉnh"
    )
    to_lam = next(p for p in findings.persons if p.name == "Tô Lâm")
    # With and without the title, and the title alone ("đồng chí Tổng Bí thư yêu cầu …").
    assert [text[slice(*s)] for s in to_lam.spans] == [
        "Tô Lâm",
        "Tổng Bí thư Tô Lâm",
        "Tổng Bí thư",
        "Tổng Bí thư",
    ]
    (event,) = findings.events
    assert text[slice(*event.bridge_points[0].span)] == (
        "01 điểm cầu cấp tỉnh (tại Hội trường UBND tỉnh)"
    )
    for span in event.spans:
        assert text[slice(*span)].lower().startswith("hội nghị")


def test_decomposed_text_yields_the_same_findings_with_spans_into_the_composed_text():
    composed, decomposed = seed_findings("NFC"), seed_findings("NFD")
    assert decomposed.text == composed.text
    assert documents(decomposed) == EXPECTED_DOCUMENTS
    assert persons(decomposed) == EXPECTED_PERSONS
    assert [p.spans for p in decomposed.persons] == [p.spans for p in composed.persons]


def test_the_raw_file_with_caption_and_byline_yields_the_same_people_and_documents():
    lines = SEED.read_text(encoding="utf-8").splitlines()
    findings = extract(lines[0], "\n".join(lines[1:]))
    assert documents(findings) == EXPECTED_DOCUMENTS
    assert persons(findings) == EXPECTED_PERSONS
    assert len(findings.events) == 1


def test_the_findings_serialise_to_json_and_back(findings):
    import json

    from extraction.extract import document_from_dict, event_from_dict, person_from_dict

    data = json.loads(json.dumps(findings.to_dict()))
    assert data["persons"][0]["role_label"] == "Chủ trì"
    assert data["events"][0]["format_label"] == "Trực tiếp kết hợp trực tuyến"
    assert [document_from_dict(d) for d in data["documents"]] == findings.documents
    assert [person_from_dict(p) for p in data["persons"]] == findings.persons
    assert [event_from_dict(e) for e in data["events"]] == findings.events


def test_the_extractor_speaks_the_models_values():
    """vocabulary.py repeats the models' choices so the extractor needs no Django."""
    assert {t.value for t in vocabulary.DocType} == set(Resolution.DocType.values)
    assert {k.value for k in vocabulary.EventKind} <= set(Event.Kind.values)
    assert {f.value for f in vocabulary.EventFormat} == set(Event.Format.values)
    assert {lv.value for lv in vocabulary.Level} == set(BridgePoint.Level.values)
    assert {r.value for r in vocabulary.Role} == set(EventParticipant.Role.values)
    assert {str(k): v for k, v in vocabulary.DOC_TYPE_LABELS.items()} == {
        k: str(v) for k, v in Resolution.DocType.choices
    }
    assert {int(k): v for k, v in vocabulary.ROLE_LABELS.items()} == {
        k: str(v) for k, v in EventParticipant.Role.choices
    }
