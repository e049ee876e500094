"""Editorial actions the benchmark takes while the site runs, through the same services
the newsroom uses (workflow.services), so that they invalidate caches as real ones do.

    python -m bench.actions withdraw <slug>
    python -m bench.actions publish <slug>
    python -m bench.actions sample <n>          # paths of public pages, one per line

Run with the site's environment (DJANGO_SETTINGS_MODULE, DATABASE_URL, CACHE_URL…).
"""

from __future__ import annotations

import json
import os
import random
import sys


def _setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")
    import django

    django.setup()


def _editor():
    from django.contrib.auth import get_user_model

    user, _ = get_user_model().objects.get_or_create(
        username="bench-editor",
        defaults={"is_staff": True, "is_superuser": True, "full_name": "Biên tập (thử tải)"},
    )
    return user


def withdraw(slug: str) -> None:
    from articles.models import Article
    from workflow import services

    article = Article.objects.get(slug=slug)
    services.withdraw(_editor(), article, reason="Thử tải: gỡ bài để đo thời gian biến mất.")


def publish(slug: str) -> None:
    from articles.models import Article
    from workflow import services

    article = Article.objects.get(slug=slug)
    services.publish(_editor(), article)


def sample(n: int, seed: int = 7) -> dict:
    """Public paths for the benchmark's mixes, chosen at random but repeatably."""
    from articles.models import Article, Category, Event, Participant, Resolution
    from public.views import PAGE_SIZE

    rng = random.Random(seed)
    public = Article.objects.public()
    ids = list(public.values_list("id", flat=True))
    chosen = rng.sample(ids, min(n, len(ids)))
    articles = list(public.filter(pk__in=chosen).values_list("slug", flat=True))
    newest = public.order_by("-published_at", "-id").values_list("slug", flat=True)[:20]
    sections = []
    for category in Category.objects.filter(parent__isnull=True):
        ids = [category.pk, *category.children.values_list("pk", flat=True)]
        pages = max(1, -(-public.filter(category_id__in=ids).count() // PAGE_SIZE))
        for number in sorted({1, 2, 3, 10, 100, 400, pages} & set(range(1, pages + 1))):
            suffix = f"?page={number}" if number > 1 else ""
            sections.append(f"/chuyen-muc/{category.slug}/{suffix}")
    pick = lambda qs, k: rng.sample(list(qs.values_list("slug", flat=True)), k)  # noqa: E731
    return {
        "articles": [f"/bai-viet/{slug}/" for slug in articles],
        "newest": [f"/bai-viet/{slug}/" for slug in newest],
        "sections": sections,
        "events": [
            f"/su-kien/{s}/" for s in pick(Event.objects.all(), min(50, Event.objects.count()))
        ],
        "participants": [
            f"/nhan-vat/{s}/"
            for s in pick(Participant.objects.all(), min(50, Participant.objects.count()))
        ],
        "resolutions": [
            f"/van-ban/{s}/"
            for s in pick(Resolution.objects.all(), min(50, Resolution.objects.count()))
        ],
    }


def main(argv: list[str]) -> None:
    _setup()
    command, *args = argv
    if command == "withdraw":
        withdraw(args[0])
    elif command == "publish":
        publish(args[0])
    elif command == "sample":
        json.dump(sample(int(args[0])), sys.stdout, ensure_ascii=False)
    else:
        raise SystemExit(f"unknown command {command}")


if __name__ == "__main__":
    main(sys.argv[1:])
