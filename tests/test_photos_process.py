"""photos.process on real image files made by the tests: read back what it writes."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from press_release.photos.process import PhotoError, process_photo

from . import photo_files as make

WIDTHS = (480, 960, 1600)
FORMATS = ("webp", "jpeg")
QUALITY = {"webp": 80, "jpeg": 82, "avif": 60}


def run(path, widths=WIDTHS, formats=FORMATS):
    return process_photo(path.read_bytes(), widths, formats, QUALITY)


def read_back(variant) -> Image.Image:
    image = Image.open(io.BytesIO(variant.data))
    image.load()
    return image


def test_orientation_applied_and_every_metadata_block_gone(tmp_path):
    result = run(make.phone_jpeg(tmp_path / "p.jpg", size=(400, 200), orientation=6))
    assert (result.width, result.height) == (200, 400)  # portrait, as the phone held it
    assert {(v.format, v.width, v.height) for v in result.variants} == {
        ("webp", 200, 400),
        ("jpeg", 200, 400),
    }
    for variant in result.variants:
        image = read_back(variant)
        assert image.size == (200, 400)
        top, bottom = image.getpixel((100, 20)), image.getpixel((100, 380))
        assert top[0] > 150 > top[2] and bottom[2] > 150 > bottom[0]  # red on top: turned
        assert not image.getexif()
        assert not set(image.info) & {"exif", "xmp", "icc_profile", "comment", "XML:com.adobe.xmp"}
        for secret in (b"Exif", b"xmpmeta", make.SERIAL.encode(), b"Budi", b"PhoneMaker"):
            assert secret not in variant.data


def test_widths_never_upscaled(tmp_path):
    result = run(make.plain_jpeg(tmp_path / "p.jpg", size=(1200, 900)))
    assert sorted({v.width for v in result.variants}) == [480, 960, 1200]
    assert (result.width, result.height) == (1200, 900)
    for variant in result.variants:
        assert read_back(variant).size == (variant.width, variant.height)


def test_big_jpeg_gets_every_width_in_both_formats(tmp_path):
    result = run(make.plain_jpeg(tmp_path / "p.jpg", size=(4000, 3000)))
    assert sorted((v.format, v.width, v.height) for v in result.variants) == [
        ("jpeg", 480, 360), ("jpeg", 960, 720), ("jpeg", 1600, 1200),
        ("webp", 480, 360), ("webp", 960, 720), ("webp", 1600, 1200),
    ]  # fmt: skip
    assert {read_back(v).format for v in result.variants} == {"WEBP", "JPEG"}


def test_cmyk_becomes_rgb(tmp_path):
    result = run(make.cmyk_jpeg(tmp_path / "c.jpg"))
    for variant in result.variants:
        image = read_back(variant)
        assert image.mode == "RGB"
        red, green, blue = image.getpixel((10, 10))
        assert red > 180 and green < 80 and blue < 80


def test_transparency_kept_in_webp_and_flattened_onto_white_in_jpeg(tmp_path):
    result = run(make.alpha_png(tmp_path / "a.png"))
    webp = read_back(next(v for v in result.variants if v.format == "webp"))
    jpeg = read_back(next(v for v in result.variants if v.format == "jpeg"))
    assert webp.mode == "RGBA"
    assert webp.getpixel((10, 10))[3] == 0 and webp.getpixel((290, 10))[3] == 255
    assert jpeg.mode == "RGB"
    assert min(jpeg.getpixel((10, 10))) > 240  # white where it was transparent
    assert jpeg.getpixel((290, 10))[1] > 150  # green stays green


def test_animated_gif_first_frame_with_one_warning(tmp_path):
    result = run(make.animated_gif(tmp_path / "g.gif"))
    assert len(result.warnings) == 1 and "animated" in result.warnings[0]
    red, _, blue = read_back(result.variants[0]).convert("RGB").getpixel((5, 5))
    assert red > 150 > blue  # the first frame is the red one


def test_wrong_extension_is_read_by_its_content(tmp_path):
    result = run(make.png_named_jpg(tmp_path / "really-a-png.jpg"))
    assert result.source_format == "PNG"
    assert {(v.width, v.height) for v in result.variants} == {(480, 360), (640, 480)}


@pytest.mark.parametrize(
    ("maker", "words"),
    [
        pytest.param(make.truncated_jpeg, "damaged or cut short", id="truncated"),
        pytest.param(make.bomb_png, "too many pixels", id="decompression-bomb"),
    ],
)
def test_unpublishable_photo_is_a_photo_error(tmp_path, maker, words):
    with pytest.raises(PhotoError, match=words):
        run(maker(tmp_path / "bad.img"))


def test_not_an_image_is_a_photo_error(tmp_path):
    path = tmp_path / "notes.jpg"
    path.write_text("<html>not a photo</html>", encoding="utf-8")
    with pytest.raises(PhotoError, match="not a photo"):
        run(path)


def test_avif_when_asked(tmp_path):
    result = run(make.plain_jpeg(tmp_path / "p.jpg", size=(640, 480)), formats=("avif", "jpeg"))
    assert {read_back(v).format for v in result.variants} == {"AVIF", "JPEG"}


def test_photo_messages_keep_the_site_language_through_the_cache(tmp_path):
    """A photo's warning and a refused photo's reason are kept in the cache's manifest as
    messages: read back by a later build, they are still shown in Indonesian."""
    from press_release.messages import render
    from press_release.photos.cache import PhotoCache

    cache = PhotoCache(tmp_path / "cache")
    cache.store("gif", run(make.animated_gif(tmp_path / "g.gif")))
    with pytest.raises(PhotoError) as refused:
        run(make.truncated_jpeg(tmp_path / "bad.jpg"))
    cache.store("bad", refused.value)
    [warning] = cache.manifest("gif").warnings
    assert render(warning, "id").startswith("GIF beranimasi (3 bingkai)")
    assert "animated GIF" in warning  # its English text, for the report's "warnings"
    assert render(cache.manifest("bad").error, "id").startswith("foto ini tidak dapat diurai")
