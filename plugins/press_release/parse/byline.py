"""The byline code that closes a release: "(rus/hmsprov)", "[dni]", "*kmb"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from mypy_extensions import mypyc_attr

from .dates import WEEKDAYS
from .normalise import SENTENCE_STOPS, fewer_words

# A code in brackets at the very end of a paragraph, maybe followed by a stop or a
# closing rule of dashes ("(DN - TiR).--").
TAIL_CODE: Final = re.compile(
    r"""(?x)
    (?P<open>[(\[])
    (?P<code>[^()\[\]\n]{1,60})
    (?P<close>[)\]])
    (?P<after>[\s.\-–—]*)$
    """
)
# The characters \s matches (those str.isspace() accepts), and the full stop.
_SPACE_OR_STOP: Final = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000."
)
# What may follow a code: TAIL_CODE's (?P<after>...), spaces, stops and dashes.
_CODE_AFTER: Final = _SPACE_OR_STOP + "-–—"
# "*kmb", "***rz/sr" or "*ABC/DEF" at the very end, or dotted initials "*E.W".
STAR_CODE: Final = re.compile(
    r"(?:^|(?<=\s)|(?<=[.!?\"”]))"
    r"(?:\*{1,3}(?P<code>[A-Za-z]{2,6}(?:/[A-Za-z]{2,8})?)"
    r"|(?P<dotted>\*[A-Z](?:\.[A-Z]){1,3}))"  # kept with its star
    r"\s*$"
)
# An outlet's domain in lower case after the last sentence's stop ("... lainnya.
# outlet.com"), or alone on the last line.
DOMAIN_SIGN_OFF: Final = re.compile(
    r"(?:(?<=[.!?\"”])\s+|^)(?P<code>[a-z][a-z0-9-]{2,30}\.(?:com|co\.id|id|net))$"
)
SIGN_OFF_ENDINGS: Final = frozenset((".com", ".net", "o.id"))
# A writer's code after a double bar glued to the last sentence's stop: "... Achmad.||BMT".
GLUED_BAR_CODE: Final = re.compile(r"(?<=[.!?\"”])\|\|(?P<code>[A-Za-z][\w.]{1,20})\s*$")
# A writer's handle glued to the last sentence's stop: "... di Indonesia.@herz".
GLUED_HANDLE: Final = re.compile(r"(?<=[.!?\"”])@(?P<code>[A-Za-z]{2,12})\s*$")
# An end mark " *" or " ***".
END_MARK: Final = re.compile(r"\s*\*{1,3}\s*$")
# The anonymous code glued to the last sentence's stop, without brackets: "... dan maju.**",
# "... kata dia.*"
# (spaced, " ***" is an end mark).
GLUED_STARS: Final = re.compile(r"(?<=[.!?\"”’])(?P<code>\*{1,3})\s*$")
# Antara's closing code, stars around the editor's number, glued or not: "lainnya.***4***".
STAR_NUMBER: Final = re.compile(r"(?<![*\w])\s*(?P<code>\*{2,3}\d{1,3}\*{2,3})\s*$")
# A code after a slash, closing the last sentence: "... mengiyakan. /bd" (or a line "/bd").
SLASH_CODE: Final = re.compile(
    r"""(?x)
    (?:^|(?<=[.!?"”’]))                      # the line's start, or a sentence's end
    \s*/(?P<code>[A-Za-z][A-Za-z0-9]{0,9})   # "/bd"
    \s*$
    """
)
# A code of a word and a slash after the last sentence's stop, without brackets: "...
# 2018. AND/*", "... dibuka. RUS/hms", "... Sanjaya. SB/DI." (a stop after it).
# A desk's word in capitals may stand before it: "... diresmikan. MC Tapin/RDA"; an
# anonymous writer's star before the desk: "... tandas gubernur. */RES".
BARE_SLASH_CODE: Final = re.compile(
    r"(?<=[.!?\"”’])\s+(?P<code>(?:(?:[A-Z]{2,4}\ )?[A-Za-z]{2,8}|\*{1,3})"
    r"/(?:\*{1,3}|[A-Za-z]{2,8}))\.?\s*$"
)
# The same code in capitals glued to the last sentence's stop: "... plus minus 1%.SB/**".
GLUED_SLASH_CODE: Final = re.compile(
    r"(?<=[.!?\"”’])(?P<code>[A-Z]{2,8}/(?:\*{1,3}|[A-Za-z]{2,8}))\.?\s*$"
)
# A code of a name and a slash alone on its line, without brackets: "Sutopo/hms",
# "dadang bs/hei/eyv".
LINE_SLASH_CODE: Final = re.compile(r"[A-Za-z]{2,10}(?:\ [a-z]{2,4})?(?:/[A-Za-z]{2,10}){1,3}")
# Words a share row or a sentence's "and/or" joins with a slash, never a code's parts.
_SHARE_PARTS: Final = frozenset((
    "facebook", "twitter", "whatsapp", "instagram", "youtube", "tiktok", "telegram", "share",
    "print", "email", "tweet", "line", "fb", "wa", "ig", "dan", "atau", "and", "or",
))  # fmt: skip
# A newsroom's team line before a code in brackets: "Tim Redaksi (Adv 44/Fr)".
TEAM_BEFORE_CODE: Final = re.compile(
    r"(?i:tim)\ (?i:redaksi|liputan|humas|media|mc|publikasi)\b.{0,30}"
)
# An outlet's name in capitals signing off after the last sentence's stop: "... maju. OUTLET",
# or the newsroom's word: "... ujarnya. Red".
CAPS_SIGN_OFF: Final = re.compile(r"(?<=[.!?\"”’])\s+(?P<code>[A-Z]{3,12}|Red)\s*$")
# A lone "#" after the last sentence's stop: a newsroom's end mark, taken as the code.
HASH_MARK: Final = re.compile(r"(?<=[.!?\"”’])\s*#\s*$")
# Initials glued to the last sentence's stop, or a space after it: "... dan lainnya.wfh"
# (not a domain's ending), "... ucapnya. gia" (a sentence opens with a capital).
GLUED_INITIALS: Final = re.compile(r"(?<=[a-z]{3}\.)\ ?(?P<code>[a-z]{2,4})$")
_DOMAIN_ENDINGS: Final = frozenset(
    ("com", "net", "org", "info", "biz", "web", "html", "php", "htm", "id")
)
# A code whose closing bracket is missing, after the last sentence's stop: "... Graha.
# (Prokopim/ky/dok.gtm" (a code with a slash: a lone word may be anything).
UNCLOSED_CODE: Final = re.compile(
    r"(?<=[.!?\"”’])\s*\((?P<code>[^()\[\]\s]{1,40}/[^()\[\]\s]{1,40})\s*$"
)
# An empty pair of brackets closing the text ("... dewan guru.[]"), where a page's template
# left out the credit: no code, but the release ends there.
EMPTY_PAIR: Final = re.compile(r"\s*(?:\[\s*\]|\(\s*\))[\s.]*$")
# An empty pair, then a code, on a line of its own: "[] ABC/Adv".
EMPTY_THEN_CODE: Final = re.compile(r"\s*\[\s*\]\s*(?P<code>[^\s()\[\]]{1,30})\s*")
# The same pair and code glued to the last sentence's stop: "... kata Sekda. [] HMS/Adv".
GLUED_EMPTY_THEN_CODE: Final = re.compile(
    r"(?<=[.!?\"”’])\s*\[\s*\]\s*(?P<code>[^\s()\[\]]{1,30})\s*$"
)
# The advertorial's mark a template prints after its empty pair: "[] ADVERTORIAL".
_ADVERTORIAL: Final = frozenset(("adv", "advertorial"))
# Characters that end a sentence, before a credit in brackets: ". (Mus)", "Erwin.(JM)".
_STOPS: Final = SENTENCE_STOPS | {"’"}
# Citations closing a quotation, not credits: "(HR Muslim)", "(QS Al-Baqarah: 183)".
CITATION: Final = re.compile(r"(?i)(?:h\.?\s?r|q\.?\s?s)\b\.?\s")

_PART: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9 .\-_]{0,24}")
_DATE_LIKE: Final = re.compile(r"\d{1,2}\s?[/-]\s?\d{1,2}(?:\s?[/-]\s?\d{2,4})?")
# A code, then the day it was filed after a comma: "humas dinkesprov, 7/8", "ant, 12/3/2025".
CODE_THEN_DATE: Final = re.compile(
    r"(?P<code>[^,]{2,40}),\ ?(?P<date>\d{1,2}/\d{1,2}(?:/\d{2,4})?)"
)
# Parts of a code that name an office (the desk), not a reporter.
DESK: Final = re.compile(
    r"(?i)hms|humas|prov|kominfo|dprd|adpim|pemkab|pemkot|pemprov|setda|setwan|biro|redaksi"
    r"|newsroom|protokol|kopim|kompim|^dis[a-z]{4,}|^dinas"
)


# The anonymous code of an office's desk: "(*)", "(**)", "(***)", and as a part "(ptr/**)".
ANONYMOUS: Final = frozenset(("*", "**", "***"))
# The parts split_code() leaves out of a code: empty ones and the anonymous desk's.
_NO_NAME: Final = ANONYMOUS | {""}


# A related-posts plugin's shortcode left in the page: "[yarpp]" (see chrome.TRAILING_MARKER).
PLUGIN_SHORTCODES: Final = frozenset(("yarpp", "related_posts", "related-posts"))


# Sets an attribute of a frozen instance (see Byline.__init__).
_set_fields = object.__setattr__


# Not a native class when compiled (see press_release/compiled.py): __init__ below sets
# the instance's dict.
@mypyc_attr(native_class=False)
@dataclass(frozen=True)
class Byline:
    code: str
    reporters: tuple[str, ...]
    desk: str | None

    def __init__(self, code: str, reporters: tuple[str, ...], desk: str | None) -> None:
        # One call sets the frozen instance's dict whole, as in dateline.Dateline (the
        # generated __init__ makes one per field); the same fields.
        _set_fields(self, "__dict__", {"code": code, "reporters": reporters, "desk": desk})


# A site's codes recur in release after release ("rus/hmsprov"): each is read once. A
# site holds thousands of codes (a reporter's with each desk): 1,024 kept missed half.
@lru_cache(maxsize=8192)
def is_code(code: str, brackets: str = "(") -> bool:
    """True for a byline code; False for acronyms, dates and editor glosses."""
    code = code.strip()
    if code in ANONYMOUS or code.rstrip("/ ") in ANONYMOUS:
        return True  # "(*)", and "(*/)": the anonymous desk, its reporter left out
    if code == "email protected" or code in PLUGIN_SHORTCODES:
        return False  # "[email protected]": an address a page's protection hid; "[yarpp]"
    if "," in code:
        # "(humas dinkesprov, 7/8)": a code and its day; "(Kamis, 7/8)" is a date
        dated = CODE_THEN_DATE.fullmatch(code)
        return bool(
            dated
            and dated["code"].strip().casefold() not in WEEKDAYS
            and is_code(dated["code"], brackets)
        )
    if ":" in code:
        return False
    if (
        code[-1:].isdecimal()  # a date ends the code: most codes end with a letter
        and code[:1].isalpha()
        and code.split(None, 1)[0].strip(".").casefold() in WEEKDAYS
    ):
        return False  # "(senin. 31/8)": a weekday and its date, not a reporter's code
    if code[:1].isdecimal() and _DATE_LIKE.fullmatch(code):  # a date opens with \d
        return False
    # "/RN": a slash at either end of the code separates nothing.
    parts = [part.strip() for part in code.strip("/ ").split("/")]
    if not 1 <= len(parts) <= 5 or not (
        all(map(_PART.fullmatch, parts))  # most codes: no star among the parts
        or all(_PART.fullmatch(p) or p in ANONYMOUS for p in parts)
    ):
        return False
    if ANONYMOUS.issuperset(parts):
        return False  # "*/**": stars alone are one code, not several
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


@lru_cache(maxsize=8192)
def split_code(code: str) -> Byline:
    """ "rus/hmsprov" -> reporters ("rus",), desk "hmsprov"."""
    code = " ".join(code.split())
    if code in ANONYMOUS:
        return Byline(code, (), None)
    dated = CODE_THEN_DATE.fullmatch(code) if "," in code else None
    parts = (dated["code"] if dated else code).split("/")
    parts = [part.strip() for part in parts if part.strip() not in _NO_NAME]
    if not parts:  # "/" or "": an author's header may hold anything
        return Byline(code, (), None)
    desk_index = None
    if DESK.search(parts[-1]):
        desk_index = len(parts) - 1
    elif DESK.search(parts[0]):
        desk_index = 0
    if desk_index is None:
        return Byline(code, tuple(parts), None)
    # The parts but the desk's (the first or the last): slices, not a generator's loop.
    return Byline(code, (*parts[:desk_index], *parts[desk_index + 1 :]), parts[desk_index])


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
    end = len(text.rstrip(_CODE_AFTER))  # TAIL_CODE's [\s.\-–—]*
    return max(0, end - 64)


def take_byline(text: str) -> tuple[str, list[str]]:
    """Strip byline codes from the end of `text`: ``(text_without, codes_in_order)``.

    The sentence keeps its own full stop: "... pungkasnya (adv/hms7)." gives
    "... pungkasnya.". Besides the codes is_code() accepts, the last brackets of the text
    hold a credit when they follow its last sentence (see closing_credit): "... OPD. (Mus)".
    """
    codes: list[str] = []
    while True:
        # TAIL_CODE's closing bracket is the last character but spaces, stops and dashes
        # (see tail_search_start): without a bracket there, it cannot match.
        if text.rstrip(_CODE_AFTER)[-1:] in (")", "]"):
            match = TAIL_CODE.search(text, tail_search_start(text))
        else:
            match = None
        if match and (
            is_code(match["code"], match["open"])
            or (not codes and closing_credit(match["code"], text[: match.start()]))
        ):
            before = text[: match.start()].rstrip()
            start = before.rfind("\n") + 1
            # TEAM_BEFORE_CODE opens with "tim" and a space: tested before the line is
            # copied for it (most often the whole last paragraph).
            if (
                not codes
                and before[start + 3 : start + 4] == " "
                and TEAM_BEFORE_CODE.fullmatch(before[start:])
            ):
                # "Tim Redaksi (Adv 44/Fr)": the team and its code, one credit line
                codes.insert(0, f"{before[start:]} ({' '.join(match['code'].split())})")
                text = before[:start].rstrip()
                continue
            if before.endswith("***") or (
                before.endswith("*") and before.rstrip("*").rstrip()[-1:] in _STOPS
            ):  # the text's end mark: "... Irawadi.***(dik)", "Tengah. **(Adv)", "Upas, ***(Yan)"
                before = before.rstrip("*").rstrip()
            elif before[-2:] == "[]":
                before = before[:-2].rstrip()  # a link without its text: "... ujarnya.[](rilis)"
            stop = "." if "." in match["after"] and not before.endswith((".", "!", "?")) else ""
            text = before + stop
            codes.insert(0, " ".join(match["code"].split()).strip())
            if not codes[0].strip("/"):
                codes.pop(0)  # "(/)": nothing in it
            continue
        # "*kmb" ends the text but for spaces: its first star stands at most 18 characters
        # before the end of text.rstrip() ("***ABCDEF/ABCDEFGH"), and its look-behind
        # still sees the text before `pos`.
        star = STAR_CODE.search(text, max(0, len(text.rstrip()) - 19)) if "*" in text else None
        if star and not codes:
            text = text[: star.start()].rstrip()
            codes.insert(0, star["code"] or star["dotted"])
            continue
        if not codes and (glued := _glued_sign_off(text)):
            text = text[: glued.start()].rstrip()
            codes.insert(0, glued["code"])
            continue
        break
    if not codes:
        text, codes = _other_closing_code(text)
    return text, codes


def _glued_sign_off(text: str) -> re.Match[str] | None:
    """A sign-off without brackets closing `text`, each shape tried only when its mark
    stands near the end: an outlet's domain ("... Rawung. outlet.com"), a code after a
    double bar ("... Achmad.||BMT.Manalu"), a writer's handle ("... di Indonesia.@herz")."""
    end = len(text)
    found = None
    if text[-4:] in SIGN_OFF_ENDINGS:
        found = DOMAIN_SIGN_OFF.search(text, end - 40)
    if found is None and "||" in text[-24:]:
        found = GLUED_BAR_CODE.search(text, end - 24)
    if found is None and "@" in text[-16:]:
        found = GLUED_HANDLE.search(text, end - 16)
    return found


def _other_closing_code(text: str) -> tuple[str, list[str]]:
    """A code without brackets closing `text` ("***4***", "/bd", a line "[] ABC/Adv"), or
    an empty pair "[]" where a template left the code out (taken away, with no code)."""
    last = text.rstrip()[-1:]
    if last == "." and text.rstrip(" .")[-1:] not in ("]", ")") and "/" not in text[-8:]:
        return text, []  # a sentence's end: most paragraphs ("... Sanjaya. SB/DI." aside)
    pair = EMPTY_THEN_CODE.fullmatch(text) if text.lstrip()[:1] == "[" else None
    if pair and (is_code(pair["code"]) or pair["code"].casefold() in _ADVERTORIAL):
        return "", [pair["code"]]
    if last == "*" and (star := STAR_NUMBER.search(text, max(0, len(text) - 12))):
        return text[: star.start()].rstrip(), [star["code"]]
    if last == "*" and (stars := GLUED_STARS.search(text, max(0, len(text) - 8))):
        return text[: stars.start()], [stars["code"]]
    if last == "#" and (mark := HASH_MARK.search(text, max(0, len(text) - 6))):
        return text[: mark.start()], ["#"]
    if "/" in text[-12:] and (slash := SLASH_CODE.search(text, max(0, len(text) - 14))):
        return text[: slash.start()].rstrip(), [slash["code"]]
    if "/" in text[-12:] and (bare := BARE_SLASH_CODE.search(text, max(0, len(text) - 27))):
        return text[: bare.start()].rstrip(), [bare["code"]]
    if (
        "/" in text[-12:]
        and (glued := GLUED_SLASH_CODE.search(text, max(0, len(text) - 20)))
        and glued["code"].partition("/")[0].lower() not in _DOMAIN_ENDINGS  # "SITE.COM/abc"
    ):
        return text[: glued.start()], [glued["code"]]
    if (
        "/" in text
        and len(text) <= 32
        and (alone := LINE_SLASH_CODE.fullmatch(text.strip()))
        and _SHARE_PARTS.isdisjoint(alone.group(0).casefold().split("/"))
    ):
        return "", [alone.group(0)]  # "Sutopo/hms" alone on the text's last line
    glued = (
        GLUED_EMPTY_THEN_CODE.search(text, max(0, len(text) - 42)) if "[" in text[-40:] else None
    )
    if glued and (is_code(glued["code"]) or glued["code"].casefold() in _ADVERTORIAL):
        return text[: glued.start()].rstrip(), [glued["code"]]  # "[] HMS/Adv", "[] ADVERTORIAL"
    unclosed = UNCLOSED_CODE.search(text, max(0, len(text) - 86)) if "(" in text[-84:] else None
    if unclosed and is_code(unclosed["code"]):
        return text[: unclosed.start()].rstrip(), [unclosed["code"]]
    sign_off = (
        CAPS_SIGN_OFF.search(text, max(0, len(text) - 16))
        if last.isupper() or text.endswith(" Red")
        else None
    )
    if sign_off:
        return text[: sign_off.start()].rstrip(), [sign_off["code"]]
    glued = GLUED_INITIALS.search(text, max(0, len(text) - 10)) if last.islower() else None
    if glued and glued["code"] not in _DOMAIN_ENDINGS:
        return text[: glued.start()], [glued["code"]]
    if last in ("]", ")", ".") and (empty := EMPTY_PAIR.search(text, max(0, len(text) - 8))):
        return text[: empty.start()].rstrip(), []
    return text, []


def code_after_stop(text: str) -> bool:
    """Whether `text` ends with a code in brackets that follows its last sentence's stop
    and mixes letters and digits: "... lingkup Pemkot.(KP07).", "... warga. (OL-2)". Such a
    code closes the release even with more text below it (the teaser of another article);
    an acronym or a gloss stands before the stop ("... pandemi (COVID-19).")."""
    if text.rstrip(_CODE_AFTER)[-1:] not in (")", "]"):
        return False
    match = TAIL_CODE.search(text, tail_search_start(text))
    if not match or text[: match.start()].rstrip()[-1:] not in _STOPS:
        return False
    code = match["code"]
    return any(map(str.isdigit, code)) and any(map(str.isalpha, code)) and is_code(code)


def code_after_stop_slash(text: str) -> bool:
    """Whether `text` ends with a code of parts split by a slash, in brackets after its
    last sentence's stop: "... ungkapnya. (Mcr/rat)"."""
    if text.rstrip(_CODE_AFTER)[-1:] not in (")", "]"):
        return False
    match = TAIL_CODE.search(text, tail_search_start(text))
    return bool(
        match
        and "/" in match["code"]
        and text[: match.start()].rstrip()[-1:] in _STOPS
        and is_code(match["code"], match["open"])
    )


def has_empty_pair(text: str) -> bool:
    """Whether `text` ends with an empty pair of brackets, "[]" or "()"."""
    return text.rstrip(" .")[-1:] in ("]", ")") and bool(
        EMPTY_PAIR.search(text, max(0, len(text) - 8))
    )


# A quotation's closing mark and its speech verb, ending the text without a stop: a
# credit may follow them as it follows a stop ("... Muaradua,” katanya (DK)"). A wrapped
# paragraph may put the verb at the start of its last line.
QUOTE_THEN_VERB: Final = re.compile(r"(?:[”\"]\s*|^)[a-z]{2,12}nya$")


# A name with initials or short abbreviations before it: "L. Ng. Mbuhang", "A. Rahman".
INITIALLED_NAME: Final = re.compile(
    r"(?:[A-Z][a-z]{0,2}\.\ ){1,3}[A-Z][\w'’-]+(?:\ [A-Z][\w'’-]+)?"
)


def closing_credit(code: str, before: str) -> bool:
    """Whether brackets holding `code`, after the text `before`, are the release's credit
    though is_code() does not take them: "(Mus)", "(GUS)", "(Adv)", "(900)", "(A&I)",
    "(DN - TiR)", "(q cox, Iwan)", "(Dinas Kominfo Kota X)".

    Their place says it: they stand alone on their line or follow the last sentence's
    stop ("... harap Riza. (Suf)", "... Erwin.(JM)") or its speech verb after a quotation
    ("...,” katanya (DK)"); an acronym or a gloss closes a sentence before its stop ("...
    Ruang (KKPR).", "... kata Yusuf (Kepala UPTD,red).").
    Not a credit: a date, a caption credit ("Foto: ..."), a citation ("(HR Muslim)"),
    more than six words, or a sentence.
    """
    if code in PLUGIN_SHORTCODES:
        return False  # "[yarpp]": a plugin's shortcode, trailing chrome
    before = before.rstrip()
    # An end mark between: "... Tengah. **(Adv)"; three stars close the text whatever
    # stands before them ("... Air Upas, ***(Yan)").
    marked = before.endswith("***")
    if before.endswith("*"):
        before = before.rstrip("*").rstrip()
    if (
        before
        and not marked
        and before[-1] not in _STOPS
        and not QUOTE_THEN_VERB.search(before, max(0, len(before) - 20))
    ):
        return False
    code = code.strip()
    if not code or len(code) > 50 or ":" in code or code == "email protected":
        return False
    if ". " in code and not INITIALLED_NAME.fullmatch(code):
        return False  # a sentence, not a name with its initials ("L. Ng. Mbuhang")
    if not any(ch.isalnum() for ch in code) or not fewer_words(code, 7):
        return False
    return not (CITATION.match(code) or _DATE_LIKE.search(code))


def strip_end_mark(text: str) -> str:
    if not text.rstrip().endswith("*") or text.endswith("**)"):  # no regex when no star
        return text
    if text.rstrip(" *").endswith("/"):
        return text  # "AND/*": the anonymous desk after a slash, part of a code
    if text.rstrip().endswith(" *.*"):
        return text.rstrip()[:-4].rstrip()  # "harapnya. *.*": a spaced end mark
    if GLUED_STARS.search(text, max(0, len(text) - 8)):
        return text  # "maju.**": the anonymous code glued to the stop
    if STAR_NUMBER.search(text, max(0, len(text) - 12)):
        return text  # "***4***" is Antara's code, not an end mark
    return END_MARK.sub("", text)


# A credit naming who wrote the release: "Penulis: Ningsih", "Reporter : Sahri.",
# "Pewarta: Rina Kusuma", "Reporter Bambang." Editors, photographers and sources are
# credits only.
REPORTER_CREDIT: Final = re.compile(
    r"(?i)(?:penulis|reporter|wartawan|pewarta|peliput|kontributor)"
    r"(?:\s*[:;]\s*|\ (?=(?-i:[A-Z])))(?P<names>.+)"
)
# Between names: "Ningsih dan Budi", "Ani, Budi & Citra".
_NAME_SEPARATOR: Final = re.compile(r"\s*(?:,|&|\bdan\b|\band\b)\s*")
_NAME: Final = re.compile(r"[^\W\d_][\w.'’\-]*(?: [^\W\d_][\w.'’\-]*){0,4}")
# An academic degree after a name's comma ("S.Sos", "M.Si", "S.E.", "Ph.D"): the name's.
_DEGREE: Final = re.compile(r"[A-Z][a-z]{0,3}\.(?:[A-Z][a-z]{0,3}\.?)*")


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


# A credit line without brackets that closes a release; the line as written is the code.
# The strong shapes name the office or its staff outright and may be followed by chrome
# (the next item of a listing page); the weak one only closes the text.
STRONG_BARE_CREDIT: Final = re.compile(
    r"""(?x)
    (?i:adv(?:ertorial)?)\.?\ +\S.{0,60}        # "Adv. Humas Kanwil Kemenag Sulbar"
    | (?i:tim)\ +(?i:mc|it|humas|media|liputan|publikasi|redaksi|kominfo|diskominfo
                  |prokopim|dokpim|protokol|pdi|dokumentasi)\b.{0,50}  # "Tim MC Kukar"
    | (?i:sumber)\ +[^\s:;].{0,50}/\S+           # "Sumber Humas Kukar/ris" (no colon)
    | [A-Z][\w.'’-]*(?:\ [A-Z][\w.'’-]*){0,3}   # a name, then its role at the office:
      \ ?:\ ?(?i:pranata\ humas|humas|staf|kasubbag|kabag|kasi|kepala)\b.{0,50}
                                                # "Masmun Jaya : Pranata Humas Diskominfo X"
    """
)
# The label of a labelled credit line ("Penulis: X"): such a line is a credit, not a code.
CREDIT_LABEL: Final = re.compile(
    r"(?i)(?:sumber|editor|pewarta|penulis|reporter|wartawan|fotografer|foto|redaktur"
    r"|penyunting|kontributor|teks|naskah|peliput|liputan|editing|oleh|red|redaksi)\s*[:;/]"
)
WEAK_BARE_CREDIT: Final = re.compile(
    r"""(?x)
    (?i:humas|hms|diskominfo|kominfo|prokopim|dokpim|infokom|setwan|biro\ humas|mc|kanwil)\b
      [\w.&/\ -]{0,70}          # "Humas Pemkab Kutim", "Diskominfo Kukar", "MC Balangan"
    | [A-Z][\w.'’-]*(?:\ [A-Z][\w.'’-]*){0,2}\ \([A-Z]{2,}[\w\ ]{0,20}\)   # "Abc (UNIT)"
    | [A-Z][a-z'’-]{2,20},\ [A-Z][a-z'’-]{2,20}   # a place and a newspaper: "Kediri, Radar"
    | (?=.*\b(?:KANWIL|KEMENAG|HUMAS|DISKOMINFO|KOMINFO|PEMKAB|PEMKOT|PEMPROV|SETDA|DPRD
               |PROKOPIM|BIRO|BAGIAN|DINAS|KANTOR|SEKRETARIAT)\b)
      [A-Z]{2,}(?:\ [A-Z]{2,}){1,4}              # an office in capitals: "KANWIL KEMENAG X"
    | [A-Z]{2,}(?:\ [A-Z]{2,}){0,3}\ (?:SUARA\ MERDEKA|ANTARA|KOMPAS|(?:RADAR|TRIBUN)\ [A-Z]{3,}
      |[A-Z]{3,}\ POS)                          # a reporter and the paper: "ANI SUARA MERDEKA"
    """
)


def bare_credit(line: str, strong_only: bool = False) -> str | None:
    """The credit a line without brackets gives, as written (a final stop left out), or
    None: "Adv. Humas Kanwil X", "Tim MC Kukar", "Nama : Pranata Humas Dinas X",
    "Abc (UNIT)". A labelled credit line ("Penulis: X", "Sumber: Y") is not one, nor is
    a sentence; `strong_only` takes only the shapes that name the office outright."""
    text = line.strip().rstrip(".").rstrip()
    if text[:2] in ("- ", "– ", "— "):
        text = text[2:].lstrip()  # "- Kanwil Kemenkumham X": a dash before the sign-off
    if not text or len(text) > 80 or not fewer_words(text, 11) or ". " in text[4:]:
        return None
    if CREDIT_LABEL.match(text):
        return None  # "Sumber: Humas", "Editor/ Publisher : X": a labelled credit
    if STRONG_BARE_CREDIT.fullmatch(text):
        return text
    if strong_only or not fewer_words(text, 11):
        return None
    words = text.split()
    if len(words) > 6 and (len(words) > 10 or words[0].casefold() not in _OFFICE_CREDIT_HEADS):
        return None  # a long one only as an office's unit: "Humas dan Protokol pada Setda X"
    if WEAK_BARE_CREDIT.fullmatch(text) and all(
        word.lstrip("(")[:1].isupper() or word[:1].isdecimal() or word in _CREDIT_LITTLE_WORDS
        for word in words
    ):
        return text
    return None


# The words a long bare credit may open with (an office's unit), and the little words it
# may hold in lower case: "Humas dan Protokol pada Sekretariat Daerah Kabupaten X".
_OFFICE_CREDIT_HEADS: Final = frozenset(("humas", "diskominfo", "kominfo", "prokopim", "biro"))
_CREDIT_LITTLE_WORDS: Final = frozenset(("&", "-", "/", "dan", "pada", "di"))


def bare_byline(code: str) -> Byline:
    """The parts of a bare credit: "Nama : Pranata Humas X" names a reporter and a desk."""
    name, colon, role = code.partition(":")
    if colon and role.strip():
        return Byline(code, (name.strip(),), role.strip())
    return Byline(code, (), code)
