"""photos.find: which image files belong to which release (paths only, no disk)."""

from __future__ import annotations

from pathlib import Path

import pytest

from press_release.photos.find import assign_photos

ROOT = Path("/site/content")


def names(paths):
    return [p.name for p in paths]


@pytest.mark.parametrize(
    ("images", "expected"),
    [
        pytest.param(["banjir.jpg"], ["banjir.jpg"], id="lead"),
        pytest.param(
            ["banjir-3.jpg", "banjir.jpg", "banjir-2.jpg"],
            ["banjir.jpg", "banjir-2.jpg", "banjir-3.jpg"],
            id="numbered-in-order",
        ),
        pytest.param(
            ["banjir-10.jpg", "banjir-2.jpg"], ["banjir-2.jpg", "banjir-10.jpg"], id="ten-after-two"
        ),
        pytest.param(
            ["BANJIR.JPG", "banjir-2.PNG", "banjir-3.WebP", "banjir-4.heic"],
            ["BANJIR.JPG", "banjir-2.PNG", "banjir-3.WebP", "banjir-4.heic"],
            id="any-letter-case-and-format",
        ),
        pytest.param(
            ["banjir (2).jpg", "banjir_3.jpg", "banjir.jpeg"],
            ["banjir.jpeg", "banjir (2).jpg", "banjir_3.jpg"],
            id="copy-and-underscore-names",
        ),
        pytest.param(
            ["banjir-1.jpg", "banjir-2.jpg"],
            ["banjir-1.jpg", "banjir-2.jpg"],
            id="numbered-from-one",
        ),
        pytest.param(["banjir.txt.jpg", "banjir.pdf"], [], id="not-photos-of-it"),
    ],
)
def test_photos_beside_the_release(images, expected):
    release = ROOT / "banjir.txt"
    found = assign_photos([release, ROOT / "rapat.txt"], [ROOT / n for n in images], ROOT)
    assert names(found.by_release[release]) == expected


def test_a_name_that_is_a_release_goes_to_that_release():
    first, second = ROOT / "rapat.txt", ROOT / "rapat-2.txt"
    images = [
        ROOT / "rapat.jpg",
        ROOT / "rapat-2.jpg",
        ROOT / "rapat-2-2.jpg",
        ROOT / "rapat-3.jpg",
    ]
    found = assign_photos([first, second], images, ROOT)
    assert names(found.by_release[first]) == ["rapat.jpg", "rapat-3.jpg"]
    assert names(found.by_release[second]) == ["rapat-2.jpg", "rapat-2-2.jpg"]


def test_orphans_reported_only_in_folders_of_releases():
    release = ROOT / "2024-03-12-banjir.txt"
    images = [ROOT / "2024-03-12-banjr.jpg", ROOT / "logo.png", ROOT / "images" / "peta.png"]
    found = assign_photos([release, ROOT / "rapat.txt"], images, ROOT)
    assert found.by_release[release] == []
    assert names(found.orphans) == ["2024-03-12-banjr.jpg", "logo.png"]


@pytest.mark.parametrize(
    ("release_name", "images", "expected"),
    [
        pytest.param(
            "2024-03-12-banjir.txt",
            ["z.jpg", "2024-03-12-banjir.jpg", "a.png"],
            ["2024-03-12-banjir.jpg", "a.png", "z.jpg"],
            id="lead-named-like-the-release",
        ),
        pytest.param(
            "rilis.txt",
            ["foto-10.jpg", "foto-2.jpg", "2024-03-12-banjir.JPG"],
            ["2024-03-12-banjir.JPG", "foto-2.jpg", "foto-10.jpg"],
            id="lead-named-like-the-folder",
        ),
        pytest.param(
            "rilis.txt",
            ["foto-10.jpg", "foto-2.jpg"],
            ["foto-2.jpg", "foto-10.jpg"],
            id="first-in-name-order",
        ),
    ],
)
def test_a_folder_per_release(release_name, images, expected):
    folder = ROOT / "2024-03-12-banjir"
    release = folder / release_name
    found = assign_photos([release], [folder / n for n in images], ROOT)
    assert names(found.by_release[release]) == expected
    assert found.orphans == []


def test_the_content_root_with_one_release_is_no_release_folder():
    release = ROOT / "banjir.txt"
    found = assign_photos([release], [ROOT / "banjir.jpg", ROOT / "logo.png"], ROOT)
    assert names(found.by_release[release]) == ["banjir.jpg"]
    assert names(found.orphans) == ["logo.png"]
