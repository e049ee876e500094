"""Fixtures shared by the unit and model tests.

Small and explicit: a category, an article factory, the seed article's text, a
temporary MEDIA_ROOT. Tests that need PostgreSQL carry ``@pytest.mark.postgres``
(alias ``postgres_only`` below) and are skipped on any other database; tests that need
Redis at 127.0.0.1:6379 carry ``@pytest.mark.redis`` and are skipped without it.
"""

from __future__ import annotations

import socket
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.db import connection
from django.utils import timezone

IS_POSTGRESQL = connection.vendor == "postgresql"

# Skip marker for tests that need PostgreSQL (tsvector casts, GIN plans…). Either
# decorate with @pytest.mark.postgres or with this skipif directly.
postgres_only = pytest.mark.skipif(not IS_POSTGRESQL, reason="cần PostgreSQL (DATABASE_URL)")


REDIS = ("127.0.0.1", 6379)


def redis_reachable() -> bool:
    try:
        with socket.create_connection(REDIS, timeout=1):
            return True
    except OSError:
        return False


def pytest_collection_modifyitems(config, items):
    """Tests marked postgres or redis are skipped, saying why, where that service is missing."""
    missing = {}
    if not IS_POSTGRESQL:
        missing["postgres"] = "cần PostgreSQL: chạy với DATABASE_URL=postgres://…"
    if any(item.get_closest_marker("redis") for item in items) and not redis_reachable():
        missing["redis"] = "cần Redis ở 127.0.0.1:6379"
    for item in items:
        for marker, reason in missing.items():
            if item.get_closest_marker(marker):
                item.add_marker(pytest.mark.skip(reason=reason))


# The seed article (../shared/seed/ha-nam-hoi-nghi-nq57.txt), copied here so the
# suite does not depend on a file outside the repository. Typos are the seed's own
# ("khoa hoc" in the title, "Thủ tưởng"): real content looks like that.
SEED_TITLE = (
    "Hà Nam tổ chức tham gia Hội nghị toàn quốc về đột phá phát triển khoa hoc, công nghệ, "
    "đột phá sáng tạo và chuyển đổi số quốc gia"
)
SEED_SAPO = (
    "Sáng ngày 13/01/2025, Bộ Chính trị, Ban Bí thư tổ chức hội nghị toàn quốc về đột phá "
    "phát triển khoa học, công nghệ, đột phá sáng tạo và chuyển đổi số quốc gia. Hội nghị tổ "
    "chức bằng hình thức trực tiếp kết hợp trực tuyến, kết nối đường truyền từ Trung ương tới "
    "cơ sở và truyền hình trực tiếp trên sóng VTV1."
)
SEED_PARAGRAPHS = [
    "Tham dự, chủ trì hội nghị tại điểm cầu tỉnh có các đồng chí: Đinh Thị Lụa, Phó Bí thư "
    "Thường trực Tỉnh ủy; Trương Quốc Huy, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh, Trưởng "
    "đoàn ĐBQH tỉnh; các đồng chí Ủy viên Ban Thường vụ (BTV) Tỉnh ủy.",
    "Toàn tỉnh có 252 điểm cầu, trong đó: 01 điểm cầu cấp tỉnh (tại Hội trường UBND tỉnh) "
    "và 251 điểm cầu cấp cơ sở với 44.881 đảng viên tham dự.",
    "Hội nghị đã quán triệt, triển khai tinh thần và những nội dung cốt lõi của Nghị quyết "
    "số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, "
    "đổi mới sáng tạo và chuyển đổi số quốc gia; đồng chí Thủ tưởng Chính phủ Phạm Minh Chính "
    "quán triệt nội dung, tinh thần Chương trình hành động của Chính phủ thực hiện Nghị quyết "
    "57-NQ/TW; đồng chí Chủ tịch Quốc hội Trần Thanh Mẫn trình bày chủ trương, giải pháp về "
    "thể chế pháp luật.",
    "Đặc biệt, Hội nghị được nghe ý kiến phát biểu chỉ đạo của đồng chí Tổng Bí thư Tô Lâm, "
    "trong đó nhấn mạnh vai trò đặc biệt quan trọng của khoa học công nghệ và chuyển đổi số "
    "quốc gia đối với sự phát triển của đất nước.",
]
SEED_BODY = "".join(f"<p>{p}</p>" for p in SEED_PARAGRAPHS)
SEED_BYLINE = "Phòng Lý luận chính trị - Lịch sử, Ban Tuyên giáo Tỉnh ủy"


@pytest.fixture
def category(db):
    from articles.models import Category

    return Category.objects.create(name="Tin hoạt động")


@pytest.fixture
def make_article(db, category):
    """make_article(title=…, status=…, published_at=…, **fields) -> a saved Article.

    Published an hour ago unless told otherwise; pass published_at=None for none.
    """
    from articles.models import Article

    def make(title="Tin bài thử nghiệm", **fields):
        fields.setdefault("category", category)
        fields.setdefault("status", Article.Status.PUBLISHED)
        if "published_at" not in fields:
            fields["published_at"] = timezone.now() - timedelta(hours=1)
        return Article.objects.create(title=title, **fields)

    return make


@pytest.fixture
def published_article(make_article):
    return make_article(title="Tin đã xuất bản", sapo="Đoạn dẫn.", body="<p>Nội dung.</p>")


@pytest.fixture
def seed_text():
    """The seed article's text: .title, .sapo, .paragraphs, .body (HTML), .byline."""
    return SimpleNamespace(
        title=SEED_TITLE,
        sapo=SEED_SAPO,
        paragraphs=list(SEED_PARAGRAPHS),
        body=SEED_BODY,
        byline=SEED_BYLINE,
    )


@pytest.fixture
def seed_article(make_article, seed_text):
    """The seed article, published an hour ago."""
    return make_article(
        title=seed_text.title, sapo=seed_text.sapo, body=seed_text.body, byline=seed_text.byline
    )


@pytest.fixture
def media_root(settings, tmp_path):
    """MEDIA_ROOT in a temporary directory; returns its Path."""
    root = tmp_path / "media"
    root.mkdir()
    settings.MEDIA_ROOT = str(root)
    return root


@pytest.fixture(autouse=True)
def _reference_data_for_transactional_tests(request):
    """Tests on a real transaction (live server, threads, pg_dump) end with a flush that
    empties every table, including the roles and the approval chain that migrations
    created; put them back for the next such test."""
    if not {"transactional_db", "live_server"} & set(request.fixturenames):
        return
    from django.apps import apps

    from accounts.roles import sync_role_groups
    from workflow.defaults import ensure_default_chain

    request.getfixturevalue("transactional_db")
    sync_role_groups(apps)
    ensure_default_chain(apps)


@pytest.fixture(autouse=True)
def _fresh_search_statistics():
    """Search picks its strategy from PostgreSQL's word statistics, kept per process for
    ten minutes; one test's corpus must not choose the strategy for the next one."""
    from search import backends

    backends._FREQUENCY_CACHE.clear()
