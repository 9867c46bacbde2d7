"""The Pagefind search index, built in shards after Pelican has written the site.

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


def build_index(pelican):
    """`finalized`: index the build's releases when ``PRESS_RELEASE_SEARCH`` is on."""
    settings = pelican.settings
    if not settings["PRESS_RELEASE_SEARCH"]:
        return
    releases = BuildState.of(settings).releases
    folder = settings["PRESS_RELEASE_SEARCH_DIR"]
    if not inside(folder):  # validated at start-up already: never outside the output
        log.error("press_release: PRESS_RELEASE_SEARCH_DIR %r leaves the output folder", folder)
        return
    bundle = os.path.join(pelican.output_path, folder)
    if not _ours(bundle):
        log.error(
            "press_release: %s holds files that are not a search index; set "
            "PRESS_RELEASE_SEARCH_DIR to a folder of its own (no index written)",
            bundle,
        )
        return
    if not releases:
        shutil.rmtree(bundle, ignore_errors=True)
        log.info("press_release: no published release to index for search")
        return
    try:
        build_search_index(settings, pelican.output_path, bundle, releases)
    except PressReleaseError as exc:
        shutil.rmtree(bundle, ignore_errors=True)
        log.error("%s", exc)
    except BaseException:
        shutil.rmtree(bundle, ignore_errors=True)
        raise


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


def build_search_index(settings, output, bundle, articles):
    """Index `articles` into `bundle`, shard by shard, reusing unchanged cached shards."""
    start = time.perf_counter()
    language = settings.get("PRESS_RELEASE_CONTENT_LANG") or settings.get("DEFAULT_LANG", "id")
    engine = engine_version()
    shards = plan_shards(articles, settings["PRESS_RELEASE_SEARCH_SHARD_SIZE"])
    digest = BuildState.of(settings).search_digest or article_digest
    keys = {name: shard_key_of(map(digest, items), language, engine)
            for name, items in shards.items()}  # fmt: skip
    cache = cache_folder(settings, output)
    with tempfile.TemporaryDirectory(prefix="press-release-search-") as scratch:
        store = os.path.join(cache, "shards") if cache else scratch
        kept = _kept_keys(cache) if cache else {}
        stale = [name for name in shards if kept.get(name) != keys[name]
                 or not os.path.isfile(os.path.join(store, name, ENTRY))]  # fmt: skip
        if cache:
            os.makedirs(store, exist_ok=True)
            _forget(cache, store, kept, stale, keys)

        def index(name):
            target = os.path.join(store, name)
            shutil.rmtree(target, ignore_errors=True)
            index_records(records_of(shards[name]), target, language)
            return name

        jobs = settings.get("PRESS_RELEASE_JOBS") or os.cpu_count() or 1
        with ThreadPoolExecutor(max_workers=max(1, min(jobs, len(stale) or 1))) as pool:
            for name in pool.map(index, stale):
                if cache:
                    kept[name] = keys[name]
                    _write_manifest(cache, kept)
        _place_shards(store, bundle, shards, stale)
    listing = {"generator": GENERATOR, "shards": list(shards)}
    with open(os.path.join(bundle, SHARDS), "w", encoding="utf-8") as handle:
        json.dump(listing, handle, separators=(",", ":"))
    log.info(
        "press_release: indexed %d releases for search in %s: %d shards, %d re-indexed, "
        "%.1f s",
        len(articles), bundle, len(shards), len(stale), time.perf_counter() - start,
    )  # fmt: skip


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
