"""Exact frames with PyAV, from any seekable file-like object (e.g. the vault stream)."""

from __future__ import annotations

from typing import IO, Any

import av
import numpy as np


def frame_at(container: Any, position_ms: int) -> Any:
    """The video frame shown at ``position_ms`` in an open container: the last frame whose
    start is at or before it. Seeks to the keyframe before it and decodes forward, as
    PITFALLS.md advises."""
    stream = container.streams.video[0]
    time_base = stream.time_base
    if time_base is None:
        raise ValueError("video stream has no time base")
    target = int(max(0, position_ms) / 1000 / time_base)
    container.seek(target, stream=stream, backward=True, any_frame=False)
    chosen = None
    for frame in container.decode(stream):
        if frame.pts is None:
            continue
        if frame.pts > target and chosen is not None:
            break
        chosen = frame
        if frame.pts >= target:
            break
    if chosen is None:
        raise ValueError(f"no frame at {position_ms} ms")
    return chosen


def decode_frame_at(source: IO[bytes] | str, position_ms: int) -> np.ndarray[Any, Any]:
    """The RGB frame shown at ``position_ms`` in a file or file-like object."""
    with av.open(source, mode="r") as container:
        container.streams.video[0].thread_type = "AUTO"
        rgb: np.ndarray[Any, Any] = frame_at(container, position_ms).to_ndarray(format="rgb24")
        return rgb
