"""The recording adapters, loaded on first use (as ``media.deferred`` does for playback).

The GUI builds a ``LiveRecordingService`` for every unlocked vault; PyAV, numpy and PortAudio
load only when the Opnemen page first lists devices or a recording is finished.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vknz_desktop.domain.models import MediaInfo
    from vknz_desktop.domain.ports import MediaStream
    from vknz_desktop.domain.recording_ports import (
        CaptureCallbacks,
        CaptureDevice,
        CapturePlan,
        CaptureSession,
        SeekableOutput,
    )
    from vknz_desktop.media.recorder.backend import LinuxCaptureBackend
    from vknz_desktop.media.recorder.finish import PyAvLiveFinisher

_lock = threading.Lock()


class DeferredCaptureBackend:
    """Implements ``CaptureBackend`` with a ``LinuxCaptureBackend`` made on first use."""

    def __init__(self) -> None:
        self._real: LinuxCaptureBackend | None = None

    def _backend(self) -> LinuxCaptureBackend:
        with _lock:
            if self._real is None:
                from vknz_desktop.media.recorder.backend import LinuxCaptureBackend

                self._real = LinuxCaptureBackend()
            return self._real

    def list_devices(self) -> list[CaptureDevice]:
        """See LinuxCaptureBackend.list_devices."""
        return self._backend().list_devices()

    def open(self, plan: CapturePlan, callbacks: CaptureCallbacks) -> CaptureSession:
        """See LinuxCaptureBackend.open."""
        return self._backend().open(plan, callbacks)


class DeferredLiveFinisher:
    """Implements ``LiveFinisher`` with a ``PyAvLiveFinisher`` made on first use."""

    def __init__(self) -> None:
        self._real: PyAvLiveFinisher | None = None

    def _finisher(self) -> PyAvLiveFinisher:
        with _lock:
            if self._real is None:
                from vknz_desktop.media.recorder.finish import PyAvLiveFinisher

                self._real = PyAvLiveFinisher()
            return self._real

    def remux(self, source: MediaStream, output: SeekableOutput) -> None:
        """See PyAvLiveFinisher.remux."""
        self._finisher().remux(source, output)

    def probe(self, stream: MediaStream) -> MediaInfo:
        """See PyAvLiveFinisher.probe."""
        return self._finisher().probe(stream)


__all__ = ["DeferredCaptureBackend", "DeferredLiveFinisher"]
