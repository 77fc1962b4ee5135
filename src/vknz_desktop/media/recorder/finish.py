"""Making a finished recording seekable: the live Matroska (no index) is remuxed, packet by
packet and without re-encoding, into a new encrypted file that a seekable muxer gives an index
(cues). Input and output are the vault's streams: no plaintext on disk.
"""

from __future__ import annotations

import io
import itertools
from pathlib import Path
from typing import Any

import av

from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.models import MediaInfo
from vknz_desktop.domain.ports import MediaStream
from vknz_desktop.domain.recording_ports import SeekableOutput
from vknz_desktop.media.analysis import _StreamFile
from vknz_desktop.media.probe import _inspect

_IMPLAUSIBLE_RATE = 240.0


def _spacing_rate(container: Any) -> float | None:
    video = container.streams.video[0]
    container.seek(0)
    times: list[float] = []
    for packet in container.demux(video):
        if packet.pts is not None:
            times.append(float(packet.pts * packet.time_base))
        if len(times) >= 100:
            break
    times.sort()
    steps = sorted(b - a for a, b in itertools.pairwise(times) if b > a)
    if not steps:
        return None
    return round(1 / steps[len(steps) // 2], 3)


class FinishError(KnownError):
    """The recording could not be made seekable (it stays playable as it is)."""


class PyAvLiveFinisher:
    """Implements ``domain.recording_ports.LiveFinisher``."""

    def remux(self, source: MediaStream, output: SeekableOutput) -> None:
        reader = io.BufferedReader(_StreamFile(source), buffer_size=256 * 1024)
        try:
            with (
                av.open(reader, mode="r") as container,
                av.open(output, mode="w", format="matroska") as out,
            ):
                streams = [s for s in container.streams if s.type in ("video", "audio")]
                if not streams:
                    raise FinishError("De opname bevat geen beeld of geluid.")
                mapping = {s.index: out.add_stream_from_template(s) for s in streams}
                packets = container.demux(*streams)
                while True:
                    try:
                        packet = next(packets)
                    except StopIteration:
                        break
                    except (av.EOFError, av.InvalidDataError):
                        # An interrupted recording ends inside a cluster: keep what is whole.
                        break
                    if packet.dts is None and packet.pts is None:
                        continue  # flush packet
                    packet.stream = mapping[packet.stream.index]
                    out.mux(packet)
        except av.FFmpegError as error:
            raise FinishError(
                f"De opname kon niet doorzoekbaar worden gemaakt ({error}); ze blijft bewaard "
                "zoals ze is opgenomen."
            ) from error

    def probe(self, stream: MediaStream) -> MediaInfo:
        reader: Any = io.BufferedReader(_StreamFile(stream), buffer_size=256 * 1024)
        try:
            with av.open(reader, mode="r") as container:
                info = _inspect(Path("opname.mkv"), container)
                if info.frame_rate and info.frame_rate >= _IMPLAUSIBLE_RATE:
                    # Matroska keeps no frame rate after a remux: FFmpeg guesses its time base
                    # (1000). The pictures' real spacing says it.
                    info = info.model_copy(update={"frame_rate": _spacing_rate(container)})
                return info
        except av.FFmpegError as error:
            raise FinishError(f"De opname kon niet worden gelezen ({error}).") from error
