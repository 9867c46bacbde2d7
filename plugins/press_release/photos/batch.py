"""Hashing and processing many photos, on every core, with bounded memory.

Two phases, each in a process pool (or in this process when one job is asked for):

1. digest: each source file whose size or modification time changed since the last
   build (the stat index) is read and hashed; the others keep their digest;
2. process: each key with no manifest in the cache is processed once, even when
   several files hold the same photo.

A worker reads its photo from disk and writes the variants into the cache itself: only
paths and small manifests cross between processes. At most two tasks per worker are
in flight, so memory is one photo per worker whatever the number of photos.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from pathlib import Path

from ..messages import Message
from .cache import Manifest, PhotoCache, cache_key, source_digest
from .process import PhotoError, enable_heif, process_photo
from .settings import PhotoSettings

IN_FLIGHT_PER_WORKER = 2


def digest_file(path: str) -> tuple[str, int, int, str]:
    """(path, size, mtime_ns, digest) of one source file."""
    with open(path, "rb") as file:
        stat = os.fstat(file.fileno())
        data = file.read()
    return path, stat.st_size, stat.st_mtime_ns, source_digest(data)


def process_file(path: str, key: str, folder: str, settings: PhotoSettings) -> Manifest:
    """Process one photo into the cache; a photo that cannot be published is kept as
    such (its manifest holds the reason), so it is not tried again either."""
    data = Path(path).read_bytes()
    cache = PhotoCache(Path(folder))
    try:
        result = process_photo(data, settings.widths, settings.formats, dict(settings.quality))
    except PhotoError as exc:
        return cache.store(key, exc)
    return cache.store(key, result)


def _start_worker() -> None:
    enable_heif()


def make_pool(workers: int) -> Executor | None:
    """A pool of `workers` processes, or None for serial work in this process.

    Workers start from a fork server: a clean process, not a copy of a build that may
    hold thousands of articles and threads."""
    if workers <= 1:
        enable_heif()
        return None
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker)


def run_tasks(
    pool: Executor | None, function: Callable, tasks: Iterable[tuple], workers: int
) -> Iterator[tuple[tuple, object]]:
    """(task, result) per task, in any order; a task that raised gives its exception.

    Photos are untrusted input to third-party decoders: a failure of one (even a
    crashed worker) becomes that photo's warning rather than a failed build.
    """
    if pool is None:
        for task in tasks:
            try:
                yield task, function(*task)
            except Exception as exc:  # noqa: BLE001 - see the docstring
                yield task, exc
        return
    pending: dict[Future, tuple] = {}
    limit = max(1, workers) * IN_FLIGHT_PER_WORKER
    iterator = iter(tasks)
    exhausted = False
    while pending or not exhausted:
        while not exhausted and len(pending) < limit:
            task = next(iterator, None)
            if task is None:
                exhausted = True
            else:
                pending[pool.submit(function, *task)] = task
        if not pending:
            break
        done, _ = wait(pending, return_when=FIRST_COMPLETED)
        for future in done:
            task = pending.pop(future)
            try:
                result = future.result()
            except Exception as exc:  # noqa: BLE001 - see the docstring
                result = exc
            yield task, result


def digests(
    paths: list[Path], index: dict[str, list], pool: Executor | None, workers: int
) -> tuple[dict[Path, str], dict[Path, str]]:
    """The digest of each path (from the stat index when unchanged), and the paths that
    could not be read with the reason. `index` is updated in place."""
    found: dict[Path, str] = {}
    unreadable: dict[Path, str] = {}
    to_hash = []
    for path in paths:
        key = str(path)
        try:
            stat = path.stat()
        except OSError as exc:
            unreadable[path] = exc.strerror or str(exc)
            continue
        known = index.get(key)
        if known and known[0] == stat.st_size and known[1] == stat.st_mtime_ns:
            found[path] = known[2]
        else:
            to_hash.append((key,))
    for (key,), result in run_tasks(pool, digest_file, to_hash, workers):
        if isinstance(result, Exception):
            unreadable[Path(key)] = getattr(result, "strerror", None) or str(result)
            continue
        _, size, mtime, digest = result
        index[key] = [size, mtime, digest]
        found[Path(key)] = digest
    return found, unreadable


def process_missing(
    work: dict[str, Path],
    cache: PhotoCache,
    settings: PhotoSettings,
    pool: Executor | None,
    workers: int,
) -> dict[str, Manifest]:
    """Process each key of `work` (key -> one file holding it) into the cache.

    A photo whose processing failed unexpectedly gets a manifest with the reason that is
    not kept in the cache: the next build tries it again."""
    tasks = [(str(path), key, str(cache.folder), settings) for key, path in work.items()]
    made: dict[str, Manifest] = {}
    for task, result in run_tasks(pool, process_file, tasks, workers):
        key = task[1]
        if isinstance(result, Manifest):
            made[key] = result
        else:
            made[key] = Manifest(
                key,
                error=Message(
                    "the photo could not be processed (%(error)s)",
                    error=f"{type(result).__name__}: {result}",
                ),
            )
    return made


def key_of(digest: str, settings: PhotoSettings) -> str:
    return cache_key(digest, settings.fingerprint)
