"""What a person sees: screenshots at 360 and 1440 px, no sideways scrolling on a phone,
the print stylesheet, use without JavaScript and the weight of a release page."""

from __future__ import annotations

import pytest

from .conftest import PAGE_TYPES

SCREENSHOT_TYPES = ["release", "home", "category", "archives", "place", "reporter", "about", "404"]


@pytest.mark.parametrize("width", [360, 1440])
@pytest.mark.parametrize("kind", SCREENSHOT_TYPES)
def test_screenshot(new_page, server, pages, artifacts, kind, width):
    page = new_page(width=width, height=800)
    page.goto(server + pages[kind])
    page.screenshot(path=str(artifacts / f"{kind}-{width}.png"), full_page=True)
    assert (artifacts / f"{kind}-{width}.png").stat().st_size > 0


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_horizontal_scrolling_at_360(new_page, server, pages, kind):
    page = new_page(width=360, height=740)
    page.goto(server + pages[kind])
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"page is {widths[0]} px wide in a {widths[1]} px viewport"


def test_print_keeps_the_release_and_drops_the_clutter(new_page, server, pages, artifacts):
    page = new_page(width=800)
    page.goto(server + pages["release"])
    page.emulate_media(media="print")
    for selector in (".pr-nav", ".pr-share", ".pr-footer", ".pr-banner", ".pr-related",
                     ".pr-neighbours", ".pr-skip-link"):  # fmt: skip
        assert page.locator(selector).first.is_hidden(), f"{selector} shows in print"
    for selector in (".pr-header__office", ".pr-release__title", ".pr-release__meta",
                     ".pr-release__body", ".pr-byline", ".pr-release__url"):  # fmt: skip
        assert page.locator(selector).first.is_visible(), f"{selector} missing in print"
    printed_url = page.locator(".pr-release__url [data-pr-page-url]").inner_text()
    assert printed_url == server + pages["release"]
    page.screenshot(path=str(artifacts / "release-print.png"), full_page=True)


def test_release_page_works_without_javascript(new_page, server, pages):
    page = new_page(javascript=False)
    page.goto(server + pages["release"])
    assert page.locator(".pr-release__body p").count() >= 2
    copy = page.locator("a.pr-share__link--copy")
    assert copy.count() == 1, "without JavaScript, 'copy link' is a plain link to the page"
    assert copy.get_attribute("href").rstrip("/").endswith(pages["release"].rstrip("/"))
    assert page.locator("[data-pr-print]").is_hidden(), "no print button that cannot work"
    for name in ("WhatsApp", "Facebook", "X"):
        assert page.get_by_role("link", name=name, exact=True).count() == 1


def test_javascript_adds_copy_and_print_buttons(new_page, server, pages):
    page = new_page()
    page.goto(server + pages["release"])
    page.wait_for_load_state("load")
    assert page.locator("[data-pr-print]").is_visible()
    # http://127.0.0.1 is a secure context, so the copy link became a button
    button = page.locator("button.pr-share__link--copy")
    assert button.count() == 1
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    button.click()
    # The clipboard write is asynchronous: wait for the status it announces.
    page.locator("[data-pr-status]", has_text="Tautan disalin").wait_for(timeout=5_000)
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == server + pages["release"]


def test_release_page_is_light(new_page, server, pages):
    """Under 60 KB transferred without images; no request leaves the site."""
    page = new_page()
    sizes, foreign = {}, []

    def record(response):
        if not response.url.startswith(server):
            foreign.append(response.url)
        elif response.request.resource_type != "image":
            sizes[response.url] = len(response.body())

    page.on("response", record)
    page.goto(server + pages["release"], wait_until="networkidle")
    total = sum(sizes.values())
    print(f"release page: {total} bytes in {len(sizes)} requests")
    assert foreign == []
    assert total < 60_000, sizes
