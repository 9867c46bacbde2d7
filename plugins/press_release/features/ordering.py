"""The releases' order and URLs, once Pelican has read them all.

Both run at ``article_generator_pretaxonomy``, after what is not public has left the
generator (sources.keep_back): releases sharing a date get a deterministic order, and
releases that would write the same file get distinct URLs.
"""

from __future__ import annotations

import os
from collections import defaultdict

from pelican.utils import order_content

from ..messages import Message
from ..state import BuildState
from . import report


def order_releases(generator) -> None:
    """`article_generator_pretaxonomy`: a deterministic order for releases of one date.

    Pelican gathers files in a set, so releases sharing a date would otherwise come out
    in hash order, and two builds of the same content would differ in their lists, feeds
    and related releases. Ties are broken by source path; ARTICLE_ORDER_BY still rules.
    """
    order_by = generator.settings.get("ARTICLE_ORDER_BY", "reversed-date")
    for name in ("articles", "drafts", "hidden_articles"):
        items = sorted(getattr(generator, name), key=lambda a: a.source_path)
        setattr(generator, name, order_content(items, order_by))


def renumbered(items, save_as, order) -> list[tuple[object, object, str, str]]:
    """Distinct output files for items that would share one: ``(item, first item of its
    file, new slug, shared file)`` for each item to rename.

    `save_as(item, slug)` is the file an item writes with a slug (``None``: its own);
    `order` sorts the items of one file: the first keeps it, the others take ``slug-2``
    or the next number whose file is free. Used by the build and by ``check``.
    """
    by_path: dict[str, list] = defaultdict(list)
    for item in items:
        by_path[save_as(item, None)].append(item)
    taken = set(by_path)
    renamed = []
    for path in sorted(by_path):
        group = sorted(by_path[path], key=order)
        for item in group[1:]:
            base = item.slug if hasattr(item, "slug") else item["slug"]
            number = 2
            while save_as(item, f"{base}-{number}") in taken:
                number += 1
            slug = f"{base}-{number}"
            taken.add(save_as(item, slug))
            renamed.append((item, group[0], slug, path))
    return renamed


def _save_as(article) -> str:
    return article.save_as


def same_address(first: str, path: str, slug: str) -> Message:
    """The warning of a renamed release."""
    return Message(
        "same address as %(first)s (%(path)s); published as %(slug)s: give it another "
        "title or a 'Slug:' line in its header",
        first=first,
        path=path,
        slug=slug,
    )


def make_urls_unique(generator) -> None:
    """`article_generator_pretaxonomy`: releases that would write the same file get
    distinct URLs; nothing else ever changes a release's URL.

    Releases of one title in different months never share a file (``YYYY/MM/slug/``), so
    both keep their URL. When two would write the same file, the earlier release (by
    date, then by file name) keeps the URL and the later one becomes ``slug-2`` (or the
    next number free), with a warning.
    """

    state = BuildState.of(generator.settings)
    own_save_as = state.save_as or _save_as

    def save_as(article, slug):
        if slug is None:
            return own_save_as(article)
        own, article.slug = article.slug, slug
        try:
            return own_save_as(article)
        finally:
            article.slug = own

    articles = [*generator.articles, *generator.translations]
    order = lambda a: (a.date, a.source_path)  # noqa: E731
    for article, first, slug, path in renumbered(articles, save_as, order):
        article.slug = slug
        name = os.path.relpath(article.source_path, generator.path)
        first_name = os.path.relpath(first.source_path, generator.path)
        report.warn(state, name, same_address(first_name, path, slug))
