"""Featured images for the demo content, drawn with Pillow.

No photograph came with the demo articles, and a stock photo of a real meeting would
pass for a record of one. These pictures are plainly drawings: flat shapes in the
colours of the site, each marked "Ảnh minh họa" in a corner.
"""

from __future__ import annotations

import functools
import io
import math
import random
from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1600, 900
LABEL = "Ảnh minh họa"
# Fonts that have the Vietnamese letters; Pillow's built-in font does not.
LABEL_FONTS = ("DejaVuSans.ttf", "NotoSans-Regular.ttf", "LiberationSans-Regular.ttf", "Arial.ttf")

RGB = tuple[int, int, int]


@dataclass(frozen=True)
class Palette:
    dark: RGB
    mid: RGB
    accent: RGB
    light: RGB


PALETTES = {
    "red": Palette((104, 10, 16), (172, 26, 30), (232, 186, 82), (250, 228, 166)),
    "navy": Palette((14, 28, 66), (34, 66, 128), (224, 182, 92), (240, 226, 184)),
    "green": Palette((16, 66, 46), (42, 118, 78), (236, 202, 112), (238, 236, 202)),
    "teal": Palette((8, 48, 66), (18, 108, 128), (126, 218, 228), (218, 244, 248)),
    "brown": Palette((66, 36, 20), (138, 88, 48), (230, 190, 120), (246, 230, 200)),
    "maroon": Palette((76, 14, 30), (146, 38, 58), (240, 208, 158), (250, 240, 226)),
}


def _rgba(color: RGB, alpha: int) -> tuple[int, int, int, int]:
    return (*color, alpha)


def _gradient(top: RGB, bottom: RGB) -> Image.Image:
    # A 256-step ramp stretched to size: far cheaper than drawing 900 lines.
    ramp = Image.linear_gradient("L").resize((WIDTH, HEIGHT))
    return Image.composite(
        Image.new("RGB", (WIDTH, HEIGHT), bottom), Image.new("RGB", (WIDTH, HEIGHT), top), ramp
    )


def _star(cx: float, cy: float, outer: float, inner: float, rotation: float = -90) -> list:
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = math.radians(rotation + i * 36)
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


def _draw_hall(draw: ImageDraw.ImageDraw, p: Palette, rng: random.Random) -> None:
    """A conference hall seen from the back: stage, backdrop with a star, rows of seats."""
    draw.rectangle((0, 0, WIDTH, 120), fill=_rgba(p.dark, 140))
    draw.rectangle(
        (260, 90, 1340, 430), fill=_rgba(p.mid, 255), outline=_rgba(p.accent, 255), width=6
    )
    draw.polygon(_star(800, 230, 95, 38), fill=_rgba(p.accent, 255))
    for y in (360, 380):
        draw.line((420, y, 1180, y), fill=_rgba(p.light, 150), width=6)
    draw.rounded_rectangle((360, 450, 1240, 510), radius=10, fill=_rgba(p.dark, 235))
    draw.line((360, 452, 1240, 452), fill=_rgba(p.accent, 255), width=4)
    for x in range(420, 1200, 70):
        draw.ellipse((x, 432, x + 22, 454), fill=_rgba(p.light, 210))
    for row in range(7):
        y = 560 + row * 50 + row * row * 3
        seat = 36 + row * 7
        gap = 8 + row
        count = (WIDTH + gap) // (seat + gap) + 1
        offset = -rng.randint(0, seat)
        for i in range(count):
            x = offset + i * (seat + gap)
            draw.rounded_rectangle(
                (x, y, x + seat, y + 26 + row * 3), radius=8, fill=_rgba(p.dark, 200 + row * 5)
            )
            draw.line((x + 4, y + 3, x + seat - 4, y + 3), fill=_rgba(p.accent, 120), width=2)


def _draw_rays(draw: ImageDraw.ImageDraw, p: Palette, rng: random.Random) -> None:
    """Light rising from the horizon, with a star above it."""
    cx, cy = rng.randint(600, 1000), HEIGHT + 60
    for i in range(0, 36, 2):
        a1, a2 = math.radians(180 + i * 5), math.radians(180 + (i + 1) * 5)
        far = 2200
        draw.polygon(
            [
                (cx, cy),
                (cx + far * math.cos(a1), cy + far * math.sin(a1)),
                (cx + far * math.cos(a2), cy + far * math.sin(a2)),
            ],
            fill=_rgba(p.accent, 46),
        )
    for radius, alpha in ((420, 60), (300, 90), (200, 255)):
        draw.ellipse(
            (cx - radius, cy - radius, cx + radius, cy + radius), fill=_rgba(p.accent, alpha)
        )
    draw.polygon(_star(cx, 250, 110, 44), fill=_rgba(p.light, 255))


def _wave(y0: float, amplitude: float, phase: float, thickness: float) -> list:
    top = [(x, y0 + amplitude * math.sin(x / 260 + phase)) for x in range(-20, WIDTH + 41, 40)]
    bottom = [(x, y + thickness + 12 * math.sin(x / 180 + phase)) for x, y in reversed(top)]
    return top + bottom


def _draw_waves(draw: ImageDraw.ImageDraw, p: Palette, rng: random.Random) -> None:
    """Ribbons like a flag in the wind."""
    phase = rng.uniform(0, math.tau)
    for i in range(6):
        colour = p.accent if i % 2 == 0 else p.light
        draw.polygon(
            _wave(180 + i * 105, 70 + i * 8, phase + i * 0.5, 46 + i * 6),
            fill=_rgba(colour, 70 + i * 25),
        )
    draw.polygon(_star(1320, 170, 70, 28), fill=_rgba(p.accent, 255))


def _draw_network(draw: ImageDraw.ImageDraw, p: Palette, rng: random.Random) -> None:
    """Connected nodes over a grid: the digital theme."""
    for x in range(0, WIDTH, 80):
        draw.line((x, 0, x, HEIGHT), fill=_rgba(p.light, 18), width=1)
    for y in range(0, HEIGHT, 80):
        draw.line((0, y, WIDTH, y), fill=_rgba(p.light, 18), width=1)
    nodes = [(rng.randint(40, WIDTH - 40), rng.randint(40, HEIGHT - 40)) for _ in range(46)]
    for i, (x1, y1) in enumerate(nodes):
        for x2, y2 in nodes[i + 1 :]:
            if math.dist((x1, y1), (x2, y2)) < 260:
                draw.line((x1, y1, x2, y2), fill=_rgba(p.accent, 90), width=2)
    for x, y in nodes:
        r = rng.choice((6, 8, 12))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=_rgba(p.light, 230))
    cx, cy = WIDTH // 2, HEIGHT // 2
    for radius in (150, 230, 310):
        draw.ellipse(
            (cx - radius, cy - radius, cx + radius, cy + radius),
            outline=_rgba(p.accent, 140),
            width=3,
        )


def _draw_book(draw: ImageDraw.ImageDraw, p: Palette, rng: random.Random) -> None:
    """An open book with light rising from its pages: study and documents."""
    cx = WIDTH // 2
    rays = rng.choice((11, 13, 15))
    for i in range(rays):
        angle = math.radians(200 + i * 140 / (rays - 1))
        draw.line(
            (cx, 520, cx + 900 * math.cos(angle), 520 + 900 * math.sin(angle)),
            fill=_rgba(p.accent, 60),
            width=14,
        )
    left = [(cx, 540), (cx - 520, 470), (cx - 540, 800), (cx, 860)]
    right = [(cx, 540), (cx + 520, 470), (cx + 540, 800), (cx, 860)]
    for page in (left, right):
        draw.polygon(page, fill=_rgba(p.light, 245), outline=_rgba(p.accent, 255))
    for i in range(1, 8):
        t = i / 8
        for side in (-1, 1):
            x_in, x_out = cx + side * 40, cx + side * (480 + 20 * t)
            y_in, y_out = 540 + 320 * t, 470 + 330 * t
            draw.line((x_in, y_in, x_out, y_out), fill=_rgba(p.mid, 120), width=3)
    draw.line((cx, 540, cx, 860), fill=_rgba(p.dark, 200), width=5)
    draw.polygon(_star(cx, 250, 80, 32), fill=_rgba(p.accent, 255))


def _draw_fields(draw: ImageDraw.ImageDraw, p: Palette, rng: random.Random) -> None:
    """Hills and fields under a low sun: the countryside."""
    sun_x = rng.randint(300, 1300)
    for radius, alpha in ((230, 50), (150, 255)):
        draw.ellipse(
            (sun_x - radius, 300 - radius, sun_x + radius, 300 + radius),
            fill=_rgba(p.accent, alpha),
        )
    for i, colour in enumerate((p.mid, p.dark, p.mid, p.dark)):
        base = 470 + i * 110
        phase = rng.uniform(0, math.tau)
        ridge = [
            (x, base + 40 * math.sin(x / (300 + 60 * i) + phase))
            for x in range(-20, WIDTH + 41, 40)
        ]
        draw.polygon([*ridge, (WIDTH + 40, HEIGHT), (-20, HEIGHT)], fill=_rgba(colour, 235))
        for x, y in ridge[::2]:
            draw.line((x, y + 20, x + 30, y + 70), fill=_rgba(p.accent, 60), width=3)


def _draw_drum(draw: ImageDraw.ImageDraw, p: Palette, rng: random.Random) -> None:
    """The face of a bronze drum: rings around a many-pointed star."""
    cx, cy = rng.choice((560, 800, 1040)), 450
    for radius in range(560, 60, -70):
        draw.ellipse(
            (cx - radius, cy - radius, cx + radius, cy + radius),
            outline=_rgba(p.accent, 170),
            width=4,
        )
        for k in range(0, 360, 6):
            a = math.radians(k + radius)
            r1, r2 = radius - 18, radius - 8
            draw.line(
                (
                    cx + r1 * math.cos(a),
                    cy + r1 * math.sin(a),
                    cx + r2 * math.cos(a),
                    cy + r2 * math.sin(a),
                ),
                fill=_rgba(p.light, 90),
                width=2,
            )
    rays = []
    for i in range(28):
        radius = 120 if i % 2 == 0 else 36
        a = math.radians(i * 360 / 28)
        rays.append((cx + radius * math.cos(a), cy + radius * math.sin(a)))
    draw.polygon(rays, fill=_rgba(p.accent, 255))


# What each picture shows, for its alt text.
MOTIF_DESCRIPTIONS = {
    "hall": "hội trường cách điệu với sân khấu có ngôi sao và các hàng ghế",
    "rays": "những tia sáng tỏa lên từ đường chân trời, phía trên là một ngôi sao",
    "waves": "những dải lụa uốn lượn như lá cờ trong gió và một ngôi sao",
    "network": "mạng lưới các điểm nối với nhau trên nền ô lưới, gợi chủ đề chuyển đổi số",
    "book": "cuốn sách mở với những tia sáng tỏa lên và một ngôi sao",
    "fields": "những lớp đồi ruộng dưới vầng mặt trời",
    "drum": "mặt trống đồng cách điệu với các vòng tròn đồng tâm quanh ngôi sao nhiều cánh",
}
PALETTE_DESCRIPTIONS = {
    "red": "đỏ sẫm và vàng",
    "navy": "xanh lam đậm và vàng",
    "green": "xanh lá và vàng nhạt",
    "teal": "xanh ngọc",
    "brown": "nâu và vàng đồng",
    "maroon": "đỏ mận và kem",
}

MOTIFS = {
    "hall": _draw_hall,
    "rays": _draw_rays,
    "waves": _draw_waves,
    "network": _draw_network,
    "book": _draw_book,
    "fields": _draw_fields,
    "drum": _draw_drum,
}


@functools.cache
def _label_font(size: int) -> ImageFont.FreeTypeFont | None:
    for name in LABEL_FONTS:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return None


def _draw_label(canvas: Image.Image) -> None:
    font = _label_font(24)
    if font is None:
        # Without a Vietnamese font the label would be boxes; the caption says it anyway.
        return
    draw = ImageDraw.Draw(canvas, "RGBA")
    left, top, right, bottom = draw.textbbox((0, 0), LABEL, font=font)
    x, y = WIDTH - (right - left) - 36, HEIGHT - (bottom - top) - 30
    draw.rounded_rectangle(
        (x - 12, y - 8, x + right - left + 12, y + bottom + 6), radius=6, fill=(0, 0, 0, 110)
    )
    draw.text((x - left, y), LABEL, font=font, fill=(255, 255, 255, 235))


def draw_illustration(motif: str, palette: str, seed: str) -> Image.Image:
    """A 1600×900 picture; the same arguments always give the same picture."""
    colours = PALETTES[palette]
    rng = random.Random(seed)  # seeded, not secret  # nosec B311
    canvas = _gradient(colours.dark, colours.mid)
    # An "RGBA" drawer on an RGB image blends each shape into what is already there.
    MOTIFS[motif](ImageDraw.Draw(canvas, "RGBA"), colours, rng)
    _draw_label(canvas)
    return canvas


def describe_illustration(motif: str, palette: str) -> str:
    """Alt text for the picture draw_illustration makes."""
    return (
        f"Hình vẽ minh họa: {MOTIF_DESCRIPTIONS[motif]}, tông màu {PALETTE_DESCRIPTIONS[palette]}."
    )


def illustration_upload(motif: str, palette: str, seed: str) -> SimpleUploadedFile:
    """The picture as an upload, for images.services.store_image to check like any other."""
    buffer = io.BytesIO()
    draw_illustration(motif, palette, seed).save(buffer, "JPEG", quality=90)
    return SimpleUploadedFile(f"{seed}.jpg", buffer.getvalue(), content_type="image/jpeg")
