"""The PyAV adapters, loaded on first use.

PyAV (with its own FFmpeg) and numpy take a noticeable part of a cold start, and nothing before
the unlock dialog needs them. These stand-ins implement the same ports and import the real
adapter (``PyAvAnalyzer``, ``PyAvProber``, ``PyAvRemuxer``) the first time they are asked for
anything, from whichever thread asks first.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vknz_desktop.domain.models import MediaInfo
    from vknz_desktop.domain.ports import CancelToken, MediaStream, Thumbnail, VideoFrame
    from vknz_desktop.domain.review_ports import RemuxedFragment
    from vknz_desktop.media.analysis import PyAvAnalyzer
    from vknz_desktop.media.probe import PyAvProber
    from vknz_desktop.media.remux import PyAvRemuxer

_lock = threading.Lock()


class DeferredAnalyzer:
    """Implements MediaAnalyzer with a PyAvAnalyzer made on first use."""

    def __init__(self) -> None:
        self._real: PyAvAnalyzer | None = None

    def _analyzer(self) -> PyAvAnalyzer:
        with _lock:
            if self._real is None:
                from vknz_desktop.media.analysis import PyAvAnalyzer

                self._real = PyAvAnalyzer()
            return self._real

    def exact_frame(self, stream: MediaStream, position_ms: int) -> VideoFrame:
        """See PyAvAnalyzer.exact_frame."""
        return self._analyzer().exact_frame(stream, position_ms)

    def exact_step(
        self, stream: MediaStream, position_ms: int, frames: int
    ) -> tuple[VideoFrame, int]:
        """See PyAvAnalyzer.exact_step."""
        return self._analyzer().exact_step(stream, position_ms, frames)

    def close_stream(self, stream: MediaStream) -> None:
        """See PyAvAnalyzer.close_stream (nothing to do before PyAV was first used)."""
        if self._real is not None:
            self._real.close_stream(stream)

    def thumbnails(
        self, stream: MediaStream, count: int, width: int, cancelled: Callable[[], bool]
    ) -> list[Thumbnail]:
        """See PyAvAnalyzer.thumbnails."""
        return self._analyzer().thumbnails(stream, count, width, cancelled)

    def waveform(
        self, stream: MediaStream, buckets: int, cancelled: Callable[[], bool]
    ) -> list[float]:
        """See PyAvAnalyzer.waveform."""
        return self._analyzer().waveform(stream, buckets, cancelled)


class DeferredProber:
    """Implements MediaProber with a PyAvProber made on first use."""

    def __init__(self) -> None:
        self._real: PyAvProber | None = None

    def probe(self, path: Path) -> MediaInfo:
        """See PyAvProber.probe."""
        with _lock:
            if self._real is None:
                from vknz_desktop.media.probe import PyAvProber

                self._real = PyAvProber()
            prober = self._real
        return prober.probe(path)


class DeferredRemuxer:
    """Implements FragmentRemuxer with a PyAvRemuxer made on first use."""

    def __init__(self) -> None:
        self._real: PyAvRemuxer | None = None

    def remux(
        self,
        stream: MediaStream,
        start_ms: int,
        end_ms: int,
        *,
        progress: Callable[[int], None] | None = None,
        cancel: CancelToken | None = None,
    ) -> RemuxedFragment:
        """See PyAvRemuxer.remux."""
        with _lock:
            if self._real is None:
                from vknz_desktop.media.remux import PyAvRemuxer

                self._real = PyAvRemuxer()
            remuxer = self._real
        return remuxer.remux(stream, start_ms, end_ms, progress=progress, cancel=cancel)
