"""Helpers shared by the benchmarks: scratch directories, test media, timing and statistics."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import tempfile
import time
import wave
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

from vknz_desktop.domain.models import ConsentScope, Participant, Recording, Role
from vknz_desktop.media.probe import PyAvProber
from vknz_desktop.services.recordings import ImportRequest, RecordingService, make_consent
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.storage.vault import Vault

MiB = 1024 * 1024
GiB = 1024 * MiB
MB = 1_000_000  # figures are printed in MB/s (10^6 bytes per second)
PASSPHRASE = "paard batterij nietje bench"

T = TypeVar("T")


@contextlib.contextmanager
def scratch_dir(base: Path, name: str) -> Iterator[Path]:
    """A fresh directory under ``base`` (``tempfile.mkdtemp``), removed afterwards."""
    base.mkdir(parents=True, exist_ok=True)
    path = Path(tempfile.mkdtemp(prefix=f"vknz-bench-{name}-", dir=base))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def size_label(size: int) -> str:
    """``1 GiB``, ``256 MiB``: sizes as the headings print them."""
    if size >= GiB and size % GiB == 0:
        return f"{size // GiB} GiB"
    return f"{size / MiB:g} MiB"


def write_wav(path: Path, data_bytes: int) -> int:
    """A 16-bit stereo 48 kHz PCM WAV whose samples are random bytes; returns the file size.

    PyAV accepts it as audio (so the import's probe passes) and the random samples mean the
    content neither compresses nor deduplicates. Written in 1 MiB frames.
    """
    frame_bytes = 4  # 2 channels x 16 bit
    frames = data_bytes // frame_bytes
    with wave.open(str(path), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(48_000)
        out.setnframes(frames)  # header is right from the start: no seek back at close
        remaining = frames * frame_bytes
        while remaining:
            block = min(MiB, remaining)
            out.writeframesraw(os.urandom(block))
            remaining -= block
    return path.stat().st_size


def warm(path: Path) -> None:
    """Read ``path`` once so that the timed runs all start with it in the page cache."""
    with path.open("rb", buffering=0) as handle:
        buffer = bytearray(8 * MiB)
        while handle.readinto(buffer):
            pass


# Optional pause after flushing, before a timed run (``python -m bench --pause SECONDS``).
# Some VMs (virtio-balloon free page reporting, as on the Firecracker VM these benchmarks were
# written on) hand freed RAM back to the host ~2 s after it is freed; growing the page cache
# into such RAM again costs ~1-1.5 s per GiB instead of ~0.2 s. Back to back, a run reuses
# the pages the previous run just freed (its copy or vault is deleted right before), which is
# what a desktop without a hypervisor sees, so the default is no pause. A pause of 3 s makes
# every run pay the host's price instead (measured there: cp of 1 GiB 0.27 s -> 0.5-0.85 s).
SETTINGS: dict[str, float] = {
    "pause_s": 0.0,
    "repeats": 2,  # each measurement runs this many times and the best counts
}


def repeats() -> int:
    """How many times each measurement runs (``--repeats``, default 2); the best counts."""
    return max(1, int(SETTINGS["repeats"]))


def settle() -> None:
    """Flush every dirty page (and pause if asked) so a run does not pay for the previous one."""
    os.sync()
    if SETTINGS["pause_s"] > 0:
        time.sleep(SETTINGS["pause_s"])


def fsync_file(path: Path) -> None:
    """fsync ``path`` and its directory (what the vault does when it commits a media file)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def timed(action: Callable[[], T]) -> tuple[float, T]:
    """Wall-clock seconds taken by ``action()`` and its result."""
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def mb_per_s(nbytes: int, seconds: float) -> float:
    """Throughput in MB/s (10^6 bytes per second)."""
    return nbytes / MB / seconds if seconds > 0 else float("inf")


def percentile(values: Sequence[float], pct: float) -> float:
    """The ``pct``-th percentile with linear interpolation (numpy's default method)."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * pct / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def latency_summary(seconds: Sequence[float]) -> dict[str, float]:
    """p50, p99, mean and max of per-call times, in milliseconds."""
    ms = [s * 1000 for s in seconds]
    return {
        "p50_ms": round(percentile(ms, 50), 4),
        "p99_ms": round(percentile(ms, 99), 4),
        "mean_ms": round(sum(ms) / len(ms), 4),
        "max_ms": round(max(ms), 4),
    }


def ratio(value: float, baseline: float) -> float:
    """``value / baseline``, rounded for printing and JSON."""
    return round(value / baseline, 3) if baseline else float("inf")


def new_vault(directory: Path) -> Vault:
    """A new, empty vault with the fast test KDF (the KDF is never what we measure)."""
    return Vault.create(directory, PASSPHRASE, kdf_profile=TEST_PROFILE)


def import_recording(vault: Vault, source: Path, **kwargs: Any) -> Recording:
    """Import ``source`` the way the app does: probe with PyAV, then encrypt into the vault."""
    consent = make_consent(
        [ConsentScope.RESEARCHER],
        given_by=Role.KLANT,
        given_on=dt.date(2026, 11, 1),
    )
    request = ImportRequest(
        source=source,
        consent=consent,
        title="benchmark",
        participants=(Participant(display_name="Klant Fictief", role=Role.KLANT),),
    )
    return RecordingService(vault, PyAvProber()).import_recording(request, **kwargs)
