"""What the vault itself does about recordings made in the app (see live_recording_repo):
at open, close the ones a crash left mid-recording; in lists, leave out the ones being captured.

Kept apart from ``live_recording_repo`` so that ``vault`` can call it without the repository
(which needs the whole ``Vault``) importing ``vault`` back: it asks only for the few vault
operations in ``RecoverableVault``.
"""

from __future__ import annotations

import logging
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol

import sqlcipher3

from vknz_desktop.domain.models import AuditAction, Role
from vknz_desktop.storage.media_store import (
    MediaDamagedError,
    close_interrupted_live,
    media_path,
)
from vknz_desktop.storage.schema import v0007_live_recordings

log = logging.getLogger(__name__)

RECORDING = "opnemen"
STOPPED = "gestopt"
INTERRUPTED = "onderbroken"

#: The placeholder length of a recording that has only just started (the schema wants > 0).
_STARTING_MS = 1


class RecoverableVault(Protocol):
    """The vault operations recovery needs (``storage.vault.Vault`` has them)."""

    @property
    def media_dir(self) -> Path: ...

    def reading(self) -> AbstractContextManager[Any]: ...

    def writing(self) -> AbstractContextManager[Any]: ...

    def audit(
        self,
        conn: Any,
        action: AuditAction,
        role: Role | None,
        recording_id: str | None,
        details: dict[str, Any] | None = None,
    ) -> None: ...

    def destroy_media_key(self, conn: Any, recording_id: str) -> None: ...

    def reclaim_media(self, recording_id: str) -> None: ...


def discard_live(vault: RecoverableVault, live_id: str, *, role: Role | None) -> None:
    """Remove a live recording that holds nothing playable (key destroyed first)."""
    with vault.writing() as conn:
        vault.destroy_media_key(conn, live_id)
        conn.execute("DELETE FROM recordings WHERE id = ?", (live_id,))
        vault.audit(conn, AuditAction.RECORD_INTERRUPTED, role, live_id, {"ms": 0})
    vault.reclaim_media(live_id)


def ensure_table(vault: RecoverableVault) -> None:
    """Make ``live_recordings`` when a vault lacks it although its schema version is past 7
    (made by a build that had a later migration but not this one); harmless otherwise."""
    with vault.reading() as conn:
        found = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'live_recordings'"
        ).fetchone()
    if found is None:
        with vault.writing() as conn:
            v0007_live_recordings.apply(conn)


def close_interrupted(vault: RecoverableVault) -> list[str]:
    """At open: close every recording that was still being captured when its process stopped
    (at its last complete chunk). Returns Dutch notices for the user."""
    notices: list[str] = []
    ensure_table(vault)
    with vault.reading() as conn:
        rows = conn.execute(
            "SELECT l.recording_id, r.title, r.media_key FROM live_recordings l"
            " JOIN recordings r ON r.id = l.recording_id WHERE l.state = ?",
            (RECORDING,),
        ).fetchall()
    for recording_id, title, key in rows:
        path = media_path(vault.media_dir, recording_id)
        closed = None
        if key is not None and path.exists():
            try:
                closed = close_interrupted_live(path, bytes(key), recording_id)
            except MediaDamagedError as error:
                log.warning("interrupted recording %s is damaged", recording_id)
                notices.append(
                    f"De opname '{title}' werd onderbroken en is beschadigd: {error.message} "
                    "Er is niets aan gewijzigd."
                )
                continue
        if closed is None or closed.size == 0:
            discard_live(vault, recording_id, role=None)
            notices.append(
                f"De opname '{title}' werd afgebroken voordat er iets was opgenomen; "
                "er is niets bewaard."
            )
            continue
        with vault.writing() as conn:
            conn.execute(
                "UPDATE recordings SET size_bytes = ?, duration_ms = ? WHERE id = ?",
                (closed.size, max(_STARTING_MS, closed.media_ms), recording_id),
            )
            conn.execute(
                "UPDATE live_recordings SET state = ?, media_ms = ? WHERE recording_id = ?",
                (INTERRUPTED, closed.media_ms, recording_id),
            )
            vault.audit(
                conn,
                AuditAction.RECORD_INTERRUPTED,
                None,
                recording_id,
                {"ms": closed.media_ms, "bytes": closed.size},
            )
        seconds = closed.media_ms // 1000
        notices.append(
            f"De opname '{title}' werd onderbroken (het programma of de computer stopte). "
            f"Ze is bewaard tot het laatste volledige blok, ongeveer {seconds // 60}:"
            f"{seconds % 60:02d}; hoogstens de laatste 5 seconden ontbreken."
        )
    return notices


def hidden_recording_ids(conn: Any) -> set[str]:
    """Inside a read: recordings being captured now (``Vault.recordings`` leaves them out)."""
    try:
        rows = conn.execute(
            "SELECT recording_id FROM live_recordings WHERE state = ?", (RECORDING,)
        ).fetchall()
    except sqlcipher3.OperationalError:  # a vault of an older schema, not yet opened by us
        return set()
    return {r[0] for r in rows}
