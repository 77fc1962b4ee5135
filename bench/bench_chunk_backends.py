"""Where to keep encrypted media chunks: one file per recording (A) or SQLCipher BLOB rows (B).

(A) is what the app does: ``ChunkWriter`` writes AES-256-GCM chunks of 1 MiB into one
``.vkm`` file per recording (fsync at commit); ``DecryptedStream`` reads them back.

(B) is the alternative, implemented minimally here: the same AES-GCM chunks (same key, nonce
and associated data scheme) stored as one 1 MiB BLOB row each in a SQLCipher table, opened like
``vknz_desktop.storage.database.connect`` (raw key, WAL, ``synchronous=FULL``,
``secure_delete``). All chunks are written in one transaction, then committed; that commit
also runs SQLite's automatic WAL checkpoint, so it is part of the cost. Reads fetch a row,
decrypt it and slice, behind the same 8-chunk LRU cache ``DecryptedStream`` has.

Both get the same plaintext and the same 1,000 random 64 KiB reads, aligned to 64 KiB so that
each falls inside one chunk. Figures are printed as ratios B/A.
"""

from __future__ import annotations

import os
import random
import shutil
import uuid
from collections import OrderedDict
from functools import partial
from pathlib import Path
from time import perf_counter
from typing import Any

import sqlcipher3
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from bench.common import (
    MiB,
    latency_summary,
    mb_per_s,
    ratio,
    repeats,
    scratch_dir,
    settle,
    size_label,
    timed,
    warm,
)
from vknz_desktop.storage.media_store import (
    DEFAULT_CACHE_CHUNKS,
    DEFAULT_CHUNK_SIZE,
    NONCE_SIZE,
    ChunkWriter,
    DecryptedStream,
    MediaLayout,
    media_path,
)

NAME = "chunk_backends"
READS = 1000
READ_SIZE = 64 * 1024
SEED = 20261102
PLAIN_POOL = 16  # distinct random chunks, cycled (ciphertext is random whatever the input)


def data_size(quick: bool) -> int:
    return 64 * MiB if quick else 256 * MiB


def disk_needed(quick: bool) -> int:
    # A's file, B's database plus its WAL (the WAL holds a full copy until it is reset).
    return 4 * data_size(quick)


# -- (B): chunks as BLOB rows in SQLCipher ---------------------------------------------------
def open_db(path: Path, key: bytes) -> Any:
    """A SQLCipher connection set up the way ``storage.database.connect`` sets up the vault."""
    existed = path.exists()
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    if not existed:
        conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
    conn.execute("PRAGMA journal_mode = WAL").fetchone()
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute(
        "CREATE TABLE IF NOT EXISTS media_chunks (recording_id TEXT NOT NULL,"
        " idx INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (recording_id, idx))"
    )
    return conn


def write_blob_chunks(
    conn: Any, recording_id: str, media_key: bytes, chunks: list[bytes]
) -> dict[str, float]:
    """Encrypt and insert every chunk in one transaction; returns insert and commit seconds."""
    layout = MediaLayout(recording_id, sum(len(c) for c in chunks))
    aead = AESGCM(media_key)
    started = perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    for index, plain in enumerate(chunks):
        nonce = os.urandom(NONCE_SIZE)
        sealed = nonce + aead.encrypt(nonce, plain, layout.associated_data(index))
        conn.execute(
            "INSERT INTO media_chunks(recording_id, idx, data) VALUES (?, ?, ?)",
            (recording_id, index, sealed),
        )
    inserted = perf_counter()
    conn.execute("COMMIT")  # fsyncs the WAL, then SQLite's auto-checkpoint copies it over
    committed = perf_counter()
    return {"insert_s": inserted - started, "commit_s": committed - inserted}


class BlobChunkStream:
    """``read_at`` over chunks stored as rows, with the same LRU cache as DecryptedStream."""

    def __init__(self, conn: Any, media_key: bytes, layout: MediaLayout) -> None:
        self._conn = conn
        self._aead = AESGCM(media_key)
        self.layout = layout
        self._cache: OrderedDict[int, bytes] = OrderedDict()

    @property
    def size(self) -> int:
        return self.layout.size

    def read_at(self, offset: int, size: int) -> bytes:
        chunk_size = self.layout.chunk_size
        end = min(offset + size, self.layout.size)
        parts: list[bytes] = []
        position = offset
        while position < end:
            index = position // chunk_size
            chunk = self._chunk(index)
            start = position - index * chunk_size
            stop = min(len(chunk), end - index * chunk_size)
            parts.append(chunk[start:stop])
            position = index * chunk_size + stop
        return parts[0] if len(parts) == 1 else b"".join(parts)

    def _chunk(self, index: int) -> bytes:
        cached = self._cache.get(index)
        if cached is not None:
            self._cache.move_to_end(index)
            return cached
        row = self._conn.execute(
            "SELECT data FROM media_chunks WHERE recording_id = ? AND idx = ?",
            (self.layout.recording_id, index),
        ).fetchone()
        if row is None:
            raise RuntimeError(f"chunk {index} is missing")
        raw = row[0]
        plain = self._aead.decrypt(
            raw[:NONCE_SIZE], raw[NONCE_SIZE:], self.layout.associated_data(index)
        )
        self._cache[index] = plain
        while len(self._cache) > DEFAULT_CACHE_CHUNKS:
            self._cache.popitem(last=False)
        return plain


# -- (A): what the app does -----------------------------------------------------------------
def write_file_chunks(
    media_dir: Path, recording_id: str, media_key: bytes, chunks: list[bytes]
) -> MediaLayout:
    writer = ChunkWriter(media_dir, recording_id, media_key)
    try:
        for index, plain in enumerate(chunks):
            writer.write_chunk(plain, last=index == len(chunks) - 1)
        return writer.commit()
    except BaseException:
        writer.discard()
        raise


# -- the benchmark --------------------------------------------------------------------------
def run(base: Path, quick: bool) -> dict[str, Any]:
    size = data_size(quick)
    count = size // DEFAULT_CHUNK_SIZE
    pool = [os.urandom(DEFAULT_CHUNK_SIZE) for _ in range(PLAIN_POOL)]
    chunks = [pool[i % PLAIN_POOL] for i in range(count)]
    key = os.urandom(32)
    db_key = os.urandom(32)
    file_runs: list[float] = []
    blob_runs: list[dict[str, float]] = []

    with scratch_dir(base, NAME) as work:
        for attempt in range(repeats()):
            last = attempt == repeats() - 1
            recording_id = uuid.uuid4().hex

            media_dir = work / f"media-{attempt}"
            media_dir.mkdir()
            settle()
            seconds, layout = timed(
                partial(write_file_chunks, media_dir, recording_id, key, chunks)
            )
            file_runs.append(seconds)
            file_path = media_path(media_dir, recording_id)
            file_bytes = file_path.stat().st_size
            if not last:
                shutil.rmtree(media_dir)

            db_path = work / f"blobs-{attempt}.db"
            conn = open_db(db_path, db_key)
            settle()
            started = perf_counter()
            parts = write_blob_chunks(conn, recording_id, key, chunks)
            parts["total_s"] = perf_counter() - started
            blob_runs.append(parts)
            wal = db_path.with_name(db_path.name + "-wal")
            db_bytes = db_path.stat().st_size
            wal_bytes = wal.stat().st_size if wal.exists() else 0
            conn.close()  # the last connection checkpoints and removes the WAL
            if not last:
                for leftover in work.glob(f"blobs-{attempt}.db*"):
                    leftover.unlink()

        settle()
        warm(file_path)
        warm(db_path)
        reads = _measure_reads(file_path, db_path, db_key, key, layout)

    best_file = min(file_runs)
    best_blob = min(blob_runs, key=lambda r: r["total_s"])
    write = {
        "file_mb_per_s": round(mb_per_s(size, best_file), 1),
        "blob_mb_per_s": round(mb_per_s(size, best_blob["total_s"]), 1),
        "file_runs_s": [round(t, 4) for t in file_runs],
        "blob_runs_s": [{k: round(v, 4) for k, v in r.items()} for r in blob_runs],
        "file_bytes_on_disk": file_bytes,
        "blob_db_bytes_after_commit": db_bytes,
        "blob_wal_bytes_after_commit": wal_bytes,
    }
    write["ratio_blob_vs_file"] = ratio(write["blob_mb_per_s"], write["file_mb_per_s"])
    result: dict[str, Any] = {
        "plain_bytes": size,
        "chunks": count,
        "repeats": repeats(),
        "write": write,
        "read": reads,
        "faster_write": "file" if write["ratio_blob_vs_file"] < 1 else "blob",
        "faster_read_p99": "file" if reads["ratio_p99"] > 1 else "blob",
    }
    _print(size, result)
    return result


def _measure_reads(
    file_path: Path, db_path: Path, db_key: bytes, key: bytes, layout: MediaLayout
) -> dict[str, Any]:
    rng = random.Random(SEED)
    slots = layout.size // READ_SIZE
    offsets = [rng.randrange(slots) * READ_SIZE for _ in range(READS)]
    hits = _lru_hits([o // layout.chunk_size for o in offsets], DEFAULT_CACHE_CHUNKS)

    file_stream = DecryptedStream(file_path, key, layout)
    conn = open_db(db_path, db_key)
    blob_stream = BlobChunkStream(conn, key, layout)
    try:
        for offset in offsets[-10:]:  # untimed: first-call set-up, and a correctness check
            if file_stream.read_at(offset, READ_SIZE) != blob_stream.read_at(offset, READ_SIZE):
                raise RuntimeError(f"backends disagree at offset {offset}")
        # Fresh streams so that both start with an empty chunk cache.
        file_stream.close()
        file_stream = DecryptedStream(file_path, key, layout)
        blob_stream = BlobChunkStream(conn, key, layout)
        file_times = _time_reads(file_stream, offsets)
        blob_times = _time_reads(blob_stream, offsets)
    finally:
        file_stream.close()
        conn.close()
    file_stats = latency_summary(file_times)
    blob_stats = latency_summary(blob_times)
    return {
        "reads": READS,
        "read_bytes": READ_SIZE,
        "seed": SEED,
        "cache_hits": hits,
        "file": file_stats,
        "blob": blob_stats,
        "ratio_p50": ratio(blob_stats["p50_ms"], file_stats["p50_ms"]),
        "ratio_p99": ratio(blob_stats["p99_ms"], file_stats["p99_ms"]),
    }


def _time_reads(stream: Any, offsets: list[int]) -> list[float]:
    times: list[float] = []
    read_at = stream.read_at
    for offset in offsets:
        started = perf_counter()
        data = read_at(offset, READ_SIZE)
        times.append(perf_counter() - started)
        if len(data) != READ_SIZE:
            raise RuntimeError(f"short read at {offset}: {len(data)} bytes")
    return times


def _lru_hits(indexes: list[int], capacity: int) -> int:
    cache: OrderedDict[int, None] = OrderedDict()
    hits = 0
    for index in indexes:
        if index in cache:
            hits += 1
            cache.move_to_end(index)
            continue
        cache[index] = None
        while len(cache) > capacity:
            cache.popitem(last=False)
    return hits


def _print(size: int, r: dict[str, Any]) -> None:
    w, rd = r["write"], r["read"]
    blob = min(w["blob_runs_s"], key=lambda x: x["total_s"])
    print(
        f"chunk backends, write {size_label(size)}: (A) file {w['file_mb_per_s']:.0f} MB/s,"
        f" (B) SQLCipher blobs {w['blob_mb_per_s']:.0f} MB/s → B/A {w['ratio_blob_vs_file']:.2f}×"
        f" (B: inserts {blob['insert_s']:.2f} s + commit/checkpoint {blob['commit_s']:.2f} s)"
    )
    print(
        f"  {rd['reads']} random 64 KiB reads: (A) p50 {rd['file']['p50_ms']:.3f} ms"
        f" p99 {rd['file']['p99_ms']:.3f} ms, (B) p50 {rd['blob']['p50_ms']:.3f} ms"
        f" p99 {rd['blob']['p99_ms']:.3f} ms → B/A {rd['ratio_p50']:.2f}× p50,"
        f" {rd['ratio_p99']:.2f}× p99 ({rd['cache_hits']} chunk-cache hits on both)"
    )
    print(
        f"  faster: write {r['faster_write']}, read p99 {r['faster_read_p99']}"
        f" (A = file per recording, B = blob rows)"
    )
