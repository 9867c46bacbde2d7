"""Caption, credit and alt text of each photo: a pure function of the release's text.

The parser already sets caption lines aside (``Release.captions``: "RESKAL : Kepala
DPMD ...", a sentence ending in "(yuvita/humasprov)") and credit lines
(``Release.credits``: "Foto: Humas Prov Kaltim"). Here:

1. captions attach to the photos in order: the first caption to the lead photo;
2. a credit in brackets closing a caption ("(yuvita/humasprov)", "(Foto: doc)") is that
   photo's credit; "Foto: ..." credit lines give the credits of the photos in order, and
   a single one credits every photo;
3. a "Foto: ..." line that reads as a sentence of six words or more is a caption, not a
   credit ("Foto: Gubernur meninjau posko banjir di Samarinda. (rus/humasprov)");
4. header keys override, for the lead photo (``Keterangan Foto:``, ``Foto:``, ``Alt:``)
   or a numbered one (``Alt 2:``);
5. alt text falls back to the caption, without its label and credit.

Captions beyond the photos stay in the body as before: nothing is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ..messages import Message
from ..parse.byline import is_code
from ..parse.normalise import SENTENCE_STOPS, fewer_words

# A credit line naming the photographer: "Foto: Humas Prov Kaltim", "Fotografer : Ani".
PHOTO_CREDIT = re.compile(
    r"""(?ix)
    (?:foto(?:grafer)?|photo|kredit\ foto)   # the label
    \s*[:;]\s*
    (?P<value>\S.*)                          # who took the photo (or, if long, a caption)
    """
)
# A credit in brackets closing a caption: "(yuvita/humasprov)", "(Foto: doc)".
CLOSING_CREDIT = re.compile(
    r"""(?x)
    \s*\(
    (?:(?i:foto|photo)\s*:\s*)?              # an optional "Foto:" inside the brackets
    (?P<credit>[^()]{1,60})
    \)\s*\.?\s*$                             # the end of the caption (a stop may follow)
    """
)
# The label opening a caption line: "Foto: ", "Keterangan foto - ", "Ket. ".
CAPTION_LABEL = re.compile(r"(?i)(?:foto|photo|keterangan\ foto|ket(?:\.|erangan)?)\s*[:.\-–]\s*")
# A newsroom tag opening a caption, kept in the caption but not in alt text: "RESKAL : ".
CAPTION_TAG = re.compile(r"[A-Z]{3,}(?:\ [A-Z]{3,})?\ :\ ")
_CAPTION_ENDS = SENTENCE_STOPS | {")"}  # a caption may end with its credit's bracket
# A header key about a photo (parse/header.py): "photo_alt", "photo_alt_2".
HEADER_PHOTO_KEY = re.compile(r"(?P<name>photo_(?:caption|credit|alt))(?:_(?P<number>\d+))?")
# The header words an author writes for each (parse/header.py's KEYS, one of each).
HEADER_WORDS = {"photo_caption": "Keterangan Foto", "photo_credit": "Foto", "photo_alt": "Alt"}
CAPTION_MIN_WORDS = 6  # a "Foto: ..." line of this many words and a stop is a caption


class CaptionSource(Protocol):
    """What captions need of a release: parse.Release has these."""

    captions: list[str]
    credits: list[str]
    header: dict[str, str]


@dataclass(frozen=True)
class Photo:
    """One photo of a release, as the author gave it."""

    path: Path
    order: int  # 1 for the lead photo
    caption: str | None = None
    credit: str | None = None
    alt: str | None = None
    # The index in the release's caption lines of the line this photo's caption is: the
    # page shows that line with the photo instead of above the lead. None when the
    # caption comes from elsewhere (the header, a "Foto:" line) or there is none.
    line: int | None = None

    @property
    def is_lead(self) -> bool:
        return self.order == 1


def split_credit(caption: str) -> tuple[str, str | None]:
    """A caption and the credit in brackets closing it, if any."""
    match = CLOSING_CREDIT.search(caption)
    if not match:
        return caption, None
    credit = match["credit"].strip()
    named = match.group(0).lstrip(" (").lower().startswith(("foto", "photo"))
    if not named and not is_code(credit):
        return caption, None  # "(3/9)" or "(KKPR)": part of the caption
    text = caption[: match.start()].rstrip()
    if match.group(0).rstrip().endswith(".") and text[-1:] not in _CAPTION_ENDS:
        text += "."
    return text, credit


def caption_text(line: str) -> tuple[str, str | None]:
    """The caption without its "Foto:" label, and its closing credit."""
    if label := CAPTION_LABEL.match(line):
        line = line[label.end() :]
    return split_credit(line.strip())


def alt_text(caption: str) -> str:
    """Alt text from a caption: without a newsroom tag ("RESKAL : ")."""
    return CAPTION_TAG.sub("", caption, count=1).strip()


def _reads_as_caption(value: str) -> bool:
    return not fewer_words(value, CAPTION_MIN_WORDS) and value.rstrip("\n")[-1:] in _CAPTION_ENDS


def captions_and_credits(release: CaptionSource) -> tuple[list[tuple[str, str | None]], list[str]]:
    """The captions (text, closing credit) and the photo credits of a release, in order."""
    captions = [caption_text(line) for line in release.captions]
    credits: list[str] = []
    for line in release.credits:
        match = PHOTO_CREDIT.fullmatch(line.strip())
        if not match:
            continue  # "Penulis: ...", "Editor: ...": not about a photo
        if _reads_as_caption(match["value"]):
            captions.append(split_credit(match["value"]))
        else:
            credits.append(match["value"].strip())
    return captions, credits


def _header(release: CaptionSource, name: str, order: int) -> str | None:
    key = name if order == 1 else f"{name}_{order}"
    value = release.header.get(key, "").strip()
    return value or None


def attach_captions(release: CaptionSource, files: list[Path]) -> list[Photo]:
    """Photo records for a release's photo files (lead first), in order."""
    captions, credits = captions_and_credits(release)
    photos = []
    for index, path in enumerate(files):
        order = index + 1
        text, closing = captions[index] if index < len(captions) else (None, None)
        credit = closing or (
            credits[index] if index < len(credits) else credits[0] if len(credits) == 1 else None
        )
        header_caption = _header(release, "photo_caption", order)
        caption = header_caption or text
        alt = _header(release, "photo_alt", order) or (alt_text(caption) if caption else None)
        from_line = header_caption is None and index < len(release.captions)
        photos.append(
            Photo(
                path=path,
                order=order,
                caption=caption,
                credit=_header(release, "photo_credit", order) or credit,
                alt=alt,
                line=index if from_line else None,
            )
        )
    return photos


def header_without_photo(release: CaptionSource, count: int) -> list[str]:
    """Warnings for header lines about a photo the release does not have (so that what
    the author wrote there is not lost without a word)."""
    warnings = []
    for key in sorted(release.header):
        match = HEADER_PHOTO_KEY.fullmatch(key)
        number = int(match["number"] or 1) if match else 0
        if number > count:
            words = HEADER_WORDS[match["name"]] + ("" if number == 1 else f" {number}")
            warnings.append(
                Message(
                    "the header line '%(words)s: ...' describes photo %(number)s, but the "
                    "release has %(count)s photo(s): put the photo next to the release (named "
                    "like it, with -%(number)s for photo %(number)s) or remove the line",
                    words=words,
                    number=number,
                    count=count,
                )
                if number > 1
                else Message(
                    "the header line '%(words)s: ...' describes the lead photo, but the "
                    "release has none: put the photo next to the release, named like it",
                    words=words,
                )
            )
    return warnings
