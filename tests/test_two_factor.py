"""Two-step sign-in (xác thực hai bước) with an authenticator app.

Staff enrol in their account pages; signing in then asks for the app's code after the
password. A setting makes it mandatory for users who review, publish or administer.
"""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import User
from accounts.roles import ADMIN, APPROVER, AUTHOR, EDITOR
from audit.models import AuditEvent

PASSWORD = "mat-khau-dai-123"
DASHBOARD = "/toa-soan/"
REQUIRED = ["articles.review_article", "articles.publish_article", "accounts.change_user"]
# Without throttling, unless the test is about throttling: a wrong code would otherwise
# make the next one wait a second.
no_throttle = override_settings(OTP_TOTP_THROTTLE_FACTOR=0)


def _user(username: str, role) -> User:
    user = User.objects.create_user(username, password=PASSWORD, is_staff=True, full_name=username)
    user.groups.add(Group.objects.get(name=role.name))
    return user


@pytest.fixture
def staff(db):
    return {
        "author": _user("phongvien", AUTHOR),
        "editor": _user("bientap", EDITOR),
        "approver": _user("lanhdao", APPROVER),
        "admin": _user("quantri", ADMIN),
    }


def code(device: TOTPDevice, step_offset: int = 0) -> str:
    """The app's code for the current 30-second step (+ offset), as the phone shows it."""
    # Not at the edge of a step: the code must still be valid when the server checks it.
    if device.step - time.time() % device.step < 2:
        time.sleep(2.1)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + step_offset * device.step
    return f"{totp.token():06d}"


def sign_in(client, user: User, **extra):
    return client.post(
        reverse("accounts:login"),
        {"username": user.username, "password": PASSWORD, **extra},
        REMOTE_ADDR="203.0.113.10",
    )


def enrolled(user: User) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Ứng dụng xác thực", confirmed=True)


def page_text(response) -> str:
    return response.content.decode()


def test_off_by_default_a_password_is_enough(client, staff):
    assert settings.OTP_REQUIRED_FOR_PERMISSIONS == []
    response = sign_in(client, staff["approver"])
    assert response.status_code == 302
    assert client.get(DASHBOARD).status_code == 200


@no_throttle
def test_enrolling_shows_a_qr_code_and_asks_for_a_code(client, staff):
    user = staff["author"]
    client.force_login(user)
    setup = reverse("accounts:otp-setup")
    html = page_text(client.get(setup))
    assert "<svg" in html and "Mã QR để thêm tài khoản" in html
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    # The QR code stays the same on reload: what the phone scanned stays valid.
    client.get(setup)
    assert TOTPDevice.objects.filter(user=user).count() == 1

    wrong = client.post(setup, {"code": "000000" if code(device) != "000000" else "111111"})
    assert "Mã xác thực không đúng hoặc đã được dùng" in page_text(wrong)
    assert not TOTPDevice.objects.get(pk=device.pk).confirmed
    assert "Mã xác thực gồm đúng 6 chữ số." in page_text(client.post(setup, {"code": "12ab"}))

    done = client.post(setup, {"code": code(device)}, follow=True)
    assert "Đã bật xác thực hai bước" in page_text(done)
    assert TOTPDevice.objects.get(pk=device.pk).confirmed
    assert AuditEvent.objects.filter(
        kind=AuditEvent.Kind.USER_CHANGED, target=user.username, details__two_factor=[False, True]
    ).exists()
    # This session gave the code: the workspace opens.
    assert client.get(DASHBOARD).status_code == 200


@no_throttle
def test_signing_in_then_asks_for_the_code(client, staff):
    user = staff["editor"]
    device = enrolled(user)
    response = sign_in(client, user, next="/toa-soan/bai-viet/")
    assert response.status_code == 302
    # Signed in with the password only: every workspace and admin page asks for the code.
    for path in (DASHBOARD, "/toa-soan/bai-viet/", "/quan-tri/"):
        stopped = client.get(path)
        assert stopped.status_code == 302
        assert stopped["Location"].startswith(reverse("accounts:otp-verify")), path
    verify = client.get(client.get("/toa-soan/bai-viet/")["Location"])
    assert "Xác thực hai bước" in page_text(verify)
    assert 'name="next" value="/toa-soan/bai-viet/"' in page_text(verify)

    url = reverse("accounts:otp-verify")
    wrong = client.post(url, {"code": "123456" if code(device) != "123456" else "654321"})
    assert wrong.status_code == 200
    assert "Mã xác thực không đúng hoặc đã được dùng" in page_text(wrong)
    assert client.get(DASHBOARD).status_code == 302
    assert AuditEvent.objects.filter(
        kind=AuditEvent.Kind.LOGIN_FAILED, target=user.username, details__step="otp"
    ).exists()

    right = client.post(url, {"code": code(device), "next": "/toa-soan/bai-viet/"})
    assert right.status_code == 302 and right["Location"] == "/toa-soan/bai-viet/"
    assert client.get(DASHBOARD).status_code == 200


@no_throttle
def test_a_code_cannot_be_used_twice(client, staff):
    user = staff["author"]
    device = enrolled(user)
    used = code(device)
    sign_in(client, user)
    assert client.post(reverse("accounts:otp-verify"), {"code": used}).status_code == 302
    client.post(reverse("accounts:logout"))

    # Someone who saw the code (over a shoulder, from a phishing page) tries it again.
    other = client.__class__()
    sign_in(other, user)
    replay = other.post(reverse("accounts:otp-verify"), {"code": used})
    assert "Mã xác thực không đúng hoặc đã được dùng" in page_text(replay)
    assert other.get(DASHBOARD).status_code == 302
    # The next code from the app works.
    fresh = other.post(reverse("accounts:otp-verify"), {"code": code(device, +1)})
    assert fresh.status_code == 302
    assert other.get(DASHBOARD).status_code == 200


def test_guessing_is_slowed_down(client, staff):
    user = staff["author"]
    device = enrolled(user)
    sign_in(client, user)
    url = reverse("accounts:otp-verify")
    right = code(device)
    wrong = "000000" if right != "000000" else "111111"
    client.post(url, {"code": wrong})
    # Right away, even the right code is not tried: the wait doubles with each failure.
    throttled = client.post(url, {"code": right})
    assert "Bạn đã nhập sai nhiều lần. Hãy chờ" in page_text(throttled)
    assert client.get(DASHBOARD).status_code == 302
    device.refresh_from_db()
    assert device.throttling_failure_count == 1

    # Once the wait is over, the right code is accepted.
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=timezone.now() - timedelta(seconds=5)
    )
    assert client.post(url, {"code": code(device)}).status_code == 302
    assert client.get(DASHBOARD).status_code == 200


def test_an_unverified_session_cannot_enrol_another_device(client, staff):
    """A stolen password alone must not let anyone replace the owner's phone."""
    user = staff["author"]
    enrolled(user)
    sign_in(client, user)
    response = client.get(reverse("accounts:otp-setup"))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:otp-verify")
    assert TOTPDevice.objects.filter(user=user).count() == 1


@no_throttle
@override_settings(OTP_REQUIRED_FOR_PERMISSIONS=REQUIRED)
@pytest.mark.parametrize(
    ("role", "required"),
    [
        ("author", False),
        ("editor", True),
        ("approver", True),
        ("admin", True),
    ],
)
def test_the_setting_makes_it_mandatory_for_reviewers_and_admins(client, staff, role, required):
    user = staff[role]
    sign_in(client, user)
    response = client.get("/toa-soan/bai-viet/")
    if not required:
        assert response.status_code == 200
        return
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:otp-setup"))
    assert client.get(DASHBOARD)["Location"].startswith(reverse("accounts:otp-setup"))
    html = page_text(client.get(reverse("accounts:otp-setup")))
    assert "cần bật xác thực hai bước trước khi vào Tòa soạn" in html

    device = TOTPDevice.objects.get(user=user, confirmed=False)
    client.post(reverse("accounts:otp-setup"), {"code": code(device)})
    assert client.get("/toa-soan/bai-viet/").status_code == 200
    # And it cannot be turned off again by its owner.
    client.post(reverse("accounts:otp-disable"), {"code": code(device, +1)})
    assert TOTPDevice.objects.filter(user=user, confirmed=True).exists()


@no_throttle
def test_an_optional_user_may_turn_it_off_with_a_code(client, staff):
    user = staff["author"]
    client.force_login(user)
    client.get(reverse("accounts:otp-setup"))
    device = TOTPDevice.objects.get(user=user)
    client.post(reverse("accounts:otp-setup"), {"code": code(device)})
    refused = client.post(reverse("accounts:otp-disable"), {"code": "12"}, follow=True)
    assert "Mã xác thực gồm đúng 6 chữ số." in page_text(refused)
    assert TOTPDevice.objects.filter(user=user).exists()
    done = client.post(reverse("accounts:otp-disable"), {"code": code(device, +1)}, follow=True)
    assert "Đã tắt xác thực hai bước." in page_text(done)
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()
