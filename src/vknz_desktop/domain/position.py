"""A smooth playback position from libVLC's coarse clock and our own monotonic clock.

libVLC's ``get_time()`` moves in steps of about 250 ms and can be stale. Between its updates we
extrapolate with a monotonic clock; when it reports something new we steer gently towards it,
and jump only when the difference is large (a seek, a stall). While playing, the shown position
never moves backwards by small amounts, so the display does not jitter.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

JUMP_THRESHOLD_MS = 400
CORRECTION = 0.5


class PositionClock:
    """Interpolated playback position in milliseconds."""

    def __init__(self, now: Callable[[], float] = time.monotonic) -> None:
        self._now = now
        self._anchor_ms = 0.0
        self._anchor_time = now()
        self._playing = False
        self._rate = 1.0
        self._duration_ms: int | None = None
        self._last_reported: int | None = None
        self._last_shown = 0

    @property
    def playing(self) -> bool:
        """Whether the clock is running."""
        return self._playing

    def set_duration(self, duration_ms: int | None) -> None:
        """Clamp positions to ``[0, duration_ms]`` when known."""
        self._duration_ms = duration_ms if duration_ms and duration_ms > 0 else None

    def set_playing(self, playing: bool) -> None:
        """Start or stop extrapolating, keeping the current position."""
        if playing == self._playing:
            return
        self._anchor_ms = self._raw()
        self._anchor_time = self._now()
        self._playing = playing

    def set_rate(self, rate: float) -> None:
        """Playback speed; keeps the current position."""
        self._anchor_ms = self._raw()
        self._anchor_time = self._now()
        self._rate = max(0.0, rate)

    def jump(self, position_ms: int) -> None:
        """A deliberate move (seek, frame step): show exactly this position from now on."""
        self._anchor_ms = float(self._clamp(position_ms))
        self._anchor_time = self._now()
        self._last_shown = int(self._anchor_ms)
        self._last_reported = None

    def report(self, reported_ms: int) -> None:
        """A position reported by the player (ignored when negative, i.e. unknown)."""
        if reported_ms < 0 or reported_ms == self._last_reported:
            return
        self._last_reported = reported_ms
        predicted = self._raw()
        difference = reported_ms - predicted
        if not self._playing or abs(difference) > JUMP_THRESHOLD_MS:
            self._anchor_ms = float(reported_ms)
            if abs(difference) > JUMP_THRESHOLD_MS:
                self._last_shown = self._clamp(reported_ms)
        else:
            self._anchor_ms = predicted + difference * CORRECTION
        self._anchor_time = self._now()

    def position(self) -> int:
        """The position to show now."""
        value = self._clamp(round(self._raw()))
        if self._playing:
            value = max(value, self._last_shown)
        self._last_shown = value
        return value

    def _raw(self) -> float:
        if not self._playing:
            return self._anchor_ms
        return self._anchor_ms + (self._now() - self._anchor_time) * 1000.0 * self._rate

    def _clamp(self, value: float) -> int:
        upper = self._duration_ms if self._duration_ms is not None else None
        result = max(0, int(value))
        return min(result, upper) if upper is not None else result


def frame_step_position(position_ms: int, frames: int, fps: float) -> int:
    """Where a step of ``frames`` frames (negative: back) from ``position_ms`` lands: the first
    whole millisecond of the target frame, counted in frames of a constant ``fps``.

    Adding a rounded frame length instead drifts (33 ms steps at 30 fps land in the same frame
    now and then), so a step could move the clock but not the picture.
    """
    rate = fps if fps > 0 else 25.0
    index = math.floor(max(0, position_ms) * rate / 1000 + 1e-6)
    target = max(0, index + frames)
    return max(0, math.ceil(target * 1000 / rate - 1e-6))
