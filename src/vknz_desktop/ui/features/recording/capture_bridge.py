"""From the capture threads to the GUI thread: sound level, preview pictures, device errors,
elapsed time and disk warnings arrive as queued Qt signals.

The callbacks run on the capture and monitor threads (``CaptureCallbacks``, ``RecorderEvents``);
each only emits a signal of this bridge, which lives on the GUI thread as long as the page
(never deleted while a recorder may call it). A picture is turned into a ``QImage`` on the
capture thread, so the GUI thread only paints it; only the newest picture is kept when the GUI
falls behind.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage

from vknz_desktop.domain.ports import VideoFrame
from vknz_desktop.domain.recording_ports import CaptureCallbacks, DiskStatus
from vknz_desktop.services.live_recording import RecorderEvents


def frame_image(frame: VideoFrame) -> QImage:
    """A picture from the capture (B, G, R, X bytes) as a QImage that owns its pixels."""
    data = bytes(frame.data)
    image = QImage(data, frame.width, frame.height, frame.stride, QImage.Format.Format_RGB32)
    return image.copy()


class CaptureBridge(QObject):
    """Signals on the GUI thread for what the recorder reports from its threads."""

    levelChanged = Signal(float)  # dBFS, -90 … 0
    previewChanged = Signal(QImage)
    deviceFailed = Signal(str)
    elapsedChanged = Signal(int)  # ms of recording, pauses left out
    diskWarning = Signal(object)  # DiskStatus
    mustStop = Signal(str)  # a Dutch reason: the page stops and keeps what was recorded

    _picture = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._latest: QImage | None = None
        self._picture.connect(self._deliver_picture, Qt.ConnectionType.QueuedConnection)

    def callbacks(self) -> CaptureCallbacks:
        """For ``LiveRecordingService.prepare``: level, preview pictures, device errors."""
        return CaptureCallbacks(
            on_level=self.levelChanged.emit,
            on_preview=self._on_preview,
            on_error=self.deviceFailed.emit,
        )

    def events(self) -> RecorderEvents:
        """For ``LiveRecordingService.prepare``: elapsed time, disk warnings, forced stop."""
        return RecorderEvents(
            on_elapsed=self.elapsedChanged.emit,
            on_disk_warning=self._on_disk_warning,
            on_must_stop=self.mustStop.emit,
        )

    def _on_preview(self, frame: VideoFrame) -> None:  # a capture thread
        image = frame_image(frame)
        with self._lock:
            waiting = self._latest is not None
            self._latest = image
        if not waiting:
            self._picture.emit()

    def _deliver_picture(self) -> None:  # the GUI thread
        with self._lock:
            image, self._latest = self._latest, None
        if image is not None:
            self.previewChanged.emit(image)

    def _on_disk_warning(self, status: DiskStatus) -> None:
        self.diskWarning.emit(status)

    def forget_picture(self) -> None:
        """Drop a picture not shown yet (the page closes or locks)."""
        with self._lock:
            self._latest = None


__all__ = ["CaptureBridge", "frame_image"]
