"""Every kind of page carries the security headers, errors and cached pages included;
and a request forged by another site changes nothing.

Readers' pages get the strict Content-Security-Policy (our own scripts and styles only,
no other host); the workspace, its sign-in pages and the admin get the staff policy,
which adds only what CKEditor 5 needs and still never an inline or outside script.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import OperationalError, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client, override_settings
from django.urls import path

from accounts.models import User
from accounts.roles import AUTHOR
from articles.models import Article, Category, Event, Participant, Resolution, Tag
from demo.loader import load_demo
from workflow import services
from workspace import sharing


def _boom(request):
    raise RuntimeError("a bug in a view")


# This module is also the URLconf of the 500 test: one view that fails.
urlpatterns = [path("hong/", _boom)]

OTHER_HOST = ("http:", "https:", "//", "*")


def policy_of(response) -> dict[str, list[str]]:
    header = response.headers.get("Content-Security-Policy")
    assert header, f"no Content-Security-Policy on {response.request['PATH_INFO']}"
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def assert_common_headers(response) -> dict[str, list[str]]:
    where = response.request["PATH_INFO"]
    assert response["X-Content-Type-Options"] == "nosniff", where
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", where
    assert response["X-Frame-Options"] == "DENY", where
    assert response["Cross-Origin-Opener-Policy"] == "same-origin", where
    permissions = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in permissions, where
    policy = policy_of(response)
    assert policy["default-src"] == ["'self'"], where
    assert policy["script-src"] == ["'self'"], where
    assert policy["object-src"] == ["'none'"], where
    assert policy["base-uri"] == ["'self'"], where
    assert policy["form-action"] == ["'self'"], where
    assert policy["frame-ancestors"] == ["'none'"], where
    for name, values in policy.items():
        for value in values:
            assert not value.startswith(OTHER_HOST), f"{where}: {name} allows {value}"
            assert value != "'unsafe-eval'", f"{where}: {name}"
    return policy


def assert_public_policy(response) -> None:
    policy = assert_common_headers(response)
    where = response.request["PATH_INFO"]
    assert not any("'unsafe-inline'" in values for values in policy.values()), where
    assert policy["style-src"] == ["'self'"], where
    assert policy["img-src"] == ["'self'"], where
    assert "style-src-attr" not in policy, where


def assert_staff_policy(response) -> None:
    policy = assert_common_headers(response)
    where = response.request["PATH_INFO"]
    # What CKEditor needs and nothing for scripts: see STAFF_CONTENT_SECURITY_POLICY.
    assert policy["style-src"] == ["'self'"], where
    assert policy["style-src-attr"] == ["'unsafe-inline'"], where
    assert policy["img-src"] == ["'self'", "data:"], where


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo content, loaded once for the module and rolled back after it (as in
    tests/test_public_site.py); each test runs in a savepoint inside it."""
    media = override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media")))
    media.enable()
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo()
        yield
        transaction.set_rollback(True)
    media.disable()


@pytest.fixture
def site(demo, db):
    cache.clear()


def public_pages() -> dict[str, str]:
    article = Article.objects.filter(status=Article.Status.PUBLISHED).order_by("pk").first()
    used_tag = Tag.objects.filter(articles__in=[article]).first() or Tag.objects.first()
    return {
        "home": "/",
        "category": Category.objects.first().get_absolute_url(),
        "tag": used_tag.get_absolute_url(),
        "article": article.get_absolute_url(),
        "event index": "/su-kien/",
        "event": Event.objects.first().get_absolute_url(),
        "participant index": "/nhan-vat/",
        "participant": Participant.objects.first().get_absolute_url(),
        "resolution index": "/van-ban/",
        "resolution": Resolution.objects.first().get_absolute_url(),
        "search": "/tim-kiem/?q=nghi+quyet",
        "feed": "/rss/",
        "sitemap": "/sitemap.xml",
        "calendar": "/su-kien/lich.ics",
        "robots": "/robots.txt",
    }


def test_every_public_page_type_carries_the_strict_policy(site, client):
    for name, url in public_pages().items():
        response = client.get(url)
        assert response.status_code == 200, f"{name}: {url}"
        assert_public_policy(response)


def test_a_page_served_from_the_page_cache_carries_them_too(
    site, client, django_assert_num_queries
):
    client.get("/")
    with django_assert_num_queries(0):  # a cache hit: no view, no query
        response = client.get("/")
    assert response.status_code == 200
    assert_public_policy(response)


def test_a_share_link_preview_gets_the_readers_policy(site, client):
    author = User.objects.create_user("pv-chia-se", password="mat-khau-dai-123")
    author.groups.add(Group.objects.get(name=AUTHOR.name))
    draft = services.create_article(
        author, {"title": "Bản nháp gửi xem trước", "category": Category.objects.first().pk}
    )
    link = sharing.create_link(author, draft, lifetime=timedelta(hours=1))
    response = client.get(f"/xem-truoc/{sharing.token_for(link)}/")
    assert response.status_code == 200
    assert_public_policy(response)


def test_error_pages_carry_the_headers(client, db, settings):
    settings.DEBUG = False
    missing = client.get("/bai-viet/khong-co-bai-nay/")
    assert missing.status_code == 404
    assert "Không tìm thấy trang" in missing.content.decode()
    assert_public_policy(missing)
    assert_staff_policy(client.get("/toa-soan/khong-co-trang-nay/"))


def test_the_database_outage_page_carries_the_headers(client, db, monkeypatch):
    def refuse(self, *args, **kwargs):
        raise OperationalError("connection refused (simulated outage)")

    monkeypatch.setattr(BaseDatabaseWrapper, "cursor", refuse)
    response = client.get("/tim-kiem/?q=nghi+quyet")
    monkeypatch.undo()
    assert response.status_code == 503
    assert "Hệ thống tạm thời gián đoạn" in response.content.decode()
    assert_public_policy(response)


@pytest.mark.urls(__name__)
def test_the_server_error_page_carries_the_headers(client, db, settings):
    settings.DEBUG = False
    client.raise_request_exception = False
    response = client.get("/hong/")
    assert response.status_code == 500
    assert "Hệ thống đang gặp sự cố" in response.content.decode()
    assert_public_policy(response)


@pytest.mark.parametrize(
    "url", ["/toa-soan/dang-nhap/", "/toa-soan/quen-mat-khau/", "/quan-tri/login/"]
)
def test_sign_in_pages_carry_the_staff_policy(client, db, url):
    response = client.get(url)
    assert response.status_code == 200
    assert_staff_policy(response)


def test_the_workspace_editor_and_dashboard_carry_the_staff_policy(client, db):
    Category.objects.create(name="Tin hoạt động")
    author = User.objects.create_user("pv-tieu-de", password="mat-khau-dai-123")
    author.groups.add(Group.objects.get(name=AUTHOR.name))
    client.force_login(author)
    for url in ("/toa-soan/", "/toa-soan/bai-viet/moi/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_staff_policy(response)
    # CKEditor's upload endpoint answers JSON, which must never be sniffed as a page.
    upload = client.post("/anh/tai-len/", {})
    assert upload.status_code == 400
    assert upload["Content-Type"] == "application/json"
    assert upload["X-Content-Type-Options"] == "nosniff"


def test_a_staff_member_without_access_gets_a_403_with_the_headers(client, db):
    client.force_login(User.objects.create_user("khach-tieu-de", password="mat-khau-dai-123"))
    response = client.get("/toa-soan/")
    assert response.status_code == 403
    assert_staff_policy(response)


def test_the_admin_carries_the_staff_policy(client, db):
    client.force_login(User.objects.create_superuser("qt-tieu-de", password="mat-khau-dai-123"))
    for url in ("/quan-tri/", "/quan-tri/articles/article/", "/quan-tri/articles/category/add/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_staff_policy(response)


def test_a_signed_in_editor_reading_the_public_site_gets_the_readers_policy(client, site):
    # Signed in, the page is not from the cache and the session is on: still strict.
    client.force_login(User.objects.create_superuser("qt-doc-bao", password="mat-khau-dai-123"))
    response = client.get("/")
    assert response.status_code == 200
    assert_public_policy(response)


# --- Cross-site requests ------------------------------------------------------------


CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def test_a_cross_site_post_changes_nothing_in_the_workspace(db):
    category = Category.objects.create(name="Chuyên mục thử CSRF")
    author = User.objects.create_user("pv-csrf", password="mat-khau-dai-123")
    author.groups.add(Group.objects.get(name=AUTHOR.name))
    client = Client(enforce_csrf_checks=True)
    client.force_login(author)
    post = {"title": "Bài do trang khác gửi", "category": category.pk, "body": "<p>Giả.</p>"}
    # What another site's hidden form would send: the victim's cookies, no token.
    assert client.post("/toa-soan/bai-viet/moi/", post).status_code == 403
    assert client.post("/anh/tai-len/", {}).status_code == 403
    assert not Article.objects.filter(title=post["title"]).exists()
    # The workspace's own form carries the token and goes through.
    token = CSRF_FIELD.search(client.get("/toa-soan/bai-viet/moi/").content.decode()).group(1)
    saved = client.post("/toa-soan/bai-viet/moi/", {**post, "csrfmiddlewaretoken": token})
    assert saved.status_code == 302
    assert Article.objects.get(title=post["title"]).author == author


def test_a_cross_site_sign_in_is_refused(db):
    User.objects.create_user("pv-dang-nhap", password="mat-khau-dai-123")
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/toa-soan/dang-nhap/", {"username": "pv-dang-nhap", "password": "mat-khau-dai-123"}
    )
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


def test_a_stale_form_gets_a_vietnamese_page_that_says_nothing_was_saved(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/toa-soan/dang-nhap/", {"username": "a", "password": "b"})
    html = response.content.decode()
    assert response.status_code == 403
    assert '<html lang="vi">' in html
    assert "chưa có gì được lưu" in html
    assert "CSRF verification failed" not in html
