"""Cutting a fragment out of a recording with PyAV, without re-encoding, in memory only.

The input is the vault's decrypted stream; the output is written into an ``io.BytesIO`` and
handed back as bytes, to be encrypted into a new recording by the vault. Nothing is written to
disk in plaintext, not even a temporary file.

The cut starts at the nearest keyframe at or before the in point (so the fragment decodes from
its first packet and fully contains the marked range) and ends after the last packet needed to
show the out point. Timestamps are shifted so the fragment starts at zero; the streams keep
their codec parameters and side data (e.g. a display rotation).
"""

from __future__ import annotations

import io
from fractions import Fraction
from pathlib import Path
from typing import IO, Any

import av

from vknz_desktop.domain.errors import KnownError, UnsupportedMediaError
from vknz_desktop.domain.models import MediaInfo
from vknz_desktop.domain.ports import MediaStream
from vknz_desktop.domain.review_ports import RemuxedFragment
from vknz_desktop.media.analysis import _StreamFile
from vknz_desktop.media.probe import _inspect, _is_cover_art

#: Output container per input demuxer (the first name FFmpeg reports); Matroska takes any codec.
_OUTPUT_FORMAT = {
    "mov": "mp4",
    "matroska": "matroska",
    "mp3": "mp3",
    "ogg": "ogg",
    "wav": "wav",
    "flac": "flac",
    "avi": "matroska",
    "asf": "matroska",
}
_FALLBACK_FORMAT = "matroska"


class RemuxError(KnownError):
    """A fragment could not be cut out of a recording."""


class PyAvRemuxer:
    """Implements the FragmentRemuxer port with PyAV."""

    def remux(self, stream: MediaStream, start_ms: int, end_ms: int) -> RemuxedFragment:
        """The packets of ``start_ms``..``end_ms`` (from the keyframe before) in a new file."""
        if end_ms <= start_ms:
            raise RemuxError("Een fragment moet een einde hebben na het begin.")
        source = io.BufferedReader(_StreamFile(stream), buffer_size=256 * 1024)
        try:
            with av.open(source, mode="r") as probe_container:
                preferred = _OUTPUT_FORMAT.get(
                    probe_container.format.name.split(",")[0], _FALLBACK_FORMAT
                )
            errors: list[str] = []
            for output_format in dict.fromkeys((preferred, _FALLBACK_FORMAT)):
                try:
                    data, cut = _cut(source, start_ms, end_ms, output_format)
                except (av.FFmpegError, ValueError) as error:
                    errors.append(f"{output_format}: {error}")
                    continue
                return RemuxedFragment(data=data, media=_probe(data), cut_start_ms=cut)
            raise RemuxError(
                "Het fragment kon niet uit de opname worden geknipt "
                f"({'; '.join(errors)}). Er is niets gewijzigd."
            )
        except av.FFmpegError as error:
            raise RemuxError(
                f"De opname kon niet worden gelezen om fragmenten te maken ({error})."
            ) from error


def _streams(container: Any) -> list[Any]:
    """The first video stream (not cover art) and the first audio stream, as the probe does."""
    video = next((s for s in container.streams.video if not _is_cover_art(s)), None)
    audio = next(iter(container.streams.audio), None)
    return [s for s in (video, audio) if s is not None]


def _cut(source: IO[bytes], start_ms: int, end_ms: int, fmt: str) -> tuple[bytes, int]:
    source.seek(0)
    buffer = io.BytesIO()
    with av.open(source, mode="r") as container:
        streams = _streams(container)
        if not streams:
            raise ValueError("geen beeld of geluid")
        anchor = streams[0]  # video when there is video: its keyframes decide the cut
        start = Fraction(start_ms, 1000)
        end = Fraction(end_ms, 1000)
        with av.open(buffer, mode="w", format=fmt) as output:
            outputs = {s.index: output.add_stream_from_template(s) for s in streams}
            container.seek(
                max(0, int(start / anchor.time_base)), stream=anchor, backward=True, any_frame=False
            )
            cut: Fraction | None = None
            anchor_last: Fraction | None = None  # latest presentation time of the anchor kept
            ending = False
            for packet in container.demux(*streams):
                if packet.pts is None and packet.dts is None:
                    continue  # a flush packet
                base = packet.time_base
                pts = Fraction(packet.pts if packet.pts is not None else packet.dts) * base
                dts = Fraction(packet.dts if packet.dts is not None else packet.pts) * base
                is_anchor = packet.stream.index == anchor.index
                if cut is None:
                    if not (is_anchor and packet.is_keyframe):
                        continue
                    cut = pts
                if pts < cut:
                    continue  # leading frames of an open GOP, or audio before the keyframe
                if is_anchor:
                    if dts >= end:
                        ending = True
                    # Past the out point, keep only frames shown before the last one kept
                    # (B-frames that fill the gap before a kept reference frame).
                    if ending and (anchor_last is None or pts >= anchor_last):
                        break
                    end_of_packet = pts + Fraction(packet.duration or 0) * base
                    anchor_last = max(anchor_last or end_of_packet, end_of_packet)
                elif dts >= max(end, anchor_last or end):
                    continue
                shift = round(cut / base)
                if packet.pts is not None:
                    packet.pts -= shift
                if packet.dts is not None:
                    packet.dts -= shift
                packet.stream = outputs[packet.stream.index]
                output.mux(packet)
            if cut is None:
                raise ValueError("geen beginpunt gevonden")
    return buffer.getvalue(), max(0, int(cut * 1000))


def _probe(data: bytes) -> MediaInfo:
    try:
        with av.open(io.BytesIO(data), mode="r") as container:
            return _inspect(Path("fragment"), container)
    except UnsupportedMediaError as error:
        raise RemuxError(
            "Het geknipte fragment is niet afspeelbaar; er is niets gewijzigd."
        ) from error
