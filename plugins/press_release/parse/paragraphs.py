"""Body lines to blocks: paragraphs and lists, whatever the author's line breaks.

Paragraphs arrive split by blank lines, by single line breaks, by lines holding only
".", or not at all. One rule covers them all: a line break ends a paragraph when the
line ends a sentence and the next line starts a new one; otherwise it is a stray break
inside a sentence and becomes a space (or nothing, for a drop cap "B" + "ahkan").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .normalise import SENTENCE_STOPS

LIST_ITEM = re.compile(r"(?P<marker>[-•*–]|\d{1,2}[.)]|[a-z][.)])\s+(?P<text>\S.*)")
_ORDERED = re.compile(r"\d{1,2}[.)]|[a-z][.)]")
SENTENCE_END = re.compile(r"[.!?:;\"”’')\]]$")
DROP_CAP = re.compile(r"[A-Z]")
SEPARATOR = re.compile(r"\.{1,3}|[*•·]")  # a line holding only "." separates paragraphs

# Plain-Python forms of the tests above, for the loop over every line: the characters
# that open a LIST_ITEM (or a decimal digit, as \d) or a SEPARATOR, the characters
# SENTENCE_END accepts as a last character, and the capitals of DROP_CAP.
_LIST_FIRST = frozenset("-•*–abcdefghijklmnopqrstuvwxyz")
_SEPARATOR_FIRST = frozenset(".*•·")
_SENTENCE_ENDS = SENTENCE_STOPS | frozenset(":;’')]")
_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")

# One search of ``"\n" + "\n".join(lines)`` for anything that keeps a non-blank line from
# being a paragraph of its own (see _one_paragraph_per_line). Each branch opens after a
# line feed, where a line starts: the pattern opens with a literal line feed, which the
# regex engine finds at C speed, and tries the branches only there.
_NOT_ALONE = re.compile(
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
    per paragraph: one search of the joined lines tells them, instead of a loop.
    """
    return not _NOT_ALONE.search("\n" + "\n".join(lines))


# A hard-wrapped text: an e-mail's or a PDF's lines, broken at a fixed width (72 to 100
# characters) in mid-sentence, with no blank line between paragraphs. Its lines are no
# wider than WRAP_WIDTH (one longer line allowed: a link, a long title), and at least
# WRAPPED_MIN of them (WRAP_SHORTEST characters or more, no sentence's stop at the end)
# go on in a lower-case word on the next line.
WRAP_WIDTH = 100
WRAP_SHORTEST = 40
WRAPPED_MIN = 3


def hard_wrapped(lines: list[str]) -> bool:
    """Whether `lines` are a hard-wrapped text (see WRAP_WIDTH)."""
    lengths = sorted(map(len, lines))
    if len(lengths) <= WRAPPED_MIN or lengths[-2] > WRAP_WIDTH:
        return False  # most texts: paragraphs on lines of their own, longer than that
    broken = 0
    for line, following in zip(lines, lines[1:], strict=False):
        if (
            len(line) >= WRAP_SHORTEST
            and line[-1] not in _SENTENCE_ENDS
            and following[:1].islower()
            and not _list_item(following)
        ):
            broken += 1
            if broken == WRAPPED_MIN:
                return True
    return False


def unwrap(lines: list[str]) -> list[str]:
    """The lines of a hard-wrapped text with each sentence's broken lines joined again:
    a line that ends without a sentence's stop goes on in the next when that one opens
    in lower case ("... menghubungkan dua" / "dusun di Desa ...") or the line ends with a
    comma ("Wonosobo - Bupati Wonosobo," / "Ibu Sri ..."), neither a list item. So the
    lead's first line, which may hold the dateline, is whole before the title and the
    dateline are looked for. A line of one character stays (a drop cap: split_blocks)."""
    joined: list[str] = []
    for line in lines:
        previous = joined[-1] if joined else ""
        if (
            line
            and len(previous) > 1
            and previous[-1] not in _SENTENCE_ENDS
            and (line[:1].islower() or previous[-1] == ",")
            and not _list_item(line)
            and not _list_item(previous)
        ):
            joined[-1] = f"{previous} {line}"
        else:
            joined.append(line)
    return joined


def split_blocks(lines: list[str]) -> list[Block]:
    """Group normalised body lines ('' for a separator) into blocks.

    The lines of the open paragraph (or list item) are collected in a list and joined
    once it closes, so a file of many short lines parses in linear time.
    """
    if _one_paragraph_per_line(lines):
        return [Block("p", line) for line in lines if line]
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
