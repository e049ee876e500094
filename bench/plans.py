"""EXPLAIN ANALYZE of the queries behind the public listings, on whatever database the
settings name: the benchmark runs it on the 100,000-article corpus and keeps the plans.

    python -m bench.plans            # prints JSON: each query, its plan, the indexes used

The queries are the ones the views run (the same querysets and functions), so a plan
here is the plan a reader's request gets.
"""

from __future__ import annotations

import json
import os
import re
import sys


def _setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")
    import django

    django.setup()


def listing_queries() -> dict:
    """name -> (sql, params) of each public listing query, as the views build them."""
    from articles.models import Article, Category
    from public.queries import ArticlePaginator
    from public.views import PAGE_SIZE

    public = Article.objects.public()
    listing = Article.objects.for_listing()
    biggest = max(
        Category.objects.filter(parent__isnull=True),
        key=lambda c: public.filter(
            category_id__in=[c.pk, *c.children.values_list("pk", flat=True)]
        ).count(),
    )
    ids = [biggest.pk, *biggest.children.values_list("pk", flat=True)]
    section = public.filter(category_id__in=ids)
    deep = ArticlePaginator(section, PAGE_SIZE, rows=listing)
    page_400 = section.order_by("-published_at", "-id").values("pk")[
        399 * PAGE_SIZE : 400 * PAGE_SIZE
    ]
    queries = {
        "home: latest": public.for_listing()[:9],
        "home: a section's newest five": public.filter(category_id__in=ids)
        .order_by("-published_at", "-id")
        .values("pk")[:5],
        "section: count": section.order_by().values("pk"),
        "section: page 400, ids": page_400,
        "section: page 400, rows": listing.filter(pk__in=page_400).order_by(*deep.ordering),
        "sitemap: count": public.order_by().values("pk"),
        "sitemap: latest change": public.order_by("-updated_at").values("updated_at")[:1],
        "sitemap: page 19, ids": public.order_by("-published_at", "-id").values("pk")[90000:95000],
    }
    out = {}
    for name, qs in queries.items():
        sql, params = qs.query.sql_with_params()
        if name.endswith(": count"):
            sql = f"SELECT count(*) FROM ({sql}) AS c"  # noqa: S608 - ORM-built SQL
        out[name] = (sql, params)
    return out


def search_queries(texts: list[str]) -> dict:
    """The SQL search.backends runs for each query, captured as it runs."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from articles.models import Article
    from search.backends import search_public_articles
    from search.tokens import parse_query

    out = {}
    for text in texts:
        with CaptureQueriesContext(connection) as ctx:
            hits = search_public_articles(Article.objects.public(), parse_query(text))
        for i, query in enumerate(ctx.captured_queries):
            sql = query["sql"]
            if "set_config" in sql or "pg_stats" in sql or not sql.startswith("SELECT"):
                continue
            out[f"search {text!r} ({hits.strategy}) #{i}"] = (sql, None)
    return out


def explain(sql: str, params, settings_sql: str | None = None) -> str:
    from django.db import connection, transaction

    with transaction.atomic(), connection.cursor() as cursor:
        if settings_sql:
            cursor.execute(settings_sql)
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def summarize(plan: str) -> dict:
    scans = re.findall(
        r"((?:Parallel )?(?:Index Only Scan|Index Scan|Bitmap Index Scan|Seq Scan|Bitmap Heap Scan)[^\n(]*)",
        plan,
    )
    time_ms = re.search(r"Execution Time: ([\d.]+) ms", plan)
    return {
        "scans": [s.strip() for s in scans],
        "seq_scan_on_articles": any(
            s.strip().startswith(
                ("Seq Scan on articles_article", "Parallel Seq Scan on articles_article")
            )
            for s in scans
        ),
        "execution_ms": float(time_ms.group(1)) if time_ms else None,
    }


def main() -> None:
    _setup()
    from django.db import connection

    if connection.vendor != "postgresql":
        raise SystemExit("EXPLAIN plans are for PostgreSQL.")
    queries = listing_queries()
    queries.update(search_queries(["nghị quyết", "nghi quyet", "mây tre đan", "may tre dan"]))
    result = {}
    for name, (sql, params) in queries.items():
        plan = explain(sql, params)
        result[name] = {**summarize(plan), "plan": plan}
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
