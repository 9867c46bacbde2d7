"""`python -m press_release import`: run as an office runs it, then built by Pelican."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from press_release.importer.write import STATE_NAME

from .conftest import ROOT
from .test_build import pelican, soup

INPUTS = Path(__file__).resolve().parent / "importer_inputs"
EXPORT = INPUTS / "wxr" / "humas-kaltara.xml"
SOURCES = [EXPORT, INPUTS / "pages", INPUTS / "dumps" / "berita.csv"]
DUMP_URL = ["--old-url", "https://kab.contoh.go.id/berita/{id_berita}/{judul_seo}"]
WP = "{http://wordpress.org/export/1.2/}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
WORD = re.compile(r"\w+")


def run_import(*args, cwd=ROOT):
    return subprocess.run(
        [sys.executable, "-m", "press_release", "import", *map(str, args)],
        capture_output=True, text=True, cwd=cwd, timeout=300,
    )  # fmt: skip


def check_json(*files):
    result = subprocess.run(
        [sys.executable, "-m", "press_release", "check", "--json", *map(str, files)],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )  # fmt: skip
    return {Path(r["source"]).name: r for r in json.loads(result.stdout)}


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def published_posts() -> list[dict]:
    """The export's published posts, read independently of the importer."""
    posts = []
    for item in ET.parse(EXPORT).getroot().iter("item"):
        if item.findtext(f"{WP}status") != "publish" or item.findtext(f"{WP}post_type") != "post":
            continue
        text = BeautifulSoup(item.findtext(CONTENT) or "", "html.parser").get_text(" ")
        text = re.sub(r"\[/?caption[^\]]*\]", " ", text)
        if not text.strip():
            continue
        categories = [c.text for c in item.findall("category") if c.get("domain") == "category"]
        posts.append({
            "guid": item.findtext("guid"),
            "title": html.unescape(item.findtext("title") or "") or None,
            "date": (item.findtext(f"{WP}post_date") or "")[:16].replace(" ", "T"),
            "category": categories[0] if categories else None,
            "words": set(WORD.findall(text.casefold())),
        })  # fmt: skip
    firsts = {}
    for post in posts:
        firsts.setdefault(post["guid"], post)  # a repeated GUID is the same release
    return list(firsts.values())


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    content = tmp_path_factory.mktemp("content")
    report = content.parent / "laporan.json"
    result = run_import(*SOURCES, "--to", content, "--report", report, *DUMP_URL)
    assert result.returncode == 0, result.stdout + result.stderr
    return content, json.loads(report.read_text(encoding="utf-8")), result


def test_report_lists_every_outcome(imported):
    _, report, result = imported
    statuses = {item["origin"]: (item["status"], item["reason_code"]) for item in report["items"]}
    assert statuses[
        "humas-kaltara.xml, item 7 (Banjir Rendam Tiga Desa, Pemprov Kirim Perahu dan Logistik)"
    ] == ("duplicate", "duplicate")
    assert statuses["humas-kaltara.xml, item 4 (Draf: Rencana Rapat Koordinasi)"] == (
        "skipped",
        "draft",
    )
    assert statuses["humas-kaltara.xml, item 6 (Tentang Kami)"] == ("skipped", "page")
    assert statuses["humas.contoh.go.id/category/berita-utama/index.html"] == ("skipped", "listing")
    assert statuses["berita, row 4 (Judul Tanpa Isi)"] == ("skipped", "only_title")
    imported_files = [i["file"] for i in report["items"] if i["status"] == "imported"]
    assert report["counts"]["imported"] == len(imported_files) == 10
    assert "Traceback" not in result.stderr
    assert "duplicate" in result.stdout and "skipped, by reason:" in result.stdout


def test_files_are_in_the_authors_format(imported):
    content, _, _ = imported
    text = (content / "2024-01-16-banjir-rendam-tiga-desa.txt").read_text(encoding="utf-8")
    header, _, body = text.partition("\n\n")
    assert header.splitlines() == [
        "Judul: Banjir Rendam Tiga Desa, Pemprov Kirim Perahu dan Logistik",
        "Tanggal: 2024-01-16 09:30",
        "Kategori: Berita Utama",
        "Label: banjir, BPBD",
        "Slug: banjir-rendam-tiga-desa",
        "URL-Lama: https://humas.contoh.go.id/2024/01/banjir-rendam-tiga-desa/",
    ]
    assert "TANJUNG SELOR – Pemerintah Provinsi Contoh" in body
    assert body.rstrip().endswith("(rin/humasprov)")


def test_photos_beside_the_release_under_the_convention(imported):
    content, _, _ = imported
    names = sorted(p.name for p in content.iterdir() if p.suffix == ".jpg")
    assert names == [
        "2024-01-16-banjir-rendam-tiga-desa.jpg",
        "2024-03-14-panen-raya-padi-perkuat-ketahanan-pangan-daerah.jpg",
        "2024-03-21-pemprov-gelar-rakor-siaga-karhutla-jelang-kemarau.jpg",
        "2024-07-09-rapat-percepatan-penurunan-stunting-digelar.jpg",
    ]
    source = INPUTS / "wxr" / "wp-content" / "uploads" / "2024" / "01" / "perahu-karet.jpg"
    assert (content / names[0]).read_bytes() == source.read_bytes()


def test_nothing_private_is_written(imported):
    content, _, _ = imported
    everything = " ".join(p.read_text(encoding="utf-8") for p in content.glob("*.txt"))
    for secret in (
        "RAHASIA",
        "KOMENTAR-PRIBADI",
        "203.0.113.7",
        "ratna@contoh.go.id",
        "KOMENTAR-PEMBACA",
    ):
        assert secret not in everything


def test_check_gives_back_the_source(imported):
    content, _, _ = imported
    records = check_json(*sorted(content.glob("*.txt")))
    by_url = {}
    for path in content.glob("*.txt"):
        match = re.search(r"^URL-Lama: (.+)$", path.read_text(encoding="utf-8"), re.M)
        if match:
            by_url[match[1]] = records[path.name]
    guid_to_url = {
        i.findtext("guid"): i.findtext("link") for i in ET.parse(EXPORT).getroot().iter("item")
    }
    for post in published_posts():
        record = by_url[guid_to_url[post["guid"]]]
        assert record["title"] == post["title"]
        assert (record["date"] or "")[:16] == (post["date"] if post["title"] else "")[
            :16
        ] or not post["title"]
        assert record["category"] == post["category"]
        shown = " ".join(
            str(record[k] or "") for k in ("title", "dateline", "body_text", "byline", "summary")
        )
        shown_words = set(WORD.findall(shown.casefold()))
        captions = {"evakuasi", "petugas", "menurunkan", "sungai", "lama", "rin"}
        missing = post["words"] - shown_words - captions
        assert not missing, (post["title"], sorted(missing))


def test_imported_site_builds_with_redirects(imported, tmp_path):
    content, _, _ = imported
    site = tmp_path / "content"
    shutil.copytree(content, site)
    output = tmp_path / "output"
    result = pelican(
        site, output,
        'PRESS_RELEASE_OLD_SITE_URL="https://humas.contoh.go.id"', "PRESS_RELEASE_SEARCH=false",
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    releases = [p for p in output.rglob("index.html") if soup(p).select_one("article.pr-release")]
    assert len(releases) == len(list(site.glob("*.txt")))
    # The WordPress posts kept their old slug: the old address is the new one.
    assert (output / "2024" / "01" / "banjir-rendam-tiga-desa" / "index.html").exists()
    # The saved WordPress page had no slug of its own: a redirect page at its old path.
    redirect = output / "2024" / "03" / "rakor-karhutla" / "index.html"
    page = BeautifulSoup(redirect.read_text(encoding="utf-8"), "html.parser")
    target = page.find("link", rel="canonical")["href"]
    assert page.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url={target}"
    assert (
        page.find("a", href=target).get_text()
        == "Pemprov Gelar Rakor Siaga Karhutla Jelang Kemarau"
    )
    assert (redirect.parent / target / "index.html").resolve().exists()


def test_second_import_changes_nothing(imported, tmp_path):
    content, _, _ = imported
    again = tmp_path / "content"
    shutil.copytree(content, again)
    before = snapshot(again)
    result = run_import(*SOURCES, "--to", again, *DUMP_URL)
    assert result.returncode == 0, result.stderr
    assert snapshot(again) == before
    assert re.search(r"^0 imported, 0 updated, 10 unchanged", result.stdout, re.M)


def test_edited_files_are_kept_and_untouched_ones_updated(imported, tmp_path):
    content, _, _ = imported
    again = tmp_path / "content"
    shutil.copytree(content, again)
    edited = again / "2024-01-16-banjir-rendam-tiga-desa.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nCatatan redaksi.\n", encoding="utf-8")
    (again / "tanpa-judul.txt").unlink()
    changed = tmp_path / "ekspor.xml"
    changed.write_text(
        EXPORT.read_text(encoding="utf-8")
        .replace("800 paket logistik", "900 paket logistik")
        .replace("sampai akhir bulan", "sampai pertengahan bulan"),
        encoding="utf-8",
    )
    shutil.copytree(INPUTS / "wxr" / "wp-content", tmp_path / "wp-content")
    result = run_import(changed, "--to", again)
    assert result.returncode == 0, result.stderr
    assert "Catatan redaksi." in edited.read_text(encoding="utf-8")  # not overwritten
    assert "800 paket" in edited.read_text(encoding="utf-8")
    assert "edited since the last import" in result.stdout
    updated = (again / "2024-02-05-gubernur-tinjau-pasar-murah.txt").read_text(encoding="utf-8")
    assert "sampai pertengahan bulan" in updated
    assert not (again / "tanpa-judul.txt").exists()  # removed by someone: not written again
    assert "removed since the last import" in result.stdout


def test_an_import_stopped_before_saving_its_state_duplicates_nothing(imported, tmp_path):
    content, _, _ = imported
    again = tmp_path / "content"
    shutil.copytree(content, again)
    (again / STATE_NAME).unlink()
    before = {p.name for p in again.iterdir()} | {STATE_NAME}
    result = run_import(*SOURCES, "--to", again, *DUMP_URL)
    assert result.returncode == 0, result.stderr
    assert {p.name for p in again.iterdir()} == before


def test_dry_run_writes_nothing(tmp_path):
    result = run_import(EXPORT, "--to", tmp_path, "--dry-run")
    assert result.returncode == 0 and "dry run" in result.stdout
    assert list(tmp_path.iterdir()) == []


def test_serial_and_parallel_imports_write_the_same_files(tmp_path):
    one, two = tmp_path / "satu", tmp_path / "dua"
    one.mkdir(), two.mkdir()
    assert run_import(*SOURCES, "--to", one, "--jobs", "1").returncode == 0
    assert run_import(*SOURCES, "--to", two, "--jobs", "2").returncode == 0
    assert {p.name: p.read_bytes() for p in one.iterdir()} == {
        p.name: p.read_bytes() for p in two.iterdir()
    }


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("foto.png", b"\x89PNG\r\n\x1a\n\x00\x00", 1),
        ("rusak.xml", b"<rss><channel><item><title>x", 0),
        ("kosong.json", b"", 1),
    ],
    ids=["unknown_source", "truncated_export", "empty_dump"],
)
def test_bad_sources_are_reported_never_a_traceback(tmp_path, name, content, code):
    source = tmp_path / name
    source.write_bytes(content)
    target = tmp_path / "content"
    target.mkdir()
    result = run_import(source, "--to", target)
    assert result.returncode == code, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert not [p for p in target.iterdir() if p.suffix == ".txt"]


def test_missing_target_folder(tmp_path):
    result = run_import(EXPORT, "--to", tmp_path / "tidak-ada")
    assert result.returncode == 2 and "does not exist" in result.stderr


def test_unreadable_state_stops_the_import_before_anything_is_written(tmp_path):
    (tmp_path / STATE_NAME).write_text("bukan basis data", encoding="utf-8")
    result = run_import(EXPORT, "--to", tmp_path)
    assert result.returncode == 1 and "cannot be read" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == [STATE_NAME]
