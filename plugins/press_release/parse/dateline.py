"""The dateline: the place (and outlet, agency or date) that opens the lead.

A dateline is recognised by what stands before a separator, not by the first dash
of the text: titles, captions and deks hold dashes too. The prefix must parse as a
place (1–4 capitalised words), optionally with a province, an outlet before or
after it, an agency or date in brackets, or a newsroom tag alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Final

from mypy_extensions import mypyc_attr

from .dates import ANY_DATE, MONTHS, TIME_RE, WEEKDAY_ALT, WEEKDAYS
from .normalise import fewer_words
from .regions import is_region, names_district

# Separators between the dateline and the first body word, strong ones first:
#   spaced: " – ", " - ", " — ", " -- ", " --- ", " | ", " || ", " ~ ";
#   an en/em dash glued to the place: "Samarinda— ", "SAMARINDA—Prov";
#   a hyphen glued to the place, its brackets or a comma: "Samarinda- ", "Maros (Humas
#   Maros)- ", "Samarinda,- ";
#   a hyphen glued to the lead's first word after a comma, a bracket or a space:
#   "AMBON,OUTLET.COM,-Pemerintah", "Sergai (ABC) -Anggota".
# Each branch opens with the character it consumes first, and a look-behind then checks
# which branch that character allows: the matches are those of the plain alternation
# r"\s+(?:-{2,3}|\|\||[-–—|~])\s+|[–—]\s*|(?<=[\w),])-\s+|(?<=[,)\s])-(?=[A-Z"“])"
# (and "--" glued after a bracket: "Pontianak (HUMAS-X)--Upacara ...", or two or three
# dashes glued to it before a space or the lead: "Batanghari (Humas KUA)--- Di ...",
# "Banda Aceh (Inmas)---Menteri ...", two or three
# dashes or two bars after a space glued to the lead: "Manado (X) --Kepala", "Outlet.com
# ||Polres", and a hyphen after a domain's ending: "OUTLET.com-Lima"; the plain forms are
# in tests/test_parse_speed_guards.py), but
# a pattern opening with a character class lets the regex engine skip ahead to the next
# candidate character in C instead of trying every branch at every position (2-5x faster
# on a line). After a space, a look-ahead for the next character (a space or a mark)
# ends the attempt at once, before the look-behind: most spaces stand between words.
STRONG_SEPARATOR: Final = re.compile(
    r"""
    [\s–—-]
    (?: (?=[\s\-–—|~/])(?<=\s)(?: \s*(?:-{2,3}|\|\||//|[-–—|~])\s+  # "Outlet.id // Lead"
                               | (?:-{2,3}|\|\|)(?=[A-Z"“]) )  # "X (Unit) --Kepala", "||Polres"
      | (?<=[–—])\s*
      | (?<=-)(?: (?<=[\w),.;]-)\s+ | (?<=[,)\s]-)(?=[A-Z"“]) | (?<=\)-)-{1,2}(?=[A-Z"“])
                | (?<=\)-)-{1,2}\s+     # "(Humas KUA)--- Di sela ..."
                | (?<=\w-)-{1,2}(?=[A-Z"“])  # "Dharmasraya---Bupati ...", "PLACE--Wakil ..."
                # a domain's ending glued to the lead: "OUTLET.com-Lima pasang ..."
                | (?:(?<=\.com-)|(?<=\.COM-)|(?<=\.id-)|(?<=\.ID-)|(?<=\.co-)|(?<=\.net-))
                  (?=[A-Z"“]) )
    )
    """,
    re.X,
)
# A colon glued to an upper-case place ("SAMARINDA: "), a full stop ("SAMARINDA. ",
# "Paser. ", "Pemalang, 27 Oktober 2022. "), a comma ("Balikpapan, Gubernur ...",
# "Mukomuko (Inmas), Senin ..."); the same matches as r"(?<=[A-Z]):\s+|..." with the
# look-behind after the mark, for the reason above: opening with a character class (a
# mark or a space), as STRONG_SEPARATOR does, so that the engine does not try the
# branches at every position; the next character (a space after a glued mark, a colon or
# a semicolon after a space) is looked at before the look-behinds. Which place each mark
# allows is checked in _after_separator().
WEAK_SEPARATOR: Final = re.compile(
    r"""
    [:.,\s]
    (?: (?=\s)(?: (?<=[A-Z)]:) | (?<=[\w)]\.) | (?<=[\w)],) )\s+
      | (?=[:;,])(?:(?<=[A-Z]\s):|(?<=\w\s);|(?<=[A-Z]\s),)\s+  # spaced: "SAMARINDA : ",
                                                     # "Bangkinang ; ", "TANAH LAUT , "
    )
    """,
    re.X,
)
_DIGIT: Final = re.compile(r"\d")
_DASHES: Final = frozenset("-–—")
# What match_dateline() needs somewhere in a line's head: a mark of STRONG_SEPARATOR or
# WEAK_SEPARATOR, or what _unseparated() and _own_line() look for.
_ANY_MARK: Final = re.compile(r"[-–—|~,.:(/\d_]")
# The endings NEWSROOM requires.
NEWSROOM_WORDS: Final = ("Newsroom", "NEWSROOM", "Redaksi", "REDAKSI")
_CAPITALS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")

_WORD: Final = r"[A-Z][A-Za-z'’.\-]*"
_PLACE: Final = rf"{_WORD}(?:\ {_WORD}){{0,3}}"
_PLACE_PATTERN: Final = _PLACE

PROVINCES: Final = {
    p.casefold()
    for p in (
        "Aceh", "Sumatera Utara", "Sumatera Barat", "Riau", "Kepulauan Riau", "Jambi",
        "Sumatera Selatan", "Bangka Belitung", "Bengkulu", "Lampung", "DKI Jakarta",
        "Jawa Barat", "Banten", "Jawa Tengah", "DI Yogyakarta", "Yogyakarta", "Jawa Timur",
        "Bali", "Nusa Tenggara Barat", "NTB", "Nusa Tenggara Timur", "NTT",
        "Kalimantan Barat", "Kalimantan Tengah", "Kalimantan Selatan", "Kalimantan Timur",
        "Kalimantan Utara", "Kalbar", "Kalteng", "Kalsel", "Kaltim", "Kaltara",
        "Sulawesi Utara", "Gorontalo", "Sulawesi Tengah", "Sulawesi Barat",
        "Sulawesi Selatan", "Sulawesi Tenggara", "Maluku", "Maluku Utara", "Papua",
        "Papua Barat", "Papua Tengah", "Papua Selatan", "Papua Pegunungan",
        "Papua Barat Daya", "Indonesia",
    )
}  # fmt: skip

# Islands, provinces and regions, which a hyphen joins into a compound ("Jawa-Bali",
# "Asia-Pasifik"): no place glued to the lead's first word.
REGIONS: Final = PROVINCES | {
    "jawa", "sumatera", "sumatra", "kalimantan", "sulawesi", "madura", "lombok", "flores",
    "timor", "sumbawa", "nusa", "asia", "afrika", "eropa", "amerika", "australia", "pasifik",
}  # fmt: skip

# Words that open ordinary sentences and titles, never a place.
NOT_A_PLACE: Final = {
    w.casefold()
    for w in (
        "Sementara", "Selain", "Namun", "Menurut", "Dalam", "Oleh", "Untuk", "Sedangkan",
        "Adapun", "Kemudian", "Selanjutnya", "Sebelumnya", "Terkait", "Dengan", "Pada",
        "Di", "Hal", "Ia", "Dia", "Kami", "Kita", "Saat", "Sejak", "Bahkan", "Meski",
        "Meskipun", "Karena", "Maka", "Jadi", "Akhirnya", "Lalu", "Tak", "Tidak", "Ini",
        "Itu", "Tahun", "Hari", "Sebelum", "Setelah", "Usai", "Ketika", "Bagi", "Tentu",
        "Memang", "Apalagi", "Sehingga", "Yakni", "Yaitu", "Misalnya", "Intinya", "Foto",
        "Gubernur", "Wakil", "Bupati", "Walikota", "Wali", "Kepala", "Sekretaris", "Sekda",
        "Ketua", "Menteri", "Presiden", "Direktur", "Kadis", "Camat", "Lurah", "Kapolda",
        "Kapolres", "Pj", "Plt", "Pemprov", "Pemkab", "Pemkot", "Pemerintah", "Dinas",
        "Badan", "Biro", "Tim", "Para", "Warga", "Masyarakat", "Pihak", "Baca", "Editor",
        "Penulis", "Reporter", "Sumber", "Pewarta", "Kategori", "Berita", "Senin",
        "Selasa", "Rabu", "Kamis", "Jumat", "Jum’at", "Jum'at", "Sabtu", "Minggu", "Ya",
        "Kalau", "Jika", "Tanggal",
        "Apabila", "Begitu", "Demikian", "Sebab", "Terlebih", "Kendati", "Walaupun",
        "Pertama", "Kedua", "Ketiga", "Selama", "Hingga", "Sampai", "Mengenai", "Tentang",
        "Program", "Kegiatan", "Acara", "Rapat", "Anggota", "Peserta", "Bapak", "Ibu",
        "Hj", "H", "Dr", "Ir", "Prof", "Drs", "Dra", "Drg", "KH", "Alhamdulillah",
        "Assalamualaikum", "Bismillah", "Insyaallah", "Selamat", "Terima", "Semoga", "Mari",
        "Ayo", "Kata", "Masa",
        # A headline's or a lead's opening verb or preposition: "Jelang Monev, Komisi ...".
        "Jelang", "Menjelang", "Sambut", "Menyambut", "Peringati", "Memperingati", "Dukung",
        "Mendukung", "Tingkatkan", "Wujudkan", "Gelar", "Pasca", "Seusai", "Jalin", "Jaga",
        "Perkuat", "Raih", "Tinjau", "Cegah", "Antisipasi", "Optimalkan", "Ciptakan",
        "Pastikan", "Dorong", "Percepat", "Kawal", "Sukseskan", "Songsong", "Meriahkan",
        "Ramaikan", "Lestarikan", "Galakkan", "Sosialisasikan", "Hadiri", "Sambangi",
        "Jelas", "Tegas", "Ujar", "Ungkap", "Waka", "Kasubbag", "Kabag", "Kasi", "Kabid",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        # A rubric where a place would be ("ADVERTORIAL – ..."), a photo's handout or
        # source mark ("HO/Pemprov X", "Dok/Humas").
        "Advertorial", "Adv", "Iklan", "Pengumuman", "Rilis", "Siaran", "HO", "Dok",
        "Ist", "Istimewa", "Handout",
        # A day named relative to the writing: "Outlet — Besok, Selasa (25/9), ...".
        "Besok", "Kemarin", "Lusa", "Tadi", "Kini", "Sekarang",
        # A news site's rubric after its name: "OUTLET.CO.ID, Lokal – ...".
        "Lokal", "Regional",
        # An official's title opening the lead: "Penjabat Gubernur X, Nama, melantik ...".
        "Penjabat", "Pjs", "Plh", "Dandim", "Danrem", "Danramil", "Kapolsek", "Kapolresta",
        "Kajari", "Kajati", "Kakanwil", "Kadis", "Kasat", "Kalapas", "Rektor", "Dekan",
    )
}  # fmt: skip
# A rubric where a place would be: "ADVERTORIAL – Bupati ..." opens the lead as an
# outlet's name would (no place; the lead starts after the dash).
RUBRICS: Final = {
    "advertorial",
    "adv",
    "iklan",
    "pengumuman",
    "rilis",
    "siaran pers",
    "press release",
}
# A site's rubric of a topic, which a dash may follow alone on its line ("Kesehatan –")
# where a place alone on its line would stand ("SAMARINDA –", the lead below it).
TOPIC_RUBRICS: Final = frozenset((
    "berita", "pemerintahan", "kesehatan", "pendidikan", "ekonomi", "politik", "hukum",
    "olahraga", "pariwisata", "sosial", "budaya", "daerah", "nasional", "internasional",
    "pertanian", "pembangunan", "teknologi", "lingkungan", "kriminal", "opini", "umum",
    "headline", "advertorial", "galeri", "pengumuman", "agenda", "artikel", "lokal",
    "regional", "nusantara", "metropolitan", "megapolitan", "humaniora", "bisnis", "peristiwa",
))  # fmt: skip
# A writer's name and the rubric after a bar, alone on a line under the title: "Ani
# Rahma | Nusantara". No dateline: the rubric is the category (see release._read_top).
AUTHOR_RUBRIC: Final = re.compile(
    r"(?P<author>[A-Z][a-z'’.]+(?:\ [A-Z][a-z'’.]+){1,3})\ \|\ (?P<rubric>[A-Z][a-z]{2,20})"
)


def author_rubric(line: str) -> re.Match[str] | None:
    """AUTHOR_RUBRIC's match when its rubric is a known one (TOPIC_RUBRICS), or None."""
    match = AUTHOR_RUBRIC.fullmatch(line) if len(line) < 70 else None
    return match if match and match["rubric"].casefold() in TOPIC_RUBRICS else None


# Words that name an outlet, not a place: "Nusantara Voice", "KabarNTB", "BORNEONEWS",
# "Halokaltim", "SagoNews.com". A one-word name counts when it opens or ends with one,
# glued to more letters; any name when one of its words is one.
_OUTLET_WORDS: Final = (
    "news", "pos", "post", "times", "media", "online", "voice", "kabar", "warta", "berita",
    "portal", "tribun", "suara", "info", "today", "halo", "radar", "jurnal", "journal",
    "tv", "fm", "pers", "channel", "daily", "harian", "koran", "press", "detik", "kompas",
    "antara", "metro", "indo", "inside", "update", "terkini", "viral", "rakyat", "ekspres",
    "ekspress", "express", "jurnalis", "mmc", "fakta", "lensa", "sorot", "klik", "forum",
    "radio", "fokus", "majalah", "tabloid", "buletin", "televisi",
)  # fmt: skip
OUTLET_WORD: Final = re.compile(r"(?i)(?:" + "|".join(_OUTLET_WORDS) + r")")
# The openings and endings that make one glued word an outlet's name: "KabarNTB",
# "Halokaltim", "SagoNews", "BORNEONEWS" (a place's name holds none of them).
_OUTLET_OPENINGS: Final = (
    "kabar|warta|berita|portal|tribun|suara|info|halo|radar|jurnal|detik|media|koran|times|metro"
    "|kumparan|okezone|sindo|liputan|fakta|lensa|sorot|klik"
)
_OUTLET_ENDINGS: Final = (
    "news|newsroom|pos|post|times|media|online|voice|today|tv|fm|daily|press|info|indonesia"
    "|nusantara"
    "|viral|terkini|update|ekspres|express|rakyat"  # "SULUTVIRAL", "BONTANGTERKINI"
    "|sulawesi|kalimantan|borneo|sumatera|sumatra|maluku|celebes"  # "Gemasulawesi"
)
_PROVINCE_SHORT: Final = (
    "kaltim|kalsel|kalbar|kalteng|kaltara|sulsel|sulbar|sulteng|sultra|sulut|jatim|jateng"
    "|jabar|sumbar|sumut|sumsel|ntb|ntt|papua|riau|aceh|banten|jambi|babel|kepri|bengkulu"
)
OUTLET_GLUED: Final = re.compile(
    rf"(?i)(?:{_OUTLET_OPENINGS})[a-z]{{3,}}"
    rf"|[a-z]{{2,}}(?:{_OUTLET_ENDINGS})"
    r"|(?-i:[A-Z])(?i:news)"  # one capital before "News": "BNews", "INews"
    rf"|[a-z]{{3,}}(?:{_PROVINCE_SHORT})"
)
# Speed: OUTLET_WORD and OUTLET_GLUED are tried on every word of many prefixes, and a
# case-insensitive alternation tried at every split of a word cost about 50,000
# instructions for "SAMARINDA". On an ASCII word, (?i) folds ASCII letters only (the
# four non-ASCII letters [a-z] may match under IGNORECASE are not ASCII), so the word
# matches OUTLET_WORD exactly when its lower case is one of the words, and OUTLET_GLUED
# only when its lower case opens with an opening or ends with an ending (a branch of
# the fullmatch ends at the word's end or opens at its start).
_OUTLET_WORD_SET: Final = frozenset(_OUTLET_WORDS)
_GLUED_OPENINGS: Final = tuple(_OUTLET_OPENINGS.split("|"))
_GLUED_ENDINGS: Final = tuple(_OUTLET_ENDINGS.split("|") + _PROVINCE_SHORT.split("|"))


def _is_province(name: str) -> bool:
    """A province's name or its short name: "Sulawesi Tengah", "Sulteng"."""
    return name.casefold() in PROVINCE_KEYS


_PROVINCE_SHORTS: Final = frozenset(_PROVINCE_SHORT.split("|"))
# What _is_province() tests, as one set: a province's name or short name, case-folded.
PROVINCE_KEYS: Final = frozenset(PROVINCES | _PROVINCE_SHORTS)


def _outlet_word(word: str) -> bool:
    """``OUTLET_WORD.fullmatch(word)``: one word of the outlet vocabulary, in any case."""
    if word.isascii():
        return word.lower() in _OUTLET_WORD_SET
    return OUTLET_WORD.fullmatch(word) is not None


def _outlet_glued(word: str) -> bool:
    """``OUTLET_GLUED.fullmatch(word)``, tried only on a word that may match (see above)."""
    if word.isascii():
        low = word.lower()
        if not (low.startswith(_GLUED_OPENINGS) or low.endswith(_GLUED_ENDINGS)):
            return False
    return OUTLET_GLUED.fullmatch(word) is not None


# "PROKAL.CO, SAMARINDA" / "PRADANAMEDIA/ PALANGKA RAYA" / "OUTLET.COM: KENDARI" /
# "OUTLETNEWS | BANDUNG": an outlet before the place.
# "Outlet.com, Place", "Outlet online.com, Place" (a name in two words before its ending),
# "OUTLET-X.id, PLACE".
OUTLET_FIRST: Final = re.compile(
    rf"(?P<agency>[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+|\ [a-z][a-z0-9]+)?(?:\.[A-Za-z]{{2,}})+"
    rf"|[A-Z][A-Z0-9]{{2,}})"
    rf"(?:\s*(?:,|/|:|\|)\s*|\ I\ )"  # "Outlet.Com I Makassar": a capital I for the bar
    rf"(?P<place>{_PLACE})(?:,\ ?(?P<province>{_PLACE}))?"  # "Outlet.Id, Banggai, Sulteng"
)
# "benuanta.co.id, TANJUNG SELOR": an outlet's domain in lower case before the place.
# An address, maybe with its scheme, then a known place in lower case: "http://x.go.id,
# bandung".
LOWER_PLACE_AFTER_DOMAIN: Final = re.compile(
    r"(?P<agency>(?:https?://)?[a-z][\w-]*(?:\.[\w-]+)+),\ ?(?P<place>[a-z]+(?:\ [a-z]+)?)"
)
LOWER_DOMAIN_FIRST: Final = re.compile(
    rf"(?P<agency>[a-z][\w-]*(?:\.[a-z][\w-]*)*\.[a-z]{{2,}}),\s*(?P<place>{_PLACE})"
    r"|(?P<agency2>[a-z][\w-]*(?:\.[a-z]{2,})+)\ (?P<caps>[A-Z]{3,}(?:\ [A-Z]{3,}){0,2})"
)  # "outlet.com, Place", "www.pa-x.go.id, Place", "outlet.com PLACE" (a place in capitals
# after a space)
# "www.pa-x.go.id. Tanah Grogot": the site's address closed by a full stop, then the place.
LOWER_DOMAIN_STOP: Final = re.compile(
    rf"(?P<agency>(?:www\.)?[a-z][\w-]*(?:\.[a-z]{{2,}})+)\.\ (?P<place>{_PLACE})"
)
# An outlet's name, a dot and a region's code in lower case: "TBNews.ntb".
DOTTED_OUTLET: Final = re.compile(r"(?P<name>[A-Za-z]{3,20})\.[a-z]{2,8}\.?")
# "transparanlampung//Sumatera Barat": an outlet's name in lower case, one or two
# slashes, then the place.
PLACE_SLASH_DOMAIN: Final = re.compile(
    rf"(?P<place>{_PLACE})\ ?/\ ?(?P<agency>[A-Za-z][\w-]*(?:\.[A-Za-z]{{2,}})+)"
)
LOWER_OUTLET_SLASH: Final = re.compile(
    rf"(?P<agency>[a-z][\w.-]{{2,30}})\ ?//?\ ?(?P<place>{_PLACE})"
)
# "MATARAM.lombokjournal.com", "SAMARINDA.KOMINFONEWS": an outlet glued to the place
# with a dot.
GLUED_OUTLET: Final = re.compile(
    r"(?P<place>[A-Z]{3,}(?:\ [A-Z]{3,})?)\.(?P<agency>[a-z][\w-]*(?:\.[a-z]{2,})+"
    r"|[A-Z][A-Za-z0-9]{3,}(?:\.[A-Za-z]{2,})*)"
)
# "Nusantara Voice, Kendari", "KabarNTB, Sumbawa", "BORNEONEWS, Tamiang Layang": an
# outlet named in words before the place (see is_outlet).
# An outlet's one-word name glued by a full stop to the place in capitals: "Swara.BOLMONG".
NAME_DOT_PLACE: Final = re.compile(
    r"(?P<agency>[A-Z][a-z]{2,20})\.(?P<place>[A-Z]{3,}(?:\ [A-Z]{3,})?)"
)
NAMED_OUTLET_FIRST: Final = re.compile(
    rf"(?P<agency>[A-Z][\w.]*(?:\ [A-Z][\w.]*){{0,2}}),\ (?P<place>{_PLACE_PATTERN})"
)
# An outlet's domain written with a space before its ending, then the place.
SPACED_DOMAIN_FIRST: Final = re.compile(
    rf"(?P<agency>[A-Z][\w ]{{1,30}}\.\ (?i:com|co\.id|id|net)),\ ?(?P<place>{_PLACE})"
)
# "Jatim Newsroom": a newsroom tag with no place.
NEWSROOM: Final = re.compile(
    r"(?P<agency>(?:[A-Z][\w.]*\ ){0,2}(?:Newsroom|NEWSROOM|Redaksi|REDAKSI))"
)
# "Kubu Raya, Kalimantan Barat (ANTARA) jogjaprov.go.id": the general form.
PLACE_FORM: Final = re.compile(
    rf"""(?x)
    (?P<place>{_PLACE})
    (?:,\ ?(?P<province>{_PLACE}))?               # a province after a comma
    (?:\ ?\((?P<paren>[^()]{{1,40}})\))?          # "(ANTARA)" or "(27/9-2018)"
    (?:(?:,\ ?|\ )(?P<post>[^\s,()][^,()]{{0,40}}))?  # ", Maqnaia", ",outlet.com"
    """
)
DOMAIN: Final = re.compile(
    r"(?:https?://)?(?:www\.)?"
    r"[\w-]+(?:\.[\w-]+)*\.(?:go\.id|co\.id|ac\.id|or\.id|my\.id|web\.id|sch\.id|id|com|co|net"
    r"|org|news|asia|info|tv|fm|biz|today|online|xyz|site|live)",
    re.I,
)
# A domain that merely ends a name of several words: "bengkulu ekspress.com".
NAME_WITH_DOMAIN: Final = re.compile(r"(?:[\w-]+\ ){0,2}" + DOMAIN.pattern, re.I)
# "Dewata News. Com": an outlet's domain written with a space before its ending.
SPACED_DOMAIN: Final = re.compile(r"(?i)[\w ]{2,30}\.\ ?(?:com|co\.id|co|id|net)")
# "BIRO ADPIM. " after the dash: the issuing unit, in capitals, closed by a stop.
# "Humas: " or "Diskominfo Kab X : " after the dash: an office's name and a colon.
UNIT_COLON: Final = re.compile(
    r"(?P<unit>[A-Z][\w.]*(?:\ [A-Z][\w.]*){0,3})\ ?:\s+(?=[A-Z\"“]|\d{1,2}\ [A-Z][a-z]+\ \d{4})"
)  # "Humas: Pemerintah ...", "HUMAS: 5 Oktober 2022 – Pada ..." (a date after the unit)
ISSUING_UNIT: Final = re.compile(r"(?P<unit>[A-Z]{2,}(?:\ [A-Z]{2,}){0,3})\.\s+(?=[A-Z\"“])")
# A unit's or outlet's name in capitals between the place's dash and a second one:
# "LAHAT, SUMSEL – OUTLET – Pemerintah ...".
DASHED_UNIT: Final = re.compile(r"(?P<unit>[A-Z]{2,}(?:\ [A-Z]{2,}){0,3})\ [-–—]\ +(?=[A-Z\"“])")
# A unit in brackets between the place's dash and a second one: "Gorontalo –
# (Diskominfotik) – Gubernur ...".
BRACKETED_DASH: Final = re.compile(r"\((?P<unit>[A-Z][^()]{1,40})\)\ ?[-–—]{1,2}\s+(?=[A-Z\"“])")
# A police or army unit named in words between two dashes, after the office that opens
# the line: "Polres Pekalongan – Polda Jateng – Polsek ...".
UNIT_DASH: Final = re.compile(
    r"(?:Polda|Polres|Polresta|Polrestabes|Polsek|Kodim|Korem|Kodam)(?:\ [A-Z][\w.]*){1,3}"
    r"\ [-–—]\ +(?=[A-Z\"“])"
)
# An office's name, two to six words, then a dash and a new sentence, after a place's
# comma: "Ambon, Kementerian Hukum Maluku – Kementerian ...", "Palu, Humas Pemprov –
# Gubernur ...", "Waisai, Kominfo Raja Ampat- Bupati ...".
OFFICE_DASH: Final = re.compile(
    r"(?P<unit>(?:Kementerian|Kemen[a-z]+|Kanwil|Kantor|Humas|HUMAS|Dinas|Diskominfo\w*"
    r"|DISKOMINFO\w*|Kominfo|Pemkab|Pemkot|Pemprov|Pemerintah|Biro|Bagian|Prokopim"
    r"|Setda|Sekretariat|Badan)(?:\ [A-Z][\w.&()-]*|\ dan){1,5})\ ?[-–—]{1,2}\s+(?=[A-Z\"“])"
)


# Openings without a separator after them (see _unseparated): a place and a date, then
# the lead ("Bukittinggi, 11 Juli 2025 Pengadilan ...", "Kapuas (14/11) bertempat ..."),
# a place in capitals glued to the first word ("TANA PASER-Wakil ...", with an outlet's
# code after a comma: "PALU,ABC-Gubernur ..."), an outlet's
# domain in capitals glued to it ("SURABAYA, PETISI.COSetelah ..."), a place of one word
# in Title Case glued to it ("Slawi-Evaluasi ...": weak, taken only on the lead, since
# "Jawa-Bali ..." has the same shape), an outlet's domain after the place and a comma or
# slash, glued to the lead by a full stop ("Langkat/outlet.com.Hari ...").
UNSEPARATED: Final = re.compile(
    rf"""(?x)
    (?P<dated>(?P<place1>{_PLACE}),\                 # "Bukittinggi, 11 Juli 2025 "
      (?P<date1>(?:[A-Za-z][a-z’']+,?\ )?\d{{1,2}}\ [A-Za-z]{{3,9}}\ \d{{4}}))
      (?:,?\ (?=[A-Z"“])|,\ (?=[a-z]{{2,}}\ ))       # "Balige, senin 22 April 2019, ",
                                                       # "Sragen, 29 Juli 2020, tak ..."
    | (?P<paren>(?P<place2>{_PLACE})\ ?\((?P<date2>\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?)\))
      (?:,?\ (?=[a-z])|(?=[A-Z][a-z]))                  # "Gorontalo (1/2)Laporan ...",
                                                       # "Serang (11/11), menindaklanjuti"
    | (?P<domslash>(?P<agency9>[A-Z][A-Z0-9-]*(?:\.[A-Z]{{2,}}){{1,2}})
      /(?P<place9>[A-Z]{{3,}}(?:\ [A-Z]{{3,}})?))-(?=[A-Z][a-z])  # "OUTLET.CO.ID/PLACE-Kepala"
    | (?P<caps>[A-Z]{{2,}}(?:\ [A-Z]{{2,}}){{0,3}}       # "TANA PASER-Wakil ..."
      (?:\.(?:CO\.ID|COM|CO|ID|NET|NEWS)               # "OUTLET.CO-Setelah ..." (no place)
      | \.[A-Z]{{2,}}\.[A-Z]{{2,}}(?:\.[A-Z]{{2,}})?)?)  # "PLACE.OUTLET.ASIA-Bupati ..."
      (?:,\ ?(?P<code>[A-Z][A-Za-z0-9.]{{1,20}}))?-(?=[A-Z][a-z])  # "PALU,ABC-Gubernur"
    | (?P<glued>(?P<place3>{_PLACE}),\ ?(?P<outlet>[A-Z0-9-]{{2,}}\.(?:CO\.ID|COM|CO|ID|NET)))
      (?=[A-Z][a-z])
    | (?P<camel>[A-Z][a-z]{{2,}}[A-Z][A-Za-z]{{1,15}})-(?=[A-Z][a-z]{{2,}}\ )
                                                    # "ManadoTEMPO-Menteri ...": an outlet
    | (?P<titled>[A-Z][a-z]{{2,}}(?:\ [A-Z][a-z]{{2,}})?)     # "Slawi-Evaluasi ...",
      -{{1,2}}(?=[A-Z][a-z]{{2,}}\ )                  # "Tanah Datar-Dinas ...", "Place--Tim"
    | (?P<hyphened>(?P<place5>[A-Z][A-Za-z]+(?:\ [A-Z][A-Za-z]+)?)-  # "Jepara-outlet.com-Sebanyak",
      # "Blora-warta.site.id-Bupati"
      (?P<outlet5>[A-Za-z][\w]*(?:\.[a-z][a-z-]*)?\.[a-z]{{2,4}}(?:\.[a-z]{{2}})?)-)(?=[A-Z][a-z])
    | (?P<dotted>(?P<place4>{_PLACE})[,/]\ ?               # "Langkat/outlet.com.Hari ..."
      (?P<outlet4>[A-Za-z][\w-]+\.(?i:co\.id|com|co|id|net|news))\.)(?=[A-Z][a-z])
    | (?P<coloned>(?P<place6>[A-Z][A-Za-z]+(?:\ [A-Z][A-Za-z]+)?)-  # "BARABAI-PW:Dandim ...",
      (?P<outlet6>[A-Za-z]{{2,20}}):\ ?)(?=[A-Z][a-z])          # "Place-Outletname:Pemkab"
    | (?P<stuck>(?P<place7>[A-Z]{{3,}}(?:\ [A-Z]{{3,}}){{0,2}})[,_])(?=[A-Z][a-z])
                                                    # "SEMARANG,Pemerintah", "WONOGIRI_Forum"
    | (?P<underscored>(?P<place8>[A-Z][a-z]{{2,}}(?:\ [A-Z][a-z]{{2,}})?)_
      (?:(?=[a-z]{{3}})|\ (?=[A-Z][a-z])|(?=\d{{1,2}}\ [A-Z][a-z]{{2,8}}\ \d{{4}}\b)))
                                # "Parepare_perayaan HUT ...", "Banda Aceh_ Pemerintah ...",
                                # "Banjar_15 Agustus 2025, Pengadilan ..."
    """
)
# What the "caps" branch of UNSEPARATED needs: a capital, a hyphen and a capital. Its
# hyphen stands in the first 50 characters when any does (it follows the first word).
_CAPS_HYPHEN: Final = re.compile(r"[A-Z]-[A-Z]")
# What the "glued" and "dotted" branches need: a dot before a domain's ending.
_DOMAIN_DOT: Final = re.compile(r"\.[CINcin]")
# What the "titled" and "camel" branches need: one or two Title Case words (or one in
# camel case), a hyphen and a capital.
_TITLED_HYPHEN: Final = re.compile(
    r"[A-Z][a-z]{2,}(?: [A-Z][a-z]{2,}|[A-Z][A-Za-z]{1,15})?--?[A-Z]"
)
# A dateline alone on its line, with an outlet, a site's address or a time after it:
# "Semarang || pa-semarang.go.id", "Gresik//pa-gresik.go.id", "Padang, - Jurnalis
# Sumbar", "Taliwang, 17 Januari 2020 | 08.00 WITA".
# The separator: "|", "||", "/", "//", or dashes after a space or ", ", spaces around it
# (those before it left to str.rstrip()). The plain form r"(?:\|\|?|//?|,?\s[-–—]{1,2})\s*"
# opens with the character it consumes first, as STRONG_SEPARATOR does (2x faster).
OWN_LINE_SEPARATOR: Final = re.compile(
    r"""
    [|/,\s]
    (?: (?<=\|)\|? | (?<=/)/? | (?<=,)\s[-–—]{1,2} | (?<=\s)[-–—]{1,2} )
    \s*
    """,
    re.X,
)


# Sets an attribute of a frozen instance (see Dateline.__init__).
_set_fields = object.__setattr__


# Not a native class when compiled (see press_release/compiled.py): __init__ below sets
# the instance's dict.
@mypyc_attr(native_class=False)
@dataclass(frozen=True)
class Dateline:
    place: str | None
    agency: str | None
    date_text: str | None
    text: str  # the dateline as written, separator included
    rest: str  # what follows on the line: the start of the lead
    # Set after a comma, colon or full stop: a weak separator, taken only on the lead
    # (see release._find_dateline).
    weak: bool = False

    def __init__(
        self,
        place: str | None,
        agency: str | None,
        date_text: str | None,
        text: str,
        rest: str,
        weak: bool = False,
    ) -> None:
        # The generated __init__ of a frozen dataclass sets each field through
        # object.__setattr__, a call apiece (about 12 K instructions for the six, made
        # on every release); one call sets the instance's dict whole. Same fields, same
        # defaults: a field added above must be added here (tests/test_parse_fast_paths.py
        # compares the two).
        _set_fields(
            self,
            "__dict__",
            {
                "place": place,
                "agency": agency,
                "date_text": date_text,
                "text": text,
                "rest": rest,
                "weak": weak,
            },
        )

    @property
    def display(self) -> str | None:
        return display_place(self.place) if self.place else None


@lru_cache(maxsize=1024)
def display_place(place: str) -> str:
    """ "PALANGKA RAYA" -> "Palangka Raya"; Title Case stays as written."""
    words = []
    for word in place.split():
        if word.isupper() and len(word) > 1:
            word = "-".join(part[:1] + part[1:].lower() for part in word.split("-"))
        words.append(word[:1].upper() + word[1:])
    return " ".join(words)


# A security unit's name, glued to its place or not ("POLRESTUBAN", "Polda Sumbar",
# "KODIM 0811"): an office, not a place.
UNIT_OPENINGS: Final = ("polres", "polda", "polsek", "kodim", "korem", "kodam", "lanal", "lanud")
# The first word of a school's or university's name, which may name its town after it:
# "UIN MALANG", "Politeknik Negeri Ambon" are no place.
INSTITUTION_HEADS: Final = frozenset((
    "uin", "iain", "stain", "stai", "stkip", "poltek", "politeknik", "universitas", "institut",
    "sman", "smkn", "smpn", "sdn", "man", "mtsn",
))  # fmt: skip


# Words no place's name ends with: a preposition or a conjunction.
_NO_PLACE_END: Final = frozenset(("ke", "di", "dan", "yang", "dari", "untuk", "pada", "dengan"))


def _is_place(place: str) -> bool:
    words = place.split()
    if not words or words[0].casefold().strip(".") in NOT_A_PLACE:
        return False
    if words[0].casefold().startswith(UNIT_OPENINGS):
        return False
    if words[-1].casefold().endswith("nya"):
        return False  # "Lanjutnya", "Menurutnya": a sentence's opening
    if len(words[0]) == 2 and words[0][1] == "." and len(words) > 1:
        return False  # a list's item: "A. KASI PEMERINTAHAN – Nama"
    if len(words) > 1 and words[-1].casefold() in _NO_PLACE_END:
        return False  # "Dies Ke - 63 ...": a headline's words before a spaced hyphen
    if len(words) > 1 and words[-1].casefold() in WEEKDAYS:
        return False  # "Peristiwa Rabu, 09 Agu 2023": a rubric before a date line
    # Upper case, or Title Case: every word opening with a capital (the stricter "and not
    # w[1:].isupper()" form once tested here implies this one, so it decides nothing).
    # (Plain loops: all() over a generator that stops early leaves it to be closed.)
    for word in words:
        if not word[0].isupper():
            return all(map(str.isupper, words))
    return True


def _is_date(text: str) -> bool:
    text = text.strip(" .")
    # Every form of ANY_DATE opens with a digit (\d: what str.isdecimal() accepts).
    return text[:1].isdecimal() and bool(ANY_DATE.fullmatch(text))


def _agency_ok(text: str) -> bool:
    text = text.strip()
    # A domain holds a dot before its ending: "jogjaprov.go.id", "bengkulu ekspress.com",
    # "Dewata News. Com".
    if "." in text and (
        DOMAIN.fullmatch(text) or NAME_WITH_DOMAIN.fullmatch(text) or SPACED_DOMAIN.fullmatch(text)
    ):
        return True
    words = text.split()
    # One or two words, each opening with a capital (the first and the last).
    if 1 <= len(words) <= 2 and words[0][:1].isupper() and words[-1][:1].isupper():
        return True
    if len(words) == 1 and _outlet_glued(words[0]):
        return True  # an outlet's name in lower case: "Jakarta, ebcmedia –"
    return len(words) <= 4 and any(map(_outlet_word, words))


def _unit_words(text: str) -> bool:
    """An agency in brackets named in up to four words: "(Informasi dan Humas)"."""
    words = text.split()
    return 1 <= len(words) <= 4 and all(
        w[:1].isupper() or w in ("dan", "&", "of", "-") for w in words
    )


def is_outlet(name: str) -> bool:
    """Whether a name in a dateline is an outlet's: a domain, or a word of the outlet
    vocabulary ("Nusantara Voice"), or one glued word holding one ("KabarNTB")."""
    if "." in name and DOMAIN.fullmatch(name):
        return True
    words = name.split()
    return any(_outlet_word(w) or _outlet_glued(w) or CAMEL_NAME.fullmatch(w) for w in words)


# An outlet's name in camel case, opening in lower case: "detikNews", "kumparanNEWS".
CAMEL_OUTLET: Final = re.compile(r"[a-z]{3,}[A-Z][A-Za-z]{1,12}")
# One word with a capital inside, as outlets write their names ("PosKita"); none of the
# annotated datelines of batches 27 to 65 names a place so.
CAMEL_NAME: Final = re.compile(r"[A-Z][a-z]+[A-Z][A-Za-z]+")


def _outlet_alone(prefix: str) -> bool:
    """An outlet where the place would be: "POJOKNEGERI.COM", "Halokaltim", a name in
    camel case ("PosKita"), or a site's short name, a place glued to "kab", "kota" or
    "prov" ("Tubankab", "JAYAPURAKOTA")."""
    if "." in prefix:
        return bool(DOMAIN.fullmatch(prefix))
    return " " not in prefix and (
        _outlet_glued(prefix) or _site_short_name(prefix) or bool(CAMEL_NAME.fullmatch(prefix))
    )


def _site_short_name(word: str) -> bool:
    """A region's name glued to "kab", "kota" or "prov": a site's short name."""
    low = word[-4:].lower()
    if low[-3:] not in ("kab", "ota", "rov"):
        return False  # most words: one slice and one test
    low = word.lower()
    for ending in ("kab", "kota", "prov"):
        if low.endswith(ending) and len(low) > len(ending) + 2:
            return is_region(word[: -len(ending)])
    return False


# The openings of an issuing office's name in a dateline: "Diskominfostaper Fakfak –",
# "Prokopim Kutim –" name the office, not a place.
_OFFICE_OPENINGS: Final = (
    "diskom", "dinkominfo", "kominfo", "prokopim", "dokpim", "humas", "ppid", "setda",
    "bappeda", "bapenda", "bpbd", "dinkes", "disdik", "dishub", "dinsos", "dlh", "dprd",
    "setwan", "inmas", "bawaslu", "pemkab", "pemkot", "pemprov", "kemenag", "dikbud", "mmc",
)  # fmt: skip


# The first word of a town's name whose second word alone may name a regency: "Muara
# Bungo" (Bungo's seat), "Kuala Kapuas", "Tanjung Balai" are places, no outlet and place.
_PLACE_HEADS: Final = frozenset((
    "air", "bandar", "batu", "bukit", "gunung", "kampung", "kota", "kab", "kabupaten",
    "kuala", "labuhan", "long", "lubuk", "muara", "padang", "pangkalan", "pasir", "pulau",
    "rantau", "sei", "simpang", "sungai", "tanah", "tanjung", "teluk", "ujung", "kecamatan",
    "kelurahan", "desa", "provinsi", "prov", "kepulauan", "kep", "nusa", "tebing", "binjai",
    "kutai", "tana", "sri", "sidi", "pematang", "barito", "banjar", "way", "lhok", "kuta",
    "parit", "bagan", "selat", "talang", "ulu", "hulu", "koto", "nagari", "paya", "lembah",
))  # fmt: skip


def _outlet_before_region(place: str) -> tuple[str, str] | None:
    """An outlet's one-word name before a known region that the whole is not: "PALAKAT
    Minahasa Utara" -> ("PALAKAT", "Minahasa Utara"). None for a town whose last words
    name a regency ("Muara Bungo"), an office ("Humas Gowa") or a title."""
    head, _, rest = place.partition(" ")
    if (
        len(head) < 3
        or not head.isalpha()
        or head.casefold() in _PLACE_HEADS
        or head.casefold() in NOT_A_PLACE
        or head.lower().startswith(_OFFICE_OPENINGS + UNIT_OPENINGS)
        or not is_region(rest)
        or is_region(place)
        or is_region(head)  # a district named after a regency: "KOTABARU KARAWANG"
    ):
        return None
    return head, rest


def office_alone(prefix: str) -> bool:
    """An office's name where the place would be: a few words, the first an office's
    ("Diskominfo Kukar"), or "Dinas Kominfo" and the regency ("DINAS KOMINFO KAB. BELU")."""
    if prefix[:3].lower() not in OFFICE_HEADS or "," in prefix:
        return False
    first, _, rest = prefix.lower().partition(" ")
    if first.startswith(_OFFICE_OPENINGS):
        return fewer_words(prefix, 4)
    return (
        first == "dinas" and rest.startswith(("kominfo", "komunikasi")) and fewer_words(prefix, 8)
    )


# An office glued to the place by a hyphen, then a spaced colon: "Diskominfo-Ungaran : ",
# or a comma: "KOMINFOKUBAR-SENDAWAR, ".
OFFICE_COLON: Final = re.compile(rf"(?P<office>[A-Za-z]+)-(?P<place>{_PLACE})(?:\ :|,)\s+")
OFFICE_HEADS: Final = frozenset(
    ("dis", "din", "kom", "pro", "dok", "hum", "ppi", "set", "bap", "bpb", "dlh", "dpr", "inm")
    + ("baw", "pem", "kem", "dik", "mmc")
)  # the first three letters of _OFFICE_OPENINGS
# The same but for "Bawaslu", "Pemkab"... and "Kemenag", which the colon's shape
# (OFFICE_COLON) was never seen with: "Pem" opens many leads ("Pemerintah ..."), and the
# pattern need not be tried on them.
_COLON_OFFICE_HEADS: Final = OFFICE_HEADS - {"baw", "pem", "kem"}


def _office_colon(line: str, min_words: int) -> Dateline | None:
    """A dateline of an office glued to the place before a spaced colon (OFFICE_COLON),
    weak like a colon's: taken on the lead only."""
    match = OFFICE_COLON.match(line)
    if match is None or not office_alone(match["office"]) or not _is_place(match["place"]):
        return None
    rest = line[match.end() :]
    if fewer_words(rest, min_words + 2):
        return None
    return Dateline(match["place"], match["office"], None, match.group(0).strip(), rest, True)


# The place glued by a hyphen to an outlet's domain or the office, then a comma or a
# colon: "Kutai Barat-Outlet.com, ", "Bogor-Humas: ".
PLACE_HYPHEN_AGENCY: Final = re.compile(
    rf"(?P<place>{_PLACE})-(?P<agency>[A-Za-z][\w-]*(?:\.[A-Za-z]{{2,}})+|[A-Za-z]{{4,12}})"
    r"[,:](?:\s+|(?=[A-Z][a-z]))"  # "Kudus-outlet.com,Acara ...": glued to the lead
)


def _place_hyphen_agency(line: str, min_words: int) -> Dateline | None:
    """A dateline of a place, a hyphen and an outlet's domain or an office's name, closed
    by a comma or a colon (PLACE_HYPHEN_AGENCY); weak: taken on the lead only."""
    # The pattern needs a comma or a colon after the agency: most titles with a dash
    # hold neither, and the test spares them the match (about 12 K instructions).
    if "," not in line and ":" not in line:
        return None
    match = PLACE_HYPHEN_AGENCY.match(line)
    if match is None or not _is_place(match["place"]):
        return None
    agency = match["agency"]
    if not (("." in agency and DOMAIN.fullmatch(agency)) or office_alone(agency)):
        return None
    rest = line[match.end() :]
    if not rest[:1].isupper() or fewer_words(rest, min_words + 2):
        return None
    return Dateline(match["place"], agency, None, match.group(0).strip(), rest, True)


# A media centre's short name, like an office's: "MC-SINJAI".
_MEDIA_CENTRE: Final = frozenset(("mc", "mmc"))


def _office_glued_place(prefix: str) -> tuple[str, str, None] | None:
    """``(place, office, None)`` for an office's name glued to the place by a hyphen, in
    either order: "Diskominfo-Ungaran", "Humas-Kota Baru", "MC-SINJAI", "Dobo-Diskominfo"."""
    first, dash, second = prefix.partition("-")
    if not dash:
        return None
    for office, place in ((first, second), (second, first)):
        if (
            " " not in office
            and place[:1] in _CAPITALS
            and (office.casefold() in _MEDIA_CENTRE or office_alone(office))
            and _is_place(place)
        ):
            return place, office, None
    return None


def _date_only(prefix: str) -> bool:
    """A date where the place would be: "Rabu, 26 Maret 2025", "26/03/2025"."""
    head, _, tail = prefix.partition(" ")
    if head.rstrip(",").casefold() in WEEKDAYS:
        prefix = tail
    return _is_date(prefix)


# A wire's dateline: the place, maybe its province, the day, the agency in brackets
# ("JAKARTA, 10/4 (ANTARA)", "LAMONGAN, JAWA TIMUR, 10/4 (JMDN)").
PLACE_DATE_AGENCY: Final = re.compile(
    rf"(?P<place>{_PLACE})(?:,\ ?(?P<province>{_PLACE}))?,\ ?"
    r"(?P<date>\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{1,2}\ [A-Za-z]{3,9}(?:\ \d{4})?)"
    r"\ ?\((?P<agency>[^()]{1,30})\)"
)


# A site's datelines recur ("SAMARINDA", "PROKAL.CO, SAMARINDA"): each is read once.
@lru_cache(maxsize=4096)
def parse_prefix(prefix: str) -> tuple[str | None, str | None, str | None] | None:
    """Parse what stands before the separator into ``(place, agency, date_text)``."""
    prefix = prefix.strip().rstrip(",;").rstrip()
    if prefix[-1:] == "." and prefix[-5:-1].isalpha():
        prefix = prefix[:-1]  # "Masohi,Outlet.- ": a stop glued before the dash
    if ",(" in prefix or ", (" in prefix:  # "KEDIRI,(Outlet.net)", "TENGGARONG, (Humas)"
        prefix = prefix.replace(", (", " (", 1).replace(",(", " (", 1)
    if "-(" in prefix:  # "JAKARTA-(IDB)": the outlet's code in brackets after a hyphen
        prefix = prefix.replace("-(", " (", 1)
    found = _parse_prefix(prefix)
    if found is None and prefix.count(",") >= 2:
        return _place_in_regions(prefix)
    if (
        found
        and found[0]
        and found[1]
        and "," in prefix
        and ", " not in prefix
        and office_alone(found[0])
        and _is_place(found[1])
        and not office_alone(found[1])
    ):
        return found[1], found[0], found[2]  # "Kominfo,Ruteng": the office, then the place
    return found


# The administrative word before a region's name in a dateline: "Kabupaten Waropen".
_ADMIN_WORD: Final = re.compile(r"(?i)(?:kabupaten|kab\.?|kota|provinsi|prov\.?)\ ")


def _place_in_regions(prefix: str) -> tuple[str, None, str] | None:
    """A place, the regency and province it lies in, then the date: "Warren, Kabupaten
    Waropen, Papua, Kamis 17 Juni 2021" -> ("Warren", None, "17 Juni 2021")."""
    place, *regions, date_text = (part.strip() for part in prefix.split(","))
    day, _, rest = date_text.partition(" ")
    if day.lower() in WEEKDAYS:
        date_text = rest
    if not (_is_date(date_text) and len(regions) <= 2 and _is_place(place)):
        return None
    for region in regions:
        named = _ADMIN_WORD.match(region)
        if not is_region(region[named.end() :] if named else region):
            return None
    return place, None, date_text


def _parse_prefix(prefix: str) -> tuple[str | None, str | None, str | None] | None:
    if not prefix or len(prefix) > 80:
        return None
    if prefix[0] not in _CAPITALS:
        # Every form below opens with an ASCII capital (none is case-insensitive), but an
        # outlet's domain alone: "mimbarumum.co.id".
        if prefix[0].islower() and (
            ("." in prefix and DOMAIN.fullmatch(prefix)) or CAMEL_OUTLET.fullmatch(prefix)
        ):
            return None, prefix, None
        if (
            prefix[0].isdecimal()
            and "." in prefix
            and " " not in prefix
            and DOMAIN.fullmatch(prefix)
        ):
            return None, prefix, None  # "1OUTLET.ID": a domain opening with a digit
        match = LOWER_DOMAIN_FIRST.fullmatch(prefix) if "," in prefix or " " in prefix else None
        if (
            match
            and match["caps"]
            and _is_place(match["caps"])
            and DOMAIN.fullmatch(match["agency2"])
        ):
            return match["caps"], match["agency2"], None  # "outlet.com PLACE"
        if match and match["place"] and _is_place(match["place"]):
            return match["place"], match["agency"], None  # "outlet.co.id, PLACE"
        match = LOWER_PLACE_AFTER_DOMAIN.fullmatch(prefix) if "," in prefix else None
        if match and is_region(match["place"]) and DOMAIN.fullmatch(match["agency"]):
            return match["place"], match["agency"], None  # "http://x.go.id, bandung"
        match = LOWER_DOMAIN_STOP.fullmatch(prefix) if ". " in prefix else None
        if match and _is_place(match["place"]) and DOMAIN.fullmatch(match["agency"]):
            return match["place"], match["agency"], None  # "www.pa-x.go.id. PLACE"
        match = LOWER_OUTLET_SLASH.fullmatch(prefix) if "/" in prefix else None
        if match and _is_place(match["place"]):
            return match["place"], match["agency"], None  # "outlet//Place"
        return None
    # GLUED_OUTLET holds a dot; OUTLET_FIRST is taken only with a dot in its agency or a
    # slash; NEWSROOM ends with its word: cheap tests that skip patterns bound to fail.
    dot = "." in prefix
    if dot and (match := GLUED_OUTLET.fullmatch(prefix)):
        return match["place"], match["agency"], None
    if dot and (match := NAME_DOT_PLACE.fullmatch(prefix)):
        return match["place"], match["agency"], None  # "Outletname.BOLMONG"
    bar = "/" in prefix or "|" in prefix
    match = OUTLET_FIRST.fullmatch(prefix) if dot or bar else None
    if match and match["province"] and not _is_province(match["province"]):
        match = None
    if match and ("." in match["agency"] or bar):
        if (
            "." in match["place"]
            and "." not in match["agency"]
            and DOMAIN.fullmatch(match["place"])
            and is_region(match["agency"])
        ):
            return match["agency"], match["place"], None  # "JAKARTA| OUTLET.ID": swapped
        if _is_place(match["place"]):
            return match["place"], match["agency"], None
        if match["place"].casefold() in TOPIC_RUBRICS:
            return None, match["agency"], None  # "OUTLET.CO.ID, Lokal": a rubric, no place
    match = PLACE_SLASH_DOMAIN.fullmatch(prefix) if dot and "/" in prefix else None
    if match and _is_place(match["place"]) and DOMAIN.fullmatch(match["agency"]):
        return match["place"], match["agency"], None  # "PALANGKA RAYA/OUTLET.CO.ID"
    if prefix.endswith(NEWSROOM_WORDS) and (match := NEWSROOM.fullmatch(prefix)):
        return None, match["agency"], None
    if office_alone(prefix):
        return _office_glued_place(prefix) or (None, prefix, None)  # "Diskominfo-Ungaran"
    if prefix.split(None, 1)[0].casefold() in INSTITUTION_HEADS and fewer_words(prefix, 6):
        return None, prefix, None  # "UIN MALANG": a university, no place
    if prefix.casefold().startswith(UNIT_OPENINGS) and "," not in prefix:
        return (None, prefix, None) if fewer_words(prefix, 4) else None  # "POLRESTUBAN"
    if (
        dot
        and " " not in prefix
        and (match := DOTTED_OUTLET.fullmatch(prefix))
        and is_outlet(match["name"])
    ):
        return None, prefix.rstrip("."), None  # "TBNews.ntb.": an outlet's name
    if _outlet_alone(prefix) or (len(prefix) < 14 and prefix.casefold() in RUBRICS):
        return None, prefix, None
    if " " in prefix and "," not in prefix and fewer_words(prefix, 4) and is_outlet(prefix):
        head, hyphen, tail = prefix.rpartition("-")
        if hyphen and is_region(tail) and not is_region(head) and is_outlet(head):
            return tail, head, None  # "OUTLET NAME-BOYOLALI": the outlet, then the place
        return None, prefix, None  # an outlet named in words: "Harian X", "MMC Kobar"

    if prefix[-1:].isdecimal() and _date_only(prefix):
        return None, None, prefix
    if (
        ". " in prefix
        and "," in prefix
        and (match := SPACED_DOMAIN_FIRST.fullmatch(prefix))
        and _is_place(match["place"])
    ):
        return match["place"], match["agency"], None  # "OUTLET AKTUAL. COM, KENDARI"
    if "," in prefix and (match := NAMED_OUTLET_FIRST.fullmatch(prefix)):
        agency, place = match["agency"], match["place"]
        named = is_outlet(agency) or office_alone(agency)
        if named and not is_outlet(place) and _is_place(place):
            return place, agency, None  # "KabarNTB, Sumbawa", "Humas, Gowa"
        if (
            place.isupper()
            and not agency.isupper()
            and " " not in agency
            and is_region(place)
            and not is_region(agency)
        ):
            return place, agency, None  # "Outletname, SITUBONDO": a known place in capitals
    if prefix[-1] == ")" and "," in prefix and (wire := PLACE_DATE_AGENCY.fullmatch(prefix)):
        province = wire["province"]
        if (
            _is_place(wire["place"])
            and (province is None or province.casefold() in PROVINCES)
            and _is_date(wire["date"])
        ):
            return wire["place"], wire["agency"], wire["date"]  # "JAKARTA, 10/4 (ANTARA)"
    if "-" in prefix and (glued := _office_glued_place(prefix)):
        return glued  # "MC-SINJAI", "Dobo-Diskominfo"
    match = PLACE_FORM.fullmatch(prefix)
    if not match:
        return None
    if match["post"] and match["post"][:1].islower() and is_region(prefix):
        return prefix, None, None  # "Bandar lampung": a known place, written in lower case
    post = match["post"]
    # What follows the place must be a date or an agency (see the end), whatever the place
    # reads as: the words of a headline before its dash ("Dinas X Perkuat Y di Z") are
    # refused here, before the place's tests.
    post_is_date = bool(post) and _is_date(post)
    if post and not post_is_date and not _agency_ok(post):
        return None
    place, agency, date_text = match["place"], None, None
    if dot and " " not in place and "." in place and DOMAIN.fullmatch(place):
        # "Outlet.id (Pemda X)", "Outlet.id (12/3/2024)": an outlet's domain, no place
        if match["province"] or match["post"]:
            return None
        paren = (match["paren"] or "").strip()
        if paren and _is_date(paren):
            return None, place, paren
        return None, f"{place} ({paren})" if paren else place, None
    if dot and "." in place and (split := _domain_in_place(place)):
        if match["province"] or match["paren"] or match["post"]:
            return None  # an outlet and more: no dateline's shape
        place, agency = split  # "RUTENG OUTLET.CO", "OUTLET.CO.ID. Palu"
    if not _is_place(place):
        return None
    if " " in place and place[-1:].isupper() and not match["paren"]:
        head, _, office = place.rpartition(" ")
        if office.isupper() and office_alone(office) and _is_place(head):
            place, agency = head, office  # "Ambon PPID, Walikota ...": the place, its office
    if agency is None and " " in place and (split := _outlet_before_region(place)):
        agency, place = split  # "PALAKAT Minahasa Utara–", "Memontum Pamekasan –"
    province = match["province"]
    if province:
        if _is_province(province):
            pass  # "Kubu Raya, Kalimantan Barat", "Langkat, Sumut": the place is the first
        elif province.casefold() in WEEKDAYS and match["paren"] and _is_date(match["paren"]):
            if match["post"]:
                return None
            # "Samarinda, Selasa (12/3/2024)": the date inside the dateline
            return place, None, f"{province} ({match['paren'].strip()})"
        elif (
            province.casefold() in WEEKDAYS
            and match["paren"] is None
            and match["post"]
            and match["post"][:1].isdecimal()
            and _is_date(match["post"])
        ):
            # "Buleleng, Kamis 6 November 2025": the weekday and date inside the dateline
            return place, None, match["post"].strip()
        elif (
            match["paren"] is None
            and match["post"] is None
            and " " not in place
            and (place.isupper() or CAMEL_NAME.fullmatch(place))
            and not province.isupper()
            and is_region(province)
            and not is_region(place)
            and not names_district(place)  # "SANGATTA, Kutai Timur": a town, its regency
        ):
            return province, place, None  # "MONITOR, Jakarta", "PenaKita,Bulukumba": swapped
        elif (
            match["paren"] is None
            and match["post"] is None
            and " " not in place
            and place.isupper()
            and not is_region(place)
            and not names_district(place)
            and (
                is_region(province)
                or (
                    not province.isupper()
                    and "." not in province
                    and not is_outlet(province)
                    and not office_alone(province)
                    and not province.casefold().startswith(UNIT_OPENINGS)
                )
            )
        ):
            # "OUTLETNAME, BONTANG", "OUTLETNAME, Kuala Kapuas": a one-word name in capitals
            # that no region or district bears, before a place in Title Case or a known one
            return province, place, None
        elif (
            match["paren"] is None
            and match["post"] is None
            and " " in place
            and is_region(province)
            and not is_region(place)
            and place.split(None, 1)[0].casefold() not in _PLACE_HEADS
            and not names_district(place)
            and not names_district(place.split(None, 1)[0])
        ):
            # "Unit Name, Pangkalpinang -", "Outlet Kota, Jakarta –": a name of words that no
            # region or district bears before a known region (but a village's one word,
            # "Sidomulyo, Tuban", or a place's "Tanjung X")
            return province, place, None
        elif match["paren"] is None and match["post"] is None and _agency_ok(province):
            agency = province  # "SAMARINDA, Maqnaia"
        elif match["paren"] and match["post"] is None and _is_place(province) and " " in province:
            pass  # "Batanghari, Lampung Timur (Humas KUA)": a regency after the place
        elif (
            match["paren"]
            and match["post"] is None
            and province.isupper()
            and province.isalpha()
            and len(province) <= 5
            and _is_date(match["paren"])
        ):
            agency = province  # "SUMBAWA BESAR, SR (19/01/2016)": an outlet's code, a date
        else:
            return None
    if paren := match["paren"]:
        if _date_only(paren):
            date_text = paren.strip()  # "(13 Juli 2023)", "(Kamis, 13 Juli 2023)"
        elif _agency_ok(paren) or paren.isupper() or _unit_words(paren):
            agency = paren.strip()
        else:
            return None
    if post:
        if post_is_date:
            date_text = post.strip()
        elif agency is None:
            agency = post.strip()  # an agency's name (_agency_ok(), tested above)
        else:
            return None
    if place[-1] == "." and len(place.rsplit(None, 1)[-1]) > 4:
        place = place[:-1]  # "Banggai Laut. 13 September 2023": the stop is no abbreviation's
    head, stop, code = place.rpartition(". ")
    if (
        stop
        and agency is None
        and code.isupper()
        and 2 <= len(code) <= 5
        and " " not in code
        and (" " in head or len(head) > 4)  # not an initial's stop: "H. RU"
    ):
        return head, code, date_text  # "Aceh Besar. RU –": the place, an outlet's code
    return place, agency, date_text


def _domain_in_place(place: str) -> tuple[str, str] | None:
    """``(place, outlet)`` when the first or last word PLACE_FORM read as the place is an
    outlet's domain: "RUTENG OUTLET.CO" (glued to the dash after it), "OUTLET.CO.ID. Palu",
    "LANDAK I Outlet.com" (a bar typed as a capital I)."""
    words = place.split()
    if len(words) < 2:
        return None
    first, last = words[0].rstrip("."), words[-1]
    if "." in last and DOMAIN.fullmatch(last):
        if len(words) > 2 and words[-2] == "I":
            return " ".join(words[:-2]), last  # "LANDAK I Outlet.com": a bar typed as "I"
        return " ".join(words[:-1]), last
    if "." in first and DOMAIN.fullmatch(first):
        return " ".join(words[1:]), first
    return None


# A time after a dateline's date on its own line: "... 11 Januari 2020. 08.00 WIB".
_TIME_AFTER: Final = re.compile(
    r"(?P<before>.+?\d{4})[.,]?\s+(?:(?i:pukul|jam)\s+)?\d{1,2}[.:]\d{2}(?:\s*(?i:wib|wita|wit))?"
)  # hours and minutes only: a stamp's seconds ("13:43:12") belong to a post's stamp line


def _own_line(line: str) -> Dateline | None:
    """A dateline alone on its line: "Jakarta, 26 Januari 2021", or with the site's
    address, an outlet or a time after it (OWN_LINE_SEPARATOR)."""
    short = len(line) <= 40 and "," in line
    if short and (found := _place_then_office(line) or _place_then_month(line)):
        return found
    if short and line[-1] == "," and is_region(line[:-1]):
        return Dateline(line[:-1], None, None, line, "")  # "Medan,": the lead below it
    if "," in line[:40] and len(line) <= 60 and (found := _place_then_site_or_day(line)):
        return found
    # Cheap tests first: parse_prefix() takes at most 80 characters, and such a line
    # holds a date (its digit) or a separator.
    if len(line) > 90 or not (
        "|" in line
        or "/" in line
        or " -" in line
        or " –" in line
        or " —" in line
        or line[-1:] in "-–—"
        or _DIGIT.search(line)
    ):
        return None
    prefix = line.rstrip(" .,:-–—|/").strip()
    if len(prefix) > 80:
        return None
    if _DIGIT.search(prefix):  # the date ANY_DATE must find opens with a digit
        parsed = parse_prefix(prefix)
        if not parsed and (timed := _TIME_AFTER.fullmatch(prefix)):
            parsed = parse_prefix(timed["before"])  # "Karangtengah, 11 Januari 2020. 08.00 WIB"
        if parsed and parsed[2] and parsed[0]:
            return Dateline(parsed[0], parsed[1], parsed[2], line, "")
    ended = prefix != line.strip()  # the line ended with a separator
    if not ended and not (
        "|" in prefix or "/" in prefix or " -" in prefix or " –" in prefix or " —" in prefix
    ):
        return None  # no separator OWN_LINE_SEPARATOR could find
    if not ended and _five_unmarked_words(prefix):
        # A title with a dash ("Dinas X Gelar Y di Z - W Jadi Prioritas"): five words or
        # more stand before its first separator, which gives None below; the search for
        # the separator tries its branches at every space (about 20 K instructions).
        return None
    sep = OWN_LINE_SEPARATOR.search(prefix)
    head = prefix[: sep.start()].rstrip() if sep else prefix
    if sep is None or not fewer_words(head, 5):
        # "Limapuluh Kota, SagoNews.com -": the outlet before the line's separator.
        parsed = parse_prefix(prefix) if ended else None
        if (
            parsed
            and parsed[0] is None
            and parsed[1] == prefix
            and not parsed[2]
            and "." in prefix
            and " " not in prefix
            and line.rstrip()[-1] in "-–—"
            and DOMAIN.fullmatch(prefix)
        ):
            return Dateline(None, prefix, None, line, "")  # "Outlet.com -", the lead below
        if (
            parsed
            and parsed[0]
            and parsed[1]
            and (is_outlet(parsed[1]) or (prefix[-1] == ")" and line.rstrip()[-1] in "-–—"))
        ):
            return Dateline(parsed[0], parsed[1], None, line, "")  # "MEDAN,(ABC)----"
        if (
            parsed
            and parsed[0] == prefix
            and line.rstrip()[-1] in "-–—"
            and fewer_words(prefix, 4)
            and _is_place(prefix)
            and not office_alone(prefix)
            and prefix.casefold() not in RUBRICS | TOPIC_RUBRICS
        ):
            return Dateline(prefix, None, None, line, "")  # "SAMARINDA –", the lead below
        return None
    parsed = parse_prefix(head)
    after = prefix[sep.end() :]
    if parsed and not parsed[0] and parsed[2] and _is_place(after) and fewer_words(after, 4):
        return Dateline(after, None, parsed[2], line, "")  # "Senin, 19 Mei 2025 – Kendari"
    if not parsed or not parsed[0]:
        if (not parsed or not parsed[2]) and sep.group(0).strip() in _DASHES and is_region(after):
            return Dateline(after, head, None, line, "")  # "Media Humas Polri – KUDUS"
        return None
    place, agency, date_text = parsed
    if date_text and TIME_RE.fullmatch(after):
        pass  # "Taliwang, 17 Januari 2020 | 08.00 WITA"
    elif not date_text and after[-1:].isdecimal() and _date_only(after):
        date_text = after  # "Kefamenanu || 04 Maret 2022"
    elif not agency and not date_text and (is_outlet(after) or _agency_ok(after)):
        agency = after  # "Semarang || pa-semarang.go.id", "Padang, - Jurnalis Sumbar"
    elif not agency and not date_text and "|" in sep.group(0) and _office_words(after):
        agency = after  # "Manado | PTA Sulawesi Utara"
    elif not agency and not date_text and (dated := _agency_then_date(after)):
        agency, date_text = dated  # "Semarang|pa-x.go.id (1/08/2025)"
    else:
        return None
    return Dateline(place, agency, date_text, line, "")


# What parts a place from its outlet on a line of their own, the first found in this
# order: "Situbondo, Outlet", "lumajang | outlet.co.id", "Way Kanan - outlet.online",
# "Kota Tual. Outlet.com", "Medan (outlet.com)".
_PLACE_OUTLET_MARKS: Final = (",", "|", " – ", " - ", " — ", ". ", " (")


# The words an office's news desk goes by in brackets after a place: "(Inmas Kab. X)".
_NEWS_DESKS: Final = frozenset(("inmas", "humas"))


def place_and_outlet(line: str) -> Dateline | None:
    """A known place and an outlet alone on a short line, the place first or the
    outlet's domain first ("OUTLET.COM, BULELENG."): the outlet a domain, a name of the
    outlet vocabulary (is_outlet), or one word opening with a capital ("Situbondo, Memo");
    two or three such words when the line closes with a dash ("Mataram, Garda Asa.-");
    an office in brackets after a known place ("Purwakarta (HUMAS Bagian Umum)"), or after
    any place when it is the office's news desk ("Cipeundeuy (Inmas Kab. Bandung Barat)",
    as a ministry's offices head their news); a known place or a district's name alone
    before a comma ("Lubuk Pakam,")."""
    # The first mark in the line parts the place from the outlet: "Teluk Pandan (Inmas Kab.
    # Kutai Timur)" at its bracket, not at the stop inside it.
    at, mark = min(
        ((found, mark) for mark in _PLACE_OUTLET_MARKS if (found := line.find(mark)) >= 0),
        default=(-1, ""),
    )
    if at < 0:
        return None
    head, tail = line[:at].strip(), line[at + len(mark) :].strip().rstrip(" .,:;-–—|").strip()
    if mark == " (":
        if tail[-1:] != ")":
            return None
        tail = tail[:-1]
        if not DOMAIN.fullmatch(tail):
            # "Medan (outlet.com)"; "Purwakarta (HUMAS Bagian Umum)": an office's name
            if (
                tail[:1].isupper()
                and fewer_words(tail, 6)
                and (
                    is_region(head)
                    or (
                        tail.split(None, 1)[0].casefold() in _NEWS_DESKS
                        and fewer_words(head, 5)
                        and _is_place(head)
                    )
                )
            ):
                return Dateline(head, tail, None, line, "")
            return None
    if mark == "," and not tail and line.rstrip()[-1] == ",":
        # "Lubuk Pakam,": a region's or a district's name alone, its comma left for the
        # lead below (a headline never ends with a comma)
        if (
            fewer_words(head, 4)
            and head[:1].isupper()
            and (is_region(head) or names_district(head))
        ):
            return Dateline(head, None, None, line, "")
        return None
    if not head or not tail or _DIGIT.search(tail):
        return None
    if is_region(head):
        if mark == "," and tail[:1] == "(" and tail[-1:] == ")":
            tail = tail[1:-1].strip()  # "Denpasar, (Metrobali.com)": the outlet in brackets
        words = tail.split()
        if (
            DOMAIN.fullmatch(tail)
            or is_outlet(tail)
            or (len(words) == 1 and tail[0].isupper() and tail.isalpha())
            or (
                len(words) <= 3
                and line.rstrip()[-1:] in "-–—"
                and all(word[0].isupper() for word in words)
            )
        ):
            return Dateline(head, tail, None, line, "")
        return None
    if " " not in head and DOMAIN.fullmatch(head) and is_region(tail):
        return Dateline(tail, head, None, line, "")
    return None


def _five_unmarked_words(prefix: str) -> bool:
    """Whether `prefix` holds more than five words, the first five without a bar, a
    slash, a comma or a dash. An OWN_LINE_SEPARATOR match opens at a bar, a slash, a
    comma before a dash, or a space before a dash: its start then stands after the fifth
    word, and what stands before it holds five words."""
    words = prefix.split(None, 5)
    if len(words) <= 5:
        return False
    opening = " ".join(words[:5])
    return not (
        "|" in opening
        or "/" in opening
        or "," in opening
        or "-" in opening
        or "–" in opening
        or "—" in opening
    )


# A place and a comma, then (on the same line, nothing after) the site's address, the
# weekday and date, or an outlet and a date in brackets: "Tarakan,tarakankota.go.id",
# "Nunukan, Rabu 5 Juni 2024", "MALINAU,Outlet.com (12/3)".
PLACE_THEN_TAIL: Final = re.compile(rf"(?P<place>{_PLACE}),\ ?(?P<tail>\S.{{2,45}})")
OUTLET_THEN_DATE: Final = re.compile(
    r"(?P<outlet>\w[\w ]{0,25}\.[\w.]{2,12})\ ?\((?P<date>\d{1,2}/\d{1,2}(?:/\d{2,4})?)\)"
)


def _place_then_site_or_day(line: str) -> Dateline | None:
    """A dateline alone on its line (PLACE_THEN_TAIL): the place, then the site's address,
    a weekday and a date, or an outlet's domain and a date in brackets."""
    match = PLACE_THEN_TAIL.fullmatch(line.rstrip(" .-–—"))
    if match is None or not _is_place(match["place"]) or is_outlet(match["place"]):
        return None
    place, tail = match["place"], match["tail"]
    if "." in tail and " " not in tail and DOMAIN.fullmatch(tail):
        return Dateline(place, tail, None, line, "")  # "Tarakan,tarakankota.go.id"
    day, _, date_text = tail.partition(" ")
    if day.rstrip(",").casefold() in WEEKDAYS and date_text[:1].isdecimal() and _is_date(date_text):
        return Dateline(place, None, date_text.strip(" ."), line, "")  # "Nunukan, Rabu 5 Juni 2024"
    dated = OUTLET_THEN_DATE.fullmatch(tail)
    if dated and _agency_ok(dated["outlet"]) and "." in dated["outlet"]:
        return Dateline(place, dated["outlet"], dated["date"], line, "")  # "X,Outlet.com (12/3)"
    return None


def _place_then_office(line: str) -> Dateline | None:
    """A dateline alone on its line: the place, a comma and the issuing office's name
    ("Gerung, Diskominfotik") or an outlet's, or its province ("Kupang, NTT")."""
    place, _, office = line.rstrip(" .-–—").partition(",")
    place, office = place.strip(), office.strip()
    if office.casefold() in PROVINCES and office.casefold() != "indonesia" and _is_place(place):
        return Dateline(place, None, None, line, "")
    if " " in office or not _is_place(place):
        return None
    # "Gerung, Diskominfotik", "Tabanan, Xnews", or an outlet's name in capitals:
    # "Tondano, OUTLETREVIEW"
    caps_name = len(office) >= 4 and office.isupper() and office.isalpha() and not is_region(office)
    if not (office_alone(office) or is_outlet(office) or caps_name):
        return None
    return Dateline(place, office, None, line, "")


def _office_words(text: str) -> bool:
    """An office named in two to four capitalised words after a bar ("PTA Sulawesi Utara",
    "Humas Pemkab Paser")."""
    words = text.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)


# "Painan, April 2013.": a place and the month of the release, alone on their line.
# "PAINAN, Jan.": the month shortened, no year.
PLACE_MONTH: Final = re.compile(
    rf"(?P<place>{_PLACE}),\ (?P<month>[A-Za-z]{{3,9}})(?:\ (?P<year>\d{{4}})\.?|\.)"
)


def _place_then_month(line: str) -> Dateline | None:
    """A dateline alone on its line: the place, a comma, a month and a year (no day: no
    date is taken from it)."""
    match = PLACE_MONTH.fullmatch(line.rstrip())
    if match is None or match["month"].casefold() not in MONTHS or not _is_place(match["place"]):
        return None
    return Dateline(match["place"], None, None, line, "")


def _agency_then_date(after: str) -> tuple[str, str] | None:
    """``(agency, date)`` of "pa-x.go.id (1/08/2025)": the site's address, then the date
    in brackets, after a dateline alone on its line."""
    if after[-1:] != ")" or "(" not in after:
        return None
    agency, _, date_text = after[:-1].rpartition("(")
    agency, date_text = agency.strip(), date_text.strip()
    if (
        agency
        and date_text[-1:].isdecimal()
        and _date_only(date_text)
        and (is_outlet(agency) or _agency_ok(agency))
    ):
        return agency, date_text
    return None


# "Tanjung Selor I www.site.go.id": a capital I standing for the bar before the site's
# address.
_I_FOR_BAR: Final = re.compile(r"(?P<place>.{2,40}?) I (?P<site>\S+\.\S+)")


# An outlet's domain in capitals, its bar typed as a capital I, opening the lead:
# "OUTLET.ID I Dinas Koperasi ...".
_OUTLET_I_BAR: Final = re.compile(r"(?P<site>[A-Z][A-Z0-9-]+(?:\.[A-Z]{2,4}){1,2})\ I\ (?=[A-Z])")


def _capital_i_bar(line: str, min_words: int) -> Dateline | None:
    """ "Dinas Kominfo Kota X I PLACE – ...": a capital I typed for the bar between the
    office's name and a known place in capitals (a Roman numeral stands before a word in
    lower case or a number: "Sidang Keliling I Tahun 2016")."""
    at = line.index(" I ")
    after = line[at + 3 :]
    word = after.split(None, 1)[0] if after.strip() else ""
    if len(word) < 3 or not word.isupper() or not word.isalpha() or " " not in line[:at]:
        return None
    found = match_dateline(line[:at] + " | " + after, min_words=min_words, strong_only=True)
    if (
        found is None
        or not found.agency
        or not found.place
        or len(found.text) <= at
        or not (is_region(found.place) or names_district(found.place))
    ):
        return None
    if line[:at].rsplit(None, 1)[-1].casefold() in _NUMBERED_WORDS and found.agency == line[:at]:
        # "Lapas Kelas I BALIKPAPAN –": the numeral is the office's, no bar is typed
        return replace(found, agency=line[: at + 2], text=line[: len(found.text)])
    return replace(found, text=line[: len(found.text)])


# Words a Roman numeral follows in an office's name: "Lapas Kelas I", "Tahap I".
_NUMBERED_WORDS: Final = frozenset(
    ("kelas", "tahap", "tipe", "angkatan", "gelombang", "periode", "bagian", "sesi")
    + ("tingkat", "wilayah", "sektor", "zona", "batalyon", "kompi", "putaran", "seksi")
)


def _i_for_bar(line: str) -> Dateline | None:
    """A dateline alone on its line whose bar was typed as a capital I, or an outlet's
    domain and that bar opening the lead (_OUTLET_I_BAR)."""
    if (outlet := _OUTLET_I_BAR.match(line)) and DOMAIN.fullmatch(outlet["site"].lower()):
        rest = line[outlet.end() :]
        if not fewer_words(rest, 6):
            return Dateline(None, outlet["site"], None, outlet.group(0).rstrip(), rest)
    match = _I_FOR_BAR.fullmatch(line.rstrip())
    if match is None or not DOMAIN.fullmatch(match["site"].removeprefix("www.")):
        return None
    found = _own_line(f"{match['place']} | {match['site']}")
    return Dateline(found.place, found.agency, None, line, "") if found else None


# A place, an office's unit in brackets and the lead with no separator: "Topoyo (humas
# kanwil) Kepala ...".
BRACKETED_UNIT_LEAD: Final = re.compile(
    rf"(?P<place>{_PLACE})\ ?\((?P<unit>[^()]{{0,30}}"
    r"\b(?i:humas|inmas|hms|kominfo|diskominfo|prokopim)\b[^()]{0,30})\)\ (?=[A-Z][a-z])"
)


# One of the words BRACKETED_UNIT_LEAD's unit holds: the caller's cheap test.
_UNIT_WORD: Final = re.compile(r"(?i)humas|inmas|hms|kominfo|prokopim")
# A part of each of _UNIT_WORD's words without "i" or "s": every character IGNORECASE
# matches to the other letters lowers to that letter ("İ", "ı" and "ſ" do not lower to
# "i" or "s"), so a line _UNIT_WORD finds holds one of these in its lower case.
_UNIT_WORD_PARTS: Final = ("huma", "nma", "hm", "kom", "prokop")


def _may_name_unit(head: str) -> bool:
    """Whether `head[:90]` may hold a word of _UNIT_WORD: one of _UNIT_WORD_PARTS in its
    lower case. (Speed: the case-insensitive search, with no first character for the
    engine to look for, costs about 30 K instructions on a lead; the scans, 2 K.)"""
    return any(map(head[:90].lower().__contains__, _UNIT_WORD_PARTS))


def _bracketed_unit_lead(line: str) -> Dateline | None:
    """A dateline of BRACKETED_UNIT_LEAD's shape, its unit as the agency."""
    match = BRACKETED_UNIT_LEAD.match(line)
    if match is None or not _is_place(match["place"]):
        return None
    rest = line[match.end() :]
    return Dateline(match["place"], match["unit"].strip(), None, match.group(0).strip(), rest)


# A place, its office's short code in brackets, then the full date and a comma before
# the lead: "Bendung (SID) Kamis 25 Februari 2021, Pemerintah ...".
CODE_THEN_DATE: Final = re.compile(
    rf"(?P<place>{_PLACE})\ \((?P<code>[A-Z][A-Za-z]{{1,9}})\)\ "
    r"(?P<date>[A-Z][a-z’']+,?\ \d{1,2}\ [A-Za-z]{3,9}\ \d{4}),\ (?=[A-Z])"
)


def _code_then_date(line: str) -> Dateline | None:
    """A dateline of CODE_THEN_DATE's shape, its code as the agency."""
    paren = line.find("(", 0, 40)
    if paren < 0 or not line[paren + 1 : paren + 2].isupper():
        return None
    match = CODE_THEN_DATE.match(line)
    if (
        match is None
        or match["date"].split(None, 1)[0].rstrip(",").lower() not in WEEKDAYS
        or not _is_date(match["date"].split(" ", 1)[1])
        or not _is_place(match["place"])
    ):
        return None
    rest = line[match.end() :]
    return Dateline(match["place"], match["code"], match["date"], match.group(0).strip(), rest)


def _unseparated(line: str) -> Dateline | None:
    """A dateline with no separator before the lead (UNSEPARATED)."""
    # Each branch needs its mark near the start: a comma and then a date's digit, a
    # bracket opening on a digit, a hyphen after a second capital or after a word in
    # lower case, or a dot before a domain's ending. Most lines have none: the pattern is
    # not tried.
    head = line[:50]
    comma, paren = head.find(","), head.find("(")
    if not (
        (
            comma > 0
            and (
                _DIGIT.search(line, comma, comma + 16)
                or (head[comma - 1].isupper() and head[comma + 1 : comma + 2].isupper())
            )
        )
        or "_" in head
        or (paren > 0 and head[paren + 1 : paren + 2].isdecimal())
        or (
            "-" in head
            and (
                (head[1:2] in _CAPITALS and _CAPS_HYPHEN.search(line, 1, 52))
                or (head[1:2].islower() and _TITLED_HYPHEN.match(line))
            )
        )
        or ("." in head and _DOMAIN_DOT.search(head))
    ):
        return None
    match = UNSEPARATED.match(line)
    if match is None:
        return None
    rest = line[match.end() :].lstrip()
    if fewer_words(rest, 4):
        return None
    if match["dated"]:
        place, date_text, agency = match["place1"], match["date1"], None
        if date_text[:1].islower() and date_text.split(" ", 1)[0].rstrip(",") not in WEEKDAYS:
            return None  # a weekday in lower case ("senin 22 April 2019"), no other word
        if not _is_date(date_text.split(" ", 1)[-1] if date_text[:1].isalpha() else date_text):
            return None
    elif match["paren"]:
        place, date_text, agency = match["place2"], match["date2"], None
    elif match["domslash"]:
        place, date_text, agency = match["place9"], None, match["agency9"]
    elif match["caps"] and "." in match["caps"]:
        parsed = parse_prefix(match["caps"])  # "PLACE.OUTLET.ASIA": the place, its outlet
        if parsed and parsed[0] and parsed[1]:
            return Dateline(parsed[0], parsed[1], None, line[: match.end()].rstrip(), rest)
        return Dateline(None, match["caps"], None, line[: match.end()].rstrip(), rest)
    elif match["caps"]:
        place, date_text, agency = match["caps"], None, match["code"]
        if agency is None and (
            _glued_to_region(place) or place.split(None, 1)[0].casefold() in INSTITUTION_HEADS
        ):
            # "OUTLETPONOROGO-Kepala ...": an outlet named after its region, or "UIN
            # MALANG-Pelatihan ...": a university; no place
            return Dateline(None, place, None, line[: match.end()].rstrip(), rest)
    elif match["camel"]:
        return Dateline(None, match["camel"], None, line[: match.end()], rest)
    elif match["titled"]:
        place = match["titled"]
        glued = rest.split(None, 1)[0].casefold()
        if office_alone(place) and " " in place:
            # "Bawaslu Berau-Badan ...": an office's name and its region, no place (one word
            # alone, "Diskominfo-Ungaran", is read below as before: no dateline)
            return Dateline(None, place, None, line[: match.end()], rest)
        if (
            not _is_place(place)
            or office_alone(place)
            or {place.casefold(), glued} & REGIONS  # "Jawa-Bali", "Asia-Pasifik"
            or place.rsplit(None, 1)[-1].casefold() == glued  # "Layang-Layang": one word
        ):
            return None
        if " " not in place and is_outlet(place):
            return Dateline(None, place, None, line[: match.end()], rest)  # "Outletonline--"
        # A known place glued to the lead is a dateline however much stands above it
        # ("Palu-Presiden ..." under a headline closed by a stop); another word may open
        # a sentence ("Pasca-Pemilu ...").
        weak = not is_region(place) or is_region(glued.capitalize())
        return Dateline(place, None, None, line[: match.end()], rest, weak=weak)
    elif match["dotted"]:
        place, date_text, agency = match["place4"], None, match["outlet4"]
    elif match["hyphened"]:
        place, date_text, agency = match["place5"], None, match["outlet5"]
    elif match["coloned"]:
        place, date_text, agency = match["place6"], None, match["outlet6"]
        if not (place.isupper() or is_region(place)) or office_alone(place):
            return None
    elif match["stuck"]:
        place, date_text, agency = match["place7"], None, None
        if office_alone(place) or _glued_to_region(place):
            return None
    elif match["underscored"]:
        place, date_text, agency = match["place8"], None, None
        if not is_region(place):
            return None
    else:
        place, date_text, agency = match["place3"], None, match["outlet"]
    if not _is_place(place):
        return None
    return Dateline(place, agency, date_text, line[: match.end()].rstrip(), rest)


def _glued_to_region(word: str) -> bool:
    """A word that is no region but ends with one's name, after three letters or more: an
    outlet named after its region ("OUTLETPONOROGO")."""
    if " " in word or len(word) > 40 or is_region(word):
        return False
    return any(is_region(word[at:]) for at in range(3, len(word) - 3))


def _unit_after(
    rest: str, agency: str | None, comma: bool, place: str | None = None
) -> tuple[str, str | None, str]:
    """Absorb an issuing unit after the dash: "PALANGKA RAYA – BIRO ADPIM. Gubernur...",
    "Bontang - Humas: Pemerintah ..." (an office's name and a colon); after a place's
    `comma`, an office's name and a dash: "Ambon, Kantor Wilayah X – Kantor ..."."""
    if comma and agency is None and (dashed := OFFICE_DASH.match(rest)):
        return rest[dashed.end() :], dashed["unit"], dashed.group(0)
    # ISSUING_UNIT opens with two ASCII capitals: most leads have a lower-case second letter.
    match = ISSUING_UNIT.match(rest) if rest[1:2] in _CAPITALS else None
    if match and agency is None and (" " in match["unit"] or len(match["unit"]) >= 5):
        return rest[match.end() :], match["unit"], match.group(0)
    if agency is not None and rest[:3] in ("Pol", "Kod", "Kor") and (unit := UNIT_DASH.match(rest)):
        return rest[unit.end() :], agency, unit.group(0)
    dashed = DASHED_UNIT.match(rest) if rest[1:2] in _CAPITALS else None
    if (
        dashed
        and (agency is not None or (place and not is_region(place)))
        and (is_region(dashed["unit"]) or names_district(dashed["unit"]))
    ):
        dashed = None  # the place after an outlet: "OUTLETNEWS | BANDUNG – ", "LINTAS X |"
    if dashed:  # the agency a prefix named stays ("LAHAT, SUMSEL – OUTLET – ")
        return rest[dashed.end() :], agency or dashed["unit"], dashed.group(0)
    bracketed = BRACKETED_DASH.match(rest) if rest[:1] == "(" and agency is None else None
    if bracketed:  # "Gorontalo – (Diskominfotik) – Gubernur ..."
        return rest[bracketed.end() :], bracketed["unit"], bracketed.group(0)
    colon = UNIT_COLON.match(rest) if agency is None and ":" in rest[:40] else None
    if colon and office_alone(colon["unit"]):
        return rest[colon.end() :], colon["unit"], colon.group(0)
    if (tag := _second_tag(rest)) is not None:
        return rest[tag.end() :], agency or tag["tag"], tag.group(0)
    return rest, agency, ""


# A second tag after the dateline's separator, then a separator of its own: an outlet's
# domain or name, or a police or army unit, or an office, maybe with an outlet's domain
# after a comma ("BOGOR | OUTLET.COM – ", "Surabaya–Outletpos– ", "outlet.com – Polres
# Sumba Barat ; ", "Polda X – Polres Y , outlet.com – ").
SECOND_TAG: Final = re.compile(
    r"(?P<tag>[A-Za-z][\w.]{1,40}(?:\ [A-Z][\w.]*){0,3})"
    r"(?:\ ?,\ ?[a-z][\w-]*(?:\.[a-z]{2,})+)?"  # "Polres X , outlet.com – "
    r"\ ?(?:[-–—]{1,3}|\||;)\ +(?=[A-Z\"“])"
)


# A separator's mark after a dateline's first part: "Outlet.Com, PLACE : Lead".
_SEPARATOR_MARK: Final = re.compile(r" [:–—-] |[–—]")
# An outlet's domain and a comma after the dateline's separator: "REMBANG – outlet.go.id, ".
DOMAIN_COMMA_TAG: Final = re.compile(r"(?P<tag>[A-Za-z][\w-]*(?:\.[\w-]+)+),\ +(?=[A-Z])")


def _second_tag(rest: str) -> re.Match[str] | None:
    """SECOND_TAG, taken when its tag is an outlet's, a unit's or an office's name; or
    DOMAIN_COMMA_TAG."""
    if "," in rest[:60] and (tag := DOMAIN_COMMA_TAG.match(rest)) and DOMAIN.fullmatch(tag["tag"]):
        return tag
    head = rest[:50]
    if not ("–" in head or "—" in head or "-" in head or "|" in head or ";" in head):
        return None
    tag = SECOND_TAG.match(rest)
    if tag is None:
        return None
    name = tag["tag"]
    if (
        ("." in name and DOMAIN.fullmatch(name))
        or (" " not in name and _outlet_alone(name))
        or name.lower().startswith(UNIT_OPENINGS)
        or office_alone(name)
    ):
        return tag
    return None


# An outlet's domain glued to the lead by an underscore: "Outlet.com_Polres ...".
DOMAIN_UNDERSCORE: Final = re.compile(r"(?P<agency>[A-Za-z][\w-]*(?:\.[a-z]{2,})+)\ ?_\ ?(?=[A-Z])")
# A domain opening with a digit, then a separator: "1OUTLET.ID – ".
DIGIT_DOMAIN: Final = re.compile(r"\d[A-Za-z0-9-]*(?:\.[A-Za-z]{2,})+\ [-–—|]")


# A page's reading time glued to the line below it: "1 min readOUTLET-X.id, ...".
READING_TIME: Final = re.compile(r"\d{1,2}\ ?(?:min(?:ute)?s?|menit)\ (?:read|baca)(?=[A-Z])")


def match_dateline(
    line: str, *, min_words: int = 4, strong_only: bool = False, after_outlet: bool = False
) -> Dateline | None:
    """Recognise a dateline at the start of `line`, or return None. With `strong_only`,
    only a dateline before a strong separator (a dash, a bar, a tilde) is looked for:
    what a line deep in the body may still hold (see release._find_dateline). With
    `after_outlet`, `line` follows an outlet's dash (see _dateline_after_outlet), and no
    second outlet is looked through: "A.com-A.com-A.com-..." recurses no deeper."""
    if line[:1] in "([" and (found := _bracketed(line, min_words)):
        return found  # "(Bontang, 9 Januari 2018). Dalam rangka ...", "[Place, date] ..."
    if line[:1].isdecimal() and (read := READING_TIME.match(line)):
        # "1 min readOUTLET.id, PLACE – ...": a reading time glued to the dateline
        found = match_dateline(line[read.end() :], min_words=min_words, strong_only=strong_only)
        return replace(found, text=read.group(0) + found.text) if found else None
    if ("â" in line[:60] or "โ" in line[:60]) and MANGLED_DASH.search(line, 0, 60):
        # "TARAKAN â Wali Kota ...": a dash whose last two bytes a page lost, read as one;
        # the dateline's text keeps the character as written.
        fixed = MANGLED_DASH.sub(" – ", line, count=1)
        found = match_dateline(fixed, min_words=min_words, strong_only=strong_only)
        return replace(found, text=line[: len(found.text)]) if found else None
    if " l " in line[:60] and not strong_only:
        # "BERITANEWS l SINGKAWANG – ...", "Place, Outlet.com l Bupati ...": a lower-case
        # L typed for the bar
        at = line.index(" l ")
        found = match_dateline(line[:at] + " | " + line[at + 3 :], min_words=min_words)
        if found is not None and found.agency and len(found.text) > at:
            return replace(found, text=line[: len(found.text)])
    if " I " in line[:60] and not strong_only and (found := _capital_i_bar(line, min_words)):
        return found
    if "[" in line[1:40] and 0 < line.find("[") < (close := line.find("]", 0, 90)):
        # "Jakarta [Humas Kankemenag X] — ...": the agency in square brackets, read as in
        # round ones
        opened = line.find("[")
        swapped = f"{line[:opened]}({line[opened + 1 : close]}){line[close + 1 :]}"
        found = match_dateline(swapped, min_words=min_words, strong_only=strong_only)
        if found is not None and len(found.text) > close:
            return replace(found, text=line[: len(found.text)])
    if (
        line[:2] == "| "
        and line[2:3].isupper()  # one border only: "| | | ..." is no dateline
        and (found := match_dateline(line[2:], min_words=min_words, strong_only=strong_only))
    ):
        return replace(found, text=f"| {found.text}")  # "| BIMA - NTB | ...": a cell's border
    if "//" in line[:40] and (slashed := PLACE_SLASHES_OUTLET.match(line)):
        # "PALI//Linksumsel-Dalam rangka ...": the place, the outlet, a hyphen glued to the lead
        rest = line[slashed.end() :]
        if not fewer_words(rest, min_words):
            return Dateline(slashed["place"], slashed["agency"], None, slashed.group(0), rest)
    if "_" in line[:60] and (glued := DOMAIN_UNDERSCORE.match(line)):
        # "Outlet.com_Polres ...", "Outlet.com _Pada hari ...": the outlet, no place
        rest = line[glued.end() :]
        if not fewer_words(rest, min_words):
            return Dateline(None, glued["agency"], None, glued.group(0).strip(), rest)
    if (
        line[:1] not in _CAPITALS
        and not (
            line[:1].islower()
            and ("." in line[:40] or "/" in line[:40] or CAMEL_OUTLET.match(line))
        )
        and not (line[:1].isdecimal() and DIGIT_DOMAIN.match(line))
    ):
        # Every prefix parse_prefix() reads, and _own_line(), opens the line, with a
        # capital but for an outlet's domain ("mimbarumum.co.id – ..."), and for a short
        # line of an outlet's words before a place in capitals ("outlet words – PLACE").
        if len(line) <= 40 and line[:1].islower() and line[-1:].isupper():
            return _own_line(line)
        if line[:1].isdecimal() and not strong_only:
            return _date_stamp_lead(line, min_words)  # "07 Nov 2025Pada hari ..."
        return None
    head = line[:110]
    # A kind of separator is looked for only when the line holds one of its marks.
    strong = (
        "-" in head or "–" in head or "—" in head or "|" in head or "~" in head or " //" in head
    )
    # Every shape below needs one of these marks in the first 110 characters: a
    # separator, a bracket, a slash or a date's digit. Titles and category labels, most
    # of the lines tried here, hold none, and one search spares them the tests below.
    # A strong separator's mark is one of them: the search is left out for a lead with
    # a dash (about 3 K instructions).
    if not strong and not _ANY_MARK.search(line, 0, 110):
        return None
    if "|" in head and author_rubric(line):
        return None  # "Ani Rahma | Nusantara": a writer and a rubric
    if strong and (
        found := _after_separator(line, head, STRONG_SEPARATOR, False, min_words, after_outlet)
    ):
        if found.place and found.rest[: len(found.place)] == found.place.lower():
            return None  # a word doubled around a spaced hyphen: "Masing - masing bertugas"
        if (
            len(line) <= 60
            and found.date_text is None
            and (own := _own_line(line))
            and own.date_text
        ):
            return own  # "Kajen - Jum'at, 10 Oktober 2025" alone on its line
        return _outlet_read_as_place(found)
    if strong_only:
        return None
    if found := _unseparated(line):
        return _outlet_read_as_place(found)
    if (
        "(" in head
        and _may_name_unit(head)
        and _UNIT_WORD.search(head, 0, 90)
        and (found := _bracketed_unit_lead(line))
    ):
        return found
    if ") " in head and (found := _code_then_date(line)):
        return found
    weak = "," in head or "." in head or ":" in head or ";" in head
    if weak and (found := _after_separator(line, head, WEAK_SEPARATOR, True, min_words)):
        if (
            found.date_text is None
            and (found.rest[:1].isdecimal() or found.rest[:3].casefold() in _WEEKDAY3)
            and (stamp := _date_stamp_lead(found.rest, min_words))
            and stamp.agency is None
        ):
            # "Bengkulu, Kamis, 07 Januari 2026: Dalam rangka ...": the place, its date
            text = f"{found.text} {stamp.text}"
            found = replace(found, date_text=stamp.date_text, text=text, rest=stamp.rest)
        return _outlet_read_as_place(found)
    if line[:3].lower() in _COLON_OFFICE_HEADS and (found := _office_colon(line, min_words)):
        return found
    if weak and (found := _place_glued_domain(line, min_words)):
        return found
    if "." in head and (found := _place_office_stop(line, min_words)):
        return found
    if "-" in head and (found := _place_hyphen_agency(line, min_words)):
        return found
    if " I " in head and (found := _i_for_bar(line)):
        return found
    if (
        # what DATE_STAMP_LEAD needs in the line's head, in the cheapest tests: a digit, a
        # dot or a weekday's first three letters (most lines tried here hold none)
        (line[:1].isdecimal() or "." in line[:40] or line[:3].casefold() in _WEEKDAY3)
        and (found := _date_stamp_lead(line, min_words))
    ):
        return found  # "www.pa-x.go.id. Rabu, 2 Juni 2025 – ", "Kamis, 07 Januari 2026: "
    return _own_line(line)


# A post's date stamp before the lead, maybe after the site's address: the address and a
# weekday's date closed by a stop, a dash or a colon ("www.pa-x.go.id. Rabu, 2 Juni 2025 –
# ", "Pa.x.go.id/Senin, 23 Maret 2020. "); without an address, a date closed by a colon
# ("Kamis, 07 Januari 2026: ") or glued to the lead ("07 Nov 2025Pada hari ...").
DATE_STAMP_LEAD: Final = re.compile(
    r"(?:(?P<agency>(?:www\.)?[A-Za-z][\w-]*(?:\.[A-Za-z]{2,}){1,3})\.?\ ?[/|.,]?\ ?"
    rf"(?P<dated>(?i:{WEEKDAY_ALT}),?\ \d{{1,2}}\ [A-Za-z]{{3,9}}\ \d{{4}})\ ?[.:–—-]\ +"
    rf"|(?P<date>(?:(?i:{WEEKDAY_ALT}),?\ )?\d{{1,2}}\ [A-Za-z]{{3,9}}\.?\ \d{{4}})"
    r"(?::\ +|(?=[A-Z][a-z])))"
    r"(?=[A-Z\"“])"
)


def _date_stamp_lead(line: str, min_words: int) -> Dateline | None:
    """DATE_STAMP_LEAD: no place, the site's address as the outlet, the stamp's date."""
    # A date opens the line, or a weekday does, or an address does, its first dot before
    # any space (the callers have tested the cheapest signs of these).
    first = line[:1]
    if first.isdecimal():
        pass
    elif not first.isalpha():
        return None
    elif line[:3].casefold() not in _WEEKDAY3:
        dot = line.find(".", 1, 40)
        if dot < 0 or " " in line[:dot]:
            return None
    match = DATE_STAMP_LEAD.match(line)
    if match is None:
        return None
    date_text = match["dated"] or match["date"]
    bare = date_text.split(" ", 1)[1] if date_text[:1].isalpha() else date_text
    rest = line[match.end() :]
    if not _is_date(bare) or fewer_words(rest, min_words):
        return None
    return Dateline(None, match["agency"], bare, match.group(0).rstrip(), rest)


_WEEKDAY3: Final = frozenset(day[:3] for day in WEEKDAYS)


# An outlet's domain and a dash opening the lead after the place's comma: "OUTLET.ID--".
DOMAIN_DASH: Final = re.compile(
    r"(?P<agency>[A-Za-z][\w-]*(?:\.[A-Za-z]{2,})+)\ ?(?:--?|–|—)\ ?(?=[A-Z])"
)
# The rest of an outlet's domain after a hyphen inside it: "Liputan-|Malut.com Lead".
DOMAIN_TAIL: Final = re.compile(r"[A-Za-z0-9][\w-]*(?:\.[A-Za-z]{2,})+(?=\s)\s*")


def _outlet_read_as_place(found: Dateline) -> Dateline:
    """`found`, read again where a place, an outlet or a separator was mistaken: a
    hyphen inside a domain ("SANANA,Liputan-Malut.com Lead": the place, then the outlet);
    a stray stop after the dash ("OKUT, OUTLET - . Warga"); after the place's comma, a
    domain glued to its dash ("PADANG, OUTLET.ID--Komisi") or an outlet's name before
    the place ("OUTLET WORD.COM, KENDARI – "); two capitals or an outlet's word that no
    region is named ("LM – ", "FAKTA – "); an outlet's name in capitals before a known
    region ("MATA NUSA, JAYAPURA – "); a place before its province ("Tembilahan, RIAU –
    "); a word an outlet names itself with before its domain ("KENDARIPOS.FAJAR.CO.ID --
    Lead")."""
    text, place, rest = found.text, found.place, found.rest
    if text[-1:] == "-" and text[-2:-1].isalnum() and (tail := DOMAIN_TAIL.match(rest)):
        agency = f"{found.agency}-{tail.group(0).rstrip()}" if found.agency else None
        if agency and DOMAIN.fullmatch(agency):
            rest = rest[tail.end() :]
            return replace(found, agency=agency, text=text + tail.group(0).rstrip(), rest=rest)
    if rest[:2] == ". " and text[-1:] in "-–—":
        found = replace(found, text=f"{text} .", rest=rest[2:])  # "OKUT, OUTLET - . Warga ..."
        text, rest = found.text, found.rest
    if place is None:
        return found
    if found.weak and not found.agency and (dashed := DOMAIN_DASH.match(rest)):
        # "PADANG, OUTLET.ID--Komisi ...": the outlet and its dash after the place's comma
        text = f"{text} {dashed.group(0).rstrip()}"
        return replace(
            found, agency=dashed["agency"], text=text, rest=rest[dashed.end() :], weak=False
        )
    if (
        found.weak
        and found.agency
        and "." in found.agency
        and (inner := match_dateline(rest, strong_only=True, after_outlet=True))
        and inner.place
        and is_region(inner.place)
    ):
        # "OUTLET WORD.COM, KENDARI – ...": an outlet's name in two words, then the place
        agency = text.rstrip(", ")
        return replace(inner, agency=agency, text=f"{text} {inner.text}")
    agency = found.agency
    if " " not in place and not is_region(place):
        if len(place) == 2 and place.isupper() and agency is None:
            return replace(found, place=None, agency=place)  # "KB – ": an outlet's initials
        if agency is None and _outlet_word(place):
            return replace(found, place=None, agency=place)  # "FAKTA – ": an outlet's name
    if (
        agency
        and place.isupper()
        and " " not in agency
        and place.split()[0].casefold() not in _PLACE_HEADS  # "DESA X, TUBAN": a village
        and is_region(agency)
        and not is_region(place)
    ):
        # "OUTLETKU, BALIKPAPAN-", "MATA NUSA, JAYAPURA –": the outlet's name, then the
        # place (a village's name before its regency's is written as a name:
        # "Sidomakmur, Tuban –")
        return replace(found, place=agency, agency=place)
    if (
        agency
        and _is_province(place)
        and text.startswith(agency + ",")
        and "." not in agency
        and not is_outlet(agency)
    ):
        return replace(found, place=agency, agency=None)  # "Tembilahan, RIAU – ": a province
    if (
        found.agency
        and text[len(place) : len(place) + 1] == "."
        and _outlet_glued(place)
        and not is_region(place)
    ):
        return replace(found, place=None, agency=f"{place}.{found.agency}")
    return found


# A known place, then its office's team named without brackets, closed by a full stop,
# glued or not: "Muara Enim Tim News Room Kominfo. Bupati ...", "Kota X Humas Setda.Wali".
PLACE_OFFICE_STOP: Final = re.compile(
    r"(?P<place>[A-Z][\w'’-]*(?:\ [A-Z][\w'’-]*){0,2}?)"
    r"\ (?P<office>(?:Tim|TIM|Humas|HUMAS|Kominfo|KOMINFO|Diskominfo|Prokopim|MC)"
    r"(?:\ [A-Z][\w]*){0,5})\.\ ?(?=[A-Z\"“])"
)


def _place_office_stop(line: str, min_words: int) -> Dateline | None:
    """A dateline of a known place and its office's team closed by a full stop
    (PLACE_OFFICE_STOP); the place must be one the regions' table knows."""
    match = PLACE_OFFICE_STOP.match(line, 0, 90) if line[:1] in _CAPITALS else None
    if match is None or not is_region(match["place"]):
        return None
    rest = line[match.end() :]
    if fewer_words(rest, min_words):
        return None
    return Dateline(match["place"], match["office"], None, match.group(0).strip(), rest)


# A dash of which a page kept only the first byte's character: "PLACE â Lead ..." (the
# UTF-8 bytes of "–" read as Latin-1 are "â", then two control characters, lost; read as
# the Thai code page, "โ" and two characters it has none for).
MANGLED_DASH: Final = re.compile(r"(?<=\w) [âโ] (?=\w)")
# A place and a date in brackets opening the lead: "(Bontang, 9 Januari 2018). ".
BRACKETED: Final = re.compile(
    r"\((?P<place>[^(),]{2,40}?)(?:,\ |\ [-–—]\ )(?P<date>[^()]{6,30})\)(?:[.,]?\s+|\ [-–—]\ +)"
)  # "(Bontang, 9 Januari 2018). ", "(Pangkalpinang - 21 Juni 2022) - "
# The same in square brackets, maybe of two places: "[Aceh Tengah & Aceh Timur, 28 Agustus
# 2024] Dalam rangka ...".
SQUARE_BRACKETED: Final = re.compile(
    r"\[\ ?(?P<place>[^\[\],]{2,60}),\ (?P<date>[^\[\]]{6,30}?)\ ?\][.,]?\s+(?=[A-Z\"“])"
)


# An outlet's or office's tag in brackets and a dash opening the lead, no place:
# "(wartaKominfo) – Kepala ...", "(Humas) - Bupati ...", and before a lead in lower case
# when the tag is one word with a capital inside: "(WartaKominfo) – kecepatan ...".
BRACKETED_TAG: Final = re.compile(
    r"\((?P<agency>[A-Za-z][\w.&]*(?:\ [\w.&]+){0,2})\)\ ?[-–—]+\ +(?=[A-Za-z\"“])"
)
# A tag of one word with a capital inside it: "WartaKominfo", "InfoPublik".
CAMEL_TAG: Final = re.compile(r"[A-Za-z][a-z]+[A-Z]\w+")


def _bracketed(line: str, min_words: int) -> Dateline | None:
    """A dateline of a place and a date in brackets (BRACKETED, SQUARE_BRACKETED), or an
    agency's tag alone in brackets before a dash (BRACKETED_TAG)."""
    if line[:1] == "[":
        match = SQUARE_BRACKETED.match(line)
        if match is None:
            return None
        places = match["place"].split(" & ")
        if not places or not all(map(_is_place, places)) or not _is_date(match["date"]):
            return None
        rest = line[match.end() :]
        if fewer_words(rest, min_words):
            return None
        return Dateline(match["place"], None, match["date"], match.group(0).strip(), rest)
    match = BRACKETED.match(line)
    if match is None and (tag := BRACKETED_TAG.match(line)):
        rest = line[tag.end() :]
        if fewer_words(rest, min_words) or (
            rest[:1].islower() and not CAMEL_TAG.fullmatch(tag["agency"])
        ):
            return None
        return Dateline(None, tag["agency"], None, tag.group(0).strip(), rest)
    if match is None or not _is_place(match["place"]) or not _is_date(match["date"]):
        return None
    rest = line[match.end() :]
    if fewer_words(rest, min_words):
        return None
    return Dateline(match["place"], None, match["date"], match.group(0).strip(), rest)


# A place and a comma after an outlet's name and its dash, then the lead's first word:
# "djonews.com – Semarang, Pada Senin ...", or a place of one word (or in capitals) and a
# full stop: "outlet.com – Medan. Gubernur ...", or a second dash: "OutletNews - Kuala
# Kapuas - Bupati ...".
PLACE_AFTER_OUTLET: Final = re.compile(rf"(?P<place>{_PLACE})(?P<mark>[,.]|\ [-–—])\s+(?=[A-Z])")
CAPS_PLACE_AFTER_OUTLET: Final = re.compile(r"(?P<place>[A-Z]{3,}(?:\ [A-Z]{3,})?)\ (?=[A-Z][a-z])")


def _place_after_outlet(rest: str) -> tuple[str, str, str] | None:
    """``(place, its text, the rest of the lead)`` when the lead after an outlet opens
    with a place and a comma (or a full stop)."""
    match = PLACE_AFTER_OUTLET.match(rest) if rest[:1] in _CAPITALS else None
    caps = CAPS_PLACE_AFTER_OUTLET.match(rest) if match is None and rest[1:2] in _CAPITALS else None
    if caps and is_region(caps["place"]):
        # "Outlet–MAKASSAR Wakil Wali Kota ...": a known place in capitals, no mark after it
        return caps["place"], caps["place"], rest[caps.end() :]
    if match is None or not _is_place(match["place"]) or match["place"].casefold() in PROVINCES:
        return None
    if match["mark"] == "." and not _dot_prefix(match["place"]) and " " in match["place"]:
        return None  # "Kota Baru. " ends a sentence as often as it names a place
    return match["place"], match.group(0).strip(), rest[match.end() :]


# An outlet's domain and a spaced dash, after the place's dash ("Sangatta - x.news - ") or
# bar ("SALATIGA | Outlet.com – "), or after the same domain ("x.go.id - x.go.id - ").
DOMAIN_THEN_DASH: Final = re.compile(r"(?P<agency>[A-Za-z][\w-]*(?:\.[a-z]{2,})+)\ [-–—]\ +")
# A place glued by its comma to an outlet's domain, then a comma: "PALU,outlet.id, H. X".
PLACE_GLUED_DOMAIN: Final = re.compile(
    rf"(?P<place>{_PLACE}),(?P<agency>[a-z][\w-]*(?:\.[a-z]{{2,}})+),\ +(?=[A-Z\"“])"
)


def _place_glued_domain(line: str, min_words: int) -> Dateline | None:
    """PLACE_GLUED_DOMAIN: a comma glued to a lower-case letter opens the outlet."""
    comma = line.find(",", 0, 40)
    if comma < 0 or not line[comma + 1 : comma + 2].islower():
        return None
    match = PLACE_GLUED_DOMAIN.match(line)
    if match is None or not _is_place(match["place"]) or not DOMAIN.fullmatch(match["agency"]):
        return None
    rest = line[match.end() :]
    if fewer_words(rest, min_words):
        return None
    return Dateline(match["place"], match["agency"], None, match.group(0).strip(), rest)


# An outlet's domain in lower case, maybe with a comma, after the place's comma:
# "KENDARI, outlet.id, Wali Kota ...", "Banjarmasin, outlet.com Pada Selasa ...".
DOMAIN_THEN_COMMA: Final = re.compile(r"(?P<agency>[a-z][\w-]*(?:\.[a-z]{2,})+),?\ +(?=[A-Z\"“])")
# A place in capitals, two slashes, an outlet's name and a hyphen glued to the lead's first
# word: "PALI//Linksumsel-Dalam ...".
PLACE_SLASHES_OUTLET: Final = re.compile(
    r"(?P<place>[A-Z]{2,}(?:\ [A-Z]{2,}){0,2})\ ?//\ ?"
    r"(?P<agency>[A-Za-z][\w.]{2,30})\ ?[-–—]\ ?(?=[A-Z])"
)
# The same domain in brackets, the lead after it: "GORONTALO, (kemenag.go.id) Kepala ...".
BRACKETED_DOMAIN_THEN_LEAD: Final = re.compile(
    r"\((?P<agency>[a-z][\w-]*(?:\.[a-z]{2,})+)\)\ +(?=[A-Z\"“])"
)
# A weekday and a date closed by a full stop or a dash after the place's comma or dash:
# "Kamis 3/10/13. ", "Senin, 22 Oktober 2018. ", "Senin (22/10/2018). ", "Senin,
# 13 Oktober 2025 – ".
WEEKDAY_DATE_STOP: Final = re.compile(
    r"(?:(?P<day>[A-Z][a-z’']{3,6}),?\ )?(?P<open>\()?"
    r"(?P<date>\d[\d/.-]{2,9}|\d{1,2}\ [A-Z][a-z]{2,8}\ \d{4})(?(open)\))"
    r"(?:\.|\ ?(?P<dash>[-–—]{1,2}))\ +(?=[A-Z])"
)


# The first two letters of each weekday's name (see _weekday_date_stop).
_WEEKDAY_HEADS: Final = frozenset(day[:2] for day in WEEKDAYS)


# A province after the place's comma, and a comma or a stop of its own: "Palu, Sulawesi
# Tengah, ", "Palu, Sulawesi Tengah. Gubernur ...".
PROVINCE_AFTER: Final = re.compile(rf"(?P<name>{_PLACE})[,.]\s+(?=[A-Z\"“])")
# The bar or dash closing a province after the place's dash: "| BIMA - NTB | Lead".
PROVINCE_BAR: Final = re.compile(r"\s?[|–—-]\s+(?=[A-Z\"“])")
PROVINCE_BAR_WITHIN: Final = 30  # characters: a province's name, or its short name, is short


def _after_province_bar(rest: str) -> int:
    """Where the lead starts after a province and its bar or dash opening `rest` ("NTB |
    Upaya ..."), or 0. Most leads hold no bar or dash in their first words: one search
    for the marks spares them the pattern."""
    mark = _BAR_MARK.search(rest, 2, PROVINCE_BAR_WITHIN)
    if mark is None:
        return 0
    at = mark.start()
    bar = PROVINCE_BAR.match(rest, at - 1 if rest[at - 1] == " " else at)
    return bar.end() if bar and _is_province(rest[: bar.start()]) else 0


_BAR_MARK: Final = re.compile(r"[|–—-]")


def _weekday_date_stop(rest: str) -> tuple[str, str] | None:
    """``(date, the rest of the lead)`` when the lead after a place's comma or dash opens
    with a weekday and a date closed by a full stop or a dash, or with a date in words
    alone (WEEKDAY_DATE_STOP)."""
    # The day opens `rest` in ASCII letters (or an apostrophe after them): its first two
    # characters, lowered, open a weekday's name; else a date in words opens it with a
    # digit. Most leads open otherwise ("Kepala").
    if rest[:2].lower() not in _WEEKDAY_HEADS and not rest[:1].isdecimal():
        return None
    match = WEEKDAY_DATE_STOP.match(rest)
    if match is None:
        return None
    if match["day"] is None:
        # No weekday: the date in words only ("Banjarnegara — 06 Januari 2026. "), as a
        # number closed by a stop may be a count ("2.418. "); before a dash, a date with
        # slashes too ("Kendari – 13/10/2025 – ").
        if match["open"] or (
            " " not in match["date"] and not (match["dash"] and "/" in match["date"])
        ):
            return None
    elif match["day"].casefold() not in WEEKDAYS:
        return None
    if _is_date(match["date"]):
        return match["date"], rest[match.end() :]
    return None


def _dot_prefix(prefix: str) -> bool:
    """What may stand before a full stop closing a dateline: capitals, or a date (maybe
    in brackets: "Surabaya, (23/05/2022). "), or an agency in brackets after a place of
    one word ("Banggai (Kemenag Sulteng). ")."""
    return (
        prefix.isupper()
        or prefix.rstrip(")")[-1:].isdecimal()
        or (prefix[-1:] == ")" and BRACKETED_AFTER_WORD.fullmatch(prefix) is not None)
    )


# A place of one word and an agency in brackets: "Banggai (Kemenag Sulteng)".
BRACKETED_AFTER_WORD: Final = re.compile(r"[A-Z][a-z]+\ \([A-Z][^()]{1,40}\)")


def _after_separator(
    line: str,
    head: str,
    separator: re.Pattern[str],
    strict: bool,
    min_words: int,
    after_outlet: bool = False,
) -> Dateline | None:
    """The first separator of one kind in `head` after which `line` reads as a dateline."""
    for sep in separator.finditer(head):
        prefix = line[: sep.start()]
        if len(prefix.rstrip()) > 80:
            # parse_prefix() takes at most 80 characters, and the line opens with a
            # capital (no space to strip): no later separator can have a prefix it takes.
            break
        if strict and line[sep.start()] == "." and " " in prefix and not _dot_prefix(prefix):
            continue  # a sentence's end: only a place in capitals, one word or a date
        if not strict and "-" in prefix and sep.group(0) == "-" and prefix[-1:].isalnum():
            continue  # "Place-Outlet.com-Text": _place_hyphen_agency() reads it
        parsed = parse_prefix(prefix)
        if parsed is None:
            continue
        place, agency, date_text = parsed
        end = sep.end()
        rest = line[end:]
        if strict:
            mark = sep.group(0).strip()
            if place is None and mark == "." and date_text and not agency:
                # "Jumat, 29 Juni 2018. Pengadilan ...": a date opening the lead, no place
                if fewer_words(rest, min_words + 2):
                    continue
                return Dateline(None, None, date_text, line[: sep.end()].strip(), rest, weak=True)
            # Before a colon, a place in capitals or one the regions' table knows
            # ("Bontang: "); before a spaced colon, an outlet's or the table's place:
            # "RESKAL : Kepala ..." is a caption's label, "OUTLET.Com, PLACE : " and
            # "BONTANG : " are datelines.
            if place is None and mark == ":" and agency and office_alone(agency):
                if fewer_words(rest, min_words + 2) or not rest[:1].isupper():
                    continue
                # "DISKOMINFOSAN : Untuk ...": the issuing office, no place
                return Dateline(None, agency, None, line[: sep.end()].strip(), rest)
            if (
                place is None
                and mark == ","
                and agency
                and not date_text
                and "." in agency
                and rest[:1].isupper()
                and DOMAIN.fullmatch(agency)
                and not fewer_words(rest, min_words + 2)
                and not _SEPARATOR_MARK.search(rest, 0, 40)  # "Outlet.Com, PLACE : "
            ):
                # "Outlet.polri.go.id, Pasca pemungutan ...": the outlet, no place
                return Dateline(None, agency, None, line[: sep.end()].strip(), rest, weak=True)
            if place is None or (
                mark == ":" and not place.replace(" ", "").isupper() and not is_region(place)
            ):
                continue
            spaced = sep.group(0)[0].isspace()
            if mark == ":" and spaced and agency is None and not is_region(place):
                continue
            if mark == "." and not (
                date_text or place.replace(" ", "").isupper() or " " not in place
            ):
                continue  # "SAMARINDA. ", "Paser. ", "Kota Baru, 5 Mei 2022. ", not "Kota Baru. "
            # "Mukomuko (Inmas), ", "KENDARI, outlet.id, ": an agency the comma may follow
            bracketed = prefix.rstrip().endswith(")") or (
                agency is not None
                and (
                    (agency.isupper() and prefix.endswith(f"{place} {agency}"))
                    or f"{agency}-{place}" in prefix
                    or f"{place}-{agency}" in prefix
                )
            )  # "Ambon PPID, ", "MC-SINJAI, ": the office with the place, as in brackets
            if (
                mark == ","
                and agency is None
                and (
                    # "KENDARI, outlet.id, Lead", and "GORONTALO, (kemenag.go.id) Lead"
                    (
                        rest[:1].islower()
                        and (domain := DOMAIN_THEN_COMMA.match(rest))
                        and DOMAIN.fullmatch(domain["agency"])
                    )
                    or (rest[:1] == "(" and (domain := BRACKETED_DOMAIN_THEN_LEAD.match(rest)))
                )
            ):
                agency, rest, bracketed = domain["agency"], rest[domain.end() :], True
                end = len(line) - len(rest)
            if mark == "," and (
                not rest[:1].isupper() or ((agency or date_text) and not bracketed)
            ):
                continue  # "Mukomuko (Inmas), Senin ..." is one, "Samarinda, Maqnaia, " not
        elif rest[:1] in _DASHES and rest[1:2] == " ":
            rest = rest[2:].lstrip()  # a doubled dash: "Biak, outlet.com – – Gubernur ..."
            end = len(line) - len(rest)
        elif (
            agency is not None
            and rest.startswith(agency)
            and (domain := DOMAIN_THEN_DASH.match(rest))
            and domain["agency"] == agency
        ):
            rest = rest[domain.end() :]  # the outlet printed twice: "x.go.id - x.go.id - "
            end = len(line) - len(rest)
        elif (
            agency is None
            and (rest[:1].islower() or (sep.group(0).strip() == "|" and "." in rest[:40]))
            and (domain := DOMAIN_THEN_DASH.match(rest))
            and DOMAIN.fullmatch(domain["agency"])
        ):
            agency, rest = domain["agency"], rest[domain.end() :]  # "Sangatta - x.news - ",
            # "SALATIGA | Outlet.com – "
            end = len(line) - len(rest)
        if (
            date_text is None
            and (rest[:1].isupper() or rest[:1].isdecimal())
            and (sep.group(0)[0] == "," if strict else sep.group(0).strip()[:1] in _DASHES)
            and (dated := _weekday_date_stop(rest))
        ):
            # "Tenggarong, Kamis 3/10/13. Bupati ...", "Purwodadi - Senin, 22 Oktober 2018. "
            date_text, rest = dated
            end = len(line) - len(rest)
        if (
            strict
            and place is not None
            and sep.group(0)[0] == ","
            and (province := PROVINCE_AFTER.match(rest))
            and province["name"].casefold() in PROVINCES
        ):
            rest = rest[province.end() :]  # "Palu, Sulawesi Tengah, Bappeda ..."
            end = len(line) - len(rest)
        elif (
            not strict
            and place is not None
            and rest[:1].isupper()
            and (after := _after_province_bar(rest))
            and not _is_province(place)
        ):
            rest = rest[after:]  # "| BIMA - NTB | Upaya ...": the province
            end = len(line) - len(rest)
        rest, agency, unit = _unit_after(rest, agency, strict and line[sep.start()] == ",", place)
        if place is None and agency and not strict:
            if placed := _place_after_outlet(rest):
                place, unit, rest = placed  # "djonews.com – Semarang, Pada Senin ..."
            elif not after_outlet and (inner := _dateline_after_outlet(rest)) is not None:
                # "Outlet.id – Kendari, 22 Agustus 2025 – Polda ...", "Outlet – Singaraja,- "
                place, date_text, unit, rest = inner.place, inner.date_text, inner.text, inner.rest
        elif (
            not strict
            and not after_outlet
            and place is not None
            and agency is None
            and date_text is None
            and (
                " " not in place
                or _is_province(place.rsplit(None, 1)[-1])
                or sep.group(0).strip() == "|"  # "LINTAS OUTLET | BANDA ACEH - "
            )
            and _dash_early(rest)
            and not is_region(place)
            and (inner := _dateline_after_outlet(rest)) is not None
            and inner.place is not None
            and is_region(inner.place)
        ):
            # "Outletname – Gorontalo – Badan ...": one word no region knows (or words
            # ending with a province's short name, "Sapa Kalteng", or before a bar), then
            # a known place and its own dash: the outlet, then the dateline.
            agency, place, date_text = place, inner.place, inner.date_text
            unit, rest = inner.text, inner.rest
        elif (
            not strict
            and not after_outlet
            and agency is not None
            and sep.group(0).strip() == "|"
            and DOMAIN.fullmatch(outlet := prefix.strip())
            and place is not None
            and not is_region(place)
            and (inner := _dateline_after_outlet(rest)) is not None
            and inner.place is not None
            and (is_region(inner.place) or names_district(inner.place))
        ):
            # "OUTLET.NEWS | CILEUNYI – ": the outlet's domain read as "PLACE.OUTLET",
            # then a known place or a district's name and its own dash
            agency, place, date_text = outlet, inner.place, inner.date_text
            unit, rest = inner.text, inner.rest
        if fewer_words(rest, min_words + 2 if strict else min_words):
            continue
        text = line[:end].rstrip() + (" " + unit.strip() if unit else "")
        return Dateline(place, agency, date_text, text.strip(), rest, weak=strict)
    return None


def _dash_early(rest: str) -> bool:
    """A dash in the first 40 characters: where a second dateline's separator would be."""
    head = rest[:40]
    return "-" in head or "–" in head or "—" in head


def _dateline_after_outlet(rest: str) -> Dateline | None:
    """A whole dateline with its place opening the lead after an outlet's dash, before a
    strong separator of its own ("Kendari, 22 Agustus 2025 – ", "Singaraja,- ")."""
    if rest[:1] not in _CAPITALS:
        return None
    inner = match_dateline(rest, strong_only=True, after_outlet=True)
    if inner is None or inner.place is None or inner.agency is not None:
        return None
    return inner


# The last resort for a lead that no shape above reads (see region_opening): a separator
# in the lead's first 70 characters, and before it a few words holding a known place.
_ANY_SEPARATOR: Final = re.compile(r"\s*(?:[-–—]{1,3}|\|{1,2}|[;.:]\s?[-–—]|:)\s+")
# An outlet's domain and a separator after the dateline: "Dumai - Outlet.com | Pemerintah".
_DOMAIN_AFTER: Final = re.compile(r"(?P<domain>[\w-]+(?:\.[\w-]+)+)\s*(?:\|{1,2}|[-–—]{1,2})\s+")
_PREFIX_WORDS: Final = re.compile(r"[^\s,./_()|\[\]\-–—]+")


# A known place glued to the lead's first word, in Title Case: "GorontaloPeringatan ...".
CAMEL_GLUED_PLACE: Final = re.compile(
    r"(?P<place>[A-Z][a-z]+(?:\ [A-Z][a-z]+)?)(?=[A-Z][a-z]{2,}\ )"
)


def glued_opening(line: str) -> Dateline | None:
    """A dateline whose place the regions' table knows, glued to the lead's first word
    without a space or mark (CAMEL_GLUED_PLACE). Tried, as region_opening(), only when no
    other shape reads the lead."""
    match = CAMEL_GLUED_PLACE.match(line)
    if match is None or not is_region(match["place"]):
        return None
    rest = line[match.end() :]
    if fewer_words(rest, 8) or is_outlet(rest.split(None, 1)[0]):
        return None
    return Dateline(match["place"], None, None, match["place"], rest)


# The words that follow a regency's name in its districts' and towns' names: "Kampar
# Kiri", "Kampar Kiri Hulu", "Sorong Selatan": part of the place, not an outlet.
PLACE_TAILS: Final = frozenset((
    "utara", "selatan", "timur", "barat", "tengah", "kiri", "kanan", "hulu", "hilir",
    "ilir", "ulu", "atas", "bawah", "baru", "raya", "pesisir", "seberang", "laut", "darat",
))  # fmt: skip


def _with_tails(prefix: str, place: str, following: list[str]) -> str:
    """`place` with the PLACE_TAILS words that follow it in `prefix`, one space apart."""
    for word in following:
        if word.casefold() not in PLACE_TAILS or f"{place} {word}" not in prefix:
            break
        place = f"{place} {word}"
    return place


def region_opening(line: str) -> Dateline | None:
    """A dateline found by its place alone: the lead opens with a few words, one to three
    of them a province, regency or city the regions' table knows, then a separator
    ("Masohi,Outlet.- ", "Kolaka_Outlet-RI.com- ", "REL, Pagaralam - "). Tried only when
    no other shape reads the lead: the place is what makes it a dateline."""
    for sep in _ANY_SEPARATOR.finditer(line, 3, 70):
        prefix, rest = line[: sep.start()], line[sep.end() :]
        words = _PREFIX_WORDS.findall(prefix)
        if not words or len(words) > 6 or words[0].casefold() in NOT_A_PLACE:
            return None
        if (not rest[:1].isupper() and rest[:1] not in '"“') or fewer_words(rest, 8):
            continue  # a lead opens with a capital and runs on
        if any(w[:1].islower() and "." not in w for w in prefix.split()):
            return None  # a sentence's words, not a dateline's
        if "." not in prefix and is_outlet(prefix.strip(" ,")):
            return None  # an outlet named after its city: "Bontang Post - "
        if prefix.rstrip(" ,").lower().endswith(".go.id"):
            return None  # an office's own address names the office: "pn-x.go.id – "
        if "_" not in prefix and prefix.isupper() and DOMAIN.fullmatch(prefix.strip(" ,")):
            return None  # an outlet's address names its city: "PLACE-OUTLET.CO.ID - "
        if office_alone(prefix.strip(" ,")):
            return None  # an office named after its place: "Humas Kebumen - "
        for size in (3, 2, 1):
            for at in range(len(words) - size + 1):
                name = " ".join(words[at : at + size])
                if is_region(name) and not office_alone(name):
                    where = prefix.find(words[at])
                    place = prefix[where : where + len(name)] if where >= 0 else name
                    if " ".join(place.split()) != name:
                        place = name  # the words stood apart by other marks
                    place = _with_tails(prefix, place, words[at + size :])
                    bare = prefix.replace(place, " ", 1).strip(" ,.;:_-–—|()")
                    agency = " ".join(bare.split()) or None
                    end = sep.end()
                    domain = _DOMAIN_AFTER.match(rest)
                    if domain and DOMAIN.fullmatch(domain["domain"]):
                        agency = " ".join(filter(None, (agency, domain["domain"])))
                        rest, end = rest[domain.end() :], end + domain.end()
                    return Dateline(place, agency, None, line[:end].rstrip(), rest)
        return None
    return None


# What opens a lead before (or instead of) its place, in shapes no other rule reads: an
# outlet's domain before a mark (a spaced comma, a colon, a full stop, a capital I for a
# bar, a space before the lead) or glued in capitals to the lead's first word
# ("OUTLET.COM: KENDARI Pemerintah ...", "Outlet.Com I Makassar – ...", "OUTLET.CO.ID
# ,Bandung. Gubernur ...", "OUTLET.COMSulawesi Tengah hari ini ..."); an outlet's name in
# capitals glued to it ("OUTLETNAMEGubernur"); a lone dash. Read with no dateline found
# (outlet_opening(), where a known place may follow) and after a dateline
# (outlet_after_dateline()); a code or an office's word before a hyphen ("ON-",
# "Prokopim-"), a unit before a colon and an office's name before a stop ("Humas X. ")
# only after one, an outlet's Title Case name before dashes and a site's lower-case tag
# only with none.
OUTLET_OPENING: Final = re.compile(
    r"""(?x)
    (?P<outlet>[A-Z0-9][A-Z0-9-]{1,30}\.(?:CO\.ID|COM|CO|ID|NET|NEWS))(?=[A-Z][a-z])
    | (?P<domain>[A-Za-z0-9][\w-]{1,30}(?:\.[A-Za-z]{2,4}){1,2})
      (?P<mark>\ ?[,:.|]\ ?|\ I\ |\ (?=[A-Z][a-z]+\ [a-z])  # "outlet.co Untuk menjalin"
      |\ (?=\d{1,2}\ [A-Z][a-z]+\ \d{4}\ ))          # "outlet.com 10 September 2025 – "
    | (?P<caps>[A-Z][A-Z0-9_]{2,20}(?:\ [A-Z0-9_]{1,10})?[A-Z0-9])(?=[A-Z][a-z]{2,}\ )
                                                  # "OUTLETNAMEGubernur", "DUTA TVJajaran"
    | (?P<dash>[-–—]\ ?)(?=[A-Z][a-z])             # "-Bupati X ...": a dash, no dateline
    | (?P<code>[A-Z]{2,3}|[A-Z][a-z]{3,15})-(?=[A-Z][a-z]{3,})  # "Place, ON-Menindaklanjuti",
                                                  # "PLACE, Prokopim-Musyawarah ..."
    | (?P<gluedlow>[a-z][\w-]{1,30}\.(?:co\.id|com|id|net|co))(?=[A-Z][a-z])  # "x.idGubernur"
    | (?P<office>(?:Humas|HUMAS|Tim|TIM|Prokopim|Diskominfo|Kominfo)(?:\ [A-Z][\w]{1,20}){1,3})
      \.\ (?=[A-Z][a-z])                            # "Place – Humas BRIN. Kepala ..."
    | (?P<unit>[A-Z]{2,}(?:\ [A-Z]{2,}){1,5})\ ?:\ (?=[A-Z][a-z])  # "MEDIA CENTER X : Dalam"
    | (?P<named>[A-Z][a-z]{4,30})\ ?[-–—]{1,2}\ ?(?=[A-Z][a-z])      # "Outletonline-- Anggota"
    | (?P<tag>[a-z]{6,30})-(?=[A-Z][a-z])             # "wartadesaname-Badan ...": a site's tag
    """
)
# A known place opening what follows the outlet: in square brackets ("[ Tual ] "), before
# a mark ("Bandung. ", "Makassar – ", "Kupang-Dalam ...") or, in capitals, before the
# lead's first word ("KENDARI Pemerintah ...").
PLACE_OPENING: Final = re.compile(
    rf"""(?x)
    \[\ ?(?P<bracketed>{_PLACE})\ ?\]\ (?=[A-Z])
    | (?P<marked>{_PLACE}?)(?:\ ?[.,:]\ |\ ?[-–—]{{1,2}}\ ?)(?=[A-Z"“])
    | (?P<caps>[A-Z]{{3,}}(?:\ [A-Z]{{3,}})?)\ (?=[A-Z][a-z])
    """
)
# A place, then an outlet's domain or its name in brackets after a date of digits, and
# the lead with no separator: "Banyuwangi outlet-x.com Hari ...", "Kasongan, 18/06/2020
# (Outlet News). Meskipun ...", "WARTA X [ Tual ] Personel ...", "PANDEGLANG . Pemerintah".
PLACE_OUTLET_LEAD: Final = re.compile(
    rf"""(?x)
    (?P<place1>{_PLACE})(?:,\ ?|\ )(?P<domain>[a-z][\w-]{{1,30}}(?:\.[a-z]{{2,4}}){{1,2}})
      (?:\ ?(?P<mark1>[|:]|_{{1,2}})\ ?|\ |(?=[A-Z][a-z]))  # "Singaraja, outlet.com| Badan",
                                                      # "Place,outlet.com__Gubernur"
    | (?P<place2>{_PLACE}),\ (?P<date>\d{{1,2}}/\d{{1,2}}/\d{{2,4}})
      \ \((?P<named>[A-Z][^()]{{1,30}})\)[.,]?\ (?=[A-Z"“])
    | (?P<name>[A-Z][A-Za-z.]*(?:\ [A-Z][A-Za-z.]*){{0,2}})
      \ \[\ ?(?P<place3>{_PLACE})\ ?\]\ (?=[A-Z])
    | (?P<place4>[A-Z]{{3,}}(?:\ [A-Z]{{3,}}){{0,2}})\ \.\ (?=[A-Z])
    | (?P<place5>[A-Z]{{3,}}(?:\ [A-Z]{{3,}})?)\ (?=[A-Z][a-z]+\ )
    | (?P<place6>[A-Z][a-z]+(?:\ [A-Z][a-z]+)?)_(?P<office>[A-Z][A-Za-z]{{1,20}}),?\ (?=[A-Z])
                                                    # "Mataram_Inmas, Salah satu ..."
    """
)


# A known place glued by a hyphen to the lead after an outlet: "Outlet.com, Minahasa-Bupati".
HYPHEN_PLACE: Final = re.compile(r"(?P<place>[A-Z][a-z]{2,}(?:\ [A-Z][a-z]{2,})?)-(?=[A-Z][a-z])")


def place_opening(rest: str) -> tuple[str, str, str] | None:
    """``(place, its text, the rest of the lead)`` when `rest`, the lead after an outlet,
    opens with a place the regions' table knows (PLACE_OPENING)."""
    match = PLACE_OPENING.match(rest)
    if match is None:
        return None
    place = match["bracketed"] or match["marked"] or match["caps"]
    if (
        place
        and "-" in place
        and (hyphened := HYPHEN_PLACE.match(rest))
        and is_region(hyphened["place"])
    ):
        match, place = hyphened, hyphened["place"]  # "Minahasa-Bupati ...": glued by a hyphen
    if not place or not (is_region(place) or place.casefold() in _PROVINCE_SHORTS):
        return None
    if fewer_words(rest[match.end() :], 8):
        return None
    return place, match.group(0).strip(), rest[match.end() :]


def place_under_province(dateline: Dateline) -> Dateline | None:
    """The dateline with its place narrowed when a province's name stands before the
    separator and a known regency or city and its comma after it: "Outlet.co.id Bali –
    Klungkung, Berlokasi di ..." gives Klungkung."""
    if not (dateline.place and dateline.rest and _is_province(dateline.place)):
        return None
    match = PLACE_AFTER_OUTLET.match(dateline.rest) if dateline.rest[:1] in _CAPITALS else None
    if match is None or match["mark"] != "," or not is_region(match["place"]):
        return None
    after = dateline.rest[match.end() :]
    if is_region(after.split(",", 1)[0].split(" dan ", 1)[0]):
        return None  # "KALTIM – Balikpapan, Samarinda dan Bontang ...": a list of places
    text = f"{dateline.text} {match.group(0).strip()}"
    return replace(dateline, place=match["place"], text=text, rest=dateline.rest[match.end() :])


def glued_place(rest: str) -> tuple[str, str] | None:
    """``(place, the lead after it)`` when `rest`, the lead after an outlet's name glued
    to a dash ("Kitasulsel–Makassar Kepala Bidang ..."), opens with a place the regions'
    table knows, one to three words, then a space and a capitalised word."""
    words = rest.split(" ", 4)[:4]
    for count in (3, 2, 1):
        if len(words) <= count or not words[count][:1].isupper():
            continue
        place = " ".join(words[:count])
        if place[:1].isupper() and is_region(place):
            lead = rest[len(place) + 1 :]
            return None if fewer_words(lead, 8) else (place, lead)
    return None


# A site's address opening the lead, closed by a mark or a dash: "https://outlet.com. ",
# "http://www.office.go.id/ – ".
ADDRESS_OPENING: Final = re.compile(
    r"https?://(?P<domain>[\w-]+(?:\.[\w-]+)+)/?(?:[.:,]|\ ?[–—-])?\ +(?=[A-Z\"“])"
)


def outlet_opening(line: str) -> Dateline | None:
    """The last resort after region_opening(): a lead opening with an outlet's domain and
    a mark no other shape reads, or a place and an outlet's name or domain with no
    separator before the lead (OUTLET_OPENING, PLACE_OUTLET_LEAD). Without a known place
    after it, the outlet alone is the dateline."""
    if line[:2] == "??" and (found := match_dateline(line.lstrip("?"))):
        # "????outlet.go.id – ": the marks of characters a page lost, then the dateline
        return replace(found, text=line[: len(line) - len(line.lstrip("?"))] + found.text)
    if line[:4] == "http" and (address := ADDRESS_OPENING.match(line)):
        # "https://tribratanews.x.polri.go.id. Dekatkan ...": the site's address, then the lead
        rest = line[address.end() :]
        if fewer_words(rest, 8):
            return None
        return Dateline(None, address["domain"], None, address.group(0).strip(), rest)
    if (match := OUTLET_OPENING.match(line)) and (
        match["code"] or match["unit"] or match["office"]
    ):
        return None  # "ON-Menindaklanjuti", "UNIT NAME : ", "Humas X. ": after a dateline
    if match and (match["named"] or match["tag"]):
        name = match["named"] or match["tag"]
        rest = line[match.end() :]
        if (not match["tag"] and not is_outlet(name)) or fewer_words(rest, 8):
            return None
        return Dateline(None, name, None, match.group(0).strip(), rest)
    if match and (match["caps"] or match["dash"]):
        rest = line[match.end() :]
        if fewer_words(rest, 8):
            return None
        if match["caps"] and is_region(match["caps"]):
            return Dateline(match["caps"], None, None, match["caps"], rest)  # "MEDANGubernur"
        return Dateline(None, match["caps"], None, match.group(0).strip(), rest)
    if match and DOMAIN.fullmatch(
        outlet := match["outlet"] or match["domain"] or match["gluedlow"]
    ):
        rest = line[match.end() :]
        if opened := place_opening(rest):
            place, text, rest = opened
            return Dateline(place, outlet, None, f"{match.group(0)}{text}".strip(), rest)
        if rest[:1] in _CAPITALS and not fewer_words(rest, 8):
            return Dateline(None, outlet, None, match.group(0).strip(), rest)
        return None
    match = PLACE_OUTLET_LEAD.match(line)
    if match is None:
        return None
    place = next(p for p in (match[f"place{i}"] for i in range(1, 7)) if p)
    agency = match["domain"] or match["named"] or match["name"] or match["office"]
    rest = line[match.end() :]
    if match["domain"] and not DOMAIN.fullmatch(agency):
        return None
    if match["date"] is None and not match["mark1"] and not is_region(place):
        return None  # a known place, but before a domain and its bar or a date
    if fewer_words(rest, 8):
        return None
    if match["place5"] and is_region(f"{place} {rest.split(None, 1)[0]}"):
        return None  # "DKI Jakarta merupakan ...": the place's own name runs on
    return Dateline(place, agency, match["date"], match.group(0).strip(), rest)


def _may_open_outlet(rest: str) -> bool:
    """False only when OUTLET_OPENING cannot match `rest` with a branch read after a
    dateline (all but "named" and "tag"): each needs a dash first, a dot in the first 32
    characters, a second character that is a capital, a digit, an underscore or a
    hyphen, a hyphen after a word's first four letters, or an office's name first. Most
    leads ("Kepala Dinas ...") have none."""
    second = rest[1:2]
    return (
        rest[:1] in "-–—"
        or "." in rest[:32]
        or (second.isascii() and (second.isupper() or second.isdecimal() or second in "_-"))
        or "-" in rest[4:17]  # "Prokopim-Musyawarah"
        or rest[:3] in _OFFICE_TAG_HEADS  # "Humas X. Kepala ..."
    )


# The first three letters of the offices' names OUTLET_OPENING's "office" branch opens with.
_OFFICE_TAG_HEADS: Final = frozenset(("Hum", "HUM", "Tim", "TIM", "Pro", "Dis", "Kom"))


# An outlet's or a unit's short name glued to its dash, or before a run of hyphens, after
# the dateline: "Rohul, Kompas 1 Net– Bencana ...", "PADANG, Set DPRD---- Mengawali ...".
GLUED_UNIT_DASH: Final = re.compile(
    r"(?P<unit>[A-Z][\w.]*(?:\ [A-Z0-9][\w.]*){0,2})(?:[–—]|-(?=\ )|\ ?-{2,})\ +(?=[A-Z\"“])"
)


def glued_unit(rest: str) -> tuple[str, str, str] | None:
    """``(the unit, its text, the lead)`` for GLUED_UNIT_DASH, with eight words or more
    after it and no known place in the name (a second dateline is read elsewhere)."""
    if not ("–" in rest[:40] or "—" in rest[:40] or "-" in rest[:40]):
        return None
    match = GLUED_UNIT_DASH.match(rest)
    if match is None or is_region(match["unit"]) or fewer_words(rest[match.end() :], 8):
        return None
    return match["unit"], match.group(0).strip(), rest[match.end() :]


def outlet_after_dateline(rest: str) -> tuple[str | None, str, str] | None:
    """``(outlet or None, its text, the lead)`` when the lead after a dateline opens with
    an outlet's name or domain and a mark, or a dash, as OUTLET_OPENING reads them
    ("Banjarmasin, OUTLET TVJajaran ...", "X - PLACE -Bupati ...", "Place, outlet.co
    Untuk ..."), with the lead's eight words or more after it."""
    if not _may_open_outlet(rest):
        return None
    match = OUTLET_OPENING.match(rest)
    if match is None or match["outlet"] and not DOMAIN.fullmatch(match["outlet"]):
        return None
    if match["domain"] and not DOMAIN.fullmatch(match["domain"]):
        return None
    if match["named"] or match["tag"]:
        return None  # read only where no dateline is (outlet_opening)
    code = match["code"]
    if code and not code.isupper() and not (office_alone(code) or is_outlet(code)):
        return None  # "Place, Kota-Kota ...": a word of the lead, no office's tag
    if match["gluedlow"] and not DOMAIN.fullmatch(match["gluedlow"]):
        return None
    if (match["caps"] and is_region(match["caps"])) or (match["unit"] and is_region(match["unit"])):
        return None
    after = rest[match.end() :]
    if (after[:1] not in _CAPITALS and not after[:1].isdecimal()) or fewer_words(after, 8):
        return None  # a lead, or the date before it ("outlet.com 10 September 2025 – ")
    outlet = (
        match["outlet"]
        or match["domain"]
        or match["gluedlow"]
        or match["caps"]
        or match["code"]
        or match["unit"]
        or match["office"]
    )
    return outlet, match.group(0).strip(), after
