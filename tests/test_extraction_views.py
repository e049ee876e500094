"""The JSON endpoints behind the "Gợi ý liên kết" panel: who may, what they do."""

from __future__ import annotations

import json
import unicodedata
from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from accounts.roles import AUTHOR
from articles.models import Article, Event, EventParticipant, Organization, Participant, Resolution
from workflow.services import create_article, submit

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
def editor_client(client, reporter):
    client.force_login(reporter)
    return client


def post(client, name, payload, **kwargs):
    url = reverse(f"extraction:{name}", kwargs=kwargs)
    return client.post(url, data=json.dumps(payload), content_type="application/json")


def suggestions(client, article) -> dict:
    response = client.get(reverse("extraction:article", args=[article.pk]))
    assert response.status_code == 200, response.content
    return response.json()


def finding(data: dict, kind: str, name: str) -> dict:
    items = data[kind]
    if kind == "documents":
        return next(d for d in items if (d["number"] or d["title"]).startswith(name))
    if kind == "persons":
        return next(p for p in items if p["name"] == name)
    return items[0]


# Who may ------------------------------------------------------------------------------------


def test_a_visitor_must_sign_in(client, article):
    response = client.get(reverse("extraction:article", args=[article.pk]))
    assert response.status_code == 401
    assert response.json() == {"ok": False, "error": "Bạn cần đăng nhập."}


def test_a_user_who_may_not_edit_articles_is_refused(client, article):
    client.force_login(make_user("bandoc", role=None))
    response = client.get(reverse("extraction:article", args=[article.pk]))
    assert response.status_code == 403
    assert response.json()["error"] == "Bạn không có quyền sửa bài."


def test_another_reporter_may_not_touch_someone_elses_draft(client, article):
    client.force_login(make_user("phongvien2"))
    response = client.get(reverse("extraction:article", args=[article.pk]))
    assert response.status_code == 403
    assert response.json()["error"] == "Bạn chỉ được sửa bài của mình."
    response = post(client, "link", {"kind": "document", "record": 1}, pk=article.pk)
    assert response.status_code == 403


def test_an_article_in_review_is_not_edited_by_its_author(editor_client, article, reporter):
    submit(reporter, article)
    response = editor_client.get(reverse("extraction:article", args=[article.pk]))
    assert response.status_code == 403
    assert "rút lại" in response.json()["error"]


def test_a_missing_article_is_a_404_in_json(editor_client):
    response = editor_client.get(reverse("extraction:article", args=[999999]))
    assert response.status_code == 404
    assert response.json()["error"] == "Không tìm thấy bài viết."


def test_posts_need_the_csrf_token(reporter, article):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reporter)
    url = reverse("extraction:extract-text")
    payload = json.dumps({"title": "Tin", "body": "<p>Nội dung.</p>"})
    refused = client.post(url, data=payload, content_type="application/json")
    assert refused.status_code == 403
    secret = "a" * 32
    client.cookies["csrftoken"] = secret
    allowed = client.post(
        url, data=payload, content_type="application/json", headers={"X-CSRFToken": secret}
    )
    assert allowed.status_code == 200


def test_links_are_only_made_by_post(editor_client, article):
    response = editor_client.get(reverse("extraction:link", args=[article.pk]))
    assert response.status_code == 405


# Suggestions --------------------------------------------------------------------------------


def test_suggestions_for_the_latest_revision(editor_client, article):
    data = suggestions(editor_client, article)
    assert data["ok"] and data["article"] == article.pk
    assert data["revision"] == article.latest_revision_id
    # tests/conftest.py's seed is abridged: no Steering Committee paragraph.
    assert {d["number"] or d["doc_type"] for d in data["documents"]} == {
        "57-NQ/TW",
        "chuong_trinh_hanh_dong",
    }
    assert {p["name"] for p in data["persons"]} == {
        "Đinh Thị Lụa",
        "Trương Quốc Huy",
        "Tô Lâm",
        "Phạm Minh Chính",
        "Trần Thanh Mẫn",
    }
    (event,) = data["events"]
    assert event["date"] == "2025-01-13" and event["key"].startswith("hoi_nghi|2025-01-13|")
    assert {
        item["match"]["status"]
        for kind in ("documents", "persons", "events")
        for item in data[kind]
    } == {"new"}
    # Spans point into the text the panel shows.
    nq57 = finding(data, "documents", "57-NQ/TW")
    assert data["text"][slice(*nq57["span"])].startswith("Nghị quyết số 57-NQ/TW")


def test_suggestions_for_text_not_saved_yet(editor_client, seed_text):
    nq57 = Resolution.objects.create(number="57-NQ/TW", doc_type="nghi_quyet")
    response = post(
        editor_client,
        "extract-text",
        {
            "title": unicodedata.normalize("NFD", seed_text.title),
            "sapo": seed_text.sapo,
            "body": seed_text.body,
            "resolutions": [nq57.pk],
        },
    )
    assert response.status_code == 200
    match = finding(response.json(), "documents", "57-NQ/TW")["match"]
    assert match["status"] == "existing" and match["linked"] is True


def test_posted_text_is_checked(editor_client):
    response = post(editor_client, "extract-text", {"title": ["not", "text"]})
    assert response.status_code == 400
    assert response.json()["error"] == "Trường “title” phải là chuỗi."
    url = reverse("extraction:extract-text")
    response = editor_client.post(url, data="{not json", content_type="application/json")
    assert response.json()["error"] == "Dữ liệu gửi lên không phải JSON hợp lệ."


# Linking ------------------------------------------------------------------------------------


def test_linking_an_existing_document_saves_a_revision(editor_client, article, reporter):
    nq57 = Resolution.objects.create(number="57-NQ/TW", doc_type="nghi_quyet")
    data = suggestions(editor_client, article)
    match = finding(data, "documents", "57-NQ/TW")["match"]
    assert match["status"] == "existing" and match["record"]["id"] == nq57.pk
    response = post(
        editor_client,
        "link",
        {"kind": "document", "record": nq57.pk, "base_revision": data["revision"]},
        pk=article.pk,
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["record"] == {
        "id": nq57.pk,
        "label": "Nghị quyết 57-NQ/TW",
        "url": nq57.get_absolute_url(),
    }
    article.refresh_from_db()
    assert article.latest_revision.number == 2
    assert article.latest_revision.created_by == reporter
    assert article.latest_revision.content["resolutions"] == [nq57.pk]
    assert list(article.resolutions.all()) == [nq57]
    assert finding(suggestions(editor_client, article), "documents", "57-NQ/TW")["match"]["linked"]


def test_a_stale_revision_is_a_conflict(editor_client, article, reporter):
    nq57 = Resolution.objects.create(number="57-NQ/TW", doc_type="nghi_quyet")
    stale = article.latest_revision_id
    post(editor_client, "link", {"kind": "document", "record": nq57.pk}, pk=article.pk)
    response = post(
        editor_client,
        "link",
        {"kind": "document", "record": nq57.pk, "base_revision": stale},
        pk=article.pk,
    )
    assert response.status_code == 409
    assert response.json()["revision"] != stale


def test_linking_a_record_that_does_not_exist_is_a_404(editor_client, article):
    response = post(editor_client, "link", {"kind": "event", "record": 424242}, pk=article.pk)
    assert response.status_code == 404
    assert response.json()["error"] == "Không tìm thấy bản ghi cần liên kết."
    response = post(editor_client, "link", {"kind": "tag", "record": 1}, pk=article.pk)
    assert response.status_code == 400


# Creating -----------------------------------------------------------------------------------


def test_creating_the_resolution_from_its_finding(editor_client, article):
    key = finding(suggestions(editor_client, article), "documents", "57-NQ/TW")["key"]
    response = post(
        editor_client, "create-and-link", {"kind": "document", "key": key}, pk=article.pk
    )
    assert response.status_code == 201, response.content
    nq57 = Resolution.objects.get()
    assert (nq57.number, nq57.issuer.name, nq57.issue_date) == (
        "57-NQ/TW",
        "Bộ Chính trị",
        date(2024, 12, 22),
    )
    assert nq57.subject.startswith("về đột phá phát triển khoa học")
    assert list(Article.objects.get(pk=article.pk).resolutions.all()) == [nq57]
    # Created once: the next click finds it.
    again = post(editor_client, "create-and-link", {"kind": "document", "key": key}, pk=article.pk)
    assert again.status_code == 400
    assert again.json()["error"] == "Đã có văn bản mang số, ký hiệu này."


def test_people_and_the_event_are_tied_whatever_the_order_of_clicks(editor_client, article):
    data = suggestions(editor_client, article)
    lua = finding(data, "persons", "Đinh Thị Lụa")["key"]
    huy = finding(data, "persons", "Trương Quốc Huy")["key"]
    event_key = data["events"][0]["key"]

    # A person first, then the event: the event is created with her in it.
    assert (
        post(
            editor_client, "create-and-link", {"kind": "person", "key": lua}, pk=article.pk
        ).status_code
        == 201
    )
    response = post(
        editor_client, "create-and-link", {"kind": "event", "key": event_key}, pk=article.pk
    )
    assert response.status_code == 201, response.content
    event = Event.objects.get()
    assert event.format == Event.Format.HYBRID and event.broadcast == "VTV1"
    assert timezone.localtime(event.starts_at).hour == 8
    assert [(p.level, p.count) for p in event.bridge_points.all()] == [(20, 1), (40, 251)]
    assert event.participations.get().participant.full_name == "Đinh Thị Lụa"

    # Another person after the event: recorded at it in the role the text gives.
    response = post(editor_client, "create-and-link", {"kind": "person", "key": huy}, pk=article.pk)
    assert response.json()["participations"] == [{"event": event.pk, "role": 10}]
    row = event.participations.get(participant__full_name="Trương Quốc Huy")
    assert row.role == EventParticipant.Role.PRESIDING
    assert row.position_at_time == "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh, Trưởng đoàn ĐBQH tỉnh"
    assert row.bridge_point.level == 20

    article.refresh_from_db()
    assert list(article.events.all()) == [event]
    assert article.participants.count() == 2
    assert article.latest_revision.number == 4


def test_the_editor_corrects_prefilled_fields_before_creating(editor_client, article):
    event_key = suggestions(editor_client, article)["events"][0]["key"]
    fields = {
        "name": "Hội nghị toàn quốc về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
        "time": "08:30",
        "organizers": ["Bộ Chính trị", "Ban Bí thư"],
    }
    response = post(
        editor_client,
        "create-and-link",
        {"kind": "event", "key": event_key, "fields": fields},
        pk=article.pk,
    )
    assert response.status_code == 201
    event = Event.objects.get()
    assert "đổi mới sáng tạo" in event.title
    assert timezone.localtime(event.starts_at).strftime("%H:%M") == "08:30"
    assert Organization.objects.filter(name="Ban Bí thư").count() == 1


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"date": "13/01/2025"}, "Thông tin gửi lên không hợp lệ: hãy kiểm tra lại các trường."),
        ({"slug": "x"}, "Không sửa được trường: slug."),
        ({"format": "qua thư"}, "Thông tin gửi lên không hợp lệ: hãy kiểm tra lại các trường."),
        ({"name": {"x": 1}}, "Trường “name” phải là chuỗi."),
        ({"time_of_day": "đêm"}, "Buổi phải là sáng, trưa, chiều hoặc tối."),
        (
            {"bridge_points": [{"level": 99, "count": 1}]},
            "Thông tin gửi lên không hợp lệ: hãy kiểm tra lại các trường.",
        ),
    ],
)
def test_wrong_corrections_are_refused_in_vietnamese(editor_client, article, fields, message):
    event_key = suggestions(editor_client, article)["events"][0]["key"]
    response = post(
        editor_client,
        "create-and-link",
        {"kind": "event", "key": event_key, "fields": fields},
        pk=article.pk,
    )
    assert response.status_code == 400
    assert response.json()["error"] == message
    assert Event.objects.count() == 0


def test_a_finding_no_longer_in_the_text_is_a_conflict(editor_client, article):
    response = post(
        editor_client, "create-and-link", {"kind": "person", "key": "nguyen van a"}, pk=article.pk
    )
    assert response.status_code == 409
    assert "tải lại gợi ý" in response.json()["error"]


def test_creating_for_an_article_not_saved_yet(editor_client, seed_text):
    data = post(
        editor_client,
        "extract-text",
        {"title": seed_text.title, "sapo": seed_text.sapo, "body": seed_text.body},
    ).json()
    lua = finding(data, "persons", "Đinh Thị Lụa")
    person = post(editor_client, "create", {"kind": "person", "finding": lua})
    assert person.status_code == 201
    participant = Participant.objects.get(pk=person.json()["record"]["id"])
    assert participant.positions == "Phó Bí thư Thường trực Tỉnh ủy"
    event = post(
        editor_client,
        "create",
        {
            "kind": "event",
            "finding": data["events"][0],
            "attendees": [{"participant": participant.pk, "person": lua}],
        },
    )
    assert event.status_code == 201, event.content
    created = Event.objects.get()
    assert created.participations.get().role == EventParticipant.Role.PRESIDING
    assert Article.objects.count() == 0


def test_an_event_without_a_date_is_not_created(editor_client):
    response = post(
        editor_client,
        "create",
        {"kind": "event", "finding": {"kind": "hoi_nghi", "name": "Hội nghị X"}},
    )
    assert response.status_code == 400
    assert response.json()["error"].startswith("Chưa rõ ngày diễn ra sự kiện")


def test_creating_needs_the_models_permission(client, article):
    """A role without add_resolution cannot create one, even with change_article."""
    from django.contrib.auth.models import Permission

    user = make_user("chiduoc-sua", role=None)
    user.user_permissions.add(
        Permission.objects.get(codename="change_article"),
        Permission.objects.get(codename="edit_others_article"),
    )
    client.force_login(user)
    key = finding(suggestions(client, article), "documents", "57-NQ/TW")["key"]
    response = post(client, "create-and-link", {"kind": "document", "key": key}, pk=article.pk)
    assert response.status_code == 403
    assert response.json()["error"] == "Bạn không có quyền thêm văn bản."
    assert Resolution.objects.count() == 0
