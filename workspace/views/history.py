"""An article's revisions and transitions: list, compare, restore, preview."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from workflow import services
from workflow.diff import compare as compare_contents
from workflow.rules import Action, ActionRefused, can
from workflow.services import EditConflict

from .. import queries
from ..access import article_for, staff_required
from ..forms import RestoreForm
from ..preview import render_revision
from ..states import describe, status_label
from .common import page


def _revision(article, number: int):
    return get_object_or_404(article.revisions.select_related("created_by"), number=number)


@staff_required
@require_GET
def history(request, pk: int):
    article = article_for(request, pk)
    services.ensure_baseline_revision(article)
    revisions = list(
        article.revisions.select_related("created_by", "restored_from").order_by("-number")
    )
    transitions = list(
        article.transitions.select_related("actor", "revision").order_by("-created_at", "-id")
    )
    for row in transitions:
        row.from_label = status_label(row.from_status)
        row.to_label = status_label(row.to_status)
    latest = article.latest_revision_id
    live = article.live_revision_id if article.is_live else None
    default_b = revisions[0].number if revisions else None
    default_a = next(
        (r.number for r in revisions if r.pk == live and r.pk != latest),
        revisions[1].number if len(revisions) > 1 else default_b,
    )
    return page(
        request,
        "workspace/history.html",
        {
            "article": article,
            "state": describe(article, queries.chain()),
            "revisions": revisions,
            "transitions": transitions,
            "latest_id": latest,
            "live_id": live,
            "default_a": default_a,
            "default_b": default_b,
            "can_restore": can(request.user, Action.RESTORE, article),
            "nav_current": "articles",
        },
    )


def _number(value, fallback):
    try:
        return int(value)
    except (TypeError, ValueError):
        return fallback


@staff_required
@require_GET
def compare(request, pk: int):
    article = article_for(request, pk)
    latest = services.ensure_baseline_revision(article)
    b = _revision(article, _number(request.GET.get("b"), latest.number))
    a = _revision(article, _number(request.GET.get("a"), max(b.number - 1, 1)))
    diffs = compare_contents(a.content, b.content)
    changed = [d for d in diffs if d.changed]
    unchanged = [d for d in diffs if not d.changed]
    unified = request.GET.get("xem") == "gop"
    return page(
        request,
        "workspace/compare.html",
        {
            "article": article,
            "a": a,
            "b": b,
            "changed": changed,
            "unchanged": unchanged,
            "unified": unified,
            "numbers": list(article.revisions.order_by("-number").values_list("number", flat=True)),
            "latest_id": article.latest_revision_id,
            "live_id": article.live_revision_id if article.is_live else None,
            "nav_current": "articles",
        },
    )


@staff_required
@require_POST
def restore(request, pk: int, number: int):
    article = article_for(request, pk, Action.RESTORE)
    revision = _revision(article, number)
    form = RestoreForm(request.POST)
    base = form.cleaned_data.get("expected_revision") if form.is_valid() else None
    try:
        # save_working_copy rather than restore_revision: the base the user saw makes a
        # double click, or a save by someone else meanwhile, a conflict instead of a
        # second restore.
        restored = services.save_working_copy(
            request.user,
            article,
            revision.content,
            base_revision_id=base,
            restored_from=revision,
        )
    except EditConflict:
        messages.error(
            request,
            _(
                "Bài vừa được lưu thêm phiên bản mới; xem lại lịch sử rồi khôi phục lại nếu vẫn cần."
            ),
        )
        return redirect("workspace:article-history", pk=article.pk)
    except ActionRefused as exc:
        messages.error(request, str(exc))
        return redirect("workspace:article-history", pk=article.pk)
    messages.success(
        request,
        _("Đã khôi phục nội dung phiên bản %(old)s thành phiên bản mới %(new)s.")
        % {"old": revision.number, "new": restored.number},
    )
    return redirect(reverse("workspace:article-edit", kwargs={"pk": article.pk}))


@staff_required
@require_GET
def preview(request, pk: int, number: int):
    article = article_for(request, pk)
    revision = _revision(article, number)
    return render_revision(
        request,
        article,
        revision,
        {
            "preview_state": describe(article, queries.chain()),
            "is_latest": revision.pk == article.latest_revision_id,
            "is_live_revision": article.is_live and revision.pk == article.live_revision_id,
            "back_url": reverse("workspace:article-edit", kwargs={"pk": article.pk}),
        },
    )
