"""Pure parsing of raw press releases: no Pelican import here."""

from .release import Release, parse_release, parse_text, slugify

__all__ = ["Release", "parse_release", "parse_text", "slugify"]
