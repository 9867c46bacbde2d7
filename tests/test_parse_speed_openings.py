"""The third-character tables of parse/chrome.py (TRAILING_THIRDS, FORM_THIRDS,
LEADING_THIRDS), derived again from the patterns' parse trees.

A table lists, for a two-character opening, the third characters a match may have; a
guard skips the pattern on a line whose third character is not listed. Deriving the
tables from the patterns themselves keeps them exact when a branch is added: this test
fails and prints the table to paste.

The derivation over-approximates (a zero-width assertion is ignored, a class it does not
read allows any character), so a table derived here never rejects a match.
"""

from __future__ import annotations

import random
import re
import re._constants as C
import re._parser as P

import pytest

from press_release.parse import chrome
from press_release.parse import chrome as c

ANY = None  # any character
END = "$"  # the text ends here


def _charset(op, av, icase: bool):
    """The characters (lower-cased ASCII under IGNORECASE) of a LITERAL or IN, or ANY."""

    def fold(c: str) -> str:
        return c.lower() if icase and c.isascii() else c

    if op is C.LITERAL:
        return frozenset({fold(chr(av))})
    out = set()
    for o, a in av:
        if o is C.LITERAL:
            out.add(fold(chr(a)))
        elif o is C.RANGE and a[1] <= 0x7F:
            out.update(fold(chr(x)) for x in range(a[0], a[1] + 1))
        else:
            return ANY  # a category, a negation, a non-ASCII range
    return frozenset(out)


def _prefixes(seq, n: int, icase: bool) -> list[tuple]:
    """The prefixes of up to `n` characters a match of `seq` may open with (END marks a
    match shorter than `n`)."""
    results = {()}
    for op, av in seq:
        grown = set()
        for pre in results:
            if len(pre) >= n:
                grown.add(pre)
                continue
            for tail in _item(op, av, n - len(pre), icase):
                grown.add(pre + tail)
        results = grown
    return [p if len(p) >= n else (*p, END) for p in results]


def _open(prefixes) -> list[tuple]:
    return [tuple(x for x in p if x != END) for p in prefixes]


def _item(op, av, n: int, icase: bool) -> list[tuple]:
    if op in (C.LITERAL, C.IN):
        return [(_charset(op, av, icase),)]
    if op is C.SUBPATTERN:
        inner = (icase or bool(av[1] & re.IGNORECASE)) and not av[2] & re.IGNORECASE
        return _open(_prefixes(av[3], n, inner))
    if op is C.BRANCH:
        return [p for alt in av[1] for p in _open(_prefixes(alt, n, icase))]
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        low, high, sub = av
        out = []
        for k in range(min(high, n) + 1):
            found = _open(_prefixes(list(sub) * k, n, icase))
            out += found if k >= low else [p for p in found if len(p) >= n]
        return out
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return [()]  # zero-width: ignoring it allows more, never less
    if op in (C.ANY, C.NOT_LITERAL, C.CATEGORY):
        return [(ANY,)]
    raise AssertionError(f"no derivation for {op}: extend the test")


def derive_thirds(pattern: re.Pattern[str]) -> dict[str, str]:
    """{ASCII opening: its third characters}, for the openings whose every branch gives
    its third character as literals (the others allow any: they are left out)."""
    icase = bool(pattern.flags & re.IGNORECASE)
    table: dict[str, set[str] | None] = {}
    for p in _prefixes(list(P.parse(pattern.pattern, pattern.flags)), 3, icase):
        if len(p) < 3 or ANY in p[:2] or END in p[:2]:
            continue
        for a in p[0]:
            for b in p[1]:
                two = a + b
                if not two.isascii():
                    continue
                if p[2] == END:
                    table.setdefault(two, set())
                elif p[2] is ANY or table.get(two, set()) is None:
                    table[two] = None
                else:
                    table.setdefault(two, set()).update(p[2])
    return {two: "".join(sorted(t)) for two, t in table.items() if t is not None}


CASES = [
    pytest.param(c.TRAILING_MARKER, c.TRAILING_OPENINGS, c.TRAILING_THIRDS, id="trailing"),
    pytest.param(c.FORM_AND_FOLLOW, c.FORM_OPENINGS, c.FORM_THIRDS, id="form"),
    pytest.param(c.LEADING_CHROME, c.LEADING_OPENINGS, c.LEADING_THIRDS, id="leading"),
]  # fmt: skip


@pytest.mark.parametrize(("pattern", "openings", "thirds"), CASES)
def test_third_character_tables_are_derived_from_the_patterns(pattern, openings, thirds):
    derived = derive_thirds(pattern)
    assert {two: "".join(sorted(t)) for two, t in thirds.items()} == derived, derived
    assert set(thirds) <= openings


@pytest.mark.parametrize(("pattern", "openings", "thirds"), CASES)
def test_derived_two_character_openings_are_the_hand_written_ones(pattern, openings, thirds):
    """The derivation finds the two-character openings written by hand in chrome.py."""
    icase = bool(pattern.flags & re.IGNORECASE)
    found = set()
    for p in _prefixes(list(P.parse(pattern.pattern, pattern.flags)), 2, icase):
        if len(p) == 2 and ANY not in p and END not in p:
            found |= {a + b for a in p[0] for b in p[1] if (a + b).isascii()}
    assert found == set(openings)


@pytest.mark.parametrize(("pattern", "openings", "thirds"), CASES)
def test_third_character_never_rejects_a_match(pattern, openings, thirds):
    """Lines the pattern matches, with their letters' cases shuffled, pass the guard."""
    rng = random.Random(17)
    samples = [
        "Berita Terkait", "Bagikan:", "Baca berita lainnya", "Share this", "by x", "By",
        "No comments", "Load more", "Leave a Reply", "Tags: a", "Label : b", "Kembali",
        "Kata kunci: x", "Keywords: y", "Topik: z", "Lihat juga x", "Read more x",
        "Related posts x", "Government Public Relation", "Facebook: x", "Fax : 1",
        "Email: a@b.c", "e-mail: x", "www.example.com", "http://x.id", "Iklan", "Cetak",
        "Pdf", "Print", "Simak berita x", "Ikuti kami", "Follow us", "Gabung ke grup x",
        "Saluran WhatsApp x", "Dapatkan update x", "Pilihan Redaksi", "Terpopuler",
        "Terkini", "Rekomendasi x", "Muat lebih banyak", "Security code", "Subscribe x",
        "Posting Lama", "Previous post", "Next article", "Hak cipta x", "Copyright x",
        "Dilarang mengutip x", "Dilihat: 3 kali", "Dibaca 4 kali", "Peringatan plagiarisme x",
        "Be the first to comment", "Batalkan balasan", "Cancel reply", "Nama *", "Name",
        "Situs Web", "Website", "Jadilah yang pertama berkomentar", "Yuk join di grup",
        "Kirim berita ke redaksi", "Youtube Outlet", "Instagram @x", "Twitter x", "Tiktok x",
        "Home Berita", "Beranda » x", "[Iklan]", "[Ad]", "Ads", "Advertorial space",
        "Arsip Kategori: x", "Author archive", "Avatar photo", "Banner 1", "Category archive",
        "Cari", "Connect with us", "Copy link", "Diposting oleh x", "Dibaca 1 kali",
        "Featured image", "Google search engine", "Gulir ke bawah", "Header ads",
        "Image description", "Judul website", "Kategori: x", "Langsung ke isi", "Loading",
        "Logo x", "Lompat ke konten",
        "Menu", "More", "No results found", "Oleh", "Pasang", "Placeholder", "Posted by x",
        "Published on", "Rekomendasi kata kunci", "Salin artikel", "Scroll ke bawah", "Search",
        "Selamat datang di website x", "Sebarkan artikel ini", "Skip to content", "Sponsored",
        "Stay connected with us", "Tidak ditemukan", "Tampilkan semua", "Top", "Ticker",
        "Welcome to the website x", "Written by x", "Nama website",
    ]  # fmt: skip
    checked = 0
    for sample in samples:
        for _ in range(4):
            line = "".join(c.upper() if rng.random() < 0.5 else c.lower() for c in sample)
            if not pattern.fullmatch(line) or not line[:2].isascii():
                continue
            two = line[:2].lower()
            assert two in openings, line
            assert chrome.third_allows(line, two, thirds), line
            checked += 1
    assert checked > 20


def test_third_allows_a_short_or_non_ascii_line():
    assert chrome.third_allows("by", "by", chrome.TRAILING_THIRDS)
    assert chrome.third_allows("Sh\u017fre", "sh", {"sh": "a"})  # not ASCII: no test
    assert not chrome.third_allows("Sedikitnya 40 warga ...", "se", chrome.TRAILING_THIRDS)
    assert chrome.third_allows("Sebarkan", "se", chrome.TRAILING_THIRDS)
