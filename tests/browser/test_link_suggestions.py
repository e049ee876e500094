"""The "Gợi ý liên kết" panel in a real browser: an editor pastes the seed article, saves,
links the resolution already on record and creates the event from the panel, each in at
most two clicks; once published, the public page links both. Screenshots of the editor
with the panel at desktop and phone widths go to test-artifacts/screenshots/."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from accounts.models import User
from accounts.roles import APPROVER, EDITOR
from articles.models import Article, Category, Event, Resolution
from tests.browser.conftest import DESKTOP, PHONE, SCREENSHOTS
from tests.conftest import SEED_PARAGRAPHS, SEED_SAPO, SEED_TITLE
from workflow import services

PASSWORD = "mat-khau-dai-123"
SEED_HTML = "".join(f"<p>{p}</p>" for p in SEED_PARAGRAPHS)

# CKEditor 5 reads a paste from the DOM "paste" event's clipboard data, as when an
# editor pastes from a word processor or a web page.
PASTE = """(html) => {
  const editable = document.querySelector('.ck-editor__editable');
  editable.focus();
  const data = new DataTransfer();
  data.setData('text/html', html);
  data.setData('text/plain', html.replace(/<[^>]+>/g, '\\n'));
  editable.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
}"""


@pytest.fixture
def newsroom(live_server, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    settings.DEBUG = False
    Category.objects.create(name="Thời sự")
    Resolution.objects.create(
        number="57-NQ/TW",
        doc_type="nghi_quyet",
        subject="về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
    )
    return live_server.url


def _person(username: str, role) -> User:
    user = User.objects.create_user(username, password=PASSWORD, full_name=username.title())
    user.groups.add(Group.objects.get(name=role.name))
    return user


def _sign_in(browser, base_url: str, user: User):
    context = browser.new_context(viewport=DESKTOP, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.js_errors = []
    page.on("pageerror", lambda exc: page.js_errors.append(str(exc)))
    page.goto(base_url + "/toa-soan/")
    page.wait_for_url("**/dang-nhap/**")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]:has-text('Đăng nhập')")
    page.wait_for_selector("h1.page-title:has-text('Chào')")
    return page


def _no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_link_and_create_from_the_panel_then_the_public_page_links_them(
    browser, newsroom, screenshot
):
    base = newsroom
    writer_user = _person("bientap", EDITOR)
    page = _sign_in(browser, base, writer_user)

    # A new article: the seed pasted into the title, the sapo and CKEditor's body.
    page.goto(base + "/toa-soan/bai-viet/moi/")
    page.wait_for_selector(".ck-editor__editable")
    page.fill("#id_title", SEED_TITLE)
    page.fill("#id_sapo", SEED_SAPO)
    page.evaluate(PASTE, SEED_HTML)
    page.wait_for_selector(".ck-editor__editable p:has-text('44.881 đảng viên')")
    page.select_option("#id_category", label="Thời sự")
    page.click("button[type=submit]:has-text('Lưu nháp')")
    page.wait_for_selector(".ws-message--success")
    article = Article.objects.get()
    assert "Nghị quyết số 57-NQ/TW" in article.latest_revision.content["body"]

    panel = page.locator("#goi-y-lien-ket")
    panel.wait_for()
    for heading in ("Văn bản", "Người tham gia", "Sự kiện"):
        assert panel.locator(".lsp__group-title", has_text=heading).count() == 1
    assert panel.locator("mark", has_text="Nghị quyết số 57-NQ/TW").count() == 1
    assert panel.locator(".lsp-item__label", has_text="Trương Quốc Huy").count() == 1

    # Linking the resolution on record: one click.
    page.click("#goi-y-lien-ket button[aria-label='Liên kết Nghị quyết 57-NQ/TW']")
    page.wait_for_selector(".ws-message--success:has-text('Đã liên kết văn bản')")
    nq57 = Resolution.objects.get(number="57-NQ/TW")
    article.refresh_from_db()
    assert article.latest_revision.content["resolutions"] == [nq57.pk]

    # Creating the event: open the prefilled form, save it. Two clicks.
    page.click("#goi-y-lien-ket [data-finding=event] a[data-create-action]")
    page.wait_for_selector("h1.page-title:has-text('Tạo sự kiện mới')")
    assert page.input_value("#id_f-date") == "2025-01-13"
    assert page.input_value("#id_f-kind") == "hoi_nghi"
    screenshot(page, "link-suggestions-create-event")
    page.click("button[type=submit]:has-text('Lưu và liên kết')")
    page.wait_for_selector(".ws-message--success:has-text('Đã tạo sự kiện')")
    event = Event.objects.get()
    article.refresh_from_db()
    assert article.latest_revision.content["events"] == [event.pk]
    assert nq57 in event.resolutions.all()
    assert panel.locator(".lsp-badge--linked").count() >= 2

    # The panel beside the editor on a desk, below it on a phone; never sideways scroll.
    page.locator("#goi-y-lien-ket").scroll_into_view_if_needed()
    assert _no_sideways_scroll(page)
    box_main = page.locator(".ed-main").bounding_box()
    box_panel = panel.bounding_box()
    assert box_panel["x"] >= box_main["x"] + box_main["width"]
    screenshot(page, "link-suggestions-desktop")
    page.set_viewport_size(PHONE)
    page.reload()
    panel.wait_for()
    assert _no_sideways_scroll(page)
    box_main = page.locator(".ed-main").bounding_box()
    assert panel.bounding_box()["y"] >= box_main["y"] + box_main["height"]
    screenshot(page, "link-suggestions-phone")
    page.set_viewport_size(DESKTOP)

    # "Quét lại" after typing, without saving: the panel reads the unsaved text, in place.
    page.fill("#id_title", SEED_TITLE + " theo Chỉ thị số 35-CT/TW")
    page.click("#goi-y-lien-ket [data-rescan]")
    page.wait_for_selector("#goi-y-lien-ket .lsp__note:has-text('Quét từ nội dung chưa lưu')")
    assert (
        panel.locator("[data-finding=document] mark", has_text="Chỉ thị số 35-CT/TW").count() == 1
    )
    assert panel.locator("[data-link-action], [data-create-action]").count() == 0
    assert panel.locator("[data-finding=document] .lsp-badge--linked").count() == 1  # 57-NQ/TW
    assert page.input_value("#id_title").endswith("35-CT/TW")  # nothing typed was lost
    panel.scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "link-suggestions-rescanned.png"))
    assert page.js_errors == []

    # Through the chain; then readers see the number linked and the event.
    services.submit(writer_user, article)
    services.approve(_person("bientap2", EDITOR), article)
    services.approve(_person("lanhdao", APPROVER), article)
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    reader = browser.new_page(viewport=DESKTOP)
    reader.goto(base + article.get_absolute_url())
    doc_link = reader.locator(".article__body a[href='/van-ban/57-nq-tw/']").first
    assert "57-NQ/TW" in doc_link.inner_text()
    assert reader.locator(f"a[href='{event.get_absolute_url()}']").count() >= 1
    reader.close()
