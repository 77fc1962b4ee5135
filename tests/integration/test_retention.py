"""Keep-until dates: reminders, crypto-shredding with notes kept, space reclaimed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.conftest import PASSPHRASE
from tests.fixtures import media_facts as facts
from tests.integration.helpers import import_file

from vknz_desktop.domain.models import AuditAction, ConsentScope, Role
from vknz_desktop.services.observations import ObservationService
from vknz_desktop.services.recordings import make_consent
from vknz_desktop.services.retention import RetentionService
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.storage.retention_repo import RetentionRepository
from vknz_desktop.storage.vault import Vault

TODAY = dt.date(2026, 11, 28)


def _consent(keep_until: dt.date):  # type: ignore[no-untyped-def]
    return make_consent(
        [ConsentScope.SELF],
        given_by=Role.KLANT,
        given_on=dt.date(2025, 11, 1),
        keep_until=keep_until,
    )


def _vault_bytes(directory: Path) -> int:
    return sum(p.stat().st_size for p in directory.rglob("*") if p.is_file())


def test_due_and_soon_and_crypto_shredding(vault_dir: Path) -> None:
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        old = import_file(vault, facts.VIDEO_MP4, title="Verlopen gesprek")
        soon = import_file(vault, facts.AUDIO_WAV, title="Bijna verlopen")
        fine = import_file(vault, facts.AUDIO_M4A, title="Nog lang goed")
        vault.set_consent(old.id, _consent(dt.date(2026, 11, 27)), role=Role.KLANTMANAGER)
        vault.set_consent(soon.id, _consent(dt.date(2026, 12, 10)), role=Role.KLANTMANAGER)
        vault.set_consent(fine.id, _consent(dt.date(2027, 6, 1)), role=Role.KLANTMANAGER)
        ObservationService(vault).create(old.id, 1000, text="Geheime aantekening blijft")
        vault.store_derived_media(old.id, "thumbnails-v1", b"jpeg-bytes")
        service = RetentionService(vault, RetentionRepository(vault), today=lambda: TODAY)
        status = service.status()
        assert [r.id for r in status.due] == [old.id]
        assert [r.id for r in status.soon] == [soon.id]
        media_bytes = (vault_dir / "media" / f"{old.id}.vkm").stat().st_size
        size_before = _vault_bytes(vault_dir)
        kept = service.remove(status.due, role=Role.KLANTMANAGER)
        assert kept == 1
        shredded = vault.recording(old.id)
        assert shredded.media_available is False
        assert not (vault_dir / "media" / f"{old.id}.vkm").exists()
        assert vault.derived_media(old.id, "thumbnails-v1") is None
        assert [o.text for o in vault.observations(old.id)] == ["Geheime aantekening blijft"]
        entry = vault.audit_entries()[-1]
        assert entry.action == AuditAction.RETENTION_DELETE and entry.recording_id == old.id
        assert "Geheime" not in repr(entry.model_dump())
        assert vault.verify() == []
        assert service.status().due == ()
        reclaimed = size_before - _vault_bytes(vault_dir)
        print(f"reclaimed {reclaimed} bytes (media file {media_bytes})")
        assert reclaimed >= media_bytes
    with Vault.open(vault_dir, PASSPHRASE) as vault:  # still sound after reopening
        assert vault.recording(old.id).media_available is False
        assert len(vault.recordings()) == 3


def test_removing_the_notes_too(vault_dir: Path) -> None:
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        old = import_file(vault, facts.AUDIO_WAV)
        vault.set_consent(old.id, _consent(dt.date(2026, 1, 1)), role=Role.KLANTMANAGER)
        ObservationService(vault).create(old.id, 500, text="weg ermee")
        service = RetentionService(vault, RetentionRepository(vault), today=lambda: TODAY)
        service.remove(service.status().due, role=Role.KLANTMANAGER, remove_observations=True)
        assert vault.observations(old.id) == []
        assert vault.search_observations("ermee") == []
