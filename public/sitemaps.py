import math

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.db.models import Count, Max, QuerySet
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.decorators.http import require_safe

from articles.models import Article, Category, Event, Participant, Resolution

from .queries import ArticlePaginator


class SiteSitemap(Sitemap):
    """Absolute URLs from SITE_URL, not from the request's host or django.contrib.sites."""

    # URLs per sitemap page. Search engines take up to 50,000, but a page is built whole
    # in a worker's memory: 5,000 articles cost ~9 MB and ~255 ms a page at 100,000
    # articles, 2,000 cost ~4 MB and ~105 ms (docs/PERFORMANCE.md).
    limit = 2000
    protocol = settings.SITE_URL.split("://", 1)[0]

    def get_domain(self, site=None):
        return settings.SITE_URL.split("://", 1)[-1]

    def summary(self) -> tuple[int, object]:
        """(number of items, latest lastmod) in one query. Django's own
        get_latest_lastmod reads every item: 100,000 rows for the articles."""
        items = self.items()
        if not isinstance(items, QuerySet):
            return len(items), None
        if not callable(getattr(self, "lastmod", None)):
            return items.order_by().count(), None
        found = items.order_by().aggregate(n=Count("pk"), latest=Max("updated_at"))
        return found["n"], found["latest"]

    def get_latest_lastmod(self):
        return self.summary()[1]


class ArticleSitemap(SiteSitemap):
    changefreq = "weekly"

    def items(self):
        return Article.objects.public().only("slug", "updated_at", "published_at")

    def lastmod(self, item):
        return item.updated_at

    def summary(self) -> tuple[int, object]:
        # Two index scans (a count on article_public_recent, the newest change on
        # article_public_updated) rather than one aggregate reading every row.
        public = Article.objects.public().order_by()
        latest = public.order_by("-updated_at").values_list("updated_at", flat=True).first()
        return public.count(), latest

    @cached_property
    def paginator(self):
        # Page 19 of 100,000 articles: ids from the index, then 5,000 rows, not 95,000.
        return ArticlePaginator(
            Article.objects.public(), self.limit, rows=self.items(), rows_are_listing=True
        )


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


@require_safe
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
        count, lastmod = sitemap.summary()
        items.append(SitemapIndexItem(location, lastmod))
        items += [
            SitemapIndexItem(f"{location}?p={page}", lastmod)
            for page in range(2, max(1, math.ceil(count / sitemap.limit)) + 1)
        ]
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": items}, content_type="application/xml"
    )
