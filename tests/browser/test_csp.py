"""The Content-Security-Policy in a real browser: nothing the site needs is refused.

Each page is loaded with a listener for `securitypolicyviolation` installed before any
of the page's own scripts, and the console is watched for chromium's "Refused to …"
messages; a page that breaks under the policy shows up here as a violation, a page
error or a feature that no longer works (CKEditor's toolbar, typing into it).
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from PIL import Image as PILImage

from accounts.models import User
from accounts.roles import AUTHOR
from articles.models import Article, Category
from demo.loader import load_demo
from tests.browser.test_public_pages import PAGES
from tests.browser.test_workspace_editor import sign_in
from tests.test_security_settings import production_settings

# Runs before the page's scripts, outside the page's policy (Playwright injects it).
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(
    `${event.effectiveDirective} refused ${event.blockedURI || '(inline)'} ` +
    `at ${event.sourceFile || document.location.pathname}:${event.lineNumber}`
  );
});
"""


class Watch:
    """Everything that went wrong in the browser while the watched pages loaded."""

    def __init__(self, page) -> None:
        self.page = page
        self.violations: list[str] = []
        self.console: list[str] = []
        self.errors: list[str] = []
        page.context.add_init_script(RECORD_VIOLATIONS)
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        page.on("console", self._console)

    def _console(self, message) -> None:
        text = message.text
        if "Content Security Policy" in text or text.startswith("Refused to"):
            self.console.append(text)

    def visit(self, url: str) -> str:
        """Loads the page and returns the policy it was served with."""
        response = self.page.goto(url)
        assert response is not None and response.status == 200, url
        self.page.wait_for_load_state("networkidle")
        self.collect()
        return response.headers.get("content-security-policy", "")

    def collect(self) -> None:
        self.violations += self.page.evaluate("window.__cspViolations.splice(0)")

    def assert_clean(self) -> None:
        self.collect()
        assert self.violations == [], "\n".join(self.violations)
        assert self.console == [], "\n".join(self.console)
        assert self.errors == [], "\n".join(self.errors)


@pytest.fixture
def site(live_server, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    settings.DEBUG = False
    load_demo()
    return live_server.url


def directives(policy: str) -> dict[str, str]:
    """The header's directives by name: their order in the header is not fixed."""
    pairs = (part.strip().partition(" ") for part in policy.split(";") if part.strip())
    return {name: value for name, _, value in pairs}


def test_public_pages_run_under_the_strict_policy(site, page):
    watch = Watch(page)
    for path in PAGES.values():
        policy = watch.visit(site + path)
        assert directives(policy)["script-src"] == "'self'", path
    watch.assert_clean()


@pytest.fixture
def workspace(live_server, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.DEBUG = False
    # The production cookie flags that a browser on plain HTTP can still keep: the CSRF
    # cookie is HttpOnly there, and CKEditor's uploads must carry the token regardless.
    settings.CSRF_COOKIE_HTTPONLY = production_settings("CSRF_COOKIE_HTTPONLY")[
        "CSRF_COOKIE_HTTPONLY"
    ]
    Category.objects.create(name="Tin hoạt động")
    return live_server.url


def test_the_workspace_editor_works_under_the_staff_policy(workspace, page, screenshot, tmp_path):
    author = User.objects.create_user("pv-csp", password="mat-khau-dai-123", full_name="PV CSP")
    author.groups.add(Group.objects.get(name=AUTHOR.name))
    watch = Watch(page)
    # Signing in through the real page, then the pages an author sees first.
    policy = watch.visit(workspace + "/toa-soan/dang-nhap/")
    assert directives(policy)["script-src"] == "'self'"
    assert directives(policy)["style-src-attr"] == "'unsafe-inline'"
    page.fill("input[name=username]", "pv-csp")
    page.fill("input[name=password]", "mat-khau-dai-123")
    page.click("button[type=submit]")
    page.wait_for_url(workspace + "/toa-soan/")
    watch.visit(workspace + "/toa-soan/xac-thuc-hai-buoc/")
    watch.visit(workspace + "/toa-soan/")
    watch.visit(workspace + "/toa-soan/bai-viet/moi/")
    page.wait_for_selector(".ck-editor__editable")
    assert page.locator(".ck-toolbar__items button").count() > 10
    assert page.locator(".ck-toolbar").is_visible()
    page.fill("#id_title", "Bài viết dưới chính sách bảo mật nội dung")
    page.select_option("#id_category", label="Tin hoạt động")
    page.click(".ck-editor__editable")
    page.keyboard.type("Đoạn văn gõ trong trình soạn thảo.")
    page.keyboard.press("Control+B")
    page.keyboard.type(" Chữ đậm.")
    assert "Chữ đậm." in page.inner_text(".ck-editor__editable strong")
    # A picture through CKEditor's upload button: it shows the file from a data: URL
    # while it uploads, then the copy our server re-encoded.
    picture = tmp_path / "anh-hoi-nghi.png"
    PILImage.new("RGB", (800, 500), (180, 30, 30)).save(picture)
    page.set_input_files(".ck-file-dialog-button input[type=file]", str(picture))
    page.wait_for_selector(".ck-editor__editable img[src*='/media/']", state="attached")
    # The picture's description, through CKEditor's balloon (positioned by style attributes).
    page.click(".ck-balloon-panel button[data-cke-tooltip-text='Đổi chữ alt của ảnh']")
    page.fill(".ck-text-alternative-form input", "Ô màu đỏ thử nghiệm")
    page.keyboard.press("Enter")
    screenshot(page, "csp-workspace-editor")
    page.click("button[type=submit]:has-text('Lưu nháp')")
    page.wait_for_selector(".ws-message--success")
    article = Article.objects.get(title="Bài viết dưới chính sách bảo mật nội dung")
    body = article.latest_revision.content["body"]
    assert "<strong>" in body and "/media/" in body
    watch.assert_clean()


def test_the_admin_works_under_the_staff_policy(site, page, screenshot):
    admin = User.objects.create_superuser("qt-csp", password="mat-khau-dai-123")
    sign_in(page, site, admin)
    watch = Watch(page)
    for path in (
        "/quan-tri/",
        "/quan-tri/articles/article/",
        f"/quan-tri/articles/article/{Article.objects.order_by('pk').first().pk}/change/",
        "/quan-tri/images/image/",
        "/quan-tri/accounts/user/",
        "/quan-tri/accounts/user/add/",
    ):
        watch.visit(site + path)
        if path == "/quan-tri/images/image/":
            # Thumbnails sized by a width attribute now, not an inline style.
            widths = page.eval_on_selector_all(
                "#result_list img", "imgs => imgs.map(i => i.getBoundingClientRect().width)"
            )
            assert widths and all(w == 120 for w in widths)
            screenshot(page, "csp-admin-images")
    watch.assert_clean()
