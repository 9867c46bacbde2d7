"""What the search index holds, and how it is cut into shards: pure functions.

A release becomes one Pagefind record: its text alone (the body the reader rendered,
without tags: no page label, no title, no "Dari:" line, no related releases), the
metadata the search page shows (title, ISO date, place, category), the filters
``Kategori`` and ``Tahun`` and the sort key ``date``.

Records are grouped into shards, one per year; a year with more releases than the
shard size is cut, in date order, into parts of at most that size ("2024", "2024-2",
…), so a new release, the newest of its year, changes only its year's last part. Each
shard is indexed by its own Pagefind process, so the memory of indexing is bounded by
the shard size, whatever the size of the archive. A shard's key is a hash of everything
its bundle is made from: a rebuild re-indexes only shards whose key changed.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Iterable, Iterator

# Bump when what a record holds changes: every cached shard is then indexed again.
RECORD_FORMAT = 1

# The tags of the body's markup, each replaced by a space (the body is the reader's
# escaped HTML: paragraphs, lists, the dateline's span, captions).
TAG = re.compile(
    r"<"  # a tag opens
    r"[^>]*"  # its name and attributes (no ">" inside: the reader escapes text)
    r">"  # and closes
)
# Runs of whitespace (spaces, line breaks, no-break spaces), made one space.
SPACES = re.compile(r"\s+")


def release_text(body_html: str) -> str:
    """The release's text from its body HTML: tags gone, entities decoded, spaces single."""
    text = html.unescape(TAG.sub(" ", body_html or ""))
    return SPACES.sub(" ", text).strip()


def plain_title(title: str) -> str:
    """A release title as text (the reader hands Pelican escaped HTML)."""
    return SPACES.sub(" ", html.unescape(TAG.sub("", title or ""))).strip()


def record_of(article) -> dict:
    """The Pagefind record of one release (a Pelican article of the press_release reader)."""
    date = article.date
    meta = {"title": plain_title(article.title), "date": date.strftime("%Y-%m-%d")}
    place = getattr(article, "place", None)
    if place:
        meta["place"] = str(getattr(place, "name", place))
    category = getattr(article, "category", None)
    filters = {"Tahun": [date.strftime("%Y")]}
    if category:
        meta["category"] = str(category)
        filters["Kategori"] = [str(category)]
    return {
        "url": "/" + article.url.lstrip("/"),
        "content": release_text(getattr(article, "_content", None) or article.content),
        "meta": meta,
        "filters": filters,
        "sort": {"date": date.isoformat()},
    }


def year_of(article) -> str:
    return article.date.strftime("%Y")


def plan_shards(articles: Iterable, size: int) -> dict[str, list]:
    """Shard name -> its articles in date order, newest year first.

    One shard per year; a year holding more than `size` releases (size > 0) is cut in
    date order into parts of at most `size`: "2024", "2024-2", "2024-3"…
    """
    years: dict[str, list] = {}
    for article in articles:
        years.setdefault(year_of(article), []).append(article)
    shards: dict[str, list] = {}
    for year in sorted(years, reverse=True):
        items = sorted(years[year], key=lambda a: (a.date, a.url))
        step = size if size > 0 else len(items)
        for part, start in enumerate(range(0, len(items), step), start=1):
            name = year if part == 1 else f"{year}-{part}"
            shards[name] = items[start : start + step]
    return shards


def shard_key(records: Iterable[dict], language: str, engine: str) -> str:
    """A hash of everything a shard's bundle is made from (records, language, Pagefind)."""
    digest = hashlib.sha256(f"{RECORD_FORMAT}\0{language}\0{engine}\0".encode())
    for record in records:
        digest.update(json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def records_of(articles: Iterable) -> Iterator[dict]:
    return (record_of(article) for article in articles)
