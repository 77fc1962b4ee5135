"""One bridge for everything the app tells or asks the user (as qutebrowser's utils/message.py).

- **Status messages** (``status``): the shell shows them in its status bar; widgets and features
  never reach for a status bar themselves.
- **Message boxes** (``inform``, ``warn``, ``show_known_error``, ``critical``, ``about``,
  ``notify``) and **questions** (``ask``, ``confirm``, ``ask_text``, ``ask_item``).
- **The excepthook** (``install_excepthook``): known errors as a plain Dutch message, bugs with a
  copyable report (never a traceback on the terminal).

The bridge knows every box and question it shows, and every dialog handed to ``track``, while
it is open, so that ``close_all`` can close them (a lock must leave nothing on screen). A
question closed that way answers "cancelled" (``False``/``None``): the code waiting on it never
carries on as if the user had agreed.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Sequence
from types import TracebackType
from typing import TypeVar

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from vknz_desktop.domain.errors import KnownError

log = logging.getLogger("vknz_desktop.ui")

#: How long a status message stays when no time is given (ms).
STATUS_MS = 5000
#: Set on a dialog that ``close_all`` closed: its answer is "cancelled", whatever was clicked.
_CLOSED_PROPERTY = "vknz_closed_by_bridge"

DialogT = TypeVar("DialogT", bound=QDialog)


class MessageBridge(QObject):
    """Carries status messages to the shell and keeps the list of open dialogs."""

    #: (text, timeout in ms) for the status bar.
    statusShown = Signal(str, int)

    def __init__(self) -> None:
        super().__init__()
        self._open: list[QDialog] = []

    def track(self, dialog: DialogT) -> DialogT:
        """Remember ``dialog`` until it finishes or is destroyed (for ``close_all``)."""
        if dialog in self._open:
            return dialog
        self._open.append(dialog)
        dialog.finished.connect(lambda _result: self._forget(dialog))
        dialog.destroyed.connect(lambda _object=None: self._forget(dialog))
        return dialog

    def _forget(self, dialog: QDialog) -> None:
        if dialog in self._open:
            self._open.remove(dialog)

    def open_dialogs(self) -> list[QDialog]:
        """The tracked dialogs that are still open, oldest first."""
        alive = []
        for dialog in self._open:
            try:
                if dialog.isVisible():
                    alive.append(dialog)
            except RuntimeError:  # its C++ object is gone
                continue
        return alive

    def close_all(self, within: QWidget | None = None) -> int:
        """Close every tracked open dialog (only those inside ``within``, when given), newest
        first; a question among them answers "cancelled". Returns how many were closed."""
        closed = 0
        for dialog in reversed(self.open_dialogs()):
            if within is not None and not _inside(dialog, within):
                continue
            dialog.setProperty(_CLOSED_PROPERTY, True)
            dialog.reject()
            closed += 1
        return closed


def _inside(dialog: QWidget, ancestor: QWidget) -> bool:
    widget: QWidget | None = dialog
    while widget is not None:
        if widget is ancestor:
            return True
        widget = widget.parentWidget()
    return False


_bridge: MessageBridge | None = None


def bridge() -> MessageBridge:
    """The application's one bridge (made on first use)."""
    global _bridge
    if _bridge is None:
        _bridge = MessageBridge()
    return _bridge


def track(dialog: DialogT) -> DialogT:
    """Let ``close_all`` close ``dialog`` while it is open; returns it."""
    return bridge().track(dialog)


def close_all(within: QWidget | None = None) -> int:
    """Close every open box, question and tracked dialog (see ``MessageBridge.close_all``)."""
    return bridge().close_all(within)


def closed_by_bridge(dialog: QDialog) -> bool:
    """Whether ``close_all`` closed ``dialog`` (then its answer is "cancelled")."""
    return bool(dialog.property(_CLOSED_PROPERTY))


def _run(dialog: QDialog) -> int:
    """``exec`` a tracked dialog; the result, or Rejected when the bridge closed it."""
    track(dialog)
    try:
        result = dialog.exec()
    finally:
        bridge()._forget(dialog)
    return QDialog.DialogCode.Rejected.value if closed_by_bridge(dialog) else result


def run(dialog: QDialog) -> int:
    """Show ``dialog`` modally (``exec``) so that a lock can close it: the dialog's result, or
    Rejected when ``close_all`` closed it. Every modal dialog of the app is shown this way."""
    return _run(dialog)


# -- telling ----------------------------------------------------------------------------------
def status(text: str, timeout_ms: int = STATUS_MS) -> None:
    """A short message in the main window's status bar."""
    bridge().statusShown.emit(text, timeout_ms)


def _box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
) -> QMessageBox:
    return QMessageBox(icon, title, text, buttons, parent)


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """An information box; returns when the user closed it."""
    _run(_box(parent, QMessageBox.Icon.Information, title, text))


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """A warning box; returns when the user closed it."""
    _run(_box(parent, QMessageBox.Icon.Warning, title, text))


def critical(parent: QWidget | None, title: str, text: str) -> None:
    """An error box (e.g. the app cannot start); returns when the user closed it."""
    _run(_box(parent, QMessageBox.Icon.Critical, title, text))


def show_known_error(parent: QWidget | None, error: KnownError) -> None:
    """A warning box with the error's Dutch message."""
    warn(parent, QApplication.translate("messages", "VKNZ"), error.message)


def about(parent: QWidget | None, title: str, text: str) -> None:
    """The About box: the application's icon, ``text`` and OK (as ``QMessageBox.about``)."""
    box = _box(parent, QMessageBox.Icon.NoIcon, title, text)
    icon = box.windowIcon()
    box.setIconPixmap(icon.pixmap(icon.actualSize(QSize(64, 64))))
    _run(box)


def notify(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    """A warning that does not wait: shown, and deleted when closed (e.g. what an unlock
    found). Returns the box."""
    box = _box(parent, QMessageBox.Icon.Warning, title, text)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    track(box).open()
    return box


# -- asking -----------------------------------------------------------------------------------
def ask(parent: QWidget | None, title: str, text: str) -> bool:
    """A yes/no question, No being the default. True only when the user chose Yes."""
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    box = _box(parent, QMessageBox.Icon.Question, title, text, buttons)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    _run(box)
    if closed_by_bridge(box):
        return False
    return box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes


def confirm(
    parent: QWidget | None,
    title: str,
    text: str,
    informative: str,
    accept_text: str,
    cancel_text: str,
) -> bool:
    """A warning that asks to go ahead with something that cannot be undone: ``accept_text``
    (a destructive button) or ``cancel_text`` (the default). True only for ``accept_text``."""
    box = _box(parent, QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton)
    box.setInformativeText(informative)
    accept = box.addButton(accept_text, QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(cancel_text, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    _run(box)
    return not closed_by_bridge(box) and box.clickedButton() is accept


def ask_text(
    parent: QWidget | None,
    title: str,
    label: str,
    *,
    echo: QLineEdit.EchoMode = QLineEdit.EchoMode.Normal,
) -> str | None:
    """A line of text (``echo`` Password for a passphrase); None when cancelled."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextEchoMode(echo)
    if _run(dialog) != QDialog.DialogCode.Accepted.value:
        return None
    return dialog.textValue()


def ask_item(
    parent: QWidget | None, title: str, label: str, items: Sequence[str], current: int = 0
) -> str | None:
    """One of ``items`` from a list that cannot be edited; None when cancelled."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setComboBoxItems(list(items))
    dialog.setComboBoxEditable(False)
    if items:
        dialog.setTextValue(items[max(0, min(current, len(items) - 1))])
    if _run(dialog) != QDialog.DialogCode.Accepted.value:
        return None
    return dialog.textValue()


# -- bugs -------------------------------------------------------------------------------------
def show_bug(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """Log a bug and show it with a copyable report (no notes or names in it)."""
    log.error("unexpected error", exc_info=(kind, value, tb))
    report = "".join(traceback.format_exception(kind, value, tb))
    box = QMessageBox(QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QApplication.translate("messages", "Onverwachte fout"))
    box.setText(
        QApplication.translate(
            "messages",
            "Er ging iets onverwachts mis in het programma. Je waarnemingen zijn bewaard. "
            "Je kunt het rapport hieronder kopiëren voor de beheerder; het bevat geen "
            "aantekeningen of namen.",
        )
    )
    box.setDetailedText(report)
    _run(box)


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """A known error as its Dutch message; anything else as a bug."""
    if isinstance(error, KnownError):
        show_known_error(parent, error)
    else:
        show_bug(type(error), error, error.__traceback__)


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
        show_bug(kind, value, tb)

    sys.excepthook = hook


__all__ = [
    "STATUS_MS",
    "MessageBridge",
    "about",
    "ask",
    "ask_item",
    "ask_text",
    "bridge",
    "close_all",
    "closed_by_bridge",
    "confirm",
    "critical",
    "inform",
    "install_excepthook",
    "notify",
    "run",
    "show_bug",
    "show_error",
    "show_known_error",
    "status",
    "track",
    "warn",
]
