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

``stabilise_pagefind_bundle`` then sorts what Pagefind writes in hash-map order, so two
builds of the same releases give the same bytes.
"""

from __future__ import annotations

import base64
import contextlib
import gzip
import hashlib
import json
import os
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
        buffer = b""
        while True:
            chunk = stream.read1(1 << 16)
            if not chunk:
                break
            buffer += chunk
            *messages, buffer = buffer.split(b",")
            for message in messages:
                self._answer(json.loads(base64.b64decode(message)))
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


def index_records(records, output_path: str, language: str, executable: str | None = None):
    """Index `records` (dicts: url, content, meta, filters, sort) into a Pagefind bundle
    written to `output_path`; return the number of records indexed."""
    with PagefindService(executable) as service:
        index_id = service.wait(service.send({"type": "NewIndex", "config": None}))["index_id"]
        count = 0
        for record in records:
            service.send({"type": "AddRecord", "index_id": index_id, "language": language,
                          **record})  # fmt: skip
            count += 1
        done = service.send(
            {
                "type": "WriteFiles",
                "index_id": index_id,
                "output_path": os.path.abspath(output_path),
            }
        )
        service.wait(done)
    if not os.path.isfile(os.path.join(output_path, ENTRY)):
        raise PressReleaseError(f"press_release: Pagefind wrote no index into {output_path}")
    stabilise_pagefind_bundle(output_path)
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
    entry_path = os.path.join(bundle, ENTRY)
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
