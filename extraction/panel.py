"""What the "Gợi ý liên kết" panel beside the editor shows: every finding in the article's
text, grouped, with the sentence it was read from and the span marked, its match, and the
actions this user may take.

The panel is drawn on the server (extraction/templatetags/link_suggestions.py on the
article page, panel_views for "Quét lại"), so it works without JavaScript; the actions are
plain forms posting to panel_views. Whether a user sees them is workflow.rules' answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils import timezone

from articles.models import Article
from workflow.rules import Action, decide

from .extract import _sentence_of, _sentences
from .matching import EXISTING, NEW, PROBABLE, Candidate, Suggestions, event_key, suggest
from .vocabulary import EVENT_KIND_LABELS, EventKind

# A sentence longer than this is cut around the marked span, so one finding stays readable.
CONTEXT_CHARS = 110

CREATE_PERMISSIONS = {
    "document": "articles.add_resolution",
    "person": "articles.add_participant",
    "event": "articles.add_event",
}


@dataclass
class Excerpt:
    before: str
    marked: str
    after: str


@dataclass
class Item:
    kind: str
    key: str
    label: str
    detail: str
    excerpt: Excerpt
    status: str  # existing, probable, new
    linked: bool
    record: Candidate | None = None
    candidates: list[Candidate] = field(default_factory=list)


@dataclass
class Group:
    kind: str
    title: str
    items: list[Item]


@dataclass
class Panel:
    article: Article
    groups: list[Group]
    revision_id: int | None
    # Actions shown only to a user who may edit the article now; creating also needs the
    # model's add permission.
    can_link: bool = False
    can_create: dict[str, bool] = field(default_factory=dict)
    # Scanned from text the editor has not saved: links wait until it is saved.
    unsaved: bool = False
    reason: str = ""

    @property
    def count(self) -> int:
        return sum(len(group.items) for group in self.groups)


def excerpt(text: str, span: tuple[int, int], sentences=None) -> Excerpt:
    """The sentence around span, with the span itself apart for <mark>."""
    start, end = span
    sentences = sentences if sentences is not None else _sentences(text)
    first, last = _sentence_of(sentences, start)
    if first == last:  # span outside every sentence (should not happen): the span alone
        first, last = start, end
    end = min(end, last)
    before, marked, after = text[first:start], text[start:end], text[end:last]
    before, after = before.lstrip(), after.rstrip()
    if len(before) > CONTEXT_CHARS:
        # Cut at a space, so the excerpt starts on a whole word.
        cut = before[-CONTEXT_CHARS:]
        before = "…" + (cut.split(" ", 1)[1] if " " in cut else cut).lstrip()
    if len(after) > CONTEXT_CHARS:
        cut = after[:CONTEXT_CHARS]
        after = (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:") + "…"
    return Excerpt(before, marked, after)


def _document_detail(finding) -> str:
    parts = []
    if finding.number and finding.title:
        parts.append(finding.title)
    if finding.issue_date:
        parts.append(f"ngày {finding.issue_date:%d/%m/%Y}")
    if finding.issuer:
        parts.append(finding.issuer)
    if finding.number and not finding.complete:
        parts.append("chưa đủ số, ký hiệu")
    return " · ".join(parts)


def _event_label(finding) -> str:
    return finding.name or EVENT_KIND_LABELS[EventKind(finding.kind)]


def _event_detail(finding) -> str:
    parts = [EVENT_KIND_LABELS[EventKind(finding.kind)]]
    if finding.date:
        when = f"{finding.date:%d/%m/%Y}"
        if finding.time:
            when = f"{finding.time} {when}"
        elif finding.time_of_day:
            when = f"{finding.time_of_day} {when}"
        parts.append(when)
    elif finding.date_text:
        parts.append(finding.date_text)
    if finding.venue:
        parts.append(finding.venue)
    return " · ".join(parts)


def groups_of(suggestions: Suggestions) -> list[Group]:
    findings = suggestions.findings
    sentences = _sentences(findings.text)

    def item(kind, key, label, detail, finding, match) -> Item:
        return Item(
            kind=kind,
            key=key,
            label=label,
            detail=detail,
            excerpt=excerpt(findings.text, finding.span, sentences),
            status=match.status,
            linked=match.linked,
            record=match.record,
            candidates=match.candidates if match.status == PROBABLE else [],
        )

    documents = [
        item("document", d.key, d.label, _document_detail(d), d, m)
        for d, m in zip(findings.documents, suggestions.documents, strict=True)
    ]
    persons = [
        item("person", p.key, p.name, p.position_at_time, p, m)
        for p, m in zip(findings.persons, suggestions.persons, strict=True)
    ]
    events = [
        item("event", event_key(e), _event_label(e), _event_detail(e), e, m)
        for e, m in zip(findings.events, suggestions.events, strict=True)
    ]
    return [
        Group("document", "Văn bản", documents),
        Group("person", "Người tham gia", persons),
        Group("event", "Sự kiện", events),
    ]


def may_edit(user, article: Article):
    """workflow.rules' decision, with the permission the panel's endpoints also ask."""
    if not user.is_authenticated or not user.has_perm("articles.change_article"):
        return False, "Bạn không có quyền sửa bài."
    decision = decide(user, Action.EDIT, article)
    return bool(decision), "" if decision else decision.reason


def build(user, article: Article, content: dict | None = None) -> Panel:
    """The panel for the article's latest revision, or for content not saved yet."""
    unsaved = content is not None
    if content is None:
        latest = article.latest_revision
        content = latest.content if latest else {}
    suggestions = suggest(content, reference_date=timezone.localdate(article.created_at))
    allowed, reason = may_edit(user, article)
    return Panel(
        article=article,
        groups=groups_of(suggestions),
        revision_id=article.latest_revision_id,
        can_link=allowed and not unsaved,
        can_create={
            kind: allowed and not unsaved and user.has_perm(permission)
            for kind, permission in CREATE_PERMISSIONS.items()
        },
        unsaved=unsaved,
        reason=reason,
    )


STATUS_TEXT = {EXISTING: "Đã có", PROBABLE: "Có thể là", NEW: "Mới"}
