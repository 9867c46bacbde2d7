"""The Pagefind search index, built in shards.

Only the published releases are indexed (no list pages, no drafts: they are not in the
build's ``releases``), one record each (``search_records.py``: the release's text alone,
title, date, place and category as metadata, the filters ``Kategori`` and ``Tahun``,
the sort key ``date``), sent to Pagefind's service without writing or reading HTML
(``search_pagefind.py``).

The records are spread over shards (by a hash of their URL, as many as keep a shard at
most ``PRESS_RELEASE_SEARCH_SHARD_SIZE`` releases on average), each indexed by its own
Pagefind process, at most ``PRESS_RELEASE_JOBS`` at once: the memory of indexing is
bounded by the shard, not the archive. The search page loads the first shard and merges
the others into it (Pagefind's ``mergeIndex``), so a search covers every shard and its
results are ordered by relevance across them. ``PRESS_RELEASE_SEARCH_DIR`` in the output
holds one folder per shard and ``shards.json``, the list the search page reads.

With ``PRESS_RELEASE_SEARCH_CACHE`` (a folder outside the output, kept between builds:
the Pages workflow restores it with ``actions/cache``), each shard's bundle is kept there
with a key made from its records, and a rebuild re-indexes only the shards whose key
changed; the others are linked into the output from the cache.

The index is planned once the articles are final (``all_generators_finalized``). A
rebuild's few changed shards (no more than ``PRESS_RELEASE_JOBS``) are indexed through
the build's ``background`` (state.py): with the speed layer, in a second process while
the pages are keyed and written on the first core; every other index, after the pages
are written. The shards go into the output once the site is written (``finalized``).

The output folder is replaced only when it holds an index this plugin wrote (or
nothing), so a setting pointing at the site's own pages cannot delete them.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

from ..errors import PressReleaseError
from ..settings import inside
from ..state import BuildState
from .search_pagefind import ENTRY, engine_version, index_records
from .search_records import article_digest, plan_shards, records_of, shard_key_of

log = logging.getLogger(__name__)

SHARDS = "shards.json"  # in the output's search folder: the shards the search page merges
MANIFEST = "manifest.json"  # in the cache folder: each kept shard's key
GENERATOR = "press_release"  # marks a search folder (and a cache) this plugin wrote


def plan_index(generators) -> None:
    """`all_generators_finalized` (after the published releases are collected): plan the
    index (the shards, their keys, those to index again), and when a few shards changed
    (no more than ``PRESS_RELEASE_JOBS``: a rebuild), index them through the build's
    ``background``: with the speed layer, in a second process while the pages are
    written (build_index waits for it). A first build indexes after the pages are
    written, so that the memory of indexing every shard does not add to rendering's."""
    if not generators:
        return
    settings = generators[0].settings
    if not settings["PRESS_RELEASE_SEARCH"]:
        return
    state = BuildState.of(settings)
    output = generators[0].output_path
    folder = settings["PRESS_RELEASE_SEARCH_DIR"]
    if not inside(folder):  # validated at start-up already: never outside the output
        log.error("press_release: PRESS_RELEASE_SEARCH_DIR %r leaves the output folder", folder)
        return
    bundle = os.path.join(output, folder)
    if not _ours(bundle):
        log.error(
            "press_release: %s holds files that are not a search index; set "
            "PRESS_RELEASE_SEARCH_DIR to a folder of its own (no index written)",
            bundle,
        )
        return
    try:
        plan = _Plan(settings, output, bundle, state.releases)
    except PressReleaseError as exc:
        shutil.rmtree(bundle, ignore_errors=True)
        log.error("%s", exc)
        return
    state.search = plan
    if plan.stale and len(plan.stale) <= plan.jobs:
        state.background(plan.index_stale, plan.indexed, late=True)


def build_index(pelican):
    """`finalized`: the index of the build's releases when ``PRESS_RELEASE_SEARCH`` is on
    (what plan_index planned, and started)."""
    state = BuildState.of(pelican.settings)
    plan, state.search = state.search, None
    if plan is None:
        return
    if not _ours(plan.bundle):  # the site's own files written there meanwhile
        state.finish_late()
        plan.close()
        log.error(
            "press_release: %s holds files that are not a search index; set "
            "PRESS_RELEASE_SEARCH_DIR to a folder of its own (no index written)",
            plan.bundle,
        )
        return
    try:
        state.finish_late()
        plan.finish()
    except PressReleaseError as exc:
        shutil.rmtree(plan.bundle, ignore_errors=True)
        log.error("%s", exc)
    except BaseException:
        shutil.rmtree(plan.bundle, ignore_errors=True)
        raise
    finally:
        plan.close()


def _ours(bundle: str) -> bool:
    """Whether `bundle` is absent, empty, or an index this plugin (or Pagefind) wrote."""
    if not os.path.exists(bundle):
        return True
    if not os.path.isdir(bundle):
        return False
    if not os.listdir(bundle) or os.path.isfile(os.path.join(bundle, ENTRY)):
        return True
    return _written_by_us(os.path.join(bundle, SHARDS))


def _written_by_us(path: str) -> bool:
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle).get("generator") == GENERATOR
    except (OSError, ValueError, AttributeError):
        return False


def cache_folder(settings, output: str) -> str | None:
    """The shards' cache folder (relative paths from the content folder's parent), or
    None: no cache setting, or a folder inside the output (it would be published)."""
    name = settings.get("PRESS_RELEASE_SEARCH_CACHE")
    if not name:
        return None
    root = os.path.dirname(os.path.abspath(settings.get("PATH") or os.curdir))
    path = os.path.abspath(os.path.join(root, name))
    output = os.path.abspath(output)
    if path == output or path.startswith(output + os.sep):
        log.warning(
            "press_release: PRESS_RELEASE_SEARCH_CACHE %s is inside the output folder; "
            "choose a folder outside it (the search index is built without a cache)",
            path,
        )
        return None
    return path


class _Plan:
    """One build's index: its shards and their keys, the shards to index again, where
    they go (the cache, or a scratch folder)."""

    def __init__(self, settings: dict, output: str, bundle: str, articles) -> None:
        self.start = time.perf_counter()
        self.bundle = bundle
        self.count = len(articles)
        self.language = settings.get("PRESS_RELEASE_CONTENT_LANG") or settings.get(
            "DEFAULT_LANG", "id"
        )
        self.jobs = settings.get("PRESS_RELEASE_JOBS") or os.cpu_count() or 1
        size = settings["PRESS_RELEASE_SEARCH_SHARD_SIZE"]
        self.shards = plan_shards(articles, size) if articles else {}
        self.done: list[str] = []  # shards indexed
        self.error: str | None = None  # why Pagefind could not index one
        if not self.shards:
            self.stale, self.cache, self.scratch = [], None, None
            return
        engine = engine_version()
        digest = BuildState.of(settings).search_digest or article_digest
        self.keys = {name: shard_key_of(map(digest, items), self.language, engine)
                     for name, items in self.shards.items()}  # fmt: skip
        self.cache = cache_folder(settings, output)
        self.scratch = None
        if self.cache:
            self.store = os.path.join(self.cache, "shards")
        else:
            self.scratch = tempfile.mkdtemp(prefix="press-release-search-")
            self.store = self.scratch
        self.kept = _kept_keys(self.cache) if self.cache else {}
        self.stale = [name for name in self.shards if self.kept.get(name) != self.keys[name]
                      or not os.path.isfile(os.path.join(self.store, name, ENTRY))]  # fmt: skip
        if self.cache:
            os.makedirs(self.store, exist_ok=True)
            _forget(self.cache, self.store, self.kept, self.stale, self.keys)

    def index_stale(self) -> list[str] | str:
        """Index the shards to index again; the names indexed (or why not: Pagefind's
        failure, raised by finish())."""
        try:
            self.index(self.stale)
        except PressReleaseError as exc:
            return str(exc)
        return list(self.stale)

    def index(self, names: list[str]) -> None:
        def one(name):
            target = os.path.join(self.store, name)
            shutil.rmtree(target, ignore_errors=True)
            index_records(records_of(self.shards[name]), target, self.language)
            return name

        with ThreadPoolExecutor(max_workers=max(1, min(self.jobs, len(names) or 1))) as pool:
            for name in pool.map(one, names):
                self.indexed([name])

    def indexed(self, names: list[str] | str) -> None:
        """Shards indexed (their keys into the cache's manifest), or Pagefind's failure
        (raised by finish())."""
        if isinstance(names, str):
            self.error = names
            return
        for name in names:
            if name not in self.done:
                self.done.append(name)
            if self.cache:
                self.kept[name] = self.keys[name]
        if self.cache and names:
            _write_manifest(self.cache, self.kept)

    def finish(self) -> None:
        """Index what is left to index, and put the shards into the output."""
        if not self.shards:
            shutil.rmtree(self.bundle, ignore_errors=True)
            log.info("press_release: no published release to index for search")
            return
        if self.error:
            raise PressReleaseError(self.error)
        alongside = len(self.done)  # indexed before finalized: while the pages were written
        self.index([name for name in self.stale if name not in self.done])
        _place_shards(self.store, self.bundle, self.shards, self.stale)
        listing = {"generator": GENERATOR, "shards": list(self.shards)}
        with open(os.path.join(self.bundle, SHARDS), "w", encoding="utf-8") as handle:
            json.dump(listing, handle, separators=(",", ":"))
        log.info(
            "press_release: indexed %d releases for search in %s: %d shards, %d re-indexed "
            "(%d alongside the pages), %.1f s",
            self.count, self.bundle, len(self.shards), len(self.stale), alongside,
            time.perf_counter() - self.start,
        )  # fmt: skip

    def close(self) -> None:
        if self.scratch:
            shutil.rmtree(self.scratch, ignore_errors=True)


def _kept_keys(cache: str) -> dict[str, str]:
    try:
        with open(os.path.join(cache, MANIFEST), encoding="utf-8") as handle:
            manifest = json.load(handle)
    except (OSError, ValueError):
        return {}
    if not isinstance(manifest, dict) or manifest.get("generator") != GENERATOR:
        return {}
    shards = manifest.get("shards")
    return (
        {k: v for k, v in shards.items() if isinstance(v, str)} if isinstance(shards, dict) else {}
    )


def _write_manifest(cache: str, keys: dict[str, str]) -> None:
    path = os.path.join(cache, MANIFEST)
    with open(path + ".tmp", "w", encoding="utf-8") as handle:
        json.dump({"generator": GENERATOR, "shards": dict(sorted(keys.items()))}, handle,
                  indent=1)  # fmt: skip
    os.replace(path + ".tmp", path)


def _forget(cache: str, store: str, kept: dict, stale: list, keys: dict) -> None:
    """Drop from the cache the shards about to be re-indexed and those no longer made,
    so the manifest never names a bundle that is not the one its key describes."""
    for name in [*stale, *(n for n in kept if n not in keys)]:
        kept.pop(name, None)
    _write_manifest(cache, kept)
    for name in os.listdir(store):
        if name not in kept:
            shutil.rmtree(os.path.join(store, name), ignore_errors=True)


def _place_shards(store: str, bundle: str, shards: dict, stale: list) -> None:
    """Put each shard's bundle into the output's search folder, and nothing else but the
    list of shards (written after). A shard the output holds already as links to (or
    copies of) the cached bundle of the same key (its entry file is the cache's own, or
    the copy made of it) is left as it is: a rebuild that indexed one shard of 32 linked
    or copied every file of the other 31 again (some 100,000 files at 100,000 releases)."""
    os.makedirs(bundle, exist_ok=True)
    for name in os.listdir(bundle):
        if name not in shards and name != SHARDS:
            path = os.path.join(bundle, name)
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path, ignore_errors=True)
            else:
                os.unlink(path)
    for name in shards:
        source, target = os.path.join(store, name), os.path.join(bundle, name)
        if name not in stale and _same_file(os.path.join(source, ENTRY),
                                            os.path.join(target, ENTRY)):  # fmt: skip
            continue
        shutil.rmtree(target, ignore_errors=True)
        # linked beside it and renamed: a shard folder in the output is always whole
        partial = os.path.join(bundle, f".{name}.part")
        shutil.rmtree(partial, ignore_errors=True)
        _link_tree(source, partial)
        os.rename(partial, target)


def _same_file(one: str, other: str) -> bool:
    """Whether `other` is `one` (a link) or the copy _link_tree made of it (across file
    systems: the same bytes and modification time). A shard's entry file names the
    hashes of the bundle's index files, and a re-indexed bundle is written anew."""
    try:
        if os.path.samefile(one, other):
            return True
        first, second = os.stat(one), os.stat(other)
        if first.st_size != second.st_size or first.st_mtime_ns != second.st_mtime_ns:
            return False
        with open(one, "rb") as a, open(other, "rb") as b:
            return a.read() == b.read()
    except OSError:
        return False


def _link_tree(source: str, target: str, copy: bool = False) -> bool:
    """Copy a shard's bundle into the output as hard links (copies across file systems,
    or once `copy`). Some 3,300 files a shard: a walk of its own, about three times as
    fast as shutil.copytree's. Returns whether files had to be copied."""
    os.mkdir(target)
    with os.scandir(source) as entries:
        for entry in entries:
            path, new = entry.path, os.path.join(target, entry.name)
            if entry.is_dir(follow_symlinks=False):
                copy = _link_tree(path, new, copy)
            elif not copy:
                try:
                    os.link(path, new)
                except OSError:
                    copy = True
                    shutil.copy2(path, new)
            else:
                shutil.copy2(path, new)
    return copy
