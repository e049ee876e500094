"""The production settings, loaded as the server loads them: in a process of their own,
from the environment alone (no .env file, no test settings)."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "ALLOWED_HOSTS": "tuyengiao.example.gov.vn",
    "SITE_URL": "https://tuyengiao.example.gov.vn",
    # The checks below never connect; the settings only refuse SQLite.
    "DATABASE_URL": "postgres://toasoan@127.0.0.1:5432/toasoan",
    "CACHE_URL": "rediscache://127.0.0.1:6379/1",
}


def run_production(args: list[str], **env: str | None) -> subprocess.CompletedProcess:
    """Runs `python <args>` with production settings and only the given environment
    (a strong random SECRET_KEY unless told otherwise; None leaves a name unset)."""
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(Path.home()),
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        **PRODUCTION_ENV,
        **env,
    }
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={name: value for name, value in environment.items() if value is not None},
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_settings(*names: str, **env: str) -> dict:
    """The values of the named settings as production computes them."""
    script = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {list(names)!r}}}))"
    )
    result = run_production(["-c", script], **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_deploy_check_finds_nothing_in_production_settings():
    result = run_production(
        ["manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


@pytest.mark.parametrize(
    "secret_key",
    [
        None,
        "",
        "ngan-qua",
        "a" * 64,  # long, but five or fewer distinct characters
        "django-insecure-" + secrets.token_urlsafe(50),
        "dev-only-not-a-secret-6f1c7e0a9b2d4c3e8f5a" + secrets.token_hex(8),
    ],
    ids=["missing", "empty", "short", "repetitive", "django-insecure", "dev-default"],
)
def test_production_refuses_to_start_without_a_real_secret_key(secret_key):
    result = run_production(["manage.py", "check"], SECRET_KEY=secret_key)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY phải được đặt trong môi trường" in result.stderr


def test_production_refuses_sqlite():
    result = run_production(["manage.py", "check"], DATABASE_URL="sqlite:////tmp/toasoan.db")
    assert result.returncode != 0
    assert "DATABASE_URL phải trỏ tới PostgreSQL" in result.stderr


def test_production_sends_readers_to_https_and_marks_cookies_secure():
    values = production_settings(
        "DEBUG",
        "SECURE_SSL_REDIRECT",
        "SECURE_PROXY_SSL_HEADER",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SESSION_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "CSRF_COOKIE_SECURE",
        "CONTENT_SECURITY_POLICY",
    )
    assert values["DEBUG"] is False
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["SECURE_HSTS_SECONDS"] >= 31536000
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SESSION_COOKIE_SECURE"] and values["SESSION_COOKIE_HTTPONLY"]
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["upgrade-insecure-requests"] is True


def test_pictures_on_object_storage_are_the_only_other_host_allowed():
    directives = production_settings(
        "CONTENT_SECURITY_POLICY",
        MEDIA_S3_BUCKET="toasoan-anh",
        MEDIA_S3_CUSTOM_DOMAIN="anh.example.gov.vn",
    )["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]
    assert directives["img-src"] == ["'self'", "https://anh.example.gov.vn"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]


def test_static_files_on_a_cdn_are_the_only_other_host_for_scripts_and_styles():
    directives = production_settings(
        "CONTENT_SECURITY_POLICY", STATIC_URL="https://cdn.example.gov.vn/static/"
    )["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]
    for name in ("script-src", "style-src", "img-src", "font-src"):
        assert directives[name] == ["'self'", "https://cdn.example.gov.vn"], name
    assert directives["connect-src"] == ["'self'"]


def test_production_never_waits_on_redis_for_long():
    options = production_settings("CACHES")["CACHES"]["default"]["OPTIONS"]
    assert options["SOCKET_CONNECT_TIMEOUT"] == options["SOCKET_TIMEOUT"] == 1.0
    # A timeout written in the cache's URL wins.
    options = production_settings(
        "CACHES", CACHE_URL="rediscache://127.0.0.1:6379/1?SOCKET_TIMEOUT=5"
    )["CACHES"]["default"]["OPTIONS"]
    assert options["SOCKET_TIMEOUT"] == 5 and options["SOCKET_CONNECT_TIMEOUT"] == 1.0
