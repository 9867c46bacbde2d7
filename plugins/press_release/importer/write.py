"""Writing release files and photos safely, and remembering what was written.

Every file is written to a temporary file beside it and renamed over the target, so a
file is either whole or untouched, never half-written (an interrupted import, a full
disk).

The import state (``.import-state.sqlite`` in the target folder, meant to be committed
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
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from ..errors import PressReleaseError

STATE_NAME = ".import-state.sqlite"
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
    """One imported release in the state."""

    id: int
    file: str
    digest: str


class ImportState:
    """The import state of a target folder: an SQLite file, so that nothing of it has to
    be held in memory (an export of 200,000 posts has as many releases to remember).

    Tables: ``releases`` (file, digest of the bytes written), ``keys`` (each key as
    compared, :func:`normal_key`, of a release) and ``photos`` (each photo file of a
    release and the digest written). The releases met in this run are marked in a
    temporary table, so that a re-run that changes nothing leaves the file untouched.
    A dry run works on a temporary copy.
    """

    SCHEMA = """
        CREATE TABLE IF NOT EXISTS releases (
            id INTEGER PRIMARY KEY, file TEXT NOT NULL UNIQUE, digest TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS keys (
            key TEXT PRIMARY KEY, release INTEGER NOT NULL REFERENCES releases(id));
        CREATE TABLE IF NOT EXISTS photos (
            name TEXT PRIMARY KEY, release INTEGER NOT NULL REFERENCES releases(id),
            digest TEXT NOT NULL);
        CREATE TEMP TABLE this_run (release INTEGER PRIMARY KEY);
    """

    def __init__(self, folder: Path, connection: sqlite3.Connection) -> None:
        self.folder = folder
        self.path = folder / STATE_NAME
        self.db = connection

    @classmethod
    def load(cls, folder: Path, dry_run: bool = False) -> ImportState:
        """The folder's state (empty when there is none). Raises PressReleaseError when
        the file exists but is no import state."""
        path = folder / STATE_NAME
        try:
            if dry_run:
                connection = sqlite3.connect(":memory:")
                if path.exists():
                    with contextlib.closing(
                        sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
                    ) as source:
                        source.backup(connection)
            else:
                connection = sqlite3.connect(path)
            connection.executescript(cls.SCHEMA)
            connection.execute("SELECT id, file, digest FROM releases LIMIT 1").fetchall()
        except sqlite3.Error as exc:
            raise PressReleaseError(f"{path}: {exc}") from exc
        return cls(folder, connection)

    def find(self, keys) -> Record | None:
        for key in keys:
            row = self.db.execute(
                "SELECT r.id, r.file, r.digest FROM keys k JOIN releases r ON r.id = k.release "
                "WHERE k.key = ?",
                (normal_key(key),),
            ).fetchone()
            if row is not None:
                return Record(*row)
        return None

    def add(self, file: str, digest_: str, keys) -> Record:
        cursor = self.db.execute(
            "INSERT INTO releases (file, digest) VALUES (?, ?)", (file, digest_)
        )
        record = Record(cursor.lastrowid, file, digest_)
        self.add_keys(record, keys)
        return record

    def add_keys(self, record: Record, keys) -> None:
        self.db.executemany(
            "INSERT OR IGNORE INTO keys (key, release) VALUES (?, ?)",
            [(normal_key(key), record.id) for key in keys],
        )

    def set_digest(self, record: Record, digest_: str) -> None:
        if record.digest != digest_:
            self.db.execute("UPDATE releases SET digest = ? WHERE id = ?", (digest_, record.id))
            record.digest = digest_

    def photo_digest(self, name: str) -> str | None:
        row = self.db.execute("SELECT digest FROM photos WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def set_photo(self, record: Record, name: str, digest_: str) -> None:
        if self.photo_digest(name) != digest_:
            self.db.execute(
                "INSERT OR REPLACE INTO photos (name, release, digest) VALUES (?, ?, ?)",
                (name, record.id, digest_),
            )

    def mark(self, record: Record) -> bool:
        """Mark the record as met in this run; False when it already was (a duplicate)."""
        cursor = self.db.execute("INSERT OR IGNORE INTO this_run VALUES (?)", (record.id,))
        return cursor.rowcount == 1

    def taken(self, name: str) -> bool:
        """A file name the import holds: a release's file or one of its photos."""
        return bool(
            self.db.execute(
                "SELECT 1 FROM releases WHERE file = ? UNION SELECT 1 FROM photos WHERE name = ?",
                (name, name),
            ).fetchone()
        )

    def save(self) -> None:
        """Commit what was recorded (SQLite writes the file only if something changed)."""
        self.db.commit()

    def close(self) -> None:
        self.db.close()

    def free_name(self, stem: str, suffix: str, key: str) -> str:
        """``stem + suffix``, or with a letter tag when another release holds the name."""
        name = stem + suffix
        count = 4
        while self.taken(name) or (self.folder / name).exists():
            name = f"{stem}-{letters(key + str(count), count)}{suffix}"
            count += 2
        return name
