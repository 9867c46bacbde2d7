"""The photo settings: one table (name, default, type, meaning), validated once.

Every name carries the plugin's ``PRESS_RELEASE_`` prefix. A bad value is reported with
one warning naming the plugin and the key, and replaced by its default.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

logger = logging.getLogger(__name__)

# name -> (default, accepted types, meaning)
TABLE: dict[str, tuple[object, type | tuple[type, ...], str]] = {
    "PRESS_RELEASE_PHOTOS": (True, bool, "find, process and publish the photos of releases"),
    "PRESS_RELEASE_PHOTOS_CACHE": (
        ".cache/photos",
        str,
        "folder of processed photos, kept between builds; relative to the site root "
        "(the content folder's parent)",
    ),
    "PRESS_RELEASE_PHOTOS_OUTPUT": ("photos", str, "folder of the published photos in output/"),
    "PRESS_RELEASE_PHOTOS_WIDTHS": (
        (480, 960, 1600),
        (list, tuple),
        "widths in pixels of the published variants (a photo is never enlarged)",
    ),
    "PRESS_RELEASE_PHOTOS_FORMATS": (
        ("webp", "jpeg"),
        (list, tuple),
        "formats published, best first: webp, avif, jpeg (the last is the fallback)",
    ),
    "PRESS_RELEASE_PHOTOS_QUALITY": (
        {"webp": 80, "jpeg": 82, "avif": 60},
        dict,
        "encoder quality per format (1-100)",
    ),
    "PRESS_RELEASE_PHOTOS_SIZES": (
        "(min-width: 48rem) 46rem, 100vw",
        str,
        "the sizes attribute of a release photo: its displayed width per viewport",
    ),
    "PRESS_RELEASE_PHOTOS_LARGE_BYTES": (
        25_000_000,
        int,
        "a source photo bigger than this is published with a warning to export it smaller",
    ),
    "PRESS_RELEASE_JOBS": (0, int, "processes: 0 for every usable core, 1 for serial"),
}

KNOWN_FORMATS = ("webp", "avif", "jpeg")


@dataclass(frozen=True)
class PhotoSettings:
    """The validated photo settings, independent of Pelican."""

    enabled: bool = True
    cache: str = ".cache/photos"
    output: str = "photos"
    widths: tuple[int, ...] = (480, 960, 1600)
    formats: tuple[str, ...] = ("webp", "jpeg")
    quality: tuple[tuple[str, int], ...] = (("avif", 60), ("jpeg", 82), ("webp", 80))
    sizes: str = "(min-width: 48rem) 46rem, 100vw"
    large_bytes: int = 25_000_000
    jobs: int = 0

    def quality_of(self, fmt: str) -> int:
        return dict(self.quality)[fmt]

    @property
    def fingerprint(self) -> str:
        """What changes the processed files: part of every cache key."""
        return f"w={self.widths};f={self.formats};q={self.quality}"

    @property
    def workers(self) -> int:
        """The number of processes: every usable core for 0."""
        if self.jobs > 0:
            return self.jobs
        return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


def _warn(key: str, value: object, why: str) -> object:
    default = TABLE[key][0]
    logger.warning(
        "press_release: setting %s %s, not %r; using the default %r", key, why, value, default
    )
    return default


def _checked(settings: dict, key: str) -> object:
    default, types, _meaning = TABLE[key]
    value = settings.get(key, default)
    if not isinstance(value, types) or (types is int and isinstance(value, bool)):
        return _warn(key, value, f"must be a {getattr(types, '__name__', 'list')}")
    if key == "PRESS_RELEASE_PHOTOS_WIDTHS" and not (
        value and all(isinstance(w, int) and 16 <= w <= 8000 for w in value)
    ):
        return _warn(key, value, "must list widths from 16 to 8000 pixels")
    if key == "PRESS_RELEASE_PHOTOS_FORMATS" and not (
        value and all(f in KNOWN_FORMATS for f in value)
    ):
        return _warn(key, value, f"must list formats among {', '.join(KNOWN_FORMATS)}")
    if key == "PRESS_RELEASE_PHOTOS_QUALITY" and not all(
        f in KNOWN_FORMATS and isinstance(q, int) and 1 <= q <= 100 for f, q in value.items()
    ):
        return _warn(key, value, "must map webp, avif or jpeg to a quality from 1 to 100")
    if key in ("PRESS_RELEASE_JOBS", "PRESS_RELEASE_PHOTOS_LARGE_BYTES") and value < 0:
        return _warn(key, value, "must not be negative")
    return value


def photo_settings(settings: dict) -> PhotoSettings:
    """The photo settings from a Pelican settings dict (or any dict)."""
    values = {key: _checked(settings, key) for key in TABLE}
    quality = dict(TABLE["PRESS_RELEASE_PHOTOS_QUALITY"][0])
    quality.update(values["PRESS_RELEASE_PHOTOS_QUALITY"])
    return PhotoSettings(
        enabled=values["PRESS_RELEASE_PHOTOS"],
        cache=values["PRESS_RELEASE_PHOTOS_CACHE"],
        output=values["PRESS_RELEASE_PHOTOS_OUTPUT"].strip("/") or "photos",
        widths=tuple(sorted(set(values["PRESS_RELEASE_PHOTOS_WIDTHS"]))),
        formats=tuple(dict.fromkeys(values["PRESS_RELEASE_PHOTOS_FORMATS"])),
        quality=tuple(sorted(quality.items())),
        sizes=values["PRESS_RELEASE_PHOTOS_SIZES"],
        large_bytes=values["PRESS_RELEASE_PHOTOS_LARGE_BYTES"],
        jobs=values["PRESS_RELEASE_JOBS"],
    )
