"""The Pagefind search index, built after Pelican has written the site (``finalized``).

Only the published releases are indexed (no list pages, no drafts: they are not in the
build's ``releases``), each with the filters ``Kategori`` and ``Tahun`` and the sort key
``date``. The index goes to ``PRESS_RELEASE_SEARCH_DIR`` inside the output folder; that
folder is replaced only when it holds an index this plugin wrote (or nothing), so a
setting pointing at the site's own pages cannot delete them.
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

from ..errors import PressReleaseError
from ..settings import inside
from ..state import BuildState

log = logging.getLogger(__name__)

ENTRY = "pagefind-entry.json"  # in every bundle Pagefind writes


def build_index(pelican):
    """`finalized`: index the build's releases when ``PRESS_RELEASE_SEARCH`` is on."""
    settings = pelican.settings
    if not settings["PRESS_RELEASE_SEARCH"]:
        return
    releases = BuildState.of(settings).releases
    folder = settings["PRESS_RELEASE_SEARCH_DIR"]
    if not inside(folder):  # validated at start-up already: never outside the output
        log.error("press_release: PRESS_RELEASE_SEARCH_DIR %r leaves the output folder", folder)
        return
    bundle = os.path.join(pelican.output_path, folder)
    if not _ours(bundle):
        log.error(
            "press_release: %s holds files that are not a search index; set "
            "PRESS_RELEASE_SEARCH_DIR to a folder of its own (no index written)",
            bundle,
        )
        return
    shutil.rmtree(bundle, ignore_errors=True)
    if not releases:
        log.info("press_release: no published release to index for search")
        return
    try:
        build_search_index(settings, pelican.output_path, bundle, releases)
    except PressReleaseError as exc:
        log.error("%s", exc)


def _ours(bundle: str) -> bool:
    """Whether `bundle` is absent, empty, or an index Pagefind wrote."""
    if not os.path.exists(bundle):
        return True
    if not os.path.isdir(bundle):
        return False
    return not os.listdir(bundle) or os.path.isfile(os.path.join(bundle, ENTRY))


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


def build_search_index(settings, output, bundle, articles):
    """Index every release page with Pagefind: filters `Kategori` and `Tahun`, sort `date`.

    The release pages, with their search fields added, are staged in a temporary folder
    at their paths in the site, and the Pagefind CLI indexes that folder, so the index
    holds the releases only (no listing pages) with the URLs they have in the site.
    """
    language = settings.get("DEFAULT_LANG", "en")
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
