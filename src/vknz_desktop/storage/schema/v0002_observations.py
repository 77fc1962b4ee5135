"""Schema version 2: observations with a full-text index, derived media, recording profile."""

from __future__ import annotations

from typing import Any

from vknz_desktop.storage.schema import run_script

VERSION = 2


def apply(conn: Any) -> None:
    run_script(
        conn,
        """
        ALTER TABLE recordings ADD COLUMN profile_id TEXT;
        CREATE TABLE observations (
            id TEXT NOT NULL UNIQUE,
            recording_id TEXT NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
            time_ms INTEGER NOT NULL CHECK (time_ms >= 0),
            end_ms INTEGER CHECK (end_ms IS NULL OR end_ms >= time_ms),
            profile_id TEXT,
            theme_id TEXT,
            question_id TEXT,
            answer TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL DEFAULT '',
            author_role TEXT NOT NULL,
            author_name TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            edited_at TEXT NOT NULL
        );
        CREATE INDEX observations_by_recording ON observations(recording_id, time_ms);
        CREATE VIRTUAL TABLE observations_fts USING fts5(
            text, answer, content='observations', content_rowid='rowid',
            tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER observations_ai AFTER INSERT ON observations BEGIN
            INSERT INTO observations_fts(rowid, text, answer)
            VALUES (new.rowid, new.text, new.answer);
        END;
        CREATE TRIGGER observations_ad AFTER DELETE ON observations BEGIN
            INSERT INTO observations_fts(observations_fts, rowid, text, answer)
            VALUES ('delete', old.rowid, old.text, old.answer);
        END;
        CREATE TRIGGER observations_au AFTER UPDATE ON observations BEGIN
            INSERT INTO observations_fts(observations_fts, rowid, text, answer)
            VALUES ('delete', old.rowid, old.text, old.answer);
            INSERT INTO observations_fts(rowid, text, answer)
            VALUES (new.rowid, new.text, new.answer);
        END;
        CREATE TABLE derived_media (
            recording_id TEXT NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            data BLOB NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (recording_id, kind)
        )
        """,
    )
