from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Rss201rev2Feed

from articles.models import Article, Category

FEED_SIZE = 30


class LatestFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "vi"

    def title(self, obj=None):
        return settings.SITE_NAME

    def link(self, obj=None):
        return settings.SITE_URL + "/"

    def item_link(self, item):
        # Absolute at SITE_URL: the feed names the site's public address, whatever
        # host the request came through.
        return settings.SITE_URL + item.get_absolute_url()

    def description(self, obj=None):
        return f"Tin bài mới nhất của {settings.SITE_NAME}"

    def items(self, obj=None):
        return Article.objects.public().select_related("category")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.sapo

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.byline or None

    def item_categories(self, item):
        return [item.category.name]


class CategoryFeed(LatestFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Category, slug=slug)

    def title(self, obj=None):
        return f"{obj.name} — {settings.SITE_NAME}"

    def link(self, obj=None):
        return settings.SITE_URL + obj.get_absolute_url()

    def description(self, obj=None):
        return obj.description or f"Tin bài mới nhất chuyên mục {obj.name}"

    def items(self, obj=None):
        return (
            Article.objects.public()
            .select_related("category")
            .filter(category__in=[obj, *obj.children.all()])[:FEED_SIZE]
        )
