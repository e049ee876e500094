"""The server: gunicorn behind a TLS-terminating proxy, PostgreSQL, Redis.

Nothing here has a usable default for a secret: the process refuses to start
without SECRET_KEY and DATABASE_URL in the environment.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import CACHES, DATABASES, env

DEBUG = False
SECRET_KEY = env("SECRET_KEY", default="")
# Django's own test of a strong key (the deploy check's W009), refused at start rather
# than warned about: sessions, password-reset links and share links are signed with it.
if (
    len(SECRET_KEY) < 50
    or len(set(SECRET_KEY)) < 5
    or SECRET_KEY.startswith("django-insecure-")
    or "not-a-secret" in SECRET_KEY
):
    raise ImproperlyConfigured(
        "SECRET_KEY phải được đặt trong môi trường: một chuỗi ngẫu nhiên ít nhất 50 ký tự, "
        "ví dụ tạo bằng: python -c 'import secrets; print(secrets.token_urlsafe(50))'."
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3" and not env.bool(
    "ALLOW_SQLITE_IN_PRODUCTION", default=False
):
    raise ImproperlyConfigured("DATABASE_URL phải trỏ tới PostgreSQL trong môi trường production.")

DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploads on S3-compatible object storage (MinIO, a cloud provider) when a bucket is
# named, so that any number of app servers share them; the local disk otherwise.
if env("MEDIA_S3_BUCKET", default=""):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("MEDIA_S3_BUCKET"),
            "endpoint_url": env("MEDIA_S3_ENDPOINT_URL", default=None),
            "access_key": env("MEDIA_S3_ACCESS_KEY", default=None),
            "secret_key": env("MEDIA_S3_SECRET_KEY", default=None),
            "region_name": env("MEDIA_S3_REGION", default=None),
            # Public pictures at a plain address (the bucket allows anonymous reads),
            # cacheable by a CDN; unsigned URLs also cost no signing per image per page.
            "custom_domain": env("MEDIA_S3_CUSTOM_DOMAIN", default=None),
            "querystring_auth": False,
            "default_acl": None,
            "file_overwrite": False,
        },
    }
    # Pictures then come from the bucket's host: the one other host pages may show
    # images from (the custom domain, or the endpoint; name one of them for AWS S3).
    _media_host = env("MEDIA_S3_CUSTOM_DOMAIN", default="") or env(
        "MEDIA_S3_ENDPOINT_URL", default=""
    )
    if _media_host:
        _media = urlsplit(_media_host if "//" in _media_host else f"https://{_media_host}")
        for _policy in (CONTENT_SECURITY_POLICY, STAFF_CONTENT_SECURITY_POLICY):  # noqa: F405
            _policy["DIRECTIVES"]["img-src"] = [
                *_policy["DIRECTIVES"]["img-src"],
                f"{_media.scheme}://{_media.netloc}",
            ]

# A Redis that stops answering must not hold every worker until the kernel gives up: a
# page-cache lookup that times out renders the page without the cache
# (public/cache.py). A URL's own ?SOCKET_TIMEOUT=… wins.
if CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache":
    _cache_options = CACHES["default"].setdefault("OPTIONS", {})
    _cache_timeout = env.float("CACHE_SOCKET_TIMEOUT", default=1.0)
    _cache_options.setdefault("SOCKET_CONNECT_TIMEOUT", _cache_timeout)
    _cache_options.setdefault("SOCKET_TIMEOUT", _cache_timeout)

# Sessions read from the cache (Redis) and written through to the database: any app
# server finds a session made on another, and none is lost if Redis evicts or restarts.
SESSION_ENGINE = env("SESSION_ENGINE", default="django.contrib.sessions.backends.cached_db")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_SAMESITE = "Lax"
# CKEditor's upload adapter falls back to the form's token when it cannot read the
# cookie (tests/browser/test_csp.py uploads a picture with this value).
CSRF_COOKIE_HTTPONLY = True
# Behind TLS the browser also fetches any stray http:// address on a page over https.
if SECURE_SSL_REDIRECT:
    for _policy in (CONTENT_SECURITY_POLICY, STAFF_CONTENT_SECURITY_POLICY):  # noqa: F405
        _policy["DIRECTIVES"]["upgrade-insecure-requests"] = True
