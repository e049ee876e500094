"""What the article page shows beside the form: the state, the transition buttons
workflow.rules allows, the reviewer's changes since their last review, comments,
corrections and share links."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Prefetch
from django.utils.translation import gettext as _

from articles.models import Article, Event, Resolution
from workflow import rules
from workflow.diff import changed_fields
from workflow.models import Comment, ShareLink, ShareLinkOpening
from workflow.rules import LABELS, Action
from workflow.services import ExpectedState

from . import queries, sharing
from .forms import CommentForm, CorrectionForm, ShareLinkForm, TransitionForm
from .states import Chain, describe, progress, step_label

# The one button drawn as the page's main action, when the user has it.
PRIMARY = (Action.APPROVE, Action.PUBLISH, Action.SUBMIT)
SHARE_OPENINGS_SHOWN = 10


@dataclass
class Button:
    action: Action
    label: str
    note: str = ""
    primary: bool = False
    danger: bool = False
    confirm: str = ""  # asked in the browser before a danger button is sent
    # Extra fields the transition needs before it can be sent.
    needs_comment: bool = False
    needs_reason: bool = False
    offers_schedule: bool = False
    offers_publish_now: bool = False


def transition_buttons(user, article: Article, chain: Chain) -> list[Button]:
    """Exactly rules.allowed_transitions(), each with what it will do."""
    allowed = rules.allowed_transitions(user, article)
    primary = next((action for action in PRIMARY if action in allowed), None)
    buttons = []
    for action in allowed:
        button = Button(action, LABELS[action], primary=action == primary)
        if action == Action.SUBMIT:
            first = chain.first
            button.note = (
                _("Bài đến %(step)s.") % {"step": step_label(chain, first)} if first else ""
            )
        elif action == Action.RECALL:
            button.note = _("Bài trở về nháp để bạn sửa tiếp; người duyệt không còn thấy nó chờ.")
        elif action == Action.APPROVE:
            following = chain.after(article.current_step)
            if following is not None:
                button.note = _("Bài chuyển sang %(step)s.") % {
                    "step": step_label(chain, following)
                }
            elif user.has_perm("articles.publish_article"):
                # services.approve publishes on the last step when the approver may publish.
                button.offers_publish_now = True
                button.offers_schedule = not article.is_public
                button.note = _("Bước cuối: duyệt là xuất bản.")
            else:
                button.note = _("Bước cuối: bài chờ người có quyền xuất bản.")
        elif action == Action.RETURN:
            button.needs_comment = True
            button.note = _("Bài về lại tác giả kèm ý kiến của bạn.")
        elif action == Action.PUBLISH:
            button.offers_publish_now = True
            button.offers_schedule = not article.is_public
        elif action == Action.UNSCHEDULE:
            button.note = _("Bài thôi hẹn giờ và trở về trạng thái đã duyệt.")
        elif action == Action.WITHDRAW:
            button.needs_reason = True
            button.danger = True
            button.confirm = _("Gỡ bài khỏi trang công khai? Bạn đọc sẽ không thấy bài này nữa.")
            button.note = _("Bài biến mất khỏi trang công khai; tác giả được báo lý do.")
        elif action == Action.TRASH:
            button.danger = True
            button.confirm = _(
                "Chuyển bài vào thùng rác? Bài biến khỏi mọi danh sách cho đến khi được khôi phục."
            )
            button.note = _("Không mất gì: bài và mọi phiên bản được giữ, khôi phục được.")
        buttons.append(button)
    return buttons


def review_changes(user, article: Article) -> dict | None:
    """What changed since this user last approved or returned the article."""
    last = queries.last_review(user, article)
    latest = article.latest_revision
    if last is None or last.revision is None or latest is None:
        return None
    diffs = (
        []
        if last.revision_id == latest.pk
        else changed_fields(last.revision.content, latest.content)
    )
    return {"transition": last, "revision": last.revision, "latest": latest, "diffs": diffs}


def conflict_context(conflict) -> dict:
    """The latest saved revision against what the editor tried to save (their form holds
    only some fields, the rest are the latest revision's)."""
    latest = conflict.latest
    attempted = {**latest.content, **conflict.attempted}
    return {"latest": latest, "diffs": changed_fields(latest.content, attempted)}


def share_links(request, article: Article) -> list[ShareLink]:
    links = list(
        ShareLink.objects.filter(revision__article=article)
        .select_related("revision", "created_by", "revoked_by")
        .annotate(opening_count=Count("openings"))
        .prefetch_related(
            Prefetch("openings", ShareLinkOpening.objects.order_by("-opened_at", "-id"))
        )
    )
    for link in links:
        link.absolute_url = request.build_absolute_uri(sharing.url_for(link))
        link.recent_openings = list(link.openings.all())[:SHARE_OPENINGS_SHOWN]
    return links


def panels(request, article: Article, chain: Chain) -> dict:
    user = request.user
    can = {action.value: rules.can(user, action, article) for action in rules.Action}
    edit = rules.decide(user, Action.EDIT, article)
    return {
        "state": describe(article, chain),
        "edit_decision": edit,
        "can": can,
        "buttons": transition_buttons(user, article, chain),
        "expected": ExpectedState.of(article),
        "transition_form": TransitionForm(),
        "review": review_changes(user, article),
        "return_note": queries.latest_return(article)
        if article.status == Article.Status.RETURNED
        else None,
        "comments": Comment.objects.filter(article=article).select_related("author", "revision"),
        "comment_form": CommentForm(),
        "corrections": article.corrections.select_related("created_by"),
        "correction_form": CorrectionForm(),
        "share_links": share_links(request, article) if can[Action.SHARE.value] else [],
        "share_form": ShareLinkForm(),
    }


def editor_context(request, form, article: Article | None, *, conflict=None, keep_form=False):
    """Everything the editor page shows, for a new article (article None) or one saved."""
    chain = queries.chain()
    context = {
        "form": form,
        "article": article,
        "chain": chain,
        "conflict": conflict,
        "progress": progress(article, chain),
        "event_kinds": Event.Kind.choices,
        "doc_types": Resolution.DocType.choices,
        "nav_current": "new" if article is None else "articles",
    }
    if article is None:
        # Asked of the article this form will create: the author's own draft.
        draft = Article(author=request.user, status=Article.Status.DRAFT)
        context.update(
            state=describe(draft, chain),
            save_and_submit=rules.can(request.user, Action.SUBMIT, draft),
            show_form=True,
        )
        return context
    context.update(panels(request, article, chain))
    # A refused save keeps showing the form, so that the text typed is not lost.
    context["show_form"] = context["edit_decision"].allowed or keep_form
    context["save_and_submit"] = context["show_form"] and any(
        button.action == Action.SUBMIT for button in context["buttons"]
    )
    if context["save_and_submit"]:
        # "Lưu và gửi duyệt" under the form is then the main action, not the panel's.
        for button in context["buttons"]:
            button.primary = button.primary and button.action != Action.SUBMIT
    context["has_primary"] = any(button.primary for button in context["buttons"])
    context["latest"] = article.latest_revision
    return context
