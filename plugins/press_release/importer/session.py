"""One import run into a target folder: deduplicating, writing, copying photos.

The readers and :func:`pipeline.prepare` make each item's file text; the session
decides what becomes of it against the import state (write.py) and records it in the
report. Photos are copied once a source has been read whole, since a WordPress
export may name a post's featured image before the attachment that holds it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import photos as photo_files
from .messages import note
from .model import Photo, Skipped
from .pipeline import Prepared
from .report import Entry, ImportReport
from .write import (
    ADOPTED,
    EDITED,
    NEW,
    REMOVED,
    UNCHANGED,
    UPDATED,
    ImportState,
    Record,
    digest,
    plan,
    read_bytes,
    write_atomic,
)  # fmt: skip

SAVE_EVERY = 500  # files written between two saves of the state


@dataclass
class _PendingPhotos:
    record: Record
    photos: list[Photo]
    page_folder: Path | None
    entry: Entry


@dataclass
class ImportSession:
    folder: Path
    roots: list[Path]
    report: ImportReport
    dry_run: bool = False
    state: ImportState = field(init=False)
    _pending: list[_PendingPhotos] = field(default_factory=list)
    _unsaved: int = 0
    _finder: photo_files.PhotoFinder | None = None

    def __post_init__(self) -> None:
        # PressReleaseError when the state is unreadable: the caller says so.
        self.state = ImportState.load(self.folder, self.dry_run)

    def add(self, item: Prepared | Skipped, page_folder: Path | None = None) -> None:
        if isinstance(item, Skipped):
            self.report.add(item.kind, item.origin, reason=item.reason)
            return
        keys = item.keys or (f"text:{digest(item.text.encode('utf-8'))}",)
        data = item.text.encode("utf-8")
        record = self.state.find(keys)
        if record is not None and not self.state.mark(record):
            self.report.add("duplicate", item.origin, reason=note("duplicate", first=record.file))
            return
        if record is None:
            record, entry = self._new(item, keys, data)
            self.state.mark(record)
        else:
            entry = self._known(item, record, keys, data)
        if entry.status != "skipped" and item.photos:
            self._pending.append(_PendingPhotos(record, item.photos, page_folder, entry))
        else:
            self.report.close(entry)

    def _new(self, item: Prepared, keys, data: bytes) -> tuple[Record, Entry]:
        """A release no import has written: its file, under a name no one else holds."""
        name = item.stem + ".txt"
        free = not self.state.taken(name)
        if free and read_bytes(self.folder / name) == data:  # an import stopped before saving
            status = "unchanged"
        else:
            name = self.state.free_name(item.stem, ".txt", keys[0])
            self._write(name, data)
            status = "imported"
        record = self.state.add(name, digest(data), keys)
        return record, self.report.add(status, item.origin, name, notes=item.notes, close=False)

    def _known(self, item: Prepared, record: Record, keys, data: bytes) -> Entry:
        """A release imported before: rewritten only if its file is still as written."""
        self.state.add_keys(record, keys)
        action = plan(record.digest, read_bytes(self.folder / record.file), data)
        if action in (UNCHANGED, UPDATED):
            if action == UPDATED:
                self._write(record.file, data)
            self.state.set_digest(record, digest(data))
            status = "unchanged" if action == UNCHANGED else "updated"
            return self.report.add(status, item.origin, record.file, notes=item.notes, close=False)
        reason = note("edited" if action == EDITED else "removed", file=record.file)
        return self.report.add("skipped", item.origin, record.file, reason=reason, close=False)

    def _write(self, name: str, data: bytes) -> None:
        if self.dry_run:
            return
        write_atomic(self.folder / name, data)
        self._unsaved += 1
        if self._unsaved >= SAVE_EVERY:
            self.save()

    def copy_photos(self, attachments: dict, final: bool = True) -> None:
        """Copy the photos of the items added so far whose attachments are known
        (`attachments`: their source's table), of all of them when `final`."""
        if self._finder is None or self._finder.roots != self.roots:
            self._finder = photo_files.PhotoFinder(self.roots, self.folder)
        finder = self._finder
        ready = self._pending
        if not final:
            ready = [p for p in self._pending if _known(p.photos, attachments)]
            if not ready:
                return
        waiting = [p for p in self._pending if not final and not _known(p.photos, attachments)]
        for pending in ready:
            files, notes = finder.resolve(pending.photos, attachments, pending.page_folder)
            pending.entry.notes.extend(notes)
            self.report.photos["missing"] += sum(1 for n in notes if n.code == "photo_missing")
            stem = pending.record.file.removesuffix(".txt")
            for name, source in zip(photo_files.photo_names(stem, files), files, strict=True):
                self._copy(pending, name, source)
            self.report.close(pending.entry)
        self._pending = waiting

    def _copy(self, pending: _PendingPhotos, name: str, source: Path) -> None:
        record = pending.record
        try:
            data = source.read_bytes()
        except OSError as exc:
            pending.entry.notes.append(note("photo_missing", ref=f"{source} ({exc.strerror})"))
            return
        action = plan(self.state.photo_digest(name), read_bytes(self.folder / name), data)
        if action in (NEW, UPDATED):
            self._write(name, data)
            self.report.photos["copied"] += 1
        elif action in (UNCHANGED, ADOPTED):
            self.report.photos["same"] += 1
        elif action == EDITED:
            pending.entry.notes.append(note("photo_edited", file=name))
            return
        if action != REMOVED:
            self.state.set_photo(record, name, digest(data))

    def save(self) -> None:
        self.state.save()
        self._unsaved = 0

    def close(self) -> None:
        self.save()
        self.state.close()


def _known(photos: list[Photo], attachments: dict) -> bool:
    """Whether every attachment the photos name has been read (it may come later)."""
    return all(p.attachment_id is None or p.attachment_id in attachments for p in photos)
