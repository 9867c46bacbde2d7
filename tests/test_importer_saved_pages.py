"""importer/saved_pages.py: the article of a saved page, found from its own structure."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from press_release.importer import saved_pages
from press_release.importer.model import Skipped, SourceItem

PAGES = Path(__file__).resolve().parent / "importer_inputs" / "pages"
WORDPRESS = PAGES / "humas.contoh.go.id" / "2024" / "03" / "rakor-karhutla" / "index.html"
BROWSER = PAGES / "disimpan-browser" / "Berita Ketahanan Pangan.html"
OLD_PORTAL = PAGES / "portal-lama" / "berita-taman-baca.html"
LISTING = PAGES / "humas.contoh.go.id" / "category" / "berita-utama" / "index.html"


def extract(path: Path, base_url: str | None = None):
    return saved_pages.extract(path, PAGES, base_url)


@pytest.fixture(scope="module")
def wordpress() -> SourceItem:
    return extract(WORDPRESS)


# What each page says of itself, field by field (as a reader sees the page).
FIELDS = [
    (WORDPRESS, "title", "Pemprov Gelar Rakor Siaga Karhutla Jelang Kemarau"),
    (WORDPRESS, "date", datetime(2024, 3, 21, 14, 5)),
    (WORDPRESS, "category", "Berita Utama"),
    (WORDPRESS, "tags", ["karhutla", "BPBD"]),
    (WORDPRESS, "author", "Dinda Lestari"),
    (WORDPRESS, "old_url", "https://humas.contoh.go.id/2024/03/rakor-karhutla/"),
    (BROWSER, "title", "Panen Raya Padi Perkuat Ketahanan Pangan Daerah"),
    (BROWSER, "date", datetime(2024, 3, 14, 8, 15)),
    (BROWSER, "category", "Pertanian"),
    (BROWSER, "old_url", "https://diskominfo.contoh.go.id/berita/detail/2024/ketahanan-pangan"),
    (OLD_PORTAL, "title", "Wali Kota Resmikan Taman Baca di Kelurahan Teluk"),
    (OLD_PORTAL, "date", datetime(2013, 10, 7, 10, 21)),
    (OLD_PORTAL, "old_url", None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("path", "field", "expected"),
    FIELDS,
    ids=[f"{p.parent.name}-{f}" for p, f, _ in FIELDS],
)
def test_fields(path, field, expected):
    assert getattr(extract(path), field) == expected


def test_wordpress_body_without_chrome(wordpress):
    body = wordpress.body
    assert body.startswith("SAMARINDA – Pemerintah Provinsi Contoh menggelar")
    assert "1. memetakan ulang desa rawan karhutla," in body
    assert body.endswith("akan dilatih mulai April. (dl/humasprov)")
    chrome_words = ("Bagikan", "WhatsApp", "Tweet", "Berita Terkait", "Terpopuler",
                    "KOMENTAR-PEMBACA", "Tinggalkan Balasan", "Hak cipta", "Tags:")  # fmt: skip
    for chrome in (*chrome_words, "Beranda"):
        assert chrome.casefold() not in body.casefold(), chrome


def test_wordpress_lead_photo_first(wordpress):
    refs = [p.ref for p in wordpress.photos]
    assert refs[0].endswith("rakor-karhutla-750x500.jpg")
    assert "https://humas.contoh.go.id/wp-content/uploads/2024/03/rakor-karhutla.jpg" in refs


def test_browser_save_in_windows_1252():
    item = extract(BROWSER)
    assert "“Kenaikan ini berkat irigasi" in item.body  # curly quotes from cp1252 bytes
    assert item.body.startswith("SENDAWAR – Bupati")
    assert "Berita Lainnya" not in item.body and "kali dibaca" not in item.body
    assert item.photos[0].ref == "./Berita Ketahanan Pangan_files/panen-raya.jpg"


def test_old_table_portal_by_text_density():
    item = extract(OLD_PORTAL)
    paragraphs = item.body.split("\n\n")
    assert paragraphs[0].startswith("CONTOH - Wali Kota meresmikan")
    assert "Ibu Marlína" in item.body  # Latin-1
    assert "Profil Kota" not in item.body  # the menu column
    assert item.title not in item.body  # the title line moved to the header


def test_old_portal_gets_its_address_from_the_base_url():
    item = extract(OLD_PORTAL, base_url="https://kota.contoh.go.id/arsip")
    assert item.old_url == "https://kota.contoh.go.id/arsip/portal-lama/berita-taman-baca.html"


def test_listing_page_is_skipped_with_its_teasers():
    skipped = extract(LISTING)
    assert isinstance(skipped, Skipped)
    assert skipped.reason.code == "listing" and skipped.reason.values["count"] == 4


def test_page_without_an_article_is_skipped():
    skipped = extract(PAGES / "rusak" / "kontak.html")
    assert isinstance(skipped, Skipped) and skipped.reason.code == "no_article"


def test_broken_page_keeps_the_paragraphs_broken_markup_cut_off():
    item = extract(PAGES / "rusak" / "paripurna.html")
    assert item.title == "Rapat Paripurna DPRD Setujui APBD Perubahan"
    assert "menyetujui rancangan APBD Perubahan 2023" in item.body
    assert "Ketua DPRD meminta pemerintah kota" in item.body  # after a stray </div>
    assert "\x00" not in item.body
    assert "tautan" not in item.body  # the widget inside the broken tail


def test_files_of_a_mirror_in_order_without_asset_folders():
    files = [p.relative_to(PAGES).as_posix() for p in saved_pages.page_files(PAGES)]
    assert files == sorted(files)
    assert not any("_files/" in f or "wp-content" in f for f in files)
    assert "disimpan-browser/Berita Ketahanan Pangan.html" in files


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "not_html"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not_html"),
        (b"<html><body><ul><li><a href='/a'>A</a></li></ul></body></html>", "no_article"),
    ],
    ids=["empty", "binary", "menu_only"],
)
def test_bad_pages_are_skipped_never_raise(tmp_path, content, code):
    page = tmp_path / "halaman.html"
    page.write_bytes(content)
    skipped = saved_pages.extract(page, tmp_path)
    assert isinstance(skipped, Skipped) and skipped.reason.code == code
