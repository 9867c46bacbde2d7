"""The speed layer's way to prepare a release file (state.BuildState.prepare).

For each file the reader asks for, in this order: the result the read-ahead process
(readahead.py) sent, if it got there first; else the result kept from the last build
(parse_cache.py) if the file's bytes are the same; else reader.prepare's own work. In a
build that keeps results for the next one, each result is kept (with its digest) and
noted for the article cache (article_cache.py).
"""

from __future__ import annotations

import os

from ..reader import UNCHANGED, prepare, prepare_bytes
from .article_cache import stamp_of
from .parse_cache import digest

STAMP = "stamp"  # the key of a result's stamp_of() its file, between prepare_here and speed_prepare


def prepare_here(session, keep: bool, source_path: str, name: str, config) -> dict:
    """reader.prepare(), or the kept result of the same bytes when `keep`."""
    if not keep:
        return prepare(source_path, name, config)
    try:
        with open(source_path, "rb") as file:
            # the file's size and times before its bytes are read: a later build that
            # finds them unchanged takes the article made of these bytes (article_cache.py)
            stamp = stamp_of(os.fstat(file.fileno()))
            raw = file.read()
    except OSError:
        return prepare(source_path, name, config)  # says why it cannot be read
    key = digest(raw)
    prepared = session.parse_cache.recall(source_path, name, key)
    if prepared is None:
        prepared = prepare_bytes(raw, source_path, name, config)
        prepared["digest"] = key
    else:
        prepared[UNCHANGED] = True  # its messages were logged when it was parsed
    prepared[STAMP] = stamp  # taken off by speed_prepare, never kept with the results
    return prepared


def make_prepare(session, build):
    """The build's ``prepare`` (see the module's docstring); `build` is its SpeedBuild."""

    def speed_prepare(source_path: str, name: str, config) -> dict:
        ahead = build.readahead
        prepared = ahead.take(source_path) if ahead is not None else None
        if prepared is None:
            prepared = prepare_here(session, build.parses_kept, source_path, name, config)
        stamp = prepared.pop(STAMP, None)
        unchanged = prepared.pop(UNCHANGED, False)
        if build.parses_kept:
            session.parse_cache.keep(source_path, name, prepared)
            session.article_cache.read(source_path, stamp)
            session.article_cache.made(source_path, name, prepared)
        if unchanged:
            prepared[UNCHANGED] = True
        return prepared

    return speed_prepare
