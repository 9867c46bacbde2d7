"""Build-time shortcuts around Pelican's own costs, each keeping its output identical.

Pelican 4.12 writes each category and author page with
``[article for article in self.dates if article in articles]``: a list membership test
per article and page, so the pages of C categories cost N × N/C comparisons, and those
of A authors N × (articles per author): quadratic in the archive size (about 6% of a
10,000-release build). :func:`index_memberships` gives those lists an ``in`` test by
identity through a set, as a list compares content objects (which define no ``__eq__``),
so the filter becomes linear and every page keeps its contents and order.

Pelican also recomputes ``article.url`` and ``article.save_as`` on every access (a copy
of the metadata, the relative source path, a ``str.format``), and a page of this theme
asks for a dozen of them (related releases, neighbours, release cards). Once slugs,
dates and categories are final (``article_generator_finalized``), :func:`freeze_urls`
stores each through Pelican's own ``override_url``/``override_save_as`` attributes, the
ones a ``URL:``/``Save_as:`` metadata line sets, so later accesses are attribute reads.
"""

from __future__ import annotations

from pelican import signals


class MemberList(list):
    """A list whose ``in`` test is a set lookup by identity; built once, never mutated."""

    __slots__ = ("_ids",)

    def __init__(self, items=()):
        super().__init__(items)
        self._ids = frozenset(map(id, self))

    def __contains__(self, item) -> bool:
        return id(item) in self._ids


def index_memberships(generator) -> None:
    """`article_generator_finalized`: categories, authors and tags get MemberLists."""
    for name in ("categories", "authors"):
        pairs = getattr(generator, name, None)
        if isinstance(pairs, list):
            pairs[:] = [(key, MemberList(articles)) for key, articles in pairs]
    tags = getattr(generator, "tags", None)
    if isinstance(tags, dict):
        for key, articles in tags.items():
            tags[key] = MemberList(articles)


def freeze_urls(generator) -> None:
    """`article_generator_finalized`: every article's URL and output path, computed once."""
    for article in (*generator.articles, *generator.translations, *generator.drafts,
                    *generator.drafts_translations, *generator.hidden_articles,
                    *generator.hidden_translations):  # fmt: skip
        article.override_url = article.url
        article.override_save_as = article.save_as


def register() -> None:
    signals.article_generator_finalized.connect(index_memberships)
    signals.article_generator_finalized.connect(freeze_urls)
