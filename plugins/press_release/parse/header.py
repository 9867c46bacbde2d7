"""The optional author header: ``Key: value`` lines at the top, ending at a blank line."""

from __future__ import annotations

import re

# Header key (English or Indonesian, any case) -> metadata name.
KEYS = {
    "title": "title",
    "judul": "title",
    "date": "date",
    "tanggal": "date",
    "category": "category",
    "kategori": "category",
    "slug": "slug",
    "dateline": "dateline",
    "byline": "byline",
    "summary": "summary",
    "ringkasan": "summary",
    "tags": "tags",
    "label": "tags",
    "status": "status",
    # Photos (photos/captions.py): the lead photo's, or with a number ("Alt 2:") another's.
    "foto": "photo_credit",
    "kredit foto": "photo_credit",
    "keterangan foto": "photo_caption",
    "alt": "photo_alt",
}
PHOTO_KEYS = frozenset({"photo_credit", "photo_caption", "photo_alt"})

_KEY_LINE = re.compile(
    r"(?P<key>[A-Za-z]+(?:[ ][A-Za-z]+)?)"  # one or two words: "Judul", "Keterangan Foto"
    r"(?:[ ](?P<number>[1-9][0-9]?))?"  # a photo's number: "Alt 2"
    r"[ \t]*:[ \t]*(?P<value>.*)"
)


def _name(key: str, number: str | None) -> str | None:
    """The metadata name of a header key, or None when it is no header key."""
    name = KEYS.get(key.lower())
    if number is None or name is None:
        return name
    if name not in PHOTO_KEYS:
        return None
    return name if number == "1" else f"{name}_{number}"


def split_header(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """Return ``(header, remaining_lines)``.

    A header is a run of one or more known ``Key: value`` lines from the first
    non-blank line, closed by a blank line or the end of the file. Anything else
    (an unknown key such as "Penulis: Ningsih", or no blank line after the run) is
    not a header and stays part of the release.
    """
    start = 0
    while start < len(lines) and not lines[start]:
        start += 1
    header: dict[str, str] = {}
    index = start
    while index < len(lines) and lines[index]:
        match = _KEY_LINE.fullmatch(lines[index])
        name = _name(match["key"], match["number"]) if match else None
        if name is None:
            return {}, lines
        header[name] = match["value"].strip()
        index += 1
    if not header:
        return {}, lines
    return header, lines[index:]
