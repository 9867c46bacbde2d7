"""photos.settings: defaults, and a bad value replaced by its default with a warning."""

from __future__ import annotations

import logging

import pytest

from press_release.photos.settings import PhotoSettings, photo_settings


def test_defaults():
    settings = photo_settings({})
    assert settings == PhotoSettings()
    assert settings.widths == (480, 960, 1600) and settings.formats == ("webp", "jpeg")


@pytest.mark.parametrize(
    ("key", "value", "field", "default"),
    [
        pytest.param("PRESS_RELEASE_PHOTOS_WIDTHS", [0, 960], "widths", (480, 960, 1600), id="w"),
        pytest.param("PRESS_RELEASE_PHOTOS_FORMATS", ["gif"], "formats", ("webp", "jpeg"), id="f"),
        pytest.param("PRESS_RELEASE_JOBS", "two", "jobs", 0, id="jobs-type"),
        pytest.param("PRESS_RELEASE_JOBS", -1, "jobs", 0, id="jobs-negative"),
        pytest.param("PRESS_RELEASE_PHOTOS", "yes", "enabled", True, id="switch"),
    ],
)
def test_bad_value_falls_back_with_a_warning(caplog, key, value, field, default):
    with caplog.at_level(logging.WARNING):
        settings = photo_settings({key: value})
    assert getattr(settings, field) == default
    assert any(key in record.getMessage() for record in caplog.records)


def test_quality_merges_with_the_defaults_and_changes_the_fingerprint():
    settings = photo_settings({"PRESS_RELEASE_PHOTOS_QUALITY": {"webp": 70}})
    assert (settings.quality_of("webp"), settings.quality_of("jpeg")) == (70, 82)
    assert settings.fingerprint != PhotoSettings().fingerprint
