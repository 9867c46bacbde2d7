"""The build report: every release file with its status, and a one-line summary.

During a build the reader records each file it reads (``record``) and the slug step
adds its warnings (``add_warning``). When the generators are done, files Pelican
itself failed on (an unknown status, an unexpected error) are added as skipped, and
releases served from Pelican's cache are taken from their metadata. At ``finalized``
the report is written to ``press-release-report.json`` in the output folder (a JSON
file: no sitemap entry, no search-index entry) and one line is printed::

    15 rilis diterbitkan, 2 dengan peringatan, 1 dilewati

"N rilis diterbitkan" counts every published release, those with warnings included;
"M dengan peringatan" says how many of them had warnings; "K dilewati" counts files
that did not become a page. `python -m press_release check` gives the same statuses.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from pelican import signals
from pelican.generators import ArticlesGenerator

logger = logging.getLogger(__name__)

PUBLISHED = "published"
WARNED = "published with warnings"
SKIPPED = "skipped"
DRAFT = "draft"
HIDDEN = "hidden"


REPORT_NAME = "press-release-report.json"
# Set PRESS_RELEASE_REPORT = None (publishconf.py) to keep the report out of the output.
REPORT_SETTING = "PRESS_RELEASE_REPORT"

# Source path relative to the content folder -> record; filled during one build.
_records: dict[str, dict] = {}
_read_paths: set[str] = set()  # source paths the reader recorded in this build
# Warnings for files not recorded yet: a release served from Pelican's content cache is
# recorded only when the generators are done (collect), after the slug step warned.
_late: dict[str, list[str]] = {}


def status_of(warnings: list[str], error: str | None = None, pelican_status: str = "") -> str:
    """The one status shown by the build report and by `check`."""
    if error is not None or pelican_status == "skip":
        return SKIPPED
    if pelican_status in (DRAFT, HIDDEN):
        return pelican_status
    return WARNED if warnings else PUBLISHED


def summary_line(statuses: list[str]) -> str:
    """ "15 rilis diterbitkan, 2 dengan peringatan, 1 dilewati" (drafts only when any)."""
    published = sum(s in (PUBLISHED, WARNED) for s in statuses)
    warned = statuses.count(WARNED)
    skipped = statuses.count(SKIPPED)
    line = f"{published} rilis diterbitkan, {warned} dengan peringatan, {skipped} dilewati"
    drafts = sum(s in (DRAFT, HIDDEN) for s in statuses)
    return line + (f", {drafts} draf" if drafts else "")


def _key(path: str) -> str:
    return os.path.normpath(path).replace(os.sep, "/")


def record(
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
    warnings = list(warnings or []) + _late.pop(key, [])
    if path is not None:
        _read_paths.add(path)
    _records[key] = {
        "source": key,
        "status": status_of(warnings, error, pelican_status),
        "title": title,
        "error": error,
        "warnings": warnings,
    }


def add_warning(source: str, warning: str) -> None:
    """A warning found after reading (a duplicate title): it joins the file's record."""
    entry = _records.get(_key(source))
    if entry is None:
        _late.setdefault(_key(source), []).append(warning)
        return
    entry["warnings"].append(warning)
    if entry["status"] == PUBLISHED:
        entry["status"] = WARNED


def reset(*_args) -> None:
    _records.clear()
    _read_paths.clear()
    _late.clear()


def collect(generators) -> None:
    """`all_generators_finalized`: add cached releases and files Pelican failed on."""
    for generator in generators:
        if not isinstance(generator, ArticlesGenerator):
            continue
        extensions = tuple(f".{e}" for e in generator.settings.get("PRESS_RELEASE_EXTENSIONS", []))
        for article in generator.articles + generator.drafts + generator.hidden_articles:
            if article.source_path in _read_paths:
                continue  # read in this build: recorded already
            source = _key(article.get_relative_source_path())
            if source.endswith(extensions) and source not in _records:
                record(
                    source,
                    title=article.title,
                    warnings=article.metadata.get("press_release_warnings", []),
                    pelican_status=article.status,
                )
        for source, content in generator.context.get("generated_content", {}).items():
            source = _key(source)
            if content is None and source.endswith(extensions) and source not in _records:
                record(source, error="Pelican could not process the file: see its error above")
            elif content is None and source in _records:
                entry = _records[source]
                if entry["status"] != SKIPPED:
                    entry["status"] = SKIPPED
                    entry["error"] = "Pelican could not process the file: see its error above"


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")


def write_report(pelican) -> None:
    """`finalized`: write the report to the output folder and print the summary."""
    records = [_records[key] for key in sorted(_records)]
    line = summary_line([r["status"] for r in records])
    name = pelican.settings.get(REPORT_SETTING, REPORT_NAME)
    if records and name:
        path = Path(pelican.output_path) / name
        # One file per line, written as it is encoded: readable in a diff, and 10,000
        # records never held as one string. "<" as \u003c: no markup if opened as HTML.
        with path.open("w", encoding="utf-8") as file:
            file.write(f'{{"summary": {_json(line)},\n "files": [\n')
            for index, entry in enumerate(records):
                file.write(("  " if index == 0 else ",\n  ") + _json(entry))
            file.write("\n]}\n")
    if records:
        print(f"press_release: {line}", flush=True)
    reset()


def register() -> None:
    signals.initialized.connect(reset)
    signals.all_generators_finalized.connect(collect)
    signals.finalized.connect(write_report)
