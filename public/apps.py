from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "public"
    verbose_name = "Trang công khai"

    def ready(self):
        from . import signals  # noqa: F401  (connects the page cache's invalidation)
