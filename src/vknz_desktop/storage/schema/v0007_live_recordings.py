"""Schema version 7: recordings made in the app, while they are being recorded.

A row here exists from before capture starts until the finished recording replaces the live
one: ``opnemen`` (capturing), ``gestopt`` (stopped, not yet made seekable), ``onderbroken``
(the process stopped while capturing; closed at the next open). Depends only on version 1.
"""

from __future__ import annotations

from typing import Any

from vknz_desktop.storage.schema import run_script

VERSION = 7


def apply(conn: Any) -> None:
    run_script(
        conn,
        """
        CREATE TABLE IF NOT EXISTS live_recordings (
            recording_id TEXT PRIMARY KEY REFERENCES recordings(id) ON DELETE CASCADE,
            state TEXT NOT NULL CHECK (state IN ('opnemen', 'gestopt', 'onderbroken')),
            started_at TEXT NOT NULL,
            media_ms INTEGER NOT NULL DEFAULT 0 CHECK (media_ms >= 0)
        )
        """,
    )
