"""`python -m press_release check` on releases with photos, run as authors run it."""

from __future__ import annotations

import json
import subprocess
import sys

from . import photo_files as make
from .photo_files import release_text


def check(*args, cwd):
    return subprocess.run(
        [sys.executable, "-m", "press_release", "check", *map(str, args)],
        capture_output=True, text=True, cwd=cwd, timeout=120,
    )  # fmt: skip


def test_photos_listed_with_captions_and_warnings(tmp_path):
    (tmp_path / "2024-03-12-banjir.txt").write_text(
        release_text("Banjir Samarinda", "HUMAS : Warga mengungsi di posko banjir.\nFoto: Ani"),
        encoding="utf-8",
    )
    make.phone_jpeg(tmp_path / "2024-03-12-banjir.jpg")
    make.truncated_jpeg(tmp_path / "2024-03-12-banjir-2.jpg")
    make.bomb_png(tmp_path / "2024-03-12-banjir-3.png")
    make.plain_jpeg(tmp_path / "2024-03-12-lain.jpg", size=(300, 200))
    result = check("--json", tmp_path, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    release, orphan = json.loads(result.stdout)
    lead, broken, bomb = release["photos"]
    assert (lead["file"], lead["order"], lead["format"]) == ("2024-03-12-banjir.jpg", 1, "JPEG")
    assert (lead["width"], lead["height"]) == (200, 400)  # as shown, turned upright
    assert lead["caption"] == "HUMAS : Warga mengungsi di posko banjir."
    assert (lead["credit"], lead["warnings"]) == ("Ani", [])
    assert any("cut short" in w for w in broken["warnings"])
    assert any("no caption or alt text" in w for w in broken["warnings"])
    assert any("too many pixels" in w for w in bomb["warnings"])
    assert any(w.startswith("photo 2024-03-12-banjir-2.jpg: ") for w in release["warnings"])
    assert release["status"] == "published with warnings"
    assert orphan["source"].endswith("2024-03-12-lain.jpg")
    assert "no release" in orphan["warnings"][0]


def test_table_lists_each_photo(tmp_path):
    (tmp_path / "2024-03-12-banjir.txt").write_text(
        release_text("Banjir Samarinda", "HUMAS : Warga mengungsi di posko banjir."),
        encoding="utf-8",
    )
    make.plain_jpeg(tmp_path / "2024-03-12-banjir.jpg", size=(300, 200))
    result = check(tmp_path / "2024-03-12-banjir.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    said = " ".join(result.stdout.split())  # values are wrapped, never cut
    assert "foto 1: 2024-03-12-banjir.jpg: HUMAS : Warga mengungsi di posko banjir." in said


def test_check_names_a_photo_reached_through_a_link(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    make.plain_jpeg(outside / "pribadi.jpg", size=(300, 200))
    content = tmp_path / "content"
    content.mkdir()
    release = content / "2024-07-01-tautan.txt"
    release.write_text(release_text("Rilis Dengan Tautan", "HUMAS : Foto tautan."), "utf-8")
    (content / "2024-07-01-tautan.jpg").symlink_to(outside / "pribadi.jpg")
    result = check("--json", content, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    [record] = json.loads(result.stdout)
    [photo] = record["photos"]
    # --json: warnings in English (stable for tools), messages in the site's language
    assert photo["width"] is None and "is a link" in photo["warnings"][0]
    assert record["warnings"] == [f"photo 2024-07-01-tautan.jpg: {photo['warnings'][0]}"]
    assert "foto 2024-07-01-tautan.jpg: dilewati: berkas foto ini sebuah tautan" in " ".join(
        record["messages"]
    )


def test_a_photo_of_no_release_counts_as_skipped_in_the_summary(tmp_path):
    """Both summary lines agree: the photo is skipped (not a file with warnings), and
    check still succeeds."""
    (tmp_path / "2024-03-12-banjir.txt").write_text(
        release_text("Banjir Samarinda", "HUMAS : Warga mengungsi."), encoding="utf-8"
    )
    make.plain_jpeg(tmp_path / "2024-03-12-banjir.jpg", size=(300, 200))
    make.plain_jpeg(tmp_path / "lepas.jpg", size=(300, 200))
    result = check(tmp_path, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    said = " ".join(result.stdout.split())
    assert "2 berkas: 1 bersih, 0 dengan peringatan, 1 dilewati" in said
    assert "1 rilis diterbitkan, 0 dengan peringatan, 1 dilewati" in said
