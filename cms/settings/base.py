"""Settings shared by every environment.

Everything that differs between a laptop and the production server comes from the
environment (see README, "Cấu hình"); the modules next to this one only choose defaults.
"""

import ipaddress
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import environ
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# The public address of the site, used where a page must name itself in full
# (feeds, sitemaps, Open Graph, canonical links in e-mails).
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
SITE_NAME = env("SITE_NAME", default="Ban Tuyên giáo Tỉnh ủy")
SITE_TAGLINE = env("SITE_TAGLINE", default="Trang thông tin điện tử")
SITE_ORGANIZATION = env("SITE_ORGANIZATION", default="Tỉnh ủy")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_ckeditor_5",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "core",
    "accounts",
    "images",
    "articles",
    "search",
    "workflow",
    "workspace",
    "audit",
    "public",
    "demo",
    "extraction",
]

MIDDLEWARE = [
    # Anonymous public pages from the cache, before everything else that costs: a page
    # is stored with the headers all the middleware below gave it, so a hit replays
    # them (public/cache.py; cms/wsgi.py answers most hits before Django, the same way).
    "public.cache.PublicPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.security.SiteCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "core.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "core.middleware.NormalizeInputMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Two-step sign-in: which device verified the session, then the code or enrolment.
    "django_otp.middleware.OTPMiddleware",
    "accounts.two_factor.TwoFactorMiddleware",
    "audit.middleware.RequestContextMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as axes asks: it turns a lockout flagged during the view into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "public.context_processors.site",
            ],
        },
    },
]

# An embedded SQLite database unless DATABASE_URL names another one, so that a new
# user can run the site with no server; production and CI use PostgreSQL.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=0))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and the one writer work at the same time.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
        }
    )

# PostgreSQL plans a page's few queries again on every request unless they are prepared:
# with server-side binding, psycopg prepares a statement once it has run five times on a
# connection (a public page's planning was ~1.4 ms of database time; +15 % uncached
# pages/s, docs/PERFORMANCE.md). Off behind a pooler in transaction mode (PgBouncer).
PREPARED_STATEMENTS = env.bool("DATABASE_PREPARED_STATEMENTS", default=True)


def _prepared_statements(database: dict) -> None:
    if database["ENGINE"] == "django.db.backends.postgresql" and PREPARED_STATEMENTS:
        database.setdefault("OPTIONS", {}).setdefault("server_side_binding", True)
        database["OPTIONS"].setdefault("prepare_threshold", 5)


_prepared_statements(DATABASES["default"])

# A PostgreSQL read replica, if there is one: readers' requests read from it
# (public/replica.py); staff requests and every write use the primary.
if env("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = env.db("DATABASE_REPLICA_URL")
    DATABASES["replica"].setdefault("CONN_MAX_AGE", DATABASES["default"]["CONN_MAX_AGE"])
    DATABASES["replica"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    _prepared_statements(DATABASES["replica"])
DATABASE_ROUTERS = ["public.replica.PublicReplicaRouter"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://toa-soan")}
# The anonymous page cache (public/cache.py): seconds a page is kept (0 turns it off),
# and how long a shared cache in front (nginx, a CDN) may keep a public page.
PUBLIC_CACHE_TIMEOUT = env.int("PUBLIC_CACHE_TIMEOUT", default=300)
PUBLIC_CACHE_PROXY_SECONDS = env.int("PUBLIC_CACHE_PROXY_SECONDS", default=5)
# With Redis, each process also keeps the pages it served last, up to this many bytes
# (the version is still read from Redis on every request); 0 turns it off.
PUBLIC_CACHE_LOCAL_BYTES = env.int("PUBLIC_CACHE_LOCAL_BYTES", default=1024 * 1024)

AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "accounts.validators.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Staff sign in to the workspace (accounts/urls.py); the admin keeps its own login page.
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "/toa-soan/"
LOGOUT_REDIRECT_URL = "accounts:login"
# A reset link is a key to the account for as long as it is valid; two hours is enough
# to read the mail, short enough that an old mail found later opens nothing.
PASSWORD_RESET_TIMEOUT = 2 * 60 * 60

# Login throttling (django-axes). Its backend must come first: it refuses a locked-out
# attempt before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Username and address together: the department's staff share one office address
# behind NAT, so locking by address alone would lock everyone out because of one
# person's typos, and locking by username alone would let anyone lock out an editor.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
# A fixed window, so the lockout page can say when to try again; retrying during the
# lockout is refused all the same, it just does not push the end further away.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
# A Vietnamese page (templates/accounts/lockout.html), answered with 429 Too Many Requests.
AXES_LOCKOUT_CALLABLE = "accounts.views.lockout"
# The address the audit trail records: REMOTE_ADDR, or behind the proxies listed in
# TRUSTED_PROXIES (addresses or networks, comma-separated), the right-most address of
# X-Forwarded-For that is not one of them. A client cannot forge a fresh address per
# attempt: the header is read only from a trusted peer (docs/OPERATIONS.md).
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])
for _proxy in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy.strip(), strict=False)
    except ValueError as _error:
        raise ImproperlyConfigured(f"TRUSTED_PROXIES: {_proxy!r} is not an address") from _error
AXES_CLIENT_IP_CALLABLE = "audit.recorder.client_ip"

# Two-step sign-in (accounts/two_factor.py): optional for everyone, and required for
# users holding any permission listed here, e.g.
# "articles.review_article,articles.publish_article,accounts.change_user". Empty, the
# default, requires it of nobody (docs/OPERATIONS.md).
OTP_REQUIRED_FOR_PERMISSIONS = env.list("OTP_REQUIRED_FOR_PERMISSIONS", default=[])
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", default="Tòa soạn")
# The admin lists devices (to remove a lost phone's) without showing their secrets.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# Attempts live in the database so every worker process sees them (the default cache
# is per process); successful logins are already in the audit trail.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_DISABLE_ACCESS_LOG = True

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Ho_Chi_Minh"
# Django's own "vi" formats have no input formats (so 05/03/2026 would parse
# month-first) and no number grouping; ours are in cms/formats/vi.
FORMAT_MODULE_PATH = ["cms.formats"]

# A CDN in front of the static files: STATIC_URL=https://cdn.example.gov.vn/static/
STATIC_URL = env("STATIC_URL", default="/static/")
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Request bodies: large enough for a long article, small enough to refuse abuse.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o644

# Uploaded images (images/processing.py).
IMAGE_MAX_UPLOAD_BYTES = env.int("IMAGE_MAX_UPLOAD_BYTES", default=15 * 1024 * 1024)
IMAGE_MAX_PIXELS = env.int("IMAGE_MAX_PIXELS", default=40_000_000)
IMAGE_RENDITION_WIDTHS = [320, 640, 960, 1280]
DOCUMENT_MAX_UPLOAD_BYTES = env.int("DOCUMENT_MAX_UPLOAD_BYTES", default=30 * 1024 * 1024)

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp, chosen per path by core.security). Readers'
# pages run our own static files only: no inline script or style, no other host, so
# markup slipped into an article cannot run even if it got past the sanitizer. Static
# files on a CDN (an absolute STATIC_URL) are the one other host allowed, as they must.
_static = urlsplit(STATIC_URL)
_STATIC_ORIGIN = [f"{_static.scheme or 'https'}://{_static.netloc}"] if _static.netloc else []
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, *_STATIC_ORIGIN],
        "style-src": [SELF, *_STATIC_ORIGIN],
        "img-src": [SELF, *_STATIC_ORIGIN],
        "font-src": [SELF, *_STATIC_ORIGIN],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# The workspace, its sign-in pages and the admin: the same, plus only what CKEditor 5
# was seen to need in chromium (tests/browser/test_csp.py; the admin needs nothing
# more). While a picture uploads, CKEditor shows it from a data: URL; its editing view
# writes style attributes (an image's aspect ratio, the resize handles). Style
# attributes only: no <style> element, and never an inline or outside script.
STAFF_CONTENT_SECURITY_POLICY = {
    "URL_PREFIXES": ["/toa-soan/", "/quan-tri/"],
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "img-src": [*CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"], "data:"],
        "style-src-attr": [UNSAFE_INLINE],
    },
}
# Browser features no page of the site uses, refused to every page and to anything
# an article might embed (django-permissions-policy).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
SESSION_COOKIE_HTTPONLY = True
# A working day, counted from sign-in: not renewed by every request, so a session left
# open on a shared office computer does not live on for as long as someone uses it.
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 60 * 60)
SESSION_SAVE_EVERY_REQUEST = False

# EMAIL_URL, e.g. smtp+tls://user:password@mail.example.gov.vn:587; mail goes to the console by default.
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="toa-soan@localhost")

# CKEditor 5 (django-ckeditor-5). Uploads go through images.views.editor_upload,
# which checks and re-encodes the file, never through the package's own view.
CK_EDITOR_5_UPLOAD_FILE_VIEW_NAME = "images:editor-upload"
CKEDITOR_5_UPLOAD_FILE_TYPES = ["jpeg", "png", "webp", "gif"]
CKEDITOR_5_FILE_STORAGE = "django.core.files.storage.FileSystemStorage"
CKEDITOR_5_CONFIGS = {
    "default": {
        "language": "vi",
        "toolbar": {
            "items": [
                "heading",
                "|",
                "bold",
                "italic",
                "underline",
                "strikethrough",
                "link",
                "|",
                "bulletedList",
                "numberedList",
                "blockQuote",
                "insertTable",
                "|",
                "imageUpload",
                "|",
                "subscript",
                "superscript",
                "removeFormat",
                "|",
                "undo",
                "redo",
            ],
            "shouldNotGroupWhenFull": True,
        },
        "heading": {
            "options": [
                {"model": "paragraph", "title": "Đoạn văn", "class": "ck-heading_paragraph"},
                {
                    "model": "heading2",
                    "view": "h2",
                    "title": "Tiêu đề mục",
                    "class": "ck-heading_heading2",
                },
                {
                    "model": "heading3",
                    "view": "h3",
                    "title": "Tiêu đề nhỏ",
                    "class": "ck-heading_heading3",
                },
            ]
        },
        "image": {
            "toolbar": [
                "imageTextAlternative",
                "toggleImageCaption",
                "|",
                "imageStyle:alignLeft",
                "imageStyle:alignCenter",
                "imageStyle:alignRight",
            ],
            "styles": ["alignLeft", "alignCenter", "alignRight"],
        },
        "table": {"contentToolbar": ["tableColumn", "tableRow", "mergeTableCells"]},
        "link": {"defaultProtocol": "https://"},
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
