from django.contrib import admin
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from search.backends import matching
from search.tokens import parse_query

from .models import (
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


class FoldedSearchMixin:
    """Admin search and autocomplete through the site's search index: no diacritics
    needed, the last word matched as a prefix while the user is still typing it."""

    search_fields = ["slug"]  # keeps the search box; the work is done below

    def get_search_results(self, request, queryset, search_term):
        query = parse_query(search_term)
        if not query:
            return queryset, False
        return matching(queryset, query, prefix=True), False


class ViewOnSiteMixin:
    @admin.display(description=_("Xem"))
    def public_link(self, obj):
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">↗</a>', obj.get_absolute_url()
        )


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "parent", "order", "show_on_home", "article_count"]
    list_editable = ["order", "show_on_home"]
    list_filter = ["parent"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("parent")
            .annotate(article_total=Count("articles"))
        )

    @admin.display(description=_("Số bài"), ordering="article_total")
    def article_count(self, obj):
        return obj.article_total


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name"]
    search_fields = ["name", "short_name"]


@admin.register(Participant)
class ParticipantAdmin(FoldedSearchMixin, ViewOnSiteMixin, admin.ModelAdmin):
    list_display = ["full_name", "positions_display", "organization", "public_link"]
    list_filter = ["organization"]
    autocomplete_fields = ["organization", "portrait"]
    fields = ["full_name", "slug", "positions", "organization", "portrait", "bio"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organization")


@admin.register(Resolution)
class ResolutionAdmin(FoldedSearchMixin, ViewOnSiteMixin, admin.ModelAdmin):
    list_display = ["short_name", "issuer", "issue_date", "in_focus", "public_link"]
    list_filter = ["doc_type", "issuer", "in_focus"]
    list_select_related = ["issuer"]
    autocomplete_fields = ["issuer", "related_documents"]
    date_hierarchy = "issue_date"
    fields = [
        "doc_type",
        "number",
        "title",
        "slug",
        "issuer",
        "issue_date",
        "subject",
        "summary",
        "document",
        "related_documents",
        "in_focus",
    ]


class BridgePointInline(admin.TabularInline):
    model = BridgePoint
    extra = 0
    fields = ["level", "count", "area", "location", "attendance"]


class EventParticipantInline(admin.TabularInline):
    model = EventParticipant
    extra = 0
    autocomplete_fields = ["participant"]
    fields = ["participant", "role", "position_at_time", "bridge_point", "note", "order"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "bridge_point":
            event_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = BridgePoint.objects.filter(event_id=event_id or 0)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Event)
class EventAdmin(FoldedSearchMixin, ViewOnSiteMixin, admin.ModelAdmin):
    list_display = ["title", "starts_at", "kind", "format", "status", "public_link"]
    list_filter = ["status", "kind", "format", "organizers"]
    date_hierarchy = "starts_at"
    autocomplete_fields = ["organizers", "resolutions"]
    inlines = [BridgePointInline, EventParticipantInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "status", "description"]}),
        (
            _("Thời gian, địa điểm"),
            {"fields": ["starts_at", "ends_at", "venue", "format", "broadcast"]},
        ),
        (
            _("Tổ chức, tham dự"),
            {"fields": ["organizers", "attendance", "attendance_note", "resolutions"]},
        ),
    ]


# Fields that only workflow.services moves; the admin shows them read-only.
WORKFLOW_FIELDS = (
    "author",
    "status",
    "current_step",
    "is_live",
    "published_at",
    "last_published_at",
    "latest_revision",
    "live_revision",
    "view_count",
    "created_at",
    "updated_at",
)


@admin.register(Article)
class ArticleAdmin(FoldedSearchMixin, admin.ModelAdmin):
    """Read-only: articles are written, reviewed and published in the workspace
    (/toa-soan/), where workflow.rules and the revision history apply. An admin form
    that saved the row directly would skip both."""

    list_display = [
        "title",
        "category",
        "status",
        "is_live",
        "published_at",
        "author",
        "view_count",
        "workspace_link",
    ]
    list_filter = ["status", "is_live", "category", "is_featured"]
    list_select_related = ["category", "author"]
    date_hierarchy = "published_at"
    fieldsets = [
        (None, {"fields": ["workspace_link", "title", "slug", "sapo", "body"]}),
        (
            _("Ảnh đại diện"),
            {"fields": ["featured_image", "featured_image_caption", "featured_image_credit"]},
        ),
        (_("Phân loại"), {"fields": ["category", "tags", "is_featured"]}),
        (_("Liên kết"), {"fields": ["events", "participants", "resolutions"]}),
        (
            _("Quy trình, xuất bản"),
            {"fields": ["byline", *WORKFLOW_FIELDS]},
        ),
    ]
    # Read-only even if change permission were given back: these move only by workflow.services.
    readonly_fields = ["workspace_link", *WORKFLOW_FIELDS]

    @admin.display(description=_("Tòa soạn"))
    def workspace_link(self, obj):
        if obj is None or obj.pk is None:
            return ""
        return format_html(
            '<a href="{}">{}</a>',
            reverse("workspace:article-edit", kwargs={"pk": obj.pk}),
            _("Sửa trong Tòa soạn"),
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
