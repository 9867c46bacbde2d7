"""features/photos.py's pure steps on the parser's real output: the body split around
the lead photo, caption lines taken out only when a photo shows them."""

from __future__ import annotations

import pytest

from press_release.features.photos import split_body

from .conftest import parse

TWO_CAPTIONS = (
    "Banjir Rendam Samarinda\n"
    "HUMAS : Petugas menurunkan perahu karet di Samarinda. (yans/humasprov)\n"
    "DAPUR UMUM : Relawan menata paket sembako di posko. (ky/humasprov)\n\n"
    "SAMARINDA – Pemprov Kaltim menyalurkan bantuan kepada warga terdampak banjir.\n\n"
    "Bantuan berupa sembako dan selimut. (rus/humasprov)\n"
)
LIST_LEAD = (
    "Jadwal Layanan Posko Banjir\n\n"
    "1. Posko Sempaja buka pukul 07.00 sampai 22.00 setiap hari.\n"
    "2. Posko Temindung buka pukul 08.00 sampai 20.00 setiap hari.\n\n"
    "Warga dapat menghubungi nomor darurat 112. (rus/humasprov)\n"
)


@pytest.mark.parametrize(
    ("shown", "kept_captions"),
    [
        pytest.param({0, 1}, [], id="both-shown"),
        pytest.param({0}, ["DAPUR UMUM"], id="second-has-no-photo"),
        pytest.param(set(), ["HUMAS", "DAPUR UMUM"], id="captions-from-the-header"),
    ],
)
def test_caption_lines_leave_the_body_only_when_a_photo_shows_them(shown, kept_captions):
    body = parse(TWO_CAPTIONS).body_html
    lead, rest = split_body(body, shown)
    captions = [line for line in lead.split("\n") if 'class="pr-caption"' in line]
    assert [c.split(">", 1)[1].split(" :")[0] for c in captions] == kept_captions
    assert lead.endswith("</p>") and '<p class="pr-lead">' in lead.split("\n")[-1]
    assert "terdampak banjir" in lead and "terdampak banjir" not in rest
    assert rest.startswith("<p>Bantuan berupa sembako")
    assert len(lead) + len(rest) < len(body) or not shown  # nothing added, nothing else lost


def test_a_lead_that_is_a_list_is_the_lead():
    body = parse(LIST_LEAD).body_html
    lead, rest = split_body(body, set())
    assert lead.startswith('<ol class="pr-lead">') and lead.endswith("</ol>")
    assert "Posko Temindung" in lead
    assert rest == "<p>Warga dapat menghubungi nomor darurat 112.</p>"


def test_a_body_of_another_shape_is_left_whole():
    body = "<p>Paragraf pertama.</p>\n<p>Paragraf kedua.</p>"
    assert split_body(body, {0}) == ("", body)
