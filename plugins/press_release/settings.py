"""Plugin settings: defaults in one place, validated once when Pelican starts.

Every setting carries the ``PRESS_RELEASE_`` prefix. A bad value is reported through
Pelican's logger, naming the plugin and the key, and replaced by its default.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

logger = logging.getLogger(__name__)

DEFAULTS: dict[str, object] = {
    # File extensions the reader claims.
    "PRESS_RELEASE_EXTENSIONS": ["txt"],
    # Extra page-chrome lines of your site: plain strings (a whole line, any case)
    # or compiled regular expressions (searched in each line).
    "PRESS_RELEASE_CHROME": [],
    # Known category/region labels, helping when a label is long.
    "PRESS_RELEASE_CATEGORIES": [],
    # Byline code -> display name, used by the theme.
    "PRESS_RELEASE_DESKS": {},
    "PRESS_RELEASE_REPORTERS": {},
    # Where a release without a date in its text or file name gets one: "git" (the
    # commit that first added the file, else the file's mtime) or "mtime".
    "PRESS_RELEASE_DATE_FALLBACK": "git",
    # Processes rendering the pages: 0 for every usable core, 1 for a serial build.
    "PRESS_RELEASE_JOBS": 0,
}

_TYPES: dict[str, type | tuple[type, ...]] = {
    "PRESS_RELEASE_EXTENSIONS": (list, tuple),
    "PRESS_RELEASE_CHROME": (list, tuple),
    "PRESS_RELEASE_CATEGORIES": (list, tuple),
    "PRESS_RELEASE_DESKS": dict,
    "PRESS_RELEASE_REPORTERS": dict,
    "PRESS_RELEASE_DATE_FALLBACK": str,
    "PRESS_RELEASE_JOBS": int,
}

_CHOICES = {"PRESS_RELEASE_DATE_FALLBACK": ("git", "mtime")}


@dataclass(frozen=True)
class Config:
    """The settings the parser needs, independent of Pelican."""

    chrome: tuple[str | re.Pattern[str], ...] = ()
    categories: tuple[str, ...] = ()
    date_fallback: str = "git"
    extensions: tuple[str, ...] = ("txt",)
    desks: dict[str, str] = field(default_factory=dict)
    reporters: dict[str, str] = field(default_factory=dict)


def _checked(settings: dict, key: str) -> object:
    value = settings.get(key, DEFAULTS[key])
    default = DEFAULTS[key]
    if not isinstance(value, _TYPES[key]):
        logger.warning(
            "press_release: setting %s must be a %s, not %r; using the default %r",
            key,
            getattr(_TYPES[key], "__name__", "list"),
            value,
            default,
        )
        return default
    if key in _CHOICES and value not in _CHOICES[key]:
        logger.warning(
            "press_release: setting %s must be one of %s, not %r; using the default %r",
            key,
            ", ".join(_CHOICES[key]),
            value,
            default,
        )
        return default
    if key == "PRESS_RELEASE_CHROME":
        bad = [item for item in value if not isinstance(item, str | re.Pattern)]
        if bad:
            logger.warning(
                "press_release: setting %s holds %r, which is neither a string nor a "
                "compiled pattern; ignoring it",
                key,
                bad,
            )
            return [item for item in value if isinstance(item, str | re.Pattern)]
    return value


def config_from(settings: dict) -> Config:
    """Build the parser's configuration from a Pelican settings dict."""
    return Config(
        chrome=tuple(_checked(settings, "PRESS_RELEASE_CHROME")),
        categories=tuple(_checked(settings, "PRESS_RELEASE_CATEGORIES")),
        date_fallback=_checked(settings, "PRESS_RELEASE_DATE_FALLBACK"),
        extensions=tuple(_checked(settings, "PRESS_RELEASE_EXTENSIONS")),
        desks=dict(_checked(settings, "PRESS_RELEASE_DESKS")),
        reporters=dict(_checked(settings, "PRESS_RELEASE_REPORTERS")),
    )


def validate_settings(pelican) -> None:
    """`initialized` signal: validate once, store the normalised values back."""
    settings = pelican.settings
    for key in DEFAULTS:
        settings[key] = _checked(settings, key)
    unknown = sorted(
        key for key in settings if key.startswith("PRESS_RELEASE_") and key not in DEFAULTS
    )
    for key in unknown:
        # Theme and publishing settings share the prefix; they are validated where used.
        logger.debug("press_release: setting %s is not a reader setting", key)
