"""Articles a rebuild does not make again.

With results remembered (remembered.py), a rebuild under ``pelican --autoreload`` still
had Pelican make an article of every file: its metadata, its ``Article`` (source path
resolved, date formatted, signals sent) and the check of its output path, about 1.5 s
at 10,000 releases for one edited file. Pelican's own content cache (``CACHE_CONTENT``
with ``CONTENT_CACHING_LAYER = "generator"``) skips that work for unchanged files by
pickling every article and unpickling it in the next build, which costs about as much.

Here the articles generator's two cache hooks are given the same job in memory: each
article Pelican makes of a file the reader read is kept as it was made (a copy, taken
before the build goes on to change it: slugs made unique, URLs, neighbours), under the
file's path, with the BLAKE2 digest of its bytes. The next build reads and hashes each
file; when its bytes are the same, it takes a new copy of the kept article (its lists
and metadata new too, its context the new build's) instead of making one, and logs and
reports the release's warnings as the reader would. Anything else is made as usual.

An article is kept only when nothing but the file and the settings decides it:

- not with Pelican's own content cache on (it is then Pelican's job);
- only while the settings object is the one it was made with (``--autoreload`` makes
  a new one when the settings file changes);
- not when its date came from the file's commit or modification time (no date in the
  text or the name), nor when it lies in the future (Pelican makes such an article a
  draft until that day, unless ``WITH_FUTURE_DATES``);
- only while no other plugin listens for articles being read or made
  (``article_generator_preread``, ``article_generator_context``, ``content_object_init``):
  a taken article, like one from Pelican's cache, is not announced again.
"""

from __future__ import annotations

import os
from datetime import datetime
from types import MethodType

from pelican import signals

from . import remembered, speed

# Source path -> (digest, name, title, warnings, status, article as made) of the last build
_articles: dict[str, tuple] = {}
# Source path -> (digest, name, title, warnings, status) of the files read in this build,
# until Pelican hands over the article it made of each (cache_data)
_made: dict[str, tuple] = {}
_looked_up: set[str] = set()  # source paths the running build asked for
_generation = -1  # remembered.generation() when the articles were kept
_ANY = object()  # a sender no receiver is connected to in particular


def forget() -> None:
    _articles.clear()
    _made.clear()
    _looked_up.clear()


def made(source_path: str, name: str, prepared: dict) -> None:
    """The reader read `source_path` in a build that remembers: what it logged and
    reported, kept until Pelican has made the file's article."""
    if "error" in prepared or prepared.get("date") is None or "digest" not in prepared:
        return  # skipped, or dated by its commit or modification time
    _made[source_path] = (
        prepared["digest"],
        name,
        prepared["title"],
        prepared["warnings"],
        prepared["status"] or "",
    )


def only_ours() -> bool:
    """No plugin but this one hears of articles being read or made."""
    mine = {speed.typed_dates}
    return (
        set(signals.content_object_init.receivers_for(_ANY)) <= mine
        and not any(signals.article_generator_preread.receivers_for(_ANY))
        and not any(signals.article_generator_context.receivers_for(_ANY))
    )


def install(generator) -> None:
    """`article_generator_init`: a build that remembers takes the articles of unchanged
    files as the last build made them (see the module's docstring)."""
    global _generation
    _made.clear()
    _looked_up.clear()
    settings = generator.settings
    if not remembered.remembering() or settings.get("CACHE_CONTENT") or not only_ours():
        _articles.clear()
        return
    if _generation != remembered.generation() or any(
        entry[5].settings is not settings for entry in _articles.values()
    ):
        _articles.clear()  # other settings: nothing made with the old ones is of use
        _generation = remembered.generation()
    generator.get_cached_data = MethodType(_take, generator)
    generator.cache_data = MethodType(_keep, generator)


def _take(generator, filename: str, default=None):
    """The generator's cache lookup: a copy of the article the last build made of the
    file, if its bytes are the same, else `default` (the file is read)."""
    path = os.path.abspath(os.path.join(generator.path, filename))
    _looked_up.add(path)
    entry = _articles.get(path)
    if entry is None:
        return default
    key, name, title, warnings, status, article = entry
    try:
        with open(path, "rb") as file:
            same = remembered.digest(file.read()) == key
    except OSError:
        same = False
    if not same:
        del _articles[path]
        return default
    remembered.recalled(path)
    from .reader import tell  # here: the reader imports this module

    tell(name, path, title, warnings, status)
    return copy(article, generator.context)


def _keep(generator, filename: str, article) -> None:
    """The generator's cache store, called with each article made and found valid."""
    path = article.source_path
    entry = _made.pop(path, None)
    if entry is None or article.settings is not generator.settings:
        return
    date = getattr(article, "date", None)
    if date is None or date > datetime.now(date.tzinfo):
        return  # undated, or a draft until its day comes
    _articles[path] = (*entry, copy(article, None))


def copy(article, context):
    """A new article with the same attributes: its lists and metadata dict new too (a
    list shared by two attributes, or by an attribute and a metadata item, stays
    shared), `context` as its context."""
    lists: dict[int, list] = {}
    state = vars(article).copy()
    metadata = state["metadata"] = state["metadata"].copy()
    for values in (state, metadata):
        for key, value in values.items():
            if type(value) is list:
                found = lists.get(id(value))
                if found is None:
                    found = lists[id(value)] = value.copy()
                values[key] = found
    state["_context"] = context
    new = object.__new__(type(article))
    new.__dict__.update(state)
    return new


def _done_reading(_generator) -> None:
    """`article_generator_pretaxonomy`: forget the files this build did not read."""
    if _looked_up:
        for path in _articles.keys() - _looked_up:
            del _articles[path]
    _made.clear()


def register() -> None:
    signals.article_generator_init.connect(install)
    signals.article_generator_pretaxonomy.connect(_done_reading)
