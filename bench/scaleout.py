"""Two app servers, one PostgreSQL, one Redis: what one does, the other sees.

    .venv/bin/python bench/scaleout.py --database-url postgres://… [--redis-url redis://…]

Starts the site twice under gunicorn (production settings, ports 8111 and 8112,
nothing shared but the database and Redis) and checks, over HTTP on 127.0.0.1:

1. a login on A is a login on B (sessions: cached_db, read from Redis);
2. a page B has cached for readers does not show an article not yet published;
3. publishing that article on A (through the workspace, as an editor would);
4. B shows it at once, on its home page and its own page (the cache version is in
   Redis, so A's change invalidated B's cached pages; the check sees B's home page
   stored in the shared Redis before the publish).

Exits 0 if every check passes; prints each. tests/test_caching_scaleout.py runs it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import redis

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def cached_now(redis_url: str, port: int, path: str) -> bool:
    """Whether the page is stored in Redis under the current public content version."""
    shared = redis.Redis.from_url(redis_url)
    digest = hashlib.blake2b(f"http|127.0.0.1:{port}|{path}".encode(), digest_size=16)
    pages = list(shared.scan_iter(f"*public:page:{digest.hexdigest()}"))
    versions = list(shared.scan_iter("*public:version"))
    if len(pages) != 1 or len(versions) != 1:
        return False
    token = re.search(rb"[0-9a-f]{16}", shared.get(versions[0]) or b"")
    return token is not None and token.group() in (shared.get(pages[0]) or b"")


def request(port: int, path: str, *, cookies: dict | None = None, data: dict | None = None):
    """(status, headers, body) of one request; cookies are sent by hand because the
    production settings mark them Secure and this is plain HTTP on 127.0.0.1."""
    body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=body)
    if cookies:
        req.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in cookies.items()))
    try:
        with OPENER.open(req, timeout=20) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def alive(port: int) -> bool:
    try:
        return request(port, "/robots.txt")[0] == 200
    except (urllib.error.URLError, ConnectionError):
        return False


def set_cookies(headers, jar: dict) -> None:
    for header in headers.get_all("Set-Cookie") or []:
        name, _, rest = header.partition("=")
        jar[name.strip()] = rest.split(";", 1)[0]


def check(label: str, ok: bool, results: list) -> None:
    results.append({"check": label, "ok": bool(ok)})
    print(f"{'ok  ' if ok else 'FAIL'} {label}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/13")
    parser.add_argument("--ports", type=int, nargs=2, default=[8111, 8112])
    args = parser.parse_args()
    run = Path(tempfile.mkdtemp(prefix="toasoan-scaleout-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        # The one secret both servers must share, to read each other's sessions.
        "SECRET_KEY": "scaleout-" + secrets.token_urlsafe(48),
        "DATABASE_URL": args.database_url,
        "CACHE_URL": args.redis_url,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "False",
        "STATIC_ROOT": str(run / "static"),
        "MEDIA_ROOT": str(run / "media"),
        "LOG_LEVEL": "WARNING",
    }
    password = secrets.token_urlsafe(12)
    title = f"Bài thử hai máy chủ {secrets.token_hex(3)}"
    setup = f"""
import json
from django.contrib.auth import get_user_model
from articles.models import Article, Category
user, _ = get_user_model().objects.get_or_create(username="scaleout-admin")
user.is_staff = user.is_superuser = True
user.set_password({password!r})
user.save()
section, _ = Category.objects.get_or_create(slug="thu-nhieu-may-chu", defaults={{"name": "Thử nhiều máy chủ"}})
article = Article.objects.create(title={title!r}, sapo="Chưa xuất bản.", category=section, status="approved")
from workflow.services import ensure_baseline_revision
revision = ensure_baseline_revision(article)
print(json.dumps({{"id": article.pk, "slug": article.slug, "revision": revision.pk}}))
"""
    processes = []
    results: list[dict] = []
    try:
        subprocess.run(
            [PYTHON, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
        )
        subprocess.run(
            [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=ROOT,
            env=env,
            check=True,
        )
        created = subprocess.run(
            [PYTHON, "manage.py", "shell", "-c", setup],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        article = json.loads(created.strip().splitlines()[-1])
        for port in args.ports:
            processes.append(
                subprocess.Popen(
                    [
                        GUNICORN,
                        "cms.wsgi:application",
                        "--bind",
                        f"127.0.0.1:{port}",
                        "--workers",
                        "1",
                    ],
                    cwd=ROOT,
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    start_new_session=True,
                )
            )
        a, b = args.ports
        for port in args.ports:
            deadline = time.monotonic() + 60
            while not alive(port):
                if time.monotonic() > deadline:
                    raise RuntimeError(f"port {port} did not start")
                time.sleep(0.3)

        # 1. A login on A is a login on B.
        jar: dict = {}
        status, headers, page = request(a, "/quan-tri/login/")
        set_cookies(headers, jar)
        token = page.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
        status, headers, _ = request(
            a,
            "/quan-tri/login/?next=/quan-tri/",
            cookies=jar,
            data={"csrfmiddlewaretoken": token, "username": "scaleout-admin", "password": password},
        )
        set_cookies(headers, jar)
        check("login on A accepted", status == 302 and "sessionid" in jar, results)
        status, _, page = request(b, "/quan-tri/", cookies=jar)
        check(
            "the session made on A is signed in on B",
            status == 200 and "scaleout-admin" in page,
            results,
        )

        # 2. B caches its home page for readers, without the article.
        request(b, "/")
        status, headers, page = request(b, "/")
        check("B serves its home page to readers", status == 200, results)
        # In the shared Redis, under the current content version: so that what follows
        # shows an invalidation, not a miss (public.cache's key and entry layout).
        check("B's home page is in the shared cache", cached_now(args.redis_url, b, "/"), results)
        check("the article is not public yet", title not in page, results)
        check(
            "its page is not found on B",
            request(b, f"/bai-viet/{article['slug']}/")[0] == 404,
            results,
        )

        # 3. Publish on A, as an editor does in the workspace.
        status, _, _ = request(
            a,
            f"/toa-soan/bai-viet/{article['id']}/chuyen-trang-thai/",
            cookies=jar,
            data={
                "csrfmiddlewaretoken": jar["csrftoken"],
                "action": "publish",
                "expected_status": "approved",
                "expected_revision": article["revision"],
                "publish_mode": "now",
            },
        )
        check("publishing on A (workspace, action publish) accepted", status == 302, results)

        # 4. B shows it on the next request: its cached home page was invalidated.
        status, _, page = request(b, "/")
        check("B's home page shows the article at once", title in page, results)
        check(
            "the article's page answers on B",
            request(b, f"/bai-viet/{article['slug']}/")[0] == 200,
            results,
        )
    finally:
        for process in processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                process.wait(timeout=20)
        shutil.rmtree(run, ignore_errors=True)
    print(json.dumps(results, ensure_ascii=False))
    return 0 if results and all(r["ok"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
