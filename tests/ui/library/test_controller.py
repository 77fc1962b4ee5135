"""The library page's behaviour on its own (a real vault, no main window, no libVLC): the
keep-until check at unlock, pictures made in the background, deleting after a question."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from tests.fixtures import media_facts as facts
from tests.integration.helpers import import_file
from vknz_desktop.domain.derived import COVER_KIND, THUMBNAILS_KIND, encode_thumbnails
from vknz_desktop.domain.models import ConsentScope, Role
from vknz_desktop.domain.ports import Thumbnail
from vknz_desktop.media.analysis import PyAvAnalyzer
from vknz_desktop.media.probe import PyAvProber
from vknz_desktop.services.observations import ObservationService
from vknz_desktop.services.recordings import RecordingService, make_consent
from vknz_desktop.services.retention import RetentionService
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.storage.retention_repo import RetentionRepository
from vknz_desktop.storage.vault import Vault
from vknz_desktop.ui.common import messages
from vknz_desktop.ui.library.controller import LibraryController
from vknz_desktop.ui.library.library_view import THUMBNAIL_SIZE
from vknz_desktop.ui.library.notes_dialog import NotesDialog
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


# ------------------------------------------------------------- covers, notes, reminders


def _jpeg(colour: str) -> bytes:
    from tests.ui.library.test_library_view import jpeg_of

    return jpeg_of(colour)


def test_the_library_reads_one_cover_per_row_not_sixty_thumbnails(
    controller: LibraryController, vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    recording = import_file(vault, facts.VIDEO_MP4, title="Met plaatjes")
    colours = ["#000000", "#ff0000", "#000000", "#000000"]  # a third of the way in: red
    thumbs = [Thumbnail(n * 1000, _jpeg(colour)) for n, colour in enumerate(colours)]
    vault.store_derived_media(recording.id, THUMBNAILS_KIND, encode_thumbnails(thumbs))
    asked: list[str] = []
    read = vault.derived_media
    monkeypatch.setattr(
        vault, "derived_media", lambda rid, kind: asked.append(kind) or read(rid, kind)
    )
    controller.refresh()
    assert asked == [COVER_KIND]  # ~4 KB, not the whole strip of thumbnails
    icon = controller.view.table.model().index(0, 0).data(Qt.ItemDataRole.DecorationRole)
    image = icon.pixmap(THUMBNAIL_SIZE).toImage()
    centre = image.pixelColor(image.width() // 2, image.height() // 2)
    assert centre.red() > 200 and centre.green() < 60  # the cover (red) is shown


def test_a_recording_whose_media_is_gone_opens_as_its_notes(
    controller: LibraryController, vault: Vault, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    _video, audio = _expired(vault)
    notes = ObservationService(vault)
    notes.create(audio, 61_000, text="Ik vatte samen wat de klant zei")
    with vault.writing() as conn:  # klant feedback not (yet) shared: never shown to the km
        conn.execute(
            "INSERT INTO observations(id, recording_id, time_ms, text, author_role,"
            " created_at, edited_at) VALUES ('k', ?, 5, 'Van de klant', 'klant', ?, ?)",
            (audio, "2026-11-01T10:00:00+00:00", "2026-11-01T10:00:00+00:00"),
        )
    RetentionService(vault, RetentionRepository(vault)).remove(
        [vault.recording(audio)], role=Role.KLANTMANAGER
    )
    controller.refresh()
    assert controller.view.facts_of(audio).observations == 1  # the hidden one not counted
    opened: list[str] = []
    controller.openRequested.connect(opened.append)
    monkeypatch.setattr(NotesDialog, "open", NotesDialog.show)
    controller.view.select(audio)
    controller.view.table.setFocus()
    QTest.keyClick(controller.view.table, Qt.Key.Key_Return)
    assert opened == []  # not the workspace: there is nothing to play
    dialog = controller.notes_dialog
    texts = [dialog.notes_list.item(i).text() for i in range(dialog.notes_list.count())]
    assert texts == ["1:01,0 · Klantmanager\nIk vatte samen wat de klant zei"]
    assert "verwijderd" in dialog.explanation.text()
    dialog.reject()


def test_a_fragment_leads_to_the_notes_of_the_recording_it_was_cut_from(
    qtbot: QtBot, vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    from vknz_desktop.media.remux import PyAvRemuxer
    from vknz_desktop.services.clips import ClipService
    from vknz_desktop.services.keep_fragments import KeepFragmentsService
    from vknz_desktop.storage.fragments_repo import FragmentsRepository

    video = import_file(vault, facts.VIDEO_MP4, title="Heel gesprek").id
    fragments = FragmentsRepository(vault)
    ClipService(fragments).create(video, 1000, 2000)
    ObservationService(vault).create(video, 6000, text="Buiten het fragment")
    keep = KeepFragmentsService(vault, fragments, PyAvRemuxer())
    fragment = keep.run(video, role=Role.KLANTMANAGER).recordings[0]

    @dataclass
    class Review:
        repository: FragmentsRepository
        keep_fragments: KeepFragmentsService

    page = QWidget()
    qtbot.addWidget(page)
    library = LibraryController(PyAvProber(), PyAvAnalyzer(), page)
    library.open_vault(
        vault,
        RecordingService(vault, PyAvProber()),
        Role.KLANTMANAGER,
        review=Review(fragments, keep),
    )
    try:
        assert library.view.facts_of(fragment.id).original_id == video
        menu = library.view.context_menu(fragment.id)
        action = next(a for a in menu.actions() if a.text().startswith("Aantekeningen van"))
        monkeypatch.setattr(NotesDialog, "open", NotesDialog.show)
        action.trigger()
        menu.deleteLater()
        dialog = library.notes_dialog
        assert "Buiten het fragment" in dialog.notes_list.item(0).text()
        assert "alleen de fragmenten" in dialog.explanation.text()
        opened: list[str] = []
        library.openRequested.connect(opened.append)
        dialog.fragment_buttons[0].click()
        assert opened == [fragment.id]
    finally:
        library.close_vault()


def test_done_removes_the_reminder_of_a_recording_from_a_card(
    qtbot: QtBot, vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    from vknz_desktop.storage import removable
    from vknz_desktop.storage import vault as vault_module
    from vknz_desktop.storage.source_files import SourceFileRemover

    monkeypatch.setattr(vault_module, "medium_of", lambda _path: removable.REMOVABLE)
    recording = import_file(vault, facts.AUDIO_WAV, title="Van de kaart")
    page = QWidget()
    qtbot.addWidget(page)
    library = LibraryController(PyAvProber(), PyAvAnalyzer(), page)
    library.open_vault(
        vault,
        RecordingService(vault, PyAvProber()),
        Role.KLANTMANAGER,
        source_files=SourceFileRemover(vault),
    )
    try:
        view = library.view
        assert view.facts_of(recording.id).reminder is not None
        view.select(recording.id)
        assert view.reminder_bar.isVisibleTo(view)
        view.reminder_bar.done_button.click()
        assert view.facts_of(recording.id).reminder is None
        assert not view.reminder_bar.isVisibleTo(view)
        assert SourceFileRemover(vault).reminders() == {}
    finally:
        library.close_vault()
