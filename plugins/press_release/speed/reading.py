"""The speed layer's way to prepare a release file (state.BuildState.prepare).

For each file the reader asks for, in this order: the result the read-ahead process
(readahead.py) sent, if it got there first; else the result kept from the last build
(parse_cache.py) if the file's bytes are the same; else reader.prepare's own work. In a
build that keeps results for the next one, each result is kept (with its digest) and
noted for the article cache (article_cache.py).
"""

from __future__ import annotations

from ..reader import prepare, prepare_bytes
from .parse_cache import digest


def prepare_here(session, keep: bool, source_path: str, name: str, config) -> dict:
    """reader.prepare(), or the kept result of the same bytes when `keep`."""
    if not keep:
        return prepare(source_path, name, config)
    try:
        with open(source_path, "rb") as file:
            raw = file.read()
    except OSError:
        return prepare(source_path, name, config)  # says why it cannot be read
    key = digest(raw)
    known = session.parse_cache.recall(source_path, name, key)
    if known is not None:
        return known
    prepared = prepare_bytes(raw, source_path, name, config)
    prepared["digest"] = key
    return prepared


def make_prepare(session, build):
    """The build's ``prepare`` (see the module's docstring); `build` is its SpeedBuild."""

    def speed_prepare(source_path: str, name: str, config) -> dict:
        ahead = build.readahead
        prepared = ahead.take(source_path) if ahead is not None else None
        if prepared is None:
            prepared = prepare_here(session, build.keep, source_path, name, config)
        if build.keep:
            session.parse_cache.keep(source_path, name, prepared)
            session.article_cache.made(source_path, name, prepared)
        return prepared

    return speed_prepare
