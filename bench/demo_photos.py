"""Draw the demo site's photos and the theme's neutral social image with Pillow.

    python bench/demo_photos.py          # writes the photos in content/ and the social image
    python bench/demo_photos.py --check  # exits 1 if a file differs from what it draws

The pictures are drawn here (flat scenes: sky, water, land, buildings, boats, people),
so the project owns them and may publish them; nothing is downloaded or hot-linked.
Drawing is seeded: the same files every run (for the same Pillow version).

Both layouts of docs/photos.md are shown:

- beside the release: ``2024-03-12-banjir-....jpg`` (the lead), ``-2.jpg``, ``-3.jpg``,
  and single lead photos of three other releases;
- a folder per release: ``2024-10-03-berau-.../`` holds the release, its lead photo
  (named like it) and ``dermaga-tanjung-batu.jpg``, which is stored sideways with an
  EXIF orientation, as a phone does (the site shows it upright).
"""

from __future__ import annotations

import argparse
import io
import math
import random
import sys
from collections.abc import Callable
from pathlib import Path

from PIL import ExifTags, Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
SOCIAL = ROOT / "theme" / "static" / "img" / "social.png"
SIZE = (1800, 1200)
QUALITY = 80

BRAND = (11, 59, 96)  # --pr-colour-brand
ACCENT = (200, 16, 46)  # --pr-colour-accent


def gradient(size: tuple[int, int], top, bottom) -> Image.Image:
    """A vertical gradient from colour `top` to colour `bottom`."""
    column = Image.new("RGB", (1, 256))
    for y in range(256):
        column.putpixel(
            (0, y), tuple(round(a + (b - a) * y / 255) for a, b in zip(top, bottom, strict=True))
        )
    return column.resize(size, Image.BILINEAR)


def grain(image: Image.Image, seed: int, amount: float = 0.05) -> Image.Image:
    """A little soft noise, so the picture compresses like a photo, not a drawing."""
    rnd = random.Random(seed)
    w, h = image.size
    noise = Image.frombytes("L", (w // 4, h // 4), rnd.randbytes((w // 4) * (h // 4)))
    noise = noise.resize(image.size, Image.BICUBIC).convert("RGB")
    return Image.blend(image, noise, amount).filter(ImageFilter.GaussianBlur(0.6))


def person(draw: ImageDraw.ImageDraw, x: int, ground: int, height: int, colour) -> None:
    """A standing figure whose feet touch `ground`."""
    head = height // 7
    draw.ellipse(
        (x - head // 2, ground - height, x + head // 2, ground - height + head), fill=(92, 62, 45)
    )
    draw.rounded_rectangle(
        (x - head * 0.8, ground - height + head, x + head * 0.8, ground - height * 0.45),
        radius=head // 3, fill=colour,
    )  # fmt: skip
    draw.rectangle(
        (x - head * 0.6, ground - height * 0.45, x + head * 0.6, ground), fill=(40, 40, 60)
    )


def boat(draw: ImageDraw.ImageDraw, x: int, y: int, length: int, colour) -> None:
    draw.polygon(
        [(x, y), (x + length, y), (x + length * 0.85, y + length * 0.18),
         (x + length * 0.12, y + length * 0.18)],
        fill=colour,
    )  # fmt: skip


def flood(seed: int) -> Image.Image:
    """A flooded street: houses standing in brown water, a rescue boat with people."""
    rnd = random.Random(seed)
    image = gradient(SIZE, (150, 170, 190), (215, 220, 225))
    draw = ImageDraw.Draw(image)
    water = 760
    for i in range(7):
        x = 60 + i * 260 + rnd.randint(-30, 30)
        w, h = rnd.randint(200, 240), rnd.randint(260, 360)
        wall = rnd.choice([(214, 196, 160), (190, 205, 200), (230, 220, 200)])
        draw.rectangle((x, water - h, x + w, water + 40), fill=wall)
        draw.polygon(
            [(x - 20, water - h), (x + w // 2, water - h - 110), (x + w + 20, water - h)],
            fill=(150, 60, 40),
        )
        draw.rectangle((x + 40, water - h + 70, x + 100, water - h + 140), fill=(80, 90, 100))
    draw.rectangle((0, water, SIZE[0], SIZE[1]), fill=(128, 104, 70))
    for y in range(water + 20, SIZE[1], 36):
        for x in range(rnd.randint(0, 80), SIZE[0], 160):
            draw.line((x, y, x + 70, y), fill=(150, 126, 90), width=4)
    boat(draw, 620, 880, 520, (230, 110, 20))
    for i, colour in enumerate([(240, 120, 30), (30, 90, 160), (240, 120, 30)]):
        person(draw, 720 + i * 130, 885, 190, colour)
    return grain(image, seed)


def logistics(seed: int) -> Image.Image:
    """A tent with stacked aid parcels and volunteers."""
    rnd = random.Random(seed)
    image = gradient(SIZE, (170, 200, 230), (235, 240, 245))
    draw = ImageDraw.Draw(image)
    ground = 900
    draw.rectangle((0, ground, SIZE[0], SIZE[1]), fill=(120, 120, 110))
    draw.polygon([(200, 420), (1600, 420), (1750, 600), (50, 600)], fill=(30, 100, 170))
    draw.rectangle((90, 600, 1710, 620), fill=(20, 70, 130))
    for pole in (120, 900, 1680):
        draw.rectangle((pole, 600, pole + 16, ground), fill=(90, 90, 90))
    for row in range(5):
        for col in range(9):
            if rnd.random() < 0.15:
                continue
            x, y = 300 + col * 110, ground - (row + 1) * 70
            draw.rectangle(
                (x, y, x + 100, y + 64), fill=(200, 160, 100), outline=(150, 110, 60), width=3
            )
    for x, colour in ((1400, (240, 120, 30)), (1530, (30, 90, 160)), (200, (240, 120, 30))):
        person(draw, x, ground, 280, colour)
    return grain(image, seed)


def standing_water(seed: int) -> Image.Image:
    """Upright: a flooded alley between two walls, a volunteer wading (a portrait photo)."""
    rnd = random.Random(seed)
    size = (SIZE[1], SIZE[0])
    image = gradient(size, (160, 180, 200), (220, 225, 230))
    draw = ImageDraw.Draw(image)
    draw.polygon([(0, 0), (380, 300), (380, 1100), (0, 1400)], fill=(200, 185, 150))
    draw.polygon([(size[0], 0), (820, 300), (820, 1100), (size[0], 1400)], fill=(185, 200, 195))
    draw.rectangle((0, 1100, size[0], size[1]), fill=(125, 100, 68))
    for y in range(1120, size[1], 40):
        x = rnd.randint(0, 200)
        draw.line((x, y, x + 300, y), fill=(148, 122, 88), width=4)
    person(draw, 600, 1250, 420, (240, 120, 30))
    return grain(image, seed)


def harbour(seed: int) -> Image.Image:
    """Turquoise sea, a wooden pier and boats before a green island."""
    rnd = random.Random(seed)
    image = gradient(SIZE, (90, 160, 220), (200, 230, 245))
    draw = ImageDraw.Draw(image)
    sea = 560
    draw.ellipse((900, 430, 1700, 700), fill=(40, 110, 60))
    draw.rectangle((0, sea, SIZE[0], SIZE[1]), fill=(40, 170, 180))
    for y in range(sea + 20, SIZE[1], 30):
        for x in range(rnd.randint(0, 100), SIZE[0], 180):
            draw.line((x, y, x + 60, y), fill=(90, 200, 205), width=3)
    draw.polygon([(0, 1000), (900, 700), (960, 720), (80, 1060)], fill=(130, 90, 55))
    for i in range(12):
        x = 80 + i * 75
        draw.rectangle((x, 1000 - i * 25, x + 12, 1120 - i * 25), fill=(90, 60, 35))
    for x, colour in ((1100, (250, 250, 250)), (1350, (220, 60, 50)), (1500, (250, 200, 40))):
        boat(draw, x, 800 + rnd.randint(-20, 40), 220, colour)
    return grain(image, seed)


def pier_upright(seed: int) -> Image.Image:
    """A pier seen along its length: drawn upright, then stored sideways (see main)."""
    size = (SIZE[1], SIZE[0])
    image = gradient(size, (110, 175, 225), (40, 165, 175))
    draw = ImageDraw.Draw(image)
    draw.polygon([(420, 700), (780, 700), (1150, size[1]), (50, size[1])], fill=(140, 98, 60))
    for y in range(720, size[1], 60):
        draw.line((0, y, size[0], y), fill=(120, 84, 50), width=5)
    person(draw, 600, 1150, 360, (30, 90, 160))
    return grain(image, seed)


def mangrove(seed: int) -> Image.Image:
    """Volunteers planting rows of mangrove seedlings in the mud at low tide."""
    rnd = random.Random(seed)
    image = gradient(SIZE, (180, 210, 235), (230, 235, 240))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 520, SIZE[0], 600), fill=(50, 110, 70))
    draw.rectangle((0, 600, SIZE[0], SIZE[1]), fill=(95, 80, 60))
    for row in range(6):
        y = 680 + row * 90
        for x in range(60 + row * 20, SIZE[0], 140):
            draw.line((x, y, x, y - 60), fill=(60, 120, 50), width=6)
            draw.ellipse((x - 22, y - 90, x + 22, y - 50), fill=(70, 150, 60))
    for x in (300, 700, 1150, 1500):
        person(
            draw, x + rnd.randint(-40, 40), 980, 300, rnd.choice([(240, 240, 240), (30, 120, 70)])
        )
    return grain(image, seed)


def village(seed: int) -> Image.Image:
    """Stilt houses over the water of a fishing village, boats moored below."""
    rnd = random.Random(seed)
    image = gradient(SIZE, (240, 190, 140), (250, 230, 200))
    draw = ImageDraw.Draw(image)
    water = 760
    draw.rectangle((0, water, SIZE[0], SIZE[1]), fill=(60, 110, 140))
    for i in range(6):
        x = 40 + i * 300
        top = 420 + rnd.randint(-30, 30)
        draw.rectangle(
            (x, top, x + 240, water - 120),
            fill=rnd.choice([(170, 120, 80), (60, 140, 150), (200, 190, 170)]),
        )
        draw.polygon([(x - 20, top), (x + 120, top - 100), (x + 260, top)], fill=(110, 60, 40))
        for leg in range(x + 10, x + 240, 55):
            draw.rectangle((leg, water - 120, leg + 12, water + 80), fill=(70, 50, 30))
    for x in range(100, SIZE[0], 420):
        boat(draw, x, 900 + rnd.randint(0, 80), 260, rnd.choice([(230, 230, 230), (40, 120, 190)]))
    return grain(image, seed)


def jpeg(image: Image.Image, orientation: int = 1) -> bytes:
    """The picture as a camera-like JPEG; `orientation` 6: stored turned a quarter
    counter-clockwise with the EXIF tag that turns it back."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Demo"
    exif[ExifTags.Base.Orientation] = orientation
    if orientation == 6:
        image = image.transpose(Image.Transpose.ROTATE_90)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=QUALITY, optimize=True, exif=exif)
    return out.getvalue()


def social_image() -> bytes:
    """The theme's neutral link preview (1200 x 630): the brand colour, a border in the
    accent colour and the theme's emblem, without words (any office may use it)."""
    width, height = 1200, 630
    image = Image.new("RGB", (width, height), BRAND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, height - 24, width, height), fill=ACCENT)
    scale, left, top = 9, width // 2 - 180, 95  # logo.svg's 40 x 48 box, 9 times

    def at(points):
        return [(left + x * scale, top + y * scale) for x, y in points]

    shield = (
        [(20, 1), (38, 7), (38, 24)]
        + [
            (20 + 18 * math.cos(a / 20 * math.pi), 24 + 23 * math.sin(a / 20 * math.pi))
            for a in range(0, 21)
        ]
        + [(2, 24), (2, 7)]
    )
    draw.polygon(at(shield), fill=(255, 255, 255))
    draw.polygon(at([(20, 9), (8, 15.5), (32, 15.5)]), fill=BRAND)
    for x0, y0, x1, y1 in (
        (10, 17, 30, 19),
        (11.5, 20, 14.5, 30),
        (18.5, 20, 21.5, 30),
        (25.5, 20, 28.5, 30),
        (9, 31, 31, 33.5),
    ):
        draw.rectangle(at([(x0, y0), (x1, y1)]), fill=BRAND)
    draw.polygon(at([(12, 37), (28, 37), (20, 42.5)]), fill=ACCENT)
    out = io.BytesIO()
    image.quantize(8).save(out, "PNG", optimize=True)
    return out.getvalue()


BANJIR = "2024-03-12-banjir-samarinda-pemprov-salurkan-bantuan-logistik"
BERAU = "2024-10-03-berau-siapkan-paket-wisata-bahari-derawan"

# file (relative to the repository) -> (draw, seed, EXIF orientation)
PHOTOS: dict[str, tuple[Callable[[int], Image.Image], int, int]] = {
    f"content/{BANJIR}.jpg": (flood, 1, 1),
    f"content/{BANJIR}-2.jpg": (logistics, 2, 1),
    f"content/{BANJIR}-3.jpg": (standing_water, 3, 1),
    "content/2025-06-05-hari-lingkungan-hidup-tanam-mangrove-bontang.jpg": (mangrove, 4, 1),
    "content/2026-01-15-banjir-kutai-barat-bpbd-kaltim-kirim-perahu.jpg": (flood, 5, 1),
    "content/gubernur-kunjungi-kampung-nelayan-bontang.jpg": (village, 6, 1),
    f"content/{BERAU}/{BERAU}.jpg": (harbour, 7, 1),
    f"content/{BERAU}/dermaga-tanjung-batu.jpg": (pier_upright, 8, 6),
}


def files() -> dict[Path, bytes]:
    """Every file this script writes, with its bytes."""
    made = {
        ROOT / name: jpeg(draw(seed), orientation)
        for name, (draw, seed, orientation) in PHOTOS.items()
    }
    made[SOCIAL] = social_image()
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare with the files on disk")
    args = parser.parse_args(argv)
    stale = []
    for path, data in files().items():
        if path.exists() and path.read_bytes() == data:
            continue
        stale.append(path)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        verb = "differs" if args.check else "wrote"
        print(f"{verb}: {path.relative_to(ROOT)} ({len(data) // 1024} KB)")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
