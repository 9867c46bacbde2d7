"""The releases' order and URLs, once Pelican has read them all.

Both run at ``article_generator_pretaxonomy``, in this order: releases sharing a date
get a deterministic order first, and that order then decides which of several releases
sharing a title keeps the plain URL.
"""

from __future__ import annotations

import logging
import os
from collections import defaultdict

from pelican.utils import order_content

from ..parse.release import renumber_duplicates
from ..state import BuildState
from . import report

logger = logging.getLogger(__name__)


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


def make_slugs_unique(generator) -> None:
    """`article_generator_pretaxonomy`: releases sharing a title get distinct URLs."""
    groups = defaultdict(list)
    everything = generator.articles + generator.drafts + generator.hidden_articles
    for article in everything:
        groups[article.slug].append(article)
    for articles in groups.values():
        articles.sort(key=lambda a: (a.date, a.source_path))
    for article, first, candidate in renumber_duplicates(groups):
        article.slug = candidate
        source = os.path.relpath(article.source_path, generator.path)
        original = os.path.relpath(first.source_path, generator.path)
        logger.warning(
            "press_release: %s: same title as %s; published as %s", source, original, candidate
        )
        report.add_warning(
            BuildState.of(generator.settings),
            source,
            f"same title as {original}; published as {candidate}",
        )
