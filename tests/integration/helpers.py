"""Helpers shared by integration tests."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import stat
from collections.abc import Iterable
from pathlib import Path

import pytest

from vknz_desktop.domain.models import ConsentScope, Participant, Role
from vknz_desktop.media.probe import PyAvProber
from vknz_desktop.services.recordings import ImportRequest, RecordingService, make_consent
from vknz_desktop.storage.vault import Vault


def import_file(vault: Vault, source: Path, title: str | None = None, **kwargs: object):
    consent = make_consent(
        [ConsentScope.RESEARCHER],
        given_by=Role.KLANT,
        given_on=dt.date(2026, 11, 1),
    )
    request = ImportRequest(
        source=source,
        consent=consent,
        title=title,
        participants=(Participant(display_name="Klant Fictief", role=Role.KLANT),),
    )
    return RecordingService(vault, PyAvProber()).import_recording(request, **kwargs)  # type: ignore[arg-type]


def snapshot(directory: Path) -> dict[str, str]:
    """Every file under ``directory`` with the SHA-256 of its content."""
    result: dict[str, str] = {}
    for path in sorted(directory.rglob("*")):
        if path.is_file():
            result[str(path.relative_to(directory))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return result


def distinctive_blocks(data: bytes, block: int = 32) -> set[bytes]:
    """Aligned blocks of ``data`` with enough distinct byte values to be unmistakable.

    Any 64-byte slice of ``data`` contains at least one whole aligned 32-byte block, so
    finding none of these blocks in a file proves no 64-byte slice of ``data`` is in it.
    """
    blocks = set()
    for start in range(0, len(data) - block + 1, block):
        piece = data[start : start + block]
        if len(set(piece)) >= 12:
            blocks.add(piece)
    return blocks


def files_containing(
    blocks: set[bytes], roots: Iterable[Path], block: int = 32, changed_since: float = 0.0
) -> list[str]:
    """Files under ``roots`` (modified at or after ``changed_since``, an epoch time) that
    contain any of ``blocks`` at any offset."""
    hits: list[str] = []
    for root in roots:
        if not root.exists():
            continue
        for dirpath, _dirs, names in os.walk(root):
            for name in names:
                path = Path(dirpath) / name
                try:
                    info = path.lstat()
                    # Only regular files: opening a FIFO (another test's, in a shared /tmp)
                    # for reading would wait forever.
                    if not stat.S_ISREG(info.st_mode) or info.st_mtime < changed_since:
                        continue
                    content = path.read_bytes()
                except OSError:
                    continue
                for offset in range(0, max(0, len(content) - block + 1)):
                    if content[offset : offset + block] in blocks:
                        hits.append(str(path))
                        break
    return hits


def at_schema(monkeypatch: pytest.MonkeyPatch, version: int) -> None:
    """Make the app behave as a version whose newest schema is ``version`` (to build a vault
    as an older version left it; ``monkeypatch.undo()`` brings back the newest)."""
    from vknz_desktop.storage import database, migrations

    steps = tuple(m for m in migrations.MIGRATIONS if m.version <= version)
    monkeypatch.setattr(database, "LATEST_VERSION", version)
    monkeypatch.setattr(database, "pending", lambda current: migrations.pending(current, steps))


#: The test onderzoeker's own passphrase (not the vault's).
ONDERZOEKER_PASSPHRASE = "lantaarn kompas vijver"
ONDERZOEKER_NAME = "Onderzoeker Fictief"


def register_onderzoeker(
    vault: Vault, name: str = ONDERZOEKER_NAME, passphrase: str = ONDERZOEKER_PASSPHRASE
):
    """Register an onderzoeker (fast test key derivation); returns the SealingRepository."""
    from vknz_desktop.storage.keyfile import TEST_PROFILE
    from vknz_desktop.storage.sealing_repo import SealingRepository

    repository = SealingRepository(vault, kdf_profile=TEST_PROFILE)
    repository.register(name, passphrase, role=Role.ONDERZOEKER)
    return repository


def onderzoeker_session(vault: Vault, name: str = ONDERZOEKER_NAME):
    """The registered onderzoeker's unlocked key, as a screen holds it."""
    from vknz_desktop.services.onderzoeker import OnderzoekerService
    from vknz_desktop.storage.sealing_repo import SealingRepository

    service = OnderzoekerService(SealingRepository(vault))
    return service.unlock(name, ONDERZOEKER_PASSPHRASE, role=Role.ONDERZOEKER)
