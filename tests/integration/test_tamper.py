"""Tamper and damage: flipped bytes in the database, the key file or a media chunk, reordered
chunks. Each is detected with a message naming what is damaged; what is still sound opens
(read-only when the database is damaged); nothing crashes and nothing is written."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest
from tests.conftest import PASSPHRASE
from tests.fixtures import media_facts as facts
from tests.integration.helpers import import_file, snapshot

from vknz_desktop.domain.errors import (
    KnownError,
    ReadOnlyVaultError,
    VaultDamagedError,
    WrongPassphraseError,
)
from vknz_desktop.domain.models import AuditAction, Observation, Role
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.storage.media_store import MediaDamagedError
from vknz_desktop.storage.vault import Vault

PAGE = 4096
NOTES = 300


def _vault_with_notes(vault_dir: Path) -> tuple[str, str]:
    """A vault with two recordings and NOTES observations on the first; returns their ids."""
    now = dt.datetime(2026, 11, 2, 10, 0, tzinfo=dt.UTC)
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        first = import_file(vault, facts.AUDIO_WAV, title="Eerste gesprek")
        second = import_file(vault, facts.AUDIO_M4A, title="Tweede gesprek")
        for i in range(NOTES):
            vault.save_observation(
                Observation(
                    id=uuid.uuid4().hex,
                    recording_id=first.id,
                    time_ms=i * 10,
                    text=f"waarneming {i} over oogcontact en tempo " + "·" * 60,
                    created_at=now,
                    edited_at=now,
                )
            )
    return first.id, second.id


def _flip(path: Path, offset: int) -> None:
    raw = bytearray(path.read_bytes())
    raw[offset] ^= 0xA5
    path.write_bytes(bytes(raw))


def _without_lock(state: dict[str, str]) -> dict[str, str]:
    return {name: digest for name, digest in state.items() if name != "vault.lock"}


def test_damaged_key_file_is_named_and_restored_from_its_spare(vault_dir: Path) -> None:
    _vault_with_notes(vault_dir)
    key = vault_dir / "vault.key"
    spare = vault_dir / "vault.key.spare"
    assert spare.read_bytes() == key.read_bytes()
    _flip(key, len(key.read_bytes()) // 2)
    damaged = key.read_bytes()

    with pytest.raises(WrongPassphraseError):  # a wrong passphrase repairs nothing
        Vault.open(vault_dir, "niet het goede wachtwoord")
    assert key.read_bytes() == damaged

    with Vault.open(vault_dir, PASSPHRASE) as vault:
        assert not vault.read_only
        assert any("vault.key" in n and "hersteld" in n for n in vault.notices)
        assert len(vault.recordings()) == 2
    assert key.read_bytes() == spare.read_bytes()

    key.unlink()  # a lost key file is restored the same way
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        assert vault.notices
    assert key.exists()


def test_key_file_and_spare_both_damaged_names_both(vault_dir: Path) -> None:
    _vault_with_notes(vault_dir)
    for name in ("vault.key", "vault.key.spare"):
        _flip(vault_dir / name, 40)
    before = snapshot(vault_dir)
    with pytest.raises(VaultDamagedError) as caught:
        Vault.open(vault_dir, PASSPHRASE)
    assert "vault.key" in caught.value.message and "vault.key.spare" in caught.value.message
    assert _without_lock(snapshot(vault_dir)) == _without_lock(before)


def test_a_stale_spare_is_brought_up_to_date(vault_dir: Path) -> None:
    _vault_with_notes(vault_dir)
    spare = vault_dir / "vault.key.spare"
    spare.unlink()
    Vault.open(vault_dir, PASSPHRASE).close()
    assert spare.read_bytes() == (vault_dir / "vault.key").read_bytes()


def test_damaged_observation_page_opens_the_rest_read_only(vault_dir: Path) -> None:
    first, second = _vault_with_notes(vault_dir)
    db = vault_dir / "vault.db"
    good = db.read_bytes()
    pages = len(good) // PAGE
    partial: list[tuple[int, int]] = []
    for page in range(3, pages + 1):
        db.write_bytes(good)
        _flip(db, (page - 1) * PAGE + PAGE // 2)
        try:
            vault = Vault.open(vault_dir, PASSPHRASE)
        except VaultDamagedError:
            continue
        with vault:
            if not vault.read_only:
                continue
            kept = len(vault.observations(first))
            if 0 < kept < NOTES and len(vault.recordings()) == 2:
                partial.append((page, kept))
    assert partial, "no page held only part of the observations"
    page, kept = partial[len(partial) // 2]
    print(f"\npage {page} of {pages} damaged: {kept}/{NOTES} observations still readable")

    db.write_bytes(good)
    _flip(db, (page - 1) * PAGE + PAGE // 2)
    before = _without_lock(snapshot(vault_dir))
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        assert vault.read_only
        notice = " ".join(vault.notices)
        assert "vault.db" in notice and "aantekeningen" in notice and "alleen-lezen" in notice
        assert {r.title for r in vault.recordings()} == {"Eerste gesprek", "Tweede gesprek"}
        assert vault.search_observations("oogcontact")  # full-text search rebuilt in memory
        with vault.open_media(second) as stream:  # media is outside the database: all there
            assert stream.read() == facts.AUDIO_M4A.read_bytes()
        problems = vault.verify()
        assert any(p.where == "kluisbestand" and str(page) in p.message for p in problems)
        assert any("aantekeningen" in p.message for p in problems)
        with pytest.raises(ReadOnlyVaultError):
            vault.delete_recording(second, role=Role.KLANTMANAGER)
        with pytest.raises(ReadOnlyVaultError):
            import_file(vault, facts.AUDIO_OGG)
        with pytest.raises(ReadOnlyVaultError):
            vault.set_setting("x", "y")
        vault.record_unlock(Role.KLANTMANAGER)  # skipped: nothing can be written
        vault.store_derived_media(first, "waveform", b"skipped")  # a cache: skipped quietly
    assert _without_lock(snapshot(vault_dir)) == before  # nothing written in or beside it


def test_every_single_damaged_page_gives_a_message_or_a_readable_vault(vault_dir: Path) -> None:
    """Flip one byte in each page in turn: never a crash, never a non-KnownError."""
    _vault_with_notes(vault_dir)
    db = vault_dir / "vault.db"
    good = db.read_bytes()
    outcomes = {"melding": 0, "alleen-lezen": 0, "in orde": 0}
    for page in range(1, len(good) // PAGE + 1):
        db.write_bytes(good)
        _flip(db, (page - 1) * PAGE + 100)
        try:
            vault = Vault.open(vault_dir, PASSPHRASE)
        except KnownError as error:
            assert "kluisbestand" in error.message.lower()
            outcomes["melding"] += 1
            continue
        with vault:
            for recording in vault.recordings():
                vault.observations(recording.id)
            vault.audit_entries()
            vault.verify()
            outcomes["alleen-lezen" if vault.read_only else "in orde"] += 1
    print(f"\n{len(good) // PAGE} pages: {outcomes}")
    assert outcomes["alleen-lezen"] > 0


def test_damaged_audit_page_is_reported_by_verify(vault_dir: Path) -> None:
    _vault_with_notes(vault_dir)
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        for _ in range(150):
            vault.record_unlock(Role.KLANTMANAGER)
        total = len(vault.audit_entries())
    db = vault_dir / "vault.db"
    good = db.read_bytes()
    for page in range(3, len(good) // PAGE + 1):
        db.write_bytes(good)
        _flip(db, (page - 1) * PAGE + PAGE // 2)
        try:
            vault = Vault.open(vault_dir, PASSPHRASE)
        except VaultDamagedError:
            continue
        with vault:
            entries = vault.audit_entries()
            if vault.read_only and 0 < len(entries) < total:
                problems = vault.verify()
                assert any(p.where == "logboek" for p in problems)
                assert {e.action for e in entries} <= set(AuditAction)
                return
    pytest.fail("no page held only part of the audit log")


@pytest.mark.parametrize("damage", ["flip", "truncate"])
def test_damaged_media_is_named_and_other_recordings_play(vault_dir: Path, damage: str) -> None:
    """(Reordered chunks are detected too: tests/unit/test_media_store.py.)"""
    first, _ = _vault_with_notes(vault_dir)
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        video = import_file(vault, facts.VIDEO_MP4, title="Video")
    path = vault_dir / "media" / f"{video.id}.vkm"
    raw = path.read_bytes()
    if damage == "flip":
        _flip(path, len(raw) // 2)
    else:
        path.write_bytes(raw[: len(raw) - 100])
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        assert not vault.read_only
        problems = vault.verify()
        assert [p.where for p in problems] == [f"opname 'Video' ({video.id})"], problems
        if damage == "flip":
            stream = vault.open_media(video.id)
            with pytest.raises(MediaDamagedError) as caught:
                stream.read()
            assert stream.damage is not None  # type: ignore[attr-defined]
            stream.close()
        else:
            with pytest.raises(MediaDamagedError) as caught:
                vault.open_media(video.id)
        assert video.id in caught.value.message
        with vault.open_media(first) as sound:
            assert sound.read() == facts.AUDIO_WAV.read_bytes()
