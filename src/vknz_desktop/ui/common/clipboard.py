"""Copying text out of the app: marked as not-for-clipboard-managers, cleared after 30 s and at
lock — whatever way it was copied.

``SensitiveClipboard.copy`` puts text on the clipboard with the hints clipboard managers and
histories honour (KDE's ``x-kde-passwordManagerHint``, Windows'
``ExcludeClipboardContentFromMonitorProcessing``) and clears it again after 30 s if it is
still ours. Once ``install``-ed (the main window does it), every copy path of the app ends
there:

- Ctrl+C / Ctrl+X (the platform's Copy and Cut keys) in any ``QLineEdit``, ``QTextEdit`` or
  ``QPlainTextEdit`` and in any item view (tables, lists), caught by an application-wide event
  filter before the widget copies on its own; a password field never copies;
- the Copy and Cut items of those fields' own context menus (the menu is Qt's standard one;
  after its Copy or Cut ran, the text is put back marked);
- anything else the process copies or selects (X11's PRIMARY selection, which selecting text
  fills): when the platform says the clipboard or selection is ours and it is not marked, it
  is put back marked.

``clear_if_ours`` (the 30 s timer and the lock) clears the clipboard and the selection when
they still hold what the app put there, or the platform says the app owns them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QClipboard, QContextMenuEvent, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from vknz_desktop.ui.common import messages

CLEAR_AFTER_MS = 30_000
# KDE Klipper and others skip items with this hint; Windows clipboard history and cloud
# clipboard skip items carrying the second format.
KDE_HINT = "x-kde-passwordManagerHint"
# On Windows, Qt registers a native clipboard format for a MIME type written like this.
WINDOWS_EXCLUDE = (
    'application/x-qt-windows-mime;value="ExcludeClipboardContentFromMonitorProcessing"'
)
_CLIPBOARD = QClipboard.Mode.Clipboard
_SELECTION = QClipboard.Mode.Selection
#: The object names Qt gives the Copy and Cut items of a text field's standard context menu.
_MENU_COPY_ITEMS = ("edit-copy", "edit-cut", "link-copy")

TextWidget = QLineEdit | QTextEdit | QPlainTextEdit


def marked(text: str) -> QMimeData:
    """``text`` with the 'do not keep' hints."""
    data = QMimeData()
    data.setText(text)
    data.setData(KDE_HINT, b"secret")
    data.setData(WINDOWS_EXCLUDE, b"\x00\x00\x00\x00")
    return data


def _owns(clipboard: QClipboard, mode: QClipboard.Mode) -> bool:
    return clipboard.ownsClipboard() if mode == _CLIPBOARD else clipboard.ownsSelection()


def text_widget(watched: QObject) -> TextWidget | None:
    """The text field ``watched`` is (or is the viewport of), when it may be copied from."""
    widget: QObject | None = watched
    if not isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
        parent = watched.parent()
        is_viewport = isinstance(parent, QTextEdit | QPlainTextEdit) and (
            parent.viewport() is watched
        )
        widget = parent if is_viewport else None
    if isinstance(widget, QLineEdit) and widget.echoMode() != QLineEdit.EchoMode.Normal:
        return None  # a password: never copied
    return widget if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit) else None


def _selected_text(widget: TextWidget) -> str:
    if isinstance(widget, QLineEdit):
        return widget.selectedText()
    return widget.textCursor().selection().toPlainText()


def _remove_selection(widget: TextWidget) -> None:
    """Cut's second half, undoable like typing."""
    if widget.isReadOnly():
        return
    if isinstance(widget, QLineEdit):
        widget.insert("")
    else:
        cursor = widget.textCursor()
        cursor.removeSelectedText()
        widget.setTextCursor(cursor)


def _view_text(view: QAbstractItemView) -> str:
    """What Ctrl+C in a table or list copies: the selected cells (tab between columns, a line
    per row), or the current cell."""
    model = view.selectionModel()
    indexes = sorted(model.selectedIndexes(), key=lambda i: (i.row(), i.column())) if model else []
    if not indexes and view.currentIndex().isValid():
        indexes = [view.currentIndex()]
    rows: dict[int, list[str]] = {}
    for index in indexes:
        value = index.data(Qt.ItemDataRole.DisplayRole)
        rows.setdefault(index.row(), []).append("" if value is None else str(value))
    return "\n".join("\t".join(cells) for cells in rows.values())


class SensitiveClipboard(QObject):
    """Puts text on the clipboard and takes it off again if it is still ours (see above)."""

    def __init__(self, parent: QObject | None = None, clear_after_ms: int = CLEAR_AFTER_MS) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(clear_after_ms)
        self._timer.timeout.connect(self.clear_if_ours)
        self._ours: dict[QClipboard.Mode, str] = {}
        self._marking = False
        self._installed = False

    # -- putting text there -------------------------------------------------------------------
    def copy(self, text: str, mode: QClipboard.Mode = _CLIPBOARD) -> None:
        """Copy ``text`` with the 'do not keep' hints and start the clear timer."""
        self._marking = True
        try:
            QGuiApplication.clipboard().setMimeData(marked(text), mode)
        finally:
            self._marking = False
        self._ours[mode] = text
        self._timer.start()

    def clear_if_ours(self) -> None:
        """Clear the clipboard and the selection if they still hold what we put there, or the
        platform says they are ours (the 30 s timer, and the lock)."""
        self._timer.stop()
        clipboard = QGuiApplication.clipboard()
        for mode in (_CLIPBOARD, _SELECTION):
            if mode == _SELECTION and not clipboard.supportsSelection():
                continue
            ours = self._ours.get(mode)
            if _owns(clipboard, mode) or (ours is not None and clipboard.text(mode) == ours):
                clipboard.clear(mode)
        self._ours.clear()

    @property
    def pending(self) -> bool:
        """Whether a clear is scheduled."""
        return self._timer.isActive()

    # -- every copy path of the app -----------------------------------------------------------
    def install(self) -> None:
        """Catch every copy of the application (see the module's description)."""
        app = QApplication.instance()
        if self._installed or not isinstance(app, QApplication):
            return
        app.installEventFilter(self)
        clipboard = QGuiApplication.clipboard()
        clipboard.dataChanged.connect(self._on_clipboard_changed)
        clipboard.selectionChanged.connect(self._on_selection_changed)
        self._installed = True

    def uninstall(self) -> None:
        """Stop catching copies (the window closes)."""
        app = QApplication.instance()
        if not self._installed or app is None:
            return
        app.removeEventFilter(self)
        clipboard = QGuiApplication.clipboard()
        clipboard.dataChanged.disconnect(self._on_clipboard_changed)
        clipboard.selectionChanged.disconnect(self._on_selection_changed)
        self._installed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._on_key(watched, event)
        if kind == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            widget = text_widget(watched)
            if (
                widget is not None
                and widget.contextMenuPolicy() == Qt.ContextMenuPolicy.DefaultContextMenu
            ):
                self._context_menu(widget, watched, event)
                return True
        return False

    def _on_key(self, watched: QObject, event: QKeyEvent) -> bool:
        cut = event.matches(QKeySequence.StandardKey.Cut)
        if not (cut or event.matches(QKeySequence.StandardKey.Copy)):
            return False
        widget = text_widget(watched)
        if widget is not None:
            text = _selected_text(widget)
            if text:
                self._copied(text)
                if cut:
                    _remove_selection(widget)
            return True
        if isinstance(watched, QLineEdit):
            return True  # a password field: nothing is copied, by us or by Qt
        if isinstance(watched, QAbstractItemView) and not cut:
            text = _view_text(watched)
            if text:
                self._copied(text)
            return True
        return False

    def _context_menu(self, widget: TextWidget, watched: QObject, event: QContextMenuEvent) -> None:
        """The field's own (standard) context menu; its Copy and Cut put the text back marked."""
        if isinstance(widget, QLineEdit):
            menu = widget.createStandardContextMenu()
        else:
            position = event.pos()
            if watched is not widget and isinstance(watched, QWidget):
                position = widget.mapFromGlobal(watched.mapToGlobal(position))
            menu = widget.createStandardContextMenu(QPoint(position))
        for action in menu.actions():
            if action.objectName() in _MENU_COPY_ITEMS:
                action.triggered.connect(lambda _checked=False: self._adopt(_CLIPBOARD))
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())

    def _copied(self, text: str) -> None:
        self.copy(text)
        messages.status(
            QApplication.translate(
                "Clipboard", "Gekopieerd; het klembord wordt over 30 seconden weer leeggemaakt."
            )
        )

    def _adopt(self, mode: QClipboard.Mode) -> None:
        """Put what the clipboard (or selection) holds back with the hints."""
        text = QGuiApplication.clipboard().text(mode)
        if text:
            if mode == _CLIPBOARD:
                self._copied(text)
            else:
                self.copy(text, mode)

    def _on_clipboard_changed(self) -> None:
        self._on_changed(_CLIPBOARD)

    def _on_selection_changed(self) -> None:
        self._on_changed(_SELECTION)

    def _on_changed(self, mode: QClipboard.Mode) -> None:
        """Something of this process went to the clipboard or the selection unmarked (a path
        the filter does not know, or selecting text for X11's PRIMARY): mark it."""
        if self._marking:
            return
        clipboard = QGuiApplication.clipboard()
        data = clipboard.mimeData(mode)
        if data is None or data.hasFormat(KDE_HINT) or not _owns(clipboard, mode):
            return
        self._adopt(mode)


__all__ = [
    "CLEAR_AFTER_MS",
    "KDE_HINT",
    "WINDOWS_EXCLUDE",
    "SensitiveClipboard",
    "marked",
    "text_widget",
]
