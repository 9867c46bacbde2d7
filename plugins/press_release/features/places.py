"""Dateline places ("Berita dari Samarinda"): each place has a page, like a category.

The pages are written by :class:`PlaceGenerator` with the theme's ``place.html`` and
``places.html``; a theme without them gets the plugin's own (templating/templates/).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from pelican.generators import Generator


@dataclass(eq=False)
class Place:
    """A dateline place ("Samarinda"), with its own page like a category."""

    name: str
    slug: str
    settings: dict

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
    """[(Place, [articles newest first]), …] sorted by place name; sets ``article.place``."""
    by_slug = {}
    for article in articles:
        slug = getattr(article, "dateline_slug", None)
        name = getattr(article, "dateline_display", None)
        if not slug or not name:
            article.place = None
            continue
        if slug not in by_slug:
            by_slug[slug] = (Place(name, slug, settings), [])
        place, items = by_slug[slug]
        article.place = place
        items.append(article)
    places = []
    for place, items in by_slug.values():
        items.sort(key=lambda a: a.date, reverse=True)
        places.append((place, items))
    places.sort(key=lambda pair: pair[0].name.casefold())
    return places


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
