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
    # The page an imported release came from (python -m press_release import).
    "url-lama": "old_url",
    "old-url": "old_url",
}

_KEY_LINE = re.compile(
    r"(?P<key>[A-Za-z]+(?:-[A-Za-z]+)?)"  # a word, or two joined by a hyphen ("URL-Lama")
    r"[ \t]*:[ \t]*(?P<value>.*)"
)


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
        if not match or match["key"].lower() not in KEYS:
            return {}, lines
        header[KEYS[match["key"].lower()]] = match["value"].strip()
        index += 1
    if not header:
        return {}, lines
    return header, lines[index:]
