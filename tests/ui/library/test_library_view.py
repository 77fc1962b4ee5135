"""The library view: recordings with consent and keep-until dates, filtering, drops, menus."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMimeData,
    QModelIndex,
    QPoint,
    QPointF,
    Qt,
    QUrl,
)
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage, QImageWriter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.data import TODAY, S, recording
from vknz_desktop.domain.recording_ports import SourceReminder
from vknz_desktop.ui.library.library_view import (
    ID_ROLE,
    NOTE_ROLE,
    THUMBNAIL_SIZE,
    LibraryView,
    RecordingTableModel,
    RowFacts,
)

# Showing top-level windows on the offscreen platform logs this; it is not our warning.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


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


def _arrow_points_up(view: LibraryView, column: int) -> bool:
    """Whether the sort arrow drawn in ``column``'s heading is ▲ (widest at the bottom)."""
    header = view.table.horizontalHeader()
    image = header.grab().toImage()
    left = header.sectionViewportPosition(column)
    right = left + header.sectionSize(column)
    arrow_area = range(right - 24, right - 2)  # the arrow sits at the right, after the text
    background = image.pixelColor(right - 3, 2).lightness()
    widths = []
    for y in range(image.height()):
        dark = [x for x in arrow_area if background - image.pixelColor(x, y).lightness() > 40]
        if dark and len(dark) < len(arrow_area) - 4:  # not the heading's border line
            widths.append(max(dark) - min(dark) + 1)
    assert len(widths) >= 2, "no sort arrow found"
    return widths[-1] > widths[0]


def test_the_sort_arrow_points_the_way_the_rows_go(qtbot: QtBot, library: LibraryView) -> None:
    date = RecordingTableModel.DATE
    library.table.sortByColumn(date, Qt.SortOrder.DescendingOrder)  # newest first
    qtbot.wait(20)
    assert library.visible_ids()[0] == "r1"  # 20 Nov 2026 on top
    assert not _arrow_points_up(library, date)  # ▼: the largest at the top
    library.table.sortByColumn(date, Qt.SortOrder.AscendingOrder)
    qtbot.wait(20)
    assert library.visible_ids()[0] == "r4"  # 2025 on top
    assert _arrow_points_up(library, date)  # ▲


# ------------------------------------------------------- counts, reminders, notes, keyboard


def _with_facts(library: LibraryView) -> None:
    gone = RECORDINGS[3].model_copy(update={"media_available": False})
    library.set_recordings(
        [*RECORDINGS[:3], gone],
        {},
        {
            "r1": RowFacts(fragments=2, observations=14, original_id="r4"),
            "r2": RowFacts(reminder=SourceReminder("r2", phone=True)),
            "r3": RowFacts(observations=1, reminder=SourceReminder("r3", phone=False)),
        },
    )


def test_counts_of_fragments_and_observations_per_recording(library: LibraryView) -> None:
    _with_facts(library)
    fragments, observations = RecordingTableModel.FRAGMENTS, RecordingTableModel.OBSERVATIONS
    assert cell(library, "r1", fragments) == "2"
    assert cell(library, "r1", observations) == "14"
    assert cell(library, "r2", observations) == "0"
    assert cell(library, "r3", observations, Qt.ItemDataRole.AccessibleTextRole) == (
        "Waarnemingen: 1"
    )
    assert cell(library, "r1", fragments, Qt.ItemDataRole.AccessibleTextRole) == "Fragmenten: 2"
    library.table.sortByColumn(observations, Qt.SortOrder.DescendingOrder)
    assert library.visible_ids()[:2] == ["r1", "r3"]


def test_a_recording_from_a_phone_or_card_shows_a_reminder_until_done(
    qtbot: QtBot, library: LibraryView
) -> None:
    _with_facts(library)
    assert library.text_of("r2", RecordingTableModel.TITLE) == "Gesprek met tolk"
    assert "telefoon" in cell(library, "r2", RecordingTableModel.TITLE, NOTE_ROLE)
    assert "geheugenkaart" in cell(library, "r3", RecordingTableModel.TITLE, NOTE_ROLE)
    assert cell(library, "r1", RecordingTableModel.TITLE, NOTE_ROLE) == ""
    library.select("r1")
    assert library.reminder_bar.isHidden()
    library.select("r2")
    assert library.reminder_bar.isVisible()
    text = library.reminder_bar.label.text()
    assert "telefoon" in text and "cloud" in text
    with qtbot.waitSignal(library.reminderDismissed) as done:
        library.reminder_bar.done_button.click()
    assert done.args == ["r2"]
    menu = library.context_menu("r3")
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert "Herinnering afvinken: ook elders verwijderd" in texts
    menu.deleteLater()


def test_the_notes_of_a_recording_without_media_are_one_step_away(
    qtbot: QtBot, library: LibraryView
) -> None:
    _with_facts(library)
    menu = library.context_menu("r4")  # its media are gone: the notes instead of Openen
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[0] == "Aantekeningen lezen…" and "Openen" not in texts
    with qtbot.waitSignal(library.notesRequested) as notes:
        menu.actions()[0].trigger()
    assert notes.args == ["r4"]
    menu.deleteLater()
    menu = library.context_menu("r1")  # a fragment of r4
    action = next(a for a in menu.actions() if a.text().startswith("Aantekeningen van"))
    with qtbot.waitSignal(library.notesRequested) as notes:
        action.trigger()
    assert notes.args == ["r4"]
    menu.deleteLater()
    tooltip = cell(library, "r4", RecordingTableModel.KIND, Qt.ItemDataRole.ToolTipRole)
    assert "Enter" in tooltip


def test_the_keyboard_lands_on_a_row_and_shows_where_it_is(
    qtbot: QtBot, library: LibraryView
) -> None:
    library.table.clearSelection()
    library.table.setCurrentIndex(QModelIndex())
    library.search_edit.setFocus()
    library.setFocus()  # what the shell does after Ctrl+B
    qtbot.waitUntil(lambda: library.table.hasFocus())
    assert library.selected_id() == library.visible_ids()[0]
    assert library.table_frame.property("keyboard") is True
    with qtbot.waitSignal(library.openRequested) as opened:
        QTest.keyClick(library.table, Qt.Key.Key_Return)
    assert opened.args == [library.visible_ids()[0]]
    library.search_edit.setFocus()
    qtbot.waitUntil(lambda: library.table_frame.property("keyboard") is False)
    library.clear()
    library.setFocus()  # nothing yet: the import button gets the keyboard
    qtbot.waitUntil(lambda: library.empty_import_button.hasFocus())
