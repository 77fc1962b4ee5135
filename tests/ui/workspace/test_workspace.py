"""The real app: unlock, play from the vault, observations by keyboard with undo, lock, search."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from tests.fixtures import media_facts as facts
from tests.ui.conftest import unlock, wait_until_position
from vknz_desktop.app import create_window
from vknz_desktop.paths import AppPaths
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.storage.vault import Vault
from vknz_desktop.ui.common import messages
from vknz_desktop.ui.shell.main_window import MainWindow
from vknz_desktop.ui.shell.unlock_dialog import UnlockDialog


def image_colour_at_centre(window: MainWindow) -> tuple[int, int, int]:
    view = window.workspace.video
    image = view.grab().toImage()
    rect = view.picture_rect()
    colour = image.pixelColor(int(rect.center().x()), int(rect.center().y()))
    return colour.red(), colour.green(), colour.blue()


def close_to(actual: tuple[int, int, int], expected: tuple[int, int, int], tolerance: int) -> bool:
    return all(abs(a - e) <= tolerance for a, e in zip(actual, expected, strict=True))


# -- unlock ----------------------------------------------------------------------------------
def test_unlock_dialog_wrong_then_right_passphrase(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    dialog = UnlockDialog(window.context.gateway, window, window.open_vault)
    qtbot.addWidget(dialog)
    assert not dialog.creating
    dialog.passphrase.setText("dit is niet goed")
    dialog.try_unlock()
    assert window.vault is None
    assert dialog.message.text() == "Onjuist wachtwoord. Let op hoofdletters en Caps Lock."
    assert dialog.passphrase.hasSelectedText() or dialog.passphrase.text() == "dit is niet goed"
    dialog.passphrase.setText(PASSPHRASE)
    dialog.name_edit.setText("Sam")
    dialog.try_unlock()
    assert window.vault is not None
    assert window.stack.currentWidget() is window.library
    assert window.library.recording_count() == 2
    assert dialog.passphrase.text() == ""


def test_create_vault_dialog_refuses_weak_and_mismatched(
    window: MainWindow, paths: AppPaths, qtbot: QtBot
) -> None:
    dialog = UnlockDialog(window.context.gateway, window, window.open_vault)
    qtbot.addWidget(dialog)
    assert dialog.creating
    dialog.passphrase.setText("kort")
    dialog.repeat.setText("kort")
    dialog.try_unlock()
    assert "te kort" in dialog.message.text()
    dialog.passphrase.setText("een goed lang wachtwoord")
    dialog.repeat.setText("een ander lang wachtwoord")
    dialog.try_unlock()
    assert "niet gelijk" in dialog.message.text()
    assert not paths.vault_dir.exists()
    dialog.repeat.setText("een goed lang wachtwoord")
    dialog.try_unlock()
    assert window.vault is not None
    assert (paths.vault_dir / "vault.key").exists()


# -- playback ----------------------------------------------------------------------------------
def test_frames_from_the_vault_are_painted(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    window.show()
    unlock(window)
    window.open_recording(demo_vault["video"])
    controller = window.context.controller
    controller.play()
    wait_until_position(qtbot, window, 1000)
    qtbot.waitUntil(lambda: controller.frames_received > 5, timeout=5000)
    colour = image_colour_at_centre(window)
    print(f"centre after 1 s of playback: {colour} (fixture {facts.CENTRE_RGB})")
    assert close_to(colour, facts.CENTRE_RGB, 12)
    controller.pause()


def test_paused_seek_shows_the_exact_frame(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    window.show()
    unlock(window)
    window.open_recording(demo_vault["video"])
    controller = window.context.controller
    with qtbot.waitSignal(controller.frameReady, timeout=5000) as blocker:
        controller.seek(5000)
    image = blocker.args[0]
    from vknz_desktop.media.frames import decode_frame_at

    expected = decode_frame_at(str(facts.VIDEO_MP4), 5000)
    shown = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(
        image.height(), image.bytesPerLine() // 4, 4
    )[:, : image.width(), 2::-1]
    assert shown.shape == expected.shape
    assert np.array_equal(shown, expected)


def test_play_pause_step_speed_and_smooth_position(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    window.show()
    unlock(window)
    window.open_recording(demo_vault["video"])
    controller = window.context.controller
    QTest.keyClick(window, Qt.Key.Key_Space)
    assert controller.playing
    positions: list[int] = []
    controller.positionChanged.connect(positions.append)
    wait_until_position(qtbot, window, 1500)
    QTest.keyClick(window, Qt.Key.Key_K)
    assert not controller.playing
    steps = [b - a for a, b in itertools.pairwise(positions)]
    assert all(step >= 0 for step in steps), "position went backwards while playing"
    assert max(steps) < 200, "position jumped instead of moving smoothly"
    paused_at = controller.position_ms()
    QTest.keyClick(window, Qt.Key.Key_Period)
    frame_start = paused_at // 40 * 40  # frames of 40 ms at 25 fps
    assert controller.position_ms() == frame_start + 40  # the start of the next frame
    QTest.keyClick(window, Qt.Key.Key_Comma)
    assert controller.position_ms() == frame_start
    QTest.keyClick(window, Qt.Key.Key_Right)
    assert controller.position_ms() == frame_start + 5000
    QTest.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert controller.position_ms() == 0
    QTest.keyClick(window, Qt.Key.Key_End)
    assert controller.position_ms() >= facts.VIDEO_DURATION_MS - 50
    QTest.keyClick(window, Qt.Key.Key_Home)
    assert controller.position_ms() == 0
    QTest.keyClick(window, Qt.Key.Key_L)
    QTest.keyClick(window, Qt.Key.Key_L)
    assert controller.playing and controller.rate == 1.25
    assert window.workspace.transport.speed_box.currentData() == 1.25
    QTest.keyClick(window, Qt.Key.Key_J)
    assert controller.rate == 1.0
    controller.pause()


def test_audio_only_shows_waveform_not_a_picture(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    window.show()
    unlock(window)
    window.open_recording(demo_vault["audio"])
    qtbot.waitUntil(lambda: bool(window.workspace.video.peaks), timeout=8000)
    assert window.workspace.video.audio_only
    assert not window.workspace.video.has_picture()
    assert window.vault is not None
    assert window.vault.derived_media(demo_vault["audio"], "waveform-v1") is not None


# -- observations ------------------------------------------------------------------------------
def test_observation_by_keyboard_with_undo_and_redo(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    window.show()
    unlock(window)
    window.open_recording(demo_vault["video"])
    vault, workspace, controller = window.vault, window.workspace, window.context.controller
    assert vault is not None
    controller.play()
    wait_until_position(qtbot, window, 600)
    QTest.keyClick(window, Qt.Key.Key_M)
    assert workspace.editor.active
    anchored = workspace.editor.time_ms
    QTest.keyClicks(workspace.editor.text_edit, "De klant kijkt weg")
    assert not controller.playing, "playback pauses while typing"
    QTest.keyClick(workspace.editor.text_edit, Qt.Key.Key_Space)  # Space types, not play/pause
    assert not controller.playing
    QTest.keyClick(
        workspace.editor.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    assert not workspace.editor.active
    assert controller.playing, "playback resumes after Ctrl+Enter"
    controller.pause()
    stored = vault.observations(demo_vault["video"])
    assert [(o.text, o.time_ms) for o in stored] == [("De klant kijkt weg", anchored)]
    assert len(workspace.timeline.markers()) == 1
    assert workspace.observation_list.model.rowCount() == 1

    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert vault.observations(demo_vault["video"]) == []
    assert workspace.timeline.markers() == []
    QTest.keyClick(
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert [o.text for o in vault.observations(demo_vault["video"])] == ["De klant kijkt weg"]

    # Edit with Enter on the selected row, then undo the edit.
    table = workspace.observation_list.table
    workspace.observation_list.select(stored[0].id)
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_Return)
    assert workspace.editor.active
    workspace.editor.text_edit.selectAll()
    QTest.keyClicks(workspace.editor.text_edit, "De klant kijkt naar buiten")
    QTest.keyClick(
        workspace.editor.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    assert [o.text for o in vault.observations(demo_vault["video"])] == [
        "De klant kijkt naar buiten"
    ]
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [o.text for o in vault.observations(demo_vault["video"])] == ["De klant kijkt weg"]

    # Delete with the Delete key, undo brings it back exactly.
    workspace.observation_list.select(stored[0].id)
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_Delete)
    assert vault.observations(demo_vault["video"]) == []
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert vault.observations(demo_vault["video"])[0].text == "De klant kijkt weg"


def test_escape_keeps_the_typed_observation_with_undo_and_reaction_offset_anchors_earlier(
    window: MainWindow, demo_vault: dict[str, str]
) -> None:
    """Esc keeps what was typed, as closing and locking do; Ctrl+Z takes it back."""
    window.show()
    unlock(window)
    window.open_recording(demo_vault["video"])
    workspace = window.workspace
    vault = window.vault
    assert vault is not None
    workspace.settings.reaction_offset_ms = -2000
    window.context.controller.seek(5000)
    workspace.new_observation()
    QTest.keyClicks(workspace.editor.text_edit, "Bijna vergeten")
    QTest.keyClick(workspace.editor.text_edit, Qt.Key.Key_Escape)
    assert not workspace.editor.active
    assert [(o.text, o.time_ms) for o in vault.observations(demo_vault["video"])] == [
        ("Bijna vergeten", 3000)
    ]
    assert window.statusBar().currentMessage().startswith("Waarneming bewaard")
    assert workspace.video.hasFocus(), "the playback keys work again"
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert vault.observations(demo_vault["video"]) == []
    workspace.new_observation()
    QTest.keyClick(workspace.editor.text_edit, Qt.Key.Key_Escape)  # nothing typed: just closes
    assert not workspace.editor.active and vault.observations(demo_vault["video"]) == []


def test_answering_a_scale_question_stores_theme_and_answer(
    window: MainWindow, demo_vault: dict[str, str]
) -> None:
    unlock(window)
    window.open_recording(demo_vault["video"])
    workspace = window.workspace
    window.context.controller.seek(2000)
    rows = {(r.theme_id, r.question_id): r for r in workspace.panel.question_rows()}
    row = rows[("werkrelatie", "gevoel-opmerken")]
    QTest.mouseClick(row, Qt.MouseButton.LeftButton)
    assert workspace.editor.active
    choice = next(b for b in workspace.editor.choice_buttons() if b.text() == "soms")
    choice.setChecked(True)
    workspace.editor.save()
    assert window.vault is not None
    [obs] = window.vault.observations(demo_vault["video"])
    assert (obs.theme_id, obs.question_id, obs.answer, obs.time_ms) == (
        "werkrelatie",
        "gevoel-opmerken",
        "soms",
        2000,
    )
    assert obs.profile_id == "klantgesprek" and obs.author_name == "Tester"


def test_kill_after_confirm_keeps_the_observation(
    window: MainWindow, demo_vault: dict[str, str], paths: AppPaths
) -> None:
    """Saved at once: a second process sees it without any save or close."""
    import subprocess
    import sys

    unlock(window)
    window.open_recording(demo_vault["video"])
    window.workspace.new_observation()
    QTest.keyClicks(window.workspace.editor.text_edit, "Direct bewaard")
    window.workspace.editor.save()
    assert window.vault is not None
    # Copy the vault files as a crash would leave them (WAL included) and read the copy.
    copy = paths.vault_dir.parent / "kopie"
    import shutil

    shutil.copytree(paths.vault_dir, copy, ignore=shutil.ignore_patterns("vault.lock"))
    code = (
        "from pathlib import Path\nfrom vknz_desktop.storage.vault import Vault\n"
        f"v = Vault.open(Path({str(copy)!r}), {PASSPHRASE!r})\n"
        f"print([o.text for o in v.observations({demo_vault['video']!r})])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "Direct bewaard" in out.stdout


# -- lock, search, help, profiles ------------------------------------------------------------
def test_lock_saves_typing_clears_everything_and_returns(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    window.show()
    unlock(window)
    window.open_recording(demo_vault["video"])
    window.context.controller.seek(4000)
    qtbot.waitUntil(window.workspace.video.has_picture, timeout=5000)
    window.workspace.new_observation()
    QTest.keyClicks(window.workspace.editor.text_edit, "Half getypt")
    QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.vault is None
    assert window.stack.currentWidget() is window.locked_page
    assert not window.workspace.video.has_picture()
    assert window.workspace.observation_list.model.rowCount() == 0
    assert window.workspace.timeline.markers() == []
    assert window.library.recording_count() == 0
    with Vault.open(window.context.gateway.directory, PASSPHRASE) as vault:  # type: ignore[attr-defined]
        assert [o.text for o in vault.observations(demo_vault["video"])] == ["Half getypt"]
    unlock(window)
    assert window.stack.currentWidget() is window.workspace
    assert window.workspace.recording is not None
    assert window.workspace.recording.id == demo_vault["video"]
    assert window.context.controller.position_ms() == 4000
    for dialog in window.findChildren(UnlockDialog):
        dialog.close()


def test_inactivity_locks(window: MainWindow, demo_vault: dict[str, str]) -> None:
    unlock(window)
    assert window.inactivity.active
    window.inactivity.timedOut.emit()
    assert window.vault is None
    for dialog in window.findChildren(UnlockDialog):
        dialog.close()


def test_search_across_recordings_opens_the_moment(
    window: MainWindow, demo_vault: dict[str, str]
) -> None:
    unlock(window)
    window.open_recording(demo_vault["audio"])
    window.context.controller.seek(2500)
    window.workspace.new_observation()
    QTest.keyClicks(window.workspace.editor.text_edit, "Een lange stilte na de vraag")
    window.workspace.editor.save()
    window.show_library()
    from vknz_desktop.ui.shell.search_dialog import SearchDialog

    window.show_search()
    dialog = window.findChild(SearchDialog)
    assert dialog is not None
    dialog.query.setText("stilt")
    dialog.run()
    assert dialog.results.count() == 1
    dialog.results.setCurrentRow(0)
    dialog.results.itemActivated.emit(dialog.results.item(0))  # Enter or a double-click
    assert window.workspace.recording is not None
    assert window.workspace.recording.id == demo_vault["audio"]
    assert window.context.controller.position_ms() == 2500


def test_help_overlay_lists_the_shortcuts(window: MainWindow, demo_vault: dict[str, str]) -> None:
    window.show()
    unlock(window)
    window.open_recording(demo_vault["video"])
    QTest.keyClick(window, Qt.Key.Key_Question, Qt.KeyboardModifier.ShiftModifier)
    assert window.help_overlay.isVisible()
    keys = {keys for keys, _meaning in window.shortcut_rows()}
    for expected in (
        "Spatiebalk",
        "J",
        "K",
        "L",
        "Pijl links",
        "Shift+Pijl links",
        ",",
        ".",
        "M",
        "Ctrl+Z",
        "Ctrl+Shift+Z",
        "Ctrl+F",
        "Ctrl+L",
        "?",
    ):
        assert expected in keys, expected
    QTest.keyClick(window.help_overlay, Qt.Key.Key_Escape)
    assert not window.help_overlay.isVisible()


def test_broken_profiles_are_listed_and_skipped(
    qtbot: QtBot, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths.profiles_dir.mkdir(parents=True)
    (paths.profiles_dir / "kapot.toml").write_text('id = "kapot"\nname = \n', encoding="utf-8")
    main, engine = create_window(paths, ("--aout=dummy",), kdf_profile=TEST_PROFILE)
    qtbot.addWidget(main)
    try:
        assert [p.id for p in main.profiles] == [
            "klantgesprek",
            "leidinggevende-medewerker",
            "samenleerwijzer",
        ]
        assert main.registry.action("help.profile_problems").isVisible()
        shown: list[str] = []
        monkeypatch.setattr(messages, "inform", lambda _parent, _title, text: shown.append(text))
        main.show_profile_problems()
        assert "kapot.toml" in shown[0]
    finally:
        main.close()
        main.context.controller.shutdown()
        engine.release()


def test_no_plaintext_thumbnails_outside_the_vault(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot, tmp_path: Path
) -> None:
    unlock(window)
    window.open_recording(demo_vault["video"])
    qtbot.waitUntil(
        lambda: (
            window.vault is not None
            and window.vault.derived_media(demo_vault["video"], "thumbnails-v1") is not None
        ),
        timeout=8000,
    )
    images = [p for p in tmp_path.rglob("*") if p.suffix.lower() in (".jpg", ".jpeg", ".png")]
    assert images == []


# -- large text ------------------------------------------------------------------------------
def test_at_200_percent_a_whole_question_and_rows_are_visible(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    from tests.ui.test_large_text_layout import open_workspace, set_text_size, settle
    from vknz_desktop.ui.common.appearance import apply_appearance

    window.show()
    window.resize(1366, 768)
    workspace = open_workspace(window, demo_vault, qtbot)
    panel = workspace.panel
    try:
        settle(qtbot)
        assert not panel.compact and panel.description.isVisible()
        assert panel.sections[0].explanation.isVisible()
        set_text_size(window, 200)
        settle(qtbot, 300)
        # the explanations make room for the questions; they stay in the tooltips
        assert panel.compact and not panel.description.isVisible()
        assert not panel.sections[0].explanation.isVisible()
        assert "Eerst waarnemen" in panel.profile_label.toolTip()
        assert panel.sections[0].title.toolTip()
        viewport = panel.scroll_area.viewport()
        first = panel.question_rows()[0]
        top_left = first.mapTo(viewport, first.rect().topLeft())
        bottom = first.mapTo(viewport, first.rect().bottomLeft()).y()
        assert top_left.y() >= 0 and bottom < viewport.height(), "the first question is cut off"
        table = workspace.observation_list.table
        rows = table.viewport().height() // table.verticalHeader().defaultSectionSize()
        assert rows >= 4, rows
        # theme and author filters fold behind one button, and unfold while they filter
        listing = workspace.observation_list
        assert listing.filters_button.isVisible() and not listing.theme_box.isVisible()
        listing.filters_button.click()
        assert listing.theme_box.isVisible() and listing.author_box.isVisible()
        listing.theme_box.setCurrentIndex(1)
        listing.filters_button.click()
        assert listing.theme_box.isVisible(), "a filter in use stays in sight"
        listing.theme_box.setCurrentIndex(0)
        assert not listing.theme_box.isVisible()
        set_text_size(window, 100)
        settle(qtbot, 300)
        assert not panel.compact and panel.description.isVisible()
        assert listing.theme_box.isVisible() and not listing.filters_button.isVisible()
    finally:
        apply_appearance(100, False)
