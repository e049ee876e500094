"""The ceiling the benchmark compares the site with: a bare Django view returning a page
held in memory, under the same gunicorn as the site.

No middleware, no template, no database: what Django and gunicorn cost per request on
this machine. The page is BENCH_CEILING_FILE (the benchmark writes a copy of a real
article page there, so that both move the same number of bytes).

    BENCH_CEILING_FILE=page.html gunicorn bench.ceiling:application -w 2 -b 127.0.0.1:8102
"""

import os

from django.conf import settings

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-ceiling-not-a-secret",  # noqa: S106
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
    USE_TZ=True,
)

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.urls import re_path  # noqa: E402

with open(os.environ.get("BENCH_CEILING_FILE", os.devnull), "rb") as f:
    PAGE = f.read() or b"x" * 10240


def page(request):
    return HttpResponse(PAGE, content_type="text/html; charset=utf-8")


urlpatterns = [re_path(r"", page)]
application = get_wsgi_application()
