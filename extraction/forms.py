"""The forms of "Tạo mới" from a suggestion: the extracted fields, prefilled, for review.

Each form's fields are views.EDITABLE's for its kind (bridge points are kept as read);
fields() turns the cleaned data into the corrections views.create_one applies.
"""

from __future__ import annotations

from django import forms

from .vocabulary import (
    DOC_TYPE_LABELS,
    EVENT_KIND_LABELS,
    FORMAT_LABELS,
    TIMES_OF_DAY,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
LINES = forms.Textarea(attrs={"rows": 3})


def _lines(value: str) -> list[str]:
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


class DocumentForm(forms.Form):
    doc_type = forms.ChoiceField(
        label="Loại văn bản", choices=[(str(k), v) for k, v in DOC_TYPE_LABELS.items()]
    )
    number = forms.CharField(label="Số, ký hiệu", required=False, max_length=100)
    title = forms.CharField(
        label="Tên văn bản", required=False, max_length=500, help_text="Khi văn bản không có số."
    )
    issuer = forms.CharField(label="Cơ quan ban hành", required=False, max_length=300)
    issue_date = forms.DateField(label="Ngày ban hành", required=False, widget=DATE)
    subject = forms.CharField(label="Trích yếu", required=False, widget=LINES)

    @staticmethod
    def initial_from(finding: dict) -> dict:
        return {name: finding.get(name) for name in DocumentForm.base_fields}

    def fields_to_apply(self) -> dict:
        data = dict(self.cleaned_data)
        data["issue_date"] = data["issue_date"].isoformat() if data["issue_date"] else None
        return data


class PersonForm(forms.Form):
    name = forms.CharField(label="Họ và tên", max_length=200)
    positions = forms.CharField(
        label="Chức vụ", required=False, widget=LINES, help_text="Mỗi chức vụ một dòng."
    )

    @staticmethod
    def initial_from(finding: dict) -> dict:
        return {"name": finding.get("name"), "positions": "\n".join(finding.get("positions", []))}

    def fields_to_apply(self) -> dict:
        return dict(self.cleaned_data)


class EventForm(forms.Form):
    name = forms.CharField(label="Tên sự kiện", required=False, max_length=300)
    kind = forms.ChoiceField(
        label="Loại sự kiện", choices=[(str(k), v) for k, v in EVENT_KIND_LABELS.items()]
    )
    date = forms.DateField(
        label="Ngày diễn ra",
        widget=DATE,
        error_messages={"required": "Hãy nhập ngày diễn ra sự kiện."},
    )
    time_of_day = forms.ChoiceField(
        label="Buổi",
        required=False,
        choices=[("", "—")] + [(v, v.capitalize()) for v in TIMES_OF_DAY.values()],
    )
    time = forms.TimeField(
        label="Giờ bắt đầu",
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    format = forms.ChoiceField(
        label="Hình thức",
        required=False,
        choices=[("", "—")] + [(str(k), v) for k, v in FORMAT_LABELS.items()],
    )
    venue = forms.CharField(label="Địa điểm", required=False, max_length=300)
    broadcast = forms.CharField(label="Truyền hình, phát thanh", required=False, max_length=300)
    attendance = forms.IntegerField(label="Số người tham dự", required=False, min_value=0)
    attendance_note = forms.CharField(label="Ghi chú về người tham dự", required=False)
    organizers = forms.CharField(
        label="Đơn vị tổ chức", required=False, widget=LINES, help_text="Mỗi đơn vị một dòng."
    )

    @staticmethod
    def initial_from(finding: dict) -> dict:
        initial = {name: finding.get(name) for name in EventForm.base_fields}
        initial["organizers"] = "\n".join(finding.get("organizers", []))
        return initial

    def fields_to_apply(self) -> dict:
        data = dict(self.cleaned_data)
        data["date"] = data["date"].isoformat()
        data["time"] = data["time"].strftime("%H:%M") if data["time"] else None
        data["format"] = data["format"] or None
        data["time_of_day"] = data["time_of_day"] or None
        data["organizers"] = _lines(data["organizers"])
        return data


FORMS = {"document": DocumentForm, "person": PersonForm, "event": EventForm}
NOUNS = {"document": "văn bản", "person": "nhân vật", "event": "sự kiện"}
