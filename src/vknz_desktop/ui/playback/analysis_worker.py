"""Thumbnails and waveform computed in a background thread, cached inside the vault.

A ``BackgroundJob`` reads its own stream from the vault, checks its cancel token often (a lock
cancels it within a fraction of a second), and hands each result to the GUI thread as it comes.
Its thread runs at the lowest CPU priority (``ANALYSIS_NICE``; the decoder threads PyAV starts
from it inherit that), so playback keeps the processor when both want it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Callable
from typing import Any, cast

from PySide6.QtCore import QObject, Signal
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
from vknz_desktop.ui.common.jobs import BackgroundJob, JobHandle

log = logging.getLogger(__name__)
THUMBNAIL_COUNT = 60
THUMBNAIL_WIDTH = 160
WAVEFORM_BUCKETS = 3000
#: The nice value of the analysis thread (Linux: per thread; 19 is the lowest priority).
ANALYSIS_NICE = 19


def lower_this_threads_priority(nice: int = ANALYSIS_NICE) -> None:
    """Give the calling thread (not the whole process) the lowest CPU priority, where the
    system allows it (Linux: a thread is a task with a nice value of its own)."""
    set_priority = getattr(os, "setpriority", None)
    if set_priority is None:
        return
    with contextlib.suppress(OSError):
        set_priority(os.PRIO_PROCESS, threading.get_native_id(), nice)


class AnalysisWorker(QObject):
    """Computes (or loads from the vault cache) a recording's thumbnails and waveform."""

    thumbnailsReady = Signal(str, object)  # recording id, list[(ms, QImage)]
    waveformReady = Signal(str, object)  # recording id, list[float]

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
        self._job: BackgroundJob[None] | None = None

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
        recording_id = recording.id
        job: BackgroundJob[None] = BackgroundJob(
            lambda handle: self._run(handle, recording_id, need_thumbs, need_wave),
            name="analysis",
            parent=self,
        )
        job.published.connect(lambda result: self._on_result(job, recording_id, result))
        job.finished.connect(job.deleteLater)
        self._job = job
        job.start()

    def cancel(self, wait: bool = True) -> None:
        """Stop the running job (if any) and wait for its thread to end."""
        job, self._job = self._job, None
        if job is None:
            return
        job.cancel()
        if wait:
            job.wait(timeout_s=5)

    @property
    def busy(self) -> bool:
        """Whether a job is running."""
        return self._job is not None and self._job.running

    def _run(
        self, handle: JobHandle, recording_id: str, need_thumbs: bool, need_wave: bool
    ) -> None:
        """Runs on the worker thread; results go out one by one (``publish``)."""
        stream: MediaStream | None = None
        cancelled = handle.is_cancelled
        lower_this_threads_priority()
        try:
            stream = self._stream_factory(recording_id)
            if need_wave and not cancelled():
                peaks = self._analyzer.waveform(stream, WAVEFORM_BUCKETS, cancelled)
                if peaks and not cancelled():
                    handle.publish((WAVEFORM_KIND, peaks))
            if need_thumbs and not cancelled():
                thumbs = self._analyzer.thumbnails(
                    stream, THUMBNAIL_COUNT, THUMBNAIL_WIDTH, cancelled
                )
                if thumbs and not cancelled():
                    handle.publish((THUMBNAILS_KIND, thumbs))
        except Exception:  # analysis is a nicety: never break the workspace over it
            if cancelled():  # cancelled by closing its stream (lock, close): expected
                log.debug("analysis of recording %s cancelled", recording_id)
            else:
                log.warning("analysis of recording %s failed", recording_id, exc_info=True)
        finally:
            if stream is not None:
                stream.close()

    def _on_result(self, job: BackgroundJob[None], recording_id: str, result: object) -> None:
        if job.cancelled or not self._vault.is_open:
            return
        kind, value = cast("tuple[str, list[Any]]", result)
        if kind == WAVEFORM_KIND:
            peaks: list[float] = list(value)
            self._vault.store_derived_media(recording_id, kind, encode_waveform(peaks))
            self.waveformReady.emit(recording_id, peaks)
        else:
            thumbs: list[Thumbnail] = list(value)
            self._vault.store_derived_media(recording_id, kind, encode_thumbnails(thumbs))
            self.thumbnailsReady.emit(recording_id, _images(thumbs))


def _images(thumbnails: list[Thumbnail]) -> list[tuple[int, QImage]]:
    result = []
    for thumb in thumbnails:
        image = QImage.fromData(thumb.jpeg)
        if not image.isNull():
            result.append((thumb.time_ms, image))
    return result
