"""settings.py: one table validates every setting; a bad value is named and replaced."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys

import pytest

from press_release.settings import DEFAULTS, TABLE, config_from, inside, markdown_table, validate

from .conftest import ROOT


def test_every_setting_gets_its_default():
    settings: dict = {}
    assert validate(settings) == []
    assert {name: settings[name] for name in DEFAULTS} == DEFAULTS
    assert all(name.startswith("PRESS_RELEASE_") for name in DEFAULTS)
    assert all(s.meaning and s.kind for s in TABLE)


def test_defaults_are_copies_not_the_table_itself():
    settings: dict = {}
    validate(settings)
    settings["PRESS_RELEASE_CATEGORIES"].append("Changed")
    assert DEFAULTS["PRESS_RELEASE_CATEGORIES"] == []


BAD_VALUES = [
    ("PRESS_RELEASE_RELATED_MAX", "5"),
    ("PRESS_RELEASE_RELATED_MAX", -1),
    ("PRESS_RELEASE_JOBS", True),
    ("PRESS_RELEASE_JOBS", 2.5),
    ("PRESS_RELEASE_SEARCH", "yes"),
    ("PRESS_RELEASE_SPEEDUPS", 1),
    ("PRESS_RELEASE_SEARCH_DIR", ".."),
    ("PRESS_RELEASE_SEARCH_DIR", "/tmp/x"),
    ("PRESS_RELEASE_SEARCH_DIR", "a/../../b"),
    ("PRESS_RELEASE_SEARCH_DIR", ""),
    ("PRESS_RELEASE_SEARCH_DIR", "."),
    ("PRESS_RELEASE_REPORT", "../x.json"),
    ("PRESS_RELEASE_REPORT", "/etc/x.json"),
    ("PRESS_RELEASE_EXTENSIONS", "txt"),
    ("PRESS_RELEASE_EXTENSIONS", [".txt"]),
    ("PRESS_RELEASE_EXTENSIONS", []),
    ("PRESS_RELEASE_DATE_FALLBACK", "svn"),
    ("PRESS_RELEASE_REPORTERS", {"rus": 3}),
    ("PRESS_RELEASE_CATEGORIES", "Kaltim"),
    ("PRESS_RELEASE_PLACE_SAVE_AS", "../{slug}/index.html"),
    ("PRESS_RELEASE_CNAME", None),
]


@pytest.mark.parametrize(("name", "value"), BAD_VALUES, ids=lambda v: repr(v)[:30])
def test_a_wrong_value_is_named_in_a_warning_and_replaced_by_the_default(name, value, caplog):
    settings = {name: value}
    with caplog.at_level(logging.WARNING):
        problems = validate(settings)
    assert settings[name] == DEFAULTS[name]
    assert len(problems) == 1 and name in problems[0]
    assert [r.getMessage() for r in caplog.records] == [f"press_release: setting {problems[0]}"]


def test_a_dict_keeps_its_known_keys_and_a_list_its_usable_items(caplog):
    settings = {
        "PRESS_RELEASE_OFFICE": {"nmae": "Dinas", "parent": "Pemkot"},
        "PRESS_RELEASE_CHROME": ["Iklan", 3, re.compile("x")],
    }
    with caplog.at_level(logging.WARNING):
        validate(settings)
    assert settings["PRESS_RELEASE_OFFICE"] == {"parent": "Pemkot"}
    assert settings["PRESS_RELEASE_CHROME"][:1] == ["Iklan"]
    assert len(settings["PRESS_RELEASE_CHROME"]) == 2
    assert "nmae" in caplog.text and "PRESS_RELEASE_CHROME" in caplog.text


def test_an_unknown_name_with_the_prefix_is_reported_with_the_closest_one():
    problems = validate({"PRESS_RELEASE_REPORTER": {}, "PRESS_RELEASE_WHATEVER": 1})
    assert problems == [
        "PRESS_RELEASE_REPORTER is not a setting of this plugin (did you mean "
        "PRESS_RELEASE_REPORTERS?); it is ignored",
        "PRESS_RELEASE_WHATEVER is not a setting of this plugin; it is ignored",
    ]


@pytest.mark.parametrize(
    ("path", "ok"),
    [("pagefind", True), ("a/b", True), ("a/../b", True), ("..", False), ("../x", False),
     ("a/../..", False), ("/x", False), ("\\x", False), ("C:x", False), ("", False),
     (".", False), ("./", False)],
)  # fmt: skip
def test_inside_keeps_paths_in_their_folder(path, ok):
    assert inside(path) is ok


def test_the_parser_config_takes_defaults_for_wrong_values():
    config = config_from(
        {"PRESS_RELEASE_EXTENSIONS": ["TXT", "Md"], "PRESS_RELEASE_DATE_FALLBACK": 3}
    )
    assert config.extensions == ("txt", "md")
    assert config.date_fallback == "git"


def test_a_site_with_a_wrong_setting_fails_under_fatal_warnings_and_builds_without(tmp_path):
    """A wrong setting is a site problem: `--fatal warnings` stops the build; without it
    the build goes on with the default."""
    content = tmp_path / "content"
    content.mkdir()
    (content / "2024-03-12-rilis.txt").write_text(
        "Judul Rilis\n\nSAMARINDA – Isi rilis yang cukup panjang untuk dibaca.\n\n(rus/hmsprov)\n",
        encoding="utf-8",
    )

    def build(*extra):
        return subprocess.run(
            [sys.executable, "-m", "pelican", str(content), "-o", str(tmp_path / "out"),
             "-s", str(ROOT / "pelicanconf.py"), "-e", f'PATH="{content}"',
             "PRESS_RELEASE_RELATED_MAX=\"5\"", "PRESS_RELEASE_SEARCH=false", *extra],
            capture_output=True, text=True, cwd=ROOT, timeout=300,
            env=dict(os.environ, COLUMNS="400"),
        )  # fmt: skip

    fatal = build("--fatal", "warnings")
    assert fatal.returncode != 0
    assert "PRESS_RELEASE_RELATED_MAX must be a whole number" in fatal.stdout + fatal.stderr
    relaxed = build()
    assert relaxed.returncode == 0, relaxed.stderr
    assert (tmp_path / "out" / "index.html").is_file()


def test_the_readme_settings_table_is_the_settings_table():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert markdown_table() in readme
