"""The dashboard, the article list and the notifications."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from workflow.models import Notification

from .. import queries
from ..access import staff_required
from ..forms import ArticleFilterForm
from ..states import describe
from .common import page

LIST_PAGE_SIZE = 25
NOTIFICATIONS_PAGE_SIZE = 30


def _with_states(articles, chain) -> list:
    for article in articles:
        article.state = describe(article, chain)
    return articles


@staff_required
@require_GET
def dashboard(request):
    data = queries.dashboard(request.user)
    chain = queries.chain()
    for rows in (data.drafts, data.returned, data.awaiting, data.scheduled, data.recent):
        _with_states(rows, chain)
    return page(
        request,
        "workspace/dashboard.html",
        {
            "board": data,
            "me": request.user,
            "nav_current": "dashboard",
            "nav_unread": data.counts["unread"],
        },
    )


@staff_required
@require_GET
def article_list(request):
    form = ArticleFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    articles = queries.filter_articles(request.user, filters)
    page_obj = Paginator(articles, LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    _with_states(page_obj.object_list, queries.chain())
    query_without_page = request.GET.copy()
    query_without_page.pop("page", None)
    return page(
        request,
        "workspace/article_list.html",
        {
            "form": form,
            "page_obj": page_obj,
            "filtered": any(filters.get(name) for name in form.fields if name != "date_field"),
            "query_string": query_without_page.urlencode(),
            "nav_current": "articles",
        },
    )


@staff_required
@require_GET
def notifications(request):
    items = queries.notifications(request.user).select_related("article")
    page_obj = Paginator(items, NOTIFICATIONS_PAGE_SIZE).get_page(request.GET.get("page"))
    return page(
        request,
        "workspace/notifications.html",
        {"page_obj": page_obj, "nav_current": "notifications"},
    )


@staff_required
@require_POST
def notifications_read(request):
    """Mark the notifications named (or all of the user's) as read."""
    mine = Notification.objects.filter(recipient=request.user, read_at__isnull=True)
    ids = [value for value in request.POST.getlist("id") if value.isdigit()]
    if request.POST.get("all") != "1":
        mine = mine.filter(pk__in=ids)
    count = mine.update(read_at=timezone.now())
    if count:
        messages.success(request, _("Đã đánh dấu %(n)s thông báo là đã đọc.") % {"n": count})
    return redirect("workspace:notifications")
