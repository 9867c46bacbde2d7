"""The article cache (article_cache.py) in the build's store (store.py), for the next process.

A build in a new process (each ``pelican content``, each Pages workflow run) took every
release's parse result from the store, yet Pelican still made an article of each file:
its metadata, its ``Article`` (source path resolved, URL and output path formatted and
checked, signals sent), about a quarter of a 100,000-release rebuild. The articles kept
by the article cache (as Pelican made them, before the build changed them) are written
to the store here at the end of a build, and read back by the first build of the next
process, which takes the article of each unchanged file as the article cache does in
one process: the file's bytes are compared by their digest (unless its size, times and
inode are those of the file read then), the release's messages reported again.

The articles are ``pickle`` data in 32 files by their paths (a release added rewrites
one), written with the settings left out and read with only the classes an article
holds (an allow-list: ``find_class`` refuses any other, and no article of the store is
used then), each article and name (region, reporter, tag) given the running build's
settings object. Each file starts with a ``marshal`` header: format, Python version, a
stamp of the settings, the code and the time locale the articles were made with, and
what its articles were made of; a file with another stamp makes the store's articles
unused, every article made anew.
"""

from __future__ import annotations

import contextlib
import copyreg
import io
import locale
import logging
import marshal
import os
import pickle
import shutil
import sys
from functools import partial
from zoneinfo import ZoneInfo

from pelican.contents import Content
from pelican.urlwrappers import URLWrapper

from .. import messages
from .page_cache import digest_of
from .shortcuts import ReleaseDate
from .store import header_of, shard_of

logger = logging.getLogger(__name__)

ARTICLES = "articles"  # in the build's store: a folder of SHARDS files
SHARDS = 32
FORMAT = 1

# The globals an article as kept holds, by (module, name): its classes and those of its
# values. Anything else is refused when the file is read.
_ALLOWED = frozenset(
    {
        ("pelican.contents", "Article"),
        ("pelican.urlwrappers", "Category"),
        ("pelican.urlwrappers", "Author"),
        ("pelican.urlwrappers", "Tag"),
        ("pelican.utils", "SafeDatetime"),
        ("datetime", "datetime"),
        ("datetime", "date"),
        ("datetime", "timezone"),
        ("datetime", "timedelta"),
        ("zoneinfo", "ZoneInfo"),
        ("markupsafe", "Markup"),
        (ReleaseDate.__module__, ReleaseDate.__qualname__),
        (messages.__name__, "_remake"),  # a release's warnings (Message.__reduce__)
    }
)


def _made(kind, state):  # pragma: no cover - replaced by the reader's own (_Reader.find_class)
    """What a kept article or name is rebuilt by: never called as such, the reader of
    the store gives one bound to the running build's settings."""
    raise pickle.UnpicklingError("kept articles are read by kept_articles.load()")


def _reduce(value):
    """An article or a name without its settings (and an article without its context)."""
    state = {k: v for k, v in vars(value).items() if k != "settings" and k != "_context"}
    return _made, (type(value), state)


def _reduce_zone(zone: ZoneInfo):
    """A time zone by its name (ZoneInfo's own way goes through ``getattr``)."""
    return ZoneInfo, (zone.key,)


def stamp_of(site: int) -> tuple:
    """What the articles were made with: `site` (page_cache.site_key(): the settings,
    the theme, the plugin's code, the packages' versions) and the time locale Pelican
    formats dates in."""
    return (site, locale.setlocale(locale.LC_TIME))


def save(folder: str, stamp: tuple, articles: dict, stamps: dict) -> None:
    """Write the article cache's entries to the store `folder`, in SHARDS files by their
    paths: a file whose articles (paths, file digests and names) are those it holds is
    left as it is (a release added at 100,000 rewrites one of 32), any other is replaced
    in one step. A shard whose values cannot be pickled is removed: the next process
    makes those articles again."""
    root = os.path.join(folder, ARTICLES)
    groups: list[dict] = [{} for _ in range(SHARDS)]
    for path, entry in articles.items():
        groups[shard_of(path, SHARDS)][path] = entry
    table = copyreg.dispatch_table.copy()
    for kind in {type(entry[-1]) for entry in articles.values()} | _subclasses(URLWrapper):
        table[kind] = _reduce
    table[ZoneInfo] = _reduce_zone
    try:
        os.makedirs(root, exist_ok=True)
    except OSError as error:
        logger.debug("press_release: articles not kept in %s: %s", folder, error)
        return
    for number, group in enumerate(groups):
        path = os.path.join(root, f"{number:02d}.pickle")
        header = _header(stamp, _signature(group))
        if not group or header_of(path) == header:
            if not group:
                with contextlib.suppress(OSError):
                    os.unlink(path)
            continue
        temporary = path + ".new"
        try:
            with open(temporary, "wb") as handle:
                marshal.dump(header, handle)
                pickler = pickle.Pickler(handle, protocol=pickle.HIGHEST_PROTOCOL)
                pickler.dispatch_table = table
                pickler.dump((group, {k: stamps.get(k) for k in group}))
            os.replace(temporary, path)
        except (OSError, pickle.PicklingError, TypeError, AttributeError, ValueError) as error:
            logger.debug("press_release: articles not kept in %s: %s", path, error)
            for name in (temporary, path):
                with contextlib.suppress(OSError):
                    os.unlink(name)


def _signature(group: dict) -> int:
    """What a shard's articles are made of: each file's path, digest and name (with the
    stamp, the settings and code: an article is the same when they are)."""
    return digest_of(tuple(sorted((path, entry[0], entry[1]) for path, entry in group.items())))


def _header(stamp: tuple, signature: int) -> dict:
    return {"format": FORMAT, "python": sys.version, "stamp": stamp, "signature": signature}


def _subclasses(kind: type) -> set[type]:
    found, waiting = set(), [kind]
    while waiting:
        for sub in waiting.pop().__subclasses__():
            if sub not in found:
                found.add(sub)
                waiting.append(sub)
    return found


class _Reader(pickle.Unpickler):
    def __init__(self, handle, settings: dict):
        super().__init__(handle)
        self.settings = settings

    def find_class(self, module: str, name: str):
        if module == __name__ and name == "_made":
            # Not a bound method: the reader's memo would hold it, and it the reader, a
            # cycle only the collector frees, with the memo's hold on every object read
            # (the store is read with the collector off: about 1 GB at 100,000).
            return partial(_remade, self.settings)
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not what an article holds")
        return super().find_class(module, name)


def _remade(settings: dict, kind, state):
    """An article or a name as _made() pickled it, given `settings` (the reader's)."""
    if not (isinstance(kind, type) and issubclass(kind, Content | URLWrapper)):
        raise pickle.UnpicklingError(f"{kind!r} is not an article or a name")
    value = object.__new__(kind)
    vars(value).update(state)
    value.settings = settings
    if isinstance(value, Content):
        value._context = None
    return value


def load(folder: str, stamp: tuple, settings: dict) -> tuple[dict, dict] | None:
    """The entries save() wrote in the store `folder` with the same `stamp`, each article
    and name with `settings`; None when there are none, or when one shard cannot be
    trusted (none is used then)."""
    root = os.path.join(folder, ARTICLES)
    articles: dict = {}
    stamps: dict = {}
    try:
        names = sorted(os.listdir(root))
    except OSError:
        return None
    try:
        for name in names:
            if not name.endswith(".pickle"):
                continue
            with open(os.path.join(root, name), "rb") as handle:
                header = marshal.load(handle)
                if not isinstance(header, dict) or {**header, "signature": None} != _header(
                    stamp, None
                ):
                    return None
                data = io.BytesIO(handle.read())
            group, group_stamps = _Reader(data, settings).load()
            articles.update(group)
            stamps.update(group_stamps)
    except Exception as error:  # noqa: BLE001 - whatever the files hold, they are a cache
        logger.info("press_release: the store's articles are not used (%s)", error)
        shutil.rmtree(root, ignore_errors=True)  # this build writes them anew
        return None
    return (articles, stamps) if articles else None
