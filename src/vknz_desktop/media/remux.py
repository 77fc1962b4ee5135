"""Cutting a fragment out of a recording with PyAV, exactly at its in and out points, in memory.

The input is the vault's decrypted stream; the output is written into an ``io.BytesIO`` and
handed back as bytes, to be encrypted into a new recording by the vault. Nothing is written to
disk in plaintext, not even a temporary file.

Copying packets can only start at a keyframe, so a fragment would begin up to a whole GOP
early (seconds of conversation the user chose not to keep). Instead every fragment is decoded
and **re-encoded**: video with libx264 (no B-frames, so no edit list is needed to shift the
picture), sound with AAC, both in MP4. The first picture is the frame that was on screen at the
in point, shown from 0; the last is the frame on screen just before the out point; the sound is
trimmed to the sample. Nothing from before the in point is in the output, not even hidden
behind an MP4 edit list (the only edit list left is the AAC encoder's own priming delay).
The display rotation and variable frame timing of the source are kept.
"""

from __future__ import annotations

import io
import math
from collections import deque
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import IO, Any

import av
import numpy as np

from vknz_desktop.domain.errors import KnownError, UnsupportedMediaError
from vknz_desktop.domain.models import MediaInfo
from vknz_desktop.domain.ports import CancelToken, MediaStream
from vknz_desktop.domain.review_ports import RemuxedFragment
from vknz_desktop.media.analysis import _StreamFile
from vknz_desktop.media.probe import _inspect, _is_cover_art

#: Sample rates FFmpeg's AAC encoder accepts; anything else is resampled to 48 kHz.
_AAC_RATES = frozenset(
    {96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350}
)
#: Decoding starts this long before the in point (then at the keyframe before that), so that
#: the sound of every container is there from the in point on.
_LEAD_IN = Fraction(1, 2)
#: Near-transparent H.264: a fragment is watched again and again, it should look like the
#: original. "veryfast" keeps a long fragment within minutes on a two-core laptop.
_X264_OPTIONS = {"preset": "veryfast", "crf": "18", "x264-params": "bframes=0"}
_PROGRESS_STEP = Fraction(1, 4)  # report at most every 250 ms of media


class RemuxError(KnownError):
    """A fragment could not be cut out of a recording."""


class PyAvRemuxer:
    """Implements the FragmentRemuxer port with PyAV: exact cuts by re-encoding."""

    def remux(
        self,
        stream: MediaStream,
        start_ms: int,
        end_ms: int,
        *,
        progress: Callable[[int], None] | None = None,
        cancel: CancelToken | None = None,
    ) -> RemuxedFragment:
        """``start_ms``..``end_ms`` of the recording as a new MP4, in memory.

        ``progress`` gets the milliseconds of the fragment done so far; ``cancel`` is checked
        while encoding (ImportCancelledError).
        """
        if end_ms <= start_ms:
            raise RemuxError("Een fragment moet een einde hebben na het begin.")
        source = io.BufferedReader(_StreamFile(stream), buffer_size=256 * 1024)
        try:
            data, cut_start = _cut(
                source, Fraction(start_ms, 1000), Fraction(end_ms, 1000), progress, cancel
            )
        except (av.FFmpegError, ValueError) as error:
            raise RemuxError(
                f"Het fragment kon niet uit de opname worden geknipt ({error}). "
                "Er is niets gewijzigd."
            ) from error
        return RemuxedFragment(data=data, media=_probe(data), cut_start_ms=round(cut_start * 1000))


class _VideoOut:
    """Re-encodes the frames of the range: the one on screen at the in point comes first, at 0."""

    def __init__(self, output: Any, source: Any, start: Fraction, end: Fraction) -> None:
        context = source.codec_context
        self.time_base = source.time_base or Fraction(1, 90000)
        rate = source.average_rate or source.guessed_rate or source.base_rate or 25
        self.width = max(2, context.width - context.width % 2)
        self.height = max(2, context.height - context.height % 2)
        self.stream = output.add_stream("libx264", rate=rate, options=dict(_X264_OPTIONS))
        self.stream.width, self.stream.height = self.width, self.height
        self.stream.pix_fmt = "yuv420p"
        self.stream.time_base = self.time_base
        self.stream.codec_context.time_base = self.time_base
        self.output = output
        self.start, self.end = start, end
        self.pending: Any | None = None  # the latest frame at or before the in point
        self.last: Any | None = None  # the latest frame sent, held to know its duration
        self.last_time: Fraction | None = None
        self.rotation_set = False
        self.frames = 0  # pictures taken into the output
        self.durations: deque[int] = deque()  # of the frames sent to the encoder, in order
        self.done = False

    def add(self, frame: Any) -> None:
        """Take one decoded frame (display order)."""
        if self.done or frame.pts is None:
            return
        time = Fraction(frame.pts) * (frame.time_base or self.time_base)
        if not self.rotation_set:
            self._set_rotation(frame)
        if time <= self.start:
            self.pending = frame
            return
        if time >= self.end:
            self.finish()
            return
        if self.pending is not None:
            self._send(self.pending, self.start)
            self.pending = None
        self._send(frame, time)

    def finish(self) -> None:
        """Send what is held; the last frame lasts until the out point."""
        if self.done:
            return
        if self.pending is not None:
            self._send(self.pending, self.start)
            self.pending = None
        self._flush_last(self.end)
        self._mux(self.stream.encode(None))
        self.done = True

    def _set_rotation(self, frame: Any) -> None:
        self.rotation_set = True
        try:
            rotation = round(float(getattr(frame, "rotation", 0) or 0)) % 360
        except (ValueError, av.FFmpegError):
            rotation = 0
        if rotation and hasattr(self.stream, "set_display_rotation"):  # PyAV >= 15
            self.stream.set_display_rotation(rotation)

    def _send(self, frame: Any, time: Fraction) -> None:
        # The first picture starts at 0 even when the source's first frame comes a bit later.
        at = self.start if self.frames == 0 else max(time, self.start)
        self._flush_last(at)
        self.last, self.last_time = frame, at
        self.frames += 1

    def _flush_last(self, until: Fraction) -> None:
        if self.last is None or self.last_time is None:
            return
        frame = self.last.reformat(width=self.width, height=self.height, format="yuv420p")
        pts = round((self.last_time - self.start) / self.time_base)
        end = round((min(until, self.end) - self.start) / self.time_base)
        frame.pts = pts
        frame.time_base = self.time_base
        self.durations.append(max(1, end - pts))
        self._mux(self.stream.encode(frame))
        self.last = self.last_time = None

    def _mux(self, packets: list[Any]) -> None:
        # Without B-frames packets come out in frame order; each gets its frame's duration,
        # so the last picture lasts exactly until the out point.
        for packet in packets:
            if self.durations:
                packet.duration = self.durations.popleft()
            self.output.mux(packet)


class _AudioOut:
    """Re-encodes the samples of the range exactly, as AAC."""

    def __init__(self, output: Any, source: Any, start: Fraction, end: Fraction) -> None:
        context = source.codec_context
        self.rate = context.sample_rate if context.sample_rate in _AAC_RATES else 48000
        channels = context.channels or 1
        self.layout = "mono" if channels == 1 else "stereo"
        self.channels = 1 if channels == 1 else 2
        self.stream = output.add_stream("aac", rate=self.rate)
        self.stream.layout = self.layout
        self.stream.bit_rate = 96_000 if channels == 1 else 160_000
        self.resampler = av.AudioResampler(format="fltp", layout=self.layout, rate=self.rate)
        self.output = output
        self.start, self.end = start, end
        self.written = 0  # samples sent, at self.rate
        self.needed = math.ceil((end - start) * self.rate)
        self.position: Fraction | None = None  # source time after the last frame seen

    def add(self, frame: Any) -> None:
        """Take one decoded audio frame."""
        if self.written >= self.needed:
            return
        for converted in self.resampler.resample(frame):
            self._add_converted(converted)

    def _add_converted(self, frame: Any) -> None:
        if frame.pts is not None and frame.time_base is not None:
            begin = Fraction(frame.pts) * frame.time_base
        elif self.position is not None:
            begin = self.position
        else:
            return
        count = frame.samples
        self.position = begin + Fraction(count, self.rate)
        offset = round((begin - self.start) * self.rate)  # output index of the first sample
        if offset > self.written:  # a gap in the source: silence, so the sound stays in sync
            self._encode(np.zeros((self.channels, min(offset, self.needed) - self.written)))
        first = self.written - offset
        last = min(count, first + self.needed - self.written)
        if first < 0 or last <= first:
            return
        self._encode(frame.to_ndarray()[:, first:last])

    def _encode(self, samples: np.ndarray[Any, Any]) -> None:
        if samples.shape[1] <= 0:
            return
        piece = av.AudioFrame.from_ndarray(
            np.ascontiguousarray(samples, dtype=np.float32), format="fltp", layout=self.layout
        )
        piece.sample_rate = self.rate
        piece.time_base = Fraction(1, self.rate)
        piece.pts = self.written
        self.written += samples.shape[1]
        for packet in self.stream.encode(piece):
            self.output.mux(packet)

    def finish(self) -> None:
        """Flush the resampler and the encoder."""
        for converted in self.resampler.resample(None):
            self._add_converted(converted)
        for packet in self.stream.encode(None):
            self.output.mux(packet)


def _streams(container: Any) -> tuple[Any | None, Any | None]:
    """The first video stream (not cover art) and the first audio stream, as the probe does."""
    video = next((s for s in container.streams.video if not _is_cover_art(s)), None)
    audio = next(iter(container.streams.audio), None)
    return video, audio


def _cut(
    source: IO[bytes],
    start: Fraction,
    end: Fraction,
    progress: Callable[[int], None] | None,
    cancel: CancelToken | None,
) -> tuple[bytes, Fraction]:
    buffer = io.BytesIO()
    with av.open(source, mode="r") as container:
        video, audio = _streams(container)
        if video is None and audio is None:
            raise ValueError("geen beeld of geluid")
        anchor = video if video is not None else audio
        assert anchor is not None
        with av.open(buffer, mode="w", format="mp4") as output:
            video_out = _VideoOut(output, video, start, end) if video is not None else None
            audio_out = _AudioOut(output, audio, start, end) if audio is not None else None
            seek_to = max(Fraction(0), start - _LEAD_IN)
            container.seek(
                int(seek_to / anchor.time_base), stream=anchor, backward=True, any_frame=False
            )
            reported = Fraction(-1)
            wanted = [s for s in (video, audio) if s is not None]
            for packet in container.demux(*wanted):
                if cancel is not None:
                    cancel.raise_if_cancelled()
                for frame in packet.decode():
                    if video_out is not None and packet.stream is video:
                        video_out.add(frame)
                    elif audio_out is not None:
                        audio_out.add(frame)
                if packet.pts is not None and packet.time_base is not None:
                    at = Fraction(packet.pts) * packet.time_base
                    if progress is not None and at - reported >= _PROGRESS_STEP and at > start:
                        reported = at
                        progress(int(min(at - start, end - start) * 1000))
                video_done = video_out is None or video_out.done
                audio_done = audio_out is None or audio_out.written >= audio_out.needed
                if video_done and audio_done:
                    break
            if video_out is not None:
                video_out.finish()
                if video_out.frames == 0:
                    raise ValueError("geen beeld in dit stuk van de opname")
            if audio_out is not None:
                audio_out.finish()
    if progress is not None:
        progress(int((end - start) * 1000))
    return buffer.getvalue(), start


def _probe(data: bytes) -> MediaInfo:
    try:
        with av.open(io.BytesIO(data), mode="r") as container:
            return _inspect(Path("fragment"), container)
    except UnsupportedMediaError as error:
        raise RemuxError(
            "Het geknipte fragment is niet afspeelbaar; er is niets gewijzigd."
        ) from error
