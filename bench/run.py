"""The benchmark: one command, everything on 127.0.0.1, bounded in time, stops by itself.

    .venv/bin/python bench/run.py                 # 100,000 articles, 15 s per measurement
    .venv/bin/python bench/run.py --smoke         # 2,000 articles, 2 s each: does it work?

It starts a private PostgreSQL 15 cluster (bench/postgresql.conf) and a private Redis,
loads the corpus (demo/corpus.py), starts the site with production settings under
gunicorn (2 sync workers), the ceiling (bench/ceiling.py: a bare Django view returning a
page of the same size, same gunicorn), and nginx as in production (bench/nginx.conf: a
micro-cache in front of the app, and the same page as a static file for nginx's own
ceiling). Then wrk (-t2 -c16) measures each page type and a realistic mix, cached and
with the page cache off; search is timed alone too; an article is withdrawn behind nginx
and every page is watched until it is gone; the public pages' query plans are read
with EXPLAIN ANALYZE (bench/explain.py). Results are printed and written as JSON, with
the machine's load average at the start and at the end: other work on the machine
lowers every figure, the app's (app, Redis, PostgreSQL) more than the ceiling's.
See docs/PERFORMANCE.md for what each figure means and the figures measured.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
PG_BIN = Path("/usr/lib/postgresql/15/bin")

PORTS = {"pg": 5499, "redis": 6399, "app": 8101, "ceiling": 8102, "nginx": 8103, "static": 8104}
SEARCHES = {
    "common, with diacritics": "nghị quyết",
    "common, without": "nghi quyet",
    "rare, with diacritics": "mây tre đan",
    "rare, without": "may tre dan",
}


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


@dataclass
class Measurement:
    name: str
    target: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int
    ratio: float | None = None
    ceiling: str = ""
    load_before: float = 0.0
    note: str = ""


@dataclass
class Report:
    started: str
    machine: dict
    settings: dict
    load_seconds: float | None = None
    load_output: str = ""
    measurements: list[Measurement] = field(default_factory=list)
    search_single_client: dict = field(default_factory=dict)
    search_same_hits: dict = field(default_factory=dict)
    withdrawal: dict = field(default_factory=dict)
    worker_memory_mb: dict = field(default_factory=dict)
    queries: dict = field(default_factory=dict)
    plans: list = field(default_factory=list)


# Processes ---------------------------------------------------------------------------


class Services:
    """Everything the benchmark starts, stopped in reverse order on exit (by pid)."""

    def __init__(self, run: Path, stack: ExitStack):
        self.run = run
        self.stack = stack

    def spawn(self, name: str, args: list[str], env: dict | None = None, cwd=ROOT):
        out = open(self.run / f"{name}.log", "ab")  # noqa: SIM115 - closed on exit
        process = subprocess.Popen(
            args,
            cwd=cwd,
            env={**os.environ, **(env or {})},
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

        def stop():
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
            out.close()

        self.stack.callback(stop)
        return process


def wait_http(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                response.read()
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            if time.monotonic() > deadline:
                raise RuntimeError(f"{url} did not answer within {timeout} s") from None
            time.sleep(0.2)


def as_postgres_user(args: list[str]) -> list[str]:
    """initdb and pg_ctl refuse to run as root: run them as the postgres user then."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *args]
    return args


def start_postgres(services: Services, run: Path) -> str:
    home = run / "postgres"
    home.mkdir()
    if os.geteuid() == 0:
        shutil.chown(home, "postgres", "postgres")
    data = home / "data"
    subprocess.run(
        as_postgres_user(
            [
                str(PG_BIN / "initdb"),
                "-D",
                str(data),
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ]
        ),
        check=True,
        capture_output=True,
    )
    conf = (BENCH / "postgresql.conf").read_text()
    conf += f"\nport = {PORTS['pg']}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '{data}'\n"
    with open(data / "postgresql.conf", "a") as f:
        f.write(conf)
    subprocess.run(
        as_postgres_user(
            [
                str(PG_BIN / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(home / "postgres.log"),
                "-w",
                "start",
            ]
        ),
        check=True,
        capture_output=True,
    )
    services.stack.callback(
        lambda: subprocess.run(
            as_postgres_user([str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"]),
            capture_output=True,
        )
    )
    subprocess.run(
        [
            str(PG_BIN / "createdb"),
            "-h",
            "127.0.0.1",
            "-p",
            str(PORTS["pg"]),
            "-U",
            "postgres",
            "toasoan",
        ],
        check=True,
    )
    return f"postgres://postgres@127.0.0.1:{PORTS['pg']}/toasoan"


def start_redis(services: Services) -> str:
    services.spawn(
        "redis",
        [
            "redis-server",
            "--port",
            str(PORTS["redis"]),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--maxmemory",
            "512mb",
            "--maxmemory-policy",
            "allkeys-lru",
        ],
    )
    for _ in range(50):
        if (
            subprocess.run(
                ["redis-cli", "-p", str(PORTS["redis"]), "ping"], capture_output=True
            ).stdout.strip()
            == b"PONG"
        ):
            return f"redis://127.0.0.1:{PORTS['redis']}/1"
        time.sleep(0.1)
    raise RuntimeError("redis did not start")


def app_env(run: Path, database_url: str, cache_url: str, **extra) -> dict:
    return {
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "bench-" + secrets.token_urlsafe(48),
        "DATABASE_URL": database_url,
        "CACHE_URL": cache_url,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SITE_URL": f"http://127.0.0.1:{PORTS['nginx']}",
        "SECURE_SSL_REDIRECT": "False",
        "SECURE_HSTS_SECONDS": "0",
        "STATIC_ROOT": str(run / "static"),
        "MEDIA_ROOT": str(run / "media"),
        "CONN_MAX_AGE": "600",
        "LOG_LEVEL": "WARNING",
        **extra,
    }


def manage(env: dict, *args: str, capture: bool = False) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env={**os.environ, **env},
        check=True,
        capture_output=capture,
        text=True,
    )
    return result.stdout if capture else ""


def gunicorn(services: Services, name: str, module: str, port: int, env: dict, workers=2):
    process = services.spawn(
        name,
        [
            GUNICORN,
            module,
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--worker-class",
            "sync",
            "--backlog",
            "2048",
            "--log-level",
            "warning",
        ],
        env=env,
    )
    return process


def stop(process) -> None:
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=30)


def worker_rss_mb(master_pid: int) -> list[float]:
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children")
    sizes = []
    for pid in children.read_text().split() if children.exists() else []:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                sizes.append(round(int(line.split()[1]) / 1024, 1))
    return sizes


# Measuring -------------------------------------------------------------------------


def loadavg() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


def parse_ms(text: str) -> float:
    number, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def wrk(name: str, port: int, paths: list[str], args, run: Path, note: str = "") -> Measurement:
    paths_file = run / f"paths-{re.sub(r'[^a-z0-9]+', '-', name.lower())}.txt"
    paths_file.write_text("\n".join(paths) + "\n")
    before = loadavg()
    result = subprocess.run(
        [
            "wrk",
            f"-t{args.threads}",
            f"-c{args.connections}",
            f"-d{args.duration}s",
            "--latency",
            "--timeout",
            "10s",
            "-s",
            str(BENCH / "paths.lua"),
            f"http://127.0.0.1:{port}",
            "--",
            str(paths_file),
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=args.duration + 60,
    )
    out = result.stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = parse_ms(re.search(r"\s50%\s+(\S+)", out).group(1))
    p99 = parse_ms(re.search(r"\s99%\s+(\S+)", out).group(1))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    errors = 0
    if found := re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        errors += int(found.group(1))
    if found := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    ):
        errors += sum(int(n) for n in found.groups())
    m = Measurement(name, f":{port}", rps, p50, p99, total, errors, load_before=before, note=note)
    log(f"{name}: {rps:,.0f} req/s, p50 {p50:.2f} ms, p99 {p99:.2f} ms, errors {errors}")
    return m


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def warm(port: int, paths: list[str]) -> None:
    for path in paths:
        fetch(f"http://127.0.0.1:{port}{path}")


def search_path(text: str, page: int = 1) -> str:
    suffix = f"&page={page}" if page > 1 else ""
    return "/tim-kiem/?q=" + urllib.parse.quote_plus(text) + suffix


def result_links(html: str) -> list[str]:
    body = html.split('<ol class="search-results"', 1)[-1]
    return re.findall(r'<h2 class="search-result__title"><a href="([^"]+)"', body)


def search_count_line(html: str) -> str:
    found = re.search(r'<p class="meta search-count" role="status">(.*?)</p>', html, re.S)
    return re.sub(r"“.*?”", "“…”", found.group(1)) if found else ""


def single_client_search(port: int, rounds: int) -> tuple[dict, dict]:
    """Each query alone, one at a time: the median of rounds requests (page cache off on
    this instance, so each is a real search). Also: both spellings find the same."""
    medians = {}
    for label, text in SEARCHES.items():
        times = []
        for _ in range(rounds):
            started = time.perf_counter()
            status, _ = fetch(f"http://127.0.0.1:{port}{search_path(text)}")
            times.append((time.perf_counter() - started) * 1000)
            assert status == 200, (label, status)
        medians[label] = round(statistics.median(times), 1)
        log(f"search alone, {label}: median {medians[label]} ms")
    same = {}
    for kind in ("common", "rare"):
        accented = SEARCHES[f"{kind}, with diacritics"]
        plain = SEARCHES[f"{kind}, without"]
        pages = {}
        for text in (accented, plain):
            status, html = fetch(f"http://127.0.0.1:{port}{search_path(text)}")
            links = set(result_links(html))
            count = search_count_line(html)
            number = 2
            # Every listed hit, page after page: the sets must be equal, not just page 1.
            while f"page={number}" in html and number <= 40:
                status, html = fetch(f"http://127.0.0.1:{port}{search_path(text, number)}")
                links |= set(result_links(html))
                number += 1
            pages[text] = (links, count)
        (a_links, a_count), (p_links, p_count) = pages[accented], pages[plain]
        same[kind] = {
            "same_hits": a_links == p_links,
            "hits_listed": len(a_links),
            "count_line": a_count,
            "same_count_line": a_count == p_count,
        }
        log(
            f"search {kind}: same hits both spellings: {a_links == p_links} ({len(a_links)} listed)"
        )
    return medians, same


def watch_withdrawal(nginx: int, slug: str, pages: list[str], env: dict, limit: float) -> dict:
    """Withdraw slug while readers keep loading pages through nginx; how long until no
    page (the article, home, its section, feeds, sitemap, search) shows it."""
    marker = f"/bai-viet/{slug}/"
    for path in pages:
        fetch(f"http://127.0.0.1:{nginx}{path}")
    before = {p: marker in fetch(f"http://127.0.0.1:{nginx}{p}")[1] for p in pages}
    started = time.monotonic()
    subprocess.run(
        [PYTHON, "-m", "bench.actions", "withdraw", slug],
        cwd=ROOT,
        env={**os.environ, **env},
        check=True,
    )
    committed = time.monotonic() - started
    gone_at = {}
    while time.monotonic() - started < limit + 5:
        for path in pages:
            if path in gone_at:
                continue
            status, html = fetch(f"http://127.0.0.1:{nginx}{path}")
            shown = (status == 200) if path == marker else (marker in html)
            if not shown:
                gone_at[path] = round(time.monotonic() - started, 2)
        if len(gone_at) == len(pages):
            break
        time.sleep(0.1)
    worst = max(gone_at.values()) if len(gone_at) == len(pages) else None
    result = {
        "article": marker,
        "shown_before": before,
        "withdraw_committed_after_s": round(committed, 2),
        "gone_after_s": gone_at,
        "worst_s": worst,
        "limit_s": limit,
        "met": worst is not None and worst <= limit,
    }
    log(f"withdrawal: gone from every page after {worst} s (limit {limit} s)")
    return result


def explain_plans(env: dict) -> list:
    """bench/explain.py on the loaded corpus: the plans of the SQL the pages run."""
    output = subprocess.run(
        [PYTHON, "-m", "bench.explain"],
        cwd=ROOT,
        env={**os.environ, **env, "PUBLIC_CACHE_TIMEOUT": "0"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def count_queries(env: dict, paths: dict[str, str]) -> dict:
    """SQL queries per page with the page cache off, read with the test client."""
    script = (
        "import json, sys\n"
        "from django.conf import settings\n"
        "from django.db import connection\n"
        "from django.test import Client\n"
        "from django.test.utils import CaptureQueriesContext\n"
        "paths = json.loads(sys.argv[1])\n"
        "client = Client(HTTP_HOST='127.0.0.1')\n"
        "out = {}\n"
        "for name, path in paths.items():\n"
        "    client.get(path)\n"
        "    with CaptureQueriesContext(connection) as ctx:\n"
        "        status = client.get(path).status_code\n"
        "    out[name] = {'path': path, 'status': status, 'queries': len(ctx.captured_queries)}\n"
        "print(json.dumps(out))\n"
    )
    output = subprocess.run(
        [PYTHON, "-c", f"import django; django.setup()\n{script}", json.dumps(paths)],
        cwd=ROOT,
        env={**os.environ, **env, "PUBLIC_CACHE_TIMEOUT": "0"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


# The run ---------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--duration", type=int, default=15, help="seconds per wrk run")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--search-rounds", type=int, default=40)
    parser.add_argument("--smoke", action="store_true", help="2,000 articles, 2 s runs")
    parser.add_argument("--out", type=Path, default=None, help="JSON results (default: run dir)")
    parser.add_argument("--keep", action="store_true", help="keep the run directory")
    args = parser.parse_args()
    if args.smoke:
        args.articles, args.duration, args.search_rounds = 2000, 2, 5
    for tool in ("wrk", "nginx", "redis-server"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is required (apt-get install wrk nginx redis-server)")

    run = Path(tempfile.mkdtemp(prefix="toasoan-bench-"))
    # nginx's workers (www-data) read the page and static files from here.
    run.chmod(0o755)
    report = Report(
        started=time.strftime("%Y-%m-%d %H:%M:%S"),
        machine={
            "cpus": os.cpu_count(),
            "loadavg_at_start": Path("/proc/loadavg").read_text().split()[:3],
            "python": sys.version.split()[0],
            "nginx": subprocess.run(["nginx", "-v"], capture_output=True, text=True).stderr.strip(),
        },
        settings={k: v for k, v in vars(args).items() if k not in ("out",)} | {"ports": PORTS},
    )
    log(f"run directory {run}")
    with ExitStack() as stack:
        services = Services(run, stack)
        if not args.keep:
            stack.callback(lambda: shutil.rmtree(run, ignore_errors=True))
        database_url = start_postgres(services, run)
        cache_url = start_redis(services)
        env = app_env(run, database_url, cache_url)
        log("migrate, collectstatic")
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "collectstatic", "--noinput", "-v0")
        log(f"loading {args.articles:,} articles")
        started = time.monotonic()
        output = manage(env, "load_corpus", "--articles", str(args.articles), capture=True)
        report.load_seconds = round(time.monotonic() - started, 1)
        report.load_output = output
        log(f"corpus loaded in {report.load_seconds} s (command and Django start included)")
        sample = json.loads(
            subprocess.run(
                [PYTHON, "-m", "bench.actions", "sample", "1000"],
                cwd=ROOT,
                env={**os.environ, **env},
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        )
        searches = [search_path(t) for t in SEARCHES.values()]
        entities = sample["events"] + sample["participants"] + sample["resolutions"]
        mix = (
            sample["articles"] * 6
            + ["/"] * 1000
            + sample["sections"] * 20
            + entities * 6
            + searches * 50
        )
        mix = [mix[(i * 7919) % len(mix)] for i in range(len(mix))]

        # The site, page cache on.
        app = gunicorn(services, "app", "cms.wsgi:application", PORTS["app"], env)
        wait_http(f"http://127.0.0.1:{PORTS['app']}/")
        page = fetch(f"http://127.0.0.1:{PORTS['app']}{sample['articles'][0]}")[1].encode()
        (run / "www").mkdir()
        (run / "www" / "page.html").write_bytes(page)
        report.settings["page_bytes"] = len(page)
        gunicorn(
            services,
            "ceiling",
            "bench.ceiling:application",
            PORTS["ceiling"],
            {"BENCH_CEILING_FILE": str(run / "www" / "page.html")},
        )
        wait_http(f"http://127.0.0.1:{PORTS['ceiling']}/")
        conf = (BENCH / "nginx.conf").read_text()
        for key, value in {
            "@RUN@": str(run),
            "@APP@": f"127.0.0.1:{PORTS['app']}",
            "@LISTEN@": f"127.0.0.1:{PORTS['nginx']}",
            "@STATIC_LISTEN@": f"127.0.0.1:{PORTS['static']}",
            "@STATIC_DIR@": str(run / "www"),
            "@STATIC_ROOT@": str(run / "static"),
            "@MEDIA_ROOT@": str(run / "media"),
        }.items():
            conf = conf.replace(key, value)
        (run / "nginx.conf").write_text(conf)
        services.spawn("nginx", ["nginx", "-c", str(run / "nginx.conf"), "-p", str(run)])
        wait_http(f"http://127.0.0.1:{PORTS['static']}/")
        wait_http(f"http://127.0.0.1:{PORTS['nginx']}/")

        measure = report.measurements
        django_ceiling = wrk("ceiling: bare Django view", PORTS["ceiling"], ["/"], args, run)
        measure.append(django_ceiling)
        nginx_ceiling = wrk("ceiling: nginx static file", PORTS["static"], ["/"], args, run)
        measure.append(nginx_ceiling)

        log("warming the page cache")
        warm(PORTS["app"], sorted(set(mix)))
        cached = [
            ("cached: article (1,000 random)", sample["articles"]),
            ("cached: home", ["/"]),
            ("cached: section pages (deep ones too)", sample["sections"]),
            ("cached: event, participant, document", entities),
            ("cached: realistic mix", mix),
        ]
        for name, paths in cached:
            measure.append(wrk(name, PORTS["app"], paths, args, run))
        report.worker_memory_mb["cached run"] = worker_rss_mb(app.pid)
        stop(app)

        # The site with the page cache off: every request renders.
        uncached_env = {**env, "PUBLIC_CACHE_TIMEOUT": "0"}
        app = gunicorn(services, "app-uncached", "cms.wsgi:application", PORTS["app"], uncached_env)
        wait_http(f"http://127.0.0.1:{PORTS['app']}/")
        warm(PORTS["app"], sample["articles"][:50] + searches)
        uncached = [
            ("uncached: article (1,000 random)", sample["articles"]),
            ("uncached: home", ["/"]),
            ("uncached: section pages (deep ones too)", sample["sections"]),
            ("uncached: event, participant, document", entities),
            ("uncached: search, common and rare, both spellings", searches),
        ]
        for name, paths in uncached:
            measure.append(wrk(name, PORTS["app"], paths, args, run))
        medians, same = single_client_search(PORTS["app"], args.search_rounds)
        report.search_single_client = medians
        report.search_same_hits = same
        report.worker_memory_mb["uncached run"] = worker_rss_mb(app.pid)
        stop(app)

        # Production stack: nginx micro-cache in front of the site with its page cache.
        app = gunicorn(services, "app-behind-nginx", "cms.wsgi:application", PORTS["app"], env)
        wait_http(f"http://127.0.0.1:{PORTS['app']}/")
        hot = ["/", *sample["sections"][:8], *sample["newest"]]
        warm(PORTS["nginx"], sorted(set(hot + mix)))
        measure.append(wrk("nginx: hot anonymous pages", PORTS["nginx"], hot, args, run))
        measure.append(wrk("nginx: realistic mix", PORTS["nginx"], mix, args, run))
        newest = sample["newest"][0].split("/")[2]
        article_html = fetch(f"http://127.0.0.1:{PORTS['app']}/bai-viet/{newest}/")[1]
        crumbs = article_html.split('<nav class="breadcrumb"', 1)[1].split("</nav>", 1)[0]
        section = re.findall(r'href="(/chuyen-muc/[^"]+)"', crumbs)[-1]
        title = re.search(r'<h1 class="article__title">(.*?)</h1>', article_html, re.S).group(1)
        watched = [
            f"/bai-viet/{newest}/",
            "/",
            section,
            "/rss/",
            "/sitemap-bai-viet.xml",
            search_path(html.unescape(title)),
        ]
        report.withdrawal = watch_withdrawal(PORTS["nginx"], newest, watched, env, limit=10.0)
        report.worker_memory_mb["after all runs"] = worker_rss_mb(app.pid)
        report.queries = count_queries(
            env,
            {
                "home": "/",
                "section": sample["sections"][0],
                "section, deepest": sample["sections"][-1],
                # Not the article just withdrawn: that one is a 404 now.
                "article": next(a for a in sample["articles"] if a != watched[0]),
                "event": sample["events"][0],
                "search": searches[0],
            },
        )
        log("query plans of the public pages (bench/explain.py)")
        report.plans = explain_plans(env)
        for page in report.plans:
            log(f"plan {page['name']}: {page['problems'] or 'no problem'}")

    report.machine["loadavg_at_end"] = Path("/proc/loadavg").read_text().split()[:3]
    for m in report.measurements:
        if m.name.startswith("nginx:"):
            m.ratio, m.ceiling = m.requests_per_second / nginx_ceiling.requests_per_second, "nginx"
        elif not m.name.startswith("ceiling"):
            m.ratio = m.requests_per_second / django_ceiling.requests_per_second
            m.ceiling = "django"
    print_report(report)
    out = args.out or (Path(tempfile.gettempdir()) / f"toasoan-bench-{int(time.time())}.json")
    out.write_text(json.dumps(asdict(report), ensure_ascii=False, indent=2, default=str))
    log(f"results written to {out}")
    return 0


def print_report(report: Report) -> None:
    print()
    print(
        f"Tòa soạn benchmark, {report.started}, {report.machine['cpus']} CPUs, "
        f"load {' '.join(report.machine['loadavg_at_start'])} at start, "
        f"{' '.join(report.machine.get('loadavg_at_end', []))} at the end"
    )
    print(
        f"corpus: {report.settings['articles']:,} articles, loaded in {report.load_seconds} s; "
        f"page size {report.settings.get('page_bytes', 0):,} bytes"
    )
    print()
    print(f"{'measurement':52} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'ratio':>7}")
    for m in report.measurements:
        ratio = f"{m.ratio:.3f}" if m.ratio is not None else "—"
        print(
            f"{m.name:52} {m.requests_per_second:9,.0f} {m.p50_ms:8.2f} {m.p99_ms:8.2f} "
            f"{m.errors:7d} {ratio:>7}"
        )
    print()
    print("search alone (median ms):", report.search_single_client)
    print("same hits both spellings:", report.search_same_hits)
    print("withdrawal behind nginx:", {k: report.withdrawal.get(k) for k in ("worst_s", "met")})
    print("gunicorn worker RSS (MB):", report.worker_memory_mb)
    print("queries per page (page cache off):", report.queries)
    for page in report.plans:
        print(f"plan of {page['name']} ({page['path']}): {page['problems'] or 'index use only'}")


if __name__ == "__main__":
    sys.exit(main())
