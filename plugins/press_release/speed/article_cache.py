"""Articles a rebuild does not make again.

With parse results kept (parse_cache.py), a rebuild under ``pelican --autoreload`` still
had Pelican make an article of every file: its metadata, its ``Article`` (source path
resolved, date formatted, signals sent) and the check of its output path, about 1.5 s
at 10,000 releases for one edited file. Pelican's own content cache (``CACHE_CONTENT``
with ``CONTENT_CACHING_LAYER = "generator"``) skips that work for unchanged files by
pickling every article and unpickling it in the next build, which costs about as much.

Here the articles generator's two cache hooks are given the same job in memory: each
article Pelican makes of a file the reader read is kept as it was made (a copy, taken
before the build goes on to change it: slugs made unique, URLs, neighbours), under the
file's path, with the BLAKE2 digest of its bytes and the file's size, modification and
change times and inode as they were before its bytes were read. The next build asks the
file system for those first: when they are the same (and the file was not changed within
the last two seconds before they were taken, when a change may leave its times as they
were), the file is the one read; otherwise it reads and hashes the file. When its bytes
are the same, it takes a new copy of the kept article (its lists and metadata new too,
its context the new build's) instead of making one, and logs and reports the release's
warnings as the reader would. Anything else is made as usual. Reading and hashing every
file cost about 0.3 s of a 10,000-release rebuild; asking for its times, a tenth of it.

An article is kept only when nothing but the file and the settings decides it:

- not with Pelican's own content cache on (it is then Pelican's job);
- only while the settings object is the one it was made with (``--autoreload`` makes
  a new one when the settings file changes);
- not when its date came from the file's commit or modification time (no date in the
  text or the name), nor when it lies in the future (Pelican makes such an article a
  draft until that day, unless ``WITH_FUTURE_DATES``);
- only while no other plugin listens for articles being read or made
  (``article_generator_preread``, ``article_generator_context``, ``content_object_init``):
  a taken article, like one from Pelican's cache, is not announced again.
"""

from __future__ import annotations

import logging
import os
import time
from datetime import datetime
from types import MethodType

from pelican import signals

from ..features.report import tell
from ..pelican_compat import available
from ..state import BuildState
from .parse_cache import digest

logger = logging.getLogger(__name__)

_ANY = object()  # a sender no receiver is connected to in particular
# A file's times are trusted only when they were taken this long after its last change:
# a change within the same tick of the file system's clock may leave them as they were.
_SETTLED_NS = 2_000_000_000


def stamp_of(stat: os.stat_result) -> tuple[int, int, int, int, int] | None:
    """What tells a file's bytes unchanged without reading them (size, modification and
    change times, inode, device), or None when they were changed too recently to tell."""
    if time.time_ns() - max(stat.st_mtime_ns, stat.st_ctime_ns) < _SETTLED_NS:
        return None
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino, stat.st_dev)


def only_ours(own_receivers: set) -> bool:
    """No plugin but this one hears of articles being read or made."""
    return (
        set(signals.content_object_init.receivers_for(_ANY)) <= own_receivers
        and not any(signals.article_generator_preread.receivers_for(_ANY))
        and not any(signals.article_generator_context.receivers_for(_ANY))
    )


def copy(article, context):
    """A new article with the same attributes: its lists and metadata dict new too (a
    list shared by two attributes, or by an attribute and a metadata item, stays
    shared), `context` as its context."""
    lists: dict[int, list] = {}
    state = vars(article).copy()
    metadata = state["metadata"] = state["metadata"].copy()
    for values in (state, metadata):
        for key, value in values.items():
            if type(value) is list:
                found = lists.get(id(value))
                if found is None:
                    found = lists[id(value)] = value.copy()
                values[key] = found
    state["_context"] = context
    new = object.__new__(type(article))
    new.__dict__.update(state)
    return new


def add_source_path(generator, content, static: bool = False) -> None:
    """Generator.add_source_path, filing an article under the relative source path
    Content.__init__ stored (the same path, from the same settings: a taken article
    was made with this build's settings object) instead of resolving it again (two
    ``abspath`` and a ``relpath``, about 0.2 s at 10,000 releases)."""
    location = None if static else vars(content).get("relative_source_path")
    if location is None:
        type(generator).add_source_path(generator, content, static)
        return
    generator.context["generated_content"][location] = content


class ArticleCache:
    """The articles of the last build, by source path, with what the reader logged."""

    def __init__(self, parse_cache):
        self.parse_cache = parse_cache
        # Source path -> (digest, name, title, warnings, status, article as made)
        self._articles: dict[str, tuple] = {}
        # Source path -> stamp_of() the file whose bytes have the kept digest
        self._stamps: dict[str, tuple] = {}
        # Source path -> stamp_of() the file as the running build read it (reading.py)
        self._read: dict[str, tuple | None] = {}
        # Source path -> (digest, name, title, warnings, status) of the files read in
        # this build, until Pelican hands over the article it made of each (cache_data)
        self._made: dict[str, tuple] = {}
        self._looked_up: set[str] = set()  # source paths the running build asked for
        self._taken = 0  # articles the running build took
        self._generation = -1  # parse_cache.generation() when the articles were kept
        # Whether the kept articles changed since export() or adopt() (a store's copy of
        # them is then out of date)
        self.changed = True

    def forget(self) -> None:
        self._articles.clear()
        self._stamps.clear()
        self._read.clear()
        self._made.clear()
        self._looked_up.clear()
        self._taken = 0
        self.changed = True

    def export(self) -> tuple[dict, dict]:
        """The kept articles and their files' stamps (kept_articles.py writes them to the
        build's store for the next process)."""
        self.changed = False
        return self._articles, self._stamps

    def adopt(self, kept: tuple[dict, dict] | None) -> None:
        """Articles an earlier process kept (kept_articles.load(): the same settings,
        code and time locale), taken when this process has none of its own, after the
        parse cache took that process's results."""
        if self._articles or kept is None:
            return
        articles, stamps = kept
        self._articles.update(
            (path, entry)
            for path, entry in articles.items()
            if isinstance(entry, tuple) and len(entry) == 6
        )
        self._stamps.update((path, stamps.get(path)) for path in self._articles)
        self._generation = self.parse_cache.generation()
        self.changed = False

    def body_of(self, source_path: str) -> str | None:
        """The body of the article kept of `source_path` (the very string a taken
        article shares, copy()), or None."""
        entry = self._articles.get(source_path)
        return None if entry is None else vars(entry[5]).get("_content")

    def read(self, source_path: str, stamp: tuple | None) -> None:
        """The reader read `source_path`, whose stamp_of() was `stamp` before its bytes
        were read."""
        self._read[source_path] = stamp

    def made(self, source_path: str, name: str, prepared: dict) -> None:
        """The reader read `source_path` in a build that keeps results: what it logged and
        reported, kept until Pelican has made the file's article."""
        if "error" in prepared or prepared.get("date") is None or "digest" not in prepared:
            return  # skipped, or dated by its commit or modification time
        self._made[source_path] = (
            prepared["digest"],
            name,
            prepared["title"],
            prepared["warnings"],
            prepared["status"] or "",
        )

    def install(self, generator, own_receivers: set, keep: bool = True) -> None:
        """`article_generator_init`: a build that keeps results (`keep`: for a next
        build of this process) takes the articles of unchanged files as the last build
        made them (see the module's docstring). `own_receivers` are the speed layer's
        receivers of ``content_object_init``."""
        self._made.clear()
        self._read.clear()
        self._looked_up.clear()
        self._taken = 0
        settings = generator.settings
        if (
            not keep
            or not self.parse_cache.keeping()
            or settings.get("CACHE_CONTENT")
            or not only_ours(own_receivers)
            or not available("generator_cache")
        ):
            self._articles.clear()
            self._stamps.clear()
            self.changed = True
            return
        if self._generation != self.parse_cache.generation() or any(
            entry[5].settings is not settings for entry in self._articles.values()
        ):
            self._articles.clear()  # other settings: nothing made with the old ones is of use
            self._stamps.clear()
            self._generation = self.parse_cache.generation()
            self.changed = True
        cache = self

        def get_cached_data(generator, filename: str, default=None):
            return cache.take(generator, filename, default)

        def cache_data(generator, filename: str, article) -> None:
            cache.keep(generator, article)

        generator.get_cached_data = MethodType(get_cached_data, generator)
        generator.cache_data = MethodType(cache_data, generator)
        if available("source_paths") and os.path.isabs(settings.get("PATH") or ""):
            generator.add_source_path = MethodType(add_source_path, generator)

    def take(self, generator, filename: str, default=None):
        """The generator's cache lookup: a copy of the article the last build made of the
        file, if its bytes are the same, else `default` (the file is read)."""
        path = os.path.abspath(os.path.join(generator.path, filename))
        self._looked_up.add(path)
        entry = self._articles.get(path)
        if entry is None:
            return default
        key, name, title, warnings, status, article = entry
        kept = self._stamps.get(path)
        try:
            stamp = stamp_of(os.stat(path))
            if kept is None or stamp != kept:
                with open(path, "rb") as file:
                    stamp = stamp_of(os.fstat(file.fileno()))
                    same = digest(file.read()) == key
                if same:
                    self._stamps[path] = stamp
            else:
                same = True
        except OSError:
            same = False
        if not same:
            del self._articles[path]
            self._stamps.pop(path, None)
            self.changed = True
            return default
        self.parse_cache.recalled(path)
        self._taken += 1
        tell(BuildState.of(generator.settings), name, path, title, warnings, status, True)
        return copy(article, generator.context)

    def keep(self, generator, article) -> None:
        """The generator's cache store, called with each article made and found valid."""
        path = article.source_path
        entry = self._made.pop(path, None)
        if entry is None or article.settings is not generator.settings:
            return
        date = getattr(article, "date", None)
        if date is None or date > datetime.now(date.tzinfo):
            return  # undated, or a draft until its day comes
        self._articles[path] = (*entry, copy(article, None))
        self._stamps[path] = self._read.pop(path, None)
        self.changed = True

    def done_reading(self) -> None:
        """`article_generator_pretaxonomy`: forget the files this build did not read."""
        if self._taken:
            logger.info(
                "press_release: %d of %d articles taken as the last build made them",
                self._taken,
                len(self._looked_up),
            )
        self._taken = 0
        if self._looked_up:
            for path in self._articles.keys() - self._looked_up:
                del self._articles[path]
                self._stamps.pop(path, None)
                self.changed = True
        self._made.clear()
        self._read.clear()
