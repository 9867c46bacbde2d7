"""Parse speed against a base revision: the pure parser and the compiled one, same run.

    python bench/parse_speed.py --base 3101713 [--size 10000] [--seed 6] [--rounds 5]

On a generated archive (``bench/generate.py``), the rows ``parse`` (``parse_release()``
over every file) and ``basic`` (its groundwork alone: decode, normalise, split into
blocks, render) of ``bench/run.py``, each in a process of its own, for three
configurations: the base revision's parser, this tree's pure parser
(``PRESS_RELEASE_COMPILED=0``) and this tree's compiled parser (built first with
``python -m press_release compile`` into ``bench/_work/compiled``). Each figure is net
of the same process over an empty folder (start-up, imports and the regions' table are
not parsing).

With valgrind installed (Debian's ``valgrind``) the measure is the number of instructions
(cachegrind, ``PYTHONHASHSEED=0``): the same on every run, whatever else the machine is
doing. Without it, or with ``--time``, the median processor seconds of ``--rounds`` runs,
the configurations taken in turn. Prints each configuration's figure and its ratio to
the base; issue 17 allows 1.10.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
WORK = BENCH / "_work"
sys.path[:0] = [str(BENCH), str(REPO / "plugins")]

from generate import generate  # noqa: E402
from run import base_tree  # noqa: E402

# The rows "parse" and "basic" of bench/run.py, in a process of their own. The compiled
# configuration stops if the compiled parser is not the one loaded (its sources edited
# since the build: the pure parser would be measured in its place).
CHECK = """\
import os, sys
if os.environ.get("PRESS_RELEASE_COMPILED_EXPECTED") == "1":
    import press_release.parse
    from press_release import compiled
    if not compiled.active():
        sys.exit("the compiled parser is not in use: sources edited since the build?")
"""
ROW = """\
import sys, time
from pathlib import Path
{imports}
files = sorted(Path(sys.argv[1]).glob("*.txt"))
cpu = time.process_time()
for path in files:
{body}
print(time.process_time() - cpu)
"""
PARSE = CHECK + ROW.format(
    imports="from press_release.parse import parse_release",
    body="    parse_release(path.read_bytes(), path.name)",
)
BASIC = CHECK + ROW.format(
    imports="from press_release.parse.normalise import decode_checked, normalise_lines\n"
    "from press_release.parse.paragraphs import split_blocks\n"
    "from press_release.parse.render import body_html",
    body="    text, _encoding, _warnings, plain = decode_checked(path.read_bytes())\n"
    "    body_html(split_blocks(normalise_lines(text, plain)), None, [])",
)
SCRIPTS = {"parse": PARSE, "basic": BASIC}
BAR = 1.10


def _env(tree: Path, compiled_dir: Path | None) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(tree / "plugins"), "PYTHONHASHSEED": "0"}
    env["PRESS_RELEASE_COMPILED"] = "1" if compiled_dir else "0"
    if compiled_dir:
        env["PRESS_RELEASE_COMPILED_DIR"] = str(compiled_dir)
        env["PRESS_RELEASE_COMPILED_EXPECTED"] = "1"
    return env


def instructions(tree: Path, folder: Path, compiled_dir: Path | None, script: str) -> int:
    """Instructions cachegrind counts for `script` over `folder`."""
    done = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
         sys.executable, "-c", script, str(folder)],
        env=_env(tree, compiled_dir), capture_output=True, text=True, check=True,
    )  # fmt: skip
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if found is None:
        raise SystemExit(f"no instruction count in valgrind's output:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def seconds(tree: Path, folder: Path, compiled_dir: Path | None, script: str) -> float:
    done = subprocess.run(
        [sys.executable, "-c", script, str(folder)],
        env=_env(tree, compiled_dir), capture_output=True, text=True, check=True,
    )  # fmt: skip
    return float(done.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="the revision to compare against")
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--rounds", type=int, default=5, help="with --time")
    parser.add_argument("--time", action="store_true", help="processor seconds, not valgrind")
    args = parser.parse_args(argv)
    by_time = args.time or shutil.which("valgrind") is None

    folder = WORK / f"parse-{args.size}-{args.seed}"
    if not (folder / "raw").is_dir():
        generate(args.size, folder, seed=args.seed)
    empty = WORK / "parse-empty"
    empty.mkdir(parents=True, exist_ok=True)
    compiled_dir = WORK / "compiled"
    subprocess.run(
        [sys.executable, "-m", "press_release", "compile", "--dir", str(compiled_dir)],
        env={**os.environ, "PYTHONPATH": str(REPO / "plugins")}, check=True,
    )  # fmt: skip
    with base_tree(args.base) as base:
        configurations = {
            f"base ({args.base})": (base, None),
            "this tree, pure": (REPO, None),
            "this tree, compiled": (REPO, compiled_dir),
        }
        figures: dict[tuple[str, str], float] = {}
        for row, script in SCRIPTS.items():
            if by_time:
                runs: dict[str, list[float]] = {name: [] for name in configurations}
                for _round in range(args.rounds):
                    for name, (tree, built) in configurations.items():
                        runs[name].append(seconds(tree, folder / "raw", built, script))
                for name, values in runs.items():
                    figures[row, name] = statistics.median(values)
                unit = "median processor seconds"
            else:
                for name, (tree, built) in configurations.items():
                    start = time.perf_counter()
                    net = instructions(tree, folder / "raw", built, script) - instructions(
                        tree, empty, built, script
                    )
                    figures[row, name] = net / 1e6
                    print(f"{row}, {name}: {time.perf_counter() - start:.0f} s", file=sys.stderr)
                unit = "instructions, net (millions)"
    print(f"{args.size} generated releases (seed {args.seed}); {unit}\n")
    print("| row | parser | figure | of the base |")
    print("|---|---|---:|---:|")
    for (row, name), value in figures.items():
        baseline = figures[row, f"base ({args.base})"]
        print(f"| {row} | {name} | {value:,.1f} | {value / baseline:.3f} |")
    print(f"\nissue 17's bar: {BAR:.2f} times the base")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
