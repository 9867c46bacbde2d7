"""Rebuilds in one process (pelican --autoreload) leave unchanged pages alone, and the
site they leave is the site a fresh build writes."""

from __future__ import annotations

import logging
import shutil
import sys
from pathlib import Path

import pytest
from pelican import Pelican
from pelican.log import LimitFilter
from pelican.settings import read_settings

from press_release import pelican_compat
from press_release.speed import page_cache
from press_release.speed.session import SESSION

from .conftest import ROOT
from .test_speed_parallel import tree

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate  # noqa: E402

COUNT = 60


@pytest.fixture(autouse=True)
def clean():
    """Each test starts with nothing remembered, and leaves nothing behind. Pelican's
    loggers drop a message given once in the process already (LimitFilter): a log line
    another test's build gave first is given again."""
    SESSION.forget()
    LimitFilter._raised_messages.clear()
    yield
    SESSION.forget()
    SESSION.collector.thaw_previous_build()


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("archive")
    generate(COUNT, target, seed=23)
    return target / "raw"


def site(content: Path, output: Path, **override) -> Pelican:
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(content), "OUTPUT_PATH": str(output), "PRESS_RELEASE_SEARCH": False,
        "PLUGIN_PATHS": [str(ROOT / "plugins")], "PRESS_RELEASE_JOBS": 2, **override})  # fmt: skip
    return Pelican(settings)


def stamps(folder: Path) -> dict[str, int]:
    """The modification times of the pages (the report, sitemap and static files are
    written by every build)."""
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in
            folder.rglob("*.html")}  # fmt: skip


def differences(fresh: dict[str, bytes], live: dict[str, bytes]) -> list[str]:
    """Files of the fresh build that the live folder lacks or holds otherwise. (The live
    folder may hold more: Pelican leaves the pages of a renamed release behind.)"""
    return sorted(name for name in fresh if live.get(name) != fresh[name])


def edit(path: Path, old: bytes, new: bytes) -> None:
    data = path.read_bytes()
    assert old in data, path
    path.write_bytes(data.replace(old, new, 1))


def test_each_rebuild_writes_the_site_a_fresh_build_writes(archive, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(archive, content)
    files = sorted(content.glob("*.txt"))
    live = site(content, tmp_path / "live", PRESS_RELEASE_REUSE_PAGES=True)
    live.run()
    steps = [
        ("a word of a lead", lambda: edit(files[5], b" di ", b" di dekat ")),
        ("nothing", lambda: None),
        ("a title", lambda: edit(files[9], b"\n", b" Baru\n")),
        ("a date", lambda: files[12].rename(content / ("2031-01-02" + files[12].name[10:]))),
        ("a new release", lambda: shutil.copy(files[20], content / "2031-02-03-rilis-baru.txt")),
        ("a deleted release", lambda: files[30].unlink()),
    ]  # fmt: skip
    total = len(tree(tmp_path / "live"))
    for number, (label, change) in enumerate(steps):
        before = stamps(tmp_path / "live")
        change()
        live.run()
        fresh = tmp_path / f"fresh{number}"
        site(content, fresh).run()
        assert differences(tree(fresh), tree(tmp_path / "live")) == [], label
        after = stamps(tmp_path / "live")
        rewritten = [name for name in after if before.get(name) != after[name]]
        if label == "nothing":
            assert rewritten == [], label
        elif label == "a word of a lead":
            assert 0 < len(rewritten) < total / 2, (label, len(rewritten), total)


def test_an_edited_release_rewrites_its_page_and_the_lists_not_every_release(archive, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(archive, content)
    live = site(content, tmp_path / "out", PRESS_RELEASE_REUSE_PAGES=True)
    live.run()
    out = tmp_path / "out"
    pages = sorted(p for p in out.glob("20*/*/*/index.html"))
    before = stamps(out)
    releases = sorted(content.glob("*.txt"))
    target = next(p for p in releases if b"Kegiatan tersebut" in p.read_bytes())
    edit(target, b"Kegiatan tersebut", b"Kegiatan penting tersebut")
    live.run()
    after = stamps(out)
    rewritten = {name for name in after if before.get(name) != after[name]}
    changed = [p for p in pages if "Kegiatan penting tersebut" in p.read_text("utf-8")]
    assert len(changed) == 1  # the edited release's own page
    assert changed[0].relative_to(out).as_posix() in rewritten
    releases = [p.relative_to(out).as_posix() for p in pages]
    # Its page, those listing it as related or neighbour: far from every release.
    assert 1 <= len(rewritten & set(releases)) <= 12 < len(releases)


def test_a_page_deleted_from_the_output_is_written_again(archive, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(archive, content)
    live = site(content, tmp_path / "out", PRESS_RELEASE_REUSE_PAGES=True)
    live.run()
    page = next((tmp_path / "out").glob("20*/*/*/index.html"))
    text = page.read_bytes()
    page.unlink()
    live.run()
    assert page.read_bytes() == text


def test_a_changed_template_renders_every_page_again(archive, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(archive, content)
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    live = site(content, tmp_path / "out", THEME=str(theme), PRESS_RELEASE_REUSE_PAGES=True)
    live.run()
    footer = theme / "templates" / "partials" / "footer.html"
    footer.write_text(footer.read_text("utf-8") + "<!-- versi 2 -->\n", "utf-8")
    live.run()
    html = [p for p in (tmp_path / "out").rglob("*.html") if "<html" in p.read_text("utf-8")]
    assert html and all("<!-- versi 2 -->" in p.read_text("utf-8") for p in html)


def test_a_one_off_build_computes_no_keys(archive, tmp_path, caplog):
    """`pelican content` without PRESS_RELEASE_BUILD_CACHE: nothing to reuse, so nothing
    is keyed; a second build in the same process keys its pages, and a third reuses them."""
    content = tmp_path / "content"
    shutil.copytree(archive, content)
    output = tmp_path / "out"
    pelican = site(content, output, PRESS_RELEASE_BUILD_CACHE=None)
    pelican.run()
    assert SESSION.page_cache.memory[str(output)] == {}
    pelican.run()
    assert len(SESSION.page_cache.memory[str(output)]) > COUNT
    with caplog.at_level(logging.INFO, logger="press_release.speed.parallel"):
        pelican.run()
    assert any("unchanged since the last build" in r.getMessage() for r in caplog.records)


def test_only_this_projects_theme_reuses_pages_unless_told(tmp_path):
    assert page_cache.enabled({"THEME": str(ROOT / "theme")})
    assert not page_cache.enabled({"THEME": str(tmp_path)})
    assert page_cache.enabled({"THEME": str(tmp_path), "PRESS_RELEASE_REUSE_PAGES": True})
    assert not page_cache.enabled(
        {"THEME": str(ROOT / "theme"), "PRESS_RELEASE_REUSE_PAGES": False}
    )
    overrides = {"THEME": str(ROOT / "theme"), "THEME_TEMPLATES_OVERRIDES": [str(tmp_path)]}
    assert not page_cache.enabled(overrides)


def test_pelicans_autoreload_loop_is_recognised():
    namespace = {"__name__": "pelican", "check": pelican_compat.under_autoreload}
    exec("def autoreload():\n    return check()\n", namespace)  # noqa: S102 - a frame named so
    assert namespace["autoreload"]() is True
    assert pelican_compat.under_autoreload() is False


def test_template_names_follow_every_pulled_in_template():
    from jinja2 import DictLoader, Environment

    env = Environment(loader=DictLoader({
        "page.html": '{% extends "base.html" %}{% block b %}{{ article.title }}{% endblock %}',
        "base.html": '{{ SITENAME }}{% include "nav.html" %}{{ shared_partial("side.html") }}'
                     '{% block b %}{% endblock %}',
        "nav.html": "{% for p in pages %}{{ p }}{% endfor %}",
        "side.html": "{{ categories|length }}",
        "dynamic.html": "{% include which %}",
    }))  # fmt: skip

    def reads(name):
        return page_cache.template_reads(env, name)

    names = page_cache.template_names("page.html", reads)
    assert {"article", "SITENAME", "pages", "categories"} <= names
    assert "articles" not in names
    assert page_cache.template_names("dynamic.html", reads) is None  # any name may be read


def test_a_value_of_unknown_type_makes_its_call_render_every_time():
    keys = page_cache.Keys()
    with pytest.raises(page_cache.Opaque):
        keys.value(object(), keys.whole)
    assert keys.value(["a", ("b", 1)], keys.whole) == keys.value(["a", ("b", 1)], keys.whole)
    assert keys.value(["a"], keys.whole) != keys.value(("a",), keys.whole)


def test_articles_described_in_a_second_process_have_the_keys_of_one(archive, tmp_path):
    """A rebuild describes half its articles in a forked process (Keys.describe_ahead):
    every article's key is the one a single process gives, links included."""
    from pelican import signals

    from press_release.speed.background import fork_runner

    seen: list = []

    def keep(generators):
        for generator in generators:
            seen.extend(getattr(generator, "articles", ()))

    signals.all_generators_finalized.connect(keep)
    try:
        site(archive, tmp_path / "out").run()
    finally:
        signals.all_generators_finalized.disconnect(keep)
    assert len(seen) == COUNT
    one = page_cache.Keys()
    alone = [one.whole(article) for article in seen]
    ahead = page_cache.Keys()
    ahead.describe_ahead(seen, fork_runner)
    # every article described before any key is asked for: half came from the other process
    assert len(ahead._own) == COUNT
    assert [ahead.whole(article) for article in seen] == alone
    assert len(set(alone)) == COUNT
