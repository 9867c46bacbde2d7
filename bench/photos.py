"""Benchmark of the photo step (a benchmark, not a test): first run, one-release rerun,
throughput against a floor, peak memory.

    python bench/photos.py                      # 1,000 releases, every core
    python bench/photos.py --releases 50 --jobs 2

Content goes to bench/_work/photos/N/ (gitignored): N releases, each with one phone-like
photo (4000x3000 JPEG, 3-4 MB: smooth colour fields with grain, so it does not compress
away, and EXIF with a GPS position). Eight distinct pictures are made; each file is one
of them with a comment segment naming its release, so every file has its own hash.

Rows:

- ``first``: build_photos() on an empty cache and output (every photo processed);
- ``rerun``: after adding one release with a photo (must process exactly one);
- ``floor``: the same library alone, same process pool and workers: read the file,
  ``Image.open``, ``draft`` (as ``Image.thumbnail`` does), decode, resize to each width,
  encode WebP and JPEG at the same settings, and the 1200x630 link-preview crop in JPEG,
  into memory; no hashing, cache or output;
- peak RSS: the sum over this process and all its children, sampled every 50 ms.

Goals (issue 19): first >= 0.8 x floor images per second; rerun processes one photo;
peak RSS under 1 GiB.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import random
import shutil
import threading
import time
from pathlib import Path

import psutil
from PIL import ExifTags, Image

from press_release.parse import parse_release
from press_release.photos import batch
from press_release.photos.build import build_photos
from press_release.photos.process import social_crop
from press_release.photos.settings import PhotoSettings, photo_settings

WORK = Path(__file__).resolve().parent / "_work" / "photos"
BASES = 8
SIZE = (4000, 3000)


def phone_photo(seed: int) -> bytes:
    """A 4000x3000 JPEG of 3-4 MB: smooth colour fields plus grain, EXIF with GPS."""
    rnd = random.Random(seed)
    w, h = SIZE
    fields = Image.frombytes("RGB", (w // 8, h // 8), rnd.randbytes((w // 8) * (h // 8) * 3))
    grain = Image.frombytes("L", SIZE, rnd.randbytes(w * h)).convert("RGB")
    image = Image.blend(fields.resize(SIZE, Image.BILINEAR), grain, 0.07)
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "S"
    gps[ExifTags.GPS.GPSLatitude] = (0.0, 30.0, float(seed))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85, exif=exif)
    return out.getvalue()


def unique(photo: bytes, label: str) -> bytes:
    """The same picture with a JPEG comment segment (COM) after SOI: another hash."""
    text = label.encode()
    return photo[:2] + b"\xff\xfe" + (len(text) + 2).to_bytes(2, "big") + text + photo[2:]


RELEASE = (
    "Rilis {n}\nHUMAS : Petugas memeriksa lokasi kegiatan nomor {n}.\n\n"
    "SAMARINDA – Pemprov Kaltim menggelar kegiatan nomor {n} bersama dinas terkait di "
    "kantor gubernur hari ini.\n\nKegiatan berjalan lancar. (rus/humasprov)\n"
)


def add_release(content: Path, n: int, bases: list[bytes]) -> None:
    stem = f"2024-01-01-rilis-{n:05d}"
    (content / f"{stem}.txt").write_text(RELEASE.format(n=n), encoding="utf-8")
    (content / f"{stem}.jpg").write_bytes(unique(bases[n % len(bases)], stem))


def make_content(root: Path, releases: int) -> Path:
    base_folder = WORK / "bases"
    base_folder.mkdir(parents=True, exist_ok=True)
    bases = []
    for seed in range(BASES):
        path = base_folder / f"base-{seed}.jpg"
        if not path.exists():
            path.write_bytes(phone_photo(seed))
        bases.append(path.read_bytes())
    content = root / "content"
    if content.exists() and len(list(content.glob("*.txt"))) == releases:
        for extra in content.glob("*-rilis-9*"):
            extra.unlink()  # the rerun's release, from an earlier run
    else:
        shutil.rmtree(content, ignore_errors=True)
        content.mkdir(parents=True)
        for n in range(releases):
            add_release(content, n, bases)
    return content


class PeakRSS:
    """The largest sum of RSS over this process and its children, sampled."""

    def __init__(self, every: float = 0.05):
        self.every, self.peak, self._stop = every, 0, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for process in [me, *me.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):  # a worker that just ended
                    total += process.memory_info().rss
            self.peak = max(self.peak, total)
            time.sleep(self.every)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def floor_one(path: str, settings: PhotoSettings) -> int:
    """Decode, resize and encode with Pillow alone: the floor's work for one photo."""
    with Image.open(path) as image:
        image.draft("RGB", (max(settings.widths), 1))
        image.load()
        written = 0
        for width in settings.widths:
            height = round(image.height * width / image.width)
            resized = image.resize((width, height), Image.LANCZOS, reducing_gap=3.0)
            for fmt in settings.formats:
                out = io.BytesIO()
                if fmt == "jpeg":
                    resized.save(out, "JPEG", quality=82, progressive=True, optimize=True)
                else:
                    resized.save(out, "WEBP", quality=settings.quality_of(fmt), method=4)
                written += out.tell()
        crop = social_crop(image)  # the link preview, as process_photo makes it
        out = io.BytesIO()
        crop.save(out, "JPEG", quality=82, progressive=True, optimize=True)
        written += out.tell()
    return written


def run_floor(paths: list[Path], settings: PhotoSettings) -> float:
    pool = batch.make_pool(settings.workers)
    start = time.perf_counter()
    if pool is None:
        for path in paths:
            floor_one(str(path), settings)
    else:
        with pool:
            list(pool.map(floor_one, map(str, paths), [settings] * len(paths), chunksize=1))
    return time.perf_counter() - start


def releases_of(content: Path) -> dict:
    return {p: parse_release(p.read_bytes(), p.name) for p in sorted(content.glob("*.txt"))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--releases", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=0, help="0 for every core")
    args = parser.parse_args()
    root = WORK / str(args.releases)
    content = make_content(root, args.releases)
    output, cache = root / "output", root / "cache"
    shutil.rmtree(output, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)
    settings = photo_settings(
        {"PRESS_RELEASE_JOBS": args.jobs, "PRESS_RELEASE_PHOTOS_CACHE": str(cache)}
    )
    photos = sorted(content.glob("*.jpg"))
    size = sum(p.stat().st_size for p in photos) / len(photos) / 1e6
    print(f"{len(photos)} photos of {size:.1f} MB on average, {settings.workers} worker(s)")

    releases = releases_of(content)
    with PeakRSS() as first_rss:
        start = time.perf_counter()
        first = build_photos(content, output, releases, settings)
        first_time = time.perf_counter() - start
    add_release(content, 90000, [p.read_bytes() for p in photos[:1]])
    releases = releases_of(content)
    with PeakRSS() as rerun_rss:
        start = time.perf_counter()
        rerun = build_photos(content, output, releases, settings)
        rerun_time = time.perf_counter() - start
    with PeakRSS() as floor_rss:
        floor_time = run_floor(photos, settings)

    ours, floor = first.processed / first_time, len(photos) / floor_time
    peak = max(first_rss.peak, rerun_rss.peak)
    print(f"first run : {first_time:7.1f} s, {first.processed} processed, {ours:.2f} photos/s")
    print(f"rerun     : {rerun_time:7.2f} s, {rerun.processed} processed, {rerun.reused} reused")
    print(f"floor     : {floor_time:7.1f} s, {floor:.2f} photos/s")
    print(f"ratio     : {ours / floor:.2f} of the floor (goal >= 0.80)")
    floor_peak = floor_rss.peak / 2**20
    print(f"peak RSS  : {peak / 2**20:.0f} MiB (goal < 1024), floor {floor_peak:.0f} MiB")
    print(f"rerun processed exactly one photo: {rerun.processed == 1}")


if __name__ == "__main__":
    main()
