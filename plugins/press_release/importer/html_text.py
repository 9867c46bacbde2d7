"""Body HTML -> the authors' plain text: paragraphs apart by a blank line.

What a release's HTML holds becomes what an author would have pasted: paragraphs and
headings as paragraphs, line breaks as line breaks, list items as ``- `` or ``1. ``
lines, entities as characters, a small data table as plain rows (``cell | cell``) with
a warning; images become photos of the release (their text is not the release's).
Scripts, styles, forms, iframes and other embeds are never carried over: an embed or a
form is named in a warning, so nothing an author wrote goes without a word.

WordPress stores a post's text without ``<p>`` tags: a blank line ends a paragraph and
a line feed is a line break (``wpautop``). ``autop=True`` reads text that way; saved web
pages are ordinary HTML, where a line feed is a space.

The tree is walked with an explicit stack, never recursively: a page of 5,000 nested
``<div>`` elements (old table-and-div portals) converts like any other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Comment, Declaration, Doctype, ProcessingInstruction, Tag
from bs4.element import NavigableString

from .messages import Note, note
from .model import Photo

# Elements whose start and end separate paragraphs.
BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "center",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "ul",
    ]
)
# Elements whose content is never text of the release.
DROPPED_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "title",
        "meta",
        "link",
        "base",
        "button",
        "input",
        "select",
        "option",
        "textarea",
        "svg",
        "canvas",
        "map",
        "area",
        "datalist",
        "output",
    ]
)
# Embedded content: dropped, and named in a warning.
EMBED_TAGS = frozenset(["iframe", "object", "embed", "video", "audio"])
LIST_TAGS = frozenset(("ul", "ol"))
# The parts of a layout table (one holding prose), read as blocks.
LAYOUT_TAGS = frozenset(("table", "tbody", "thead", "tfoot", "tr", "td", "th"))
# Attributes that hold an image's address, lazy-loading ones first (the ``src`` of a
# lazily loaded image is often a placeholder).
IMAGE_SOURCES = ("data-src", "data-lazy-src", "data-original", "src")
# A blank line, possibly with spaces on it: a paragraph break in WordPress's stored text.
PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\xa0]*\n")
# Control characters (NUL from a broken page, escape codes) that make a text file binary.
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A table beyond this is no data table a release would show as rows.
MAX_TABLE_ROWS = 200
MAX_TABLE_CELLS = 2000
# A cell this long holds prose: the table lays out a page, it is not data.
LAYOUT_CELL_CHARS = 300


@dataclass
class Converted:
    text: str
    photos: list[Photo] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)


def parse_html(html: str) -> BeautifulSoup:
    """The tree of an HTML fragment or page (Python's own parser: no compiled extra)."""
    return BeautifulSoup(html, "html.parser")


def html_to_text(html: str | Tag, autop: bool = False) -> Converted:
    """The plain text, photos and warnings of `html` (a string or a parsed element)."""
    root = parse_html(html) if isinstance(html, str) else html
    writer = _Writer(autop)
    writer.walk(root)
    if isinstance(html, str):
        # The tree's parent and child links are cycles: freed now rather than by a later
        # full collection, so a long import does not pile parsed posts up in memory.
        root.decompose()
    return Converted(writer.finish(), writer.photos, writer.notes)


def image_source(img: Tag) -> str | None:
    """The address of an ``<img>``: a lazy-loading attribute first, never a data: URI."""
    for name in IMAGE_SOURCES:
        value = img.get(name)
        if isinstance(value, str) and value.strip() and not value.startswith("data:"):
            return value.strip()
    srcset = img.get("srcset") or img.get("data-srcset")
    if isinstance(srcset, str) and srcset.strip():
        return srcset.split(",")[-1].split()[0]  # the last candidate: the largest
    return None


def _host(url: str) -> str:
    host = urlsplit(url.strip()).hostname if url else None
    return f" ({host})" if host else ""


class _Writer:
    """Text, line by line and paragraph by paragraph, as the walk meets it."""

    def __init__(self, autop: bool) -> None:
        self.autop = autop
        self.blocks: list[list[str]] = []
        self.lines: list[str] = []
        self.pieces: list[str] = []
        self.lists: list[list] = []  # [tag, items so far] of each open list
        self.pre = 0
        self.photos: list[Photo] = []
        self.notes: list[Note] = []

    # -- output -------------------------------------------------------------------
    def line_break(self) -> None:
        line = "".join(self.pieces)
        self.pieces = []
        line = line.rstrip() if self.pre else " ".join(line.split())
        if line.strip():
            self.lines.append(line)

    def paragraph_break(self) -> None:
        self.line_break()
        if self.lines:
            self.blocks.append(self.lines)
            self.lines = []

    def block_break(self, inside_list: bool = True) -> None:
        """A block's edge: a paragraph break, or inside a list item a line break (with
        `inside_list`) or nothing (a ``<p>`` in an ``<li>`` stays on the item's line)."""
        if not self.lists:
            self.paragraph_break()
        elif inside_list:
            self.line_break()

    def text(self, value: str) -> None:
        if self.pre:
            for index, line in enumerate(value.split("\n")):
                if index:
                    self.line_break()
                self.pieces.append(line)
        elif self.autop:
            for index, part in enumerate(PARAGRAPH_BREAK.split(value)):
                if index:
                    self.paragraph_break()
                for number, line in enumerate(part.split("\n")):
                    if number:
                        self.line_break()
                    self.pieces.append(line)
        else:
            self.pieces.append(value)

    def finish(self) -> str:
        self.paragraph_break()
        text = "\n\n".join("\n".join(lines) for lines in self.blocks)
        return CONTROLS.sub("", text)

    # -- the walk -----------------------------------------------------------------
    def walk(self, root: Tag) -> None:
        stack: list[tuple[object, bool]] = [(root, False)]
        while stack:
            node, closing = stack.pop()
            if closing:
                self.close(node)
            elif isinstance(node, NavigableString):
                if not isinstance(node, Comment | Declaration | Doctype | ProcessingInstruction):
                    self.text(str(node))
            elif isinstance(node, Tag) and self.open(node):
                stack.append((node, True))
                stack.extend((child, False) for child in reversed(node.contents))

    def open(self, tag: Tag) -> bool:
        """Act on an element's start; True when its children are to be walked."""
        name = tag.name
        if name in DROPPED_TAGS:
            return False
        if name in EMBED_TAGS:
            source = tag.get("src") or tag.get("data") or ""
            if not source and (inner := tag.find("source")):
                source = inner.get("src") or ""
            self.notes.append(note("embed", what=name, where=_host(str(source))))
            return False
        if name == "form":
            self.notes.append(note("form"))
            return False
        if name == "img":
            if source := image_source(tag):
                self.photos.append(Photo(ref=source, alt=" ".join(str(tag.get("alt", "")).split())))
            return False
        if name == "br":
            # A second <br> on an empty line ends the paragraph ("<br><br>" portals).
            if not self.pre and not "".join(self.pieces).strip():
                self.paragraph_break()
            else:
                self.line_break()
            return False
        if name == "hr":
            self.paragraph_break()
            return False
        if name == "table" and not _is_layout_table(tag):
            self.table(tag)
            return False
        if name == "pre":
            self.paragraph_break()
            self.pre += 1
        elif name in LIST_TAGS:
            self.block_break()
            self.lists.append([name, 0])
        elif name == "li":
            self.line_break()
            if self.lists:
                self.lists[-1][1] += 1
                kind, number = self.lists[-1]
                self.pieces.append(f"{number}. " if kind == "ol" else "- ")
        elif name in BLOCK_TAGS or name in LAYOUT_TAGS:
            self.block_break(inside_list=name not in ("p", "div"))
        return True

    def close(self, tag: Tag) -> None:
        name = tag.name
        if name == "pre":
            self.paragraph_break()  # its last line still as written
            self.pre -= 1
        elif name in LIST_TAGS:
            self.lists.pop()
            self.block_break()
        elif name == "li":
            self.line_break()
        elif name in BLOCK_TAGS or name in LAYOUT_TAGS:
            self.block_break(inside_list=False)

    def table(self, table: Tag) -> None:
        """A data table: each row a line of its cells' text, or dropped when huge."""
        rows = [row for row in table.find_all("tr") if row.find_parent("table") is table]
        cells = sum(len(row.find_all(["td", "th"], recursive=False)) for row in rows)
        for img in table.find_all("img"):
            if source := image_source(img):
                self.photos.append(Photo(ref=source, alt=str(img.get("alt", ""))))
        if len(rows) > MAX_TABLE_ROWS or cells > MAX_TABLE_CELLS:
            self.notes.append(note("table_dropped", rows=len(rows), cells=cells))
            return
        self.paragraph_break()
        kept = 0
        for row in rows:
            texts = [
                " ".join(cell.get_text(" ").split())
                for cell in row.find_all(["td", "th"], recursive=False)
            ]
            if any(texts):
                self.pieces.append(" | ".join(texts))
                self.line_break()
                kept += 1
        self.paragraph_break()
        if kept:
            self.notes.append(note("table", rows=kept))


def _is_layout_table(table: Tag) -> bool:
    """A table that lays out a page (old portals): nested tables or prose in a cell."""
    if table.find("table") is not None:
        return True
    return any(
        len(cell.get_text()) > LAYOUT_CELL_CHARS or cell.find(["p", "ul", "ol", "h2", "h3"])
        for cell in table.find_all(["td", "th"])
    )
