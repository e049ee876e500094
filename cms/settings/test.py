"""The test suite: `make test`. Fast hashing, no outside effects."""

from .base import *  # noqa: F403
from .base import BASE_DIR, env

DEBUG = False
SECRET_KEY = "test-only-not-a-secret-0b4c9a2e7d1f"  # noqa: S105 - the test suite's own; production refuses it  # nosec B105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": env.cache("TEST_CACHE_URL", default="locmemcache://tests")}
MEDIA_ROOT = env.path("TEST_MEDIA_ROOT", default=BASE_DIR / "test-artifacts" / "media")
# WhiteNoise warns on every start if STATIC_ROOT does not exist; tests never collect into it.
STATIC_ROOT = BASE_DIR / "test-artifacts" / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Axes stays on: the lockout tests need it, and every login posted through a view is
# throttled as in production. Only the test client's login(), which authenticates
# with no request and which axes would refuse outright, is let past the lockout check.
AUTHENTICATION_BACKENDS = [
    "tests.auth_backends.TestClientFriendlyAxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
