"""importer/wxr.py: WordPress exports read as a stream, broken ones item by item."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from press_release.importer import wxr
from press_release.importer.model import Skipped, SourceItem

INPUTS = Path(__file__).resolve().parent / "importer_inputs"
EXPORT = INPUTS / "wxr" / "humas-kaltara.xml"


def read(path: Path, post_types=("post",)) -> tuple[wxr.WxrExport, list]:
    export = wxr.WxrExport(path, post_types)
    items = [
        raw if isinstance(raw, Skipped) else wxr.convert(raw, path.name, post_types)
        for raw in export.raw_items()
    ]
    return export, items


@pytest.fixture(scope="module")
def export():
    return read(EXPORT)


def by_title(items, title) -> SourceItem:
    return next(i for i in items if isinstance(i, SourceItem) and i.title == title)


def test_post_fields(export):
    _, items = export
    post = by_title(items, "Banjir Rendam Tiga Desa, Pemprov Kirim Perahu dan Logistik")
    assert post.date == datetime(2024, 1, 16, 9, 30) and post.date_has_time
    assert post.category == "Berita Utama"
    assert post.tags == ["banjir", "BPBD"]
    assert post.author == "Ratna Sari"  # the display name of dc:creator's login
    assert post.old_url == "https://humas.contoh.go.id/2024/01/banjir-rendam-tiga-desa/"
    assert post.keys == ("https://humas.contoh.go.id/?p=101", post.old_url)
    assert post.slug_hint == "banjir-rendam-tiga-desa"


def test_body_keeps_dateline_caption_list_and_credit(export):
    _, items = export
    body = by_title(items, "Banjir Rendam Tiga Desa, Pemprov Kirim Perahu dan Logistik").body
    paragraphs = body.split("\n\n")
    assert paragraphs[0].startswith("EVAKUASI : Petugas BPBD")  # the [caption] text
    assert paragraphs[1].startswith("TANJUNG SELOR – Pemerintah")
    assert "- selimut dan tikar," in body
    assert body.endswith("Posko pengaduan dibuka 24 jam. (rin/humasprov)")


def test_featured_image_first_then_content_images(export):
    exported, items = export
    post = by_title(items, "Banjir Rendam Tiga Desa, Pemprov Kirim Perahu dan Logistik")
    assert post.photos[0].attachment_id == "102"
    assert post.photos[1].ref.endswith("perahu-karet-800x533.jpg")
    attachment = exported.attachments["102"]
    assert attachment.file == "2024/01/perahu-karet.jpg"


def test_comments_never_travel(export):
    _, items = export
    text = repr(items)
    assert "KOMENTAR-PRIBADI-WARGA" not in text and "203.0.113.7" not in text


@pytest.mark.parametrize(
    ("title", "code"),
    [
        ("Draf: Rencana Rapat Koordinasi", "draft"),
        ("Internal: Jadwal Piket Humas", "private"),
        ("Tentang Kami", "page"),
        ("Pos Kosong", "empty"),
    ],
    ids=["draft", "private", "page", "empty"],
)
def test_skipped_with_a_reason(export, title, code):
    _, items = export
    skipped = [i for i in items if isinstance(i, Skipped) and title in i.origin]
    assert [s.reason.code for s in skipped] == [code]


def test_pages_import_when_asked():
    _, items = read(EXPORT, post_types=("post", "page"))
    assert (
        by_title(items, "Tentang Kami").body
        == "Biro Humas Provinsi Contoh melayani informasi publik."
    )


def test_private_text_never_reaches_an_item(export):
    _, items = export
    kept = " ".join(i.body for i in items if isinstance(i, SourceItem))
    assert "RAHASIA" not in kept


def test_untitled_undated_post_is_imported_with_warnings(export):
    _, items = export
    post = next(i for i in items if isinstance(i, SourceItem) and i.title is None)
    assert post.body.startswith("MALINAU – ")
    assert {n.code for n in post.notes} >= {"no_title", "no_date"}


def test_table_embed_script_and_categories(export):
    _, items = export
    post = by_title(items, "Gubernur Tinjau Pasar Murah Jelang Ramadan")
    assert "Beras 5 kg | Rp75.000 | Rp60.000" in post.body
    assert "iklan" not in post.body and "youtube" not in post.body
    assert post.category == "Ekonomi" and post.tags == ["Kabupaten Nunukan"]
    assert {n.code for n in post.notes} == {"table", "embed", "more_categories"}


# -- broken exports, made from the export above ------------------------------------
def variant(tmp_path: Path, name: str, change) -> Path:
    path = tmp_path / name
    path.write_bytes(change(EXPORT.read_bytes()))
    return path


def titles(items) -> list[str]:
    return [i.title for i in items if isinstance(i, SourceItem) and i.title]


EXPECTED = ["Banjir Rendam Tiga Desa, Pemprov Kirim Perahu dan Logistik",
            "Gubernur Tinjau Pasar Murah Jelang Ramadan"]  # fmt: skip

BROKEN = [
    # A vertical tab pasted from Word: not allowed in XML.
    ("control_character", lambda b: b.replace(b"dua perahu karet", b"dua\x0bperahu karet")),
    # A Windows-1252 quote inside a UTF-8 export.
    ("stray_cp1252_byte", lambda b: b.replace(b"Gubernur meninjau", b"Gubernur \x93meninjau")),
    # An export cut off inside the draft item, after both posts.
    ("truncated", lambda b: b[: b.index(b"Teks draf yang belum")]),
    # A post whose XML is broken beyond repair (an unclosed element).
    ("broken_item", lambda b: b.replace(b"<wp:post_id>110</wp:post_id>", b"<wp:post_id>110")),
]  # fmt: skip


@pytest.mark.parametrize("change", [c[1] for c in BROKEN], ids=[c[0] for c in BROKEN])
def test_broken_exports_keep_every_readable_item(tmp_path, change):
    path = variant(tmp_path, "rusak.xml", change)
    exported, items = read(path)
    assert exported.notes and exported.notes[0].code == "xml_broken"
    kept = titles(items)
    broken = [i for i in items if isinstance(i, Skipped) and i.reason.code == "xml_item_broken"]
    assert len(kept) + len(broken) >= len(EXPECTED)
    assert all(title in kept for title in EXPECTED if not any(title in b.origin for b in broken))


def test_stray_byte_is_read_as_windows_1252(tmp_path):
    path = variant(tmp_path, "cp.xml", BROKEN[1][1])
    _, items = read(path)
    post = by_title(items, "Gubernur Tinjau Pasar Murah Jelang Ramadan")
    assert "Gubernur “meninjau" in post.body
    assert "replaced_bytes" in {n.code for n in post.notes}


def test_declared_windows_1252_export(tmp_path):
    text = EXPORT.read_text(encoding="utf-8").replace('encoding="UTF-8"', 'encoding="windows-1252"')
    path = tmp_path / "cp1252.xml"
    path.write_bytes(text.encode("cp1252", errors="replace"))
    exported, items = read(path)
    assert not exported.notes
    assert titles(items)[:2] == EXPECTED
    assert "“Kami prioritaskan" in by_title(items, EXPECTED[0]).body


def test_unknown_declared_encoding_is_read_as_utf8(tmp_path):
    path = variant(
        tmp_path, "x.xml", lambda b: b.replace(b'encoding="UTF-8"', b'encoding="x-tidak-ada"')
    )
    exported, items = read(path)
    assert exported.notes[0].code == "encoding_unknown"
    assert titles(items)[:2] == EXPECTED


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"bukan XML sama sekali",
        b"\x89PNG\r\n\x1a\n\x00\x00",
        b"<html><body>halaman</body></html>",
    ],
    ids=["empty", "text", "binary", "html"],
)
def test_not_an_export_yields_nothing_and_says_why(tmp_path, content):
    path = tmp_path / "bukan.xml"
    path.write_bytes(content)
    exported, items = read(path)
    assert items == []
    assert exported.notes and exported.notes[0].code in ("xml_unreadable", "xml_broken")


def test_memory_is_flat_items_are_cleared(tmp_path):
    """Each item is handed on and cleared: the channel holds no item afterwards."""
    exported = wxr.WxrExport(EXPORT)
    seen = []
    for raw in exported.raw_items():
        seen.append(raw.fields.get("title"))
    assert len(seen) == 8 and exported.count == 9  # the attachment went to its table
