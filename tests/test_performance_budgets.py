"""Query budgets of the public pages: a fixed maximum per page type, whatever the number
of related rows on the page (people, documents, tags, corrections, articles, sections).

Counted with the page cache off (a cache hit makes no query at all, see
tests/test_caching.py) and on an anonymous request. Each budget is checked twice: on a
small world and after the related rows have been multiplied; the count must not move.
The staff workspace has its own budgets, kept with the workspace.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import (
    Article,
    BridgePoint,
    Category,
    Correction,
    Event,
    EventParticipant,
    Organization,
    Participant,
    Resolution,
    Tag,
)

Status = Article.Status

# The budgets. The article's is the issue's: at most 8 with 10 people, 3 documents
# and 6 related articles (it takes 7: see public.views.article).
BUDGETS = {
    "home": 8,
    "section": 5,
    "section, page 3": 5,
    "sub-section": 5,
    "tag": 5,
    "article": 8,
    "event": 6,
    "participant": 5,
    "resolution": 6,
    "event index": 4,
    "participant index": 3,
    "resolution index": 3,
    # The worst path: PostgreSQL's word statistics (kept across tests: ANALYZE is not
    # rolled back) call the phrase common, the walk over the newest articles finds too
    # few, and the GIN index answers after all. One query more than either path alone.
    # The glances beside the articles run in a transaction of their own that has them
    # planned for their terms (search.backends.search_glances): one query, and in a
    # test the savepoint and its release, as for the GIN index path.
    "search, common": 14,
    "search, rare": 13,
    "search, events": 4,
    "feed": 2,
    "section feed": 4,
    "sitemap index": 7,
    "sitemap, articles": 3,
    "sitemap, events": 3,
}


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PUBLIC_CACHE_TIMEOUT = 0
    cache.clear()


def make_world(scale: int, p: str = "") -> dict:
    """Everything a page can show, scale times over (scale 1 is already more than one);
    p prefixes unique names, so that two worlds can live in one database."""
    now = timezone.now()
    roots = [Category.objects.create(name=f"{p}Chuyên mục {i}", order=i) for i in range(2 + scale)]
    subs = [
        Category.objects.create(name=f"{p}Mục con {i}.{j}", parent=root)
        for i, root in enumerate(roots)
        for j in range(1 + scale)
    ]
    orgs = [Organization.objects.create(name=f"{p}Cơ quan {i}") for i in range(2 * scale)]
    docs = [
        Resolution.objects.create(number=f"{p}{i + 1}-NQ/TU", subject=f"về nhiệm vụ {i} năm nay")
        for i in range(3 * scale)
    ]
    for doc in docs[1:]:
        doc.related_documents.add(docs[0])
    people = [
        Participant.objects.create(full_name=f"{p}Nguyễn Văn Người{i}", positions="Phó Bí thư")
        for i in range(10 * scale)
    ]
    event = Event.objects.create(
        title=f"{p}Hội nghị quán triệt nghị quyết", starts_at=now - timedelta(days=2)
    )
    event.organizers.set(orgs)
    event.resolutions.set(docs)
    points = [
        BridgePoint.objects.create(event=event, level=level, count=3 * scale)
        for level in (BridgePoint.Level.PROVINCIAL, BridgePoint.Level.DISTRICT)
    ]
    for i, person in enumerate(people):
        EventParticipant.objects.create(
            event=event,
            participant=person,
            role=EventParticipant.Role.PRESIDING if i < 2 else EventParticipant.Role.ATTENDING,
            bridge_point=points[0] if i < 2 else None,
            order=i,
        )
    upcoming = Event.objects.create(title="Hội thảo sắp tới", starts_at=now + timedelta(days=3))
    tags = [Tag.objects.create(name=f"{p}Thẻ {i}") for i in range(4 * scale)]
    articles = []
    for i in range(45 * scale):
        article = Article.objects.create(
            title=f"Tin số {i} về nghị quyết",
            sapo="Quán triệt nghị quyết trong toàn Đảng bộ.",
            body="<p>Nghị quyết được triển khai sâu rộng.</p>",
            category=subs[i % len(subs)],
            status=Status.PUBLISHED,
            published_at=now - timedelta(hours=i + 1),
            is_featured=i == 3,
        )
        article.tags.set(tags[: 1 + i % len(tags)])
        articles.append(article)
    main = articles[0]
    main.events.set([event, upcoming])
    main.participants.set(people)
    main.resolutions.set(docs[:3] if scale == 1 else docs)
    for other in articles[1 : 1 + 6 * scale]:
        other.events.add(event)
        other.resolutions.add(docs[0])
    editor = None
    for i in range(2 * scale):
        from django.contrib.auth import get_user_model

        editor = editor or get_user_model().objects.create_user(f"{p}dinh-chinh", password="x" * 12)
        Correction.objects.create(article=main, text=f"Đính chính {i}.", created_by=editor)
    rare = articles[-1]
    rare.title = "Làng nghề mây tre đan"
    rare.save()
    # A few readers must never see: a draft and a scheduled article linked to everything.
    for status, when in ((Status.DRAFT, None), (Status.PUBLISHED, now + timedelta(days=1))):
        hidden = Article.objects.create(
            title="Bài chưa công khai", category=subs[0], status=status, published_at=when
        )
        hidden.events.add(event)
        hidden.participants.set(people)
    return {
        "home": "/",
        "section": roots[0].get_absolute_url(),
        "section, page 3": roots[0].get_absolute_url() + "?page=3",
        "sub-section": subs[0].get_absolute_url(),
        "tag": tags[0].get_absolute_url(),
        "article": main.get_absolute_url(),
        "event": event.get_absolute_url(),
        "participant": people[0].get_absolute_url(),
        "resolution": docs[0].get_absolute_url(),
        "event index": "/su-kien/",
        "participant index": "/nhan-vat/",
        "resolution index": "/van-ban/",
        "search, common": "/tim-kiem/?q=nghị+quyết",
        "search, rare": "/tim-kiem/?q=may+tre+dan",
        "search, events": "/tim-kiem/?q=hoi+nghi&loai=su-kien",
        "feed": "/rss/",
        "section feed": roots[0].get_absolute_url() + "rss/",
        "sitemap index": "/sitemap.xml",
        "sitemap, articles": "/sitemap-bai-viet.xml",
        "sitemap, events": "/sitemap-su-kien.xml",
    }


def count_queries(client, urls: dict) -> dict[str, int]:
    """Queries per page in the steady state: each page once before counting, so that
    one-off work of a fresh process (Django probing the database's JSON support, say)
    is not counted."""
    counts = {}
    for name, url in urls.items():
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        counts[name] = len(ctx.captured_queries)
    return counts


@pytest.fixture
def small(db):
    return make_world(scale=1)


def test_every_public_page_keeps_to_its_budget(client, small):
    counts = count_queries(client, small)
    over = {name: (n, BUDGETS[name]) for name, n in counts.items() if n > BUDGETS[name]}
    assert not over, f"over budget (queries, budget): {over}; all: {counts}"


def test_the_article_page_has_at_most_8_queries_with_10_people_3_documents_6_related(client, small):
    response = client.get(small["article"])
    html = response.content.decode()
    assert html.count('class="people__name"') == 10
    assert html.count('href="/van-ban/') >= 3
    related = html.split('id="tin-lien-quan"', 1)[1]
    assert related.count('class="card__title"') == 6
    with CaptureQueriesContext(connection) as ctx:
        client.get(small["article"])
    assert len(ctx.captured_queries) <= 8, [q["sql"][:120] for q in ctx.captured_queries]


@pytest.mark.postgres
def test_the_article_pages_queries_are_planned_once_per_connection(client, small):
    # Server-side binding (settings: DATABASE_PREPARED_STATEMENTS): after a few
    # requests PostgreSQL runs the page's queries from prepared statements instead
    # of parsing and planning them again each time, and the page stays the same.
    first = client.get(small["article"]).content
    for _ in range(6):
        assert client.get(small["article"]).content == first
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert any('FROM "articles_article"' in sql and '"slug" =' in sql for sql in prepared), prepared


def test_budgets_do_not_grow_with_the_number_of_related_rows(client, small):
    small_counts = count_queries(client, small)
    # A second world with every kind of related row three times over: people,
    # documents, tags, corrections, organisers, bridge points, related articles,
    # sections and sub-sections, articles in the listings.
    big_counts = count_queries(client, make_world(scale=3, p="lớn-"))
    assert big_counts == small_counts


# The staff workspace ---------------------------------------------------------------
#
# Its lists and dashboard, per role, with a budget that holds whatever the number of
# articles in every state, of groups and of permissions (held through groups and
# directly): a permission check reads the user's permissions once per request, never
# once per article or per group.

from django.contrib.auth.models import Group, Permission  # noqa: E402
from django.urls import reverse  # noqa: E402

from tests.test_workspace import _many, as_user, content, staff  # noqa: E402, F401

WORKSPACE_BUDGETS = {
    "workspace:dashboard": 15,
    "workspace:article-list": 12,
    "workspace:notifications": 8,
    "workspace:trash": 8,
}


def _workspace_counts(client) -> dict[str, int]:
    counts = {}
    for name in WORKSPACE_BUDGETS:
        url = reverse(name)
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        counts[name] = len(ctx.captured_queries)
    return counts


@pytest.mark.parametrize("role", ["author", "editor", "approver", "admin"])
def test_workspace_budgets_hold_for_more_articles_groups_permissions(as_user, staff, content, role):  # noqa: F811 - the fixtures imported above
    _many(staff, content, 4, "Bài")
    client = as_user(staff[role])
    few = _workspace_counts(client)
    over = {n: (c, WORKSPACE_BUDGETS[n]) for n, c in few.items() if c > WORKSPACE_BUDGETS[n]}
    assert not over, f"over budget (queries, budget): {over}"

    _many(staff, content, 24, "Thêm")
    permissions = list(Permission.objects.order_by("pk")[:120])
    for i in range(6):
        group = Group.objects.create(name=f"Nhóm thêm {i}")
        group.permissions.set(permissions[i * 20 : (i + 1) * 20])
        staff[role].groups.add(group)
    for i in range(10):
        Group.objects.create(name=f"Nhóm khác {i}").permissions.set(permissions)
    staff[role].user_permissions.add(*permissions[:30])
    many = _workspace_counts(client)
    assert many == few


# Long pages read as a range of the index (the sitemap's) ----------------------------


def test_a_long_page_read_as_a_range_lists_every_article_once(db, category):
    """public.queries.ArticlePaginator with rows_are_listing: pages of RANGE_FROM rows or
    more are read from their first to their last key; with articles sharing a
    published_at, none is lost or repeated between pages, and nothing unpublished shows."""
    from public.queries import ArticlePaginator

    now = timezone.now()
    size = ArticlePaginator.RANGE_FROM
    Article.objects.bulk_create(
        Article(
            title=f"Tin {i}",
            slug=f"tin-{i}",
            category=category,
            status=Status.PUBLISHED,
            is_live=True,
            # Runs of seven articles share a moment: page edges fall inside the runs.
            published_at=now - timedelta(minutes=1 + i // 7),
        )
        for i in range(2 * size + 37)
    )
    hidden = [
        Article(title="Nháp", slug="nhap", category=category, status=Status.DRAFT),
        Article(
            title="Hẹn giờ",
            slug="hen-gio",
            category=category,
            status=Status.PUBLISHED,
            is_live=True,
            published_at=now + timedelta(days=1),
        ),
    ]
    Article.objects.bulk_create(hidden)
    public = Article.objects.public()
    paginator = ArticlePaginator(public, size, rows=public.only("slug"), rows_are_listing=True)
    assert paginator.num_pages == 3
    seen = []
    for number in paginator.page_range:
        page = list(paginator.page(number))
        keys = [(a.published_at, a.pk) for a in page]
        assert keys == sorted(keys, reverse=True)
        seen += [a.pk for a in page]
    expected = list(public.order_by("-published_at", "-id").values_list("pk", flat=True))
    assert seen == expected
    assert len(seen) == 2 * size + 37
