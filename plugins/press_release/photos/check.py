"""What ``python -m press_release check`` says about the photos of releases.

Each photo of a release is listed with its caption, credit and alt text, and warned
about when it has no caption or alt text, is too large, or cannot be decoded. The
photo is decoded at a small scale (a JPEG's ``draft``), not processed: a check of a
whole archive stays quick.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..messages import Message
from .build import LINKED_WARNING, MISSING_TEXT_WARNING, unreadable_warning
from .captions import CaptionSource, attach_captions, header_without_photo
from .find import assign_photos, is_image
from .process import PhotoError, decode, displayed_size, enable_heif, open_image, size_warning
from .settings import PhotoSettings

CHECK_WIDTH = 160  # a JPEG is decoded at the smallest scale at least this wide


def inspect(path: Path, settings: PhotoSettings) -> dict:
    """Format, shown size and warnings of one photo file, decoded at a small scale."""
    record: dict = {"format": None, "width": None, "height": None, "warnings": []}
    try:
        data = path.read_bytes()
    except OSError as exc:
        record["warnings"].append(unreadable_warning(exc.strerror))
        return record
    record["bytes"] = len(data)
    if note := size_warning(len(data), settings.large_bytes):
        record["warnings"].append(note)
    try:
        image = open_image(data)
        record["format"] = image.format
        record["width"], record["height"] = displayed_size(image)
        decode(image, CHECK_WIDTH)
    except PhotoError as exc:
        record["warnings"].append(Message("skipped: %(reason)s", reason=exc.message))
    return record


class PhotoChecker:
    """Finds and inspects the photos of the releases `check` is given.

    Folder listings are read once per folder, however many releases it holds."""

    def __init__(self, settings: PhotoSettings, extensions: tuple[str, ...], roots: list[Path]):
        """`roots`: the content folder and the folders named on the command line, which
        are folders of releases, never one release's own folder."""
        self.settings = settings
        self.extensions = {f".{e.lower()}" for e in extensions}
        self.roots = {root.resolve() for root in roots}
        self._listings: dict[Path, tuple[list[Path], list[Path]]] = {}
        self._seen: set[Path] = set()
        enable_heif()

    def _root(self, folder: Path) -> Path | None:
        return folder if folder in self.roots else None

    def _listing(self, folder: Path) -> tuple[list[Path], list[Path]]:
        """(release files, image files) directly inside `folder`."""
        if folder not in self._listings:
            releases, images = [], []
            try:
                entries = [Path(e.path) for e in os.scandir(folder) if e.is_file()]
            except OSError:
                entries = []
            for entry in entries:
                if entry.suffix.lower() in self.extensions:
                    releases.append(entry)
                elif is_image(entry):
                    images.append(entry)
            self._listings[folder] = (releases, images)
        return self._listings[folder]

    def photos(self, path: Path, release: CaptionSource) -> tuple[list[dict], list[str]]:
        """The photo records of one release and the warnings to add to its record."""
        path = path.resolve()
        releases, images = self._listing(path.parent)
        found = assign_photos(releases, images, self._root(path.parent))
        self._seen.add(path.parent)
        files = found.by_release.get(path, [])
        records, warnings = [], header_without_photo(release, len(files))
        for photo in attach_captions(release, files):
            record = {
                "file": photo.path.name,
                "order": photo.order,
                "caption": photo.caption,
                "credit": photo.credit,
                "alt": photo.alt,
                **(
                    {"format": None, "width": None, "height": None,
                     "warnings": [Message("skipped: %(reason)s", reason=LINKED_WARNING)]}
                    if photo.path.is_symlink()  # as the build: never followed
                    else inspect(photo.path, self.settings)
                ),
            }  # fmt: skip
            if not photo.caption and not photo.alt:
                record["warnings"].append(MISSING_TEXT_WARNING)
            records.append(record)
            warnings.extend(
                Message("photo %(name)s: %(warning)s", name=photo.path.name, warning=w)
                for w in record["warnings"]
            )
        return records, warnings

    def orphans(self) -> list[Path]:
        """Images in the folders looked at that belong to no release."""
        found = []
        for folder in sorted(self._seen):
            releases, images = self._listing(folder)
            found.extend(assign_photos(releases, images, self._root(folder)).orphans)
        return found
