"""photos.captions: caption, credit and alt text from a real parse of the release."""

from __future__ import annotations

from pathlib import Path

import pytest

from press_release.photos.captions import attach_captions, header_without_photo, split_credit

from .conftest import parse
from .photo_files import release_text

FILES = [Path("banjir.jpg"), Path("banjir-2.jpg"), Path("banjir-3.jpg")]


def photos_of(text: str, count: int = 3):
    return attach_captions(parse(text, "2024-03-12-banjir.txt"), FILES[:count])


def test_captions_attach_in_order_and_alt_falls_back_to_the_caption():
    lead, second, third = photos_of(
        release_text(
            "Banjir Samarinda",
            "RESKAL : Kepala BPBD menyerahkan bantuan logistik, Selasa (12/3).\n"
            "Warga mengungsi ke posko banjir di Samarinda Ilir (yuvita/humasprov)",
        )
    )
    assert lead.caption == "RESKAL : Kepala BPBD menyerahkan bantuan logistik, Selasa (12/3)."
    assert lead.alt == "Kepala BPBD menyerahkan bantuan logistik, Selasa (12/3)."
    assert lead.credit is None and lead.is_lead
    assert second.caption == "Warga mengungsi ke posko banjir di Samarinda Ilir"
    assert second.credit == "yuvita/humasprov"
    assert (third.order, third.caption, third.alt) == (3, None, None)


def test_one_foto_credit_line_credits_every_photo():
    photos = photos_of(release_text("Banjir Samarinda", "Foto: Humas Prov Kaltim"), 2)
    assert [p.credit for p in photos] == ["Humas Prov Kaltim", "Humas Prov Kaltim"]
    assert [p.caption for p in photos] == [None, None]


def test_foto_credit_lines_in_order():
    photos = photos_of(release_text("Banjir Samarinda", "Foto: Ani\nFotografer: Budi"), 3)
    assert [p.credit for p in photos] == ["Ani", "Budi", None]


def test_a_foto_line_that_reads_as_a_sentence_is_a_caption():
    [lead] = photos_of(
        release_text(
            "Banjir Samarinda", "Foto: Gubernur meninjau posko banjir di Samarinda. (rus/humasprov)"
        ),
        1,
    )
    assert lead.caption == "Gubernur meninjau posko banjir di Samarinda."
    assert lead.credit == "rus/humasprov"
    assert lead.alt == lead.caption


def test_header_keys_override_for_the_lead_and_numbered_photos():
    text = (
        "Keterangan Foto: Posko banjir di Samarinda Ilir\n"
        "Foto: Tim Humas\n"
        "Alt: Perahu karet BPBD membawa warga\n"
        "Alt 2: Tumpukan beras di gudang logistik\n\n"
        + release_text("Banjir Samarinda", "Foto: Ani")
    )
    lead, second = photos_of(text, 2)
    assert (lead.caption, lead.credit, lead.alt) == (
        "Posko banjir di Samarinda Ilir",
        "Tim Humas",
        "Perahu karet BPBD membawa warga",
    )
    assert (second.caption, second.credit, second.alt) == (
        None,
        "Ani",
        "Tumpukan beras di gudang logistik",
    )


def test_header_with_photo_keys_is_still_a_header():
    release = parse("Judul: Banjir\nKeterangan Foto: Posko\nAlt 2: Beras\n\n" + release_text("X"))
    assert release.title == "Banjir"
    assert release.header["photo_caption"] == "Posko"
    assert release.header["photo_alt_2"] == "Beras"


def test_numbered_key_that_is_not_a_photo_key_is_no_header():
    release = parse("Judul 2: Banjir\n\n" + release_text("Rapat"))
    assert release.header == {}


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        pytest.param(
            "Warga di posko (Foto: doc)", ("Warga di posko", "doc"), id="foto-in-brackets"
        ),
        pytest.param(
            "Warga di posko (antarafoto).", ("Warga di posko.", "antarafoto"), id="agency"
        ),
        pytest.param(
            "Gubernur meninjau, Selasa (3/9).",
            ("Gubernur meninjau, Selasa (3/9).", None),
            id="date",
        ),
        pytest.param(
            "Rapat tata ruang (KKPR, 2024)", ("Rapat tata ruang (KKPR, 2024)", None), id="gloss"
        ),
    ],
)
def test_split_credit(caption, expected):
    assert split_credit(caption) == expected


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        pytest.param(
            0, ["'Alt 2: ...' describes photo 2", "'Foto: ...' describes the lead"], id="none"
        ),
        pytest.param(1, ["'Alt 2: ...' describes photo 2"], id="one"),
        pytest.param(2, [], id="two"),
    ],
)
def test_header_lines_about_a_missing_photo_are_warned(count, expected):
    release = parse("Foto: Tim Humas\nAlt 2: Beras di gudang\n\n" + release_text("Banjir"))
    warnings = header_without_photo(release, count)
    assert len(warnings) == len(expected)
    for warning, words in zip(sorted(warnings), sorted(expected), strict=True):
        assert words in warning
