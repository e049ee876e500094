"""core.text: Unicode form, folding, slugs; and the NFC input middleware."""

from __future__ import annotations

import unicodedata

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from core.middleware import NormalizeInputMiddleware
from core.text import fold, nfc, unique_slug, vi_slugify

SEED_TITLE = (
    "Hà Nam tổ chức tham gia Hội nghị toàn quốc về đột phá phát triển khoa hoc, công nghệ, "
    "đột phá sáng tạo và chuyển đổi số quốc gia"
)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# --- nfc ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["Nghị quyết", "Đảng bộ tỉnh Hà Nam", "Thủ tưởng", SEED_TITLE])
def test_nfc_composes_decomposed_vietnamese(text):
    decomposed = nfd(text)
    assert decomposed != text  # the input really is decomposed
    result = nfc(decomposed)
    assert result == text
    assert unicodedata.is_normalized("NFC", result)


def test_nfc_drops_nul_and_lone_surrogates():
    assert nfc("Nghị\x00 quyết\ud800 57\udfff") == "Nghị quyết 57"
    # The result must be storable as UTF-8.
    nfc("a\ud83d b").encode("utf-8")


def test_nfc_drops_other_control_characters_but_keeps_tab_and_newlines():
    assert nfc("dòng 1\x07\x1b\ndòng\t2\r\n") == "dòng 1\ndòng\t2\r\n"


def test_nfc_keeps_empty_values():
    assert nfc("") == ""
    assert nfc(None) is None


# --- fold --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Nghị quyết Đảng", "nghi quyet dang"),
        ("ĐỘT PHÁ", "dot pha"),
        ("đồng chí Tô Lâm", "dong chi to lam"),
        ("Chuyển đổi số", "chuyen doi so"),
        ("khoa hoc", "khoa hoc"),
        ("57-NQ/TW", "57-nq/tw"),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


def test_fold_treats_nfd_like_nfc():
    assert fold(nfd("Nghị quyết Đảng")) == "nghi quyet dang"


def test_fold_of_nothing_is_empty():
    assert fold("") == ""
    assert fold(None) == ""


# --- vi_slugify --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Đảng bộ", "dang-bo"),
        ("57-NQ/TW", "57-nq-tw"),
        ("13/2023/NĐ-CP", "13-2023-nd-cp"),
        ("Hội nghị  toàn quốc!", "hoi-nghi-toan-quoc"),
        ("Ủy ban Kiểm tra Tỉnh ủy", "uy-ban-kiem-tra-tinh-uy"),
    ],
)
def test_vi_slugify(text, slug):
    assert vi_slugify(text) == slug


def test_vi_slugify_seed_title():
    assert vi_slugify(SEED_TITLE) == (
        "ha-nam-to-chuc-tham-gia-hoi-nghi-toan-quoc-ve-dot-pha-phat-trien-khoa-hoc-cong-nghe"
        "-dot-pha-sang-tao-va-chuyen-doi-so-quoc-gia"
    )


def test_vi_slugify_same_for_nfd():
    assert vi_slugify(nfd(SEED_TITLE)) == vi_slugify(SEED_TITLE)


def test_vi_slugify_respects_max_length_at_a_word_boundary():
    slug = vi_slugify(SEED_TITLE, max_length=30)
    assert len(slug) <= 30
    assert slug == "ha-nam-to-chuc-tham-gia-hoi"
    assert not slug.endswith("-")


# --- unique_slug -------------------------------------------------------------------


def test_unique_slug_returns_base_when_free():
    assert unique_slug("Đảng bộ", lambda s: False) == "dang-bo"


def test_unique_slug_suffixes_in_order():
    taken = {"dang-bo", "dang-bo-2", "dang-bo-3"}
    assert unique_slug("Đảng bộ", taken.__contains__) == "dang-bo-4"


def test_unique_slug_suffix_fits_max_length():
    taken = {"abcdefghij"}
    slug = unique_slug("abcdefghij", taken.__contains__, max_length=10)
    assert slug == "abcdefgh-2"
    assert len(slug) <= 10


def test_unique_slug_falls_back_when_nothing_transliterates():
    assert unique_slug("!!! ???", lambda s: False) == "muc"
    assert unique_slug("", {"muc"}.__contains__) == "muc-2"


# --- NormalizeInputMiddleware ------------------------------------------------------


def _through_middleware(request):
    middleware = NormalizeInputMiddleware(lambda r: HttpResponse())
    assert middleware.process_view(request, lambda r: None, (), {}) is None
    return request


def test_middleware_brings_nfd_query_string_to_nfc():
    request = RequestFactory().get("/tim-kiem/", {nfd("từ khóa"): nfd("Nghị quyết 57")})
    assert request.GET[nfd("từ khóa")] == nfd("Nghị quyết 57")  # arrives decomposed
    _through_middleware(request)
    assert request.GET["từ khóa"] == "Nghị quyết 57"
    assert unicodedata.is_normalized("NFC", request.GET["từ khóa"])


def test_middleware_normalizes_every_value_of_a_repeated_key():
    request = RequestFactory().get("/", {"the": [nfd("Đảng"), "Nhà nước", nfd("Quốc hội")]})
    _through_middleware(request)
    assert request.GET.getlist("the") == ["Đảng", "Nhà nước", "Quốc hội"]


def test_middleware_drops_nul_from_query_values():
    request = RequestFactory().get("/tim-kiem/?q=ngh%E1%BB%8B%00quy%E1%BA%BFt")
    _through_middleware(request)
    assert request.GET["q"] == "nghịquyết"


def test_middleware_normalizes_posted_form_fields():
    request = RequestFactory().post("/", {"title": nfd("Hội nghị toàn quốc")})
    _through_middleware(request)
    assert request.POST["title"] == "Hội nghị toàn quốc"


def test_middleware_leaves_nfc_query_untouched():
    request = RequestFactory().get("/", {"q": "Nghị quyết"})
    original = request.GET
    _through_middleware(request)
    assert request.GET is original
    assert request.GET["q"] == "Nghị quyết"


def test_middleware_result_stays_immutable():
    request = RequestFactory().get("/", {"q": nfd("Nghị quyết")})
    _through_middleware(request)
    with pytest.raises(AttributeError):
        request.GET["q"] = "x"
