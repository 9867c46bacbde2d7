"""Stable pagination: an archived page of a list always holds the same releases.

Pelican numbers the pages of a list from the newest release: a new release moves every
release of the list one place on, so every page of the home list, of its region's, its
place's and its year's lists changes (10,000 pages at 100,000 releases), and a rebuild
must write them all again. With ``PRESS_RELEASE_STABLE_PAGINATION`` (default True) pages
count from the oldest release instead. For a list of T releases, N a page:

- there are P = max(1, T // N) pages;
- the first page (the list's own URL, number 1) shows the newest T - (P-1)*N releases,
  N to 2N-1 of them once the list has N;
- page k (k = 2..P) holds the releases (k-2)*N to (k-1)*N-1 counted from the oldest: page
  2 the oldest N, page P those just older than the first page's.

A release added at the newest end changes the first page only; when the first page would
then hold 2N, its older half becomes the new page P+1, and page P's link to newer
releases, which led to the first page, leads there. Every other page stays byte for byte
the same, as long as the templates show on it nothing that depends on the list's length
(this project's theme shows a list's count, and the home page's busiest regions and
places, on the first page only, and no number of pages).

Pelican's writer walks the pages newest first and asks its paginator for each by its
place in that walk (``paginator.page(1)`` to ``page(num_pages)``), taking the previous
and next page the same way: :class:`StablePaginator` keeps that contract, so Pelican's
newer/older links (``articles_previous_page``, ``articles_next_page``) are right, and each
page's ``number`` (what its URL and title show) is the stable one. ``page_range`` stays
the places 1 to P, so that a theme looping ``paginator.page(n)`` over it links every page
(newest first); ``by_number(n)`` gives the page numbered n. ``DEFAULT_ORPHANS`` has no
use here: the first page takes what does not fill a page of its own. The paginator is
installed as ``pelican.writers.Paginator`` (pelican_compat entry ``paginator``): for a
site with the setting off, or a build without this plugin, the same function makes
Pelican's own paginator. Other themes show each page's stable number, its newer and
older links right.
"""

from __future__ import annotations

from pelican import paginator as pelican_paginator
from pelican.paginator import Page, Paginator

from ..pelican_compat import available

SETTING = "PRESS_RELEASE_STABLE_PAGINATION"


class StablePaginator(Paginator):
    """Pages numbered from the oldest release (see the module's docstring); ``page(i)``
    is the i-th page newest first, as Pelican's writer asks for them."""

    stable = True

    def __init__(self, name, url, object_list, settings, per_page=None):
        super().__init__(name, url, object_list, settings, per_page)
        self.orphans = 0  # the first page takes what does not fill a page of its own

    def _get_num_pages(self):
        if self._num_pages is None:
            per_page = self.per_page or 1
            self._num_pages = max(1, self.count // per_page)
        return self._num_pages

    num_pages = property(_get_num_pages)

    def page(self, position):
        """The page at `position` (1 to num_pages) newest first."""
        total, pages = self.count, self.num_pages
        if not 1 <= position <= pages:
            raise ValueError(f"no page at position {position} of {pages}")
        first = total - (pages - 1) * self.per_page  # on the first page
        if position == 1:
            bottom, top, number = 0, first, 1
        else:
            bottom = first + (position - 2) * self.per_page
            top = bottom + self.per_page
            number = pages - position + 2
        page = StablePage(
            self.name, self.url, self.object_list[bottom:top], number, self, self.settings
        )
        page.position, page.start = position, bottom
        return page

    def by_number(self, number):
        """The page numbered `number` (1, or 2 to num_pages)."""
        return self.page(1 if number == 1 else self.num_pages - number + 2)


class StablePage(Page):
    """A page of a StablePaginator: ``number`` is stable, ``position`` its place newest
    first; "next" is the older page, "previous" the newer, as in Pelican."""

    position = 1
    start = 0

    def __repr__(self):
        return f"<Page {self.number}, {self.position} of {self.paginator.num_pages} newest first>"

    def has_next(self):
        return self.position < self.paginator.num_pages

    def has_previous(self):
        return self.position > 1

    def next_page_number(self):
        """The number of the next older page."""
        return self.paginator.page(self.position + 1).number

    def previous_page_number(self):
        """The number of the next newer page."""
        return self.paginator.page(self.position - 1).number

    def start_index(self):
        return self.start + 1 if self.paginator.count else 0

    def end_index(self):
        return self.start + len(self.object_list)


def stable(settings) -> bool:
    """Whether pages of the build with these settings are numbered from the oldest."""
    return bool(settings.get(SETTING)) and available("paginator")


def make_paginator(name, url, object_list, settings, per_page=None):
    """``pelican.writers.Paginator`` while this plugin is loaded: a StablePaginator for a
    site with the setting on, else Pelican's own."""
    if settings.get(SETTING) and available("paginator"):
        return StablePaginator(name, url, object_list, settings, per_page)
    return PELICAN_PAGINATOR(name, url, object_list, settings, per_page)


PELICAN_PAGINATOR = pelican_paginator.Paginator


def install(_pelican=None) -> None:
    """`initialized`: Pelican's writer makes its paginators with make_paginator (once per
    process; the setting is read for each list)."""
    from pelican import writers

    if writers.Paginator is make_paginator:
        return
    if available("paginator"):
        writers.Paginator = make_paginator


def page_count(count: int, per_page: int, settings) -> int:
    """How many pages a list of `count` releases has (for a build's cost estimate)."""
    if not per_page:
        return 1
    if stable(settings):
        return max(1, count // per_page)
    return max(1, -(-count // per_page))
