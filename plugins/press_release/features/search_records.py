"""What the search index holds, and how it is cut into shards: pure functions.

A release becomes one Pagefind record: its text alone (the body the reader rendered,
without tags, photo captions last: no page label, no title, no "Dari:" line, no related
releases), the
metadata the search page shows (title, ISO date, place, category), the filters
``Kategori`` and ``Tahun`` and the sort key ``date``.

Records are spread over shards by a hash of their URL: ``shard_count`` shards, the
smallest power of two that keeps the average shard at most ``size`` releases. Each shard
is indexed by its own Pagefind process, so the memory of indexing is bounded by the shard
size, whatever the size of the archive; a new or edited release changes one shard (and
the count, so every shard, only when the archive doubles past a power of two).

Why a hash rather than years: Pagefind ranks a page by BM25 within its own index (the
rarity of a word among that index's pages, the index's average page length), and the
search page merges the shards' results by those scores. Shards that are random samples
of the archive have nearly the statistics of the whole, so the merged order is nearly a
single index's; shards by year do not (a word common in an election year is rare in
others), and measured on the generated archive they agreed with a single index's top
five far less often (docs/performance.md, "Search"). A shard's key is a hash of
everything its bundle is made from: a rebuild re-indexes only shards whose key changed.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Iterable, Iterator

# Bump when what a record or a bundle holds changes: every cached shard is indexed again.
RECORD_FORMAT = 2

# The tags of the body's markup, each replaced by a space (the body is the reader's
# escaped HTML: paragraphs, lists, the dateline's span, captions).
TAG = re.compile(
    r"<"  # a tag opens
    r"[^>]*"  # its name and attributes (no ">" inside: the reader escapes text)
    r">"  # and closes
)
# Runs of whitespace (spaces, line breaks, no-break spaces), made one space.
SPACES = re.compile(r"\s+")


# A photo caption the reader puts before the lead (parse/render.py): searchable, but
# moved after the release's own text, so an excerpt starts at the dateline, not at a
# caption and its credit code.
CAPTION = re.compile(
    r'<p class="pr-caption">'  # the caption's paragraph opens
    r".*?"  # its text (escaped: no tag inside)
    r"</p>",  # and closes
    re.S,
)


def release_text(body_html: str) -> str:
    """The release's text from its body HTML: tags gone, entities decoded, spaces single,
    captions after the text."""
    body = body_html or ""
    captions = CAPTION.findall(body)
    if captions:
        body = CAPTION.sub(" ", body) + " " + " ".join(captions)
    text = html.unescape(TAG.sub(" ", body))
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


def shard_count(total: int, size: int) -> int:
    """The smallest power of two of shards averaging at most `size` releases (1 if 0)."""
    count = 1
    while size > 0 and total > count * size:
        count *= 2
    return count


def shard_index(url: str, count: int) -> int:
    """The shard of a release, from its URL: stable from one build to the next."""
    digest = hashlib.blake2b(url.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") % count


def plan_shards(articles: Iterable, size: int) -> dict[str, list]:
    """Shard name -> its articles in date order; names "COUNT-INDEX" ("4-0" … "4-3")."""
    articles = list(articles)
    count = shard_count(len(articles), size)
    digits = len(str(count - 1))
    shards: dict[str, list] = {}
    for article in articles:
        name = f"{count}-{shard_index(article.url, count):0{digits}d}"
        shards.setdefault(name, []).append(article)
    return {name: sorted(shards[name], key=lambda a: (a.date, a.url)) for name in sorted(shards)}


def shard_key(records: Iterable[dict], language: str, engine: str) -> str:
    """A hash of everything a shard's bundle is made from (records, language, Pagefind)."""
    return shard_key_of((record_digest(record) for record in records), language, engine)


def record_digest(record: dict) -> bytes:
    """A record's digest, as its shard's key reads it."""
    dumped = json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.blake2b(dumped, digest_size=16).digest()


def article_digest(article) -> bytes:
    """record_digest() of an article's record (BuildState.search_digest's default)."""
    return record_digest(record_of(article))


def shard_key_of(digests: Iterable[bytes], language: str, engine: str) -> str:
    """shard_key() of records given by their record_digest(): a digest of theirs, so that
    a rebuild may keep each unchanged release's (speed/records.py) rather than its text."""
    digest = hashlib.sha256(f"{RECORD_FORMAT}\0{language}\0{engine}\0".encode())
    for record in digests:
        digest.update(record)
    return digest.hexdigest()


def records_of(articles: Iterable) -> Iterator[dict]:
    return (record_of(article) for article in articles)
