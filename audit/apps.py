from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "audit"
    verbose_name = "Nhật ký an ninh"

    def ready(self):
        from . import signals  # noqa: F401
