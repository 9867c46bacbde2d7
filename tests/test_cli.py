"""`python -m press_release check`: run as authors run it, in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from .conftest import FIXTURES, ROOT

KEYS = {
    "source", "title", "category", "dateline", "dateline_agency", "byline", "reporters",
    "credited_reporters", "desk", "date", "date_source", "summary", "body_text", "warnings",
}  # fmt: skip


def check(*args, cwd=ROOT):
    return subprocess.run(
        [sys.executable, "-m", "press_release", "check", *map(str, args)],
        capture_output=True, text=True, cwd=cwd, timeout=60,
    )  # fmt: skip


def test_json_has_the_documented_keys():
    result = check("--json", FIXTURES / "example_layout.txt")
    assert result.returncode == 0, result.stderr
    [record] = json.loads(result.stdout)
    assert set(record) >= KEYS
    expected = json.loads((FIXTURES / "example_layout.json").read_text(encoding="utf-8"))
    assert record["title"] == expected["title"]
    assert record["byline"] == expected["byline"]
    assert "(" not in record["body_text"][-20:]  # the byline left the body


def test_folder_uses_the_site_settings_and_skips_extra(tmp_path):
    result = check("--json", "content")
    records = json.loads(result.stdout)
    sources = [r["source"] for r in records]
    assert len(records) >= 15
    assert not any("extra" in s or "pages" in s for s in sources)
    assert all(r["warnings"] == [] for r in records), [r for r in records if r["warnings"]]


def test_date_is_null_without_a_stated_date(tmp_path):
    release = tmp_path / "rilis-tanpa-tanggal.txt"
    release.write_text(
        "Judul Rilis\n\nSAMARINDA – Pemprov Kaltim menggelar rapat koordinasi di kantor "
        "gubernur pekan ini. (rus/hmsprov)\n",
        encoding="utf-8",
    )
    [record] = json.loads(check("--json", release, cwd=tmp_path).stdout)
    assert record["date"] is None
    assert record["date_source"] is None
    assert any("no date" in w for w in record["warnings"])


def test_json_says_where_the_date_was_read(tmp_path):
    """An office auditing its dates sees which come from the lead and which from a later
    paragraph."""
    lead = "SAMARINDA – Pemprov menggelar rapat koordinasi di kantor gubernur, Selasa (16/4/2019)."
    later = "SAMARINDA – Pemprov menggelar rapat koordinasi di kantor gubernur pekan ini."
    body = "Rapat yang digelar Selasa (12/3/2024) itu membahas banjir. (rus/hmsprov)"
    (tmp_path / "a.txt").write_text(f"Judul Satu\n\n{lead}\n\n{body}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"Judul Dua\n\n{later}\n\n{body}\n", encoding="utf-8")
    records = {r["source"]: r for r in json.loads(check("--json", ".", cwd=tmp_path).stdout)}
    assert (records["a.txt"]["date"], records["a.txt"]["date_source"]) == ("2019-04-16", "lead")
    assert (records["b.txt"]["date"], records["b.txt"]["date_source"]) == ("2024-03-12", "body")


def test_table_and_exit_status_on_an_unreadable_file(tmp_path):
    (tmp_path / "foto.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    (tmp_path / "2024-03-12-baik.txt").write_text(
        "Rapat Banjir\n\nSAMARINDA – Pemprov Kaltim menggelar rapat banjir bersama "
        "BPBD dan dinas terkait. (rus/hmsprov)\n",
        encoding="utf-8",
    )
    result = check("--lang", "en", tmp_path, cwd=tmp_path)
    assert result.returncode == 1
    assert "foto.txt" in result.stdout and "binary" in result.stdout
    assert "Rapat Banjir" in result.stdout
    assert "2 file(s): 1 clean, 0 with warnings, 1 skipped" in result.stdout


def test_table_names_reporters_from_a_credit_line():
    result = check("--lang", "en", FIXTURES / "credit_line_penulis.txt")
    assert result.returncode == 0, result.stderr
    assert "reporters (from a credit line): Ningsih" in result.stdout
    assert "no byline code" not in result.stdout


def test_check_prints_control_characters_of_file_names_escaped(tmp_path):
    """A file name holding a terminal escape sequence does not reach the terminal raw."""
    (tmp_path / "2024-01-01-a\x1b[2Jb\u202e.txt").write_text(
        "Judul\n\nSAMARINDA – Isi rilis yang cukup panjang.\n\n(rus/hmsprov)\n", "utf-8"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT / "plugins"))
    for extra in ([], ["--json"]):
        done = subprocess.run(
            [sys.executable, "-m", "press_release", "check", *extra, str(tmp_path)],
            capture_output=True, text=True, cwd=tmp_path, timeout=120, env=env,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert "\x1b" not in done.stdout and "\u202e" not in done.stdout
        assert ("\\u001b[2Jb\\u202e" if extra else "\\x1b[2Jb\\u202e") in done.stdout


def test_one_broken_file_never_stops_check_for_the_others(tmp_path, monkeypatch):
    from press_release import cli

    good = tmp_path / "2024-01-02-baik.txt"
    good.write_text(
        "Rilis Baik Sekali Hari Ini\n\nSAMARINDA – Gubernur meninjau lokasi banjir bersama "
        "warga sekitar, Selasa (2/1/2024).\n\n(rus/hmsprov)\n",
        "utf-8",
    )
    bad = tmp_path / "2024-01-01-rusak.txt"
    bad.write_text("Rilis Rusak\n\nSAMARINDA – Isi.\n\n(rus/hmsprov)\n", "utf-8")
    real = cli.parse_release

    def failing(raw, name, config=None):
        if "rusak" in name:
            raise TypeError("an unexpected value")
        return real(raw, name, config)

    monkeypatch.setattr(cli, "parse_release", failing)
    records = {p.name: cli.check_file(p, cli.Config()) for p in (bad, good)}
    assert records["2024-01-02-baik.txt"]["status"] == "published"
    assert records["2024-01-01-rusak.txt"]["status"] == "skipped"
    assert "TypeError: an unexpected value" in records["2024-01-01-rusak.txt"]["error"]
