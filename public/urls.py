from django.contrib.sitemaps.views import sitemap
from django.urls import path

from . import calendar, feeds, views
from .sitemaps import SITEMAPS
from .sitemaps import index as sitemap_index

app_name = "public"

urlpatterns = [
    path("", views.home, name="home"),
    path("chuyen-muc/<slug:slug>/", views.category, name="category"),
    path("chuyen-muc/<slug:slug>/rss/", feeds.CategoryFeed(), name="category-feed"),
    path("the/<slug:slug>/", views.tag, name="tag"),
    path("bai-viet/<slug:slug>/", views.article, name="article"),
    path("luot-xem/<int:pk>/", views.count_view, name="count-view"),
    path("su-kien/", views.event_index, name="event-index"),
    path("su-kien/lich.ics", calendar.upcoming_events, name="event-calendar"),
    path("su-kien/<slug:slug>/", views.event, name="event"),
    path("su-kien/<slug:slug>/lich.ics", calendar.single_event, name="event-ics"),
    path("nhan-vat/", views.participant_index, name="participant-index"),
    path("nhan-vat/<slug:slug>/", views.participant, name="participant"),
    path("van-ban/", views.resolution_index, name="resolution-index"),
    path("van-ban/<slug:slug>/", views.resolution, name="resolution"),
    path("tim-kiem/", views.search, name="search"),
    path("rss/", feeds.LatestFeed(), name="feed"),
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-<section>.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap-section"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("favicon.ico", views.favicon, name="favicon"),
]
