"""The library in the real window: the keyboard after Ctrl+B, and what the window's session
gives the library (reminders, counts)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import unlock
from vknz_desktop.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


def test_after_ctrl_b_enter_opens_the_chosen_recording(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    unlock(window)
    window.open_recording(demo_vault["audio"])
    assert window.stack.currentWidget() is window.workspace
    QTest.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.library)
    table = window.library.table
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)  # the list has the keyboard
    assert window.library.selected_id() is not None  # a row is chosen, visibly
    QTest.keyClick(table, Qt.Key.Key_Down)
    chosen = window.library.selected_id()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.workspace)
    assert window.workspace.recording is not None
    assert window.workspace.recording.id == chosen


def test_the_window_gives_the_library_its_counts(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    unlock(window)
    session = window.session
    assert session is not None and session.source_files is not None
    session.observations.create(demo_vault["video"], 1000, text="Open vraag")
    window.show_library()
    assert window.library.facts_of(demo_vault["video"]).observations == 1
    assert session.live_recording is not None  # the Opnemen page's service, built once
