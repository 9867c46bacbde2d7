"""`python -m press_release check [--json] PATH...`: what the reader extracts."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

from . import report
from .errors import PressReleaseError
from .importer import cli as importer_cli
from .parse import parse_release, slugify
from .parse.release import renumber_duplicates
from .settings import Config, config_from

FIELDS = ("title", "category", "dateline", "byline", "date")


def _files(paths: list[str], extensions: tuple[str, ...], excluded: list[Path]) -> list[Path]:
    """Files named, and release files under folders named (skipping excluded folders)."""
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if not path.is_dir():
            found.append(path)
            continue
        for candidate in sorted(path.rglob("*")):
            resolved = candidate.resolve()
            if any(resolved.is_relative_to(folder) for folder in excluded):
                continue
            if candidate.is_file() and candidate.suffix[1:] in extensions:
                found.append(candidate)
    return found


def load_settings(settings_file: str | None) -> tuple[Config, list[Path]]:
    """The reader's configuration and the excluded folders, from a Pelican settings file."""
    if settings_file is None:
        if not Path("pelicanconf.py").exists():
            return Config(), []
        settings_file = "pelicanconf.py"
    from pelican.settings import read_settings

    settings = read_settings(settings_file)
    content = Path(settings["PATH"]).resolve()
    excluded = [
        content / folder
        for folder in [*settings["ARTICLE_EXCLUDES"], *settings.get("PAGE_PATHS", [])]
    ]
    return config_from(settings), excluded


def check_file(path: Path, config: Config) -> dict:
    """The JSON record of one file; `error` is set when it cannot be read."""
    record: dict = {"source": str(path)}
    try:
        release = parse_release(path.read_bytes(), path.name, config)
    except (OSError, PressReleaseError) as exc:
        message = exc.strerror if isinstance(exc, OSError) else str(exc)
        record.update({key: None for key in ("title", "category", "dateline", "date")})
        record.update({"status": report.SKIPPED, "error": message, "warnings": []})
        return record
    title = release.title or " ".join(release.summary.split()[:10])
    record.update(
        {
            "status": report.status_of(release.warnings, None, release.status or ""),
            "slug": release.slug or slugify(title or path.stem),
            "title": release.title,
            "category": release.category,
            "dateline": release.dateline,
            "dateline_agency": release.dateline_agency,
            "byline": release.byline,
            "reporters": release.reporters,
            "credited_reporters": release.credited_reporters,
            "desk": release.desk,
            "date": release.date_iso,
            "summary": release.summary,
            "body_text": release.body_text,
            "encoding": release.encoding,
            "warnings": release.warnings,
        }
    )
    return record


def mark_duplicates(records: list[dict]) -> None:
    """Releases sharing a title: the build gives the later ones distinct URLs, with a
    warning; `check` shows the same warning (URLs numbered as the build numbers them)."""
    groups: dict[str, list[dict]] = {}
    for record in records:
        if record["status"] != report.SKIPPED:
            groups.setdefault(record["slug"], []).append(record)
    for group in groups.values():
        group.sort(key=lambda r: (r["date"] or "", r["source"]))
    for record, first, candidate in renumber_duplicates(groups):
        record["slug"] = candidate
        record["warnings"].append(
            f"same title as {Path(first['source']).name}; published as {candidate}"
        )
        if record["status"] == report.PUBLISHED:
            record["status"] = report.WARNED


def _cell(value, width: int) -> str:
    text = "–" if value in (None, "", []) else str(value)
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def print_table(records: list[dict], out=sys.stdout) -> None:
    width = shutil.get_terminal_size((120, 20)).columns
    widths = {
        "source": 28,
        "title": max(20, width - 28 - 18 - 14 - 18 - 12 - 7),
        "dateline": 18,
        "byline": 14,
        "category": 18,
        "date": 12,
    }
    columns = ("source", "title", "category", "dateline", "byline", "date")
    print(" ".join(c.upper().ljust(widths[c]) for c in columns).rstrip(), file=out)
    for record in records:
        row = dict(record, source=Path(record["source"]).name)
        print(
            " ".join(_cell(row.get(c), widths[c]).ljust(widths[c]) for c in columns).rstrip(),
            file=out,
        )
        print(f"    status: {record['status']}", file=out)
        if record.get("credited_reporters"):
            names = ", ".join(record["credited_reporters"])
            print(f"    reporters (from a credit line): {names}", file=out)
        if record.get("error"):
            print(f"    error: {record['error']}", file=out)
        for warning in record.get("warnings", []):
            print(f"    warning: {warning}", file=out)
    skipped = sum(1 for r in records if r.get("error"))
    warned = sum(1 for r in records if r.get("warnings") and not r.get("error"))
    print(
        f"\n{len(records)} file(s): {len(records) - skipped - warned} clean, "
        f"{warned} with warnings, {skipped} skipped",
        file=out,
    )
    print(report.summary_line([r["status"] for r in records]), file=out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m press_release", description="Tools for raw press-release files."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="show what the reader extracts from releases")
    check.add_argument("paths", nargs="+", metavar="PATH", help="release files or folders")
    check.add_argument("--json", action="store_true", help="print a JSON array")
    check.add_argument(
        "--settings",
        metavar="FILE",
        help="Pelican settings to read PRESS_RELEASE_* and excluded folders from "
        "(default: ./pelicanconf.py when present)",
    )
    importer_cli.add_parser(commands)
    args = parser.parse_args(argv)
    if args.command == "import":
        return importer_cli.run(args)

    config, excluded = load_settings(args.settings)
    files = _files(args.paths, config.extensions, excluded)
    records = [check_file(path, config) for path in files]
    mark_duplicates(records)
    if args.json:
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print_table(records)
    return 1 if any(r.get("error") for r in records) else 0
