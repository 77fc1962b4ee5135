"""Duplicate detection at import: BLAKE3 for new recordings; vaults that stored SHA-256 keep
recognising their files."""

from __future__ import annotations

import hashlib
from pathlib import Path

import blake3
import pytest
from tests.conftest import PASSPHRASE
from tests.fixtures import media_facts as facts
from tests.integration.helpers import import_file, snapshot

from vknz_desktop.domain.errors import DuplicateRecordingError
from vknz_desktop.domain.models import Role
from vknz_desktop.media.probe import PyAvProber
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.storage.vault import Vault


def _same_size_other_content(source: Path, target: Path) -> Path:
    data = bytearray(source.read_bytes())
    data[-1] ^= 0x01  # the last byte of a WAV sample: still a valid file, other content
    target.write_bytes(bytes(data))
    return target


def test_new_recordings_store_blake3_and_duplicates_are_refused_before_writing(
    vault_dir: Path,
) -> None:
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        first = import_file(vault, facts.AUDIO_WAV)
        assert first.sha256 == "blake3:" + blake3.blake3(facts.AUDIO_WAV.read_bytes()).hexdigest()
        before = snapshot(vault.media_dir)
        with pytest.raises(DuplicateRecordingError, match=first.id):
            import_file(vault, facts.AUDIO_WAV)
        assert snapshot(vault.media_dir) == before


def test_a_vault_that_stored_sha256_still_recognises_its_files(
    vault_dir: Path, tmp_path: Path
) -> None:
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        old = import_file(vault, facts.AUDIO_WAV)
        legacy = hashlib.sha256(facts.AUDIO_WAV.read_bytes()).hexdigest()
        with vault.writing() as conn:  # as an older version stored it
            conn.execute("UPDATE recordings SET sha256 = ? WHERE id = ?", (legacy, old.id))
        assert vault.duplicate_of(facts.AUDIO_WAV) == vault.recording(old.id)
        with pytest.raises(DuplicateRecordingError, match=old.id):
            import_file(vault, facts.AUDIO_WAV)
        # The vault's own check, without the service's pre-check, refuses it too.
        with pytest.raises(DuplicateRecordingError, match=old.id):
            vault.add_recording(
                facts.AUDIO_WAV,
                title="nog eens",
                conversation_date=None,
                media=PyAvProber().probe(facts.AUDIO_WAV),
                participants=(),
                consent=old.consent,
                role=Role.KLANTMANAGER,
            )
        assert len(vault.recordings()) == 1
        other = import_file(vault, _same_size_other_content(facts.AUDIO_WAV, tmp_path / "b.wav"))
        assert other.sha256.startswith("blake3:")
        assert len(vault.recordings()) == 2
