"""Keep fragments only: the exact cut (decode + re-encode with libx264 and AAC) of one fragment,
against decoding the same range only, in the same run.

A synthetic H.264 + AAC recording (moving colour bars, a keyframe every second) is written to a
scratch file; both measurements read it through ``PlainFileStream`` (the vault's decryption is
measured by ``bench_stream``). ``decode`` decodes every picture and sound frame of the range and
throws them away; ``cut`` is ``PyAvRemuxer.remux`` on the same range, which also scales nothing,
encodes and muxes into memory. Figures: seconds (best of the repeats), the ratio cut/decode,
and how many seconds of media are cut per second (x realtime). Synthetic bars encode more
easily than a real conversation: expect a real recording to take longer.
"""

from __future__ import annotations

import io
from fractions import Fraction
from pathlib import Path
from typing import Any

import av

from bench.common import MiB, ratio, repeats, scratch_dir, settle, timed
from vknz_desktop.media.remux import PyAvRemuxer
from vknz_desktop.media.streams import PlainFileStream
from vknz_desktop.media.synthetic import write_test_recording

NAME = "keep_fragments"


def _sizes(quick: bool) -> tuple[tuple[int, int], float, int, int]:
    """(size, source seconds, fragment start ms, fragment end ms)."""
    if quick:
        return (640, 360), 16.0, 3_300, 13_300
    return (1280, 720), 40.0, 10_300, 30_300


def disk_needed(quick: bool) -> int:
    return 64 * MiB if quick else 256 * MiB


def _decode_only(path: Path, start_ms: int, end_ms: int) -> int:
    """Decode every frame of the range (the baseline); returns the number of frames."""
    start, end = Fraction(start_ms, 1000), Fraction(end_ms, 1000)
    frames = 0
    with av.open(str(path)) as container:
        video = container.streams.video[0]
        container.seek(int((start - 1) / video.time_base), stream=video, backward=True)
        for frame in container.decode(*container.streams):
            if frame.pts is None or frame.time_base is None:
                continue
            at = Fraction(frame.pts) * frame.time_base
            if at >= end and isinstance(frame, av.VideoFrame):
                break
            if at >= start:
                frames += 1
    return frames


def run(base: Path, quick: bool) -> dict[str, Any]:
    size, seconds, start_ms, end_ms = _sizes(quick)
    with scratch_dir(base, NAME) as work:
        source = work / "source.mp4"
        write_test_recording(source, seconds=seconds, size=size)
        decode_times: list[float] = []
        cut_times: list[float] = []
        cut_bytes = 0
        for _ in range(repeats()):
            settle()
            elapsed, _frames = timed(lambda: _decode_only(source, start_ms, end_ms))
            decode_times.append(elapsed)
            stream = PlainFileStream(source)
            try:
                settle()
                elapsed, cut = timed(lambda s=stream: PyAvRemuxer().remux(s, start_ms, end_ms))
            finally:
                stream.close()
            cut_times.append(elapsed)
            cut_bytes = len(cut.data)
            with av.open(io.BytesIO(cut.data)) as check:
                duration_ms = int((check.duration or 0) * 1000 // av.time_base)
    fragment_s = (end_ms - start_ms) / 1000
    decode_s, cut_s = min(decode_times), min(cut_times)
    result = {
        "size": f"{size[0]}x{size[1]}",
        "fragment_s": fragment_s,
        "decode_s": round(decode_s, 3),
        "cut_s": round(cut_s, 3),
        "cut_vs_decode": ratio(cut_s, decode_s),
        "realtime_factor": round(fragment_s / cut_s, 2) if cut_s else float("inf"),
        "fragment_bytes": cut_bytes,
        "fragment_duration_ms": duration_ms,
    }
    print(f"keep fragments: exact cut of {fragment_s:g} s at {result['size']} (best of runs)")
    print(f"  decode only (baseline) {decode_s:8.3f} s")
    print(
        f"  exact cut (re-encode)  {cut_s:8.3f} s  = {result['cut_vs_decode']}x decode,"
        f" {result['realtime_factor']}x realtime; fragment {duration_ms} ms,"
        f" {cut_bytes / MiB:.1f} MiB"
    )
    return result
