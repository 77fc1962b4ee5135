"""Schema version 3: clips, review sessions with playlists, and per observation the session,
the perspective it was typed in and whether klant feedback may be shared."""

from __future__ import annotations

from typing import Any

from vknz_desktop.storage.schema import run_script

VERSION = 3


def apply(conn: Any) -> None:
    run_script(
        conn,
        """
        CREATE TABLE clips (
            id TEXT PRIMARY KEY,
            recording_id TEXT NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
            start_ms INTEGER NOT NULL CHECK (start_ms >= 0),
            end_ms INTEGER NOT NULL CHECK (end_ms > start_ms),
            title TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            theme_id TEXT,
            created_at TEXT NOT NULL,
            edited_at TEXT NOT NULL
        );
        CREATE INDEX clips_by_recording ON clips(recording_id, start_ms);
        CREATE TABLE review_sessions (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            session_date TEXT,
            left_perspective TEXT NOT NULL,
            right_perspective TEXT NOT NULL,
            created_at TEXT NOT NULL,
            edited_at TEXT NOT NULL,
            ended_at TEXT
        );
        CREATE TABLE review_session_participants (
            session_id TEXT NOT NULL REFERENCES review_sessions(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            display_name TEXT NOT NULL,
            role TEXT NOT NULL,
            PRIMARY KEY (session_id, position)
        );
        CREATE TABLE review_session_items (
            id TEXT PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES review_sessions(id) ON DELETE CASCADE,
            clip_id TEXT NOT NULL REFERENCES clips(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            prompt TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX review_session_items_by_session ON review_session_items(session_id, position);
        CREATE INDEX review_session_items_by_clip ON review_session_items(clip_id);
        ALTER TABLE observations ADD COLUMN session_id TEXT
            REFERENCES review_sessions(id) ON DELETE SET NULL;
        ALTER TABLE observations ADD COLUMN perspective TEXT;
        ALTER TABLE observations ADD COLUMN sharing_state TEXT NOT NULL
            DEFAULT 'nog_niet_gevraagd'
            CHECK (sharing_state IN ('nog_niet_gevraagd', 'mag_gedeeld', 'niet_delen'));
        CREATE INDEX observations_by_session ON observations(session_id)
        """,
    )
