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
from vknz_desktop.storage.fsutil import fsync_dir

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
            f"U mag in de map van '{source.name}' niets verwijderen (alleen-lezen); het "
            "bronbestand kan niet worden verwijderd. Er is niets geïmporteerd of gewijzigd."
        )
    return SourceCheck(removable_media=_on_removable_media(source))


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
    return check


def _on_removable_media(path: Path) -> bool:
    """Whether ``path`` lives on a device Linux calls removable (SD card, USB stick, phone)."""
    try:
        device = path.stat().st_dev
    except OSError:
        return False
    block = Path(f"/sys/dev/block/{os.major(device)}:{os.minor(device)}")
    with contextlib.suppress(OSError):
        resolved = block.resolve()
        for candidate in (resolved, resolved.parent):
            flag = candidate / "removable"
            if flag.exists():
                return flag.read_text().strip() == "1"
    return False


class SourceFileRemover:
    """Implements ``domain.recording_ports.SourceRemover`` on the vault."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def check(self, source: Path) -> bool:
        """Raises KnownError when the source cannot be removed; True when on removable media."""
        return check_removable(source).removable_media

    def remove(self, source: Path, recording_id: str, role: Role) -> bool:
        return remove_source(self._vault, source, recording_id, role).removable_media
