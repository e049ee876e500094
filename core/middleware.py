from django.http import QueryDict

from .text import is_clean_nfc, nfc


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
