"""Exact frames with PyAV, from any seekable file-like object (e.g. the vault stream).

``frame_at`` finds the picture shown at a moment in an open container. ``FrameNavigator``
keeps one container and its decoder open for one stream and remembers the pictures it decoded
last, so that the paused picture follows seeks and frame steps quickly:

- a seek near what was decoded last (or ahead of it, within ``DECODE_AHEAD_MS``) decodes on
  from where the decoder is, instead of opening the file and seeking again;
- one frame forward is the next picture out of the decoder;
- one frame back (libVLC has no previous-frame call) comes from the cache of the last decoded
  pictures; when it is not there, the navigator seeks to the keyframe before it and decodes
  forward, keeping the last ``cache_frames`` pictures, so the next steps back are cached.

A frame's time is its start rounded *up* to the millisecond (``frame_start_ms``): the picture
shown at that time is that frame, so a clock set to it and the picture agree.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import IO, Any

import av
import numpy as np

#: Decode on (rather than seek) when the target is at most this far after the last picture.
DECODE_AHEAD_MS = 2500
#: Memory for decoded pictures kept for stepping back (YUV, before conversion).
CACHE_BYTES = 64 * 1024 * 1024
MAX_CACHE_FRAMES = 64
MIN_CACHE_FRAMES = 4


def frame_at(container: Any, position_ms: int) -> Any:
    """The video frame shown at ``position_ms`` in an open container: the last frame whose
    start is at or before it. Seeks to the keyframe before it and decodes forward, as
    PITFALLS.md advises."""
    stream = container.streams.video[0]
    time_base = stream.time_base
    if time_base is None:
        raise ValueError("video stream has no time base")
    target = pts_at(position_ms, time_base)
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


@dataclass(frozen=True)
class DecodedFrame:
    """A decoded picture and where it sits in time."""

    frame: Any  # av.VideoFrame (YUV as decoded)
    pts: int
    start_ms: int  # its start, rounded up to the millisecond (see frame_start_ms)


def frame_start_ms(pts: int, time_base: Any) -> int:
    """The first whole millisecond at which the frame with ``pts`` is on screen."""
    return max(0, math.ceil(pts * Fraction(time_base) * 1000))


def pts_at(position_ms: int, time_base: Any) -> int:
    """The stream time of ``position_ms``, exactly (no float rounding below a frame start)."""
    return math.floor(Fraction(max(0, int(position_ms)), 1000) / Fraction(time_base))


class FrameNavigator:
    """Frame-exact pictures of one stream's video, for one thread at a time (locked).

    ``opener`` returns a new open container (PyAV) over the stream; it is called again only
    when the decoder has to start over after an error.
    """

    def __init__(self, opener: Callable[[], Any], cache_bytes: int = CACHE_BYTES) -> None:
        self._opener = opener
        self._lock = threading.Lock()
        self._container: Any = None
        self._stream: Any = None
        self._decoder: Any = None  # the running container.decode() generator
        self._cache: list[DecodedFrame] = []  # display order, contiguous
        self._cache_bytes = cache_bytes
        self._limit = MAX_CACHE_FRAMES
        self._ended = False  # the decoder ran out after the last cached frame
        #: Counters for tests and the benchmark: how a request was answered.
        self.seeks = 0
        self.decoded = 0

    # -- public -------------------------------------------------------------------------------
    def frame_at(self, position_ms: int) -> DecodedFrame:
        """The picture on screen at ``position_ms`` (the last one starting at or before it)."""
        with self._lock:
            self._ensure_open()
            target = self._pts_at(position_ms)
            return self._frame_at_pts(target)

    def step(self, position_ms: int, frames: int) -> DecodedFrame:
        """The picture ``frames`` pictures after (negative: before) the one shown at
        ``position_ms``; stops at the first and the last picture."""
        with self._lock:
            self._ensure_open()
            current = self._frame_at_pts(self._pts_at(position_ms))
            result: DecodedFrame = current
            for _ in range(abs(frames)):
                following = self._next_after(result) if frames > 0 else self._before(result)
                if following is None:
                    break
                result = following
            return result

    def close(self) -> None:
        """Release the decoder and every cached picture (idempotent)."""
        with self._lock:
            self._reset()

    # -- internals (called with the lock held) ------------------------------------------------
    def _ensure_open(self) -> None:
        if self._container is None:
            self._container = self._opener()
            self._stream = self._container.streams.video[0]
            self._stream.thread_type = "AUTO"
            if self._stream.time_base is None:
                raise ValueError("video stream has no time base")
            width = int(self._stream.codec_context.width or 0)
            height = int(self._stream.codec_context.height or 0)
            per_frame = max(1, width * height * 3 // 2)
            self._limit = max(
                MIN_CACHE_FRAMES, min(MAX_CACHE_FRAMES, self._cache_bytes // per_frame)
            )

    def _reset(self) -> None:
        self._decoder = None
        self._cache.clear()
        self._ended = False
        if self._container is not None:
            self._container.close()
        self._container = None
        self._stream = None

    def _pts_at(self, position_ms: int) -> int:
        return pts_at(position_ms, self._stream.time_base)

    def _frame_at_pts(self, target: int) -> DecodedFrame:
        cache = self._cache
        if cache and cache[0].pts <= target:
            last = cache[-1]
            if target < last.pts or (self._ended and target >= last.pts):
                return self._cached_at(target)
            ahead_ms = (target - last.pts) * self._stream.time_base * 1000
            if ahead_ms <= DECODE_AHEAD_MS:
                found = self._decode_until(target)
                if found is not None:
                    return found
        return self._seek_and_decode(target)

    def _cached_at(self, target: int) -> DecodedFrame:
        chosen = self._cache[0]
        for item in self._cache:
            if item.pts > target:
                break
            chosen = item
        return chosen

    def _seek_and_decode(self, target: int) -> DecodedFrame:
        self.seeks += 1
        self._cache.clear()
        self._ended = False
        self._container.seek(target, stream=self._stream, backward=True, any_frame=False)
        self._decoder = self._container.decode(self._stream)
        found = self._decode_until(target)
        if found is None:
            if self._cache:
                return self._cache[-1]
            raise ValueError("no frame at this position")
        return found

    def _decode_until(self, target: int) -> DecodedFrame | None:
        """Decode on until the frame shown at ``target`` is known (the one after it has
        started, or the stream ended); None when nothing was decoded at or before it."""
        while True:
            item = self._decode_one()
            if item is None:
                self._ended = True
                break
            if item.pts > target:
                break
        candidates = [c for c in self._cache if c.pts <= target]
        return candidates[-1] if candidates else None

    def _decode_one(self) -> DecodedFrame | None:
        if self._decoder is None:
            return None
        for frame in self._decoder:
            if frame.pts is None:
                continue
            self.decoded += 1
            item = DecodedFrame(
                frame, int(frame.pts), frame_start_ms(int(frame.pts), self._stream.time_base)
            )
            if self._cache and item.pts <= self._cache[-1].pts:
                continue  # never out of order in the cache
            self._cache.append(item)
            if len(self._cache) > self._limit:
                del self._cache[0]
            return item
        self._decoder = None
        return None

    def _next_after(self, current: DecodedFrame) -> DecodedFrame | None:
        for index, item in enumerate(self._cache):
            if item.pts == current.pts and index + 1 < len(self._cache):
                return self._cache[index + 1]
        if self._cache and self._cache[-1].pts == current.pts:
            if self._ended:
                return None
            following = self._decode_one()
            if following is None:
                self._ended = True
            return following
        # Not in the cache any more: find it again, then decode one on.
        self._seek_and_decode(current.pts)
        return self._next_after(current) if self._cache else None

    def _before(self, current: DecodedFrame) -> DecodedFrame | None:
        for index, item in enumerate(self._cache):
            if item.pts == current.pts and index > 0:
                return self._cache[index - 1]
        if current.pts <= self._first_pts():
            return None
        # Seek to the keyframe before the previous picture and decode up to this one; the
        # cache then ends with the pictures just before it.
        self._seek_and_decode(current.pts - 1)
        candidates = [c for c in self._cache if c.pts < current.pts]
        return candidates[-1] if candidates else None

    def _first_pts(self) -> int:
        start = self._stream.start_time
        return int(start) if start is not None else 0
