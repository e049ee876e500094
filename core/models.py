from functools import cache

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _

from .text import nfc


@cache
def _choice_labels(field: models.Field) -> dict:
    # The labels stay lazy: they are translated when shown, in the active language.
    return dict(field.flatchoices)


class ChoiceLabelsModel(models.Model):
    """get_<field>_display() for choice fields shown row after row in lists, without Django's
    per-call cost: Django builds a dict of every choice on each call, translating
    every label to hash it (a third of the 7.4 ms a list of 20 documents took)."""

    class Meta:
        abstract = True

    # The method Django's get_<field>_display() calls (Field.contribute_to_class).
    def _get_FIELD_display(self, field):
        value = getattr(self, field.attname)
        return force_str(_choice_labels(field).get(value, value), strings_only=True)


class NormalizedTextModel(models.Model):
    """Stores every character field in Unicode NFC, whichever path the save came by."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.normalize_text_fields()
        super().save(*args, **kwargs)

    def normalize_text_fields(self) -> None:
        for field in self._meta.concrete_fields:
            if isinstance(field, (models.CharField, models.TextField)):
                value = getattr(self, field.attname)
                if isinstance(value, str):
                    setattr(self, field.attname, nfc(value))


class SlugHistory(models.Model):
    """A slug an object used to have, so that its old URL can redirect to the new one."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    slug = models.SlugField(max_length=255)
    content_object = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("đường dẫn cũ")
        verbose_name_plural = _("đường dẫn cũ")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "slug"], name="unique_old_slug"),
        ]

    def __str__(self) -> str:
        return self.slug


class SluggedModel(NormalizedTextModel):
    """A model with a unique, transliterated slug whose old values keep redirecting."""

    slug_source_field = "title"
    slug_max_length = 100

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        from .slugs import assign_slug

        self.normalize_text_fields()
        assign_slug(self)
        super().save(*args, **kwargs)

    def slug_source(self) -> str:
        return getattr(self, self.slug_source_field)
