"""The dateline: the place (and outlet, agency or date) that opens the lead.

A dateline is recognised by what stands before a separator, not by the first dash
of the text: titles, captions and deks hold dashes too. The prefix must parse as a
place (1–4 capitalised words), optionally with a province, an outlet before or
after it, an agency or date in brackets, or a newsroom tag alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .dates import ANY_DATE
from .normalise import fewer_words

# Separators between the dateline and the first body word, strong ones first:
#   spaced: " – ", " - ", " — ", " -- ", " | ", " ~ ";
#   an en/em dash glued to the place: "Samarinda— ", "SAMARINDA—Prov";
#   a hyphen glued to the place: "Samarinda- ".
# Each branch opens with the character it consumes first, and a look-behind then checks
# which branch that character allows: the matches are those of the plain alternation
# r"\s+(?:--|[-–—|~])\s+|[–—]\s*|(?<=\w)-\s+", but a pattern opening with a character
# class lets the regex engine skip ahead to the next candidate character in C instead of
# trying every branch at every position (2-5x faster on a line).
STRONG_SEPARATOR = re.compile(
    r"""
    [\s–—-]
    (?: (?<=\s)\s*(?:--|[-–—|~])\s+
      | (?<=[–—])\s*
      | (?<=\w-)\s+
    )
    """,
    re.X,
)
# A colon or full stop glued to an upper-case place ("SAMARINDA: ", "SAMARINDA. "), a
# comma ("Balikpapan, Gubernur ..."); the same matches as r"(?<=[A-Z]):\s+|..." with the
# look-behind after the mark, for the reason above.
WEAK_SEPARATOR = re.compile(
    r"""
    :(?<=[A-Z]:)\s+
    | \.(?<=[A-Z]\.)\s+
    | ,(?<=\w,)\s+
    """,
    re.X,
)
_DIGIT = re.compile(r"\d")
# The endings NEWSROOM requires.
_NEWSROOM_WORDS = ("Newsroom", "NEWSROOM", "Redaksi", "REDAKSI")
_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")

_WORD = r"[A-Z][A-Za-z'’.\-]*"
_PLACE = rf"{_WORD}(?:\ {_WORD}){{0,3}}"

PROVINCES = {
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

# Words that open ordinary sentences and titles, never a place.
NOT_A_PLACE = {
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
        "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu", "Ya", "Kalau", "Jika",
        "Apabila", "Begitu", "Demikian", "Sebab", "Terlebih", "Kendati", "Walaupun",
        "Pertama", "Kedua", "Ketiga", "Selama", "Hingga", "Sampai", "Mengenai", "Tentang",
        "Program", "Kegiatan", "Acara", "Rapat", "Anggota", "Peserta", "Bapak", "Ibu",
        "Hj", "H", "Dr", "Ir", "Prof", "Drs",
    )
}  # fmt: skip

# "PROKAL.CO, SAMARINDA" / "PRADANAMEDIA/ PALANGKA RAYA": an outlet before the place.
OUTLET_FIRST = re.compile(
    rf"(?P<agency>[A-Z][A-Za-z0-9]*(?:\.[A-Za-z]{{2,}})+|[A-Z][A-Z0-9]{{2,}})\s*(?:,|/)\s*"
    rf"(?P<place>{_PLACE})"
)
# "MATARAM.lombokjournal.com": an outlet glued to the place with a dot.
GLUED_OUTLET = re.compile(r"(?P<place>[A-Z]{3,})\.(?P<agency>[a-z][\w-]*(?:\.[a-z]{2,})+)")
# "Jatim Newsroom": a newsroom tag with no place.
NEWSROOM = re.compile(r"(?P<agency>(?:[A-Z][\w.]*\ ){0,2}(?:Newsroom|NEWSROOM|Redaksi|REDAKSI))")
# "Kubu Raya, Kalimantan Barat (ANTARA) jogjaprov.go.id": the general form.
PLACE_FORM = re.compile(
    rf"""(?x)
    (?P<place>{_PLACE})
    (?:,\ (?P<province>{_PLACE}))?                # a province after a comma
    (?:\ ?\((?P<paren>[^()]{{1,40}})\))?          # "(ANTARA)" or "(27/9-2018)"
    (?:(?:,\ |\ )(?P<post>[^\s,()][^,()]{{0,40}}))?  # ", Maqnaia", " jogjaprov.go.id"
    """
)
DOMAIN = re.compile(
    r"[\w-]+(?:\.[\w-]+)*\.(?:go\.id|co\.id|ac\.id|or\.id|id|com|co|net|org|news)", re.I
)
# "BIRO ADPIM. " after the dash: the issuing unit, in capitals, closed by a stop.
ISSUING_UNIT = re.compile(r"(?P<unit>[A-Z]{2,}(?:\ [A-Z]{2,}){0,3})\.\s+(?=[A-Z\"“])")


@dataclass(frozen=True)
class Dateline:
    place: str | None
    agency: str | None
    date_text: str | None
    text: str  # the dateline as written, separator included
    rest: str  # what follows on the line: the start of the lead

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


def _is_place(place: str) -> bool:
    words = place.split()
    if not words or words[0].casefold().strip(".") in NOT_A_PLACE:
        return False
    # Upper case, or Title Case: every word opening with a capital (the stricter "and not
    # w[1:].isupper()" form once tested here implies this one, so it decides nothing).
    return all(w[:1].isupper() for w in words) or all(w.isupper() for w in words)


def _is_date(text: str) -> bool:
    text = text.strip(" .")
    # Every form of ANY_DATE opens with a digit (\d: what str.isdecimal() accepts).
    return text[:1].isdecimal() and bool(ANY_DATE.fullmatch(text))


def _agency_ok(text: str) -> bool:
    text = text.strip()
    if "." in text and DOMAIN.fullmatch(text):  # a domain holds a dot before its ending
        return True
    words = text.split()
    return 1 <= len(words) <= 2 and all(w[:1].isupper() for w in words)


# A site's datelines recur ("SAMARINDA", "PROKAL.CO, SAMARINDA"): each is read once.
@lru_cache(maxsize=1024)
def parse_prefix(prefix: str) -> tuple[str | None, str | None, str | None] | None:
    """Parse what stands before the separator into ``(place, agency, date_text)``."""
    prefix = prefix.strip()
    # Every form below opens with an ASCII capital (none is case-insensitive).
    if not prefix or len(prefix) > 80 or prefix[0] not in _CAPITALS:
        return None
    # GLUED_OUTLET holds a dot; OUTLET_FIRST is taken only with a dot in its agency or a
    # slash; NEWSROOM ends with its word: cheap tests that skip patterns bound to fail.
    dot = "." in prefix
    if dot and (match := GLUED_OUTLET.fullmatch(prefix)):
        return match["place"], match["agency"], None
    match = OUTLET_FIRST.fullmatch(prefix) if dot or "/" in prefix else None
    if match and _is_place(match["place"]) and ("." in match["agency"] or "/" in prefix):
        return match["place"], match["agency"], None
    if prefix.endswith(_NEWSROOM_WORDS) and (match := NEWSROOM.fullmatch(prefix)):
        return None, match["agency"], None
    match = PLACE_FORM.fullmatch(prefix)
    if not match or not _is_place(match["place"]):
        return None
    place, agency, date_text = match["place"], None, None
    province = match["province"]
    if province:
        if province.casefold() in PROVINCES:
            pass  # "Kubu Raya, Kalimantan Barat": the place is "Kubu Raya"
        elif match["paren"] is None and match["post"] is None and _agency_ok(province):
            agency = province  # "SAMARINDA, Maqnaia"
        else:
            return None
    if paren := match["paren"]:
        if _is_date(paren):
            date_text = paren.strip()
        elif _agency_ok(paren) or paren.isupper():
            agency = paren.strip()
        else:
            return None
    if post := match["post"]:
        if _is_date(post):
            date_text = post.strip()
        elif agency is None and _agency_ok(post):
            agency = post.strip()
        else:
            return None
    return place, agency, date_text


def _own_line(line: str) -> Dateline | None:
    """A dateline alone on its line: "Jakarta, 26 Januari 2021"."""
    prefix = line.rstrip(" .,:-–—").strip()
    # Cheap tests first: parse_prefix() takes at most 80 characters, and the date it
    # must find (ANY_DATE) opens with a digit.
    if len(prefix) > 80 or not _DIGIT.search(prefix):
        return None
    parsed = parse_prefix(prefix)
    if parsed and parsed[2] and parsed[0]:
        return Dateline(parsed[0], parsed[1], parsed[2], line, "")
    return None


def _unit_after(rest: str, agency: str | None) -> tuple[str, str | None, str]:
    """Absorb an issuing unit after the dash: "PALANGKA RAYA – BIRO ADPIM. Gubernur..."."""
    # ISSUING_UNIT opens with two ASCII capitals: most leads have a lower-case second letter.
    match = ISSUING_UNIT.match(rest) if rest[1:2] in _CAPITALS else None
    if match and agency is None and (" " in match["unit"] or len(match["unit"]) >= 5):
        return rest[match.end() :], match["unit"], match.group(0)
    return rest, agency, ""


def match_dateline(line: str, *, min_words: int = 4) -> Dateline | None:
    """Recognise a dateline at the start of `line`, or return None."""
    if line[:1] not in _CAPITALS:
        return None  # every prefix parse_prefix() reads, and _own_line(), opens the line
    head = line[:110]
    # A kind of separator is looked for only when the line holds one of its marks.
    strong = "-" in head or "–" in head or "—" in head or "|" in head or "~" in head
    if strong and (found := _after_separator(line, head, STRONG_SEPARATOR, False, min_words)):
        return found
    weak = "," in head or "." in head or ":" in head
    if weak and (found := _after_separator(line, head, WEAK_SEPARATOR, True, min_words)):
        return found
    return _own_line(line)


def _after_separator(
    line: str, head: str, separator: re.Pattern[str], strict: bool, min_words: int
) -> Dateline | None:
    """The first separator of one kind in `head` after which `line` reads as a dateline."""
    for sep in separator.finditer(head):
        prefix = line[: sep.start()]
        if len(prefix.rstrip()) > 80:
            # parse_prefix() takes at most 80 characters, and the line opens with a
            # capital (no space to strip): no later separator can have a prefix it takes.
            break
        parsed = parse_prefix(prefix)
        if parsed is None:
            continue
        place, agency, date_text = parsed
        rest = line[sep.end() :]
        if strict:
            mark = sep.group(0).strip()
            if place is None or (mark in ":." and not place.replace(" ", "").isupper()):
                continue
            if mark == "," and (agency or date_text or not rest[:1].isupper()):
                continue
        rest, agency, unit = _unit_after(rest, agency)
        if fewer_words(rest, min_words + 2 if strict else min_words):
            continue
        text = line[: sep.end()].rstrip() + (" " + unit.strip() if unit else "")
        return Dateline(place, agency, date_text, text.strip(), rest)
    return None
