import logging

from django.http import HttpResponse, QueryDict

from .text import is_clean_nfc, nfc

logger = logging.getLogger(__name__)


def _normalized(query: QueryDict) -> QueryDict:
    if all(
        is_clean_nfc(key) and all(is_clean_nfc(v) for v in values) for key, values in query.lists()
    ):
        return query
    normalized = QueryDict(mutable=True, encoding=query.encoding)
    for key, values in query.lists():
        normalized.setlist(nfc(key), [nfc(v) for v in values])
    normalized._mutable = False
    return normalized


class NormalizeInputMiddleware:
    """Bring query strings and form fields to Unicode NFC before any view sees them.

    It runs in process_view, after CsrfViewMiddleware has read the form, so the
    upload handlers and the CSRF check see the request exactly as it came.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        request.GET = _normalized(request.GET)
        if request.method == "POST":
            request.POST = _normalized(request.POST)
        return None


class DatabaseUnavailableMiddleware:
    """A database that has gone away gives readers a Vietnamese 503 page, not a traceback.

    The request's work is not done (a save is refused, not lost silently) and the page
    says so. The site recovers by itself when the database is back: at the end of the
    request Django closes a connection that had errors and no longer works, and the
    next request opens a new one (CONN_HEALTH_CHECKS checks persistent ones).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from django.db import InterfaceError, OperationalError
        from django.template.loader import render_to_string

        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        logger.error("Database unavailable for %s %s: %s", request.method, request.path, exception)
        html = render_to_string("503.html", {"was_write": request.method not in ("GET", "HEAD")})
        response = HttpResponse(html, status=503, content_type="text/html; charset=utf-8")
        response["Retry-After"] = "30"
        response["Cache-Control"] = "no-store"
        return response
