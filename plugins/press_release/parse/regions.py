"""Names of Indonesia's provinces, regencies and cities, for the few dateline shapes that
only a known place tells from a label (``data/regions.tsv``; districts are left out: many
of their names are ordinary words).

Pure: the table is read once per process, on first use, and never changed.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

REGIONS_FILE = Path(__file__).resolve().parent.parent / "data" / "regions.tsv"
KINDS = ("Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota ", "Provinsi ")
# Names the table spells otherwise: the capital, written as everyone writes it.
COMMON_NAMES = ("jakarta", "dki jakarta", "jogja", "jogjakarta")


@lru_cache(maxsize=1)
def region_names() -> frozenset[str]:
    """Casefolded names of the provinces, regencies and cities, with and without their
    kind ("kabupaten kutai timur", "kutai timur", "kota bontang", "bontang")."""
    names: set[str] = set(COMMON_NAMES)
    for line in REGIONS_FILE.read_text(encoding="utf-8").splitlines():
        code, _, name = line.partition("\t")
        if not name or line.startswith("#") or code.count(".") > 1:
            continue
        names.add(name.casefold())
        for kind in KINDS:
            if name.startswith(kind):
                names.add(name[len(kind) :].casefold())
                break
    return frozenset(names)


@lru_cache(maxsize=1)
def _squashed_names() -> frozenset[str]:
    """region_names() without their spaces: "pagaralam" for "Pagar Alam"."""
    return frozenset(name.replace(" ", "") for name in region_names())


def is_region(place: str) -> bool:
    """Whether `place` names a province, a regency or a city, in any letter case, with
    or without its kind, a hyphen standing for a space ("Lampung-Tengah"), or written
    as one word ("Pagaralam" for "Pagar Alam")."""
    name = " ".join(place.replace("-", " ").split()).casefold()
    return name in region_names() or name.replace(" ", "") in _squashed_names()
