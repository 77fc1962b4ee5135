"""What the onderzoeker's dialogs share: a message under the form, and growing to fit it."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDialog, QLabel

from vknz_desktop.ui.common.appearance import signal_colour


def grow_to_fit(dialog: QDialog) -> None:
    """Grow to what the wrapped texts need now (never narrower than before)."""
    width = dialog.width()
    dialog.adjustSize()
    if dialog.width() < width:
        dialog.resize(width, dialog.height())


def show_form_message(dialog: QDialog, label: QLabel, text: str, *, error: bool) -> None:
    """A problem (red) or what is happening, in ``label`` under the form."""
    label.setText(text)
    colour = signal_colour("error", dialog.palette(), QPalette.ColorRole.Window)
    label.setStyleSheet(f"color: {colour.name()};" if error else "")
    label.setVisible(bool(text))
    grow_to_fit(dialog)


__all__ = ["grow_to_fit", "show_form_message"]
