"""Writing an article and moving it through the workflow."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from articles.models import Article
from workflow import services
from workflow.models import ShareLink
from workflow.rules import Action, ActionRefused
from workflow.services import EditConflict, ExpectedState

from .. import queries, sharing
from ..access import article_for, staff_required
from ..article_page import conflict_context, editor_context
from ..forms import ArticleForm, CommentForm, CorrectionForm, ShareLinkForm, TransitionForm
from ..states import Chain, step_label
from .common import page

Status = Article.Status


def _edit_url(article, anchor: str = "") -> str:
    return reverse("workspace:article-edit", kwargs={"pk": article.pk}) + anchor


def _default_byline(user) -> str:
    """ "Phòng Lý luận chính trị - Lịch sử, Ban Tuyên giáo Tỉnh ủy", as the press signs."""
    return f"{user.department}, {settings.SITE_NAME}" if user.department else ""


def _bound_form(request) -> ArticleForm:
    """The posted form, validated, with its featured image stored if one was chosen."""
    form = ArticleForm(request.POST, request.FILES, user=request.user)
    form.is_valid()
    form.store_upload(request.user)
    return form


def _render_editor(request, form, article=None, *, conflict=None, keep_form=False, status=200):
    context = editor_context(request, form, article, conflict=conflict, keep_form=keep_form)
    return page(request, "workspace/editor.html", context, status=status)


def _submit_after_save(request, article) -> None:
    """ "Lưu và gửi duyệt": the submission expects the state the save just left."""
    try:
        services.submit(request.user, article, expected=ExpectedState.of(article))
    except ActionRefused as exc:
        messages.error(
            request, _("Đã lưu, nhưng chưa gửi duyệt được: %(reason)s") % {"reason": exc}
        )
    else:
        messages.success(request, done_message(Action.SUBMIT, article, queries.chain()))


@staff_required
def article_create(request):
    if not request.user.has_perm("articles.add_article"):
        raise PermissionDenied(_("Bạn không có quyền viết bài."))
    if request.method == "POST":
        form = _bound_form(request)
        if not form.errors:
            article = services.create_article(request.user, form.content())
            form.update_image_description()
            messages.success(request, _("Đã tạo bài nháp “%(title)s”.") % {"title": article.title})
            if request.POST.get("then") == Action.SUBMIT:
                _submit_after_save(request, article)
            return redirect(_edit_url(article))
    else:
        form = ArticleForm(initial={"byline": _default_byline(request.user)}, user=request.user)
    return _render_editor(request, form)


@staff_required
def article_edit(request, pk: int):
    article = article_for(request, pk)
    if request.method != "POST":
        revision = services.ensure_baseline_revision(article)
        initial = {**ArticleForm.initial_from(revision.content), "base_revision_id": revision.pk}
        queries.mark_article_notifications_read(request.user, article)
        return _render_editor(request, ArticleForm(initial=initial, user=request.user), article)

    form = _bound_form(request)
    if form.errors:
        return _render_editor(request, form, article, keep_form=True)
    try:
        revision = services.save_working_copy(
            request.user,
            article,
            form.content(),
            base_revision_id=form.cleaned_data["base_revision_id"],
        )
    except EditConflict as conflict:
        # Nothing was overwritten. The editor's text stays in the form; saving again now
        # is a choice made with the differences in view, so it is based on the latest.
        form.data = form.data.copy()
        form.data["base_revision_id"] = str(conflict.latest.pk)
        article.refresh_from_db()
        return _render_editor(
            request, form, article, conflict=conflict_context(conflict), keep_form=True, status=409
        )
    except ActionRefused as exc:
        messages.error(request, str(exc))
        return _render_editor(request, form, article, keep_form=True, status=403)
    form.update_image_description()
    messages.success(request, _("Đã lưu phiên bản %(n)s.") % {"n": revision.number})
    if request.POST.get("then") == Action.SUBMIT:
        _submit_after_save(request, article)
    return redirect(_edit_url(article))


# Transitions ---------------------------------------------------------------------------


def done_message(action: Action, article: Article, chain: Chain) -> str:
    if action == Action.SUBMIT:
        return _("Đã gửi duyệt. Bài đang chờ %(step)s.") % {
            "step": step_label(chain, article.current_step)
        }
    if action == Action.APPROVE:
        if article.status == Status.SUBMITTED:
            return _("Đã duyệt. Bài chuyển sang %(step)s.") % {
                "step": step_label(chain, article.current_step)
            }
        if article.status == Status.APPROVED:
            return _("Đã duyệt. Bài chờ người có quyền xuất bản.")
    if action in (Action.APPROVE, Action.PUBLISH):
        if article.is_scheduled:
            when = timezone.localtime(article.published_at).strftime("%H:%M %d/%m/%Y")
            return _("Đã hẹn giờ xuất bản lúc %(when)s.") % {"when": when}
        return _("Đã xuất bản. Bài đang hiện trên trang.")
    return {
        Action.RECALL: _("Đã rút bài về nháp."),
        Action.RETURN: _("Đã trả bài lại cho tác giả kèm ý kiến."),
        Action.UNSCHEDULE: _("Đã hủy hẹn giờ. Bài trở về trạng thái đã duyệt."),
        Action.WITHDRAW: _("Đã gỡ bài khỏi trang."),
        Action.TRASH: _("Đã chuyển bài “%(title)s” vào thùng rác. Có thể khôi phục tại đây.")
        % {"title": article.title},
    }[action]


def _perform(user, article: Article, action: Action, form: TransitionForm) -> None:
    expected = form.expected()
    data = form.cleaned_data
    if action == Action.SUBMIT:
        services.submit(user, article, comment=data.get("comment", ""), expected=expected)
    elif action == Action.RECALL:
        services.recall(user, article, expected=expected)
    elif action == Action.APPROVE:
        services.approve(
            user,
            article,
            publish_at=form.publish_at_value(),
            comment=data.get("comment", ""),
            expected=expected,
        )
    elif action == Action.RETURN:
        services.return_to_author(user, article, comment=data.get("comment", ""), expected=expected)
    elif action == Action.PUBLISH:
        services.publish(user, article, publish_at=form.publish_at_value(), expected=expected)
    elif action == Action.UNSCHEDULE:
        services.unschedule(user, article, expected=expected)
    elif action == Action.WITHDRAW:
        services.withdraw(user, article, reason=data.get("reason", ""), expected=expected)
    elif action == Action.TRASH:
        services.trash(user, article, expected=expected)


@staff_required
@require_POST
def article_transition(request, pk: int):
    article = article_for(request, pk)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(_edit_url(article, "#viec-tiep-theo"))
    action = Action(form.cleaned_data["action"])
    try:
        _perform(request.user, article, action, form)
    except ActionRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, done_message(action, article, queries.chain()))
        if action == Action.TRASH:
            # The article left every list: the trash is where it can be found again.
            return redirect("workspace:trash")
    return redirect(_edit_url(article, "#viec-tiep-theo"))


# Around the article ----------------------------------------------------------------------


@staff_required
@require_POST
def article_comment(request, pk: int):
    article = article_for(request, pk)
    form = CommentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Ý kiến trống hoặc quá dài."))
    else:
        try:
            services.add_comment(request.user, article, form.cleaned_data["body"])
        except ActionRefused as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Đã gửi ý kiến."))
    return redirect(_edit_url(article, "#y-kien"))


@staff_required
@require_POST
def article_correction(request, pk: int):
    article = article_for(request, pk)
    form = CorrectionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Nội dung đính chính trống hoặc quá dài."))
    else:
        try:
            services.add_correction(request.user, article, form.cleaned_data["text"])
        except ActionRefused as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Đã đăng đính chính."))
    return redirect(_edit_url(article, "#dinh-chinh"))


@staff_required
@require_POST
def share_create(request, pk: int):
    article = article_for(request, pk, Action.SHARE)
    form = ShareLinkForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy chọn thời hạn của liên kết."))
        return redirect(_edit_url(article, "#chia-se"))
    link = sharing.create_link(
        request.user, article, lifetime=form.lifetime(), note=form.cleaned_data["note"]
    )
    messages.success(
        request,
        _(
            "Đã tạo liên kết xem trước phiên bản %(n)s. Sao chép liên kết trong mục “Chia sẻ bản xem trước”."
        )
        % {"n": link.revision.number},
    )
    return redirect(_edit_url(article, "#chia-se"))


@staff_required
@require_POST
def share_revoke(request, pk: int, link_id: int):
    article = article_for(request, pk, Action.SHARE)
    link = get_object_or_404(ShareLink, pk=link_id, revision__article=article)
    sharing.revoke_link(request.user, article, link)
    messages.success(request, _("Đã thu hồi liên kết. Người có liên kết không mở được nữa."))
    return redirect(_edit_url(article, "#chia-se"))
