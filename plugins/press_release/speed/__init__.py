"""The optional speed layer: the same site as Pelican's own way of building it, sooner.

Switched on by ``PRESS_RELEASE_SPEEDUPS`` (default True) through one entry point,
:func:`enable`, which the plugin calls when Pelican starts. The core never imports this
package; with it off, every page is byte for byte the same (a test builds both).

What it does, module by module:

- parallel.py: renders the pages on every core (a writer that records Pelican's page
  calls and forks processes to render them);
- background.py: related releases computed in a second process while the build goes on;
- readahead.py + reading.py: a second process parses releases while Pelican reads;
- parse_cache.py, article_cache.py, page_cache.py: under ``pelican --autoreload``, a
  rebuild takes unchanged releases' parse results, their articles and their pages from
  the last build (session.py holds them from one build to the next);
- records.py: the search records' digests of unchanged releases kept from the last
  build (a shard's key is made of them);
- store.py: the same for a build in a new process (each ``pelican content``, each Pages
  workflow run), through a folder kept between runs (``PRESS_RELEASE_BUILD_CACHE``): the
  parse results, the records' digests, the pages' keys and the pages themselves;
- shortcuts.py: linear-time replacements of Pelican's quadratic list filters, URLs and
  dates computed once;
- templates.py: each template compiled once per build, shared by the generators'
  environments and inherited by the rendering processes;
- collector.py: the garbage collector paused and frozen around the build.

Every private internal of Pelican it relies on is listed in pelican_compat.py with a
self-check; a shortcut whose internal is not as expected turns itself off.

The receivers below are connected once per process and check, for each build, that the
build's settings still ask for the speed layer (under ``--autoreload`` a changed settings
file may turn it off). Each runs after the core's receivers of the same signal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from pelican import signals

from ..pelican_compat import available, under_autoreload
from ..settings import config_from
from ..state import BuildState
from . import parallel, readahead, shortcuts, templates
from .background import fork_runner
from .readahead import ReadAhead
from .reading import make_prepare
from .session import SESSION
from .store import store_folder


@dataclass(eq=False)
class SpeedBuild:
    """The speed layer's part of one build's state (``BuildState.speed``)."""

    keep: bool  # parse results and articles are kept for the next build of this process
    # The build's store (PRESS_RELEASE_BUILD_CACHE, store.py): parse results and articles
    # are kept for the next process (kept_articles.py)
    store: str | None = None

    @property
    def parses_kept(self) -> bool:
        return self.keep or self.store is not None

    readahead: ReadAhead | None = None
    # Compiled templates of this build, shared by its environments (templates.py): one
    # entry per template and configuration of environment.
    compiled: dict = field(default_factory=dict, repr=False)


def _on(settings: dict) -> SpeedBuild | None:
    """The build's SpeedBuild when the speed layer works in it."""
    if not settings.get("PRESS_RELEASE_SPEEDUPS"):
        return None
    return BuildState.of(settings).speed


# --------------------------------------------------------------------------- receivers


def begin_build(pelican) -> None:
    """`get_generators`, after the core made the build's state: set the state's hooks."""
    settings = pelican.settings
    state = BuildState.of(settings)
    if not settings.get("PRESS_RELEASE_SPEEDUPS"):
        SESSION.forget()
        return
    SESSION.collector.thaw_previous_build()
    SESSION.urls.next_build()
    SESSION.records.next_build()
    store = store_folder(settings, pelican.output_path, warn=True)
    keep = bool(under_autoreload() or settings.get("PRESS_RELEASE_REUSE_PAGES") is True)
    if keep or store:
        config = config_from(settings)
        SESSION.parse_cache.start(config)
        if store:
            with SESSION.collector.quiet():
                SESSION.recall_from(store, config, settings)
    else:
        SESSION.parse_cache.forget()
    build = state.speed = SpeedBuild(keep=keep, store=store)
    state.prepare = make_prepare(SESSION, build)
    if available("safe_datetime"):
        state.date_type = shortcuts.ReleaseDate
    if available("override_urls"):
        state.save_as = partial(shortcuts.save_as, memo=SESSION.urls)
    if keep or store:
        state.search_digest = SESSION.records.digest
    if parallel.will_defer(settings, get_writer):
        state.background_runner = fork_runner


def flush_generator(pelican):
    """`get_generators`: the generator that renders the recorded pages, after every
    generator writing pages (it is returned after theirs)."""
    return parallel.FlushPages if _on(pelican.settings) else None


def get_writer(pelican):
    if _on(pelican.settings) is None:
        return None
    return parallel.writer_class(pelican.settings)


def share_templates(generator) -> None:
    """`generator_init`."""
    build = _on(generator.settings)
    if build is not None and getattr(generator, "env", None) is not None:
        templates.share(generator.env, build.compiled)


def start_reading(generator) -> None:
    """`article_generator_init`."""
    build = _on(generator.settings)
    if build is None:
        return
    SESSION.collector.pause()
    shortcuts.linear_period_archives(generator)
    SESSION.parse_cache.begin_reading()
    SESSION.article_cache.install(generator, own_receivers={typed_dates}, keep=build.parses_kept)
    build.readahead = readahead.start(generator, SESSION, build)


def typed_dates(content) -> None:
    """`content_object_init`."""
    if _on(content.settings) is not None:
        shortcuts.typed_dates(content)


def done_reading(generator) -> None:
    """`article_generator_pretaxonomy`."""
    build = _on(generator.settings)
    if build is None:
        return
    readahead.close(build.readahead)
    build.readahead = None
    SESSION.article_cache.done_reading()
    SESSION.collector.freeze_read()


def articles_final(generator) -> None:
    """`article_generator_finalized`."""
    if _on(generator.settings) is not None:
        shortcuts.index_memberships(generator)
        shortcuts.freeze_urls(generator, SESSION.urls)


def generators_done(generators) -> None:
    """`all_generators_finalized`."""
    if generators and _on(generators[0].settings) is not None:
        SESSION.parse_cache.done_reading()


def end_build(pelican) -> None:
    """`finalized` (the core's state has gone by now: read the settings)."""
    settings = pelican.settings
    if settings.get("PRESS_RELEASE_SPEEDUPS") and SESSION.parse_cache.keeping():
        store = store_folder(settings, pelican.output_path)
        if store:
            SESSION.keep_in(store, config_from(settings))
        SESSION.collector.free_previous_build()


# The speed layer's receivers, in the order they run within the build. Each runs after
# the core's receivers of its signal (they are connected later).
SEQUENCE = (
    (signals.get_generators, begin_build),
    (signals.get_generators, flush_generator),
    (signals.generator_init, share_templates),
    (signals.article_generator_init, start_reading),
    (signals.content_object_init, typed_dates),
    (signals.article_generator_pretaxonomy, done_reading),
    (signals.article_generator_finalized, articles_final),
    (signals.all_generators_finalized, generators_done),
    (signals.get_writer, get_writer),
    (signals.finalized, end_build),
)


def enable(pelican) -> None:
    """The one entry point: connect the speed layer's receivers. Connecting a receiver
    again changes nothing (nor its place in the order), so every Pelican instance of the
    process may call this."""
    for signal, receiver in SEQUENCE:
        signal.connect(receiver)
