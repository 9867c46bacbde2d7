"""Browser fixtures: the demo site built once, served on 127.0.0.1, and Debian's Chromium.

Skipped with a reason when /usr/bin/chromium is missing, except in CI (CI=true), where a
missing browser fails. Never `playwright install`: Playwright drives the system Chromium.
"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "_artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def build_demo_site(output: Path) -> None:
    """`pelican content -o OUTPUT -s pelicanconf.py`, failing on any warning."""
    result = subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-o", str(output), "-s", "pelicanconf.py",
         "--fatal", "warnings"],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
        env=dict(os.environ, COLUMNS="200"),
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def first(output: Path, pattern: str) -> str:
    """URL path of the first page matching a glob under the output folder."""
    matches = sorted(output.glob(pattern))
    assert matches, f"no page matches {pattern}"
    return "/" + matches[0].relative_to(output).as_posix().removesuffix("index.html")


def page_types(output: Path) -> dict[str, str]:
    """One URL path per page type of the theme (keys: PAGE_TYPES)."""
    return {
        "release": first(output, "20[0-9][0-9]/[01][0-9]/*/index.html"),
        "home": "/",
        "home-page-2": first(output, "halaman/2/index.html"),
        "category": first(output, "kategori/*/index.html"),
        "categories": "/kategori/",
        "archives": "/arsip/",
        "archive-year": first(output, "arsip/20[0-9][0-9]/index.html"),
        "archive-month": first(output, "arsip/20[0-9][0-9]/[01][0-9]/index.html"),
        "reporter": first(output, "reporter/*/index.html"),
        "reporters": "/reporter/",
        "place": "/tempat/samarinda/",
        "places": "/tempat/",
        "about": "/tentang/",
        "404": "/404.html",
    }


PAGE_TYPES = [
    "release", "home", "home-page-2", "category", "categories", "archives", "archive-year",
    "archive-month", "reporter", "reporters", "place", "places", "about", "404",
]  # fmt: skip


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    output = tmp_path_factory.mktemp("theme-site") / "output"
    build_demo_site(output)
    return output


@pytest.fixture(scope="session")
def server(built_site):
    handler = functools.partial(QuietHandler, directory=str(built_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def pages(built_site):
    return page_types(built_site)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing: .ci/run must install Debian's chromium")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium); browser tests skipped")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser):
    """Factory of pages in fresh contexts; fails the test on any JavaScript error."""
    contexts, errors = [], []

    def make(width=1440, height=900, javascript=True):
        context = browser.new_context(
            viewport={"width": width, "height": height},
            java_script_enabled=javascript,
            locale="id-ID",
        )
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        return page

    yield make
    for context in contexts:
        context.close()
    assert errors == [], errors


@pytest.fixture(scope="session")
def artifacts():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
