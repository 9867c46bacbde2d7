"""Search at scale: the site with its sharded Pagefind index, at 10,000 and 100,000 releases.

    python bench/search.py --sizes 10000 100000 --vocabulary large
    python bench/search.py --sizes 10000 --engines          # Python API against the CLI

prints, for each archive size (releases from ``generate.py``, its large vocabulary with
``--vocabulary large``; sources in ``bench/_work/``, outputs on the RAM disk as in
``run.py``), one row per step, each a fresh process unless said otherwise:

- ``site+search``: the whole site (``publishconf.py``, as ``run.py``'s row ``site``) with
  ``PRESS_RELEASE_SEARCH``, the shards' cache emptied first, so every shard is indexed;
- ``rebuild +1``: one release added (the newest of the newest year), the same build again
  in a new process, as a new run of the Pages workflow: the output folder gone, the
  caches the last build left (the shards', and the pages kept by
  ``PRESS_RELEASE_BUILD_CACHE`` beside the output, the output emptied first as
  ``publishconf.py`` does): only its shard is indexed again, only the pages whose keys
  changed are rendered, the others are linked back from the store;
- ``preview +1``: under one process, as ``pelican --autoreload``: a build, one release
  added, the rebuild timed (the speed layer's caches and the shards' cache at work); its
  CPU s are the rebuild's alone, its note says how many pages it rendered and left alone
  (``--only-preview``: this step alone, after a first build of its own);
- ``site``: last, the same site without search (and without keeping pages).

``--engines`` adds, on the pages of the ``site+search`` build, one index of all the
releases made each way: ``cli`` (the release pages staged with their search fields and
the Pagefind CLI run over them, as this plugin did before), ``service`` (one record per
release sent to ``pagefind --service``, what the plugin does), and ``python-api`` (the
``pagefind`` package's ``PagefindIndex.add_custom_record``, on its first 200 releases
only: it reads one answer per 0.1 s).

Peak memory is the largest sum, over the build's process and all its children, of their
proportional set size (PSS: a page shared by forked workers counted once), sampled every
0.1 s; the largest single process's RSS is printed beside it.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import psutil

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH), str(BENCH.parent / "plugins")]

import run  # noqa: E402
from generate import make_release, raw_bytes, raw_text, slugify  # noqa: E402

from press_release.features.search_pagefind import pagefind_executable  # noqa: E402
from press_release.features.search_records import release_text  # noqa: E402

PREVIEW = """\
import logging, resource, sys, time
from pathlib import Path
from pelican import Pelican
from pelican.settings import read_settings


class Pages(logging.Handler):
    \"\"\"Keeps the speed layer's last line on the pages it rendered and left alone.\"\"\"

    last = ""

    def emit(self, record):
        if record.getMessage().startswith("press_release: rendered "):
            Pages.last = record.getMessage().removeprefix("press_release: ")


def cpu():
    return sum(getattr(resource.getrusage(who), field)
               for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
               for field in ("ru_utime", "ru_stime"))


logging.getLogger("press_release").addHandler(Pages())
logging.getLogger("press_release").setLevel(logging.INFO)
settings = read_settings("conf_search.py", override={"PATH": "raw", "OUTPUT_PATH": sys.argv[1],
                                                "PRESS_RELEASE_REUSE_PAGES": True,
                                                "PRESS_RELEASE_BUILD_CACHE": None})
pelican = Pelican(settings)
start = time.perf_counter(); pelican.run(); first = time.perf_counter() - start
Path(sys.argv[2]).write_bytes(Path(sys.argv[3]).read_bytes())
used = cpu()
start = time.perf_counter(); pelican.run(); again = time.perf_counter() - start
print("RESULT", first, again, cpu() - used)
print("PAGES", Pages.last)
"""


class Peak:
    """Samples the memory of a process and its children until stopped."""

    def __init__(self, pid: int):
        self.root = psutil.Process(pid)
        self.pss = 0
        self.rss = 0
        self.running = True
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _sample(self) -> None:
        while self.running:
            try:
                processes = [self.root, *self.root.children(recursive=True)]
            except psutil.Error:
                break
            pss = 0
            for process in processes:
                try:
                    info = process.memory_full_info()
                except psutil.Error:
                    continue
                pss += info.pss
                self.rss = max(self.rss, info.rss)
            self.pss = max(self.pss, pss)
            time.sleep(0.1)

    def stop(self) -> tuple[float, float]:
        self.running = False
        self.thread.join()
        return self.pss / 2**20, self.rss / 2**20


CPU = [0.0]  # processor seconds (user + system) of the last command and its children


def timed(command: list[str], cwd: Path) -> tuple[float, float, float, str]:
    """Run `command`; return (seconds, peak PSS MiB of the tree, peak RSS MiB, output).

    The processor time it used, its children's included, is left in ``CPU[0]``: on a
    shared machine the wall time depends on the load of others, the processor time much
    less (on 2 free cores the wall time is at least half of it)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               env=run.CHILD_ENV)  # fmt: skip
    peak = Peak(process.pid)
    output = process.communicate()[0].decode("utf-8", "replace")
    seconds = time.perf_counter() - start
    pss, rss = peak.stop()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU[0] = sum(getattr(after, f) - getattr(before, f) for f in ("ru_utime", "ru_stime"))
    if process.returncode:
        sys.exit(f"failed ({process.returncode}): {' '.join(command)}\n{output[-3000:]}")
    return seconds, pss, rss, output


def folder_size(path: Path) -> tuple[int, int]:
    """(bytes, files) under `path`."""
    total = files = 0
    for root, _dirs, names in os.walk(path):
        for name in names:
            total += os.path.getsize(os.path.join(root, name))
            files += 1
    return total, files


SEARCH_CONF = """\
import logging, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from conf_site import *  # noqa: F403
PRESS_RELEASE_SEARCH = True
# rebuild +1 runs with -v for the speed layer's count of pages rendered: not a line per
# page of the 150,000 it leaves alone
LOG_FILTER = [(logging.INFO, 'Writing "%s"')]
"""


class Archive:
    def __init__(self, count: int, vocabulary: str):
        self.site = run.Site(count, search=False, vocabulary=vocabulary)
        self.dir = self.site.dir
        (self.dir / "conf_search.py").write_text(SEARCH_CONF)
        self.cache = self.dir / ".cache" / "search"
        self.added = self.dir / "raw" / "2024-12-31-rilis-tambahan.txt"
        self.added.unlink(missing_ok=True)

    def build(self, conf: str, output: Path, store: Path | None = None, verbose: bool = False
              ) -> tuple[float, float, float, str]:  # fmt: skip
        """A build in a process of its own. With a `store` (PRESS_RELEASE_BUILD_CACHE),
        the output is emptied first as publishconf.py does, and the store and the search
        shards' cache are on the output's file system, as .cache/ beside output/ in the
        Pages workflow; without, no pages are kept between processes."""
        kept = ["PRESS_RELEASE_BUILD_CACHE=null"]
        if store:
            kept = ["DELETE_OUTPUT_DIRECTORY=true",
                    f"PRESS_RELEASE_BUILD_CACHE={json.dumps(str(store))}",
                    f"PRESS_RELEASE_SEARCH_CACHE={json.dumps(str(self.cache))}"]  # fmt: skip
        command = [sys.executable, "-m", "pelican", "raw", "-s", f"conf_{conf}.py", "-o",
                   str(output), "-e", *kept, *(["-v"] if verbose else [])]  # fmt: skip
        return timed(command, self.dir)

    def manifest(self) -> dict[str, str]:
        """Each cached shard's key (features/search.py)."""
        path = self.cache / "manifest.json"
        return json.loads(path.read_text())["shards"] if path.exists() else {}

    def new_release(self) -> bytes:
        """One more release, the newest of the archive (31 December 2024)."""
        rng = random.Random(2024)
        release = make_release(rng, self.site.count)
        release.day = date(2024, 12, 31)
        release.slug = f"2024-12-31-{slugify(release.title)}-tambahan"
        return raw_bytes(rng, raw_text(rng, release))


# The speed layer's log line (parallel.py), its words run together as one line.
RENDERED = re.compile(r"rendered (\d+) pages in \d+ .{0,40}?process\S* (?:left (\d+) unchanged)?")
# (its words run together too: the log's right column may stand between them)
TAKEN = re.compile(r"(\d+) of \d+ .{0,60}?articles .{0,60}?taken")  # speed/article_cache.py


def row(count, step, seconds, pss, rss, note=""):
    return (f"| {count:,} | {step} | {seconds:.1f} | {CPU[0]:.0f} | {pss:,.0f} | {rss:,.0f} "
            f"| {note} |")  # fmt: skip


def measure(count: int, vocabulary: str, engines: bool, preview: bool, only_preview: bool = False
            ) -> list[str]:  # fmt: skip
    archive = Archive(count, vocabulary)
    rows = []
    out = run.OUTPUT / str(count)
    shutil.rmtree(out, ignore_errors=True)
    if only_preview:
        try:
            rows.append(preview_plus_one(archive, count, out))
        finally:
            archive.added.unlink(missing_ok=True)
            shutil.rmtree(out, ignore_errors=True)
        return rows
    archive.cache = out / "cache" / "search"  # beside the output, as .cache/ beside output/
    store = out / "cache" / "build"
    seconds, pss, rss, log = archive.build("search", out / "search", store)
    bundle = out / "search" / "pagefind"
    size, files = folder_size(bundle)
    shards = json.loads((bundle / "shards.json").read_text())["shards"]
    rows.append(
        row(
            count,
            "site+search",
            seconds,
            pss,
            rss,
            f"{len(shards)} shards, index {size / 2**20:,.0f} MiB in {files:,} files",
        )
    )
    print(rows[-1], file=sys.stderr, flush=True)
    if engines:
        rows += compare_engines(count, out / "search")

    archive.added.write_bytes(archive.new_release())
    try:
        before = archive.manifest()
        shutil.rmtree(out / "search")  # a new runner: no output, the caches restored
        seconds, pss, rss, log = archive.build("search", out / "search", store, verbose=True)
        after = archive.manifest()
        changed = sum(1 for name, key in after.items() if before.get(name) != key)
        note = f"{changed} of {len(after)} shards indexed again"
        joined = " ".join(log.split())
        pages = RENDERED.search(joined)
        if pages:
            note += f"; {pages.group(1)} pages rendered, {pages.group(2) or 0} left alone"
        taken = TAKEN.search(joined)
        note += f"; {taken.group(1) if taken else 0} articles taken from the store"
        rows.append(row(count, "rebuild +1", seconds, pss, rss, note))
        print(rows[-1], file=sys.stderr, flush=True)
        if preview:
            archive.added.unlink()
            rows.append(preview_plus_one(archive, count, out))
    finally:
        archive.added.unlink(missing_ok=True)
        if run.OUTPUT.is_relative_to(run.RAM_DISK):
            shutil.rmtree(out, ignore_errors=True)
    seconds, pss, rss, _ = archive.build("site", out / "site")  # the same site, no search
    rows.append(row(count, "site", seconds, pss, rss))
    print(rows[-1], file=sys.stderr, flush=True)
    shutil.rmtree(out, ignore_errors=True)
    return rows


def preview_plus_one(archive: Archive, count: int, out: Path) -> str:
    """The row ``preview +1``: a build and, in the same process, the rebuild after one
    release is added; its CPU s are the rebuild's alone (the process and its children)."""
    archive.added.unlink(missing_ok=True)
    script = archive.dir / "preview_search.py"
    script.write_text(PREVIEW)
    spare = archive.dir / "added.txt.keep"
    spare.write_bytes(archive.new_release())
    try:
        seconds, pss, rss, log = timed(
            [sys.executable, script.name, str(out / "preview"), str(archive.added), str(spare)],
            archive.dir,
        )
    finally:
        spare.unlink()
    first, rebuild, cpu = map(float, re.search(r"RESULT (\S+) (\S+) (\S+)", log).groups())
    pages = re.search(r"PAGES (.*)", log)
    CPU[0] = cpu
    note = f"rebuild in the process of a first build of {first:.0f} s"
    if pages and pages.group(1).strip():
        note += f"; {pages.group(1).strip()}"
    line = row(count, "preview +1", rebuild, pss, rss, note)
    print(line, file=sys.stderr, flush=True)
    return line


# --------------------------------------------------------------------------- engines

BODY = re.compile(r'<div class="pr-release__body[^"]*"[^>]*>(.*?)</div>', re.S)
TITLE = re.compile(r'<h1 class="pr-release__title">(.*?)</h1>', re.S)


def release_pages(output: Path) -> list[Path]:
    return sorted(output.glob("20[0-9][0-9]/[01][0-9]/*/index.html"))


def page_record(output: Path, path: Path) -> dict:
    page = path.read_text(encoding="utf-8")
    url = "/" + path.parent.relative_to(output).as_posix() + "/"
    title = html.unescape(re.sub(r"<[^>]+>", "", TITLE.search(page)[1])).strip()
    return {
        "url": url,
        "content": release_text(BODY.search(page)[1]),
        "meta": {"title": title, "date": url[1:8]},
        "filters": {"Tahun": [url[1:5]]},
        "sort": {"date": url[1:8]},
    }


ENGINE = """\
import asyncio, html, json, os, shutil, subprocess, sys, tempfile
sys.path[:0] = {paths!r}
from search import page_record, release_pages
from pathlib import Path
from press_release.features.search_pagefind import index_records, pagefind_executable

engine, output, target, limit = sys.argv[1], Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
pages = release_pages(output)[:limit or None]
if engine == "service":
    index_records((page_record(output, p) for p in pages), target, "id")
elif engine == "cli":
    # As the plugin did before: each page with its search fields in <head>, staged
    # at its path, and the CLI over the staging folder.
    with tempfile.TemporaryDirectory(dir=os.path.dirname(target)) as staging:
        for path in pages:
            record = page_record(output, path)
            fields = "".join(
                f'<meta data-pagefind-meta="{{k}}[content]" content="{{html.escape(v)}}">'
                for k, v in record["meta"].items()
            ) + f'<meta data-pagefind-filter="Tahun[content]" content="{{record["url"][1:5]}}">'
            page = path.read_text(encoding="utf-8").replace("</head>", fields + "</head>", 1)
            staged = Path(staging) / path.relative_to(output)
            staged.parent.mkdir(parents=True, exist_ok=True)
            staged.write_text(page, encoding="utf-8")
        subprocess.run([pagefind_executable(), "--site", staging, "--output-path", target,
                        "--force-language", "id"], check=True, capture_output=True)
else:
    from pagefind.index import PagefindIndex

    async def main():
        async with PagefindIndex({{"output_path": target}}) as index:
            for path in pages:
                record = page_record(output, path)
                await index.add_custom_record(language="id", **record)

    asyncio.run(main())
"""


def compare_engines(count: int, output: Path) -> list[str]:
    script = BENCH / "_work" / "engine.py"
    script.write_text(ENGINE.format(paths=sys.path[:2]))
    rows = []
    for engine, limit in (("cli", 0), ("service", 0), ("python-api", 200)):
        target = output.parent / f"index_{engine}"
        shutil.rmtree(target, ignore_errors=True)
        command = [sys.executable, str(script), engine, str(output), str(target), str(limit)]
        seconds, pss, rss, _ = timed(command, BENCH)
        size, files = folder_size(target)
        done = limit or len(release_pages(output))
        rows.append(
            row(
                count,
                f"index: {engine}",
                seconds,
                pss,
                rss,
                f"{done:,} releases, {done / seconds:,.0f}/s, {size / 2**20:,.0f} MiB",
            )
        )
        print(rows[-1], file=sys.stderr, flush=True)
        shutil.rmtree(target, ignore_errors=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000])
    parser.add_argument("--vocabulary", choices=("small", "large"), default="large")
    parser.add_argument("--engines", action="store_true", help="Python API against the CLI")
    parser.add_argument("--no-preview", action="store_true", help="skip the preview rebuild")
    parser.add_argument(
        "--only-preview", action="store_true", help="only the preview rebuild (preview +1)"
    )
    parser.add_argument("--output", type=Path, default=run.OUTPUT)
    args = parser.parse_args(argv)
    run.OUTPUT = args.output.resolve()
    print(run.machine().replace(", output to", f", vocabulary {args.vocabulary}, output to"))
    print(f"Pagefind: {pagefind_executable()}")
    rows = ["| releases | step | wall s | CPU s | peak PSS, all processes MiB | largest RSS MiB "
            "| note |", "|---:|---|---:|---:|---:|---:|---|"]  # fmt: skip
    for count in args.sizes:
        rows += measure(
            count, args.vocabulary, args.engines, not args.no_preview, args.only_preview
        )
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
