"""The benchmark generator's large vocabulary: deterministic, parseable, and larger.

The search benchmark (bench/search.py) draws paragraphs from a word model built on the
demo releases and wordfreq's Indonesian word list, so that the index is not flattered by
the default generator's small vocabulary.
"""

import re
import sys
from pathlib import Path

import pytest

from press_release.parse import parse_release

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from generate import generate  # noqa: E402

COUNT = 80
WORDS = re.compile(r"[^\W\d_]+")


def vocabulary(folder: Path) -> set[str]:
    words = set()
    for path in (folder / "md").glob("*.md"):
        words.update(w.lower() for w in WORDS.findall(path.read_text(encoding="utf-8")))
    return words


@pytest.fixture(scope="module")
def archives(tmp_path_factory):
    pytest.importorskip("wordfreq")
    small, large = tmp_path_factory.mktemp("small"), tmp_path_factory.mktemp("large")
    generate(COUNT, small, seed=6)
    generate(COUNT, large, seed=6, vocabulary="large")
    return small, large


def test_the_large_vocabulary_is_larger(archives):
    small, large = archives
    assert len(vocabulary(large)) > 3 * len(vocabulary(small))


def test_same_seed_same_bytes(archives, tmp_path):
    _, large = archives
    generate(COUNT, tmp_path, seed=6, vocabulary="large")
    for path in sorted((large / "raw").glob("*.txt")):
        assert (tmp_path / "raw" / path.name).read_bytes() == path.read_bytes()


def test_large_releases_parse_with_title_dateline_and_byline(archives):
    _, large = archives
    for path in sorted((large / "raw").glob("*.txt")):
        release = parse_release(path.read_bytes(), path.name)
        markdown = (large / "md" / f"{path.stem}.md").read_text(encoding="utf-8")
        assert release.title == re.search(r"^Title: (.*)$", markdown, re.M)[1], path.name
        assert release.dateline, path.name
        # Nothing in the drawn paragraphs ends the release early (no byline-like code).
        assert len(release.body_html) > 1500, path.name
