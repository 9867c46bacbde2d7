"""Writing release files and photos safely, and remembering what was written.

Every file is written to a temporary file beside it and renamed over the target, so a
file is either whole or untouched, never half-written (an interrupted import, a full
disk).

The import state (``.import-state.json`` in the target folder, meant to be committed
with the releases) lists, for each imported release, the keys it is known by (the old
URL and the WordPress GUID), its file, and the SHA-256 of the bytes last written to the
file and to each of its photos. On a later import:

- a key already listed is the same release: never a second file;
- a file whose bytes still hash to what was written is the importer's own: it is
  rewritten when the source changed (``updated``), else left alone (``unchanged``);
- a file whose bytes differ was edited by someone since: it is never overwritten
  (``skipped``, saying so); a file deleted since is not written again;
- a file that exists with exactly the bytes the import would write (an import stopped
  before it could save its state) is taken over as it is.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from ..errors import PressReleaseError

STATE_NAME = ".import-state.json"
STATE_VERSION = 1
FILE_MODE = 0o644
# What a plan for one file can be.
NEW, UNCHANGED, UPDATED, EDITED, REMOVED, ADOPTED = (
    "new", "unchanged", "updated", "edited", "removed", "adopted",
)  # fmt: skip


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def normal_key(key: str) -> str:
    """A key as compared: an http(s) URL without scheme, "www.", fragment or final "/"."""
    key = key.strip()
    parts = urlsplit(key)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return key
    host = parts.hostname.removeprefix("www.")
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    return urlunsplit(("", host, parts.path.rstrip("/"), parts.query, "")).lstrip("/")


def letters(key: str, count: int = 4) -> str:
    """A short all-letter tag of a key (a file-name suffix that no photo number is)."""
    return "".join(
        chr(ord("a") + int(c, 16)) for c in hashlib.sha1(key.encode()).hexdigest()[:count]
    )


def plan(recorded: str | None, disk: bytes | None, new: bytes) -> str:
    """What to do with a file: `recorded` is the digest last written to it (None: never
    written by an import), `disk` its bytes now (None: no such file)."""
    if recorded is None:
        if disk is None:
            return NEW
        return ADOPTED if disk == new else EDITED
    if disk is None:
        return REMOVED
    disk_digest = digest(disk)
    if disk_digest == digest(new):
        return UNCHANGED
    return UPDATED if disk_digest == recorded else EDITED


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file renamed over it."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        os.fchmod(handle, FILE_MODE)  # mkstemp's 0600 would hide the file from the web server
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


@dataclass(slots=True)
class Record:
    """One imported release in the state; its keys as compared (:func:`normal_key`)."""

    file: str
    digest: str
    keys: list[str]
    photos: dict[str, str] = field(default_factory=dict)  # file name -> digest written


class ImportState:
    """The state file of a target folder: records, and an index of their keys."""

    def __init__(self, folder: Path, records: list[Record] | None = None) -> None:
        self.folder = folder
        self.path = folder / STATE_NAME
        self.records: list[Record] = []
        self.by_key: dict[str, Record] = {}
        self.files: set[str] = set()
        for record in records or []:
            self.add(record)

    @classmethod
    def load(cls, folder: Path) -> ImportState:
        """The folder's state; an empty one when there is none. Raises
        PressReleaseError when the file exists but cannot be read."""
        path = folder / STATE_NAME
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            records = [Record(**entry) for entry in data["releases"]]
            for record in records:
                record.keys = list(dict.fromkeys(map(normal_key, record.keys)))
        except FileNotFoundError:
            return cls(folder)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise PressReleaseError(f"{path}: {exc}") from exc
        return cls(folder, records)

    def find(self, keys) -> Record | None:
        for key in keys:
            if (record := self.by_key.get(normal_key(key))) is not None:
                return record
        return None

    def add(self, record: Record) -> None:
        """Index a record; its keys are compared forms from here on (one string each)."""
        record.keys = list(dict.fromkeys(map(normal_key, record.keys)))
        self.records.append(record)
        self.files.add(record.file)
        self.files.update(record.photos)
        for key in record.keys:
            self.by_key.setdefault(key, record)

    def add_keys(self, record: Record, keys) -> None:
        for key in map(normal_key, keys):
            if key not in record.keys:
                record.keys.append(key)
            self.by_key.setdefault(key, record)

    def save(self) -> None:
        records = sorted(self.records, key=lambda r: r.file)
        data = {"version": STATE_VERSION, "releases": [asdict(r) for r in records]}
        text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        if read_bytes(self.path) != text.encode("utf-8"):  # a re-run changes nothing
            write_atomic(self.path, text.encode("utf-8"))

    def free_name(self, stem: str, suffix: str, key: str, taken: set[str]) -> str:
        """``stem + suffix``, or with a letter tag when another release holds the name."""
        name = stem + suffix
        count = 4
        while name in self.files or name in taken or self._foreign(name):
            name = f"{stem}-{letters(key + str(count), count)}{suffix}"
            count += 2
        return name

    def _foreign(self, name: str) -> bool:
        """A file no import wrote: an author's release of the same name."""
        return (self.folder / name).exists() and name not in self.files
