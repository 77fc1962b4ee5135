"""Undo and redo for the menu: "Ongedaan maken: waarneming bewerken" (QUndoGroup's own actions
would say "Ongedaan maken Waarneming bewerken")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QUndoGroup


def _describe(text: str) -> str:
    """The command's text as part of a sentence: a first capital goes (not in 'AVG')."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def _undo_text(text: str) -> str:
    if not text:
        return QCoreApplication.translate("UndoActions", "&Ongedaan maken")
    return QCoreApplication.translate("UndoActions", "&Ongedaan maken: {0}").format(_describe(text))


def _redo_text(text: str) -> str:
    if not text:
        return QCoreApplication.translate("UndoActions", "&Opnieuw")
    return QCoreApplication.translate("UndoActions", "&Opnieuw: {0}").format(_describe(text))


def undo_action(group: QUndoGroup, parent: QObject) -> QAction:
    """An action that undoes in the active stack and names what it undoes."""
    action = QAction(_undo_text(group.undoText()), parent)
    action.setEnabled(group.canUndo())
    group.canUndoChanged.connect(action.setEnabled)
    group.undoTextChanged.connect(lambda text: action.setText(_undo_text(text)))
    action.triggered.connect(group.undo)
    return action


def redo_action(group: QUndoGroup, parent: QObject) -> QAction:
    """An action that redoes in the active stack and names what it redoes."""
    action = QAction(_redo_text(group.redoText()), parent)
    action.setEnabled(group.canRedo())
    group.canRedoChanged.connect(action.setEnabled)
    group.redoTextChanged.connect(lambda text: action.setText(_redo_text(text)))
    action.triggered.connect(group.redo)
    return action


__all__ = ["redo_action", "undo_action"]
