"""A release pasted from an e-mail or a PDF arrives hard-wrapped: every line broken at a
fixed width, mid-sentence. The wrap changes nothing a reader sees: the generated
releases (bench/generate.py, every raw variant) wrapped at an e-mail client's widths
parse to the same title, category, dateline, byline, date and body words as unwrapped."""

from __future__ import annotations

import re
import sys
import textwrap
from pathlib import Path

import pytest

from press_release.parse import parse_release
from press_release.parse.normalise import decode, decode_checked, normalise

from .conftest import FIXTURES, fixture_names, load_fixture, split_in_two

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from generate import generate  # noqa: E402

COUNT = 80
WIDTHS = (66, 72, 78)
FIELDS = ("title", "category", "dateline", "byline", "date_iso")


@pytest.fixture(scope="module")
def releases(tmp_path_factory):
    target = tmp_path_factory.mktemp("wrapped")
    generate(COUNT, target, seed=11)
    return sorted((target / "raw").glob("*.txt"))


def hard_wrapped(raw: bytes, width: int) -> bytes:
    """The release's text with every line longer than `width` broken at spaces."""
    text = decode_checked(raw)[0].replace("\r\n", "\n").replace("\r", "\n")
    lines = []
    for line in text.split("\n"):
        if len(line) > width:
            lines += textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False)
        else:
            lines.append(line)
    return "\n".join(lines).encode()


@pytest.mark.parametrize("width", WIDTHS)
def test_wrapped_release_reads_the_same(releases, width):
    wrapped_any = 0
    for path in releases:
        raw = path.read_bytes()
        wrapped = hard_wrapped(raw, width)
        if wrapped.count(b"\n") > raw.count(b"\n"):
            wrapped_any += 1
        plain, broken = parse_release(raw, path.name), parse_release(wrapped, path.name)
        for field in FIELDS:
            assert getattr(broken, field) == getattr(plain, field), (path.name, field)
        assert broken.body_text.split() == plain.body_text.split(), path.name
    assert wrapped_any > COUNT * 0.9  # the wrap broke nearly every release's lines


LONG_TITLE = "Pemerintah Kabupaten Wonosobo Resmikan Jembatan Gantung Dusun Sukorejo"
WRAPPED_BODY = (
    "Pemerintah Kabupaten Wonosobo meresmikan jembatan gantung yang menghubungkan\n"
    "dua dusun di Desa Sukorejo yang selama setahun terputus karena banjir bandang\n"
    "yang menghanyutkan jembatan lama. Warga kini tidak perlu memutar sejauh tujuh\n"
    "kilometer untuk membawa hasil kebun ke pasar kecamatan setiap harinya.\n"
    "Bupati berharap warga ikut merawat jembatan tersebut agar awet dan bisa dipakai\n"
    "hingga puluhan tahun mendatang oleh anak cucu mereka. (ags/kominfo)\n"
)


@pytest.mark.parametrize("date_line", ["Senin, 18 Maret 2024\n", ""])
def test_a_title_filling_the_width_stays_apart(date_line):
    """A headline nearly as wide as the wrapped lines, over a date line or straight over
    the lead (no dateline, no blank line), is not joined to what follows it."""
    release = parse_release(f"{LONG_TITLE}\n{date_line}{WRAPPED_BODY}".encode(), "x.txt")
    assert release.title == LONG_TITLE
    assert release.date_iso == ("2024-03-18" if date_line else None)
    assert release.body_text.split()[:3] == ["Pemerintah", "Kabupaten", "Wonosobo"]
    assert release.byline == "ags/kominfo"


WORD = re.compile(r"\w+")


@pytest.mark.parametrize("width", (72, 80))
def test_no_word_of_a_wrapped_fixture_is_lost(width):
    """Every fixture hard-wrapped at an e-mail client's width: each word outside the
    fixture's page chrome still reaches some field (nothing dropped with the chrome)."""
    lost = {}
    for name in fixture_names():
        text = decode((FIXTURES / f"{name}.txt").read_bytes())[0]
        wrapped = "\n".join(
            piece
            for line in text.replace("\r\n", "\n").split("\n")
            for piece in (
                textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False)
                if len(line) > width
                else [line]
            )
        )
        release = parse_release(wrapped.encode(), f"{name}.txt")
        chrome = {
            w.casefold()
            for line in load_fixture(name)[1].get("chrome", [])
            for w in WORD.findall(line)
        }
        shown = " ".join(
            filter(
                None,
                [release.title, release.category, release.dateline_text, release.byline,
                 release.dek, release.body_text, *release.captions, *release.credits,
                 release.header.get("_meta_date"), " ".join(release.header.values())],
            )
        )  # fmt: skip
        words = {w.casefold() for w in WORD.findall(shown)}
        glued = "".join(WORD.findall(shown.casefold()))  # a drop cap, a hyphenated word
        missing = {
            w
            for w in (w.casefold() for w in WORD.findall(normalise(wrapped)))
            if w not in words and w not in chrome and w not in glued and not split_in_two(w, words)
        }
        if missing:
            lost[name] = sorted(missing)[:5]
    assert not lost
