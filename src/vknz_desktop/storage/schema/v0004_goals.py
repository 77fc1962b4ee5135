"""Schema version 4: leerdoelen with their evidence, and the user's extra terms for export.

Evidence points at observations or clips by kind and id (no foreign key: a clip lives in the
clips feature's tables, and an observation may be deleted and restored by undo). When a
recording is deleted, the evidence that pointed into it goes too.
"""

from __future__ import annotations

from typing import Any

from vknz_desktop.storage.schema import run_script

VERSION = 4


def apply(conn: Any) -> None:
    run_script(
        conn,
        """
        CREATE TABLE learning_goals (
            id TEXT PRIMARY KEY,
            goal TEXT NOT NULL DEFAULT '',
            why TEXT NOT NULL DEFAULT '',
            next_time TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL CHECK (status IN ('actief', 'geoefend', 'bereikt', 'losgelaten')),
            profile_id TEXT,
            theme_id TEXT,
            review_on TEXT,
            session_id TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE goal_evidence (
            goal_id TEXT NOT NULL REFERENCES learning_goals(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('observation', 'clip')),
            item_id TEXT NOT NULL,
            recording_id TEXT,
            time_ms INTEGER CHECK (time_ms IS NULL OR time_ms >= 0),
            end_ms INTEGER CHECK (end_ms IS NULL OR end_ms >= 0),
            PRIMARY KEY (goal_id, kind, item_id)
        );
        CREATE INDEX goal_evidence_by_recording ON goal_evidence(recording_id);
        CREATE TRIGGER goal_evidence_recording_deleted AFTER DELETE ON recordings BEGIN
            DELETE FROM goal_evidence WHERE recording_id = old.id;
        END;
        CREATE TABLE export_terms (
            term TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
            added_at TEXT NOT NULL
        )
        """,
    )
