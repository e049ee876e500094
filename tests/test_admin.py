"""The Django admin as the department's administrators use it."""

from __future__ import annotations

import unicodedata

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from accounts.roles import APPROVER, AUTHOR, EDITOR
from articles.models import Article, Category, Participant
from workflow import services


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("quantri", "quantri@example.com", "mat-khau-dai-123")


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def author_client(client, db):
    author = User.objects.create_user("phongvien", password="mat-khau-dai-123")
    author.groups.add(Group.objects.get(name=AUTHOR.name))
    client.force_login(author)
    return client


@pytest.mark.parametrize(
    "model",
    [
        m
        for m in admin.site._registry
        if m._meta.app_label in ("articles", "accounts", "images", "auth")
    ],
    ids=lambda m: m._meta.label,
)
def test_every_list_and_add_page_opens(admin_client, model):
    opts = model._meta
    for view in ("changelist", "add"):
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}")
        response = admin_client.get(url)
        if model is Article and view == "add":
            # Articles are written in the workspace, where the workflow applies.
            assert response.status_code == 403, url
            continue
        assert response.status_code == 200, url


def test_articles_are_read_only_in_the_admin_and_edited_in_the_workspace(admin_client):
    section = Category.objects.create(name="Tin tức - Sự kiện")
    article = Article.objects.create(title="Bài có sẵn", category=section)
    change = reverse("admin:articles_article_change", args=[article.pk])
    html = admin_client.get(change).content.decode()
    assert "Sửa trong Tòa soạn" in html
    assert reverse("workspace:article-edit", kwargs={"pk": article.pk}) in html
    assert 'name="title"' not in html and 'name="status"' not in html
    response = admin_client.post(change, {"title": "Sửa lén", "status": "published"})
    assert response.status_code == 403
    article.refresh_from_db()
    assert (article.title, article.status) == ("Bài có sẵn", Article.Status.DRAFT)
    changelist = admin_client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert reverse("admin:articles_article_add") not in changelist


def test_the_article_body_is_edited_in_ckeditor_5_with_our_upload_endpoint(author_client):
    html = author_client.get(reverse("workspace:article-create")).content.decode()
    assert "django_ckeditor_5/dist/bundle.js" in html
    assert 'data-upload-url="/anh/tai-len/"' in html


def test_an_article_saved_in_the_workspace_is_clean_composed_and_dated_day_first(author_client, db):
    section = Category.objects.create(name="Tin tức - Sự kiện")
    title = unicodedata.normalize("NFD", "Hội nghị quán triệt Nghị quyết")
    response = author_client.post(
        reverse("workspace:article-create"),
        {
            "title": title,
            "slug": "",
            "sapo": "Sapo",
            "body": '<p onclick="alert(1)">Nội dung</p><script>alert(2)</script>',
            "category": section.pk,
            "byline": "Phòng Thông tin",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get()
    # Published through the chain, scheduled with a day-first date in Vietnam time.
    editor = User.objects.create_user("bientap", password="mat-khau-dai-123")
    editor.groups.add(Group.objects.get(name=EDITOR.name))
    approver = User.objects.create_user("lanhdao", password="mat-khau-dai-123")
    approver.groups.add(Group.objects.get(name=APPROVER.name))
    services.submit(article.author, article)
    services.approve(editor, article)
    author_client.force_login(approver)
    response = author_client.post(
        reverse("workspace:article-transition", kwargs={"pk": article.pk}),
        {
            "action": "approve",
            "expected_status": article.status,
            "expected_step": article.current_step_id,
            "expected_revision": article.latest_revision_id,
            "publish_mode": "schedule",
            "publish_at": "05/03/2030 08:00",
        },
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == unicodedata.normalize("NFC", title)
    assert article.slug == "hoi-nghi-quan-triet-nghi-quyet"
    assert article.body == "<p>Nội dung</p>"
    assert article.status == Article.Status.PUBLISHED and article.is_scheduled
    published = timezone.localtime(article.published_at)
    assert (published.day, published.month, published.hour) == (5, 3, 8)


def test_admin_search_needs_no_diacritics_and_finds_while_typing(admin_client):
    Participant.objects.create(full_name="Tô Lâm", positions="Tổng Bí thư")
    Participant.objects.create(full_name="Trần Thanh Mẫn", positions="Chủ tịch Quốc hội")
    html = admin_client.get(
        reverse("admin:articles_participant_changelist"), {"q": "to la"}
    ).content.decode()
    assert "Tô Lâm" in html and "Trần Thanh Mẫn" not in html
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "articles",
            "model_name": "eventparticipant",
            "field_name": "participant",
            "term": "tran th",
        },
    )
    assert [r["text"] for r in response.json()["results"]] == ["Trần Thanh Mẫn"]


def test_an_author_can_write_but_not_manage_sections_or_users(client, db):
    author = User.objects.create_user("phongvien", password="mat-khau-dai-123", is_staff=True)
    author.groups.add(Group.objects.get(name=AUTHOR.name))
    client.force_login(author)
    assert client.get(reverse("workspace:article-create")).status_code == 200
    assert client.get(reverse("admin:articles_article_add")).status_code == 403
    assert client.get(reverse("admin:articles_category_add")).status_code == 403
    assert client.get(reverse("admin:accounts_user_changelist")).status_code == 403


def test_the_roles_exist_with_their_permissions(db):
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Phóng viên / Cộng tác viên", "Biên tập viên", "Lãnh đạo Ban", "Quản trị viên"} <= names
    approver = Group.objects.get(name="Lãnh đạo Ban")
    assert approver.permissions.filter(codename="publish_article").exists()
    assert (
        not Group.objects.get(name=AUTHOR.name)
        .permissions.filter(codename="publish_article")
        .exists()
    )
