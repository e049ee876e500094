"""schema.org descriptions of pages, for search engines (JSON-LD)."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone

from articles.models import Article, Event, Resolution


def _absolute(path: str) -> str:
    return settings.SITE_URL + path


def _iso(moment) -> str:
    """ISO 8601 in Vietnam time, as readers and the page itself show it."""
    return timezone.localtime(moment).isoformat()


def _publisher() -> dict:
    return {
        "@type": "GovernmentOrganization",
        "name": settings.SITE_NAME,
        "url": settings.SITE_URL + "/",
    }


def news_article(article: Article, participants: list[dict], events: list[Event]) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "description": article.sapo,
        "datePublished": _iso(article.published_at),
        "dateModified": _iso(article.updated_at),
        "mainEntityOfPage": _absolute(article.get_absolute_url()),
        "articleSection": article.category.name,
        "inLanguage": "vi",
        "author": {"@type": "Organization", "name": article.byline or settings.SITE_NAME},
        "publisher": _publisher(),
    }
    if article.featured_image:
        data["image"] = [_absolute(article.featured_image.rendition_url(1280))]
    if participants:
        data["mentions"] = [
            {"@type": "Person", "name": row["person"].full_name, "jobTitle": row["position"]}
            for row in participants
        ]
    if events:
        data["about"] = [
            {
                "@type": "Event",
                "name": e.title,
                "startDate": _iso(e.starts_at),
                "url": _absolute(e.get_absolute_url()),
            }
            for e in events
        ]
    return data


_ATTENDANCE_MODE = {
    Event.Format.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    Event.Format.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    Event.Format.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}
_EVENT_STATUS = {
    Event.Status.PLANNED: "https://schema.org/EventScheduled",
    Event.Status.HELD: "https://schema.org/EventScheduled",
    Event.Status.POSTPONED: "https://schema.org/EventPostponed",
    Event.Status.CANCELLED: "https://schema.org/EventCancelled",
}


def event(event: Event) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "startDate": _iso(event.starts_at),
        "eventAttendanceMode": _ATTENDANCE_MODE[event.format],
        "eventStatus": _EVENT_STATUS[event.status],
        "url": _absolute(event.get_absolute_url()),
        "organizer": [{"@type": "Organization", "name": o.name} for o in event.organizers.all()],
    }
    if event.ends_at:
        data["endDate"] = _iso(event.ends_at)
    if event.description:
        data["description"] = event.description
    if event.venue:
        data["location"] = {"@type": "Place", "name": event.venue}
    return data


def legislation(resolution: Resolution) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": resolution.full_name,
        "legislationIdentifier": resolution.number or None,
        "legislationType": resolution.get_doc_type_display(),
        "url": _absolute(resolution.get_absolute_url()),
        "inLanguage": "vi",
    }
    if resolution.issue_date:
        data["legislationDate"] = resolution.issue_date.isoformat()
    if resolution.issuer_id:
        data["legislationPassedBy"] = {"@type": "Organization", "name": resolution.issuer.name}
    if resolution.subject:
        data["abstract"] = resolution.subject
    return {k: v for k, v in data.items() if v is not None}
