"""Two app processes on different ports, sharing PostgreSQL and Redis: a login, a publish
and a cache invalidation on one are seen on the other (bench/scaleout.py does the
work over HTTP; this runs it against the test database)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.postgres
@pytest.mark.redis
def test_two_app_servers_share_sessions_content_and_cache_invalidation(transactional_db):
    db = connection.settings_dict
    user = quote(db["USER"] or "postgres") + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
    url = f"postgres://{user}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "scaleout.py"),
            "--database-url",
            url,
            "--redis-url",
            "redis://127.0.0.1:6379/13",
            "--ports",
            "8121",
            "8122",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    assert result.stdout.count("ok   ") == 9
