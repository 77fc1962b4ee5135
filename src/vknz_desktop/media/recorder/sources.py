"""Capture sources: sound from PortAudio (sounddevice) or a lavfi graph, pictures from V4L2 or
a lavfi graph (PyAV). Each runs in its own thread and hands blocks to a callback with the
monotonic time of their arrival; nothing is written anywhere.

A device id ``lavfi:<graph>`` opens an FFmpeg filter graph as the device, for tests and
demonstrations without hardware; put ``realtime`` (pictures) or ``arealtime`` (sound) in the
graph so it runs at real speed.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

import av
import numpy as np

from vknz_desktop.domain.errors import KnownError

log = logging.getLogger(__name__)

LAVFI_PREFIX = "lavfi:"
SAMPLE_RATE = 48000
AUDIO_BLOCK = 960  # 20 ms

#: (samples as float32 mono, monotonic arrival time)
AudioCallback = Callable[[np.ndarray, float], None]
#: (PyAV video frame, its source time in seconds or None, monotonic arrival time)
VideoCallback = Callable[[Any, float | None, float], None]
ErrorCallback = Callable[[str], None]


class CaptureError(KnownError):
    """A device could not be opened or stopped delivering."""


def _lavfi_graph(device: str) -> str:
    graph = device[len(LAVFI_PREFIX) :].strip()
    if not graph:
        raise CaptureError("Geef na 'lavfi:' een filtergrafiek op, bijvoorbeeld 'lavfi:sine'.")
    return graph


class _Thread:
    """A source thread that stops when asked (``stop`` waits for it)."""

    def __init__(self, name: str) -> None:
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._guarded, name=name, daemon=True)
        self._on_error: ErrorCallback | None = None

    def start(self, on_error: ErrorCallback) -> None:
        self._on_error = on_error
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout=5)

    def _guarded(self) -> None:
        try:
            self._run()
        except Exception as error:  # a device that went away: tell the session, not a crash
            if not self._stop.is_set():
                log.warning("capture source stopped: %s", type(error).__name__)
                if self._on_error is not None:
                    self._on_error(_describe(error))

    def _run(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


def _describe(error: Exception) -> str:
    if isinstance(error, KnownError):
        return error.message
    return f"Het apparaat leverde geen beeld of geluid meer ({type(error).__name__})."


class LavfiAudioSource(_Thread):
    """Sound from an FFmpeg filter graph, resampled to 48 kHz mono float."""

    def __init__(self, device: str, callback: AudioCallback) -> None:
        super().__init__("vknz-audio-lavfi")
        self._graph = _lavfi_graph(device)
        self._callback = callback
        try:
            self._container = av.open(self._graph, format="lavfi")
        except (av.FFmpegError, ValueError) as error:
            raise CaptureError(
                f"De geluidsbron '{device}' kan niet worden geopend ({error})."
            ) from error
        if not self._container.streams.audio:
            self._container.close()
            raise CaptureError(f"De bron '{device}' geeft geen geluid.")

    def _run(self) -> None:
        resampler = av.AudioResampler(format="flt", layout="mono", rate=SAMPLE_RATE)
        try:
            for frame in self._container.decode(audio=0):
                if self._stop.is_set():
                    break
                arrival = time.monotonic()
                for out in resampler.resample(frame):
                    self._callback(out.to_ndarray().reshape(-1).astype(np.float32), arrival)
        finally:
            self._container.close()


class SoundDeviceSource:
    """Sound from a microphone through PortAudio, 48 kHz mono float, 20 ms blocks."""

    def __init__(self, device: str | None, callback: AudioCallback) -> None:
        sd = import_sounddevice()
        self._callback = callback
        self._on_error: ErrorCallback | None = None
        selector: int | str | None = None
        if device is not None:
            selector = int(device) if device.strip().isdigit() else device
        try:
            self._stream = sd.InputStream(
                samplerate=SAMPLE_RATE,
                channels=1,
                dtype="float32",
                blocksize=AUDIO_BLOCK,
                device=selector,
                callback=self._deliver,
                finished_callback=self._finished,
            )
        except (sd.PortAudioError, ValueError) as error:
            raise CaptureError(
                f"De microfoon '{device or 'standaard'}' kan niet worden geopend ({error})."
            ) from error
        self._stopping = False

    def start(self, on_error: ErrorCallback) -> None:
        self._on_error = on_error
        self._stream.start()

    def stop(self) -> None:
        self._stopping = True
        with contextlib.suppress(Exception):
            self._stream.stop()
        with contextlib.suppress(Exception):
            self._stream.close()

    def _deliver(self, indata: np.ndarray, frames: int, when: Any, status: Any) -> None:
        self._callback(indata[:, 0].copy(), time.monotonic())

    def _finished(self) -> None:
        if not self._stopping and self._on_error is not None:
            self._on_error("De microfoon leverde geen geluid meer (losgekoppeld?).")


class PyAvVideoSource(_Thread):
    """Pictures from a V4L2 camera (``/dev/videoN``) or a lavfi graph."""

    def __init__(
        self, device: str, callback: VideoCallback, width: int, height: int, rate: int
    ) -> None:
        super().__init__("vknz-video")
        self._callback = callback
        try:
            if device.startswith(LAVFI_PREFIX):
                self._container = av.open(_lavfi_graph(device), format="lavfi")
            else:
                self._container = _open_v4l2(device, width, height, rate)
        except (av.FFmpegError, OSError, ValueError) as error:
            raise CaptureError(
                f"De camera '{device}' kan niet worden geopend ({error})."
            ) from error
        if not self._container.streams.video:
            self._container.close()
            raise CaptureError(f"De bron '{device}' geeft geen beeld.")

    def _run(self) -> None:
        stream = self._container.streams.video[0]
        try:
            for frame in self._container.decode(stream):
                if self._stop.is_set():
                    break
                arrival = time.monotonic()
                source = float(frame.time) if frame.time is not None else None
                self._callback(frame, source, arrival)
        finally:
            self._container.close()


def _open_v4l2(device: str, width: int, height: int, rate: int) -> Any:
    wanted = {"video_size": f"{width}x{height}", "framerate": str(rate)}
    try:
        return av.open(device, format="video4linux2", options=wanted)
    except av.FFmpegError:
        return av.open(device, format="video4linux2")  # what the camera offers


def import_sounddevice() -> Any:
    """sounddevice, or a clear message when PortAudio is missing."""
    try:
        import sounddevice
    except OSError as error:  # the PortAudio library is not installed
        raise CaptureError(
            "De geluidsbibliotheek PortAudio ontbreekt (Debian/Ubuntu: libportaudio2); "
            "zonder kan er geen microfoon worden gebruikt."
        ) from error
    return sounddevice
