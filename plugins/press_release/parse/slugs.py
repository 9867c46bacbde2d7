"""URL parts: every value that becomes part of an address is capped and made safe.

A slug holds only ``[a-z0-9-]`` and at most SLUG_MAX characters, whatever an author
wrote (a 250-character category once stopped the build: "File name too long"). A slug
that had to be shortened is cut at a word and ends with a short hash of the whole slug:
two long titles that share their first words get distinct addresses, and one title gets
the same address in every build. A value with no letter or digit to keep gets the
fallback word with the hash of the value ("rilis-3f2a1c9b"), an empty value the fallback
alone.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Final

SLUG_MAX: Final = 80
HASH_LENGTH: Final = 8
# Everything but lower-case ASCII letters and digits becomes a hyphen.
SLUG_UNSAFE: Final = re.compile(r"[^a-z0-9]+")


def digest(text: str) -> str:
    """A short hash of `text`, the same in every process (``hash()`` is salted)."""
    data = text.encode("utf-8", "surrogatepass")
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()[:HASH_LENGTH]


def slugify(text: str, max_length: int = SLUG_MAX, fallback: str = "rilis") -> str:
    """ASCII slug: accents folded, everything else a hyphen, capped (see cap_slug)."""
    slug = full_slug(text)
    if not slug:
        return f"{fallback}-{digest(text)}" if text.strip() else fallback
    return cap_slug(slug, max_length)


def full_slug(text: str) -> str:
    """The slug of `text` before it is capped: "" when it holds no letter or digit."""
    try:
        from unidecode import unidecode

        ascii_text = unidecode(text)
    except ImportError:  # pragma: no cover - unidecode ships with Pelican
        ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return SLUG_UNSAFE.sub("-", ascii_text.lower().replace("'", "")).strip("-")


def cap_slug(slug: str, max_length: int = SLUG_MAX, fallback: str = "rilis") -> str:
    """`slug` when it is at most `max_length` long; else its start, cut at a hyphen when
    one stands in the second half, and ``-`` + the hash of the whole slug."""
    if not slug:
        return fallback
    if len(slug) <= max_length:
        return slug
    suffix = "-" + digest(slug)
    head = slug[: max_length - len(suffix)]
    cut = head.rfind("-")
    if cut >= len(head) // 2:
        head = head[:cut]
    return head.rstrip("-") + suffix
