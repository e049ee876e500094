from django.apps import AppConfig


class ExtractionConfig(AppConfig):
    name = "extraction"
    verbose_name = "Gợi ý liên kết"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from articles.models import Resolution

        from .templatetags.document_links import forget_document_links

        # The public filter caches the known numbers; any change to a document drops it.
        post_save.connect(forget_document_links, sender=Resolution, dispatch_uid="doc-links-save")
        post_delete.connect(
            forget_document_links, sender=Resolution, dispatch_uid="doc-links-delete"
        )
