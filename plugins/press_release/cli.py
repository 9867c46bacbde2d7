"""`python -m press_release check [--json] PATH...`: what the reader extracts."""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import shutil
import sys
import textwrap
import unicodedata
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from . import compiled
from .errors import PressReleaseError
from .features import ordering, report, sources
from .importer import cli as importer_cli
from .messages import Message, language, render
from .parse import parse_release, slugify
from .parse.release import shown_title
from .photos.check import PhotoChecker
from .photos.find import ORPHAN_WARNING
from .photos.settings import photo_settings
from .reader import fallback_date
from .settings import Config, config_from

FIELDS = ("title", "category", "dateline", "byline", "date")


def _ignored(name: str, patterns) -> bool:
    return any(fnmatch.fnmatch(name, pattern) for pattern in patterns)


class SourceRules:
    """How the build sees the files of one content folder (features/sources.py)."""

    def __init__(self, site: dict, content: Path, extensions: tuple[str, ...]):
        self.site = {**site, "PATH": str(content)}
        self.content = content
        self.releases = {e.lower() for e in extensions}
        self.others = set(site.get("_reader_extensions", ())) - self.releases
        self.ignores = site.get("IGNORE_FILES", [".#*"])
        pages, statics = site.get("PAGE_PATHS", []), site.get("STATIC_PATHS", [])
        self.excluded = {
            (content / folder).resolve()
            for folder in site.get("ARTICLE_EXCLUDES", [])
            if folder not in pages and folder not in statics
        }
        self.statics = [(content / folder).absolute() for folder in statics if folder]
        self.listed = set(site.get("EXTRA_PATH_METADATA", {}))

    def skips_folder(self, path: Path) -> bool:
        return path.resolve() in self.excluded or _ignored(path.name, self.ignores)

    def classify(self, path: Path) -> tuple[Path, str] | None:
        """``(file, why it is skipped or "")``, or None when the build ignores the file."""
        extension = path.suffix[1:]
        absolute = str(path.absolute())
        if any(path.absolute().is_relative_to(root) for root in self.statics):
            if path.is_symlink():
                return path, sources.LINKED
            relative = path.absolute().relative_to(self.content.absolute()).as_posix()
            if extension.lower() in self.releases and relative not in self.listed:
                return path, sources.static_text(f".{extension.lower()}")
            return None
        if extension.lower() in self.releases:
            return path, sources.refusal(absolute, self.site) or ""
        if extension in self.others and not sources.in_page_folder(absolute, self.site):
            return path, sources.not_a_release(absolute)
        return None


def _ignored(name: str, patterns) -> bool:
    return any(fnmatch.fnmatch(name, pattern) for pattern in patterns)


def _files(paths: list[str], site: dict, extensions: tuple[str, ...]) -> list[tuple[Path, str]]:
    """``(file, reason it is skipped or "")`` for the files named and the files under
    the folders named, as the build sees them (SourceRules)."""
    site_content = Path(site.get("PATH", ".")).resolve()
    found: list[tuple[Path, str]] = []
    for name in paths:
        path = Path(name)
        folder = path.absolute() if path.is_dir() else path.absolute().parent
        content = site_content if folder.resolve().is_relative_to(site_content) else folder
        rules = SourceRules(site, content, extensions)
        if not path.is_dir():
            found.append(rules.classify(path) or (path, ""))
            continue
        for dirpath, dirs, files in os.walk(path):
            here = Path(dirpath)
            for sub in list(dirs):
                if (here / sub).is_symlink():
                    dirs.remove(sub)
                    found.append((here / sub, sources.LINKED_FOLDER))
                elif rules.skips_folder(here / sub):
                    dirs.remove(sub)
            dirs.sort()
            for file in sorted(files):
                if not _ignored(file, rules.ignores) and (item := rules.classify(here / file)):
                    found.append(item)
    return sorted(found, key=lambda item: str(item[0]))


def load_settings(settings_file: str | None) -> tuple[Config, dict]:
    """The reader's configuration and all settings (with ``_reader_extensions``, the
    extensions Pelican's readers claim), from a Pelican settings file."""
    if settings_file is None:
        if not Path("pelicanconf.py").exists():
            return Config(), {"PATH": ".", "PAGE_PATHS": [], "_reader_extensions": []}
        settings_file = "pelicanconf.py"
    from pelican.readers import Readers
    from pelican.settings import read_settings

    settings = read_settings(settings_file)
    readers = Readers({**settings, "READERS": settings.get("READERS", {})})
    settings["_reader_extensions"] = sorted(readers.reader_classes)
    return config_from(settings), settings


def _skipped(record: dict, message: str) -> dict:
    record.update({key: None for key in ("title", "category", "dateline", "date")})
    record.update({"status": report.SKIPPED, "error": message, "warnings": []})
    return record


def check_file(
    path: Path, config: Config, photos: PhotoChecker | None = None, refused: str = ""
) -> dict:
    """The JSON record of one file; `error` is set when it is not published at all."""
    record: dict = {"source": str(path)}
    if refused:
        return _skipped(record, refused)
    try:
        release = parse_release(path.read_bytes(), path.name, config)
    except OSError as exc:
        return _skipped(record, unreadable(exc.strerror))
    except PressReleaseError as exc:
        return _skipped(record, getattr(exc, "message", None) or str(exc))
    except Exception as exc:  # noqa: BLE001 - one broken file never stops the others
        return _skipped(record, reader_failed(exc))
    title = shown_title(release, path.stem)
    photo_records, photo_warnings = photos.photos(path, release) if photos else ([], [])
    warnings = release.warnings + photo_warnings
    record.update(
        {
            "status": report.status_of(warnings, None, release.status or ""),
            "date_value": release.date,
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
            "date_source": release.date_source,
            "summary": release.summary,
            "body_text": release.body_text,
            "encoding": release.encoding,
            "photos": photo_records,
            "warnings": warnings,
        }
    )
    return record


def unreadable(reason) -> Message:
    return Message(
        "cannot read the file (%(reason)s): check that it exists and that you may read it",
        reason=reason,
    )


def reader_failed(exc: Exception) -> Message:
    return Message(
        "the reader failed on this file (%(error)s); the other releases are published: "
        "please report this file to the site's maintainers",
        error=f"{type(exc).__name__}: {exc}",
    )


def mark_kept_back(records: list[dict], site: dict) -> None:
    """Releases dated ahead are kept back until their date and time, as in the build."""
    zone = ZoneInfo(site.get("TIMEZONE") or "UTC")
    now = datetime.now(zone)
    for record in records:
        date = record.get("date_value")
        if date is None or record["status"] not in (report.PUBLISHED, report.WARNED):
            continue
        if (date if date.tzinfo else date.replace(tzinfo=zone)) > now:
            record["status"] = report.SCHEDULED


def _save_as(record: dict, site: dict, slug: str | None = None) -> str:
    """The file the build writes a release to (Pelican's ARTICLE_SAVE_AS)."""
    date = record.get("date_value")
    if date is None:  # dated by git or the file's time in the build
        date, _how = fallback_date(
            record["source"], site.get("PATH", "."),
            site.get("PRESS_RELEASE_DATE_FALLBACK", "git"), site.get("TIMEZONE") or "UTC",
        )  # fmt: skip
    fields = {"slug": slug or record["slug"], "date": date, "lang": site.get("DEFAULT_LANG", "en")}
    fields["category"] = slugify(record.get("category") or site.get("DEFAULT_CATEGORY", ""))
    try:
        return site.get("ARTICLE_SAVE_AS", "{slug}.html").format(**fields)
    except (KeyError, IndexError, ValueError):
        return fields["slug"]


def mark_duplicates(records: list[dict], site: dict) -> None:
    """Releases that would write the same file: the build gives the later ones distinct
    URLs, with a warning; `check` shows the same (features/ordering.py)."""
    published = [r for r in records if r["status"] in (report.PUBLISHED, report.WARNED)]
    order = lambda r: (r["date_value"] or datetime.min, r["source"])  # noqa: E731
    renamed = ordering.renumbered(published, lambda r, slug: _save_as(r, site, slug), order)
    for record, first, slug, path in renamed:
        record["slug"] = slug
        record["warnings"].append(ordering.same_address(Path(first["source"]).name, path, slug))
        if record["status"] == report.PUBLISHED:
            record["status"] = report.WARNED


def _visible(char: str) -> str:
    """A control or invisible format character as an escape (a file name holding
    ``ESC [2J`` must not clear the author's terminal)."""
    if unicodedata.category(char) in ("Cc", "Cf"):
        return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"
    return char


def shown(value) -> str:
    """Text safe to print on a terminal."""
    text = str(value)
    if text.isascii() and text.isprintable():
        return text
    return "".join(map(_visible, text))


def json_text(records: list[dict]) -> str:
    """The JSON of `records`, every control or format character as a \\u escape."""
    text = json.dumps(records, ensure_ascii=False, indent=2)
    return "".join(
        f"\\u{ord(c):04x}" if c not in "\n" and unicodedata.category(c) in ("Cc", "Cf") else c
        for c in text
    )


# The columns of the table under each file's name: (key, heading, share of the width).
COLUMNS = (
    ("title", Message("TITLE"), 0.45),
    ("category", Message("CATEGORY"), 0.19),
    ("dateline", Message("DATELINE"), 0.18),
    ("byline", Message("BYLINE CODE"), 0.18),
    ("date", Message("DATE"), 0),  # DATE_WIDTH: a date is never wrapped
)
DATE_WIDTH = 10  # 2024-03-12
LABELS = {
    "file": Message("FILE"),
    "status": Message("status"),
    "reporters": Message("reporters (from a credit line)"),
    "photo": Message("photo %(order)s"),
    "error": Message("error"),
    "warning": Message("warning"),
}


def _lines(value, width: int) -> list[str]:
    """A cell's whole value, wrapped to `width` (never cut)."""
    text = "–" if value in (None, "", []) else " ".join(shown(value).split())
    return textwrap.wrap(text, width, break_on_hyphens=False) or [""]


def _said(key: str, lang: str, **values) -> str:
    label = LABELS[key]
    return render(Message(label.template, **values) if values else label, lang)


def _indented(label: str, text: str, width: int) -> list[str]:
    """``    label: text`` wrapped under itself."""
    return textwrap.wrap(
        f"{label}: {text}", width, initial_indent="    ", subsequent_indent="      ",
        break_on_hyphens=False,
    ) or [f"    {label}:"]  # fmt: skip


def print_table(records: list[dict], out=sys.stdout, lang: str = "id") -> None:
    """Per file: its name, a row of its fields (each value whole, wrapped in its column),
    then its status and messages in `lang`."""
    width = max(60, shutil.get_terminal_size((120, 20)).columns)
    # indented by two, one space between columns, the date's own width
    free = width - 2 - len(COLUMNS) + 1 - DATE_WIDTH
    widths = [max(8, int(free * share)) if share else DATE_WIDTH for *_, share in COLUMNS]
    heads = [render(head, lang) for _key, head, _share in COLUMNS]
    print(render(LABELS["file"], lang), file=out)
    print("  " + " ".join(h.ljust(w) for h, w in zip(heads, widths, strict=True)).rstrip(),
          file=out)  # fmt: skip
    for record in records:
        print(shown(record["source"]), file=out)
        cells = [_lines(record.get(key), w) for (key, *_), w in zip(COLUMNS, widths, strict=True)]
        for index in range(max(map(len, cells))):
            parts = [
                (cell[index] if index < len(cell) else "").ljust(w)
                for cell, w in zip(cells, widths, strict=True)
            ]
            print("  " + " ".join(parts).rstrip(), file=out)
        status = render(report.STATUS_NAMES.get(record["status"], record["status"]), lang)
        lines = _indented(_said("status", lang), status, width)
        if record.get("credited_reporters"):
            names = shown(", ".join(record["credited_reporters"]))
            lines += _indented(_said("reporters", lang), names, width)
        for photo in record.get("photos", []):
            said = f"{shown(photo['file'])}: {' '.join(shown(photo['caption'] or '–').split())}"
            lines += _indented(_said("photo", lang, order=photo["order"]), said, width)
        if record.get("error"):
            lines += _indented(_said("error", lang), shown(render(record["error"], lang)), width)
        for warning in record.get("warnings", []):
            lines += _indented(_said("warning", lang), shown(render(warning, lang)), width)
        print("\n".join(lines), file=out)
    # A photo of no release is skipped with a warning (no error: check still succeeds).
    dropped = [bool(r.get("error")) or r.get("status") == report.SKIPPED for r in records]
    skipped = sum(dropped)
    warned = sum(
        1 for r, out in zip(records, dropped, strict=True) if r.get("warnings") and not out
    )
    counts = Message(
        "%(files)s file(s): %(clean)s clean, %(warned)s with warnings, %(skipped)s skipped",
        files=len(records), clean=len(records) - skipped - warned, warned=warned,
        skipped=skipped,
    )  # fmt: skip
    print(f"\n{render(counts, lang)}", file=out)
    print(report.summary_line([r["status"] for r in records], lang), file=out)


def json_records(records: list[dict], lang: str) -> list[dict]:
    """The records for ``--json``: ``warnings`` and ``error`` in English (stable for
    tools), ``messages`` in `lang` (what the table shows)."""
    result = []
    for record in records:
        said = list(record.get("warnings") or []) + (
            [record["error"]] if record.get("error") else []
        )
        result.append({**record, "messages": [render(m, lang) for m in said]})
    return result


def print_compat(out=sys.stdout) -> int:
    """The table of pelican_compat.INTERNALS with each self-check's result."""
    from . import pelican_compat

    rows = pelican_compat.table()
    for name, what, used_by, ok in rows:
        print(f"{'ok  ' if ok else 'OFF '} {name:<18} {used_by:<24} {what}", file=out)
    return 0 if all(ok for *_rest, ok in rows) else 1


def compile_parser_command(folder: str | None, force: bool = False, out=None) -> int:
    """`compile`: build the compiled parser (compiled.py); 1 when it cannot be built."""
    out = out or sys.stdout
    try:
        built = compiled.build(Path(folder) if folder else None, force=force)
    except PressReleaseError as error:
        print(str(error), file=sys.stderr)
        return 1
    print(f"compiled parser: {built}", file=out)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m press_release", description="Tools for raw press-release files."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="show what the reader extracts from releases")
    check.add_argument("paths", nargs="+", metavar="PATH", help="release files or folders")
    check.add_argument("--json", action="store_true", help="print a JSON array")
    check.add_argument(
        "--lang",
        metavar="LANG",
        help="language of the messages: id (Indonesian) or en (English); default: the "
        "settings' DEFAULT_LANG, else id",
    )
    check.add_argument(
        "--settings",
        metavar="FILE",
        help="Pelican settings to read PRESS_RELEASE_* and excluded folders from "
        "(default: ./pelicanconf.py when present)",
    )
    importer_cli.add_parser(commands)
    commands.add_parser(
        "compat", help="list the private internals of Pelican the plugin relies on, checked"
    )
    compile_parser = commands.add_parser(
        "compile", help="compile the parser with mypyc (used from then on, while unedited)"
    )
    compile_parser.add_argument(
        "--dir",
        metavar="DIR",
        help="where builds are kept (default: $PRESS_RELEASE_COMPILED_DIR, else "
        "~/.cache/press-release/compiled)",
    )
    compile_parser.add_argument("--force", action="store_true", help="build again if built")
    args = parser.parse_args(argv)
    if args.command == "import":
        return importer_cli.run(args)
    if args.command == "compat":
        return print_compat()
    if args.command == "compile":
        return compile_parser_command(args.dir, args.force)

    config, site = load_settings(args.settings)
    files = _files(args.paths, site, config.extensions)
    roots = [Path(site.get("PATH", "."))] + [Path(p) for p in args.paths if Path(p).is_dir()]
    photos = PhotoChecker(photo_settings(site), config.extensions, roots)
    records = [check_file(path, config, photos, refused) for path, refused in files]
    mark_kept_back(records, site)
    mark_duplicates(records, site)
    for record in records:
        record.pop("date_value", None)
    records.extend(
        {"source": str(p), "kind": "photo", "status": report.SKIPPED, "warnings": [ORPHAN_WARNING]}
        for p in photos.orphans()
    )
    lang = language({"DEFAULT_LANG": args.lang} if args.lang else site)
    if args.json:
        print(json_text(json_records(records, lang)))
    else:
        print_table(records, lang=lang)
    return 1 if any(r.get("error") for r in records) else 0
