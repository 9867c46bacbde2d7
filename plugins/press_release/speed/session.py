"""The speed layer's caches that outlive a build, in one object per process.

Under ``pelican --autoreload`` one process builds the site again and again; what the last
build parsed, made and wrote is what lets the next one skip work. A build's own state
lives in its BuildState (state.py, and the speed layer's part of it, ``state.speed``);
only what must reach the next build of the process is here:

- the parse results of each release file (parse_cache.py);
- the articles Pelican made of them (article_cache.py, kept_articles.py);
- the keys and files of the pages written, per output folder (page_cache.py);
- the garbage collector's state (collector.py);
- the URLs formatted in the last build (shortcuts.UrlMemo);
- the digests of the search records of the last build (records.py).

Each cache checks that what it kept was made with the same settings (or for the same
output folder) before handing it out, so two sites built in one process do not mix.

With ``PRESS_RELEASE_BUILD_CACHE`` the parse results, the articles, their URLs, the search
records' digests and (page_cache.py) the pages' keys also go to the next process through the
build's store (store.py): the first build of a process takes them from there, stamped
with the settings and code they were made with, and each build leaves its own.
"""

from __future__ import annotations

import contextlib
import os

from . import kept_articles
from .article_cache import ArticleCache
from .collector import Collector
from .page_cache import PageCache, canonical, code_key, digest_of, site_key
from .parse_cache import ParseCache
from .records import RecordDigests
from .shortcuts import UrlMemo
from .store import load_kept, load_sharded, save_kept, save_sharded

PARSED = "parsed"  # in the build's store: the parse results, a folder of shards
OLD_PARSED = "parsed.marshal"  # where a store of an earlier version kept them
RECORDS = "records.marshal"  # the search records' digests
URLS = "urls.marshal"  # the articles' URLs and output paths (shortcuts.UrlMemo)


class Session:
    def __init__(self):
        self.parse_cache = ParseCache()
        self.article_cache = ArticleCache(self.parse_cache)
        self.page_cache = PageCache()
        self.collector = Collector()
        self.urls = UrlMemo()
        self.records = RecordDigests()
        # The store's parse results and articles are this process's (loaded or written
        # by it)
        self._parses_stored: str | None = None
        self._articles_stored: str | None = None
        self._articles_stamp: tuple | None = None  # kept_articles.stamp_of() this build

    def recall_from(self, folder: str, config, settings: dict) -> None:
        """What an earlier process left in the store `folder` (store.py), for the caches
        this process has not filled yet; `config` is the build's parser settings."""
        # as the settings are before the build: plugins may add to them as it goes
        self._articles_stamp = kept_articles.stamp_of(site_key(settings, code_key()))
        if not self.parse_cache.warm():
            self.parse_cache.adopt(load_sharded(folder, PARSED, _parser_stamp(config)))
            self._parses_stored = folder if self.parse_cache.warm() else None
            if self.parse_cache.warm():
                kept = kept_articles.load(folder, self._articles_stamp, settings)
                self.article_cache.adopt(kept)
                self._articles_stored = folder if kept is not None else None
        if not self.records.last:
            self.records.adopt(load_kept(folder, RECORDS, code_key()), self.article_cache.body_of)
        if not self.urls.last:
            self.urls.adopt(load_kept(folder, URLS, code_key()))

    def keep_in(self, folder: str, config) -> None:
        """This build's parse results, articles and records' digests, for the next
        process. The parse results (460 MB at 100,000 releases) and the articles only when
        they changed since this process last read or wrote them: a rebuild of
        ``--autoreload`` that parsed nothing again leaves them."""
        if self._parses_stored != folder or not self.parse_cache.as_taken():
            save_sharded(folder, PARSED, _parser_stamp(config), self.parse_cache.export(),
                         _parses_signature)  # fmt: skip
            with contextlib.suppress(OSError):
                os.unlink(os.path.join(folder, OLD_PARSED))
            self._parses_stored = folder
        if self._articles_stamp is not None and (
            self._articles_stored != folder or self.article_cache.changed
        ):
            kept_articles.save(folder, self._articles_stamp, *self.article_cache.export())
            self._articles_stored = folder
        save_kept(folder, RECORDS, code_key(), self.records.export(self.article_cache.body_of))
        save_kept(folder, URLS, code_key(), self.urls.export())

    def forget(self) -> None:
        """Drop every cache (tests; a build with the speed layer off)."""
        self._parses_stored = None
        self._articles_stored = None
        self._articles_stamp = None
        self.parse_cache.forget()
        self.article_cache.forget()
        self.page_cache.forget()
        self.urls.forget()
        self.records.forget()


def _parses_signature(group: dict) -> int:
    """What a shard of parse results is made of: each file's path, digest and name (the
    results follow from them, with the stamp)."""
    return digest_of(tuple(sorted((path, entry[0], entry[1]) for path, entry in group.items())))


def _parser_stamp(config) -> int:
    """Parse results depend on the file's bytes (their key), the parser's settings and
    the plugin's code."""
    return digest_of((canonical(config), code_key()))


SESSION = Session()
