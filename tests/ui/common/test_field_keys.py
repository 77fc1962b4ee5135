"""Keys and text fields: application shortcuts win over a field's own bindings, Esc leaves a
field, a click in the click zone takes the focus from a field, letters stay in the field."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QMainWindow, QPushButton, QToolButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from vknz_desktop.ui.common import field_keys


class GreedyLineEdit(QLineEdit):
    """A line edit that claims every Ctrl key for itself, as QLineEdit does with Ctrl+E, Ctrl+B
    or Ctrl+K under X11's emacs-style bindings (the offscreen platform has none of those)."""

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            event.accept()
            return True
        return super().event(event)


class Window(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        central = QWidget(self)
        layout = QVBoxLayout(central)
        self.area = QWidget(central)
        area_layout = QVBoxLayout(self.area)
        self.field = GreedyLineEdit(self.area)
        self.home = QPushButton("thuis", self.area)
        self.zone = QWidget(self.area)
        zone_layout = QVBoxLayout(self.zone)
        self.play = QToolButton(self.zone)  # takes no focus when clicked
        self.play.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        zone_layout.addWidget(self.play)
        for widget in (self.field, self.home, self.zone):
            area_layout.addWidget(widget)
        self.outside = QLineEdit(central)
        layout.addWidget(self.area)
        layout.addWidget(self.outside)
        self.setCentralWidget(central)
        self.fired: list[str] = []
        for name, key in (("summary", "Ctrl+E"), ("play", "P"), ("copy", "Ctrl+C")):
            action = QAction(name, self)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(lambda _c=False, name=name: self.fired.append(name))
            self.addAction(action)


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[Window]:
    main = Window()
    qtbot.addWidget(main)
    field_keys.install().set_home(main.area, main.home.setFocus, click_zone=main.zone)
    main.show()
    main.activateWindow()
    QTest.qWaitForWindowActive(main)
    yield main


def test_an_application_shortcut_wins_over_the_field(window: Window) -> None:
    window.field.setFocus()
    QTest.keyClick(window.field, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.fired == ["summary"]
    QTest.keyClick(window.field, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert window.fired == ["summary"], "copying stays the field's"
    QTest.keyClick(window.field, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.fired == ["summary"], "no action has Ctrl+K: the field keeps it"


def test_letters_stay_in_the_field_and_never_fire(window: Window) -> None:
    window.field.setFocus()
    QTest.keyClicks(window.field, "pap")
    assert window.field.text() == "pap" and window.fired == []


def test_escape_leaves_the_field_and_the_letter_is_a_shortcut_again(window: Window) -> None:
    window.field.setFocus()
    QTest.keyClicks(window.field, "notitie")
    QTest.keyClick(window.field, Qt.Key.Key_Escape)
    assert window.home.hasFocus()
    QTest.keyClick(window, Qt.Key.Key_P)
    assert window.field.text() == "notitie" and window.fired == ["play"]
    window.outside.setFocus()  # a field outside the area keeps its Esc
    QTest.keyClick(window.outside, Qt.Key.Key_Escape)
    assert window.outside.hasFocus()


def test_a_click_in_the_zone_takes_the_focus_from_the_field(window: Window) -> None:
    window.field.setFocus()
    QTest.mouseClick(window.play, Qt.MouseButton.LeftButton)
    assert window.home.hasFocus()
    window.outside.setFocus()
    QTest.mouseClick(window.home, Qt.MouseButton.LeftButton)  # outside the zone: its own focus
    assert not window.outside.hasFocus() or window.home.hasFocus()
