"""Parse results kept between builds: a rebuild does not parse unchanged releases again.

``pelican --autoreload`` builds the whole site again after each change, in the same
process, and Pelican's reader reads every file again: at 10,000 releases, parsing them
takes 1.5 to 2 s of processor time in each rebuild, for one edited file. A build that
expects another one in its process (under ``--autoreload``, or with
``PRESS_RELEASE_REUSE_PAGES = True``) keeps what reader.prepare() made of each file, as
``marshal`` data, under the file's path, its BLAKE2 digest and its name in the content
folder; the next build still reads each file, and parses it only when its bytes (or the
plugin's settings) changed. prepare() depends on nothing else, so a kept result is the
one parsing would give. ``marshal.loads`` gives new objects for each build: what a
build or a plugin does to an article's lists cannot reach the next build.

The read-ahead process (readahead.py) is not started once results are kept: the build's
own process then reads, hashes and loads a file in a few hundredths of a millisecond,
less than it would take to receive it from another process.
"""

from __future__ import annotations

import hashlib
import logging
import marshal

logger = logging.getLogger(__name__)


def digest(raw: bytes) -> bytes:
    return hashlib.blake2b(raw, digest_size=16).digest()


class ParseCache:
    """prepare()'s values of each release file, kept from one build to the next."""

    def __init__(self):
        # Source path -> (digest of the file's bytes, its name, prepare()'s values as marshal)
        self._store: dict[str, tuple[bytes, str, bytes]] = {}
        self._config = None  # the reader settings (settings.Config) the results were made with
        self._seen: set[str] = set()  # paths read by the running build
        self._recalled: list[str] = []  # paths of the running build whose results were kept
        self._generation = 0  # counts the times the results were dropped (see generation())

    def start(self, config) -> None:
        """A build that keeps results begins: results made with other settings are dropped."""
        if self._config != config:
            self._store.clear()
            self._config = config
            self._generation += 1

    def forget(self) -> None:
        self._store.clear()
        self._config = None
        self._seen.clear()
        self._recalled.clear()
        self._generation += 1

    def keeping(self) -> bool:
        """Whether the running build keeps what it reads for the next one."""
        return self._config is not None

    def generation(self) -> int:
        """A number that changes whenever the kept results are dropped: what was made from
        them before (article_cache.py) is of no use after."""
        return self._generation

    def warm(self) -> bool:
        """Whether results are kept (a rebuild): reading then takes little time."""
        return bool(self._store)

    def export(self) -> dict[str, tuple[bytes, str, bytes]]:
        """The kept results, as marshal data (store.py keeps them for the next process)."""
        return self._store

    def adopt(self, kept: object) -> None:
        """Results an earlier process kept with the same settings and code (store.py),
        taken when this process has none of its own."""
        if self._store or not isinstance(kept, dict):
            return
        self._store.update(
            (path, entry)
            for path, entry in kept.items()
            if isinstance(entry, tuple) and len(entry) == 3
        )
        self._generation += 1

    def as_taken(self) -> bool:
        """Whether the running build took every result it holds as kept: nothing parsed
        again, nothing dropped (done_reading() has run)."""
        return len(self._recalled) == len(self._seen) == len(self._store)

    def recall(self, path: str, name: str, key: bytes) -> dict | None:
        """prepare()'s values for the file at `path` with digest `key`, if kept."""
        self._seen.add(path)
        entry = self._store.get(path)
        if entry is None or entry[0] != key or entry[1] != name:
            return None
        self._recalled.append(path)
        return marshal.loads(entry[2])

    def recalled(self, path: str) -> None:
        """The file at `path` was not read again: its article was taken (article_cache.py)."""
        self._seen.add(path)
        self._recalled.append(path)

    def parsed_again(self) -> set[str]:
        """The paths the running build parsed while it took others as kept: the releases
        added or edited since the last build. Empty in a build that took none (a first
        build, or one that parsed everything again)."""
        if not self._recalled:
            return set()
        return self._seen.difference(self._recalled)

    def keep(self, path: str, name: str, prepared: dict) -> None:
        """Keep prepare()'s values of a file (they carry its digest, see speed.prepare)."""
        self._seen.add(path)
        key = prepared.get("digest")
        entry = self._store.get(path)
        if key is None or (entry is not None and entry[0] == key and entry[1] == name):
            return  # not hashed (unreadable), or kept already
        try:
            self._store[path] = (key, name, marshal.dumps(prepared))
        except ValueError:  # a value marshal cannot carry: parsed again next time
            self._store.pop(path, None)

    def begin_reading(self) -> None:
        self._seen.clear()
        self._recalled.clear()

    def done_reading(self) -> None:
        """Drop the files this build did not read: deleted, renamed or excluded."""
        if self._seen:
            for path in self._store.keys() - self._seen:
                del self._store[path]
        if self._recalled:
            logger.info(
                "press_release: %d of %d releases parsed again, the others unchanged since "
                "the last build",
                len(self._seen) - len(self._recalled),
                len(self._seen),
            )
