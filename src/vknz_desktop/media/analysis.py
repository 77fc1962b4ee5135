"""PyAV analysis of a recording read from the vault stream: exact frames, thumbnails, waveform.

Everything happens in memory; results are returned to the caller, who caches them inside the
vault. Long jobs check ``cancelled()`` often so the GUI can stop them at once (e.g. at a lock).
"""

from __future__ import annotations

import io
import threading
import time
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import av
import numpy as np

from vknz_desktop.domain.ports import MediaStream, Thumbnail, VideoFrame
from vknz_desktop.media.frames import DecodedFrame, FrameNavigator

WAVEFORM_RATE = 8000
#: Wall-clock limits: a broken or hostile file cannot keep the analysis busy for ever. What was
#: made until then is returned (fewer thumbnails; the waveform as far as it got).
THUMBNAILS_SECONDS = 30.0
WAVEFORM_SECONDS = 120.0
#: Pictures larger than this are not decoded for analysis (see media.probe.MAX_PIXELS).
MAX_FRAME_PIXELS = 7680 * 4320
#: Streams whose decoder and recent pictures are kept open (the player and a compare view).
KEPT_NAVIGATORS = 2


class _StreamFile(io.RawIOBase):
    """A private file-like cursor over a MediaStream, so PyAV never shares a position."""

    def __init__(self, stream: MediaStream) -> None:
        super().__init__()
        self._stream = stream
        self._position = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if getattr(self._stream, "closed", False):
            return 0  # closed to cancel the analysis: end of file, not an error to print
        data = self._stream.read_at(self._position, len(buffer))
        buffer[: len(data)] = data
        self._position += len(data)
        return len(data)

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        if whence == io.SEEK_SET:
            self._position = offset
        elif whence == io.SEEK_CUR:
            self._position += offset
        else:
            self._position = self._stream.size + offset
        return self._position

    def tell(self) -> int:
        return self._position


def _open(stream: MediaStream) -> Any:
    return av.open(io.BufferedReader(_StreamFile(stream), buffer_size=256 * 1024), mode="r")


def _open_video(stream: MediaStream) -> Any:
    container = _open(stream)
    if not container.streams.video or _too_large(container.streams.video[0]):
        container.close()
        raise ValueError("no video, or a picture too large to decode")
    return container


def _rotate(rgb: np.ndarray[Any, Any], rotation: float | int) -> np.ndarray[Any, Any]:
    """Apply a display rotation (degrees counter-clockwise, as PyAV reports it)."""
    turns = round(float(rotation) / 90) % 4
    return np.ascontiguousarray(np.rot90(rgb, k=turns)) if turns else rgb


def _to_screen_frame(decoded: DecodedFrame) -> VideoFrame:
    """A decoded picture as Qt's RGB32 (B, G, R, X bytes), rotated for display."""
    frame = decoded.frame
    bgra = _rotate(frame.to_ndarray(format="bgra"), getattr(frame, "rotation", 0) or 0)
    bgra = np.ascontiguousarray(bgra)
    height, width, _ = bgra.shape
    return VideoFrame(width=width, height=height, stride=width * 4, data=bgra.tobytes())


class PyAvAnalyzer:
    """Implements the MediaAnalyzer port with PyAV."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        # (stream, navigator), most recently used last: the decoder of each stream stays open
        # between requests (opening a long MP4 reads its whole index).
        self._navigators: list[tuple[MediaStream, FrameNavigator]] = []

    def navigator(self, stream: MediaStream) -> FrameNavigator:
        """The FrameNavigator of ``stream`` (kept while the stream is open and recently used)."""
        with self._lock:
            kept: list[tuple[MediaStream, FrameNavigator]] = []
            found: FrameNavigator | None = None
            for owner, navigator in self._navigators:
                if owner is stream and not getattr(owner, "closed", False):
                    found = navigator
                elif getattr(owner, "closed", False):
                    navigator.close()
                else:
                    kept.append((owner, navigator))
            if found is None:
                found = FrameNavigator(lambda: _open_video(stream))
            kept.append((stream, found))
            for _owner, navigator in kept[:-KEPT_NAVIGATORS]:
                navigator.close()
            self._navigators = kept[-KEPT_NAVIGATORS:]
            return found

    def exact_frame(self, stream: MediaStream, position_ms: int) -> VideoFrame:
        """The picture shown at ``position_ms``: the last frame starting at or before it."""
        return _to_screen_frame(self.navigator(stream).frame_at(position_ms))

    def exact_step(
        self, stream: MediaStream, position_ms: int, frames: int
    ) -> tuple[VideoFrame, int]:
        """The picture ``frames`` frames after (negative: before) the one shown at
        ``position_ms``, and the millisecond at which it starts (set the clock to it)."""
        decoded = self.navigator(stream).step(position_ms, frames)
        return _to_screen_frame(decoded), decoded.start_ms

    def close_stream(self, stream: MediaStream) -> None:
        """Forget the decoder and pictures kept for ``stream``."""
        with self._lock:
            for owner, navigator in self._navigators:
                if owner is stream:
                    navigator.close()
            self._navigators = [(o, n) for o, n in self._navigators if o is not stream]

    def thumbnails(
        self,
        stream: MediaStream,
        count: int,
        width: int,
        cancelled: Callable[[], bool],
        time_limit: float = THUMBNAILS_SECONDS,
    ) -> list[Thumbnail]:
        """``count`` small JPEG pictures spread evenly over the recording (nearest keyframes);
        fewer when ``time_limit`` seconds pass first."""
        result: list[Thumbnail] = []
        deadline = time.monotonic() + time_limit
        with _open(stream) as container:
            if not container.streams.video:
                return []
            video = container.streams.video[0]
            if _too_large(video):
                return []
            duration_s = (container.duration or 0) / av.time_base
            if duration_s <= 0 or count <= 0:
                return []
            for index in range(count):
                if cancelled():
                    return []
                if time.monotonic() > deadline:
                    break
                at_s = duration_s * (index + 0.5) / count
                container.seek(int(at_s / video.time_base), stream=video, backward=True)
                frame = next(iter(container.decode(video)), None)
                if frame is None:
                    continue
                height = max(2, round(frame.height * width / max(1, frame.width)) // 2 * 2)
                rgb = frame.to_ndarray(format="rgb24", width=width, height=height)
                rgb = _rotate(rgb, getattr(frame, "rotation", 0) or 0)
                result.append(Thumbnail(time_ms=int(at_s * 1000), jpeg=_jpeg(rgb)))
        return result

    def waveform(
        self,
        stream: MediaStream,
        buckets: int,
        cancelled: Callable[[], bool],
        time_limit: float = WAVEFORM_SECONDS,
    ) -> list[float]:
        """Peak loudness (0..1) in ``buckets`` equal slices of the recording's duration; when
        ``time_limit`` seconds pass first, the peaks found so far (the rest stays silent)."""
        deadline = time.monotonic() + time_limit
        with _open(stream) as container:
            if not container.streams.audio:
                return []
            audio = container.streams.audio[0]
            duration_s = (container.duration or 0) / av.time_base
            total = max(1, int(duration_s * WAVEFORM_RATE))
            peaks = np.zeros(max(1, buckets), dtype=np.float32)
            resampler = av.AudioResampler(format="flt", layout="mono", rate=WAVEFORM_RATE)
            position = 0
            for packet_index, frame in enumerate(container.decode(audio)):
                if packet_index % 32 == 0 and cancelled():
                    return []
                if packet_index % 32 == 0 and time.monotonic() > deadline:
                    break
                for converted in resampler.resample(frame):
                    samples = np.abs(converted.to_ndarray().reshape(-1))
                    if samples.size == 0:
                        continue
                    index = (position + np.arange(samples.size)) * buckets // total
                    index = np.clip(index, 0, buckets - 1)
                    np.maximum.at(peaks, index, samples)
                    position += samples.size
            top = float(peaks.max()) if peaks.size else 0.0
            if top > 0:
                peaks = peaks / top
            return [round(float(p), 4) for p in peaks]


def _too_large(video: Any) -> bool:
    context = video.codec_context
    return int(context.width or 0) * int(context.height or 0) > MAX_FRAME_PIXELS


def _jpeg(rgb: np.ndarray[Any, Any]) -> bytes:
    height, width, _ = rgb.shape
    codec = av.CodecContext.create("mjpeg", "w")
    codec.width = width - width % 2
    codec.height = height - height % 2
    codec.pix_fmt = "yuvj420p"
    codec.time_base = Fraction(1, 25)
    codec.options = {"qscale": "4"}
    frame = av.VideoFrame.from_ndarray(
        np.ascontiguousarray(rgb[: codec.height, : codec.width]), format="rgb24"
    )
    frame = frame.reformat(format="yuvj420p")
    packets = list(codec.encode(frame)) + list(codec.encode(None))
    return b"".join(bytes(p) for p in packets)
