"""Sign-in, sign-out and passwords for the workspace: Django's own views, with the
newsroom's forms and templates and a few touches the staff notice."""

from __future__ import annotations

from axes.helpers import get_cool_off, get_failure_limit
from axes.utils import reset as reset_lockouts
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _

from .forms import StaffLoginForm, StaffPasswordChangeForm, StaffPasswordResetForm


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
    reset_url_token = "dat-mat-khau-moi"  # noqa: S105 - a path segment, not a secret

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
