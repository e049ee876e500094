"""The "Gợi ý liên kết" panel beside the editor, as plain HTML: what it lists, who sees
its actions, and what its forms do (or refuse to do)."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.models import User
from accounts.roles import AUTHOR
from articles.models import Article, Event, Participant, Resolution
from workflow.services import create_article, save_working_copy, submit

pytestmark = pytest.mark.django_db


def make_user(username: str, role=AUTHOR) -> User:
    user = User.objects.create_user(username, password="mat-khau-dai-123")
    if role is not None:
        user.groups.add(Group.objects.get(name=role.name))
    return user


@pytest.fixture
def reporter():
    return make_user("phongvien")


@pytest.fixture
def article(reporter, category, seed_text):
    return create_article(
        reporter,
        {
            "title": seed_text.title,
            "sapo": seed_text.sapo,
            "body": seed_text.body,
            "byline": seed_text.byline,
            "category": category.pk,
        },
    )


@pytest.fixture
def nq57():
    return Resolution.objects.create(number="57-NQ/TW", doc_type="nghi_quyet")


def edit_page(client, article) -> str:
    response = client.get(reverse("workspace:article-edit", args=[article.pk]))
    assert response.status_code == 200
    return response.content.decode()


def panel_of(html: str) -> str:
    start = html.index('id="goi-y-lien-ket"')
    return html[start : html.index("</section>\n\n", start)] if "</section>\n\n" in html else html


def link(client, article, record, *, kind="document", base_revision=None, key=""):
    return client.post(
        reverse("extraction:panel-link", args=[article.pk]),
        {
            "kind": kind,
            "record": record.pk,
            "key": key,
            "base_revision": base_revision or article.latest_revision_id,
        },
    )


def links(article) -> dict:
    article.refresh_from_db()
    return article.latest_revision.content


def test_the_panel_lists_the_seed_findings_with_their_sentences(client, reporter, article, nq57):
    client.force_login(reporter)
    html = edit_page(client, article)
    assert "Gợi ý liên kết" in html
    for heading in ("Văn bản", "Người tham gia", "Sự kiện"):
        assert f'">{heading} <span class="lsp__count">' in html
    for name in ("Đinh Thị Lụa", "Trương Quốc Huy", "Tô Lâm", "Phạm Minh Chính", "Trần Thanh Mẫn"):
        assert f'<p class="lsp-item__label">{name}</p>' in html
    # The span is marked inside its sentence.
    assert "<mark>Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị" in html
    assert "Hội nghị đã quán triệt, triển khai" in html
    # 57-NQ/TW is on record: "Đã có" and a link button for it; the event is new.
    assert 'aria-label="Liên kết Nghị quyết 57-NQ/TW"' in html
    assert '<span class="lsp-badge lsp-badge--existing">Đã có</span> Nghị quyết 57-NQ/TW' in html
    assert '<span class="lsp-badge lsp-badge--new">Mới</span>' in html
    assert re.search(
        r'href="/toa-soan/goi-y/bai-viet/\d+/khung/tao-moi/\?kind=event&amp;key=', html
    )


def test_actions_are_hidden_from_a_user_who_cannot_edit(client, reporter, article, nq57):
    submit(reporter, article)  # in review: its author may read it, not edit it
    client.force_login(reporter)
    html = edit_page(client, article)
    assert '<p class="lsp-item__label">Trương Quốc Huy</p>' in html
    assert "Chỉ xem:" in html
    assert "khung/lien-ket/" not in html
    assert "khung/tao-moi/" not in html and "data-link-action" not in html


def test_linking_is_refused_to_a_user_without_permission(client, article, nq57):
    before = article.latest_revision_id
    client.force_login(make_user("phongvien2"))  # another reporter's draft
    response = link(client, article, nq57)
    assert response.status_code == 403
    assert "Bạn chỉ được sửa bài của mình." in response.content.decode()
    assert links(article)["resolutions"] == []
    assert article.latest_revision_id == before
    client.force_login(make_user("bandoc", role=None))
    assert link(client, article, nq57).status_code == 403
    assert links(article)["resolutions"] == []


def test_linking_adds_the_record_as_a_new_revision(client, reporter, article, nq57):
    client.force_login(reporter)
    number = article.latest_revision.number
    response = link(client, article, nq57)
    assert response.status_code == 302
    assert response["Location"].endswith(f"/toa-soan/bai-viet/{article.pk}/#goi-y-lien-ket")
    content = links(article)
    assert content["resolutions"] == [nq57.pk]
    assert article.latest_revision.number == number + 1
    assert article.latest_revision.created_by == reporter
    html = client.get(response["Location"]).content.decode()
    assert "Đã liên kết văn bản “Nghị quyết 57-NQ/TW” với bài" in html
    assert '<span class="lsp-badge lsp-badge--linked">Đã liên kết</span>' in html


def test_a_stale_form_is_refused_in_vietnamese_and_changes_nothing(client, reporter, article, nq57):
    client.force_login(reporter)
    drawn_at = article.latest_revision_id
    edit_page(client, article)
    # Meanwhile the article is saved again (another tab, a colleague).
    save_working_copy(reporter, article, {"title": "Tiêu đề sửa"}, base_revision_id=drawn_at)
    latest = links(article)
    response = link(client, article, nq57, base_revision=drawn_at)
    assert response.status_code == 302
    html = client.get(response["Location"]).content.decode()
    assert "Bài vừa được lưu thêm một phiên bản sau khi bạn mở gợi ý, nên chưa liên kết gì." in html
    article.refresh_from_db()
    assert article.latest_revision.content == latest
    assert latest["resolutions"] == []


def test_the_create_form_is_prefilled_and_saving_creates_and_links(client, reporter, article):
    client.force_login(reporter)
    html = edit_page(client, article)
    url = re.search(r'href="(/toa-soan/goi-y/bai-viet/\d+/khung/tao-moi/\?kind=event[^"]*)"', html)
    form_page = client.get(url.group(1).replace("&amp;", "&"))
    assert form_page.status_code == 200
    body = form_page.content.decode()
    assert "Tạo sự kiện mới" in body
    assert 'value="2025-01-13"' in body
    assert '<option value="hoi_nghi" selected>' in body
    assert "<mark>" in body
    form = form_page.context["form"]
    # What the browser sends back: the prefilled values, as drawn.
    data = {
        form.add_prefix(name): form[name].value()
        for name in form.fields
        if form[name].value() not in (None, "")
    }
    data |= {
        "kind": "event",
        "key": form_page.context["key"],
        "base_revision": article.latest_revision_id,
    }
    response = client.post(url.group(1).split("?")[0], data)
    assert response.status_code == 302, response.content.decode()
    event = Event.objects.get()
    assert event.starts_at.date().isoformat() == "2025-01-13"
    assert links(article)["events"] == [event.pk]


def test_bad_input_on_the_create_form_keeps_what_was_typed(client, reporter, article):
    client.force_login(reporter)
    html = edit_page(client, article)
    url = re.search(r'href="(/toa-soan/goi-y/bai-viet/\d+/khung/tao-moi/\?kind=event[^"]*)"', html)
    key = client.get(url.group(1).replace("&amp;", "&")).context["key"]
    response = client.post(
        url.group(1).split("?")[0],
        {"kind": "event", "key": key, "f-name": "Hội nghị đã sửa tên", "f-kind": "hoi_nghi"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Hãy nhập ngày diễn ra sự kiện." in body
    assert 'value="Hội nghị đã sửa tên"' in body
    assert not Event.objects.exists()
    assert links(article)["events"] == []


def test_a_finding_gone_from_the_text_is_refused(client, reporter, article):
    client.force_login(reporter)
    response = client.get(
        reverse("extraction:panel-create", args=[article.pk]), {"kind": "event", "key": "x|y|z"}
    )
    assert response.status_code == 302
    html = client.get(response["Location"]).content.decode()
    assert "Gợi ý này không còn trong nội dung bài" in html


def test_rescanning_unsaved_text_shows_findings_without_actions(client, reporter, article, nq57):
    client.force_login(reporter)
    response = client.post(
        reverse("extraction:panel", args=[article.pk]),
        {"title": "Tin mới", "body": "<p>Thực hiện Chỉ thị số 35-CT/TW của Bộ Chính trị.</p>"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Quét từ nội dung chưa lưu" in html
    assert "<mark>Chỉ thị số 35-CT/TW" in html
    assert "57-NQ/TW" not in html and "data-link-action" not in html
    saved = client.get(reverse("extraction:panel", args=[article.pk])).content.decode()
    assert "data-link-action" in saved and "57-NQ/TW" in saved


def test_the_panel_is_only_for_signed_in_staff(client, article):
    url = reverse("extraction:panel", args=[article.pk])
    assert client.get(url).status_code == 302
    assert Article.objects.filter(pk=article.pk).exists()


def test_a_person_is_created_with_the_positions_as_reviewed(client, reporter, article):
    client.force_login(reporter)
    html = edit_page(client, article)
    url = re.search(
        r'href="(/toa-soan/goi-y/bai-viet/\d+/khung/tao-moi/\?kind=person&amp;key=truong[^"]*)"',
        html,
    ).group(1)
    form_page = client.get(url.replace("&amp;", "&"))
    assert form_page.context["form"]["positions"].value().splitlines() == [
        "Phó Bí thư Tỉnh ủy",
        "Chủ tịch UBND tỉnh",
        "Trưởng đoàn ĐBQH tỉnh",
    ]
    response = client.post(
        url.split("?")[0],
        {
            "kind": "person",
            "key": form_page.context["key"],
            "base_revision": article.latest_revision_id,
            "f-name": "Trương Quốc Huy",
            "f-positions": "Phó Bí thư Tỉnh ủy\nChủ tịch UBND tỉnh",
        },
    )
    assert response.status_code == 302
    person = Participant.objects.get()
    assert person.full_name == "Trương Quốc Huy"
    assert person.position_list == ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"]
    assert links(article)["participants"] == [person.pk]


def test_a_stale_create_form_creates_nothing(client, reporter, article):
    client.force_login(reporter)
    drawn_at = article.latest_revision_id
    html = edit_page(client, article)
    url = re.search(r'href="(/toa-soan/goi-y/bai-viet/\d+/khung/tao-moi/\?kind=event[^"]*)"', html)
    key = client.get(url.group(1).replace("&amp;", "&")).context["key"]
    save_working_copy(reporter, article, {"byline": "Minh Khoa"}, base_revision_id=drawn_at)
    response = client.post(
        url.group(1).split("?")[0],
        {
            "kind": "event",
            "key": key,
            "base_revision": drawn_at,
            "f-name": "Hội nghị toàn quốc",
            "f-kind": "hoi_nghi",
            "f-date": "2025-01-13",
        },
    )
    assert response.status_code == 409
    body = response.content.decode()
    assert "sau khi bạn mở gợi ý, nên chưa tạo, liên kết gì" in body
    assert 'value="Hội nghị toàn quốc"' in body  # what was typed is still there
    assert not Event.objects.exists()
    assert links(article)["events"] == []
    # Sending again, now knowingly, goes through.
    again = response.context["base_revision"]
    assert again == article.latest_revision_id
    response = client.post(
        url.group(1).split("?")[0],
        {
            "kind": "event",
            "key": key,
            "base_revision": again,
            "f-name": "Hội nghị toàn quốc",
            "f-kind": "hoi_nghi",
            "f-date": "2025-01-13",
        },
    )
    assert response.status_code == 302
    assert links(article)["events"] == [Event.objects.get().pk]
