"""Privacy requests (AVG/GDPR) for one participant: access (a package) and erasure.

The encrypted access package is a new, separate vault protected by a passphrase the privacy
officer chooses: the recordings' rows, consent and observations are copied into it through an
attached SQLCipher database, and the encrypted media files are copied as they are (their keys
travel inside the package's encrypted database). It opens with ``vknz --vault PACKAGE``.

Klant feedback sealed for the onderzoeker (``domain.sealing``) is never in the package of
someone with only the vault passphrase: it cannot be read without an onderzoeker's key. When
an onderzoeker unlocks their key for the request (``onderzoeker=``), the items they can open
are added to the package as the observations they are. Erasure deletes the sealed items of
the person's recordings with them; with an onderzoeker's key it also finds and removes the
name inside the other sealed items it can open (sealed again afterwards).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from vknz_desktop.domain.errors import ExportCancelledError, KnownError
from vknz_desktop.domain.mentions import mentions, name_pattern, scrub
from vknz_desktop.domain.models import AuditAction, Observation, Recording, Role
from vknz_desktop.domain.ports import CancelToken, MediaStream, ProgressCallback
from vknz_desktop.domain.sealing import OnderzoekerKey
from vknz_desktop.storage import observations_repo, sealed_store
from vknz_desktop.storage.database import DATABASE_FILE_NAME
from vknz_desktop.storage.fsutil import (
    disk_full_as_known_error,
    make_private_dir,
    open_private_for_writing,
)
from vknz_desktop.storage.keyfile import (
    KEY_FILE_NAME,
    STANDARD_PROFILE,
    KdfProfile,
    read_key_file,
)
from vknz_desktop.storage.media_store import media_path
from vknz_desktop.storage.sealing_repo import SealingRepository
from vknz_desktop.storage.vault import PassphraseCheck, Vault

_COPIED_TABLES = ("recordings", "participants", "consents", "observations")
_COPY_BLOCK = 1024 * 1024

#: Free text where a person can be named besides the recordings they are on:
#: (table, key column, text columns, Dutch name of the place).
_TEXT_PLACES: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    ("recordings", "id", ("title",), "titel van een opname"),
    ("observations", "id", ("text", "answer", "author_name"), "waarneming"),
    ("clips", "id", ("title", "note"), "fragment"),
    ("review_sessions", "id", ("title",), "terugkijksessie"),
    ("review_session_items", "id", ("prompt",), "onderdeel van een sessie"),
    ("learning_goals", "id", ("goal", "why", "next_time"), "leerdoel"),
)


@dataclass(frozen=True)
class Remaining:
    """One place where a person is still named (what ``erase`` reaches, or what is left)."""

    where: str
    item_id: str
    count: int

    def describe(self) -> str:
        """One Dutch line, without the text itself."""
        return f"{self.where} {self.item_id}: {self.count}×"


class GdprRepository:
    """Finds everything about one participant and exports or erases it."""

    def __init__(
        self,
        vault: Vault,
        kdf_profile: KdfProfile | None = None,
        passphrase_check: PassphraseCheck | None = None,
    ) -> None:
        self._vault = vault
        self._kdf_profile = kdf_profile  # for packages when export_encrypted is given none
        self._passphrase_check = passphrase_check  # for a package's own passphrase

    def participants(self) -> list[tuple[str, str]]:
        """(display name, role) of everyone named on a recording or in a review session."""
        with self._vault.reading() as conn:
            rows = conn.execute(
                "SELECT display_name, role FROM participants UNION"
                " SELECT display_name, role FROM review_session_participants"
                " ORDER BY display_name"
            ).fetchall()
        return [(str(name), str(role)) for name, role in rows]

    def recordings_of(self, name: str) -> list[Recording]:
        """Recordings on which ``name`` is registered (case-insensitive); empty when the name
        is only mentioned elsewhere, KnownError when the vault names it nowhere."""
        with self._vault.reading() as conn:
            ids = [
                row[0]
                for row in conn.execute(
                    "SELECT DISTINCT recording_id FROM participants"
                    " WHERE lower(display_name) = lower(?)",
                    (name.strip(),),
                ).fetchall()
            ]
        if not ids and not self.remaining(name):
            raise KnownError(f"Er staat geen deelnemer '{name}' in de kluis.")
        return [self._vault.recording(i) for i in ids]

    def remaining(self, name: str) -> list[Remaining]:
        """Every place in the vault where ``name`` is still named: as a participant of a
        recording or a review session, in free text (titles, notes, goals, prompts), or as
        an extra term. Counts and ids only; the text itself is not returned."""
        pattern = name_pattern(name.strip())
        found: list[Remaining] = []
        with self._vault.reading() as conn:
            for recording_id, count in conn.execute(
                "SELECT recording_id, count(*) FROM participants"
                " WHERE lower(display_name) = lower(?) GROUP BY recording_id",
                (name.strip(),),
            ).fetchall():
                found.append(Remaining("deelnemer aan opname", str(recording_id), int(count)))
            for session_id, display_name in conn.execute(
                "SELECT session_id, display_name FROM review_session_participants"
            ).fetchall():
                if pattern.search(str(display_name)):
                    found.append(Remaining("deelnemer aan terugkijksessie", str(session_id), 1))
            for table, key, columns, label in _TEXT_PLACES:
                for row in _rows(conn, table, key, columns):
                    count = sum(mentions(str(v or ""), name) for v in row[1:])
                    if count:
                        found.append(Remaining(label, str(row[0]), count))
            for (term,) in conn.execute("SELECT term FROM export_terms").fetchall():
                if pattern.search(str(term)):
                    found.append(Remaining("extra term voor anonimiseren", "-", 1))
            for (entry,) in _register_rows(conn):
                if pattern.search(str(entry)):
                    found.append(Remaining(REGISTER_PLACE, "-", 1))
        return found

    def remaining_sealed(self, name: str, onderzoeker: OnderzoekerKey) -> list[Remaining]:
        """Sealed klant items that ``onderzoeker`` can open and that name ``name`` (in their
        words or as their author); the words are not returned."""
        found: list[Remaining] = []
        for item in self._openable(onderzoeker):
            count = sum(mentions(v or "", name) for v in (item.text, item.answer, item.author_name))
            if count:
                found.append(Remaining(SEALED_PLACE, item.id, count))
        return found

    def unsearched_sealed(self, name: str, onderzoeker: OnderzoekerKey | None = None) -> int:
        """How many sealed klant items could not be searched for ``name``: all of them
        without an onderzoeker's key, else those sealed for others only. Sealed items of the
        person's own recordings are not counted (an erasure deletes them)."""
        own = {r.id for r in self._recordings_named(name)}
        key_id = onderzoeker.onderzoeker_id if onderzoeker is not None else None
        return sum(
            1
            for item in SealingRepository(self._vault).sealed_items()
            if item.recording_id not in own and (key_id is None or key_id not in item.readable_by)
        )

    def sealed_counts(self, name: str) -> int:
        """How many sealed klant items lie on the recordings of ``name``."""
        own = {r.id for r in self._recordings_named(name)}
        return sum(
            1 for item in SealingRepository(self._vault).sealed_items() if item.recording_id in own
        )

    def _recordings_named(self, name: str) -> list[Recording]:
        try:
            return self.recordings_of(name)
        except KnownError:
            return []

    def _openable(
        self, onderzoeker: OnderzoekerKey, recording_ids: set[str] | None = None
    ) -> list[Observation]:
        repository = SealingRepository(self._vault)
        ids = [
            item.id
            for item in repository.sealed_items()
            if onderzoeker.onderzoeker_id in item.readable_by
            and (recording_ids is None or item.recording_id in recording_ids)
        ]
        return repository.open_items(onderzoeker, ids) if ids else []

    def observation_counts(self, name: str) -> dict[str, int]:
        """Number of observations per recording (by id) on which ``name`` is registered."""
        with self._vault.reading() as conn:
            rows = conn.execute(
                "SELECT p.recording_id, COUNT(o.id) FROM"
                " (SELECT DISTINCT recording_id FROM participants"
                " WHERE lower(display_name) = lower(?)) AS p"
                " LEFT JOIN observations AS o ON o.recording_id = p.recording_id"
                " GROUP BY p.recording_id",
                (name.strip(),),
            ).fetchall()
        return {str(recording_id): int(count) for recording_id, count in rows}

    def export_encrypted(
        self,
        name: str,
        target: Path,
        passphrase: str,
        *,
        role: Role | None,
        kdf_profile: KdfProfile | None = None,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
        onderzoeker: OnderzoekerKey | None = None,
    ) -> list[Recording]:
        """Write an encrypted package (a separate vault) with everything about ``name``.

        ``target`` must be new or empty. ``progress`` gets (bytes copied, bytes total) of the
        media files; ``cancel`` stops at the next block. On cancel or any error the package is
        removed again and nothing is audited. Sealed klant items are included only when an
        onderzoeker's unlocked key is given, and then only those it can open.
        """
        recordings = self.recordings_of(name)
        sources = [media_path(self._vault.media_dir, r.id) for r in recordings]
        copier = _Copier(sum(s.stat().st_size for s in sources if s.exists()), progress, cancel)
        unsealed = self._unsealed_of(recordings, onderzoeker)
        with _new_target(target):
            copier.check()
            self._write_package(
                recordings,
                target,
                passphrase,
                role=role,
                kdf_profile=kdf_profile or self._kdf_profile or STANDARD_PROFILE,
                copier=copier,
                unsealed=unsealed,
            )
            copier.check()
            self._audit_access(recordings, "versleuteld", role, len(unsealed), onderzoeker)
        return recordings

    def _unsealed_of(
        self, recordings: list[Recording], onderzoeker: OnderzoekerKey | None
    ) -> list[Observation]:
        if onderzoeker is None:
            return []
        return self._openable(onderzoeker, {r.id for r in recordings})

    def _audit_access(
        self,
        recordings: list[Recording],
        form: str,
        role: Role | None,
        sealed_included: int = 0,
        onderzoeker: OnderzoekerKey | None = None,
    ) -> None:
        """The audit entry of an access request: how many recordings and in what form, and
        how many sealed klant items were included (by which onderzoeker) or left out."""
        sealed_total = self.sealed_counts_of(recordings)
        details: dict[str, int | str] = {"recordings": len(recordings), "form": form}
        if sealed_total or sealed_included:
            details["sealed_included"] = sealed_included
            details["sealed_left_out"] = max(0, sealed_total - sealed_included)
        if onderzoeker is not None:
            details["onderzoeker"] = onderzoeker.onderzoeker_id
        with self._vault.writing() as conn:
            Vault.audit(conn, AuditAction.GDPR_ACCESS, role, None, details)

    def sealed_counts_of(self, recordings: list[Recording]) -> int:
        """How many sealed klant items lie on these recordings."""
        ids = {r.id for r in recordings}
        return sum(
            1 for item in SealingRepository(self._vault).sealed_items() if item.recording_id in ids
        )

    def _write_package(
        self,
        recordings: list[Recording],
        target: Path,
        passphrase: str,
        *,
        role: Role | None,
        kdf_profile: KdfProfile,
        copier: _Copier,
        unsealed: list[Observation],
    ) -> None:
        package = Vault.create(
            target,
            passphrase,
            role=role or Role.ONDERZOEKER,
            kdf_profile=kdf_profile,
            passphrase_check=self._passphrase_check,
        )
        package.close()
        key = read_key_file(target / KEY_FILE_NAME).unwrap(passphrase)
        ids = [r.id for r in recordings]
        marks = ",".join("?" for _ in ids)
        with self._vault.reading() as conn:
            conn.execute(
                f"ATTACH DATABASE ? AS pkg KEY \"x'{key.hex()}'\"",
                (str(target / DATABASE_FILE_NAME),),
            )
            try:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    for table in _COPIED_TABLES:
                        columns = [
                            row[1]
                            for row in conn.execute(f"PRAGMA main.table_info({table})").fetchall()
                        ]
                        chosen = ", ".join(
                            "NULL" if column == "session_id" else column for column in columns
                        )
                        key_column = "id" if table == "recordings" else "recording_id"
                        conn.execute(
                            f"INSERT INTO pkg.{table} ({', '.join(columns)})"  # noqa: S608
                            f" SELECT {chosen} FROM main.{table} WHERE {key_column} IN ({marks})",
                            ids,
                        )
                    _insert_unsealed(conn, unsealed)
                    conn.execute("COMMIT")
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
            finally:
                conn.execute("DETACH DATABASE pkg")
        make_private_dir(target / "media")
        with disk_full_as_known_error():
            for recording in recordings:
                source = media_path(self._vault.media_dir, recording.id)
                if source.exists():
                    with (
                        source.open("rb") as stream,
                        _private_file(media_path(target / "media", recording.id)) as out,
                    ):
                        copier.copy(stream, out)

    def export_plain(
        self,
        name: str,
        target: Path,
        *,
        role: Role | None,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
        onderzoeker: OnderzoekerKey | None = None,
    ) -> list[Recording]:
        """Write a plain (unencrypted) folder: media files and a JSON file with the notes.

        ``target`` must be new or empty; ``progress`` and ``cancel`` as for export_encrypted.
        On cancel or any error what was written is removed again and nothing is audited.
        Sealed klant items only with an onderzoeker's unlocked key, as for export_encrypted.
        """
        recordings = self.recordings_of(name)
        total = sum(r.size_bytes for r in recordings if r.media_available)
        copier = _Copier(total, progress, cancel)
        unsealed = self._unsealed_of(recordings, onderzoeker)
        with _new_target(target):
            copier.check()
            self._write_plain(recordings, target, copier, unsealed)
            copier.check()
            self._audit_access(recordings, "onversleuteld", role, len(unsealed), onderzoeker)
        return recordings

    def _write_plain(
        self,
        recordings: list[Recording],
        target: Path,
        copier: _Copier,
        unsealed: list[Observation],
    ) -> None:
        make_private_dir(target)
        summary = []
        with disk_full_as_known_error():
            for number, recording in enumerate(recordings, start=1):
                entry = {
                    "titel": recording.title,
                    "datum": recording.conversation_date.isoformat()
                    if recording.conversation_date
                    else None,
                    "deelnemers": [
                        {"naam": p.display_name, "rol": p.role.value}
                        for p in recording.participants
                    ],
                    "toestemming": recording.consent.scope_codes(),
                    "bewaren_tot": recording.consent.keep_until.isoformat(),
                    "waarnemingen": [
                        {
                            "tijd_ms": o.time_ms,
                            "tekst": o.text,
                            "antwoord": o.answer,
                            "door": o.author_name or o.author_role.value,
                            "delen": o.sharing_state.value,
                        }
                        for o in sorted(
                            [
                                *self._vault.observations(recording.id),
                                *(u for u in unsealed if u.recording_id == recording.id),
                            ],
                            key=lambda o: (o.time_ms, o.created_at),
                        )
                    ],
                    "bestand": None,
                }
                if recording.media_available:
                    file_name = f"opname-{number}.{_extension(recording)}"
                    with (
                        self._vault.open_media(recording.id) as stream,
                        _private_file(target / file_name) as out,
                    ):
                        copier.copy(stream, out)
                    entry["bestand"] = file_name
                summary.append(entry)
            with _private_file(target / "gegevens.json") as out:
                out.write(json.dumps(summary, ensure_ascii=False, indent=2).encode("utf-8"))

    def erase(
        self,
        name: str,
        *,
        role: Role | None,
        progress: ProgressCallback | None = None,
        keep_in_register: bool = False,
        onderzoeker: OnderzoekerKey | None = None,
    ) -> list[Recording]:
        """Erase ``name`` from every place in the vault.

        Every recording on which the person appears is deleted with all its notes (key
        first). Then, in one transaction: the person is removed from review sessions, extra
        terms that name them are dropped, and every other mention in free text (titles of
        recordings and sessions, notes, fragments, prompts, leerdoelen, authors) is replaced
        by ``[verwijderd]``. The full-text index forgets the old words at once (secure-delete),
        and the WAL and any pre-migration copy are cleared. ``remaining(name)`` is empty
        afterwards. ``progress`` gets (recordings deleted, recordings total) after each one.

        The name register (names removed from every summary, also after their recording is
        gone) forgets the person too, unless the privacy officer chooses ``keep_in_register``
        so that older leerdoelen that mention them are still de-identified. Then the register
        is the one place that still names them, and ``remaining`` says so.

        Sealed klant items of the person's recordings go with them. The words of other sealed
        items can only be searched with an onderzoeker's key: with ``onderzoeker`` the name is
        replaced in every sealed item it can open (each sealed again, for the same
        onderzoekers); ``unsearched_sealed`` counts what could not be searched.
        """
        recordings = self.recordings_of(name)
        for number, recording in enumerate(recordings, start=1):
            self._vault.delete_recording(recording.id, role=role or Role.KLANTMANAGER)
            if progress is not None:
                progress(number, len(recordings))
        sealed_hits = (
            [
                item
                for item in self._openable(onderzoeker)
                if any(mentions(v or "", name) for v in (item.text, item.answer, item.author_name))
            ]
            if onderzoeker is not None
            else []
        )
        with self._vault.writing() as conn:
            scrubbed = _scrub_everywhere(conn, name.strip())
            for item in sealed_hits:
                sealed_store.reseal(
                    conn,
                    item.model_copy(
                        update={
                            "text": scrub(item.text, name.strip()),
                            "answer": scrub(item.answer, name.strip()),
                            "author_name": scrub(item.author_name, name.strip()),
                        }
                    ),
                )
                scrubbed += 1
            forgotten = 0 if keep_in_register else _forget_in_register(conn, name.strip())
            Vault.audit(
                conn,
                AuditAction.GDPR_ERASURE,
                role,
                None,
                {
                    "recordings": len(recordings),
                    "mentions": scrubbed,
                    "register": "bewaard" if keep_in_register else "vergeten",
                    "register_entries": forgotten,
                },
            )
        self._vault.reclaim_space()
        return recordings


def _rows(conn: Any, table: str, key: str, columns: tuple[str, ...]) -> list[tuple[Any, ...]]:
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).fetchone()
    if not exists:
        return []
    selected = ", ".join((key, *columns))
    return list(conn.execute(f"SELECT {selected} FROM {table}").fetchall())  # noqa: S608


REGISTER_PLACE = "naamregister (om samenvattingen te anonimiseren)"
SEALED_PLACE = "verzegelde feedback van de klant"


def _insert_unsealed(conn: Any, unsealed: list[Observation]) -> None:
    """Inside the package's copy transaction: the unsealed klant items as observations of the
    package (a package has no onderzoeker: its own passphrase protects them)."""
    for item in unsealed:
        conn.execute(
            f"INSERT INTO pkg.observations({observations_repo._COLUMNS})"  # noqa: S608
            f" VALUES ({observations_repo._PLACEHOLDERS})",
            observations_repo.row_values(item.model_copy(update={"session_id": None})),
        )


def _register_rows(conn: Any) -> list[tuple[Any, ...]]:
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'name_register'"
    ).fetchone()
    return list(conn.execute("SELECT name FROM name_register").fetchall()) if exists else []


def _forget_in_register(conn: Any, name: str) -> int:
    """Inside a write transaction: drop every register entry that names ``name``."""
    pattern = name_pattern(name)
    forgotten = 0
    for (entry,) in _register_rows(conn):
        if pattern.search(str(entry)):
            conn.execute("DELETE FROM name_register WHERE name = ?", (entry,))
            forgotten += 1
    return forgotten


def _scrub_everywhere(conn: Any, name: str) -> int:
    """Inside a write transaction: remove ``name`` from sessions, terms and free text."""
    pattern = name_pattern(name)
    changed = 0
    for session_id, position, display_name in conn.execute(
        "SELECT session_id, position, display_name FROM review_session_participants"
    ).fetchall():
        if pattern.search(str(display_name)):
            conn.execute(
                "DELETE FROM review_session_participants WHERE session_id = ? AND position = ?",
                (session_id, position),
            )
            changed += 1
    for (term,) in conn.execute("SELECT term FROM export_terms").fetchall():
        if pattern.search(str(term)):
            conn.execute("DELETE FROM export_terms WHERE term = ?", (term,))
            changed += 1
    for table, key, columns, _label in _TEXT_PLACES:
        for row in _rows(conn, table, key, columns):
            values = [str(v) if v is not None else None for v in row[1:]]
            new = [scrub(v, name) if v is not None else None for v in values]
            if new != values:
                assignments = ", ".join(f"{c} = ?" for c in columns)
                conn.execute(
                    f"UPDATE {table} SET {assignments} WHERE {key} = ?",  # noqa: S608
                    (*new, row[0]),
                )
                changed += 1
    return changed


def _extension(recording: Recording) -> str:
    container = recording.media.container
    return {"mov": "mp4", "matroska": "mkv", "ogg": "ogg", "wav": "wav", "mp3": "mp3"}.get(
        container, "bin"
    )


class _Copier:
    """Copies streams block by block, reporting progress and stopping when cancelled."""

    def __init__(
        self, total: int, progress: ProgressCallback | None, cancel: CancelToken | None
    ) -> None:
        self.total = total
        self.done = 0
        self._progress = progress
        self._cancel = cancel
        self._report()

    def check(self) -> None:
        """Raise ExportCancelledError once ``cancel`` is set."""
        if self._cancel is not None and self._cancel.cancelled:
            raise ExportCancelledError("Afgebroken; er is niets geschreven.")

    def copy(self, source: MediaStream | IO[bytes], out: IO[bytes]) -> None:
        """Copy all of ``source`` into ``out``."""
        while True:
            self.check()
            block = source.read(_COPY_BLOCK)
            if not block:
                return
            out.write(block)
            self.done += len(block)
            self._report()

    def _report(self) -> None:
        if self._progress is not None:
            self._progress(min(self.done, self.total), self.total)


def _private_file(path: Path) -> IO[bytes]:
    """A new file (mode 0600) opened for writing bytes."""
    return os.fdopen(open_private_for_writing(path), "wb")


@contextlib.contextmanager
def _new_target(target: Path) -> Iterator[None]:
    """Refuse a ``target`` that exists and is not an empty folder; when the block fails (or is
    cancelled) remove what it wrote: the folder itself if it was new, else its contents."""
    existed = target.exists()
    if existed and (not target.is_dir() or any(target.iterdir())):
        raise KnownError(f"{target} bestaat al en is niet leeg; kies een nieuwe map.")
    try:
        yield
    except BaseException:
        _remove_written(target, keep_folder=existed)
        raise


def _remove_written(target: Path, *, keep_folder: bool) -> None:
    if not target.is_dir():
        return
    for child in target.iterdir():
        with contextlib.suppress(OSError):
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
    if not keep_folder:
        with contextlib.suppress(OSError):
            target.rmdir()
