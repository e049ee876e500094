"""The anonymous page cache (public/cache.py): what is cached, for whom, with which
headers, and that every change readers see is on every affected page at the next
request. A cache hit makes no SQL query, which is how these tests tell a hit."""

from __future__ import annotations

import socket
import time
from datetime import timedelta
from pathlib import Path
from wsgiref.util import setup_testing_defaults

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client, override_settings
from django.utils import timezone
from django.utils.http import http_date

from articles.models import (
    Article,
    BridgePoint,
    Category,
    Event,
    EventParticipant,
    Organization,
    Participant,
    Resolution,
    Tag,
)
from core import caching
from public import cache as page_cache
from workflow import services

Status = Article.Status


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    settings.PUBLIC_CACHE_TIMEOUT = 300
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("bientap-cache", password="mat-khau-dai-1")


@pytest.fixture
def world(db):
    """A section with a sub-section, and an article linked to an event, a person, a
    document and a tag, published an hour ago; plus an approved one, not yet public."""
    section = Category.objects.create(name="Xây dựng Đảng")
    sub = Category.objects.create(name="Gương sáng đảng viên", parent=section)
    organizer = Organization.objects.create(name="Tỉnh ủy Hà Nam")
    resolution = Resolution.objects.create(
        number="35-NQ/TW", subject="về tăng cường bảo vệ nền tảng tư tưởng của Đảng"
    )
    person = Participant.objects.create(full_name="Lê Quang Vinh", positions="Phó Trưởng ban")
    event = Event.objects.create(
        title="Hội nghị báo cáo viên quý IV",
        starts_at=timezone.now() - timedelta(days=1),
        status=Event.Status.HELD,
    )
    event.organizers.add(organizer)
    event.resolutions.add(resolution)
    point = BridgePoint.objects.create(event=event, level=BridgePoint.Level.PROVINCIAL, count=1)
    EventParticipant.objects.create(
        event=event, participant=person, role=EventParticipant.Role.PRESIDING, bridge_point=point
    )
    tag = Tag.objects.create(name="Báo cáo viên")
    article = Article.objects.create(
        title="Hội nghị báo cáo viên Tỉnh ủy quý IV",
        sapo="Thông tin thời sự và định hướng tuyên truyền.",
        body="<p>Nội dung hội nghị báo cáo viên.</p>",
        category=sub,
        status=Status.PUBLISHED,
        published_at=timezone.now() - timedelta(hours=1),
    )
    article.events.add(event)
    article.participants.add(person)
    article.resolutions.add(resolution)
    article.tags.add(tag)
    pending = Article.objects.create(
        title="Lễ kết nạp đảng viên mới ở xã Thanh Hà",
        sapo="Mười đoàn viên ưu tú được kết nạp.",
        category=sub,
        status=Status.APPROVED,
    )
    pending.events.add(event)
    pending.participants.add(person)
    pending.resolutions.add(resolution)
    pending.tags.add(tag)
    return {
        "section": section,
        "sub": sub,
        "organizer": organizer,
        "resolution": resolution,
        "person": person,
        "event": event,
        "tag": tag,
        "article": article,
        "pending": pending,
    }


def pages(w) -> dict[str, str]:
    """Every public page an article of the world appears on."""
    return {
        "home": "/",
        "section": w["section"].get_absolute_url(),
        "sub-section": w["sub"].get_absolute_url(),
        "tag": w["tag"].get_absolute_url(),
        "event": w["event"].get_absolute_url(),
        "person": w["person"].get_absolute_url(),
        "document": w["resolution"].get_absolute_url(),
        "feed": "/rss/",
        "section feed": f"/chuyen-muc/{w['section'].slug}/rss/",
        "sitemap": "/sitemap-bai-viet.xml",
        "search": "/tim-kiem/?q=bao+cao+vien",
        "search, diacritics": "/tim-kiem/?q=kết+nạp",
    }


def cached_views(client, django_assert_num_queries, urls) -> dict[str, str]:
    """Each page fetched twice; the second time from the cache (no SQL)."""
    bodies = {}
    for name, url in urls.items():
        first = client.get(url)
        assert first.status_code == 200, (name, first.status_code)
        with django_assert_num_queries(0):
            second = client.get(url)
        assert second.content == first.content, name
        bodies[name] = second.content.decode()
    return bodies


def fresh_views(client, urls) -> dict[str, str]:
    return {name: client.get(url).content.decode() for name, url in urls.items()}


# What is cached, for whom --------------------------------------------------------------


def test_an_anonymous_page_is_served_from_the_cache_without_sql(
    client, world, django_assert_num_queries
):
    url = world["article"].get_absolute_url()
    first = client.get(url)
    with django_assert_num_queries(0):
        again = client.get(url)
    assert again.status_code == 200 and again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]


def test_public_responses_say_public_with_a_validator(client, world):
    response = client.get(world["article"].get_absolute_url())
    control = response["Cache-Control"]
    assert "public" in control and "max-age=0" in control and "s-maxage=5" in control
    assert response["ETag"].startswith('"') and response["Last-Modified"]
    assert "Cookie" not in response.get("Vary", "")
    assert not response.cookies


@pytest.mark.parametrize("cached", [True, False])
def test_conditional_requests_get_304(client, world, settings, cached):
    settings.PUBLIC_CACHE_TIMEOUT = 300 if cached else 0
    url = world["article"].get_absolute_url()
    first = client.get(url)
    etag, modified = first["ETag"], first["Last-Modified"]
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304 and response["ETag"] == etag
    assert not response.content
    assert client.get(url, HTTP_IF_NONE_MATCH='"other"').status_code == 200
    if cached:
        # The stored copy keeps its Last-Modified; the page cache off regenerates it.
        assert client.get(url, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    old = http_date(time.time() - 3600)
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=old).status_code == 200


def test_head_requests_are_answered_from_the_cache(client, world, django_assert_num_queries):
    url = world["article"].get_absolute_url()
    client.get(url)
    with django_assert_num_queries(0):
        response = client.head(url)
    assert response.status_code == 200


def test_head_requests_to_a_page_not_yet_cached_are_answered(client, world):
    response = client.head(world["article"].get_absolute_url())
    assert response.status_code == 200


@pytest.mark.parametrize("cookie", ["sessionid", "csrftoken", "messages"])
def test_a_request_with_a_session_csrf_or_messages_cookie_is_never_served_from_the_cache(
    client, world, cookie
):
    url = world["article"].get_absolute_url()
    client.get(url)  # cached for anonymous readers
    client.cookies[cookie] = "x"
    response = client.get(url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]
    assert "Cookie" in response["Vary"]


def test_staff_get_private_pages_and_never_the_anonymous_copy(client, world, editor):
    url = world["article"].get_absolute_url()
    client.get(url)  # the anonymous copy, cached
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]
    for staff_url in ("/quan-tri/", "/toa-soan/"):
        staff = client.get(staff_url)
        assert "public" not in staff.get("Cache-Control", ""), staff_url
        assert "private" in staff.get("Cache-Control", "") or "no-store" in staff.get(
            "Cache-Control", ""
        ), staff_url


def test_staff_pages_are_private_even_without_a_session(client, db):
    for url in ("/quan-tri/login/", "/toa-soan/"):
        response = client.get(url)
        control = response.get("Cache-Control", "")
        assert "public" not in control and ("private" in control or "no-store" in control), url


def test_errors_and_redirects_are_not_cached(client, world, django_assert_num_queries):
    client.get("/bai-viet/khong-co-bai-nay/")
    response = client.get("/bai-viet/khong-co-bai-nay/")
    assert response.status_code == 404
    assert "public" not in response.get("Cache-Control", "")
    Article.objects.create(
        title="Khong co bai nay",
        slug="khong-co-bai-nay",
        category=world["sub"],
        status=Status.PUBLISHED,
        published_at=timezone.now() - timedelta(minutes=1),
    )
    assert client.get("/bai-viet/khong-co-bai-nay/").status_code == 200


def test_the_page_cache_can_be_turned_off(client, world, settings):
    settings.PUBLIC_CACHE_TIMEOUT = 0
    url = world["article"].get_absolute_url()
    client.get(url)
    Article.objects.filter(pk=world["article"].pk).update(title="Đổi thẳng trong CSDL")
    response = client.get(url)
    assert "Đổi thẳng trong CSDL" in response.content.decode()
    assert "public" in response["Cache-Control"] and response["ETag"]


def test_one_change_makes_one_bump_per_transaction(world):
    from django.db import connection

    article = world["article"]
    article.title = "Một tiêu đề khác"
    article.save()
    article.tags.add(Tag.objects.create(name="Thẻ mới"))
    world["event"].save()
    registered = [e for e in connection.run_on_commit if e[1] is page_cache._bump_on_commit]
    assert len(registered) == 1


def test_saving_a_draft_does_not_empty_the_cache(world):
    page_cache.current_state()
    token = cache.get(page_cache.VERSION_KEY)[0]
    draft = Article.objects.create(title="Bản nháp", category=world["sub"])
    draft.title = "Bản nháp sửa"
    draft.save()
    assert cache.get(page_cache.VERSION_KEY)[0] == token


def test_a_change_bumps_at_once_and_again_on_commit(transactional_db, client, world, editor):
    """A page rendered between the first bump and the commit, from data without the
    change, carries the first token: the bump on commit makes it a miss."""
    before = page_cache.current_state()[0]
    seen = []
    original = page_cache._bump_on_commit

    def spy():
        seen.append(page_cache.current_state()[0])
        original()

    page_cache._bump_on_commit = spy
    try:
        services.publish(editor, world["pending"])
    finally:
        page_cache._bump_on_commit = original
    after = page_cache.current_state()[0]
    assert len(seen) == 1 and before != seen[0] != after
    assert world["pending"].title in client.get("/").content.decode()


# Every change, every page ---------------------------------------------------------------


def test_publishing_shows_the_article_everywhere(
    client, world, editor, django_assert_num_queries, django_capture_on_commit_callbacks
):
    urls = pages(world)
    pending = world["pending"]
    before = cached_views(client, django_assert_num_queries, urls)
    assert all(pending.title not in html for html in before.values())
    assert client.get(pending.get_absolute_url()).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        services.publish(editor, pending)
    after = fresh_views(client, urls)
    link = pending.get_absolute_url()
    for name, html in after.items():
        if name == "search":
            continue  # "báo cáo viên" is not in this article
        assert link in html, name
    assert client.get(link).status_code == 200


def test_withdrawing_removes_the_article_from_every_page(
    client, world, editor, django_assert_num_queries, django_capture_on_commit_callbacks
):
    urls = {k: v for k, v in pages(world).items() if k != "search, diacritics"}
    article = world["article"]
    link = article.get_absolute_url()
    before = cached_views(client, django_assert_num_queries, {**urls, "article": link})
    assert all(link in html for name, html in before.items() if name != "article")
    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw(editor, article, reason="Sai thông tin")
    assert client.get(link).status_code == 404
    for name, html in fresh_views(client, urls).items():
        assert link not in html, name
        assert article.title not in html, name


def test_an_edit_of_a_published_article_shows_once_published(
    client, world, editor, django_assert_num_queries, django_capture_on_commit_callbacks
):
    article = world["article"]
    urls = {**pages(world), "article": article.get_absolute_url()}
    cached_views(client, django_assert_num_queries, urls)
    new_title = "Hội nghị báo cáo viên Tỉnh ủy quý IV (đã cập nhật)"
    base = services.ensure_baseline_revision(article)
    services.save_working_copy(editor, article, {"title": new_title}, base_revision_id=base.pk)
    # Readers keep the approved version while the edit is reviewed.
    assert new_title not in client.get(urls["article"]).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        services.submit(editor, article)
        while article.status == Status.SUBMITTED:
            services.approve(editor, article)
    assert article.status == Status.PUBLISHED
    for name, html in fresh_views(client, urls).items():
        if name in ("search, diacritics", "sitemap"):
            continue  # the sitemap lists addresses, not titles
        assert "(đã cập nhật)" in html, name  # search marks the matched words


def test_a_correction_shows_on_the_article(
    client, world, editor, django_assert_num_queries, django_capture_on_commit_callbacks
):
    url = world["article"].get_absolute_url()
    cached_views(client, django_assert_num_queries, {"article": url})
    with django_capture_on_commit_callbacks(execute=True):
        services.add_correction(editor, world["article"], "Sửa tên người phát biểu.")
    html = client.get(url).content.decode()
    assert "Đính chính" in html and "Sửa tên người phát biểu." in html


@pytest.mark.parametrize(
    ("change", "expect_on"),
    [
        ("event", ("article", "event", "home", "person")),
        ("person", ("article", "event", "person")),
        ("document", ("article", "document", "event")),
        ("section", ("article", "section", "sub-section", "home", "event")),
        ("tag", ("article", "tag")),
        ("organizer", ("article", "event")),
    ],
)
def test_a_change_to_a_linked_record_shows_on_every_page_that_shows_it(
    client, world, django_assert_num_queries, django_capture_on_commit_callbacks, change, expect_on
):
    urls = {**pages(world), "article": world["article"].get_absolute_url()}
    cached_views(client, django_assert_num_queries, urls)
    new_name = "Tên mới sau khi sửa"
    with django_capture_on_commit_callbacks(execute=True):
        if change == "event":
            world["event"].title = new_name
            world["event"].save()
        elif change == "person":
            world["person"].full_name = new_name
            world["person"].save()
        elif change == "document":
            world["resolution"].subject = new_name
            world["resolution"].save()
        elif change == "section":
            world["sub"].name = new_name
            world["sub"].save()
            world["section"].name = new_name + " gốc"
            world["section"].save()
        elif change == "tag":
            world["tag"].name = new_name
            world["tag"].save()
        elif change == "organizer":
            world["organizer"].name = new_name
            world["organizer"].save()
    for name in expect_on:
        assert new_name in client.get(urls[name]).content.decode(), (change, name)


def test_a_bridge_point_or_participation_change_shows_on_the_event_and_article(
    client, world, django_assert_num_queries, django_capture_on_commit_callbacks
):
    urls = {
        "event": world["event"].get_absolute_url(),
        "article": world["article"].get_absolute_url(),
    }
    cached_views(client, django_assert_num_queries, urls)
    with django_capture_on_commit_callbacks(execute=True):
        BridgePoint.objects.filter(event=world["event"]).update(count=1)  # no signal…
        point = BridgePoint.objects.get(event=world["event"])
        point.location = "Hội trường mới của Tỉnh ủy"
        point.save()  # …this one has
    for url in urls.values():
        assert "Hội trường mới của Tỉnh ủy" in client.get(url).content.decode()


def test_linking_an_event_to_a_live_article_shows_on_both_pages(
    client, world, django_assert_num_queries, django_capture_on_commit_callbacks
):
    other = Event.objects.create(title="Tọa đàm chuyển đổi số", starts_at=timezone.now())
    urls = {"event": other.get_absolute_url(), "article": world["article"].get_absolute_url()}
    cached_views(client, django_assert_num_queries, urls)
    with django_capture_on_commit_callbacks(execute=True):
        world["article"].events.add(other)
    assert world["article"].title in client.get(urls["event"]).content.decode()
    assert "Tọa đàm chuyển đổi số" in client.get(urls["article"]).content.decode()


def test_a_scheduled_article_appears_on_time_despite_the_cache(
    client, world, django_assert_num_queries
):
    soon = timezone.now() + timedelta(seconds=1)
    scheduled = Article.objects.create(
        title="Bài hẹn giờ xuất bản",
        category=world["sub"],
        status=Status.PUBLISHED,
        published_at=soon,
    )
    before = cached_views(client, django_assert_num_queries, {"home": "/"})
    assert scheduled.title not in before["home"]
    time.sleep(max(0.0, (soon - timezone.now()).total_seconds()) + 0.2)
    assert scheduled.title in client.get("/").content.decode()
    assert client.get(scheduled.get_absolute_url()).status_code == 200


def test_an_event_moves_from_upcoming_to_recent_on_time(client, world, django_assert_num_queries):
    starts = timezone.now() + timedelta(seconds=1)
    Event.objects.create(title="Lễ khai mạc sắp diễn ra", starts_at=starts)
    home = cached_views(client, django_assert_num_queries, {"home": "/"})["home"]
    upcoming = home.split('id="su-kien-sap-toi"', 1)[1].split("</section>", 1)[0]
    assert "Lễ khai mạc sắp diễn ra" in upcoming
    time.sleep(max(0.0, (starts - timezone.now()).total_seconds()) + 0.2)
    home = client.get("/").content.decode()
    recent = home.split('id="su-kien-gan-day"', 1)[1].split("</section>", 1)[0]
    assert "Lễ khai mạc sắp diễn ra" in recent


def test_a_lost_version_key_only_makes_misses(client, world, django_assert_num_queries):
    url = world["article"].get_absolute_url()
    cached_views(client, django_assert_num_queries, {"article": url})
    cache.delete(page_cache.VERSION_KEY)  # evicted by Redis, say
    Article.objects.filter(pk=world["article"].pk).update(title="Đổi thẳng trong CSDL")
    assert "Đổi thẳng trong CSDL" in client.get(url).content.decode()


def test_content_changed_is_the_hook_for_bulk_updates(client, world, django_assert_num_queries):
    url = world["article"].get_absolute_url()
    cached_views(client, django_assert_num_queries, {"article": url})
    Article.objects.filter(pk=world["article"].pk).update(sapo="Đoạn dẫn đổi bằng update().")
    page_cache.content_changed()
    assert "Đoạn dẫn đổi bằng update()." in client.get(url).content.decode()


# In front of Django: cms/wsgi.py answers stored pages before Django sees them -----------


class WSGIReader:
    """Requests made the way gunicorn makes them, to PublicPageCacheApplication around a
    real Django WSGIHandler; django_calls counts the requests Django had to answer."""

    def __init__(self):
        self.django_calls = 0
        django_app = WSGIHandler()

        def counted(environ, start_response):
            self.django_calls += 1
            return django_app(environ, start_response)

        self.app = page_cache.PublicPageCacheApplication(counted)

    def request(self, path, method="GET", scheme="http", **headers):
        path, _, query = path.partition("?")
        environ = {
            "REQUEST_METHOD": method,
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "wsgi.url_scheme": scheme,
            "HTTP_HOST": "testserver",
            **{f"HTTP_{name.upper()}": value for name, value in headers.items()},
        }
        setup_testing_defaults(environ)
        answer = {}

        def start_response(status, response_headers, exc_info=None):
            answer["status"] = int(status.split()[0])
            answer["headers"] = {name.lower(): value for name, value in response_headers}

        body = self.app(environ, start_response)
        try:
            answer["body"] = b"".join(body)
        finally:
            if hasattr(body, "close"):
                body.close()
        return answer


@pytest.fixture
def reader():
    # As Django's test client does: the test's transaction must outlive each request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield WSGIReader()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_a_stored_page_is_answered_in_front_of_django_with_the_same_headers(
    reader, world, django_assert_num_queries
):
    url = world["article"].get_absolute_url()
    first = reader.request(url)
    assert first["status"] == 200 and reader.django_calls == 1
    with django_assert_num_queries(0):
        again = reader.request(url)
    assert reader.django_calls == 1
    assert again["status"] == 200 and again["body"] == first["body"]
    assert again["headers"] == first["headers"]
    # Every header the stack gives a page comes with the stored copy too.
    for header in (
        "content-security-policy",
        "permissions-policy",
        "x-content-type-options",
        "referrer-policy",
        "cross-origin-opener-policy",
        "x-frame-options",
    ):
        assert header in again["headers"], header
    assert "public" in again["headers"]["cache-control"]


def test_in_front_of_django_a_change_shows_on_the_next_request(reader, world):
    article = world["article"]
    url = article.get_absolute_url()
    reader.request(url)
    reader.request(url)
    assert reader.django_calls == 1
    article.title = "Hội nghị báo cáo viên Tỉnh ủy quý IV năm 2026"
    article.save()
    page = reader.request(url)
    assert reader.django_calls == 2
    assert "quý IV năm 2026" in page["body"].decode()


def test_in_front_of_django_conditional_and_head_requests(reader, world):
    url = world["article"].get_absolute_url()
    etag = reader.request(url)["headers"]["etag"]
    not_modified = reader.request(url, if_none_match=etag)
    assert not_modified["status"] == 304 and not_modified["body"] == b""
    assert not_modified["headers"]["etag"] == etag
    head = reader.request(url, method="HEAD")
    assert head["status"] == 200 and head["body"] == b""
    assert reader.django_calls == 1


def test_in_front_of_django_a_reader_with_a_session_gets_a_private_page(reader, world):
    url = world["article"].get_absolute_url()
    reader.request(url)
    private = reader.request(url, cookie="sessionid=x")
    assert reader.django_calls == 2
    assert "private" in private["headers"]["cache-control"]


def test_in_front_of_django_an_unknown_host_is_refused_not_served(reader, world):
    url = world["article"].get_absolute_url()
    reader.request(url)
    refused = reader.request(url, host="ke-gia-mao.example")
    assert refused["status"] == 400
    assert world["article"].title.encode() not in refused["body"]


def test_in_front_of_django_plain_http_is_sent_to_https(reader, world, settings):
    settings.SECURE_SSL_REDIRECT = True
    reader = WSGIReader()  # SecurityMiddleware reads the setting when Django loads it
    url = world["article"].get_absolute_url()
    assert reader.request(url, scheme="https")["status"] == 200
    assert reader.request(url, scheme="https")["status"] == 200
    assert reader.django_calls == 1
    redirected = reader.request(url, scheme="http")
    assert redirected["status"] == 301
    assert redirected["headers"]["location"] == f"https://testserver{url}"


def test_when_the_cache_fails_readers_still_get_the_page(reader, world, monkeypatch, caplog):
    def unreachable(self, key):
        raise ConnectionError("Redis không trả lời")

    monkeypatch.setattr(page_cache.PageStore, "lookup", unreachable)
    monkeypatch.setattr(caching, "_last_logged", {})
    url = world["article"].get_absolute_url()
    for _ in range(3):
        page = reader.request(url)
        assert page["status"] == 200
        assert world["article"].title in page["body"].decode()
    assert reader.django_calls == 3
    # Said once, not once a request.
    warnings = [r for r in caplog.records if r.name == "core.caching"]
    assert [r.getMessage() for r in warnings] == [
        "Cache unreachable: pages rendered without the page cache"
    ]


@pytest.fixture
def unanswering_redis():
    """A port that accepts connections and never answers, as a hung Redis does."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    yield f"redis://127.0.0.1:{listener.getsockname()[1]}/0"
    listener.close()


@pytest.mark.parametrize("outage", ["refused", "hung"])
def test_readers_get_every_page_while_redis_is_out(client, world, unanswering_redis, outage):
    location = "redis://127.0.0.1:9/0" if outage == "refused" else unanswering_redis
    redis_out = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": location,
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.3, "SOCKET_TIMEOUT": 0.3},
        }
    }
    article = world["article"]
    started = time.monotonic()
    with override_settings(CACHES=redis_out):
        for name, url in pages(world).items():
            response = client.get(url)
            assert response.status_code == 200, (name, response.status_code)
        page = client.get(article.get_absolute_url())
        assert page.status_code == 200 and article.title in page.text
        # The reading is not counted (a repeat cannot be told), and not an error.
        assert client.post(f"/luot-xem/{article.pk}/").status_code == 204
    # Each request waits on Redis at most its socket timeout, then renders.
    assert time.monotonic() - started < 0.3 * 2 * (len(pages(world)) + 2) + 10
    article.refresh_from_db()
    assert article.view_count == 0


def test_static_files_keep_their_own_caching(db, settings):
    """The page cache comes first in MIDDLEWARE; WhiteNoise's files pass it untouched."""
    css = Path(settings.STATIC_ROOT) / "css" / "page-cache-test.css"
    css.parent.mkdir(parents=True, exist_ok=True)
    css.write_text("body { color: #222; }\n")
    try:
        response = Client().get(settings.STATIC_URL + "css/page-cache-test.css")
    finally:
        css.unlink()
    assert response.status_code == 200
    control = response["Cache-Control"]
    assert "public" in control and "private" not in control


# With Redis, as in production: the pages a process served last are kept in it too -------

REDIS_URL = "redis://127.0.0.1:6379/12"


@pytest.fixture
def shared_cache(settings):
    settings.CACHES = {
        "default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": REDIS_URL}
    }
    settings.PUBLIC_CACHE_LOCAL_BYTES = 1024 * 1024
    cache.clear()
    yield cache
    cache.clear()


@pytest.mark.redis
def test_a_hot_page_is_served_from_the_process_copy_while_the_version_holds(
    client, world, shared_cache, django_assert_num_queries
):
    first = client.get("/")
    # Redis loses the page (evicted, restarted): this process still has it, and the
    # version it was stored under is still the current one.
    page_keys = shared_cache.keys(f"{page_cache.PAGE_PREFIX}*")
    assert page_keys
    shared_cache.delete_many(page_keys)
    with django_assert_num_queries(0):
        again = client.get("/")
    assert again.content == first.content


@pytest.mark.redis
def test_a_change_made_by_another_process_shows_despite_the_process_copy(
    client, world, editor, shared_cache, django_capture_on_commit_callbacks
):
    article = world["article"]
    link = article.get_absolute_url()
    urls = {k: v for k, v in pages(world).items() if k not in ("search", "search, diacritics")}
    assert all(link in html for html in fresh_views(client, urls).values())
    assert all(link in html for html in fresh_views(client, urls).values())  # process copies
    # Another app server withdraws the article: all this process shares with it is Redis.
    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw(editor, article, reason="Sai thông tin")
    for name, html in fresh_views(client, urls).items():
        assert link not in html, name


def test_the_process_copy_keeps_to_its_size():
    kept = page_cache.LocalPages(max_bytes=100)
    for n in range(5):
        kept.put(f"k{n}", ("v", 0.0, [], b"x" * 40, '"e"'))
    assert kept.size <= 100
    assert kept.get("k4") is not None and kept.get("k0") is None
    kept.put("big", ("v", 0.0, [], b"x" * 101, '"e"'))
    assert kept.get("big") is None
