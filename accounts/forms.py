"""The sign-in and password forms of the workspace, worded for the newsroom."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, PasswordResetForm
from django.utils.translation import gettext_lazy as _


class StaffLoginForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        # One message for an unknown username, a wrong password and a deactivated
        # account alike: the page must not tell a stranger which usernames exist.
        "invalid_login": _(
            "Tên đăng nhập hoặc mật khẩu không đúng. Lưu ý: mật khẩu phân biệt chữ hoa "
            "và chữ thường."
        ),
    }


class StaffPasswordChangeForm(PasswordChangeForm):
    error_messages = {
        **PasswordChangeForm.error_messages,
        "password_incorrect": _("Mật khẩu hiện tại không đúng. Vui lòng nhập lại."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = _("Mật khẩu hiện tại")


class StaffPasswordResetForm(PasswordResetForm):
    email = forms.EmailField(
        label=_("Địa chỉ email"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("Địa chỉ email đã đăng ký cho tài khoản của bạn."),
    )


class OTPCodeForm(forms.Form):
    """The 6 digits an authenticator app shows."""

    code = forms.CharField(
        label=_("Mã xác thực"),
        max_length=12,
        help_text=_("6 chữ số đang hiện trong ứng dụng xác thực trên điện thoại của bạn."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
        error_messages={"required": _("Hãy nhập mã xác thực.")},
    )

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        if not (code.isdigit() and len(code) == 6):
            raise forms.ValidationError(_("Mã xác thực gồm đúng 6 chữ số."))
        return code
