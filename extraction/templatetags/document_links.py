"""Document numbers in an article's body linked to their pages, when the page is drawn.

    {% load document_links %}{{ article.body|link_documents }}

The stored body is never changed: a document added to the site tomorrow links from every
article that mentions it, and one deleted stops linking. Text already inside a link is
left alone, as are tag attributes. The known numbers are read in one query and kept in
the cache; saving or deleting a Resolution drops them (extraction.apps). With a
per-process cache, another process may keep its copy up to CACHE_SECONDS: a stale link
still lands, since old slugs redirect.
"""

from __future__ import annotations

import re

from django import template
from django.core.cache import cache
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from core.caching import cache_unreachable
from extraction.extract import DOC_NUMBER, number_key

register = template.Library()

CACHE_KEY = "extraction:document-links:v1"
CACHE_SECONDS = 600
# Tags, comments included; the body is sanitised (core.html), so tags are well formed.
_TAG = re.compile(r"<!--.*?-->|<[^>]*>", re.DOTALL)
_OPEN_A = re.compile(r"<a[\s>]", re.IGNORECASE)
_CLOSE_A = re.compile(r"</a\s*>", re.IGNORECASE)


def document_links() -> dict[str, tuple[str, str]]:
    """number key -> (page URL, the document's name), for every numbered document.

    A cache that does not answer (Redis out) costs the article page one query, not
    the page: readers still get it (public.cache renders pages without the cache)."""
    try:
        links = cache.get(CACHE_KEY)
    except Exception:
        cache_unreachable("document links read from the database")
        return _read_document_links()
    if links is None:
        links = _read_document_links()
        cache.set(CACHE_KEY, links, CACHE_SECONDS)
    return links


def _read_document_links() -> dict[str, tuple[str, str]]:
    from articles.models import Resolution

    links = {}
    for resolution in Resolution.objects.exclude(number="").only("number", "slug", "doc_type"):
        links[number_key(resolution.number)] = (
            resolution.get_absolute_url(),
            resolution.short_name,
        )
    return links


def forget_document_links(**kwargs) -> None:
    cache.delete(CACHE_KEY)


def link_numbers(html: str, links: dict[str, tuple[str, str]]) -> str:
    """html with each known number outside a link wrapped in one."""
    if not links or not html:
        return html
    out, cursor, depth = [], 0, 0
    for tag in _TAG.finditer(html):
        out.append(
            _link_text(html[cursor : tag.start()], links)
            if depth == 0
            else html[cursor : tag.start()]
        )
        token = tag.group(0)
        if _OPEN_A.match(token):
            depth += 1
        elif _CLOSE_A.match(token):
            depth = max(0, depth - 1)
        out.append(token)
        cursor = tag.end()
    rest = html[cursor:]
    out.append(_link_text(rest, links) if depth == 0 else rest)
    return "".join(out)


def _link_text(text: str, links: dict[str, tuple[str, str]]) -> str:
    def wrap(match: re.Match) -> str:
        found = links.get(number_key(match.group(0)))
        if found is None:
            return match.group(0)
        url, name = found
        # The number is text from an escaped body: it has no markup of its own to escape.
        return (
            f'<a class="doc-link" href="{escape(url)}" title="{escape(name)}">{match.group(0)}</a>'
        )

    return DOC_NUMBER.sub(wrap, text)


@register.filter(is_safe=True)
def link_documents(html) -> SafeString:
    """A sanitised body (Article.body) with its known document numbers linked."""
    # The body was sanitised when saved (Article.save); nothing here adds markup but links
    # built from our own URLs and names.
    return mark_safe(link_numbers(str(html or ""), document_links()))  # noqa: S308 - sanitised body plus escaped links  # nosec B308
