"""Revisions: what an article says, as a snapshot that can be stored, compared,
previewed and applied.

The Article row holds the version readers see while the article is live; until it
first goes live, the row follows the latest revision so that lists and search in
the workspace show the working title. Every save of the working copy is a new
Revision; publishing applies the approved revision to the row.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from articles.models import Article, Category, Event, Participant, Resolution, Tag
from images.models import Image

SCALAR_FIELDS = (
    "title",
    "slug",
    "sapo",
    "body",
    "featured_image_caption",
    "featured_image_credit",
    "byline",
    "is_featured",
)
FOREIGN_KEYS = {"featured_image": Image, "category": Category}
MANY_TO_MANY = {
    "tags": Tag,
    "events": Event,
    "participants": Participant,
    "resolutions": Resolution,
}


def snapshot(article: Article) -> dict:
    """The article's row and links as revision content."""
    content = {name: getattr(article, name) for name in SCALAR_FIELDS}
    content.update({name: getattr(article, f"{name}_id") for name in FOREIGN_KEYS})
    if article.pk:
        content.update(
            {
                name: sorted(getattr(article, name).values_list("pk", flat=True))
                for name in MANY_TO_MANY
            }
        )
    else:
        content.update({name: [] for name in MANY_TO_MANY})
    return content


def apply_content(article: Article, content: dict) -> None:
    """Make the article's row and links say what content says, and save it."""
    for name in SCALAR_FIELDS:
        if name in content:
            setattr(article, name, content[name])
    for name in FOREIGN_KEYS:
        if name in content:
            setattr(article, f"{name}_id", content[name])
    article.save()
    for name, model in MANY_TO_MANY.items():
        if name in content:
            # Links to records deleted since the revision was saved are dropped.
            ids = model.objects.filter(pk__in=content[name]).values_list("pk", flat=True)
            getattr(article, name).set(ids)


@dataclass
class RenderedRevision:
    """An unsaved article carrying a revision's content, with its links, for templates."""

    article: Article
    category: Category | None
    featured_image: Image | None
    links: dict[str, list] = field(default_factory=dict)


def materialize(article: Article, content: dict) -> RenderedRevision:
    """The article as content would make it, without touching the database row."""
    shadow = copy.copy(article)
    shadow._state = copy.copy(article._state)
    for name in SCALAR_FIELDS:
        if name in content:
            setattr(shadow, name, content[name])
    category = Category.objects.select_related("parent").filter(pk=content.get("category")).first()
    image = Image.objects.filter(pk=content.get("featured_image")).first()
    shadow.category_id = category.pk if category else None
    shadow.featured_image_id = image.pk if image else None
    # Assigning through the descriptors also fills the caches, so templates read these.
    if category:
        shadow.category = category
    shadow.featured_image = image
    links = {
        name: list(model.objects.filter(pk__in=content.get(name, [])))
        for name, model in MANY_TO_MANY.items()
    }
    return RenderedRevision(article=shadow, category=category, featured_image=image, links=links)
