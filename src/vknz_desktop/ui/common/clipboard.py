"""Copying observation text: marked as not-for-clipboard-managers and cleared after 30 s."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QObject, QTimer
from PySide6.QtGui import QGuiApplication

CLEAR_AFTER_MS = 30_000
# KDE Klipper and others skip items with this hint; Windows clipboard history and cloud
# clipboard skip items carrying the second format.
KDE_HINT = "x-kde-passwordManagerHint"
# On Windows, Qt registers a native clipboard format for a MIME type written like this.
WINDOWS_EXCLUDE = (
    'application/x-qt-windows-mime;value="ExcludeClipboardContentFromMonitorProcessing"'
)


class SensitiveClipboard(QObject):
    """Puts text on the clipboard and takes it off again if it is still ours."""

    def __init__(self, parent: QObject | None = None, clear_after_ms: int = CLEAR_AFTER_MS) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(clear_after_ms)
        self._timer.timeout.connect(self.clear_if_ours)
        self._text: str | None = None

    def copy(self, text: str) -> None:
        """Copy ``text`` with the 'do not keep' hints and start the clear timer."""
        data = QMimeData()
        data.setText(text)
        data.setData(KDE_HINT, b"secret")
        data.setData(WINDOWS_EXCLUDE, b"\x00\x00\x00\x00")
        QGuiApplication.clipboard().setMimeData(data)
        self._text = text
        self._timer.start()

    def clear_if_ours(self) -> None:
        """Clear the clipboard if it still holds what we put there (used at lock too)."""
        self._timer.stop()
        clipboard = QGuiApplication.clipboard()
        if self._text is not None and clipboard.text() == self._text:
            clipboard.clear()
        self._text = None

    @property
    def pending(self) -> bool:
        """Whether a clear is scheduled."""
        return self._timer.isActive()
