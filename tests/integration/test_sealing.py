"""Klant feedback sealed for the onderzoeker, against the real vault: registering, the
klantmanager's view (nothing, whatever the role), the onderzoeker's key, sharing, more
onderzoekers, and sealed items in AVG requests, erasure and retention."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from tests.conftest import PASSPHRASE
from tests.fixtures import media_facts as facts
from tests.integration.helpers import (
    ONDERZOEKER_NAME,
    ONDERZOEKER_PASSPHRASE,
    import_file,
    onderzoeker_session,
    register_onderzoeker,
)
from tests.privacy.pages import find_secrets

from vknz_desktop.domain.errors import KnownError, WeakPassphraseError
from vknz_desktop.domain.models import AuditAction, ConsentScope, Participant, Role, SharingState
from vknz_desktop.domain.sealing import NoOnderzoekerError, WrongOnderzoekerPassphraseError
from vknz_desktop.services.clips import ClipService
from vknz_desktop.services.observations import ObservationService
from vknz_desktop.services.onderzoeker import OnderzoekerService
from vknz_desktop.services.recordings import make_consent
from vknz_desktop.services.review_sessions import ReviewSessionService
from vknz_desktop.storage.fragments_repo import FragmentsRepository
from vknz_desktop.storage.gdpr_repo import SEALED_PLACE, GdprRepository
from vknz_desktop.storage.keyfile import ARGON2_FLOOR, TEST_PROFILE, read_key_file
from vknz_desktop.storage.retention_repo import RetentionRepository
from vknz_desktop.storage.sealing_crypto import WrappedPrivateKey
from vknz_desktop.storage.sealing_repo import SealingRepository
from vknz_desktop.storage.vault import Vault
from vknz_desktop.strength import DutchPassphraseEstimator

SECRET = "Ik was bang qjbangkanarie voor een korting"
PACKAGE_PASSPHRASE = "tulp fiets regen molen"


def klant_recording(vault: Vault, source: Path = facts.AUDIO_WAV, name: str = "Klant Fictief"):
    recording = import_file(vault, source)
    with vault.writing() as conn:
        conn.execute(
            "UPDATE participants SET display_name = ? WHERE recording_id = ?", (name, recording.id)
        )
    vault.set_consent(
        recording.id,
        make_consent(
            [ConsentScope.RESEARCHER, ConsentScope.CLIENT],
            given_by=Role.KLANT,
            given_on=dt.date(2026, 11, 1),
        ),
        role=Role.KLANTMANAGER,
    )
    return vault.recording(recording.id)


def create(vault_dir: Path) -> Vault:
    return Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE)


def table_count(vault: Vault, table: str) -> int:
    with vault.reading() as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


# -- no onderzoeker ---------------------------------------------------------------------------
def test_without_an_onderzoeker_klant_items_are_refused_with_how_to_register(
    vault_dir: Path,
) -> None:
    with create(vault_dir) as vault:
        recording = klant_recording(vault)
        notes = ObservationService(vault)
        with pytest.raises(NoOnderzoekerError) as refused:
            notes.create(recording.id, 500, text=SECRET, author_role=Role.KLANT)
        print(f"shown to the user: {refused.value.message}")
        assert "vknz onderzoeker register" in refused.value.message
        assert "niets bewaard" in refused.value.message
        repo = FragmentsRepository(vault)
        clip = ClipService(repo).create(recording.id, 100, 900)
        sessions = ReviewSessionService(repo, vault, vault)
        session = sessions.create("Met de klant", perspectives=(Role.KLANT, Role.ONDERZOEKER))
        sessions.add_clip(session.id, clip.id)
        (entry,) = sessions.playlist(session.id)
        with pytest.raises(NoOnderzoekerError):
            sessions.add_observation(session, entry, Role.KLANT, SECRET, 500)
        assert table_count(vault, "observations") == 0
        assert table_count(vault, "sealed_items") == 0
        # The klantmanager's own notes are stored as always.
        notes.create(recording.id, 600, text="Zelf gezien")
        status = OnderzoekerService(SealingRepository(vault)).status()
        assert not status.klant_items.allowed and status.onderzoekers == ()


# -- registering ------------------------------------------------------------------------------
def test_registration_refuses_weak_and_vault_passphrases_and_honours_the_floor(
    vault_dir: Path,
) -> None:
    with create(vault_dir) as vault:
        strict = SealingRepository(vault, passphrase_check=DutchPassphraseEstimator().problem)
        for weak in ("kort", "Zoetermeer2026", PASSPHRASE):
            with pytest.raises(WeakPassphraseError) as refused:
                strict.register(ONDERZOEKER_NAME, weak, role=Role.ONDERZOEKER)
            print(f"{weak!r}: {refused.value.message}")
        assert "wachtwoord van de kluis" in refused.value.message  # the last: the vault's own
        assert strict.onderzoekers() == []
        # The app's own profile: never below the vault's Argon2id floor.
        SealingRepository(vault).register(
            ONDERZOEKER_NAME, ONDERZOEKER_PASSPHRASE, role=Role.ONDERZOEKER
        )
        with pytest.raises(KnownError, match="al een onderzoeker"):
            strict.register(ONDERZOEKER_NAME.upper(), "fluit kamer zolder", role=None)
        with vault.reading() as conn:
            stored = conn.execute("SELECT private_key FROM onderzoekers").fetchone()[0]
        kdf = WrappedPrivateKey.from_json(stored).kdf
        print(f"onderzoeker key: Argon2id t={kdf.time_cost} m={kdf.memory_cost_kib} KiB")
        assert kdf.memory_cost_kib >= ARGON2_FLOOR.memory_cost_kib
        assert kdf.time_cost >= ARGON2_FLOOR.time_cost
        assert kdf.parallelism >= ARGON2_FLOOR.parallelism
        entries = [
            e for e in vault.audit_entries() if e.action == AuditAction.ONDERZOEKER_REGISTERED
        ]
        assert len(entries) == 1 and set(entries[0].details) == {"onderzoeker", "sealed"}


# -- the klantmanager's view and the onderzoeker's key ----------------------------------------
def test_only_the_onderzoekers_passphrase_opens_an_item_whatever_the_role(
    vault_dir: Path,
) -> None:
    with create(vault_dir) as vault:
        recording = klant_recording(vault)
        sealing = register_onderzoeker(vault)
        item = ObservationService(vault).create(
            recording.id, 500, text=SECRET, answer="xqantwoordkanarie", author_role=Role.KLANT
        )
        # The vault passphrase alone: not in the observations, not in search, for no role.
        assert vault.observations(recording.id) == []
        assert vault.observation(item.id) is None
        assert vault.search_observations("qjbangkanarie") == []
        assert vault.search_observations("korting") == []
        (facts_only,) = sealing.sealed_items(recording.id)
        assert facts_only.id == item.id and "qjbang" not in repr(facts_only.model_dump())
        repo = FragmentsRepository(vault)
        clip = ClipService(repo).create(recording.id, 100, 900)
        sessions = ReviewSessionService(repo, vault, vault)
        session = sessions.create("Met de klant", perspectives=(Role.KLANT, Role.ONDERZOEKER))
        sessions.add_clip(session.id, clip.id)
        (entry,) = sessions.playlist(session.id)
        for role in Role:  # whoever sits at the keyboard, by the role picked at unlock
            assert sessions.fragment_observations(entry, role, include_earlier=True) == []
            assert sessions.observations(session.id, role) == []
        # A wrong onderzoeker passphrase: nothing opened, the attempt in the audit log.
        with pytest.raises(WrongOnderzoekerPassphraseError) as wrong:
            sealing.unlock(ONDERZOEKER_NAME, "lantaarn kompas vijveR", role=Role.KLANTMANAGER)
        assert "qjbang" not in wrong.value.message
        failed = [
            e for e in vault.audit_entries() if e.action == AuditAction.ONDERZOEKER_UNLOCK_FAILED
        ]
        onderzoeker = sealing.onderzoeker(ONDERZOEKER_NAME)
        assert len(failed) == 1 and failed[0].role == Role.KLANTMANAGER
        assert failed[0].details == {"onderzoeker": onderzoeker.id}
        assert not [e for e in vault.audit_entries() if e.action == AuditAction.ONDERZOEKER_UNLOCK]
        # The right one opens it.
        with onderzoeker_session(vault) as unlocked:
            (opened,) = sealing.open_items(unlocked.key)
            assert opened == item
        assert unlocked.key.closed
        with pytest.raises(KnownError, match="vergrendeld"):
            sealing.open_items(unlocked.key)
        opened_entries = [
            e for e in vault.audit_entries() if e.action == AuditAction.ONDERZOEKER_UNLOCK
        ]
        assert [e.details for e in opened_entries] == [{"onderzoeker": onderzoeker.id}]


def test_shared_items_are_visible_and_searchable_for_the_klantmanager(vault_dir: Path) -> None:
    with create(vault_dir) as vault:
        recording = klant_recording(vault)
        sealing = register_onderzoeker(vault)
        notes = ObservationService(vault)
        shared_one = notes.create(recording.id, 500, text=SECRET, author_role=Role.KLANT)
        kept = notes.create(recording.id, 900, text="Niet verder vertellen", author_role=Role.KLANT)
        service = OnderzoekerService(sealing)
        with onderzoeker_session(vault) as unlocked:
            service.answer(unlocked, kept.id, SharingState.NOT_SHARED)
            shared = service.answer(unlocked, shared_one.id, SharingState.SHARED)
            onderzoeker_id = unlocked.key.onderzoeker_id
        assert shared.shared_by == onderzoeker_id and shared.shared_at is not None
        assert [o.id for o in vault.observations(recording.id)] == [shared_one.id]
        stored = vault.observation(shared_one.id)
        assert stored is not None and stored.text == SECRET
        assert stored.sharing_state == SharingState.SHARED and stored.shared_by == onderzoeker_id
        hits = vault.search_observations("qjbangkanarie")
        assert [h.observation.id for h in hits] == [shared_one.id]
        assert [(i.id, i.sharing_state) for i in sealing.sealed_items()] == [
            (kept.id, SharingState.NOT_SHARED)
        ]
        entries = [e for e in vault.audit_entries() if e.action == AuditAction.SHARING_CHANGED]
        assert [e.details["to"] for e in entries] == ["niet_delen", "mag_gedeeld"]
        assert all(e.details["onderzoeker"] == onderzoeker_id for e in entries)
        assert "qjbang" not in repr([e.model_dump() for e in vault.audit_entries()])


def test_more_onderzoekers_only_when_a_registered_one_vouches(vault_dir: Path) -> None:
    with create(vault_dir) as vault:
        recording = klant_recording(vault)
        sealing = register_onderzoeker(vault)
        notes = ObservationService(vault)
        early = notes.create(recording.id, 100, text="Eerder gezegd", author_role=Role.KLANT)
        # With only the vault passphrase nobody adds themselves to read what comes next.
        with pytest.raises(KnownError, match="alleen worden toegevoegd door een geregistreerde"):
            sealing.register("Bo Tweede", "fluit kamer zolder", role=Role.KLANTMANAGER)
        assert [o.name for o in sealing.onderzoekers()] == [ONDERZOEKER_NAME]
        with onderzoeker_session(vault) as first:
            sealing.register(
                "Bo Tweede", "fluit kamer zolder", role=Role.ONDERZOEKER, grant_from=first.key
            )
        with pytest.raises(KnownError, match="vergrendeld"):  # a closed key vouches for nobody
            sealing.register("Cas Derde", "gitaar wolk haven", role=None, grant_from=first.key)
        later = notes.create(recording.id, 200, text="Later gezegd", author_role=Role.KLANT)
        bo = sealing.unlock("bo tweede", "fluit kamer zolder", role=None)
        assert [o.text for o in sealing.open_items(bo)] == ["Eerder gezegd", "Later gezegd"]
        entries = [
            e for e in vault.audit_entries() if e.action == AuditAction.ONDERZOEKER_REGISTERED
        ]
        assert entries[-1].details["granted"] == 1
        assert entries[-1].details["granted_by"] == first.key.onderzoeker_id
        # An item sealed for others only (as a restored copy could have) says so.
        with vault.writing() as conn:
            conn.execute(
                "DELETE FROM sealed_item_keys WHERE item_id = ? AND onderzoeker_id = ?",
                (early.id, bo.onderzoeker_id),
            )
        with pytest.raises(KnownError, match="voordat deze onderzoeker"):
            sealing.open_items(bo, [early.id])
        # An edit by an onderzoeker is sealed again for the same readers.
        (opened,) = sealing.open_items(bo, [later.id])
        notes.update(opened, text="Later gezegd, aangevuld")
        assert [o.text for o in sealing.open_items(bo, [later.id])] == ["Later gezegd, aangevuld"]
        readers = {i.id: len(i.readable_by) for i in sealing.sealed_items()}
        assert readers == {early.id: 1, later.id: 2}
        # Deleting a sealed item removes it and its keys.
        notes.delete(later.id)
        assert [i.id for i in sealing.sealed_items()] == [early.id]
        assert table_count(vault, "sealed_item_keys") == 1
        bo.close()


# -- AVG requests, erasure, retention ---------------------------------------------------------
def test_access_packages_hold_sealed_items_only_when_an_onderzoeker_opens_them(
    vault_dir: Path, tmp_path: Path
) -> None:
    with create(vault_dir) as vault:
        recording = klant_recording(vault)
        register_onderzoeker(vault)
        ObservationService(vault).create(recording.id, 500, text=SECRET, author_role=Role.KLANT)
        gdpr = GdprRepository(vault, kdf_profile=TEST_PROFILE)
        assert gdpr.sealed_counts("Klant Fictief") == 1
        own = tmp_path / "klantmanager"
        gdpr.export_encrypted("Klant Fictief", own, PACKAGE_PASSPHRASE, role=Role.ONDERZOEKER)
        plain = tmp_path / "klantmanager-open"
        gdpr.export_plain("Klant Fictief", plain, role=Role.ONDERZOEKER)
        with onderzoeker_session(vault) as unlocked:
            theirs = tmp_path / "onderzoeker"
            gdpr.export_encrypted(
                "Klant Fictief", theirs, PACKAGE_PASSPHRASE, role=None, onderzoeker=unlocked.key
            )
            theirs_plain = tmp_path / "onderzoeker-open"
            gdpr.export_plain("Klant Fictief", theirs_plain, role=None, onderzoeker=unlocked.key)
        access = [e.details for e in vault.audit_entries() if e.action == AuditAction.GDPR_ACCESS]
    assert [(d["sealed_included"], d["sealed_left_out"]) for d in access] == [
        (0, 1),
        (0, 1),
        (1, 0),
        (1, 0),
    ]
    secrets = {"klant": "qjbangkanarie", "words": "korting"}
    for package, expected in ((own, 0), (theirs, 2)):
        key = read_key_file(package / "vault.key").unwrap(PACKAGE_PASSPHRASE)
        found, pages = find_secrets(package, key, secrets)
        print(f"{package.name}: {pages} pages decrypted, found {sorted({f.label for f in found})}")
        assert len({f.label for f in found}) == expected
    assert "qjbang" not in (plain / "gegevens.json").read_text(encoding="utf-8")
    (entry,) = json.loads((theirs_plain / "gegevens.json").read_text(encoding="utf-8"))
    assert [(w["tekst"], w["delen"]) for w in entry["waarnemingen"]] == [
        (SECRET, "nog_niet_gevraagd")
    ]
    with Vault.open(theirs, PACKAGE_PASSPHRASE) as package:
        (recording_there,) = package.recordings()
        assert [o.text for o in package.observations(recording_there.id)] == [SECRET]


def test_erasure_and_retention_destroy_sealed_items_like_any_other(vault_dir: Path) -> None:
    with create(vault_dir) as vault:
        erased = klant_recording(vault, facts.AUDIO_WAV, "Hendrika Pluim")
        other = klant_recording(vault, facts.AUDIO_MP3, "Klant Fictief")
        expiring = klant_recording(vault, facts.AUDIO_OGG, "Klant Derde")
        sealing = register_onderzoeker(vault)
        notes = ObservationService(vault)
        notes.create(erased.id, 100, text=SECRET, author_role=Role.KLANT)
        mention = notes.create(
            other.id, 100, text="Hendrika Pluim zat ook in de wachtkamer", author_role=Role.KLANT
        )
        notes.create(expiring.id, 100, text="Over de termijn", author_role=Role.KLANT)
        gdpr = GdprRepository(vault, kdf_profile=TEST_PROFILE)
        assert gdpr.unsearched_sealed("Hendrika Pluim") == 2  # the own recording's not counted
        with onderzoeker_session(vault) as unlocked:
            before = gdpr.remaining_sealed("Hendrika Pluim", unlocked.key)
            assert [(r.where, r.item_id) for r in before] == [(SEALED_PLACE, mention.id)]
            gdpr.erase("Hendrika Pluim", role=Role.KLANTMANAGER, onderzoeker=unlocked.key)
            assert gdpr.remaining_sealed("Hendrika Pluim", unlocked.key) == []
            (scrubbed,) = sealing.open_items(unlocked.key, [mention.id])
        assert scrubbed.text == "[verwijderd] zat ook in de wachtkamer"
        assert {i.recording_id for i in sealing.sealed_items()} == {other.id, expiring.id}
        assert gdpr.unsearched_sealed("Hendrika Pluim") == 2  # without a key: not searched
        retention = RetentionRepository(vault)
        retention.shred_media(expiring.id, role=None, action=AuditAction.RETENTION_DELETE)
        assert len(sealing.sealed_items(expiring.id)) == 1  # kept sealed, like notes as text
        retention.shred_media(
            expiring.id,
            role=None,
            action=AuditAction.RETENTION_DELETE,
            remove_observations=True,
        )
        assert sealing.sealed_items(expiring.id) == []
        assert table_count(vault, "sealed_item_keys") == 1
        details = [
            e.details for e in vault.audit_entries() if e.action == AuditAction.RETENTION_DELETE
        ]
        assert [d["sealed_kept"] for d in details] == [1, 0]


def test_a_session_with_the_klant_shows_their_words_to_the_onderzoeker_with_the_key(
    vault_dir: Path,
) -> None:
    """What the session screen gets: the klant column stays empty without the onderzoeker's
    key, and fills (and can be shared) once the key is unlocked."""
    with create(vault_dir) as vault:
        recording = klant_recording(vault)
        register_onderzoeker(vault)
        repo = FragmentsRepository(vault)
        clip = ClipService(repo).create(recording.id, 100, 900)
        plain = ReviewSessionService(repo, vault, vault)
        session = plain.create(
            "Met de klant",
            participants=(Participant(display_name="Klant Fictief", role=Role.KLANT),),
            perspectives=(Role.KLANT, Role.ONDERZOEKER),
        )
        plain.add_clip(session.id, clip.id)
        (entry,) = plain.playlist(session.id)
        said = plain.add_observation(session, entry, Role.KLANT, SECRET, 500)
        assert said.author_name == "Klant Fictief"
        assert plain.fragment_observations(entry, Role.ONDERZOEKER) == []
        assert plain.finish(session.id, [], Role.ONDERZOEKER).observations[Role.KLANT] == 0
        with onderzoeker_session(vault) as unlocked:
            keyed = ReviewSessionService(repo, vault, vault, onderzoeker=unlocked)
            assert keyed.fragment_observations(entry, Role.ONDERZOEKER) == [said]
            assert keyed.finish(session.id, [], Role.ONDERZOEKER).observations[Role.KLANT] == 1
            assert keyed.observations(session.id, Role.KLANTMANAGER) == []
