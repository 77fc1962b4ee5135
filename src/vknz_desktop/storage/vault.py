"""The vault: one encrypted SQLCipher database, its key file, and the encrypted media store.

A vault directory holds::

    vault.db          SQLCipher 4 database (metadata, consent, audit log, media keys)
    vault.key         the database key, wrapped by an Argon2id key from the passphrase
    vault.key.spare   a second copy of vault.key
    vault.lock        advisory lock so that one process at a time opens the vault
    unlock-failures   times of failed unlocks since the last successful one (no other data)
    media/            one AES-256-GCM chunked file per recording (``<id>.vkm``)
    backups/          an encrypted copy of vault.db while a schema migration runs; removed
                      once the migrated vault has been checked and opened
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import queue
import re
import threading
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vknz_desktop.domain.derived import COVER_KIND, THUMBNAILS_KIND, cover_of, decode_thumbnails
from vknz_desktop.domain.errors import (
    DuplicateRecordingError,
    KnownError,
    ReadOnlyVaultError,
    VaultDamagedError,
    VaultMissingError,
    WeakPassphraseError,
    WrongPassphraseError,
)
from vknz_desktop.domain.models import (
    AuditAction,
    AuditEntry,
    Consent,
    ConsentScope,
    MediaInfo,
    Observation,
    Participant,
    Recording,
    Role,
    SearchHit,
    SharingState,
)
from vknz_desktop.domain.passphrase import passphrase_problem
from vknz_desktop.domain.ports import CancelToken, ObservationTally, ProgressCallback
from vknz_desktop.storage import audit_log, observations_repo
from vknz_desktop.storage.database import (
    DATABASE_FILE_NAME,
    READ_ONLY_FS_MESSAGE,
    READ_ONLY_MESSAGE,
    DamagedPagesError,
    DatabaseError,
    check_health,
    checkpoint,
    classify_error,
    connect,
    connect_for_reading,
    discard_backups,
    health_marker_matches,
    known_database_errors,
    migrate,
    reclaim_free_pages,
    remove_health_marker,
    transaction,
    write_health_marker,
)
from vknz_desktop.storage.digests import ContentHasher, file_digests, is_blake3
from vknz_desktop.storage.fsutil import (
    PRIVATE_FILE_MODE,
    disk_full_as_known_error,
    is_read_only_file_system,
    make_private_dir,
)
from vknz_desktop.storage.key_memory import as_buffer, new_key, wipe
from vknz_desktop.storage.keyfile import (
    KEY_FILE_NAME,
    RESTORED_KEY_FILE_MESSAGE,
    STANDARD_PROFILE,
    KdfProfile,
    KeyFile,
    KeyFileRead,
    leftover_temporary_files,
    new_database_key,
    next_generation,
    repair_key_files,
    tune_kdf,
    unlock_key,
    write_key_file,
)
from vknz_desktop.storage.media_store import (
    DEFAULT_CHUNK_SIZE,
    LIVE_MAGIC,
    MEDIA_SUFFIX,
    PARTIAL_SUFFIX,
    ChunkWriter,
    DecryptedStream,
    MediaDamagedError,
    MediaLayout,
    live_file_problem,
    media_path,
)
from vknz_desktop.storage.process_lock import ProcessLock
from vknz_desktop.storage.recording_rows import insert_recording
from vknz_desktop.storage.removable import medium_of
from vknz_desktop.storage.salvage import SalvageReport, describe, salvage

log = logging.getLogger(__name__)

MEDIA_DIR_NAME = "media"
#: Why a new passphrase is unfit (Dutch) or None; e.g. ``DutchPassphraseEstimator.problem``.
PassphraseCheck = Callable[[str], str | None]
#: Times (UTC, to the second) of failed unlocks since the last successful one, one a line;
#: written at once so that killing the app does not lose them, moved into the audit log (as
#: a count with the first and last time) at the next successful unlock, then removed.
FAILED_UNLOCKS_FILE_NAME = "unlock-failures"
READ_BLOCK = DEFAULT_CHUNK_SIZE
SYNC_EVERY = 64 * 1024 * 1024
#: Buffers the import's reader may fill ahead of encryption (1 MiB each).
PIPELINE_BUFFERS = 4

_RECORDING_COLUMNS = (
    "id, title, conversation_date, container, duration_ms, has_video, has_audio, video_codec,"
    " audio_codec, width, height, rotation, frame_rate, variable_frame_rate, size_bytes, sha256,"
    " chunk_size, media_key IS NOT NULL, imported_at, profile_id"
)


@dataclass(frozen=True)
class VerifyProblem:
    """One damaged thing found by ``Vault.verify``."""

    where: str
    message: str


def vault_exists(directory: Path) -> bool:
    """Whether ``directory`` looks like a vault (has a key file or a database)."""
    return (directory / KEY_FILE_NAME).exists() or (directory / DATABASE_FILE_NAME).exists()


class Vault:
    """An open, unlocked vault. Use ``Vault.create`` or ``Vault.open``; call ``close()``."""

    def __init__(
        self,
        directory: Path,
        conn: Any,
        lock: ProcessLock,
        *,
        salvage_report: SalvageReport | None = None,
        read_only_reason: str | None = None,
    ) -> None:
        self.directory = directory
        self.media_dir = directory / MEDIA_DIR_NAME
        self._conn = conn
        self._lock = lock
        self._db_lock = threading.RLock()
        self._streams: list[DecryptedStream] = []
        #: Set when vault.db was damaged: ``conn`` is then an in-memory, query-only copy of
        #: what could still be read, and every write is refused (see storage/salvage.py).
        self.salvage_report = salvage_report
        #: Why the vault is read-only other than damage (a read-only file system), or None.
        self.read_only_reason = read_only_reason
        #: Dutch messages for the user about this unlock (a restored key file, damage found).
        self.notices: list[str] = []
        self._noted_failures = 0
        #: Whether the full check (``check_health``) passed for this vault.db in this session;
        #: then a clean close writes the health marker (see database.health_marker_matches).
        self._health_ok = False
        #: Damage the background full check found after a quick open (Dutch), or None.
        self.health_problem: str | None = None
        self._health_thread: threading.Thread | None = None
        self._health_conn: Any = None
        #: The background check's copy of the database key (wiped once it has connected).
        self._health_key: bytearray | None = None
        self._closing = False

    # -- life cycle ---------------------------------------------------------------------------
    @classmethod
    def create(
        cls,
        directory: Path,
        passphrase: str,
        *,
        role: Role = Role.KLANTMANAGER,
        kdf_profile: KdfProfile = STANDARD_PROFILE,
        passphrase_check: PassphraseCheck | None = None,
    ) -> Vault:
        """Make a new vault in ``directory`` (created with mode 0700 if missing).

        ``passphrase_check`` (the composition roots pass the zxcvbn estimator's ``problem``)
        refuses guessable passphrases beyond the rules of ``passphrase_problem``.
        """
        problem = passphrase_problem(passphrase) or (
            passphrase_check(passphrase) if passphrase_check else None
        )
        if problem:
            raise WeakPassphraseError(problem)
        if vault_exists(directory):
            raise KnownError(f"Er staat al een kluis in {directory}. Er is niets gewijzigd.")
        if directory.exists() and not directory.is_dir():
            raise KnownError(f"{directory} is geen map.")
        old_umask = os.umask(0o077)
        try:
            make_private_dir(directory)
            lock = ProcessLock(directory)
            lock.acquire()
            try:
                make_private_dir(directory / MEDIA_DIR_NAME)
                database_key = new_database_key()
                try:
                    conn = connect(directory / DATABASE_FILE_NAME, database_key)
                    try:
                        migrate(conn, directory / DATABASE_FILE_NAME)
                        with transaction(conn):
                            audit_log.append(conn, AuditAction.VAULT_CREATED, role)
                        # The key file is written last: until it exists, this is not a vault.
                        write_key_file(
                            directory / KEY_FILE_NAME,
                            KeyFile.wrap(database_key, passphrase, tune_kdf(kdf_profile)),
                        )
                    except BaseException:
                        conn.close()
                        raise
                finally:
                    wipe(database_key)
            except BaseException:
                lock.release()
                raise
        finally:
            os.umask(old_umask)
        vault = cls(directory, conn, lock)
        vault._health_ok = True  # connect() just checked the new database
        return vault

    @classmethod
    def open(cls, directory: Path, passphrase: str) -> Vault:
        """Unlock the vault in ``directory``; nothing on disk changes when this fails (except
        that a wrong passphrase is noted, by time only, in ``unlock-failures``)."""
        db_path = directory / DATABASE_FILE_NAME
        if not vault_exists(directory):
            raise VaultMissingError(
                f"Er is geen kluis in {directory}. Maak er eerst een aan (vknz init)."
            )
        if not db_path.exists():
            raise VaultDamagedError("Het kluisbestand (vault.db) ontbreekt in de kluismap.")
        read_only_fs = is_read_only_file_system(directory)
        lock = ProcessLock(directory, read_only=read_only_fs)
        lock.acquire()
        try:
            database_key, key_read = _unlock(directory, passphrase, note_failure=not read_only_fs)
            try:
                return cls._open_unlocked(directory, database_key, key_read, lock, read_only_fs)
            finally:
                wipe(database_key)  # SQLCipher keeps its own copy, overwritten when it closes
        except BaseException:
            lock.release()
            raise

    @classmethod
    def _open_unlocked(
        cls,
        directory: Path,
        database_key: bytearray,
        key_read: KeyFileRead | None,
        lock: ProcessLock,
        read_only_fs: bool,
    ) -> Vault:
        """Open vault.db with the key: repair key files, migrate, salvage a damaged file."""
        key_path = directory / KEY_FILE_NAME
        db_path = directory / DATABASE_FILE_NAME
        old_umask = os.umask(0o077)
        notices: list[str] = []
        report: SalvageReport | None = None
        try:
            if key_read is not None and not read_only_fs:
                with disk_full_as_known_error():
                    for leftover in leftover_temporary_files(key_path):
                        with contextlib.suppress(FileNotFoundError):
                            leftover.unlink()
                    repair_key_files(key_path, key_read)
            if key_read is not None and key_read.from_spare:
                notices.append(RESTORED_KEY_FILE_MESSAGE)
            # vault.db unchanged since it last passed the full check and closed: open with the
            # cheap check only and run the full one in the background (bench: year of data).
            quick = not read_only_fs and health_marker_matches(db_path)
            try:
                conn = connect(db_path, database_key, read_only=read_only_fs, full_check=not quick)
            except DamagedPagesError:
                conn, report = _salvage_or_fail(db_path, database_key)
                notices.append(report.message())
            else:
                try:
                    if read_only_fs:
                        _refuse_pending_migration(conn)
                        notices.append(READ_ONLY_FS_MESSAGE)
                    else:
                        _migrate_and_tidy(conn, directory)
                except BaseException:
                    conn.close()
                    raise
        finally:
            os.umask(old_umask)
        vault = cls(
            directory,
            conn,
            lock,
            salvage_report=report,
            read_only_reason=READ_ONLY_FS_MESSAGE if read_only_fs else None,
        )
        vault.notices = notices
        if not vault.read_only:
            try:
                vault._remove_leftovers()
                vault._record_noted_failures()
                # -- recording in the app: close what a crash left mid-recording
                from vknz_desktop.storage.live_recovery import close_interrupted

                vault.notices.extend(close_interrupted(vault))
            except BaseException:
                vault.close()
                raise
            if quick:
                vault._start_health_check(database_key)
            else:
                vault._health_ok = True
        return vault

    def _start_health_check(self, database_key: bytearray) -> None:
        """Run ``check_health`` on a connection of its own in a low-priority thread. Damage it
        finds makes this vault refuse writes (``health_problem``) and forgets the health
        marker, so the next open runs the full check and opens what is sound read-only.

        The thread gets a copy of the key, overwritten as soon as its connection is keyed
        (or at close, should it not have started yet)."""
        db_path = self._db_path
        self._health_key = key = bytearray(database_key)

        def run() -> None:
            with contextlib.suppress(OSError, AttributeError):
                os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
            try:
                conn = connect_for_reading(db_path, key)
            except DatabaseError:
                return
            finally:
                wipe(key)
            self._health_conn = conn
            try:
                if not self._closing:
                    check_health(conn)
                    self._health_ok = True
            except (DatabaseError, KnownError):  # a page that fails, or quick_check's faults
                if not self._closing:
                    self.note_damage()
            finally:
                self._health_conn = None
                conn.close()

        self._health_thread = threading.Thread(target=run, name="vault-health", daemon=True)
        self._health_thread.start()

    def note_damage(self) -> None:
        log.warning("background check found damage in vault.db")
        remove_health_marker(self._db_path)
        self.health_problem = (
            "Bij de controle van de kluis is schade gevonden; er kan niets meer worden "
            "gewijzigd. Vergrendel en open de kluis opnieuw: wat nog leesbaar is, wordt dan "
            "alleen-lezen geopend. 'vknz verify' noemt de details."
        )
        self.notices.append(self.health_problem)

    def wait_for_health_check(self, timeout: float | None = None) -> bool:
        """Wait for the background full check; True when it passed (or ran at open)."""
        if self._health_thread is not None:
            self._health_thread.join(timeout)
        return self._health_ok

    @staticmethod
    def change_passphrase(
        directory: Path,
        old: str,
        new: str,
        kdf_profile: KdfProfile = STANDARD_PROFILE,
        passphrase_check: PassphraseCheck | None = None,
    ) -> None:
        """Re-wrap the database key under ``new``; audited as ``passphrase_changed``.

        The spare and then the key file are replaced, each atomically, so a crash at any point
        leaves the old or the new passphrase working and never brings an older one back (see
        ``keyfile.write_key_file``). vault.db itself is not re-encrypted: someone who kept a
        copy of the old vault.key can still open it with the old passphrase.
        """
        problem = passphrase_problem(new) or (passphrase_check(new) if passphrase_check else None)
        if problem:
            raise WeakPassphraseError(problem)
        key_path = directory / KEY_FILE_NAME
        if not vault_exists(directory):
            raise VaultMissingError(f"Er is geen kluis in {directory}.")
        if is_read_only_file_system(directory):
            raise ReadOnlyVaultError(
                "De kluis staat op een alleen-lezen schijf; het wachtwoord kan daar niet "
                "worden gewijzigd. Er is niets gewijzigd."
            )
        lock = ProcessLock(directory)
        lock.acquire()
        try:
            database_key, _old_read = _unlock(directory, old, note_failure=True)
        except BaseException:
            lock.release()
            raise
        try:
            try:
                for leftover in leftover_temporary_files(key_path):
                    with contextlib.suppress(FileNotFoundError):
                        leftover.unlink()
                generation = next_generation(key_path)
                write_key_file(
                    key_path,
                    KeyFile.wrap(database_key, new, tune_kdf(kdf_profile), generation=generation),
                )
            except BaseException:
                lock.release()
                raise
            try:
                vault = Vault._open_unlocked(directory, database_key, None, lock, False)
            except KnownError:
                lock.release()  # the passphrase is changed; a damaged vault.db cannot hold it
                log.warning("passphrase changed; audit entry not possible")
                return
        finally:
            wipe(database_key)
        try:
            if not vault.read_only:
                with vault.writing() as conn:
                    audit_log.append(
                        conn, AuditAction.PASSPHRASE_CHANGED, None, None, {"generation": generation}
                    )
        finally:
            vault.close()

    def close(self) -> None:
        """Close streams and the database, and release the process lock (idempotent).

        When the full check passed in this session, the health marker notes the closed file.
        """
        for stream in self._streams:
            stream.close()
        self._streams.clear()
        self._closing = True
        health_conn = self._health_conn
        if health_conn is not None:
            with contextlib.suppress(DatabaseError):
                health_conn.interrupt()
        if self._health_thread is not None:
            self._health_thread.join()
            self._health_thread = None
        wipe(self._health_key)
        with self._db_lock:
            was_open = self._conn is not None
            if self._conn is not None:
                with contextlib.suppress(DatabaseError):
                    self._conn.close()
                self._conn = None
        if was_open and not self.read_only and self._health_ok and self.health_problem is None:
            with contextlib.suppress(OSError):
                if not health_marker_matches(self._db_path):  # unchanged: leave it as it is
                    write_health_marker(self._db_path)
        self._lock.release()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def read_only(self) -> bool:
        """Whether the vault was opened read-only: vault.db is damaged, or it lies on a
        read-only file system."""
        return self.salvage_report is not None or self.read_only_reason is not None

    @property
    def is_open(self) -> bool:
        """Whether the database connection is open."""
        return self._conn is not None

    # -- recordings ---------------------------------------------------------------------------
    def recordings(self) -> list[Recording]:
        """All recordings, newest conversation first."""
        rows = self._query(
            f"SELECT {_RECORDING_COLUMNS} FROM recordings"  # noqa: S608 - constant column list
            " ORDER BY coalesce(conversation_date, substr(imported_at, 1, 10)) DESC,"
            " imported_at DESC"
        )
        if not self.read_only:
            # -- recording in the app: one being captured has no length yet (live_recording_repo)
            from vknz_desktop.storage.live_recovery import hidden_recording_ids

            with self.reading() as conn:
                hidden = hidden_recording_ids(conn)
            return [self._to_recording(row) for row in rows if row[0] not in hidden]
        recordings: list[Recording] = []
        for row in rows:  # a damaged vault: leave out what lost its consent or participants
            with contextlib.suppress(VaultDamagedError):
                recordings.append(self._to_recording(row))
        return recordings

    def recording(self, recording_id: str) -> Recording:
        """One recording by id, or KnownError when there is none."""
        rows = self._query(
            f"SELECT {_RECORDING_COLUMNS} FROM recordings WHERE id = ?",  # noqa: S608
            (recording_id,),
        )
        if not rows:
            raise KnownError(f"Er is geen opname met nummer {recording_id} in de kluis.")
        return self._to_recording(rows[0])

    def recordings_with_size(self, size_bytes: int) -> list[Recording]:
        """Recordings whose source file had exactly ``size_bytes`` bytes."""
        rows = self._query(
            f"SELECT {_RECORDING_COLUMNS} FROM recordings WHERE size_bytes = ?",  # noqa: S608
            (size_bytes,),
        )
        return [self._to_recording(row) for row in rows]

    def duplicate_of(self, source: Path, cancel: CancelToken | None = None) -> Recording | None:
        """The recording imported from a file with the same content as ``source``, if any.

        Only files of exactly the same size are hashed, in the forms their digests were stored
        in (BLAKE3; SHA-256 for recordings of older vaults).
        """
        same_size = self.recordings_with_size(source.stat().st_size)
        if not same_size:
            return None
        digests = set(file_digests(source, [r.sha256 for r in same_size], cancel))
        return next((r for r in same_size if r.sha256 in digests), None)

    def recording_with_sha256(self, sha256: str) -> Recording | None:
        """The recording imported from a file with this SHA-256, if any."""
        rows = self._query(
            f"SELECT {_RECORDING_COLUMNS} FROM recordings WHERE sha256 = ?",  # noqa: S608
            (sha256,),
        )
        return self._to_recording(rows[0]) if rows else None

    def add_recording(
        self,
        source: Path,
        *,
        title: str,
        conversation_date: dt.date | None,
        media: MediaInfo,
        participants: Sequence[Participant],
        consent: Consent,
        role: Role,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> Recording:
        """Encrypt ``source`` into the media store and record it with its consent.

        One pass reads, hashes and encrypts. On cancel, error or crash nothing visible remains:
        the half-written ``.part`` file is removed (or at the next open after a crash).
        """
        self._write_conn()  # refuse before writing anything when read-only
        medium = medium_of(source)
        recording_id = uuid.uuid4().hex
        media_key = new_key()
        total = source.stat().st_size
        writer = ChunkWriter(self.media_dir, recording_id, media_key)
        committed_file = False
        try:
            legacy = any(not is_blake3(r.sha256) for r in self.recordings_with_size(total))
            digests = self._encrypt_source(source, writer, total, progress, cancel, legacy)
            digest = digests[0]
            existing = next(
                (found for d in digests if (found := self.recording_with_sha256(d))), None
            )
            if existing is not None:
                raise DuplicateRecordingError(
                    f"Dit bestand staat al in de kluis als '{existing.title}' "
                    f"(nummer {existing.id}); het is niet nog een keer toegevoegd."
                )
            if cancel is not None:
                cancel.raise_if_cancelled()
            layout = writer.commit()
            committed_file = True
            now = dt.datetime.now(dt.UTC)
            with self.writing() as conn:
                insert_recording(
                    conn,
                    recording_id=recording_id,
                    title=title,
                    conversation_date=conversation_date,
                    media=media,
                    size_bytes=layout.size,
                    sha256=digest,
                    chunk_size=layout.chunk_size,
                    media_key=media_key,
                    imported_at=now.isoformat(timespec="seconds"),
                )
                self._insert_participants(conn, recording_id, participants)
                self._upsert_consent(conn, recording_id, consent, now)
                if medium is not None:  # a phone or card keeps a copy: the library reminds
                    conn.execute(
                        "INSERT INTO source_reminders(recording_id, medium, noted_at)"
                        " VALUES (?, ?, ?)",
                        (recording_id, medium, now.isoformat(timespec="seconds")),
                    )
                audit_log.append(
                    conn,
                    AuditAction.IMPORT,
                    role,
                    recording_id,
                    {"bytes": layout.size, "scopes": ",".join(consent.scope_codes())},
                )
        except BaseException:
            writer.discard()
            if committed_file:
                with contextlib.suppress(FileNotFoundError):
                    media_path(self.media_dir, recording_id).unlink()
            raise
        finally:
            wipe(media_key)  # the writer holds only its cipher, the database its own copy
        return self.recording(recording_id)

    def _encrypt_source(
        self,
        source: Path,
        writer: ChunkWriter,
        total: int,
        progress: ProgressCallback | None,
        cancel: CancelToken | None,
        legacy_sha256: bool,
    ) -> list[str]:
        """Read, hash, encrypt and write ``source``; returns its digests (see digests.py).

        A pipeline over two cores: a reader thread fills a ring of reused 1 MiB buffers
        (``readinto``) and hashes each (BLAKE3, which releases the GIL), while this thread
        encrypts the previous one into a reused buffer and writes it; every SYNC_EVERY bytes a
        third thread flushes what is written, so the final fsync has little left. Measured in
        bench/bench_import.py against ``cp`` + ``sync``.
        """
        hasher = ContentHasher(legacy_sha256=legacy_sha256)
        buffers = [bytearray(READ_BLOCK) for _ in range(PIPELINE_BUFFERS)]
        free: queue.SimpleQueue[int] = queue.SimpleQueue()
        for index in range(PIPELINE_BUFFERS):
            free.put(index)
        filled: queue.SimpleQueue[tuple[int, int] | BaseException] = queue.SimpleQueue()
        stop = threading.Event()

        def read_and_hash(handle: Any) -> None:
            try:
                while not stop.is_set():
                    slot = free.get()
                    if slot < 0:
                        return
                    count = _read_into(handle, buffers[slot])
                    if count:
                        hasher.update(memoryview(buffers[slot])[:count])
                    filled.put((slot, count))
                    if count < READ_BLOCK:
                        return
            except BaseException as error:  # handed to the writing side
                filled.put(error)

        def next_block() -> tuple[int, int]:
            item = filled.get()
            if isinstance(item, BaseException):
                raise item
            return item

        done = 0
        since_sync = 0
        if progress is not None:
            progress(0, total)
        synced: Future[None] | None = None
        with (
            source.open("rb", buffering=0) as handle,
            ThreadPoolExecutor(max_workers=1, thread_name_prefix="vknz-flush") as flusher,
        ):
            reader = threading.Thread(
                target=read_and_hash, args=(handle,), name="vknz-import-read", daemon=True
            )
            reader.start()
            try:
                slot, count = next_block()
                while True:
                    if cancel is not None:
                        cancel.raise_if_cancelled()
                    following = next_block() if count == READ_BLOCK else (-1, 0)
                    last = following[1] == 0
                    if count or last:
                        writer.write_chunk(memoryview(buffers[slot])[:count], last=last)
                    free.put(slot)
                    done += count
                    since_sync += count
                    if since_sync >= SYNC_EVERY and (synced is None or synced.done()):
                        if synced is not None:
                            synced.result()
                        synced = flusher.submit(writer.flush_to_disk)
                        since_sync = 0
                    if progress is not None:
                        progress(done, max(total, done))
                    if last:
                        if following[0] >= 0:
                            free.put(following[0])
                        break
                    slot, count = following
            finally:
                stop.set()
                free.put(-1)
                reader.join()
                if synced is not None:
                    synced.result()
        return hasher.digests()

    def delete_recording(self, recording_id: str, *, role: Role) -> None:
        """Destroy the recording's key first (crypto-shredding), then its encrypted bytes."""
        self.recording(recording_id)  # raises when unknown
        with self.writing() as conn:
            self.destroy_media_key(conn, recording_id)
            conn.execute("DELETE FROM recordings WHERE id = ?", (recording_id,))
            audit_log.append(conn, AuditAction.DELETE, role, recording_id)
        self.reclaim_media(recording_id)

    @staticmethod
    def destroy_media_key(conn: Any, recording_id: str) -> None:
        """Inside a ``writing()`` transaction: overwrite, then forget, a recording's media key
        (crypto-shredding). Its hash is replaced too, so the same bytes may be imported again."""
        conn.execute("UPDATE recordings SET media_key = zeroblob(32) WHERE id = ?", (recording_id,))
        conn.execute(
            "UPDATE recordings SET media_key = NULL, sha256 = ? WHERE id = ?",
            (f"verwijderd:{recording_id}", recording_id),
        )
        conn.execute("DELETE FROM derived_media WHERE recording_id = ?", (recording_id,))

    def reclaim_space(self) -> None:
        """After deleting or rewriting personal data: empty the WAL, give free pages back and
        remove any pre-migration copy (see ``reclaim_media``)."""
        with self.reading() as conn:
            reclaim_free_pages(conn)
        with disk_full_as_known_error():
            discard_backups(self.directory)

    def reclaim_media(self, recording_id: str) -> None:
        """After destroy_media_key is committed: push old pages out of the WAL (truncated to
        zero), give free pages back to the file system, remove any pre-migration copy that
        still holds the key, and remove the (now unreadable) encrypted file."""
        self.reclaim_space()
        with contextlib.suppress(FileNotFoundError):
            media_path(self.media_dir, recording_id).unlink()

    def set_consent(self, recording_id: str, consent: Consent, *, role: Role) -> None:
        """Replace the consent record of a recording; recorded in the audit log."""
        self.recording(recording_id)
        with self.writing() as conn:
            self._upsert_consent(conn, recording_id, consent, dt.datetime.now(dt.UTC))
            audit_log.append(
                conn,
                AuditAction.CONSENT_CHANGED,
                role,
                recording_id,
                {
                    "scopes": ",".join(consent.scope_codes()),
                    "keep_until": consent.keep_until.isoformat(),
                },
            )

    def open_media(self, recording_id: str) -> DecryptedStream:
        """A DecryptedStream over the recording's plaintext (closed when the vault closes)."""
        rows = self._query(
            "SELECT media_key, size_bytes, chunk_size FROM recordings WHERE id = ?", (recording_id,)
        )
        if not rows:
            raise KnownError(f"Er is geen opname met nummer {recording_id} in de kluis.")
        stored, size, chunk_size = rows[0]
        del rows
        if stored is None:
            raise KnownError("De opname zelf is verwijderd; alleen de aantekeningen zijn er nog.")
        key = as_buffer(stored)  # the row's bytes are overwritten; the stream keeps a cipher
        del stored
        try:
            stream = DecryptedStream(
                media_path(self.media_dir, recording_id),
                key,
                MediaLayout(recording_id, size, chunk_size),
            )
        finally:
            wipe(key)
        self._streams = [s for s in self._streams if not s.closed]
        self._streams.append(stream)
        return stream

    def audit_problems(self) -> list[str]:
        """Edited or removed audit entries (empty when the hash chain is intact)."""
        with self._db_lock:
            return [p.message for p in audit_log.verify_chain(self._require_conn())]

    def record_unlock(self, role: Role | None, *, via: str | None = None) -> None:
        """Audit an unlock (not possible, and skipped, when the vault is read-only);
        ``via`` names a way in other than the app (e.g. "opdrachtregel")."""
        if self.read_only:
            return
        with self.writing() as conn:
            audit_log.append(conn, AuditAction.UNLOCK, role, None, {"via": via} if via else None)

    def record_failed_unlocks(self, count: int, role: Role | None) -> None:
        """Audit failed unlock attempts made in this process before this unlock.

        Failed attempts through ``Vault.open`` are already noted on disk and moved into the
        audit log by the unlock itself; only attempts beyond those (none, normally) are added.
        """
        count -= self._noted_failures
        if count <= 0 or self.read_only:
            return
        with self.writing() as conn:
            audit_log.append(conn, AuditAction.FAILED_UNLOCK, role, None, {"attempts": count})

    def audit_entries(self) -> list[AuditEntry]:
        """The audit log, oldest first."""
        with self._db_lock:
            return audit_log.entries(self._require_conn())

    def set_recording_profile(self, recording_id: str, profile_id: str) -> None:
        """Remember which Kijkwijzer profile a recording is reviewed with (not when the vault
        is read-only: it is a preference, not worth an error)."""
        if self.read_only:
            return
        with self.writing() as conn:
            conn.execute(
                "UPDATE recordings SET profile_id = ? WHERE id = ?", (profile_id, recording_id)
            )

    # -- generic access for feature repositories ---------------------------------------------
    @contextlib.contextmanager
    def reading(self) -> Iterator[Any]:
        """The connection for reads (serialised with every other use of the vault)."""
        with self._db_lock:
            try:
                yield self._require_conn()
            except DatabaseError as error:
                raise classify_error(error, self._db_path) from error

    @contextlib.contextmanager
    def writing(self) -> Iterator[Any]:
        """A write transaction: committed when the block ends, rolled back on any error."""
        with (
            self._db_lock,
            known_database_errors(self._db_path),
            transaction(self._write_conn()) as conn,
        ):
            yield conn

    @staticmethod
    def audit(
        conn: Any,
        action: AuditAction,
        role: Role | None,
        recording_id: str | None = None,
        details: Mapping[str, int | str] | None = None,
    ) -> None:
        """Append an audit entry inside the caller's ``writing()`` transaction (ids, no text)."""
        audit_log.append(conn, action, role, recording_id, details)

    # -- observations -------------------------------------------------------------------------
    def save_observation(self, observation: Observation) -> None:
        """Store (insert or update) an observation; committed and durable when this returns.

        Klant feedback that may not be shared is sealed for the registered onderzoekers
        (``observations_repo.save``); without one it is refused (``NoOnderzoekerError``).
        """
        with self.writing() as conn:
            sealed_a_plain_row = observations_repo.save(conn, observation)
        if sealed_a_plain_row:
            self.reclaim_space()

    def delete_observation(self, observation_id: str) -> None:
        """Remove an observation."""
        with self.writing() as conn:
            observations_repo.delete(conn, observation_id)

    def observations(self, recording_id: str) -> list[Observation]:
        """A recording's observations in time order."""
        with self._db_lock:
            return observations_repo.for_recording(self._require_conn(), recording_id)

    def observation(self, observation_id: str) -> Observation | None:
        """One observation by id."""
        with self._db_lock:
            return observations_repo.one(self._require_conn(), observation_id)

    def search_observations(self, text: str, limit: int = 200) -> list[SearchHit]:
        """Full-text search across all recordings' observations."""
        with self._db_lock:
            return observations_repo.search(self._require_conn(), text, limit)

    # -- derived media (thumbnails, waveform), cached inside the vault -----------------------
    def derived_media(self, recording_id: str, kind: str) -> bytes | None:
        """A cached analysis result (e.g. 'thumbnails', 'waveform'), or None."""
        rows = self._query(
            "SELECT data FROM derived_media WHERE recording_id = ? AND kind = ?",
            (recording_id, kind),
        )
        return bytes(rows[0][0]) if rows else None

    def store_derived_media(self, recording_id: str, kind: str, data: bytes) -> None:
        """Cache an analysis result inside the encrypted database (never as a loose file);
        skipped when the vault is read-only (it is only a cache). Thumbnails bring the
        library's one picture (``COVER_KIND``) along in the same transaction."""
        if self.read_only:
            return
        rows = [(kind, data)]
        if kind == THUMBNAILS_KIND:
            with contextlib.suppress(ValueError):
                cover = cover_of(decode_thumbnails(data))
                if cover is not None:
                    rows.append((COVER_KIND, cover))
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self.writing() as conn:
            for row_kind, row_data in rows:
                conn.execute(
                    "INSERT INTO derived_media(recording_id, kind, data, created_at)"
                    " VALUES (?,?,?,?) ON CONFLICT(recording_id, kind) DO UPDATE SET"
                    " data = excluded.data, created_at = excluded.created_at",
                    (recording_id, row_kind, row_data, now),
                )

    # -- what the library shows besides the recordings ---------------------------------------
    def observation_tallies(self) -> list[ObservationTally]:
        """How many observations each recording has, per author role, perspective and sharing
        state (the visibility policy decides which a viewer may count)."""
        rows = self._query(
            "SELECT recording_id, author_role, perspective, sharing_state, count(*)"
            " FROM observations GROUP BY 1, 2, 3, 4"
        )
        return [
            ObservationTally(
                recording_id=str(rid),
                author_role=Role(author),
                perspective=Role(perspective) if perspective else None,
                sharing_state=SharingState(state),
                count=int(count),
            )
            for rid, author, perspective, state, count in rows
        ]

    def clip_counts(self) -> dict[str, int]:
        """How many fragments (clips) each recording has."""
        rows = self._query("SELECT recording_id, count(*) FROM clips GROUP BY recording_id")
        return {str(rid): int(count) for rid, count in rows}

    # -- settings -----------------------------------------------------------------------------
    def setting(self, key: str) -> str | None:
        """A value from the vault's settings table."""
        rows = self._query("SELECT value FROM settings WHERE key = ?", (key,))
        return str(rows[0][0]) if rows else None

    def set_setting(self, key: str, value: str) -> None:
        """Store a setting inside the vault."""
        with self.writing() as conn:
            conn.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    # -- verification -------------------------------------------------------------------------
    def verify(self, progress: ProgressCallback | None = None) -> list[VerifyProblem]:
        """Check SQLCipher's page authentication, SQLite integrity, the audit chain, and every
        media chunk. Returns the problems found (empty when everything is sound)."""
        problems: list[VerifyProblem] = []
        if self.salvage_report is not None:
            problems.extend(_salvage_problems(self.salvage_report))
        with self._db_lock:
            conn = self._require_conn()
            try:
                if self.salvage_report is None:
                    problems.extend(_database_problems(conn))
                problems.extend(
                    VerifyProblem("logboek", p.message) for p in audit_log.verify_chain(conn)
                )
            except DatabaseError as error:
                problems.append(VerifyProblem("kluisbestand", f"onleesbaar ({error})"))
                return problems
        recordings = [r for r in self.recordings() if r.media_available]
        total = sum(r.size_bytes for r in recordings)
        done = 0
        for recording in recordings:
            where = f"opname '{recording.title}' ({recording.id})"
            header_problem = self._media_header_problem(recording.id)
            if header_problem is not None:
                problems.append(VerifyProblem(where, header_problem))
                done += recording.size_bytes
                continue
            try:
                stream = self.open_media(recording.id)
                try:
                    stream.verify_all()
                finally:
                    stream.close()
            except MediaDamagedError as error:
                problems.append(VerifyProblem(where, error.message))
            done += recording.size_bytes
            if progress is not None:
                progress(done, total)
        return problems

    def _media_header_problem(self, recording_id: str) -> str | None:
        """Whether the file's header and size fit the recording (Dutch), before decrypting."""
        rows = self._query(
            "SELECT size_bytes, chunk_size FROM recordings WHERE id = ?", (recording_id,)
        )
        if not rows:
            return None
        layout = MediaLayout(recording_id, int(rows[0][0]), int(rows[0][1]))
        path = media_path(self.media_dir, recording_id)
        try:
            with path.open("rb") as handle:
                header = handle.read(len(layout.header))
            size = path.stat().st_size
        except FileNotFoundError:
            return "het bestand van de opname ontbreekt in de map media"
        except OSError as error:
            return f"het bestand kan niet worden gelezen ({error.strerror})"
        if header.startswith(LIVE_MAGIC):  # -- recorded in the app, not yet finished
            return live_file_problem(path, recording_id, layout.size)
        if header != layout.header:
            return (
                "de kop van het bestand klopt niet (beschadigd, of het bestand van een andere "
                "opname)"
            )
        if size != layout.file_size:
            return (
                f"het bestand is {size} bytes in plaats van {layout.file_size} "
                "(afgekapt of verlengd)"
            )
        return None

    # -- helpers ------------------------------------------------------------------------------
    def _remove_leftovers(self) -> None:
        """Remove media files that no committed recording owns (a crash mid-import or delete)."""
        make_private_dir(self.media_dir)
        known = {
            row[0] for row in self._query("SELECT id FROM recordings WHERE media_key IS NOT NULL")
        }
        for path in self.media_dir.iterdir():
            name = path.name
            orphan = name.endswith(PARTIAL_SUFFIX) or (
                name.endswith(MEDIA_SUFFIX) and name[: -len(MEDIA_SUFFIX)] not in known
            )
            if orphan and path.is_file():
                with contextlib.suppress(OSError):
                    path.unlink()

    def _require_conn(self) -> Any:
        if self._conn is None:
            raise KnownError("De kluis is vergrendeld.")
        return self._conn

    def _write_conn(self) -> Any:
        conn = self._require_conn()
        if self.health_problem is not None:
            raise ReadOnlyVaultError(f"{self.health_problem} Er is niets gewijzigd.")
        if self.salvage_report is not None:
            raise ReadOnlyVaultError(READ_ONLY_MESSAGE)
        if self.read_only_reason is not None:
            raise ReadOnlyVaultError(f"{self.read_only_reason} Er is niets gewijzigd.")
        return conn

    @property
    def _db_path(self) -> Path:
        return self.directory / DATABASE_FILE_NAME

    def _record_noted_failures(self) -> None:
        """Move the failed unlocks noted in ``unlock-failures`` into the audit log."""
        path = self.directory / FAILED_UNLOCKS_FILE_NAME
        try:
            lines = path.read_text(encoding="ascii", errors="replace").split()
        except FileNotFoundError:
            return
        times = sorted(t for t in lines if _looks_like_time(t))
        if times:
            with self.writing() as conn:
                audit_log.append(
                    conn,
                    AuditAction.FAILED_UNLOCK,
                    None,
                    None,
                    {"attempts": len(times), "first": times[0], "last": times[-1]},
                )
        self._noted_failures = len(times)
        path.unlink()

    def _query(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
        with self._db_lock:
            try:
                return list(self._require_conn().execute(sql, params).fetchall())
            except DatabaseError as error:
                raise classify_error(error, self._db_path) from error

    def _to_recording(self, row: tuple[Any, ...]) -> Recording:
        (
            rec_id,
            title,
            conv_date,
            container,
            duration_ms,
            has_video,
            has_audio,
            vcodec,
            acodec,
            width,
            height,
            rotation,
            frame_rate,
            vfr,
            size_bytes,
            sha256,
            _chunk,
            has_key,
            imported_at,
            profile_id,
        ) = row
        participants = [
            Participant(display_name=name, role=Role(role))
            for name, role in self._query(
                "SELECT display_name, role FROM participants WHERE recording_id = ?"
                " ORDER BY position",
                (rec_id,),
            )
        ]
        consent_row = self._query(
            "SELECT given_on, given_by, scopes, keep_until FROM consents WHERE recording_id = ?",
            (rec_id,),
        )
        if not consent_row:
            raise VaultDamagedError(f"De toestemming van opname {rec_id} ontbreekt in de kluis.")
        given_on, given_by, scopes, keep_until = consent_row[0]
        return Recording(
            id=rec_id,
            title=title,
            conversation_date=dt.date.fromisoformat(conv_date) if conv_date else None,
            media=MediaInfo(
                container=container,
                duration_ms=duration_ms,
                has_video=bool(has_video),
                has_audio=bool(has_audio),
                video_codec=vcodec,
                audio_codec=acodec,
                width=width,
                height=height,
                rotation=rotation,
                frame_rate=frame_rate,
                variable_frame_rate=bool(vfr),
            ),
            size_bytes=size_bytes,
            sha256=sha256,
            participants=tuple(participants),
            consent=Consent(
                given_on=dt.date.fromisoformat(given_on),
                given_by=Role(given_by),
                scopes=frozenset(ConsentScope(s) for s in scopes.split(",") if s),
                keep_until=dt.date.fromisoformat(keep_until),
            ),
            imported_at=dt.datetime.fromisoformat(imported_at),
            media_available=bool(has_key),
            profile_id=profile_id,
        )

    @staticmethod
    def _insert_participants(
        conn: Any, recording_id: str, participants: Sequence[Participant]
    ) -> None:
        conn.executemany(
            "INSERT INTO participants(recording_id, position, display_name, role) VALUES (?,?,?,?)",
            [(recording_id, i, p.display_name, p.role.value) for i, p in enumerate(participants)],
        )

    @staticmethod
    def _upsert_consent(conn: Any, recording_id: str, consent: Consent, now: dt.datetime) -> None:
        conn.execute(
            "INSERT INTO consents(recording_id, given_on, given_by, scopes, keep_until, updated_at)"
            " VALUES (?,?,?,?,?,?) ON CONFLICT(recording_id) DO UPDATE SET"
            " given_on=excluded.given_on,"
            " given_by=excluded.given_by, scopes=excluded.scopes, keep_until=excluded.keep_until,"
            " updated_at=excluded.updated_at",
            (
                recording_id,
                consent.given_on.isoformat(),
                consent.given_by.value,
                ",".join(consent.scope_codes()),
                consent.keep_until.isoformat(),
                now.isoformat(timespec="seconds"),
            ),
        )


def _unlock(
    directory: Path, passphrase: str, *, note_failure: bool
) -> tuple[bytearray, KeyFileRead]:
    """Unwrap the database key; a wrong passphrase is noted (its time only) on disk at once."""
    try:
        return unlock_key(directory / KEY_FILE_NAME, passphrase)
    except WrongPassphraseError:
        if note_failure:
            _note_failed_unlock(directory)
        raise


def _note_failed_unlock(directory: Path) -> None:
    """Append the time of a failed unlock to ``unlock-failures`` (fsync'd; best effort)."""
    line = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ") + "\n"
    flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(directory / FAILED_UNLOCKS_FILE_NAME, flags, PRIVATE_FILE_MODE)
        try:
            os.write(fd, line.encode("ascii"))
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        log.warning("could not note a failed unlock")


def _looks_like_time(text: str) -> bool:
    try:
        dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return False
    return True


def _refuse_pending_migration(conn: Any) -> None:
    from vknz_desktop.storage.migrations import LATEST_VERSION

    current = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if current < LATEST_VERSION:
        raise ReadOnlyVaultError(
            "Deze kluis moet worden bijgewerkt voor deze versie van VKNZ, maar ze staat op een "
            "alleen-lezen schijf. Open haar eerst op een schijf waarop geschreven kan worden."
        )


def _migrate_and_tidy(conn: Any, directory: Path) -> None:
    """Migrate; once the migrated vault checks out, remove every pre-migration copy (they hold
    keys and notes that a later delete would otherwise leave behind) and empty the WAL."""
    db_path = directory / DATABASE_FILE_NAME
    with known_database_errors(db_path):
        before = migrate(conn, db_path)
        from vknz_desktop.storage.migrations import LATEST_VERSION

        if before < LATEST_VERSION:
            check_health(conn)
            reclaim_free_pages(conn)
        discard_backups(directory)
        checkpoint(conn)


def _salvage_or_fail(db_path: Path, key: bytes | bytearray) -> tuple[Any, SalvageReport]:
    """Read what is still sound from a damaged vault.db into memory (read-only)."""
    conn, report = salvage(lambda: connect_for_reading(db_path, key))
    if not report.tables or all(t.damaged and not t.rows_read for t in report.tables):
        conn.close()
        raise VaultDamagedError(
            "Het kluisbestand (vault.db) is zo beschadigd dat er niets meer uit te lezen is. "
            "Zet een reservekopie van de kluismap terug."
        )
    log.warning(describe(db_path, report))
    return conn, report


def _database_problems(conn: Any) -> list[VerifyProblem]:
    """SQLCipher's page authentication and SQLite's integrity check, in Dutch. A page that
    fails authentication while every table and index is sound is free space: said so."""
    unreadable: list[int] = []
    other: list[str] = []
    for (row,) in conn.execute("PRAGMA cipher_integrity_check").fetchall():
        match = re.search(r"page (\d+)", str(row))
        if match:
            unreadable.append(int(match.group(1)))
        else:
            other.append(str(row))
    integrity = [str(r[0]) for r in conn.execute("PRAGMA integrity_check").fetchall()]
    sound = integrity == ["ok"]
    problems = [
        VerifyProblem(
            "kluisbestand",
            f"blok {page} is beschadigd, maar het is vrije ruimte: er is niets verloren; "
            "het wordt overschreven zodra de ruimte weer nodig is"
            if sound
            else f"blok {page} is beschadigd (authenticatie mislukt)",
        )
        for page in sorted(set(unreadable))
    ]
    problems.extend(VerifyProblem("kluisbestand", f"versleuteling: {text}") for text in other)
    if not sound:
        problems.extend(VerifyProblem("kluisbestand", f"interne controle: {r}") for r in integrity)
    return problems


def _salvage_problems(report: SalvageReport) -> list[VerifyProblem]:
    problems = [
        VerifyProblem("kluisbestand", f"blok {page} is beschadigd (authenticatie mislukt)")
        for page in report.damaged_pages
    ]
    problems.extend(
        VerifyProblem("kluisbestand", f"{t.label}: niet alles leesbaar ({t.rows_read} gered)")
        for t in report.damaged_tables
    )
    if not problems:
        problems.append(VerifyProblem("kluisbestand", "beschadigd (interne controle)"))
    return problems


def _read_into(handle: Any, buffer: bytearray) -> int:
    """Fill ``buffer`` unless the end of the file comes first; returns the bytes read."""
    view = memoryview(buffer)
    got = 0
    while got < len(buffer):
        count = handle.readinto(view[got:])
        if not count:
            break
        got += count
    return got
