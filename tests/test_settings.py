"""Settings: defaults in one place; a bad value is named in a warning and replaced."""

import logging

from press_release.settings import DEFAULTS, config_from


def test_defaults():
    config = config_from({})
    assert config.extensions == ("txt",)
    assert config.date_fallback == DEFAULTS["PRESS_RELEASE_DATE_FALLBACK"] == "git"


def test_bad_values_fall_back_with_a_warning(caplog):
    with caplog.at_level(logging.WARNING):
        config = config_from(
            {"PRESS_RELEASE_EXTENSIONS": "txt", "PRESS_RELEASE_DATE_FALLBACK": "svn"}
        )
    assert config.extensions == ("txt",)
    assert config.date_fallback == "git"
    messages = " ".join(r.getMessage() for r in caplog.records)
    assert "press_release" in messages
    assert "PRESS_RELEASE_EXTENSIONS" in messages and "PRESS_RELEASE_DATE_FALLBACK" in messages
