"""The library page's behaviour on its own (a real vault, no main window, no libVLC): the
keep-until check at unlock, pictures made in the background, deleting after a question."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from tests.fixtures import media_facts as facts
from tests.integration.helpers import import_file
from vknz_desktop.domain.models import ConsentScope, Role
from vknz_desktop.media.analysis import PyAvAnalyzer
from vknz_desktop.media.probe import PyAvProber
from vknz_desktop.services.recordings import RecordingService, make_consent
from vknz_desktop.services.retention import RetentionService
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.storage.retention_repo import RetentionRepository
from vknz_desktop.storage.vault import Vault
from vknz_desktop.ui.common import messages
from vknz_desktop.ui.library.controller import LibraryController
from vknz_desktop.ui.library.retention_dialog import RetentionDialog


@pytest.fixture
def vault(vault_dir) -> Iterator[Vault]:  # type: ignore[no-untyped-def]
    opened = Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE)
    yield opened
    opened.close()


@pytest.fixture
def controller(qtbot: QtBot, vault: Vault) -> Iterator[LibraryController]:
    page = QWidget()
    qtbot.addWidget(page)
    library = LibraryController(PyAvProber(), PyAvAnalyzer(), page)
    library.open_vault(vault, RecordingService(vault, PyAvProber()), Role.KLANTMANAGER)
    yield library
    library.close_vault()


def _expired(vault: Vault) -> tuple[str, str]:
    """A video within its keep-until date and an audio recording past it."""
    video = import_file(vault, facts.VIDEO_MP4, title="Testgesprek video").id
    audio = import_file(vault, facts.AUDIO_M4A, title="Testgesprek geluid").id
    vault.set_consent(
        audio,
        make_consent(
            [ConsentScope.SELF],
            given_by=Role.KLANT,
            given_on=dt.date(2025, 1, 1),
            keep_until=dt.date(2025, 12, 31),
        ),
        role=Role.KLANTMANAGER,
    )
    return video, audio


def test_expired_recording_is_removed_after_confirmation(
    controller: LibraryController, vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    video, audio = _expired(vault)
    shown: list[RetentionDialog] = []

    def accept_at_once(dialog: RetentionDialog) -> None:
        shown.append(dialog)
        assert dialog.list.count() == 1
        assert "Testgesprek geluid" in dialog.list.item(0).text()
        dialog.done(RetentionDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(RetentionDialog, "open", accept_at_once)
    controller.check_retention(
        RetentionService(vault, RetentionRepository(vault)), auto_remove=False
    )
    assert len(shown) == 1
    assert vault.recording(audio).media_available is False
    assert vault.recording(video).media_available is True


def test_later_keeps_it_and_auto_setting_removes_without_asking(
    controller: LibraryController, vault: Vault, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    _video, audio = _expired(vault)
    service = RetentionService(vault, RetentionRepository(vault))
    monkeypatch.setattr(
        RetentionDialog,
        "open",
        lambda dialog: dialog.done(RetentionDialog.DialogCode.Rejected.value),
    )
    controller.check_retention(service, auto_remove=False)
    assert vault.recording(audio).media_available is True
    monkeypatch.setattr(RetentionDialog, "open", lambda _dialog: pytest.fail("asked anyway"))
    with qtbot.waitSignal(messages.bridge().statusShown) as status:
        controller.check_retention(service, auto_remove=True)
    assert "1 opname(s) voorbij de bewaartermijn zijn verwijderd" in status.args[0]
    assert vault.recording(audio).media_available is False


def test_import_makes_library_thumbnails_in_the_background(
    controller: LibraryController, vault: Vault, qtbot: QtBot
) -> None:
    recording = import_file(vault, facts.VIDEO_MP4, title="Testgesprek video")
    assert controller.view.recording_count() == 0  # not refreshed yet
    controller.recordings_added([recording])
    assert controller.view.visible_ids() == [recording.id]
    qtbot.waitUntil(
        lambda: vault.derived_media(recording.id, "thumbnails-v1") is not None, timeout=8000
    )
    qtbot.waitUntil(lambda: not controller.analysing(), timeout=5000)


def test_delete_asks_first_and_a_no_keeps_the_recording(
    controller: LibraryController,
    vault: Vault,
    shown_messages: list[tuple[str, str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    recording = import_file(vault, facts.AUDIO_M4A, title="Gesprek om te wissen")
    controller.refresh()
    controller.delete_recording(recording.id)  # shown_messages answers No
    kind, _title, text = shown_messages[-1]
    assert kind == "question" and "'Gesprek om te wissen' definitief verwijderen?" in text
    assert vault.recording(recording.id).media_available
    monkeypatch.setattr(messages, "ask", lambda *_args: True)
    controller.delete_recording(recording.id)
    assert controller.view.recording_count() == 0
    assert [r.id for r in vault.recordings()] == []
