"""Leerdoelen, their evidence and the user's extra export terms, in the vault database.

Implements :class:`vknz_desktop.domain.goals.GoalStore` on top of the vault's generic
``reading()`` / ``writing()`` access; every change is one committed transaction.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from collections.abc import Mapping, Sequence
from typing import Any

from vknz_desktop.domain.goals import ClipInfo, Evidence, EvidenceKind, GoalStatus, LearningGoal
from vknz_desktop.domain.models import AuditAction, Role
from vknz_desktop.storage.name_register_repo import NameRegisterRepository
from vknz_desktop.storage.vault import Vault

__all__ = ["GoalRepository"]

_COLUMNS = (
    "id, goal, why, next_time, status, profile_id, theme_id, review_on, session_id,"
    " created_at, updated_at"
)
MAX_TERMS = 500
DEFAULT_PROFILE_ID = "klantgesprek"
VAULT_ID_SETTING = "summary_vault_id"  # the profile a recording is reviewed with by default


def _distinct_words(items: Sequence[str]) -> list[str]:
    """``items`` with their spaces collapsed, empty ones dropped, each once whatever its
    case (the first spelling kept), at most ``MAX_TERMS``."""
    distinct: dict[str, str] = {}
    for item in items:
        value = " ".join(item.split())
        if value:
            distinct.setdefault(value.casefold(), value)
    return list(distinct.values())[:MAX_TERMS]


class GoalRepository:
    """Goals in one open vault."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    # -- goals --------------------------------------------------------------------------------
    def goals(self) -> list[LearningGoal]:
        """All goals, oldest first."""
        with self._vault.reading() as conn:
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM learning_goals"  # noqa: S608 - constant columns
                " ORDER BY created_at, id"
            ).fetchall()
            evidence = self._evidence(conn, None)
        return [_to_goal(row, evidence.get(row[0], ())) for row in rows]

    def goal(self, goal_id: str) -> LearningGoal | None:
        """One goal by id."""
        with self._vault.reading() as conn:
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM learning_goals WHERE id = ?",  # noqa: S608
                (goal_id,),
            ).fetchone()
            if row is None:
                return None
            evidence = self._evidence(conn, goal_id)
        return _to_goal(row, evidence.get(goal_id, ()))

    def save_goal(self, goal: LearningGoal) -> None:
        """Insert or replace a goal and its evidence (one transaction)."""
        with self._vault.writing() as conn:
            conn.execute(
                f"INSERT INTO learning_goals({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?)"  # noqa: S608
                " ON CONFLICT(id) DO UPDATE SET goal=excluded.goal, why=excluded.why,"
                " next_time=excluded.next_time, status=excluded.status,"
                " profile_id=excluded.profile_id, theme_id=excluded.theme_id,"
                " review_on=excluded.review_on, session_id=excluded.session_id,"
                " created_at=excluded.created_at, updated_at=excluded.updated_at",
                (
                    goal.id,
                    goal.goal,
                    goal.why,
                    goal.next_time,
                    goal.status.value,
                    goal.profile_id,
                    goal.theme_id,
                    goal.review_on.isoformat() if goal.review_on else None,
                    goal.session_id,
                    goal.created_at.isoformat(),
                    goal.updated_at.isoformat(),
                ),
            )
            conn.execute("DELETE FROM goal_evidence WHERE goal_id = ?", (goal.id,))
            conn.executemany(
                "INSERT INTO goal_evidence(goal_id, position, kind, item_id, recording_id,"
                " time_ms, end_ms) VALUES (?,?,?,?,?,?,?)",
                [
                    (
                        goal.id,
                        position,
                        item.kind.value,
                        item.item_id,
                        item.recording_id,
                        item.time_ms,
                        item.end_ms,
                    )
                    for position, item in enumerate(goal.evidence)
                ],
            )

    def delete_goal(self, goal_id: str) -> None:
        """Remove a goal (its evidence links go with it)."""
        with self._vault.writing() as conn:
            conn.execute("DELETE FROM learning_goals WHERE id = ?", (goal_id,))

    # -- extra terms for de-identification ----------------------------------------------------
    def extra_terms(self) -> list[str]:
        """The user's own words to leave out of every export, alphabetically."""
        with self._vault.reading() as conn:
            rows = conn.execute("SELECT term FROM export_terms ORDER BY term COLLATE NOCASE")
            return [str(row[0]) for row in rows.fetchall()]

    def set_extra_terms(self, terms: Sequence[str]) -> None:
        """Replace the list of extra terms."""
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self._vault.writing() as conn:
            conn.execute("DELETE FROM export_terms")
            conn.executemany(
                "INSERT INTO export_terms(term, added_at) VALUES (?, ?)",
                [(value, now) for value in _distinct_words(terms)],
            )
            # A term the user removed is the user's choice: the register forgets it too (a
            # name registered as a name stays).
            conn.execute(
                "DELETE FROM name_register WHERE kind = 'term'"
                " AND name NOT IN (SELECT term FROM export_terms)"
            )

    # -- the name register, accepted words and the vault's summary id -------------------------
    def registered_names(self) -> list[str]:
        """Every name ever registered in the vault (see ``storage.name_register_repo``)."""
        return NameRegisterRepository(self._vault).names()

    def register_names(self, names: Sequence[str]) -> None:
        """Register names that have no row of their own (the user's own name)."""
        NameRegisterRepository(self._vault).register(names)

    def accepted_words(self) -> list[str]:
        """Doubtful words the user chose to keep in summaries, alphabetically."""
        with self._vault.reading() as conn:
            rows = conn.execute("SELECT word FROM accepted_words ORDER BY word COLLATE NOCASE")
            return [str(row[0]) for row in rows.fetchall()]

    def set_accepted_words(self, words: Sequence[str]) -> None:
        """Replace the list of accepted words."""
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self._vault.writing() as conn:
            conn.execute("DELETE FROM accepted_words")
            conn.executemany(
                "INSERT INTO accepted_words(word, added_at) VALUES (?, ?)",
                [(value, now) for value in _distinct_words(words)],
            )

    def vault_id(self) -> str | None:
        """The opaque random id summaries of this vault carry (made once, never from a name)."""
        value = self._vault.setting(VAULT_ID_SETTING)
        if value is None and not self._vault.read_only:
            value = secrets.token_hex(16)
            self._vault.set_setting(VAULT_ID_SETTING, value)
        return value

    def fragment_sources(self) -> dict[str, str]:
        """Fragment recording id → the recording it was cut from (from the audit log's
        ``keep_fragments`` entries: ids only)."""
        with self._vault.reading() as conn:
            rows = conn.execute(
                "SELECT recording_id, details FROM audit_log"
                " WHERE action = ? AND recording_id IS NOT NULL",
                (AuditAction.KEEP_FRAGMENTS.value,),
            ).fetchall()
        sources: dict[str, str] = {}
        for recording_id, details in rows:
            try:
                source = json.loads(details).get("source")
            except (ValueError, AttributeError):
                continue
            if isinstance(source, str) and source:
                sources[str(recording_id)] = source
        return sources

    # -- what the goals need to know of clips and review sessions -----------------------------
    def clip_info(self, clip_id: str) -> ClipInfo | None:
        """A clip's recording, range, note and theme (None when unknown or no clips feature)."""
        fragments = _fragments(self._vault)
        if fragments is None:
            return None
        clip = fragments.clip(clip_id)
        if clip is None:
            return None
        recording = next((r for r in self._vault.recordings() if r.id == clip.recording_id), None)
        profile_id = (recording.profile_id if recording else None) or DEFAULT_PROFILE_ID
        # Title and note stay apart in the summary's one line: "title — note".
        text = " — ".join(part for part in (clip.title.strip(), clip.note.strip()) if part)
        return ClipInfo(
            id=clip.id,
            recording_id=clip.recording_id,
            start_ms=clip.start_ms,
            end_ms=clip.end_ms,
            text=text,
            profile_id=profile_id if clip.theme_id else None,
            theme_id=clip.theme_id,
        )

    def sessions_between(self, start: dt.date, end: dt.date) -> int | None:
        """How many review sessions took place between ``start`` and ``end`` (inclusive)."""
        fragments = _fragments(self._vault)
        if fragments is None:
            return None
        days = [s.session_date or s.created_at.date() for s in fragments.sessions()]
        return int(sum(start <= day <= end for day in days))

    # -- audit --------------------------------------------------------------------------------
    def record_export(self, role: Role | None, details: Mapping[str, int | str]) -> None:
        """Note in the audit log that something was exported (what kind and how much, never
        its content)."""
        with self._vault.writing() as conn:
            Vault.audit(conn, AuditAction.EXPORT, role, None, dict(details))

    # -- helpers ------------------------------------------------------------------------------
    @staticmethod
    def _evidence(conn: Any, goal_id: str | None) -> dict[str, list[Evidence]]:
        sql = "SELECT goal_id, kind, item_id, recording_id, time_ms, end_ms FROM goal_evidence"
        params: tuple[str, ...] = ()
        if goal_id is not None:
            sql += " WHERE goal_id = ?"
            params = (goal_id,)
        result: dict[str, list[Evidence]] = {}
        for gid, kind, item_id, recording_id, time_ms, end_ms in conn.execute(
            sql + " ORDER BY goal_id, position", params
        ).fetchall():
            result.setdefault(gid, []).append(
                Evidence(
                    kind=EvidenceKind(kind),
                    item_id=item_id,
                    recording_id=recording_id,
                    time_ms=time_ms,
                    end_ms=end_ms,
                )
            )
        return result


def _fragments(vault: Vault) -> Any:
    """The clips and sessions repository, when that feature is installed."""
    try:
        from vknz_desktop.storage.fragments_repo import FragmentsRepository
    except ImportError:  # pragma: no cover - the clips feature is part of the app
        return None
    return FragmentsRepository(vault)


def _to_goal(row: tuple[Any, ...], evidence: Sequence[Evidence]) -> LearningGoal:
    (
        goal_id,
        goal,
        why,
        next_time,
        status,
        profile_id,
        theme_id,
        review_on,
        session_id,
        created,
        updated,
    ) = row
    return LearningGoal(
        id=goal_id,
        goal=goal,
        why=why,
        next_time=next_time,
        status=GoalStatus(status),
        profile_id=profile_id,
        theme_id=theme_id,
        review_on=dt.date.fromisoformat(review_on) if review_on else None,
        session_id=session_id,
        evidence=tuple(evidence),
        created_at=dt.datetime.fromisoformat(created),
        updated_at=dt.datetime.fromisoformat(updated),
    )
