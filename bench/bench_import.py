"""Import throughput: the vault's import against ``cp`` of the same file, in the same run.

A WAV file (valid header, random samples) is imported through ``RecordingService`` with
``PyAvProber``, exactly as the app does. Baselines: ``cp`` alone (the copy may still sit in the
page cache when it returns) and ``cp`` followed by an fsync of the copy and its directory,
which is the fair comparison because the vault fsyncs its media file before it records it.
The source is read once before timing, so every run starts from a warm page cache; before each
timed run dirty pages are flushed and the bench pauses (see ``bench.common.settle``). Each
measurement runs ``--repeats`` times (default 2); the best counts.

Then the vault's work is split into stages (read, SHA-256, AES-GCM, write, fsync) with loops
that mirror ``Vault._encrypt_source``, to show where the time goes; and two variants that are
NOT the app's code are timed with the same ``ChunkWriter``: SHA-256 overlapped with
encrypt+write in a worker thread, and that plus early ``fdatasync`` every 64 MiB so that the
commit's fsync finds little left to flush.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import struct
import subprocess
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from bench.common import (
    GiB,
    MiB,
    fsync_file,
    import_recording,
    mb_per_s,
    new_vault,
    ratio,
    repeats,
    scratch_dir,
    settle,
    size_label,
    timed,
    warm,
    write_wav,
)
from vknz_desktop.media.probe import PyAvProber
from vknz_desktop.storage.fsutil import fsync_dir, open_private_for_writing
from vknz_desktop.storage.media_store import (
    DEFAULT_CHUNK_SIZE,
    NONCE_SIZE,
    PARTIAL_SUFFIX,
    TAG_SIZE,
    ChunkWriter,
    DecryptedStream,
    MediaLayout,
    media_path,
)

NAME = "import"
GOAL_VS_CP = 0.5
EARLY_FLUSH_EVERY = 64 * MiB


def data_size(quick: bool) -> int:
    return 128 * MiB if quick else GiB


def disk_needed(quick: bool) -> int:
    """Source, one copy or one vault at a time, and some slack."""
    return 3 * data_size(quick)


def run(base: Path, quick: bool) -> dict[str, Any]:
    size = data_size(quick)
    with scratch_dir(base, NAME) as work:
        source = work / "source.wav"
        file_size = write_wav(source, size)
        settle()
        warm(source)
        runs: dict[str, list[float]] = {"cp": [], "cp_fsync": [], "vault": []}
        for attempt in range(repeats()):
            runs["cp"].append(_time_cp(source, work / "copy.wav", fsync=False))
            runs["cp_fsync"].append(_time_cp(source, work / "copy.wav", fsync=True))
            runs["vault"].append(_time_vault_import(source, work / f"vault-{attempt}"))
        stages = _stages(source, work / "stages")

    best = {name: min(times) for name, times in runs.items()}
    speed = {name: mb_per_s(file_size, seconds) for name, seconds in best.items()}
    proto = {
        name: mb_per_s(file_size, stages[f"{name}_s"] + stages[f"{name}_commit_s"])
        for name in ("sequential", "overlapped", "overlapped_early_flush", "zero_copy")
        if f"{name}_s" in stages
    }
    result: dict[str, Any] = {
        "file_bytes": file_size,
        "repeats": repeats(),
        "runs_s": {name: [round(t, 4) for t in times] for name, times in runs.items()},
        "best_s": {name: round(t, 4) for name, t in best.items()},
        "mb_per_s": {name: round(v, 1) for name, v in speed.items()},
        "ratio_vault_vs_cp": ratio(speed["vault"], speed["cp"]),
        "ratio_vault_vs_cp_fsync": ratio(speed["vault"], speed["cp_fsync"]),
        "goal_ratio_vs_cp": GOAL_VS_CP,
        "goal_met": speed["vault"] / speed["cp"] >= GOAL_VS_CP,
        "stages_best_s": {name: round(t, 4) for name, t in stages.items()},
        "prototype_mb_per_s": {name: round(v, 1) for name, v in proto.items()},
        "prototype_ratio_vs_cp": {name: ratio(v, speed["cp"]) for name, v in proto.items()},
        "prototype_ratio_vs_cp_fsync": {
            name: ratio(v, speed["cp_fsync"]) for name, v in proto.items()
        },
    }
    _print(size, result)
    return result


def _time_cp(source: Path, target: Path, *, fsync: bool) -> float:
    def copy() -> None:
        subprocess.run(["cp", str(source), str(target)], check=True)
        if fsync:
            fsync_file(target)

    settle()
    seconds, _ = timed(copy)
    target.unlink()  # dropping the (possibly dirty) copy leaves nothing for the next run
    return seconds


def _time_vault_import(source: Path, vault_dir: Path) -> float:
    vault = new_vault(vault_dir)
    try:
        settle()
        seconds, _ = timed(lambda: import_recording(vault, source))
    finally:
        vault.close()
    shutil.rmtree(vault_dir)
    return seconds


# -- where the time goes ---------------------------------------------------------------------
def _blocks(source: Path) -> Iterator[bytes]:
    """Unbuffered 1 MiB reads, as ``Vault._encrypt_source`` does them."""
    with source.open("rb", buffering=0) as handle:
        while block := handle.read(DEFAULT_CHUNK_SIZE):
            yield block


def _read_only(source: Path) -> None:
    for _block in _blocks(source):
        pass


def _read_hash(source: Path) -> None:
    sha = hashlib.sha256()
    for block in _blocks(source):
        sha.update(block)


def _read_hash_encrypt(source: Path) -> None:
    """Hash and encrypt in memory (same AES-GCM call and nonce+ciphertext join as ChunkWriter)."""
    sha = hashlib.sha256()
    aead = AESGCM(os.urandom(32))
    associated = MediaLayout(uuid.uuid4().hex, 0).header
    for block in _blocks(source):
        sha.update(block)
        nonce = os.urandom(NONCE_SIZE)
        _sealed = nonce + aead.encrypt(nonce, block, associated)


def _sequential(source: Path, writer: ChunkWriter) -> str:
    """The vault's loop: read ahead one block, hash, encrypt and write, one after the other."""
    sha = hashlib.sha256()
    blocks = _blocks(source)
    current = next(blocks, b"")
    while True:
        following = next(blocks, b"") if len(current) == DEFAULT_CHUNK_SIZE else b""
        sha.update(current)
        writer.write_chunk(current, last=not following)
        if not following:
            return sha.hexdigest()
        current = following


def _overlapped(source: Path, writer: ChunkWriter, flush_path: Path | None) -> str:
    """Prototype: SHA-256 of block i runs in a worker while block i is encrypted and written
    and block i+1 is read (hashlib, AESGCM and os.read/os.write all release the GIL).
    With ``flush_path`` (the ``.part`` file), a second worker fdatasyncs it every 64 MiB."""
    sha = hashlib.sha256()
    flush_fd = os.open(flush_path, os.O_RDONLY) if flush_path is not None else None
    hashing: Future[None] | None = None
    flushing: Future[None] | None = None
    written = 0
    try:
        with ThreadPoolExecutor(max_workers=2, thread_name_prefix="bench-import") as pool:
            blocks = _blocks(source)
            current = next(blocks, b"")
            while True:
                following = next(blocks, b"") if len(current) == DEFAULT_CHUNK_SIZE else b""
                if hashing is not None:
                    hashing.result()  # keeps the hash updates in order
                hashing = pool.submit(sha.update, current)
                writer.write_chunk(current, last=not following)
                written += len(current)
                if (
                    flush_fd is not None
                    and written % EARLY_FLUSH_EVERY == 0
                    and (flushing is None or flushing.done())
                ):
                    flushing = pool.submit(_fdatasync, flush_fd)
                if not following:
                    break
                current = following
            hashing.result()
            if flushing is not None:
                flushing.result()
    finally:
        if flush_fd is not None:
            os.close(flush_fd)
    return sha.hexdigest()


def _fdatasync(fd: int) -> None:
    (getattr(os, "fdatasync", None) or os.fsync)(fd)


def _zero_copy(source: Path, media_dir: Path, recording_id: str, key: bytes) -> tuple[str, int]:
    """Prototype: ``_overlapped`` with early flush, and no per-chunk allocation or copy.

    Reads go into three reused buffers (``readinto``; one being read, one being encrypted,
    one still being hashed), AES-GCM encrypts straight into a reused output buffer behind its
    nonce (``AESGCM.encrypt_into``) and that buffer is written as is. Writes the same file
    format as ChunkWriter (header, then nonce + ciphertext + tag per chunk, same associated
    data), to the ``.part`` name. Returns the digest and the still open file descriptor, for
    ``_commit_part`` to do what ``ChunkWriter.commit`` does.
    """
    chunk = DEFAULT_CHUNK_SIZE
    aead = AESGCM(key)
    header = MediaLayout(recording_id, 0).header
    sha = hashlib.sha256()
    inputs = [bytearray(chunk) for _ in range(3)]
    output = bytearray(NONCE_SIZE + chunk + TAG_SIZE)
    out_view = memoryview(output)
    fd = open_private_for_writing(media_dir / f"{recording_id}{PARTIAL_SUFFIX}")
    hashing: Future[None] | None = None
    flushing: Future[None] | None = None
    written = 0
    try:
        _write_all(fd, header)
        with (
            ThreadPoolExecutor(max_workers=2, thread_name_prefix="bench-import") as pool,
            source.open("rb", buffering=0) as handle,
        ):
            index = 0
            length = handle.readinto(inputs[0])
            while True:
                current = memoryview(inputs[index % 3])[:length]
                following = handle.readinto(inputs[(index + 1) % 3]) if length == chunk else 0
                if hashing is not None:
                    hashing.result()
                hashing = pool.submit(sha.update, current)
                last = b"\x01" if not following else b"\x00"
                nonce = os.urandom(NONCE_SIZE)
                out_view[:NONCE_SIZE] = nonce
                end = NONCE_SIZE + length + TAG_SIZE
                aead.encrypt_into(
                    nonce,
                    current,
                    header + struct.pack(">Q", index) + last,
                    out_view[NONCE_SIZE:end],
                )
                _write_all(fd, out_view[:end])
                written += length
                if written % EARLY_FLUSH_EVERY == 0 and (flushing is None or flushing.done()):
                    flushing = pool.submit(_fdatasync, fd)
                if not following:
                    break
                index += 1
                length = following
            hashing.result()
            if flushing is not None:
                flushing.result()
    except BaseException:
        os.close(fd)
        raise
    return sha.hexdigest(), fd


def _commit_part(media_dir: Path, recording_id: str, fd: int) -> None:
    """fsync, close, rename into place, fsync the directory: as ``ChunkWriter.commit``."""
    os.fsync(fd)
    os.close(fd)
    (media_dir / f"{recording_id}{PARTIAL_SUFFIX}").replace(media_path(media_dir, recording_id))
    fsync_dir(media_dir)


def _write_all(fd: int, data: bytes | memoryview) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _time_zero_copy_pass(source: Path, media_dir: Path, *, check: bool) -> tuple[float, float]:
    recording_id = uuid.uuid4().hex
    key = os.urandom(32)
    settle()
    work_s, (_digest, fd) = timed(lambda: _zero_copy(source, media_dir, recording_id, key))
    commit_s, _ = timed(lambda: _commit_part(media_dir, recording_id, fd))
    if check:  # untimed: the prototype must write a file the app can read back
        path = media_path(media_dir, recording_id)
        layout = MediaLayout(recording_id, source.stat().st_size)
        with DecryptedStream(path, key, layout) as stream, source.open("rb") as plain:
            for offset in (0, layout.size // 2, layout.size - 100):
                plain.seek(offset)
                if stream.read_at(offset, 100) != plain.read(100):
                    raise RuntimeError(f"zero-copy prototype wrote wrong bytes at {offset}")
    for leftover in media_dir.iterdir():
        leftover.unlink()
    return work_s, commit_s


def _time_writer_pass(
    media_dir: Path, action: Callable[[ChunkWriter, Path], str]
) -> tuple[float, float]:
    """Seconds for ``action`` (read, hash, encrypt, write) and for the commit (fsync).

    ``action`` gets the writer and the path of its ``.part`` file.
    """
    recording_id = uuid.uuid4().hex
    partial = media_dir / f"{recording_id}{PARTIAL_SUFFIX}"
    writer = ChunkWriter(media_dir, recording_id, os.urandom(32))
    try:
        settle()
        work_s, _ = timed(lambda: action(writer, partial))
        commit_s, _ = timed(writer.commit)
    finally:
        writer.discard()
    for leftover in media_dir.iterdir():
        leftover.unlink()
    return work_s, commit_s


def _stages(source: Path, media_dir: Path) -> dict[str, float]:
    """Best of ``repeats()`` passes per stage; each stage adds one step of the vault's loop."""
    media_dir.mkdir()
    stages: dict[str, list[float]] = {}

    def record(name: str, seconds: float) -> None:
        stages.setdefault(name, []).append(seconds)

    variants: dict[str, Callable[[ChunkWriter, Path], str]] = {
        "sequential": lambda w, _part: _sequential(source, w),
        "overlapped": lambda w, _part: _overlapped(source, w, None),
        "overlapped_early_flush": lambda w, part: _overlapped(source, w, part),
    }
    for _attempt in range(repeats()):
        record("probe", timed(lambda: PyAvProber().probe(source))[0])
        record("read", timed(lambda: _read_only(source))[0])
        record("read_sha256", timed(lambda: _read_hash(source))[0])
        record("read_sha256_aesgcm", timed(lambda: _read_hash_encrypt(source))[0])
        for name, action in variants.items():
            work_s, commit_s = _time_writer_pass(media_dir, action)
            record(f"{name}_s", work_s)
            record(f"{name}_commit_s", commit_s)
        if hasattr(AESGCM, "encrypt_into"):  # cryptography >= 45
            work_s, commit_s = _time_zero_copy_pass(source, media_dir, check=_attempt == 0)
            record("zero_copy_s", work_s)
            record("zero_copy_commit_s", commit_s)
    return {name: min(times) for name, times in stages.items()}


def _print(size: int, r: dict[str, Any]) -> None:
    s = r["mb_per_s"]
    goal = "met" if r["goal_met"] else "NOT met"
    print(
        f"import {size_label(size)}: cp {s['cp']:.0f} MB/s, cp+fsync {s['cp_fsync']:.0f} MB/s,"
        f" vault {s['vault']:.0f} MB/s → {r['ratio_vault_vs_cp']:.2f}× cp,"
        f" {r['ratio_vault_vs_cp_fsync']:.2f}× cp+fsync (goal ≥ {GOAL_VS_CP}× cp: {goal})"
    )
    runs = ", ".join(
        f"{name} " + "/".join(f"{t:.2f}" for t in times) for name, times in r["runs_s"].items()
    )
    print(f"  runs (s): {runs}")
    st = r["stages_best_s"]
    print(
        f"  where the time goes (s, best of {r['repeats']}, cumulative):"
        f" probe {st['probe']:.3f}; read {st['read']:.2f}; +sha256 {st['read_sha256']:.2f};"
        f" +AES-GCM {st['read_sha256_aesgcm']:.2f}; +write {st['sequential_s']:.2f};"
        f" commit/fsync {st['sequential_commit_s']:.2f}"
    )
    p, pr = r["prototype_mb_per_s"], r["prototype_ratio_vs_cp"]
    prf = r["prototype_ratio_vs_cp_fsync"]
    labels = {
        "sequential": "vault's loop as is",
        "overlapped": "sha256 in a worker thread",
        "overlapped_early_flush": "+ fdatasync every 64 MiB in a worker",
        "zero_copy": "+ readinto/encrypt_into reused buffers",
    }
    print("  loop + commit variants on the same ChunkWriter format (all but the first are")
    print("  prototypes in this file, not the app's code):")
    for name, label in labels.items():
        if name in p:
            print(
                f"    {label}: {st[name + '_s']:.2f} + {st[name + '_commit_s']:.2f} s"
                f" = {p[name]:.0f} MB/s → {pr[name]:.2f}× cp, {prf[name]:.2f}× cp+fsync"
            )
