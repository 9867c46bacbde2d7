"""The corpus scorer of bench/accuracy.py and the rebuild script bench/corpus_build.py.

The releases below are written for these tests (invented offices, names and events).
"""

import importlib.util
import json

import pytest

from .conftest import ROOT


def _load(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


accuracy = _load("accuracy")
corpus_build = _load("corpus_build")

GOV = """Wali Kota Resmikan Taman Baca di Tepi Sungai

SAMARINDA – Wali Kota meresmikan taman baca baru di tepi sungai pada Senin (3/2/2025).
Taman itu dibangun warga bersama dinas perpustakaan dalam tiga bulan.

"Kami ingin anak-anak punya tempat membaca yang dekat rumah," kata Wali Kota.
Taman baca buka setiap hari dari pagi hingga sore. (abc/hmsprov)
"""

NEWS = """Pasar Murah Digelar Jelang Lebaran

BALIKPAPAN – Dinas perdagangan menggelar pasar murah di halaman kantor camat, Kamis (6/3/2025).
Warga antre sejak pagi untuk membeli beras dan minyak goreng dengan harga miring.

Petugas membatasi pembelian agar semua warga kebagian. (xyz)
"""


def _words(text, start, end):
    body = text[text.index(start) : text.index(end) + len(end)].split()
    return body[:8], body[-8:]


def _entry(kind, site, text, title, dateline, byline, date, start, end):
    first, last = _words(text, start, end)
    return {
        "site": site, "kind": kind, "title": title, "category": None,
        "dateline": dateline, "byline": byline, "date": date,
        "first_words": first, "last_words": last,
    }  # fmt: skip


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "taman.txt").write_text(GOV, encoding="utf-8")
    (tmp_path / "pasar.txt").write_text(NEWS, encoding="utf-8")
    expected = {
        "taman.txt": _entry(
            "gov", "contoh.go.id", GOV, "Wali Kota Resmikan Taman Baca di Tepi Sungai",
            "SAMARINDA", "abc/hmsprov", "2025-02-03", "Wali Kota meresmikan", "hingga sore.",
        ),
        # a deliberately wrong title: the scorer must report it, with what it got
        "pasar.txt": _entry(
            "news", "contoh-berita.id", NEWS, "Judul Yang Salah", "BALIKPAPAN", "xyz",
            "2025-03-06", "Dinas perdagangan menggelar", "semua warga kebagian.",
        ),
    }  # fmt: skip
    (tmp_path / "expected.json").write_text(json.dumps(expected), encoding="utf-8")
    return tmp_path


def test_the_check_command_is_what_is_scored(corpus):
    records = accuracy.run_check(corpus)
    assert set(records) == {"taman.txt", "pasar.txt"}
    assert records["taman.txt"]["title"] == "Wali Kota Resmikan Taman Baca di Tepi Sungai"


def test_a_corpus_is_scored_per_field_and_per_kind(corpus):
    expected = json.loads((corpus / "expected.json").read_text())
    result = accuracy.score_corpus(expected, accuracy.run_check(corpus))
    assert result["files"] == 2
    assert result["fields"]["title"] == {"correct": 1, "total": 2, "accuracy": 0.5}
    assert set(result["kinds"]) == {"gov", "news"}
    assert result["kinds"]["news"]["fields"]["title"]["accuracy"] == 0.0
    assert result["overall"]["total"] == 14
    title_misses = [m for m in result["misses"] if m["field"] == "title"]
    assert title_misses == [
        {"file": "pasar.txt", "kind": "news", "field": "title",
         "expected": "Judul Yang Salah", "got": "Pasar Murah Digelar Jelang Lebaran"}
    ]  # fmt: skip


def _record(**fields):
    record = {"source": "x.txt", "title": None, "category": None, "dateline": None,
              "byline": None, "date": None, "body_text": ""}  # fmt: skip
    record.update(fields)
    return record


def _expected(**fields):
    entry = {"kind": "gov", "title": None, "category": None, "dateline": None,
             "byline": None, "date": None, "first_words": [], "last_words": []}  # fmt: skip
    entry.update(fields)
    return {"x.txt": entry}


def _wrong(expected, record):
    result = accuracy.score_corpus(expected, {"x.txt": record})
    return {miss["field"] for miss in result["misses"]}


def test_comparison_rules():
    body = "Satu dua tiga empat lima enam tujuh delapan sembilan sepuluh."
    words = body.split()
    record = _record(
        title="Judul  Rilis\nBaru", dateline="samarinda", byline="RN",
        date="2025-02-03T09:30", body_text=body,
    )  # fmt: skip
    expected = _expected(
        title="Judul Rilis Baru", dateline="SAMARINDA", byline="(/rn)", date="2025-02-03",
        first_words=words[:8], last_words=words[-8:],
    )  # fmt: skip
    assert _wrong(expected, record) == set()


def test_tolerance_does_not_hide_real_misses():
    record = _record(
        title="judul rilis baru", category="Berita", dateline="Samarinda Kota",
        byline="rn/hms", date="2025-02-04", body_text="Satu dua tiga.",
    )  # fmt: skip
    expected = _expected(
        title="Judul Rilis Baru", category=None, dateline="Samarinda", byline="rn",
        date="2025-02-03", first_words=["Satu", "dua"], last_words=["dua", "tiga"],
    )  # fmt: skip
    assert _wrong(expected, record) == {
        "title", "category", "dateline", "byline", "date", "first_words", "last_words",
    }  # fmt: skip


def test_a_file_without_a_record_is_wrong_on_every_field():
    expected = _expected(title=None, first_words=[], last_words=[])
    result = accuracy.score_corpus(expected, {})
    assert result["overall"]["correct"] == 0
    assert {m["got"] for m in result["misses"]} == {"(no record)"}


def test_command_line_json_and_misses(corpus, capsys):
    assert accuracy.main([str(corpus), "--json", "--misses"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["files"] == 2 and any(m["field"] == "title" for m in result["misses"])
    assert accuracy.main([str(corpus), "--misses"]) == 0
    out = capsys.readouterr().out
    assert "pasar.txt [news] title" in out and 'expected: "Judul Yang Salah"' in out
    assert "overall" in out and "republished" not in out


def test_a_second_annotation_separates_ambiguity_from_parser_misses(corpus, capsys):
    first = json.loads((corpus / "expected.json").read_text())
    second = json.loads(json.dumps(first))
    second["pasar.txt"]["title"] = "Pasar Murah Digelar Jelang Lebaran"  # first one misread
    second["taman.txt"]["byline"] = "hmsprov"  # a reading the parser does not give
    result = accuracy.agreement(first, second, accuracy.run_check(corpus))
    assert result["files"] == 2 and result["one_sided"] == 0
    title, byline = result["fields"]["title"], result["fields"]["byline"]
    assert title == {"agree": 1, "parser_first": 1, "parser_second": 2, "consensus_right": 1}
    assert byline == {"agree": 1, "parser_first": 2, "parser_second": 1, "consensus_right": 1}
    assert result["overall"]["agree"] == 12 and result["overall"]["consensus_right"] == 12
    assert [(d["file"], d["field"]) for d in result["disagreements"]] == [
        ("pasar.txt", "title"), ("taman.txt", "byline"),
    ]  # fmt: skip
    other = corpus.parent / "second.json"
    other.write_text(json.dumps(second), encoding="utf-8")
    assert accuracy.main([str(corpus), "--second", str(other), "--misses"]) == 0
    out = capsys.readouterr().out
    assert "two annotators, 2 files in both" in out and "12/12" in out
    assert 'second: "hmsprov"' in out
    assert accuracy.main([str(corpus), "--second", str(corpus / "none.json")]) == 2


def test_json_and_misses_need_a_corpus():
    with pytest.raises(SystemExit):
        accuracy.main(["--json"])


def test_corpus_build_copies_pages_and_converts_html(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    page = "Judul\n\n  teks   apa adanya  \nBagikan: WA\n"
    (raw / "a.txt").write_text(page, encoding="utf-8")
    html = (
        "<div><p>SAMARINDA &ndash; Paragraf <b>pertama</b>.</p>"
        "<script>var x = 1;</script><p>Paragraf kedua.<br>Baris lanjut.</p></div>"
    )
    (raw / "b.html").write_text(html, encoding="utf-8")
    sources = [
        {"file": "a.txt", "site": "satu.go.id", "kind": "gov", "url": "u", "raw": "raw/a.txt",
         "split": "dev"},
        {"file": "b.txt", "site": "dua.id", "kind": "news", "url": "u", "raw": "raw/b.html",
         "split": "test", "title": "Judul Dari Dump"},
    ]  # fmt: skip
    (tmp_path / "sources.json").write_text(json.dumps(sources), encoding="utf-8")
    annotations = {"a.txt": {"kind": "gov"}, "b.txt": {"kind": "news"}}
    (tmp_path / "annotations.json").write_text(json.dumps(annotations), encoding="utf-8")
    assert corpus_build.build(tmp_path) == {"dev": 1, "test": 1}
    assert (tmp_path / "dev" / "a.txt").read_text(encoding="utf-8") == page
    assert (tmp_path / "test" / "b.txt").read_text(encoding="utf-8") == (
        "Judul Dari Dump\n\nSAMARINDA – Paragraf pertama.\n\nParagraf kedua.\nBaris lanjut.\n"
    )
    assert json.loads((tmp_path / "test" / "expected.json").read_text()) == {
        "b.txt": {"kind": "news"}
    }


def test_corpus_build_of_a_batch_with_one_half_only(tmp_path):
    """A fresh batch is gathered into dev alone: the empty test half is no error."""
    (tmp_path / "raw.txt").write_text("Judul\n\nIsi.\n", encoding="utf-8")
    sources = [{"file": "a.txt", "site": "satu.go.id", "kind": "gov", "url": "u",
                "raw": "raw.txt", "split": "dev"}]  # fmt: skip
    (tmp_path / "sources.json").write_text(json.dumps(sources), encoding="utf-8")
    (tmp_path / "annotations.json").write_text('{"a.txt": {"kind": "gov"}}', encoding="utf-8")
    assert corpus_build.build(tmp_path) == {"dev": 1, "test": 0}
    assert json.loads((tmp_path / "dev" / "expected.json").read_text()) == {
        "a.txt": {"kind": "gov"}
    }
    assert json.loads((tmp_path / "test" / "expected.json").read_text()) == {}


def test_corpus_build_refuses_a_site_in_both_halves(tmp_path):
    (tmp_path / "raw.txt").write_text("x", encoding="utf-8")
    sources = [
        {"file": f"{n}.txt", "site": "sama.go.id", "kind": "gov", "url": "u", "raw": "raw.txt",
         "split": split}
        for n, split in (("a", "dev"), ("b", "test"))
    ]  # fmt: skip
    (tmp_path / "sources.json").write_text(json.dumps(sources), encoding="utf-8")
    with pytest.raises(SystemExit, match="both halves"):
        corpus_build.build(tmp_path)


def test_corpus_build_splits_by_the_offices_host(tmp_path):
    """--split-seed gives every entry without a split one; an office's hosts (its
    subdomains, "www.") stay in one half, and the split is written back."""
    (tmp_path / "raw.txt").write_text("Judul\n\nIsi.\n", encoding="utf-8")
    hosts = [f"kab{n}.go.id" for n in range(9)] + ["diskominfo.kab0.go.id", "www.kab1.go.id"]
    hosts += [f"outlet{n}.com" for n in range(6)] + ["www.outlet0.com"]
    sources = [
        {"file": f"f{i}.txt", "site": host, "kind": "gov" if host.endswith("go.id") else "news",
         "url": "u", "raw": "raw.txt"}
        for i, host in enumerate(hosts)
    ]  # fmt: skip
    (tmp_path / "sources.json").write_text(json.dumps(sources), encoding="utf-8")
    annotations = {e["file"]: {"kind": e["kind"]} for e in sources}
    (tmp_path / "annotations.json").write_text(json.dumps(annotations), encoding="utf-8")
    assert corpus_build.main([str(tmp_path), "--split-seed", "3"]) == 0
    written = json.loads((tmp_path / "sources.json").read_text(encoding="utf-8"))
    half = {e["site"]: e["split"] for e in written}
    assert half["diskominfo.kab0.go.id"] == half["kab0.go.id"]
    assert half["www.kab1.go.id"] == half["kab1.go.id"]
    assert half["www.outlet0.com"] == half["outlet0.com"]
    gov_test = sum(half[f"kab{n}.go.id"] == "test" for n in range(9))
    news_test = sum(half[f"outlet{n}.com"] == "test" for n in range(6))
    assert (gov_test, news_test) == (3, 2)  # a third of each kind's offices
    both = json.loads((tmp_path / "all" / "expected.json").read_text(encoding="utf-8"))
    assert len(both) == len(hosts) == len(list((tmp_path / "all").glob("*.txt")))
    again = corpus_build.build(tmp_path)  # the same halves from the written splits
    assert again == {"dev": sum(v == "dev" for v in [e["split"] for e in written]),
                     "test": sum(e["split"] == "test" for e in written)}  # fmt: skip
