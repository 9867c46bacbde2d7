"""The import report: what became of every item, as text and as JSON.

Statuses: ``imported`` (a new file), ``updated`` (the source changed and the file was
still as imported), ``unchanged``, ``skipped`` (with the reason: a draft, a page, a
listing page, a file edited since...) and ``duplicate`` (a second item with the old URL
or GUID of one already imported).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

from .messages import Note, text

STATUSES = ("imported", "updated", "unchanged", "skipped", "duplicate")
# Lines of the text report per list before "... and N more".
SHOWN = 30


@dataclass
class Entry:
    status: str
    origin: str
    file: str | None = None
    reason: Note | None = None
    notes: list[Note] = field(default_factory=list)


@dataclass
class ImportReport:
    folder: str
    dry_run: bool = False
    entries: list[Entry] = field(default_factory=list)
    sources: list[tuple[str, str, int, list[Note]]] = field(default_factory=list)
    photos: Counter = field(default_factory=Counter)

    def add(self, status: str, origin: str, file: str | None = None,
            reason: Note | None = None, notes: list[Note] | None = None) -> Entry:  # fmt: skip
        entry = Entry(status, origin, file, reason, list(notes or []))
        self.entries.append(entry)
        return entry

    def counts(self) -> Counter:
        counts = Counter(entry.status for entry in self.entries)
        return Counter({status: counts.get(status, 0) for status in STATUSES})

    def lines(self, verbose: bool = False) -> list[str]:
        """The text report: the sources, the counts, then the items worth a look."""
        counts = self.counts()
        warned = sum(1 for e in self.entries if e.notes and e.status != "skipped")
        out = [text("report_head", folder=self.folder)]
        for source, kind, count, notes in self.sources:
            out.append("  " + text("report_sources", source=source, kind=text(kind), count=count))
            out.extend(f"    warning: {n}" for n in notes)
        out.append(text("report_counts", warned=warned, **counts))
        if self.photos:
            out.append(
                text(
                    "report_photos",
                    **{k: self.photos.get(k, 0) for k in ("copied", "same", "missing")},
                )
            )
        reasons = Counter(e.reason.code for e in self.entries if e.reason is not None)
        if reasons:
            out.append(text("report_skipped_reasons"))
            examples = {}
            for entry in self.entries:
                if entry.reason is not None:
                    examples.setdefault(entry.reason.code, str(entry.reason))
            out.extend(f"  {count:>6}  {examples[code]}" for code, count in reasons.most_common())
        shown = [
            e for e in self.entries
            if verbose or e.status in ("skipped", "duplicate", "updated") or e.notes
        ]  # fmt: skip
        for entry in shown[: None if verbose else SHOWN]:
            out.extend(self._entry_lines(entry))
        if not verbose and len(shown) > SHOWN:
            out.append(text("report_more", count=len(shown) - SHOWN))
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

    def to_json(self) -> dict:
        return {
            "folder": self.folder,
            "dry_run": self.dry_run,
            "counts": dict(self.counts()),
            "photos": dict(self.photos),
            "sources": [
                {"source": s, "kind": k, "items": c, "warnings": [str(n) for n in notes]}
                for s, k, c, notes in self.sources
            ],
            "items": [
                {
                    "status": e.status,
                    "origin": e.origin,
                    "file": e.file,
                    "reason": str(e.reason) if e.reason else None,
                    "reason_code": e.reason.code if e.reason else None,
                    "warnings": [str(n) for n in e.notes],
                }
                for e in self.entries
            ],
        }

    def dump(self, path) -> None:
        path.write_text(
            json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
