"""Privacy requests (AVG/GDPR) for one participant: access (a package) and erasure.

The encrypted access package is a new, separate vault protected by a passphrase the privacy
officer chooses: the recordings' rows, consent and observations are copied into it through an
attached SQLCipher database, and the encrypted media files are copied as they are (their keys
travel inside the package's encrypted database). It opens with ``vknz --vault PACKAGE``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.models import AuditAction, Recording, Role
from vknz_desktop.storage.database import DATABASE_FILE_NAME
from vknz_desktop.storage.fsutil import disk_full_as_known_error, make_private_dir
from vknz_desktop.storage.keyfile import KEY_FILE_NAME, KdfProfile, read_key_file
from vknz_desktop.storage.media_store import media_path
from vknz_desktop.storage.vault import Vault

_COPIED_TABLES = ("recordings", "participants", "consents", "observations")


class GdprRepository:
    """Finds everything about one participant and exports or erases it."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def participants(self) -> list[tuple[str, str]]:
        """(display name, role) of everyone named on a recording."""
        with self._vault.reading() as conn:
            rows = conn.execute(
                "SELECT DISTINCT display_name, role FROM participants ORDER BY display_name"
            ).fetchall()
        return [(str(name), str(role)) for name, role in rows]

    def recordings_of(self, name: str) -> list[Recording]:
        """Recordings on which ``name`` is registered (case-insensitive)."""
        with self._vault.reading() as conn:
            ids = [
                row[0]
                for row in conn.execute(
                    "SELECT DISTINCT recording_id FROM participants"
                    " WHERE lower(display_name) = lower(?)",
                    (name.strip(),),
                ).fetchall()
            ]
        if not ids:
            raise KnownError(f"Er staat geen deelnemer '{name}' in de kluis.")
        return [self._vault.recording(i) for i in ids]

    def export_encrypted(
        self,
        name: str,
        target: Path,
        passphrase: str,
        *,
        role: Role | None,
        kdf_profile: KdfProfile,
    ) -> list[Recording]:
        """Write an encrypted package (a separate vault) with everything about ``name``."""
        recordings = self.recordings_of(name)
        package = Vault.create(
            target, passphrase, role=role or Role.ONDERZOEKER, kdf_profile=kdf_profile
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
                    shutil.copyfile(source, media_path(target / "media", recording.id))
                    media_path(target / "media", recording.id).chmod(0o600)
        with self._vault.writing() as conn:
            Vault.audit(
                conn,
                AuditAction.GDPR_ACCESS,
                role,
                None,
                {"recordings": len(recordings), "form": "versleuteld"},
            )
        return recordings

    def export_plain(self, name: str, target: Path, *, role: Role | None) -> list[Recording]:
        """Write a plain (unencrypted) folder: media files and a JSON file with the notes."""
        recordings = self.recordings_of(name)
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
                        }
                        for o in self._vault.observations(recording.id)
                    ],
                    "bestand": None,
                }
                if recording.media_available:
                    file_name = f"opname-{number}.{_extension(recording)}"
                    with (
                        self._vault.open_media(recording.id) as stream,
                        (target / file_name).open("wb") as out,
                    ):
                        shutil.copyfileobj(stream, out, 1024 * 1024)
                    entry["bestand"] = file_name
                summary.append(entry)
            (target / "gegevens.json").write_text(
                json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8"
            )
        with self._vault.writing() as conn:
            Vault.audit(
                conn,
                AuditAction.GDPR_ACCESS,
                role,
                None,
                {"recordings": len(recordings), "form": "onversleuteld"},
            )
        return recordings

    def erase(self, name: str, *, role: Role | None) -> list[Recording]:
        """Delete every recording on which ``name`` appears, with all its notes (key first)."""
        recordings = self.recordings_of(name)
        for recording in recordings:
            self._vault.delete_recording(recording.id, role=role or Role.KLANTMANAGER)
        with self._vault.writing() as conn:
            Vault.audit(conn, AuditAction.GDPR_ERASURE, role, None, {"recordings": len(recordings)})
        return recordings


def _extension(recording: Recording) -> str:
    container = recording.media.container
    return {"mov": "mp4", "matroska": "mkv", "ogg": "ogg", "wav": "wav", "mp3": "mp3"}.get(
        container, "bin"
    )
