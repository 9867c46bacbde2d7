"""Background work of a build (state.BuildState.background) in a forked process.

Related releases are computed when Pelican has made every article
(``article_generator_finalized``) and needed only when the pages are rendered. When the
pages are to be rendered by forked processes (parallel.py), the work is handed to a
process forked at once, and the rest of the build's reading (URLs, other generators,
recording the pages to write) runs meanwhile on another core; the result is applied
before any page is rendered (DeferredWriter.flush calls ``finish_background``). When the
pages are rendered in one process, or forking fails, the work is done at once.

Only the result comes back (``pickle`` of plain values: lists of indices); a failed
computation is done again in the build, so that its error, if it has one, is raised there.
"""

from __future__ import annotations

import gc
import logging

from .parallel import collect, fork_with_pipe, report_and_exit

logger = logging.getLogger(__name__)


def fork_runner(work, then):
    """Start `work` in a forked process; return what applies its result (see
    state.BuildState.background). Without a process, `work` is done here, at once."""
    forked = fork_with_pipe()
    if forked is None:
        then(work())
        return _nothing
    pid, end = forked
    if pid == 0:  # pragma: no cover - the child's coverage is not collected
        gc.disable()  # nothing here makes cycles; a collection would copy shared pages
        report_and_exit(end, work)

    def finish() -> None:
        status, payload = collect(pid, end)
        if status != "ok":
            logger.debug("press_release: background work done again: %s", payload)
            payload = work()
        then(payload)

    return finish


def _nothing() -> None:
    pass
