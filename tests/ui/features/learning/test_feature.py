"""The leerdoelen feature on its own, through a fake Host: its actions, a hint instead of an
empty dialog, deduce loading once a vault opens, and forgetting everything at a lock."""

from __future__ import annotations

import threading
from types import SimpleNamespace

from pytestqt.qtbot import QtBot

from tests.fixtures.learning_fakes import MemoryGoals
from tests.ui.features.fakes import FakeHost, FakeSession, recording
from vknz_desktop.domain.models import Role
from vknz_desktop.ui.common import messages
from vknz_desktop.ui.common.identity import Identity
from vknz_desktop.ui.features.learning.export import LearningBackend
from vknz_desktop.ui.features.learning.feature import LearningFeature


def _backend(loaded: threading.Event, calls: list[str] | None = None) -> LearningBackend:
    def fail(*_args: object) -> str:
        raise AssertionError("not used in this test")

    said = calls if calls is not None else []
    return LearningBackend(
        deidentify=fail,  # type: ignore[arg-type]
        preload=loaded.set,
        is_loaded=loaded.is_set,
        method=lambda: "test",
        render=fail,  # type: ignore[arg-type]
        load_summaries=fail,  # type: ignore[arg-type]
        render_agenda=fail,  # type: ignore[arg-type]
        start_in_background=lambda: said.append("start_in_background"),
        stop=lambda: said.append("stop"),
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


def test_the_worker_starts_after_an_unlock_and_stops_when_the_vault_closes(
    host: FakeHost, qtbot: QtBot
) -> None:
    loaded = threading.Event()
    calls: list[str] = []
    feature = LearningFeature(host, _backend(loaded, calls))
    assert calls == []  # nothing before an unlock
    store = MemoryGoals()
    learning = SimpleNamespace(repository=store)
    host.unlock(
        FakeSession(identity=Identity(Role.KLANTMANAGER, " Sam Fictief "), learning=learning)
    )
    # Started at low priority and returned at once: nobody waits for deduce at an unlock.
    assert calls == ["start_in_background"] and not loaded.is_set()
    # The user's own name joins the vault's name register, so no summary ever carries it.
    assert store.registered_names() == ["Sam Fictief"]
    feature.shutdown()  # the shell calls this before the vault closes (lock, quit)
    assert calls == ["start_in_background", "stop"]


def test_no_name_registered_without_one(host: FakeHost) -> None:
    LearningFeature(host, _backend(threading.Event()))
    store = MemoryGoals()
    host.unlock(FakeSession(learning=SimpleNamespace(repository=store)))
    assert store.registered_names() == []


def test_the_goals_page_has_its_own_undo_stack_and_a_lock_forgets_it(host: FakeHost) -> None:
    feature = LearningFeature(host, _backend(threading.Event()))
    stack = feature.goals_view.undo_stack
    assert stack in host.undo_group.stacks()
    assert host.titles[feature.goals_view]() == "Leerdoelen — VKNZ"  # type: ignore[misc]
    feature.shutdown()
    assert stack.count() == 0 and feature.goals_view.current_goal() is None
