"""Search in a real browser: the sharded Pagefind index of the production build, under /REPO/.

Uses the browser of tests/browser/conftest.py: Debian's Chromium through Playwright.
The last test builds a generated archive of ARCHIVE releases and checks that its sharded
index answers searches with the top results of one index of the same releases.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from press_release.features.search_records import release_text, shard_count

from ..test_features_publishing import REPO, build_site, serve
from .conftest import ROOT

# A phrase from the body of a demo release, and that release's title.
PHRASE = "bibit mangrove"
RELEASE = "content/2025-06-05-hari-lingkungan-hidup-tanam-mangrove-bontang.txt"
MONTHS = ("Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November"
          "|Desember")  # fmt: skip


def release():
    from press_release.parse import parse_release

    path = ROOT / RELEASE
    return parse_release(path.read_bytes(), path.name)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("search")
    with serve(root) as origin:
        build_site(root / REPO, f"{origin}/{REPO}")
        yield f"{origin}/{REPO}"


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="id-ID", viewport={"width": 1366, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == [], errors


def search(page, site, phrase):
    page.goto(f"{site}/search.html")
    page.locator(".pr-search__input").fill(phrase)
    # A result's card is filled once its record has loaded: wait for a title, not only
    # for the result's element (an empty one made the first read find no title).
    page.locator(".pr-search__result .pr-card__title").first.wait_for(timeout=15_000)
    return page.locator(".pr-search__result")


def test_a_phrase_finds_its_release(page, site):
    results = search(page, site, PHRASE)
    title = release().title
    titles = results.locator(".pr-card__title").all_inner_texts()
    assert title in titles
    assert "Berita Terkait" not in titles  # only releases are indexed
    # The result links under /REPO/ and opens the release.
    link = results.locator(".pr-card__link").filter(has_text=title).first
    href = link.get_attribute("href")
    assert href.startswith(f"/{REPO}/") and href.endswith("/")
    link.click()
    page.wait_for_load_state()
    assert page.url == site.rsplit(f"/{REPO}", 1)[0] + href
    assert title in page.locator("h1").inner_text()


def test_a_result_shows_title_date_place_category_and_a_clean_excerpt(page, site):
    expected = release()
    results = search(page, site, PHRASE)
    card = results.filter(has_text=expected.title).first
    assert card.locator(".pr-card__title").inner_text() == expected.title
    date = card.locator("time")
    assert date.get_attribute("datetime") == "2025-06-05"
    assert re.fullmatch(rf"5 ({MONTHS}) 2025", date.inner_text())  # the site's one date format
    assert "Juni" in date.inner_text()  # in Indonesian
    assert card.locator(".pr-card__place").inner_text() == "Bontang"
    assert card.locator(".pr-card__category").inner_text() == expected.category
    excerpt = card.locator(".pr-search__excerpt").inner_text()
    # The release's text alone: no page label, no title, no metadata lines.
    for chrome in ("Siaran Pers", "Dari:", "Date:", "Tanggal:", expected.title):
        assert chrome not in excerpt
    marks = card.locator(".pr-search__excerpt mark").all_inner_texts()
    assert {m.lower() for m in marks} >= {"bibit", "mangrove"}
    assert excerpt.replace("…", "").strip() in release_text(expected.body_html)


def test_results_wear_the_theme_styles(page, site):
    """A result is the theme's release card: its link colour, its fonts, its rule."""
    search(page, site, PHRASE)
    style = page.evaluate("""() => {
        const body = getComputedStyle(document.body);
        const root = getComputedStyle(document.documentElement);
        const link = getComputedStyle(document.querySelector('.pr-search__result .pr-card__link'));
        const card = getComputedStyle(document.querySelector('.pr-search__result .pr-card'));
        const probe = document.createElement('a');
        probe.style.color = root.getPropertyValue('--pr-colour-link');
        document.body.appendChild(probe);
        const themeLink = getComputedStyle(probe).color;
        probe.remove();
        return {bodyFont: body.fontFamily, linkFont: link.fontFamily, linkColour: link.color,
                themeLink, cardRule: card.borderBottomStyle,
                pagefindUi: document.querySelectorAll('[class*=pagefind-ui]').length};
    }""")  # fmt: skip
    assert style["linkFont"] == style["bodyFont"]
    assert style["linkColour"] == style["themeLink"]
    assert style["cardRule"] == "solid"
    assert style["pagefindUi"] == 0  # Pagefind's own UI is not used


def test_the_page_speaks_indonesian(page, site):
    page.goto(f"{site}/search.html")
    assert page.locator("html").get_attribute("lang") == "id"
    assert page.locator("label[for=pr-search-q]").inner_text() == "Kata kunci"
    page.locator(".pr-search__input").fill("zzqxjw")
    status = page.locator("[data-pr-search-status]")
    status.filter(has_text="Tidak ada hasil untuk “zzqxjw”").wait_for(timeout=15_000)
    assert page.locator(".pr-search__filter-name").all_inner_texts() == ["Kategori", "Tahun"]


def test_on_a_phone_the_first_result_is_on_the_first_screen(browser, site):
    context = browser.new_context(locale="id-ID", viewport={"width": 360, "height": 800})
    page = context.new_page()
    try:
        results = search(page, site, PHRASE)
        filters = page.locator("[data-pr-search-filters]")
        assert filters.get_attribute("open") is None  # closed above the results
        box = results.first.locator(".pr-card__title").bounding_box()
        assert box["y"] + box["height"] <= 800
        filters.locator("summary").click()
        assert filters.locator("input[value='2025']").is_visible()
    finally:
        context.close()


def result_count(page, previous=None) -> int:
    """Wait until the status shows a count (other than `previous`) and return it."""
    page.wait_for_function(
        """previous => {
            const text = document.querySelector('[data-pr-search-status]').innerText;
            return /^\\d+ siaran pers/.test(text) && text !== previous;
        }""",
        arg=previous,
        timeout=15_000,
    )
    return int(re.match(r"\d+", page.locator("[data-pr-search-status]").inner_text()).group())


def test_filters_by_category_and_year(page, site):
    search(page, site, "kaltim")
    total = result_count(page)
    message = page.locator("[data-pr-search-status]").inner_text()
    page.locator(".pr-search__filter", has_text="Tahun").locator("input[value='2025']").check()
    filtered = result_count(page, previous=message)
    assert 0 < filtered < total
    page.locator(".pr-search__result").first.wait_for(timeout=15_000)
    dates = page.locator(".pr-search__result time").evaluate_all(
        "nodes => nodes.map(n => n.getAttribute('datetime'))"
    )
    assert dates and all(d.startswith("2025-") for d in dates)


def test_the_query_is_kept_in_the_address(page, site):
    page.goto(f"{site}/search.html?q=mangrove")
    page.locator(".pr-search__result").first.wait_for(timeout=15_000)
    assert page.locator(".pr-search__input").input_value() == "mangrove"
    page.locator(".pr-search__input").fill("banjir")
    page.wait_for_function("() => location.search === '?q=banjir'", timeout=15_000)


def test_search_link_in_the_header(page, site):
    page.goto(f"{site}/")
    link = page.locator(f"a[href='{site}/search.html']").first
    assert link.count() == 1


# --- sharded against single -----------------------------------------------------------------

# CI builds 4,000 releases in 2 shards (a shard size of 2,000): two or three minutes.
# The check, 10,000 releases in the default shards (2), takes 4 to 9 minutes here:
#     PRESS_RELEASE_SEARCH_ARCHIVE=10000 PRESS_RELEASE_SEARCH_ARCHIVE_SHARD=5000 \
#         pytest tests/browser/test_search.py -k sharded
ARCHIVE = int(os.environ.get("PRESS_RELEASE_SEARCH_ARCHIVE", "4000"))
SHARD_SIZE = int(os.environ.get("PRESS_RELEASE_SEARCH_ARCHIVE_SHARD", "2000"))
# Pagefind extends the last word of a query to longer words ("wisata" to "wisatawan") from
# within one chunk of its index, and the chunks of shards and of one index differ: the
# results of "desa wisata" are not the same set (505 against 500 at 4,000 releases), and
# its top results may differ by more than the tolerance (they did at 4,000, not at 10,000).
EXTENDED = pytest.mark.xfail(reason="Pagefind's last-word extension differs by index chunk")
QUERIES = ["banjir", "stunting posyandu", "anggaran infrastruktur",
           pytest.param("desa wisata", marks=EXTENDED), "mangrove", "kebakaran hutan",
           "air bersih", "pasar murah", "beasiswa mahasiswa", "vaksin", "penyelenggara pemilu",
           "Samarinda"]  # fmt: skip
TOP = 5
# Pagefind scores a page within its own index (BM25: a word's rarity among the index's
# pages, the index's average page length), so a page's score in its shard differs from
# its score in one index of everything by the difference in those statistics: a few
# hundredths, as shards are random samples. Results whose single-index scores are that
# close are equally good answers, and may change places.
TOLERANCE = 0.05


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """A generated archive built with its sharded index, plus one index of all its
    releases (made from the shards' records) at pagefind-single/ and a search page
    reading it."""
    sys.path.insert(0, str(ROOT / "bench"))
    from generate import generate

    from press_release.features.search_pagefind import index_records

    root = tmp_path_factory.mktemp("archive")
    generate(ARCHIVE, root, vocabulary="large")
    shutil.rmtree(root / "md")
    shutil.rmtree(root / "hugo")
    output = root / "output"
    done = subprocess.run(
        [sys.executable, "-m", "pelican", str(root / "raw"), "-o", str(output), "-s",
         str(ROOT / "pelicanconf.py"), "-e", f'PATH="{root / "raw"}"',
         f"PRESS_RELEASE_SEARCH_SHARD_SIZE={SHARD_SIZE}"],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    shards = json.loads((output / "pagefind" / "shards.json").read_text(encoding="utf-8"))
    assert len(shards["shards"]) == shard_count(ARCHIVE, SHARD_SIZE) > 1

    def records():
        import gzip

        for name in shards["shards"]:
            for path in sorted((output / "pagefind" / name / "fragment").glob("*")):
                data = gzip.decompress(path.read_bytes())
                fragment = json.loads(data[data.index(b"{") :])
                yield {key: fragment[key] for key in ("url", "content", "meta", "filters")}

    single = output / "pagefind-single"
    index_records(records(), single / "all", "id")
    (single / "shards.json").write_text('{"generator": "press_release", "shards": ["all"]}')
    with serve(output) as origin:
        yield origin


RANKED = """async ([bundle, query]) => {
    const listing = await (await fetch(bundle + 'shards.json')).json();
    const pagefind = await import(bundle + listing.shards[0] + '/pagefind.js');
    for (const name of listing.shards.slice(1)) await pagefind.mergeIndex(bundle + name + '/');
    const found = await pagefind.search(query);
    const urls = await Promise.all(found.results.map(async r => (await r.data()).url));
    return found.results.map((r, i) => [urls[i], r.score]);
}"""


def ranked(browser, origin, bundle, query) -> list[tuple[str, float]]:
    """Every result of `query` in the index at `bundle`, best first, with its score."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{origin}/404.html")
    try:
        return [tuple(pair) for pair in page.evaluate(RANKED, [bundle, query])]
    finally:
        context.close()


@pytest.mark.parametrize("query", QUERIES)
def test_sharded_index_gives_the_single_index_top_results(browser, page, archive, query):
    sharded = ranked(browser, archive, "/pagefind/", query)
    single = ranked(browser, archive, "/pagefind-single/", query)
    print(f"\n{query!r}: {len(sharded)} results sharded, {len(single)} single")
    top = min(TOP, len(single))
    assert top > 0
    page.goto(f"{archive}/search.html?q={query}")
    page.locator(".pr-search__result").first.wait_for(timeout=30_000)
    links = page.locator(".pr-search__result .pr-card__link")
    shown = [links.nth(i).get_attribute("href") for i in range(min(top, links.count()))]
    # The page shows the merged results in Pagefind's order of relevance.
    assert shown == [url for url, _ in sharded[:top]]
    if top < TOP:  # a rare word: the same few results
        assert {u for u, _ in sharded} == {u for u, _ in single}
        return
    # Each of the sharded top results is as good an answer in the single index as its own
    # top results: scored there within TOLERANCE of the last of them.
    score = dict(single)
    floor = single[TOP - 1][1] * (1 - TOLERANCE)
    for url, _ in sharded[:TOP]:
        assert score[url] >= floor, (url, score[url], single[:TOP])
    # A result that leads the single index clearly leads the sharded one too.
    if single[0][1] > single[1][1] * (1 + TOLERANCE):
        assert sharded[0][0] == single[0][0]
