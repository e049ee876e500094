"""The workspace's reads: what the dashboard, the article list and the article page show.

Each list is one query whatever its length (the rows' links come by select_related or
a subquery), so a page costs the same with 5 articles as with 500. Which rows a user
may act on is still workflow.rules' answer: SQL only narrows the candidates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

from django.contrib.auth import get_user_model
from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from articles.models import Article
from search.backends import matching
from search.tokens import parse_query
from workflow import rules
from workflow.models import Notification, Transition

from .states import Chain

Status = Article.Status
DASHBOARD_ROWS = 8


def chain() -> Chain:
    return Chain(rules.chain())


def articles() -> QuerySet:
    """Articles with what a row shows, without the heavy columns; never the trash's."""
    return (
        Article.objects.not_trashed()
        .select_related("category", "category__parent", "author", "current_step")
        .defer("body", "search_vector")
    )


def _step_candidates(user) -> Q:
    """Submitted articles at a step whose group includes user, in SQL (a subquery on the
    user's groups, so the number of groups does not matter). rules.holds_step gives a
    superuser every step."""
    submitted = Q(status=Status.SUBMITTED)
    if user.is_superuser:
        return submitted
    return submitted & Q(current_step__group__in=user.groups.values("pk"))


def awaiting_review_candidates(user) -> QuerySet:
    candidates = articles().filter(_step_candidates(user))
    if not rules.self_approval_allowed():
        candidates = candidates.exclude(author=user)
    return candidates


def awaiting_review(user, limit: int) -> list[Article]:
    """Articles user may approve or return now: SQL narrows, rules decides."""
    rows = awaiting_review_candidates(user).order_by("updated_at", "id")[:limit]
    return [a for a in rows if rules.can(user, rules.Action.APPROVE, a)]


def _latest_return(field: str):
    return Subquery(
        Transition.objects.filter(article=OuterRef("pk"), action=Transition.Action.RETURN)
        .order_by("-created_at", "-id")
        .values(field)[:1]
    )


@dataclass
class Dashboard:
    counts: dict
    drafts: list
    returned: list
    awaiting: list
    scheduled: list
    recent: list
    notifications: list


def dashboard(user) -> Dashboard:
    now = timezone.now()
    mine = Q(author=user)
    candidates = _step_candidates(user)
    if not rules.self_approval_allowed():
        candidates &= ~mine
    counts = Article.objects.not_trashed().aggregate(
        drafts=Count("pk", filter=mine & Q(status=Status.DRAFT)),
        returned=Count("pk", filter=mine & Q(status=Status.RETURNED)),
        awaiting=Count("pk", filter=candidates),
        scheduled=Count("pk", filter=Q(is_live=True, published_at__gt=now)),
    )
    counts["unread"] = unread_count(user)
    awaiting = awaiting_review(user, DASHBOARD_ROWS)
    if not awaiting:
        # The candidates were not the user's to review after all (no reviewing permission).
        counts["awaiting"] = 0
    return Dashboard(
        counts=counts,
        drafts=list(
            articles().filter(mine, status=Status.DRAFT).order_by("-updated_at")[:DASHBOARD_ROWS]
        ),
        returned=list(
            articles()
            .filter(mine, status=Status.RETURNED)
            .annotate(
                return_comment=_latest_return("comment"),
                returned_by_name=_latest_return("actor__full_name"),
                returned_by_username=_latest_return("actor__username"),
                returned_at=_latest_return("created_at"),
            )
            .order_by("-updated_at")[:DASHBOARD_ROWS]
        ),
        awaiting=awaiting,
        scheduled=list(
            articles()
            .filter(is_live=True, published_at__gt=now)
            .order_by("published_at")[:DASHBOARD_ROWS]
        ),
        recent=list(articles().filter(is_live=True, published_at__lte=now)[:DASHBOARD_ROWS]),
        notifications=list(
            Notification.objects.filter(
                recipient=user, read_at__isnull=True, article__trashed_at__isnull=True
            ).select_related("article")[:DASHBOARD_ROWS]
        ),
    )


def trash(user) -> QuerySet:
    """The trash list: what is in it now, newest trashed first."""
    return (
        Article.objects.in_trash()
        .select_related("category", "author", "trashed_by")
        .defer("body", "search_vector")
        .order_by("-trashed_at", "-id")
    )


def notifications(user) -> QuerySet:
    """The user's notifications, but none about an article in the trash."""
    return Notification.objects.filter(recipient=user, article__trashed_at__isnull=True)


def unread_count(user) -> int:
    return notifications(user).filter(read_at__isnull=True).count()


# The article list ---------------------------------------------------------------------


def filter_articles(user, data: dict) -> QuerySet:
    """The article list for cleaned filter values (workspace.forms.ArticleFilterForm)."""
    queryset = articles()
    now = timezone.now()
    state = data.get("state")
    if state == "review_mine":
        queryset = awaiting_review_candidates(user)
    elif state == "scheduled":
        queryset = queryset.filter(is_live=True, published_at__gt=now)
    elif state == "public":
        queryset = queryset.filter(is_live=True, published_at__lte=now)
    elif state == "changes":
        # As Article.has_unpublished_changes; an article never given a revision has none.
        queryset = queryset.filter(is_live=True, latest_revision__isnull=False).exclude(
            latest_revision=F("live_revision")
        )
    elif state:
        queryset = queryset.filter(status=state)
    if data.get("category"):
        section = data["category"]
        queryset = queryset.filter(Q(category=section) | Q(category__parent=section))
    if data.get("author"):
        queryset = queryset.filter(author=data["author"])
    if data.get("department"):
        queryset = queryset.filter(author__department=data["department"])
    field = "published_at" if data.get("date_field") == "published" else "updated_at"
    tz = timezone.get_current_timezone()
    if data.get("date_from"):
        start = timezone.make_aware(datetime.combine(data["date_from"], time.min), tz)
        queryset = queryset.filter(**{f"{field}__gte": start})
    if data.get("date_to"):
        end = timezone.make_aware(datetime.combine(data["date_to"], time.max), tz)
        queryset = queryset.filter(**{f"{field}__lte": end})
    query = parse_query(data.get("q") or "")
    if query:
        return matching(queryset, query, prefix=True).order_by("-search_rank", "-updated_at", "-id")
    return queryset.order_by("-updated_at", "-id")


def authors():
    return (
        get_user_model()
        .objects.filter(articles__isnull=False)
        .distinct()
        .order_by("full_name", "username")
    )


def departments() -> list[str]:
    return list(
        get_user_model()
        .objects.exclude(department="")
        .filter(articles__isnull=False)
        .values_list("department", flat=True)
        .distinct()
        .order_by("department")
    )


# Around one article ---------------------------------------------------------------------


def last_review(user, article: Article) -> Transition | None:
    """The user's last approval or return of this article, with the revision they saw."""
    return (
        Transition.objects.filter(
            article=article,
            actor=user,
            action__in=(Transition.Action.APPROVE, Transition.Action.RETURN),
        )
        .select_related("revision")
        .order_by("-created_at", "-id")
        .first()
    )


def latest_return(article: Article) -> Transition | None:
    return (
        Transition.objects.filter(article=article, action=Transition.Action.RETURN)
        .select_related("actor")
        .order_by("-created_at", "-id")
        .first()
    )


def mark_article_notifications_read(user, article: Article) -> None:
    """Opening the article is reading what the notifications said about it."""
    Notification.objects.filter(recipient=user, article=article, read_at__isnull=True).update(
        read_at=timezone.now()
    )
