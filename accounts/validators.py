from django.contrib.auth.password_validation import MinimumLengthValidator as BaseMinimumLength
from django.utils.translation import gettext as _


class MinimumLengthValidator(BaseMinimumLength):
    """Django's own, with its refusal in Vietnamese: Django 5.2 changed the English
    message and its Vietnamese catalogue still has only the old one."""

    def get_error_message(self):
        return _("Mật khẩu này quá ngắn: cần ít nhất %(min_length)d ký tự.") % {
            "min_length": self.min_length
        }
