"""The benchmark's generator: deterministic, and its raw releases parse (no timing here)."""

import re
import sys
from pathlib import Path

import pytest

from press_release.parse import parse_release

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from generate import generate  # noqa: E402

COUNT = 60


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    target = tmp_path_factory.mktemp("bench")
    generate(COUNT, target, seed=6)
    return target


def test_same_seed_same_bytes(archive, tmp_path):
    generate(COUNT, tmp_path, seed=6)
    first = sorted(p.relative_to(archive) for p in archive.rglob("*") if p.is_file())
    again = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    assert first == again
    assert all((archive / p).read_bytes() == (tmp_path / p).read_bytes() for p in first)


def test_raw_releases_parse(archive):
    raw = sorted((archive / "raw").glob("*.txt"))
    assert len(raw) == COUNT
    for path in raw:
        release = parse_release(path.read_bytes(), path.name)
        markdown = (archive / "md" / f"{path.stem}.md").read_text(encoding="utf-8")
        title = re.search(r"^Title: (.*)$", markdown, re.M)[1]
        code = re.search(r"\(([^()]+)\)\n*$", markdown)[1]
        assert release.title == title, path.name
        assert release.dateline, path.name
        text = path.read_bytes().decode("utf-8", "replace")
        if f"({code})" in text[-300:] or f"[{code.split('/')[0]}]" in text[-300:]:
            assert release.byline and code.startswith(release.byline), path.name
