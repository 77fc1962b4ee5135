"""Keys and text fields, app-wide: typing never fights the app's shortcuts.

One event filter on the application (``install()``; the workspace installs it):

- **Application shortcuts win** over a text field's own key bindings: a field accepts
  Ctrl+E, Ctrl+F, Ctrl+B … for itself on some platforms (emacs-style bindings on X11), so the
  window's action never fires while a field has focus. When the keys are an enabled action's
  shortcut of the field's window and not one of the editing keys a field must keep (copy,
  paste, cut, undo, redo, select all, moving and deleting by word), the action gets them.
- **Esc leaves a text field** inside an area that registered a *home* (``set_home``): the
  focus goes there (the workspace: its picture), so single-letter keys are playback keys
  again instead of text in the field. A field whose own Esc means something (the observation
  editor keeps its draft) handles it first through its shortcut.
- **Clicking in the area's click zone** (the workspace: the picture, its buttons and the
  timeline) while a text field has the focus sends the focus home too, also where the thing
  clicked takes no focus of its own (a play button).

Plain letters typed into a field always stay in the field (Qt's own ShortcutOverride), so a
single-letter shortcut never fires while typing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

#: Keys a text field keeps even when an action of the window has them.
FIELD_KEYS = (
    QKeySequence.StandardKey.Copy,
    QKeySequence.StandardKey.Cut,
    QKeySequence.StandardKey.Paste,
    QKeySequence.StandardKey.Undo,
    QKeySequence.StandardKey.Redo,
    QKeySequence.StandardKey.SelectAll,
    QKeySequence.StandardKey.MoveToNextWord,
    QKeySequence.StandardKey.MoveToPreviousWord,
    QKeySequence.StandardKey.SelectNextWord,
    QKeySequence.StandardKey.SelectPreviousWord,
    QKeySequence.StandardKey.DeleteEndOfWord,
    QKeySequence.StandardKey.DeleteStartOfWord,
    QKeySequence.StandardKey.MoveToStartOfDocument,
    QKeySequence.StandardKey.MoveToEndOfDocument,
)
_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def is_text_field(widget: object) -> bool:
    """Whether ``widget`` takes typed text (a line, a text box, a spin or date box, an
    editable combo box)."""
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit | QAbstractSpinBox):
        return True
    return isinstance(widget, QComboBox) and widget.isEditable()


def _field_of(widget: QWidget | None) -> QWidget | None:
    """The text field ``widget`` is, or is part of (the line inside a spin or combo box, the
    viewport of a text box)."""
    while widget is not None:
        if is_text_field(widget):
            return widget
        if widget.isWindow():
            return None
        widget = widget.parentWidget()
    return None


def window_action_for(widget: QWidget, event: QKeyEvent) -> bool:
    """Whether an enabled action of ``widget``'s window has the keys of ``event``."""
    pressed = QKeySequence(event.keyCombination())
    window = widget.window()
    for action in window.actions():
        if not action.isEnabled():
            continue
        for shortcut in action.shortcuts():
            if shortcut.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch:
                return True
    return False


class FieldKeys(QObject):
    """The application's event filter (see the module's description)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._homes: list[tuple[QWidget, Callable[[], None]]] = []
        self._zones: list[tuple[QWidget, QWidget, Callable[[], None]]] = []  # area, zone, home

    def set_home(
        self, area: QWidget, home: Callable[[], None], click_zone: QWidget | None = None
    ) -> None:
        """Esc in a text field inside ``area`` calls ``home``, which puts the focus somewhere
        that is not a field; so does a click inside ``click_zone`` while a field has it."""
        self._forget(area)
        self._homes.append((area, home))
        if click_zone is not None:
            self._zones.append((area, click_zone, home))
        area.destroyed.connect(lambda _obj=None, area=area: self._forget(area))

    def _forget(self, area: QWidget) -> None:
        self._homes = [(a, h) for a, h in self._homes if a is not area]
        self._zones = [(a, z, h) for a, z, h in self._zones if a is not area]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            return self._shortcut_override(watched, event)
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Escape and not event.modifiers():
                return self._leave(_field_of(watched if isinstance(watched, QWidget) else None))
            return False
        if kind == QEvent.Type.MouseButtonPress and isinstance(watched, QWidget):
            self._on_press(watched)
        return False

    def _shortcut_override(self, watched: QObject, event: QKeyEvent) -> bool:
        if not isinstance(watched, QWidget) or _field_of(watched) is None:
            return False
        if not event.modifiers() & _COMMAND_MODIFIERS:
            return False
        if any(event.matches(key) for key in FIELD_KEYS):
            return False
        if not window_action_for(watched, event):
            return False
        event.ignore()  # not the field's: the shortcut map tries the window's actions
        return True

    def _home_of(self, widget: QWidget) -> Callable[[], None] | None:
        for area, home in self._homes:
            if area.isAncestorOf(widget):
                return home
        return None

    def _leave(self, field: QWidget | None) -> bool:
        if field is None:
            return False
        home = self._home_of(field)
        if home is None:
            return False
        home()
        return True

    def _on_press(self, pressed: QWidget) -> None:
        focus = _field_of(QApplication.focusWidget())
        if focus is None or focus is pressed or focus.isAncestorOf(pressed):
            return
        for _area, zone, home in self._zones:
            if zone is pressed or zone.isAncestorOf(pressed):
                home()
                return


_installed: FieldKeys | None = None


def install() -> FieldKeys:
    """The one filter, installed on the running application (once)."""
    global _installed
    app = QApplication.instance()
    try:
        alive = _installed is not None and _installed.parent() is app
    except RuntimeError:  # deleted with an earlier application
        alive = False
    if not alive:
        _installed = FieldKeys(app)
        if app is not None:
            app.installEventFilter(_installed)
    assert _installed is not None
    return _installed


__all__ = ["FIELD_KEYS", "FieldKeys", "install", "is_text_field", "window_action_for"]
