"""The content model: validation in Vietnamese, database constraints, NFC storage,
sanitized bodies and the one rule for what the public sees."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.forms import modelform_factory
from django.utils import timezone, translation

from articles.models import (
    Article,
    BridgePoint,
    Category,
    Event,
    EventParticipant,
    Organization,
    Participant,
    Resolution,
)

pytestmark = pytest.mark.django_db

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def messages(error: ValidationError) -> list[str]:
    return [str(m) for m in error.messages]


@pytest.fixture(autouse=True)
def _vietnamese():
    with translation.override("vi"):
        yield


@pytest.fixture
def conference(db):
    return Event.objects.create(
        title="Hội nghị toàn quốc về đột phá phát triển khoa học, công nghệ",
        starts_at=datetime(2025, 1, 13, 8, 0, tzinfo=HCM),
        ends_at=datetime(2025, 1, 13, 11, 30, tzinfo=HCM),
        format=Event.Format.HYBRID,
        broadcast="VTV1",
        attendance=44881,
        attendance_note="đảng viên tham dự",
    )


# --- Category ----------------------------------------------------------------------


def test_category_child_of_a_root_is_valid(category):
    child = Category(name="Tin trong tỉnh", parent=category)
    child.full_clean()
    child.save()
    assert str(child) == "Tin hoạt động › Tin trong tỉnh"


def test_category_refuses_a_grandchild(category):
    child = Category.objects.create(name="Tin trong tỉnh", parent=category)
    grandchild = Category(name="Tin huyện", parent=child)
    with pytest.raises(ValidationError) as caught:
        grandchild.full_clean()
    assert (
        "Chỉ hỗ trợ một cấp chuyên mục con: hãy chọn một chuyên mục gốc."
        in caught.value.message_dict["parent"]
    )


def test_category_form_offers_and_accepts_only_roots_as_parent(category):
    child = Category.objects.create(name="Tin trong tỉnh", parent=category)
    form_class = modelform_factory(Category, fields=["name", "parent", "order"])
    form = form_class(data={"name": "Tin huyện", "parent": child.pk, "order": 0})
    assert list(form.fields["parent"].queryset) == [category]
    assert not form.is_valid()
    assert "parent" in form.errors
    ok = form_class(data={"name": "Tin huyện", "parent": category.pk, "order": 0})
    assert ok.is_valid(), ok.errors


def test_category_refuses_itself_as_parent(category):
    category.parent = category
    with pytest.raises(ValidationError) as caught:
        category.full_clean()
    assert caught.value.message_dict["parent"] == ["Chuyên mục không thể là cha của chính nó."]


def test_category_with_children_cannot_become_a_child(category):
    Category.objects.create(name="Tin trong tỉnh", parent=category)
    other_root = Category.objects.create(name="Xây dựng Đảng")
    category.parent = other_root
    with pytest.raises(ValidationError) as caught:
        category.full_clean()
    assert caught.value.message_dict["parent"] == [
        "Chuyên mục này đang có chuyên mục con nên không thể làm chuyên mục con."
    ]


# --- Resolution --------------------------------------------------------------------


@pytest.fixture
def politburo(db):
    return Organization.objects.create(name="Bộ Chính trị")


def test_resolution_names_as_the_press_writes_them(politburo):
    nq57 = Resolution.objects.create(
        number="57-NQ/TW",
        issuer=politburo,
        issue_date=date(2024, 12, 22),
        subject="về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
    )
    assert nq57.short_name == str(nq57) == "Nghị quyết 57-NQ/TW"
    assert nq57.full_name == "Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị"
    untitled = Resolution.objects.create(
        doc_type=Resolution.DocType.DECISION,
        title="Quyết định thành lập Ban Chỉ đạo Trung ương",
    )
    assert untitled.short_name == untitled.full_name == untitled.title


def test_resolution_number_whitespace_is_tidied():
    resolution = Resolution.objects.create(number="  57-NQ/TW \u00a0")
    resolution.refresh_from_db()
    assert resolution.number == "57-NQ/TW"


def test_resolution_needs_a_number_or_a_title():
    with pytest.raises(ValidationError) as caught:
        Resolution().full_clean()
    assert "Cần nhập số, ký hiệu hoặc tên gọi của văn bản." in messages(caught.value)
    Resolution(number="57-NQ/TW").full_clean()
    Resolution(title="Quyết định thành lập Ban Chỉ đạo Trung ương").full_clean()


def test_resolution_without_number_or_title_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        Resolution.objects.create(number="", title="")


def test_resolution_number_is_unique():
    Resolution.objects.create(number="57-NQ/TW")
    with pytest.raises(ValidationError):
        Resolution(number="57-NQ/TW").full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        Resolution.objects.create(number="57-NQ/TW")


def test_resolutions_without_number_may_be_many():
    Resolution.objects.create(title="Quyết định thành lập Ban Chỉ đạo Trung ương")
    Resolution.objects.create(title="Quy định về chức năng, nhiệm vụ của Ban Chỉ đạo")
    assert Resolution.objects.filter(number="").count() == 2


def _resolution_form(**data):
    """The form the admin builds for a document."""
    form_class = modelform_factory(Resolution, fields=["number", "doc_type", "title"])
    return form_class(data={"number": "", "doc_type": "nghi_quyet", "title": "", **data})


def test_duplicate_resolution_number_message_is_vietnamese():
    Resolution.objects.create(number="57-NQ/TW")
    form = _resolution_form(number="57-NQ/TW")
    assert not form.is_valid()
    shown = [str(m) for errors in form.errors.values() for m in errors]
    assert shown
    for message in shown:
        assert "Constraint" not in message and "violated" not in message


def test_empty_resolution_gets_one_vietnamese_message():
    form = _resolution_form()
    assert not form.is_valid()
    assert form.non_field_errors() == ["Cần nhập số, ký hiệu hoặc tên gọi của văn bản."]


# --- Event, bridge points, participants ---------------------------------------------


def test_event_must_not_end_before_it_starts(conference):
    conference.ends_at = conference.starts_at - timedelta(minutes=1)
    with pytest.raises(ValidationError) as caught:
        conference.full_clean()
    assert caught.value.message_dict == {
        "ends_at": ["Thời gian kết thúc phải sau thời gian bắt đầu."]
    }


def test_event_form_shows_only_the_vietnamese_message():
    form_class = modelform_factory(
        Event, fields=["title", "kind", "format", "status", "starts_at", "ends_at"]
    )
    form = form_class(
        data={
            "title": "Hội nghị",
            "kind": "hoi_nghi",
            "format": "hybrid",
            "status": "planned",
            "starts_at": "13/01/2025 08:00",
            "ends_at": "13/01/2025 07:30",
        }
    )
    assert not form.is_valid()
    assert form.errors == {"ends_at": ["Thời gian kết thúc phải sau thời gian bắt đầu."]}


def test_event_may_end_when_it_starts_or_have_no_end(conference):
    conference.ends_at = conference.starts_at
    conference.full_clean()
    conference.ends_at = None
    conference.full_clean()
    conference.save()


def test_database_refuses_an_event_ending_before_it_starts():
    start = datetime(2025, 1, 13, 8, 0, tzinfo=HCM)
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.create(title="Hội nghị", starts_at=start, ends_at=start - timedelta(hours=1))


def test_database_refuses_an_update_that_ends_an_event_early(conference):
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.filter(pk=conference.pk).update(
            ends_at=conference.starts_at - timedelta(hours=1)
        )


def test_bridge_points_total_as_in_the_seed(conference):
    BridgePoint.objects.create(
        event=conference,
        level=BridgePoint.Level.GRASSROOTS,
        count=251,
        area="tỉnh Hà Nam",
        attendance=44881,
    )
    BridgePoint.objects.create(
        event=conference,
        level=BridgePoint.Level.PROVINCIAL,
        count=1,
        location="Hội trường UBND tỉnh",
    )
    assert conference.total_bridge_points == 252
    provincial, grassroots = conference.bridge_points.all()  # ordered by level
    assert str(provincial) == "01 điểm cầu cấp tỉnh (Hội trường UBND tỉnh)"
    assert str(grassroots) == "251 điểm cầu cấp cơ sở"


def test_event_without_bridge_points_totals_zero(conference):
    assert conference.total_bridge_points == 0


def test_participations_ordered_by_role_then_order(conference):
    names = ["Trần Thanh Mẫn", "Tô Lâm", "Đinh Thị Lụa", "Phạm Minh Chính", "Trương Quốc Huy"]
    people = {name: Participant.objects.create(full_name=name) for name in names}
    role = EventParticipant.Role
    for name, r, order in [
        ("Trần Thanh Mẫn", role.PRESENTING, 2),
        ("Đinh Thị Lụa", role.PRESIDING, 1),
        ("Phạm Minh Chính", role.PRESENTING, 1),
        ("Tô Lâm", role.DIRECTING, 0),
        ("Trương Quốc Huy", role.PRESIDING, 2),
    ]:
        EventParticipant.objects.create(
            event=conference, participant=people[name], role=r, order=order
        )
    assert [str(p.participant) for p in conference.participations.all()] == [
        "Đinh Thị Lụa",
        "Trương Quốc Huy",
        "Tô Lâm",
        "Phạm Minh Chính",
        "Trần Thanh Mẫn",
    ]
    assert str(conference.participations.first()) == "Đinh Thị Lụa — Chủ trì"


def test_participant_bridge_point_must_belong_to_the_event(conference):
    other = Event.objects.create(title="Hội nghị khác", starts_at=conference.starts_at)
    point = BridgePoint.objects.create(event=other, level=BridgePoint.Level.PROVINCIAL)
    person = Participant.objects.create(full_name="Đinh Thị Lụa")
    participation = EventParticipant(event=conference, participant=person, bridge_point=point)
    with pytest.raises(ValidationError) as caught:
        participation.full_clean()
    assert caught.value.message_dict["bridge_point"] == ["Điểm cầu này thuộc một sự kiện khác."]


def test_one_role_per_person_per_event(conference):
    person = Participant.objects.create(full_name="Tô Lâm")
    EventParticipant.objects.create(event=conference, participant=person, role=20)
    with pytest.raises(IntegrityError), transaction.atomic():
        EventParticipant.objects.create(event=conference, participant=person, role=20)


# --- Participant names -----------------------------------------------------------------


def test_participants_sort_by_given_name():
    for name in ["Trần Thanh Mẫn", "Tô Lâm", "Trương Quốc Huy", "Đinh Thị Lụa", "Phạm Minh Chính"]:
        Participant.objects.create(full_name=name)
    assert [p.full_name for p in Participant.objects.all()] == [
        "Phạm Minh Chính",  # C
        "Trương Quốc Huy",  # H
        "Tô Lâm",  # L (Lâm)
        "Đinh Thị Lụa",  # L (Lụa)
        "Trần Thanh Mẫn",  # M
    ]
    assert Participant.objects.get(full_name="Tô Lâm").sort_name == "lam to"


def test_sort_name_follows_a_renamed_participant():
    person = Participant.objects.create(full_name="Tô Lâm")
    person.full_name = "Nguyễn Văn An"
    person.save()
    assert person.sort_name == "an nguyen van"


def test_participant_positions_one_per_line():
    person = Participant.objects.create(
        full_name="Trương Quốc Huy",
        positions="Phó Bí thư Tỉnh ủy\n  Chủ tịch UBND tỉnh \n\nTrưởng đoàn ĐBQH tỉnh\n",
    )
    assert person.position_list == [
        "Phó Bí thư Tỉnh ủy",
        "Chủ tịch UBND tỉnh",
        "Trưởng đoàn ĐBQH tỉnh",
    ]
    assert (
        person.positions_display == "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh, Trưởng đoàn ĐBQH tỉnh"
    )


# --- NFC storage ---------------------------------------------------------------------


def test_article_text_saved_in_nfd_is_stored_nfc(category):
    article = Article.objects.create(
        title=nfd("Hội nghị toàn quốc về chuyển đổi số"),
        sapo=nfd("Sáng ngày 13/01/2025, Bộ Chính trị, Ban Bí thư tổ chức hội nghị."),
        body=nfd("<p>Đồng chí Tổng Bí thư Tô Lâm phát biểu chỉ đạo.</p>"),
        byline=nfd("Phòng Lý luận chính trị - Lịch sử"),
        category=category,
    )
    stored = Article.objects.get(pk=article.pk)
    assert stored.title == "Hội nghị toàn quốc về chuyển đổi số"
    assert stored.sapo == "Sáng ngày 13/01/2025, Bộ Chính trị, Ban Bí thư tổ chức hội nghị."
    assert stored.body == "<p>Đồng chí Tổng Bí thư Tô Lâm phát biểu chỉ đạo.</p>"
    assert stored.byline == "Phòng Lý luận chính trị - Lịch sử"
    # And findable by its composed form.
    assert Article.objects.filter(title="Hội nghị toàn quốc về chuyển đổi số").exists()


def test_other_models_store_nfc(conference):
    person = Participant.objects.create(
        full_name=nfd("Đinh Thị Lụa"), positions=nfd("Phó Bí thư Thường trực Tỉnh ủy")
    )
    category = Category.objects.create(name=nfd("Xây dựng Đảng"))
    resolution = Resolution.objects.create(number="57-NQ/TW", subject=nfd("về đột phá"))
    point = BridgePoint.objects.create(
        event=conference, level=20, location=nfd("Hội trường UBND tỉnh")
    )
    conference.venue = nfd("Hội trường UBND tỉnh Hà Nam")
    conference.save()
    assert Participant.objects.get(pk=person.pk).full_name == "Đinh Thị Lụa"
    assert Participant.objects.get(pk=person.pk).positions == "Phó Bí thư Thường trực Tỉnh ủy"
    assert Participant.objects.filter(full_name="Đinh Thị Lụa").exists()
    assert Category.objects.get(pk=category.pk).name == "Xây dựng Đảng"
    assert Resolution.objects.get(pk=resolution.pk).subject == "về đột phá"
    assert BridgePoint.objects.get(pk=point.pk).location == "Hội trường UBND tỉnh"
    assert Event.objects.get(pk=conference.pk).venue == "Hội trường UBND tỉnh Hà Nam"


def test_nul_characters_are_not_stored(category):
    article = Article.objects.create(title="Nghị\x00 quyết", category=category)
    assert Article.objects.get(pk=article.pk).title == "Nghị quyết"


# --- Article body ----------------------------------------------------------------------


def test_article_save_sanitizes_the_body(category):
    article = Article.objects.create(
        title="Tin có mã độc",
        category=category,
        body=(
            "<h2>Nội dung chính</h2>"
            "<p>Khoa học, công nghệ<script>alert(1)</script> là quốc sách.</p>"
            '<p><img src="x" onerror="alert(1)"><img src="data:image/png;base64,AAAA" alt="Ảnh">'
            '<a href="javascript:alert(1)">Nhấn vào đây</a> '
            '<a href="https://dangcongsan.vn/">Báo Điện tử Đảng Cộng sản</a></p>'
            "<ul><li>Một</li></ul><ol><li>Hai</li></ol>"
            "<table><tbody><tr><td>252 điểm cầu</td></tr></tbody></table>"
            "<blockquote>Dám nghĩ, dám làm</blockquote>"
        ),
    )
    body = Article.objects.get(pk=article.pk).body
    for gone in ("<script", "alert(1)", "onerror", "javascript:", "data:image"):
        assert gone not in body
    for kept in (
        "<h2>Nội dung chính</h2>",
        "<p>Khoa học, công nghệ là quốc sách.</p>",
        '<img alt="Ảnh">',
        '<a href="https://dangcongsan.vn/" rel="noopener noreferrer">Báo Điện tử Đảng Cộng sản</a>',
        "<ul><li>Một</li></ul><ol><li>Hai</li></ol>",
        "<table><tbody><tr><td>252 điểm cầu</td></tr></tbody></table>",
        "<blockquote>Dám nghĩ, dám làm</blockquote>",
    ):
        assert kept in body
    assert ">Nhấn vào đây</a>" in body


def test_article_body_sanitized_on_every_save(published_article):
    Article.objects.filter(pk=published_article.pk).update(body="<p onclick='x()'>Sửa</p>")
    published_article.refresh_from_db()
    published_article.save()
    published_article.refresh_from_db()
    assert published_article.body == "<p>Sửa</p>"


# --- what the public sees ----------------------------------------------------------------

NON_PUBLIC_STATUSES = [
    Article.Status.DRAFT,
    Article.Status.SUBMITTED,
    Article.Status.RETURNED,
    Article.Status.APPROVED,
    Article.Status.WITHDRAWN,
]


def test_public_includes_published_articles_whose_time_has_come(make_article):
    now = timezone.now()
    long_ago = make_article(title="Tin cũ", published_at=now - timedelta(days=400))
    just_now = make_article(title="Tin vừa đăng", published_at=now - timedelta(seconds=1))
    public = list(Article.objects.public())
    assert public == [just_now, long_ago]  # newest first
    assert just_now.is_public and long_ago.is_public


@pytest.mark.parametrize("status", NON_PUBLIC_STATUSES)
def test_public_excludes_unpublished_states(make_article, status):
    article = make_article(title=f"Tin {status}", status=status)
    assert article.published_at <= timezone.now()  # its time has come, but not its state
    assert not Article.objects.public().filter(pk=article.pk).exists()
    assert not article.is_public


def test_public_excludes_published_without_a_time(make_article):
    article = make_article(title="Tin thiếu thời gian", published_at=None)
    assert not Article.objects.public().exists()
    assert not article.is_public


def test_scheduled_article_is_not_public_before_its_time(make_article):
    article = make_article(title="Tin hẹn giờ", published_at=timezone.now() + timedelta(hours=2))
    assert not Article.objects.public().filter(pk=article.pk).exists()
    assert not article.is_public


def test_scheduled_article_becomes_public_when_its_time_comes(make_article):
    publish_at = timezone.now() + timedelta(hours=2)
    article = make_article(title="Tin hẹn giờ", published_at=publish_at)
    assert not Article.objects.public().filter(pk=article.pk).exists()
    with mock.patch("django.utils.timezone.now", return_value=publish_at):
        assert Article.objects.public().filter(pk=article.pk).exists()
        assert article.is_public
    later = publish_at + timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert list(Article.objects.public()) == [article]
    before = publish_at - timedelta(seconds=1)
    with mock.patch("django.utils.timezone.now", return_value=before):
        assert not Article.objects.public().exists()


def test_choice_labels_read_as_the_pages_show_them():
    # get_<field>_display() goes through core.models.ChoiceLabelsModel: same answers
    # as Django's, the raw value for one no longer among the choices (old imports).
    directive = Resolution(number="05-CT/TW", doc_type=Resolution.DocType.DIRECTIVE)
    assert directive.get_doc_type_display() == "Chỉ thị"
    assert directive.short_name == "Chỉ thị 05-CT/TW"
    assert str(BridgePoint(count=3, level=BridgePoint.Level.DISTRICT)) == "03 điểm cầu cấp huyện"
    assert Event(format=Event.Format.ONLINE).get_format_display() == "Trực tuyến"
    directive.doc_type = "cong_van_cu"
    assert directive.get_doc_type_display() == "cong_van_cu"
    # The workspace's lists (notifications, history) read theirs the same way.
    from workflow.models import Notification

    assert Notification(kind=Notification.Kind.RETURNED).get_kind_display() == "Bài bị trả lại"
