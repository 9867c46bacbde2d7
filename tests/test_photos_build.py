"""photos.build: the adapter on a real content folder, processing into a real cache."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from PIL import Image

from press_release.parse import parse_release
from press_release.photos.build import build_photos
from press_release.photos.settings import photo_settings

from . import photo_files as make
from .photo_files import release_text


def releases_in(content: Path) -> dict:
    return {p: parse_release(p.read_bytes(), p.name) for p in sorted(content.rglob("*.txt"))}


def write_release(content: Path, stem: str, before_dateline: str = "") -> Path:
    path = content / f"{stem}.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(release_text(f"Judul {stem}", before_dateline), encoding="utf-8")
    return path


def build(site: Path, jobs: int = 1, **extra):
    settings = photo_settings({"PRESS_RELEASE_JOBS": jobs, **extra})
    content = site / "content"
    return build_photos(content, site / "output", releases_in(content), settings)


@pytest.fixture
def site(tmp_path):
    content = tmp_path / "content"
    write_release(
        content, "2024-03-12-banjir", "HUMAS : Warga mengungsi di posko banjir Samarinda, Selasa."
    )
    make.phone_jpeg(content / "2024-03-12-banjir.jpg", size=(1200, 800))
    make.alpha_png(content / "2024-03-12-banjir-2.PNG")
    write_release(
        content / "2024-03-13-rapat", "rilis", "HUMAS : Kepala dinas membuka rapat koordinasi."
    )
    make.plain_jpeg(content / "2024-03-13-rapat" / "foto-1.jpg", size=(1000, 700))
    return tmp_path


@pytest.mark.parametrize("jobs", [pytest.param(1, id="serial"), pytest.param(2, id="pool")])
def test_photos_published_with_what_templates_need(site, jobs):
    result = build(site, jobs)
    assert (result.processed, result.reused) == (3, 0)
    banjir = result.by_release[Path("2024-03-12-banjir.txt")]
    assert [p.photo.path.name for p in banjir] == [
        "2024-03-12-banjir.jpg",
        "2024-03-12-banjir-2.PNG",
    ]
    lead = banjir[0]
    assert (lead.lead, lead.loading, lead.fetchpriority) == (True, "eager", "high")
    assert (banjir[1].loading, banjir[1].fetchpriority) == ("lazy", "auto")
    assert lead.caption == "HUMAS : Warga mengungsi di posko banjir Samarinda, Selasa."
    assert (lead.width, lead.height) == (800, 1200)  # turned upright
    assert [s.mime for s in lead.sources] == ["image/webp", "image/jpeg"]
    assert [v.width for v in lead.sources[0].variants] == [480, 800]
    for source in lead.sources:
        for variant in source.variants:
            url = f"photos/{variant.file}"
            assert f"{url} {variant.width}w" in source.srcset
            image = Image.open(site / "output" / url)
            assert image.size == (variant.width, variant.height)
            assert not image.getexif()
    assert lead.src.endswith("-800.jpg")
    assert (site / "output" / lead.src).is_file()
    [rapat] = result.by_release[Path("2024-03-13-rapat/rilis.txt")]
    assert (rapat.width, rapat.height, rapat.lead) == (1000, 700, True)
    assert result.warnings == {
        Path("2024-03-12-banjir-2.PNG"): [result.warnings[Path("2024-03-12-banjir-2.PNG")][0]]
    }
    assert "no caption or alt text" in result.warnings[Path("2024-03-12-banjir-2.PNG")][0]


def test_rebuild_processes_nothing_and_one_new_release_processes_one_photo(site):
    build(site, 2)
    again = build(site, 2)
    assert (again.processed, again.reused) == (0, 3)
    content = site / "content"
    write_release(content, "2024-04-01-pasar", "HUMAS : Pedagang menata dagangan.")
    make.plain_jpeg(content / "2024-04-01-pasar.jpg", size=(900, 600), colour=make.GREEN)
    shutil.rmtree(site / "output")
    third = build(site, 2)
    assert (third.processed, third.reused) == (1, 3)
    for photos in third.by_release.values():
        for photo in photos:
            assert (site / "output" / photo.src).is_file()  # re-published from the cache


def test_the_same_photo_twice_is_processed_once(site):
    content = site / "content"
    write_release(content, "2024-03-14-ulang", "HUMAS : Foto yang sama dipakai lagi.")
    shutil.copy(content / "2024-03-12-banjir.jpg", content / "2024-03-14-ulang.jpg")
    result = build(site)
    assert result.processed == 3  # four photo files, three different photos
    first = result.by_release[Path("2024-03-12-banjir.txt")][0]
    again = result.by_release[Path("2024-03-14-ulang.txt")][0]
    assert first.src == again.src


def test_changing_a_setting_processes_again(site):
    build(site)
    result = build(site, PRESS_RELEASE_PHOTOS_WIDTHS=[320, 640])
    assert result.processed == 3
    lead = result.by_release[Path("2024-03-12-banjir.txt")][0]
    assert [v.width for v in lead.sources[0].variants] == [320, 640]


BAD_FILES = [
    pytest.param(make.truncated_jpeg, "2024-05-01-rusak.jpg", "skipped: ", id="truncated"),
    pytest.param(make.bomb_png, "2024-05-01-rusak.png", "too many pixels", id="decompression-bomb"),
    pytest.param(make.animated_gif, "2024-05-01-rusak.gif", "animated", id="animated-gif"),
    pytest.param(make.cmyk_jpeg, "2024-05-01-rusak.jpg", None, id="cmyk"),
    pytest.param(make.png_named_jpg, "2024-05-01-rusak.jpg", None, id="wrong-extension"),
]


@pytest.mark.parametrize(("maker", "name", "warning"), BAD_FILES)
def test_a_bad_photo_is_published_or_skipped_with_one_warning(site, maker, name, warning):
    content = site / "content"
    write_release(content, "2024-05-01-rusak", "HUMAS : Petugas memeriksa berkas foto.")
    maker(content / name)
    result = build(site, 2)
    photos = result.by_release[Path("2024-05-01-rusak.txt")]
    notes = result.warnings.get(Path(name), [])
    if warning is None:
        assert notes == [] and len(photos) == 1
        image = Image.open(site / "output" / photos[0].src)
        assert image.mode == "RGB"
    else:
        assert len(notes) == 1 and warning in notes[0]
        assert len(photos) == (0 if notes[0].startswith("skipped") else 1)
    assert len(result.by_release[Path("2024-03-12-banjir.txt")]) == 2  # the rest published


def test_fifty_megabyte_photo_published_with_one_warning(site):
    content = site / "content"
    write_release(content, "2024-05-02-besar", "HUMAS : Foto dari kamera besar.")
    path = make.fifty_megabyte_jpeg(content / "2024-05-02-besar.jpg")
    assert path.stat().st_size > 50_000_000
    result = build(site, 2)
    [photo] = result.by_release[Path("2024-05-02-besar.txt")]
    [note] = result.warnings[Path("2024-05-02-besar.jpg")]
    assert f"{path.stat().st_size / 1e6:.1f} MB" in note and "export it smaller" in note
    assert [v.width for v in photo.sources[-1].variants] == [480, 960, 1600]
    assert (site / "output" / photo.src).stat().st_size < 1_000_000


def test_heic_from_a_phone(site):
    content = site / "content"
    write_release(content, "2024-05-03-iphone", "HUMAS : Foto dari iPhone.")
    make.heic(content / "2024-05-03-iphone.HEIC")
    result = build(site)
    [photo] = result.by_release[Path("2024-05-03-iphone.txt")]
    assert result.warnings.get(Path("2024-05-03-iphone.HEIC")) is None
    image = Image.open(site / "output" / photo.src)
    assert (image.format, image.size) == ("JPEG", (160, 120))


def test_large_file_warned_and_orphan_reported(site):
    content = site / "content"
    make.plain_jpeg(content / "tanpa-rilis.jpg", size=(300, 200))
    result = build(site, PRESS_RELEASE_PHOTOS_LARGE_BYTES=1000)
    assert "a photo with no release" in result.warnings[Path("tanpa-rilis.jpg")][0]
    [note] = result.warnings[Path("2024-03-13-rapat/foto-1.jpg")]
    assert "export it smaller" in note
    assert not (site / "output" / "photos" / "tanpa-rilis.jpg").exists()


def test_published_files_carry_no_metadata(site):
    result = build(site)
    lead = result.by_release[Path("2024-03-12-banjir.txt")][0]
    for source in lead.sources:
        for variant in source.variants:
            data = (site / "output" / "photos" / variant.file).read_bytes()
            assert make.SERIAL.encode() not in data and b"Exif" not in data
            image = Image.open(io.BytesIO(data))
            assert not set(image.info) & {"exif", "xmp", "icc_profile", "comment"}


def test_no_original_is_copied_to_the_output(site):
    build(site)
    published = {p.name for p in (site / "output").rglob("*") if p.is_file()}
    assert not published & {p.name for p in (site / "content").rglob("*") if p.is_file()}


def test_photos_off(site):
    result = build(site, PRESS_RELEASE_PHOTOS=False)
    assert (result.by_release, result.processed) == ({}, 0)
    assert not (site / "output").exists()


@pytest.mark.parametrize("linked", ["file", "folder"])
def test_a_photo_reached_through_a_link_is_not_published(tmp_path, linked):
    """A link in content/ may lead anywhere on the machine: its photo is skipped."""
    outside = tmp_path / "outside"
    outside.mkdir()
    make.plain_jpeg(outside / "pribadi.jpg")
    content = tmp_path / "site" / "content"
    if linked == "file":
        release = write_release(content, "2024-07-01-tautan", "HUMAS : Foto tautan.")
        (content / "2024-07-01-tautan.jpg").symlink_to(outside / "pribadi.jpg")
        name = Path("2024-07-01-tautan.jpg")
    else:  # a folder of content/ that is a link to a folder elsewhere
        write_release(outside, "2024-07-01-tautan", "HUMAS : Foto tautan.")
        content.mkdir(parents=True)
        (content / "rilis").symlink_to(outside, target_is_directory=True)
        release = content / "rilis" / "2024-07-01-tautan.txt"
        name = Path("rilis/pribadi.jpg")
    releases = {release: parse_release(release.read_bytes(), release.name)}
    settings = photo_settings({"PRESS_RELEASE_JOBS": 1})
    result = build_photos(content, tmp_path / "site" / "output", releases, settings)
    assert list(result.by_release.values()) == [[]]
    [note] = result.warnings[name]
    assert "is a link" in note and result.processed == 0
    assert not (tmp_path / "site" / "output" / "photos").exists()
