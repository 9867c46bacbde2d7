"""A rebuild in one process (pelican --autoreload) takes the articles of unchanged files
as the last build made them, as new objects, and writes the site a fresh build writes."""

from __future__ import annotations

import json
import os
import shutil
import time
import weakref
from pathlib import Path

import pytest
from pelican import signals
from pelican.log import LimitFilter

from press_release import reader
from press_release.features.report import AUTHOR
from press_release.speed import article_cache
from press_release.speed.session import SESSION

# `clean` (autouse): nothing kept before or after each test, as in test_speed_page_cache
from .test_speed_page_cache import archive, clean, differences, edit, site  # noqa: F401
from .test_speed_parallel import tree

OPTIONS = {"PRESS_RELEASE_REUSE_PAGES": True, "PRESS_RELEASE_JOBS": 1}


@pytest.fixture
def read(monkeypatch) -> list[str]:
    """The names of the files the reader is asked to read."""
    names: list[str] = []
    real = reader.PressReleaseReader.read

    def counting(self, source_path):
        names.append(Path(source_path).name)
        return real(self, source_path)

    monkeypatch.setattr(reader.PressReleaseReader, "read", counting)
    return names


@pytest.fixture
def built() -> list[dict]:
    """The articles of each build, by file name, as the articles generator finished them."""
    builds: list[dict] = []

    def finished(generator):
        builds.append({Path(a.source_path).name: (a, generator) for a in generator.articles})

    signals.article_generator_finalized.connect(finished)
    yield builds
    signals.article_generator_finalized.disconnect(finished)


def test_a_rebuild_makes_articles_of_changed_files_only(archive, tmp_path, read):  # noqa: F811
    content = tmp_path / "content"
    shutil.copytree(archive, content)
    files = sorted(content.glob("*.txt"))
    live = site(content, tmp_path / "live", **OPTIONS)
    live.run()
    assert sorted(read) == [p.name for p in files]
    read.clear()
    live.run()
    assert read == []
    edit(files[4], b" di ", b" di dekat ")
    edit(files[7], b"\n", b" Baru\n")  # a title: a new URL
    live.run()
    assert sorted(read) == [files[4].name, files[7].name]
    fresh = tmp_path / "fresh"
    site(content, fresh, PRESS_RELEASE_JOBS=1).run()
    assert differences(tree(fresh), tree(tmp_path / "live")) == []
    # another settings object (a new Pelican, as --autoreload makes when the settings
    # file changes): every article is made again
    read.clear()
    site(content, tmp_path / "live", **OPTIONS).run()
    assert len(read) == len(files)


def test_taken_articles_are_new_objects_as_first_made(archive, tmp_path, built):  # noqa: F811
    live = site(archive, tmp_path / "out", **OPTIONS)
    live.run()
    name = sorted(built[0])[3]
    first, _generator = built[0][name]
    reporters = list(first.metadata["reporters"])
    for number in (1, 2):
        earlier, _generator = built[number - 1][name]
        # what a build or a plugin does to its articles after making them
        earlier.metadata["reporters"].append("zzz")
        earlier.metadata["extra"] = "x"
        earlier.slug = "lain"
        live.run()
        again, generator = built[number][name]
        assert again is not earlier
        assert again._context is generator.context is not earlier._context
        assert again.metadata["reporters"] == reporters == again.reporters
        assert again.reporters is again.metadata["reporters"]  # shared, as Pelican made it
        assert "extra" not in again.metadata
        assert again.slug != "lain"
        assert again.url == first.url  # URLs are set anew on each build's objects


def test_warnings_are_reported_in_every_rebuild_and_counted_in_its_log(
    archive,  # noqa: F811
    tmp_path,
    caplog,
    read,  # noqa: F811
):
    """The first build logs each warning; a rebuild that takes the releases unchanged
    reports them all again and logs one line counting them (report.tell)."""
    out = tmp_path / "out"
    live = site(archive, out, **OPTIONS)
    live.run()
    report = json.loads((out.parent / "press-release-report.json").read_text("utf-8"))
    # the log speaks the site's language: the report's "messages" (its "warnings" are English)
    warned = {f["source"]: f["messages"] for f in report["files"] if f["warnings"]}
    assert warned  # the generated archive has releases without a byline code
    read.clear()
    caplog.clear()
    # Pelican's loggers drop a message given once in the process already (LimitFilter):
    # forget those, so that what the rebuild logs is seen
    LimitFilter._raised_messages.clear()
    with caplog.at_level(AUTHOR):
        live.run()
    assert read == []
    logged = {r.getMessage() for r in caplog.records}
    for source, warnings in warned.items():
        for warning in warnings:
            assert f"press_release: {source}: {warning}" not in logged
    count = sum(map(len, warned.values()))
    assert (
        f"press_release: {len(warned)} rilis yang tidak berubah sejak build sebelumnya masih "
        f"punya {count} peringatan, tidak diulang di sini: lihat press-release-report.json"
    ) in logged
    again = json.loads((out.parent / "press-release-report.json").read_text("utf-8"))
    assert again == report


def test_a_plugin_hearing_of_new_articles_hears_of_every_one(archive, tmp_path, read):  # noqa: F811
    made = []

    def listening(content):
        made.append(content.source_path)

    signals.content_object_init.connect(listening)
    try:
        live = site(archive, tmp_path / "out", **OPTIONS)
        live.run()
        count = len(made)
        assert count == len(list(archive.glob("*.txt")))
        read.clear()
        live.run()
    finally:
        signals.content_object_init.disconnect(listening)
    assert len(made) == 2 * count
    assert len(read) == count


def test_articles_dated_by_the_clock_are_made_again(tmp_path, read):
    content = tmp_path / "content"
    content.mkdir()
    body = (
        "SAMARINDA – Gubernur meninjau lokasi banjir di Samarinda bersama warga sekitar "
        "dan petugas.\n\nBantuan disalurkan ke posko.\n\n(rus/hmsprov)\n"
    )
    (content / "2024-03-12-biasa.txt").write_text("Rilis Biasa\n\n" + body, "utf-8")
    (content / "2099-01-05-kelak.txt").write_text("Rilis Kelak\n\n" + body, "utf-8")
    (content / "tanpa-tanggal.txt").write_text("Rilis Tanpa Tanggal\n\n" + body, "utf-8")
    live = site(content, tmp_path / "out", **OPTIONS)
    live.run()
    assert sorted(read) == ["2024-03-12-biasa.txt", "2099-01-05-kelak.txt", "tanpa-tanggal.txt"]
    assert list(SESSION.article_cache._articles) == [str(content / "2024-03-12-biasa.txt")]
    read.clear()
    live.run()
    # a future release turns from draft to published on its day; an undated one takes
    # its date from git or the file's time, which its bytes do not tell
    assert sorted(read) == ["2099-01-05-kelak.txt", "tanpa-tanggal.txt"]


def test_a_rebuild_frees_the_articles_of_the_build_before(archive, tmp_path):  # noqa: F811
    """Pelican's memoized content caches and the build's frozen objects no longer keep
    every earlier build alive in a --autoreload process."""
    builds = []

    def finished(generator):
        builds.append([weakref.ref(article) for article in generator.articles])

    signals.article_generator_finalized.connect(finished)
    try:
        live = site(archive, tmp_path / "out", PRESS_RELEASE_REUSE_PAGES=True)
        for _ in range(3):
            live.run()
    finally:
        signals.article_generator_finalized.disconnect(finished)
    assert len(builds) == 3
    for earlier in builds[:2]:
        assert [ref for ref in earlier if ref() is not None] == []


def test_a_kept_release_takes_back_its_slug_when_its_namesake_goes(tmp_path, read):
    """Slugs are made unique after the articles are kept: a release renamed "-2" for a
    namesake is published under its own slug again once the namesake is deleted."""
    content = tmp_path / "content"
    content.mkdir()
    body = (
        "Rapat Koordinasi Penanganan Banjir\n\nSAMARINDA – Gubernur memimpin rapat "
        "koordinasi penanganan banjir bersama bupati dan wali kota, {day}.\n\nBantuan "
        "disalurkan ke posko pengungsian.\n\n(rus/hmsprov)\n"
    )
    first = content / "2024-03-11-rapat.txt"
    first.write_text(body.format(day="Senin (11/3/2024)"), "utf-8")
    (content / "2024-03-12-rapat.txt").write_text(body.format(day="Selasa (12/3/2024)"), "utf-8")
    out = tmp_path / "out"
    live = site(content, out, **OPTIONS)
    live.run()
    assert (out / "2024/03/rapat-koordinasi-penanganan-banjir-2/index.html").exists()
    first.unlink()
    read.clear()
    live.run()
    assert read == []  # the remaining release was kept
    fresh = tmp_path / "fresh"
    site(content, fresh, PRESS_RELEASE_JOBS=1).run()
    assert differences(tree(fresh), tree(out)) == []
    page = out / "2024/03/rapat-koordinasi-penanganan-banjir/index.html"
    assert "Selasa (12/3/2024)" in page.read_text("utf-8")


def test_files_whose_times_are_unchanged_are_not_read_again(archive, tmp_path, monkeypatch):  # noqa: F811
    """A rebuild asks the file system for each file's size and times, and reads and hashes
    only the files whose stamp changed (here: the same size and modification time, new
    bytes, which only the change time tells); the site is still the fresh build's."""
    monkeypatch.setattr(article_cache, "_SETTLED_NS", 0)  # no file is too recent to trust
    hashed: list[int] = []
    real = article_cache.digest

    def counting(raw: bytes) -> bytes:
        hashed.append(len(raw))
        return real(raw)

    monkeypatch.setattr(article_cache, "digest", counting)
    content = tmp_path / "content"
    shutil.copytree(archive, content)
    files = sorted(content.glob("*.txt"))
    out = tmp_path / "out"
    live = site(content, out, **OPTIONS)
    live.run()
    live.run()
    assert hashed == []  # every file stamped as the first build read it
    target = files[5]
    before = target.stat()
    data = target.read_bytes()
    assert b" di " in data
    target.write_bytes(data.replace(b" di ", b" ke ", 1))  # same size
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert target.stat().st_size == before.st_size
    assert target.stat().st_mtime_ns == before.st_mtime_ns
    live.run()
    assert len(hashed) == 1  # its change time told: read, hashed, made again
    fresh = tmp_path / "fresh"
    site(content, fresh, PRESS_RELEASE_JOBS=1).run()
    assert differences(tree(fresh), tree(out)) == []


def test_a_file_changed_just_now_is_read_whatever_its_times(tmp_path):
    """Within two seconds of a change (of its bytes or its times: the change time) a
    file's stamp is not trusted: a change in the same tick may leave its times as they were."""
    path = tmp_path / "rilis.txt"
    path.write_bytes(b"x")
    assert article_cache.stamp_of(os.stat(path)) is None
    os.utime(path, ns=(0, 0))  # an old modification time; the change time is now
    assert article_cache.stamp_of(os.stat(path)) is None
    settled = time.time_ns() + 3 * article_cache._SETTLED_NS
    real = time.time_ns
    try:
        time.time_ns = lambda: settled
        assert article_cache.stamp_of(os.stat(path))[0] == 1
    finally:
        time.time_ns = real


@pytest.mark.parametrize("links", [True, False])
def test_a_rebuild_with_search_keeps_the_unchanged_shards_and_record_digests(
    tmp_path, monkeypatch, links
):
    """Under one process, a new release: only its record is made again (the others' digests
    are kept, speed/records.py), only its shard is indexed and linked (or, with the cache
    on another file system, copied) into the output (the other shards' files stay the very
    files), and the index is a fresh build's."""
    from press_release.speed import records

    if not links:

        def no_link(source, target, *args, **kwargs):
            raise OSError(18, "Invalid cross-device link")

        monkeypatch.setattr(os, "link", no_link)

    from .test_features_search import RELEASES, bundle_files, shard_titles

    made: list[str] = []
    real = records.article_digest

    def counting(article) -> bytes:
        made.append(Path(article.source_path).name)
        return real(article)

    monkeypatch.setattr(records, "article_digest", counting)
    content = tmp_path / "content"
    content.mkdir()
    names = sorted(RELEASES)
    for name in names[:3]:
        (content / name).write_text(RELEASES[name], encoding="utf-8")
    options = {**OPTIONS, "PRESS_RELEASE_SEARCH": True, "PRESS_RELEASE_SEARCH_SHARD_SIZE": 1}
    out = tmp_path / "out"
    live = site(content, out, **options)
    live.run()
    assert sorted(made) == names[:3]
    bundle = out / "pagefind"
    before = {p: p.stat().st_ino for p in bundle.rglob("*") if p.is_file()}
    (content / names[3]).write_text(RELEASES[names[3]], encoding="utf-8")
    made.clear()
    live.run()
    assert made == [names[3]]
    titles = shard_titles(bundle)
    assert all(name.startswith("4-") for name in titles)  # 3 and 4 releases: 4 shards
    home = next(n for n, t in titles.items() if RELEASES[names[3]].splitlines()[1] in t)
    for path, inode in before.items():
        if path.exists() and home not in path.relative_to(bundle).parts:
            assert path.stat().st_ino == inode, path
    fresh = tmp_path / "fresh"
    site(content, fresh, PRESS_RELEASE_JOBS=1, PRESS_RELEASE_SEARCH=True,
         PRESS_RELEASE_SEARCH_SHARD_SIZE=1, PRESS_RELEASE_SEARCH_CACHE=None).run()  # fmt: skip
    assert bundle_files(fresh / "pagefind") == bundle_files(bundle)
