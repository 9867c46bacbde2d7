"""Every ``PRESS_RELEASE_*`` setting in one table: name, default, type, meaning.

``validate(settings)`` runs once when Pelican starts (signal ``initialized``): each
setting the site leaves out gets its default; a value of the wrong type or out of range
is reported as a Pelican warning naming the setting (so ``--fatal warnings`` stops a
site with a broken configuration) and replaced by the default; a ``PRESS_RELEASE_*``
name the table does not know is reported too (a typo would otherwise be ignored
silently). After it, every module reads ``settings[NAME]`` and can trust the value.

The table is also the source of the settings table in README.md (``markdown_table``; a
test keeps the two equal).
"""

from __future__ import annotations

import logging
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

logger = logging.getLogger(__name__)

PREFIX = "PRESS_RELEASE_"


@dataclass(frozen=True)
class Setting:
    """One setting: its default, the type a reader of the table is told, what it does,
    and the check of a value (None when the value is right, else what is wrong)."""

    name: str
    default: object
    kind: str
    meaning: str
    check: Callable[[object], str | None]
    group: str = "site"
    # Makes a wrong value right where part of it is (unknown keys of a dict, items of the
    # wrong type in a list dropped); None: the default replaces a wrong value.
    repair: Callable[[object], object] | None = None


# --------------------------------------------------------------------------- checks
# Each returns None for a good value, else the problem in a few words.


def _bool(value) -> str | None:
    return None if isinstance(value, bool) else "must be True or False"


def _count(value) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return "must be a whole number, 0 or more"
    return None


def _text(value) -> str | None:
    return None if isinstance(value, str) else "must be a string"


def _texts(value) -> str | None:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        return "must be a list of strings"
    return None


def _names(value) -> str | None:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        return 'must be a dict of strings, such as {"rus": "Rusdiansyah"}'
    return None


def _patterns(value) -> str | None:
    if not isinstance(value, list | tuple) or not all(
        isinstance(v, str | re.Pattern) for v in value
    ):
        return "must be a list of strings or compiled regular expressions"
    return None


def _extensions(value) -> str | None:
    if _texts(value) or not value:
        return 'must be a non-empty list of file extensions, such as ["txt"]'
    if any(not re.fullmatch(r"[A-Za-z0-9]{1,10}", v) for v in value):
        return "must hold extensions without a dot, letters and digits only"
    return None


def _choice(*choices: str) -> Callable[[object], str | None]:
    def check(value) -> str | None:
        return None if value in choices else f"must be one of {', '.join(choices)}"

    return check


def _optional(check: Callable[[object], str | None]) -> Callable[[object], str | None]:
    def optional(value) -> str | None:
        return None if value is None else check(value)

    return optional


def inside(path: str) -> bool:
    """Whether a relative path stays inside the folder it is relative to, and is not
    that folder itself: no absolute path, no "..", no empty name."""
    if not path or path.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", path):
        return False
    normal = posixpath.normpath(path.replace("\\", "/"))
    return normal not in (".", "") and not normal.startswith("../") and normal != ".."


def _subfolder(value) -> str | None:
    """A folder of the output that the plugin owns (features/search.py replaces it only
    when it holds nothing but an index it wrote)."""
    if not isinstance(value, str) or not inside(value):
        return "must be a folder name inside the output folder, such as 'pagefind'"
    return None


def _save_as(value) -> str | None:
    """An output path pattern: relative, inside the output, with ``{slug}`` if paged."""
    if not isinstance(value, str):
        return "must be a string"
    if value and not inside(value.replace("{slug}", "x")):
        return "must be a path inside the output folder"
    return None


def _old_site(value) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not re.match(r"https?://[^/\s]+", value):
        return "must be the old site's address, such as 'https://humas.example.go.id', or None"
    return None


REDIRECT_MODES = ("auto", "pages", "csv", "both", "off")


def _output_file(value) -> str | None:
    if not isinstance(value, str) or not inside(value):
        return "must be a file name inside the output folder"
    return None


def _report_path(value) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not inside(value):
        return "must be a file name beside the output folder (or None for no report)"
    return None


def _widths(value) -> str | None:
    if (
        not isinstance(value, list | tuple)
        or not value
        or not all(type(w) is int and 16 <= w <= 8000 for w in value)
    ):
        return "must list widths from 16 to 8000 pixels, such as [480, 960, 1600]"
    return None


def _formats(value) -> str | None:
    if not isinstance(value, list | tuple) or not value:
        return "must be a non-empty list of formats"
    if any(f not in PHOTO_FORMATS for f in value):
        return f"must list formats among {', '.join(PHOTO_FORMATS)}, the fallback last"
    return None


def _quality(value) -> str | None:
    if not isinstance(value, dict) or not all(
        k in PHOTO_FORMATS and type(q) is int and 1 <= q <= 100 for k, q in value.items()
    ):
        return "must map webp, avif or jpeg to a quality from 1 to 100"
    return None


def _good_qualities(value):
    """The repair of a quality dict: its right items over the defaults."""
    if not isinstance(value, dict):
        return None
    return {**PHOTO_QUALITY, **{k: q for k, q in value.items() if not _quality({k: q})}}


def _cache_folder(value) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return "must be a folder, relative to the site root or absolute"
    return None


def _image(value) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        return "must be a path under the site (or a full URL) of a JPEG or PNG, or None"
    return None


def _office(value) -> str | None:
    return _keys(value, OFFICE_KEYS)


def _contact(value) -> str | None:
    return _keys(value, MEDIA_CONTACT_KEYS)


def _banner(value) -> str | None:
    return _keys(value, BANNER_KEYS)


def _known_keys(keys: dict) -> Callable[[object], object]:
    """The repair of a dict setting: its known keys with right values, when it is a dict."""

    def repair(value):
        if not isinstance(value, dict):
            return None
        kept = {k: v for k, v in value.items() if k in keys and not _keys({k: v}, keys)}
        return kept

    return repair


def _usable_patterns(value):
    if not isinstance(value, list | tuple):
        return None
    return [item for item in value if isinstance(item, str | re.Pattern)]


def _keys(value, keys: dict) -> str | None:
    if not isinstance(value, dict):
        return "must be a dict"
    unknown = sorted(set(value) - set(keys))
    if unknown:
        return f"has unknown key(s) {', '.join(map(str, unknown))}; known: {', '.join(keys)}"
    for key, item in value.items():
        if key == "social":
            if not isinstance(item, list | tuple) or not all(
                isinstance(x, dict) and isinstance(x.get("name"), str)
                and isinstance(x.get("url"), str) for x in item
            ):  # fmt: skip
                return 'has a "social" that is not a list of {"name": ..., "url": ...}'
        elif item is not None and not isinstance(item, str):
            return f'has a "{key}" that is neither a string nor None'
    return None


# The office behind the site (header, footer, JSON-LD publisher) and its media contact.
OFFICE_KEYS: dict[str, object] = {
    "name": None,  # falls back to AUTHOR, then SITENAME
    "parent": None,  # the government the office belongs to
    "logo": None,  # URL or path relative to SITEURL; None: the theme's neutral logo
    "address": None,
    "phone": None,
    "email": None,
    "website": None,
    "social": [],  # [{"name": "Instagram", "url": "https://…"}, …]
}
MEDIA_CONTACT_KEYS: dict[str, object] = {"name": None, "role": None, "phone": None, "email": None}
# The identity banner's texts; None: the theme's own, true wherever the site is hosted.
BANNER_KEYS: dict[str, object] = {"summary": None, "details": None}

# Photos (photos/): the formats Pillow publishes, and their default encoder quality.
PHOTO_FORMATS = ("webp", "avif", "jpeg")
PHOTO_QUALITY = {"webp": 80, "jpeg": 82, "avif": 60}


# --------------------------------------------------------------------------- the table

TABLE: tuple[Setting, ...] = (
    # Reading releases
    Setting("PRESS_RELEASE_EXTENSIONS", ["txt"], "list of str",
            "file extensions read as releases (any letter case)", _extensions, "reader"),
    Setting("PRESS_RELEASE_CHROME", [], "list of str or regex",
            "extra page-chrome lines of your site: a whole line (any case) or a "
            "compiled pattern searched in each line", _patterns, "reader",
            _usable_patterns),
    Setting("PRESS_RELEASE_CATEGORIES", [], "list of str",
            "known category/region labels, which helps when a label is long",
            _texts, "reader"),
    Setting("PRESS_RELEASE_DATE_FALLBACK", "git", '"git" or "mtime"',
            "date of a release with none in its text or file name: its first commit, "
            "else the file's modification time", _choice("git", "mtime"), "reader"),
    # The site
    Setting("PRESS_RELEASE_REPORTERS", {}, "dict",
            "reporter code -> name: only these codes are people, with a reporter page; other "
            "codes are shown as written in the release's code line", _names),
    Setting("PRESS_RELEASE_ADVERTORIAL", ["adv"], "list of str",
            'byline codes that mark paid content: the release is labelled "Advertorial" and '
            "the code is never a person", _texts),
    Setting("PRESS_RELEASE_DESKS", {}, "dict", "desk code -> office name shown on the page",
            _names),
    Setting("PRESS_RELEASE_REGIONS", [], "list of str",
            'the categories that are regions, labelled "Wilayah" (any letter case); every '
            'other category is labelled "Kategori"', _texts),
    Setting("PRESS_RELEASE_OFFICE", {}, "dict",
            "the office: name, parent, logo, address, phone, email, website, social",
            _office, repair=_known_keys(OFFICE_KEYS)),
    Setting("PRESS_RELEASE_BANNER", {}, "dict",
            'identity banner: "summary" (the line on every page) and "details" (shown on '
            "opening it); left out: said from the office and the site's address, naming "
            "\".go.id\" only when SITEURL is on .go.id", _banner,
            repair=_known_keys(BANNER_KEYS)),
    Setting("PRESS_RELEASE_MEDIA_CONTACT", {}, "dict",
            "contact for journalists: name, role, phone, email", _contact,
            repair=_known_keys(MEDIA_CONTACT_KEYS)),
    Setting("PRESS_RELEASE_CONTENT_LANG", "id", "str",
            "language the releases are written in (the interface follows DEFAULT_LANG)",
            _text),
    Setting("PRESS_RELEASE_RELATED_MAX", 5, "int", "related releases listed under a release",
            _count),
    Setting("PRESS_RELEASE_PLACE_ALIASES", {}, "dict",
            'local names of places -> the place meant, such as {"Kukar": "Kutai Kartanegara"}; '
            "on top of the official list of provinces, regencies, cities and districts",
            _names),
    Setting("PRESS_RELEASE_PLACE_URL", "tempat/{slug}/", "str", "URL of a place's page",
            _save_as),
    Setting("PRESS_RELEASE_PLACE_SAVE_AS", "tempat/{slug}/index.html", "str",
            "file of a place's page", _save_as),
    Setting("PRESS_RELEASE_PLACES_URL", "tempat/", "str", "URL of the list of places",
            _save_as),
    Setting("PRESS_RELEASE_PLACES_SAVE_AS", "tempat/index.html", "str",
            'file of the list of places ("" writes none)', _save_as),
    Setting("PRESS_RELEASE_STABLE_PAGINATION", True, "bool",
            "number the pages of every list from the oldest release: an older page keeps "
            "its releases, and a new release changes only the list's first page "
            "(docs/theme.md)", _bool),
    # Photos (docs/photos.md)
    Setting("PRESS_RELEASE_PHOTOS", True, "bool",
            "find, process and publish the photos beside releases", _bool, "photos"),
    Setting("PRESS_RELEASE_PHOTOS_CACHE", ".cache/photos", "str",
            "folder of processed photos kept between builds (relative: to the content "
            "folder's parent)", _cache_folder, "photos"),
    Setting("PRESS_RELEASE_PHOTOS_OUTPUT", "photos", "str",
            "folder of the published photos inside the output", _subfolder, "photos"),
    Setting("PRESS_RELEASE_PHOTOS_WIDTHS", [480, 960, 1600], "list of int",
            "widths of the published copies in pixels (a photo is never enlarged)",
            _widths, "photos"),
    Setting("PRESS_RELEASE_PHOTOS_FORMATS", ["webp", "jpeg"], "list of str",
            "formats published, best first (webp, avif, jpeg); the last is the fallback",
            _formats, "photos"),
    Setting("PRESS_RELEASE_PHOTOS_QUALITY", dict(PHOTO_QUALITY), "dict",
            "encoder quality per format (1-100)", _quality, "photos", _good_qualities),
    Setting("PRESS_RELEASE_PHOTOS_SIZES", "(min-width: 48rem) 46rem, 100vw", "str",
            "the sizes attribute of a release's photo: its shown width per screen",
            _text, "photos"),
    Setting("PRESS_RELEASE_PHOTOS_LARGE_BYTES", 25_000_000, "int",
            "a photo file bigger than this is published with a warning (0: never)",
            _count, "photos"),
    Setting("PRESS_RELEASE_SOCIAL_IMAGE", None, "str or None",
            "image of a release without photos when shared (og:image, 1200x630): a "
            "path under the site or a URL; None: the theme's neutral one",
            _image, "photos"),
    # Publishing
    Setting("PRESS_RELEASE_SEARCH", False, "bool",
            "build the Pagefind search index after the site", _bool, "publishing"),
    Setting("PRESS_RELEASE_SEARCH_DIR", "pagefind", "str",
            "folder of the search index inside the output (deleted and written again)",
            _subfolder, "publishing"),
    Setting("PRESS_RELEASE_SEARCH_SHARD_SIZE", 5000, "int",
            "most releases in one shard of the search index, on average (0: one shard): "
            "bounds the memory and time of indexing a shard",
            _count, "publishing"),
    Setting("PRESS_RELEASE_SEARCH_CACHE", ".cache/search", "str or None",
            "folder outside the output keeping the search shards between builds, relative "
            "to the content folder's parent (None: every shard indexed in every build)",
            _optional(_text), "publishing"),
    Setting("PRESS_RELEASE_CNAME", "", "str",
            'custom domain written to output/CNAME ("" writes none)', _text, "publishing"),
    Setting("PRESS_RELEASE_REPORT", "press-release-report.json", "str or None",
            "build report, written beside the output folder (never inside it)",
            _report_path, "publishing"),
    # Moving an archive (docs/importing.md)
    Setting("PRESS_RELEASE_OLD_SITE_URL", None, "str or None",
            "the old portal's address: imported releases' old URLs get redirects",
            _old_site, "publishing"),
    Setting("PRESS_RELEASE_REDIRECTS", "auto", '"auto", "pages", "csv", "both" or "off"',
            "redirect pages at the old paths (same host), a CSV list (another host), or "
            "both", _choice(*REDIRECT_MODES), "publishing"),
    Setting("PRESS_RELEASE_REDIRECTS_CSV", "redirects.csv", "str",
            "the redirect list's file in the output folder", _output_file, "publishing"),
    # Speed
    Setting("PRESS_RELEASE_SPEEDUPS", True, "bool",
            "the optional speed layer (parallel rendering, caches, read-ahead); off: "
            "Pelican's own way, same site", _bool, "speed"),
    Setting("PRESS_RELEASE_JOBS", 0, "int",
            "processes rendering pages and processing photos: 0 for every core, 1 for one",
            _count, "speed"),
    Setting("PRESS_RELEASE_REUSE_PAGES", None, "bool or None",
            "rebuilds leave unchanged pages alone (None: only with this theme)",
            _optional(_bool), "speed"),
    Setting("PRESS_RELEASE_BUILD_CACHE", ".cache/build", "str or None",
            "folder outside the output keeping what a build made for the next one (parse "
            "results, Pelican's articles, search digests, rendered pages and their keys), "
            "relative to the content folder's parent: a build in a new process (a Pages "
            "workflow run) parses, makes and renders only what changed (None: nothing "
            "kept between processes)",
            _optional(_text), "speed"),
)  # fmt: skip

BY_NAME: dict[str, Setting] = {setting.name: setting for setting in TABLE}
DEFAULTS: dict[str, object] = {setting.name: setting.default for setting in TABLE}


def problem(name: str, value) -> str | None:
    """What is wrong with `value` for setting `name` (None when it is right)."""
    return BY_NAME[name].check(value)


def validate(settings: dict) -> list[str]:
    """Check every setting, fill in defaults, replace wrong values by them.

    Returns the problems found (each also logged as a warning).
    """
    problems = []
    for setting in TABLE:
        if setting.name not in settings:
            settings[setting.name] = _copy(setting.default)
            continue
        value = settings[setting.name]
        wrong = setting.check(value)
        if not wrong:
            continue
        repaired = setting.repair(value) if setting.repair else None
        if repaired is not None and not setting.check(repaired):
            problems.append(f"{setting.name} {wrong}; using {repaired!r}")
            settings[setting.name] = repaired
        else:
            problems.append(f"{setting.name} {wrong}, not {value!r}; using {setting.default!r}")
            settings[setting.name] = _copy(setting.default)
    for name in sorted(settings):
        if name.startswith(PREFIX) and name not in BY_NAME:
            close = _closest(name)
            hint = f" (did you mean {close}?)" if close else ""
            problems.append(f"{name} is not a setting of this plugin{hint}; it is ignored")
    for text in problems:
        logger.warning("press_release: setting %s", text)
    return problems


def _copy(value):
    return type(value)(value) if isinstance(value, list | dict) else value


def _closest(name: str) -> str | None:
    import difflib

    # compared without the prefix they all share, which would make any two names close
    names = {known.removeprefix(PREFIX): known for known in BY_NAME}
    found = difflib.get_close_matches(name.removeprefix(PREFIX), names, n=1, cutoff=0.8)
    return names[found[0]] if found else None


def office(settings: dict) -> dict:
    """The office identity with every key, its name falling back to AUTHOR, SITENAME."""
    given = settings.get("PRESS_RELEASE_OFFICE")
    merged = {**OFFICE_KEYS, **(given if isinstance(given, dict) else {})}
    merged["name"] = merged["name"] or settings.get("AUTHOR") or settings.get("SITENAME")
    return merged


def media_contact(settings: dict) -> dict:
    given = settings.get("PRESS_RELEASE_MEDIA_CONTACT")
    return {**MEDIA_CONTACT_KEYS, **(given if isinstance(given, dict) else {})}


def banner(settings: dict) -> dict:
    """The identity banner's texts with every key (None: the theme says it)."""
    given = settings.get("PRESS_RELEASE_BANNER")
    return {**BANNER_KEYS, **(given if isinstance(given, dict) else {})}


def on_go_id(settings: dict) -> bool:
    """Whether the site's address (SITEURL) is on .go.id, the domain only Indonesian
    government bodies get: only then may the banner say so."""
    host = urlsplit(settings.get("SITEURL") or "").hostname or ""
    return host == "go.id" or host.endswith(".go.id")


def markdown_table() -> str:
    """The settings table of README.md, made from TABLE."""
    rows = ["| setting | default | type | meaning |", "|---|---|---|---|"]
    for setting in TABLE:
        default = repr(setting.default).replace("'", '"')
        rows.append(f"| `{setting.name}` | `{default}` | {setting.kind} | {setting.meaning} |")
    return "\n".join(rows) + "\n"


# --------------------------------------------------------------------------- parser config


@dataclass(frozen=True)
class Config:
    """The settings the parser needs, independent of Pelican."""

    chrome: tuple[str | re.Pattern[str], ...] = ()
    categories: tuple[str, ...] = ()
    date_fallback: str = "git"
    extensions: tuple[str, ...] = ("txt",)
    desks: dict[str, str] = field(default_factory=dict)
    reporters: dict[str, str] = field(default_factory=dict)


def _valid(settings: dict, name: str):
    value = settings.get(name, DEFAULTS[name])
    setting = BY_NAME[name]
    if setting.check(value):
        repaired = setting.repair(value) if setting.repair else None
        return DEFAULTS[name] if repaired is None or setting.check(repaired) else repaired
    return value


def valid_value(settings: dict, name: str):
    """The value of setting `name` in `settings`, validated or not: a wrong value as
    `validate` would repair it, else its default (`validate` is where it is reported)."""
    return _valid(settings, name)


def config_from(settings: dict) -> Config:
    """The parser's configuration from Pelican settings (validated or not: a wrong value
    is taken as its default here; `validate` is where it is reported)."""
    return Config(
        chrome=tuple(_valid(settings, "PRESS_RELEASE_CHROME")),
        categories=tuple(_valid(settings, "PRESS_RELEASE_CATEGORIES")),
        date_fallback=_valid(settings, "PRESS_RELEASE_DATE_FALLBACK"),
        extensions=tuple(e.lower() for e in _valid(settings, "PRESS_RELEASE_EXTENSIONS")),
        desks=dict(_valid(settings, "PRESS_RELEASE_DESKS")),
        reporters=dict(_valid(settings, "PRESS_RELEASE_REPORTERS")),
    )
