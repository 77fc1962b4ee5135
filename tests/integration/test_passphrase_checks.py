"""Every way to set a new passphrase refuses guessable ones; AVG erasure on the command line."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from tests.conftest import PASSPHRASE
from tests.fixtures import media_facts as facts
from tests.integration.helpers import import_file

from vknz_desktop.app import DirectoryVaultGateway
from vknz_desktop.cli import run_command
from vknz_desktop.domain.errors import WeakPassphraseError
from vknz_desktop.domain.models import Role
from vknz_desktop.storage.gdpr_repo import GdprRepository
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.storage.vault import Vault
from vknz_desktop.strength import DutchPassphraseEstimator


def test_the_apps_vault_creation_refuses_a_guessable_passphrase(tmp_path: Path) -> None:
    gateway = DirectoryVaultGateway(tmp_path / "kluis", TEST_PROFILE)
    with pytest.raises(WeakPassphraseError, match="Plaatsnamen"):
        gateway.create("Zoetermeer2026", Role.KLANTMANAGER)
    assert not (tmp_path / "kluis").exists()
    gateway.create("fiets regen koffie lamp", Role.KLANTMANAGER).close()


def test_passwd_and_access_packages_refuse_guessable_passphrases(
    vault_dir: Path, tmp_path: Path
) -> None:
    check = DutchPassphraseEstimator().problem
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        import_file(vault, facts.AUDIO_WAV)
        repo = GdprRepository(vault, TEST_PROFILE, check)
        with pytest.raises(WeakPassphraseError, match="Namen"):
            repo.export_encrypted("Klant Fictief", tmp_path / "pakket", "Jansen1975", role=None)
        assert not (tmp_path / "pakket").exists()
    key_before = (vault_dir / "vault.key").read_bytes()
    with pytest.raises(WeakPassphraseError, match="Jaartallen"):
        Vault.change_passphrase(vault_dir, PASSPHRASE, "Welkom2024", TEST_PROFILE, check)
    assert (vault_dir / "vault.key").read_bytes() == key_before


def test_gdpr_verify_names_what_is_left_until_erase_removes_it(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VKNZ_PASSPHRASE", PASSPHRASE)
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        import_file(vault, facts.AUDIO_WAV, title="Gesprek met Klant Fictief")
        import_file(vault, facts.AUDIO_MP3, title="Terugblik op Klant Fictief")
        with vault.writing() as conn:
            conn.execute(
                "DELETE FROM participants WHERE recording_id IN"
                " (SELECT id FROM recordings WHERE title LIKE 'Terugblik%')"
            )
    out = io.StringIO()
    code = run_command(["--vault", str(vault_dir), "gdpr", "verify", "Klant Fictief"], out)
    assert code == 2
    assert "deelnemer aan opname" in out.getvalue() and "titel van een opname" in out.getvalue()
    assert "Klant Fictief" not in out.getvalue().split(":", 1)[1]  # places, not the text
    out = io.StringIO()
    code = run_command(["--vault", str(vault_dir), "gdpr", "erase", "Klant Fictief", "--yes"], out)
    assert code == 0, out.getvalue()
    out = io.StringIO()
    code = run_command(["--vault", str(vault_dir), "gdpr", "verify", "Klant Fictief"], out)
    assert code == 0 and "Niets gevonden" in out.getvalue()
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        assert [r.title for r in vault.recordings()] == ["Terugblik op [verwijderd]"]
