"""The workspace's editor in a real browser: CKEditor 5, the pickers, the publish choice."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from accounts.models import User
from accounts.roles import APPROVER, AUTHOR, EDITOR
from articles.models import Article, Category, Participant
from tests.browser.conftest import DESKTOP, PHONE
from workflow import services


@pytest.fixture
def workspace(live_server, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    settings.DEBUG = False
    Category.objects.create(name="Tin hoạt động")
    Participant.objects.create(full_name="Tô Lâm", positions="Tổng Bí thư")
    return live_server.url


def _user(username, role):
    user = User.objects.create_user(username, password="mat-khau-dai-123", full_name=username)
    user.groups.add(Group.objects.get(name=role.name))
    return user


def sign_in(page, base_url, user) -> None:
    """The session of a signed-in test client, handed to the browser."""
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base_url}]
    )


def test_an_author_writes_with_ckeditor_and_picks_a_person(workspace, page, screenshot):
    author = _user("phongvien", AUTHOR)
    sign_in(page, workspace, author)
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(workspace + "/toa-soan/bai-viet/moi/")
    page.wait_for_selector(".ck-editor__editable")
    page.fill("#id_title", "Hội nghị quán triệt Nghị quyết 57")
    page.select_option("#id_category", label="Tin hoạt động")
    page.click(".ck-editor__editable")
    page.keyboard.type("Toàn tỉnh có 252 điểm cầu.")
    page.fill("#participants-tim", "to la")
    page.wait_for_selector("#participants-goi-y [role=option]")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert "Tô Lâm" in page.inner_text("[data-name=participants] [data-picker-chosen]")
    assert page.inner_text("[data-dirty-note]") == "Có thay đổi chưa lưu."
    screenshot(page, "workspace-editor-new-desktop")
    page.click("button[type=submit]:has-text('Lưu nháp')")
    page.wait_for_selector(".ws-message--success")
    article = Article.objects.get()
    content = article.latest_revision.content
    assert "Toàn tỉnh có 252 điểm cầu." in content["body"]
    assert content["participants"] == [Participant.objects.get().pk]
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    screenshot(page, "workspace-editor-phone")
    page.set_viewport_size(DESKTOP)
    assert errors == []


def test_the_schedule_field_appears_when_the_leader_chooses_to_schedule(workspace, page):
    author, editor, approver = _user("pv", AUTHOR), _user("bt", EDITOR), _user("ld", APPROVER)
    article = services.create_article(
        author, {"title": "Bài chờ phê duyệt", "category": Category.objects.get().pk}
    )
    services.submit(author, article)
    services.approve(editor, article)
    sign_in(page, workspace, approver)
    page.goto(f"{workspace}/toa-soan/bai-viet/{article.pk}/")
    when = page.locator("[data-schedule-field]")
    assert not when.is_visible()
    page.check("input[name=publish_mode][value=schedule]")
    assert when.is_visible()
    page.fill("input[name=publish_at]", "05/03/2030 08:00")
    page.click("[data-transition-button=approve]")
    page.wait_for_selector(".ws-message--success")
    article.refresh_from_db()
    assert article.is_scheduled
