"""Slugs on saved objects: assigned, unique, and their old values remembered."""

from __future__ import annotations

import unicodedata

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse, set_script_prefix

from articles.models import Article, Category, Participant, Resolution, Tag
from core.models import SlugHistory
from core.slugs import find_by_old_slug, reverse_slug
from core.text import vi_slugify

pytestmark = pytest.mark.django_db


def test_article_slug_from_seed_title(seed_article):
    # Transliterated, đ -> d, cut at a word boundary within the configured length.
    assert seed_article.slug == vi_slugify(seed_article.title, Article.slug_max_length)
    assert seed_article.slug.startswith(
        "ha-nam-to-chuc-tham-gia-hoi-nghi-toan-quoc-ve-dot-pha-phat-trien-khoa-hoc-cong-nghe"
    )
    assert len(seed_article.slug) <= Article.slug_max_length
    assert not seed_article.slug.endswith("-")


def test_two_articles_with_the_same_title_get_different_slugs(make_article):
    first = make_article(title="Hội nghị quán triệt Nghị quyết 57-NQ/TW")
    second = make_article(title="Hội nghị quán triệt Nghị quyết 57-NQ/TW")
    third = make_article(title="Hội nghị quán triệt Nghị quyết 57-NQ/TW")
    assert first.slug == "hoi-nghi-quan-triet-nghi-quyet-57-nq-tw"
    assert second.slug == "hoi-nghi-quan-triet-nghi-quyet-57-nq-tw-2"
    assert third.slug == "hoi-nghi-quan-triet-nghi-quyet-57-nq-tw-3"


def test_saving_again_keeps_the_slug(make_article):
    article = make_article(title="Đảng bộ tỉnh")
    article.save()
    article.refresh_from_db()
    assert article.slug == "dang-bo-tinh"


def test_changing_the_title_does_not_change_a_published_url(make_article):
    article = make_article(title="Đảng bộ tỉnh")
    article.title = "Đảng bộ tỉnh Hà Nam"
    article.save()
    article.refresh_from_db()
    assert article.slug == "dang-bo-tinh"
    assert not SlugHistory.objects.exists()


def test_slug_typed_by_an_editor_is_transliterated(make_article):
    article = make_article(title="Tin", slug="Chuyển Đổi Số")
    assert article.slug == "chuyen-doi-so"


def test_slug_typed_by_an_editor_is_made_unique(make_article):
    make_article(title="Chuyển đổi số")
    article = make_article(title="Tin khác", slug="chuyen-doi-so")
    assert article.slug == "chuyen-doi-so-2"


def test_long_title_gives_slug_within_field_length(make_article):
    title = "Hội nghị toàn quốc về đột phá phát triển khoa học công nghệ " * 5
    first = make_article(title=title[:300])
    second = make_article(title=title[:300])
    assert len(first.slug) <= Article.slug_max_length
    assert len(second.slug) <= Article.slug_max_length
    assert second.slug.endswith("-2")
    assert first.slug != second.slug


def test_title_without_letters_still_gets_a_slug(make_article):
    assert make_article(title="!!!").slug == "muc"
    assert make_article(title="???").slug == "muc-2"


def test_nfd_title_gives_the_same_slug(make_article):
    article = make_article(title=unicodedata.normalize("NFD", "Đảng bộ tỉnh Hà Nam"))
    assert article.slug == "dang-bo-tinh-ha-nam"


def test_slugs_of_other_models():
    assert Category.objects.create(name="Xây dựng Đảng").slug == "xay-dung-dang"
    assert Tag.objects.create(name="Chuyển đổi số").slug == "chuyen-doi-so"
    assert Participant.objects.create(full_name="Tô Lâm").slug == "to-lam"
    assert Resolution.objects.create(number="57-NQ/TW").slug == "57-nq-tw"
    assert Resolution.objects.create(number="13/2023/NĐ-CP").slug == "13-2023-nd-cp"
    untitled = Resolution.objects.create(
        doc_type=Resolution.DocType.DECISION,
        title="Quyết định thành lập Ban Chỉ đạo Trung ương",
    )
    assert untitled.slug == "quyet-dinh-thanh-lap-ban-chi-dao-trung-uong"


def test_same_slug_allowed_in_different_models():
    category = Category.objects.create(name="Chuyển đổi số")
    tag = Tag.objects.create(name="Chuyển đổi số")
    assert category.slug == tag.slug == "chuyen-doi-so"


# --- history -----------------------------------------------------------------------


def test_changing_the_slug_records_the_old_one(make_article):
    article = make_article(title="Hội nghị toàn quốc")
    article.slug = "hoi-nghi-toan-quoc-ve-khoa-hoc"
    article.save()

    history = SlugHistory.objects.get()
    assert history.slug == "hoi-nghi-toan-quoc"
    assert history.object_id == article.pk
    assert history.content_type == ContentType.objects.get_for_model(Article)
    assert history.content_object == article
    assert find_by_old_slug(Article.objects.all(), "hoi-nghi-toan-quoc") == article


def test_every_old_slug_keeps_leading_to_the_article(make_article):
    article = make_article(title="Bản một")
    for slug in ("ban-hai", "ban-ba"):
        article.slug = slug
        article.save()
    assert find_by_old_slug(Article.objects.all(), "ban-mot") == article
    assert find_by_old_slug(Article.objects.all(), "ban-hai") == article
    assert find_by_old_slug(Article.objects.all(), "ban-ba") is None  # the live slug


def test_taking_back_an_old_slug_clears_it_from_history(make_article):
    article = make_article(title="Bản một")
    article.slug = "ban-hai"
    article.save()
    article.slug = "ban-mot"
    article.save()
    assert list(SlugHistory.objects.values_list("slug", flat=True)) == ["ban-hai"]
    assert find_by_old_slug(Article.objects.all(), "ban-mot") is None


def test_old_slug_lookup_respects_the_queryset(make_article):
    article = make_article(title="Tin sẽ bị gỡ")
    article.slug = "tin-da-sua"
    article.save()
    article.status = Article.Status.WITHDRAWN
    article.save()
    assert find_by_old_slug(Article.objects.public(), "tin-se-bi-go") is None
    assert find_by_old_slug(Article.objects.all(), "tin-se-bi-go") == article


def test_old_slugs_are_kept_per_model(category):
    tag = Tag.objects.create(name="Khoa học")
    tag.slug = "khoa-hoc-cong-nghe"
    tag.save()
    category.slug = "tin-tuc"
    category.save()
    assert find_by_old_slug(Tag.objects.all(), "khoa-hoc") == tag
    assert find_by_old_slug(Category.objects.all(), "khoa-hoc") is None
    assert find_by_old_slug(Category.objects.all(), "tin-hoat-dong") == category


def test_unknown_old_slug_finds_nothing(db):
    assert find_by_old_slug(Article.objects.all(), "khong-co") is None


@pytest.mark.parametrize(
    "viewname",
    [
        "public:article",
        "public:category",
        "public:tag",
        "public:event",
        "public:resolution",
        "public:participant",
        "public:category-feed",
        "public:event-ics",
    ],
)
def test_reverse_slug_gives_what_reverse_gives(viewname):
    for slug in ("nghi-quyet-57-nq-tw", "57-nq-tw", "a_b"):
        assert reverse_slug(viewname, slug) == reverse(viewname, kwargs={"slug": slug})


def test_reverse_slug_keeps_the_script_prefix_of_a_site_under_a_sub_path():
    set_script_prefix("/toa-soan/")
    try:
        assert reverse_slug("public:article", "hoi-nghi") == "/toa-soan/bai-viet/hoi-nghi/"
        assert reverse_slug("public:article", "hoi-nghi") == reverse(
            "public:article", kwargs={"slug": "hoi-nghi"}
        )
    finally:
        set_script_prefix("/")
    assert reverse_slug("public:article", "hoi-nghi") == "/bai-viet/hoi-nghi/"


def test_reverse_slug_refuses_what_reverse_refuses():
    with pytest.raises(NoReverseMatch):
        reverse_slug("public:article", "có dấu/và gạch")
    with pytest.raises(NoReverseMatch):
        reverse_slug("public:article", "")
