"""A tiny synthetic recording made with PyAV, for ``vknz self-test`` (no test files needed).

Colour bars that move, a constant grey centre and a 440 Hz tone: nothing depicts or records a
person. H.264 (libx264) + AAC in MP4, with a keyframe every second.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import numpy as np

__all__ = ["CENTRE_RGB", "write_test_recording"]

CENTRE_RGB = (128, 128, 128)
_FPS = 25
_SAMPLE_RATE = 16000
_AUDIO_CHUNK = 1024


def _picture(index: int, width: int, height: int) -> np.ndarray[Any, Any]:
    rgb = np.empty((height, width, 3), dtype=np.uint8)
    rgb[..., 0] = np.linspace(30, 150, height, dtype=np.uint8)[:, None]
    rgb[..., 1] = 40
    rgb[..., 2] = 90
    bar = max(4, width // 8)
    x = (index * 4) % (width + bar) - bar
    rgb[:, max(0, x) : max(0, x + bar)] = (240, (index * 7) % 256, 60)
    cw, ch = width // 4, height // 4
    rgb[
        height // 2 - ch // 2 : height // 2 + ch // 2, width // 2 - cw // 2 : width // 2 + cw // 2
    ] = CENTRE_RGB
    return rgb


def write_test_recording(
    target: Path, seconds: float = 3.0, size: tuple[int, int] = (160, 120)
) -> None:
    """Write a short synthetic H.264 + AAC MP4 to ``target``."""
    width, height = size
    frames = round(seconds * _FPS)
    samples_total = round(seconds * _SAMPLE_RATE)
    with av.open(str(target), mode="w", format="mp4") as container:
        video = container.add_stream(
            "libx264",
            rate=_FPS,
            options={"preset": "veryfast", "crf": "30", "x264-params": f"keyint={_FPS}"},
        )
        video.width, video.height, video.pix_fmt = width, height, "yuv420p"
        audio = container.add_stream("aac", rate=_SAMPLE_RATE)
        audio.layout = "mono"
        tone = 0.3 * np.sin(2 * np.pi * 440 * np.arange(samples_total) / _SAMPLE_RATE)
        pcm = (tone * 32767).astype(np.int16)
        position = 0
        for index in range(frames):
            frame = av.VideoFrame.from_ndarray(_picture(index, width, height), format="rgb24")
            container.mux(video.encode(frame))
            # Interleave: audio up to the time of this video frame.
            until = min(samples_total, (index + 1) * _SAMPLE_RATE // _FPS)
            while position < until:
                count = min(_AUDIO_CHUNK, samples_total - position)
                chunk = av.AudioFrame.from_ndarray(
                    pcm[None, position : position + count], format="s16", layout="mono"
                )
                chunk.sample_rate = _SAMPLE_RATE
                chunk.time_base = Fraction(1, _SAMPLE_RATE)
                chunk.pts = position
                container.mux(audio.encode(chunk))
                position += count
        container.mux(video.encode())
        container.mux(audio.encode())
