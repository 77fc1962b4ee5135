"""The library view, the import details and consent dialogs, and the import flow."""

from __future__ import annotations

import datetime as dt
import threading
import wave
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage, QImageWriter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tests.fixtures.media_facts import BROKEN_RANDOM, VIDEO_DURATION_MS, VIDEO_MP4
from tests.integration.helpers import snapshot
from vknz_desktop.domain.models import (
    CONSENT_SCOPE_LABELS,
    Consent,
    ConsentScope,
    MediaInfo,
    Participant,
    Recording,
    Role,
)
from vknz_desktop.media.probe import PyAvProber
from vknz_desktop.services.recordings import RecordingService
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.storage.vault import Vault
from vknz_desktop.ui.consent_dialog import ConsentDialog, ImportDetailsDialog, to_qdate
from vknz_desktop.ui.formatting import (
    format_date,
    format_decimal,
    format_duration,
    format_megabytes,
    format_number,
    keep_until_state,
    scope_labels,
)
from vknz_desktop.ui.import_flow import ImportFlow
from vknz_desktop.ui.library_view import (
    ID_ROLE,
    THUMBNAIL_SIZE,
    LibraryView,
    RecordingTableModel,
)

PASSPHRASE = "paard batterij nietje"
TODAY = dt.date(2026, 11, 28)
S = ConsentScope

# Showing top-level windows on the offscreen platform logs this; it is not our warning.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


# ---------------------------------------------------------------------------- helpers


def consent(
    scopes: Iterable[ConsentScope],
    keep_until: dt.date,
    given_on: dt.date = dt.date(2026, 1, 10),
    given_by: Role = Role.KLANT,
) -> Consent:
    return Consent(
        given_on=given_on, given_by=given_by, scopes=frozenset(scopes), keep_until=keep_until
    )


def recording(
    rid: str,
    title: str,
    *,
    day: dt.date | None = dt.date(2026, 11, 1),
    duration_ms: int = 125_000,
    video: bool = True,
    scopes: Iterable[ConsentScope] = (S.SELF,),
    keep_until: dt.date = dt.date(2027, 11, 1),
) -> Recording:
    return Recording(
        id=rid,
        title=title,
        conversation_date=day,
        media=MediaInfo(container="mp4", duration_ms=duration_ms, has_video=video, has_audio=True),
        size_bytes=1000,
        sha256="0" * 64,
        participants=(Participant(display_name="Klant A", role=Role.KLANT),),
        consent=consent(scopes, keep_until, given_on=min(keep_until, dt.date(2026, 1, 10))),
        imported_at=dt.datetime(2026, 11, 1, tzinfo=dt.UTC),
    )


def jpeg_of(colour: str) -> bytes:
    image = QImage(160, 90, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert QImageWriter(buffer, QByteArray(b"jpg")).write(image)
    buffer.close()
    return bytes(data.data())


RECORDINGS = [
    recording("r1", "Intake bijstand", day=dt.date(2026, 11, 20), duration_ms=23 * 60_000 + 14_000),
    recording(
        "r2",
        "Gesprek met tolk",
        day=dt.date(2026, 10, 2),
        keep_until=TODAY + dt.timedelta(days=7),
    ),
    recording(
        "r3",
        "Telefoongesprek",
        day=dt.date(2026, 9, 15),
        video=False,
        scopes=(S.RESEARCHER, S.COLLEAGUES),
    ),
    recording(
        "r4",
        "Heronderzoek Zoë",
        day=dt.date(2025, 6, 3),
        duration_ms=3_723_000,
        scopes=tuple(s for s in S if s != S.SELF),
        keep_until=dt.date(2026, 6, 3),
    ),
]


def cell(view: LibraryView, rid: str, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
    model = view.table.model()
    for row in range(model.rowCount()):
        if model.index(row, 0).data(ID_ROLE) == rid:
            return model.index(row, column).data(role)
    raise AssertionError(f"{rid} not shown")


@pytest.fixture
def library(qtbot: QtBot) -> LibraryView:
    view = LibraryView(today=lambda: TODAY)
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.set_recordings(RECORDINGS, {"r1": jpeg_of("#3a7ca5"), "r4": b"not a jpeg"})
    view.show()
    qtbot.waitExposed(view)
    return view


# ----------------------------------------------------------------------------- formatting


def test_formatting_helpers() -> None:
    assert format_duration(123_000) == "2:03"
    assert format_duration(3_723_000) == "1:02:03"
    assert format_duration(0) == "0:00"
    assert format_date(dt.date(2026, 11, 28)) == "28 nov. 2026"
    assert format_date(dt.date(2026, 5, 1)) == "1 mei 2026"
    assert format_date(dt.date(2026, 3, 9)) == "9 mrt. 2026"
    assert format_date(None) == "–"
    assert format_megabytes(12_345_678) == "12,3"
    assert format_megabytes(1_234_567_890) == "1.234,6"
    assert format_number(1234) == "1.234"
    assert format_number(1_234_567) == "1.234.567"
    assert format_number(999) == "999"
    assert format_decimal(-1234.25, 2) == "-1.234,25"
    both = consent([S.COLLEAGUES, S.RESEARCHER], dt.date(2027, 1, 1))
    assert scope_labels(both) == "samen met onderzoeker/trainer, met collega's (intervisie)"
    # The translatable copies of the labels say exactly what the domain says.
    for scope in S:
        assert scope_labels(consent([scope], dt.date(2027, 1, 1))) == CONSENT_SCOPE_LABELS[scope]


@pytest.mark.parametrize(
    ("keep_until", "state"),
    [
        (TODAY - dt.timedelta(days=1), "expired"),
        (TODAY, "soon"),
        (TODAY + dt.timedelta(days=14), "soon"),
        (TODAY + dt.timedelta(days=15), "ok"),
    ],
)
def test_keep_until_state(keep_until: dt.date, state: str) -> None:
    assert keep_until_state(consent([S.SELF], keep_until), TODAY) == state


# -------------------------------------------------------------------------------- library


def test_library_shows_recordings_and_flags_expiry(library: LibraryView) -> None:
    assert library.recording_count() == 4
    assert library.table.isVisible()
    assert not library.empty_frame.isVisible()
    assert cell(library, "r1", RecordingTableModel.TITLE) == "Intake bijstand"
    assert cell(library, "r1", RecordingTableModel.DURATION) == "23:14"
    assert cell(library, "r4", RecordingTableModel.DURATION) == "1:02:03"
    assert cell(library, "r1", RecordingTableModel.DATE) == "20 nov. 2026"
    assert cell(library, "r3", RecordingTableModel.KIND) == "Alleen geluid"
    assert cell(library, "r1", RecordingTableModel.KIND) == "Video"
    assert (
        cell(library, "r3", RecordingTableModel.CONSENT)
        == "samen met onderzoeker/trainer, met collega's (intervisie)"
    )

    expired = cell(library, "r4", RecordingTableModel.KEEP_UNTIL)
    assert "3 jun. 2026" in expired
    assert "verlopen" in expired
    colour = cell(library, "r4", RecordingTableModel.KEEP_UNTIL, Qt.ItemDataRole.ForegroundRole)
    assert colour.color().red() > 150
    assert colour.color().green() < 60
    assert "verloopt binnenkort" in cell(library, "r2", RecordingTableModel.KEEP_UNTIL)
    fine = cell(library, "r1", RecordingTableModel.KEEP_UNTIL)
    assert "verl" not in fine
    assert (
        cell(library, "r1", RecordingTableModel.KEEP_UNTIL, Qt.ItemDataRole.ForegroundRole) is None
    )

    # Every row has a picture: the JPEG, or a placeholder for a bad JPEG, none, or audio.
    for rid in ("r1", "r2", "r3", "r4"):
        icon = cell(library, rid, RecordingTableModel.TITLE, Qt.ItemDataRole.DecorationRole)
        assert not icon.isNull()
    picture = cell(library, "r1", RecordingTableModel.TITLE, Qt.ItemDataRole.DecorationRole)
    centre = picture.pixmap(THUMBNAIL_SIZE).toImage().pixelColor(48, 27)
    assert abs(centre.blue() - 0xA5) < 12  # the JPEG itself, not a placeholder
    assert abs(centre.red() - 0x3A) < 12
    # Sorted by date of the conversation, newest first.
    assert library.visible_ids() == ["r1", "r2", "r3", "r4"]
    library.table.sortByColumn(RecordingTableModel.TITLE, Qt.SortOrder.AscendingOrder)
    assert library.visible_ids() == ["r2", "r4", "r1", "r3"]


def test_filter_narrows_rows(qtbot: QtBot, library: LibraryView) -> None:
    QTest.keyClicks(library.search_edit, "gesprek")
    assert library.visible_ids() == ["r2", "r3"]
    assert library.count_label.text() == "2 van 4 opnames"
    library.search_edit.setText("zoe HERON")  # any order, case and accents ignored
    assert library.visible_ids() == ["r4"]
    library.search_edit.setText("bestaat niet")
    assert library.visible_count() == 0
    assert library.no_match_label.isVisible()
    library.search_edit.clear()
    assert library.visible_count() == 4
    assert not library.no_match_label.isVisible()


def test_double_click_enter_delete_and_menu(qtbot: QtBot, library: LibraryView) -> None:
    table = library.table
    index = table.model().index(1, RecordingTableModel.DATE)  # r2
    point = table.visualRect(index).center()
    with qtbot.waitSignal(library.openRequested) as opened:
        QTest.mouseClick(
            table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point
        )
        QTest.mouseDClick(
            table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point
        )
    assert opened.args == ["r2"]
    assert library.selected_id() == "r2"

    table.setFocus()
    with qtbot.waitSignal(library.openRequested) as opened:
        QTest.keyClick(table, Qt.Key.Key_Return)
    assert opened.args == ["r2"]
    with qtbot.waitSignal(library.deleteRequested) as deleted:
        QTest.keyClick(table, Qt.Key.Key_Delete)
    assert deleted.args == ["r2"]

    menu = library.context_menu("r3")
    texts = [action.text() for action in menu.actions() if not action.isSeparator()]
    assert texts == ["Openen", "Toestemming wijzigen…", "Verwijderen…"]
    with qtbot.waitSignal(library.consentEditRequested) as edit:
        menu.actions()[1].trigger()
    assert edit.args == ["r3"]
    menu.deleteLater()


def test_drop_of_files_emits_paths(qtbot: QtBot, library: LibraryView, tmp_path: Path) -> None:
    files = [tmp_path / "gesprek 1.mp4", tmp_path / "gesprek 2.m4a"]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in files])
    enter = QDragEnterEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(library, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(library.filesDropped) as dropped:
        QApplication.sendEvent(library, drop)
    assert dropped.args == [files]

    text_only = QMimeData()
    text_only.setText("geen bestand")
    refused = QDragEnterEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        text_only,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(library, refused)
    assert not refused.isAccepted()


def test_clear_shows_the_empty_state(qtbot: QtBot, library: LibraryView) -> None:
    library.search_edit.setText("intake")
    library.table.selectRow(0)
    library.clear()
    assert library.recording_count() == 0
    assert library.selected_id() is None
    assert library.search_edit.text() == ""
    assert library.empty_frame.isVisible()
    assert "Nog geen opnames" in library.empty_label.text()
    with qtbot.waitSignal(library.importRequested):
        library.empty_import_button.click()


def test_every_control_has_an_accessible_name(library: LibraryView) -> None:
    for widget in (
        library.search_edit,
        library.import_button,
        library.table,
        library.empty_import_button,
    ):
        assert widget.accessibleName()


# -------------------------------------------------------------------------------- dialogs


@pytest.fixture
def details(qtbot: QtBot) -> ImportDetailsDialog:
    media = MediaInfo(
        container="mp4", duration_ms=8000, has_video=True, has_audio=True, width=320, height=240
    )
    dialog = ImportDetailsDialog(Path("/data/intake_gesprek.mp4"), media, today=TODAY)
    qtbot.addWidget(dialog)
    return dialog


def test_import_details_needs_a_scope(details: ImportDetailsDialog) -> None:
    assert "Video met geluid · 0:08 · 320 × 240" in details.media_label.text()
    assert details.title_edit.text() == "intake_gesprek"
    assert not details.ok_button.isEnabled()
    assert "Vink eerst aan" in details.problem_label.text()
    details.accept()  # refused without a scope
    assert details.result() != QDialog.DialogCode.Accepted.value
    with pytest.raises(ValueError):
        details.request()
    details.scope_checkboxes[S.RESEARCHER].setChecked(True)
    assert details.ok_button.isEnabled()
    assert details.problem_label.text() == ""
    details.scope_checkboxes[S.RESEARCHER].setChecked(False)
    assert not details.ok_button.isEnabled()


def test_import_details_build_the_request(details: ImportDetailsDialog) -> None:
    details.title_edit.setText("  Intake mevrouw A  ")
    details.conversation_date_edit.setDate(to_qdate(dt.date(2026, 11, 20)))
    editor = details.participants_editor
    editor.name_edits()[0].setText("Klant A")
    editor.add_participant("Sanne", Role.KLANTMANAGER)
    editor.add_participant("   ", Role.COLLEGA)  # empty rows are skipped
    details.scope_checkboxes[S.RESEARCHER].setChecked(True)
    details.scope_checkboxes[S.CLIENT].setChecked(True)

    request = details.request()
    assert request.source == Path("/data/intake_gesprek.mp4")
    assert request.title == "Intake mevrouw A"
    assert request.conversation_date == dt.date(2026, 11, 20)
    assert list(request.participants) == [
        Participant(display_name="Klant A", role=Role.KLANT),
        Participant(display_name="Sanne", role=Role.KLANTMANAGER),
    ]
    assert request.role == Role.KLANTMANAGER
    assert request.consent.scopes == {S.RESEARCHER, S.CLIENT}
    assert request.consent.given_by == Role.KLANT
    assert request.consent.given_on == TODAY
    assert request.consent.keep_until == dt.date(2027, 11, 28)

    # Keep-until follows the date given until the user picks one, and never lies before it.
    form = details.consent_form
    form.given_on_edit.setDate(to_qdate(dt.date(2026, 2, 10)))
    assert form.keep_until() == dt.date(2027, 2, 10)
    form.keep_until_edit.setDate(to_qdate(dt.date(2026, 8, 1)))
    form.given_on_edit.setDate(to_qdate(dt.date(2026, 3, 1)))
    assert form.keep_until() == dt.date(2026, 8, 1)
    form.given_on_edit.setDate(to_qdate(dt.date(2026, 9, 1)))
    assert form.keep_until() >= form.given_on()

    editor.remove_buttons()[0].click()
    assert [p.display_name for p in editor.participants()] == ["Sanne"]


def test_import_details_tab_order_and_names(details: ImportDetailsDialog) -> None:
    details.participants_editor.add_participant("B", Role.KLANT)
    details._set_tab_order()
    chain = []
    widget: QWidget | None = details.title_edit
    for _ in range(40):
        assert widget is not None
        chain.append(widget)
        widget = widget.nextInFocusChain()
        if widget is details.title_edit:
            break
    editor = details.participants_editor
    position = chain.index
    assert position(details.title_edit) < position(details.conversation_date_edit)
    assert position(details.conversation_date_edit) < position(editor.name_edits()[0])
    assert position(editor.name_edits()[1]) < position(editor.add_button)
    assert position(editor.add_button) < position(details.consent_form.given_by_combo)
    assert position(details.consent_form.keep_until_edit) < position(details.ok_button)
    for control in [
        details.title_edit,
        details.conversation_date_edit,
        details.ok_button,
        details.cancel_button,
        editor.add_button,
        *editor.name_edits(),
        *editor.role_combos(),
        *editor.remove_buttons(),
        *details.scope_checkboxes.values(),
        details.consent_form.given_by_combo,
        details.consent_form.given_on_edit,
        details.consent_form.keep_until_edit,
    ]:
        assert control.accessibleName(), control


def test_consent_dialog_prefills_and_edits(qtbot: QtBot) -> None:
    original = consent([S.RESEARCHER], dt.date(2026, 6, 3), given_on=dt.date(2025, 6, 3))
    dialog = ConsentDialog(original, recording_title="Heronderzoek")
    qtbot.addWidget(dialog)
    assert dialog.consent() == original
    assert dialog.ok_button.text() == "Opslaan"
    for box in dialog.consent_form.scope_checkboxes.values():
        box.setChecked(False)
    assert not dialog.ok_button.isEnabled()
    dialog.consent_form.scope_checkboxes[S.COLLEAGUES].setChecked(True)
    # An existing keep-until date does not jump when the date given changes.
    dialog.consent_form.given_on_edit.setDate(to_qdate(dt.date(2025, 7, 1)))
    changed = dialog.consent()
    assert changed.scopes == {S.COLLEAGUES}
    assert changed.keep_until == dt.date(2026, 6, 3)
    assert changed.given_on == dt.date(2025, 7, 1)


# ---------------------------------------------------------------------------- import flow


@pytest.fixture
def vault(vault_dir: Path) -> Iterator[Vault]:
    opened = Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE)
    yield opened
    opened.close()


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    """Every QMessageBox shown, as (kind, title, text); none of them blocks."""
    shown: list[tuple[str, str, str]] = []

    def recorder(kind: str) -> Callable[..., QMessageBox.StandardButton]:
        def show(
            _parent: QWidget | None, title: str, text: str, *_args: object, **_kwargs: object
        ) -> QMessageBox.StandardButton:
            shown.append((kind, title, text))
            return QMessageBox.StandardButton.Ok

        return show

    for kind in ("warning", "information", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, recorder(kind))
    return shown


@pytest.fixture
def dialog_runs(monkeypatch: pytest.MonkeyPatch) -> list[ImportDetailsDialog]:
    """Replace the dialog's exec: fill in a title, a participant and a scope, then accept."""
    runs: list[ImportDetailsDialog] = []

    def fake_exec(self: ImportDetailsDialog) -> int:
        runs.append(self)
        self.title_edit.setText(f"Intake {len(runs)}")
        self.participants_editor.name_edits()[0].setText("Klant Fictief")
        self.scope_checkboxes[S.SELF].setChecked(True)
        self.accept()
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(ImportDetailsDialog, "exec", fake_exec)
    return runs


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    widget.resize(800, 600)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def make_flow(window: QWidget, vault: Vault) -> ImportFlow:
    prober = PyAvProber()
    service = RecordingService(vault, prober)
    return ImportFlow(window, service, prober, Role.KLANTMANAGER, today=lambda: TODAY)


def without_wal_index(files: dict[str, str]) -> dict[str, str]:
    """Reads update SQLite's shared-memory WAL index; it holds no data, so leave it out."""
    return {name: digest for name, digest in files.items() if not name.endswith("-shm")}


def import_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == "vknz-import"]


def test_flow_imports_a_video_into_the_vault(
    qtbot: QtBot,
    window: QWidget,
    vault: Vault,
    messages: list[tuple[str, str, str]],
    dialog_runs: list[ImportDetailsDialog],
) -> None:
    flow = make_flow(window, vault)
    imported: list[Recording] = []
    flow.imported.connect(imported.append)
    with qtbot.waitSignal(flow.finished, timeout=30_000):
        flow.start([VIDEO_MP4])
    assert flow.wait_idle(1000)
    assert messages == []
    assert len(dialog_runs) == 1
    assert len(imported) == 1
    stored = vault.recordings()
    assert [r.id for r in stored] == [imported[0].id]
    assert stored[0].title == "Intake 1"
    assert stored[0].conversation_date == TODAY
    assert stored[0].media.has_video
    assert abs(stored[0].duration_ms - VIDEO_DURATION_MS) < 200
    assert stored[0].participants == (Participant(display_name="Klant Fictief", role=Role.KLANT),)
    assert stored[0].consent.scopes == {S.SELF}
    assert stored[0].consent.keep_until == dt.date(2027, 11, 28)
    assert flow.progress_dialog() is None
    assert import_threads() == []


def test_flow_refuses_a_broken_file_and_a_duplicate(
    qtbot: QtBot,
    window: QWidget,
    vault: Vault,
    messages: list[tuple[str, str, str]],
    dialog_runs: list[ImportDetailsDialog],
) -> None:
    flow = make_flow(window, vault)
    before = snapshot(vault.directory)
    flow.start([BROKEN_RANDOM])
    assert flow.wait_idle(30_000)
    assert len(messages) == 1
    kind, _title, text = messages[0]
    assert kind == "warning"
    assert "broken_random.mp4" in text
    assert "kan niet worden geïmporteerd" in text
    assert dialog_runs == []  # nothing asked, nothing written
    assert vault.recordings() == []
    assert without_wal_index(snapshot(vault.directory)) == without_wal_index(before)

    messages.clear()
    finished: list[bool] = []
    flow.finished.connect(lambda: finished.append(True))
    flow.start([VIDEO_MP4, BROKEN_RANDOM, VIDEO_MP4])
    assert flow.wait_idle(30_000)
    assert finished == [True]
    assert len(vault.recordings()) == 1
    assert [kind for kind, _t, _m in messages] == ["warning", "warning"]
    assert "staat al in de kluis" in messages[1][2]
    assert import_threads() == []


def test_flow_skips_a_file_when_the_dialog_is_cancelled(
    qtbot: QtBot,
    window: QWidget,
    vault: Vault,
    messages: list[tuple[str, str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        ImportDetailsDialog, "exec", lambda _self: QDialog.DialogCode.Rejected.value
    )
    flow = make_flow(window, vault)
    with qtbot.waitSignal(flow.finished, timeout=30_000):
        flow.start([VIDEO_MP4])
    assert vault.recordings() == []
    assert list(vault.media_dir.iterdir()) == []
    assert messages == []


def test_flow_reports_a_file_that_disappears(
    qtbot: QtBot,
    window: QWidget,
    vault: Vault,
    messages: list[tuple[str, str, str]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    source = tmp_path / "weg.mp4"
    source.write_bytes(VIDEO_MP4.read_bytes())

    def exec_then_delete(self: ImportDetailsDialog) -> int:
        self.scope_checkboxes[S.SELF].setChecked(True)
        source.unlink()  # gone after probing, before importing
        self.accept()
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(ImportDetailsDialog, "exec", exec_then_delete)
    flow = make_flow(window, vault)
    flow.start([source])
    assert flow.wait_idle(30_000)
    assert len(messages) == 1
    assert messages[0][0] == "warning"
    assert "weg.mp4" in messages[0][2]
    assert "bestaat niet" in messages[0][2]
    assert vault.recordings() == []
    assert list(vault.media_dir.iterdir()) == []
    assert import_threads() == []


def big_wav(path: Path, megabytes: int = 60) -> Path:
    with wave.open(str(path), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(16_000)
        block = bytes(range(256)) * 4096  # 1 MiB of a quiet saw tooth
        for _ in range(megabytes):
            handle.writeframes(block)
    return path


def test_cancel_from_the_progress_dialog_keeps_nothing(
    qtbot: QtBot,
    window: QWidget,
    vault: Vault,
    messages: list[tuple[str, str, str]],
    dialog_runs: list[ImportDetailsDialog],
    tmp_path: Path,
) -> None:
    source = big_wav(tmp_path / "lang gesprek.wav")
    flow = make_flow(window, vault)
    labels: list[str] = []

    def cancel_on_first_progress(done: int, total: int) -> None:
        dialog = flow.progress_dialog()
        if dialog is None or labels:
            return
        labels.append(dialog.labelText())
        assert dialog.isVisible()
        button = dialog.findChild(QPushButton)
        assert button is not None
        assert button.text() == "Afbreken"
        button.click()

    flow.progressChanged.connect(cancel_on_first_progress)
    flow.start([source])
    assert flow.wait_idle(60_000)
    assert len(labels) == 1
    assert "MB" in labels[0]
    assert "%" in labels[0]
    assert vault.recordings() == []
    assert list(vault.media_dir.iterdir()) == []
    assert messages == [
        ("information", "Importeren afgebroken", "Importeren afgebroken; er is niets bewaard.")
    ]
    assert flow.progress_dialog() is None
    assert import_threads() == []
