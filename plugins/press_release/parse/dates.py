"""Indonesian dates in release text: "Selasa (16/4/2019)", "Rabu 9 Desember 2020"."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from itertools import accumulate
from typing import Any, Final

from mypy_extensions import mypyc_attr

from ..messages import Message
from .normalise import may_fold_to_ascii

MONTHS: Final = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "august": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nopember": 11, "nov": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}  # fmt: skip

WEEKDAYS: Final = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3,
    "jumat": 4, "jum'at": 4, "jum’at": 4, "juma'at": 4,
    "sabtu": 5, "minggu": 6, "ahad": 6,
}  # fmt: skip
WEEKDAY_NAMES: Final = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]

_MONTH_ALT: Final = "|".join(sorted(MONTHS, key=len, reverse=True))
WEEKDAY_ALT: Final = "|".join(sorted((re.escape(w) for w in WEEKDAYS), key=len, reverse=True))

# "16/4/2019", "08/02/2020", "11/11/24", "27/9-2018", "( 9/1)": day/month, optional year;
# "12-03-2024", "12.03.2024": day, month and a four-digit year.
NUMERIC: Final = (
    r"(?:(?P<nd>\d{1,2})\s?/\s?(?P<nm>\d{1,2})"
    r"(?:\s?[/-]\s?(?P<ny>\d{4}|\d{2}))?(?![\d/])"
    r"|(?P<xd>\d{1,2})(?P<xs>[-.])(?P<xm>\d{1,2})(?P=xs)(?P<xy>\d{4})(?![\d.\-/]\d))"
)
# "9 Desember 2020", "15 Sep 2022", "31 Maret": day, month name, optional year.
# A two-digit year only before a time: a page's stamp "Jumat, 30 Mei 25 12:20 WITA".
TEXTUAL: Final = (
    rf"(?P<td>\d{{1,2}})(?:\s+|/\ ?)(?P<tm>{_MONTH_ALT})\.?"  # "22 Januari", "22/ Januari"
    r"(?:,?\s+(?P<ty>\d{4}|\d{2}(?=\s+\d{1,2}[:.]\d{2}(?!\d))))?(?![\w])"
)
ISO: Final = r"(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})"
TIME: Final = (
    r"(?P<hh>\d{1,2})[:.](?P<mi>\d{2})(?:[:.]\d{2})?\s?(?:wib|wita|wit|(?P<ampm>[ap]\.?m\b\.?))?"
)

ANY_DATE: Final = re.compile(rf"(?i)\b(?:{ISO}|{NUMERIC}|{TEXTUAL})")
TIME_RE: Final = re.compile(rf"(?i)(?<![\d/]){TIME}(?![\d/])")
# An English page date, month first: "March 5, 2020", "Saturday, January 16, 2021".
MONTH_FIRST: Final = re.compile(
    rf"(?i)\b(?P<tm>{_MONTH_ALT})\.?\s+(?P<td>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<ty>\d{{4}})\b"
)
# A weekday, up to a few words ("pagi", "kemarin,"), then a date, maybe in brackets; of
# a range of days, the first: "Selasa-Rabu (5-6/12/2023)" is the 5th.
WEEKDAY_DATE: Final = re.compile(
    rf"""(?ix)
    \b(?P<weekday>{WEEKDAY_ALT})\b
    [^()\d.;]{{0,30}}?                # "pagi", "kemarin,", ","
    \(?\s?
    (?:(?P<wr>\d{{1,2}})\s?[-–]\s?(?=\d{{1,2}}\s?/))?  # a range's first day: "5-"
    (?:{NUMERIC}|{TEXTUAL})
    """
)
# Where WEEKDAY_DATE can start, in the lower-cased text: a weekday name's opening
# (every spelling in WEEKDAYS opens with one of them).
_WEEKDAY_OPENINGS: Final = ("senin", "selasa", "sabtu", "rabu", "kamis", "jum", "minggu", "ahad")
_DIGIT: Final = re.compile(r"\d")
# The years a release can bear; a date outside them is a typo ("0024", "9999").
PLAUSIBLE_YEARS: Final = (1900, 2100)
FILENAME_DATE: Final = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})")


# Sets an attribute of a frozen instance (see FoundDate.__init__).
_set_fields = object.__setattr__


# Not a native class when compiled (see press_release/compiled.py): __init__ below sets
# the instance's dict.
@mypyc_attr(native_class=False)
@dataclass(frozen=True)
class FoundDate:
    """A date read from text; `weekday` is the weekday named beside it, if any."""

    value: datetime
    has_time: bool = False
    weekday: int | None = None
    text: str = ""

    def __init__(
        self, value: datetime, has_time: bool = False, weekday: int | None = None, text: str = ""
    ) -> None:
        # One call sets the frozen instance's dict whole, as in dateline.Dateline (the
        # generated __init__ makes one per field); the same fields and defaults.
        _set_fields(
            self,
            "__dict__",
            {"value": value, "has_time": has_time, "weekday": weekday, "text": text},
        )

    def weekday_conflict(self) -> str | None:
        if self.weekday is None or self.weekday == self.value.weekday():
            return None
        return Message(
            "weekday %(weekday)r contradicts the date %(date)s (a %(actual)s) in %(text)r; "
            "the date is used",
            weekday=WEEKDAY_NAMES[self.weekday],
            date=self.value.date().isoformat(),
            actual=WEEKDAY_NAMES[self.value.weekday()],
            text=self.text,
        )


def _year(text: str | None, default: int | None) -> int | None:
    if text is None:
        return default
    year = int(text)
    return 2000 + year if year < 100 else year


def _from_match(groups: dict[str, Any], default_year: int | None) -> date | None:
    """The date of a match of ANY_DATE or WEEKDAY_DATE, given its ``groupdict()``."""
    y: int | None
    if groups.get("iy"):
        y, m, d = int(groups["iy"]), int(groups["im"]), int(groups["id"])
    elif groups.get("nd"):
        y, m = _year(groups["ny"], default_year), int(groups["nm"])
        d = int(groups.get("wr") or groups["nd"])  # a range's first day: "(5-6/12)"
        if m > 12 and d <= 12 and not groups.get("wr"):
            m, d = d, m  # month first, as an English page writes it: "(11/22/2021)"
    elif groups.get("xd"):
        y, m, d = int(groups["xy"]), int(groups["xm"]), int(groups["xd"])
    elif groups.get("td"):
        y = _year(groups["ty"], default_year)
        m, d = MONTHS[groups["tm"].lower()], int(groups["td"])
    else:
        return None
    if y is None or not PLAUSIBLE_YEARS[0] <= y <= PLAUSIBLE_YEARS[1]:
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _has_year(groups: dict[str, Any]) -> bool:
    return bool(groups.get("iy") or groups.get("ny") or groups.get("ty") or groups.get("xy"))


def _weekday_date_has_year(match: re.Match[str]) -> bool:
    """``_has_year(match.groupdict())`` for a match of WEEKDAY_DATE, which has no "iy"
    group: three groups read, not a dict of all twelve built (about 8 K instructions)."""
    return bool(match["ny"] or match["ty"] or match["xy"])


def _with_time(day: date, text: str) -> tuple[datetime, bool]:
    time = TIME_RE.search(text)
    if time:
        hour, minute = int(time["hh"]), int(time["mi"])
        if (ampm := time["ampm"]) and 1 <= hour <= 12:  # "4:55 pm" (an English page's clock)
            hour = hour % 12 + (12 if ampm[0] in "pP" else 0)
        if hour < 24 and minute < 60:
            return datetime(day.year, day.month, day.day, hour, minute), True
    return datetime(day.year, day.month, day.day), False


def _weekday_openings(lower: str) -> list[int]:
    """Every index of `lower` where one of _WEEKDAY_OPENINGS starts, in order.

    A few ``str.find`` scans (C loops over the text) rather than one regex alternation,
    which the regex engine tries branch by branch at every position: several times
    slower on a lead that names no weekday, or one.
    """
    starts = []
    for opening in _WEEKDAY_OPENINGS:
        # Most openings are not in the text: the `in` test scans as find() does, without
        # the method call's cost (a third of the whole for a lead of 250 characters).
        if opening not in lower:
            continue
        index = lower.find(opening)
        while index >= 0:
            starts.append(index)
            index = lower.find(opening, index + 1)
    starts.sort()
    return starts


def weekday_dates(text: str) -> list[re.Match[str]]:
    """``list(WEEKDAY_DATE.finditer(text))``, trying the pattern only where a weekday starts.

    The pattern opens with a word boundary and a case-insensitive weekday name, tried
    at every position of a long lead. A match starts where ``text.lower()`` holds a
    weekday name (see FOLDS_TO_ASCII; else every position is tried, as before), and
    matching there gives what a search reaching that position gives. An opening found
    inside another word (or name) cannot start a match: the letter before it leaves no
    word boundary. So trying every opening, in order, finds every start that matters.

    A list, not a generator: a caller that stops at the first match it needs would
    leave a generator to be closed, which costs more than the rare further matches.
    """
    if may_fold_to_ascii(text):
        return list(WEEKDAY_DATE.finditer(text))
    matches = []
    pos = 0
    for start in _weekday_openings(text.lower()):
        if start >= pos and (match := WEEKDAY_DATE.match(text, start)):
            matches.append(match)
            pos = match.end()
    return matches


def find_date(text: str, default_year: int | None = None) -> FoundDate | None:
    """The first full date in `text` (a metadata line, a dateline), with its time."""
    digit = _DIGIT.search(text)
    if not digit:
        return None  # every form of ANY_DATE opens with a digit: skip its slower scan
    # Nor can a match start before the first digit: the scan starts there (a search from
    # a position still sees the character before it, for the pattern's \b).
    for match in ANY_DATE.finditer(text, digit.start()):
        groups = match.groupdict()  # once for both tests: it builds a dict
        if not _has_year(groups) and default_year is None:
            continue
        day = _from_match(groups, default_year)
        if day is None:
            continue
        value, has_time = _with_time(day, text[match.end() :])
        # The weekday named with this date ("Senin, 11 November 2024"), not one named with
        # another ("Senin lalu (7/12) ... 9 Desember 2020"): their dates end alike.
        weekday = next((w for w in weekday_dates(text) if w.end() == match.end()), None)
        named = WEEKDAYS[weekday["weekday"].lower()] if weekday else None
        return FoundDate(value, has_time, named, text.strip())
    if (first := MONTH_FIRST.search(text)) and (day := _from_match(first.groupdict(), None)):
        value, has_time = _with_time(day, text[first.end() :])
        return FoundDate(value, has_time, None, text.strip())
    return None


def _earlier_in_year(
    yearless: list[re.Match[str]], coming: date
) -> tuple[re.Match[str], date] | None:
    """The first of the weekday dates without a year (`yearless`) whose weekday fits the
    year of the `coming` date, on or before it."""
    for match in yearless:
        day = _from_match(match.groupdict(), coming.year)
        if day and day <= coming and day.weekday() == WEEKDAYS[match["weekday"].lower()]:
            return match, day
    return None


def find_weekday_date(text: str, default_year: int | None = None) -> FoundDate | None:
    """The first weekday + date expression with a year (or `default_year`).

    One announced as coming ("Sabtu 17 Agustus 2019 mendatang") after a weekday date
    without a year ("Rabu (31/7)") gives that one its year when its weekday fits it: the
    release tells of the earlier day and announces the later.
    """
    yearless = []
    for match in weekday_dates(text):
        # Most leads' weekday dates hold no year ("Jumat (2/1)"): no dict is built for them.
        if default_year is None and not _weekday_date_has_year(match):
            yearless.append(match)
            continue
        day = _from_match(match.groupdict(), default_year)
        if day is None:
            continue
        if yearless and FUTURE_AFTER.match(text, match.end()):
            match, day = _earlier_in_year(yearless, day) or (match, day)
        value = datetime(day.year, day.month, day.day)
        return FoundDate(value, False, WEEKDAYS[match["weekday"].lower()], match.group(0))
    return None


def filename_date(filename: str) -> FoundDate | None:
    """A ``YYYY-MM-DD`` prefix of the file name."""
    return filename_dates(filename)[0]


def bad_filename_date(filename: str) -> str | None:
    """The ``YYYY-MM-DD`` prefix of the file name when it names no day ("2024-02-31")."""
    return filename_dates(filename)[1]


def filename_dates(filename: str) -> tuple[FoundDate | None, str | None]:
    """``(the date of the file name's YYYY-MM-DD prefix, None)``, or ``(None, the prefix)``
    when it names no day ("2024-02-31"), or ``(None, None)`` without one."""
    match = FILENAME_DATE.match(filename)
    if not match:
        return None, None
    try:
        value = datetime(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None, match.group(0)
    return FoundDate(value, False, None, filename), None


def parse_header_date(value: str) -> FoundDate | None:
    """An author's ``Tanggal:`` value: ISO ("2024-03-12 09:30") or Indonesian."""
    try:
        parsed = datetime.fromisoformat(value.strip())
        return FoundDate(parsed.replace(tzinfo=None), len(value.strip()) > 10, None, value)
    except ValueError:
        return find_date(value)


# A post's stamp inside a metadata line: a date with its year, then its time ("Oleh MC X,
# Selasa, 1 April 2025 | 09:49 WIB - Redaktur: Y", ", 01 April 2013, 16:47:51 WIB - 12").
STAMP: Final = re.compile(
    rf"""(?ix)
    (?:{TEXTUAL}|{NUMERIC})
    [\s,|\-–—]{{1,5}}(?:pukul\s+|jam\s+)?     # ", ", " | ", " - pukul "
    (?P<hh>\d{{1,2}})[:.](?P<mi>\d{{2}})(?![\d/])
    """
)
# A labelled release date: "Tanggal Rilis : 3 Oktober 2022", "Tanggal terbit: 12/03/2024".
RELEASE_LABEL: Final = re.compile(
    rf"""(?ix)
    \b                                         # in a line, or lines a page ran together
    (?:tanggal\s+(?:rilis|terbit|publikasi)|dirilis|diterbitkan|release\s+date)
    \s*:\s*(?:{TEXTUAL}|{NUMERIC})
    """
)
# Where a RELEASE_LABEL ends: "rilis", "terbit", "publikasi", "release date".
_RELEASE_WORDS: Final = ("rilis", "terbit", "publikasi", "release")
# A date alone: "21 Agustus 2025".
DATE_ALONE: Final = re.compile(rf"(?i){TEXTUAL}")
# The longest metadata line read for a stamp: longer ones are paragraphs.
STAMP_LINE_MAX: Final = 200


def stamp_date(line: str) -> FoundDate | None:
    """The date and time of a metadata line holding a post's stamp (STAMP), or None."""
    if len(line) > STAMP_LINE_MAX or ":" not in line and "." not in line:
        return None
    match = STAMP.search(line)
    if not match or not _has_year(groups := match.groupdict()):
        return None
    day = _from_match(groups, None)
    if day is None:
        return None
    value, has_time = _with_time(day, line[match.start("hh") :])
    return FoundDate(value, has_time, None, line.strip())


def labelled_release_date(text: str) -> FoundDate | None:
    """The date of a labelled release-date line in `text` (RELEASE_LABEL), or None.

    The pattern is tried only near a label's last word, found by ``str.find`` (a scan
    at C speed): every label ends with one of _RELEASE_WORDS."""
    lower = text.lower()
    match = None
    for word in _RELEASE_WORDS:
        at = lower.find(word)
        if at >= 0 and (match := RELEASE_LABEL.search(text, max(0, at - 16), at + 60)):
            break
    if not match or not _has_year(groups := match.groupdict()):
        return None
    day = _from_match(groups, None)
    if day is None:
        return None
    return FoundDate(datetime(day.year, day.month, day.day), False, None, match.group(0))


def clock_without_weekday(line: str) -> FoundDate | None:
    """The date of a line holding a date alone, without a weekday ("21 Agustus 2025"):
    a post's own date printed over its title, where a site's clock names the weekday."""
    return _date_alone(line, DATE_ALONE, 24, lambda match: len(match["ty"] or "") == 4)


_NUMERIC_ALONE: Final = re.compile(NUMERIC)


def numeric_date_alone(line: str) -> FoundDate | None:
    """The date of a line holding a numeric date alone, with its year ("02/10/25",
    "5-6-2024"): day first, as Indonesian pages write it."""
    return _date_alone(line, _NUMERIC_ALONE, 10, lambda match: bool(match["ny"] or match["xy"]))


def _date_alone(
    line: str, pattern: re.Pattern[str], longest: int, dated: Callable[[re.Match[str]], bool]
) -> FoundDate | None:
    """The date of `line` when `pattern` reads all of it (at most `longest` characters,
    opening with the day's digit) and the match is `dated` with its year."""
    text = line.strip()
    if not text[:1].isdecimal() or len(text) > longest:
        return None
    match = pattern.fullmatch(text)
    if not match or not dated(match):
        return None
    day = _from_match(match.groupdict(), None)
    return FoundDate(datetime(day.year, day.month, day.day), False, None, text) if day else None


# --- a date found beyond the lead's first weekday date --------------------------------

# A date opening the lead, or named "pada tanggal" / "per tanggal" in it: "26 Maret 2024
# bertempat ...", "Pada Tanggal 21 Juli 2024", "per tanggal 30 Juni 2015".
LEAD_OPENING_DATE: Final = re.compile(rf"(?i)(?:(?:pada\s+)?tanggal\s+)?(?:{NUMERIC}|{TEXTUAL})")
NAMED_DATE: Final = re.compile(
    rf"""(?ix)
    \b(?P<on>(?:pada|per)\s+(?:hari\s+\S+\s+)?)?tanggal\s+   # "pada tanggal", "per tanggal"
    (?:{NUMERIC}|{TEXTUAL})
    """
)
# What names a letter or a decree before its date ("surat nomor 12/A/2021 tanggal ..."):
# a bare "tanggal" after it dates the letter, not the occasion.
_LETTER_BEFORE: Final = re.compile(r"(?i)(?:nomor|no\.|surat|keputusan|sk|edaran|peraturan)\b|/")
# Nor does a deadline's: "hingga tanggal 30 Juni", "paling lambat tanggal ...".
_DEADLINE_BEFORE: Final = re.compile(
    r"(?i)\b(?:hingga|sampai(?:\ dengan)?|lambat|batas|sebelum|s\.?d\.?)\s+$"
)
# What follows an announced event's date: "Rabu (26/9) mendatang", "Jumat (5/5) nanti".
FUTURE_AFTER: Final = re.compile(
    r"(?i)\)?\s*(?:pagi|siang|sore|malam)?\s*(?:mendatang|nanti|yang akan datang)\b"
)
# What announces a coming day before its date: "Besok, Selasa (25/9), ...", "... akan
# dilaksanakan kembali pada hari Rabu tanggal 19 Juni 2024".
COMING_BEFORE: Final = re.compile(
    r"(?i)\b(?:besok|lusa)\W{0,3}$"
    r"|\b(?:akan|dijadwalkan|direncanakan)\ [\w\ ]{0,40}?\b(?:pada|hari)\ (?:hari\ )?$"
)
COMING_WINDOW: Final = 60  # characters before a date that COMING_BEFORE reads
# A year the text states ("Musrenbang 2020", "tahun 2019"), not one inside a letter's
# number, a link or a code ("Nomor 663/SEK/5/2019", "B-950/04/2023"). Years before 2000
# name history ("UU No. 12 Tahun 1995"), not the occasion of a release published online.
# The pattern opens with its literal "20", which the regex engine finds at C speed; the
# character before a match is checked in stated_years().
STATED_YEAR: Final = re.compile(r"20[0-4]\d(?![\d/])")
_NOT_BEFORE_YEAR: Final = frozenset("0123456789/.-")
# What a count names after its number: "2017 ekor", "2020 orang".
COUNTED: Final = re.compile(
    r"(?i)\ (?:orang|peserta|ekor|warga|siswa|pelajar|penari|personel|jiwa|unit|buah|paket"
    r"|rumah|kk|hektare|ha|km|meter|ton|kg|liter|batang|bibit|pohon|lembar|eksemplar)\b"
)
# A law's or a regulation's number before "Tahun" and its year: "Nomor 6 Tahun ", "No. 14
# tahun ", "UU 23 Tahun ".
CITED_LAW: Final = re.compile(r"(?i)(?:\bnomor|\bno\.?|\buu|\bperpres|\bpp)\s?\d{1,4}\s+tahun\s$")
# Characters of the text searched for a date beyond the lead: enough for any release.
BODY_DATE_WINDOW: Final = 8000


# A full date opening the lead right after the dateline's separator, before the first
# sentence's capital: "27 Februari 2026 Bupati ...", "Kamis tanggal 19 Januari 2023
# Wakil ...", "24 September 2025, Pengadilan ...".
OPENING_DATE: Final = re.compile(
    rf"(?i:(?:hari\s+)?(?:{WEEKDAY_ALT})\s*,?\s+(?:tanggal\s+)?)?"
    rf"\d{{1,2}}\s+(?i:{_MONTH_ALT})\s+\d{{4}}(?:\s*[,.]?\s+|\ [-–—]{{1,2}}\ ?)(?=[A-Z\"“])"
)  # "27 Februari 2026 Bupati ...", "20 November 2024 –Pjs. Bupati ..."


# The first three letters of a weekday's name (every spelling in WEEKDAYS), and "hari".
_OPENING_DAYS: Final = frozenset(("sen", "sel", "rab", "kam", "jum", "sab", "min", "aha", "har"))


def opening_date(rest: str) -> tuple[str, str] | None:
    """``(the date as written, the lead after it)`` when a full date opens `rest`, the
    text after a dateline's separator; None otherwise."""
    if not (rest[:1].isdecimal() or rest[:3].lower() in _OPENING_DAYS):
        return None  # a day's number, a weekday's name or "hari" opens it
    match = OPENING_DATE.match(rest)
    if match is None or not find_date(match.group(0)):
        return None
    return match.group(0).strip().rstrip(",."), rest[match.end() :]


def find_release_date(paragraphs: list[str], context: str) -> FoundDate | None:
    """The release's date when the lead names none with a weekday and a year.

    In order: a date opening the lead, named "pada tanggal" in it, in brackets
    ("(24/05/19)"), or the first day of a range ("23 hingga 25 April 2019"); the first
    weekday date with a year in the later paragraphs, but one inside a quotation or
    announced as coming ("Rabu (26/9) mendatang"); a weekday date without a year, in any
    paragraph, whose weekday fits exactly one year that `context` (the title and body)
    states ("Selasa (28/1)" and "Musrenbang 2020": 28 January 2020 was a Tuesday); last,
    the first day of a range in the lead announced as coming ("22 hingga 28 April 2024
    mendatang"), or of one in the next paragraphs, the only date the text gives; at the
    very last, a date written out in the lead or named "tanggal" further down
    (_last_resort).
    """
    lead = paragraphs[0] if paragraphs else ""
    if lead[:1].isdecimal() or lead[:1] in "Tt" or lead[:1] in "Pp":
        match = LEAD_OPENING_DATE.match(lead)
        if match and _has_year(groups := match.groupdict()) and (day := _from_match(groups, None)):
            return FoundDate(datetime(day.year, day.month, day.day), False, None, match.group(0))
    if "anggal" in lead and (named := _first_named(lead, False, coming=False)):
        return named
    if "(" in lead and (bracketed := _first_bracketed(lead[:LEAD_WINDOW])):
        return bracketed
    current, coming = _first_ranges(lead[:LEAD_WINDOW])
    texts, size = [], 0
    for paragraph in paragraphs:
        texts.append(paragraph[: BODY_DATE_WINDOW - size])
        size += len(texts[-1])
        if size >= BODY_DATE_WINDOW:
            break
    # One scan of the paragraphs joined by ";", which WEEKDAY_DATE never crosses; each
    # match is then read within its own paragraph.
    joined = ";".join(texts)
    starts = list(accumulate((len(text) + 1 for text in texts[:-1]), initial=0))
    told = []  # (paragraph, match) of each weekday date outside quotations, not to come
    for match in weekday_dates(joined):
        index = bisect_right(starts, match.start()) - 1
        text, offset = texts[index], starts[index]
        if (
            _quoted(text, match.start() - offset)
            or FUTURE_AFTER.match(joined, match.end())
            or COMING_BEFORE.search(joined, max(0, match.start() - COMING_WINDOW), match.start())
        ):
            continue
        told.append((index, match))
    for index, match in told:
        if index and _has_year(groups := match.groupdict()) and (day := _from_match(groups, None)):
            if current and not 0 < (current.value.date() - day).days <= RANGE_NOTICE_DAYS:
                return current
            weekday = WEEKDAYS[match["weekday"].lower()]
            return FoundDate(datetime(day.year, day.month, day.day), False, weekday, match.group(0))
    if current:
        return current
    yearless = [match for _, match in told if not _has_year(match.groupdict())]
    # A date named "pada tanggal" beyond the lead ("pada hari pertama tanggal 20 November
    # 2019" under a numbered heading): before an announced range, after a yearless one.
    # A bare "tanggal" in the lead counts here too, after what the text dates otherwise.
    later = (
        (_first_named(lead[:LEAD_WINDOW]) or _first_named(joined[len(texts[0]) :], False))
        if "anggal" in joined
        else None
    )
    later = later or (_first_on(lead[:LEAD_WINDOW]) if "pada" in lead else None)
    if not yearless:
        return (
            later
            or coming
            or _range_beyond_lead(joined, len(texts[0]))
            or _last_resort(lead[:LEAD_WINDOW], joined[len(texts[0]) :])
        )
    years = stated_years(context[:BODY_DATE_WINDOW])
    for match in yearless if years else ():
        weekday = WEEKDAYS[match["weekday"].lower()]
        groups = match.groupdict()
        fits = [d for y in years if (d := _from_match(groups, y)) and d.weekday() == weekday]
        if len(fits) == 1:
            day = fits[0]
            return FoundDate(datetime(day.year, day.month, day.day), False, weekday, match.group(0))
    # An announced event's date, or a range's beyond the lead ("Kegiatan ini dilaksanakan
    # 21-23 Oktober 2019"), when the text gives no other.
    return (
        later
        or coming
        or _range_beyond_lead(joined, len(texts[0]))
        or _last_resort(lead[:LEAD_WINDOW], joined[len(texts[0]) :])
    )


# A full date written out, with its year: "apel pagi 9 Mei 2022 akan segera dimulai".
PLAIN_DATE: Final = re.compile(rf"(?i)\b{TEXTUAL}")


def _last_resort(lead: str, beyond: str) -> FoundDate | None:
    """When the text dates the release no other way: the first date written out with
    its year in the lead, then one in figures there (_numeric_in_lead), then one named
    "tanggal" further down ("dimulai tanggal 29 Juni 2020"), then one in brackets there
    ("(17/05/2023)"), then one after a place's comma there ("Kota Batam, 20 Agustus
    2025,"), then one after the words of an event held ("berlangsung kemarin 25 Agustus
    2023"), but one to come, quoted, or a letter's."""
    if found := _plain_date(
        lead, lambda start: not _LETTER_BEFORE.search(lead, max(0, start - 60), start)
    ):
        return found
    if "/" in lead and (numeric := _numeric_in_lead(lead)):
        return numeric
    if "anggal" in beyond and (named := _first_named(beyond, True, coming=False)):
        return named
    beyond = beyond[:LEAD_WINDOW]
    if "(" in beyond and (bracketed := _first_bracketed(beyond)):
        return bracketed  # "... Kantor Gubernur. (17/05/2023)" closing the next paragraph
    return _plain_date(
        beyond, lambda start: bool(_PLACE_COMMA.search(beyond, max(0, start - 50), start))
    ) or _plain_date(
        beyond, lambda start: _HELD_BEFORE.search(beyond, max(0, start - 40), start) is not None
    )


# What says an event took place on the date after it: "kegiatan berlangsung kemarin 25
# Agustus 2023", "yang digelar pada 3 Mei 2024" (not one to come: "akan digelar ...").
_HELD_BEFORE: Final = re.compile(
    r"(?i)(?<!akan\ )\b(?:berlangsung|digelar|dilaksanakan|diselenggarakan|diadakan)"
    r"(?:\ (?:kemarin|pada|sejak|hari))*\ $"
)


# A day, month and year in figures in the lead's run of words, not in brackets: "di Hotel X
# 29/3/2022, Raker dibuka ...", or a year of two figures before the hour: "29/09/22 pukul
# 13.30 WIB". Not a number's part ("188/12/2022", "No. 5/3/2022/X").
NUMERIC_IN_LEAD: Final = re.compile(
    r"(?<![\w/.(-])(?P<nd>\d{1,2})/(?P<nm>\d{1,2})/"
    r"(?P<ny>\d{4}|\d{2}(?=\ (?i:pukul|jam)\ ))(?![\w/])"
)


def _numeric_in_lead(lead: str) -> FoundDate | None:
    """The first date NUMERIC_IN_LEAD finds in the lead, but a letter's ("Nomor ...")."""
    for match in NUMERIC_IN_LEAD.finditer(lead):
        if _LETTER_BEFORE.search(lead, max(0, match.start() - 60), match.start()):
            continue
        if day := _from_match(match.groupdict(), None):
            return FoundDate(datetime(day.year, day.month, day.day), False, None, match.group(0))
    return None


# A place's name and its comma before a date, as a meeting is dated: "... Dinas X Kota
# Batam, 20 Agustus 2025, dalam rangka ...".
_PLACE_COMMA: Final = re.compile(r"[A-Z][\w.'’-]*(?:\ [A-Z][\w.'’-]*){0,3},\ ?$")


def _plain_date(text: str, fits: Callable[[int], bool]) -> FoundDate | None:
    """The first date written out with its year in `text` whose start `fits` (what
    stands before it), but one to come or quoted."""
    if _DIGIT_SET.isdisjoint(text):
        return None
    for match in PLAIN_DATE.finditer(text):
        if not match["ty"] or FUTURE_AFTER.match(text, match.end()) or _quoted(text, match.start()):
            continue
        if fits(match.start()) and (day := _from_match(match.groupdict(), None)):
            return FoundDate(datetime(day.year, day.month, day.day), False, None, match.group(0))
    return None


_DIGIT_SET: Final = frozenset("0123456789")


def _range_beyond_lead(joined: str, lead_size: int) -> FoundDate | None:
    """The first day of the first range with its year in the paragraphs after the lead
    (RANGE_DATE), within LEAD_WINDOW characters of them; not one announced as coming."""
    return _first_ranges(joined[lead_size : lead_size + LEAD_WINDOW])[0]


def stated_years(text: str) -> list[int]:
    """The years `text` states (STATED_YEAR), each once, in increasing order."""
    years = set()
    for match in STATED_YEAR.finditer(text):
        start = match.start()
        if start and text[start - 1] in _NOT_BEFORE_YEAR:
            continue
        if (
            start > 6
            and text[start - 6 : start].lower() == "tahun "
            and CITED_LAW.search(text, max(0, start - 40), start)
        ):
            continue  # "Instruksi Presiden Nomor 6 Tahun 2018": a law's year
        if text[match.end() : match.end() + 1] == " " and COUNTED.match(text, match.end()):
            continue  # "2017 ekor", "2030 peserta": a count, not a year
        years.add(int(match.group(0)))
    return sorted(years)


# A date with its year in brackets, without a weekday, maybe after a place: "...,
# (24/05/19)", "(5-4-2023)", "(Karang Panjang, 18 Agustus 2016)".
BRACKETED_DATE: Final = re.compile(
    rf"\(\s?(?:[A-Z][\w.'’-]*(?:\ [A-Z][\w.'’-]*){{0,3}},\s?)?(?:{NUMERIC}|(?i:{TEXTUAL}))\s?\)"
)
LEAD_WINDOW: Final = 2000  # characters of the lead searched for a bracketed date
# A range in the lead is announced ahead of it when a later paragraph dates what the
# release reports (a press conference, "Senin (14/3/2022)") up to this many days before
# the range's first day: that date is the release's.
RANGE_NOTICE_DAYS: Final = 31


def _first_bracketed(text: str) -> FoundDate | None:
    for match in BRACKETED_DATE.finditer(text):
        groups = match.groupdict()
        if (
            _has_year(groups)
            and not _quoted(text, match.start())
            and (day := _from_match(groups, None))
        ):
            return FoundDate(datetime(day.year, day.month, day.day), False, None, match.group(0))
    return None


# A range of days with its year, in the lead: "23 hingga 25 April 2019", "12 s.d. 14 Mei
# 2024", "3-5 Juli 2023", "30 April sampai dengan 2 Mei 2019", "13 dan 14 Maret 2014". The
# release's date is its first day.
RANGE_DATE: Final = re.compile(
    rf"""(?ix)
    \b(?P<rd>\d{{1,2}})(?:\s+(?P<rm>{_MONTH_ALT})\.?(?:\s+(?P<ry>\d{{4}}))?)?
    \s*(?:[-–—]|hingga|sampai(?:\s+dengan)?|s\.\s?d\.?|s/d|dan)\s*
    (?:tanggal\s+)?
    {TEXTUAL}
    """
)


def _first_ranges(text: str) -> tuple[FoundDate | None, FoundDate | None]:
    """The first day of the first range of days with a year in `text` (RANGE_DATE), and
    that of the first range announced as coming ("... 3-5 Juli 2025 mendatang"): the
    release's date only when the text gives no other. Ranges inside quotations do not
    count."""
    current: FoundDate | None = None
    coming: FoundDate | None = None
    for match in RANGE_DATE.finditer(text):
        if not match["ty"] or _quoted(text, match.start()):
            continue
        end_month = MONTHS[match["tm"].lower()]
        month, year, day = MONTHS[(match["rm"] or match["tm"]).lower()], int(match["ty"]), 0
        if match["ry"]:
            year = int(match["ry"])  # "19 September 2024 sampai dengan 4 Oktober 2024"
        elif month > end_month:
            year -= 1  # "30 Desember hingga 2 Januari 2024"
        if (month, year) != (end_month, int(match["ty"])) or int(match["rd"]) <= int(match["td"]):
            day = int(match["rd"])
        try:
            first = date(year, month, day)
        except ValueError:
            continue  # day 0 too: the range ends before it starts
        found = FoundDate(datetime(first.year, first.month, first.day), False, None, match[0])
        if not FUTURE_AFTER.match(text, match.end()):
            return found, coming
        coming = coming or found
    return current, coming


def _first_named(text: str, bare: bool = True, coming: bool = True) -> FoundDate | None:
    """The first date named "pada tanggal", "per tanggal" or (with `bare`) "tanggal"
    alone ("... di Labuan Bajo tanggal 9 Oktober 2023"), but a letter's date; without
    `coming`, but one announced as coming ("pada tanggal 3 November 2023 mendatang")."""
    for match in NAMED_DATE.finditer(text):
        groups = match.groupdict()
        start = match.start()
        if not match["on"] and (
            not bare
            or _LETTER_BEFORE.search(text, max(0, start - 60), start)
            or _DEADLINE_BEFORE.search(text, max(0, start - 20), start)
        ):
            continue
        if not coming and FUTURE_AFTER.match(text, match.end()):
            continue
        if _has_year(groups) and (day := _from_match(groups, None)):
            return FoundDate(datetime(day.year, day.month, day.day), False, None, match.group(0))
    return None


# A date with its year after "pada", without "tanggal": "genap berusia 78 tahun pada 15
# Juli 2024 ini".
ON_DATE: Final = re.compile(rf"(?i)\bpada\s+{TEXTUAL}")


def _first_on(text: str) -> FoundDate | None:
    """The first date named "pada" (ON_DATE) with its year, but one to come or quoted."""
    for match in ON_DATE.finditer(text):
        if not match["ty"] or FUTURE_AFTER.match(text, match.end()) or _quoted(text, match.start()):
            continue
        if day := _from_match(match.groupdict(), None):
            return FoundDate(datetime(day.year, day.month, day.day), False, None, match.group(0))
    return None


def _quoted(text: str, position: int) -> bool:
    """Whether `position` of `text` stands inside a quotation (curly or straight quotes).

    A quotation the paragraph never closes after `position` is none: a writer's slip
    ("“Kami belajar ke sini,  kata Wali Kota ... Selasa (7/9/2021)").
    """
    before = text[:position]
    unclosed = before.count("“") - before.count("”")
    straight = before.count('"')
    if unclosed > 0:
        if straight < unclosed:
            return text.find("”", position) >= 0 or text.find('"', position) >= 0
        straight -= unclosed  # “...," : a straight quote closed a curly one
    return straight % 2 == 1 and text.find('"', position) >= 0
