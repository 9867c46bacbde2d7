"""Which image files belong to which release: a pure function over file paths.

Two layouts, both documented in docs/photos.md:

- **Beside the release.** In a folder of releases, ``2024-03-12-banjir.jpg`` is the lead
  photo of ``2024-03-12-banjir.txt`` and ``2024-03-12-banjir-2.jpg``, ``-3``... the
  others, in number order. A copy named by a file manager (``... (2).jpg``) or with an
  underscore (``..._2.jpg``) counts the same. A name that is itself a release's name wins
  (``rapat-2.jpg`` goes to ``rapat-2.txt`` when both ``rapat.txt`` and ``rapat-2.txt``
  exist). Names are compared ignoring letter case. An image in such a folder that
  matches no release is reported as an orphan.
- **A folder per release.** A folder (other than the content root) holding exactly one
  release: every image directly in it belongs to that release. The lead is the image
  named like the release or like the folder; without one, the first in name order
  (``foto-2`` before ``foto-10``). The others follow in name order.

Images in folders that hold no release (``images/``, ``extra/``) are no one's photos and
are not reported.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..messages import Message

# Extensions looked at, in any letter case. GIF only so that an animated one is reported.
IMAGE_EXTENSIONS = frozenset({".jpg", ".jpeg", ".png", ".webp", ".gif", ".heic", ".heif"})

# The stem of a further photo: the release's stem and the photo's number.
NUMBERED_STEM = re.compile(
    r"""(?x)
    (?P<base>.+?)                       # the release's stem, as short as possible
    (?: [-_](?P<dash>\d{1,3})           # "-2" (the convention) or "_2"
      | \ \((?P<copy>\d{1,3})\)         # " (2)", as a file manager names a copy
    )
    """
)
# Runs of digits in a name, compared as numbers for the name order ("2" before "10").
DIGITS = re.compile(r"(\d+)")


@dataclass
class FoundPhotos:
    """The photo files of each release (lead first) and the images of no release.

    Only releases in a folder holding images are listed."""

    by_release: dict[Path, list[Path]] = field(default_factory=dict)
    orphans: list[Path] = field(default_factory=list)


def is_image(path: Path) -> bool:
    return path.suffix.lower() in IMAGE_EXTENSIONS


def name_order(path: Path) -> tuple:
    """Natural order of file names: "foto-2" before "foto-10", case ignored."""
    parts = DIGITS.split(path.name.casefold())
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts if p)


def photo_number(image_stem: str, release_stems: dict[str, Path]) -> tuple[Path, int] | None:
    """The release an image named beside it belongs to, and its number (0 = the lead)."""
    folded = image_stem.casefold()
    if folded in release_stems:
        return release_stems[folded], 0
    match = NUMBERED_STEM.fullmatch(folded)
    if match and match["base"] in release_stems:
        return release_stems[match["base"]], int(match["dash"] or match["copy"])
    return None


def _folder_photos(release: Path, images: list[Path]) -> list[Path]:
    """Every image of a release's own folder: the one named like it first."""
    names = {release.stem.casefold(), release.parent.name.casefold()}
    ordered = sorted(images, key=name_order)
    leads = [image for image in ordered if image.stem.casefold() in names]
    return leads[:1] + [image for image in ordered if image not in leads[:1]]


def assign_photos(
    releases: Iterable[Path], images: Iterable[Path], root: Path | None
) -> FoundPhotos:
    """Match image files to release files; `root` (the content folder) is a folder of
    releases even when it holds only one."""
    releases_in: dict[Path, list[Path]] = defaultdict(list)
    for release in releases:
        releases_in[release.parent].append(release)
    images_in: dict[Path, list[Path]] = defaultdict(list)
    for image in images:
        if is_image(image):
            images_in[image.parent].append(image)
    found = FoundPhotos()
    for folder, folder_releases in releases_in.items():
        folder_images = images_in.get(folder)
        if not folder_images:
            continue  # no photos here: nothing to do for its releases (most folders)
        if len(folder_releases) == 1 and folder != root:
            found.by_release[folder_releases[0]] = _folder_photos(folder_releases[0], folder_images)
            continue
        stems = {release.stem.casefold(): release for release in sorted(folder_releases)}
        numbered: dict[Path, list[tuple[int, tuple, Path]]] = defaultdict(list)
        for image in folder_images:
            owner = photo_number(image.stem, stems)
            if owner is None:
                found.orphans.append(image)
            else:
                numbered[owner[0]].append((owner[1], name_order(image), image))
        for release in folder_releases:
            found.by_release[release] = [image for *_, image in sorted(numbered[release])]
    found.orphans.sort(key=lambda p: (p.parent, name_order(p)))
    return found


ORPHAN_WARNING = Message(
    "a photo with no release: name it like its release (2024-03-12-judul.jpg for the lead "
    "photo of 2024-03-12-judul.txt, 2024-03-12-judul-2.jpg for the next) or move it into "
    "the release's own folder"
)
