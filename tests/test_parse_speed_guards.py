"""The parser's shortcuts give the answers of the slow paths they replace.

Each guard skips a regex or a full scan when a cheap test shows it cannot match. These
tests check the claims the guards rest on, over every code point where a claim is about
characters.
"""

from __future__ import annotations

import random
import re
import sys

import pytest

from press_release.parse import byline, chrome, dateline, dates, normalise, paragraphs

CODE_POINTS = [chr(cp) for cp in range(sys.maxunicode + 1) if not 0xD800 <= cp <= 0xDFFF]


def _ignorecase_class(chars: str) -> re.Pattern[str]:
    return re.compile("(?i)[" + re.escape(chars) + "]")


@pytest.mark.parametrize(
    ("first", "letters"),
    [
        (chrome.TRAILING_FIRST, "abcdefghijklmnprstvwy©⚠*([•·←"),
        (chrome.DROPPED_FIRST, "abi[-–—_=*~.•·"),
        (chrome.CREDIT_FIRST, "aefjklnoprstuw("),
        (chrome.RULE_FIRST, "-–—_="),
    ],
)
def test_first_character_sets_hold_every_case_variant(first, letters):
    """Every character IGNORECASE matches to a branch's first letter is in the set."""
    pattern = _ignorecase_class(letters)
    assert {ch for ch in CODE_POINTS if pattern.fullmatch(ch)} == set(first)


@pytest.mark.parametrize(
    ("pattern", "samples"),
    [
        (
            chrome.TRAILING_MARKER,
            [
                "Berita Terkait", "artikel lainnya", "Postingan populer", "Related posts",
                "Government Public Relations", "Share this:", "Bagikan", "Read more",
                "Selengkapnya >>", "Discussion about this post", "Tinggalkan Balasan",
                "Leave a Reply", "Komentar", "3 Komentar", "Comments:", "Next post",
                "Posting Lama", "Tags: banjir", "Label: berita", "Copyright 2023",
                "Hak Cipta", "© 2023", "By", "11 Oktober 2023 Jam 20:47:59",
                "Artikel Sebelumnya", "Baca berita lainnya", "TERKAIT", "Bagikan ke: x",
                "Sebarkan artikel ini", "Posting Komentar", "0Komentar", "0 Comments",
                "Comments are closed.", "(Visited 9 times)", "Error: Content is protected !!",
                "No comments:", "No More Posts Available.",
                "Post a Comment", "Add comment", "Subscribe to:", "Security code",
                "Load more", "Muat lebih banyak", "Galeri", "Gallery", "Foto lainnya",
                "https://x.id/a", "www.x.id", "Cek Berita di Google News", "Ikuti kami",
                "Follow us", "⚠️ Peringatan Plagiarisme", "Dilarang mengutip isi",
                "Dilihat: 355 kali", "120 kali dibaca", "3 hari yang lalu", "Kembali ke atas",
                "Back to top", "Print", "Cetak", "PDF", "Lihat juga: x", "Simak juga x",
                "Baca selengkapnya", "Pilihan Redaksi", "Terpopuler", "Terkini",
                "Rekomendasi", "Topik: banjir", "Kata kunci: x", "Keywords: x",
                "Dapatkan update berita", "Gabung ke grup x", "Saluran WhatsApp x",
                "WhatsApp Channel x", "Website: x", "Situs: x", "Web: x", "Instagram: x",
                "IG: x", "Facebook: x", "FB: x", "Twitter: x", "YouTube: x", "TikTok: x",
                "Email: x", "E-mail: x", "Surel: x", "Telp: x", "Telepon: x", "HP: x",
                "WA: x", "Fax: x", "Faks: x", "Banner x",
                "Advertisement", "Iklan",
            ],
        ),
        (
            chrome.FORM_AND_FOLLOW,
            [
                "Batalkan balasan", "Cancel reply", "Be the first to comment",
                "Jadilah yang pertama berkomentar", "Nama *", "Name", "Email *", "E-mail",
                "Surel", "Situs Web", "Website", "*) Ikuti berita x", "Yuk join x",
                "Kirim berita x", "Youtube Outlet", "Instagram @x", "Facebook x", "Twitter x",
                "TikTok x",
            ],
        ),
        (chrome.DROPPED_LINE, ["Baca juga: x", "---", "***", ".", "•", "Advertisement", "[iklan]"]),
        (
            chrome.CREDIT_LINE,
            [
                "Sumber: Diskominfo", "Editor: Yusuf", "Pewarta: Ani", "Penulis: Ani",
                "Reporter: Ani", "Wartawan: Ani", "Fotografer: Ani", "Foto: Ani",
                "Redaktur: Ani", "Penyunting: Ani", "Kontributor: Ani", "Teks: Ani",
                "Naskah: Ani", "Peliput: Ani", "Liputan: Ani", "Editing: Ani", "Oleh: Ani",
                "Red : Ani", "Editor/ Publisher : Ani", "Uploader: Ani",
            ],
        ),
        (chrome.RULE, ["---", "———", "___", "==="]),
    ],
)  # fmt: skip
def test_first_character_guards_never_reject_a_match(pattern, samples):
    """Each branch's sample passes its guard; with another first character, none matches."""
    guard = {
        chrome.TRAILING_MARKER: chrome.is_trailing_marker,
        chrome.FORM_AND_FOLLOW: chrome.is_trailing_marker,
        chrome.DROPPED_LINE: chrome.is_dropped_line,
        chrome.CREDIT_LINE: chrome.is_credit_line,
        chrome.RULE: chrome.is_rule,
    }[pattern]
    for sample in samples:
        assert pattern.fullmatch(sample), sample
        assert guard(sample), sample
    tails = {sample[1:] for sample in samples}
    for ch in map(chr, range(0x3000)):
        if guard(ch + "x" * 3) or any(guard(ch + tail) for tail in tails):
            continue
        assert not any(pattern.fullmatch(ch + tail) for tail in tails), repr(ch)


def test_only_four_characters_fold_to_ascii_letters():
    """The characters _may_hold_ad() and the sets above must take care of."""
    letter = re.compile("(?i)[a-z]")
    folding = {
        ch
        for ch in CODE_POINTS
        if not ch.isascii()
        and (letter.fullmatch(ch) or any(c.isascii() and c.isalpha() for c in ch.lower()))
    }
    assert folding == set(normalise.FOLDS_TO_ASCII)
    assert all(len(ch.lower()) == 1 for ch in CODE_POINTS if ch != "\u0130")


@pytest.mark.parametrize(
    "line",
    [
        "Pasang iklan di sini", "RUANG IKLAN TERSEDIA", "Hubungi kami, space iklan",
        "Advertise here!", "iklan anda", "Ruang ıklan", "paſang iklan",
        "Pemerintah daerah menyiapkan anggaran", "Iklan", "", "Kamis (1/1)",
    ],
)  # fmt: skip
def test_leading_chrome_split_matches_the_single_pattern(line):
    whole = re.compile(
        chrome.LEADING_CHROME.pattern + "|" + chrome.LEADING_AD.pattern.removeprefix("(?i)"),
        chrome.LEADING_CHROME.flags,
    )
    assert chrome.is_leading_chrome(line) == bool(whole.fullmatch(line))


def test_plain_check_on_bytes_matches_the_regex():
    plain = normalise._PLAIN
    others = ["\t", "\x00", "\x1f", "\x7f", "\x85", "é", "\u200b", "€", "\U0001f600", "Ã©"]
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(plain + "".join(others)) for _ in range(rng.randint(0, 12)))
        expected = not normalise._UNUSUAL.search(text)
        assert normalise._plain_utf8(text.encode("utf-8")) == expected, repr(text)
        assert normalise.is_plain(text) == expected, repr(text)
    for text in ["a\ud800b", "\udfff", "é\udc80", "–\ud83d"]:  # lone surrogates
        assert normalise._UNUSUAL.search(text) and not normalise.is_plain(text), repr(text)


def test_normalised_lines_hold_only_plain_spaces():
    """After normalise(), a line's only whitespace is a single space (so its word count
    is its spaces + 1): every character str.split() splits at is mapped or removed."""
    spaces = [ch for ch in CODE_POINTS if ch.isspace()]
    text = "a" + "b".join(spaces) + "c"
    for line in normalise.normalise_lines(text):
        assert not any(ch.isspace() for ch in line.replace(" ", ""))
        assert "  " not in line and line == line.strip()


@pytest.mark.parametrize("count", [0, 1, 2, 4, 6, 15, 16])
def test_fewer_words(count):
    for text in ["", " ", "a", "a b", " a  b\tc ", "x " * 20, "w\u3000" * 5, "a b c d e f"]:
        assert normalise.fewer_words(text, count) == (len(text.split()) < count)


def test_separators_match_the_plain_alternation():
    strong = re.compile(
        r"\s+(?:-{2,3}|\|\||//|[-–—|~])\s+|[–—]\s*|(?<=[\w),.;])-\s+|(?<=[,)\s])-(?=[A-Z\"“])"
        r"|(?<=\))-{2,3}(?=[A-Z\"“])|(?<=\))-{2,3}\s+|\s(?:-{2,3}|\|\|)(?=[A-Z\"“])"
        r"|(?<=\w)-{2,3}(?=[A-Z\"“])"
        r"|(?:(?<=\.com)|(?<=\.COM)|(?<=\.id)|(?<=\.ID)|(?<=\.co)|(?<=\.net))-(?=[A-Z\"“])"
    )
    weak = re.compile(
        r"(?<=[A-Z)]):\s+|(?<=[\w)])\.\s+|(?<=[\w)]),\s+|(?<=[A-Z])\s:\s+|(?<=\w)\s;\s+"
        r"|(?<=[A-Z])\s,\s+"
    )
    rng = random.Random(3)
    alphabet = 'aA -–—|~:;.,\t\u00a0_1é)"“/'
    texts = ["x.com-A", "x.COM-A", "x.id-A", "X.ID-A", "x.co-A", "x.net-A", "a --A", "a.cam-A"]
    texts += ["a ||A", "a||A", "a || A", "a |||A", "a // A", "a //A", "a /// A"]
    texts += ["a--A", "a---A", "a----A", "1--A", ")---A"]
    for text in texts:  # the domain's ending: letters the random alphabet rarely joins
        for new, old in ((dateline.STRONG_SEPARATOR, strong), (dateline.WEAK_SEPARATOR, weak)):
            assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)]
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        for new, old in ((dateline.STRONG_SEPARATOR, strong), (dateline.WEAK_SEPARATOR, weak)):
            assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Rapat digelar hari ini (rus/hmsprov).", "Rapat (ANTARA) digelar (rus)",
        "x" * 300 + " (adv/hms7).", "(" + "a" * 60 + ")", "(" + "a" * 61 + ")",
        "Teks (kiri) dan (kanan) . . ", "Teks [dni]", "Teks (rus)\n", "Teks *kmb",
        "Teks.*kmb  ", "*kmb", "Teks **kmb", "x" * 200 + " *abcdef", "Teks (a/b) (c/d)",
    ],
)  # fmt: skip
def test_byline_search_windows(text):
    """Searching from _tail_start() (or near the end for a star code) finds what a search
    from the start finds."""

    def span(match):
        return match and match.span()

    assert span(byline.TAIL_CODE.search(text, byline.tail_search_start(text))) == span(
        byline.TAIL_CODE.search(text)
    )
    star = byline.STAR_CODE.search(text)
    near = byline.STAR_CODE.search(text, max(0, len(text.rstrip()) - 8))
    assert span(star) == span(near)


def test_paragraph_character_sets_match_their_patterns():
    for ch in CODE_POINTS:
        assert (ch in paragraphs._SENTENCE_ENDS) == bool(paragraphs.SENTENCE_END.search(ch))
        assert (ch in paragraphs._CAPITALS) == bool(paragraphs.DROP_CAP.fullmatch(ch))
        opens_item = any(
            paragraphs.LIST_ITEM.fullmatch(ch + tail) for tail in (" x", ". x", ") x", "1. x")
        )
        if opens_item:
            assert ch in paragraphs._LIST_FIRST or ch.isdecimal(), repr(ch)
        if paragraphs.SEPARATOR.fullmatch(ch) or paragraphs.SEPARATOR.fullmatch(ch + ".."):
            assert ch in paragraphs._SEPARATOR_FIRST, repr(ch)


@pytest.mark.parametrize(
    "text",
    [
        "Rapat digelar Kamis (1/1) dan dilanjutkan Jumat 2 Januari 2015.",
        "SELASA (16/4/2019) pagi", "selasasabtu (1/2/2020)", "Jum'at, 3/4/2020",
        "Jum’at 3 Mei 2021", "Juma'at 3/4", "xsenin 1/1/2020 Senin 2/1/2020",
        "Sabtu Minggu (5/6/2022)", "Ahad, 9 Des 2020", "Kamis 31/2/2020 lalu Kamis 1/1/2021",
        "Senin\u0130 1/1/2020", "\u017fenin 1/1/2020", "Kamı\u017f 1/1/2020", "no date here",
        "senin" * 30 + " 1/1/2020",
    ],
)  # fmt: skip
def test_weekday_dates_match_a_plain_scan(text):
    def spans(matches):
        return [m.span() for m in matches]

    assert spans(dates.weekday_dates(text)) == spans(dates.WEEKDAY_DATE.finditer(text))
    rng = random.Random(text)
    words = ["Senin", "selasa", "RABU", "kamis", "Jumat", "jum'at", "Sabtu", "minggu", "ahad"]
    pieces = words + ["(1/2/2020)", "3 Mei 2021", "x", " ", ",", "4/5", "\u212a"]
    for _ in range(300):
        sample = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        assert spans(dates.weekday_dates(sample)) == spans(dates.WEEKDAY_DATE.finditer(sample))


def test_weekday_date_year_test_matches_the_groups_dict():
    assert "iy" not in dates.WEEKDAY_DATE.groupindex  # the one year group it does not read
    rng = random.Random(11)
    words = ["Senin", "Kamis", "Jumat", "Sabtu", "Minggu", ",", " ", "(", ")", "pukul"]
    days = ["1/2", "1/2/2020", "3/4/20", "3 Mei 2021", "3 Mei", "12-12-2012", "5-6/12", "9 Des '20"]
    for _ in range(2000):
        text = " ".join(rng.choice(words + days) for _ in range(rng.randint(1, 6)))
        for match in dates.WEEKDAY_DATE.finditer(text):
            expected = dates._has_year(match.groupdict())
            assert dates._weekday_date_has_year(match) == expected, repr(text)


def test_space_or_stop_lists_every_space():
    spaces = {ch for ch in CODE_POINTS if re.fullmatch(r"\s", ch)}
    assert spaces == {ch for ch in CODE_POINTS if ch.isspace()}
    assert set(byline._SPACE_OR_STOP) == spaces | {"."}


def test_caption_and_bullet_first_characters():
    from press_release.parse import release

    starts = {ch for ch in CODE_POINTS if _ignorecase_class("fpkdgc").fullmatch(ch)}
    assert frozenset(starts | {"("}) == release._CAPTION_FIRST
    assert {ch for ch in CODE_POINTS if re.fullmatch("[A-Z]", ch)} == release._CAPITALS
    for ch in CODE_POINTS[:0x3000]:
        if ch not in release._CAPTION_FIRST:
            for tail in ("oto: x", "hoto: x", "eterangan foto: x", "et: x", "ok. x", "ABC : x") + (
                "ambar: x",
                "aption foto : x",
                "aption: x",
            ):
                assert not release.CAPTION_START.match(ch + tail)
        if ch not in release._CAPITALS:  # CAPTION_LABEL's third character
            for tail in (" : x", "C : x", "C DEF : x"):
                assert not release.CAPTION_LABEL.match("AB" + ch + tail)
    assert {ch for ch in CODE_POINTS if release.BULLET_META.fullmatch(ch + "x")} == set(
        release._BULLETS
    )


def test_region_keys_read_every_province_and_regency():
    """_region_keys() reads the table with one search (_REGENCY_LINE), passing over the
    districts' lines: the keys of a plain loop over read_regions(), as before."""
    from press_release.parse import regions

    keys: set[str] = set()
    text = regions.REGIONS_FILE.read_text(encoding="utf-8")
    for code, name in regions.read_regions(text):
        if code.count(".") > 1:
            continue  # a district
        keys.add(regions.place_key(name))
        if match := regions.REGENCY_KIND.match(name):
            spellings = regions.KIND_SPELLINGS[match["kind"]]
            keys.update(regions.place_key(f"{s} {match['bare']}") for s in spellings)
            keys.add(regions.place_key(match["bare"]))
        names = (*regions.PROVINCE_ALIASES.get(code, ()), regions.PROVINCE_NAMES.get(code, name))
        keys.update(map(regions.place_key, names))
    short = regions.read_regions(regions.SHORT_NAMES_FILE.read_text(encoding="utf-8"))
    keys.update(
        regions.place_key(s) for s, official in short if regions.place_key(official) in keys
    )
    assert regions._region_keys() == frozenset(keys)


def test_place_key_shortcut_is_the_pattern():
    """place_key()'s shortcut for a name of words and spaces: what _NOT_ALNUM.sub() gives,
    over every code point (\\w is str.isalnum() and "_")."""
    from press_release.parse import regions

    for char in CODE_POINTS:
        name = f"Kota {char}X"
        assert regions.place_key(name) == regions._NOT_ALNUM.sub("", name).casefold(), char
        name = f"Kota_{char}-X"  # the general path: punctuation besides
        assert regions.place_key(name) == regions._NOT_ALNUM.sub("", name).casefold(), char
    pieces = ["Kab.", " ", "Berau", "_", "’", ":", "-", "Ünye", "٣", "Ⅻ", "ß", ",", "\t"]
    for name in _mixtures(pieces, 23):
        assert regions.place_key(name) == regions._NOT_ALNUM.sub("", name).casefold(), name


def test_name_line_ends_only_where_the_guard_allows():
    """_cut_tail() tries NAME_LINE only on a line whose last character may end it
    (release._may_end_name), over every code point."""
    from press_release.parse import release

    for char in CODE_POINTS:
        if release.NAME_LINE.fullmatch("Ani Suryan" + char):
            assert release._may_end_name(char), repr(char)
    assert release.NAME_LINE.fullmatch("Ani Suryani") and release._may_end_name("i")


def _mixtures(pieces: list[str], seed: int, count: int = 3000) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))) for _ in range(count)]


def test_bar_photo_credit_needs_a_colon():
    from press_release.parse import release

    pieces = ["Foto", "foto", "PHOTO", " ", ":", "|", "||", "/", "//", "Istimewa", "x" * 30, "."]
    for text in _mixtures(pieces, 3):
        if release.BAR_PHOTO_CREDIT.search(text[-70:]):
            assert ":" in text[-70:], repr(text)


def test_team_before_code_opens_with_three_characters_and_a_space():
    pieces = ["Tim", "TIM", "tım", "tİm", " ", "Redaksi", "humas", "MC", "x", "(", "Tim "]
    for text in _mixtures(pieces, 5):
        if byline.TEAM_BEFORE_CODE.fullmatch(text):
            assert text[3:4] == " ", repr(text)


def test_domain_dot_needs_a_dot():
    for char in CODE_POINTS:
        if dateline._DOMAIN_DOT.search(char + "c") or dateline._DOMAIN_DOT.search("x" + char):
            assert char == ".", repr(char)


def test_printed_again_is_the_first_copy_below():
    """_printed_again() counts the line's copies before list.index() looks below it: the
    index of the first copy below, or None, as a plain scan gives."""
    from press_release.parse import release

    rng = random.Random(17)
    long_lines = ["L" * release.COPY_MIN, "M" * (release.COPY_MIN + 5), "S" * 10]
    for _ in range(3000):
        lines = [rng.choice([*long_lines, "", "x"]) for _ in range(rng.randint(1, 8))]
        index = rng.randrange(len(lines))
        lead = lines[index]
        below = [i for i in range(index + 1, len(lines)) if lines[i] == lead]
        expected = below[0] if below and len(lead) >= release.COPY_MIN else None
        assert release._printed_again(lines, index) == expected, (lines, index)


def test_escape_shortcut_is_html_escape():
    """render._escape() skips html.escape()'s replacements when no "&<>" is in the text."""
    from html import escape

    from press_release.parse import render

    pieces = ["a", "&", "<", ">", '"', "'", "“", "–", " ", "&amp;", "é"]
    for text in _mixtures(pieces, 7):
        assert render._escape(text) == escape(text, quote=False), repr(text)


def test_split_code_parts_as_before():
    """split_code() drops empty and anonymous parts by a set, and takes the desk's part
    out by slices: the reporters and desk of the plain loop it replaced."""

    def reference(code):
        code = " ".join(code.split())
        dated = byline.CODE_THEN_DATE.fullmatch(code) if "," in code else None
        parts = (dated["code"] if dated else code).split("/")
        parts = [p.strip() for p in parts if p.strip() not in ("", *byline.ANONYMOUS)]
        if code in byline.ANONYMOUS or not parts:
            return code, (), None
        desk_index = None
        if byline.DESK.search(parts[-1]):
            desk_index = len(parts) - 1
        elif byline.DESK.search(parts[0]):
            desk_index = 0
        desk = parts[desk_index] if desk_index is not None else None
        return code, tuple(p for i, p in enumerate(parts) if i != desk_index), desk

    pieces = ["rus", "hms", "humas", "/", "/", " ", "**", "*", "ky", "prov", "DPRD", ", 7/8", "x"]
    for code in _mixtures(pieces, 9):
        found = byline.split_code.__wrapped__(code)
        assert (found.code, found.reporters, found.desk) == reference(code), repr(code)


def test_is_place_case_test_as_the_two_all_calls():
    """dateline._is_place() tests the words' case with a loop: what the two all() calls
    over generators gave (every word opening with a capital, or every word in capitals)."""
    pieces = ["Kota", "BARU", "baru", "X", "Ünye", "Dr.", "a-b", "A-B", "Sá", "3A", " "]
    for text in _mixtures(pieces, 13):
        words = text.split()
        if not words or words[0].casefold().strip(".") in dateline.NOT_A_PLACE:
            continue
        if words[0].casefold().startswith(dateline.UNIT_OPENINGS):
            continue
        if words[-1].casefold().endswith("nya"):
            continue
        expected = all(w[:1].isupper() for w in words) or all(w.isupper() for w in words)
        assert dateline._is_place(text) == expected, repr(text)


def test_nul_byte_test_by_value():
    rng = random.Random(19)
    for _ in range(2000):
        raw = bytes(rng.choice((0, 1, 32, 65, 255)) for _ in range(rng.randint(0, 6)))
        assert (0 in raw) == (b"\x00" in raw)


def test_unit_word_parts_hold_every_case_variant():
    """Every character IGNORECASE matches to a letter of _UNIT_WORD_PARTS lowers to that
    letter alone, and each of _UNIT_WORD's words holds one of the parts: a line the
    pattern finds passes dateline._may_name_unit()."""
    words = ("humas", "inmas", "hms", "kominfo", "prokopim")
    assert dateline._UNIT_WORD.pattern == "(?i)" + "|".join(words)
    assert all(any(part in word for part in dateline._UNIT_WORD_PARTS) for word in words)
    for letter in set("".join(dateline._UNIT_WORD_PARTS)):
        pattern = re.compile("(?i)" + letter)
        assert all(ch.lower() == letter for ch in CODE_POINTS if pattern.fullmatch(ch)), letter


def test_may_name_unit_never_rejects_a_unit_word():
    pieces = ["Humas", "HMS", "inmas", "KOMINFO", "ProKopim", "İnmas", "humaſ", "Kominfo",
              "(", ")", " ", "Kota", "x" * 40, "ğ", "Diskominfo", "hu", "mas"]  # fmt: skip
    for text in _mixtures(pieces, 17):
        if dateline._UNIT_WORD.search(text, 0, 90):
            assert dateline._may_name_unit(text), repr(text)


def test_prefix_post_is_a_date_an_agency_or_refused():
    """_parse_prefix() refuses a prefix whose post (PLACE_FORM's words after the place) is
    neither a date nor an agency's name before the place's tests: every prefix PLACE_FORM
    reads with a post gives it as its date or its agency, or is refused. (The forms tried
    before PLACE_FORM are left out: a comma, a dot, a slash or a bar, or the whole prefix
    as the agency or the date.)"""
    places = [
        "Samarinda",
        "BONTANG",
        "Kota Baru",
        "Kab Berau",
        "Dinas Kominfo",
        "Jakarta (Humas)",
        "Sumbawa Besar",
        "Tarakan (ANTARA)",
        "Dinkes Barat Gelar",
        "PPID",
        "Kamis",
    ]
    posts = ["27 Juni 2024", "12 3 2024", "Humas", "Harian Kaltim", "di Jakarta", "Outlet News",
             "Gelar Rapat di Bontang", "Antara", "Maqnaia", "(10 4)", "RU", "Tim Humas Pemkab",
             "Selasa 12 Maret 2024", "kata", "Jumat (10 4)", "Radar Bontang"]  # fmt: skip
    seen = 0
    for place in places:
        for post in posts:
            prefix = f"{place} {post}"
            match = dateline.PLACE_FORM.fullmatch(prefix)
            if not match or not match["post"] or match["post"][:1].islower():
                continue
            found = dateline._parse_prefix(prefix)
            if found is not None and prefix not in found:
                seen += 1
                assert match["post"].strip() in (found[1], found[2]), (prefix, found)
    assert seen >= 10


def test_names_district_reads_districts_and_their_first_words():
    """names_district(): a district's whole name or its first word, any case; a name no
    district bears is no town of the table."""
    from press_release.parse import regions

    assert regions.names_district("Sangatta")  # "Sangatta Utara", "Sangatta Selatan"
    assert regions.names_district("NATAR")  # a district of its own name
    assert regions.names_district("Gunung Sugih")
    assert not regions.names_district("Kaltimoke")
    assert not regions.names_district("Sulawesion")


def test_may_open_outlet_never_rejects_a_match():
    """dateline._may_open_outlet() is False only where OUTLET_OPENING cannot match with a
    branch read after a dateline: over lines mixed from the pattern's own pieces and a
    lead's words."""
    from press_release.parse import dateline

    pieces = ["OUTLET", "Outlet", ".COM", ".co", ".Id", "-", "–", " ", "I", ",", ":", ".",
              "_PAS", "TV", "Gubernur", "Kepala ", "x ", "9", "Bb", "ab", "[", "]", "Humas",
              "Prokopim", ".id", "Tim "]  # fmt: skip
    for line in _mixtures(pieces, 29):
        match = dateline.OUTLET_OPENING.match(line)
        if match and not (match["named"] or match["tag"]):  # read with no dateline only
            assert dateline._may_open_outlet(line), line
    assert not dateline._may_open_outlet("Kepala Dinas Pekerjaan Umum meninjau jalan.")
