from django import forms
from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import Image
from .processing import ImageRejected, clean_image
from .services import attach_clean_image


class ImageUploadForm(forms.ModelForm):
    upload = forms.FileField(
        label=_("Tệp ảnh"),
        required=False,
        help_text=_("JPEG, PNG, WebP hoặc GIF. Ảnh được mã hóa lại, bỏ EXIF/GPS."),
    )

    class Meta:
        model = Image
        fields = ["alt_text", "caption", "credit"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["alt_text"].required = True
        if not self.instance.pk:
            self.fields["upload"].required = True

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload:
            try:
                self.cleaned_image = clean_image(upload)
            except ImageRejected as exc:
                raise forms.ValidationError(str(exc)) from exc
        return upload


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    form = ImageUploadForm
    list_display = ["thumbnail", "alt_text", "credit", "width", "height", "created_at"]
    search_fields = ["alt_text", "caption", "credit"]
    readonly_fields = ["thumbnail", "width", "height", "uploaded_by", "created_at"]

    @admin.display(description=_("Ảnh"))
    def thumbnail(self, obj):
        if not obj.pk or not obj.file:
            return "—"
        # A width attribute, not a style attribute: the admin's policy refuses inline styles,
        # and the browser keeps the picture's proportions from the width alone.
        return format_html('<img src="{}" alt="" width="120">', obj.rendition_url(320))

    def save_model(self, request, obj, form, change):
        if getattr(form, "cleaned_image", None):
            attach_clean_image(obj, form.cleaned_image)
        if not change:
            obj.uploaded_by = request.user
        obj.save()
