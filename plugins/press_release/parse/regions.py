"""The official list of Indonesia's regions (``data/regions.tsv``): how it is read and how
a place is looked up in it, shared by the parser and the places' pages
(features/places.py), and the provinces, regencies and cities the parser asks about for
the few dateline shapes only a known place tells from a label (districts are left out
there: many of their names are ordinary words).

Pure: the table is read once per process, on first use, and never changed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Final

# The package's data folder, found through the package (not this file, which a compiled
# parser keeps elsewhere: see press_release/compiled.py).
REGIONS_FILE: Final = Path(str(files("press_release") / "data" / "regions.tsv"))
# Short names datelines use for regencies and cities ("OKU", "KUKAR"), each with its
# official name.
SHORT_NAMES_FILE: Final = REGIONS_FILE.with_name("region_short_names.tsv")

# Everything but letters and digits: "Palangka Raya", "PALANGKARAYA" and "Kab. Berau" /
# "Kabupaten Berau" meet on one key.
_NOT_ALNUM: Final = re.compile(r"[\W_]+")
# The kind of a regency or city, before its own name: "Kota Administrasi Jakarta Pusat".
REGENCY_KIND: Final = re.compile(r"^(?P<kind>Kabupaten|Kota)(?: Administrasi)? (?P<bare>.+)$")
# Other ways authors write a kind: "Kab. Berau", "Kab Berau", "Pemkot Samarinda".
KIND_SPELLINGS: Final = {"Kabupaten": ("Kab", "Kabupaten"), "Kota": ("Kota",)}
# Provinces shown by the short name everyone uses, and their other spellings.
PROVINCE_NAMES: Final = {"31": "DKI Jakarta", "34": "DI Yogyakarta"}
PROVINCE_ALIASES: Final = {
    "31": ("Jakarta", "DKI"),
    "34": ("Yogyakarta", "DIY", "Jogja", "Jogjakarta"),
}


def place_key(name: str) -> str:
    """The key a place is looked up by: no letter case, spaces or punctuation."""
    # Most names are words and spaces: without the spaces, letters and digits alone, all
    # of which \w matches (str.isalnum() is \w but "_"), so _NOT_ALNUM takes the spaces.
    bare = name.replace(" ", "")
    if bare.isalnum():
        return bare.casefold()
    # The same for any name: the characters str.isalnum() accepts are those _NOT_ALNUM
    # leaves, and a filter keeps them without the pattern's substitution (a call and a
    # piece of text for each match: about 40 K instructions for a headline's words with
    # a colon, which the dateline search asks about).
    return "".join(filter(str.isalnum, bare)).casefold()


# A province's or a regency's line of regions.tsv ("64\tKalimantan Timur", "64.09\tKabupaten
# Kutai Kartanegara"): a code of one or two numbers, not a district's three, then the
# district lines below it, passed over inside the match (a Python step for each of the
# thousands of district lines cost more than the rest of the table). Searched for from a
# line feed: the text is read with one before it.
_REGENCY_LINE: Final = re.compile(
    r"\n(?!#)([^.\t\n]*(?:\.[^.\t\n]*)?)\t([^\n]*)(?:\n[^.\t\n]*\.[^.\t\n]*\.[^\n]*)*"
)


def read_regions(text: str) -> list[tuple[str, str]]:
    """``[(code, name), ...]`` of a regions.tsv text (comment lines skipped); the same
    for region_short_names.tsv, ``[(short name, official name), ...]``."""
    regions = []
    for line in text.splitlines():
        if line and not line.startswith("#"):
            code, _, name = line.partition("\t")
            regions.append((code, name))
    return regions


@lru_cache(maxsize=1)
def _region_keys() -> frozenset[str]:
    """place_key() of every province, regency and city, with and without its kind, and
    of the provinces' short names and other spellings."""
    keys: set[str] = set()
    for code, name in _REGENCY_LINE.findall("\n" + REGIONS_FILE.read_text(encoding="utf-8")):
        keys.add(place_key(name))
        if match := REGENCY_KIND.match(name):
            keys.update(place_key(f"{s} {match['bare']}") for s in KIND_SPELLINGS[match["kind"]])
            keys.add(place_key(match["bare"]))
        keys.update(
            map(place_key, (*PROVINCE_ALIASES.get(code, ()), PROVINCE_NAMES.get(code, name)))
        )
    # A short name counts when its official name is the table's (a typo there adds none).
    keys.update(
        place_key(short)
        for short, official in read_regions(SHORT_NAMES_FILE.read_text(encoding="utf-8"))
        if place_key(official) in keys
    )
    return frozenset(keys)


def is_region(place: str) -> bool:
    """Whether `place` names a province, a regency or a city, written any way place_key()
    reads alike ("BONTANG", "Kota Bontang", "Lampung-Tengah", "Pagaralam"), or by its
    short name ("KUKAR", SHORT_NAMES_FILE)."""
    return place_key(place) in _region_keys()


@lru_cache(maxsize=1)
def _district_heads() -> frozenset[str]:
    """place_key() of every district's name and of its first word ("Sangatta" of
    "Sangatta Utara"): the names a town shares with its district."""
    heads: set[str] = set()
    for code, name in read_regions(REGIONS_FILE.read_text(encoding="utf-8")):
        if code.count(".") == 2:  # a district's code: "64.08.04"
            heads.add(place_key(name))
            heads.add(place_key(name.split(None, 1)[0]))
    return frozenset(heads)


def names_district(place: str) -> bool:
    """Whether `place` is a district's name or its first word (a town's name, mostly:
    "Sangatta", "Natar"). Read only for the rare shape that asks (see dateline)."""
    return place_key(place) in _district_heads()
