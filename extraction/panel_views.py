"""The "Gợi ý liên kết" panel's plain-HTML side: it works without JavaScript.

    GET  bai-viet/<pk>/khung/              the panel for the saved working copy (a fragment)
    POST bai-viet/<pk>/khung/              the panel for text not saved yet {title, sapo, body}
    POST bai-viet/<pk>/khung/lien-ket/     link a record {kind, record, key, base_revision}
    GET  bai-viet/<pk>/khung/tao-moi/      the prefilled form for a finding {kind, key}
    POST bai-viet/<pk>/khung/tao-moi/      create it and link it, then back to the editor

Links and new records go through views.link_one / views.create_one, the same path as the
JSON endpoints: a new revision by workflow.services.save_working_copy, refused if the
article was saved since the panel was drawn (base_revision), so nothing is overwritten.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from workflow.rules import Action
from workflow.services import EditConflict
from workspace.access import article_for, staff_required
from workspace.views.common import page

from . import panel as panels
from .forms import FORMS, NOUNS
from .views import MAX_TEXT, BadRequest, _find, _int, _suggestions, create_one, link_one

ANCHOR = "#goi-y-lien-ket"
# The record's fields are prefixed: an event's "kind" is not the finding's "kind".
FORM_PREFIX = "f"
STALE = (
    "Bài vừa được lưu thêm một phiên bản sau khi bạn mở gợi ý, nên chưa liên kết gì. "
    "Hãy xem lại gợi ý bên dưới rồi bấm lại."
)


STALE_CREATE = (
    "Bài vừa được lưu thêm một phiên bản sau khi bạn mở gợi ý, nên chưa tạo, liên kết gì. "
    "Các trường bạn nhập vẫn còn: bấm “Lưu và liên kết” lần nữa nếu vẫn muốn tạo."
)


def _editor_url(article) -> str:
    return reverse("workspace:article-edit", kwargs={"pk": article.pk}) + ANCHOR


def _editable(request, pk: int):
    """The article, if this user may edit it now (ActionRefused → a Vietnamese 403)."""
    if not request.user.has_perm("articles.change_article"):
        raise PermissionDenied("Bạn không có quyền sửa bài.")
    return article_for(request, pk, Action.EDIT)


def _kind(value) -> str:
    if value not in FORMS:
        raise BadRequest("Loại gợi ý phải là văn bản, nhân vật hoặc sự kiện.")
    return value


@staff_required
@require_http_methods(["GET", "POST"])
def panel(request, pk: int):
    article = article_for(request, pk)
    content = None
    if request.method == "POST":
        content = {name: request.POST.get(name, "") for name in ("title", "sapo", "body")}
        # The links are the saved ones (the form's pickers are saved with the text), so
        # what is already linked still reads "Đã liên kết".
        saved = article.latest_revision.content if article.latest_revision else {}
        for name in ("resolutions", "participants", "events"):
            content[name] = saved.get(name, [])
        if sum(len(value) for value in content.values()) > MAX_TEXT:
            return render(
                request,
                "extraction/panel_error.html",
                {"error": "Văn bản quá dài để phân tích (tối đa 200.000 ký tự)."},
                status=400,
            )
    context = {"panel": panels.build(request.user, article, content)}
    return render(request, "extraction/panel.html", context)


@staff_required
@require_POST
def link(request, pk: int):
    article = _editable(request, pk)
    try:
        kind = _kind(request.POST.get("kind"))
        record, revision, _added = link_one(
            request.user,
            article,
            kind,
            _int(request.POST.get("record"), "record"),
            request.POST.get("key"),
            _int(request.POST.get("base_revision"), "base_revision"),
        )
    except EditConflict:
        messages.error(request, STALE)
    except BadRequest as error:
        messages.error(request, str(error))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        label = getattr(
            record, {"document": "short_name", "person": "full_name"}.get(kind, "title")
        )
        messages.success(
            request,
            f"Đã liên kết {NOUNS[kind]} “{label}” với bài (phiên bản {revision.number}).",
        )
    return redirect(_editor_url(article))


@staff_required
@require_http_methods(["GET", "POST"])
def create(request, pk: int):
    article = _editable(request, pk)
    data = request.POST if request.method == "POST" else request.GET
    try:
        kind = _kind(data.get("kind"))
        if not request.user.has_perm(panels.CREATE_PERMISSIONS[kind]):
            raise PermissionDenied(f"Bạn không có quyền thêm {NOUNS[kind]}.")
        key = data.get("key", "")
        suggestions = _suggestions(article)
        index = _find(suggestions, kind, key)
    except BadRequest as error:
        messages.error(request, str(error))
        return redirect(_editor_url(article))
    plural = {"document": "documents", "person": "persons", "event": "events"}[kind]
    finding = suggestions.to_dict()[plural][index]
    form_class = FORMS[kind]
    base_revision = data.get("base_revision") or article.latest_revision_id
    error = ""
    status = 200
    if request.method == "POST":
        form = form_class(request.POST, prefix=FORM_PREFIX)
        if form.is_valid():
            try:
                record, revision, _added = create_one(
                    request.user,
                    article,
                    kind,
                    key,
                    form.fields_to_apply(),
                    _int(base_revision, "base_revision"),
                )
            except EditConflict as conflict:
                # Sending again is then a choice made knowing the article changed.
                base_revision = conflict.latest.pk
                error, status = STALE_CREATE, 409
            except BadRequest as refused:
                error, status = str(refused), refused.status
            except ValidationError as invalid:
                error, status = " ".join(invalid.messages), 400
            else:
                messages.success(
                    request,
                    f"Đã tạo {NOUNS[kind]} “{record}” và liên kết với bài "
                    f"(phiên bản {revision.number}).",
                )
                return redirect(_editor_url(article))
        else:
            status = 400
    else:
        form = form_class(initial=form_class.initial_from(finding), prefix=FORM_PREFIX)
    excerpt = panels.groups_of(suggestions)[["document", "person", "event"].index(kind)]
    context = {
        "article": article,
        "form": form,
        "kind": kind,
        "key": key,
        "noun": NOUNS[kind],
        "base_revision": base_revision,
        "item": excerpt.items[index],
        "error": error,
        "editor_url": _editor_url(article),
    }
    return page(request, "extraction/create.html", context, status=status)
