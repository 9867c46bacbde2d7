"""The next post of a listing page (release._before_next_post) on long pages: paragraphs
that open like a dateline but name no known place keep the release whole."""

from __future__ import annotations

from press_release.parse import parse_release


def test_many_dateline_like_paragraphs_of_an_unknown_place_stay_in_the_body():
    paragraphs = [
        f"Kampung Baru – Warga ikut kerja bakti bersama ketua rukun tetangga nomor {i}."
        for i in range(3000)
    ]
    text = "\n\n".join(
        ["Kerja Bakti Warga", "SAMARINDA – Warga kampung menggelar kerja bakti di tepi sungai.",
         *paragraphs, "(ab/cd)"]
    )  # fmt: skip
    release = parse_release(text.encode("utf-8"), "kerja-bakti.txt")
    assert release.byline == "ab/cd"
    assert release.body_text.count("Kampung Baru –") == 3000
    assert not release.dropped


def test_a_known_place_below_the_second_paragraph_opens_the_next_post():
    text = "\n\n".join(
        [
            "Kerja Bakti Warga",
            "SAMARINDA – Warga kampung menggelar kerja bakti di tepi sungai kota hari ini.",
            "Kegiatan diikuti ratusan warga dari tiga kelurahan di kecamatan itu.",
            "Lurah berharap kegiatan serupa digelar setiap bulan.",
            "BALIKPAPAN – Pemerintah kota membuka pasar murah di halaman balai kota bersama dinas.",
        ]
    )
    release = parse_release(text.encode("utf-8"), "kerja-bakti.txt")
    assert "pasar murah" not in release.body_text
    assert any("pasar murah" in line for line in release.dropped)
    assert any("next release" in str(w) for w in release.warnings)


def test_paragraphs_opening_with_a_letter_and_a_dash_are_no_next_post():
    """A list lettered "A – ", "B – " below the lead: a letter in capitals is no place."""
    items = [f"{letter} – Warga ikut kerja bakti di kampung bersama ketua rukun tetangga."
             for letter in "ABCDE"]  # fmt: skip
    text = "\n\n".join(
        ["Kerja Bakti Warga", "SAMARINDA – Warga kampung menggelar kerja bakti di tepi sungai.",
         "Kegiatan diikuti ratusan warga dari tiga kelurahan.", *items, "(ab/cd)"]
    )  # fmt: skip
    release = parse_release(text.encode("utf-8"), "kerja-bakti.txt")
    assert release.body_text.count("kerja bakti di kampung") == 5
    assert not release.dropped
