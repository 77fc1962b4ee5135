"""Page headings: bold, larger, and the back-button row of the review pages."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from vknz_desktop.ui.widgets.page_header import back_row, heading_label


def test_a_heading_is_bold_and_grows_with_the_text(qtbot: QtBot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    base = page.font().pointSizeF()
    heading = heading_label("Leerdoelen", page, 1.5)
    assert heading.text() == "Leerdoelen" and heading.font().bold()
    assert abs(heading.font().pointSizeF() - base * 1.5) < 0.01
    bigger = page.font()
    bigger.setPointSizeF(base * 2)
    page.setFont(bigger)
    assert heading_label("Groter", page).font().pointSizeF() > heading.font().pointSizeF()


def test_the_back_row_has_a_named_button_then_the_heading(qtbot: QtBot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    row, back = back_row(page, "← Bibliotheek", "Terug naar de bibliotheek", "Vergelijken")
    page.setLayout(row)
    widgets = [row.itemAt(i).widget() for i in range(row.count()) if row.itemAt(i).widget()]
    assert widgets[0] is back and isinstance(back, QPushButton)
    assert back.accessibleName() == "Terug naar de bibliotheek"
    assert isinstance(widgets[1], QLabel) and widgets[1].text() == "Vergelijken"
    assert widgets[1].font().bold()
    clicked: list[bool] = []
    back.clicked.connect(lambda: clicked.append(True))
    back.click()
    assert clicked == [True]
