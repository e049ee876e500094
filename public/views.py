"""The public site. Every article query starts from Article.objects.public()."""

from __future__ import annotations

from itertools import groupby
from urllib.parse import quote

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, F, OuterRef, Prefetch, Q, Subquery
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

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
from core.caching import cache_unreachable
from core.slugs import find_by_old_slug
from search.backends import Glance, search_glances, search_model, search_public_articles
from search.tokens import parse_query

from . import structured_data
from .queries import (
    ArticlePaginator,
    HitsPaginator,
    JSONRows,
    as_datetime,
    categories,
    rows_of,
    set_prefetched,
)

PAGE_SIZE = 15
HOME_SECTION_SIZE = 5


def paginate(request, queryset, per_page: int = PAGE_SIZE):
    """The requested page; nonsense page numbers give the first or last page, never an error."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def paginate_articles(request, articles, per_page: int = PAGE_SIZE):
    """A page of public articles, newest first: counted and paged on the index, then
    the page's rows read for listing (see public.queries.ArticlePaginator)."""
    paginator = ArticlePaginator(articles, per_page, rows=Article.objects.for_listing())
    return paginator.get_page(request.GET.get("page"))


def section_ids(section: Category, request) -> list[int]:
    """The section and its sub-sections: a section page lists all their articles."""
    by_id = {c.pk: c for c in categories(request)}
    known = by_id.get(section.pk)
    children = known.child_list if known is not None else list(section.children.all())
    return [section.pk, *(child.pk for child in children)]


def with_events_facts(events) -> list[Event]:
    """Events annotated with their organisers and bridge points (one query in all),
    ready for templates/public/includes/event_facts.html."""
    events = events.annotate(
        organizer_rows=JSONRows(
            Organization.objects.filter(events=OuterRef("pk")).order_by("name"), name="name"
        ),
        bridge_point_rows=JSONRows(
            BridgePoint.objects.filter(event=OuterRef("pk")).order_by("level", "id"),
            id="id",
            level="level",
            count="count",
            area="area",
            location="location",
            attendance="attendance",
        ),
    )
    found = list(events)
    for event in found:
        set_prefetched(
            event, "organizers", [Organization(**row) for row in rows_of(event.organizer_rows)]
        )
        set_prefetched(
            event,
            "bridge_points",
            [BridgePoint(event=event, **row) for row in rows_of(event.bridge_point_rows)],
        )
    return found


def get_or_redirect(queryset, slug: str):
    """The object at slug, or a permanent redirect from a slug it used to have, or 404."""
    obj = queryset.filter(slug=slug).first()
    if obj is not None:
        return obj
    old = find_by_old_slug(queryset, slug)
    if old is not None:
        return HttpResponsePermanentRedirect(old.get_absolute_url())
    raise Http404


@require_safe
def home(request):
    public = Article.objects.public().for_listing()
    latest = list(public[:9])
    lead = public.filter(is_featured=True).first() or (latest[0] if latest else None)
    latest = [a for a in latest if a.pk != getattr(lead, "pk", None)][:8]
    context = {
        "lead": lead,
        "latest": latest,
        "sections": home_sections(request),
        "upcoming_events": Event.objects.filter(starts_at__gte=timezone.now())
        .exclude(status=Event.Status.CANCELLED)
        .order_by("starts_at")[:4],
        "recent_events": Event.objects.filter(starts_at__lt=timezone.now()).order_by("-starts_at")[
            :4
        ],
        "focus_resolutions": Resolution.objects.filter(in_focus=True).select_related("issuer")[:4],
        "most_read": public.filter(
            published_at__gte=timezone.now() - timezone.timedelta(days=30)
        ).order_by("-view_count")[:5],
    }
    return render(request, "public/home.html", context)


def home_sections(request) -> list[tuple[Category, list[Article]]]:
    """Each home section with its five newest articles (its sub-sections' included), in
    one query: the newest five of each section on the index, then their rows."""
    sections = [c for c in categories(request) if c.parent_id is None and c.show_on_home]
    newest = [
        Article.objects.public()
        .filter(category_id__in=section_ids(section, request))
        .order_by("-published_at", "-id")
        .values("pk")[:HOME_SECTION_SIZE]
        for section in sections
    ]
    if not newest:
        return []
    public = Article.objects.public().for_listing()
    if connection.features.supports_slicing_ordering_in_compound:
        # One semi-join on a UNION ALL of index-ordered LIMIT 5 scans.
        rows = public.filter(pk__in=newest[0].union(*newest[1:], all=True))
    else:
        # SQLite cannot LIMIT inside a compound query; it can inside IN (...).
        match = Q()
        for ids in newest:
            match |= Q(pk__in=ids)
        rows = public.filter(match)
    by_section: dict[int, list[Article]] = {}
    root = {}
    for category in categories(request):
        root[category.pk] = category.parent_id or category.pk
    for article in rows:
        by_section.setdefault(root.get(article.category_id), []).append(article)
    return [(s, by_section[s.pk][:HOME_SECTION_SIZE]) for s in sections if s.pk in by_section]


@require_safe
def category(request, slug: str):
    section = get_or_redirect(Category.objects.select_related("parent"), slug)
    if isinstance(section, HttpResponse):
        return section
    ids = section_ids(section, request)
    articles = Article.objects.public().filter(category_id__in=ids)
    known = {c.pk: c for c in categories(request)}.get(section.pk)
    return render(
        request,
        "public/category.html",
        {
            "section": section,
            "children": known.child_list if known is not None else section.children.all(),
            "page": paginate_articles(request, articles),
        },
    )


@require_safe
def tag(request, slug: str):
    found = get_or_redirect(Tag.objects.all(), slug)
    if isinstance(found, HttpResponse):
        return found
    page = paginate_articles(request, Article.objects.public().filter(tags=found))
    if not page.paginator.count:
        # Editors make tags as they type them: one no public article carries yet is
        # part of a draft, and its name must not be readable here before publication.
        raise Http404
    return render(request, "public/tag.html", {"tag": found, "page": page})


def _participants_with_roles(people: list[Participant], events: list[Event]) -> list[dict]:
    """The article's people, each with the role and position held at its event, if any.

    People read by participants_for() carry their role already; others (a revision's
    preview) are looked up here, in one query."""
    roles = {}
    if people and events and not all(hasattr(p, "event_role") for p in people):
        for p in EventParticipant.objects.filter(event__in=events, participant__in=people).order_by(
            "role", "order"
        ):
            roles.setdefault(p.participant_id, (p.role, p.order, p.position_at_time))
    else:
        roles = {
            p.pk: (p.event_role, p.event_order, p.event_position)
            for p in people
            if getattr(p, "event_role", None) is not None
        }
    rows = []
    for person in people:
        role, order, position = roles.get(person.pk, (None, 0, ""))
        rows.append(
            {
                "person": person,
                "role": EventParticipant.Role(role).label if role is not None else "",
                "position": position or person.positions_display,
                "sort": (role, order) if role is not None else (99, 0),
            }
        )
    rows.sort(key=lambda row: row["sort"])
    return rows


def participants_for(article: Article, events: list[Event]):
    """The article's people with the first role (and position then) each had at one of
    its events, in the same query."""
    first = EventParticipant.objects.filter(
        participant=OuterRef("pk"), event__in=[e.pk for e in events]
    ).order_by("role", "order")
    people = article.participants.all()
    if not events:
        return people
    return people.annotate(
        event_role=Subquery(first.values("role")[:1]),
        event_order=Subquery(first.values("order")[:1]),
        event_position=Subquery(first.values("position_at_time")[:1]),
    )


def _related_articles(article: Article, events: list, resolutions: list, limit: int = 6):
    """Articles on the same events or documents, newest first, then the section's newest:
    at most two queries, each on an index."""
    public = Article.objects.public().for_listing().exclude(pk=article.pk)
    related = []
    if events or resolutions:
        linked = (
            Article.events.through.objects.filter(event__in=events)
            .values("article_id")
            .union(
                Article.resolutions.through.objects.filter(resolution__in=resolutions).values(
                    "article_id"
                )
            )
        )
        related = list(public.filter(pk__in=linked)[:limit])
    if len(related) < limit:
        seen = [a.pk for a in related]
        related += list(
            public.filter(category_id=article.category_id).exclude(pk__in=seen)[
                : limit - len(related)
            ]
        )
    return related


def article_context(
    article: Article, *, events, resolutions, participants, tags, corrections=()
) -> dict:
    """What the article template needs. Also used to preview an unpublished revision
    exactly as the public page would show it (workspace), so it takes the links as
    lists rather than reading them from the article's row."""
    events = list(events)
    resolutions = list(resolutions)
    people = _participants_with_roles(list(participants), events)
    return {
        "article": article,
        "events": events,
        "resolutions": resolutions,
        "participants": people,
        "tags": list(tags),
        "corrections": list(corrections),
        "related": _related_articles(article, events, resolutions),
        "canonical_url": settings.SITE_URL + article.get_absolute_url(),
        "current_section_id": article.category.parent_id or article.category_id,
        "og_image_url": article.featured_image.rendition_url(1280)
        if article.featured_image
        else "",
        "jsonld": structured_data.news_article(article, people, events),
    }


@require_safe
def article(request, slug: str):
    """At most seven queries, however many people, documents, tags and corrections:
    the article with its section, picture, tags and corrections; its events with their
    organisers and bridge points; its documents; its people with their roles; related
    articles (two at most); the menu, unless cached."""
    found = get_or_redirect(
        Article.objects.public()
        .select_related("category", "category__parent", "featured_image")
        .annotate(
            tag_rows=JSONRows(
                Tag.objects.filter(articles=OuterRef("pk")).order_by("name"),
                id="id",
                name="name",
                slug="slug",
            ),
            correction_rows=JSONRows(
                Correction.objects.filter(article=OuterRef("pk")).order_by("created_at", "id"),
                id="id",
                text="text",
                created_at="created_at",
            ),
        ),
        slug,
    )
    if isinstance(found, HttpResponse):
        return found
    events = with_events_facts(found.events.order_by("starts_at"))
    context = article_context(
        found,
        events=events,
        resolutions=found.resolutions.select_related("issuer"),
        participants=participants_for(found, events),
        tags=[Tag(**row) for row in rows_of(found.tag_rows)],
        corrections=[
            Correction(
                id=row["id"],
                article=found,
                text=row["text"],
                created_at=as_datetime(row["created_at"]),
            )
            for row in rows_of(found.correction_rows)
        ],
    )
    return render(request, "public/article.html", context)


@csrf_exempt
@require_POST
def count_view(request, pk: int):
    """Counts a reading, once per address and article in ten minutes.

    Called by the page's script, so cached pages are counted too.
    """
    address = request.META.get("REMOTE_ADDR", "")
    try:
        first_in_a_while = cache.add(f"viewed:{address}:{pk}", 1, timeout=600)
    except Exception:
        # Without the cache a reading cannot be told from a repeat: not counted.
        cache_unreachable("readings not counted")
        first_in_a_while = False
    if first_in_a_while:
        Article.objects.public().filter(pk=pk).update(view_count=F("view_count") + 1)
    return HttpResponse(status=204)


@require_safe
def event(request, slug: str):
    found = get_or_redirect(Event.objects.all(), slug)
    if isinstance(found, HttpResponse):
        return found
    (found,) = with_events_facts(Event.objects.filter(pk=found.pk))
    participations = list(found.participations.select_related("participant", "bridge_point"))
    groups = [
        (EventParticipant.Role(role).label, list(rows))
        for role, rows in groupby(participations, key=lambda p: p.role)
    ]
    return render(
        request,
        "public/event.html",
        {
            "event": found,
            "bridge_points": list(found.bridge_points.all()),
            "participant_groups": groups,
            "resolutions": list(found.resolutions.select_related("issuer")),
            "articles": list(Article.objects.public().for_listing().filter(events=found)[:50]),
        },
    )


@require_safe
def event_index(request):
    now = timezone.now()
    upcoming = list(
        Event.objects.filter(starts_at__gte=now)
        .exclude(status=Event.Status.CANCELLED)
        .order_by("starts_at")[:20]
    )
    past = Event.objects.filter(starts_at__lt=now).order_by("-starts_at")
    return render(
        request,
        "public/event_index.html",
        {
            "upcoming": upcoming,
            "page": paginate(request, past, per_page=20),
        },
    )


@require_safe
def participant(request, slug: str):
    found = get_or_redirect(Participant.objects.select_related("organization", "portrait"), slug)
    if isinstance(found, HttpResponse):
        return found
    return render(
        request,
        "public/participant.html",
        {
            "participant": found,
            "participations": list(
                found.participations.select_related("event").order_by("-event__starts_at")
            ),
            "page": paginate_articles(request, Article.objects.public().filter(participants=found)),
        },
    )


@require_safe
def participant_index(request):
    return render(
        request,
        "public/participant_index.html",
        {
            "page": paginate(request, Participant.objects.select_related("portrait"), per_page=48),
        },
    )


TIMELINE_ARTICLES = 200


@require_safe
def resolution(request, slug: str):
    found = get_or_redirect(
        Resolution.objects.select_related("issuer")
        .prefetch_related(
            Prefetch("related_documents", Resolution.objects.select_related("issuer"))
        )
        .annotate(
            public_articles=Subquery(
                Article.objects.public()
                .filter(resolutions=OuterRef("pk"))
                .order_by()
                .values("resolutions")
                .annotate(n=Count("pk"))
                .values("n")
            )
        ),
        slug,
    )
    if isinstance(found, HttpResponse):
        return found
    # The newest TIMELINE_ARTICLES, shown oldest first; the count is of them all.
    articles = list(
        Article.objects.public().for_listing().filter(resolutions=found)[:TIMELINE_ARTICLES]
    )
    events = list(found.events.all())
    # The implementation record: events and articles in the order they happened.
    timeline = sorted(
        [("event", e.starts_at, e) for e in events]
        + [("article", a.published_at, a) for a in articles],
        key=lambda item: item[1],
    )
    return render(
        request,
        "public/resolution.html",
        {
            "resolution": found,
            "timeline": timeline,
            "article_count": found.public_articles or 0,
            "jsonld": structured_data.legislation(found),
            "event_count": len(events),
        },
    )


@require_safe
def resolution_index(request):
    documents = Resolution.objects.select_related("issuer")
    doc_type = request.GET.get("loai", "")
    if doc_type in Resolution.DocType.values:
        documents = documents.filter(doc_type=doc_type)
    else:
        doc_type = ""
    return render(
        request,
        "public/resolution_index.html",
        {
            "page": paginate(request, documents, per_page=30),
            "doc_types": Resolution.DocType.choices,
            "doc_type": doc_type,
        },
    )


SEARCH_KINDS = {
    "bai-viet": "Bài viết",
    "su-kien": "Sự kiện",
    "nhan-vat": "Nhân vật",
    "van-ban": "Văn bản",
}


# Documents, events and people that match are shown beside the articles, each as a
# name and a link: nothing else of them is read.
GLANCES = {
    "resolutions": Glance(Resolution, 3, ("number", "doc_type", "title", "slug")),
    "events": Glance(Event, 3, ("title", "slug")),
    "participants": Glance(Participant, 4, ("full_name", "slug")),
}


@require_safe
def search(request):
    query = parse_query(request.GET.get("q", ""))
    kind = request.GET.get("loai", "bai-viet")
    if kind not in SEARCH_KINDS:
        kind = "bai-viet"
    context = {
        "query": query,
        "q": query.text,
        "q_encoded": quote(query.text),
        "kind": kind,
        "kinds": SEARCH_KINDS,
    }
    if query:
        if kind == "bai-viet":
            hits = search_public_articles(Article.objects.public(), query)
            context["hits"] = hits
            paginator = HitsPaginator(hits, PAGE_SIZE, rows=Article.objects.for_listing())
            context["page"] = paginator.get_page(request.GET.get("page"))
            if context["page"].number == 1:
                context.update(search_glances(query, GLANCES))
            return render(request, "public/search.html", context)
        elif kind == "su-kien":
            results = search_model(Event.objects.all(), query)
        elif kind == "nhan-vat":
            results = search_model(Participant.objects.all(), query)
        else:
            results = search_model(Resolution.objects.select_related("issuer"), query)
        context["page"] = paginate(request, results)
    return render(request, "public/search.html", context)


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /quan-tri/",
        "Disallow: /tim-kiem/",
        "",
        f"Sitemap: {settings.SITE_URL}{reverse('public:sitemap')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_safe
def favicon(request):
    return redirect(static("img/emblem.svg"), permanent=True)
