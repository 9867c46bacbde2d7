"""Atom and RSS feeds of the production build, read back with feedparser.

The expected releases come from Pelican's own readers (the press_release reader, with
publishconf.py), not from the feeds: counts per feed, titles, links and dates must match.
"""

from __future__ import annotations

import os
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

import feedparser
import pytest
from pelican import Pelican
from pelican.contents import Article
from pelican.readers import Readers
from pelican.settings import read_settings

from .test_features_publishing import ROOT, build_site

SITEURL = "https://humas.example.github.io/siaran-pers"


@pytest.fixture(scope="module")
def releases():
    """The published releases as Pelican reads them, newest first."""
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        settings = read_settings("publishconf.py", override={"SITEURL": SITEURL})
        Pelican(settings)  # loads the plugins, so the reader is registered
        readers = Readers(settings)
        found = []
        content = Path(settings["PATH"])
        excluded = tuple(settings["ARTICLE_EXCLUDES"])
        for path in sorted(content.rglob("*.txt")):  # a release may have a folder of its own
            name = path.relative_to(content).as_posix()
            if name.startswith(excluded):
                continue
            article = readers.read_file(settings["PATH"], name, content_class=Article, context={})
            if article.status == "published":
                found.append(article)
    finally:
        os.chdir(cwd)
    assert found, "no releases in content/"
    return sorted(found, key=lambda a: a.date, reverse=True)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    output = tmp_path_factory.mktemp("feeds") / "output"
    build_site(output, SITEURL)
    return output


def parse(site, name):
    path = site / "feeds" / name
    assert path.is_file(), f"missing feed {name}"
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, f"{name}: {feed.get('bozo_exception')}"
    return feed


def by_category(releases):
    groups = defaultdict(list)
    for release in releases:
        groups[release.category.slug].append(release)
    return dict(groups)


def feed_cases(releases):
    cases = {"all": releases} | by_category(releases)
    return [
        (f"{slug}.{kind}.xml", expected)
        for slug, expected in cases.items()
        for kind in ("atom", "rss")
    ]


def utc(moment: datetime):
    return moment.astimezone(UTC).timetuple()[:6]


def test_every_feed_parses_with_the_right_entries(site, releases):
    counts = {}
    for name, expected in feed_cases(releases):
        feed = parse(site, name)
        counts[name] = len(feed.entries)
        assert [e.title for e in feed.entries] == [r.title for r in expected], name
        links = [e.link for e in feed.entries]
        assert links == [f"{SITEURL}/{r.url}" for r in expected], name
    print("\nentries per feed:", counts)


def test_entry_dates_are_the_release_dates_in_the_site_timezone(site, releases):
    for name, expected in feed_cases(releases):
        feed = parse(site, name)
        for entry, release in zip(feed.entries, expected, strict=True):
            assert release.date.utcoffset().total_seconds() == 8 * 3600  # Asia/Makassar
            assert tuple(entry.published_parsed)[:6] == utc(release.date), (name, entry.title)
            offset = "+08:00" if name.endswith(".atom.xml") else "+0800"
            assert entry.published.endswith(offset), (name, entry.published)


def test_feed_updated_is_the_newest_release(site, releases):
    for name, expected in feed_cases(releases):
        feed = parse(site, name)
        stamp = feed.feed.get("updated_parsed")
        assert stamp is not None, name
        newest = max(getattr(r, "modified", None) or r.date for r in expected)
        assert tuple(stamp)[:6] == utc(newest), name


def test_feeds_link_to_themselves_with_absolute_urls(site):
    for name in ("all.atom.xml", "all.rss.xml"):
        feed = parse(site, name)
        assert feed.feed.link.rstrip("/") == SITEURL
    atom = parse(site, "all.atom.xml")
    self_links = [link.href for link in atom.feed.links if link.rel == "self"]
    assert self_links == [f"{SITEURL}/feeds/all.atom.xml"]


def test_feeds_are_announced_in_the_pages(site):
    home = (site / "index.html").read_text(encoding="utf-8")
    assert f'href="{SITEURL}/feeds/all.atom.xml"' in home
