"""Photos in real Pelican builds (features/photos.py and the theme), read back from disk.

One site is built once with ``--fatal warnings``: releases with photos beside them and in
a folder of their own, a draft with a photo, a release without photos, and one release
per kind of bad photo file. The pages, the feeds, the build report and the log are read
back; every image file a page names is opened with Pillow.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
import yaml
from bs4 import BeautifulSoup
from PIL import Image

from press_release.photos.cache import cache_key, source_digest
from press_release.photos.settings import photo_settings
from press_release.settings import DEFAULTS

from . import photo_files as make
from .conftest import ROOT
from .photo_files import release_text
from .test_build import WIDE, pelican

SITEURL = "https://humas.example.id/rilis"
BANJIR = "2024-03-12-banjir"
CAPTIONS = (
    "HUMAS : Petugas BPBD menurunkan perahu karet di Samarinda, Selasa (12/3). (yans/humasprov)\n"
    "DAPUR UMUM : Relawan menata paket sembako di posko pengungsian. (ky/humasprov)"
)
DRAFT_COLOUR = (123, 45, 67)

# (release stem, photo file, how it is made, published?, the warning's words or None)
BAD_FILES = [
    ("2024-05-01-rusak", "2024-05-01-rusak.jpg", make.truncated_jpeg, False, "cannot be decoded"),
    ("2024-05-02-bom", "2024-05-02-bom.png", make.bomb_png, False, "too many pixels"),
    ("2024-05-03-cmyk", "2024-05-03-cmyk.jpg", make.cmyk_jpeg, True, None),
    ("2024-05-04-gif", "2024-05-04-gif.gif", make.animated_gif, True, "only its first frame"),
    ("2024-05-05-png", "2024-05-05-png.png", make.alpha_png, True, None),
    ("2024-05-06-salah", "2024-05-06-salah.jpg", make.png_named_jpg, True, None),
]


def publish(content: Path, output: Path, *extra: str) -> subprocess.CompletedProcess:
    """The production build (publishconf.py: absolute URLs, feeds) of `content`, failing
    on any Pelican warning, as the Pages workflow runs it."""
    return subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s",
         "publishconf.py", "-e", f'PATH="{content}"', "--fatal", "warnings", *extra],
        capture_output=True, text=True, cwd=ROOT, timeout=600, env=dict(WIDE, SITEURL=SITEURL),
    )  # fmt: skip


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def make_site(content: Path) -> None:
    write(content / f"{BANJIR}.txt", release_text("Banjir Rendam Samarinda", CAPTIONS))
    make.phone_jpeg(content / f"{BANJIR}.jpg", size=(2400, 1800))  # stored sideways, GPS
    make.plain_jpeg(content / f"{BANJIR}-2.jpg", size=(1200, 900), colour=make.GREEN)
    make.alpha_png(content / f"{BANJIR}-3.PNG")
    write(  # photo 3 has no caption line: the header gives its caption and alt text
        content / f"{BANJIR}.txt",
        "Keterangan Foto 3: Peta genangan di Samarinda\nAlt 3: Peta berwarna hijau\n\n"
        + (content / f"{BANJIR}.txt").read_text(encoding="utf-8"),
    )
    folder = content / "2024-03-13-rapat"
    write(
        folder / "rilis.txt", release_text("Rapat Koordinasi di Kantor Gubernur", "HUMAS : Rapat.")
    )
    make.plain_jpeg(folder / "rilis.jpg", size=(1000, 700), colour=make.RED)
    make.plain_jpeg(folder / "suasana.jpg", size=(900, 600), colour=(10, 120, 120))
    draft = release_text("Rilis Rahasia Belum Terbit", "HUMAS : Foto rahasia.")
    write(content / "2024-03-14-rahasia.txt", "Status: draft\n\n" + draft)
    make.plain_jpeg(content / "2024-03-14-rahasia.jpg", size=(800, 600), colour=DRAFT_COLOUR)
    write(content / "2024-03-15-tanpa-foto.txt", release_text("Rilis Tanpa Foto Sama Sekali"))
    header = "Foto: Tim Humas\n\n" + release_text("Rilis Dengan Kredit Tanpa Foto")
    write(content / "2024-03-16-kredit.txt", header)
    for stem, name, maker, _published, _warning in BAD_FILES:
        write(content / f"{stem}.txt", release_text(f"Rilis Uji {stem[11:]}", "HUMAS : Foto uji."))
        maker(content / name)
    make.plain_jpeg(content / "tanpa-rilis.jpg", size=(300, 200))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("photo-site")
    make_site(root / "content")
    result = publish(root / "content", root / "output")
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads((root / "press-release-report.json").read_text(encoding="utf-8"))
    records = {entry["source"]: entry for entry in report["files"]}
    return root, result.stdout + result.stderr, records


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page_of(output: Path, title: str) -> BeautifulSoup:
    for path in output.glob("20*/*/*/index.html"):
        page = soup(path)
        if page.h1.get_text(strip=True) == title:
            return page
    raise AssertionError(f"no page titled {title}")


def local(output: Path, url: str) -> Path:
    """The file in the output that an absolute URL of the site names."""
    assert url.startswith(SITEURL + "/"), url
    return output / urlsplit(url).path.removeprefix(urlsplit(SITEURL).path + "/")


def srcset(value: str) -> list[tuple[str, int]]:
    return [(url, int(width[:-1])) for url, width in (c.split() for c in value.split(", "))]


# --------------------------------------------------------------------------- the release page


def test_lead_photo_markup_and_files(site):
    root, _log, _records = site
    output = root / "output"
    page = page_of(output, "Banjir Rendam Samarinda")
    figure = page.select_one("figure.pr-figure--lead")
    picture = figure.picture
    img = picture.img
    # Turned upright from EXIF orientation 6 (1800 x 2400), at most 1600 wide.
    assert (img["width"], img["height"]) == ("1600", "2133")
    assert (img["loading"], img["fetchpriority"]) == ("eager", "high")
    assert img["data-pagefind-meta"] == "image[src], image_alt[alt]"
    assert img["sizes"] == "(min-width: 48rem) 46rem, 100vw"
    assert img["alt"] == "Petugas BPBD menurunkan perahu karet di Samarinda, Selasa (12/3)."
    [webp] = picture.find_all("source")
    assert webp["type"] == "image/webp" and webp["sizes"] == img["sizes"]
    for candidates, fmt in ((srcset(webp["srcset"]), "WEBP"), (srcset(img["srcset"]), "JPEG")):
        assert [width for _url, width in candidates] == [480, 960, 1600]
        for url, width in candidates:
            with Image.open(local(output, url)) as image:
                assert (image.format, image.width) == (fmt, width)
                assert not image.getexif()  # no GPS, no camera serial
    assert local(output, img["src"]).is_file()
    caption = figure.figcaption.get_text(" ", strip=True)
    assert caption.startswith("HUMAS : Petugas BPBD menurunkan perahu karet")
    assert figure.select_one(".pr-figure__credit").get_text() == "Foto: yans/humasprov"
    assert figure.a["href"].endswith("-1600.jpg")


def test_caption_lines_move_from_the_body_to_their_photos(site):
    root, _log, _records = site
    page = page_of(root / "output", "Banjir Rendam Samarinda")
    body = " ".join(p.get_text() for p in page.select(".pr-release__body"))
    assert "Petugas BPBD menurunkan" not in body and "Relawan menata" not in body
    assert not page.select(".pr-release__body .pr-caption")
    # The lead paragraph comes right after the photo, the release's details after it.
    order = [
        el for el in page.select(".pr-release > *") if el.name in ("header", "figure", "div", "dl")
    ]
    assert [el.name for el in order[:4]] == ["header", "figure", "div", "dl"]
    assert order[2].select_one(".pr-lead") is not None


def test_further_photos_are_a_gallery_loaded_lazily(site):
    root, _log, _records = site
    output = root / "output"
    page = page_of(output, "Banjir Rendam Samarinda")
    gallery = page.select_one("section.pr-gallery")
    heading = gallery.find("h2")
    assert gallery["aria-labelledby"] == heading["id"] and heading.get_text() == "Foto lainnya"
    items = gallery.select("ul > li figure")
    assert len(items) == 2
    for figure in items:
        img = figure.img
        assert img["loading"] == "lazy" and "fetchpriority" not in img.attrs
        assert img.get("width") and img.get("height")
        link = figure.a
        assert link.find("img") is img  # the photo is the link to its full size
        with Image.open(local(output, link["href"])) as full:
            assert full.format == "JPEG"
    second, third = items
    assert second.figcaption.get_text(" ", strip=True).startswith("DAPUR UMUM : Relawan")
    assert third.figcaption.get_text(strip=True) == "Peta genangan di Samarinda"
    assert third.img["alt"] == "Peta berwarna hijau"


def test_a_release_in_its_own_folder(site):
    root, _log, _records = site
    page = page_of(root / "output", "Rapat Koordinasi di Kantor Gubernur")
    assert page.select_one("figure.pr-figure--lead img")["width"] == "1000"
    assert len(page.select(".pr-gallery li")) == 1
    region = page.select_one(".pr-release__meta a[href*='/kategori/']").get_text()
    assert region == "misc"  # the default region, not the folder's name


def test_link_preview_and_json_ld(site):
    root, _log, _records = site
    output = root / "output"
    page = page_of(output, "Banjir Rendam Samarinda")

    def meta(attr, name):
        return page.find("meta", attrs={attr: name})["content"]

    assert meta("name", "twitter:card") == "summary_large_image"
    with Image.open(local(output, meta("property", "og:image"))) as preview:
        assert preview.size == (int(meta("property", "og:image:width")), 630)
        assert preview.size == (1200, 630) and preview.format == "JPEG"
    data = json.loads(page.find("script", type="application/ld+json").string)
    image = data["image"]
    assert image["@type"] == "ImageObject"
    assert image["caption"].startswith("HUMAS : Petugas BPBD menurunkan perahu karet")
    assert image["creditText"] == "yans/humasprov"
    with Image.open(local(output, image["url"])) as full:
        assert full.size == (image["width"], image["height"]) == (1600, 2133)


def test_a_release_without_photos_shares_the_default_image(site):
    root, _log, _records = site
    output = root / "output"
    page = page_of(output, "Rilis Tanpa Foto Sama Sekali")
    assert page.select_one("figure") is None and page.select_one("picture") is None
    og = page.find("meta", property="og:image")["content"]
    assert og == f"{SITEURL}/theme/img/social.png"
    with Image.open(local(output, og)) as image:
        assert image.size == (1200, 630)
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["image"] == {"@type": "ImageObject", "url": og, "width": 1200, "height": 630}
    assert page.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"


# --------------------------------------------------------------------------- lists and feeds


@pytest.mark.parametrize(
    "listing",
    ["index.html", "kategori/misc/index.html", "arsip/2024/03/index.html",
     "tempat/samarinda/index.html", "reporter/rus/index.html"],
    ids=["home", "region", "archive", "place", "reporter"],
)  # fmt: skip
def test_cards_show_a_thumbnail_only_for_releases_with_photos(site, listing):
    root, _log, _records = site
    page = soup(root / "output" / listing)
    cards = {c.h2.get_text(strip=True): c for c in page.select(".pr-card")}
    card = cards["Banjir Rendam Samarinda"]
    img = card.select_one("img.pr-card__image")
    assert img["alt"] == "" and img["loading"] == "lazy"
    assert img["width"] and img["height"] and card.select_one("source[type='image/webp']")
    if "Rilis Tanpa Foto Sama Sekali" in cards:
        assert cards["Rilis Tanpa Foto Sama Sekali"].find("img") is None


@pytest.mark.parametrize("kind", ["atom", "rss"])
def test_feeds_carry_the_lead_photo(site, kind):
    root, _log, _records = site
    output = root / "output"
    feed = feedparser.parse((output / "feeds" / f"all.{kind}.xml").read_bytes())
    assert not feed.bozo
    entries = {entry.title: entry for entry in feed.entries}
    [enclosure] = entries["Banjir Rendam Samarinda"].enclosures
    path = local(output, enclosure.href)
    assert enclosure.type == "image/jpeg" and int(enclosure.length) == path.stat().st_size
    assert entries["Rilis Tanpa Foto Sama Sekali"].enclosures == []


# --------------------------------------------------------------------------- privacy


def test_a_drafts_photos_never_reach_the_output(site):
    root, _log, records = site
    output = root / "output"
    data = (root / "content" / "2024-03-14-rahasia.jpg").read_bytes()
    key = cache_key(source_digest(data), photo_settings({}).fingerprint)
    assert not [p for p in output.rglob("*") if p.name.startswith(key)]
    assert not (root / ".cache" / "photos" / f"{key}.json").exists()  # not even processed
    assert records["2024-03-14-rahasia.txt"]["status"] == "draft"
    assert "2024-03-14-rahasia.jpg" not in records  # its photo is no orphan


def test_no_original_photo_is_copied(site):
    root, _log, _records = site
    originals = {p.name for p in (root / "content").rglob("*") if p.suffix != ".txt"}
    assert not originals & {p.name for p in (root / "output").rglob("*")}


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("stem", "name", "published", "warning"),
    [(stem, name, published, warning) for stem, name, _m, published, warning in BAD_FILES],
    ids=["corrupt", "bomb", "cmyk", "animated-gif", "png-alpha", "wrong-extension"],
)
def test_a_bad_photo_is_published_or_skipped_with_one_warning(site, stem, name, published, warning):
    root, log, records = site
    page = page_of(root / "output", f"Rilis Uji {stem[11:]}")
    assert (page.select_one("figure.pr-figure--lead") is not None) == published
    notes = [w for w in records[f"{stem}.txt"]["warnings"] if name in w]
    named_in_log = " ".join(log.split()).count(f"foto {name}:")
    if warning is None:
        assert notes == [] and named_in_log == 0
        with Image.open(local(root / "output", page.select_one("figure img")["src"])) as image:
            assert image.mode == "RGB"  # CMYK converted, transparency flattened for JPEG
    else:
        assert len(notes) == 1 and warning in notes[0] and named_in_log == 1
        assert records[f"{stem}.txt"]["status"] == "published with warnings"


def test_a_photo_with_no_release_is_skipped_and_named(site):
    root, log, records = site
    assert records["tanpa-rilis.jpg"]["status"] == "skipped"
    assert "a photo with no release" in records["tanpa-rilis.jpg"]["error"]
    # the log speaks the site's language (DEFAULT_LANG "id" in pelicanconf.py)
    assert " ".join(log.split()).count("tanpa-rilis.jpg: dilewati: foto tanpa rilis") == 1
    assert not [p for p in (root / "output").rglob("*") if "tanpa-rilis" in p.name]


def test_a_header_line_about_a_missing_photo_is_named(site):
    _root, log, records = site
    [warning] = records["2024-03-16-kredit.txt"]["warnings"]
    assert "'Foto: ...' describes the lead photo, but the release has none" in warning
    assert " ".join(log.split()).count("2024-03-16-kredit.txt: baris kepala 'Foto: ...'") == 1


# --------------------------------------------------------------------------- rebuilds


def cache_files(root: Path) -> dict[str, int]:
    folder = root / ".cache" / "photos"
    return {p.name: p.stat().st_mtime_ns for p in folder.iterdir() if p.name != "index.json"}


def test_a_rebuild_processes_nothing_and_a_draft_takes_its_photos_back(tmp_path):
    content = tmp_path / "content"
    write(content / "2024-06-01-pasar.txt", release_text("Pasar Murah Digelar", "HUMAS : Pasar."))
    make.plain_jpeg(content / "2024-06-01-pasar.jpg", size=(800, 600))
    write(content / "2024-06-02-rapat.txt", release_text("Rapat Digelar Lagi", "HUMAS : Rapat."))
    make.plain_jpeg(content / "2024-06-02-rapat.jpg", size=(800, 600), colour=make.GREEN)
    output = tmp_path / "output"
    assert pelican(content, output).returncode == 0
    cached = cache_files(tmp_path)
    published = sorted(p.name for p in (output / "photos").iterdir())
    assert len(published) == 2 * 5  # two photos: 480 and 800 wide in WebP and JPEG, the crop
    # Turned into a draft: its photos leave the output of the next build into it.
    text = (content / "2024-06-01-pasar.txt").read_text(encoding="utf-8")
    write(content / "2024-06-01-pasar.txt", "Status: draft\n\n" + text)
    assert pelican(content, output).returncode == 0
    assert cache_files(tmp_path) == cached  # nothing processed again
    kept = sorted(p.name for p in (output / "photos").iterdir())
    assert len(kept) == 5 and set(kept) < set(published)
    page = soup(next(output.glob("2024/06/rapat-digelar-lagi/index.html")))
    [img] = page.select("figure img")
    assert (output / "photos" / Path(img["src"]).name).is_file()


def test_photos_off_publishes_none(tmp_path):
    content = tmp_path / "content"
    write(content / "2024-06-01-pasar.txt", release_text("Pasar Murah Digelar", "HUMAS : Pasar."))
    make.plain_jpeg(content / "2024-06-01-pasar.jpg", size=(800, 600))
    result = pelican(content, tmp_path / "output", "-e", "PRESS_RELEASE_PHOTOS=false")
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "output" / "photos").exists()
    assert not (tmp_path / ".cache" / "photos").exists()
    page = soup(next((tmp_path / "output").glob("2024/06/*/index.html")))
    assert page.find("picture") is None and page.select(".pr-caption")


def test_speed_layer_off_gives_the_same_photo_pages(tmp_path):
    content = tmp_path / "content"
    make_site(content)
    shutil.rmtree(content / "2024-03-13-rapat")
    for stem, name, *_ in BAD_FILES:
        os.unlink(content / f"{stem}.txt")
        os.unlink(content / name)
    fast = publish(content, tmp_path / "fast")
    plain = publish(content, tmp_path / "plain", "-e", "PRESS_RELEASE_SPEEDUPS=false")
    assert fast.returncode == plain.returncode == 0, fast.stderr + plain.stderr
    for name in ("feeds/all.atom.xml", "index.html"):
        assert (tmp_path / "fast" / name).read_bytes() == (tmp_path / "plain" / name).read_bytes()
    [page] = (tmp_path / "fast").glob("2024/03/banjir-rendam-samarinda/index.html")
    twin = tmp_path / "plain" / page.relative_to(tmp_path / "fast")
    assert page.read_bytes() == twin.read_bytes()


# --------------------------------------------------------------------------- the Pages workflow


def test_the_pages_workflow_keeps_the_photo_cache_before_building():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text("utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    [cache] = [
        s
        for s in steps
        if s.get("uses", "").startswith("actions/cache@")
        and s["with"]["path"] == DEFAULTS["PRESS_RELEASE_PHOTOS_CACHE"]
    ]
    assert cache["with"]["path"] == DEFAULTS["PRESS_RELEASE_PHOTOS_CACHE"]
    assert cache["with"]["restore-keys"] == "photos-"
    assert cache["with"]["key"].startswith("photos-")
    build = next(i for i, s in enumerate(steps) if s.get("run", "").startswith("pelican "))
    assert steps.index(cache) < build
