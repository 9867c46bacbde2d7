"""A rebuild in one process (pelican --autoreload) parses only the files that changed,
and builds the site a fresh build writes."""

from __future__ import annotations

import logging
import shutil

import pytest

from press_release import reader
from press_release.reader import UNCHANGED
from press_release.settings import Config
from press_release.speed import readahead
from press_release.speed.page_cache import PageCache
from press_release.speed.reading import prepare_here
from press_release.speed.session import SESSION

# `clean` (autouse): nothing kept before or after each test, as in test_speed_page_cache
from .test_speed_page_cache import archive, clean, differences, edit, site  # noqa: F401
from .test_speed_parallel import tree


@pytest.fixture
def parsed(monkeypatch) -> list[str]:
    """The names of the files parse_release() is called for, in the build's process."""
    names: list[str] = []
    real = reader.parse_release

    def counting(raw, filename="", config=None):
        names.append(filename)
        return real(raw, filename, config)

    monkeypatch.setattr(reader, "parse_release", counting)
    return names


def test_a_rebuild_parses_only_the_edited_file(archive, tmp_path, parsed, caplog):  # noqa: F811
    content = tmp_path / "content"
    shutil.copytree(archive, content)
    files = sorted(content.glob("*.txt"))
    # one process reads (no read-ahead), so that every parse is seen here
    live = site(content, tmp_path / "live", PRESS_RELEASE_REUSE_PAGES=True, PRESS_RELEASE_JOBS=1)
    live.run()
    assert sorted(parsed) == sorted(p.name for p in files)
    parsed.clear()
    live.run()
    assert parsed == []
    edit(files[4], b" di ", b" di dekat ")
    with caplog.at_level(logging.INFO, logger="press_release.speed.parse_cache"):
        live.run()
    assert parsed == [files[4].name]
    told = f"1 of {len(files)} releases parsed again, the others unchanged"
    assert any(told in record.getMessage() for record in caplog.records)
    fresh = tmp_path / "fresh"
    site(content, fresh, PRESS_RELEASE_JOBS=1).run()
    assert differences(tree(fresh), tree(tmp_path / "live")) == []
    pages = (tmp_path / "live").rglob("*.html")
    assert any("di dekat" in page.read_text("utf-8") for page in pages)


def test_a_rebuild_writes_the_edited_release_first(archive, tmp_path, monkeypatch, caplog):  # noqa: F811
    content = tmp_path / "content"
    shutil.copytree(archive, content)
    files = sorted(content.glob("*.txt"))
    output = tmp_path / "live"
    live = site(content, output, PRESS_RELEASE_REUSE_PAGES=True, PRESS_RELEASE_JOBS=2)
    live.run()
    # The pages holding the edit when the other pages are about to be keyed and rendered
    holding: list[list[str]] = []
    real = PageCache.plan

    def watching(cache, writer, calls, names, *rest):
        pages = output.rglob("*.html")
        holding.append(
            sorted(str(p.relative_to(output)) for p in pages if b"di dekat" in p.read_bytes())
        )
        return real(cache, writer, calls, names, *rest)

    monkeypatch.setattr(PageCache, "plan", watching)
    edit(files[4], b" di ", b" di dekat ")
    with caplog.at_level(logging.INFO, logger="press_release.speed.parallel"):
        live.run()
    first = [r.getMessage() for r in caplog.records if "written first" in r.getMessage()]
    assert len(holding) == 1 and len(holding[0]) == 1, holding
    page = holding[0][0]
    assert page.count("/") == 3 and page.endswith("/index.html")  # 2024/03/slug/index.html
    assert first == [f"press_release: 1 edited release page(s) written first: {output / page}"]
    # the lists showing the lead (home, region, archive pages) follow in the same build
    assert len([p for p in output.rglob("*.html") if b"di dekat" in p.read_bytes()]) > 1
    fresh = tmp_path / "fresh"
    site(content, fresh, PRESS_RELEASE_JOBS=1).run()
    assert differences(tree(fresh), tree(output)) == []
    # nothing edited: nothing goes first
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="press_release.speed.parallel"):
        live.run()
    assert not [r for r in caplog.records if "written first" in r.getMessage()]


def test_a_rebuild_with_other_reader_settings_parses_everything_again(archive, tmp_path, parsed):  # noqa: F811
    content = tmp_path / "content"
    shutil.copytree(archive, content)
    count = len(list(content.glob("*.txt")))
    options = {"PRESS_RELEASE_REUSE_PAGES": True, "PRESS_RELEASE_JOBS": 1}
    site(content, tmp_path / "out", **options).run()
    site(content, tmp_path / "out", **options, PRESS_RELEASE_CATEGORIES=["Kesehatan"]).run()
    assert len(parsed) == 2 * count


def test_a_deleted_or_renamed_file_is_forgotten(archive, tmp_path):  # noqa: F811
    content = tmp_path / "content"
    shutil.copytree(archive, content)
    files = sorted(content.glob("*.txt"))
    live = site(content, tmp_path / "out", PRESS_RELEASE_REUSE_PAGES=True)
    live.run()
    assert set(SESSION.parse_cache._store) == {str(p) for p in files}
    files[0].unlink()
    files[1].rename(content / ("x-" + files[1].name))
    live.run()
    kept = {str(p) for p in files[2:]} | {str(content / ("x-" + files[1].name))}
    assert set(SESSION.parse_cache._store) == kept


def test_a_one_off_build_remembers_nothing(archive, tmp_path):  # noqa: F811
    site(archive, tmp_path / "out", PRESS_RELEASE_BUILD_CACHE=None).run()
    assert not SESSION.parse_cache.warm()


def test_a_build_with_a_store_leaves_its_parse_results_to_the_next_process(
    archive,  # noqa: F811
    tmp_path,
):
    store = tmp_path / "store"
    content = tmp_path / "content"
    shutil.copytree(archive, content)
    site(content, tmp_path / "out", PRESS_RELEASE_BUILD_CACHE=str(store)).run()
    shards = sorted((store / "parsed").glob("*.marshal"))
    assert len(shards) == 32 and sum(p.stat().st_size for p in shards) > 1000
    SESSION.forget()  # a new process
    site(content, tmp_path / "out", PRESS_RELEASE_BUILD_CACHE=str(store)).run()
    assert len(SESSION.parse_cache._recalled) == len(list(content.glob("*.txt")))
    # A release added, in the next process: its shard alone is written again.
    release = sorted(content.glob("*.txt"))[0]
    (content / f"tambahan-{release.name}").write_bytes(release.read_bytes() + b"\nTambahan.\n")
    written = {p.name: p.stat().st_mtime_ns for p in shards}
    SESSION.forget()
    site(content, tmp_path / "out", PRESS_RELEASE_BUILD_CACHE=str(store)).run()
    assert len(SESSION.parse_cache.parsed_again()) == 1
    changed = [p.name for p in shards if p.stat().st_mtime_ns != written[p.name]]
    assert len(changed) == 1, changed
    # Other parser settings: nothing taken.
    SESSION.forget()
    site(content, tmp_path / "out", PRESS_RELEASE_BUILD_CACHE=str(store),
         PRESS_RELEASE_CATEGORIES=["Wilayah Uji"]).run()  # fmt: skip
    assert SESSION.parse_cache._recalled == []


def test_the_read_ahead_waits_out_rebuilds_with_remembered_results():
    settings = {"PRESS_RELEASE_JOBS": 2}
    wanted = readahead._wanted(settings, SESSION)
    SESSION.parse_cache.start(Config())
    SESSION.parse_cache._store["x"] = (b"", "x", b"")
    assert readahead._wanted(settings, SESSION) is False
    SESSION.parse_cache.forget()
    assert readahead._wanted(settings, SESSION) is wanted


def test_recalled_values_are_new_objects_each_time(tmp_path):
    path = tmp_path / "2024-03-12-rilis.txt"
    path.write_text(
        "Judul Rilis Uji\n\nSAMARINDA – Gubernur meninjau lokasi banjir di Samarinda, "
        "Selasa (12/3/2024), bersama warga sekitar.\n\nFoto: Humas\n\n(rus/hmsprov)\n",
        "utf-8",
    )
    config = Config()
    cache = SESSION.parse_cache
    cache.start(config)
    first = prepare_here(SESSION, True, str(path), path.name, config)
    cache.keep(str(path), path.name, first)
    again = prepare_here(SESSION, True, str(path), path.name, config)
    also = prepare_here(SESSION, True, str(path), path.name, config)
    # the recalled ones say so: their messages were logged when the file was parsed
    assert UNCHANGED not in first and again.pop(UNCHANGED) is also.pop(UNCHANGED) is True
    assert again == first == also
    again["fields"]["reporters"].append("xyz")
    assert also["fields"]["reporters"] == first["fields"]["reporters"] == ["rus"]
    # a changed file is parsed again, and a file under another name is not taken
    path.write_text(path.read_text("utf-8").replace("rus/", "ani/"), "utf-8")
    changed = prepare_here(SESSION, True, str(path), path.name, config)
    assert changed["fields"]["reporters"] == ["ani"]
    cache.keep(str(path), path.name, changed)
    assert cache.recall(str(path), "lain/" + path.name, changed["digest"]) is None
