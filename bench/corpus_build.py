"""Rebuild a real-release corpus's `.txt` files from what was gathered, without cleaning.

    python bench/corpus_build.py CORPUS_DIR [--split-seed N] [--test-share 0.33]

CORPUS_DIR holds `sources.json` (a list of entries, one per release file):

    {"file": "p001.txt", "site": "kaltimprov.go.id", "kind": "gov",
     "url": "https://…", "raw": "raw/pages/p001.txt", "split": "dev"}

and, optionally, `annotations.json` (hand annotations keyed by file name, in the schema
`bench/accuracy.py` scores). For each entry the raw file (path relative to CORPUS_DIR) is
made into `CORPUS_DIR/<split>/<file>`:

- a stored page (plain text, as the search tool returned it) is copied byte for byte: the
  page chrome, odd spacing, doubled titles and missing datelines are what authors paste;
- an HTML body (raw name ending in `.html`/`.htm`, or `"format": "html"` in the entry),
  e.g. one post out of a CMS or SQL dump, is turned into text the way a browser copy gives
  it: block elements (paragraphs, headings, list items, table rows, `<br>`) end a line,
  scripts and styles are dropped, entities are decoded, runs of blank lines are kept to
  one; an entry's `"title"` (the post title column of a dump) goes on the first line.

Each half then gets an `expected.json` with the annotations of its own files, and `all/`
holds both halves (to score a batch blind before any rule was changed for it). Nothing is
fixed by hand on the way.

Entries gathered without a `"split"` get one with `--split-seed N`: the sites are grouped
by the office's host (the last three labels of a `.go.id` host, "bps.go.id" for every BPS
office; the last two of any other), shuffled with the seed, and about `--test-share` of
each kind's groups (a third by default) go to test; `sources.json` is written back with
the splits, so a later build gives the same halves.

The corpus is third parties' text: it stays outside the repository; only this script is
committed.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

SPLITS = ("dev", "test")
BLOCKS = {
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr",
    "table", "blockquote", "section", "article", "header", "footer", "figure",
    "figcaption", "pre", "hr", "dd", "dt", "dl", "address", "caption",
}  # fmt: skip
DROPPED = {"script", "style", "noscript", "template", "head"}


class _TextCopy(HTMLParser):
    """Text of an HTML fragment as a browser selection copies it (roughly)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in DROPPED:
            self.skipping += 1
        elif tag in BLOCKS or tag == "td":
            self.parts.append("\n" if tag in BLOCKS else "\t")

    def handle_endtag(self, tag):
        if tag in DROPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html: str, title: str | None = None) -> str:
    """Browser-copy text of an HTML body, the title (when given) on the first line."""
    parser = _TextCopy()
    parser.feed(unescape(html) if "&lt;" in html and "<" not in html else html)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    if title:
        text = f"{' '.join(title.split())}\n\n{text}"
    return text + "\n"


def build_one(corpus: Path, entry: dict) -> Path:
    """Write one entry's `.txt` file into its half; return the path written."""
    raw = corpus / entry["raw"]
    target = corpus / entry["split"] / entry["file"]
    target.parent.mkdir(parents=True, exist_ok=True)
    is_html = entry.get("format") == "html" or raw.suffix.lower() in (".html", ".htm")
    if is_html:
        html = raw.read_bytes().decode("utf-8", errors="replace")
        target.write_text(html_to_text(html, entry.get("title")), encoding="utf-8")
    else:
        target.write_bytes(raw.read_bytes())
    return target


def site_group(site: str) -> str:
    """The group a site is split by: its office's host, without "www."."""
    labels = site.removeprefix("www.").split(".")
    return ".".join(labels[-3:] if site.endswith(".go.id") else labels[-2:])


def assign_splits(entries: list[dict], seed: int, test_share: float = 1 / 3) -> None:
    """Give each entry without a split one, by site group and kind (see the docstring)."""
    rng = random.Random(seed)
    fixed = {site_group(e["site"]): e["split"] for e in entries if e.get("split") in SPLITS}
    groups: dict[str, set[str]] = {}
    for entry in entries:
        group = site_group(entry["site"])
        if group not in fixed:
            groups.setdefault("gov" if entry["kind"] == "gov" else "other", set()).add(group)
    for _kind, members in sorted(groups.items()):
        ordered = sorted(members)
        rng.shuffle(ordered)
        cut = round(len(ordered) * test_share)
        fixed.update({group: "test" for group in ordered[:cut]})
        fixed.update({group: "dev" for group in ordered[cut:]})
    for entry in entries:
        entry["split"] = fixed[site_group(entry["site"])]


def build(corpus: Path) -> dict[str, int]:
    """Rebuild every half of the corpus; return the number of files per half."""
    entries = json.loads((corpus / "sources.json").read_text(encoding="utf-8"))
    bad = [e["file"] for e in entries if e.get("split") not in SPLITS]
    if bad:
        raise SystemExit(f"entries without a dev/test split: {', '.join(bad)}")
    names = [(e["split"], e["file"]) for e in entries]
    if len(set(names)) != len(names):
        raise SystemExit("two entries write the same file")
    sites = {}
    for entry in entries:
        if sites.setdefault(site_group(entry["site"]), entry["split"]) != entry["split"]:
            raise SystemExit(f"site {entry['site']} is in both halves")
    for split in (*SPLITS, "all"):
        for old in (corpus / split).glob("*.txt"):
            old.unlink()
    counts = dict.fromkeys(SPLITS, 0)
    for entry in entries:
        written = build_one(corpus, entry)
        (corpus / "all").mkdir(exist_ok=True)
        (corpus / "all" / entry["file"]).write_bytes(written.read_bytes())
        counts[entry["split"]] += 1
    annotations_path = corpus / "annotations.json"
    if annotations_path.exists():
        annotations = json.loads(annotations_path.read_text(encoding="utf-8"))
        for split in SPLITS:
            own = {e["file"]: annotations[e["file"]] for e in entries if e["split"] == split}
            missing = [e["file"] for e in entries if e["file"] not in annotations]
            if missing:
                raise SystemExit(f"not annotated: {', '.join(missing)}")
            (corpus / split).mkdir(parents=True, exist_ok=True)
            (corpus / split / "expected.json").write_text(
                json.dumps(own, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                encoding="utf-8",
            )
        both = {e["file"]: annotations[e["file"]] for e in entries}
        (corpus / "all" / "expected.json").write_text(
            json.dumps(both, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
            encoding="utf-8",
        )
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="folder with sources.json and raw/")
    parser.add_argument(
        "--split-seed", type=int, help="give entries without a split one (by site group)"
    )
    parser.add_argument("--test-share", type=float, default=1 / 3)
    args = parser.parse_args(argv)
    if args.split_seed is not None:
        sources = args.corpus / "sources.json"
        entries = json.loads(sources.read_text(encoding="utf-8"))
        assign_splits(entries, args.split_seed, args.test_share)
        sources.write_text(json.dumps(entries, ensure_ascii=False, indent=1) + "\n", "utf-8")
    counts = build(args.corpus)
    for split, count in counts.items():
        print(f"{split}: {count} files", file=sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
