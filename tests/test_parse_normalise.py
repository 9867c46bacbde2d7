"""normalise.py: invisible characters never reach titles or metadata (issue 16).

Copies from chat apps and web pages carry bidirectional marks, isolates, overrides,
line and paragraph separators and other invisible format characters (Unicode category
Cf). Each class is tried at both ends of the title, the dateline line, the lead and the
byline line, through parse_release().
"""

from __future__ import annotations

import sys
import unicodedata

import pytest

from press_release.parse import parse_release
from press_release.parse.normalise import FORMAT_CHARACTERS, normalise

TITLE = "Rapat Koordinasi Banjir di Samarinda"
LEAD = (
    "Pemprov Kaltim menggelar rapat koordinasi penanganan banjir bersama BPBD dan dinas "
    "terkait di Samarinda."
)
SECOND = "Rapat dilanjutkan pekan depan dengan agenda evaluasi bersama para camat."
CODE = "rus/hmsprov"
# {0}..{7}: the slots at the start and end of the title, dateline line, lead and byline line.
TEMPLATE = (
    "{0}" + TITLE + "{1}\n\n{2}SAMARINDA – " + LEAD + "{3}\n\n{4}" + SECOND + "{5}\n\n"
    "{6}(" + CODE + "){7}\n"
)
SLOTS = {
    "title-start": 0, "title-end": 1, "dateline-start": 2, "lead-end": 3,
    "paragraph-start": 4, "paragraph-end": 5, "byline-start": 6, "byline-end": 7,
}  # fmt: skip
CHARACTERS = {
    "LRM-U+200E": "\u200e",
    "RLM-U+200F": "\u200f",
    "ALM-U+061C": "\u061c",
    "LRE-U+202A": "\u202a",
    "RLE-U+202B": "\u202b",
    "PDF-U+202C": "\u202c",
    "LRO-U+202D": "\u202d",
    "RLO-U+202E": "\u202e",
    "LRI-U+2066": "\u2066",
    "RLI-U+2067": "\u2067",
    "FSI-U+2068": "\u2068",
    "PDI-U+2069": "\u2069",
    "LS-U+2028": "\u2028",
    "PS-U+2029": "\u2029",
    "MVS-U+180E": "\u180e",
    "ZWNBSP-U+FEFF": "\ufeff",
    "WJ-U+2060": "\u2060",
    "two-marks": "\u200f\u2069",
}


def _release(slot: int, char: str):
    pieces = [""] * 8
    pieces[slot] = char
    text = TEMPLATE.format(*pieces)
    return parse_release(text.encode("utf-8"), "rilis.txt")


def _invisible(value: str) -> bool:
    return any(unicodedata.category(ch) in ("Cf", "Zl", "Zp") for ch in value)


@pytest.mark.parametrize("slot", list(SLOTS.values()), ids=list(SLOTS))
@pytest.mark.parametrize("char", list(CHARACTERS.values()), ids=list(CHARACTERS))
def test_invisible_characters_lose_nothing(char, slot):
    release = _release(slot, char)
    assert release.title == TITLE
    assert release.dateline == "SAMARINDA"
    assert release.byline == CODE
    assert [block.text for block in release.blocks] == [LEAD, SECOND]
    for value in (release.title, release.dateline_text, release.summary, release.body_text):
        assert not _invisible(value), ascii(value)


@pytest.mark.parametrize(
    "override", ["\u202e", "\u202d", "\u2067\u202e"], ids=["RLO", "LRO", "RLI-RLO"]
)
def test_an_override_inside_the_title_cannot_spoof_it(override):
    text = f"Pemprov {override}gnupmaS\u202c Gelar Rapat\n\nSAMARINDA – {LEAD} ({CODE})\n"
    release = parse_release(text.encode("utf-8"), "rilis.txt")
    assert release.title == "Pemprov gnupmaS Gelar Rapat"


@pytest.mark.parametrize(
    "char", ["\u200e", "\u202e", "\u2066", "\u2028"], ids=["LRM", "RLO", "LRI", "LS"]
)
def test_header_values_hold_no_invisible_characters(char):
    text = (
        f"Judul: {char}Rapat Banjir{char}\nKategori: {char}Berita Daerah{char}\n"
        f"Byline: rus/hmsprov{char}\n"
        f"Dateline: {char}SAMARINDA\n\nSAMARINDA – {LEAD}\n"
    )
    release = parse_release(text.encode("utf-8"), "rilis.txt")
    assert (release.title, release.category, release.byline, release.dateline) == (
        "Rapat Banjir",
        "Berita Daerah",
        "rus/hmsprov",
        "SAMARINDA",
    )


SEPARATOR_CASES = {
    "LS-inside-a-sentence": ("menggelar\u2028rapat", "menggelar rapat"),
    "LS-between-sentences": ("Satu kalimat.\u2028Dua kalimat.", "Satu kalimat.\nDua kalimat."),
    "PS-between-sentences": ("Satu kalimat.\u2029Dua kalimat.", "Satu kalimat.\n\nDua kalimat."),
    "LS-after-a-title": ("Judul Rilis\u2028SAMARINDA – Isi", "Judul Rilis\nSAMARINDA – Isi"),
    "LS-after-a-dash": ("SAMARINDA –\u2028Pemprov", "SAMARINDA – Pemprov"),
    "LS-beside-a-line-end": ("Akhir.\u2028\nBaris", "Akhir.\nBaris"),
    "separators-at-the-end": ("Akhir. \u2029 \u2028", "Akhir."),
}


@pytest.mark.parametrize(("raw", "expected"), SEPARATOR_CASES.values(), ids=SEPARATOR_CASES)
def test_line_and_paragraph_separators(raw, expected):
    """A separator is a line break (LS) or a paragraph break (PS) between sentences, a
    space inside one, and nothing beside a line end."""
    assert normalise(raw) == expected


def test_a_separator_between_the_title_and_the_dateline_keeps_both():
    text = f"{TITLE}\u2028SAMARINDA – {LEAD}\u2029{SECOND} ({CODE})\n"
    release = parse_release(text.encode("utf-8"), "rilis.txt")
    assert (release.title, release.dateline, release.byline) == (TITLE, "SAMARINDA", CODE)
    assert [block.text for block in release.blocks] == [LEAD, SECOND]


def test_every_format_character_is_removed():
    """FORMAT_CHARACTERS holds every Cf character of this Python's Unicode (it lists a
    superset across versions), and nothing that is assigned to another category."""
    every = [chr(cp) for cp in range(sys.maxunicode + 1)]
    pattern_chars = {ch for ch in every if FORMAT_CHARACTERS.match(ch)}
    format_chars = {ch for ch in every if unicodedata.category(ch) == "Cf"}
    assert format_chars <= pattern_chars
    assert {unicodedata.category(ch) for ch in pattern_chars - format_chars} <= {"Cn"}


def test_plain_text_still_takes_the_fast_path():
    from press_release.parse.normalise import is_plain

    assert is_plain(f"{TITLE}\n\nSAMARINDA – {LEAD} ({CODE})\n")
    assert not is_plain(f"{TITLE}\u200e\n")


def test_normalise_removes_every_format_character_and_keeps_emoji():
    every = map(chr, range(sys.maxunicode + 1))
    format_chars = "".join(ch for ch in every if unicodedata.category(ch) == "Cf")
    assert normalise(f"Rapat{format_chars} selesai") == "Rapat selesai"
    kept = "Rapat 🙂 \U0001d11e \U0001f1ee\U0001f1e9 \U000e0100 selesai"  # emoji, a clef, a flag
    assert normalise(kept) == kept
