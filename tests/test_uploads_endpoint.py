"""Hostile files through our upload doors, over HTTP, as a signed-in reporter sends them:
CKEditor's image upload (/anh/tai-len/, answered in the JSON CKEditor 5 reads) and the
featured image of the workspace editor.

Every refused file gets a Vietnamese reason and leaves nothing in MEDIA_ROOT; every
accepted one is stored re-encoded under a random name. Uploads are served by the web
server, not Django: the nginx configuration we document (bench/nginx.conf) is checked
as text and, when nginx is installed, run and asked for a stored picture.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import socket
import struct
import subprocess
import tempfile
import time
import urllib.request
import zlib
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import include, re_path, reverse
from django.views.static import serve
from PIL import Image as PILImage

from accounts.models import User
from accounts.roles import AUTHOR
from articles.models import Article
from images.models import Image

PASSWORD = "mat-khau-dai-123"
UPLOAD = "/anh/tai-len/"
ROOT = Path(__file__).resolve().parent.parent
NGINX_CONF = ROOT / "bench" / "nginx.conf"
PAYLOAD = b"<script>alert(document.cookie)</script>"


# Files ----------------------------------------------------------------------------------


def jpeg(size=(320, 240), **save) -> bytes:
    image = PILImage.new("RGB", size, (163, 23, 27))
    for x in range(0, size[0], 5):
        image.putpixel((x, x % size[1]), (20, 20, 200))
    out = io.BytesIO()
    image.save(out, "JPEG", **save)
    return out.getvalue()


def gif() -> bytes:
    out = io.BytesIO()
    PILImage.new("P", (40, 30), 1).save(out, "GIF")
    return out.getvalue()


def noise_png(width: int, height: int) -> bytes:
    """A PNG that does not compress: its size on disk is about width * height * 3."""
    out = io.BytesIO()
    PILImage.frombytes("RGB", (width, height), os.urandom(width * height * 3)).save(out, "PNG")
    return out.getvalue()


def png_with_text(text: bytes) -> bytes:
    """A valid PNG with a tEXt chunk (and a JPEG-style "comment" Pillow would carry)."""
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Comment", text.decode())
    out = io.BytesIO()
    PILImage.new("RGB", (60, 40), (10, 120, 30)).save(out, "PNG", pnginfo=info)
    return out.getvalue()


def exif_with(text: bytes) -> bytes:
    exif = PILImage.Exif()
    exif[0x010E] = text.decode()  # ImageDescription
    return exif.tobytes()


def jpeg_with_comment(comment: bytes) -> bytes:
    """A valid JPEG with a COM segment right after SOI."""
    data = jpeg()
    segment = b"\xff\xfe" + struct.pack(">H", len(comment) + 2) + comment
    return data[:2] + segment + data[2:]


def bmp() -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (8, 8)).save(out, "BMP")
    return out.getvalue()


def png_bomb(width: int, height: int) -> bytes:
    """A real PNG of width x height black pixels, a few hundred kilobytes compressed."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    compressor = zlib.compressobj(9)
    row = b"\x00" * (1 + width)  # filter byte + one greyscale byte a pixel
    idat = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
    b"<script>alert(1)</script></svg>"
)
HOSTILE = {
    # name: (bytes, uploaded file name, claimed content type, expected message)
    "html renamed .jpg": (
        b"<!DOCTYPE html><html><body>" + PAYLOAD + b"</body></html>",
        "anh.jpg",
        "image/jpeg",
        "Tệp không phải ảnh (có vẻ là HTML hoặc SVG).",
    ),
    "html with leading spaces": (
        b"\n\n   <html>" + PAYLOAD,
        "anh.png",
        "image/png",
        "Tệp không phải ảnh (có vẻ là HTML hoặc SVG).",
    ),
    "svg renamed .jpg": (SVG, "anh.jpg", "image/jpeg", "Tệp không phải ảnh"),
    "svg as image/svg+xml": (SVG, "bieu-do.svg", "image/svg+xml", "Tệp không phải ảnh"),
    "svg after a byte order mark": (
        b"\xef\xbb\xbf" + SVG,
        "anh.svg",
        "image/svg+xml",
        "Tệp không phải ảnh hoặc đã bị hỏng.",
    ),
    "gif header then script": (
        b"GIF89a/*" + b"\x00" * 8 + b"*/=1;" + PAYLOAD,
        "anh.gif",
        "image/gif",
        "Tệp không phải ảnh hoặc đã bị hỏng.",
    ),
    "decompression bomb": (
        png_bomb(8000, 8000),
        "anh.png",
        "image/png",
        "Ảnh có quá nhiều điểm ảnh.",
    ),
    "truncated jpeg": (jpeg()[:600], "anh.jpg", "image/jpeg", "Ảnh bị hỏng"),
    "zero bytes": (b"", "anh.jpg", "image/jpeg", "Tệp rỗng."),
    "pdf as image/jpeg": (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF",
        "anh.jpg",
        "image/jpeg",
        "Tệp không phải ảnh hoặc đã bị hỏng.",
    ),
    "bmp (not an accepted format)": (
        bmp(),
        "anh.jpg",
        "image/jpeg",
        "Định dạng BMP không được chấp nhận",
    ),
}


# Fixtures -------------------------------------------------------------------------------


@pytest.fixture
def reporter(db):
    user = User.objects.create_user(
        "phongvien", "pv@example.vn", PASSWORD, is_staff=True, full_name="Nguyễn Thu Trang"
    )
    user.groups.add(Group.objects.get(name=AUTHOR.name))
    return user


@pytest.fixture
def signed_in(client, reporter):
    client.force_login(reporter)
    return client


def stored_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def upload(client, data: bytes, name="anh-cua-toi.jpg", content_type="image/jpeg", **extra):
    return client.post(
        UPLOAD, {"upload": SimpleUploadedFile(name, data, content_type=content_type)}, **extra
    )


def refused(response, message: str) -> None:
    assert response.status_code in (400, 401, 403), response.status_code
    assert response["Content-Type"] == "application/json"
    body = response.json()
    # CKEditor 5's simpleUpload adapter shows error.message to the editor.
    assert set(body) == {"error"} and set(body["error"]) == {"message"}
    assert message in body["error"]["message"], body


# CKEditor's endpoint ---------------------------------------------------------------------


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_files_are_refused_in_vietnamese_and_nothing_is_stored(signed_in, media_root, case):
    data, name, content_type, message = HOSTILE[case]
    response = upload(signed_in, data, name=name, content_type=content_type)
    refused(response, message)
    assert stored_files(media_root) == []
    assert not Image.objects.exists()


def test_the_size_limit_holds_whatever_the_client_claims(signed_in, media_root, settings):
    settings.IMAGE_MAX_UPLOAD_BYTES = 1024 * 1024
    big = noise_png(700, 600)
    assert len(big) > settings.IMAGE_MAX_UPLOAD_BYTES
    for name, content_type in (("nho.gif", "image/gif"), ("anh.png", "image/png"), ("a", "")):
        refused(upload(signed_in, big, name=name, content_type=content_type), "Ảnh quá lớn")
    # A request that says it is shorter than it is: read only as far as it says, the
    # file never arrives whole and nothing is stored.
    response = signed_in.post(
        UPLOAD,
        {"upload": SimpleUploadedFile("anh.png", big, content_type="image/png")},
        CONTENT_LENGTH="4000",
    )
    refused(response, "Không nhận được tệp ảnh.")
    assert stored_files(media_root) == [] and not Image.objects.exists()
    # Exactly at the limit is fine.
    settings.IMAGE_MAX_UPLOAD_BYTES = len(big)
    assert upload(signed_in, big, name="anh.png", content_type="image/png").status_code == 200


def test_refusals_before_the_file_is_read(client, reporter, media_root):
    refused(upload(client, jpeg()), "đăng nhập lại")  # the session has ended
    nobody = User.objects.create_user("khach", password=PASSWORD)
    client.force_login(nobody)
    refused(upload(client, jpeg()), "Bạn không có quyền tải ảnh lên.")
    client.force_login(reporter)
    refused(client.post(UPLOAD, {"khac": "x"}), "Không nhận được tệp ảnh.")
    assert client.get(UPLOAD).status_code == 405
    assert stored_files(media_root) == []


def _stored_bytes(image: Image, media_root: Path) -> list[bytes]:
    names = [image.file.name]
    for by_width in image.renditions.values():
        names += list(by_width.values())
    return [(media_root / name).read_bytes() for name in names]


@pytest.mark.parametrize(
    ("case", "data", "content_type"),
    [
        ("jpeg with html appended", jpeg() + b"<html>" + PAYLOAD, "image/jpeg"),
        ("gif with html appended", gif() + PAYLOAD, "image/gif"),
        ("jpeg with script in a comment", jpeg_with_comment(PAYLOAD), "image/jpeg"),
        ("png with script in a text chunk", png_with_text(PAYLOAD), "image/png"),
        ("jpeg with script in its exif", jpeg(exif=exif_with(PAYLOAD)), "image/jpeg"),
    ],
)
def test_a_valid_picture_carrying_a_payload_is_stored_without_it(
    signed_in, media_root, case, data, content_type
):
    assert PAYLOAD in data
    response = upload(signed_in, data, name="<script>Ảnh của Trang.jpg", content_type=content_type)
    assert response.status_code == 200, response.content
    body = response.json()
    image = Image.objects.get(pk=body["image_id"])
    # A random name: nothing of the uploader's file name anywhere in the path.
    assert re.fullmatch(r"/media/images/renditions/[0-9a-f]{32}\.jpg", body["url"]), body
    assert re.fullmatch(r"images/original/[0-9a-f]{32}\.(jpg|png)", image.file.name)
    for path in (body["url"], image.file.name, *image.renditions["jpeg"].values()):
        assert "script" not in path and "Trang" not in path and "anh" not in path.lower()
    # Re-encoded: the stored bytes are not the uploaded ones and carry no payload.
    for content in _stored_bytes(image, media_root):
        assert content != data
        assert PAYLOAD not in content and b"<html>" not in content and b"Exif" not in content
        PILImage.open(io.BytesIO(content)).verify()
    assert len(stored_files(media_root)) == 1 + sum(len(v) for v in image.renditions.values())


def test_a_phone_photo_with_a_second_picture_is_stored_as_a_plain_jpeg(signed_in, media_root):
    first, second = PILImage.new("RGB", (64, 48), (200, 0, 0)), PILImage.new("L", (64, 48))
    out = io.BytesIO()
    first.save(out, "MPO", save_all=True, append_images=[second])
    assert PILImage.open(io.BytesIO(out.getvalue())).format == "MPO"
    response = upload(signed_in, out.getvalue(), name="IMG_2025.JPG")
    assert response.status_code == 200, response.content
    image = Image.objects.get(pk=response.json()["image_id"])
    with PILImage.open(media_root / image.file.name) as stored:
        assert stored.format == "JPEG" and getattr(stored, "n_frames", 1) == 1
        assert stored.getpixel((10, 10))[0] > 150  # the first picture, not the second


def test_two_uploads_of_the_same_file_get_unrelated_names(signed_in, media_root):
    first, second = (upload(signed_in, jpeg()).json()["url"] for _ in range(2))
    assert first != second
    assert first.rsplit("/", 1)[-1][:8] != second.rsplit("/", 1)[-1][:8]


# The workspace editor's featured image --------------------------------------------------


def _article_form(category, data: bytes, name: str, content_type: str) -> dict:
    return {
        "title": "Bài có ảnh đại diện",
        "sapo": "Sapo.",
        "body": "<p>Nội dung.</p>",
        "category": category.pk,
        "featured_upload": SimpleUploadedFile(name, data, content_type=content_type),
        "featured_alt": "Toàn cảnh hội nghị",
    }


@pytest.mark.parametrize("case", list(HOSTILE))
def test_the_featured_image_refuses_the_same_files(signed_in, media_root, category, case):
    data, name, content_type, message = HOSTILE[case]
    response = signed_in.post(
        reverse("workspace:article-create"), _article_form(category, data, name, content_type)
    )
    assert response.status_code == 200
    html = response.content.decode()
    if case == "zero bytes":
        # Django's own check answers first, in Vietnamese too.
        message = "trống"
    assert message in html, case
    assert 'value="Bài có ảnh đại diện"' in html  # the rest of the form is kept
    assert stored_files(media_root) == []
    assert not Image.objects.exists() and not Article.objects.exists()


def test_the_featured_image_has_the_same_size_limit(signed_in, media_root, category, settings):
    settings.IMAGE_MAX_UPLOAD_BYTES = 1024 * 1024
    big = noise_png(700, 600)
    response = signed_in.post(
        reverse("workspace:article-create"), _article_form(category, big, "nho.gif", "image/gif")
    )
    assert response.status_code == 200
    assert "Ảnh quá lớn: tối đa 1 MB." in response.content.decode()
    assert stored_files(media_root) == [] and not Image.objects.exists()


def test_the_featured_image_is_stored_reencoded_under_a_random_name(
    signed_in, media_root, category
):
    response = signed_in.post(
        reverse("workspace:article-create"),
        _article_form(category, jpeg() + PAYLOAD, "anh-cua-trang.jpg", "image/jpeg"),
    )
    assert response.status_code == 302
    image = Article.objects.get().featured_image
    assert re.fullmatch(r"images/original/[0-9a-f]{32}\.jpg", image.file.name)
    for content in _stored_bytes(image, media_root):
        assert PAYLOAD not in content


# Serving what was stored ----------------------------------------------------------------

# This module is the URLconf of the next test: what `make run` serves at /media/
# (django.conf.urls.static, DEBUG only), here without DEBUG, in front of the site.
urlpatterns: list = []


def test_django_serves_a_stored_picture_as_an_image_with_nosniff(signed_in, media_root):
    url = upload(signed_in, jpeg()).json()["url"]
    urlpatterns[:] = [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": str(media_root)}),
        re_path(r"^", include("cms.urls")),
    ]
    with override_settings(ROOT_URLCONF=__name__):
        response = signed_in.get(url)
    content = b"".join(response.streaming_content)
    response.close()
    assert response.status_code == 200 and content.startswith(b"\xff\xd8")
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"


def _media_location(conf: str) -> str:
    match = re.search(r"location /media/ \{(.*?)\n        \}", conf, re.S)
    assert match, "bench/nginx.conf serves /media/"
    return match.group(1)


def test_the_documented_nginx_serves_media_with_nosniff_and_no_active_content():
    media = _media_location(NGINX_CONF.read_text())
    assert re.search(r'add_header X-Content-Type-Options "?nosniff"? always;', media)
    csp = re.search(r"add_header Content-Security-Policy \"([^\"]+)\" always;", media)
    assert csp and csp.group(1).startswith("default-src 'none'")
    # Nothing but pictures and documents is ever stored; anything else is not served
    # as something a browser would run.
    assert "default_type application/octet-stream;" in media
    operations = (ROOT / "docs" / "OPERATIONS.md").read_text()
    assert "X-Content-Type-Options" in operations and "default-src 'none'" in operations
    # The body limit lets the largest upload the app accepts through.
    limit = re.search(r"client_max_body_size (\d+)m;", NGINX_CONF.read_text())
    assert limit and int(limit.group(1)) * 1024 * 1024 > max(
        settings.IMAGE_MAX_UPLOAD_BYTES, settings.DOCUMENT_MAX_UPLOAD_BYTES
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.skipif(shutil.which("nginx") is None, reason="cần nginx")
def test_nginx_as_documented_serves_an_upload_with_the_right_headers():
    # Not under pytest's tmp_path: nginx's workers (www-data) must reach the files.
    run = Path(tempfile.mkdtemp(prefix="toasoan-nginx-"))
    media = run / "media"
    (media / "images").mkdir(parents=True)
    picture = media / "images" / "a3f9.jpg"
    picture.write_bytes(jpeg())
    (media / "images" / "la.html").write_bytes(b"<html>" + PAYLOAD)
    for path in (run, media, media / "images", *media.rglob("*")):
        path.chmod(0o755 if path.is_dir() else 0o644)
    port = _free_port()
    conf = NGINX_CONF.read_text()
    for key, value in {
        "@RUN@": str(run),
        "@APP@": f"127.0.0.1:{_free_port()}",
        "@LISTEN@": f"127.0.0.1:{port}",
        "@STATIC_LISTEN@": f"127.0.0.1:{_free_port()}",
        "@STATIC_DIR@": str(run),
        "@STATIC_ROOT@": str(run),
        "@MEDIA_ROOT@": str(media),
    }.items():
        conf = conf.replace(key, value)
    (run / "nginx.conf").write_text(conf)
    process = subprocess.Popen(
        ["nginx", "-c", str(run / "nginx.conf"), "-p", str(run)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/media/images/"

    def fetch(name: str) -> tuple[int, dict, bytes]:
        with urllib.request.urlopen(base + name) as response:
            return response.status, response.headers, response.read()

    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                status, headers, content = fetch("a3f9.jpg")
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    log = run / "nginx-error.log"
                    pytest.fail(
                        f"nginx did not start: {log.read_text()[-500:] if log.exists() else ''}"
                    )
                time.sleep(0.1)
        assert status == 200 and content == picture.read_bytes()
        assert headers["Content-Type"] == "image/jpeg"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Content-Security-Policy"].startswith("default-src 'none'")
        # A file that should never be there is still not served as a page.
        _status, headers, _content = fetch("la.html")
        assert headers["Content-Type"] == "application/octet-stream"
        assert headers["Content-Security-Policy"].startswith("default-src 'none'")
        assert headers["X-Content-Type-Options"] == "nosniff"
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(run, ignore_errors=True)
