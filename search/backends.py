"""Running a parsed query against a model's search_vector, on PostgreSQL or SQLite.

PostgreSQL matches with a GIN-indexed tsvector and ranks with ts_rank; SQLite, the
embedded default for a laptop, matches the same stored literal with LIKE. Both
require every folded term, and rank exact (accented) matches above folded ones.
"""

from __future__ import annotations

from django.db import connections
from django.db.models import Case, F, FloatField, Func, IntegerField, QuerySet, Value, When
from django.db.models.functions import Coalesce

from .tokens import ParsedQuery

EXACT_MATCH_BONUS = 2.0


class ToTSQuery(Func):
    function = "to_tsquery"
    template = "%(function)s('simple', %(expressions)s)"


class TSRank(Func):
    function = "ts_rank"
    output_field = FloatField()


def _tsquery(terms: list[str], operator: str) -> str:
    # Terms come from search.tokens.WORD: letters and digits only, nothing tsquery parses.
    return f" {operator} ".join(f"'{term}'" for term in terms)


def _is_postgresql(queryset: QuerySet) -> bool:
    return connections[queryset.db].vendor == "postgresql"


def matching(queryset: QuerySet, query: ParsedQuery) -> QuerySet:
    """queryset narrowed to rows containing every term of query, annotated with search_rank."""
    if not query:
        return queryset.none()
    if _is_postgresql(queryset):
        folded = _tsquery(query.folded, "&")
        rank = TSRank(F("search_vector"), ToTSQuery(Value(folded)))
        if query.exact:
            rank = rank + EXACT_MATCH_BONUS * TSRank(
                F("search_vector"), ToTSQuery(Value(_tsquery(query.exact, "|")))
            )
        return queryset.filter(search_vector__matches=folded).annotate(search_rank=rank)

    for term in query.folded:
        queryset = queryset.filter(search_vector__contains=f"'{term}':")
    exact_hits = [
        Case(
            When(search_vector__contains=f"'{term}':", then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
        for term in query.exact
    ]
    rank = sum(exact_hits[1:], exact_hits[0]) if exact_hits else Value(0)
    return queryset.annotate(search_rank=Coalesce(rank, Value(0), output_field=FloatField()))


def search_articles(queryset: QuerySet, query: ParsedQuery) -> QuerySet:
    return matching(queryset, query).order_by("-search_rank", "-published_at", "-id")


def search_model(queryset: QuerySet, query: ParsedQuery) -> QuerySet:
    ordering = [*queryset.model._meta.ordering, "-id"]
    return matching(queryset, query).order_by("-search_rank", *ordering)
