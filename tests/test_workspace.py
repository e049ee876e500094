"""The staff workspace (/toa-soan/) through HTTP, as each role uses it."""

from __future__ import annotations

import io
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from PIL import Image as PILImage

from accounts.models import User
from accounts.roles import ADMIN, APPROVER, AUTHOR, EDITOR
from articles.models import Article, Event, Participant, Resolution, Tag
from images.models import Image
from workflow import rules, services
from workflow.models import Comment, Notification, Revision, ShareLink, ShareLinkOpening, Transition
from workflow.rules import Action
from workflow.services import ExpectedState

Status = Article.Status
PASSWORD = "mat-khau-dai-123"


# Fixtures ------------------------------------------------------------------------------


def _user(username, role, **extra):
    user = User.objects.create_user(
        username,
        password=PASSWORD,
        is_staff=True,
        full_name=extra.pop("full_name", username),
        **extra,
    )
    user.groups.add(Group.objects.get(name=role.name))
    return user


@pytest.fixture
def staff(db):
    """One user per role (accounts.roles.ROLES), and a second reporter."""
    return {
        "author": _user(
            "phongvien", AUTHOR, full_name="Nguyễn Thu Trang", department="Phòng Tuyên truyền"
        ),
        "author2": _user(
            "congtacvien", AUTHOR, full_name="Lê Văn Hùng", department="Phòng Lý luận"
        ),
        "editor": _user("bientap", EDITOR, full_name="Trần Quốc Bảo"),
        "approver": _user("lanhdao", APPROVER, full_name="Lê Thị Minh Phương"),
        "admin": _user("quantri", ADMIN, full_name="Phạm Đức Long"),
    }


@pytest.fixture
def as_user(client):
    def login(user):
        client.force_login(user)
        return client

    return login


@pytest.fixture
def content(category):
    def make(title="Hội nghị quán triệt Nghị quyết 57", **fields):
        return {
            "title": title,
            "sapo": "Sáng ngày 13/01/2025, Bộ Chính trị, Ban Bí thư tổ chức hội nghị toàn quốc.",
            "body": "<p>Toàn tỉnh có 252 điểm cầu.</p><p>44.881 đảng viên tham dự.</p>",
            "category": category.pk,
            **fields,
        }

    return make


@pytest.fixture
def draft(staff, content):
    return services.create_article(staff["author"], content())


@pytest.fixture
def submitted(staff, draft):
    services.submit(staff["author"], draft)
    return draft


def png_upload(name="anh.png", size=(64, 48)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (163, 23, 27)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def edit_url(article):
    return reverse("workspace:article-edit", kwargs={"pk": article.pk})


def transition_url(article):
    return reverse("workspace:article-transition", kwargs={"pk": article.pk})


def form_data(article: Article, **changes) -> dict:
    """What the editor form posts for the article's latest revision, with changes."""
    article.refresh_from_db()
    revision = article.latest_revision
    c = revision.content
    data = {
        "title": c["title"],
        "slug": c.get("slug", ""),
        "sapo": c["sapo"],
        "body": c["body"],
        "featured_image": c.get("featured_image") or "",
        "featured_alt": Image.objects.get(pk=c["featured_image"]).alt_text
        if c.get("featured_image")
        else "",
        "featured_image_caption": c.get("featured_image_caption", ""),
        "featured_image_credit": c.get("featured_image_credit", ""),
        "category": c["category"],
        "tag_names": ", ".join(
            Tag.objects.filter(pk__in=c.get("tags", [])).values_list("name", flat=True)
        ),
        "events": c.get("events", []),
        "participants": c.get("participants", []),
        "resolutions": c.get("resolutions", []),
        "byline": c.get("byline", ""),
        "base_revision_id": revision.pk,
    }
    data.update(changes)
    return data


def transition(article: Article, action: Action, **fields) -> dict:
    article.refresh_from_db()
    state = ExpectedState.of(article)
    return {
        "action": action.value,
        "expected_status": state.status,
        "expected_step": state.step_id or "",
        "expected_revision": state.revision_id or "",
        **fields,
    }


def buttons_on(html: str) -> list[str]:
    return re.findall(r'data-transition="(\w+)"', html)


def text(response) -> str:
    return response.content.decode()


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]] if response.context else []


# Access --------------------------------------------------------------------------------


def _pages(article, revision_number=1):
    pk = article.pk
    return [
        reverse("workspace:dashboard"),
        reverse("workspace:article-list"),
        reverse("workspace:article-create"),
        reverse("workspace:article-edit", kwargs={"pk": pk}),
        reverse("workspace:article-history", kwargs={"pk": pk}),
        reverse("workspace:article-compare", kwargs={"pk": pk}) + "?a=1&b=1",
        reverse("workspace:article-preview", kwargs={"pk": pk, "number": revision_number}),
        reverse("workspace:notifications"),
        reverse("workspace:api-events") + "?q=hoi",
    ]


def test_anonymous_visitors_are_sent_to_the_sign_in_page(client, draft):
    login = reverse("accounts:login")
    for url in _pages(draft)[:-1]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(login + "?next="), url
    assert client.get(reverse("workspace:api-events") + "?q=a").status_code == 401


@pytest.mark.parametrize("role", ["author", "editor", "approver", "admin"])
def test_every_page_opens_for_every_role(as_user, staff, draft, role):
    client = as_user(staff[role])
    for url in _pages(draft):
        response = client.get(url)
        if url == reverse("workspace:article-create") and role == "admin":
            # Administrators manage the site; they do not write articles.
            assert response.status_code == 403
            assert "Bạn không có quyền viết bài." in text(response)
            continue
        assert response.status_code == 200, (role, url)
        assert (
            response["Cache-Control"].startswith("private")
            or "private" in response["Cache-Control"]
        )


def test_a_user_without_the_view_permission_gets_a_vietnamese_403(as_user, db, draft):
    nobody = User.objects.create_user("khach", password=PASSWORD)
    client = as_user(nobody)
    for url in (reverse("workspace:dashboard"), edit_url(draft)):
        response = client.get(url)
        assert response.status_code == 403
        assert "chưa được cấp quyền vào Tòa soạn" in text(response)
        assert "Forbidden" not in text(response)


def test_the_side_navigation_links_to_the_admin_for_events_people_and_documents(as_user, staff):
    html = text(as_user(staff["author"]).get(reverse("workspace:dashboard")))
    for name in ("event", "participant", "resolution"):
        assert reverse(f"admin:articles_{name}_changelist") in html
        assert reverse(f"admin:articles_{name}_add") in html


# Buttons come from workflow.rules ------------------------------------------------------


def _states(staff, content):
    """An article in each state of the workflow."""
    author, editor, approver = staff["author"], staff["editor"], staff["approver"]
    made = {"draft": services.create_article(author, content("Nháp"))}
    made["step1"] = services.create_article(author, content("Chờ bước 1"))
    services.submit(author, made["step1"])
    made["step2"] = services.create_article(author, content("Chờ bước 2"))
    services.submit(author, made["step2"])
    services.approve(editor, made["step2"])
    made["returned"] = services.create_article(author, content("Trả lại"))
    services.submit(author, made["returned"])
    services.return_to_author(editor, made["returned"], comment="Sửa sapo.")
    made["public"] = services.create_article(author, content("Công khai"))
    services.submit(author, made["public"])
    services.approve(editor, made["public"])
    services.approve(approver, made["public"])
    made["scheduled"] = services.create_article(author, content("Hẹn giờ"))
    services.submit(author, made["scheduled"])
    services.approve(editor, made["scheduled"])
    services.approve(approver, made["scheduled"], publish_at=timezone.now() + timedelta(days=2))
    # Approved, waiting to be published: a schedule called off.
    made["approved"] = services.create_article(author, content("Đã duyệt"))
    services.submit(author, made["approved"])
    services.approve(editor, made["approved"])
    services.approve(approver, made["approved"], publish_at=timezone.now() + timedelta(days=2))
    services.unschedule(approver, made["approved"])
    made["withdrawn"] = services.create_article(author, content("Đã gỡ"))
    services.submit(author, made["withdrawn"])
    services.approve(editor, made["withdrawn"])
    services.approve(approver, made["withdrawn"])
    services.withdraw(approver, made["withdrawn"], reason="Sai số liệu.")
    return made


def test_the_buttons_shown_are_exactly_the_transitions_the_rules_allow(as_user, staff, content):
    articles = _states(staff, content)
    seen = set()
    for role in ("author", "author2", "editor", "approver", "admin"):
        user = staff[role]
        client = as_user(user)
        for name, article in articles.items():
            article.refresh_from_db()
            expected = [a.value for a in rules.allowed_transitions(user, article)]
            shown = buttons_on(text(client.get(edit_url(article))))
            assert shown == expected, (role, name)
            seen.update(shown)
    # Every transition appeared somewhere: the states above cover the workflow.
    assert seen == {a.value for a in rules.TRANSITIONS}


def test_the_state_and_the_step_are_told_in_vietnamese(as_user, staff, submitted):
    services.approve(staff["editor"], submitted)
    html = text(as_user(staff["approver"]).get(edit_url(submitted)))
    assert "Chờ duyệt – bước 2/2: Lãnh đạo Ban phê duyệt" in html
    assert "Việc tiếp theo" in html
    assert "Bước cuối: duyệt là xuất bản." in html
    assert 'name="publish_mode" value="schedule"' in html


# The whole chain through HTTP ----------------------------------------------------------


def test_a_full_chain_from_writing_to_the_public_page(as_user, staff, category, media_root, client):
    author, editor, approver = staff["author"], staff["editor"], staff["approver"]

    # The reporter writes, with a featured image, and submits.
    as_user(author)
    response = client.post(
        reverse("workspace:article-create"),
        {
            "title": "Hà Nam tổ chức tham gia Hội nghị toàn quốc",
            "sapo": "Sáng ngày 13/01/2025, Bộ Chính trị, Ban Bí thư tổ chức hội nghị.",
            "body": "<p>Toàn tỉnh có 252 điểm cầu.</p>",
            "category": category.pk,
            "tag_names": "Nghị quyết 57, Chuyển đổi số",
            "featured_upload": png_upload(),
            "featured_alt": "Đại biểu dự hội nghị tại điểm cầu Hà Nam",
            "featured_image_caption": "Các đại biểu dự hội nghị",
            "featured_image_credit": "Ban Tuyên giáo",
            "byline": "Phòng Lý luận chính trị - Lịch sử",
        },
    )
    assert response.status_code == 302
    article = Article.objects.get()
    assert response["Location"] == edit_url(article)
    assert article.featured_image.alt_text == "Đại biểu dự hội nghị tại điểm cầu Hà Nam"
    assert article.featured_image.renditions
    assert sorted(article.tags.values_list("name", flat=True)) == ["Chuyển đổi số", "Nghị quyết 57"]
    response = client.post(transition_url(article), transition(article, Action.SUBMIT), follow=True)
    assert "Đã gửi duyệt. Bài đang chờ bước 1/2: Biên tập." in messages_of(response)
    article.refresh_from_db()
    assert (article.status, article.current_step.order) == (Status.SUBMITTED, 1)

    # The editor returns it with a comment.
    as_user(editor)
    assert editor.notifications.filter(article=article, read_at__isnull=True).exists()
    client.get(edit_url(article))
    assert not editor.notifications.filter(article=article, read_at__isnull=True).exists()
    response = client.post(
        transition_url(article),
        transition(article, Action.RETURN, comment="Sapo cần nêu số điểm cầu."),
        follow=True,
    )
    assert "Đã trả bài lại cho tác giả kèm ý kiến." in messages_of(response)
    article.refresh_from_db()
    assert article.status == Status.RETURNED

    # The reporter sees the comment on the dashboard, fixes the sapo and resubmits.
    as_user(author)
    dashboard = text(client.get(reverse("workspace:dashboard")))
    assert "Bị trả lại, cần sửa" in dashboard and "Sapo cần nêu số điểm cầu." in dashboard
    response = client.post(
        edit_url(article),
        form_data(article, sapo="Toàn tỉnh có 252 điểm cầu tham gia hội nghị.", then="submit"),
        follow=True,
    )
    assert "Đã lưu phiên bản 2." in messages_of(response)
    assert "Đã gửi duyệt. Bài đang chờ bước 1/2: Biên tập." in messages_of(response)
    article.refresh_from_db()
    assert article.status == Status.SUBMITTED and article.latest_revision.number == 2

    # The editor sees what changed since the return, and approves.
    as_user(editor)
    html = text(client.get(edit_url(article)))
    assert "Thay đổi từ lần bạn duyệt trước" in html
    assert "<ins>" in html and "252" in html
    client.post(transition_url(article), transition(article, Action.APPROVE))
    article.refresh_from_db()
    assert article.current_step.order == 2

    # The leader approves and publishes now; readers see it.
    as_user(approver)
    response = client.post(
        transition_url(article),
        transition(article, Action.APPROVE, publish_mode="now"),
        follow=True,
    )
    assert "Đã xuất bản. Bài đang hiện trên trang." in messages_of(response)
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED and article.is_public
    client.logout()
    public = client.get(article.get_absolute_url())
    assert public.status_code == 200
    assert "Toàn tỉnh có 252 điểm cầu tham gia hội nghị." in text(public)
    assert "Đại biểu dự hội nghị tại điểm cầu Hà Nam" in text(public)
    actions = list(
        article.transitions.order_by("created_at", "id").values_list("action", flat=True)
    )
    assert actions == ["create", "submit", "return", "submit", "approve", "approve", "publish"]


def test_approving_the_last_step_can_schedule_the_publication(as_user, staff, submitted):
    services.approve(staff["editor"], submitted)
    client = as_user(staff["approver"])
    response = client.post(
        transition_url(submitted),
        transition(
            submitted, Action.APPROVE, publish_mode="schedule", publish_at="05/03/2030 08:00"
        ),
        follow=True,
    )
    assert "Đã hẹn giờ xuất bản lúc 08:00 05/03/2030." in messages_of(response)
    submitted.refresh_from_db()
    when = timezone.localtime(submitted.published_at)
    assert (when.year, when.month, when.day, when.hour) == (2030, 3, 5, 8)
    assert submitted.is_scheduled
    dashboard = text(client.get(reverse("workspace:dashboard")))
    assert "Hẹn giờ 08:00 05/03/2030" in dashboard
    # A time in the past is refused, in words, and nothing changes.
    other = services.create_article(
        staff["author"], {"title": "Khác", "category": submitted.category_id}
    )
    services.submit(staff["author"], other)
    services.approve(staff["editor"], other)
    response = client.post(
        transition_url(other),
        transition(other, Action.APPROVE, publish_mode="schedule", publish_at="01/01/2020 08:00"),
        follow=True,
    )
    assert "Thời gian hẹn giờ phải ở tương lai." in messages_of(response)
    other.refresh_from_db()
    assert other.status == Status.SUBMITTED


def test_an_illegal_transition_changes_nothing_and_says_why(as_user, staff, submitted):
    before = (Transition.objects.count(), Revision.objects.count())
    client = as_user(staff["author"])
    response = client.post(
        transition_url(submitted), transition(submitted, Action.APPROVE), follow=True
    )
    assert "Bạn không phụ trách bước duyệt hiện tại của bài này." in messages_of(response)
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED and submitted.current_step.order == 1
    assert (Transition.objects.count(), Revision.objects.count()) == before
    # An approver at the wrong step is refused the same way.
    client = as_user(staff["approver"])
    response = client.post(
        transition_url(submitted), transition(submitted, Action.PUBLISH), follow=True
    )
    assert "Chỉ xuất bản được bài đã duyệt." in messages_of(response)
    assert (Transition.objects.count(), Revision.objects.count()) == before


def test_a_double_submitted_approval_makes_one_transition(as_user, staff, submitted):
    client = as_user(staff["editor"])
    data = transition(submitted, Action.APPROVE)
    first = client.post(transition_url(submitted), data, follow=True)
    second = client.post(transition_url(submitted), data, follow=True)
    assert "Đã duyệt. Bài chuyển sang bước 2/2: Lãnh đạo Ban phê duyệt." in messages_of(first)
    assert any("vừa được người khác xử lý" in m for m in messages_of(second))
    assert submitted.transitions.filter(action=Transition.Action.APPROVE).count() == 1


def test_returning_needs_a_comment_and_withdrawing_a_reason(as_user, staff, submitted):
    client = as_user(staff["editor"])
    response = client.post(
        transition_url(submitted), transition(submitted, Action.RETURN, comment="  "), follow=True
    )
    assert "Hãy ghi ý kiến khi trả lại bài để tác giả biết cần sửa gì." in messages_of(response)
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED
    services.approve(staff["editor"], submitted)
    services.approve(staff["approver"], submitted)
    client = as_user(staff["approver"])
    response = client.post(
        transition_url(submitted), transition(submitted, Action.WITHDRAW), follow=True
    )
    assert "Hãy ghi lý do gỡ bài." in messages_of(response)
    response = client.post(
        transition_url(submitted),
        transition(submitted, Action.WITHDRAW, reason="Sai số liệu."),
        follow=True,
    )
    assert "Đã gỡ bài khỏi trang." in messages_of(response)
    submitted.refresh_from_db()
    assert submitted.status == Status.WITHDRAWN and not submitted.is_live


# The editor form -------------------------------------------------------------------------


def test_an_edit_conflict_keeps_the_text_and_shows_the_differences(as_user, staff, draft):
    client = as_user(staff["author"])
    stale = form_data(draft)
    # Someone else (an editor may edit others' drafts) saves first.
    services.save_working_copy(
        staff["editor"],
        draft,
        {"title": "Tiêu đề do biên tập sửa"},
        base_revision_id=draft.latest_revision_id,
    )
    mine = {**stale, "title": "Tiêu đề của phóng viên", "sapo": "Sapo mới của phóng viên."}
    response = client.post(edit_url(draft), mine)
    assert response.status_code == 409
    html = text(response)
    assert "Bản của bạn chưa được lưu" in html
    assert "Trần Quốc Bảo" in html
    # The differences, field by field, and the editor's text kept in the form.
    assert "Tiêu đề do biên tập sửa" in html and "Tiêu đề của phóng viên" in html
    assert "<ins>" in html and "<del>" in html
    assert 'value="Tiêu đề của phóng viên"' in html
    assert "Sapo mới của phóng viên.</textarea>" in html
    draft.refresh_from_db()
    assert draft.latest_revision.content["title"] == "Tiêu đề do biên tập sửa"
    assert draft.latest_revision.number == 2
    # Saving again, with the differences seen, is based on the latest: it goes through.
    base = re.search(r'name="base_revision_id" value="(\d+)"', html).group(1)
    assert int(base) == draft.latest_revision_id
    response = client.post(edit_url(draft), {**mine, "base_revision_id": base})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.latest_revision.content["title"] == "Tiêu đề của phóng viên"


def test_a_rejected_featured_image_keeps_the_rest_of_the_form(as_user, staff, category, media_root):
    client = as_user(staff["author"])
    response = client.post(
        reverse("workspace:article-create"),
        {
            "title": "Bài có ảnh hỏng",
            "sapo": "Sapo đã gõ.",
            "body": "<p>Nội dung đã gõ kỹ.</p>",
            "category": category.pk,
            "tag_names": "Chuyển đổi số",
            "featured_upload": SimpleUploadedFile(
                "anh.png", b"<svg onload=alert(1)>", content_type="image/png"
            ),
            "featured_alt": "Mô tả ảnh",
            "byline": "Phòng Thông tin",
        },
    )
    assert response.status_code == 200
    html = text(response)
    assert "Tệp không phải ảnh (có vẻ là HTML hoặc SVG)." in html
    assert 'value="Bài có ảnh hỏng"' in html
    assert "Sapo đã gõ.</textarea>" in html
    assert "Nội dung đã gõ kỹ." in html
    assert 'value="Chuyển đổi số"' in html and 'value="Mô tả ảnh"' in html
    assert not Article.objects.exists() and not Image.objects.exists()


def test_an_uploaded_image_survives_another_error_in_the_form(as_user, staff, category, media_root):
    client = as_user(staff["author"])
    response = client.post(
        reverse("workspace:article-create"),
        {
            "title": "",
            "category": category.pk,
            "featured_upload": png_upload(),
            "featured_alt": "Toàn cảnh hội nghị",
        },
    )
    assert response.status_code == 200
    image = Image.objects.get()
    assert f'name="featured_image" value="{image.pk}"' in text(response)
    # The featured image needs a description.
    response = client.post(
        reverse("workspace:article-create"),
        {"title": "Có ảnh", "category": category.pk, "featured_upload": png_upload()},
    )
    assert "Hãy nhập mô tả cho ảnh đại diện" in text(response)
    assert Image.objects.count() == 1


def test_body_images_without_alt_text_are_refused(as_user, staff, draft):
    client = as_user(staff["author"])
    body = '<p>Ảnh:</p><img src="/media/a.jpg"><figure class="image"><img src="/media/b.jpg" alt=" "></figure><img src="/media/c.jpg" alt="Có mô tả">'
    response = client.post(edit_url(draft), form_data(draft, body=body))
    assert response.status_code == 200
    assert "Có 2 ảnh trong nội dung chưa có mô tả (alt)." in text(response)
    draft.refresh_from_db()
    assert draft.latest_revision.number == 1


def test_the_editor_uses_ckeditor_5_with_our_upload_endpoint(as_user, staff):
    html = text(as_user(staff["author"]).get(reverse("workspace:article-create")))
    assert "django_ckeditor_5/dist/bundle.js" in html
    assert 'data-upload-url="/anh/tai-len/"' in html
    assert "<script>" not in html and " style=" not in html and " onclick=" not in html


def test_saving_links_events_people_and_documents_and_creates_new_tags(as_user, staff, draft):
    event = Event.objects.create(title="Hội nghị toàn quốc", starts_at=timezone.now())
    person = Participant.objects.create(full_name="Tô Lâm", positions="Tổng Bí thư")
    doc = Resolution.objects.create(number="57-NQ/TW", subject="về đột phá phát triển khoa học")
    Tag.objects.create(name="Nghị quyết 57")
    client = as_user(staff["author"])
    response = client.post(
        edit_url(draft),
        form_data(
            draft,
            events=[event.pk],
            participants=[person.pk],
            resolutions=[doc.pk],
            tag_names="nghi quyet 57, Khoa học công nghệ",
        ),
    )
    assert response.status_code == 302
    content = Article.objects.get(pk=draft.pk).latest_revision.content
    assert (content["events"], content["participants"], content["resolutions"]) == (
        [event.pk],
        [person.pk],
        [doc.pk],
    )
    assert sorted(Tag.objects.values_list("name", flat=True)) == [
        "Khoa học công nghệ",
        "Nghị quyết 57",
    ]
    html = text(client.get(edit_url(draft)))
    assert f'name="participants" value="{person.pk}" checked' in html
    assert (
        "Nghị quyết 57, Khoa học công nghệ" in html or "Khoa học công nghệ, Nghị quyết 57" in html
    )


def test_a_reviewer_outside_the_step_reads_the_article_without_the_form(as_user, staff, submitted):
    client = as_user(staff["approver"])
    html = text(client.get(edit_url(submitted)))
    assert 'id="article-form"' not in html
    assert "Bài đang chờ duyệt ở bước mà bạn không phụ trách." in html
    assert "Toàn tỉnh có 252 điểm cầu." in html
    # A save posted anyway is refused and changes nothing.
    response = client.post(edit_url(submitted), form_data(submitted, title="Sửa lén"))
    assert response.status_code == 403
    assert Article.objects.get(pk=submitted.pk).latest_revision.number == 1


# Preview and share links ---------------------------------------------------------------


def test_the_preview_renders_the_revision_on_the_public_template(as_user, staff, draft):
    client = as_user(staff["author"])
    response = client.get(
        reverse("workspace:article-preview", kwargs={"pk": draft.pk, "number": 1})
    )
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex"
    assert "public/article.html" in [t.name for t in response.templates]
    html = text(response)
    assert 'class="draft-banner"' in html and "BẢN NHÁP" in html
    assert "Phiên bản 1 (mới nhất)" in html and "Nháp" in html
    assert "Toàn tỉnh có 252 điểm cầu." in html
    assert 'class="article__title">Hội nghị quán triệt Nghị quyết 57' in html
    # Not a public page: readers get 404.
    client.logout()
    assert client.get(reverse("public:article", kwargs={"slug": draft.slug})).status_code == 404


def test_the_preview_of_a_live_article_shows_the_new_revision(as_user, staff, submitted):
    services.approve(staff["editor"], submitted)
    services.approve(staff["approver"], submitted)
    services.save_working_copy(
        staff["author"],
        submitted,
        {"title": "Tiêu đề mới chưa duyệt"},
        base_revision_id=submitted.latest_revision_id,
    )
    client = as_user(staff["author"])
    html = text(
        client.get(reverse("workspace:article-preview", kwargs={"pk": submitted.pk, "number": 2}))
    )
    assert "Tiêu đề mới chưa duyệt" in html
    client.logout()
    public = text(client.get(submitted.get_absolute_url()))
    assert "Tiêu đề mới chưa duyệt" not in public


@pytest.fixture
def share_link(as_user, staff, draft, client):
    as_user(staff["author"])
    response = client.post(
        reverse("workspace:share-create", kwargs={"pk": draft.pk}),
        {"expires_in": "24h", "note": "đồng chí Trưởng ban"},
    )
    assert response.status_code == 302
    link = ShareLink.objects.get()
    match = re.search(
        r'value="(http://testserver/xem-truoc/[^"]+)"', text(client.get(edit_url(draft)))
    )
    client.logout()
    return link, match.group(1).removeprefix("http://testserver")


def test_a_share_link_opens_without_an_account_and_is_logged(client, staff, draft, share_link):
    link, url = share_link
    assert (link.expires_at - timezone.now()) > timedelta(hours=23)
    response = client.get(
        url, HTTP_USER_AGENT="Mozilla/5.0 (Thử nghiệm)", REMOTE_ADDR="203.0.113.9"
    )
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex"
    html = text(response)
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert re.search(r'<body class="[^"]*watermarked', html)
    assert "BẢN NHÁP" in html and "Toàn tỉnh có 252 điểm cầu." in html
    client.get(url, REMOTE_ADDR="198.51.100.4")
    openings = list(ShareLinkOpening.objects.order_by("opened_at", "id"))
    assert [o.ip_address for o in openings] == ["203.0.113.9", "198.51.100.4"]
    assert openings[0].user_agent == "Mozilla/5.0 (Thử nghiệm)"
    # The openings are listed on the article's page.
    client.force_login(staff["author"])
    page = text(client.get(edit_url(draft)))
    assert "2 lượt mở" in page and "203.0.113.9" in page and "gửi cho đồng chí Trưởng ban" in page


def test_expired_revoked_and_tampered_share_links_show_nothing(client, staff, draft, share_link):
    link, url = share_link
    token = url.split("/")[2]
    tampered = client.get(f"/xem-truoc/{token[:-2]}xx/")
    assert tampered.status_code == 404
    assert "Không tìm thấy liên kết xem trước" in text(tampered)
    assert "Hội nghị" not in text(tampered)
    forged = signing.dumps({"link": link.pk}, salt="another-salt")
    assert client.get(f"/xem-truoc/{forged}/").status_code == 404
    missing = signing.dumps({"link": link.pk + 100}, salt="workflow.share")
    assert client.get(f"/xem-truoc/{missing}/").status_code == 404

    ShareLink.objects.filter(pk=link.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    expired = client.get(url)
    assert expired.status_code == 410
    assert "đã hết hiệu lực" in text(expired) and "Hội nghị quán triệt" not in text(expired)
    assert expired["Cache-Control"] == "private, no-store"

    ShareLink.objects.filter(pk=link.pk).update(expires_at=timezone.now() + timedelta(hours=1))
    assert client.get(url).status_code == 200
    client.force_login(staff["author"])
    client.post(reverse("workspace:share-revoke", kwargs={"pk": draft.pk, "link_id": link.pk}))
    client.logout()
    revoked = client.get(url)
    assert revoked.status_code == 410 and "Hội nghị quán triệt" not in text(revoked)
    assert ShareLinkOpening.objects.count() == 1


def test_only_the_author_and_reviewers_create_share_links(as_user, staff, draft):
    client = as_user(staff["author2"])
    response = client.post(
        reverse("workspace:share-create", kwargs={"pk": draft.pk}), {"expires_in": "1h"}
    )
    assert response.status_code == 403
    assert "Bạn không có quyền tạo liên kết xem trước cho bài này." in text(response)
    assert not ShareLink.objects.exists()


# History ------------------------------------------------------------------------------


def test_history_lists_revisions_and_transitions_and_compares_two(as_user, staff, draft):
    services.save_working_copy(
        staff["author"],
        draft,
        {
            "title": "Hội nghị quán triệt Nghị quyết 57-NQ/TW",
            "body": "<p>Toàn tỉnh có 252 điểm cầu.</p><p>Đoạn mới.</p>",
        },
        base_revision_id=draft.latest_revision_id,
    )
    services.submit(staff["author"], draft, comment="Nhờ anh xem giúp.")
    client = as_user(staff["editor"])
    html = text(client.get(reverse("workspace:article-history", kwargs={"pk": draft.pk})))
    assert "Phiên bản 2" in html and "Mới nhất" in html and "Phiên bản 1" in html
    assert "Gửi duyệt" in html and "Nháp → Chờ duyệt" in html and "Biên tập" in html
    assert "Nhờ anh xem giúp." in html
    assert "Nguyễn Thu Trang" in html

    response = client.get(
        reverse("workspace:article-compare", kwargs={"pk": draft.pk}), {"a": 1, "b": 2}
    )
    html = text(response)
    assert response.status_code == 200
    assert "So sánh phiên bản 1 và 2" in html
    # Changed fields first, side by side; unchanged ones folded away.
    assert html.index("muc-title") < html.index("muc-body") < html.index('class="unchanged"')
    assert "<ins>57-NQ/TW</ins>" in html
    assert 'class="diff-added"' in html and "Đoạn mới." in html
    assert "mục không đổi: " in html and "Sapo" in html.split('class="unchanged"')[1]
    unified = text(
        client.get(
            reverse("workspace:article-compare", kwargs={"pk": draft.pk}),
            {"a": 1, "b": 2, "xem": "gop"},
        )
    )
    assert "diff-body--unified" in unified


def test_an_old_revision_is_restored_as_a_new_one(as_user, staff, draft):
    services.save_working_copy(
        staff["author"],
        draft,
        {"title": "Tiêu đề thứ hai"},
        base_revision_id=draft.latest_revision_id,
    )
    client = as_user(staff["author"])
    url = reverse("workspace:article-restore", kwargs={"pk": draft.pk, "number": 1})
    data = {"expected_revision": Article.objects.get(pk=draft.pk).latest_revision_id}
    response = client.post(url, data, follow=True)
    assert "Đã khôi phục nội dung phiên bản 1 thành phiên bản mới 3." in messages_of(response)
    draft.refresh_from_db()
    assert draft.latest_revision.number == 3
    assert draft.latest_revision.content["title"] == "Hội nghị quán triệt Nghị quyết 57"
    assert draft.latest_revision.restored_from.number == 1
    # The same click again (a double click) restores nothing more.
    response = client.post(url, data, follow=True)
    assert any("vừa được lưu thêm phiên bản mới" in m for m in messages_of(response))
    assert draft.revisions.count() == 3
    # Someone who may not edit the article may not restore it.
    response = as_user(staff["author2"]).post(url, {"expected_revision": draft.latest_revision_id})
    assert response.status_code == 403
    assert draft.revisions.count() == 3


# Comments, corrections, notifications --------------------------------------------------


def test_comments_and_corrections(as_user, staff, submitted):
    client = as_user(staff["editor"])
    client.post(
        reverse("workspace:article-comment", kwargs={"pk": submitted.pk}),
        {"body": "Kiểm tra lại số liệu."},
    )
    assert Comment.objects.get().body == "Kiểm tra lại số liệu."
    assert Notification.objects.filter(recipient=staff["author"], kind="commented").exists()
    html = text(as_user(staff["author"]).get(edit_url(submitted)))
    assert "Kiểm tra lại số liệu." in html and "Trần Quốc Bảo" in html
    # Corrections: only on a public article, by someone who may publish.
    services.approve(staff["editor"], submitted)
    services.approve(staff["approver"], submitted)
    client = as_user(staff["approver"])
    response = client.post(
        reverse("workspace:article-correction", kwargs={"pk": submitted.pk}),
        {"text": "Số đảng viên tham dự là 44.881."},
        follow=True,
    )
    assert "Đã đăng đính chính." in messages_of(response)
    assert "Số đảng viên tham dự là 44.881." in text(client.get(submitted.get_absolute_url()))
    response = as_user(staff["author"]).post(
        reverse("workspace:article-correction", kwargs={"pk": submitted.pk}),
        {"text": "Không được."},
        follow=True,
    )
    assert "Bạn không có quyền đăng đính chính." in messages_of(response)
    assert submitted.corrections.count() == 1


def test_notifications_are_listed_counted_and_marked_read(as_user, staff, draft):
    services.submit(staff["author"], draft)
    client = as_user(staff["editor"])
    html = text(client.get(reverse("workspace:notifications")))
    assert "Có bài chờ duyệt ở bước “Biên tập”" in html
    assert '<span class="ws-count">1<span class="visually-hidden"> chưa đọc</span>' in html
    note = Notification.objects.get(recipient=staff["editor"])
    response = client.post(reverse("workspace:notifications-read"), {"id": note.pk}, follow=True)
    assert "Đã đánh dấu 1 thông báo là đã đọc." in messages_of(response)
    note.refresh_from_db()
    assert note.read_at is not None
    assert 'class="ws-count"' not in text(client.get(reverse("workspace:dashboard")))
    # Someone else's notifications are not theirs to mark.
    other = Notification.objects.create(
        recipient=staff["approver"], article=draft, kind="submitted", message="x"
    )
    client.post(reverse("workspace:notifications-read"), {"id": other.pk})
    other.refresh_from_db()
    assert other.read_at is None


# The dashboard and the list --------------------------------------------------------------


def test_the_dashboard_shows_what_waits_for_each_person(as_user, staff, content):
    articles = _states(staff, content)
    editor_page = text(as_user(staff["editor"]).get(reverse("workspace:dashboard")))
    awaiting = editor_page.split('id="cho-duyet"')[1].split("</section>")[0]
    assert "Chờ bước 1" in awaiting and "Chờ bước 2" not in awaiting
    approver_page = text(as_user(staff["approver"]).get(reverse("workspace:dashboard")))
    awaiting = approver_page.split('id="cho-duyet"')[1].split("</section>")[0]
    assert "Chờ bước 2" in awaiting and "Chờ bước 1" not in awaiting
    author_page = text(as_user(staff["author"]).get(reverse("workspace:dashboard")))
    assert 'id="cho-duyet"' not in author_page
    assert "Sửa sapo." in author_page.split('id="tra-lai"')[1]
    scheduled = author_page.split('id="hen-gio"')[1].split("</section>")[0]
    assert "Hẹn giờ" in scheduled and articles["scheduled"].title in scheduled
    recent = author_page.split('id="moi-dang"')[1].split("</section>")[0]
    assert "Công khai" in recent and "Đã gỡ" not in recent


def test_a_reviewer_is_not_asked_to_review_their_own_article(as_user, staff, content):
    own = services.create_article(staff["editor"], content("Bài của biên tập viên"))
    services.submit(staff["editor"], own)
    html = text(as_user(staff["editor"]).get(reverse("workspace:dashboard")))
    assert "Bài của biên tập viên" not in html.split('id="nhap"')[0]


def _many(staff, content, count, prefix):
    author, editor, approver = staff["author"], staff["editor"], staff["approver"]
    for i in range(count):
        article = services.create_article(author, content(f"{prefix} {i}"))
        if i % 3 == 0:
            services.submit(author, article)
        elif i % 3 == 1:
            services.submit(author, article)
            services.return_to_author(editor, article, comment=f"Ý kiến {i}")
        else:
            services.submit(author, article)
            services.approve(editor, article)
            services.approve(
                approver, article, publish_at=timezone.now() + timedelta(days=1) if i % 2 else None
            )
        services.add_comment(editor, article, "Ghi chú")


DASHBOARD_BUDGET = 15
LIST_BUDGET = 12


@pytest.mark.parametrize("role", ["author", "editor", "approver"])
def test_the_dashboard_costs_the_same_for_5_or_35_articles(
    as_user, staff, content, role, django_assert_max_num_queries
):
    _many(staff, content, 5, "Bài")
    client = as_user(staff[role])
    url = reverse("workspace:dashboard")
    client.get(url)  # the session, once
    with CaptureQueriesContext(connection) as few, django_assert_max_num_queries(DASHBOARD_BUDGET):
        assert client.get(url).status_code == 200
    _many(staff, content, 30, "Thêm")
    # More groups must not cost more either.
    for i in range(5):
        staff[role].groups.add(Group.objects.create(name=f"Nhóm {i}"))
    with CaptureQueriesContext(connection) as many, django_assert_max_num_queries(DASHBOARD_BUDGET):
        assert client.get(url).status_code == 200
    assert len(many) == len(few)


def test_the_article_list_costs_the_same_for_5_or_35_articles(
    as_user, staff, content, django_assert_max_num_queries
):
    _many(staff, content, 5, "Bài")
    client = as_user(staff["editor"])
    url = reverse("workspace:article-list")
    client.get(url)
    with CaptureQueriesContext(connection) as few, django_assert_max_num_queries(LIST_BUDGET):
        assert client.get(url).status_code == 200
    _many(staff, content, 30, "Thêm")
    with CaptureQueriesContext(connection) as many, django_assert_max_num_queries(LIST_BUDGET):
        response = client.get(url)
    assert len(many) == len(few)
    assert len(response.context["page_obj"].object_list) == 25


def test_the_list_filters_by_state_section_author_department_and_date(
    as_user, staff, content, category
):
    articles = _states(staff, content)
    other = services.create_article(staff["author2"], content("Bài của cộng tác viên"))
    client = as_user(staff["editor"])
    url = reverse("workspace:article-list")

    def titles(**params):
        response = client.get(url, params)
        assert response.status_code == 200
        return {a.title for a in response.context["page_obj"].object_list}

    assert titles(state="draft") == {"Nháp", "Bài của cộng tác viên"}
    assert titles(state="submitted") == {"Chờ bước 1", "Chờ bước 2"}
    assert titles(state="review_mine") == {"Chờ bước 1"}
    assert titles(state="returned") == {"Trả lại"}
    assert titles(state="scheduled") == {"Hẹn giờ"}
    assert titles(state="public") == {"Công khai"}
    assert titles(state="withdrawn") == {"Đã gỡ"}
    services.save_working_copy(
        staff["author"],
        articles["public"],
        {"sapo": "Sửa sau khi đăng."},
        base_revision_id=articles["public"].latest_revision_id,
    )
    assert titles(state="changes") == {"Công khai"}
    assert titles(author=staff["author2"].pk) == {"Bài của cộng tác viên"}
    assert titles(department="Phòng Lý luận") == {"Bài của cộng tác viên"}
    assert titles(category=category.pk) >= {"Nháp", "Công khai"}
    today = timezone.localdate().strftime("%d/%m/%Y")
    assert "Nháp" in titles(date_from=today, date_to=today)
    assert titles(date_from="01/01/2020", date_to="02/01/2020") == set()
    Article.objects.filter(pk=other.pk).update(updated_at=timezone.now() - timedelta(days=40))
    assert "Bài của cộng tác viên" not in titles(date_from=today)
    html = text(client.get(url, {"state": "submitted"}))
    assert "Chờ duyệt – bước 2/2: Lãnh đạo Ban phê duyệt" in html


def test_the_list_search_needs_no_diacritics_and_finds_while_typing(as_user, staff, content):
    services.create_article(staff["author"], content("Đảng bộ tỉnh học tập Nghị quyết"))
    services.create_article(
        staff["author"], content("Tin thể thao", sapo="Bóng đá", body="<p>Trận đấu.</p>")
    )
    client = as_user(staff["editor"])
    response = client.get(reverse("workspace:article-list"), {"q": "dang bo nghi quy"})
    assert [a.title for a in response.context["page_obj"].object_list] == [
        "Đảng bộ tỉnh học tập Nghị quyết"
    ]


# Pickers ------------------------------------------------------------------------------


def test_pickers_search_without_diacritics_and_create_missing_records(as_user, staff):
    Participant.objects.create(full_name="Tô Lâm", positions="Tổng Bí thư")
    Participant.objects.create(full_name="Trần Thanh Mẫn", positions="Chủ tịch Quốc hội")
    Resolution.objects.create(number="57-NQ/TW", subject="về đột phá")
    Tag.objects.create(name="Chuyển đổi số")
    client = as_user(staff["author"])
    found = client.get(reverse("workspace:api-participants"), {"q": "tran th"}).json()["results"]
    assert [r["label"] for r in found] == ["Trần Thanh Mẫn"]
    assert found[0]["detail"] == "Chủ tịch Quốc hội"
    found = client.get(reverse("workspace:api-resolutions"), {"q": "57-NQ/TW"}).json()["results"]
    assert [r["label"] for r in found] == ["Nghị quyết 57-NQ/TW"]
    assert (
        client.get(reverse("workspace:api-tags"), {"q": "chuyen doi"}).json()["results"][0]["label"]
        == "Chuyển đổi số"
    )

    response = client.post(
        reverse("workspace:api-events-create"),
        {"title": "Hội nghị toàn quốc", "kind": "hoi_nghi", "starts_at": "13/01/2025 08:00"},
    )
    assert response.status_code == 201
    event = Event.objects.get()
    assert response.json()["admin_url"] == reverse("admin:articles_event_change", args=[event.pk])
    assert timezone.localtime(event.starts_at).strftime("%d/%m/%Y %H:%M") == "13/01/2025 08:00"
    response = client.post(
        reverse("workspace:api-resolutions-create"),
        {"doc_type": "nghi_quyet", "number": "57-nq/tw"},
    )
    assert response.status_code == 400
    assert response.json()["error"]
    response = client.post(
        reverse("workspace:api-participants-create"),
        {"full_name": "Đinh Thị Lụa", "positions": "Phó Bí thư Thường trực Tỉnh ủy"},
    )
    assert response.status_code == 201 and response.json()["label"] == "Đinh Thị Lụa"
    # Someone who may read but not add people cannot create one.
    reader = User.objects.create_user("docgia", password=PASSWORD)
    reader.user_permissions.add(Permission.objects.get(codename="view_article"))
    response = as_user(reader).post(
        reverse("workspace:api-participants-create"), {"full_name": "X"}
    )
    assert (
        response.status_code == 403
        and "Bạn không có quyền tạo nhân vật." in response.json()["error"]
    )
