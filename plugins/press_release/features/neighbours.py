"""Newer and older release links (``article.newer_release``, ``article.older_release``)."""

from __future__ import annotations


def link_neighbours(generator):
    """Set ``newer_release`` / ``older_release`` on each published release."""
    ordered = sorted(generator.articles, key=lambda a: (a.date, a.slug))
    for index, article in enumerate(ordered):
        article.older_release = ordered[index - 1] if index > 0 else None
        article.newer_release = ordered[index + 1] if index + 1 < len(ordered) else None
