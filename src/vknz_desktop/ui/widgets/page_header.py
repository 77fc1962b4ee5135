"""Headings of pages and sections: bold, larger text that grows with the text size."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


def heading_label(text: str, parent: QWidget, scale: float = 1.25) -> QLabel:
    """A bold label ``scale`` times the size of the surrounding text."""
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


def back_row(
    parent: QWidget, back_text: str, back_name: str, title: str
) -> tuple[QHBoxLayout, QPushButton]:
    """The top row of a page: a back button, the page's heading, then room for more.

    Returns the row (add widgets to its right) and the back button (connect its click)."""
    row = QHBoxLayout()
    button = QPushButton(back_text, parent)
    button.setAccessibleName(back_name)
    row.addWidget(button)
    row.addSpacing(12)
    row.addWidget(heading_label(title, parent, 1.4))
    row.addStretch(1)
    return row, button


__all__ = ["back_row", "heading_label"]
