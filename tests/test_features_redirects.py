"""features/redirects.py: old addresses of imported releases keep working."""

from __future__ import annotations

import csv

import pytest
from bs4 import BeautifulSoup

from press_release.features import redirects
from press_release.features.redirects import Moved

from .test_build import pelican

OLD = "https://humas.contoh.go.id"

OLD_PATHS = [
    ("https://humas.contoh.go.id/2023/05/rapat/", OLD, "2023/05/rapat/"),
    ("http://www.humas.contoh.go.id/2023/05/rapat", OLD, "2023/05/rapat"),
    ("https://humas.contoh.go.id/portal/berita/1.html", OLD + "/portal", "berita/1.html"),
    ("https://humas.contoh.go.id/lain/berita/1.html", OLD + "/portal", None),
    ("https://situs-lain.go.id/2023/05/rapat/", OLD, None),
    ("https://humas.contoh.go.id/index.php?id=12", OLD, "index.php?id=12"),
]  # fmt: skip


@pytest.mark.parametrize(("url", "base", "expected"), OLD_PATHS,
                         ids=["folder", "www_no_slash", "under_base", "outside_base",
                              "other_host", "query"])  # fmt: skip
def test_old_path(url, base, expected):
    assert redirects.old_path(url, base) == expected


OUTPUT_FILES = [
    ("2023/05/rapat/", "2023/05/rapat/index.html"),
    ("2023/05/rapat", "2023/05/rapat/index.html"),
    ("berita/1.html", "berita/1.html"),
    ("berita/rapat%20banjir/", "berita/rapat banjir/index.html"),
    ("index.php?id=12", None),
    ("berita/lihat.php", None),
    ("../../etc/passwd", None),
    ("berita/%2e%2e/%2e%2e/rahasia.html", None),
    ("berita/a%2fb.html", None),
    ("berita/%00.html", None),
    ("", None),
]  # fmt: skip


@pytest.mark.parametrize(("relative", "expected"), OUTPUT_FILES,
                         ids=["folder", "no_slash", "html", "encoded_space", "query",
                              "php", "dotdot", "encoded_dotdot", "encoded_slash", "nul",
                              "home"])  # fmt: skip
def test_output_file_is_never_outside_the_output(relative, expected):
    assert redirects.output_file(relative) == expected


def moved(old, url, source="a.txt"):
    return Moved(old, url, "Judul", source)


def test_plan_on_the_same_host_writes_pages_with_relative_targets():
    plan = redirects.plan(
        [moved(f"{OLD}/berita/rapat.html", "2023/05/rapat/")], OLD, "", "auto", set()
    )
    [page] = plan.pages
    assert (page.path, page.target) == ("berita/rapat.html", "../2023/05/rapat/")
    assert plan.rows == [] and plan.warnings == []


def test_plan_for_another_host_is_a_csv_list():
    plan = redirects.plan([moved(f"{OLD}/berita/rapat.html", "2023/05/rapat/")], OLD,
                          "https://humas-baru.github.io/situs", "auto", set())  # fmt: skip
    assert plan.pages == []
    assert plan.rows == [
        (f"{OLD}/berita/rapat.html", "https://humas-baru.github.io/situs/2023/05/rapat/")
    ]


def test_plan_never_replaces_a_page_of_the_site_and_names_the_release():
    items = [moved(f"{OLD}/kategori/berita/", "2023/05/rapat/", "2023-05-01-rapat.txt")]
    plan = redirects.plan(items, OLD, "", "pages", {"kategori/berita/index.html"})
    assert plan.pages == []
    assert (
        plan.warnings[0][0] == "2023-05-01-rapat.txt"
        and "page of the new site" in plan.warnings[0][1]
    )


def test_plan_same_address_needs_no_redirect_and_claims_once():
    items = [
        moved(f"{OLD}/2023/05/rapat/", "2023/05/rapat/", "a.txt"),
        moved(f"{OLD}/lama/x/", "2023/05/x/", "b.txt"),
        moved(f"{OLD}/lama/x/", "2023/06/y/", "c.txt"),
    ]
    plan = redirects.plan(items, OLD, "", "pages", set())
    assert [p.path for p in plan.pages] == ["lama/x/index.html"]
    assert [w[0] for w in plan.warnings] == ["c.txt"]


def test_query_addresses_go_to_the_csv_in_pages_mode():
    plan = redirects.plan([moved(f"{OLD}/index.php?id=12", "2023/05/x/")], OLD, "", "pages", set())
    assert plan.pages == [] and plan.rows == [(f"{OLD}/index.php?id=12", "/2023/05/x/")]


# -- real builds ----------------------------------------------------------------------
RELEASE = """Judul: {title}
Tanggal: 2023-05-0{day}
URL-Lama: {old}

SAMARINDA – Pemerintah Provinsi Contoh menggelar rapat koordinasi bersama dinas terkait
di kantor gubernur. (rus/hmsprov)
"""


def build(tmp_path, releases, *settings):
    content = tmp_path / "content"
    content.mkdir()
    for day, (title, old) in enumerate(releases, start=1):
        text = RELEASE.format(title=title, day=day, old=old)
        (content / f"2023-05-0{day}-rilis.txt").write_text(text, encoding="utf-8")
    output = tmp_path / "output"
    result = pelican(content, output, "PRESS_RELEASE_SEARCH=false",
                     f'PRESS_RELEASE_OLD_SITE_URL="{OLD}"', *settings)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    return output, result.stdout + result.stderr


def test_build_writes_redirect_pages_but_never_over_the_sites_own(tmp_path):
    output, log = build(tmp_path, [
        ("Rapat Koordinasi Banjir", f"{OLD}/berita/rapat-koordinasi-banjir.html"),
        ("Rapat Anggaran Daerah", f"{OLD}/arsip/"),  # the site's own archive page
        ("Rapat Kesehatan", f"{OLD}/../../luar/"),
    ])  # fmt: skip
    page = BeautifulSoup(
        (output / "berita" / "rapat-koordinasi-banjir.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    target = page.find("link", rel="canonical")["href"]
    assert target == "../2023/05/rapat-koordinasi-banjir/"
    assert (output / "berita" / target / "index.html").resolve().is_file()
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert "press_release redirect" not in (output / "arsip" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "2023-05-02-rilis.txt" in log and "no redirect" in log
    assert not (tmp_path / "luar").exists() and not (output.parent / "luar").exists()


def test_build_for_another_host_writes_the_csv_list(tmp_path):
    output, _ = build(
        tmp_path, [("Rapat Koordinasi Banjir", f"{OLD}/berita/rapat-koordinasi-banjir.html")],
        'SITEURL="https://humas-contoh.github.io/situs"',
    )  # fmt: skip
    assert not (output / "berita").exists()
    rows = list(csv.reader((output / "redirects.csv").open(encoding="utf-8")))
    assert rows == [
        ["old_url", "new_url"],
        [f"{OLD}/berita/rapat-koordinasi-banjir.html",
         "https://humas-contoh.github.io/situs/2023/05/rapat-koordinasi-banjir/"],
    ]  # fmt: skip


def test_bad_setting_is_reported_and_writes_nothing(tmp_path):
    output, log = build(tmp_path, [("Rapat", f"{OLD}/berita/rapat.html")],
                        'PRESS_RELEASE_OLD_SITE_URL="humas.contoh.go.id"')  # fmt: skip
    assert "PRESS_RELEASE_OLD_SITE_URL" in log
    assert not (output / "berita").exists() and not (output / "redirects.csv").exists()
