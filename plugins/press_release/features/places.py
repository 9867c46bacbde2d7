"""Dateline places ("Berita dari Samarinda"): each place has a page, like a category.

Places are merged through an alias table built from the official list of Indonesian
provinces, regencies and cities, and districts (``data/regions.tsv``, with their
Kemendagri codes; see ``data/build_regions.py`` for its source and licence), plus the
site's own aliases (``PRESS_RELEASE_PLACE_ALIASES``). A dateline's place is looked up
without letter case, spaces or punctuation ("PALANGKA RAYA" is "Palangkaraya",
"KAB. BERAU" is "Berau"), and shown by its official name:

- a regency or city by its name without "Kabupaten"/"Kota" ("Berau", "Samarinda"); where
  a regency and a city share that name ("Bandung"), the bare name is the city's and the
  regency keeps "Kabupaten";
- a regency or city before a province ("Yogyakarta" is the city), a province before a
  district;
- a district by its name ("Tenggarong"); a district named by the first words of its own
  regency's name stands for that regency ("Penajam" is "Penajam Paser Utara");
- a name the table does not know stays as the dateline writes it ("Tana Paser").

The pages are written by :class:`PlaceGenerator` with the theme's ``place.html`` and
``places.html``; a theme without them gets the plugin's own (templating/templates/).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pelican.generators import Generator

from ..parse.dateline import display_place
from ..parse.regions import (
    KIND_SPELLINGS,
    PROVINCE_ALIASES,
    PROVINCE_NAMES,
    REGENCY_KIND,
    REGIONS_FILE,
    place_key,
    read_regions,
)
from ..parse.slugs import slugify

# Precedence of the kinds of place when several share a key: lower wins (a district
# named like the start of its regency stands for the regency: SEAT before DISTRICT).
CITY, REGENCY, PROVINCE, SEAT, DISTRICT = 0, 1, 2, 3, 4


def _candidates(regions: list[tuple[str, str]]):
    """``(key, rank, shown name, code)`` for every way of writing every region."""
    by_code = dict(regions)
    bare_names: dict[str, int] = {}
    for code, name in regions:
        if code.count(".") == 1 and (match := REGENCY_KIND.match(name)):
            bare_names[place_key(match["bare"])] = bare_names.get(place_key(match["bare"]), 0) + 1
    shown_of: dict[str, str] = {}
    for code, name in regions:
        level = code.count(".")
        if level == 0:
            shown = PROVINCE_NAMES.get(code, name)
            for alias in (name, shown, f"Provinsi {name}", *PROVINCE_ALIASES.get(code, ())):
                yield place_key(alias), PROVINCE, shown, code
        elif level == 1:
            match = REGENCY_KIND.match(name)
            if match is None:
                yield place_key(name), REGENCY, name, code
                shown_of[code] = name
                continue
            kind, bare = match["kind"], match["bare"]
            shared = bare_names[place_key(bare)] > 1
            # the bare name is the city's when a regency shares it
            shown = name if shared and kind == "Kabupaten" else bare
            shown_of[code] = shown
            for spelling in KIND_SPELLINGS[kind]:
                yield place_key(f"{spelling} {bare}"), REGENCY, shown, code
            yield place_key(name), REGENCY, shown, code
            yield place_key(bare), CITY if kind == "Kota" else REGENCY, shown, code
        else:
            yield place_key(name), DISTRICT, name, code
            regency = code.rpartition(".")[0]
            match = REGENCY_KIND.match(by_code.get(regency, ""))
            if match and f"{match['bare']} ".casefold().startswith(f"{name} ".casefold()):
                # "Penajam" in "Kabupaten Penajam Paser Utara": the regency's own name
                yield place_key(name), SEAT, shown_of.get(regency, match["bare"]), regency


@lru_cache(maxsize=2)
def region_aliases(path: str = str(REGIONS_FILE)) -> dict[str, tuple[str, str | None]]:
    """key -> (name shown, official code or None) for every region of the table.

    Where several regions share a key, the kind of lower rank wins (city, regency,
    province, a regency through its seat, district); several of that rank give their
    name when it is the same (with no code), else the key stays unknown. Read once per
    process (about 30 ms); the result is never changed."""
    regions = read_regions(Path(path).read_text(encoding="utf-8"))
    best: dict[str, tuple[int, set[tuple[str, str]]]] = {}
    for key, rank, shown, code in _candidates(regions):
        if not key:
            continue
        known = best.get(key)
        if known is None or rank < known[0]:
            best[key] = (rank, {(shown, code)})
        elif rank == known[0]:
            known[1].add((shown, code))
    aliases = {}
    for key, (_rank, found) in best.items():
        names = {shown for shown, _code in found}
        if len(names) == 1:
            codes = {code for _shown, code in found}
            aliases[key] = (names.pop(), codes.pop() if len(codes) == 1 else None)
    return aliases


@dataclass(frozen=True)
class PlaceTable:
    """The build's place aliases: the regions table and the site's own aliases."""

    aliases: dict[str, tuple[str, str | None]]
    local: dict[str, tuple[str, str | None]]

    @classmethod
    def of(cls, settings: dict) -> PlaceTable:
        aliases = region_aliases()
        local = {}
        for written, meant in (settings.get("PRESS_RELEASE_PLACE_ALIASES") or {}).items():
            target = aliases.get(place_key(meant)) or (" ".join(meant.split()), None)
            local[place_key(written)] = target
        return cls(aliases, local)

    def resolve(self, written: str) -> tuple[str, str | None]:
        """``(name shown, official code or None)`` of a dateline's place."""
        key = place_key(written)
        found = self.local.get(key) or self.aliases.get(key)
        return found if found else (display_place(written), None)


@dataclass(eq=False)
class Place:
    """A dateline place ("Samarinda"), with its own page like a category."""

    name: str
    slug: str
    settings: dict
    code: str | None = None  # the official region code (Kemendagri), when known

    def _setting(self, key):
        return self.settings[f"PRESS_RELEASE_PLACE_{key}"].format(slug=self.slug, name=self.name)

    @property
    def url(self):
        return self._setting("URL")

    @property
    def save_as(self):
        return self._setting("SAVE_AS")

    @property
    def page_name(self):
        return os.path.splitext(self.url)[0]

    def __str__(self):
        return self.name


def group_places(articles, settings):
    """[(Place, [articles newest first]), …] sorted by place name; sets ``article.place``.

    Releases whose datelines name one place in different ways ("PENAJAM", "Penajam Paser
    Utara") share one Place (see the module docstring)."""
    table = PlaceTable.of(settings)
    by_slug = {}
    for article in articles:
        written = getattr(article, "dateline_display", None)
        if not written or not getattr(article, "dateline_slug", None):
            article.place = None
            continue
        name, code = table.resolve(written)
        slug = _slug(name)
        if slug not in by_slug:
            by_slug[slug] = (Place(name, slug, settings, code), [])
        place, items = by_slug[slug]
        article.place = place
        items.append(article)
    places = []
    for place, items in by_slug.values():
        items.sort(key=lambda a: a.date, reverse=True)
        places.append((place, items))
    places.sort(key=lambda pair: pair[0].name.casefold())
    return places


@lru_cache(maxsize=1024)
def _slug(name: str) -> str:
    return slugify(name)


class PlaceGenerator(Generator):
    """Writes "Berita dari <place>" pages and the index of places."""

    def generate_context(self):
        articles = self.context.get("articles", [])
        self.places = group_places(articles, self.settings)
        self.context["places"] = self.places

    def generate_output(self, writer):
        relative = self.settings["RELATIVE_URLS"]
        template = self.get_template("place")
        for place, articles in self.places:
            writer.write_file(
                place.save_as,
                template,
                self.context,
                relative,
                paginated={"articles": articles, "dates": articles},
                template_name="place",
                url=place.url,
                page_name=place.page_name,
                place=place,
                articles=articles,
                dates=articles,
                blog=True,
            )
        save_as = self.settings["PRESS_RELEASE_PLACES_SAVE_AS"]
        if save_as:
            writer.write_file(
                save_as,
                self.get_template("places"),
                self.context,
                relative,
                template_name="places",
                url=self.settings["PRESS_RELEASE_PLACES_URL"],
                page_name="places",
            )


def get_generators(_pelican):
    """`get_generators`: the place pages are written by a generator of their own."""
    return PlaceGenerator
