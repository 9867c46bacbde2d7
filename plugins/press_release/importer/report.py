"""The import report: what became of every item, as text and as JSON.

Statuses: ``imported`` (a new file), ``updated`` (the source changed and the file was
still as imported), ``unchanged``, ``skipped`` (with the reason: a draft, a page, a
listing page, a file edited since...) and ``duplicate`` (a second item with the old URL
or GUID of one already imported).

Memory stays flat however many items an import has: an entry is kept only until it is
closed (once its photos are copied); then it is counted, kept for the text report if it
is among the first worth a look, and written as a JSON line to a temporary file from
which ``--report FILE`` is assembled at the end.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .messages import Note, text

STATUSES = ("imported", "updated", "unchanged", "skipped", "duplicate")
# Items listed in the text report before "... and N more".
SHOWN = 30


@dataclass
class Entry:
    status: str
    origin: str
    file: str | None = None
    reason: Note | None = None
    notes: list[Note] = field(default_factory=list)

    def worth_a_look(self) -> bool:
        return self.status in ("skipped", "duplicate", "updated") or bool(self.notes)

    def as_json(self) -> dict:
        return {
            "status": self.status,
            "origin": self.origin,
            "file": self.file,
            "reason": str(self.reason) if self.reason else None,
            "reason_code": self.reason.code if self.reason else None,
            "warnings": [str(n) for n in self.notes],
        }


@dataclass
class ImportReport:
    folder: str
    dry_run: bool = False
    verbose: bool = False  # list every item in the text report, not only those worth a look
    sources: list[tuple[str, str, int, list[Note]]] = field(default_factory=list)
    photos: Counter = field(default_factory=Counter)
    counts: Counter = field(default_factory=Counter)
    warned: int = 0
    reasons: Counter = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)  # reason code -> its message
    shown: list[Entry] = field(default_factory=list)
    more: int = 0  # entries worth a look beyond those shown
    _spool: object = field(default=None, repr=False)

    def add(self, status: str, origin: str, file: str | None = None,
            reason: Note | None = None, notes: list[Note] | None = None,
            close: bool = True) -> Entry:  # fmt: skip
        """A new entry; closed at once unless `close` is False (see :meth:`close`)."""
        entry = Entry(status, origin, file, reason, list(notes or []))
        if close:
            self.close(entry)
        return entry

    def close(self, entry: Entry) -> None:
        """Count the entry and write it out: nothing more will be added to it."""
        self.counts[entry.status] += 1
        if entry.notes and entry.status != "skipped":
            self.warned += 1
        if entry.reason is not None:
            self.reasons[entry.reason.code] += 1
            self.examples.setdefault(entry.reason.code, str(entry.reason))
        if self.verbose or entry.worth_a_look():
            if self.verbose or len(self.shown) < SHOWN:
                self.shown.append(entry)
            else:
                self.more += 1
        if self._spool is None:
            self._spool = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115 - lives for the run
        self._spool.write(json.dumps(entry.as_json(), ensure_ascii=False) + "\n")

    def lines(self) -> list[str]:
        """The text report: the sources, the counts, then the items worth a look."""
        counts = {status: self.counts.get(status, 0) for status in STATUSES}
        out = [text("report_head", folder=self.folder)]
        for source, kind, count, notes in self.sources:
            out.append("  " + text("report_sources", source=source, kind=text(kind), count=count))
            out.extend(f"    warning: {n}" for n in notes)
        out.append(text("report_counts", warned=self.warned, **counts))
        if self.photos:
            kinds = ("copied", "same", "missing")
            out.append(text("report_photos", **{k: self.photos.get(k, 0) for k in kinds}))
        if self.reasons:
            out.append(text("report_skipped_reasons"))
            out.extend(
                f"  {count:>6}  {self.examples[code]}" for code, count in self.reasons.most_common()
            )
        for entry in self.shown:
            out.extend(self._entry_lines(entry))
        if self.more:
            out.append(text("report_more", count=self.more))
        if self.dry_run:
            out.append(text("report_dry_run"))
        return out

    @staticmethod
    def _entry_lines(entry: Entry) -> list[str]:
        where = f" -> {entry.file}" if entry.file else ""
        lines = [f"{text('status_' + entry.status)}: {entry.origin}{where}"]
        if entry.reason is not None:
            lines.append(f"    {entry.reason}")
        lines.extend(f"    warning: {n}" for n in entry.notes)
        return lines

    def dump(self, path: Path) -> None:
        """The whole report as JSON, its items streamed from the spool."""
        head = {
            "folder": self.folder,
            "dry_run": self.dry_run,
            "counts": {status: self.counts.get(status, 0) for status in STATUSES},
            "photos": dict(self.photos),
            "sources": [
                {"source": s, "kind": k, "items": c, "warnings": [str(n) for n in notes]}
                for s, k, c, notes in self.sources
            ],
        }
        with path.open("w", encoding="utf-8") as out:
            out.write(json.dumps(head, ensure_ascii=False, indent=2)[:-2] + ',\n  "items": [')
            if self._spool is not None:
                self._spool.seek(0)
                for number, line in enumerate(self._spool):
                    out.write(("," if number else "") + "\n    " + line.rstrip("\n"))
            out.write("\n  ]\n}\n")
