"""Hostile text on a real publishing build: shown literally, never markup, everywhere."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .conftest import FIXTURES, ROOT

TITLE = json.loads((FIXTURES / "robust_hostile_markup.json").read_text(encoding="utf-8"))["title"]
HEADER_TITLE = "Judul </script><!-- \"kutip\" & 'apos' {{ x }} <i>miring</i>"
HEADER_RELEASE = f"""Judul: {HEADER_TITLE}
Ringkasan: Ringkas </script><script>alert(3)</script> & "q" 'a' ]]>

SAMARINDA – Pemerintah provinsi menulis </textarea></title><svg onload=alert(4)> & &amp; \
"kutip" di Samarinda pada Rabu (13/3/2024) dalam rapat koordinasi. (rus/humasprov)
"""
# Raw markup that must never appear in any output file (escaped, it is harmless).
NEVER = ["<script>alert", "</script><script", "<svg", "<img src=x", "</textarea>", "<!-- komentar",
         "<i>miring", "<b>", "<!-- \"kutip"]  # fmt: skip
EMITTED_IN_BODY = {"p", "span", "ul", "ol", "li"}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    content = tmp_path_factory.mktemp("content")
    (content / "2024-03-12-hostile.txt").write_bytes(
        (FIXTURES / "robust_hostile_markup.txt").read_bytes()
    )
    (content / "2024-03-13-header.txt").write_text(HEADER_RELEASE, encoding="utf-8")
    output = tmp_path_factory.mktemp("output")
    env = dict(os.environ, COLUMNS="400", PYTHONPATH=str(ROOT / "plugins"))
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-o", str(output),
         "-s", str(ROOT / "publishconf.py"), "-e", f'PATH="{content}"',
         'SITEURL="https://example.org/sub"'],
        capture_output=True, text=True, cwd=ROOT, timeout=600, env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    return content, output


def release_pages(output: Path) -> dict[str, BeautifulSoup]:
    return {
        p.parent.name: BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
        for p in output.glob("2024/03/*/index.html")
    }


def test_no_output_file_holds_raw_markup(site):
    _, output = site
    files = [p for p in output.rglob("*") if p.suffix in {".html", ".xml", ".json", ".txt"}]
    assert len(files) > 10
    for path in files:
        text = path.read_text(encoding="utf-8").lower()
        for needle in NEVER:
            assert needle.lower() not in text, (path, needle)


@pytest.mark.parametrize("title", [TITLE, HEADER_TITLE], ids=["body-title", "header-title"])
def test_title_is_literal_in_title_h1_and_meta(site, title):
    _, output = site
    page = next(p for p in release_pages(output).values() if p.h1.get_text() == title)
    assert page.title.get_text().startswith(title)
    assert page.find("meta", property="og:title")["content"] == title


def test_json_ld_cannot_be_closed_early(site):
    _, output = site
    for name, page in release_pages(output).items():
        blocks = page.find_all("script", type="application/ld+json")
        kinds = {json.loads(block.string)["@type"]: json.loads(block.string) for block in blocks}
        assert sorted(kinds) == ["BreadcrumbList", "NewsArticle"], name
        assert kinds["NewsArticle"]["headline"] in (TITLE, HEADER_TITLE)
        assert kinds["BreadcrumbList"]["itemListElement"][-1]["name"] in (TITLE, HEADER_TITLE)
        raw = (output / "2024/03" / name / "index.html").read_text(encoding="utf-8")
        start = 0
        for _block in blocks:
            start = raw.index("application/ld+json", start) + 1
            script = raw[start : raw.index("</script>", start)]
            assert "<" not in script.split(">", 1)[1], name


def test_body_holds_only_the_tags_we_emit(site):
    _, output = site
    for page in release_pages(output).values():
        lead = page.select_one(".pr-lead")
        body = lead.parent
        tags = {tag.name for tag in body.find_all(True)} - {"div", "section", "article", "figure"}
        assert tags <= EMITTED_IN_BODY | {"a", "h2", "dl", "dt", "dd", "time"}, tags
        assert not any(a.startswith("on") for t in page.find_all(True) for a in t.attrs)
        assert page.find("svg") is None and page.find("textarea") is None


def test_body_text_is_shown_literally(site):
    _, output = site
    pages = release_pages(output)
    text = " ".join(p.select_one(".pr-lead").parent.get_text() for p in pages.values())
    for literal in ["<img src=x onerror=alert(1)>", '<a href="javascript:x">tautan</a>',
                    "**tebal**", "{{ 7*7 }}", "{% raw %}", "&amp;", "</textarea></title>",
                    "]]>"]:  # fmt: skip
        assert literal in text


def test_feeds_show_titles_literally(site):
    feedparser = pytest.importorskip("feedparser")
    _, output = site
    for name in ("all.atom.xml", "all.rss.xml"):
        feed = feedparser.parse(str(output / "feeds" / name))
        assert not feed.bozo, name
        assert {e.title for e in feed.entries} == {TITLE, HEADER_TITLE}


def test_sitemap_is_well_formed_and_lists_no_report(site):
    from xml.etree import ElementTree

    _, output = site
    tree = ElementTree.parse(output / "sitemap.xml")
    locations = [e.text for e in tree.iter() if e.tag.endswith("loc")]
    assert locations and not any("press-release-report" in loc for loc in locations)


def test_search_index_titles_are_literal(site):
    _, output = site
    titles = set()
    for path in (output / "pagefind").glob("*/fragment/*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        fragment = json.loads(data[data.index(b"{") :])
        titles.add(fragment["meta"]["title"])
        assert "press-release-report" not in fragment["url"]
    assert titles == {TITLE, HEADER_TITLE}


def test_check_cli_prints_values_as_json_strings(site):
    content, _ = site
    env = dict(os.environ, PYTHONPATH=str(ROOT / "plugins"))
    result = subprocess.run(
        [sys.executable, "-m", "press_release", "check", "--json", str(content)],
        capture_output=True, text=True, cwd=content, timeout=300, env=env,
    )  # fmt: skip
    records = json.loads(result.stdout)
    assert {r["title"] for r in records} == {TITLE, HEADER_TITLE}
    table = subprocess.run(
        [sys.executable, "-m", "press_release", "check", str(content)],
        capture_output=True, text=True, cwd=content, timeout=300, env=env,
    )  # fmt: skip
    # the table wraps long values in their column: the title's words are all there
    assert "\x1b" not in table.stdout and "Rapat" in table.stdout
    assert "</script><!--" in table.stdout
