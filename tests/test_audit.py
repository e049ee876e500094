"""The security audit trail: what is recorded, and that tampering is detected."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from accounts.models import User
from accounts.roles import AUTHOR, EDITOR
from articles.models import Category
from audit.models import AuditEvent
from audit.recorder import record, verify_chain
from workflow import services

Kind = AuditEvent.Kind


@pytest.fixture
def author(db):
    user = User.objects.create_user("phongvien", "pv@example.vn", "mat-khau-dai-123", is_staff=True)
    user.groups.add(Group.objects.get(name=AUTHOR.name))
    return user


def kinds() -> list[str]:
    return list(AuditEvent.objects.order_by("id").values_list("kind", flat=True))


def last(kind: str) -> AuditEvent:
    return AuditEvent.objects.filter(kind=kind).latest("id")


def test_sign_in_failure_and_sign_out_are_recorded_with_the_address(client, author):
    client.post(
        reverse("admin:login"),
        {"username": "phongvien", "password": "sai-mat-khau"},
        REMOTE_ADDR="203.0.113.7",
    )
    failed = last(Kind.LOGIN_FAILED)
    assert failed.actor_username == "phongvien" and failed.ip_address == "203.0.113.7"
    assert "sai-mat-khau" not in str(failed.details)
    client.post(
        reverse("admin:login"),
        {"username": "phongvien", "password": "mat-khau-dai-123"},
        REMOTE_ADDR="203.0.113.7",
    )
    login = last(Kind.LOGIN)
    assert login.actor == author and login.ip_address == "203.0.113.7"
    client.post(reverse("admin:logout"), REMOTE_ADDR="203.0.113.7")
    assert last(Kind.LOGOUT).actor == author


def test_user_and_role_changes_are_recorded(db):
    admin_user = User.objects.create_user("quantri", password="mat-khau-dai-123")
    created = last(Kind.USER_CREATED)
    assert created.target == "quantri"
    admin_user.is_active = False
    admin_user.save()
    assert last(Kind.USER_CHANGED).details == {"is_active": [True, False]}
    admin_user.set_password("mot-mat-khau-moi-456")
    admin_user.save()
    assert last(Kind.PASSWORD_CHANGED).target == "quantri"
    editors = Group.objects.get(name=EDITOR.name)
    admin_user.groups.add(editors)
    roles = last(Kind.ROLES_CHANGED)
    assert roles.details["groups"] == [EDITOR.name] and roles.details["action"] == "post_add"
    editors.permissions.add(Permission.objects.get(codename="publish_article"))
    assert last(Kind.GROUP_CHANGED).details["permissions"] == ["publish_article"]


def test_every_workflow_transition_is_recorded(author):
    section = Category.objects.create(name="Tin tức")
    article = services.create_article(author, {"title": "Bài", "category": section.pk})
    services.submit(author, article)
    transitions = AuditEvent.objects.filter(kind=Kind.TRANSITION).order_by("id")
    assert [e.details["action"] for e in transitions] == ["create", "submit"]
    assert transitions.last().actor == author and transitions.last().details["to"] == "submitted"


def test_a_signed_in_user_refused_a_page_is_recorded(client, author):
    client.force_login(author)
    response = client.get(reverse("admin:accounts_user_changelist"), REMOTE_ADDR="198.51.100.2")
    assert response.status_code == 403
    refused = last(Kind.PERMISSION_DENIED)
    assert refused.actor == author and refused.target == "/quan-tri/accounts/user/"
    assert refused.ip_address == "198.51.100.2"


def test_rows_cannot_be_changed_or_deleted(db):
    event = record(Kind.LOGIN_FAILED, username="ai-do")
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(target="khác")


def _without_triggers():
    """Let a test play the attacker with direct database access (rolled back after)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = replica")
        else:
            cursor.execute("DROP TRIGGER IF EXISTS audit_auditevent_no_update")


@pytest.mark.parametrize("tamper", ["edit", "delete", "insert"])
def test_tampering_breaks_the_chain_at_the_first_changed_row(db, tamper):
    events = [record(Kind.LOGIN_FAILED, username=f"user{i}") for i in range(5)]
    assert verify_chain() == (5, None)
    _without_triggers()
    if tamper == "edit":
        AuditEvent.objects.filter(pk=events[2].pk).update(actor_username="nguoi-khac")
        expected = events[2].pk
    elif tamper == "delete":
        AuditEvent.objects.filter(pk=events[2].pk)._raw_delete(connection.alias)
        expected = events[3].pk
    else:
        forged = AuditEvent(
            kind=Kind.LOGIN,
            actor_username="ke-gia-mao",
            previous_hash=events[4].hash,
            hash="f" * 64,
        )
        AuditEvent.objects.bulk_create([forged])
        expected = AuditEvent.objects.latest("id").pk
    _checked, broken = verify_chain()
    assert broken is not None and broken.pk == expected
    with pytest.raises(CommandError, match=f"dòng #{expected}"):
        call_command("verify_audit_chain")


def test_verify_command_reports_an_intact_chain(db, capsys):
    record(Kind.LOGIN_FAILED, username="a")
    call_command("verify_audit_chain")
    assert "Chuỗi nhật ký nguyên vẹn" in capsys.readouterr().out


def test_admins_read_and_export_but_never_edit(client, db):
    admin_user = User.objects.create_superuser("root", "r@example.vn", "mat-khau-dai-123")
    client.force_login(admin_user)
    event = record(Kind.LOGIN_FAILED, username="thu-nghiem")
    changelist = reverse("admin:audit_auditevent_changelist")
    assert client.get(changelist).status_code == 200
    assert client.get(reverse("admin:audit_auditevent_add")).status_code == 403
    response = client.post(changelist, {"action": "export_csv", "_selected_action": [event.pk]})
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode()
    assert "thu-nghiem" in body and event.hash in body
    delete = reverse("admin:audit_auditevent_delete", args=[event.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert AuditEvent.objects.filter(pk=event.pk).exists()
