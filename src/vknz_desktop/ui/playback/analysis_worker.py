"""Thumbnails and waveform computed in a background thread, cached inside the vault.

The thread reads its own stream from the vault, checks a cancel flag often (a lock cancels it
within a fraction of a second), and hands results to the GUI thread with queued signals.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QImage

from vknz_desktop.domain.derived import (
    THUMBNAILS_KIND,
    WAVEFORM_KIND,
    decode_thumbnails,
    decode_waveform,
    encode_thumbnails,
    encode_waveform,
)
from vknz_desktop.domain.models import Recording
from vknz_desktop.domain.ports import MediaAnalyzer, MediaStream, OpenVault, Thumbnail

log = logging.getLogger(__name__)
THUMBNAIL_COUNT = 60
THUMBNAIL_WIDTH = 160
WAVEFORM_BUCKETS = 3000


class AnalysisWorker(QObject):
    """Computes (or loads from the vault cache) a recording's thumbnails and waveform."""

    thumbnailsReady = Signal(str, object)  # recording id, list[(ms, QImage)]
    waveformReady = Signal(str, object)  # recording id, list[float]
    progress = Signal(str, int)  # recording id, percent
    _done = Signal(str, str, object)

    def __init__(
        self,
        vault: OpenVault,
        analyzer: MediaAnalyzer,
        stream_factory: Callable[[str], MediaStream],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._vault = vault
        self._analyzer = analyzer
        self._stream_factory = stream_factory
        self._thread: threading.Thread | None = None
        self._cancel = threading.Event()
        self._done.connect(self._on_done)

    def start(self, recording: Recording) -> None:
        """Load cached results at once, compute what is missing in the background."""
        self.cancel()
        thumbs = self._vault.derived_media(recording.id, THUMBNAILS_KIND)
        wave = self._vault.derived_media(recording.id, WAVEFORM_KIND)
        if thumbs is not None:
            self.thumbnailsReady.emit(recording.id, _images(decode_thumbnails(thumbs)))
        if wave is not None:
            self.waveformReady.emit(recording.id, decode_waveform(wave))
        need_thumbs = thumbs is None and recording.media.has_video
        need_wave = wave is None and recording.media.has_audio
        if not (need_thumbs or need_wave):
            return
        self._cancel = threading.Event()
        cancel = self._cancel
        self._thread = threading.Thread(
            target=self._run,
            args=(recording.id, need_thumbs, need_wave, cancel),
            name="analysis",
            daemon=True,
        )
        self._thread.start()

    def cancel(self, wait: bool = True) -> None:
        """Stop the running job (if any) and wait for its thread to end."""
        self._cancel.set()
        thread, self._thread = self._thread, None
        if thread is not None and wait:
            thread.join(timeout=5)

    @property
    def busy(self) -> bool:
        """Whether a job is running."""
        return self._thread is not None and self._thread.is_alive()

    def _run(
        self, recording_id: str, need_thumbs: bool, need_wave: bool, cancel: threading.Event
    ) -> None:
        stream: MediaStream | None = None
        try:
            stream = self._stream_factory(recording_id)
            if need_wave and not cancel.is_set():
                peaks = self._analyzer.waveform(stream, WAVEFORM_BUCKETS, cancel.is_set)
                if peaks and not cancel.is_set():
                    self._done.emit(recording_id, WAVEFORM_KIND, peaks)
            if need_thumbs and not cancel.is_set():
                thumbs = self._analyzer.thumbnails(
                    stream, THUMBNAIL_COUNT, THUMBNAIL_WIDTH, cancel.is_set
                )
                if thumbs and not cancel.is_set():
                    self._done.emit(recording_id, THUMBNAILS_KIND, thumbs)
        except Exception:  # analysis is a nicety: never break the workspace over it
            if cancel.is_set():  # cancelled by closing its stream (lock, close): expected
                log.debug("analysis of recording %s cancelled", recording_id)
            else:
                log.warning("analysis of recording %s failed", recording_id, exc_info=True)
        finally:
            if stream is not None:
                stream.close()

    @Slot(str, str, object)
    def _on_done(self, recording_id: str, kind: str, result: object) -> None:
        if self._cancel.is_set() or not self._vault.is_open:
            return
        if kind == WAVEFORM_KIND:
            peaks = list(result)  # type: ignore[call-overload]
            self._vault.store_derived_media(recording_id, kind, encode_waveform(peaks))
            self.waveformReady.emit(recording_id, peaks)
        else:
            thumbs: list[Thumbnail] = list(result)  # type: ignore[call-overload]
            self._vault.store_derived_media(recording_id, kind, encode_thumbnails(thumbs))
            self.thumbnailsReady.emit(recording_id, _images(thumbs))


def _images(thumbnails: list[Thumbnail]) -> list[tuple[int, QImage]]:
    result = []
    for thumb in thumbnails:
        image = QImage.fromData(thumb.jpeg)
        if not image.isNull():
            result.append((thumb.time_ms, image))
    return result
