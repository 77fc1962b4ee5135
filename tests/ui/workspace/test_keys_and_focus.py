"""The keyboard in the real workspace: Esc and a click leave a field, single letters are
playback keys again and never end up in a note, editing and deleting are in the menu and the
'?' overlay, a fragment's title is one key away, markers made while recording are answered."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import unlock
from vknz_desktop.domain.markers import MARKER_PROFILE_ID, make_marker
from vknz_desktop.domain.models import Role
from vknz_desktop.ui.shell.main_window import MainWindow
from vknz_desktop.ui.workspace.observation_list import MARKER_COLOUR


def open_video(window: MainWindow, demo_vault: dict[str, str]) -> None:
    window.show()
    unlock(window)
    window.open_recording(demo_vault["video"])


def make_clip(window: MainWindow, start: int, end: int) -> None:
    controller = window.context.controller
    controller.seek(start)
    QTest.keyClick(window, Qt.Key.Key_I)
    controller.seek(end)
    QTest.keyClick(window, Qt.Key.Key_O)


def test_t_types_the_fragment_title_and_esc_gives_the_letters_back(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    open_video(window, demo_vault)
    workspace, controller = window.workspace, window.context.controller
    make_clip(window, 1000, 3000)
    controller.seek(2000)
    workspace.clips.table.clearSelection()
    QTest.keyClick(window, Qt.Key.Key_T)
    title = workspace.clips.title_edit
    assert title.hasFocus() and workspace.clips.selected_clip() is not None
    QTest.keyClicks(title, "Begroeting")  # letters that are shortcuts stay in the field
    assert not controller.playing
    QTest.keyClick(title, Qt.Key.Key_Escape)
    assert workspace.video.hasFocus()
    QTest.keyClick(window, Qt.Key.Key_P)  # now P plays the fragment
    assert controller.playing
    controller.pause()
    assert title.text() == "Begroeting"
    assert workspace.clips.clips[0].title == "Begroeting"
    QTest.keyClick(window, Qt.Key.Key_T)
    QTest.keyClick(title, Qt.Key.Key_Return)  # Enter: done, back to the picture
    assert workspace.video.hasFocus()


def test_clicking_the_picture_or_a_play_button_takes_the_focus_from_a_field(
    window: MainWindow, demo_vault: dict[str, str]
) -> None:
    open_video(window, demo_vault)
    workspace = window.workspace
    make_clip(window, 1000, 3000)
    note = workspace.clips.note_edit
    note.setFocus()
    QTest.keyClicks(note, "Let op de pauze")
    QTest.mouseClick(workspace.video, Qt.MouseButton.LeftButton)
    assert workspace.video.hasFocus()
    QTest.keyClick(window, Qt.Key.Key_K)
    assert note.toPlainText() == "Let op de pauze"
    search = workspace.observation_list.text_filter
    search.setFocus()
    QTest.mouseClick(workspace.transport.frame_forward_button, Qt.MouseButton.LeftButton)
    assert workspace.video.hasFocus(), "a play button takes no focus itself, but the field goes"
    search.setFocus()
    QTest.keyClick(search, Qt.Key.Key_Escape)
    assert workspace.video.hasFocus()


def test_editing_deleting_and_zooming_are_in_the_menus_and_the_overlay(
    window: MainWindow, demo_vault: dict[str, str]
) -> None:
    open_video(window, demo_vault)
    registry = window.registry
    observations_menu = [a.text() for a in registry.menu("observations").actions()]
    assert "Gekozen waarneming &bewerken of beantwoorden" in observations_menu
    assert "Gekozen waarneming &verwijderen" in observations_menu
    play_menu = [a.text() for a in registry.menu("play").actions()]
    assert {"Tijdlijn inzoomen", "Tijdlijn uitzoomen", "Hele opname op de tijdlijn"} <= set(
        play_menu
    )
    rows = dict(window.shortcut_rows())
    for keys in ("F2", "Delete", "+", "-", "0", "T"):
        assert keys in rows, keys
    timeline = window.workspace.timeline
    window.context.controller.seek(5000)
    QTest.keyClick(window, Qt.Key.Key_Plus)
    start, end = timeline.view_range()
    assert end - start < timeline.duration() and start <= 5000 <= end
    QTest.keyClick(window, Qt.Key.Key_0)
    assert timeline.view_range() == (0, timeline.duration())


def test_delete_in_the_fragment_list_deletes_the_fragment_only(
    window: MainWindow, demo_vault: dict[str, str]
) -> None:
    open_video(window, demo_vault)
    workspace = window.workspace
    workspace.new_observation()
    QTest.keyClicks(workspace.editor.text_edit, "Blijft staan")
    workspace.editor.save()
    make_clip(window, 1000, 3000)
    table = workspace.clips.table
    table.selectRow(0)
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_Delete)
    assert workspace.clips.clips == []
    assert [o.text for o in workspace.observations] == ["Blijft staan"]
    workspace.observation_list.select(workspace.observations[0].id)
    window.registry.action("observations.delete").trigger()
    assert workspace.observations == []


def test_a_marker_made_while_recording_is_a_prompt_answered_from_the_menu(
    window: MainWindow, demo_vault: dict[str, str]
) -> None:
    open_video(window, demo_vault)
    vault, workspace = window.vault, window.workspace
    assert vault is not None
    marker = make_marker(
        demo_vault["video"],
        4200,
        author_role=Role.KLANTMANAGER,
        type_id="weerstand",
        now=dt.datetime(2026, 11, 28, tzinfo=dt.UTC),
    )
    vault.save_observation(marker)
    workspace.reload_observations()
    [shown] = workspace.timeline.markers()
    assert shown.colour == MARKER_COLOUR and "Wat gebeurde hier?" in shown.label
    assert workspace.observation_list.model.index(0, 1).data() == "Weerstand: wat gebeurde hier?"
    workspace.observation_list.select(marker.id)
    window.registry.action("observations.edit").trigger()
    editor = workspace.editor
    assert editor.active and editor.heading.text() == "Weerstand op 0:04,2 beantwoorden"
    QTest.keyClicks(editor.text_edit, "Hij schuift zijn stoel naar achteren")
    QTest.keyClick(editor.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [answered] = vault.observations(demo_vault["video"])
    assert answered.id == marker.id and answered.text == "Hij schuift zijn stoel naar achteren"
    assert (answered.profile_id, answered.theme_id, answered.time_ms) == (
        MARKER_PROFILE_ID,
        "weerstand",
        4200,
    )
    [shown] = workspace.timeline.markers()
    assert shown.label == "Hij schuift zijn stoel naar achteren"
