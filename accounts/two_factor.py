"""Two-step sign-in (xác thực hai bước) with a TOTP app, on django-otp.

A staff member who enrolled an authenticator app signs in with the password, then with
the app's 6-digit code; until the code is given, no workspace or admin page opens.
When settings.OTP_REQUIRED_FOR_PERMISSIONS names permissions (from the environment;
empty, the default, means optional for everyone), a user holding any of them must
enrol before reaching any other page. django-otp keeps the secret, refuses a code
already used (TOTPDevice.last_t) and slows down guessing (its throttling).
"""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django_otp.plugins.otp_totp.models import TOTPDevice

# The pages a half-signed-in user must not reach. Public pages stay open: they show
# nothing a signed-out reader could not see.
GUARDED_PREFIXES = ("/toa-soan/", "/quan-tri/", "/anh/")
DEVICE_NAME = "Ứng dụng xác thực"


def confirmed_device(user) -> TOTPDevice | None:
    if not user.is_authenticated:
        return None
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def pending_device(user) -> TOTPDevice:
    """The not-yet-confirmed device being enrolled: the same one (and QR code) until
    confirmed, so reloading the page does not invalidate what the phone scanned."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def required_for(user) -> bool:
    """Whether user must use two-step sign-in (settings.OTP_REQUIRED_FOR_PERMISSIONS)."""
    permissions = getattr(settings, "OTP_REQUIRED_FOR_PERMISSIONS", ()) or ()
    if not user.is_authenticated or not permissions:
        return False
    return any(user.has_perm(permission) for permission in permissions)


def safe_next(request, default: str = "") -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default or settings.LOGIN_REDIRECT_URL


class TwoFactorMiddleware:
    """After the password: the code, or enrolment where it is required.

    Installed after django_otp.middleware.OTPMiddleware, which tells whether the
    session has been verified with a device (request.user.is_verified()).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        redirect_to = self._stop(request)
        if redirect_to is not None:
            return redirect_to
        return self.get_response(request)

    def _stop(self, request):
        path = request.path
        if not path.startswith(GUARDED_PREFIXES):
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        exempt = {
            reverse("accounts:logout"),
            reverse("accounts:otp-verify"),
            reverse("accounts:otp-setup"),
        }
        if path in exempt:
            return None
        if user.is_verified():
            return None
        target = (
            "?" + urlencode({"next": request.get_full_path()}) if request.method == "GET" else ""
        )
        if confirmed_device(user) is not None:
            return redirect(reverse("accounts:otp-verify") + target)
        if required_for(user):
            return redirect(reverse("accounts:otp-setup") + target)
        return None
