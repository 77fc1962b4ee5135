"""Ordered schema migrations; the schema version lives in ``PRAGMA user_version``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlcipher3

Connection = Any  # a sqlcipher3 connection


@dataclass(frozen=True)
class Migration:
    """Brings the schema from ``version - 1`` to ``version``."""

    version: int
    apply: Callable[[Connection], None]


def _run_script(conn: Connection, script: str) -> None:
    """Run SQL statements one by one inside the caller's transaction.

    ``executescript`` would commit first; statements (triggers included) are split where
    SQLite itself says a statement is complete.
    """
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlcipher3.complete_statement(buffer):
            conn.execute(buffer)
            buffer = ""
    if buffer.strip():
        conn.execute(buffer)


def _v1_initial(conn: Connection) -> None:
    _run_script(
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


def _v2_observations(conn: Connection) -> None:
    _run_script(
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


MIGRATIONS: Sequence[Migration] = (
    Migration(1, _v1_initial),
    Migration(2, _v2_observations),
)
LATEST_VERSION = MIGRATIONS[-1].version


def pending(current: int, migrations: Sequence[Migration] = MIGRATIONS) -> list[Migration]:
    """Migrations still to apply to a database at version ``current``, in order."""
    return [m for m in sorted(migrations, key=lambda m: m.version) if m.version > current]
