"""Partials rendered without ``{% include %}``'s cost, and the filters they use.

A release page draws five parts of its release (head metadata, share links, byline,
related releases, newer/older links), and each list page a card per release and its
pagination. ``{% include %}`` copies the page's whole context (every setting) for each
part; the globals here render a partial in the page's context instead, the partial's
own variables on top (pelican_compat.render_in_context):

- ``partial(name, **names)``: a partial drawn once where it stands (a release's byline);
- ``cached_partial(name, **names)``: a partial drawn the same way on many pages, such as
  a release's card in the home, region, place, reporter and archive lists (about seven
  lists per release): drawn once per build and page depth (``SITEURL``), then reused;
- ``shared_partial(name)``: a part that is the same on every page (header, footer),
  drawn once per ``SITEURL`` and ``nav_current``.

The markup lives in the theme's templates (``partials/release/*.html``); a theme that
overrides one gets its own markup.
"""

from __future__ import annotations

import re

from jinja2 import pass_context
from markupsafe import Markup

from ..parse.byline import credited_reporters
from ..pelican_compat import render_in_context

# Jinja's ``urlencode`` of a string (urllib's quote of its UTF-8 bytes, "/" kept), as one
# str.translate of those bytes read as Latin-1: each byte maps to itself or to "%XX".
_URL_SAFE = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~/")
_URL_QUOTED = [chr(byte) if byte in _URL_SAFE else f"%{byte:02X}" for byte in range(256)]


def url_quote(text) -> str:
    """``{{ text|urlencode }}`` for a string, at C speed (twice Jinja's)."""
    return str(text).encode("utf-8").decode("latin-1").translate(_URL_QUOTED)


def make_partials() -> dict:
    """The three partial globals for one Jinja environment (a new one every build)."""
    drawn: dict[tuple, Markup] = {}
    shared: dict[tuple, Markup] = {}
    # Each partial's template, looked up once per build: get_template() checks the file's
    # modification time on every call (auto_reload), some 10 times per release page.
    templates: dict[str, object] = {}

    def template_of(context, name: str):
        template = templates.get(name)
        if template is None:
            template = templates[name] = context.environment.get_template(name)
        return template

    @pass_context
    def partial(context, name: str, **names) -> Markup:
        return Markup(render_in_context(template_of(context, name), context, names))

    @pass_context
    def cached_partial(context, name: str, **names) -> Markup:
        # names are distinct: sorting the pairs never compares their values
        key = (name, _lookup(context, "SITEURL"), *sorted(names.items()))
        html = drawn.get(key)
        if html is None:
            html = drawn[key] = partial(context, name, **names)
        return html

    @pass_context
    def shared_partial(context, name: str) -> Markup:
        key = (name, _lookup(context, "SITEURL"), _lookup(context, "nav_current"))
        html = shared.get(key)
        if html is None:
            template = template_of(context, name)
            html = shared[key] = Markup(render_in_context(template, context, {}))
        return html

    return {"partial": partial, "cached_partial": cached_partial, "shared_partial": shared_partial}


def _lookup(context, name: str):
    """``context.get(name)`` (the page's variables before the shared ones) without its
    three calls."""
    variables = context.vars
    return variables[name] if name in variables else context.parent.get(name)


def make_people_filter(reporters):
    """``article|reporter_people``: ``[(name, author or None), ...]`` for the release's
    byline codes that are people (features/reporters.py); unknown codes and advertorial
    marks are not among them (the template shows them in the code line only)."""

    def reporter_people(article) -> list[tuple[str, object]]:
        codes = getattr(article, "reporters", None) or ()
        return [
            (reporters.name(code), author_of(article, code)) for code in reporters.people(codes)
        ]

    return reporter_people


def make_advertorial_test(reporters):
    """``article is advertorial``: its byline code holds an advertorial mark ("adv")."""

    def is_advertorial(article) -> bool:
        return reporters.any_advertorial(getattr(article, "reporters", None) or ())

    return is_advertorial


def author_of(article, code: str):
    """The author object (with its page) of a reporter code of `article`, or None."""
    for author in getattr(article, "authors", None) or ():
        if author.name == code:
            return author
    return None


def credit_parts(article, credit: str) -> tuple[str, list[tuple[str, object]]]:
    """A credit line as ``(label, [(text, author or None), ...])``: "Penulis: Ani" gives
    the label "Penulis" and the name, linked (with its author object) when the release
    has no byline code and the name has a reporter page; a line without a label gives an
    empty label (the template shows "Credit")."""
    label, sep, rest = credit.partition(":")
    if sep and rest.strip():
        label, text = label.strip(), rest.strip()
    else:
        label, text = "", credit
    if not getattr(article, "credited_reporters", None):
        return label, [(text, None)]
    authors = {}
    for name in credited_reporters([credit]):
        if (author := author_of(article, name)) is not None:
            authors[name] = author
    if not authors:
        return label, [(text, None)]
    # Each name's first mention, longest names first ("Ani Lestari" before "Ani").
    pattern = re.compile("|".join(map(re.escape, sorted(authors, key=len, reverse=True))))
    parts: list[tuple[str, object]] = []
    position = 0
    for match in pattern.finditer(text):
        author = authors.pop(match.group(0), None)
        if author is None:
            continue
        parts.append((text[position : match.start()], None))
        parts.append((match.group(0), author))
        position = match.end()
    parts.append((text[position:], None))
    return label, [part for part in parts if part[0]]
