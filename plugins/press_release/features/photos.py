"""Photos in the build: each published release gets its photos before pages are drawn.

Once the articles are final (``article_generator_finalized``), ``add_photos``:

1. lists the folders holding release files, published or not (one listing per folder:
   a site without photos costs that and nothing per release);
2. hands the photo step (``photos.build_photos``) the published releases that have
   photos or whose header describes one; drafts, hidden, scheduled and skipped
   releases only lend their names, so that their photos are neither published nor
   reported as photos of no release;
3. runs that step through the build's ``background`` (at once in the core; the speed
   layer may run it in a second process while the rest of the build is read, and
   applies the result before any page is drawn);
4. gives each release with photos what its templates draw (``article.photos``, plain
   values: see ``photo_values``; an empty tuple for the others) and its body in two
   parts (``article.photo_lead``, the lead paragraph, and ``article.photo_body``, the
   rest), the caption lines shown with a photo taken out of the body; warnings go to
   the build report and the log as author messages (``report.warn``, ``report.skip``).

Feeds carry each release's lead photo as an enclosure (``add_enclosures``, on
``feed_generated``). Everything of one build lives in its BuildState.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from feedgenerator import Enclosure

from ..messages import Message
from ..photos.files import find_photos, list_images, prune
from ..photos.find import ORPHAN_WARNING
from ..photos.settings import photo_settings
from ..state import STATE_KEY, BuildState
from . import report

if TYPE_CHECKING:
    from ..photos.build import PublishedPhoto, SitePhotos

# The reader's field holding a release's photo header lines ("Alt 2: ...").
PHOTO_HEADER = "photo_header"
# The markup the parser opens a caption line and the lead with (parse/render.py): a
# release body is its caption lines, one per line, then the lead: a paragraph, or a list.
CAPTION_LINE = '<p class="pr-caption">'
LEAD = re.compile(r'<(?P<tag>p|ul|ol) class="pr-lead">')  # the lead block's opening tag


@dataclass(frozen=True)
class ArticleText:
    """What captions need of a release (photos.captions.CaptionSource), from its article."""

    captions: list[str]
    credits: list[str]
    header: dict[str, str]

    @classmethod
    def of(cls, article) -> ArticleText:
        metadata = article.metadata
        return cls(
            list(metadata.get("captions") or ()),
            list(metadata.get("credits") or ()),
            dict(metadata.get(PHOTO_HEADER) or {}),
        )


class ReleaseTexts(Mapping):
    """Release path -> ArticleText, made only for the releases the photo step asks for."""

    def __init__(self, articles: dict[str, object]):
        self._articles = articles

    def __getitem__(self, path) -> ArticleText:
        return ArticleText.of(self._articles[os.fspath(path)])

    def __iter__(self) -> Iterator[str]:
        return iter(self._articles)

    def __len__(self) -> int:
        return len(self._articles)


def add_photos(generator) -> None:
    """`article_generator_finalized`: the photos of the published releases, found,
    processed (or taken from the cache) and given to their articles."""
    published = [*generator.articles, *generator.translations]
    for article in published:
        # Every release has its photos, none by default: a template asking a release
        # without the attribute would cost two exceptions (Jinja tries an item next).
        article.photos = ()
    settings = photo_settings(generator.settings)
    if not settings.enabled:
        return
    state = BuildState.of(generator.settings)
    content, output = generator.path, generator.output_path
    folders = {article.source_path.rpartition(os.sep)[0] for article in published}
    headed = [a.source_path for a in published if PHOTO_HEADER in a.metadata]
    if not list_images({Path(folder) for folder in folders}) and not headed:
        prune(Path(output) / settings.output, set())  # photos of an earlier build go
        return  # a site without photos: a listing per folder, nothing per release
    articles = {article.source_path: article for article in published}
    found = find_photos(content, [*articles, *unpublished_files(state, content)])
    wanted = {p for p, files in found.by_release.items() if files and os.fspath(p) in articles}
    chosen = {os.fspath(p): articles[os.fspath(p)] for p in wanted}
    chosen.update((path, articles[path]) for path in headed)
    releases = ReleaseTexts(chosen)
    owners = {
        os.fspath(photo): os.fspath(path) for path, files in found.by_release.items()
        for photo in files
    }  # fmt: skip
    generator.context[STATE_KEY] = state  # feed_generated hands receivers the context

    def work() -> SitePhotos:
        # Processing (Pillow) is loaded only by a site with photos.
        from ..photos.build import build_photos

        return build_photos(content, output, releases, settings, found)

    def then(result: SitePhotos) -> None:
        give_photos(state, content, output, chosen, result)
        tell_authors(state, content, owners, result)

    state.background(work, then)


def unpublished_files(state: BuildState, content: str) -> list[str]:
    """The files of releases not published in this build (kept back, skipped), from
    the build report: they own their photos, which are not published."""
    shown = (report.PUBLISHED, report.WARNED)
    return [
        os.path.join(content, *source.split("/"))
        for source, entry in state.records.items()
        if entry["status"] not in shown and entry.get("kind") != "photo"
    ]


def give_photos(
    state: BuildState, content: str, output: str, articles: dict[str, object], result: SitePhotos
) -> None:
    """Each release's photos on its article, and its lead photo for the feeds."""
    for relative, shown in result.by_release.items():
        if not shown:
            continue
        article = articles[os.path.join(content, relative)]
        article.photos = tuple(photo_values(photo) for photo in shown)
        lines = {photo.photo.line for photo in shown if photo.photo.line is not None}
        article.photo_lead, article.photo_body = split_body(article.content, lines)
        lead = shown[0]
        size = _size(Path(output) / lead.src)
        state.photos[article.url] = (lead.src, size, lead.sources[-1].mime)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def tell_authors(state: BuildState, content: str, owners: dict[str, str], result: SitePhotos):
    """Each warning of the photo step once, for the author: on its release's record
    (naming the photo file), or a photo of no release as a skipped file."""
    for relative, notes in sorted(result.warnings.items()):
        name = relative.as_posix()
        owner = owners.get(os.path.join(content, relative))
        for note in notes:
            if note == ORPHAN_WARNING:
                report.skip(state, name, note)
            elif owner is None:  # the release file itself (a header line)
                report.warn(state, name, note)
            else:
                release = Path(os.path.relpath(owner, content)).as_posix()
                report.warn(
                    state, release, Message("photo %(name)s: %(warning)s", name=name, warning=note)
                )


def photo_values(photo: PublishedPhoto) -> dict:
    """What the templates draw of one photo, as plain values (the speed layer's page
    keys describe them; partials/release/picture.html reads them)."""
    fallback = photo.sources[-1]
    full = photo.full
    values = {
        "lead": photo.lead,
        "caption": photo.caption,
        "credit": photo.credit,
        "alt": photo.alt,
        "width": photo.width,
        "height": photo.height,
        "src": photo.src,
        "type": fallback.mime,
        "srcset": tuple((photo.url(v), v.width) for v in fallback.variants),
        "sources": tuple(
            {"type": s.mime, "srcset": tuple((photo.url(v), v.width) for v in s.variants)}
            for s in photo.sources[:-1]
        ),
        "sizes": photo.sizes,
        "loading": photo.loading,
        "fetchpriority": photo.fetchpriority,
        "full": {"url": photo.url(full), "width": full.width, "height": full.height},
        "social": None,
    }
    if photo.social is not None:
        social = photo.social
        values["social"] = {
            "url": photo.url(social),
            "width": social.width,
            "height": social.height,
        }
    return values


def split_body(content: str, shown: set[int]) -> tuple[str, str]:
    """A release body as (its caption lines not shown with a photo and its lead
    paragraph or list, the rest): a page with a lead photo draws the photo, the lead,
    then the release's details, then the rest. `shown`: indexes of the caption lines
    drawn with a photo. A body of another shape is all in the second part."""
    lines = content.split("\n")
    count = 0
    while count < len(lines) and lines[count].startswith(CAPTION_LINE):
        count += 1
    kept = [line for index, line in enumerate(lines[:count]) if index not in shown]
    rest = "\n".join(lines[count:])
    lead = LEAD.match(rest)
    if lead is None:
        return "\n".join(kept), rest
    end = rest.find(f"</{lead['tag']}>") + len(lead["tag"]) + 3  # text is escaped: no "<"
    return "\n".join([*kept, rest[:end]]), rest[end:].lstrip("\n")


def add_enclosures(context, feed) -> None:
    """`feed_generated`: each entry of a release with photos carries its lead photo."""
    state = context.get(STATE_KEY)
    if state is None or not state.photos:
        return
    site = (context.get("SITEURL") or "").rstrip("/")
    for item in feed.items:
        link = item["link"].removesuffix("?ref=feed")
        url = link[len(site) + 1 :] if site and link.startswith(site + "/") else link
        found = state.photos.get(url)
        if found is not None:
            src, length, mime = found
            item["enclosures"] = [Enclosure(f"{site}/{src}", str(length), mime)]
