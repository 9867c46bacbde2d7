"""Shared helpers: fixture discovery and one function that hides the parser API."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

# The suite tests the pure parser (tests may patch its modules); the compiled one is
# compared with it in test_compiled_parse.py.
os.environ["PRESS_RELEASE_COMPILED"] = "0"

from press_release.parse import Release, parse_release  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def fixture_names() -> list[str]:
    """Every NAME with both NAME.txt and NAME.json in tests/fixtures/."""
    return sorted(p.stem for p in FIXTURES.glob("*.txt") if p.with_suffix(".json").exists())


def load_fixture(name: str) -> tuple[Release, dict]:
    source = FIXTURES / f"{name}.txt"
    expected = json.loads(source.with_suffix(".json").read_text(encoding="utf-8"))
    return parse_release(source.read_bytes(), source.name), expected


def split_in_two(word: str, produced: set[str]) -> bool:
    """Whether `word` is two produced words glued ("22SAMARINDA": a time stamp's seconds,
    kept in the date, glued to the place, kept in the dateline)."""
    return any(word[:i] in produced and word[i:] in produced for i in range(1, len(word)))


def parse(text: str, filename: str = "rilis.txt") -> Release:
    """Parse release text given as a str (UTF-8)."""
    return parse_release(text.encode("utf-8"), filename)


@pytest.fixture
def release_of():
    return parse
