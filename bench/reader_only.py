"""Pelican plugin for the benchmark: our reader alone, without theme or site features.

Registers the ``.txt`` reader and the unique-URL step (generated archives, like real
ones, hold releases with the same title), nothing else of ``press_release``.
"""

from pelican import signals

from press_release.features.ordering import make_urls_unique
from press_release.reader import add_reader


def register():
    signals.readers_init.connect(add_reader)
    signals.article_generator_pretaxonomy.connect(make_urls_unique)
