"""Removing an imported recording's source file, honestly.

Deleting a file removes its name; on flash storage (SD cards, USB sticks, SSDs, phones) the
bytes may stay readable until the device reuses the space, and nothing here can change that,
so nothing here claims to overwrite. The removal is audited with the recording's id.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.models import AuditAction, Role
from vknz_desktop.domain.recording_ports import SourceReminder
from vknz_desktop.storage.fsutil import fsync_dir
from vknz_desktop.storage.removable import PHONE, medium_of

if TYPE_CHECKING:
    from vknz_desktop.storage.vault import Vault


@dataclass(frozen=True)
class SourceCheck:
    """Whether a source file can be removed, and whether it is on removable media."""

    removable_media: bool


def check_removable(source: Path) -> SourceCheck:
    """Refuse (KnownError) when the source cannot be removed: a read-only medium or folder."""
    try:
        info = os.statvfs(source.parent)
    except OSError as error:
        raise KnownError(
            f"De map van '{source.name}' is niet te lezen ({error.strerror})."
        ) from error
    if info.f_flag & getattr(os, "ST_RDONLY", 1):
        raise KnownError(
            f"'{source.name}' staat op een medium dat alleen gelezen kan worden (bijvoorbeeld "
            "een vergrendelde geheugenkaart); het bronbestand kan niet worden verwijderd. "
            "Er is niets geïmporteerd of gewijzigd."
        )
    if not os.access(source.parent, os.W_OK | os.X_OK):
        raise KnownError(
            f"Je mag in de map van '{source.name}' niets verwijderen (alleen-lezen); het "
            "bronbestand kan niet worden verwijderd. Er is niets geïmporteerd of gewijzigd."
        )
    return SourceCheck(removable_media=medium_of(source) is not None)


def remove_source(vault: Vault, source: Path, recording_id: str, role: Role) -> SourceCheck:
    """Remove ``source`` after its import and audit it (the recording's id, whether the medium
    was removable; never the file name)."""
    check = check_removable(source)
    try:
        source.unlink()
    except OSError as error:
        raise KnownError(
            f"De opname is geïmporteerd, maar '{source.name}' kon niet worden verwijderd "
            f"({error.strerror}). Verwijder het bestand zelf."
        ) from error
    with contextlib.suppress(OSError):
        fsync_dir(source.parent)
    with vault.writing() as conn:
        vault.audit(
            conn,
            AuditAction.SOURCE_REMOVED,
            role,
            recording_id,
            {"removable_media": int(check.removable_media)},
        )
        # The library's reminder now asks only for the phone's cloud copy (schema 10).
        conn.execute(
            "UPDATE source_reminders SET source_removed = 1 WHERE recording_id = ?",
            (recording_id,),
        )
    return check


class SourceFileRemover:
    """Implements ``domain.recording_ports.SourceRemover`` on the vault."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def check(self, source: Path) -> bool:
        """Raises KnownError when the source cannot be removed; True when on removable media."""
        return check_removable(source).removable_media

    def remove(self, source: Path, recording_id: str, role: Role) -> bool:
        return remove_source(self._vault, source, recording_id, role).removable_media

    def reminders(self) -> dict[str, SourceReminder]:
        """Recordings imported from a phone or removable medium that the user has not yet
        said are removed there (``domain.recording_ports.SourceReminders``)."""
        with self._vault.reading() as conn:
            rows = conn.execute(
                "SELECT recording_id, medium, source_removed FROM source_reminders"
            ).fetchall()
        return {
            str(rid): SourceReminder(str(rid), phone=medium == PHONE, source_removed=bool(done))
            for rid, medium, done in rows
        }

    def dismiss(self, recording_id: str) -> None:
        """The user removed the copies on the phone or card (and its cloud): no reminder."""
        with self._vault.writing() as conn:
            conn.execute("DELETE FROM source_reminders WHERE recording_id = ?", (recording_id,))
