"""The theme's translations: gettext catalogues compiled by Babel in memory.

Template texts are English msgids; ``theme/translations/<lang>/LC_MESSAGES/messages.po``
translates them for ``DEFAULT_LANG`` (no ``.mo`` file to forget, no OS locale involved).
"""

from __future__ import annotations

import os

from babel.core import Locale, UnknownLocaleError
from babel.support import NullTranslations
from jinja2 import pass_eval_context
from markupsafe import Markup

from ..messages import compile_catalogue


def babel_locale(lang):
    """The Babel locale for DEFAULT_LANG, English when Babel does not know it."""
    try:
        return Locale.parse((lang or "en").replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return Locale.parse("en")


def catalogue_path(theme, lang):
    return os.path.join(theme, "translations", lang, "LC_MESSAGES", "messages.po")


def load_translations(theme, lang):
    """Translations for ``lang``; template msgids are English, so "en" needs none."""
    path = catalogue_path(theme, lang or "en")
    if not os.path.isfile(path):
        return NullTranslations()
    return compile_catalogue(path, os.path.getmtime(path))


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
