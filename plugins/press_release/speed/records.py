"""Search records' digests kept from the last build (features/search.py).

A rebuild with search gave each shard a key made from the records of all its releases:
every release's text taken out of its HTML, its record written as JSON and hashed, about
2.4 s of a 10,000-release rebuild for one new release. Here the digest of each release's
record is kept, by source path, with what the record is made of: the article's body (the
very string object, when a taken article shares it with the last build's,
article_cache.py; else a BLAKE2 digest of its text), its title, URL, date, place and
category. A release whose parts are those of the last build keeps its digest; any other
is made as the core makes it. The digests of a build go to the next process through the
build's store (store.py): there the body is compared by its digest, or, for a record
made of the release's body as read, found to be the body of the article the next process
takes from the store (article_cache.py), which is the same text without hashing it.
"""

from __future__ import annotations

from hashlib import blake2b

from ..features.search_records import article_digest


def body_digest(body: str) -> bytes:
    return blake2b(body.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class RecordDigests:
    """record_digest() of each release of this build and the last, by source path: entries
    ``(body or None, body's digest, parts, record's digest)``."""

    def __init__(self):
        self.current: dict[str, tuple] = {}
        self.last: dict[str, tuple] = {}

    def next_build(self) -> None:
        self.last, self.current = self.current, {}

    def forget(self) -> None:
        self.current.clear()
        self.last.clear()

    def export(self, kept_body=None) -> dict[str, tuple]:
        """This build's digests as marshal data, without the bodies (store.py): entries
        ``(body's digest, parts, record's digest, as read)``, the last True where the
        body the record was made of is the very string the article cache keeps of the
        release as read (`kept_body(path)`, article_cache.py), as the next process may
        then find it again."""
        kept_body = kept_body or _nothing
        return {
            path: (*entry[1:], entry[0] is not None and entry[0] is kept_body(path))
            for path, entry in self.current.items()
        }

    def adopt(self, kept: object, kept_body=None) -> None:
        """The digests an earlier process kept (store.py), when this one has none. An
        entry made of the body as read is given the body the article cache took from
        the store (`kept_body(path)`): a release whose article is taken from there keeps
        its digest without hashing its text again (1.1 s at 100,000 releases)."""
        if self.last or not isinstance(kept, dict):
            return
        kept_body = kept_body or _nothing
        self.last = {
            path: (kept_body(path) if entry[3] is True else None, *entry[:3])
            for path, entry in kept.items()
            if isinstance(entry, tuple) and len(entry) == 4
        }

    def digest(self, article) -> bytes:
        """BuildState.search_digest: search_records.article_digest(article)."""
        body = vars(article).get("_content")
        path = getattr(article, "source_path", None)
        if not body or path is None:
            return article_digest(article)
        place = getattr(article, "place", None)
        category = getattr(article, "category", None)
        # what record_of() reads besides the body, as it reads it
        parts = (
            article.title,
            article.url,
            article.date.isoformat(),
            str(getattr(place, "name", place)) if place else None,
            str(category) if category else None,
        )
        entry = self.current.get(path) or self.last.get(path)
        if entry is not None and entry[2] == parts and entry[0] is body:
            found = entry
        else:
            text = body_digest(body)
            if entry is not None and entry[2] == parts and entry[1] == text:
                found = (body, text, parts, entry[3])
            else:
                found = (body, text, parts, article_digest(article))
        self.current[path] = found
        return found[3]


def _nothing(_path: str) -> None:
    return None
