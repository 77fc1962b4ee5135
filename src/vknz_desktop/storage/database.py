"""Opening the SQLCipher database with a raw key, safe pragmas, and clear errors."""

from __future__ import annotations

import contextlib
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlcipher3

from vknz_desktop.domain.errors import KnownError, VaultDamagedError
from vknz_desktop.storage.fsutil import (
    PRIVATE_FILE_MODE,
    disk_full_as_known_error,
    make_private_dir,
)
from vknz_desktop.storage.migrations import LATEST_VERSION, pending

DATABASE_FILE_NAME = "vault.db"
BACKUP_DIR_NAME = "backups"
PAGE_SIZE = 4096
PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"

DatabaseError = sqlcipher3.DatabaseError


class DamagedPagesError(VaultDamagedError):
    """The database opens (its schema is readable) but some pages fail authentication or the
    integrity check: what is still sound can be salvaged (storage/salvage.py)."""


class NewerSchemaError(KnownError):
    """The vault was written by a newer version of the app."""


def connect(path: Path, key: bytes) -> Any:
    """Open the database at ``path`` with the raw 256-bit ``key`` and apply safe pragmas.

    Raises VaultDamagedError with a message that says what is wrong with the file.
    """
    existed = path.exists()
    if existed:
        _check_file_shape(path)
    try:
        conn = sqlcipher3.connect(
            str(path), isolation_level=None, check_same_thread=False, timeout=10
        )
    except sqlcipher3.Error as error:
        raise VaultDamagedError(f"Het kluisbestand kan niet worden geopend ({error}).") from error
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if not existed:
            # Must be set before the first table exists.
            conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
    except sqlcipher3.DatabaseError as error:
        conn.close()
        raise _classify(error) from error
    except BaseException:
        conn.close()
        raise
    try:
        ok = conn.execute("PRAGMA quick_check").fetchone()
        if ok is None or ok[0] != "ok":
            raise DamagedPagesError(
                "Het kluisbestand is beschadigd (de interne controle vond fouten). "
                "Zet een reservekopie terug of voer 'vknz verify' uit voor details."
            )
    except sqlcipher3.DatabaseError as error:
        conn.close()
        raise DamagedPagesError(f"Het kluisbestand is beschadigd ({error}).") from error
    except BaseException:
        conn.close()
        raise
    with contextlib.suppress(OSError):
        path.chmod(PRIVATE_FILE_MODE)
    return conn


def connect_for_reading(path: Path, key: bytes) -> Any:
    """A bare keyed connection that only reads (no checks, no pragmas that write): used to
    salvage what is still sound from a damaged database (storage/salvage.py)."""
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA query_only = ON")
    return conn


def _check_file_shape(path: Path) -> None:
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(len(PLAIN_SQLITE_HEADER))
    except OSError as error:
        raise VaultDamagedError(
            f"Het kluisbestand kan niet worden gelezen ({error.strerror})."
        ) from error
    if size == 0:
        raise VaultDamagedError(
            "Het kluisbestand is leeg: het is afgekapt of nooit goed aangemaakt."
        )
    if head == PLAIN_SQLITE_HEADER:
        raise VaultDamagedError(
            "Dit bestand is een gewone, onversleutelde database en geen VKNZ-kluis."
        )
    if size % PAGE_SIZE:
        raise VaultDamagedError(
            "Het kluisbestand is afgekapt (onvolledig). Zet een reservekopie van de kluismap terug."
        )


def _classify(error: sqlcipher3.DatabaseError) -> VaultDamagedError:
    text = str(error).lower()
    if "not a database" in text or "encrypted" in text:
        return VaultDamagedError(
            "Het kluisbestand hoort niet bij dit sleutelbestand, is aan het begin beschadigd, "
            "of is geen VKNZ-kluis."
        )
    return VaultDamagedError(f"Het kluisbestand is beschadigd ({error}).")


@contextlib.contextmanager
def transaction(conn: Any) -> Iterator[Any]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, rolled back on any exception."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def schema_version(conn: Any) -> int:
    """The schema version stored in ``PRAGMA user_version``."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: Any, path: Path) -> int:
    """Bring the schema up to date, copying the (encrypted) database first.

    Returns the version the database had before.
    """
    current = schema_version(conn)
    if current > LATEST_VERSION:
        raise NewerSchemaError(
            "Deze kluis is gemaakt met een nieuwere versie van VKNZ "
            f"(schema {current}; deze versie "
            f"kent tot en met {LATEST_VERSION}). Werk de app bij; de kluis is niet gewijzigd."
        )
    steps = pending(current)
    if not steps:
        return current
    if current > 0:
        backup_before_migration(conn, path, current)
    for step in steps:
        with transaction(conn):
            step.apply(conn)
            conn.execute(f"PRAGMA user_version = {int(step.version)}")
    return current


def backup_before_migration(conn: Any, path: Path, version: int) -> Path:
    """Copy the encrypted database to ``backups/`` before its schema changes."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    backup_dir = path.parent / BACKUP_DIR_NAME
    make_private_dir(backup_dir)
    target = backup_dir / f"vault-schema{version}-{time.strftime('%Y%m%d-%H%M%S')}.db"
    with disk_full_as_known_error():
        shutil.copyfile(path, target)
        target.chmod(PRIVATE_FILE_MODE)
    return target
