"""How an article's place in the workflow is told to the people working on it.

Only words: what state the working version is in, where the approval chain has it,
what readers see meanwhile and what happens next. Who may move it on is
workflow.rules' business; nothing here decides that.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from articles.models import Article
from workflow.models import ApprovalStep

Status = Article.Status


@dataclass(frozen=True)
class Chain:
    """The active approval steps, read once per request."""

    steps: list[ApprovalStep]

    def position(self, step: ApprovalStep | None) -> tuple[int, int] | None:
        """(k, n) for "bước k/n", or None for a step no longer in the chain."""
        for index, candidate in enumerate(self.steps, 1):
            if step is not None and candidate.pk == step.pk:
                return index, len(self.steps)
        return None

    def after(self, step: ApprovalStep | None) -> ApprovalStep | None:
        position = self.position(step)
        if position is None or position[0] >= len(self.steps):
            return None
        return self.steps[position[0]]

    @property
    def first(self) -> ApprovalStep | None:
        return self.steps[0] if self.steps else None


def step_label(chain: Chain, step: ApprovalStep | None) -> str:
    if step is None:
        return ""
    position = chain.position(step)
    if position is None:
        return step.name
    return _("bước %(k)s/%(n)s: %(name)s") % {"k": position[0], "n": position[1], "name": step.name}


@dataclass(frozen=True)
class Badge:
    text: str
    tone: str


@dataclass(frozen=True)
class StateView:
    label: str  # "Chờ duyệt – bước 2/2: Lãnh đạo Ban phê duyệt"
    tone: str  # a CSS modifier: draft, review, returned, approved, live, scheduled, withdrawn
    badges: list[Badge] = field(default_factory=list)
    next: str = ""  # what happens next, in a sentence


def _when(value) -> str:
    return timezone.localtime(value).strftime("%H:%M %d/%m/%Y") if value else ""


def describe(article: Article, chain: Chain) -> StateView:
    status = article.status
    if article.trashed_at is not None:
        if article.purged_at is not None:
            return StateView(
                _("Đã xóa khỏi thùng rác"),
                "withdrawn",
                [],
                _("Bài không còn khôi phục được; lịch sử phiên bản vẫn được giữ."),
            )
        return StateView(
            _("Trong thùng rác"),
            "withdrawn",
            [Badge(Status(status).label, "changes")],
            _("Bài không hiện ở đâu cả cho đến khi được khôi phục từ thùng rác."),
        )
    badges = []
    # What readers have, when the label (the working version's state) does not say it.
    if status != Status.PUBLISHED:
        if article.is_scheduled:
            when = _when(article.published_at)
            badges.append(Badge(_("Hẹn giờ %(when)s") % {"when": when}, "scheduled"))
        elif article.is_live:
            badges.append(Badge(_("Đang công khai"), "live"))
    if article.has_unpublished_changes:
        badges.append(Badge(_("Có bản sửa chưa duyệt"), "changes"))

    if status == Status.SUBMITTED:
        step = article.current_step
        label = _("Chờ duyệt – %(step)s") % {"step": step_label(chain, step)}
        following = chain.after(step)
        if following is not None:
            nxt = _(
                "Người phụ trách bước “%(step)s” duyệt hoặc trả lại; sau đó bài sang %(next)s."
            ) % {
                "step": step.name if step else "",
                "next": step_label(chain, following),
            }
        else:
            nxt = _("Đây là bước cuối: khi được duyệt, bài được xuất bản (ngay hoặc theo giờ hẹn).")
        return StateView(label, "review", badges, nxt)
    if status == Status.DRAFT:
        first = chain.first
        nxt = (
            _("Khi gửi duyệt, bài chuyển đến %(step)s.") % {"step": step_label(chain, first)}
            if first
            else ""
        )
        if article.is_live:
            nxt += " " + _(
                "Bạn đọc vẫn thấy bản đang công khai cho đến khi bản sửa này được duyệt và xuất bản."
            )
        return StateView(_("Nháp"), "draft", badges, nxt.strip())
    if status == Status.RETURNED:
        return StateView(
            _("Bị trả lại"),
            "returned",
            badges,
            _("Tác giả sửa theo ý kiến của người duyệt rồi gửi duyệt lại."),
        )
    if status == Status.APPROVED:
        return StateView(
            _("Đã duyệt – chờ xuất bản"),
            "approved",
            badges,
            _("Đã qua mọi bước duyệt; người có quyền xuất bản đăng ngay hoặc hẹn giờ."),
        )
    if status == Status.PUBLISHED:
        if article.is_scheduled:
            return StateView(
                _("Hẹn giờ %(when)s") % {"when": _when(article.published_at)},
                "scheduled",
                badges,
                _("Bài tự động hiện trên trang lúc %(when)s.")
                % {"when": _when(article.published_at)},
            )
        return StateView(
            _("Đã xuất bản"),
            "live",
            badges,
            _(
                "Sửa bài sẽ tạo một bản nháp mới; bạn đọc vẫn thấy bản hiện tại cho đến khi "
                "bản mới được duyệt và xuất bản."
            ),
        )
    return StateView(
        _("Đã gỡ"),
        "withdrawn",
        badges,
        _("Bài không còn trên trang. Sửa rồi gửi duyệt lại nếu cần đăng lại."),
    )


def status_label(value: str) -> str:
    """The Vietnamese name of a stored status value ("" for none, as in a CREATE log row)."""
    try:
        return Status(value).label
    except ValueError:
        return value or "—"


@dataclass(frozen=True)
class Stop:
    label: str
    status: str  # done, current, todo


def progress(article: Article | None, chain: Chain) -> list[Stop]:
    """The way from draft to readers, with where the article is on it."""
    status = article.status if article is not None else Status.DRAFT
    position = chain.position(article.current_step) if article is not None else None
    stops = [Stop(_("Nháp"), "current" if status in (Status.DRAFT, Status.RETURNED) else "done")]
    for index, step in enumerate(chain.steps, 1):
        if status == Status.SUBMITTED and position is not None:
            state = "done" if index < position[0] else "current" if index == position[0] else "todo"
        elif status in (Status.APPROVED, Status.PUBLISHED):
            state = "done"
        else:
            state = "todo"
        stops.append(Stop(step.name, state))
    if status == Status.APPROVED:
        final = "current"
    elif status == Status.PUBLISHED:
        final = "done"
    else:
        final = "todo"
    stops.append(Stop(_("Xuất bản"), final))
    if status == Status.WITHDRAWN:
        stops = [Stop(stop.label, "done") for stop in stops] + [Stop(_("Đã gỡ"), "current")]
    return stops
