"""Pelican plugin that publishes raw Indonesian government press releases (.txt).

``register()`` connects the plugin's steps to Pelican's signals. They run in the order
of ``SEQUENCE`` below (Pelican calls the receivers of a signal in the order they were
connected), which is also the order of a build:

1. when Pelican starts, every ``PRESS_RELEASE_*`` setting is checked (settings.py) and,
   with ``PRESS_RELEASE_SPEEDUPS``, the optional speed layer is switched on (speed/);
   Pelican's writer gets the paginator that numbers pages from the oldest release
   (features/pagination.py);
2. each build starts with a new BuildState (state.py) and the place-page generator;
3. the reader claims the release files (reader.py, parse/); every generator's Jinja
   environment gets the theme's filters, translations and partials (templating/);
4. once every release is read: drafts, hidden releases, releases dated ahead and files
   that are not releases leave the build (features/sources.py); then a deterministic
   order and unique URLs (features/ordering.py);
5. once the articles are final: related releases, newer/older links and photos
   (features/; photos are processed while the build goes on when the speed layer can);
6. once every generator is done: the build report collects what Pelican itself could
   not read, the published releases are kept, and the search index is planned (a
   rebuild's few changed shards indexed while the pages are written, with the speed
   layer);
7. after the site is written: the files GitHub Pages needs, the search index, the build
   report (with GitHub Actions annotations); the build's state goes.

This module is the one place that knows both the core and the speed layer: no other
core module imports ``speed``. Its first step, on import, is the speed layer's compiled
parser (compiled.py): today's build of parse/, when one was made, is loaded instead of
the pure modules.
"""

from pelican import signals

from . import compiled

compiled.install()  # before anything imports parse/: the compiled parser, if built

from . import settings, state
from .features import (
    actions,
    neighbours,
    ordering,
    pagination,
    photos,
    places,
    publishing,
    redirects,
    related,
    report,
    search,
    sources,
)
from .reader import add_reader
from .templating import environment
from .templating import photos as photo_templates


def validate_settings(pelican) -> None:
    """`initialized`: check every setting once; switch on the speed layer if asked."""
    settings.validate(pelican.settings)
    if pelican.settings["PRESS_RELEASE_SPEEDUPS"]:
        from . import speed  # the optional layer, loaded only when it is wanted

        speed.enable(pelican)


SEQUENCE = (
    (signals.initialized, validate_settings),
    (signals.initialized, pagination.install),
    (signals.initialized, environment.check_language),
    (signals.initialized, report.show_author_messages),
    (signals.initialized, sources.no_future_dates),
    (signals.get_generators, state.begin),
    (signals.get_generators, sources.exclude_linked_folders),
    (signals.get_generators, redirects.start),
    (signals.get_generators, places.get_generators),
    (signals.readers_init, add_reader),
    (signals.generator_init, environment.setup_environment),
    (signals.generator_init, photo_templates.setup_photos),
    (signals.article_generator_pretaxonomy, sources.keep_back),
    (signals.article_generator_pretaxonomy, ordering.order_releases),
    (signals.article_generator_pretaxonomy, ordering.make_urls_unique),
    (signals.page_generator_finalized, sources.drop_draft_pages),
    (signals.page_generator_finalized, redirects.collect),
    (signals.static_generator_finalized, sources.check_static_files),
    (signals.article_generator_finalized, related.add_related),
    (signals.article_generator_finalized, neighbours.link_neighbours),
    (signals.article_generator_finalized, redirects.collect),
    (signals.article_generator_finalized, photos.add_photos),
    (signals.feed_generated, photos.add_enclosures),
    (signals.all_generators_finalized, report.collect),
    (signals.all_generators_finalized, publishing.collect_releases),
    (signals.all_generators_finalized, search.plan_index),
    (signals.finalized, publishing.write_pages_files),
    (signals.finalized, search.build_index),
    (signals.finalized, redirects.finish),
    (signals.finalized, actions.publish),
    (signals.finalized, report.write_report),
    (signals.finalized, state.end),
)


def register():
    for signal, receiver in SEQUENCE:
        signal.connect(receiver)
