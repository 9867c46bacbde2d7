"""Seeded generator of N press releases: raw .txt, Pelican Markdown and Hugo Markdown.

    python bench/generate.py 10000 bench/_work/10000 [--seed 6] [--vocabulary large]

writes under the target folder:

- ``raw/``:  the releases as offices paste them (``*.txt``), with the variants of
  /work/shared/FORMATS.md: category lines, doubled titles, captions, a dozen dateline
  separators, paragraphs split by blank lines, single breaks, "." lines or not at all,
  stray mid-sentence breaks, byline codes in every position, leading and trailing page
  chrome, CRLF, UTF-8 with BOM and Windows-1252;
- ``md/``:   the same releases as Pelican Markdown (metadata block + paragraphs);
- ``hugo/``: a Hugo site (``hugo.toml``, a minimal layout) whose ``content/`` holds the
  same releases with YAML front matter.

10 regions (office, places, desk codes, category labels) and 10 years (2015–2024). The
same seed and N give byte-identical files: the generator only uses its own
``random.Random(seed)``, never the clock.

``--vocabulary large`` adds to every release paragraphs drawn from a larger word model
(``WordModel``): a first-order chain over the words of the demo releases in ``content/``,
in which one word in four is drawn instead from the Indonesian frequency list of the
``wordfreq`` package (31,000 words, drawn by their frequency in real text). The default
vocabulary (``small``) writes about 12,600 distinct words in 100,000 releases, far fewer
than a real archive, which flatters the size and memory of a search index; the large one
grows with the archive as a real one does (docs/performance.md, "Search").
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

YEARS = range(2015, 2025)
WEEKDAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
MONTHS = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
    "September", "Oktober", "November", "Desember",
]  # fmt: skip


@dataclass(frozen=True)
class Region:
    province: str
    places: tuple[str, ...]
    desks: tuple[str, ...]  # the desk code changed over time at the same office
    categories: tuple[str, ...]
    agency: str | None = None  # an outlet inside the dateline


REGIONS = (
    Region("Kalimantan Timur", ("Samarinda", "Balikpapan", "Bontang", "Tenggarong"),
           ("hmsprov", "humasprov", "humasprovkaltim"), ("Kalimantan Timur", "SEPUTAR KALTIM")),
    Region("Kalimantan Tengah", ("Palangka Raya", "Sampit", "Pangkalan Bun"),
           ("adpim", "humaskalteng"), ("Berita Utama", "Pemerintahan")),
    Region("Sumatera Barat", ("Padang", "Bukittinggi", "Payakumbuh"),
           ("adpimsumbar", "humas"), ("Berita Utama", "Sumbar")),
    Region("Jawa Barat", ("Kota Bandung", "Bogor", "Cirebon", "Tasikmalaya"),
           ("diskominfo", "humasjabar"), ("Jawa Barat", "Pemerintahan")),
    Region("Nusa Tenggara Barat", ("Mataram", "Bima", "Sumbawa Besar"),
           ("diskominfotik", "humasntb"), ("NTB", "Berita Daerah"), "lombokjournal.com"),
    Region("Bali", ("Denpasar", "Gianyar", "Singaraja"),
           ("humasbali", "diskominfos"), ("Bali", "Berita Utama"), "Bisnis Bali"),
    Region("DKI Jakarta", ("Jakarta", "Jakarta Pusat"),
           ("humasdki", "kominfotik"), ("Nasional", "Berita Utama"), "ANTARA"),
    Region("DI Yogyakarta", ("Yogyakarta", "Sleman", "Bantul"),
           ("humasdiy", "jogjaprov"), ("Yogyakarta", "Pemerintahan"), "jogjaprov.go.id"),
    Region("Sulawesi Selatan", ("Makassar", "Gowa", "Parepare", "Bone"),
           ("humassulsel", "biroadpim"), ("Sulawesi Selatan", "Berita Utama"),
           "humas.sulselprov.go.id"),
    Region("Kalimantan Utara", ("Tanjung Selor", "Tarakan", "Nunukan"),
           ("humaskaltara", "dkisp"), ("Kaltara", "Seputar Kaltara")),
)  # fmt: skip

REPORTERS = (
    "rus", "jay", "sul", "es", "ri", "ky", "her", "yans", "mar", "yan",
    "dni", "ris", "kmb", "nrh", "rdm", "rh", "sk", "ml", "ang", "dw", "put",
)  # fmt: skip
OFFICIALS = (
    "Gubernur", "Wakil Gubernur", "Sekretaris Daerah", "Kepala Dinas Kesehatan",
    "Kepala Bappeda", "Kepala BPBD", "Kepala Dinas Pendidikan", "Asisten Perekonomian",
    "Kepala Dinas Pekerjaan Umum", "Kepala Biro Humas",
)  # fmt: skip
NAMES = (
    "Isran Noor", "Hadi Mulyadi", "Sri Wahyuni", "Agus Tri Wibowo", "Yusliando Rahman",
    "Jaya Mualimin", "Muhammad Sa’bani", "Andi Muhammad Ishak", "Ni Luh Putu Ayu",
    "Mas’ud Hakim", "Rina Kusumawati", "Bambang Arwanto", "Dewi Sartika Lubis",
)  # fmt: skip
TOPICS = (
    ("banjir", "bantuan logistik", "warga terdampak", "posko pengungsian"),
    ("stunting", "posyandu", "gizi anak", "tenaga kesehatan"),
    ("jalan provinsi", "jembatan", "anggaran infrastruktur", "kontraktor"),
    ("pemilu", "deteksi dini", "keamanan", "penyelenggara pemilu"),
    ("UMKM", "pameran", "transaksi", "pelaku usaha"),
    ("beasiswa", "mahasiswa", "perguruan tinggi", "pendaftaran"),
    ("mangrove", "lingkungan hidup", "penanaman", "kawasan pesisir"),
    ("inflasi", "pasar murah", "harga bahan pokok", "distributor"),
    ("kebakaran hutan", "karhutla", "patroli", "titik panas"),
    ("APBD", "serapan anggaran", "realisasi", "perangkat daerah"),
    ("pariwisata", "paket wisata", "wisatawan", "desa wisata"),
    ("air bersih", "PDAM", "jaringan pipa", "sambungan rumah"),
)
TITLE_VERBS = (
    "Salurkan", "Perkuat", "Targetkan", "Gelar", "Bahas", "Dorong", "Tinjau", "Resmikan",
    "Siapkan", "Percepat", "Evaluasi", "Luncurkan",
)  # fmt: skip
SUBJECTS = ("Pemprov", "Dinkes", "DPRD", "BPBD", "Bappeda", "Disdik", "Dinas PU", "Biro Adpim")
FILLER = (
    "Kegiatan tersebut dihadiri unsur forum koordinasi pimpinan daerah, camat dan lurah "
    "se-{place}",
    "Menurut dia, koordinasi lintas perangkat daerah menjadi kunci agar program {t1} berjalan "
    "tepat sasaran",
    "Pemerintah daerah juga menyiapkan anggaran sebesar Rp{num} miliar untuk mendukung {t2} "
    "pada tahun ini",
    "Sedikitnya {num} {t3} tercatat mengikuti kegiatan itu hingga sore hari",
    "Ia berharap masyarakat ikut mengawasi pelaksanaan {t1} di lapangan dan melapor bila "
    "menemukan kendala",
    "Data sementara menunjukkan capaian {t2} naik {small} persen dibanding tahun lalu",
    "Selain itu, pihaknya akan menggandeng perguruan tinggi dan dunia usaha untuk memperluas "
    "jangkauan {t4}",
    "Evaluasi akan dilakukan setiap tiga bulan sehingga hambatan {t1} dapat segera diatasi",
    "Rapat koordinasi berikutnya dijadwalkan berlangsung di {place} pada bulan depan",
    "Langkah ini sejalan dengan rencana pembangunan jangka menengah daerah yang menempatkan "
    "{t2} sebagai prioritas",
)  # fmt: skip
QUOTES = (
    "Kami ingin setiap rupiah anggaran benar-benar menjawab kebutuhan masyarakat",
    "Tidak boleh ada warga yang tertinggal, semua harus terlayani dengan baik",
    "Kami minta seluruh perangkat daerah bergerak cepat dan saling berkoordinasi",
    "Ini bukan pekerjaan satu instansi saja, tetapi kerja bersama semua pihak",
    "Hasilnya akan kami laporkan secara terbuka kepada publik",
)  # fmt: skip
SAYS = ("ujarnya", "katanya", "tuturnya", "jelasnya", "ungkapnya")
LEADING_CHROME = ("0 400", "419 Admin", "Category Archives: Biro Humas", "Dibaca 1.204 kali")
TRAILING_CHROME = (
    ["Berita Terkait", "11 Oktober 2023 Jam 20:47:59", "Gubernur Tinjau Proyek Jalan"],
    ["Share", "Facebook", "Twitter", "WhatsApp"],
    ["BAGIKAN", "Tinggalkan Balasan", "Nama", "Email"],
    ["Government Public Relation"],
    ["Sumber: https://humas.example.go.id/berita"],
    ["Read More >>"],
)  # fmt: skip
SEPARATORS = (
    (" – ", 30), (" - ", 25), (" — ", 8), ("— ", 5), ("—", 4), ("- ", 4), (" -- ", 4),
    (". ", 6), (", ", 6), (" | ", 2), (" ~ ", 2), (": ", 2), ("\n", 2),
)  # fmt: skip


REPO = Path(__file__).resolve().parent.parent
DEMO = REPO / "content"
# A word of the demo releases: letters and digits with inner apostrophes, dots and hyphens
# ("Sa’bani", "5.000", "se-Kaltim"), and the comma or full stop after it. Brackets,
# quotes and slashes are left out: a byline code such as "(rus/humasprov)" inside a
# generated paragraph would end the release there.
WORD = re.compile(r"(?<![\w(/])[\w’'.\-]*\w[,.]?(?![\w/)])")


class WordModel:
    """Paragraphs of Indonesian-looking text with a realistic, growing vocabulary.

    A first-order chain over the words of the demo releases (``content/*.txt``) gives
    the text its local shape; every word has a chance ``share`` of being drawn instead
    from ``wordfreq``'s Indonesian list, weighted by its frequency in real text (a few
    very common words, a long tail of rare ones, as in real releases).
    """

    def __init__(self, share: float = 0.25):
        try:
            from wordfreq import get_frequency_dict
        except ImportError as exc:
            raise SystemExit("--vocabulary large needs the wordfreq package") from exc
        frequencies = get_frequency_dict("id")
        self.words = sorted(w for w in frequencies if w.isalpha())
        self.cumulative = list(itertools.accumulate(frequencies[w] for w in self.words))
        self.share = share
        self.chain: dict[str, list[str]] = {}
        self.starts: list[str] = []
        for path in sorted(DEMO.glob("*.txt")):
            text = path.read_text(encoding="utf-8", errors="replace")
            for line in text.splitlines():
                words = WORD.findall(line)
                if len(words) < 12:  # headers, titles, bylines: not prose
                    continue
                self.starts.append(words[0])
                for before, after in zip(words, words[1:], strict=False):
                    self.chain.setdefault(before, []).append(after)
        if not self.starts:
            raise SystemExit(f"no demo release in {DEMO} to build the word model from")

    def common_word(self, rng: random.Random) -> str:
        at = rng.random() * self.cumulative[-1]
        return self.words[bisect.bisect_right(self.cumulative, at)]

    def paragraph(self, rng: random.Random, length: int) -> str:
        word = rng.choice(self.starts)
        out = [word[:1].upper() + word[1:]]
        while len(out) < length:
            following = self.chain.get(word)
            if not following or rng.random() < self.share:
                word = self.common_word(rng)
            else:
                word = rng.choice(following)
            out.append(word)
        text = " ".join(out).rstrip(",;:")
        return text if text.endswith(".") else text + "."


@dataclass
class Release:
    """One release, before it is written in any format."""

    number: int
    day: date
    region: Region
    place: str
    category: str
    title: str
    caption: str | None
    paragraphs: list[str]
    reporters: list[str]
    desk: str
    slug: str
    layout: dict = field(default_factory=dict)

    @property
    def byline(self) -> str:
        return "/".join([*self.reporters, self.desk])


def pick(rng: random.Random, weighted):
    items, weights = zip(*weighted, strict=True)
    return rng.choices(items, weights)[0]


def slugify(text: str) -> str:
    out = "".join(ch if ch.isalnum() else "-" for ch in text.lower().replace("’", ""))
    return "-".join(part for part in out.split("-") if part)[:70].strip("-")


def make_release(rng: random.Random, number: int, words: WordModel | None = None) -> Release:
    region = REGIONS[number % len(REGIONS)]
    year = YEARS[(number // len(REGIONS)) % len(YEARS)]
    day = date(year, 1, 1) + timedelta(days=rng.randrange(365))
    place = rng.choice(region.places)
    t1, t2, t3, t4 = rng.choice(TOPICS)
    subject = rng.choice(SUBJECTS)
    short = region.province.split()[-1]
    title = f"{subject} {short} {rng.choice(TITLE_VERBS)} {t1.title()} di {place}"
    if rng.random() < 0.3:
        title += f" - {t2.title()} Jadi Prioritas"
    if rng.random() < 0.1:
        title = f"“{t1.title()}” : " + title
    weekday = WEEKDAYS[day.weekday()]
    official, name = rng.choice(OFFICIALS), rng.choice(NAMES)
    fields = {"place": place, "t1": t1, "t2": t2, "t3": t3, "t4": t4}

    def sentence() -> str:
        text = rng.choice(FILLER).format(
            num=rng.randrange(12, 4000), small=rng.randrange(2, 40), **fields
        )
        return text + "."

    if rng.random() < 0.5:
        when = f"{weekday} ({day.day}/{day.month})"
    elif rng.random() < 0.5:
        when = f"{weekday} ({day.day:02d}/{day.month:02d}/{day.year})"
    else:
        when = f"{weekday} {day.day} {MONTHS[day.month - 1]} {day.year}"
    lead = (
        f"{official} {name} meminta seluruh pihak mempercepat penanganan {t1} di {place}. "
        f"Hal itu disampaikan saat memimpin rapat koordinasi {t2}, {when}."
    )
    paragraphs = [lead]
    for _ in range(rng.randrange(4, 12)):
        if rng.random() < 0.3:
            quote = rng.choice(QUOTES)
            paragraphs.append(f"“{quote}. {sentence()[:-1]},” {rng.choice(SAYS)}.")
        else:
            paragraphs.append(" ".join(sentence() for _ in range(rng.randrange(1, 5))))
    if words is not None:  # --vocabulary large: 2 to 4 more paragraphs, 40 to 90 words each
        for _ in range(rng.randrange(2, 5)):
            at = rng.randrange(1, len(paragraphs) + 1)
            paragraphs.insert(at, words.paragraph(rng, rng.randrange(40, 91)))
    reporters = rng.sample(REPORTERS, rng.randrange(1, 4))
    desk = region.desks[(year - YEARS[0]) * len(region.desks) // len(YEARS)]
    caption = None
    if rng.random() < 0.25:
        caption = (
            f"{t1.upper()[:12]} : {official} {name} meninjau lokasi {t3} di {place}, "
            f"{weekday} ({day.day}/{day.month}). ({reporters[0]}/{desk})"
        )
    slug = f"{day.isoformat()}-{slugify(title)}-{number}"
    return Release(
        number, day, region, place, rng.choice(region.categories), title, caption,
        paragraphs, reporters, desk, slug,
    )  # fmt: skip


# --------------------------------------------------------------------------- raw


def dateline(rng: random.Random, release: Release) -> str:
    place = release.place.upper() if rng.random() < 0.6 else release.place
    agency = release.region.agency
    if agency and rng.random() < 0.6:
        if "." in agency and agency.startswith("lombok"):
            place = f"{release.place.split()[0].upper()}.{agency}"
        elif "." in agency:
            place = f"{place}, {agency}"
        else:
            place = f"{place} ({agency})"
    separator = pick(rng, SEPARATORS)
    if separator == "\n":
        return f"{release.place}, {release.day.day} {MONTHS[release.day.month - 1]} " \
            f"{release.day.year}\n"  # fmt: skip
    plain = place in (release.place, release.place.upper())
    if separator in (". ", ": ") and not (plain and place.isupper()):
        separator = " – "  # "SAMARINDA. " and "SAMARINDA: " occur with a bare place only
    elif separator in ("- ", "—", "— ", ", ") and not plain:
        separator = " - "
    return place + separator


def byline_tail(rng: random.Random, release: Release, last: str) -> str:
    code = release.byline
    shape = rng.random()
    if shape < 0.55:
        return f"{last} ({code})"
    if shape < 0.7:
        return f"{last[:-1]} ({code})."
    if shape < 0.8:
        return f"{last}({code})"
    if shape < 0.85:
        return f"{last} [{release.reporters[0]}]"
    if shape < 0.9:
        return f"{last} ({code}). "
    if shape < 0.95:
        return f"{last} *"
    return last


def raw_text(rng: random.Random, release: Release) -> str:
    lines: list[str] = []
    if rng.random() < 0.1:
        lines += [rng.choice(LEADING_CHROME), ""]
    if rng.random() < 0.6:
        lines += [release.category, ""]
    title = release.title + (" " if rng.random() < 0.1 else "")
    lines.append(title)
    if rng.random() < 0.3:
        lines += ([""] if rng.random() < 0.5 else []) + [title]
    lines.append("")
    if release.caption:
        lines += [release.caption, ""]
    if rng.random() < 0.1:
        lines += ["\u00a0", ""]
    paragraphs = list(release.paragraphs)
    paragraphs[0] = dateline(rng, release) + paragraphs[0]
    paragraphs[-1] = byline_tail(rng, release, paragraphs[-1])
    if rng.random() < 0.05:
        paragraphs.insert(len(paragraphs) // 2, "Baca juga: Gubernur Tinjau Proyek Jalan")
    split = rng.random()
    if split < 0.5:
        body = "\n\n".join(paragraphs)
    elif split < 0.85:
        body = "\n".join(paragraphs)
    elif split < 0.95:
        body = "\n.\n".join(paragraphs)
    else:
        body = " ".join(paragraphs)
    if rng.random() < 0.2:  # a stray mid-sentence break
        cut = body.find(" ", len(body) // 3)
        if cut > 0:
            body = body[:cut] + "\n" + body[cut + 1 :]
    if rng.random() < 0.2:  # no-break spaces after sentences
        body = body.replace(". ", ".\u00a0", 3)
    lines.append(body)
    if rng.random() < 0.3:
        lines += ["", *rng.choice(TRAILING_CHROME)]
    lines += [""] * rng.randrange(1, 4)
    return "\n".join(lines)


def raw_bytes(rng: random.Random, text: str) -> bytes:
    if rng.random() < 0.2:
        text = text.replace("\n", "\r\n")
    encoding = rng.random()
    if encoding < 0.05:
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    if encoding < 0.1:
        return text.encode("cp1252", errors="replace")
    return text.encode("utf-8")


# --------------------------------------------------------------------------- markdown


def _md_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("<", "&lt;")


def pelican_markdown(release: Release) -> str:
    meta = [
        f"Title: {release.title}",
        f"Date: {release.day.isoformat()}",
        f"Category: {release.category}",
        f"Authors: {', '.join(release.reporters)}",
        f"Slug: {release.slug}",
        "",
    ]
    body = [f"**{release.place.upper()}** – {_md_escape(release.paragraphs[0])}"]
    body += [_md_escape(p) for p in release.paragraphs[1:]]
    body[-1] += f" ({release.byline})"
    return "\n".join(meta) + "\n" + "\n\n".join(body) + "\n"


def hugo_markdown(release: Release) -> str:
    def q(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    front = [
        "---",
        f"title: {q(release.title)}",
        f"date: {release.day.isoformat()}",
        f"slug: {q(release.slug)}",
        f"categories: [{q(release.category)}]",
        f"authors: [{', '.join(q(r) for r in release.reporters)}]",
        "---",
        "",
    ]
    body = [f"**{release.place.upper()}** – {_md_escape(release.paragraphs[0])}"]
    body += [_md_escape(p) for p in release.paragraphs[1:]]
    body[-1] += f" ({release.byline})"
    return "\n".join(front) + "\n\n".join(body) + "\n"


HUGO_CONFIG = """\
baseURL = "http://localhost/"
languageCode = "id"
title = "Bench"
disableKinds = ["RSS", "sitemap", "robotsTXT"]
[pagination]
  pagerSize = 10
[taxonomies]
  category = "categories"
  author = "authors"
"""
# A layout as plain as Pelican's "simple" theme: a page per release, paginated lists.
HUGO_LAYOUTS = {
    "_default/baseof.html": (
        '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{{ .Title }}'
        '</title></head><body><header><h1><a href="{{ site.Home.RelPermalink }}">'
        '{{ site.Title }}</a></h1></header>{{ block "main" . }}{{ end }}</body></html>\n'
    ),
    "_default/single.html": (
        '{{ define "main" }}<article><h2>{{ .Title }}</h2><time>{{ .Date.Format "2006-01-02" }}'
        "</time>{{ with .Params.categories }}<p>{{ index . 0 }}</p>{{ end }}"
        "{{ .Content }}</article>{{ end }}\n"
    ),
    "_default/list.html": (
        '{{ define "main" }}<h2>{{ .Title }}</h2><ol>{{ range .Paginator.Pages }}<li>'
        '<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2006-01-02" }}'
        "<p>{{ .Summary }}</p></li>{{ end }}</ol>"
        '{{ with .Paginator.Next }}<a href="{{ .URL }}">next</a>{{ end }}{{ end }}\n'
    ),
    "_default/terms.html": (
        '{{ define "main" }}<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="'
        '{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>'
        "{{ end }}\n"
    ),
}


def generate(count: int, target: Path, seed: int = 6, vocabulary: str = "small") -> None:
    """Write ``count`` releases under ``target`` (its raw/, md/ and hugo/ are replaced)."""
    rng = random.Random(seed)
    words = WordModel() if vocabulary == "large" else None
    for sub in ("raw", "md", "hugo"):
        shutil.rmtree(target / sub, ignore_errors=True)
    raw, md = target / "raw", target / "md"
    hugo_content = target / "hugo" / "content" / "posts"
    for folder in (raw, md, hugo_content):
        folder.mkdir(parents=True)
    (target / "hugo" / "hugo.toml").write_text(HUGO_CONFIG)
    for name, text in HUGO_LAYOUTS.items():
        path = target / "hugo" / "layouts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    for number in range(count):
        release = make_release(rng, number, words)
        (raw / f"{release.slug}.txt").write_bytes(raw_bytes(rng, raw_text(rng, release)))
        (md / f"{release.slug}.md").write_text(pelican_markdown(release), encoding="utf-8")
        (hugo_content / f"{release.slug}.md").write_text(hugo_markdown(release), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("target", type=Path)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument(
        "--vocabulary",
        choices=("small", "large"),
        default="small",
        help="large: more paragraphs from a word model built on the demo releases and "
        "wordfreq's Indonesian list (a realistic, growing vocabulary)",
    )
    args = parser.parse_args(argv)
    generate(args.count, args.target, args.seed, args.vocabulary)
    print(f"{args.count} releases in {args.target}/raw, md, hugo", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
