"""The team agenda reads its files (their text is de-identified again) and renders on a
background job: the GUI keeps running, the newest choice of files wins, closing cancels."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from tests.unit.test_team_agenda import LISTEN, person
from vknz_desktop.domain.goals import GoalStatus
from vknz_desktop.domain.summary import LearningSummary
from vknz_desktop.ui.features.learning.team_agenda_dialog import TeamAgendaDialog


def test_files_are_read_off_the_gui_thread_and_the_newest_choice_wins(qtbot: QtBot) -> None:
    release = threading.Event()
    threads: list[str] = []

    def load(paths: Sequence[Path]) -> tuple[Sequence[LearningSummary], Sequence[str]]:
        threads.append(threading.current_thread().name)
        release.wait(5)
        goals = [(LISTEN, "Doel", GoalStatus.ACTIEF)]
        return [person(i, goals) for i in range(len(paths))], []

    def render(summaries: Sequence[LearningSummary]) -> str:
        return f"<p>{len(summaries)} samenvattingen</p>"

    dialog = TeamAgendaDialog(load, render, lambda _count: None)
    qtbot.addWidget(dialog)
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(10)
    dialog.add_files([Path("a.json")])
    dialog.add_files([Path("b.json")])  # a second choice while the first is still read
    assert dialog.building and not dialog.save_button.isEnabled()
    qtbot.wait(300)
    assert len(ticks) >= 5, f"the event loop stood still: {len(ticks)} ticks in 300 ms"
    assert threads and all(name == "vknz-team-agenda" for name in threads)
    release.set()
    qtbot.waitUntil(lambda: not dialog.building, timeout=5000)
    timer.stop()
    assert len(dialog.summaries) == 2 and dialog.agenda_html == "<p>2 samenvattingen</p>"
    assert dialog.save_button.isEnabled()


def test_closing_cancels_a_run_that_is_still_going(qtbot: QtBot) -> None:
    started = threading.Event()

    def load(paths: Sequence[Path]) -> tuple[Sequence[LearningSummary], Sequence[str]]:
        started.set()
        time.sleep(0.3)
        return [person(0, [(LISTEN, "Doel", GoalStatus.ACTIEF)])], []

    dialog = TeamAgendaDialog(load, lambda s: "<p>agenda</p>", lambda _count: None)
    qtbot.addWidget(dialog)
    dialog.add_files([Path("a.json")])
    assert started.wait(5)
    dialog.reject()  # waits for the run, never shows it
    assert not dialog.building
    qtbot.wait(50)
    assert dialog.agenda_html == ""
