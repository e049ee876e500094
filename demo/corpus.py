"""A large, repeatable corpus for speed and load tests: `python manage.py load_corpus`.

By default 100,000 articles over ten years in plausible Vietnamese (5-15 paragraphs,
sections, tags, bylines, featured images), 5,000 events with participants and bridge
points, 2,000 participants, 500 documents of the province, and the links between
them; a share of the articles are drafts, in review, withdrawn or scheduled. The same
seed and anchor date give the same rows, byte for byte.

Everything is invented and says so where a reader could take it for fact: people's
biographies and documents' summaries end with TEST_DATA_NOTE, document numbers are of
the province only. National documents are only cited by their real number.

Speed: the rows go in with COPY on PostgreSQL (bulk INSERT elsewhere) and the
articles' search vectors are written without running search.tokens.build_vector on
every body. A body is made of sentences drawn from a pool; each pooled sentence is
tokenized once, by search.tokens.words, into a tsvector fragment with its positions
left as format fields. An article's vector is its fragments with positions filled in;
PostgreSQL merges the repeated lexemes when it parses the literal, and caps positions
exactly as build_vector does (256 per lexeme, 16383 at most), so the stored tsvector
equals build_vector's. tests/test_performance_corpus.py checks that equality, and
`load_corpus --verify` checks a sample of every load. SQLite gets build_vector's own
literal, which it stores as text.
"""

from __future__ import annotations

import bisect
import html
import multiprocessing
import os
import random
import re
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.core.management.color import no_style
from django.db import connection, connections, models, transaction

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
from core.html import html_to_text
from core.text import fold, unique_slug, vi_slugify
from images.models import Image
from search.tokens import build_vector, words

from . import corpus_text as T
from . import data

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
TEST_DATA_NOTE = "(Dữ liệu thử tải, không phải thông tin thật.)"
IMAGE_CREDIT = "Ảnh minh họa"
YEARS = 10
CHUNK = 1000

# The search phrases the benchmark uses, with how often the corpus writes them.
COMMON_PHRASE = "nghị quyết"
RARE_PHRASE = "mây tre đan"
RARE_SHARE = 0.001


@dataclass(frozen=True)
class Sizes:
    articles: int = 100_000
    events: int = 5_000
    participants: int = 2_000
    resolutions: int = 500
    images: int = 8


@dataclass
class LoadReport:
    counts: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)


# Text, tokenized once ----------------------------------------------------------------


class Unit:
    """A sentence (or heading, byline…) as text, as escaped HTML and as tsvector fragments.

    Each fragment is the sentence's lexemes with "{i}" where the position goes, so an
    article's vector is a str.format per sentence rather than a loop per word.
    """

    __slots__ = ("_templates", "html", "text", "tokens")

    def __init__(self, text: str):
        self.text = text
        self.html = html.escape(text, quote=False)
        self.tokens = words(text)
        self._templates: dict[str, str] = {}

    def fragment(self, weight: str, start: int) -> str:
        template = self._templates.get(weight)
        if template is None:
            parts = []
            for i, (exact, folded) in enumerate(self.tokens):
                parts.append(f"'{exact}':{{{i}}}{weight}")
                if folded != exact:
                    parts.append(f"'{folded}':{{{i}}}{weight}")
            template = self._templates[weight] = " ".join(parts)
        return template.format(*range(start + 1, start + 1 + len(self.tokens)))


def fragments_of(tokens: list[tuple[str, str]], weight: str, start: int) -> str:
    parts = []
    for i, (exact, folded) in enumerate(tokens, start + 1):
        parts.append(f"'{exact}':{i}{weight}")
        if folded != exact:
            parts.append(f"'{folded}':{i}{weight}")
    return " ".join(parts)


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def fast_slug(title: str, max_length: int = 100) -> str:
    """What vi_slugify gives for Vietnamese text (folded, hyphenated, cut at a word
    boundary), at a fraction of the cost: the corpus makes 100,000 of them."""
    slug = _NOT_SLUG.sub("-", fold(title)).strip("-")
    if len(slug) > max_length:
        slug = slug[: max_length + 1].rsplit("-", 1)[0]
    return slug


def unique_fast_slug(text: str, taken: set[str]) -> str:
    """fast_slug made unique against taken (and added to it), as SluggedModel would."""
    slug = fast_slug(text) or "muc"
    if slug in taken:
        slug = unique_slug(slug, taken.__contains__, max_length=100)
    taken.add(slug)
    return slug


def group_number(value: int) -> str:
    """12450 -> "12.450", as the press writes it."""
    return f"{value:,}".replace(",", ".")


def decimal_vi(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


# The generator ---------------------------------------------------------------------


@dataclass
class People:
    """Participants as the text mentions them: (id, "Nguyễn Văn A, Chức vụ")."""

    ids: list[int]
    mentions: list[str]


class Corpus:
    """Rows for every table, from a seed. Generation does not touch the database."""

    def __init__(self, seed: int, sizes: Sizes, anchor: date):
        self.seed = seed
        self.sizes = sizes
        self.anchor = anchor
        # Articles go up to the anchor day's evening; scheduled ones a little beyond.
        self.end = datetime.combine(anchor, datetime.min.time(), tzinfo=VIETNAM) + timedelta(
            hours=23, minutes=59
        )
        self.start = self.end - timedelta(days=365 * YEARS)
        self.people = People(ids=[], mentions=[])

    # Reference records ---------------------------------------------------------------

    def person_name(self, rng: random.Random) -> str:
        sex = rng.choice("mf")
        return f"{rng.choice(T.FAMILY_NAMES)} {rng.choice(T.MIDDLE_NAMES[sex])} {rng.choice(T.GIVEN_NAMES[sex])}"

    def place(self, rng: random.Random) -> str:
        roll = rng.random()
        if roll < 0.35:
            return rng.choice(T.DISTRICTS)
        if roll < 0.9:
            return f"xã {rng.choice(T.COMMUNES)}"
        return f"thôn {rng.choice(T.VILLAGES)}, xã {rng.choice(T.COMMUNES)}"

    def body_name(self, rng: random.Random) -> str:
        if rng.random() < 0.6:
            return rng.choice(T.PROVINCIAL_BODIES)
        return rng.choice(T.LOCAL_BODIES).format(
            district_committee=rng.choice(T.DISTRICT_COMMITTEES),
            commune=rng.choice(T.COMMUNES),
            village=rng.choice(T.VILLAGES),
        )

    def fill(
        self, pattern: str, rng: random.Random, people: People, capitalize: bool = True
    ) -> str:
        year = rng.randint(self.anchor.year - YEARS, self.anchor.year)
        place = self.place(rng)
        values = {
            "org": self.body_name(rng),
            "prov": rng.choice(T.PROVINCIAL_BODIES),
            "place": place,
            "Place": place[0].upper() + place[1:],
            "commune": rng.choice(T.COMMUNES),
            "village": rng.choice(T.VILLAGES),
            "topic": rng.choice(T.TOPICS),
            "doc": rng.choice(T.DOCUMENT_MENTIONS),
            "short_doc": rng.choice(T.SHORT_DOCUMENTS),
            "group": rng.choice(T.GROUPS),
            "model": rng.choice(T.MODELS),
            "anniv": rng.choice(T.ANNIVERSARIES),
            "kind": rng.choice(T.EVENT_KINDS),
            "period": rng.choice(T.PERIODS),
            "person": rng.choice(people.mentions) if people.mentions else "Nguyễn Văn An",
            "n": rng.randint(2, 60),
            "n2": rng.randint(10, 220),
            "count": group_number(rng.randint(1_000, 60_000)),
            "pct": f"{decimal_vi(rng.uniform(60, 99.9))}%",
            "small_pct": f"{decimal_vi(rng.uniform(0.5, 4.5))}%",
            "money": group_number(rng.randint(120, 9_800)),
            "year": year,
            "future": year + rng.randint(3, 5),
        }
        text = pattern.format(**values)
        return text[0].upper() + text[1:] if capitalize else text

    def organizations(self) -> list[str]:
        return sorted({o["name"] for o in data.ORGANIZATIONS} | set(T.PROVINCIAL_BODIES))

    def tag_names(self) -> list[str]:
        names = list(T.TAG_NAMES)
        names += [d.split(" ", 1)[1] for d in T.DISTRICTS]
        names += [t[0].upper() + t[1:] for t in T.TOPICS if len(t) < 40]
        return sorted(set(names))

    def participants(self) -> list[dict]:
        rng = random.Random(self.seed * 7 + 1)  # seeded, not secret  # nosec B311
        rows = []
        for _ in range(self.sizes.participants):
            name = self.person_name(rng)
            positions = [rng.choice(T.POSITIONS)]
            if rng.random() < 0.3:
                positions.append(rng.choice(T.POSITIONS))
            born = rng.randint(1962, 1992)
            rows.append(
                {
                    "full_name": name,
                    "positions": "\n".join(dict.fromkeys(positions)),
                    "bio": f"Sinh năm {born}; quê {self.place(rng)}. {TEST_DATA_NOTE}",
                }
            )
        return rows

    def resolutions(self) -> list[dict]:
        rng = random.Random(self.seed * 7 + 2)  # seeded, not secret  # nosec B311
        kinds = [
            ("NQ/TU", Resolution.DocType.RESOLUTION, "Tỉnh ủy"),
            ("CT/TU", Resolution.DocType.DIRECTIVE, "Tỉnh ủy"),
            ("KL/TU", Resolution.DocType.CONCLUSION, "Tỉnh ủy"),
            ("KH/TU", Resolution.DocType.PLAN, "Tỉnh ủy"),
            ("HD/BTGTU", Resolution.DocType.GUIDANCE, "Ban Tuyên giáo Tỉnh ủy"),
            ("QĐ-UBND", Resolution.DocType.DECISION, "UBND tỉnh"),
            ("KH-UBND", Resolution.DocType.PLAN, "UBND tỉnh"),
            ("NQ-HĐND", Resolution.DocType.RESOLUTION, "HĐND tỉnh"),
        ]
        seen: set[str] = set()
        rows = []
        while len(rows) < self.sizes.resolutions:
            suffix, doc_type, issuer = rng.choice(kinds)
            issued = self.anchor - timedelta(days=rng.randint(0, 365 * YEARS + 400))
            serial = rng.randint(1, 480)
            number = (
                f"{serial}-{suffix}"
                if "/" in suffix
                else f"{serial}/{issued.year}/{suffix}"
                if suffix == "NQ-HĐND"
                else f"{serial}/{suffix}"
            )
            if number.upper() in seen:
                continue
            seen.add(number.upper())
            topic = rng.choice(T.TOPICS)
            rows.append(
                {
                    "number": number,
                    "doc_type": doc_type,
                    "issuer": issuer,
                    "issue_date": issued,
                    "subject": f"về {topic}"
                    if rng.random() < 0.6
                    else f"thực hiện {rng.choice(T.DOCUMENT_MENTIONS)}",
                    "summary": (
                        f"Văn bản xác định mục tiêu, nhiệm vụ và giải pháp về {topic} trên địa bàn "
                        f"tỉnh, giao trách nhiệm cho các cấp ủy, chính quyền và đoàn thể. {TEST_DATA_NOTE}"
                    ),
                    "in_focus": False,
                }
            )
        rows.sort(key=lambda r: r["issue_date"])
        for row in rows[-6:]:
            row["in_focus"] = True
        return rows

    def events(self, people: People, resolution_ids: list[int], org_ids: list[int]) -> list[dict]:
        rng = random.Random(self.seed * 7 + 3)  # seeded, not secret  # nosec B311
        rows = []
        upcoming = max(1, self.sizes.events // 80)
        for i in range(self.sizes.events):
            if i < upcoming:
                starts = self.end + timedelta(days=rng.randint(1, 60))
            else:
                starts = self.start + timedelta(days=rng.uniform(0, 365 * YEARS))
            starts = starts.replace(
                hour=rng.choice((7, 8, 8, 9, 14, 14)),
                minute=rng.choice((0, 0, 30)),
                second=0,
                microsecond=0,
            )
            kind, title = self.event_title(rng, starts.year)
            fmt = rng.choice(list(Event.Format.values))
            points = []
            if fmt != Event.Format.IN_PERSON:
                points.append(
                    {
                        "level": BridgePoint.Level.PROVINCIAL,
                        "count": 1,
                        "area": "tỉnh",
                        "location": "Hội trường Tỉnh ủy",
                    }
                )
                points.append(
                    {
                        "level": rng.choice(
                            (BridgePoint.Level.DISTRICT, BridgePoint.Level.GRASSROOTS)
                        ),
                        "count": rng.randint(6, 120),
                        "area": "các huyện, thị xã, thành phố"
                        if rng.random() < 0.5
                        else "các xã, phường trong tỉnh",
                        "location": "",
                    }
                )
                if rng.random() < 0.3:
                    points.insert(
                        0,
                        {
                            "level": BridgePoint.Level.CENTRAL,
                            "count": 1,
                            "area": "Hà Nội",
                            "location": "",
                        },
                    )
            n_people = rng.randint(3, 15)
            chosen = rng.sample(range(len(people.ids)), min(n_people, len(people.ids)))
            roles = []
            for j, index in enumerate(chosen):
                if j < rng.choice((1, 2)):
                    role = EventParticipant.Role.PRESIDING
                elif j == 2 and rng.random() < 0.4:
                    role = EventParticipant.Role.DIRECTING
                elif j < 5:
                    role = EventParticipant.Role.PRESENTING
                else:
                    role = EventParticipant.Role.ATTENDING
                roles.append((index, role, j))
            rows.append(
                {
                    "title": title,
                    "kind": kind,
                    "starts_at": starts,
                    "ends_at": starts + timedelta(hours=rng.choice((2, 3, 4, 8))),
                    "format": fmt,
                    "broadcast": "Đài Phát thanh và Truyền hình tỉnh" if rng.random() < 0.1 else "",
                    "venue": rng.choice(
                        (
                            "Hội trường Tỉnh ủy",
                            "Hội trường UBND tỉnh",
                            "Trường Chính trị tỉnh",
                            f"Hội trường UBND {self.place(rng)}",
                        )
                    ),
                    "status": Event.Status.PLANNED if starts > self.end else Event.Status.HELD,
                    "attendance": rng.randint(40, 5000),
                    "attendance_note": "đại biểu tham dự",
                    "description": self.fill(rng.choice(T.SENTENCES), rng, people)
                    + " "
                    + self.fill(rng.choice(T.SENTENCES), rng, people),
                    "bridge_points": points,
                    "participants": roles,
                    "organizers": rng.sample(org_ids, min(len(org_ids), rng.choice((1, 1, 2)))),
                    "resolutions": rng.sample(
                        resolution_ids, min(len(resolution_ids), rng.choice((0, 1, 1, 2)))
                    ),
                }
            )
        rows.sort(key=lambda r: r["starts_at"])
        return rows

    def event_title(self, rng: random.Random, year: int) -> tuple[str, str]:
        roll = rng.random()
        topic = rng.choice(T.TOPICS)
        if roll < 0.3:
            return (
                Event.Kind.CONFERENCE,
                f"Hội nghị {rng.choice(('sơ kết', 'tổng kết', 'quán triệt'))} {topic} năm {year}",
            )
        if roll < 0.45:
            return Event.Kind.SEMINAR, f"Hội thảo khoa học về {topic}"
        if roll < 0.55:
            return Event.Kind.TALK, f"Tọa đàm {topic} tại {self.place(rng)}"
        if roll < 0.7:
            return (
                Event.Kind.CEREMONY,
                f"Lễ kỷ niệm {rng.randint(10, 95)} năm Ngày thành lập {rng.choice(T.ANNIVERSARIES)}",
            )
        if roll < 0.8:
            return Event.Kind.SESSION, f"Kỳ họp thứ {rng.randint(2, 25)} HĐND tỉnh khóa XIX"
        if roll < 0.9:
            return (
                Event.Kind.CONFERENCE,
                f"Hội nghị báo cáo viên Tỉnh ủy tháng {rng.randint(1, 12)}/{year}",
            )
        return (
            Event.Kind.CONGRESS,
            f"Đại hội Đảng bộ {self.place(rng)} nhiệm kỳ {year} - {year + 5}",
        )

    # Text pools ---------------------------------------------------------------------

    def build_pools(self, people: People) -> None:
        rng = random.Random(self.seed * 7 + 4)  # seeded, not secret  # nosec B311
        self.sentences = [
            Unit(self.fill(rng.choice(T.SENTENCES), rng, people)) for _ in range(6000)
        ]
        self.rare = [Unit(self.fill(p, rng, people)) for p in T.RARE_SENTENCES for _ in range(20)]
        self.rare_phrase = [u for u in self.rare if RARE_PHRASE in u.text]
        self.rare_other = [u for u in self.rare if RARE_PHRASE not in u.text]
        self.headings = [Unit(h) for h in T.HEADINGS]
        # After "Ngày 3/5/2021, ": a name of a body keeps its capital, "đồng chí" does not.
        self.sapos = [
            Unit(self.fill(rng.choice(T.SAPO_PATTERNS), rng, people, capitalize=False))
            for _ in range(3000)
        ]
        bylines = [
            self.person_name(rng).split(" ", 1)[1] + rng.choice(T.BYLINE_SUFFIXES)
            for _ in range(250)
        ]
        self.bylines = [Unit(b) for b in bylines + T.DEPARTMENT_BYLINES]
        self.captions = [
            self.fill("Quang cảnh {kind} về {topic} tại {place}", rng, people) for _ in range(300)
        ]

    # Articles ----------------------------------------------------------------------

    def article_dates(self) -> list[datetime]:
        """Publication times over YEARS, more of them in recent years, in order."""
        rng = random.Random(self.seed * 7 + 5)  # seeded, not secret  # nosec B311
        span = (self.end - self.start).total_seconds()
        times = []
        for _ in range(self.sizes.articles):
            # Density rising linearly to twice its start over the span.
            x = -1 + (1 + 3 * rng.random()) ** 0.5
            moment = self.start + timedelta(seconds=x * span)
            moment = moment.replace(hour=rng.randint(6, 21), minute=rng.randint(0, 59))
            times.append(min(moment, self.end))
        times.sort()
        return times


@dataclass
class ArticleContext:
    """What article generation needs from the reference rows: ids and dates."""

    first_id: int
    category_ids: list[int]
    category_weights: list[float]
    tag_ids: list[int]
    image_ids: list[int]
    event_ids: list[int]
    event_starts: list[datetime]
    event_people: list[list[int]]
    event_resolutions: list[list[int]]
    participant_ids: list[int]
    resolution_ids: list[int]
    resolution_dates: list[date]
    dates: list[datetime]
    postgres: bool


STATUSES = [
    (Article.Status.DRAFT, 0.03),
    (Article.Status.SUBMITTED, 0.01),
    (Article.Status.RETURNED, 0.005),
    (Article.Status.APPROVED, 0.005),
    (Article.Status.WITHDRAWN, 0.015),
    ("scheduled", 0.002),
]


def _status(rng: random.Random) -> str:
    roll = rng.random()
    for status, share in STATUSES:
        if roll < share:
            return status
        roll -= share
    return Article.Status.PUBLISHED


# Set in the parent before forking workers (and used directly without workers).
_CORPUS: Corpus | None = None
_CONTEXT: ArticleContext | None = None


def chunk_range(index: int) -> range:
    return range(index * CHUNK, min(len(_CONTEXT.dates), (index + 1) * CHUNK))


def generate_titles(index: int) -> list[str]:
    """Titles of the articles of chunk index, from their own random stream: the parent
    needs them first, to give every article a unique slug."""
    corpus = _CORPUS
    rng = random.Random(corpus.seed * 1_000_003 + index)  # seeded, not secret  # nosec B311
    return [
        corpus.fill(rng.choice(T.TITLE_PATTERNS), rng, corpus.people) for _ in chunk_range(index)
    ]


def generate_chunk(
    index: int, titles: list[str], slugs: list[str]
) -> tuple[list[dict], dict[str, list[tuple]]]:
    """Rows for the articles of chunk index: a pure function of the seed."""
    corpus, ctx = _CORPUS, _CONTEXT
    rng = random.Random(corpus.seed * 1_000_033 + index)  # seeded, not secret  # nosec B311
    rows = []
    links: dict[str, list[tuple]] = {name: [] for name in LINKS}
    for i, title, slug in zip(chunk_range(index), titles, slugs, strict=True):
        pk = ctx.first_id + i
        row, article_links = _article(corpus, ctx, rng, pk, ctx.dates[i], title)
        row["slug"] = slug
        rows.append(row)
        for name, ids in article_links.items():
            links[name].extend((pk, other) for other in ids)
    return rows, links


LINKS = ("tags", "events", "participants", "resolutions")
_WORKER_CONNECTION = None


def write_chunk(task: tuple[int, list[str], list[str]]) -> tuple[int, int, dict[str, int]]:
    """Generate a chunk and COPY it in, on this process's own connection (a worker's, or
    the parent's when there are no workers). Returns (articles, a sample id, links)."""
    global _WORKER_CONNECTION
    index, titles, slugs = task
    _t0 = time.perf_counter()
    rows, links = generate_chunk(index, titles, slugs)
    _t1 = time.perf_counter()
    if multiprocessing.parent_process() is None:
        with transaction.atomic():
            Writer(Article).write(rows)
            counts = {name: _link_writer(name).write(pairs) for name, pairs in links.items()}
    else:
        if _WORKER_CONNECTION is None:
            _WORKER_CONNECTION = _bulk_connection()
        raw = _WORKER_CONNECTION
        with raw.transaction(), raw.cursor() as cursor:
            Writer(Article).copy(cursor, rows)
            counts = {name: _link_writer(name).copy(cursor, pairs) for name, pairs in links.items()}
    if os.environ.get("CORPUS_TIMING"):
        print(
            f"chunk {index}: gen {_t1 - _t0:.2f}s write {time.perf_counter() - _t1:.2f}s",
            file=sys.stderr,
        )
    return len(rows), rows[len(rows) // 2]["id"], counts


def _bulk_connection():
    """A psycopg connection of this worker's own. As a superuser it skips the
    foreign-key triggers, as pg_restore --disable-triggers does: every key the corpus
    writes exists, and checking half a million links one by one costs a tenth of the
    load. Other roles load with the checks."""
    raw = connection.get_new_connection(connection.get_connection_params())
    with raw.cursor() as cursor:
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        if cursor.fetchone()[0]:
            cursor.execute("SET session_replication_role = replica")
    raw.commit()
    return raw


def _link_writer(name: str) -> Writer:
    field = Article._meta.get_field(name)
    return Writer(
        table=field.m2m_db_table(),
        columns=(field.m2m_column_name(), field.m2m_reverse_name()),
    )


def _article(
    corpus: Corpus, ctx: ArticleContext, rng: random.Random, pk: int, when: datetime, title: str
):
    status = _status(rng)
    scheduled = status == "scheduled"
    if scheduled:
        status = Article.Status.PUBLISHED
        when = corpus.end + timedelta(days=rng.randint(1, 14), hours=rng.randint(0, 10))
    local = when.astimezone(VIETNAM)
    sapo_prefix = f"Ngày {local.day}/{local.month}/{local.year}, "
    sapo_units = [rng.choice(corpus.sapos), rng.choice(corpus.sentences)]
    sapo = sapo_prefix + " ".join(u.text for u in sapo_units)
    byline = rng.choice(corpus.bylines)

    # Body: 5-15 paragraphs of 2-5 sentences, an occasional heading and rare sentence.
    blocks: list[tuple[str, list[Unit]]] = []
    n_paragraphs = rng.randint(5, 15)
    for p in range(n_paragraphs):
        if p and p % 5 == 0 and rng.random() < 0.5:
            blocks.append(("h2", [rng.choice(corpus.headings)]))
        units = [rng.choice(corpus.sentences) for _ in range(rng.randint(2, 4))]
        blocks.append(("p", units))
    paragraphs = [units for tag, units in blocks if tag == "p"]
    if rng.random() < RARE_SHARE:
        rng.choice(paragraphs).append(rng.choice(corpus.rare_phrase))
    if rng.random() < RARE_SHARE / 3:
        rng.choice(paragraphs).append(rng.choice(corpus.rare_other))
    body = "\n".join(f"<{tag}>{' '.join(u.html for u in units)}</{tag}>" for tag, units in blocks)

    if ctx.postgres:
        title_tokens = words(title)
        prefix_tokens = words(sapo_prefix)
        parts = [
            fragments_of(title_tokens, "A", 0),
            fragments_of(prefix_tokens, "B", len(title_tokens)),
        ]
        position = len(title_tokens) + len(prefix_tokens)
        for unit in sapo_units:
            parts.append(unit.fragment("B", position))
            position += len(unit.tokens)
        for _, units in blocks:
            for unit in units:
                parts.append(unit.fragment("C", position))
                position += len(unit.tokens)
        parts.append(byline.fragment("D", position))
        vector = " ".join(p for p in parts if p)
    else:
        vector = build_vector(
            ("A", title), ("B", sapo), ("C", html_to_text(body)), ("D", byline.text)
        )

    published = status in (Article.Status.PUBLISHED, Article.Status.WITHDRAWN)
    is_live = status == Article.Status.PUBLISHED
    created = when - timedelta(hours=rng.uniform(0.5, 48))
    has_image = rng.random() < 0.65
    days_old = max(0.0, (corpus.end - when).total_seconds() / 86400)
    views = int(rng.paretovariate(1.3) * 40 * (3 if days_old < 30 else 1)) if is_live else 0
    row = {
        "id": pk,
        "title": title,
        "sapo": sapo,
        "body": body,
        "featured_image_id": rng.choice(ctx.image_ids) if has_image and ctx.image_ids else None,
        "featured_image_caption": rng.choice(corpus.captions) if has_image else "",
        "featured_image_credit": IMAGE_CREDIT if has_image else "",
        "category_id": rng.choices(ctx.category_ids, ctx.category_weights)[0],
        "byline": byline.text,
        "status": status,
        "is_live": is_live,
        "last_published_at": when if published else None,
        "published_at": when if published else None,
        "is_featured": is_live and rng.random() < 0.02,
        "view_count": min(views, 250_000),
        "search_vector": vector,
        "created_at": created,
        "updated_at": when if published else created,
    }

    links: dict[str, list[int]] = {}
    links["tags"] = rng.sample(ctx.tag_ids, min(len(ctx.tag_ids), rng.choice((1, 1, 2, 2, 3))))
    event_ids: list[int] = []
    person_ids: list[int] = []
    resolution_ids: list[int] = []
    if ctx.event_ids and rng.random() < 0.35:
        # An event of the days before publication, with some of its people and documents.
        at = bisect.bisect_right(ctx.event_starts, when)
        if at:
            k = max(0, at - 1 - rng.randint(0, 3))
            event_ids.append(ctx.event_ids[k])
            attendees = ctx.event_people[k]
            person_ids += rng.sample(attendees, min(len(attendees), rng.randint(1, 10)))
            resolution_ids += ctx.event_resolutions[k]
    if ctx.participant_ids and not person_ids and rng.random() < 0.2:
        person_ids += rng.sample(
            ctx.participant_ids, min(len(ctx.participant_ids), rng.randint(1, 4))
        )
    if ctx.resolution_ids and rng.random() < 0.5:
        at = bisect.bisect_right(ctx.resolution_dates, when.date()) or len(ctx.resolution_ids)
        recent = ctx.resolution_ids[max(0, at - 40) : at]
        resolution_ids += rng.sample(recent, min(len(recent), rng.choice((1, 1, 2, 3))))
    links["events"] = event_ids
    links["participants"] = list(dict.fromkeys(person_ids))
    links["resolutions"] = list(dict.fromkeys(resolution_ids))
    return row, links


# Loading -------------------------------------------------------------------------


class Writer:
    """Rows into a table: COPY on PostgreSQL, executemany elsewhere."""

    def __init__(self, model: type[models.Model] | None = None, table: str = "", columns=()):
        self.postgres = connection.vendor == "postgresql"
        if model is not None:
            self.fields = [f for f in model._meta.concrete_fields]
            self.table = model._meta.db_table
            self.columns = [f.column for f in self.fields]
        else:
            self.fields = None
            self.table = table
            self.columns = list(columns)

    def rows(self, dicts_or_tuples) -> Iterator[tuple]:
        if self.fields is None:
            yield from dicts_or_tuples
            return
        for item in dicts_or_tuples:
            values = []
            for f in self.fields:
                value = item[f.attname] if f.attname in item else f.get_default()
                values.append(value)
            yield tuple(values)

    def copy(self, cursor, items) -> int:
        """COPY items in through cursor (a psycopg cursor or Django's wrapper of one)."""
        quote = connection.ops.quote_name
        columns = ", ".join(quote(c) for c in self.columns)
        count = 0
        with cursor.copy(f"COPY {quote(self.table)} ({columns}) FROM STDIN") as copy:
            for row in self.rows(items):
                copy.write_row(row)
                count += 1
        return count

    def write(self, items) -> int:
        rows = self.rows(items)
        count = 0
        quote = connection.ops.quote_name
        columns = ", ".join(quote(c) for c in self.columns)
        with connection.cursor() as cursor:
            if self.postgres:
                count = self.copy(cursor, items)
            else:
                rows = [self._prep(row) for row in rows]
                placeholders = ", ".join(["%s"] * len(self.columns))
                cursor.executemany(
                    # Table and column names are this module's own, quoted.
                    f"INSERT INTO {quote(self.table)} ({columns}) VALUES ({placeholders})",  # noqa: S608 - names are this module's own, quoted  # nosec B608
                    rows,
                )
                count = len(rows)
        return count

    def _prep(self, row: tuple) -> tuple:
        if self.fields is None:
            return tuple(
                connection.ops.adapt_datetimefield_value(v) if isinstance(v, datetime) else v
                for v in row
            )
        return tuple(
            f.get_db_prep_value(v, connection, prepared=False) if v is not None else None
            for f, v in zip(self.fields, row, strict=True)
        )


def _next_id(model: type[models.Model]) -> int:
    return (model.objects.aggregate(m=models.Max("pk"))["m"] or 0) + 1


class CorpusLoader:
    """Fills the database from a Corpus. Refuses to run on a database with articles
    unless told to flush the content first (PostgreSQL only)."""

    CONTENT_TABLES = [
        "articles_article",
        "articles_event",
        "articles_participant",
        "articles_resolution",
        "articles_tag",
        "articles_bridgepoint",
        "articles_eventparticipant",
        "articles_correction",
        "images_image",
        "core_slughistory",
    ]

    def __init__(
        self,
        corpus: Corpus,
        *,
        workers: int = 0,
        progress: Callable[[int], None] | None = None,
        step: Callable[[str], None] | None = None,
        verify: int = 0,
    ):
        self.corpus = corpus
        self.workers = workers
        self.progress = progress or (lambda n: None)
        self.step = step or (lambda s: None)
        self.verify = verify
        self.report = LoadReport()
        self.postgres = connection.vendor == "postgresql"
        self.now = datetime.now(tz=VIETNAM)

    def timed(self, name: str):
        loader = self

        class Timer:
            def __enter__(self):
                loader.step(name)
                self.started = time.monotonic()

            def __exit__(self, *exc):
                loader.report.seconds[name] = time.monotonic() - self.started

        return Timer()

    def flush(self) -> None:
        if not self.postgres:
            raise RuntimeError("--flush chỉ hỗ trợ PostgreSQL.")
        with connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {', '.join(self.CONTENT_TABLES)} CASCADE")

    def load(self) -> LoadReport:
        if Article.objects.exists():
            raise RuntimeError(
                "CSDL đã có bài viết: dùng --flush để xóa nội dung cũ trước khi nạp bộ dữ liệu thử tải."
            )
        with self.timed("reference"):
            self.load_reference()
        with self.timed("articles"):
            self.load_articles()
        with self.timed("indexes"):
            self.finish()
        if self.verify:
            with self.timed("verify"):
                self.check_vectors(self.verify)
        return self.report

    # Reference rows ------------------------------------------------------------------

    @transaction.atomic
    def load_reference(self) -> None:
        c = self.corpus
        self.categories = self.load_categories()
        self.org_ids = self.load_organizations()
        self.tag_ids = self.load_tags()
        self.image_ids = self.load_images()
        self.people = self.load_participants()
        c.people = self.people
        self.resolution_rows = self.load_resolutions()
        self.event_rows = self.load_events()
        c.build_pools(self.people)

    def load_categories(self) -> list[tuple[int, float]]:
        weights = {
            "tin-tuc-su-kien": 6,
            "tin-trong-tinh": 14,
            "hoat-dong-co-so": 12,
            "xay-dung-dang": 5,
            "bao-ve-nen-tang-tu-tuong-cua-dang": 4,
            "guong-sang-dang-vien": 3,
            "hoc-tap-va-lam-theo-bac": 4,
            "nghien-cuu-trao-doi": 3,
            "van-hoa-xa-hoi": 4,
            "van-hoa-van-nghe": 3,
            "khoa-hoc-cong-nghe-chuyen-doi-so": 4,
            "lich-su-dang-bo": 2,
        }
        result = []
        for item in data.CATEGORIES:
            parent, _ = Category.objects.get_or_create(
                slug=item["slug"],
                defaults={
                    "name": item["name"],
                    "order": item["order"],
                    "description": item.get("description", ""),
                },
            )
            result.append((parent.pk, weights.get(parent.slug, 2)))
            for child in item.get("children", []):
                sub, _ = Category.objects.get_or_create(
                    slug=child["slug"],
                    defaults={"name": child["name"], "order": child["order"], "parent": parent},
                )
                result.append((sub.pk, weights.get(sub.slug, 2)))
        return result

    def load_organizations(self) -> list[int]:
        names = self.corpus.organizations()
        existing = set(Organization.objects.filter(name__in=names).values_list("name", flat=True))
        taken = set(Organization.objects.values_list("slug", flat=True))
        new = []
        for name in names:
            if name in existing:
                continue
            slug = unique_slug(name, taken.__contains__, max_length=100)
            taken.add(slug)
            new.append(Organization(name=name, slug=slug))
        Organization.objects.bulk_create(new)
        return list(Organization.objects.filter(name__in=names).values_list("pk", flat=True))

    def load_tags(self) -> list[int]:
        names = self.corpus.tag_names()
        taken = set(Tag.objects.values_list("slug", flat=True))
        existing = set(Tag.objects.filter(name__in=names).values_list("name", flat=True))
        new = []
        for name in names:
            if name in existing:
                continue
            slug = unique_slug(name, taken.__contains__, max_length=100)
            taken.add(slug)
            new.append(Tag(name=name, slug=slug))
        Tag.objects.bulk_create(new)
        self.report.counts["tags"] = len(new)
        return sorted(Tag.objects.filter(name__in=names).values_list("pk", flat=True))

    def load_images(self) -> list[int]:
        """A few drawn pictures, each checked, re-encoded and resized once like any upload
        (images.services); drawn in threads, as Pillow works outside the GIL."""
        from images.processing import clean_image
        from images.services import attach_clean_image

        from .illustrations import MOTIFS, PALETTES, describe_illustration, illustration_upload

        pairs = [(m, p) for p in sorted(PALETTES) for m in sorted(MOTIFS)]
        random.Random(self.corpus.seed * 7 + 6).shuffle(pairs)  # seeded, not secret  # nosec B311

        def make(pair: tuple[str, str]) -> Image:
            motif, palette = pair
            upload = illustration_upload(
                motif, palette, seed=f"corpus-{self.corpus.seed}-{motif}-{palette}"
            )
            image = Image(alt_text=describe_illustration(motif, palette), credit=IMAGE_CREDIT)
            attach_clean_image(image, clean_image(upload))
            return image

        with ThreadPoolExecutor(max_workers=2) as executor:
            images = list(executor.map(make, pairs[: self.corpus.sizes.images]))
        for image in images:
            image.save()
        self.report.counts["images"] = len(images)
        return [image.pk for image in images]

    def load_participants(self) -> People:
        rows = self.corpus.participants()
        first = _next_id(Participant)
        taken = set(Participant.objects.values_list("slug", flat=True))
        now = self.now
        items = []
        mentions = []
        rng = random.Random(self.corpus.seed * 7 + 7)  # seeded, not secret  # nosec B311
        for i, row in enumerate(rows):
            slug = unique_fast_slug(row["full_name"], taken)
            parts = fold(row["full_name"]).split()
            items.append(
                {
                    **row,
                    "id": first + i,
                    "slug": slug,
                    "organization_id": rng.choice(self.org_ids),
                    "sort_name": " ".join(parts[-1:] + parts[:-1]),
                    "search_vector": build_vector(
                        ("A", row["full_name"]), ("B", row["positions"]), ("C", row["bio"])
                    ),
                    "created_at": now,
                    "updated_at": now,
                }
            )
            mentions.append(f"{row['full_name']}, {row['positions'].splitlines()[0]}")
        self.report.counts["participants"] = Writer(Participant).write(items)
        return People(ids=[item["id"] for item in items], mentions=mentions)

    def load_resolutions(self) -> list[dict]:
        rows = self.corpus.resolutions()
        issuers = dict(Organization.objects.values_list("name", "pk"))
        first = _next_id(Resolution)
        taken = set(Resolution.objects.values_list("slug", flat=True))
        labels = dict(Resolution.DocType.choices)
        items = []
        for i, row in enumerate(rows):
            slug = unique_fast_slug(row["number"], taken)
            items.append(
                {
                    "id": first + i,
                    "number": row["number"],
                    "doc_type": row["doc_type"],
                    "title": "",
                    "slug": slug,
                    "issuer_id": issuers[row["issuer"]],
                    "issue_date": row["issue_date"],
                    "subject": row["subject"],
                    "summary": row["summary"],
                    "document": "",
                    "in_focus": row["in_focus"],
                    "search_vector": build_vector(
                        ("A", f"{row['number']} {labels[row['doc_type']]} "),
                        ("B", row["subject"]),
                        ("C", row["summary"]),
                    ),
                    "created_at": self.now,
                    "updated_at": self.now,
                }
            )
        self.report.counts["resolutions"] = Writer(Resolution).write(items)
        rng = random.Random(self.corpus.seed * 7 + 8)  # seeded, not secret  # nosec B311
        pairs = set()
        for _ in range(len(items) // 2):
            a, b = rng.sample(items, 2)
            pairs |= {(a["id"], b["id"]), (b["id"], a["id"])}
        Writer(
            table="articles_resolution_related_documents",
            columns=("from_resolution_id", "to_resolution_id"),
        ).write(sorted(pairs))
        return items

    def load_events(self) -> list[dict]:
        resolution_ids = [r["id"] for r in self.resolution_rows]
        rows = self.corpus.events(self.people, resolution_ids, self.org_ids)
        first = _next_id(Event)
        point_id = _next_id(BridgePoint)
        participation_id = _next_id(EventParticipant)
        taken = set(Event.objects.values_list("slug", flat=True))
        events, points, participations, organizers, resolutions = [], [], [], [], []
        for i, row in enumerate(rows):
            pk = first + i
            row["id"] = pk
            slug = unique_fast_slug(row["title"], taken)
            events.append(
                {
                    **{
                        k: v
                        for k, v in row.items()
                        if k not in ("bridge_points", "participants", "organizers", "resolutions")
                    },
                    "slug": slug,
                    "search_vector": build_vector(
                        ("A", row["title"]),
                        ("B", f"{row['venue']} {row['broadcast']}"),
                        ("C", row["description"]),
                    ),
                    "created_at": row["starts_at"] - timedelta(days=7),
                    "updated_at": row["starts_at"] - timedelta(days=1),
                }
            )
            provincial = None
            for point in row["bridge_points"]:
                points.append({**point, "id": point_id, "event_id": pk, "attendance": None})
                if point["level"] == BridgePoint.Level.PROVINCIAL:
                    provincial = point_id
                point_id += 1
            row["people"] = []
            for index, role, order in row["participants"]:
                person = self.people.ids[index]
                row["people"].append(person)
                participations.append(
                    {
                        "id": participation_id,
                        "event_id": pk,
                        "participant_id": person,
                        "role": role,
                        "position_at_time": self.people.mentions[index].split(", ", 1)[1],
                        "bridge_point_id": provincial
                        if role == EventParticipant.Role.PRESIDING
                        else None,
                        "note": "",
                        "order": order,
                    }
                )
                participation_id += 1
            organizers += [(pk, org) for org in row["organizers"]]
            resolutions += [(pk, res) for res in row["resolutions"]]
        self.report.counts["events"] = Writer(Event).write(events)
        self.report.counts["bridge points"] = Writer(BridgePoint).write(points)
        self.report.counts["event participants"] = Writer(EventParticipant).write(participations)
        Writer(table="articles_event_organizers", columns=("event_id", "organization_id")).write(
            organizers
        )
        Writer(table="articles_event_resolutions", columns=("event_id", "resolution_id")).write(
            resolutions
        )
        return rows

    # Articles --------------------------------------------------------------------

    def context(self) -> ArticleContext:
        categories = self.categories
        resolutions = self.resolution_rows
        return ArticleContext(
            first_id=_next_id(Article),
            category_ids=[pk for pk, _ in categories],
            category_weights=[w for _, w in categories],
            tag_ids=self.tag_ids,
            image_ids=self.image_ids,
            event_ids=[e["id"] for e in self.event_rows],
            event_starts=[e["starts_at"] for e in self.event_rows],
            event_people=[e["people"] for e in self.event_rows],
            event_resolutions=[e["resolutions"] for e in self.event_rows],
            participant_ids=self.people.ids,
            resolution_ids=[r["id"] for r in resolutions],
            resolution_dates=[r["issue_date"] for r in resolutions],
            dates=self.corpus.article_dates(),
            postgres=self.postgres,
        )

    def start_workers(self):
        """Worker processes that inherit the corpus and its pools (fork). Django's
        connections are closed first, outside any transaction, so that no child holds a
        copy of the parent's socket; each worker opens its own."""
        if self.workers < 2:
            return None
        connections.close_all()
        return multiprocessing.get_context("fork").Pool(self.workers)

    def load_articles(self) -> None:
        """Two passes over the chunks: titles (so that the parent can give unique slugs),
        then everything else, each chunk generated and COPied in by a worker on its own
        connection, so that both cores parse and generate. A failure leaves the chunks
        already written: run again with --flush."""
        global _CORPUS, _CONTEXT
        ctx = self.context()
        _CORPUS, _CONTEXT = self.corpus, ctx
        count = (len(ctx.dates) + CHUNK - 1) // CHUNK
        taken = set(Article.objects.values_list("slug", flat=True))
        self.drop_article_indexes()
        pool = self.start_workers()
        run = pool.imap if pool else map
        try:
            titles = list(run(generate_titles, range(count)))
            slugs = [[unique_fast_slug(t, taken) for t in chunk] for chunk in titles]
            tasks = [(i, titles[i], slugs[i]) for i in range(count)]
            self.samples = []
            totals = dict.fromkeys(LINKS, 0)
            written = 0
            for n, sample, links in run(write_chunk, tasks):
                written += n
                self.progress(n)
                self.samples.append(sample)
                for name, k in links.items():
                    totals[name] += k
        finally:
            if pool:
                pool.close()
                pool.join()
        self.report.counts["articles"] = written
        for name, k in totals.items():
            self.report.counts[f"article-{name} links"] = k

    # Tables that take the bulk of the rows: their secondary indexes are dropped during
    # the load and built once at the end (much cheaper than row by row), and autovacuum
    # keeps off them until the load is done (it would vacuum and analyze them over and
    # over as they grow).
    BULK_TABLES = (
        "articles_article",
        "articles_article_tags",
        "articles_article_events",
        "articles_article_participants",
        "articles_article_resolutions",
    )

    def drop_article_indexes(self) -> None:
        self.dropped: list[str] = []
        if not self.postgres:
            return
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x "
                "JOIN pg_class i ON i.oid = x.indexrelid "
                "WHERE x.indrelid = ANY(%s::regclass[]) AND NOT x.indisunique "
                "AND NOT x.indisprimary ORDER BY i.relpages DESC",
                [list(self.BULK_TABLES)],
            )
            for name, definition in cursor.fetchall():
                cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
                self.dropped.append(definition)
            for table in self.BULK_TABLES:
                cursor.execute(
                    f"ALTER TABLE {table} SET (autovacuum_enabled = false, "
                    "toast.autovacuum_enabled = false)"
                )

    def finish(self) -> None:
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(
                no_style(),
                [Article, Event, Participant, Resolution, BridgePoint, EventParticipant],
            ):
                cursor.execute(sql)
        if not self.postgres:
            return
        # The GIN index takes longest and builds on one core; the others build beside it.
        gin = [d for d in self.dropped if " USING gin " in d]
        others = [d for d in self.dropped if d not in gin]
        with ThreadPoolExecutor(max_workers=2) as executor:
            list(executor.map(_run_sql, [gin, others]))
        with connection.cursor() as cursor:
            for table in self.BULK_TABLES:
                cursor.execute(
                    f"ALTER TABLE {table} RESET (autovacuum_enabled, toast.autovacuum_enabled)"
                )
            # VACUUM sets the visibility map, which index-only scans (deep pages of a
            # section, counts) rely on; ANALYZE gives the planner the new sizes.
            cursor.execute(f"VACUUM (ANALYZE) {', '.join(self.BULK_TABLES)}")
            cursor.execute("ANALYZE")

    def check_vectors(self, limit: int) -> None:
        """The stored vectors of a sample of articles equal what Article.save() would store."""
        for article in Article.objects.filter(pk__in=self.samples[:limit]):
            expected = build_vector(
                ("A", article.title),
                ("B", article.sapo),
                ("C", html_to_text(article.body)),
                ("D", article.byline),
            )
            if self.postgres:
                with connection.cursor() as cursor:
                    cursor.execute(
                        "SELECT search_vector = %s::tsvector FROM articles_article WHERE id = %s",
                        [expected, article.pk],
                    )
                    same = cursor.fetchone()[0]
            else:
                same = article.search_vector == expected
            if not same:
                raise AssertionError(f"Vector of article {article.pk} differs from build_vector.")
        self.report.counts["vectors verified"] = min(limit, len(self.samples))


def _run_sql(statements: list[str]) -> None:
    """Run statements on this thread's own connection, with memory for index builds."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SET maintenance_work_mem = '512MB'")
            for sql in statements:
                cursor.execute(sql)
    finally:
        connection.close()


def vi_slug_check(title: str) -> bool:
    """fast_slug agrees with vi_slugify on the corpus's titles (used by the tests)."""
    return fast_slug(title) == vi_slugify(title, max_length=100)
