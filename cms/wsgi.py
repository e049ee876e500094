import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

django_application = get_wsgi_application()

# Imported once Django is set up. Cached public pages are answered before Django builds
# a request for them; everything else goes on to Django (public/cache.py).
from public.cache import PublicPageCacheApplication  # noqa: E402

application = PublicPageCacheApplication(django_application)
