"""messages.py: an author message is made once (an English template with named values) and
shown in the build's language: Indonesian by default, English with DEFAULT_LANG = "en"
or ``check --lang en``."""

from __future__ import annotations

import json
import marshal
import os
import pickle
import re
import subprocess
import sys

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from press_release.messages import Message, language, load, plain, render

from .conftest import ROOT

PLUGIN = ROOT / "plugins" / "press_release"
CATALOGUE = PLUGIN / "translations" / "id" / "LC_MESSAGES" / "messages.po"
SAME = Message(
    "same address as %(first)s (%(path)s); published as %(slug)s: give it another title or "
    "a 'Slug:' line in its header",
    first="a.txt", path="2024/03/rapat/", slug="rapat-2",
)  # fmt: skip


def test_a_message_is_its_english_text():
    assert SAME == (
        "same address as a.txt (2024/03/rapat/); published as rapat-2: give it another title "
        "or a 'Slug:' line in its header"
    )
    assert json.loads(json.dumps([SAME])) == [str(SAME)]


@pytest.mark.parametrize(
    ("lang", "start"),
    [("id", "alamatnya sama dengan a.txt"), ("en", "same address as a.txt"),
     ("fr", "same address as a.txt")],
    ids=["indonesian", "english", "no-catalogue"],
)  # fmt: skip
def test_render_in_a_language(lang, start):
    assert render(SAME, lang).startswith(start)


def test_values_that_are_messages_are_rendered_too():
    said = Message("skipped: %(reason)s", reason=Message("the post has no text"))
    assert render(said, "id") == "dilewati: tulisan ini tanpa teks"
    assert render(said, "en") == "skipped: the post has no text"


def test_an_authors_text_in_a_value_is_never_a_template():
    said = Message("cannot be read: %(reason)s", reason="100%(x)s {y} %")
    assert render(said, "id") == "tidak dapat dibaca: 100%(x)s {y} %"


def test_plain_data_survives_marshal_and_pickle():
    nested = Message("skipped: %(reason)s", reason=SAME)
    again = load(marshal.loads(marshal.dumps(plain(nested))))
    assert again == nested and render(again, "id") == render(nested, "id")
    copied = pickle.loads(pickle.dumps(nested))
    assert isinstance(copied, Message) and render(copied, "id") == render(nested, "id")
    assert load("plain text") == "plain text" == plain("plain text")


@pytest.mark.parametrize(
    ("settings", "lang"),
    [({}, "id"), ({"DEFAULT_LANG": "en"}, "en"), ({"DEFAULT_LANG": "id_ID"}, "id"),
     ({"DEFAULT_LANG": "en-GB"}, "en")],
    ids=["default", "en", "id_ID", "en-GB"],
)  # fmt: skip
def test_language_follows_default_lang(settings, lang):
    assert language(settings) == lang


def _extracted() -> set[str]:
    return {
        message
        for _file, _line, message, _comments, _context in extract_from_dir(
            PLUGIN, method_map=[("**.py", "python")], keywords={"Message": None}
        )
    }


def test_every_message_of_the_plugin_is_translated_with_the_same_values():
    """No message is made outside the catalogue, and each translation keeps the named
    values of its English template (a missing one would be a broken message)."""
    with CATALOGUE.open("rb") as handle:
        catalog = read_po(handle)
    translated = {m.id: m.string for m in catalog if m.id and m.string and not m.fuzzy}
    found = _extracted()
    assert len(found) > 50
    assert sorted(found - set(translated)) == []
    names = re.compile(r"%\((\w+)\)[sr]")
    for english in found:
        assert sorted(names.findall(english)) == sorted(names.findall(translated[english])), english


def _check(*args, cwd):
    env = dict(os.environ, PYTHONPATH=str(ROOT / "plugins"), COLUMNS="100")
    return subprocess.run(
        [sys.executable, "-m", "press_release", "check", *map(str, args)],
        capture_output=True, text=True, cwd=cwd, timeout=120, env=env,
    )  # fmt: skip


DUPLICATE = (
    "Rapat Banjir\n\nSAMARINDA – Pemprov menggelar rapat banjir bersama BPBD. (rus/hmsprov)\n"
)


@pytest.fixture
def two_namesakes(tmp_path):
    for day in (1, 2):
        (tmp_path / f"2024-03-0{day}-rapat.txt").write_text(DUPLICATE, encoding="utf-8")
    return tmp_path


def test_check_speaks_indonesian_by_default(two_namesakes):
    result = _check(two_namesakes, cwd=two_namesakes)
    said = " ".join(result.stdout.split())
    assert "JUDUL" in result.stdout and "status: diterbitkan dengan peringatan" in said
    assert "peringatan: alamatnya sama dengan 2024-03-01-rapat.txt" in said
    assert "2 berkas: 1 bersih, 1 dengan peringatan, 0 dilewati" in said
    assert "same address" not in said


def test_check_speaks_english_when_asked(two_namesakes):
    result = _check("--lang", "en", two_namesakes, cwd=two_namesakes)
    said = " ".join(result.stdout.split())
    assert "TITLE" in result.stdout and "warning: same address as 2024-03-01-rapat.txt" in said
    (two_namesakes / "conf.py").write_text('DEFAULT_LANG = "en"\n', encoding="utf-8")
    result = _check("--settings", "conf.py", two_namesakes, cwd=two_namesakes)
    assert "warning: same address as" in " ".join(result.stdout.split())


def test_check_json_keeps_english_warnings_and_adds_the_shown_messages(two_namesakes):
    records = json.loads(_check("--json", two_namesakes, cwd=two_namesakes).stdout)
    second = next(r for r in records if r["warnings"])
    assert second["warnings"][0].startswith("same address as")
    assert second["messages"][0].startswith("alamatnya sama dengan")


def test_check_table_shows_whole_values(tmp_path):
    title = "Pemprov Kaltim " + " ".join(f"Kata{n}" for n in range(40))
    (tmp_path / "2024-03-01-panjang.txt").write_text(
        f"{title}\n\nSAMARINDA – Pemprov menggelar rapat banjir bersama BPBD. (rus/hmsprov)\n",
        encoding="utf-8",
    )
    result = _check(tmp_path, cwd=tmp_path)
    lines = result.stdout.splitlines()
    assert all(len(line) <= 100 for line in lines)
    column = lines[1].index("KATEGORI")  # the title column ends where this one starts
    rows = lines[3 : lines.index(next(x for x in lines if x.startswith("    status")))]
    assert " ".join(row[:column].strip() for row in rows) == title  # wrapped, never cut
    assert "…" not in result.stdout


@pytest.mark.parametrize(
    ("lang", "said"),
    [(None, "alamatnya sama dengan"), ('"en"', "same address as")],
    ids=["indonesian-by-default", "english"],
)
def test_build_log_and_report_in_the_build_language(two_namesakes, tmp_path, lang, said):
    extra = ["-e", f"DEFAULT_LANG={lang}"] if lang else []
    output = tmp_path / "site" / "output"
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(two_namesakes), "-o", str(output), "-s",
         str(ROOT / "pelicanconf.py"), "-e", f'PATH="{two_namesakes}"',
         "-e", "PRESS_RELEASE_SEARCH=false", *extra],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
        env=dict(os.environ, COLUMNS="300"),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert f"2024-03-02-rapat.txt: {said} 2024-03-01-rapat.txt" in result.stdout
    report = json.loads((output.parent / "press-release-report.json").read_text("utf-8"))
    entry = next(e for e in report["files"] if e["warnings"])
    assert entry["warnings"][0].startswith("same address as")  # English, for tools
    assert entry["messages"][0].startswith(said)  # what the author read
