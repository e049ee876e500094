"""Findings matched with records: whatever the diacritics, case, Unicode form or honorific."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from articles.models import Event, Organization, Participant, Resolution
from extraction.extract import DocumentFinding, EventFinding, PersonFinding, extract
from extraction.matching import EXISTING, NEW, PROBABLE, Matcher, match_findings, person_key

pytestmark = pytest.mark.django_db
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.fixture
def nq57():
    politburo = Organization.objects.create(name="Bộ Chính trị")
    return Resolution.objects.create(
        number="57-NQ/TW", doc_type="nghi_quyet", issuer=politburo, issue_date=date(2024, 12, 22)
    )


# Documents ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "number", ["57-NQ/TW", "57-nq/tw", "57 - NQ/TW", "57-NQ/TƯ", nfd("57-NQ/TƯ")]
)
def test_a_document_number_matches_whatever_its_case_spacing_or_form(nq57, number):
    match = Matcher().document(DocumentFinding(doc_type="nghi_quyet", number=number))
    assert match.status == EXISTING
    assert match.record.id == nq57.pk
    assert match.record.label == "Nghị quyết 57-NQ/TW"
    assert match.record.detail == "ngày 22/12/2024 · Bộ Chính trị"


def test_nghi_quyet_57_alone_is_57_nq_tw_when_only_one_resolution_has_that_number(nq57):
    Resolution.objects.create(number="57-CT/TW", doc_type="chi_thi")
    finding = DocumentFinding(doc_type="nghi_quyet", number="57", complete=False)
    match = Matcher().document(finding)
    assert (match.status, match.record.id) == (EXISTING, nq57.pk)


def test_nghi_quyet_57_is_only_probable_when_two_resolutions_have_that_number(nq57):
    other = Resolution.objects.create(number="57/NQ-CP", doc_type="nghi_quyet")
    match = Matcher().document(DocumentFinding(doc_type="nghi_quyet", number="57", complete=False))
    assert match.status == PROBABLE
    assert {c.id for c in match.candidates} == {nq57.pk, other.pk}


def test_another_code_is_another_document(nq57):
    match = Matcher().document(DocumentFinding(doc_type="nghi_quyet", number="57-NQ/TU"))
    assert match.status == NEW


def test_a_document_without_number_matches_by_title_in_any_form():
    decision = Resolution.objects.create(
        doc_type="quyet_dinh",
        title="Quyết định thành lập Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ",
    )
    finding = DocumentFinding(
        doc_type="quyet_dinh",
        title=nfd("QUYẾT ĐỊNH thành lập Ban Chỉ đạo Trung ương về phát triển khoa học,  công nghệ"),
    )
    match = Matcher().document(finding)
    assert (match.status, match.record.id) == (EXISTING, decision.pk)


def test_the_governments_programme_is_probably_the_resolution_that_issued_it(nq57):
    programme = Resolution.objects.create(
        number="03/NQ-CP",
        doc_type="nghi_quyet",
        subject=(
            "ban hành Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW ngày "
            "22 tháng 12 năm 2024 của Bộ Chính trị"
        ),
    )
    finding = DocumentFinding(
        doc_type="chuong_trinh_hanh_dong",
        title="Chương trình hành động của Chính phủ thực hiện Nghị quyết 57-NQ/TW",
    )
    match = Matcher().document(finding)
    assert match.status == PROBABLE
    assert [c.id for c in match.candidates] == [programme.pk]


# People ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "Trương Quốc Huy",
        "TRƯƠNG QUỐC HUY",
        "Truong Quoc Huy",
        nfd("Trương Quốc Huy"),
        "đồng chí Trương Quốc Huy",
    ],
)
def test_a_person_matches_without_diacritics_case_form_or_honorific(written):
    huy = Participant.objects.create(full_name="Trương Quốc Huy", positions="Chủ tịch UBND tỉnh")
    match = Matcher().person(PersonFinding(name=written))
    assert (match.status, match.record.id) == (EXISTING, huy.pk)
    assert match.record.detail == "Chủ tịch UBND tỉnh"


def test_a_record_whose_name_carries_an_honorific_still_matches():
    to_lam = Participant.objects.create(full_name="Đồng chí Tô Lâm")
    assert Matcher().person(PersonFinding(name="Tô Lâm")).record.id == to_lam.pk
    assert person_key("Thượng tướng Lương Tam Quang") == "luong tam quang"


def test_namesakes_are_told_apart_by_a_position_the_text_gives():
    Participant.objects.create(full_name="Nguyễn Văn Nam", positions="Bí thư Huyện ủy Kim Bảng")
    director = Participant.objects.create(
        full_name="Nguyễn Văn Nam", positions="Giám đốc Sở Nội vụ"
    )
    sure = Matcher().person(PersonFinding(name="Nguyễn Văn Nam", positions=["Giám đốc Sở Nội vụ"]))
    assert (sure.status, sure.record.id) == (EXISTING, director.pk)
    unsure = Matcher().person(PersonFinding(name="Nguyễn Văn Nam"))
    assert unsure.status == PROBABLE
    assert len(unsure.candidates) == 2


def test_a_misspelt_name_is_only_probable_and_a_stranger_is_new():
    lua = Participant.objects.create(full_name="Đinh Thị Lụa")
    probable = Matcher().person(PersonFinding(name="Đinh Thi Lụa"))  # fold equal: same person
    assert probable.status == EXISTING and probable.record.id == lua.pk
    close = Matcher().person(PersonFinding(name="Đinh Thị Lua Lụa"))
    assert close.status in (PROBABLE, NEW)
    assert Matcher().person(PersonFinding(name="Lê Văn Khánh")).status == NEW


# Events ------------------------------------------------------------------------------------


@pytest.fixture
def conference():
    return Event.objects.create(
        title=(
            "Hội nghị toàn quốc về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và "
            "chuyển đổi số quốc gia"
        ),
        kind="hoi_nghi",
        starts_at=datetime(2025, 1, 13, 8, 0, tzinfo=VIETNAM),
    )


def test_an_event_matches_by_date_kind_and_a_close_name(conference):
    finding = EventFinding(
        kind="hoi_nghi",
        date=date(2025, 1, 13),
        name=(
            "Hội nghị toàn quốc về đột phá phát triển khoa hoc, công nghệ, đột phá sáng tạo và "
            "chuyển đổi số quốc gia"
        ),
    )
    match = Matcher().event(finding)
    assert (match.status, match.record.id) == (EXISTING, conference.pk)


def test_another_event_of_that_kind_on_that_day_is_offered_as_probable(conference):
    finding = EventFinding(kind="hoi_nghi", date=date(2025, 1, 13), name="Hội nghị cán bộ chủ chốt")
    match = Matcher().event(finding)
    assert match.status == PROBABLE
    assert match.candidates[0].id == conference.pk


def test_an_event_on_another_day_is_new_and_one_without_a_date_only_probable(conference):
    other_day = EventFinding(kind="hoi_nghi", date=date(2025, 1, 14), name=conference.title)
    assert Matcher().event(other_day).status == NEW
    no_date = EventFinding(kind="hoi_nghi", name=conference.title)
    match = Matcher().event(no_date)
    assert match.status == PROBABLE and match.candidates[0].id == conference.pk


# Together ----------------------------------------------------------------------------------


def test_what_the_article_already_links_is_marked(nq57, django_assert_max_num_queries):
    findings = extract("", "Quán triệt Nghị quyết số 57-NQ/TW của Bộ Chính trị.")
    with django_assert_max_num_queries(3):
        result = match_findings(findings, {"resolutions": [nq57.pk]})
    (match,) = result.documents
    assert match.status == EXISTING and match.linked
    data = result.to_dict()
    assert data["documents"][0]["match"]["status_label"] == "Đã có"
    assert match_findings(findings, {}).documents[0].linked is False
