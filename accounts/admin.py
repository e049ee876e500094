from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = [
        "username",
        "full_name",
        "department",
        "position",
        "email",
        "roles",
        "is_active",
    ]
    list_filter = ["is_active", "is_staff", "groups", "department"]
    search_fields = ["username", "full_name", "email", "department"]
    actions = ["deactivate", "reactivate"]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        (
            _("Thông tin cá nhân"),
            {"fields": ["full_name", "department", "position", "email", "phone"]},
        ),
        (_("Quyền"), {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
        (_("Thời gian"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": [
                    "username",
                    "full_name",
                    "department",
                    "position",
                    "email",
                    "password1",
                    "password2",
                    "groups",
                ],
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    @admin.display(description=_("Vai trò"))
    def roles(self, user):
        return ", ".join(sorted(group.name for group in user.groups.all())) or "—"

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups":
            kwargs["label"] = _("Vai trò")
            kwargs["help_text"] = _(
                "Vai trò quyết định người dùng được làm gì: viết bài, biên tập, duyệt "
                "và xuất bản, hay quản trị."
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        # An administrator who is not a superuser must not be able to make anyone,
        # themselves included, a superuser.
        if not request.user.is_superuser:
            readonly += ["is_superuser", "user_permissions"]
        return readonly

    def has_change_permission(self, request, obj=None):
        # Nor take over a superuser's account by changing its password or e-mail.
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        # Articles, revisions and the audit trail point at their authors: an account
        # that is no longer used is deactivated, never deleted.
        return False

    def save_model(self, request, obj, form, change):
        if not change:
            # Everyone with an account here is staff of the department.
            obj.is_staff = True
        super().save_model(request, obj, form, change)

    def _set_active(self, request, queryset, active: bool) -> int:
        changed = 0
        for user in queryset.exclude(is_active=active):
            if not self.has_change_permission(request, user):
                continue
            if user.pk == request.user.pk and not active:
                self.message_user(
                    request,
                    _("Không thể tự vô hiệu hóa tài khoản đang dùng để đăng nhập."),
                    messages.WARNING,
                )
                continue
            user.is_active = active
            # Saved one by one, not with update(), so the audit trail and the admin's
            # history record each account's change.
            user.save(update_fields=["is_active"])
            self.log_change(
                request,
                user,
                [{"changed": {"fields": ["is_active"]}}],
            )
            changed += 1
        return changed

    @admin.action(description=_("Vô hiệu hóa tài khoản"), permissions=["change"])
    def deactivate(self, request, queryset):
        count = self._set_active(request, queryset, active=False)
        if count:
            self.message_user(
                request,
                _(
                    "Đã vô hiệu hóa %(count)d tài khoản: không đăng nhập được nữa, bài viết "
                    "và lịch sử vẫn giữ nguyên."
                )
                % {"count": count},
                messages.SUCCESS,
            )

    @admin.action(description=_("Kích hoạt lại"), permissions=["change"])
    def reactivate(self, request, queryset):
        count = self._set_active(request, queryset, active=True)
        if count:
            self.message_user(
                request,
                _("Đã kích hoạt lại %(count)d tài khoản.") % {"count": count},
                messages.SUCCESS,
            )
