"""Ordered schema migrations; the schema version lives in ``PRAGMA user_version``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

Connection = Any  # a sqlcipher3 connection


@dataclass(frozen=True)
class Migration:
    """Brings the schema from ``version - 1`` to ``version``."""

    version: int
    apply: Callable[[Connection], None]


def _run_script(conn: Connection, script: str) -> None:
    """Run ``;``-separated DDL inside the caller's transaction (executescript would commit)."""
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


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


MIGRATIONS: Sequence[Migration] = (Migration(1, _v1_initial),)
LATEST_VERSION = MIGRATIONS[-1].version


def pending(current: int, migrations: Sequence[Migration] = MIGRATIONS) -> list[Migration]:
    """Migrations still to apply to a database at version ``current``, in order."""
    return [m for m in sorted(migrations, key=lambda m: m.version) if m.version > current]
