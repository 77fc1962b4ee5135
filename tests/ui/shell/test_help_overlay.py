"""The '?' overlay: every shortcut on an opaque card inside the window, at every size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from vknz_desktop.ui.shell.help_overlay import CARD_COLOUR, HelpOverlay
from vknz_desktop.ui.shell.main_window import MainWindow

ROWS = [
    (f"Ctrl+Shift+{n % 10}", f"Een handeling met een redelijk lange uitleg {n}") for n in range(44)
]


@pytest.mark.parametrize("size", [(1024, 600), (1366, 768), (1920, 1080)])
@pytest.mark.parametrize("scale", [1.0, 1.5, 2.0])
def test_every_row_is_on_the_card_and_the_card_in_the_window(
    qtbot: QtBot, size: tuple[int, int], scale: float
) -> None:
    parent = QWidget()
    palette = parent.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("white"))  # a light panel underneath
    parent.setPalette(palette)
    parent.setAutoFillBackground(True)
    font = QFont(parent.font())
    font.setPointSizeF(10 * scale)
    parent.setFont(font)
    qtbot.addWidget(parent)
    parent.resize(*size)
    overlay = HelpOverlay(parent)
    overlay.set_rows(ROWS)
    overlay.show_over_parent()
    sheet = overlay.layout_sheet()
    assert sheet.fits
    assert overlay.rect().toRectF().contains(sheet.card)
    for key, meaning in sheet.rows:
        assert sheet.card.contains(key) and sheet.card.contains(meaning)
        assert meaning.width() > 120  # the meaning has real room
    assert sheet.font.pointSizeF() >= max(8, 10 * scale * 0.55)
    if (size, scale) != ((1024, 600), 2.0):  # there 44 rows cannot all be whole
        assert not sheet.elided  # every meaning whole
    image = overlay.grab().toImage()
    inside = QPoint(int(sheet.card.right()) - 6, int(sheet.card.center().y()))
    assert QColor(image.pixel(inside)) == CARD_COLOUR  # nothing shows through


def test_the_windows_overlay_lists_the_registry(window: MainWindow, qtbot: QtBot) -> None:
    window.show_shortcuts()
    rows = window.help_overlay.rows
    assert ("F1", "Handleiding") in [(k, m.replace("&", "")) for k, m in rows]
    assert window.help_overlay.layout_sheet().fits
    window.help_overlay.hide()
