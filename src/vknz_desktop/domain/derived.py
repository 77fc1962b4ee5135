"""Compact encodings of analysis results (thumbnails, waveform) cached inside the vault."""

from __future__ import annotations

import struct
from collections.abc import Sequence

from vknz_desktop.domain.ports import Thumbnail

THUMBNAILS_KIND = "thumbnails-v1"
WAVEFORM_KIND = "waveform-v1"
#: One JPEG per recording, the library's picture (stored beside the thumbnails).
COVER_KIND = "cover-v1"
_ENTRY = struct.Struct(">II")


def encode_thumbnails(thumbnails: Sequence[Thumbnail]) -> bytes:
    """Count, then (time, length, JPEG bytes) per thumbnail."""
    parts = [struct.pack(">I", len(thumbnails))]
    for thumb in thumbnails:
        parts.append(_ENTRY.pack(thumb.time_ms, len(thumb.jpeg)))
        parts.append(thumb.jpeg)
    return b"".join(parts)


def decode_thumbnails(data: bytes) -> list[Thumbnail]:
    """Inverse of encode_thumbnails; ValueError on malformed data."""
    try:
        (count,) = struct.unpack_from(">I", data, 0)
        offset = 4
        result: list[Thumbnail] = []
        for _ in range(count):
            time_ms, length = _ENTRY.unpack_from(data, offset)
            offset += _ENTRY.size
            jpeg = data[offset : offset + length]
            if len(jpeg) != length:
                raise ValueError("truncated thumbnail")
            offset += length
            result.append(Thumbnail(time_ms=time_ms, jpeg=jpeg))
    except struct.error as error:
        raise ValueError("malformed thumbnails") from error
    return result


def cover_of(thumbnails: Sequence[Thumbnail]) -> bytes | None:
    """The picture that stands for a recording: the thumbnail a third of the way in (past
    the greeting), as JPEG; None without thumbnails."""
    if not thumbnails:
        return None
    return thumbnails[len(thumbnails) // 3].jpeg


def encode_waveform(peaks: Sequence[float]) -> bytes:
    """Peaks 0..1 as one byte each (256 levels is plenty for a lane a few pixels high)."""
    return bytes(max(0, min(255, round(p * 255))) for p in peaks)


def decode_waveform(data: bytes) -> list[float]:
    """Inverse of encode_waveform."""
    return [b / 255 for b in data]
