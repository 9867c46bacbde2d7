"""Read each composed file back with the site's own parser, as the build will.

The import reports what the reader would make of the file: a different title, text
it shows nowhere (left out as page chrome, such as "Baca juga" lines), or a file the
build would skip. Nothing is changed on the strength of it: the office decides.
"""

from __future__ import annotations

import string

from ..errors import PressReleaseError
from ..parse import Release, parse_release
from .compose import Draft
from .messages import Note, note
from .model import SourceItem

# Punctuation to spaces: a text's words are then what str.split() gives (several times
# faster than a Unicode \w+ regex over every release).
PUNCTUATION = str.maketrans(dict.fromkeys(string.punctuation + "“”‘’–—…«»•·", " "))
# Words listed in a warning about text the reader does not show.
SHOWN_WORDS = 8


def words(text: str) -> set[str]:
    return set(text.casefold().translate(PUNCTUATION).split())


def shown_text(release: Release) -> str:
    """Everything of the release that reaches its page."""
    parts = [
        release.title or "",
        release.dek or "",
        release.dateline_text or "",
        release.body_text,
        release.byline or "",
        *release.captions,
        *release.credits,
    ]
    return "\n".join(parts)


def read_back(draft: Draft, item: SourceItem) -> tuple[Release | None, list[Note]]:
    """The parser's reading of the draft, and what differs from the source."""
    try:
        release = parse_release(draft.text.encode("utf-8"), draft.stem + ".txt")
    except PressReleaseError as exc:
        return None, [note("reader_error", reason=str(exc))]
    notes: list[Note] = []
    if item.title and release.title != " ".join(item.title.split()):
        notes.append(note("reader_title", found=release.title, expected=item.title))
    missing = words(item.body) - words(shown_text(release))
    if missing and release.dropped:
        notes.append(
            note("reader_dropped", count=len(release.dropped), line=release.dropped[0][:80])
        )
        missing -= words("\n".join(release.dropped))
    if missing:
        listed = ", ".join(sorted(missing)[:SHOWN_WORDS])
        notes.append(note("reader_missing", count=len(missing), words=listed))
    return release, notes
