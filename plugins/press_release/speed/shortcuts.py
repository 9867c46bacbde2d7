"""Shortcuts around Pelican's own costs, each keeping its output identical.

Pelican 4.12 writes each category and author page with
``[article for article in self.dates if article in articles]``: a list membership test
per article and page, so the pages of C categories cost N × N/C comparisons, and those
of A authors N × (articles per author): quadratic in the archive size (about 6% of a
10,000-release build). :func:`index_memberships` gives those lists an ``in`` test by
identity through a set, as a list compares content objects (which define no ``__eq__``),
so the filter becomes linear and every page keeps its contents and order.

Pelican also recomputes ``article.url`` and ``article.save_as`` on every access (a copy
of the metadata, the relative source path, a ``str.format``), and a page of this theme
asks for a dozen of them (related releases, neighbours, release cards). Once slugs,
dates and categories are final (``article_generator_finalized``), :func:`freeze_urls`
stores each through Pelican's own ``override_url``/``override_save_as`` attributes, the
ones a ``URL:``/``Save_as:`` metadata line sets, so later accesses are attribute reads.

Pelican's period archives have the same quadratic filter, ``[a for a in articles if a in
dates]`` over a plain list per year and month (about 5% of a 10,000-release build, more
as the archive grows). :func:`build_period_archives` is Pelican 4.12's
``ArticlesGenerator._build_period_archives`` with that test done through a set of
identities; :func:`linear_period_archives` installs it on each articles generator,
unless Pelican's method no longer has the signature it replaces.

Pelican formats its dates (``SafeDatetime``) in Python, one directive at a time: for each
release's date line and URL, and twice per sitemap entry. :class:`ReleaseDate`, which
:func:`typed_dates` gives every content object as it is created, formats with C's
``strftime`` wherever Pelican's result would be the same (formats of C89 directives).
The reader hands Pelican its dates as ReleaseDates already, in the release's time zone,
so that ``Content.__init__`` formats the date line (``locale_date``) in C as well.
"""

from __future__ import annotations

import calendar
import copy
import re
from collections import defaultdict
from datetime import datetime
from functools import lru_cache
from itertools import groupby
from operator import attrgetter
from string import Formatter
from types import MethodType

from pelican.contents import Article, Content
from pelican.utils import SafeDatetime, path_to_url

from ..pelican_compat import available


class MemberList(list):
    """A list whose ``in`` test is a set lookup by identity; built once, never mutated."""

    __slots__ = ("_ids",)

    def __init__(self, items=()):
        super().__init__(items)
        self._ids = frozenset(map(id, self))

    def __contains__(self, item) -> bool:
        return id(item) in self._ids


def index_memberships(generator) -> None:
    """`article_generator_finalized`: categories, authors and tags get MemberLists."""
    for name in ("categories", "authors"):
        pairs = getattr(generator, name, None)
        if isinstance(pairs, list):
            pairs[:] = [(key, MemberList(articles)) for key, articles in pairs]
    tags = getattr(generator, "tags", None)
    if isinstance(tags, dict):
        for key, articles in tags.items():
            tags[key] = MemberList(articles)


class UrlMemo:
    """URLs and output paths formatted in this build and the last one, by the URL
    settings and the values of the fields they name (see :func:`_url_and_save_as`); the
    last build may be one of another process (the build's store, session.py)."""

    def __init__(self):
        self.current: dict[tuple, tuple[str, str]] = {}
        self.last: dict[tuple, tuple[str, str]] = {}

    def next_build(self) -> None:
        """A build starts: what the last one formatted is kept for this one, the rest goes."""
        self.last, self.current = self.current, {}

    def get(self, key: tuple) -> tuple[str, str] | None:
        found = self.current.get(key)
        if found is None:
            found = self.last.get(key)
            if found is not None:
                self.current[key] = found
        return found

    def forget(self) -> None:
        self.current.clear()
        self.last.clear()

    def export(self) -> dict[tuple, tuple[str, str]]:
        """This build's URLs, as marshal data (store.py keeps them for the next process:
        the keys are the same in every process)."""
        return self.current

    def adopt(self, kept: object) -> None:
        """The URLs an earlier process kept (store.py), when this one has none."""
        if self.last or not isinstance(kept, dict):
            return
        self.last = {
            key: value
            for key, value in kept.items()
            if isinstance(key, tuple) and isinstance(value, tuple) and len(value) == 2
        }


def freeze_urls(generator, memo: UrlMemo | None = None) -> None:
    """`article_generator_finalized`: every article's URL and output path, computed once
    (once per process for an article whose fields are those of the last build: `memo`)."""
    if not available("override_urls"):
        return
    for article in (*generator.articles, *generator.translations, *generator.drafts,
                    *generator.drafts_translations, *generator.hidden_articles,
                    *generator.hidden_translations):  # fmt: skip
        if hasattr(article, "override_url") or hasattr(article, "override_save_as"):
            article.override_url = article.url
            article.override_save_as = article.save_as
            continue
        article.override_url, article.override_save_as = _url_and_save_as(article, memo)


def save_as(article, memo: UrlMemo | None = None) -> str:
    """``article.save_as``, formatted as :func:`freeze_urls` does (BuildState.save_as)."""
    if hasattr(article, "override_url") or hasattr(article, "override_save_as"):
        return article.save_as
    return _url_and_save_as(article, memo)[1]


def _url_and_save_as(article, memo: UrlMemo | None = None) -> tuple[str, str]:
    """``(article.url, article.save_as)`` from one ``url_format`` instead of two.

    ``url_format`` copies the metadata and resolves the source path on each call; this
    formats both settings from one, choosing them as ``Article.get_url_setting`` does.
    With a `memo`, the two are formatted once for the same settings and the same values
    of the fields they name (``{slug}``, ``{date:%Y}``...): the same text, as
    ``str.format`` reads nothing else. Making URLs unique and freezing them formatted
    every article's twice per build (about 0.4 s at 10,000 releases).
    """
    if type(article)._expand_settings is not Article._expand_settings:
        return article.url, article.save_as  # a subclass with its own rules
    klass = "DRAFT" if article.status == "draft" else "ARTICLE"
    lang = "" if article.in_default_lang else "LANG_"
    settings = article.settings
    url, save_as = str(settings[f"{klass}_{lang}URL"]), str(settings[f"{klass}_{lang}SAVE_AS"])
    key = None
    if memo is not None:
        key = _memo_key(article, url, save_as)
        if key is not None:
            found = memo.get(key)
            if found is not None:
                return found
    fields = _url_fields(article)
    date = fields.get("date")
    if isinstance(date, SafeDatetime) and _c_strftime_is_pelicans(url + save_as):
        # Pelican's SafeDatetime formats each "{date:%Y}" in Python, a few microseconds
        # each; for these directives the C strftime of a plain datetime is the same.
        fields["date"] = datetime.combine(date.date(), date.timetz())
    result = url.format(**fields), save_as.format(**fields)
    if key is not None:
        memo.current[key] = result
    return result


@lru_cache(maxsize=64)
def _named_fields(templates: tuple[str, ...]) -> tuple[str, ...] | None:
    """The fields the URL settings `templates` name, or None when one is not a plain name
    with an optional attribute, index and format (``{0}``, ``{}``, a nested field)."""
    names = []
    try:
        for template in templates:
            for _text, name, spec, _conversion in Formatter().parse(template):
                if name is None:
                    continue
                base = re.match(r"[A-Za-z_]\w*", name)
                if base is None or "{" in (spec or ""):
                    return None
                names.append(base.group())
    except ValueError:
        return None
    return tuple(sorted(set(names)))


def _memo_key(article, url: str, save_as: str) -> tuple | None:
    """What url_format() gives the fields the two settings name, as a key (None when a
    value is not a string or a date, whose equal values could format differently)."""
    names = _named_fields((url, save_as))
    relative = getattr(article, "relative_source_path", None)
    if (
        names is None
        or relative is None
        or type(article).url_format is not Content.url_format
        or not available("url_format")
    ):
        return None
    metadata = article.metadata
    values: list[object] = [url, save_as]
    for name in names:
        if name == "slug":
            value = getattr(article, "slug", "")
        elif name == "date":
            value = getattr(article, "date", None)
            if not isinstance(value, datetime):
                return None  # now(), or a value of another kind
            # equal datetimes in two zones format differently: every field, and the zone
            # (by what formats it: a key the same in every process, store.py keeps them)
            zone = value.tzinfo
            values.append((_type_name(type(value)), value.year, value.month, value.day,
                           value.hour, value.minute, value.second, value.microsecond,
                           value.fold, None if zone is None else (
                               _type_name(type(zone)), str(zone), value.tzname(),
                               _seconds(value.utcoffset()))))  # fmt: skip
            continue
        elif name == "lang":
            value = getattr(article, "lang", "en")
        elif name == "author":
            value = article.author.slug if hasattr(article, "author") else ""
        elif name == "category":
            value = article.category.slug if hasattr(article, "category") else ""
        elif name == "path":
            value = metadata.get("path", relative)
        else:
            value = metadata.get(name, _ABSENT)
            if value is _ABSENT:
                return None  # format() raises: let it, in the usual way
        if type(value) is not str:
            return None
        values.append(value)
    return tuple(values)


_ABSENT = object()


def _type_name(kind: type) -> str:
    return f"{kind.__module__}.{kind.__qualname__}"


def _seconds(offset) -> float | None:
    return None if offset is None else offset.total_seconds()


def _url_fields(article) -> dict:
    """``article.url_format`` (Pelican 4.12's), reusing the relative source path that
    ``Content.__init__`` stored instead of resolving it again (two ``abspath`` and a
    ``relpath`` per call)."""
    relative = getattr(article, "relative_source_path", None)
    if (
        type(article).url_format is not Content.url_format
        or relative is None
        or not available("url_format")
    ):
        return article.url_format
    fields = copy.copy(article.metadata)
    fields.update(
        {
            "path": path_to_url(article.metadata.get("path", relative)),
            "slug": getattr(article, "slug", ""),
            "lang": getattr(article, "lang", "en"),
            "date": getattr(article, "date", None) or datetime.now(),
            "author": article.author.slug if hasattr(article, "author") else "",
            "category": article.category.slug if hasattr(article, "category") else "",
        }
    )
    return fields


# C89 directives, which pelican.utils.strftime hands to datetime.strftime one by one;
# anything else ("%-d", "%e") it treats its own way.
_C89_ONLY = re.compile(r"(?:[^%\0]|%[aAbBcdfGHIjmMpSUuVwWxXyYzZ%])*")


@lru_cache(maxsize=64)
def c_strftime_is_pelicans(date_format: str) -> bool:
    """Whether datetime.strftime formats `date_format` as pelican.utils.strftime does.

    Pelican splits a format into its "%" directives, formats each C89 one alone with
    datetime.strftime and puts the literal text back between them: for a format of
    C89 directives only (no "%-d", no NUL, which C cannot take), formatting it whole
    gives the same text, since each directive formats independently.
    """
    return _C89_ONLY.fullmatch(date_format) is not None


class ReleaseDate(SafeDatetime):
    """A release's date: Pelican's SafeDatetime, formatted by C where that is the same.

    Pelican formats a SafeDatetime in Python, directive by directive, a few microseconds
    each: for the date line of every release, for the "{date:%Y}" of its URL and output
    path, and twice for each entry of the sitemap (about 2 s of a 10,000-release build).
    """

    __slots__ = ()

    def strftime(self, fmt, safe=True):
        if safe and c_strftime_is_pelicans(fmt):
            return datetime.strftime(self, fmt)
        return super().strftime(fmt, safe)


def typed_dates(content) -> None:
    """`content_object_init`: a content's dates become ReleaseDates (same values)."""
    if not available("safe_datetime"):
        return
    for name in ("date", "modified"):
        value = content.__dict__.get(name)
        if type(value) is SafeDatetime:
            setattr(content, name, ReleaseDate.combine(value.date(), value.timetz()))


@lru_cache(maxsize=64)
def _c_strftime_is_pelicans(template: str) -> bool:
    """Whether every ``{date:...}`` of a URL setting formats alike in C and in Pelican."""
    try:
        fields = list(Formatter().parse(template))
    except ValueError:
        return False
    return all(
        name != "date" or not spec or c_strftime_is_pelicans(spec)
        for _text, name, spec, _conversion in fields
        if name is not None
    )


_GRANULARITY_KEYS = {
    "year": attrgetter("date.year"),
    "month": attrgetter("date.year", "date.month"),
    "day": attrgetter("date.year", "date.month", "date.day"),
}


def build_period_archives(generator, sorted_articles, articles, settings):
    """Pelican's period archives (same structure and order), built in linear time."""
    period_archives = defaultdict(list)
    for granularity in ("year", "month", "day"):
        save_as_fmt = settings[f"{granularity.upper()}_ARCHIVE_SAVE_AS"]
        url_fmt = settings[f"{granularity.upper()}_ARCHIVE_URL"]
        if not save_as_fmt:
            continue
        archives: list[dict] = []
        group_of: dict[int, dict] = {}  # id(article) -> the archive of its group
        for period, group in groupby(sorted_articles, key=_GRANULARITY_KEYS[granularity]):
            dates = list(group)
            first = dates[0].date
            archive = {
                "dates": dates,
                "articles": [],  # filled below, in the order of `articles`
                "save_as": save_as_fmt.format(date=first),
                "url": url_fmt.format(date=first),
            }
            group_of.update(dict.fromkeys(map(id, dates), archive))
            if granularity == "year":
                archive["period"] = (period,)
                archive["period_num"] = (period,)
            else:
                month_name = calendar.month_name[period[1]]
                if granularity == "month":
                    archive["period"] = (period[0], month_name)
                else:
                    archive["period"] = (period[0], month_name, period[2])
                archive["period_num"] = tuple(period)
            archives.append(archive)
        if len(group_of) == len(sorted_articles):  # each article in one group
            for article in articles:
                if (archive := group_of.get(id(article))) is not None:
                    archive["articles"].append(article)
        else:  # an article listed twice: Pelican's filter, group by group
            for archive in archives:
                members = set(map(id, archive["dates"]))
                archive["articles"] = [a for a in articles if id(a) in members]
        if archives:  # as Pelican's: no key for a granularity without archives
            period_archives[granularity] = archives
    return period_archives


def linear_period_archives(generator) -> None:
    """`article_generator_init`: period archives without Pelican's quadratic filter."""
    if not available("period_archives"):
        return  # a Pelican whose method changed: keep its own
    generator._build_period_archives = MethodType(build_period_archives, generator)
