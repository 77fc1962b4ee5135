"""Exact frames with PyAV, from any seekable file-like object (e.g. the vault stream)."""

from __future__ import annotations

from typing import IO, Any

import av
import numpy as np


def decode_frame_at(source: IO[bytes] | str, position_ms: int) -> np.ndarray[Any, Any]:
    """The RGB frame shown at ``position_ms`` (the last frame whose start is <= it).

    Seeks to the keyframe before the position and decodes forward, as PITFALLS.md advises.
    """
    with av.open(source, mode="r") as container:
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"
        time_base = stream.time_base
        if time_base is None:
            raise ValueError("video stream has no time base")
        target = int(position_ms / 1000 / time_base)
        container.seek(target, stream=stream, backward=True, any_frame=False)
        chosen = None
        for frame in container.decode(stream):
            if frame.pts is None:
                continue
            if frame.pts > target and chosen is not None:
                break
            chosen = frame
            if frame.pts == target:
                break
        if chosen is None:
            raise ValueError(f"no frame at {position_ms} ms")
        return chosen.to_ndarray(format="rgb24")
