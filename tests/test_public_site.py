"""The public site as a reader meets it, on the demo content (seed article included)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.core.cache import cache
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from icalendar import Calendar

from articles.models import Article, Category, Event, Participant, Resolution
from demo.loader import load_demo

SEED_SLUG = "ha-nam-to-chuc-tham-gia-hoi-nghi-toan-quoc-ve-dot-pha-phat-trien-khoa-hoc-cong-nghe"
SEED_TITLE = (
    "Hà Nam tổ chức tham gia Hội nghị toàn quốc về đột phá phát triển khoa hoc, công nghệ, "
    "đột phá sáng tạo và chuyển đổi số quốc gia"
)
HIDDEN_MARK = "Bài ẩn kiểm thử"


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo content, loaded once for this module and rolled back after it.

    Each test runs in a savepoint inside this transaction, so tests cannot see each
    other's changes.
    """
    from django.test import override_settings

    media = override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media")))
    media.enable()
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo()
        yield
        transaction.set_rollback(True)
    media.disable()


@pytest.fixture
def seed(demo, db):
    cache.clear()
    return Article.objects.get(slug=SEED_SLUG)


@pytest.fixture
def hidden_articles(seed):
    """One article in every state a reader must never see, linked to everything the seed is."""
    now = timezone.now()
    states = {
        "draft": (Article.Status.DRAFT, None),
        "submitted": (Article.Status.SUBMITTED, None),
        "returned": (Article.Status.RETURNED, None),
        "approved": (Article.Status.APPROVED, now - timedelta(hours=1)),
        "withdrawn": (Article.Status.WITHDRAWN, now - timedelta(days=1)),
        "scheduled": (Article.Status.PUBLISHED, now + timedelta(days=2)),
    }
    hidden = []
    for name, (status, published_at) in states.items():
        article = Article.objects.create(
            title=f"{HIDDEN_MARK} {name} Nghị quyết 57-NQ/TW khoa học",
            sapo="Nghị quyết 57-NQ/TW khoa học công nghệ",
            body="<p>Nghị quyết 57-NQ/TW khoa học công nghệ đổi mới sáng tạo.</p>",
            category=seed.category,
            status=status,
            published_at=published_at,
            is_featured=True,
        )
        article.events.set(seed.events.all())
        article.participants.set(seed.participants.all())
        article.resolutions.set(seed.resolutions.all())
        article.tags.set(seed.tags.all())
        hidden.append(article)
    return hidden


INLINE_TAGS = {
    "a",
    "mark",
    "strong",
    "em",
    "b",
    "i",
    "u",
    "s",
    "small",
    "time",
    "abbr",
    "sub",
    "sup",
}


def text_of(response) -> str:
    """The visible text of a page as a reader reads it: tags gone, whitespace collapsed."""

    class Text(HTMLParser):
        def __init__(self):
            super().__init__()
            self.parts: list[str] = []
            self.skip = 0

        def handle_starttag(self, tag, attrs):
            if tag in ("script", "style"):
                self.skip += 1
            elif tag not in INLINE_TAGS:
                self.parts.append(" ")

        def handle_endtag(self, tag):
            if tag in ("script", "style"):
                self.skip -= 1
            elif tag not in INLINE_TAGS:
                self.parts.append(" ")

        def handle_data(self, data):
            if not self.skip:
                self.parts.append(data)

    parser = Text()
    parser.feed(response.content.decode())
    return " ".join("".join(parser.parts).split())


# Every page type shows the seed's facts ---------------------------------------------------


def test_article_page_shows_the_seed_as_written(client, seed):
    response = client.get(f"/bai-viet/{SEED_SLUG}/")
    assert response.status_code == 200
    html = response.content.decode()
    text = text_of(response)
    assert '<html lang="vi">' in html
    assert SEED_TITLE in text
    assert "Thứ Hai, 13/01/2025" in text
    assert seed.sapo in text
    assert "Phòng Lý luận chính trị - Lịch sử, Ban Tuyên giáo Tỉnh ủy" in text
    assert "Các đại biểu dự hội nghị tại điểm cầu Hà Nam" in text
    # The event box, with the key facts in Vietnamese forms.
    for fact in (
        "252 điểm cầu",
        "01 điểm cầu cấp tỉnh",
        "Hội trường UBND tỉnh",
        "251 điểm cầu cấp cơ sở",
        "44.881 đảng viên",
        "VTV1",
        "Trực tiếp kết hợp trực tuyến",
    ):
        assert fact in text, fact
    # The people, with their positions and roles.
    for name, position in (
        ("Đinh Thị Lụa", "Phó Bí thư Thường trực Tỉnh ủy"),
        ("Trương Quốc Huy", "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh, Trưởng đoàn ĐBQH tỉnh"),
        ("Tô Lâm", "Tổng Bí thư"),
        ("Phạm Minh Chính", "Thủ tướng Chính phủ"),
        ("Trần Thanh Mẫn", "Chủ tịch Quốc hội"),
    ):
        assert f"{name} {position}" in text, name
    assert text.index("Đinh Thị Lụa") < text.index("Tô Lâm") < text.index("Phạm Minh Chính")
    assert "Chủ trì" in text and "Phát biểu chỉ đạo" in text and "Trình bày, báo cáo" in text
    assert "Nghị quyết 57-NQ/TW" in text
    assert 'href="/van-ban/57-nq-tw/"' in html


def test_article_page_metadata_for_sharing_and_search_engines(client, seed):
    html = client.get(f"/bai-viet/{SEED_SLUG}/").content.decode()
    assert f'<link rel="canonical" href="http://127.0.0.1:8000/bai-viet/{SEED_SLUG}/">' in html
    assert '<meta property="og:type" content="article">' in html
    assert 'property="og:image"' in html
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == SEED_TITLE[:110]
    assert data["datePublished"].startswith("2025-01-13T11:30:00+07:00")
    assert {"Tô Lâm", "Đinh Thị Lụa"} <= {m["name"] for m in data["mentions"]}
    # A picture with sizes for phones and desktops, WebP first.
    assert '<source type="image/webp" srcset="' in html
    assert re.search(r'srcset="[^"]+ 320w, [^"]+ 640w', html)


def test_event_page_groups_participants_by_role_with_positions_at_the_time(client, seed):
    event = seed.events.get()
    response = client.get(event.get_absolute_url())
    text = text_of(response)
    assert response.status_code == 200
    assert "Thứ Hai, 13/01/2025, 08:00" in text
    assert "Bộ Chính trị" in text and "Ban Bí thư" in text
    assert "252 điểm cầu" in text and "44.881 đảng viên tham dự" in text
    presiding, directing, presenting = (
        text.index("Chủ trì"),
        text.index("Phát biểu chỉ đạo"),
        text.index("Trình bày, báo cáo"),
    )
    assert presiding < text.index("Đinh Thị Lụa") < text.index("Trương Quốc Huy") < directing
    assert directing < text.index("Tô Lâm") < presenting < text.index("Phạm Minh Chính")
    assert "Tại điểm cầu cấp tỉnh (Hội trường UBND tỉnh)" in text
    assert "Nghị quyết 57-NQ/TW" in text
    assert SEED_TITLE in text


def test_participant_page_lists_events_with_role_and_articles(client, seed):
    person = Participant.objects.get(full_name="Tô Lâm")
    text = text_of(client.get(person.get_absolute_url()))
    assert "Tổng Bí thư" in text
    assert "Hội nghị toàn quốc về đột phá phát triển khoa học" in text
    assert "Phát biểu chỉ đạo" in text
    assert SEED_TITLE in text


def test_resolution_page_is_the_implementation_record(client, seed):
    resolution = Resolution.objects.get(number="57-NQ/TW")
    response = client.get("/van-ban/57-nq-tw/")
    text = text_of(response)
    assert response.status_code == 200
    assert "Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị" in text
    assert (
        "về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia"
        in text
    )
    assert "03/NQ-CP" in text  # the Government's action programme, a related document
    # Events and articles concerning it, oldest first.
    timeline = re.findall(
        r'<time class="timeline__date" datetime="([^"]+)"', response.content.decode()
    )
    assert (
        len(timeline)
        == resolution.events.count()
        + Article.objects.public().filter(resolutions=resolution).count()
    )
    assert timeline == sorted(timeline)
    assert SEED_TITLE in text


@pytest.mark.parametrize(
    "url,expected",
    [
        ("/", "Văn bản trọng tâm"),
        ("/su-kien/", "Hội nghị toàn quốc về đột phá phát triển khoa học"),
        ("/nhan-vat/", "Đinh Thị Lụa"),
        ("/van-ban/", "Nghị quyết 57-NQ/TW"),
        ("/van-ban/?loai=nghi_quyet", "Nghị quyết 57-NQ/TW"),
        ("/chuyen-muc/tin-tuc-su-kien/", "Tin tức - Sự kiện"),
    ],
)
def test_index_pages(client, seed, url, expected):
    response = client.get(url)
    assert response.status_code == 200
    assert expected in text_of(response)


def test_home_page_has_lead_sections_events_documents_and_most_read(client, seed):
    response = client.get("/")
    html = response.content.decode()
    assert 'class="lead"' in html
    assert html.count('class="home-section"') >= 3
    assert "Sự kiện sắp diễn ra" in html and "Đọc nhiều" in html


def test_participants_index_sorts_by_given_name(client, seed):
    text = text_of(client.get("/nhan-vat/"))
    # Vietnamese names sort by the given name: Chính < Huy < Lâm < Lụa < Mẫn.
    order = [
        text.index(n)
        for n in ("Phạm Minh Chính", "Trương Quốc Huy", "Tô Lâm", "Đinh Thị Lụa", "Trần Thanh Mẫn")
    ]
    assert order == sorted(order)


def test_tag_page(client, seed):
    tag = seed.tags.first()
    response = client.get(tag.get_absolute_url())
    assert response.status_code == 200
    assert SEED_TITLE in text_of(response)


# Search -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "nghi quyet 57",
        "Nghị quyết 57-NQ/TW",
        "khoa học",
        "khoa hoc",
        "KHOA HỌC",
        "Nghị quyết 57-NQ/TW".encode().decode() and "Nghi\u0323 quye\u0302\u0301t 57",  # NFD
        "đinh thị lụa",
        "dinh thi lua",
    ],
)
def test_search_finds_the_seed(client, seed, query):
    response = client.get("/tim-kiem/", {"q": query})
    assert response.status_code == 200
    assert SEED_TITLE in text_of(response), query


def test_search_marks_the_matched_words(client, seed):
    html = client.get("/tim-kiem/", {"q": "chuyen doi so"}).content.decode()
    assert "<mark>chuyển</mark> <mark>đổi</mark> <mark>số</mark>" in html


def test_search_finds_the_resolution_and_the_people(client, seed):
    html = client.get("/tim-kiem/", {"q": "57-NQ/TW", "loai": "van-ban"}).content.decode()
    assert "/van-ban/57-nq-tw/" in html
    html = client.get("/tim-kiem/", {"q": "to lam", "loai": "nhan-vat"}).content.decode()
    assert "/nhan-vat/to-lam/" in html


def test_a_document_number_is_one_token(client, seed):
    other = Article.objects.create(
        title="Đại hội có 57 đại biểu chính thức",
        sapo="57 đại biểu về dự",
        category=seed.category,
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() - timedelta(hours=1),
    )
    html = client.get("/tim-kiem/", {"q": "57-NQ/TW"}).content.decode()
    assert SEED_TITLE in html
    assert other.title not in html


# What readers never see -------------------------------------------------------------------


def test_hidden_articles_have_no_page(client, hidden_articles):
    for article in hidden_articles:
        assert client.get(f"/bai-viet/{article.slug}/").status_code == 404, article.status


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/chuyen-muc/tin-tuc-su-kien/",
        "/rss/",
        "/chuyen-muc/tin-tuc-su-kien/rss/",
        "/sitemap-bai-viet.xml",
        "/tim-kiem/?q=nghi+quyet+57-NQ/TW",
        "/tim-kiem/?q=bai+an+kiem+thu",
        "/van-ban/57-nq-tw/",
        "/nhan-vat/to-lam/",
        f"/bai-viet/{SEED_SLUG}/",
    ],
)
def test_hidden_articles_appear_nowhere(client, hidden_articles, url):
    response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert HIDDEN_MARK not in content
    for article in hidden_articles:
        assert f"/bai-viet/{article.slug}/" not in content


def test_hidden_articles_appear_on_no_event_or_tag_page(client, hidden_articles, seed):
    for url in [
        seed.events.get().get_absolute_url(),
        *[t.get_absolute_url() for t in seed.tags.all()],
    ]:
        assert HIDDEN_MARK not in client.get(url).content.decode(), url


def test_a_scheduled_article_appears_when_its_time_comes(client, hidden_articles):
    scheduled = next(a for a in hidden_articles if a.status == Article.Status.PUBLISHED)
    assert client.get(f"/bai-viet/{scheduled.slug}/").status_code == 404
    Article.objects.filter(pk=scheduled.pk).update(
        published_at=timezone.now() - timedelta(seconds=1)
    )
    assert client.get(f"/bai-viet/{scheduled.slug}/").status_code == 200


# Feeds, sitemap, robots, calendar ---------------------------------------------------------


def test_feeds_are_valid_rss_with_public_articles_only(client, seed, hidden_articles):
    for url in ("/rss/", "/chuyen-muc/tin-tuc-su-kien/rss/"):
        response = client.get(url)
        assert response["Content-Type"].startswith("application/rss+xml")
        root = ET.fromstring(response.content)
        links = [item.findtext("link") for item in root.iter("item")]
        assert links and all(link.startswith("http://127.0.0.1:8000/bai-viet/") for link in links)
    assert any(SEED_SLUG in link for link in links)


def test_sitemap_index_and_sections_are_valid_xml(client, seed, hidden_articles):
    ns = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    index = ET.fromstring(client.get("/sitemap.xml").content)
    sections = [loc.text for loc in index.findall("sm:sitemap/sm:loc", ns)]
    assert "http://127.0.0.1:8000/sitemap-bai-viet.xml" in sections
    urls = []
    for section in sections:
        response = client.get(section.replace("http://127.0.0.1:8000", ""))
        assert response.status_code == 200
        urls += [loc.text for loc in ET.fromstring(response.content).findall("sm:url/sm:loc", ns)]
    assert f"http://127.0.0.1:8000/bai-viet/{SEED_SLUG}/" in urls
    assert "http://127.0.0.1:8000/van-ban/57-nq-tw/" in urls
    public = set(Article.objects.public().values_list("slug", flat=True))
    listed = {u.split("/bai-viet/")[1].strip("/") for u in urls if "/bai-viet/" in u}
    assert listed == public


def test_robots_txt_names_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in response.content.decode()


def test_upcoming_events_export_as_icalendar(client, seed):
    upcoming = Event.objects.filter(starts_at__gte=timezone.now())
    assert upcoming.exists()
    response = client.get("/su-kien/lich.ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    summaries = {str(e.get("summary")) for e in calendar.walk("VEVENT")}
    assert summaries == set(upcoming.values_list("title", flat=True))
    single = client.get(f"/su-kien/{seed.events.get().slug}/lich.ics")
    event = Calendar.from_ical(single.content).walk("VEVENT")[0]
    assert event.decoded("dtstart") == seed.events.get().starts_at


# Old URLs, view counts --------------------------------------------------------------------


def test_a_changed_slug_redirects_permanently(client, seed):
    seed.slug = "ha-nam-hoi-nghi-khoa-hoc-cong-nghe"
    seed.save()
    response = client.get(f"/bai-viet/{SEED_SLUG}/")
    assert response.status_code == 301
    assert response["Location"] == "/bai-viet/ha-nam-hoi-nghi-khoa-hoc-cong-nghe/"
    section = Category.objects.get(slug="tin-tuc-su-kien")
    section.name = "Thời sự"
    section.slug = ""
    section.save()
    response = client.get("/chuyen-muc/tin-tuc-su-kien/")
    assert response.status_code == 301 and response["Location"] == "/chuyen-muc/thoi-su/"


def test_a_reading_is_counted_once_per_reader(client, seed):
    before = seed.view_count
    url = f"/luot-xem/{seed.pk}/"
    assert client.post(url).status_code == 204
    assert client.post(url).status_code == 204
    seed.refresh_from_db()
    assert seed.view_count == before + 1


def test_a_hidden_article_is_never_counted(client, hidden_articles):
    draft = hidden_articles[0]
    client.post(f"/luot-xem/{draft.pk}/")
    draft.refresh_from_db()
    assert draft.view_count == 0


# Bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/chuyen-muc/tin-tuc-su-kien/?page=abc",
        "/chuyen-muc/tin-tuc-su-kien/?page=999999",
        "/chuyen-muc/tin-tuc-su-kien/?page=-1",
        "/chuyen-muc/tin-tuc-su-kien/?page=1e9",
        "/su-kien/?page=%00",
        "/van-ban/?loai=<script>",
        "/tim-kiem/?q=",
        "/tim-kiem/?q=%00%00",
        "/tim-kiem/?q=abc%00def",
        "/tim-kiem/?q=%ED%A0%80nghi",
        "/tim-kiem/?q=%F0%9F%98%80",
        "/tim-kiem/?q=!!!%25%25%25***",
        "/tim-kiem/?q='%20%26%20|%20!(",
        "/tim-kiem/?q=nghi&page=abc",
        "/tim-kiem/?q=nghi&page=999999",
        "/tim-kiem/?q=nghi&loai=khong-co",
        "/tim-kiem/?q=nghi&q=quyet",
    ],
)
def test_nonsense_parameters_give_a_normal_page(client, seed, url):
    response = client.get(url)
    assert response.status_code == 200
    assert "<title>" in response.content.decode()


def test_a_very_long_query_gives_a_normal_page(client, seed):
    response = client.get("/tim-kiem/", {"q": "nghị quyết " * 1000})
    assert response.status_code == 200
    assert "Tìm thấy" in text_of(response)


def test_a_script_in_the_query_is_shown_as_text(client, seed):
    html = client.get("/tim-kiem/", {"q": '<script>alert("x")</script>'}).content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize(
    "url",
    [
        "/bai-viet/khong-ton-tai/",
        "/chuyen-muc/khong-ton-tai/",
        "/the/khong-ton-tai/",
        "/su-kien/khong-ton-tai/",
        "/su-kien/khong-ton-tai/lich.ics",
        "/nhan-vat/khong-ton-tai/",
        "/van-ban/khong-ton-tai/",
        "/chuyen-muc/khong-ton-tai/rss/",
        "/luot-xem/999999999/",
        "/khong-co-trang-nay/",
        "/sitemap-khong-co.xml",
    ],
)
def test_unknown_addresses_give_the_vietnamese_404_page(client, seed, url):
    response = client.get(url)
    assert response.status_code in (404, 405)
    if (
        response.status_code == 404
        and "rss" not in url
        and "sitemap" not in url
        and ".ics" not in url
    ):
        assert "Không tìm thấy trang" in response.content.decode()


def test_the_500_page_is_vietnamese_and_needs_no_database(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        html = render_to_string("500.html")
    assert "Hệ thống đang gặp sự cố" in html and '<html lang="vi">' in html


def test_bad_html_in_a_body_is_gone_after_save(seed):
    seed.body = (
        '<p>Giữ lại</p><script>alert(1)</script><img src="x" onerror="alert(1)">'
        '<a href="javascript:alert(1)">liên kết</a>'
    )
    seed.save()
    seed.refresh_from_db()
    assert "<script" not in seed.body and "onerror" not in seed.body
    assert "javascript:" not in seed.body
    assert "<p>Giữ lại</p>" in seed.body and "liên kết" in seed.body
