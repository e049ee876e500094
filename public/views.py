"""The public site. Every article query starts from Article.objects.public()."""

from __future__ import annotations

from itertools import groupby
from urllib.parse import quote

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import F, Prefetch, Q
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from articles.models import (
    Article,
    Category,
    Event,
    EventParticipant,
    Participant,
    Resolution,
    Tag,
)
from core.slugs import find_by_old_slug
from search.backends import search_articles, search_model
from search.tokens import parse_query

from . import structured_data

PAGE_SIZE = 15
HOME_SECTION_SIZE = 5


def paginate(request, queryset, per_page: int = PAGE_SIZE):
    """The requested page; nonsense page numbers give the first or last page, never an error."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def get_or_redirect(queryset, slug: str):
    """The object at slug, or a permanent redirect from a slug it used to have, or 404."""
    obj = queryset.filter(slug=slug).first()
    if obj is not None:
        return obj
    old = find_by_old_slug(queryset, slug)
    if old is not None:
        return HttpResponsePermanentRedirect(old.get_absolute_url())
    raise Http404


@require_GET
def home(request):
    public = Article.objects.public().for_listing()
    lead = public.filter(is_featured=True).first() or public.first()
    latest = list(public.exclude(pk=getattr(lead, "pk", None))[:8])
    sections = []
    for section in Category.objects.filter(parent__isnull=True, show_on_home=True):
        articles = list(
            public.filter(Q(category=section) | Q(category__parent=section))[:HOME_SECTION_SIZE]
        )
        if articles:
            sections.append((section, articles))
    now = timezone.now()
    context = {
        "lead": lead,
        "latest": latest,
        "sections": sections,
        "upcoming_events": Event.objects.filter(starts_at__gte=now)
        .exclude(status=Event.Status.CANCELLED)
        .order_by("starts_at")[:4],
        "recent_events": Event.objects.filter(starts_at__lt=now).order_by("-starts_at")[:4],
        "focus_resolutions": Resolution.objects.filter(in_focus=True).select_related("issuer")[:4],
        "most_read": public.filter(published_at__gte=now - timezone.timedelta(days=30)).order_by(
            "-view_count"
        )[:5],
    }
    return render(request, "public/home.html", context)


@require_GET
def category(request, slug: str):
    section = get_or_redirect(Category.objects.select_related("parent"), slug)
    if isinstance(section, HttpResponse):
        return section
    articles = (
        Article.objects.public()
        .for_listing()
        .filter(Q(category=section) | Q(category__parent=section))
    )
    return render(
        request,
        "public/category.html",
        {
            "section": section,
            "children": section.children.all(),
            "page": paginate(request, articles),
        },
    )


@require_GET
def tag(request, slug: str):
    found = get_or_redirect(Tag.objects.all(), slug)
    if isinstance(found, HttpResponse):
        return found
    articles = Article.objects.public().for_listing().filter(tags=found)
    return render(request, "public/tag.html", {"tag": found, "page": paginate(request, articles)})


def _participants_with_roles(people: list[Participant], events: list[Event]) -> list[dict]:
    """The article's people, each with the role and position held at its event, if any."""
    roles = {}
    if people and events:
        for p in EventParticipant.objects.filter(event__in=events, participant__in=people).order_by(
            "role", "order"
        ):
            roles.setdefault(p.participant_id, p)
    rows = []
    for person in people:
        participation = roles.get(person.pk)
        rows.append(
            {
                "person": person,
                "role": participation.get_role_display() if participation else "",
                "position": (
                    participation.position_at_time
                    if participation and participation.position_at_time
                    else person.positions_display
                ),
                "sort": (participation.role, participation.order) if participation else (99, 0),
            }
        )
    rows.sort(key=lambda row: row["sort"])
    return rows


def _related_articles(article: Article, events: list, resolutions: list, limit: int = 6):
    public = Article.objects.public().for_listing().exclude(pk=article.pk)
    related = []
    if events or resolutions:
        related = list(
            public.filter(Q(events__in=events) | Q(resolutions__in=resolutions)).distinct()[:limit]
        )
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


@require_GET
def article(request, slug: str):
    found = get_or_redirect(
        Article.objects.public().select_related("category", "category__parent", "featured_image"),
        slug,
    )
    if isinstance(found, HttpResponse):
        return found
    context = article_context(
        found,
        events=found.events.prefetch_related("organizers", "bridge_points").order_by("starts_at"),
        resolutions=found.resolutions.select_related("issuer"),
        participants=found.participants.all(),
        tags=found.tags.all(),
        corrections=found.corrections.all(),
    )
    return render(request, "public/article.html", context)


@csrf_exempt
@require_POST
def count_view(request, pk: int):
    """Counts a reading, once per address and article in ten minutes.

    Called by the page's script, so cached pages are counted too.
    """
    address = request.META.get("REMOTE_ADDR", "")
    if cache.add(f"viewed:{address}:{pk}", 1, timeout=600):
        Article.objects.public().filter(pk=pk).update(view_count=F("view_count") + 1)
    return HttpResponse(status=204)


@require_GET
def event(request, slug: str):
    found = get_or_redirect(Event.objects.prefetch_related("organizers", "bridge_points"), slug)
    if isinstance(found, HttpResponse):
        return found
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


@require_GET
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


@require_GET
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
            "page": paginate(
                request, Article.objects.public().for_listing().filter(participants=found)
            ),
        },
    )


@require_GET
def participant_index(request):
    return render(
        request,
        "public/participant_index.html",
        {
            "page": paginate(request, Participant.objects.select_related("portrait"), per_page=48),
        },
    )


@require_GET
def resolution(request, slug: str):
    found = get_or_redirect(
        Resolution.objects.select_related("issuer").prefetch_related(
            Prefetch("related_documents", Resolution.objects.select_related("issuer"))
        ),
        slug,
    )
    if isinstance(found, HttpResponse):
        return found
    articles = list(Article.objects.public().for_listing().filter(resolutions=found)[:200])
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
            "article_count": len(articles),
            "jsonld": structured_data.legislation(found),
            "event_count": len(events),
        },
    )


@require_GET
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


@require_GET
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
            results = search_articles(Article.objects.public().for_listing(), query)
            # Documents, events and people that match are shown beside the articles.
            context["resolutions"] = search_model(
                Resolution.objects.select_related("issuer"), query
            )[:3]
            context["events"] = search_model(Event.objects.all(), query)[:3]
            context["participants"] = search_model(Participant.objects.all(), query)[:4]
        elif kind == "su-kien":
            results = search_model(Event.objects.all(), query)
        elif kind == "nhan-vat":
            results = search_model(Participant.objects.all(), query)
        else:
            results = search_model(Resolution.objects.select_related("issuer"), query)
        context["page"] = paginate(request, results)
    return render(request, "public/search.html", context)


@require_GET
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


@require_GET
def favicon(request):
    return redirect(static("img/emblem.svg"), permanent=True)
