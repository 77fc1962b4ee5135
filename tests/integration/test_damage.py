"""Damage costs only what was damaged: one page of recordings or consents, a free page, a
media file's header."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import PASSPHRASE
from tests.fixtures import media_facts as facts
from tests.integration.helpers import import_file
from tests.privacy.pages import PAGE_SIZE, decrypt_file

from vknz_desktop.domain.models import ConsentScope
from vknz_desktop.storage.keyfile import TEST_PROFILE, read_key_file
from vknz_desktop.storage.vault import Vault


def _vault(vault_dir: Path) -> dict[str, bytes]:
    """Three recordings; returns their ids with the first 64 bytes of each one's plaintext."""
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        result = {}
        for source, title in (
            (facts.AUDIO_WAV, "Gesprek een"),
            (facts.AUDIO_MP3, "Gesprek twee"),
            (facts.VIDEO_MP4, "Gesprek drie"),
        ):
            recording = import_file(vault, source, title=title)
            result[recording.id] = source.read_bytes()[:64]
    return result


def _root_page(vault_dir: Path, table: str) -> int:
    with Vault.open(vault_dir, PASSPHRASE) as vault, vault.reading() as conn:
        return int(
            conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[
                0
            ]
        )


def _flip_page(vault_dir: Path, page: int) -> None:
    path = vault_dir / "vault.db"
    raw = bytearray(path.read_bytes())
    raw[(page - 1) * PAGE_SIZE + 200] ^= 0x5A
    path.write_bytes(bytes(raw))


def test_a_damaged_recordings_page_leaves_every_recording_playable(vault_dir: Path) -> None:
    plain = _vault(vault_dir)
    _flip_page(vault_dir, _root_page(vault_dir, "recordings"))
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        assert vault.read_only
        assert vault.salvage_report is not None
        assert vault.salvage_report.restored_recordings == 3
        recordings = vault.recordings()
        assert {r.id for r in recordings} == set(plain)
        assert {r.title for r in recordings} == {"Opname (titel onleesbaar)"}
        for recording in recordings:
            with vault.open_media(recording.id) as stream:
                assert stream.read(64) == plain[recording.id]
        assert any("hersteld uit de reservekopie" in notice for notice in vault.notices)


def test_a_damaged_consents_page_hides_no_recording(vault_dir: Path) -> None:
    plain = _vault(vault_dir)
    _flip_page(vault_dir, _root_page(vault_dir, "consents"))
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        assert vault.read_only
        recordings = vault.recordings()
        assert {r.id for r in recordings} == set(plain)
        assert {r.title for r in recordings} == {"Gesprek een", "Gesprek twee", "Gesprek drie"}
        # Consent unknown: only the narrowest use (reviewing alone), and said so.
        assert all(r.consent.scopes == frozenset({ConsentScope.SELF}) for r in recordings)
        assert any("toestemming onleesbaar" in notice for notice in vault.notices)


def test_damage_on_a_free_page_is_reported_in_dutch_as_harmless(vault_dir: Path) -> None:
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        for index in range(20):
            vault.set_setting(f"vulling-{index}", "x" * 3000)
        with vault.writing() as conn:
            conn.execute("DELETE FROM settings WHERE key LIKE 'vulling-%'")
        vault._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    key = read_key_file(vault_dir / "vault.key").unwrap(PASSPHRASE)
    pages = decrypt_file(vault_dir / "vault.db", key)
    trunk = int.from_bytes(pages[0].plaintext[32:36], "big")
    assert trunk, "the deleted rows left free pages"
    trunk_page = pages[trunk - 1].plaintext
    leaves = int.from_bytes(trunk_page[4:8], "big")
    assert leaves > 0
    leaf = int.from_bytes(trunk_page[8:12], "big")
    _flip_page(vault_dir, leaf)
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        assert not vault.read_only  # nothing in use is damaged
        problems = vault.verify()
    assert [p.message for p in problems] == [
        f"blok {leaf} is beschadigd, maar het is vrije ruimte: er is niets verloren; "
        "het wordt overschreven zodra de ruimte weer nodig is"
    ]


def test_verify_checks_media_headers_and_sizes(vault_dir: Path) -> None:
    plain = _vault(vault_dir)
    first, second, third = list(plain)
    media = vault_dir / "media"
    header = bytearray((media / f"{first}.vkm").read_bytes())
    header[3] ^= 0x01
    (media / f"{first}.vkm").write_bytes(bytes(header))
    with (media / f"{second}.vkm").open("ab") as handle:
        handle.write(b"extra")
    (media / f"{third}.vkm").rename(media / "elders.bin")
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        problems = {p.where.split("(")[-1].rstrip(")"): p.message for p in vault.verify()}
    assert "kop van het bestand klopt niet" in problems[first]
    assert "afgekapt of verlengd" in problems[second]
    assert "ontbreekt" in problems[third]
