"""Observations in the vault database, with a full-text index (FTS5) for search."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from vknz_desktop.domain.models import Observation, Role, SearchHit

_COLUMNS = (
    "id, recording_id, time_ms, end_ms, profile_id, theme_id, question_id, answer, text,"
    " author_role, author_name, created_at, edited_at"
)
_PREFIXED = ", ".join(f"o.{c.strip()}" for c in _COLUMNS.split(","))
_WORD = re.compile(r"\w+", re.UNICODE)


def _to_observation(row: tuple[Any, ...]) -> Observation:
    (
        obs_id,
        recording_id,
        time_ms,
        end_ms,
        profile_id,
        theme_id,
        question_id,
        answer,
        text,
        role,
        name,
        created,
        edited,
    ) = row
    return Observation(
        id=obs_id,
        recording_id=recording_id,
        time_ms=time_ms,
        end_ms=end_ms,
        profile_id=profile_id,
        theme_id=theme_id,
        question_id=question_id,
        answer=answer,
        text=text,
        author_role=Role(role),
        author_name=name,
        created_at=dt.datetime.fromisoformat(created),
        edited_at=dt.datetime.fromisoformat(edited),
    )


def save(conn: Any, obs: Observation) -> None:
    """Insert or replace ``obs`` (by id)."""
    conn.execute(
        f"INSERT INTO observations({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"  # noqa: S608
        " ON CONFLICT(id) DO UPDATE SET time_ms=excluded.time_ms, end_ms=excluded.end_ms,"
        " profile_id=excluded.profile_id, theme_id=excluded.theme_id,"
        " question_id=excluded.question_id, answer=excluded.answer, text=excluded.text,"
        " author_role=excluded.author_role, author_name=excluded.author_name,"
        " edited_at=excluded.edited_at",
        (
            obs.id,
            obs.recording_id,
            obs.time_ms,
            obs.end_ms,
            obs.profile_id,
            obs.theme_id,
            obs.question_id,
            obs.answer,
            obs.text,
            obs.author_role.value,
            obs.author_name,
            obs.created_at.isoformat(),
            obs.edited_at.isoformat(),
        ),
    )


def delete(conn: Any, observation_id: str) -> None:
    """Remove one observation (no error when it is already gone)."""
    conn.execute("DELETE FROM observations WHERE id = ?", (observation_id,))


def for_recording(conn: Any, recording_id: str) -> list[Observation]:
    """A recording's observations in time order."""
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM observations WHERE recording_id = ?"  # noqa: S608
        " ORDER BY time_ms, created_at",
        (recording_id,),
    ).fetchall()
    return [_to_observation(row) for row in rows]


def one(conn: Any, observation_id: str) -> Observation | None:
    """One observation by id."""
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM observations WHERE id = ?",  # noqa: S608 - constant columns
        (observation_id,),
    ).fetchone()
    return _to_observation(row) if row else None


def fts_query(text: str) -> str | None:
    """A safe FTS5 query: every word as a quoted prefix term, all required."""
    words = _WORD.findall(text)
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words)


def search(conn: Any, text: str, limit: int = 200) -> list[SearchHit]:
    """Observations across all recordings whose text or answer matches every word of ``text``."""
    query = fts_query(text)
    if query is None:
        return []
    rows = conn.execute(
        f"SELECT {_PREFIXED}, r.title,"  # noqa: S608
        " snippet(observations_fts, -1, '[', ']', '…', 12)"
        " FROM observations_fts f JOIN observations o ON o.rowid = f.rowid"
        " JOIN recordings r ON r.id = o.recording_id"
        " WHERE observations_fts MATCH ? ORDER BY rank LIMIT ?",
        (query, limit),
    ).fetchall()
    return [
        SearchHit(observation=_to_observation(row[:13]), recording_title=row[13], snippet=row[14])
        for row in rows
    ]
