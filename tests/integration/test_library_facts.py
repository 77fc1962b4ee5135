"""What the library reads besides the recordings (schema 10): one cover picture per recording,
counts of fragments and observations (hidden klant feedback never counted), and reminders to
remove a source on a phone or card too."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from tests.conftest import PASSPHRASE
from tests.fixtures import media_facts as facts
from tests.integration.helpers import at_schema, import_file

from vknz_desktop.domain.derived import (
    COVER_KIND,
    THUMBNAILS_KIND,
    decode_thumbnails,
    encode_thumbnails,
)
from vknz_desktop.domain.models import ConsentScope, Role
from vknz_desktop.domain.ports import Thumbnail
from vknz_desktop.media.probe import PyAvProber
from vknz_desktop.services.observations import ObservationService
from vknz_desktop.services.recordings import RecordingCounts, RecordingService, make_consent
from vknz_desktop.storage import removable
from vknz_desktop.storage import vault as vault_module
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.storage.source_files import SourceFileRemover
from vknz_desktop.storage.vault import Vault

WATCH_TOGETHER = make_consent(
    [ConsentScope.RESEARCHER, ConsentScope.CLIENT],
    given_by=Role.KLANT,
    given_on=dt.date(2026, 11, 1),
)
THUMBS = [Thumbnail(time_ms=n * 1000, jpeg=bytes([n]) * 50) for n in range(6)]


def test_an_older_vault_gets_its_covers_from_the_thumbnails(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at_schema(monkeypatch, 9)
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        recording = import_file(vault, facts.VIDEO_MP4, title="Gesprek")
        with vault.writing() as conn:  # as version 9 stored them: thumbnails only
            conn.execute(
                "INSERT INTO derived_media(recording_id, kind, data, created_at)"
                " VALUES (?, ?, ?, '2026-11-01T10:00:00+00:00')",
                (recording.id, THUMBNAILS_KIND, encode_thumbnails(THUMBS)),
            )
        assert vault.derived_media(recording.id, COVER_KIND) is None
    monkeypatch.undo()
    with Vault.open(vault_dir, PASSPHRASE) as vault:  # migrates to 10
        assert vault.derived_media(recording.id, COVER_KIND) == THUMBS[2].jpeg  # a third in
        assert decode_thumbnails(vault.derived_media(recording.id, THUMBNAILS_KIND) or b"")


def test_storing_thumbnails_stores_the_cover_with_them(vault_dir: Path) -> None:
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        recording = import_file(vault, facts.VIDEO_MP4, title="Gesprek")
        vault.store_derived_media(recording.id, THUMBNAILS_KIND, encode_thumbnails(THUMBS[:3]))
        assert vault.derived_media(recording.id, COVER_KIND) == THUMBS[1].jpeg
        vault.store_derived_media(recording.id, THUMBNAILS_KIND, b"\x00\x00")  # damaged
        assert vault.derived_media(recording.id, COVER_KIND) == THUMBS[1].jpeg  # kept


def test_counts_never_include_hidden_klant_feedback(vault_dir: Path) -> None:
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        first = import_file(vault, facts.VIDEO_MP4, title="Eerste")
        vault.set_consent(first.id, WATCH_TOGETHER, role=Role.KLANTMANAGER)
        second = import_file(vault, facts.AUDIO_WAV, title="Tweede")
        notes = ObservationService(vault)
        for time_ms in (100, 200):
            notes.create(first.id, time_ms, text="Zelf gezien", author_role=Role.KLANTMANAGER)
        with vault.writing() as conn:
            # klant feedback as a vault without an onderzoeker keeps it (not yet sealed):
            # one not asked yet (hidden from the klantmanager), one they may see
            for label, state in (("hidden", "nog_niet_gevraagd"), ("shared", "mag_gedeeld")):
                conn.execute(
                    "INSERT INTO observations(id, recording_id, time_ms, text, author_role,"
                    " sharing_state, created_at, edited_at)"
                    " VALUES (?, ?, 300, 'Van de klant', 'klant', ?, '2026', '2026')",
                    (label, first.id, state),
                )
            for start in (0, 2000, 4000):
                conn.execute(
                    "INSERT INTO clips(id, recording_id, start_ms, end_ms, created_at,"
                    " edited_at) VALUES (?, ?, ?, ?, '2026', '2026')",
                    (f"c{start}", second.id, start, start + 1000),
                )
        service = RecordingService(vault, PyAvProber())
        assert service.counts(Role.KLANTMANAGER) == {
            first.id: RecordingCounts(fragments=0, observations=3),
            second.id: RecordingCounts(fragments=3, observations=0),
        }
        assert service.counts(Role.ONDERZOEKER)[first.id].observations == 4


def test_a_phone_or_card_is_told_apart_from_a_fixed_disk(tmp_path: Path) -> None:
    phone = "/run/user/1000/gvfs/mtp:host=Telefoon_123/Interne opslag/DCIM/gesprek.mp4"
    assert removable.medium_of(Path(phone)) == removable.PHONE
    assert removable.medium_of(Path("/media/km/SD-KAART/DCIM/gesprek.mp4")) == removable.REMOVABLE
    assert removable.medium_of(Path("/run/media/km/USB/gesprek.mp4")) == removable.REMOVABLE
    source = tmp_path / "gesprek.mp4"
    source.write_bytes(b"x")
    assert removable.medium_of(source) is None  # the test's own folder: a fixed disk


def test_an_import_from_a_card_is_remembered_until_the_user_says_it_is_removed(
    vault_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    card = tmp_path / "kaart"
    card.mkdir()
    source = card / "gesprek.mp4"
    shutil.copyfile(facts.VIDEO_MP4, source)
    monkeypatch.setattr(
        vault_module,
        "medium_of",
        lambda path: removable.REMOVABLE if card in path.parents else None,
    )
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        from_card = import_file(vault, source, title="Van de kaart")
        from_disk = import_file(vault, facts.AUDIO_WAV, title="Van de laptop")
        files = SourceFileRemover(vault)
        reminders = files.reminders()
        assert set(reminders) == {from_card.id}
        assert not reminders[from_card.id].phone
        assert not reminders[from_card.id].source_removed
        files.remove(source, from_card.id, Role.KLANTMANAGER)
        assert not source.exists()
        assert files.reminders()[from_card.id].source_removed  # the cloud copy is left
        files.dismiss(from_card.id)
        assert files.reminders() == {}
        # the table holds ids and facts only, never the file name
        with vault.reading() as conn:
            columns = [row[1] for row in conn.execute("PRAGMA table_info(source_reminders)")]
        assert columns == ["recording_id", "medium", "source_removed", "noted_at"]
        assert from_disk.id not in files.reminders()


def test_a_reminder_goes_with_its_recording(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(vault_module, "medium_of", lambda _path: removable.PHONE)
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        recording = import_file(vault, facts.AUDIO_WAV, title="Van de telefoon")
        files = SourceFileRemover(vault)
        assert files.reminders()[recording.id].phone
        vault.delete_recording(recording.id, role=Role.KLANTMANAGER)
        assert files.reminders() == {}


def test_counts_of_a_vault_without_notes_are_empty(vault_dir: Path) -> None:
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        import_file(vault, facts.AUDIO_WAV, title="Stil")
        assert RecordingService(vault, PyAvProber(), dt.date.today).counts(Role.KLANT) == {}
