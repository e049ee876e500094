"""Reading articles from files and bringing them in as drafts (manage.py import_articles).

Two layouts (docs/IMPORT.md):

- plain text, as the seed (demo/content/ha-nam-hoi-nghi-nq57.txt): the title on the first
  line, then paragraphs, the first of them the sapo; one short line without final
  punctuation among them is the photo's caption; the last line is the byline. Blank lines
  are ignored.
- JSON: one article as an object, or a list of them, with "title" and "body" (HTML) or
  "paragraphs" (plain text), and optionally "sapo", "caption", "byline".

A file that cannot be read is reported with the line the trouble is on, and nothing of it
is imported. Each article is imported in its own transaction, keyed by its content
(content_key), so running the import again creates nothing.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.html import format_html

from articles.models import Article, Category
from core.html import html_to_text
from core.text import nfc
from workflow.services import create_article

from .apply import Outcome, settle
from .extract import extract
from .matching import match_findings
from .models import ImportedArticle

MAX_TITLE = Article._meta.get_field("title").max_length
MAX_BYLINE = Article._meta.get_field("byline").max_length
MAX_CAPTION = Article._meta.get_field("featured_image_caption").max_length
# A caption is a short line without final punctuation: "Các đại biểu dự hội nghị tại …".
CAPTION_MAX_WORDS = 30
JSON_FIELDS = {"title", "sapo", "body", "paragraphs", "caption", "byline"}


class ImportFileError(Exception):
    """A file, or an article in it, that cannot be imported; says where, in Vietnamese."""

    def __init__(self, source: str, line: int | None, message: str):
        super().__init__(message)
        self.source, self.line, self.message = source, line, message

    def __str__(self) -> str:
        where = f"{self.source}, dòng {self.line}" if self.line else self.source
        return f"{where}: {self.message}"


@dataclass
class ParsedArticle:
    source: str
    line: int
    title: str
    sapo: str = ""
    body: str = ""  # HTML
    caption: str = ""
    byline: str = ""

    @property
    def body_text(self) -> str:
        return "\n".join(part for part in (self.sapo, html_to_text(self.body)) if part)

    def content(self, category: Category) -> dict:
        return {
            "title": self.title,
            "sapo": self.sapo,
            "body": self.body,
            "featured_image_caption": self.caption,
            "byline": self.byline,
            "category": category.pk,
        }


def content_key(article: ParsedArticle) -> str:
    """The same article gives the same key whatever its file: line endings, Unicode form,
    spacing and layout (text or JSON) do not count; its words do."""
    parts = [
        article.title,
        article.sapo,
        html_to_text(article.body),
        article.caption,
        article.byline,
    ]
    normal = "\n".join(" ".join(nfc(part).split()) for part in parts)
    return hashlib.sha256(normal.encode()).hexdigest()


def _read(path: Path) -> str:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ImportFileError(
            path.name, line, "tệp không phải văn bản UTF-8 (hãy lưu lại với mã hóa UTF-8)"
        ) from error
    for number, line in enumerate(text.splitlines(), start=1):
        if "\x00" in line or any(
            unicodedata.category(ch) == "Cc" and ch not in "\t" for ch in line
        ):
            raise ImportFileError(path.name, number, "dòng có ký tự điều khiển, tệp có thể bị hỏng")
    return unicodedata.normalize("NFC", text)


def _paragraphs_html(paragraphs: list[str]) -> str:
    return "\n".join(format_html("<p>{}</p>", p) for p in paragraphs)


def _is_caption(line: str) -> bool:
    return (
        not re.search(r"[.!?…:;”\"»)]$", line)
        and len(line.split()) <= CAPTION_MAX_WORDS
        and len(line) <= MAX_CAPTION
    )


def parse_text(path: Path) -> list[ParsedArticle]:
    text = _read(path)
    lines = [(n, " ".join(line.split())) for n, line in enumerate(text.splitlines(), start=1)]
    lines = [(n, line) for n, line in lines if line]
    if len(lines) < 3:
        raise ImportFileError(
            path.name,
            lines[-1][0] if lines else None,
            "cần ít nhất ba dòng: tiêu đề, nội dung và dòng tác giả ở cuối",
        )
    (title_line, title), *middle, (byline_line, byline) = lines
    if len(title) > MAX_TITLE:
        raise ImportFileError(path.name, title_line, f"tiêu đề dài quá {MAX_TITLE} ký tự")
    if len(byline) > MAX_BYLINE:
        raise ImportFileError(
            path.name,
            byline_line,
            f"dòng cuối (tác giả) dài quá {MAX_BYLINE} ký tự: thiếu dòng tác giả?",
        )
    (_sapo_line, sapo), *paragraphs = middle
    caption = ""
    for index, (_n, line) in enumerate(paragraphs):
        if _is_caption(line):
            caption = line
            del paragraphs[index]
            break
    return [
        ParsedArticle(
            source=path.name,
            line=title_line,
            title=title,
            sapo=sapo,
            body=_paragraphs_html([line for _n, line in paragraphs]),
            caption=caption,
            byline=byline,
        )
    ]


def _json_items(text: str, name: str) -> list[tuple[int, object]]:
    """The top-level value(s) of a JSON text, each with the line it starts on."""
    decoder = json.JSONDecoder()

    def line_of(pos: int) -> int:
        return text.count("\n", 0, pos) + 1

    def skip(pos: int) -> int:
        while pos < len(text) and text[pos] in " \t\r\n":
            pos += 1
        return pos

    try:
        pos = skip(0)
        if text[pos : pos + 1] != "[":
            value, end = decoder.raw_decode(text, pos)
            if skip(end) != len(text):
                raise ImportFileError(name, line_of(skip(end)), "thừa nội dung sau đối tượng JSON")
            return [(line_of(pos), value)]
        items, pos = [], skip(pos + 1)
        if text[pos : pos + 1] == "]":
            return []
        while True:
            value, end = decoder.raw_decode(text, pos)
            items.append((line_of(pos), value))
            pos = skip(end)
            if text[pos : pos + 1] == ",":
                pos = skip(pos + 1)
                continue
            if text[pos : pos + 1] == "]":
                if skip(pos + 1) != len(text):
                    raise ImportFileError(
                        name, line_of(skip(pos + 1)), "thừa nội dung sau danh sách"
                    )
                return items
            raise ImportFileError(name, line_of(pos), "thiếu dấu phẩy hoặc dấu ] trong danh sách")
    except json.JSONDecodeError as error:
        raise ImportFileError(name, error.lineno, f"JSON không hợp lệ ({error.msg})") from error


def _json_article(value, name: str, line: int) -> ParsedArticle:
    if not isinstance(value, dict):
        raise ImportFileError(name, line, "mỗi bài phải là một đối tượng JSON {…}")
    unknown = sorted(set(value) - JSON_FIELDS)
    if unknown:
        raise ImportFileError(
            name, line, f"trường không dùng được: {', '.join(unknown)} (xem docs/IMPORT.md)"
        )
    for key in JSON_FIELDS - {"paragraphs"}:
        if key in value and not isinstance(value[key], str):
            raise ImportFileError(name, line, f"trường “{key}” phải là chuỗi")
    paragraphs = value.get("paragraphs")
    if paragraphs is not None and (
        not isinstance(paragraphs, list) or not all(isinstance(p, str) for p in paragraphs)
    ):
        raise ImportFileError(name, line, "trường “paragraphs” phải là danh sách các chuỗi")
    title = " ".join(nfc(value.get("title", "")).split())
    if not title:
        raise ImportFileError(name, line, "thiếu tiêu đề (“title”)")
    if len(title) > MAX_TITLE:
        raise ImportFileError(name, line, f"tiêu đề dài quá {MAX_TITLE} ký tự")
    if "body" in value and paragraphs is not None:
        raise ImportFileError(name, line, "chỉ dùng một trong hai trường “body” hoặc “paragraphs”")
    body = nfc(value.get("body", "")) or _paragraphs_html(
        [" ".join(nfc(p).split()) for p in paragraphs or [] if p.strip()]
    )
    sapo = " ".join(nfc(value.get("sapo", "")).split())
    if not (body.strip() or sapo):
        raise ImportFileError(
            name, line, "bài không có nội dung (“body”, “paragraphs” hoặc “sapo”)"
        )
    caption = " ".join(nfc(value.get("caption", "")).split())
    byline = " ".join(nfc(value.get("byline", "")).split())
    if len(caption) > MAX_CAPTION:
        raise ImportFileError(name, line, f"chú thích ảnh dài quá {MAX_CAPTION} ký tự")
    if len(byline) > MAX_BYLINE:
        raise ImportFileError(name, line, f"dòng tác giả dài quá {MAX_BYLINE} ký tự")
    return ParsedArticle(
        source=name, line=line, title=title, sapo=sapo, body=body, caption=caption, byline=byline
    )


def parse_json(path: Path) -> list[ParsedArticle]:
    items = _json_items(_read(path), path.name)
    # Every article is checked before any is imported: a file is imported whole or not.
    return [_json_article(value, path.name, line) for line, value in items]


def parse(path: Path, *, as_json: bool = False) -> list[ParsedArticle]:
    if as_json or path.suffix.lower() == ".json":
        return parse_json(path)
    return parse_text(path)


@dataclass
class Imported:
    """What happened to one article."""

    parsed: ParsedArticle
    article: Article | None = None
    duplicate_of: Article | None = None
    outcome: Outcome | None = None
    findings_count: dict[str, int] = field(default_factory=dict)


def import_article(user, parsed: ParsedArticle, category: Category, *, link: bool) -> Imported:
    """One article as a draft, with its suggestions; nothing if it was imported before."""
    key = content_key(parsed)
    result = Imported(parsed)
    existing = ImportedArticle.objects.filter(key=key).select_related("article").first()
    if existing is not None:
        result.duplicate_of = existing.article
        return result
    findings = extract(parsed.title, parsed.body_text, reference_date=timezone.localdate())
    try:
        with transaction.atomic():
            suggestions = match_findings(findings)
            content = parsed.content(category)
            if link:
                result.outcome = settle(user, suggestions)
                content.update(result.outcome.links)
            article = create_article(user, content)
            # Matched again now that the links exist: the stored suggestions say "linked".
            stored = match_findings(findings, content)
            ImportedArticle.objects.create(
                key=key,
                source=f"{parsed.source}:{parsed.line}" if parsed.line > 1 else parsed.source,
                article=article,
                findings=stored.to_dict(),
                outcome=result.outcome.to_dict() if result.outcome else {},
                imported_by=user,
            )
    except IntegrityError:
        # Another import of the same article got there first.
        duplicate = ImportedArticle.objects.filter(key=key).select_related("article").first()
        if duplicate is None:
            raise
        result.duplicate_of = duplicate.article
        return result
    result.article = article
    result.findings_count = {
        "documents": len(findings.documents),
        "persons": len(findings.persons),
        "events": len(findings.events),
    }
    return result
