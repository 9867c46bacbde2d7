"""parse_release(): a raw release, top to bottom, as a flat sequence of small steps.

1. decode and normalise the text; read the author's optional ``Key: value`` header;
2. drop leading page chrome;
3. find the dateline line: the first line whose opening parses as a place before a
   separator and that is neither the title nor a caption;
4. read the lines above it: category, title (a doubled title counts once), metadata
   lines, dek, captions;
5. cut trailing chrome below it; set credit lines aside; take the byline code (without
   one naming a reporter, the reporters a credit line names: "Penulis: Ningsih");
6. split the body into paragraphs and lists; render escaped HTML;
7. find the date: header, file name, dateline or metadata line, lead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from itertools import islice
from typing import Final

from ..errors import PressReleaseError
from ..messages import Message
from ..settings import Config
from . import chrome, dates
from .byline import (
    SIGN_OFF_ENDINGS,
    STAR_NUMBER,
    Byline,
    bare_byline,
    bare_credit,
    code_after_stop,
    code_after_stop_slash,
    credited_reporters,
    has_empty_pair,
    is_code,
    split_code,
    strip_end_mark,
    tail_search_start,
    take_byline,
)
from .dateline import (
    DOMAIN,
    NEWSROOM_WORDS,
    OFFICE_HEADS,
    PROVINCE_KEYS,
    TOPIC_RUBRICS,
    UNIT_OPENINGS,
    Dateline,
    author_rubric,
    display_place,
    glued_opening,
    glued_place,
    glued_unit,
    is_outlet,
    match_dateline,
    office_alone,
    outlet_after_dateline,
    outlet_opening,
    place_and_outlet,
    place_opening,
    place_under_province,
    region_opening,
)
from .header import read_header
from .normalise import (
    MARKUP_TAG,
    SENTENCE_STOPS,
    decode_checked,
    fewer_words,
    is_plain,
    normalise_lines,
    strip_markup,
)
from .paragraphs import LIST_ITEM, WRAP_SHORTEST, Block, split_blocks, unwrap, wrap_width
from .regions import is_region, names_district
from .render import body_html
from .slugs import SLUG_MAX, full_slug, slugify

_DIGIT: Final = re.compile(r"\d")
# A lead that opens with the dateline's dash, the dateline alone on the line above it.
DASH_OPENED: Final = re.compile(r"[-–—]\ ?[A-Z][a-z]")
# What CAPTION_START can open with: the first letters of its words in either case, a
# bracket, and the Kelvin sign (U+212A), which IGNORECASE matches to "k". CAPTION_LABEL
# opens with three ASCII capitals: its third character, not the first, tells most lines
# apart.
_CAPTION_FIRST: Final = frozenset("CDFGKPcdfgkp(\u212a")
_CAPITALS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_BULLETS: Final = frozenset("•·▪►")  # BULLET_META's first character
BULLET_META: Final = re.compile(r"[•·▪►]\s*.{1,60}")
CAPTION_START: Final = re.compile(
    r"(?i)\(?(?:(?:foto|gambar)\ \d{1,2}|foto|photo|keterangan\ foto|ket\.?\ ?foto"
    r"|ket(?:\.|erangan)?|dok|dokumentasi|gambar"
    r"|caption(?:\ foto)?|(?:(?:foto|gambar)\ )?dari\ kiri(?:\ ke\ kanan)?|ki-ka)\s*[:.\-–]\s*\S"
    r"|(?i:foto|photo)\ [A-Z][\w.'’]*(?:\ [A-Z][\w.'’]*){0,3}\ [-–|]\ [\w.]{2,40}$"
)  # "Foto: ...", "Ket. ...", "Dok. Humas |", "photo Budi - Outlet.id", "caption foto : ...",
# "(gambar: Suasana ...)", "Dari kiri: Kepala ..., Wakil ..." (who stands where in a photo)
CAPTION_LABEL: Final = re.compile(r"[A-Z]{3,}(?:\ [A-Z]{3,})?\ :\ \S")  # "RESKAL : Kepala DPMD ..."
# A writer's credit without a colon above the dateline: "Oleh Agustinus Bole Malo".
BY_NAME: Final = re.compile(r"(?i:oleh|by)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’,-]*)*")
# A theme's author block, the avatar's name then the writer's, the same name twice:
# "Redaksi oleh Redaksi" (not a headline such as "Pelatihan Menulis oleh Dinas X").
NAME_BY_NAME: Final = re.compile(
    r"(?P<name>[A-Z][\w.'’-]*(?:\ [A-Z][\w.'’-]*){0,2})\ (?:oleh|by)\ (?P=name)"
)

# A person's name alone on its line, up to three words: "Yohanes", "Ani Suryani".
NAME_LINE: Final = re.compile(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}")


def _may_end_name(last: str) -> bool:
    """Whether the character `last` may end a NAME_LINE: a word's character (\\w, as
    str.isalnum() or "_") or one of ".'’-"."""
    return last.isalnum() or last in "_.'’-"


# A reporter's name and the outlet's desk, one brand word: "Budi Santoso - detikNews".
NAME_AND_DESK: Final = re.compile(r"[A-Z][\w.'’]*(?: [A-Z][\w.'’]*){1,3} [-–] [a-z]+[A-Z][A-Za-z]+")
TAIL_CREDIT: Final = re.compile(r"\((?P<code>[^()]{1,60})\)\s*\.?$")
# Beyond these a file is reported as far bigger than any release.
MAX_RELEASE_BYTES: Final = 1_500_000
MAX_RELEASE_BLOCKS: Final = 1000
MAX_LINE_CHARS: Final = 20_000
LEAD_DATE_WINDOW: Final = 2000  # characters of the lead searched for "Selasa (16/4/2019)"


# What a release lacks, said to its author (the commonest messages, made once).
NO_TITLE: Final = Message(
    "no title found; put the title on the first line (or 'Judul: ...' at the top)"
)
NO_DATELINE: Final = Message(
    "no dateline found; start the lead with the place, e.g. 'SAMARINDA – ...'"
)
NO_BYLINE: Final = Message(
    "no byline code found; end the release with the reporter/desk code, e.g. '(rus/humasprov)'"
)
NO_DATE: Final = Message(
    "no date found in the text or file name; add a line 'Tanggal: 2024-03-12' at the top "
    "followed by a blank line, or start the file name with the date (2024-03-12-judul.txt)"
)
NO_BODY: Final = Message("the release has no body text")
CATEGORY, PLACE, REPORTER = Message("category"), Message("place"), Message("reporter")


@dataclass
class Release:
    """Everything read from one release file."""

    source: str = ""
    title: str | None = None
    category: str | None = None
    dateline: str | None = None
    dateline_display: str | None = None
    dateline_agency: str | None = None
    dateline_text: str | None = None
    byline: str | None = None
    reporters: list[str] = field(default_factory=list)
    # Reporters named by credit lines ("Penulis: Ningsih") when no byline code names one.
    credited_reporters: list[str] = field(default_factory=list)
    desk: str | None = None
    date: datetime | None = None
    date_has_time: bool = False
    date_source: str | None = None
    dek: str | None = None
    captions: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    summary: str = ""
    body_html: str = ""
    slug: str | None = None
    tags: list[str] = field(default_factory=list)
    status: str | None = None
    old_url: str | None = None
    header: dict[str, str] = field(default_factory=dict)
    encoding: str = "utf-8"
    dropped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def body_text(self) -> str:
        return "\n\n".join(block.plain() for block in self.blocks)

    @property
    def date_iso(self) -> str | None:
        if self.date is None:
            return None
        if self.date_has_time:
            return self.date.isoformat(timespec="minutes")
        return self.date.date().isoformat()


def shown_title(release: Release, fallback: str) -> str:
    """The title a release is published under: its own, else the start of its lead,
    else `fallback` (the file name's stem)."""
    if release.title:
        return release.title
    words = release.summary.split()
    return " ".join(words[:10]) + ("…" if len(words) > 10 else "") or fallback


def _same(a: str, b: str) -> bool:
    # Speed: most pairs differ in their first characters, which (when neither is a space)
    # open both normalised texts as they are folded; an empty or all-dots text aside.
    x, y = a[:1], b[:1]
    if (
        x != y
        and x
        and y
        and not (x.isspace() or y.isspace())
        and x.casefold()[:1] != y.casefold()[:1]
    ):
        return False
    return " ".join(a.split()).casefold().rstrip(" .") == " ".join(b.split()).casefold().rstrip(
        " ."
    )


def _ends_sentence(line: str) -> bool:
    """Whether `line` ends with a SENTENCE_STOPS character (before a final line feed)."""
    return line[-1:] in SENTENCE_STOPS or (line[-1:] == "\n" and line[-2:-1] in SENTENCE_STOPS)


# A photo's credit after a bar closing a caption: "... secara virtual.| foto : istimewa",
# "... bersama || Foto: Istimewa".
BAR_PHOTO_CREDIT: Final = re.compile(r"(?i)(?:\|\|?|//?)\ ?(?:foto|photo)\ ?:\ ?[^:|/]{1,60}$")


def _bar_photo_credit(line: str) -> bool:
    """A caption closed by a bar and a photo's credit (BAR_PHOTO_CREDIT)."""
    tail = line[-70:]
    # The credit's label holds a colon: most lines with a slash near their end (a byline
    # code's, "(ky/humasdiy)") hold none there.
    return (
        len(line) > 30
        and ("|" in tail or "/" in tail)
        and ":" in tail
        and bool(BAR_PHOTO_CREDIT.search(tail))
    )


def _is_caption(line: str, is_last: bool) -> bool:
    if line[:1] in _CAPTION_FIRST and CAPTION_START.match(line):
        return True
    if line[2:3] in _CAPITALS and " : " in line and CAPTION_LABEL.match(line):
        return True
    if not is_last and _bar_photo_credit(line):
        return True  # "WAGUB X, H Nama menghadiri rakor.| foto : istimewa"
    if is_last or "/" not in line:
        return False  # a credit needs a line below it and a slash in its code
    # TAIL_CREDIT, like TAIL_CODE, can only match at the last brackets of the line.
    credit = TAIL_CREDIT.search(line, tail_search_start(line))
    return bool(credit and "/" in credit["code"] and is_code(credit["code"]))


def _looks_like_paragraph(line: str) -> bool:
    if not fewer_words(line, 15):
        return True
    return not fewer_words(line, 6) and _ends_sentence(line) and not _quoted_headline(line)


_QUOTES: Final = frozenset("\"”’'")


# What a browser title leaves after the headline when the site's name is lost: its bar
# alone ("Title |"; with the post's date, see _browser_title).
TRAILING_BARS: Final = re.compile(r"\ \|{1,2}")


def _unmarked(title: str) -> str:
    """A title without the chat app's bold or italic marks around it ("*Title*",
    "_Title_", pasted from WhatsApp; marks inside it are the author's), without a
    browser title's bar at its end (TRAILING_BARS), or without a bullet before it."""
    if (
        title[-1:] == "|"
        and (bars := TRAILING_BARS.search(title, len(title) - 3))
        and bars.end() == len(title)
        and not fewer_words(title[: bars.start()], 3)
    ):
        title = title[: bars.start()]
    mark = title[:1]
    if mark in _BULLETS and title[1:2] == " " and not fewer_words(title, 4):
        return title[2:].lstrip()  # "• Pemkab X Gelar Y ...": a theme's bullet before the title
    if mark != "*" and mark != "_":
        return title
    if title[-1:] == mark and mark not in title[1:-1] and len(title) > 4:
        return title[1:-1].strip()
    return title


def _quoted_headline(line: str) -> bool:
    """A headline in quotation marks, no stop inside the closing one: '"Warga Kota X,
    Kuatkan Semangat Baru"' (a quoted sentence closes with its stop: '"... siap."'), or
    with the closing one alone."""
    if line[-1] not in _QUOTES or line[-2:-1] in SENTENCE_STOPS:
        return False
    # Its opening mark maybe lost: "Pengawasan Partisipatif: Peran ... Demokrasi”".
    return line[0] in "\"“‘'" or ("“" not in line and '"' not in line[:-1])


def _holds_code(line: str, taken: dict[str, tuple[str, list[str]]] | None = None) -> bool:
    """Whether a body line holds the byline code, which closes the release (or the empty
    brackets a page's template left in its place: "... dewan guru.[]"). With `taken`,
    what take_byline() gave for the line is kept there, by the line."""
    # A code closes the line, but for spaces, stops and dashes ("(rus/hmsprov).", "[dni]",
    # "(DN - TiR).--"), follows a star ("*kmb", "***4***") or a slash ("/bd"): a cheap
    # test spares take_byline() most lines.
    if (
        line.rstrip(" .-–—")[-1:] not in (")", "]")
        and "*" not in line
        and "/" not in line[-12:]
        and line[-4:] not in SIGN_OFF_ENDINGS  # an outlet's domain: "... lainnya. outlet.com"
    ):
        return False
    if line[:2] in ("(V", "[I", "[F") and chrome.is_trailing_marker(line):
        return False  # "(Visited 25 times, 1 visits today)": a counter in brackets;
        # "[Ikuti Outlet.com Melalui Sosial Media]": a call to follow the outlet
    if line[:1] == "[" and chrome.SHORTCODE_LINE.fullmatch(line):
        return False  # "[ad_2]": a plugin's shortcode, dropped as chrome
    found = take_byline(strip_end_mark(line))
    if taken is not None:
        taken[line] = found
    return bool(found[1]) or has_empty_pair(line)


_ITEM_OPENINGS: Final = frozenset(("- ", "• ", "* ", "· ", "– "))


def _is_prose(line: str) -> bool:
    """Whether a body line is prose by its shape: 15 words or more, a sentence of 4 or
    more, or 6 words or more opening in lower case (a sentence broken across lines; a
    shorter lower-case line is as likely a page's row of links, "instagram youtube web").

    What decides, in a release without a byline code, whether a chrome-like line above
    it starts the trailing chrome (chrome.trailing_and_dropped). Not prose: chrome by its
    own shape (chrome.is_chrome_shaped), a teaser cut with an ellipsis, and a trailing
    marker unless it is itself a long sentence ("Hak cipta atas karya batik itu kini
    didaftarkan ..."; a label such as "Tags: banjir, rapat." is no sentence).
    """
    # The cheap tests first: most lines below a chrome-like line are short chrome.
    if fewer_words(line, 4) or line.endswith(("…", "...")):
        return False
    if chrome.is_trailing_marker(line):
        # A marker's line that is a sentence ("© 2024 pemerintah ... ."): prose unless it is
        # chrome by a shape that holds anywhere; the shapes of leading chrome ("© ...",
        # "Tags: ...") hold above the title only.
        return (
            _looks_like_paragraph(line)
            and not chrome.FORM_NOTICE.match(line)
            and not chrome.is_copyright_notice(line)
            and not chrome.is_follow_prompt(line)
            and not chrome.is_credit_line(line)
            and not chrome.is_dropped_line(line)
        )
    else:
        prose = (
            # A long item of a list without a stop is a headline the page lists ("- Warga
            # Desa X Gelar ... Lomba0"), as most items below a marker are.
            (not fewer_words(line, 15) and line[:2] not in _ITEM_OPENINGS)
            or _ends_sentence(line)
            or (line[0].islower() and not fewer_words(line, 6))
        )
    return prose and not chrome.is_chrome_shaped(line)


# The label of the site's address, which a dateline's shape fits: "Website || x.go.id".
_SITE_LABELS: Final = frozenset(("website", "situs", "laman", "web"))


def _glued_to_line_above(lines: list[str], index: int) -> bool:
    """Whether the line at `index` opens with the last line above it (of 20 characters or
    more): a title glued to the lead ("Musrenbang Kabupaten, AM Sukri Harap ... Setelah
    melalui ..." under "Musrenbang Kabupaten, AM Sukri Harap ..."), whose comma is no
    dateline's."""
    above = next((x for x in reversed(lines[max(0, index - 4) : index]) if x), "")
    return len(above) >= 20 and lines[index].startswith(above)


def _find_dateline(lines: list[str]) -> tuple[int, Dateline] | None:
    """Index and parse of the dateline line among `lines` ('' = blank).

    A dateline after a weak separator (a comma, colon or full stop: "Balikpapan, ...")
    opens the lead: a line of prose with at most a caption above it, since the same
    shape opens ordinary sentences further down ("Lanjutnya, Pagi ini ..."). A dateline
    alone on its line without a date ("Semarang || pa-semarang.go.id") stands above a
    paragraph.
    """
    rank = 0  # among the non-blank lines, of which the first 40 (menu items aside) are looked at
    prose_above = 0  # paragraphs above the line, captions aside
    limit = 40
    menu = counted = 0  # menu items among lines[:counted]
    # The last line tried, how, and what match_dateline() gave: a page prints its title
    # twice as often as not (the site's heading, the article's), and a title with a dash
    # is the costliest line to try (a prefix parsed and refused at each separator).
    tried: tuple[str, bool, Dateline | None] = ("", False, None)
    for index, line in enumerate(lines):
        if not line:
            continue
        if rank == limit:
            # Items of a page's menu ("• Beranda", or "Profil", "Program Kerja" without
            # bullets), which may run long and be printed twice or more, do not count.
            menu += sum(_menu_item(x) for x in lines[counted:index])  # lines[:index] in all
            counted = index
            if 40 + menu > limit:
                limit = 40 + menu
            else:
                break
        rank += 1
        # Below two paragraphs, only a strong separator can still open the lead (a
        # dateline under captions); the other shapes open ordinary sentences there.
        strong_only = prose_above >= 2
        if tried[0] == line and tried[1] == strong_only:
            found = tried[2]
        else:
            found = match_dateline(line, strong_only=strong_only)
            tried = (line, strong_only, found)
        if (
            found is None
            or (
                found.weak
                and (
                    prose_above
                    or not _looks_like_paragraph(_continued(lines, index))
                    or _glued_to_line_above(lines, index)
                )
            )
            or (found.place and found.place.casefold() in _SITE_LABELS)  # "Website || x.go.id"
        ):
            if (
                prose_above < 2
                # _closes_prose()'s own first tests: most lines here are titles and labels.
                and (line[-1] in SENTENCE_STOPS or len(line) > 120)
                and _closes_prose(line)
                and not _is_caption(line, False)
            ):
                prose_above += 1
            continue
        # The next non-blank line, looked for only now: most lines are no dateline.
        # Speed: islice() finds it without copying the rest of the list.
        following = next(filter(None, islice(lines, index + 1, None)), "")
        is_last = not following
        if found.rest:
            if (
                not is_last
                and not _ends_sentence(line)
                and fewer_words(line, 16)
                and not following[:1].islower()
                # a place and a full date (or its comma before the dash: "Palu, – ") open
                # a lead broken early, not a title: "Padang, Jumat, 24 Oktober 2025 -
                # Bertempat di X" over "Ketua ... melakukan ..."
                and not (
                    (found.date_text or found.text.rstrip("-–— ").endswith(","))
                    and found.place
                    and (is_region(found.place) or names_district(found.place))
                    and _closes_prose(following)
                    and match_dateline(following) is None
                )
            ):
                continue  # a title: "Samarinda - Pemprov Gelar Rapat ..."
            if (
                not is_last
                and _headline_case(found.rest)
                # a lead written in Title Case runs on and ends its sentence, with no
                # dateline of its own below it
                and not (
                    line[-1] in SENTENCE_STOPS
                    and not fewer_words(line, 16)
                    and match_dateline(following, strong_only=True) is None
                )
            ):
                continue  # a long title: "UNIT – Ka UNIT Berharap Melalui Rapat ... Dan ..."
            if (
                (_is_caption(line, is_last) or _credited_caption(line))
                and fewer_words(found.rest, 40)
                # "BONTANG : Pemerintah ...", "DISKOMINFO : Untuk ...": a known place's or
                # the office's label, over no other dateline
                and not (
                    (is_region(found.place or "") or (found.place is None and found.agency))
                    and match_dateline(following) is None
                )
            ):
                continue
            if (
                # A caption printed above the lead it copies ("LABEL - Gubernur ..." over
                # "OUTLET.COM – Gubernur ..."): the opening 40 characters (six words or
                # more) again in the line below, after a dateline of its own.
                following.find(found.rest[:40], 0, 200) > 0
                and len(found.rest) >= 60
                and match_dateline(following) is not None
            ):
                continue
            if (
                found.place
                and found.place.isupper()
                and not is_region(found.place)
                and _known_place_below(lines, index)
                and not names_district(found.place)
            ):
                # "BUKA PINTU KOLABORASI - Pertemuan ..." over "Outlet.co.id, Lampung
                # Selatan - Terjadi ...": a photo's caption under its kicker in capitals,
                # a dateline of a known place below it
                continue
        elif is_last or (
            found.date_text is None
            and not _looks_like_paragraph(following)
            # a lead broken by a wrap: "Setelah mengirim bantuan ... banjir dan" / "longsor di"
            and not _continued_paragraph(lines, lines.index(following, index + 1))
        ):
            continue  # "Jakarta, 26 Januari 2021" with nothing after it
        elif found.place is None and (below := match_dateline(following)) and below.place:
            continue  # "Outlet.com -" alone over "Place, 11 Juli 2025 – Lead": the lead's own
        elif found.date_text is None and NAME_AND_DESK.fullmatch(line):
            continue  # a reporter and the desk: "Budi Santoso - detikNews"
        return index, found
    return None


def _dash_opened_lead(body: list[str]) -> int | None:
    """The index of the first line of `body` when it opens with a dash glued or spaced to
    a capitalised word ("-Bupati ...", "- Camat ...") and runs on as a lead does."""
    first = next((i for i, x in enumerate(body) if x), None)
    if first is None or body[first][:1] not in "-–—":
        return None
    return first if DASH_OPENED.match(body[first]) and not fewer_words(body[first], 8) else None


def _known_place_below(lines: list[str], index: int) -> bool:
    """Whether one of the two non-blank lines below `index` opens with a dateline before a
    strong separator whose place the regions' table knows (a region's or a district's
    name)."""
    below = filter(None, islice(lines, index + 1, None))
    for line in islice(below, 2):
        found = match_dateline(line, strong_only=True)  # below a caption: a dash's dateline
        if found and found.place and (is_region(found.place) or names_district(found.place)):
            return True
    return False


def _wrapped_dateline(lines: list[str]) -> tuple[list[str], tuple[int, Dateline]] | None:
    """In a hard-wrapped text without a dateline, one that its wrap broke after the
    lead's first word, which unwrap() could not tell from a title ("MAGELANG-outlet.id-Wali"
    / "Kota Magelang meninjau ..."): one of the first lines, read with the next, opens
    with a dateline. The lines with those two joined, and the dateline's index and parse."""
    seen = 0
    for index, line in enumerate(lines[:-1]):
        if not line:
            continue
        seen += 1
        if seen > 3:
            break
        following = lines[index + 1]
        if _ends_sentence(line) or len(following) < WRAP_SHORTEST:
            continue
        found = match_dateline(f"{line} {following}")
        if found and found.rest and not found.weak and line.startswith(found.text):
            return [*lines[:index], f"{line} {following}", *lines[index + 2 :]], (index, found)
    return None


def _opens_lead(line: str, min_words: int) -> bool:
    """Whether `line` opens with a dateline and `min_words` words or more after it."""
    return match_dateline(line, min_words=min_words) is not None


def _continued(lines: list[str], index: int) -> str:
    """The line at `index`, with the next one when that goes on with its sentence: a
    lead's first line broken by a wrap ("BONTANG : Pemerintah ... kepada kelompok" /
    "tani pesisir di ...") is a paragraph's start, not a label."""
    line = lines[index]
    following = lines[index + 1] if index + 1 < len(lines) else ""
    if following[:1].islower() and not _ends_sentence(line):
        return f"{line} {following}"
    return line


def _office_tag_below(
    dateline: Dateline, lines: list[str], index: int
) -> tuple[Dateline, list[str]] | None:
    """A dateline alone on its line ("Jayapura, Senin, 12 Januari 2026") over a lead that
    opens with the office's or outlet's tag and a dash ("HUMAS PAPUA INFO– Suasana ..."):
    one dateline of both, its rest the lead after the tag, and the lines without the
    tag's line (the caller reads the lead from the dateline's rest)."""
    following = index + 1
    while following < len(lines) and not lines[following]:
        following += 1
    tag = match_dateline(lines[following]) if following < len(lines) else None
    if tag is None or tag.place is not None or not tag.agency or tag.weak or not tag.rest:
        return None
    joined = replace(
        dateline,
        agency=dateline.agency or tag.agency,
        text=f"{dateline.text} {tag.text}",
        rest=tag.rest,
    )
    return joined, [*lines[:index], lines[index], *lines[following + 1 :]]


# The shortest lead's line whose second printing marks the release printed again.
COPY_MIN: Final = 60


def _printed_again(lines: list[str], index: int) -> int | None:
    """Where the lead's line at `index` is printed again below it, or None (most
    releases). A short line may recur for other reasons: only one of COPY_MIN characters
    or more counts."""
    lead = lines[index]
    # Speed: list.index() raises when the line is not found below (most releases), and
    # the error's message holds the line's repr, built each time (about 10,000
    # instructions a release). A count of one is the line itself: no copy anywhere.
    if len(lead) < COPY_MIN or lines.count(lead) < 2:
        return None
    try:
        return lines.index(lead, index + 1)
    except ValueError:
        return None


def _lead_teaser(lines: list[str], index: int, again: int) -> bool:
    """Whether the lead's line at `index`, printed again at `again`, is a teaser printed
    above the title: the lines between are a headline or two (without a sentence's
    stop), and the release starts at `again`."""
    between = [x for x in lines[index + 1 : again] if x]
    return 1 <= len(between) <= 3 and not any(_ends_sentence(x) or len(x) > 150 for x in between)


def _second_copy(lines: list[str], index: int, again: int) -> int | None:
    """Where a second printing of the release starts, when a page printed it twice (the
    copy often cut short): the lead's line at `index` printed again at `again`, followed
    by the line that follows the lead, or by nothing, and with the lines above the lead
    printed again just above it (the title, its date). None when it is no copy."""
    after = next(filter(None, islice(lines, index + 1, None)), "")
    copied = next(filter(None, islice(lines, again + 1, None)), "")
    if copied and not (copied == after or after.startswith(copied)):
        return None
    top = set(filter(None, lines[:index]))
    start = again
    while start > index + 1 and (not lines[start - 1] or lines[start - 1] in top):
        start -= 1
    while not lines[start]:
        start += 1
    return start


def _copy_left_out(copy: list[str]) -> Message:
    """The warning naming a second printing of the release left out."""
    return Message(
        "the release is printed twice; the second printing (%(count)s line(s), starting "
        "with %(first)r) was left out",
        count=sum(1 for x in copy if x),
        first=next(filter(None, copy))[:60],
    )


def _menu_item(line: str) -> bool:
    """A menu's item: a bullet's short line, or a line of one to three words without a
    stop, a digit or a sentence's punctuation ("Profil", "Visi & Misi")."""
    if not line or len(line) >= 40:
        return False
    if line[0] in _BULLETS:
        return True
    return line[-1] not in ".!?:;,)" and fewer_words(line, 4) and not _DIGIT.search(line)


_LOWER_WORD: Final = re.compile(r" [a-z]")  # a word opening in lower case (but the first)


def _headline_case(text: str) -> bool:
    """Text in a headline's Title Case: eight words or more, every one but at most one
    opening with a capital or a digit, the little words too ("Di", "Dan", "Oleh"). A
    lead's sentence holds lower-case words."""
    # A lead shows two words opening in ASCII lower case in its first 100 characters:
    # two short searches end the test there for most.
    first = _LOWER_WORD.search(text, 0, 100)
    if first and _LOWER_WORD.search(text, first.end(), 100):
        return False
    words = text.split(None, 40)
    if len(words) < 8:
        return False
    lower = 0
    for word in words[:40]:
        if word[0].islower():
            lower += 1
            if lower > 1:
                return False
    return True


def _closes_prose(line: str) -> bool:
    """A paragraph of prose, not a long title: a sentence of 6 words or more, or 30 words."""
    # Thirty words take more than 120 characters: a shorter line needs no count.
    return (_ends_sentence(line) and not fewer_words(line, 6)) or (
        len(line) > 120 and not fewer_words(line, 30)
    )


def _continued_paragraph(lines: list[str], index: int) -> bool:
    """Whether the line at `index` opens a paragraph broken over two lines: the next line
    goes on in lower case or with a number, and the two read as a paragraph ("... Senin
    (25/1/2021)" over "dalam rangka hari jadi kabupaten.", a copy wrapped short of any
    width)."""
    after = lines[index + 1] if index + 1 < len(lines) else ""
    first = after[:1]
    return (first.islower() or first.isdecimal()) and _looks_like_paragraph(
        f"{lines[index]} {after}"
    )


def _header_without_dateline(lines: list[str]) -> int:
    """Where the body starts when there is no dateline: the first paragraph-like line,
    but a photo caption above the lead (see _dated_caption)."""
    # Chrome lines between the title and the lead (an app's reading time, its buttons'
    # names) take no rank.
    # Nor do a page's short bullets above the title (its address, its e-mail).
    # Nor do the lines of a list of other headlines or of a menu above them.
    listed = {i for run in _list_runs(lines) for i in run}
    content = [
        i
        for i, x in enumerate(lines)
        if x
        and (not i or not chrome.is_leading_chrome(x))
        and not (x[0] in _BULLETS and len(x) < BULLET_ROW_MAX)
        and i not in listed
    ]
    if len(content) > 2 and (copy := _title_copy(lines, content)) is not None:
        # The lead follows the title's copy: a paragraph does, soon after it (a "copy"
        # at the end of the page is a teaser or chrome printed twice, not a title).
        # A paragraph of words: a table's cells printed below the body (": | 1 |" four
        # times, joined as one line) are not the lead.
        after = [i for i in content if i > copy]
        if any(_looks_like_paragraph(lines[i]) and _wordy(lines[i]) for i in after[:4]):
            content = after
    for rank, index in enumerate(content):
        line = lines[index]
        if (
            rank == 0
            and len(content) > 1
            and (not _looks_like_paragraph(line) or _long_title(line, lines[content[1]]))
        ):
            continue
        if (
            rank == 1
            and len(content) > 2
            and _rubric(lines[content[0]])
            and _long_title(line, lines[content[2]])
        ):
            continue  # a long title under its rubric's label: "Kajian" over "Minat ..."
        if rank < 4 and not _ends_sentence(line) and _opens_a_paragraph_below(lines, content, rank):
            continue  # a title the lead opens with again: "Rapat X" over "Rapat X dilaksanakan ..."
        if (
            rank == 1
            and len(content) > 2
            and not _ends_sentence(line)
            and fewer_words(line, 25)
            and office_name(lines[content[0]])
            and _looks_like_paragraph(lines[content[2]])
        ):
            continue  # the headline under the site's header naming the office
        if (
            line[-1] in "?!"
            and rank + 1 < len(content)
            and (rank == 0 or (rank == 1 and fewer_words(lines[content[0]], 4)))
            and fewer_words(line, 15)
        ):
            continue  # a headline asking or exclaiming, maybe under a section's label
        if rank < 4 and rank + 1 < len(content) and _dated_caption(line, lines[content[rank + 1]]):
            continue
        if rank < 8 and rank + 1 < len(content) and _is_photo_caption(line):
            continue  # "Kantor Bupati X. Foto: site.go.id" above the lead
        if (
            rank < 8
            and rank + 1 < len(content)
            and line[:1] in _CAPTION_FIRST
            and (label := CAPTION_START.match(line))
            # one sentence, a caption's: not a lead glued to one ("Foto : Title Lead. ...")
            and ". " not in line[label.end() :]
        ):
            continue  # "Ket.Foto : Walikota ... Sabtu (10/12)." above the lead
        if (
            line[0] in _BULLETS
            and rank < 8
            and rank + 1 < len(content)
            and not _ends_sentence(line)
            and fewer_words(line, 25)
            and _looks_like_paragraph(lines[content[rank + 1]])
        ):
            continue  # "• Pemkab X Gelar Y": a theme's bullet before the title, the lead below
        if rank < 4 and rank + 1 < len(content) and _page_stamp(line):
            continue  # "Oleh MC Kab X, Jumat, 11 Juli 2025 | 14:28 WIB - Redaktur: ..."
        if (
            rank < 4
            and rank + 1 < len(content)
            and line[-2:] == " |"
            and _caption_cell(lines, index)
        ):
            continue  # "Bupati meninjau ... Prambon. |": a picture's caption cell
        if _looks_like_paragraph(line) or _continued_paragraph(lines, index) or rank >= 4:
            if (
                rank < 8
                and rank + 1 < len(content)
                and (_read_more(line) or _read_more(lines[content[rank + 1]]))
            ):
                continue  # a widget's teaser and its "selengkapnya..." above the release
            return index
    return content[0] if content else len(lines)


def _page_stamp(line: str) -> bool:
    """A page's metadata line, however long, above a lead without dateline: labelled
    ("Created At : 2018-07-05 ...", _labelled_date) or a writer's stamp with the time
    ("Oleh MC Kab X, Jumat, 11 Juli 2025 | 14:28 WIB - Redaktur: Y - 165")."""
    if _labelled_date(line):
        return True
    return (
        line[:5] in ("Oleh ", "OLEH ")
        and len(line) <= 160
        and (" | " in line or " WIB" in line)
        and dates.find_date(line) is not None
    )


def _wordy(line: str) -> bool:
    """At least six of its words hold a letter, and most of them do (a table's cells
    printed around a title's copy hold the title's words, not a sentence's)."""
    words = line.split()
    lettered = sum(any(c.isalpha() for c in word) for word in words)
    return lettered >= 6 and 2 * lettered > len(words)


def _opens_a_paragraph_below(lines: list[str], content: list[int], rank: int) -> bool:
    """Whether the line at `content[rank]`, of five words or more, opens one of the next
    three lines, a paragraph that runs on after it: the title, which the lead repeats."""
    line = lines[content[rank]]
    if fewer_words(line, 5):
        return False
    return any(
        lines[index].startswith(line) and _looks_like_paragraph(lines[index][len(line) :])
        for index in content[rank + 1 : rank + 4]
    )


def _long_title(line: str, following: str) -> bool:
    """A title of 15 words or more above the lead: shaped like a title (no stop closing
    it or inside it, fewer than 30 words), most words capitalised (at most a third open
    in lower case, as "dengan", "dan", "di" do in a headline; a lead's words mostly
    do), over a paragraph closed by a stop."""
    if _ends_sentence(line) or not _title_shaped(line, 15) or not _closes_prose(following):
        return False
    words = line.split()
    return 3 * sum(word[0].islower() for word in words) <= len(words) and not _closing_day(line)


def _closing_day(line: str) -> bool:
    """Whether a weekday and its date in brackets close `line`, as they close a lead's
    sentence or a caption's, never a headline's: "..., Kamis, (19/12)", "... Senin
    (10/11/2025)"."""
    if line[-1:] != ")" or not line[-2:-1].isdecimal():
        return False
    tail = line[-48:]
    return any(match.end() == len(tail) - 1 for match in dates.weekday_dates(tail))


BULLET_ROW_MAX: Final = 60  # characters of a bullet's line in a page's header (see above)


# A browser title's date after the title: " |21-11-2025|", " | (07/05)".
_DATE_SUFFIX: Final = re.compile(r"\ ?\|{1,2}\ ?\(?\d{1,2}[-/.]\d{1,2}(?:[-/.]\d{2,4})?\)?\ ?\|?")


def _title_copy(lines: list[str], content: list[int]) -> int | None:
    """The index of a copy of the title among the next lines of `content`: the title is
    one of the first lines (under the site's name and a rubric, maybe), its copy the
    headline above the lead, the first maybe the browser's title with the site's name
    after it ("Title - Site" above a page's menu, date and "Title") or a breadcrumb
    before it ("Home rubric Title")."""
    for at, start in enumerate(content[:TITLE_COPY_FIRST]):
        first = lines[start]
        if not _title_shaped(first, 3) or sum(w[:1].isalpha() for w in first.split()) < 2:
            continue  # a title holds words: not a table's cell ": | 1 |" printed twice
        if chrome.is_dropped_line(first):
            continue  # nor is it a link: "Baca Juga: ..." printed above and in the body
        key = " ".join(first.split()).casefold().rstrip(" .")
        crumbed = key[:4] in ("home", "bera")  # a breadcrumb may run into the title's copy
        for index in content[at + 1 : at + 12]:
            other = " ".join(lines[index].split()).casefold().rstrip(" .")
            if other == key or (
                len(other) > 20
                and (
                    (
                        key.startswith(other)
                        and (
                            _site_suffix(key[len(other) :])
                            or _DATE_SUFFIX.fullmatch(key, len(other))  # "Title |21-11-2025|"
                        )
                    )
                    or (crumbed and _crumb_over_title(key, other) is not None)
                )
            ):
                return index
    return None


TITLE_COPY_FIRST: Final = 6  # lines of the page's top where a doubled title may stand


def _table_cell_caption(line: str) -> bool:
    """A picture's caption copied from a table's cell, its border kept at the end: a
    sentence, then " |"; or six words or more between two borders ("| Sosialisasi ...
    Foto/IST |")."""
    if not line.endswith(" |"):
        return False
    if line[:2] == "| ":
        return "|" not in line[2:-2] and not fewer_words(line, 8)
    return _is_sentence(line[:-2].rstrip())


# A breadcrumb trail of the home page and one rubric, without marks: "Home Kota".
SPACED_CRUMB: Final = re.compile(
    r"(?:Home|HOME|Beranda|BERANDA)\ (?P<rubric>[A-Z][\w&-]*(?:\ [A-Z][\w&-]*)?)"
)
# A breadcrumb's start: "Home", "Beranda", then the rubric.
_CRUMB_HOME: Final = re.compile(r"(?i:home|beranda)\ (?P<rubric>\w[\w&-]*(?:\ \w[\w&-]*)?)\ ")
# ... run together before a title in quotation marks: 'HomeBerita"Title"'.
_GLUED_CRUMB: Final = re.compile(r"(?i:home|beranda)(?P<rubric>[A-Za-z]\w{2,20})")
# Curly quotation marks as straight ones: a breadcrumb may print the title with either.
_STRAIGHT_QUOTES: Final = str.maketrans("“”‘’", "\"\"''")


def _crumb_over_title(line: str, title: str) -> str | None:
    """The rubric of a breadcrumb run together with the title it stands over: "Home
    kesehatan “RSUD X: Dorong ...”" over "“RSUD X: Dorong ...”" -> "kesehatan"."""
    if len(line) <= len(title) or line[:4].lower() not in ("home", "bera"):
        return None  # most lines: no trail's opening
    line, title = line.translate(_STRAIGHT_QUOTES), title.translate(_STRAIGHT_QUOTES)
    if not line.endswith(title):
        return None
    crumb = line[: len(line) - len(title)]
    match = _CRUMB_HOME.fullmatch(crumb) or (title[:1] == '"' and _GLUED_CRUMB.fullmatch(crumb))
    return match["rubric"] if match else None


def _caption_cell(lines: list[str], index: int) -> bool:
    """Whether the line at `index` is a table cell's caption (_table_cell_caption), or a
    cell above one, without other borders: who the picture shows ("Gubernur X, SE |")."""
    line = lines[index]
    if _table_cell_caption(line):
        return True
    below = next((x for x in lines[index + 1 : index + 3] if x), "")
    return "|" not in line[:-2] and _table_cell_caption(below)


def _cell_border(line: str) -> str:
    """`line` without a table cell's borders ("| ", " |") around it."""
    line = line[:-2].rstrip() if line.endswith(" |") else line
    return line[2:] if line[:2] == "| " else line


# A full date closing a line: "..., Senin 15 Juli 2019", "... (15/7/2019)".
_CLOSING_DATE: Final = re.compile(r"\d{4}\)?$")


def _dated_caption(line: str, following: str) -> bool:
    """A photo caption above the lead: a line of 12 words or more that ends with a full
    date and no stop ("Bupati menerima petikan ... di Rumah Dinas, Senin 15 Juli 2019"),
    above a paragraph closed by a stop that gives the same date (the event pictured)."""
    if not (
        line[-1:] in "0123456789)"
        and _CLOSING_DATE.search(line, len(line) - 6)
        and not fewer_words(line, 12)
        and _closes_prose(following)
    ):
        return False
    pictured = dates.find_date(line[-30:])
    if pictured is None:
        return False
    reported = dates.find_date(following[:LEAD_DATE_WINDOW])
    return reported is not None and reported.value.date() == pictured.value.date()


# A page's breadcrumb trail: "Home / Peristiwa", "Beranda » Berita » Kesehatan", or three
# short items or more between slashes ("Berita / Berita Terbaru / Detail").
_CRUMB: Final = r"[^\s/»›>|][^/»›>|]{0,40}?"
BREADCRUMB: Final = re.compile(
    rf"(?i:home|beranda)\ ?[/»›>|]\ ?{_CRUMB}(?:\ ?[/»›>|]\ ?{_CRUMB}){{0,4}}"
    rf"|{_CRUMB}(?:\ /\ {_CRUMB}){{2,5}}"
    rf"|[»›]\ {_CRUMB}(?:\ [»›]\ {_CRUMB}){{0,4}}"  # "» Palangka Raya »": the home icon lost
    rf"|{_CRUMB}(?:\ [»›]\ {_CRUMB}){{1,5}}"  # "Informasi › Berita": marks no prose uses
)
_CRUMB_OPENING: Final = re.compile(r"(?im)^(?:home|beranda|[»›]\ )|\ [»›]\ ")
# A rubric between dashes under the title: "-Utama-", "- Berita Daerah -".
DASHED_RUBRIC: Final = re.compile(r"-\ ?(?P<rubric>[A-Z][\w&]*(?:\ [\w&]+){0,2})\ ?-")
# A rubric glued to the post's view counter, alone on its line: "Breaking News289 Dilihat".
RUBRIC_COUNTER: Final = re.compile(
    r"(?m)^(?P<rubric>[A-Z][A-Za-z&]*(?:\ [A-Z&][A-Za-z&]*){0,3})\d+\ (?i:dilihat|views?)$"
)
_CRUMB_SPLIT: Final = re.compile(r"\s*[/»›>|]\s*")
# A breadcrumb's last items that name the page, not its rubric: "Detail", "Read".
_PAGE_CRUMBS: Final = frozenset(("detail", "details", "read", "baca", "post", "view", "lihat"))


def _dropped_label(dropped: list[str]) -> str | None:
    """The category a labelled line among the `dropped` ones names: "Kategori :
    Pemerintahan" as the file's first line, dropped as chrome before the title was read."""
    for line in dropped:
        if (
            line[:8].lower() in _CATEGORY_LABELS
            and ":" in line[:12]
            and (name := _category_label(line))
            and fewer_words(name, 5)
        ):
            return name
    return None


def _rubric_among_dropped(dropped: list[str], title: str | None) -> str | None:
    """The rubric a line among the `dropped` ones names: glued to a view counter
    (RUBRIC_COUNTER), or a breadcrumb trail's last item but the page's own (the title,
    "Detail"), of a few words without a digit."""
    # Speed: a trail holds " / " or opens with "Home" or "Beranda"; one search of the
    # lines joined finds whether any may be one (most pages drop many lines, none a trail).
    joined = "\n".join(dropped)
    if ("ilihat" in joined or "iews" in joined) and (counted := RUBRIC_COUNTER.search(joined)):
        return counted["rubric"]  # "Breaking News289 Dilihat"
    if " / " not in joined and not _CRUMB_OPENING.search(joined):
        return None
    title_key = (title or "").casefold()
    for line in dropped:
        if (
            (spaced := SPACED_CRUMB.fullmatch(line))
            and spaced["rubric"].casefold() != title_key
            and not chrome.is_leading_chrome(spaced["rubric"])  # "Home Top Ad": an ad's slot
        ):
            return spaced["rubric"]  # "Home Kota", "Beranda Headline": a trail without marks
        if title and len(line) > len(title) + 2 and line.endswith(title):
            line = line[: -len(title)].rstrip(" /»›>|")  # a title longer than a crumb's
        if not BREADCRUMB.fullmatch(line):
            continue
        items = [item.strip() for item in _CRUMB_SPLIT.split(line)[1:]]
        while items and (
            not items[-1]
            or items[-1].casefold() in _PAGE_CRUMBS
            or (title_key and title_key.startswith(items[-1].casefold().rstrip(". …")))
        ):
            items.pop()
        if items and fewer_words(items[-1], 4) and not _DIGIT.search(items[-1]):
            return items[-1]
    return None


def _place_line_over_lead(
    lines: list[str], lead: int
) -> tuple[list[str], tuple[int, Dateline]] | None:
    """The line above the lead, when it holds a known place and an outlet alone
    (place_and_outlet: "Situbondo, Outlet" over "Program pemerintah ..."): `lines`
    without it, and the dateline at the lead's new index."""
    above = lead - 1
    while above >= 0 and not lines[above]:
        above -= 1
    if above < 0 or len(lines[above]) > 90 or not fewer_words(lines[above], 9):
        return None
    found = place_and_outlet(lines[above])
    if found is None or not _looks_like_paragraph(lines[lead]):
        return None
    return lines[:above] + lines[lead:], (above, replace(found, rest=lines[lead]))


def _place_over_outlet(lines: list[str]) -> tuple[list[str], tuple[int, Dateline]] | None:
    """A known place alone on its line, the outlet alone on the next, the lead below them
    ("Aceh Tamiang" / "Outlet.com" / "Pemerintah ..."): `lines` without the two, and the
    dateline at the lead's new index."""
    content = [i for i in range(min(len(lines), 60)) if lines[i]][:8]
    for first, second, third in zip(content, content[1:], content[2:], strict=False):
        place, outlet, lead = lines[first], lines[second], lines[third]
        if (
            len(place) <= 40
            and " " not in outlet
            and is_outlet(outlet)
            and is_region(place)
            and _looks_like_paragraph(lead)
        ):
            kept = lines[:first] + lines[third:]
            return kept, (first, Dateline(place, outlet, None, f"{place} {outlet}", lead))
    return None


# A poll's button below its options: "Submit Lihat Hasil Polling", "Vote", "Lihat Hasil".
POLL_BUTTON: Final = re.compile(
    r"(?i)(?:(?:vote|submit|kirim|pilih)\b\ ?)?(?:lihat\ )?(?:hasil|results?)\b.{0,30}"
    r"|vote|submit|kirim\ (?:jawaban|pilihan)"
)
POLL_OPTIONS: Final = 8  # at most, between a poll's question and its button


def _without_poll(release: Release, lines: list[str]) -> list[str]:
    """`lines` without a poll printed above the release: a question ("Bagaimana kinerja
    ...?"), two to eight short options, a button ("Submit Lihat Hasil Polling"), and the
    poll's heading above the question, if any."""
    head = lines[:40]
    if "?" not in "".join(head):
        return lines  # no question at all: most releases (one scan in C)
    for index, line in enumerate(head):
        if line[-1:] != "?" or not fewer_words(line, 25):
            continue
        options = [
            i for i in range(index + 1, min(len(lines), index + 2 + POLL_OPTIONS)) if lines[i]
        ]
        for count, at in enumerate(options):
            option = lines[at]
            if count >= 2 and POLL_BUTTON.fullmatch(option):
                first = index
                above = next((i for i in range(index - 1, -1, -1) if lines[i]), None)
                if above is not None and fewer_words(lines[above], 3) and lines[above][-1:] != ".":
                    first = above  # the poll's heading: "Polling", "Jajak Pendapat"
                release.dropped.extend(x for x in lines[first : at + 1] if x)
                return lines[:first] + lines[at + 1 :]
            if len(option) > 40 or option[-1:] in ".!?" or not fewer_words(option, 5):
                break
    return lines


# A CMS's article info over the title, one item a line: "- Details", "- Category:
# Berita", "- Hits: 140", "- Written by Admin".
ARTICLE_INFO: Final = re.compile(
    r"-\ (?:(?:Category|Kategori)\s*:\s*(?P<category>\S.{0,60})|Details?|Hits\s*:\s*\d[\d.,]*"
    r"|(?:Written\ by|Ditulis\ oleh|Published|Dipublikasikan|Created|Dibuat)\b.{0,60})"
)
# A link back to the post's rubric above its title: "Kembali ke Berita", "Back to News".
BACK_LINK: Final = re.compile(
    r"(?:Kembali\ ke|Back\ to)\ (?P<rubric>[A-Z][\w&-]*(?:\ [A-Z][\w&-]*){0,3})"
)


# A post's rubrics under its date line, as a news theme prints them: "in Pariwisata,
# Pemkab Berau".
IN_RUBRIC: Final = re.compile(r"(?:in|di)\ (?P<rubric>[A-Z][\w.&-]*(?:,?\ [A-Z][\w.&-]*){0,5})")


def _read_top(release: Release, top: list[str], config: Config) -> None:
    """Category, title, metadata lines, dek and captions above the dateline.

    The first line of `top`, if any, is no leading chrome: the caller dropped that
    chrome up to it (and the test is not repeated here).
    """
    lines: list[str] = []
    twice: list[str] = []  # lines printed twice in a row (a doubled title)
    crumb = None  # the rubric of a breadcrumb glued to the title's copy
    for index, line in enumerate(top):
        if not line:
            continue
        if lines and _same(lines[-1], line):
            twice.append(line)
            continue  # a doubled label or title
        if lines and lines[-1][:1] in "HhBb" and (found := _crumb_over_title(lines[-1], line)):
            release.dropped.append(lines.pop())  # "Home kesehatan “Title”" over "“Title”"
            crumb = found
        if line[-2:] == " |" and _caption_cell(top, index):
            release.captions.append(_cell_border(line))  # its borders are no text
            continue
        if _read_more(line):
            # "Sambutan Bupati" / "Puji syukur ... website ini" / "selengkapnya...": a
            # widget's heading and teaser of another page, with its link
            teaser = [line]
            if lines and _looks_like_paragraph(lines[-1]):
                teaser.insert(0, lines.pop())
                if lines and fewer_words(lines[-1], 4) and not _ends_sentence(lines[-1]):
                    teaser.insert(0, lines.pop())  # its heading; a headline has more words
            release.dropped.extend(teaser)
            release.warnings.append(
                Message(
                    "%(count)s line(s) of another page's teaser above the release were "
                    "dropped as page chrome, starting with %(first)r; remove the line "
                    "%(link)r if they belong to the release",
                    count=len(teaser),
                    first=teaser[0][:60],
                    link=line,
                )
            )
            continue
        lines.append(line)
    # The caller tested the first line of `top` alone: one that a list or a menu dropped
    # here stood above comes first now ("• Slide 1", "• Slide 2", ... over "1 2 3").
    opening = lines[0] if lines else ""
    lines = _without_headline_lists(release, _without_link_menu(release, lines))
    others: list[str] = []
    meta = -1  # where, among `others`, the last metadata line stood
    dated: list[tuple[int, str]] = []  # date lines, each with where it stood among `others`
    menu: bool | None = None  # whether the bullets above the dateline are a page's menu
    labels: list[str] = []  # rubrics after a date line's bar
    rubrics: list[str] = []  # rubrics on their line under a date line (IN_RUBRIC)
    weather = False  # the line above was a weather widget's reading
    listed = False  # the line above was a list item's writer ("- Oleh X")
    letterhead = False  # a letterhead's "PRESS RELEASE" label was read (see below)
    for index, line in enumerate(lines):
        if (
            index
            and index + 1 < len(lines)
            and len(line) < 20
            and line[:1] in "PpRrSs"
            and (line.casefold() in PRESS_RUBRICS or PRESS_LABEL.fullmatch(line))
            and chrome.ADDRESS_LINE.fullmatch(lines[index - 1])
        ):
            # A letterhead's "PRESS RELEASE" (however spelt) under the office's address:
            # the document's kind, no category and no title.
            release.dropped.append(line)
            letterhead = True
            continue
        if line[:3] in ("Tim", "TIM") and line.casefold() == "tim redaksi":
            # A news site's author box: the writers' names, each on its line, over its
            # label ("Nama Satu," / "Nama Dua" / "Tim Redaksi").
            names = []
            while (
                len(others) > max(meta, 0)
                and fewer_words(others[-1], 4)
                and NAME_LINE.fullmatch(others[-1].rstrip(","))
            ):
                names.append(others.pop().rstrip(","))
            release.credits.extend(reversed(names))
            release.dropped.append(line)
            meta = len(others)
            continue
        if weather and fewer_words(line, 4) and is_region(line):
            release.dropped.append(line)  # the widget's city under its reading
            continue
        weather = len(line) < 8 and line[:1].isdecimal() and bool(chrome.WEATHER.fullmatch(line))
        if (
            line[:8].lower() in _CATEGORY_LABELS
            and len(line) <= 160
            and (labelled := CATEGORY_BEFORE_DATE.match(line))
            and dates.find_date(line)
        ):
            # "Kategori : Satker X Rabu, 07 November 2018 - Oleh admin": the rubric and the
            # post's date line
            labels.append(labelled["label"])
            dated.append((len(others), line))
            meta = len(others)
            continue
        if line[:6] == "Detail" and (joomla := ARTICLE_DETAILS.fullmatch(line)):
            labels.append(joomla["name"])  # Joomla's article details: "Detail Kategori: X"
            release.dropped.append(line)
            continue
        if (
            weather
            or ((index or line is not opening) and chrome.is_leading_chrome(line, config.chrome))
            or chrome.is_dropped_line(line, config.chrome)
            or ((" / " in line or " › " in line or " » " in line) and BREADCRUMB.fullmatch(line))
            # "Berita Aktual | Tajam & Terpercaya" over the title; the last line above the
            # lead may be a headline in a slogan's words ("Pelayanan Cepat dan Akurat")
            or (index + 1 < len(lines) and chrome.is_slogan(line))
        ):
            release.dropped.append(line)
            if (
                line[:8].lower() in _CATEGORY_LABELS
                and ":" in line[:12]
                and (name := _category_label(line))
                and fewer_words(name, 5)
            ):
                labels.append(name)  # "Kategori : Pemerintahan" over the lead
            continue
        if (" | " in line or " || " in line or line[-1:] == "|") and (
            browser := _browser_title(line)
        ):
            line, written = browser  # "Title | (1/10/2024)": the title, its date kept
            dated.append((len(others), written))
            if fewer_words(line, 5) and _stamp_label(lines[index]) == line:
                labels.append(line)  # "Info Terkini | 2023-03-27 09:38": a rubric
                continue
        if (
            line[:2] == "- "
            and line[2:4].lower() in ("ol", "by")
            and BY_NAME.fullmatch(line, 2)
            and fewer_words(line, 7)
        ):
            release.credits.append(line[2:])  # "- Oleh MC KAB X": a list item's writer
            listed = True
            continue
        if listed and line[:2] == "- " and _DIGIT.search(line) and dates.find_date(line):
            release.dropped.append(line)  # "- Jumat, 22 Agustus 2025 | 08:07 WIB": its date
            continue
        listed = False
        if (
            chrome.is_credit_line(line)
            or (
                line[:2].lower() in ("ol", "by")
                and BY_NAME.fullmatch(line)
                and fewer_words(line, 6)
            )
            or ((" - " in line or " – " in line) and NAME_AND_DESK.fullmatch(line))
            or (
                (" oleh " in line or " by " in line)
                and len(line) < 50
                and NAME_BY_NAME.fullmatch(line)
            )
            or (line[:2] == "//" and line[-2:] == "//" and len(line) < 80)
            or (line[-1:] in "-–—" and len(line) < 60 and DOMAIN.fullmatch(line[:-1].rstrip()))
        ):
            release.credits.append(line)  # "Penulis: Ani", "Oleh Agustinus Bole Malo",
            # "//IZAR-DISKOMINFO X//" (the writer's and the office's tag), "Outlet.com -"
        elif (
            # find_date() needs a digit: most titles and labels hold none, and one search
            # spares them the count of words.
            _DIGIT.search(line)
            and (
                fewer_words(line, 11)
                or _labelled_date(line)
                # cells between bars: "| 13 Juni 2025 WIB | 0 Views Last Updated ..."
                or (line.count("|") > 1 and "||" not in line and fewer_words(line, 16))
                # a writer's stamp: "Oleh MC Kab X, Kamis, 20 April 2023 | 00:22 WIB - ..."
                or (line[:5] in ("Oleh ", "OLEH ") and len(line) <= 160)
            )
            and dates.find_date(line)
            and not _ends_sentence(line)
            and not _headline_with_date(line)
        ):
            dated.append((len(others), line))
            if " | " in line and (label := _stamp_label(line)):
                labels.append(label)  # "28 Januari 2016 | Kegiatan Statistik"
            elif line[:1].isupper() and (label := _label_before_date(line)):
                labels.append(label)  # "Pemerintahan Rabu, 25 Juni 2014 - Oleh"
            elif (
                (
                    line[-1:].isalpha()
                    # or a view count after the rubric: "... 2022 PPID Berita Daerah 1222"
                    or (line[-1:].isdecimal() and line.rpartition(" ")[0][-1:].isalpha())
                )
                and (label := _label_after_date(line))
            ):
                labels.append(label)  # "Selasa, 10 November 2020 Pemerintahan"
        elif line[:1] == "-" and line[-1:] == "-" and (dashed := DASHED_RUBRIC.fullmatch(line)):
            labels.append(dashed["rubric"])  # "-Utama-": the post's rubric between dashes
            release.dropped.append(line)
            continue
        elif line[:2] == "- " and (info := ARTICLE_INFO.fullmatch(line)):
            if info["category"]:
                labels.append(info["category"].strip())  # "- Category: BERITA"
            release.dropped.append(line)  # a CMS's article info: "- Details", "- Hits: 140"
            continue
        elif line[:3] in ("Kem", "Bac") and (back := BACK_LINK.fullmatch(line)):
            labels.append(back["rubric"])  # "Kembali ke Berita": the page's rubric
            release.dropped.append(line)
            continue
        elif " | " in line and (authored := author_rubric(line)):
            labels.append(authored["rubric"])  # "Ani Rahma | Nusantara"
            release.credits.append(authored["author"])
        elif (
            line[:3] in ("in ", "di ")  # "di Kabar Pemilu, News" in Indonesian
            and dated
            and dated[-1][0] == len(others)
            and (rubric := IN_RUBRIC.fullmatch(line))
        ):
            # a theme's "in Pariwisata" under the date line; of a list ("in Wisata, Pemkab
            # X"), the first rubric
            rubrics.append(rubric["rubric"].partition(",")[0])
            if "," in rubric["rubric"]:
                release.dropped.append(line)  # the other rubrics: not the category
        elif line[0] in _BULLETS and BULLET_META.fullmatch(line):
            if menu is None:  # more bullets than a post's metadata block holds: a menu
                menu = sum(x[0] in _BULLETS for x in lines) > 6
            if bullet_date := _bullet_meta(release, line.lstrip("•·▪► "), config, menu):
                dated.append((len(others), bullet_date))
        elif (
            ("ategori" in line or "ategory" in line)
            and line.count(" | ") > 1
            and (row_category := _meta_row_category(line))
        ):
            # "Dipublikasi oleh X | Tanggal ... | Kategori Berita | ..."
            labels.append(row_category)
            release.dropped.append(line)
            continue
        # _is_caption() has tested _bar_photo_credit(), which _is_photo_caption() adds.
        elif _is_caption(line, is_last=False) or _photo_caption_shape(line) or _posed(line):
            release.captions.append(line)
            continue
        else:
            # Once: a label printed again with chrome between ("Berita", "gambar", "Berita").
            # (_same() needs the first characters equal, folded: lines here are stripped)
            if not (
                others
                and meta < len(others)
                and others[-1][:1].casefold() == line[:1].casefold()
                and _same(others[-1], line)
            ):
                others.append(line)
            continue
        meta = len(others)
    if len(others) > 1 and (wrapped := _wrapped_title(others, letterhead)):
        # A headline wrapped over lines, read as one: "PENANDATANGANAN KESEPAKATAN ..." /
        # "DENGAN PENGADILAN TINGGI AGAMA ..."
        start, end = wrapped
        others[start:end] = [" ".join(others[start:end])]
        joined = end - start - 1
        meta = meta - joined if meta >= end else min(meta, start + 1)
        dated = [(p - joined if p >= end else p, line) for p, line in dated]
    at = _title_and_category(release, others, meta, config, twice) if others else None
    if (title := release.title) and title.rsplit(None, 1)[-1][:1].islower():
        _split_alt_text(release, title)  # a last word in lower case: few titles
    if crumb and release.category is None:
        release.category = crumb
    if labels and release.category is None:
        release.category = labels[0]
    if rubrics:
        # The post's own rubric, printed with its date, over a line above its title (most
        # often the site's name there).
        if release.category:
            release.dropped.append(release.category)
        release.category = rubrics[0]
    if release.category is None and release.dropped:
        release.category = _dropped_label(release.dropped) or _rubric_among_dropped(
            release.dropped, release.title
        )
    if dated:
        # The page's date line stands below the title; one above it is most often the
        # site's clock ("Senin, 22 Desember 2025" over every page), taken only when the
        # text gives no date (see _find_date).
        below = [line for position, line in dated if at is None or position > at]
        if below:
            release.header.setdefault("_meta_date", below[0])
            release.dropped.extend(line for _, line in dated if line != below[0])
        else:
            # Unless it gives the time too: a post's own timestamp ("Minggu, 06 Maret
            # 2022 09:56" over the title), which a site's clock does not show.
            first = dated[0][1]
            stamp = dates.find_date(first)
            key = "_meta_date" if stamp is not None and stamp.has_time else "_clock_date"
            release.header[key] = first
            release.dropped.extend(line for _, line in dated[1:])


# The words a headline's next line opens with when the headline runs on over it: "... Bupati
# Bangka Tengah" / "Terkait Penundaan Sidang ...", "... SUMATERA SELATAN" / "DENGAN ...".
_RUN_ON_WORDS: Final = frozenset((
    "dengan", "serta", "kepada", "pada", "terkait", "dan", "untuk", "bersama", "melalui",
    "dalam", "tentang", "bagi", "atas", "antara", "menuju", "se-indonesia",
))  # fmt: skip
_RUN_ON_HEADS: Final = frozenset(word[:2] for word in _RUN_ON_WORDS)
WRAPPED_TITLE_LINES: Final = 4  # the lines a wrapped headline may fill, at most


def _wrapped_title(others: list[str], letterhead: bool = False) -> tuple[int, int] | None:
    """``(start, end)`` of a headline wrapped over the lines ``others[start:end]``: each
    next line runs the one above it on (_runs_on); or, under a `letterhead` (its "PRESS
    RELEASE" label under the office's address), the last two lines above the lead, both in
    capitals without a closing mark, as a centred headline wraps ("BUNDA INSTRUKSIKAN
    BENTUK" / "PRESIDIUM BOLTENG")."""
    if letterhead and len(others) >= 2 and _capitals_wrap(others[-2], others[-1]):
        return len(others) - 2, len(others)
    # A cheap test of each line's first two letters finds the few that may run on: most
    # tops hold none.
    for at in [i for i in range(1, len(others)) if others[i][:2].casefold() in _RUN_ON_HEADS]:
        if _runs_on(others, at):
            end = at + 1
            while (
                end < len(others) and end - at < WRAPPED_TITLE_LINES - 1 and _runs_on(others, end)
            ):
                end += 1
            return at - 1, end
    return None


def _capitals_wrap(first: str, second: str) -> bool:
    """Two lines of a headline in capitals wrapped (see _wrapped_title): each of two
    words or more, no closing mark, twelve words at most together, the first no rubric
    and no office's name."""
    return (
        first.isupper()
        and second.isupper()
        and first[-1:].isalnum()
        and second[-1:].isalnum()
        and " " in first
        and " " in second
        and fewer_words(f"{first} {second}", 13)
        and not _same(first, second)  # a title printed twice
        and not _rubric(first)
        and not office_name(first)
        and not _issuer(first)  # "DINAS KESEHATAN", "HUMAS SETDA X" over the headline
    )


def _runs_on(others: list[str], at: int) -> bool:
    """Whether ``others[at]`` runs on the headline above it: it opens with a word that
    runs a headline on (_RUN_ON_WORDS), in the same case as the line above it (capitals
    or not), and no stop or colon closes that one."""
    line, above = others[at], others[at - 1]
    return (
        line[:2].casefold() in _RUN_ON_HEADS
        and line.split(None, 1)[0].casefold() in _RUN_ON_WORDS
        and line.isupper() == above.isupper()
        and not _ends_sentence(above)
        and above[-1:] not in ":,"
        and _title_shaped(above, 3)
        and _title_shaped(line, 2)
    )


# Words a headline in Title Case may leave in lower case (see _alt_text_tail): those that
# run a headline on, and a few more.
_LITTLE_WORDS: Final = _RUN_ON_WORDS | frozenset((
    "di", "ke", "yang", "dari", "oleh", "atau", "se", "sebagai", "ini", "itu", "akan",
    "agar", "hingga", "sampai", "terhadap", "jelang", "usai", "saat", "lewat", "tahun", "jadi",
))  # fmt: skip
ALT_TAIL_MIN: Final = 3  # lower-case words of a picture's text run on after a headline, at least


def _split_alt_text(release: Release, title: str) -> None:
    """A picture's alternative text run on after the headline ("Rapat Paripurna Pakai
    Bahasa Bali anggota dewan dalam sidang paripurna", see _alt_text_tail): kept as a
    caption, as such texts are, with a warning that tells how to keep it in the title."""
    if alt := _alt_text_tail(title):
        head = title.rsplit(None, alt)[0]
        tail = title[len(head) :].strip()
        release.captions.append(tail)
        release.warnings.append(_alt_text_moved(head, tail))
        release.title = head


def _alt_text_tail(title: str) -> int | None:
    """The number of lower-case words closing a headline in Title Case, three or more of
    which two at least are no little word (_LITTLE_WORDS): a picture's alternative text
    the page printed after it ("... Bahasa Bali anggota dewan dalam sidang paripurna",
    "... Musrenbang Kabupaten advertise pemkab bone"). No headline in the corpora or the
    fixtures ends so. A lead's line opens with a capitalised name of three words or fewer
    ("Pemerintah Kabupaten Wonosobo menyalurkan ..."), a headline's head is longer."""
    words = title.split()
    cut = len(words)
    while cut and words[cut - 1][:1].islower() and words[cut - 1].isalpha():
        cut -= 1
    tail, head = words[cut:], words[:cut]
    if (
        len(tail) < ALT_TAIL_MIN
        or len(head) < 4  # "Pemerintah Kabupaten Wonosobo menyalurkan ...": a lead's line
        or sum(word.casefold() not in _LITTLE_WORDS for word in tail) < 2
        or sum(word[:1].isupper() or word[:1].isdecimal() for word in head) < 0.8 * len(head)
    ):
        return None
    return len(tail)


HEADLINE_LIST_MIN: Final = 3  # dashed lines in a row above the title: a list of other headlines


LIST_MARKS: Final = ("- ", "– ", "• ")  # what opens a line of a list of headlines or a menu


def _list_runs(lines: list[str]) -> list[range]:
    """The runs of HEADLINE_LIST_MIN lines or more, one after the other, opening with a
    dash or a bullet: a page's lists of other headlines or its menus."""
    for line in lines:
        if line[:2] in LIST_MARKS:
            break
    else:
        return []  # most tops hold no list (a plain loop: any() over a generator costs more)
    runs: list[range] = []
    start = None
    for index, line in enumerate([*lines, ""]):
        if line[:2] in LIST_MARKS:
            start = index if start is None else start
            continue
        if start is not None and index - start >= HEADLINE_LIST_MIN:
            runs.append(range(start, index))
        start = None
    return runs


def _without_link_menu(release: Release, lines: list[str]) -> list[str]:
    """`lines` without a menu of links that each end with the office's name ("Facebook
    Pengadilan Agama X", "Youtube Pengadilan Agama X", "CCTV Online Pengadilan Agama
    X"): three different lines or more, each a link's name of one to three words before
    the same last three words."""
    if len(lines) < 4:
        return lines
    # Three words and their two spaces take five characters at least: lines sharing their
    # last three words share their last five characters.
    ends = [line[-5:] for line in lines if line]
    if len(set(ends)) > len(ends) - 2:
        return lines  # no three lines end alike (one set of their ends, built in C)
    tails = [line.rsplit(" ", 3)[1:] if line and fewer_words(line, 9) else None for line in lines]
    counts: dict[tuple[str, ...], set[str]] = {}
    for line, tail in zip(lines, tails, strict=True):
        # A link's name before the office's: one to three words ("Youtube", "CCTV Online")
        if tail and len(tail) == 3 and 1 <= len(line.split()) - 3 <= 3:
            counts.setdefault(tuple(tail), set()).add(line)
    shared = {tail for tail, named in counts.items() if len(named) >= 3}
    if not shared:
        return lines
    kept = []
    for line, tail in zip(lines, tails, strict=True):
        if tail and tuple(tail) in shared and line in counts[tuple(tail)]:
            release.dropped.append(line)
        else:
            kept.append(line)
    return kept


def _without_headline_lists(release: Release, lines: list[str]) -> list[str]:
    """`lines` without the page's lists of other headlines above the title (_list_runs),
    below which the release goes on (a dek opens with a dash, alone; a list closing the
    lines above the dateline is the release's own)."""
    runs = _list_runs(lines)
    if not runs:
        return lines  # most tops
    listed = {i for run in runs if run[-1] < len(lines) - 1 for i in run}
    if not listed:
        return lines
    # A CMS's article info ("- Category: Berita", "- Hits: 140") is no headline: read below.
    listed = {i for i in listed if not ARTICLE_INFO.fullmatch(lines[i])}
    # Nor is a post's metadata in bullets ("• BLA Jakarta", "• 7 Februari 2023", "• 110x
    # Dilihat"): a run holding a date alone is one (see _bullet_meta).
    for run in runs:
        if any(_date_item(lines[i]) for i in run):
            listed.difference_update(run)
    if not listed:
        return lines
    release.dropped.extend(lines[i] for i in sorted(listed))
    return [line for i, line in enumerate(lines) if i not in listed]


# A link to read the rest of a teaser, maybe dots or arrows after it: "selengkapnya...",
# "Baca Selengkapnya »", "Read more".
READ_MORE: Final = re.compile(r"(?i)(?:(?:baca\ )?selengkapnya|read\ more|lanjut\ baca)[\s.…»>]*")


def _read_more(line: str) -> bool:
    """A teaser's link alone on its line (READ_MORE)."""
    return len(line) <= 24 and line[:1] in "sSbBrRlL" and bool(READ_MORE.fullmatch(line))


def _date_item(line: str) -> bool:
    """A list's item that is a date alone, maybe with its weekday: "• 7 Februari 2023"."""
    item = line[2:].strip()
    return fewer_words(item, 5) and _DIGIT.search(item) is not None and bool(dates.find_date(item))


def _headline_with_date(line: str) -> bool:
    """A headline in capitals that names its day ("APEL PAGI SENIN 8/8/2022 DI KECAMATAN
    X"): five words or more besides the date, where a page's date line has a few labels
    at most ("Diposting 12 Mei 2024 oleh Admin")."""
    return line.isupper() and not fewer_words(dates.ANY_DATE.sub(" ", line), 5)


# A page's labelled date line, however long: "Tanggal Rilis Berita : 12 Agustus 2024,
# Pukul 16:00 WIB, Telah dilihat 7 Kali", "Diterbitkan: Senin, 5 ...", "Published on:
# 5/2/2024 ...": the date follows the label ("Tanggal Merah: Libur ..." is a title).
LABELLED_DATE: Final = re.compile(
    r"(?i)(?:tanggal|tgl\.?|diterbitkan|dipublikasikan|dirilis|terbit|published|posted"
    r"|diposting|diperbarui|updated|created|dibuat)(?:\ [a-z]+){0,2}\s*:\s*(?:[A-Za-z’']+,?\ )?\d"
)  # "Created At : 2018-07-05 00:00:00 Oleh : Diskominfo ..."
_LABELLED_DATE_FIRST: Final = frozenset("TtDdPpUuCc")


def _labelled_date(line: str) -> bool:
    """A metadata line whose label says it gives the page's date (LABELLED_DATE)."""
    return (
        line[:1] in _LABELLED_DATE_FIRST
        and len(line) <= 160
        and ":" in line[:40]
        and bool(LABELLED_DATE.match(line))
    )


# A day and a month in figures, the year left out: "07/05".
_DAY_MONTH: Final = re.compile(r"(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])")


def _browser_title(line: str) -> tuple[str, str] | None:
    """``(title, date as written)`` of a browser-title line "Title | (1/10/2024)", "Title
    || (1/10/2024)", "Title |21-11-2025|", whose tail is a date (maybe without its year:
    "Title | (07/05)")."""
    if line[-1:] == "|":
        line = line.rstrip(" |")  # "Title |21-11-2025|": the date between bars
    head, _, written = line.rpartition("|")
    tail = written.strip("() ")
    if (
        head
        and tail[:1].isdecimal()
        and fewer_words(tail, 4)
        and (dates.find_date(tail) or _DAY_MONTH.fullmatch(tail))
    ):
        head = head.rstrip(" |")
        if head.split(",", 1)[0].casefold() in dates.WEEKDAYS:
            return None  # "Senin, 28 Dzulqo'dah 1438 H | 21 Agustus 2017": two calendars
        return head, written.strip()
    return None


def _label_glued_to_copy(title: str, line: str) -> str | None:
    """The rubric glued before a copy of the title on the line below it, counters left
    out: "0 0 Berita UmumJudul" under "Judul" gives "Berita Umum"."""
    if len(line) <= len(title) or not line.endswith(title):
        return None
    label = line[: -len(title)].lstrip("0123456789 ").strip()
    if label and label[0].isupper() and fewer_words(label, 4) and not _DIGIT.search(label):
        return label
    return None


def _tagline_over_headline(first: str, second: str) -> bool:
    """A site's tagline in sentence case ("Informasi berita terbaru mengenai
    perkembangan daerah") over a headline whose every word opens with a capital or a
    digit ("Jelang Pilkada KSB, Ini Pesan Bupati")."""
    words, below = first.split(), second.split()
    if len(words) < 4 or len(below) < 4 or first[-1:] in ".!?:" or second[-1:] in ".:":
        return False
    lower = sum(word[:1].islower() for word in words[1:])
    return lower * 2 >= len(words) and all(w[:1].isupper() or w[:1].isdecimal() for w in below)


def _title_and_category(
    release: Release, others: list[str], meta: int, config: Config, twice: list[str]
) -> int | None:
    """Pick the title among the lines above the dateline that are no chrome, metadata or
    caption; the line above it may be the category; the lines below it, a dek and
    captions. Returns the title's index in `others` (None: no title).

    The title is the line printed twice, if one is; else, above a metadata block (a
    date line, a bullet list, a credit line), the last line shaped like a title before
    it (lines above it are the page's chrome: ads, a search box); else the first line.
    """
    if (
        len(others) > 1
        and others[0].isupper()
        and not fewer_words(others[0], 5)
        and _issuer(others[0])
        and _doubled(others) is None
    ):
        # The site's header: the office's long name in capitals over the page ("BAGIAN
        # PROTOKOL DAN KOMUNIKASI PIMPINAN"), not its title; a short one ("DINAS
        # KESEHATAN") is read as the category below, and so is one over a doubled title.
        release.dropped.append(others[0])
        at = _title_and_category(release, others[1:], meta - 1, config, twice)
        return None if at is None else at + 1
    if len(others) > 1 and office_name(others[0]):
        # A site's header naming the office over the post ("Pemerintah Kota X" over the
        # headline): the site's name, never the title; over a title printed twice, a CMS
        # unit's line, which is the category ("UPTD Puskesmas X" over "Title", "Title").
        at = _title_and_category(release, others[1:], meta - 1, config, twice)
        if (
            at is not None
            and release.category is None
            and (
                any(_same(x, release.title or "") for x in twice)
                or _doubled(others[1:]) is not None
            )
        ):
            release.category = others[0]
        else:
            release.dropped.append(others[0])
        return None if at is None else at + 1
    known = {c.casefold() for c in config.categories} if config.categories else set()
    if len(others) == 1 and office_name(others[0]):
        release.category = others[0]  # the office's name over the lead: no headline
        return None
    if len(others) == 1:  # the common case: the title alone
        line = others[0]
        if (known and line.casefold() in known) or _rubric(line):
            release.category = line
        elif line[-1] == "." and _is_sentence(line) and not _headline_case(line):
            release.captions.append(line)  # a caption, not a title (see below)
        elif len(line) < 20 and line.isalpha() and line.islower():
            release.dropped.append(line)  # one word in lower case: a theme's leftover
        else:
            release.title = _unmarked(line)
            return 0
        return None
    if len(others) == 2 and (label := _label_glued_to_copy(others[0], others[1])):
        release.title, release.category = _unmarked(others[0]), label
        release.dropped.append(others[1])  # "0 0 Berita UmumJudul" under "Judul"
        return 0
    if len(others) == 2 and _tagline_over_headline(others[0], others[1]):
        release.dropped.append(others[0])  # the site's tagline over the headline
        release.title = _unmarked(others[1])
        return 1
    at = _doubled(others)
    if at is None and meta > 0:
        shaped = [i for i in range(meta) if _title_shaped(others[i], 3)]
        at = shaped[-1] if shaped else None
        if (
            at
            and shaped[-2:-1] == [at - 1]
            and not fewer_words(others[at], 10)
            and _headline_case(others[at - 1])
            and not _headline_case(others[at])
        ):
            at -= 1  # a dek without its stop under a headline in Title Case
    label = None  # the first line without its label ("Categories X" -> "X"), once needed
    if at is None and _labels_over_headline(others):
        # A slider's or a menu's labels over the headline ("Danau X", "Boat Patroli",
        # "Pelabuhan Y"): the page's chrome, no category.
        at = len(others) - 1
        release.dropped.extend(others[:at])
        release.title = _unmarked(others[at])
        return at
    if at is None:
        first = label = _category_label(others[0]) or others[0]
        is_category = first.casefold() in known or (
            len(others) > 1
            and not _ends_sentence(first)
            and not first.endswith(":")
            and _title_shaped(others[1], 1)
            and (fewer_words(first, 5) or _short_label(first, others[1]))
        )
        at = 1 if is_category else 0
        if (
            at == 0
            and len(others[0]) > 150
            and not _title_shaped(others[0], 3)
            and _title_shaped(others[1], 3)
            and not fewer_words(others[1], 5)
        ):
            # A photo's long caption, sentences and all, over the headline: no title.
            release.captions.append(others[0])
            at = _title_and_category(release, others[1:], meta - 1, config, twice)
            return None if at is None else at + 1
        if _is_sentence(others[at]) and not _headline_case(others[at]):
            # A sentence is no title: a caption above the dateline ("Kepala Dinas ...
            # menerima kunjungan mahasiswa, Senin (10/4) di Semarang."), or a site's motto
            # over a headline that a date line stands between.
            skipped = next(
                (
                    j
                    for j in range(at + 1, len(others))
                    if j >= meta and _title_shaped(others[j], 5) and not _ends_sentence(others[j])
                ),
                None,
            )
            if skipped is None or meta <= 0:
                release.captions.extend(others)
                return None
            release.captions.extend(others[:skipped])
            found = _title_and_category(release, others[skipped:], meta - skipped, config, twice)
            return None if found is None else found + skipped
    title = others[at]
    if at and (label_after := _label_after(others[at - 1], title)):
        release.category = label_after  # "Title Berita PPID" over "Title"
        at_category = at - 1
    elif at == 1 or (at and (others[at - 1].casefold() in known or _rubric(others[at - 1]))):
        if at != 1 or label is None:
            label = _category_label(others[at - 1]) or others[at - 1]
        if (
            label is others[at - 1]
            and label[:3].lower() in _UNIT_HEADS
            and UNIT_NAME.fullmatch(label)
            and label.casefold() not in known
            and not any(_same(x, title) for x in twice)
            and _doubled(others) != at
        ):
            # A unit's name over a title printed once ("Dinas Pariwisata"): the site's
            # name, not a rubric (over a title printed twice, a CMS unit's line: below).
            release.dropped.append(label)
            at_category = at - 1
        elif (
            fewer_words(label, 7)
            and not _ends_sentence(label)
            and not label.endswith(":")
            and not ("." in label and DOMAIN.fullmatch(label))  # the site's name: "Site.com"
            and not _date_stamp(label)
        ):
            release.category = label
            at_category = at - 1
        else:
            at_category = at
    else:
        at_category = at
    if at_category:
        above = others[:at_category]
        release.dropped.extend(above)
        release.warnings.append(
            Message(
                "%(count)s line(s) above the title were dropped as page chrome, starting "
                "with %(first)r; put the title on the first line if they belong to the "
                "release",
                count=len(above),
                first=above[0][:60],
            )
        )
    if release.category and release.category.casefold() in PRESS_RUBRICS and _issuer(title):
        release.credits.append(title)  # "Siaran Pers" over the office: no headline
        release.captions.extend(others[at + 1 :])
        return None
    if (
        at + 1 < len(others)
        and _wrapped(title, others[at + 1])
        and not _same(title, others[at + 1])
        # "id Place" between a title and its copy: a tag, the title is whole
        and not (at + 2 < len(others) and _same(title, others[at + 2]))
    ):
        title = f"{title} {others[at + 1]}"  # a headline broken over two lines
        at += 1
    release.title = _unmarked(title)
    below = [x for x in others[at + 1 :] if not _same(x, title)]
    if len(below) > 1:
        below = _without_split_copy(below, title)
    if (
        below
        and release.category is None
        and (
            len(below) < len(others) - at - 1
            or any(_same(x, title) for x in twice)
            or (
                4 <= len(below[0]) <= 20
                and below[0].isupper()
                and not chrome.is_leading_chrome(below[0])  # "MENU", "TOP"
            )
        )
        and _rubric(below[0])
        and not _date_stamp(below[0])
    ):
        # The rubric printed between a doubled title and the lead ("Judul", "Judul",
        # "Pembangunan"), or one word in capitals under the title ("DAERAH"): the
        # category, as it would be above the title.
        release.category = below.pop(0)
    if below and (_ends_sentence(below[0]) or below[0].startswith(("–", "-"))):
        release.dek = below[0]
        below = below[1:]
    release.captions.extend(below)
    return at


def _labels_over_headline(others: list[str]) -> bool:
    """Three labels or more of one to three words over a headline of six words or more,
    the last line."""
    return (
        len(others) >= 4
        and all(fewer_words(x, 4) and not _ends_sentence(x) for x in others[:-1])
        and not fewer_words(others[-1], 6)
        and _title_shaped(others[-1], 6)
    )


# Words of a rubric's label after a date line's bar: "| Kegiatan Statistik", "| BPS
# Activities" (an author's name may stand there too: "| Admin", "| Budi Santoso").
_LABEL_WORDS: Final = TOPIC_RUBRICS | {
    "kegiatan", "activities", "news", "informasi", "kabar", "warta", "info", "terkini",
}  # fmt: skip


def _stamp_label(line: str) -> str | None:
    """The rubric after the last bar of a date line, or before the first when the date
    is last ("Info Terkini | 2023-03-27 09:38"): one to four words, one of them a
    rubric's word (_LABEL_WORDS), no digit and no stop. Else the first such cell between
    the bars ("Rabu, 17 Maret 2021, 17:36 WIB | Politik | Kota X": the rubric, then the
    region's tag)."""
    label = line.rpartition(" | ")[2].strip()
    if label[:1].isdecimal():
        label = line.partition(" | ")[0].strip()
    if label[:1] in "CcKk" and (labelled := _category_label(label)):
        return labelled  # "... | 532 kali dibaca | Category: BERITA": the label's value
    if _rubric_cell(label):
        return label
    if line.count(" | ") > 1:
        return next(filter(_rubric_cell, (x.strip() for x in line.split(" | ")[1:-1])), None)
    return None


def _meta_row_category(line: str) -> str | None:
    """The category a post's metadata row names in one of its cells between bars
    ("Dipublikasi oleh X | Tanggal 10 Oktober, 2025 | Kategori Berita | Jumlah Pembaca")."""
    for cell in line.split(" | "):
        cell = cell.strip()
        if cell[:1] in "CcKk" and (name := _category_label(cell)) and fewer_words(name, 5):
            return name
    return None


def _rubric_cell(label: str) -> bool:
    """Whether a date line's cell is a rubric (see _stamp_label)."""
    return bool(
        label
        and fewer_words(label, 5)
        and not _DIGIT.search(label)
        and not _ends_sentence(label)
        and any(word.casefold() in _LABEL_WORDS for word in label.split())
    )


# A labelled rubric opening a post's date line: "Kategori : Satker P3MD Rabu, 07 November
# 2018 - Oleh admin".
CATEGORY_BEFORE_DATE: Final = re.compile(
    rf"(?i:kategori|category)\s*:\s*(?P<label>\S[^:|]{{0,50}}?),?"
    rf"\ (?:(?i:{'|'.join(dates.WEEKDAY_NAMES)})\b|\d"
    r"|(?i:diterbitkan|dipublikasikan|diposting|ditulis|published|posted)\b)"
)  # "Kategori: Berita Diterbitkan: Jumat, 19 Februari 2016"
_CATEGORY_LABELS: Final = frozenset(("kategori", "category"))
# A rubric's word or two before the weekday of a date line, or before its dot:
# "Pemerintahan Rabu, 25 Juni 2014 - Oleh Admin", "Headline · 18 Nov 2020 21:49 WIB ·".
LABEL_BEFORE_DATE: Final = re.compile(
    rf"(?P<label>[A-Z][a-z]+(?:\ [A-Z][a-z]+)?)"
    rf"\ (?:(?i:{'|'.join(dates.WEEKDAY_NAMES)})\b|·\ \d)"
)


# A rubric's word or two after a date line's year: "Selasa, 10 November 2020 Pemerintahan".
LABEL_AFTER_DATE: Final = re.compile(
    r"(?:\d{4}|\d\ (?i:kali|views?)|\d\ ?(?i:[ap]m|wib|wita|wit))"
    r"\ (?:[A-Z]{2,6}\ )?(?P<label>[A-Z][a-z]+(?:\ [A-Z][a-z]+)?)(?:\ \d{1,7})?$"
)  # "... 2020 Pemerintahan", "... Dilihat: 990 kali Berita Kota", "... 12:45:26 PM Berita",
# "13 Desember 2022 PPID Berita Daerah 1222" (the writer's unit before it, its views after)


def _label_after_date(line: str) -> str | None:
    """The rubric LABEL_AFTER_DATE finds, when one of its words is a rubric's word."""
    match = LABEL_AFTER_DATE.search(line, max(0, len(line) - 40))
    if match and any(word.casefold() in _LABEL_WORDS for word in match["label"].split()):
        return match["label"]
    return None


def _label_before_date(line: str) -> str | None:
    """The rubric LABEL_BEFORE_DATE finds, when one of its words is a rubric's word."""
    match = LABEL_BEFORE_DATE.match(line)
    if match and any(word.casefold() in _LABEL_WORDS for word in match["label"].split()):
        return match["label"]
    return None


def _rubric(line: str) -> bool:
    """A rubric's label: one word ("PENGAWASAN", "Berita"), never a headline, or a news
    rubric of NEWS_RUBRICS ("Berita Utama")."""
    if len(line) <= 25 and line.isalpha() and line[0].isupper():
        return True
    if line[:8].casefold() == "seputar " and fewer_words(line, 4):
        return True  # "Seputar Peradilan", "Seputar Kota": news about a beat
    return " ".join(line.split()).casefold() in NEWS_RUBRICS


def _wrapped(title: str, following: str) -> bool:
    """Whether `following` carries on a headline broken over two lines: the title ends
    with a comma, or the next line opens with a word in lower case ("... Sidang Terpadu"
    over "di Pulau Sebatik ..."), or both lines are in capitals; neither line ends a
    sentence, and the two together still have a headline's length."""
    if title[-1] in '.!?:;"”)' or following[-1] in ".!?:;" or not following[:1].isalpha():
        return False
    if not (
        title[-1] == ","
        or following[0].islower()
        or (title.isupper() and following.isupper() and not fewer_words(title, 4))
    ):
        return False
    words = len(title.split()) + len(following.split())
    return words <= 30 and not fewer_words(following, 3) and not _DIGIT.match(following)


# A news site's rubric alone above the body, where no headline was copied: a category.
NEWS_RUBRICS: Final = frozenset((
    "berita utama", "berita terkini", "berita terbaru", "berita daerah", "berita kota",
    "berita kabupaten", "berita provinsi", "berita pemerintahan", "berita kegiatan",
    "arsip berita", "kabar daerah", "info daerah", "warta daerah", "headline", "headlines",
    "berita dan informasi", "berita & informasi", "berita pilihan", "info terkini",
))  # fmt: skip
# A press-release rubric over the issuing office's name, where a headline would stand
# ("Siaran Pers" / "Protokol dan Dokumentasi Setda Kota X"): the page has no headline.
PRESS_RUBRICS: Final = frozenset(("siaran pers", "press release", "rilis pers", "siaran media"))
# "Press Release" as a hurried typist spells it: "PREES REALEASE", "Pres Rilis".
PRESS_LABEL: Final = re.compile(r"(?i)pre+s+\ ?(?:re+a?le+a?se|rilis)")
ISSUING_OFFICE: Final = re.compile(
    r"(?i:humas|bagian|bag\.|biro|protokol|dinas|diskominfo|sekretariat|subbag(?:ian)?|prokopim"
    r"|kantor|seksi|bidang|badan)\b(?:,?\ (?:[A-Z][\w.&’'-]*|dan|&|serta)){1,9}"
)  # "BADAN PERENCANAAN, PENELITIAN, DAN PENGEMBANGAN DAERAH"


# A government body's name alone, as a site's header prints it: "Pemerintah Kota Tegal",
# "KEJAKSAAN NEGERI NGANJUK", "Pengadilan Agama Pontianak Kelas I.A", "SEKRETARIAT
# DAERAH", "Pejabat Pengelola Informasi dan Dokumentasi": the body's word, its kind's
# words, then maybe a region and a class. A headline holds a verb or a topic besides.
OFFICE_NAME: Final = re.compile(
    r"(?i:pemerintah|pengadilan|kejaksaan|sekretariat|pejabat\ pengelola)"
    r"(?:\ (?i:provinsi|kabupaten|kab\.?|kota|administrasi|negeri|agama|tinggi|daerah"
    r"|militer|tata\ usaha\ negara|informasi|dan|dokumentasi|dprd|dewan))*"
    r"(?P<place>(?:\ [A-Z][\w.'’-]*){0,3}?)"
    r"(?:\ (?i:kelas)\ [IVX1-3]+(?:\.?[AB])?)?"
)


_OFFICE_NAME_HEADS: Final = frozenset(("pem", "pen", "kej", "sek", "pej"))
# A government unit's name in capitalised words: "Dinas Pariwisata", "Dinas Komunikasi,
# Informatika, Persandian dan Statistik", "Badan Pendapatan Daerah", "Bagian Protokol".
UNIT_NAME: Final = re.compile(
    r"(?i:dinas|badan|bagian|biro|inspektorat|satuan)"
    r"(?:,?\ (?:[A-Z][\w&.-]*|dan|&)){1,8}"
)
_UNIT_HEADS: Final = frozenset(("din", "bad", "bag", "bir", "ins", "sat"))


def office_name(line: str) -> bool:
    """A government body's name alone (OFFICE_NAME), its place, if any, a region; or an
    issuing office's short name (dateline.office_alone)."""
    if len(line) > 70 or line[-1:] in ".!?:":
        return False
    # Both shapes open with an office's word: three letters tell most lines apart.
    head = line[:3].lower()
    if head not in _OFFICE_NAME_HEADS and head not in OFFICE_HEADS:
        return False
    match = OFFICE_NAME.fullmatch(line) if head in _OFFICE_NAME_HEADS else None
    if match is None:  # "Diskominfo Bintan", "Humas Kutai Timur"
        rest = line.partition(" ")[2]
        return office_alone(line) and (not rest or is_region(rest))
    return not match["place"] or is_region(match["place"].strip())


def _issuer(line: str) -> bool:
    """An issuing office's name in capitalised words (under a press-release rubric)."""
    return bool(ISSUING_OFFICE.fullmatch(line))


def _without_split_copy(lines: list[str], title: str) -> list[str]:
    """`lines` without a copy of the title broken over two of them ("Hakim PA X," and
    "Hadiri Upacara ..." under "Hakim PA X, Hadiri Upacara ...")."""
    for index in range(len(lines) - 1):
        if title.startswith(lines[index]) and _same(f"{lines[index]} {lines[index + 1]}", title):
            return lines[:index] + lines[index + 2 :]
    return lines


# A post's date stamp above its title, often split over two lines ("27" / "Mar"):
# a month, maybe with a day and a year; never the category.
DATE_STAMP: Final = re.compile(
    rf"(?:\d{{1,2}}\s+)?(?:{'|'.join(sorted(dates.MONTHS, key=len, reverse=True))})\.?"
    r"(?:\s+\d{1,2})?(?:,?\s+\d{4})?",
    re.IGNORECASE,
)


def _date_stamp(line: str) -> bool:
    """A month's name with a day or a year at most: "Mar", "27 Mar", "Maret 2022"."""
    return len(line) < 20 and DATE_STAMP.fullmatch(line) is not None


def _short_label(line: str, title: str) -> bool:
    """A label of five or six words above a clearly longer title (8 words or more, 3 more
    than the label): "Urusan Agama Islam dan Syariah" over a headline. A short title
    over a caption is no category."""
    words = len(line.split())
    return (
        words <= 6 and not any(map(str.isdecimal, line)) and len(title.split()) >= max(8, words + 3)
    )


def _doubled(lines: list[str]) -> int | None:
    """The index of the first line printed again further down (a doubled title), or of
    a title a line above ended with: a breadcrumb glued to it ("BerandaBeritaJudul")."""
    if len(lines) < 2:
        return None
    if len(lines) == 2:  # the caller made sure two neighbours differ (see _same)
        first, second = lines
        glued = len(second) < len(first) and (
            first.endswith(second)
            or (
                first.startswith(second)
                and (_glued_label(first, len(second)) or _label_after(first, second))
            )
        )
        return 1 if glued and _title_shaped(second, 3) and _title_shaped(first, 2) else None
    keys = [" ".join(line.split()).casefold().rstrip(" .") for line in lines]  # see _same
    for index, line in enumerate(lines[:-1]):
        if not _title_shaped(line, 3):  # a menu repeats names of two words ("Pemkab X")
            continue
        for later in range(index + 1, len(lines)):
            if keys[later] == keys[index]:
                return index
            if (
                keys[later]
                and keys[index].startswith(keys[later])
                and (
                    _site_suffix(keys[index][len(keys[later]) :])
                    or _glued_label(lines[index], len(lines[later]))
                    or _label_after(lines[index], lines[later]) is not None
                )
                and _title_shaped(lines[later], 3)
            ):
                # the browser's title "Title - Site", or a menu's label glued to the
                # title ("TitleBERITA LAINNYA"), or the rubric after it ("Title Berita
                # PPID"), then the headline
                return later
            other = lines[later]
            if len(other) < len(line) and line.endswith(other) and _title_shaped(other, 3):
                if _same(f"{lines[later - 1]} {other}", line):
                    return index  # a copy of the title split over two lines
                return later
    return None


def _label_after(line: str, title: str) -> str | None:
    """The rubric `line` holds after `title` and a space ("Title Berita PPID"): one to
    three capitalised words, one of them a rubric's word (_LABEL_WORDS)."""
    if not line.startswith(title) or line[len(title) : len(title) + 1] != " ":
        return None
    label = line[len(title) :].strip()
    words = label.split()
    if not 1 <= len(words) <= 3 or not all(w[:1].isupper() and w.isalpha() for w in words):
        return None
    return label if any(w.casefold() in _LABEL_WORDS for w in words) else None


# The site's name a browser title adds after the headline: " - Site", " | Site Name",
# " || (25/02/2021)".
SITE_SUFFIX: Final = re.compile(r"\s+(?:[-|–—]|\|\|)\s+\S.{0,40}")


def _glued_label(line: str, end: int) -> bool:
    """Whether `line` goes on at `end`, without a space, with a label in capitals of one
    to three words: a menu's "BERITA LAINNYA", "BACA JUGA" glued to a title."""
    tail = line[end:]
    return (
        tail[:1].isupper()
        and line[end - 1 : end].isalpha()
        and tail.isupper()
        and fewer_words(tail, 4)
    )


def _site_suffix(tail: str) -> bool:
    """Whether `tail` is the site's name after a browser title's separator (SITE_SUFFIX)."""
    return tail[:1] == " " and fewer_words(tail, 5) and bool(SITE_SUFFIX.fullmatch(tail))


def _title_shaped(line: str, words: int) -> bool:
    """A line that can be a title: `words` words or more, no sentence (see _is_sentence),
    no colon closing a label, at most 30 words."""
    # One split for both counts (`words` is below 30): fewer than `words`, or 30 or more.
    count = len(line.split(None, 30))
    if count < words or count >= 30 or line.endswith(":"):
        return False
    # not _is_sentence(line), its count known: six words or more closed by a stop.
    if line.endswith(".") and not line.endswith("..") and count >= 6:
        return False
    # A page's description cut short: twelve words or more and a sentence ending inside
    # ("... berikutnya. Karena hampir setiap tahun desa selalu me").
    return count < 12 or not INNER_STOP.search(line)


# A sentence's end inside a line: a full stop after a word in lower case, then a capital.
INNER_STOP: Final = re.compile(r"\b[a-z]{2,}\. [A-Z]")


def _is_sentence(line: str) -> bool:
    """Six words or more closed by a full stop (not an ellipsis): no title."""
    return line.endswith(".") and not line.endswith("..") and not fewer_words(line, 6)


# A category under its label: "Categories Kota Event", "Kategori: Berita".
CATEGORY_LABEL: Final = re.compile(
    r"(?i)(?:categories|category|kategori|rubrik)(?:\s*:\s*|\s+)(?P<name>\S.{0,60})"
)


# The article details Joomla prints over a post, in Indonesian or English: "Detail
# Kategori: Berita Terkini", "Details Category: News".
ARTICLE_DETAILS: Final = re.compile(r"Details?\ (?:Kategori|Category)\s*:\s*(?P<name>\S.{0,60})")


def _category_label(line: str) -> str | None:
    """The category a labelled line names ("Categories Kota Event" -> "Kota Event")."""
    match = CATEGORY_LABEL.fullmatch(line) if line[:1] in "CcKkRr" else None
    return match["name"] if match else None


# A photo's credit or description closing a caption line: "... (Foto: Humas)", and a
# caption opening with "Ilustrasi": what the page printed under a picture.
PHOTO_CAPTION: Final = re.compile(
    r"""(?ix)
    .*\((?:(?:foto|photo|dok(?:umentasi)?|ist(?:imewa)?)\b|sumber\ ?:)[^()]{0,60}\)\s*[.|]?
                                                  # "... (Foto: X) |", "... (Sumber: Humas X)"
    | il+ustras[iy]\b.*
    | (?-i:FOTO\ [A-Z]).{10,}                         # "FOTO Bupati menerima ..."
    | .{20,}[.!?]\ (?:foto|photo)\ ?:\ ?(?:[^:]{1,60}(?<!\.)|[^:.]{1,40}\.)
                                # "... Sendawar. Foto: Nama (Unit)", "... Evie. Foto: Arsip Luki."
    """
)
# A caption closed by its photo's credit after a dash or a bar ("RAPAT: Suasana ... -
# Foto Dok Humas |"), between dashes ("... Senin (25/8/25).-(Outlet/ Name)-") or as its
# last sentence ("... Senin (8/3). Dok foto Humas X."). Above the lead it may open like
# a dateline ("RAKOR: ", "Asisten II Setkab X, Nama ...").
CREDITED_CAPTION: Final = re.compile(
    r"""(?x)
    (?i:.{20,}\ [-–—|]\ (?:foto|photo)\b[^-–—|:]{0,40}\|?)
    | .{20,}[.)]\ ?-\ ?\([^()/]{2,40}/[^()]{1,40}\)\ ?-?
    | .{20,}[.)]\ (?i:dok(?:umentasi)?\.?\ foto)\ [^.:]{2,50}\.?  # "... (8/3). Dok foto Humas X."
    """
)


def _is_photo_caption(line: str) -> bool:
    """A photo's caption by PHOTO_CAPTION (see _photo_caption_shape) or closed by a bar
    and the photo's credit (_bar_photo_credit)."""
    return _photo_caption_shape(line) or _bar_photo_credit(line)


# A table cell's caption closed by its credit without a colon: "... Mempawah. Foto Apri |".
CELL_PHOTO_CREDIT: Final = re.compile(r"(?i).{20,}[.!?]\ (?:foto|photo)\ [^:|]{1,40}\ \|")


def _posed(line: str) -> bool:
    """A picture's caption by who stands where ("Bupati X (kiri) dan Kapolres Y (kanan)"),
    or one whose label a copy lost, leaving its colon (": Wakil Bupati X bersama ...")."""
    if line[:2] == ": ":
        return not fewer_words(line, 6)
    return ("(kiri)" in line or "(kanan)" in line) and not fewer_words(line, 8)


def _photo_caption_shape(line: str) -> bool:
    """PHOTO_CAPTION, tried only on a line closing with a bracket, opening with "Il" or
    "FO", or holding "oto" (a photo's label) near its end; CREDITED_CAPTION; or, on a
    line closing with a cell's border, CELL_PHOTO_CREDIT."""
    return (
        ")" in line[-3:] or line[:2] in ("Il", "il", "IL", "FO") or "oto" in line[-64:].lower()
    ) and (
        bool(PHOTO_CAPTION.fullmatch(line))
        or _credited_caption(line)
        or (line[-2:] == " |" and bool(CELL_PHOTO_CREDIT.fullmatch(line)))
    )


def _credited_caption(line: str) -> bool:
    """CREDITED_CAPTION, tried only on a line closing with a bracket, a dash or a bar, or
    holding "oto" near its end."""
    return (
        (line[-1:] in (")", "-", "|") or "oto" in line[-48:].lower())
        and _may_credit(line)
        and bool(CREDITED_CAPTION.fullmatch(line))
    )


def _may_credit(line: str) -> bool:
    """What each branch of CREDITED_CAPTION needs: "foto" or "photo" (in any case: no
    other character matches their letters under IGNORECASE) in the last 56 characters
    for the first and third, a dash before an opening bracket for the second. Each
    branch opens with ".{20,}", which the regex engine tries back from the line's end,
    character by character: a paragraph closed by a code in brackets cost thousands of
    instructions."""
    return "oto" in line[-60:].lower() or "-(" in line or "- (" in line


def _bullet_meta(release: Release, item: str, config: Config, menu: bool = False) -> str | None:
    """A bullet of a post's metadata block: its date (returned), its author, or a view
    counter; or an item of a page's menu (`menu`), dropped."""
    if dates.find_date(item):
        return item
    if menu or chrome.is_leading_chrome(item, config.chrome):
        release.dropped.append(item)
    else:
        release.credits.append(item)
    return None


def _cut_tail(
    release: Release, body: list[str], config: Config, cut: str | None = None
) -> list[str]:
    """Drop trailing chrome, set credits aside and take the byline code. `cut` is the
    text's last line when the text ends on it without a line break and it is one word."""
    # The line that closes the release is most often the one whose code is taken below:
    # take_byline() reads it once (see _holds_code).
    taken: dict[str, tuple[str, list[str]]] = {}
    body = _without_closing_headlines(release, _before_next_post(release, body))
    index, dropped = chrome.trailing_and_dropped(
        body, lambda line: _holds_code(line, taken), _is_prose, config.chrome
    )
    below: list[str] = []  # credit lines among the trailing chrome: "Sumber : Humas"
    if index is not None:
        for line in body[index:]:
            if line:
                credited = line[:1] in chrome.CREDIT_FIRST and chrome.is_credit_line(line)
                (below if credited else release.dropped).append(line)
        if chrome.is_headed_chrome(body[index]):
            index = _drop_heading_above(release, body, index)
        body = body[:index]
    else:
        body = body[:]  # popped below: the caller's list stays as it was
    for index in dropped:
        release.dropped.append(body[index])
        body[index] = ""  # a "." line or a rule still separates paragraphs
    credits: list[str] = []
    while body and (not body[-1] or _repeated_domain(body[-1])):
        if body[-1]:
            release.dropped.append(body[-1])  # "x.com x.com x.com": a logo's text, repeated
        body.pop()
    if (
        len(body) > 2
        and body[-1][:1].isupper()
        and body[-1][-1] != "."  # "Bupati Hadir.": a sentence
        and _may_end_name(body[-1][-1])  # most often ")": a byline code closes the line
        and NAME_LINE.fullmatch(body[-1])
        and chrome.is_credit_line(body[-2] or body[-3])
    ):
        credits.append(body.pop())  # the name under a credit: "Sumber : Tim Media X", "Ani"
    while (
        body
        and (
            not body[-1]
            or chrome.is_credit_line(body[-1])
            or chrome.is_source_note(body[-1])
            # a credit in a bullet list: "• Penulis: Ani", "- Penulis: Ani"
            or (body[-1][:1] in _BULLETS and chrome.is_credit_line(body[-1].lstrip("•·▪► ")))
            or (body[-1][:2] in ("- ", "– ") and chrome.is_credit_line(body[-1][2:]))
            or _labelled_name(body[-1])
            or _image_reference(body[-1])
        )
    ):
        line = body.pop()
        if line and _image_reference(line):
            release.dropped.append(line)  # a picture's file name a copy left: "foto2.jpg)"
        elif line:
            credits.insert(0, line)
    if (
        len(body) > 2
        and body[-1][:1] in _CAPTION_FIRST
        and (label := CAPTION_START.match(body[-1]))
        and label.group(0)[-1].isupper()  # not "Foto-foto kegiatan dapat diunduh di ..."
        and not chrome.is_credit_line(body[-1])
    ):
        # A picture's caption closing the page, maybe cut short: "Foto. Antusias warga
        # ...", "(Gambar 7: Pemenang lomba ..."
        release.captions.append(body.pop())
        while body and not body[-1]:
            body.pop()
    # glued_credit() needs a colon or semicolon near the end: most last lines hold none.
    if body and (":" in body[-1][-70:] or ";" in body[-1][-70:]):
        glued = chrome.glued_credit(body[-1])
    else:
        glued = None
    if glued:
        body[-1], credit = glued  # "... Kabupaten X.Kontributor : Budi"
        credits.insert(0, credit)
    elif body and ":" in body[-1][-70:] and (shared := chrome.glued_share(body[-1])):
        release.dropped.append(body[-1][len(shared) :].strip())
        body[-1] = shared  # "... harapnya.Share this:TwitterFacebook"
    if release.category is None and credits:
        for line in credits:
            if (category := _category_label(line)) and fewer_words(category, 5):
                release.category = category  # "Category: Politik" below the text
                credits.remove(line)
                break
    release.credits.extend(credits + below)
    if not body:
        return body
    if body[-1][-1:] == "!" and _closing_slogan(body):
        slogan = body.pop()  # "DIRGAHAYU REPUBLIK INDONESIA!": named in a warning
        release.dropped.append(slogan)
        release.warnings.append(_short_lines_dropped([slogan]))
        while not body[-1]:
            body.pop()
    # Else the body ends with a paragraph (see _drop_short_tail): most releases.
    last = body[-1]
    if len(last) <= 100 or (last[-1:] not in _NOT_HEADLINE_END and _is_headline(last)):
        _drop_short_tail(release, body)
    while not body[-1]:
        body.pop()  # _drop_short_tail() leaves a line of prose above what it blanks
    last, codes = taken.get(body[-1]) or take_byline(strip_end_mark(body[-1]))
    if codes and not last and "." in codes[0] and _coded_above(body):
        # "beritalima.com" alone under "... pungkasnya. (Sug)": the outlet's name printed
        # under the release (its logo), not the credit, which closes the line above it
        release.dropped.append(body.pop())
        while not body[-1]:
            body.pop()
        last, codes = taken.get(body[-1]) or take_byline(strip_end_mark(body[-1]))
    bylines: list[Byline] | None = None
    if codes:
        body = body[:-1]
    elif (bare := _bare_credit_at(body, len(body) - 1)) is not None and not _coded_above(body):
        body, last, codes, bylines = body[:-1], "", [bare], [bare_byline(bare)]
    elif _lone_name_credit(body) and not _coded_above(body):
        if body[-1] == cut:
            # "Sem" ending the file without a line break: most often a word a copy cut
            # short; it stays in the text, and the author is told how to mark a name.
            release.warnings.append(_cut_word_kept(cut))
            body = body[:-1]  # appended again below, as `last`
        else:
            body, last, codes = body[:-1], "", [body[-1]]  # "Nimus": the writer's name
    elif body[-1].isupper() and (named := _named_credit(body)):
        body, last, codes, bylines = named
    else:
        found = _code_above(release, body)
        if found is None:
            body = body[:-1]
        else:
            body, last, codes, bylines = found
    if last.strip():
        body.append(strip_end_mark(last))
    if (
        codes
        and body
        and body[-1][-1:] == "*"
        and (star := STAR_NUMBER.search(body[-1], max(0, len(body[-1]) - 12)))
    ):
        # "... kata bupati. ***2***" over the code's line: the wire's part number
        release.credits.append(star["code"])
        body[-1] = body[-1][: star.start()].rstrip()
    if codes:
        bylines = bylines or [split_code(code) for code in codes]
        apply_byline(release, " ".join([b.code for b in bylines]), bylines)
    return body


# A picture's file name or Markdown image a copy left below the text: "1.png)",
# "foto-kegiatan.jpg", "![](gambar1.jpeg)".
IMAGE_REFERENCE: Final = re.compile(rf"(?i)(?:!\[[^\]]{{0,80}}\]\()?{chrome.IMAGE_NAME}\)?")


def _image_reference(line: str) -> bool:
    """A line holding only a picture's file name (IMAGE_REFERENCE), or an element's or
    picture's name with underscores, maybe in a bullet list ("• 805_b")."""
    if "." in line[-6:] and IMAGE_REFERENCE.fullmatch(line):
        return True
    return ("_" in line or "." in line[-6:]) and chrome.is_file_name(line.lstrip("•·▪► "))


# A WordPress feed's footer below each post: "The post Title appeared first on Site."
FEED_FOOTER: Final = re.compile(r"(?i)the post .{1,200} appeared first on\b.*")


def _before_next_post(release: Release, body: list[str]) -> list[str]:
    """The body down to the end of its post, on a page that prints more than one: above
    a feed's footer (FEED_FOOTER); above a paragraph opening with a dateline, maybe under
    its headline and labels, when a byline code closes the paragraph above ("...
    katanya.(hms)" over "DUMAI – Wakil Wali Kota ...") or when it is the third paragraph
    or a later one and its place is a known one or in capitals ("... tutupnya." over
    "Tana Paser – ..."). What is set aside is named in a warning."""
    # Speed: this runs over every line of every release, and most lines fail the first
    # tests (a capital first; a dateline's dash in the first 40 characters, or a feed's
    # footer's "The post"). A search of the joined lines by one pattern cost about
    # 60,000 instructions a release, substring tests of the joined lines 37,000 (the
    # joined text is most often two bytes a character: it holds curly quotes).
    # The first line is never the next post's: the loop starts at the second. A line
    # whose lower case opens with "the post" opens with "T" (no other capital lowers to
    # a text opening with "t"): the footer's test is tried on those alone. (An index loop
    # and a blank line's own test cost less than enumerate(islice()) and a slice.)
    for index in range(1, len(body)):
        line = body[index]
        if not line or not line[0].isupper():
            continue
        head = line[:40]
        if line[0] == "T" and head[:8].lower() == "the post" and FEED_FOOTER.fullmatch(line):
            return _before_feed_footer(release, body, index)
        if ("-" in head or "–" in head or "—" in head) and (
            cut := _next_post_at(release, body, index)
        ) is not None:
            return body[:cut]
    return body


def _headline_item(line: str) -> bool:
    """A list's item naming another post: a dash or a bullet, then a headline
    (_is_headline), which may exclaim or ask ("- Ini Daftar 29 Pasar Baru!")."""
    return _is_headline(line[2:].strip().rstrip("!?"))


def _without_closing_headlines(release: Release, body: list[str]) -> list[str]:
    """`body` without the list of other posts' headlines closing a page, unmarked
    (HEADLINE_LIST_MIN dashed lines or more, _headline_item), below a paragraph that ends
    its sentence: a list the release goes on with opens after a colon."""
    end = len(body)
    while end and not body[end - 1]:
        end -= 1
    start = end
    while start and body[start - 1][:2] in LIST_MARKS:
        start -= 1
    if end - start < HEADLINE_LIST_MIN:
        return body  # most releases: their last line is no list's item
    above = next((x for x in reversed(body[:start]) if x), "")
    if not (above[-1:] in '.!?"”' and _looks_like_paragraph(above)):
        return body
    if _LIST_ANNOUNCED.search(above) or not all(_headline_item(x) for x in body[start:end]):
        return body  # "Berikut para pemenang lomba." over the release's own list
    release.dropped.extend(body[start:end])
    release.warnings.append(_short_lines_dropped(body[start:end]))
    return body[:start]


# Words a paragraph announces the list below it with, a stop closing it: the release's own.
_LIST_ANNOUNCED: Final = re.compile(r"(?i)\bberikut\b|\bantara\ lain\b|\bdi\ ?antaranya\b")


def _dropped_after_code(after: list[str], codes: list[str]) -> Message:
    """The warning for the lines set aside below the byline code that closes a release."""
    return Message(
        "%(count)s line(s) after the byline code (%(code)s) were dropped as "
        "page chrome, starting with %(first)r; move them above the byline "
        "if they belong to the release",
        count=len(after),
        code="/".join(codes),
        first=after[0][:60],
    )


def _before_feed_footer(release: Release, body: list[str], index: int) -> list[str]:
    """The body above a feed's footer (FEED_FOOTER) at `index`, which ends the post."""
    after = [x for x in body[index:] if x]
    release.dropped.extend(after)
    release.warnings.append(
        Message(
            "%(count)s line(s) from the feed's footer %(first)r on were dropped as "
            "the next post of the feed; remove the footer if they belong to the "
            "release",
            count=len(after),
            first=after[0][:60],
        )
    )
    return body[:index]


def _next_post_at(release: Release, body: list[str], index: int) -> int | None:
    """Where the next post starts when the line at `index` opens it with its dateline
    (see _before_next_post), its headline and labels above it; None if it does not."""
    line = body[index]
    found = match_dateline(line, strong_only=True)
    rest = found.rest if found else ""
    if found is None and len(line) <= 60 and line.rstrip()[-1:] in ("-", "–", "—"):
        # A dateline alone on its line over the paragraph: "PEKANBARU - Outlet.com -"
        found = match_dateline(line)
        if found is not None and not found.rest:
            rest = next(filter(None, islice(body, index + 1, index + 3)), "")
    if found is None or found.place is None or fewer_words(rest, 8):
        return None
    # The nearest non-blank lines above, four at most (two for a headline and a label,
    # two more to tell the third paragraph): a page of many such lines stays linear.
    above = list(islice((i for i in range(index - 1, -1, -1) if body[i]), 4))
    start = index
    for i in above[:2]:  # the next post's headline and its labels
        if _ends_sentence(body[i]) or not fewer_words(body[i], 21) or _holds_code(body[i]):
            break
        start = i
    closing = [i for i in above if i < start]
    if not closing:
        return None
    line = body[closing[0]]
    # A code in brackets closes the line, but for stops and stars: "(hms).", "(hms)**".
    text, codes = (
        take_byline(strip_end_mark(line)) if line.rstrip(" .*")[-1:] in (")", "]") else ("", [])
    )
    coded = bool(codes) and _ends_sentence(text.rstrip())
    if not coded and not (
        len(closing) >= 2  # the third paragraph or a later one
        and release.dateline_text is not None  # the release opens as its posts do
        and not _holds_code(line)  # the code closes the release: see _code_above()
        # "Masing- masing warga ...": a word a copy broke is no place; "A – ": a letter
        and (is_region(found.place) or (found.place.isupper() and len(found.place) >= 3))
    ):
        return None
    after = [x for x in body[start:] if x]  # once decided: a long page's lines
    if coded:
        release.warnings.append(_dropped_after_code(after, codes))
    else:
        release.warnings.append(
            Message(
                "%(count)s line(s) from %(first)r on were left out as the next release of "
                "a listing page; keep one release in each file",
                count=len(after),
                first=after[0][:60],
            )
        )
    release.dropped.extend(after)
    return start


def _closing_slogan(body: list[str]) -> bool:
    """Whether the last line is a slogan below the last paragraph: a short line in
    capitals ending with "!" ("DIRGAHAYU REPUBLIK INDONESIA!", "SALAM SEHAT!"), with a
    paragraph of prose above it."""
    line = body[-1]
    if len(line) > 80 or not line.isupper() or not fewer_words(line, 9):
        return False
    above = next((x for x in reversed(body[:-1]) if x), "")
    return bool(above) and _looks_like_paragraph(above)


def _drop_heading_above(release: Release, body: list[str], index: int) -> int:
    """Where the body ends when the trailing chrome at `index` (a contact block, another
    article's time) has a heading above it: a short line without a sentence's end,
    between it and the last paragraph ("Dinas Pertanian Kota Baru" over "Website : ...",
    another article's headline over "4 hari ago"), maybe with more lines of the same
    block between ("Alamat : Jl. ..."). They are dropped, with a warning; a credit, a
    code or a list item stays.
    """
    content = [i for i in range(index - 1, -1, -1) if body[i]][:8]
    at = 0
    while at < len(content) and chrome.is_headed_chrome(body[content[at]]):
        at += 1  # "Alamat : Jl. ...": the block's own line, above its first marker
    # The heading: one line, or up to three ("Pemerintah Kota X", "DINAS Y" over "Jl. Z").
    heads = 0
    while (
        heads < 3 and at + heads + 1 < len(content) and _footer_heading(body[content[at + heads]])
    ):
        heads += 1
        if _looks_like_paragraph(body[content[at + heads]]):
            break
    else:
        return index
    start = content[at + heads - 1]
    lines = [x for x in body[start:index] if x]
    cut = len(release.dropped) - sum(1 for x in body[index:] if x)
    release.dropped[cut:cut] = lines
    release.warnings.append(_short_lines_dropped(lines))
    return start


def _footer_heading(line: str) -> bool:
    """A short line that may head a contact block or another article's time: no
    sentence, no credit, no code, no list item (see _drop_heading_above)."""
    return not (
        not fewer_words(line, 13)
        or _ends_sentence(line)
        or line[-1:] in ":;,"
        or chrome.is_credit_line(line)
        or _labelled_name(line)
        or _holds_code(line)
        or bare_credit(line) is not None
        or LIST_ITEM.fullmatch(line)
    )


# A short labelled line closing the text, whatever its label says (a misspelt one too:
# "Penuilis: Iman Satria"): one capitalised word, a colon, and a name of up to four words.
LABELLED_NAME: Final = re.compile(
    r"[A-Z][a-z]{2,14}\s?:\s?[A-Z][\w.'’-]*(?:\ [A-Z][\w.'’,-]*){0,3}"
)


def _labelled_name(line: str) -> bool:
    """A credit by its shape among the last lines (see LABELLED_NAME)."""
    return ":" in line[:17] and len(line) <= 70 and bool(LABELLED_NAME.fullmatch(line))


def _bare_credit_at(body: list[str], index: int, strong_only: bool = False) -> str | None:
    """The bare credit line ("Adv. Humas Kanwil X") at `index`, if the line above it
    closes a paragraph of prose: a credit follows the release's last paragraph."""
    line = body[index]
    if not line or line[-1:] in '!?"”':
        return None
    credit = bare_credit(line, strong_only)
    if credit is None:
        return None
    above = next((x for x in reversed(body[:index]) if x), "")
    return credit if above and _looks_like_paragraph(above) else None


# One short capitalised word alone on the last line, below the last paragraph: the
# writer's name without brackets ("Nimus"), as "(Nimus)" would be. Not a closing formula,
# nor the first word of a paragraph a copy cut short ("Sementara", "Namun"): a word of
# eight letters or more is most often such a word, and so are the short ones listed.
# "Nimus", "Ani*", "AMC05", "IBL"
LONE_NAME: Final = re.compile(r"[A-Z][a-z]{2,7}\*?|[A-Z]{2,5}\d{1,3}|[A-Z]{2,4}")
HANDLE_DESK: Final = re.compile(r"(?i)humas|hms|kominfo|prokopim|dokpim")
_NOT_A_NAME: Final = frozenset((
    "selesai", "sekian", "salam", "merdeka", "semoga", "amin", "dalam", "para", "hasil",
    "warga", "orang", "ketua", "wakil", "camat", "lurah", "namun", "hal", "tim", "lalu",
    "kini", "saat", "usai", "bila", "jika", "maka", "oleh", "dari", "pada", "untuk",
    "dengan", "selain", "adapun", "bahkan", "tetapi", "tapi", "karena", "setelah",
    "sebelum", "selama", "sejak", "menurut", "terkait", "bupati", "sekda", "kades", "kadis",
    "mereka", "kami", "kita", "saya", "beliau", "ini", "itu", "turut", "hadir", "acara",
    "rapat", "apel", "lomba", "materi", "peserta", "panitia", "program", "bantuan", "jalan",
    "sumber", "berita", "baca", "kirim", "nama", "demikian", "kegiatan", "diketahui",
    "sebanyak", "setiap", "seluruh", "ratusan", "end", "fin", "pt", "cv", "rsud",
))  # fmt: skip


def _lone_name_credit(body: list[str]) -> bool:
    """Whether the last line of `body` is a name or a desk's numbered code alone
    (LONE_NAME) or an office's handle of one word ("Renhumaspolresx", HANDLE_DESK) under
    a paragraph of prose that ends its sentence."""
    line = body[-1]
    if not (
        (
            len(line) <= 9
            and LONE_NAME.fullmatch(line)
            and line.rstrip("*").casefold() not in _NOT_A_NAME
        )
        or (len(line) <= 30 and line.isalnum() and HANDLE_DESK.search(line))
    ):
        return False
    above = next((x for x in reversed(body[:-1]) if x), "")
    return bool(above) and _ends_sentence(above) and _looks_like_paragraph(above)


def _repeated_domain(line: str) -> bool:
    """An outlet's domain printed two times or more on one line, and nothing else."""
    first, _, rest = line.partition(" ")
    if not rest.startswith(first) or "." not in first:
        return False  # most lines: a paragraph, its second word not its first
    return all(word == first for word in rest.split()) and bool(DOMAIN.fullmatch(first))


def _coded_above(body: list[str]) -> bool:
    """Whether the line above the last of `body` ends with a byline code in brackets:
    "... Sulut. (nun)" over "Humas", which is then no credit of its own."""
    above = next((x for x in reversed(body[:-1]) if x), "")
    return above[-1:] == ")" and bool(take_byline(above)[1])


# A person's name alone on its line: two to four capitalised words ("Didi Rachmat").
PERSON_NAME: Final = re.compile(r"[A-Z][a-z'’]+(?:\ [A-Z][a-z'’]*\.?){1,3}")


def _named_credit(body: list[str]):
    """A team's credit in capitals closing the text ("TIM DOKUMENTASI PIMPINAN X", see
    bare_credit) under a line holding only a person's name, below the last paragraph:
    the byline is both, the name first (the reporter), the team (the desk) after it.

    Returns ``(body above the name, "", codes, bylines)`` or None.
    """
    credit = bare_credit(body[-1], True)
    if credit is None:
        return None
    content = [i for i in range(len(body) - 2, -1, -1) if body[i]][:2]
    if len(content) < 2:
        return None
    name, above = body[content[0]], body[content[1]]
    if len(name) > 40 or not PERSON_NAME.fullmatch(name) or not _looks_like_paragraph(above):
        return None
    code = f"{name} {credit}"
    return body[: content[0]], "", [code], [Byline(code, (name,), credit)]


def _code_above(release: Release, body: list[str]):
    """The byline a few lines above the end, with what follows it set aside: the next
    item of a listing page, a headline printed below the body with its category and date
    (taken as the title when there is none), or short chrome lines (tags, names).

    Returns ``(body above the code, the code line's text, codes, bylines)`` or None.
    """
    content = [i for i, line in enumerate(body) if line]
    for index in reversed(content[-5:-1]):
        line = body[index]
        candidate, found = take_byline(strip_end_mark(line))
        bylines = None
        if not found and len(line) <= 80 and (bare := _bare_credit_at(body, index, True)):
            candidate, found, bylines = "", [bare], [bare_byline(bare)]
        if not found:
            continue
        after = [x for x in body[index + 1 :] if x]
        # An outlet's call to follow it may run as long as a paragraph: chrome by its words.
        only_chrome = not any(
            _looks_like_paragraph(x) and not chrome.is_chrome_shaped(x) for x in after
        )
        if not (
            any("/" in code for code in found)
            or bylines
            or only_chrome
            or code_after_stop(line)
            # the next post's headline in capitals below a code after the stop:
            # "... tahun 2018. (Humas)" over "GUBERNUR LANTIK WALI KOTA"
            or (after[0].isupper() and _title_shaped(after[0], 3) and _ends_sentence(candidate))
        ):
            continue
        if release.title is None and (
            (len(after) <= 3 and only_chrome) or (len(after) <= 6 and _dated_headline(after))
        ):
            _headline_below(release, after)
        elif all(bare_credit(x) is not None for x in after):
            release.credits.extend(after)  # "(nun)" over "Humas": the office's credit too
        else:
            release.dropped.extend(after)
            release.warnings.append(_dropped_after_code(after, found))
        return body[:index], candidate, found, bylines
    return _code_above_sidebar(release, body, content)


def _code_above_sidebar(release: Release, body: list[str], content: list[int]):
    """A code of reporter and desk in brackets closing a paragraph further up (up to 30
    lines from the end), below which no line ends a sentence: a page's side panels (the
    office's officials, its awards) follow the release. Returns as _code_above."""
    for position in range(len(content) - 6, max(-1, len(content) - 31), -1):
        index = content[position]
        line = body[index]
        if line[-1:] not in ")." or "/" not in line[-40:]:
            continue
        candidate, found = take_byline(line)
        if not found or not any("/" in code for code in found) or not code_after_stop_slash(line):
            continue
        after = [x for x in body[index + 1 :] if x]
        if any(_ends_sentence(x) and not fewer_words(x, 3) for x in after):
            return None  # a sentence below: the release goes on
        release.dropped.extend(after)
        release.warnings.append(_dropped_after_code(after, found))
        return body[:index], candidate, found, None
    return None


def _headline_below(release: Release, lines: list[str]) -> None:
    """A headline printed below the body (a blog teaser, a page whose layout puts it
    there): its date line, its title and, above the title, its category."""
    rest = []
    for line in lines:
        if fewer_words(line, 12) and dates.find_date(line):
            release.header.setdefault("_meta_date", line.lstrip("-–— "))
        elif (
            _unlabelled_credit(line)
            or (line[:1] == "*" and line[1:2].isupper() and fewer_words(line, 6))
            or line[:1] in "(["
            or (line[-1:] == ":" and fewer_words(line, 3))
            or bare_credit(line) is not None
            or line in NEWSROOM_WORDS
        ):
            # "Editor AGUS UTAMA", "*Pemkab X", "(IKLAN HUMAS ...)", "Redaksi", a label left empty
            # ("Pewarta:"), an office's bare credit ("Humas"): no headline
            release.credits.append(line)
        elif chrome.is_credit_line(line):
            release.credits.append(line)  # "Editor : Ani"
        elif chrome.is_chrome_shaped(line):
            release.dropped.append(line)  # an outlet's call to follow it: no headline
        else:
            rest.append(line)
    if rest:
        release.title = rest[-1]
    if len(rest) >= 2 and fewer_words(rest[-2], 7):
        release.category = rest[-2]
    release.dropped.extend(rest[:-2])


def _cut_word_kept(word: str) -> Message:
    """The warning for a word alone at the very end of a text without a line break."""
    return Message(
        "the text ends on %(word)r alone, without a line break, as a copy cut short does: "
        "it is kept as the last word of the text; if it is the writer's name, put it in "
        "brackets: (%(word)s)",
        word=word,
    )


def _alt_text_moved(title: str, tail: str) -> Message:
    """The warning for a picture's text taken off the end of the headline."""
    return Message(
        "the title ends with %(tail)r in lower case, read as a picture's text the page printed "
        "after it, so the title is %(title)r; if those words belong to the title, write them "
        "with capitals or put the title on a line of its own",
        tail=tail,
        title=title,
    )


def _short_lines_dropped(lines: list[str]) -> str:
    """The warning naming short lines dropped after the last paragraph."""
    return Message(
        "%(count)s short line(s) after the last paragraph were dropped as page chrome, "
        "starting with %(first)r; join them to a paragraph if they belong to the release",
        count=len(lines),
        first=lines[0][:60],
    )


# A credit without its colon: "Editor AGUS UTAMA", "Penulis Rina Wati".
UNLABELLED_CREDIT: Final = re.compile(
    r"(?i:editor|penulis|reporter|pewarta|redaktur|wartawan|fotografer|kontributor|penyunting)"
    r"\ [A-Z][\w.'’-]*(?:\ [A-Z][\w.'’-]*){0,3}"
)


def _unlabelled_credit(line: str) -> bool:
    return len(line) <= 60 and bool(UNLABELLED_CREDIT.fullmatch(line))


# Words joined by an underscore, as a page's tags join a unit and a name ("Polsek
# X_Iptu Y"): no sentence holds it.
_TAG_JOIN: Final = re.compile(r"[A-Za-z]_[A-Z]")


def _drop_short_tail(release: Release, body: list[str]) -> None:
    """Blank out a run of two or more short lines after the last paragraph of prose:
    slogans, tags and names a page prints below a release ("WBK Sukses", "WBBM Pasti"),
    a banner repeated there ("IDCloudHost | SSD Cloud Hosting" three times), and a list
    of three or more other articles' headlines (see _is_headline).

    Not touched: list items, a line holding a code or a bare credit, a single short
    line (it may close the text), and anything when no prose stands above the run, or
    when the line above it announces a list (ends with a colon).
    """
    last = body[-1] or next((line for line in reversed(body) if line), "")
    if len(last) > SHORT_TAIL_MAX or not (fewer_words(last, 12) or _is_headline(last)):
        return  # the body ends with a paragraph: most releases
    tail = [line for line in body[-12:] if line]
    run: list[int] = []
    headlines = 0  # lines of the run taken only as headlines
    for index in range(len(body) - 1, -1, -1):
        line = body[index]
        if not line:
            continue
        short = (
            fewer_words(line, 5)
            or (fewer_words(line, 12) and not _ends_sentence(line) and tail.count(line) > 1)
            or (fewer_words(line, 10) and "_" in line and _TAG_JOIN.search(line) is not None)
        )
        if not short and _is_headline(line):
            short, headlines = True, headlines + 1
        if not short or _holds_code(line) or bare_credit(line) is not None:
            break
        first = line[:1]
        if (first in "-•*–" or first.isdecimal() or first.islower()) and LIST_ITEM.fullmatch(line):
            break
        run.append(index)
    if len(run) < (3 if headlines else 2):
        return
    above = next((x for x in reversed(body[: run[-1]]) if x), "")
    if not above or above[-1] == ":" or not _looks_like_paragraph(above):
        return
    lines = [body[i] for i in reversed(run)]
    if release.title is None and _dated_headline(lines):
        _headline_below(release, lines)  # the page prints its headline and date below
    else:
        release.dropped.extend(lines)
        release.warnings.append(_short_lines_dropped(lines))
    for index in run:
        body[index] = ""


def _dated_headline(lines: list[str]) -> bool:
    """Whether short lines below the body hold a headline and its date line: the page's
    own, printed under the text ("Judul" over "Kamis 18-02-2021,11:31 WIB")."""
    dated = [i for i, line in enumerate(lines) if fewer_words(line, 12) and dates.find_date(line)]
    return bool(dated) and dated[0] > 0 and _title_shaped(lines[dated[0] - 1], 3)


# The longest last line _drop_short_tail() looks above: a headline of another article.
SHORT_TAIL_MAX: Final = 200


def _is_headline(line: str) -> bool:
    """Another article's headline by its shape: 5 to 25 words, opening with a capital,
    most of them (three in four) capitalised or numbers, and no sentence's or clause's
    end ("Harga Cabai di Pasar Induk Turun Menjelang Akhir Tahun")."""
    if len(line) > SHORT_TAIL_MAX or line[-1:] in _NOT_HEADLINE_END or not line[:1].isupper():
        return False
    words = line.split(None, 25)
    if not 5 <= len(words) <= 25:
        return False
    capitals = sum(1 for word in words if word[0].isupper() or word[0].isdecimal())
    return capitals * 4 >= len(words) * 3


_NOT_HEADLINE_END: Final = frozenset('.!?"”’:;,)]')


def apply_byline(release: Release, code: str, bylines: list[Byline] | None = None) -> None:
    bylines = bylines or [split_code(code)]
    release.byline = code
    release.reporters = [r for b in bylines for r in b.reporters]
    desks = [b.desk for b in bylines if b.desk]
    release.desk = desks[-1] if desks else None


# A dateline printed at the end of the lead, after its last sentence: "... se-Indonesia.
# Jakarta, 06 Januari 2025".
CLOSING_DATELINE: Final = re.compile(
    r"[.!?”\"]\s+[A-Z][\w.-]*(?:\ [A-Z][\w.-]*){0,3},\ ?(?P<date>\d{1,2}\ [A-Za-z]{3,9}\ \d{4})\.?$"
)


def _closing_dateline(lead: Block) -> dates.FoundDate | None:
    """The date of a dateline closing the lead (CLOSING_DATELINE)."""
    text = lead.plain()
    if not text[-1:].isdecimal() and text[-1:] != ".":
        return None
    match = CLOSING_DATELINE.search(text, max(0, len(text) - 60))
    return dates.find_date(match["date"]) if match else None


def _find_date(release: Release, filename: str, dateline: Dateline | None) -> None:
    found: dates.FoundDate | None = None
    source = None
    if "date" in release.header:
        found = dates.parse_header_date(release.header["date"])
        source = "header"
        if (
            found is None
            or not dates.PLAUSIBLE_YEARS[0] <= found.value.year <= dates.PLAUSIBLE_YEARS[1]
        ):
            found = None
            release.warnings.append(
                Message(
                    "the header date %(date)r is not a date (a year from %(first)s to "
                    "%(last)s); write it as 'Tanggal: 2024-03-12'",
                    date=release.header["date"],
                    first=dates.PLAUSIBLE_YEARS[0],
                    last=dates.PLAUSIBLE_YEARS[1],
                )
            )
    by_name, bad = dates.filename_dates(filename)
    if bad:
        release.warnings.append(
            Message(
                "the file name starts with %(start)r, which is no date; the date is taken "
                "from the text (or the file's history): rename the file with a real date, "
                "e.g. 2024-03-12-judul.txt",
                start=bad,
            )
        )
    if found is None and by_name:
        found, source = by_name, "filename"
    if found is None:
        # The dateline's date, then the page's date line; a post's stamp with its time
        # first ("Nama, 26 Februari 2021 13:43:27 WIB" over "Place (X) Kamis 25 ...,").
        meta = release.header.get("_meta_date")
        in_dateline = dateline.date_text if dateline else None
        # find_date() only when the line may give a time ("13:43:27", "09.30"): most
        # date lines give none, and the dateline's date stays first.
        stamp = (
            dates.find_date(meta) if meta and in_dateline and dates.TIME_RE.search(meta) else None
        )
        for text in (meta, in_dateline) if stamp and stamp.has_time else (in_dateline, meta):
            if text and (found := dates.find_date(text)):
                source = "dateline"
                break
    if found is None and (stamp := _stamped_caption(release.captions[:2])):
        found, source = stamp, "dateline"
    if found is None:
        found = _labelled_or_stamped(release, dateline is None)
        source = "dateline" if found else source
    # A lead names its date early: looking further would only cost time on a huge paragraph.
    lead = release.blocks[0].plain() if release.blocks else ""
    if len(lead) > LEAD_DATE_WINDOW:  # cut at a space: "(1/1/2019)" must not end as "1/1/20"
        lead = lead[:LEAD_DATE_WINDOW].rsplit(" ", 1)[0]
    in_lead = dates.find_weekday_date(lead)
    if found is None and in_lead:
        found, source = in_lead, "lead"
    if found is None and release.blocks and (closing := _closing_dateline(release.blocks[0])):
        found, source = closing, "dateline"  # "... se-Indonesia. Jakarta, 06 Januari 2025"
    if found is None and dateline is not None and dateline.date_text and release.blocks:
        # The dateline's day without its year ("SANGATTA, Outlet.com (5/6)"): the year
        # is the one the text states, when it states one only.
        context = " ".join(filter(None, [release.title, *(b.plain() for b in release.blocks[:8])]))
        years = dates.stated_years(context[: dates.BODY_DATE_WINDOW])
        if len(years) == 1 and (yearless := dates.find_date(dateline.date_text, years[0])):
            found, source = yearless, "dateline"
    if found is None and release.blocks:
        # Beyond the lead's first weekday date: the lead's opening, later paragraphs, a
        # date without a year whose weekday fits a year the text states.
        paragraphs = [block.plain() for block in release.blocks]
        context = " ".join(filter(None, [release.title, *paragraphs]))
        if body_date := dates.find_release_date(paragraphs, context):
            found, source = body_date, "body"
    # A headline naming its day ("APEL PAGI SENIN 8/8/2022 DI ..."), the text none.
    title = release.title
    if found is None and title and _DIGIT.search(title) and (titled := dates.find_date(title)):
        found, source = titled, "title"
    if found is None:
        # The picture's date in its caption above the lead: the event's ("Sosialisasi ...
        # Senin (3/11/2025). Foto/IST"), before the site's clock.
        for caption in release.captions[:2]:
            if _DIGIT.search(caption) and (pictured := dates.find_date(caption)):
                found, source = pictured, "caption"
                break
    if found is None and (clock := release.header.get("_clock_date")):
        found, source = dates.find_date(clock), "dateline"
    if (
        found is None
        and release.dropped
        and (alone := dates.numeric_date_alone(release.dropped[0]))
    ):
        # "02/10/25" over the title, dropped as a page's clock: the text dates it no other way
        found, source = alone, "dateline"
    for candidate in (found, in_lead):
        if candidate and (conflict := candidate.weekday_conflict()):
            release.warnings.append(conflict)
            break
    if found is None:
        release.warnings.append(NO_DATE)
        return
    release.date, release.date_has_time, release.date_source = (
        found.value,
        found.has_time,
        source,
    )


def _labelled_or_stamped(release: Release, unread_top: bool) -> dates.FoundDate | None:
    """The page's date given by a metadata line: a post's stamp with its time kept below
    the title ("Oleh X, Selasa, 1 April 2025 | 09:49 WIB - Redaktur: Y"), a labelled
    release date among the first paragraphs ("Tanggal Rilis : 3 Oktober 2022"), or a
    date alone over the title without a weekday ("21 Agustus 2025", see
    dates.clock_without_weekday): each before the lead's event date. The first
    paragraphs are looked at only when no dateline was found (`unread_top`): the top of
    the page then stayed in the body."""
    # A stamp's line left among the first paragraphs when the top was not read: one
    # opening with the comma its missing weekday left, or holding a bar (", 01 April
    # 2013, 16:47:51 WIB - 1276 | Kontributor : X").
    lines = release.captions[:2]
    if unread_top:
        lines = lines + [
            text
            for block in release.blocks[:3]
            if (text := block.plain())[:1] == "," or "|" in text[:200]
        ]
    for line in lines:
        if _DIGIT.search(line) and (stamp := dates.stamp_date(line)) and stamp.has_time:
            return stamp
    for block in release.blocks[:8] if unread_top else ():
        text = block.plain()[:600]
        if ("ilis" in text or "erbit" in text or "ublikasi" in text or "elease" in text) and (
            labelled := dates.labelled_release_date(text)
        ):
            return labelled
    clock = release.header.get("_clock_date")
    return dates.clock_without_weekday(clock) if clock else None


# A post's metadata line under the title that opens with its date, then the office:
# "12-11-2021 - Pengadilan Agama X — PENGADILAN TINGGI AGAMA Y".
STAMPED_LINE: Final = re.compile(r"\d{1,2}([-./])\d{1,2}\1\d{4}\s+[-–—|]\s+[A-Z]")


def _stamped_caption(lines: list[str]) -> dates.FoundDate | None:
    """The date of a metadata line kept below the title (see STAMPED_LINE): the
    page's date, before the lead's."""
    for line in lines:
        if line[:1].isdecimal() and len(line) <= 160 and STAMPED_LINE.match(line):
            return dates.find_date(line[:12])
    return None


# Header values that must hold a word (a letter or digit).
_WORDED: Final = ("title", "category", "dateline")


def _apply_header(release: Release) -> None:
    """The header's values over what the text gave (read_header() checked the status).

    A value without a letter or digit ("...", "()") names nothing: it is ignored, with a
    warning, and what the text gave stands.
    """
    header = release.header
    if not header:
        return  # most releases: no header, nothing to apply
    for name in _WORDED:
        if name in header and not _has_word(header[name]):
            release.warnings.append(
                Message(
                    "the header %(name)s %(value)r holds no letter or digit and is ignored: "
                    "write the %(name)s in words",
                    name=name,
                    value=header.pop(name),
                )
            )
    if "title" in header:
        release.title = header["title"]
    if "category" in header:
        release.category = header["category"]
    if "dateline" in header:
        release.dateline = header["dateline"]
        release.dateline_display = display_place(header["dateline"])
    if "byline" in header:
        code = "/".join(part for part in header["byline"].split("/") if _has_word(part))
        if code:
            apply_byline(release, code.strip("()[] "))
        else:
            release.warnings.append(
                Message(
                    "the header byline %(value)r holds no code; write it as "
                    "'Byline: rus/humasprov' (the text's own code is used, if any)",
                    value=header["byline"],
                )
            )
    if "summary" in header:
        release.summary = header["summary"]
    if "slug" in header:
        if any(ch.isascii() and ch.isalnum() for ch in header["slug"]):
            release.slug = slugify(header["slug"])
        else:
            release.warnings.append(
                Message(
                    "the header slug %(value)r holds no letter or digit a web address can "
                    "use; the title gives the address: write the slug with letters, digits "
                    "and hyphens",
                    value=header["slug"],
                )
            )
    if "tags" in header:
        release.tags = [t.strip() for t in header["tags"].split(",") if _has_word(t)]
    if "old_url" in header:
        release.old_url = header["old_url"] or None
    if "status" in header:
        release.status = header["status"]


def _has_word(value: str) -> bool:
    return any(map(str.isalnum, value))


def parse_text(text: str, filename: str = "", config: Config | None = None) -> Release:
    """Parse normalised release text."""
    return _parse_lines(text.split("\n"), filename, config)


# The parser's default settings, made once: a Config is frozen, and the parser only reads it.
DEFAULT_CONFIG: Final = Config()


def _parse_lines(lines: list[str], filename: str, config: Config | None) -> Release:
    """parse_text() of the text ``"\n".join(lines)``: its lines, already split."""
    config = config or DEFAULT_CONFIG
    release = Release(source=filename)
    # A text that ends without a line break, on a word alone: a copy cut short ("Sem" of
    # "Sementara"), not a writer's name (see _cut_tail).
    cut = lines[-1] if lines[-1] and " " not in lines[-1] else None
    header = read_header(lines)
    if header is not None:
        release.header = dict(header.values)
        release.credits.extend(header.credits)
        release.warnings.extend(header.warnings)
        lines = header.rest
    wrapped = wrap_width(lines)
    if wrapped:
        lines = unwrap(lines, wrapped, _opens_lead)

    start = 0
    while start < len(lines) and (
        not lines[start] or chrome.is_leading_chrome(lines[start], config.chrome)
    ):
        if lines[start]:
            release.dropped.append(lines[start])
        start += 1
    lines = lines[start:]
    if lines and lines[0][:5] == "date " and (stamp := PAGE_DATE_PREFIX.match(lines[0])):
        # "date 2025-08-31 outlet.com, PLACE - ...": the page's date, on a line of its own
        # (read with the lines above the title); cut to the month, only set aside
        if stamp["day"]:
            lines = [stamp.group(0).strip(), lines[0][stamp.end() :], *lines[1:]]
        else:
            release.dropped.append(stamp.group(0).strip())
            lines = [lines[0][stamp.end() :], *lines[1:]]
    lines = _without_poll(release, lines)

    found = _find_dateline(lines)
    if (
        found is not None
        and found[1].place is None
        and found[1].rest[:4].isdecimal()
        and (unglued := _unglued_stamp(lines)) is not lines
    ):
        # "Info Terkini | 2023-03-27 09:38:07CILACAP – ...": read as an outlet's name
        # before a date, a CMS's rubric and stamp glued to the lead's dateline
        lines = unglued
        found = _find_dateline(lines)
    again: int | None = None if found is None else _printed_again(lines, found[0])
    if found is not None and again is not None and _lead_teaser(lines, found[0], again):
        release.dropped.append(lines[found[0]])  # the lead, printed again below the title
        lines = [*lines[: found[0]], *lines[found[0] + 1 :]]
        found = _find_dateline(lines)
        again = None if found is None else _printed_again(lines, found[0])
    if found is None and wrapped and (opening := _wrapped_dateline(lines)):
        lines, found = opening
    if found is None and (opening := _place_over_outlet(lines)):
        lines, found = opening
    if found is None:
        # The last resort: a lead opening with a known place and a separator in a shape
        # no rule reads ("Masohi,Outlet.- ", "Kolaka_Outlet.com- ").
        lead = _header_without_dateline(lines)
        if lead < len(lines) and (
            opened := region_opening(lines[lead])
            or glued_opening(lines[lead])
            or outlet_opening(lines[lead])
        ):
            found = lead, opened
        elif lead < len(lines) and (above := _place_line_over_lead(lines, lead)):
            lines, found = above
    elif (
        found[1].place is None
        and found[1].rest
        # "Polres Pekalongan – ": a police or army unit named with its place is an office
        and not (found[1].agency or "").casefold().startswith(UNIT_OPENINGS)
    ):
        # An outlet or an office read where the line names a known place too
        # ("Kolaka_Outlet.com- "): the same opening, with its place.
        opened = region_opening(lines[found[0]])
        if opened and opened.rest == found[1].rest:
            found = found[0], opened
        elif (
            found[1].text[-1:] in "–—-"
            and found[1].text[-2:-1].isalnum()
            and (glued := glued_place(found[1].rest))
        ):
            # "Kitasulsel–Makassar Kepala Bidang ...": the outlet's name, a dash and a
            # known place glued to it, and the lead with no separator
            found = (
                found[0],
                replace(found[1], place=glued[0], text=f"{found[1].text}{glued[0]}", rest=glued[1]),
            )
        elif DOMAIN.fullmatch(found[1].agency or "") and (after := place_opening(found[1].rest)):
            # "Outlet.com, Kupang-Dalam rangka ...": a known place glued to the lead
            line = lines[found[0]]
            text = line[: len(line) - len(after[2])].rstrip()
            found = found[0], replace(found[1], place=after[0], text=text, rest=after[2])
    if found:
        index, dateline = found
        if dateline.rest and (
            outlet := outlet_after_dateline(dateline.rest) or glued_unit(dateline.rest)
        ):
            # "Banjarmasin, OUTLET TVJajaran ...", "X - PLACE -Bupati ...": the outlet's
            # name or a dash between the dateline and the lead
            agency = " ".join(filter(None, (dateline.agency, outlet[0]))) or None
            text = f"{dateline.text} {outlet[1]}"
            dateline = replace(dateline, agency=agency, text=text, rest=outlet[2])
        if (
            dateline.place
            and dateline.place.casefold() in PROVINCE_KEYS  # few datelines name a province
            and (narrowed := place_under_province(dateline))
        ):
            dateline = narrowed  # "Outlet.co.id Bali – Klungkung, ...": the regency
        if dateline.date_text is None and (dated := dates.opening_date(dateline.rest)):
            # "Klungkung – 27 Februari 2026 Bupati ...": the date belongs to the dateline
            dateline = replace(
                dateline, date_text=dated[0], text=f"{dateline.text} {dated[0]}", rest=dated[1]
            )
        if not dateline.rest and (tagged := _office_tag_below(dateline, lines, index)):
            dateline, lines = tagged
            again = _printed_again(lines, index)  # the lines below moved up
        if again is not None and (copy := _second_copy(lines, index, again)) is not None:
            release.dropped.extend(x for x in lines[copy:] if x)
            release.warnings.append(_copy_left_out(lines[copy:]))
            lines = lines[:copy]
        top = lines[:index]
        body = ([dateline.rest] if dateline.rest else []) + lines[index + 1 :]
        if not dateline.rest and (dashed := _dash_opened_lead(body)) is not None:
            # "PLACE" alone on its line over "-Bupati ...": the dateline's dash went down
            body[dashed] = body[dashed].lstrip("-–— ")
        release.dateline = dateline.place
        release.dateline_display = dateline.display
        release.dateline_agency = dateline.agency
        release.dateline_text = dateline.text
    else:
        dateline = None
        lines = _without_link_menu(release, lines[:40]) + lines[40:]
        index = _header_without_dateline(lines)
        top, body = lines[:index], lines[index:]
    _read_top(release, top, config)
    if dateline is None and release.title and body and body[0].startswith(release.title):
        body = _without_glued_title(release, body)
    elif dateline is None and release.title and body and body[0][:1] in _CAPTION_FIRST:
        body = _without_captioned_title(release, body)
    body = _shortcode_captions(release, body)
    body = _cut_tail(release, body, config, cut)
    release.blocks = split_blocks(body)

    if release.blocks and not release.summary:
        release.summary = release.blocks[0].plain()
    if release.title and release.captions and release.summary:
        _title_from_the_lead(release)
    _apply_header(release)
    if not release.reporters and release.credits:
        release.credited_reporters = credited_reporters(release.credits)
    _find_date(release, filename, dateline)

    if not release.title:
        release.warnings.append(NO_TITLE)
    if not release.dateline and not dateline:
        release.warnings.append(NO_DATELINE)
    if not release.byline and not release.credited_reporters:
        release.warnings.append(NO_BYLINE)
    if not release.blocks:
        release.warnings.append(NO_BODY)
    release.warnings.extend(_long_names(release))
    release.body_html = body_html(release.blocks, release.dateline_text, release.captions)
    return release


# A page's date as some stores of web pages print it before the text, glued to the lead:
# "date 2025-08-31 outlet.com, PLACE - ...", "date 2023-02 ..." (cut to the month).
PAGE_DATE_PREFIX: Final = re.compile(
    r"date\ \d{4}-\d{2}(?P<day>-\d{2})?(?:\ \d{2}:\d{2}(?::\d{2})?)?\ (?=\S)"
)


# Words too common to tie a headline to its lead.
_COMMON_WORDS: Final = _LITTLE_WORDS | frozenset((
    "bahwa", "juga", "telah", "tersebut", "secara", "para", "hari", "kali", "bisa", "dapat",
    "lebih", "masih", "sudah",
))  # fmt: skip
_CONTENT_WORD: Final = re.compile(r"\w{4,}")
# A weekday's date in brackets, as a photo's caption dates the event: "Selasa (14/5)".
_CAPTION_DATE: Final = re.compile(r"\(\d{1,2}/\d{1,2}(?:/\d{2,4})?\)")


def _content_words(text: str) -> set[str]:
    words = {w.casefold() for w in _CONTENT_WORD.findall(text)}
    return words - _COMMON_WORDS


def _title_from_the_lead(release: Release) -> None:
    """A headline shares words with its lead. A title sharing none ("WA Pengaduan", a
    logo's name, a menu's labels) while a headline-shaped line set aside above the lead
    shares three or more is the page's chrome: that line is the title."""
    text = (release.summary or "")[:800].casefold()
    # Most titles share a word with the lead: found as a piece of its text, before any
    # word of the lead is listed (a word inside a longer one counts as shared here).
    if any(word in text for word in _content_words(release.title or "")):
        return
    lead = _content_words(text)
    if not lead:
        return
    best, shared = None, 2
    for line in release.captions:
        words = line.split()
        if (
            4 <= len(words) <= 30
            and line[-1:] not in ".!?:"
            and not _CAPTION_DATE.search(line)
            and len(overlap := _content_words(line) & lead) > shared
        ):
            best, shared = line, len(overlap)
    if best is not None:
        release.dropped.append(release.title or "")
        release.captions.remove(best)
        release.title = _unmarked(best)


# A CMS's rubric and time stamp glued to the lead's first word: "Info Terkini |
# 2023-03-27 09:38:07CILACAP – ...".
GLUED_STAMP: Final = re.compile(
    r"(?P<stamp>[A-Z][\w ]{2,30}\ \|\ \d{4}-\d{2}-\d{2}\ \d{2}:\d{2}(?::\d{2})?)(?=[A-Z])"
)


# A picture's caption in WordPress's shortcode, pasted from the editor or an export:
# '[caption id="attachment_9" align="aligncenter" width="800"] Text[/caption]'.
SHORTCODE_CAPTION: Final = re.compile(r"\[caption\b[^\]]{0,300}\]\s*(?P<text>.*?)\s*\[/caption\]")


def _shortcode_captions(release: Release, body: list[str]) -> list[str]:
    """`body` with each line that is a caption's shortcode blanked, its text (the
    picture's tags inside it, normalise.MARKUP_TAG, left out; any other "<" is escaped on
    output) kept among the captions."""
    if "[caption" not in "\n".join(body):  # one search of the joined lines: most have none
        return body
    kept = []
    for line in body:
        if line[:8] == "[caption" and (shortcode := SHORTCODE_CAPTION.fullmatch(line)):
            text = MARKUP_TAG.sub("", shortcode["text"]).strip()  # its <img> tag
            if text:
                release.captions.append(text)
            kept.append("")
        else:
            kept.append(line)
    return kept


def _without_glued_title(release: Release, body: list[str]) -> list[str]:
    """`body`, whose first line opens with the title, without that copy when the lead
    is glued to it ("TITLE IN CAPITALSDalam rangka ..."): the title of four words or more,
    its last character and the lead's first one, a capital, with no space between; or a
    title of eight words or more, a space, and a capital."""
    title, line = release.title or "", body[0]
    after = line[len(title) : len(title) + 1]
    if after == " " and line[len(title) + 1 : len(title) + 2].isupper():
        # "Title of eight words or more Setelah melalui ...": a long title's copy, a space,
        # then the lead's first sentence (a short one may open the lead as its subject)
        if fewer_words(title, 8):
            return body
        release.dropped.append(title)
        return [line[len(title) + 1 :], *body[1:]]
    if not (after.isupper() and title[-1:].isalnum()) or fewer_words(title, 4):
        return body
    release.dropped.append(title)
    return [line[len(title) :], *body[1:]]


def _without_captioned_title(release: Release, body: list[str]) -> list[str]:
    """`body`, whose first line opens with a photo's label and the title's copy, then the
    lead ("Foto : Bupati Hadiri Upacara X Bupati ... menghadiri ..."), with the label and
    the copy set aside as the photo's caption."""
    title, line = release.title or "", body[0]
    label = CAPTION_START.match(line)  # "Foto : B": the title's copy opens at its last character
    if label is None or fewer_words(title, 4):
        return body
    start = label.end() - 1
    end = start + len(title)
    if line[start:end].casefold() != title.casefold() or not line[end + 1 : end + 2].isupper():
        return body
    release.captions.append(line[:end])
    return [line[end:].lstrip(), *body[1:]]


def _unglued_stamp(lines: list[str]) -> list[str]:
    """`lines` with a rubric's and time stamp's line (GLUED_STAMP) split from the lead it
    is glued to, among the first lines; the same list when none is."""
    for index, line in enumerate(lines[:12]):
        if " | " in line[:40] and (glued := GLUED_STAMP.match(line)):
            return [*lines[:index], glued["stamp"], line[glued.end() :], *lines[index + 1 :]]
    return lines


def _long_names(release: Release) -> list[str]:
    """A warning for each name too long for a web address: its address is shortened."""
    for name in (release.category, release.dateline_display, *release.reporters):
        if name and (len(name) > SLUG_MAX or not name.isascii()):
            break
    else:
        if not release.credited_reporters:
            return []  # most releases: short ASCII names, no full_slug() needed (see below)
    names = [(CATEGORY, release.category), (PLACE, release.dateline_display)]
    names += [(REPORTER, name) for name in release.reporters + release.credited_reporters]
    return [
        Message(
            "the %(kind)s %(name)r is %(length)s characters long; its web address is "
            "shortened to %(slug)r: check the %(kind)s, which is usually a few words",
            kind=kind,
            name=name[:40] + "…",
            length=len(name),
            slug=slugify(name),
        )
        for kind, name in names
        # An ASCII name gives a slug no longer than itself: most need no full_slug().
        if name and (len(name) > SLUG_MAX or not name.isascii()) and len(full_slug(name)) > SLUG_MAX
    ]


def parse_release(raw: bytes, filename: str = "", config: Config | None = None) -> Release:
    """Parse the bytes of a release file. Raises PressReleaseError when unreadable."""
    text, encoding, warnings, plain = decode_checked(raw)
    if "<" in text:
        text, tags = strip_markup(text)
        if tags:
            warnings.append(_markup_removed(tags))
            plain = is_plain(text)  # "&nbsp;" read as a no-break space
    lines = normalise_lines(text, plain)
    if not any(lines):  # the lines are stripped: the text holds only spaces
        raise PressReleaseError(Message("the file is empty (or holds only spaces)"))
    release = _parse_lines(lines, filename, config)
    if not release.blocks or _only_a_title(release):
        raise PressReleaseError(_no_body_reason(release))
    release.encoding = encoding
    release.warnings[:0] = warnings
    if size := _size_warning(len(raw), lines, release, plain):
        release.warnings.append(size)
    return release


def _markup_removed(tags: list[str]) -> Message:
    return Message(
        "%(count)s HTML tag(s) removed from the text, e.g. %(tag)r; save the release as plain text",
        count=len(tags),
        tag=tags[0][:40],
    )


def _only_a_title(release: Release) -> bool:
    """One short line and nothing else: no title was found because it is all there is."""
    if release.title or release.dateline or release.byline or len(release.blocks) != 1:
        return False
    block = release.blocks[0]
    if block.kind != "p" or _looks_like_paragraph(block.text):
        return False
    release.title, release.blocks = block.text, []
    return True


def _no_body_reason(release: Release) -> str:
    if release.title:
        return Message(
            "the file holds only a title (%(title)r) and no release text; add the text "
            "below the title",
            title=release.title[:60],
        )
    if release.dropped:
        return Message(
            "the file holds only page chrome (%(count)s line(s) such as %(first)r) and no "
            "release text; paste the release itself",
            count=len(release.dropped),
            first=release.dropped[0][:60],
        )
    return Message("no release text found; put the title on the first line and the text below it")


def _size_warning(size: int, lines: list[str], release: Release, plain: bool) -> str | None:
    """One warning for a file far bigger than a release: most likely a paste gone wrong.

    `plain` says the lines came from plain text (see normalise.is_plain), which decodes
    to at most one character per byte and which normalising only shortens: then no line
    is longer than the file's `size` in bytes.
    """
    if size > MAX_RELEASE_BYTES or len(release.blocks) > MAX_RELEASE_BLOCKS:
        return Message(
            "the release is unusually long (%(size)s MB, %(count)s paragraphs); check that "
            "the file holds one release, not an archive or a whole web page",
            size=f"{size / 1e6:.1f}",
            count=len(release.blocks),
        )
    if plain and size <= MAX_LINE_CHARS:
        return None  # no line can be longer than the whole file
    longest = max(map(len, lines))
    if longest > MAX_LINE_CHARS:
        return Message(
            "a line of %(length)s characters: the file seems to have lost its line breaks; "
            "check the paragraphs on the page and put a blank line between them",
            length=longest,
        )
    return None
