from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "full_name", "department", "position", "email", "is_active"]
    list_filter = ["is_active", "is_staff", "groups", "department"]
    search_fields = ["username", "full_name", "email", "department"]
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
                    "email",
                    "password1",
                    "password2",
                    "groups",
                ],
            },
        ),
    ]
