"""Photos as a person sees them in Chromium: the first screen of a release on a 360 x 800
phone, the gallery without JavaScript, axe on pages with photos, print."""

from __future__ import annotations

import pytest

from .test_accessibility import run_axe

# The demo release with a lead photo and a gallery (bench/demo_photos.py draws them).
RELEASE = "/2024/03/banjir-rendam-lima-kecamatan-pemprov-kaltim-salurkan-bantuan-logistik/"
# A release in a folder of its own, whose second photo is stored sideways (EXIF).
FOLDER_RELEASE = (
    "/2024/10/berau-siapkan-paket-wisata-bahari-derawan-hingga-maratua-jelang-libur-2f62158f/"
)

FIRST_SCREEN = """() => {
    const box = el => el.getBoundingClientRect();
    const title = box(document.querySelector('h1'));
    const image = document.querySelector('.pr-figure--lead img');
    const lead = document.querySelector('.pr-lead');
    const line = parseFloat(getComputedStyle(lead).lineHeight);
    return {
        title: [title.top, title.bottom], image: [box(image).top, box(image).bottom],
        lead: box(lead).top, line: line, height: window.innerHeight,
        loaded: image.complete && image.naturalWidth > 0, source: image.currentSrc,
        scroll: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
    };
}"""


def test_first_screen_of_a_phone_shows_title_photo_and_lead(new_page, server, artifacts):
    page = new_page(width=360, height=800)
    page.goto(server + RELEASE)
    page.wait_for_load_state("load")
    page.screenshot(path=str(artifacts / "release-photo-360.png"))
    seen = page.evaluate(FIRST_SCREEN)
    assert seen["title"][0] >= 0 and seen["title"][1] <= seen["image"][0]
    assert seen["image"][1] <= seen["height"], "the whole photo is on the first screen"
    assert seen["image"][1] <= seen["lead"]
    assert seen["lead"] + seen["line"] <= seen["height"], "the lead's first line is on it too"
    assert seen["loaded"] and seen["source"].endswith(".webp")
    assert seen["scroll"][0] <= seen["scroll"][1], "no sideways scrolling"


def test_phone_loads_a_small_copy_and_desktop_a_larger_one(new_page, server):
    widths = {}
    for viewport in (360, 1440):
        page = new_page(width=viewport, height=800)
        page.goto(server + RELEASE)
        page.wait_for_load_state("load")
        widths[viewport] = page.evaluate(
            "document.querySelector('.pr-figure--lead img').currentSrc.match(/-(\\d+)\\./)[1]"
        )
    assert int(widths[360]) < int(widths[1440])


def test_gallery_works_without_javascript(new_page, server):
    page = new_page(width=1440, height=900, javascript=False)
    page.goto(server + RELEASE)
    gallery = page.get_by_role("region", name="Foto lainnya")
    links = gallery.get_by_role("link")
    assert links.count() == 2
    name = links.first.evaluate("a => a.textContent + a.querySelector('img').alt")
    assert "Relawan menata paket sembako" in name and "foto ukuran penuh" in name
    assert gallery.locator("figcaption").first.inner_text().startswith("DAPUR UMUM")
    response = page.request.get(links.first.evaluate("a => a.href"))
    assert response.ok and response.headers["content-type"] == "image/jpeg"
    links.first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith(".jpg")
    size = page.evaluate("[document.images[0].naturalWidth, document.images[0].naturalHeight]")
    assert size[0] > 900 and size[1] > 0


def test_a_photo_stored_sideways_is_shown_upright(new_page, server):
    page = new_page(width=1440, height=900)
    page.goto(server + FOLDER_RELEASE)
    image = page.locator(".pr-gallery img").first
    image.scroll_into_view_if_needed()
    image.evaluate("img => img.decode()")
    width, height = image.evaluate("img => [img.naturalWidth, img.naturalHeight]")
    assert height > width  # drawn upright, stored sideways with EXIF orientation 6


@pytest.mark.parametrize("width", [360, 1440])
@pytest.mark.parametrize("path", ["/", RELEASE], ids=["home-thumbnails", "release-photos"])
def test_axe_reports_no_violation_on_photo_pages(new_page, server, path, width):
    page = new_page(width=width)
    page.goto(server + path)
    assert run_axe(page) == []


def test_print_shows_the_lead_photo(new_page, server, artifacts):
    page = new_page(width=800)
    page.goto(server + RELEASE)
    page.wait_for_load_state("load")
    page.emulate_media(media="print")
    lead = page.locator(".pr-figure--lead img")
    assert lead.is_visible()
    box = lead.bounding_box()
    assert box["width"] > 200 and box["height"] > 100
    assert page.locator(".pr-figure--lead figcaption").is_visible()
    page.screenshot(path=str(artifacts / "release-photo-print.png"), full_page=True)
