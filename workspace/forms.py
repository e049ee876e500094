"""The workspace's forms. The article form is not bound to the Article row: it reads a
revision's content and gives back content for workflow.services to save."""

from __future__ import annotations

import re
from datetime import timedelta
from html.parser import HTMLParser

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_ckeditor_5.widgets import CKEditor5Widget

from articles.models import Article, Category, Event, Participant, Resolution, Tag
from core.text import nfc, vi_slugify
from images.models import Image
from images.processing import ImageRejected
from images.services import store_image
from workflow.rules import LABELS, TRANSITIONS
from workflow.services import ExpectedState

from . import queries

DATETIME_HELP = gettext_lazy("Ngày/tháng/năm giờ:phút, giờ Việt Nam, ví dụ 05/03/2030 08:00.")
DATE_PLACEHOLDER = "dd/mm/yyyy"
DATETIME_PLACEHOLDER = "dd/mm/yyyy hh:mm"
PICKER_MODELS = {"events": Event, "participants": Participant, "resolutions": Resolution}


class DateInput(forms.DateInput):
    """dd/mm/yyyy typed as text: the browser's date picker would show the user's OS
    format, which on many office machines is month first."""

    def __init__(self, attrs=None):
        base = {"placeholder": DATE_PLACEHOLDER, "inputmode": "numeric", "autocomplete": "off"}
        super().__init__(attrs={**base, **(attrs or {})}, format="%d/%m/%Y")


class DateTimeInput(forms.DateTimeInput):
    def __init__(self, attrs=None):
        base = {"placeholder": DATETIME_PLACEHOLDER, "autocomplete": "off"}
        super().__init__(attrs={**base, **(attrs or {})}, format="%d/%m/%Y %H:%M")


class _ImagesWithoutAlt(HTMLParser):
    def __init__(self):
        super().__init__()
        self.missing = 0

    def handle_starttag(self, tag, attrs):
        if tag == "img" and not (dict(attrs).get("alt") or "").strip():
            self.missing += 1

    handle_startendtag = handle_starttag


def images_without_alt(html: str) -> int:
    parser = _ImagesWithoutAlt()
    parser.feed(html or "")
    parser.close()
    return parser.missing


def split_tag_names(text: str) -> list[str]:
    """ "Nghị quyết 57, chuyển đổi số" -> the names, once each (compared without diacritics)."""
    names, seen = [], set()
    for raw in re.split(r"[,;\n]", nfc(text or "")):
        name = " ".join(raw.split())
        key = vi_slugify(name)
        if name and key not in seen:
            seen.add(key)
            names.append(name)
    return names


def category_choices() -> list[tuple]:
    """Sections with their subsections under them, in the site's order."""
    sections = list(Category.objects.select_related("parent"))
    roots = [c for c in sections if c.parent_id is None]
    choices = [("", _("— Chọn chuyên mục —"))]
    for root in roots:
        choices.append((root.pk, root.name))
        choices += [(c.pk, f"{root.name} › {c.name}") for c in sections if c.parent_id == root.pk]
    return choices


class ArticleForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Tiêu đề"), max_length=300)
    slug = forms.SlugField(
        label=gettext_lazy("Đường dẫn"),
        max_length=200,
        required=False,
        help_text=gettext_lazy(
            "Không bắt buộc. Để trống thì giữ đường dẫn hiện có (bài mới: tạo từ tiêu đề)."
        ),
    )
    sapo = forms.CharField(
        label=gettext_lazy("Sapo"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Đoạn dẫn in đậm dưới tiêu đề."),
    )
    body = forms.CharField(
        label=gettext_lazy("Nội dung"),
        required=False,
        widget=CKEditor5Widget(config_name="default"),
        help_text=gettext_lazy(
            "Mỗi ảnh trong bài cần có mô tả: chọn ảnh, bấm “Đổi chữ alt của ảnh” "
            "trên thanh công cụ ảnh."
        ),
    )
    featured_image = forms.ModelChoiceField(
        Image.objects.all(), required=False, widget=forms.HiddenInput
    )
    remove_featured_image = forms.BooleanField(
        label=gettext_lazy("Bỏ ảnh đại diện"), required=False
    )
    featured_upload = forms.FileField(
        label=gettext_lazy("Chọn ảnh đại diện"),
        required=False,
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}),
        help_text=gettext_lazy("JPEG, PNG, WebP hoặc GIF."),
    )
    featured_alt = forms.CharField(
        label=gettext_lazy("Mô tả ảnh (alt)"),
        max_length=300,
        required=False,
        help_text=gettext_lazy(
            "Bắt buộc khi có ảnh: tả ngắn những gì trong ảnh cho người khiếm thị, ví dụ "
            "“Đại biểu dự hội nghị tại điểm cầu tỉnh”."
        ),
    )
    featured_image_caption = forms.CharField(
        label=gettext_lazy("Chú thích ảnh"), max_length=500, required=False
    )
    featured_image_credit = forms.CharField(
        label=gettext_lazy("Nguồn ảnh"), max_length=200, required=False
    )
    category = forms.ModelChoiceField(
        Category.objects.all(),
        label=gettext_lazy("Chuyên mục"),
        error_messages={"required": gettext_lazy("Hãy chọn chuyên mục.")},
    )
    tag_names = forms.CharField(
        label=gettext_lazy("Thẻ"),
        required=False,
        max_length=2000,
        help_text=gettext_lazy("Cách nhau bằng dấu phẩy. Thẻ chưa có sẽ được tạo mới."),
    )
    events = forms.ModelMultipleChoiceField(
        Event.objects.all(),
        label=gettext_lazy("Sự kiện"),
        required=False,
        widget=forms.MultipleHiddenInput,
    )
    participants = forms.ModelMultipleChoiceField(
        Participant.objects.all(),
        label=gettext_lazy("Nhân vật"),
        required=False,
        widget=forms.MultipleHiddenInput,
    )
    resolutions = forms.ModelMultipleChoiceField(
        Resolution.objects.all(),
        label=gettext_lazy("Văn bản"),
        required=False,
        widget=forms.MultipleHiddenInput,
    )
    byline = forms.CharField(
        label=gettext_lazy("Tác giả (hiển thị)"),
        max_length=300,
        required=False,
        help_text=gettext_lazy("Ví dụ: Phòng Lý luận chính trị - Lịch sử, Ban Tuyên giáo Tỉnh ủy"),
    )
    is_featured = forms.BooleanField(
        label=gettext_lazy("Tin nổi bật (làm tin chính trên trang chủ)"), required=False
    )
    base_revision_id = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.stored_image: Image | None = None
        self.fields["category"].choices = category_choices()

    # Content in and out --------------------------------------------------------------

    @staticmethod
    def initial_from(content: dict) -> dict:
        image = Image.objects.filter(pk=content.get("featured_image")).first()
        tags = Tag.objects.filter(pk__in=content.get("tags") or []).order_by("name")
        return {
            "title": content.get("title", ""),
            "slug": content.get("slug", ""),
            "sapo": content.get("sapo", ""),
            "body": content.get("body", ""),
            "featured_image": image.pk if image else None,
            "featured_alt": image.alt_text if image else "",
            "featured_image_caption": content.get("featured_image_caption", ""),
            "featured_image_credit": content.get("featured_image_credit", ""),
            "category": content.get("category"),
            "tag_names": ", ".join(tag.name for tag in tags),
            "events": content.get("events") or [],
            "participants": content.get("participants") or [],
            "resolutions": content.get("resolutions") or [],
            "byline": content.get("byline", ""),
            "is_featured": bool(content.get("is_featured")),
        }

    def content(self) -> dict:
        """Revision content from the cleaned form; creates the new tags it names."""
        data = self.cleaned_data
        content = {
            "title": data["title"],
            "sapo": data["sapo"],
            "body": data["body"],
            "featured_image": self.final_image_id(),
            "featured_image_caption": data["featured_image_caption"],
            "featured_image_credit": data["featured_image_credit"],
            "category": data["category"].pk,
            "tags": [tag.pk for tag in self._tags(data["tag_names"])],
            "events": [obj.pk for obj in data["events"]],
            "participants": [obj.pk for obj in data["participants"]],
            "resolutions": [obj.pk for obj in data["resolutions"]],
            "byline": data["byline"],
            "is_featured": data["is_featured"],
        }
        # A blank slug keeps the one the article has rather than saving an empty one.
        if data.get("slug"):
            content["slug"] = data["slug"]
        return content

    def _tags(self, names: list[str]) -> list[Tag]:
        existing = {tag.slug: tag for tag in Tag.objects.all()} if names else {}
        by_name = {vi_slugify(tag.name): tag for tag in existing.values()}
        tags = []
        for name in names:
            key = vi_slugify(name)
            tag = existing.get(key) or by_name.get(key)
            if tag is None:
                tag = Tag.objects.create(name=name)
                by_name[key] = tag
            tags.append(tag)
        return tags

    def final_image_id(self) -> int | None:
        if self.stored_image is not None:
            return self.stored_image.pk
        if self.cleaned_data.get("remove_featured_image"):
            return None
        image = self.cleaned_data.get("featured_image")
        return image.pk if image else None

    # Validation -------------------------------------------------------------------------

    def clean_body(self) -> str:
        body = self.cleaned_data["body"]
        missing = images_without_alt(body)
        if missing:
            raise forms.ValidationError(
                _(
                    "Có %(n)s ảnh trong nội dung chưa có mô tả (alt). Hãy chọn từng ảnh, bấm "
                    "“Đổi chữ alt của ảnh” trên thanh công cụ ảnh và nhập mô tả."
                )
                % {"n": missing},
                code="image_without_alt",
            )
        return body

    def clean_tag_names(self) -> list[str]:
        names = split_tag_names(self.cleaned_data["tag_names"])
        too_long = [name for name in names if len(name) > 100]
        if too_long:
            raise forms.ValidationError(
                _("Tên thẻ dài quá 100 ký tự: %(name)s") % {"name": too_long[0]}
            )
        if names and self.user is not None and not self.user.has_perm("articles.add_tag"):
            tags = list(Tag.objects.only("name", "slug"))
            known = {tag.slug for tag in tags} | {vi_slugify(tag.name) for tag in tags}
            new = [name for name in names if vi_slugify(name) not in known]
            if new:
                raise forms.ValidationError(
                    _("Bạn không có quyền tạo thẻ mới: %(names)s") % {"names": ", ".join(new)}
                )
        return names

    def clean(self):
        cleaned = super().clean()
        cleaned["featured_alt"] = (cleaned.get("featured_alt") or "").strip()
        upload = cleaned.get("featured_upload")
        has_image = cleaned.get("featured_image") and not cleaned.get("remove_featured_image")
        if (
            (upload or has_image)
            and not cleaned["featured_alt"]
            and "featured_alt" not in self.errors
        ):
            self.add_error(
                "featured_alt",
                _("Hãy nhập mô tả cho ảnh đại diện: người khiếm thị nghe mô tả này thay cho ảnh."),
            )
        return cleaned

    def store_upload(self, user) -> None:
        """Store the chosen featured image, whatever else is wrong with the form, so that
        fixing another field does not mean choosing the picture again."""
        upload = self.cleaned_data.get("featured_upload") if hasattr(self, "cleaned_data") else None
        if not upload or "featured_alt" in self.errors or "featured_upload" in self.errors:
            return
        try:
            self.stored_image = store_image(
                upload,
                alt_text=self.cleaned_data["featured_alt"],
                caption=self.cleaned_data.get("featured_image_caption", ""),
                credit=self.cleaned_data.get("featured_image_credit", ""),
                user=user,
            )
        except ImageRejected as exc:
            self.add_error("featured_upload", str(exc))
            return
        # Shown again (after another error) as the article's image, already uploaded.
        self.data = self.data.copy()
        self.data["featured_image"] = str(self.stored_image.pk)
        self.data.pop("remove_featured_image", None)

    def update_image_description(self) -> None:
        """A new description typed for the image already there describes that picture: it
        is the picture's, kept on the image rather than in the article's revisions."""
        image = self.cleaned_data.get("featured_image")
        alt = self.cleaned_data.get("featured_alt")
        if self.stored_image is None and image is not None and alt and image.alt_text != alt:
            Image.objects.filter(pk=image.pk).update(alt_text=nfc(alt))

    # For the template -------------------------------------------------------------------

    def current_image(self) -> Image | None:
        value = self["featured_image"].value()
        if self.is_bound and self.data.get("remove_featured_image"):
            return None
        try:
            return Image.objects.filter(pk=int(value)).first() if value else None
        except (TypeError, ValueError):
            return None

    def selected(self, name: str) -> list:
        """The records a picker shows as chosen, from what was posted or the revision."""
        raw = self[name].value() or []
        ids = []
        for value in raw:
            try:
                ids.append(int(value.pk if hasattr(value, "pk") else value))
            except (TypeError, ValueError):
                continue
        model = PICKER_MODELS[name]
        found = {obj.pk: obj for obj in model.objects.filter(pk__in=ids)}
        return [found[i] for i in ids if i in found]

    def selected_events(self) -> list:
        return self.selected("events")

    def selected_participants(self) -> list:
        return self.selected("participants")

    def selected_resolutions(self) -> list:
        return self.selected("resolutions")


class TransitionForm(forms.Form):
    """One transition, with the state the user saw when they clicked (ExpectedState)."""

    action = forms.ChoiceField(choices=[(a.value, LABELS[a]) for a in TRANSITIONS])
    expected_status = forms.ChoiceField(choices=Article.Status.choices)
    expected_step = forms.IntegerField(required=False)
    expected_revision = forms.IntegerField(required=False)
    comment = forms.CharField(required=False, max_length=5000)
    reason = forms.CharField(required=False, max_length=5000)
    publish_mode = forms.ChoiceField(
        choices=[("now", gettext_lazy("Xuất bản ngay")), ("schedule", gettext_lazy("Hẹn giờ"))],
        required=False,
    )
    publish_at = forms.DateTimeField(
        label=gettext_lazy("Thời gian xuất bản"),
        required=False,
        widget=DateTimeInput(),
        help_text=DATETIME_HELP,
        error_messages={"invalid": gettext_lazy("Thời gian phải có dạng dd/mm/yyyy hh:mm.")},
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("publish_mode") == "schedule":
            when = cleaned.get("publish_at")
            if when is None and "publish_at" not in self.errors:
                self.add_error("publish_at", _("Hãy nhập thời gian hẹn giờ (dd/mm/yyyy hh:mm)."))
            elif when is not None and when <= timezone.now():
                self.add_error("publish_at", _("Thời gian hẹn giờ phải ở tương lai."))
        return cleaned

    def expected(self) -> ExpectedState:
        data = self.cleaned_data
        return ExpectedState(
            data["expected_status"], data.get("expected_step"), data.get("expected_revision")
        )

    def publish_at_value(self):
        if self.cleaned_data.get("publish_mode") == "schedule":
            return self.cleaned_data.get("publish_at")
        return None


class RestoreForm(forms.Form):
    expected_revision = forms.IntegerField(required=False)


class CommentForm(forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Ý kiến"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class CorrectionForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Nội dung đính chính"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Hiện công khai ở đầu bài, kèm ngày giờ đăng đính chính."),
    )


SHARE_EXPIRY = {
    "1h": (timedelta(hours=1), gettext_lazy("1 giờ")),
    "24h": (timedelta(hours=24), gettext_lazy("24 giờ")),
    "7d": (timedelta(days=7), gettext_lazy("7 ngày")),
}


class ShareLinkForm(forms.Form):
    expires_in = forms.ChoiceField(
        label=gettext_lazy("Hết hạn sau"),
        choices=[(key, label) for key, (_delta, label) in SHARE_EXPIRY.items()],
        initial="24h",
    )
    note = forms.CharField(
        label=gettext_lazy("Gửi cho (không bắt buộc)"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("Ví dụ: đồng chí Trưởng ban, để biết ai đã mở liên kết."),
    )

    def lifetime(self) -> timedelta:
        return SHARE_EXPIRY[self.cleaned_data["expires_in"]][0]


class ArticleFilterForm(forms.Form):
    STATES = [
        ("", gettext_lazy("Mọi trạng thái")),
        ("draft", gettext_lazy("Nháp")),
        ("submitted", gettext_lazy("Chờ duyệt")),
        ("review_mine", gettext_lazy("Chờ tôi duyệt")),
        ("returned", gettext_lazy("Bị trả lại")),
        ("approved", gettext_lazy("Đã duyệt, chờ xuất bản")),
        ("public", gettext_lazy("Đang công khai")),
        ("scheduled", gettext_lazy("Hẹn giờ")),
        ("changes", gettext_lazy("Có bản sửa chưa duyệt")),
        ("withdrawn", gettext_lazy("Đã gỡ")),
    ]
    q = forms.CharField(
        label=gettext_lazy("Tìm"),
        required=False,
        max_length=200,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": gettext_lazy("Tiêu đề, sapo, nội dung…")}
        ),
    )
    state = forms.ChoiceField(label=gettext_lazy("Trạng thái"), choices=STATES, required=False)
    category = forms.ModelChoiceField(
        Category.objects.all(), label=gettext_lazy("Chuyên mục"), required=False
    )
    author = forms.ModelChoiceField(
        queryset=None, label=gettext_lazy("Người viết"), required=False, empty_label=None
    )
    department = forms.ChoiceField(label=gettext_lazy("Phòng"), required=False)
    date_field = forms.ChoiceField(
        label=gettext_lazy("Theo ngày"),
        choices=[("updated", gettext_lazy("cập nhật")), ("published", gettext_lazy("xuất bản"))],
        required=False,
    )
    date_from = forms.DateField(label=gettext_lazy("Từ ngày"), required=False, widget=DateInput())
    date_to = forms.DateField(label=gettext_lazy("Đến ngày"), required=False, widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", _("Mọi chuyên mục")), *category_choices()[1:]]
        authors = list(queries.authors())
        # Any user is a valid filter value (the dashboard links "my drafts" even for someone
        # who has written nothing yet); the menu lists only people who have written.
        self.fields["author"].queryset = get_user_model().objects.all()
        self.fields["author"].choices = [("", _("Mọi người viết"))] + [
            (u.pk, u.get_full_name()) for u in authors
        ]
        self.fields["department"].choices = [("", _("Mọi phòng"))] + [
            (d, d) for d in queries.departments()
        ]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("“Đến ngày” phải sau “Từ ngày”."))
        return cleaned


# Quick creation from the editor's pickers ----------------------------------------------


class QuickEventForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = ["title", "kind", "starts_at"]
        widgets = {"starts_at": DateTimeInput()}
        help_texts = {"starts_at": DATETIME_HELP}


class QuickParticipantForm(forms.ModelForm):
    class Meta:
        model = Participant
        fields = ["full_name", "positions"]
        widgets = {"positions": forms.TextInput()}
        help_texts = {"positions": gettext_lazy("Chức vụ chính, ví dụ: Phó Bí thư Tỉnh ủy")}


class QuickResolutionForm(forms.ModelForm):
    class Meta:
        model = Resolution
        fields = ["doc_type", "number", "title", "issue_date"]
        widgets = {"issue_date": DateInput()}
