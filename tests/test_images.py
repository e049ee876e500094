"""Uploaded images: checked, re-encoded without metadata, stored under a random name,
resized once into JPEG and WebP renditions."""

from __future__ import annotations

import io
import re
import struct
import zlib
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags
from PIL import Image as PILImage

from images.models import Image
from images.processing import ImageRejected, clean_image, make_renditions
from images.services import attach_clean_image, store_image

# --- building test pictures ------------------------------------------------------------


def picture_bytes(fmt="JPEG", size=(1600, 1000), mode="RGB", color=(200, 30, 30), **save):
    image = PILImage.new(mode, size, color)
    # Some detail, so that encoders do real work and resizing is visible.
    for x in range(0, size[0], 7):
        for y in range(0, size[1], 97):
            image.putpixel((x, y), (20, 20, 200) if mode == "RGB" else (20, 20, 200, 255))
    out = io.BytesIO()
    image.save(out, fmt, **save)
    return out.getvalue()


def jpeg_with_gps() -> bytes:
    exif = PILImage.Exif()
    exif[ExifTags.Base.Make] = "Canon"
    exif[ExifTags.Base.Model] = "EOS 5D"
    exif[ExifTags.Base.ImageDescription] = "Ảnh hội nghị tại Hội trường UBND tỉnh"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (20.0, 32.0, 30.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (105.0, 54.0, 50.0)
    return picture_bytes("JPEG", size=(800, 600), exif=exif)


def upload(data: bytes, name="anh-hoi-nghi.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def png_header_claiming(width: int, height: int) -> bytes:
    """A tiny, well-formed PNG whose header claims width x height pixels."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body))
            + kind
            + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def opened(data: bytes) -> PILImage.Image:
    image = PILImage.open(io.BytesIO(data))
    image.load()
    return image


# --- accepted ----------------------------------------------------------------------------


def test_jpeg_is_accepted_and_reencoded():
    original = picture_bytes("JPEG", size=(1200, 800), quality=100)
    clean = clean_image(upload(original))
    assert clean.extension == "jpg"
    assert (clean.width, clean.height) == (1200, 800)
    assert clean.content != original
    result = opened(clean.content)
    assert result.format == "JPEG"
    assert result.size == (1200, 800)


def test_png_stays_lossless_png():
    original = picture_bytes("PNG", size=(300, 200))
    clean = clean_image(upload(original, name="bieu-do.png", content_type="image/png"))
    assert clean.extension == "png"
    result = opened(clean.content).convert("RGB")
    assert result.tobytes() == opened(original).convert("RGB").tobytes()


def test_transparent_png_keeps_its_transparency():
    original = picture_bytes("PNG", size=(100, 100), mode="RGBA", color=(0, 0, 0, 0))
    clean = clean_image(upload(original, name="logo.png", content_type="image/png"))
    result = opened(clean.content)
    assert clean.extension == "png"
    assert result.mode == "RGBA"
    assert result.getpixel((1, 1))[3] == 0


def test_sixteen_bit_greyscale_scan_keeps_its_tones():
    scan = PILImage.new("I;16", (64, 64))
    scan.putdata([x * 1024 for _ in range(64) for x in range(64)])  # black to white
    out = io.BytesIO()
    scan.save(out, "PNG")
    clean = clean_image(upload(out.getvalue(), name="van-ban-scan.png", content_type="image/png"))
    result = opened(clean.content).convert("L")
    assert result.getpixel((0, 5)) < 10  # black stays black
    assert 100 < result.getpixel((32, 5)) < 160  # mid-grey stays mid-grey, not white
    assert result.getpixel((63, 5)) > 240


def test_webp_and_gif_are_accepted():
    webp = clean_image(upload(picture_bytes("WEBP", size=(320, 200)), name="a.webp"))
    gif = clean_image(upload(picture_bytes("GIF", size=(64, 64)), name="a.gif"))
    assert opened(webp.content).format == "JPEG"
    assert opened(gif.content).format in {"JPEG", "PNG"}
    assert (gif.width, gif.height) == (64, 64)


def test_gps_and_other_exif_are_removed():
    original = jpeg_with_gps()
    # The test picture really carries the location.
    before = opened(original).getexif()
    assert before.get_ifd(ExifTags.IFD.GPSInfo)[ExifTags.GPS.GPSLatitudeRef] == "N"
    assert before[ExifTags.Base.Make] == "Canon"

    clean = clean_image(upload(original))
    after = opened(clean.content)
    assert "exif" not in after.info
    assert not after.getexif()
    assert not after.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert b"Exif" not in clean.content
    assert b"Canon" not in clean.content
    assert "Hội trường".encode() not in clean.content


def test_exif_orientation_is_applied_before_it_is_dropped():
    exif = PILImage.Exif()
    exif[ExifTags.Base.Orientation] = 6  # taken with the phone turned: rotate 90°
    original = picture_bytes("JPEG", size=(400, 200), exif=exif)
    clean = clean_image(upload(original))
    assert (clean.width, clean.height) == (200, 400)
    assert opened(clean.content).size == (200, 400)


def test_data_after_the_image_is_not_kept():
    payload = b"<script>alert(1)</script><?php system($_GET['c']); ?>"
    clean = clean_image(upload(picture_bytes("JPEG", size=(200, 100)) + payload))
    assert b"<script>" not in clean.content
    assert b"<?php" not in clean.content


def test_stored_file_has_a_random_name_and_no_metadata(media_root):
    """attach_clean_image is what both the admin and the editor upload go through."""
    name = "Bao-cao-mat-cua-So-Noi-vu.jpg"
    first, second = Image(alt_text="Đại biểu dự hội nghị"), Image(alt_text="Đại biểu")
    attach_clean_image(first, clean_image(upload(jpeg_with_gps(), name=name)))
    attach_clean_image(second, clean_image(upload(jpeg_with_gps(), name=name)))
    for image in (first, second):
        stored = Path(image.file.path)
        assert stored.is_file()
        assert stored.is_relative_to(media_root)
        assert image.file.name.startswith("images/original/")
        assert "bao" not in image.file.name.lower() and "noi-vu" not in image.file.name.lower()
        assert stored.suffix == ".jpg"
        assert re.fullmatch(r"[0-9a-f]{32}", stored.stem)
        assert len(image.sha256) == 64
    assert first.file.name != second.file.name
    stored_bytes = Path(first.file.path).read_bytes()
    assert b"Canon" not in stored_bytes
    assert not opened(stored_bytes).getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert opened(stored_bytes).size == (800, 600)


def test_uploaded_path_is_ignored(media_root):
    image = Image(alt_text="x")
    attach_clean_image(
        image,
        clean_image(upload(picture_bytes("PNG", size=(50, 50)), name="../../../etc/passwd.png")),
    )
    assert Path(image.file.path).resolve().is_relative_to(media_root.resolve())
    assert "passwd" not in image.file.name


@pytest.mark.django_db
def test_store_image_saves_the_picture_with_its_size(media_root):
    # Regression: attach_clean_image saved an unnamed ContentFile, from which Django 5.1+
    # reads the dimensions, so width/height became None and every upload failed.
    image = store_image(
        upload(jpeg_with_gps(), name="anh-hoi-nghi.jpg"),
        alt_text="Đại biểu dự hội nghị",
        caption="Các đại biểu dự hội nghị tại điểm cầu Hà Nam",
    )
    image = Image.objects.get(pk=image.pk)
    assert (image.width, image.height) == (800, 600)
    assert image.alt_text == "Đại biểu dự hội nghị"
    assert Path(image.file.path).is_file()
    assert "anh-hoi-nghi" not in image.file.name
    assert sorted(image.renditions["webp"], key=int) == ["320", "640", "800"]


# --- rejected ----------------------------------------------------------------------------

REJECTIONS = [
    ("text", b"Day khong phai la anh, chi la chu. " * 20, "a.jpg", "Tệp không phải ảnh"),
    ("zip", b"PK\x03\x04" + b"\x00" * 200, "a.jpg", "Tệp không phải ảnh"),
    (
        "html",
        b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>",
        "anh.jpg",
        "có vẻ là HTML hoặc SVG",
    ),
    (
        "svg-as-jpg",
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>',
        "anh.jpg",
        "có vẻ là HTML hoặc SVG",
    ),
    (
        "svg-with-xml-declaration",
        b'\n  <?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>',
        "anh.png",
        "có vẻ là HTML hoặc SVG",
    ),
    ("empty", b"", "a.jpg", "Tệp rỗng."),
]


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [r[1:] for r in REJECTIONS],
    ids=[r[0] for r in REJECTIONS],
)
def test_non_images_are_rejected(data, name, message):
    with pytest.raises(ImageRejected) as caught:
        clean_image(upload(data, name=name))
    assert message in str(caught.value)


def test_truncated_jpeg_is_rejected():
    data = picture_bytes("JPEG", size=(800, 600))
    with pytest.raises(ImageRejected) as caught:
        clean_image(upload(data[: len(data) // 2]))
    assert str(caught.value) in {
        "Ảnh bị hỏng hoặc không đọc được đầy đủ.",
        "Tệp không phải ảnh hoặc đã bị hỏng.",
    }


def test_truncated_png_is_rejected():
    data = picture_bytes("PNG", size=(400, 300))
    with pytest.raises(ImageRejected) as caught:
        clean_image(upload(data[: len(data) // 2], name="a.png"))
    assert "hỏng" in str(caught.value)


@pytest.mark.parametrize("fmt", ["BMP", "TIFF", "ICO"])
def test_other_image_formats_are_refused(fmt):
    data = picture_bytes(fmt, size=(32, 32))
    with pytest.raises(ImageRejected) as caught:
        clean_image(upload(data, name=f"a.{fmt.lower()}"))
    assert str(caught.value) == (
        f"Định dạng {fmt} không được chấp nhận; hãy dùng JPEG, PNG, WebP hoặc GIF."
    )


def test_decompression_bomb_header_is_rejected():
    data = png_header_claiming(100_000, 100_000)
    assert len(data) < 200
    with pytest.raises(ImageRejected) as caught:
        clean_image(upload(data, name="bom.png"))
    assert str(caught.value) == "Ảnh có quá nhiều điểm ảnh."


@pytest.mark.parametrize("limit", [100, 300, 399])
def test_pixel_limit_comes_from_settings(settings, limit):
    settings.IMAGE_MAX_PIXELS = limit
    data = picture_bytes("PNG", size=(20, 20))  # 400 pixels
    with pytest.raises(ImageRejected) as caught:
        clean_image(upload(data, name="a.png"))
    assert str(caught.value) == "Ảnh có quá nhiều điểm ảnh."


def test_pixel_limit_allows_what_fits(settings):
    settings.IMAGE_MAX_PIXELS = 400
    assert clean_image(upload(picture_bytes("PNG", size=(20, 20)), name="a.png")).width == 20


def test_pixel_limit_does_not_leak_into_pillow(settings):
    before = PILImage.MAX_IMAGE_PIXELS
    settings.IMAGE_MAX_PIXELS = 100
    with pytest.raises(ImageRejected):
        clean_image(upload(picture_bytes("PNG", size=(20, 20)), name="a.png"))
    assert before == PILImage.MAX_IMAGE_PIXELS


def test_upload_over_the_size_limit_is_rejected(settings):
    settings.IMAGE_MAX_UPLOAD_BYTES = 1024 * 1024
    data = picture_bytes("PNG", size=(20, 20)) + b"\x00" * (1024 * 1024)
    with pytest.raises(ImageRejected) as caught:
        clean_image(upload(data, name="a.png"))
    assert str(caught.value) == "Ảnh quá lớn: tối đa 1 MB."


@pytest.mark.django_db
def test_rejected_upload_stores_nothing(media_root):
    with pytest.raises(ImageRejected):
        store_image(upload(b"<html></html>", name="a.jpg"), alt_text="x")
    assert not Image.objects.exists()
    assert not any(p.is_file() for p in media_root.rglob("*"))


# --- renditions ----------------------------------------------------------------------------


def test_renditions_in_jpeg_and_webp_at_every_smaller_width(media_root, settings):
    settings.IMAGE_RENDITION_WIDTHS = [320, 640, 960, 1280]
    clean = clean_image(upload(picture_bytes("JPEG", size=(1600, 1000))))
    renditions = make_renditions(clean.content)
    assert set(renditions) == {"jpeg", "webp"}
    for fmt, pil_format in (("jpeg", "JPEG"), ("webp", "WEBP")):
        assert sorted(renditions[fmt], key=int) == ["320", "640", "960", "1280"]
        for width, name in renditions[fmt].items():
            path = media_root / name
            assert path.is_file()
            result = opened(path.read_bytes())
            assert result.format == pil_format
            assert result.width == int(width)
            assert result.height == round(1000 * int(width) / 1600)
            assert path.stat().st_size < len(clean.content)
    assert len({*renditions["jpeg"].values(), *renditions["webp"].values()}) == 8


def test_renditions_never_enlarge_a_small_picture(media_root, settings):
    settings.IMAGE_RENDITION_WIDTHS = [320, 640, 960, 1280]
    clean = clean_image(upload(picture_bytes("JPEG", size=(500, 300))))
    renditions = make_renditions(clean.content)
    assert sorted(renditions["jpeg"], key=int) == ["320", "500"]
    assert sorted(renditions["webp"], key=int) == ["320", "500"]
    tiny = make_renditions(clean_image(upload(picture_bytes("JPEG", size=(100, 80)))).content)
    assert list(tiny["jpeg"]) == ["100"]
    assert opened((media_root / tiny["webp"]["100"]).read_bytes()).size == (100, 80)


def test_srcset_and_rendition_urls(media_root, settings):
    settings.IMAGE_RENDITION_WIDTHS = [320, 640, 960, 1280]
    image = Image(alt_text="Hội nghị")
    attach_clean_image(image, clean_image(upload(picture_bytes("JPEG", size=(1000, 600)))))
    srcset = image.srcset("webp").split(", ")
    assert [entry.split(" ")[1] for entry in srcset] == ["320w", "640w", "960w", "1000w"]
    assert all(entry.startswith("/media/images/renditions/") for entry in srcset)
    assert all(entry.split(" ")[0].endswith(".webp") for entry in srcset)
    assert image.rendition_url(700).endswith(image.renditions["jpeg"]["960"])
    assert image.rendition_url(5000).endswith(image.renditions["jpeg"]["1000"])
    for name in image.renditions["jpeg"].values():
        assert (media_root / name).is_file()


def test_rendition_url_without_renditions_is_the_original(media_root):
    image = Image(alt_text="x", file="images/original/abc.jpg", width=10, height=10)
    assert image.rendition_url(640) == "/media/images/original/abc.jpg"
    assert image.srcset() == ""


def test_transparent_png_renditions_do_not_turn_black(media_root, settings):
    settings.IMAGE_RENDITION_WIDTHS = [320]
    logo = PILImage.new("RGBA", (640, 400), (0, 0, 0, 0))  # fully transparent…
    for x in range(200, 440):
        for y in range(100, 300):
            logo.putpixel((x, y), (200, 20, 20, 255))  # …around a red box
    out = io.BytesIO()
    logo.save(out, "PNG")
    clean = clean_image(upload(out.getvalue(), name="logo.png", content_type="image/png"))
    renditions = make_renditions(clean.content)
    for fmt in ("jpeg", "webp"):
        for name in renditions[fmt].values():
            corner = opened((media_root / name).read_bytes()).convert("RGBA").getpixel((2, 2))
            # Transparent, or composited on a light background: never black.
            assert corner[3] == 0 or min(corner[:3]) > 200, (fmt, corner)
