"""Which changes readers see, so that the page cache (public/cache.py) forgets them.

Signals rather than calls in each service: the workflow services, the admin, the
workspace, imports and the shell all save through the models, and a change made by
any of them must reach every cached page. Saves that readers cannot see are skipped
so that editors typing in the workspace do not empty the cache: an article that is
not live and was not live before the save (a draft, one in review).
"""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver
from django.utils import timezone

from articles.models import (
    Article,
    BridgePoint,
    Category,
    Correction,
    Event,
    EventParticipant,
    Organization,
    Participant,
    Resolution,
    Tag,
)
from images.models import Image

from .cache import content_changed

# Every row of these is on some public page (or in the navigation of all of them).
PUBLIC_MODELS = (
    Category,
    Tag,
    Event,
    BridgePoint,
    EventParticipant,
    Participant,
    Resolution,
    Organization,
    Correction,
)


def _changed(sender, instance=None, using=None, **kwargs):
    # An event about to start moves from "upcoming" to "recent" at starts_at.
    starts = getattr(instance, "starts_at", None) if isinstance(instance, Event) else None
    content_changed(using, moment=starts if starts and starts > timezone.now() else None)


for model in PUBLIC_MODELS:
    post_save.connect(_changed, sender=model, dispatch_uid=f"public-cache-save-{model.__name__}")
    post_delete.connect(
        _changed, sender=model, dispatch_uid=f"public-cache-delete-{model.__name__}"
    )

for through in (
    Event.organizers.through,
    Event.resolutions.through,
    Resolution.related_documents.through,
):
    m2m_changed.connect(_changed, sender=through, dispatch_uid=f"public-cache-m2m-{through}")


@receiver(pre_save, sender=Article, dispatch_uid="public-cache-article-was-live")
def _remember_if_live(sender, instance: Article, raw=False, using=None, **kwargs):
    """Whether readers had this article before the save: a withdrawal must bump even
    though the article is no longer live."""
    instance._was_live = bool(
        instance.pk
        and not instance.is_live
        and Article._base_manager.using(using).filter(pk=instance.pk, is_live=True).exists()
    )


@receiver(post_save, sender=Article, dispatch_uid="public-cache-article")
@receiver(post_delete, sender=Article, dispatch_uid="public-cache-article-delete")
def _article_changed(sender, instance: Article, using=None, **kwargs):
    if instance.is_live or getattr(instance, "_was_live", False):
        scheduled = instance.published_at if instance.is_scheduled else None
        content_changed(using, moment=scheduled)


@receiver(m2m_changed, sender=Article.tags.through, dispatch_uid="public-cache-article-tags")
@receiver(m2m_changed, sender=Article.events.through, dispatch_uid="public-cache-article-events")
@receiver(
    m2m_changed, sender=Article.participants.through, dispatch_uid="public-cache-article-people"
)
@receiver(m2m_changed, sender=Article.resolutions.through, dispatch_uid="public-cache-article-docs")
def _article_links_changed(sender, instance, action, reverse, using=None, **kwargs):
    if not action.startswith("post_"):
        return
    # From the article's side, only a live article's links are public; from the other
    # side (an event's articles…) the change may touch any article: assume it does.
    if reverse or getattr(instance, "is_live", False):
        content_changed(using)


@receiver(post_save, sender=Image, dispatch_uid="public-cache-image")
@receiver(post_delete, sender=Image, dispatch_uid="public-cache-image-delete")
def _image_changed(sender, instance: Image, created=False, using=None, **kwargs):
    # A new upload is on no page yet; an edited or deleted one may be.
    if not created:
        content_changed(using)
