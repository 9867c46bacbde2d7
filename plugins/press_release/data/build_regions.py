"""Build ``regions.tsv``, the place table of features/places.py, from idn-area-data.

    npm pack idn-area-data@4.0.1 && tar xzf idn-area-data-4.0.1.tgz
    python plugins/press_release/data/build_regions.py package/data

Reads the provinces, regencies and cities, and districts (kecamatan) of the package's
``data/*.csv`` (villages and islands are left out) and writes one ``code<TAB>name`` line
per region, sorted by its official code (Kemendagri: "64" a province, "64.09" a regency
or city, "64.09.01" a district), after a header naming the source and its licence.

Source: idn-area-data 4.0.1 by Fityan (npm; github.com/fityannugroho/idn-area-data),
from Keputusan Menteri Dalam Negeri Nomor 300.2.2-2L38 Tahun 2025. Its data is made
available under the Open Database License (ODbL) 1.0, and so is regions.tsv, a
derivative database: https://opendatacommons.org/licenses/odbl/1-0/
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

SOURCE = "idn-area-data 4.0.1"
HEADER = f"""\
# Indonesian provinces, regencies and cities, and districts with their official codes.
# Contains information from {SOURCE} (https://github.com/fityannugroho/idn-area-data),
# which is made available here under the Open Database License (ODbL) 1.0:
# https://opendatacommons.org/licenses/odbl/1-0/ . This file is a derivative database
# under the same licence: the provinces, regencies/cities and districts of the source's
# data/*.csv (after Kepmendagri No. 300.2.2-2L38 Tahun 2025), one "code<TAB>name" line
# each, sorted by code. Made by build_regions.py beside it; do not edit by hand.
"""
FILES = ("provinces.csv", "regencies.csv", "districts.csv")


def rows(folder: Path):
    """(code, name) of every province, regency or city, and district."""
    for name in FILES:
        with (folder / name).open(encoding="utf-8", newline="") as file:
            for row in csv.DictReader(file):
                yield row["code"].strip(), " ".join(row["name"].split())


def code_order(code: str) -> tuple[int, ...]:
    return tuple(int(part) for part in code.split("."))


def main(folder: str, out: str | None = None) -> None:
    found = sorted(rows(Path(folder)), key=lambda row: code_order(row[0]))
    target = Path(out) if out else Path(__file__).with_name("regions.tsv")
    lines = [f"{code}\t{name}\n" for code, name in found]
    target.write_text(HEADER + "".join(lines), encoding="utf-8")
    print(f"{target}: {len(lines)} regions")


if __name__ == "__main__":
    main(*sys.argv[1:])
