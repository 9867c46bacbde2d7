"""Old links keep working: redirects from an imported release's old address.

An imported release records the address it had on the old portal (``URL-Lama:`` in
its header, ``old_url`` on the article). With ``PRESS_RELEASE_OLD_SITE_URL`` set to the
old site's base address, each build maps those addresses to the releases' new ones:

- when the new site takes over the old site's host (or ``SITEURL`` is unset, as in a
  local build), a small redirect page is written at each old path: a meta refresh, a
  canonical link and a visible link, from ``templating/templates/redirect.html``;
- when the new site lives on another host, the build writes a CSV list (old address,
  new address) for the old host's server to redirect from; old addresses that no
  static page can answer (``index.php?id=12``) are listed there too.

A redirect page is never written outside the output folder, never over a page or file
the site itself writes (only over a redirect page of an earlier build), and only for
addresses under the old site's base. Each skipped address is named in a warning with
the release's file. What one build gathers lives in its BuildState (``redirects``).
"""

from __future__ import annotations

import csv
import io
import logging
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from ..messages import Message
from ..state import BuildState
from . import report

logger = logging.getLogger(__name__)

TEMPLATES = Path(__file__).resolve().parents[1] / "templating" / "templates"
# The generator meta of a redirect page: how a later build knows the file is its own.
MARKER = "press_release redirect"
# URL paths a redirect page can be written at: folders, and files ending in .html/.htm.
PAGE_SUFFIXES = (".html", ".htm")
# A path segment that must never reach the file system.
UNSAFE_SEGMENT = re.compile(r"^\.{1,2}$|[\\\x00-\x1f\x7f]|^[A-Za-z]:")


@dataclass(frozen=True)
class Moved:
    """A release that has an old address."""

    old_url: str
    url: str  # the article's URL relative to the site
    title: str  # plain text
    source: str  # the release's file, for messages


@dataclass(frozen=True)
class Redirect:
    path: str  # the file to write, relative to the output folder
    target: str
    title: str
    source: str


# Why an old address gets no redirect page, and what to change.
WARNINGS = {
    "outside": Message(
        "old URL %(old_url)s is not under PRESS_RELEASE_OLD_SITE_URL (%(base)s): no "
        "redirect; correct the URL-Lama line, or the setting"
    ),
    "not_static": Message(
        "old URL %(old_url)s cannot be answered by a static page: listed in the redirect "
        "CSV for the web server"
    ),
    "site_page": Message(
        "old URL %(old_url)s is a page of the new site (%(path)s): no redirect over it; "
        "remove the URL-Lama line if it is wrong"
    ),
    "claimed": Message(
        "old URL %(old_url)s is also the old URL of %(other)s: it redirects there; remove "
        "the URL-Lama line of the release it does not belong to"
    ),
    "site_file": Message(
        "old path %(path)s holds a file of the site: no redirect written over it; remove "
        "the URL-Lama line if it is wrong"
    ),
}


def warning(code: str, **values) -> Message:
    """The warning `code` of WARNINGS with its values."""
    return Message(WARNINGS[code].template, **values)


@dataclass
class Plan:
    pages: list[Redirect] = field(default_factory=list)
    rows: list[tuple[str, str]] = field(default_factory=list)  # (old address, new address)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (file, message)

    def warn(self, item: Moved, code: str, **values) -> None:
        self.warnings.append((item.source, warning(code, old_url=item.old_url, **values)))


# -- pure steps -------------------------------------------------------------------
def host_of(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None


def old_path(old_url: str, old_site: str) -> str | None:
    """The path of `old_url` below the old site's base, or None when outside it."""
    old, base = urlsplit(old_url.strip()), urlsplit(old_site.strip())
    if host_of(old_url) is None or host_of(old_url) != host_of(old_site):
        return None
    prefix = base.path.rstrip("/") + "/"
    path = old.path or "/"
    if not (path + ("/" if not path.endswith("/") else "")).startswith(prefix):
        return None
    relative = path[len(prefix) :] if path.startswith(prefix) else ""
    return relative + (f"?{old.query}" if old.query else "")


def output_file(relative: str) -> str | None:
    """The file a static server answers `relative` (a URL path) with, or None when no
    safe static file can: a query string, another extension, a "..", a control character."""
    if "?" in relative:
        return None
    segments = [unquote(s) for s in relative.split("/")]
    folder = relative.endswith("/") or relative == ""
    segments = [s for s in segments if s != ""]
    if any(UNSAFE_SEGMENT.search(s) or "/" in s for s in segments):
        return None
    if not segments:
        return None  # the old home page: the new site has its own
    last = segments[-1]
    if folder or "." not in last:
        return "/".join([*segments, "index.html"])
    if last.lower().endswith(PAGE_SUFFIXES):
        return "/".join(segments)
    return None


def absolute(site_url: str, url: str) -> str:
    return f"{site_url.rstrip('/')}/{url.lstrip('/')}"


def relative_target(page: str, url: str) -> str:
    """`url` (relative to the site root) as seen from the redirect file `page`."""
    start = posixpath.dirname(page) or "."
    target = posixpath.relpath(url.rstrip("/") or ".", start)
    return target + "/" if url.endswith("/") and target != "." else target


def choose_mode(mode: str, old_site: str, site_url: str) -> tuple[bool, bool]:
    """``(write pages, write the CSV list)``."""
    if mode == "off":
        return False, False
    if mode == "auto":
        same = not site_url or host_of(site_url) == host_of(old_site)
        return same, not same
    return mode in ("pages", "both"), mode in ("csv", "both")


def plan(moved: list[Moved], old_site: str, site_url: str, mode: str,
         site_files: set[str]) -> Plan:  # fmt: skip
    """Which old addresses become redirect pages and CSV rows. `site_files` are the
    output files the site writes itself (never replaced by a redirect)."""
    pages_on, csv_on = choose_mode(mode, old_site, site_url)
    result = Plan()
    claimed: dict[str, str] = {}
    for item in sorted(moved, key=lambda m: (m.source, m.old_url)):
        relative = old_path(item.old_url, old_site)
        new_url = absolute(site_url, item.url) if site_url else "/" + item.url.lstrip("/")
        if relative is None:
            result.warn(item, "outside", base=old_site)
            continue
        if csv_on:
            result.rows.append((item.old_url, new_url))
        if not pages_on:
            continue
        path = output_file(relative)
        if path is None:
            if not csv_on:
                result.rows.append((item.old_url, new_url))
            result.warn(item, "not_static")
            continue
        own = item.url.lstrip("/")
        if path in (own, posixpath.join(own, "index.html")):
            continue  # the release keeps its old address
        if path in site_files:
            result.warn(item, "site_page", path=path)
            continue
        if path in claimed:
            result.warn(item, "claimed", other=claimed[path])
            continue
        claimed[path] = item.source
        target = absolute(site_url, item.url) if site_url else relative_target(path, item.url)
        result.pages.append(Redirect(path, target, item.title, item.source))
    return result


def csv_text(rows: list[tuple[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("old_url", "new_url"))
    writer.writerows(rows)
    return out.getvalue()


# -- the build --------------------------------------------------------------------
@dataclass
class RedirectBuild:
    """The state of one build: the releases with an old address, the site's own files."""

    settings: dict
    output: Path
    moved: list[Moved] = field(default_factory=list)
    # The generators' content: the files it writes are looked up only when a redirect
    # is to be written (site_files), most builds have none.
    contents: list = field(default_factory=list)

    def collect(self, generator) -> None:
        """Releases with an old address, and the generator's content."""
        contents = [
            *getattr(generator, "articles", []),
            *getattr(generator, "hidden_articles", []),
            *getattr(generator, "pages", []),
            *getattr(generator, "hidden_pages", []),
        ]
        self.contents.extend(contents)
        for content in contents:
            old_url = getattr(content, "old_url", None)
            if isinstance(old_url, str) and old_url.strip():
                title = Markup(getattr(content, "title", "")).striptags()
                source = getattr(content, "relative_source_path", None) or content.source_path
                self.moved.append(Moved(old_url.strip(), content.url, title, str(source)))

    def site_files(self) -> set[str]:
        """The files the site's content writes."""
        files = set()
        for content in self.contents:
            if save_as := getattr(content, "save_as", None):
                files.add(posixpath.normpath(save_as))
        return files

    def write(self, state: BuildState) -> None:
        old_site = self.settings["PRESS_RELEASE_OLD_SITE_URL"]
        mode = self.settings["PRESS_RELEASE_REDIRECTS"]
        csv_path = self.settings["PRESS_RELEASE_REDIRECTS_CSV"]
        if old_site is None or not self.moved:
            return
        site_url = self.settings.get("SITEURL") or ""
        result = plan(self.moved, old_site, site_url, mode, self.site_files())
        for source, message in result.warnings:
            report.warn(state, source, message)
        env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape())
        template = env.get_template("redirect.html")
        lang = self.settings.get("DEFAULT_LANG") or "id"
        root = self.output.resolve()
        written = 0
        for redirect in result.pages:
            target = (root / redirect.path).resolve()
            if not target.is_relative_to(root) or target == root:
                continue
            if target.exists() and not _is_redirect_page(target):
                message = warning("site_file", path=redirect.path)
                report.warn(state, redirect.source, message)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            page = template.render(
                target=redirect.target, title=redirect.title, lang=lang, marker=MARKER
            )
            target.write_text(page, encoding="utf-8")
            written += 1
        if result.rows:
            (self.output / csv_path).write_text(csv_text(result.rows), encoding="utf-8")
        logger.info(
            "press_release: %d redirect page(s), %d redirect list row(s)", written, len(result.rows)
        )


def _is_redirect_page(path: Path) -> bool:
    try:
        with path.open("rb") as file:
            head = file.read(512)
    except OSError:
        return False
    return MARKER.encode() in head


def start(pelican) -> None:
    """`get_generators` (after the state is made): this build's redirects."""
    state = BuildState.of(pelican.settings)
    if pelican.settings["PRESS_RELEASE_OLD_SITE_URL"] is None:
        # No old site: nothing to redirect, no release's address to collect (computing
        # every address here took a tenth of a rebuild at 10,000 releases).
        state.redirects = None
        return
    state.redirects = RedirectBuild(pelican.settings, Path(pelican.output_path))


def collect(generator) -> None:
    """`article_generator_finalized`, `page_generator_finalized`."""
    build = BuildState.of(generator.settings).redirects
    if build is not None:
        build.collect(generator)


def finish(pelican) -> None:
    """`finalized`: every page is on disk; the redirects go where none is."""
    state = BuildState.of(pelican.settings)
    if state.redirects is not None:
        state.redirects.write(state)
