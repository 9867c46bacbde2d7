"""Body lines to blocks: paragraphs and lists, whatever the author's line breaks.

Paragraphs arrive split by blank lines, by single line breaks, by lines holding only
".", or not at all. One rule covers them all: a line break ends a paragraph when the
line ends a sentence and the next line starts a new one; otherwise it is a stray break
inside a sentence and becomes a space (or nothing, for a drop cap "B" + "ahkan").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

LIST_ITEM = re.compile(r"(?P<marker>[-•*–]|\d{1,2}[.)]|[a-z][.)])\s+(?P<text>\S.*)")
_ORDERED = re.compile(r"\d{1,2}[.)]|[a-z][.)]")
SENTENCE_END = re.compile(r"[.!?:;\"”’')\]]$")
DROP_CAP = re.compile(r"[A-Z]")
SEPARATOR = re.compile(r"\.{1,3}|[*•·]")  # a line holding only "." separates paragraphs


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


def _continues(previous: str, line: str) -> bool:
    """Whether `line` continues the sentence `previous` left open."""
    if not line:
        return False
    if LIST_ITEM.fullmatch(line):
        return False
    return line[0].islower() or not SENTENCE_END.search(previous)


def _join(previous: str, line: str) -> str:
    drop_cap = DROP_CAP.fullmatch(previous[-1:]) and (len(previous) == 1 or previous[-2] == " ")
    if drop_cap and line[:1].islower():
        return previous + line  # a drop cap: "B" + "ahkan"
    return f"{previous} {line}"


def split_blocks(lines: list[str]) -> list[Block]:
    """Group normalised body lines ('' for a separator) into blocks."""
    blocks: list[Block] = []
    current: Block | None = None
    for line in lines:
        if not line or SEPARATOR.fullmatch(line):
            current = None
            continue
        item = LIST_ITEM.fullmatch(line)
        if item:
            kind = "ol" if _ORDERED.fullmatch(item["marker"]) else "ul"
            if current is None or current.kind != kind:
                current = Block(kind)
                blocks.append(current)
            current.items.append(item["text"])
            current.markers.append(item["marker"])
            continue
        if current is not None and current.kind != "p":
            last = current.items[-1]
            if not SENTENCE_END.search(last) and line[:1].islower():
                current.items[-1] = f"{last} {line}"
                continue
            current = None
        if current is not None and _continues(current.text, line):
            current.text = _join(current.text, line)
            continue
        current = Block("p", line)
        blocks.append(current)
    return blocks
