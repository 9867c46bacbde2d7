"""The build's store: a build in a new process renders and parses only what changed.

A Pages workflow run is a new process every time, and so is each ``pelican content``:
the page cache (page_cache.py) alone would render every page again in each of them,
which is most of a build (115 s of a 150 s rebuild at 100,000 releases). With
``PRESS_RELEASE_BUILD_CACHE``, a folder outside the output kept between runs (the Pages
workflow restores it with ``actions/cache``), what the page cache remembers of a build
is written there at its end, and read back by the first build of the next process:

- ``pages.marshal``: per call, its key and the files it wrote (path, size and
  modification time), and the key of each page of a paginated list, for one output
  folder; ``marshal`` data (no code runs when it is read), with a format number and the
  Python version it was written by: anything else is ignored;
- ``files/``: a hard link to each of those files, in the output's layout. Pelican may
  empty the output folder before a build (``DELETE_OUTPUT_DIRECTORY``, as the Pages
  workflow's settings do); a page whose key is unchanged is then linked back into the
  output from here instead of being rendered. A page written again in place (the output
  not emptied) is the same file as its link here: its new size and time no longer match
  the record, so it is never taken for the old one. Only regular files come back (never
  a symbolic link), and only into the output folder; a store restored from an archive
  (``actions/cache``) may hold the times to the second only, which is allowed for.

Beside them, the session's (session.py) parse results (``parsed/``, in SHARDS files by
path, save_sharded(): a file whose bytes are unchanged is not parsed again, and a release
added rewrites one of the files) and search records' digests
(``records.marshal``), each stamped with the settings and code it was made with.

The keys are the same in every process (page_cache.digest_of(), the site's key by the
bytes of the theme and of the plugin, the versions of the packages drawing the pages).
A store written for another output folder, or by a build that did not finish (its
records then no longer match the files), makes those pages render again: never a stale
one.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import marshal
import os
import shutil
import sys
from hashlib import blake2b
from stat import S_ISREG

logger = logging.getLogger(__name__)

FORMAT = 1
_MANIFEST = "pages.marshal"
_FILES = "files"


def store_folder(settings: dict, output: str, warn: bool = False) -> str | None:
    """The store's folder (relative paths from the content folder's parent), or None: no
    setting, or a folder inside the output (it would be published) or holding it, which
    a `warn` call reports (once per build: the speed layer's first)."""
    name = settings.get("PRESS_RELEASE_BUILD_CACHE")
    if not name:
        return None
    root = os.path.dirname(os.path.abspath(settings.get("PATH") or os.curdir))
    path = os.path.abspath(os.path.join(root, name))
    output = os.path.abspath(output)
    if os.path.commonpath([path, output]) in (path, output):
        if not warn:
            return None
        logger.warning(
            "press_release: PRESS_RELEASE_BUILD_CACHE %s and the output folder %s hold one "
            "another; choose a folder beside the output (pages are not kept between builds)",
            path,
            output,
        )
        return None
    return path


class BuildStore:
    """The page cache's records of one output folder, and links to their files."""

    def __init__(self, folder: str, output: str, mirror: bool = True):
        self.folder = folder
        self.output = os.path.abspath(output)
        # Whether the files are linked into the store (the output is emptied before each
        # build); otherwise they stay where they are, in the output.
        self.mirror = mirror
        self.files = os.path.join(folder, _FILES)
        self._prefix = self.output + os.sep
        self._made: set[str] = set()  # folders made by this build (store's and output's)
        self._restored: set[str] = set()  # output files linked back from the store
        self._recorded: set[str] | None = None  # the files the loaded records name

    def load(self) -> tuple[dict, dict] | None:
        """``(calls, pages)`` as PageCache keeps them, written by the last build into the
        same output folder, or None."""
        try:
            with open(os.path.join(self.folder, _MANIFEST), "rb") as handle:
                kept = marshal.load(handle)
        except (OSError, EOFError, ValueError, TypeError):
            return None
        if (
            not isinstance(kept, dict)
            or kept.get("format") != FORMAT
            or kept.get("python") != sys.version
            or kept.get("output") != self.output
        ):
            return None
        calls, pages = kept.get("calls"), kept.get("pages")
        if not isinstance(calls, dict) or not isinstance(pages, dict):
            return None
        calls = {key: (value[0], [tuple(f) for f in value[1]]) for key, value in calls.items()}
        pages = {path: tuple(value) for path, value in pages.items()}
        self.recorded(calls, pages)
        return calls, pages

    def recorded(self, calls: dict, pages: dict) -> None:
        """The records the store holds now (loaded, or the last build's of this process):
        its files that this build's records no longer name are removed (_prune)."""
        self._recorded = {path for _key, files in calls.values() for path, *_ in files}
        self._recorded.update(pages)

    def save(self, calls: dict, pages: dict) -> None:
        """Write the records and link each file they name (the output's own files)."""
        paths = {path for _key, files in calls.values() for path, _size, _mtime in files}
        paths.update(pages)
        if self.mirror:  # a file linked back from the store is its file already
            linked = {p for p in paths if p in self._restored or self._link_out(p)}
        else:
            linked = paths
        calls = {
            key: (value, list(files))
            for key, (value, files) in calls.items()
            if all(path in linked for path, _size, _mtime in files)
        }
        pages = {path: value for path, value in pages.items() if path in linked}
        kept = {"format": FORMAT, "python": sys.version, "output": self.output,
                "calls": calls, "pages": pages}  # fmt: skip
        os.makedirs(self.folder, exist_ok=True)
        temporary = os.path.join(self.folder, _MANIFEST + ".new")
        with open(temporary, "wb") as handle:
            marshal.dump(kept, handle)
        os.replace(temporary, os.path.join(self.folder, _MANIFEST))
        self._prune(linked)

    def restore(self, path: str, size: int, mtime: int) -> bool:
        """A recorded file the output folder lacks: linked back from the store. A store
        brought back by an archive (the Pages workflow's cache) may hold the files'
        times to the second only: a file of the recorded size whose time is within a
        second of the record's gets the recorded time back. Whether the file was linked
        back, with the recorded size and time (else it is to be looked at)."""
        if not self.mirror:
            return False
        kept = self._inside(path)
        if kept is None:
            return False
        try:
            stat = os.lstat(kept)
            if (
                not S_ISREG(stat.st_mode)  # a link to elsewhere is never published
                or stat.st_size != size
                or abs(stat.st_mtime_ns - mtime) >= 1_000_000_000
            ):
                return False  # not the recorded file: the page is rendered
            folder = os.path.dirname(path)
            if folder not in self._made:
                os.makedirs(folder, exist_ok=True)
                self._made.add(folder)
            _link_or_copy(kept, path)
        except FileExistsError:
            return False  # the output has a file there: whether it is the page is checked
        except OSError:
            return False  # the page is rendered
        self._restored.add(path)
        if stat.st_mtime_ns != mtime:
            try:
                os.utime(path, ns=(stat.st_atime_ns, mtime))
            except OSError:
                return False
        return True

    def _inside(self, path: str) -> str | None:
        """The store's name for an output file (None outside the output folder)."""
        if not path.startswith(self._prefix):
            return None
        relative = path[len(self._prefix) :]
        parts = relative.split(os.sep)
        if os.pardir in parts or os.curdir in parts or "" in parts:
            return None  # not as the writer names its files (sanitised_join)
        return os.path.join(self.files, relative)

    def _link_out(self, path: str) -> bool:
        """Make the store's link of output file `path` the same file; False if it fails."""
        kept = self._inside(path)
        if kept is None:
            return False
        try:
            stat = os.stat(path)
            try:
                other = os.stat(kept)
                if os.path.samestat(other, stat) or (
                    (other.st_size, other.st_mtime_ns) == (stat.st_size, stat.st_mtime_ns)
                ):
                    return True  # the same file, or its copy (another file system)
                os.unlink(kept)
            except FileNotFoundError:
                pass
            folder = os.path.dirname(kept)
            if folder not in self._made:
                os.makedirs(folder, exist_ok=True)
                self._made.add(folder)
            _link_or_copy(path, kept)
        except OSError:
            return False
        return True

    def _prune(self, linked: set[str]) -> None:
        """Remove the store's links to files no longer recorded: those the loaded records
        named and these do not, or (no records loaded) any file not named here."""
        if self._recorded is not None and self.mirror:
            for path in self._recorded - linked:
                kept = self._inside(path)
                if kept is not None:
                    with contextlib.suppress(OSError):
                        os.unlink(kept)
            return
        wanted = {self._inside(path) for path in linked} if self.mirror else set()
        for root, _dirs, files in os.walk(self.files):
            for name in files:
                kept = os.path.join(root, name)
                if kept not in wanted:
                    with contextlib.suppress(OSError):
                        os.unlink(kept)


def load_kept(folder: str, name: str, stamp: int) -> object | None:
    """What save_kept() wrote as `name` in the store with the same `stamp` (the
    settings and code it was made with), or None."""
    try:
        with open(os.path.join(folder, name), "rb") as handle:
            kept = marshal.load(handle)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if (
        not isinstance(kept, dict)
        or kept.get("format") != FORMAT
        or kept.get("python") != sys.version
        or kept.get("stamp") != stamp
    ):
        return None
    return kept.get("data")


def save_kept(folder: str, name: str, stamp: int, data: object) -> None:
    """Write `data` (marshal data) as `name` in the store, replacing the last in one step."""
    os.makedirs(folder, exist_ok=True)
    temporary = os.path.join(folder, name + ".new")
    try:
        with open(temporary, "wb") as handle:
            marshal.dump({"format": FORMAT, "python": sys.version, "stamp": stamp,
                          "data": data}, handle)  # fmt: skip
        os.replace(temporary, os.path.join(folder, name))
    except (OSError, ValueError) as error:
        logger.warning("press_release: could not keep %s in %s: %s", name, folder, error)


SHARDS = 32  # files of a sharded entry (save_sharded)


def shard_of(path: str, shards: int = SHARDS) -> int:
    """The shard of a source path: the same in every process."""
    digest = blake2b(path.encode("utf-8", "surrogatepass"), digest_size=4).digest()
    return int.from_bytes(digest) % shards


def save_sharded(folder: str, name: str, stamp: int, data: dict, signature) -> None:
    """Write `data` (a dict by source path, marshal data) as the folder `name` of the
    store, in SHARDS files by path, each headed by its `signature(group)` (what its
    entries are made of): a file whose header is unchanged is left as it is, so that a
    release added at 100,000 rewrites one file of 32 (of the parse results' 460 MB)."""
    root = os.path.join(folder, name)
    groups: list[dict] = [{} for _ in range(SHARDS)]
    for path, entry in data.items():
        groups[shard_of(path)][path] = entry
    try:
        os.makedirs(root, exist_ok=True)
    except OSError as error:
        logger.warning("press_release: could not keep %s in %s: %s", name, folder, error)
        return
    for number, group in enumerate(groups):
        path = os.path.join(root, f"{number:02d}.marshal")
        header = {"format": FORMAT, "python": sys.version, "stamp": stamp,
                  "signature": signature(group)}  # fmt: skip
        if header_of(path) == header:
            continue
        temporary = path + ".new"
        try:
            with open(temporary, "wb") as handle:
                marshal.dump(header, handle)
                marshal.dump(group, handle)
            os.replace(temporary, path)
        except (OSError, ValueError) as error:
            logger.warning("press_release: could not keep %s in %s: %s", name, path, error)
            for leftover in (temporary, path):
                with contextlib.suppress(OSError):
                    os.unlink(leftover)


def load_sharded(folder: str, name: str, stamp: int) -> dict | None:
    """What save_sharded() wrote as `name` with the same `stamp`: the entries of each of
    its files that are whole and of this stamp (a file that is not is left out: its
    entries are made again, and the file rewritten), or None when none is."""
    root = os.path.join(folder, name)
    found: dict = {}
    for number in range(SHARDS):
        path = os.path.join(root, f"{number:02d}.marshal")
        try:
            with open(path, "rb") as handle:
                header = marshal.load(handle)
                if not (
                    isinstance(header, dict)
                    and header.get("format") == FORMAT
                    and header.get("python") == sys.version
                    and header.get("stamp") == stamp
                ):
                    continue
                group = marshal.load(handle)
        except (OSError, EOFError, ValueError, TypeError):
            continue
        if isinstance(group, dict):
            found.update(group)
    return found or None


def header_of(path: str) -> object:
    try:
        with open(path, "rb") as handle:
            return marshal.load(handle)
    except (OSError, EOFError, ValueError, TypeError):
        return None


def _link_or_copy(source: str, target: str) -> None:
    """A hard link, or a copy with the same modification time where the two folders are
    on different file systems."""
    try:
        os.link(source, target)
    except OSError as error:
        if error.errno != errno.EXDEV:
            raise
        shutil.copy2(source, target)
