"""Search records' digests kept from the last build (features/search.py).

A rebuild with search gave each shard a key made from the records of all its releases:
every release's text taken out of its HTML, its record written as JSON and hashed, about
2.4 s of a 10,000-release rebuild for one new release. Here the digest of each release's
record is kept, by source path, with what the record is made of: the article's body (the
very string object: a taken article shares it with the last build's, article_cache.py),
its title, URL, date, place and category. A release whose parts are those of the last
build keeps its digest; any other is made as the core makes it.
"""

from __future__ import annotations

from ..features.search_records import article_digest


class RecordDigests:
    """record_digest() of each release of this build and the last, by source path."""

    def __init__(self):
        self.current: dict[str, tuple] = {}
        self.last: dict[str, tuple] = {}

    def next_build(self) -> None:
        self.last, self.current = self.current, {}

    def forget(self) -> None:
        self.current.clear()
        self.last.clear()

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
        if entry is None or entry[0] is not body or entry[1] != parts:
            entry = (body, parts, article_digest(article))
        self.current[path] = entry
        return entry[2]
