"""A source item as a release file in the authors' format.

    Judul: Banjir Rendam Lima Kecamatan
    Tanggal: 2024-03-12 09:30
    Kategori: Berita Utama
    Label: banjir, bpbd
    Slug: banjir-rendam-lima-kecamatan
    URL-Lama: https://humas.example.go.id/2024/03/banjir-rendam-lima-kecamatan/

    SAMARINDA – Pemerintah Provinsi ... (ky/humasprovkaltim)

The header holds what the source knows (each key only with a value); the body is the
text as the old site showed it, dateline and credit as written. The file is named
``YYYY-MM-DD-slug.txt`` (``slug.txt`` when the source gives no date).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ..parse import slugify
from .html_text import CONTROLS
from .messages import Note
from .model import SourceItem

# A file name's slug is cut at a word boundary to about this many characters.
SLUG_LENGTH = 70


@dataclass
class Draft:
    stem: str  # the file name without ".txt"
    text: str
    notes: list[Note] = field(default_factory=list)


def one_line(value: str) -> str:
    """A header value: one line, spaces collapsed, no control characters."""
    return " ".join(CONTROLS.sub(" ", value).split())


def header_date(date: datetime, has_time: bool) -> str:
    if has_time and (date.hour or date.minute):
        return date.strftime("%Y-%m-%d %H:%M")
    return date.strftime("%Y-%m-%d")


def file_stem(item: SourceItem) -> str:
    """``2024-03-12-banjir-rendam-lima-kecamatan``: date and slug."""
    words = item.slug_hint or item.title or " ".join(item.body.split()[:8])
    slug = slugify(words, SLUG_LENGTH)
    return f"{item.date:%Y-%m-%d}-{slug}" if item.date else slug


def header_lines(item: SourceItem) -> list[str]:
    fields = (
        ("Judul", item.title and one_line(item.title)),
        ("Tanggal", item.date and header_date(item.date, item.date_has_time)),
        ("Kategori", item.category and one_line(item.category)),
        ("Label", ", ".join(one_line(t).replace(",", " ") for t in item.tags)),
        ("Ringkasan", item.summary and one_line(item.summary)),
        # The old slug: where the new site's URLs are built as the old ones were (WordPress's
        # /%year%/%monthnum%/%postname%/), old links keep working with no redirect at all.
        ("Slug", item.slug_hint and slugify(item.slug_hint, SLUG_LENGTH)),
        ("URL-Lama", item.old_url and one_line(item.old_url)),
    )
    return [f"{key}: {value}" for key, value in fields if value]


def compose(item: SourceItem, credit: bool = False) -> Draft:
    """The file's text; with `credit`, a last line naming the source's author."""
    header = header_lines(item)
    body = item.body.strip("\n")
    if credit and item.author:
        body = f"{body}\n\nPenulis: {one_line(item.author)}"
    text = "\n".join(header) + "\n\n" + body + "\n" if header else body + "\n"
    return Draft(file_stem(item), text, list(item.notes))
