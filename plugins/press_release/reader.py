"""The Pelican adapter: a thin reader around parse.parse_release()."""

from __future__ import annotations

import logging
import os
import subprocess
from datetime import UTC, datetime
from functools import cached_property, lru_cache, partial
from html import escape
from pathlib import Path
from zoneinfo import ZoneInfo

from pelican.readers import BaseReader
from pelican.urlwrappers import URLWrapper
from pelican.utils import SafeDatetime
from unidecode import unidecode

from .errors import PressReleaseError
from .features import report, sources
from .features.datelines import display_dateline, restyle_body
from .features.reporters import Reporters
from .messages import Message, load, plain
from .parse import parse_release
from .parse.release import shown_title
from .parse.slugs import SLUG_MAX, slugify
from .settings import config_from
from .state import BuildState

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

    def process_metadata(self, name, value):
        # Pelican's file-name date ("2024-03-12-judul.txt", FILENAME_METADATA) arrives as
        # a string bound for dateutil, a tenth of a millisecond each; ISO needs no parser.
        if name == "date" and isinstance(value, str):
            try:
                if len(value) == 10:
                    return SafeDatetime.fromisoformat(value)
                return super().process_metadata(name, value)
            except (ValueError, OverflowError):
                # "2024-02-31-judul.txt": no such day. Pelican would stop on the file; the
                # parser names the bad date in a warning and read() dates the release.
                return None
        return super().process_metadata(name, value)

    @cached_property
    def config(self):
        return config_from(self.settings)

    @cached_property
    def reporters(self) -> Reporters:
        return Reporters.of(self.settings)

    def _wrapper(self, name: str, value: str):
        """One Category/Author/Tag object per name for the whole build.

        Pelican makes a new one for each release, and each computes its slug (unidecode
        and regexes) again: thousands of times for one region or reporter.
        """
        key = (name, value)
        wrapper = self._wrappers.get(key)
        if wrapper is None:
            wrapper = self._wrappers[key] = capped(self.process_metadata(name, value), name)
        return wrapper

    def _dated(self, date: datetime, metadata: dict, date_type: type) -> SafeDatetime:
        """The date as Pelican's Content will hold it: in the release's time zone (Content
        sets the same one on a naive date), of the build's `date_type` (state.py)."""
        zone = metadata.get("timezone", self.settings.get("TIMEZONE", "UTC"))
        tzinfo = date.tzinfo
        if tzinfo is None and zone and isinstance(zone, str):
            try:
                tzinfo = ZoneInfo(zone)
            except (KeyError, ValueError, OSError):  # ZoneInfoNotFoundError is a KeyError
                return SafeDatetime.combine(date.date(), date.time())  # Pelican will say why
        return date_type.combine(date.date(), date.time(), tzinfo)

    def read(self, source_path):
        """The file's body HTML and metadata, from the values prepare() gives (or the
        build's own ``prepare``, see state.py)."""
        path = self.settings.get("PATH", ".")
        if source_path.startswith(path) and source_path[len(path) : len(path) + 1] == os.sep:
            name = source_path[len(path) + 1 :]  # os.path.relpath of a path inside PATH
        else:
            name = os.path.relpath(source_path, path)
        state = BuildState.of(self.settings)
        if state.sources is None:
            state.sources = sources.Sources(self.settings)
        refused = state.sources.refusal(source_path)
        if refused:
            return self._skipped(state, source_path, name, refused)
        try:
            prepared = (state.prepare or prepare)(source_path, name, self.config)
            return self._finish(state, source_path, name, prepared)
        except Exception as exc:  # noqa: BLE001 - one broken file never stops the build
            logger.debug("press_release: %s", name, exc_info=True)
            reason = Message(
                "the reader failed on this file (%(error)s); the other releases are "
                "published: please report this file to the site's maintainers",
                error=f"{type(exc).__name__}: {exc}",
            )
            return self._skipped(state, source_path, name, reason)

    def _skipped(self, state, source_path, name, reason):
        report.skip(state, name, reason, path=source_path)
        return "", {"status": self.process_metadata("status", "skip")}

    def _finish(self, state, source_path, name, prepared):
        """The article's content and metadata from prepare()'s values: warnings logged,
        the report told, categories and authors as the build's one object per name."""
        if "error" in prepared:
            return self._skipped(state, source_path, name, load(prepared["error"]))
        warnings = [load(warning) for warning in prepared["warnings"]]
        report.tell(state, name, source_path, prepared["title"], warnings,
                    prepared["status"] or "", unchanged=bool(prepared.get(UNCHANGED)))  # fmt: skip
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
        fields = prepared["fields"]
        # Only known reporters are people with a page (features/reporters.py).
        if codes := self.reporters.authors(fields.get("reporters"), prepared["authors"]):
            metadata["authors"] = [self._wrapper("author", code) for code in codes]
        elif self.settings.get("AUTHOR"):
            # Pelican would make the site's AUTHOR this release's reporter, with a page.
            metadata["author"] = self._wrapper("author", self.settings["AUTHOR"])
            metadata["authors"] = []
        if prepared["tags"]:
            tags = self.process_metadata("tags", ", ".join(prepared["tags"]))
            metadata["tags"] = [capped(t, "tag") for t in tags] if isinstance(tags, list) else tags
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
        metadata["date"] = self._dated(date, metadata, state.date_type)
        metadata["date_source"] = source
        return prepared["body_html"], metadata


def capped(wrapper, kind: str):
    """A Category, Author or Tag whose slug fits in a file name.

    Pelican's own slug (URLWrapper.slug) is kept where it can be neither too long nor
    empty; otherwise the wrapper takes the parser's capped slug (parse.slugs), set
    before Pelican computes its own, which would warn about an empty one.
    """
    if not isinstance(wrapper, URLWrapper):
        return wrapper  # Pelican discards an empty name
    name = wrapper.name
    ascii_name = unidecode(name)  # Pelican's slug is this, less and shorter
    if len(ascii_name) <= SLUG_MAX and any(ch.isalnum() for ch in ascii_name):
        return wrapper
    wrapper.slug = slugify(name, fallback=_URL_WORDS.get(kind, kind))
    return wrapper


# The fallback slug's word for each kind of wrapper, in the site's language (kategori/...).
_URL_WORDS = {"category": "kategori", "author": "reporter", "tag": "label"}


@lru_cache(maxsize=1024)
def _place_slug(place: str) -> str:
    """The slug of a dateline's place: a site's places recur in release after release."""
    return slugify(place)


# A key a build's own ``prepare`` (state.py) may add to its result: True when the file is
# unchanged since the last build, whose log gave its messages then (report.tell).
UNCHANGED = "unchanged"


def prepare(source_path: str, name: str, config) -> dict:
    """Read and parse one release file: what its article needs, as plain values only
    (str, list, dict, tuple, None), so that they can be kept or sent to another process
    (the speed layer does both). `name` is the file's path relative to the content
    folder."""
    try:
        with open(source_path, "rb") as file:
            raw = file.read()
    except OSError as exc:
        reason = Message(
            "cannot read the file (%(reason)s): check that it exists and that you may read it",
            reason=exc.strerror,
        )
        return {"error": plain(reason)}
    return prepare_bytes(raw, source_path, name, config)


def prepare_bytes(raw: bytes, source_path: str, name: str, config) -> dict:
    """prepare() of a file's bytes."""
    try:
        release = parse_release(raw, os.path.basename(source_path), config)
    except PressReleaseError as exc:
        return {"error": plain(exc.message)}
    title = shown_title(release, Path(name).stem)
    body = release.body_html
    if release.dateline_text:  # one display form, the source kept (features/datelines.py)
        shown = display_dateline(release.dateline_text, release.dateline, release.dateline_agency)
        body = restyle_body(body, release.dateline_text, shown)
    date = release.date
    if date is not None and date.tzinfo is None:  # the parser's dates are naive
        date = (date.year, date.month, date.day, date.hour, date.minute, date.second,
                date.microsecond)  # fmt: skip
    return {
        # plain data (messages.plain): the speed layer keeps these values as marshal data
        "warnings": [plain(warning) for warning in release.warnings],
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
                ("dateline_source", release.dateline_text),
                ("byline", release.byline),
                ("reporters", release.reporters),
                ("desk", release.desk),
                ("dek", release.dek),
                ("captions", release.captions),
                ("credits", release.credits),
                ("credited_reporters", release.credited_reporters),
                ("old_url", release.old_url),
                # Header lines about photos ("Alt 2: ..."), for features/photos.py
                ("photo_header", _photo_header(release.header) if release.header else None),
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
        "body_html": body,
    }


class NotAReleaseReader(BaseReader):
    """Stands in for another reader (Markdown, HTML, ...): it reads the page folders'
    files as that reader does, and skips, with the reason, such a file anywhere else
    (among the releases): its metadata (``Save_as: index.html``) and raw HTML never
    reach the site."""

    enabled = True
    file_extensions: list[str] = []  # made for one extension at a time (add_reader)

    def __init__(self, settings, inner_class: type = BaseReader):
        super().__init__(settings)
        self.inner = inner_class(settings)

    def process_metadata(self, name, value):
        return self.inner.process_metadata(name, value)

    def read(self, source_path):
        path = self.settings.get("PATH", ".")
        if sources.in_page_folder(source_path, self.settings):
            return self.inner.read(source_path)
        name = os.path.relpath(source_path, path)
        state = BuildState.of(self.settings)
        report.skip(state, name, sources.not_a_release(source_path), path=source_path)
        return "", {"status": self.process_metadata("status", "skip")}


def _photo_header(header: dict[str, str]) -> dict[str, str]:
    return {key: value for key, value in header.items() if key.startswith("photo_")}


def add_reader(readers) -> None:
    """`readers_init` signal: claim the configured extensions, in any letter case; other
    readers read only the page folders (NotAReleaseReader)."""
    extensions = set()
    for extension in config_from(readers.settings).extensions:
        for variant in sources.case_variants(extension):
            readers.reader_classes[variant] = PressReleaseReader
            extensions.add(variant)
    for extension, reader_class in list(readers.reader_classes.items()):
        if extension in extensions or not reader_class or reader_class is BaseReader:
            continue  # BaseReader reads static files ("static"): they stay as they are
        # Pelican calls each class with the settings: a partial, not a subclass, which
        # Pelican would find among BaseReader's subclasses for every later build.
        readers.reader_classes[extension] = partial(NotAReleaseReader, inner_class=reader_class)
