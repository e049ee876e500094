"""Content-Security-Policy: one strict policy for readers, a wider one for staff.

django-csp writes the header; this subclass only chooses which of the two policies a
request gets, by path. The public site runs our own static files and nothing else.
The staff workspace, its sign-in pages and the Django admin also run CKEditor 5 and
the admin's scripts, which need a little more (settings.STAFF_CONTENT_SECURITY_POLICY
says what and why). A policy set on a view with django-csp's decorators still wins.
"""

from __future__ import annotations

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings
from django.http import HttpRequest
from django.http.response import HttpResponseBase


def staff_request(request: HttpRequest) -> bool:
    prefixes = tuple(settings.STAFF_CONTENT_SECURITY_POLICY["URL_PREFIXES"])
    return request.path_info.startswith(prefixes)


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(
        self,
        request: HttpRequest,
        response: HttpResponseBase,
        report_only: bool = False,
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and staff_request(request):
            parts.config = default_config(settings.STAFF_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts
