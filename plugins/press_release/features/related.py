"""Related releases ("Berita Terkait"), computed once per build.

Each release is reduced to a set of *terms*: the words of its title and lead (lower-cased,
at least three letters, Indonesian function words removed), plus one term for its category
and one for its dateline place. Two releases are related by the terms they share, each term
weighted by its rarity (inverse document frequency), so sharing "Pemilukada" counts for more
than sharing "Kaltim", and sharing the category "Kalimantan Timur" that every release has
counts for almost nothing.

No all-pairs pass: an inverted index (term -> releases) gives each release its candidates
through its *rarest* terms only (at most ``max_terms`` of them, and only terms held by at most
``max_df`` releases); the best ``shortlist`` candidates then get the weight of a shared
category or place. The work per release is bounded by ``max_terms * max_df`` postings
whatever the number of releases (under a second for 10,000 releases on one core). A release
that shares no usable word falls back to its nearest releases in time from the same place,
then the same category.
"""

from __future__ import annotations

import heapq
import html
import math
import re
import unicodedata
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from operator import itemgetter

from ..state import BuildState

DEFAULT_LIMIT = 5
WORD_RE = re.compile(r"[^\W\d_]{3,}")  # runs of three or more letters
TITLE_WEIGHT = 1.5  # a word of the title says more about the topic than one of the lead
CATEGORY_WEIGHT = 0.5
PLACE_WEIGHT = 0.75

# Words that say nothing about a release's topic: Indonesian function words and the
# boilerplate verbs of press releases ("mengatakan", "katanya"), plus a few English ones.
_STOPWORD_TEXT = """
    ada adalah agar akan antara apa atas atau bagi bahwa baik banyak bawah beberapa begitu
    belum berbagai bersama besar bisa bukan cukup dalam dan dapat dari demikian dengan di
    dia diri disampaikan dua hal hanya harus hari hingga ia ini itu jika juga kalau kami
    kamis kata katanya ke kepada kita lagi lain lalu lebih maka masih mana masing melalui
    menjadi mereka minggu misalnya mulai namun oleh pada para pun rabu saat sabtu sama
    sangat satu saya secara sedang sehingga sejak sekitar selasa selain seluruh semua senin
    sebagai sebuah sementara serta setelah seperti sudah tahun tak telah tentang terhadap
    tersebut tetapi tidak tiga untuk usai yaitu yakni yang jumat jum mengatakan menyampaikan
    menjelaskan menurut ujarnya ungkapnya jelasnya tuturnya pungkasnya sebut ucapnya
    lanjutnya tambahnya kemarin pagi siang sore malam januari februari maret april mei juni
    juli agustus september oktober november desember the and for with from that this are was
    were has have will
"""
_NUMBER_WORDS = """
    satu dua tiga empat lima enam tujuh delapan sembilan sepuluh belas puluh ratus ribu
    juta miliar
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split()) | frozenset(_NUMBER_WORDS.split())


@dataclass
class Release:
    """What the computation needs to know about a release."""

    key: object  # anything hashable identifying the release (its slug, or the article)
    title: str
    lead: str = ""
    category: str | None = None
    place: str | None = None
    timestamp: float = 0.0


@dataclass
class Stats:
    """Work done, for tests and benchmarks: candidates scored, exact rescoring done."""

    releases: int = 0
    postings_visited: int = 0
    fallbacks: int = 0
    terms_skipped_as_common: int = field(default=0)


def fold(text):
    """Lower case without accents: "Pemilukada" and "PEMILUKADA" are one word."""
    text = text.casefold()
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text)
    # Each distinct character checked once: a lead repeats a few dozen over hundreds.
    marks = {ch for ch in set(text) if not ch.isascii() and unicodedata.combining(ch)}
    if not marks:
        return text
    return text.translate(dict.fromkeys(map(ord, marks)))


def words(text):
    return {w for w in WORD_RE.findall(fold(text or "")) if w not in STOPWORDS}


def terms_of(release):
    """Term -> weight multiplier for one release."""
    terms = dict.fromkeys(words(release.lead), 1.0)
    for word in words(release.title):
        terms[word] = TITLE_WEIGHT
    for term in terms_of_groups(release):
        terms[term] = CATEGORY_WEIGHT if term.startswith("\x00cat:") else PLACE_WEIGHT
    return terms


def compute_related(
    releases, limit=DEFAULT_LIMIT, *, max_terms=12, max_df=100, shortlist=30, stats=None
):
    """Map each release key to the keys of up to ``limit`` related releases, best first.

    Candidates come from the postings of a release's ``max_terms`` rarest terms among those
    held by at most ``max_df`` releases; a shared category or place then adds its weight.
    The work per release is bounded by ``max_terms * max_df`` postings.
    """
    releases = list(releases)
    count = len(releases)
    stats = stats if stats is not None else Stats()
    stats.releases = count
    term_sets = [terms_of(release) for release in releases]
    postings = defaultdict(list)
    for index, terms in enumerate(term_sets):
        for term in terms:
            postings[term].append(index)
    idf = {term: math.log((count + 1) / len(ids)) for term, ids in postings.items()}
    groups = [tuple(terms_of_groups(release)) for release in releases]
    buckets = _time_buckets(releases)

    related = {}
    for index, terms in enumerate(term_sets):
        usable = [t for t in terms if 1 < len(postings[t]) <= max_df]
        stats.terms_skipped_as_common += sum(1 for t in terms if len(postings[t]) > max_df)
        usable.sort(key=lambda t: (len(postings[t]), t))
        usable = usable[:max_terms]
        scores = defaultdict(float)
        for term in usable:
            weight = idf[term] * terms[term]
            ids = postings[term]
            stats.postings_visited += len(ids)
            for other in ids:
                scores[other] += weight
        scores.pop(index, None)
        if len(scores) > shortlist:
            scores = dict(heapq.nlargest(shortlist, scores.items(), key=itemgetter(1)))
        # a category or place too common to find candidates still counts for those found
        for term in groups[index]:
            if term in usable:
                continue
            weight = idf[term] * terms[term]
            for other in scores:
                if term in groups[other]:
                    scores[other] += weight
        chosen = _rank(releases, index, scores, limit)
        if len(chosen) < limit:
            stats.fallbacks += 1
            chosen += _nearest(releases, buckets, index, limit - len(chosen), set(chosen))
        related[releases[index].key] = [releases[other].key for other in chosen]
    return related


def terms_of_groups(release):
    if release.category:
        yield "\x00cat:" + fold(release.category)
    if release.place:
        yield "\x00place:" + fold(release.place)


def _rank(releases, index, scores, limit):
    """Best score first; among equals, the nearest in time, then the newer."""
    stamp = releases[index].timestamp

    def order(item):
        other, score = item
        when = releases[other].timestamp
        return (-round(score, 9), abs(when - stamp), -when, other)

    return [other for other, _score in heapq.nsmallest(limit, scores.items(), key=order)]


def _time_buckets(releases):
    """Per place and per category: release indices sorted by time, with their times."""
    buckets = defaultdict(list)
    for index, release in enumerate(releases):
        if release.place:
            buckets["place", fold(release.place)].append(index)
        if release.category:
            buckets["cat", fold(release.category)].append(index)
    result = {}
    for key, ids in buckets.items():
        ids.sort(key=lambda i: (releases[i].timestamp, i))
        result[key] = (ids, [releases[i].timestamp for i in ids])
    return result


def _nearest(releases, buckets, index, wanted, taken):
    """Up to ``wanted`` releases nearest in time sharing the place, then the category."""
    release = releases[index]
    found = []
    for kind, value in (("place", release.place), ("cat", release.category)):
        if not value or len(found) >= wanted:
            continue
        ids, times = buckets["place" if kind == "place" else "cat", fold(value)]
        pos = bisect_left(times, release.timestamp)
        lo, hi = pos - 1, pos
        while len(found) < wanted and (lo >= 0 or hi < len(ids)):
            left = ids[lo] if lo >= 0 else None
            right = ids[hi] if hi < len(ids) else None
            if right is None or (
                left is not None and release.timestamp - times[lo] <= times[hi] - release.timestamp
            ):
                candidate, lo = left, lo - 1
            else:
                candidate, hi = right, hi + 1
            if candidate != index and candidate not in taken:
                taken.add(candidate)
                found.append(candidate)
    return found


# --------------------------------------------------------------------------- Pelican


def _release_of(article, key):
    category = getattr(article, "category", None)
    place = getattr(article, "dateline_slug", None) or getattr(article, "dateline", None)
    return Release(
        key=key,
        title=html.unescape(str(getattr(article, "title", "") or "")),
        lead=html.unescape(str(getattr(article, "summary", "") or "")),
        category=str(category) if category is not None else None,
        place=place,
        timestamp=article.date.timestamp(),
    )


def related_indices(articles, limit=DEFAULT_LIMIT) -> list[list[int]]:
    """For each of `articles`, the indices of its related ones, best first."""
    related = compute_related(
        (_release_of(article, index) for index, article in enumerate(articles)), limit=limit
    )
    return [related[index] for index in range(len(articles))]


def _apply(articles, indices) -> None:
    for article, chosen in zip(articles, indices, strict=True):
        article.related_releases = [articles[other] for other in chosen]


def add_related(generator):
    """`article_generator_finalized`: set ``article.related_releases`` (a list of
    articles) on every published release, through the build's ``background`` (at once
    here; the speed layer may compute it in a second process while the build goes on,
    and applies it before any page is rendered)."""
    articles = list(generator.articles)
    limit = generator.settings["PRESS_RELEASE_RELATED_MAX"]
    BuildState.of(generator.settings).background(
        lambda: related_indices(articles, limit), lambda indices: _apply(articles, indices)
    )
