"""Schema version 5: nothing recoverable after deletion, and damage that costs only its rows.

- ``recording_spares``: a second copy of each recording's media key and technical facts (no
  title, names or notes) in a table of its own, so one damaged page of ``recordings`` no longer
  makes every recording unplayable. Triggers keep it in step with ``recordings``: a key that is
  overwritten and forgotten there is overwritten and forgotten here in the same statement, and
  so in the same transaction (no code path can destroy one copy and keep the other).
- The full-text index of observations uses FTS5's ``secure-delete`` option, so deleted words
  are removed from its segments at once, and is rebuilt once to drop what older versions left.
"""

from __future__ import annotations

from typing import Any

from vknz_desktop.storage.schema import run_script

VERSION = 5

#: The columns copied into ``recording_spares`` (everything but title and profile).
SPARE_COLUMNS = (
    "container",
    "duration_ms",
    "has_video",
    "has_audio",
    "video_codec",
    "audio_codec",
    "width",
    "height",
    "rotation",
    "frame_rate",
    "variable_frame_rate",
    "size_bytes",
    "sha256",
    "chunk_size",
    "media_key",
    "imported_at",
)


def apply(conn: Any) -> None:
    columns = ", ".join(SPARE_COLUMNS)
    new_values = ", ".join(f"new.{c}" for c in SPARE_COLUMNS)
    run_script(
        conn,
        f"""
        CREATE TABLE recording_spares (
            recording_id TEXT PRIMARY KEY,
            container TEXT NOT NULL,
            duration_ms INTEGER NOT NULL,
            has_video INTEGER NOT NULL,
            has_audio INTEGER NOT NULL,
            video_codec TEXT,
            audio_codec TEXT,
            width INTEGER,
            height INTEGER,
            rotation INTEGER NOT NULL DEFAULT 0,
            frame_rate REAL,
            variable_frame_rate INTEGER NOT NULL DEFAULT 0,
            size_bytes INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            chunk_size INTEGER NOT NULL,
            media_key BLOB NOT NULL,
            imported_at TEXT NOT NULL
        );
        INSERT INTO recording_spares(recording_id, {columns})
            SELECT id, {columns} FROM recordings WHERE media_key IS NOT NULL;
        CREATE TRIGGER recording_spares_ai AFTER INSERT ON recordings
            WHEN new.media_key IS NOT NULL BEGIN
            INSERT OR REPLACE INTO recording_spares(recording_id, {columns})
            VALUES (new.id, {new_values});
        END;
        CREATE TRIGGER recording_spares_key AFTER UPDATE OF media_key ON recordings BEGIN
            UPDATE recording_spares SET media_key = zeroblob(length(media_key))
                WHERE recording_id = old.id AND new.media_key IS NULL;
            DELETE FROM recording_spares WHERE recording_id = old.id AND new.media_key IS NULL;
            UPDATE recording_spares SET media_key = new.media_key
                WHERE recording_id = old.id AND new.media_key IS NOT NULL;
        END;
        CREATE TRIGGER recording_spares_ad AFTER DELETE ON recordings BEGIN
            UPDATE recording_spares SET media_key = zeroblob(length(media_key))
                WHERE recording_id = old.id;
            DELETE FROM recording_spares WHERE recording_id = old.id;
        END;
        INSERT INTO observations_fts(observations_fts, rank) VALUES ('secure-delete', 1);
        INSERT INTO observations_fts(observations_fts) VALUES ('rebuild')
        """,  # noqa: S608 - constant column names
    )
