"""What gets recorded: sign-ins and their failures, lockouts, changes to users and
roles, and every workflow transition. Refusals of access are recorded by the
middleware."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed, post_save, pre_save
from django.dispatch import receiver

from workflow.models import Transition

from .models import AuditEvent
from .recorder import record

Kind = AuditEvent.Kind
User = get_user_model()
WATCHED_USER_FIELDS = (
    "username",
    "email",
    "is_active",
    "is_staff",
    "is_superuser",
    "full_name",
    "department",
    "position",
)


@receiver(user_logged_in)
def on_login(sender, request, user, **kwargs):
    record(Kind.LOGIN, actor=user, request=request, target=user.get_username())


@receiver(user_logged_out)
def on_logout(sender, request, user, **kwargs):
    if user is not None:
        record(Kind.LOGOUT, actor=user, request=request, target=user.get_username())


@receiver(user_login_failed)
def on_login_failed(sender, credentials, request=None, **kwargs):
    # The username tried, never the password (Django already masks it in credentials).
    username = str(credentials.get("username", ""))[:150]
    record(Kind.LOGIN_FAILED, request=request, username=username, target=username)


try:
    from axes.signals import user_locked_out
except ImportError:  # axes not installed: lockouts are not possible, nothing to record
    user_locked_out = None

if user_locked_out is not None:

    @receiver(user_locked_out)
    def on_lockout(sender, request, username=None, ip_address=None, **kwargs):
        record(
            Kind.LOCKOUT,
            request=request,
            username=str(username or "")[:150],
            target=str(username or ""),
            details={"ip": ip_address},
        )


@receiver(pre_save, sender=User)
def remember_user_before_change(sender, instance, **kwargs):
    if instance.pk:
        instance._audit_before = (
            User.objects.filter(pk=instance.pk).values(*WATCHED_USER_FIELDS, "password").first()
        )


@receiver(post_save, sender=User)
def on_user_saved(sender, instance, created, **kwargs):
    if created:
        record(
            Kind.USER_CREATED,
            target=instance.get_username(),
            details={f: getattr(instance, f) for f in WATCHED_USER_FIELDS},
        )
        return
    before = getattr(instance, "_audit_before", None) or {}
    changes = {
        field: [before.get(field), getattr(instance, field)]
        for field in WATCHED_USER_FIELDS
        if field in before and before[field] != getattr(instance, field)
    }
    if changes:
        record(Kind.USER_CHANGED, target=instance.get_username(), details=changes)
    if before and before.get("password") != instance.password:
        record(Kind.PASSWORD_CHANGED, target=instance.get_username())


@receiver(m2m_changed, sender=User.groups.through)
def on_roles_changed(sender, instance, action, pk_set, reverse, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if reverse:  # group.user_set.add(...): instance is the group
        users = User.objects.filter(pk__in=pk_set or [])
        for user in users:
            record(
                Kind.ROLES_CHANGED,
                target=user.get_username(),
                details={"action": action, "groups": [instance.name]},
            )
        return
    names = list(Group.objects.filter(pk__in=pk_set or []).values_list("name", flat=True))
    record(
        Kind.ROLES_CHANGED,
        target=instance.get_username(),
        details={
            "action": action,
            "groups": names,
            "now": list(instance.groups.values_list("name", flat=True)),
        },
    )


@receiver(m2m_changed, sender=Group.permissions.through)
def on_group_permissions_changed(sender, instance, action, pk_set, reverse, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear") or reverse:
        return
    from django.contrib.auth.models import Permission

    codenames = list(
        Permission.objects.filter(pk__in=pk_set or []).values_list("codename", flat=True)
    )
    record(
        Kind.GROUP_CHANGED,
        target=instance.name,
        details={"action": action, "permissions": codenames},
    )


@receiver(post_save, sender=Transition)
def on_transition(sender, instance, created, **kwargs):
    if created:
        record(
            Kind.TRANSITION,
            actor=instance.actor,
            target=f"bài #{instance.article_id}",
            details={
                "action": instance.action,
                "from": instance.from_status,
                "to": instance.to_status,
                "step": instance.step_name,
                "transition_id": instance.pk,
            },
        )
