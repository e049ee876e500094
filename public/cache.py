"""The anonymous page cache and its one-write invalidation.

Every public page a reader without a session can get is kept whole in Django's cache
(Redis in production, in-process by default) and tagged with the *public content
version*: a random token held in the cache under one key. Anything that changes what
readers see (publishing, withdrawing, editing a live article, a correction, a change
to a linked event, person, document, section or tag) replaces the token, in
public/signals.py; every page cached under the old token is then a miss on its next
request. One cache write invalidates the whole site, so no change can forget a page
it affects: the home page, sections, tags, the article, its event, people and
documents, feeds, sitemaps and search all go together.

Time changes pages too, with no write to signal it: a scheduled article becomes
public at its published_at, an event moves from "upcoming" to "recent" when it
starts, and the date in the masthead turns at midnight. The version therefore carries
the next such moment; the first request after it replaces the token.

The token is replaced twice per change: at once (so that code still inside the
transaction, and tests, see fresh pages) and when the transaction commits (so that a
page rendered between the first replacement and the commit, from data without the
change, is not served afterwards). A page is stored with the token read *before* it
was rendered, so a page rendered from old data never carries a newer token.

The middleware comes first in MIDDLEWARE, so a page is stored with every header the
rest of the stack gave it (Content-Security-Policy, Permissions-Policy, the security
headers, ...) and a hit replays them without building them again. In front of Django,
cms/wsgi.py puts PublicPageCacheApplication: it serves hits from the WSGI environ
before Django builds a request, at the cost of one cache round trip (the version and
the page are read together); anything else goes on to Django with what it read, so a
miss costs no second round trip. Both ask the same functions which requests may be
served from the cache and under which key. With a shared cache (Redis), each process
also keeps the pages it served last, up to PUBLIC_CACHE_LOCAL_BYTES: for those, the
round trip reads only the version, so a change made anywhere still shows on the next
request, and a hot page (the home page during a conference) is not copied out of
Redis thousands of times a second.

If the cache does not answer a lookup (Redis out), the page is rendered afresh and not
stored: readers keep the site, only slower.

Only GET and HEAD without a session, CSRF or messages cookie, outside the static and
media files, are looked up; only 200 responses of the public URLs without cookies or Vary: Cookie are stored.
Responses carry an ETag and Last-Modified and answer conditional requests with 304;
public ones say "public, max-age=0, s-maxage=N" (browsers revalidate, a shared cache in
front may keep them N seconds: nginx's micro-cache, a CDN), everything a staff member
or a form gets says "private".
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from collections import OrderedDict
from datetime import datetime, timedelta
from email.utils import formatdate, parsedate_to_datetime

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.signals import setting_changed
from django.db import DatabaseError, transaction
from django.dispatch import receiver
from django.http import HttpResponse, HttpResponseNotModified
from django.http.cookie import parse_cookie
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers

from core.caching import cache_unreachable

from . import replica

VERSION_KEY = "public:version"
PAGE_PREFIX = "public:page:"
# Headers Django or a view may set that a stored page must not repeat.
UNSTORED_HEADERS = {"set-cookie", "date", "vary"}
# What the WSGI front read for a request it passes on to Django (see the middleware),
# or CACHE_UNREACHABLE when the cache did not answer it.
LOOKUP_ENVIRON_KEY = "toasoan.public_cache.lookup"
CACHE_UNREACHABLE = "unreachable"


def _cache():
    return caches[getattr(settings, "PUBLIC_CACHE_ALIAS", "default")]


def page_timeout() -> int:
    """Seconds a page stays in the cache; 0 turns the page cache off (headers stay)."""
    return int(getattr(settings, "PUBLIC_CACHE_TIMEOUT", 300))


def proxy_max_age() -> int:
    return int(getattr(settings, "PUBLIC_CACHE_PROXY_SECONDS", 10))


# The version ------------------------------------------------------------------------


def next_change(now: datetime | None = None) -> float:
    """When pages change by themselves next: the next scheduled article, the next event
    to start, or local midnight, whichever comes first (a timestamp)."""
    from articles.models import Article, Event

    now = now or timezone.now()
    local = timezone.localtime(now)
    midnight = (local + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    moments = [midnight]
    try:
        scheduled = (
            Article.objects.filter(is_live=True, published_at__gt=now)
            .order_by("published_at")
            .values_list("published_at", flat=True)
            .first()
        )
        starting = (
            Event.objects.filter(starts_at__gt=now)
            .order_by("starts_at")
            .values_list("starts_at", flat=True)
            .first()
        )
        moments += [m for m in (scheduled, starting) if m is not None]
    except DatabaseError:
        # Without the database, check again in a minute rather than never.
        moments.append(now + timedelta(minutes=1))
    return min(moments).timestamp()


def _new_state(next_at: float, position: str | None = None) -> tuple[str, float, str | None]:
    """(token, next change, primary's WAL position for a read replica to reach)."""
    return (secrets.token_hex(8), next_at, position)


def current_state() -> tuple[str, float, str | None]:
    """The version from the cache, made if the cache has lost it."""
    state = _cache().get(VERSION_KEY)
    return state if state is not None else _made_state()


def _made_state() -> tuple[str, float, str | None]:
    """A version for a cache that has none (another process may make it first)."""
    cache = _cache()
    state = _new_state(next_change(), replica.primary_position())
    cache.add(VERSION_KEY, state, timeout=None)
    return cache.get(VERSION_KEY) or state


def bump(
    *, recompute: bool = True, moment: datetime | None = None
) -> tuple[str, float, str | None]:
    """A new token: every cached public page is stale from now on.

    recompute reads the next scheduled change from the database; without it the old
    one is kept, brought forward to moment if that is sooner (the scheduled article or
    the event just saved)."""
    cache = _cache()
    if recompute:
        next_at, position = next_change(), replica.primary_position()
    else:
        old = cache.get(VERSION_KEY)
        next_at = old[1] if old else next_change()
        position = old[2] if old and len(old) > 2 else None
        if moment is not None:
            next_at = min(next_at, moment.timestamp())
    state = _new_state(next_at, position)
    cache.set(VERSION_KEY, state, timeout=None)
    return state


def _bump_on_commit() -> None:
    bump(recompute=True)


def content_changed(using: str | None = None, moment: datetime | None = None) -> None:
    """Call whenever something readers see has changed (public/signals.py does for the
    models; call it after a queryset.update() that changes public content). moment:
    a time in the future when the change shows by itself (a scheduled article).

    Bumps now, cheaply, and once more when the surrounding transaction commits."""
    connection = transaction.get_connection(using)
    if not connection.in_atomic_block:
        bump(recompute=True)
        return
    bump(recompute=False, moment=moment)
    # One bump per transaction on commit, however many rows changed; the registration
    # goes with a savepoint or transaction that rolls back.
    if not any(entry[1] is _bump_on_commit for entry in connection.run_on_commit):
        transaction.on_commit(_bump_on_commit, using=using)


class LocalPages:
    """The pages this process served last, newest kept, up to max_bytes of content.

    An entry is only ever served when its token is the version just read from the
    shared cache, so keeping it here changes when a page is fetched, never what is
    served."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.size = 0
        self._pages: OrderedDict[str, tuple] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> tuple | None:
        with self._lock:
            entry = self._pages.get(key)
            if entry is not None:
                self._pages.move_to_end(key)
            return entry

    def put(self, key: str, entry: tuple) -> None:
        size = len(entry[3])
        with self._lock:
            old = self._pages.pop(key, None)
            if old is not None:
                self.size -= len(old[3])
            if size > self.max_bytes:
                return
            self._pages[key] = entry
            self.size += size
            while self.size > self.max_bytes:
                _, dropped = self._pages.popitem(last=False)
                self.size -= len(dropped[3])


# Which requests, under which key -------------------------------------------------------
# These read the WSGI environ (request.META is the same dict), so that the WSGI front
# and the middleware cannot disagree. The key is built from the raw values Django
# derives the scheme, host and path from: a request that Django would refuse (a host
# not in ALLOWED_HOSTS) misses, goes on to Django and is refused there, and since only
# what Django served is stored, nothing is ever stored under such a key.


def _is_secure(environ) -> bool:
    """HttpRequest.is_secure() on the environ."""
    proxy_header = settings.SECURE_PROXY_SSL_HEADER
    if proxy_header:
        header, secure_value = proxy_header
        value = environ.get(header)
        if value is not None:
            return value.split(",", 1)[0].strip() == secure_value
    return environ.get("wsgi.url_scheme") == "https"


def _raw_host(environ) -> str:
    """HttpRequest._get_raw_host() on the environ (validated by Django, not here)."""
    if settings.USE_X_FORWARDED_HOST and "HTTP_X_FORWARDED_HOST" in environ:
        host = environ["HTTP_X_FORWARDED_HOST"]
    elif "HTTP_HOST" in environ:
        host = environ["HTTP_HOST"]
    else:
        host = f"{environ.get('SERVER_NAME', '')}:{environ.get('SERVER_PORT', '')}"
    if settings.USE_X_FORWARDED_PORT and "HTTP_X_FORWARDED_PORT" in environ:
        host = f"{host}:{environ['HTTP_X_FORWARDED_PORT']}"
    return host


def page_key(environ) -> str:
    scheme = "https" if _is_secure(environ) else "http"
    path = environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "")
    query = environ.get("QUERY_STRING", "")
    raw = f"{scheme}|{_raw_host(environ)}|{path}{'?' + query if query else ''}"
    # PATH_INFO holds the request's bytes as latin-1 characters: any str encodes.
    digest = hashlib.blake2b(raw.encode("utf-8", "surrogatepass"), digest_size=16)
    return PAGE_PREFIX + digest.hexdigest()


def _files_prefixes() -> tuple[str, ...]:
    return tuple(
        prefix
        for prefix in (settings.STATIC_URL, settings.MEDIA_URL)
        if prefix and prefix.startswith("/")
    )


def _private_cookies() -> set[str]:
    return {
        settings.SESSION_COOKIE_NAME,
        settings.CSRF_COOKIE_NAME,
        getattr(settings, "MESSAGES_COOKIE_NAME", "messages"),
    }


def is_anonymous(environ) -> bool:
    """No session, CSRF or messages cookie and no credentials: a reader nobody knows."""
    if "HTTP_AUTHORIZATION" in environ:
        return False
    raw = environ.get("HTTP_COOKIE")
    return not raw or _private_cookies().isdisjoint(parse_cookie(raw))


def _left_alone(environ) -> bool:
    """Requests the page cache does not touch: static and media files (WhiteNoise and
    the storage answer them with their own headers) and plain-http requests that
    SecurityMiddleware sends to https."""
    if environ.get("PATH_INFO", "").startswith(_files_prefixes()):
        return True
    return settings.SECURE_SSL_REDIRECT and not _is_secure(environ)


def may_be_served_from_cache(environ) -> bool:
    """Whether a request is looked up in the page cache at all."""
    return (
        environ.get("REQUEST_METHOD") in ("GET", "HEAD")
        and not _left_alone(environ)
        and is_anonymous(environ)
        and page_timeout() > 0
    )


# Where pages are kept ---------------------------------------------------------------


class PageStore:
    """The shared cache, and with a shared one this process's copy of the pages it
    served last (an in-process cache already is this process's memory)."""

    def __init__(self):
        local_bytes = int(getattr(settings, "PUBLIC_CACHE_LOCAL_BYTES", 0))
        self.local = (
            LocalPages(local_bytes)
            if local_bytes > 0 and not isinstance(_cache(), LocMemCache)
            else None
        )

    def lookup(self, key: str) -> tuple[tuple | None, tuple | None]:
        """The version and the stored page: the version always from the shared cache,
        the page from this process's memory if it holds it under that version."""
        cache = _cache()
        local = self.local.get(key) if self.local is not None else None
        if local is None:
            found = cache.get_many([VERSION_KEY, key])
            state, entry = found.get(VERSION_KEY), found.get(key)
        else:
            state = cache.get(VERSION_KEY)
            if state is not None and local[0] == state[0]:
                return state, local
            entry = cache.get(key)
        if entry is not None and self.local is not None:
            # Kept whatever its version: it is only served under the version it names.
            self.local.put(key, entry)
        return state, entry

    def store(self, key: str, entry: tuple, timeout: int) -> None:
        _cache().set(key, entry, timeout)
        if self.local is not None:
            self.local.put(key, entry)


_page_store: PageStore | None = None


def page_store() -> PageStore:
    """This process's PageStore, made again when the cache settings change (tests)."""
    global _page_store
    if _page_store is None:
        _page_store = PageStore()
    return _page_store


@receiver(setting_changed)
def _forget_page_store(*, setting, **kwargs) -> None:
    global _page_store
    if setting in ("CACHES", "PUBLIC_CACHE_ALIAS", "PUBLIC_CACHE_LOCAL_BYTES"):
        _page_store = None


def servable(state, entry) -> bool:
    """Whether a stored page may be served as it is: the version it names is the
    current one and no scheduled change has come since."""
    return (
        state is not None and entry is not None and entry[0] == state[0] and state[1] > time.time()
    )


# Serving a stored page ---------------------------------------------------------------


def _lag(state) -> tuple[str, str | None]:
    """(token, WAL position) of a version, for replica.replica_has."""
    return state[0], (state[2] if len(state) > 2 else None)


def _http_date(timestamp: float) -> str:
    return formatdate(timestamp, usegmt=True)


def _etag(content: bytes) -> str:
    return f'"{hashlib.blake2b(content, digest_size=12).hexdigest()}"'


def _not_modified(environ, etag: str, last_modified: float) -> bool:
    if_none_match = environ.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:
        tags = [t.strip() for t in if_none_match.split(",")]
        return "*" in tags or etag in tags or f"W/{etag}" in tags
    if_modified_since = environ.get("HTTP_IF_MODIFIED_SINCE")
    if if_modified_since:
        try:
            since = parsedate_to_datetime(if_modified_since).timestamp()
        except (TypeError, ValueError, IndexError, OverflowError):
            return False
        return int(last_modified) <= since
    return False


NOT_MODIFIED_HEADERS = ("etag", "last-modified", "cache-control", "expires")


def _answer(environ, entry) -> tuple[int, list[tuple[str, str]], bytes]:
    """(status, headers, body) of a stored page for this request: the page, or 304."""
    _token, created, headers, content, etag = entry
    if _not_modified(environ, etag, created):
        return 304, [(n, v) for n, v in headers if n.lower() in NOT_MODIFIED_HEADERS], b""
    return 200, headers, content


class PublicPageCacheApplication:
    """WSGI: answers requests for stored pages before Django builds a request for them.

    Everything else (a miss, a stale version, a reader with a session, a cache that
    does not answer) goes on to Django, where PublicPageCacheMiddleware renders and
    stores it; the lookup made here goes with it in the environ, so a miss reads the
    cache once."""

    STATUS = {200: "200 OK", 304: "304 Not Modified"}

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        if may_be_served_from_cache(environ):
            key = page_key(environ)
            try:
                state, entry = page_store().lookup(key)
            except Exception:
                cache_unreachable("pages rendered without the page cache")
                environ[LOOKUP_ENVIRON_KEY] = CACHE_UNREACHABLE
            else:
                if servable(state, entry):
                    status, headers, body = _answer(environ, entry)
                    start_response(self.STATUS[status], list(headers))
                    return [b"" if environ["REQUEST_METHOD"] == "HEAD" else body]
                environ[LOOKUP_ENVIRON_KEY] = (key, state, entry)
        return self.application(environ, start_response)


# The middleware --------------------------------------------------------------------


class PublicPageCacheMiddleware:
    """See the module docstring. Place first in MIDDLEWARE."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.strip_accept_language = len(settings.LANGUAGES) == 1

    def __call__(self, request):
        environ = request.META
        looked_up = environ.pop(LOOKUP_ENVIRON_KEY, None)
        if _left_alone(environ):
            return self.get_response(request)
        if request.method not in ("GET", "HEAD") or not is_anonymous(environ):
            return self._private(request, self.get_response(request))
        timeout = page_timeout()
        if timeout <= 0:
            state = current_state() if replica.configured() else None
            with replica.reading_public(state is not None and replica.replica_has(*_lag(state))):
                response = self.get_response(request)
            return self._public(request, response, None, timeout)

        if looked_up is None:
            key = page_key(environ)
            try:
                state, entry = page_store().lookup(key)
            except Exception:
                cache_unreachable("pages rendered without the page cache")
                looked_up = CACHE_UNREACHABLE
            else:
                looked_up = (key, state, entry)
        if looked_up == CACHE_UNREACHABLE:
            # Readers still get every page, rendered afresh and not stored. A change made
            # meanwhile cannot bump the version (inside a transaction it fails with it);
            # should the cache come back with pages stored before, they are dropped at
            # the latest PUBLIC_CACHE_TIMEOUT after they were stored.
            return self._public(request, self.get_response(request), None, timeout)
        key, state, entry = looked_up
        if state is None:
            state = _made_state()
        elif state[1] <= time.time():
            # A scheduled article's time, an event's start or midnight has come.
            state = bump(recompute=True)
        if entry is not None and entry[0] == state[0]:
            return self._from_entry(request, entry)
        # Lets views keep small things per version in memory (public.queries.categories).
        request.public_version = state[0]
        with replica.reading_public(replica.replica_has(*_lag(state))):
            response = self.get_response(request)
        return self._public(request, response, (key, state[0]), timeout)

    # Requests and responses ---------------------------------------------------------

    @staticmethod
    def _is_public_view(request) -> bool:
        match = getattr(request, "resolver_match", None)
        return match is not None and match.namespace == "public"

    def _cacheable(self, response) -> bool:
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        vary = response.get("Vary", "").lower()
        if "cookie" in vary or "*" in vary:
            return False
        control = response.get("Cache-Control", "").lower()
        return not any(word in control for word in ("private", "no-store", "no-cache"))

    def _public(self, request, response, store, timeout: int):
        if not (self._is_public_view(request) and self._cacheable(response)):
            if not self._is_public_view(request):
                return self._private(request, response)
            return response
        if self.strip_accept_language:
            self._drop_vary(response, "accept-language")
        content = response.content
        etag = _etag(content)
        now = time.time()
        self._stamp(response, etag, now)
        if store is not None:
            key, token = store
            headers = [
                (name, value)
                for name, value in response.items()
                if name.lower() not in UNSTORED_HEADERS
            ]
            page_store().store(key, (token, now, headers, content, etag), timeout)
        if _not_modified(request.META, etag, now):
            return self._not_modified_response(response.items())
        return response

    def _from_entry(self, request, entry):
        status, headers, body = _answer(request.META, entry)
        if status == 304:
            return self._not_modified_response(headers)
        response = HttpResponse(body)
        for name, value in headers:
            response[name] = value
        return response

    def _stamp(self, response, etag: str, now: float) -> None:
        response["ETag"] = etag
        response["Last-Modified"] = _http_date(now)
        patch_cache_control(response, public=True, max_age=0, s_maxage=proxy_max_age())

    @staticmethod
    def _not_modified_response(headers) -> HttpResponseNotModified:
        response = HttpResponseNotModified()
        for name, value in headers:
            if name.lower() in NOT_MODIFIED_HEADERS:
                response[name] = value
        return response

    @staticmethod
    def _drop_vary(response, header: str) -> None:
        if "Vary" not in response:
            return
        kept = [v.strip() for v in response["Vary"].split(",") if v.strip().lower() != header]
        if kept:
            response["Vary"] = ", ".join(kept)
        else:
            del response["Vary"]

    @staticmethod
    def _private(request, response):
        """Nothing a staff member, a form or the workspace gets may be kept by a shared
        cache: at least "private", whatever the view said."""
        control = response.get("Cache-Control", "").lower()
        if "private" not in control and "no-store" not in control:
            patch_cache_control(response, private=True)
        if request.COOKIES:
            patch_vary_headers(response, ("Cookie",))
        return response
