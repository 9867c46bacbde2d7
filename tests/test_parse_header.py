"""header.py: the author's ``Key: value`` header (issue 16).

A block with one unrecognised line is still a header; Status values are checked and an
unknown one keeps the release back; no value, empty or odd, makes the parser fail; a
release's own first lines are not taken for a header.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from press_release.errors import PressReleaseError
from press_release.parse import parse_release
from press_release.parse.header import KEYS, read_header

from .conftest import ROOT
from .test_build import article_pages

BODY = (
    "Rapat Koordinasi Banjir di Samarinda\n\n"
    "SAMARINDA – Pemprov Kaltim menggelar rapat koordinasi penanganan banjir bersama BPBD "
    "dan dinas terkait di Samarinda.\n\n"
    "Rapat dilanjutkan pekan depan dengan agenda evaluasi bersama para camat. (rus/hmsprov)\n"
)


def parse(text: str, filename: str = "rilis.txt"):
    return parse_release(text.encode("utf-8"), filename)


def _warned(release, *fragments: str) -> bool:
    return any(all(f in w for f in fragments) for w in release.warnings)


# --- one unrecognised line no longer hides the header ---------------------------------


def test_an_unrecognised_line_keeps_the_status():
    release = parse("Status: draft\nPenulis: Ani\n\n" + BODY)
    assert release.status == "draft"
    assert release.title == "Rapat Koordinasi Banjir di Samarinda"
    assert release.header == {"status": "draft"}


def test_the_unrecognised_line_is_named_and_still_credits_its_writer():
    release = parse("Judul: Banjir Reda\nPenulis: Ani\nLokasi: Samarinda\n\n" + BODY)
    assert release.title == "Banjir Reda"
    assert _warned(release, "'Penulis: Ani'", "Judul")
    assert _warned(release, "'Lokasi: Samarinda'")
    assert "Penulis: Ani" in release.credits and "Lokasi: Samarinda" in release.credits
    assert release.byline == "rus/hmsprov"
    no_code = parse(
        "Judul: Banjir Reda\nReporter: Ani Lestari\n\n" + BODY.replace(" (rus/hmsprov)", "")
    )
    assert no_code.credited_reporters == ["Ani Lestari"]


def test_the_header_region_is_not_the_header_text():
    """Issue 16: the release's region became the header text."""
    release = parse("Status: draft\nPenulis: Ani\n\nKalimantan Timur\n" + BODY)
    assert release.category == "Kalimantan Timur"


# --- Status values ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "status"),
    [
        ("draft", "draft"), ("Draft", "draft"), ("DRAFT.", "draft"), ("draf", "draft"),
        ("konsep", "draft"), ("published", "published"), ("terbit", "published"),
        ("hidden", "hidden"), ("tersembunyi", "hidden"), ("skip", "skip"),
    ],
)  # fmt: skip
def test_known_status_values_apply(value, status):
    release = parse(f"Status: {value}\n\n" + BODY)
    assert release.status == status
    assert not _warned(release, "status")


@pytest.mark.parametrize("value", ["drafts", "rahasia", "publish later", "", "-", "draft, hidden"])
def test_an_unknown_status_never_publishes(value):
    release = parse(f"Status: {value}\n\n" + BODY)
    assert release.status == "draft"
    assert _warned(release, "status", "published", "draft", "hidden", "draf")


def test_a_status_given_twice_keeps_the_release_back():
    release = parse("Status: published\nStatus: draft\n\n" + BODY)
    assert release.status == "draft"
    assert _warned(release, "Status", "twice")


def test_a_status_line_without_a_blank_line_below_still_applies():
    """Without the blank line there is no header, but a draft must not go public."""
    release = parse("Status: draft\n" + BODY)
    assert release.status == "draft"
    assert release.title == "Rapat Koordinasi Banjir di Samarinda"
    assert _warned(release, "blank line")


def test_a_title_that_opens_with_status_is_no_status_line():
    text = "Status: Waspada, Warga Bantaran Sungai Diminta Siaga\n" + BODY.split("\n", 2)[2]
    release = parse(text)
    assert release.status is None
    assert release.title == "Status: Waspada, Warga Bantaran Sungai Diminta Siaga"


# --- no value makes the parser fail ---------------------------------------------------


@pytest.mark.parametrize("key", sorted({k.capitalize() for k in KEYS}))
def test_an_empty_value_is_a_warning(key):
    release = parse(f"{key}:\nStatus: draft\n\n" + BODY)
    assert release.status == "draft"
    assert _warned(release, f"'{key}:'")


def test_an_empty_byline_header_is_a_warning_not_a_crash():
    release = parse("Byline:\n\n" + BODY)
    assert _warned(release, "'Byline:'")
    assert release.byline == "rus/hmsprov"  # the code in the text still counts


@pytest.mark.parametrize(
    "value", ["()", "[ ]", "///", "( / )", "-", "(rus/hmsprov", "a" * 250, "rus//hmsprov"]
)
def test_odd_byline_values(value):
    release = parse(f"Byline: {value}\n\n" + BODY)
    assert release.byline  # the header's code, or the text's when the header's holds none
    if not any(ch.isalnum() for ch in value):
        assert release.byline == "rus/hmsprov"
        assert _warned(release, "byline", repr(value))


@pytest.mark.parametrize("value", ["!!!", "---", "–"])
def test_a_slug_without_letters_is_a_warning(value):
    release = parse(f"Slug: {value}\n\n" + BODY)
    assert release.slug is None
    assert _warned(release, "slug", repr(value))


# --- a release's own first lines are no header -----------------------------------------


@pytest.mark.parametrize(
    "top",
    [
        "Rapat Koordinasi Banjir di Samarinda\nPenulis: Rina Andriani | Editor: Bayu Saputra\n",
        "Penulis: Rina Andriani | Editor: Bayu Saputra\n\nRapat Koordinasi Banjir di Samarinda\n",
        "Penulis: Rina Andriani\nEditor: Bayu Saputra\n\nRapat Koordinasi Banjir di Samarinda\n",
    ],
    ids=["under-the-title", "above-the-title", "two-lines-above-the-title"],
)
def test_credit_lines_of_the_release_are_no_header(top):
    text = top + "\n" + BODY.split("\n", 2)[2]
    release = parse(text)
    assert release.header == {}
    assert release.title == "Rapat Koordinasi Banjir di Samarinda"
    assert any("Rina Andriani" in credit for credit in release.credits)
    assert not _warned(release, "header")


def test_read_header_keeps_the_lines_it_does_not_know():
    block = read_header(["", "Status: draf", "Penulis: Ani", "", "Isi."])
    assert block.values == {"status": "draft"}
    assert block.credits == ["Penulis: Ani"]
    assert block.rest == ["", "Isi."]


HEADER_KEYS = st.sampled_from(sorted(KEYS) + ["Penulis", "Status", "x", "Tanggal"])
# Values on one line: a line or paragraph separator would end the header there.
ONE_LINE = st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"))
VALUES = st.one_of(
    st.text(ONE_LINE, max_size=300),
    st.sampled_from(["", "()", "/", "(*)", "2024-02-31", "draft", "[]", "a" * 260, "-- --"]),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(HEADER_KEYS, VALUES), min_size=1, max_size=6))
def test_any_header_values_parse(pairs):
    header = "".join(f"{key}: {value}\n" for key, value in pairs)
    try:
        release = parse(header + "\n" + BODY)
    except PressReleaseError:
        return
    assert release.status in (None, "published", "draft", "hidden", "skip")
    if any(key.lower() == "status" for key, _ in pairs) and release.header:
        assert release.status is not None


def test_check_reports_every_file_when_one_has_an_empty_byline(tmp_path):
    (tmp_path / "kosong.txt").write_text("Byline:\n\n" + BODY, encoding="utf-8")
    (tmp_path / "biasa.txt").write_text(BODY, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "plugins"))
    result = subprocess.run(
        [sys.executable, "-m", "press_release", "check", "--json", str(tmp_path)],
        capture_output=True, text=True, cwd=tmp_path, timeout=120, env=env,
    )  # fmt: skip
    records = json.loads(result.stdout)
    assert sorted(os.path.basename(r["source"]) for r in records) == ["biasa.txt", "kosong.txt"]
    assert all(r["title"] == "Rapat Koordinasi Banjir di Samarinda" for r in records)


@pytest.mark.parametrize(
    ("line", "label"),
    [("Judul: ...", "title"), ("Kategori: ..", "category"), ("Dateline: —", "dateline")],
)
def test_a_value_without_a_word_is_ignored(line, label):
    release = parse(f"{line}\n\n" + BODY)
    assert release.title == "Rapat Koordinasi Banjir di Samarinda"
    assert release.category is None and release.dateline == "SAMARINDA"
    assert _warned(release, f"the header {label}", "no letter or digit")


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31 23:59", "2024-02-31", "kemarin"])
def test_an_implausible_header_date_is_a_warning(value):
    release = parse(f"Tanggal: {value}\n\n" + BODY, "2024-03-12-rapat.txt")
    assert release.date_iso == "2024-03-12" and release.date_source == "filename"
    assert _warned(release, "the header date", repr(value))


def test_tags_and_byline_parts_without_a_word_are_left_out():
    release = parse("Label: , ;, banjir\nByline: ../../ani\n\n" + BODY)
    assert release.tags == ["banjir"]
    assert release.reporters == ["ani"]


ODD_HEADERS = {
    "years": "Tanggal: 0001-01-01\nJudul: Rapat Tahun Satu",
    "far-future": "Tanggal: 9999-12-31 23:59\nJudul: Rapat Tahun Jauh",
    "tags": "Label: , ;, \nRingkasan: <b>tebal</b> & {{ x }}\nJudul: Rapat Label",
    "no-words": "Dateline: ..\nKategori: ..\nJudul: ...",
    "byline-path": "Byline: ../../x\nSlug: ../../etc\nJudul: Rapat Jalur",
    "empty": "Byline:\nKategori:\nJudul: Rapat Kosong",
}


@pytest.fixture(scope="module")
def odd_site(tmp_path_factory):
    content = tmp_path_factory.mktemp("content")
    for name, header in ODD_HEADERS.items():
        (content / f"{name}.txt").write_text(f"{header}\n\n{BODY}", encoding="utf-8")
    output = tmp_path_factory.mktemp("output")
    env = dict(os.environ, COLUMNS="400", PYTHONPATH=str(ROOT / "plugins"))
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-o", str(output),
         "-s", str(ROOT / "pelicanconf.py"), "-e", f'PATH="{content}"'],
        capture_output=True, text=True, cwd=ROOT, timeout=300, env=env,
    )  # fmt: skip
    return output, result


def test_odd_header_values_never_stop_a_build(odd_site):
    output, result = odd_site
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    assert "Could not process" not in log and "Traceback" not in log
    pages = article_pages(output)
    assert len(pages) == len(ODD_HEADERS), sorted(pages)
    names = {part for p in output.rglob("*") for part in p.relative_to(output).parts}
    assert not {"..", ".", ""} & names
