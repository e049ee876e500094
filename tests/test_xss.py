"""Every way text enters, every page that shows it: no injected markup ever runs.

Each vector of tests/xss_vectors.py goes into every text field of an article, its
event, people, documents, section and tag, and into the search box; every public page
and the admin pages that show them must then contain no active markup beyond the
site's own.
"""

from __future__ import annotations

import json
import re
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.utils import timezone

from accounts.models import User
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
from core.html import sanitize_html
from tests.xss_vectors import LEGITIMATE_BODY, VECTORS

URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "data",
    "poster",
    "background",
    "srcset",
    "ping",
    "cite",
    "longdesc",
    "codebase",
}
NEVER_ON_OUR_PAGES = {
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "base",
    "frame",
    "frameset",
    "applet",
    "template",
    "noscript",
    "xmp",
    "plaintext",
}
OWN_SCRIPTS = ("/static/", "/quan-tri/jsi18n/")
DANGEROUS_SCHEMES = re.compile(r"^\s*(javascript|vbscript|data|livescript|mocha):", re.I)


class ActiveMarkupFinder(HTMLParser):
    """Collects every piece of markup that could run script or load from elsewhere,
    except the site's own scripts (/static/…) and JSON-LD data blocks."""

    def __init__(self, *, allow_style_elements=False):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.allow_style_elements = allow_style_elements
        self._jsonld = False
        self._jsonld_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script":
            if attributes.get("type") in ("application/ld+json", "application/json"):
                # Data blocks (JSON-LD, Django's json_script): never executed.
                self._jsonld = True
            elif not (attributes.get("src") or "").startswith(OWN_SCRIPTS):
                self.problems.append(f"<script {attrs}>")
        if tag in NEVER_ON_OUR_PAGES:
            self.problems.append(f"<{tag}>")
        if tag == "style" and not self.allow_style_elements:
            self.problems.append("<style>")
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            self.problems.append("<meta http-equiv=refresh>")
        for name, value in attrs:
            name = name.lower()
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            if name == "style" and not self.allow_style_elements:
                self.problems.append(f"<{tag} style=…>")
            if name in URL_ATTRIBUTES and value:
                cleaned = "".join(ch for ch in value if ch >= " " or ch in "\t")
                for candidate in cleaned.split(","):
                    if DANGEROUS_SCHEMES.match(candidate.replace("\t", "")):
                        self.problems.append(f"<{tag} {name}={value!r}>")

    def handle_endtag(self, tag):
        if tag == "script" and self._jsonld:
            text = "".join(self._jsonld_text)
            try:
                json.loads(text)
            except ValueError:
                self.problems.append("JSON-LD that is not JSON")
            if "</" in text:
                self.problems.append("JSON-LD containing a closing tag")
            self._jsonld, self._jsonld_text = False, []

    def handle_data(self, data):
        if self._jsonld:
            self._jsonld_text.append(data)


def active_markup(html: str, **options) -> list[str]:
    finder = ActiveMarkupFinder(**options)
    finder.feed(html)
    finder.close()
    return finder.problems


@pytest.fixture
def admin_user(db):
    return User.objects.create_superuser("quantri", "qt@example.vn", "mat-khau-dai-123")


def fill_everything_with(text: str) -> dict:
    """An article with its event, people, documents, section and tag, every text field
    carrying text, as an editor could type it in the admin or an import could bring it."""
    now = timezone.now()
    organization = Organization.objects.create(name=f"Cơ quan {text}"[:200])
    section = Category.objects.create(name=f"Chuyên mục {text}"[:120], description=text)
    tag = Tag.objects.create(name=f"Thẻ {text}"[:100])
    person = Participant.objects.create(
        full_name=f"Người {text}"[:150], positions=text, bio=text, organization=organization
    )
    document = Resolution.objects.create(
        number=f"57-NQ/TW{hash(text) % 10**6}"[:60],
        title=text[:300],
        subject=text,
        summary=text,
        issuer=organization,
        in_focus=True,
    )
    event = Event.objects.create(
        title=f"Hội nghị {text}"[:300],
        description=text,
        venue=text[:300],
        broadcast=text[:200],
        attendance=44881,
        attendance_note=text[:200],
        starts_at=now + timedelta(days=3),
    )
    point = BridgePoint.objects.create(
        event=event,
        level=BridgePoint.Level.PROVINCIAL,
        count=1,
        area=text[:150],
        location=text[:300],
    )
    EventParticipant.objects.create(
        event=event,
        participant=person,
        position_at_time=text[:300],
        note=text[:300],
        bridge_point=point,
    )
    event.organizers.add(organization)
    event.resolutions.add(document)
    article = Article.objects.create(
        title=text[:300],
        sapo=text,
        body=f"<p>{text}</p>",
        byline=text[:300],
        featured_image_caption=text[:500],
        featured_image_credit=text[:200],
        category=section,
        status=Article.Status.PUBLISHED,
        published_at=now - timedelta(minutes=5),
        is_featured=True,
    )
    article.tags.add(tag)
    article.events.add(event)
    article.participants.add(person)
    article.resolutions.add(document)
    return {
        "article": article,
        "section": section,
        "tag": tag,
        "person": person,
        "document": document,
        "event": event,
    }


def public_urls(records) -> list[str]:
    return [
        "/",
        records["article"].get_absolute_url(),
        records["section"].get_absolute_url(),
        records["tag"].get_absolute_url(),
        records["event"].get_absolute_url(),
        records["person"].get_absolute_url(),
        records["document"].get_absolute_url(),
        "/su-kien/",
        "/nhan-vat/",
        "/van-ban/",
        "/tim-kiem/?q=nghi+quyet+57",
        "/tim-kiem/?q=nghi+quyet&loai=van-ban",
        "/tim-kiem/?q=hoi+nghi&loai=su-kien",
        "/tim-kiem/?q=nguoi&loai=nhan-vat",
    ]


@pytest.mark.parametrize("vector", VECTORS, ids=range(len(VECTORS)))
def test_no_vector_survives_on_any_public_page(client, db, vector):
    records = fill_everything_with(vector)
    assert "<script" not in records["article"].body.lower()
    for url in public_urls(records):
        response = client.get(url)
        assert response.status_code == 200, url
        assert active_markup(response.content.decode()) == [], url


@pytest.mark.parametrize("vector", VECTORS, ids=range(len(VECTORS)))
def test_the_search_box_echo_is_inert(client, db, vector):
    response = client.get("/tim-kiem/", {"q": vector})
    assert response.status_code == 200
    assert active_markup(response.content.decode()) == []


@pytest.mark.parametrize("vector", VECTORS[::5], ids=range(0, len(VECTORS), 5))
def test_no_vector_survives_on_the_admin_pages(client, admin_user, vector):
    records = fill_everything_with(vector)
    client.force_login(admin_user)
    urls = [
        "/quan-tri/articles/article/",
        f"/quan-tri/articles/article/{records['article'].pk}/change/",
        "/quan-tri/articles/participant/",
        f"/quan-tri/articles/participant/{records['person'].pk}/change/",
        f"/quan-tri/articles/resolution/{records['document'].pk}/change/",
        f"/quan-tri/articles/event/{records['event'].pk}/change/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        # The admin draws its icons with inline SVG and styles some elements inline;
        # what matters is that the vector brought no markup of its own.
        problems = [
            p
            for p in active_markup(response.content.decode(), allow_style_elements=True)
            if p not in ("<svg>",)
        ]
        assert problems == [], url


def test_legitimate_formatting_survives_intact():
    cleaned = sanitize_html(LEGITIMATE_BODY)
    for fragment in (
        "<h2>Những nội dung cốt lõi</h2>",
        "<strong>Tô Lâm</strong>",
        "<em>đặc biệt quan trọng</em>",
        '<a href="https://chinhphu.vn/nghi-quyet-57" rel="noopener noreferrer">Nghị quyết 57-NQ/TW</a>',
        "<ul><li>Hoàn thiện thể chế</li><li>Phát triển hạ tầng số</li></ul>",
        "<ol><li>Năm 2025</li><li>Năm 2030</li></ol>",
        "<blockquote><p>Khoa học, công nghệ là đột phá quan trọng hàng đầu.</p></blockquote>",
        '<figure class="image"><img src="/media/images/renditions/anh.jpg" alt="Hội trường">'
        "<figcaption>Hội trường UBND tỉnh</figcaption></figure>",
        "<td>Cấp cơ sở</td><td>251</td>",
    ):
        assert fragment in cleaned, fragment


def test_the_finder_itself_catches_what_it_should():
    """The checker above must not be a test that cannot fail."""
    assert active_markup("<p onclick=alert(1)>x</p>")
    assert active_markup('<a href=" JaVaScRiPt:alert(1)">x</a>')
    assert active_markup("<script>alert(1)</script>")
    assert active_markup("<svg><circle/></svg>")
    assert active_markup('<img src="data:image/svg+xml;base64,AAAA">')
    assert not active_markup('<script src="/static/js/site.js" defer></script>')
    assert active_markup('<script type="application/ld+json">not json</script>')
