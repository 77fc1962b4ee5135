"""The leerdoelen feature on its own, through a fake Host: its actions, a hint instead of an
empty dialog, deduce loading once a vault opens, and forgetting everything at a lock."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from tests.ui.features.fakes import FakeHost, FakeSession, recording
from vknz_desktop.ui.common import messages
from vknz_desktop.ui.features.learning.export import LearningBackend
from vknz_desktop.ui.features.learning.feature import LearningFeature


def _backend(loaded: threading.Event) -> LearningBackend:
    def fail(*_args: object) -> str:
        raise AssertionError("not used in this test")

    return LearningBackend(
        deidentify=fail,  # type: ignore[arg-type]
        preload=loaded.set,
        is_loaded=loaded.is_set,
        method=lambda: "test",
        render=fail,  # type: ignore[arg-type]
        load_summaries=fail,  # type: ignore[arg-type]
        render_agenda=fail,  # type: ignore[arg-type]
    )


def test_actions_need_a_vault_or_a_recording(host: FakeHost) -> None:
    LearningFeature(host, _backend(threading.Event()))
    file_menu = [a.text() or "---" for a in host.registry.menu("file").actions()]
    assert file_menu == ["&Leerdoelen", "Leer&samenvatting maken…", "&Teamleeragenda…"]
    goals = host.registry.action("learning.goals")
    end = host.registry.action("learning.end_review")
    assert not goals.isEnabled() and goals.toolTip() == "Ontgrendel eerst de kluis."
    host.unlock(FakeSession())
    assert goals.isEnabled() and not end.isEnabled()
    assert end.toolTip() == "Open eerst een opname."
    assert goals.shortcut().toString() == "Ctrl+G"


def test_a_goal_from_nothing_selected_gives_a_hint(host: FakeHost, qtbot: QtBot) -> None:
    feature = LearningFeature(host, _backend(threading.Event()))
    host.workspace.recording = recording()
    host.unlock(FakeSession())
    with qtbot.waitSignal(messages.bridge().statusShown) as status:
        feature.new_goal_from_selection()
    assert "Kies eerst" in status.args[0]
    assert feature.open_dialogs() == []


def test_deduce_loads_in_the_background_once_a_vault_opens(host: FakeHost, qtbot: QtBot) -> None:
    loaded = threading.Event()
    feature = LearningFeature(host, _backend(loaded))
    assert not loaded.is_set()  # nothing before an unlock
    host.unlock(FakeSession())
    qtbot.waitUntil(lambda: loaded.is_set() and not feature.loader.busy, timeout=5000)
    assert feature.loader.ready


def test_the_goals_page_has_its_own_undo_stack_and_a_lock_forgets_it(host: FakeHost) -> None:
    feature = LearningFeature(host, _backend(threading.Event()))
    stack = feature.goals_view.undo_stack
    assert stack in host.undo_group.stacks()
    assert host.titles[feature.goals_view]() == "Leerdoelen — VKNZ"  # type: ignore[misc]
    feature.shutdown()
    assert stack.count() == 0 and feature.goals_view.current_goal() is None
