"""What every source yields: an item in neutral form, or the reason it was skipped.

The readers (wxr.py, saved_pages.py, dump.py) know their format and nothing of the
release file; compose.py knows the release file and nothing of the formats.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from .messages import Note


@dataclass
class Photo:
    """A photo the source names: a URL or a path relative to the page (``ref``), or a
    WordPress attachment to look up when the whole export has been read."""

    ref: str = ""
    alt: str = ""
    attachment_id: str | None = None


@dataclass
class SourceItem:
    """One release as a source gives it."""

    origin: str  # where it came from, for messages: "export.xml, item 12"
    keys: tuple[str, ...] = ()  # GUID and old URL: the same release on a re-run
    old_url: str | None = None
    title: str | None = None
    date: datetime | None = None
    date_has_time: bool = False
    category: str | None = None
    tags: list[str] = field(default_factory=list)
    author: str | None = None
    summary: str | None = None
    body: str = ""  # the authors' plain text: paragraphs apart by a blank line
    slug_hint: str | None = None
    photos: list[Photo] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)


@dataclass
class Skipped:
    """An item that is not imported, and why."""

    origin: str
    reason: Note
    keys: tuple[str, ...] = ()
    kind: str = "skipped"  # or "duplicate"
