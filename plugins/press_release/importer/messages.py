"""Every message the import command shows a user, in one table.

The import steps never format a message themselves: they return a :class:`Note`, a
message code with its values, and only :func:`text` turns it into words, in the
language asked for (``import --lang``), through the plugin's message catalogue
(``messages.py``: Indonesian by default).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import PressReleaseError
from ..messages import DEFAULT_LANG, Message, render

MESSAGES: dict[str, Message] = {
    # Why an item of a source was not imported.
    "page": Message("a WordPress page, not a post"),
    "draft": Message("not published on the old site (status %(status)r)"),
    "private": Message("private or password-protected on the old site: never published here"),
    "other_type": Message("a WordPress item of type %(kind)r, not a post"),
    "empty": Message("the post has no text"),
    "only_title": Message("the post has a title but no text"),
    "listing": Message("a listing page (%(count)s article teasers), not an article"),
    "no_article": Message("no article found on the page (no title or no text)"),
    "not_html": Message("not an HTML page"),
    "unreadable": Message("cannot be read: %(reason)s"),
    "duplicate": Message("the same release as %(first)s (same old URL or GUID)"),
    "edited": Message("%(file)s was edited since the last import: not overwritten"),
    "removed": Message("%(file)s was removed since the last import: not written again"),
    "no_columns": Message("the row has neither a title nor a text column (%(columns)s)"),
    # Warnings on an imported item.
    "no_title": Message(
        "no title in the source: the reader takes the first words; add 'Judul: ...'"
    ),
    "no_date": Message(
        "no date in the source: the file name has no date and the site will date it by "
        "its first commit; add 'Tanggal: YYYY-MM-DD'"
    ),
    "bad_date": Message("the date %(value)r is not a date: add 'Tanggal: YYYY-MM-DD'"),
    "table": Message(
        "a table of %(rows)s row(s) was written as plain rows (cells between ' | '); check it"
    ),
    "table_dropped": Message(
        "a table of %(rows)s row(s) and %(cells)s cells was too large to keep: dropped"
    ),
    "embed": Message("an embedded %(what)s was not carried over%(where)s"),
    "form": Message("a form was not carried over"),
    "shortcode": Message("a WordPress shortcode [%(name)s] was dropped (its text kept)"),
    "gallery": Message(
        "a WordPress gallery of %(count)s photo(s) became photos beside the release"
    ),
    "more_categories": Message(
        "more categories than one: %(first)r kept, %(others)s added as labels"
    ),
    "photo_missing": Message("photo not found in the source folders: %(ref)s"),
    "photo_type": Message("photo %(ref)s is not JPEG, PNG or WebP: not copied"),
    "photo_edited": Message("%(file)s was changed since the last import: not overwritten"),
    "reader_dropped": Message(
        "the reader leaves out %(count)s line(s) as page chrome, such as %(line)r"
    ),
    "reader_missing": Message(
        "the reader does not show %(count)s word(s) of the source, such as %(words)s"
    ),
    "reader_title": Message("the reader finds the title %(found)r, not %(expected)r"),
    "reader_error": Message("the site would skip this file: %(reason)s"),
    "encoding_unknown": Message("the declared encoding %(declared)r is unknown: read as UTF-8"),
    "encoding_wrong": Message("the page is not in the encoding it declares (%(declared)r)"),
    "encoding_guessed": Message("the page is not UTF-8: read as Windows-1252"),
    "too_large": Message("%(size)s MB: too large for a page"),
    "not_rss": Message("the file is XML, but not RSS (it opens with <%(tag)s>)"),
    "cut_off": Message("cut off at the end of the file"),
    "replaced_bytes": Message("some bytes were not valid %(encoding)s: read as Windows-1252"),
    "xml_broken": Message(
        "the XML is broken at line %(line)s, column %(column)s (%(reason)s); the items after it "
        "were read one by one"
    ),
    "xml_item_broken": Message("the item cannot be read as XML (%(reason)s)"),
    "xml_unreadable": Message("not a WordPress export: %(reason)s"),
    "dump_unreadable": Message("cannot read the dump: %(reason)s"),
    "unknown_source": Message(
        "%(source)s: not a WordPress export (.xml), a CSV or JSON dump or a folder of pages"
    ),
    "target_missing": Message("the target folder %(folder)s does not exist"),
    "bad_map": Message("--map %(value)r: write FIELD=COLUMN with FIELD one of %(fields)s"),
    "state_unreadable": Message(
        "the import state %(file)s cannot be read (%(reason)s); move it away to start anew"
    ),
    # The report.
    "report_head": Message("Import into %(folder)s"),
    "report_counts": Message(
        "%(imported)s imported, %(updated)s updated, %(unchanged)s unchanged, %(skipped)s skipped, "
        "%(duplicate)s duplicate(s); %(warned)s with warnings"
    ),
    "report_photos": Message(
        "photos: %(copied)s copied, %(same)s unchanged, %(missing)s not found"
    ),
    "report_skipped_reasons": Message("skipped, by reason:"),
    "report_more": Message("... and %(count)s more (all in the JSON report: --report FILE)"),
    "report_dry_run": Message("dry run: nothing was written"),
    "report_written": Message("full report written to %(file)s"),
    "report_sources": Message("%(source)s: %(kind)s, %(count)s item(s) read"),
    "warning": Message("warning"),
    # Status words of the report lines.
    "status_imported": Message("imported"),
    "status_updated": Message("updated"),
    "status_unchanged": Message("unchanged"),
    "status_skipped": Message("skipped"),
    "status_duplicate": Message("duplicate"),
    # The kinds of source.
    "kind_wxr": Message("WordPress export"),
    "kind_pages": Message("saved pages"),
    "kind_csv": Message("CSV dump"),
    "kind_json": Message("JSON dump"),
    "kind_unknown": Message("not read"),
}


@dataclass(frozen=True)
class Note:
    """A message code with its values: what happened, not yet in words."""

    code: str
    values: dict = field(default_factory=dict, compare=False, hash=False)

    def __str__(self) -> str:
        return text(self.code, "en", **self.values)

    def message(self) -> Message:
        return message(self.code, **self.values)


def note(code: str, **values) -> Note:
    return Note(code, values)


def message(code: str, **values) -> Message:
    """The message `code` with its values (a value that is a Note becomes its message)."""
    values = {key: _value(value) for key, value in values.items()}
    return Message(MESSAGES[code].template, **values) if values else MESSAGES[code]


def _value(value):
    """A value as a message shows it: a Note or an error by its message."""
    if isinstance(value, Note):
        return value.message()
    if isinstance(value, PressReleaseError):
        return value.message
    return value


def text(code: str, lang: str = DEFAULT_LANG, **values) -> str:
    """The message `code` with its values filled in, in `lang`."""
    return render(message(code, **values), lang)
