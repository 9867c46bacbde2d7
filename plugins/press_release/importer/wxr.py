"""WordPress exports (WXR, Tools → Export), read as a stream.

The file is parsed with ElementTree's ``iterparse``: each ``<item>`` is handed on as a
plain dict of its fields (:class:`RawItem`) as soon as it ends, then cleared, so memory
stays flat whatever the size of the export. Attachments (photos) are kept in a small
table, since a post may name its featured image before or after the attachment's item.

Broken XML (a truncated export, a control character pasted from Word, bytes that are
not the declared encoding) does not stop the import: the items read before the fault
are kept, and the rest of the file is read item by item (:func:`_salvage`), each item
on its own, so one bad item costs that item alone.

Element names are matched by namespace family, not by exact URI, so WXR 1.0, 1.1 and
1.2 exports read alike (``http://wordpress.org/export/1.2/`` and ``.../1.0/``).
"""

from __future__ import annotations

import codecs
import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import unquote

from .html_text import html_to_text
from .messages import Note, note, text
from .model import Photo, Skipped, SourceItem
from .shortcodes import expand_shortcodes

# Namespace URI (its start) -> the prefix WXR files use for it.
NAMESPACES = (
    ("http://wordpress.org/export/", "wp"),  # also .../excerpt/: see _prefix
    ("http://purl.org/rss/1.0/modules/content/", "content"),
    ("http://purl.org/dc/elements/1.1/", "dc"),
    ("http://wellformedweb.org/CommentAPI/", "wfw"),
)
# The namespaces declared when an item is read on its own (WXR 1.2).
DEFAULT_DECLARATIONS = {
    "excerpt": "http://wordpress.org/export/1.2/excerpt/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "wfw": "http://wellformedweb.org/CommentAPI/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "wp": "http://wordpress.org/export/1.2/",
}
# xmlns:prefix="uri" in the root element.
DECLARATION = re.compile(rb'xmlns:(?P<prefix>\w+)\s*=\s*["\'](?P<uri>[^"\']+)["\']')
# The encoding in the XML declaration: <?xml version="1.0" encoding="windows-1252"?>
XML_ENCODING = re.compile(rb'^\s*<\?xml[^>]*encoding\s*=\s*["\'](?P<name>[\w.:-]+)["\']')
# An item's title, found in its bytes when the item cannot be parsed.
CHUNK_TITLE = re.compile(rb"<title>(?:<!\[CDATA\[)?(?P<title>[^<\]]{1,200})")
# Characters XML 1.0 forbids (C0 controls but tab, LF, CR; U+FFFE, U+FFFF), as Word
# pastes leave them in post text.
ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Encodings expat reads by itself; others are decoded by Python (_Transcoded).
EXPAT_ENCODINGS = frozenset(("utf-8", "utf-16", "iso8859-1", "ascii"))
# Categories that mean "none".
NO_CATEGORY = frozenset(("uncategorized", "tak berkategori", "tidak berkategori", "umum"))
# Statuses of items never published on the old site.
UNPUBLISHED = frozenset(("draft", "pending", "auto-draft", "future", "trash", "inherit"))
# Accounts that are no person: never written as a release's author.
ACCOUNTS = frozenset(("admin", "administrator", "webmaster", "operator", "superadmin", "root"))
NO_DATE = "0000-00-00 00:00:00"
READ_BLOCK = 1 << 20


@dataclass
class RawItem:
    """An ``<item>``'s fields as strings: what a worker process needs to convert it."""

    position: int
    fields: dict[str, str] = field(default_factory=dict)
    categories: list[tuple[str, str]] = field(default_factory=list)  # (domain, name)
    meta: dict[str, str] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)  # what reading the XML met
    author_name: str | None = None  # the display name of dc:creator, from the export


@dataclass(slots=True)
class Attachment:
    url: str
    file: str  # the upload path WordPress keeps (_wp_attached_file): "2024/03/foto.jpg"


class WxrExport:
    """One export file: iterate :meth:`raw_items`, then read the tables it filled."""

    def __init__(self, path: Path, post_types: tuple[str, ...] = ("post",)) -> None:
        self.path = path
        self.post_types = post_types
        self.authors: dict[str, str] = {}  # login -> display name
        self.attachments: dict[str, Attachment] = {}
        self.notes: list[Note] = []
        self.base_url: str | None = None
        self.count = 0  # items read, attachments included
        self._declarations = dict(DEFAULT_DECLARATIONS)
        self._encoding = "utf-8"
        self._rewrite = False  # whether the XML declaration must be rewritten (_Transcoded)

    # -- reading --------------------------------------------------------------
    def raw_items(self) -> Iterator[RawItem]:
        """Every item but attachments (which fill :attr:`attachments`), in file order.

        Raises PressReleaseError-free: a file that is no XML at all yields nothing and
        leaves a note in :attr:`notes`.
        """
        done = 0
        try:
            with self.path.open("rb") as raw:
                head = raw.read(4096)
                self._sniff(head)
                raw.seek(0)
                stream = raw
                if self._encoding not in EXPAT_ENCODINGS or self._rewrite:
                    stream = _Transcoded(raw, self._encoding)
                for item in self._stream(stream):
                    done += 1
                    yield from self._keep(item)
            return
        except ET.ParseError as exc:
            line, column = exc.position
            reason = str(exc).split(":")[0]
            if done == 0 and self.count == 0 and not self._looks_like_wxr():
                self.notes.append(note("xml_unreadable", reason=str(exc)))
                return
            self.notes.append(note("xml_broken", line=line, column=column, reason=reason))
        except OSError as exc:
            self.notes.append(note("xml_unreadable", reason=exc.strerror or str(exc)))
            return
        for item in self._salvage(skip=done):
            yield from self._keep(item)

    def _keep(self, item: RawItem | Skipped) -> Iterator[RawItem | Skipped]:
        """Attachments go to the table; everything else is yielded."""
        if isinstance(item, RawItem) and item.fields.get("wp:post_type") == "attachment":
            self._attachment(item)
            return
        yield item

    def _sniff(self, head: bytes) -> None:
        for match in DECLARATION.finditer(head):
            self._declarations[match["prefix"].decode()] = match["uri"].decode()
        found = XML_ENCODING.match(head)
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            self._encoding = "utf-16"
            return
        if not found:
            return
        declared = found["name"].decode("ascii")
        try:
            self._encoding = codecs.lookup(declared).name
        except LookupError:
            self._encoding = "utf-8"
            self._rewrite = True  # expat would look the declared name up itself
            self.notes.append(note("encoding_unknown", declared=declared))

    def _looks_like_wxr(self) -> bool:
        try:
            with self.path.open("rb") as raw:
                return b"<item" in raw.read(1 << 16)
        except OSError:
            return False

    def _stream(self, stream) -> Iterator[RawItem]:
        channel = None
        in_item = False
        root = None
        for event, element in ET.iterparse(stream, events=("start", "end")):
            tag = element.tag
            if root is None:
                root = tag
                if tag != "rss":
                    reason = text("not_rss", tag=tag)
                    self.notes.append(note("xml_unreadable", reason=reason))
                    return
            if event == "start":
                if tag == "item":
                    in_item = True
                elif tag == "channel":
                    channel = element
            elif tag == "item":
                in_item = False
                self.count += 1
                yield self._named(_raw(element, self.count))
                element.clear()
                if channel is not None:
                    channel.clear()  # the items read so far: memory stays flat
            elif not in_item and channel is not None:
                self._channel_field(element)

    def _channel_field(self, element: ET.Element) -> None:
        """The export's own fields: its authors and the old site's address."""
        name = _prefix(element.tag)
        if name == "wp:author":
            login = _child_text(element, "wp:author_login")
            self.authors[login] = _child_text(element, "wp:author_display_name") or login
        elif name == "wp:base_blog_url" or (name == "link" and self.base_url is None):
            self.base_url = (element.text or "").strip() or self.base_url

    def _salvage(self, skip: int) -> Iterator[RawItem | Skipped]:
        """After a parse error: each ``<item>...</item>`` of the file read on its own."""
        opening = " ".join(f'xmlns:{p}="{u}"' for p, u in self._declarations.items())
        number = 0
        for chunk, complete in _item_chunks(self.path):
            number += 1
            if number <= skip:
                continue
            self.count += 1
            origin_position = number
            origin = f"{self.path.name}, item {origin_position}"
            if title := CHUNK_TITLE.search(chunk):
                origin += f" ({title['title'].decode('utf-8', 'replace')[:60]})"
            if not complete:
                reason = note("xml_item_broken", reason=text("cut_off"))
                yield Skipped(origin, reason)
                return
            decoded, notes = _decode_chunk(chunk, self._encoding)
            decoded = ILLEGAL_XML.sub("", decoded)
            try:
                wrapper = ET.fromstring(f"<salvage {opening}>{decoded}</salvage>")
            except ET.ParseError as exc:
                yield Skipped(origin, note("xml_item_broken", reason=str(exc)))
                continue
            element = wrapper.find("item")
            if element is None:
                continue
            raw = self._named(_raw(element, origin_position))
            raw.notes = notes
            yield raw

    def _named(self, raw: RawItem) -> RawItem:
        login = raw.fields.get("dc:creator", "").strip()
        raw.author_name = self.authors.get(login, login) or None
        return raw

    def _attachment(self, item: RawItem) -> None:
        post_id = item.fields.get("wp:post_id", "").strip()
        url = item.fields.get("wp:attachment_url", "").strip() or item.fields.get("guid", "")
        if post_id and url:
            self.attachments[post_id] = Attachment(url, item.meta.get("_wp_attached_file", ""))


def looks_like_wxr(path: Path) -> bool:
    """An ``.xml`` file, or any file opening as RSS (an export saved without its name)."""
    if path.suffix.lower() in (".xml", ".wxr"):
        return True
    try:
        with path.open("rb") as file:
            return b"<rss" in file.read(4096)
    except OSError:
        return False


def convert(
    raw: RawItem, source_name: str, post_types: tuple[str, ...] = ("post",)
) -> SourceItem | Skipped:
    """One item of an export as a release, or the reason it is not one."""
    fields = raw.fields
    origin = f"{source_name}, item {raw.position}"
    title = _clean_title(fields.get("title", ""))
    if title:
        origin = f"{origin} ({title[:60]})"
    link = fields.get("link", "").strip()
    guid = fields.get("guid", "").strip()
    keys = tuple(k for k in (guid, link) if k)
    kind = fields.get("wp:post_type", "post").strip() or "post"
    status = fields.get("wp:status", "publish").strip() or "publish"
    if kind == "page" and "page" not in post_types:
        return Skipped(origin, note("page"), keys)
    if kind not in post_types:
        return Skipped(origin, note("other_type", kind=kind), keys)
    if status == "private" or fields.get("wp:post_password", "").strip():
        return Skipped(origin, note("private"), keys)
    if status in UNPUBLISHED or status != "publish":
        return Skipped(origin, note("draft", status=status), keys)

    content, gallery, notes = expand_shortcodes(fields.get("content:encoded", ""))
    notes = raw.notes + notes
    converted = html_to_text(content, autop=True)
    notes += converted.notes
    if not converted.text.strip():
        return Skipped(origin, note("empty"), keys)
    item = SourceItem(origin=origin, keys=keys, old_url=link or None, title=title or None)
    item.body = converted.text
    item.notes = notes
    item.date, item.date_has_time = _date(fields)
    if item.date is None:
        item.notes.append(note("no_date"))
    if not title:
        item.notes.append(note("no_title"))
    categories = [name for domain, name in raw.categories if domain == "category" and name]
    categories = [c for c in categories if c.casefold() not in NO_CATEGORY]
    tags = [name for domain, name in raw.categories if domain == "post_tag" and name]
    if categories:
        item.category = categories[0]
        if len(categories) > 1:
            item.notes.append(
                note("more_categories", first=categories[0], others=", ".join(categories[1:]))
            )
            tags = categories[1:] + tags
    item.tags = list(dict.fromkeys(tags))
    login = fields.get("dc:creator", "").strip()
    if login and login.casefold() not in ACCOUNTS and raw.author_name:
        item.author = raw.author_name
    excerpt = fields.get("excerpt:encoded", "")
    if excerpt.strip():
        item.summary = " ".join(html_to_text(excerpt, autop=True).text.split()) or None
    item.slug_hint = unquote(fields.get("wp:post_name", "")).strip() or None
    if thumbnail := item_meta(raw, "_thumbnail_id"):
        item.photos.append(Photo(attachment_id=thumbnail))
    item.photos.extend(converted.photos)
    item.photos.extend(Photo(attachment_id=i) for i in gallery)
    return item


def item_meta(raw: RawItem, key: str) -> str | None:
    value = raw.meta.get(key, "").strip()
    return value or None


def _date(fields: dict[str, str]) -> tuple[datetime | None, bool]:
    """The post's local date (wp:post_date), else the feed's pubDate as written."""
    local = fields.get("wp:post_date", "").strip()
    if local and local != NO_DATE:
        try:
            return datetime.fromisoformat(local), True  # "2024-03-12 09:30:00"
        except ValueError:
            pass
    published = fields.get("pubDate", "").strip()
    if published:
        try:
            return parsedate_to_datetime(published).replace(tzinfo=None), True
        except (TypeError, ValueError, IndexError):
            pass
    return None, False


def _clean_title(value: str) -> str:
    """A title as shown: entities decoded (WordPress escapes them twice), tags removed."""
    text = html.unescape(value)
    if "<" in text:
        text = html_to_text(text).text
    return " ".join(text.split())


def _prefix(tag: str) -> str:
    """``{http://wordpress.org/export/1.2/}post_id`` -> ``wp:post_id``."""
    if not tag.startswith("{"):
        return tag
    uri, _, local = tag[1:].partition("}")
    if uri.startswith("http://wordpress.org/export/") and uri.rstrip("/").endswith("excerpt"):
        return f"excerpt:{local}"
    for start, prefix in NAMESPACES:
        if uri.startswith(start):
            return f"{prefix}:{local}"
    return local


def _child_text(element: ET.Element, name: str) -> str:
    for child in element:
        if _prefix(child.tag) == name:
            return (child.text or "").strip()
    return ""


def _raw(element: ET.Element, position: int) -> RawItem:
    raw = RawItem(position)
    for child in element:
        name = _prefix(child.tag)
        if name == "category":
            raw.categories.append((child.get("domain", ""), " ".join((child.text or "").split())))
        elif name == "wp:postmeta":
            raw.meta[_child_text(child, "wp:meta_key")] = _child_text(child, "wp:meta_value")
        elif name != "wp:comment":  # comments (with readers' e-mail and IP) never travel
            raw.fields[name] = child.text or ""
    return raw


def _item_chunks(path: Path) -> Iterator[tuple[bytes, bool]]:
    """``(bytes of one <item>...</item>, complete)`` for each item of the file, read in
    blocks: the last one is incomplete when the file was cut off inside it."""
    buffer = b""
    with path.open("rb") as raw:
        while True:
            block = raw.read(READ_BLOCK)
            buffer += block
            while True:
                start = buffer.find(b"<item>")
                if start < 0:
                    buffer = buffer[-8:]
                    break
                end = buffer.find(b"</item>", start)
                if end < 0:
                    buffer = buffer[start:]
                    break
                yield buffer[start : end + 7], True
                buffer = buffer[end + 7 :]
            if not block:
                if buffer.startswith(b"<item>"):
                    yield buffer, False
                return


def _decode_chunk(chunk: bytes, encoding: str) -> tuple[str, list[Note]]:
    """An item's text; bytes that are not `encoding` read as Windows-1252 (Word's
    quotes and dashes pasted into a UTF-8 site), with a note."""
    try:
        return chunk.decode(encoding), []
    except UnicodeDecodeError:
        return chunk.decode(encoding, errors=CP1252_FALLBACK), [
            note("replaced_bytes", encoding=encoding)
        ]


def _as_cp1252(error: UnicodeDecodeError) -> tuple[str, int]:
    """Codec error handler: the bytes that failed, read as Windows-1252."""
    bad = error.object[error.start : error.end]
    return bad.decode("cp1252", errors="replace"), error.end


CP1252_FALLBACK = "press-release-cp1252"
codecs.register_error(CP1252_FALLBACK, _as_cp1252)


class _Transcoded:
    """A binary stream of a file in an encoding expat cannot read, re-encoded as UTF-8
    (its XML declaration saying so), decoded block by block."""

    def __init__(self, raw, encoding: str) -> None:
        self._raw = raw
        self._decoder = codecs.getincrementaldecoder(encoding)(errors=CP1252_FALLBACK)
        self._first = True

    def read(self, size: int = -1) -> bytes:
        block = self._raw.read(size if size and size > 0 else READ_BLOCK)
        text = self._decoder.decode(block, final=not block)
        if self._first:
            self._first = False
            text = re.sub(r'^(\s*<\?xml[^>]*encoding\s*=\s*["\'])[\w.:-]+', r"\1UTF-8", text)
        return text.encode("utf-8")
