"""Per-field extraction accuracy over the fixture corpus, against pinned minimums.

    python bench/accuracy.py          print the table; exit 1 below a pinned minimum
    python bench/accuracy.py --pin    raise the pins to today's figures (never lowers)

Pins live in tests/accuracy_minimums.json: lowering one is a visible edit of that file.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from press_release.parse import parse_release

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
PINS = ROOT / "tests" / "accuracy_minimums.json"
FIELDS = (
    "title", "category", "dateline", "dateline_agency", "byline", "reporters",
    "credited_reporters", "desk", "date", "summary", "body_text",
)  # fmt: skip


def _value(release, field):
    if field == "date":
        return release.date_iso
    value = getattr(release, field)
    return list(value) if isinstance(value, list | tuple) else value


def measure(fixtures: Path = FIXTURES) -> dict[str, tuple[int, int]]:
    """Field -> (correct, total) over every fixture that states the field."""
    scores = {field: [0, 0] for field in FIELDS}
    for source in sorted(fixtures.glob("*.txt")):
        expected_path = source.with_suffix(".json")
        if not expected_path.exists():
            continue
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        release = parse_release(source.read_bytes(), source.name)
        for field in FIELDS:
            if field in expected:
                scores[field][1] += 1
                scores[field][0] += _value(release, field) == expected[field]
    return {field: (c, t) for field, (c, t) in scores.items()}


def below_pins(scores: dict[str, tuple[int, int]], pins: dict[str, float]) -> list[str]:
    failures = []
    for field, minimum in pins.items():
        correct, total = scores.get(field, (0, 0))
        accuracy = correct / total if total else 0.0
        if accuracy + 1e-9 < minimum:
            failures.append(f"{field}: {accuracy:.3f} < pinned {minimum:.3f}")
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pin", action="store_true", help="raise the pinned minimums")
    args = parser.parse_args(argv)
    scores = measure()
    pins = json.loads(PINS.read_text()) if PINS.exists() else {}
    print(f"{'field':<16}{'correct':>9}{'total':>7}{'accuracy':>10}{'pinned':>8}")
    for field, (correct, total) in scores.items():
        accuracy = correct / total if total else 0.0
        pin = pins.get(field)
        pinned = f"{pin:.3f}" if pin is not None else "-"
        print(f"{field:<16}{correct:>9}{total:>7}{accuracy:>10.3f}{pinned:>8}")
    if args.pin:
        for field, (correct, total) in scores.items():
            if total:
                pins[field] = max(pins.get(field, 0.0), round(correct / total, 3))
        PINS.write_text(json.dumps(pins, indent=2, sort_keys=True) + "\n")
        print(f"pins written to {PINS.relative_to(ROOT)}")
        return 0
    failures = below_pins(scores, pins)
    for failure in failures:
        print(f"BELOW PIN: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
