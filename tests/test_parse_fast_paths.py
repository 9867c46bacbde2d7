"""The parser's fast paths give the answers of the general paths they stand in for.

A fast path takes the common shape of a release (paragraphs one per line, paragraphs
only after the lead, plain text) with a few whole-text tests instead of a loop. Each
test here runs the fast path's claim against the general path: on the fixtures, on
crafted edge cases and on seeded random mixtures of the pieces that decide.
"""

from __future__ import annotations

import random

import pytest

from press_release.parse import normalise, paragraphs, render
from press_release.parse.paragraphs import Block

from .conftest import FIXTURES


def _fixture_lines() -> list:
    cases = []
    for path in sorted(FIXTURES.glob("*.txt")):
        text, _encoding, _warnings = normalise.decode(path.read_bytes())
        cases.append(pytest.param(normalise.normalise_lines(text), id=path.stem))
    return cases


def _one_per_line(lines: list[str]) -> list[Block]:
    return [Block("p", line) for line in lines if line]


EDGE_LINES = [
    ["Satu.", "Dua."], ["Satu.", "", "dua."], ["Satu.", "dua."], ["Satu", "Dua."],
    ["Satu,", "Dua."], ["Satu:", "Dua"], ["Satu”", "Dua"], ["Satu)", "Dua"], ["Satu]", "Dua"],
    ["Satu’", "Dua"], ["Satu'", "Dua"], ['Satu"', "Dua"], ["Satu;", "“Dua”"], ["B", "ahkan."],
    ["Satu.", ".", "Dua."], ["Satu.", "...", "Dua."], ["Satu.", "*", "Dua."], ["Satu.", "•"],
    ["Satu.", "·"], ["- satu", "- dua"], ["Syarat:", "1. KTP;", "2. KK."], ["a) huruf"],
    ["a. huruf"], ["– dek"], ["• butir"], ["* bintang"], ["12) dua belas"], ["١. satu"],
    ["Satu.", "ǅua."], ["Satu.", "ßatu."], ["Satu.", "ªdua."], ["Satu.", "ǈ"], ["satu."],
    ["", "satu.", "", "dua."], ["Satu.", "Éclair."], ["Satu.", "éclair."], ["Satu.", "1 dua."],
    ["Satu.", "(dua)."], ["Satu.", "[dua]."], ["Satu.", "'dua'."], ["Satu.", "‘dua’."],
    [], [""], ["", ""], ["x"], ["Satu.", "\u00a0"], ["Satu!", "Dua?"], ["Satu?", "dua"],
]  # fmt: skip


@pytest.mark.parametrize("lines", _fixture_lines() + EDGE_LINES)
def test_one_paragraph_per_line_only_when_the_general_split_agrees(lines):
    expected = paragraphs._split_blocks(lines)
    if paragraphs._one_paragraph_per_line(lines):
        assert expected == _one_per_line(lines)
    assert paragraphs.split_blocks(lines) == expected


def test_one_paragraph_per_line_on_random_mixtures():
    pieces = [
        "", "", "Satu dua.", "Tiga empat", "lima enam.", "“Kutipan,” katanya.", "B", "ahkan.",
        ".", "*", "- butir", "1. nomor", "a) huruf", "Éclair.", "éclair", "12 Mei.", "(Foto)",
        "Akhir:", "Akhir;", "Akhir’", "Akhir)", "ǅ", "ß.", "Ω.", "ω.",
    ]  # fmt: skip
    rng = random.Random(6)
    taken = 0
    for _ in range(5000):
        lines = [rng.choice(pieces) for _ in range(rng.randint(0, 8))]
        expected = paragraphs._split_blocks(lines)
        if paragraphs._one_paragraph_per_line(lines):
            taken += 1
            assert expected == _one_per_line(lines), lines
        assert paragraphs.split_blocks(lines) == expected, lines
    assert taken > 500  # the fast path is exercised, not only the general one


def _general_body_html(blocks, dateline_text, captions):
    parts = [f'<p class="pr-caption">{render.escape(c, quote=False)}</p>' for c in captions]
    return "\n".join(parts + render._blocks_html(blocks, dateline_text))


BODIES = [
    ([Block("p", "Lead.")], None, []),
    ([Block("p", "Lead."), Block("p", "Dua.")], "SAMARINDA –", []),
    ([Block("p", "Lead & co."), Block("p", "a < b"), Block("p", "c > d")], "X –", ["Foto: <x>"]),
    ([Block("p", "Lead."), Block("p", "Dua & tiga."), Block("p", "Empat.")], None, ["Foto"]),
    ([Block("ul", items=["a", "b"], markers=["-", "-"]), Block("p", "Dua.")], "X –", []),
    ([Block("p", "Lead."), Block("ol", items=["a"], markers=["1."]), Block("p", "x")], None, []),
    ([Block("p", "Lead."), Block("p", "")], "", []),
    ([Block("p", "Lead."), Block("p", "\"kutip\" 'x'")], "A &amp; B –", []),
    ([], "X –", ["Foto"]),
]


@pytest.mark.parametrize(("blocks", "dateline_text", "captions"), BODIES)
def test_body_html_fast_path_matches_block_by_block(blocks, dateline_text, captions):
    expected = _general_body_html(blocks, dateline_text, captions)
    assert render.body_html(blocks, dateline_text, captions) == expected


@pytest.mark.parametrize("lines", _fixture_lines())
def test_body_html_fast_path_on_the_fixtures(lines):
    blocks = paragraphs.split_blocks(lines)
    for dateline_text in (None, "SAMARINDA –"):
        expected = _general_body_html(blocks, dateline_text, ["Foto: x & y"])
        assert render.body_html(blocks, dateline_text, ["Foto: x & y"]) == expected


@pytest.mark.parametrize(
    "raw",
    [
        b"a\r\nb  c\r\n", "x\u00a0\u00a0y\n".encode(), "“kutip” – …".encode(), b"\xef\xbb\xbfab",
        "a\u00a0".encode("cp1252"), b"a" * 50, b"", "\u2013".encode("cp1252"),
    ],
)  # fmt: skip
def test_plain_lines_are_never_longer_than_the_file(raw):
    """parse_release skips the longest-line scan of a small plain file on this claim."""
    text, _encoding, _warnings, plain = normalise.decode_checked(raw)
    if plain:
        assert all(len(line) <= len(raw) for line in normalise.normalise_lines(text, plain))
