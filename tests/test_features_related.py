"""Related releases ("Berita Terkait"): the ranking, the bounds on work, and a built site."""

from __future__ import annotations

import random
import time

import pytest
from bs4 import BeautifulSoup

from press_release.features.related import Release, Stats, compute_related, words

from .conftest import ROOT
from .test_templating import build

DAY = 86_400.0


def release(key, title, lead="", category="Kalimantan Timur", place="Samarinda", day=0):
    return Release(key, title, lead, category, place, 1.7e9 + day * DAY)


def test_words_fold_case_and_drop_function_words():
    assert words("Pemprov dan DPRD Kaltim yang Membahas APBD") == {
        "pemprov", "dprd", "kaltim", "membahas", "apbd",
    }  # fmt: skip
    assert words("Ekonomi Kreatif: Kopi Lokal") == words("EKONOMI KREATIF KOPI LOKAL")


def test_shared_rare_words_rank_first():
    releases = [
        release("a", "Banjir Rendam Samarinda", "Warga terdampak banjir menerima sembako."),
        release("b", "Sekolah Baru di Kutai", "Gedung sekolah diresmikan.", day=1),
        release("c", "Banjir Surut, Warga Kembali", "Sembako tetap disalurkan.", day=30),
        release("d", "Pameran UMKM", "Produk lokal laris.", day=2),
    ]
    related = compute_related(releases, limit=5)
    assert related["a"][0] == "c"  # "banjir", "warga", "sembako" beat a nearer date
    assert "a" not in related["a"]


def test_at_most_limit_and_never_itself():
    releases = [release(i, f"Rapat Koordinasi Daerah {i}", "rapat koordinasi", day=i)
                for i in range(20)]  # fmt: skip
    related = compute_related(releases, limit=5)
    for key, others in related.items():
        assert len(others) == 5
        assert key not in others
        assert len(set(others)) == 5


def test_ties_go_to_the_nearest_in_time():
    releases = [release(day, "Rapat Koordinasi", day=day) for day in (0, 5, 10, 40)]
    assert compute_related(releases, limit=2)[10] == [5, 0]


def test_same_place_outranks_other_place_on_equal_words():
    releases = [
        release("a", "Festival Budaya Dibuka", place="Bontang"),
        release("b", "Festival Budaya Ditutup", place="Bontang", day=20),
        release("c", "Festival Budaya Meriah", place="Berau", day=1),
    ]
    assert compute_related(releases)["a"] == ["b", "c"]


def test_fallback_to_same_place_when_no_word_is_shared():
    releases = [
        release("a", "Alpha", place="Bontang"),
        release("b", "Beta", place="Bontang", day=3),
        release("c", "Gamma", place="Berau", category="Lain", day=1),
    ]
    related = compute_related(releases, limit=1)
    assert related["a"] == ["b"]


def test_deterministic():
    releases = synthetic(300, seed=3)
    assert compute_related(releases) == compute_related(releases)


def synthetic(count, seed=1):
    """Releases with Zipf-distributed words over a 20,000-word vocabulary."""
    rng = random.Random(seed)
    letters = "abdeghijklmnoprstuwy"
    vocab = ["".join(rng.choice(letters) for _ in range(7)) for _ in range(20_000)]
    weights = [1 / (rank + 1) for rank in range(len(vocab))]
    places = ["Samarinda", "Balikpapan", "Bontang", "Tenggarong", "Berau"]
    places += [f"Kota {n}" for n in range(40)]
    categories = ["Kalimantan Timur", "Seputar Kaltim", "Berita Utama"]
    return [
        Release(
            n,
            " ".join(rng.choices(vocab, weights, k=8)),
            " ".join(rng.choices(vocab, weights, k=40)),
            rng.choice(categories),
            rng.choice(places),
            1.4e9 + n * 3600,
        )
        for n in range(count)
    ]


def test_work_is_bounded_per_release_not_quadratic():
    count = 2_000
    stats = Stats()
    compute_related(synthetic(count), stats=stats, max_terms=12, max_df=100)
    assert stats.postings_visited <= count * 12 * 100
    assert stats.postings_visited < count * count / 10  # far from an all-pairs pass


def test_ten_thousand_releases_stay_cheap():
    releases = synthetic(10_000)
    stats = Stats()
    started = time.perf_counter()
    related = compute_related(releases, stats=stats)
    elapsed = time.perf_counter() - started
    print(f"related for {len(releases)} releases: {elapsed:.2f} s, {stats}")
    assert len(related) == 10_000
    assert all(len(others) == 5 for others in related.values())
    assert stats.postings_visited <= 10_000 * 12 * 100
    assert elapsed < 30  # about 4 s on one core of the CI machine


# --------------------------------------------------------------------------- built site

SITE = {
    "2024-03-01-banjir-samarinda.txt": (
        "Kalimantan Timur\nBanjir Rendam Lima Kecamatan di Samarinda\n\n"
        "SAMARINDA - Banjir merendam lima kecamatan, BPBD menyalurkan perahu karet dan "
        "sembako kepada pengungsi. (rus/hmsprov)\n"
    ),
    "2024-03-05-banjir-surut.txt": (
        "Kalimantan Timur\nBanjir Surut, Pengungsi Kembali ke Rumah\n\n"
        "SAMARINDA - Setelah banjir surut, pengungsi kembali ke rumah dan BPBD membagikan "
        "sembako tambahan. (rus/hmsprov)\n"
    ),
    "2024-03-02-pameran-umkm.txt": (
        "Seputar Kaltim\nPameran UMKM Catat Transaksi Miliaran\n\n"
        "BALIKPAPAN - Pameran usaha kecil mencatat transaksi miliaran rupiah selama lima "
        "hari. (ri/humasprov)\n"
    ),
    "2024-03-03-beasiswa.txt": (
        "Seputar Kaltim\nPendaftaran Beasiswa Kaltim Tuntas Dibuka\n\n"
        "BALIKPAPAN - Pendaftaran beasiswa untuk mahasiswa asal Kaltim dibuka hingga akhir "
        "bulan. (ri/humasprov)\n"
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("related-site")
    (root / "content").mkdir()
    for name, text in SITE.items():
        (root / "content" / name).write_text(text, encoding="utf-8")
    build(root / "content", root / "output")
    return root / "output"


def related_titles(site, url):
    page = BeautifulSoup((site / url / "index.html").read_text("utf-8"), "html.parser")
    return [a.get_text() for a in page.select(".pr-related li a")]


def test_built_site_links_the_flood_releases(site):
    titles = related_titles(site, "2024/03/banjir-rendam-lima-kecamatan-di-samarinda")
    # nothing else shares a word, the place or the region: no filler links
    assert titles == ["Banjir Surut, Pengungsi Kembali ke Rumah"]
    titles = related_titles(site, "2024/03/banjir-surut-pengungsi-kembali-ke-rumah")
    assert titles[0] == "Banjir Rendam Lima Kecamatan di Samarinda"


def test_built_site_same_place_and_region_come_next(site):
    titles = related_titles(site, "2024/03/pameran-umkm-catat-transaksi-miliaran")
    assert titles[0] == "Pendaftaran Beasiswa Kaltim Tuntas Dibuka"


class Item:
    """A published release as add_related reads it."""

    def __init__(self, title, summary, category, dateline, day):
        from datetime import UTC, datetime, timedelta

        self.title, self.summary, self.category, self.dateline = title, summary, category, dateline
        self.date = datetime(2024, 1, 1, tzinfo=UTC) + timedelta(days=day)


def _generator(count=60, jobs=2):
    from types import SimpleNamespace

    topics = ["Banjir Rendam", "Vaksinasi Anak", "Pameran UMKM", "Jalan Provinsi"]
    places = ["Samarinda", "Balikpapan", "Bontang"]
    articles = [
        Item(f"{topics[i % 4]} {places[i % 3]} Tahap {i}", f"Warga {topics[i % 4].lower()} "
             f"kegiatan nomor {i}.", "Kaltim", places[i % 3], i)
        for i in range(count)
    ]  # fmt: skip
    return SimpleNamespace(articles=articles, settings={"PRESS_RELEASE_JOBS": jobs})


def _related_titles(generator):
    return [[other.title for other in a.related_releases] for a in generator.articles]


def _with_state(generator, background: bool):
    """The generator's settings with a build state; `background`: related releases are
    computed in a forked process (the speed layer's runner)."""
    from press_release.speed.background import fork_runner
    from press_release.state import STATE_KEY, BuildState

    generator.settings["PRESS_RELEASE_RELATED_MAX"] = 5
    state = generator.settings[STATE_KEY] = BuildState(generator.settings)
    if background:
        state.background_runner = fork_runner
    return state


@pytest.fixture
def thawed():
    from press_release.speed.session import SESSION

    yield
    SESSION.collector.thaw_previous_build()


def test_background_computation_gives_the_same_related_releases(thawed):
    from press_release.features.related import add_related

    at_once, background = _generator(jobs=1), _generator(jobs=2)
    _with_state(at_once, background=False)
    state = _with_state(background, background=True)
    add_related(at_once)  # computed at once
    add_related(background)
    assert state._pending  # computing in a forked process
    assert not hasattr(background.articles[0], "related_releases")
    state.finish_background()
    assert not state._pending
    assert _related_titles(background) == _related_titles(at_once)
    assert all(len(a.related_releases) == 5 for a in background.articles)


def test_a_failed_background_computation_is_done_again_in_the_build(thawed, monkeypatch):
    import os

    from press_release.features import related

    parent, compute = os.getpid(), related.related_indices

    def fails_when_forked(articles, limit=5):
        if os.getpid() != parent:
            raise MemoryError("the forked process ran out of memory")
        return compute(articles, limit)

    monkeypatch.setattr(related, "related_indices", fails_when_forked)
    expected, generator = _generator(jobs=1), _generator(jobs=2)
    _with_state(expected, background=False)
    state = _with_state(generator, background=True)
    related.add_related(expected)
    related.add_related(generator)
    assert state._pending
    state.finish_background()
    assert _related_titles(generator) == _related_titles(expected)


def test_only_a_parallel_build_defers_its_pages(monkeypatch, tmp_path):
    from pelican import Pelican, signals
    from pelican.settings import read_settings

    from press_release import speed
    from press_release.speed import parallel

    # A Pelican instance connects the core's receivers, then the speed layer's.
    Pelican(read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(tmp_path), "OUTPUT_PATH": str(tmp_path / "out"),
        "PLUGIN_PATHS": [str(ROOT / "plugins")]}))  # fmt: skip
    assert list(signals.get_writer.receivers_for(None)) == [speed.get_writer]
    monkeypatch.setattr(parallel, "can_fork", lambda: True)
    assert parallel.will_defer({"PRESS_RELEASE_JOBS": 2}, speed.get_writer)
    assert not parallel.will_defer({"PRESS_RELEASE_JOBS": 1}, speed.get_writer)
    monkeypatch.setattr(parallel, "can_fork", lambda: False)
    assert not parallel.will_defer({"PRESS_RELEASE_JOBS": 2}, speed.get_writer)
