"""Malformed files: each is skipped with one reason or published with one warning, and a
real build goes on (exit 0 without --fatal) with a report of every file."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from press_release.errors import PressReleaseError
from press_release.parse import parse_release
from press_release.parse.normalise import decode, normalise

from .conftest import FIXTURES, ROOT

SKIPPED = FIXTURES / "robust_skipped"
LEAD = (
    "SAMARINDA – Pemprov Kaltim menggelar rapat koordinasi penanganan banjir bersama "
    "tujuh kabupaten di Samarinda, Selasa (12/3/2024)."
)
SENTENCE = "Rapat membahas kesiapan posko dan logistik di setiap kecamatan terdampak."
BYLINE = "Rapat ditutup dengan doa bersama. (rus/humasprov)"

SKIP_REASONS = {
    "empty": "empty",
    "whitespace_only": "empty",
    "binary_png": "binary",
    "title_only": "only a title",
    "chrome_only": "only page chrome",
}
SKIP_REASONS_ID = {
    "empty": "kosong",
    "whitespace_only": "kosong",
    "binary_png": "biner",
    "title_only": "hanya berisi judul",
    "chrome_only": "hanya berisi bagian halaman web",
}


@pytest.mark.parametrize("name", sorted(SKIP_REASONS))
def test_unreadable_file_raises_one_clear_error(name):
    with pytest.raises(PressReleaseError, match=SKIP_REASONS[name]):
        parse_release((SKIPPED / f"{name}.txt").read_bytes(), f"{name}.txt")


def test_every_skipped_fixture_has_a_reason():
    assert {p.stem for p in SKIPPED.glob("*.txt")} == set(SKIP_REASONS)


def test_binary_without_nul_bytes_is_rejected():
    with pytest.raises(PressReleaseError, match="binary"):
        parse_release(bytes(range(1, 32)) * 50, "gambar.txt")


def test_truncated_utf16_is_an_error_not_half_read():
    with pytest.raises(PressReleaseError, match="utf-16"):
        decode("Judul\n\nIsi".encode("utf-16") + b"\x00")


def test_mojibake_is_repaired_only_where_unambiguous():
    text, encoding, warnings = decode("Jumâ€™at â€œSiapâ€\x9d CafÃ© siapâ€ ok".encode())
    assert text.startswith("Jum’at “Siap” Café")
    assert "siapâ€ ok" in text  # "”" lost its last byte: left as written
    assert encoding == "utf-8" and len(warnings) == 1 and "mojibake" in warnings[0]


def test_clean_text_is_left_alone():
    text = "Sa’bani naïve “kutip” – Ã"
    assert decode(text.encode())[0] == text
    assert decode(text.encode("utf-8"))[2] == []


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\u200bb\u00adc\u2060d", "abcd"),
        ("kata.\u00a0\u00a0Lalu", "kata. Lalu"),
        ("x\x07y\x1bz", "xyz"),
        ("a\r\nb\rc", "a\nb\nc"),
    ],
    ids=["zero-width-soft-hyphen", "nbsp-symbol", "controls", "crlf-cr"],
)
def test_normalise(raw, expected):
    assert normalise(raw) == expected


def _release(*body: str) -> bytes:
    return "\n".join(["Judul Rilis Uji Ketahanan", "", LEAD, *body, "", BYLINE, ""]).encode()


def test_five_mb_file_parses_with_one_warning(tmp_path):
    path = tmp_path / "2024-03-12-besar.txt"
    path.write_bytes(_release(*(["", SENTENCE] * 70_000)))
    assert path.stat().st_size > 5_000_000
    release = parse_release(path.read_bytes(), path.name)
    assert len(release.warnings) == 1 and "unusually long" in release.warnings[0]
    assert release.byline == "rus/humasprov"


def test_one_megabyte_line_parses_with_one_warning(tmp_path):
    path = tmp_path / "2024-03-12-satu-baris.txt"
    path.write_bytes(_release("", " ".join([SENTENCE] * 14_000)))
    release = parse_release(path.read_bytes(), path.name)
    assert len(release.warnings) == 1 and "lost its line breaks" in release.warnings[0]
    assert len(release.blocks) == 3


def test_a_long_paragraph_without_stops_is_linear(tmp_path):
    # 20,000 lines, none ending a sentence: one paragraph (this took minutes once).
    lines = [SENTENCE.rstrip(".").lower()] * 20_000
    release = parse_release(_release("", *lines), "2024-03-12-tanpa-titik.txt")
    assert len(release.blocks) == 3


@pytest.mark.parametrize(
    "opening",
    [
        "Kabar.com-" * 3000,  # outlets glued by hyphens, each read after the one before
        "Kabar.com – " * 3000,
        "Tepian (humas) " * 3000,
        "Tepian – 12 Maret 2024 " * 1000,
    ],
    ids=["glued-outlets", "spaced-outlets", "bracketed-units", "dated-places"],
)
def test_a_lead_opening_with_a_repeated_dateline_shape_parses(opening):
    """A lead opening with one dateline's shape over and over recurses no deeper than
    one outlet (once a RecursionError), and the file still reads."""
    release = parse_release(
        f"Judul Rilis\n\n{opening}Warga menyambut gembira jembatan baru.\n".encode(),
        "2024-03-12-ulang.txt",
    )
    assert release.title == "Judul Rilis"
    assert "jembatan baru" in release.body_text


def test_ten_thousand_one_line_paragraphs(tmp_path):
    path = tmp_path / "2024-03-12-paragraf.txt"
    path.write_bytes(
        _release(*(f"\nParagraf nomor {n} berisi satu kalimat." for n in range(10_000)))
    )
    release = parse_release(path.read_bytes(), path.name)
    assert len(release.blocks) == 10_002
    assert len(release.warnings) == 1 and "10002 paragraphs" in release.warnings[0]


# A real build: every malformed case side by side with good releases.


def _pelican(content: Path, output: Path, *extra: str):
    env = dict(os.environ, COLUMNS="400", PYTHONPATH=str(ROOT / "plugins"))
    return subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-o", str(output),
         "-s", str(ROOT / "pelicanconf.py"), "-e", f'PATH="{content}"', *extra],
        capture_output=True, text=True, cwd=ROOT, timeout=600, env=env,
    )  # fmt: skip


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    content = tmp_path_factory.mktemp("content")
    for source in [*FIXTURES.glob("robust_*.txt"), *SKIPPED.glob("*.txt")]:
        shutil.copy(source, content / source.name)
    (content / "robust_big_5mb.txt").write_bytes(_release(*(["", SENTENCE] * 70_000)))
    (content / "robust_one_line_1mb.txt").write_bytes(_release("", " ".join([SENTENCE] * 14_000)))
    # An unknown status keeps the release back (issue 16): never published by a typo.
    (content / "robust_status_unknown.txt").write_bytes(b"Status: drafts\n\n" + _release())
    output = tmp_path_factory.mktemp("output")
    result = _pelican(content, output)
    return content, output, result


def test_build_goes_on_and_exits_zero(site):
    _, output, result = site
    assert result.returncode == 0, result.stdout + result.stderr
    assert (output / "index.html").exists()


def test_every_file_is_in_the_report_with_its_status(site):
    content, output, _ = site
    report = json.loads((output.parent / "press-release-report.json").read_text(encoding="utf-8"))
    statuses = {r["source"]: r["status"] for r in report["files"]}
    assert set(statuses) == {p.name for p in content.glob("*.txt")}
    for name in SKIP_REASONS:
        assert statuses[f"{name}.txt"] == "skipped"
    assert statuses["robust_cp1252_cr.txt"] == "published"
    assert statuses["robust_mojibake.txt"] == "published with warnings"
    assert statuses["robust_big_5mb.txt"] == "published with warnings"
    assert statuses["robust_status_unknown.txt"] == "draft"
    published = sum(s in ("published", "published with warnings") for s in statuses.values())
    warned = sum(s == "published with warnings" for s in statuses.values())
    assert report["summary"] == (
        f"{published} rilis diterbitkan, {warned} dengan peringatan, {len(SKIP_REASONS)} dilewati"
        ", 1 draf"
    )


def test_summary_line_is_printed_at_the_end(site):
    _, output, result = site
    report = json.loads((output.parent / "press-release-report.json").read_text(encoding="utf-8"))
    lines = [line for line in result.stdout.splitlines() if "rilis diterbitkan" in line]
    assert lines == [f"press_release: {report['summary']}"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        # the log speaks the site's language (DEFAULT_LANG "id")
        *((f"{n}.txt", SKIP_REASONS_ID[n]) for n in SKIP_REASONS_ID),
        ("robust_big_5mb.txt", "sangat panjang"),
        ("robust_one_line_1mb.txt", "pergantian baris berkas ini tampaknya hilang"),
        ("robust_latin1_ambiguous.txt", "pengodean tidak jelas"),
        ("robust_mojibake.txt", "mojibake"),
        ("robust_status_unknown.txt", "tidak menyebut status yang dikenal"),
    ],
)
def test_one_message_names_the_file(site, name, message):
    _, _, result = site
    log = result.stdout + result.stderr
    # Same-address warnings aside (every robust fixture shares one title), one message.
    lines = [
        x for x in log.splitlines()
        if f": {name}:" in x and "alamatnya sama dengan" not in x and "ditahan (" not in x
    ]  # fmt: skip
    assert len(lines) == 1, lines
    assert message in lines[0]


def test_duplicate_titles_get_distinct_urls(site):
    _, output, result = site
    pages = list(output.glob("*/*/pemprov-kaltim-gelar-rapat-koordinasi-penanganan-banjir*/"))
    assert len(pages) == len({p.name for p in pages}) >= 2
    assert "alamatnya sama dengan" in result.stdout + result.stderr


@pytest.mark.parametrize("fatal", ["warnings", "errors"])
def test_a_skipped_file_never_fails_a_fatal_build(tmp_path, fatal):
    """A file that cannot be published is an author problem: reported, never fatal."""
    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(SKIPPED / "empty.txt", content / "empty.txt")
    (content / "2024-03-12-baik.txt").write_bytes(_release())
    result = _pelican(content, tmp_path / "out", "--fatal", fatal)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "empty.txt: dilewati" in " ".join((result.stdout + result.stderr).split())
    assert len(list((tmp_path / "out").glob("2024/03/*/index.html"))) == 1


def test_check_shows_the_build_statuses(site):
    content, output, _ = site
    report = json.loads((output.parent / "press-release-report.json").read_text(encoding="utf-8"))
    env = dict(os.environ, PYTHONPATH=str(ROOT / "plugins"))
    result = subprocess.run(
        [sys.executable, "-m", "press_release", "check", "--json", str(content)],
        capture_output=True, text=True, cwd=content, timeout=600, env=env,
    )  # fmt: skip
    records = {Path(r["source"]).name: r["status"] for r in json.loads(result.stdout)}
    assert records == {r["source"]: r["status"] for r in report["files"]}
    assert result.returncode == 1  # some files cannot be read


def test_the_report_is_the_same_when_pelicans_cache_serves_the_releases(tmp_path):
    """A release from Pelican's content cache is not read again: its warnings come from
    its metadata (kept only when there are some), the slug step's warning still joins
    them (the two releases share a title), and a clean one stays clean."""
    content = tmp_path / "content"
    content.mkdir()
    for name in ("robust_mojibake", "robust_cp1252_cr"):
        shutil.copy(FIXTURES / f"{name}.txt", content / f"{name}.txt")
    cache = ["-e", "CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true", f'CACHE_PATH="{tmp_path}/c"']
    reports = []
    for number in (1, 2):
        output = tmp_path / f"out{number}"
        result = _pelican(content, output, *cache)
        assert result.returncode == 0, result.stdout + result.stderr
        reports.append(json.loads((output.parent / "press-release-report.json").read_text("utf-8")))
    assert any((tmp_path / "c").iterdir())  # the second build had a cache to load
    first, second = ({r["source"]: r for r in report["files"]} for report in reports)
    assert first == second
    assert first["robust_mojibake.txt"]["status"] == "published with warnings"
    warnings = first["robust_mojibake.txt"]["warnings"]
    assert warnings[0].startswith("encoding damage (mojibake)")
    assert warnings[1].startswith("same address as robust_cp1252_cr.txt")
    assert first["robust_cp1252_cr.txt"]["status"] == "published"
