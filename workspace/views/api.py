"""JSON for the editor's pickers: search as you type, and quick creation of a missing
event, person or document (completed afterwards in the admin)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import JsonResponse
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from articles.models import Event, Participant, Resolution, Tag
from core.text import vi_slugify
from search.backends import matching
from search.tokens import parse_query

from ..access import api_view
from ..forms import QuickEventForm, QuickParticipantForm, QuickResolutionForm

RESULTS = 10


def _admin_url(obj) -> str:
    opts = obj._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    except NoReverseMatch:
        return ""


def event_item(event: Event) -> dict:
    return {
        "id": event.pk,
        "label": event.title,
        "detail": f"{event.get_kind_display()} · {event.starts_at:%d/%m/%Y}"
        if event.starts_at
        else event.get_kind_display(),
    }


def participant_item(person: Participant) -> dict:
    return {"id": person.pk, "label": person.full_name, "detail": person.positions_display}


def resolution_item(doc: Resolution) -> dict:
    detail = f"ngày {doc.issue_date:%d/%m/%Y}" if doc.issue_date else ""
    if doc.issuer_id:
        detail = f"{detail} · {doc.issuer.name}".strip(" ·")
    return {"id": doc.pk, "label": doc.short_name, "detail": detail or doc.subject[:80]}


KINDS = {
    "events": (Event, event_item, QuickEventForm, "articles.add_event"),
    "participants": (
        Participant,
        participant_item,
        QuickParticipantForm,
        "articles.add_participant",
    ),
    "resolutions": (Resolution, resolution_item, QuickResolutionForm, "articles.add_resolution"),
}


def _search(queryset: QuerySet, text: str) -> QuerySet:
    query = parse_query(text)
    return matching(queryset, query, prefix=True).order_by(
        "-search_rank", *queryset.model._meta.ordering, "-id"
    )


@api_view
@require_GET
def search(request, kind: str):
    model, item, _form, _perm = KINDS[kind]
    queryset = model.objects.all()
    if model is Resolution:
        queryset = queryset.select_related("issuer")
    results = _search(queryset, request.GET.get("q", ""))[:RESULTS]
    return JsonResponse({"results": [item(obj) for obj in results]})


@api_view
@require_GET
def tags(request):
    # Tags have no search index; their slugs are the names without diacritics.
    key = vi_slugify(request.GET.get("q", ""))
    found = Tag.objects.filter(slug__contains=key).order_by("name")[:RESULTS] if key else []
    return JsonResponse({"results": [{"id": t.pk, "label": t.name, "detail": ""} for t in found]})


@api_view
@require_POST
def create(request, kind: str):
    model, item, form_class, permission = KINDS[kind]
    if not request.user.has_perm(permission):
        return JsonResponse(
            {"error": _("Bạn không có quyền tạo %(what)s.") % {"what": model._meta.verbose_name}},
            status=403,
        )
    form = form_class(request.POST)
    if not form.is_valid():
        return JsonResponse(
            {
                "error": _("Chưa tạo được: hãy sửa các lỗi."),
                "errors": {
                    field: [str(e) for e in errors] for field, errors in form.errors.items()
                },
            },
            status=400,
        )
    obj = form.save()
    return JsonResponse({**item(obj), "admin_url": _admin_url(obj)}, status=201)
