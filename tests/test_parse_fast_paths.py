"""The parser's fast paths give the answers of the general paths they stand in for.

A fast path takes the common shape of a release (paragraphs one per line, paragraphs
only after the lead, plain text) with a few whole-text tests instead of a loop. Each
test here runs the fast path's claim against the general path: on the fixtures, on
crafted edge cases and on seeded random mixtures of the pieces that decide.
"""

from __future__ import annotations

import random
import re
import sys

import pytest

from press_release.parse import chrome, dateline, dates, normalise, paragraphs, release, render
from press_release.parse.byline import ANONYMOUS, Byline
from press_release.parse.paragraphs import Block

from .conftest import FIXTURES

CODE_POINTS = [chr(cp) for cp in range(sys.maxunicode + 1) if not 0xD800 <= cp <= 0xDFFF]


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


def _trailing_and_dropped_by_pattern(lines, holds_code, is_prose, extra=()):
    """trailing_and_dropped() from the bare patterns, with none of its guards: the first
    marker, rule or blog footer (after the first line) below the line that closes the release (the
    last one holding the byline code, else the last prose line), and the dropped lines
    above it."""
    counted = [bool(line) and not chrome.matches_any(line, extra) for line in lines]
    codes = [i for i, line in enumerate(lines) if counted[i] and holds_code(line)]
    prose = [i for i, line in enumerate(lines) if counted[i] and is_prose(line)]
    closing = codes[-1] if codes else prose[-1] if prose else -1
    trailing = None
    for index in range(max(1, closing + 1), len(lines)):
        line = lines[index]
        if line and (
            chrome.RULE.fullmatch(line)
            or chrome.BLOG_FOOTER.search(line)
            or (
                len(line) <= chrome.MARKER_MAX
                and (
                    chrome.TRAILING_MARKER.fullmatch(line)
                    or chrome.FORM_AND_FOLLOW.fullmatch(line)
                    or chrome.TRAILING_SHAPES.fullmatch(line)
                )
            )
        ):
            trailing = index
            break
    above = lines if trailing is None else lines[:trailing]
    dropped = [
        i
        for i, line in enumerate(above)
        if line
        and (
            (chrome.DROPPED_LINE.fullmatch(line) and not chrome.is_sentence(line))
            or (not any(ch.isalnum() for ch in line) and line.strip("()[] ") not in ANONYMOUS)
            or chrome.matches_any(line, extra)
            or chrome.VIDEO_PROMPT.fullmatch(line)
            or chrome.PHP_NOTICE.fullmatch(line)
            or chrome.SHORTCODE_LINE.fullmatch(line)
        )
    ]
    # The line after a link's label alone ("Baca juga:") is the other article's headline;
    # when it is a list's item ("- Headline"), so is each item right below it.
    shown = [i for i, line in enumerate(above) if line]
    linked = listed = False
    for index in shown:
        line = above[index]
        if index in dropped:
            linked, listed = bool(chrome.LINK_LABEL.fullmatch(line)), False
            continue
        item = line[:2] in ("- ", "• ", "* ", "– ")
        if (
            linked
            and (item or not listed)
            and len(line) <= chrome.MARKER_MAX
            and len(line.split()) < 20
            and not chrome.is_sentence(line)
        ):
            dropped.append(index)
            linked = listed = item
        else:
            linked = listed = False
    return trailing, sorted(dropped)


SHAPES = (release._holds_code, release._is_prose)  # the parser's tests of a body line
CHROME_PIECES = [
    "", "Satu dua.", "Pemerintah daerah.", "Berita Terkait", "berita lainnya x", "Bagikan:",
    "Share", "Read More >>", "Baca juga: x", "baca pula", "---", "———", "***", ".", "•",
    "Iklan", "Advertisement", "Tags: a", "label : b", "© 2023", "ſhare", "By", "by x", "Byar",
    "3 Komentar", "11 Oktober 2023 Jam 20:47:59", "Komentar", "Leave a Reply", "Hak Cipta",
    "Previous post", "Posting Lama", "Related news x", "Selengkapnya", "Tinggalkan Balasan",
    "Discussion about this post", "Government Public Relation", "Facebook", "Twitter x",
    "Comments:", "Copyright x", "ARTIKEL TERKAIT", "Seteru.", "Re", "B", "\u212aomentar",
    # Lines that are more of the release below a chrome-like line (issue 16).
    "Pemerintah daerah menggelar rapat koordinasi banjir pekan ini.", "(rus/hmsprov)",
    "Hak cipta atas karya batik itu kini didaftarkan ke kementerian.",
    "Berita terkait banjir ini sudah disampaikan kepada seluruh camat di kota.",
    "Baca juga laporan lengkap rapat itu di laman resmi pemerintah provinsi.",
    "12 Maret 2024 pukul 09.00 WITA", "Alamat email Anda tidak akan dipublikasikan.",
    "© 2024 Biro Adpim Setda Kaltim. Seluruh hak dilindungi.", "Gubernur Tinjau Banjir…",
    "Wakil gubernur membuka pameran tenun di kota.", "Rapat ditutup sore hari. (ani/humas)",
    # Chrome that no opening tells, and wordless leftovers of markup (issue 17).
    "#kemenagri", "#a #b", "Wilayah LAINNYA", "berita lainnya", "![]()", "|", ";", "“",
    "Rapat ditutup sore hari. (Ani)", "Selesai.[]", "(***)", "[*]", "Add comment",
    "Comments are closed.",
    "(Visited 25 times, 1 visits today)", "Visited 3 times", "error: Content is protected !!",
    "instagram fbook youtube tiktok web", "Facebook Twitter WhatsApp", "Tweet·Share",
    "share|email", "Dilihat: 355 kali", "Email: humas@kaltimprov.go.id", "———" * 60,
    # A comment form's fields, an outlet's calls to follow it (FORM_AND_FOLLOW).
    "Be the first to comment", "Nama *", "Situs Web", "*) Ikuti berita x di Google News",
    "Yuk join di group whatsapp : Warga", "Youtube Kabarkaltim", "Kirim berita ke redaksi",
    "Ikuti terus perkembangan banjir ini di Google News dan kanal resmi pemerintah provinsi.",
    # A video prompt and a PHP notice, dropped wherever they stand.
    "Simak Video: x", "SIMAK VIDEO", "simak video lain", "Simak videonya", "Tonton Video x",
    "Deprecated: x() is deprecated in /a/b.php on line 627", "Warning: x on line 3",
    # A plugin's shortcode left alone on its line; a code in brackets is none.
    "[ad_2]", "[button_x voice=\"y\"]", "[ad]", "[ris]", "[ABC_1]",
    # A link's label alone, the other article's headline below it.
    "Baca juga:", "BACA JUGA", "Gubernur Tinjau Proyek Jalan",

]  # fmt: skip


def test_trailing_and_dropped_on_random_bodies():
    rng = random.Random(6)
    configs = [(), ("Facebook", re.compile("Twitter"))]
    for _ in range(5000):
        lines = [rng.choice(CHROME_PIECES) for _ in range(rng.randint(0, 8))]
        extra = rng.choice(configs)
        expected = _trailing_and_dropped_by_pattern(lines, *SHAPES, extra)
        got = chrome.trailing_and_dropped(lines, *SHAPES, extra)
        assert got == expected, lines


@pytest.mark.parametrize("lines", _fixture_lines())
def test_trailing_and_dropped_on_the_fixtures(lines):
    expected = _trailing_and_dropped_by_pattern(lines, *SHAPES)
    assert chrome.trailing_and_dropped(lines, *SHAPES) == expected


LEADING_SAMPLES = [
    "0 400", "419 Admin", "Category Archives: Biro Humas", "Tag Archive", "Author Archives x",
    "Dibaca 1.204 kali", "12 x dibaca", "Kategori: Berita", "Arsip Kategori: x",
    "Home » Berita", "Beranda > x", "[Iklan]", "Iklan", "Advertisement", "advertorial space",
    "Ads", "[ad]", "Sponsored", "[Placeholder]", "Skip to content", "Loading...", "Menu",
    "Search", "Cari", "Diposting oleh admin", "Posted by x", "20 total views, 1 views today",
    "0 menit baca 0 %", "0%", "6/recent/ticker-posts", "Posted in |", "Written by Admin",
    "banner 728x90", "Top", "More", "Ticker", "oleh", "Logo header", "Featured Image",
    "Image Description", "Salin Artikel", "Copy link", "Judul Website", "Sebarkan artikel ini",
    "Rekomendasi Keywords:", "Google search engine", "Header Ads Widget", "pasang",
    "Lompat ke isi utama", "Skip to main content", "Langsung ke konten", "Scroll ke bawah",
    "Gulir ke bawah untuk membaca", "Selamat Datang di Website Resmi Kantor Contoh",
    "Welcome to the official website", "Tidak ditemukan.", "Tampilkan seluruhnya.",
    "No results found", "Logo Sitename", "Avatar photo",
]  # fmt: skip


@pytest.mark.parametrize(
    ("pattern", "openings", "samples", "guarded"),
    [
        pytest.param(
            chrome.TRAILING_MARKER,
            chrome.TRAILING_OPENINGS,
            [piece for piece in CHROME_PIECES if chrome.TRAILING_MARKER.fullmatch(piece)],
            chrome.is_trailing_marker,
            id="trailing",
        ),
        pytest.param(
            chrome.FORM_AND_FOLLOW,
            chrome.FORM_OPENINGS,
            [piece for piece in CHROME_PIECES if chrome.FORM_AND_FOLLOW.fullmatch(piece)],
            chrome.is_trailing_marker,
            id="form-and-follow",
        ),
        pytest.param(
            chrome.LEADING_CHROME,
            chrome.LEADING_OPENINGS,
            LEADING_SAMPLES,
            chrome.is_leading_chrome,
            id="leading",
        ),
    ],
)
def test_two_character_openings_never_reject_a_match(pattern, openings, samples, guarded):
    """A line opening with two ASCII characters outside the openings never matches."""
    tails = {sample[2:] for sample in samples} | {"", " x", "x", ":", " : x"}
    for sample in samples:
        assert pattern.fullmatch(sample), sample
        assert guarded(sample), sample
    printable = [chr(c) for c in range(0x20, 0x7F)]
    for a in printable:
        if a.isdecimal():
            continue
        assert not pattern.fullmatch(a), a  # a line of one character
        for b in printable:
            if (a + b).lower() not in openings:
                assert not any(pattern.fullmatch(a + b + tail) for tail in tails), a + b


def test_dateline_guards():
    """ANY_DATE opens with a digit, DOMAIN holds a dot, ISSUING_UNIT opens with 2 capitals."""
    for ch in CODE_POINTS:
        if not ch.isdecimal():
            assert not any(dates.ANY_DATE.match(ch + tail) for tail in ("1/2020", "9 Mei 2020"))
        if ch not in dateline._CAPITALS:
            assert not dateline.ISSUING_UNIT.match("B" + ch + "IRO. Gubernur")
    assert dateline._is_date("16/4/2019") and not dateline._is_date("ANTARA")
    assert dateline._agency_ok("jogjaprov.go.id") and not dateline.DOMAIN.fullmatch("go-id")


@pytest.mark.parametrize(
    "text",
    [
        "PEMILU : Kepala meninjau lokasi di Singaraja, Kamis (1/1). (put/humasbali)",
        "a1/1/2020 lalu 2/2/2021", "x12 Mei 2020, 13 Mei 2020", "Rabu, 9 Desember 2020 10:30",
        "ab2020-01-02", "_1/1/2020 (3/4/2021)", "٣/٤/٢٠٢٠ 1/2/2020", "tanpa angka", "9",
    ],
)  # fmt: skip
def test_find_date_scans_from_the_first_digit(text):
    """find_date() searches ANY_DATE from the first digit: the same matches as from 0."""

    def spans(matches):
        return [m.span() for m in matches]

    digit = re.search(r"\d", text)
    start = digit.start() if digit else len(text)
    assert spans(dates.ANY_DATE.finditer(text, start)) == spans(dates.ANY_DATE.finditer(text))


def _plain_lines_by_replacing(text):
    """normalise_lines() of a plain text as the general path takes it: line ends first."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    return [" ".join(part for part in line.split(" ") if part) for line in text.split("\n")]


PLAIN_TEXTS = [
    "", "\n", "\r", "\r\n", "\n\r", "a", "a\n", "a\r\n", "a\r", "a\r\n\r\nb", "a\r\rb", "a\n\rb",
    " a \r\n b ", "a  b\r\n", "a\u00a0 b", "\u00a0\r\n\u00a0", "a \rb", "a\r \nb", "“a” – b…\r",
    "a\n\n\n", "x  \r  y",
]  # fmt: skip


@pytest.mark.parametrize("text", PLAIN_TEXTS)
def test_plain_lines_split_as_the_general_path(text):
    assert normalise.is_plain(text)
    assert normalise.normalise_lines(text) == _plain_lines_by_replacing(text)


def test_plain_lines_on_random_mixtures():
    rng = random.Random(6)
    pieces = ["a", "Bb", " ", "  ", "\n", "\r", "\r\n", "\u00a0", "–", "“", ".", "x y"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        assert normalise.normalise_lines(text) == _plain_lines_by_replacing(text), repr(text)


def _not_alone_search(lines: list[str]) -> bool:
    return not paragraphs._NOT_ALONE.search("\n" + "\n".join(lines))


@pytest.mark.parametrize("lines", _fixture_lines() + EDGE_LINES)
def test_one_paragraph_per_line_loop_is_the_pattern(lines):
    assert paragraphs._one_paragraph_per_line(lines) == _not_alone_search(lines)


def test_one_paragraph_per_line_loop_on_random_mixtures_and_code_points():
    # The pieces of the random mixtures, line feeds inside a line, and every code point
    # opening a line below a line closed by each character (a sample of them).
    pieces = [
        "", "Satu dua.", "Tiga empat", "lima.", "“Kutipan,” katanya.", "B", "ahkan.", ".",
        "*", "- butir", "1. nomor", "a) huruf", "b.", "c", "Éclair.", "Akhir:", "Akhir’",
        "Akhir)", "Akhir]", "ǅ", "١. satu", "x\ny", "\nDua.", "Satu.\n", "\n", "Ω.",
    ]  # fmt: skip
    rng = random.Random(17)
    for _ in range(5000):
        lines = [rng.choice(pieces) for _ in range(rng.randint(0, 8))]
        assert paragraphs._one_paragraph_per_line(lines) == _not_alone_search(lines), lines
    closers = list(".!?:;\"”’')]aA1 –,")
    for char in CODE_POINTS[::97] + list('-•*–.·“"AZaz09'):
        for closer in closers:
            for lines in ([f"Satu{closer}", f"{char}dua"], [f"{char}.", "Dua."], [f"{char})"]):
                assert paragraphs._one_paragraph_per_line(lines) == _not_alone_search(lines)


@pytest.mark.parametrize("cls", [dateline.Dateline, dates.FoundDate, Byline])
def test_hand_written_init_takes_the_fields(cls):
    # Dateline, FoundDate and Byline set their frozen fields in one call (see __init__):
    # the parameters are the dataclass's fields, in order, with the same defaults.
    import dataclasses
    import inspect

    parameters = list(inspect.signature(cls.__init__).parameters.values())[1:]
    fields = dataclasses.fields(cls)
    assert [p.name for p in parameters] == [f.name for f in fields]
    for parameter, field in zip(parameters, fields, strict=True):
        expected = (
            inspect.Parameter.empty if field.default is dataclasses.MISSING else field.default
        )
        assert parameter.default == expected
    values = {f.name: f"v{i}" for i, f in enumerate(fields)}
    made = cls(**values)
    assert dataclasses.asdict(made) == values
    assert dataclasses.replace(made, **{fields[0].name: "w"}) == cls(
        **{**values, fields[0].name: "w"}
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(made, fields[0].name, "x")


def test_five_unmarked_words_leave_no_short_head_before_the_own_line_separator():
    # dateline._own_line() returns None for a line that did not end with a separator
    # when five words stand before the first OWN_LINE_SEPARATOR match; the shortcut
    # claims that from the first five words alone.
    pieces = [
        "Dinas", "Kota", "di", "X", "-", "–", "—", "|", "||", "/", "//", ",", "a,", "a-b",
        "x/y", "Rp1.000", "2024", "\u00a0", "\u2003", "\t", " ", "Jadi", "Prioritas",
    ]  # fmt: skip
    rng = random.Random(5)
    for _ in range(20000):
        text = ""
        for _ in range(rng.randint(1, 14)):
            piece = rng.choice(pieces[:4] if rng.random() < 0.6 else pieces)
            text += piece + rng.choice([" ", " ", "", "\u00a0", "  "])
        prefix = text.strip()
        if not prefix or not dateline._five_unmarked_words(prefix):
            continue
        sep = dateline.OWN_LINE_SEPARATOR.search(prefix)
        if sep is not None:
            head = prefix[: sep.start()].rstrip()
            assert not normalise.fewer_words(head, 5), prefix


def test_outlet_word_helpers_are_the_patterns():
    # dateline._outlet_word() and _outlet_glued() stand for OUTLET_WORD.fullmatch() and
    # OUTLET_GLUED.fullmatch(): a set and str tests on ASCII words, the patterns on the
    # others (under IGNORECASE, [a-z] also matches four non-ASCII letters).
    words = [*dateline._OUTLET_WORDS, *dateline._GLUED_OPENINGS, *dateline._GLUED_ENDINGS]
    letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-1 \u0130\u0131\u017f\u212a"
    rng = random.Random(7)
    samples = ["SAMARINDA", "KabarNTB", "Halokaltim", "BORNEONEWS", "\u0130nfo", "\u017fnews"]
    for _ in range(20000):
        noise = "".join(rng.choice(letters) for _ in range(rng.randint(0, 6)))
        word = rng.choice(words)
        word = word.upper() if rng.random() < 0.5 else word
        samples.append(rng.choice([noise + word, word + noise, noise, word]))
    for word in samples:
        assert dateline._outlet_word(word) == bool(dateline.OUTLET_WORD.fullmatch(word)), word
        assert dateline._outlet_glued(word) == bool(dateline.OUTLET_GLUED.fullmatch(word)), word


def test_weekday_heads_never_reject_a_weekday_date_stop():
    # dateline._weekday_date_stop() returns None when the first two characters of the
    # text, lowered, open no weekday's name: WEEKDAY_DATE_STOP with a weekday needs one.
    days = [*dateline.WEEKDAYS, "Jum’at", "JUMAT", "Kepala", "Ahad", "Sen", "Rabuan"]
    dated = ["3/10/13", "22 Oktober 2018", "(22/10/2018)", "12-03-2024", "x"]
    rng = random.Random(11)
    for _ in range(5000):
        day = rng.choice(days)
        day = day.capitalize() if rng.random() < 0.7 else day
        text = f"{day}{rng.choice([',', ''])} {rng.choice(dated)}. Bupati membuka acara."
        if rng.random() < 0.2:
            text = f"{rng.choice(dated)}. Bupati membuka acara."  # no weekday
        match = dateline.WEEKDAY_DATE_STOP.match(text)
        if match and match["day"] and match["day"].casefold() in dateline.WEEKDAYS:
            assert text[:2].lower() in dateline._WEEKDAY_HEADS, text
        if match and match["day"] is None and not match["open"]:
            assert text[:1].isdecimal(), text  # a date in words alone opens with a digit


def test_may_credit_never_rejects_a_credited_caption():
    # release._may_credit() holds what each branch of CREDITED_CAPTION needs.
    pieces = [
        "Bupati meninjau lokasi banjir di Desa X, Senin (25/8/25)", ".", ")", " - ", " | ",
        "-", "–", "(", "Outlet/ Name", ")", "Foto", "FOTO", "photo", "Dok foto", "Humas X",
        "dokumentasi. foto", " ", "a" * 30, ":", "/",
    ]  # fmt: skip
    rng = random.Random(13)
    found = 0
    for _ in range(30000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randint(2, 9)))
        if release.CREDITED_CAPTION.fullmatch(line):
            found += 1
            assert release._may_credit(line), line
    assert found > 100
