"""Pelican plugin that reads raw Indonesian government press releases (.txt)."""

from pelican import signals

from . import (
    kept,
    parallel,
    publish,
    readahead,
    related,
    remembered,
    report,
    speed,
    theme_support,
)
from .reader import add_reader, make_slugs_unique, order_releases
from .settings import validate_settings


def register():
    signals.initialized.connect(validate_settings)
    signals.readers_init.connect(add_reader)
    signals.article_generator_pretaxonomy.connect(order_releases)
    signals.article_generator_pretaxonomy.connect(make_slugs_unique)
    related.register()
    theme_support.register()
    publish.register()
    report.register()
    speed.register()
    readahead.register()
    remembered.register()
    kept.register()
    signals.get_writer.connect(parallel.get_writer)
    signals.get_generators.connect(parallel.thaw_previous_build)
    signals.article_generator_init.connect(parallel.pause_collector)
    signals.article_generator_pretaxonomy.connect(parallel.freeze_read_articles)
    signals.finalized.connect(parallel.free_previous_build)
