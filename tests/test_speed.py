"""The speed layer is optional: with PRESS_RELEASE_SPEEDUPS off the site is the same,
byte for byte, and none of its machinery runs."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from .conftest import FIXTURES, ROOT
from .test_build import WIDE
from .test_speed_parallel import tree

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate  # noqa: E402


@pytest.fixture(scope="module")
def content(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("speed")
    generate(150, target, seed=5)
    for name in ("example_layout", "byline_inside_last_sentence", "chrome_related_timestamps"):
        shutil.copy(FIXTURES / f"{name}.txt", target / "raw" / f"2024-05-01-{name}.txt")
    return target / "raw"


def build(content: Path, output: Path, speedups: bool):
    switch = f"PRESS_RELEASE_SPEEDUPS={str(speedups).lower()}"
    return subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-o", str(output),
         "-s", str(ROOT / "publishconf.py"), "-e", switch, "PRESS_RELEASE_SEARCH=false",
         "PRESS_RELEASE_JOBS=2", 'SITEURL="https://humas.example.go.id"', "-v"],
        capture_output=True, text=True, cwd=ROOT, timeout=600, env=WIDE,
    )  # fmt: skip


def test_the_site_is_the_same_byte_for_byte_without_the_speed_layer(content, tmp_path):
    on = build(content, tmp_path / "on", True)
    off = build(content, tmp_path / "off", False)
    assert on.returncode == 0, on.stderr[-2000:]
    assert off.returncode == 0, off.stderr[-2000:]
    # the speed layer worked in one build and not in the other
    assert "in 2 process(es)" in on.stdout + on.stderr
    assert "prepared ahead" in on.stdout + on.stderr
    assert "process(es)" not in off.stdout + off.stderr
    assert "prepared ahead" not in off.stdout + off.stderr
    one, two = tree(tmp_path / "on"), tree(tmp_path / "off")
    assert sorted(one) == sorted(two)
    assert len([n for n in one if n.endswith(".html")]) > 300
    assert [name for name in one if one[name] != two[name]] == []


def test_url_memo_keys_tell_equal_instants_in_two_zones_apart():
    """Two releases at the same instant in two time zones have different {date:%H}: the
    URL memo keys them apart (equal datetimes, other fields)."""
    from press_release.speed import shortcuts

    class Article:
        relative_source_path = "a.txt"
        metadata: dict = {}
        slug = "rilis"
        url_format = shortcuts.Content.url_format

    one, other = Article(), Article()
    one.date = datetime(2024, 3, 1, 10, tzinfo=timezone(timedelta(hours=7)))
    other.date = datetime(2024, 3, 1, 3, tzinfo=UTC)
    assert one.date == other.date
    pattern = "{date:%Y/%H}/{slug}/"
    first = shortcuts._memo_key(one, pattern, pattern + "index.html")
    second = shortcuts._memo_key(other, pattern, pattern + "index.html")
    assert first is not None and second is not None and first != second
    assert shortcuts._named_fields(("{0}/{slug}",)) is None  # not a plain name: no memo
