"""One photo's bytes to its published variants: Pillow only, no files, no Pelican.

Steps, each a small function: open (only the formats we publish, Pillow's decompression
bomb guard turned into a PhotoError), decode (a JPEG decoded straight at the smallest
scale still wider than the widest variant: ``draft``, which bounds memory and time),
orient (EXIF orientation applied), colour (CMYK and ICC profiles to sRGB, palettes and
grey to RGB, transparency kept only when used), resize (each width from the next larger
variant, never enlarged) and encode (every metadata block dropped: the variants are
saved from images whose ``info`` is empty, so no EXIF, GPS, XMP, ICC or comment is
written; a transparent photo is flattened onto white for JPEG).

Pillow rather than pyvips: on a 4000x3000 phone photo the two took the same time
(0.74-0.80 s against 0.79-0.86 s for three widths in WebP and JPEG, one thread), as
libwebp's encoder is most of it; Pillow is one dependency fewer and has
``exif_transpose`` and ImageCms.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from ..errors import PressReleaseError
from ..messages import Message

try:  # HEIC from phones: decoded only where the pillow-heif wheel is installed
    from pillow_heif import register_heif_opener
except ImportError:  # pragma: no cover - pillow-heif is a dependency
    register_heif_opener = None

# Pillow's format names of the files we accept, whatever their extension says.
INPUT_FORMATS = ("JPEG", "PNG", "WEBP", "GIF", "HEIF")
# Our format name -> (Pillow's name, MIME type, file extension).
OUTPUT_FORMATS = {
    "webp": ("WEBP", "image/webp", "webp"),
    "avif": ("AVIF", "image/avif", "avif"),
    "jpeg": ("JPEG", "image/jpeg", "jpg"),
}
# EXIF orientations that swap width and height (rotations by 90 or 270 degrees).
SWAPPING_ORIENTATIONS = frozenset({5, 6, 7, 8})
EXIF_ORIENTATION = 0x0112
# Errors Pillow's decoders raise on a damaged or truncated file.
DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError, TypeError)
WHITE = (255, 255, 255)
# Resizing from an image at most this many times wider uses reduce() first: faster, and
# Pillow's own docs give 3.0 as indistinguishable from a full Lanczos resize.
REDUCING_GAP = 3.0
# The link preview of a shared release (og:image): the size Facebook, WhatsApp and X
# show in full, 1.91:1. Cropped from the middle of the photo, JPEG (every preview reads
# it), never enlarged.
SOCIAL_SIZE = (1200, 630)


class PhotoError(PressReleaseError):
    """A photo that cannot be published; the message says what to change."""


@dataclass(frozen=True)
class Encoded:
    """One published variant: format (our name), size, and the file's bytes."""

    format: str
    width: int
    height: int
    data: bytes


@dataclass(frozen=True)
class Processed:
    """A photo's variants (every width in every format) and its notes for the author."""

    width: int  # of the largest variant
    height: int
    source_format: str
    variants: tuple[Encoded, ...]
    warnings: tuple[str, ...] = ()
    social: Encoded | None = None  # the link-preview crop (SOCIAL_SIZE)


def enable_heif() -> bool:
    """Let Pillow open HEIC/HEIF files (once per process; harmless to repeat)."""
    if register_heif_opener is None:  # pragma: no cover
        return False
    register_heif_opener()
    return True


def _input_formats() -> list[str]:
    """INPUT_FORMATS that Pillow can open here (HEIF once enable_heif() ran)."""
    Image.init()
    return [name for name in INPUT_FORMATS if name in Image.OPEN]


def open_image(data: bytes) -> Image.Image:
    """Open without decoding; a decompression bomb or a non-image is a PhotoError."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            return Image.open(io.BytesIO(data), formats=_input_formats())
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise PhotoError(
            Message(
                "the photo claims too many pixels (%(error)s); it looks like a "
                "decompression bomb or a huge scan: export it at most 8000 pixels wide",
                error=str(exc),
            )
        ) from exc
    except UnidentifiedImageError as exc:
        raise PhotoError(
            Message(
                "the file is not a photo this site can read (JPEG, PNG, WebP or HEIC); "
                "export it again as JPEG"
            )
        ) from exc
    except DECODE_ERRORS as exc:
        raise PhotoError(
            Message("the photo cannot be read (%(error)s); export it again", error=str(exc))
        ) from exc


def displayed_size(image: Image.Image) -> tuple[int, int]:
    """Width and height as shown, once the EXIF orientation is applied."""
    orientation = image.getexif().get(EXIF_ORIENTATION, 1)
    width, height = image.size
    return (height, width) if orientation in SWAPPING_ORIENTATIONS else (width, height)


def decode(image: Image.Image, widest: int) -> Image.Image:
    """Load the pixels; a JPEG at the smallest scale that keeps `widest` shown pixels."""
    shown_width, _ = displayed_size(image)
    if image.format == "JPEG" and shown_width > widest:
        if shown_width == image.size[0]:
            image.draft(image.mode, (widest, 1))
        else:
            image.draft(image.mode, (1, widest))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise PhotoError(
            Message("the photo claims too many pixels (%(error)s)", error=str(exc))
        ) from exc
    except DECODE_ERRORS as exc:
        raise PhotoError(
            Message(
                "the photo cannot be decoded (%(error)s): the file is damaged or cut short; "
                "copy it again from the camera or phone",
                error=str(exc),
            )
        ) from exc
    return image


def orient(image: Image.Image) -> Image.Image:
    """The photo turned as the camera meant it (EXIF orientation applied)."""
    ImageOps.exif_transpose(image, in_place=True)
    return image


def _is_srgb(profile: ImageCms.ImageCmsProfile) -> bool:
    return "srgb" in ImageCms.getProfileDescription(profile).lower()


def to_srgb(image: Image.Image) -> Image.Image:
    """RGB or RGBA in sRGB: CMYK and other profiles converted, palettes expanded."""
    icc = image.info.get("icc_profile")
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (
        image.mode in ("P", "L", "RGB") and "transparency" in image.info
    )
    target = "RGBA" if has_alpha else "RGB"
    if icc and image.mode in ("RGB", "RGBA", "CMYK"):
        try:
            profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            if image.mode == "CMYK" or not _is_srgb(profile):
                srgb = ImageCms.createProfile("sRGB")
                mode = "RGBA" if image.mode == "RGBA" else "RGB"
                image = ImageCms.profileToProfile(image, profile, srgb, outputMode=mode)
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: the plain conversion below is close enough
    if image.mode != target:
        image = image.convert(target)
    if target == "RGBA" and image.getchannel("A").getextrema()[0] == 255:
        image = image.convert("RGB")  # an alpha channel that hides nothing
    return image


def widths_for(width: int, wanted: tuple[int, ...]) -> list[int]:
    """The variant widths of a photo `width` pixels wide: never wider than the photo."""
    return sorted({min(w, width) for w in wanted}, reverse=True)


def resize_all(image: Image.Image, widths: list[int]) -> list[Image.Image]:
    """One image per width (widest first), each made from the one before it."""
    images = []
    source = image
    for width in widths:
        if width != source.width:
            height = max(1, round(source.height * width / source.width))
            source = source.resize((width, height), Image.LANCZOS, reducing_gap=REDUCING_GAP)
        images.append(source)
    return images


def social_crop(image: Image.Image, size: tuple[int, int] = SOCIAL_SIZE) -> Image.Image:
    """The middle of the photo at the link preview's shape, at most `size`."""
    width, height = image.size
    crop_w, crop_h = width, round(width * size[1] / size[0])
    if crop_h > height:  # wider than 1.91:1 (a panorama): keep the height instead
        crop_w, crop_h = round(height * size[0] / size[1]), height
    left, top = (width - crop_w) // 2, (height - crop_h) // 2
    target = (min(size[0], crop_w), max(1, min(size[1], round(crop_h * size[0] / crop_w))))
    return image.resize(
        target, Image.LANCZOS, box=(left, top, left + crop_w, top + crop_h),
        reducing_gap=REDUCING_GAP,
    )  # fmt: skip


def encode(image: Image.Image, fmt: str, quality: int) -> bytes:
    """The file of one variant, with no metadata block at all."""
    pillow_name = OUTPUT_FORMATS[fmt][0]
    if fmt == "jpeg" and image.mode == "RGBA":
        flat = Image.new("RGB", image.size, WHITE)
        flat.paste(image, mask=image.getchannel("A"))
        image = flat
    else:
        image = image.copy() if image.info else image
    image.info = {}  # nothing to copy: EXIF, XMP, ICC, comments
    out = io.BytesIO()
    if fmt == "jpeg":
        image.save(out, pillow_name, quality=quality, progressive=True, optimize=True)
    elif fmt == "webp":
        image.save(out, pillow_name, quality=quality, method=4)
    else:
        image.save(out, pillow_name, quality=quality, speed=8)
    return out.getvalue()


def process_photo(
    data: bytes,
    widths: tuple[int, ...],
    formats: tuple[str, ...],
    quality: dict[str, int],
) -> Processed:
    """Every variant of one photo. Raises PhotoError when it cannot be published."""
    image = open_image(data)
    source_format = image.format or "?"
    notes = []
    if getattr(image, "n_frames", 1) > 1:
        notes.append(
            Message(
                "an animated %(format)s (%(frames)s frames): only its first frame is "
                "published; use a still photo (JPEG) instead",
                format=source_format,
                frames=image.n_frames,
            )
        )
    image = to_srgb(orient(decode(image, max(*widths, SOCIAL_SIZE[0]))))
    crop = social_crop(image)
    social = Encoded("jpeg", crop.width, crop.height, encode(crop, "jpeg", quality["jpeg"]))
    del crop
    variants = []
    for resized in resize_all(image, widths_for(image.width, widths)):
        for fmt in formats:
            encoded = encode(resized, fmt, quality[fmt])
            variants.append(Encoded(fmt, resized.width, resized.height, encoded))
    widest = variants[0]
    return Processed(
        widest.width, widest.height, source_format, tuple(variants), tuple(notes), social
    )


def size_warning(size: int, limit: int) -> str | None:
    """A note for a source file bigger than `limit` bytes (0: no limit)."""
    if not limit or size <= limit:
        return None
    return Message(
        "the photo file is %(size)s MB, more than %(limit)s MB: it is published, but "
        "export it smaller (4000 pixels wide at most is plenty)",
        size=f"{size / 1e6:.1f}",
        limit=f"{limit / 1e6:.0f}",
    )
