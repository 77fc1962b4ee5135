"""Recording 720p into the vault: CPU on this machine's cores, and how far sound and picture
drift apart (issue 18).

The sources are lavfi graphs at real speed: a black picture with moving noise (so the encoder
works as hard as for a camera) that flashes white for 0.2 s at every whole second, and a 1 kHz
tone that beeps at the same moments. After recording, the
flashes and beeps are found in the decoded recording; their offset at the start and at the end
gives the drift (the goal: under 100 ms over the recording).

CPU is the recording process's CPU time over the recording time, as a share of one core and of
all cores, against a baseline measured in the same run: the same sources pulled and decoded for
the same time without encoding or storing (what producing the test pictures costs).

Run: ``python -m bench --only record [--quick]`` (20 s; full: 120 s).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import resource
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import av
import numpy as np

from vknz_desktop.domain.models import ConsentScope, Role
from vknz_desktop.domain.recording_ports import CapturePlan, RecordRequest
from vknz_desktop.media.analysis import _StreamFile
from vknz_desktop.media.recorder.backend import LinuxCaptureBackend
from vknz_desktop.media.recorder.finish import PyAvLiveFinisher
from vknz_desktop.services.live_recording import LiveRecordingService
from vknz_desktop.services.recordings import make_consent
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.storage.live_recording_repo import LiveRecordingRepository
from vknz_desktop.storage.vault import Vault

NAME = "record"
VIDEO = (
    "lavfi:color=c=black:s=1280x720:r=25,"
    "drawbox=c=white:t=fill:enable='lt(mod(t\\,1)\\,0.2)',noise=alls=25:allf=t+u,realtime"
)
AUDIO = (
    "lavfi:sine=frequency=1000:sample_rate=48000,"
    "volume=volume=0:enable='gte(mod(t\\,1)\\,0.2)',arealtime"
)


def disk_needed(quick: bool) -> int:
    return (20 if quick else 120) * 400_000 * 2 + 64 * 1024 * 1024


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _baseline(seconds: float) -> float:
    """CPU seconds to pull the same sources for ``seconds`` without encoding."""
    stop = time.monotonic() + seconds

    def pull(graph: str, kind: str) -> None:
        with av.open(graph[len("lavfi:") :], format="lavfi") as container:
            for _frame in container.decode(**{kind: 0}):
                if time.monotonic() >= stop:
                    break

    before = _cpu()
    threads = [
        threading.Thread(target=pull, args=(VIDEO, "video")),
        threading.Thread(target=pull, args=(AUDIO, "audio")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return _cpu() - before


def _onsets(stream: Any) -> tuple[list[float], list[float]]:
    flashes: list[float] = []
    beeps: list[float] = []
    was_bright = False
    loud_until = -1.0
    reader = io.BufferedReader(_StreamFile(stream), buffer_size=256 * 1024)
    with av.open(reader) as container:
        for frame in container.decode(*container.streams):
            if isinstance(frame, av.VideoFrame):
                luma = frame.to_ndarray(format="gray", width=64, height=36).mean()
                bright = luma > 128
                if bright and not was_bright:
                    flashes.append(float(frame.time))
                was_bright = bright
            else:
                samples = frame.to_ndarray().reshape(-1)
                start = float(frame.time)
                window = 48  # 1 ms
                for i in range(0, samples.size - window + 1, window):
                    at = start + i / frame.sample_rate
                    if np.abs(samples[i : i + window]).max() > 0.05:
                        if at > loud_until + 0.5:
                            beeps.append(at)
                        loud_until = at
    return flashes, beeps


def _offsets(flashes: list[float], beeps: list[float]) -> list[tuple[float, float]]:
    pairs = []
    for flash in flashes:
        nearest = min(beeps, key=lambda b: abs(b - flash), default=None)
        if nearest is not None and abs(nearest - flash) < 0.5:
            pairs.append((flash, nearest - flash))
    return pairs


def run(base: Path, quick: bool) -> dict[str, Any]:
    seconds = 20.0 if quick else 120.0
    baseline_cpu = _baseline(seconds)
    with tempfile.TemporaryDirectory(prefix="vknz-bench-record-", dir=base) as scratch:
        vault = Vault.create(
            Path(scratch) / "kluis", "paard batterij nietje", kdf_profile=TEST_PROFILE
        )
        try:
            service = LiveRecordingService(
                LiveRecordingRepository(vault), LinuxCaptureBackend(), PyAvLiveFinisher()
            )
            request = RecordRequest(
                consent=make_consent(
                    [ConsentScope.SELF], given_by=Role.KLANT, given_on=dt.date.today()
                ),
                plan=CapturePlan(audio_device=AUDIO, video_device=VIDEO),
                title="bench",
            )
            recorder = service.prepare(request)
            cpu_before = _cpu()
            wall_before = time.monotonic()
            recorder.start()
            time.sleep(seconds)
            recording_cpu = _cpu() - cpu_before
            recording_wall = time.monotonic() - wall_before
            finish_started = time.monotonic()
            recording = recorder.stop()
            finish_s = time.monotonic() - finish_started
            dropped = getattr(recorder._session, "dropped_frames", 0)
            flashes, beeps = _onsets(vault.open_media(recording.id))
        finally:
            vault.close()
    pairs = _offsets(flashes, beeps)
    offsets_ms = [offset * 1000 for _at, offset in pairs]
    first = float(np.median(offsets_ms[:3])) if offsets_ms else float("nan")
    last = float(np.median(offsets_ms[-3:])) if offsets_ms else float("nan")
    spread = max(offsets_ms) - min(offsets_ms) if offsets_ms else float("nan")
    cores = os.cpu_count() or 1
    result = {
        "seconds": round(recording_wall, 1),
        "cpu_share_of_one_core": round(recording_cpu / recording_wall, 3),
        "cpu_share_of_all_cores": round(recording_cpu / recording_wall / cores, 3),
        "baseline_cpu_share_of_one_core": round(baseline_cpu / seconds, 3),
        "cpu_ratio_to_baseline": round(recording_cpu / max(baseline_cpu, 1e-6), 2),
        "bytes_per_second": round(recording.size_bytes / recording_wall),
        "dropped_frames": dropped,
        "finish_seconds": round(finish_s, 2),
        "sync_points": len(pairs),
        "av_offset_start_ms": round(first, 1),
        "av_offset_end_ms": round(last, 1),
        "av_drift_ms": round(last - first, 1),
        "av_offset_spread_ms": round(spread, 1),
    }
    print(
        f"record 720p H.264 + Opus, {result['seconds']} s on {cores} cores: CPU "
        f"{result['cpu_share_of_one_core'] * 100:.0f} % of one core "
        f"({result['cpu_share_of_all_cores'] * 100:.0f} % of all), "
        f"{result['cpu_ratio_to_baseline']}× the sources alone "
        f"({result['baseline_cpu_share_of_one_core'] * 100:.0f} %); "
        f"{result['bytes_per_second'] * 8 / 1e6:.2f} Mbit/s; {dropped} frames dropped; "
        f"made seekable in {result['finish_seconds']} s"
    )
    print(
        f"  sound vs picture over {len(pairs)} flashes: offset {first:.0f} ms at the start, "
        f"{last:.0f} ms at the end: drift {last - first:.0f} ms (goal < 100), "
        f"spread {spread:.0f} ms"
    )
    return result


if __name__ == "__main__":
    import sys

    run(Path(tempfile.gettempdir()), "--quick" in sys.argv)
