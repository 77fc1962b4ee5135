"""Long text fields capped in the UI, with a clear message instead of a refusal later.

The domain limits a goal's "waarom" and "volgende keer" to ``LONG_TEXT_LIMIT`` characters; a
``QPlainTextEdit`` has no maximum of its own. ``cap_text`` keeps an edit at its limit: text
typed or pasted beyond it is not taken over, and the user is told so in the status bar and in
the field's tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from vknz_desktop.ui.common import messages
from vknz_desktop.ui.common.formatting import format_number

__all__ = ["LONG_TEXT_LIMIT", "cap_text", "limit_message"]

#: The domain's maximum for a goal's long texts (domain/goals.py LongGoalText).
LONG_TEXT_LIMIT = 5000


def limit_message(limit: int) -> str:
    """What the user is told when a text reached its maximum."""
    return QCoreApplication.translate(
        "TextLimit", "Hier passen hoogstens {0} tekens: de rest is niet overgenomen."
    ).format(format_number(limit))


def cap_text(edit: QPlainTextEdit, limit: int = LONG_TEXT_LIMIT) -> None:
    """Keep ``edit`` at ``limit`` characters at most (typing, pasting or set in code).

    Call it before connecting other slots to ``textChanged``: they then read the capped text.
    """
    hint = edit.toolTip()

    def enforce() -> None:
        text = edit.toPlainText()
        if len(text) <= limit:
            if edit.toolTip() != hint:
                edit.setToolTip(hint)
            return
        # Like QLineEdit's maximum: the end of what was just typed or pasted is cut off (the
        # characters before the cursor), the text that was there stays.
        position = edit.textCursor().position()
        excess = len(text) - limit
        cut_from = max(0, position - excess)
        capped = (text[:cut_from] + text[cut_from + excess :])[:limit]
        edit.blockSignals(True)  # one change, not two: later slots read the capped text
        edit.setPlainText(capped)
        edit.blockSignals(False)
        cursor = edit.textCursor()
        cursor.setPosition(min(cut_from, len(capped)), QTextCursor.MoveMode.MoveAnchor)
        edit.setTextCursor(cursor)
        message = limit_message(limit)
        edit.setToolTip(message)
        messages.status(message)

    edit.textChanged.connect(enforce)
