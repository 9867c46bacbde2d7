"""Pages a rebuild leaves alone: after an edit, the preview renders only what changed.

``pelican --autoreload`` builds the site again, in the same process, after each change
to the content, the theme or the settings. Rendering every page is most of such a
rebuild (about 7 of 16 s at 10,000 releases), yet an edit to one release changes few
pages: its own, the lists it appears in, the releases listing it as related or as a
neighbour, the feeds.

:class:`DeferredWriter` (parallel.py) records every page and feed call of a build before
rendering any. This module gives each call a *key*, and remembers, per output folder,
the key of each call and the files it wrote (size and modification time). In the next
build of the same process, a call whose key is unchanged and whose files are still on
disk as written is not rendered again: its files count as written (``content_written``
is still sent for them).

A call's key covers:

- the site: the settings and every file of the theme (name, size, modification time);
- what the call's template reads: the template and every template it extends, includes,
  imports or renders through ``shared_partial`` are parsed, and of the names they read,
  the call's own variables and the build's shared ones (``articles``, ``categories``,
  ``pages``...) go into the key; a template pulled in by a computed name makes the call
  take every variable;
- in those values, the page's own article or page whole (every attribute: text,
  metadata, URL, related releases...), with the attributes of the articles it links to
  (related, older, newer) and the URLs of those they link to in turn; an article in a
  list the call passes (the articles of a region, of a month...) by its own attributes
  and the URLs of those it links to: a list shows each article's title, date, place and
  lead, not its related releases; an article in the build's shared lists (regions,
  places, reporters with their articles) as one of a count: pages draw those lists as
  names, counts and links;
- a list Pelican paginates: each page by its own articles, and the list by its length
  (the count, the number of pages, the links between pages): a page of a list is
  rendered again when the articles it shows change, or the list's length does. With
  stable pagination (features/pagination.py) and this project's theme, an older page
  (any but the first) is keyed by its own articles, its number and its neighbours'
  numbers, and the build's shared lists by what they hold, not how many: this theme shows
  nothing on an older page that depends on a list's length, so adding a release renders
  the first page of its lists again and leaves the older ones alone. A page left alone
  is not written again either: its file keeps its bytes and its time;
- a feed: its articles by their own attributes (their text included), its file and the
  settings.

The filters of this project's theme read the values they are given and settings; a
theme whose Python reads other shared values would keep such parts stale, so pages are
reused only with this project's theme, unless ``PRESS_RELEASE_REUSE_PAGES`` says
otherwise. A value of a type the keys do not know
makes its call render every time.

Keys cost about 0.1 ms a page (1 s at 10,000 releases), which a one-off build
(``pelican content``) would pay for nothing: they are computed from the first build
under ``pelican --autoreload`` (or with ``PRESS_RELEASE_REUSE_PAGES = True``), and
otherwise from the second build into the same folder in one process.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import marshal
import os
import re
import sys
from datetime import date, datetime, tzinfo
from functools import cache
from hashlib import blake2b
from importlib import metadata
from pathlib import Path

from jinja2 import Template, meta, nodes
from pelican.contents import Article, Content
from pelican.urlwrappers import URLWrapper
from pelican.utils import sanitised_join

from ..features.pagination import stable
from ..features.places import Place
from ..pelican_compat import under_autoreload
from ..state import STATE_KEY
from .collector import quiet
from .store import BuildStore, store_folder

logger = logging.getLogger(__name__)

# This project's theme, beside the plugins folder of the site repository.
PROJECT_THEME = Path(__file__).resolve().parents[3] / "theme"

# Attributes of a Pelican content object that are not its own data: the build's whole
# context and its settings (the settings are in every key).
_NOT_OWN = frozenset(("_context", "settings", "metadata"))
# Globals rendering a partial whose name is their first argument (templating/partials.py).
_PARTIAL_GLOBALS = frozenset(("shared_partial", "partial", "cached_partial"))
_PLAIN = frozenset((str, int, bool, float, type(None)))
# The attribute Pelican sets from a metadata item, where it is not the item's lower-cased name.
_ATTRIBUTE = {"save_as": "override_save_as", "url": "override_url"}
# The variables Pelican's pagination gives a page, named after the paginated list.
_PAGINATION = ("_paginator", "_page", "_previous_page", "_next_page")
# Lists at least this long are described once per build (the same list, say every
# article of the site, is passed to many calls).
_LONG = 16


class _MISSING:  # noqa: N801 - a marker
    """A name the context does not hold."""


# Packages whose code draws the pages, besides the plugin (code_key()).
_PACKAGES = ("pelican", "jinja2", "markupsafe", "markdown", "babel", "beautifulsoup4")
# An object's address in its repr.
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")

# Pelican's maps of the build's files by source path, filled in the order its
# Generator.get_files() found them: a set's order, different in every process.
_FOUND_ORDER = frozenset({"generated_content", "static_content"})

_ANALYSED_MAX = 1000  # each change of the theme or settings adds one entry per template
# Articles from which a rebuild describes half of them in a second process (a fork and
# the descriptions sent back cost about what 1,000 descriptions do).
AHEAD = 4000


def _kind_of(kind: type) -> str:
    """How Keys.value describes values of a type (looked up once per type)."""
    for how, types in (
        ("content", Content),
        ("sequence", (list, tuple)),
        ("string", str),
        ("dict", dict),
        ("set", (set, frozenset)),
        ("datetime", datetime),
        ("date", date),
        ("name", URLWrapper),
        ("tz", tzinfo),
        ("template", Template),
    ):
        if issubclass(kind, types):
            return how
    return "name" if issubclass(kind, Place) else "opaque"


class Opaque(Exception):
    """A value the keys cannot describe: its call is rendered every time."""


class Keys:
    """Keys of one build's values: each content object, name (region, reporter, place)
    and long list described once."""

    def __init__(self):
        self._kinds: dict[type, str] = {}  # types seen by value(), and how it describes them
        self._own: dict[int, tuple[int, list[Content]]] = {}
        self._whole: dict[int, int] = {}
        self._linked: dict[int, int] = {}
        self._lists: dict[tuple, object] = {}
        self._wrappers: dict[int, tuple] = {}
        self._urls: dict[int, object] = {}

    def value(self, value, content) -> object:
        """A hashable description of `value`; `content` describes a content object."""
        kind = type(value)
        if kind is str or value is None:
            return value
        if kind in _PLAIN:  # 1, 1.0 and True are equal keys: told apart by their type
            return (kind.__name__, value)
        how = self._kinds.get(kind)
        if how is None:
            how = self._kinds[kind] = _kind_of(kind)
        if how == "content":
            return content(value)
        if how == "sequence":  # named tuples, speed.MemberList too
            if len(value) < _LONG:
                return (
                    kind.__name__,
                    *[x if type(x) is str else self.value(x, content) for x in value],
                )
            memo = (id(value), content)
            found = self._lists.get(memo)
            if found is None:
                kinds = self._kinds  # an article of a list: content() straight away
                items = tuple(
                    [
                        content(item)
                        if kinds.get(type(item)) == "content"
                        else self.value(item, content)
                        for item in value
                    ]
                )
                found = self._lists[memo] = (kind.__name__, digest_of(items))
            return found
        if how == "name":  # a region, reporter, tag or place: one object per name
            found = self._wrappers.get(id(value))
            if found is None:
                found = (kind.__name__, value.name, value.slug, value.url, value.save_as)
                self._wrappers[id(value)] = found
            return found
        if how == "datetime":  # its fields as written, and its time zone
            zone = value.tzinfo
            return (
                kind.__name__,
                value.year,
                value.month,
                value.day,
                value.hour,
                value.minute,
                value.second,
                value.microsecond,
                value.fold,
                None if zone is None else self.value(zone, content),
            )
        if how == "tz":  # one object per zone, as a rule
            found = self._wrappers.get(id(value))
            if found is None:
                found = self._wrappers[id(value)] = ("tz", str(value))
            return found
        if how == "string" or how == "date":  # Markup; a date
            return (kind.__name__, str(value))
        if how == "dict":
            return ("dict", tuple((repr(k), self.value(v, content)) for k, v in value.items()))
        if how == "set":
            return ("set", unordered(self.value(item, content) for item in value))
        if how == "template":
            return ("template", value.name)
        raise Opaque(kind.__name__)

    def whole(self, content: Content) -> int:
        """An article or page whole: its own attributes, and those it links to (related,
        older, newer releases, translations) by `linked`."""
        found = self._whole.get(id(content))
        if found is None:
            own, links = self._own_part(content)
            found = digest_of((own, tuple(self.linked(other) for other in links)))
            self._whole[id(content)] = found
        return found

    def linked(self, content: Content) -> int:
        """An article linked from another, or in a list: its own attributes, and the
        URLs of the articles it links to in turn."""
        found = self._linked.get(id(content))
        if found is None:
            own, links = self._own_part(content)
            found = self._linked[id(content)] = digest_of((own, tuple(map(self.url, links))))
        return found

    def url(self, content: Content) -> object:
        """url() of a content object, once per build: a release is linked from several
        others (newer, older, related), and Pelican formats its URL on each access."""
        found = self._urls.get(id(content))
        if found is None:
            found = self._urls[id(content)] = url(content)
        return found

    def describe_ahead(self, articles: list[Content], runner) -> None:
        """Describe each article's own attributes (_own_part(): most of the keys' cost in
        a rebuild in a new process, where every article is described again), the second
        half in a second process started by `runner` while this one describes the first
        half. The second process sends back each description with its links as
        positions in `articles`; an article it could not describe (a value the keys do
        not know, a link to another kind of content) is described here when a key needs
        it."""
        half = len(articles) // 2
        position = {id(article): index for index, article in enumerate(articles)}

        def work() -> list[tuple[int, int, list[int]]]:
            found = []
            for index in range(half, len(articles)):
                try:
                    digest, links = self._own_part(articles[index])
                except Opaque:
                    continue
                places = [position.get(id(link)) for link in links]
                if None not in places:
                    found.append((index, digest, places))
            return found

        def then(found: list[tuple[int, int, list[int]]]) -> None:
            for index, digest, places in found:
                described = (digest, [articles[i] for i in places])
                self._own.setdefault(id(articles[index]), described)

        finish = runner(work, then)
        for article in articles[:half]:
            with contextlib.suppress(Opaque):
                self._own_part(article)
        finish()

    def _own_part(self, content: Content) -> tuple[int, list[Content]]:
        """Its attributes, each content object in them a numbered placeholder, and those
        content objects."""
        found = self._own.get(id(content))
        if found is None:
            links: list[Content] = []

            def placeholder(other: Content) -> tuple[str, int]:
                links.append(other)
                return ("link", len(links))

            attributes = vars(content)
            # By name: the order they were set in depends on which process did what.
            own = [
                (k, v if type(v) is str else self.value(v, placeholder))
                for k, v in sorted(attributes.items())
                if k not in _NOT_OWN
            ]
            # Pelican sets an attribute from each metadata item: the items that are still
            # the attribute's value are described there already.
            metadata = attributes.get("metadata") or {}
            own += [
                (k, self.value(v, placeholder))
                for k, v in metadata.items()
                if attributes.get(_ATTRIBUTE.get(k, k.lower()), _MISSING) is not v
            ]
            found = self._own[id(content)] = (digest_of((type(content).__name__, *own)), links)
        return found


def url(content: Content) -> object:
    """A content object by its URL alone."""
    return (type(content).__name__, getattr(content, "url", None))


def enabled(settings: dict) -> bool:
    """Whether pages may be reused: the setting, else only under this project's theme."""
    choice = settings.get("PRESS_RELEASE_REUSE_PAGES")
    if choice is not None:
        return bool(choice)
    return project_theme(settings)


def project_theme(settings: dict) -> bool:
    """Whether the site is drawn by this project's theme alone."""
    if settings.get("THEME_TEMPLATES_OVERRIDES"):
        return False
    try:
        return Path(settings.get("THEME", "")).resolve() == PROJECT_THEME
    except OSError:
        return False


def stable_pages(settings: dict) -> bool:
    """Whether an older page of a list may be keyed without the list's length: its pages
    are numbered from the oldest release, and the theme (this project's) shows no
    length on it."""
    return stable(settings) and project_theme(settings)


def _in_any_order(value: dict, content, keys: Keys) -> tuple:
    """A dict described by its items whatever their order (_FOUND_ORDER)."""
    return ("dict", unordered((repr(k), keys.value(v, content)) for k, v in value.items()))


def site_key(settings: dict, code: int = 0) -> int:
    """The key of what every page may read: the settings, the theme's files (by their
    bytes) and `code` (code_key(): the plugin and the packages drawing the pages). The
    same in every process, so that a build of the next process may take it (store.py)."""
    parts: list[object] = [code]
    for folder in [settings.get("THEME", ""), *settings.get("THEME_TEMPLATES_OVERRIDES", ())]:
        parts.extend(_files_of(folder))
    parts.extend(
        (name, canonical(settings[name])) for name in sorted(settings) if name != STATE_KEY
    )
    return digest_of(tuple(parts))


def _files_of(folder: str) -> list[tuple[str, str, int, bytes]]:
    """Each file under `folder` (its Python caches left out) by its path and bytes."""
    parts = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(name for name in dirs if name != "__pycache__")
        for name in sorted(files):
            with open(os.path.join(root, name), "rb") as handle:
                data = handle.read()
            parts.append((root, name, len(data), blake2b(data, digest_size=16).digest()))
    return parts


@cache
def code_key() -> int:
    """The plugin's files (code, templates of its own, translations, data) and the
    versions of Python and of the packages rendering the pages: a page kept by an
    earlier process was drawn by the same code. Once per process: the code it runs does
    not change while it runs."""
    versions = []
    for package in _PACKAGES:
        try:
            versions.append((package, metadata.version(package)))
        except metadata.PackageNotFoundError:
            versions.append((package, None))
    package = str(Path(__file__).resolve().parents[1])
    parts = [(os.path.relpath(root, package), *rest) for root, *rest in _files_of(package)]
    return digest_of((sys.version, tuple(versions), tuple(parts)))


def digest_of(description) -> int:
    """A 64-bit digest of a key's description (str, int, float, bool, None and tuples of
    them), the same in every process: Python's own hash() of a string is salted per
    process. (marshal's version 2 writes no references, so equal values give equal
    bytes whatever their reference counts.) Anything else is Opaque: its call is rendered."""
    try:
        data = marshal.dumps(description, 2)
    except ValueError as error:  # an object marshal does not write
        raise Opaque(str(error)) from None
    return int.from_bytes(blake2b(data, digest_size=8).digest())


def unordered(descriptions) -> tuple:
    """The set of `descriptions` (each once, as a frozenset holds them), in an order that
    does not depend on the process."""
    return tuple(sorted(set(map(digest_of, descriptions))))


def canonical(value) -> str:
    """A setting as text that is the same in every process reading the same settings: a
    set's items in order, a dict's items by key, a function by its module, name and code
    (its repr would hold its address)."""
    if isinstance(value, dict):
        items = sorted((canonical(k), canonical(v)) for k, v in value.items())
        return "{" + ", ".join(f"{k}: {v}" for k, v in items) + "}"
    if isinstance(value, set | frozenset):
        return "{" + ", ".join(sorted(map(canonical, value))) + "}"
    if isinstance(value, list | tuple):
        return f"{type(value).__name__}(" + ", ".join(map(canonical, value)) + ")"
    code = getattr(value, "__code__", None)
    if code is not None:
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', '')}" + (
            blake2b(code.co_code + _ADDRESS.sub("", repr(code.co_consts)).encode()).hexdigest()
        )
    return _ADDRESS.sub("", repr(value))


def write_file_arguments(args: tuple, kwargs: dict) -> tuple[dict, dict]:
    """A recorded ``write_file()`` call's arguments by name, and the lists Pelican
    paginates for it: its ``paginated``, else its ``articles`` and ``dates``."""
    names = ("name", "template", "context", "relative_urls", "paginated", "template_name")
    given = dict(zip(names, args, strict=False)) | kwargs
    paginated = given.get("paginated")
    if paginated is None:
        paginated = {k: v for k, v in kwargs.items() if k in ("articles", "dates")}
    return given, paginated


def template_reads(env, name: str) -> tuple[frozenset[str], tuple]:
    """What template `name` itself reads from its context, and the templates it pulls in
    (extends, includes, imports, renders with ``partial("...")`` and its kin); a template
    named by an expression is None."""
    tree = env.parse(env.loader.get_source(env, name)[0])
    pulled = list(meta.find_referenced_templates(tree))
    for call in tree.find_all(nodes.Call):
        if isinstance(call.node, nodes.Name) and call.node.name in _PARTIAL_GLOBALS:
            first = call.args[0] if call.args else None
            pulled.append(first.value if isinstance(first, nodes.Const) else None)
    return frozenset(meta.find_undeclared_variables(tree)), tuple(pulled)


def template_names(name: str, reads) -> frozenset[str] | None:
    """The names template `name` reads with every template it pulls in, where
    ``reads(name)`` is template_reads() of one; None when one is named by an expression
    (any name may be read then)."""
    names: set[str] = set()
    seen, waiting = {name}, [name]
    while waiting:
        own, pulled = reads(waiting.pop())
        names |= own
        for other in pulled:
            if not isinstance(other, str):
                return None
            if other not in seen:
                seen.add(other)
                waiting.append(other)
    return frozenset(names)


class Build:
    """The keys of one build's calls."""

    def __init__(self, settings: dict, context: dict, analysed: dict, code: int = 0):
        self.site = site_key(settings, code)
        # template_reads() of each template, by site key and name (kept by the PageCache)
        self._analysed = analysed
        self.settings = settings
        self.context = context
        self.keys = Keys()
        self._names: dict[str, frozenset[str] | None] = {}
        self._shared: dict[object, object] = {}
        # Described shared parts of calls, by template names, variables and `counted`.
        self._parts: dict[tuple, object] = {}

    def call_key(self, call: tuple, counted: bool = True) -> int | None:
        """The key of one recorded ``(method, args, kwargs)``; None if it has none.
        Not `counted`: the build's shared lists by what they hold, not how many."""
        method, args, kwargs = call
        position = 2 if method == "write_file" else 1  # of the context argument
        context = args[position] if len(args) > position else kwargs.get("context", {})
        if not isinstance(context, dict):
            return None
        others = [a for index, a in enumerate(args) if index != position]
        template = next((a for a in others if isinstance(a, Template)), kwargs.get("template"))
        names = self._template_names(template) if isinstance(template, Template) else None
        try:
            described = [self._argument(a) for a in others]
            named = [
                (k, self._argument(v))
                for k, v in sorted(kwargs.items())
                if k != "context" and _needed(k, v, names)
            ]
            shared = self._shared_part(context, names, kwargs, counted)
        except Opaque:
            return None
        return digest_of((self.site, method, tuple(described), tuple(named), shared))

    def _shared_part(self, context: dict, names, kwargs: dict, counted: bool) -> tuple:
        """The names a call's templates read from its context, with their values; for
        calls passing the build's shared context (every article's page, say), once per
        template and set of variables: the same values, described once."""
        memo = None
        if context is self.context and names is not None:
            memo = (names, frozenset(kwargs), counted)
            found = self._parts.get(memo)
            if found is not None:
                if found is Opaque:
                    raise Opaque("shared")
                return found
        read = sorted(names if names is not None else context.keys() - {STATE_KEY})
        try:
            shared = tuple(
                [(k, self._context_value(context, k, counted)) for k in read if k not in kwargs]
            )
        except Opaque:
            if memo is not None:
                self._parts[memo] = Opaque
            raise
        if memo is not None:
            self._parts[memo] = shared
        return shared

    def pages_key(
        self, call: tuple, paginated_templates: dict, stable: bool = False
    ) -> tuple[int, int | None] | None:
        """For a call Pelican paginates, the keys its pages start from: ``(first, older)``.

        ``first``: the call's key with the paginated lists taken by their lengths alone; a
        page's key adds the articles on that page (PagedTemplate): a page of a list shows
        its own articles, and of the others only their number (the count, the page
        numbers and links). ``older``, when the pages are `stable` (numbered from the
        oldest release, under a theme that shows no length on an older page): the same
        without the lengths, the build's shared lists by what they hold and not how many;
        None otherwise (every page starts from ``first``). None for another call."""
        method, args, kwargs = call
        given, paginated = write_file_arguments(args, kwargs)
        if method != "write_file" or not paginated:
            return None
        if given.get("template_name") not in paginated_templates:
            return None
        lists = {id(value) for value in paginated.values()} | {id(paginated)}
        lengths = [(k, len(v)) for k, v in sorted(paginated.items())]
        # The call's key with the paginated lists (wherever they are passed) left out,
        # their lengths added: which articles a page holds is in the page's key.
        bare = (
            method,
            tuple(a if id(a) not in lists else None for a in args),
            {k: (None if id(v) in lists else v) for k, v in kwargs.items()},
        )
        key = self.call_key(bare)
        if key is None:
            return None
        older = self.call_key(bare, counted=False) if stable else None
        return digest_of((key, tuple(lengths))), older

    def _context_value(self, context: dict, name: str, counted: bool = True) -> object:
        """A name the page reads from the context its call passed: the build's shared
        context, or a copy of it with values of its own (Pelican's period archives).
        Not `counted`: a shared list by what it holds, not how many (``_uncounted``)."""
        value = context.get(name, _MISSING)
        if value is _MISSING:
            return _MISSING.__name__
        if name.isupper() and value is self.settings.get(name, _MISSING):
            return None  # a setting: in the site's key
        if value is self.context.get(name, _MISSING):
            memo = name if counted else (name, "uncounted")
            if memo not in self._shared:
                try:
                    if name in _FOUND_ORDER and isinstance(value, dict):
                        self._shared[memo] = _in_any_order(value, self._shared_content, self.keys)
                    elif counted:
                        self._shared[memo] = self.keys.value(value, self._shared_content)
                    else:
                        self._shared[memo] = self._uncounted(value)
                except Opaque:
                    self._shared[memo] = Opaque
            if self._shared[memo] is Opaque:
                raise Opaque(name)
            return self._shared[memo]
        return self._argument(value)

    def _uncounted(self, value) -> object:
        """A shared value with each list (and dict) taken as the set of what it holds:
        the regions with their releases, say, as regions each with "articles", however
        many."""
        if isinstance(value, list | tuple):
            return ("items", unordered(self._uncounted(item) for item in value))
        if isinstance(value, dict):
            return ("dict", unordered((repr(k), self._uncounted(v)) for k, v in value.items()))
        return self.keys.value(value, self._shared_content)

    def _shared_content(self, content: Content) -> object:
        """A content object in the build's shared lists (regions, places, reporters and
        their articles): an article as one of a count, as those lists are drawn (names,
        counts, links); a page (About...) by `linked`, its title in the menu."""
        return "article" if isinstance(content, Article) else self.keys.linked(content)

    def _argument(self, value) -> object:
        """A variable of a page: an article or page whole, those in lists by `linked`
        (a list shows its articles' own parts, not their related releases)."""
        if isinstance(value, Content):
            return self.keys.whole(value)
        return self.keys.value(value, self.keys.linked)

    def _template_names(self, template: Template) -> frozenset[str] | None:
        # Each template is parsed once while the theme and settings stay the same (the
        # site's key), however many others pull it in.
        env = template.environment

        def reads(name: str) -> tuple[frozenset[str], tuple]:
            memo = (self.site, name)
            analysed = self._analysed
            if memo not in analysed:
                if len(analysed) >= _ANALYSED_MAX:  # a long session of theme edits
                    analysed.clear()
                analysed[memo] = template_reads(env, name)
            return analysed[memo]

        if template.name not in self._names:
            try:
                self._names[template.name] = template_names(template.name, reads)
            except Exception:  # noqa: BLE001 - a template we cannot read: take every name
                self._names[template.name] = None
        return self._names[template.name]


def _needed(name: str, value, names: frozenset[str] | None) -> bool:
    """Whether a call's variable goes into its key: read by its templates, a source of
    their pagination, or a plain value (cheap to take anyway)."""
    if names is None or name in names:
        return True
    if name in ("paginated", "articles", "dates") and any(
        other.endswith(_PAGINATION) for other in names
    ):
        return True
    kind = type(value)
    return kind is str or kind is int or kind is bool or value is None


def call_ids(calls: list[tuple], names: list[str]) -> list[tuple]:
    """An identity for each call that the same call has in the next build: its method,
    file and template, and how many calls before it had those."""
    seen: dict[tuple, int] = {}
    ids = []
    for (method, args, kwargs), name in zip(calls, names, strict=True):
        template = next((a.name for a in args if isinstance(a, Template)), None)
        template = template or getattr(kwargs.get("template"), "name", None)
        base = (method, name, template)
        seen[base] = seen.get(base, -1) + 1
        ids.append((*base, seen[base]))
    return ids


def _intact(files: list[tuple[str, int, int]]) -> bool:
    for path, size, mtime in files:
        try:
            stat = os.stat(path)
        except OSError:
            return False
        if stat.st_size != size or stat.st_mtime_ns != mtime:
            return False
    return True


class PagedTemplate:
    """Stands in for the template of a call Pelican paginates: a page whose key is the
    one of the last build, and whose file is still as written then, is not rendered, nor
    written again (DeferredWriter._open_w)."""

    def __init__(self, template: Template, bases: tuple, lists: list[str], plan: Plan):
        self._template, self._lists, self._plan = template, lists, plan
        self._first, self._older = bases

    def __getattr__(self, name):
        return getattr(self._template, name)

    def render(self, context) -> str:
        plan = self._plan
        linked = plan.content_keys.linked
        older = self._older is not None and getattr(context[f"{self._lists[0]}_page"],
                                                    "position", 1) > 1  # fmt: skip
        parts: list[object] = [self._older if older else self._first]
        for name in self._lists:
            page = context[f"{name}_page"]
            if older:  # a stable older page: its neighbours by number (its links)
                newer, following = context[f"{name}_previous_page"], context[f"{name}_next_page"]
                parts.append((name, page.number, getattr(newer, "number", None),
                              getattr(following, "number", None)))  # fmt: skip
            else:
                parts.append((name, page.number))
            parts.extend(map(linked, page.object_list))
        key = digest_of(tuple(parts))
        path = sanitised_join(plan.output_path, context["output_file"])
        last = plan.previous_pages.get(path)
        plan.page_keys[path] = key
        if last is not None and last[0] == key and plan.intact([(path, last[1], last[2])]):
            plan.pages_kept.append(path)
            plan.unwritten.add(path)
            return ""
        return self._template.render(context)


class Plan:
    """Which calls of a build need rendering, and what to remember of them afterwards."""

    def __init__(
        self,
        cache: PageCache,
        output_path: str,
        ids: list[tuple],
        keys: list[int | None],
        bases: list[tuple | None] | None = None,
        content_keys: Keys | None = None,
        store: BuildStore | None = None,
    ):
        self.cache = cache
        self.store = store
        self.output_path = output_path
        self.ids = ids
        self.keys = keys
        self.bases = bases or [None] * len(keys)
        self.content_keys = content_keys or Keys()
        self.reused: dict[int, list[str]] = {}
        # Pages of paginated calls rendered in this process: their keys, and those whose
        # text was kept (see PagedTemplate); a forked process sends its own back.
        self.page_keys: dict[str, int] = {}
        self.pages_kept: list[str] = []
        # Pages left alone whose call is being written: the writer opens no file for them.
        self.unwritten: set[str] = set()
        self._files: dict[int, list[tuple[str, int, int]]] = {}
        self.previous_pages = cache.pages.get(output_path, {})
        self._previous = previous = cache.memory.get(output_path, {})
        for index, (call_id, key) in enumerate(zip(ids, keys, strict=True)):
            last = previous.get(call_id)
            if key is not None and last is not None and last[0] == key and self.intact(last[1]):
                self.reused[index] = [path for path, _size, _mtime in last[1]]
                self._files[index] = last[1]

    def intact(self, files: list[tuple[str, int, int]]) -> bool:
        """Whether the files a call or page wrote are on disk as written: linked back
        from the store first when the output folder lost them (store.py)."""
        if self.store is not None:
            restore = self.store.restore
            # all linked back as recorded (size and time checked): nothing left to look at
            if all([restore(path, size, mtime) for path, size, mtime in files]):
                return True
        return _intact(files)

    def expected_pages(self, index: int, pages: int) -> int:
        """How many of the `pages` of call `index` are likely to be rendered: all of
        them, but for a stable list whose pages the last build wrote, its first page and
        the pages it has more than then (a release added: one page, or two)."""
        base = self.bases[index]
        last = self._previous.get(self.ids[index])
        if base is None or base[1] is None or last is None:
            return pages
        return 1 + max(0, pages - len(last[1]))

    def wrap(self, index: int, args: tuple, kwargs: dict) -> tuple[tuple, dict]:
        """The arguments of call `index`, its template a PagedTemplate if it has pages."""
        base = self.bases[index]
        if base is None:
            return args, kwargs
        given, paginated = write_file_arguments(args, kwargs)
        paged = PagedTemplate(given["template"], base, sorted(paginated), self)
        if len(args) > 1:
            return (args[0], paged, *args[2:]), kwargs
        return args, {**kwargs, "template": paged}

    def remember(self, written: dict[int, list[str]]) -> None:
        """After rendering: record each call's key and files (a file two calls wrote is
        rendered again next time: which call's text it holds depends on both), and the
        key of each page of a paginated call."""
        count: dict[str, int] = {}
        for files in written.values():
            for path in files:
                count[path] = count.get(path, 0) + 1
        memory = {}
        previous_pages = self.previous_pages
        pages = {}
        for index, key in enumerate(self.keys):
            files = written.get(index)
            if key is None or files is None or any(count[path] > 1 for path in files):
                continue
            record = self._files.get(index)
            if record is None:
                try:
                    record = [(p, (s := os.stat(p)).st_size, s.st_mtime_ns) for p in files]
                except OSError:
                    continue
                for path, size, mtime in record:
                    if path in self.page_keys:
                        pages[path] = (self.page_keys[path], size, mtime)
            else:  # left alone: so were its pages
                pages.update((p, previous_pages[p]) for p in files if p in previous_pages)
            memory[self.ids[index]] = (key, record)
        self.cache.memory[self.output_path] = memory
        self.cache.pages[self.output_path] = pages
        if self.store is not None:
            self.store.save(memory, pages)


class PageCache:
    """What the last build of each output folder wrote, kept for the next build."""

    def __init__(self):
        # Per output folder: {call id: (key, [(path, size, mtime_ns), ...])} of the last build.
        self.memory: dict[str, dict[tuple, tuple[int, list[tuple[str, int, int]]]]] = {}
        # Per output folder: {path: (key, size, mtime_ns)} of each page of a paginated call.
        self.pages: dict[str, dict[str, tuple[int, int, int]]] = {}
        self.analysed: dict[tuple[int, str], tuple[frozenset[str], tuple]] = {}

    def plan(self, writer, calls: list[tuple], names: list[str], runner=None) -> Plan | None:
        """The reuse plan of a build's recorded calls, or None when pages are not reused.
        `runner` (background.fork_runner): half the articles are described in a second
        process while this one describes the other half (Keys.describe_ahead)."""
        if not calls or not enabled(writer.settings):
            return None
        settings, output = writer.settings, writer.output_path
        folder = store_folder(settings, output)
        store = None
        if folder is not None:
            store = BuildStore(folder, output, bool(settings.get("DELETE_OUTPUT_DIRECTORY")))
            if output not in self.memory:  # the first build of this process
                with quiet():
                    kept = store.load()
                if kept is not None:
                    self.memory[output], self.pages[output] = kept
            else:  # the store holds what the last build of this process recorded
                store.recorded(self.memory[output], self.pages.get(output, {}))
        if not (
            store is not None
            or output in self.memory
            or under_autoreload()
            or settings.get("PRESS_RELEASE_REUSE_PAGES")
        ):
            # Most likely a one-off build: no keys (about 0.2 ms a page), only a note that
            # this folder was built, so that a second build here keeps them for a third.
            self.memory[writer.output_path] = {}
            return None
        context = _shared_context(calls)
        if context is None:
            return None
        build = Build(writer.settings, context, self.analysed, code_key())
        paginated_templates = writer.settings.get("PAGINATED_TEMPLATES") or {}
        stable = stable_pages(writer.settings)
        # The keys make many small tuples and no cycles: the collector would only scan the
        # build's objects again and again (a second of 1.8 at 10,000 releases).
        collecting = gc.isenabled()
        gc.disable()
        try:
            articles = context.get("articles")
            if runner is not None and isinstance(articles, list) and len(articles) >= AHEAD:
                build.keys.describe_ahead(articles, runner)
            keys = [build.call_key(call) for call in calls]
            bases = [build.pages_key(call, paginated_templates, stable) for call in calls]
        finally:
            if collecting:
                gc.enable()
        return Plan(self, output, call_ids(calls, names), keys, bases, build.keys, store)

    def forget(self, output_path: str | None = None) -> None:
        """Drop what was kept (of one output folder, or of all)."""
        if output_path is None:
            self.memory.clear()
            self.pages.clear()
        else:
            self.memory.pop(output_path, None)
            self.pages.pop(output_path, None)


def _shared_context(calls: list[tuple]) -> dict | None:
    """The context dict the generators passed with their calls (one for the build)."""
    for method, args, kwargs in calls:
        position = 2 if method == "write_file" else 1
        context = args[position] if len(args) > position else kwargs.get("context")
        if isinstance(context, dict):
            return context
    return None
