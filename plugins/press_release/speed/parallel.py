"""Render the site's pages on every core: Pelican writes them one by one, in one process.

Rendering pages is most of a large build (about 60% of a 10,000-release site) and each
page depends only on the finished context, so the work splits cleanly:

1. :class:`DeferredWriter` (given to Pelican through ``get_writer``) records each
   ``write_file()`` and ``write_feed()`` call of the content generators instead of
   rendering it (a feed is rendered at once when a plugin listens for Pelican's feed
   signals, which carry the feed object);
2. :class:`FlushPages`, run by Pelican after every content generator and before the
   static files are copied, calls :meth:`DeferredWriter.flush`: the recorded calls are
   grouped into chunks of about two dozen pages, and ``PRESS_RELEASE_JOBS`` processes
   forked from the build (this one included) take chunks from a shared queue, running
   Pelican's own ``Writer.write_file()`` on each call, until none is left. Calls writing
   the same file share a chunk, in their original order, so Pelican's overwrite rules
   still apply. In a rebuild (``pelican --autoreload``), calls whose pages cannot have
   changed are left out (page_cache.py), and the pages of releases edited since the last
   build are rendered first, before the others are keyed;
3. once every process is done, the build goes on in the parent: ``content_written`` is
   sent for each file, in the order Pelican would have sent it, later ``write_file()``
   calls render at once, and the sitemap and search index follow as usual.

Forked processes share the build's memory copy-on-write and send back only the paths
they wrote, so nothing is pickled but file names. The output is byte-identical to a
serial build (a test compares both). A build renders serially when
``PRESS_RELEASE_JOBS`` is 1, where ``os.fork`` is missing (Windows) or unsafe (macOS,
a process running threads), or when another plugin supplies its own writer.

``content_written`` receivers get the page's context as a mapping (the call's variables
over the shared context); pagination variables are not in it. The sitemap reads only
the page's ``article`` or ``page`` from it.
"""

from __future__ import annotations

import logging
import os
import pickle
import select
import sys
import threading
import traceback
from collections import ChainMap, Counter
from contextlib import contextmanager

from pelican import signals
from pelican.writers import Writer

from .. import pelican_compat
from ..errors import PressReleaseError
from ..features.pagination import page_count
from ..features.photos import add_enclosures
from ..state import BuildState
from .page_cache import Plan, write_file_arguments
from .session import SESSION
from .templates import warm

logger = logging.getLogger(__name__)


# Pages per chunk of work handed to a process: small enough to even out the processes'
# loads, large enough that taking a chunk costs nothing in comparison.
CHUNK_COST = 24
# Below this many pages, forking (with the collection before it) costs more than it saves.
SMALL_WORK = 100
# At most this many releases edited since the last build have their pages rendered
# first (DeferredWriter._render_edited); more, as after a pull, wait their turn.
EDITED_FIRST = 20


# Receivers of this plugin that a deferred feed may call in any order: the photo
# feature's reads only the build state, final before any feed is rendered.
OWN_FEED_RECEIVERS = (add_enclosures,)
_ANY = object()  # a sender no receiver is connected to in particular


def others_hear(signal) -> bool:
    """Whether a receiver other than this plugin's own listens to `signal`."""
    return any(r not in OWN_FEED_RECEIVERS for r in signal.receivers_for(_ANY))


def usable_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def job_count(settings: dict) -> int:
    """The number of processes to render with: the setting, or every usable core."""
    jobs = settings.get("PRESS_RELEASE_JOBS")
    if jobs in (None, 0):
        jobs = usable_cpus()
    if not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 0:
        logger.warning(
            "press_release: setting PRESS_RELEASE_JOBS must be a whole number (0 for every "
            "core), not %r; rendering in one process",
            jobs,
        )
        return 1
    return jobs


def can_fork() -> bool:
    """Whether forking the build is safe here.

    A thread alive at the fork may hold a lock the child then waits for forever. The one
    thread a build normally runs is the spinner of Pelican's "Generating..." status
    (rich's ``_RefreshThread``), whose locks :func:`terminal_held` holds while forking.
    """
    if not hasattr(os, "fork") or sys.platform == "darwin":
        return False
    others = [t for t in threading.enumerate() if t is not threading.current_thread()]
    return all(type(t).__name__ == "_RefreshThread" for t in others)


@contextmanager
def terminal_held():
    """Hold the terminal's locks across a fork: no spinner refresh is half done in it.

    The spinner thread takes its display's lock, then the console's; taking both in
    that order here means it holds neither when the process forks. Parent and child
    each release them afterwards.
    """
    if not pelican_compat.available("rich_console"):
        yield
        return
    from pelican.log import console

    lives = getattr(console, "_live_stack", [])
    locks = [getattr(live, "_lock", None) for live in lives] + [getattr(console, "_lock", None)]
    locks = [lock for lock in locks if lock is not None]
    for lock in locks:
        lock.acquire()
    try:
        yield
    finally:
        for lock in reversed(locks):
            lock.release()


def chunk_calls(costs: list[tuple[str, int]], size: int = CHUNK_COST) -> list[list[int]]:
    """Group calls into chunks of work: ``costs[i] = (file name, pages)`` of call ``i``.

    Calls naming the same file share a chunk, in their original order, so Pelican's
    overwrite rules hold; consecutive calls fill a chunk up to `size` pages. Chunks come
    largest first, so that no process is left with a long one at the end.
    """
    groups: dict[str, list[int]] = {}
    for index, (name, _pages) in enumerate(costs):
        groups.setdefault(name, []).append(index)
    chunks: list[list[int]] = []
    current: list[int] = []
    load = 0
    for group in sorted(groups.values()):
        current.extend(group)
        load += sum(costs[i][1] for i in group)
        if load >= size:
            chunks.append(sorted(current))
            current, load = [], 0
    if current:
        chunks.append(sorted(current))
    return sorted(chunks, key=lambda chunk: -sum(costs[i][1] for i in chunk))


class DeferredWriter(Writer):
    """A Pelican writer that renders the content generators' pages in parallel."""

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.session = SESSION
        self.jobs = job_count(self.settings)
        self._calls: list[tuple[str, tuple, dict]] = []  # (method, args, kwargs)
        self._deferring = self.jobs > 1
        self._opened: list[str] | None = None
        self._plan: Plan | None = None

    # ----------------------------------------------------------------- recording

    def write_file(self, *args, **kwargs):
        if not self._deferring:
            return super().write_file(*args, **kwargs)
        name = args[0] if args else kwargs.get("name")
        if name:  # Pelican skips a call without a file name
            self._calls.append(("write_file", args, kwargs))
        return None

    def write_feed(self, *args, **kwargs):
        path = args[2] if len(args) > 2 else kwargs.get("path")
        if (
            not self._deferring
            or path is None  # the caller wants the feed object, not a file
            or others_hear(signals.feed_generated)  # they get it in Pelican's order
            or signals.feed_written.receivers
        ):
            return super().write_feed(*args, **kwargs)
        self._calls.append(("write_feed", args, kwargs))
        return None

    def _open_w(self, filename, encoding, override=False):
        if self._opened is not None:
            self._opened.append(filename)
        plan = self._plan
        if (
            plan is not None
            and filename in plan.unwritten
            and filename not in self._written_files
            and filename not in self._overridden_files
        ):
            # A page left as it is (page_cache.PagedTemplate): its file keeps its bytes
            # and its time; it counts as written, as Pelican's own bookkeeping would.
            plan.unwritten.discard(filename)
            self._written_files.add(filename)
            if override:
                self._overridden_files.add(filename)
            return open(os.devnull, "w", encoding=encoding)
        return super()._open_w(filename, encoding, override)

    def _cost(self, method: str, args: tuple, kwargs: dict) -> tuple[str, int]:
        """A call's file name and rough cost: its pages, or a feed's items by five."""
        if method == "write_feed":
            path = args[2] if len(args) > 2 else kwargs["path"]
            items = len(args[0] if args else kwargs["elements"])
            limit = self.settings.get("FEED_MAX_ITEMS") or items
            return path, max(1, min(items, limit) // 5)
        return (args[0] if args else kwargs["name"]), self._pages(args, kwargs)

    def _pages(self, args: tuple, kwargs: dict) -> int:
        """How many pages a call writes: its pagination, as Pelican will compute it."""
        call, paginated = write_file_arguments(args, kwargs)
        template_name = call.get("template_name")
        per_page_settings = self.settings.get("PAGINATED_TEMPLATES", {})
        if not paginated or template_name not in per_page_settings:
            return 1
        per_page = per_page_settings[template_name] or self.settings["DEFAULT_PAGINATION"]
        return page_count(len(next(iter(paginated.values()))), per_page, self.settings)

    # ----------------------------------------------------------------- rendering

    def flush(self) -> None:
        """Render every recorded call; from now on ``write_file()`` renders at once."""
        calls, self._calls, self._deferring = self._calls, [], False
        # The pages list related releases, maybe computed meanwhile (background.py).
        BuildState.of(self.settings).finish_background()
        if not calls:
            return
        costs = [self._cost(*call) for call in calls]
        names = [name for name, _pages in costs]
        first = self._render_edited(calls, names)
        # the build's forked runner (background.py), when pages are rendered by forks
        runner = BuildState.of(self.settings).background_runner if can_fork() else None
        plan = self._plan = self.session.page_cache.plan(self, calls, names, runner)
        reused = plan.reused if plan else {}
        todo = [index for index in range(len(calls)) if index not in reused and index not in first]
        workers = min(self.jobs, len(todo))
        expected = sum(
            plan.expected_pages(index, costs[index][1]) if plan else costs[index][1]
            for index in todo
        )
        if expected < SMALL_WORK:
            # A rebuild's few pages (a new release: the first page of each of its lists,
            # the older ones left alone): not worth a fork (and a full collection).
            workers = 1
        try:
            if workers < 2 or not can_fork():
                workers = 1
                written = self._render(calls, todo)
            else:
                size = max(CHUNK_COST, sum(costs[index][1] for index in todo) // 8000)
                chunks = chunk_calls([costs[index] for index in todo], size)
                chunks = [[todo[position] for position in chunk] for chunk in chunks]
                written = self._render_forked(calls, chunks, workers)
        finally:
            self._plan = None  # later write_file() calls render as Pelican's writer does
        written.update(first)
        written.update(reused)
        if plan:
            plan.remember(written)
        self._announce(calls, written)
        kept = len(plan.pages_kept) if plan else 0
        rendered = sum(len(written[index]) for index in (*first, *todo)) - kept
        if reused or kept:
            logger.info(
                "press_release: rendered %d pages in %d process(es), left %d unchanged "
                "since the last build",
                rendered,
                workers,
                sum(map(len, reused.values())) + kept,
            )
        else:
            logger.info("press_release: rendered %d pages in %d process(es)", rendered, workers)

    def _render_edited(self, calls, names: list[str]) -> dict[int, list[str]]:
        """In a rebuild, render the pages of the releases added or edited since the last
        build first, before the other pages are keyed (page_cache.py) and rendered: the page
        an author is waiting for is on disk about a second sooner at 10,000 releases
        (docs/performance.md). A page whose file another call writes too keeps its turn
        (Pelican's overwrite rules depend on the order). ``{call index: [files
        written]}``, empty in a first build."""
        edited = self.session.parse_cache.parsed_again()
        if not edited or len(edited) > EDITED_FIRST:
            return {}
        first = [
            index
            for index, (method, args, kwargs) in enumerate(calls)
            if method == "write_file"
            and getattr(kwargs.get("article") or kwargs.get("page"), "source_path", None) in edited
        ]
        if first:
            shared = {name for name, count in Counter(names).items() if count > 1}
            first = [index for index in first if names[index] not in shared]
        if not first:
            return {}
        written = self._render(calls, first)
        logger.info(
            "press_release: %d edited release page(s) written first: %s",
            len(first),
            ", ".join(path for index in first for path in written[index]),
        )
        return written

    def _render(self, calls, indices) -> dict[int, list[str]]:
        """Render the calls at `indices` here: ``{call index: [files written]}``."""
        written: dict[int, list[str]] = {}
        with signals.content_written.muted():  # sent once, in order, by _announce
            for index in indices:
                method, args, kwargs = calls[index]
                if self._plan:  # a paginated call's pages are keyed one by one
                    args, kwargs = self._plan.wrap(index, args, kwargs)
                self._opened = []
                try:
                    getattr(Writer, method)(self, *args, **kwargs)
                except pelican_compat.overwrite_error():
                    if _has_empty_slug(kwargs):  # Pelican's own rule for such pages
                        logger.info("Skipping a page with an invalid slug: %s", args[:1])
                    else:
                        raise
                finally:
                    written[index] = [f for f in self._opened if f != os.devnull]
                    self._opened = None
        return written

    def _render_forked(self, calls, chunks: list[list[int]], workers: int):
        """Render `chunks` in `workers` processes (this one included), each taking the
        next chunk from a shared queue when it is done with one."""
        if len(chunks) * 4 > select.PIPE_BUF * 16:  # the queue must fit in a pipe
            return self._render(calls, sorted(i for chunk in chunks for i in chunk))
        queue_read, queue_write = os.pipe()
        os.write(queue_write, b"".join(n.to_bytes(4, "little") for n in range(len(chunks))))
        os.close(queue_write)  # all written: an empty read means the queue is done
        # the templates the pages load on first use: compiled here once, not in each process
        warm(_environments(calls))
        self.session.collector.freeze_all()
        children = []
        try:
            for _ in range(workers - 1):
                forked = fork_with_pipe()
                if forked is None:
                    break  # no more processes: those there are share the queue
                pid, end = forked
                if pid == 0:  # pragma: no cover - the child's coverage is not collected
                    self._child(calls, chunks, queue_read, end)
                children.append((pid, end))
            try:
                written = self._render_queue(calls, chunks, queue_read)
            except BaseException:
                while os.read(queue_read, 4096):  # empty the queue: the others stop soon
                    pass
                raise
        finally:
            results = [collect(pid, read_end) for pid, read_end in children]
            os.close(queue_read)
        for status, payload in results:
            if status != "ok":
                raise PressReleaseError(f"rendering pages in a worker process failed: {payload}")
            files, page_keys, pages_kept = payload
            written.update(files)
            if self._plan:
                self._plan.page_keys.update(page_keys)
                self._plan.pages_kept.extend(pages_kept)
        return written

    def _render_queue(self, calls, chunks, queue_read) -> dict[int, list[str]]:
        """Render chunks taken from the queue until it is empty."""
        written: dict[int, list[str]] = {}
        # Each read takes one whole 4-byte number: a pipe read is atomic.
        while number := os.read(queue_read, 4):
            written.update(self._render(calls, chunks[int.from_bytes(number, "little")]))
        return written

    def _child(self, calls, chunks, queue_read, write_end) -> None:
        """In a forked process: render chunks, send back the files written (and the keys
        of pages, page_cache.PagedTemplate), exit."""

        def work():
            written = self._render_queue(calls, chunks, queue_read)
            plan = self._plan
            return written, plan.page_keys if plan else {}, plan.pages_kept if plan else []

        report_and_exit(write_end, work)

    def _announce(self, calls, written: dict[int, list[str]]) -> None:
        """Record the files as written and send ``content_written`` in call order."""
        seen: dict[str, int] = {}
        for index in sorted(written):
            for path in written[index]:
                if path in seen and seen[path] != index:
                    logger.warning(
                        "press_release: two pages were written to %s; the site keeps one "
                        "of them: give one of them another slug or URL",
                        path,
                    )
                seen[path] = index
        self._written_files.update(seen)
        if not signals.content_written.receivers:
            return
        # Pelican writes to sanitised_join(output_path, name): the output folder's absolute
        # path, a separator and the name (os.path.relpath took half of this loop's time).
        prefix = os.path.join(os.path.abspath(self.output_path), "")
        for index in sorted(written):
            method, args, kwargs = calls[index]
            if method != "write_file":
                continue  # Pelican sends content_written for pages only
            context = args[2] if len(args) > 2 else kwargs["context"]
            for path in written[index]:
                if path.startswith(prefix):
                    name = path[len(prefix) :].replace(os.sep, "/")
                else:
                    name = os.path.relpath(path, self.output_path).replace(os.sep, "/")
                local = ChainMap({"output_file": name}, kwargs, context)
                signals.content_written.send(path, context=local)


def fork_with_pipe() -> tuple[int, int] | None:
    """Fork, with a pipe from the new process to this one: ``(0, write end)`` in the new
    process, ``(its pid, read end)`` here; None when the system refuses a process."""
    read_end, write_end = os.pipe()
    try:
        with terminal_held():
            pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:
        os.close(read_end)
        return 0, write_end
    os.close(write_end)
    return pid, read_end


def report_and_exit(write_end: int, work) -> None:
    """In a forked process: send ``("ok", work())``, or the failure, to the parent; exit."""
    status = 0
    try:
        payload = ("ok", work())
    except BaseException as exc:  # noqa: BLE001 - every failure goes to the parent
        payload = ("error", f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}")
        status = 1
    try:
        with os.fdopen(write_end, "wb") as pipe:
            pickle.dump(payload, pipe)
    finally:
        os._exit(status)  # no atexit handlers, no flushing of the parent's buffers


def collect(pid: int, read_end: int) -> tuple[str, object]:
    """The report of a process forked with report_and_exit, once it has ended."""
    with os.fdopen(read_end, "rb") as pipe:
        data = pipe.read()
    _pid, status = os.waitpid(pid, 0)
    try:
        return pickle.loads(data)
    except Exception:  # noqa: BLE001 - the child died before it could report
        return "error", f"the process ended with status {os.waitstatus_to_exitcode(status)}"


def _environments(calls) -> list:
    """The Jinja environments of the templates the recorded page calls render."""
    found = {}
    for method, args, kwargs in calls:
        if method == "write_file":
            template = args[1] if len(args) > 1 else kwargs.get("template")
            environment = getattr(template, "environment", None)
            if environment is not None:
                found.setdefault(id(environment), environment)
    return list(found.values())


def _has_empty_slug(kwargs: dict) -> bool:
    return any(
        key in kwargs and not getattr(kwargs[key], "slug", "x")
        for key in ("tag", "category", "author")
    )


class FlushPages:
    """A Pelican generator run after the content generators: renders their pages."""

    def __init__(self, *args, **kwargs):
        pass

    def generate_output(self, writer) -> None:
        if isinstance(writer, DeferredWriter):
            writer.flush()


def will_defer(settings: dict, receiver) -> bool:
    """Whether the pages of a build with these settings will be rendered by forked
    processes (by DeferredWriter.flush, after the content generators are done), where
    `receiver` is the speed layer's receiver of ``get_writer``."""
    if job_count(settings) < 2 or not can_fork() or not pelican_compat.available("writer"):
        return False
    return all(other is receiver for other in signals.get_writer.receivers_for(None))


def writer_class(settings: dict) -> type | None:
    """The deferred writer for a build, unless it renders in one process."""
    if job_count(settings) > 1 and pelican_compat.available("writer"):
        return DeferredWriter
    return None
