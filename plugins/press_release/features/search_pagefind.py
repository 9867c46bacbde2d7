"""Pagefind, driven from Python: records sent to its service, bundles made byte-stable.

``index_records`` starts the Pagefind binary in service mode (``pagefind --service``, the
process behind Pagefind's own Node and Python APIs), sends it one ``AddRecord`` message
per release (the release's text, its metadata, filters and sort key: no HTML is written
or parsed) and has it write the bundle. The messages are the ones the ``pagefind``
package's ``PagefindIndex.add_custom_record`` sends; this module speaks them itself
because that wrapper reads one answer per 0.1 s (an ``asyncio.sleep(0.1)`` in its polling
loop), so 10,000 records would take 17 minutes through it. Here a thread reads the
answers while the records are written, so the service indexes them as fast as it can
(docs/performance.md, "Search", has the figures against the CLI).

The bundle comes back from the service as data; ``stable_bundle`` sorts what Pagefind
writes in hash-map order before the files are written, so two builds of the same
releases give the same bytes.
"""

from __future__ import annotations

import base64
import contextlib
import gzip
import hashlib
import json
import os
import re
import struct
import subprocess
import threading

from ..errors import PressReleaseError

ENTRY = "pagefind-entry.json"  # in every bundle Pagefind writes


def pagefind_executable() -> str:
    """The Pagefind binary the ``pagefind`` package installs (``pagefind_bin``)."""
    try:
        from pagefind.service import get_executable
    except ImportError as exc:
        raise PressReleaseError(
            "press_release: the search index needs the Python package 'pagefind[bin]' "
            "(pip install 'pagefind[bin]'), or set PRESS_RELEASE_SEARCH = False"
        ) from exc
    path = get_executable()
    if path is None:
        raise PressReleaseError(
            "press_release: the Pagefind binary was not found (pip install 'pagefind[bin]')"
        )
    return str(path)


def engine_version() -> str:
    """The Pagefind version that indexes (part of each shard's key: a new Pagefind
    re-indexes every shard)."""
    from importlib import metadata

    for name in ("pagefind_bin_extended", "pagefind_bin", "pagefind"):
        try:
            return f"{name} {metadata.version(name)}"
        except metadata.PackageNotFoundError:
            continue
    return "unknown"


class PagefindService:
    """One ``pagefind --service`` process: messages written to its standard input as
    base64 JSON ended by a comma, answers read the same way by a thread."""

    def __init__(self, executable: str | None = None):
        self.process = subprocess.Popen(
            [executable or pagefind_executable(), "--service"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.sent = 0
        self.answers: dict[int, dict] = {}
        self.errors: list[str] = []
        self.answered = threading.Condition()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        stream = self.process.stdout
        buffer = bytearray()  # an answer can be tens of megabytes (GetFiles)
        while True:
            chunk = stream.read1(1 << 20)
            if not chunk:
                break
            end = chunk.rfind(b",")
            if end < 0:
                buffer += chunk
                continue
            buffer += chunk[:end]
            for message in bytes(buffer).split(b","):
                self._answer(json.loads(base64.b64decode(message)))
            buffer = bytearray(chunk[end + 1 :])
        with self.answered:
            self.answered.notify_all()

    def _answer(self, answer: dict) -> None:
        payload = answer.get("payload") or {}
        with self.answered:
            if payload.get("type") == "Error":
                self.errors.append(payload.get("message", "unknown error"))
            number = answer.get("message_id")
            if number is not None:
                self.answers[number] = payload
            self.answered.notify_all()

    def send(self, payload: dict) -> int:
        """Write one message without waiting for its answer; return its number."""
        self.sent += 1
        message = json.dumps({"message_id": self.sent, "payload": payload}).encode("utf-8")
        try:
            self.process.stdin.write(base64.b64encode(message) + b",")
        except BrokenPipeError as exc:
            raise PressReleaseError("press_release: the Pagefind service stopped") from exc
        return self.sent

    def wait(self, number: int) -> dict:
        """The answer to message `number` (earlier messages are answered before it)."""
        self.process.stdin.flush()
        with self.answered:
            while number not in self.answers:
                if self.errors:
                    break
                if not self.reader.is_alive():
                    raise PressReleaseError("press_release: the Pagefind service stopped")
                self.answered.wait(1.0)
        if self.errors:
            raise PressReleaseError(f"press_release: Pagefind failed: {self.errors[0]}")
        return self.answers.pop(number)

    def close(self) -> None:
        if self.process.stdin and not self.process.stdin.closed:
            with contextlib.suppress(BrokenPipeError):
                self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.reader.join(timeout=10)

    def __enter__(self) -> PagefindService:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


# The files of a bundle a search page uses: Pagefind's modular and component UIs and its
# highlighting script are left out (the theme has its own search page; the plugin's
# fallback page for other themes uses Pagefind's default UI), so is the playground.
KEPT = re.compile(
    r"pagefind-entry\.json"  # the bundle's entry: languages and their metadata file
    r"|pagefind(-worker)?\.js"  # the search library and its web worker
    r"|pagefind-ui\.(js|css)"  # the default UI (templating/templates/search.html)
    r"|pagefind\.[\w-]+\.pf_meta"  # the metadata of one language's index
    r"|wasm\.[\w-]+\.pagefind"  # the WebAssembly search of a language
    r"|(fragment|index|filter)/[\w-]+\.pf_(fragment|index|filter)"  # the index's chunks
)


def index_records(records, output_path: str, language: str, executable: str | None = None):
    """Index `records` (dicts: url, content, meta, filters, sort) into a Pagefind bundle
    written to `output_path`; return the number of records indexed.

    The bundle is taken from the service as data (``GetFiles``) and written here: the
    service answers ``WriteFiles`` before its files are complete (measured with Pagefind
    1.5.2: an empty ``pagefind-entry.json`` in about one run in fifteen), and taking the
    data lets the files be made byte-stable before they are written once.
    """
    try:
        with PagefindService(executable) as service:
            index_id = service.wait(service.send({"type": "NewIndex", "config": None}))["index_id"]
            count = 0
            for record in records:
                service.send({"type": "AddRecord", "index_id": index_id,
                              "language": language, **record})  # fmt: skip
                count += 1
            answer = service.wait(service.send({"type": "GetFiles", "index_id": index_id}))
    except OSError as exc:  # the service ended (a broken pipe), or could not start
        raise PressReleaseError(
            f"press_release: Pagefind stopped while indexing {output_path}: {exc}"
        ) from exc
    files = {}
    for item in answer.get("files") or ():
        if KEPT.fullmatch(item["path"]):
            files[item["path"]] = base64.b64decode(item["content"])
    del answer
    if ENTRY not in files:
        raise PressReleaseError(f"press_release: Pagefind made no index for {output_path}")
    for path, data in stable_bundle(files).items():
        target = os.path.join(output_path, *path.split("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as handle:
            handle.write(data)
    return count


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


def decode_pagefind_data(raw: bytes, name: str = "Pagefind file"):
    data = gzip.decompress(raw)
    if not data.startswith(PAGEFIND_SIGNATURE):
        raise PressReleaseError(f"press_release: {name} is not a Pagefind data file")
    item, _end = cbor_decode(data, len(PAGEFIND_SIGNATURE))
    return item


def read_pagefind_file(path):
    with open(path, "rb") as handle:
        return decode_pagefind_data(handle.read(), path)


def encode_pagefind_data(item, lang: str, digits: int) -> tuple[str, bytes]:
    """(hash part of the file's name, made from its content; gzip'd bytes)."""
    data = PAGEFIND_SIGNATURE + cbor_encode(item)
    return f"{lang}_{hashlib.sha256(data).hexdigest()[:digits]}", gzip.compress(data, mtime=0)


def stable_bundle(files: dict[str, bytes]) -> dict[str, bytes]:
    """The bundle's files with what Pagefind writes in hash-map order sorted, and those
    files named after their new content (the entry file names the metadata file)."""
    files = dict(files)
    entry = json.loads(files[ENTRY])
    for lang, language in entry["languages"].items():
        meta = decode_pagefind_data(files.pop(f"pagefind.{language['hash']}.pf_meta"))
        # meta: [version, pages, index chunks, filters, sorts, meta fields]
        filters = []
        for name, old_hash in meta[3]:
            filter_name, values = decode_pagefind_data(files.pop(f"filter/{old_hash}.pf_filter"))
            new_hash, data = encode_pagefind_data([filter_name, sorted(values)], lang, 7)
            files[f"filter/{new_hash}.pf_filter"] = data
            filters.append([name, new_hash])
        meta[3] = sorted(filters)
        meta[4] = sorted(meta[4])
        meta[5] = sorted(meta[5])
        new_hash, data = encode_pagefind_data(meta, lang, 10)
        language["hash"] = new_hash
        files[f"pagefind.{new_hash}.pf_meta"] = data
    files[ENTRY] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return dict(sorted(files.items()))
