"""Backing up and restoring the whole site: the PostgreSQL database and the media files.

A backup is a directory: `database.dump` (pg_dump's custom format), `media.tar.gz`,
and `manifest.json` with row counts and checksums of what must never be lost
(articles, revisions, the transition log, the audit trail) so that a restore can be
checked against it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import connection

# Tables whose every row a restore must bring back exactly.
CHECKED_TABLES = (
    "articles_article",
    "workflow_revision",
    "workflow_transition",
    "audit_auditevent",
)


class BackupError(Exception):
    """The backup or restore could not be made; the message says why, in Vietnamese."""


def _pg_env(db: dict) -> tuple[list[str], dict]:
    args = [
        "--host",
        db.get("HOST") or "localhost",
        "--port",
        str(db.get("PORT") or 5432),
        "--username",
        db.get("USER") or "postgres",
    ]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return args, env


def _tool(db: dict, name: str) -> str:
    """The full path of a PostgreSQL client program, or a Vietnamese reason why not."""
    if "postgresql" not in db["ENGINE"]:
        raise BackupError("Sao lưu bằng lệnh này cần PostgreSQL (DATABASE_URL).")
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"Không tìm thấy {name}: hãy cài gói postgresql-client.")
    return path


def table_fingerprints(cursor) -> dict[str, dict]:
    """Row count and a checksum over every row, ordered by id, of each checked table."""
    result = {}
    # Timestamps come back in the session's time zone; fix it so that two
    # connections to two databases describe the same rows the same way.
    cursor.execute("SET TIME ZONE 'UTC'")
    for table in CHECKED_TABLES:
        # Each row as PostgreSQL's own text form: independent of the client's type loaders.
        cursor.execute(f"SELECT t::text FROM {table} AS t ORDER BY id")  # noqa: S608 - fixed names  # nosec B608
        digest = hashlib.sha256()
        count = 0
        for (row,) in cursor.fetchall():
            digest.update(row.encode())
            digest.update(b"\n")
            count += 1
        result[table] = {"rows": count, "sha256": digest.hexdigest()}
    return result


def media_fingerprint(root: Path) -> dict:
    digest = hashlib.sha256()
    count = 0
    if root.exists():
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
            count += 1
    return {"files": count, "sha256": digest.hexdigest()}


def backup(target: Path) -> dict:
    db = connection.settings_dict
    pg_dump = _tool(db, "pg_dump")
    target.mkdir(parents=True, exist_ok=True)
    args, env = _pg_env(db)
    dump = target / "database.dump"
    result = subprocess.run(  # noqa: S603 - fixed program, arguments from settings  # nosec B603
        [pg_dump, *args, "--format=custom", "--no-owner", "--file", str(dump), db["NAME"]],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BackupError(f"pg_dump thất bại: {result.stderr.strip()}")
    media_root = Path(settings.MEDIA_ROOT)
    with tarfile.open(target / "media.tar.gz", "w:gz") as archive:
        if media_root.exists():
            archive.add(media_root, arcname="media")
    with connection.cursor() as cursor:
        manifest = {"tables": table_fingerprints(cursor), "media": media_fingerprint(media_root)}
    (target / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return manifest


def restore(source: Path, *, database: str, media_root: Path) -> None:
    """Restore a backup into `database` (which must exist and may be empty) and media_root."""
    db = connection.settings_dict
    pg_restore = _tool(db, "pg_restore")
    dump = source / "database.dump"
    if not dump.exists():
        raise BackupError(f"Không có tệp {dump}.")
    args, env = _pg_env(db)
    result = subprocess.run(  # noqa: S603 - pg_restore, arguments from settings  # nosec B603
        [
            pg_restore,
            *args,
            "--no-owner",
            "--clean",
            "--if-exists",
            "--exit-on-error",
            "--dbname",
            database,
            str(dump),
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BackupError(f"pg_restore thất bại: {result.stderr.strip()}")
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(source / "media.tar.gz", "r:gz") as archive:
        members = [m for m in archive.getmembers() if m.name.startswith("media")]
        for member in members:
            member.name = member.name.removeprefix("media").lstrip("/")
            if not member.name:
                continue
            # filter="data" refuses absolute paths, "..", links outside and devices.
            archive.extract(member, media_root, filter="data")
