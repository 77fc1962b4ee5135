"""Probing a file with PyAV before anything is written to the vault."""

from __future__ import annotations

import itertools
from fractions import Fraction
from pathlib import Path
from typing import Any

import av

from vknz_desktop.domain.errors import UnsupportedMediaError
from vknz_desktop.domain.models import MediaInfo

# Demuxers that accept almost anything, or still images: never a conversation recording.
_REJECTED_FORMATS = frozenset({"tty", "image2", "data", "bin", "srt", "ass", "webvtt", "lrc"})
_MAX_PACKETS_TO_FIRST_FRAME = 400
_VFR_SAMPLE_PACKETS = 240
#: Larger than any camera a conversation is recorded with (8K), so decoding one picture never
#: takes gigabytes (a 16000x12000 stream took 3.9 GB).
MAX_WIDTH = 7680
MAX_HEIGHT = 7680
MAX_PIXELS = 7680 * 4320
#: Twenty-four hours; a claimed length beyond that (e.g. 10^15 s) is a broken or hostile file.
MAX_DURATION_MS = 24 * 60 * 60 * 1000


def _fail(path: Path, reason: str) -> UnsupportedMediaError:
    return UnsupportedMediaError(f"'{path.name}' kan niet worden geïmporteerd: {reason}")


NOT_MEDIA = "het is geen afspeelbare video of audio (of het bestand is beschadigd of onvolledig)."


class PyAvProber:
    """Implements the MediaProber port with PyAV."""

    def probe(self, path: Path) -> MediaInfo:
        """What ``path`` holds; UnsupportedMediaError with a Dutch reason when it is not media."""
        _check_readable(path)
        try:
            container = av.open(str(path), mode="r", metadata_errors="ignore")
        except (av.FFmpegError, OSError, ValueError, UnicodeDecodeError) as error:
            raise _fail(path, NOT_MEDIA) from error
        try:
            return _inspect(path, container)
        except (av.FFmpegError, ValueError, ZeroDivisionError) as error:
            raise _fail(path, NOT_MEDIA) from error
        finally:
            container.close()


def _check_readable(path: Path) -> None:
    if not path.exists():
        raise _fail(path, "het bestand bestaat niet.")
    if path.is_dir():
        raise _fail(path, "dit is een map, geen opname.")
    if not path.is_file():
        raise _fail(path, "dit is geen gewoon bestand.")
    try:
        with path.open("rb") as handle:
            handle.read(1)
    except PermissionError as error:
        raise _fail(path, "het bestand kan niet worden gelezen (geen toegang).") from error
    except OSError as error:
        raise _fail(path, f"het bestand kan niet worden gelezen ({error.strerror}).") from error
    if path.stat().st_size == 0:
        raise _fail(path, "het bestand is leeg.")


def _inspect(path: Path, container: Any) -> MediaInfo:
    format_name = container.format.name
    if format_name in _REJECTED_FORMATS or format_name.endswith("_pipe"):
        raise _fail(path, NOT_MEDIA)
    # A stream whose header is too damaged to give a decoder does not count.
    video = next(
        (s for s in container.streams.video if not _is_cover_art(s) and s.codec_context),
        None,
    )
    audio = next((s for s in container.streams.audio if s.codec_context), None)
    if video is None and audio is None:
        raise _fail(path, "er staat geen beeld of geluid in.")
    if video is not None:
        _check_dimensions(path, video.codec_context.width, video.codec_context.height)
    first_video = _first_frame(container, video) if video is not None else None
    if audio is not None and not _decodes(container, audio):
        if video is None:
            raise _fail(path, NOT_MEDIA)
        audio = None
    if video is not None and first_video is None:
        if audio is None:
            raise _fail(path, NOT_MEDIA)
        video = None
    duration_ms = _duration_ms(container, video, audio)
    if duration_ms <= 0:
        raise _fail(path, "de opname heeft geen lengte (het bestand is onvolledig).")
    if duration_ms > MAX_DURATION_MS:
        raise _fail(
            path,
            f"de opname zou {duration_ms // 3_600_000} uur duren; meer dan "
            f"{MAX_DURATION_MS // 3_600_000} uur kan niet (het bestand is beschadigd of "
            "onjuist).",
        )
    if first_video is not None:
        _check_dimensions(path, first_video.width, first_video.height)
    frame_rate, vfr = _frame_rate(container, video) if video is not None else (None, False)
    return MediaInfo(
        container=format_name.split(",")[0],
        duration_ms=duration_ms,
        has_video=video is not None,
        has_audio=audio is not None,
        video_codec=video.codec_context.name if video is not None else None,
        audio_codec=audio.codec_context.name if audio is not None else None,
        width=video.codec_context.width if video is not None else None,
        height=video.codec_context.height if video is not None else None,
        rotation=_rotation(first_video),
        frame_rate=frame_rate,
        variable_frame_rate=vfr,
    )


def _check_dimensions(path: Path, width: int | None, height: int | None) -> None:
    width, height = int(width or 0), int(height or 0)
    if width > MAX_WIDTH or height > MAX_HEIGHT or width * height > MAX_PIXELS:
        raise _fail(
            path,
            f"het beeld is {width} × {height} beeldpunten; groter dan 8K "
            f"({MAX_PIXELS // 1_000_000} miljoen beeldpunten) kan niet.",
        )


def _is_cover_art(stream: Any) -> bool:
    disposition = getattr(stream, "disposition", None)
    attached = getattr(getattr(av, "stream", None), "Disposition", None)
    if disposition is None or attached is None:
        return False
    return bool(disposition & attached.attached_pic)


def _first_frame(container: Any, stream: Any) -> Any | None:
    container.seek(0)
    for count, packet in enumerate(container.demux(stream)):
        if count > _MAX_PACKETS_TO_FIRST_FRAME:
            return None
        for frame in packet.decode():
            return frame
    return None


def _decodes(container: Any, stream: Any) -> bool:
    return _first_frame(container, stream) is not None


def _duration_ms(container: Any, video: Any | None, audio: Any | None) -> int:
    if container.duration is not None and container.duration > 0:
        return int(container.duration * 1000 // av.time_base)
    best = 0
    for stream in (video, audio):
        if stream is not None and stream.duration and stream.time_base:
            best = max(best, int(stream.duration * stream.time_base * 1000))
    if best:
        return best
    # No duration in the headers (some streamed WebM/Ogg): read the packet times.
    container.seek(0)
    last_end = Fraction(0)
    for packet in container.demux(*(s for s in (video, audio) if s is not None)):
        if packet.pts is None or packet.time_base is None:
            continue
        end = (packet.pts + (packet.duration or 0)) * packet.time_base
        last_end = max(last_end, end)
    return int(last_end * 1000)


def _frame_rate(container: Any, video: Any) -> tuple[float | None, bool]:
    rate = video.average_rate or video.guessed_rate or video.base_rate
    container.seek(0)
    pts: list[int] = []
    for packet in container.demux(video):
        if packet.pts is not None:
            pts.append(packet.pts)
        if len(pts) >= _VFR_SAMPLE_PACKETS:
            break
    pts.sort()
    steps = {b - a for a, b in itertools.pairwise(pts) if b > a}
    variable = len(steps) > 1 and (max(steps) - min(steps)) > 1
    return (float(rate) if rate else None), variable


def _rotation(frame: Any | None) -> int:
    if frame is None:
        return 0
    try:
        value = getattr(frame, "rotation", 0) or 0
    except (ValueError, av.FFmpegError):
        return 0
    return round(float(value)) % 360
