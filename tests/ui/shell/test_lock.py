"""Lock means locked: the title, every dialog and menu, the clipboard and every copy path, the
views and their models, the de-identification worker — and code waiting on a closed question
does not carry on against the closed vault."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QContextMenuEvent, QGuiApplication, QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.conftest import unlock
from vknz_desktop.ui.common import messages
from vknz_desktop.ui.common.clipboard import KDE_HINT
from vknz_desktop.ui.shell.main_window import MainWindow
from vknz_desktop.ui.shell.settings_dialog import SettingsDialog
from vknz_desktop.ui.shell.unlock_dialog import UnlockDialog

CANARY = "Zonnebloemhof-kanarie"
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def unlocked(window: MainWindow, demo_vault: dict[str, str]) -> Iterator[MainWindow]:
    window.show()
    unlock(window)
    yield window
    for dialog in window.findChildren(UnlockDialog):
        dialog.close()


def _later(action: Callable[[], object], ms: int = 80) -> None:
    QTimer.singleShot(ms, action)


def _has_hint() -> bool:
    data = QGuiApplication.clipboard().mimeData()
    return data is not None and data.hasFormat(KDE_HINT)


# -- the title --------------------------------------------------------------------------------
def test_the_title_follows_the_page_and_says_only_locked(
    unlocked: MainWindow, demo_vault: dict[str, str]
) -> None:
    window = unlocked
    assert window.windowTitle() == "Bibliotheek — VKNZ"
    window.open_recording(demo_vault["video"])
    assert window.windowTitle() == "Testgesprek video — VKNZ"
    window.lock()
    assert window.windowTitle() == "VKNZ — vergrendeld"
    assert "Testgesprek" not in window.windowTitle()


# -- dialogs ----------------------------------------------------------------------------------
def test_a_question_open_at_lock_is_closed_and_answers_cancelled(
    unlocked: MainWindow, demo_vault: dict[str, str]
) -> None:
    """The idle lock fires while "… definitief verwijderen?" is asked: the box goes, the
    deletion does not happen, and nothing touches the closed vault."""
    window = unlocked
    titles: list[str] = []

    def lock_while_asking() -> None:
        titles.extend(w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible())
        window.inactivity.timedOut.emit()

    _later(lock_while_asking)
    window.library_controller.delete_recording(demo_vault["video"])  # waits on the question
    assert "Opname verwijderen" in titles  # the question was really shown
    assert window.vault is None
    assert not [d for d in messages.bridge().open_dialogs() if d.isVisible()]
    vault = window.context.gateway.open("paard batterij nietje")
    try:
        assert demo_vault["video"] in {r.id for r in vault.recordings()}  # not deleted
    finally:
        vault.close()


def test_dialogs_of_the_shell_and_features_close_at_lock(
    unlocked: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = unlocked
    seen: list[str] = []

    def lock_with(kind: type[QWidget]) -> Callable[[], None]:
        def lock() -> None:
            seen.extend(type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible())
            assert any(
                isinstance(w, kind) and w.isVisible() for w in QApplication.topLevelWidgets()
            )
            window.lock()

        return lock

    _later(lock_with(SettingsDialog))
    window.show_settings()  # returns: closed by the lock, nothing stored, no error
    assert window.vault is None
    unlock(window)
    from vknz_desktop.ui.features.privacy.privacy_help import PrivacyHelpDialog

    _later(lock_with(PrivacyHelpDialog))
    window.registry.action("privacy.help").trigger()
    assert window.vault is None
    assert "SettingsDialog" in seen and "PrivacyHelpDialog" in seen
    assert not [
        w
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and w is not window and not isinstance(w, UnlockDialog)
    ]


def test_an_open_menu_closes_at_lock(unlocked: MainWindow) -> None:
    window = unlocked
    menu = window.registry.menu("file")
    menu.popup(window.mapToGlobal(QPoint(10, 10)))
    QTest.qWait(50)
    assert QApplication.activePopupWidget() is menu
    window.lock()
    assert QApplication.activePopupWidget() is None and not menu.isVisible()


# -- the clipboard ----------------------------------------------------------------------------
@pytest.mark.parametrize("kind", [QLineEdit, QTextEdit, QPlainTextEdit])
def test_ctrl_c_and_ctrl_x_in_any_field_are_marked_and_cleared_at_lock(
    unlocked: MainWindow, qtbot: QtBot, kind: type[QWidget]
) -> None:
    """A field the app never told about the clipboard: the app-wide filter catches it."""
    window = unlocked
    field = kind(window)
    field.show()
    if isinstance(field, QLineEdit):
        field.setText(f"De klant woont aan de {CANARY} 14")
    else:
        field.setPlainText(f"De klant woont aan de {CANARY} 14")  # type: ignore[attr-defined]
    field.setFocus()
    field.selectAll()  # type: ignore[attr-defined]
    QTest.keyClick(field, Qt.Key.Key_C, CTRL)
    assert CANARY in QGuiApplication.clipboard().text() and _has_hint()
    assert "30 seconden" in window.statusBar().currentMessage()
    window.clipboard.clear_if_ours()
    QTest.keyClick(field, Qt.Key.Key_X, CTRL)  # cut: marked too, and the text is gone
    assert CANARY in QGuiApplication.clipboard().text() and _has_hint()
    text = field.text() if isinstance(field, QLineEdit) else field.toPlainText()  # type: ignore[attr-defined]
    assert CANARY not in text
    window.lock()
    assert QGuiApplication.clipboard().text() == ""


def test_a_password_field_never_copies(unlocked: MainWindow) -> None:
    field = QLineEdit(unlocked)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setText("geheim wachtwoord")
    field.show()
    field.setFocus()
    field.selectAll()
    QGuiApplication.clipboard().setText("iets anders")
    QTest.keyClick(field, Qt.Key.Key_C, CTRL)
    assert QGuiApplication.clipboard().text() == "iets anders"


def test_the_copy_item_of_a_fields_context_menu_is_marked(unlocked: MainWindow) -> None:
    window = unlocked
    field = QTextEdit(window)
    field.setPlainText(f"Notitie over {CANARY}")
    field.show()
    field.selectAll()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, QPoint(5, 5), field.viewport().mapToGlobal(QPoint(5, 5))
    )
    QApplication.sendEvent(field.viewport(), event)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    copy = next(a for a in menu.actions() if a.objectName() == "edit-copy")
    copy.trigger()
    menu.close()
    assert CANARY in QGuiApplication.clipboard().text() and _has_hint()
    window.lock()
    assert QGuiApplication.clipboard().text() == ""


def test_ctrl_c_in_a_table_is_marked(unlocked: MainWindow) -> None:
    table = QTableWidget(1, 2, unlocked)
    table.setItem(0, 0, QTableWidgetItem("Rij"))
    table.setItem(0, 1, QTableWidgetItem(CANARY))
    table.show()
    table.setFocus()
    table.selectAll()
    QTest.keyClick(table, Qt.Key.Key_C, CTRL)
    assert QGuiApplication.clipboard().text() == f"Rij\t{CANARY}" and _has_hint()


# -- what stays in the views ------------------------------------------------------------------
def _model_texts(model: QAbstractItemModel, parent: QModelIndex, depth: int = 0) -> list[str]:
    texts: list[str] = []
    if depth > 4:
        return texts
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if value is not None:
                    texts.append(str(value))
        texts.extend(_model_texts(model, model.index(row, 0, parent), depth + 1))
    return texts


def _all_texts(root: QWidget) -> list[str]:
    """Every text a user (or a screen reader) could still get from the window."""
    texts = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        texts += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, QLabel | QLineEdit):
            texts.append(widget.text())
        elif isinstance(widget, QTextEdit | QPlainTextEdit):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            texts += _model_texts(widget.model(), QModelIndex())
    for stack in root.findChildren(QUndoStack):
        texts += [stack.text(i) for i in range(stack.count())]
    texts += [action.text() for action in root.findChildren(QAction)]
    return texts


def test_after_a_lock_no_view_holds_the_users_words(
    unlocked: MainWindow, demo_vault: dict[str, str]
) -> None:
    """A note, a title and a participant, as the user worked with them; after the lock none of
    them is in any widget, model, undo stack or title of the window."""
    window = unlocked
    vault = window.vault
    assert vault is not None
    window.open_recording(demo_vault["video"])
    window.workspace.new_observation()
    QTest.keyClicks(window.workspace.editor.text_edit, f"Klant noemt {CANARY}")
    window.workspace.editor.save()
    window.workspace.new_observation()
    QTest.keyClicks(window.workspace.editor.text_edit, f"Nog niet bewaard {CANARY}-2")
    assert any(CANARY in text for text in _all_texts(window))  # the scan sees it
    started = time.monotonic()
    window.lock()
    elapsed = time.monotonic() - started
    left = [text for text in _all_texts(window) if CANARY in text or "Testgesprek" in text]
    assert left == []
    assert not window.workspace.video.has_picture()
    assert window.context.controller.latest_picture is None  # the last decoded picture is gone
    assert elapsed < 2.0  # the lock finishes within 2 s
    reopened = window.context.gateway.open("paard batterij nietje")
    try:  # what was being typed was saved first
        texts = [o.text for o in reopened.observations(demo_vault["video"])]
        assert f"Nog niet bewaard {CANARY}-2" in texts
    finally:
        reopened.close()


def test_the_deidentification_worker_is_stopped_at_lock(
    unlocked: MainWindow, worker_stops: list[str]
) -> None:
    """It holds the texts and names it was given (its cache): a lock ends the process
    (``deidentifier.stop``; that it ends the process is tested in
    tests/unit/test_deid_worker.py; here the stop is counted, so the worker loaded
    once serves every GUI test)."""
    assert worker_stops == []
    unlocked.lock()
    assert worker_stops == ["stop"]
