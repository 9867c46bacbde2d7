"""Messages for authors: made once, shown in the build's language.

A message is made where the problem is found, as an English template with named values::

    Message("the date %(date)s is not a real day; write it as YYYY-MM-DD", date=value)

It *is* its English text (a ``str``: logs, tests and JSON that expect text get it), and
keeps its template and values, so that it is rendered in the build's language only when
it is shown (the log, the build report, GitHub annotations, ``check``)::

    render(message, "id")  # "tanggal 2024-02-31 bukan hari yang ada; tulis ..."

The translations are a gettext catalogue, ``translations/<lang>/LC_MESSAGES/messages.po``
beside this module, compiled by Babel in memory (as the theme's: no ``.mo`` file). The
language is ``DEFAULT_LANG`` (``check --lang`` for the command); English needs no
catalogue. A value that is itself a Message is rendered in the same language.

Where results must be plain data (the speed layer keeps prepare()'s values as ``marshal``
data, which takes no ``str`` subclass), ``plain()`` gives a message as nested tuples and
``load()`` makes it again; both leave a plain ``str`` as it is.

No Pelican import: the parser (``parse/``) makes its warnings here.
"""

from __future__ import annotations

import io
import os
from functools import lru_cache

CATALOGUES = os.path.join(os.path.dirname(__file__), "translations")
DEFAULT_LANG = "id"  # the authors' language when no setting says otherwise


class Message(str):
    """An author message: its English text, with the template and values it came from."""

    def __new__(cls, template: str, /, **values):
        text = template % values if values else template
        message = super().__new__(cls, text)
        message.template = template
        message.values = values
        return message

    def __reduce__(self):
        # pickle (Pelican's content cache, the speed layer's processes) and copy
        return (_remake, (self.template, self.values))


def _remake(template: str, values: dict) -> Message:
    return Message(template, **values)


def plain(message):
    """A message as plain data (``("template", {values})``); a plain ``str`` as it is."""
    if isinstance(message, Message):
        return (message.template, {key: plain(value) for key, value in message.values.items()})
    return message


def load(item):
    """The message ``plain()`` gave (idempotent: a Message or a ``str`` is returned as is)."""
    if isinstance(item, tuple | list) and len(item) == 2 and isinstance(item[1], dict):
        return Message(item[0], **{key: load(value) for key, value in item[1].items()})
    return item


def language(settings: dict | None) -> str:
    """The language of author messages: DEFAULT_LANG, else Indonesian."""
    lang = (settings or {}).get("DEFAULT_LANG") or DEFAULT_LANG
    return str(lang).replace("-", "_").split("_")[0].lower()


def render(message, lang: str = DEFAULT_LANG) -> str:
    """The message in `lang` (its English text where the catalogue lacks it)."""
    if not isinstance(message, Message):
        return str(message)
    gettext = translations(lang)
    template = message.template if gettext is None else gettext(message.template)
    values = {key: render(value, lang) for key, value in message.values.items()}
    try:
        return template % values if values else template
    except (KeyError, TypeError, ValueError):  # a broken translation: the English text
        return str(message)


def catalogue_path(lang: str) -> str:
    return os.path.join(CATALOGUES, lang, "LC_MESSAGES", "messages.po")


def translations(lang: str):
    """``gettext`` of `lang`'s catalogue, or None (English, or no catalogue)."""
    path = catalogue_path(lang)
    if lang == "en" or not os.path.isfile(path):
        return None
    return compile_catalogue(path, os.path.getmtime(path)).gettext


@lru_cache(maxsize=8)
def compile_catalogue(path: str, mtime: float):
    """A ``.po`` catalogue compiled to gettext ``Translations`` in memory with Babel (no
    ``.mo`` file), once per process and change. The theme's catalogues are compiled here
    too (templating/i18n.py)."""
    del mtime  # part of the cache key only
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po
    from babel.support import Translations

    with open(path, "rb") as po:
        catalog = read_po(po)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer)
