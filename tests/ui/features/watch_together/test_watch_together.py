"""The "Samen kijken" view: entering and leaving, big buttons, the klant's marker, pictograms,
accessibility (names, text size to 200 % without cut-off text, high contrast)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from tests.integration.helpers import onderzoeker_session, register_onderzoeker
from tests.ui.conftest import allow_klant, samen_kijken, unlock, wait_until_position
from vknz_desktop.domain.models import Role
from vknz_desktop.ui.common.appearance import apply_appearance, is_high_contrast
from vknz_desktop.ui.features.watch_together.feature import MARKER_TEXT
from vknz_desktop.ui.features.watch_together.view import SamenKijkenView
from vknz_desktop.ui.shell.main_window import MainWindow
from vknz_desktop.ui.shell.settings_dialog import AppSettings, SettingsDialog


@pytest.fixture(autouse=True)
def _normal_appearance() -> Iterator[None]:
    """Text size and palette are application-wide: put them back after every test."""
    yield
    apply_appearance(100, False)
    QApplication.processEvents()


def enter(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot, *, unlocked: bool = False
) -> SamenKijkenView:
    if not unlocked:
        unlock(window)
    allow_klant(window, demo_vault["video"])
    window.open_recording(demo_vault["video"])
    feature = samen_kijken(window)
    assert feature.action.isEnabled()
    feature.action.trigger()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is feature.view)
    return feature.view


def test_menu_action_enters_and_escape_leaves(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    unlock(window)
    window.show_library()
    assert not window.registry.action(
        "watch_together.enter"
    ).isEnabled()  # only with a recording open
    view = enter(window, demo_vault, qtbot, unlocked=True)
    assert window.registry.action("watch_together.enter") in window.registry.menu("play").actions()
    assert window.registry.action("watch_together.enter").shortcut().toString() == "Ctrl+Shift+S"
    assert not window.menuBar().isVisible()  # nothing technical on screen
    qtbot.waitUntil(view.video.has_picture, timeout=5000)  # the paused picture, at once
    QTest.keyClick(view.play_button, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.workspace
    assert window.menuBar().isVisible()
    assert not view.active and not view.video.has_picture()
    # and back in, then out with the button
    samen_kijken(window).enter()
    assert window.stack.currentWidget() is view
    qtbot.mouseClick(view.leave_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.workspace
    assert window.workspace.recording is not None


def test_big_buttons_and_space_drive_the_player(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    view = enter(window, demo_vault, qtbot)
    controller = window.context.controller
    assert view.play_button.text() == "Kijken"
    qtbot.mouseClick(view.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.playing)
    assert view.play_button.text() == "Stop"
    assert view.play_button.accessibleName() == "Stop"
    qtbot.mouseClick(view.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not controller.playing)
    assert view.play_button.text() == "Kijken"
    QTest.keyClick(view.mark_button, Qt.Key.Key_Space)  # Space toggles, whatever has focus
    qtbot.waitUntil(lambda: controller.playing)
    wait_until_position(qtbot, window, 300)
    QTest.keyClick(view, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not controller.playing)
    controller.seek(7_000)
    qtbot.mouseClick(view.back_button, Qt.MouseButton.LeftButton)
    assert controller.position_ms() == 0  # 10 s back, not before the start
    controller.seek(2_500)
    qtbot.mouseClick(view.back_button, Qt.MouseButton.LeftButton)
    assert controller.position_ms() == 0


def test_marker_is_stored_at_the_moment_as_klant_feedback_sealed_for_the_onderzoeker(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    view = enter(window, demo_vault, qtbot)
    assert window.vault is not None
    sealing = register_onderzoeker(window.vault)  # type: ignore[arg-type]
    window.context.controller.seek(5_000)
    before = window.vault.observations(demo_vault["video"])
    qtbot.mouseClick(view.mark_button, Qt.MouseButton.LeftButton)
    assert view.saved_label.isVisible()
    assert "Bewaard" in view.saved_label.text()
    # Sealed: not among the observations the vault passphrase shows, only its facts.
    assert window.vault.observations(demo_vault["video"]) == before
    (facts_only,) = sealing.sealed_items(demo_vault["video"])
    assert facts_only.author_role == Role.KLANT and facts_only.time_ms == 5_000
    with onderzoeker_session(window.vault) as unlocked:  # type: ignore[arg-type]
        (marker,) = sealing.open_items(unlocked.key)
    assert marker.text == MARKER_TEXT and marker.time_ms == 5_000
    qtbot.waitUntil(lambda: not view.saved_label.isVisible(), timeout=5000)


def test_without_an_onderzoeker_the_marker_explains_how_to_register(
    window: MainWindow,
    demo_vault: dict[str, str],
    qtbot: QtBot,
    shown_messages: list[tuple[str, str, str]],
) -> None:
    view = enter(window, demo_vault, qtbot)
    assert window.vault is not None
    before = window.vault.observations(demo_vault["video"])
    qtbot.mouseClick(view.mark_button, Qt.MouseButton.LeftButton)
    shown = [text for _kind, _title, text in shown_messages]
    assert len(shown) == 1
    print(f"shown: {shown[0]}")
    assert "onderzoeker" in shown[0] and "vknz onderzoeker register" in shown[0]
    assert not view.saved_label.isVisible()
    assert window.vault.observations(demo_vault["video"]) == before


def test_pictograms_show_big_until_clicked_again(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    view = enter(window, demo_vault, qtbot)
    assert not view.topics_row.isVisible()
    qtbot.mouseClick(view.topics_button, Qt.MouseButton.LeftButton)
    assert view.topics_row.isVisible()
    assert [b.text() for b in view.pictogram_buttons] == [
        "Geld",
        "Werk",
        "Wonen",
        "Gezondheid",
        "Familie",
    ]
    work = view.pictogram_buttons[1]
    qtbot.mouseClick(work, Qt.MouseButton.LeftButton)
    assert view.shown_topic is not None and view.shown_topic.id == "werk"
    assert work.isChecked()
    assert view.big_pictogram.geometry().intersects(view.video.geometry())
    family = view.pictogram_buttons[4]
    qtbot.mouseClick(family, Qt.MouseButton.LeftButton)  # another one replaces it
    assert view.shown_topic is not None and view.shown_topic.id == "familie"
    assert not work.isChecked()
    qtbot.mouseClick(view.big_pictogram, Qt.MouseButton.LeftButton)  # click the big one: away
    assert view.shown_topic is None and not family.isChecked()
    qtbot.mouseClick(family, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(family, Qt.MouseButton.LeftButton)  # the same one again: away
    assert view.shown_topic is None
    qtbot.mouseClick(view.topics_button, Qt.MouseButton.LeftButton)
    assert not view.topics_row.isVisible()


def test_every_control_has_an_accessible_name_and_a_focus_outline(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    view = enter(window, demo_vault, qtbot)
    view.set_topics_visible(True)
    buttons = view.buttons()
    assert len(buttons) >= 3 + 2 + 5 + 1
    unnamed = [b for b in buttons if not b.accessibleName().strip()]
    assert not unnamed, [b.text() for b in unnamed]
    assert all(b.focusPolicy() & Qt.FocusPolicy.TabFocus for b in buttons if b.isVisible())
    assert ":focus" in view.styleSheet()
    assert view.play_button.hasFocus()


def _cut_off(view: SamenKijkenView) -> list[str]:
    problems = []
    for button in view.findChildren(QPushButton):
        if not button.isVisible():
            continue
        metrics = QFontMetrics(button.font())
        icon = button.iconSize().width() if not button.icon().isNull() else 0
        needed = metrics.horizontalAdvance(button.text()) + icon
        if needed > button.contentsRect().width():
            problems.append(f"{button.text()}: {needed} > {button.contentsRect().width()}")
    for button in view.pictogram_buttons:
        needed = QFontMetrics(button.font()).horizontalAdvance(button.text())
        if needed > button.width() - 6:
            problems.append(f"{button.text()}: {needed} > {button.width()}")
    return problems


def test_text_size_200_percent_scales_the_app_without_cut_off_text(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    view = enter(window, demo_vault, qtbot)
    view.set_topics_visible(True)
    base = QApplication.font().pointSizeF()
    big_before = view.mark_button.fontInfo().pixelSize()
    assert not _cut_off(view)
    settings = AppSettings.load(window.vault)  # type: ignore[arg-type]
    settings.text_scale = 200
    settings.save(window.vault)  # type: ignore[arg-type]
    window.apply_settings(AppSettings.load(window.vault))  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: view.mark_button.fontInfo().pixelSize() > big_before)
    assert QApplication.font().pointSizeF() == pytest.approx(base * 2)
    assert view.font().pointSizeF() == pytest.approx(base * 2)
    window.resize(1366, 768)
    qtbot.wait(50)
    assert not _cut_off(view), _cut_off(view)
    # the stylesheet has taken the larger size, and the three big buttons fit next to each other
    right = max(b.geometry().right() for b in (view.back_button, view.play_button))
    assert right < view.mark_button.geometry().left()
    apply_appearance(100, False)
    qtbot.waitUntil(lambda: view.mark_button.fontInfo().pixelSize() == big_before)


def test_high_contrast_palette_applied_and_removed(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    view = enter(window, demo_vault, qtbot)
    normal_window = QApplication.palette().color(QPalette.ColorRole.Window)
    settings = AppSettings.load(window.vault)  # type: ignore[arg-type]
    settings.high_contrast = True
    window.apply_settings(settings)
    palette = QApplication.palette()
    assert is_high_contrast()
    assert palette.color(QPalette.ColorRole.Window).name() == "#000000"
    assert palette.color(QPalette.ColorRole.WindowText).name() == "#ffffff"
    assert palette.color(QPalette.ColorRole.Highlight).name() == "#ffe600"
    qtbot.waitUntil(lambda: view.palette().color(QPalette.ColorRole.Window).name() == "#000000")
    # the focus outline and the main button follow
    qtbot.waitUntil(lambda: "#ffe600" in view.styleSheet())
    settings.high_contrast = False
    window.apply_settings(settings)
    assert not is_high_contrast()
    assert QApplication.palette().color(QPalette.ColorRole.Window) == normal_window


def test_settings_dialog_stores_text_size_and_contrast(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    unlock(window)
    vault = window.vault
    assert vault is not None
    loaded = AppSettings.load(vault)
    assert (loaded.text_scale, loaded.high_contrast) == (100, False)
    dialog = SettingsDialog(loaded, window)
    qtbot.addWidget(dialog)
    assert dialog.text_scale.accessibleName() == "Tekstgrootte"
    assert (dialog.text_scale.minimum(), dialog.text_scale.maximum()) == (100, 200)
    dialog.text_scale.setValue(150)
    dialog.high_contrast.setChecked(True)
    dialog.settings().save(vault)
    again = AppSettings.load(vault)
    assert (again.text_scale, again.high_contrast) == (150, True)
    vault.set_setting("appearance.text_scale", "900")
    assert AppSettings.load(vault).text_scale == 200


def test_every_text_is_at_least_24_pixels_and_no_two_buttons_share_a_name(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    view = enter(window, demo_vault, qtbot)
    view.set_topics_visible(True)
    view.show_saved(hidden_from_user=True)
    qtbot.wait(20)
    buttons = [b for b in view.buttons() if b is not view.big_pictogram]  # painted: below
    sizes = {b.text() or b.accessibleName(): b.fontInfo().pixelSize() for b in buttons}
    sizes["saved"] = view.saved_label.fontInfo().pixelSize()
    print(f"text sizes at 100 %: {sizes}")
    assert min(sizes.values()) >= 24, sizes
    texts = [b.text() for b in view.findChildren(QPushButton) if b.text()]
    assert len(texts) == len(set(texts)), texts
    assert [t for t in texts if "terug" in t.lower()] == ["Stukje terug"]
    assert view.leave_button.text() == "Samen kijken sluiten"
    # the progress bar says how far the film is, without times
    window.context.controller.seek(window.context.controller.duration_ms // 2)
    qtbot.waitUntil(lambda: 400 <= view.progress.value() <= 600, timeout=5000)
    assert not view.progress.isTextVisible() and view.progress.isVisible()
