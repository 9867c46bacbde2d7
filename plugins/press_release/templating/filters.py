"""Jinja filters of the theme: text made safe for HTML, Babel dates, names for codes,
URLs, and the groupings the archive pages draw. No markup is made here."""

from __future__ import annotations

import datetime
from functools import lru_cache
from itertools import groupby

from babel.dates import format_date
from jinja2 import pass_context
from markupsafe import Markup, escape

# The one date format of the site: "14 Desember 2015" (id), "14 December 2015" (en), on
# release pages, cards, related releases and feeds' pages alike. The older names of
# patterns ("full", "long", "medium") give it too; "month" is for archive labels.
DATE_FORMAT = "d MMMM y"
DATE_PATTERNS = {"full": DATE_FORMAT, "long": DATE_FORMAT, "medium": DATE_FORMAT,
                 "month": "MMMM y"}  # fmt: skip
DEFAULT_LOGO = "img/logo.svg"  # inside the theme's static folder


def plain(value):
    """Text for HTML, whether the value came escaped, with tags or as raw text."""
    if value is None:
        return Markup("")
    text = str(value)
    if len(text) > 200 and "<" not in text and "&" not in text:
        # A lead with no tag or entity: striptags would only normalise its spaces. Not
        # cached: ten thousand leads would hold tens of megabytes for the whole build.
        return escape(" ".join(text.split()))
    return _plain(text)


@lru_cache(maxsize=65536)
def _plain(text):
    # titles are shown on many pages (lists, related, neighbours): strip each once
    return escape(Markup(text).striptags())


def plain_text(value):
    """Unescaped text without tags (for JSON and URL parameters)."""
    if value is None:
        return ""
    text = str(value)
    if "<" not in text and "&" not in text:
        # No tag, comment or entity: striptags would only collapse the spaces.
        return " ".join(text.split())
    return Markup(text).striptags()


def as_date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    return value


def make_date_filter(locale):
    @lru_cache(maxsize=65536)
    def formatted(date, pattern):
        return format_date(date, DATE_PATTERNS.get(pattern, pattern), locale=locale)

    def pr_date(value, pattern="full"):
        """``14 Desember 2015`` (id) / ``14 December 2015`` (en): DATE_FORMAT."""
        if value is None:
            return ""
        return formatted(as_date(value), pattern)

    return pr_date


def make_period_filter(locale):
    def period_label(period_num):
        """Label of a Pelican period archive: ``2015`` or ``Desember 2015``."""
        if not period_num:
            return ""
        if len(period_num) == 1:
            return str(period_num[0])
        day = period_num[2] if len(period_num) > 2 else 1
        date = datetime.date(period_num[0], period_num[1], day)
        pattern = DATE_PATTERNS["month"] if len(period_num) == 2 else DATE_FORMAT
        return format_date(date, pattern, locale=locale)

    return period_label


def make_name_filter(table):
    def name(code):
        """Display name for a code; unknown codes are shown as written."""
        if code is None:
            return ""
        code = str(code)
        return table.get(code) or table.get(code.lower()) or code

    return name


def name_key(name) -> str:
    """A name compared without letter case or runs of spaces: "Kalimantan  TIMUR"."""
    return " ".join(str(name).split()).casefold()


def make_region_test(names):
    """The Jinja test ``region``: whether a category is one of PRESS_RELEASE_REGIONS.

    Only the categories the site declares are regions ("Wilayah"); "Berita Utama" or
    "Seputar Kaltim" stay categories ("Kategori")."""
    regions = frozenset(map(name_key, names))

    def is_region(category):
        return category is not None and name_key(category) in regions

    return is_region


def absolute_url(settings, url):
    """``url`` under the configured SITEURL (root-relative when SITEURL is empty)."""
    if url is None:
        return ""
    url = str(url)
    if url.startswith(("http://", "https://", "//", "mailto:")):
        return url
    base = (settings.get("SITEURL") or "").rstrip("/")
    return f"{base}/{url.lstrip('/')}"


@pass_context
def site_url(context, path):
    """A path of the site for links on the current page (a full URL is kept as is)."""
    path = str(path or "")
    if "://" in path or path.startswith("//"):
        return path
    return f"{context.get('SITEURL', '')}/{path.lstrip('/')}"


def logo_url(settings, office):
    return office["logo"] or f"{settings.get('THEME_STATIC_DIR', 'theme')}/{DEFAULT_LOGO}"


def content_lang(settings):
    return settings.get("PRESS_RELEASE_CONTENT_LANG") or settings.get("DEFAULT_LANG", "id")


def group_by_month(articles):
    """[(year, [(first article of month, count), …]), …], newest first, for archives."""
    result = []
    ordered = sorted(articles, key=lambda a: a.date, reverse=True)
    for year, in_year in groupby(ordered, key=lambda a: a.date.year):
        months = []
        for _month, in_month in groupby(in_year, key=lambda a: a.date.month):
            items = list(in_month)
            months.append((items[0], len(items)))
        result.append((year, months))
    return result


def most_releases(pairs, limit=8):
    """The ``limit`` (item, releases) pairs with the most releases, then by name."""
    ranked = sorted(pairs, key=lambda pair: (-len(pair[1]), str(pair[0]).casefold()))
    return ranked[:limit]
