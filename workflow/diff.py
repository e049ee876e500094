"""What changed between two revisions, shown as a reader would see it.

The body is compared paragraph by paragraph (headings, lists, quotes and figures are
paragraphs here), and a changed paragraph word by word: the result is HTML that reads
like the article, with removed words struck through and added words marked, not a
diff of tags. Other fields are compared as text or, for links, as names.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from django.utils.html import escape, format_html_join
from django.utils.safestring import SafeString, mark_safe

from core.html import html_to_text

from .revisions import FOREIGN_KEYS, MANY_TO_MANY

LABELS = {
    "title": "Tiêu đề",
    "slug": "Đường dẫn",
    "sapo": "Sapo",
    "body": "Nội dung",
    "featured_image": "Ảnh đại diện",
    "featured_image_caption": "Chú thích ảnh",
    "featured_image_credit": "Nguồn ảnh",
    "category": "Chuyên mục",
    "byline": "Tác giả (hiển thị)",
    "is_featured": "Tin nổi bật",
    "tags": "Thẻ",
    "events": "Sự kiện",
    "participants": "Nhân vật",
    "resolutions": "Văn bản",
}
TEXT_FIELDS = ("title", "sapo", "byline", "featured_image_caption", "featured_image_credit", "slug")
BLOCK_TAGS = {"p", "h2", "h3", "h4", "ul", "ol", "blockquote", "figure", "table", "hr", "div"}
# Paragraphs this similar are shown as one edited paragraph rather than one removed
# and one added.
SAME_PARAGRAPH = 0.45
WORDS = re.compile(r"\s+|[^\s]+")


@dataclass
class FieldDiff:
    name: str
    label: str
    changed: bool
    old: SafeString
    new: SafeString
    unified: SafeString


@dataclass
class Block:
    tag: str
    html: str

    @property
    def text(self) -> str:
        return html_to_text(self.html)


class _BlockSplitter(HTMLParser):
    """Splits sanitized body HTML into its top-level blocks, keeping each block's HTML.
    Text and inline tags outside any block become paragraphs of their own."""

    VOID = frozenset({"br", "img", "hr", "source", "wbr"})

    def __init__(self, top_tags=BLOCK_TAGS):
        super().__init__(convert_charrefs=False)
        self.top_tags = top_tags
        self.blocks: list[Block] = []
        self.depth = 0
        self.tag = ""
        self.current: list[str] = []

    def _flush_loose(self):
        loose = "".join(self.current).strip()
        if loose:
            self.blocks.append(Block("p", f"<p>{loose}</p>"))
        self.current = []

    def handle_starttag(self, tag, attrs):
        raw = self.get_starttag_text() or f"<{tag}>"
        if self.depth == 0 and tag in self.top_tags:
            self._flush_loose()
            if tag in self.VOID:
                self.blocks.append(Block(tag, raw))
                return
            self.tag, self.depth, self.current = tag, 1, [raw]
            return
        self.current.append(raw)
        if self.depth and tag not in self.VOID:
            self.depth += 1

    def handle_endtag(self, tag):
        self.current.append(f"</{tag}>")
        if self.depth:
            self.depth -= 1
            if self.depth == 0:
                self.blocks.append(Block(self.tag, "".join(self.current)))
                self.current = []

    def handle_data(self, data):
        self.current.append(data)

    def handle_entityref(self, name):
        self.current.append(f"&{name};")

    def handle_charref(self, name):
        self.current.append(f"&#{name};")

    def close(self):
        super().close()
        self._flush_loose()


def _split(html: str, top_tags=BLOCK_TAGS) -> list[Block]:
    splitter = _BlockSplitter(top_tags)
    splitter.feed(html)
    splitter.close()
    return splitter.blocks


def _list_items(block: Block) -> list[Block]:
    """A list as one block per item, each still a list of its own kind, so that one
    changed item is shown as that item changed, not the whole list as one paragraph."""
    opening, _, rest = block.html.partition(">")
    inner = rest.removesuffix(f"</{block.tag}>")
    items = [item for item in _split(inner, {"li"}) if item.tag == "li"]
    if not items:
        return [block]
    return [Block(block.tag, f"{opening}>{item.html}</{block.tag}>") for item in items]


def blocks_of(body: str) -> list[Block]:
    blocks = []
    for block in _split(body or ""):
        blocks.extend(_list_items(block) if block.tag in ("ul", "ol") else [block])
    return blocks


def _safe(html: str) -> SafeString:
    """Every piece this module builds is revision body HTML (sanitized when it was saved)
    or text it escaped itself."""
    return mark_safe(html)  # noqa: S308 - sanitised revision HTML or text escaped here  # nosec B308


def _word_diff(old: str, new: str) -> tuple[str, str, str]:
    """(old with removals marked, new with additions marked, both in one), escaped."""
    a, b = WORDS.findall(old or ""), WORDS.findall(new or "")
    left, right, unified = [], [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        removed, added = escape("".join(a[i1:i2])), escape("".join(b[j1:j2]))
        if op == "equal":
            left.append(removed)
            right.append(added)
            unified.append(added)
            continue
        if removed.strip():
            left.append(f"<del>{removed}</del>")
            unified.append(f"<del>{removed}</del>")
        else:
            left.append(removed)
        if added.strip():
            right.append(f"<ins>{added}</ins>")
            unified.append(f"<ins>{added}</ins>")
        else:
            right.append(added)
    return "".join(left), "".join(right), "".join(unified)


def _wrap(tag: str, inner: str, css: str = "") -> str:
    attr = f' class="{css}"' if css else ""
    if tag in ("ul", "ol"):
        return f"<{tag}{attr}><li>{inner}</li></{tag}>"
    tag = tag if tag in ("p", "h2", "h3", "h4", "blockquote") else "p"
    return f"<{tag}{attr}>{inner}</{tag}>"


def body_diff(old_body: str, new_body: str) -> tuple[str, str, str]:
    """Side-by-side and unified HTML for two bodies, paragraph by paragraph."""
    old_blocks, new_blocks = blocks_of(old_body), blocks_of(new_body)
    matcher = difflib.SequenceMatcher(
        None, [b.text for b in old_blocks], [b.text for b in new_blocks], autojunk=False
    )
    left, right, unified = [], [], []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        olds, news = old_blocks[i1:i2], new_blocks[j1:j2]
        if op == "equal":
            for block in news:
                left.append(block.html)
                right.append(block.html)
                unified.append(block.html)
            continue
        # Pair up edited paragraphs; what is left over was removed or added whole.
        while olds and news:
            old, new = olds[0], news[0]
            if difflib.SequenceMatcher(None, old.text, new.text).ratio() < SAME_PARAGRAPH:
                break
            marked_old, marked_new, marked_both = _word_diff(old.text, new.text)
            left.append(_wrap(old.tag, marked_old, "diff-changed"))
            right.append(_wrap(new.tag, marked_new, "diff-changed"))
            unified.append(_wrap(new.tag, marked_both, "diff-changed"))
            olds, news = olds[1:], news[1:]
        for block in olds:
            left.append(f'<div class="diff-removed">{block.html}</div>')
            unified.append(f'<div class="diff-removed"><del>{block.html}</del></div>')
        for block in news:
            right.append(f'<div class="diff-added">{block.html}</div>')
            unified.append(f'<div class="diff-added"><ins>{block.html}</ins></div>')
    return tuple(_safe("\n".join(part)) for part in (left, right, unified))


def _names(name: str, ids) -> dict[int, str]:
    model = MANY_TO_MANY.get(name) or FOREIGN_KEYS[name]
    ids = [ids] if not isinstance(ids, list | tuple) else ids
    return {obj.pk: str(obj) for obj in model.objects.filter(pk__in=[i for i in ids if i])}


def _links_diff(name: str, old, new) -> tuple[str, str, str]:
    old_ids = set(old if isinstance(old, list) else [old] if old else [])
    new_ids = set(new if isinstance(new, list) else [new] if new else [])
    names = _names(name, list(old_ids | new_ids))

    def items(ids, mark=""):
        return [
            (
                f"<{mark}>{escape(names.get(i, f'#{i}'))}</{mark}>"
                if mark
                else escape(names.get(i, f"#{i}"))
            )
            for i in sorted(ids, key=lambda i: names.get(i, ""))
        ]

    kept = items(old_ids & new_ids)
    left = ", ".join(kept + items(old_ids - new_ids, "del")) or "—"
    right = ", ".join(kept + items(new_ids - old_ids, "ins")) or "—"
    both = ", ".join(kept + items(old_ids - new_ids, "del") + items(new_ids - old_ids, "ins"))
    return left, right, both or "—"


def compare(old: dict, new: dict) -> list[FieldDiff]:
    """Every field of two revisions' content, with what changed marked."""
    diffs = []
    for name, label in LABELS.items():
        before, after = old.get(name), new.get(name)
        changed = before != after
        if name == "body":
            left, right, both = body_diff(before or "", after or "")
        elif name in TEXT_FIELDS:
            left, right, both = _word_diff(before or "", after or "")
        elif name == "is_featured":
            left, right = ("Có" if before else "Không"), ("Có" if after else "Không")
            both = right
        else:
            left, right, both = _links_diff(name, before, after)
        diffs.append(FieldDiff(name, label, changed, _safe(left), _safe(right), _safe(both)))
    return diffs


def changed_fields(old: dict, new: dict) -> list[FieldDiff]:
    return [diff for diff in compare(old, new) if diff.changed]


def summary(diffs: list[FieldDiff]) -> SafeString:
    """ "Tiêu đề, Nội dung" — the labels of the changed fields, for lists."""
    return format_html_join(", ", "{}", ((d.label,) for d in diffs if d.changed))
