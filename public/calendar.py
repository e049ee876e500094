"""Events as iCalendar, so a reader can add a conference to their calendar."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.decorators.http import require_safe
from icalendar import Calendar
from icalendar import Event as ICalEvent

from articles.models import Event

DEFAULT_DURATION = timedelta(hours=3)


def _calendar(events) -> bytes:
    cal = Calendar()
    cal.add("prodid", f"-//{settings.SITE_NAME}//Lich su kien//VI")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"Sự kiện — {settings.SITE_NAME}")
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    host = settings.SITE_URL.split("://", 1)[-1]
    for event in events:
        item = ICalEvent()
        item.add("uid", f"event-{event.pk}@{host}")
        item.add("summary", event.title)
        item.add("dtstart", event.starts_at)
        item.add("dtend", event.ends_at or event.starts_at + DEFAULT_DURATION)
        item.add("dtstamp", event.updated_at)
        if event.venue:
            item.add("location", event.venue)
        description = event.description
        if event.broadcast:
            description = f"{description}\nTruyền hình trực tiếp: {event.broadcast}".strip()
        if description:
            item.add("description", description)
        item.add("url", settings.SITE_URL + event.get_absolute_url())
        item.add("status", "CANCELLED" if event.status == Event.Status.CANCELLED else "CONFIRMED")
        cal.add_component(item)
    return cal.to_ical()


def _response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_safe
def upcoming_events(request):
    events = Event.objects.filter(starts_at__gte=timezone.now()).order_by("starts_at")[:200]
    return _response(_calendar(events), "su-kien.ics")


@require_safe
def single_event(request, slug: str):
    event = get_object_or_404(Event, slug=slug)
    return _response(_calendar([event]), f"{event.slug}.ics")
