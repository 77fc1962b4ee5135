"""The action registry on its own: actions as data become menus, shortcuts, a reason when
disabled, and the rows of the '?' overlay."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction, QUndoCommand, QUndoGroup, QUndoStack
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from vknz_desktop.ui.shell.actions import ActionRegistry, ActionSpec, KeyHint


@pytest.fixture
def window(qtbot: QtBot) -> QMainWindow:
    main = QMainWindow()
    qtbot.addWidget(main)
    return main


def texts(registry: ActionRegistry, menu_id: str) -> list[str]:
    return [
        "---" if action.isSeparator() else action.text()
        for action in registry.menu(menu_id).actions()
    ]


def test_menus_follow_their_order_and_sections_get_separators(window: QMainWindow) -> None:
    registry = ActionRegistry(window)
    registry.add_menu("help", "&Help", 90)
    registry.add_menu("file", "&Bestand", 10)
    registry.build_menu_bar(window.menuBar())
    registry.add(ActionSpec("file.quit", "&Afsluiten", lambda: None, menu="file", section=90))
    registry.add(ActionSpec("file.import", "&Importeren…", lambda: None, menu="file", section=10))
    # a feature adds its menu and items later; they join the bar and the file menu in place
    registry.add_menu("review", "&Samen terugkijken", 60)
    registry.add(ActionSpec("learning.goals", "&Leerdoelen", lambda: None, menu="file", section=50))
    registry.add(ActionSpec("b", "Tweede", lambda: None, menu="review", order=2))
    registry.add(ActionSpec("a", "Eerste", lambda: None, menu="review", order=1))
    bar = [action.text() for action in window.menuBar().actions()]
    assert bar == ["&Bestand", "&Samen terugkijken", "&Help"]
    assert texts(registry, "file") == ["&Importeren…", "---", "&Leerdoelen", "---", "&Afsluiten"]
    assert texts(registry, "review") == ["Eerste", "Tweede"]
    with pytest.raises(ValueError, match="exists"):
        registry.add(ActionSpec("a", "Nog eens", lambda: None))
    with pytest.raises(ValueError, match="no menu"):
        registry.add(ActionSpec("c", "Nergens", lambda: None, menu="bestaat-niet"))


def test_a_disabled_action_says_why_and_an_enabled_one_gives_its_own_tip(
    window: QMainWindow,
) -> None:
    locked = {"yes": True}
    registry = ActionRegistry(window)
    action = registry.add(
        ActionSpec(
            "file.lock",
            "&Vergrendelen",
            lambda: None,
            ("Ctrl+L",),
            available=lambda: "Ontgrendel eerst de kluis." if locked["yes"] else None,
            status_tip="De kluis sluiten",
        )
    )
    assert not action.isEnabled()
    assert action.toolTip() == "Ontgrendel eerst de kluis." == action.statusTip()
    assert registry.reason("file.lock") == "Ontgrendel eerst de kluis."
    locked["yes"] = False
    registry.update()
    assert action.isEnabled() and action.statusTip() == "De kluis sluiten"
    assert action.toolTip() == "Vergrendelen"  # Qt's default: the text without '&'
    assert registry.reason("file.lock") is None


def test_shortcuts_work_without_a_menu_bar_and_trigger_the_callback(
    window: QMainWindow, qtbot: QtBot
) -> None:
    called: list[str] = []
    registry = ActionRegistry(window)
    action = registry.add(
        ActionSpec(
            "play.toggle", "Afspelen / pauzeren", lambda: called.append("toggle"), ("Space",)
        )
    )
    assert action in window.actions()  # the window owns it: the shortcut works everywhere
    assert registry.action("play.toggle") is action
    action.trigger()
    assert called == ["toggle"]


def test_overlay_rows_come_from_the_actions_by_rank_with_dutch_key_names(
    window: QMainWindow,
) -> None:
    registry = ActionRegistry(window)
    registry.add(ActionSpec("help", "&Sneltoetsen", lambda: None, ("?",), overlay=310))
    registry.add(ActionSpec("play", "Afspelen / pauzeren", lambda: None, ("Space",), overlay=100))
    registry.add(
        ActionSpec("back", "30 seconden terug", lambda: None, ("Shift+Left",), overlay=100)
    )
    registry.add(ActionSpec("hidden", "Over VKNZ", lambda: None, overlay=None))
    registry.add(ActionSpec("nokey", "Teamleeragenda…", lambda: None, overlay=200))
    registry.add_hint(KeyHint("Esc", "Waarneming annuleren", 130))
    assert registry.overlay_rows() == [
        ("Spatiebalk", "Afspelen / pauzeren"),
        ("Shift+Pijl links", "30 seconden terug"),
        ("Esc", "Waarneming annuleren"),
        ("?", "Sneltoetsen"),
    ]


def test_adopted_undo_actions_keep_their_own_state_and_follow_the_active_stack(
    window: QMainWindow,
) -> None:
    group = QUndoGroup(window)
    first, second = QUndoStack(window), QUndoStack(window)
    group.addStack(first)
    group.addStack(second)
    registry = ActionRegistry(window)
    undo = registry.adopt(
        ActionSpec("edit.undo", "", lambda: None, ("Ctrl+Z",), overlay=200),
        group.createUndoAction(group, "&Ongedaan maken"),
    )
    assert isinstance(undo, QAction) and undo.shortcut().toString() == "Ctrl+Z"
    first.push(QUndoCommand("Waarneming toevoegen"))
    group.setActiveStack(second)
    registry.update()  # does not touch adopted actions
    assert not undo.isEnabled()
    group.setActiveStack(first)
    assert undo.isEnabled()
    assert registry.overlay_rows() == [("Ctrl+Z", "Ongedaan maken Waarneming toevoegen")]
