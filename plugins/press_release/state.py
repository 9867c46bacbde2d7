"""One object per Pelican run: what the plugin's steps hand to each other.

Pelican gives each step of a build a different object (the Pelican instance, a
generator, the reader, the writer); all of them carry the same settings dict. A run's
:class:`BuildState` is made when the run starts (``get_generators``, sent by every
``Pelican.run``: also each rebuild of ``pelican --autoreload``), kept in that dict under
``STATE_KEY``, and removed when the run ends (``finalized``), so no build sees the state
of another and nothing of a build outlives it. Code that runs outside a build (``check``,
a test calling the reader) gets a state of its own.

The state also holds the core's extension points, with the core's own behaviour as
their defaults; the optional speed layer (``speed/``) replaces them for a run:

- ``prepare(source_path, name, config)``: read and parse one file into plain values
  (``reader.prepare``); the speed layer takes results a second process made ahead, or
  remembered from the last build (marked ``unchanged``: the same bytes, whose messages
  the log gave when they were read; report.tell sums them up in one line);
- ``date_type``: the type of the release dates the reader gives Pelican (the speed
  layer's formats in C where that gives Pelican's result);
- ``save_as(article)``: the file an article writes, ``article.save_as`` (the speed
  layer formats it from one copy of the metadata, its dates in C);
- ``search_digest(article)``: the digest of an article's search record, as its shard's
  key reads it (``search_records.article_digest``); the speed layer keeps those of
  unchanged releases from the last build;
- ``background(work, then)``: run ``work()`` and give its result to ``then``; here at
  once, in the speed layer possibly in a second process while the build goes on, with
  ``finish_background()`` waited on before any page is rendered (``late`` work, whose
  result no page needs, by ``finish_late()`` once the site is written: the search
  index).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from pelican.utils import SafeDatetime

STATE_KEY = "_press_release_state"


@dataclass(eq=False)
class BuildState:
    """What one build of the plugin knows, from its start to its end."""

    settings: dict = field(repr=False)
    # Build report: source path (relative to the content folder) -> record (report.py)
    records: dict[str, dict] = field(default_factory=dict, repr=False)
    # Source paths the reader read in this build (the others came from a cache).
    read_paths: set[str] = field(default_factory=set, repr=False)
    # Releases unchanged since the last build with warnings, and their warnings: in the
    # report, summed up in the log (report.tell).
    unchanged_warned: list[int] = field(default_factory=lambda: [0, 0], repr=False)
    # Warnings for files not recorded yet (see report.add_warning).
    late_warnings: dict[str, list[str]] = field(default_factory=dict, repr=False)
    # The published releases, once the generators are done (for the search index).
    releases: tuple = field(default=(), repr=False)
    # The lead photo of each release with photos, by its URL, for the feeds
    # (features/photos.py): (photo URL, file size, MIME type).
    photos: dict[str, tuple[str, int, str]] = field(default_factory=dict, repr=False)
    # Extension points (see the module docstring); None: the core's own behaviour.
    prepare: Callable | None = field(default=None, repr=False)
    background_runner: Callable | None = field(default=None, repr=False)
    date_type: type = SafeDatetime  # the type of the dates the reader hands to Pelican
    save_as: Callable | None = field(default=None, repr=False)
    search_digest: Callable | None = field(default=None, repr=False)
    _pending: list[Callable[[], None]] = field(default_factory=list, repr=False)
    _later: list[Callable[[], None]] = field(default_factory=list, repr=False)
    # The search index's plan, made before the pages are written (features/search.py).
    search: object = field(default=None, repr=False)
    # Which files are releases: the content folder and its folders' links, looked up
    # once per build (features/sources.Sources).
    sources: object = field(default=None, repr=False)
    # Releases with an old address, gathered for redirect pages (features/redirects.py).
    redirects: object = field(default=None, repr=False)
    # The speed layer's objects for this build (speed/__init__.py), None without it.
    speed: object = field(default=None, repr=False)

    def __repr__(self) -> str:
        # Stable: page keys of the speed layer describe the settings by their repr.
        return "<press_release build state>"

    def __reduce__(self):
        # Pelican's content cache pickles articles, and with them their settings: a
        # build's state means nothing outside its build, so it is pickled as None.
        return (_none, ())

    @staticmethod
    def of(settings: dict) -> BuildState:
        """The state of the build these settings belong to (a new one outside a build)."""
        state = settings.get(STATE_KEY)
        if state is None:
            state = BuildState(settings)
        return state

    def background(
        self, work: Callable[[], object], then: Callable[[object], None], late: bool = False
    ) -> None:
        """Run `work` and hand its result to `then`, at once or (speed layer) later,
        but always before ``finish_background`` returns (`late`: ``finish_late``)."""
        if self.background_runner is None:
            then(work())
            return
        (self._later if late else self._pending).append(self.background_runner(work, then))

    def finish_background(self) -> None:
        """Wait for background work: each pending item applies its result."""
        while self._pending:
            self._pending.pop(0)()

    def finish_late(self) -> None:
        """Wait for late background work too."""
        self.finish_background()
        while self._later:
            self._later.pop(0)()


def _none() -> None:
    return None


def begin(pelican) -> None:
    """`get_generators`: a new build starts; its state replaces any earlier one."""
    pelican.settings[STATE_KEY] = BuildState(pelican.settings)


def end(pelican) -> None:
    """`finalized`: the build is over; its state goes (background work is waited for)."""
    state = pelican.settings.pop(STATE_KEY, None)
    if state is not None:
        state.finish_late()
