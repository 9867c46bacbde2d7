"""Read ahead: releases parsed by a forked process while Pelican reads the others.

Pelican reads the content files one after another in the build's process, and the
build's other cores wait: at 10,000 releases, reading is about 7 of a 16 s build, and
parsing the text is about half of it. When the articles generator is created
(``article_generator_init``), a process forked from the build lists the same files and
prepares them (reading.prepare_here(): read, parse, slugs, escaped title) from the *last* one
backwards, sending each result down a pipe, while Pelican reads from the first one
forwards. For each file, the reader takes the forked process's result if it has arrived
and prepares the file itself otherwise, so the two meet somewhere in the middle without
waiting for each other; once Pelican has read every file
(``article_generator_pretaxonomy``), the forked process is stopped.

Only plain values travel (``marshal``), and the reader turns them into the article the
same way whichever process prepared them, logging each file's warnings in Pelican's order,
so a build is the same, byte for byte, with or without it. It is used when the build may
fork (see parallel.can_fork) on at least two cores, unless ``PRESS_RELEASE_JOBS`` is 1, or
Pelican's content cache is loaded or the results of an earlier build are kept
(parse_cache.py): then reading is cheap already.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import marshal
import os
import signal

from .. import pelican_compat
from ..reader import PressReleaseReader
from .parallel import can_fork, fork_with_pipe, usable_cpus
from .reading import prepare_here

logger = logging.getLogger(__name__)

_LENGTH = 4  # bytes of a record's length, before its marshal data


class ReadAhead:
    """The parent's end: results arriving from the forked process, taken by path."""

    def __init__(self, pid: int, read_end: int):
        self.pid, self.fd = pid, read_end
        self.ready: dict[str, dict] = {}  # results not taken yet, by source path
        self.done: set[str] = set()  # paths the build has prepared itself
        self.pending = bytearray()  # an incomplete record
        self.taken = 0

    def take(self, path: str) -> dict | None:
        """The prepared values of `path`, if the forked process has sent them."""
        if self.fd is not None:
            self._drain()
        prepared = self.ready.pop(path, None)
        if prepared is None:
            self.done.add(path)  # its result, arriving later, is dropped
        else:
            self.taken += 1
        return prepared

    def _drain(self) -> None:
        """Read whatever has arrived, without waiting."""
        while True:
            try:
                chunk = os.read(self.fd, 1 << 20)
            except BlockingIOError:
                break
            if not chunk:  # the process has prepared every file
                self._reap()
                break
            self.pending += chunk
        data, start = self.pending, 0
        while len(data) - start >= _LENGTH:
            size = int.from_bytes(data[start : start + _LENGTH], "little")
            end = start + _LENGTH + size
            if end > len(data):
                break
            path, prepared = marshal.loads(data[start + _LENGTH : end])
            if path not in self.done:
                self.ready[path] = prepared
            start = end
        del data[:start]

    def close(self) -> None:
        """Stop the forked process, if it is still working, and drop what is left."""
        if self.fd is not None:
            with contextlib.suppress(ProcessLookupError):  # it may have just ended
                os.kill(self.pid, signal.SIGKILL)
            self._reap()
        self.ready.clear()
        self.done.clear()
        self.pending.clear()

    def _reap(self) -> None:
        os.close(self.fd)
        self.fd = None
        os.waitpid(self.pid, 0)


def _wanted(settings: dict, session) -> bool:
    if settings.get("PRESS_RELEASE_JOBS") == 1 or settings.get("LOAD_CONTENT_CACHE"):
        return False
    if session.parse_cache.warm():
        return False  # a rebuild: the files' results are kept (parse_cache.py)
    if not pelican_compat.available("readers_table"):
        return False
    return usable_cpus() > 1 and can_fork()


def start(generator, session, build) -> ReadAhead | None:
    """`article_generator_init`: fork the process preparing this generator's releases;
    `build` is the build's SpeedBuild (its ``parses_kept``: whether results are kept)."""
    readers = getattr(getattr(generator, "readers", None), "readers", {})
    ours = {ext: r for ext, r in readers.items() if isinstance(r, PressReleaseReader)}
    if not ours or not _wanted(generator.settings, session):
        return None
    reader = next(iter(ours.values()))
    forked = fork_with_pipe()
    if forked is None:
        return None
    pid, end = forked  # the pipe's write end in the new process, its read end here
    if pid == 0:  # pragma: no cover - the child's coverage is not collected
        _prepare_all(generator, reader.config, session, build.parses_kept, tuple(ours), end)
    fcntl.fcntl(end, fcntl.F_SETFL, fcntl.fcntl(end, fcntl.F_GETFL) | os.O_NONBLOCK)
    # room for a few hundred results between two reads of the build (Linux only)
    with contextlib.suppress(AttributeError, OSError):
        fcntl.fcntl(end, fcntl.F_SETPIPE_SZ, 1 << 20)
    return ReadAhead(pid, end)


def _prepare_all(
    generator, config, session, keep, extensions, write_end
) -> None:  # pragma: no cover
    """In the forked process: prepare the generator's release files, last first; exit."""
    status = 0
    try:
        settings = generator.settings
        files = generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"])
        base = settings.get("PATH", ".")
        with os.fdopen(write_end, "wb") as pipe:
            for relative in reversed(list(files)):
                if relative.rpartition(".")[2].lower() not in extensions:
                    continue
                # the path as Pelican's read_file gives it to the reader
                path = os.path.abspath(os.path.join(generator.path, relative))
                name = os.path.relpath(path, base)
                prepared = prepare_here(session, keep, path, name, config)
                try:
                    record = marshal.dumps((path, prepared))
                except ValueError:  # a value marshal cannot carry: the build prepares it
                    continue
                pipe.write(len(record).to_bytes(_LENGTH, "little") + record)
    except BaseException:  # noqa: BLE001 - the build prepares what did not arrive
        status = 1
    finally:
        os._exit(status)


def close(ahead: ReadAhead | None) -> None:
    """Stop a read-ahead (`article_generator_pretaxonomy`: every file has been read)."""
    if ahead is None:
        return
    if ahead.taken:
        logger.info("press_release: %d releases prepared ahead by a second process", ahead.taken)
    ahead.close()
