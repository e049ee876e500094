"""Running a parsed query against a model's search_vector, on PostgreSQL or SQLite.

PostgreSQL matches with a GIN-indexed tsvector and ranks with ts_rank; SQLite, the
embedded default for a laptop, matches the same stored literal with LIKE. Both
require every folded term, and rank exact (accented) matches above folded ones.
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import lru_cache

from django.db import connections, router, transaction
from django.db.models import Case, F, FloatField, Func, Q, QuerySet, Value, When
from django.utils import timezone

from .tokens import ParsedQuery

EXACT_MATCH_BONUS = 2.0


class ToTSQuery(Func):
    """A tsquery taken as written: its terms are tokens already (see search.tokens), and
    to_tsquery() would split them again by the database's locale ("km²" -> 'km')."""

    template = "(%(expressions)s)::tsquery"


class TSRank(Func):
    function = "ts_rank"
    output_field = FloatField()


def _tsquery(terms: list[str], operator: str, prefix_last: bool = False) -> str:
    # Terms come from search.tokens.WORD: letters and digits only, nothing tsquery parses.
    quoted = [f"'{term}'" for term in terms]
    if prefix_last:
        quoted[-1] += ":*"
    return f" {operator} ".join(quoted)


@contextmanager
def _planned_with(using: str, **settings: str):
    """A transaction whose statements PostgreSQL plans with settings (planner settings
    such as enable_seqscan), set for the transaction only, in one query."""
    with transaction.atomic(using=using), connections[using].cursor() as cursor:
        cursor.execute(
            "SELECT " + ", ".join(["set_config(%s, %s, true)"] * len(settings)),
            [part for setting in settings.items() for part in setting],
        )
        yield


def _is_postgresql(queryset: QuerySet) -> bool:
    return connections[queryset.db].vendor == "postgresql"


def matching(queryset: QuerySet, query: ParsedQuery, *, prefix: bool = False) -> QuerySet:
    """queryset narrowed to rows containing every term of query, annotated with search_rank.

    With prefix, the last term also matches longer words ("tô l" finds "Tô Lâm"), for
    pickers that search as the user types.
    """
    if not query:
        return queryset.none().annotate(search_rank=Value(0.0, output_field=FloatField()))
    if _is_postgresql(queryset):
        folded = _tsquery(query.folded, "&", prefix_last=prefix)
        rank = TSRank(F("search_vector"), ToTSQuery(Value(folded)))
        if query.exact:
            rank = rank + EXACT_MATCH_BONUS * TSRank(
                F("search_vector"), ToTSQuery(Value(_tsquery(query.exact, "|")))
            )
        return queryset.filter(search_vector__matches=folded).annotate(search_rank=rank)

    # SQLite: the same literal, matched with LIKE. A term counts more where it appears
    # as typed, with its diacritics, and where it is in the title: title words come
    # first in the literal, so the token's first position carries weight A
    # ("'khoa':3A,41C"), and titles are shorter than 100 words.
    for i, term in enumerate(query.folded):
        is_prefix = prefix and i == len(query.folded) - 1
        queryset = queryset.filter(
            search_vector__contains=f"'{term}" if is_prefix else f"'{term}':"
        )
    hits = [
        _hit(Q(search_vector__contains=f"'{term}':"), EXACT_MATCH_BONUS) for term in query.exact
    ] + [
        _hit(Q(search_vector__like=f"%'{term}':_A%") | Q(search_vector__like=f"%'{term}':__A%"), 1)
        for term in query.folded
    ]
    return queryset.annotate(search_rank=sum(hits[1:], hits[0]))


def _hit(condition: Q, weight: float) -> Case:
    return Case(When(condition, then=Value(weight)), default=Value(0.0), output_field=FloatField())


def search_articles(queryset: QuerySet, query: ParsedQuery) -> QuerySet:
    return matching(queryset, query).order_by("-search_rank", "-published_at", "-id")


def search_model(queryset: QuerySet, query: ParsedQuery, *, window: int | None = None) -> QuerySet:
    """Rows matching query, best first; with window, only the first `window` matches in
    the model's own order (the newest events and documents) are ranked."""
    ordering = [*queryset.model._meta.ordering, "-id"]
    matches = matching(queryset, query)
    if window is not None:
        matches = matches.filter(pk__in=matches.order_by(*ordering).values("pk")[:window])
    return matches.order_by("-search_rank", *ordering)


# Beside the article results the search page shows a few events, documents and people.
# Ranking every match of a common phrase ("nghị quyết" is in a third of all events)
# would cost more than the rest of the page, so only the newest GLANCE_WINDOW are.
GLANCE_WINDOW = 150


@dataclass(frozen=True)
class Glance:
    """What a glance shows: the best `count` matches of model, read with fields only."""

    model: type
    count: int
    fields: tuple[str, ...]


def search_glances(query: ParsedQuery, glances: dict[str, Glance]) -> dict[str, list]:
    """For each glance, the best of the newest GLANCE_WINDOW matches of query.

    On PostgreSQL a glance's statement is the same for every query with exact forms,
    and for every one without (the terms are parameters), and the ORM takes longer to
    build it (2-3 ms) than the database to run it: it is built once per process and
    shape. Prepared, PostgreSQL would soon plan it once for all terms, and the plan
    that suits rare terms (the GIN index, then sort) takes 3-4 times as long as the
    custom one for a phrase in a third of all events (walk the newest): the glances
    are planned for their terms."""
    if not query or not glances:
        return {name: [] for name in glances}
    using = router.db_for_read(next(iter(glances.values())).model)
    if connections[using].vendor != "postgresql":
        return {name: list(_glance_queryset(g, query)) for name, g in glances.items()}
    values = {
        _FOLDED_PLACEHOLDER: _tsquery(query.folded, "&"),
        _EXACT_PLACEHOLDER: _tsquery(query.exact, "|"),
    }
    found = {}
    with _planned_with(using, plan_cache_mode="force_custom_plan"):
        for name, g in glances.items():
            sql, params = _glance_statement(g, bool(query.exact), using)
            rows = g.model._default_manager.db_manager(using).raw(
                sql, [values.get(param, param) for param in params]
            )
            found[name] = list(rows)
    return found


# What the built statement is built for: its parameters equal to these stand for the
# query's terms, the others are constants.
_PLACEHOLDER_QUERY = ParsedQuery(text="", folded=["FOLDEDTERM"], exact=["EXACTTERM"])
_FOLDED_PLACEHOLDER = _tsquery(_PLACEHOLDER_QUERY.folded, "&")
_EXACT_PLACEHOLDER = _tsquery(_PLACEHOLDER_QUERY.exact, "|")


def _glance_queryset(glance: Glance, query: ParsedQuery) -> QuerySet:
    queryset = glance.model._default_manager.only(*glance.fields)
    return search_model(queryset, query, window=GLANCE_WINDOW)[: glance.count]


@lru_cache(maxsize=64)
def _glance_statement(glance: Glance, has_exact: bool, using: str) -> tuple[str, tuple]:
    placeholder = replace(_PLACEHOLDER_QUERY, exact=_PLACEHOLDER_QUERY.exact if has_exact else [])
    return _glance_queryset(glance, placeholder).query.get_compiler(using=using).as_sql()


# Public article search over a large corpus ----------------------------------------------
#
# Measured on 100,000 articles (docs/PERFORMANCE.md): testing one article against a
# query reads its vector from TOAST (~8 µs) and ts_rank reads it again (~12 µs per
# call); reading a match's row through the GIN index costs ~1.7 µs. So ranking is kept
# to a window, common queries walk the newest articles, rare ones use the index.

# The newest RANK_WINDOW matches are ordered by relevance × recency; later ones by date.
RANK_WINDOW = 150
# A common query lists its newest WALK_SHOWN matches and says "more than" that many;
# one through the index lists INDEX_SHOWN and counts exactly up to INDEX_COUNTED.
WALK_SHOWN = 500
INDEX_SHOWN = 1000
INDEX_COUNTED = 10_000
# Terms expected together in at least this share of articles make a common query: its
# matches are found by walking the articles newest first (a 93,000-entry posting list
# would cost more to read than the ~550 vectors the walk tests), never reading more
# than WALK_LIMIT articles; if that finds fewer than WALK_SHOWN + 1, the index answers.
COMMON_SHARE = 0.1
WALK_LIMIT = 6000
# A year-old article's relevance counts half, a two-year-old's a third: news ranking.
RECENCY_DAYS = 365.0


@dataclass
class ArticleHits:
    """The public articles matching a query: ids in display order, and how many match.

    count is exact unless more_than is set: then more than count articles match and
    the first count are listed.
    """

    ids: list[int]
    count: int
    more_than: bool = False
    strategy: str = ""


_FREQUENCY_CACHE: dict[str, tuple[float, dict[str, float]]] = {}


def _frequencies(using: str) -> dict[str, float]:
    """Lexeme → share of articles containing it, from PostgreSQL's own statistics
    (ANALYZE keeps the ~1,000 commonest lexemes of a tsvector column), read once per
    process every ten minutes."""
    now = time.monotonic()
    cached = _FREQUENCY_CACHE.get(using)
    if cached and now - cached[0] < 600:
        return cached[1]
    with connections[using].cursor() as cursor:
        cursor.execute(
            "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats "
            "WHERE tablename = 'articles_article' AND attname = 'search_vector'"
        )
        row = cursor.fetchone()
    frequencies = dict(zip(row[0], row[1], strict=False)) if row and row[0] else {}
    _FREQUENCY_CACHE[using] = (now, frequencies)
    return frequencies


def expected_share(query: ParsedQuery, using: str) -> float:
    """The share of articles expected to contain every folded term, as if independent."""
    frequencies = _frequencies(using)
    share = 1.0
    for term in query.folded:
        share *= frequencies.get(term, 0.0)
    return share


def search_public_articles(public: QuerySet, query: ParsedQuery) -> ArticleHits:
    """The articles of public (Article.objects.public()) that match query, for the
    search page. Both spellings of a query (with or without diacritics) match the same
    articles: matching is on folded terms; exact ones only rank higher."""
    if not query:
        return ArticleHits(ids=[], count=0)
    if not _is_postgresql(public):
        return _search_public_simple(public, query)
    using = public.db
    folded = _tsquery(query.folded, "&")
    found = None
    if expected_share(query, using) >= COMMON_SHARE:
        found = _walk_newest(public, folded, using)
    if found is None:
        found = _through_index(public, folded, using)
    ranked = _rank_window(public.model, found.ids[:RANK_WINDOW], query, using)
    return ArticleHits(
        ids=ranked + found.ids[len(ranked) :],
        count=found.count,
        more_than=found.more_than,
        strategy=found.strategy,
    )


@dataclass
class _Found:
    # Newest first, those listed. Ids only: a page of 500 or 10,000 of them would spend
    # more on parsing dates than the database spent finding them; the ranking reads
    # the dates it needs.
    ids: list[int]
    count: int
    more_than: bool
    strategy: str


def _walk_newest(public: QuerySet, folded: str, using: str) -> _Found | None:
    """The newest articles, each tested against the query, until WALK_SHOWN + 1 match
    (a few hundred reads for terms in most articles) or WALK_LIMIT have been read."""
    newest = public.order_by("-published_at", "-id").values("id", "search_vector")
    inner, params = newest[:WALK_LIMIT].query.sql_with_params()
    sql = (
        f"SELECT w.id FROM ({inner}) AS w "  # noqa: S608 - ORM-built SQL  # nosec B608
        "WHERE w.search_vector @@ (%s)::tsquery LIMIT %s"
    )
    with connections[using].cursor() as cursor:
        cursor.execute(sql, [*params, folded, WALK_SHOWN + 1])
        ids = [pk for (pk,) in cursor.fetchall()]
    if len(ids) <= WALK_SHOWN:
        return None  # rarer than the statistics said: the index has them all
    return _Found(ids[:WALK_SHOWN], WALK_SHOWN, True, "walk")


def _through_index(public: QuerySet, folded: str, using: str) -> _Found:
    """Through the GIN index: each match's date is read from its row, never its vector
    (an & of plain lexemes needs no recheck), and one sort gives both the newest
    matches and the count, exact up to INDEX_COUNTED."""
    matches = public.filter(search_vector__matches=folded).order_by("-published_at", "-id")
    # The planner does not count the cost of reading vectors from TOAST; left alone it
    # may walk the date index testing every article. Keep it on the GIN index.
    with _planned_with(using, enable_seqscan="off", enable_indexscan="off"):
        ids = list(matches.values_list("id", flat=True)[: INDEX_COUNTED + 1])
    count = min(len(ids), INDEX_COUNTED)
    return _Found(ids[:INDEX_SHOWN], count, len(ids) > INDEX_COUNTED, "index")


def _rank_window(model, window: list[int], query, using: str) -> list[int]:
    """The ids of window ordered by relevance scaled by recency (a year-old article's
    relevance counts half), then newest first.

    Relevance is ts_rank of the terms taken each on its own (an OR query), folded plus
    EXACT_MATCH_BONUS times the exact forms. Every article here contains every term, so
    AND ranking would only add proximity, and it costs the product of the terms'
    positions: ~50 µs an article for "nghi quyet", against ~10 µs. Ordered in the
    database, which returns ids alone, and the window is one array parameter, so the
    statement is the same for every query and psycopg prepares it once."""
    if not window:
        return []
    connection = connections[using]
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    vector, published, pk = (quote(name) for name in ("search_vector", "published_at", "id"))
    relevance = f"ts_rank({vector}, (%s)::tsquery)"
    params: list = [_tsquery(query.folded, "|")]
    if query.exact:
        relevance += f" + %s * ts_rank({vector}, (%s)::tsquery)"
        params += [EXACT_MATCH_BONUS, _tsquery(query.exact, "|")]
    age_days = f"GREATEST(0, EXTRACT(EPOCH FROM (%s - {published})) / 86400)"
    sql = (
        f"SELECT {pk} FROM {table} WHERE {pk} = ANY(%s) "  # noqa: S608 - names from _meta  # nosec B608
        f"ORDER BY COALESCE({relevance}, 0) / (1 + {age_days} / %s) DESC, "
        f"{published} DESC, {pk} DESC"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [window, *params, timezone.now(), RECENCY_DAYS])
        return [found for (found,) in cursor.fetchall()]


def _search_public_simple(public: QuerySet, query: ParsedQuery) -> ArticleHits:
    """SQLite (a laptop, the tests): every match ranked, as search_articles does."""
    results = search_articles(public, query)
    ids = list(results.values_list("id", flat=True)[: INDEX_COUNTED + 1])
    return ArticleHits(
        ids=ids[:INDEX_SHOWN],
        count=min(len(ids), INDEX_COUNTED),
        more_than=len(ids) > INDEX_COUNTED,
        strategy="simple",
    )
