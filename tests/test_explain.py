"""The public pages read the articles through indexes: EXPLAIN of the SQL they run.

The plans are those of bench/explain.py: each page is requested (page cache off), the
queries it ran are captured and run again under EXPLAIN ANALYZE with the planner
settings the page itself used. Nothing here steers the planner.

Size: 20,000 articles, loaded as the benchmark loads 100,000 (COPY, indexes built
after, VACUUM ANALYZE), about a fifth of the time. The planner decides from the
statistics of tables of this size as it does at 100,000: the listings' partial indexes
against a sequential scan of ~18,000 public rows and their TOASTed bodies. The same
check runs on the 100,000-article corpus in the benchmark (bench/run.py keeps the
plans in its report; docs/PERFORMANCE.md shows them).
"""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import override_settings

from articles.models import Article
from bench import explain
from search import backends as search_backends

# django_db: pytest-django sets up the test database only for a session with tests
# that ask for it; the module's fixture then writes there, outside their transactions.
pytestmark = [pytest.mark.postgres, pytest.mark.django_db]

SIZES = {"articles": 20_000, "events": 1_000, "participants": 400, "resolutions": 100}
# Everything the corpus writes; the links and the workflow rows that point at them go
# with CASCADE. No migration writes to these tables, so the database is left as the
# other tests expect it.
CORPUS_TABLES = [
    "articles_article",
    "articles_category",
    "articles_organization",
    "articles_event",
    "articles_participant",
    "articles_resolution",
    "articles_tag",
    "images_image",
    "core_slughistory",
]


@pytest.fixture(scope="module")
def plans(django_db_setup, django_db_blocker, tmp_path_factory):
    """The plans of every public page that lists articles, on one corpus for the module
    (loading it is the slow part), emptied again afterwards."""
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=str(media)):
        assert connection.settings_dict["NAME"].startswith("test_"), "not the test database"
        try:
            call_command("load_corpus", **SIZES, verify=0, verbosity=0)
            # Search reads the words' frequencies from the statistics once per process
            # every ten minutes: an earlier test's (nearly empty) ones must not be reused.
            search_backends._FREQUENCY_CACHE.clear()
            with override_settings(PUBLIC_CACHE_TIMEOUT=0):
                cache.clear()
                client = Client()
                client.get("/")  # one-off work of a fresh process is not a page's
                pages = explain.explain_public_pages(client, connection, deep_page=400)
            public = Article.objects.public().count()
            yield {page.name: page for page in pages}, public
        finally:
            with connection.cursor() as cursor:
                cursor.execute(f"TRUNCATE {', '.join(CORPUS_TABLES)} CASCADE")
            cache.clear()


def show(page) -> str:
    return "\n".join(f"-- {q.sql[:160]}\n" + "\n".join(q.plan) for q in page.queries if q.plan)


@pytest.mark.parametrize(
    "name",
    [
        "home",
        "section, page 1",
        "tag",
        "search: nghị quyết",
        "search: nghi quyet",
        "search: mây tre đan (rare)",
        "search: may tre dan (rare)",
        "sitemap index",
        "sitemap, articles page 1",
    ],
)
def test_the_page_reads_articles_through_an_index(plans, name):
    pages, _ = plans
    page = pages[name]
    assert page.status == 200, page.path
    assert page.queries, f"{name}: no query on the articles"
    assert not page.problems, f"{name}: {page.problems}\n{show(page)}"
    assert page.indexes(), f"{name}: no index used\n{show(page)}"
    if connection.settings_dict["OPTIONS"].get("server_side_binding"):
        # What production runs after a statement's fifth time: its generic plan, checked too.
        assert any(explain.GENERIC in q.settings for q in page.queries), show(page)


def test_a_deep_section_page_reads_the_index_not_the_table(plans):
    """page=400 of the largest section (or its last page, if it has fewer): the ids of
    the page are found on the section's index entries alone, and only the page's own
    15 rows are read from the table."""
    pages, public = plans
    (name,) = [n for n in pages if n.startswith("section, page ") and n != "section, page 1"]
    page = pages[name]
    assert page.status == 200, page.path
    assert not page.problems, show(page)
    deep = int(name.rsplit(" ", 1)[1])
    assert deep > 100, f"the largest section has only {deep} pages: not a deep page"
    listing = [q for q in page.queries if "OFFSET" in q.sql or "LIMIT" in q.sql]
    assert listing, show(page)
    for query in listing:
        for line in query.plan:
            if "on articles_article " in line and "Index Only Scan" not in line:
                # The table itself: only the page's rows, by primary key.
                assert "articles_article_pkey" in line, line
                rows = int(line.split("rows=")[1].split(")")[0].split()[0].replace(",", ""))
                assert rows <= explain.SECTION_PAGE_SIZE, line
    assert public > 15_000
