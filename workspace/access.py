"""Who gets into the workspace, and what a refusal looks like.

Every page needs a signed-in user with articles.view_article; what they may do to one
article is workflow.rules' answer, asked by the views. A refusal is a Vietnamese page
(or JSON answer) with status 403, never Django's English one.
"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from articles.models import Article
from workflow.rules import Action, ActionRefused, check

VIEW_PERMISSION = "articles.view_article"


def forbidden(request, reason: str = ""):
    return render(
        request,
        "workspace/403.html",
        {"reason": reason or _("Bạn không có quyền thực hiện thao tác này.")},
        status=403,
    )


def _private(response):
    # Staff pages show unpublished work: no shared cache may keep them.
    patch_cache_control(response, private=True, no_store=True)
    return response


def staff_required(view):
    """A workspace page: sign in first, then articles.view_article; refusals are 403s."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not user.has_perm(VIEW_PERMISSION):
            return _private(
                forbidden(request, _("Tài khoản của bạn chưa được cấp quyền vào Tòa soạn."))
            )
        try:
            response = view(request, *args, **kwargs)
        except (PermissionDenied, ActionRefused) as exc:
            response = forbidden(request, str(exc))
        return _private(response)

    return wrapper


def api_view(view):
    """A JSON endpoint of the workspace: the same access as its pages, answered in JSON."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return JsonResponse({"error": _("Bạn cần đăng nhập.")}, status=401)
        if not user.has_perm(VIEW_PERMISSION):
            return JsonResponse({"error": _("Bạn không có quyền vào Tòa soạn.")}, status=403)
        try:
            response = view(request, *args, **kwargs)
        except (PermissionDenied, ActionRefused) as exc:
            response = JsonResponse(
                {"error": str(exc) or _("Bạn không có quyền thực hiện thao tác này.")},
                status=403,
            )
        return _private(response)

    return wrapper


def article_for(request, pk: int, action: Action = Action.VIEW) -> Article:
    """The article at pk with what its page shows, if the user may do action to it
    (ActionRefused otherwise, which the decorators turn into a 403)."""
    article = get_object_or_404(
        Article.objects.select_related(
            "category",
            "category__parent",
            "author",
            "current_step",
            "current_step__group",
            "latest_revision",
            "latest_revision__created_by",
            "live_revision",
        ),
        pk=pk,
    )
    check(request.user, action, article)
    return article
