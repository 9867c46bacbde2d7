"""The build report where GitHub Actions shows it (used when ``GITHUB_ACTIONS=true``).

- An annotation per message on the release's file (``::warning file=content/…::…``),
  shown on the run's page and on the commit's diff: each names what to change;
- a table in the job's summary (``$GITHUB_STEP_SUMMARY``): releases published, published
  with warnings, kept back and skipped, then every file with a message.

Annotations are not errors: the build's exit status says whether the site was built.
"""

from __future__ import annotations

import os
import sys

from ..messages import Message, language, render
from ..state import BuildState
from . import report


def publish(pelican) -> None:
    """`finalized`: under GitHub Actions, the report as annotations and job summary."""
    if os.environ.get("GITHUB_ACTIONS") != "true":
        return
    records = report.sorted_records(BuildState.of(pelican.settings))
    lang = language(pelican.settings)
    annotate(records, pelican.settings["PATH"], lang=lang)
    write_summary(records, report.summary_line([r["status"] for r in records], lang), lang)


def _escape_data(text: str) -> str:
    """A workflow command's message: %, CR and LF escaped as GitHub documents."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def file_path(source: str, content_path: str) -> str:
    """The file as the repository names it (relative to the workspace)."""
    workspace = os.environ.get("GITHUB_WORKSPACE") or os.getcwd()
    full = os.path.join(content_path, source)
    return os.path.relpath(os.path.abspath(full), os.path.abspath(workspace)).replace(os.sep, "/")


def messages(entry: dict, lang: str = "id") -> list[tuple[str, str]]:
    """(level, text) of each message of a report entry, in `lang`."""
    found = []
    if entry.get("error"):
        said = Message("skipped (not published): %(reason)s", reason=entry["error"])
        found.append(("warning", render(said, lang)))
    if entry.get("kept_back"):
        status = report.STATUS_NAMES.get(entry["status"], entry["status"])
        said = Message("kept back (%(status)s): %(reason)s", status=status,
                       reason=entry["kept_back"])  # fmt: skip
        found.append(("notice", render(said, lang)))
    found.extend(("warning", render(warning, lang)) for warning in entry.get("warnings", []))
    return found


def annotate(records: list[dict], content_path: str, out=None, lang: str = "id") -> None:
    """One workflow command per message, on the file it is about."""
    out = out or sys.stdout
    for entry in records:
        name = _escape_property(file_path(entry["source"], content_path))
        for level, text in messages(entry, lang):
            print(f"::{level} file={name},title=press_release::{_escape_data(text)}", file=out)
    out.flush()


def _cell(text) -> str:
    """Text for a Markdown table cell: no markup, no column break."""
    text = " ".join(str(text or "").split())
    for char, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("|", "&#124;")):
        text = text.replace(char, entity)
    return text.replace("`", "&#96;").replace("*", "&#42;").replace("_", "&#95;")


def summary_markdown(records: list[dict], line: str, lang: str = "id") -> str:
    statuses = [r["status"] for r in records]
    count = {
        "published": sum(s in (report.PUBLISHED, report.WARNED) for s in statuses),
        "warned": statuses.count(report.WARNED),
        "kept": sum(s in report.KEPT_BACK for s in statuses),
        "skipped": statuses.count(report.SKIPPED),
    }
    said = {key: render(Message(text), lang) for key, text in HEADINGS.items()}
    parts = [
        f"## {said['title']}\n",
        f"{_cell(line)}\n",
        f"| {said['published']} | {said['warned']} | {said['kept']} | {said['skipped']} |",
        "|---:|---:|---:|---:|",
        f"| {count['published']} | {count['warned']} | {count['kept']} | {count['skipped']} |\n",
    ]
    noted = [r for r in records if messages(r)]
    if noted:
        parts += [f"| {said['file']} | {said['status']} | {said['message']} |", "|---|---|---|"]
        for entry in noted:
            text = "<br>".join(_cell(message) for _level, message in messages(entry, lang))
            status = render(report.STATUS_NAMES.get(entry["status"], entry["status"]), lang)
            parts.append(f"| {_cell(entry['source'])} | {_cell(status)} | {text} |")
    return "\n".join(parts) + "\n"


# The job summary's headings.
HEADINGS = {
    "title": Message("Press releases"),
    "published": Message("published"),
    "warned": Message("with warnings"),
    "kept": Message("kept back"),
    "skipped": Message("skipped"),
    "file": Message("file"),
    "status": Message("status"),
    "message": Message("message"),
}


def write_summary(records: list[dict], line: str, lang: str = "id") -> None:
    path = os.environ.get("GITHUB_STEP_SUMMARY")
    if not path:
        return
    with open(path, "a", encoding="utf-8") as summary:
        summary.write(summary_markdown(records, line, lang))
