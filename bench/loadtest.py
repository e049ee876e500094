"""Load test: many readers and a newsroom at work at once, bounded, on 127.0.0.1 only.

    .venv/bin/python -m bench.loadtest                      # 50 clients, 60 s, own site
    .venv/bin/python -m bench.loadtest --clients 20 --duration 30
    .venv/bin/python -m bench.loadtest --url http://127.0.0.1:8000 --accounts staff.json

Without --url it starts the site itself as in production (bench/run.py's helpers): a
private PostgreSQL 15 cluster and Redis, a small corpus, production settings under
gunicorn, and staff accounts of every role; everything is stopped when it ends.
With --url it uses a site already running on this machine; staff actions then need
--accounts, a JSON list of {"username", "password", "role"} (role: author, editor
or approver), else only public pages are read.

Readers (most clients) open the home page, sections, articles and search. Staff
clients sign in, write drafts, save them again, submit them; editors and leaders
approve what waits for them (a leader's approval publishes). Each client waits a
little between requests, as people do. The report gives the requests made, latency
per kind (p50/p95/p99), 5xx answers and other errors; the exit status is 1 if any
answer was a 5xx (or nothing could be measured), 2 if the arguments are refused.
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import os
import random
import re
import secrets
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from contextlib import ExitStack
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path

# bench/run.py's own ports, moved so a benchmark and a load test can run side by side.
PORTS = {"pg": 5489, "redis": 6389, "app": 8111}
PASSWORD = "tai-thu-" + secrets.token_urlsafe(12)
# Interleaved, so that even a few staff clients include a reviewer of each step.
ROLES = ("author", "editor", "approver", "author", "author", "editor", "author")
SEARCH_TERMS = ("nghị quyết", "chuyen doi so", "hội nghị", "nông thôn mới", "đại hội đảng")
REQUEST_TIMEOUT = 30


class Refused(SystemExit):
    def __init__(self, message: str):
        super().__init__(2)
        self.message = message


def loopback_url(url: str) -> str:
    """url, if it points at this machine; Refused otherwise (no load on anyone else)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise Refused(f"--url must be http(s)://127.0.0.1:PORT, not {url!r}")
    host = parts.hostname
    if host != "localhost":
        try:
            address = ipaddress.ip_address(host)
        except ValueError:
            raise Refused(f"refusing {host!r}: only 127.0.0.1 (loopback) is allowed") from None
        if not address.is_loopback:
            raise Refused(f"refusing {host}: only 127.0.0.1 (loopback) is allowed")
    return url.rstrip("/")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients (1-500)")
    parser.add_argument("--duration", type=float, default=60, help="seconds (1-1800)")
    parser.add_argument("--staff", type=float, default=0.2, help="share of staff clients")
    parser.add_argument("--think", type=float, default=0.5, help="mean pause between requests")
    parser.add_argument("--url", default="", help="a site already running on 127.0.0.1")
    parser.add_argument("--accounts", type=Path, default=None, help="staff accounts (JSON)")
    parser.add_argument("--articles", type=int, default=3000, help="corpus size (own site)")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers (own site)")
    parser.add_argument("--json", type=Path, default=None, help="write the report here too")
    args = parser.parse_args(argv)
    if not 1 <= args.clients <= 500:
        raise Refused("--clients must be between 1 and 500")
    if not 1 <= args.duration <= 1800:
        raise Refused("--duration must be between 1 and 1800 seconds")
    if not 0 <= args.staff <= 1:
        raise Refused("--staff is a share between 0 and 1")
    if args.url:
        args.url = loopback_url(args.url)
    return args


# Recording ---------------------------------------------------------------------------------


@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    server_errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    other_errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    examples: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, seconds: float, status: int, expected: tuple[int, ...], url: str):
        with self.lock:
            self.latencies[kind].append(seconds)
            if status >= 500:
                self.server_errors[kind] += 1
            elif status not in expected:
                self.other_errors[kind] += 1
            else:
                return
            if len(self.examples) < 20:
                self.examples.append(f"{kind} {status} {url}")

    def error(self, kind: str, what: str):
        with self.lock:
            self.other_errors[kind] += 1
            if len(self.examples) < 20:
                self.examples.append(f"{kind} {what}")

    def summary(self, seconds: float) -> dict:
        kinds = {}
        for kind, values in sorted(self.latencies.items()):
            values = sorted(values)
            cuts = (
                statistics.quantiles(values, n=100, method="inclusive") if len(values) > 1 else []
            )

            def at(p, values=values, cuts=cuts):
                return round(1000 * (cuts[p - 1] if cuts else values[0]), 1)

            kinds[kind] = {
                "requests": len(values),
                "p50_ms": at(50),
                "p95_ms": at(95),
                "p99_ms": at(99),
                "max_ms": round(1000 * values[-1], 1),
                "5xx": self.server_errors.get(kind, 0),
                "other_errors": self.other_errors.get(kind, 0),
            }
        total = sum(len(v) for v in self.latencies.values())
        return {
            "requests": total,
            "requests_per_second": round(total / seconds, 1) if seconds else 0,
            "5xx": sum(self.server_errors.values()),
            "other_errors": sum(self.other_errors.values()),
            "kinds": kinds,
            "examples": self.examples,
        }


# A browser, roughly --------------------------------------------------------------------------


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Client:
    """One person: their own cookies, sent by hand because the production cookies are
    Secure and the site is told it is behind HTTPS (X-Forwarded-Proto), as behind nginx."""

    opener = urllib.request.build_opener(_NoRedirect)

    def __init__(self, base: str, results: Results):
        self.base = base
        self.results = results
        self.cookies: dict[str, str] = {}
        host = urllib.parse.urlsplit(base).netloc
        self.origin = f"https://{host}"

    def request(
        self, kind: str, path: str, data: dict | None = None, expected=(200,)
    ) -> tuple[int, str, dict]:
        url = self.base + path
        headers = {
            "X-Forwarded-Proto": "https",
            "User-Agent": "toasoan-loadtest",
            "Accept-Language": "vi",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data, doseq=True).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = self.origin
            headers["Referer"] = self.origin + path
        started = time.perf_counter()
        try:
            with self.opener.open(
                urllib.request.Request(url, body, headers), timeout=REQUEST_TIMEOUT
            ) as response:
                status, text, response_headers = (
                    response.status,
                    response.read().decode("utf-8", "replace"),
                    response.headers,
                )
        except urllib.error.HTTPError as error:
            status, text, response_headers = (
                error.code,
                error.read().decode("utf-8", "replace"),
                error.headers,
            )
        except (urllib.error.URLError, OSError) as error:
            self.results.error(kind, f"{type(error).__name__}: {error} {url}")
            return 0, "", {}
        self.results.add(kind, time.perf_counter() - started, status, expected, url)
        for header in response_headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie()
            cookie.load(header)
            for name, morsel in cookie.items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return status, text, dict(response_headers)


def _field(html: str, name: str) -> str:
    match = re.search(rf'name="{name}" value="([^"]*)"', html)
    return match.group(1) if match else ""


# What people do ------------------------------------------------------------------------------


def reader(client: Client, pages: dict, stop_at: float, think: float) -> None:
    while time.monotonic() < stop_at:
        roll = random.random()
        if roll < 0.15:
            client.request("home", "/")
        elif roll < 0.35:
            client.request("section", random.choice(pages["sections"]))
        elif roll < 0.85:
            client.request("article", random.choice(pages["articles"]))
        else:
            query = urllib.parse.urlencode({"q": random.choice(SEARCH_TERMS)})
            client.request("search", f"/tim-kiem/?{query}")
        _pause(think, stop_at)


def _pause(think: float, stop_at: float) -> None:
    if think > 0:
        time.sleep(min(random.uniform(0, 2 * think), max(0.0, stop_at - time.monotonic())))


class Staffer:
    def __init__(self, client: Client, account: dict, category_hint: str = ""):
        self.client = client
        self.account = account
        self.drafts: list[int] = []
        self.category = category_hint

    def login(self) -> bool:
        status, html, _ = self.client.request("login-page", "/toa-soan/dang-nhap/")
        if status != 200:
            return False
        status, _, _ = self.client.request(
            "login",
            "/toa-soan/dang-nhap/",
            {
                "csrfmiddlewaretoken": _field(html, "csrfmiddlewaretoken"),
                "username": self.account["username"],
                "password": self.account["password"],
            },
            expected=(302,),
        )
        return status == 302

    def logout(self) -> None:
        status, html, _ = self.client.request("staff-page", "/toa-soan/")
        token = _field(html, "csrfmiddlewaretoken")
        if status == 200 and token:
            self.client.request(
                "logout", "/toa-soan/dang-xuat/", {"csrfmiddlewaretoken": token}, expected=(302,)
            )
        self.client.cookies.clear()

    def _content(self, html: str) -> dict:
        if not self.category:
            match = re.search(r'<select name="category"[^>]*>(.*?)</select>', html, re.S)
            values = re.findall(r'<option value="(\d+)"', match.group(1)) if match else []
            self.category = random.choice(values) if values else ""
        n = random.randint(1, 10**6)
        return {
            "title": f"Tin thử tải số {n}: hội nghị quán triệt nghị quyết",
            "sapo": "Sáng nay, Ban Thường vụ Tỉnh ủy tổ chức hội nghị quán triệt nghị quyết.",
            "body": "<p>Toàn tỉnh có 252 điểm cầu với 44.881 đảng viên tham dự.</p>" * 5,
            "category": self.category,
            "byline": "Phòng Tuyên truyền",
            "tag_names": "",
        }

    def write(self) -> None:
        status, html, _ = self.client.request("staff-page", "/toa-soan/bai-viet/moi/")
        if status != 200:
            return
        data = {"csrfmiddlewaretoken": _field(html, "csrfmiddlewaretoken"), **self._content(html)}
        status, _, headers = self.client.request(
            "save", "/toa-soan/bai-viet/moi/", data, expected=(302,)
        )
        match = re.search(r"/toa-soan/bai-viet/(\d+)/", headers.get("Location", ""))
        if status == 302 and match:
            self.drafts.append(int(match.group(1)))

    def save_again(self) -> None:
        pk = random.choice(self.drafts)
        status, html, _ = self.client.request("staff-page", f"/toa-soan/bai-viet/{pk}/")
        if status != 200 or 'name="base_revision_id"' not in html:
            self.drafts.remove(pk)
            return
        data = {
            "csrfmiddlewaretoken": _field(html, "csrfmiddlewaretoken"),
            "base_revision_id": _field(html, "base_revision_id"),
            **self._content(html),
        }
        self.client.request("save", f"/toa-soan/bai-viet/{pk}/", data, expected=(302,))

    def _transition(self, pk: int, html: str, action: str, **extra) -> None:
        self.client.request(
            action,
            f"/toa-soan/bai-viet/{pk}/chuyen-trang-thai/",
            {
                "csrfmiddlewaretoken": _field(html, "csrfmiddlewaretoken"),
                "action": action,
                "expected_status": _field(html, "expected_status"),
                "expected_step": _field(html, "expected_step"),
                "expected_revision": _field(html, "expected_revision"),
                **extra,
            },
            expected=(302,),
        )

    def submit(self) -> None:
        pk = self.drafts.pop(random.randrange(len(self.drafts)))
        status, html, _ = self.client.request("staff-page", f"/toa-soan/bai-viet/{pk}/")
        if status == 200 and 'data-transition="submit"' in html:
            self._transition(pk, html, "submit")

    def review(self) -> None:
        status, html, _ = self.client.request("staff-page", "/toa-soan/bai-viet/?state=review_mine")
        waiting = [int(pk) for pk in re.findall(r'href="/toa-soan/bai-viet/(\d+)/"', html)]
        if status != 200 or not waiting:
            return
        pk = random.choice(waiting)
        status, html, _ = self.client.request("staff-page", f"/toa-soan/bai-viet/{pk}/")
        # Another reviewer may have been quicker: the page then offers nothing to do.
        if status == 200 and 'data-transition="approve"' in html:
            self._transition(pk, html, "approve", publish_mode="now")

    def run(self, stop_at: float, think: float) -> None:
        if not self.login():
            return
        actions = 0
        while time.monotonic() < stop_at:
            role = self.account["role"]
            if role == "author" or (role != "author" and random.random() < 0.3):
                if not self.drafts or random.random() < 0.3:
                    self.write()
                elif random.random() < 0.5:
                    self.save_again()
                else:
                    self.submit()
            else:
                self.review()
            actions += 1
            # People sign out and in again now and then: logins are part of the load.
            if actions % 15 == 0 and time.monotonic() < stop_at:
                self.logout()
                if not self.login():
                    return
            _pause(think, stop_at)


# Running ---------------------------------------------------------------------------------------


def discover(base: str) -> dict:
    """Sections and articles to read, from the home page and the sections' pages."""
    results = Results()
    client = Client(base, results)
    _, home, _ = client.request("discover", "/")
    sections = sorted(set(re.findall(r'href="(/chuyen-muc/[^"/]+/)"', home)))
    articles = set(re.findall(r'href="(/bai-viet/[^"/]+/)"', home))
    for section in sections[:12]:
        _, html, _ = client.request("discover", section)
        articles.update(re.findall(r'href="(/bai-viet/[^"/]+/)"', html))
    if not sections or not articles:
        raise SystemExit(f"{base}: no sections or articles found on the home page")
    return {"sections": sections, "articles": sorted(articles)}


def load(base: str, accounts: list[dict], args) -> dict:
    pages = discover(base)
    results = Results()
    staff_clients = min(round(args.clients * args.staff), len(accounts)) if accounts else 0
    started = time.monotonic()
    stop_at = started + args.duration
    threads = []
    for index in range(args.clients):
        client = Client(base, results)
        if index < staff_clients:
            staffer = Staffer(client, accounts[index % len(accounts)])
            target, target_args = staffer.run, (stop_at, args.think)
        else:
            target, target_args = reader, (client, pages, stop_at, args.think)
        threads.append(threading.Thread(target=target, args=target_args, daemon=True))
    for thread in threads:
        thread.start()
    for thread in threads:
        # Each request has its own timeout: every client stops by the end plus one.
        thread.join(timeout=max(0.0, stop_at - time.monotonic()) + REQUEST_TIMEOUT + 5)
    elapsed = time.monotonic() - started
    summary = results.summary(elapsed)
    summary.update(
        clients=args.clients,
        staff_clients=staff_clients,
        duration_s=round(elapsed, 1),
        think_s=args.think,
        pages={"sections": len(pages["sections"]), "articles": len(pages["articles"])},
    )
    return summary


SETUP = """
import json
from django.contrib.auth.models import Group
from accounts.models import User
from accounts.roles import APPROVER, AUTHOR, EDITOR
names = {"author": AUTHOR, "editor": EDITOR, "approver": APPROVER}
accounts = []
for index, role in enumerate(ROLES):
    user = User.objects.create_user(
        f"taithu{index}", password=PASSWORD, is_staff=True, full_name=f"Tải thử {index}"
    )
    user.groups.add(Group.objects.get(name=names[role].name))
    accounts.append({"username": user.username, "password": PASSWORD, "role": role})
print(json.dumps(accounts))
"""


def own_site(stack: ExitStack, args) -> tuple[str, list[dict], dict]:
    """The site as in production, started here on private ports (bench/run.py)."""
    import tempfile

    from bench import run as bench

    bench.PORTS.update(PORTS)
    directory = Path(tempfile.mkdtemp(prefix="toasoan-loadtest-"))
    directory.chmod(0o755)
    stack.callback(lambda: __import__("shutil").rmtree(directory, ignore_errors=True))
    services = bench.Services(directory, stack)
    database_url = bench.start_postgres(services, directory)
    cache_url = bench.start_redis(services)
    env = bench.app_env(
        directory, database_url, cache_url, SITE_URL=f"https://127.0.0.1:{PORTS['app']}"
    )
    bench.log("migrate, collectstatic")
    bench.manage(env, "migrate", "--noinput", "-v0")
    bench.manage(env, "collectstatic", "--noinput", "-v0")
    bench.log(f"loading {args.articles:,} articles")
    bench.manage(env, "load_corpus", "--articles", str(args.articles), capture=True)
    roles = (ROLES * (1 + args.clients // len(ROLES)))[
        : max(len(ROLES), round(args.clients * args.staff))
    ]
    code = f"ROLES = {roles!r}\nPASSWORD = {PASSWORD!r}\n" + SETUP
    accounts = json.loads(
        bench.manage(env, "shell", "-c", code, capture=True).strip().splitlines()[-1]
    )
    bench.gunicorn(services, "app", "cms.wsgi:application", PORTS["app"], env, workers=args.workers)
    base = f"http://127.0.0.1:{PORTS['app']}"
    bench.wait_http(base + "/")
    site = {
        "settings": "cms.settings.production",
        "server": f"gunicorn, {args.workers} sync workers",
        "database": "PostgreSQL 15 (private cluster, bench/postgresql.conf)",
        "cache": "Redis (private)",
        "articles": args.articles,
    }
    return base, accounts, site


def print_report(report: dict) -> None:
    print(
        f"\n{report['clients']} clients ({report['staff_clients']} staff) for "
        f"{report['duration_s']} s, think time ~{report['think_s']} s: "
        f"{report['requests']} requests, {report['requests_per_second']}/s, "
        f"5xx: {report['5xx']}, other errors: {report['other_errors']}"
    )
    print(
        f"{'kind':<12} {'n':>7} {'p50 ms':>9} {'p95 ms':>9} {'p99 ms':>9} {'max ms':>9} 5xx other"
    )
    for kind, row in report["kinds"].items():
        print(
            f"{kind:<12} {row['requests']:>7} {row['p50_ms']:>9} {row['p95_ms']:>9} "
            f"{row['p99_ms']:>9} {row['max_ms']:>9} {row['5xx']:>3} {row['other_errors']:>5}"
        )
    for example in report["examples"]:
        print(f"  ! {example}")


def main(argv: list[str] | None = None) -> int:
    try:
        args = parse_args(argv)
    except Refused as refused:
        print(refused.message, file=sys.stderr)
        return 2
    loadavg_before = Path("/proc/loadavg").read_text().split()[:3]
    with ExitStack() as stack:
        if args.url:
            base = args.url
            accounts = json.loads(args.accounts.read_text()) if args.accounts else []
            site = {"url": base}
        else:
            base, accounts, site = own_site(stack, args)
        report = load(base, accounts, args)
    report["site"] = site
    report["date"] = time.strftime("%Y-%m-%d %H:%M:%S %Z")
    report["command"] = " ".join([Path(sys.argv[0]).name, *(argv or sys.argv[1:])])
    report["machine"] = {
        "cpus": os.cpu_count(),
        "loadavg_before": loadavg_before,
        "loadavg_after": Path("/proc/loadavg").read_text().split()[:3],
    }
    print_report(report)
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2))
    if report["requests"] == 0:
        print("nothing was measured", file=sys.stderr)
        return 1
    return 1 if report["5xx"] else 0


if __name__ == "__main__":
    sys.exit(main())
