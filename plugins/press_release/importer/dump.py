"""CSV and JSON dumps of a CMS table, columns mapped to release fields.

Many regional portals run a home-grown PHP CMS (Lokomedia and CodeIgniter portals keep
their news in a table such as ``berita``: ``id_berita``, ``judul``, ``judul_seo``,
``isi_berita``, ``tanggal``, ``jam``, ``gambar``...). A dump exported with phpMyAdmin or
a spreadsheet is read here: the usual column names of each field are found by
themselves (:data:`GUESSES`), and ``--map FIELD=COLUMN`` names any other.

CSV is read as a stream (any size); a JSON dump is loaded whole. phpMyAdmin's JSON
export (a list of header, database and table objects) is understood.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from ..errors import PressReleaseError
from ..parse.dates import parse_header_date
from .html_text import html_to_text
from .messages import Note, note, text
from .model import Photo, Skipped, SourceItem
from .wxr import CP1252_FALLBACK

FIELDS = (
    "title", "body", "date", "time", "category", "tags", "summary", "url", "id", "slug",
    "photo", "status", "author",
)  # fmt: skip
# Column names (any case) a CMS table commonly gives each field, most specific first.
GUESSES: dict[str, tuple[str, ...]] = {
    "title": ("judul", "judul_berita", "title", "post_title", "nama_berita", "headline"),
    "body": ("isi_berita", "isi", "konten", "content", "post_content", "body", "berita"),
    "date": (
        "tanggal",
        "tgl",
        "tanggal_posting",
        "tgl_posting",
        "tanggal_berita",
        "date",
        "post_date",
        "published_at",
        "created_at",
    ),  # fmt: skip
    "time": ("jam", "waktu", "time"),
    "category": ("nama_kategori", "kategori", "category", "rubrik", "kategori_berita"),
    "tags": ("tag", "tags", "label", "kata_kunci"),
    "summary": ("ringkasan", "summary", "excerpt", "post_excerpt"),
    "url": ("url", "link", "permalink", "guid"),
    "id": ("id_berita", "berita_id", "id", "post_id"),
    "slug": ("judul_seo", "slug", "post_name"),
    "photo": ("gambar", "foto", "image", "thumbnail", "featured_image"),
    "status": ("status", "post_status", "aktif", "publish"),
    "author": ("penulis", "author", "reporter", "username"),
}
# Status values of a row never published.
UNPUBLISHED = frozenset(
    [
        "0",
        "n",
        "no",
        "tidak",
        "false",
        "draft",
        "pending",
        "private",
        "trash",
        "unpublish",
        "unpublished",
        "nonaktif",
    ]
)
# Markup that makes a text HTML (else a line feed is a line break, as WordPress stores it).
HTML_BLOCKS = re.compile(r"<(?:p|div|br|ul|ol|table|h[1-6])\b", re.I)
# {column} in an --old-url template.
PLACEHOLDER = re.compile(r"\{(?P<name>[^{}]+)\}")
# Date formats of dumps beyond the header's own (ISO, "12 Maret 2024").
DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%Y/%m/%d", "%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S")
FIELD_LIMIT = 64 * 1024 * 1024  # a CSV cell: a release body may exceed csv's 128 KiB


def dump_kind(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv"):
        return "csv"
    if suffix == ".json":
        return "json"
    return None


@dataclass(frozen=True)
class DumpOptions:
    name: str  # the dump's name in keys and messages
    mapping: tuple[tuple[str, str], ...] = ()  # (field, column) from --map
    old_url: str | None = None
    encoding: str | None = None

    @classmethod
    def from_arguments(cls, path: Path, maps: list[str], old_url: str | None,
                       encoding: str | None) -> DumpOptions:  # fmt: skip
        mapping = []
        for value in maps:
            name, sep, column = value.partition("=")
            if not sep or name.strip() not in FIELDS or not column.strip():
                raise PressReleaseError(text("bad_map", value=value, fields=", ".join(FIELDS)))
            mapping.append((name.strip(), column.strip()))
        return cls(path.stem, tuple(mapping), old_url, encoding)


@lru_cache(maxsize=64)
def columns_of(mapping: tuple[tuple[str, str], ...], header: tuple[str, ...]) -> dict[str, str]:
    """field -> column, from --map first, else from the usual names."""
    lower = {column.strip().lower(): column for column in header}
    found = {}
    for name in FIELDS:
        chosen = dict(mapping).get(name)
        if chosen is None:
            chosen = next((lower[g] for g in GUESSES[name] if g in lower), None)
        if chosen is not None:
            found[name] = chosen
    return found


@dataclass
class DumpReader:
    path: Path
    kind: str
    options: DumpOptions
    notes: list[Note] = field(default_factory=list)
    count: int = 0

    def rows(self) -> Iterator[tuple[int, dict]]:
        try:
            yield from self._csv_rows() if self.kind == "csv" else self._json_rows()
        except (OSError, ValueError, csv.Error, UnicodeError) as exc:
            self.notes.append(note("dump_unreadable", reason=str(exc)))

    def _csv_rows(self) -> Iterator[tuple[int, dict]]:
        csv.field_size_limit(max(csv.field_size_limit(), min(sys.maxsize, FIELD_LIMIT)))
        encoding = self.options.encoding or "utf-8-sig"
        with self.path.open("rb") as raw:
            head = raw.read(1 << 16)
        try:
            head.decode(encoding)
        except UnicodeDecodeError:
            self.notes.append(note("replaced_bytes", encoding=encoding))
        except LookupError as exc:
            raise ValueError(f"unknown encoding {encoding!r}") from exc
        sample = head.decode(encoding, errors="ignore")
        try:
            dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
        except csv.Error:
            dialect = csv.excel_tab if self.path.suffix.lower() == ".tsv" else csv.excel
        with self.path.open(encoding=encoding, errors=CP1252_FALLBACK, newline="") as file:
            for position, row in enumerate(csv.DictReader(file, dialect=dialect), start=1):
                self.count += 1
                yield position, {k: v for k, v in row.items() if isinstance(k, str)}

    def _json_rows(self) -> Iterator[tuple[int, dict]]:
        data = json.loads(self.path.read_bytes().decode("utf-8-sig", errors=CP1252_FALLBACK))
        for position, row in enumerate(_json_records(data), start=1):
            self.count += 1
            yield position, {str(k): "" if v is None else str(v) for k, v in row.items()}


def _json_records(data) -> Iterator[dict]:
    """The rows of a JSON dump: a list of objects, an object holding such a list, or
    phpMyAdmin's export (objects of ``"type": "table"`` with their ``"data"``)."""
    if isinstance(data, dict):
        if isinstance(data.get("data"), list):
            data = data["data"]
        else:
            data = next((v for v in data.values() if isinstance(v, list)), [])
    for entry in data if isinstance(data, list) else []:
        if not isinstance(entry, dict):
            continue
        if entry.get("type") == "table" and isinstance(entry.get("data"), list):
            yield from (row for row in entry["data"] if isinstance(row, dict))
        elif entry.get("type") not in ("header", "database"):
            yield entry


def convert(payload: tuple[int, dict, DumpOptions]) -> SourceItem | Skipped:
    """One row as a release, or the reason it is not one."""
    position, row, options = payload
    columns = columns_of(options.mapping, tuple(row))
    value = {name: (row.get(column) or "").strip() for name, column in columns.items()}
    origin = f"{options.name}, row {position}"
    if value.get("title"):
        origin = f"{origin} ({value['title'][:60]})"
    old_url = value.get("url") or _old_url(options.old_url, row)
    keys = tuple(
        k for k in (old_url, value.get("id") and f"dump:{options.name}:{value['id']}") if k
    )
    if "title" not in columns and "body" not in columns:
        return Skipped(origin, note("no_columns", columns=", ".join(row)[:200]), keys)
    if value.get("status", "").lower() in UNPUBLISHED:
        return Skipped(origin, note("draft", status=value["status"]), keys)
    body = value.get("body", "")
    converted = html_to_text(body, autop=not HTML_BLOCKS.search(body))
    if not converted.text.strip():
        reason = "only_title" if value.get("title") else "empty"
        return Skipped(origin, note(reason), keys)
    item = SourceItem(origin=origin, keys=keys, old_url=old_url, title=value.get("title") or None)
    item.body = converted.text
    item.notes = list(converted.notes)
    item.date, item.date_has_time = _date(value.get("date", ""), value.get("time", ""))
    if item.date is None:
        item.notes.append(
            note("bad_date", value=value["date"]) if value.get("date") else note("no_date")
        )
    if not item.title:
        item.notes.append(note("no_title"))
    item.category = value.get("category") or None
    item.tags = [t.strip() for t in value.get("tags", "").split(",") if t.strip()]
    item.summary = " ".join(value.get("summary", "").split()) or None
    item.slug_hint = value.get("slug") or None
    item.author = value.get("author") or None
    if value.get("photo"):
        item.photos.append(Photo(ref=value["photo"]))
    item.photos.extend(converted.photos)
    return item


def _old_url(template: str | None, row: dict) -> str | None:
    if not template:
        return None
    missing = [m["name"] for m in PLACEHOLDER.finditer(template) if not row.get(m["name"])]
    if missing:
        return None
    return PLACEHOLDER.sub(lambda m: str(row[m["name"]]).strip(), template)


def _date(value: str, time: str) -> tuple[datetime | None, bool]:
    """A dump's date: ISO, "12 Maret 2024", "12/03/2024", or a Unix time; with the time
    column when there is one."""
    if not value:
        return None, False
    found = parse_header_date(value)
    date = found.value if found else None
    has_time = bool(found and found.has_time)
    if date is None:
        date = _strptime(value)
        has_time = date is not None and ":" in value
    if date is None and value.isdigit() and 9 <= len(value) <= 10:
        date, has_time = datetime.fromtimestamp(int(value)), True  # noqa: DTZ006 - as stored
    if date is not None and time and not has_time:
        try:
            clock = datetime.strptime(time[:5], "%H:%M")
            date, has_time = date.replace(hour=clock.hour, minute=clock.minute), True
        except ValueError:
            pass
    return date, has_time


def _strptime(value: str) -> datetime | None:
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(value, pattern)
        except ValueError:
            continue
    try:
        return datetime.fromisoformat(value).replace(tzinfo=None)
    except ValueError:
        return None
