"""Bytes to clean text: encoding detection and character normalisation.

Encodings are tried in a fixed, documented order, never guessed statistically:

1. a byte-order mark: UTF-8, UTF-16 LE, UTF-16 BE;
2. NUL bytes without a BOM: UTF-16 when every other byte is NUL, else a binary file;
3. strict UTF-8;
4. strict Windows-1252 (Word and Notepad on Windows);
5. Latin-1, which decodes anything, with a warning that the encoding is ambiguous.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from ..errors import PressReleaseError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Characters removed outright: zero-width spaces and joiners, word joiner, BOM, soft hyphen.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Spaces of every width, including the no-break space authors use as padding.
_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]+")
# C0/C1 control characters other than the line feed.
_CONTROLS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")
_MULTISPACE = re.compile(" {2,}")


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


def decode(raw: bytes) -> tuple[str, str, list[str]]:
    """Return ``(text, encoding, warnings)``; raise PressReleaseError when undecodable."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding.replace("-sig", " with BOM"), []
            except UnicodeDecodeError as exc:
                raise PressReleaseError(
                    f"the file starts with a {encoding} byte-order mark but is not valid "
                    f"{encoding} (byte {exc.start}); save it again as UTF-8"
                ) from None
    if b"\x00" in raw:
        text = _utf16_without_bom(raw)
        if text is not None:
            return text, "utf-16 without BOM", []
        raise PressReleaseError(
            "the file holds NUL bytes: it is a binary file (an image or a Word "
            "document?), not plain text; save the release as .txt"
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
            "encoding is ambiguous: the file is neither UTF-8 nor Windows-1252, read as "
            "Latin-1; check its accented letters and save it as UTF-8"
        ],
    )


def normalise(text: str) -> str:
    """Uniform line ends and spaces; invisible and control characters removed.

    Each line is stripped and inner runs of spaces collapse to one, so a line that
    held only no-break spaces becomes an empty line.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not unicodedata.is_normalized("NFC", text):  # a quick check: most files are NFC
        text = unicodedata.normalize("NFC", text)
    text = _SPACES.sub(" ", text)
    # Invisible and control characters are never printable: skip both passes without them.
    if not text.replace("\n", " ").isprintable():
        text = _CONTROLS.sub("", _INVISIBLE.sub("", text))
    if "  " in text:  # one pass over the whole text: a run of spaces never spans a line end
        text = _MULTISPACE.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n"))
