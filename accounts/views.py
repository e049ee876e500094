"""Sign-in, sign-out and passwords for the workspace: Django's own views, with the
newsroom's forms and templates and a few touches the staff notice."""

from __future__ import annotations

import math
from base64 import b32encode

import django_otp
import segno
from axes.helpers import get_cool_off, get_failure_limit
from axes.utils import reset as reset_lockouts
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from audit.models import AuditEvent
from audit.recorder import record

from . import two_factor
from .forms import OTPCodeForm, StaffLoginForm, StaffPasswordChangeForm, StaffPasswordResetForm


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = StaffLoginForm


class LogoutView(auth_views.LogoutView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        # On a shared office computer, the next person should see that the session ended.
        messages.success(request, _("Bạn đã đăng xuất."))
        return response


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change_form.html"
    form_class = StaffPasswordChangeForm
    success_url = reverse_lazy("accounts:password_change_done")


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = "accounts/password_change_done.html"


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    form_class = StaffPasswordResetForm
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    @property
    def extra_email_context(self):
        # The link is built on SITE_URL, not on the Host header of the request that
        # asked for it, which anyone can set to their own server.
        return {
            "site_url": settings.SITE_URL,
            "organization": settings.SITE_NAME,
            "valid_hours": max(1, settings.PASSWORD_RESET_TIMEOUT // 3600),
        }


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")
    reset_url_token = "dat-mat-khau-moi"  # noqa: S105 - a path segment, not a secret  # nosec B105

    def form_valid(self, form):
        response = super().form_valid(form)
        # Whoever opened the link from the mailbox is the account's owner: let them sign
        # in with the new password now rather than wait out a lockout they caused.
        reset_lockouts(username=form.user.get_username())
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


def lockout(request, original_response=None, credentials=None):
    """The page axes shows instead of the login form once a username is locked out
    from this address (AXES_LOCKOUT_CALLABLE)."""
    cool_off = get_cool_off(request)
    return render(
        request,
        "accounts/lockout.html",
        {
            "failure_limit": get_failure_limit(request, credentials),
            "minutes": int(cool_off.total_seconds() // 60) if cool_off else None,
        },
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )


# Two-step sign-in (accounts/two_factor.py) ------------------------------------------------


def _check_code(request, device, code: str) -> str:
    """Verify code against device under django-otp's row lock and throttling: "" if it
    was accepted, else why not, in Vietnamese."""
    allowed, info = device.verify_is_allowed()
    if not allowed and info and info.get("locked_until"):
        # Refused without being tried: guessing is slowed down (1, 2, 4, 8… seconds).
        wait = max(1, math.ceil((info["locked_until"] - timezone.now()).total_seconds()))
        reason = _("Bạn đã nhập sai nhiều lần. Hãy chờ %(n)s giây rồi thử lại.") % {"n": wait}
    elif django_otp.verify_token(request.user, device.persistent_id, code) is not None:
        return ""
    else:
        reason = _(
            "Mã xác thực không đúng hoặc đã được dùng. Hãy nhập mã mới đang hiện trên ứng dụng."
        )
    record(
        AuditEvent.Kind.LOGIN_FAILED,
        request=request,
        target=request.user.get_username(),
        details={"step": "otp"},
    )
    return reason


@login_required
def otp_verify(request):
    """The second step of signing in: the code from the app."""
    device = two_factor.confirmed_device(request.user)
    if device is None or request.user.is_verified():
        return redirect(two_factor.safe_next(request))
    form = OTPCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        refusal = _check_code(request, device, form.cleaned_data["code"])
        if not refusal:
            django_otp.login(request, device)
            return redirect(two_factor.safe_next(request))
        form.add_error(None, refusal)
    return render(
        request,
        "accounts/otp_verify.html",
        {"form": form, "next": two_factor.safe_next(request, default="")},
    )


@login_required
def otp_setup(request):
    """Enrol an authenticator app (QR code, then a code to confirm), or see and turn off
    the one enrolled."""
    user = request.user
    device = two_factor.confirmed_device(user)
    required = two_factor.required_for(user)
    if device is not None:
        if not user.is_verified():
            # Only a session that gave a code may change the second factor.
            return redirect("accounts:otp-verify")
        return render(
            request,
            "accounts/otp_setup.html",
            {"device": device, "required": required, "form": OTPCodeForm()},
        )
    pending = two_factor.pending_device(user)
    form = OTPCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        refusal = _check_code(request, pending, form.cleaned_data["code"])
        if not refusal:
            pending.confirmed = True
            pending.save(update_fields=["confirmed"])
            django_otp.login(request, pending)
            record(
                AuditEvent.Kind.USER_CHANGED,
                request=request,
                target=user.get_username(),
                details={"two_factor": [False, True]},
            )
            messages.success(
                request, _("Đã bật xác thực hai bước. Lần đăng nhập sau sẽ hỏi mã xác thực.")
            )
            return redirect(two_factor.safe_next(request, default=reverse("accounts:otp-setup")))
        form.add_error(None, refusal)
    secret = b32encode(pending.bin_key).decode()
    return render(
        request,
        "accounts/otp_setup.html",
        {
            "form": form,
            "required": required,
            "qr_svg": mark_safe(  # noqa: S308 - markup generated by segno from our own URL  # nosec B308
                segno.make(pending.config_url, error="m").svg_inline(
                    scale=5, title=_("Mã QR để thêm tài khoản vào ứng dụng xác thực")
                )
            ),
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "next": two_factor.safe_next(request, default=""),
        },
    )


@login_required
@require_POST
def otp_disable(request):
    user = request.user
    device = two_factor.confirmed_device(user)
    if device is None or not user.is_verified():
        return redirect("accounts:otp-setup")
    if two_factor.required_for(user):
        messages.error(request, _("Tài khoản của bạn bắt buộc dùng xác thực hai bước."))
        return redirect("accounts:otp-setup")
    form = OTPCodeForm(request.POST)
    refusal = (
        _check_code(request, device, form.cleaned_data["code"])
        if form.is_valid()
        else form.errors["code"][0]
    )
    if refusal:
        messages.error(request, refusal)
        return redirect("accounts:otp-setup")
    device.delete()
    record(
        AuditEvent.Kind.USER_CHANGED,
        request=request,
        target=user.get_username(),
        details={"two_factor": [True, False]},
    )
    messages.success(request, _("Đã tắt xác thực hai bước."))
    return redirect("accounts:otp-setup")
