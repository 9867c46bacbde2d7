"""The build's store (speed/store.py): each `pelican` run is a new process, as each run of
the Pages workflow is; a run renders only the pages whose keys changed, and the site it
leaves is the site a fresh build writes; its log repeats no warning of an unchanged
release. (Parse results kept: test_speed_parse_cache.py.)"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from press_release.speed import page_cache
from press_release.speed.session import SESSION
from press_release.speed.store import BuildStore, store_folder

from .conftest import ROOT
from .test_build import WIDE
from .test_speed_page_cache import site
from .test_speed_parallel import tree

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate  # noqa: E402

COUNT = 40
RENDERED = re.compile(r"rendered (\d+) pages")


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("archive")
    generate(COUNT, target, seed=29)
    return target / "raw"


def build(content: Path, output: Path, *settings: str) -> tuple[int, dict[str, int]]:
    """`pelican` in a process of its own, as the Pages workflow runs it (publishconf.py:
    the output emptied first): the pages it rendered, and each page's modification time."""
    log = run(content, output, *settings)
    found = RENDERED.search(log)
    assert found, log[-3000:]
    times = {p.relative_to(output).as_posix(): p.stat().st_mtime_ns for p in
             output.rglob("*.html")}  # fmt: skip
    return int(found.group(1)), times


def run(content: Path, output: Path, *settings: str) -> str:
    """The log of such a build, its words run together as one line."""
    done = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-o", str(output),
         "-s", str(ROOT / "publishconf.py"), "-e", "PRESS_RELEASE_SEARCH=false",
         "PRESS_RELEASE_JOBS=2", 'SITEURL="https://humas.example.go.id"', *settings, "-v"],
        capture_output=True, text=True, cwd=ROOT, timeout=600, env=WIDE,
    )  # fmt: skip
    log = " ".join((done.stdout + done.stderr).split())
    assert done.returncode == 0, log[-3000:]
    return log


def test_a_new_process_renders_only_the_pages_that_changed(archive, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(archive, content)
    out = tmp_path / "out"
    first, _times = build(content, out)
    assert (tmp_path / ".cache" / "build" / "pages.marshal").is_file()
    again, times = build(content, out)
    assert first > COUNT and again == 0, (first, again)
    # Pelican emptied the output: every page came back from the store, as it was written
    assert tree(out).keys() >= set(times)

    added = content / "2031-02-03-rilis-tambahan.txt"
    shutil.copy(sorted(content.glob("*.txt"))[7], added)
    rendered, after = build(content, out)
    assert 0 < rendered < first / 2, (rendered, first)
    fresh = tmp_path / "fresh"
    total, _times = build(content, fresh, "PRESS_RELEASE_BUILD_CACHE=null")
    assert tree(out) == tree(fresh)
    unchanged = [name for name in times if after.get(name) == times[name]]
    assert len(unchanged) > len(times) / 2
    # An older page of a list is left alone (features/pagination.py), but for the newest
    # one of a list whose first page was split, which now links to the new page.
    older = [name for name in times if "halaman/" in name and after[name] != times[name]]
    lists = {name.split("halaman/")[0] for name in older}
    assert len(older) == len(lists), older
    assert any("halaman/" in name for name in unchanged)

    # A changed template: every page is rendered again, in the next process too.
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    rendered, _times = build(content, out, f'THEME="{theme}"')
    assert rendered == total
    footer = theme / "templates" / "partials" / "footer.html"
    footer.write_text(footer.read_text("utf-8") + "<!-- versi 2 -->\n", "utf-8")
    rendered, _times = build(content, out, f'THEME="{theme}"')
    assert rendered == total
    pages = [p for p in out.rglob("*.html") if "<html" in p.read_text("utf-8")]
    assert pages and all("<!-- versi 2 -->" in p.read_text("utf-8") for p in pages)


def test_a_store_whose_files_changed_or_whose_record_is_broken_renders_again(archive, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(archive, content)
    out = tmp_path / "out"
    first, _times = build(content, out)
    store = tmp_path / ".cache" / "build"
    # A page of the store edited after the build: it is rendered, not published as edited.
    page = next((store / "files").glob("20*/*/*/index.html"))
    page.write_text(page.read_text("utf-8").replace("<html", "<html data-diubah", 1), "utf-8")
    rendered, _times = build(content, out)
    assert rendered == 1
    assert "data-diubah" not in (out / page.relative_to(store / "files")).read_text("utf-8")
    # A record cut short, or of another kind: ignored, every page rendered.
    manifest = store / "pages.marshal"
    manifest.write_bytes(manifest.read_bytes()[:100])
    rendered, _times = build(content, out)
    assert rendered == first
    manifest.write_text(json.dumps({"format": 1}), "utf-8")
    assert build(content, out)[0] == first


def test_files_whose_times_an_archive_kept_to_the_second_are_taken(tmp_path):
    """actions/cache restores the store from a tar archive."""
    output, folder = tmp_path / "out", tmp_path / "store"
    page = output / "a" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text("<p>halaman</p>", "utf-8")
    stat = page.stat()
    record = {"call": (1, [(str(page), stat.st_size, stat.st_mtime_ns)])}
    BuildStore(str(folder), str(output)).save(record, {})
    kept = folder / "files" / "a" / "index.html"
    assert kept.read_text("utf-8") == "<p>halaman</p>"
    shutil.rmtree(output)
    whole = stat.st_mtime_ns - stat.st_mtime_ns % 1_000_000_000 + 7
    os.utime(kept, ns=(whole, whole))
    store = BuildStore(str(folder), str(output))
    calls, _pages = store.load()
    store.restore(*calls["call"][1][0])
    assert page.read_text("utf-8") == "<p>halaman</p>"
    assert page.stat().st_mtime_ns == stat.st_mtime_ns
    # Of another size: not the recorded file, left where it is.
    shutil.rmtree(output)
    kept.write_text("<p>lain</p>", "utf-8")
    store.restore(*calls["call"][1][0])
    assert not page.exists()
    # A symbolic link in its place, to a file of the same size and time: never published.
    secret = tmp_path / "rahasia.txt"
    secret.write_text("<p>rahasia</p>"[: stat.st_size].ljust(stat.st_size), "utf-8")
    os.utime(secret, ns=(stat.st_mtime_ns, stat.st_mtime_ns))
    kept.unlink()
    kept.symlink_to(secret)
    store.restore(*calls["call"][1][0])
    assert not page.exists() and not page.is_symlink()


def test_a_store_inside_the_output_or_holding_it_is_refused(tmp_path, caplog):
    settings = {"PATH": str(tmp_path / "content"), "PRESS_RELEASE_BUILD_CACHE": "out/cache"}
    assert store_folder(settings, str(tmp_path / "out"), warn=True) is None
    assert "PRESS_RELEASE_BUILD_CACHE" in caplog.text
    settings["PRESS_RELEASE_BUILD_CACHE"] = "."
    assert store_folder(settings, str(tmp_path / "out")) is None
    settings["PRESS_RELEASE_BUILD_CACHE"] = ".cache/build"
    assert store_folder(settings, str(tmp_path / "out")) == str(tmp_path / ".cache" / "build")
    settings["PRESS_RELEASE_BUILD_CACHE"] = None
    assert store_folder(settings, str(tmp_path / "out")) is None


def test_keys_are_the_same_in_every_process():
    """Python's hash() of a string differs from one process to the next; the keys do not."""
    code = (
        "from pelican.settings import read_settings\n"
        "from press_release.speed import page_cache as p\n"
        f"s = read_settings({str(ROOT / 'pelicanconf.py')!r})\n"
        "print(p.digest_of(('kaltim', 1, (2.5, None, True))), p.site_key(s, p.code_key()),"
        " p.unordered([('a',), ('b', 2)]))\n"
    )
    runs = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       cwd=ROOT, env={**WIDE, "PYTHONHASHSEED": seed}, check=True).stdout
        for seed in ("1", "2", "random")
    }  # fmt: skip
    assert len(runs) == 1, runs
    assert str(page_cache.digest_of(("kaltim", 1, (2.5, None, True)))) == runs.pop().split()[0]
    # a value marshal cannot write makes no key: its call is rendered, the build goes on
    with pytest.raises(page_cache.Opaque):
        page_cache.digest_of(("kaltim", object()))


def test_a_set_of_descriptions_is_a_set_whatever_the_order_or_repeats():
    """A shared list taken by what it holds (page_cache.Build._uncounted): 10,000 releases
    and 10,001 are the same set of "article", so the older pages of a list keep their keys."""
    assert page_cache.unordered(["article"] * 3 + [("kaltim", 2)]) == page_cache.unordered(
        [("kaltim", 2), "article"]
    )
    assert page_cache.unordered(["a"]) != page_cache.unordered(["a", "b"])


NO_DATELINE = (
    "Rapat Koordinasi Banjir Tanpa Dateline\n\nPemerintah provinsi menggelar rapat koordinasi "
    "penanganan banjir bersama BPBD di kantor gubernur pada hari Senin.\n\nRapat membahas "
    "kesiapan posko dan logistik bagi warga terdampak.\n"
)


def test_warnings_of_unchanged_releases_are_counted_not_repeated(archive, tmp_path):
    """Each build's log names the releases read anew with their warnings; those of
    releases unchanged since the last build are in the report, and counted in one line."""
    content = tmp_path / "content"
    shutil.copytree(archive, content)
    release = content / "2024-05-06-rapat-banjir.txt"
    release.write_text(NO_DATELINE, "utf-8")
    out = tmp_path / "out"
    said = "2024-05-06-rapat-banjir.txt: dateline tidak ditemukan"
    first = run(content, out)
    assert said in first
    assert "tidak diulang di sini" not in first
    again = run(content, out)
    assert said not in again
    counted = re.search(r"(\d+) rilis yang tidak berubah sejak build sebelumnya masih punya "
                        r"(\d+) peringatan, tidak diulang di sini: lihat "
                        r"press-release-report\.json", again)  # fmt: skip
    assert counted, again[-3000:]
    report = json.loads((tmp_path / "press-release-report.json").read_text("utf-8"))
    warned = [f for f in report["files"] if f.get("warnings")]
    assert int(counted.group(1)) == len(warned)
    assert int(counted.group(2)) == sum(len(f["warnings"]) for f in warned)
    assert any(f["source"] == release.name for f in warned), warned[:3]
    # The author edits the release (the dateline still missing): its warning is shown.
    release.write_text(NO_DATELINE.replace("Senin", "Selasa"), "utf-8")
    edited = run(content, out)
    assert said in edited
    assert int(re.search(r"(\d+) rilis yang tidak berubah", edited).group(1)) == len(warned) - 1


def test_a_store_inside_the_output_is_a_site_problem(archive, tmp_path):
    """It would be published: --fatal warnings stops the build; without it, the site is
    built with nothing kept and nothing written inside the output but the site."""
    out = tmp_path / "out"
    command = [sys.executable, "-m", "pelican", str(archive), "-o", str(out), "-s",
               str(ROOT / "publishconf.py"), "-e", "PRESS_RELEASE_SEARCH=false",
               'SITEURL="https://humas.example.go.id"',
               f'PRESS_RELEASE_BUILD_CACHE="{out / "cache"}"']  # fmt: skip
    fatal = subprocess.run([*command, "--fatal", "warnings"], capture_output=True, text=True,
                           cwd=ROOT, timeout=600, env=WIDE)  # fmt: skip
    assert fatal.returncode != 0
    assert "PRESS_RELEASE_BUILD_CACHE" in fatal.stdout + fatal.stderr
    built = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=600,
                           env=WIDE)  # fmt: skip
    assert built.returncode == 0, built.stderr[-2000:]
    assert (out / "index.html").is_file() and not (out / "cache").exists()


def test_a_deleted_releases_page_leaves_the_output_and_the_store(archive, tmp_path):
    """In a new process (records read from the store) and in the same one (a rebuild of
    --autoreload): the page of a deleted release is neither published nor kept."""
    content = tmp_path / "content"
    shutil.copytree(archive, content)
    out, files = tmp_path / "out", tmp_path / ".cache" / "build" / "files"
    build(content, out)
    pages = {p.relative_to(out) for p in out.glob("20*/*/*/index.html")}
    assert pages and {p.relative_to(files) for p in files.glob("20*/*/*/index.html")} == pages
    releases = sorted(content.glob("*.txt"))
    releases[3].unlink()
    build(content, out)
    left = {p.relative_to(out) for p in out.glob("20*/*/*/index.html")}
    assert len(left) == len(pages) - 1
    assert {p.relative_to(files) for p in files.glob("20*/*/*/index.html")} == left

    SESSION.forget()
    try:
        live = site(content, out, DELETE_OUTPUT_DIRECTORY=True, PRESS_RELEASE_REUSE_PAGES=True)
        live.run()
        releases[5].unlink()
        live.run()
    finally:
        SESSION.forget()
        SESSION.collector.thaw_previous_build()
    now = {p.relative_to(out) for p in out.glob("20*/*/*/index.html")}
    assert len(now) == len(left) - 1
    assert {p.relative_to(files) for p in files.glob("20*/*/*/index.html")} == now


TAKEN = re.compile(r"(\d+) of (\d+) articles taken as the last build made them")


def taken(log: str) -> int:
    found = TAKEN.search(log)
    return int(found.group(1)) if found else 0


def test_articles_come_from_the_store_and_an_edited_release_is_made_again(archive, tmp_path):
    """The next process takes the article of each unchanged file as the last build made it
    (kept_articles.py); an edited file's article is made anew, with the edit; other
    settings make every article anew; the site is the one a fresh build writes."""
    content = tmp_path / "content"
    shutil.copytree(archive, content)
    out = tmp_path / "out"
    assert taken(run(content, out)) == 0
    assert list((tmp_path / ".cache" / "build" / "articles").glob("*.pickle"))
    assert taken(run(content, out)) == COUNT

    release = sorted(content.glob("*.txt"))[11]
    text = release.read_text("utf-8")
    words = text.split()
    word = max((w for w in words if w.isalpha() and text.count(w) == 1), key=len)
    release.write_text(text.replace(word, "Terverifikasi"), "utf-8")
    assert taken(run(content, out)) == COUNT - 1
    fresh = tmp_path / "fresh"
    run(content, fresh, "PRESS_RELEASE_BUILD_CACHE=null")
    assert tree(out) == tree(fresh)
    pages = [p for p in out.glob("20*/*/*/index.html") if "Terverifikasi" in p.read_text("utf-8")]
    assert len(pages) == 1

    # Another date format: every article is made with it, none taken from the store.
    log = run(content, out, 'DEFAULT_DATE_FORMAT="%d/%m/%Y"')
    assert taken(log) == 0
    assert taken(run(content, out, 'DEFAULT_DATE_FORMAT="%d/%m/%Y"')) == COUNT


class _Planted:
    """What an attacker who can write the store's cache would plant: a pickle that runs
    a command when it is read."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return os.system, (f"touch {self.marker}",)


def test_a_store_of_articles_holding_other_objects_is_ignored_not_run(archive, tmp_path):
    """Only the classes an article holds are read from the store (an allow-list): a
    pickle planted in one of its files is not run, and every article is made anew."""
    import marshal
    import pickle

    content = tmp_path / "content"
    shutil.copytree(archive, content)
    out = tmp_path / "out"
    run(content, out)
    kept = sorted((tmp_path / ".cache" / "build" / "articles").glob("*.pickle"))[0]
    with kept.open("rb") as handle:
        header = marshal.load(handle)
    marker = tmp_path / "ran"
    with kept.open("wb") as handle:
        marshal.dump(header, handle)
        pickle.dump(({"x": _Planted(marker)}, {}), handle)
    log = run(content, out)
    assert not marker.exists()
    assert "the store's articles are not used" in log and taken(log) == 0
    fresh = tmp_path / "fresh"
    run(content, fresh, "PRESS_RELEASE_BUILD_CACHE=null")
    assert tree(out) == tree(fresh)
    # The build wrote a good store again: the next process takes every article.
    assert taken(run(content, out)) == COUNT
