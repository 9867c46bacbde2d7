"""Everything the templates get beyond Pelican's own context, installed in each
generator's Jinja environment (``generator_init``):

- the Jinja2 i18n extension with the theme's catalogue for ``DEFAULT_LANG`` (i18n.py);
- the filters (filters.py, jsonld.py, and those the partials use: partials.py);
- the partial globals ``partial``, ``cached_partial`` and ``shared_partial``;
- the office identity (``OFFICE``, ``OFFICE_LOGO``, ``MEDIA_CONTACT``) and a few values
  of the settings the theme shows;
- the plugin's own templates (``templating/templates/``) after the theme's, so that a
  theme without a template the plugin writes a page with (``place.html``, ...) still
  builds.
"""

from __future__ import annotations

import logging
import os

from babel.core import Locale, UnknownLocaleError
from jinja2 import ChoiceLoader, FileSystemLoader
from markupsafe import Markup, escape

from ..features.reporters import Reporters
from ..settings import banner, media_contact, office, on_go_id
from . import filters
from .i18n import babel_locale, fast_gettext, load_translations
from .jsonld import breadcrumb_jsonld, jsonld_publisher, release_jsonld
from .partials import (
    author_of,
    credit_parts,
    make_advertorial_test,
    make_partials,
    make_people_filter,
    url_quote,
)

logger = logging.getLogger(__name__)

PLUGIN_TEMPLATES = os.path.join(os.path.dirname(__file__), "templates")


def check_language(pelican) -> None:
    """`initialized`: a DEFAULT_LANG Babel does not know is reported once."""
    lang = pelican.settings.get("DEFAULT_LANG", "id")
    try:
        Locale.parse(lang)
    except (ValueError, UnknownLocaleError):
        logger.warning("press_release: DEFAULT_LANG %r is not a locale Babel knows", lang)


def setup_environment(generator):
    """`generator_init`: install i18n, filters and globals in the generator's Jinja
    environment."""
    settings = generator.settings
    env = generator.env
    env.loader = ChoiceLoader([env.loader, FileSystemLoader(PLUGIN_TEMPLATES)])
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
    identity, contact = office(settings), media_contact(settings)
    reporters = Reporters.of(settings)
    publisher = jsonld_publisher(settings)  # settings are final by now: once per build
    env.filters.update(
        {
            "plain": filters.plain,
            "plain_text": filters.plain_text,
            "pr_date": filters.make_date_filter(locale),
            "period_label": filters.make_period_filter(locale),
            "reporter_name": filters.make_name_filter(settings["PRESS_RELEASE_REPORTERS"]),
            "desk_name": filters.make_name_filter(settings["PRESS_RELEASE_DESKS"]),
            "absolute_url": lambda url: filters.absolute_url(settings, url),
            "site_url": filters.site_url,
            "url_quote": url_quote,
            "release_jsonld": lambda article: release_jsonld(
                settings, article, publisher, reporters
            ),
            "author_of": author_of,
            "reporter_people": make_people_filter(reporters),
            "credit_parts": credit_parts,
            "by_month": filters.group_by_month,
            "most_releases": filters.most_releases,
        }
    )
    env.tests["advertorial"] = make_advertorial_test(reporters)
    env.tests["region"] = filters.make_region_test(settings.get("PRESS_RELEASE_REGIONS") or ())
    content_lang = filters.content_lang(settings)
    env.globals.update(
        {
            **make_partials(),
            "breadcrumb_jsonld": lambda trail: breadcrumb_jsonld(settings, trail),
            "OFFICE": identity,
            "OFFICE_LOGO": filters.logo_url(settings, identity),
            # a contact with no way to reach it (no phone, no e-mail) is not shown
            "MEDIA_CONTACT": contact if contact["phone"] or contact["email"] else None,
            "BANNER": banner(settings),
            "SITE_ON_GO_ID": on_go_id(settings),
            "PLACES_URL": settings["PRESS_RELEASE_PLACES_URL"],
            # ` lang="id"` on release text when the UI is in another language
            "CONTENT_LANG_ATTR": (
                Markup(f' lang="{escape(content_lang)}"') if content_lang != lang else ""
            ),
            "OG_LOCALE": str(locale) if "_" in str(locale) else f"{locale}_{_territory(locale)}",
        }
    )


def _territory(locale):
    return {"id": "ID", "en": "GB"}.get(locale.language, locale.language.upper())
