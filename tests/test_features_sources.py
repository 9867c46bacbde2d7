"""features/sources.py and the rules around it (issue 16): nothing private reaches the
public output, every file is accounted for, author problems never fail a build, and
`check` agrees with the build on every file."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import ROOT

WIDE = dict(os.environ, COLUMNS="400", PYTHONPATH=str(ROOT / "plugins"))
for variable in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "GITHUB_WORKSPACE"):
    WIDE.pop(variable, None)


def release(title: str, body: str = "Gubernur meninjau lokasi banjir bersama warga.") -> str:
    return f"{title}\n\nSAMARINDA – {body} Bantuan segera disalurkan ke posko.\n\n(rus/hmsprov)\n"


def build(content: Path, output: Path, *extra: str, settings: str = "pelicanconf.py", env=None):
    return subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-o", str(output),
         "-s", str(ROOT / settings), "-e", f'PATH="{content}"', "PRESS_RELEASE_JOBS=1",
         'SITEURL="https://humas.example.go.id"', *extra],
        capture_output=True, text=True, cwd=ROOT, timeout=600, env=env or WIDE,
    )  # fmt: skip


def check(content: Path) -> dict[str, str]:
    done = subprocess.run(
        [sys.executable, "-m", "press_release", "check", "--json",
         "--settings", str(ROOT / "pelicanconf.py"), str(content)],
        capture_output=True, text=True, cwd=ROOT, timeout=600, env=WIDE,
    )  # fmt: skip
    assert done.returncode in (0, 1), done.stderr
    return {
        os.path.relpath(os.path.abspath(r["source"]), content): r["status"]
        for r in json.loads(done.stdout)
    }


def every_text(folder: Path) -> str:
    """Every file of the output as text, Pagefind's gzip'd data included."""
    parts = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if data[:2] == b"\x1f\x8b":
                data = gzip.decompress(data)
            parts.append(data.decode("utf-8", "replace"))
    return "\n".join(parts)


SECRET = "RAHASIA"  # a word only private files hold


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A content folder holding every kind of private or stray file next to releases."""
    base = tmp_path_factory.mktemp("hostile")
    content = base / "content"
    (content / "pages").mkdir(parents=True)
    (content / "sub").mkdir()
    (content / "2024-03-12-biasa.txt").write_text(release("Rilis Biasa"), "utf-8")
    (content / "2024-03-13-besar.TXT").write_text(release("Rilis Berekstensi Besar"), "utf-8")
    (content / "2024-03-13-campur.Txt").write_text(release("Rilis Berekstensi Campur"), "utf-8")
    (content / "2024-03-14-draf.txt").write_text(
        "Status: draft\n\n" + release(f"Draf {SECRET} Satu"), "utf-8"
    )
    (content / "2024-03-15-draf-penulis.txt").write_text(
        "Judul: Draf Dua\nPenulis: Ani\nStatus: draft\n\n" + release(f"Isi {SECRET} dua"), "utf-8"
    )
    (content / "2024-03-16-tersembunyi.txt").write_text(
        "Status: hidden\n\n" + release(f"Tersembunyi {SECRET}"), "utf-8"
    )
    (content / "2099-01-01-kelak.txt").write_text(release(f"Embargo {SECRET}"), "utf-8")
    outside = base / "outside.txt"
    outside.write_text(release(f"Berkas Luar {SECRET}"), "utf-8")
    (content / "2024-03-17-tautan.txt").symlink_to(outside)
    (content / "sub" / "putaran").symlink_to(content, target_is_directory=True)
    (content / "beranda.md").write_text(
        f"Title: Beranda\nDate: 2024-01-01\nSave_as: index.html\n\n<script>{SECRET}</script>\n",
        "utf-8",
    )
    (content / "pages" / "salah.txt").write_text(release(f"Di Halaman {SECRET}"), "utf-8")
    (content / "pages" / "tentang.md").write_text("Title: Tentang\n\nHalaman kantor.\n", "utf-8")
    (content / "kosong.txt").write_text("   \n", "utf-8")
    (content / "extra").mkdir()
    (content / "extra" / "robots.txt").write_text("User-agent: *\n", "utf-8")
    (content / "extra" / "draf.txt").write_text(
        "Status: draft\n\n" + release(f"Draf Statis {SECRET}"), "utf-8"
    )
    (content / "extra" / "gambar.png").symlink_to(outside)
    output = base / "output"
    result = build(
        content, output, "PRESS_RELEASE_SEARCH=true", "--fatal", "warnings",
        settings="publishconf.py",
    )  # fmt: skip
    return content, output, result


def test_a_site_of_author_problems_builds_under_fatal_warnings(hostile):
    _content, output, result = hostile
    assert result.returncode == 0, result.stdout + result.stderr
    assert (output / "index.html").is_file()
    assert (output / "pagefind" / "shards.json").is_file()


def test_nothing_private_is_written_to_the_output(hostile):
    _content, output, _result = hostile
    assert not (output / "drafts").exists()
    assert SECRET not in every_text(output)
    assert "<script>" + SECRET not in (output / "index.html").read_text("utf-8")


def test_the_report_is_beside_the_output_and_accounts_for_every_file(hostile):
    content, output, _result = hostile
    assert not list(output.rglob("press-release-report.json"))
    report = json.loads((output.parent / "press-release-report.json").read_text("utf-8"))
    statuses = {entry["source"]: entry["status"] for entry in report["files"]}
    assert statuses == {
        "2024-03-12-biasa.txt": "published",
        "2024-03-13-besar.TXT": "published",
        "2024-03-13-campur.Txt": "published",
        "2024-03-14-draf.txt": "draft",
        "2024-03-15-draf-penulis.txt": "draft",
        "2024-03-16-tersembunyi.txt": "hidden",
        "2099-01-01-kelak.txt": "scheduled",
        "2024-03-17-tautan.txt": "skipped",
        "sub/putaran": "skipped",
        "beranda.md": "skipped",
        "pages/salah.txt": "skipped",
        "kosong.txt": "skipped",
        "extra/draf.txt": "skipped",
        "extra/gambar.png": "skipped",
    }
    assert report["summary"] == (
        "3 rilis diterbitkan, 0 dengan peringatan, 7 dilewati, 3 draf, 1 terjadwal"
    )
    assert (output / "robots.txt").is_file()
    assert check(content) == statuses


def test_uppercase_extensions_are_published(hostile):
    _content, output, _result = hostile
    pages = {p.parent.name for p in output.glob("2024/03/*/index.html")}
    assert {"rilis-berekstensi-besar", "rilis-berekstensi-campur", "rilis-biasa"} == pages


def test_an_empty_site_builds_says_so_and_writes_its_report(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "2024-05-01-draf.txt").write_text("Status: draft\n\n" + release("Draf"), "utf-8")
    result = build(content, tmp_path / "out", "PRESS_RELEASE_SEARCH=true", "--fatal", "warnings")
    assert result.returncode == 0, result.stdout + result.stderr
    home = (tmp_path / "out" / "index.html").read_text("utf-8")
    assert "pr-list__empty" in home
    report = json.loads((tmp_path / "press-release-report.json").read_text("utf-8"))
    assert report["summary"].startswith("0 rilis diterbitkan")


def test_a_release_keeps_its_url_when_an_older_namesake_comes(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "2024-05-20-rapat.txt").write_text(release("Rapat Koordinasi"), "utf-8")
    first = build(content, tmp_path / "one")
    assert first.returncode == 0, first.stderr
    assert (tmp_path / "one/2024/05/rapat-koordinasi/index.html").is_file()
    # an older release of the same title in another month: no shared file, no rename
    (content / "2024-02-01-rapat.txt").write_text(release("Rapat Koordinasi"), "utf-8")
    second = build(content, tmp_path / "two")
    assert (tmp_path / "two/2024/05/rapat-koordinasi/index.html").is_file()
    assert (tmp_path / "two/2024/02/rapat-koordinasi/index.html").is_file()
    assert "same address" not in second.stdout + second.stderr
    # the same month: the later one becomes -2, with a warning naming both files
    (content / "2024-05-25-rapat.txt").write_text(release("Rapat Koordinasi"), "utf-8")
    third = build(content, tmp_path / "three")
    assert (tmp_path / "three/2024/05/rapat-koordinasi/index.html").is_file()
    assert (tmp_path / "three/2024/05/rapat-koordinasi-2/index.html").is_file()
    log = " ".join((third.stdout + third.stderr).split())
    assert "2024-05-25-rapat.txt: alamatnya sama dengan 2024-05-20-rapat.txt" in log


def test_github_actions_get_annotations_and_a_job_summary(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "2024-05-01-baik.txt").write_text(release("Rilis Baik"), "utf-8")
    (content / "2024-05-02-tanpa.txt").write_text(
        "Rilis Tanpa Dateline\n\nGubernur meninjau lokasi banjir bersama warga.\n\n(rus/hmsprov)\n",
        "utf-8",
    )
    (content / "rusak.txt").write_bytes(b"\x00\x01\x02 binary")
    summary = tmp_path / "summary.md"
    env = dict(WIDE, GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY=str(summary),
               GITHUB_WORKSPACE=str(tmp_path))  # fmt: skip
    result = build(content, tmp_path / "out", "--fatal", "warnings", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    commands = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert any(
        line.startswith("::warning file=content/2024-05-02-tanpa.txt,title=press_release::")
        and "dateline tidak ditemukan" in line  # the site's language (DEFAULT_LANG "id")
        for line in commands
    ), commands
    assert any(line.startswith("::warning file=content/rusak.txt,") for line in commands)
    assert not any("2024-05-01-baik.txt" in line for line in commands)
    text = summary.read_text("utf-8")
    assert "| diterbitkan | dengan peringatan | ditahan | dilewati |" in text
    assert "| 2 | 1 | 0 | 1 |" in text
    assert "rusak.txt" in text


# --------------------------------------------------------------------------- property

KINDS = {
    "release": lambda n: (f"2024-04-{n % 28 + 1:02d}-rilis-{n}.txt", release(f"Rilis Nomor {n}")),
    "upper": lambda n: (f"2024-04-{n % 28 + 1:02d}-besar-{n}.TXT", release(f"Rilis Besar {n}")),
    "undated": lambda n: (f"tanpa-tanggal-{n}.txt", release(f"Rilis Tanpa Tanggal {n}")),
    "draft": lambda n: (f"2024-04-02-draf-{n}.txt", "Status: draft\n\n" + release(f"Draf {n}")),
    "hidden": lambda n: (f"2024-04-03-sembunyi-{n}.txt",
                         "Status: hidden\n\n" + release(f"Sembunyi {n}")),
    "future": lambda n: (f"2098-0{n % 9 + 1}-01-kelak-{n}.txt", release(f"Kelak {n}")),
    "empty": lambda n: (f"kosong-{n}.txt", ""),
    "title-only": lambda n: (f"judul-{n}.txt", "Hanya Judul\n"),
    "markdown": lambda n: (f"catatan-{n}.md", f"Title: Catatan {n}\nDate: 2024-01-01\n\nIsi.\n"),
    "odd name": lambda n: (f"rilis (salinan) #{n} é.txt", release(f"Salinan Rilis {n}")),
    "same title": lambda n: (f"2024-04-09-sama-{n}.txt", release("Judul Yang Sama Persis")),
}  # fmt: skip


@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    kinds=st.lists(st.sampled_from(sorted(KINDS)), min_size=1, max_size=12),
    nested=st.booleans(),
    links=st.booleans(),
)
def test_check_and_the_build_agree_on_every_file(tmp_path_factory, kinds, nested, links):
    base = tmp_path_factory.mktemp("tree")
    content = base / "content"
    content.mkdir()
    for number, kind in enumerate(kinds):
        name, text = KINDS[kind](number)
        folder = content / "arsip" / str(number % 3) if nested else content
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, "utf-8")
    if links:
        outside = base / "luar.txt"
        outside.write_text(release("Di Luar"), "utf-8")
        (content / "2024-04-20-tautan.txt").symlink_to(outside)
        (content / "putaran").symlink_to(content, target_is_directory=True)
    result = build(content, base / "out", "--fatal", "warnings")
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads((base / "press-release-report.json").read_text("utf-8"))
    built = {entry["source"]: entry["status"] for entry in report["files"]}
    assert check(content) == built
    files = {
        os.path.relpath(p, content)
        for p in content.rglob("*")
        if p.is_file() and not any(part == "putaran" for part in p.relative_to(content).parts)
    }
    assert files <= set(built)  # every file is published, kept back or skipped
