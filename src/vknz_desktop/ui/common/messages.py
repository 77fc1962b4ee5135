"""Showing problems: known ones as a plain Dutch message, bugs with a copyable report."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from vknz_desktop.domain.errors import KnownError

log = logging.getLogger("vknz_desktop.ui")


def show_known_error(parent: QWidget | None, error: KnownError) -> None:
    """A warning box with the error's Dutch message."""
    QMessageBox.warning(parent, QApplication.translate("messages", "VKNZ"), error.message)


def install_excepthook() -> None:
    """Turn uncaught exceptions into a log entry and a dialog (never a crash or a traceback
    on the terminal). KnownErrors that slip through are shown as plain messages."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if isinstance(value, KnownError):
            show_known_error(QApplication.activeWindow(), value)
            return
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        log.error("unexpected error", exc_info=(kind, value, tb))
        report = "".join(traceback.format_exception(kind, value, tb))
        box = QMessageBox(QApplication.activeWindow())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QApplication.translate("messages", "Onverwachte fout"))
        box.setText(
            QApplication.translate(
                "messages",
                "Er ging iets onverwachts mis in het programma. Uw waarnemingen zijn bewaard. "
                "U kunt het rapport hieronder kopiëren voor de beheerder; het bevat geen "
                "aantekeningen of namen.",
            )
        )
        box.setDetailedText(report)
        box.exec()

    sys.excepthook = hook
