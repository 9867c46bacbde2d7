"""The adapter the site build calls: release files in, published photos out.

``build_photos(content, output, releases, settings)`` finds the photos of every release,
attaches captions, processes the photos not in the cache (on every core), puts their
files into ``output/<PRESS_RELEASE_PHOTOS_OUTPUT>/`` (and takes out of that folder the
files of photos no longer published: a release turned back into a draft keeps no photo
online) and returns, per release, what a template needs for ``<picture>``, ``srcset``,
``sizes``, ``width`` and ``height`` and the link preview, and per file the warnings to
show the author. All state of one run lives in a ``PhotoRun``.

The build passes the published releases only, with the files of the others found
beforehand (``find_photos`` over every release file), so that a draft's photos are
neither published nor reported as photos of no release.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..messages import Message
from . import batch
from .cache import Manifest, PhotoCache, Variant
from .captions import CaptionSource, Photo, attach_captions, header_without_photo
from .files import find_photos, prune
from .find import ORPHAN_WARNING, FoundPhotos
from .process import size_warning
from .settings import PhotoSettings

MISSING_TEXT_WARNING = Message(
    "no caption or alt text: add a caption line above the dateline, or 'Alt: ...' (and "
    "'Keterangan Foto: ...') in the header, so that readers who cannot see it know what "
    "it shows"
)
LINKED_WARNING = Message(
    "the photo file is a link (a symbolic link in content/): links are not followed and "
    "the photo is not published; copy the photo itself next to its release"
)


def unreadable_warning(reason: str | None) -> Message:
    return Message(
        "the photo file cannot be read (%(reason)s): check that it exists and that you may read it",
        reason=reason,
    )


@dataclass(frozen=True)
class Source:
    """One format of a photo: a ``<source>``, or the ``<img>`` for the last one."""

    mime: str
    srcset: str  # "photos/KEY-480.webp 480w, photos/KEY-960.webp 960w, ..."
    variants: tuple[Variant, ...]


@dataclass(frozen=True)
class PublishedPhoto:
    """A photo as a page shows it."""

    photo: Photo
    lead: bool  # the first published photo of its release: loaded eagerly, high priority
    width: int  # of the widest variant: the <img>'s width and height attributes
    height: int
    sources: tuple[Source, ...]  # best format first; the last is the <img>'s srcset
    src: str  # the <img>'s src: the fallback format near 960 pixels wide
    sizes: str
    folder: str = "photos"  # of the files, in the output (PRESS_RELEASE_PHOTOS_OUTPUT)
    social: Variant | None = None  # the link-preview crop (og:image)

    @property
    def full(self) -> Variant:
        """The widest file of the fallback format (JSON-LD, a link to the full photo)."""
        return self.sources[-1].variants[-1]

    def url(self, variant: Variant) -> str:
        """The URL of one of its files, relative to the site."""
        return f"{self.folder}/{variant.file}"

    caption = property(lambda self: self.photo.caption)
    credit = property(lambda self: self.photo.credit)
    alt = property(lambda self: self.photo.alt or "")
    loading = property(lambda self: "eager" if self.lead else "lazy")
    fetchpriority = property(lambda self: "high" if self.lead else "auto")


@dataclass
class PhotoRun:
    """The state of one build's photo step, passed around instead of module globals."""

    settings: PhotoSettings
    content: Path
    output: Path
    cache: PhotoCache
    processed: int = 0  # photos processed in this run
    reused: int = 0  # photos taken from the cache
    warnings: dict[Path, list[str]] = field(default_factory=lambda: defaultdict(list))

    def warn(self, path: Path, message: str) -> None:
        if message not in self.warnings[path]:
            self.warnings[path].append(message)


@dataclass
class SitePhotos:
    """What build_photos() returns."""

    by_release: dict[Path, list[PublishedPhoto]]
    warnings: dict[Path, list[str]]  # per file (release or photo), relative to content
    processed: int
    reused: int


def cache_folder(settings: PhotoSettings, content: Path) -> Path:
    """The cache folder: a relative setting is taken from the site root (content's parent)."""
    folder = Path(settings.cache).expanduser()
    return folder if folder.is_absolute() else Path(content).resolve().parent / folder


def _url(run: PhotoRun, variant: Variant) -> str:
    return f"{run.settings.output}/{variant.file}"


def published(run: PhotoRun, photo: Photo, manifest: Manifest, lead: bool) -> PublishedPhoto:
    """The template's view of one processed photo."""
    sources = []
    for fmt in run.settings.formats:
        variants = tuple(
            sorted((v for v in manifest.variants if v.format == fmt), key=lambda v: v.width)
        )
        srcset = ", ".join(f"{_url(run, v)} {v.width}w" for v in variants)
        sources.append(Source(variants[0].mime, srcset, variants))
    fallback = sources[-1].variants
    middle = min(fallback, key=lambda v: abs(v.width - 960))
    return PublishedPhoto(
        photo=photo,
        lead=lead,
        width=manifest.width,
        height=manifest.height,
        sources=tuple(sources),
        src=_url(run, middle),
        sizes=run.settings.sizes,
        folder=run.settings.output,
        social=manifest.social,
    )


def _relative(run: PhotoRun, path: Path) -> Path:
    try:
        return path.relative_to(run.content)
    except ValueError:
        return path


def manifests(run: PhotoRun, paths: list[Path]) -> dict[Path, Manifest]:
    """The manifest of every photo file: from the cache, or processed now."""
    index = run.cache.load_index()
    workers = run.settings.workers
    pool = batch.make_pool(workers)
    try:
        found, unreadable = batch.digests(paths, index, pool, workers)
        keys = {path: batch.key_of(digest, run.settings) for path, digest in found.items()}
        known = {key: run.cache.manifest(key) for key in set(keys.values())}
        work = {key: path for path, key in sorted(keys.items()) if known[key] is None}
        made = batch.process_missing(work, run.cache, run.settings, pool, workers)
    finally:
        if pool is not None:
            pool.shutdown()
    run.cache.save_index({k: v for k, v in index.items() if Path(k) in found})
    run.processed += len(made)
    run.reused += len(known) - len(work)
    result = {path: known[key] or made[key] for path, key in keys.items()}
    for path, reason in unreadable.items():
        result[path] = Manifest("", error=unreadable_warning(reason))
    return result


def reached_through_link(path: Path, content: Path) -> bool:
    """Whether a photo file is a symbolic link, or lies in a linked folder of `content`:
    a link may lead anywhere on the machine (features/sources.py refuses releases so)."""
    if path.is_symlink():
        return True
    return not os.path.realpath(path).startswith(os.path.realpath(content) + os.sep)


def build_photos(
    content: Path,
    output: Path,
    releases: Mapping[Path, CaptionSource],
    settings: PhotoSettings,
    found: FoundPhotos | None = None,
) -> SitePhotos:
    """Photos of the published `releases`: found, captioned, processed or reused,
    published. `found`: find_photos() over every release file of the site (default:
    over `releases`). Only the releases a photo or a header line names are looked at."""
    content = Path(os.path.abspath(content))
    if not settings.enabled:
        return SitePhotos({}, {}, 0, 0)
    run = PhotoRun(settings, content, Path(output), PhotoCache(cache_folder(settings, content)))
    keys = {Path(os.path.abspath(p)): p for p in releases}
    if found is None:
        found = find_photos(content, keys)
    for orphan in found.orphans:
        run.warn(_relative(run, orphan), ORPHAN_WARNING)
    photos = {
        path: attach_captions(releases[keys[path]], files)
        for path, files in found.by_release.items()
        if files and path in keys
    }
    every_file = sorted({photo.path for listed in photos.values() for photo in listed})
    linked = {path for path in every_file if reached_through_link(path, content)}
    every_file = [path for path in every_file if path not in linked]
    made = manifests(run, every_file) if every_file else {}
    made.update((path, Manifest("", error=LINKED_WARNING)) for path in linked)
    target = run.output / settings.output
    by_release: dict[Path, list[PublishedPhoto]] = {}
    kept: set[str] = set()
    for path, listed in photos.items():
        shown: list[PublishedPhoto] = []
        for photo in listed:
            name = _relative(run, photo.path)
            manifest = made[photo.path]
            if manifest.error:
                run.warn(name, Message("skipped: %(reason)s", reason=manifest.error))
                continue
            for note in manifest.warnings:
                run.warn(name, note)
            if note := size_warning(photo.path.stat().st_size, settings.large_bytes):
                run.warn(name, note)
            if not photo.caption and not photo.alt:
                run.warn(name, MISSING_TEXT_WARNING)
            run.cache.publish(manifest, target)
            kept.update(variant.file for variant in manifest.files)
            shown.append(published(run, photo, manifest, lead=not shown))
        by_release[_relative(run, path)] = shown
    for path, key in keys.items():
        for note in header_without_photo(releases[key], len(photos.get(path, ()))):
            run.warn(_relative(run, path), note)
    prune(target, kept)
    return SitePhotos(by_release, dict(run.warnings), run.processed, run.reused)
