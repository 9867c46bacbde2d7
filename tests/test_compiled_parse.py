"""The compiled parser (press_release/compiled.py): built with the project's own command,
used only while its sources are unedited, and reading every fixture and a generated
archive exactly as the pure parser does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from press_release import compiled

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"

# Everything a release holds that the site shows or the build report says, per file.
DESCRIBE = """
import json, sys
from pathlib import Path
from press_release import compiled
from press_release.parse import parse_release

out = {"active": compiled.active(), "releases": {}}
for folder in sys.argv[1:]:
    for path in sorted(Path(folder).glob("*.txt")):
        try:
            r = parse_release(path.read_bytes(), path.name)
        except Exception as error:  # the pure parser's refusals must be the compiled one's
            out["releases"][f"{folder}/{path.name}"] = [type(error).__name__, str(error)]
            continue
        out["releases"][f"{folder}/{path.name}"] = [
            repr(getattr(r, name)) for name in (
                "title", "category", "dateline", "dateline_display", "dateline_agency",
                "dateline_text", "byline", "reporters", "desk", "credits",
                "credited_reporters", "summary", "dek", "captions", "dropped", "warnings",
                "body_html", "header", "date_iso", "body_text",
            )
        ]
print(json.dumps(out))
"""


def _describe(folders: list[Path], compiled_dir: Path, on: bool) -> dict:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "plugins"),
        "PRESS_RELEASE_COMPILED": "1" if on else "0",
        "PRESS_RELEASE_COMPILED_DIR": str(compiled_dir),
    }
    done = subprocess.run(
        [sys.executable, "-c", DESCRIBE, *map(str, folders)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def build(tmp_path_factory) -> Path:
    pytest.importorskip("mypyc", reason="compiling the parser needs mypy (the test extra)")
    base = tmp_path_factory.mktemp("compiled")
    done = subprocess.run(
        [sys.executable, "-m", "press_release", "compile", "--dir", str(base)],
        env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")},
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.startswith("compiled parser: ")
    return base


def test_compiled_parser_reads_every_file_as_the_pure_one(build, tmp_path):
    generated = tmp_path / "generated"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "generate.py"),
            "300",
            str(generated),
            "--seed",
            "11",
        ],
        env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")},
        check=True,
        capture_output=True,
    )
    folders = [FIXTURES, generated / "raw"]
    fast = _describe(folders, build, on=True)
    pure = _describe(folders, build, on=False)
    assert fast["active"] is True and pure["active"] is False
    assert len(fast["releases"]) > 1000
    different = [
        name for name in pure["releases"] if fast["releases"][name] != pure["releases"][name]
    ]
    assert different == []


def test_hostile_text_fails_alike(build, tmp_path):
    """Odd bytes and shapes: the compiled parser neither crashes where the pure one does
    not, nor reads them otherwise."""
    odd = tmp_path / "odd"
    odd.mkdir()
    samples = {
        "empty.txt": b"",
        "binary.txt": bytes(range(256)) * 20,
        "one_line.txt": b"SAMARINDA - " + b"kata " * 20000,
        "brackets.txt": b"(" * 5000 + b"\n" + b"[" * 5000,
        "controls.txt": "Judul\u200b\u202e\n\nSAMARINDA \u2013 Isi\u0000 berita.\n(rus/X)".encode(),
        "latin1.txt": "Judul\n\nSAMARINDA – Bupati menghadiri acara café.\n".encode(
            "latin-1", "replace"
        ),
    }
    for name, data in samples.items():
        (odd / name).write_bytes(data)
    fast = _describe([odd], build, on=True)["releases"]
    pure = _describe([odd], build, on=False)["releases"]
    assert len(pure) == len(samples)
    assert fast == pure
    assert any(value[0] == "PressReleaseError" for value in pure.values())  # one refused


def test_a_build_is_used_only_for_the_sources_it_was_made_from(build, tmp_path):
    (folder,) = [p for p in build.iterdir() if p.is_dir() and not p.name.startswith(".")]
    assert folder.name == compiled.source_key()
    manifest = json.loads((folder / compiled.MANIFEST).read_text(encoding="utf-8"))
    assert set(manifest["files"]) == {
        *(f"press_release.parse.{m}" for m in compiled.modules()),
        f"{compiled.GROUP}__mypyc",
    }
    # The same build under another key (sources edited since): not a build of today's.
    stale = tmp_path / "stale"
    (stale / ("0" * 24)).mkdir(parents=True)
    for file in folder.iterdir():
        (stale / ("0" * 24) / file.name).write_bytes(file.read_bytes())
    assert _describe([], stale, on=True)["active"] is False
    # A build missing a module is not used either.
    broken = tmp_path / "broken"
    (broken / folder.name).mkdir(parents=True)
    for file in folder.iterdir():
        if not file.name.startswith("release."):
            (broken / folder.name / file.name).write_bytes(file.read_bytes())
    assert _describe([], broken, on=True)["active"] is False
    # A damaged build (its compiled code unreadable): the pure parser, and a warning.
    damaged = tmp_path / "damaged"
    (damaged / folder.name).mkdir(parents=True)
    for file in folder.iterdir():
        data = file.read_bytes()
        if file.name.startswith(compiled.GROUP):
            data = b"not a shared library"
        (damaged / folder.name / file.name).write_bytes(data)
    done = subprocess.run(
        [sys.executable, "-c", "import press_release, press_release.compiled as c; "
         "print(c.active())"],
        env={**os.environ, "PYTHONPATH": str(ROOT / "plugins"), "PRESS_RELEASE_COMPILED": "1",
             "PRESS_RELEASE_COMPILED_DIR": str(damaged)},
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert done.stdout.strip() == "False"
    assert "cannot be loaded" in done.stderr and "compile --force" in done.stderr
    # And the switch turns a whole build off.
    assert _describe([], build, on=False)["active"] is False
    assert _describe([], build, on=True)["active"] is True
