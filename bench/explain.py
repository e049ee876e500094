"""The query plans of the public pages, read from the SQL the pages really run.

Each page is requested with the page cache off and its queries captured; every query
that reads the articles table is then run again under EXPLAIN (ANALYZE, FORMAT JSON),
with the planner settings the page itself set for it (search.backends sets some for
its GIN query, in a transaction around that one query: replayed the same way). No
planner setting is added here: the plans are the ones production gets.

With prepared statements on (settings: DATABASE_PREPARED_STATEMENTS), PostgreSQL may
run a statement it has seen five times with a generic plan, made without the values;
each query is then also explained under that plan (plan_cache_mode =
force_generic_plan), so the check holds for the plans production ends up running.

A plan is flagged when it scans the articles (or their tag links) sequentially, or
sorts more than a small share of the articles: what a listing without the right
index does, and what `page=400` of a section must not do.

    .venv/bin/python -m bench.explain        # on DATABASE_URL, prints JSON

bench/run.py runs it on the 100,000-article corpus and keeps the plans in its report;
tests/test_explain.py runs it on a smaller corpus in `make test`.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, dataclass, field

# Tables a public listing must never read whole.
WATCHED = {"articles_article", "articles_article_tags"}
# A sort of more than this share of the articles is a sort of "the whole table", what
# an index in the listing's order avoids. A deep page of a section with an OFFSET may
# still sort that section's index entries (up to the offset, never table rows): the
# rows it skips must be read in order one way or another, and the section is a part.
SORT_SHARE = 0.5
SECTION_PAGE_SIZE = 15


@dataclass
class QueryPlan:
    sql: str
    settings: str
    plan: list[str]
    problems: list[str]
    ms: float


@dataclass
class PagePlans:
    name: str
    path: str
    status: int
    queries: list[QueryPlan] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        return [p for q in self.queries for p in q.problems]

    def indexes(self) -> set[str]:
        """The indexes the plans read the articles through (a bitmap index scan names
        no table: the articles' own indexes are named article_* or articles_article_*)."""
        found = set()
        for query in self.queries:
            for line in query.plan:
                if " using " not in line:
                    continue
                name = line.split(" using ", 1)[1].split(" ", 1)[0]
                if " on articles_article " in line or (
                    " on " not in line and name.startswith(("article_", "articles_article_"))
                ):
                    found.add(name)
        return found


def _children(node: dict) -> list[dict]:
    return node.get("Plans", [])


def _rows_in(node: dict) -> float:
    return sum(c.get("Actual Rows", 0) * c.get("Actual Loops", 1) for c in _children(node))


def _describe(node: dict) -> str:
    text = node["Node Type"]
    if node.get("Index Name"):
        text += f" using {node['Index Name']}"
    if node.get("Relation Name"):
        text += f" on {node['Relation Name']}"
    loops = node.get("Actual Loops", 1)
    text += f" (rows={node.get('Actual Rows', 0):,.0f}" + (f" loops={loops})" if loops > 1 else ")")
    return text


def read_plan(root: dict, articles: int) -> tuple[list[str], list[str]]:
    """(the plan as indented lines, what is wrong with it)."""
    lines: list[str] = []
    problems: list[str] = []
    sort_limit = SORT_SHARE * articles

    def walk(node: dict, depth: int) -> None:
        lines.append("  " * depth + _describe(node))
        kind = node["Node Type"]
        if kind == "Seq Scan" and node.get("Relation Name") in WATCHED:
            problems.append(f"Seq Scan on {node['Relation Name']}")
        if kind in ("Sort", "Incremental Sort") and _rows_in(node) > sort_limit:
            problems.append(f"{kind} of {_rows_in(node):,.0f} rows (limit {sort_limit:,.0f})")
        for child in _children(node):
            walk(child, depth + 1)

    walk(root, 0)
    return lines, problems


GENERIC = "generic plan"


def _numbered(sql: str) -> tuple[str, int]:
    """Django's SQL with its %s placeholders numbered $1, $2, … (and %% as %), for PREPARE."""
    out, count, i = [], 0, 0
    while i < len(sql):
        if sql.startswith("%%", i):
            out.append("%")
            i += 2
        elif sql.startswith("%s", i):
            count += 1
            out.append(f"${count}")
            i += 2
        else:
            out.append(sql[i])
            i += 1
    return "".join(out), count


def _explain(cursor, connection, sql: str, params, generic: bool):
    if not generic:
        literal = sql if params is None else connection.ops.compose_sql(sql, params)
        cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + literal)
        return cursor.fetchone()[0], literal
    numbered, count = _numbered(sql)
    cursor.execute("SET LOCAL plan_cache_mode = force_generic_plan")
    cursor.execute(f"PREPARE explained AS {numbered}")
    values = connection.ops.compose_sql(", ".join(["%s"] * count), params) if count else ""
    cursor.execute(
        f"EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE explained{f'({values})' if count else ''}"
    )
    result = cursor.fetchone()[0]
    # Prepared statements outlive the transaction; an error above fails the check anyway.
    cursor.execute("DEALLOCATE explained")
    return result, numbered


def explain_page(client, connection, name: str, path: str, articles: int) -> PagePlans:
    from django.db import transaction

    captured = []

    def record(execute, sql, params, many, context):
        captured.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        status = client.get(path).status_code
    prepared = bool(connection.settings_dict.get("OPTIONS", {}).get("server_side_binding"))
    page = PagePlans(name, path, status)
    pending = ""
    for sql, params in captured:
        if sql.startswith("SELECT set_config("):
            pending = connection.ops.compose_sql(sql, params) if params else sql
            continue
        if not sql.startswith("SELECT") or "articles_article" not in sql:
            continue
        for generic in (False, True) if prepared else (False,):
            with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
                if pending:
                    cursor.execute(pending)
                result, shown = _explain(cursor, connection, sql, params, generic)
            result = json.loads(result) if isinstance(result, str) else result
            lines, problems = read_plan(result[0]["Plan"], articles)
            settings = "; ".join(filter(None, [pending, GENERIC if generic else ""]))
            page.queries.append(
                QueryPlan(shown, settings, lines, problems, round(result[0]["Execution Time"], 2))
            )
        pending = ""
    return page


def public_pages(deep_page: int = 400) -> dict[str, str]:
    """The pages whose plans matter, chosen from the corpus: the largest section (and
    its page deep_page, or its last page if it has fewer), the most used tag."""
    from django.db.models import Count

    from articles.models import Article, Category, Tag

    public = Article.objects.public()

    def size(root) -> tuple[int, list[int]]:
        # A root section lists its sub-sections' articles too.
        ids = [root.pk, *Category.objects.filter(parent=root).values_list("pk", flat=True)]
        return public.filter(category__in=ids).count(), ids

    sizes = {root: size(root)[0] for root in Category.objects.filter(parent__isnull=True)}
    section = max(sizes, key=lambda root: (sizes[root], -root.pk))
    pages = max(1, -(-sizes[section] // SECTION_PAGE_SIZE))
    tag = Tag.objects.annotate(n=Count("articles")).order_by("-n", "pk").first()
    url = section.get_absolute_url()
    return {
        "home": "/",
        "section, page 1": url,
        f"section, page {min(deep_page, pages)}": f"{url}?page={min(deep_page, pages)}",
        "tag": tag.get_absolute_url(),
        "search: nghị quyết": "/tim-kiem/?q=ngh%E1%BB%8B+quy%E1%BA%BFt",
        "search: nghi quyet": "/tim-kiem/?q=nghi+quyet",
        "search: mây tre đan (rare)": "/tim-kiem/?q=m%C3%A2y+tre+%C4%91an",
        "search: may tre dan (rare)": "/tim-kiem/?q=may+tre+dan",
        "sitemap index": "/sitemap.xml",
        "sitemap, articles page 1": "/sitemap-bai-viet.xml",
    }


def explain_public_pages(client, connection, deep_page: int = 400) -> list[PagePlans]:
    from articles.models import Article

    articles = Article.objects.count()
    return [
        explain_page(client, connection, name, path, articles)
        for name, path in public_pages(deep_page).items()
    ]


def main() -> int:
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings

    host = settings.ALLOWED_HOSTS[0] if settings.ALLOWED_HOSTS else "127.0.0.1"
    with override_settings(PUBLIC_CACHE_TIMEOUT=0):
        client = Client(HTTP_HOST=host)
        client.get("/")  # one-off work of a fresh process is not a page's
        pages = explain_public_pages(client, connection)
    json.dump(
        [asdict(p) | {"problems": p.problems, "indexes": sorted(p.indexes())} for p in pages],
        sys.stdout,
        ensure_ascii=False,
    )
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
