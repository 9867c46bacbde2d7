"""Search in a real browser: the Pagefind index of the production build, under /REPO/.

Uses the browser of tests/browser/conftest.py: Debian's Chromium through Playwright.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ..test_features_publishing import REPO, build_site, serve

# A phrase from the body of a demo release, and that release's title.
PHRASE = "bibit mangrove"
RELEASE = "content/2025-06-05-hari-lingkungan-hidup-tanam-mangrove-bontang.txt"


def release_title() -> str:
    from press_release.parse import parse_release

    path = Path(__file__).resolve().parents[2] / RELEASE
    return parse_release(path.read_bytes(), path.name).title


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("search")
    with serve(root) as origin:
        build_site(root / REPO, f"{origin}/{REPO}")
        yield f"{origin}/{REPO}"


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="id-ID")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == [], errors


def search(page, site, phrase):
    page.goto(f"{site}/search.html")
    box = page.locator(".pagefind-ui__search-input")
    box.fill(phrase)
    page.locator(".pagefind-ui__result-link").first.wait_for(timeout=10_000)
    return page.locator(".pagefind-ui__result-link")


def test_a_phrase_finds_its_release(page, site):
    results = search(page, site, PHRASE)
    titles = results.all_inner_texts()
    print(f"\nsearch {PHRASE!r}: {len(titles)} results: {titles}")
    title = release_title()
    assert title in titles
    assert "Berita Terkait" not in titles  # only the release itself is indexed
    # The result links under /REPO/ and opens the release.
    link = results.filter(has_text=title).first
    href = link.get_attribute("href")
    assert href.startswith(f"/{REPO}/") and href.endswith((".html", "/"))
    link.click()
    page.wait_for_load_state()
    assert page.url == site.rsplit(f"/{REPO}", 1)[0] + href
    assert title in page.locator("body").inner_text()


def test_the_page_speaks_indonesian(page, site):
    page.goto(f"{site}/search.html")
    box = page.locator(".pagefind-ui__search-input")
    assert box.get_attribute("placeholder") == "Cari siaran pers"
    assert page.locator("html").get_attribute("lang") == "id"
    box.fill("zzqxjw")
    message = page.locator(".pagefind-ui__message")
    message.filter(has_text="Tidak ada hasil").wait_for(timeout=10_000)


COUNT_SHOWN = """previous => {
    const message = document.querySelector('.pagefind-ui__message');
    return message && /^\\d+/.test(message.innerText) && message.innerText !== previous;
}"""


def result_count(page, previous=None) -> int:
    """Wait until Pagefind shows a result count (different from `previous`) and return it."""
    page.wait_for_function(COUNT_SHOWN, arg=previous, timeout=10_000)
    return int(re.match(r"\d+", page.locator(".pagefind-ui__message").inner_text()).group())


def test_filters_by_category_and_year(page, site):
    search(page, site, "kaltim")
    page.locator(".pagefind-ui__filter-panel").wait_for(timeout=10_000)
    names = page.locator(".pagefind-ui__filter-name").all_inner_texts()
    assert {"Kategori", "Tahun"} <= {n.strip() for n in names}
    total = result_count(page)
    message = page.locator(".pagefind-ui__message").inner_text()
    # Keep only 2025 releases: fewer results, and at least one shown.
    page.locator(".pagefind-ui__filter-name", has_text="Tahun").click()
    page.locator("input[type=checkbox][value='2025']").check()
    filtered = result_count(page, previous=message)
    assert 0 < filtered < total
    page.locator(".pagefind-ui__result-link").first.wait_for(timeout=10_000)


def test_search_link_in_the_header(page, site):
    page.goto(f"{site}/")
    link = page.locator(f"a[href='{site}/search.html']").first
    assert link.count() == 1
