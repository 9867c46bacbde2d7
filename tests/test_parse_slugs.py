"""slugs.py: every value that becomes part of a URL is capped and safe (issue 16).

A 250-character category, reporter code or title stopped the build ("File name too
long"). Slugs now hold only [a-z0-9-], at most SLUG_MAX characters; a shortened one ends
with a short hash of the whole, the same in every build; an empty one gets a fallback.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from press_release.errors import PressReleaseError
from press_release.parse import parse_release
from press_release.parse.slugs import SLUG_MAX, cap_slug, digest, slugify

from .conftest import ROOT
from .test_build import article_pages, soup

SAFE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
PROPERTY = settings(
    max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
LEAD = (
    "SAMARINDA – Pemprov Kaltim menggelar rapat koordinasi penanganan banjir bersama BPBD "
    "di Samarinda, Selasa (12/3/2024)."
)
LONG_TITLE = "Pemprov Kaltim Gelar Rapat Koordinasi Penanganan Banjir " * 5
LONG_CATEGORY = "Biro Administrasi Pimpinan Sekretariat Daerah Provinsi Kalimantan Timur " * 4
LONG_REPORTER = "Muhammad" + "x" * 240


def _safe(slug: str) -> bool:
    return bool(SAFE.fullmatch(slug)) and len(slug) <= SLUG_MAX


# --- slugify and cap_slug -------------------------------------------------------------


def test_a_long_slug_is_cut_at_a_word_with_a_stable_hash():
    slug = slugify(LONG_TITLE)
    assert _safe(slug) and len(slug) > SLUG_MAX - 12
    head, digest = slug.rsplit("-", 1)
    assert len(digest) == 8 and slugify(LONG_TITLE.strip()).startswith(head)
    assert "pemprov-kaltim-gelar-rapat" in head
    assert slugify(LONG_TITLE) == slug  # the same in every build (no salted hash())


def test_long_titles_sharing_their_start_get_distinct_slugs():
    assert slugify(LONG_TITLE + " Pertama") != slugify(LONG_TITLE + " Kedua")


def test_a_short_slug_is_unchanged():
    assert slugify("Rapat Banjir di Samarinda") == "rapat-banjir-di-samarinda"
    assert slugify("a" * SLUG_MAX) == "a" * SLUG_MAX


@pytest.mark.parametrize("text", ["", "   ", "!!!", "—", "???", "🙂✓"])
def test_an_empty_slug_gets_a_stable_fallback(text):
    slug = slugify(text)
    assert _safe(slug) and slug.startswith("rilis")
    assert slugify(text) == slug


def test_texts_without_letters_get_distinct_fallbacks():
    assert slugify("!!!") != slugify("???")
    assert slugify("") == "rilis" and slugify("", fallback="kategori") == "kategori"


def test_one_long_word():
    slug = slugify("x" * 300)
    assert _safe(slug) and slug.startswith("x" * 60)


@PROPERTY
@given(st.text(max_size=400), st.integers(min_value=20, max_value=120))
def test_slugify_is_always_safe_and_capped(text, cap):
    slug = slugify(text, max_length=cap)
    assert SAFE.fullmatch(slug) and len(slug) <= cap


@PROPERTY
@given(st.text(max_size=400))
def test_cap_slug_keeps_short_slugs_and_caps_long_ones(slug):
    capped = cap_slug(slug)
    assert capped and len(capped) <= SLUG_MAX
    if 0 < len(slug) <= SLUG_MAX:
        assert capped == slug


# --- parse_release over hostile values ------------------------------------------------

ANY_VALUE = st.one_of(
    st.text(max_size=300),
    st.sampled_from(["", " ", "()", "/", "///", "(*)", "—", "a" * 260, "Ä" * 200, "..", "-"]),
)
HEADER_KEYS = st.sampled_from(
    ["Judul", "Kategori", "Byline", "Dateline", "Slug", "Label", "Tanggal", "Penulis"]
)
FILE_NAMES = st.one_of(
    st.text(max_size=80),
    st.sampled_from(["2024-02-31-x.txt", "9999-99-99-.txt", "", ".txt", "2024-03-12-" + "y" * 200]),
)


def _one_line(value: str) -> str:
    return " ".join(value.split())


def _url_slugs(release, name: str) -> list[str]:
    """Every URL part the site makes from a release, as the reader makes them."""
    title = release.title or release.summary or name
    values = [release.slug or slugify(title)]
    for value in (release.category, release.dateline_display):
        if value:
            values.append(slugify(value))
    values += [slugify(r) for r in release.reporters + release.credited_reporters]
    return values


@PROPERTY
@given(st.lists(st.tuples(HEADER_KEYS, ANY_VALUE), max_size=5), ANY_VALUE, ANY_VALUE, FILE_NAMES)
def test_parse_release_never_fails_and_every_slug_is_safe(header, category, code, name):
    lines = [f"{key}: {_one_line(value)}" for key, value in header]
    text = "\n".join(lines) + ("\n\n" if lines else "")
    text += f"{_one_line(category)}\n{LONG_TITLE}\n\n{LEAD}\n\nRapat ditutup sore hari. ({code})\n"
    try:
        release = parse_release(text.encode("utf-8", "surrogatepass"), name)
    except PressReleaseError:
        return
    for slug in _url_slugs(release, name):
        assert _safe(slug), slug


# --- a real build with 250-character names ----------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    content = tmp_path_factory.mktemp("content")
    (content / "2024-03-12-panjang.txt").write_text(
        f"Kategori: {LONG_CATEGORY}\nByline: {LONG_REPORTER}/humasprov\n\n{LONG_TITLE}\n\n"
        f"{LEAD}\n\nRapat ditutup sore hari.\n",
        encoding="utf-8",
    )
    (content / "2024-03-13-kode.txt").write_text(
        f"Rapat Banjir Kedua\n\n{LEAD}\n\nRapat ditutup sore hari. (abc/humasprov)\n",
        encoding="utf-8",
    )
    (content / "2024-03-14-tanda.txt").write_text(  # a category line with no word in it
        f"✓✓\nRapat Banjir Ketiga\n\n{LEAD}\n\nRapat ditutup sore hari. (abc/humasprov)\n",
        encoding="utf-8",
    )
    output = tmp_path_factory.mktemp("output")
    env = dict(os.environ, COLUMNS="400", PYTHONPATH=str(ROOT / "plugins"))
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-o", str(output),
         "-s", str(ROOT / "pelicanconf.py"), "-e", f'PATH="{content}"',
         # only a named code is a person with a reporter page
         "-e", "PRESS_RELEASE_REPORTERS=" + json.dumps({LONG_REPORTER: "Reporter Panjang"})],
        capture_output=True, text=True, cwd=ROOT, timeout=300, env=env,
    )  # fmt: skip
    return output, result


def test_the_build_succeeds_with_250_character_names(site):
    output, result = site
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(article_pages(output)) == 3
    assert "Unable to generate valid slug" not in result.stdout + result.stderr


def test_a_category_without_letters_gets_a_stable_fallback(site):
    output, _ = site
    names = [p.name for p in (output / "kategori").iterdir() if p.name.startswith("kategori-")]
    assert names == [f"kategori-{digest('✓✓')}"]


def test_every_written_path_part_is_capped(site):
    output, _ = site
    parts = {part for path in output.rglob("*") for part in path.relative_to(output).parts}
    assert max(map(len, parts)) <= SLUG_MAX + 10, max(parts, key=len)


def _page(output: Path):
    return next(p for p in article_pages(output).values() if "Kaltim Gelar" in p.h1.get_text())


def test_names_are_shown_whole(site):
    output, _ = site
    page = _page(output)
    text = " ".join(page.get_text().split())
    assert " ".join(LONG_TITLE.split()) in text
    assert " ".join(LONG_CATEGORY.split()) in text
    assert LONG_REPORTER in text


@pytest.mark.parametrize("folder", ["kategori", "reporter"])
def test_category_and_reporter_pages_are_written(site, folder):
    output, _ = site
    pages = [p for p in (output / folder).glob("*/index.html") if len(p.parent.name) > 40]
    assert len(pages) == 1, sorted(p.parent.name for p in (output / folder).glob("*"))
    assert _safe(pages[0].parent.name)
    assert soup(pages[0]).h1 is not None


@pytest.mark.parametrize(
    ("header", "kind"),
    [(f"Kategori: {LONG_CATEGORY}", "category"), (f"Byline: {LONG_REPORTER}/humasprov", "reporter"),
     (f"Dateline: {'SAMARINDA ' * 20}", "place")],
    ids=["category", "reporter", "place"],
)  # fmt: skip
def test_an_over_long_name_is_a_warning(header, kind):
    release = parse_release(f"{header}\n\nRapat Banjir\n\n{LEAD}\n".encode(), "rilis.txt")
    assert any(f"the {kind} " in w and "shortened" in w for w in release.warnings)


def test_the_build_reports_the_over_long_names(site):
    _, result = site
    said = " ".join(result.stdout.split())  # the log wraps long messages
    # in the site's language (DEFAULT_LANG "id"): "... alamat webnya dipendekkan ..."
    assert said.count("2024-03-12-panjang.txt: kategori") == 1, said
    assert said.count("2024-03-12-panjang.txt: penulis") == 1, said
    assert said.count("alamat webnya dipendekkan") == 2, said
