"""The newsroom's content: articles and the facts they report.

An Article reports Events (a conference, with its bridge points and participants),
mentions Participants (officials, with the positions they held at the time) and
concerns Resolutions (Party and State documents). The seed article in
../shared/seed shows all of them in one text.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Upper
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_ckeditor_5.fields import CKEditor5Field

from core.html import html_to_text, sanitize_html
from core.models import ChoiceLabelsModel, NormalizedTextModel, SluggedModel
from core.slugs import reverse_slug
from core.text import fold
from search.fields import SearchVectorField
from search.tokens import build_vector

from .validators import random_document_name, validate_pdf


class Category(SluggedModel):
    slug_source_field = "name"

    name = models.CharField(_("tên chuyên mục"), max_length=120)
    slug = models.SlugField(_("đường dẫn"), max_length=200, unique=True, blank=True)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        limit_choices_to={"parent__isnull": True},
        verbose_name=_("chuyên mục cha"),
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    description = models.TextField(_("mô tả"), blank=True)
    show_on_home = models.BooleanField(_("hiện trên trang chủ"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("chuyên mục")
        verbose_name_plural = _("chuyên mục")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return f"{self.parent.name} › {self.name}" if self.parent_id and self.parent else self.name

    def clean(self) -> None:
        if self.parent_id:
            if self.parent_id == self.pk:
                raise ValidationError({"parent": _("Chuyên mục không thể là cha của chính nó.")})
            if self.parent.parent_id:
                raise ValidationError(
                    {"parent": _("Chỉ hỗ trợ một cấp chuyên mục con: hãy chọn một chuyên mục gốc.")}
                )
            if self.pk and self.children.exists():
                raise ValidationError(
                    {
                        "parent": _(
                            "Chuyên mục này đang có chuyên mục con nên không thể làm chuyên mục con."
                        )
                    }
                )

    def get_absolute_url(self) -> str:
        return reverse_slug("public:category", self.slug)


class Tag(SluggedModel):
    slug_source_field = "name"

    name = models.CharField(_("tên thẻ"), max_length=100, unique=True)
    slug = models.SlugField(_("đường dẫn"), max_length=200, unique=True, blank=True)

    class Meta:
        verbose_name = _("thẻ")
        verbose_name_plural = _("thẻ")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse_slug("public:tag", self.slug)


class Organization(SluggedModel):
    """A body that organises events or issues documents: Bộ Chính trị, Ban Bí thư, Chính phủ…"""

    slug_source_field = "name"

    name = models.CharField(_("tên cơ quan"), max_length=200, unique=True)
    short_name = models.CharField(_("tên viết tắt"), max_length=50, blank=True)
    slug = models.SlugField(_("đường dẫn"), max_length=200, unique=True, blank=True)

    class Meta:
        verbose_name = _("cơ quan, tổ chức")
        verbose_name_plural = _("cơ quan, tổ chức")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Participant(SluggedModel):
    """An official or delegate. Positions are one per line, current ones only; the
    position held at a given event is kept on that event's participation."""

    slug_source_field = "full_name"

    full_name = models.CharField(_("họ và tên"), max_length=150)
    slug = models.SlugField(_("đường dẫn"), max_length=200, unique=True, blank=True)
    positions = models.TextField(
        _("chức vụ hiện nay"),
        blank=True,
        help_text=_("Mỗi chức vụ một dòng, chức vụ chính trước. Ví dụ: Phó Bí thư Tỉnh ủy"),
    )
    organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
        verbose_name=_("cơ quan"),
    )
    portrait = models.ForeignKey(
        "images.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("ảnh chân dung"),
    )
    bio = models.TextField(_("tiểu sử tóm tắt"), blank=True)
    # Vietnamese names sort by the given name, the last word: "Tô Lâm" under L.
    sort_name = models.CharField(max_length=200, editable=False, db_index=True, default="")
    search_vector = SearchVectorField(null=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("nhân vật")
        verbose_name_plural = _("nhân vật")
        ordering = ["sort_name", "full_name"]

    def __str__(self) -> str:
        return self.full_name

    @property
    def position_list(self) -> list[str]:
        return [line.strip() for line in self.positions.splitlines() if line.strip()]

    @property
    def positions_display(self) -> str:
        return ", ".join(self.position_list)

    def save(self, *args, **kwargs):
        self.normalize_text_fields()
        parts = fold(self.full_name).split()
        self.sort_name = " ".join(parts[-1:] + parts[:-1])
        self.search_vector = build_vector(
            ("A", self.full_name), ("B", self.positions), ("C", self.bio)
        )
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse_slug("public:participant", self.slug)


class Resolution(ChoiceLabelsModel, SluggedModel):
    """A Party or State document: Nghị quyết 57-NQ/TW, Chỉ thị 45-CT/TW, Nghị định 13/2023/NĐ-CP…"""

    class DocType(models.TextChoices):
        RESOLUTION = "nghi_quyet", _("Nghị quyết")
        DIRECTIVE = "chi_thi", _("Chỉ thị")
        CONCLUSION = "ket_luan", _("Kết luận")
        REGULATION = "quy_dinh", _("Quy định")
        DECISION = "quyet_dinh", _("Quyết định")
        ACTION_PROGRAMME = "chuong_trinh_hanh_dong", _("Chương trình hành động")
        PLAN = "ke_hoach", _("Kế hoạch")
        DECREE = "nghi_dinh", _("Nghị định")
        CIRCULAR = "thong_tu", _("Thông tư")
        LAW = "luat", _("Luật")
        GUIDANCE = "huong_dan", _("Hướng dẫn")
        NOTICE = "thong_bao", _("Thông báo")
        OTHER = "khac", _("Văn bản khác")

    number = models.CharField(
        _("số, ký hiệu"),
        max_length=60,
        blank=True,
        help_text=_("Như trên văn bản, ví dụ 57-NQ/TW hoặc 13/2023/NĐ-CP. Để trống nếu chưa rõ."),
    )
    doc_type = models.CharField(
        _("loại văn bản"), max_length=30, choices=DocType.choices, default=DocType.RESOLUTION
    )
    title = models.CharField(
        _("tên gọi"),
        max_length=300,
        blank=True,
        help_text=_(
            "Dùng khi văn bản không có số, ví dụ: Quyết định thành lập Ban Chỉ đạo Trung ương…"
        ),
    )
    slug = models.SlugField(_("đường dẫn"), max_length=200, unique=True, blank=True)
    issuer = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="documents",
        verbose_name=_("cơ quan ban hành"),
    )
    issue_date = models.DateField(_("ngày ban hành"), null=True, blank=True)
    subject = models.TextField(
        _("trích yếu"),
        blank=True,
        help_text=_(
            "Ví dụ: về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia"
        ),
    )
    summary = models.TextField(_("tóm tắt nội dung"), blank=True)
    document = models.FileField(
        _("tệp văn bản (PDF)"),
        upload_to=random_document_name,
        blank=True,
        max_length=255,
        validators=[FileExtensionValidator(["pdf"]), validate_pdf],
    )
    related_documents = models.ManyToManyField(
        "self",
        blank=True,
        symmetrical=True,
        verbose_name=_("văn bản liên quan"),
    )
    in_focus = models.BooleanField(
        _("văn bản trọng tâm"),
        default=False,
        help_text=_("Hiện ở mục văn bản trọng tâm trên trang chủ."),
    )
    search_vector = SearchVectorField(null=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")
        ordering = ["-issue_date", "-id"]
        # The document index lists them in this order, by type or all together.
        indexes = [models.Index(fields=["-issue_date", "-id"], name="resolution_recent")]
        constraints = [
            models.UniqueConstraint(
                Upper("number"),
                condition=~Q(number=""),
                name="unique_resolution_number",
                violation_error_message=_("Đã có văn bản mang số, ký hiệu này."),
            ),
            models.CheckConstraint(
                condition=~Q(number="") | ~Q(title=""),
                name="resolution_has_number_or_title",
                violation_error_message=_("Cần nhập số, ký hiệu hoặc tên gọi của văn bản."),
            ),
        ]

    def __str__(self) -> str:
        return self.short_name

    def slug_source(self) -> str:
        return self.number or self.title

    @property
    def short_name(self) -> str:
        """ "Nghị quyết 57-NQ/TW", or the title of a document without a number."""
        if self.number:
            return f"{self.get_doc_type_display()} {self.number}"
        return self.title

    @property
    def full_name(self) -> str:
        """ "Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị" as the press writes it."""
        if not self.number:
            return self.title
        text = f"{self.get_doc_type_display()} số {self.number}"
        if self.issue_date:
            text += f", ngày {self.issue_date:%d/%m/%Y}"
        if self.issuer_id:
            text += f" của {self.issuer.name}"
        return text

    def save(self, *args, **kwargs):
        self.normalize_text_fields()
        self.number = " ".join(self.number.split())
        self.search_vector = build_vector(
            ("A", f"{self.number} {self.get_doc_type_display()} {self.title}"),
            ("B", self.subject),
            ("C", self.summary),
        )
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse_slug("public:resolution", self.slug)


class Event(ChoiceLabelsModel, SluggedModel):
    class Kind(models.TextChoices):
        CONFERENCE = "hoi_nghi", _("Hội nghị")
        SEMINAR = "hoi_thao", _("Hội thảo")
        CEREMONY = "le", _("Lễ")
        CONGRESS = "dai_hoi", _("Đại hội")
        SESSION = "ky_hop", _("Kỳ họp")
        TALK = "toa_dam", _("Tọa đàm")
        OTHER = "khac", _("Sự kiện khác")

    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("Trực tiếp")
        ONLINE = "online", _("Trực tuyến")
        HYBRID = "hybrid", _("Trực tiếp kết hợp trực tuyến")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Sắp diễn ra")
        HELD = "held", _("Đã diễn ra")
        POSTPONED = "postponed", _("Hoãn")
        CANCELLED = "cancelled", _("Hủy")

    title = models.CharField(_("tên sự kiện"), max_length=300)
    slug = models.SlugField(_("đường dẫn"), max_length=200, unique=True, blank=True)
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices, default=Kind.CONFERENCE)
    description = models.TextField(_("mô tả"), blank=True)
    starts_at = models.DateTimeField(_("bắt đầu"))
    ends_at = models.DateTimeField(_("kết thúc"), null=True, blank=True)
    organizers = models.ManyToManyField(
        Organization, blank=True, related_name="events", verbose_name=_("cơ quan tổ chức")
    )
    format = models.CharField(
        _("hình thức"), max_length=20, choices=Format.choices, default=Format.IN_PERSON
    )
    broadcast = models.CharField(
        _("truyền hình trực tiếp"), max_length=200, blank=True, help_text=_("Ví dụ: VTV1")
    )
    venue = models.CharField(_("địa điểm"), max_length=300, blank=True)
    status = models.CharField(
        _("tình trạng"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    attendance = models.PositiveIntegerField(_("số người tham dự"), null=True, blank=True)
    attendance_note = models.CharField(
        _("thành phần tham dự"),
        max_length=200,
        blank=True,
        help_text=_("Ví dụ: đảng viên tham dự"),
    )
    resolutions = models.ManyToManyField(
        Resolution, blank=True, related_name="events", verbose_name=_("văn bản được quán triệt")
    )
    participants = models.ManyToManyField(
        Participant, through="EventParticipant", related_name="events", blank=True
    )
    search_vector = SearchVectorField(null=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("sự kiện")
        verbose_name_plural = _("sự kiện")
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["-starts_at"], name="event_recent")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=models.F("starts_at")),
                name="event_ends_after_start",
                violation_error_message=_("Thời gian kết thúc phải sau thời gian bắt đầu."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        # Reported on the field, which also keeps the check constraint from repeating it.
        if self.ends_at and self.starts_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("Thời gian kết thúc phải sau thời gian bắt đầu.")})

    def save(self, *args, **kwargs):
        self.normalize_text_fields()
        self.search_vector = build_vector(
            ("A", self.title), ("B", f"{self.venue} {self.broadcast}"), ("C", self.description)
        )
        super().save(*args, **kwargs)

    @property
    def is_upcoming(self) -> bool:
        return self.status == self.Status.PLANNED and self.starts_at >= timezone.now()

    @property
    def total_bridge_points(self) -> int:
        return sum(point.count for point in self.bridge_points.all())

    def get_absolute_url(self) -> str:
        return reverse_slug("public:event", self.slug)


class BridgePoint(ChoiceLabelsModel, NormalizedTextModel):
    """Connected sites (điểm cầu) of an event at one level: "251 điểm cầu cấp cơ sở"."""

    class Level(models.IntegerChoices):
        CENTRAL = 10, _("Trung ương")
        PROVINCIAL = 20, _("Cấp tỉnh")
        DISTRICT = 30, _("Cấp huyện")
        GRASSROOTS = 40, _("Cấp cơ sở")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="bridge_points")
    level = models.PositiveSmallIntegerField(_("cấp"), choices=Level.choices)
    count = models.PositiveIntegerField(_("số điểm cầu"), default=1)
    area = models.CharField(
        _("địa bàn"), max_length=150, blank=True, help_text=_("Ví dụ: tỉnh Hà Nam")
    )
    location = models.CharField(
        _("địa điểm"), max_length=300, blank=True, help_text=_("Ví dụ: Hội trường UBND tỉnh")
    )
    attendance = models.PositiveIntegerField(_("số người tham dự"), null=True, blank=True)

    class Meta:
        verbose_name = _("điểm cầu")
        verbose_name_plural = _("điểm cầu")
        ordering = ["level", "id"]

    def __str__(self) -> str:
        label = f"{self.count:02d} điểm cầu {self.get_level_display().lower()}"
        return f"{label} ({self.location})" if self.location else label


class EventParticipant(ChoiceLabelsModel, NormalizedTextModel):
    class Role(models.IntegerChoices):
        PRESIDING = 10, _("Chủ trì")
        DIRECTING = 20, _("Phát biểu chỉ đạo")
        PRESENTING = 30, _("Trình bày, báo cáo")
        ATTENDING = 40, _("Tham dự")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participations")
    participant = models.ForeignKey(
        Participant,
        on_delete=models.PROTECT,
        related_name="participations",
        verbose_name=_("nhân vật"),
    )
    role = models.PositiveSmallIntegerField(
        _("vai trò"), choices=Role.choices, default=Role.ATTENDING
    )
    position_at_time = models.CharField(_("chức vụ khi đó"), max_length=300, blank=True)
    bridge_point = models.ForeignKey(
        BridgePoint,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="participations",
        verbose_name=_("tại điểm cầu"),
    )
    note = models.CharField(
        _("ghi chú"),
        max_length=300,
        blank=True,
        help_text=_("Ví dụ: quán triệt Chương trình hành động của Chính phủ"),
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("người tham dự")
        verbose_name_plural = _("người tham dự")
        ordering = ["role", "order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "participant", "role"], name="unique_participation_role"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant} — {self.get_role_display()}"

    def clean(self) -> None:
        if self.bridge_point_id and self.event_id and self.bridge_point.event_id != self.event_id:
            raise ValidationError({"bridge_point": _("Điểm cầu này thuộc một sự kiện khác.")})


class ArticleQuerySet(models.QuerySet):
    def public(self) -> ArticleQuerySet:
        """The one rule for what readers may see: published, and its time has come.

        Every public view, feed, sitemap and search starts from here; a scheduled
        article becomes public when its time comes, with no job to run. `is_live`
        rather than the status: while a new version of a published article is being
        edited and reviewed, readers keep the approved one. A trashed article is never
        live (constraint article_trashed_not_live), so none is ever public.
        """
        return self.filter(is_live=True, published_at__lte=timezone.now())

    def not_trashed(self) -> ArticleQuerySet:
        """What the workspace lists: everything but the trash."""
        return self.filter(trashed_at__isnull=True)

    def in_trash(self) -> ArticleQuerySet:
        """The trash list: trashed and not yet emptied out of it."""
        return self.filter(trashed_at__isnull=False, purged_at__isnull=True)

    def for_listing(self) -> ArticleQuerySet:
        return self.select_related("category", "featured_image").only(
            "id",
            "title",
            "slug",
            "sapo",
            "published_at",
            "category__name",
            "category__slug",
            "featured_image__file",
            "featured_image__alt_text",
            "featured_image__renditions",
            "featured_image__width",
            "featured_image__height",
            "view_count",
        )


class Article(ChoiceLabelsModel, SluggedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Nháp")
        SUBMITTED = "submitted", _("Chờ duyệt")
        RETURNED = "returned", _("Trả lại")
        APPROVED = "approved", _("Đã duyệt")
        PUBLISHED = "published", _("Đã xuất bản")
        WITHDRAWN = "withdrawn", _("Đã gỡ")

    title = models.CharField(_("tiêu đề"), max_length=300)
    slug = models.SlugField(_("đường dẫn"), max_length=200, unique=True, blank=True)
    sapo = models.TextField(_("sapo"), blank=True, help_text=_("Đoạn dẫn dưới tiêu đề."))
    body = CKEditor5Field(_("nội dung"), blank=True, config_name="default")
    featured_image = models.ForeignKey(
        "images.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("ảnh đại diện"),
    )
    featured_image_caption = models.CharField(_("chú thích ảnh"), max_length=500, blank=True)
    featured_image_credit = models.CharField(_("nguồn ảnh"), max_length=200, blank=True)
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="articles", verbose_name=_("chuyên mục")
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="articles", verbose_name=_("thẻ"))
    byline = models.CharField(
        _("tác giả (hiển thị)"),
        max_length=300,
        blank=True,
        help_text=_("Ví dụ: Phòng Lý luận chính trị - Lịch sử, Ban Tuyên giáo Tỉnh ủy"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="articles",
        verbose_name=_("người viết"),
    )
    # The state of the working version in the editorial workflow (workflow/rules.py).
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    current_step = models.ForeignKey(
        "workflow.ApprovalStep",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("đang ở bước"),
    )
    # Whether readers have a version of this article. The row's own content is that
    # version while it is live (workflow/revisions.py), whatever is being edited.
    is_live = models.BooleanField(_("đang hiển thị công khai"), default=False, editable=False)
    live_revision = models.ForeignKey(
        "workflow.Revision",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
        verbose_name=_("phiên bản đang xuất bản"),
    )
    latest_revision = models.ForeignKey(
        "workflow.Revision",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
        verbose_name=_("phiên bản mới nhất"),
    )
    last_published_at = models.DateTimeField(
        _("cập nhật bản công khai lúc"), null=True, blank=True, editable=False
    )
    published_at = models.DateTimeField(_("thời gian xuất bản"), null=True, blank=True)
    is_featured = models.BooleanField(
        _("tin nổi bật"),
        default=False,
        help_text=_("Tin nổi bật mới nhất làm tin chính trên trang chủ."),
    )
    view_count = models.PositiveIntegerField(_("lượt xem"), default=0, editable=False)
    events = models.ManyToManyField(
        Event, blank=True, related_name="articles", verbose_name=_("sự kiện")
    )
    participants = models.ManyToManyField(
        Participant, blank=True, related_name="articles", verbose_name=_("nhân vật được nhắc tới")
    )
    resolutions = models.ManyToManyField(
        Resolution, blank=True, related_name="articles", verbose_name=_("văn bản liên quan")
    )
    search_vector = SearchVectorField(null=True, editable=False)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)
    # The trash (thùng rác): staff never delete an article. Trashing hides it from every
    # list; emptying the trash only marks it purged (a tombstone), because its revisions
    # and transition log must outlive it (workflow.rules, workflow.services.trash).
    trashed_at = models.DateTimeField(
        _("chuyển vào thùng rác lúc"), null=True, blank=True, editable=False
    )
    trashed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
        verbose_name=_("người chuyển vào thùng rác"),
    )
    purged_at = models.DateTimeField(
        _("xóa khỏi thùng rác lúc"), null=True, blank=True, editable=False
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("bài viết")
        verbose_name_plural = _("bài viết")
        ordering = ["-published_at", "-id"]
        indexes = [
            # With the section's id in the index, a deep page of a section (its ids
            # newest first, filtered on category) is read from the index alone.
            models.Index(
                fields=["-published_at", "-id"],
                include=["category_id"],
                condition=Q(is_live=True),
                name="article_public_recent",
            ),
            models.Index(
                fields=["category", "-published_at", "-id"],
                condition=Q(is_live=True),
                name="article_public_by_category",
            ),
            models.Index(
                fields=["-view_count"],
                condition=Q(is_live=True),
                name="article_public_most_read",
            ),
            # The newest change to a public article: the sitemap index's lastmod.
            models.Index(
                fields=["-updated_at"],
                condition=Q(is_live=True),
                name="article_public_updated",
            ),
        ]
        permissions = [
            ("edit_others_article", _("Sửa bài của người khác")),
            ("review_article", _("Duyệt bài (biên tập)")),
            ("publish_article", _("Phê duyệt và xuất bản bài")),
            ("withdraw_article", _("Gỡ bài đã xuất bản")),
            ("purge_article", _("Dọn thùng rác (xóa vĩnh viễn bài)")),
        ]
        constraints = [
            # public() asks only is_live (its indexes stay index-only): the database
            # itself guarantees that no trashed article is live.
            models.CheckConstraint(
                condition=Q(trashed_at__isnull=True) | Q(is_live=False),
                name="article_trashed_not_live",
                violation_error_message=_("Bài trong thùng rác không thể đang công khai."),
            ),
            models.CheckConstraint(
                condition=Q(purged_at__isnull=True) | Q(trashed_at__isnull=False),
                name="article_purged_only_from_trash",
                violation_error_message=_("Chỉ xóa vĩnh viễn được bài đã ở trong thùng rác."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.normalize_text_fields()
        self.body = sanitize_html(self.body)
        self.search_vector = build_vector(
            ("A", self.title), ("B", self.sapo), ("C", html_to_text(self.body)), ("D", self.byline)
        )
        # A published working version is what readers have; a withdrawn one is gone.
        # Other states leave is_live alone: a live article being edited stays live.
        if self.status == self.Status.PUBLISHED:
            self.is_live = True
        elif self.status == self.Status.WITHDRAWN:
            self.is_live = False
        if "update_fields" in kwargs and kwargs["update_fields"] is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "is_live", "search_vector"}
        super().save(*args, **kwargs)

    @property
    def has_unpublished_changes(self) -> bool:
        return self.is_live and self.latest_revision_id != self.live_revision_id

    @property
    def is_scheduled(self) -> bool:
        return self.is_live and self.published_at is not None and self.published_at > timezone.now()

    @property
    def is_public(self) -> bool:
        return (
            self.is_live and self.published_at is not None and self.published_at <= timezone.now()
        )

    def get_absolute_url(self) -> str:
        return reverse_slug("public:article", self.slug)


class Correction(NormalizedTextModel):
    """A public correction notice (đính chính) on a published article, with its date."""

    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="corrections")
    text = models.TextField(_("nội dung đính chính"))
    created_at = models.DateTimeField(_("đính chính lúc"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("người đính chính"),
    )

    class Meta:
        verbose_name = _("đính chính")
        verbose_name_plural = _("đính chính")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:80]
