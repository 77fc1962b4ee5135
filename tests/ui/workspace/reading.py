"""What a user reads in a tooltip or label text: Qt renders text that looks like markup as
rich text, anything else literally."""

from __future__ import annotations

from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument


def shown_as(text: str) -> str:
    """``text`` as Qt shows it in a tooltip (or a label with automatic text format)."""
    if not GuiQt.mightBeRichText(text):
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()
