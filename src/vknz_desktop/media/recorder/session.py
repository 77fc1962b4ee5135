"""A capture session: open devices (preview and sound level first), then encoding into the
vault's live file while recording.

Threads: each source delivers in its own thread; one muxer thread owns the PyAV output
(H.264 by libx264 at 720p, Opus, in live Matroska written as it is produced into the sink: no
plaintext file, no temporary file). Pictures are stamped with the recording clock; sound is
kept in step with it by ``DriftCorrector``. When the muxer falls behind, pictures are dropped
(sound never).
"""

from __future__ import annotations

import contextlib
import logging
import math
import queue
import threading
from fractions import Fraction
from typing import Any

import av
import numpy as np

from vknz_desktop.domain.ports import VideoFrame
from vknz_desktop.domain.recording_ports import CaptureCallbacks, CapturePlan, MediaSink
from vknz_desktop.media.recorder.clock import DriftCorrector, RecordingClock, SourceTimeline
from vknz_desktop.media.recorder.sources import (
    AUDIO_BLOCK,
    LAVFI_PREFIX,
    SAMPLE_RATE,
    CaptureError,
    LavfiAudioSource,
    PyAvVideoSource,
    SoundDeviceSource,
)

log = logging.getLogger(__name__)

MS = Fraction(1, 1000)
#: Live Matroska: every packet is written at once; clusters of at most half a second.
MUXER_OPTIONS = {"live": "1", "cluster_time_limit": "500", "flush_packets": "1"}
#: Sensible for a 1–2 hour conversation on a laptop: ~1–2 Mbit/s for a talking scene.
X264_OPTIONS = {
    "preset": "veryfast",
    "crf": "24",
    "g": "50",  # a keyframe every 2 s: quick seeking, little lost after a crash
    "bf": "0",
    "rc-lookahead": "10",
}
PREVIEW_WIDTH = 480
PREVIEW_EVERY = 0.2
LEVEL_EVERY = 0.1
MAX_QUEUED_FRAMES = 50  # 2 s of pictures


class _SinkFile:
    """What PyAV writes into: only ``write`` (no seek), so the muxer writes a live stream."""

    def __init__(self, sink: MediaSink) -> None:
        self._sink = sink

    def write(self, data: bytes) -> int:
        self._sink.write(data)
        return len(data)


class LinuxCaptureSession:
    """Implements ``domain.recording_ports.CaptureSession``."""

    def __init__(self, plan: CapturePlan, callbacks: CaptureCallbacks) -> None:
        self._plan = plan
        self._callbacks = callbacks
        self._clock = RecordingClock()
        self._queue: queue.Queue[tuple[str, Any, float]] = queue.Queue()
        self._recording = threading.Event()
        self._failure: str | None = None
        self._closed = False
        self._mux_thread: threading.Thread | None = None
        self._mux_error: BaseException | None = None
        self._timeline = SourceTimeline()
        self._last_preview = 0.0
        self._level_peak = 0.0
        self._level_since = 0.0
        self._queued_frames = 0
        self._lock = threading.Lock()
        self.dropped_frames = 0
        self._safe_ms = 0
        self._muxed_ms = {"v": 0, "a": 0}
        self._audio = self._open_audio(plan.audio_device)
        self._video: PyAvVideoSource | None = None
        try:
            if plan.video_device is not None:  # audio only never opens the camera
                self._video = PyAvVideoSource(
                    plan.video_device, self._on_video, plan.width, plan.height, plan.frame_rate
                )
        except BaseException:
            self._audio.stop()
            raise
        self._audio.start(self._fail)
        if self._video is not None:
            self._video.start(self._fail)

    # -- CaptureSession ------------------------------------------------------------------------
    @property
    def plan(self) -> CapturePlan:
        return self._plan

    @property
    def paused(self) -> bool:
        return self._clock.paused

    @property
    def failure(self) -> str | None:
        return self._failure

    def start(self, sink: MediaSink) -> None:
        if self._mux_thread is not None:
            raise ValueError("already recording")
        muxer = _Muxer(sink, self._plan)
        self._clock.start()
        self._mux_thread = threading.Thread(
            target=self._mux_loop, args=(muxer,), name="vknz-mux", daemon=True
        )
        self._mux_thread.start()
        self._recording.set()

    def pause(self) -> None:
        self._clock.pause()

    def resume(self) -> None:
        self._timeline.reset()
        self._clock.resume()

    def elapsed_ms(self) -> int:
        return self._clock.ms()

    def safe_ms(self) -> int:
        return self._safe_ms

    def stop(self) -> int:
        self._recording.clear()
        elapsed = self._clock.ms()
        self._stop_sources()
        thread = self._mux_thread
        if thread is not None:
            self._queue.put(("stop", None, 0.0))
            thread.join()
            self._mux_thread = None
        if self._mux_error is not None:
            error = self._mux_error
            self._mux_error = None
            raise error
        return max(elapsed, self._muxed_ms["v"], self._muxed_ms["a"])

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._recording.clear()
        self._stop_sources()
        if self._mux_thread is not None:
            self._queue.put(("stop", None, 0.0))
            self._mux_thread.join(timeout=10)
            self._mux_thread = None

    # -- sources -------------------------------------------------------------------------------
    def _open_audio(self, device: str | None) -> Any:
        if device is not None and device.startswith(LAVFI_PREFIX):
            return LavfiAudioSource(device, self._on_audio)
        return SoundDeviceSource(device, self._on_audio)

    def _stop_sources(self) -> None:
        if self._video is not None:
            self._video.stop()
        self._audio.stop()

    def _fail(self, message: str) -> None:
        if self._failure is None:
            self._failure = message
            if self._callbacks.on_error is not None:
                self._callbacks.on_error(message)

    def _on_audio(self, samples: np.ndarray, arrival: float) -> None:
        if samples.size:
            peak = float(np.max(np.abs(samples)))
            self._level_peak = max(self._level_peak, peak)
            if arrival - self._level_since >= LEVEL_EVERY:
                level = 20 * math.log10(self._level_peak) if self._level_peak > 0 else -90.0
                self._level_peak = 0.0
                self._level_since = arrival
                if self._callbacks.on_level is not None:
                    self._callbacks.on_level(max(-90.0, min(0.0, level)))
        if self._recording.is_set() and not self._clock.paused:
            self._queue.put(("a", samples, self._clock.seconds(arrival)))

    def _on_video(self, frame: Any, source_seconds: float | None, arrival: float) -> None:
        if self._callbacks.on_preview is not None and arrival - self._last_preview >= PREVIEW_EVERY:
            self._last_preview = arrival
            self._callbacks.on_preview(_preview(frame))
        if not self._recording.is_set() or self._clock.paused:
            return
        with self._lock:
            if self._queued_frames >= MAX_QUEUED_FRAMES:
                self.dropped_frames += 1
                return
            self._queued_frames += 1
        placed = self._timeline.place(source_seconds, self._clock.seconds(arrival))
        self._queue.put(("v", frame, placed))

    # -- muxer thread --------------------------------------------------------------------------
    def _mux_loop(self, muxer: _Muxer) -> None:
        try:
            while True:
                kind, payload, seconds = self._queue.get()
                if kind == "stop":
                    break
                if kind == "v":
                    with self._lock:
                        self._queued_frames -= 1
                    self._muxed_ms["v"] = muxer.video(payload, seconds)
                else:
                    self._muxed_ms["a"] = muxer.audio(payload, seconds)
                done = [ms for key, ms in self._muxed_ms.items() if muxer.has(key)]
                # The bytes handed over hold what was muxed, less what the encoder holds back.
                self._safe_ms = max(0, min(done) - 1000) if done else 0
            muxer.finish()
        except BaseException as error:
            self._mux_error = error
            self._fail(
                f"Het opnemen is gestopt door een fout bij het versleuteld wegschrijven ({error})."
            )
            with contextlib.suppress(Exception):
                muxer.abort()


class _Muxer:
    """The PyAV output: encoders and the live Matroska muxer writing into the sink."""

    def __init__(self, sink: MediaSink, plan: CapturePlan) -> None:
        self._plan = plan
        self._out = av.open(
            _SinkFile(sink), mode="w", format="matroska", container_options=MUXER_OPTIONS
        )
        self._video: Any = None
        if not plan.audio_only:
            options = dict(X264_OPTIONS)
            options["maxrate"] = str(plan.video_bitrate)
            options["bufsize"] = str(plan.video_bitrate * 2)
            self._video = self._out.add_stream("libx264", rate=plan.frame_rate, options=options)
            self._video.width = plan.width
            self._video.height = plan.height
            self._video.pix_fmt = "yuv420p"
            self._video.codec_context.time_base = MS
            self._video.codec_context.thread_count = 2
        self._audio = self._out.add_stream("libopus", rate=SAMPLE_RATE)
        self._audio.layout = "mono"
        self._audio.bit_rate = plan.audio_bitrate
        self._audio.format = "flt"
        self._pending = np.zeros(0, dtype=np.float32)
        self._audio_pts: int | None = None  # samples
        self._drift = DriftCorrector(SAMPLE_RATE)
        self._last_video_ms = -1

    def has(self, kind: str) -> bool:
        return kind == "a" or self._video is not None

    def video(self, frame: Any, seconds: float) -> int:
        ms = max(self._last_video_ms + 1, int(seconds * 1000))
        self._last_video_ms = ms
        picture = frame.reformat(width=self._plan.width, height=self._plan.height, format="yuv420p")
        picture.pts = ms
        picture.time_base = MS
        for packet in self._video.encode(picture):
            self._out.mux(packet)
        return ms

    def audio(self, samples: np.ndarray, seconds_at_end: float) -> int:
        if self._audio_pts is None:
            start = max(0.0, seconds_at_end - samples.size / SAMPLE_RATE)
            self._audio_pts = round(start * SAMPLE_RATE)
        produced = self._audio_pts + self._pending.size
        change = self._drift.adjust(produced, seconds_at_end, samples.size)
        if change > 0:
            samples = np.concatenate(
                [samples, samples[-change:] if samples.size else np.zeros(change, np.float32)]
            )
        elif change < 0:
            samples = samples[: samples.size + change]
        self._pending = np.concatenate([self._pending, samples.astype(np.float32, copy=False)])
        while self._pending.size >= AUDIO_BLOCK:
            self._encode_audio(self._pending[:AUDIO_BLOCK])
            self._pending = self._pending[AUDIO_BLOCK:]
        return int(self._audio_pts * 1000 // SAMPLE_RATE)

    def _encode_audio(self, block: np.ndarray) -> None:
        frame = av.AudioFrame.from_ndarray(block.reshape(1, -1), format="flt", layout="mono")
        frame.sample_rate = SAMPLE_RATE
        frame.pts = self._audio_pts
        frame.time_base = Fraction(1, SAMPLE_RATE)
        assert self._audio_pts is not None
        self._audio_pts += block.size
        for packet in self._audio.encode(frame):
            self._out.mux(packet)

    def finish(self) -> None:
        if self._pending.size and self._audio_pts is not None:
            block = np.zeros(AUDIO_BLOCK, dtype=np.float32)
            block[: self._pending.size] = self._pending
            self._encode_audio(block)
        self._pending = np.zeros(0, dtype=np.float32)
        if self._video is not None:
            for packet in self._video.encode(None):
                self._out.mux(packet)
        for packet in self._audio.encode(None):
            self._out.mux(packet)
        self._out.close()

    def abort(self) -> None:
        self._out.close()


def _preview(frame: Any) -> VideoFrame:
    width = min(PREVIEW_WIDTH, frame.width)
    height = max(2, round(frame.height * width / frame.width) // 2 * 2)
    picture = frame.reformat(width=width, height=height, format="bgra")
    plane = picture.planes[0]
    return VideoFrame(width, height, plane.line_size, bytes(plane))


__all__ = ["CaptureError", "LinuxCaptureSession"]
