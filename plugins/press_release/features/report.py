"""The build report: every release file with its status, and a one-line summary.

During a build the reader records each file it reads (``record``) and the slug step
adds its warnings (``add_warning``). When the generators are done (``collect``), files
Pelican itself failed on (an unknown status, an unexpected error) are added as skipped,
and releases served from Pelican's cache are taken from their metadata. At the end of
the build (``write_report``) the report is written beside the output folder (never in
it: it names drafts and files that are not published) and one line is printed::

    15 rilis diterbitkan, 2 dengan peringatan, 1 dilewati

"N rilis diterbitkan" counts every published release, those with warnings included;
"M dengan peringatan" says how many of them had warnings; "K dilewati" counts files
that did not become a page. ``python -m press_release check`` gives the same statuses.
The records live in the build's state (state.py).

Every message is a ``messages.Message``, shown in the build's language (DEFAULT_LANG):
the log and the report's ``messages`` in that language, the report's ``warnings`` and
``error`` in English (stable for tools).
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from pelican.generators import ArticlesGenerator

from ..messages import Message, language, load, render
from ..state import BuildState

logger = logging.getLogger(__name__)

PUBLISHED = "published"
WARNED = "published with warnings"
SKIPPED = "skipped"
DRAFT = "draft"
HIDDEN = "hidden"
SCHEDULED = "scheduled"  # dated ahead: kept back until its date and time
KEPT_BACK = (DRAFT, HIDDEN, SCHEDULED)
# The statuses as an author reads them (the report's "status" keeps the English word).
STATUS_NAMES = {
    PUBLISHED: Message("published"),
    WARNED: Message("published with warnings"),
    SKIPPED: Message("skipped"),
    DRAFT: Message("draft"),
    HIDDEN: Message("hidden"),
    SCHEDULED: Message("scheduled"),
}

# Author problems (a missing dateline, an unreadable file) are logged at this level,
# between INFO and WARNING: shown by a plain `pelican content`, never counted by
# `--fatal warnings`, which is for site problems (settings, templates, code).
AUTHOR = 25
logging.addLevelName(AUTHOR, "AUTHOR")
author_log = logging.getLogger("press_release.author")


def show_author_messages(pelican) -> None:
    """`initialized`: author messages are shown unless the log is quieter than warnings
    (``pelican -q``)."""
    root = logging.getLogger().getEffectiveLevel()
    author_log.setLevel(AUTHOR if root <= logging.WARNING else root)


def tell(
    state: BuildState,
    name: str,
    source_path: str,
    title: str | None,
    warnings: list[str],
    status: str,
    unchanged: bool = False,
) -> None:
    """Log a release's warnings for its author and record it in the build report, as read
    in this build (or taken unchanged from the last one: speed/article_cache.py).

    The warnings of a file `unchanged` since the last build (the speed layer knows) were
    logged when it was read: they go to the report, and the log counts them in one line
    at the end (unchanged_line). An archive of 100,000 releases may have 10,000 of them,
    which no one reads in every build's log, and each takes Pelican's log about 2 ms."""
    warnings = [load(warning) for warning in warnings]  # plain data from prepare() too
    if unchanged and warnings:
        state.unchanged_warned[0] += 1
        state.unchanged_warned[1] += len(warnings)
    else:
        lang = language(state.settings)
        for warning in warnings:
            author_log.log(AUTHOR, "press_release: %s: %s", name, render(warning, lang))
    record(state, name, title=title, warnings=warnings, pelican_status=status, path=source_path)


def unchanged_line(state: BuildState, report: Path | None) -> Message | None:
    """The log's line for the warnings of unchanged releases (tell), or None."""
    releases, warnings = state.unchanged_warned
    if not releases:
        return None
    where = report.name if report is not None else "python -m press_release check"
    return Message(
        "%(releases)s releases unchanged since the last build still have %(warnings)s "
        "warnings, not repeated here: see %(where)s",
        releases=releases, warnings=warnings, where=where,
    )  # fmt: skip


def skip(state: BuildState, name: str, reason: str, path: str | None = None) -> None:
    """A file that does not become a page, with the reason, for its author."""
    shown = render(Message("skipped: %(reason)s", reason=reason), language(state.settings))
    author_log.log(AUTHOR, "press_release: %s: %s", name, shown)
    record(state, name, error=reason, path=path)


def warn(state: BuildState, name: str, warning: str) -> None:
    """A warning found after reading (a shared URL), for the file's author."""
    author_log.log(AUTHOR, "press_release: %s: %s", name, render(warning, language(state.settings)))
    add_warning(state, name, warning)


def keep_back(state: BuildState, name: str, status: str, reason: str) -> None:
    """A release that is not published now (draft, hidden, scheduled), with the reason."""
    shown = Message("kept back (%(status)s): %(reason)s", status=STATUS_NAMES[status],
                    reason=reason)  # fmt: skip
    author_log.log(AUTHOR, "press_release: %s: %s", name, render(shown, language(state.settings)))
    entry = state.records.get(_key(name))
    if entry is None:
        record(state, name, pelican_status=status)
        entry = state.records[_key(name)]
    entry["status"] = status
    entry["kept_back"] = reason


def status_of(warnings: list[str], error: str | None = None, pelican_status: str = "") -> str:
    """The one status shown by the build report and by `check`."""
    if error is not None or pelican_status == "skip":
        return SKIPPED
    if pelican_status in KEPT_BACK:
        return pelican_status
    return WARNED if warnings else PUBLISHED


def summary_line(statuses: list[str], lang: str = "id") -> str:
    """ "15 rilis diterbitkan, 2 dengan peringatan, 1 dilewati" (drafts only when any),
    in `lang`."""
    line = render(summary(statuses), lang)
    return line


def summary(statuses: list[str]) -> Message:
    """The summary line as a message."""
    published = sum(s in (PUBLISHED, WARNED) for s in statuses)
    counts = {
        "published": published,
        "warned": statuses.count(WARNED),
        "skipped": statuses.count(SKIPPED),
    }
    line = Message("%(published)s published, %(warned)s with warnings, %(skipped)s skipped",
                   **counts)  # fmt: skip
    drafts = sum(s in (DRAFT, HIDDEN) for s in statuses)
    scheduled = statuses.count(SCHEDULED)
    if drafts:
        line = Message("%(line)s, %(drafts)s drafts", line=line, drafts=drafts)
    if scheduled:
        line = Message("%(line)s, %(scheduled)s scheduled", line=line, scheduled=scheduled)
    return line


def _key(path: str) -> str:
    return os.path.normpath(path).replace(os.sep, "/")


def record(
    state: BuildState,
    source: str,
    *,
    title: str | None = None,
    warnings: list[str] | None = None,
    error: str | None = None,
    pelican_status: str = "",
    path: str | None = None,
) -> None:
    """The reader's verdict on one file (`source` relative to the content folder).

    `path` is the file's full path as Pelican gave it to the reader.
    """
    key = _key(source)
    warnings = list(warnings or []) + state.late_warnings.pop(key, [])
    if path is not None:
        state.read_paths.add(path)
    state.records[key] = {
        "source": key,
        "status": status_of(warnings, error, pelican_status),
        "title": title,
        "error": error,
        "warnings": warnings,
    }


def add_warning(state: BuildState, source: str, warning: str) -> None:
    """A warning found after reading (a duplicate title): it joins the file's record."""
    entry = state.records.get(_key(source))
    if entry is None:
        state.late_warnings.setdefault(_key(source), []).append(warning)
        return
    entry["warnings"].append(warning)
    if entry["status"] == PUBLISHED:
        entry["status"] = WARNED


def collect(generators) -> None:
    """`all_generators_finalized`: add cached releases and files Pelican failed on."""
    for generator in generators:
        if not isinstance(generator, ArticlesGenerator):
            continue
        state = BuildState.of(generator.settings)
        extensions = tuple(f".{e}" for e in generator.settings["PRESS_RELEASE_EXTENSIONS"])
        for article in generator.articles + generator.drafts + generator.hidden_articles:
            if article.source_path in state.read_paths:
                continue  # read in this build: recorded already
            source = _key(article.get_relative_source_path())
            if source.lower().endswith(extensions) and source not in state.records:
                record(
                    state,
                    source,
                    title=article.title,
                    warnings=article.metadata.get("press_release_warnings", []),
                    pelican_status=article.status,
                )
        for source, content in generator.context.get("generated_content", {}).items():
            source = _key(source)
            failed = Message(
                "Pelican could not process the file: see its error above, and correct "
                "what it names in the file"
            )
            if content is None and source.lower().endswith(extensions):
                entry = state.records.get(source)
                if entry is None:
                    record(state, source, error=failed)
                elif entry["status"] != SKIPPED:
                    entry["status"] = SKIPPED
                    entry["error"] = failed


def report_path(settings: dict, output_path: str) -> Path | None:
    """Where the report goes: beside the output folder, never inside it (None: no report)."""
    name = settings.get("PRESS_RELEASE_REPORT")
    if not name:
        return None
    output = Path(os.path.realpath(output_path))
    path = Path(os.path.realpath(output.parent / name))
    if path == output or path.is_relative_to(output) or not path.is_relative_to(output.parent):
        logger.error(
            "press_release: PRESS_RELEASE_REPORT %r would be written inside the public "
            "output folder or outside its parent: no report written",
            name,
        )
        return None
    return path


def sorted_records(state: BuildState) -> list[dict]:
    return [state.records[key] for key in sorted(state.records)]


def shown_record(entry: dict, lang: str) -> dict:
    """A report entry with its messages also in the build's language: ``messages`` (the
    warnings, then the error or the reason a release is kept back)."""
    said = list(entry.get("warnings") or [])
    said += [entry[key] for key in ("error", "kept_back") if entry.get(key)]
    if not said:
        return entry
    return {**entry, "messages": [render(message, lang) for message in said]}


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")


def write_report(pelican) -> None:
    """`finalized`: write the report beside the output folder and print the summary."""
    state = BuildState.of(pelican.settings)
    lang = language(pelican.settings)
    records = [shown_record(entry, lang) for entry in sorted_records(state)]
    line = summary_line([r["status"] for r in records], lang)
    path = report_path(pelican.settings, pelican.output_path)
    unchanged = unchanged_line(state, path)
    if unchanged is not None:
        author_log.log(AUTHOR, "press_release: %s", render(unchanged, lang))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        # One file per line, written as it is encoded: readable in a diff, and 10,000
        # records never held as one string. "<" as \u003c: no markup if opened as HTML.
        with path.open("w", encoding="utf-8") as file:
            file.write(f'{{"summary": {_json(line)},\n "files": [\n')
            for index, entry in enumerate(records):
                file.write(("  " if index == 0 else ",\n  ") + _json(entry))
            file.write("\n]}\n")
    print(f"press_release: {line}", flush=True)
