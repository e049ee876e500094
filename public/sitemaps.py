from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from articles.models import Article, Category, Event, Participant, Resolution


class SiteSitemap(Sitemap):
    """Absolute URLs from SITE_URL, not from the request's host or django.contrib.sites."""

    limit = 5000
    protocol = settings.SITE_URL.split("://", 1)[0]

    def get_domain(self, site=None):
        return settings.SITE_URL.split("://", 1)[-1]


class ArticleSitemap(SiteSitemap):
    changefreq = "weekly"

    def items(self):
        return (
            Article.objects.public()
            .only("slug", "updated_at", "published_at")
            .order_by("-published_at", "-id")
        )

    def lastmod(self, item):
        return item.updated_at


class CategorySitemap(SiteSitemap):
    changefreq = "hourly"

    def items(self):
        return Category.objects.only("slug")


class EventSitemap(SiteSitemap):
    def items(self):
        return Event.objects.only("slug", "updated_at").order_by("-starts_at", "-id")

    def lastmod(self, item):
        return item.updated_at


class ParticipantSitemap(SiteSitemap):
    def items(self):
        return Participant.objects.only("slug", "updated_at").order_by("id")

    def lastmod(self, item):
        return item.updated_at


class ResolutionSitemap(SiteSitemap):
    def items(self):
        return Resolution.objects.only("slug", "updated_at").order_by("id")

    def lastmod(self, item):
        return item.updated_at


class PageSitemap(SiteSitemap):
    changefreq = "hourly"

    def items(self):
        return [
            "public:home",
            "public:event-index",
            "public:resolution-index",
            "public:participant-index",
        ]

    def location(self, item):
        return reverse(item)


SITEMAPS = {
    "trang": PageSitemap,
    "bai-viet": ArticleSitemap,
    "chuyen-muc": CategorySitemap,
    "su-kien": EventSitemap,
    "nhan-vat": ParticipantSitemap,
    "van-ban": ResolutionSitemap,
}


@require_GET
@x_robots_tag
def index(request):
    """The sitemap index, one entry per page of each section, at SITE_URL.

    Django's own index view names the request's host instead.
    """
    items = []
    for section, sitemap_class in SITEMAPS.items():
        sitemap = sitemap_class()
        location = settings.SITE_URL + reverse(
            "public:sitemap-section", kwargs={"section": section}
        )
        lastmod = sitemap.get_latest_lastmod()
        items.append(SitemapIndexItem(location, lastmod))
        items += [
            SitemapIndexItem(f"{location}?p={page}", lastmod)
            for page in range(2, sitemap.paginator.num_pages + 1)
        ]
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": items}, content_type="application/xml"
    )
