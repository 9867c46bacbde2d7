"""The garbage collector around a build (see :class:`Collector`)."""

from __future__ import annotations

import contextlib
import gc

from .. import pelican_compat


@contextlib.contextmanager
def quiet():
    """No collections while the build's store is read (store.py), and what was read
    frozen after: unpickling and unmarshalling what the store keeps of 100,000 releases
    makes millions of objects and no garbage. The collections their growth set off took
    4 s of the 6 s the articles took to load, and the first collection after them, which
    would scan them all, 1.7 s more."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if collecting:
            gc.enable()


class Collector:
    """The garbage collector's state across the builds of one process.

    Reading makes the objects of 10,000 articles, which live to the end of the build,
    and no cyclic garbage: the full collections their growth set off found nothing to
    free and took about 0.3 s of a 10,000-release build, in the process every other step
    waits for; so the collector is paused while Pelican reads the releases, and their
    objects frozen after (later collections do not scan them again, nor write to them,
    which would copy the shared pages in each forked process). They stay frozen for the
    rest of the build and are thawed when the next build in this process starts
    (``pelican --autoreload``), so that the collector can free the cycles of the last one.
    """

    def __init__(self):
        self.frozen = False  # this process froze the build's objects (gc.freeze)
        self.paused = False  # this process paused the collector while reading

    def thaw_previous_build(self) -> None:
        """As each build starts: unfreeze an earlier build's objects and free them (and
        restart a collector that a failed build left paused).

        The last build's objects became garbage when its run ended, and were frozen with
        the objects that were alive then, so no collection would ever free them: under
        ``pelican --autoreload`` each rebuild kept 40 to 100 MB more at 10,000 releases.
        A full collection frees them here, before this build makes any object of its own:
        done at the end of the next build instead, it scanned that build's live objects
        too, about twice the objects (0.7 to 1.3 s at 10,000 releases, and growing with
        the archive)."""
        collect = self.frozen
        if self.frozen:
            gc.unfreeze()
            self.frozen = False
        if self.paused:
            gc.enable()
            self.paused = False
        for cache in pelican_compat.memoized_caches():
            # Pelican's caches of each content object's HTML and summary: one dict per
            # method for the whole process, keyed by the content object, so every article
            # a build showed would stay alive, with its build's whole context.
            cache.clear()
        if collect:
            gc.collect()

    def free_previous_build(self) -> None:
        """At the end of a build when another will follow in this process: nothing left to
        do. The build before this one was freed as this one started
        (thaw_previous_build); this build's objects are freed as the next one starts."""

    @contextlib.contextmanager
    def quiet(self):
        """quiet() for this build: what it froze is thawed as the next build starts."""
        try:
            with quiet():
                yield
        finally:
            self.frozen = True

    def pause(self) -> None:
        """While the releases are read: no collections."""
        if gc.isenabled():
            gc.disable()
            self.paused = True

    def freeze_read(self) -> None:
        """Every release is read: freeze the objects, run the collector again."""
        gc.freeze()
        self.frozen = True
        if self.paused:
            gc.enable()
            self.paused = False

    def freeze_all(self) -> None:
        """Before forking: collect, then freeze every object."""
        gc.collect()
        gc.freeze()
        self.frozen = True
