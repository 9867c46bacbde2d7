"""Pages rendered by several processes: the same site as a serial build, failures kept."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pelican.generators import ArticlesGenerator

from press_release.errors import PressReleaseError
from press_release.speed.parallel import DeferredWriter, chunk_calls
from press_release.speed.session import SESSION
from press_release.speed.shortcuts import build_period_archives

from .conftest import ROOT
from .test_build import WIDE

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate  # noqa: E402

COUNT = 150


def build(content: Path, output: Path, jobs: int, *extra: str):
    """A first build: nothing kept by an earlier one (PRESS_RELEASE_BUILD_CACHE would let
    a second build skip the parsing these tests watch)."""
    return subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-o", str(output),
         "-s", str(ROOT / "publishconf.py"), "-e", f"PRESS_RELEASE_JOBS={jobs}",
         "PRESS_RELEASE_SEARCH=false", 'SITEURL="https://humas.example.go.id"',
         "PRESS_RELEASE_BUILD_CACHE=null", "-v", *extra],
        capture_output=True, text=True, cwd=ROOT, timeout=300, env=WIDE,
    )  # fmt: skip


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if
            p.is_file()}  # fmt: skip


@pytest.fixture(autouse=True)
def thawed():
    """Forking tests freeze the test process's objects, as a build does: thaw them after."""
    yield
    SESSION.collector.thaw_previous_build()


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("archive")
    generate(COUNT, target, seed=11)
    return target / "raw"


def test_two_processes_write_the_serial_site_byte_for_byte(archive, tmp_path):
    serial = build(archive, tmp_path / "serial", 1)
    parallel = build(archive, tmp_path / "parallel", 2)
    assert serial.returncode == 0, serial.stderr[-2000:]
    assert parallel.returncode == 0, parallel.stderr[-2000:]
    assert "in 2 process(es)" in parallel.stdout + parallel.stderr
    assert "in 2 process(es)" not in serial.stdout + serial.stderr
    # the releases were read in two processes too (readahead.py), in one process serially
    ahead = re.search(r"(\d+) releases prepared ahead", parallel.stdout + parallel.stderr)
    assert ahead and 0 < int(ahead[1]) <= COUNT
    assert "prepared ahead" not in serial.stdout + serial.stderr
    one, two = tree(tmp_path / "serial"), tree(tmp_path / "parallel")
    assert sorted(one) == sorted(two)
    assert len([name for name in one if name.endswith(".html")]) > COUNT + 50
    assert [name for name in one if one[name] != two[name]] == []
    # content_written reached the sitemap for every page, as in the serial build
    assert two["sitemap.xml"].count(b"<url>") > COUNT


def test_a_page_failing_in_a_worker_fails_the_build(archive, tmp_path):
    overrides = tmp_path / "templates"
    overrides.mkdir()
    # Every other release page fails while rendering: both processes meet one.
    (overrides / "article.html").write_text(
        '{% extends "!simple/article.html" %}{% block content %}'
        "{% if article.slug < 'm' %}{{ 1 // article.no_such_attribute }}{% endif %}{% endblock %}",
        encoding="utf-8",
    )
    result = build(archive, tmp_path / "out", 2, "-e", f'THEME_TEMPLATES_OVERRIDES=["{overrides}"]')
    assert result.returncode != 0
    assert "no_such_attribute" in result.stdout + result.stderr


class Page:
    """A template whose rendering fails for one page name, or in a forked process.

    With `parent` set, the parent waits (up to 10 s) until a forked process has tried a
    page, so that one surely gets some work however busy the machine is."""

    def __init__(self, failing: str, parent: int | None = None, marker: Path | None = None):
        self.failing, self.parent, self.marker = failing, parent, marker

    def render(self, context):
        time.sleep(0.002)  # every process gets some of the pages
        if self.parent not in (None, os.getpid()):
            self.marker.touch()
            raise ValueError(f"cannot render {context['output_file']}")
        if self.parent is not None:
            deadline = time.monotonic() + 10
            while not self.marker.exists() and time.monotonic() < deadline:
                time.sleep(0.01)
        if context["output_file"] == self.failing:
            raise ValueError(f"cannot render {context['output_file']}")
        return f"<p>{context['output_file']}</p>"


def writer_with(tmp_path, failing: str, parent: int | None = None, pages: int = 4):
    settings = {"RELATIVE_URLS": False, "PRESS_RELEASE_JOBS": 2, "PAGINATED_TEMPLATES": {},
                "DEFAULT_PAGINATION": 10, "SITEURL": ""}  # fmt: skip
    writer = DeferredWriter(str(tmp_path), settings=settings)
    context = {"localsiteurl": ""}
    for number in range(pages):
        writer.write_file(f"{chr(97 + number % 26)}{number // 26 or ''}.html",
                          Page(failing, parent, tmp_path.parent / f"{tmp_path.name}-tried"),
                          context)  # fmt: skip
    return writer


def test_the_forked_process_reports_its_failure_to_the_build(tmp_path):
    writer = writer_with(tmp_path, failing="none", parent=os.getpid(), pages=60)
    chunks = [[index] for index in range(60)]
    with pytest.raises(PressReleaseError, match="worker process failed: ValueError: cannot "
                       "render"):  # fmt: skip
        writer._render_forked(writer._calls, chunks, 2)
    # The parent rendered the pages the forked process did not take (which ones depends
    # on which process read the queue first).
    written = sorted(path.name for path in tmp_path.iterdir())
    assert 0 < len(written) < 60
    assert all((tmp_path / name).read_text() == f"<p>{name}</p>" for name in written)


def test_both_processes_take_work_from_the_queue(tmp_path):
    writer = writer_with(tmp_path, failing="none", pages=60)
    calls = writer._calls
    written = writer._render_forked(calls, [[index] for index in range(60)], 2)
    assert sorted(written) == list(range(60))
    assert len(list(tmp_path.iterdir())) == 60


def test_deferred_pages_are_written_on_flush(tmp_path):
    writer = writer_with(tmp_path, failing="none")
    assert not list(tmp_path.iterdir())  # recorded, not rendered
    writer.flush()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html", "b.html", "c.html", "d.html"]
    writer.write_file("e.html", Page("none"), {"localsiteurl": ""})  # after the flush: at once
    assert (tmp_path / "e.html").exists()


def test_calls_for_one_file_share_a_chunk_largest_chunks_first():
    costs = [("a", 1), ("index.html", 30), ("b", 1), ("a", 1), *[(f"p{i}", 1) for i in range(40)]]
    chunks = chunk_calls(costs, size=8)
    assert sorted(i for chunk in chunks for i in chunk) == list(range(len(costs)))
    assert all(chunk == sorted(chunk) for chunk in chunks)
    assert [chunk for chunk in chunks if 0 in chunk] == [chunk for chunk in chunks if 3 in chunk]
    loads = [sum(costs[i][1] for i in chunk) for chunk in chunks]
    assert loads == sorted(loads, reverse=True) and loads[0] >= 30
    assert max(loads[1:]) <= 8 + 1


class Dated:
    """An article as the period archives see it: a date, compared by identity."""

    def __init__(self, date):
        self.date = date


def _period_items(case: str):
    """(sorted_articles, articles) as Pelican passes them, and a few odd shapes."""
    from datetime import datetime, timedelta

    start = datetime(2023, 11, 20)
    items = [Dated(start + timedelta(days=d // 3)) for d in range(200)]
    dates = sorted(items, key=lambda a: a.date, reverse=True)
    articles = list(reversed(items))
    if case == "empty":
        return [], []
    if case == "not_all_dated":  # articles the sorted list lacks are in no archive
        return dates[::2], articles
    if case == "listed_twice":  # one article in two groups
        return [*dates, dates[0]], articles
    if case == "unsorted":  # a month coming back after another: two archives of it
        return dates[100:] + dates[:100], articles
    return dates, articles


@pytest.mark.parametrize("case", ["sorted", "empty", "not_all_dated", "listed_twice", "unsorted"])
def test_period_archives_match_pelicans_own(case):
    settings = {
        "YEAR_ARCHIVE_SAVE_AS": "arsip/{date:%Y}/index.html",
        "YEAR_ARCHIVE_URL": "arsip/{date:%Y}/",
        "MONTH_ARCHIVE_SAVE_AS": "arsip/{date:%Y}/{date:%m}/index.html",
        "MONTH_ARCHIVE_URL": "arsip/{date:%Y}/{date:%m}/",
        "DAY_ARCHIVE_SAVE_AS": "arsip/{date:%Y}/{date:%m}/{date:%d}/index.html",
        "DAY_ARCHIVE_URL": "",
    }
    dates, articles = _period_items(case)
    ours = build_period_archives(None, dates, articles, settings)
    pelicans = ArticlesGenerator._build_period_archives(None, dates, articles, settings)
    assert set(ours) == set(pelicans)
    for granularity in pelicans:
        assert ours[granularity] == pelicans[granularity]
    if case == "sorted":
        assert set(ours) == {"year", "month", "day"} and len(ours["month"]) == 3
    if case == "unsorted":
        months = [archive["period_num"] for archive in ours["month"]]
        assert len(months) > len(set(months))


@pytest.mark.parametrize(
    ("status", "lang", "url"),
    [
        ("published", "id", "{date:%Y}/{date:%m}/{slug}/"),
        ("draft", "id", "{date:%Y}/{date:%m}/{slug}/"),
        ("published", "en", "{date:%Y}/{date:%m}/{slug}/"),
        ("published", "id", "{date:%-d}-{date:%B}/{category}/{slug}/"),  # Pelican's own %-d
        ("published", "id", "{date:%d %b %Y %%}/{date}/{slug}/"),
    ],
)
def test_frozen_urls_are_pelicans_own(status, lang, url):
    from pelican.contents import Article
    from pelican.settings import read_settings
    from pelican.urlwrappers import Category
    from pelican.utils import SafeDatetime

    from press_release.speed.shortcuts import _url_and_save_as

    settings = read_settings(str(ROOT / "pelicanconf.py"))
    settings["ARTICLE_URL"] = url
    settings["ARTICLE_SAVE_AS"] = url + "index.html"
    settings["ARTICLE_LANG_URL"] = "{lang}/{slug}/"
    settings["ARTICLE_LANG_SAVE_AS"] = "{lang}/{slug}/index.html"
    metadata = {"title": "Rapat", "slug": "rapat-koordinasi", "status": status, "lang": lang,
                "date": SafeDatetime(2024, 3, 2, 9, 5),
                "category": Category("Kaltim", settings)}  # fmt: skip
    article = Article("<p>x</p>", metadata, settings, source_path=str(ROOT / "content/x.txt"))
    assert _url_and_save_as(article) == (article.url, article.save_as)
    assert article.save_as.endswith(".html")


def test_jobs_setting(caplog):
    from press_release.speed.parallel import job_count, usable_cpus

    assert job_count({"PRESS_RELEASE_JOBS": 3}) == 3
    assert job_count({"PRESS_RELEASE_JOBS": 0}) == usable_cpus() == job_count({})
    with caplog.at_level("WARNING"):
        assert job_count({"PRESS_RELEASE_JOBS": -2}) == 1
        assert job_count({"PRESS_RELEASE_JOBS": "two"}) == 1
    assert [r.getMessage().count("PRESS_RELEASE_JOBS") for r in caplog.records] == [1, 1]


def test_an_autoreload_build_thaws_the_last_builds_objects(tmp_path):
    """Objects frozen for the forked renderers are released when the next build starts."""
    import gc

    writer = writer_with(tmp_path, failing="none", pages=4)
    writer._render_forked(writer._calls, [[0, 1], [2, 3]], 2)
    assert gc.get_freeze_count() > 0
    SESSION.collector.thaw_previous_build()
    assert gc.get_freeze_count() == 0


def test_the_collector_pauses_while_releases_are_read_and_runs_again_after(archive, tmp_path):
    """No collection scans the articles while they are made; afterwards they are frozen
    and the collector runs again, also after a build that failed while reading."""
    import gc

    from pelican import Pelican, signals
    from pelican.settings import read_settings

    seen = []

    def note(content):
        seen.append(gc.isenabled())

    settings = read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(archive), "OUTPUT_PATH": str(tmp_path / "out"), "PRESS_RELEASE_JOBS": 1,
        "PRESS_RELEASE_SEARCH": False, "PLUGIN_PATHS": [str(ROOT / "plugins")]})  # fmt: skip
    pelican = Pelican(settings)
    signals.content_object_init.connect(note)
    try:
        pelican.run()
    finally:
        signals.content_object_init.disconnect(note)
    assert len(seen) >= COUNT and not any(seen)
    assert gc.isenabled() and gc.get_freeze_count() > 0
    SESSION.collector.pause()  # as a build that fails while reading leaves it
    SESSION.collector.thaw_previous_build()  # the next build starts
    assert gc.isenabled() and gc.get_freeze_count() == 0


# Any text of these: literal characters, C89 directives, Pelican's "%-d", and the odd
# ones (a lone or trailing "%", "%s", "%e", NUL) that must stay Pelican's.
FORMAT_PIECES = ["%Y", "%m", "%d", "%B", "%b", "%A", "%H", "%M", "%S", "%z", "%Z", "%f", "%%",
                 "%-d", "%-m", "%e", "%s", "%", "-", " ", "/", "T", "pukul", "é", "\0"]  # fmt: skip


@given(st.lists(st.sampled_from(FORMAT_PIECES), max_size=8), st.booleans())
@settings(max_examples=400, deadline=None, database=None)
def test_release_dates_format_as_pelicans_own(pieces, aware):
    """A ReleaseDate formats any format exactly as Pelican's SafeDatetime, or fails alike."""
    from zoneinfo import ZoneInfo

    from pelican.utils import SafeDatetime

    from press_release.speed.shortcuts import ReleaseDate

    zone = ZoneInfo("Asia/Makassar") if aware else None
    pelicans = SafeDatetime(2024, 3, 2, 9, 5, 7, 12, tzinfo=zone)
    ours = ReleaseDate.combine(pelicans.date(), pelicans.timetz())
    assert ours == pelicans
    fmt = "".join(pieces)
    try:
        expected = pelicans.strftime(fmt)
    except Exception as exc:  # noqa: BLE001 - the same failure is expected
        with pytest.raises(type(exc)):
            ours.strftime(fmt)
    else:
        assert ours.strftime(fmt) == expected
        assert f"{{:{fmt}}}".format(ours) == f"{{:{fmt}}}".format(pelicans) if fmt else True


def test_built_releases_carry_release_dates(archive, tmp_path):
    """Every release's date is a ReleaseDate after the build reads it (same value)."""
    from pelican import Pelican
    from pelican.settings import read_settings

    from press_release.speed.shortcuts import ReleaseDate

    seen = []
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(archive), "OUTPUT_PATH": str(tmp_path / "out"), "PRESS_RELEASE_JOBS": 1,
        "PRESS_RELEASE_SEARCH": False, "PLUGIN_PATHS": [str(ROOT / "plugins")]})  # fmt: skip
    from pelican import signals

    def keep(generator):
        seen.extend(generator.articles)

    signals.article_generator_finalized.connect(keep)
    try:
        Pelican(settings).run()
    finally:
        signals.article_generator_finalized.disconnect(keep)
    assert len(seen) == COUNT
    assert all(type(article.date) is ReleaseDate for article in seen)
    # The reader gives the date its zone, as Content would; the date line Content formats
    # (in C) is the one Pelican formats directive by directive.
    from pelican.utils import SafeDatetime, strftime

    assert {str(article.date.tzinfo) for article in seen} == {settings["TIMEZONE"]}
    for article in seen:
        pelicans = SafeDatetime.combine(article.date.date(), article.date.timetz())
        for fmt in (article.date_format, "%A, %-d %B %Y %H:%M"):
            assert article.date.strftime(fmt) == strftime(pelicans, fmt)
        assert article.locale_date == strftime(pelicans, article.date_format)


def _records(*items) -> bytes:
    import marshal

    out = b""
    for item in items:
        data = marshal.dumps(item)
        out += len(data).to_bytes(4, "little") + data
    return out


def test_readahead_takes_what_has_arrived_and_drops_what_the_build_did():
    """The build's side of the read-ahead, fed by hand: results are taken by path, a path
    the build prepared itself ignores its late result, a record cut in two waits."""
    from press_release.speed.readahead import ReadAhead

    pid = os.fork()  # a stand-in for the forked process, holding no end of the pipe
    if pid == 0:  # pragma: no cover
        os._exit(0)
    read_end, write_end = os.pipe()
    os.set_blocking(read_end, False)
    ahead = ReadAhead(pid, read_end)
    first = _records(("/c/z.txt", {"title": "Z"}), ("/c/y.txt", {"title": "Y"}))
    os.write(write_end, first + _records(("/c/x.txt", {"title": "X"}))[:9])
    assert ahead.take("/c/y.txt") == {"title": "Y"}
    assert ahead.take("/c/x.txt") is None  # only part of its record has arrived
    os.write(write_end, _records(("/c/x.txt", {"title": "X"}))[9:])
    os.write(write_end, _records(("/c/w.txt", {"title": "W"})))
    os.close(write_end)
    assert ahead.take("/c/w.txt") == {"title": "W"}
    assert "/c/x.txt" not in ahead.ready  # the build prepared it already: dropped
    assert ahead.take("/c/z.txt") == {"title": "Z"} and ahead.fd is None  # all read, reaped
    assert ahead.taken == 3
    ahead.close()


def test_a_failing_readahead_process_leaves_its_files_to_the_build(archive, tmp_path, monkeypatch):
    """The forked process stops at a file it cannot prepare; the build prepares the rest
    itself and writes the same site as without a read-ahead."""
    from pelican import Pelican
    from pelican.settings import read_settings

    from press_release.speed import readahead

    parent, prepare = os.getpid(), readahead.prepare_here
    prepared_in_fork = []

    def fails_in_the_fork(session, keep, path, name, config):
        if os.getpid() == parent:
            time.sleep(0.002)  # the forked process gets to send some, however busy the machine
        else:
            # The fifth file it meets, whichever the folder lists last (its order varies).
            prepared_in_fork.append(name)
            if len(prepared_in_fork) == 5:
                raise MemoryError("no memory left in the forked process")
        return prepare(session, keep, path, name, config)

    monkeypatch.setattr(readahead, "prepare_here", fails_in_the_fork)
    monkeypatch.setattr(readahead, "can_fork", lambda: True)  # the test's threads
    taken = []
    close = readahead.ReadAhead.close
    monkeypatch.setattr(readahead.ReadAhead, "close", lambda s: (taken.append(s.taken), close(s)))

    def site(out, jobs):
        settings = read_settings(str(ROOT / "publishconf.py"), override={
            "PATH": str(archive), "OUTPUT_PATH": str(out), "PRESS_RELEASE_JOBS": jobs,
            "PRESS_RELEASE_SEARCH": False, "SITEURL": "https://humas.example.go.id",
            "PLUGIN_PATHS": [str(ROOT / "plugins")],
            "PRESS_RELEASE_BUILD_CACHE": None})  # fmt: skip
        Pelican(settings).run()
        return tree(out)

    serial = site(tmp_path / "serial", 1)
    assert taken == []  # no read-ahead in one process
    ahead = site(tmp_path / "ahead", 2)
    assert len(taken) == 1 and 0 < taken[0] < COUNT  # some arrived, then the fork failed
    assert sorted(ahead) == sorted(serial)
    assert [name for name in serial if serial[name] != ahead[name]] == []


def test_a_second_build_in_one_process_draws_the_edited_release(archive, tmp_path):
    """As under pelican --autoreload: the second build shows the edited title in the
    lists (cards are cached per build, never across builds)."""
    import shutil

    from pelican import Pelican
    from pelican.settings import read_settings

    content = tmp_path / "content"
    content.mkdir()
    for path in sorted(archive.glob("*.txt"))[:20]:
        shutil.copy(path, content / path.name)
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(content), "OUTPUT_PATH": str(tmp_path / "out"),
        "PRESS_RELEASE_SEARCH": False, "PLUGIN_PATHS": [str(ROOT / "plugins")]})  # fmt: skip
    pelican = Pelican(settings)
    pelican.run()
    edited = sorted(content.glob("*.txt"))[3]
    home = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "Judul Baru Uji Ulang" not in home
    edited.write_text(
        "Judul: Judul Baru Uji Ulang\nTanggal: 2025-06-02\n\n" + edited.read_text("utf-8"),
        encoding="utf-8",
    )
    pelican.run()
    home = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert home.count("Judul Baru Uji Ulang") == 1  # its card, first on the home page
    assert home.index("Judul Baru Uji Ulang") < home.index('class="pr-card__lead"')
