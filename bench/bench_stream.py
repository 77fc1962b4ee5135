"""Random reads: the vault's DecryptedStream against the plain file, in the same run.

A ~256 MiB WAV is imported into a vault; then the same 1,000 random 64 KiB ``read_at`` calls
(fixed seed, any alignment, so some straddle two chunks) go to ``PlainFileStream`` over the
plain file and to the ``DecryptedStream`` the vault hands to the players. Both files are read
once before timing, so both are served from the page cache: what differs is decryption,
authentication and the stream's own bookkeeping. Reports per-read p50/p99 in milliseconds.
"""

from __future__ import annotations

import random
from pathlib import Path
from time import perf_counter
from typing import Any

from bench.common import (
    MiB,
    import_recording,
    latency_summary,
    new_vault,
    ratio,
    scratch_dir,
    size_label,
    warm,
    write_wav,
)
from vknz_desktop.media.streams import PlainFileStream
from vknz_desktop.storage.media_store import media_path

NAME = "stream"
READS = 1000
READ_SIZE = 64 * 1024
SEED = 20261101
GOAL_P99_MS = 5.0


def data_size(quick: bool) -> int:
    return 64 * MiB if quick else 256 * MiB


def disk_needed(quick: bool) -> int:
    return 3 * data_size(quick)


def run(base: Path, quick: bool) -> dict[str, Any]:
    size = data_size(quick)
    with scratch_dir(base, NAME) as work:
        source = work / "source.wav"
        write_wav(source, size)
        vault = new_vault(work / "vault")
        try:
            recording = import_recording(vault, source)
            decrypted = vault.open_media(recording.id)
            plain = PlainFileStream(source)
            try:
                warm(source)
                warm(media_path(vault.media_dir, recording.id))
                result = _measure(plain, decrypted)  # type: ignore[arg-type]
            finally:
                plain.close()
                decrypted.close()
        finally:
            vault.close()
    result["recording_bytes"] = recording.size_bytes
    _print(size, result)
    return result


def _measure(plain: PlainFileStream, decrypted: Any) -> dict[str, Any]:
    if plain.size != decrypted.size:
        raise RuntimeError(f"sizes differ: plain {plain.size}, decrypted {decrypted.size}")
    rng = random.Random(SEED)
    offsets = [rng.randrange(0, plain.size - READ_SIZE + 1) for _ in range(READS)]
    chunk = decrypted.layout.chunk_size
    straddling = sum(1 for o in offsets if o // chunk != (o + READ_SIZE - 1) // chunk)

    # A few untimed reads first, so that neither side pays for first-call set-up.
    for offset in offsets[-10:]:
        if plain.read_at(offset, READ_SIZE) != decrypted.read_at(offset, READ_SIZE):
            raise RuntimeError(f"decrypted bytes differ from the plain file at {offset}")
    plain_times = _time_reads(plain, offsets)
    decrypted_times = _time_reads(decrypted, offsets)

    plain_stats = latency_summary(plain_times)
    decrypted_stats = latency_summary(decrypted_times)
    return {
        "reads": READS,
        "read_bytes": READ_SIZE,
        "seed": SEED,
        "reads_straddling_two_chunks": straddling,
        "plain": plain_stats,
        "decrypted": decrypted_stats,
        "ratio_p50": ratio(decrypted_stats["p50_ms"], plain_stats["p50_ms"]),
        "ratio_p99": ratio(decrypted_stats["p99_ms"], plain_stats["p99_ms"]),
        "goal_p99_ms": GOAL_P99_MS,
        "goal_met": decrypted_stats["p99_ms"] < GOAL_P99_MS,
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


def _print(size: int, r: dict[str, Any]) -> None:
    p, d = r["plain"], r["decrypted"]
    goal = "met" if r["goal_met"] else "NOT met"
    print(
        f"stream {size_label(size)}, {r['reads']} random 64 KiB reads:"
        f" plain p50 {p['p50_ms']:.3f} ms p99 {p['p99_ms']:.3f} ms;"
        f" decrypted p50 {d['p50_ms']:.3f} ms p99 {d['p99_ms']:.3f} ms"
        f" → {r['ratio_p50']:.1f}× p50, {r['ratio_p99']:.1f}× p99"
        f" (goal p99 < {GOAL_P99_MS:g} ms: {goal})"
    )
    print(
        f"  max: plain {p['max_ms']:.3f} ms, decrypted {d['max_ms']:.3f} ms;"
        f" {r['reads_straddling_two_chunks']} reads straddle two chunks"
    )
