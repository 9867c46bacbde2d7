"""chrome.py: page chrome never cuts the release's prose (issue 16).

An ordinary body line that looks like chrome ("Berita terkait ...", "Hak cipta ...", a
schedule line "12 Maret 2024 pukul 09.00 WITA") used to end the release there, byline
included. Trailing chrome now starts only where what follows is chrome too (or nothing).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from press_release.parse import parse_release

TITLE = "Pemprov Kaltim Gelar Rapat Koordinasi Banjir"
LEAD = (
    "Pemprov Kaltim menggelar rapat koordinasi penanganan banjir bersama BPBD dan dinas "
    "terkait di Samarinda."
)
LATER = "Rapat dilanjutkan pekan depan dengan agenda evaluasi bersama para camat."
LAST = "Warga diminta melapor ke posko terdekat bila membutuhkan bantuan."
CODE = "rus/hmsprov"


def _release(*middle: str, code: str | None = CODE, last: str = LAST):
    end = f"{last} ({code})" if code else last
    paragraphs = [f"SAMARINDA – {LEAD}", *middle, LATER, end]
    text = TITLE + "\n\n" + "\n\n".join(paragraphs) + "\n"
    return parse_release(text.encode("utf-8"), "rilis.txt")


PROSE_LIKE_CHROME = {
    "berita-terkait-paragraph": (
        "Berita terkait banjir ini sudah disampaikan kepada seluruh camat di wilayah "
        "Samarinda pekan lalu."
    ),
    "hak-cipta-paragraph": (
        "Hak cipta atas karya batik itu kini didaftarkan ke Kementerian Hukum oleh "
        "pemerintah daerah."
    ),
    "schedule-line": "12 Maret 2024 pukul 09.00 WITA",
    "related-label": "Berita Terkait",
    "share-label": "Bagikan:",
    "copyright-label": "Hak Cipta",
    "tags-line": "Tags: banjir, samarinda",
    "rule": "———————",
    "comment-label": "Tinggalkan Balasan",
    # The rules of the comment form's fields and of an outlet's calls to follow it.
    "google-news-sentence": (
        "Warga juga dapat mengikuti perkembangan banjir lewat Google News dan akun resmi "
        "pemerintah provinsi."
    ),
    "komentar-sentence": (
        "Komentar warga tentang posko banjir akan ditampung dan dijawab oleh petugas BPBD."
    ),
    "whatsapp-group-sentence": (
        "Posko juga membuka grup WhatsApp bagi relawan yang ingin bergabung membantu warga."
    ),
    "follow-prompt-line": "Ikuti berita terbaru kami di Google News",
    "join-prompt-line": "Yuk join di group whatsapp Relawan Banjir",
    "comment-field": "Nama *",
    "first-to-comment": "Be the first to comment",
    "channel-line": "Youtube Humas Kaltim",
    "send-news-sentence": "Kirim berita banjir terbaru kepada posko agar petugas segera bergerak.",
    "contact-line": "Website : bpbd.kaltimprov.go.id",
}


@pytest.mark.parametrize("code", [CODE, None], ids=["with-byline", "without-byline"])
@pytest.mark.parametrize("line", PROSE_LIKE_CHROME.values(), ids=PROSE_LIKE_CHROME)
def test_a_chrome_like_line_in_the_body_keeps_what_follows(line, code):
    release = _release(line, code=code)
    assert LATER in release.body_text and LAST in release.body_text
    assert release.byline == code
    assert LATER not in " ".join(release.dropped)


@pytest.mark.parametrize(
    "line",
    [PROSE_LIKE_CHROME["berita-terkait-paragraph"], PROSE_LIKE_CHROME["hak-cipta-paragraph"]],
    ids=["berita-terkait", "hak-cipta"],
)
def test_a_long_sentence_opening_like_chrome_is_prose_even_at_the_end(line):
    release = _release(last=line, code=None)
    assert release.blocks[-1].text == line
    assert not release.dropped


def test_the_schedule_line_stays_with_its_paragraph_break():
    release = _release("Jadwal rapat berikutnya:", "12 Maret 2024 pukul 09.00 WITA")
    texts = [block.text for block in release.blocks]
    assert "12 Maret 2024 pukul 09.00 WITA" in " ".join(texts)
    assert texts[-1] == LAST


# --- real trailing chrome still goes -------------------------------------------------

TRAILING = {
    "related-list": [
        "Berita Terkait", "11 Oktober 2023 Jam 20:47:59", "Gubernur Terima Penghargaan Investasi",
        "10 Oktober 2023 Jam 14:05:12", "Pemprov Kaltim Gelar Temu Bisnis di Jakarta",
    ],
    "share-buttons": ["Share", "by", "BAGIKAN", "Facebook", "Twitter"],
    "comment-form": [
        "Tinggalkan Balasan", "Alamat email Anda tidak akan dipublikasikan.",
        "Ruas yang wajib ditandai *", "Simpan nama, email, dan situs web saya pada peramban "
        "ini untuk komentar saya berikutnya.",
    ],
    "copyright-notice": ["Hak Cipta © 2024 Biro Adpim Setda Kaltim. Seluruh hak dilindungi."],
    "copyright-english": ["Copyright 2024 Humas Pemprov Kaltim. All rights reserved."],
    "comment-form-first": [
        "Be the first to comment", "Leave a Reply", "Alamat email Anda tidak akan dipublikasikan.",
    ],
    "comment-form-fields": [
        "Tinggalkan Balasan Batalkan balasan",
        "Alamat email Anda tidak akan dipublikasikan. Ruas yang wajib ditandai *", "Komentar *",
        "Nama *", "Email *", "Situs Web",
    ],
    "follow-prompts": [
        "Cek berita dan artikel yang lain di Google News",
        "Yuk berbagi informasi tentang Kalimantan Timur dengan join di group whatsapp : Warga "
        "Benua Etam Bersuara",
        "Youtube Kabarkaltim",
    ],
    "footnote-follow-line": ["*) Ikuti berita terbaru Kabarkaltim.id di Google News"],
    "tags-and-teaser": [
        "Tags: banjir", "Related Posts", "Wagub Buka Pameran Tenun Ulap Doyo",
        "Wakil Gubernur Kaltim membuka pameran tenun ulap doyo yang menampilkan karya perajin "
        "dari Kutai Barat dan Mahakam Ulu…",
    ],
}  # fmt: skip


@pytest.mark.parametrize("code", [CODE, None], ids=["with-byline", "without-byline"])
@pytest.mark.parametrize("chrome", TRAILING.values(), ids=TRAILING)
def test_real_trailing_chrome_still_goes(chrome, code):
    end = f"{LAST} ({code})" if code else LAST
    text = f"{TITLE}\n\nSAMARINDA – {LEAD}\n\n{LATER}\n\n{end}\n\n" + "\n".join(chrome) + "\n"
    release = parse_release(text.encode("utf-8"), "rilis.txt")
    assert release.blocks[-1].text == LAST
    assert release.byline == code
    assert release.dropped == chrome


AFTER_THE_BYLINE = {
    "related-teasers": [
        "Related Posts", "Gubernur Buka Pameran Tenun Ulap Doyo",
        "Wakil Gubernur membuka pameran tenun di Samarinda, Senin.", "4 hari ago",
        "Bupati Resmikan Jembatan Desa", "Bupati meresmikan jembatan penghubung dua desa di Kukar.",
        "5 hari ago", "Dinas Kesehatan Gelar Vaksinasi", "Vaksinasi digelar serentak di posyandu.",
    ],
    "reader-comments": [
        "3 Komentar", "Budi Santoso", "Semoga banjir cepat surut dan warga diberi kesabaran.",
        "Rina", "Terima kasih atas informasinya, sangat membantu warga kami.",
    ],
}  # fmt: skip


@pytest.mark.parametrize("chrome", AFTER_THE_BYLINE.values(), ids=AFTER_THE_BYLINE)
def test_the_byline_code_closes_the_release_before_prose_shaped_chrome(chrome):
    """Teasers and comments read as prose; below the byline code they are chrome."""
    text = f"{TITLE}\n\nSAMARINDA – {LEAD}\n\n{LAST} ({CODE})\n\n" + "\n".join(chrome) + "\n"
    release = parse_release(text.encode("utf-8"), "rilis.txt")
    assert release.blocks[-1].text == LAST and release.byline == CODE
    assert release.dropped == chrome


# --- property: a chrome phrase never loses a later paragraph or the byline ------------

WORDS = [
    "pemerintah", "provinsi", "kabupaten", "warga", "rapat", "banjir", "posko", "bantuan",
    "dinas", "kesehatan", "sekolah", "jalan", "jembatan", "anggaran", "program", "pelatihan",
    "petani", "nelayan", "pasar", "harga", "beras", "kegiatan", "menggelar", "menyalurkan",
    "meminta", "membahas", "meresmikan", "mengatakan", "bersama", "kepada", "untuk", "dengan",
    "dalam", "tahun", "pekan", "depan", "lalu", "hari", "ini", "desa", "kota", "samarinda",
    "balikpapan", "kaltim",
]  # fmt: skip
CHROME_PHRASES = [
    "Berita Terkait", "Berita terkait", "Hak cipta", "Hak Cipta", "Share", "Bagikan",
    "Bagikan:", "Tags: banjir", "Label: berita", "Read more", "Komentar", "3 Komentar",
    "Related posts", "Copyright", "© 2024", "by admin", "By", "Tinggalkan Balasan",
    "Leave a Reply", "12 Maret 2024 pukul 09.00 WITA", "11 Oktober 2023 Jam 20:47:59",
    "Baca juga: Gubernur Tinjau Banjir", "———", "Discussion about this post",
    "Government Public Relation", "Posting Lama", "Next post", "Selengkapnya",
]  # fmt: skip


@st.composite
def paragraphs(draw):
    count = draw(st.integers(min_value=1, max_value=5))
    result = []
    for _ in range(count):
        words = draw(st.lists(st.sampled_from(WORDS), min_size=6, max_size=22))
        result.append(words[0].capitalize() + " " + " ".join(words[1:]) + ".")
    return result


@settings(
    max_examples=400, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
# Found by the search: a marker's phrase opening the last paragraph, a sentence of the
# words of leading chrome's shapes ("Tags: ...", "© ...").
@example(["Pemerintah rapat kota kota kota kota."] * 2, "Tags: banjir", 1, "opener", "\n\n", False)
@example(["Pemerintah rapat kota kota kota kota."], "© 2024", 0, "opener", "\n\n", False)
@given(
    paragraphs(),
    st.sampled_from(CHROME_PHRASES),
    st.integers(min_value=0, max_value=10),
    st.sampled_from(["line", "opener", "inside"]),
    st.sampled_from(["\n\n", "\n"]),
    st.booleans(),
)
def test_a_chrome_phrase_never_loses_a_later_paragraph_or_the_byline(
    body, phrase, where, how, separator, with_code
):
    if with_code:  # the byline code closes the last paragraph
        body = [*body[:-1], f"{body[-1]} ({CODE})"]
    where = min(where, len(body))  # the phrase goes before body[where] (or at the end)
    later = [p.removesuffix(f" ({CODE})") for p in body[where:]]
    pieces = list(body)
    if how == "line" or where == len(body):
        pieces.insert(where, phrase)
    elif how == "opener":
        pieces[where] = f"{phrase} {pieces[where][0].lower()}{pieces[where][1:]}"
    else:  # inside: after the first three words of the paragraph
        words = pieces[where].split()
        pieces[where] = " ".join([*words[:3], phrase, *words[3:]])
    if how != "line" and where < len(body):
        later[0] = pieces[where].removesuffix(f" ({CODE})")
    text = f"{TITLE}\n\nSAMARINDA – {LEAD}\n\n" + separator.join(pieces) + "\n"
    release = parse_release(text.encode("utf-8"), "rilis.txt")
    shown = " ".join(release.body_text.split())
    for paragraph in later:
        assert paragraph in shown, (paragraph, release.dropped)
    assert release.byline == (CODE if with_code else None)


# --- other articles' headlines below the last paragraph ----------------------------

HEADLINES = [
    "Gubernur Buka Pameran Tenun Ulap Doyo di Samarinda",
    "Harga Beras di Pasar Segiri Turun Menjelang Akhir Tahun",
    "Bupati Resmikan Jembatan Penghubung Dua Desa di Kukar",
]


@pytest.mark.parametrize("code", [CODE, None], ids=["with-byline", "without-byline"])
def test_a_list_of_headlines_after_the_last_paragraph_is_chrome(code):
    end = f"{LAST} ({code})" if code else LAST
    text = f"{TITLE}\n\nSAMARINDA – {LEAD}\n\n{end}\n\n\n" + "\n".join(HEADLINES) + "\n"
    release = parse_release(text.encode("utf-8"), "rilis.txt")
    assert release.blocks[-1].text == LAST and release.byline == code
    assert release.dropped == HEADLINES
    assert any("dropped as page chrome" in warning for warning in release.warnings)


@pytest.mark.parametrize(
    "above", ["Kegiatan ini dihadiri para pejabat berikut:", LAST], ids=["after-colon", "two"]
)
def test_headline_shaped_lines_of_the_release_stay(above):
    """Title-case lines a sentence announces, or only two of them, are the release's."""
    names = HEADLINES if above.endswith(":") else HEADLINES[:2]
    text = f"{TITLE}\n\nSAMARINDA – {LEAD}\n\n{above}\n" + "\n".join(names) + "\n"
    release = parse_release(text.encode("utf-8"), "rilis.txt")
    assert all(name in release.body_text for name in names)
    assert not release.dropped


# --- a heading above a contact block or another article's time ----------------------

CONTACTS = ["Website : bpbd.kaltimprov.go.id", "Email : bpbd@kaltimprov.go.id"]


def test_the_heading_of_a_contact_block_goes_with_it():
    text = f"{TITLE}\n\nSAMARINDA – {LEAD}\n\n{LAST}\n\nBPBD Provinsi Kaltim\n" + "\n".join(
        CONTACTS
    )
    release = parse_release(text.encode("utf-8"), "rilis.txt")
    assert release.blocks[-1].text == LAST
    assert release.dropped == ["BPBD Provinsi Kaltim", *CONTACTS]
    assert any("'BPBD Provinsi Kaltim'" in warning for warning in release.warnings)


@pytest.mark.parametrize(
    "line",
    [
        "Tim MC Kota Samarinda",  # a bare credit: the byline
        "Penulis: Rina",  # a labelled credit
        "1. Posko utama di Jalan Merdeka",  # a list item
        "Informasi lebih lanjut:",  # announces what follows
        "Posko dibuka setiap hari sampai banjir surut.",  # a sentence
    ],
)
def test_a_line_of_the_release_above_a_contact_block_stays(line):
    text = f"{TITLE}\n\nSAMARINDA – {LEAD}\n\n{LAST}\n\n{line}\n" + "\n".join(CONTACTS)
    release = parse_release(text.encode("utf-8"), "rilis.txt")
    assert line not in release.dropped
    kept = [release.body_text, release.byline or "", *release.credits]
    assert any(line.removeprefix("1. ") in text for text in kept)
