"""Releases a rebuild does not parse again.

``pelican --autoreload`` builds the whole site again after each change, in the same
process, and Pelican's reader reads every file again: at 10,000 releases, parsing them
takes 1.5 to 2 s of processor time in each rebuild (shared by two processes, see
readahead.py), for one edited file. A build that expects
another one in its process (under ``--autoreload``, or with
``PRESS_RELEASE_REUSE_PAGES = True``) keeps what reader.prepare() made of each file, as
``marshal`` data, under the file's path, its BLAKE2 digest and its name in the content
folder; the next build still reads each file, and parses it only when its bytes (or the
plugin's settings) changed. prepare() depends on nothing else, so a remembered result is
the one parsing would give. ``marshal.loads`` gives new objects for each build: what a
build or a plugin does to an article's lists cannot reach the next build.

The read-ahead process (readahead.py) is not started once results are remembered: the
build's own process then reads, hashes and loads a file in a few hundredths of a
millisecond, less than it would take to receive it from another process.
"""

from __future__ import annotations

import hashlib
import logging
import marshal

from pelican import signals

logger = logging.getLogger(__name__)

# Source path -> (digest of the file's bytes, its name, prepare()'s values as marshal data)
_store: dict[str, tuple[bytes, str, bytes]] = {}
_config = None  # the reader settings (settings.Config) the stored results were made with
_seen: set[str] = set()  # paths read by the running build
_recalled: list[str] = []  # paths of the running build whose results were remembered
_generation = 0  # counts the times the results were dropped (see generation())


def start(config) -> None:
    """A build that will remember begins: results made with other settings are dropped."""
    global _config, _generation
    if _config != config:
        _store.clear()
        _config = config
        _generation += 1


def forget() -> None:
    global _config, _generation
    _store.clear()
    _config = None
    _seen.clear()
    _recalled.clear()
    _generation += 1


def remembering() -> bool:
    """Whether the running build remembers what it reads for the next one."""
    return _config is not None


def generation() -> int:
    """A number that changes whenever the remembered results are dropped: what was made
    from them before (kept.py) is of no use after."""
    return _generation


def warm() -> bool:
    """Whether results are remembered (a rebuild): reading then takes little time."""
    return bool(_store)


def digest(raw: bytes) -> bytes:
    return hashlib.blake2b(raw, digest_size=16).digest()


def recall(path: str, name: str, key: bytes) -> dict | None:
    """prepare()'s values for the file at `path` with digest `key`, if remembered."""
    _seen.add(path)
    entry = _store.get(path)
    if entry is None or entry[0] != key or entry[1] != name:
        return None
    _recalled.append(path)
    return marshal.loads(entry[2])


def recalled(path: str) -> None:
    """The file at `path` was not read again: what it gave last time was taken (kept.py)."""
    _seen.add(path)
    _recalled.append(path)


def parsed_again() -> set[str]:
    """The paths the running build parsed while it took others as remembered: the
    releases added or edited since the last build. Empty in a build that took none (a
    first build, or one that parsed everything again)."""
    if not _recalled:
        return set()
    return _seen.difference(_recalled)


def keep(path: str, name: str, prepared: dict) -> None:
    """Remember prepare()'s values of a file (they carry its digest, see reader.prepare)."""
    _seen.add(path)
    key = prepared.get("digest")
    entry = _store.get(path)
    if key is None or (entry is not None and entry[0] == key and entry[1] == name):
        return  # not hashed (unreadable), or remembered already
    try:
        _store[path] = (key, name, marshal.dumps(prepared))
    except ValueError:  # a value marshal cannot carry: parsed again next time
        _store.pop(path, None)


def _begin_reading(_generator) -> None:
    _seen.clear()
    _recalled.clear()


def _done_reading(_generators) -> None:
    """Drop the files this build did not read: deleted, renamed or excluded."""
    if _seen:
        for path in _store.keys() - _seen:
            del _store[path]
    if _recalled:
        logger.info(
            "press_release: %d of %d releases parsed again, the others unchanged since "
            "the last build",
            len(_seen) - len(_recalled),
            len(_seen),
        )


def register() -> None:
    signals.article_generator_init.connect(_begin_reading)
    signals.all_generators_finalized.connect(_done_reading)
