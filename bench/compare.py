"""Side by side: this checkout against another revision, on the same generated archive.

    python bench/compare.py --base 3101713 --size 10000 --rounds 5

Builds, alternately with each tree, round after round (so that a slow spell of a shared
machine hits both alike):

- ``site``: the whole site with ``publishconf.py`` (theme, related releases, places,
  feeds, sitemap; no search index), every core;
- ``pelican-ours``: Pelican with the reader alone (``bench/reader_only.py``), theme
  "simple", against ``pelican-md``: Pelican's Markdown reader on the same releases (run
  once per round; it does not depend on the tree);
- ``parse``: ``parse_release()`` over every file, in a process of its own.

Prints the median wall and processor seconds (user and system, the process and its
children) and peak RSS of each, and the ratios by either measure: each tree's
``pelican-ours`` over ``pelican-md``, and this tree's ``site`` and ``parse`` over the
base's. On a machine shared with other work, compare the processor seconds. The base
revision is checked out with ``git worktree`` into ``bench/_work/base-REV`` (gitignored)
and removed afterwards.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path[:0] = [str(BENCH), str(REPO / "plugins")]

from generate import generate  # noqa: E402
from run import COMMON, OUTPUT, WORK, base_tree, measured_process  # noqa: E402
from run import site_conf as run_site_conf  # noqa: E402

PARSE = """\
import sys, time
from pathlib import Path
from press_release.parse import parse_release
files = sorted(Path(sys.argv[1]).glob("*.txt"))
start, cpu = time.perf_counter(), time.process_time()
for path in files:
    parse_release(path.read_bytes(), path.name)
print(time.perf_counter() - start, time.process_time() - cpu)
"""


def site_conf(tree: Path) -> str:
    return run_site_conf(tree) + "PRESS_RELEASE_REPORT = None\n"


def ours_conf(tree: Path) -> str:
    return (
        COMMON
        + 'READERS = {"rst": None, "html": None, "htm": None}\n'
        + f"PLUGIN_PATHS = [{str(tree / 'bench')!r}]\n"
        + 'PLUGINS = ["reader_only"]\n'
    )


def build(folder: Path, conf: str, content: str, tree: Path, name: str) -> tuple:
    out = OUTPUT / "compare" / name
    shutil.rmtree(out, ignore_errors=True)
    # The pure parser in both trees (the base has no other; bench/parse_speed.py compares
    # the compiled one).
    env = {**os.environ, "PYTHONPATH": str(tree / "plugins"), "PRESS_RELEASE_COMPILED": "0"}
    command = [sys.executable, "-m", "pelican", content, "-s", conf, "-o", str(out), "-q"]
    result = measured_process(command, folder, env)
    shutil.rmtree(out, ignore_errors=True)
    return result


def parse_time(tree: Path, raw: Path) -> tuple[float, float, float]:
    # The pure parser (a compiled one is measured by bench/parse_speed.py).
    env = {**os.environ, "PYTHONPATH": str(tree / "plugins"), "PRESS_RELEASE_COMPILED": "0"}
    done = subprocess.run(
        [sys.executable, "-c", PARSE, str(raw)], capture_output=True, text=True, env=env,
        check=True,
    )  # fmt: skip
    seconds, cpu = map(float, done.stdout.split())
    return seconds, 0.0, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="the revision to compare against")
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)

    folder = WORK / f"compare-{args.size}"
    if not (folder / "raw").is_dir():
        generate(args.size, folder)
    with base_tree(args.base) as base:
        trees = {"base": base, "this": REPO}
        for name, tree in trees.items():
            (folder / f"conf_site_{name}.py").write_text(site_conf(tree))
            (folder / f"conf_ours_{name}.py").write_text(ours_conf(tree))
        (folder / "conf_md.py").write_text(COMMON + 'READERS = {"rst": None, "html": None}\n')
        runs: dict[str, list] = {}
        for round_number in range(args.rounds):
            runs.setdefault("pelican-md", []).append(build(folder, "conf_md.py", "md", REPO, "md"))
            order = list(trees.items())
            if round_number % 2:
                order.reverse()
            for name, tree in order:
                runs.setdefault(f"site {name}", []).append(
                    build(folder, f"conf_site_{name}.py", "raw", tree, f"site-{name}")
                )
                runs.setdefault(f"pelican-ours {name}", []).append(
                    build(folder, f"conf_ours_{name}.py", "raw", tree, f"ours-{name}")
                )
                runs.setdefault(f"parse {name}", []).append(parse_time(tree, folder / "raw"))
            print(f"round {round_number + 1} of {args.rounds} done", file=sys.stderr)
    print(f"{args.size} releases, {args.rounds} rounds, base {args.base}\n")
    print("| configuration | median s | min s | max s | median CPU s | median peak RSS MiB |")
    print("|---|---:|---:|---:|---:|---:|")
    medians, cpu = {}, {}
    for name, values in runs.items():
        seconds = [v[0] for v in values]
        medians[name] = statistics.median(seconds)
        cpu[name] = statistics.median(v[2] for v in values)
        rss = statistics.median(v[1] for v in values)
        print(f"| {name} | {medians[name]:.2f} | {min(seconds):.2f} | {max(seconds):.2f} | "
              f"{cpu[name]:.2f} | {rss:.0f} |")  # fmt: skip
    print()
    for label, figures in (("wall", medians), ("CPU", cpu)):
        md = figures["pelican-md"]
        for name in trees:
            ratio = figures[f"pelican-ours {name}"] / md
            print(f"{label}: {name}: pelican-ours / pelican-md = {ratio:.3f}")
        for row in ("site", "parse"):
            ratio = figures[f"{row} this"] / figures[f"{row} base"]
            print(f"{label}: {row} this / base = {ratio:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
