"""Which byline codes are people: reporter pages, names shown, advertorials.

The reporter parts of a byline code are initials ("ky", "her", "yans"). Only a code the
site names in ``PRESS_RELEASE_REPORTERS`` is a person: the release's author (Pelican
makes a reporter page for every author of an article), shown by name. Any other code
is shown only as written, in the release's code line ("(ky/her/yans/humasprovkaltim)"),
never as a person nor in the reporter index. A code of ``PRESS_RELEASE_ADVERTORIAL``
("adv") marks paid content: the release is labelled "Advertorial" and the code is never
a person, even when the reporter table names it.

The filtering belongs to the reader's metadata (``authors``): a reporter page that is
never made cannot be linked by any theme, and the URLs of known reporters stay
``reporter/<code>/``. Names from credit lines ("Penulis: Rina Kusuma") are written out
by the author, not codes: they stay authors, as before.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Reporters:
    """The site's reporter table and advertorial codes, compared in any letter case."""

    names: dict[str, str]  # code, case-folded -> the name shown
    advertorial: frozenset[str]  # case-folded codes

    @classmethod
    def of(cls, settings: dict) -> Reporters:
        table = settings.get("PRESS_RELEASE_REPORTERS") or {}
        advertorial = settings.get("PRESS_RELEASE_ADVERTORIAL")
        if advertorial is None:
            advertorial = ("adv",)
        return cls(
            {str(code).strip().casefold(): name for code, name in table.items()},
            frozenset(str(code).strip().casefold() for code in advertorial),
        )

    def is_advertorial(self, code: str) -> bool:
        return code.strip().casefold() in self.advertorial

    def name(self, code: str) -> str | None:
        """The person a code stands for, or None (unknown, or an advertorial mark)."""
        key = code.strip().casefold()
        if key in self.advertorial:
            return None
        return self.names.get(key)

    def people(self, codes: Iterable[str]) -> list[str]:
        """The codes that are people, as written, each once, in order."""
        return list(dict.fromkeys(c.strip() for c in codes if c.strip() and self.name(c)))

    def authors(self, codes: Iterable[str], credited: Iterable[str]) -> list[str]:
        """The release's authors for Pelican: its known reporter codes when it has a byline
        code, else the names its credit lines give."""
        codes = list(codes or ())
        if codes:
            return self.people(codes)
        return list(dict.fromkeys(n.strip() for n in credited or () if n.strip()))

    def any_advertorial(self, codes: Iterable[str]) -> bool:
        return any(self.is_advertorial(code) for code in codes or ())
