"""dates.py and the reader's date handling: an impossible file-name date (issue 16).

"2024-02-31-judul.txt" made Pelican's own file-name date processing raise, and the
release was dropped with only "Could not process". It is now published, dated from its
text (else by the usual fallback), with a warning naming the file name's bad date.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from press_release.parse import dates, parse_release

from .conftest import ROOT
from .test_build import article_pages

DATED = (
    "Rapat Banjir Digelar di Samarinda\n\n"
    "SAMARINDA – Pemprov Kaltim menggelar rapat koordinasi penanganan banjir di Samarinda, "
    "Selasa (12/3/2024), bersama tujuh kabupaten.\n\n"
    "Rapat dilanjutkan pekan depan dengan agenda evaluasi. (rus/hmsprov)\n"
)
UNDATED = (
    "Posko Banjir Dibuka di Tenggarong\n\n"
    "TENGGARONG – Pemkab Kukar membuka posko banjir di tiga kecamatan yang terdampak luapan "
    "sungai pekan ini.\n\n"
    "Warga diminta melapor ke posko terdekat bila membutuhkan bantuan. (ani/kominfo)\n"
)


@pytest.mark.parametrize(
    "name", ["2024-02-31-rapat.txt", "2023-02-29-rapat.txt", "2024-13-01-rapat.txt",
             "2024-00-10-rapat.txt", "0000-01-01-rapat.txt"],
)  # fmt: skip
def test_an_impossible_file_name_date_is_named(name):
    release = parse_release(DATED.encode(), name)
    assert release.date_iso == "2024-03-12" and release.date_source == "lead"
    prefix = name[:10]
    assert any(prefix in w and "file name" in w for w in release.warnings), release.warnings


def test_without_a_date_in_the_text_both_are_said():
    release = parse_release(UNDATED.encode(), "2024-02-31-posko.txt")
    assert release.date is None
    assert any("2024-02-31" in w for w in release.warnings)
    assert any("no date found" in w for w in release.warnings)


@pytest.mark.parametrize(
    ("name", "bad"),
    [("2024-02-31-x.txt", "2024-02-31"), ("2024-02-29-x.txt", None), ("rapat.txt", None),
     ("2024-3-1-x.txt", None)],
)  # fmt: skip
def test_bad_filename_date(name, bad):
    assert dates.bad_filename_date(name) == bad


def _pelican(content: Path, output: Path):
    env = dict(os.environ, COLUMNS="400", PYTHONPATH=str(ROOT / "plugins"))
    return subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-o", str(output),
         "-s", str(ROOT / "pelicanconf.py"), "-e", f'PATH="{content}"'],
        capture_output=True, text=True, cwd=ROOT, timeout=300, env=env,
    )  # fmt: skip


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    content = tmp_path_factory.mktemp("content")
    (content / "2024-02-31-rapat.txt").write_text(DATED, encoding="utf-8")
    (content / "2024-02-30-posko.txt").write_text(UNDATED, encoding="utf-8")
    output = tmp_path_factory.mktemp("output")
    return content, output, _pelican(content, output)


def test_the_build_publishes_both_releases(site):
    _, output, result = site
    assert result.returncode == 0, result.stdout + result.stderr
    log = result.stdout + result.stderr
    assert "Could not process" not in log
    pages = article_pages(output)
    assert len(pages) == 2, sorted(pages)
    assert any(name.startswith("2024/03/rapat-banjir") for name in pages), sorted(pages)


@pytest.mark.parametrize("name", ["2024-02-31-rapat.txt", "2024-02-30-posko.txt"])
def test_the_warning_names_the_file_and_its_bad_date(site, name):
    _, _, result = site
    lines = [x for x in (result.stdout + result.stderr).splitlines() if name in x]
    assert any(name[:10] in x.split(name, 1)[1] for x in lines), lines


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        ("Kegiatan berlangsung tiga hari, yakni 23 hingga 25 April 2019 di Mataram.", "2019-04-23"),
        ("Pameran digelar 12 s.d. 14 Mei 2024 di halaman kantor bupati.", "2024-05-12"),
        ("Pameran digelar 12 s/d 14 Mei 2024 di halaman kantor bupati.", "2024-05-12"),
        ("Pelatihan digelar 3-5 Juli 2023 di balai desa setempat.", "2023-07-03"),
        ("Lomba digelar 7 – 9 Agustus 2022 di lapangan kota.", "2022-08-07"),
        ("Rapat kerja berlangsung 30 April sampai dengan 2 Mei 2019 di Bogor.", "2019-04-30"),
        ("Posko dibuka 30 Desember hingga 2 Januari 2024 bagi pemudik.", "2023-12-30"),
        ("Sensus dilakukan per tanggal 30 Juni 2015 oleh petugas desa.", "2015-06-30"),
        ("Pasar murah digelar Pada Tanggal 21 Juli 2024 di alun-alun.", "2024-07-21"),
        # Announced as coming: the release's date only when the text gives no other.
        ("Pameran akan digelar 3-5 Juli 2025 mendatang di gedung serbaguna.", "2025-07-03"),
        ("Pameran 3-5 Juli 2025 mendatang dibahas Senin (2/6/2025) di kantor.", "2025-06-02"),
        # Not the release's date: inside a quotation.
        ("“Kami buka 3-5 Juli 2025,” kata panitia di gedung serbaguna.", None),
        # No range: hours, and a year span.
        ("Pameran dibuka pukul 09.00 hingga 21.00 Wita pada tahun 2023-2024.", None),
    ],
)
def test_the_first_day_of_a_range_in_the_lead(lead, expected):
    found = dates.find_release_date([lead], lead)
    assert (found.value.date().isoformat() if found else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jayapura, 11/22/2021", "2021-11-22"),  # month first: no 22nd month
        ("Jayapura, 22/11/2021", "2021-11-22"),  # day first, as Indonesian pages write it
        ("Jayapura, 05/06/2021", "2021-06-05"),  # both readable: day first
        ("Jayapura, 13/13/2021", None),  # neither
    ],
)
def test_a_month_first_date_is_read_when_day_first_cannot_be(text, expected):
    found = dates.find_date(text)
    assert (found.value.date().isoformat() if found else None) == expected
