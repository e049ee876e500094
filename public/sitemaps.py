from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from articles.models import Article, Category, Event, Participant, Resolution


class SiteSitemap(Sitemap):
    """Absolute URLs from SITE_URL, not from django.contrib.sites."""

    limit = 5000

    def get_domain(self, site=None):
        return settings.SITE_URL.split("://", 1)[-1]

    def get_protocol(self, protocol=None):
        return settings.SITE_URL.split("://", 1)[0]


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
