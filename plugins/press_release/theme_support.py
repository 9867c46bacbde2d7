"""Jinja filters, Babel dates and translations for the theme. Owned by the theme work.

Everything the templates need beyond Pelican's own context lives here:

- office identity settings (``PRESS_RELEASE_OFFICE``, ``PRESS_RELEASE_MEDIA_CONTACT``) with
  their defaults, checked once at start-up;
- the Jinja2 i18n extension, fed with the theme's gettext catalogue for ``DEFAULT_LANG``
  (``theme/translations/<lang>/LC_MESSAGES/messages.po``, compiled by Babel in memory:
  no ``.mo`` file to forget, no OS locale involved);
- filters: ``pr_date`` (Babel dates), ``plain`` (text safe for HTML), ``reporter_name``,
  ``desk_name``, ``absolute_url`` and ``release_jsonld``;
- place pages ("Berita dari Samarinda"), written by :class:`PlaceGenerator`;
- newer/older release links (``article.newer_release``, ``article.older_release``).
"""

from __future__ import annotations

import datetime
import io
import json
import logging
import os
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby

from babel.core import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations
from jinja2 import pass_context, pass_eval_context
from markupsafe import Markup, escape
from pelican import signals
from pelican.generators import Generator

from .fragments import make_fragments
from .parallel import FlushPages

logger = logging.getLogger(__name__)

PLUGIN = "press_release"
DEFAULT_LOGO = "img/logo.svg"  # inside the theme's static folder

OFFICE_DEFAULTS = {
    "name": None,  # falls back to AUTHOR, then SITENAME
    "parent": None,  # the government the office belongs to
    "logo": None,  # URL or path relative to SITEURL; None: the theme's neutral logo
    "address": None,
    "phone": None,
    "email": None,
    "website": None,
    "social": [],  # [{"name": "Instagram", "url": "https://…"}, …]
}
MEDIA_CONTACT_DEFAULTS = {"name": None, "role": None, "phone": None, "email": None}
SETTING_DEFAULTS = {
    "PRESS_RELEASE_PLACE_URL": "tempat/{slug}/",
    "PRESS_RELEASE_PLACE_SAVE_AS": "tempat/{slug}/index.html",
    "PRESS_RELEASE_PLACES_URL": "tempat/",
    "PRESS_RELEASE_PLACES_SAVE_AS": "tempat/index.html",
    "PRESS_RELEASE_DESKS": {},
    "PRESS_RELEASE_REPORTERS": {},
    # The language the releases are written in (the UI follows DEFAULT_LANG).
    "PRESS_RELEASE_CONTENT_LANG": "id",
}
# Babel date patterns by name; "full" is "Senin, 14 Desember 2015" in Indonesian.
DATE_PATTERNS = {"full": "full", "long": "long", "medium": "medium", "month": "MMMM y"}


# --------------------------------------------------------------------------- settings


def _merge(name, value, defaults):
    """Merge a dict setting over its defaults; warn about unknown keys, once."""
    if value is None:
        return dict(defaults)
    if not isinstance(value, dict):
        logger.warning("%s: %s must be a dict, ignoring it", PLUGIN, name)
        return dict(defaults)
    unknown = sorted(set(value) - set(defaults))
    if unknown:
        logger.warning("%s: unknown key(s) in %s: %s", PLUGIN, name, ", ".join(unknown))
    return {**defaults, **{k: v for k, v in value.items() if k in defaults}}


def theme_settings(settings):
    """Office identity and media contact, merged over their defaults (no warnings)."""
    office = settings.get("PRESS_RELEASE_OFFICE")
    office = {**OFFICE_DEFAULTS, **(office if isinstance(office, dict) else {})}
    office["name"] = office["name"] or settings.get("AUTHOR") or settings.get("SITENAME")
    contact = settings.get("PRESS_RELEASE_MEDIA_CONTACT")
    contact = {**MEDIA_CONTACT_DEFAULTS, **(contact if isinstance(contact, dict) else {})}
    return office, contact


def init_settings(pelican):
    """Fill theme defaults into the settings; check the office identity once, keeping
    only known keys (a warning names the plugin and the bad key)."""
    settings = pelican.settings
    for key, value in SETTING_DEFAULTS.items():
        settings.setdefault(key, value)
    for key, defaults in (
        ("PRESS_RELEASE_OFFICE", OFFICE_DEFAULTS),
        ("PRESS_RELEASE_MEDIA_CONTACT", MEDIA_CONTACT_DEFAULTS),
    ):
        settings[key] = _merge(key, settings.get(key), defaults)
    lang = settings.get("DEFAULT_LANG", "id")
    try:
        Locale.parse(lang)
    except (ValueError, UnknownLocaleError):
        logger.warning("%s: DEFAULT_LANG %r is not a locale Babel knows", PLUGIN, lang)


# --------------------------------------------------------------------------- i18n


def babel_locale(lang):
    """The Babel locale for DEFAULT_LANG, English when Babel does not know it."""
    try:
        return Locale.parse((lang or "en").replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return Locale.parse("en")


def catalogue_path(theme, lang):
    return os.path.join(theme, "translations", lang, "LC_MESSAGES", "messages.po")


@lru_cache(maxsize=8)
def _compile(path, mtime):
    """Compile a .po file to gettext translations in memory, with Babel."""
    del mtime  # part of the cache key only
    with open(path, "rb") as po:
        catalog = read_po(po)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer)


def load_translations(theme, lang):
    """Translations for ``lang``; template msgids are English, so "en" needs none."""
    path = catalogue_path(theme, lang or "en")
    if not os.path.isfile(path):
        return NullTranslations()
    return _compile(path, os.path.getmtime(path))


def fast_gettext(translations):
    """``_``/``gettext`` as Jinja's newstyle i18n defines them, in one call.

    Jinja's newstyle ``_`` goes through three ``Context.call`` dispatches per use (the
    alias, the wrapper, the translation); a page of this theme says ``_()`` about forty
    times (header, navigation, footer). Same result: the translation, made ``Markup``
    when autoescaping, always ``%``-formatted with the keyword arguments; a text without
    arguments is formatted once per build and reused.
    """
    translate = translations.gettext
    plain_texts = {}

    @pass_eval_context
    def gettext(eval_ctx, __string, **variables):
        if not variables:
            key = (__string, eval_ctx.autoescape)
            rv = plain_texts.get(key)
            if rv is None:
                rv = translate(__string)
                if eval_ctx.autoescape:
                    rv = Markup(rv)
                rv = plain_texts[key] = rv % variables
            return rv
        rv = translate(__string)
        if eval_ctx.autoescape:
            rv = Markup(rv)
        return rv % variables

    return gettext


def make_shared_partial():
    """``shared_partial(name)``: a partial that is the same on every page, rendered once.

    The identity banner, header, navigation, footer and media contact read only settings,
    the office, ``SITEURL`` (per page under RELATIVE_URLS) and ``nav_current``; an
    ``{% include %}`` renders them again for each of the thousands of pages. This renders
    each once per (name, SITEURL, nav_current) and environment (a new one every build).
    """
    cache = {}

    @pass_context
    def shared_partial(context, name):
        key = (name, context.get("SITEURL"), context.get("nav_current"))
        html = cache.get(key)
        if html is None:
            template = context.environment.get_template(name)
            html = cache[key] = Markup(template.render(context.get_all()))
        return html

    return shared_partial


# --------------------------------------------------------------------------- filters


def plain(value):
    """Text for HTML, whether the value came escaped, with tags or as raw text."""
    if value is None:
        return Markup("")
    text = str(value)
    if len(text) > 200 and "<" not in text and "&" not in text:
        # A lead with no tag or entity: striptags would only normalise its spaces. Not
        # cached: ten thousand leads would hold tens of megabytes for the whole build.
        return escape(" ".join(text.split()))
    return _plain(text)


@lru_cache(maxsize=65536)
def _plain(text):
    # titles are shown on many pages (lists, related, neighbours): strip each once
    return escape(Markup(text).striptags())


def plain_text(value):
    """Unescaped text without tags (for JSON and URL parameters)."""
    if value is None:
        return ""
    text = str(value)
    if "<" not in text and "&" not in text:
        # No tag, comment or entity: striptags would only collapse the spaces.
        return " ".join(text.split())
    return Markup(text).striptags()


def as_date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    return value


def make_date_filter(locale):
    @lru_cache(maxsize=65536)
    def formatted(date, pattern):
        return format_date(date, DATE_PATTERNS.get(pattern, pattern), locale=locale)

    def pr_date(value, pattern="full"):
        """``Senin, 14 Desember 2015`` (id) / ``Monday, December 14, 2015`` (en)."""
        if value is None:
            return ""
        return formatted(as_date(value), pattern)

    return pr_date


def make_period_filter(locale):
    def period_label(period_num):
        """Label of a Pelican period archive: ``2015`` or ``Desember 2015``."""
        if not period_num:
            return ""
        if len(period_num) == 1:
            return str(period_num[0])
        day = period_num[2] if len(period_num) > 2 else 1
        date = datetime.date(period_num[0], period_num[1], day)
        return format_date(date, "MMMM y" if len(period_num) == 2 else "long", locale=locale)

    return period_label


def make_name_filter(table):
    def name(code):
        """Display name for a code; unknown codes are shown as written."""
        if code is None:
            return ""
        code = str(code)
        return table.get(code) or table.get(code.lower()) or code

    return name


def absolute_url(settings, url):
    """``url`` under the configured SITEURL (root-relative when SITEURL is empty)."""
    if url is None:
        return ""
    url = str(url)
    if url.startswith(("http://", "https://", "//", "mailto:")):
        return url
    base = (settings.get("SITEURL") or "").rstrip("/")
    return f"{base}/{url.lstrip('/')}"


@pass_context
def site_url(context, path):
    """A path of the site for links on the current page (a full URL is kept as is)."""
    path = str(path or "")
    if "://" in path or path.startswith("//"):
        return path
    return f"{context.get('SITEURL', '')}/{path.lstrip('/')}"


def logo_url(settings, office):
    return office["logo"] or f"{settings.get('THEME_STATIC_DIR', 'theme')}/{DEFAULT_LOGO}"


def content_lang(settings):
    return settings.get("PRESS_RELEASE_CONTENT_LANG") or settings.get("DEFAULT_LANG", "id")


def release_jsonld(settings, article, url=None, summary=None, publisher=None):
    """The schema.org NewsArticle of a release, as a JSON string safe inside <script>.

    `url` (the absolute URL) and `summary` are the article's, passed by a caller that has
    them already (fragments.release_head); `publisher` is jsonld_publisher(settings),
    the same for every release of a build, made once by setup_environment.
    """
    office, publisher = publisher or jsonld_publisher(settings)
    desks = settings.get("PRESS_RELEASE_DESKS") or {}
    reporters = settings.get("PRESS_RELEASE_REPORTERS") or {}
    codes = list(
        getattr(article, "reporters", None) or getattr(article, "credited_reporters", None) or []
    )
    if codes:
        author = [{"@type": "Person", "name": reporters.get(code, code)} for code in codes]
    else:
        desk = getattr(article, "desk", None)
        author = [
            {"@type": "GovernmentOrganization", "name": desks.get(desk, desk or office["name"])}
        ]
    published = article.date.isoformat()
    modified = getattr(article, "modified", None)
    url = url or absolute_url(settings, article.url)
    if summary is None:
        summary = getattr(article, "summary", "")
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": plain_text(article.title),
        "description": plain_text(summary),
        "datePublished": published,
        "dateModified": modified.isoformat() if modified else published,
        "inLanguage": content_lang(settings),
        "url": url,
        "mainEntityOfPage": url,
        "author": author,
        "publisher": publisher,
    }
    dateline = getattr(article, "dateline_display", None)
    if dateline:
        data["dateline"] = dateline
    category = getattr(article, "category", None)
    if category is not None:
        data["articleSection"] = str(category)
    text = _JSON.encode(data)
    # never let a value close the <script> element or open a comment
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


_JSON = json.JSONEncoder(ensure_ascii=False)  # json.dumps(..., ensure_ascii=False)


def jsonld_publisher(settings) -> tuple[dict, dict]:
    """``(office, publisher)``: the office identity and the JSON-LD publisher it makes."""
    office, _contact = theme_settings(settings)
    publisher = {
        "@type": "GovernmentOrganization",
        "name": office["name"],
        "logo": {"@type": "ImageObject", "url": absolute_url(settings, logo_url(settings, office))},
    }
    if settings.get("SITEURL"):
        publisher["url"] = settings["SITEURL"].rstrip("/") + "/"
    if office["parent"]:
        publisher["parentOrganization"] = {
            "@type": "GovernmentOrganization",
            "name": office["parent"],
        }
    return office, publisher


# --------------------------------------------------------------------------- environment


def setup_environment(generator):
    """Install i18n, filters and globals in every generator's Jinja environment."""
    settings = generator.settings
    env = generator.env
    lang = settings.get("DEFAULT_LANG", "id")
    locale = babel_locale(lang)
    env.add_extension("jinja2.ext.i18n")
    env.add_extension("jinja2.ext.do")
    translations = load_translations(settings["THEME"], lang)
    env.install_gettext_translations(translations, newstyle=True)
    gettext = fast_gettext(translations)
    env.globals.update({"_": gettext, "gettext": gettext})
    # a fresh environment every build: templates need no up-to-date check per include
    env.auto_reload = False
    office, contact = theme_settings(settings)
    publisher = jsonld_publisher(settings)  # settings are final by now: once per build
    env.filters.update(
        {
            "plain": plain,
            "plain_text": plain_text,
            "pr_date": make_date_filter(locale),
            "period_label": make_period_filter(locale),
            "reporter_name": make_name_filter(settings.get("PRESS_RELEASE_REPORTERS") or {}),
            "desk_name": make_name_filter(settings.get("PRESS_RELEASE_DESKS") or {}),
            "absolute_url": lambda url: absolute_url(settings, url),
            "site_url": site_url,
            "release_jsonld": lambda article: release_jsonld(
                settings, article, publisher=publisher
            ),
            "by_month": group_by_month,
            "most_releases": most_releases,
        }
    )
    env.globals.update(
        {
            "shared_partial": make_shared_partial(),
            **make_fragments(
                env,
                translations,
                plain,
                plain_text,
                lambda article, url, summary: release_jsonld(
                    settings, article, url, summary, publisher
                ),
            ),
            "OFFICE": office,
            "OFFICE_LOGO": logo_url(settings, office),
            "MEDIA_CONTACT": contact if any(contact.values()) else None,
            "PLACES_URL": settings["PRESS_RELEASE_PLACES_URL"],
            # ` lang="id"` on release text when the UI is in another language
            "CONTENT_LANG_ATTR": (
                Markup(f' lang="{escape(content_lang(settings))}"')
                if content_lang(settings) != lang
                else ""
            ),
            "OG_LOCALE": str(locale) if "_" in str(locale) else f"{locale}_{_territory(locale)}",
        }
    )


def _territory(locale):
    return {"id": "ID", "en": "GB"}.get(locale.language, locale.language.upper())


# --------------------------------------------------------------------------- places


@dataclass(eq=False)
class Place:
    """A dateline place ("Samarinda"), with its own page like a category."""

    name: str
    slug: str
    settings: dict

    def _setting(self, key):
        return self.settings[f"PRESS_RELEASE_PLACE_{key}"].format(slug=self.slug, name=self.name)

    @property
    def url(self):
        return self._setting("URL")

    @property
    def save_as(self):
        return self._setting("SAVE_AS")

    @property
    def page_name(self):
        return os.path.splitext(self.url)[0]

    def __str__(self):
        return self.name


def group_places(articles, settings):
    """[(Place, [articles newest first]), …] sorted by place name; sets ``article.place``."""
    by_slug = {}
    for article in articles:
        slug = getattr(article, "dateline_slug", None)
        name = getattr(article, "dateline_display", None)
        if not slug or not name:
            article.place = None
            continue
        if slug not in by_slug:
            by_slug[slug] = (Place(name, slug, settings), [])
        place, items = by_slug[slug]
        article.place = place
        items.append(article)
    places = []
    for place, items in by_slug.values():
        items.sort(key=lambda a: a.date, reverse=True)
        places.append((place, items))
    places.sort(key=lambda pair: pair[0].name.casefold())
    return places


class PlaceGenerator(Generator):
    """Writes "Berita dari <place>" pages and the index of places."""

    def generate_context(self):
        articles = self.context.get("articles", [])
        self.places = group_places(articles, self.settings)
        self.context["places"] = self.places

    def generate_output(self, writer):
        relative = self.settings["RELATIVE_URLS"]
        template = self.get_template("place")
        for place, articles in self.places:
            writer.write_file(
                place.save_as,
                template,
                self.context,
                relative,
                paginated={"articles": articles, "dates": articles},
                template_name="place",
                url=place.url,
                page_name=place.page_name,
                place=place,
                articles=articles,
                dates=articles,
                blog=True,
            )
        save_as = self.settings["PRESS_RELEASE_PLACES_SAVE_AS"]
        if save_as:
            writer.write_file(
                save_as,
                self.get_template("places"),
                self.context,
                relative,
                template_name="places",
                url=self.settings["PRESS_RELEASE_PLACES_URL"],
                page_name="places",
            )


def get_generators(_pelican):
    # FlushPages renders the pages recorded by the parallel writer: it must come after
    # every generator writing pages, so both are returned here, in this order.
    return PlaceGenerator, FlushPages


# --------------------------------------------------------------------------- neighbours


def link_neighbours(generator):
    """Set ``newer_release`` / ``older_release`` on each published release."""
    ordered = sorted(generator.articles, key=lambda a: (a.date, a.slug))
    for index, article in enumerate(ordered):
        article.older_release = ordered[index - 1] if index > 0 else None
        article.newer_release = ordered[index + 1] if index + 1 < len(ordered) else None


def group_by_month(articles):
    """[(year, [(first article of month, count), …]), …], newest first, for archives."""
    result = []
    ordered = sorted(articles, key=lambda a: a.date, reverse=True)
    for year, in_year in groupby(ordered, key=lambda a: a.date.year):
        months = []
        for _month, in_month in groupby(in_year, key=lambda a: a.date.month):
            items = list(in_month)
            months.append((items[0], len(items)))
        result.append((year, months))
    return result


def most_releases(pairs, limit=8):
    """The ``limit`` (item, releases) pairs with the most releases, then by name."""
    ranked = sorted(pairs, key=lambda pair: (-len(pair[1]), str(pair[0]).casefold()))
    return ranked[:limit]


def register():
    """Connect the theme helpers to Pelican's signals."""
    signals.initialized.connect(init_settings)
    signals.generator_init.connect(setup_environment)
    signals.get_generators.connect(get_generators)
    signals.article_generator_finalized.connect(link_neighbours)
