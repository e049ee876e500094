"""The trash (thùng rác): what staff moved out of the way, restorable until an
administrator empties it. Emptying leaves the history in place (workflow.services)."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from articles.models import Article
from workflow import rules, services
from workflow.rules import Action, ActionRefused

from .. import queries
from ..access import staff_required
from .common import page

PAGE_SIZE = 25


@staff_required
@require_GET
def trash(request):
    user = request.user
    articles = queries.trash(user)
    if not rules.manages_trash(user):
        # An author's trash holds what they may restore: their own articles.
        articles = articles.filter(author=user)
    page_obj = Paginator(articles, PAGE_SIZE).get_page(request.GET.get("page"))
    for article in page_obj.object_list:
        article.may_restore = rules.can(user, Action.UNTRASH, article)
    return page(
        request,
        "workspace/trash.html",
        {
            "page_obj": page_obj,
            "may_empty": user.has_perm("articles.purge_article"),
            "nav_current": "trash",
        },
    )


@staff_required
@require_POST
def restore(request, pk: int):
    article = get_object_or_404(Article, pk=pk)
    try:
        services.untrash(request.user, article)
    except ActionRefused as exc:
        messages.error(request, str(exc))
        return redirect("workspace:trash")
    messages.success(
        request,
        _("Đã khôi phục bài “%(title)s” từ thùng rác, đúng trạng thái như trước.")
        % {"title": article.title},
    )
    return redirect("workspace:article-edit", pk=article.pk)


def _confirmed(request) -> bool:
    if request.POST.get("confirm") == "1":
        return True
    messages.error(
        request, _("Hãy đánh dấu ô xác nhận trước khi xóa vĩnh viễn; chưa có bài nào bị xóa.")
    )
    return False


@staff_required
@require_POST
def empty(request):
    if not _confirmed(request):
        return redirect("workspace:trash")
    try:
        count = services.empty_trash(request.user)
    except ActionRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _("Đã dọn thùng rác: %(n)s bài bị xóa vĩnh viễn; lịch sử của các bài vẫn được giữ.")
            % {"n": count},
        )
    return redirect("workspace:trash")
