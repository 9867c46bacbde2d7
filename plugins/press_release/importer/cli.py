"""``python -m press_release import SOURCE... --to content/``: the command.

Each SOURCE is a WordPress export (``.xml``), a folder of saved pages, or a CSV or
JSON dump of a CMS table. Items are read in the main process and converted (HTML to
text, composed, read back with the site's parser) in ``--jobs`` worker processes, a
batch at a time, so memory stays flat on exports of any size; files are written in the
main process, in source order, so two runs make the same names.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from ..errors import PressReleaseError
from . import dump, saved_pages, wxr
from .messages import Note, note, text
from .model import Skipped
from .pipeline import prepare
from .report import ImportReport
from .session import ImportSession
from .write import STATE_NAME

BATCH = 256  # items handed to the workers at a time: bounds the memory in flight
CHUNK = 16  # items per task of a worker


def add_parser(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "import",
        help="import an existing portal's releases into release files",
        description="Import releases from a WordPress export (.xml), a folder of saved "
        "pages, or a CSV/JSON dump, as release files in the authors' format. Safe to run "
        "again: nothing unchanged is rewritten, nothing is duplicated, edited files are kept.",
    )
    parser.add_argument("sources", nargs="+", metavar="SOURCE", help="export, folder or dump")
    parser.add_argument("--to", required=True, metavar="FOLDER", help="the site's content folder")
    parser.add_argument(
        "--media", action="append", default=[], metavar="FOLDER",
        help="a folder holding the old site's photos (wp-content/uploads or a copy); "
        "the source's own folder is always searched",
    )  # fmt: skip
    parser.add_argument(
        "--post-type", action="append", metavar="TYPE",
        help="WordPress post types to import (default: post; repeat for more)",
    )  # fmt: skip
    parser.add_argument(
        "--base-url", metavar="URL",
        help="the old site's address, for saved pages that do not name their own",
    )  # fmt: skip
    parser.add_argument(
        "--map", action="append", default=[], metavar="FIELD=COLUMN",
        help=f"dump column of a field ({', '.join(dump.FIELDS)}); common names are found "
        "without it",
    )  # fmt: skip
    parser.add_argument(
        "--old-url", metavar="TEMPLATE",
        help="a dump's old URL from its columns, e.g. "
        "'https://humas.example.go.id/berita/{id_berita}/{judul_seo}'",
    )  # fmt: skip
    parser.add_argument("--encoding", help="a CSV dump's encoding (default: UTF-8, else cp1252)")
    parser.add_argument("--report", metavar="FILE", help="write the full report as JSON")
    parser.add_argument("--dry-run", action="store_true", help="write nothing; report only")
    parser.add_argument(
        "--jobs", type=int, default=0, metavar="N",
        help="worker processes (default: every usable core; 1: none)",
    )  # fmt: skip
    parser.add_argument("-v", "--verbose", action="store_true", help="list every item")
    return parser


@dataclass
class Source:
    """A source being read: its payloads for the workers, and what it learns meanwhile."""

    name: str
    kind: str
    payloads: Iterator
    work: Callable
    attachments: dict = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    counted: Callable[[], int] = lambda: 0


def _wxr_work(payload):
    raw, name, post_types = payload
    # A broken item comes from the reader as the reason it is skipped.
    item = raw if isinstance(raw, Skipped) else wxr.convert(raw, name, post_types)
    return prepare(item), None


def _page_work(payload):
    path, root, base_url = payload
    return prepare(saved_pages.extract(path, root, base_url)), path.parent


def _dump_work(payload):
    return prepare(dump.convert(payload)), None


def open_source(path: Path, args) -> Source:
    """The reader of one SOURCE argument. Raises PressReleaseError when unknown."""
    post_types = tuple(args.post_type or ("post",))
    if path.is_dir():
        files = list(saved_pages.page_files(path))
        payloads = ((file, path, args.base_url) for file in files)
        return Source(str(path), "kind_pages", payloads, _page_work, counted=lambda: len(files))
    kind = dump.dump_kind(path)
    if kind is not None:
        options = dump.DumpOptions.from_arguments(path, args.map, args.old_url, args.encoding)
        reader = dump.DumpReader(path, kind, options)
        payloads = ((position, row, options) for position, row in reader.rows())
        return Source(
            str(path), f"kind_{kind}", payloads, _dump_work, notes=reader.notes,
            counted=lambda: reader.count,
        )  # fmt: skip
    if wxr.looks_like_wxr(path):
        export = wxr.WxrExport(path, post_types)
        payloads = ((raw, path.name, post_types) for raw in export.raw_items())
        return Source(
            str(path), "kind_wxr", payloads, _wxr_work, attachments=export.attachments,
            notes=export.notes, counted=lambda: export.count,
        )  # fmt: skip
    raise PressReleaseError(text("unknown_source", source=path))


def _results(source: Source, pool) -> Iterator:
    """`source.work` of each payload, in order: a batch in the workers while the next
    batch is read."""
    payloads = iter(source.payloads)
    if pool is None:
        yield from map(source.work, payloads)
        return
    pending = None
    while True:
        batch = list(islice(payloads, BATCH))
        submitted = pool.map_async(source.work, batch, CHUNK) if batch else None
        if pending is not None:
            yield from pending.get()
        if submitted is None:
            return
        pending = submitted


def _pool(jobs: int):
    if jobs == 1 or "fork" not in multiprocessing.get_all_start_methods():
        return None
    return multiprocessing.get_context("fork").Pool(jobs)


def _usable_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def run(args) -> int:
    """Run the import; 0 when every source could be read, 1 otherwise, 2 on bad usage."""
    folder = Path(args.to)
    if not folder.is_dir():
        print(text("target_missing", folder=folder), file=sys.stderr)
        return 2
    report = ImportReport(str(folder), dry_run=args.dry_run, verbose=args.verbose)
    try:
        session = ImportSession(folder, [], report, dry_run=args.dry_run)
    except PressReleaseError as exc:
        print(
            text("state_unreadable", file=folder / STATE_NAME, reason=exc),
            file=sys.stderr,
        )
        return 1
    jobs = args.jobs or _usable_cpus()
    failed = False
    pool = _pool(jobs) if jobs > 1 else None
    try:
        for name in args.sources:
            path = Path(name)
            try:
                source = open_source(path, args)
            except PressReleaseError as exc:
                report.sources.append((name, "kind_unknown", 0, [note("unreadable", reason=exc)]))
                failed = True
                continue
            session.roots = [Path(m) for m in args.media] + [path if path.is_dir() else path.parent]
            for number, (prepared, page_folder) in enumerate(_results(source, pool), 1):
                session.add(prepared, page_folder)
                if number % BATCH == 0:  # most attachments come right after their post
                    session.copy_photos(source.attachments, final=False)
            session.copy_photos(source.attachments)
            report.sources.append((name, source.kind, source.counted(), source.notes))
            failed = failed or any(n.code.endswith("unreadable") for n in source.notes)
    finally:
        if pool is not None:
            pool.close()
            pool.join()
        session.close()
    for line in report.lines():
        print(line)
    if args.report:
        report.dump(Path(args.report))
        print(text("report_written", file=args.report))
    return 1 if failed else 0
