"""One clock for sound and picture while recording.

``RecordingClock`` is the monotonic clock with pauses taken out: the time of a frame, a sound
block and a marker all come from it. Video frames are stamped with it (through their source's
own timestamps, re-anchored when the two disagree). Sound is a stream of samples, so its time
is the sample count; ``DriftCorrector`` keeps that count within a few tens of milliseconds of
the clock (a sound card's crystal may run 0.005 % fast or slow: 360 ms over two hours) by
dropping or repeating one millisecond of sound now and then.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class RecordingClock:
    """Milliseconds of recording: monotonic time since ``start``, pauses left out."""

    def __init__(self, now: Callable[[], float] = time.monotonic) -> None:
        self._now = now
        self._lock = threading.Lock()
        self._started: float | None = None
        self._paused_at: float | None = None
        self._paused_total = 0.0

    def start(self) -> None:
        with self._lock:
            self._started = self._now()
            self._paused_at = None
            self._paused_total = 0.0

    @property
    def started(self) -> bool:
        return self._started is not None

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    def pause(self) -> None:
        with self._lock:
            if self._started is not None and self._paused_at is None:
                self._paused_at = self._now()

    def resume(self) -> None:
        with self._lock:
            if self._paused_at is not None:
                self._paused_total += self._now() - self._paused_at
                self._paused_at = None

    def seconds(self, at: float | None = None) -> float:
        """Recording seconds at monotonic time ``at`` (default: now)."""
        with self._lock:
            if self._started is None:
                return 0.0
            moment = self._now() if at is None else at
            if self._paused_at is not None:
                moment = min(moment, self._paused_at)
            return max(0.0, moment - self._started - self._paused_total)

    def ms(self) -> int:
        return int(self.seconds() * 1000)


class SourceTimeline:
    """Maps a source's own timestamps onto the recording clock.

    The first frame is placed at the clock's time of its arrival; later frames keep the
    source's spacing (smooth), unless the two drift more than ``tolerance`` apart (a stalled
    source, a pause): then the mapping is anchored again.
    """

    def __init__(self, tolerance: float = 0.1) -> None:
        self._tolerance = tolerance
        self._offset: float | None = None
        self._last = -1.0

    def reset(self) -> None:
        self._offset = None

    def place(self, source_seconds: float | None, clock_seconds: float) -> float:
        """Recording seconds of a frame stamped ``source_seconds``, arrived at ``clock_seconds``."""
        if source_seconds is None:
            placed = clock_seconds
        else:
            if self._offset is None or abs(source_seconds + self._offset - clock_seconds) > (
                self._tolerance
            ):
                self._offset = clock_seconds - source_seconds
            placed = source_seconds + self._offset
        placed = max(placed, self._last + 0.001)  # strictly increasing
        self._last = placed
        return placed


class DriftCorrector:
    """Keeps a sample stream in step with the recording clock.

    ``adjust(samples_so_far, clock_seconds_at_block_end, block)`` returns how many samples to
    add (>0, repeat) or drop (<0) from this block. The lag (clock minus sample time) is summed
    up per ``window`` as its minimum: sound never arrives before it was captured, so the
    minimum is the device's fixed latency, unmoved by late blocks or by a source that delivers
    in bursts. The first window's minimum is the baseline; when a later window's minimum moves
    more than ``threshold`` away from it, the difference is corrected over the next blocks,
    ``step`` at a time (a millisecond: inaudible in speech).
    """

    def __init__(
        self,
        rate: int,
        *,
        window: float = 10.0,
        threshold: float = 0.03,
        step: float = 0.001,
    ) -> None:
        self._rate = rate
        self._window = window
        self._threshold = threshold
        self._step = max(1, round(step * rate))
        self._baseline: float | None = None
        self._window_min = float("inf")
        self._window_seen = 0.0
        self._pending = 0
        self.corrected_samples = 0

    def adjust(self, samples_before: int, clock_seconds: float, block: int) -> int:
        lag = clock_seconds - (samples_before + block) / self._rate
        if self._pending:
            change = max(-self._step, min(self._step, self._pending))
            change = max(change, -block)
            self._pending -= change
            self.corrected_samples += change
            if not self._pending:  # measure afresh once the correction is done
                self._window_min = float("inf")
                self._window_seen = 0.0
            return change
        self._window_min = min(self._window_min, lag)
        self._window_seen += block / self._rate
        if self._window_seen < self._window:
            return 0
        low = self._window_min
        self._window_min = float("inf")
        self._window_seen = 0.0
        if self._baseline is None:
            self._baseline = low
            return 0
        deviation = low - self._baseline
        if abs(deviation) > self._threshold:
            # Positive: sound runs behind the clock, so repeat a little; negative: drop.
            self._pending = round(deviation * self._rate)
        return 0
