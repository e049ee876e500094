"""The newsroom's roles, as Django groups with permissions.

Code asks for permissions (user.has_perm), never for a role's name: the names below
exist to create the groups and to label them for admins.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Role:
    key: str
    name: str
    permissions: tuple[str, ...]  # "app_label.codename"


_CONTENT_READ = (
    "articles.view_article",
    "articles.view_category",
    "articles.view_tag",
    "articles.view_event",
    "articles.view_participant",
    "articles.view_resolution",
    "articles.view_organization",
    "images.view_image",
)
_CONTENT_LINKS = (
    "articles.add_tag",
    "articles.add_event",
    "articles.change_event",
    "articles.add_participant",
    "articles.change_participant",
    "articles.add_resolution",
    "articles.change_resolution",
    "articles.add_organization",
    "articles.change_organization",
    "articles.add_eventparticipant",
    "articles.change_eventparticipant",
    "articles.delete_eventparticipant",
    "articles.add_bridgepoint",
    "articles.change_bridgepoint",
    "articles.delete_bridgepoint",
    "images.add_image",
)

AUTHOR = Role(
    key="author",
    name="Phóng viên / Cộng tác viên",
    permissions=(
        *_CONTENT_READ,
        *_CONTENT_LINKS,
        "articles.add_article",
        "articles.change_article",
    ),
)
EDITOR = Role(
    key="editor",
    name="Biên tập viên",
    permissions=(
        *_CONTENT_READ,
        *_CONTENT_LINKS,
        "articles.add_article",
        "articles.change_article",
        "articles.edit_others_article",
        "articles.review_article",
    ),
)
APPROVER = Role(
    key="approver",
    name="Lãnh đạo Ban",
    permissions=(
        *_CONTENT_READ,
        *_CONTENT_LINKS,
        "articles.add_article",
        "articles.change_article",
        "articles.edit_others_article",
        "articles.review_article",
        "articles.publish_article",
        "articles.withdraw_article",
    ),
)
ADMIN = Role(
    key="admin",
    name="Quản trị viên",
    permissions=(
        *_CONTENT_READ,
        *_CONTENT_LINKS,
        "articles.add_category",
        "articles.change_category",
        "articles.delete_category",
        "articles.purge_article",
        # A colleague who lost their phone: remove the device, they enrol again.
        "otp_totp.view_totpdevice",
        "otp_totp.delete_totpdevice",
        "accounts.view_user",
        "accounts.add_user",
        "accounts.change_user",
        "auth.view_group",
        "auth.add_group",
        "auth.change_group",
    ),
)

ROLES: tuple[Role, ...] = (AUTHOR, EDITOR, APPROVER, ADMIN)


def sync_role_groups(apps) -> None:
    """Create the role groups and give each exactly its permissions (for migrations).

    Permissions of apps not migrated yet are skipped; a later migration that calls
    this again adds them.
    """
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role.name)
        wanted = Permission.objects.none()
        for dotted in role.permissions:
            app_label, codename = dotted.split(".")
            wanted |= Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            )
        group.permissions.set(wanted)
