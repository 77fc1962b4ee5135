"""Schema version 1: recordings, participants, consent, audit log, settings."""

from __future__ import annotations

from typing import Any

from vknz_desktop.storage.schema import run_script

VERSION = 1


def apply(conn: Any) -> None:
    run_script(
        conn,
        """
        CREATE TABLE recordings (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            conversation_date TEXT,
            container TEXT NOT NULL,
            duration_ms INTEGER NOT NULL CHECK (duration_ms > 0),
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
            sha256 TEXT NOT NULL UNIQUE,
            chunk_size INTEGER NOT NULL,
            media_key BLOB,
            imported_at TEXT NOT NULL
        );
        CREATE TABLE participants (
            id INTEGER PRIMARY KEY,
            recording_id TEXT NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            display_name TEXT NOT NULL,
            role TEXT NOT NULL
        );
        CREATE INDEX participants_by_recording ON participants(recording_id);
        CREATE TABLE consents (
            recording_id TEXT PRIMARY KEY REFERENCES recordings(id) ON DELETE CASCADE,
            given_on TEXT NOT NULL,
            given_by TEXT NOT NULL,
            scopes TEXT NOT NULL,
            keep_until TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            action TEXT NOT NULL,
            role TEXT,
            recording_id TEXT,
            details TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """,
    )
