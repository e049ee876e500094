"""Search: tokens, the query parser, matching and ranking on the active database,
and highlighting. Runs on SQLite by default and on PostgreSQL with DATABASE_URL."""

from __future__ import annotations

import re
import unicodedata
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from articles.models import Article, Event, Participant, Resolution
from core.html import html_to_text
from public.views import GLANCES
from search.backends import (
    search_articles,
    search_glances,
    search_model,
    search_public_articles,
)
from search.highlight import excerpt, highlight
from search.tokens import (
    MAX_POSITIONS_PER_TOKEN,
    MAX_QUERY_TERMS,
    build_vector,
    doc_number_token,
    parse_query,
    words,
)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def vector_tokens(literal: str) -> dict[str, list[str]]:
    """{token: ["1A", "3C", …]} from a build_vector literal."""
    return {
        token: positions.split(",")
        for token, positions in re.findall(r"'([^']*)':([0-9A-D,]+)", literal)
    }


# --- tokens ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "token"),
    [
        ("57-NQ/TW", "57nqtw"),
        ("13/2023/NĐ-CP", "132023ndcp"),
        ("45-CT/TW", "45cttw"),
        ("144-QĐ/TW", "144qdtw"),
        ("03/NQ-CP", "03nqcp"),
        ("123/QĐ-UBND", "123qdubnd"),
        ("01/2025/TT-BTC", "012025ttbtc"),
    ],
)
def test_document_number_is_one_token_plus_its_number(number, token):
    assert doc_number_token(number) == token
    leading = number.split("-")[0].split("/")[0]
    assert words(f"Thực hiện {number} của Trung ương") == [
        ("thực", "thuc"),
        ("hiện", "hien"),
        (token, token),
        (leading, leading),
        ("của", "cua"),
        ("trung", "trung"),
        ("ương", "uong"),
    ]


def test_document_number_in_running_text_of_the_seed():
    found = [
        folded for _, folded in words("Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị")
    ]
    assert found == [
        "nghi",
        "quyet",
        "so",
        "57nqtw",
        "57",
        "ngay",
        "22",
        "12",
        "2024",
        "cua",
        "bo",
        "chinh",
        "tri",
    ]


def test_document_number_in_lower_case_is_recognised():
    assert [f for _, f in words("nghị quyết 57-nq/tw")] == ["nghi", "quyet", "57nqtw", "57"]


@pytest.mark.parametrize("text", ["57 đại biểu", "5-10 năm", "xin - cho", "Covid-19", "22/12/2024"])
def test_plain_numbers_are_not_document_numbers(text):
    assert not any(re.fullmatch(r"\d+[a-z]+", f) for _, f in words(text))


def test_words_are_indexed_exact_and_folded():
    assert words("Nghị quyết Đảng") == [("nghị", "nghi"), ("quyết", "quyet"), ("đảng", "dang")]
    assert words(nfd("Nghị quyết Đảng")) == words("Nghị quyết Đảng")


def test_build_vector_weights_and_positions():
    literal = build_vector(("A", "Nghị quyết 57-NQ/TW"), ("C", "khoa học"))
    assert vector_tokens(literal) == {
        "nghị": ["1A"],
        "nghi": ["1A"],
        "quyết": ["2A"],
        "quyet": ["2A"],
        "57nqtw": ["3A"],
        "57": ["4A"],
        "khoa": ["5C"],
        "học": ["6C"],
        "hoc": ["6C"],
    }


def test_build_vector_is_a_well_formed_literal():
    literal = build_vector(
        ("A", "“xin - cho” O'Brien \\ 'quoted' a:b"), ("B", "Đảng & Nhà nước | !")
    )
    assert re.fullmatch(
        r"('[^'\\\s:]+':\d+[A-D](,\d+[A-D])*)( '[^'\\\s:]+':\d+[A-D](,\d+[A-D])*)*", literal
    )


def test_build_vector_caps_positions_per_token():
    literal = build_vector(("C", "Đảng " * 1000))
    tokens = vector_tokens(literal)
    assert len(tokens["đảng"]) == MAX_POSITIONS_PER_TOKEN
    assert len(tokens["dang"]) == MAX_POSITIONS_PER_TOKEN


def test_build_vector_of_nothing():
    assert build_vector(("A", ""), ("B", None)) == ""


def test_parse_query():
    query = parse_query("  Nghị quyết 57-NQ/TW  ")
    assert query.text == "Nghị quyết 57-NQ/TW"
    assert query.folded == ["nghi", "quyet", "57nqtw", "57"]
    assert query.exact == ["nghị", "quyết"]
    assert query


def test_parse_query_folds_nfd_and_unaccented_input():
    assert parse_query(nfd("khoa học")).folded == ["khoa", "hoc"]
    assert parse_query(nfd("khoa học")).exact == ["học"]
    unaccented = parse_query("nghi quyet 57")
    assert unaccented.folded == ["nghi", "quyet", "57"]
    assert unaccented.exact == []


def test_parse_query_drops_repeats_and_limits_terms():
    assert parse_query("Đảng đảng ĐẢNG dang").folded == ["dang"]
    many = parse_query(" ".join(f"tu{i}" for i in range(40)))
    assert len(many.folded) == MAX_QUERY_TERMS


@pytest.mark.parametrize("text", ["", "   ", "!!! ??? ---", None])
def test_empty_query_is_false(text):
    assert not parse_query(text)


# --- build_vector on PostgreSQL ---------------------------------------------------------


@pytest.mark.postgres
@pytest.mark.django_db
def test_build_vector_casts_to_tsvector_with_the_expected_lexemes():
    literal = build_vector(
        ("A", "Nghị quyết 57-NQ/TW"),
        ("B", "13/2023/NĐ-CP “xin - cho” O'Brien"),
        ("C", "Đảng " * 300),
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT %s::tsvector", [literal])
        (vector,) = cursor.fetchone()
        cursor.execute(
            "SELECT lexeme, positions::text[], weights::text[] FROM unnest(%s::tsvector)",
            [literal],
        )
        rows = {lexeme: (positions, weights) for lexeme, positions, weights in cursor.fetchall()}
    assert "'57nqtw':3A" in vector
    assert set(rows) >= {
        "nghị",
        "nghi",
        "quyết",
        "quyet",
        "57nqtw",
        "57",
        "132023ndcp",
        "13",
        "o",
        "brien",
        "đảng",
        "dang",
    }
    assert rows["nghị"] == (["1"], ["A"])
    assert rows["132023ndcp"][1] == ["B"]
    assert len(rows["đảng"][0]) == MAX_POSITIONS_PER_TOKEN


@pytest.mark.postgres
@pytest.mark.django_db
def test_article_with_a_very_long_word_can_be_saved(category):
    Article.objects.create(title="Tin", body="<p>" + "đ" * 1200 + "</p>", category=category)


# --- searching articles ---------------------------------------------------------------


@pytest.fixture
def corpus(seed_article, make_article):
    """The seed article, published, and decoys around it."""
    now = timezone.now()
    decoy_57 = make_article(
        title="Đại hội Đoàn thanh niên tỉnh",
        sapo="Đại hội có 57 đại biểu chính thức tham dự.",
        body="<p>Các đại biểu thảo luận văn kiện.</p>",
        published_at=now - timedelta(minutes=5),
    )
    decoy_other = make_article(
        title="Hội nghị Ban Chấp hành Đảng bộ tỉnh",
        sapo="Triển khai nhiệm vụ năm 2025.",
        body="<p>Hội nghị thông qua chương trình công tác.</p>",
        published_at=now - timedelta(minutes=10),
    )
    draft = make_article(
        title="Bản nháp: Nghị quyết 57-NQ/TW về khoa học, công nghệ",
        sapo="Chưa duyệt.",
        status=Article.Status.DRAFT,
    )
    scheduled = make_article(
        title="Hẹn giờ: Nghị quyết 57-NQ/TW và khoa học công nghệ",
        published_at=now + timedelta(days=1),
    )
    return {
        "seed": seed_article,
        "decoy_57": decoy_57,
        "decoy_other": decoy_other,
        "draft": draft,
        "scheduled": scheduled,
    }


def found(query_text: str) -> list[Article]:
    return list(search_articles(Article.objects.public(), parse_query(query_text)))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query_text",
    [
        "nghi quyet 57",
        "Nghị quyết 57-NQ/TW",
        "57-NQ/TW",
        "57-nq/tw",
        "khoa học",
        "khoa hoc",
        "KHOA HỌC",
        "Thủ tưởng",  # the seed's own typo
        "chuyen doi so",
        "Tô Lâm",
        "to lam",
        "điểm cầu",
        "Phòng Lý luận chính trị",  # the byline
        nfd("Nghị quyết 57-NQ/TW"),
        nfd("khoa học công nghệ"),
    ],
)
def test_seed_is_found(corpus, query_text):
    assert found(query_text) == [corpus["seed"]]


SEED_FILE = Path(__file__).resolve().parents[1] / "demo" / "content" / "ha-nam-hoi-nghi-nq57.txt"


@pytest.mark.django_db
def test_full_seed_file_is_found_and_excerpted(make_article):
    """The whole seed text, as the demo loads it, when the repository carries it."""
    if not SEED_FILE.exists():
        pytest.skip(f"{SEED_FILE} is not in this checkout")
    lines = [line.strip() for line in SEED_FILE.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    title, sapo, *paragraphs, byline = lines
    seed = make_article(
        title=title,
        sapo=sapo,
        body="".join(f"<p>{p}</p>" for p in paragraphs),
        byline=byline,
    )
    decoy = make_article(title="Đại hội có 57 đại biểu", sapo="Nghị quyết của đại hội.")
    for query_text in [
        "Nghị quyết 57-NQ/TW",
        "khoa học",
        "khoa hoc",
        nfd("Nghị quyết 57-NQ/TW"),
        "Trần Thanh Mẫn",
        "quỹ thiên thần",
    ]:
        assert found(query_text) == [seed], query_text
    # "57" alone is a plain number: the decoy's "57 đại biểu" and "Nghị quyết" match too.
    assert set(found("nghi quyet 57")) == {seed, decoy}
    assert decoy not in found("57-NQ/TW")
    query = parse_query("57-NQ/TW")
    cut = excerpt(html_to_text(seed.body), query)
    assert "57-NQ/TW" in cut
    assert "<mark>57-NQ/TW</mark>" in str(highlight(cut, query))


@pytest.mark.django_db
def test_document_number_does_not_match_a_plain_number(corpus):
    assert corpus["decoy_57"] not in found("57-NQ/TW")
    assert found("57 đại biểu") == [corpus["decoy_57"]]


@pytest.mark.django_db
def test_leading_number_still_finds_the_document(corpus):
    assert set(found("57")) == {corpus["seed"], corpus["decoy_57"]}


@pytest.mark.django_db
def test_every_term_must_match(corpus):
    assert set(found("hội nghị")) == {corpus["seed"], corpus["decoy_other"]}
    assert found("khoa học thanh niên") == []


@pytest.mark.django_db
def test_nothing_found_for_unknown_words(corpus):
    assert found("bóng đá") == []


@pytest.mark.django_db
@pytest.mark.parametrize("query_text", ["", "!!!"])
def test_empty_query_finds_nothing_instead_of_failing(corpus, query_text):
    assert found(query_text) == []
    assert list(search_model(Resolution.objects.all(), parse_query(query_text))) == []


@pytest.mark.django_db
def test_drafts_and_scheduled_articles_never_appear(corpus):
    everything = {
        a.pk
        for q in ["nghị quyết", "57-NQ/TW", "khoa học", "bản nháp", "hẹn giờ"]
        for a in found(q)
    }
    assert corpus["draft"].pk not in everything
    assert corpus["scheduled"].pk not in everything
    # They are indexed, though: the rule that hides them is public(), not the index.
    everywhere = search_articles(Article.objects.all(), parse_query("bản nháp"))
    assert list(everywhere) == [corpus["draft"]]


@pytest.mark.django_db
def test_article_stored_from_nfd_text_is_found(make_article):
    article = make_article(
        title=nfd("Quán triệt Nghị quyết 57-NQ/TW tại Đảng bộ huyện"),
        sapo=nfd("Các đảng viên tham dự đầy đủ."),
    )
    assert found("Đảng bộ huyện") == [article]
    assert found("dang bo huyen") == [article]
    assert found("đảng viên") == [article]


@pytest.mark.django_db
def test_name_in_a_table_cell_is_found(make_article):
    article = make_article(
        title="Danh sách đại biểu chủ trì tại điểm cầu tỉnh",
        body="<table><tbody><tr><td>Đinh Thị Lụa</td><td>Phó Bí thư Thường trực Tỉnh ủy</td></tr>"
        "</tbody></table>",
    )
    assert found("Đinh Thị Lụa") == [article]
    assert found("Phó Bí thư") == [article]


@pytest.mark.django_db
@pytest.mark.parametrize("query_text", ["km²", "860,9 km²", "H₂O"])
def test_symbols_inside_words_are_found_on_every_database(make_article, query_text):
    article = make_article(
        title="Hà Nam có diện tích tự nhiên 860,9 km²", body="<p>Nước sạch đạt chuẩn H₂O.</p>"
    )
    assert found(query_text) == [article]


@pytest.mark.django_db
def test_exact_diacritics_rank_above_folded_matches(make_article):
    now = timezone.now()
    # The exact match is the older one, so recency alone would put it second.
    exact = make_article(title="Hội nghị cán bộ chủ chốt", published_at=now - timedelta(days=2))
    folded_only = make_article(
        title="Cán bộ nghỉ hưu được thăm hỏi", published_at=now - timedelta(hours=1)
    )
    assert found("nghị") == [exact, folded_only]
    assert found("nghỉ") == [folded_only, exact]
    # Without diacritics there is nothing to prefer: the newest comes first.
    assert found("nghi") == [folded_only, exact]


@pytest.mark.django_db
def test_search_rank_is_annotated(make_article):
    article = make_article(title="Hội nghị")
    (result,) = search_articles(Article.objects.public(), parse_query("hội nghị"))
    assert result == article
    assert result.search_rank > 0


@pytest.mark.django_db
def test_searching_other_models():
    resolution = Resolution.objects.create(
        number="57-NQ/TW",
        subject="về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
    )
    Resolution.objects.create(number="45-CT/TW", subject="về công tác bầu cử")
    to_lam = Participant.objects.create(full_name="Tô Lâm", positions="Tổng Bí thư")
    Participant.objects.create(full_name="Trần Thanh Mẫn", positions="Chủ tịch Quốc hội")

    assert list(search_model(Resolution.objects.all(), parse_query("57-NQ/TW"))) == [resolution]
    assert list(search_model(Resolution.objects.all(), parse_query("nghi quyet 57"))) == [
        resolution
    ]
    assert list(search_model(Resolution.objects.all(), parse_query("chuyển đổi số"))) == [
        resolution
    ]
    assert list(search_model(Participant.objects.all(), parse_query("to lam"))) == [to_lam]
    assert list(search_model(Participant.objects.all(), parse_query("tổng bí thư"))) == [to_lam]


@pytest.mark.django_db
def test_the_glance_beside_articles_ranks_only_the_newest_matches(client):
    # The search page shows three events beside the articles; "nghị quyết" is in a
    # third of all events, so only the newest few matches are ranked, best first.
    now = timezone.now()
    oldest = Event.objects.create(
        title="Hội nghị quán triệt Nghị quyết số 57", starts_at=now - timedelta(days=900)
    )
    plain = Event.objects.create(
        title="Hội nghi tổng kết, nhắc tới nghi quyết", starts_at=now - timedelta(days=3)
    )
    exact = Event.objects.create(
        title="Học tập Nghị quyết của Đảng", starts_at=now - timedelta(days=10)
    )
    query = parse_query("nghị quyết")

    ranked = list(search_model(Event.objects.all(), query))
    assert set(ranked[:2]) == {oldest, exact}  # as typed, with diacritics, ranks first
    assert ranked[2] == plain
    assert list(search_model(Event.objects.all(), query, window=2)) == [exact, plain]

    response = client.get("/tim-kiem/", {"q": "nghi quyet"})
    shown = [e.pk for e in response.context["events"]]
    assert set(shown) == {oldest.pk, exact.pk, plain.pk}


@pytest.mark.postgres
@pytest.mark.django_db
def test_search_page_ranks_exact_words_and_recent_articles_first(make_article):
    now = timezone.now()
    exact_older = make_article(
        title="Hội nghị cán bộ chủ chốt", published_at=now - timedelta(days=3)
    )
    folded_newer = make_article(title="Cán bộ nghỉ hưu", published_at=now - timedelta(hours=2))
    # Equally relevant: the newer first; one seven months old counts for two thirds.
    older = make_article(title="Tin nghỉ lễ", published_at=now - timedelta(days=200))
    recent = make_article(title="Tin nghỉ lễ", published_at=now - timedelta(days=1))
    public = Article.objects.public()

    def ranked(text: str) -> list[int]:
        return search_public_articles(public, parse_query(text)).ids

    assert ranked("nghị") == [exact_older.pk, folded_newer.pk, recent.pk, older.pk]
    assert ranked("nghỉ") == [folded_newer.pk, recent.pk, older.pk, exact_older.pk]
    # Without diacritics only recency tells them apart.
    assert ranked("nghi") == [folded_newer.pk, recent.pk, exact_older.pk, older.pk]


@pytest.mark.postgres
@pytest.mark.django_db
def test_glances_show_each_query_its_own_matches():
    # Each glance's statement is built once and run again with each query's terms, and
    # PostgreSQL prepares it after a few runs: later queries must not see earlier ones'.
    now = timezone.now()
    conference = Event.objects.create(title="Hội nghị quán triệt", starts_at=now)
    festival = Event.objects.create(title="Lễ hội mây tre đan", starts_at=now)
    resolution = Resolution.objects.create(number="57-NQ/TW", subject="về khoa học, công nghệ")
    to_lam = Participant.objects.create(full_name="Tô Lâm", positions="Tổng Bí thư")
    expected = {
        "hội nghị": ([conference], [], []),
        "hoi nghi": ([conference], [], []),
        "mây tre đan": ([festival], [], []),
        "khoa học": ([], [resolution], []),
        "tô lâm": ([], [], [to_lam]),
        "to lam": ([], [], [to_lam]),
        "không có": ([], [], []),
    }
    for _ in range(4):
        for text, (events, resolutions, people) in expected.items():
            found = search_glances(parse_query(text), GLANCES)
            assert found["events"] == events, text
            assert found["resolutions"] == resolutions, text
            assert found["participants"] == people, text
    (shown,) = search_glances(parse_query("57-NQ/TW"), GLANCES)["resolutions"]
    assert shown.short_name == "Nghị quyết 57-NQ/TW"


@pytest.mark.postgres
@pytest.mark.django_db
def test_match_uses_the_gin_index(corpus):
    # The match alone: on a table this small the planner prefers scanning the partial
    # "published" btree indexes for public() and filtering, which says nothing about
    # the match; what must hold is that the @@ predicate can use the GIN index.
    queryset = search_articles(Article.objects.all(), parse_query("Nghị quyết 57-NQ/TW"))
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        try:
            plan = queryset.explain()
        finally:
            cursor.execute("RESET enable_seqscan")
    assert "Bitmap Index Scan on article_search_gin" in plan, plan
    assert "Index Cond: (search_vector @@" in plan, plan


# --- highlighting ------------------------------------------------------------------------


def test_highlight_marks_folded_and_exact_matches():
    query = parse_query("nghi quyet")
    assert str(highlight("Nghị quyết của Đảng; nghỉ phép", query)) == (
        "<mark>Nghị</mark> <mark>quyết</mark> của Đảng; <mark>nghỉ</mark> phép"
    )


def test_highlight_marks_a_whole_document_number():
    query = parse_query("57-NQ/TW")
    assert str(highlight("Thực hiện Nghị quyết 57-NQ/TW, ngày 22/12/2024", query)) == (
        "Thực hiện Nghị quyết <mark>57-NQ/TW</mark>, ngày 22/12/2024"
    )


def test_highlight_escapes_html_in_the_text():
    query = parse_query("khoa học")
    result = str(highlight('<script>alert("khoa học")</script> & <b>khoa</b>', query))
    assert "<script" not in result and "<b>" not in result
    assert result == (
        "&lt;script&gt;alert(&quot;<mark>khoa</mark> <mark>học</mark>&quot;)&lt;/script&gt; "
        "&amp; &lt;b&gt;<mark>khoa</mark>&lt;/b&gt;"
    )


def test_highlight_does_not_mark_parts_of_words_or_markup():
    query = parse_query("script b")
    result = str(highlight("<b>javascript</b>", query))
    assert result == "&lt;<mark>b</mark>&gt;javascript&lt;/<mark>b</mark>&gt;"


def test_highlight_without_matches_is_just_escaped():
    assert str(highlight("a < b", parse_query("đảng"))) == "a &lt; b"
    assert str(highlight("", parse_query("đảng"))) == ""


def test_excerpt_centers_on_the_first_match(seed_text):
    text = " ".join([seed_text.sapo, *seed_text.paragraphs])
    query = parse_query("44.881")  # in the third paragraph of the seed
    assert text.index("44.881") > 400
    cut = excerpt(text, query, length=200)
    assert "44.881" in cut
    assert cut.startswith("… ") and cut.endswith(" …")
    assert len(cut) <= 200 + 4
    # Cut at word boundaries: every word of the excerpt is a whole word of the text.
    inner = cut.removeprefix("… ").removesuffix(" …")
    assert inner in text
    start = text.index(inner)
    assert text[start - 1] == " " and text[start + len(inner)] == " "
    # The match sits in the excerpt's first half, with context before it.
    position = inner.index("44.881")
    assert 0 < position < len(inner) // 2


def test_excerpt_of_a_short_text_is_the_text():
    assert excerpt("  Hội nghị   toàn quốc ", parse_query("hội nghị")) == "Hội nghị toàn quốc"


def test_excerpt_without_match_is_the_beginning():
    text = "Đảng bộ tỉnh " * 50
    cut = excerpt(text, parse_query("bóng đá"), length=60)
    assert cut.startswith("Đảng bộ tỉnh") and cut.endswith(" …")


def test_excerpt_finds_a_document_number_far_into_the_text():
    text = (
        "Đoạn mở đầu dài. " * 40
        + "Quán triệt Nghị quyết 57-NQ/TW của Bộ Chính trị. "
        + "Kết. " * 40
    )
    cut = excerpt(text, parse_query("57-NQ/TW"), length=120)
    assert "57-NQ/TW" in cut
