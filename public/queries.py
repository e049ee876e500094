"""Query helpers that keep each public page to a fixed number of queries, whatever the
number of related rows, and deep pages of long listings cheap.

- JSONRows: a page's small related lists (an article's tags and corrections, an event's
  organisers and bridge points) come back as one JSON column of the main query instead
  of a query each.
- ArticlePaginator: a page of a listing is found on the index alone (ids, by date),
  and only its 15 rows are read: page 400 of a section reads 6,000 index entries, not
  6,000 rows.
- categories(): the sections, read once per content version and process.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from django.core.paginator import Paginator
from django.db.models import F, JSONField, Q, Subquery
from django.db.models.functions import JSONObject
from django.utils.dateparse import parse_datetime
from django.utils.functional import cached_property


class JSONRows(Subquery):
    """The rows of queryset (filtered on OuterRef, ordered) as a JSON list of objects
    with the given fields: JSONRows(Tag.objects.filter(articles=OuterRef("pk")),
    name="name", slug="slug")."""

    output_field = JSONField()

    def __init__(self, queryset, **fields):
        rows = queryset.annotate(_row=JSONObject(**{k: F(v) for k, v in fields.items()}))
        super().__init__(rows.values("_row"))

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(
            compiler,
            connection,
            template="(SELECT COALESCE(jsonb_agg(_r._row), '[]'::jsonb) FROM (%(subquery)s) _r)",
            **extra,
        )

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(
            compiler,
            connection,
            template="(SELECT json_group_array(json(_r._row)) FROM (%(subquery)s) _r)",
            **extra,
        )


def rows_of(value) -> list[dict]:
    """A JSONRows value as a list of dicts, whatever the database returned."""
    if value is None:
        return []
    if isinstance(value, str | bytes):
        value = json.loads(value)
    return list(value)


def as_datetime(value) -> datetime | None:
    """A timestamp from JSON (ISO text from either database) as an aware datetime."""
    if value is None or isinstance(value, datetime):
        return value
    moment = parse_datetime(value)
    if moment is not None and moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment


def set_prefetched(instance, relation: str, objects: list) -> None:
    """Fill instance's prefetch cache for relation (a many-to-many or reverse foreign
    key), as prefetch_related would: templates calling instance.relation.all get
    objects without a query."""
    queryset = getattr(instance, relation).get_queryset()
    queryset._result_cache = list(objects)
    queryset._prefetch_done = True
    if not hasattr(instance, "_prefetched_objects_cache"):
        instance._prefetched_objects_cache = {}
    instance._prefetched_objects_cache[relation] = queryset


class ArticlePaginator(Paginator):
    """Pages of an article listing ordered newest first.

    object_list is the filtered queryset without select_related (it is counted, and
    its ids are paged on the index: public listings have partial indexes on
    (published_at, id) and (category, published_at, id), and PostgreSQL answers from
    them alone after VACUUM); rows is the queryset the page's rows are read from.

    A long page (the sitemap's 5,000) is read as a range of the listing's order, from
    its first entry to its last, when rows filters as object_list does (say so with
    rows_are_listing): an index scan of exactly the page's rows in order. As a list of
    5,000 ids, the planner would hash-join them against a scan of the whole table.
    """

    ordering = ("-published_at", "-id")
    RANGE_FROM = 500

    def __init__(self, object_list, per_page, *, rows, rows_are_listing=False, **kwargs):
        super().__init__(object_list.order_by(*self.ordering), per_page, **kwargs)
        self.rows = rows
        self.rows_are_listing = rows_are_listing

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        if self.rows_are_listing and self.per_page >= self.RANGE_FROM:
            return self._get_page(self._range(bottom), number, self)
        ids = self.object_list.values("pk")[bottom : bottom + self.per_page]
        objects = list(self.rows.filter(pk__in=ids).order_by(*self.ordering))
        return self._get_page(objects, number, self)

    def _range(self, bottom: int) -> list:
        # The page's keys in one index-only read; only its first and last are used.
        keys = list(
            self.object_list.values_list("published_at", "pk")[bottom : bottom + self.per_page]
        )
        if not keys:
            return []
        (top_at, top_id), (end_at, end_id) = keys[0], keys[-1]
        within = (Q(published_at__lt=top_at) | Q(published_at=top_at, pk__lte=top_id)) & (
            Q(published_at__gt=end_at) | Q(published_at=end_at, pk__gte=end_id)
        )
        return list(self.rows.filter(within).order_by(*self.ordering))

    @cached_property
    def count(self):
        return self.object_list.order_by().count()


class HitsPaginator(Paginator):
    """Pages of search results given as ids in order (search.backends.ArticleHits)."""

    def __init__(self, hits, per_page, *, rows, **kwargs):
        super().__init__(hits.ids, per_page, **kwargs)
        self.hits = hits
        self.rows = rows

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        ids = self.object_list[bottom : bottom + self.per_page]
        found = {obj.pk: obj for obj in self.rows.filter(pk__in=ids)}
        return self._get_page([found[pk] for pk in ids if pk in found], number, self)


_CATEGORIES: dict[str, tuple[str, list]] = {}


def categories(request=None) -> list:
    """Every section, in menu order, each with .parent set and .child_list, read once
    per content version and process (a section's change makes a new version, see
    public.cache), else once per request. Treat them as read-only: they are shared."""
    from articles.models import Category

    if request is not None and hasattr(request, "_public_categories"):
        return request._public_categories
    token = getattr(request, "public_version", None)
    cached = _CATEGORIES.get("all")
    if token is not None and cached is not None and cached[0] == token:
        found = cached[1]
    else:
        found = list(Category.objects.order_by("order", "name"))
        by_id = {c.pk: c for c in found}
        for category in found:
            category.child_list = []
        for category in found:
            if category.parent_id in by_id:
                category.parent = by_id[category.parent_id]
                by_id[category.parent_id].child_list.append(category)
            elif category.parent_id is None:
                category.parent = None
        if token is not None:
            _CATEGORIES["all"] = (token, found)
    if request is not None:
        request._public_categories = found
    return found
