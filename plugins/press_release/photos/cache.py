"""Processed photos kept by content hash, outside the output folder, between builds.

A photo's key hashes its bytes with the processing settings (widths, formats, quality)
and ``PIPELINE_VERSION``: the same photo under the same settings is processed once,
whatever its name or release, and a changed setting makes new files rather than stale
ones. For each key the cache folder holds the variants (``KEY-960.webp`` ...), the
link-preview crop (``KEY-og.jpg``) and a manifest (``KEY.json``: sizes, notes for the
author, or why the photo was skipped).

The stat index (``index.json``) remembers each source file's size, modification time and
digest, so that a rebuild hashes only the files that changed. A fresh checkout (CI) has
new modification times: there every photo is hashed again (about 4 ms for a 4 MB
photo), but none is processed again.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

from ..messages import load, plain
from .process import OUTPUT_FORMATS, Encoded, PhotoError, Processed

# Bump when a change to process.py changes the files it writes.
PIPELINE_VERSION = 2  # 2: the link-preview crop (KEY-og.jpg)
KEY_LENGTH = 24  # hex digits: 96 bits
INDEX_NAME = "index.json"


def source_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def cache_key(digest: str, fingerprint: str) -> str:
    """The key of a source digest under the given processing settings."""
    text = f"{PIPELINE_VERSION}|{fingerprint}|{digest}"
    return hashlib.sha256(text.encode()).hexdigest()[:KEY_LENGTH]


@dataclass(frozen=True)
class Variant:
    """One published file of a photo."""

    format: str
    width: int
    height: int
    file: str  # its name, in the cache folder and in the output's photo folder

    @property
    def mime(self) -> str:
        return OUTPUT_FORMATS[self.format][1]


@dataclass(frozen=True)
class Manifest:
    """What processing made of one photo, or why it could not."""

    key: str
    width: int = 0
    height: int = 0
    source_format: str = ""
    variants: tuple[Variant, ...] = ()
    warnings: tuple[str, ...] = ()  # author messages (messages.Message)
    error: str | None = None  # the author message of a photo that cannot be published
    social: Variant | None = None  # the link-preview crop (process.SOCIAL_SIZE)

    @property
    def files(self) -> tuple[Variant, ...]:
        """Every published file of the photo."""
        return self.variants + ((self.social,) if self.social else ())

    def to_json(self) -> str:
        data = asdict(self)
        # Messages as plain data: shown in the build's language when read back.
        data["warnings"] = [plain(warning) for warning in self.warnings]
        data["error"] = plain(self.error)
        return json.dumps(data, ensure_ascii=False, indent=1)

    @classmethod
    def from_json(cls, text: str) -> Manifest:
        raw = json.loads(text)
        raw["variants"] = tuple(Variant(**v) for v in raw["variants"])
        raw["warnings"] = tuple(load(warning) for warning in raw["warnings"])
        raw["error"] = load(raw.get("error"))
        if raw.get("social"):
            raw["social"] = Variant(**raw["social"])
        return cls(**raw)


def _write_atomically(path: Path, data: bytes) -> None:
    """Write through a temporary name: a killed build leaves no half-written file."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


class PhotoCache:
    """The cache folder: manifests, variants and the stat index."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def manifest(self, key: str) -> Manifest | None:
        """The manifest of `key` if it and every file it names are there."""
        try:
            manifest = Manifest.from_json((self.folder / f"{key}.json").read_text("utf-8"))
        except (OSError, ValueError, TypeError, KeyError):
            return None
        if all((self.folder / v.file).is_file() for v in manifest.files):
            return manifest
        return None

    def store(self, key: str, result: Processed | PhotoError) -> Manifest:
        """Keep a processing result (the variants, then the manifest naming them)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        if isinstance(result, PhotoError):
            manifest = Manifest(key, error=result.message)
        else:
            variants = []
            for encoded in result.variants:
                name = f"{key}-{encoded.width}.{OUTPUT_FORMATS[encoded.format][2]}"
                variants.append(self._keep(name, encoded))
            social = None
            if result.social is not None:
                social = self._keep(f"{key}-og.{OUTPUT_FORMATS['jpeg'][2]}", result.social)
            manifest = Manifest(
                key,
                result.width,
                result.height,
                result.source_format,
                tuple(variants),
                result.warnings,
                social=social,
            )
        _write_atomically(self.folder / f"{key}.json", manifest.to_json().encode("utf-8"))
        return manifest

    def _keep(self, name: str, encoded: Encoded) -> Variant:
        _write_atomically(self.folder / name, encoded.data)
        return Variant(encoded.format, encoded.width, encoded.height, name)

    def publish(self, manifest: Manifest, folder: Path) -> None:
        """Put a photo's files into the output folder: hard links, else copies."""
        folder.mkdir(parents=True, exist_ok=True)
        for variant in manifest.files:
            source, target = self.folder / variant.file, folder / variant.file
            if target.exists() and target.stat().st_size == source.stat().st_size:
                continue  # the same content: its name is its hash
            target.unlink(missing_ok=True)
            try:
                os.link(source, target)
            except OSError:  # another file system, or links not allowed
                shutil.copyfile(source, target)

    def load_index(self) -> dict[str, list]:
        """Source path -> [size, mtime_ns, digest], from the last build."""
        try:
            index = json.loads((self.folder / INDEX_NAME).read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        return index if isinstance(index, dict) else {}

    def save_index(self, index: dict[str, list]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        _write_atomically(self.folder / INDEX_NAME, json.dumps(index).encode("utf-8"))
