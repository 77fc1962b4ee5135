"""Clips, review sessions, sharing states and keep-fragments-only, stored in the vault.

Implements ``domain.review_ports.ReviewRepository`` on top of the vault's generic ``reading()``
and ``writing()`` access, so the vault class itself stays small. Every change is committed when
the call returns; audit entries carry ids and states, never text.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlcipher3

from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.fragments import (
    Clip,
    ClipMove,
    ObservationMove,
    ReviewSession,
    SessionItem,
)
from vknz_desktop.domain.models import (
    AuditAction,
    Observation,
    Participant,
    Recording,
    Role,
    SharingState,
)
from vknz_desktop.domain.review_ports import NewFragment, StagedMedia
from vknz_desktop.domain.sealing import OnderzoekerKey, SealedItem
from vknz_desktop.storage import observations_repo, sealed_store
from vknz_desktop.storage.media_store import DEFAULT_CHUNK_SIZE, ChunkWriter, media_path
from vknz_desktop.storage.recording_rows import insert_recording
from vknz_desktop.storage.sealing_repo import SealingRepository
from vknz_desktop.storage.vault import Vault

_CLIP_COLUMNS = "id, recording_id, start_ms, end_ms, title, note, theme_id, created_at, edited_at"
_SESSION_COLUMNS = (
    "id, title, session_date, left_perspective, right_perspective, created_at, edited_at, ended_at"
)
_ITEM_COLUMNS = "id, session_id, clip_id, position, prompt"


@dataclass(frozen=True)
class _StagedFragment:
    """Encrypted media in ``media/<id>.vkm`` whose key lives only here until it is committed."""

    recording_id: str
    size_bytes: int
    sha256: str
    chunk_size: int
    key: bytes = field(repr=False)


def _iso(moment: dt.datetime) -> str:
    return moment.isoformat()


def _to_clip(row: tuple[Any, ...]) -> Clip:
    clip_id, recording_id, start, end, title, note, theme_id, created, edited = row
    return Clip(
        id=clip_id,
        recording_id=recording_id,
        start_ms=start,
        end_ms=end,
        title=title,
        note=note,
        theme_id=theme_id,
        created_at=dt.datetime.fromisoformat(created),
        edited_at=dt.datetime.fromisoformat(edited),
    )


def _to_item(row: tuple[Any, ...]) -> SessionItem:
    item_id, session_id, clip_id, position, prompt = row
    return SessionItem(
        id=item_id, session_id=session_id, clip_id=clip_id, position=position, prompt=prompt
    )


class FragmentsRepository:
    """The ``ReviewRepository`` port for one unlocked vault."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    # -- clips --------------------------------------------------------------------------------
    def clips(self, recording_id: str) -> list[Clip]:
        """A recording's clips in time order."""
        with self._vault.reading() as conn:
            rows = conn.execute(
                f"SELECT {_CLIP_COLUMNS} FROM clips WHERE recording_id = ?"  # noqa: S608
                " ORDER BY start_ms, end_ms, created_at",
                (recording_id,),
            ).fetchall()
        return [_to_clip(row) for row in rows]

    def all_clips(self) -> list[Clip]:
        """Every clip of every recording whose media is still there."""
        with self._vault.reading() as conn:
            rows = conn.execute(
                f"SELECT {', '.join('c.' + c.strip() for c in _CLIP_COLUMNS.split(','))}"  # noqa: S608
                " FROM clips c JOIN recordings r ON r.id = c.recording_id"
                " WHERE r.media_key IS NOT NULL"
                " ORDER BY coalesce(r.conversation_date, substr(r.imported_at, 1, 10)), r.title,"
                " r.id, c.start_ms, c.end_ms"
            ).fetchall()
        return [_to_clip(row) for row in rows]

    def clip(self, clip_id: str) -> Clip | None:
        """One clip by id."""
        with self._vault.reading() as conn:
            row = conn.execute(
                f"SELECT {_CLIP_COLUMNS} FROM clips WHERE id = ?",  # noqa: S608
                (clip_id,),
            ).fetchone()
        return _to_clip(row) if row else None

    def save_clip(self, clip: Clip) -> None:
        """Insert or update a clip."""
        with self._vault.writing() as conn:
            conn.execute(
                f"INSERT INTO clips({_CLIP_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?)"  # noqa: S608
                " ON CONFLICT(id) DO UPDATE SET start_ms = excluded.start_ms,"
                " end_ms = excluded.end_ms, title = excluded.title, note = excluded.note,"
                " theme_id = excluded.theme_id, edited_at = excluded.edited_at",
                (
                    clip.id,
                    clip.recording_id,
                    clip.start_ms,
                    clip.end_ms,
                    clip.title,
                    clip.note,
                    clip.theme_id,
                    _iso(clip.created_at),
                    _iso(clip.edited_at),
                ),
            )

    def delete_clip(self, clip_id: str) -> None:
        """Remove a clip (and its places in session playlists)."""
        with self._vault.writing() as conn:
            conn.execute("DELETE FROM clips WHERE id = ?", (clip_id,))

    def session_items_for_clip(self, clip_id: str) -> list[SessionItem]:
        """The playlist places of a clip, in any session."""
        with self._vault.reading() as conn:
            rows = conn.execute(
                f"SELECT {_ITEM_COLUMNS} FROM review_session_items WHERE clip_id = ?",  # noqa: S608
                (clip_id,),
            ).fetchall()
        return [_to_item(row) for row in rows]

    def restore_session_items(self, items: Sequence[SessionItem]) -> None:
        """Put playlist places back exactly as they were (undo of a clip deletion)."""
        with self._vault.writing() as conn:
            conn.executemany(
                f"INSERT OR REPLACE INTO review_session_items({_ITEM_COLUMNS})"  # noqa: S608
                " VALUES (?,?,?,?,?)",
                [(i.id, i.session_id, i.clip_id, i.position, i.prompt) for i in items],
            )

    # -- review sessions ----------------------------------------------------------------------
    def sessions(self) -> list[ReviewSession]:
        """All sessions, newest first."""
        with self._vault.reading() as conn:
            rows = conn.execute(
                f"SELECT {_SESSION_COLUMNS} FROM review_sessions"  # noqa: S608
                " ORDER BY coalesce(session_date, substr(created_at, 1, 10)) DESC, created_at DESC"
            ).fetchall()
            return [self._to_session(conn, row) for row in rows]

    def session(self, session_id: str) -> ReviewSession | None:
        """One session by id."""
        with self._vault.reading() as conn:
            row = conn.execute(
                f"SELECT {_SESSION_COLUMNS} FROM review_sessions WHERE id = ?",  # noqa: S608
                (session_id,),
            ).fetchone()
            return self._to_session(conn, row) if row else None

    def save_session(self, session: ReviewSession) -> None:
        """Insert or update a session with its participants."""
        left, right = session.perspectives
        with self._vault.writing() as conn:
            conn.execute(
                f"INSERT INTO review_sessions({_SESSION_COLUMNS})"  # noqa: S608
                " VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET title = excluded.title,"
                " session_date = excluded.session_date,"
                " left_perspective = excluded.left_perspective,"
                " right_perspective = excluded.right_perspective,"
                " edited_at = excluded.edited_at, ended_at = excluded.ended_at",
                (
                    session.id,
                    session.title,
                    session.session_date.isoformat() if session.session_date else None,
                    left.value,
                    right.value,
                    _iso(session.created_at),
                    _iso(session.edited_at),
                    _iso(session.ended_at) if session.ended_at else None,
                ),
            )
            conn.execute(
                "DELETE FROM review_session_participants WHERE session_id = ?", (session.id,)
            )
            conn.executemany(
                "INSERT INTO review_session_participants(session_id, position, display_name, role)"
                " VALUES (?,?,?,?)",
                [
                    (session.id, i, p.display_name, p.role.value)
                    for i, p in enumerate(session.participants)
                ],
            )

    def delete_session(self, session_id: str) -> None:
        """Remove a session and its playlist; its observations stay (without the session)."""
        with self._vault.writing() as conn:
            conn.execute("DELETE FROM review_sessions WHERE id = ?", (session_id,))

    def session_items(self, session_id: str) -> list[SessionItem]:
        """A session's playlist in order."""
        with self._vault.reading() as conn:
            rows = conn.execute(
                f"SELECT {_ITEM_COLUMNS} FROM review_session_items"  # noqa: S608
                " WHERE session_id = ? ORDER BY position",
                (session_id,),
            ).fetchall()
        return [_to_item(row) for row in rows]

    def save_session_items(self, session_id: str, items: Sequence[SessionItem]) -> None:
        """Replace a session's playlist (order as given)."""
        with self._vault.writing() as conn:
            conn.execute("DELETE FROM review_session_items WHERE session_id = ?", (session_id,))
            conn.executemany(
                f"INSERT INTO review_session_items({_ITEM_COLUMNS})"  # noqa: S608
                " VALUES (?,?,?,?,?)",
                [
                    (item.id, session_id, item.clip_id, position, item.prompt)
                    for position, item in enumerate(items)
                ],
            )

    def session_observations(self, session_id: str) -> list[Observation]:
        """Observations typed during a session, oldest first."""
        with self._vault.reading() as conn:
            rows = conn.execute(
                f"SELECT {observations_repo._COLUMNS} FROM observations"  # noqa: S608
                " WHERE session_id = ? ORDER BY created_at",
                (session_id,),
            ).fetchall()
        return [observations_repo._to_observation(row) for row in rows]

    # -- klant feedback -----------------------------------------------------------------------
    def set_sharing_state(
        self,
        observation_id: str,
        state: SharingState,
        *,
        role: Role,
        key: OnderzoekerKey | None = None,
    ) -> Observation:
        """Change whether klant feedback may be shared; audited with ids and states only.

        A sealed item needs the onderzoeker's unlocked ``key`` (see ``sealing_repo``).
        """
        return SealingRepository(self._vault).set_sharing_state(
            observation_id, state, role=role, key=key
        )

    # -- keep fragments only ------------------------------------------------------------------
    def stage_media(self, data: bytes) -> StagedMedia:
        """Encrypt ``data`` (plaintext in memory) into a new media file, not yet owned.

        Until ``replace_with_fragments`` commits, the file belongs to no recording: it is
        removed by ``discard_staged``, or at the next open after a crash.
        """
        if not data:
            raise KnownError("Een fragment bleek leeg; er is niets gewijzigd.")
        recording_id = uuid.uuid4().hex
        key = os.urandom(32)
        chunk = DEFAULT_CHUNK_SIZE
        writer = ChunkWriter(self._vault.media_dir, recording_id, key, chunk)
        view = memoryview(data)
        try:
            for offset in range(0, len(data), chunk):
                piece = view[offset : offset + chunk]
                writer.write_chunk(piece, last=offset + chunk >= len(data))
            layout = writer.commit()
        except BaseException:
            writer.discard()
            raise
        finally:
            view.release()
        return _StagedFragment(
            recording_id=recording_id,
            size_bytes=layout.size,
            sha256=hashlib.sha256(data).hexdigest(),
            chunk_size=layout.chunk_size,
            key=key,
        )

    def discard_staged(self, staged: StagedMedia) -> None:
        """Remove a staged media file that will not be used."""
        with contextlib.suppress(FileNotFoundError):
            media_path(self._vault.media_dir, staged.recording_id).unlink()

    def replace_with_fragments(
        self,
        original_id: str,
        fragments: Sequence[NewFragment],
        clip_moves: Sequence[ClipMove],
        observation_moves: Sequence[ObservationMove],
        *,
        role: Role,
        now: dt.datetime,
    ) -> list[Recording]:
        """In one transaction: add the fragment recordings, move clips and observations into
        them, drop the original's derived pictures and destroy its key; then remove its file.

        The original's row stays (without media), so the observations outside the clips are
        kept as text.
        """
        original = self._vault.recording(original_id)
        if not original.media_available:
            raise KnownError("Van deze opname is de video of het geluid al verwijderd.")
        staged = [_require_staged(f.staged) for f in fragments]
        imported_at = now.isoformat(timespec="seconds")
        try:
            with self._vault.writing() as conn:
                for fragment, media in zip(fragments, staged, strict=True):
                    self._insert_fragment(conn, original, fragment, media, imported_at, now, role)
                for move in clip_moves:
                    conn.execute(
                        "UPDATE clips SET recording_id = ?, start_ms = ?, end_ms = ?,"
                        " edited_at = ? WHERE id = ?",
                        (
                            staged[move.fragment].recording_id,
                            move.start_ms,
                            move.end_ms,
                            _iso(now),
                            move.clip_id,
                        ),
                    )
                for obs_move in observation_moves:
                    for table in ("observations", "sealed_items"):  # an id is in one of them
                        conn.execute(
                            f"UPDATE {table} SET recording_id = ?, time_ms = ?, end_ms = ?"  # noqa: S608
                            " WHERE id = ?",
                            (
                                staged[obs_move.fragment].recording_id,
                                obs_move.time_ms,
                                obs_move.end_ms,
                                obs_move.observation_id,
                            ),
                        )
                Vault.destroy_media_key(conn, original_id)
                kept = conn.execute(
                    "SELECT count(*) FROM observations WHERE recording_id = ?", (original_id,)
                ).fetchone()[0]
                Vault.audit(
                    conn,
                    AuditAction.KEEP_FRAGMENTS,
                    role,
                    original_id,
                    {
                        "fragments": len(fragments),
                        "clips": len(clip_moves),
                        "observations_moved": len(observation_moves),
                        "observations_kept_as_text": int(kept),
                    },
                )
        except sqlcipher3.IntegrityError as error:
            raise KnownError(
                "De fragmenten konden niet worden bewaard (een fragment staat al in de kluis). "
                "Er is niets gewijzigd."
            ) from error
        self._vault.reclaim_media(original_id)
        return [self._vault.recording(media.recording_id) for media in staged]

    def sealed_items(self, recording_id: str) -> list[SealedItem]:
        """The sealed klant items of a recording (facts only, never their words)."""
        with self._vault.reading() as conn:
            return sealed_store.items(conn, recording_id=recording_id)

    def replaced_recordings(self) -> dict[str, list[str]]:
        """Recordings replaced by their fragments (media gone, row kept): id → fragment ids,
        oldest replacement first, fragments in time order."""
        with self._vault.reading() as conn:
            rows = conn.execute(
                "SELECT o.id, f.id FROM recordings f JOIN recordings o ON o.id = f.derived_from"
                " WHERE o.media_key IS NULL ORDER BY f.imported_at, o.id, f.rowid"
            ).fetchall()
        result: dict[str, list[str]] = {}
        for original_id, fragment_id in rows:
            result.setdefault(original_id, []).append(fragment_id)
        return result

    def original_of(self, recording_id: str) -> str | None:
        """The recording a fragment was cut from, if it was."""
        with self._vault.reading() as conn:
            row = conn.execute(
                "SELECT derived_from FROM recordings WHERE id = ?", (recording_id,)
            ).fetchone()
        return row[0] if row and row[0] else None

    # -- helpers ------------------------------------------------------------------------------
    @staticmethod
    def _insert_fragment(
        conn: Any,
        original: Recording,
        fragment: NewFragment,
        media: _StagedFragment,
        imported_at: str,
        now: dt.datetime,
        role: Role,
    ) -> None:
        info = fragment.media
        insert_recording(
            conn,
            recording_id=media.recording_id,
            title=fragment.title,
            conversation_date=original.conversation_date,
            media=info,
            size_bytes=media.size_bytes,
            sha256=media.sha256,
            chunk_size=media.chunk_size,
            media_key=media.key,
            imported_at=imported_at,
            profile_id=original.profile_id,
            derived_from=original.id,
        )
        Vault._insert_participants(conn, media.recording_id, original.participants)
        Vault._upsert_consent(conn, media.recording_id, original.consent, now)
        Vault.audit(
            conn,
            AuditAction.KEEP_FRAGMENTS,
            role,
            media.recording_id,
            {"source": original.id, "bytes": media.size_bytes},
        )

    @staticmethod
    def _to_session(conn: Any, row: tuple[Any, ...]) -> ReviewSession:
        session_id, title, day, left, right, created, edited, ended = row
        participants = tuple(
            Participant(display_name=name, role=Role(role))
            for name, role in conn.execute(
                "SELECT display_name, role FROM review_session_participants"
                " WHERE session_id = ? ORDER BY position",
                (session_id,),
            ).fetchall()
        )
        return ReviewSession(
            id=session_id,
            title=title,
            session_date=dt.date.fromisoformat(day) if day else None,
            participants=participants,
            perspectives=(Role(left), Role(right)),
            created_at=dt.datetime.fromisoformat(created),
            edited_at=dt.datetime.fromisoformat(edited),
            ended_at=dt.datetime.fromisoformat(ended) if ended else None,
        )


def _require_staged(staged: StagedMedia) -> _StagedFragment:
    if not isinstance(staged, _StagedFragment):
        raise TypeError("staged media must come from this repository's stage_media()")
    return staged
