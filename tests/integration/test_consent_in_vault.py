"""The consent and visibility policy against the real vault: contradictory consent refused and
old rows read the narrow way (schema 8), klant items only with *klant kijkt mee*, and the CLI's
clear refusal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from tests.conftest import PASSPHRASE
from tests.fixtures import media_facts as facts
from tests.integration.helpers import import_file, onderzoeker_session, register_onderzoeker
from tests.integration.test_cli import vknz

from vknz_desktop.domain.fragments import ConsentRefusedError
from vknz_desktop.domain.models import (
    AuditAction,
    ConsentScope,
    ContradictoryConsentError,
    Role,
)
from vknz_desktop.services.observations import ObservationService
from vknz_desktop.services.recordings import make_consent
from vknz_desktop.storage import audit_log, database, migrations
from vknz_desktop.storage.fragments_repo import FragmentsRepository
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.storage.vault import Vault


def consent(*scopes: ConsentScope):
    return make_consent(scopes, given_by=Role.KLANT, given_on=dt.date(2026, 11, 1))


def test_schema_8_reads_contradictory_consent_narrowly_and_links_fragments(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A vault of schema 4 with a consent that earlier versions let through ("alleen zelf" and
    "met collega's") and a fragment made by keeping fragments only."""
    up_to_4 = tuple(m for m in migrations.MIGRATIONS if m.version <= 4)
    monkeypatch.setattr(database, "LATEST_VERSION", 4)
    monkeypatch.setattr(database, "pending", lambda current: migrations.pending(current, up_to_4))
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        mixed = import_file(vault, facts.AUDIO_WAV, title="Oud")
        original = import_file(vault, facts.AUDIO_M4A, title="Vervangen")
        fragment = import_file(vault, facts.AUDIO_MP3, title="Vervangen — fragment 1")
        with vault.writing() as conn:
            conn.execute(
                "UPDATE consents SET scopes = 'collegas,zelf' WHERE recording_id = ?",
                (mixed.id,),
            )
            conn.execute("UPDATE recordings SET media_key = NULL WHERE id = ?", (original.id,))
            audit_log.append(
                conn,
                AuditAction.KEEP_FRAGMENTS,
                Role.KLANTMANAGER,
                fragment.id,
                {"source": original.id, "bytes": 1},
            )
    monkeypatch.undo()
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        with vault.reading() as conn:
            assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST_VERSION
        assert vault.recording(mixed.id).consent.scopes == {ConsentScope.SELF}
        changed = [e for e in vault.audit_entries() if e.action == AuditAction.CONSENT_CHANGED]
        assert [(e.recording_id, e.details) for e in changed] == [
            (mixed.id, {"scopes": "zelf", "was": "collegas,zelf", "reason": "tegenstrijdig"})
        ]
        assert vault.verify() == []
        repo = FragmentsRepository(vault)
        assert repo.original_of(fragment.id) == original.id
        assert repo.original_of(mixed.id) is None
        assert repo.replaced_recordings() == {original.id: [fragment.id]}
        # Rows copied in by other means (rescuing a damaged vault) are read the same way.
        with vault.writing() as conn:
            conn.execute(
                "UPDATE consents SET scopes = 'klant,onderzoeker,zelf' WHERE recording_id = ?",
                (fragment.id,),
            )
        assert vault.recording(fragment.id).consent.scopes == {ConsentScope.SELF}


def test_contradictory_consent_cannot_be_saved(vault_dir: Path) -> None:
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        recording = import_file(vault, facts.AUDIO_WAV)
        with pytest.raises(ContradictoryConsentError, match="alleen zelf terugkijken"):
            vault.set_consent(
                recording.id,
                consent(ConsentScope.SELF, ConsentScope.COLLEAGUES),
                role=Role.KLANTMANAGER,
            )
        assert vault.recording(recording.id).consent.scopes == {ConsentScope.RESEARCHER}


def test_cli_refuses_contradictory_consent_with_a_clear_message(vault_dir: Path) -> None:
    assert vknz("init").returncode == 0
    result = vknz("import", str(facts.AUDIO_WAV), "--consent-scope", "zelf,collegas")
    print(result.stderr)
    assert result.returncode == 2
    assert "alleen zelf terugkijken" in result.stderr and "Traceback" not in result.stderr
    assert vknz("list", "--json").stdout.strip() == "[]"


def test_klant_items_only_on_recordings_the_klant_may_watch(vault_dir: Path) -> None:
    """Samen kijken stored "Hier wil ik iets over zeggen" on an "alleen zelf" recording."""
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        recording = import_file(vault, facts.AUDIO_WAV)
        vault.set_consent(recording.id, consent(ConsentScope.SELF), role=Role.KLANTMANAGER)
        service = ObservationService(vault)
        with pytest.raises(ConsentRefusedError, match="klant kijkt mee"):
            service.create(
                recording.id, 500, text="Hier wil ik iets over zeggen", author_role=Role.KLANT
            )
        assert vault.observations(recording.id) == []
        own = service.create(recording.id, 500, text="Zelf gezien")
        with pytest.raises(ConsentRefusedError):
            service.update(own, perspective=Role.KLANT)
        vault.set_consent(recording.id, consent(ConsentScope.CLIENT), role=Role.KLANTMANAGER)
        sealing = register_onderzoeker(vault)
        marker = service.create(recording.id, 500, text="Hier", author_role=Role.KLANT)
        assert vault.observation(marker.id) is None  # sealed for the onderzoeker
        with onderzoeker_session(vault) as session:
            assert sealing.open_items(session.key, [marker.id]) == [marker]
