import csv

from django.contrib import admin
from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import AuditEvent


class _Echo:
    def write(self, value):
        return value


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read and export only: the chain is append-only, for admins as for everyone."""

    list_display = ["created_at", "kind", "actor_username", "target", "ip_address"]
    list_filter = ["kind", "created_at"]
    search_fields = ["actor_username", "target", "ip_address"]
    date_hierarchy = "created_at"
    actions = ["export_csv"]
    readonly_fields = [f.name for f in AuditEvent._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Xuất các dòng đã chọn ra CSV"))
    def export_csv(self, request, queryset):
        fields = [
            "id",
            "created_at",
            "kind",
            "actor_username",
            "target",
            "ip_address",
            "user_agent",
            "details",
            "previous_hash",
            "hash",
        ]
        writer = csv.writer(_Echo())

        def rows():
            yield "\ufeff"  # so that Excel opens Vietnamese text correctly
            yield writer.writerow(fields)
            for event in queryset.order_by("id").iterator():
                yield writer.writerow(
                    [
                        event.pk,
                        timezone.localtime(event.created_at).isoformat(),
                        event.kind,
                        event.actor_username,
                        event.target,
                        event.ip_address,
                        event.user_agent,
                        event.details,
                        event.previous_hash,
                        event.hash,
                    ]
                )

        response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="nhat-ky-an-ninh.csv"'
        return response
