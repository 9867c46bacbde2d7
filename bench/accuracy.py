"""Per-field extraction accuracy: the fixture pins, or a folder of real releases.

    python bench/accuracy.py          fixture table; exit 1 below a pinned minimum
    python bench/accuracy.py --pin    raise the pins to today's figures (never lowers)
    python bench/accuracy.py CORPUS_DIR [--json] [--misses] [--second OTHER.json]

Pins live in tests/accuracy_minimums.json: lowering one is a visible edit of that file.

Corpus mode scores a folder of `.txt` releases against the hand annotations in its
`expected.json` (an object keyed by the file's path relative to the folder):

    {"site": "kaltimprov.go.id", "kind": "gov" | "republished" | "news",
     "title": str|null, "category": str|null, "dateline": str|null, "byline": str|null,
     "date": "YYYY-MM-DD"|null, "first_words": [8 words], "last_words": [8 words]}

It runs the user-facing command, `python -m press_release check --json CORPUS_DIR`, in a
subprocess (this repository's `plugins/` first on PYTHONPATH, the working directory set
to CORPUS_DIR so that no unrelated pelicanconf.py is read) and compares its records, matched
by file path, field by field. Comparison rules (both sides NFC-normalised first):

- title, category: whitespace collapsed (runs of spaces/newlines -> one space, ends
  stripped), then exact and case-sensitive.
- dateline: whitespace collapsed, case-insensitive.
- byline: whitespace collapsed, case-insensitive, and brackets/slashes enclosing the code
  ignored at both ends ("(/RN)" and "RN" agree); anything else, including `*`, counts.
- date: the ISO calendar date, exact (a record's date-time counts by its date part).
- first words / last words: the first / last 8 whitespace-separated words of the record's
  `body_text`, exact and case-sensitive, as a sequence (when the body has fewer than 8
  words, all of them).
- null matches only null (a missing title is right only when none was annotated); a file
  without a record, or skipped with an error, is wrong on every field.
- overall: right comparisons over all comparisons (7 per file); also given per kind.

No field is given partial credit. `--misses` lists each wrong field (expected vs got);
`--json` prints the same figures (and misses) as JSON.

`--second OTHER.json` takes a second, independent annotation of the same files (same
schema) and adds, per field: how often the two annotators agree, the parser against each,
and the parser on the consensus, the fields where both annotators gave the same value
(by the same comparison rules). Fields the annotators disagree on measure the schema's
ambiguity, not the parser; `--misses` lists them too.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import unicodedata
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


# --- corpus mode: real releases annotated by hand -------------------------------------

CORPUS_FIELDS = (
    "title", "category", "dateline", "byline", "date", "first_words", "last_words",
)  # fmt: skip
KINDS = ("gov", "republished", "news")
WORDS = 8
_CODE_EDGES = "()[]{}/ \t\n"


def _nfc(value):
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


def _collapsed(value):
    return None if value is None else " ".join(_nfc(value).split())


def _normalised(field: str, value):
    """The form of a value that the comparison rules compare (module docstring)."""
    if field in ("first_words", "last_words"):
        return None if value is None else [_nfc(word) for word in value]
    if field == "date":
        return value[:10] if isinstance(value, str) else value
    value = _collapsed(value)
    if value is None:
        return None
    if field == "dateline":
        return value.casefold()
    if field == "byline":
        return value.strip(_CODE_EDGES).casefold()
    return value


def extracted(record: dict | None) -> dict:
    """The scored fields as the check record gives them (None: no record)."""
    if record is None or record.get("error"):
        return dict.fromkeys(CORPUS_FIELDS)
    words = (record.get("body_text") or "").split()
    got = {field: record.get(field) for field in CORPUS_FIELDS[:5]}
    got["first_words"] = words[:WORDS]
    got["last_words"] = words[-WORDS:]
    return got


def run_check(corpus: Path) -> dict[str, dict]:
    """Records of `python -m press_release check --json CORPUS`, keyed by relative path."""
    corpus = corpus.resolve()
    env = dict(os.environ)
    plugins = str(ROOT / "plugins")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [plugins, env.get("PYTHONPATH")]))
    env["PYTHONIOENCODING"] = "utf-8"
    done = subprocess.run(
        [sys.executable, "-m", "press_release", "check", "--json", str(corpus)],
        cwd=corpus,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    try:
        records = json.loads(done.stdout)
    except json.JSONDecodeError:
        raise SystemExit(
            f"check printed no JSON (exit {done.returncode}):\n{done.stderr}"
        ) from None
    keyed = {}
    for record in records:
        name = Path(record["source"]).resolve().relative_to(corpus).as_posix()
        keyed.setdefault(name, record)
    return keyed


def score_corpus(expected: dict[str, dict], records: dict[str, dict]) -> dict:
    """Per-field and per-kind figures, with every miss (expected vs got)."""

    def tally():
        return {field: [0, 0] for field in CORPUS_FIELDS}

    fields = tally()
    kinds: dict[str, dict] = {}
    files_per_kind: dict[str, int] = {}
    misses = []
    for name in sorted(expected):
        want = expected[name]
        kind = want.get("kind", "?")
        per_kind = kinds.setdefault(kind, tally())
        files_per_kind[kind] = files_per_kind.get(kind, 0) + 1
        record = records.get(name)
        got = extracted(record)
        usable = record is not None and not record.get("error")
        unusable = "(no record)" if record is None else f"(skipped: {record.get('error')})"
        for field in CORPUS_FIELDS:
            same = _normalised(field, want.get(field)) == _normalised(field, got[field])
            right = usable and same
            for table in (fields, per_kind):
                table[field][0] += right
                table[field][1] += 1
            if not right:
                misses.append(
                    {"file": name, "kind": kind, "field": field,
                     "expected": want.get(field),
                     "got": got[field] if usable else unusable}
                )  # fmt: skip

    def figures(table, files):
        out = {f: {"correct": c, "total": t, "accuracy": c / t if t else 0.0}
               for f, (c, t) in table.items()}  # fmt: skip
        correct = sum(c for c, _ in table.values())
        total = sum(t for _, t in table.values())
        overall = {
            "correct": correct,
            "total": total,
            "accuracy": correct / total if total else 0.0,
        }
        return {"files": files, "fields": out, "overall": overall}

    result = figures(fields, len(expected))
    ordered = [k for k in KINDS if k in kinds] + sorted(set(kinds) - set(KINDS))
    result["kinds"] = {k: figures(kinds[k], files_per_kind[k]) for k in ordered}
    result["unannotated"] = sorted(set(records) - set(expected))
    result["misses"] = misses
    return result


def agreement(first: dict[str, dict], second: dict[str, dict], records: dict) -> dict:
    """Two annotators against each other and the parser on what they agree on.

    Files annotated by only one of the two are left out (counted in `one_sided`).
    """
    keys = ("agree", "parser_first", "parser_second", "consensus_right")
    fields = {field: dict.fromkeys(keys, 0) for field in CORPUS_FIELDS}
    shared = sorted(set(first) & set(second))
    disagreements = []
    for name in shared:
        record = records.get(name)
        usable = record is not None and not record.get("error")
        got = extracted(record)
        for field in CORPUS_FIELDS:
            a = _normalised(field, first[name].get(field))
            b = _normalised(field, second[name].get(field))
            mine = _normalised(field, got[field])
            tally = fields[field]
            tally["parser_first"] += usable and mine == a
            tally["parser_second"] += usable and mine == b
            if a == b:
                tally["agree"] += 1
                tally["consensus_right"] += usable and mine == a
            else:
                disagreements.append(
                    {"file": name, "field": field, "first": first[name].get(field),
                     "second": second[name].get(field), "got": got[field]}
                )  # fmt: skip
    overall = {key: sum(tally[key] for tally in fields.values()) for key in keys}
    return {
        "files": len(shared),
        "one_sided": len(set(first) ^ set(second)),
        "fields": fields,
        "overall": overall,
        "disagreements": disagreements,
    }


def print_agreement(result: dict, misses: bool, out=None) -> None:
    out = out or sys.stdout
    n = result["files"]
    print(f"\ntwo annotators, {n} files in both", file=out)
    heads = ("agree", "vs first", "vs second", "consensus")
    print(f"{'field':<14}" + "".join(f"{h:>11}" for h in heads), file=out)
    rows = [*result["fields"].items(), ("overall", result["overall"])]
    for field, t in rows:
        total = n * (len(CORPUS_FIELDS) if field == "overall" else 1)
        agreed = t["agree"]
        cells = [agreed / total, t["parser_first"] / total, t["parser_second"] / total]
        cells = [f"{c:>11.3f}" if total else f"{'-':>11}" for c in cells]
        consensus = f"{t['consensus_right']}/{agreed}" if agreed else "-"
        print(f"{_label(field):<14}" + "".join(cells) + f"{consensus:>11}", file=out)
    if result["one_sided"]:
        print(f"annotated by one of the two only: {result['one_sided']} file(s)", file=out)
    if misses:
        print(file=out)
        for item in result["disagreements"]:
            print(f"{item['file']} {_label(item['field'])}", file=out)
            for key in ("first", "second", "got"):
                value = json.dumps(item[key], ensure_ascii=False)
                print(f"    {key + ':':<8}{value}", file=out)


def _label(field: str) -> str:
    return field.replace("_", " ")


def print_corpus(result: dict, misses: bool, out=None) -> None:
    out = out or sys.stdout
    print(f"{result['files']} files", file=out)
    print(f"{'field':<14}{'correct':>9}{'total':>7}{'accuracy':>10}", file=out)
    rows = [*result["fields"].items(), ("overall", result["overall"])]
    for field, fig in rows:
        line = f"{_label(field):<14}{fig['correct']:>9}{fig['total']:>7}{fig['accuracy']:>10.3f}"
        print(line, file=out)
    print(file=out)
    heads = [_label(f).replace(" words", "") for f in CORPUS_FIELDS] + ["overall"]
    print(f"{'kind':<12}{'files':>6}" + "".join(f"{h:>10}" for h in heads), file=out)
    for kind, fig in result["kinds"].items():
        cells = [fig["fields"][f]["accuracy"] for f in CORPUS_FIELDS]
        cells.append(fig["overall"]["accuracy"])
        print(f"{kind:<12}{fig['files']:>6}" + "".join(f"{c:>10.3f}" for c in cells), file=out)
    if result["unannotated"]:
        print(f"\nnot annotated, not scored: {len(result['unannotated'])} file(s)", file=out)
    if misses:
        print(file=out)
        for miss in result["misses"]:
            print(f"{miss['file']} [{miss['kind']}] {_label(miss['field'])}", file=out)
            print(f"    expected: {json.dumps(miss['expected'], ensure_ascii=False)}", file=out)
            print(f"    got:      {json.dumps(miss['got'], ensure_ascii=False)}", file=out)


def corpus_main(corpus: Path, as_json: bool, misses: bool, second: Path | None = None) -> int:
    expected_path = corpus / "expected.json"
    for path in filter(None, (expected_path, second)):
        if not path.is_file():
            print(f"no {path.name} in {path.parent}", file=sys.stderr)
            return 2
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    records = run_check(corpus)
    result = score_corpus(expected, records)
    if second is not None:
        other = json.loads(second.read_text(encoding="utf-8"))
        result["second"] = agreement(expected, other, records)
    if as_json:
        if not misses:
            result.pop("misses")
            result.get("second", {}).pop("disagreements", None)
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print_corpus(result, misses)
        if second is not None:
            print_agreement(result["second"], misses)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, help="folder of annotated releases")
    parser.add_argument("--pin", action="store_true", help="raise the pinned minimums")
    parser.add_argument("--json", action="store_true", help="corpus mode: print JSON")
    parser.add_argument("--misses", action="store_true", help="corpus mode: list misses")
    parser.add_argument(
        "--second", type=Path, metavar="OTHER.json", help="corpus mode: a second annotation"
    )
    args = parser.parse_args(argv)
    if args.corpus is not None:
        if args.pin:
            parser.error("--pin applies to the fixture pins, not to a corpus")
        return corpus_main(args.corpus, args.json, args.misses, args.second)
    if args.json or args.misses or args.second:
        parser.error("--json, --misses and --second need a CORPUS_DIR")
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
