"""Running a parsed query against a model's search_vector, on PostgreSQL or SQLite.

PostgreSQL matches with a GIN-indexed tsvector and ranks with ts_rank; SQLite, the
embedded default for a laptop, matches the same stored literal with LIKE. Both
require every folded term, and rank exact (accented) matches above folded ones.
"""

from __future__ import annotations

from django.db import connections
from django.db.models import Case, F, FloatField, Func, Q, QuerySet, Value, When

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


def search_model(queryset: QuerySet, query: ParsedQuery) -> QuerySet:
    ordering = [*queryset.model._meta.ordering, "-id"]
    return matching(queryset, query).order_by("-search_rank", *ordering)
