"""Dates, times and numbers as a Vietnamese reader writes and reads them."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from django import forms
from django.template import Context, Template
from django.utils import timezone, translation

from public.templatetags.vn import two_digits, vn_date, vn_datetime, vn_number, weekday

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture(autouse=True)
def _vietnamese():
    with translation.override("vi"):
        yield


# --- input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed", ["05/03/2026", "05/03/26", "05-03-2026", "05.03.2026", "2026-03-05"]
)
def test_date_field_reads_day_first(typed):
    assert forms.DateField().clean(typed) == date(2026, 3, 5)


def test_date_field_refuses_month_first_impossible_date():
    with pytest.raises(forms.ValidationError):
        forms.DateField().clean("12/31/2025")


def test_datetime_field_reads_vietnamese_time_in_hanoi_time():
    value = forms.DateTimeField().clean("13/01/2025 08:00")
    assert value == datetime(2025, 1, 13, 8, 0, tzinfo=HCM)
    assert value.astimezone(UTC) == datetime(2025, 1, 13, 1, 0, tzinfo=UTC)


@pytest.mark.parametrize("typed", ["08:30", "08:30:00", "08h30"])
def test_time_field_accepts_vietnamese_styles(typed):
    assert forms.TimeField().clean(typed).strftime("%H:%M") == "08:30"


def test_date_widget_shows_day_first():
    field = forms.DateField()
    assert field.widget.format_value(date(2026, 3, 5)) == "05/03/2026"


# --- output -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "shown"),
    [(44881, "44.881"), (252, "252"), (1234567, "1.234.567"), (0, "0"), ("44881", "44.881")],
)
def test_vn_number(value, shown):
    assert vn_number(value) == shown


def test_vn_number_decimal_uses_a_comma():
    assert vn_number(1234.5) == "1.234,5"


def test_vn_number_of_nothing():
    assert vn_number(None) == ""
    assert vn_number("") == ""


@pytest.mark.parametrize(
    ("value", "shown"), [(1, "01"), (9, "09"), (251, "251"), (44881, "44.881")]
)
def test_two_digits(value, shown):
    assert two_digits(value) == shown


def test_vn_date_of_the_seed_day():
    assert vn_date(datetime(2025, 1, 13, 8, 0, tzinfo=HCM)) == "Thứ Hai, 13/01/2025"
    assert vn_date(date(2025, 1, 13)) == "Thứ Hai, 13/01/2025"


def test_vn_date_is_in_hanoi_time_not_utc():
    # 18:30 UTC on Sunday 12 January is 01:30 on Monday 13 January in Hà Nội.
    late_utc = datetime(2025, 1, 12, 18, 30, tzinfo=UTC)
    assert vn_date(late_utc) == "Thứ Hai, 13/01/2025"
    assert vn_datetime(late_utc) == "Thứ Hai, 13/01/2025, 01:30"
    assert weekday(late_utc) == "Thứ Hai"


def test_every_weekday_has_its_name():
    days = [vn_date(date(2025, 1, d)).split(",")[0] for d in range(13, 20)]
    assert days == ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]


def test_vn_date_of_nothing():
    assert vn_date(None) == ""
    assert vn_datetime(None) == ""


def test_current_time_zone_is_hanoi():
    assert str(timezone.get_current_timezone()) == "Asia/Ho_Chi_Minh"
    now = timezone.localtime()
    assert now.utcoffset().total_seconds() == 7 * 3600


def test_templates_show_dates_and_numbers_the_vietnamese_way():
    rendered = Template(
        "{% load vn humanize %}{{ when|date }}|{{ when|date:'SHORT_DATETIME_FORMAT' }}|"
        "{{ when|vn_date }}|{{ count|vn_number }}|{{ count|intcomma }}"
    ).render(Context({"when": datetime(2025, 1, 13, 1, 0, tzinfo=UTC), "count": 44881}))
    assert rendered == "13/01/2025|08:00 13/01/2025|Thứ Hai, 13/01/2025|44.881|44.881"
