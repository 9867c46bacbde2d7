"""The speed layer's caches that outlive a build, in one object per process.

Under ``pelican --autoreload`` one process builds the site again and again; what the last
build parsed, made and wrote is what lets the next one skip work. A build's own state
lives in its BuildState (state.py, and the speed layer's part of it, ``state.speed``);
only what must reach the next build of the process is here:

- the parse results of each release file (parse_cache.py);
- the articles Pelican made of them (article_cache.py);
- the keys and files of the pages written, per output folder (page_cache.py);
- the garbage collector's state (collector.py);
- the URLs formatted in the last build (shortcuts.UrlMemo);
- the digests of the search records of the last build (records.py).

Each cache checks that what it kept was made with the same settings (or for the same
output folder) before handing it out, so two sites built in one process do not mix.
"""

from __future__ import annotations

from .article_cache import ArticleCache
from .collector import Collector
from .page_cache import PageCache
from .parse_cache import ParseCache
from .records import RecordDigests
from .shortcuts import UrlMemo


class Session:
    def __init__(self):
        self.parse_cache = ParseCache()
        self.article_cache = ArticleCache(self.parse_cache)
        self.page_cache = PageCache()
        self.collector = Collector()
        self.urls = UrlMemo()
        self.records = RecordDigests()

    def forget(self) -> None:
        """Drop every cache (tests; a build with the speed layer off)."""
        self.parse_cache.forget()
        self.article_cache.forget()
        self.page_cache.forget()
        self.urls.forget()
        self.records.forget()


SESSION = Session()
