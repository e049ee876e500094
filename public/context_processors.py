from django.conf import settings

from articles.models import Category


def site(request):
    """Site name and the navigation's sections, for every template."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_TAGLINE": settings.SITE_TAGLINE,
        "SITE_ORGANIZATION": settings.SITE_ORGANIZATION,
        "SITE_URL": settings.SITE_URL,
        "nav_sections": lambda: list(
            Category.objects.filter(parent__isnull=True).only("name", "slug")
        ),
    }
