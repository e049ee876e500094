"""What readers must never reach: articles that are not public, and the new unapproved
version of one that is, through any door of the public site.

The articles are put in their states by workflow.services, as the newsroom does: a
draft, one awaiting review, one returned, one approved and waiting, one scheduled for
tomorrow, one published then withdrawn (its pages fetched while it was public, so the
page cache held them), and a published one whose next version waits for approval.
Each carries a word found nowhere else; the doors are the article address and its
old addresses, ids, listings, feeds, sitemaps, search, JSON-LD, related articles, the
pages of its events, people and documents, its pictures, the workspace's previews,
and share links that are wrong, expired, altered or revoked.

Also here: signing in and resetting a password tell nobody which accounts exist, and
a staff session ends SESSION_COOKIE_AGE after sign-in however busy it was.
"""

from __future__ import annotations

import io
import json
import re
from datetime import timedelta
from types import SimpleNamespace
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from PIL import Image as PILImage

from accounts.models import User
from accounts.roles import APPROVER, AUTHOR, EDITOR
from articles.models import Article, Event, Participant, Resolution, Tag
from images.services import store_image
from workflow import services
from workflow.models import ShareLink
from workspace import sharing

PASSWORD = "mat-khau-dai-123"
Status = Article.Status

# One word per article, found nowhere else (no diacritics, so search folds nothing).
MARKERS = {
    "draft": "quyhoachnhap",
    "submitted": "quyhoachcho",
    "returned": "quyhoachtra",
    "approved": "quyhoachduyet",
    "scheduled": "quyhoachhen",
    "withdrawn": "quyhoachgo",
    "new_version": "quyhoachmoi",
}


def _user(username, role):
    user = User.objects.create_user(
        username, f"{username}@example.vn", PASSWORD, is_staff=True, full_name=username
    )
    user.groups.add(Group.objects.get(name=role.name))
    return user


def _picture(name: str):
    buffer = io.BytesIO()
    PILImage.new("RGB", (400, 300), (163, 23, 27)).save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def _content(category, marker: str, links, image) -> dict:
    return {
        "title": f"Đề án {marker} về nhân sự",
        "slug": f"{marker}-ban-dau",
        "sapo": f"Sapo {marker} chưa được duyệt.",
        "body": f"<p>Nội dung {marker} chưa công bố.</p>",
        "category": category.pk,
        "featured_image": image.pk,
        **links,
    }


@pytest.fixture
def doors(db, category, media_root):
    author, editor, approver = (
        _user("phongvien", AUTHOR),
        _user("bientap", EDITOR),
        _user("lanhdao", APPROVER),
    )
    event = Event.objects.create(
        title="Hội nghị sơ kết công tác tuyên giáo",
        starts_at=timezone.now() - timedelta(days=3),
    )
    person = Participant.objects.create(full_name="Trương Quốc Huy", positions="Chủ tịch UBND")
    document = Resolution.objects.create(
        number="57-NQ/TW", doc_type=Resolution.DocType.RESOLUTION, subject="Về đột phá"
    )
    shared_tag = Tag.objects.create(name="Công tác cán bộ")
    links = {
        "events": [event.pk],
        "participants": [person.pk],
        "resolutions": [document.pk],
        "tags": [shared_tag.pk],
    }

    def publish(article, **kwargs):
        services.submit(author, article)
        services.approve(editor, article)
        services.approve(approver, article, **kwargs)

    # A public article on the same event, person, document, tag and section: its page
    # has a related-articles box and JSON-LD, where a secret might slip in.
    public = services.create_article(
        author,
        {
            "title": "Tin công khai về hội nghị sơ kết",
            "sapo": "Đoạn dẫn công khai.",
            "body": "<p>Nội dung công khai.</p>",
            "category": category.pk,
            **links,
        },
    )
    publish(public)

    client = Client()
    made, images = {}, []
    for state, marker in MARKERS.items():
        image = store_image(_picture(f"anh-{marker}.jpg"), alt_text=f"Ảnh {marker}", user=author)
        images.append(image)
        secret_tag = Tag.objects.create(name=f"Thẻ {marker}")
        if state == "new_version":
            continue
        article = services.create_article(
            author,
            _content(category, marker, {**links, "tags": [shared_tag.pk, secret_tag.pk]}, image),
        )
        # Renamed while a draft: its first address is now an old slug.
        services.save_working_copy(
            author,
            article,
            {"slug": f"{marker}-doi-ten"},
            base_revision_id=article.latest_revision_id,
        )
        made[state] = article

    services.submit(author, made["submitted"])
    services.submit(author, made["returned"])
    services.return_to_author(editor, made["returned"], comment="Chưa đăng được.")
    tomorrow = timezone.now() + timedelta(days=1)
    publish(made["scheduled"], publish_at=tomorrow)
    publish(made["approved"], publish_at=tomorrow)
    services.unschedule(approver, made["approved"])

    # Published, read (so the page cache holds its pages), then withdrawn.
    withdrawn = made["withdrawn"]
    publish(withdrawn)
    etags = {}
    for url in (withdrawn.get_absolute_url(), "/", "/rss/", "/sitemap-bai-viet.xml"):
        response = client.get(url)
        assert MARKERS["withdrawn"] in response.content.decode(), url
        etags[url] = response["ETag"]
    services.withdraw(approver, withdrawn, reason="Sai số liệu.")

    # Published, then a new version saved and sent for review, with a new title, slug,
    # picture, tag and event.
    marker = MARKERS["new_version"]
    live = services.create_article(
        author,
        {
            "title": "Tin đã xuất bản, bản cũ",
            "sapo": "Sapo bản đang công khai.",
            "body": "<p>Nội dung bản đang công khai.</p>",
            "category": category.pk,
            **links,
        },
    )
    publish(live)
    other_event = Event.objects.create(
        title="Hội thảo chưa có bài công khai", starts_at=timezone.now() - timedelta(days=1)
    )
    new_tag = Tag.objects.get(name=f"Thẻ {marker}")
    services.save_working_copy(
        author,
        live,
        {
            **_content(category, marker, links, images[-1]),
            "slug": f"{marker}-doi-ten",
            "tags": [shared_tag.pk, new_tag.pk],
            "events": [event.pk, other_event.pk],
        },
        base_revision_id=live.latest_revision_id,
    )
    services.submit(author, live)
    made["new_version"] = live

    for article in made.values():
        article.refresh_from_db()
    assert {k: a.status for k, a in made.items()} == {
        "draft": Status.DRAFT,
        "submitted": Status.SUBMITTED,
        "returned": Status.RETURNED,
        "approved": Status.APPROVED,
        "scheduled": Status.PUBLISHED,
        "withdrawn": Status.WITHDRAWN,
        "new_version": Status.SUBMITTED,
    }
    assert made["scheduled"].is_scheduled and made["new_version"].is_public
    return SimpleNamespace(
        author=author,
        editor=editor,
        approver=approver,
        articles=made,
        public=public,
        live=live,
        event=event,
        other_event=other_event,
        person=person,
        document=document,
        shared_tag=shared_tag,
        category=category,
        images=images,
        withdrawn_etags=etags,
    )


def _secrets(doors) -> list[str]:
    """Every string that would show a non-public article: its words, its slugs, the
    names of its pictures."""
    found = list(MARKERS.values())
    for image in doors.images:
        found.append(image.file.name.rsplit("/", 1)[-1])
        for by_width in image.renditions.values():
            found += [name.rsplit("/", 1)[-1] for name in by_width.values()]
    return found


def _leaks(body: str, doors) -> list[str]:
    return [secret for secret in _secrets(doors) if secret in body]


def _public_urls(doors) -> list[str]:
    urls = [
        "/",
        doors.category.get_absolute_url(),
        reverse("public:category-feed", kwargs={"slug": doors.category.slug}),
        "/rss/",
        "/sitemap.xml",
        *(f"/sitemap-{s}.xml" for s in ("trang", "bai-viet", "chuyen-muc", "su-kien")),
        "/sitemap-nhan-vat.xml",
        "/sitemap-van-ban.xml",
        doors.public.get_absolute_url(),
        doors.live.get_absolute_url(),
        doors.shared_tag.get_absolute_url(),
        doors.event.get_absolute_url(),
        doors.other_event.get_absolute_url(),
        reverse("public:event-ics", kwargs={"slug": doors.event.slug}),
        "/su-kien/",
        "/su-kien/lich.ics",
        doors.person.get_absolute_url(),
        "/nhan-vat/",
        doors.document.get_absolute_url(),
        "/van-ban/",
        "/robots.txt",
    ]
    return urls


def test_no_listing_feed_sitemap_or_linked_page_shows_them(client, doors):
    for url in _public_urls(doors):
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert not _leaks(body, doors), (url, _leaks(body, doors))


def test_search_finds_none_of_them(client, doors):
    for state, marker in MARKERS.items():
        queries = [marker, f"Đề án {marker} về nhân sự", f"Sapo {marker}", f"Nội dung {marker}"]
        for query in queries:
            for kind in ("bai-viet", "su-kien", "nhan-vat", "van-ban"):
                response = client.get("/tim-kiem/", {"q": query, "loai": kind})
                assert response.status_code == 200
                page = response.context["page"]
                assert not list(page.object_list), (state, query, kind)
                # The page repeats the query; it shows nothing else of the article.
                body = response.content.decode()
                for secret in (f"{marker}-doi-ten", f"{marker}-ban-dau", f"Sapo {marker} chưa"):
                    assert secret not in body, (state, query, kind)
    # The same search finds the public article: the search itself works.
    response = client.get("/tim-kiem/", {"q": "hội nghị sơ kết"})
    assert [a.pk for a in response.context["page"].object_list] == [doors.public.pk]
    # The pages did list what is public: the walk looked at real pages.
    assert doors.public.title in client.get("/rss/").content.decode()
    assert doors.public.slug in client.get("/sitemap-bai-viet.xml").content.decode()
    assert "Tin đã xuất bản, bản cũ" in client.get(doors.event.get_absolute_url()).content.decode()


def test_the_article_addresses_old_and_new_answer_404(client, doors):
    for state, marker in MARKERS.items():
        for slug in (f"{marker}-ban-dau", f"{marker}-doi-ten"):
            if state == "new_version" and slug.endswith("ban-dau"):
                continue
            response = client.get(f"/bai-viet/{slug}/")
            # Not a redirect to the new address either: that would tell the new slug.
            assert response.status_code == 404, (state, slug, response.status_code)
            assert not _leaks(response.content.decode(), doors), (state, slug)


def test_a_reader_holding_the_withdrawn_pages_is_not_told_they_are_still_good(client, doors):
    """A browser (or a proxy) revalidating its copy with If-None-Match gets the new
    answer, never a 304 that would keep the withdrawn article on its screen."""
    for url, etag in doors.withdrawn_etags.items():
        response = client.get(url, HTTP_IF_NONE_MATCH=etag)
        assert response.status_code != 304, url
        assert MARKERS["withdrawn"] not in response.content.decode(), url
    assert client.get(doors.articles["withdrawn"].get_absolute_url()).status_code == 404


def test_tags_only_unpublished_articles_carry_have_no_public_page(client, doors):
    for marker in MARKERS.values():
        tag = Tag.objects.get(name=f"Thẻ {marker}")
        response = client.get(tag.get_absolute_url())
        assert response.status_code == 404, marker
        assert marker not in response.content.decode()
    # A tag a public article carries keeps its page.
    assert client.get(doors.shared_tag.get_absolute_url()).status_code == 200


def test_the_public_version_stays_while_a_new_one_waits(client, doors):
    live = doors.live
    html = client.get(live.get_absolute_url()).content.decode()
    assert "Tin đã xuất bản, bản cũ" in html and "Nội dung bản đang công khai." in html
    assert not _leaks(html, doors)
    # Its JSON-LD describes the public version too.
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert blocks, "the article page carries JSON-LD"
    data = json.loads(blocks[0])
    assert data["headline"] == "Tin đã xuất bản, bản cũ"
    assert "image" not in data  # the new picture is not approved yet
    assert doors.other_event.title not in json.dumps(data, ensure_ascii=False)
    # The event only the new version links to lists no article.
    event_page = client.get(doors.other_event.get_absolute_url()).content.decode()
    assert live.get_absolute_url() not in event_page


def test_ids_lead_nowhere(client, doors):
    ct = ContentType.objects.get_for_model(Article)
    for state, article in doors.articles.items():
        before = Article.objects.get(pk=article.pk).view_count
        # The reading counter answers the same for any id and counts only public ones
        # (the article with a new version waiting is public: its readings count).
        assert client.post(f"/luot-xem/{article.pk}/").status_code == 204
        assert client.post("/luot-xem/987654/").status_code == 204
        counted = Article.objects.get(pk=article.pk).view_count - before
        assert counted == (1 if state == "new_version" else 0), state
        # The admin's "view on site" redirect is the admin's: sign in first.
        response = client.get(f"/quan-tri/r/{ct.pk}/{article.pk}/")
        assert response.status_code == 302
        assert response["Location"].startswith("/quan-tri/login/")
        # A share-link address with an id in place of a token.
        assert client.get(f"/xem-truoc/{article.pk}/").status_code == 404


def test_previews_history_and_comparisons_need_signing_in(client, doors):
    for state, article in doors.articles.items():
        number = article.latest_revision.number
        for url in (
            reverse("workspace:article-preview", kwargs={"pk": article.pk, "number": number}),
            reverse("workspace:article-preview", kwargs={"pk": article.pk, "number": 1}),
            reverse("workspace:article-history", kwargs={"pk": article.pk}),
            reverse("workspace:article-compare", kwargs={"pk": article.pk}) + "?a=1&b=2",
            reverse("workspace:article-edit", kwargs={"pk": article.pk}),
            reverse("extraction:article", kwargs={"pk": article.pk}),
        ):
            response = client.get(url)
            assert response.status_code in (302, 401), (state, url)
            if response.status_code == 302:
                assert response["Location"].startswith("/toa-soan/dang-nhap/?next=")
            assert not _leaks(response.content.decode(), doors), (state, url)


def test_pictures_of_unpublished_articles_have_unguessable_names(client, doors):
    """Uploads are served from MEDIA_URL by the web server without asking Django, so a
    draft's picture is only as private as its name: 128 random bits, nothing of the
    uploader's file name, nothing in common between two uploads."""
    names = []
    for image in doors.images:
        names.append(image.file.name)
        for by_width in image.renditions.values():
            names += list(by_width.values())
    assert len(names) == len(set(names))
    pattern = re.compile(r"^images/(original|renditions)/[0-9a-f]{32}\.(jpg|png|webp)$")
    for name in names:
        assert pattern.match(name), name
        assert "anh-" not in name and "quyhoach" not in name
    stems = [re.search(r"([0-9a-f]{32})", name)[1] for name in names]
    # Not a counter or a timestamp: the names share no long prefix.
    assert len({stem[:6] for stem in stems}) == len(stems)
    # And no public page names them (checked with every other secret above); the
    # original of a never-published picture is not linked from the public article either.
    html = client.get(doors.live.get_absolute_url()).content.decode()
    assert doors.images[-1].file.name not in html


# Share links ---------------------------------------------------------------------------------


@pytest.fixture
def link(doors):
    article = doors.articles["draft"]
    made = sharing.create_link(doors.author, article, lifetime=timedelta(hours=2))
    return made, sharing.url_for(made)


def _refused(response, doors, status):
    assert response.status_code == status
    body = response.content.decode()
    assert not _leaks(body, doors)
    assert "Đề án" not in body
    assert response["Cache-Control"] == "private, no-store"


def test_a_valid_share_link_shows_the_draft(client, doors, link):
    _made, url = link
    response = client.get(url)
    assert response.status_code == 200
    assert MARKERS["draft"] in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex"


def test_bad_and_tampered_share_links_show_nothing(client, doors, link):
    made, url = link
    token = url.strip("/").split("/")[-1]
    other = sharing.create_link(
        doors.editor, doors.articles["submitted"], lifetime=timedelta(hours=2)
    )
    other_token = sharing.token_for(other)
    payload, signature = token.rsplit(":", 1)
    other_payload = other_token.rsplit(":", 1)[0]
    flipped = signature[:-1] + ("A" if signature[-1] != "A" else "B")
    attempts = [
        "khong-phai-lien-ket",
        f"{payload}:{flipped}",
        f"{other_payload}:{signature}",  # another link's id under this link's signature
        f"{payload}:",
        payload,
        signing.dumps({"link": made.pk}, salt="another.salt"),
        signing.dumps({"link": made.pk}, salt=sharing.SALT, key="x" * 50),
        signing.dumps({"link": str(made.pk) + "0"}, salt=sharing.SALT),
        signing.dumps({"khac": made.pk}, salt=sharing.SALT),
        signing.dumps([made.pk], salt=sharing.SALT),
    ]
    for attempt in attempts:
        _refused(client.get(f"/xem-truoc/{attempt}/"), doors, 404)
    # The genuine token still works after all that.
    assert client.get(url).status_code == 200


def test_expired_and_revoked_share_links_show_nothing(client, doors, link):
    made, url = link
    ShareLink.objects.filter(pk=made.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    _refused(client.get(url), doors, 410)
    ShareLink.objects.filter(pk=made.pk).update(expires_at=timezone.now() + timedelta(hours=1))
    assert client.get(url).status_code == 200
    sharing.revoke_link(doors.author, doors.articles["draft"], made)
    _refused(client.get(url), doors, 410)


# Who has an account ----------------------------------------------------------------------------

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def _page(response, username: str = "") -> str:
    """The page without what differs by design: the CSRF token, the username typed."""
    html = CSRF.sub("", response.content.decode())
    return html.replace(f'value="{username}"', 'value=""') if username else html


WRONG_PASSWORD = "sai-mat-khau"  # what an attacker types


def _sign_in(username, password=WRONG_PASSWORD, ip="203.0.113.7"):
    client = Client()
    response = client.post(
        reverse("accounts:login"), {"username": username, "password": password}, REMOTE_ADDR=ip
    )
    return response


def test_signing_in_does_not_tell_which_usernames_exist(db):
    _user("phongvien", AUTHOR)
    known, unknown = _sign_in("phongvien"), _sign_in("khongtontai")
    assert known.status_code == unknown.status_code == 200
    assert _page(known, "phongvien") == _page(unknown, "khongtontai")
    # Locked out alike after five wrong passwords, with the same page.
    for _ in range(4):
        _sign_in("phongvien", ip="203.0.113.8")
        _sign_in("khongtontai", ip="203.0.113.8")
    known, unknown = (
        _sign_in("phongvien", ip="203.0.113.8"),
        _sign_in("khongtontai", ip="203.0.113.8"),
    )
    assert known.status_code == unknown.status_code == 429
    assert _page(known, "phongvien") == _page(unknown, "khongtontai")
    assert "Tạm khóa đăng nhập" in _page(known)


def test_a_password_reset_does_not_tell_which_addresses_exist(db, mailoutbox):
    _user("phongvien", AUTHOR)
    url = reverse("accounts:password_reset")
    answers = [Client().post(url, {"email": e}) for e in ("phongvien@example.vn", "ai@example.vn")]
    assert [a.status_code for a in answers] == [302, 302]
    assert answers[0]["Location"] == answers[1]["Location"]
    pages = [Client().get(a["Location"]) for a in answers]
    assert _page(pages[0]) == _page(pages[1])
    assert len(mailoutbox) == 1


def test_a_staff_session_ends_its_age_after_sign_in_however_busy(db):
    user = _user("phongvien", AUTHOR)
    client = Client()
    start = timezone.now()
    with mock.patch("django.utils.timezone.now", return_value=start):
        response = client.post(
            reverse("accounts:login"), {"username": "phongvien", "password": PASSWORD}
        )
        assert response.status_code == 302
    age = timedelta(seconds=settings.SESSION_COOKIE_AGE)
    assert age <= timedelta(hours=12), "a working day, not weeks"
    dashboard = reverse("workspace:dashboard")
    # Busy all day: pages read, forms posted (a message stored), the password page seen.
    for minutes in range(30, int(age.total_seconds() // 60), 90):
        with mock.patch(
            "django.utils.timezone.now", return_value=start + timedelta(minutes=minutes)
        ):
            assert client.get(dashboard).status_code == 200, minutes
            assert (
                client.post(reverse("workspace:notifications-read"), {"all": "1"}).status_code
                == 302
            )
            assert client.get(reverse("accounts:password_change")).status_code == 200
    with mock.patch("django.utils.timezone.now", return_value=start + age + timedelta(minutes=1)):
        response = client.get(dashboard)
        assert response.status_code == 302
        assert response["Location"].startswith("/toa-soan/dang-nhap/?next=")
    assert user.pk  # the account itself is untouched
