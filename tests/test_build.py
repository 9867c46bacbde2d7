"""Real Pelican builds of small sites, read back with beautifulsoup4."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .conftest import FIXTURES, ROOT

SITE_FIXTURES = [
    "example_layout", "dateline_brackets_outlet", "byline_inside_last_sentence",
    "list_numbered_items", "chrome_related_timestamps",
]  # fmt: skip


WIDE = dict(os.environ, COLUMNS="400")  # rich must not wrap the log lines we read


def pelican(content: Path, output: Path, *extra: str, cwd: Path = ROOT):
    settings = ROOT / "pelicanconf.py"
    return subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s", str(settings),
         "-e", f'PATH="{content}"', *extra],
        capture_output=True, text=True, cwd=cwd, timeout=300, env=WIDE,
    )  # fmt: skip


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def article_pages(output: Path) -> dict[str, BeautifulSoup]:
    """Release pages keyed by the file name, found through the dateline markup."""
    pages = {}
    for page in output.rglob("*.html"):
        html = soup(page)
        if html.select_one("span.dateline") and html.select_one(".pr-lead"):
            pages[page.relative_to(output).as_posix()] = html
    return pages


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    content = tmp_path_factory.mktemp("content")
    for name in SITE_FIXTURES:
        day = len(os.listdir(content)) + 1
        shutil.copy(FIXTURES / f"{name}.txt", content / f"2024-05-0{day}-{name}.txt")
    (content / "2024-06-01-hostile.txt").write_text(
        "Berita Utama\nRapat <script>alert(1)</script> & “Kutipan” di Samarinda\n\n"
        "SAMARINDA – Pemprov menulis <b>tebal</b> & {{ jinja }} serta **markdown** di sini "
        "pada rapat koordinasi. (rus/hmsprov)\n",
        encoding="utf-8",
    )
    output = tmp_path_factory.mktemp("output")
    result = pelican(content, output)
    assert result.returncode == 0, result.stdout + result.stderr
    return content, output, result


def test_every_release_becomes_a_page(site):
    content, output, _ = site
    assert len(article_pages(output)) == len(list(content.glob("*.txt")))


def test_release_page_fields(site):
    _, output, _ = site
    expected = json.loads((FIXTURES / "example_layout.json").read_text(encoding="utf-8"))
    pages = [
        p for p in article_pages(output).values() if p.h1.get_text(strip=True) == expected["title"]
    ]
    assert len(pages) == 1
    page = pages[0]
    lead = page.select_one(".pr-lead")
    assert lead.select_one("span.dateline").get_text().startswith(expected["dateline"])
    assert expected["summary"] in lead.get_text()
    body = page.select_one(".pr-lead").parent.get_text()
    assert f"({expected['byline']})" not in body  # the byline left the body
    assert expected["byline"] in page.get_text()  # ...and is shown by the theme
    assert "Berita Terkait\nGovernment Public Relation" not in body


def test_text_is_never_markup(site):
    _, output, _ = site
    page = next(p for p in article_pages(output).values() if "alert(1)" in p.h1.get_text())
    lead = page.select_one(".pr-lead")
    assert lead.find("b") is None and "<b>tebal</b>" in lead.get_text()
    assert "{{ jinja }}" in lead.get_text() and "**markdown**" in lead.get_text()
    assert all(
        "alert(1)" not in (s.string or "")
        for s in page.find_all("script")
        if s.get("type") != "application/ld+json"
    )


def test_slugs_are_ascii_and_unique(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    for day in (1, 2, 3):
        (content / f"2024-03-0{day}-rapat.txt").write_text(
            "Rapat Koordinasi Banjir di Samarinda\n\nSAMARINDA – Pemprov Kaltim menggelar rapat "
            f"koordinasi banjir ke-{day} bersama BPBD dan dinas terkait. (rus/hmsprov)\n",
            encoding="utf-8",
        )
    output = tmp_path / "output"
    result = pelican(content, output)
    assert result.returncode == 0, result.stderr
    names = sorted(article_pages(output))
    slugs = ["rapat-koordinasi-banjir-di-samarinda" + suffix for suffix in ("", "-2", "-3")]
    assert len(names) == 3
    for slug in slugs:
        assert sum(f"/{slug}/" in f"/{name}" or f"/{slug}." in f"/{name}" for name in names) == 1
    assert "alamatnya sama dengan" in result.stdout + result.stderr  # Indonesian by default
    assert all(name.isascii() for name in names)


def test_undated_release_is_dated_by_git_and_warned(tmp_path):
    repo = tmp_path / "repo"
    content = repo / "content"
    content.mkdir(parents=True)
    (content / "rapat-tanpa-tanggal.txt").write_text(
        "Rapat Tanpa Tanggal\n\nSAMARINDA – Pemprov Kaltim menggelar rapat koordinasi "
        "bersama BPBD dan dinas terkait pekan ini. (rus/hmsprov)\n",
        encoding="utf-8",
    )
    env = dict(os.environ, GIT_AUTHOR_DATE="2021-02-03T10:00:00+08:00",
               GIT_COMMITTER_DATE="2021-02-03T10:00:00+08:00")  # fmt: skip
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.id"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "rilis"], check=True, env=env)
    output = tmp_path / "output"
    result = pelican(content, output)
    assert result.returncode == 0, result.stderr
    assert "tanggal tidak ditemukan" in result.stdout + result.stderr  # DEFAULT_LANG "id"
    [page] = article_pages(output).values()
    # The commit's moment, in the site's TIMEZONE (Asia/Makassar, UTC+8).
    assert page.find("time", datetime="2021-02-03T10:00:00+08:00") is not None

    # an author problem: --fatal warnings still builds the site (without the build's
    # store, which would find the release unchanged and count its warning in one line)
    fatal = pelican(content, tmp_path / "out2", "--fatal", "warnings",
                    "-e", "PRESS_RELEASE_BUILD_CACHE=null")  # fmt: skip
    assert fatal.returncode == 0, fatal.stdout + fatal.stderr
    assert "tanggal tidak ditemukan" in fatal.stdout + fatal.stderr


def test_demo_site_builds_without_any_warning(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-o", str(tmp_path / "out"),
         "-s", "pelicanconf.py", "--fatal", "warnings"],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(article_pages(tmp_path / "out")) >= 15


def test_releases_of_one_date_build_identically_under_any_hash_seed(tmp_path):
    """Pelican gathers files in a set; the order of same-date releases must not leak out."""
    content = tmp_path / "content"
    content.mkdir()
    places = ["SAMARINDA", "BALIKPAPAN", "BONTANG", "TENGGARONG"]
    for number in range(12):
        (content / f"2024-03-12-rilis-{number:02d}.txt").write_text(
            f"Berita Utama\nRapat Koordinasi Banjir Nomor {number}\n\n"
            f"{places[number % 4]} – Pemprov Kaltim menggelar rapat koordinasi banjir "
            f"bersama BPBD, dinas sosial dan dinas kesehatan, rapat ke-{number}. "
            "(rus/hmsprov)\n",
            encoding="utf-8",
        )
    digests = []
    for seed in ("1", "2"):
        output = tmp_path / f"out-{seed}"
        env = dict(WIDE, PYTHONHASHSEED=seed)
        result = subprocess.run(
            [sys.executable, "-m", "pelican", str(content), "-o", str(output),
             "-s", str(ROOT / "pelicanconf.py"), "-e", f'PATH="{content}"'],
            capture_output=True, text=True, cwd=ROOT, timeout=300, env=env,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        digests.append(
            {
                p.relative_to(output).as_posix(): p.read_bytes()
                for p in output.rglob("*")
                if p.is_file()
            }
        )
    assert digests[0].keys() == digests[1].keys()
    differing = sorted(name for name in digests[0] if digests[0][name] != digests[1][name])
    assert differing == []


def test_an_article_holds_only_the_fields_its_release_has(tmp_path):
    """A field the release lacks is no attribute (memory: see README, Performance); the
    release page is drawn alike with or without it."""
    from pelican.contents import Article
    from pelican.readers import Readers
    from pelican.settings import read_settings

    content = tmp_path / "content"
    content.mkdir()
    (content / "2024-03-12-lengkap.txt").write_text(
        "Kalimantan Timur\n\nPemprov Salurkan Bantuan Banjir\n\n"
        "Bantuan disalurkan ke empat kecamatan.\n\n"
        "SAMARINDA (ANTARA) – Pemprov Kaltim menyalurkan bantuan logistik kepada warga "
        "terdampak banjir di Samarinda, Selasa (12/3/2024), melalui posko kecamatan.\n\n"
        "Bantuan berupa beras, air bersih dan selimut. (rus/hmsprov)\n\nEditor: Arif\n",
        "utf-8",
    )
    (content / "2024-03-13-ringkas.txt").write_text(
        "Pemprov Gelar Rapat Koordinasi\n\n"
        "SAMARINDA – Pemprov Kaltim menggelar rapat koordinasi penanganan banjir di "
        "Samarinda, Rabu (13/3/2024), bersama kepala perangkat daerah.\n\n"
        "Rapat membahas langkah lanjutan. (rus/hmsprov)\n",
        "utf-8",
    )
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(content)})
    readers = Readers(settings)
    full, short = (
        readers.read_file(str(content), name, content_class=Article, context={})
        for name in ("2024-03-12-lengkap.txt", "2024-03-13-ringkas.txt")
    )
    assert (full.dek, full.dateline_agency, full.credits) == (
        "Bantuan disalurkan ke empat kecamatan.", "ANTARA", ["Editor: Arif"]
    )  # fmt: skip
    for name in ("dek", "dateline_agency", "credits", "captions", "credited_reporters"):
        assert not hasattr(short, name) and name not in short.metadata, name
    assert (short.dateline_display, short.byline, short.reporters) == (
        "Samarinda", "rus/hmsprov", ["rus"]
    )  # fmt: skip

    out = tmp_path / "out"
    result = pelican(content, out, "--fatal", "warnings")
    assert result.returncode == 0, result.stderr[-2000:]
    pages = {name.split("/")[-2]: html for name, html in article_pages(out).items()}
    full_page = next(html for name, html in pages.items() if "bantuan" in name)
    short_page = next(html for name, html in pages.items() if "rapat" in name)
    assert full_page.select_one(".pr-release__dek").get_text() == full.dek
    assert "(ANTARA)" in full_page.select_one(".pr-release__meta").get_text()
    assert short_page.select_one(".pr-release__dek") is None
    assert "(" not in short_page.select_one(".pr-release__meta").get_text()
    rows = [row.get_text(" ", strip=True) for row in full_page.select(".pr-byline__row")]
    assert "Editor Arif" in rows
    assert not any("Editor" in row.get_text() for row in short_page.select(".pr-byline__row"))
