"""manage.py import_articles: drafts with suggestions, idempotent, bad files skipped."""

from __future__ import annotations

import io
import json
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.utils import timezone

from accounts.models import User
from accounts.roles import AUTHOR
from articles.models import (
    Article,
    BridgePoint,
    Category,
    Event,
    EventParticipant,
    Organization,
    Participant,
    Resolution,
)
from demo import data as demo
from extraction.importing import content_key, parse_json, parse_text
from extraction.models import ImportedArticle
from workflow.models import Revision, Transition

pytestmark = pytest.mark.django_db
SEED = Path(settings.BASE_DIR) / "demo" / "content" / "ha-nam-hoi-nghi-nq57.txt"
SECTION = "tin-tuc-su-kien"
COUNTED = (
    Article,
    Revision,
    Event,
    BridgePoint,
    EventParticipant,
    Participant,
    Resolution,
    Organization,
)


@pytest.fixture
def section(db):
    return Category.objects.create(name="Tin tức - Sự kiện", slug=SECTION)


@pytest.fixture
def reporter(db):
    user = User.objects.create_user("phongvien", password="mat-khau-dai-123")
    user.groups.add(Group.objects.get(name=AUTHOR.name))
    return user


def run(
    *paths, link=False, json_form=False, author="phongvien", section=SECTION, verbosity=1, out=None
):
    out, err = out or io.StringIO(), io.StringIO()
    args = [str(p) for p in paths] + ["--section", section, "--author", author]
    if link:
        args.append("--link")
    if json_form:
        args.append("--json")
    call_command("import_articles", *args, stdout=out, stderr=err, verbosity=verbosity)
    return out.getvalue(), err.getvalue()


def counts() -> dict:
    return {model.__name__: model.objects.count() for model in COUNTED}


def test_the_seed_with_link_into_an_empty_database_reproduces_the_demo_structure(section, reporter):
    out, _err = run(SEED, link=True)
    assert "Đã tạo 1 bài" in out

    article = Article.objects.get()
    assert article.status == Article.Status.DRAFT and article.author == reporter
    assert article.category == section
    assert article.title.startswith("Hà Nam tổ chức tham gia Hội nghị toàn quốc")
    assert article.sapo.startswith("Sáng ngày 13/01/2025")
    assert article.featured_image_caption == demo.SEED_ARTICLE["caption"]
    assert article.byline == "Phòng Lý luận chính trị - Lịch sử, Ban Tuyên giáo Tỉnh ủy"

    # The event as demo/data.py has it.
    wanted = demo.EVENTS[0]
    event = Event.objects.get()
    assert event.starts_at == wanted["starts_at"]
    assert timezone.localtime(event.starts_at).date() == date(2025, 1, 13)
    assert (event.kind, event.format, event.broadcast) == (
        wanted["kind"],
        wanted["format"],
        wanted["broadcast"],
    )
    assert (event.attendance, event.attendance_note) == (44881, wanted["attendance_note"])
    assert event.status == Event.Status.HELD
    assert set(event.organizers.values_list("name", flat=True)) == set(wanted["organizers"])
    assert [(p.level, p.count, p.location) for p in event.bridge_points.all()] == [
        (p["level"], p["count"], p["location"]) for p in wanted["bridge_points"]
    ]
    assert event.total_bridge_points == 252

    # The five, with their roles, positions at the time and bridge points.
    rows = {
        (
            p.participant.full_name,
            p.role,
            p.position_at_time,
            getattr(p.bridge_point, "level", None),
        )
        for p in event.participations.select_related("participant", "bridge_point")
    }
    people = {item["slug"]: item for item in demo.PARTICIPANTS}
    assert rows == {
        (
            people[item["participant"]]["full_name"],
            item["role"],
            item["position_at_time"],
            item.get("bridge_point"),
        )
        for item in wanted["participants"]
    }
    for item in demo.PARTICIPANTS[:5]:
        assert Participant.objects.get(full_name=item["full_name"]).positions == item["positions"]

    # Resolution 57-NQ/TW of the Politburo, dated, which the event was about.
    nq57 = Resolution.objects.get(number="57-NQ/TW")
    assert (nq57.issuer.name, nq57.issue_date) == ("Bộ Chính trị", date(2024, 12, 22))
    assert list(event.resolutions.all()) == [nq57]
    programme = Resolution.objects.get(doc_type="chuong_trinh_hanh_dong")
    assert programme.issuer.name == "Chính phủ"
    assert list(programme.related_documents.all()) == [nq57]
    assert Resolution.objects.filter(title=demo.STEERING_COMMITTEE_DECISION).exists()

    # All of it linked to the article, in its first revision, logged as created.
    assert list(article.events.all()) == [event]
    assert article.participants.count() == 5
    assert article.resolutions.count() == 3
    revision = article.latest_revision
    assert revision.number == 1 and revision.created_by == reporter
    assert sorted(revision.content["resolutions"]) == sorted(
        article.resolutions.values_list("pk", flat=True)
    )
    assert list(article.transitions.values_list("action", flat=True)) == [Transition.Action.CREATE]


def test_importing_twice_creates_nothing_new(section, reporter):
    run(SEED, link=True)
    before = counts()
    out, _err = run(SEED, link=True)
    assert counts() == before
    assert "đã nhập trước đây" in out and "Đã tạo 0 bài, bỏ qua 1 bài đã có" in out


def test_the_same_article_saved_otherwise_is_still_the_same(section, reporter, tmp_path):
    run(SEED)
    decomposed = tmp_path / "ban-sao.txt"
    decomposed.write_text(
        unicodedata.normalize("NFD", SEED.read_text(encoding="utf-8")).replace("\n", "\r\n\r\n"),
        encoding="utf-8",
    )
    parsed = parse_text(SEED)[0]
    as_json = tmp_path / "ban-sao.json"
    as_json.write_text(
        json.dumps(
            {
                "title": parsed.title,
                "sapo": parsed.sapo,
                "body": parsed.body,
                "caption": parsed.caption,
                "byline": parsed.byline,
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    out, _err = run(decomposed, as_json)
    assert Article.objects.count() == 1
    assert out.count("đã nhập trước đây") == 2


def test_without_link_nothing_but_the_draft_is_created_and_the_suggestions_are_kept(
    section, reporter
):
    run(SEED)
    assert counts() | {"Article": 0, "Revision": 0} == dict.fromkeys(counts(), 0)
    record = ImportedArticle.objects.get()
    assert record.source == "ha-nam-hoi-nghi-nq57.txt"
    assert record.imported_by == reporter
    assert record.key == content_key(parse_text(SEED)[0])
    assert {d["number"] for d in record.findings["documents"]} == {"57-NQ/TW", None}
    assert {p["match"]["status"] for p in record.findings["persons"]} == {"new"}
    assert len(record.findings["events"]) == 1
    assert record.outcome == {}


def test_with_the_demo_loaded_the_seed_links_existing_records_and_creates_none(
    section, reporter, media_root
):
    from demo.loader import load_demo

    load_demo()
    before = counts()
    out, _err = run(SEED, link=True)
    after = counts()
    assert after["Article"] == before["Article"] + 1
    assert {k: v for k, v in after.items() if k not in ("Article", "Revision")} == {
        k: v for k, v in before.items() if k not in ("Article", "Revision")
    }
    article = Article.objects.get(import_record__isnull=False)
    assert article.events.get().slug == demo.SEED_EVENT
    assert set(article.participants.values_list("slug", flat=True)) == {
        "dinh-thi-lua",
        "truong-quoc-huy",
        "to-lam",
        "pham-minh-chinh",
        "tran-thanh-man",
    }
    # The programme is filed as 03/NQ-CP: probable, so left for an editor.
    assert set(article.resolutions.values_list("number", flat=True)) == {"57-NQ/TW", ""}
    assert "? ha-nam-hoi-nghi-nq57.txt: văn bản “Chương trình hành động" in out


def test_bad_files_are_reported_by_name_and_line_and_the_rest_imports(section, reporter, tmp_path):
    good = tmp_path / "a-tot.txt"
    good.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    broken_json = tmp_path / "b-hong.json"
    broken_json.write_text(
        '[\n  {"title": "Tin một",\n   "body": "<p>x</p>",,\n  }\n]', encoding="utf-8"
    )
    latin1 = tmp_path / "c-sai-ma.txt"
    latin1.write_bytes("Tiêu đề\nĐoạn văn một.\n".encode() + b"T\xe1c gi\xe1")
    short = tmp_path / "d-ngan.txt"
    short.write_text("Chỉ có tiêu đề\n\nvà một dòng\n", encoding="utf-8")
    missing_title = tmp_path / "e-thieu.json"
    missing_title.write_text(
        '[\n  {"title": "Tin hai", "paragraphs": ["Đoạn."]},\n  {"paragraphs": ["Đoạn."]}\n]',
        encoding="utf-8",
    )

    output = io.StringIO()
    with pytest.raises(CommandError, match="4 tệp hoặc bài không nhập được"):
        run(tmp_path, out=output)
    # The good one is in; the report, written before the command failed, says why the
    # others are not.
    assert Article.objects.count() == 1
    out = output.getvalue()
    assert "+ a-tot.txt: tạo bài nháp" in out
    assert "b-hong.json, dòng 3: JSON không hợp lệ" in out
    assert "c-sai-ma.txt, dòng 3: tệp không phải văn bản UTF-8" in out
    assert "d-ngan.txt, dòng 3: cần ít nhất ba dòng" in out
    assert "e-thieu.json, dòng 3: thiếu tiêu đề" in out
    # A JSON file is imported whole or not at all: "Tin hai" stayed out with its neighbour.
    assert not Article.objects.filter(title="Tin hai").exists()


def test_the_json_form_brings_in_several_articles(section, reporter, tmp_path):
    path = tmp_path / "tin.json"
    path.write_text(
        json.dumps(
            [
                {
                    "title": "Hội nghị giao ban công tác tuyên giáo quý I năm 2025",
                    "sapo": "Sáng 28/3/2025, Ban Tuyên giáo Tỉnh ủy tổ chức Hội nghị giao ban công tác tuyên giáo quý I năm 2025.",
                    "paragraphs": [
                        "Đồng chí Trần Thị Minh Hà, Phó Trưởng ban Thường trực Ban Tuyên giáo Tỉnh ủy chủ trì hội nghị."
                    ],
                    "byline": "Phòng Tuyên truyền",
                },
                {
                    "title": "Quán triệt Chỉ thị số 45-CT/TW",
                    "body": "<p>Các chi bộ quán triệt Chỉ thị số 45-CT/TW, ngày 14/4/2025 của Bộ Chính trị.</p>",
                },
            ],
            ensure_ascii=False,
            indent=2,
        ),
        encoding="utf-8",
    )
    out, _err = run(path, link=True)
    assert "Đã tạo 2 bài" in out
    first = Article.objects.get(title__startswith="Hội nghị giao ban")
    assert (
        first.body
        == "<p>Đồng chí Trần Thị Minh Hà, Phó Trưởng ban Thường trực Ban Tuyên giáo Tỉnh ủy chủ trì hội nghị.</p>"
    )
    assert first.events.get().participations.get().role == EventParticipant.Role.PRESIDING
    second = Article.objects.get(title__startswith="Quán triệt")
    assert second.resolutions.get().issuer.name == "Bộ Chính trị"
    second_line = path.read_text(encoding="utf-8").splitlines().index("  {", 2) + 1
    assert ImportedArticle.objects.get(article=second).source == f"tin.json:{second_line}"


def test_a_json_file_without_the_json_suffix_is_read_with_json(section, reporter, tmp_path):
    path = tmp_path / "xuat-tu-he-thong-cu.dat"
    path.write_text('{"title": "Tin ngắn", "paragraphs": ["Một đoạn."]}', encoding="utf-8")
    run(path, json_form=True)
    assert Article.objects.get().title == "Tin ngắn"
    assert parse_json(path)[0].body == "<p>Một đoạn.</p>"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"author": "khong-co-ai"}, "Không có người dùng “khong-co-ai”."),
        ({"section": "khong-co"}, "Không có chuyên mục có đường dẫn “khong-co”."),
    ],
)
def test_the_command_refuses_an_unknown_author_or_section(section, reporter, options, message):
    with pytest.raises(CommandError, match=message):
        run(SEED, **options)
    assert Article.objects.count() == 0


def test_the_command_needs_an_author_who_may_write(section, db):
    User.objects.create_user("bandoc", password="mat-khau-dai-123")
    with pytest.raises(CommandError, match="không có quyền viết bài"):
        run(SEED, author="bandoc")
    with pytest.raises(CommandError, match="Hãy chọn người viết"):
        call_command("import_articles", str(SEED), "--section", SECTION, stdout=io.StringIO())


def test_a_progress_bar_is_shown_and_hidden_at_verbosity_zero(section, reporter):
    _out, err = run(SEED)
    assert "Nhập bài" in err and "1/1" in err
    _out, err = run(SEED, verbosity=0)
    assert err == ""
