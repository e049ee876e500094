"""The public site in a real browser, at phone and desktop widths."""

from __future__ import annotations

import pytest

from articles.models import Article
from demo.loader import load_demo
from tests.browser.conftest import DESKTOP, PHONE

SEED_SLUG = "ha-nam-to-chuc-tham-gia-hoi-nghi-toan-quoc-ve-dot-pha-phat-trien-khoa-hoc-cong-nghe"
EVENT_SLUG = "hoi-nghi-toan-quoc-ve-dot-pha-phat-trien-khoa-hoc-cong-nghe-doi-moi-sang-tao-va-chuyen-doi-so-quoc-gia"


@pytest.fixture
def site(live_server, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    settings.DEBUG = False
    load_demo()
    return live_server.url


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def show_lazy_images(page) -> None:
    """Full-page screenshots do not scroll, so lazy images would stay blank."""
    page.evaluate(
        "document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')"
    )
    page.wait_for_load_state("networkidle")


PAGES = {
    "home": "/",
    "article": f"/bai-viet/{SEED_SLUG}/",
    "event": f"/su-kien/{EVENT_SLUG}/",
    "search": "/tim-kiem/?q=nghi+quyet+57",
    "resolution": "/van-ban/57-nq-tw/",
}


@pytest.mark.parametrize("width_name,viewport", [("phone", PHONE), ("desktop", DESKTOP)])
def test_pages_fit_the_screen_and_are_captured(site, page, screenshot, width_name, viewport):
    page.set_viewport_size(viewport)
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    for name, path in PAGES.items():
        response = page.goto(site + path)
        assert response.status == 200, path
        show_lazy_images(page)
        assert no_horizontal_scroll(page), f"{name} scrolls sideways at {width_name} width"
        # Every image says what it shows, or says it is decoration.
        assert page.locator("img:not([alt])").count() == 0, name
        assert page.locator("h1").count() == 1, name
        screenshot(page, f"{name}-{width_name}")
    assert errors == []


def test_the_article_reads_as_written_in_the_browser(site, page):
    page.goto(site + PAGES["article"])
    assert page.locator("h1").inner_text().startswith("Hà Nam tổ chức tham gia Hội nghị toàn quốc")
    assert "Thứ Hai, 13/01/2025" in page.locator(".article__meta").inner_text()
    facts = page.locator(".box--event").inner_text()
    assert "252 điểm cầu" in facts and "44.881" in facts and "VTV1" in facts
    people = page.locator(".people").inner_text()
    assert "Đinh Thị Lụa" in people and "Phó Bí thư Thường trực Tỉnh ủy" in people
    # The reading is counted by the page's script (so cached pages count too).
    page.wait_for_load_state("networkidle")
    assert Article.objects.get(slug=SEED_SLUG).view_count == 2150 + 1


def test_a_keyboard_user_can_skip_to_the_content_and_search(site, page):
    page.goto(site + "/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    # Following the link changes the URL's fragment a moment after the key press.
    page.wait_for_url("**/#noi-dung", timeout=5000)
    page.locator("#search-q").focus()
    page.keyboard.type("nghi quyet 57")
    page.keyboard.press("Enter")
    page.wait_for_url("**/tim-kiem/**")
    results = page.locator(".search-results").inner_text()
    assert "Hà Nam tổ chức tham gia Hội nghị toàn quốc" in results
    assert page.locator(".search-results mark").count() > 0


def test_the_print_stylesheet_hides_the_navigation(site, page):
    page.goto(site + PAGES["article"])
    page.emulate_media(media="print")
    assert not page.locator(".mainnav").is_visible()
    assert not page.locator(".search-box").is_visible()
    assert page.locator(".article__body").is_visible()
