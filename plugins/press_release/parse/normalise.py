"""Bytes to clean text: encoding detection and character normalisation.

Encodings are tried in a fixed, documented order, never guessed statistically:

1. a byte-order mark: UTF-8, UTF-16 LE, UTF-16 BE;
2. NUL bytes without a BOM: UTF-16 when every other byte is NUL, else a binary file;
3. strict UTF-8;
4. strict Windows-1252 (Word and Notepad on Windows);
5. Latin-1, which decodes anything, with a warning that the encoding is ambiguous.

A decoded text that is mostly control characters is a binary file, not a release.

Then mojibake is repaired: UTF-8 that was once read as Windows-1252 and saved again
("â€œ" for "“", "Ã©" for "é"). Only words holding such a sequence are handed to ftfy,
which changes them only when the result is valid UTF-8 and plainly better; anything it
leaves (a "â€" whose last byte was lost) stays as written, with a warning.
"""

from __future__ import annotations

import codecs
import html
import re
import unicodedata
from typing import Final

from ftfy import TextFixerConfig, fix_text

from ..errors import PressReleaseError
from ..messages import Message

# What ends a sentence: a full stop, "!" or "?", or a closing quotation mark. Each step
# that asks whether a line ends a sentence widens this set for its own question: a
# paragraph may also end with ":", ";", "’" or a closing bracket (paragraphs.py), a
# credit in brackets may follow a closing "’" (byline.py), a caption may end with its
# credit's ")" (photos/captions.py).
SENTENCE_STOPS: Final = frozenset('.!?"”')

_BOMS: Final = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Invisible format characters (Unicode category Cf), removed outright before anything is
# parsed: they are never meant to be seen, yet at a paragraph's end they hide a title, a
# dateline or a byline from the patterns, and an override (U+202E) reverses a title on
# screen. The ranges hold every Cf character of Unicode 14 to 15.1 (the Pythons we
# support); tests check them against this Python's unicodedata.
FORMAT_CHARACTERS: Final = re.compile(
    "["
    "\u00ad"  # soft hyphen
    "\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2"  # Arabic and Syriac number marks
    "\u061c"  # Arabic letter mark (bidirectional)
    "\u180e"  # Mongolian vowel separator (a space until Unicode 6.3)
    "\u200b-\u200f"  # zero-width space, non-joiner, joiner; LRM and RLM marks
    "\u202a-\u202e"  # bidirectional embeddings and overrides (LRE RLE PDF LRO RLO)
    "\u2060-\u2064"  # word joiner, invisible operators
    "\u2066-\u206f"  # bidirectional isolates (LRI RLI FSI PDI), deprecated controls
    "\ufeff"  # zero-width no-break space: a byte-order mark inside the text
    "\ufff9-\ufffb"  # interlinear annotation marks
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"  # scripts' marks
    "\U0001d173-\U0001d17a"  # musical symbol formatting
    "\U000e0001\U000e0020-\U000e007f"  # language tags and tag characters
    "]"
)
# FORMAT_CHARACTERS for a fast scan: the regex engine tests a class of BMP characters
# with one table lookup, but a class holding the few astral ranges range by range (4-5x
# slower over a text). So the scan takes the BMP ones and one range around the astral
# ones, and _format_character() keeps an astral match that is no format character
# (most are emoji).
_FORMAT_SCAN: Final = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd-\U000e007f]"
)
# A run of line separators (U+2028) and paragraph separators (U+2029), with the spaces
# and tabs around it: see _separator().
_SEPARATORS: Final = re.compile("[ \t]*[\u2028\u2029][\u2028\u2029 \t]*")
# Before a separator, these leave the sentence open ("SAMARINDA –", "Gubernur,"); after
# one, these continue it.
_OPEN_BEFORE: Final = frozenset(",;:-–—(/&")
_CLOSE_AFTER: Final = frozenset(",.;:)")
# Spaces of every width, including the no-break space authors use as padding, and the
# rare separator Python also splits words at (Ogham space).
# Vertical bars drawn with other characters (box drawing, full width, "divides"): "|".
_BARS: Final = str.maketrans({"\u2502": "|", "\uff5c": "|", "\u2223": "|"})
_SPACES: Final = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t]+")
# C0/C1 control characters other than the line feed.
_CONTROLS: Final = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")
_MULTISPACE: Final = re.compile(" {2,}")
# Control characters other than tab, line feed, form feed and carriage return.
_BINARY_CONTROLS: Final = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Characters that need none of the passes below: printable ASCII, line ends, the
# no-break space (replaced without a regex) and the typographic quotes and dashes every
# word processor writes. One scan for anything else spares a release all other scans.
_PLAIN: Final = "\n\r -~\u00a0\u2013\u2014\u2018\u2019\u201c\u201d\u2026"
_UNUSUAL: Final = re.compile(f"[^{_PLAIN}]")
# The same test on UTF-8 bytes, several times faster than the regex scan of the text:
# deleting the plain ASCII bytes leaves the bytes of every other character whole (no byte
# of a multi-byte sequence is ASCII), so what is left decodes to the characters to check.
_PLAIN_ASCII_BYTES: Final = bytes(range(0x20, 0x7F)) + b"\n\r"
_PLAIN_OTHER: Final = _PLAIN[5:]  # the characters after "-~"
# The characters other than ASCII letters that a case-insensitive regex matches to an
# ASCII letter (long s to "s", the Kelvin sign to "k", dotted and dotless I to "i"),
# which are also the only ones whose lower case holds an ASCII letter. Without them, a
# case-insensitive match of an ASCII word is a plain substring of ``text.lower()``, at
# the same index (only "İ" lowers to two characters).
FOLDS_TO_ASCII: Final = ("\u017f", "\u212a", "\u0130", "\u0131")


def may_fold_to_ascii(text: str) -> bool:
    """True when `text` holds one of FOLDS_TO_ASCII (rare: four quick scans)."""
    return "\u017f" in text or "\u212a" in text or "\u0130" in text or "\u0131" in text


# Mojibake: a UTF-8 lead byte read as Windows-1252/Latin-1 ("Â".."ô") followed by a
# continuation byte read the same way (0x80-0xBF as "€".."¿", or a C1 control).
_CONTINUATION: Final = (
    bytes(range(0x80, 0xC0)).decode("cp1252", errors="ignore") + "\x81\x8d\x8f\x90\x9d"
)
_MOJIBAKE: Final = re.compile(f"[\u00c2-\u00f4][{re.escape(_CONTINUATION)}\u0080-\u009f]")
# ftfy's encoding repair alone: quotes, ligatures, widths and spaces stay as written.
_FTFY: Final = TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=False,  # "â€ " might be "”" with a lost byte, not "†": ambiguous
    replace_lossy_sequences=False,
    decode_inconsistent_utf8=True,
    fix_c1_controls=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)


def _utf16_without_bom(raw: bytes) -> str | None:
    """Decode UTF-16 text saved without a BOM, recognised by its NUL pattern."""
    sample = raw[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.6 * half and even_nuls < 0.1 * half:
        encoding = "utf-16-le"
    elif even_nuls > 0.6 * half and odd_nuls < 0.1 * half:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        return None


def repair_mojibake(text: str) -> tuple[str, list[tuple[str, str]], list[str]]:
    """Repair mojibake word by word: ``(text, [(before, after)], [words left as written])``.

    Linear in the length of the text: lines and words without a suspicious sequence
    are never handed to ftfy.
    """
    if not _MOJIBAKE.search(text):
        return text, [], []
    repaired: list[tuple[str, str]] = []
    left: list[str] = []
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if not _MOJIBAKE.search(line):
            continue
        words = line.split(" ")
        for index, word in enumerate(words):
            if not _MOJIBAKE.search(word):
                continue
            fixed = fix_text(word, _FTFY)
            if fixed != word:
                repaired.append((word, fixed))
                words[index] = fixed
            if _MOJIBAKE.search(fixed):
                left.append(fixed)
        lines[number] = " ".join(words)
    return "\n".join(lines), repaired, left


def _mojibake_warning(repaired: list[tuple[str, str]], left: list[str]) -> list[str]:
    if not repaired and not left:
        return []
    parts = []
    if repaired:
        before, after = repaired[0]
        parts.append(
            Message(
                "%(count)s mis-encoded word(s) repaired, e.g. %(before)r -> %(after)r",
                count=len(repaired),
                before=before,
                after=after,
            )
        )
    if left:
        parts.append(
            Message("%(count)s left as written, e.g. %(word)r", count=len(left), word=left[0])
        )
    return [
        Message(
            "encoding damage (mojibake): %(found)s; the text was once saved with the wrong "
            "encoding: check these words, or save the original again as UTF-8",
            found=parts[0] if len(parts) == 1 else Message("%(a)s; %(b)s", a=parts[0], b=parts[1]),
        )
    ]


def _check_not_binary(text: str) -> None:
    controls = len(_BINARY_CONTROLS.findall(text))
    if controls > 8 and controls > 0.01 * len(text):
        raise PressReleaseError(
            Message(
                "the file holds %(count)s control characters: it is a binary file (an "
                "image or a Word document?), not plain text; save the release as .txt",
                count=controls,
            )
        )


def _plain_utf8(data: bytes) -> bool:
    """True when the UTF-8 `data` holds only _PLAIN characters (as ``not _UNUSUAL.search``)."""
    left = data.translate(None, _PLAIN_ASCII_BYTES)
    # strip() takes away every character of the set from both ends: nothing is left
    # exactly when every character is one of them (a C loop, no object per character).
    return not left or not left.decode("utf-8", "surrogatepass").strip(_PLAIN_OTHER)


def is_plain(text: str) -> bool:
    """True when `text` holds only _PLAIN characters: no pass of normalise() applies."""
    # The test on bytes, on the text's UTF-8: about a fifth of _UNUSUAL's scan of every
    # character. A lone surrogate ("surrogatepass") is no plain character either way.
    if text.isascii():
        return _plain_utf8(text.encode("ascii"))
    return _plain_utf8(text.encode("utf-8", "surrogatepass"))


def decode(raw: bytes) -> tuple[str, str, list[str]]:
    """Return ``(text, encoding, warnings)``; raise PressReleaseError when undecodable."""
    text, encoding, warnings, _plain = decode_checked(raw)
    return text, encoding, warnings


def decode_checked(raw: bytes) -> tuple[str, str, list[str], bool]:
    """decode(), and whether the text is plain (see is_plain), known on the way."""
    text, encoding, warnings = _decode(raw)
    # Plain UTF-8 is checked on its bytes; is_plain() is the same test on the text.
    plain = _plain_utf8(raw) if encoding == "utf-8" else is_plain(text)
    if plain:
        return text, encoding, warnings, True  # neither control characters nor mojibake
    _check_not_binary(text)
    text, repaired, left = repair_mojibake(text)
    return text, encoding, warnings + _mojibake_warning(repaired, left), False


def _decode(raw: bytes) -> tuple[str, str, list[str]]:
    """The first encoding in the documented order that reads `raw`."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding.replace("-sig", " with BOM"), []
            except UnicodeDecodeError as exc:
                raise PressReleaseError(
                    Message(
                        "the file starts with a %(encoding)s byte-order mark but is not "
                        "valid %(encoding)s (byte %(byte)s); save it again as UTF-8",
                        encoding=encoding,
                        byte=exc.start,
                    )
                ) from None
    # A NUL byte, tested by its value: `in` tries a bytes operand as an integer first and
    # builds a TypeError it then clears (about 2,500 instructions a file).
    if 0 in raw:
        text = _utf16_without_bom(raw)
        if text is not None:
            return text, "utf-16 without BOM", []
        raise PressReleaseError(
            Message(
                "the file holds NUL bytes: it is a binary file (an image or a Word "
                "document?), not plain text; save the release as .txt"
            )
        )
    try:
        return raw.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "cp1252", []
    except UnicodeDecodeError:
        pass
    return (
        raw.decode("latin-1"),
        "latin-1",
        [
            Message(
                "encoding is ambiguous: the file is neither UTF-8 nor Windows-1252, read "
                "as Latin-1; check its accented letters and save it as UTF-8"
            )
        ],
    )


# HTML a portal's editor or a database dump left in the text: the tags of text and
# layout, never a bare "<" ("nilai < 5"). Block tags end a line; inline tags go.
_MARKUP_NAMES: Final = (
    "p|br|div|span|strong|b|em|i|u|a|h[1-6]|ul|ol|li|blockquote|table|tbody|thead|tr|td|th"
    "|figure|figcaption|img|sup|sub|font|center|section|article|small|hr|o:p"
)
MARKUP_TAG: Final = re.compile(rf"(?i)<(/?)({_MARKUP_NAMES})(?:\s[^<>]{{0,400}})?/?>")
_BLOCK_TAGS: Final = frozenset((
    "p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "table", "tr", "figure", "figcaption", "section", "article", "hr",
))  # fmt: skip


# What tells a page's HTML from an author writing about markup: a line opening with a
# paragraph's or a block's tag.
MARKUP_LINE: Final = re.compile(r"(?im)^[ \t]*<(?:p|div)(?:\s[^<>]{0,400})?>")


def strip_markup(text: str) -> tuple[str, list[str]]:
    """`text` without the HTML tags MARKUP_TAG finds, when a line opens with a "<p>" or
    "<div>" tag (MARKUP_LINE), its character references ("&nbsp;", "&amp;") read; and
    the tags removed, in order. Other text keeps every "<" as written: a release may
    quote markup, which the output escapes."""
    if "<" not in text or not MARKUP_LINE.search(text):
        return text, []
    removed: list[str] = []

    def replace(match: re.Match[str]) -> str:
        removed.append(match.group(0))
        return "\n" if match[2].lower() in _BLOCK_TAGS else ""

    stripped = MARKUP_TAG.sub(replace, text)
    if not removed:
        return text, []
    return html.unescape(stripped), removed


def normalise(text: str) -> str:
    """Uniform line ends and spaces; invisible and control characters removed.

    Each line is stripped and inner runs of spaces collapse to one, so a line that
    held only no-break spaces becomes an empty line.
    """
    return "\n".join(normalise_lines(text))


def normalise_lines(text: str, plain: bool | None = None) -> list[str]:
    """``normalise(text).split("\n")``, without joining the lines only to split them again.

    `plain` is is_plain(text) when the caller knows it already (decode_checked): the
    line ends and no-break spaces replaced first are plain characters themselves.
    """
    if plain is None:
        plain = is_plain(text)
    if plain:  # one scan; most files hold nothing else to fix
        return _plain_lines(text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\u00a0" in text:
        text = text.replace("\u00a0", " ")  # runs of spaces collapse below
    text = _FORMAT_SCAN.sub(_format_character, text)  # before NFC: marks stand in sequences
    if "\u2028" in text or "\u2029" in text:
        text = _SEPARATORS.sub(_separator, text)
    if "\u2502" in text or "\uff5c" in text or "\u2223" in text:
        text = text.translate(_BARS)  # "Binjai │ site.go.id": a bar drawn another way
    if not unicodedata.is_normalized("NFC", text):  # a quick check: most files are NFC
        text = unicodedata.normalize("NFC", text)
    text = _CONTROLS.sub("", _SPACES.sub(" ", text))
    if "  " in text:  # one pass over the whole text: a run of spaces never spans a line end
        text = _MULTISPACE.sub(" ", text)
    return list(map(str.strip, text.split("\n")))


def _format_character(match: re.Match[str]) -> str:
    """A match of _FORMAT_SCAN: removed when it is one of FORMAT_CHARACTERS; a letter or
    digit styled as mathematics ("𝕭𝖔𝖌𝖔𝖗", which pages use for bold or gothic names)
    becomes the plain one, as search engines and screen readers read it."""
    char = match.group(0)
    if char < "\U00010000" or FORMAT_CHARACTERS.match(char):
        return ""
    if "\U0001d400" <= char <= "\U0001d7ff":
        return unicodedata.normalize("NFKC", char)
    return char


def _separator(match: re.Match[str]) -> str:
    """What a run of line or paragraph separators becomes, as fits where it stands.

    Beside a line end (or the text's end) nothing: the line already ends there. Where the
    sentence goes on (a lower-case word or a comma follows, or a dash or comma precedes:
    "SAMARINDA –\u2028Pemprov") a space. Elsewhere a line break for U+2028, which the
    paragraph split then reads as any other line break, and a blank line for U+2029.
    """
    text, start, end = match.string, match.start(), match.end()
    before, after = text[start - 1 : start], text[end : end + 1]
    if before in ("", "\n") or after in ("", "\n"):
        return ""
    if after.islower() or after in _CLOSE_AFTER or before in _OPEN_BEFORE:
        return " "
    return "\n\n" if "\u2029" in match.group(0) else "\n"


def _plain_lines(text: str) -> list[str]:
    """normalise_lines() of a plain text (see is_plain): no character but the line ends,
    the no-break space and runs of spaces needs a change.

    str.splitlines() splits at "\r\n", "\r" and "\n", and at other characters none of
    which is plain: the lines of ``text.replace("\r\n", "\n").replace("\r", "\n")``,
    in one pass, but for the empty last line that ``split("\n")`` gives after a final
    line end (or for an empty text). A line end is no space: replacing one neither makes
    nor breaks a run of spaces, so the runs collapse as well before the split.
    """
    if "\u00a0" in text:
        text = text.replace("\u00a0", " ")  # runs of spaces collapse below
    if "  " in text:  # one pass over the whole text: a run of spaces never spans a line end
        text = _MULTISPACE.sub(" ", text)
    if "\r" not in text:
        # Then "\n" is the only line end a plain text holds, and split() gives the same
        # lines, the empty last one included, with a cheaper scan (0.2% of a parse).
        return list(map(str.strip, text.split("\n")))
    lines = text.splitlines()
    if text[-1] in "\r\n":  # the text holds "\r": not empty
        lines.append("")
    return list(map(str.strip, lines))


def fewer_words(text: str, count: int) -> bool:
    """``len(text.split()) < count``, without splitting all of a long paragraph.

    ``text.split(None, count)`` stops after `count` splits: it returns every word when
    there are at most `count`, else ``count + 1`` items, so its length is below `count`
    exactly when the text holds fewer than `count` words.
    """
    return len(text.split(None, count)) < count
