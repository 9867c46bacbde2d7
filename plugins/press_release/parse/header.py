"""The optional author header: ``Key: value`` lines at the top, ending at a blank line.

The block of lines from the first non-blank line to the first blank line (or the end)
is a header when every line in it reads ``Key: value`` and at least one key is
recognised (KEYS). Recognised keys apply; each other line is named in a warning and
kept as a credit line, so its text is not lost ("Penulis: Ani" still credits Ani). A
block with no recognised key ("Penulis: Rina | Editor: Bayu" above the title) or with a
line of text in it (a title, a lead) is the release's own text.

``Status`` is checked: a value that is not a known status keeps the release back as a
draft, and so does a ``Status:`` line at the very top that lacks the blank line below
it: a release marked private must never go public because of a typo.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from ..messages import Message

# Header key (English or Indonesian, any case) -> metadata name.
KEYS: Final = {
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
    # The page an imported release came from (python -m press_release import).
    "url-lama": "old_url",
    "old-url": "old_url",
}
# The keys as a warning names them, one per metadata name.
KEY_NAMES: Final = (
    "Judul, Tanggal, Kategori, Slug, Dateline, Byline, Ringkasan, Label, Status, Foto, "
    "Keterangan Foto, Alt, URL-Lama"
)
PHOTO_KEYS: Final = frozenset({"photo_credit", "photo_caption", "photo_alt"})

# The statuses Pelican knows for an article, and the words an author may write for them
# (any case, a final full stop ignored).
STATUSES: Final = ("published", "draft", "hidden", "skip")
STATUS_WORDS: Final = {
    "published": "published", "publish": "published", "terbit": "published",
    "terbitkan": "published", "diterbitkan": "published", "tayang": "published",
    "draft": "draft", "draf": "draft", "konsep": "draft", "rancangan": "draft",
    "hidden": "hidden", "tersembunyi": "hidden", "sembunyikan": "hidden",
    "skip": "skip", "lewati": "skip", "abaikan": "skip",
}  # fmt: skip
# How a warning lists them: each status with its Indonesian words.
ACCEPTED_STATUSES: Final = (
    "published (terbit), draft (draf, konsep), hidden (tersembunyi), skip (lewati)"
)
# When one header names two statuses, the more private one holds.
_PRIVACY: Final = {"skip": 3, "hidden": 2, "draft": 1, "published": 0}

_KEY_LINE: Final = re.compile(
    r"""(?x)
    (?P<key>[A-Za-z]+(?:[ -][A-Za-z]+)?)  # one or two words: "Judul", "Keterangan Foto",
                                          # or joined by a hyphen: "URL-Lama"
    (?:[ ](?P<number>[1-9][0-9]?))?      # a photo's number: "Alt 2"
    [ \t]*:[ \t]*                        # the colon, spaces allowed on either side
    (?P<value>.*)                        # the value, maybe empty
    """
)


def _name(key: str, number: str | None) -> str | None:
    """The metadata name of a header key, or None when it is no header key."""
    name = KEYS.get(key.lower())
    if number is None or name is None:
        return name
    if name not in PHOTO_KEYS:
        return None
    return name if number == "1" else f"{name}_{number}"


# A value that may be a status: one or two words ("draft", "publish later"), not a title.
_STATUS_LIKE: Final = re.compile(r"\S*(?:\s\S+)?")


@dataclass
class Header:
    """The header block: recognised values, other lines kept as credits, warnings."""

    values: dict[str, str] = field(default_factory=dict)
    credits: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    rest: list[str] = field(default_factory=list)


def split_header(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """``(recognised values, remaining lines)`` of read_header()."""
    header = read_header(lines)
    return (header.values, header.rest) if header is not None else ({}, lines)


def read_header(lines: list[str]) -> Header | None:
    """The header block at the top of `lines` ('' = blank) and the lines after it, or
    None when there is none (most releases: nothing is built for them)."""
    start = 0
    while start < len(lines) and not lines[start]:
        start += 1
    end = start
    matches: list[re.Match[str]] = []
    # A key line holds its colon: most files open with a title, which the pattern skips.
    while end < len(lines) and ":" in lines[end] and (match := _KEY_LINE.fullmatch(lines[end])):
        matches.append(match)
        end += 1
    if not matches or not any(_name(m["key"], m["number"]) for m in matches):
        return None
    if end < len(lines) and lines[end]:  # a line of text inside the block: no header
        return _stray_status(lines, start, matches)
    header = Header(rest=lines[end:])
    for match in matches:
        _read_line(header, match)
    return header


def _read_line(header: Header, match: re.Match[str]) -> None:
    """Apply one ``Key: value`` line of a header block."""
    line, value = match.group(0), match["value"].strip()
    name = _name(match["key"], match["number"])
    if name is None:
        header.credits.append(line)
        header.warnings.append(
            Message(
                "the header line %(line)r has no header key (%(keys)s); it is kept as a "
                "credit line: rename its key, or put it below the header's blank line if it "
                "belongs to the release text",
                line=line,
                keys=KEY_NAMES,
            )
        )
        return
    if name == "status":
        _read_status(header, line, value)
        return
    if not value:
        header.warnings.append(
            Message(
                "the header line %(line)r has no value; write the value after the colon, "
                "or remove the line",
                line=line,
            )
        )
        return
    if name in header.values:
        header.warnings.append(
            Message(
                "the header key %(key)r is given twice; the first value %(value)r is used: "
                "remove the other line",
                key=match["key"],
                value=header.values[name],
            )
        )
        return
    header.values[name] = value


def _read_status(header: Header, line: str, value: str) -> None:
    status, warning = check_status(value, line)
    if warning:
        header.warnings.append(warning)
    known = header.values.get("status")
    if known is not None:
        header.warnings.append(
            Message(
                "the header key 'Status' is given twice (%(first)r and %(second)r); the "
                "more private one holds: remove the other line",
                first=known,
                second=status,
            )
        )
        if _PRIVACY[known] >= _PRIVACY[status]:
            return
    header.values["status"] = status


def check_status(value: str, line: str) -> tuple[str, str | None]:
    """The status a ``Status:`` value names, and a warning when it names none.

    An unknown or empty value keeps the release back as a draft: a misspelt "draft"
    must never publish it.
    """
    status = STATUS_WORDS.get(value.strip().rstrip(".").strip().casefold())
    if status is not None:
        return status, None
    return "draft", Message(
        "the header line %(line)r names no known status; the release is kept back as a "
        "draft: write one of %(accepted)s",
        line=line,
        accepted=ACCEPTED_STATUSES,
    )


def _stray_status(lines: list[str], start: int, matches: list[re.Match[str]]) -> Header | None:
    """No header (text follows the key lines without a blank line), but a ``Status:``
    line among the key lines at the top still applies, and leaves the text."""
    for offset, match in enumerate(matches):
        if match["key"].lower() != "status" or not _STATUS_LIKE.fullmatch(match["value"]):
            continue
        header = Header(rest=lines[: start + offset] + lines[start + offset + 1 :])
        _read_status(header, match.group(0), match["value"].strip())
        header.warnings.append(
            Message(
                "the line %(line)r at the top was applied, but the lines around it are "
                "read as release text: put a blank line after the header",
                line=match.group(0),
            )
        )
        return header
    return None
