"""Every message the import command shows a user, in one table.

The import steps never format a message themselves: they return a :class:`Note`, a
message code with its values, and only :func:`text` turns it into words. Moving the
command to Indonesian (or to the project's message catalogue) is then a change of this
table alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MESSAGES: dict[str, str] = {
    # Why an item of a source was not imported.
    "page": "a WordPress page, not a post",
    "draft": "not published on the old site (status {status!r})",
    "private": "private or password-protected on the old site: never published here",
    "other_type": "a WordPress item of type {kind!r}, not a post",
    "empty": "the post has no text",
    "only_title": "the post has a title but no text",
    "listing": "a listing page ({count} article teasers), not an article",
    "no_article": "no article found on the page (no title or no text)",
    "not_html": "not an HTML page",
    "unreadable": "cannot be read: {reason}",
    "duplicate": "the same release as {first} (same old URL or GUID)",
    "edited": "{file} was edited since the last import: not overwritten",
    "removed": "{file} was removed since the last import: not written again",
    "no_columns": "the row has neither a title nor a text column ({columns})",
    # Warnings on an imported item.
    "no_title": "no title in the source: the reader takes the first words; add 'Judul: ...'",
    "no_date": (
        "no date in the source: the file name has no date and the site will date it by "
        "its first commit; add 'Tanggal: YYYY-MM-DD'"
    ),
    "bad_date": "the date {value!r} is not a date: add 'Tanggal: YYYY-MM-DD'",
    "table": "a table of {rows} row(s) was written as plain rows (cells between ' | '); check it",
    "table_dropped": "a table of {rows} row(s) and {cells} cells was too large to keep: dropped",
    "embed": "an embedded {what} was not carried over{where}",
    "form": "a form was not carried over",
    "shortcode": "a WordPress shortcode [{name}] was dropped (its text kept)",
    "gallery": "a WordPress gallery of {count} photo(s) became photos beside the release",
    "more_categories": "more categories than one: {first!r} kept, {others} added as labels",
    "photo_missing": "photo not found in the source folders: {ref}",
    "photo_type": "photo {ref} is not JPEG, PNG or WebP: not copied",
    "photo_edited": "{file} was changed since the last import: not overwritten",
    "reader_dropped": "the reader leaves out {count} line(s) as page chrome, such as {line!r}",
    "reader_missing": "the reader does not show {count} word(s) of the source, such as {words}",
    "reader_title": "the reader finds the title {found!r}, not {expected!r}",
    "reader_error": "the site would skip this file: {reason}",
    "encoding_unknown": "the declared encoding {declared!r} is unknown: read as UTF-8",
    "encoding_wrong": "the page is not in the encoding it declares ({declared!r})",
    "encoding_guessed": "the page is not UTF-8: read as Windows-1252",
    "too_large": "{size} MB: too large for a page",
    "not_rss": "the file is XML, but not RSS (it opens with <{tag}>)",
    "cut_off": "cut off at the end of the file",
    "replaced_bytes": "some bytes were not valid {encoding}: read as Windows-1252",
    "xml_broken": (
        "the XML is broken at line {line}, column {column} ({reason}); the items after it "
        "were read one by one"
    ),
    "xml_item_broken": "the item cannot be read as XML ({reason})",
    "xml_unreadable": "not a WordPress export: {reason}",
    "dump_unreadable": "cannot read the dump: {reason}",
    "unknown_source": (
        "{source}: not a WordPress export (.xml), a CSV or JSON dump or a folder of pages"
    ),
    "target_missing": "the target folder {folder} does not exist",
    "bad_map": "--map {value!r}: write FIELD=COLUMN with FIELD one of {fields}",
    "state_unreadable": (
        "the import state {file} cannot be read ({reason}); move it away to start anew"
    ),
    # The report.
    "report_head": "Import into {folder}",
    "report_counts": (
        "{imported} imported, {updated} updated, {unchanged} unchanged, {skipped} skipped, "
        "{duplicate} duplicate(s); {warned} with warnings"
    ),
    "report_photos": "photos: {copied} copied, {same} unchanged, {missing} not found",
    "report_skipped_reasons": "skipped, by reason:",
    "report_more": "... and {count} more (all in the JSON report: --report FILE)",
    "report_dry_run": "dry run: nothing was written",
    "report_written": "full report written to {file}",
    "report_sources": "{source}: {kind}, {count} item(s) read",
    # Status words of the report lines.
    "status_imported": "imported",
    "status_updated": "updated",
    "status_unchanged": "unchanged",
    "status_skipped": "skipped",
    "status_duplicate": "duplicate",
    # The kinds of source.
    "kind_wxr": "WordPress export",
    "kind_pages": "saved pages",
    "kind_csv": "CSV dump",
    "kind_json": "JSON dump",
    "kind_unknown": "not read",
}


@dataclass(frozen=True)
class Note:
    """A message code with its values: what happened, not yet in words."""

    code: str
    values: dict = field(default_factory=dict, compare=False, hash=False)

    def __str__(self) -> str:
        return text(self.code, **self.values)


def note(code: str, **values) -> Note:
    return Note(code, values)


def text(code: str, **values) -> str:
    """The message `code` with its values filled in."""
    return MESSAGES[code].format(**values)
