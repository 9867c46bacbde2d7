"""importer/write.py: safe writes and the import state."""

from __future__ import annotations

import pytest

from press_release.errors import PressReleaseError
from press_release.importer import write
from press_release.importer.write import ImportState

OLD, NEW = b"teks lama\n", b"teks baru\n"

PLANS = [
    # recorded digest, bytes on disk, bytes to write -> plan
    ("never_written_no_file", None, None, NEW, write.NEW),
    ("never_written_same_bytes", None, NEW, NEW, write.ADOPTED),
    ("never_written_other_file", None, OLD, NEW, write.EDITED),
    ("written_then_removed", write.digest(OLD), None, NEW, write.REMOVED),
    ("written_unchanged", write.digest(NEW), NEW, NEW, write.UNCHANGED),
    ("written_source_changed", write.digest(OLD), OLD, NEW, write.UPDATED),
    ("written_then_edited", write.digest(OLD), b"diedit\n", NEW, write.EDITED),
    ("edited_to_the_new_text", write.digest(OLD), NEW, NEW, write.UNCHANGED),
]  # fmt: skip


@pytest.mark.parametrize(("recorded", "disk", "new", "expected"), [p[1:] for p in PLANS],
                         ids=[p[0] for p in PLANS])  # fmt: skip
def test_plan(recorded, disk, new, expected):
    assert write.plan(recorded, disk, new) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://www.humas.go.id/2024/01/x/", "http://humas.go.id/2024/01/x"),
        ("https://humas.go.id/?p=12#komentar", "https://HUMAS.go.id/?p=12"),
    ],
    ids=["scheme_www_slash", "fragment_case"],
)
def test_same_release_by_key(a, b):
    assert write.normal_key(a) == write.normal_key(b)


def test_different_queries_are_different_releases():
    assert write.normal_key("https://x.go.id/?p=1") != write.normal_key("https://x.go.id/?p=2")


def test_write_atomic_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "rilis.txt"
    write.write_atomic(target, NEW)
    write.write_atomic(target, OLD)
    assert target.read_bytes() == OLD
    assert [p.name for p in tmp_path.iterdir()] == ["rilis.txt"]
    assert target.stat().st_mode & 0o777 == write.FILE_MODE


def test_write_atomic_keeps_the_old_file_when_writing_fails(tmp_path):
    target = tmp_path / "rilis.txt"
    target.write_bytes(OLD)

    with pytest.raises(TypeError):  # the write fails after the temporary file was made
        write.write_atomic(target, "bukan bytes")
    assert target.read_bytes() == OLD
    assert [p.name for p in tmp_path.iterdir()] == ["rilis.txt"]


def test_state_round_trip(tmp_path):
    state = ImportState.load(tmp_path)
    record = state.add("2024-01-02-a.txt", write.digest(NEW), ["https://x.go.id/a/", "guid-1"])
    state.set_photo(record, "2024-01-02-a.jpg", "ab")
    state.save()
    state.close()
    loaded = ImportState.load(tmp_path)
    assert loaded.find(["http://www.x.go.id/a"]).file == "2024-01-02-a.txt"
    assert loaded.find(["guid-1"]).digest == write.digest(NEW)
    assert loaded.taken("2024-01-02-a.jpg") and not loaded.taken("2024-01-02-b.txt")
    assert loaded.photo_digest("2024-01-02-a.jpg") == "ab"


def test_a_record_is_met_once_per_run(tmp_path):
    state = ImportState.load(tmp_path)
    record = state.add("a.txt", "d", ["k"])
    assert state.mark(record) and not state.mark(record)
    state.save()
    state.close()
    assert ImportState.load(tmp_path).mark(ImportState.load(tmp_path).find(["k"]))


def test_dry_run_never_changes_the_state_file(tmp_path):
    state = ImportState.load(tmp_path)
    state.add("a.txt", "d", ["k"])
    state.save()
    state.close()
    before = (tmp_path / write.STATE_NAME).read_bytes()
    dry = ImportState.load(tmp_path, dry_run=True)
    assert dry.find(["k"]).file == "a.txt"
    dry.add("b.txt", "e", ["l"])
    dry.save()
    dry.close()
    assert (tmp_path / write.STATE_NAME).read_bytes() == before


def test_unreadable_state_is_an_error(tmp_path):
    (tmp_path / write.STATE_NAME).write_text("{bukan basis data", encoding="utf-8")
    with pytest.raises(PressReleaseError):
        ImportState.load(tmp_path)


def test_free_name_never_takes_an_authors_file(tmp_path):
    (tmp_path / "2024-01-02-rapat.txt").write_text("rilis penulis\n", encoding="utf-8")
    state = ImportState.load(tmp_path)
    name = state.free_name("2024-01-02-rapat", ".txt", "https://x.go.id/rapat/")
    assert name != "2024-01-02-rapat.txt" and name.startswith("2024-01-02-rapat-")
    tag = name.removeprefix("2024-01-02-rapat-").removesuffix(".txt")
    assert tag.isalpha()  # never "-2": that names a release's second photo
