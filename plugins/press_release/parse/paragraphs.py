"""Body lines to blocks: paragraphs and lists, whatever the author's line breaks.

Paragraphs arrive split by blank lines, by single line breaks, by lines holding only
".", or not at all. One rule covers them all: a line break ends a paragraph when the
line ends a sentence and the next line starts a new one; otherwise it is a stray break
inside a sentence and becomes a space (or nothing, for a drop cap "B" + "ahkan").

A text hard-wrapped at a fixed width (an e-mail's, a PDF's) is first unwrapped, before
the title and the dateline are looked for (wrap_width, unwrap): there a line break ends
the lead's first line anywhere, and the top of the release is read line by line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

from .normalise import SENTENCE_STOPS

LIST_ITEM: Final = re.compile(r"(?P<marker>[-•*–]|\d{1,2}[.)]|[a-z][.)])\s+(?P<text>\S.*)")
_ORDERED: Final = re.compile(r"\d{1,2}[.)]|[a-z][.)]")
SENTENCE_END: Final = re.compile(r"[.!?:;\"”’')\]]$")
DROP_CAP: Final = re.compile(r"[A-Z]")
SEPARATOR: Final = re.compile(r"\.{1,3}|[*•·]")  # a line holding only "." separates paragraphs

# Plain-Python forms of the tests above, for the loop over every line: the characters
# that open a LIST_ITEM (or a decimal digit, as \d) or a SEPARATOR, the characters
# SENTENCE_END accepts as a last character, and the capitals of DROP_CAP.
_LIST_FIRST: Final = frozenset("-•*–abcdefghijklmnopqrstuvwxyz")
_SEPARATOR_FIRST: Final = frozenset(".*•·")
_SENTENCE_ENDS: Final = SENTENCE_STOPS | frozenset(":;’')]")
_CAPITALS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")

# One search of ``"\n" + "\n".join(lines)`` for anything that keeps a non-blank line from
# being a paragraph of its own (see _one_paragraph_per_line). Each branch opens after a
# line feed, where a line starts: the pattern opens with a literal line feed, which the
# regex engine finds at C speed, and tries the branches only there.
_NOT_ALONE: Final = re.compile(
    r"""
    \n
    (?: [-•*–.·]|\d|[a-z][.)]            # opens a list item or a separator (as _list_item,
                                        # and _SEPARATOR_FIRST)
      | (?<=[^\n.!?:;"”’')\]]\n)[^\n]   # follows a line with no sentence end (_ends_sentence)
      | (?<=[^\n]\n)[^\nA-Z“"]          # follows a line and may be lower case: all that
                                        # str.islower() accepts, and more
    )
    """,
    re.X,
)
# _NOT_ALONE's sets, for the loop in _one_paragraph_per_line(): what opens a list item
# or a separator, what closes an item's letter, the stops of the look-behind, and what
# the last branch's line may not open with.
_ALONE_OPENERS: Final = frozenset("-•*–.·")
_ITEM_CLOSERS: Final = frozenset(".)")
_ALONE_STOPS: Final = frozenset(".!?:;\"”’')]")
_CAPS_QUOTES: Final = frozenset('ABCDEFGHIJKLMNOPQRSTUVWXYZ“"')


@dataclass
class Block:
    kind: str  # "p", "ul" or "ol"
    text: str = ""
    items: list[str] = field(default_factory=list)
    markers: list[str] = field(default_factory=list)

    def plain(self) -> str:
        if self.kind == "p":
            return self.text
        return "\n".join(f"{m} {t}" for m, t in zip(self.markers, self.items, strict=True))


def _list_item(line: str) -> re.Match[str] | None:
    """LIST_ITEM.fullmatch(line), skipped for a line that cannot open an item."""
    first = line[:1]
    if first in _LIST_FIRST or first.isdecimal():
        return LIST_ITEM.fullmatch(line)
    return None


def _ends_sentence(text: str) -> bool:
    """SENTENCE_END.search(text[-1:]): the last character alone decides."""
    return text[-1:] in _SENTENCE_ENDS


def _continues(previous: str, line: str) -> bool:
    """Whether `line` continues the sentence that the line `previous` left open."""
    if not line:
        return False
    if _list_item(line):
        return False
    # Only the last character decides: searching the whole paragraph would be quadratic.
    return line[0].islower() or not _ends_sentence(previous)


def _is_drop_cap(previous: str, line: str) -> bool:
    """ "B" + "ahkan": a lone capital letter glued to the next line's lower-case start."""
    return bool(
        previous[-1:] in _CAPITALS  # DROP_CAP
        and (len(previous) == 1 or previous[-2] == " ")
        and line[:1].islower()
    )


def _one_paragraph_per_line(lines: list[str]) -> bool:
    """True when split_blocks() makes each non-blank line a paragraph of its own.

    That is when no line opens a list item or a separator, and no line continues the
    one above it: a line after a blank line never does, and after a non-blank line it
    continues only if it starts in lower case or the line above ends without a
    sentence end. Most releases are paragraphs separated by blank lines, or one line
    per paragraph: the opening and closing characters tell them (_NOT_ALONE's test),
    instead of the general loop.
    """
    # The same test line by line, with the pattern's branches in plain Python: cheaper
    # than joining the lines and scanning every character (about 20 K instructions a
    # release for the search). A line holding a line feed of its own (none does after
    # normalise_lines()) is left to the pattern, which sees a line start there.
    previous = ""
    for line in lines:
        if line:
            if "\n" in line:
                return not _NOT_ALONE.search("\n" + "\n".join(lines))
            first = line[0]
            if first in _CAPS_QUOTES:
                # Most lines: a capital or a quotation mark opens no item or separator,
                # and such a line continues one above it only without a stop there.
                if previous and previous[-1] not in _ALONE_STOPS:
                    return False
            elif (
                previous  # a line after a non-blank one continues it
                or first in _ALONE_OPENERS
                or first.isdecimal()  # \d: the category Nd, as str.isdecimal()
                or ("a" <= first <= "z" and line[1:2] in _ITEM_CLOSERS)
            ):
                return False
        previous = line
    return True


# A hard-wrapped text: an e-mail's or a PDF's lines, broken at a fixed width (60 to 100
# characters) in mid-sentence. Its lines are no wider than WRAP_WIDTH (one longer line
# allowed: a link, a long title), and at least WRAPPED_MIN of them are broken: of
# WRAP_SHORTEST characters or more, a piece of prose (PROSE_LOWER words or more opening in
# lower case: a title or a menu has fewer) without a sentence's stop at its end, followed
# by a line of text of half that length or more, or closing a sentence (not a list's
# item, not a button's label).
WRAP_WIDTH: Final = 100
WRAP_SHORTEST: Final = 40
WRAPPED_MIN: Final = 2
PROSE_LOWER: Final = 3
# A line this close to the text's width is full: the wrap broke it, whatever follows.
WRAP_SLACK: Final = 25


def _prose_piece(line: str) -> bool:
    """Whether `line` holds PROSE_LOWER words or more opening in lower case."""
    lower = 0
    for word in line.split():
        if word[0].islower():
            lower += 1
            if lower == PROSE_LOWER:
                return True
    return False


def _broken(line: str, following: str, shortest: int) -> bool:
    """Whether `line` is a piece of prose the wrap broke before `following`."""
    return (
        len(line) >= shortest
        and line[-1] not in _SENTENCE_ENDS
        and (len(following) >= WRAP_SHORTEST // 2 or _ends_sentence(following))
        and not _list_item(following)
        and not _list_item(line)
        and _prose_piece(line)
    )


def wrap_width(lines: list[str]) -> int:
    """The width `lines` are hard-wrapped at (see WRAP_WIDTH), or 0 when they are not."""
    wider = 0
    for line in lines:  # most texts: paragraphs on lines of their own, the first ones wider
        if len(line) > WRAP_WIDTH:
            if wider:
                return 0
            wider = 1
    broken = 0
    for line, following in zip(lines, lines[1:], strict=False):
        if _broken(line, following, WRAP_SHORTEST):
            broken += 1
            if broken == WRAPPED_MIN:
                return max(len(x) for x in lines if len(x) <= WRAP_WIDTH)
    return 0


def unwrap(lines: list[str], width: int, opens_lead: Callable[[str, int], bool]) -> list[str]:
    """The lines of a text hard-wrapped at `width` with each sentence's broken lines
    joined again, so that the lead's first line, which may hold the dateline, is whole
    before the title and the dateline are looked for (see _goes_on). A line of one
    character stays (a drop cap: split_blocks), as do a list's items. ``opens_lead(line,
    n)`` tells a line opening with a dateline and `n` words or more after it.

    Linear in the text's length: the pieces of a line are joined once, and the tests see
    the last piece and the joined line's first LEAD_HEAD characters, not all of it."""
    joined: list[str] = []
    pieces: list[str] = []  # the lines being joined into one
    head = ""  # their first LEAD_HEAD characters, joined
    for line in lines:
        last = pieces[-1] if pieces else ""
        if (
            len(last) > 1
            and line
            and not _list_item(line)
            and not _list_item(pieces[0])
            # Markup's leftovers ("![]() |") go on with nothing: chrome, dropped later.
            and any(map(str.isalnum, last))
            and (
                (last[-1] not in _SENTENCE_ENDS and _goes_on(head, last, line, width, opens_lead))
                or _value_below(last, line)
            )
        ):
            if last[-1] == "-" and last[-2:-1].isalpha() and line[:1].islower():
                # A word broken at the line's end ("pemba-" / "ngunan", "anak-" / "anak"):
                # one word again, its hyphen kept (a reduplication's is the author's).
                pieces[-1] = f"{last}{line}"
                head = f"{head}{line}"[:LEAD_HEAD] if len(head) < LEAD_HEAD else head
                continue
            pieces.append(line)
            if len(head) < LEAD_HEAD:
                head = f"{head} {line}"[:LEAD_HEAD]
            continue
        if pieces:
            joined.append(" ".join(pieces))
        pieces, head = [line], line[:LEAD_HEAD]
    if pieces:
        joined.append(" ".join(pieces))
    return joined


# A label whose value a wrap may push to the next line: "... 09/03/2025, Foto :" /
# "Humas Kota X"; a separator closing the line: "... 08:15 WIB -" / "Redaktur: X".
_LABEL_BEFORE_VALUE: Final = re.compile(
    r"(?i)\b(?:foto|sumber|editor|penulis|reporter|pewarta|redaktur|oleh|kontributor"
    r"|fotografer)\s?:$"
)
_SEPARATOR_ENDS: Final = (" -", " –", " —", " |")


def _value_below(last: str, line: str) -> bool:
    """Whether `last` ends with a label or a separator whose value the wrap put on the
    next `line`, a short one (a credit's name, a page's metadata)."""
    if len(line) > WRAP_SHORTEST + 20:
        return False
    return last.endswith(_SEPARATOR_ENDS) or (
        last[-1] == ":" and bool(_LABEL_BEFORE_VALUE.search(last, max(0, len(last) - 16)))
    )


# What of a joined line the tests of a dateline read: every shape of match_dateline()
# lies within its first 110 characters.
LEAD_HEAD: Final = 200


def _goes_on(
    head: str, last: str, line: str, width: int, opens_lead: Callable[[str, int], bool]
) -> bool:
    """Whether `line` goes on with the sentence that `last`, the last line of a line
    opening with `head`, left open: it opens in lower case ("... menghubungkan dua" /
    "dusun di Desa ..."), or `last` ends with a comma ("Wonosobo - Bupati Wonosobo," /
    "Ibu Sri ..."), or fills the `width` (but for WRAP_SLACK characters) as a piece of
    prose does, or the joined line opens with a dateline: the lead, however short its
    first line ("LEMBAH HIJAU – Pemerintah ... melatih" / "60 perajin ...",
    "BANDARLAMPUNG – Dinas" / "Komunikasi, ..."), or `line` is a headline's last words
    that did not fit ("... Raya - Mahasiswa Jadi" / "Prioritas") or a short one in
    brackets, the byline's code ("... ujarnya" / "(rus/hms)."). A line that opens
    with a dateline goes on only a lead ("Judul ... by admin" / "SUNGAI LUAS – ..."); a
    lead's line may hold a word or two after its dateline ("Parepare, outlet.id –
    Asisten Perekonomian" / "Hakim meminta ...")."""
    full = width - WRAP_SLACK
    goes_on = (
        line[:1].islower()
        or last[-1] == ","
        or (len(last) >= full and _prose_piece(last))
        or (line[:1] in "([" and len(line) <= WRAP_SHORTEST)  # a code: "(rus/hms)."
        or opens_lead(head, 1)
        or _headline_tail(last, line, width)
    )
    return goes_on and (not opens_lead(line, 4) or opens_lead(head, 1))


def _headline_tail(previous: str, line: str, width: int) -> bool:
    """Whether `line` holds a headline's last words, wrapped: its first word did not fit
    on the line above, and it is short, without a stop or a digit (a date line's)."""
    return (
        len(previous) + len(line.split(None, 1)[0]) >= width
        and len(line) < width - WRAP_SLACK
        and line[-1] not in _SENTENCE_ENDS
        and not any(map(str.isdigit, line))
    )


def split_blocks(lines: list[str]) -> list[Block]:
    """Group normalised body lines ('' for a separator) into blocks.

    The lines of the open paragraph (or list item) are collected in a list and joined
    once it closes, so a file of many short lines parses in linear time.
    """
    if _one_paragraph_per_line(lines):
        # The empty lists given: the dataclass's default factories cost a call each.
        return [Block("p", line, [], []) for line in lines if line]
    return _split_blocks(lines)


def _split_blocks(lines: list[str]) -> list[Block]:
    """split_blocks(), line by line: the general case."""
    blocks: list[Block] = []
    current: Block | None = None
    parts: list[str] = []  # the lines of the open paragraph or last list item

    def close() -> None:
        if current is None:
            return
        if current.kind == "p":
            current.text = " ".join(parts)
        else:
            current.items[-1] = " ".join(parts)

    for line in lines:
        if not line or (line[0] in _SEPARATOR_FIRST and SEPARATOR.fullmatch(line)):
            if current is not None:
                close()
                current = None
            continue
        first = line[0]  # _list_item(line), inlined for the loop over every line
        item = LIST_ITEM.fullmatch(line) if first in _LIST_FIRST or first.isdecimal() else None
        if item:
            if current is not None:
                close()
            kind = "ol" if _ORDERED.fullmatch(item["marker"]) else "ul"
            if current is None or current.kind != kind:
                current = Block(kind)
                blocks.append(current)
            current.items.append(item["text"])
            current.markers.append(item["marker"])
            parts = [item["text"]]
            continue
        if current is not None and current.kind != "p":
            if not _ends_sentence(parts[-1]) and line[0].islower():
                parts.append(line)
                continue
            close()
            current = None
        # _continues(parts[-1], line) for a line known not to open a list item
        if current is not None and (line[0].islower() or not _ends_sentence(parts[-1])):
            if _is_drop_cap(parts[-1], line):
                parts[-1] += line  # a drop cap: "B" + "ahkan"
            else:
                parts.append(line)
            continue
        if current is not None:
            close()
        current = Block("p", line)
        parts = [line]
        blocks.append(current)
    close()
    return blocks
