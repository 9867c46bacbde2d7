"""One source item to one release file's text: compose, then read back.

:func:`prepare` is pure and takes and returns plain data, so the command can run it in
worker processes (cli.py) while the main process reads the source and writes files.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .compose import Draft, compose
from .messages import Note
from .model import Photo, Skipped, SourceItem
from .verify import read_back


@dataclass
class Prepared:
    """What the writing step needs of an item."""

    origin: str
    keys: tuple[str, ...]
    stem: str
    text: str
    photos: list[Photo] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)


def prepare(item: SourceItem | Skipped) -> Prepared | Skipped:
    if isinstance(item, Skipped):
        return item
    draft = compose(item)
    release, checked = read_back(draft, item)
    if item.author and release is not None and not (release.byline or release.credited_reporters):
        # The text names nobody: the source's author closes it as a credit line.
        draft = compose(item, credit=True)
        release, checked = read_back(draft, item)
    return _prepared(item, draft, checked)


def _prepared(item: SourceItem, draft: Draft, checked: list[Note]) -> Prepared:
    return Prepared(
        origin=item.origin,
        keys=item.keys,
        stem=draft.stem,
        text=draft.text,
        photos=item.photos,
        notes=draft.notes + checked,
    )
