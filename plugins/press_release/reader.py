"""The Pelican adapter: a thin reader around parse.parse_release()."""

from __future__ import annotations

import logging
import os
import subprocess
from collections import defaultdict
from datetime import UTC, datetime
from functools import cached_property, lru_cache
from html import escape
from pathlib import Path
from zoneinfo import ZoneInfo

from pelican.readers import BaseReader
from pelican.utils import SafeDatetime, order_content

from . import kept, remembered, report, reuse
from .errors import PressReleaseError
from .parse import parse_release
from .parse.release import renumber_duplicates, slugify
from .settings import config_from
from .speed import ReleaseDate

logger = logging.getLogger(__name__)


@lru_cache(maxsize=8)
def git_added_dates(folder: str) -> dict[str, datetime]:
    """When each file under `folder` was first added to git: one `git log` for all."""
    try:
        out = subprocess.run(
            [
                "git",
                "-C",
                folder,
                "log",
                "--diff-filter=A",
                "--no-renames",
                "--relative",
                "--format=%x00%ct",
                "--name-only",
                "--",
                ".",
            ],
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    added: dict[str, datetime] = {}
    stamp = None
    for line in out.splitlines():
        if line.startswith("\x00"):
            stamp = datetime.fromtimestamp(int(line[1:]), tz=UTC)
        elif line and stamp is not None:
            # Newest commits come first: the last stamp seen is the first addition.
            added[os.path.normpath(os.path.join(folder, line))] = stamp
    return added


def fallback_date(
    source_path: str, content_path: str, how: str, zone: str = "UTC"
) -> tuple[datetime, str]:
    """The date of an undated release: its first commit, else its mtime, in the site's zone."""
    local = ZoneInfo(zone)
    if how == "git":
        added = git_added_dates(os.path.abspath(content_path))
        stamp = added.get(os.path.normpath(os.path.abspath(source_path)))
        if stamp is not None:
            return stamp.astimezone(local), "git"
    return datetime.fromtimestamp(os.path.getmtime(source_path), tz=local), "mtime"


class PressReleaseReader(BaseReader):
    """Reads a raw press release (.txt) into an article."""

    enabled = True
    file_extensions = ["txt"]

    def __init__(self, settings):
        super().__init__(settings)
        self._wrappers: dict[tuple[str, str], object] = {}
        # Another build will follow in this process: remember what each file gave.
        self.remember = bool(
            reuse.under_autoreload() or settings.get("PRESS_RELEASE_REUSE_PAGES") is True
        )
        if self.remember:
            remembered.start(self.config)
        else:
            remembered.forget()

    def process_metadata(self, name, value):
        # Pelican's file-name date ("2024-03-12-judul.txt", FILENAME_METADATA) arrives as
        # a string bound for dateutil, a tenth of a millisecond each; ISO needs no parser.
        if name == "date" and isinstance(value, str) and len(value) == 10:
            try:
                return SafeDatetime.fromisoformat(value)
            except ValueError:
                pass  # Pelican reports it
        return super().process_metadata(name, value)

    @cached_property
    def config(self):
        return config_from(self.settings)

    def _wrapper(self, name: str, value: str):
        """One Category/Author/Tag object per name for the whole build.

        Pelican makes a new one for each release, and each computes its slug (unidecode
        and regexes) again: thousands of times for one region or reporter.
        """
        key = (name, value)
        wrapper = self._wrappers.get(key)
        if wrapper is None:
            wrapper = self._wrappers[key] = self.process_metadata(name, value)
        return wrapper

    def _dated(self, date: datetime, metadata: dict) -> SafeDatetime:
        """The date as Pelican's Content will hold it: in the release's time zone (Content
        sets the same one on a naive date), as a speed.ReleaseDate, which Content then
        formats in C rather than directive by directive (``locale_date``)."""
        zone = metadata.get("timezone", self.settings.get("TIMEZONE", "UTC"))
        tzinfo = date.tzinfo
        if tzinfo is None and zone and isinstance(zone, str):
            try:
                tzinfo = ZoneInfo(zone)
            except (KeyError, ValueError, OSError):  # ZoneInfoNotFoundError is a KeyError
                return SafeDatetime.combine(date.date(), date.time())  # Pelican will say why
        return ReleaseDate.combine(date.date(), date.time(), tzinfo)

    def read(self, source_path):
        """The file's body HTML and metadata; prepared by the read-ahead (readahead.py)
        when it got there first, else here."""
        path = self.settings.get("PATH", ".")
        if source_path.startswith(path) and source_path[len(path) : len(path) + 1] == os.sep:
            name = source_path[len(path) + 1 :]  # os.path.relpath of a path inside PATH
        else:
            name = os.path.relpath(source_path, path)
        ahead = getattr(self, "readahead", None)
        prepared = ahead.take(source_path) if ahead is not None else None
        if prepared is None:
            prepared = prepare(source_path, name, self.config, self.remember)
        if self.remember:
            remembered.keep(source_path, name, prepared)
            kept.made(source_path, name, prepared)
        return self._finish(source_path, name, prepared)

    def _finish(self, source_path, name, prepared):
        """The article's content and metadata from prepare()'s values: warnings logged,
        the report told, categories and authors as the build's one object per name."""
        if "error" in prepared:
            reason = prepared["error"]
            logger.error("press_release: %s: skipped: %s", name, reason)
            report.record(name, error=reason, path=source_path)
            return "", {"status": self.process_metadata("status", "skip")}
        warnings = prepared["warnings"]
        tell(name, source_path, prepared["title"], warnings, prepared["status"] or "")
        metadata = dict(prepared["fields"])
        if warnings:  # for the report of a build that takes the article from Pelican's cache
            metadata["press_release_warnings"] = warnings
        metadata["encoding"] = prepared["encoding"]
        metadata["title"] = prepared["html_title"]
        metadata["slug"] = prepared["slug"]
        if prepared["summary"] is not None:
            metadata["summary"] = prepared["summary"]
        if prepared["category"]:
            metadata["category"] = self._wrapper("category", prepared["category"])
        if codes := prepared["authors"]:
            metadata["authors"] = [self._wrapper("author", code) for code in codes]
        if prepared["tags"]:
            metadata["tags"] = self.process_metadata("tags", ", ".join(prepared["tags"]))
        if prepared["status"]:
            metadata["status"] = self.process_metadata("status", prepared["status"])
        date, source = prepared["date"], prepared["date_source"]
        if date is None:
            date, source = fallback_date(
                source_path,
                self.settings["PATH"],
                self.config.date_fallback,
                self.settings.get("TIMEZONE") or "UTC",
            )
        elif isinstance(date, list | tuple):
            date = datetime(*date)
        # Pelican's own "date" processor would re-parse an ISO string with dateutil (about
        # a tenth of this method's time); the parser already has the datetime.
        metadata["date"] = self._dated(date, metadata)
        metadata["date_source"] = source
        return prepared["body_html"], metadata


def tell(name: str, source_path: str, title: str | None, warnings: list[str], status: str) -> None:
    """Log a release's warnings and record it in the build report, as read in this build
    (or taken unchanged from the last one: kept.py)."""
    for warning in warnings:
        logger.warning("press_release: %s: %s", name, warning)
    report.record(name, title=title, warnings=warnings, pelican_status=status, path=source_path)


@lru_cache(maxsize=1024)
def _place_slug(place: str) -> str:
    """The slug of a dateline's place: a site's places recur in release after release."""
    return slugify(place)


def prepare(source_path: str, name: str, config, remember: bool = False) -> dict:
    """Read and parse one release file: what its article needs, as plain values only
    (str, list, dict, tuple, None), so that a forked process can prepare it too
    (readahead.py). `name` is the file's path relative to the content folder.

    With `remember`, the values carry the digest of the file's bytes, and those of an
    earlier build of this process are taken when the file is unchanged (remembered.py).
    """
    key = None
    try:
        with open(source_path, "rb") as file:
            raw = file.read()
        if remember:
            key = remembered.digest(raw)
            if (known := remembered.recall(source_path, name, key)) is not None:
                return known
        release = parse_release(raw, os.path.basename(source_path), config)
    except OSError as exc:
        return {"error": f"cannot read the file: {exc.strerror}"}
    except PressReleaseError as exc:
        return {"error": str(exc), "digest": key}
    title = release.title
    if not title:
        words = release.summary.split()
        title = " ".join(words[:10]) + ("…" if len(words) > 10 else "") or Path(name).stem
    date = release.date
    if date is not None and date.tzinfo is None:  # the parser's dates are naive
        date = (date.year, date.month, date.day, date.hour, date.minute, date.second,
                date.microsecond)  # fmt: skip
    return {
        "warnings": release.warnings,
        "title": release.title,
        "status": release.status,
        # A field reaches the article only when it has a value (templates and fragments
        # read them with defaults): every key of an article's metadata is copied into its
        # attributes and into the copy Pelican makes for each URL it formats, and one key
        # more or less on every article moved the peak memory of a 10,000-release build
        # by several MiB.
        "fields": {
            field: value
            for field, value in (
                ("dateline", release.dateline),
                ("dateline_display", release.dateline_display),
                (
                    "dateline_slug",
                    _place_slug(release.dateline_display) if release.dateline else None,
                ),
                ("dateline_agency", release.dateline_agency),
                ("byline", release.byline),
                ("reporters", release.reporters),
                ("desk", release.desk),
                ("dek", release.dek),
                ("captions", release.captions),
                ("credits", release.credits),
                ("credited_reporters", release.credited_reporters),
                ("old_url", release.old_url),
            )
            if value
        },
        "encoding": release.encoding,
        # HTML, as Pelican expects: shown literally
        "html_title": escape(title, quote=False),
        "slug": release.slug or slugify(title),
        "summary": escape(release.summary, quote=False) if release.summary else None,
        "category": release.category,
        # as Pelican's "authors" processor: stripped, each once, in order
        "authors": list(
            dict.fromkeys(
                c.strip() for c in release.reporters or release.credited_reporters if c.strip()
            )
        ),
        "tags": release.tags,
        "date": date,
        "date_source": release.date_source,
        "body_html": release.body_html,
        "digest": key,
    }


def add_reader(readers) -> None:
    """`readers_init` signal: claim the configured extensions."""
    for extension in config_from(readers.settings).extensions:
        readers.reader_classes[extension] = PressReleaseReader


def order_releases(generator) -> None:
    """`article_generator_pretaxonomy`: a deterministic order for releases of one date.

    Pelican gathers files in a set, so releases sharing a date would otherwise come out
    in hash order, and two builds of the same content would differ in their lists, feeds
    and related releases. Ties are broken by source path; ARTICLE_ORDER_BY still rules.
    """
    order_by = generator.settings.get("ARTICLE_ORDER_BY", "reversed-date")
    for name in ("articles", "drafts", "hidden_articles"):
        items = sorted(getattr(generator, name), key=lambda a: a.source_path)
        setattr(generator, name, order_content(items, order_by))


def make_slugs_unique(generator) -> None:
    """`article_generator_pretaxonomy`: releases sharing a title get distinct URLs."""
    groups = defaultdict(list)
    everything = generator.articles + generator.drafts + generator.hidden_articles
    for article in everything:
        groups[article.slug].append(article)
    for articles in groups.values():
        articles.sort(key=lambda a: (a.date, a.source_path))
    for article, first, candidate in renumber_duplicates(groups):
        article.slug = candidate
        source = os.path.relpath(article.source_path, generator.path)
        original = os.path.relpath(first.source_path, generator.path)
        logger.warning(
            "press_release: %s: same title as %s; published as %s", source, original, candidate
        )
        report.add_warning(source, f"same title as {original}; published as {candidate}")
