"""Known document numbers in a body linked at render time, the stored body untouched."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.cache import cache
from django.template import Context, Template

from articles.models import Resolution
from extraction.templatetags.document_links import link_numbers

pytestmark = pytest.mark.django_db

# The one-line change to templates/public/article.html that wires the filter in.
BODY_LINE = '<div class="article__body prose">{{ article.body|safe }}</div>'
LINKED_LINE = (
    '<div class="article__body prose">{% load document_links %}'
    "{{ article.body|link_documents }}</div>"
)


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def nq57():
    return Resolution.objects.create(number="57-NQ/TW", doc_type="nghi_quyet")


def render(body: str) -> str:
    return Template("{% load document_links %}{{ body|link_documents }}").render(
        Context({"body": body})
    )


def test_a_known_number_links_to_its_resolution_page(nq57):
    html = render("<p>Quán triệt Nghị quyết số 57-NQ/TW, ngày 22/12/2024.</p>")
    assert html == (
        '<p>Quán triệt Nghị quyết số <a class="doc-link" href="/van-ban/57-nq-tw/" '
        'title="Nghị quyết 57-NQ/TW">57-NQ/TW</a>, ngày 22/12/2024.</p>'
    )
    assert nq57.get_absolute_url() == "/van-ban/57-nq-tw/"


def test_unknown_numbers_dates_and_partial_mentions_are_left_alone(nq57):
    body = "<p>Chỉ thị 05-CT/TW, ngày 13/01/2025, Nghị quyết 57 và 57-NQ/TU.</p>"
    assert render(body) == body


def test_text_already_in_a_link_and_attributes_are_not_linked_again(nq57):
    body = (
        '<p><a href="/van-ban/57-nq-tw/">Nghị quyết <strong>57-NQ/TW</strong></a> và '
        '<img src="/a.png" alt="57-NQ/TW"> <a title="57-NQ/TW" href="/x">xem</a></p>'
    )
    assert render(body) == body
    # After the link closes, a later mention links.
    html = render('<p><a href="/x">57-NQ/TW</a> rồi 57-NQ/TW</p>')
    assert html.count("doc-link") == 1
    assert html.endswith(
        'rồi <a class="doc-link" href="/van-ban/57-nq-tw/" title="Nghị quyết 57-NQ/TW">57-NQ/TW</a></p>'
    )


def test_the_number_is_found_as_written_or_in_its_other_spelling(nq57):
    assert "doc-link" in render("<p>Nghị quyết 57-NQ/TƯ</p>")


def test_one_query_per_page_then_none_until_a_document_changes(nq57, django_assert_num_queries):
    with django_assert_num_queries(1):
        render("<p>57-NQ/TW</p>")
    with django_assert_num_queries(0):
        render("<p>57-NQ/TW</p>")
        render("<p>57-NQ/TW lần nữa</p>")
    Resolution.objects.create(number="45-CT/TW", doc_type="chi_thi")
    with django_assert_num_queries(1):
        assert "/van-ban/45-ct-tw/" in render("<p>Chỉ thị 45-CT/TW</p>")
    nq57.delete()
    assert "doc-link" not in render("<p>57-NQ/TW</p>")


def test_nothing_to_link_is_cheap_and_safe():
    assert link_numbers("<p>57-NQ/TW</p>", {}) == "<p>57-NQ/TW</p>"
    assert render("") == ""


def test_the_public_article_page_links_the_number_and_keeps_the_stored_body(
    client, make_article, nq57, settings, tmp_path
):
    """The public template with the one-line change (a copy, since public/ is not ours)."""
    original = Path(settings.BASE_DIR) / "templates" / "public" / "article.html"
    template = original.read_text(encoding="utf-8")
    if "link_documents" not in template:
        assert BODY_LINE in template
        template = template.replace(BODY_LINE, LINKED_LINE)
    (tmp_path / "public").mkdir()
    (tmp_path / "public" / "article.html").write_text(template, encoding="utf-8")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    ]
    body = "<p>Quán triệt Nghị quyết số 57-NQ/TW của Bộ Chính trị.</p>"
    article = make_article(title="Quán triệt Nghị quyết 57", body=body)
    page = client.get(article.get_absolute_url()).content.decode()
    assert (
        'Nghị quyết số <a class="doc-link" href="/van-ban/57-nq-tw/" '
        'title="Nghị quyết 57-NQ/TW">57-NQ/TW</a>'
    ) in page
    article.refresh_from_db()
    assert article.body == body
