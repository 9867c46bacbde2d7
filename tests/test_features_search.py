"""The search index: records, shards, the shards' cache, real Pelican builds read back.

The bundles are read as the browser reads them: Pagefind's files are gzip'd, a signature
and then JSON (fragments) or CBOR (metadata, filters).
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

import pytest

from press_release.features import search
from press_release.features.search_pagefind import read_pagefind_file
from press_release.features.search_records import (
    plan_shards,
    record_of,
    release_text,
    shard_count,
    shard_key,
)
from press_release.speed.page_cache import code_key
from press_release.speed.session import RECORDS
from press_release.speed.store import load_kept

from .conftest import ROOT
from .test_build import WIDE, pelican

# --- records ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ('<p class="pr-lead"><span class="dateline">SAMARINDA –</span> Gubernur hadir.</p>',
         "SAMARINDA – Gubernur hadir."),
        ("<p>Satu.</p>\n<p>Dua &amp; tiga.</p>", "Satu. Dua & tiga."),
        ("<p>Kode &lt;img src=x onerror=alert(1)&gt; ditulis.</p>",
         "Kode <img src=x onerror=alert(1)> ditulis."),
        ("<ul><li>Satu</li><li>Dua</li></ul>", "Satu Dua"),
        ("<p>Spasi\u00a0tak\u00a0putus\n dan  ganda.</p>", "Spasi tak putus dan ganda."),
        ('<p class="pr-caption">FOTO : Warga antre. (ky/hmsprov)</p>\n<p class="pr-lead">'
         "BONTANG – Isi.</p>", "BONTANG – Isi. FOTO : Warga antre. (ky/hmsprov)"),
        ("", ""),
    ],
    ids=["dateline", "entities", "literal-markup", "list", "spaces", "caption-last", "empty"],
)  # fmt: skip
def test_release_text(body, text):
    assert release_text(body) == text


def article(day: str, url: str = "", title: str = "Judul", category: str | None = "Berita"):
    date = datetime.fromisoformat(day)
    return SimpleNamespace(
        date=date,
        url=url or f"{date:%Y/%m}/{day}/",
        title=title,
        _content="<p>Isi rilis.</p>",
        category=category,
        place=SimpleNamespace(name="Samarinda"),
    )


def test_a_record_holds_the_release_and_its_fields():
    record = record_of(article("2024-03-05", title="Banjir &amp; Longsor <b>Kaltim</b>"))
    assert record == {
        "url": "/2024/03/2024-03-05/",
        "content": "Isi rilis.",
        "meta": {"title": "Banjir & Longsor Kaltim", "date": "2024-03-05",
                 "place": "Samarinda", "category": "Berita"},
        "filters": {"Tahun": ["2024"], "Kategori": ["Berita"]},
        "sort": {"date": "2024-03-05T00:00:00"},
    }  # fmt: skip


def test_a_release_without_category_has_no_kategori_filter():
    record = record_of(article("2024-03-05", category=None))
    assert "Kategori" not in record["filters"] and "category" not in record["meta"]


# --- shards -------------------------------------------------------------------------------


def days(year: int, count: int) -> list:
    """`count` releases of `year`, a day apart from 1 January on."""
    return [article(f"{year}-{1 + i // 28 % 12:02d}-{1 + i % 28:02d}", url=f"{year}/{i:04d}/")
            for i in range(count)]  # fmt: skip


@pytest.mark.parametrize(
    ("total", "size", "count"),
    [(0, 10, 1), (10, 10, 1), (11, 10, 2), (25, 10, 4), (40, 10, 4), (41, 10, 8),
     (100_000, 5000, 32), (100_000, 0, 1)],
    ids=["empty", "full", "one-over", "power-of-two", "exactly", "doubles", "100k", "size-0"],
)  # fmt: skip
def test_shard_count(total, size, count):
    assert shard_count(total, size) == count


def test_plan_shards_spreads_every_release_once_in_date_order():
    articles = days(2023, 30) + days(2024, 30)
    shards = plan_shards(reversed(articles), 10)
    assert list(shards) == [f"8-{i}" for i in range(8)]
    assert sorted(a.url for items in shards.values() for a in items) == sorted(
        a.url for a in articles
    )
    for items in shards.values():
        assert 1 <= len(items) <= 20  # a hash: about 60 / 8 each
        assert [a.date for a in items] == sorted(a.date for a in items)


def test_a_new_release_changes_one_shard():
    before = plan_shards(days(2024, 25), 10)
    after = plan_shards([*days(2024, 25), article("2024-12-31", url="2024/12/baru/")], 10)
    changed = [name for name in after if after[name] != before.get(name)]
    assert len(changed) == 1 and set(before) <= set(after)


def test_shard_key_follows_every_input():
    records = [record_of(a) for a in days(2024, 3)]
    key = shard_key(records, "id", "pagefind 1.5.2")
    assert shard_key(records, "id", "pagefind 1.5.2") == key
    edited = [*records[:2], {**records[2], "content": "Isi lain."}]
    assert shard_key(edited, "id", "pagefind 1.5.2") != key
    assert shard_key(records, "en", "pagefind 1.5.2") != key
    assert shard_key(records, "id", "pagefind 1.6.0") != key
    assert shard_key(records[:2], "id", "pagefind 1.5.2") != key


# --- real builds --------------------------------------------------------------------------

RELEASES = {
    "2023-04-11-banjir-samarinda.txt": (
        "Berita Utama\nPemprov Salurkan Bantuan Banjir\n\n"
        "SAMARINDA – Pemerintah provinsi menyalurkan bantuan logistik kepada warga terdampak "
        "banjir di tiga kecamatan, Selasa (11/4). Bantuan berupa beras dan air bersih. "
        "(rus/hmsprov)\n"
    ),
    "2024-02-20-stunting-bontang.txt": (
        "Kesehatan\nPosyandu Bontang Tekan Stunting\n\n"
        "BONTANG – Kader posyandu menimbang balita setiap bulan untuk menekan angka stunting "
        "di kota itu, Selasa (20/2). (jay/hmsprov)\n"
    ),
    "2024-09-02-jalan-penajam.txt": (
        "Berita Utama\nJalan Provinsi di Penajam Rampung\n\n"
        "PENAJAM – Perbaikan jalan provinsi sepanjang dua belas kilometer rampung lebih "
        "cepat dari jadwal, Senin (2/9). Warga menyambut baik. (ky/hmsprov)\n"
    ),
    "2025-01-15-pasar-murah.txt": (
        "Ekonomi\nPasar Murah Tekan Inflasi\n\n"
        "BALIKPAPAN – Pasar murah digelar di lima kelurahan untuk menahan harga bahan pokok "
        "menjelang Ramadan, Rabu (15/1). (ris/hmsprov)\n"
    ),
}


def write_content(folder: Path) -> Path:
    content = folder / "content"
    content.mkdir(parents=True, exist_ok=True)
    for name, text in RELEASES.items():
        (content / name).write_text(text, encoding="utf-8")
    return content


def build(content: Path, output: Path, *extra: str):
    result = pelican(content, output, *extra)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


def fragments(shard: Path) -> list[dict]:
    found = []
    for path in sorted((shard / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        found.append(json.loads(data[data.index(b"{") :]))
    return found


def bundle_files(bundle: Path) -> dict[str, bytes]:
    return {p.relative_to(bundle).as_posix(): p.read_bytes()
            for p in sorted(bundle.rglob("*")) if p.is_file()}  # fmt: skip


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("search-site")
    content = write_content(root)
    output = root / "output"
    log = build(content, output)
    bundle = output / "pagefind"
    return SimpleNamespace(root=root, content=content, output=output, log=log, bundle=bundle)


def test_a_small_archive_is_one_shard(site):
    listing = json.loads((site.bundle / "shards.json").read_text(encoding="utf-8"))
    assert listing == {"generator": "press_release", "shards": ["1-0"]}
    assert (site.bundle / "1-0" / "pagefind-entry.json").is_file()
    assert (site.bundle / "1-0" / "pagefind.js").is_file()


def test_the_index_holds_the_release_text_alone(site):
    found = {f["meta"]["title"]: f for f in fragments(site.bundle / "1-0")}
    assert len(found) == len(RELEASES)
    banjir = found["Pemprov Salurkan Bantuan Banjir"]
    assert banjir["content"].startswith("SAMARINDA – Pemerintah provinsi menyalurkan")
    assert banjir["meta"]["place"] == "Samarinda"
    assert banjir["meta"]["date"] == "2023-04-11"
    assert banjir["filters"] == {"Kategori": ["Berita Utama"], "Tahun": ["2023"]}
    for fragment in found.values():
        text = fragment["content"]
        assert fragment["meta"]["title"] not in text  # the title is metadata, not text
        for chrome in ("Siaran Pers", "Dari:", "Berita Terkait", "Bagikan", "Reporter"):
            assert chrome not in text
        assert fragment["url"].startswith("/20") and fragment["url"].endswith("/")


def test_each_shard_has_the_filters(sharded):
    for shard in sharded.bundle.iterdir():
        if not shard.is_dir():
            continue
        entry = json.loads((shard / "pagefind-entry.json").read_text(encoding="utf-8"))
        meta = read_pagefind_file(shard / f"pagefind.{entry['languages']['id']['hash']}.pf_meta")
        assert sorted(f[0] for f in meta[3]) == ["Kategori", "Tahun"]


@pytest.fixture(scope="module")
def sharded(tmp_path_factory):
    """The same releases, one shard each on average (PRESS_RELEASE_SEARCH_SHARD_SIZE = 1)."""
    root = tmp_path_factory.mktemp("sharded")
    content = write_content(root)
    output = root / "output"
    log = build(content, output, "-e", "PRESS_RELEASE_SEARCH_SHARD_SIZE=1")
    return SimpleNamespace(root=root, content=content, output=output, log=log,
                           bundle=output / "pagefind")  # fmt: skip


def shard_titles(bundle: Path) -> dict[str, list[str]]:
    listing = json.loads((bundle / "shards.json").read_text(encoding="utf-8"))
    return {name: sorted(f["meta"]["title"] for f in fragments(bundle / name))
            for name in listing["shards"]}  # fmt: skip


def test_shards_hold_every_release_once(sharded):
    titles = shard_titles(sharded.bundle)
    assert all(name.startswith("4-") for name in titles) and len(titles) >= 2
    assert sorted(t for shard in titles.values() for t in shard) == sorted(
        text.splitlines()[1] for text in RELEASES.values()
    )


def test_a_rebuild_indexes_only_the_changed_shard(sharded, tmp_path):
    # A copy of the built site and its cache, then one release edited.
    root = tmp_path / "copy"
    shutil.copytree(sharded.root, root)
    content, output = root / "content", root / "output"
    titles = shard_titles(output / "pagefind")
    home = next(n for n, t in titles.items() if "Jalan Provinsi di Penajam Rampung" in t)
    before = {name: bundle_files(output / "pagefind" / name) for name in titles}
    edited = content / "2024-09-02-jalan-penajam.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("dua belas", "lima belas"),
                      encoding="utf-8")  # fmt: skip
    log = build(content, output, "-v", "-e", "PRESS_RELEASE_SEARCH_SHARD_SIZE=1",
                "PRESS_RELEASE_JOBS=2")  # fmt: skip
    # indexed in a second process while the pages were written (the speed layer)
    assert f"{len(titles)} shards, 1 re-indexed (1 alongside the pages)" in " ".join(log.split())
    after = {name: bundle_files(output / "pagefind" / name) for name in titles}
    for name in titles:
        assert (after[name] == before[name]) is (name != home), name
    texts = [f["content"] for f in fragments(output / "pagefind" / home)]
    assert any("lima belas" in t for t in texts) and not any("dua belas" in t for t in texts)
    # Each record was made of its release's body as read: the next process finds the
    # body of each article it takes from the store and does not hash it again
    # (speed/records.py); the edited body above was hashed (its shard re-indexed).
    kept = load_kept(str(root / ".cache" / "build"), RECORDS, code_key())
    assert len(kept) == len(RELEASES) and all(entry[3] is True for entry in kept.values())


def test_a_cached_build_equals_a_fresh_one(sharded, tmp_path):
    """Byte for byte: the shards taken from the cache are those a build without it makes."""
    fresh = tmp_path / "fresh"
    build(sharded.content, fresh, "-e", "PRESS_RELEASE_SEARCH_CACHE=null",
          "PRESS_RELEASE_SEARCH_SHARD_SIZE=1")  # fmt: skip
    assert bundle_files(fresh / "pagefind") == bundle_files(sharded.bundle)
    again = tmp_path / "again"
    log = build(sharded.content, again, "-v", "-e", "PRESS_RELEASE_SEARCH_SHARD_SIZE=1")
    assert "shards, 0 re-indexed" in log
    assert bundle_files(again / "pagefind") == bundle_files(sharded.bundle)


def test_a_removed_release_leaves_the_index_and_the_cache(sharded, tmp_path):
    root = tmp_path / "copy"
    shutil.copytree(sharded.root, root)
    (root / "content" / "2023-04-11-banjir-samarinda.txt").unlink()
    build(root / "content", root / "output", "-e", "PRESS_RELEASE_SEARCH_SHARD_SIZE=1")
    titles = shard_titles(root / "output" / "pagefind")
    everything = [t for shard in titles.values() for t in shard]
    assert "Pemprov Salurkan Bantuan Banjir" not in everything and len(everything) == 3
    assert sorted(os.listdir(root / ".cache/search/shards")) == sorted(titles)


def test_a_cache_inside_the_output_is_refused(tmp_path):
    content = write_content(tmp_path)
    output = tmp_path / "output"
    log = build(content, output, "-e", f'PRESS_RELEASE_SEARCH_CACHE="{output}/cache"')
    assert "PRESS_RELEASE_SEARCH_CACHE" in log and "inside the output folder" in log
    assert (output / "pagefind" / "shards.json").is_file()
    assert not (output / "cache").exists()


def test_a_folder_of_other_files_is_never_replaced(tmp_path):
    content = write_content(tmp_path)
    (content / "extra").mkdir()
    output = tmp_path / "output"
    page = output / "pagefind" / "keep.html"
    page.parent.mkdir(parents=True)
    page.write_text("<p>milik situs</p>", encoding="utf-8")
    log = build(content, output)
    assert "holds files that are not a search index" in log
    assert page.read_text(encoding="utf-8") == "<p>milik situs</p>"


@pytest.mark.parametrize(
    ("files", "ours"),
    [({}, True), ({"shards.json": '{"generator": "press_release", "shards": []}'}, True),
     ({"pagefind-entry.json": "{}"}, True), ({"shards.json": '{"shards": []}'}, False),
     ({"index.html": "<p>x</p>"}, False)],
    ids=["empty", "sharded", "single-bundle", "foreign-json", "pages"],
)  # fmt: skip
def test_ours(tmp_path, files, ours):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert search._ours(str(tmp_path)) is ours


def test_the_pages_workflow_keeps_the_cache():
    """The Pages workflow restores and saves the folder of the setting's default."""
    from press_release.settings import DEFAULTS

    from .test_features_publishing import steps

    cached = [s for s in steps() if s.get("uses", "").startswith("actions/cache@")]
    [step] = [s for s in cached if s["with"]["path"] == DEFAULTS["PRESS_RELEASE_SEARCH_CACHE"]]
    assert step["with"]["restore-keys"] and step["with"]["key"].startswith(
        step["with"]["restore-keys"]
    )
    names = [s.get("name") for s in steps()]
    assert names.index(step["name"]) < names.index("Build the site and its search index")


def test_pagefind_failing_alongside_the_pages_is_a_site_problem(sharded, tmp_path):
    """A rebuild's changed shard is indexed in a second process while the pages are
    written; when Pagefind fails there, the build logs the error and publishes the site
    without a search index (never a half-written one), as it does after the pages."""
    root = tmp_path / "copy"
    shutil.copytree(sharded.root, root)
    content, output = root / "content", root / "output"
    edited = content / "2024-09-02-jalan-penajam.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("dua belas", "tujuh belas"),
                      encoding="utf-8")  # fmt: skip
    broken = tmp_path / "pagefind"
    broken.write_text("#!/bin/sh\nexit 3\n", encoding="utf-8")
    broken.chmod(0o755)
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s",
         str(ROOT / "pelicanconf.py"), "-e", f'PATH="{content}"',
         "PRESS_RELEASE_SEARCH_SHARD_SIZE=1", "PRESS_RELEASE_JOBS=2"],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
        env={**WIDE, "PAGEFIND_BINARY_PATH": str(broken)},
    )  # fmt: skip
    log = " ".join((result.stdout + result.stderr).split())
    assert result.returncode == 0, log[-3000:]
    assert "ERROR" in log and "Pagefind" in log, log[-3000:]
    assert not (output / "pagefind").exists()
    assert (output / "index.html").is_file()


def test_a_folder_the_site_writes_while_the_index_is_planned_is_never_replaced(tmp_path):
    """The index is planned before the pages are written: a search folder the site
    fills meanwhile (here the theme's static files) is seen at the end and left alone."""
    content = write_content(tmp_path)
    output = tmp_path / "output"
    log = build(content, output, "-e", 'PRESS_RELEASE_SEARCH_DIR="theme"')
    assert "holds files that are not a search index" in " ".join(log.split())
    files = [p for p in (output / "theme").rglob("*") if p.is_file()]
    assert files and not (output / "theme" / "shards.json").exists()
    assert any(p.suffix == ".css" for p in files)
