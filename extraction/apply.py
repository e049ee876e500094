"""Doing what the editor chose: linking a record to an article, creating one from a finding.

Nothing here runs on its own: the panel calls it on a click, the import command only with
--link. Links are written as a new revision through workflow.services.save_working_copy,
so the history shows who linked what, and the workflow's rules decide whether the user may
edit the article at all. New records get the fields the text gave, and nothing else: a
field the text did not state stays empty for the editor to fill, rather than guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.models import (
    Article,
    BridgePoint,
    Event,
    EventParticipant,
    Organization,
    Participant,
    Resolution,
)
from core.text import fold, nfc
from workflow.services import save_working_copy

from .extract import DocumentFinding, EventFinding, PersonFinding
from .matching import EXISTING, NEW, Matcher, Suggestions
from .vocabulary import DEFAULT_HOURS, EVENT_KIND_LABELS, EventKind

# The article's link field for each kind of finding, and the model it links.
LINK_FIELDS = {"document": "resolutions", "person": "participants", "event": "events"}
MODELS = {"document": Resolution, "person": Participant, "event": Event}
FIELD_MODELS = {LINK_FIELDS[kind]: model for kind, model in MODELS.items()}


def _require(user, permission: str, message: str) -> None:
    if not user.has_perm(permission):
        raise PermissionDenied(message)


# Linking ---------------------------------------------------------------------------------


def link_records(
    user, article: Article, links: dict[str, list[int]], *, base_revision_id: int | None = None
):
    """Add records to the article's links as a new revision; returns the revision.

    links maps a link field ("resolutions", "participants", "events") to record ids. With
    base_revision_id the save is refused (workflow.services.EditConflict) if someone
    saved since; without it, the links are added to whatever is latest.
    """
    article.refresh_from_db()
    latest = article.latest_revision
    base = base_revision_id if base_revision_id is not None else getattr(latest, "pk", None)
    current = latest.content if latest else {}
    changes = {}
    for field_name, ids in links.items():
        wanted = set(
            FIELD_MODELS[field_name].objects.filter(pk__in=ids).values_list("pk", flat=True)
        )
        if len(wanted) != len(set(ids)):
            raise ValidationError("Bản ghi cần liên kết không còn tồn tại.")
        have = set(current.get(field_name, []))
        if not wanted <= have:
            changes[field_name] = sorted(have | wanted)
    return save_working_copy(user, article, changes, base_revision_id=base)


# Organisations ---------------------------------------------------------------------------


def organization(name: str) -> Organization:
    """The organisation of that name, by full or short name, folded; created if none.

    "Tỉnh ủy" finds "Tỉnh ủy Hà Nam" when that is the record whose short name is "Tỉnh ủy".
    """
    name = " ".join(nfc(name).split())
    wanted = fold(name)
    by_short = None
    for org in Organization.objects.all().only("id", "name", "short_name", "slug"):
        if fold(org.name) == wanted:
            return org
        if org.short_name and fold(org.short_name) == wanted and by_short is None:
            by_short = org
    if by_short is not None:
        return by_short
    org, _created = Organization.objects.get_or_create(name=name)
    return org


# Creating --------------------------------------------------------------------------------


@transaction.atomic
def create_resolution(user, finding: DocumentFinding) -> Resolution:
    _require(user, "articles.add_resolution", "Bạn không có quyền thêm văn bản.")
    if finding.number and not finding.complete:
        raise ValidationError(
            "Văn bản chỉ được nhắc bằng số thứ tự (ví dụ “Nghị quyết 57”): hãy nhập đủ số, "
            "ký hiệu trước khi tạo."
        )
    resolution = Resolution(
        number=finding.number or "",
        doc_type=finding.doc_type,
        title="" if finding.number else (finding.title or ""),
        issuer=organization(finding.issuer) if finding.issuer else None,
        issue_date=finding.issue_date,
        subject=finding.subject or "",
    )
    resolution.full_clean(exclude=["slug"])
    try:
        with transaction.atomic():
            resolution.save()
    except IntegrityError as error:
        raise ValidationError("Đã có văn bản mang số, ký hiệu này.") from error
    if finding.implements and not finding.implements.isdigit():
        # The programme for 57-NQ/TW is related to 57-NQ/TW, when the site has it.
        implemented = Matcher().document(
            DocumentFinding(doc_type=finding.doc_type, number=finding.implements)
        )
        if implemented.status == EXISTING and implemented.record.id != resolution.pk:
            resolution.related_documents.add(implemented.record.id)
    return resolution


@transaction.atomic
def create_participant(user, finding: PersonFinding) -> Participant:
    _require(user, "articles.add_participant", "Bạn không có quyền thêm nhân vật.")
    participant = Participant(full_name=finding.name, positions="\n".join(finding.positions))
    participant.full_clean(exclude=["slug"])
    participant.save()
    return participant


def _starts_at(finding: EventFinding) -> datetime:
    if finding.date is None:
        raise ValidationError("Chưa rõ ngày diễn ra sự kiện: hãy nhập ngày trước khi tạo sự kiện.")
    if finding.time:
        hour, minute = (int(part) for part in finding.time.split(":"))
    else:
        # Only the time of day is known ("Sáng ngày 13/01/2025"): its usual start.
        hour, minute = DEFAULT_HOURS.get(finding.time_of_day, DEFAULT_HOURS[None])
    return timezone.make_aware(datetime.combine(finding.date, time(hour, minute)))


@dataclass
class Attendee:
    """A person to record at a new event: the finding and the record it was resolved to."""

    finding: PersonFinding
    participant: Participant


@transaction.atomic
def create_event(
    user,
    finding: EventFinding,
    *,
    attendees: list[Attendee] = (),
    resolutions: list[Resolution] = (),
) -> Event:
    _require(user, "articles.add_event", "Bạn không có quyền thêm sự kiện.")
    starts_at = _starts_at(finding)
    title = finding.name or (
        f"{EVENT_KIND_LABELS[EventKind(finding.kind)]} ngày {finding.date:%d/%m/%Y}"
    )
    event = Event(
        title=title,
        kind=finding.kind,
        starts_at=starts_at,
        status=Event.Status.HELD if finding.date < timezone.localdate() else Event.Status.PLANNED,
        broadcast=finding.broadcast,
        venue=finding.venue,
        attendance=finding.attendance,
        attendance_note=finding.attendance_note,
    )
    if finding.format:
        event.format = finding.format
    event.full_clean(exclude=["slug"])
    event.save()
    event.organizers.set([organization(name) for name in finding.organizers])
    if resolutions:
        event.resolutions.set(resolutions)
    points: dict[int, BridgePoint] = {}
    for point in finding.bridge_points:
        row = BridgePoint(
            event=event, level=point.level, count=point.count, location=point.location
        )
        row.full_clean()
        row.save()
        points.setdefault(point.level, row)
    for attendee in attendees:
        add_participation(event, attendee, points)
    return event


def add_participation(
    event: Event, attendee: Attendee, points: dict[int, BridgePoint] | None = None
) -> EventParticipant | None:
    """Record the person at the event in the role the text gives, once per role."""
    person = attendee.finding
    if person.role is None:
        return None
    if points is None:
        points = {p.level: p for p in event.bridge_points.all()}
    order = EventParticipant.objects.filter(event=event, role=person.role).count() + 1
    row, _created = EventParticipant.objects.get_or_create(
        event=event,
        participant=attendee.participant,
        role=person.role,
        defaults={
            "position_at_time": person.position_at_time[:300],
            "bridge_point": points.get(person.bridge_level),
            "note": person.role_note[:300],
            "order": order,
        },
    )
    return row


# Linking everything the import can decide alone ------------------------------------------


@dataclass
class Outcome:
    """What linking an article's suggestions did, for the import's report."""

    links: dict[str, list[int]] = field(
        default_factory=lambda: {"resolutions": [], "participants": [], "events": []}
    )
    linked: int = 0
    created: int = 0
    # (kind, label, why) of findings left for an editor.
    left: list[tuple[str, str, str]] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "links": self.links,
            "linked": self.linked,
            "created": self.created,
            "left": [list(item) for item in self.left],
        }


CHOOSE = "có bản ghi gần giống, cần biên tập viên chọn"


def settle(user, suggestions: Suggestions) -> Outcome:
    """Link confident matches and create records for unambiguous new findings.

    Unambiguous: a document with its full number or its title; a person with a name and a
    position; an event with its date. Probable matches are left for an editor.
    """
    outcome = Outcome()
    findings = suggestions.findings
    documents: dict[str, Resolution] = {}
    for finding, match in zip(findings.documents, suggestions.documents, strict=True):
        record = None
        if match.status == EXISTING:
            record = Resolution.objects.get(pk=match.record.id)
            outcome.linked += 1
        elif match.status == NEW and (finding.title or (finding.number and finding.complete)):
            record = create_resolution(user, finding)
            outcome.created += 1
        else:
            why = CHOOSE if match.status != NEW else "chưa đủ số, ký hiệu"
            outcome.left.append(("document", finding.label, why))
            continue
        documents[finding.key] = record
        outcome.links["resolutions"].append(record.pk)

    people: list[Attendee] = []
    for finding, match in zip(findings.persons, suggestions.persons, strict=True):
        if match.status == EXISTING:
            record = Participant.objects.get(pk=match.record.id)
            outcome.linked += 1
        elif match.status == NEW and finding.positions:
            record = create_participant(user, finding)
            outcome.created += 1
        else:
            why = CHOOSE if match.status != NEW else "chưa rõ chức vụ"
            outcome.left.append(("person", finding.name, why))
            continue
        people.append(Attendee(finding, record))
        outcome.links["participants"].append(record.pk)

    for index, (finding, match) in enumerate(zip(findings.events, suggestions.events, strict=True)):
        label = finding.name or EVENT_KIND_LABELS[EventKind(finding.kind)]
        if match.status == EXISTING:
            record = Event.objects.get(pk=match.record.id)
            outcome.linked += 1
        elif match.status == NEW and finding.date:
            record = create_event(
                user,
                finding,
                attendees=[a for a in people if a.finding.event == index],
                resolutions=[documents[k] for k in finding.documents if k in documents],
            )
            outcome.created += 1
        else:
            why = CHOOSE if match.status != NEW else "chưa rõ ngày diễn ra"
            outcome.left.append(("event", label, why))
            continue
        outcome.links["events"].append(record.pk)
    return outcome
