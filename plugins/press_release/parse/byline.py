"""The byline code that closes a release: "(rus/hmsprov)", "[dni]", "*kmb"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# A code in brackets at the very end of a paragraph, maybe followed by a stop.
TAIL_CODE = re.compile(
    r"""(?x)
    (?P<open>[(\[])
    (?P<code>[^()\[\]\n]{1,60})
    (?P<close>[)\]])
    (?P<after>[\s.]*)$
    """
)
# The characters \s matches (those str.isspace() accepts), and the full stop.
_SPACE_OR_STOP = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000."
)
# "*kmb" at the very end.
STAR_CODE = re.compile(r"(?:(?<=\s)|(?<=[.!?\"”]))\*(?P<code>[A-Za-z]{2,6})\s*$")
# An end mark " *" or " ***".
END_MARK = re.compile(r"\s*\*{1,3}\s*$")

_PART = re.compile(r"[A-Za-z0-9][A-Za-z0-9 .\-_]{0,24}")
_DATE_LIKE = re.compile(r"\d{1,2}\s?[/-]\s?\d{1,2}(?:\s?[/-]\s?\d{2,4})?")
# Parts of a code that name an office (the desk), not a reporter.
DESK = re.compile(
    r"(?i)hms|humas|prov|kominfo|dprd|adpim|pemkab|pemkot|pemprov|setda|setwan|biro|redaksi"
    r"|newsroom|protokol|kopim|^dis[a-z]{4,}|^dinas"
)


@dataclass(frozen=True)
class Byline:
    code: str
    reporters: tuple[str, ...]
    desk: str | None


# A site's codes recur in release after release ("rus/hmsprov"): each is read once.
@lru_cache(maxsize=1024)
def is_code(code: str, brackets: str = "(") -> bool:
    """True for a byline code; False for acronyms, dates and editor glosses."""
    code = code.strip()
    if code == "*":
        return True
    if "," in code or ":" in code:
        return False
    if code[:1].isdecimal() and _DATE_LIKE.fullmatch(code):  # a date opens with \d
        return False
    parts = [part.strip() for part in code.split("/")]
    if not 1 <= len(parts) <= 5 or not all(map(_PART.fullmatch, parts)):
        return False
    if all(map(str.isdigit, parts)):
        return False
    if len(parts) > 1:
        return True
    part = parts[0]
    words = part.split()
    if len(words) > 1:
        return bool(DESK.search(part)) and len(words) <= 3
    if brackets == "[":
        return True
    if any(map(str.isdigit, part)) or "-" in part:
        return any(map(str.isalpha, part))
    # A lone word: lower case is a code ("humas", "ris"), capitals an acronym ("KKPR").
    return part.islower() or bool(DESK.search(part) and not part.isupper())


@lru_cache(maxsize=1024)
def split_code(code: str) -> Byline:
    """ "rus/hmsprov" -> reporters ("rus",), desk "hmsprov"."""
    code = " ".join(code.split())
    if code == "*":
        return Byline(code, (), None)
    parts = [part.strip() for part in code.split("/") if part.strip()]
    if not parts:  # "/" or "": an author's header may hold anything
        return Byline(code, (), None)
    desk_index = None
    if DESK.search(parts[-1]):
        desk_index = len(parts) - 1
    elif DESK.search(parts[0]):
        desk_index = 0
    desk = parts[desk_index] if desk_index is not None else None
    reporters = tuple(p for i, p in enumerate(parts) if i != desk_index)
    return Byline(code, reporters, desk)


def tail_search_start(text: str) -> int:
    """Where a search for TAIL_CODE (or release.TAIL_CREDIT) may start, missing nothing.

    TAIL_CODE can match at one place only: its closing bracket is the last bracket of
    the text (only spaces and stops may follow it) and its opening bracket the bracket
    before, at most 61 characters earlier, since the code holds 1-60 non-bracket
    characters. Searching from ``pos`` rather than from 0 finds that same match (the
    pattern has no anchor or look-behind that could see the difference), and spares a
    scan of a long paragraph for brackets that cannot be the code's. TAIL_CREDIT has
    the same shape with round brackets only.
    """
    end = len(text.rstrip(_SPACE_OR_STOP))  # TAIL_CODE's [\s.]*
    return max(0, end - 64)


def take_byline(text: str) -> tuple[str, list[str]]:
    """Strip byline codes from the end of `text`: ``(text_without, codes_in_order)``.

    The sentence keeps its own full stop: "... pungkasnya (adv/hms7)." gives
    "... pungkasnya.".
    """
    codes: list[str] = []
    while True:
        # TAIL_CODE's closing bracket is the last character but spaces and stops (see
        # tail_search_start): without a bracket there, it cannot match.
        if text.rstrip(_SPACE_OR_STOP)[-1:] in (")", "]"):
            match = TAIL_CODE.search(text, tail_search_start(text))
        else:
            match = None
        if match and is_code(match["code"], match["open"]):
            before = text[: match.start()].rstrip()
            stop = "." if "." in match["after"] and not before.endswith((".", "!", "?")) else ""
            text = before + stop
            codes.insert(0, " ".join(match["code"].split()))
            continue
        # "*kmb" ends the text but for spaces: its star stands at most 7 characters before
        # the end of text.rstrip(), and its look-behind still sees the text before `pos`.
        star = STAR_CODE.search(text, max(0, len(text.rstrip()) - 8)) if "*" in text else None
        if star and not codes:
            text = text[: star.start()].rstrip()
            codes.insert(0, star["code"])
            continue
        break
    return text, codes


def strip_end_mark(text: str) -> str:
    if not text.rstrip().endswith("*") or text.endswith("**)"):  # no regex when no star
        return text
    return END_MARK.sub("", text)


# A credit naming who wrote the release: "Penulis: Ningsih", "Reporter : Sahri.",
# "Pewarta: Rina Kusuma". Editors, photographers and sources are credits only.
REPORTER_CREDIT = re.compile(
    r"(?i)(?:penulis|reporter|wartawan|pewarta|peliput|kontributor)\s*[:;]\s*(?P<names>.+)"
)
# Between names: "Ningsih dan Budi", "Ani, Budi & Citra".
_NAME_SEPARATOR = re.compile(r"\s*(?:,|&|\bdan\b|\band\b)\s*")
_NAME = re.compile(r"[^\W\d_][\w.'’\-]*(?: [^\W\d_][\w.'’\-]*){0,4}")
# An academic degree after a name's comma ("S.Sos", "M.Si", "S.E.", "Ph.D"): the name's.
_DEGREE = re.compile(r"[A-Z][a-z]{0,3}\.(?:[A-Z][a-z]{0,3}\.?)*")


def credited_reporters(credits: list[str]) -> list[str]:
    """The reporters a release's credit lines name, in order, each once.

    A line may hold several credits separated by "|" ("Penulis: Rina | Editor: Bayu").
    A credit whose text does not read as names (a date, a link, a sentence) names none.
    """
    names: list[str] = []
    for credit in credits:
        for part in credit.split("|"):
            match = REPORTER_CREDIT.fullmatch(part.strip())
            if not match:
                continue
            found: list[str] = []
            for name in _NAME_SEPARATOR.split(match["names"].strip().rstrip(".")):
                if found and _DEGREE.fullmatch(name):
                    found[-1] += f", {name}"  # "Muh. Yusuf, S.Sos"
                else:
                    found.append(name)
            if all(_NAME.fullmatch(name.split(",")[0]) for name in found):
                names.extend(name for name in found if name not in names)
    return names
