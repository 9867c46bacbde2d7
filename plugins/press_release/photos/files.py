"""The photo files on disk, without decoding any: which images lie in the folders of
releases, and which files of the output's photo folder this step wrote.

Kept apart from processing (no Pillow import): a build of a site without photos lists
its folders and stops here.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from .find import IMAGE_EXTENSIONS, FoundPhotos, assign_photos

IMAGE_NAMES = frozenset(extension[1:] for extension in IMAGE_EXTENSIONS)  # without the dot
# A file this step writes into the output's photo folder: KEY-WIDTH.EXT or KEY-og.jpg.
PUBLISHED_FILE = re.compile(
    r"""(?x)
    [0-9a-f]{24}            # the photo's key (cache.KEY_LENGTH hex digits)
    -(?:\d{1,5}|og)          # a width, or the link-preview crop
    \.(?:webp|avif|jpg)      # the format
    """
)


def find_photos(content: Path, releases: Iterable[Path]) -> FoundPhotos:
    """The photo files of each release (every release file of the site, published or
    not) and the images of no release, from one listing of each folder of releases."""
    names = [os.fspath(p) for p in releases]
    folders = {name.rpartition(os.sep)[0] for name in names}
    images = list_images({Path(os.path.abspath(folder)) for folder in folders})
    if not images:
        return FoundPhotos()  # a site without photos: a listing per folder, nothing more
    paths = [Path(os.path.abspath(name)) for name in names]
    return assign_photos(paths, images, Path(os.path.abspath(content)))


def list_images(folders: set[Path]) -> list[Path]:
    """The image files directly inside each folder. A folder of 10,000 releases is
    listed in a few milliseconds: names are compared as strings, and only an image's
    name is made a Path and checked to be a file."""
    images = []
    for folder in sorted(folders):
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            if name.rpartition(".")[2].lower() in IMAGE_NAMES:
                path = Path(folder, name)
                if path.is_file():
                    images.append(path)
    return images


def prune(folder: Path, keep: set[str]) -> int:
    """Delete the files this step wrote into `folder` that are not in `keep` (photos no
    longer published); other files are left alone. Returns how many went."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    gone = 0
    for entry in entries:
        if entry.name not in keep and PUBLISHED_FILE.fullmatch(entry.name) and entry.is_file():
            os.unlink(entry.path)
            gone += 1
    return gone
