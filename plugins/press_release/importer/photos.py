"""Finding a release's photos on disk and naming them by the photo convention.

Nothing is downloaded: a photo is copied only when the source folder (or a folder
given with ``--media``) holds it. A reference is looked for as the source names it
(relative to the saved page: "Berita_files/foto.jpg"), under the host's folder of a
mirror ("humas.example.go.id/wp-content/uploads/2024/03/foto.jpg"), then by the tail of
its path under each folder ("wp-content/uploads/2024/03/foto.jpg", "uploads/2024/...",
"2024/03/foto.jpg", ...), then as WordPress's original of a resized copy
("foto-1024x683.jpg" -> "foto.jpg"), and last by its file name alone in each folder or
one level below it (a CMS's "foto_berita/NAME"). A path is never followed outside those
folders.

Photos are named after the release: ``STEM.jpg`` is the lead photo, ``STEM-2.jpg``,
``STEM-3.jpg`` ... the others, in the source's order (featured image first).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .messages import Note, note
from .model import Photo

PHOTO_TYPES = frozenset((".jpg", ".jpeg", ".png", ".webp"))
# WordPress's resized copy of an upload: "foto-1024x683.jpg" beside "foto.jpg".
RESIZED = re.compile(r"-\d{2,5}x\d{2,5}(?=\.\w{3,4}$)")


def _inside(path: Path, folders: list[Path]) -> bool:
    resolved = path.resolve()
    return any(resolved.is_relative_to(folder) for folder in folders)


def candidates(ref: str, page_folder: Path | None, roots: list[Path], bare: bool) -> Iterator[Path]:
    """Where on disk the photo `ref` may be, most likely first; with `bare`, only by its
    file name alone (the last resort: another month's upload may share it)."""
    parts = urlsplit(ref.strip())
    segments = [s for s in unquote(parts.path).split("/") if s and s not in (".", "..")]
    if not segments:
        return
    if bare:
        for root in roots:
            yield root / segments[-1]
            yield from (folder / segments[-1] for folder in _subfolders(root))
        return
    if not parts.scheme and not parts.netloc and page_folder is not None:
        relative = unquote(parts.path)
        if not relative.startswith("/"):
            yield page_folder / relative
    for root in roots:
        if parts.netloc:
            yield root.joinpath(parts.netloc, *segments)
        for start in range(max(1, len(segments) - 1)):
            yield root.joinpath(*segments[start:])


def _subfolders(root: Path) -> list[Path]:
    """The folders one level below `root` ("foto_berita", "upload"), sorted."""
    try:
        return sorted(entry for entry in root.iterdir() if entry.is_dir())
    except OSError:
        return []


class PhotoFinder:
    """Looks photos up under a source's folders. A folder's file names are listed once
    and kept: an export names thousands of photos in the same few upload folders, and
    a lookup is then a set lookup, not a dozen file-system calls."""

    def __init__(self, roots: list[Path], target: Path | None = None) -> None:
        self.roots = roots
        # The folder being imported into is never a source of photos (it may lie inside
        # a source folder): its files are the import's own.
        self._target = target.resolve() if target is not None else None
        self._listings: dict[Path, frozenset[str]] = {}

    def _exists(self, path: Path) -> bool:
        folder = path.parent
        names = self._listings.get(folder)
        if names is None:
            try:
                inside = self._target is not None and folder.resolve().is_relative_to(self._target)
                entries = () if inside else folder.iterdir()
                names = frozenset(entry.name for entry in entries if entry.is_file())
            except OSError:
                names = frozenset()
            self._listings[folder] = names
        return path.name in names

    def find(self, refs: list[str], page_folder: Path | None) -> Path | None:
        """The file of the photo named by `refs`, if a source folder holds it."""
        allowed = [r.resolve() for r in self.roots]
        if page_folder is not None:
            allowed.append(page_folder.resolve())
        attempts = list(dict.fromkeys([*refs, *(RESIZED.sub("", ref) for ref in refs)]))
        for bare in (False, True):
            for attempt in attempts:
                for path in candidates(attempt, page_folder, self.roots, bare):
                    if self._exists(path) and _inside(path, allowed):
                        return path
        return None

    def resolve(
        self, photos: list[Photo], attachments: dict, page_folder: Path | None
    ) -> tuple[list[Path], list[Note]]:
        """The files of a release's photos, in order and each once, and notes on the rest."""
        found: list[Path] = []
        notes: list[Note] = []
        for photo in photos:
            refs = [photo.ref] if photo.ref else []
            if photo.attachment_id is not None:
                attachment = attachments.get(photo.attachment_id)
                if attachment is None:
                    continue  # an id naming no attachment of the export: nothing to find
                refs = [r for r in (attachment.file, attachment.url) if r]
            path = self.find(refs, page_folder) if refs else None
            if path is None:
                if refs:
                    notes.append(note("photo_missing", ref=refs[-1]))
                continue
            if path.suffix.lower() not in PHOTO_TYPES:
                notes.append(note("photo_type", ref=path.name))
                continue
            if path.resolve() not in {p.resolve() for p in found}:
                found.append(path)
        return found, notes


def photo_names(stem: str, files: list[Path]) -> list[str]:
    """``STEM.jpg``, ``STEM-2.png``, ...: the convention's names, extensions kept."""
    return [
        f"{stem}{'' if number == 1 else f'-{number}'}{path.suffix.lower()}"
        for number, path in enumerate(files, start=1)
    ]
