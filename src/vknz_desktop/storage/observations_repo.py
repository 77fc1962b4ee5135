"""Observations in the vault database, with a full-text index (FTS5) for search.

Klant feedback that may not (yet) be shared never becomes a row here once an onderzoeker is
registered: ``save`` seals it instead (``sealed_store``; the database refuses such a row too),
so its words reach neither the table nor the full-text index. Without a registered onderzoeker
a new klant item is refused (``NoOnderzoekerError``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from vknz_desktop.domain.models import Observation, Role, SearchHit, SharingState
from vknz_desktop.domain.sealing import NoOnderzoekerError
from vknz_desktop.domain.visibility import is_klant_feedback
from vknz_desktop.storage import sealed_store

_COLUMNS = (
    "id, recording_id, time_ms, end_ms, profile_id, theme_id, question_id, answer, text,"
    " author_role, author_name, created_at, edited_at, session_id, perspective, sharing_state,"
    " shared_at, shared_by"
)
_COLUMN_COUNT = len(_COLUMNS.split(","))
_PLACEHOLDERS = ",".join("?" * _COLUMN_COUNT)
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
        session_id,
        perspective,
        sharing_state,
        shared_at,
        shared_by,
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
        session_id=session_id,
        perspective=Role(perspective) if perspective else None,
        sharing_state=SharingState(sharing_state),
        shared_at=dt.datetime.fromisoformat(shared_at) if shared_at else None,
        shared_by=shared_by,
    )


def save(conn: Any, obs: Observation) -> bool:
    """Insert or replace ``obs`` (by id); klant feedback that is not shared is sealed.

    An update keeps the stored sharing state (and who shared it, when): that changes only
    through the audited ``sealing_repo.SealingRepository.set_sharing_state`` (so an undo of a
    text edit cannot revert it). Returns True when a row that was in the clear was sealed
    (the caller then reclaims the space its words took).
    """
    sealed_state = sealed_store.state_of(conn, obs.id)
    if sealed_state is not None:  # an edit of a sealed item: sealed again
        sealed_store.reseal(conn, obs.model_copy(update={"sharing_state": sealed_state}))
        return False
    row = conn.execute(
        "SELECT sharing_state, shared_at, shared_by FROM observations WHERE id = ?", (obs.id,)
    ).fetchone()
    if row is not None:
        obs = obs.model_copy(
            update={
                "sharing_state": SharingState(row[0]),
                "shared_at": dt.datetime.fromisoformat(row[1]) if row[1] else None,
                "shared_by": row[2],
            }
        )
    if is_klant_feedback(obs) and obs.sharing_state != SharingState.SHARED:
        readers = sealed_store.recipients(conn)
        if readers:
            sealed_store.seal_plain(conn, obs, readers)
            return row is not None
        if row is None and sealed_store.has_tables(conn):
            raise NoOnderzoekerError()
    _upsert(conn, obs)
    return False


def insert_plain(conn: Any, obs: Observation) -> None:
    """Insert ``obs`` as a plaintext row as it is (sharing an unsealed item)."""
    _upsert(conn, obs)


def row_values(obs: Observation) -> tuple[object, ...]:
    """``obs`` as the values of ``_COLUMNS``."""
    return (
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
        obs.session_id,
        obs.perspective.value if obs.perspective else None,
        obs.sharing_state.value,
        obs.shared_at.isoformat() if obs.shared_at else None,
        obs.shared_by,
    )


def _upsert(conn: Any, obs: Observation) -> None:
    conn.execute(
        f"INSERT INTO observations({_COLUMNS}) VALUES ({_PLACEHOLDERS})"  # noqa: S608
        " ON CONFLICT(id) DO UPDATE SET time_ms=excluded.time_ms, end_ms=excluded.end_ms,"
        " profile_id=excluded.profile_id, theme_id=excluded.theme_id,"
        " question_id=excluded.question_id, answer=excluded.answer, text=excluded.text,"
        " author_role=excluded.author_role, author_name=excluded.author_name,"
        " edited_at=excluded.edited_at, session_id=excluded.session_id,"
        " perspective=excluded.perspective",
        row_values(obs),
    )


def delete(conn: Any, observation_id: str) -> None:
    """Remove one observation, or sealed item (no error when it is already gone)."""
    conn.execute("DELETE FROM observations WHERE id = ?", (observation_id,))
    if sealed_store.has_tables(conn):
        conn.execute("DELETE FROM sealed_items WHERE id = ?", (observation_id,))


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
        SearchHit(
            observation=_to_observation(row[:_COLUMN_COUNT]),
            recording_title=row[_COLUMN_COUNT],
            snippet=row[_COLUMN_COUNT + 1],
        )
        for row in rows
    ]
