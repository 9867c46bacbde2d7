"""Stable pagination (features/pagination.py): pages count from the oldest release, so a
release added at the newest end changes the first page of its lists and no other."""

from __future__ import annotations

import logging
import posixpath
import re
import shutil
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.paginator import Paginator
from pelican.settings import read_settings

from press_release import pelican_compat
from press_release.features.pagination import StablePaginator, make_paginator

from .conftest import ROOT
from .test_speed_page_cache import clean  # noqa: F401 (autouse: each test starts and ends clean)

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate  # noqa: E402

SETTINGS = {"PAGINATION_PATTERNS": (), "DEFAULT_ORPHANS": 0}


def pages(items: list, per_page: int) -> list:
    """The pages of `items` (newest first) as Pelican's writer walks them."""
    paginator = StablePaginator("index.html", "", items, SETTINGS, per_page)
    return [paginator.page(position) for position in range(1, paginator.num_pages + 1)]


@pytest.mark.parametrize("count", [0, 1, 9, 10, 11, 19, 20, 21, 29, 30, 99, 100, 101])
def test_every_item_is_on_exactly_one_page_and_the_first_page_takes_the_rest(count):
    per_page = 10
    items = list(range(count, 0, -1))  # newest first: count is the newest, 1 the oldest
    walked = pages(items, per_page)
    assert [item for page in walked for item in page.object_list] == items
    total = len(walked)
    assert total == max(1, count // per_page)
    first = walked[0]
    assert first.number == 1 and not first.has_previous()
    if count < per_page:
        assert len(first.object_list) == count and total == 1
    else:
        assert per_page <= len(first.object_list) <= 2 * per_page - 1
    # Page k holds the (k-1)-th ten counted from the oldest: items (k-2)*10+1 to (k-1)*10.
    for page in walked[1:]:
        k = page.number
        assert sorted(page.object_list) == list(
            range((k - 2) * per_page + 1, (k - 1) * per_page + 1)
        )
    assert [page.number for page in walked] == [1, *range(total, 1, -1)]
    assert walked[0].paginator.page_range == list(range(1, total + 1))  # places, as Pelican
    # Older is "next", as in Pelican; the oldest page (2) has none.
    assert [page.has_next() for page in walked] == [True] * (total - 1) + [False]
    for position, page in enumerate(walked, 1):
        assert page.paginator.by_number(page.number).object_list == page.object_list
        assert page.start_index() == (items.index(page.object_list[0]) + 1 if items else 0)
        assert page.end_index() == page.start_index() + len(page.object_list) - (1 if items else 0)
        if position < total:
            assert page.next_page_number() == walked[position].number
        if position > 1:
            assert page.previous_page_number() == walked[position - 2].number


@pytest.mark.parametrize("count", [1, 9, 10, 19, 20, 35, 99])
def test_adding_the_newest_item_changes_only_the_first_page(count):
    per_page = 10
    before = {p.number: p.object_list for p in pages(list(range(count, 0, -1)), per_page)}
    after = {p.number: p.object_list for p in pages(list(range(count + 1, 0, -1)), per_page)}
    changed = sorted(n for n in after if before.get(n) != after[n])
    grows = (count + 1) // per_page > max(1, count // per_page)
    # the first page; when it would hold 2N, its older half is a new page
    assert changed == ([1, max(after)] if grows else [1])


def test_pelicans_own_paginator_when_the_setting_is_off():
    made = make_paginator("index.html", "", [1, 2, 3], {"PRESS_RELEASE_STABLE_PAGINATION": False,
                                                        "DEFAULT_ORPHANS": 0}, 2)  # fmt: skip
    assert type(made) is Paginator
    made = make_paginator("index.html", "", [1, 2, 3], {"PRESS_RELEASE_STABLE_PAGINATION": True,
                                                        "DEFAULT_ORPHANS": 0}, 2)  # fmt: skip
    assert type(made) is StablePaginator
    # A site without the plugin's settings (another build in the same process).
    assert type(make_paginator("index.html", "", [1], {"DEFAULT_ORPHANS": 0}, 2)) is Paginator


def test_the_writers_paginator_is_checked_at_start():
    assert pelican_compat.available("paginator")
    assert "paginator" in {name for name, *_ in pelican_compat.table()}


# --------------------------------------------------------------------------- real builds

PER_PAGE = 3
NEW_RELEASE = (
    "Berita Utama\n\nGubernur Resmikan Jembatan Baru di Samarinda\n\n"
    "SAMARINDA – Gubernur meresmikan jembatan baru yang menghubungkan dua kecamatan, "
    "Senin (3/2).\n\nJembatan sepanjang 200 meter itu dibangun selama dua tahun.\n"
)


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("archive")
    generate(40, target, seed=31)
    return target / "raw"


def site(content: Path, output: Path, **override) -> Pelican:
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(content), "OUTPUT_PATH": str(output), "PRESS_RELEASE_SEARCH": False,
        "PLUGIN_PATHS": [str(ROOT / "plugins")], "PRESS_RELEASE_JOBS": 2,
        "DEFAULT_PAGINATION": PER_PAGE, **override})  # fmt: skip
    return Pelican(settings)


def html_files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.html")}


def list_pages(files: dict[str, bytes]) -> dict[str, list[str]]:
    """Each paginated list (its first page's file) and its pages' files."""
    lists: dict[str, list[str]] = {}
    for name in sorted(files):
        match = re.fullmatch(r"(.*?)halaman/\d+/index\.html", name)
        if match:
            lists.setdefault(match.group(1) + "index.html", []).append(name)
    for first in list(lists):
        lists[first].append(first)
    return lists


@pytest.mark.parametrize("speedups", [True, False])
def test_a_new_release_leaves_every_older_list_page_byte_identical(archive, tmp_path, speedups):
    content = tmp_path / "content"
    shutil.copytree(archive, content)
    site(content, tmp_path / "before", PRESS_RELEASE_SPEEDUPS=speedups).run()
    (content / "2026-02-03-jembatan-baru.txt").write_text(NEW_RELEASE, encoding="utf-8")
    site(content, tmp_path / "after", PRESS_RELEASE_SPEEDUPS=speedups).run()
    before, after = html_files(tmp_path / "before"), html_files(tmp_path / "after")
    lists = list_pages(after)
    assert "index.html" in lists and len(lists["index.html"]) > 5, sorted(lists)
    new_release = [n for n in after if n.startswith("2026/02/")]
    assert len(new_release) == 1
    changed_lists = set()
    for first, names in lists.items():
        changed = [n for n in names if before.get(n) != after[n]]
        if not changed:
            continue
        changed_lists.add(first)
        # The first page shows the new release; a page is added when the first overflows,
        # and the newest older page then links to it instead of to the first page.
        new_pages = [n for n in names if n not in before]
        assert first in changed
        older = sorted(set(changed) - {first} - set(new_pages))
        if new_pages:
            assert len(new_pages) == 1 and len(older) <= 1, (first, changed)
            assert not older or older[0] == newest_older_page(before, first)
        else:
            assert older == [], (first, changed)
        assert new_release[0].removesuffix("index.html") in after[first].decode()
    # Its lists of more than one page: the home list, its category's, its place's.
    assert "index.html" in changed_lists
    assert changed_lists <= {"index.html", "kategori/berita-utama/index.html",
                             "tempat/samarinda/index.html"}, changed_lists  # fmt: skip


def newest_older_page(files: dict[str, bytes], first: str) -> str:
    base = first.removesuffix("index.html")
    pattern = re.compile(re.escape(base) + r"halaman/(\d+)/index\.html")
    numbers = [int(m.group(1)) for n in files if (m := pattern.fullmatch(n))]
    return f"{base}halaman/{max(numbers)}/index.html"


def test_every_release_is_on_exactly_one_page_of_each_list_and_links_stay_inside(archive, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(archive, content)
    out = tmp_path / "out"
    site(content, out).run()
    files = html_files(out)
    releases = {n.removesuffix("index.html") for n in files if re.match(r"20\d\d/\d\d/", n)}
    lists = list_pages(files)
    for first, names in lists.items():
        seen: list[str] = []
        for name in names:
            page = BeautifulSoup(files[name], "html.parser")
            for card in page.select(".pr-card__title a"):
                seen.append(resolve(name, card["href"]))
            nav = page.select_one("nav.pr-pagination")
            assert nav is not None, name
            assert not re.search(r"\d dari \d", nav.get_text()), name  # "Halaman 3 dari 9"
            for link in nav.select("a[href]"):
                target = resolve(name, link["href"])
                assert not target.startswith("../"), (name, link["href"])
                assert (target + "index.html") in names, (name, link["href"])
            older = nav.find("a", rel="next")
            newer = nav.find("a", rel="prev")
            assert (older is None) == name.endswith("halaman/2/index.html"), name
            assert (newer is None) == (name == first), name
        assert len(seen) == len(set(seen)), first
        assert set(seen) <= releases
        if first == "index.html":
            assert set(seen) == releases
    # The oldest release is on page 2 of the home list; the newest on its first page.
    home = BeautifulSoup(files["halaman/2/index.html"], "html.parser")
    oldest = min(releases)
    assert any(resolve("halaman/2/index.html", a["href"]) == oldest
               for a in home.select(".pr-card__title a"))  # fmt: skip


def resolve(page: str, href: str) -> str:
    """A relative link of the page at `page` as a path from the output folder's root."""
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), href))
    return "" if joined == "." else joined.rstrip("/") + "/"


def test_a_rebuild_after_a_new_release_renders_a_handful_of_pages(archive, tmp_path, caplog):
    """Under one process (as ``pelican --autoreload``), the page cache keeps every older
    page of the lists: a few pages are rendered, their files left as they are, and the
    site is the one a fresh build writes."""
    content = tmp_path / "content"
    shutil.copytree(archive, content)
    out = tmp_path / "live"
    live = site(content, out, PRESS_RELEASE_REUSE_PAGES=True)
    live.run()
    older = {p: p.stat().st_mtime_ns for p in out.glob("**/halaman/*/index.html")}
    (content / "2026-02-03-jembatan-baru.txt").write_text(NEW_RELEASE, encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="press_release"):
        live.run()
    line = [r.getMessage() for r in caplog.records if "press_release: rendered" in r.getMessage()]
    rendered, kept = map(int, re.search(r"rendered (\d+) pages.* left (\d+)", line[-1]).groups())
    # The new release's page, its neighbours', those it is related to, the first pages
    # of its lists, the lists of lists: far fewer than the list pages.
    assert rendered < 60 < kept, line[-1]
    moved = [p for p, stamp in older.items() if p.stat().st_mtime_ns != stamp]
    assert len(moved) <= 5, moved
    fresh = tmp_path / "fresh"
    site(content, fresh).run()
    written = html_files(out)
    assert [name for name, data in html_files(fresh).items() if written.get(name) != data] == []
