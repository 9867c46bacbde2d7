"""photos.settings: the photo rows of the plugin's settings table, read as one value."""

from __future__ import annotations

import logging

import pytest

from press_release.photos.settings import PhotoSettings, photo_settings
from press_release.settings import BY_NAME, DEFAULTS, validate


def test_defaults():
    settings = photo_settings({})
    assert settings == PhotoSettings()
    assert settings.widths == (480, 960, 1600) and settings.formats == ("webp", "jpeg")


def test_the_photo_settings_are_rows_of_the_one_table():
    names = {name for name in BY_NAME if name.startswith("PRESS_RELEASE_PHOTOS")}
    assert names == {
        "PRESS_RELEASE_PHOTOS", "PRESS_RELEASE_PHOTOS_CACHE", "PRESS_RELEASE_PHOTOS_OUTPUT",
        "PRESS_RELEASE_PHOTOS_WIDTHS", "PRESS_RELEASE_PHOTOS_FORMATS",
        "PRESS_RELEASE_PHOTOS_QUALITY", "PRESS_RELEASE_PHOTOS_SIZES",
        "PRESS_RELEASE_PHOTOS_LARGE_BYTES",
    }  # fmt: skip
    validated: dict = {}
    validate(validated)
    assert photo_settings(validated) == photo_settings({}) == PhotoSettings()


@pytest.mark.parametrize(
    ("key", "value", "field", "default"),
    [
        pytest.param("PRESS_RELEASE_PHOTOS_WIDTHS", [0, 960], "widths", (480, 960, 1600), id="w"),
        pytest.param("PRESS_RELEASE_PHOTOS_WIDTHS", [[1]], "widths", (480, 960, 1600), id="w-type"),
        pytest.param("PRESS_RELEASE_PHOTOS_FORMATS", ["gif"], "formats", ("webp", "jpeg"), id="f"),
        pytest.param("PRESS_RELEASE_PHOTOS_OUTPUT", "../x", "output", "photos", id="output"),
        pytest.param("PRESS_RELEASE_PHOTOS_CACHE", "", "cache", ".cache/photos", id="cache"),
        pytest.param("PRESS_RELEASE_JOBS", "two", "jobs", 0, id="jobs-type"),
        pytest.param("PRESS_RELEASE_JOBS", -1, "jobs", 0, id="jobs-negative"),
        pytest.param("PRESS_RELEASE_PHOTOS", "yes", "enabled", True, id="switch"),
    ],
)
def test_bad_value_is_named_once_and_falls_back(caplog, key, value, field, default):
    settings = {key: value}
    with caplog.at_level(logging.WARNING):
        problems = validate(settings)
    assert len(problems) == 1 and key in problems[0]
    assert [r for r in caplog.records if key in r.getMessage()]
    assert getattr(photo_settings(settings), field) == default
    # Read without validation, the wrong value is taken as its default too (silently).
    caplog.clear()
    assert getattr(photo_settings({key: value}), field) == default
    assert caplog.records == []


def test_quality_keeps_its_good_items_and_changes_the_fingerprint():
    settings = {"PRESS_RELEASE_PHOTOS_QUALITY": {"webp": 70, "jpeg": 500}}
    problems = validate(settings)
    assert len(problems) == 1 and "PRESS_RELEASE_PHOTOS_QUALITY" in problems[0]
    photo = photo_settings(settings)
    assert (photo.quality_of("webp"), photo.quality_of("jpeg")) == (70, 82)
    assert photo.fingerprint != PhotoSettings().fingerprint
    assert DEFAULTS["PRESS_RELEASE_PHOTOS_QUALITY"] == {"webp": 80, "jpeg": 82, "avif": 60}
