"""Parse time of a generated 5 MB release against a floor measured in the same run.

    python bench/bench_large_file.py [--mb 5] [--repeat 3] [--wrap 72]

The floor is what any parser must do at least: read the file, decode it, split it
into lines and HTML-escape every line. The release is realistic text (title,
dateline, paragraphs with and without stops, lists, a byline) repeated to the size
asked for. The issue's budget is 2 s for 5 MB. With ``--wrap N`` every line is broken at
N characters, as an e-mail client sends it (the parser unwraps such a text first).
"""

from __future__ import annotations

import argparse
import html
import random
import sys
import tempfile
import textwrap
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))

from press_release.parse import parse_release  # noqa: E402

WORDS = [
    "pemerintah", "provinsi", "kalimantan", "timur", "menggelar", "rapat", "koordinasi",
    "bersama", "dinas", "terkait", "di", "samarinda", "guna", "membahas", "percepatan",
    "pembangunan", "jalan", "jembatan", "dan", "air", "bersih", "warga",
]  # fmt: skip


def generate(size: int, seed: int = 5) -> bytes:
    rng = random.Random(seed)
    parts = ["Pemprov Kaltim Gelar Rapat Koordinasi Percepatan Pembangunan", ""]
    parts.append("SAMARINDA – Pemprov Kaltim menggelar rapat di Samarinda, Selasa (12/3/2024).")
    total = sum(len(p) + 1 for p in parts)
    while total < size:
        kind = rng.random()
        words = [rng.choice(WORDS) for _ in range(rng.randint(20, 80))]
        text = " ".join(words).capitalize()
        if kind < 0.6:
            block = ["", f"“{text},” kata Sekda." if kind < 0.1 else text + "."]
        elif kind < 0.8:  # a paragraph broken over lines, no stop on the first
            half = len(words) // 2
            block = ["", " ".join(words[:half]).capitalize(), " ".join(words[half:]) + "."]
        else:
            block = ["", *(f"- {w} {rng.choice(WORDS)}" for w in words[:5])]
        parts.extend(block)
        total += sum(len(p) + 1 for p in block)
    parts.extend(["", "Rapat ditutup dengan doa bersama. (rus/humasprov)", ""])
    return "\n".join(parts).encode("utf-8")


def wrapped(raw: bytes, width: int) -> bytes:
    """`raw` with every line longer than `width` broken at spaces."""
    lines = []
    for line in raw.decode("utf-8").split("\n"):
        lines += textwrap.wrap(line, width, break_long_words=False) if len(line) > width else [line]
    return "\n".join(lines).encode("utf-8")


def floor(path: Path) -> None:
    text = path.read_bytes().decode("utf-8")
    for line in text.split("\n"):
        html.escape(line, quote=False)


def best_of(repeat: int, func) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--wrap", type=int, default=0, help="break lines at this width")
    args = parser.parse_args()
    raw = generate(int(args.mb * 1_000_000))
    if args.wrap:
        raw = wrapped(raw, args.wrap)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "2024-03-12-besar.txt"
        path.write_bytes(raw)
        base = best_of(args.repeat, lambda: floor(path))
        release = None

        def parse():
            nonlocal release
            release = parse_release(path.read_bytes(), path.name)

        took = best_of(args.repeat, parse)
    lines = raw.count(b"\n") + 1
    print(f"file:   {len(raw) / 1e6:.2f} MB, {lines} lines")
    print(f"floor:  {base:.3f} s (read + decode + split + escape)")
    print(f"parse:  {took:.3f} s ({took / base:.1f}x the floor), {len(release.blocks)} blocks")
    print(f"budget: 2.000 s -> {'OK' if took < 2 else 'OVER'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
