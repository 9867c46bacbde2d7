"""The releases' order and URLs, once Pelican has read them all.

Both run at ``article_generator_pretaxonomy``, after what is not public has left the
generator (sources.keep_back): releases sharing a date get a deterministic order, and
releases that would write the same file get distinct URLs.
"""

from __future__ import annotations

import os
from collections import defaultdict

from pelican.utils import order_content

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


def make_urls_unique(generator) -> None:
    """`article_generator_pretaxonomy`: releases that would write the same file get
    distinct URLs; nothing else ever changes a release's URL.

    Releases of one title in different months never share a file (``YYYY/MM/slug/``), so
    both keep their URL. When two would write the same file, the earlier release (by
    date, then by file name) keeps the URL and the later one becomes ``slug-2`` (or the
    next number free), with a warning.
    """
    state = BuildState.of(generator.settings)
    by_path = defaultdict(list)
    for article in (*generator.articles, *generator.translations):
        by_path[article.save_as].append(article)
    taken = set(by_path)
    for path in sorted(by_path):
        group = by_path[path]
        if len(group) < 2:
            continue
        group.sort(key=lambda a: (a.date, a.source_path))
        first = os.path.relpath(group[0].source_path, generator.path)
        for article in group[1:]:
            base, number = article.slug, 2
            article.slug = f"{base}-{number}"
            while article.save_as in taken:
                number += 1
                article.slug = f"{base}-{number}"
            taken.add(article.save_as)
            report.warn(
                state,
                os.path.relpath(article.source_path, generator.path),
                f"same address as {first} ({path}); published as {article.slug}: give it "
                "another title or a 'Slug:' line in its header",
            )
