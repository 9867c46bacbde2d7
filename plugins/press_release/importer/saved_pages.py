"""Article extraction from saved web pages: a browser's "Save page as", a wget or HTTrack
mirror of the old portal.

Each field is found by a flat sequence of small steps, each returning a value or None,
tried top to bottom (the page's own declarations first, its markup next):

- title: JSON-LD ``headline``, the post title's usual classes, ``og:title``, the
  ``<title>`` without the site's name;
- date: JSON-LD ``datePublished``, ``article:published_time`` and other date metas,
  ``<time datetime>``, then an Indonesian date in the post's meta line;
- category: JSON-LD ``articleSection``, ``article:section``, WordPress's
  ``rel="category tag"`` links, then the breadcrumb's last step before the title;
- body: the content container of common WordPress themes and CMSs
  (``itemprop="articleBody"``, ``.entry-content``, ``.td-post-content``, ``.isi-berita``
  ...), else ``<article>``, else the block with the most paragraph text (text density);
  menus, sidebars, share widgets, comments, breadcrumbs and related-news lists are
  removed first;
- old URL: ``<link rel="canonical">``, ``og:url``, JSON-LD ``url``, the address a
  browser or HTTrack noted in the page, else the path in the mirror.

A page that lists articles (an archive, a category, the home page) is no article: it
is skipped with the number of teasers it holds.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from urllib.parse import quote, urljoin

from bs4 import BeautifulSoup, Comment, ParserRejectedMarkup, Tag

from ..parse import parse_text
from ..parse.dates import find_date
from .html_text import html_to_text, image_source
from .messages import Note, note, text
from .model import Photo, Skipped, SourceItem
from .wxr import ACCOUNTS, CP1252_FALLBACK

PAGE_SUFFIXES = frozenset((".html", ".htm", ".shtml", ".xhtml", ".php", ".asp", ".aspx", ".jsp"))
# Folders of a mirror that hold no pages: a browser's "NAME_files", HTTrack's cache.
SKIPPED_FOLDERS = re.compile(r"(?:_files|_berkas|hts-cache|wp-content|wp-includes|assets)$")
MAX_PAGE_BYTES = 20_000_000
# charset in <meta charset="..."> or <meta http-equiv="Content-Type" content="...; charset=...">
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?(?P<name>[\w.:-]+)""", re.I)
# The address a browser notes in a saved page: <!-- saved from url=(0071)https://... -->
SAVED_FROM = re.compile(r"saved from url=\(\d+\)(?P<url>\S+)", re.I)
# HTTrack's note: <!-- Mirrored from humas.example.go.id/berita/x.html by HTTrack ... -->
MIRRORED_FROM = re.compile(r"Mirrored from (?P<url>\S+) by HTTrack", re.I)
# Class or id words of page chrome: navigation, sharing, comments, related news...
CHROME = re.compile(
    r"(?i)(?:^|[-_ ])(?:"
    r"nav|navbar|navigation|menu|breadcrumbs?|sidebar|widgets?|share|sharing|sharedaddy"
    r"|social|sosmed|addtoany|a2a|related|terkait|jp-relatedposts|comments?|komentar"
    r"|respond|pagination|paging|post-nav|prev|next|author-box|about-author|newsletter"
    r"|subscribe|advert|ads|iklan|banner|popular|populer|terpopuler|trending|footer"
    r"|tags|tag-links|post-tags|meta-tags|baca-juga|bacajuga|print|cookie"
    r")(?:$|[-_ ])"
)
CHROME_TAGS = ("nav", "aside", "footer", "form", "header", "menu", "noscript", "script", "style")
CHROME_ROLES = frozenset(("navigation", "complementary", "banner", "contentinfo", "search"))
# Containers of the post's text in common WordPress themes and Indonesian portal CMSs.
BODY_SELECTORS = (
    "[itemprop=articleBody]",
    ".entry-content",
    ".td-post-content",
    ".content-inner",
    ".post-content",
    ".article-content",
    ".article-body",
    ".single-content",
    ".post-body",
    ".news-content",
    ".detail-content",
    ".content-detail",
    ".detail-berita",
    ".isi-berita",
    ".isi_berita",
    ".berita-content",
    ".post-entry",
    ".entry",
)
ANY_BODY = ",".join(BODY_SELECTORS)
TITLE_SELECTORS = (
    "h1.entry-title", "h1.post-title", "h1.jeg_post_title", ".td-post-title h1",
    "h1.title", "h1.judul", "article h1", "main h1",
)  # fmt: skip
FEATURED_SELECTORS = (
    "img.wp-post-image", ".post-thumbnail img", ".featured-image img", ".jeg_featured img",
    ".td-post-featured-image img", "figure.hero img", ".single-featured img",
    ".blog_item_img img", ".post-image img", ".news-image img", ".foto-berita img",
    "article figure img",
)  # fmt: skip
# Elements after a body container that still belong to it when broken HTML closed the
# container too early ("</div>" before the last paragraphs).
TRAILING_TAGS = frozenset(("p", "blockquote", "ul", "ol"))
DATE_METAS = (
    ("property", "article:published_time"), ("itemprop", "datePublished"),
    ("name", "pubdate"), ("name", "publishdate"), ("name", "date"),
    ("name", "DC.date.issued"), ("property", "og:published_time"),
)  # fmt: skip
# Class words of the line that shows a post's date.
DATE_CLASSES = re.compile(r"(?i)date|tanggal|time|posted|published|meta")
# Separators between a title and the site's name in <title>.
TITLE_SEPARATORS = re.compile(r"\s+[|\-–—»:]\s+")
ARTICLE_TYPES = frozenset(("Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle"))
LISTING_TYPES = frozenset(("CollectionPage", "ItemList", "SearchResultsPage"))
# WordPress's body classes of pages that list posts.
LISTING_BODY = frozenset(("archive", "category", "tag", "search", "blog", "home", "paged", "date"))
HOME_CRUMBS = frozenset(("home", "beranda", "index", "halaman utama", "depan"))
# A block whose links hold more of its text than this is a list of links, not prose.
LINK_DENSITY = 0.5
MIN_BODY_CHARS = 80


def page_files(folder: Path) -> Iterator[Path]:
    """The pages of a saved folder or mirror, in a stable order."""
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).parts
        if any(part.startswith(".") or SKIPPED_FOLDERS.search(part) for part in relative[:-1]):
            continue
        if not path.is_file():
            continue
        suffix = path.suffix.lower()
        if suffix in PAGE_SUFFIXES or (not suffix and _sniff_html(path)):
            yield path


def _sniff_html(path: Path) -> bool:
    try:
        with path.open("rb") as file:
            head = file.read(1024).lower()
    except OSError:
        return False
    return b"<html" in head or b"<!doctype html" in head


def decode(raw: bytes) -> tuple[str, list[Note]]:
    """A page's text: its BOM, else its declared charset, else UTF-8, else Windows-1252."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):  # fmt: skip
        if raw.startswith(bom):
            return raw.decode(name, errors="replace"), []
    notes: list[Note] = []
    declared = META_CHARSET.search(raw[:4096])
    if declared:
        name = declared["name"].decode("ascii", "replace")
        try:
            return raw.decode(codecs.lookup(name).name), []
        except LookupError:
            notes.append(note("encoding_unknown", declared=name))
        except UnicodeDecodeError:
            notes.append(note("encoding_wrong", declared=name))
    try:
        return raw.decode("utf-8"), notes
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), notes + [note("encoding_guessed")]
    except UnicodeDecodeError:
        return raw.decode("utf-8", errors=CP1252_FALLBACK), notes + [
            note("replaced_bytes", encoding="UTF-8")
        ]


def extract(path: Path, root: Path, base_url: str | None = None) -> SourceItem | Skipped:
    """The article of one saved page, or the reason there is none."""
    origin = str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return Skipped(origin, note("unreadable", reason=exc.strerror or str(exc)))
    if len(raw) > MAX_PAGE_BYTES:
        reason = text("too_large", size=f"{len(raw) / 1e6:.0f}")
        return Skipped(origin, note("unreadable", reason=reason))
    page_text, notes = decode(raw)
    try:
        soup = BeautifulSoup(page_text, "html.parser")
    except (ParserRejectedMarkup, AssertionError, ValueError, RecursionError) as exc:
        return Skipped(origin, note("unreadable", reason=str(exc)[:200]))
    if soup.find(["html", "body", "p", "div", "article"]) is None:
        return Skipped(origin, note("not_html"))
    records = json_ld(soup)
    article = next((r for r in records if _types(r) & ARTICLE_TYPES), None)
    old_url = page_url(soup, page_text, path, root, base_url, article)
    keys = (old_url,) if old_url else (f"page:{origin}",)
    teasers = listing_teasers(soup, records, article)
    if teasers:
        return Skipped(origin, note("listing", count=teasers), keys)
    title, strong_title = find_title(soup, article)
    date, has_time = find_date_of(soup, article)
    category = find_category(soup, article, title)
    tags = find_tags(soup, article)
    author = find_author(soup, article)
    featured = featured_photos(soup, article)
    body = find_body(soup)
    if body is None:
        return Skipped(origin, note("no_article"), keys)
    converted = html_to_text(body)
    for extra in trailing_paragraphs(body):
        more = html_to_text(extra)
        converted.text = "\n\n".join(t for t in (converted.text, more.text) if t)
        converted.photos += more.photos
        converted.notes += more.notes
    body_text = _without_title(converted.text, title)
    if not strong_title and (found := title_in_text(body_text)):
        # Only the <title> element named the page: the body's own first lines hold the
        # title (and the date line), as an author's paste has them.
        title, date_line, body_text = found
        if date is None and date_line and (in_line := find_date(date_line)):
            date, has_time = in_line.value, in_line.has_time
    if not body_text.strip():
        return Skipped(origin, note("only_title" if title else "no_article"), keys)
    item = SourceItem(origin=origin, keys=keys, old_url=old_url, title=title)
    item.body = body_text
    item.notes = notes + converted.notes
    item.date, item.date_has_time = date, has_time
    if date is None:
        item.notes.append(note("no_date"))
    if not title:
        item.notes.append(note("no_title"))
    item.category, item.tags = category, tags
    if author and author.casefold() not in ACCOUNTS:
        item.author = author
    item.photos = featured + converted.photos
    return item


# -- declarations -----------------------------------------------------------------
def json_ld(soup: BeautifulSoup) -> list[dict]:
    """Every JSON-LD object of the page, ``@graph`` members included."""
    found: list[dict] = []
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except ValueError:
            continue
        stack = [data]
        while stack:
            value = stack.pop()
            if isinstance(value, list):
                stack.extend(reversed(value))
            elif isinstance(value, dict):
                found.append(value)
                if isinstance(value.get("@graph"), list):
                    stack.extend(reversed(value["@graph"]))
    return found


def _types(record: dict) -> set[str]:
    kind = record.get("@type", ())
    return {kind} if isinstance(kind, str) else {k for k in kind if isinstance(k, str)}


def _meta(soup: BeautifulSoup, attribute: str, name: str) -> str | None:
    tag = soup.find("meta", attrs={attribute: name})
    value = tag.get("content") if tag else None
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _text(value) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@id") or value.get("url")
    return " ".join(str(value).split()) or None if value else None


def page_url(soup, text: str, path: Path, root: Path, base_url: str | None,
             article: dict | None) -> str | None:  # fmt: skip
    """The page's address on the old site."""
    link = soup.find("link", rel="canonical")
    for candidate in (
        link.get("href") if link else None,
        _meta(soup, "property", "og:url"),
        _text(article.get("url") or article.get("mainEntityOfPage")) if article else None,
    ):
        if isinstance(candidate, str) and candidate.startswith(("http://", "https://")):
            return candidate.strip()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        if found := SAVED_FROM.search(comment):
            return found["url"]
        if found := MIRRORED_FROM.search(comment):
            url = found["url"]
            return url if "://" in url else f"https://{url}"
    return _mirror_url(path, root, base_url)


def _mirror_url(path: Path, root: Path, base_url: str | None) -> str | None:
    """A wget mirror keeps the host as its first folder: host/berita/x/index.html."""
    if not path.is_relative_to(root):
        return None
    parts = list(path.relative_to(root).parts)
    if parts[-1].lower() in ("index.html", "index.htm"):
        parts[-1] = ""
    if base_url:
        return urljoin(base_url.rstrip("/") + "/", quote("/".join(parts)))
    if len(parts) > 1 and "." in parts[0] and " " not in parts[0]:
        return f"https://{parts[0]}/" + quote("/".join(parts[1:]))
    return None


def listing_teasers(soup: BeautifulSoup, records: list[dict], article: dict | None) -> int:
    """The number of article teasers of a page that lists articles; 0 for an article."""
    body = soup.find("body")
    classes = set(body.get("class", [])) if body else set()
    if article is not None or "single" in classes or "single-post" in classes:
        return 0
    teasers = len(soup.find_all("article"))
    headings = [h for h in soup.find_all(["h2", "h3"]) if h.find("a", href=True)]
    listing = (
        any(_types(r) & LISTING_TYPES for r in records) or classes & LISTING_BODY or teasers >= 3
    )
    if listing:
        return max(teasers, len(headings), 1)
    return 0


# -- fields -----------------------------------------------------------------------
def find_title(soup: BeautifulSoup, article: dict | None) -> tuple[str | None, bool]:
    """The title, and whether the page declares it (False: only its <title> says it)."""
    if article and (headline := _text(article.get("headline") or article.get("name"))):
        return headline, True
    for selector in TITLE_SELECTORS:
        if (tag := soup.select_one(selector)) and (value := " ".join(tag.get_text(" ").split())):
            return value, True
    site = _meta(soup, "property", "og:site_name")
    if (value := _meta(soup, "property", "og:title")) and (cleaned := _without_site(value, site)):
        return cleaned, True
    if soup.title and (cleaned := _without_site(soup.title.get_text(), site)):
        return cleaned, False
    return None, False


def title_in_text(text: str) -> tuple[str, str | None, str] | None:
    """``(title, date line, the text without them)`` when the reader finds a title among
    the first lines of `text`: a page whose markup does not say which is its title."""
    release = parse_text(text)
    lines = text.split("\n")
    if not release.title or release.title not in lines[:3]:
        return None
    date_line = release.header.get("_meta_date")
    top = {release.title, date_line}
    rest = [line for index, line in enumerate(lines) if index >= 4 or line not in top]
    return release.title, date_line, "\n".join(rest).strip("\n")


def _without_site(title: str, site: str | None) -> str:
    """ "Banjir Rendam Samarinda – Humas Kaltim" -> "Banjir Rendam Samarinda"."""
    title = " ".join(title.split())
    if site and title.endswith(site) and len(title) > len(site):
        return TITLE_SEPARATORS.split(title[: -len(site)].rstrip())[0].strip(" -|–—»:")
    parts = TITLE_SEPARATORS.split(title)
    return max(parts, key=len) if len(parts) > 1 else title


def _iso(value: str | None) -> tuple[datetime | None, bool]:
    if not value:
        return None, False
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        found = find_date(value)
        return (found.value, found.has_time) if found else (None, False)
    return parsed.replace(tzinfo=None), len(value.strip()) > 10  # the old site's wall time


def find_date_of(soup: BeautifulSoup, article: dict | None) -> tuple[datetime | None, bool]:
    if article and (found := _iso(_text(article.get("datePublished"))))[0]:
        return found
    for attribute, name in DATE_METAS:
        if (found := _iso(_meta(soup, attribute, name)))[0]:
            return found
    for time in soup.find_all("time"):
        value = time.get("datetime") or time.get_text(" ")
        if (found := _iso(value if isinstance(value, str) else None))[0]:
            return found
    for tag in soup.find_all(class_=DATE_CLASSES, limit=20):
        line = " ".join(tag.get_text(" ").split())
        if len(line) < 120 and (found := find_date(line)):
            return found.value, found.has_time
    return None, False


def find_category(soup: BeautifulSoup, article: dict | None, title: str | None) -> str | None:
    if article and (section := _text(article.get("articleSection"))):
        return section
    if section := _meta(soup, "property", "article:section"):
        return section
    link = soup.find("a", rel=lambda r: r and "category" in r)
    if link and (name := " ".join(link.get_text(" ").split())):
        return name
    return _breadcrumb_category(soup, title)


def _breadcrumb_category(soup: BeautifulSoup, title: str | None) -> str | None:
    trail = soup.find(class_=re.compile(r"(?i)breadcrumb")) or soup.find(
        id=re.compile(r"(?i)breadcrumb")
    )
    if trail is None:
        return None
    steps = [" ".join(a.get_text(" ").split()) for a in trail.find_all(["a", "span", "li"])]
    steps = [
        s for s in dict.fromkeys(steps) if s and len(s) < 60 and s.casefold() not in HOME_CRUMBS
    ]
    steps = [s for s in steps if not title or s.casefold() != title.casefold()]
    return steps[-1] if steps else None


def find_tags(soup: BeautifulSoup, article: dict | None) -> list[str]:
    tags = [
        t["content"].strip()
        for t in soup.find_all("meta", property="article:tag")
        if t.get("content")
    ]
    if not tags:
        tags = [
            " ".join(a.get_text(" ").split())
            for a in soup.find_all("a", rel=lambda r: r and "tag" in r and "category" not in r)
        ]
    if not tags and article and isinstance(keywords := article.get("keywords"), str | list):
        tags = keywords.split(",") if isinstance(keywords, str) else [str(k) for k in keywords]
    return list(dict.fromkeys(t.strip() for t in tags if t.strip()))


def find_author(soup: BeautifulSoup, article: dict | None) -> str | None:
    if article and (name := _text(article.get("author"))) and not name.startswith("http"):
        return name
    return _meta(soup, "name", "author")


def featured_photos(soup: BeautifulSoup, article: dict | None) -> list[Photo]:
    """The lead photo: the page's featured image, then its declared image."""
    photos = []
    for selector in FEATURED_SELECTORS:
        if (img := soup.select_one(selector)) and (source := image_source(img)):
            photos.append(Photo(ref=source, alt=str(img.get("alt", ""))))
            break
    declared = _meta(soup, "property", "og:image")
    if not declared and article:
        declared = _text(article.get("image"))
    if declared:
        photos.append(Photo(ref=declared))
    return photos


# -- the body -----------------------------------------------------------------------
def remove_chrome(root: Tag) -> None:
    """Drop navigation, sidebars, sharing, comments, related lists from the tree."""
    for tag in root.find_all(CHROME_TAGS):
        tag.decompose()
    for tag in root.find_all(True):
        if tag.decomposed or tag.attrs is None:
            continue
        words = " ".join([*tag.get("class", []), str(tag.get("id", ""))])
        chrome = (words and CHROME.search(words)) or tag.get("role") in CHROME_ROLES
        if chrome and not tag.select_one(ANY_BODY):  # never the post's own container
            tag.decompose()


def find_body(soup: BeautifulSoup) -> Tag | None:
    """The element holding the post's text, chrome removed."""
    root = soup.body or soup
    for selector in BODY_SELECTORS:
        for candidate in root.select(selector):
            remove_chrome(candidate)
            if len(candidate.get_text(" ", strip=True)) >= MIN_BODY_CHARS:
                return candidate
    remove_chrome(root)
    articles = root.find_all("article")
    if len(articles) == 1 and len(articles[0].get_text(" ", strip=True)) >= MIN_BODY_CHARS:
        return articles[0]
    return densest_block(root)


def trailing_paragraphs(body: Tag) -> list[Tag]:
    """Paragraphs right after the body container, cut off from it by broken HTML."""
    found = []
    for sibling in body.next_siblings:
        if isinstance(sibling, Tag):
            if sibling.name not in TRAILING_TAGS:
                break
            remove_chrome(sibling)
            found.append(sibling)
        elif str(sibling).strip() and not isinstance(sibling, Comment):
            break
    return found


def densest_block(root: Tag) -> Tag | None:
    """The block whose paragraphs hold the most text (its links not counted), with half
    a paragraph's weight to the block above it (Readability's scoring)."""
    scores: dict[int, float] = {}
    blocks: dict[int, Tag] = {}
    for paragraph in root.find_all(["p", "br"]):
        holder = paragraph.parent if paragraph.name == "p" else paragraph.parent
        if holder is None:
            continue
        text = paragraph.get_text(" ", strip=True) if paragraph.name == "p" else ""
        weight = len(text) or 20  # a <br> marks text split by line breaks
        for share, block in ((1.0, holder), (0.5, holder.parent)):
            if block is None:
                continue
            blocks[id(block)] = block
            scores[id(block)] = scores.get(id(block), 0.0) + weight * share
    best = None
    for key in sorted(scores, key=scores.get, reverse=True):
        block = blocks[key]
        text = block.get_text(" ", strip=True)
        if len(text) < MIN_BODY_CHARS:
            continue
        links = sum(len(a.get_text(" ", strip=True)) for a in block.find_all("a"))
        if links / len(text) <= LINK_DENSITY:
            best = block
            break
    return best


def _without_title(text: str, title: str | None) -> str:
    """The body without the title repeated as its first paragraph."""
    if not title:
        return text
    first, _, rest = text.partition("\n\n")
    if " ".join(first.split()).casefold() == " ".join(title.split()).casefold():
        return rest
    return text
