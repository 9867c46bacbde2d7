"""One display form for datelines, whatever dash the author typed.

Authors close a dateline with an en dash, a hyphen, an em dash, two hyphens, a full stop,
a comma or a colon ("SAMARINDA —", "BALIKPAPAN -", "BONTANG –", "Balikpapan,"). The page
shows every dateline one way: the place in capitals and one spaced en dash
("SAMARINDA –"), with what the author wrote between them kept (an outlet, an agency or a
date: "JAKARTA (ANTARA) –"). The dateline as written stays in the release's data
(``dateline_source`` in the metadata, ``dateline`` in ``check --json``).
"""

from __future__ import annotations

import re
from html import escape

DASH = "\u2013"  # the one separator shown: an en dash, spaced
# The separator closing a written dateline, with the spaces around it:
#   " – ", " - ", " — ", " -- ", " | ", " ~ " (spaced), "—"/"-" glued to the place,
#   or a full stop, comma or colon right after it.
TRAILING_SEPARATOR = re.compile(
    r"""
    \s*
    (?: --          # two hyphens
      | [-–—|~]     # a dash, a bar or a tilde
      | [.,:]       # a full stop, comma or colon
    )
    \s*$
    """,
    re.X,
)
# An issuing unit written after the dash: "PALANGKA RAYA – BIRO ADPIM".
UNIT_AFTER_DASH = re.compile(r"\s+(?:--|[-–—])\s+(?P<unit>[^-–—]+)$")


def display_dateline(written: str, place: str | None, agency: str | None) -> str:
    """The dateline as the page shows it: ``"SAMARINDA –"``, ``"JAKARTA (ANTARA) –"``."""
    core = TRAILING_SEPARATOR.sub("", written.strip())
    unit = UNIT_AFTER_DASH.search(core)
    if unit and agency and unit["unit"].strip() == agency:
        core = f"{core[: unit.start()]} ({agency})"  # "PALANGKA RAYA (BIRO ADPIM)"
    if place and place in core:
        core = core.replace(place, place.upper(), 1)
    return f"{core} {DASH}" if core else written


def restyle_body(body_html: str, written: str | None, shown: str) -> str:
    """The release's body HTML with its dateline span showing ``shown``."""
    if not written or shown == written:
        return body_html
    old = f'<span class="dateline">{escape(written, quote=False)}</span>'
    new = f'<span class="dateline">{escape(shown, quote=False)}</span>'
    return body_html.replace(old, new, 1)
