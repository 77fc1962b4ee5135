"""The summary preview on its own (a vault in memory, the real de-identification worker):
doubtful words marked and decided one by one (remembered), export only when all are decided,
the summary built on a background job (the GUI keeps running; a newer change wins; closing
cancels), files readable by the user only, and the dialog fitting a small screen at 200 %."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.fixtures.learning_fakes import MemoryGoals, MemorySource, observation, recording
from vknz_desktop.domain.models import Role
from vknz_desktop.services.goals import GoalService
from vknz_desktop.services.summary import BuiltSummary, SummaryOptions, SummaryService
from vknz_desktop.ui.common import file_dialogs
from vknz_desktop.ui.common.appearance import apply_appearance
from vknz_desktop.ui.features.learning.export import DeidentifierLoader, SummaryExport
from vknz_desktop.ui.features.learning.summary_preview import (
    DOUBTFUL,
    HIGHLIGHT,
    SummaryPreviewDialog,
)

WORDS = ("Zwelgvork", "Plonterbaan")  # made up: capitalised, in no word list


@pytest.fixture
def store() -> MemoryGoals:
    return MemoryGoals()


def make_export(store: MemoryGoals, goal: str, why: str = "") -> SummaryExport:
    from vknz_desktop.app import learning_backend

    backend = learning_backend()
    rec = recording("r1", "Gesprek", dt.date(2026, 9, 1), [("Wendelien Okkerse", Role.KLANT)])
    obs = observation("o1", "r1", "Wendelien vertelde over haar werk.")
    goals = GoalService(store)
    if not store.goals():
        goals.create_from_observations([obs], goal=goal, why=why)
    service = SummaryService(
        store, MemorySource([rec], [obs]), [], backend.deidentify, method=backend.method()
    )
    return SummaryExport(service, goals, backend, Role.KLANTMANAGER)


def open_dialog(qtbot: QtBot, export: SummaryExport) -> SummaryPreviewDialog:
    from vknz_desktop.export import deidentifier

    loader = DeidentifierLoader(deidentifier.preload, deidentifier.is_loaded, None)  # type: ignore[arg-type]
    dialog = SummaryPreviewDialog(export, export.goals.goals(), lambda e: e.item_id, loader)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_built(qtbot, dialog)
    return dialog


def wait_built(qtbot: QtBot, dialog: SummaryPreviewDialog) -> None:
    qtbot.waitUntil(lambda: dialog.built is not None and not dialog.building, timeout=10_000)


def test_doubtful_words_are_marked_decided_one_by_one_and_remembered(
    qtbot: QtBot, store: MemoryGoals, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    export = make_export(store, f"Minder praten over de {WORDS[0]} en de {WORDS[1]}")
    dialog = open_dialog(qtbot, export)
    assert dialog.built is not None
    assert list(dialog.built.doubtful) == list(WORDS)
    assert dialog.doubtful_box.isVisible() and dialog.doubtful_words == list(WORDS)
    assert dialog.doubtful_box.title() == "2 woorden om te controleren"
    html = dialog.preview.toHtml()
    assert DOUBTFUL.lower() in html.lower()  # marked in the preview itself
    # Export waits for a decision on every word, and says so.
    assert not dialog.save_button.isEnabled() and not dialog.confirm_check.isEnabled()
    print(f"why not yet: {dialog.save_reason.text()}")
    assert "(nog 2)" in dialog.save_reason.text()

    dialog.decide(WORDS[0], keep=False)  # a name after all: left out from now on
    wait_built(qtbot, dialog)
    assert dialog.doubtful_words == [WORDS[1]]
    assert WORDS[0] in store.terms and WORDS[0] not in dialog.preview.toPlainText()
    assert "[weggelaten]" in dialog.preview.toPlainText()
    assert dialog.doubtful_box.title() == "1 woord om te controleren"
    dialog.doubtful_list.setCurrentRow(0)
    dialog.keep_word_button.click()  # not a name: it stays
    wait_built(qtbot, dialog)
    assert store.accepted == [WORDS[1]] and WORDS[1] in dialog.preview.toPlainText()
    assert dialog.built is not None and dialog.built.doubtful == ()
    assert not dialog.doubtful_box.isVisible()
    assert dialog.confirm_check.isEnabled() and not dialog.save_button.isEnabled()
    dialog.confirm_check.setChecked(True)
    assert dialog.save_button.isEnabled()

    # Written for the user only (0600), exactly as previewed.
    target = tmp_path / "samenvatting.json"
    monkeypatch.setattr(file_dialogs, "choose_save_file", lambda *a, **k: target)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("json"))
    wait_built(qtbot, dialog)
    dialog.confirm_check.setChecked(True)
    dialog.save()
    assert target.stat().st_mode & 0o777 == 0o600
    assert WORDS[0] not in target.read_text(encoding="utf-8")

    # Remembered: the next preview asks nothing.
    again = open_dialog(qtbot, make_export(store, ""))
    assert again.built is not None and again.built.doubtful == ()
    assert not again.doubtful_box.isVisible()
    again.reject()


def test_the_summary_is_built_off_the_gui_thread_and_the_newest_change_wins(
    qtbot: QtBot, store: MemoryGoals
) -> None:
    export = make_export(store, "Laten uitpraten")
    dialog = open_dialog(qtbot, export)
    threads: list[str] = []
    real_build = export.build
    release = threading.Event()

    def slow_build(options: SummaryOptions) -> BuiltSummary:
        threads.append(threading.current_thread().name)
        release.wait(5)
        return real_build(options)

    export.build = slow_build  # type: ignore[method-assign]
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(10)
    shown: list[bool] = []
    dialog.previewShown.connect(lambda: shown.append(True))
    dialog.rebuild_now()
    dialog.exact_check.setChecked(True)  # a second change while the first still builds
    dialog.rebuild_now()
    assert dialog.building and not dialog.save_button.isEnabled()
    qtbot.wait(300)  # the GUI thread runs while both builds wait
    assert len(ticks) >= 5, f"the event loop stood still: {len(ticks)} timer ticks in 300 ms"
    assert threads and all(name == "vknz-summary-preview" for name in threads)
    assert threading.current_thread().name not in threads
    release.set()
    wait_built(qtbot, dialog)
    qtbot.wait(100)
    timer.stop()
    assert shown == [True]  # only the newest build was shown
    assert dialog.built is not None and dialog.built.summary.period.start.count("-") == 2


def test_closing_cancels_a_build_that_still_runs(qtbot: QtBot, store: MemoryGoals) -> None:
    export = make_export(store, "Laten uitpraten")
    dialog = open_dialog(qtbot, export)
    real_build = export.build
    started = threading.Event()

    def slow_build(options: SummaryOptions) -> BuiltSummary:
        started.set()
        time.sleep(0.3)
        return real_build(options)

    export.build = slow_build  # type: ignore[method-assign]
    shown: list[bool] = []
    dialog.previewShown.connect(lambda: shown.append(True))
    dialog.rebuild_now()
    assert started.wait(5)
    dialog.reject()  # waits for the build, never shows it; no thread is left behind
    assert not dialog.building
    qtbot.wait(50)
    assert shown == []


@pytest.fixture
def large_text() -> Iterator[None]:
    apply_appearance(200, False)
    yield
    apply_appearance(100, False)
    QApplication.processEvents()


def test_fits_a_1366_by_768_screen_at_200_percent(
    qtbot: QtBot, store: MemoryGoals, large_text: None
) -> None:
    from tests.ui.test_large_text_layout import cut_off

    export = make_export(store, "Laten uitpraten", why="Omdat ik dan beter luister.")
    dialog = open_dialog(qtbot, export)
    dialog.resize(1366, 768 - 40)  # the screen less a title bar
    qtbot.wait(100)
    hint = dialog.minimumSizeHint()
    print(f"at 200 %: minimum {hint.width()}×{hint.height()}, shown 1366×728")
    assert hint.width() <= 1366 and hint.height() <= 728
    assert dialog.width() == 1366 and dialog.height() == 728  # not grown past the screen
    # The confirmation and its buttons are on screen, whole.
    for widget in (dialog.confirm_text, dialog.confirm_check, dialog.save_button):
        bottom = widget.mapTo(dialog, widget.rect().bottomLeft()).y()
        assert widget.isVisible() and bottom <= dialog.height(), widget.accessibleName()
    assert not cut_off(dialog), cut_off(dialog)
    assert HIGHLIGHT  # the colour of replacements is unchanged
