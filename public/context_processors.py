from django.conf import settings

from .queries import categories


def site(request):
    """Site name and the navigation's sections, for every template."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_TAGLINE": settings.SITE_TAGLINE,
        "SITE_ORGANIZATION": settings.SITE_ORGANIZATION,
        "SITE_URL": settings.SITE_URL,
        # Lazy: read only by templates that show the menu, once per content version.
        "nav_sections": lambda: [c for c in categories(request) if c.parent_id is None],
    }
