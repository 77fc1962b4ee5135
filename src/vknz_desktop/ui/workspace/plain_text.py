"""Text from a profile, an observation or a fragment is shown as plain text, always.

Qt guesses whether a label's or a tooltip's text is rich text (``Qt.mightBeRichText``): a
profile's question such as ``<img src=...>`` would be rendered, not shown. These helpers make
such text literal: labels get ``Qt.PlainText``, tooltips are escaped (and wrap as rich text).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def plain_label(text: str, parent: QWidget | None = None, *, wrap: bool = True) -> QLabel:
    """A label that shows ``text`` literally (never as markup)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    return label


def plain_tooltip(text: str | None) -> str:
    """A tooltip showing ``text`` literally, line breaks kept; "" for no text."""
    if not text:
        return ""
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"


def escaped(text: str) -> str:
    """``text`` for use inside rich text (a heading made bold around it)."""
    return html.escape(text).replace("\n", "<br>")
