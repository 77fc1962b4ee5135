"""The Opnemen page in the real window: Bestand → Opnemen… (Ctrl+R), the lock held off while
recording, the page kept in front, the recording in the library with its sound wave, and a
recording cut short by a lock finished after the next unlock."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import unlock
from tests.ui.features.recording.test_recording_page import (
    MICROPHONE,
    give_consent,
    open_devices,
)
from vknz_desktop.domain.derived import WAVEFORM_KIND
from vknz_desktop.media.recorder.backend import LinuxCaptureBackend
from vknz_desktop.ui.common import messages
from vknz_desktop.ui.features.recording.feature import RecordingFeature
from vknz_desktop.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture(autouse=True)
def _test_tone_as_microphone(monkeypatch: pytest.MonkeyPatch) -> None:
    """The machine's own devices are left alone: a test tone is the only microphone."""
    monkeypatch.setattr(LinuxCaptureBackend, "list_devices", lambda _self: [MICROPHONE])


def test_ctrl_r_opens_the_page_and_a_recording_joins_the_library(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    feature = window.feature(RecordingFeature)
    action = window.registry.action("record.page")
    assert not action.isEnabled() and window.registry.reason("record.page")  # locked
    unlock(window)
    assert feature.wait_idle()
    assert action.isEnabled()
    QTest.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    page = feature.page
    assert window.stack.currentWidget() is page
    assert window.windowTitle() == "Opnemen — VKNZ"
    open_devices(qtbot, page, audio_only=True)
    page.studio.start_button.click()
    assert window.windowTitle() == "● Opname loopt — VKNZ"
    assert window.inactivity.held and not window.inactivity.active  # no idle lock meanwhile
    window.show_library()  # e.g. Ctrl+B while recording: the page comes back
    qtbot.waitUntil(lambda: window.stack.currentWidget() is page)
    qtbot.wait(1500)
    page.stop()
    assert page.wait_idle(30_000)
    assert not window.inactivity.held and window.inactivity.active
    recording = page.last_recording
    assert recording is not None
    page.library_button.click()
    assert window.stack.currentWidget() is window.library
    assert recording.id in window.library.visible_ids()
    vault = window.vault
    assert vault is not None
    qtbot.waitUntil(
        lambda: vault.derived_media(recording.id, WAVEFORM_KIND) is not None, timeout=15_000
    )
    qtbot.waitUntil(lambda: not window.library_controller.analysing(), timeout=10_000)


def test_a_recording_cut_short_by_the_lock_is_finished_after_the_unlock(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    unlock(window)
    feature = window.feature(RecordingFeature)
    assert feature.wait_idle()
    feature.show_page()
    page = feature.page
    open_devices(qtbot, page, audio_only=True)
    page.studio.start_button.click()
    qtbot.wait(2000)
    statuses: list[str] = []
    messages.bridge().statusShown.connect(lambda text, _ms: statuses.append(text))
    window.lock()
    assert not page.recording() and not window.inactivity.held
    unlock(window)
    assert feature.wait_idle()
    vault = window.vault
    assert vault is not None
    finished = [r for r in vault.recordings() if r.id not in demo_vault.values()]
    assert len(finished) == 1 and 1500 <= finished[0].duration_ms <= 3000
    assert any("nog niet was afgerond" in text for text in statuses)
    assert finished[0].id in window.library.visible_ids()
    qtbot.waitUntil(lambda: not window.library_controller.analysing(), timeout=10_000)


def test_no_device_opens_before_the_consent_in_the_window(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[object] = []
    real_open = LinuxCaptureBackend.open
    monkeypatch.setattr(
        LinuxCaptureBackend,
        "open",
        lambda self, plan, callbacks: opened.append(plan) or real_open(self, plan, callbacks),
    )
    unlock(window)
    feature = window.feature(RecordingFeature)
    assert feature.wait_idle()
    feature.show_page()
    page = feature.page
    qtbot.wait(300)
    assert opened == []
    assert not page.continue_button.isEnabled()
    give_consent(page)
    page.continue_button.click()
    qtbot.waitUntil(lambda: opened != [], timeout=10_000)
    assert page.wait_idle()
