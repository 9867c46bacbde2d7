"""Import speed and memory: a generated WordPress export, imported as an office would.

    python bench/import_bench.py                  10,000 posts
    python bench/import_bench.py --posts 40000
    python bench/import_bench.py --size 1G        posts until the export is ~1 GB
    python bench/import_bench.py --jobs 1         without worker processes

Writes the export (WXR 1.2: posts with categories, tags, a featured-image attachment,
comments, plus drafts and pages) to a temporary folder, imports it with
``python -m press_release import`` in a child process, then imports it again (the
re-run: nothing written). Prints the wall time, the posts per second and the peak RSS
of the largest process (the main one or a worker: ``ru_maxrss`` of the children).
Figures, not assertions: the target is under a minute for 10,000 posts on 2 cores,
with a peak RSS that does not grow with the export's size.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEAD = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Humas Bench</title><link>https://humas.bench.go.id</link>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://humas.bench.go.id</wp:base_site_url>
<wp:base_blog_url>https://humas.bench.go.id</wp:base_blog_url>
<wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[humas]]></wp:author_login><wp:author_display_name><![CDATA[Tim Humas]]></wp:author_display_name></wp:author>
"""  # noqa: E501
TAIL = "</channel>\n</rss>\n"
ITEM = """<item>
<title><![CDATA[{title}]]></title>
<link>https://humas.bench.go.id/{y}/{m:02d}/{slug}/</link>
<pubDate>Mon, 01 Jan {y} 01:00:00 +0000</pubDate>
<dc:creator><![CDATA[humas]]></dc:creator>
<guid isPermaLink="false">https://humas.bench.go.id/?p={id}</guid>
<description></description>
<content:encoded><![CDATA[{content}]]></content:encoded>
<excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>{id}</wp:post_id>
<wp:post_date><![CDATA[{y}-{m:02d}-{d:02d} {h:02d}:15:00]]></wp:post_date>
<wp:post_name><![CDATA[{slug}]]></wp:post_name>
<wp:status><![CDATA[{status}]]></wp:status>
<wp:post_parent>0</wp:post_parent>
<wp:post_type><![CDATA[{kind}]]></wp:post_type>
<wp:post_password><![CDATA[]]></wp:post_password>
<category domain="category" nicename="c"><![CDATA[{category}]]></category>
<category domain="post_tag" nicename="t"><![CDATA[{tag}]]></category>
<wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[{photo}]]></wp:meta_value></wp:postmeta>
<wp:comment><wp:comment_id>{id}</wp:comment_id><wp:comment_author><![CDATA[Pembaca]]></wp:comment_author><wp:comment_author_email><![CDATA[pembaca@example.com]]></wp:comment_author_email><wp:comment_content><![CDATA[Terima kasih informasinya.]]></wp:comment_content></wp:comment>
</item>
<item>
<title><![CDATA[foto-{id}]]></title>
<link>https://humas.bench.go.id/?attachment_id={photo}</link>
<guid isPermaLink="false">https://humas.bench.go.id/wp-content/uploads/{y}/{m:02d}/foto-{id}.jpg</guid>
<wp:post_id>{photo}</wp:post_id>
<wp:post_parent>{id}</wp:post_parent>
<wp:status><![CDATA[inherit]]></wp:status>
<wp:post_type><![CDATA[attachment]]></wp:post_type>
<wp:attachment_url><![CDATA[https://humas.bench.go.id/wp-content/uploads/{y}/{m:02d}/foto-{id}.jpg]]></wp:attachment_url>
<wp:postmeta><wp:meta_key><![CDATA[_wp_attached_file]]></wp:meta_key><wp:meta_value><![CDATA[{y}/{m:02d}/foto-{id}.jpg]]></wp:meta_value></wp:postmeta>
</item>
"""  # noqa: E501
PLACES = ["SAMARINDA", "BALIKPAPAN", "BONTANG", "TENGGARONG", "TANJUNG REDEB", "PENAJAM"]
WORDS = [
    "pemerintah",
    "provinsi",
    "kabupaten",
    "kota",
    "rapat",
    "koordinasi",
    "bantuan",
    "warga",
    "desa",
    "kecamatan",
    "program",
    "anggaran",
    "pembangunan",
    "jalan",
    "jembatan",
    "sekolah",
    "kesehatan",
    "puskesmas",
    "pertanian",
    "nelayan",
    "pasar",
    "harga",
    "inflasi",
    "banjir",
    "kebakaran",
    "lahan",
    "pelatihan",
    "pemuda",
    "perempuan",
    "anak",
    "gubernur",
    "bupati",
    "wali",
    "kepala",
    "dinas",
    "badan",
    "sekretaris",
    "daerah",
    "tahun",
    "bulan",
    "pekan",
    "ini",
]
CATEGORIES = ["Berita Utama", "Pemerintahan", "Ekonomi", "Kesehatan", "Pendidikan"]


def sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(12, 24))
    return " ".join(words).capitalize() + "."


def content(rng: random.Random) -> str:
    paragraphs = [" ".join(sentence(rng) for _ in range(rng.randint(2, 4))) for _ in range(6)]
    paragraphs[0] = f"{rng.choice(PLACES)} &#8211; {paragraphs[0]}"
    paragraphs[-1] += " (rus/humasprov)"
    middle = "<ul>\n<li>" + "</li>\n<li>".join(sentence(rng) for _ in range(3)) + "</li>\n</ul>"
    return "\n\n".join(paragraphs[:3] + [middle] + paragraphs[3:])


def generate(path: Path, posts: int | None, size: int | None, seed: int = 7) -> int:
    """Write the export; return the number of posts."""
    rng = random.Random(seed)
    count = 0
    with path.open("w", encoding="utf-8") as out:
        out.write(HEAD)
        while (posts is not None and count < posts) or (size is not None and out.tell() < size):
            count += 1
            title = " ".join(rng.choices(WORDS, k=8)).title()
            kind, status = "post", "publish"
            if count % 50 == 0:
                status = "draft"
            elif count % 97 == 0:
                kind = "page"
            out.write(ITEM.format(
                title=title, slug=f"{title.lower().replace(' ', '-')}-{count}", id=count * 2,
                photo=count * 2 + 1, y=2015 + count % 10, m=1 + count % 12, d=1 + count % 28,
                h=count % 24, content=content(rng), status=status, kind=kind,
                category=CATEGORIES[count % len(CATEGORIES)], tag=rng.choice(WORDS),
            ))  # fmt: skip
        out.write(TAIL)
    return count


def run_import(export: Path, target: Path, jobs: int) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "press_release", "import", str(export), "--to", str(target),
         "--jobs", str(jobs)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"import failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    counts = next((line for line in result.stdout.splitlines() if " imported, " in line), "")
    return elapsed, counts


def parse_size(value: str) -> int:
    units = {"K": 10**3, "M": 10**6, "G": 10**9}
    return int(float(value[:-1]) * units[value[-1].upper()]) if value[-1].isalpha() else int(value)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--size", type=parse_size, help="export size instead (e.g. 1G)")
    parser.add_argument("--jobs", type=int, default=0, help="worker processes (0: every core)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="import-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    export, target = work / "export.xml", work / "content"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir()
    started = time.perf_counter()
    posts = generate(export, None if args.size else args.posts, args.size)
    print(f"export: {posts} posts, {export.stat().st_size / 1e6:.0f} MB, "
          f"written in {time.perf_counter() - started:.1f} s")  # fmt: skip
    first, counts = run_import(export, target, args.jobs)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"import:  {first:6.1f} s  {posts / first:7.0f} posts/s  peak RSS {peak:.0f} MiB")
    print(f"         {counts}")
    second, counts = run_import(export, target, args.jobs)
    print(f"re-run:  {second:6.1f} s  {posts / second:7.0f} posts/s")
    print(f"         {counts}")
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
