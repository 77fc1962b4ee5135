"""Fragments and reviewing together in the real app: clips by keyboard and mouse, preparing and
running a session with two columns, klant feedback with consent, compare side by side in sync,
and keeping fragments only."""

from __future__ import annotations

import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from tests.fixtures import media_facts as facts
from tests.integration.helpers import (
    distinctive_blocks,
    files_containing,
    onderzoeker_session,
    register_onderzoeker,
)
from tests.ui.conftest import review, wait_until_position
from vknz_desktop.domain.models import (
    AuditAction,
    ConsentScope,
    Participant,
    Role,
    SharingState,
)
from vknz_desktop.services.clips import ClipService
from vknz_desktop.services.observations import ObservationService
from vknz_desktop.services.recordings import make_consent
from vknz_desktop.services.review_sessions import ReviewSessionService
from vknz_desktop.storage.fragments_repo import FragmentsRepository
from vknz_desktop.ui.common import messages
from vknz_desktop.ui.common.identity import Identity
from vknz_desktop.ui.features.review.session_view import SessionOverviewDialog
from vknz_desktop.ui.library.library_view import RecordingTableModel
from vknz_desktop.ui.shell.main_window import MainWindow


def unlock_as(window: MainWindow, role: Role, name: str = "Tester") -> None:
    """Unlock as ``role`` (the unlock dialog has its own tests), as the active window."""
    vault = window.context.gateway.open("paard batterij nietje")
    window.open_vault(vault, Identity(role, name))
    if not window.isVisible():
        window.show()
    window.activateWindow()
    QTest.qWaitForWindowActive(window)


def repo(window: MainWindow) -> FragmentsRepository:
    assert window.vault is not None
    return FragmentsRepository(window.vault)  # type: ignore[arg-type]


def allow(window: MainWindow, recording_id: str, *scopes: ConsentScope) -> None:
    assert window.vault is not None
    window.vault.set_consent(
        recording_id,
        make_consent(scopes, given_by=Role.KLANT, given_on=dt.date(2026, 11, 1)),
        role=Role.ONDERZOEKER,
    )


def media_offset_ms(samples: list[tuple[float, int]]) -> float:
    """Where a player really is, as (media time - wall clock) in ms, from its own coarse clock.

    libVLC's time moves in steps; the moments it changes show the true position then. Playing
    at 1x, media time minus wall time is constant: its mean over the steps is the estimate.
    """
    steps = [
        (moment, value)
        for (moment, value), (_before, previous) in zip(samples[1:], samples, strict=False)
        if value != previous
    ]
    assert len(steps) >= 3, f"too few clock steps: {steps}"
    return statistics.mean(value - moment * 1000 for moment, value in steps)


def key(window: MainWindow, k: Qt.Key, modifier: Qt.KeyboardModifier | None = None) -> None:
    if modifier is None:
        QTest.keyClick(window, k)
    else:
        QTest.keyClick(window, k, modifier)


# -- clips ------------------------------------------------------------------------------------
def test_clips_by_keyboard_with_undo_and_navigation(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    unlock_as(window, Role.KLANTMANAGER)
    window.open_recording(demo_vault["video"])
    workspace = window.workspace
    clips = workspace.clips
    controller = window.context.controller
    assert clips.isVisible() and clips.clips == []

    controller.seek(1000)
    key(window, Qt.Key.Key_I)
    assert clips.marks == (1000, None)
    assert [c.id for c in workspace.timeline.clips()] == ["__mark__"]
    controller.seek(2500)
    key(window, Qt.Key.Key_O)
    assert [(c.start_ms, c.end_ms) for c in clips.clips] == [(1000, 2500)]
    assert clips.marks == (None, None)
    assert [(c.start_ms, c.end_ms) for c in workspace.timeline.clips()] == [(1000, 2500)]
    # Out before in works too.
    controller.seek(6000)
    key(window, Qt.Key.Key_O)
    controller.seek(4000)
    key(window, Qt.Key.Key_I)
    assert [(c.start_ms, c.end_ms) for c in clips.clips] == [(1000, 2500), (4000, 6000)]
    assert [(c.start_ms, c.end_ms) for c in repo(window).clips(demo_vault["video"])] == [
        (1000, 2500),
        (4000, 6000),
    ]

    key(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [(c.start_ms, c.end_ms) for c in repo(window).clips(demo_vault["video"])] == [
        (1000, 2500)
    ]
    key(
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert len(repo(window).clips(demo_vault["video"])) == 2

    # Title, theme and note are stored as typed; one undo step per field.
    first = clips.clips[0]
    clips.select(first.id)
    QTest.keyClicks(clips.title_edit, "Begroeting")
    clips.flush_edits()
    assert repo(window).clip(first.id).title == "Begroeting"  # type: ignore[union-attr]
    clips.theme_box.setCurrentIndex(1)
    clips.theme_box.activated.emit(1)
    assert repo(window).clip(first.id).theme_id == clips.theme_box.itemData(1)  # type: ignore[union-attr]
    QTest.keyClicks(clips.note_edit, "Let op de hand")
    clips.flush_edits()
    assert repo(window).clip(first.id).note == "Let op de hand"  # type: ignore[union-attr]
    window.activateWindow()
    workspace.video.setFocus()
    key(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert repo(window).clip(first.id).note == ""  # type: ignore[union-attr]
    key(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    key(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert repo(window).clip(first.id).title == ""  # type: ignore[union-attr]
    key(
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert repo(window).clip(first.id).title == "Begroeting"  # type: ignore[union-attr]

    # Shift+I / Shift+O move the chosen clip's ends to the play head.
    controller.seek(800)
    key(window, Qt.Key.Key_I, Qt.KeyboardModifier.ShiftModifier)
    controller.seek(3000)
    key(window, Qt.Key.Key_O, Qt.KeyboardModifier.ShiftModifier)
    assert (clips.clips[0].start_ms, clips.clips[0].end_ms) == (800, 3000)

    # ] and [ step between clips.
    controller.seek(0)
    key(window, Qt.Key.Key_BracketRight)
    assert controller.position_ms() == 800 and clips.selected_id() == clips.clips[0].id
    key(window, Qt.Key.Key_BracketRight)
    assert controller.position_ms() == 4000 and clips.selected_id() == clips.clips[1].id
    controller.seek(5800)
    key(window, Qt.Key.Key_BracketLeft)
    assert controller.position_ms() == 4000
    key(window, Qt.Key.Key_BracketLeft)
    assert controller.position_ms() == 800

    # P plays the chosen clip and stops at its end.
    clips.select(clips.clips[0].id)
    key(window, Qt.Key.Key_P)
    assert controller.playing
    qtbot.waitUntil(lambda: not controller.playing, timeout=8000)
    assert abs(controller.position_ms() - 3000) <= 50


def test_loop_plays_the_clip_again(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    unlock_as(window, Role.KLANTMANAGER)
    ClipService(repo(window)).create(demo_vault["video"], 1000, 2000)
    window.open_recording(demo_vault["video"])
    clips = window.workspace.clips
    controller = window.context.controller
    clips.select(clips.clips[0].id)
    key(window, Qt.Key.Key_H)
    assert clips.loop_button.isChecked()
    key(window, Qt.Key.Key_P)
    seen: list[int] = []
    controller.positionChanged.connect(seen.append)
    qtbot.waitUntil(lambda: any(p >= 1900 for p in seen), timeout=8000)
    reached = max(i for i, p in enumerate(seen) if p >= 1900)
    qtbot.waitUntil(lambda: any(p < 1500 for p in seen[reached:]), timeout=8000)
    assert controller.playing
    assert all(p <= 2000 + 400 for p in seen)
    controller.pause()


def test_clip_handles_dragged_on_the_timeline(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    unlock_as(window, Role.KLANTMANAGER)
    clip = ClipService(repo(window)).create(demo_vault["video"], 2000, 4000)
    window.open_recording(demo_vault["video"])
    timeline = window.workspace.timeline
    timeline.zoom_to_fit()
    lane = timeline.lane_rect("clips")
    y = lane.center().y()
    start_x = round(timeline.time_to_x(4000)) - 1
    end_x = round(timeline.time_to_x(5500))
    QTest.mousePress(
        timeline, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(start_x, y)
    )
    for x in range(start_x, end_x + 1, 10):
        QTest.mouseMove(timeline, QPoint(x, y))
    QTest.mouseMove(timeline, QPoint(end_x, y))
    QTest.mouseRelease(
        timeline, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(end_x, y)
    )
    stored = repo(window).clip(clip.id)
    assert stored is not None and stored.start_ms == 2000
    assert abs(stored.end_ms - 5500) <= 40  # a pixel is ~6 ms at this width
    assert window.workspace.clips.selected_id() == clip.id
    key(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert repo(window).clip(clip.id).end_ms == 4000  # type: ignore[union-attr]
    assert [(c.start_ms, c.end_ms) for c in timeline.clips()] == [(2000, 4000)]
    # Delete in the list, and undo brings it back.
    window.workspace.clips.select(clip.id)
    QTest.keyClick(window.workspace.clips.table, Qt.Key.Key_Delete)
    assert repo(window).clips(demo_vault["video"]) == []
    key(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [c.id for c in repo(window).clips(demo_vault["video"])] == [clip.id]


def test_shortcuts_overlay_lists_the_fragment_keys(
    window: MainWindow, demo_vault: dict[str, str]
) -> None:
    unlock_as(window, Role.KLANTMANAGER)
    rows = dict((meaning, keys) for keys, meaning in window.shortcut_rows())
    assert rows["Begin van een fragment"] == "I"
    assert rows["Einde van een fragment"] == "O"
    assert rows["Fragment afspelen"] == "P"
    assert rows["Volgend fragment"] == "]"
    assert rows["Sessies voorbereiden"] == "Ctrl+Shift+P"
    window.show_library()
    keep = window.registry.action("review.keep_fragments")
    assert not keep.isEnabled() and keep.toolTip() == "Open eerst een opname."
    assert not window.registry.action("review.mark_in").isEnabled()
    assert window.registry.action("review.prepare").isEnabled()


# -- preparing and running a session ----------------------------------------------------------
def test_prepare_playlist_and_run_a_session_with_two_columns(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    unlock_as(window, Role.ONDERZOEKER, "Ans")
    video, audio = demo_vault["video"], demo_vault["audio"]
    allow(window, audio, ConsentScope.SELF)  # only for reviewing alone
    service = ClipService(repo(window))
    a = service.create(video, 1000, 3000, title="Begroeting")
    b = service.create(video, 4000, 6000, title="Afspraak")
    private = service.create(audio, 500, 1500, title="Telefoon")
    monkeypatch.setattr(messages, "warn", lambda *args, **kwargs: None)

    key(
        window,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    page = review(window).prepare_page
    assert window.stack.currentWidget() is page
    QTest.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert page.session is not None
    page.title_edit.selectAll()
    QTest.keyClicks(page.title_edit, "Met Ans")
    QTest.keyClick(page.title_edit, Qt.Key.Key_Return)
    page.add_participant("Ans", Role.ONDERZOEKER)
    page.add_participant("Sam", Role.KLANTMANAGER)
    session = page.session
    assert session.title == "Met Ans"
    assert [(p.display_name, p.role) for p in session.participants] == [
        ("Ans", Role.ONDERZOEKER),
        ("Sam", Role.KLANTMANAGER),
    ]

    # The recording with "alleen zelf terugkijken" is refused, with the reason shown.
    assert not page.add_clip(private.id)
    assert page.reason_label.isVisible()
    assert "alleen zelf terugkijken" in page.reason_label.text()
    for clip in (a, b):
        assert page.add_clip(clip.id)
    assert page.playlist.count() == 2

    # Reorder by drag and drop (the move the list view makes on a drop) and by keyboard.
    page.playlist.setCurrentRow(1)
    assert page.playlist.model().moveRow(
        page.playlist.model().index(1, 0).parent(), 1, page.playlist.model().index(0, 0).parent(), 0
    )
    qtbot.waitUntil(
        lambda: [e.clip.id for e in review(window).prepare_page.entries] == [b.id, a.id],
        timeout=2000,
    )
    page.playlist.setCurrentRow(0)
    page.move_item(1)
    assert [e.clip.id for e in page.entries] == [a.id, b.id]
    # Prompts per fragment, stored as typed.
    page.playlist.setCurrentRow(0)
    QTest.keyClicks(page.prompt_edit, "Wat doe je om de klant op zijn gemak te stellen?")
    page.playlist.setCurrentRow(1)
    QTest.keyClicks(page.prompt_edit, "Wie maakt de afspraak?")
    page.flush()
    sessions = ReviewSessionService(repo(window), window.vault, window.vault)  # type: ignore[arg-type]
    assert [e.item.prompt for e in sessions.playlist(session.id)] == [
        "Wat doe je om de klant op zijn gemak te stellen?",
        "Wie maakt de afspraak?",
    ]

    # Session mode.
    QTest.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    view = review(window).session_view
    assert window.stack.currentWidget() is view
    assert view.counter_label.text() == "Fragment 1 van 2"
    assert "gemak" in view.prompt_label.text()
    assert view.left_column.heading.text() == "Onderzoeker of trainer · Ans"
    assert view.right_column.heading.text() == "Klantmanager · Sam"
    controller = window.context.controller
    qtbot.waitUntil(lambda: controller.position_ms() == 1000, timeout=3000)
    QTest.keyClick(view, Qt.Key.Key_Space)
    wait_until_position(qtbot, window, 1500)
    QTest.keyClick(view, Qt.Key.Key_Space)
    view.left_column.input.setFocus()
    QTest.keyClicks(view.left_column.input, "Je loopt naar de klant toe")
    QTest.keyClick(view.left_column.input, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(view.right_column.input, "Ik kijk nog op mijn papier")
    QTest.mouseClick(view.right_column.save_button, Qt.MouseButton.LeftButton)
    assert view.left_column.list.count() == 1 and view.right_column.list.count() == 1
    assert view.left_column.input.toPlainText() == ""
    QTest.keyClick(view, Qt.Key.Key_PageDown)
    assert view.counter_label.text() == "Fragment 2 van 2"
    assert view.prompt_label.text() == "Wie maakt de afspraak?"
    qtbot.waitUntil(lambda: controller.position_ms() == 4000, timeout=3000)
    assert view.left_column.list.count() == 0
    view.right_column.input.setFocus()
    QTest.keyClicks(view.right_column.input, "Ik spreek een datum af")
    QTest.keyClick(view.right_column.input, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(view, Qt.Key.Key_PageUp)
    assert view.counter_label.text() == "Fragment 1 van 2"

    made = repo(window).session_observations(session.id)
    assert [(o.perspective, o.author_name, o.recording_id) for o in made] == [
        (Role.ONDERZOEKER, "Ans", video),
        (Role.KLANTMANAGER, "Sam", video),
        (Role.KLANTMANAGER, "Sam", video),
    ]
    assert 1400 <= made[0].time_ms <= 3000 and 4000 <= made[2].time_ms <= 6000
    # They are ordinary observations of the recording too.
    assert len(window.vault.observations(video)) == 3  # type: ignore[union-attr]

    # End: the overview, then back to preparing.
    QTest.mouseClick(view.finish_button, Qt.MouseButton.LeftButton)
    overview = view.overview
    assert isinstance(overview, SessionOverviewDialog) and overview.isVisible()
    shown = overview.summary_text
    print("overview:", shown.replace("\n", " | "))
    assert "Fragmenten bekeken: 2 van 2" in shown
    assert "Onderzoeker of trainer: 1 waarneming" in shown
    assert "Klantmanager: 2 waarnemingen" in shown
    overview.reject()
    assert window.stack.currentWidget() is page
    assert controller.recording is None


def test_typed_session_text_survives_a_lock(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    unlock_as(window, Role.ONDERZOEKER)
    clip = ClipService(repo(window)).create(demo_vault["video"], 1000, 3000)
    sessions = ReviewSessionService(repo(window), window.vault, window.vault)  # type: ignore[arg-type]
    session = sessions.create("Samen")
    sessions.add_clip(session.id, clip.id)
    review(window).start_session(session.id)
    view = review(window).session_view
    QTest.keyClicks(view.right_column.input, "Half getypt")
    key(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.vault is None
    assert window.context.controller.recording is None
    assert view.right_column.input.toPlainText() == ""
    for dialog in QApplication.topLevelWidgets():
        if dialog.isVisible() and dialog is not window and isinstance(dialog, QDialog):
            dialog.reject()
    unlock_as(window, Role.ONDERZOEKER)
    made = repo(window).session_observations(session.id)
    assert [(o.text, o.perspective) for o in made] == [("Half getypt", Role.KLANTMANAGER)]


# -- klant feedback with consent --------------------------------------------------------------
def test_klant_feedback_is_sealed_for_the_onderzoeker_until_shared(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    unlock_as(window, Role.ONDERZOEKER, "Ans")
    video = demo_vault["video"]
    allow(window, video, ConsentScope.RESEARCHER, ConsentScope.CLIENT)
    assert window.vault is not None
    register_onderzoeker(window.vault)  # type: ignore[arg-type]
    clip = ClipService(repo(window)).create(video, 1000, 5000)
    sessions = ReviewSessionService(repo(window), window.vault, window.vault)  # type: ignore[arg-type]
    session = sessions.create(
        "Met de klant",
        participants=(Participant(display_name="Klant A", role=Role.KLANT),),
        perspectives=(Role.KLANT, Role.ONDERZOEKER),
    )
    sessions.add_clip(session.id, clip.id)
    # The onderzoeker unlocked their own key (its dialog comes with the new screens).
    unlocked = onderzoeker_session(window.vault)  # type: ignore[arg-type]
    review(window).use_onderzoeker(unlocked)
    review(window).start_session(session.id)
    view = review(window).session_view
    klant = view.left_column
    assert klant.role == Role.KLANT
    klant.input.setFocus()
    for text in ("Ik voelde me gehoord", "Ik was bang voor een korting"):
        QTest.keyClicks(klant.input, text)
        QTest.keyClick(klant.input, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert klant.list.count() == 2
    assert all("nog niet gevraagd" in klant.list.item(i).text() for i in range(2))
    assert repo(window).session_observations(session.id) == []  # both sealed
    klant.list.setCurrentRow(0)
    assert klant.sharing_row.isVisible() and klant.sharing_box.isEnabled()
    shared_index = klant.sharing_box.findData(SharingState.SHARED.value)
    klant.sharing_box.setCurrentIndex(shared_index)
    klant.sharing_box.activated.emit(shared_index)
    assert "mag gedeeld worden" in klant.list.item(0).text()
    said = repo(window).session_observations(session.id)
    assert [(o.text, o.sharing_state) for o in said] == [
        ("Ik voelde me gehoord", SharingState.SHARED)
    ]
    audit = [e for e in window.vault.audit_entries() if e.action == AuditAction.SHARING_CHANGED]
    assert len(audit) == 1 and audit[0].role == Role.ONDERZOEKER
    assert audit[0].details == {
        "observation": said[0].id,
        "from": "nog_niet_gevraagd",
        "to": "mag_gedeeld",
        "onderzoeker": unlocked.key.onderzoeker_id,
    }
    assert "gehoord" not in repr(audit[0].model_dump())
    # Locking forgets the onderzoeker's key.
    window.lock()
    assert review(window).onderzoeker is None and unlocked.key.closed
    for dialog in QApplication.topLevelWidgets():
        if dialog.isVisible() and isinstance(dialog, QDialog):
            dialog.reject()

    # Picking "onderzoeker" at unlock opens nothing: only the shared item, everywhere.
    for role, name in ((Role.ONDERZOEKER, "Ans"), (Role.KLANTMANAGER, "Sam")):
        unlock_as(window, role, name)
        window.open_recording(video)
        assert [o.text for o in window.workspace.observations] == ["Ik voelde me gehoord"]
        assert window.workspace.observation_list.model.rowCount() == 1
        markers = window.workspace.timeline.markers()
        # the shared item, and a mark (no words) where the sealed one is
        assert [m.label for m in markers if not m.id.startswith("sealed:")] == [
            "Ik voelde me gehoord"
        ]
        assert all("korting" not in m.label for m in markers)
        window.show_search()
        from vknz_desktop.ui.shell.search_dialog import SearchDialog

        dialog = window.findChildren(SearchDialog)[-1]
        dialog.query.setText("korting")
        dialog.run()
        assert dialog.results.count() == 0
        dialog.query.setText("gehoord")
        dialog.run()
        assert dialog.results.count() == 1
        dialog.reject()
        review(window).start_session(session.id)
        assert view.left_column.list.count() == 1
        window.lock()
        for dialog in QApplication.topLevelWidgets():
            if dialog.isVisible() and isinstance(dialog, QDialog):
                dialog.reject()
    unlock_as(window, Role.KLANTMANAGER, "Sam")
    review(window).start_session(session.id)
    assert not view.left_column.sharing_row.isVisible()
    assert view.left_column.hint_label.isVisible()  # why the klant's words may not show
    assert not view.right_column.hint_label.isVisible()


# -- compare side by side ---------------------------------------------------------------------
def test_compare_view_keeps_both_players_at_their_offset(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    unlock_as(window, Role.KLANTMANAGER)
    video = demo_vault["video"]
    service = ClipService(repo(window))
    service.create(video, 500, 3500, title="Eerder")
    service.create(video, 4000, 7900, title="Later")
    key(
        window,
        Qt.Key.Key_V,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    watchers = review(window).watchers_dialog
    assert watchers is not None and watchers.isVisible()  # who watches? (nobody: alone)
    QTest.keyClick(watchers, Qt.Key.Key_Return)
    assert not watchers.isVisible()
    window.activateWindow()  # offscreen Qt may leave the hidden dialog "active"
    QTest.qWaitForWindowActive(window)
    compare = review(window).compare_view
    assert window.stack.currentWidget() is compare
    left, right = compare.left, compare.right
    assert right is not None
    assert (left.playback.start_ms, right.playback.start_ms) == (500, 4000)

    # Independent volume and a choice of which one is heard.
    right.volume.setValue(30)
    assert right.playback.controller.volume == 30 and left.playback.controller.volume == 80
    compare.audio_box.setCurrentIndex(compare.audio_box.findData("right"))
    compare.audio_box.activated.emit(compare.audio_box.currentIndex())
    assert left.playback.controller.muted and not right.playback.controller.muted

    QTest.keyClick(compare, Qt.Key.Key_S)  # lock them together
    assert compare.synced and compare.offset_ms == 3500
    QTest.keyClick(compare, Qt.Key.Key_Space)
    assert left.playback.playing and right.playback.playing
    qtbot.waitUntil(lambda: left.playback.position_ms() >= 1200, timeout=8000)
    compare.seek_left(1000)  # a seek moves both
    assert abs(right.playback.position_ms() - 4500) <= 30
    # Sample the players' own clocks (libVLC's time moves in coarse steps) and the positions
    # shown (smoothed, per player), for 1.8 s of playback after the seek.
    raw: dict[str, list[tuple[float, int]]] = {"left": [], "right": []}
    shown: list[int] = []
    corrections = compare.corrections
    deadline = time.monotonic() + 1.8
    while time.monotonic() < deadline:
        qtbot.wait(15)
        if not (left.playback.playing and right.playback.playing):
            continue
        if compare.corrections != corrections:  # measure from the last correction on
            corrections = compare.corrections
            raw = {"left": [], "right": []}
            deadline = max(deadline, time.monotonic() + 1.0)
        now = time.monotonic()
        raw["left"].append((now, left.playback.controller.media_time_ms()))
        raw["right"].append((now, right.playback.controller.media_time_ms()))
        shown.append(compare.current_drift_ms())
    media = media_offset_ms(raw["right"]) - media_offset_ms(raw["left"]) - compare.offset_ms
    print(
        f"offset 3500 ms; after the seek, the players' own clocks differ by {media:+.0f} ms from "
        f"it ({len(raw['left'])} samples); positions shown: median "
        f"{statistics.median(shown):+.0f} ms, max |{max(abs(d) for d in shown)}| ms; "
        f"{compare.corrections} correction(s)"
    )
    assert len(shown) >= 10
    assert abs(media) <= 100
    assert abs(statistics.median(shown)) <= 100
    assert left.playback.position_ms() >= 2000
    # Pause pauses both, and puts them back at exactly their offset.
    QTest.keyClick(compare, Qt.Key.Key_Space)
    assert not left.playback.playing and not right.playback.playing
    assert compare.current_drift_ms() == 0
    # Seeking the right one moves the left one.
    compare.seek_right(6000)
    assert left.playback.position_ms() == 2500
    # Unlocked, each seeks alone.
    QTest.keyClick(compare, Qt.Key.Key_S)
    compare.seek_left(1000)
    assert right.playback.position_ms() == 6000
    window.show_library()
    assert compare.right is None  # the second player is released


def test_compare_view_puts_a_player_that_slipped_back_in_sync(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    unlock_as(window, Role.KLANTMANAGER)
    ClipService(repo(window)).create(demo_vault["video"], 300, 7900, title="Bijna alles")
    watchers = review(window).show_compare()
    assert watchers is not None
    watchers.accept()
    compare = review(window).compare_view
    left, right = compare.left, compare.right
    assert right is not None and compare.offset_ms == 0
    compare.sync_box.setChecked(True)
    compare.toggle_both()
    qtbot.waitUntil(lambda: left.playback.position_ms() >= 1000, timeout=8000)
    right.playback.seek(right.playback.position_ms() + 600)  # as if the left one stalled
    qtbot.waitUntil(lambda: compare.corrections >= 1, timeout=5000)
    qtbot.waitUntil(lambda: compare.media_drift_ms() is not None, timeout=5000)
    drift = compare.media_drift_ms()
    print(f"slipped by 600 ms: {compare.corrections} correction(s), then {drift} ms")
    assert drift is not None and abs(drift) <= 100
    compare.toggle_both()


# -- keep fragments only ----------------------------------------------------------------------
def test_keep_fragments_only_from_the_workspace(
    window: MainWindow,
    demo_vault: dict[str, str],
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    started = time.time()
    blocks = distinctive_blocks(facts.VIDEO_MP4.read_bytes())
    unlock_as(window, Role.KLANTMANAGER)
    video = demo_vault["video"]
    observations = ObservationService(window.vault)  # type: ignore[arg-type]
    inside = observations.create(video, 2200, text="Binnen het fragment")
    outside = observations.create(video, 7000, text="Buiten het fragment")
    window.open_recording(video)
    controller = window.context.controller
    for start, end in ((1500, 3000), (4200, 5600)):
        controller.seek(start)
        key(window, Qt.Key.Key_I)
        controller.seek(end)
        key(window, Qt.Key.Key_O)
    assert len(window.workspace.clips.clips) == 2
    asked: list[tuple[int, int, int]] = []

    def confirm(preview) -> bool:  # type: ignore[no-untyped-def]
        asked.append(
            (len(preview.fragments), preview.observations_inside, preview.observations_outside)
        )
        return True

    monkeypatch.setattr(review(window), "confirm_keep_fragments", confirm)
    window.registry.menu("fragments").aboutToShow.emit()  # the menu opens: asked again
    window.registry.action("review.keep_fragments").trigger()
    assert asked == [(2, 1, 1)]
    assert window.stack.currentWidget() is window.library
    assert review(window).wait_idle(30_000)
    vault = window.vault
    assert vault is not None
    recordings = {r.title: r for r in vault.recordings()}
    first = recordings["Testgesprek video — fragment 1"]
    second = recordings["Testgesprek video — fragment 2"]
    print(
        f"fragments: {first.duration_ms} ms (clip 1500–3000), "
        f"{second.duration_ms} ms (clip 4200–5600): cut exactly at the marks"
    )
    assert abs(first.duration_ms - 1500) <= 40 and abs(second.duration_ms - 1400) <= 40
    assert not recordings["Testgesprek video"].media_available
    assert [(o.id, o.time_ms) for o in vault.observations(first.id)] == [(inside.id, 700)]
    assert [o.id for o in vault.observations(video)] == [outside.id]
    assert window.library.recording_count() == 4
    kind = window.library.text_of(video, RecordingTableModel.KIND)
    assert kind == "Opname verwijderd (alleen tekst)"
    # The original cannot be opened any more; a fragment can, with its clip.
    monkeypatch.setattr(messages, "warn", lambda *args, **kwargs: None)
    window.open_recording(video)
    assert window.stack.currentWidget() is window.library
    window.open_recording(first.id)
    assert window.stack.currentWidget() is window.workspace
    assert [(c.start_ms, c.end_ms) for c in window.workspace.clips.clips] == [(0, 1500)]
    assert vault.verify() == []
    window.show_library()
    hits = files_containing(blocks, [tmp_path]) + files_containing(
        blocks, [Path(tempfile.gettempdir())], changed_since=started
    )
    print(f"scanned for {len(blocks)} distinctive blocks: {len(hits)} files with plaintext")
    assert hits == []
