"""The dashboard, the article list and the notifications, as the issue asks for them:
counts at a glance that lead to the same articles, the comment of the last return, no
article from the trash, and filters that never end in an error page."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from accounts.roles import APPROVER, AUTHOR, EDITOR
from workflow import services
from workflow.models import Notification
from workspace.queries import DASHBOARD_ROWS


def _user(username: str, role, **extra) -> User:
    user = User.objects.create_user(
        username, password="mat-khau-dai-123", full_name=extra.pop("full_name", username), **extra
    )
    user.groups.add(Group.objects.get(name=role.name))
    return user


@pytest.fixture
def people(db):
    return {
        "author": _user("phongvien", AUTHOR, full_name="Nguyễn Thu Trang"),
        "editor": _user("bientap", EDITOR, full_name="Trần Quốc Bảo"),
        "editor2": _user("bientap2", EDITOR, full_name="Hoàng Minh Tâm"),
        "approver": _user("lanhdao", APPROVER, full_name="Lê Thị Minh Phương"),
    }


@pytest.fixture
def write(category):
    def make(user, title, **fields):
        return services.create_article(
            user, {"title": title, "category": category.pk, "body": "<p>Nội dung.</p>", **fields}
        )

    return make


def _newsroom(people, write) -> dict:
    """Several articles in every box of the author's and the editor's dashboards."""
    author, editor, approver = people["author"], people["editor"], people["approver"]
    made = {"drafts": [write(author, f"Nháp số {i}") for i in range(3)]}
    made["returned"] = []
    for i in range(2):
        article = write(author, f"Bị trả lại số {i}")
        services.submit(author, article)
        services.return_to_author(editor, article, comment=f"Ý kiến trả lại số {i}.")
        made["returned"].append(article)
    made["waiting"] = []
    for i in range(4):
        article = write(author, f"Chờ duyệt số {i}")
        services.submit(author, article)
        made["waiting"].append(article)
    made["scheduled"] = []
    for i in range(2):
        article = write(author, f"Hẹn giờ số {i}")
        services.submit(author, article)
        services.approve(editor, article)
        services.approve(approver, article, publish_at=timezone.now() + timedelta(days=i + 1))
        made["scheduled"].append(article)
    made["public"] = write(author, "Đã xuất bản")
    services.submit(author, made["public"])
    services.approve(editor, made["public"])
    services.approve(approver, made["public"])
    return made


def _stats(html: str) -> dict[str, tuple[int, str]]:
    """The counts at the top of the dashboard: label -> (number, link)."""
    found = re.findall(
        r'<(?:a|span) class="stat[^"]*"(?: href="([^"]+)")?><span class="stat__n">(\d+)</span> '
        r'<span class="stat__label">([^<]+)</span>',
        html,
    )
    return {label: (int(n), href.replace("&amp;", "&")) for href, n, label in found}


def _box(html: str, heading_id: str) -> str:
    assert f'id="{heading_id}"' in html, heading_id
    return html.split(f'id="{heading_id}"')[1].split("</section>")[0]


def _listed(client, href: str) -> int:
    response = client.get(href)
    assert response.status_code == 200
    return response.context["page_obj"].paginator.count


@pytest.mark.parametrize("who", ["author", "editor", "approver"])
def test_each_count_at_a_glance_leads_to_exactly_that_many_articles(client, people, write, who):
    _newsroom(people, write)
    client.force_login(people[who])
    html = client.get(reverse("workspace:dashboard")).content.decode()
    stats = _stats(html)
    assert set(stats) == {
        "chờ bạn duyệt",
        "bị trả lại cho bạn",
        "bản nháp của bạn",
        "bài hẹn giờ",
        "thông báo chưa đọc",
    }
    expected = {
        "author": {"chờ bạn duyệt": 0, "bị trả lại cho bạn": 2, "bản nháp của bạn": 3},
        "editor": {"chờ bạn duyệt": 4, "bị trả lại cho bạn": 0, "bản nháp của bạn": 0},
        "approver": {"chờ bạn duyệt": 0, "bị trả lại cho bạn": 0, "bản nháp của bạn": 0},
    }[who]
    for label, number in expected.items():
        assert stats[label][0] == number, label
    assert stats["bài hẹn giờ"][0] == 2
    for label, (number, href) in stats.items():
        if label == "thông báo chưa đọc":
            unread = Notification.objects.filter(recipient=people[who], read_at__isnull=True)
            assert number == unread.count()
            continue
        if number:
            assert _listed(client, href) == number, f"{label}: {href}"
        else:
            # Nothing to open: a zero is not a link to an empty (or unfiltered) list.
            assert href == "", label


def test_the_author_reads_the_last_return_comment_and_who_made_it(client, people, write):
    author, editor, editor2 = people["author"], people["editor"], people["editor2"]
    article = write(author, "Bài trả lại hai lần")
    services.submit(author, article)
    services.return_to_author(editor, article, comment="Lần đầu: thiếu nguồn ảnh.")
    services.submit(author, article)
    services.return_to_author(editor2, article, comment="Lần hai: <b>sửa</b> tít.\nThêm sapo.")
    client.force_login(author)
    returned = _box(client.get(reverse("workspace:dashboard")).content.decode(), "tra-lai")
    assert "Bài trả lại hai lần" in returned
    assert "Lần hai: &lt;b&gt;sửa&lt;/b&gt; tít.<br>Thêm sapo." in returned
    assert "Hoàng Minh Tâm" in returned
    assert "Lần đầu" not in returned


def test_boxes_show_a_few_rows_and_link_to_all_of_them(client, people, write):
    author = people["author"]
    for i in range(DASHBOARD_ROWS + 3):
        write(author, f"Bản nháp thứ {i}")
    client.force_login(author)
    drafts = _box(client.get(reverse("workspace:dashboard")).content.decode(), "nhap")
    assert drafts.count('class="row"') == DASHBOARD_ROWS
    assert f"Xem cả {DASHBOARD_ROWS + 3} bản nháp" in drafts
    more = re.search(r'<a href="([^"]+)">Xem cả', drafts).group(1).replace("&amp;", "&")
    assert _listed(client, more) == DASHBOARD_ROWS + 3


def test_the_scheduled_and_recent_boxes_order_by_publication(client, people, write):
    made = _newsroom(people, write)
    client.force_login(people["editor"])
    html = client.get(reverse("workspace:dashboard")).content.decode()
    scheduled = _box(html, "hen-gio")
    # The next to go out first.
    assert scheduled.index("Hẹn giờ số 0") < scheduled.index("Hẹn giờ số 1")
    assert "Đã xuất bản" not in scheduled
    recent = _box(html, "moi-dang")
    assert made["public"].title in recent and "Hẹn giờ số" not in recent


def test_nothing_from_the_trash_on_the_dashboard_or_in_its_counts(client, people, write):
    author = people["author"]
    kept, trashed = write(author, "Nháp giữ lại"), write(author, "Nháp đã bỏ")
    services.trash(author, trashed)
    client.force_login(author)
    html = client.get(reverse("workspace:dashboard")).content.decode()
    assert _stats(html)["bản nháp của bạn"][0] == 1
    assert kept.title in _box(html, "nhap") and trashed.title not in html


def test_the_editor_is_told_what_waits_and_the_notifications_page_lists_it(client, people, write):
    author, editor = people["author"], people["editor"]
    article = write(author, "Tin gửi biên tập")
    services.submit(author, article)
    client.force_login(editor)
    html = client.get(reverse("workspace:dashboard")).content.decode()
    assert "Tin gửi biên tập" in _box(html, "cho-duyet")
    assert "Tin gửi biên tập" in _box(html, "thong-bao")
    notes = client.get(reverse("workspace:notifications")).content.decode()
    assert "1 thông báo chưa đọc." in notes and "Tin gửi biên tập" in notes
    # Opening the article reads its notifications.
    client.get(reverse("workspace:article-edit", kwargs={"pk": article.pk}))
    notes = client.get(reverse("workspace:notifications")).content.decode()
    assert "Bạn đã đọc hết thông báo." in notes
    assert (
        _stats(client.get(reverse("workspace:dashboard")).content.decode())["thông báo chưa đọc"][0]
        == 0
    )


@pytest.mark.parametrize(
    "params",
    [
        {"date_from": "32/13/2025"},
        {"date_from": "01/02/2025", "date_to": "01/01/2025"},
        {"author": "999999"},
        {"category": "abc"},
        {"state": "không-có"},
        {"q": "x" * 500},
        {"page": "-1"},
    ],
)
def test_a_bad_filter_says_so_in_vietnamese_and_still_lists(client, people, write, params):
    write(people["author"], "Bài vẫn được liệt kê")
    client.force_login(people["editor"])
    response = client.get(reverse("workspace:article-list"), params)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bài vẫn được liệt kê" in html
    if "page" not in params:
        assert "Bộ lọc có chỗ chưa đúng" in html


def test_filters_and_search_combine(client, people, write, category):
    author, editor = people["author"], people["editor"]
    write(author, "Đại hội Đảng bộ tỉnh")
    other = write(editor, "Đại hội Đoàn thanh niên")
    services.submit(editor, other)
    write(author, "Tin thể thao")
    client.force_login(editor)
    url = reverse("workspace:article-list")

    def titles(**params):
        return {a.title for a in client.get(url, params).context["page_obj"].object_list}

    assert titles(q="dai hoi") == {"Đại hội Đảng bộ tỉnh", "Đại hội Đoàn thanh niên"}
    assert titles(q="dai hoi", state="draft") == {"Đại hội Đảng bộ tỉnh"}
    assert titles(q="dai hoi", author=editor.pk) == {"Đại hội Đoàn thanh niên"}
    assert titles(q="dai hoi", category=category.pk, state="submitted") == {
        "Đại hội Đoàn thanh niên"
    }
    # The filters stay filled in, and the pages keep them.
    html = client.get(url, {"q": "dai hoi", "state": "draft"}).content.decode()
    assert 'value="dai hoi"' in html
    assert re.search(r'<option value="draft" selected>', html)


def test_filtering_by_someone_who_has_written_nothing_lists_nothing(client, people, write):
    write(people["author"], "Bài của phóng viên")
    client.force_login(people["editor"])
    response = client.get(reverse("workspace:article-list"), {"author": people["editor"].pk})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bộ lọc có chỗ chưa đúng" not in html
    assert "Bài của phóng viên" not in html
