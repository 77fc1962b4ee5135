"""Leerdoelen and the learning summary in the real app: a goal from observations, editing with
undo, playing evidence, the preview with highlighted replacements, writing only after
confirmation, the team agenda, and waiting for deduce with progress."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from tests.ui.conftest import learning, review, unlock
from vknz_desktop.domain.goals import GoalStatus, LearningGoal
from vknz_desktop.domain.models import AuditAction
from vknz_desktop.paths import AppPaths
from vknz_desktop.services.goals import GoalService
from vknz_desktop.services.observations import ObservationService
from vknz_desktop.storage.goals_repo import GoalRepository
from vknz_desktop.storage.vault import Vault
from vknz_desktop.ui.common import file_dialogs, messages
from vknz_desktop.ui.features.learning.export import DeidentifierLoader
from vknz_desktop.ui.features.learning.goal_dialog import GoalDialog
from vknz_desktop.ui.features.learning.summary_preview import HIGHLIGHT, SummaryPreviewDialog
from vknz_desktop.ui.features.learning.team_agenda_dialog import TeamAgendaDialog
from vknz_desktop.ui.shell.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def add_observations(paths: AppPaths, recording_id: str) -> list[str]:
    with Vault.open(paths.vault_dir, PASSPHRASE) as vault:
        service = ObservationService(vault)
        made = [
            service.create(
                recording_id,
                1000,
                text="Klant Fictief vertelt over haar werk bij Bakkerij Van Dongen.",
                profile_id="klantgesprek",
                theme_id="luisteren",
            ),
            service.create(
                recording_id,
                5000,
                text="Stilte van acht seconden.",
                profile_id="klantgesprek",
                theme_id="luisteren",
            ),
            service.create(recording_id, 7000, text="Ik kijk op de klok."),
        ]
    return [o.id for o in made]


def add_goal(paths: AppPaths, observation_ids: list[str], **fields: object) -> LearningGoal:
    with Vault.open(paths.vault_dir, PASSPHRASE) as vault:
        observations = [o for o in (vault.observation(i) for i in observation_ids) if o]
        return GoalService(GoalRepository(vault)).create_from_observations(
            observations,
            **fields,  # type: ignore[arg-type]
        )


def stored_goals(window: MainWindow) -> list[LearningGoal]:
    assert window.vault is not None
    return GoalRepository(window.vault).goals()  # type: ignore[arg-type]


def wait_built(qtbot: QtBot, dialog: SummaryPreviewDialog) -> None:
    """The preview builds on a background job: wait until the latest build is shown."""
    qtbot.waitUntil(lambda: dialog.built is not None and not dialog.building, timeout=10_000)


def last_dialog(window: MainWindow, kind: type[QObject]) -> QObject:
    dialogs = [d for d in learning(window).open_dialogs() if isinstance(d, kind)]
    assert dialogs, f"no {kind.__name__} open"
    return dialogs[-1]


def test_goal_from_selected_observations(
    window: MainWindow, demo_vault: dict[str, str], paths: AppPaths, qtbot: QtBot
) -> None:
    ids = add_observations(paths, demo_vault["video"])
    window.show()
    unlock(window)
    window.open_recording(demo_vault["video"])
    listing = window.workspace.observation_list
    QTest.keyClick(window, Qt.Key.Key_G, CTRL | SHIFT)
    assert not learning(window).open_dialogs(), "nothing selected: no dialog, a hint instead"
    assert "Kies eerst" in window.statusBar().currentMessage()
    listing.select(ids[0])
    listing.table.selectionModel().select(
        listing.proxy.mapFromSource(listing.model.index(listing.model.row_of(ids[1]), 0)),
        listing.table.selectionModel().SelectionFlag.Select
        | listing.table.selectionModel().SelectionFlag.Rows,
    )
    assert listing.selected_ids() == ids[:2]
    QTest.keyClick(window, Qt.Key.Key_G, CTRL | SHIFT)
    dialog = last_dialog(window, GoalDialog)
    assert isinstance(dialog, GoalDialog)
    assert dialog.checked_ids() == ids[:2]
    assert not dialog.ok_button.isEnabled(), "a new goal needs words first"
    QTest.keyClicks(dialog.goal_edit, "Stiltes laten vallen")
    assert "Luisteren" in dialog.theme_label.text()
    QTest.keyClick(dialog.ok_button, Qt.Key.Key_Space)
    goals = stored_goals(window)
    assert len(goals) == 1
    goal = goals[0]
    assert goal.goal == "Stiltes laten vallen" and goal.theme_id == "luisteren"
    assert [e.item_id for e in goal.evidence] == ids[:2]
    assert "Leerdoel bewaard" in window.statusBar().currentMessage()

    QTest.keyClick(window, Qt.Key.Key_G, CTRL)
    view = learning(window).goals_view
    assert window.stack.currentWidget() is view
    assert window.workspace.recording is None
    view.select_goal(goal.id)
    assert view.current_goal() == goal
    assert view.evidence_list.count() == 2
    assert "Stilte van acht seconden." in view.evidence_list.item(1).text()
    assert view.tree.topLevelItem(0).text(0) == "Actief (1)"


def test_goals_view_edit_with_undo_and_play_evidence(
    window: MainWindow, demo_vault: dict[str, str], paths: AppPaths, qtbot: QtBot
) -> None:
    ids = add_observations(paths, demo_vault["video"])
    goal = add_goal(paths, ids[1:2], goal="Stiltes")
    window.show()
    unlock(window)
    learning(window).show_goals(goal.id)
    view = learning(window).goals_view
    assert view.current_goal() is not None
    view.goal_edit.setFocus()
    view.goal_edit.end(False)
    QTest.keyClicks(view.goal_edit, " laten vallen")
    assert stored_goals(window)[0].goal == "Stiltes laten vallen", "saved at once"
    QTest.keyClick(view.goal_edit, Qt.Key.Key_Z, CTRL)  # one undo step for the typing
    assert stored_goals(window)[0].goal == "Stiltes"
    assert view.goal_edit.text() == "Stiltes"
    QTest.keyClick(view.goal_edit, Qt.Key.Key_Z, CTRL | SHIFT)
    assert stored_goals(window)[0].goal == "Stiltes laten vallen"

    view.status_box.setFocus()
    QTest.keyClick(view.status_box, Qt.Key.Key_Down)
    assert stored_goals(window)[0].status is GoalStatus.GEOEFEND
    assert view.tree.topLevelItem(1).text(0) == "Geoefend (1)"
    QTest.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert stored_goals(window)[0].status is GoalStatus.ACTIEF

    view.tree.setFocus()
    QTest.keyClick(view.tree, Qt.Key.Key_Delete)
    assert stored_goals(window) == []
    QTest.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert [g.id for g in stored_goals(window)] == [goal.id]

    view.select_goal(goal.id)
    view.evidence_list.setFocus()
    view.evidence_list.setCurrentRow(0)
    QTest.keyClick(view.evidence_list, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.workspace
    assert window.workspace.recording is not None
    assert window.workspace.recording.id == demo_vault["video"]
    controller = window.context.controller
    qtbot.waitUntil(lambda: controller.position_ms() >= 5000, timeout=8000)
    controller.pause()


def test_preview_highlights_replacements_and_writes_only_after_confirm(
    window: MainWindow,
    demo_vault: dict[str, str],
    paths: AppPaths,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ids = add_observations(paths, demo_vault["video"])
    add_goal(
        paths,
        ids[:2],
        goal="Klant Fictief laten uitpraten",
        why="Ze woont aan de Zonnebloemhof 14 en praat veel over Wobbelsma.",
    )
    target = tmp_path / "samenvatting.html"
    asked: list[str] = []

    def save_name(*args: object, **kwargs: object) -> Path:
        asked.append(str(args[2]))
        return target

    monkeypatch.setattr(file_dialogs, "choose_save_file", save_name)
    window.show()
    unlock(window)
    QTest.keyClick(window, Qt.Key.Key_E, CTRL)
    dialog = last_dialog(window, SummaryPreviewDialog)
    assert isinstance(dialog, SummaryPreviewDialog)
    assert dialog.pages.currentWidget() is not dialog.wait_page, "deduce is loaded: no waiting"
    wait_built(qtbot, dialog)
    with qtbot.waitSignal(dialog.previewShown):
        dialog.format_box.setCurrentIndex(dialog.format_box.findData("html"))
    assert dialog.built is not None
    html = dialog.preview.toHtml().lower()
    assert HIGHLIGHT.lower() in html
    assert "fictief" not in html and "zonnebloemhof" not in html
    assert "wobbelsma" in html  # not recognised on its own …
    count = dialog.built.replacements
    assert f"{count} vervangingen" in dialog.count_label.text()

    # … so the user adds it as a term (kept in the vault) and the preview is re-run.
    QTest.keyClicks(dialog.term_edit, "Wobbelsma")
    QTest.keyClick(dialog.term_edit, Qt.Key.Key_Return)
    wait_built(qtbot, dialog)
    assert "wobbelsma" not in dialog.preview.toHtml().lower()
    assert dialog.built.replacements == count + 1
    assert GoalRepository(window.vault).extra_terms() == ["Wobbelsma"]  # type: ignore[arg-type]

    # Leaving out one observation.
    goal_item = dialog.items.topLevelItem(0)
    goal_item.child(1).setCheckState(0, Qt.CheckState.Unchecked)
    dialog.rebuild_now()
    wait_built(qtbot, dialog)
    assert "acht seconden" not in dialog.preview.toHtml()
    assert "1 onderdeel weggelaten" in dialog.count_label.text()
    for word in dialog.doubtful_words:  # checked by the user (the preview's own test does more)
        dialog.decide(word, keep=True)
        wait_built(qtbot, dialog)

    # Nothing is written before the confirmation.
    assert not dialog.save_button.isEnabled()
    dialog.save()
    assert not target.exists() and not asked
    dialog.confirm_check.setChecked(True)
    assert dialog.save_button.isEnabled()
    QTest.keyClick(dialog.save_button, Qt.Key.Key_Space)
    assert asked and asked[0].endswith(".html")
    written = target.read_text(encoding="utf-8")
    assert written == dialog.export.render(dialog.built, "html")  # exactly what was shown
    assert "background-color" not in written.split("</style>")[1]
    assert "Fictief" not in written and "Wobbelsma" not in written
    assert window.vault is not None
    exports = [e for e in window.vault.audit_entries() if e.action is AuditAction.EXPORT]
    assert len(exports) == 1
    assert exports[0].details["format"] == "html"
    assert "Fictief" not in str(exports[0].details)


def test_pdf_from_the_preview(
    window: MainWindow,
    demo_vault: dict[str, str],
    paths: AppPaths,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add_goal(paths, add_observations(paths, demo_vault["video"])[:1], goal="Doel noemen")
    target = tmp_path / "uit.pdf"
    monkeypatch.setattr(file_dialogs, "choose_save_file", lambda *a, **k: target)
    window.show()
    unlock(window)
    dialog = learning(window).show_summary_preview()
    assert dialog is not None
    assert dialog.file_format() == "pdf"
    wait_built(qtbot, dialog)
    assert dialog.built is not None and dialog.built.doubtful == ()
    dialog.confirm_check.setChecked(True)
    dialog.save()
    written = tmp_path / "uit.pdf"
    assert written.read_bytes().startswith(b"%PDF")


def test_team_agenda_in_the_app(
    window: MainWindow,
    demo_vault: dict[str, str],
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.unit.test_team_agenda import LISTEN, person
    from vknz_desktop.export.render import render_json

    files = []
    for index in range(3):
        path = tmp_path / f"s{index}.json"
        path.write_text(
            render_json(person(index, [(LISTEN, f"Leerdoel {index}", GoalStatus.ACTIEF)])),
            encoding="utf-8",
        )
        files.append(path)
    broken = tmp_path / "kapot.json"
    broken.write_text("{", encoding="utf-8")
    target = tmp_path / "agenda.html"
    monkeypatch.setattr(file_dialogs, "choose_save_file", lambda *a, **k: target)
    window.show()
    unlock(window)
    dialog = learning(window).show_team_agenda([*files, broken])
    assert isinstance(dialog, TeamAgendaDialog)
    qtbot.waitUntil(lambda: not dialog.building, timeout=20_000)  # read on a background job
    assert len(dialog.summaries) == 3
    assert dialog.problems.count() == 1
    assert dialog.problems.item(0).text().startswith("kapot.json: geen geldige JSON")
    assert "3 mensen werken hieraan" in dialog.agenda_html
    dialog.save()
    assert target.read_text(encoding="utf-8") == dialog.agenda_html
    assert target.stat().st_mode & 0o777 == 0o600  # readable by the user only
    assert window.vault is not None
    last = window.vault.audit_entries()[-1]
    assert last.action is AuditAction.EXPORT and last.details == {
        "kind": "teamleeragenda",
        "summaries": 3,
    }


def test_session_end_makes_a_goal_and_lock_forgets_everything(
    window: MainWindow,
    demo_vault: dict[str, str],
    paths: AppPaths,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ids = add_observations(paths, demo_vault["video"])
    window.show()
    unlock(window)
    review(window).goalsRequested.emit("sessie-1", ids[:2])  # wired by the composition root
    dialog = last_dialog(window, GoalDialog)
    assert isinstance(dialog, GoalDialog)
    dialog.goal_edit.setText("Samen terugkijken: stiltes")
    dialog.accept()
    goal = stored_goals(window)[0]
    assert goal.session_id == "sessie-1" and len(goal.evidence) == 2
    learning(window).show_goals(goal.id)
    preview = learning(window).show_summary_preview()
    assert preview is not None and preview.isVisible()
    monkeypatch.setattr(messages, "warn", lambda *a, **k: None)
    window.lock()
    assert learning(window).goals_view.tree.topLevelItemCount() == 0
    assert learning(window).goals_view.goal_edit.text() in ("", "Samen terugkijken: stiltes")
    assert learning(window).goals_view.current_goal() is None
    assert not preview.isVisible()
    assert not window.registry.action("learning.goals").isEnabled()
    unlock(window)
    assert window.registry.action("learning.goals").isEnabled()


def test_export_waits_for_the_lookup_tables_with_progress(
    window: MainWindow, demo_vault: dict[str, str], paths: AppPaths, qtbot: QtBot
) -> None:
    """With deduce still loading, the preview shows progress, then builds by itself."""
    add_goal(paths, add_observations(paths, demo_vault["video"])[:1], goal="Doel noemen")
    window.show()
    unlock(window)
    release = threading.Event()
    state = {"loaded": False}

    def slow_preload() -> None:
        release.wait(10)
        state["loaded"] = True

    loader = DeidentifierLoader(slow_preload, lambda: state["loaded"], window)
    export = learning(window).summary_export()
    assert export is not None
    dialog = SummaryPreviewDialog(
        export, export.goals.goals(), learning(window).evidence_label, loader, window
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.pages.currentWidget() is dialog.wait_page
    assert loader.busy
    assert dialog.wait_progress.maximum() == 0  # busy indicator
    assert "geladen" in dialog.wait_label.text()
    release.set()
    qtbot.waitUntil(lambda: dialog.built is not None, timeout=5000)
    assert dialog.pages.currentWidget() is not dialog.wait_page
    qtbot.waitUntil(lambda: not loader.busy, timeout=5000)
    dialog.reject()


def test_end_of_review_and_shortcuts_overlay(
    window: MainWindow, demo_vault: dict[str, str], paths: AppPaths
) -> None:
    ids = add_observations(paths, demo_vault["video"])
    window.show()
    unlock(window)
    assert not window.registry.action("learning.end_review").isEnabled()
    window.open_recording(demo_vault["video"])
    assert window.registry.action("learning.end_review").isEnabled()
    window.registry.action("learning.end_review").trigger()
    dialog = last_dialog(window, GoalDialog)
    assert isinstance(dialog, GoalDialog)
    assert dialog.list.count() == len(ids) and dialog.checked_ids() == []
    dialog.reject()
    rows = dict((meaning, keys) for keys, meaning in window.shortcut_rows())
    assert rows["Leerdoelen"] == "Ctrl+G"
    assert rows["Leersamenvatting maken"] == "Ctrl+E"
    assert rows["Leerdoel maken van geselecteerde waarnemingen"] == "Ctrl+Shift+G"


def test_a_fragment_as_evidence_plays_and_goes_into_the_summary(
    window: MainWindow, demo_vault: dict[str, str], paths: AppPaths
) -> None:
    from vknz_desktop.services.clips import ClipService
    from vknz_desktop.storage.fragments_repo import FragmentsRepository

    with Vault.open(paths.vault_dir, PASSPHRASE) as vault:
        clip = ClipService(FragmentsRepository(vault)).create(
            demo_vault["video"],
            3000,
            6000,
            title="Stilte laten vallen",
            note="Klant Fictief wacht en vertelt dan verder.",
            theme_id="luisteren",
        )
    window.show()
    unlock(window)
    window.open_recording(demo_vault["video"])
    window.workspace.clips.select(clip.id)
    QTest.keyClick(window, Qt.Key.Key_G, CTRL | SHIFT)
    dialog = last_dialog(window, GoalDialog)
    assert isinstance(dialog, GoalDialog)
    assert dialog.checked_clip_ids() == [clip.id]
    dialog.goal_edit.setText("Stiltes laten vallen")
    dialog.accept()
    goal = stored_goals(window)[0]
    assert [(e.kind.value, e.item_id, e.time_ms) for e in goal.evidence] == [
        ("clip", clip.id, 3000)
    ]
    learning(window).show_goals(goal.id)
    view = learning(window).goals_view
    assert "Stilte laten vallen" in view.evidence_list.item(0).text()
    export = learning(window).summary_export()
    assert export is not None
    from vknz_desktop.services.summary import SummaryOptions

    summary = export.build(SummaryOptions()).summary
    evidence = summary.goals[0].evidence
    assert [e.kind for e in evidence] == ["fragment"]
    assert "Fictief" not in evidence[0].text and "[persoon]" in evidence[0].text
    assert evidence[0].text.startswith("Stilte laten vallen — ")  # title, then the note
    built = export.build(SummaryOptions())
    markdown = export.render(built, "md")
    assert "Stilte laten vallen — " in markdown
    # How it was de-identified, in words a coach understands (the version is still there).
    assert "Geanonimiseerd met" not in markdown
    assert "door een programma dat Nederlandse namen, adressen, datums en nummers" in markdown
    assert "(deduce, versie 3." in markdown
    view.evidence_list.setCurrentRow(0)
    view.play_current_evidence()
    assert window.workspace.recording is not None
    assert window.context.controller.position_ms() >= 3000
    window.context.controller.pause()


def test_a_lock_ends_the_wait_for_the_worker_without_an_error(qtbot: QtBot) -> None:
    """The loader's thread stops waiting when its job is cancelled (lock, quit): no thread
    outlives the vault, and nothing is reported as a failure."""
    from PySide6.QtCore import QObject

    waited: list[float] = []

    def never_ready(progress: Callable[[float], None]) -> None:
        while True:
            progress(len(waited))
            waited.append(0.0)
            threading.Event().wait(0.02)

    owner = QObject()
    loader = DeidentifierLoader(lambda: None, lambda: False, owner, never_ready)
    failures: list[str] = []
    loader.failed.connect(failures.append)
    loader.start()
    qtbot.waitUntil(lambda: len(waited) > 2, timeout=2000)
    loader.cancel()
    qtbot.waitUntil(lambda: not loader.busy, timeout=2000)
    assert failures == [] and loader.error is None
