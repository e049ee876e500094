"""The extractor on the labelled passages in tests/extraction_cases: the issue's targets.

Precision ≥ 0.95 and recall ≥ 0.9 for documents, people and events (events scored fact by
fact; see extraction/evaluate.py). The same numbers are printed by
`.venv/bin/python -m extraction.evaluate`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

import pytest
from django.conf import settings

from extraction import evaluate
from extraction.extract import extract

TARGET_PRECISION = 0.95
TARGET_RECALL = 0.9


@pytest.fixture(scope="module")
def cases():
    return evaluate.load_cases()


@pytest.fixture(scope="module")
def scores(cases):
    return evaluate.score_all(cases)


def test_there_are_at_least_thirty_labelled_passages_with_the_tricky_ones(cases):
    assert len(cases) >= 30
    assert len({case["id"] for case in cases}) == len(cases)
    assert any(case.get("normalize") == "NFD" for case in cases)
    bodies = " ".join(case["body"] for case in cases)
    for tricky in ("Thủ tưởng", "Phó Bi thư", "các đồng chí:", "làm Trưởng ban", "Hồ Chí Minh"):
        assert tricky in bodies, tricky
    for case in cases:
        assert set(case["expected"]) == {"documents", "persons", "events"}, case["id"]


@pytest.mark.parametrize("kind", evaluate.TYPES)
def test_precision_and_recall_meet_the_targets(scores, kind):
    score = scores[kind]
    detail = "\n".join(score.errors)
    assert score.precision >= TARGET_PRECISION, detail
    assert score.recall >= TARGET_RECALL, detail


def test_the_evaluation_prints_a_table(capsys):
    assert evaluate.main([]) == 0
    out = capsys.readouterr().out
    for kind in evaluate.TYPES:
        assert kind in out
    assert "precision" in out and "recall" in out


def test_the_evaluation_runs_without_django_settings():
    """The extractor is pure: no database, no settings, nothing downloaded."""
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    result = subprocess.run(
        [sys.executable, "-m", "extraction.evaluate"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "documents" in result.stdout


# A few rules stated directly, where a passage would hide which rule is at work.


def test_a_date_without_a_year_takes_the_year_nearest_the_reference():
    body = "Chiều 30/12, Tỉnh ủy tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2024."
    (event,) = extract("", body, reference_date=date(2025, 1, 2)).events
    assert event.date == date(2024, 12, 30)
    (event,) = extract("", body).events
    assert event.date is None and event.date_text == "30/12"


def test_two_documents_in_one_sentence_keep_their_own_dates_and_issuers():
    found = extract(
        "",
        "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị và Nghị quyết số "
        "03/NQ-CP ngày 09/01/2025 của Chính phủ.",
    )
    assert [(d.number, d.issuer, d.issue_date) for d in found.documents] == [
        ("57-NQ/TW", "Bộ Chính trị", date(2024, 12, 22)),
        ("03/NQ-CP", "Chính phủ", date(2025, 1, 9)),
    ]


def test_a_tw_document_gets_no_issuer_the_text_does_not_give():
    (doc,) = extract("", "Các chi bộ học tập Chỉ thị 05-CT/TW.").documents
    assert doc.issuer is None


def test_a_group_of_officials_is_not_a_person():
    found = extract("", "Dự hội nghị có các đồng chí Ủy viên Ban Thường vụ (BTV) Tỉnh ủy.")
    assert found.persons == []


def test_the_live_broadcast_is_not_the_format():
    (event,) = extract(
        "",
        "Sáng 02/3/2025, Tỉnh ủy tổ chức Hội nghị tổng kết năm, truyền hình trực tiếp trên VTV1.",
    ).events
    assert event.format is None
    assert event.broadcast == "VTV1"


def test_numbers_are_read_the_vietnamese_way():
    (event,) = extract(
        "",
        "Ngày 05/3/2025, Tỉnh ủy tổ chức hội nghị trực tuyến quán triệt nghị quyết tới "
        "01 điểm cầu cấp tỉnh và 1.203 điểm cầu cấp xã với 12.500 đảng viên tham dự.",
    ).events
    assert [(p.count) for p in event.bridge_points] == [1, 1203]
    assert event.attendance == 12500
