"""The date field: Alt+Down opens a calendar on the keyboard; a day picked there fills in the
field (typing dates is tested with the import form, tests/ui/library/test_consent_dialog.py)."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from vknz_desktop.ui.widgets.date_field import DateField


def test_alt_down_opens_a_calendar_and_a_picked_day_fills_in_the_field(qtbot: QtBot) -> None:
    field = DateField(QDate(2026, 3, 5))
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    seen: list[bool] = []

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        seen.append(isinstance(menu, QMenu) and menu.isVisible())
        field.calendar.activated.emit(QDate(2026, 3, 12))  # Enter on the 12th

    QTimer.singleShot(200, pick)
    field.line_edit.setFocus()
    QTest.keyClick(field.line_edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert seen == [True]  # the calendar showed as a popup
    assert field.date() == QDate(2026, 3, 12)
    assert field.line_edit.text() == "12-03-2026"
    assert QApplication.activePopupWidget() is None  # and closed again
