"""JSON endpoints for the "Gợi ý liên kết" panel beside the editor.

    GET  bai-viet/<pk>/            suggestions for the article's latest revision
    POST trich-xuat/               suggestions for text not saved yet {title, sapo, body}
    POST bai-viet/<pk>/lien-ket/   link an existing record {kind, record, key?, base_revision?}
    POST bai-viet/<pk>/tao-moi/    create a record from a finding and link it
                                   {kind, key, fields?, base_revision?}
    POST tao-moi/                  create a record for an article not saved yet
                                   {kind, finding, fields?, resolutions?, attendees?}

kind is "document", "person" or "event"; key is the finding's "key" from the suggestions;
fields are the editor's corrections to the prefilled values. Every endpoint needs a
signed-in user with articles.change_article, and an article's endpoints also the
workflow's EDIT on that article (workflow.rules); POSTs need the CSRF token (header
X-CSRFToken). Answers are {"ok": true, …} or {"ok": false, "error": "<Vietnamese>"} with
the status saying why (400, 401, 403, 404, 409). Nothing is linked or created except by
one of these POSTs, that is, by an editor's click.
"""

from __future__ import annotations

import json
from datetime import date
from functools import wraps

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from articles.models import Article, Event, Participant, Resolution
from workflow.revisions import snapshot
from workflow.rules import Action, ActionRefused, decide
from workflow.services import EditConflict

from . import apply
from .extract import (
    DocumentFinding,
    EventFinding,
    PersonFinding,
    document_from_dict,
    event_from_dict,
    person_from_dict,
)
from .matching import EXISTING, Suggestions, event_key, suggest
from .vocabulary import TIMES_OF_DAY, DocType, EventFormat, EventKind, Level, Role

KINDS = ("document", "person", "event")
MAX_TEXT = 200_000


class BadRequest(Exception):
    """The request cannot be served as sent; the message says why, in Vietnamese."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


def _error(message: str, status: int) -> JsonResponse:
    return JsonResponse({"ok": False, "error": message}, status=status)


def endpoint(view):
    """Signed-in staff who may edit articles; errors answered as JSON, never as a page."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated or not user.is_active:
            return _error(_("Bạn cần đăng nhập."), 401)
        if not user.has_perm("articles.change_article"):
            return _error(_("Bạn không có quyền sửa bài."), 403)
        try:
            return view(request, *args, **kwargs)
        except BadRequest as error:
            return _error(str(error), error.status)
        except ValidationError as error:
            return _error(" ".join(error.messages), 400)
        except (PermissionDenied, ActionRefused) as error:
            return _error(str(error) or _("Bạn không có quyền làm việc này."), 403)
        except EditConflict as error:
            return JsonResponse(
                {"ok": False, "error": str(error), "revision": error.latest.pk}, status=409
            )

    return wrapper


def _payload(request) -> dict:
    if request.content_type == "application/json":
        try:
            data = json.loads(request.body or b"{}")
        except (ValueError, UnicodeDecodeError) as error:
            raise BadRequest(_("Dữ liệu gửi lên không phải JSON hợp lệ.")) from error
        if not isinstance(data, dict):
            raise BadRequest(_("Dữ liệu gửi lên phải là một đối tượng JSON."))
        return data
    return request.POST.dict()


def _editable_article(request, pk: int) -> Article:
    article = (
        Article.objects.select_related("latest_revision", "current_step").filter(pk=pk).first()
    )
    if article is None:
        raise BadRequest(_("Không tìm thấy bài viết."), 404)
    decision = decide(request.user, Action.EDIT, article)
    if not decision:
        raise BadRequest(decision.reason, 403)
    return article


def _content(article: Article) -> dict:
    return article.latest_revision.content if article.latest_revision else snapshot(article)


def _suggestions(article: Article) -> Suggestions:
    return suggest(_content(article), reference_date=timezone.localdate(article.created_at))


def _int(value, name: str) -> int | None:
    if value in (None, ""):
        return None
    try:
        return int(value)
    except (TypeError, ValueError) as error:
        raise BadRequest(_("Giá trị “%(name)s” không hợp lệ.") % {"name": name}) from error


def _kind(payload: dict) -> str:
    kind = payload.get("kind")
    if kind not in KINDS:
        raise BadRequest(_("Loại gợi ý phải là văn bản, nhân vật hoặc sự kiện."))
    return kind


def _record(kind: str, obj) -> dict:
    label = {"document": "short_name", "person": "full_name", "event": "title"}[kind]
    return {"id": obj.pk, "label": getattr(obj, label), "url": obj.get_absolute_url()}


def _find(suggestions: Suggestions, kind: str, key: str) -> int:
    """The index of the finding with that key; refused if the text no longer has it."""
    if kind == "event":
        keys = [event_key(e) for e in suggestions.findings.events]
    else:
        items = (
            suggestions.findings.documents if kind == "document" else suggestions.findings.persons
        )
        keys = [item.key for item in items]
    if key in keys:
        return keys.index(key)
    raise BadRequest(
        _("Gợi ý này không còn trong nội dung bài (bài vừa được sửa?): hãy tải lại gợi ý."), 409
    )


# The editor's corrections ------------------------------------------------------------------

TEXT_FIELDS = {
    "number",
    "title",
    "issuer",
    "issue_date",
    "subject",
    "name",
    "date",
    "time",
    "time_of_day",
    "broadcast",
    "venue",
    "attendance_note",
}

EDITABLE = {
    "document": {"number", "doc_type", "title", "issuer", "issue_date", "subject"},
    "person": {"name", "positions"},
    "event": {
        "name",
        "kind",
        "date",
        "time",
        "time_of_day",
        "format",
        "broadcast",
        "venue",
        "attendance",
        "attendance_note",
        "organizers",
        "bridge_points",
    },
}


def _corrected(kind: str, base: dict, fields) -> DocumentFinding | PersonFinding | EventFinding:
    """A finding with the editor's corrections, checked: the prefilled values as reviewed."""
    if fields in (None, ""):
        fields = {}
    if not isinstance(fields, dict):
        raise BadRequest(_("Các trường sửa phải là một đối tượng JSON."))
    unknown = set(fields) - EDITABLE[kind]
    if unknown:
        raise BadRequest(
            _("Không sửa được trường: %(fields)s.") % {"fields": ", ".join(sorted(unknown))}
        )
    for name in TEXT_FIELDS & set(fields):
        if fields[name] is not None and not isinstance(fields[name], str):
            raise BadRequest(_("Trường “%(name)s” phải là chuỗi.") % {"name": name})
    if fields.get("time_of_day") not in (None, "", *TIMES_OF_DAY.values()):
        raise BadRequest(_("Buổi phải là sáng, trưa, chiều hoặc tối."))
    data = {**base, **fields}
    if kind == "person" and isinstance(data.get("positions"), str):
        data["positions"] = [p.strip() for p in data["positions"].splitlines() if p.strip()]
    try:
        if kind == "document":
            finding = document_from_dict(data)
            finding.doc_type = DocType(finding.doc_type)
            if finding.number:
                finding.number = " ".join(str(finding.number).split())
            return finding
        if kind == "person":
            finding = person_from_dict(data)
            if not isinstance(finding.name, str) or not finding.name.strip():
                raise ValueError("name")
            if not all(isinstance(p, str) for p in finding.positions):
                raise ValueError("positions")
            if finding.role is not None:
                finding.role = Role(int(finding.role))
            return finding
        finding = event_from_dict(data)
        finding.kind = EventKind(finding.kind)
        if finding.format:
            finding.format = EventFormat(finding.format)
        if finding.attendance is not None:
            finding.attendance = int(finding.attendance)
            if finding.attendance < 0:
                raise ValueError("attendance")
        if not isinstance(finding.organizers, list) or not all(
            isinstance(o, str) for o in finding.organizers
        ):
            raise ValueError("organizers")
        for point in finding.bridge_points:
            point.level, point.count = Level(int(point.level)), int(point.count)
            if point.count < 0:
                raise ValueError("count")
        if finding.time:
            hour, minute = (int(part) for part in finding.time.split(":"))
            if not (0 <= hour < 24 and 0 <= minute < 60):
                raise ValueError("time")
        return finding
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise BadRequest(
            _("Thông tin gửi lên không hợp lệ: hãy kiểm tra lại các trường.")
        ) from error


# Endpoints ---------------------------------------------------------------------------------


@require_GET
@endpoint
def article_suggestions(request, pk: int):
    article = _editable_article(request, pk)
    suggestions = _suggestions(article)
    return JsonResponse(
        {"ok": True, "article": article.pk, "revision": article.latest_revision_id}
        | suggestions.to_dict()
    )


@require_POST
@endpoint
def extract_text(request):
    payload = _payload(request)
    content = {}
    for name in ("title", "sapo", "body"):
        value = payload.get(name, "")
        if not isinstance(value, str):
            raise BadRequest(_("Trường “%(name)s” phải là chuỗi.") % {"name": name})
        content[name] = value
    if sum(len(v) for v in content.values()) > MAX_TEXT:
        raise BadRequest(_("Văn bản quá dài để phân tích (tối đa 200.000 ký tự)."))
    # Links chosen in the form so far, so that the panel marks them as linked.
    for name in ("resolutions", "participants", "events"):
        ids = payload.get(name, [])
        if not isinstance(ids, list):
            raise BadRequest(_("Trường “%(name)s” phải là danh sách.") % {"name": name})
        content[name] = [_int(i, name) for i in ids]
    reference = payload.get("reference_date")
    try:
        reference = date.fromisoformat(reference) if reference else None
    except (TypeError, ValueError) as error:
        raise BadRequest(_("Ngày tham chiếu không hợp lệ (dạng YYYY-MM-DD).")) from error
    return JsonResponse({"ok": True} | suggest(content, reference_date=reference).to_dict())


def link_one(user, article: Article, kind: str, record_id, key, base_revision_id):
    """Link an existing record as a new revision; (record, revision, participations).

    Shared by the JSON endpoint and the panel's plain form."""
    model = apply.MODELS[kind]
    record = model.objects.filter(pk=record_id).first() if record_id else None
    if record is None:
        raise BadRequest(_("Không tìm thấy bản ghi cần liên kết."), 404)
    with transaction.atomic():
        revision = apply.link_records(
            user, article, {apply.LINK_FIELDS[kind]: [record.pk]}, base_revision_id=base_revision_id
        )
        added = []
        if kind == "person" and isinstance(key, str) and key:
            suggestions = _suggestions(article)
            person = suggestions.findings.persons[_find(suggestions, "person", key)]
            added = _join_linked_events(suggestions, revision.content, person, record)
    return record, revision, added


def create_one(user, article: Article, kind: str, key, fields, base_revision_id):
    """Create a record from a finding, with the editor's corrections, and link it."""
    if not isinstance(key, str):
        raise BadRequest(_("Thiếu khóa của gợi ý (“key”)."))
    suggestions = _suggestions(article)
    index = _find(suggestions, kind, key)
    content = _content(article)
    added = []
    with transaction.atomic():
        if kind == "document":
            base = suggestions.to_dict()["documents"][index]
            record = apply.create_resolution(user, _corrected(kind, base, fields))
        elif kind == "person":
            base = suggestions.to_dict()["persons"][index]
            finding = _corrected(kind, base, fields)
            record = apply.create_participant(user, finding)
        else:
            base = suggestions.to_dict()["events"][index]
            finding = _corrected(kind, base, fields)
            record = apply.create_event(
                user,
                finding,
                attendees=_known_attendees(suggestions, content, index),
                resolutions=_known_documents(suggestions, content, finding),
            )
        revision = apply.link_records(
            user, article, {apply.LINK_FIELDS[kind]: [record.pk]}, base_revision_id=base_revision_id
        )
        if kind == "person":
            added = _join_linked_events(suggestions, revision.content, finding, record)
    return record, revision, added


def _linked(kind, record, revision, added, message: str, status: int = 200) -> JsonResponse:
    """The answer to a link made: the record, the revision that holds it, and the
    participations added with it."""
    return JsonResponse(
        {
            "ok": True,
            "record": _record(kind, record),
            "revision": revision.pk,
            "participations": added,
            "message": message,
        },
        status=status,
    )


@require_POST
@endpoint
def link_existing(request, pk: int):
    article = _editable_article(request, pk)
    payload = _payload(request)
    kind = _kind(payload)
    record, revision, added = link_one(
        request.user,
        article,
        kind,
        _int(payload.get("record"), "record"),
        payload.get("key"),
        _int(payload.get("base_revision"), "base_revision"),
    )
    return _linked(kind, record, revision, added, _("Đã liên kết với bài viết."))


@require_POST
@endpoint
def create_and_link(request, pk: int):
    article = _editable_article(request, pk)
    payload = _payload(request)
    kind = _kind(payload)
    record, revision, added = create_one(
        request.user,
        article,
        kind,
        payload.get("key"),
        payload.get("fields"),
        _int(payload.get("base_revision"), "base_revision"),
    )
    return _linked(kind, record, revision, added, _("Đã tạo và liên kết với bài viết."), 201)


@require_POST
@endpoint
def create_unlinked(request):
    """For an article not saved yet: the record is created, the form keeps its id."""
    payload = _payload(request)
    kind = _kind(payload)
    base = payload.get("finding")
    if not isinstance(base, dict):
        raise BadRequest(_("Thiếu gợi ý cần tạo (“finding”)."))
    finding = _corrected(kind, base, payload.get("fields"))
    with transaction.atomic():
        if kind == "document":
            record = apply.create_resolution(request.user, finding)
        elif kind == "person":
            record = apply.create_participant(request.user, finding)
        else:
            attendees = []
            for item in payload.get("attendees") or []:
                if not isinstance(item, dict) or not isinstance(item.get("person"), dict):
                    raise BadRequest(_("Danh sách người tham dự không hợp lệ."))
                participant = Participant.objects.filter(
                    pk=_int(item.get("participant"), "participant")
                ).first()
                if participant is None:
                    raise BadRequest(
                        _("Không tìm thấy nhân vật trong danh sách người tham dự."), 404
                    )
                person = _corrected("person", item["person"], None)
                attendees.append(apply.Attendee(person, participant))
            ids = [_int(i, "resolutions") for i in payload.get("resolutions") or []]
            record = apply.create_event(
                request.user,
                finding,
                attendees=attendees,
                resolutions=list(Resolution.objects.filter(pk__in=ids)),
            )
    return JsonResponse({"ok": True, "record": _record(kind, record)}, status=201)


# Facts that tie records together ------------------------------------------------------------


def _record_of(match, linked_ids: set[int]) -> int | None:
    """The record a finding stands for: its confident match, when linked or linkable."""
    if match.record is not None and (match.status == EXISTING or match.record.id in linked_ids):
        return match.record.id
    return None


def _known_attendees(suggestions: Suggestions, content: dict, event_index: int):
    """The people of this event whose records are known: matched for sure, or linked."""
    linked = set(content.get("participants", []))
    attendees = []
    for person, match in zip(suggestions.findings.persons, suggestions.persons, strict=True):
        record_id = _record_of(match, linked)
        if person.role is not None and person.event == event_index and record_id is not None:
            attendees.append(apply.Attendee(person, Participant.objects.get(pk=record_id)))
    return attendees


def _known_documents(suggestions: Suggestions, content: dict, finding: EventFinding):
    linked = set(content.get("resolutions", []))
    ids = []
    for doc, match in zip(suggestions.findings.documents, suggestions.documents, strict=True):
        record_id = _record_of(match, linked)
        if doc.key in finding.documents and record_id is not None:
            ids.append(record_id)
    return list(Resolution.objects.filter(pk__in=ids))


def _join_linked_events(suggestions, content, person: PersonFinding, participant) -> list[dict]:
    """A person linked after the event: recorded at the article's linked event that this
    text describes, in the role the text gives. Clicks may come in any order."""
    if person.role is None or person.event is None:
        return []
    match = suggestions.events[person.event] if person.event < len(suggestions.events) else None
    if match is None or match.record is None or match.record.id not in content.get("events", []):
        return []
    event = Event.objects.get(pk=match.record.id)
    row = apply.add_participation(event, apply.Attendee(person, participant))
    return [{"event": event.pk, "role": row.role}] if row else []
