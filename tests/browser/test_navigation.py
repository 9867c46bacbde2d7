"""What the first screen shows on a phone and a desktop, and the ways around the site:
breadcrumbs (with their JSON-LD), the current section in the menu, the footer closing a
short page, the width of "Berita Terkait" and the search box's placeholder."""

from __future__ import annotations

import json

import pytest

SCREENS = {"phone": (360, 800), "desktop": (1366, 900)}


def box(page, selector: str) -> dict:
    """The first element's box in the viewport (top, bottom, left, right, width)."""
    return page.locator(selector).first.evaluate(
        """el => { const r = el.getBoundingClientRect();
                   return {top: r.top, bottom: r.bottom, left: r.left, right: r.right,
                           width: r.width}; }"""
    )


@pytest.mark.parametrize("screen", SCREENS)
def test_home_first_screen_shows_the_first_headline(new_page, server, pages, screen):
    width, height = SCREENS[screen]
    page = new_page(width=width, height=height)
    page.goto(server + pages["home"])
    headline = box(page, ".pr-card__title")
    print(f"\nhome at {width}x{height}: first headline at y={headline['top']:.0f}")
    assert headline["bottom"] <= height


@pytest.mark.parametrize("screen", SCREENS)
def test_release_first_screen_shows_title_and_lead(new_page, server, pages, screen):
    width, height = SCREENS[screen]
    page = new_page(width=width, height=height)
    page.goto(server + pages["release"])
    title, lead = box(page, "h1.pr-release__title"), box(page, ".pr-lead")
    line = page.locator(".pr-lead").evaluate("el => parseFloat(getComputedStyle(el).lineHeight)")
    print(f"\nrelease at {width}x{height}: title y={title['top']:.0f}, lead y={lead['top']:.0f}")
    assert title["bottom"] <= height
    assert lead["top"] + 2 * line <= height, "the first two lines of the lead are on screen"


BREADCRUMBS = {
    # page type: the links expected after "Beranda"
    "release": 1,  # its category
    "category": 1,  # Kategori
    "place": 1,  # Tempat
    "archive-month": 2,  # Arsip, the year
    "reporter": 1,  # Reporter
    "about": 0,
}


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("kind", BREADCRUMBS)
def test_breadcrumbs_and_their_json_ld(new_page, server, pages, kind, screen):
    width, height = SCREENS[screen]
    page = new_page(width=width, height=height)
    page.goto(server + pages[kind])
    links = page.locator("nav.pr-breadcrumbs a")
    assert links.count() == 1 + BREADCRUMBS[kind]
    assert links.first.inner_text() == "Beranda"
    assert links.first.get_attribute("href").rstrip("/").endswith(("", ".."))
    for index in range(links.count()):
        assert links.nth(index).is_visible()
        link_box = links.nth(index).evaluate("el => el.getBoundingClientRect().right")
        assert link_box <= width, "no breadcrumb runs off the screen"
    scripts = page.locator("script[type='application/ld+json']").all_text_contents()
    [trail] = [d for d in map(json.loads, scripts) if d["@type"] == "BreadcrumbList"]
    items = trail["itemListElement"]
    assert [item["position"] for item in items] == list(range(1, links.count() + 2))
    assert [item["name"] for item in items[:-1]] == links.all_inner_texts()
    assert items[-1]["name"] in page.title()  # the page itself closes the list
    assert items[-1]["item"].endswith(pages[kind].rstrip("/") + "/") or kind == "about"


CURRENT = {
    "category": "Kategori",
    "categories": "Kategori",
    "archives": "Arsip",
    "archive-year": "Arsip",
    "archive-month": "Arsip",
    "place": "Tempat",
    "places": "Tempat",
    "search": "Cari",
    "home": "Beranda",
}


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("kind", CURRENT)
def test_menu_marks_the_current_section(new_page, server, pages, kind, screen):
    width, height = SCREENS[screen]
    page = new_page(width=width, height=height)
    page.goto(server + (pages.get(kind) or "/search.html"))
    page.wait_for_load_state("load")
    marked = page.locator(".pr-nav [aria-current='page']")
    assert marked.count() == 1
    assert marked.inner_text() == CURRENT[kind]
    style = marked.evaluate(
        """el => { const s = getComputedStyle(el), r = el.getBoundingClientRect();
                   return {bar: s.borderBottomWidth, colour: s.borderBottomColor,
                           left: r.left, right: r.right}; }"""
    )
    assert style["bar"] == "4px" and style["colour"] == "rgb(255, 255, 255)"
    assert style["left"] >= 0 and style["right"] <= width, "the mark is on screen"
    others = page.locator(".pr-nav__link:not([aria-current])").first
    assert others.evaluate("el => getComputedStyle(el).borderBottomColor") == "rgba(0, 0, 0, 0)"


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("kind", ["404", "categories", "about"])
def test_footer_closes_the_window_on_short_pages(new_page, server, pages, kind, screen):
    width, height = SCREENS[screen]
    page = new_page(width=width, height=height)
    page.goto(server + pages[kind])
    bottom = page.evaluate(
        "document.querySelector('body > footer').getBoundingClientRect().bottom + scrollY"
    )
    document = page.evaluate("document.documentElement.scrollHeight")
    assert bottom >= height - 0.5, "no white band under the footer"
    assert abs(bottom - document) <= 0.5, "nothing after the footer"


def test_related_releases_are_as_wide_as_the_article(new_page, server, pages):
    page = new_page(width=1366, height=900)
    page.goto(server + pages["release"])
    article, related = box(page, "article.pr-release"), box(page, ".pr-related")
    assert related["left"] == article["left"]
    assert related["width"] <= article["width"] + 0.5


def contrast(foreground: tuple, background: tuple) -> float:
    """WCAG contrast ratio of two sRGB colours (0-255)."""

    def luminance(rgb):
        def channel(c):
            c /= 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = map(channel, rgb)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_search_box_placeholder_is_readable(new_page, server):
    page = new_page(width=1366, height=900)
    page.goto(server + "/search.html")
    box_ = page.locator("input[placeholder]").first
    box_.wait_for(timeout=10_000)
    colours = box_.evaluate(
        """el => {
            const parse = c => c.match(/[\\d.]+/g).map(Number);
            const p = getComputedStyle(el, '::placeholder');
            let bg = 'rgba(0, 0, 0, 0)', node = el;
            while (node && parse(bg)[3] === 0) {
                bg = getComputedStyle(node).backgroundColor; node = node.parentElement;
            }
            if (parse(bg).length === 4 && parse(bg)[3] === 0) bg = 'rgb(255, 255, 255)';
            return {fg: parse(p.color), opacity: parseFloat(p.opacity), bg: parse(bg)};
        }"""
    )
    bg = colours["bg"][:3]
    alpha = colours["opacity"] * (colours["fg"][3] if len(colours["fg"]) == 4 else 1)
    fg = [alpha * f + (1 - alpha) * b for f, b in zip(colours["fg"][:3], bg, strict=True)]
    ratio = contrast(tuple(fg), tuple(bg))
    print(f"\nplaceholder contrast {ratio:.2f}:1")
    assert ratio >= 4.5
