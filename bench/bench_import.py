"""Import throughput: the vault's import against a durable copy of the same file, same run.

A WAV file (valid header, random samples) is imported through ``RecordingService`` with
``PyAvProber``, exactly as the app does (probe, duplicate check, read + BLAKE3 on one thread,
AES-GCM + write on the other, early flushes, fsync, rename, one transaction). Baselines: ``cp``
alone (the copy may still sit in the page cache when it returns), ``cp`` then ``sync`` (the
issue's durable copy; the goal is the vault at >= 0.9x its speed) and ``cp`` then an fsync of
the copy and its directory. The source is read once before timing, so every run starts from a
warm page cache; before each timed run dirty pages are flushed (see ``bench.common.settle``).
Each measurement runs ``--repeats`` times (default 2); the best counts.

Unlocking (Argon2id at the app's standard cost, tuned on this machine) and process start
(``python -m vknz_desktop --version``) are not part of the import: they are measured on their
own in the same run and printed beside it. Then the work is split into stages (read, SHA-256
as before, BLAKE3 as now, AES-GCM) to show where the time goes.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import blake3
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from bench.common import (
    PASSPHRASE,
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
from vknz_desktop.storage.keyfile import STANDARD_PROFILE
from vknz_desktop.storage.media_store import DEFAULT_CHUNK_SIZE, NONCE_SIZE, MediaLayout
from vknz_desktop.storage.vault import Vault

NAME = "import"
GOAL_VS_CP_SYNC = 0.9


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
        runs: dict[str, list[float]] = {"cp": [], "cp_sync": [], "cp_fsync": [], "vault": []}
        for attempt in range(repeats()):
            runs["cp"].append(_time_cp(source, work / "copy.wav", then=None))
            runs["cp_sync"].append(_time_cp(source, work / "copy.wav", then="sync"))
            runs["cp_fsync"].append(_time_cp(source, work / "copy.wav", then="fsync"))
            runs["vault"].append(_time_vault_import(source, work / f"vault-{attempt}"))
        stages = _stages(source)
        separate = {
            "unlock_s": _time_unlock(work / "unlock-vault"),
            "process_start_s": _time_process_start(),
        }

    best = {name: min(times) for name, times in runs.items()}
    speed = {name: mb_per_s(file_size, seconds) for name, seconds in best.items()}
    result: dict[str, Any] = {
        "file_bytes": file_size,
        "repeats": repeats(),
        "runs_s": {name: [round(t, 4) for t in times] for name, times in runs.items()},
        "best_s": {name: round(t, 4) for name, t in best.items()},
        "mb_per_s": {name: round(v, 1) for name, v in speed.items()},
        "ratio_vault_vs_cp": ratio(speed["vault"], speed["cp"]),
        "ratio_vault_vs_cp_sync": ratio(speed["vault"], speed["cp_sync"]),
        "ratio_vault_vs_cp_fsync": ratio(speed["vault"], speed["cp_fsync"]),
        "goal_ratio_vs_cp_sync": GOAL_VS_CP_SYNC,
        "goal_met": speed["vault"] / speed["cp_sync"] >= GOAL_VS_CP_SYNC,
        "stages_best_s": {name: round(t, 4) for name, t in stages.items()},
        "measured_apart_s": {name: round(t, 3) for name, t in separate.items()},
    }
    _print(size, result)
    return result


def _time_cp(source: Path, target: Path, *, then: str | None) -> float:
    def copy() -> None:
        subprocess.run(["cp", str(source), str(target)], check=True)
        if then == "sync":
            subprocess.run(["sync"], check=True)
        elif then == "fsync":
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


def _time_unlock(vault_dir: Path) -> float:
    """``Vault.open`` of a small vault whose key file has the app's standard KDF cost."""
    Vault.create(vault_dir, PASSPHRASE, kdf_profile=STANDARD_PROFILE).close()
    best = min(timed(lambda: Vault.open(vault_dir, PASSPHRASE).close())[0] for _ in range(2))
    shutil.rmtree(vault_dir)
    return best


def _time_process_start() -> float:
    command = [sys.executable, "-m", "vknz_desktop", "--version"]
    subprocess.run(command, check=True, capture_output=True)  # warm
    return min(
        timed(lambda: subprocess.run(command, check=True, capture_output=True))[0] for _ in range(3)
    )


# -- where the time goes ---------------------------------------------------------------------
def _blocks(source: Path) -> Iterator[bytes]:
    with source.open("rb", buffering=0) as handle:
        while block := handle.read(DEFAULT_CHUNK_SIZE):
            yield block


def _read_only(source: Path) -> None:
    for _block in _blocks(source):
        pass


def _read_sha256(source: Path) -> None:
    digest = hashlib.sha256()
    for block in _blocks(source):
        digest.update(block)


def _read_blake3(source: Path) -> None:
    digest = blake3.blake3()
    for block in _blocks(source):
        digest.update(block)


def _read_blake3_encrypt(source: Path) -> None:
    digest = blake3.blake3()
    aead = AESGCM(os.urandom(32))
    associated = MediaLayout(uuid.uuid4().hex, 0).header
    for block in _blocks(source):
        digest.update(block)
        nonce = os.urandom(NONCE_SIZE)
        aead.encrypt(nonce, block, associated)


def _stages(source: Path) -> dict[str, float]:
    """Best of ``repeats()`` passes per stage (one thread, no writing)."""
    stages: dict[str, list[float]] = {}
    for _attempt in range(repeats()):
        for name, action in (
            ("probe", lambda: PyAvProber().probe(source)),
            ("read", lambda: _read_only(source)),
            ("read_sha256", lambda: _read_sha256(source)),
            ("read_blake3", lambda: _read_blake3(source)),
            ("read_blake3_aesgcm", lambda: _read_blake3_encrypt(source)),
        ):
            stages.setdefault(name, []).append(timed(action)[0])
    return {name: min(times) for name, times in stages.items()}


def _print(size: int, r: dict[str, Any]) -> None:
    s = r["mb_per_s"]
    goal = "met" if r["goal_met"] else "NOT met"
    print(
        f"import {size_label(size)}: vault {s['vault']:.0f} MB/s; cp+sync {s['cp_sync']:.0f} MB/s"
        f" → {r['ratio_vault_vs_cp_sync']:.2f}× (goal ≥ {GOAL_VS_CP_SYNC}×: {goal});"
        f" cp+fsync {s['cp_fsync']:.0f} MB/s → {r['ratio_vault_vs_cp_fsync']:.2f}×;"
        f" cp alone {s['cp']:.0f} MB/s → {r['ratio_vault_vs_cp']:.2f}×"
    )
    runs = ", ".join(
        f"{name} " + "/".join(f"{t:.2f}" for t in times) for name, times in r["runs_s"].items()
    )
    print(f"  runs (s): {runs}")
    st = r["stages_best_s"]
    print(
        f"  stages on one thread (s, best of {r['repeats']}): probe {st['probe']:.3f};"
        f" read {st['read']:.2f}; read+SHA-256 {st['read_sha256']:.2f} (before);"
        f" read+BLAKE3 {st['read_blake3']:.2f}; +AES-GCM {st['read_blake3_aesgcm']:.2f}"
    )
    apart = r["measured_apart_s"]
    print(
        f"  measured apart (not in the import): unlock with the standard KDF"
        f" {apart['unlock_s']:.2f} s; process start (vknz --version)"
        f" {apart['process_start_s']:.2f} s"
    )
