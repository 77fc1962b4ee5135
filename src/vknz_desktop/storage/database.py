"""Opening the SQLCipher database with a raw key, safe pragmas, and clear errors."""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlcipher3

from vknz_desktop.domain.errors import (
    DiskFullError,
    KnownError,
    ReadOnlyVaultError,
    VaultDamagedError,
)
from vknz_desktop.storage.fsutil import (
    DISK_FULL_MESSAGE,
    PRIVATE_FILE_MODE,
    disk_full_as_known_error,
    is_read_only_file_system,
    low_on_space,
    make_private_dir,
    overwrite_and_remove,
)
from vknz_desktop.storage.key_memory import raw_key_literal, wipe
from vknz_desktop.storage.migrations import LATEST_VERSION, pending

#: Why a damaged vault refuses every change (it was opened read-only with what is still sound).
READ_ONLY_MESSAGE = (
    "De kluis is beschadigd en daarom alleen-lezen geopend; er kan niets worden gewijzigd of "
    "toegevoegd. Er is niets gewijzigd."
)
DATABASE_FILE_NAME = "vault.db"
#: Written when a vault closes cleanly after its full check passed: sizes, times and inode of
#: vault.db (no data). While vault.db still matches it, opening skips the full check and runs
#: it in the background instead (see ``health_marker_matches``).
HEALTH_MARKER_NAME = "vault.checked"
BACKUP_DIR_NAME = "backups"
PAGE_SIZE = 4096
PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"

DatabaseError = sqlcipher3.DatabaseError
BACKUP_PATTERN = "vault-schema*.db"

READ_ONLY_FS_MESSAGE = (
    "De kluis staat op een schijf waarop niet geschreven kan worden (alleen-lezen); ze is "
    "alleen-lezen geopend: bekijken en controleren kan, wijzigen niet."
)
DISK_FULL_OPEN_MESSAGE = (
    "De schijf is vol, daarom kan de kluis niet worden geopend. De kluis is niet beschadigd: "
    "maak ruimte vrij en probeer het opnieuw."
)


class DamagedPagesError(VaultDamagedError):
    """The database opens (its schema is readable) but some pages fail authentication or the
    integrity check: what is still sound can be salvaged (storage/salvage.py)."""


class NewerSchemaError(KnownError):
    """The vault was written by a newer version of the app."""


def connect(
    path: Path, key: bytes | bytearray, *, read_only: bool = False, full_check: bool = True
) -> Any:
    """Open the database at ``path`` with the raw 256-bit ``key`` and apply safe pragmas.

    ``read_only`` (a read-only file system): open without writing anything, not even the WAL
    index. ``full_check=False``: only the cheap check (the schema pages read and authenticated);
    the caller runs ``check_health`` later (``Vault`` does, in the background). Raises
    VaultDamagedError with a message that says what is wrong with the file, DiskFullError when
    the disk is full (never "damaged" for that).
    """
    existed = path.exists()
    if existed:
        _check_file_shape(path)
    wal_existed = path.with_name(path.name + "-wal").exists()
    try:
        return _connect(path, key, existed=existed, read_only=read_only, full_check=full_check)
    except DiskFullError:
        if not wal_existed and not read_only:
            _remove_empty_wal(path)
        raise


def _remove_empty_wal(path: Path) -> None:
    """Remove the empty WAL and its index that a failed open (a full disk) left behind."""
    wal = path.with_name(path.name + "-wal")
    with contextlib.suppress(OSError):
        if wal.stat().st_size == 0:
            wal.unlink()
            path.with_name(path.name + "-shm").unlink(missing_ok=True)


def _connect(
    path: Path, key: bytes | bytearray, *, existed: bool, read_only: bool, full_check: bool
) -> Any:
    try:
        conn = (
            _connect_read_only(path)
            if read_only
            else sqlcipher3.connect(
                str(path), isolation_level=None, check_same_thread=False, timeout=10
            )
        )
    except sqlcipher3.Error as error:
        raise classify_error(error, path, opening=True) from error
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        apply_key(conn, key)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if not existed:
            # Must be set before the first table exists.
            conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
        if read_only:
            conn.execute("PRAGMA query_only = ON")
        else:
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
            conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
    except sqlcipher3.DatabaseError as error:
        conn.close()
        raise classify_error(error, path, opening=True) from error
    except BaseException:
        conn.close()
        raise
    try:
        if full_check:
            check_health(conn)
    except sqlcipher3.DatabaseError as error:
        conn.close()
        known = classify_error(error, path, opening=True)
        if isinstance(known, DiskFullError):
            raise known from error
        raise DamagedPagesError(f"Het kluisbestand is beschadigd ({error}).") from error
    except BaseException:
        conn.close()
        raise
    if not read_only:
        with contextlib.suppress(OSError):
            if path.stat().st_mode & 0o777 != PRIVATE_FILE_MODE:  # a chmod changes its ctime
                path.chmod(PRIVATE_FILE_MODE)
    return conn


def check_health(conn: Any) -> None:
    """The one place that decides whether an opened vault is sound enough to open normally.

    Raises DamagedPagesError when SQLite's ``quick_check`` finds faults (the caller then
    salvages what is readable and opens that read-only); sqlcipher3.DatabaseError when a page
    cannot even be read. Today this runs at every open; when it moves off the open path (a
    background check), call this same function there so the decision stays the same.
    """
    ok = conn.execute("PRAGMA quick_check").fetchone()
    if ok is None or ok[0] != "ok":
        raise DamagedPagesError(
            "Het kluisbestand is beschadigd (de interne controle vond fouten). "
            "Zet een reservekopie terug of voer 'vknz verify' uit voor details."
        )


def _stat_fields(path: Path) -> dict[str, int]:
    st = path.stat()
    wal = path.with_name(path.name + "-wal")
    wal_size = wal.stat().st_size if wal.exists() else 0
    return {
        "size": st.st_size,
        "mtime_ns": st.st_mtime_ns,
        "ctime_ns": st.st_ctime_ns,
        "inode": st.st_ino,
        "device": st.st_dev,
        "wal_size": wal_size,
    }


def write_health_marker(path: Path) -> None:
    """After a full check passed and the database is closed (WAL merged): note how vault.db
    looks now. Its modification time is first set to a random nanosecond within the same
    second, so that any later write, even within the file system's clock tick, shows."""
    st = path.stat()
    nonce = st.st_mtime_ns - st.st_mtime_ns % 1_000_000_000 + secrets.randbelow(1_000_000_000)
    os.utime(path, ns=(st.st_atime_ns, nonce))
    marker = path.with_name(HEALTH_MARKER_NAME)
    tmp = marker.with_name(marker.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        json.dump(_stat_fields(path), handle)
    # Atomic; not fsync'd: losing it only costs one full check at the next open.
    (os.replace if os.name == "nt" else os.rename)(tmp, marker)


def remove_health_marker(path: Path) -> None:
    """Forget the last full check (damage found, or the vault is being changed)."""
    for name in (HEALTH_MARKER_NAME, HEALTH_MARKER_NAME + ".tmp"):
        with contextlib.suppress(OSError):
            path.with_name(name).unlink()


def health_marker_matches(path: Path) -> bool:
    """Whether vault.db is exactly as it was when it last passed a full check and closed:
    same inode, size, modification and change times, and no WAL. Anything that wrote to it
    since (a crash, a copy, a flipped byte) makes the next open run the full check."""
    try:
        marker = json.loads(path.with_name(HEALTH_MARKER_NAME).read_text(encoding="ascii"))
        return bool(marker == _stat_fields(path))
    except (OSError, ValueError):
        return False


def _connect_read_only(path: Path) -> Any:
    """A connection that writes nothing: ``mode=ro``, or ``immutable`` when the WAL is empty
    and its index cannot be created (a cleanly closed vault on a read-only file system)."""
    wal = path.with_name(path.name + "-wal")
    uri = path.resolve().as_uri()
    try:
        conn = sqlcipher3.connect(
            f"{uri}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
        )
        conn.execute("PRAGMA schema_version").fetchone()  # nothing readable without the key,
        return conn  # but a missing WAL index shows up at once
    except sqlcipher3.Error:
        with contextlib.suppress(UnboundLocalError, sqlcipher3.Error):
            conn.close()
    if wal.exists() and wal.stat().st_size > 0:
        raise VaultDamagedError(
            "De kluis staat op een alleen-lezen schijf en is niet netjes afgesloten; "
            "zet haar eerst terug op een schijf waarop geschreven kan worden."
        )
    return sqlcipher3.connect(
        f"{uri}?immutable=1", uri=True, isolation_level=None, check_same_thread=False
    )


def classify_error(error: BaseException, path: Path, *, opening: bool = False) -> KnownError:
    """A Dutch KnownError for an SQLite error on the vault at ``path``.

    A full disk (SQLITE_FULL, ENOSPC, or an I/O error while the disk has no room left) is
    always said to be a full disk, never damage; a read-only file system likewise.
    """
    code = getattr(error, "sqlite_errorcode", None)
    text = str(error).lower()
    primary = code & 0xFF if isinstance(code, int) else None
    if primary == _SQLITE_FULL or "database or disk is full" in text:
        return DiskFullError(DISK_FULL_OPEN_MESSAGE if opening else DISK_FULL_MESSAGE)
    io_error = primary in (_SQLITE_IOERR, _SQLITE_CANTOPEN) or "disk i/o error" in text
    if io_error and low_on_space(path.parent):
        return DiskFullError(DISK_FULL_OPEN_MESSAGE if opening else DISK_FULL_MESSAGE)
    if primary == _SQLITE_READONLY or (io_error and is_read_only_file_system(path.parent)):
        return ReadOnlyVaultError(READ_ONLY_FS_MESSAGE)
    if "not a database" in text or "encrypted" in text:
        return VaultDamagedError(
            "Het kluisbestand hoort niet bij dit sleutelbestand, is aan het begin beschadigd, "
            "of is geen VKNZ-kluis."
        )
    if opening and primary == _SQLITE_CANTOPEN:
        return VaultDamagedError(f"Het kluisbestand kan niet worden geopend ({error}).")
    return VaultDamagedError(f"Het kluisbestand is beschadigd ({error}).")


_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14


@contextlib.contextmanager
def known_database_errors(path: Path) -> Iterator[None]:
    """Turn SQLite errors (and ENOSPC) inside the block into KnownErrors with Dutch messages."""
    try:
        with disk_full_as_known_error():
            yield
    except sqlcipher3.Error as error:
        raise classify_error(error, path) from error


def apply_key(conn: Any, key: bytes | bytearray) -> None:
    """Key ``conn`` with the raw 256-bit ``key`` through ``sqlite3_key`` (``set_key``): the
    key's hexadecimal form is built in a buffer that is wiped at once, and never becomes an
    SQL text that Python and SQLite would keep copies of (storage/key_memory.py).

    ``cipher_memory_security`` stays off: it would overwrite every block SQLite frees, but
    made search 14-26x and saving 4-15x slower on a year of data, and once on it stays on for the
    process (bench/bench_memory_security.py; reasons in docs/architecture.md)."""
    literal = raw_key_literal(key)
    try:
        conn.set_key(literal)
    finally:
        wipe(literal)


def connect_for_reading(path: Path, key: bytes | bytearray) -> Any:
    """A bare keyed connection that only reads (no checks, no pragmas that write): used to
    salvage what is still sound from a damaged database (storage/salvage.py)."""
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA cipher_log_level = NONE")
    apply_key(conn, key)
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
    """Copy the encrypted database to ``backups/`` before its schema changes.

    The copy holds every key and note of that moment, so it lives only until the migrated
    vault has been checked and opened once (``discard_backups``).
    """
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    backup_dir = path.parent / BACKUP_DIR_NAME
    make_private_dir(backup_dir)
    target = backup_dir / f"vault-schema{version}-{time.strftime('%Y%m%d-%H%M%S')}.db"
    with disk_full_as_known_error():
        shutil.copyfile(path, target)
        target.chmod(PRIVATE_FILE_MODE)
    return target


def discard_backups(directory: Path) -> int:
    """Remove every pre-migration copy in ``directory/backups`` (overwritten with zeros first,
    as far as the file system allows); returns how many were removed. Missing folder: 0."""
    backup_dir = directory / BACKUP_DIR_NAME
    if not backup_dir.is_dir():
        return 0
    removed = 0
    for backup in sorted(backup_dir.glob(BACKUP_PATTERN)):
        for leftover in (backup, *(backup.with_name(backup.name + s) for s in ("-wal", "-shm"))):
            if leftover.is_file():
                overwrite_and_remove(leftover)
        removed += 1
    with contextlib.suppress(OSError):
        backup_dir.rmdir()  # only when empty: anything else there is not ours to remove
    return removed


def checkpoint(conn: Any) -> None:
    """Copy every WAL frame into vault.db and truncate the WAL to zero bytes, so no older
    version of a page (a destroyed key, a deleted note) stays in ``vault.db-wal``."""
    busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    if busy is not None and busy[0]:
        raise sqlcipher3.OperationalError("wal checkpoint blocked")


def reclaim_free_pages(conn: Any) -> None:
    """Give free pages back to the file system, then checkpoint (see ``checkpoint``)."""
    checkpoint(conn)
    conn.execute("PRAGMA incremental_vacuum").fetchall()
    checkpoint(conn)
