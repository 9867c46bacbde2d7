"""importer/dump.py: CSV and JSON dumps of a CMS table."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from press_release.errors import PressReleaseError
from press_release.importer import dump
from press_release.importer.model import Skipped, SourceItem

DUMPS = Path(__file__).resolve().parent / "importer_inputs" / "dumps"


def read(path: Path, maps=(), old_url=None, encoding=None) -> tuple[dump.DumpReader, list]:
    options = dump.DumpOptions.from_arguments(path, list(maps), old_url, encoding)
    reader = dump.DumpReader(path, dump.dump_kind(path), options)
    return reader, [dump.convert((pos, row, options)) for pos, row in reader.rows()]


@pytest.fixture(scope="module")
def berita():
    return read(
        DUMPS / "berita.csv", old_url="https://kab.contoh.go.id/berita/{id_berita}/{judul_seo}"
    )


def test_lokomedia_columns_are_found_by_themselves(berita):
    _, items = berita
    item = items[0]
    assert item.title == "Rapat Percepatan Penurunan Stunting Digelar"
    assert item.date == datetime(2024, 7, 9, 9, 45)
    assert item.category == "Kesehatan"
    assert item.tags == ["stunting", "kesehatan"]
    assert (
        item.old_url
        == "https://kab.contoh.go.id/berita/78/rapat-percepatan-penurunan-stunting-digelar"
    )
    assert item.keys == (item.old_url, "dump:berita:78")
    assert item.photos[0].ref == "78rapat-stunting.jpg"
    assert (
        item.body.split("\n\n")[1]
        == "“Angka stunting harus turun di bawah 14 persen tahun ini,” kata Wakil Bupati."
    )


def test_windows_1252_bytes_are_read_and_noted(berita):
    reader, items = berita
    assert [n.code for n in reader.notes] == ["replaced_bytes"]
    assert items[0].body.startswith("SAMBAS – Pemerintah")


def test_plain_text_body_and_day_first_date(berita):
    _, items = berita
    item = items[1]
    assert item.body == (
        "Bupati melantik 23 pejabat administrator di Pendopo, Jumat (12/7).\n\n"
        "Pelantikan ini mengisi jabatan yang kosong sejak awal tahun. (snt/humas)"
    )
    assert item.date == datetime(2024, 7, 12)


@pytest.mark.parametrize(
    ("row", "code"),
    [(2, "draft"), (3, "only_title")],
    ids=["inactive_row", "no_text"],
)
def test_rows_skipped_with_a_reason(berita, row, code):
    _, items = berita
    assert isinstance(items[row], Skipped) and items[row].reason.code == code


def test_a_date_that_is_none_is_a_warning(berita):
    _, items = berita
    item = items[4]
    assert isinstance(item, SourceItem) and item.date is None
    assert [n.code for n in item.notes] == ["bad_date"]


def test_phpmyadmin_json_export():
    reader, items = read(DUMPS / "siaran_pers.json")
    assert reader.count == 2
    item = items[0]
    assert item.title == "Festival Budaya Pesisir Kembali Digelar"
    assert item.category == "Pariwisata" and item.slug_hint == "festival-budaya-pesisir"
    assert item.date == datetime(2024, 8, 3, 19, 20)
    assert item.keys == ("dump:siaran_pers:5",)


def test_columns_mapped_by_option(tmp_path):
    path = tmp_path / "artikel.csv"
    path.write_text(
        "kode,headline_artikel,naskah,waktu_terbit\n"
        "a1,Sosialisasi Pajak Daerah,Warga diajak membayar pajak tepat waktu. (hms),2024-05-02\n",
        encoding="utf-8",
    )
    maps = ["title=headline_artikel", "body=naskah", "date=waktu_terbit", "id=kode"]
    _, [item] = read(path, maps)
    assert (item.title, item.date, item.keys) == (
        "Sosialisasi Pajak Daerah", datetime(2024, 5, 2), ("dump:artikel:a1",)
    )  # fmt: skip


@pytest.mark.parametrize(
    "value", ["judul", "warna=merah", "title="], ids=["no_equals", "unknown", "empty"]
)
def test_bad_map_is_an_error_naming_the_fields(value):
    with pytest.raises(PressReleaseError, match="FIELD=COLUMN"):
        dump.DumpOptions.from_arguments(DUMPS / "berita.csv", [value], None, None)


def test_broken_json_is_a_note_not_a_traceback(tmp_path):
    path = tmp_path / "rusak.json"
    path.write_text('[{"judul": "x", ', encoding="utf-8")
    reader, items = read(path)
    assert items == [] and reader.notes[0].code == "dump_unreadable"
