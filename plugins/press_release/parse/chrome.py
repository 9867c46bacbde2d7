"""Page chrome: lines a web page wrapped around the release, and credit lines.

Three kinds of line are recognised here:

- leading chrome, met before the release starts (counters, archive headings, ads);
- trailing markers: a line from which everything to the end is chrome
  ("Berita Terkait", share buttons, comment forms, related-news timestamps);
- chrome lines dropped wherever they stand ("Baca juga: ...", rules of dashes).

Credit lines ("Editor: Yusuf", "Sumber: https://...") are not chrome: they are kept
as the release's credits.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from .normalise import fewer_words, may_fold_to_ascii

_MONTH = (
    r"(?:jan(?:uari)?|feb(?:ruari)?|pebruari|mar(?:et)?|apr(?:il)?|mei|jun(?:i)?|jul(?:i)?"
    r"|agu(?:stus)?|agt|ags|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|nopember"
    r"|des(?:ember)?)"
)

LEADING_CHROME = re.compile(
    r"""(?ix)
    \d[\d .,]*                                   # a bare counter: "0 400"
    | \d[\d.,]*\ (?:admin|views?|kali|komentar|comments?|dilihat|pembaca)  # "419 Admin"
    | (?:category|tag|author)\ archives?\b.*     # WordPress: "Category Archives: Biro ..."
    | (?:arsip\ )?kategori\ ?:.*                 # "Kategori: Berita"
    | (?:home|beranda)\ ?[»>/|].*                # breadcrumbs
    | \[?(?:iklan|advertisement|advertorial\ space|ads?|sponsored|placeholder)\]?
    | (?:skip\ to\ content|loading\.{0,3}|menu|search|cari)
    | dibaca\ \d[\d.,]*\ ?(?:kali)?|\d[\d.,]*\ ?x\ dibaca
    | (?:diposting|posted)\ (?:oleh|by)\ .{1,40}
    """
)
# An advertising slogan anywhere in the line: "Ruang iklan tersedia". Apart from the rest
# of leading chrome because the branch must scan the whole line, which only pays when
# the line holds "iklan" or "advertise here" at all (see _may_hold_ad).
LEADING_AD = re.compile(
    r"(?i).*\b(?:pasang\ iklan|iklan\ anda|ruang\ iklan|space\ iklan|advertise\ here)\b.*"
)

TRAILING_MARKER = re.compile(
    rf"""(?ix)
    (?:berita|artikel|postingan)\ (?:terkait|lainnya|terbaru|populer)\b.*
    | related\ (?:posts?|articles?|news)\b.*
    | government\ public\ relations?
    | share(?:\ this)?(?:\ (?:on|article|post))?\s*:?
    | bagikan(?:\ (?:ini|artikel|berita))?\s*:?
    | read\ more\b.*|selengkapnya\s*[>»]*
    | discussion\ about\ this\ post
    | tinggalkan\ (?:balasan|komentar)\b.*|leave\ a\ (?:reply|comment)\b.*
    | komentar\s*:?|\d+\ komentar|comments?\s*:?
    | (?:previous|next)\ (?:post|article)\b.*
    | posting(?:an)?\ (?:lama|baru|sebelumnya|berikutnya)\b.*
    | tags?\s*:.*|label\s*:.*
    | (?:copyright|hak\ cipta)\b.*|©.*                      # "COPYRIGHT © ANTARA 2023"
    | by(?:\ \S+)?
    | \d{{1,2}}\ {_MONTH}\ \d{{4}},?\ (?:jam|pukul|-)?\ ?     # "11 Oktober 2023 Jam 20:47:59"
      \d{{1,2}}[:.]\d{{2}}(?:[:.]\d{{2}})?(?:\ ?wi[bt]a?)?
    """
)

DROPPED_LINE = re.compile(
    r"""(?ix)
    baca\ (?:juga|pula)\b\s*[:;.\-–—]?.*         # "Baca juga: ..."
    | [-–—_=*~.•·]{3,}                            # rules of dashes, stars or dots
    | \.{1,3}|[*•·]                               # a line holding only "." or a star
    | advertisement|iklan|\[iklan\]
    """
)

CREDIT_LINE = re.compile(
    r"""(?ix)
    (?:sumber|editor|pewarta|penulis|reporter|wartawan|fotografer|foto|redaktur|penyunting
       |kontributor|teks|naskah|peliput|liputan|editing|oleh)
    \s*[:;]\s*\S.{0,150}
    """
)

# A rule line fencing a contact block: three or more em dashes (or dashes).
RULE = re.compile(r"[-–—_=]{3,}")


# Characters that can open a match of each pattern, with their case variants as the
# regex engine folds them under IGNORECASE: besides the other ASCII case, "ſ" (long s)
# matches "s", the Kelvin sign (U+212A) matches "k", and "İ" and "ı" match "i". A line
# opening with any other character cannot match, so the pattern need not run: a cheap
# test for the many body lines, checked against every code point in the tests.
TRAILING_FIRST = frozenset("abcdghklnprstABCDGHKLNPRST©ſ\u212a")  # or a digit (\d)
DROPPED_FIRST = frozenset("abiABIİı[-–—_=*~.•·")
CREDIT_FIRST = frozenset("efklnoprstwEFKLNOPRSTWſ\u212a")
RULE_FIRST = frozenset("-–—_=")
# The first two letters, lower-cased, of each branch of TRAILING_MARKER but those opening
# with "©" or a digit. Two ASCII characters match a branch's two letters under
# IGNORECASE exactly when they are equal lower-cased, so a line opening with two ASCII
# characters that are none of these cannot match: most body lines ("Pemerintah ...").
TRAILING_OPENINGS = frozenset(
    ("be", "ar", "po", "re", "go", "sh", "ba", "se", "di", "ti", "le", "ko", "co", "pr", "ne")
    + ("ta", "la", "ha", "by")
)
# The same for LEADING_CHROME: the first two characters, lower-cased, of its branches
# but those opening with a digit.
LEADING_OPENINGS = frozenset(
    ("ca", "ta", "au", "ar", "ka", "ho", "be", "[i", "[a", "[s", "[p", "ik", "ad", "sp", "pl")
    + ("sk", "lo", "me", "se", "di", "po")
)


def matches_any(line: str, patterns: Iterable[str | re.Pattern[str]]) -> bool:
    """True when `line` equals a configured string (any case) or a pattern finds it."""
    folded = None  # casefolded once, and only when a plain string is configured
    for pattern in patterns:
        if isinstance(pattern, str):
            if folded is None:
                folded = line.casefold()
            if folded == pattern.casefold().strip():
                return True
        elif pattern.search(line):
            return True
    return False


def _may_hold_ad(line: str) -> bool:
    """False only when LEADING_AD cannot match: the line holds none of its phrases.

    Every phrase holds "iklan" or is "advertise here". Unless `line` holds a character
    of FOLDS_TO_ASCII, a case-insensitive match of them is a substring of ``line.lower()``.
    """
    lower = line.lower()
    return "iklan" in lower or "advertise here" in lower or may_fold_to_ascii(line)


def is_leading_chrome(line: str, extra: Iterable = ()) -> bool:
    two = line[:2]  # LEADING_CHROME is tried only when LEADING_OPENINGS allows a match
    if (two[:1].isdecimal() or not two.isascii() or two.lower() in LEADING_OPENINGS) and (
        LEADING_CHROME.fullmatch(line)
    ):
        return True
    return (_may_hold_ad(line) and bool(LEADING_AD.fullmatch(line))) or matches_any(line, extra)


def is_trailing_marker(line: str) -> bool:
    first = line[:1]
    if first.isdecimal():
        return bool(TRAILING_MARKER.fullmatch(line))
    if first not in TRAILING_FIRST:
        return False  # "" too: every branch needs a character
    two = line[:2]
    if two.isascii() and two.lower() not in TRAILING_OPENINGS:
        return False
    return bool(TRAILING_MARKER.fullmatch(line))


def is_rule(line: str) -> bool:
    return line[:1] in RULE_FIRST and bool(RULE.fullmatch(line))


def is_dropped_line(line: str, extra: Iterable = ()) -> bool:
    if line[:1] in DROPPED_FIRST and DROPPED_LINE.fullmatch(line):
        return True
    return matches_any(line, extra)


def trailing_and_dropped(
    lines: list[str], is_paragraph: Callable[[str], bool], extra: Iterable = ()
) -> tuple[int | None, list[int]]:
    """Where trailing chrome starts, and which lines above it are dropped chrome.

    The first item is the index of the first line, after the first, from which all is
    trailing chrome: a trailing marker, or a rule with no paragraph below it (a rule
    fencing a contact block); `is_paragraph` tells a paragraph. The second lists the
    indexes of the non-blank lines above it that is_dropped_line() drops. One loop over
    the body lines does both, with the tests of is_rule(), is_trailing_marker() and
    is_dropped_line() inlined, their opening characters first: this runs over every line.
    """
    dropped: list[int] = []
    configured = not (isinstance(extra, tuple | list) and not extra)
    for index, line in enumerate(lines):
        if not line:
            continue
        first = line[0]
        if not index:
            pass  # the first line is never trailing chrome
        elif first in RULE_FIRST:  # then no trailing marker: the two sets are disjoint
            if RULE.fullmatch(line) and not any(map(is_paragraph, lines[index + 1 :])):
                return index, dropped
        elif (
            first.isdecimal()
            or (
                first in TRAILING_FIRST
                and (not (two := line[:2]).isascii() or two.lower() in TRAILING_OPENINGS)
            )
        ) and TRAILING_MARKER.fullmatch(line):
            return index, dropped
        if (first in DROPPED_FIRST and DROPPED_LINE.fullmatch(line)) or (
            configured and matches_any(line, extra)
        ):
            dropped.append(index)
    return None, dropped


def is_credit_line(line: str) -> bool:
    # A credit line holds its ":" or ";" and has at most 14 words.
    if line[:1] not in CREDIT_FIRST or (":" not in line and ";" not in line):
        return False
    return bool(CREDIT_LINE.fullmatch(line)) and fewer_words(line, 15)
