"""Unit tests, one small function of the parser at a time."""

from __future__ import annotations

import codecs
from datetime import datetime

import pytest

from press_release.errors import PressReleaseError
from press_release.parse import chrome, dates, parse_release
from press_release.parse.byline import (
    code_after_stop,
    credited_reporters,
    is_code,
    split_code,
    take_byline,
)
from press_release.parse.dateline import display_place, match_dateline
from press_release.parse.header import split_header
from press_release.parse.normalise import decode, normalise
from press_release.parse.paragraphs import split_blocks
from press_release.parse.release import slugify

LEAD = "Pemerintah Provinsi Kalimantan Timur menggelar rapat koordinasi penanganan banjir."


# --- dateline -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "place", "agency"),
    [
        (f"SAMARINDA – {LEAD}", "SAMARINDA", None),
        (f"SAMARINDA - {LEAD}", "SAMARINDA", None),
        (f"TANJUNG SELOR — {LEAD}", "TANJUNG SELOR", None),
        (f"Samarinda— {LEAD}", "Samarinda", None),
        (f"SAMARINDA—{LEAD}", "SAMARINDA", None),
        (f"Samarinda- {LEAD}", "Samarinda", None),
        (f"PADANG -- {LEAD}", "PADANG", None),
        (f"SAMARINDA. {LEAD}", "SAMARINDA", None),
        (f"Balikpapan, {LEAD}", "Balikpapan", None),
        (f"SAMARINDA | {LEAD}", "SAMARINDA", None),
        (f"SAMARINDA: {LEAD}", "SAMARINDA", None),
        (f"Jakarta (ANTARA) - {LEAD}", "Jakarta", "ANTARA"),
        (f"SAMARINDA, Maqnaia – {LEAD}", "SAMARINDA", "Maqnaia"),
        (f"PROKAL.CO, SAMARINDA - {LEAD}", "SAMARINDA", "PROKAL.CO"),
        (f"MATARAM.lombokjournal.com ~ {LEAD}", "MATARAM", "lombokjournal.com"),
        (f"Jatim Newsroom - {LEAD}", None, "Jatim Newsroom"),
        (f"PALANGKA RAYA – BIRO ADPIM. {LEAD}", "PALANGKA RAYA", "BIRO ADPIM"),
        (f"Kubu Raya, Kalimantan Barat – {LEAD}", "Kubu Raya", None),
    ],
)
def test_dateline_shapes(line, place, agency):
    found = match_dateline(line)
    assert found is not None
    assert (found.place, found.agency) == (place, agency)
    assert found.rest == LEAD


def test_dateline_with_a_date_inside():
    found = match_dateline(f"SAMARINDA (27/9-2018) - {LEAD}")
    assert (found.place, found.date_text) == ("SAMARINDA", "27/9-2018")


def test_a_date_in_words_closed_by_a_stop_after_the_dash():
    found = match_dateline(f"Banjarnegara — 06 Januari 2026. {LEAD}")
    assert (found.place, found.date_text, found.rest) == ("Banjarnegara", "06 Januari 2026", LEAD)
    # A number closed by a stop is the lead's, not a date: "2.418. Kampanye ..."
    counted = match_dateline(f"Semarang - 2.418. {LEAD}")
    assert (counted.date_text, counted.rest) == (None, f"2.418. {LEAD}")


def test_markup_is_stripped_only_from_a_page_s_html():
    from press_release.parse.normalise import strip_markup

    page = "<p><strong>SAMARINDA</strong> – Warga &amp; petugas.<br>Nilai < 5.</p>"
    text, tags = strip_markup(page)
    assert text == "\nSAMARINDA – Warga & petugas.\nNilai < 5.\n"
    assert tags == ["<p>", "<strong>", "</strong>", "<br>", "</p>"]
    # An author quoting markup in plain text keeps every character.
    quoted = "Warga menulis <b>tebal</b> &amp; </p> di forum."
    assert strip_markup(quoted) == (quoted, [])


def test_dateline_on_its_own_line():
    found = match_dateline("Jakarta, 26 Januari 2021")
    assert (found.place, found.date_text, found.rest) == ("Jakarta", "26 Januari 2021", "")


@pytest.mark.parametrize(
    "line",
    [
        "Sementara, Gubernur Kaltim meminta seluruh kepala daerah waspada terhadap banjir.",
        "Kepala Dinas Pendidikan - yang baru dilantik - langsung meninjau sekolah di pedalaman.",
        "RESKAL : Kepala DPMD Kaltim meninjau lokasi banjir di Samarinda, Selasa (3/9).",
        "– Pemprov Kaltim menargetkan seluruh desa teraliri listrik pada akhir tahun ini.",
        "Gubernur menegaskan hal itu di Samarinda.",
    ],
)
def test_not_a_dateline(line):
    assert match_dateline(line) is None


@pytest.mark.parametrize(
    ("written", "shown"),
    [("SAMARINDA", "Samarinda"), ("PALANGKA RAYA", "Palangka Raya"), ("Tana Paser", "Tana Paser")],
)
def test_display_place(written, shown):
    assert display_place(written) == shown


# --- byline -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "body", "codes"),
    [
        ("Demikian katanya. (rus/hmsprov)", "Demikian katanya.", ["rus/hmsprov"]),
        ("Demikian pungkasnya (adv/hms7).", "Demikian pungkasnya.", ["adv/hms7"]),
        ("Demikian katanya (rus/hmsprov)", "Demikian katanya", ["rus/hmsprov"]),
        ("Hal ini.(SK11)", "Hal ini.", ["SK11"]),
        ("Demikian katanya. (rus/hmsprov).  ", "Demikian katanya.", ["rus/hmsprov"]),
        ("Selesai. [dni]", "Selesai.", ["dni"]),
        ("Selesai. *kmb", "Selesai.", ["kmb"]),
        ("Selesai. (ant/mrs) (hms)", "Selesai.", ["ant/mrs", "hms"]),
        ("Selesai. (*)", "Selesai.", ["*"]),
        ("Selesai. (mar/her/yan/humasprov kaltim)", "Selesai.", ["mar/her/yan/humasprov kaltim"]),
        ("Tentang Kesesuaian Kegiatan Pemanfaatan Ruang (KKPR).", None, []),
        ("Rapat digelar Rabu (19/11/2025).", None, []),
        ("Ia menyebut angka itu (tiga persen, red).", None, []),
        ("Hal ini untuk maju.**", "Hal ini untuk maju.", ["**"]),
        ("Hal ini untuk maju. **", None, []),  # a spaced end mark (strip_end_mark's)
    ],
)
def test_take_byline(text, body, codes):
    stripped, found = take_byline(text)
    assert found == codes
    assert stripped == (body if body is not None else text)


@pytest.mark.parametrize(
    ("code", "reporters", "desk"),
    [
        ("rus/hmsprov", ("rus",), "hmsprov"),
        ("jay/sul/es/hmsprov", ("jay", "sul", "es"), "hmsprov"),
        ("diskominfo/ris", ("ris",), "diskominfo"),
        ("adv/DPRDKaltim", ("adv",), "DPRDKaltim"),
        ("OL-2", ("OL-2",), None),
        ("SS/E-4", ("SS", "E-4"), None),
        ("humas", (), "humas"),
        ("Redaksi KF", (), "Redaksi KF"),
        ("*", (), None),
    ],
)
def test_split_code(code, reporters, desk):
    byline = split_code(code)
    assert (byline.reporters, byline.desk) == (reporters, desk)


@pytest.mark.parametrize("code", ["KKPR", "SLB", "19/11/2025", "27/9", "…, red", "sumber: x"])
def test_not_a_code(code):
    assert not is_code(code)


@pytest.mark.parametrize(
    ("line", "closes"),
    [
        ("Dokumen diserahkan kepada para kepala dinas.(KP07).", True),
        ("Dokumen diserahkan kepada para kepala dinas. (OL-2)", True),
        ("Warga diminta mewaspadai penularan penyakit (COVID-19).", False),  # before the stop
        ("Dokumen diserahkan kepada para kepala dinas. (KKPR)", False),  # no digit: an acronym
        ("Rapat digelar pada Rabu. (19/11)", False),  # a date
    ],
)
def test_code_after_stop(line, closes):
    assert code_after_stop(line) is closes


def test_a_code_in_a_paragraph_before_the_stop_keeps_the_paragraphs_below():
    text = (
        "Dinkes Gelar Vaksinasi\n\nSAMARINDA – Dinas Kesehatan menggelar vaksinasi lanjutan "
        "bagi warga di enam kelurahan, Senin (3/6/2024).\nPetugas mengingatkan warga "
        "mewaspadai penularan penyakit (COVID-19).\nVaksinasi berikutnya digelar di "
        "puskesmas setiap pekan pada hari kerja.\nWarga diminta membawa kartu identitas "
        "dan kartu vaksin masing-masing.\nPetugas juga melayani warga lanjut usia di rumah.\n"
    )
    release = parse_release(text.encode(), "rilis.txt")
    assert release.byline is None
    assert release.body_text.endswith("Petugas juga melayani warga lanjut usia di rumah.")


@pytest.mark.parametrize(
    ("last", "above", "byline"),
    [
        (
            "Tanjung, Harian",
            "Warga diminta menjauhi narkoba sejak dini, ujarnya.",
            "Tanjung, Harian",
        ),
        # Not after a paragraph of prose: a line of the release.
        ("Tanjung, Harian", "Dua kota", None),
        # Not one word each, capitalised, without digits: no newspaper's credit.
        ("Tanjung, 12 Mei", "Warga diminta menjauhi narkoba sejak dini, ujarnya.", None),
        ("Tanjung, dan lainnya", "Warga diminta menjauhi narkoba sejak dini, ujarnya.", None),
    ],
)
def test_a_place_and_a_newspaper_closing_the_text(last, above, byline):
    text = (
        "BNN Gelar Tes Urine\n\nTANJUNG – BNN Kota Tanjung menggelar tes urine bagi "
        f"pegawai kecamatan, Senin (3/6/2024).\n\n{above}\n\n{last}\n"
    )
    release = parse_release(text.encode(), "rilis.txt")
    assert release.byline == byline
    assert release.body_text.endswith(above if byline else last)


# --- dates --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Selasa (16/4/2019)", datetime(2019, 4, 16)),
        ("Rabu 9 Desember 2020", datetime(2020, 12, 9)),
        ("Senin (11/11/24)", datetime(2024, 11, 11)),
        ("Jum’at kemarin, (7/2/2020)", datetime(2020, 2, 7)),
        ("Pada Hari Senin, 11 November 2024.", datetime(2024, 11, 11)),
        ("Sabtu (08/02/2020)", datetime(2020, 2, 8)),
        ("kamis, 15 sep 2022", datetime(2022, 9, 15)),
    ],
)
def test_weekday_dates(text, expected):
    assert dates.find_weekday_date(text).value == expected


def test_a_year_less_date_needs_a_year():
    assert dates.find_weekday_date("Selasa (3/9)") is None
    assert dates.find_weekday_date("Selasa (3/9)", default_year=2019).value == datetime(2019, 9, 3)


def test_metadata_line_with_time():
    found = dates.find_date("Jumat, 18/10/2019 | 23:42 WIB")
    assert (found.value, found.has_time) == (datetime(2019, 10, 18, 23, 42), True)


@pytest.mark.parametrize(
    ("text", "weekday"),
    [
        ("Senin, 11 November 2024 pukul 09.00 WITA", 0),
        ("Diperbarui Rabu (9/12/2020)", 2),
        # A weekday named with another, year-less date is not this date's weekday.
        ("Senin lalu (7/12), lalu Rabu 9 Desember 2020", 2),
        ("Senin lalu (7/12), lalu pada 9 Desember 2020", None),
        ("9 Desember 2020, sepekan setelah Rabu (2/12/2020)", None),
    ],
)
def test_a_metadata_date_takes_the_weekday_named_with_it(text, weekday):
    found = dates.find_date(text)
    assert found.value.date() == (datetime(2024, 11, 11) if "2024" in text else
                                  datetime(2020, 12, 9)).date()  # fmt: skip
    assert found.weekday == weekday
    assert found.weekday_conflict() is None


def test_weekday_conflict_is_reported():
    found = dates.find_weekday_date("Senin (16/4/2019)")  # a Tuesday
    assert "Senin" in found.weekday_conflict()
    assert dates.find_weekday_date("Selasa (16/4/2019)").weekday_conflict() is None


def test_filename_date():
    assert dates.filename_date("2024-03-12-banjir.txt").value == datetime(2024, 3, 12)
    assert dates.filename_date("banjir-2024.txt") is None
    assert dates.filename_date("2024-13-40-x.txt") is None


# --- normalise and decode -------------------------------------------------------


def test_decode_order():
    text = "“Kaltim” Sa’bani"
    assert decode(text.encode("utf-8"))[1] == "utf-8"
    assert decode(codecs.BOM_UTF8 + text.encode("utf-8"))[0] == text
    assert decode(text.encode("utf-16"))[0] == text
    assert decode(text.encode("cp1252")) == (text, "cp1252", [])
    assert decode(text.encode("utf-16-le"))[0] == text


def test_undecodable_and_binary():
    assert "ambiguous" in decode(b"caf\x81 \xe9")[2][0]
    with pytest.raises(PressReleaseError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")


def test_normalise():
    raw = "Judul\r\n\u00a0\r\nSatu\u00a0\u00a0dua\u200b tiga\u00ad.\rAkhir  "
    assert normalise(raw) == "Judul\n\nSatu dua tiga.\nAkhir"


# --- header, chrome, paragraphs, slugs --------------------------------------------


def test_header_block():
    header, rest = split_header(["Judul: Rapat", "Tanggal: 2024-03-12", "", "Isi."])
    assert header == {"title": "Rapat", "date": "2024-03-12"}
    assert rest == ["", "Isi."]


@pytest.mark.parametrize(
    "lines",
    [["Penulis: Ningsih", "", "Isi."], ["Judul: Rapat", "Isi langsung tanpa baris kosong."]],
)
def test_not_a_header(lines):
    assert split_header(lines) == ({}, lines)


@pytest.mark.parametrize(
    "line", ["Berita Terkait", "Government Public Relation", "BAGIKAN", "Share",
             "11 Oktober 2023 Jam 20:47:59", "Tinggalkan Balasan", "Discussion about this post"]
)  # fmt: skip
def test_trailing_markers(line):
    assert chrome.is_trailing_marker(line)


def test_chrome_kinds():
    assert chrome.is_leading_chrome("0 400")
    assert chrome.is_leading_chrome("Category Archives: Biro Adpim")
    assert chrome.is_dropped_line("Baca juga: Gubernur Tinjau Banjir")
    assert chrome.is_credit_line("Editor: Yusuf")
    assert not chrome.is_trailing_marker("Berita ini disampaikan oleh Biro Humas.")
    assert chrome.is_leading_chrome("Iklan Spesial", ["iklan spesial"])


@pytest.mark.parametrize(
    ("line", "is_chrome"),
    [
        ("Skip to content Skip to left sidebar Skip to footer", True),
        ("Indonesian Chinese (Simplified) English Japanese Korean", True),
        ("Hari Ini | : 352 |", True),
        ("Garis Logo", True),
        ("Copyright © 2024 Pemkab", True),
        ("© 2024 Diskominfo", True),
        ("Telah dibaca : 30 Kali", True),
        # Titles that open or end like that chrome stay titles.
        ("Sayembara Desain Logo", False),
        ("Copyright Lagu Daerah Didaftarkan", False),
        ("Bahasa Indonesia dan English di Sekolah", False),
        ("Skip Rapat Ditunda", False),
    ],
)
def test_leading_chrome_of_round_14_and_titles_like_it(line, is_chrome):
    assert chrome.is_leading_chrome(line) is is_chrome


def test_paragraphs_any_split():
    blocks = split_blocks(
        ["Satu kalimat.", "Dua kalimat", "yang berlanjut.", "", "B", "ahkan tiga.", ".", "Empat."]
    )
    assert [b.text for b in blocks] == [
        "Satu kalimat.",
        "Dua kalimat yang berlanjut.",
        "Bahkan tiga.",
        "Empat.",
    ]


def test_lists():
    blocks = split_blocks(["Syaratnya:", "1. KTP;", "2. KK.", "- satu", "- dua"])
    assert [b.kind for b in blocks] == ["p", "ol", "ul"]
    assert blocks[1].items == ["KTP;", "KK."]


def test_slugify_is_ascii():
    assert slugify("Jum’at Ceria: Pemprov “Kaltim” Gelar Rapat (APBD) ") == (
        "jumat-ceria-pemprov-kaltim-gelar-rapat-apbd"
    )
    assert slugify("Café Ñusantara") == "cafe-nusantara"


def test_renumbered_skips_taken_slugs():
    """features/ordering.renumbered (the build's and check's): the first item of a file
    keeps it; the others take the next numbers whose files are free."""
    from press_release.features.ordering import renumbered

    items = [{"slug": s, "n": n} for n, s in enumerate(["rapat", "rapat", "rapat", "rapat-2"])]
    path = lambda item, slug: f"2024/03/{slug or item['slug']}/index.html"  # noqa: E731
    renamed = [(i["n"], first["n"], slug) for i, first, slug, _ in renumbered(items, path, str)]
    assert renamed == [(1, 0, "rapat-3"), (2, 0, "rapat-4")]


def test_site_specific_chrome_setting():
    import re

    from press_release.parse import parse_release
    from press_release.settings import Config

    raw = (
        "Rapat Banjir\n\nSAMARINDA – Pemprov Kaltim menggelar rapat banjir bersama BPBD.\n\n"
        "Ikuti kami di Instagram @humaskaltim\n\nRapat dilanjutkan pekan depan.\n\n"
        "Klik di sini untuk berlangganan\n\n(rus/hmsprov)\n"
    ).encode()
    config = Config(chrome=("ikuti kami di instagram @humaskaltim", re.compile(r"^Klik di sini")))
    release = parse_release(raw, "rilis.txt", config)
    assert "Instagram" not in release.body_text and "Klik" not in release.body_text
    assert "Rapat dilanjutkan pekan depan." in release.body_text
    assert "Instagram" in parse_release(raw, "rilis.txt").body_text  # only when configured


def test_the_lead_date_window_never_cuts_a_date():
    from press_release.parse import parse_release
    from press_release.parse.release import LEAD_DATE_WINDOW

    for cut in range(1, 17):  # the window's end falls inside "Selasa (1/1/2019)"
        size = LEAD_DATE_WINDOW - len("Selasa (1/1/2019)") + cut
        head = "a " * (size // 2) + " " * (size % 2)  # `size` characters, ending in a space
        text = f"Judul Rilis Uji\n\nSAMARINDA – {head}Selasa (1/1/2019) rapat digelar. (rus/hms)\n"
        release = parse_release(text.encode())
        assert release.date is None or release.date.year == 2019, (cut, release.date)


@pytest.mark.parametrize(
    ("credits", "names"),
    [
        (["Penulis: Ningsih"], ["Ningsih"]),
        (["Reporter : Sahri."], ["Sahri"]),
        (["Wartawan; Budi Santoso"], ["Budi Santoso"]),
        (["Pewarta: Rina Kusuma", "Editor: Hendra Wijaya"], ["Rina Kusuma"]),
        (["Penulis: Rina Andriani | Editor: Bayu Saputra"], ["Rina Andriani"]),
        (["Penulis: Ani, Budi dan Citra"], ["Ani", "Budi", "Citra"]),
        (["Reporter: Dr. H. Muh. Yusuf, S.Sos"], ["Dr. H. Muh. Yusuf, S.Sos"]),
        (["Penulis: Ani", "Kontributor: Ani & Dedi"], ["Ani", "Dedi"]),
        # editors, photographers and sources name no reporter
        (["Editor: Dwi Lestari", "Foto: Humas", "Sumber; Humas Pemkab Kukar"], []),
        # what does not read as names names nobody
        (["Reporter: https://humas.example.go.id/ani"], []),
        (["Penulis: 12 Maret 2024"], []),
        (["Penulis: Ani, 2024"], []),
    ],
)
def test_credited_reporters(credits, names):
    assert credited_reporters(credits) == names


def test_a_credited_reporter_needs_no_byline_code_warning():
    from press_release.parse import parse_release

    text = (
        "Judul Rilis Pelatihan Desa\n\nLAMONGAN - Pemerintah desa menggelar pelatihan "
        "pengelolaan keuangan bagi perangkat desa se-kecamatan.\n\nPenulis: Ningsih\n"
    )
    release = parse_release(text.encode(), "2024-03-12-pelatihan.txt")
    assert release.credited_reporters == ["Ningsih"]
    assert release.credits == ["Penulis: Ningsih"]  # still shown as written
    assert not any("byline" in warning for warning in release.warnings)
    coded = parse_release(text.replace("Ningsih\n", "Ningsih\n\n(nin/humas)\n").encode())
    assert coded.reporters == ["nin"] and coded.credited_reporters == []


def test_caption_shortcode_is_a_caption_without_its_markup():
    """WordPress's '[caption ...]<img ...> Text[/caption]' in the body: a caption, its
    picture's tag removed, escaped on output; the body and the byline are the text's."""
    text = (
        "Judul Berita Desa\n\n"
        "SAMARINDA – Pemerintah desa menyerahkan bantuan bedah rumah kepada tiga warga "
        "yang memenuhi syarat tahun ini.\n\n"
        '[caption id="attachment_1" align="alignnone" width="300"]<img src="x.jpg" '
        'onerror="alert(1)" /> Rumah <b>warga</b> sebelum dibedah[/caption]\n\n'
        "Bantuan diberikan kepada warga yang memenuhi syarat dan rumahnya rusak berat. "
        "(pemdes)\n"
    )
    release = parse_release(text.encode(), "x.txt")
    assert release.captions == ["Rumah warga sebelum dibedah"]
    assert release.byline == "pemdes"
    assert "caption" not in release.body_text and "<img" not in release.body_html
    assert "onerror" not in release.body_html
