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

from ..state import BuildState
from . import report


def publish(pelican) -> None:
    """`finalized`: under GitHub Actions, the report as annotations and job summary."""
    if os.environ.get("GITHUB_ACTIONS") != "true":
        return
    records = report.sorted_records(BuildState.of(pelican.settings))
    annotate(records, pelican.settings["PATH"])
    write_summary(records, report.summary_line([r["status"] for r in records]))


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


def messages(entry: dict) -> list[tuple[str, str]]:
    """(level, text) of each message of a report entry."""
    found = []
    if entry.get("error"):
        found.append(("warning", f"dilewati (tidak diterbitkan): {entry['error']}"))
    if entry.get("kept_back"):
        found.append(("notice", f"ditahan ({entry['status']}): {entry['kept_back']}"))
    found.extend(("warning", warning) for warning in entry.get("warnings", []))
    return found


def annotate(records: list[dict], content_path: str, out=None) -> None:
    """One workflow command per message, on the file it is about."""
    out = out or sys.stdout
    for entry in records:
        name = _escape_property(file_path(entry["source"], content_path))
        for level, text in messages(entry):
            print(f"::{level} file={name},title=press_release::{_escape_data(text)}", file=out)
    out.flush()


def _cell(text) -> str:
    """Text for a Markdown table cell: no markup, no column break."""
    text = " ".join(str(text or "").split())
    for char, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("|", "&#124;")):
        text = text.replace(char, entity)
    return text.replace("`", "&#96;").replace("*", "&#42;").replace("_", "&#95;")


def summary_markdown(records: list[dict], line: str) -> str:
    statuses = [r["status"] for r in records]
    count = {
        "published": sum(s in (report.PUBLISHED, report.WARNED) for s in statuses),
        "warned": statuses.count(report.WARNED),
        "kept": sum(s in report.KEPT_BACK for s in statuses),
        "skipped": statuses.count(report.SKIPPED),
    }
    parts = [
        "## Siaran pers\n",
        f"{_cell(line)}\n",
        "| diterbitkan | dengan peringatan | ditahan | dilewati |",
        "|---:|---:|---:|---:|",
        f"| {count['published']} | {count['warned']} | {count['kept']} | {count['skipped']} |\n",
    ]
    noted = [r for r in records if messages(r)]
    if noted:
        parts += ["| berkas | status | pesan |", "|---|---|---|"]
        for entry in noted:
            text = "<br>".join(_cell(message) for _level, message in messages(entry))
            parts.append(f"| {_cell(entry['source'])} | {_cell(entry['status'])} | {text} |")
    return "\n".join(parts) + "\n"


def write_summary(records: list[dict], line: str) -> None:
    path = os.environ.get("GITHUB_STEP_SUMMARY")
    if not path:
        return
    with open(path, "a", encoding="utf-8") as summary:
        summary.write(summary_markdown(records, line))
