"""Signing in to the workspace, passwords, login throttling, and user management in
the admin, as the department's staff and administrators meet them."""

from __future__ import annotations

import re
from datetime import timedelta
from unittest import mock

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Group
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from accounts.roles import ADMIN, AUTHOR, EDITOR
from audit.models import AuditEvent
from cms.settings import base as base_settings

PASSWORD = "mat-khau-dai-123"
NEW_PASSWORD = "Trang-thong-tin-2026"
OFFICE = "203.0.113.10"
HOME = "198.51.100.20"


@pytest.fixture
def reporter(db):
    user = User.objects.create_user(
        "phongvien",
        "an.nguyen@example.vn",
        PASSWORD,
        is_staff=True,
        full_name="Nguyễn Văn An",
        department="Phòng Thông tin - Báo chí",
    )
    user.groups.add(Group.objects.get(name=AUTHOR.name))
    return user


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("quantri", "quantri@example.vn", PASSWORD)


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


def sign_in(client, username, password, ip=OFFICE, url=None, **data):
    return client.post(
        url or reverse("accounts:login"),
        {"username": username, "password": password, **data},
        REMOTE_ADDR=ip,
    )


def alert_text(response) -> str:
    match = re.search(r'class="ws-alert" role="alert">(.*?)</div>', response.content.decode(), re.S)
    assert match, response.content.decode()[:3000]
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(1)).split())


def messages_shown(response) -> list[str]:
    return [
        " ".join(m.split())
        for m in re.findall(
            r'class="ws-message[^"]*" role="\w+">(.*?)</p>', response.content.decode()
        )
    ]


INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)", re.I)
INLINE_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)
INLINE_STYLE = re.compile(r"<style\b|<[^>]+\sstyle\s*=", re.I)
OUTSIDE_HOST = re.compile(r"""(?:src|href|action)\s*=\s*["']?(?:https?:)?//""", re.I)


def assert_vietnamese_page_fit_for_csp(html: str) -> None:
    assert '<html lang="vi">' in html
    assert not INLINE_SCRIPT.search(html), "inline <script>"
    assert not INLINE_HANDLER.search(html), "inline event handler"
    assert not INLINE_STYLE.search(html), "inline style"
    assert not OUTSIDE_HOST.search(html), "resource or link on another host"
    assert "/static/css/workspace.css" in html


# --- Signing in and out -------------------------------------------------------------


@pytest.mark.parametrize(
    ("url_name", "words"),
    [
        ("accounts:login", ["Đăng nhập", "Tên đăng nhập", "Mật khẩu", "Quên mật khẩu?"]),
        ("accounts:password_reset", ["Quên mật khẩu", "Địa chỉ email", "Gửi liên kết"]),
        ("accounts:password_reset_done", ["Kiểm tra hộp thư"]),
        ("accounts:password_reset_complete", ["Đã đặt mật khẩu mới"]),
    ],
)
def test_sign_in_pages_are_vietnamese_and_carry_no_inline_code(client, db, url_name, words):
    response = client.get(reverse(url_name))
    html = response.content.decode()
    assert response.status_code == 200
    assert_vietnamese_page_fit_for_csp(html)
    for word in words:
        assert word in html
    # Nobody is signed in: no account links and no side navigation.
    assert "Đổi mật khẩu" not in html and "Đăng xuất" not in html
    assert "ws-sidenav" not in html


def test_the_sign_in_paths_are_vietnamese_under_the_workspace(db):
    assert reverse("accounts:login") == "/toa-soan/dang-nhap/"
    assert reverse("accounts:logout") == "/toa-soan/dang-xuat/"
    assert reverse("accounts:password_change") == "/toa-soan/doi-mat-khau/"
    assert reverse("accounts:password_reset") == "/toa-soan/quen-mat-khau/"


def test_staff_sign_in_and_go_to_the_workspace_or_where_they_were_going(client, reporter):
    response = sign_in(client, "phongvien", PASSWORD)
    assert response.status_code == 302 and response.url == "/toa-soan/"

    client.post(reverse("accounts:logout"))
    response = sign_in(client, "phongvien", PASSWORD, next="/toa-soan/doi-mat-khau/")
    assert response.url == "/toa-soan/doi-mat-khau/"
    # …but never to another site.
    client.post(reverse("accounts:logout"))
    response = sign_in(client, "phongvien", PASSWORD, next="https://example.com/")
    assert response.url == "/toa-soan/"


def test_a_page_that_needs_signing_in_sends_to_the_workspace_login(client, db):
    response = client.get(reverse("accounts:password_change"))
    assert response.status_code == 302
    assert response.url == "/toa-soan/dang-nhap/?next=/toa-soan/doi-mat-khau/"


def test_a_wrong_password_an_unknown_user_and_a_deactivated_one_look_the_same(client, reporter):
    User.objects.create_user("dathoi", "cu@example.vn", PASSWORD, is_active=False, is_staff=True)
    answers = [
        sign_in(client, "phongvien", "sai-mat-khau"),
        sign_in(client, "khongtontai", "sai-mat-khau"),
        sign_in(client, "dathoi", PASSWORD),
    ]
    assert {r.status_code for r in answers} == {200}
    texts = {alert_text(r) for r in answers}
    assert texts == {
        "Tên đăng nhập hoặc mật khẩu không đúng. Lưu ý: mật khẩu phân biệt chữ hoa và chữ thường."
    }
    assert "_auth_user_id" not in client.session


def test_signing_out_takes_a_post_ends_the_session_and_says_so(client, reporter):
    sign_in(client, "phongvien", PASSWORD)
    # A link or an <img> on another page must not be able to sign someone out.
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert client.get(reverse("accounts:password_change")).status_code == 200

    response = client.post(reverse("accounts:logout"), follow=True)
    assert response.redirect_chain[-1][0] == "/toa-soan/dang-nhap/"
    assert messages_shown(response) == ["Bạn đã đăng xuất."]
    assert client.get(reverse("accounts:password_change")).status_code == 302


def test_the_top_bar_names_the_user_and_their_department(client, reporter):
    client.force_login(reporter)
    response = client.get(reverse("accounts:password_change"))
    html = response.content.decode()
    assert_vietnamese_page_fit_for_csp(html)
    assert "Nguyễn Văn An" in html and "Phòng Thông tin - Báo chí" in html
    assert 'href="/toa-soan/">Bảng điều khiển</a>' in html
    assert re.search(
        r'<form class="ws-logout" method="post" action="/toa-soan/dang-xuat/">\s*'
        r'<input type="hidden" name="csrfmiddlewaretoken"',
        html,
    )


# --- Changing one's password ------------------------------------------------------------


def test_staff_change_their_own_password(client, reporter):
    assert client.login(username="phongvien", password=PASSWORD)
    url = reverse("accounts:password_change")

    wrong = client.post(
        url,
        {
            "old_password": "khong-phai",
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )
    assert "Mật khẩu hiện tại không đúng" in wrong.content.decode()
    short = client.post(
        url, {"old_password": PASSWORD, "new_password1": "Ngan-1", "new_password2": "Ngan-1"}
    )
    assert "Mật khẩu này quá ngắn: cần ít nhất 12 ký tự." in short.content.decode()
    # The input points at its error, so a screen reader reads it with the field.
    assert re.search(r'aria-describedby="[^"]*\bid_new_password2_error\b', short.content.decode())

    done = client.post(
        url,
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )
    assert done.redirect_chain[-1][0] == reverse("accounts:password_change_done")
    assert "Đã đổi mật khẩu" in done.content.decode()
    # Still signed in here…
    assert client.get(url).status_code == 200
    # …and from now on only the new password opens the account.
    other = client.__class__()
    assert sign_in(other, "phongvien", PASSWORD).status_code == 200
    assert sign_in(other, "phongvien", NEW_PASSWORD).status_code == 302


def test_a_password_set_outside_the_test_settings_is_stored_with_argon2(client, reporter):
    assert base_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    client.force_login(reporter)
    # MD5 only so the fixture's password (hashed under the test settings) still checks.
    hashers = [*base_settings.PASSWORD_HASHERS, "django.contrib.auth.hashers.MD5PasswordHasher"]
    with override_settings(PASSWORD_HASHERS=hashers):
        client.post(
            reverse("accounts:password_change"),
            {
                "old_password": PASSWORD,
                "new_password1": NEW_PASSWORD,
                "new_password2": NEW_PASSWORD,
            },
        )
        reporter.refresh_from_db()
        assert reporter.password.startswith("argon2$argon2id$")
        assert reporter.check_password(NEW_PASSWORD)


# --- Password reset by e-mail ---------------------------------------------------------


def test_password_reset_mails_only_an_active_account_and_answers_the_same_to_all(
    client, reporter, mailoutbox
):
    User.objects.create_user("dathoi", "cu@example.vn", PASSWORD, is_active=False)
    url = reverse("accounts:password_reset")
    answers = {}
    for email in ("AN.NGUYEN@example.vn", "khong-co@example.vn", "cu@example.vn"):
        answers[email] = client.post(url, {"email": email}, follow=True)

    pages = {r.content.decode() for r in answers.values()}
    assert len(pages) == 1, "the answer must not tell which addresses have an account"
    assert {r.redirect_chain[-1][0] for r in answers.values()} == {
        "/toa-soan/quen-mat-khau/da-gui/"
    }

    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["an.nguyen@example.vn"]
    assert mail.subject.startswith("Đặt lại mật khẩu Tòa soạn")
    assert "Kính gửi Nguyễn Văn An" in mail.body and '"phongvien"' in mail.body
    assert "có hiệu lực trong 2 giờ" in mail.body


def test_the_reset_link_sets_a_new_password_once(client, reporter, mailoutbox, settings):
    client.post(reverse("accounts:password_reset"), {"email": "an.nguyen@example.vn"})
    link = re.search(r"(https?://\S+/toa-soan/dat-lai-mat-khau/\S+/)", mailoutbox[0].body)[1]
    # Built on the configured address, whatever Host the request for it carried.
    assert link.startswith(settings.SITE_URL + "/toa-soan/dat-lai-mat-khau/")
    path = link[len(settings.SITE_URL) :]

    form_page = client.get(path, follow=True)
    assert "Đặt mật khẩu mới" in form_page.content.decode()
    # The token leaves the address bar before the page is shown (and so never leaks
    # through a Referer header).
    set_url = form_page.redirect_chain[-1][0]
    assert path.rstrip("/").rsplit("/", 1)[-1] not in set_url

    done = client.post(
        set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}, follow=True
    )
    assert done.redirect_chain[-1][0] == reverse("accounts:password_reset_complete")
    assert sign_in(client.__class__(), "phongvien", NEW_PASSWORD).status_code == 302

    again = client.get(path, follow=True)
    assert "Liên kết không còn dùng được" in again.content.decode()


# --- Login throttling (django-axes) -------------------------------------------------


def test_five_wrong_passwords_lock_that_username_from_that_address(client, reporter):
    for _ in range(4):
        assert sign_in(client, "phongvien", "sai-mat-khau").status_code == 200

    locked = sign_in(client, "phongvien", "sai-mat-khau")
    assert locked.status_code == 429
    html = locked.content.decode()
    assert_vietnamese_page_fit_for_csp(html)
    assert "Tạm khóa đăng nhập" in html
    assert "nhập sai mật khẩu 5 lần liên tiếp" in html
    assert "thử lại sau 15 phút" in html

    # Even the right password is refused while the lock lasts…
    assert sign_in(client, "phongvien", PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session
    # …but only for that username from that address: colleagues in the same office,
    # and the same person from home, are not locked out with it.
    colleague = User.objects.create_user("bientap", password=PASSWORD, is_staff=True)
    assert sign_in(client, colleague.username, PASSWORD).status_code == 302
    assert sign_in(client.__class__(), "phongvien", PASSWORD, ip=HOME).status_code == 302
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.LOCKOUT, target="phongvien").exists()


def test_an_unknown_username_is_locked_out_like_a_real_one(client, db):
    for _ in range(4):
        sign_in(client, "khongtontai", "sai-mat-khau")
    assert sign_in(client, "khongtontai", "sai-mat-khau").status_code == 429


def test_the_lock_lifts_by_itself_after_fifteen_minutes(client, reporter):
    for _ in range(5):
        sign_in(client, "phongvien", "sai-mat-khau")
    later = timezone.now()
    with mock.patch("axes.handlers.proxy.now", return_value=later + timedelta(minutes=14)):
        assert sign_in(client, "phongvien", PASSWORD).status_code == 429
    with mock.patch(
        "axes.handlers.proxy.now", return_value=later + timedelta(minutes=15, seconds=1)
    ):
        response = sign_in(client, "phongvien", PASSWORD)
    assert response.status_code == 302 and response.url == "/toa-soan/"


def test_retrying_while_locked_does_not_push_the_end_further(client, reporter):
    start = timezone.now()
    for _ in range(5):
        sign_in(client, "phongvien", "sai-mat-khau")
    with mock.patch("axes.handlers.proxy.now", return_value=start + timedelta(minutes=10)):
        assert sign_in(client, "phongvien", "sai-mat-khau").status_code == 429
    with mock.patch("axes.handlers.proxy.now", return_value=start + timedelta(minutes=16)):
        assert sign_in(client, "phongvien", PASSWORD).status_code == 302


def test_a_successful_sign_in_forgets_earlier_mistakes(client, reporter):
    for _ in range(4):
        sign_in(client, "phongvien", "sai-mat-khau")
    assert sign_in(client, "phongvien", PASSWORD).status_code == 302
    client.post(reverse("accounts:logout"))
    for _ in range(4):
        assert sign_in(client, "phongvien", "sai-mat-khau").status_code == 200
    assert sign_in(client, "phongvien", PASSWORD).status_code == 302


def test_the_admin_login_is_throttled_too(client, superuser):
    admin_login = reverse("admin:login")
    for _ in range(4):
        assert sign_in(client, "quantri", "sai-mat-khau", url=admin_login).status_code == 200
    locked = sign_in(client, "quantri", "sai-mat-khau", url=admin_login)
    assert locked.status_code == 429 and "Tạm khóa đăng nhập" in locked.content.decode()
    assert sign_in(client, "quantri", PASSWORD, url=admin_login).status_code == 429


def test_an_administrator_can_lift_a_lock_early(client, reporter, superuser):
    for _ in range(5):
        sign_in(client, "phongvien", "sai-mat-khau")
    attempt = AccessAttempt.objects.get(username="phongvien")

    admin = client.__class__()
    admin.force_login(superuser)
    response = admin.post(
        reverse("admin:axes_accessattempt_changelist"),
        {"action": "delete_selected", "_selected_action": [attempt.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert sign_in(client, "phongvien", PASSWORD).status_code == 302


def test_resetting_the_password_by_mail_lifts_the_lock(client, reporter, mailoutbox):
    for _ in range(5):
        sign_in(client, "phongvien", "sai-mat-khau")
    client.post(reverse("accounts:password_reset"), {"email": "an.nguyen@example.vn"})
    path = re.search(r"https?://[^/\s]+(/toa-soan/dat-lai-mat-khau/\S+/)", mailoutbox[0].body)[1]
    set_url = client.get(path, follow=True).redirect_chain[-1][0]
    client.post(set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert sign_in(client, "phongvien", NEW_PASSWORD).status_code == 302


# --- User management in the admin -------------------------------------------------------


def test_no_one_can_delete_a_user_in_the_admin(admin_client, reporter):
    changelist = admin_client.get(reverse("admin:accounts_user_changelist")).content.decode()
    assert 'value="delete_selected"' not in changelist
    assert 'value="deactivate"' in changelist and "Vô hiệu hóa tài khoản" in changelist
    assert 'value="reactivate"' in changelist and "Kích hoạt lại" in changelist

    change = admin_client.get(reverse("admin:accounts_user_change", args=[reporter.pk]))
    assert "/delete/" not in change.content.decode()
    delete_url = reverse("admin:accounts_user_delete", args=[reporter.pk])
    assert admin_client.get(delete_url).status_code == 403
    assert admin_client.post(delete_url, {"post": "yes"}).status_code == 403
    assert User.objects.filter(pk=reporter.pk).exists()


def test_the_user_list_shows_each_users_roles(admin_client, reporter):
    reporter.groups.add(Group.objects.get(name=EDITOR.name))
    html = admin_client.get(reverse("admin:accounts_user_changelist")).content.decode()
    assert "Vai trò" in html
    assert f"{EDITOR.name}, {AUTHOR.name}" in html


def test_a_deactivated_account_cannot_sign_in_and_its_session_ends(admin_client, reporter):
    session = admin_client.__class__()
    session.force_login(reporter)
    assert session.get(reverse("accounts:password_change")).status_code == 200

    response = admin_client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "deactivate", "_selected_action": [reporter.pk]},
        follow=True,
    )
    assert "Đã vô hiệu hóa 1 tài khoản" in response.content.decode()
    reporter.refresh_from_db()
    assert reporter.is_active is False

    assert session.get(reverse("accounts:password_change")).status_code == 302
    refused = sign_in(admin_client.__class__(), "phongvien", PASSWORD)
    assert refused.status_code == 200 and "không đúng" in alert_text(refused)
    # Recorded in the audit trail and in the admin's history of the account.
    assert AuditEvent.objects.filter(
        kind=AuditEvent.Kind.USER_CHANGED, target="phongvien", details={"is_active": [True, False]}
    ).exists()

    admin_client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "reactivate", "_selected_action": [reporter.pk]},
    )
    assert sign_in(admin_client.__class__(), "phongvien", PASSWORD).status_code == 302


def test_an_administrator_cannot_deactivate_their_own_account(admin_client, superuser):
    response = admin_client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "deactivate", "_selected_action": [superuser.pk]},
        follow=True,
    )
    assert "Không thể tự vô hiệu hóa" in response.content.decode()
    superuser.refresh_from_db()
    assert superuser.is_active


def test_a_user_created_in_the_admin_is_staff_with_the_chosen_role(admin_client, db):
    editors = Group.objects.get(name=EDITOR.name)
    response = admin_client.post(
        reverse("admin:accounts_user_add"),
        {
            "username": "bientapvien",
            "full_name": "Trần Thị Bình",
            "department": "Phòng Lý luận chính trị - Lịch sử",
            "position": "Biên tập viên",
            "email": "binh@example.vn",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
            "groups": [editors.pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    user = User.objects.get(username="bientapvien")
    assert user.is_staff and user.is_active and not user.is_superuser
    assert list(user.groups.all()) == [editors]
    assert user.department == "Phòng Lý luận chính trị - Lịch sử"
    assert sign_in(admin_client.__class__(), "bientapvien", NEW_PASSWORD).status_code == 302


def test_an_administrator_sets_a_new_password_from_the_change_form(admin_client, reporter):
    change_url = reverse("admin:accounts_user_change", args=[reporter.pk])
    password_url = reverse("admin:auth_user_password_change", args=[reporter.pk])
    assert 'href="../password/"' in admin_client.get(change_url).content.decode()
    response = admin_client.post(
        password_url,
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true"},
    )
    assert response.status_code == 302
    assert sign_in(admin_client.__class__(), "phongvien", NEW_PASSWORD).status_code == 302


def test_an_administrator_who_is_not_a_superuser_cannot_grant_or_take_over_one(
    client, reporter, superuser
):
    manager = User.objects.create_user("truongphong", password=PASSWORD, is_staff=True)
    manager.groups.add(Group.objects.get(name=ADMIN.name))
    client.force_login(manager)

    change_url = reverse("admin:accounts_user_change", args=[reporter.pk])
    assert 'name="is_superuser"' not in client.get(change_url).content.decode()
    saved = client.post(
        change_url,
        {
            "username": "phongvien",
            "full_name": "Nguyễn Văn An",
            "is_active": "on",
            "is_staff": "on",
            "is_superuser": "on",
            "date_joined_0": "01/01/2026",
            "date_joined_1": "08:00:00",
        },
    )
    assert saved.status_code == 302, saved.content.decode()[:3000]
    reporter.refresh_from_db()
    assert not reporter.is_superuser

    password_url = reverse("admin:auth_user_password_change", args=[superuser.pk])
    assert client.get(password_url).status_code == 403
    assert (
        client.post(
            password_url,
            {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true"},
        ).status_code
        == 403
    )
