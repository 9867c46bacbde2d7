"""The photo settings as one frozen value, independent of Pelican.

The settings themselves are rows of the plugin's one table (``press_release.settings``:
``PRESS_RELEASE_PHOTOS`` and ``PRESS_RELEASE_PHOTOS_*``, ``PRESS_RELEASE_JOBS``), checked
and reported there once when Pelican starts. ``photo_settings`` reads them from a
settings dict, validated or not: a wrong value is taken as its default here (as the
parser's ``config_from`` does), the warning being the table's job.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from ..settings import PHOTO_QUALITY, valid_value


@dataclass(frozen=True)
class PhotoSettings:
    """The validated photo settings."""

    enabled: bool = True
    cache: str = ".cache/photos"
    output: str = "photos"
    widths: tuple[int, ...] = (480, 960, 1600)
    formats: tuple[str, ...] = ("webp", "jpeg")
    quality: tuple[tuple[str, int], ...] = tuple(sorted(PHOTO_QUALITY.items()))
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


def photo_settings(settings: dict) -> PhotoSettings:
    """The photo settings from a Pelican settings dict (or any dict)."""
    quality = {**PHOTO_QUALITY, **valid_value(settings, "PRESS_RELEASE_PHOTOS_QUALITY")}
    output = valid_value(settings, "PRESS_RELEASE_PHOTOS_OUTPUT")
    return PhotoSettings(
        enabled=valid_value(settings, "PRESS_RELEASE_PHOTOS"),
        cache=valid_value(settings, "PRESS_RELEASE_PHOTOS_CACHE"),
        output=output.strip("/") or "photos",
        widths=tuple(sorted(set(valid_value(settings, "PRESS_RELEASE_PHOTOS_WIDTHS")))),
        formats=tuple(dict.fromkeys(valid_value(settings, "PRESS_RELEASE_PHOTOS_FORMATS"))),
        quality=tuple(sorted(quality.items())),
        sizes=valid_value(settings, "PRESS_RELEASE_PHOTOS_SIZES"),
        large_bytes=valid_value(settings, "PRESS_RELEASE_PHOTOS_LARGE_BYTES"),
        jobs=valid_value(settings, "PRESS_RELEASE_JOBS"),
    )
