"""axe-core on every page type, and keyboard use of the release page."""

from __future__ import annotations

from importlib import resources

import pytest

from .conftest import PAGE_TYPES


def axe_source() -> str:
    """axe.min.js as shipped by PyPI's axe-playwright-python (the `test` extra)."""
    return resources.files("axe_playwright_python").joinpath("axe.min.js").read_text("utf-8")


def run_axe(page) -> list[dict]:
    page.add_script_tag(content=axe_source())
    result = page.evaluate(
        """async () => {
            const r = await axe.run(document, {resultTypes: ['violations']});
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.map(n => n.target.join(' ')).slice(0, 5),
            }));
        }"""
    )
    return result


@pytest.mark.parametrize("width", [360, 1440])
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_axe_reports_no_violation(new_page, server, pages, kind, width):
    page = new_page(width=width)
    page.goto(server + pages[kind])
    assert run_axe(page) == []


def test_tab_starts_with_the_skip_link(new_page, server, pages):
    page = new_page()
    page.goto(server + pages["release"])
    page.keyboard.press("Tab")
    focused = page.evaluate(
        """() => {
            const el = document.activeElement, box = el.getBoundingClientRect();
            return {cls: el.className, href: el.getAttribute('href'),
                    visible: box.width > 0 && box.height > 0 && box.left >= 0 && box.top >= 0,
                    background: getComputedStyle(el).backgroundColor};
        }"""
    )
    assert focused["cls"] == "pr-skip-link"
    assert focused["href"] == "#main-content"
    assert focused["visible"], "the focused skip link is on screen"
    assert focused["background"] == "rgb(255, 221, 0)", "focus shows the yellow highlight"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"
    page.keyboard.press("Tab")
    first_in_main = page.evaluate(
        "document.getElementById('main-content').contains(document.activeElement)"
    )
    assert first_in_main, "after the skip link, Tab continues inside <main>"


def test_every_focusable_element_shows_its_focus(new_page, server, pages):
    page = new_page()
    page.goto(server + pages["release"])
    seen = []
    for _ in range(60):
        page.keyboard.press("Tab")
        state = page.evaluate(
            """() => {
                const el = document.activeElement;
                if (el === document.body) return null;
                const s = getComputedStyle(el), box = el.getBoundingClientRect();
                return {
                    tag: el.tagName, text: (el.textContent || '').trim().slice(0, 40),
                    size: box.width * box.height,
                    indicator: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
                                && s.outlineColor !== 'rgba(0, 0, 0, 0)')
                               || s.boxShadow !== 'none'
                               || s.backgroundColor === 'rgb(255, 221, 0)',
                };
            }"""
        )
        if state is None:
            break
        seen.append(state)
    assert len(seen) > 10
    hidden = [s for s in seen if s["size"] == 0]
    unmarked = [s for s in seen if not s["indicator"]]
    assert hidden == [], "focus never lands on an invisible element"
    assert unmarked == [], "every focused element has a visible focus style"
