"""One row of ``recordings``: the single INSERT every way a recording enters the vault uses
(import, a live recording and its seekable copy, a kept fragment)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from vknz_desktop.domain.models import MediaInfo


def insert_recording(
    conn: Any,
    *,
    recording_id: str,
    title: str,
    conversation_date: dt.date | None,
    media: MediaInfo,
    size_bytes: int,
    sha256: str,
    chunk_size: int,
    media_key: bytes | bytearray,
    imported_at: str,
    duration_ms: int | None = None,
    profile_id: str | None = None,
    derived_from: str | None = None,
) -> None:
    """Insert the recording's row (in the caller's transaction). ``duration_ms`` defaults to
    the probed one; the spare copy of the media key is written by the schema's trigger.
    ``profile_id`` and ``derived_from`` are named only when given, so an import also works
    on a vault whose schema predates them (a migration test builds one that way)."""
    columns = (
        "id, title, conversation_date, container, duration_ms, has_video, has_audio,"
        " video_codec, audio_codec, width, height, rotation, frame_rate, variable_frame_rate,"
        " size_bytes, sha256, chunk_size, media_key, imported_at"
    )
    values: list[Any] = [
        recording_id,
        title,
        conversation_date.isoformat() if conversation_date else None,
        media.container,
        media.duration_ms if duration_ms is None else duration_ms,
        int(media.has_video),
        int(media.has_audio),
        media.video_codec,
        media.audio_codec,
        media.width,
        media.height,
        media.rotation,
        media.frame_rate,
        int(media.variable_frame_rate),
        size_bytes,
        sha256,
        chunk_size,
        media_key,
        imported_at,
    ]
    for column, value in (("profile_id", profile_id), ("derived_from", derived_from)):
        if value is not None:
            columns += f", {column}"
            values.append(value)
    marks = ",".join("?" * len(values))
    conn.execute(
        f"INSERT INTO recordings({columns}) VALUES ({marks})",  # noqa: S608 - constant names
        values,
    )


__all__ = ["insert_recording"]
