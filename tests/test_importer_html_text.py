"""importer/html_text.py: body HTML to the authors' plain text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from press_release.errors import PressReleaseError
from press_release.importer.html_text import html_to_text
from press_release.parse import parse_release

CASES = [
    ("paragraphs", "<p>Satu.</p><p>Dua.</p>", "Satu.\n\nDua."),
    ("line_break", "<p>Baris satu<br>baris dua</p>", "Baris satu\nbaris dua"),
    ("double_br_is_paragraph", "Satu.<br><br>Dua.", "Satu.\n\nDua."),
    ("entities", "<p>SAMARINDA &#8211; &ldquo;Kami&rdquo; &amp; warga&nbsp;hadir</p>",
     "SAMARINDA – “Kami” & warga hadir"),
    ("bullets", "<ul><li>beras</li><li>minyak</li></ul>", "- beras\n- minyak"),
    ("numbers", "<ol><li>satu</li><li>dua</li></ol>", "1. satu\n2. dua"),
    ("paragraph_in_item", "<ul><li><p>beras</p></li></ul>", "- beras"),
    ("heading", "<h2>Subjudul</h2><p>Isi.</p>", "Subjudul\n\nIsi."),
    ("inline_markup", "<p>Kata <strong>tebal</strong> dan <em>miring</em>.</p>",
     "Kata tebal dan miring."),
    ("whitespace", "<p>  banyak \n\t spasi   di sini </p>", "banyak spasi di sini"),
    ("script_style", "<p>Isi.</p><script>alert(1)</script><style>p{}</style>", "Isi."),
    ("empty_paragraphs", "<p>&nbsp;</p><p>Isi.</p><p> </p>", "Isi."),
    ("pre", "<pre>baris  satu\n  baris dua</pre>", "baris  satu\n  baris dua"),
    ("link_text_kept", '<p>Lihat <a href="https://x.go.id/">laman resmi</a>.</p>',
     "Lihat laman resmi."),
    ("control_characters", "<p>teks\x00 dengan\x0b kontrol</p>", "teks dengan kontrol"),
]  # fmt: skip


@pytest.mark.parametrize(("html", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_conversion(html, expected):
    assert html_to_text(html).text == expected


AUTOP = [
    ("blank_line_splits", "Satu.\n\nDua.", "Satu.\n\nDua."),
    ("newline_is_break", "Satu\ndua", "Satu\ndua"),
    ("blocks_between", "Satu.\n<ul>\n<li>a</li>\n</ul>\nDua.", "Satu.\n\n- a\n\nDua."),
    ("gutenberg", "<!-- wp:paragraph -->\n<p>Satu.</p>\n<!-- /wp:paragraph -->", "Satu."),
]  # fmt: skip


@pytest.mark.parametrize(("html", "expected"), [c[1:] for c in AUTOP], ids=[c[0] for c in AUTOP])
def test_wordpress_stored_text(html, expected):
    assert html_to_text(html, autop=True).text == expected


def test_data_table_becomes_rows_with_a_warning():
    html = (
        "<table><tr><th>Barang</th><th>Harga</th></tr>"
        "<tr><td>Beras</td><td>60.000</td></tr></table>"
    )
    converted = html_to_text(html)
    assert converted.text == "Barang | Harga\nBeras | 60.000"
    assert [n.code for n in converted.notes] == ["table"]


def test_huge_table_is_dropped_with_a_warning():
    rows = "".join(f"<tr><td>{i}</td><td>x</td></tr>" for i in range(300))
    converted = html_to_text(f"<p>Sebelum.</p><table>{rows}</table><p>Sesudah.</p>")
    assert converted.text == "Sebelum.\n\nSesudah."
    assert converted.notes[0].code == "table_dropped"


def test_layout_table_is_read_as_blocks():
    prose = "Wali Kota meresmikan taman baca di kelurahan. " * 10
    html = f"<table><tr><td><a href='/'>Home</a></td><td>{prose}</td></tr></table>"
    converted = html_to_text(html)
    assert prose.strip() in converted.text
    assert " | " not in converted.text and not converted.notes


@pytest.mark.parametrize(
    ("html", "what"),
    [
        ('<iframe src="https://www.youtube.com/embed/x"></iframe>', "iframe"),
        ('<video><source src="https://cdn.example/v.mp4"></video>', "video"),
        ('<object data="peta.swf"></object>', "object"),
    ],
    ids=["iframe", "video", "object"],
)
def test_embeds_are_never_carried_over_but_named(html, what):
    converted = html_to_text(f"<p>Isi.</p>{html}")
    assert converted.text == "Isi."
    assert converted.notes[0].code == "embed" and converted.notes[0].values["what"] == what


def test_forms_are_dropped_with_a_warning():
    converted = html_to_text('<p>Isi.</p><form><input name="q"><button>Cari</button></form>')
    assert converted.text == "Isi." and [n.code for n in converted.notes] == ["form"]


def test_images_become_photos_lazy_sources_first():
    html = (
        '<p>Isi.<img src="data:image/gif;base64,R0lG" data-src="/up/a.jpg" alt=" Foto  A "></p>'
        '<img srcset="/up/b-300.jpg 300w, /up/b-1024.jpg 1024w">'
    )
    converted = html_to_text(html)
    assert [(p.ref, p.alt) for p in converted.photos] == [
        ("/up/a.jpg", "Foto A"),
        ("/up/b-1024.jpg", ""),
    ]
    assert converted.text == "Isi."


def test_deeply_nested_markup_needs_no_recursion():
    html = "<div>" * 20000 + "teks terdalam" + "</div>" * 20000
    assert html_to_text(html).text == "teks terdalam"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/=\"' &;#abpdiltrx\n\x00é–")), max_size=300))
def test_any_markup_converts_to_text_the_reader_accepts(html):
    text = html_to_text(html).text
    assert "\x00" not in text
    try:
        parse_release(text.encode("utf-8"), "rilis.txt")
    except PressReleaseError as exc:  # too little text is fine; a binary file is not
        assert "binary" not in str(exc) and "NUL" not in str(exc)
