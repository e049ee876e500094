"""When the database goes away: a Vietnamese 503 page, nothing half-saved, and recovery
without a restart."""

from __future__ import annotations

import time
import urllib.error
import urllib.request

import psycopg
import pytest
from django.conf import settings as django_settings
from django.db import OperationalError, connection
from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils import timezone

from articles.models import Article, Category


@pytest.fixture
def published(db):
    section = Category.objects.create(name="Tin tức")
    return Article.objects.create(
        title="Bài đang đăng",
        category=section,
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() - timezone.timedelta(hours=1),
    )


def _database_down(monkeypatch):
    """Every query fails as it does when the server is stopped."""

    def refuse(self, *args, **kwargs):
        raise OperationalError("connection refused (simulated outage)")

    monkeypatch.setattr(BaseDatabaseWrapper, "cursor", refuse)


def test_a_reader_gets_a_vietnamese_503_page_when_the_database_is_unreachable(
    client, published, monkeypatch
):
    with monkeypatch.context() as patch:
        _database_down(patch)
        response = client.get(f"/bai-viet/{published.slug}/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert "Hệ thống tạm thời gián đoạn" in html and "Traceback" not in html
    # Back up: the same page answers again, with no restart.
    assert client.get(f"/bai-viet/{published.slug}/").status_code == 200


def test_a_save_during_the_outage_says_it_was_not_saved(client, published, monkeypatch):
    with monkeypatch.context() as patch:
        _database_down(patch)
        response = client.post(f"/luot-xem/{published.pk}/")
    assert response.status_code == 503
    assert "chưa được lưu" in response.content.decode()


@pytest.mark.postgres
@pytest.mark.parametrize("persistent", [0, 60])
def test_killed_connections_never_give_a_traceback_and_the_site_recovers(
    live_server, monkeypatch, persistent
):
    """Against the live server: a real request cycle, with per-request connections and
    with persistent ones (CONN_MAX_AGE, as in production, with health checks)."""
    # The server thread opens its connection from these settings at its first request.
    monkeypatch.setitem(django_settings.DATABASES["default"], "CONN_MAX_AGE", persistent)
    section = Category.objects.create(name="Tin tức")
    article = Article.objects.create(
        title="Bài",
        category=section,
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() - timezone.timedelta(hours=1),
    )
    url = f"{live_server.url}/bai-viet/{article.slug}/"

    def status(address):
        try:
            with urllib.request.urlopen(address, timeout=10) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    assert status(url)[0] == 200
    with connection.cursor() as cursor:  # the test's own connection survives, for teardown
        cursor.execute("SELECT pg_backend_pid()")
        own_pid = cursor.fetchone()[0]
    db = connection.settings_dict
    with psycopg.connect(
        host=db["HOST"] or "localhost",
        port=db["PORT"] or 5432,
        user=db["USER"] or "postgres",
        dbname="postgres",
        autocommit=True,
    ) as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid() AND pid <> %s",
            [db["NAME"], own_pid],
        )
    # A request that meets the dead connection is answered with the 503 page; one that
    # opens a new connection (or whose health check replaces it) simply succeeds.
    code, html = status(url)
    assert code in (200, 503), html[:500]
    if code == 503:
        assert "Hệ thống tạm thời gián đoạn" in html
    deadline = time.monotonic() + 10
    while status(url)[0] != 200:
        assert time.monotonic() < deadline, "the site did not recover within 10 s"
        time.sleep(0.2)
