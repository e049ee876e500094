"""The load-test corpus (demo/corpus.py, `manage.py load_corpus`): repeatable, plausible,
stored exactly as the site would store it (search vectors included), and usable by
the site. Small sizes here; the 100,000-article load is timed by the benchmark."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone

from articles.models import Article, Event, EventParticipant, Participant, Resolution
from core.html import html_to_text, sanitize_html
from core.text import vi_slugify
from demo import corpus as C
from images.models import Image
from search.tokens import MAX_POSITIONS_PER_TOKEN, build_vector

SMALL = {"articles": 400, "events": 40, "participants": 30, "resolutions": 20, "images": 1}


def parse_vector(literal: str) -> dict[str, list[str]]:
    """A tsvector literal as PostgreSQL reads it: repeated lexemes merged, positions
    sorted and capped at 256 per lexeme."""
    merged: dict[str, list[str]] = defaultdict(list)
    for token, positions in re.findall(r"'([^']*)':([0-9A-D,]+)", literal):
        merged[token] += positions.split(",")
    return {
        token: sorted(set(p), key=lambda x: int(x[:-1]) if x[-1] in "ABCD" else int(x))[
            :MAX_POSITIONS_PER_TOKEN
        ]
        for token, p in merged.items()
    }


def generated(seed: int, count: int = 120) -> list[dict]:
    """Rows of the first articles of a corpus, generated without a database."""
    corpus = C.Corpus(seed, C.Sizes(articles=count), date(2026, 1, 15))
    corpus.people = C.People(ids=[1, 2, 3], mentions=["Nguyễn Văn An, Bí thư Tỉnh ủy"] * 3)
    corpus.build_pools(corpus.people)
    context = C.ArticleContext(
        first_id=1,
        category_ids=[1, 2],
        category_weights=[1, 1],
        tag_ids=[1, 2, 3],
        image_ids=[1],
        event_ids=[],
        event_starts=[],
        event_people=[],
        event_resolutions=[],
        participant_ids=[1, 2, 3],
        resolution_ids=[1],
        resolution_dates=[date(2016, 1, 1)],
        dates=corpus.article_dates(),
        postgres=True,
    )
    C._CORPUS, C._CONTEXT = corpus, context
    titles = C.generate_titles(0)
    rows, _ = C.generate_chunk(0, titles, [C.fast_slug(t) for t in titles])
    return rows


def test_the_same_seed_gives_the_same_corpus_and_another_seed_another():
    first, again, other = generated(3), generated(3), generated(4)
    assert first == again
    assert [r["title"] for r in first] != [r["title"] for r in other]


def test_fast_search_vectors_equal_what_the_site_stores():
    """The loader's literal (pooled fragments, repeated lexemes) reads as the same
    tsvector as build_vector's on the article's fields."""
    for row in generated(5):
        expected = build_vector(
            ("A", row["title"]),
            ("B", row["sapo"]),
            ("C", html_to_text(row["body"])),
            ("D", row["byline"]),
        )
        assert parse_vector(row["search_vector"]) == parse_vector(expected), row["title"]


def test_generated_text_is_stored_as_the_site_would_store_it():
    for row in generated(6):
        assert sanitize_html(row["body"]) == row["body"]
        assert C.fast_slug(row["title"]) == vi_slugify(row["title"], max_length=100)
        paragraphs = row["body"].count("<p>")
        assert 5 <= paragraphs <= 15
        assert row["byline"]


def test_the_text_is_varied_and_mentions_resolutions_in_most_articles():
    rows = generated(7, count=400)
    titles = {r["title"] for r in rows}
    assert len(titles) > 0.9 * len(rows)
    with_phrase = sum("nghị quyết" in html_to_text(r["body"]).lower() for r in rows)
    assert with_phrase > 0.8 * len(rows)


@pytest.fixture
def loaded(transactional_db, media_root):
    call_command("load_corpus", verify=1000, workers=0, **SMALL, verbosity=0)
    return media_root


def test_loading_a_small_corpus(loaded):
    assert Article.objects.count() == SMALL["articles"]
    assert Event.objects.count() == SMALL["events"]
    assert Participant.objects.count() == SMALL["participants"]
    assert Resolution.objects.count() == SMALL["resolutions"]
    assert EventParticipant.objects.exists()
    statuses = set(Article.objects.values_list("status", flat=True))
    assert {Article.Status.PUBLISHED, Article.Status.DRAFT} <= statuses
    public = Article.objects.public()
    assert 0.85 * SMALL["articles"] < public.count() < SMALL["articles"]
    oldest = public.order_by("published_at").first().published_at
    assert timezone.now() - oldest > timedelta(days=365 * 9)
    assert public.filter(participants__isnull=False).exists()
    assert public.filter(resolutions__isnull=False).exists()
    assert public.filter(featured_image__isnull=False).exists()
    # Bios and summaries say they are not real.
    assert all(C.TEST_DATA_NOTE in bio for bio in Participant.objects.values_list("bio", flat=True))


def test_every_loaded_vector_is_the_one_save_would_store(loaded):
    for article in Article.objects.all():
        expected = build_vector(
            ("A", article.title),
            ("B", article.sapo),
            ("C", html_to_text(article.body)),
            ("D", article.byline),
        )
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT search_vector = %s::tsvector FROM articles_article WHERE id = %s",
                    [expected, article.pk],
                )
                assert cursor.fetchone()[0], article.pk
        else:
            assert article.search_vector == expected


def test_a_loaded_article_saves_unchanged(loaded):
    """What the loader wrote is what save() writes: saving changes no stored field."""
    article = Article.objects.public().first()
    before = Article.objects.filter(pk=article.pk).values().get()
    article.save()
    after = Article.objects.filter(pk=article.pk).values().get()
    changed = {k for k in before if before[k] != after[k]} - {"updated_at"}
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT %s::tsvector = %s::tsvector",
                [before["search_vector"], after["search_vector"]],
            )
            if cursor.fetchone()[0]:
                changed.discard("search_vector")
    assert not changed


def test_the_site_serves_the_corpus(loaded, client):
    article = Article.objects.public().filter(participants__isnull=False).first()
    for url in (
        "/",
        article.get_absolute_url(),
        article.category.get_absolute_url(),
        "/tim-kiem/?q=nghi+quyet",
        "/tim-kiem/?q=nghị+quyết",
        "/sitemap.xml",
        "/rss/",
    ):
        assert client.get(url).status_code == 200, url


def test_the_corpus_images_have_their_renditions(loaded):
    image = Image.objects.get()
    assert image.renditions["jpeg"] and image.renditions["webp"]


def test_loading_twice_is_refused_without_flush(loaded):
    with pytest.raises(CommandError):
        call_command("load_corpus", workers=0, **SMALL, verbosity=0)
