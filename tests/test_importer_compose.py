"""importer/compose.py: a source item as a release file the site's parser reads back."""

from __future__ import annotations

from datetime import datetime

import pytest

from press_release.importer.compose import compose, file_stem
from press_release.importer.model import SourceItem
from press_release.importer.pipeline import prepare
from press_release.parse import parse_text

BODY = (
    "SAMARINDA – Pemerintah Provinsi Contoh menggelar rapat koordinasi banjir bersama "
    "BPBD kabupaten dan kota, Selasa (12/3).\n\nRapat menyepakati posko terpadu. (rus/hmsprov)"
)


def item(**fields) -> SourceItem:
    values = dict(
        origin="uji", keys=("https://humas.contoh.go.id/?p=7",), title="Rapat Koordinasi Banjir",
        date=datetime(2024, 3, 12, 9, 30), date_has_time=True, category="Berita Utama",
        tags=["banjir", "BPBD"], old_url="https://humas.contoh.go.id/2024/03/rapat-banjir/",
        slug_hint="rapat-banjir", body=BODY,
    )  # fmt: skip
    values.update(fields)
    return SourceItem(**values)


def test_header_round_trip():
    release = parse_text(compose(item()).text)
    assert release.title == "Rapat Koordinasi Banjir"
    assert release.date_iso == "2024-03-12T09:30"
    assert release.category == "Berita Utama"
    assert release.tags == ["banjir", "BPBD"]
    assert release.slug == "rapat-banjir"
    assert release.old_url == "https://humas.contoh.go.id/2024/03/rapat-banjir/"
    assert release.dateline == "SAMARINDA" and release.byline == "rus/hmsprov"


@pytest.mark.parametrize(
    ("fields", "stem"),
    [
        ({}, "2024-03-12-rapat-banjir"),
        ({"slug_hint": None}, "2024-03-12-rapat-koordinasi-banjir"),
        ({"slug_hint": None, "date": None}, "rapat-koordinasi-banjir"),
        # the first eight words of the text, the dash among them
        ({"slug_hint": None, "title": None, "date": None},
         "samarinda-pemerintah-provinsi-contoh-menggelar-rapat-koordinasi"),
    ],
    ids=["old_slug", "title", "undated", "untitled"],
)  # fmt: skip
def test_file_name(fields, stem):
    assert file_stem(item(**fields)) == stem


def test_header_values_are_single_lines_without_controls():
    text = compose(item(title="Rapat\nKoordinasi\x00 Banjir", category="Berita\tUtama")).text
    assert text.splitlines()[:1] == ["Judul: Rapat Koordinasi Banjir"]
    assert "Kategori: Berita Utama" in text.splitlines()


def test_only_keys_with_values():
    text = compose(item(category=None, tags=[], slug_hint=None, date=None)).text
    keys = [line.split(":")[0] for line in text.split("\n\n")[0].splitlines()]
    assert keys == ["Judul", "URL-Lama"]


def test_author_credits_a_text_that_names_nobody():
    prepared = prepare(
        item(body="Rapat menyepakati posko terpadu di setiap kecamatan.", author="Ratna Sari")
    )
    assert prepared.text.rstrip().endswith("Penulis: Ratna Sari")
    assert parse_text(prepared.text).credited_reporters == ["Ratna Sari"]


def test_author_is_not_added_when_the_text_has_a_byline():
    prepared = prepare(item(author="Ratna Sari"))
    assert "Penulis" not in prepared.text


def test_text_the_reader_drops_is_reported():
    body = BODY.replace("\n\nRapat", "\n\nBaca juga: Posko Banjir Dibuka\n\nRapat")
    prepared = prepare(item(body=body))
    assert [n.code for n in prepared.notes] == ["reader_dropped"]
    assert "Baca juga" in str(prepared.notes[0])


def test_a_hyphenated_key_that_is_not_known_makes_no_header():
    text = (
        "E-mail: humas@contoh.go.id\n\nSAMARINDA – Rapat digelar di kantor gubernur. (rus/hmsprov)"
    )
    release = parse_text(text)
    assert release.header == {} and release.old_url is None


@pytest.mark.parametrize("key", ["URL-Lama", "url-lama", "Old-URL"], ids=["id", "lower", "en"])
def test_old_url_header_keys(key):
    release = parse_text(
        f"{key}: https://lama.go.id/x/\n\nSAMARINDA – Rapat digelar hari ini. (rus/hmsprov)"
    )
    assert release.old_url == "https://lama.go.id/x/"
