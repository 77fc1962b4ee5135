"""Crypto-shredding a recording's media while its notes stay (retention, privacy requests)."""

from __future__ import annotations

from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.models import AuditAction, Role
from vknz_desktop.storage.vault import Vault


class RetentionRepository:
    """Destroys media keys and bytes; keeps or removes the recording's observations."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def shred_media(
        self,
        recording_id: str,
        *,
        role: Role | None,
        action: AuditAction,
        remove_observations: bool = False,
    ) -> int:
        """Destroy the key first, then derived data and the encrypted file; reclaim the space.

        Observations stay as text (the recording shows 'opname verwijderd'), and klant
        feedback sealed for the onderzoeker stays sealed, unless ``remove_observations``
        (then both go). Returns the number of observations kept.
        """
        recording = self._vault.recording(recording_id)
        if not recording.media_available and not remove_observations:
            raise KnownError("De opname zelf is al verwijderd.")
        with self._vault.writing() as conn:
            Vault.destroy_media_key(conn, recording_id)
            if remove_observations:
                conn.execute("DELETE FROM observations WHERE recording_id = ?", (recording_id,))
                # Klant feedback sealed for the onderzoeker goes the same way.
                conn.execute("DELETE FROM sealed_items WHERE recording_id = ?", (recording_id,))
            kept = int(
                conn.execute(
                    "SELECT count(*) FROM observations WHERE recording_id = ?", (recording_id,)
                ).fetchone()[0]
            )
            sealed_kept = int(
                conn.execute(
                    "SELECT count(*) FROM sealed_items WHERE recording_id = ?", (recording_id,)
                ).fetchone()[0]
            )
            Vault.audit(
                conn,
                action,
                role,
                recording_id,
                {
                    "observations_kept_as_text": kept,
                    "observations_removed": int(remove_observations),
                    "sealed_kept": sealed_kept,
                },
            )
        self._vault.reclaim_media(recording_id)
        return kept
