"""The whole editorial chain in a real browser, each person in their own browser.

An author writes in CKEditor 5 (heading, list, an uploaded picture) and submits; the
editor returns it with a comment; the author fixes it and resubmits; the editor approves
step 1; the leader approves and publishes; a reader finds it on the home page and by
search, with or without diacritics, and sees the fixed text and the pictures.

Everyone signs in through the real sign-in form. At each stop the transition buttons on
the page must be exactly what workflow.rules allows that person.
"""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone
from PIL import Image as PILImage

from accounts.models import User
from accounts.roles import APPROVER, AUTHOR, EDITOR
from articles.models import Article, Category
from tests.browser.conftest import DESKTOP, PHONE, SCREENSHOTS
from workflow import rules, services

PASSWORD = "mat-khau-dai-123"
TITLE = "Tỉnh ủy triển khai chuyển đổi số trong công tác tuyên giáo"
OLD_TEXT = "Số liệu sơ bộ: 250 điểm cầu tham dự."
FIXED_TEXT = "Số liệu chính thức: 252 điểm cầu tham dự."
RETURN_COMMENT = "Số điểm cầu chưa đúng, đề nghị kiểm tra lại với Văn phòng."


@pytest.fixture
def newsroom(live_server, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    settings.DEBUG = False
    Category.objects.create(name="Thời sự")
    return live_server.url


def _person(username: str, full_name: str, role) -> User:
    user = User.objects.create_user(username, password=PASSWORD, full_name=full_name)
    user.groups.add(Group.objects.get(name=role.name))
    return user


def _jpeg(path: Path, colour: tuple[int, int, int]) -> Path:
    """A real (small) photograph-like JPEG: a gradient, so the encoder has work to do."""
    picture = PILImage.new("RGB", (640, 400), colour)
    for x in range(0, 640, 8):
        for y in range(0, 400, 8):
            picture.putpixel((x, y), ((x * 3) % 256, (y * 5) % 256, (x + y) % 256))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=85)
    path.write_bytes(buffer.getvalue())
    return path


def _browser_for(browser):
    """A browser of one's own (a context: no cookies or cache shared with the others)."""
    context = browser.new_context(viewport=DESKTOP, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(20_000)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("dialog", lambda dialog: dialog.accept())
    page.js_errors = errors
    return page


def _sign_in(browser, base_url: str, user: User):
    page = _browser_for(browser)
    page.goto(base_url + "/toa-soan/")
    page.wait_for_url("**/dang-nhap/**")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]:has-text('Đăng nhập')")
    page.wait_for_selector("h1.page-title:has-text('Chào')")
    return page


def _buttons(page) -> list[str]:
    # The side panel comes after CKEditor's (parser-blocking) script: wait for it.
    page.wait_for_selector("#viec-tiep-theo", state="attached")
    return page.eval_on_selector_all(
        "#viec-tiep-theo [data-transition-button]",
        "nodes => nodes.map(n => n.dataset.transitionButton)",
    )


def _allowed(username: str, article: Article) -> list[str]:
    """workflow.rules' answer for this person now, from fresh rows."""
    user = User.objects.get(username=username)
    article = Article.objects.get(pk=article.pk)
    return [action.value for action in rules.allowed_transitions(user, article)]


def _dashboard_box(page, base_url: str, heading_id: str):
    page.goto(base_url + "/toa-soan/")
    return page.locator(f"section[aria-labelledby={heading_id}]")


def _toolbar(page, tooltip: str):
    return page.locator(f".ck-editor__top button[data-cke-tooltip-text='{tooltip}']").first


def _write_body(page, picture: Path) -> None:
    editable = page.locator(".ck-editor__editable")
    editable.click()
    _toolbar(page, "Tiêu đề").click()
    page.locator(".ck-dropdown__panel button:has-text('Tiêu đề mục')").click()
    page.keyboard.type("Những điểm mới của kế hoạch")
    page.keyboard.press("Enter")
    page.keyboard.type(OLD_TEXT)
    page.keyboard.press("Enter")
    _toolbar(page, "Danh sách đánh ký hiệu").click()
    page.keyboard.type("Số hóa tài liệu tuyên truyền")
    page.keyboard.press("Enter")
    page.keyboard.type("Họp trực tuyến đến cấp xã")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # leaves the list
    page.locator(".ck-editor__top input[type=file]").set_input_files(str(picture))
    uploaded = editable.locator("figure.image img[src*='/media/']")
    uploaded.wait_for()
    # Every picture in the body needs a description before the form saves.
    uploaded.click()
    page.locator("button[data-cke-tooltip-text='Đổi chữ alt của ảnh']").click()
    alt_input = page.locator(".ck-text-alternative-form input")
    alt_input.fill("Cán bộ tuyên giáo họp trực tuyến")
    alt_input.press("Enter")
    page.wait_for_function(
        "() => !!document.querySelector('.ck-editor__editable img[alt=\"Cán bộ tuyên giáo họp"
        " trực tuyến\"]')"
    )
    assert (
        page.evaluate(
            "document.querySelector('.ck-editor__editable figure.image img').naturalWidth"
        )
        > 0
    )


def test_an_article_goes_from_author_to_reader(newsroom, browser, tmp_path, screenshot):
    base = newsroom
    author = _person("phongvien", "Nguyễn Văn An", AUTHOR)
    editor = _person("bientap", "Trần Thị Bình", EDITOR)
    leader = _person("lanhdao", "Lê Văn Cường", APPROVER)
    body_picture = _jpeg(tmp_path / "hop-truc-tuyen.jpg", (30, 90, 160))
    cover_picture = _jpeg(tmp_path / "anh-dai-dien.jpg", (160, 40, 30))

    # The author writes and saves a draft.
    writer = _sign_in(browser, base, author)
    writer.click("a.ws-button:has-text('Viết bài mới')")
    writer.wait_for_selector(".ck-editor__editable")
    writer.fill("#id_title", TITLE)
    writer.fill("#id_sapo", "Ban Tuyên giáo Tỉnh ủy đưa họp trực tuyến về tận cấp xã.")
    _write_body(writer, body_picture)
    writer.set_input_files("#id_featured_upload", str(cover_picture))
    writer.fill("#id_featured_alt", "Quang cảnh hội nghị tại điểm cầu tỉnh")
    writer.fill("#id_featured_image_caption", "Hội nghị tại điểm cầu tỉnh")
    writer.fill("#id_featured_image_credit", "Ảnh: Minh Khoa")
    writer.select_option("#id_category", label="Thời sự")
    writer.click("button[type=submit]:has-text('Lưu nháp')")
    writer.wait_for_selector(".ws-message--success")
    article = Article.objects.get()
    content = article.latest_revision.content
    assert content["title"] == TITLE
    assert "<h2>Những điểm mới của kế hoạch</h2>" in content["body"]
    assert "<li>Số hóa tài liệu tuyên truyền</li>" in content["body"]
    assert 'alt="Cán bộ tuyên giáo họp trực tuyến"' in content["body"]
    assert content["featured_image"] is not None
    assert content["featured_image_caption"] == "Hội nghị tại điểm cầu tỉnh"
    assert content["featured_image_credit"] == "Ảnh: Minh Khoa"
    assert _buttons(writer) == _allowed("phongvien", article)
    assert "submit" in _buttons(writer)

    writer.click("[data-transition-button=submit]")
    writer.wait_for_selector(".ws-message--success")
    assert Article.objects.get().status == Article.Status.SUBMITTED
    assert _buttons(writer) == _allowed("phongvien", article) == ["recall"]

    # The editor finds it waiting and returns it with a comment.
    reviewer = _sign_in(browser, base, editor)
    waiting = reviewer.locator("section[aria-labelledby=cho-duyet]")
    waiting.locator(f"a:has-text('{TITLE}')").click()
    reviewer.wait_for_selector("#viec-tiep-theo")
    assert _buttons(reviewer) == _allowed("bientap", article)
    assert {"approve", "return"} <= set(_buttons(reviewer))
    reviewer.click(".tr--return summary")
    reviewer.fill("textarea[name=comment]", RETURN_COMMENT)
    reviewer.click("[data-transition-button=return]")
    reviewer.wait_for_selector(".ws-message--success")
    assert Article.objects.get().status == Article.Status.RETURNED
    assert _buttons(reviewer) == _allowed("bientap", article)

    # The author sees it returned, with the comment, fixes the text and resubmits.
    returned = _dashboard_box(writer, base, "tra-lai")
    assert TITLE in returned.inner_text()
    assert RETURN_COMMENT in returned.inner_text()
    screenshot(writer, "chain-dashboard-author-returned")
    returned.locator(f"a:has-text('{TITLE}')").click()
    writer.wait_for_selector(".ck-editor__editable")
    assert RETURN_COMMENT in writer.inner_text(".ed-status__return")
    assert _buttons(writer) == _allowed("phongvien", article)
    old = writer.locator(".ck-editor__editable p", has_text=OLD_TEXT)
    old.click(click_count=3)
    writer.keyboard.type(FIXED_TEXT)
    writer.click("button[type=submit]:has-text('Lưu và gửi duyệt')")
    writer.wait_for_selector(".ws-message--success")
    article = Article.objects.get()
    assert article.status == Article.Status.SUBMITTED
    body = article.latest_revision.content["body"]
    assert FIXED_TEXT in body and OLD_TEXT not in body
    assert "<h2>Những điểm mới của kế hoạch</h2>" in body

    # Until it is published a reader finds nothing, not even by its exact title.
    reader = _browser_for(browser)
    reader.goto(f"{base}/tim-kiem/?q=chuyen+doi+so+tuyen+giao")
    assert reader.locator(f"main a:has-text('{TITLE}')").count() == 0
    reader.goto(base + "/")
    assert reader.locator(f"a:has-text('{TITLE}')").count() == 0

    # The editor approves step 1.
    waiting = _dashboard_box(reviewer, base, "cho-duyet")
    waiting.locator(f"a:has-text('{TITLE}')").click()
    reviewer.wait_for_selector("#viec-tiep-theo")
    assert _buttons(reviewer) == _allowed("bientap", article)
    # What changed since the editor's return is shown to them.
    assert FIXED_TEXT.split(":")[0] in reviewer.inner_text(".ed-main")
    reviewer.click("[data-transition-button=approve]")
    reviewer.wait_for_selector(".ws-message--success")
    article = Article.objects.get()
    assert article.status == Article.Status.SUBMITTED
    assert _buttons(reviewer) == _allowed("bientap", article) == []

    # The leader approves the last step and publishes now.
    approver = _sign_in(browser, base, leader)
    approver.locator(f"section[aria-labelledby=cho-duyet] a:has-text('{TITLE}')").click()
    approver.wait_for_selector("#viec-tiep-theo")
    assert _buttons(approver) == _allowed("lanhdao", article)
    assert approver.is_checked("input[name=publish_mode][value=now]")
    approver.click("[data-transition-button=approve]")
    approver.wait_for_selector(".ws-message--success")
    article = Article.objects.get()
    assert article.is_public
    assert _buttons(approver) == _allowed("lanhdao", article)
    assert "withdraw" in _buttons(approver)
    recent = _dashboard_box(approver, base, "moi-dang")
    assert TITLE in recent.inner_text()

    # A reader, signed in as nobody, finds it and reads the fixed text with its pictures.
    # (The same pages as before publication: nothing stale is served from a cache.)
    reader.goto(base + "/")
    assert reader.locator(f"a:has-text('{TITLE}')").count() >= 1
    for query in ("chuyển đổi số tuyên giáo", "chuyen doi so tuyen giao"):
        reader.goto(f"{base}/tim-kiem/")
        reader.fill("#search-main", query)
        reader.press("#search-main", "Enter")
        reader.wait_for_url("**/tim-kiem/?q=*")
        assert reader.locator(f"main a:has-text('{TITLE}')").count() >= 1, query
    reader.locator(f"main a:has-text('{TITLE}')").first.click()
    reader.wait_for_selector("h1")
    assert TITLE in reader.inner_text("h1")
    text = reader.inner_text("main")
    assert FIXED_TEXT in text
    assert OLD_TEXT not in text
    assert "Những điểm mới của kế hoạch" in text
    # Pictures may load lazily: bring each into view, then wait until all have loaded.
    for picture in reader.locator("main article img").all():
        picture.scroll_into_view_if_needed()
    reader.wait_for_function(
        "() => [...document.querySelectorAll('main article img')].every(i => i.complete)"
    )
    widths = reader.eval_on_selector_all(
        "main article img",
        "imgs => imgs.map(i => [i.getAttribute('alt'), i.complete && i.naturalWidth])",
    )
    by_alt = dict(widths)
    assert by_alt.get("Cán bộ tuyên giáo họp trực tuyến", 0) > 0, widths
    assert by_alt.get("Quang cảnh hội nghị tại điểm cầu tỉnh", 0) > 0, widths
    assert "Ảnh: Minh Khoa" in text
    for person in (writer, reviewer, approver, reader):
        assert person.js_errors == []
        person.context.close()


def _sign_in_quickly(browser, base_url: str, user: User):
    """A signed-in browser without the sign-in form (the chain test covers the form)."""
    client = Client()
    client.force_login(user)
    page = _browser_for(browser)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base_url}]
    )
    return page


def _fills_every_box() -> dict:
    """One editor's dashboard with something in every box, and an article with history."""
    section = Category.objects.get()
    author = _person("phongvien", "Nguyễn Văn An", AUTHOR)
    editor = _person("bientap", "Trần Thị Bình", EDITOR)
    other_editor = _person("bientap2", "Phạm Quốc Dũng", EDITOR)
    leader = _person("lanhdao", "Lê Văn Cường", APPROVER)

    def new(user, title, body="<p>Nội dung.</p>"):
        return services.create_article(
            user, {"title": title, "category": section.pk, "body": body, "sapo": "Sapo."}
        )

    new(editor, "Bản nháp về công tác giáo dục chính trị tư tưởng quý IV")
    returned = new(editor, "Tổng kết đợt sinh hoạt chính trị về Nghị quyết Trung ương 8")
    services.submit(editor, returned)
    services.return_to_author(
        other_editor,
        returned,
        comment="Đề nghị bổ sung số liệu của các huyện miền núi và ý kiến của đảng viên.",
    )
    reviewed = new(
        author,
        "Hội nghị trực tuyến quán triệt Nghị quyết về chuyển đổi số",
        "<h2>Quang cảnh</h2><p>Hội nghị có 250 điểm cầu.</p><ul><li>Cấp tỉnh</li></ul>"
        "<p>Đoạn giữ nguyên để so sánh.</p>",
    )
    latest = reviewed.latest_revision
    services.save_working_copy(
        author,
        reviewed,
        {
            **latest.content,
            "title": "Hội nghị trực tuyến toàn tỉnh quán triệt Nghị quyết về chuyển đổi số",
            "body": "<h2>Quang cảnh</h2><p>Hội nghị có 252 điểm cầu, đến tận cấp xã.</p>"
            "<ul><li>Cấp tỉnh</li><li>Cấp xã</li></ul><p>Đoạn giữ nguyên để so sánh.</p>",
        },
        base_revision_id=latest.pk,
    )
    services.submit(author, reviewed)
    for title, when in (
        (
            "Lịch tiếp công dân của Thường trực Tỉnh ủy tháng tới",
            timezone.now() + timedelta(days=2),
        ),
        ("Ra mắt chuyên trang bảo vệ nền tảng tư tưởng của Đảng", None),
    ):
        article = new(author, title)
        services.submit(author, article)
        services.approve(editor, article)
        services.approve(leader, article, publish_at=when)
    return {"editor": editor, "reviewed": Article.objects.get(pk=reviewed.pk)}


def _no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_workspace_pages_at_desktop_and_phone_width(newsroom, browser, screenshot):
    base = newsroom
    made = _fills_every_box()
    article = made["reviewed"]
    page = _sign_in_quickly(browser, base, made["editor"])
    pages = {
        "dashboard": "/toa-soan/",
        "editor": f"/toa-soan/bai-viet/{article.pk}/",
        "history": f"/toa-soan/bai-viet/{article.pk}/lich-su/",
        "compare": f"/toa-soan/bai-viet/{article.pk}/so-sanh/?a=1&b=2",
        "compare-unified": f"/toa-soan/bai-viet/{article.pk}/so-sanh/?a=1&b=2&xem=gop",
        "preview": f"/toa-soan/bai-viet/{article.pk}/phien-ban/2/xem-truoc/",
        "articles": "/toa-soan/bai-viet/",
        "notifications": "/toa-soan/thong-bao/",
    }
    page.goto(base + pages["dashboard"])
    for box in ("cho-duyet", "tra-lai", "nhap", "thong-bao", "hen-gio", "moi-dang"):
        assert page.locator(f"section[aria-labelledby={box}] .row").count() >= 1, box
    for size_name, size in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(size)
        for name, path in pages.items():
            page.goto(base + path)
            page.wait_for_load_state("load")
            screenshot(page, f"look-{name}-{size_name}")
            assert _no_sideways_scroll(page), f"{name} scrolls sideways at {size_name} width"
    # The editor as seen on a phone, sticky save bar and all (a full-page picture puts
    # the bar in the middle of the form).
    page.goto(base + pages["editor"])
    page.wait_for_load_state("load")
    page.screenshot(path=str(SCREENSHOTS / "look-editor-phone-viewport.png"))
    assert page.js_errors == []
    page.context.close()
