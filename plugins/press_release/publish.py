"""Build-time steps for publishing on GitHub Pages.

After Pelican has written the site (signal ``finalized``):

- ``.nojekyll`` at the root, so a branch deploy serves the files as they are;
- ``CNAME`` when ``PRESS_RELEASE_CNAME`` names a custom domain;
- a ``Sitemap:`` line appended to ``robots.txt`` when the sitemap plugin is on;
- the Pagefind search index under ``pagefind/`` when ``PRESS_RELEASE_SEARCH`` is true.

Before that (signal ``all_generators_finalized``) the clock of pelican-sitemap is set to
the newest release date, so index pages get a content-derived ``<lastmod>`` and two builds
of the same content are byte-identical.
"""

import gzip
import hashlib
import html
import json
import logging
import os
import shutil
import struct
import subprocess
import sys
import tempfile

from pelican import signals

from .errors import PressReleaseError

log = logging.getLogger(__name__)

DEFAULTS = {
    # Build the Pagefind index after Pelican writes the site.
    "PRESS_RELEASE_SEARCH": False,
    # Where the index goes, relative to the output directory.
    "PRESS_RELEASE_SEARCH_DIR": "pagefind",
    # Custom domain written to output/CNAME ("" writes none).
    "PRESS_RELEASE_CNAME": "",
}

SITEMAP_MODULE = "pelican.plugins.sitemap.sitemap"


class _Releases:
    """What the generators produced, kept from `all_generators_finalized` to `finalized`."""

    articles = ()


def setting(settings, name):
    """One publishing setting, or its default."""
    return settings.get(name, DEFAULTS[name])


def collect_releases(generators):
    """Keep the published releases, and pin pelican-sitemap's clock to the newest one."""
    articles = []
    for generator in generators:
        articles.extend(getattr(generator, "articles", ()))
    articles.sort(key=lambda article: article.save_as)
    _Releases.articles = tuple(articles)

    sitemap = sys.modules.get(SITEMAP_MODULE)
    dates = [getattr(a, "modified", None) or a.date for a in articles]
    if sitemap is not None and dates:
        sitemap.generator.now = max(dates)


def write_pages_files(pelican):
    """Write the files GitHub Pages looks for, then the search index."""
    settings = pelican.settings
    output = pelican.output_path
    write_text(output, ".nojekyll", "")
    cname = setting(settings, "PRESS_RELEASE_CNAME").strip()
    if cname:
        write_text(output, "CNAME", cname + "\n")
    point_robots_to_sitemap(settings, output)
    if setting(settings, "PRESS_RELEASE_SEARCH"):
        build_search_index(settings, output, _Releases.articles)
    _Releases.articles = ()


def write_text(output, name, text):
    with open(os.path.join(output, name), "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def point_robots_to_sitemap(settings, output):
    """Append ``Sitemap: <SITEURL>/sitemap.xml`` to robots.txt (crawlers need an absolute URL)."""
    siteurl = settings.get("SITEURL", "")
    robots = os.path.join(output, "robots.txt")
    if "SITEMAP" not in settings or "://" not in siteurl or not os.path.isfile(robots):
        return
    with open(robots, encoding="utf-8") as handle:
        text = handle.read()
    if any(line.lower().startswith("sitemap:") for line in text.splitlines()):
        return
    if text and not text.endswith("\n"):
        text += "\n"
    write_text(output, "robots.txt", f"{text}Sitemap: {siteurl}/sitemap.xml\n")


def search_fields(article):
    """Pagefind attributes for one release, taken from its metadata rather than its markup."""
    fields = [
        ("data-pagefind-meta", "title", html.unescape(article.title)),  # the title is HTML
        ("data-pagefind-meta", "date", article.date.strftime("%Y-%m-%d")),
        ("data-pagefind-sort", "date", article.date.isoformat()),
        ("data-pagefind-filter", "Kategori", str(article.category)),
        ("data-pagefind-filter", "Tahun", article.date.strftime("%Y")),
    ]
    return "".join(
        f'<meta {attr}="{key}[content]" content="{html.escape(value, quote=True)}">'
        for attr, key, value in fields
    )


def with_search_fields(page, article):
    """The written page with the release's Pagefind fields added to its head (in memory only)."""
    fields = search_fields(article)
    head_end = page.lower().find("</head>")
    if head_end < 0:
        return fields + page
    return page[:head_end] + fields + page[head_end:]


def build_search_index(settings, output, articles):
    """Index every release page with Pagefind: filters `Kategori` and `Tahun`, sort `date`.

    The release pages, with their search fields added, are staged in a temporary folder
    at their paths in the site, and the Pagefind CLI indexes that folder, so the index
    holds the releases only (no listing pages) with the URLs they have in the site.
    """
    bundle = os.path.join(output, setting(settings, "PRESS_RELEASE_SEARCH_DIR"))
    language = settings.get("DEFAULT_LANG", "en")
    shutil.rmtree(bundle, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="press-release-search-") as staging:
        for article in articles:
            with open(os.path.join(output, article.save_as), encoding="utf-8") as handle:
                page = with_search_fields(handle.read(), article)
            staged = os.path.join(staging, article.save_as)
            os.makedirs(os.path.dirname(staged), exist_ok=True)
            with open(staged, "w", encoding="utf-8") as handle:
                handle.write(page)
        command = [sys.executable, "-m", "pagefind", "--site", staging]
        command += ["--output-path", os.path.abspath(bundle), "--force-language", language]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise PressReleaseError(f"press_release: Pagefind failed:\n{done.stdout}{done.stderr}")
    stabilise_pagefind_bundle(bundle)
    log.info("press_release: indexed %d releases for search in %s", len(articles), bundle)


# Pagefind (1.5) writes its filter values and the filter list of its metadata file in hash
# map order, so two runs over the same pages differ. The files are gzip'd CBOR after a
# signature; sorting those lists and renaming the files after their content makes the
# bundle byte-identical. Only text, unsigned integers and arrays occur in them.
PAGEFIND_SIGNATURE = b"pagefind_dcd"


def cbor_decode(data, pos=0):
    """Decode one CBOR item (unsigned int, text or array) at `pos`; return (item, end)."""
    major, info = data[pos] >> 5, data[pos] & 31
    pos += 1
    if info < 24:
        size = info
    elif 24 <= info <= 27:
        width = 1 << (info - 24)
        size = int.from_bytes(data[pos : pos + width], "big")
        pos += width
    else:
        raise PressReleaseError(f"press_release: unexpected CBOR length {info} in Pagefind bundle")
    if major == 0:
        return size, pos
    if major == 3:
        return data[pos : pos + size].decode("utf-8"), pos + size
    if major == 4:
        items = []
        for _ in range(size):
            item, pos = cbor_decode(data, pos)
            items.append(item)
        return items, pos
    raise PressReleaseError(f"press_release: unexpected CBOR type {major} in Pagefind bundle")


def cbor_head(major, size):
    if size < 24:
        return bytes([major << 5 | size])
    for info, fmt in ((24, ">B"), (25, ">H"), (26, ">I"), (27, ">Q")):
        if size < 1 << (8 * struct.calcsize(fmt)):
            return bytes([major << 5 | info]) + struct.pack(fmt, size)
    raise PressReleaseError("press_release: CBOR item too large")


def cbor_encode(item):
    """Encode what `cbor_decode` returns, in the shortest form (as Pagefind does)."""
    if isinstance(item, int):
        return cbor_head(0, item)
    if isinstance(item, str):
        raw = item.encode("utf-8")
        return cbor_head(3, len(raw)) + raw
    return cbor_head(4, len(item)) + b"".join(cbor_encode(part) for part in item)


def read_pagefind_file(path):
    with open(path, "rb") as handle:
        data = gzip.decompress(handle.read())
    if not data.startswith(PAGEFIND_SIGNATURE):
        raise PressReleaseError(f"press_release: {path} is not a Pagefind data file")
    item, _end = cbor_decode(data, len(PAGEFIND_SIGNATURE))
    return item


def write_pagefind_file(folder, prefix, lang, digits, suffix, item):
    """Write `item` under a name made from its content; return the hash part of that name."""
    data = PAGEFIND_SIGNATURE + cbor_encode(item)
    file_hash = f"{lang}_{hashlib.sha256(data).hexdigest()[:digits]}"
    with open(os.path.join(folder, f"{prefix}{file_hash}{suffix}"), "wb") as handle:
        handle.write(gzip.compress(data, mtime=0))
    return file_hash


def stabilise_pagefind_bundle(bundle):
    """Sort what Pagefind wrote in hash-map order and rename the files after their content."""
    entry_path = os.path.join(bundle, "pagefind-entry.json")
    with open(entry_path, encoding="utf-8") as handle:
        entry = json.load(handle)
    for lang, language in entry["languages"].items():
        meta_path = os.path.join(bundle, f"pagefind.{language['hash']}.pf_meta")
        meta = read_pagefind_file(meta_path)
        # meta: [version, pages, index chunks, filters, sorts, meta fields]
        filters = []
        for name, old_hash in meta[3]:
            old_path = os.path.join(bundle, "filter", f"{old_hash}.pf_filter")
            filter_name, values = read_pagefind_file(old_path)
            os.remove(old_path)
            new_hash = write_pagefind_file(
                os.path.join(bundle, "filter"),
                "",
                lang,
                7,
                ".pf_filter",
                [filter_name, sorted(values)],
            )
            filters.append([name, new_hash])
        meta[3] = sorted(filters)
        meta[4] = sorted(meta[4])
        meta[5] = sorted(meta[5])
        os.remove(meta_path)
        language["hash"] = write_pagefind_file(bundle, "pagefind.", lang, 10, ".pf_meta", meta)
    with open(entry_path, "w", encoding="utf-8") as handle:
        json.dump(entry, handle, ensure_ascii=False, separators=(",", ":"))


def register():
    signals.all_generators_finalized.connect(collect_releases)
    signals.finalized.connect(write_pages_files)
