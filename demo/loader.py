"""Loading the demo content into the database.

Running the loader again changes nothing: every record is found by its natural key
(a slug, a name, a document number, a username) and saved only if a field differs
from the data, so timestamps, slugs and search vectors stay as they were. Times of
sample records are relative to the first run and view counts are only set on
creation: later runs keep them, as they keep a reader's real views. Featured images
are drawn once; an article that has one keeps it.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import models, transaction
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from articles.models import (
    Article,
    BridgePoint,
    Category,
    Event,
    EventParticipant,
    Organization,
    Participant,
    Resolution,
    Tag,
)
from core.html import sanitize_html
from core.text import nfc
from images.models import Image
from images.services import store_image

from . import data
from .illustrations import describe_illustration, illustration_upload
from .sample_articles import SAMPLE_ARTICLES

CONTENT_DIR = Path(__file__).resolve().parent / "content"
SAMPLE_TAG = "Nội dung mẫu"
ILLUSTRATION_CREDIT = "Ảnh minh họa (mẫu)"


class DemoLoadError(Exception):
    """The demo content cannot be loaded; the message says why, in Vietnamese."""


def mark_sample(text: str) -> str:
    return f"{text} (mẫu)"


def mark_sample_byline(byline: str) -> str:
    return f"{byline} (bài mẫu)"


@dataclass
class Tally:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class Summary:
    """What a run did, per model in the order first touched, and the accounts it set."""

    tallies: dict[type[models.Model], Tally] = field(default_factory=dict)
    # (username, password, role name) for each demo account.
    accounts: list[tuple[str, str, str]] = field(default_factory=list)

    def tally(self, model: type[models.Model]) -> Tally:
        return self.tallies.setdefault(model, Tally())

    @property
    def created(self) -> int:
        return sum(t.created for t in self.tallies.values())

    @property
    def updated(self) -> int:
        return sum(t.updated for t in self.tallies.values())


@dataclass(frozen=True)
class SeedText:
    title: str
    sapo: str
    paragraphs: list[str]
    caption: str
    byline: str


def load_demo(*, with_accounts: bool = False) -> Summary:
    return DemoLoader().load(with_accounts=with_accounts)


def read_seed_article(path: Path, caption: str) -> SeedText:
    """Split an article kept as plain text into title, sapo, paragraphs and byline.

    The byline is the last line. The photo's caption sits among the paragraphs, where
    the photo was, and is taken out by its text.
    """
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    title, sapo, *paragraphs, byline = [line for line in lines if line]
    if caption not in paragraphs:
        raise DemoLoadError(f"Không tìm thấy chú thích ảnh “{caption}” trong tệp {path.name}.")
    paragraphs.remove(caption)
    return SeedText(title, sapo, paragraphs, caption, byline)


def render_body(blocks: list) -> str:
    """HTML for a body given as blocks (see sample_articles).

    The result is what Article.save() would store, so that an unchanged body compares
    equal on the next run.
    """
    parts = []
    for block in blocks:
        if isinstance(block, str):
            parts.append(format_html("<p>{}</p>", block))
            continue
        kind, content = block
        if kind in ("ul", "ol"):
            items = format_html_join("", "<li>{}</li>", ((item,) for item in content))
            parts.append(format_html("<{0}>{1}</{0}>", kind, items))
        elif kind == "quote":
            parts.append(format_html("<blockquote><p>{}</p></blockquote>", content))
        else:
            parts.append(format_html("<{0}>{1}</{0}>", kind, content))
    return sanitize_html("\n".join(parts))


def _differs(obj: models.Model, name: str, value) -> bool:
    model_field = obj._meta.get_field(name)
    if model_field.many_to_one:
        # Compare keys, without fetching the related object.
        return getattr(obj, model_field.attname) != (value.pk if value is not None else None)
    if isinstance(value, str):
        value = nfc(value)
    return getattr(obj, model_field.attname) != value


class DemoLoader:
    def __init__(self, now: datetime | None = None):
        self.now = now or timezone.now()
        self.today = timezone.localdate(self.now, data.VIETNAM)
        self.summary = Summary()
        self.organizations: dict[str, Organization] = {}
        self.categories: dict[str, Category] = {}
        self.tags: dict[str, Tag] = {}
        self.documents: dict[str, Resolution] = {}
        self.participants: dict[str, Participant] = {}
        self.events: dict[str, Event] = {}

    @transaction.atomic
    def load(self, *, with_accounts: bool = False) -> Summary:
        # Image files written before a failure stay in storage after the rollback;
        # they are unreferenced, and a second run draws new ones.
        if with_accounts:
            self.create_demo_accounts()
        self.load_organizations()
        self.load_categories()
        self.load_documents()
        self.load_participants()
        self.load_events()
        self.load_seed_article()
        self.load_sample_articles()
        return self.summary

    # Helpers --------------------------------------------------------------------------

    def sync(
        self, model, lookup: dict, values: dict | None = None, *, on_create: dict | None = None
    ):
        """The row found by lookup, created or brought up to date with values.

        Unlike update_or_create(), an up-to-date row is not saved again. Values in
        on_create are given to a new row only.
        """
        values = values or {}
        obj, created = model.objects.get_or_create(
            **lookup, defaults={**values, **(on_create or {})}
        )
        tally = self.summary.tally(model)
        if created:
            tally.created += 1
            return obj
        changed = [name for name, value in values.items() if _differs(obj, name, value)]
        if not changed:
            tally.unchanged += 1
            return obj
        for name in changed:
            setattr(obj, name, values[name])
        obj.save()
        tally.updated += 1
        return obj

    def at(self, days: int, hhmm: str) -> datetime:
        """Vietnam time on the day `days` from today: at(-3, "08:00")."""
        hour, minute = (int(part) for part in hhmm.split(":"))
        return datetime.combine(
            self.today + timedelta(days=days), time(hour, minute), tzinfo=data.VIETNAM
        )

    def tag(self, name: str) -> Tag:
        if name not in self.tags:
            self.tags[name] = self.sync(Tag, {"name": name})
        return self.tags[name]

    def attach_illustration(
        self, article: Article, picture: tuple[str, str], caption: str, credit: str
    ):
        """Give article a drawn featured image, unless it has one already."""
        if article.featured_image_id:
            return
        motif, palette = picture
        article.featured_image = store_image(
            illustration_upload(motif, palette, seed=article.slug),
            alt_text=describe_illustration(motif, palette),
            caption=caption,
            credit=credit,
        )
        article.save(update_fields=["featured_image"])
        self.summary.tally(Image).created += 1

    def link_article(self, article: Article, item: dict, extra_tags: tuple[str, ...] = ()):
        article.tags.set([self.tag(name) for name in [*item.get("tags", []), *extra_tags]])
        article.events.set([self.events[slug] for slug in item.get("events", [])])
        article.participants.set([self.participants[slug] for slug in item.get("participants", [])])
        article.resolutions.set([self.documents[key] for key in item.get("resolutions", [])])

    # Records --------------------------------------------------------------------------

    def create_demo_accounts(self) -> None:
        """Staff accounts, one per role, each with a new password on every run."""
        if not settings.DEBUG:
            raise DemoLoadError(
                "Tài khoản mẫu không bao giờ được tạo ngoài môi trường phát triển (DEBUG đang tắt)."
            )
        User = get_user_model()
        for account in data.ACCOUNTS:
            role = account["role"]
            group = Group.objects.filter(name=role.name).first()
            if group is None:
                raise DemoLoadError(f"Chưa có nhóm “{role.name}”: hãy chạy migrate trước.")
            user = self.sync(
                User,
                {"username": account["username"]},
                {
                    "full_name": account["full_name"],
                    "department": account["department"],
                    "position": account["position"],
                    "is_staff": True,
                    "is_superuser": False,
                    "is_active": True,
                },
            )
            user.groups.set([group])
            # A fresh password each run: the table printed is the only place it is shown.
            password = secrets.token_urlsafe(9)
            user.set_password(password)
            user.save(update_fields=["password"])
            self.summary.accounts.append((user.username, password, role.name))

    def load_organizations(self) -> None:
        for item in data.ORGANIZATIONS:
            self.organizations[item["name"]] = self.sync(
                Organization, {"name": item["name"]}, {"short_name": item["short_name"]}
            )

    def load_categories(self) -> None:
        for item in data.CATEGORIES:
            parent = self.sync(
                Category,
                {"slug": item["slug"]},
                {
                    "name": item["name"],
                    "order": item["order"],
                    "description": item.get("description", ""),
                    "parent": None,
                },
            )
            self.categories[parent.slug] = parent
            for child in item.get("children", []):
                self.categories[child["slug"]] = self.sync(
                    Category,
                    {"slug": child["slug"]},
                    {
                        "name": child["name"],
                        "order": child["order"],
                        "description": child.get("description", ""),
                        "parent": parent,
                    },
                )

    def load_documents(self) -> None:
        for item in data.DOCUMENTS:
            number, title = item["number"], item.get("title", "")
            key = number or title
            lookup = {"number": number} if number else {"number": "", "title": title}
            summary = mark_sample(item["summary"]) if item.get("sample") else item["summary"]
            self.documents[key] = self.sync(
                Resolution,
                lookup,
                {
                    "title": title,
                    "doc_type": item["doc_type"],
                    "issuer": self.organizations[item["issuer"]],
                    "issue_date": item["issue_date"],
                    "subject": item["subject"],
                    "summary": summary,
                    "in_focus": item.get("in_focus", False),
                },
            )
        for item in data.DOCUMENTS:
            if "related" in item:
                # The relation is symmetrical and declared on one side only: add, never
                # set, or one document's list would undo another's.
                self.documents[item["number"] or item["title"]].related_documents.add(
                    *(self.documents[key] for key in item["related"])
                )

    def load_participants(self) -> None:
        for item in data.PARTICIPANTS:
            bio = mark_sample(item["bio"]) if item.get("sample") else item.get("bio", "")
            organization = item.get("organization")
            self.participants[item["slug"]] = self.sync(
                Participant,
                {"slug": item["slug"]},
                {
                    "full_name": item["full_name"],
                    "positions": item["positions"],
                    "organization": self.organizations[organization] if organization else None,
                    "bio": bio,
                },
            )

    def load_events(self) -> None:
        for item in data.EVENTS:
            values = {
                "title": item["title"],
                "kind": item["kind"],
                "status": item["status"],
                "format": item["format"],
                "broadcast": item.get("broadcast", ""),
                "venue": item.get("venue", ""),
                "attendance": item.get("attendance"),
                "attendance_note": item.get("attendance_note", ""),
                "description": (
                    mark_sample(item["description"]) if item.get("sample") else item["description"]
                ),
            }
            times = {
                "starts_at": item["starts_at"] if "starts_at" in item else self.at(*item["starts"]),
                "ends_at": self.at(*item["ends"]) if "ends" in item else None,
            }
            if "starts_at" in item:
                # A real event's time is a fact; a sample's is relative to the first run.
                event = self.sync(Event, {"slug": item["slug"]}, {**values, **times})
            else:
                event = self.sync(Event, {"slug": item["slug"]}, values, on_create=times)
            event.organizers.set([self.organizations[name] for name in item.get("organizers", [])])
            event.resolutions.set([self.documents[key] for key in item.get("resolutions", [])])
            self.events[event.slug] = event
            bridge_points = self.load_bridge_points(event, item.get("bridge_points", []))
            self.load_participations(event, item.get("participants", []), bridge_points)

    def load_bridge_points(self, event: Event, points: list[dict]) -> dict[int, BridgePoint]:
        # The demo has at most one row per level and event, so the level identifies it.
        return {
            point["level"]: self.sync(
                BridgePoint,
                {"event": event, "level": point["level"]},
                {"count": point["count"], "area": point["area"], "location": point["location"]},
            )
            for point in points
        }

    def load_participations(
        self, event: Event, participations: list[dict], bridge_points: dict[int, BridgePoint]
    ) -> None:
        for item in participations:
            participant = self.participants[item["participant"]]
            level = item.get("bridge_point")
            self.sync(
                EventParticipant,
                {"event": event, "participant": participant, "role": item["role"]},
                {
                    "position_at_time": item.get("position_at_time", participant.positions_display),
                    "bridge_point": bridge_points[level] if level else None,
                    "note": item.get("note", ""),
                    "order": item.get("order", 0),
                },
            )

    def load_seed_article(self) -> None:
        item = data.SEED_ARTICLE
        text = read_seed_article(CONTENT_DIR / item["file"], item["caption"])
        article = self.sync(
            Article,
            {"slug": item["slug"]},
            {
                "title": text.title,
                "sapo": text.sapo,
                "body": render_body(text.paragraphs),
                "featured_image_caption": text.caption,
                "featured_image_credit": item["credit"],
                "byline": text.byline,
                "category": self.categories[item["category"]],
                "status": Article.Status.PUBLISHED,
                "published_at": item["published_at"],
            },
            on_create={"view_count": item["view_count"]},
        )
        self.link_article(article, item)
        self.attach_illustration(article, item["picture"], caption="", credit=item["credit"])

    def load_sample_articles(self) -> None:
        author = get_user_model().objects.filter(username=data.SAMPLE_AUTHOR).first()
        for item in SAMPLE_ARTICLES:
            picture = item.get("picture")
            published = item.get("published")
            article = self.sync(
                Article,
                {"slug": item["slug"]},
                {
                    "title": item["title"],
                    "sapo": item["sapo"],
                    "body": render_body(item["body"]),
                    "featured_image_caption": item.get("caption", "") if picture else "",
                    "featured_image_credit": ILLUSTRATION_CREDIT if picture else "",
                    "byline": mark_sample_byline(item["byline"]),
                    "category": self.categories[item["category"]],
                    "status": item.get("status", Article.Status.PUBLISHED),
                    "is_featured": item.get("is_featured", False),
                    "author": author,
                },
                on_create={
                    "published_at": self.at(*published) if published else None,
                    "view_count": item.get("view_count", 0),
                },
            )
            self.link_article(article, item, extra_tags=(SAMPLE_TAG,))
            if picture:
                self.attach_illustration(article, picture, item["caption"], ILLUSTRATION_CREDIT)
