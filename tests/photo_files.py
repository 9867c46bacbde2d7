"""Real image files for the photo tests, made with Pillow (no third-party photos)."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from PIL import ExifTags, Image

RED, BLUE, GREEN = (220, 20, 20), (20, 20, 220), (20, 200, 20)
SERIAL = "CAM-SERIAL-0042"
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/>OwnerName-Budi</x:xmpmeta>'


def halves(size: tuple[int, int], left, right, mode: str = "RGB") -> Image.Image:
    """An image whose left half is `left` and right half `right`."""
    image = Image.new(mode, size, left)
    image.paste(right, (size[0] // 2, 0, size[0], size[1]))
    return image


def phone_jpeg(path: Path, size=(400, 200), orientation: int = 6) -> Path:
    """A JPEG as a phone writes it: stored sideways with an EXIF orientation, GPS
    position, camera serial, XMP and a comment."""
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.BodySerialNumber] = SERIAL
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "S"
    gps[ExifTags.GPS.GPSLatitude] = (0.0, 30.0, 12.5)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (117.0, 9.0, 3.0)
    image = halves(size, RED, BLUE)
    image.save(path, "JPEG", quality=90, exif=exif, xmp=XMP, comment=b"owner Budi")
    return path


def cmyk_jpeg(path: Path, size=(300, 200)) -> Path:
    Image.new("CMYK", size, (0, 255, 255, 0)).save(path, "JPEG", quality=90)  # red
    return path


def alpha_png(path: Path, size=(300, 200)) -> Path:
    """Transparent left half, opaque green right half."""
    halves(size, (0, 0, 0, 0), (*GREEN, 255), "RGBA").save(path, "PNG")
    return path


def animated_gif(path: Path, size=(120, 80)) -> Path:
    frames = [Image.new("RGB", size, colour) for colour in (RED, BLUE, GREEN)]
    frames[0].save(path, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    return path


def plain_jpeg(path: Path, size=(2000, 1500), colour=BLUE) -> Path:
    halves(size, colour, RED).save(path, "JPEG", quality=85)
    return path


def truncated_jpeg(path: Path) -> Path:
    buffer = io.BytesIO()
    halves((800, 600), RED, BLUE).save(buffer, "JPEG", quality=95)
    data = buffer.getvalue()
    path.write_bytes(data[: len(data) // 2])
    return path


def png_named_jpg(path: Path, size=(640, 480)) -> Path:
    halves(size, GREEN, BLUE).save(path, "PNG")  # path ends in .jpg
    return path


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def bomb_png(path: Path, side: int = 20_000) -> Path:
    """A PNG whose header claims side x side pixels, in a few hundred bytes."""
    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    data = zlib.compress(b"\x00" * 1000)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", data)
        + _chunk(b"IEND", b"")
    )
    return path


def release_text(title: str, before_dateline: str = "") -> str:
    """A short release; `before_dateline` holds caption or credit lines."""
    top = f"{title}\n{before_dateline}\n" if before_dateline else f"{title}\n"
    return (
        f"{top}\nSAMARINDA – Pemprov Kaltim menggelar rapat koordinasi bersama dinas "
        "terkait di kantor gubernur hari ini.\n\nRapat membahas banjir. (rus/humasprov)\n"
    )


def fifty_megabyte_jpeg(path: Path) -> Path:
    """A 50 MB file that is a valid JPEG: a photo followed by 50 MB of data after its end
    marker (as a camera's embedded extras can make it), cheap to make."""
    plain_jpeg(path, size=(2400, 1600))
    with path.open("ab") as file:
        file.write(bytes(50_000_000))
    return path


def heic(path: Path, size=(160, 120)) -> Path:
    """A HEIC file as an iPhone saves it (pillow-heif's encoder)."""
    from pillow_heif import from_pillow

    from_pillow(halves(size, RED, BLUE)).save(str(path), quality=80)
    return path
