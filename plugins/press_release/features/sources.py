"""Which files are releases, and what never reaches the public site.

A release is a file with a release extension (``PRESS_RELEASE_EXTENSIONS``, any letter
case) in the article folders of ``content/``. The build and ``check`` apply the same
rules to every file, so they agree on each one's status:

- a file reached through a symbolic link (the file itself or a folder above it, inside
  ``content/``) is skipped: a link may lead outside the repository (``/etc/passwd``), or
  back into ``content/`` (every release again, through a loop);
- a release file in a page folder (``content/pages/``) is skipped: pages are Markdown;
- a file another reader would read (Markdown, HTML) among the releases is skipped:
  Markdown belongs in ``content/pages/`` (raw HTML and ``Save_as:`` could replace any
  page of the site);
- drafts, hidden releases and releases dated ahead are kept back: no page, no list, no
  feed, sitemap or search entry until they are published (``keep_back``).
"""

from __future__ import annotations

import itertools
import os
from datetime import datetime

from ..messages import Message
from ..state import BuildState
from . import report

LINKED_FOLDER = Message(
    "a link to a folder (a symbolic link in content/): it is not followed, and the files "
    "it leads to are not published; copy the releases themselves into content/"
)
LINKED = Message(
    "the file is reached through a link (a symbolic link in content/): links are not "
    "followed; copy the release itself into content/"
)


def in_pages(folder: str) -> Message:
    return Message(
        "the file is in a page folder (%(folder)s): pages are Markdown files; move the "
        "release to content/",
        folder=folder,
    )


def not_a_release(source_path: str) -> Message:
    """The reason a file of another reader among the releases is skipped."""
    extension = os.path.splitext(source_path)[1][1:].lower()
    markdown = extension in ("md", "markdown", "mkd", "mdown")
    return Message(
        "a %(kind)s file among the releases is not published: releases are .txt files, and "
        "Markdown pages belong in content/pages/",
        kind="Markdown" if markdown else f".{extension}",
    )


def case_variants(extension: str) -> list[str]:
    """Every letter case of an extension ("txt", "TXT", "Txt", ...): Pelican matches
    extensions exactly, and authors' files come as they come."""
    pairs = [{c.lower(), c.upper()} for c in extension]
    return sorted({"".join(chars) for chars in itertools.product(*pairs)})


def refusal(source_path: str, settings: dict) -> str | None:
    """Why the file at `source_path` is not read as a release, or None."""
    return Sources(settings).refusal(source_path)


def in_page_folder(source_path: str, settings: dict) -> str | None:
    """The page folder (``PAGE_PATHS``) holding the file, or None."""
    return Sources(settings).page_folder(_relative(source_path, _root(settings)))


class Sources:
    """:func:`refusal` for the files of one build: the content folder resolved once, and
    each folder's links looked for once (the reader keeps one in the build's state)."""

    def __init__(self, settings: dict):
        self.root = _root(settings)
        self.page_folders = [
            folder
            for folder in map(os.path.normpath, settings.get("PAGE_PATHS", ()))
            if folder not in (".", "")
        ]
        self.linked: dict[str, bool] = {}  # folder -> it or a folder above it is a link

    def refusal(self, source_path: str) -> str | None:
        relative = _relative(source_path, self.root)
        if relative.startswith(os.pardir):
            return LINKED
        folder, _, _name = relative.rpartition(os.sep)
        if (folder and self._linked(folder)) or os.path.islink(os.path.join(self.root, relative)):
            return LINKED
        found = self.page_folder(relative)
        return in_pages(f"content/{found}/") if found else None

    def _linked(self, folder: str) -> bool:
        """Whether `folder` (relative to the root) or a folder above it is a link."""
        linked = self.linked.get(folder)
        if linked is None:
            above, _, _name = folder.rpartition(os.sep)
            linked = (bool(above) and self._linked(above)) or os.path.islink(
                os.path.join(self.root, folder)
            )
            self.linked[folder] = linked
        return linked

    def page_folder(self, relative: str) -> str | None:
        for folder in self.page_folders:
            if relative.startswith(folder + os.sep):
                return folder
        return None


def _root(settings: dict) -> str:
    return os.path.abspath(settings.get("PATH", "."))


def _relative(source_path: str, root: str) -> str:
    """``os.path.relpath(os.path.abspath(source_path), root)``, sooner inside `root`."""
    path = os.path.abspath(source_path)
    if path.startswith(root) and path[len(root) : len(root) + 1] == os.sep:
        return path[len(root) + 1 :]
    return os.path.relpath(path, root)


def linked_folders(root: str) -> list[str]:
    """The symbolic links to folders under `root`, relative to it (not followed)."""
    found = []
    for dirpath, dirs, _files in os.walk(root):
        for name in sorted(dirs):
            if os.path.islink(os.path.join(dirpath, name)):
                found.append(os.path.relpath(os.path.join(dirpath, name), root))
    return sorted(found)


_LINKS_KEY = "_press_release_linked_folders"  # in the settings: those excluded last time


def exclude_linked_folders(pelican) -> None:
    """`get_generators`: Pelican follows links to folders (a loop would publish every
    release again and again): each is excluded from the build and reported once."""
    settings = pelican.settings
    links = linked_folders(settings["PATH"]) if os.path.isdir(settings["PATH"]) else []
    before = settings.get(_LINKS_KEY, [])
    for key in ("ARTICLE_EXCLUDES", "PAGE_EXCLUDES", "STATIC_EXCLUDES"):
        kept = [e for e in settings.get(key, []) if e not in before]
        settings[key] = kept + links
    settings[_LINKS_KEY] = links
    state = BuildState.of(settings)
    for link in links:
        report.skip(state, link, LINKED_FOLDER)


def _name(generator, content) -> str:
    return os.path.relpath(content.source_path, generator.path)


def keep_back(generator) -> None:
    """`article_generator_pretaxonomy` (first): what is not public leaves the generator.

    Drafts, hidden releases and those dated ahead get no page, list entry, feed, sitemap
    or search entry (Pelican would write drafts to ``drafts/`` and hidden releases to
    their URL); articles of other readers among the releases are skipped. Each is in the
    build report with the reason.
    """
    state = BuildState.of(generator.settings)
    extensions = {e.lower() for e in generator.settings["PRESS_RELEASE_EXTENSIONS"]}
    now = datetime.now().astimezone()

    def is_release(article) -> bool:
        extension = os.path.splitext(article.source_path)[1][1:].lower()
        if extension in extensions:
            return True
        report.skip(state, _name(generator, article), not_a_release(article.source_path))
        return False

    generator.articles = [a for a in generator.articles if is_release(a)]
    generator.translations = [a for a in generator.translations if is_release(a)]
    for article in [*generator.drafts, *generator.drafts_translations]:
        if not is_release(article):
            continue
        date = getattr(article, "date", None)
        if article.metadata.get("status") != "draft" and date is not None and date > now:
            report.keep_back(
                state, _name(generator, article), report.SCHEDULED,
                Message(
                    "dated %(date)s: it is published by the first build after that time; "
                    "change its date to publish it sooner",
                    date=date.isoformat(timespec="minutes"),
                ),
            )  # fmt: skip
        else:
            report.keep_back(
                state, _name(generator, article), report.DRAFT,
                Message(
                    "Status: draft in its header: remove that line (or write 'Status: "
                    "published') to publish it"
                ),
            )  # fmt: skip
    for article in [*generator.hidden_articles, *generator.hidden_translations]:
        if is_release(article):
            report.keep_back(
                state, _name(generator, article), report.HIDDEN,
                Message("Status: hidden in its header: remove that line to publish it"),
            )  # fmt: skip
    generator.drafts, generator.drafts_translations = [], []
    generator.hidden_articles, generator.hidden_translations = [], []


def static_text(extension: str) -> Message:
    """Why a release file in a static folder is not published."""
    return Message(
        "a %(extension)s file in a static folder is not published as it is: move a release "
        "to content/ (a static text file must be listed in EXTRA_PATH_METADATA, as "
        "robots.txt is)",
        extension=extension,
    )


def check_static_files(generator) -> None:
    """`static_generator_finalized`: Pelican would copy a static folder's files as they
    are: none reached through a link (it may lead outside content/), and no release file
    (a draft in content/extra/ would be public raw text) unless the site lists it in
    ``EXTRA_PATH_METADATA`` (robots.txt)."""
    state = BuildState.of(generator.settings)
    extensions = {e.lower() for e in generator.settings["PRESS_RELEASE_EXTENSIONS"]}
    listed = set(generator.settings.get("EXTRA_PATH_METADATA", {}))
    kept = []
    for static in generator.staticfiles:
        name = os.path.relpath(static.source_path, generator.path)
        extension = os.path.splitext(name)[1][1:].lower()
        if refusal(static.source_path, generator.settings) == LINKED:
            report.skip(state, name, LINKED)
        elif extension in extensions and name.replace(os.sep, "/") not in listed:
            report.skip(state, name, static_text(f".{extension}"))
        else:
            kept.append(static)
    generator.staticfiles = kept
    generator.context["staticfiles"] = kept


def drop_draft_pages(generator) -> None:
    """`page_generator_finalized`: draft pages are not written either."""
    generator.draft_pages, generator.draft_translations = [], []
    generator.context["draft_pages"] = []


def no_future_dates(pelican) -> None:
    """`initialized`: a release dated ahead stays a draft (kept back) until its time."""
    pelican.settings["WITH_FUTURE_DATES"] = False
