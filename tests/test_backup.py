"""A backup restored into an empty database brings back every article, revision, log row
and audit row, and every media file (PostgreSQL: pg_dump/pg_restore)."""

from __future__ import annotations

import json
import uuid

import psycopg
import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection

from accounts.models import User
from accounts.roles import APPROVER, AUTHOR, EDITOR
from articles.models import Category
from audit.models import AuditEvent
from images.services import store_image
from tests.test_images import picture_bytes
from workflow import services
from workflow.models import Revision, Transition

pytestmark = pytest.mark.postgres


def _user(name, role):
    user = User.objects.create_user(name, f"{name}@example.vn", "mat-khau-dai-123")
    user.groups.add(Group.objects.get(name=role.name))
    return user


@pytest.fixture
def scratch_database():
    """An empty database to restore into, dropped afterwards."""
    name = f"restore_{uuid.uuid4().hex[:10]}"
    db = connection.settings_dict
    params = {
        "host": db["HOST"] or "localhost",
        "port": db["PORT"] or 5432,
        "user": db["USER"] or "postgres",
        "dbname": "postgres",
    }
    with psycopg.connect(**params, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(**params, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def newsroom_history(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    author, editor, approver = _user("pv", AUTHOR), _user("btv", EDITOR), _user("ld", APPROVER)
    section = Category.objects.create(name="Tin tức")
    image = store_image(
        SimpleUploadedFile("anh.jpg", picture_bytes(), "image/jpeg"),
        alt_text="Hội trường",
        user=author,
    )
    for n in range(3):
        article = services.create_article(
            author,
            {
                "title": f"Bài số {n}",
                "sapo": "Sapo",
                "body": f"<p>Nội dung {n}</p>",
                "category": section.pk,
                "featured_image": image.pk,
            },
        )
        services.save_working_copy(
            author, article, {"sapo": "Sapo đã sửa"}, base_revision_id=article.latest_revision_id
        )
        services.submit(author, article)
        services.approve(editor, article)
        services.approve(approver, article)
    return tmp_path


def test_backup_and_restore_round_trip(newsroom_history, scratch_database):
    backup_dir = newsroom_history / "backup"
    call_command("backup_site", str(backup_dir))
    manifest = json.loads((backup_dir / "manifest.json").read_text())
    assert manifest["tables"]["workflow_revision"]["rows"] == Revision.objects.count() == 6
    assert manifest["tables"]["workflow_transition"]["rows"] == Transition.objects.count()
    assert manifest["tables"]["audit_auditevent"]["rows"] == AuditEvent.objects.count() > 0
    assert manifest["media"]["files"] >= 2  # the original and its renditions

    restored_media = newsroom_history / "restored-media"
    call_command(
        "restore_site", str(backup_dir), database=scratch_database, media_root=str(restored_media)
    )

    db = connection.settings_dict
    with psycopg.connect(
        host=db["HOST"] or "localhost",
        port=db["PORT"] or 5432,
        user=db["USER"] or "postgres",
        dbname=scratch_database,
    ) as restored:
        titles = [
            r[0]
            for r in restored.execute("SELECT title FROM articles_article ORDER BY id").fetchall()
        ]
        live = restored.execute("SELECT count(*) FROM articles_article WHERE is_live").fetchone()
    assert titles == ["Bài số 0", "Bài số 1", "Bài số 2"]
    assert live == (3,)
    original = sorted(p.name for p in (newsroom_history / "media").rglob("*") if p.is_file())
    assert sorted(p.name for p in restored_media.rglob("*") if p.is_file()) == original


def test_a_restore_that_does_not_match_the_backup_is_reported(newsroom_history, scratch_database):
    backup_dir = newsroom_history / "backup"
    call_command("backup_site", str(backup_dir))
    manifest = json.loads((backup_dir / "manifest.json").read_text())
    manifest["tables"]["workflow_transition"]["rows"] += 1  # a row the restore will not have
    (backup_dir / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(CommandError, match="không khớp"):
        call_command(
            "restore_site",
            str(backup_dir),
            database=scratch_database,
            media_root=str(newsroom_history / "restored-media"),
        )
