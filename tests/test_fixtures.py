"""Fixture pairs: tests/fixtures/NAME.txt is parsed and compared with NAME.json.

Each expected field is its own test case (ids like `dateline_colon-dateline`), so one
wrong field never hides another.
"""

from __future__ import annotations

import re

import pytest

from press_release.parse.normalise import decode, normalise

from .conftest import FIXTURES, fixture_names, load_fixture, split_in_two

FIELDS = (
    "title", "category", "dateline", "dateline_agency", "byline", "reporters",
    "credited_reporters", "desk", "date", "summary", "body_text",
)  # fmt: skip
WORD = re.compile(r"\w+")


def _actual(release, field):
    if field == "date":
        return release.date_iso
    value = getattr(release, field)
    return list(value) if isinstance(value, list | tuple) else value


def _cases():
    for name in fixture_names():
        expected = load_fixture(name)[1]
        for field in FIELDS:
            if field in expected:
                yield pytest.param(name, field, id=f"{name}-{field}")


@pytest.mark.parametrize(("name", "field"), list(_cases()))
def test_field(name, field):
    release, expected = load_fixture(name)
    assert _actual(release, field) == expected[field]


def test_there_are_enough_fixtures():
    assert len(fixture_names()) >= 40


@pytest.mark.parametrize(
    "name", [name for name in fixture_names() if "warnings" in load_fixture(name)[1]]
)
def test_expected_warnings(name):
    release, expected = load_fixture(name)
    text = " ".join(release.warnings).lower()
    for fragment in expected["warnings"]:
        assert fragment in text, release.warnings
    if not expected["warnings"]:
        assert release.warnings == []


@pytest.mark.parametrize("name", fixture_names())
def test_chrome_is_dropped(name):
    release, expected = load_fixture(name)
    shown = "\n".join(
        filter(None, [release.title, release.dek, release.body_text, *release.captions])
    )
    for line in expected.get("chrome", []):
        if len(WORD.findall(line)) >= 2:
            assert line not in shown


@pytest.mark.parametrize("name", fixture_names())
def test_every_word_reaches_the_output(name):
    """Nothing an author wrote is lost: each word outside page chrome is in some field."""
    release, expected = load_fixture(name)
    text, _, _ = decode((FIXTURES / f"{name}.txt").read_bytes())
    chrome_words = set()
    for line in expected.get("chrome", []):
        chrome_words.update(w.casefold() for w in WORD.findall(line))
    out = " ".join(
        filter(
            None,
            [
                release.title,
                release.category,
                release.dateline_text,
                release.byline,
                release.dek,
                release.body_text,
                *release.captions,
                *release.credits,
                release.header.get("_meta_date"),
                " ".join(release.header.values()),
            ],
        )
    )
    produced = {w.casefold() for w in WORD.findall(out)}
    joined = "".join(WORD.findall(out.casefold()))  # a drop cap "B" + "ahkan" is "Bahkan"
    missing = {
        w
        for w in (w.casefold() for w in WORD.findall(normalise(text)))
        if w not in produced
        and w not in chrome_words
        and w not in joined
        and not split_in_two(w, produced)
    }
    assert not missing, f"words lost: {sorted(missing)[:20]}"


def test_fixture_files_are_paired():
    txt = {p.stem for p in FIXTURES.glob("*.txt")}
    js = {p.stem for p in FIXTURES.glob("*.json")}
    assert txt == js
