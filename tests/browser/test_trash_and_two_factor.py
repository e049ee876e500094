"""The trash and two-step sign-in in a real browser: the confirmations, the pages' look."""

from __future__ import annotations

import time

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import User
from accounts.roles import ADMIN, AUTHOR
from articles.models import Article, Category
from tests.browser.conftest import PHONE
from workflow import services


@pytest.fixture
def workspace(live_server, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    settings.DEBUG = False
    Category.objects.create(name="Tin hoạt động")
    return live_server.url


def _user(username, role):
    user = User.objects.create_user(
        username, password="mat-khau-dai-123", full_name=username, is_staff=True
    )
    user.groups.add(Group.objects.get(name=role.name))
    return user


def sign_in(page, base_url, user) -> None:
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base_url}]
    )


def test_trash_restore_and_empty_through_the_pages(workspace, page, screenshot):
    author, admin = _user("phongvien", AUTHOR), _user("quantri", ADMIN)
    category = Category.objects.get().pk
    article = services.create_article(author, {"title": "Bài nháp viết nhầm", "category": category})
    services.create_article(author, {"title": "Bài nháp thứ hai", "category": category})
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    sign_in(page, workspace, author)
    page.goto(f"{workspace}/toa-soan/bai-viet/{article.pk}/")
    screenshot(page, "workspace-editor-trash-button")
    # The browser asks first; saying no changes nothing.
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click("[data-transition-button=trash]")
    assert Article.objects.get(pk=article.pk).trashed_at is None
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-transition-button=trash]")
    page.wait_for_selector(".ws-message--success")
    assert page.url.endswith("/toa-soan/thung-rac/")
    assert "Bài nháp viết nhầm" in page.inner_text("table.list")
    screenshot(page, "workspace-trash-author")

    page.click("[data-trash-button=untrash]")
    page.wait_for_selector(".ws-message--success")
    assert Article.objects.get(pk=article.pk).trashed_at is None
    services.trash(author, Article.objects.get(pk=article.pk))

    page.context.clear_cookies()
    sign_in(page, workspace, admin)
    page.goto(f"{workspace}/toa-soan/thung-rac/")
    screenshot(page, "workspace-trash-admin")
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    screenshot(page, "workspace-trash-admin-phone")
    page.check("input[name=confirm]")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-trash-button=empty]")
    page.wait_for_selector(".ws-message--success")
    assert Article.objects.get(pk=article.pk).purged_at is not None
    assert "Thùng rác trống." in page.inner_text("main")
    assert errors == []


def test_enrolling_an_authenticator_app(workspace, page, screenshot):
    author = _user("phongvien", AUTHOR)
    sign_in(page, workspace, author)
    page.goto(f"{workspace}/toa-soan/xac-thuc-hai-buoc/")
    assert page.locator(".otp-qr svg").is_visible()
    screenshot(page, "account-two-factor-enrol")
    device = TOTPDevice.objects.get(user=author)
    if device.step - time.time() % device.step < 2:
        time.sleep(2.1)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    page.fill("#id_code", f"{totp.token():06d}")
    page.click("button[type=submit]:has-text('Bật xác thực hai bước')")
    page.wait_for_selector(".ws-message--success")
    screenshot(page, "account-two-factor-on")

    page.context.clear_cookies()
    page.goto(f"{workspace}/toa-soan/dang-nhap/")
    page.fill("#id_username", "phongvien")
    page.fill("#id_password", "mat-khau-dai-123")
    page.click("button[type=submit]")
    page.wait_for_selector("#id_code")
    assert "/toa-soan/ma-xac-thuc/" in page.url
    page.fill("#id_code", "000000" if f"{totp.token():06d}" != "000000" else "111111")
    page.click("button[type=submit]:has-text('Xác nhận')")
    page.wait_for_selector(".ws-alert")
    assert "Mã xác thực không đúng" in page.inner_text(".ws-alert")
    screenshot(page, "account-two-factor-code-asked")
