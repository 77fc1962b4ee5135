"""Damage found by the background check after the unlock, and a missing sound device."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import unlock
from vknz_desktop.domain.errors import KnownError
from vknz_desktop.media.vlc_player import NO_AUDIO_DEVICE_MESSAGE
from vknz_desktop.ui.common import messages
from vknz_desktop.ui.shell.main_window import MainWindow
from vknz_desktop.ui.shell.unlock_dialog import UnlockDialog
from vknz_desktop.ui.shell.vault_health import AudioNotice


def _close_unlock_dialogs(window: MainWindow) -> None:
    for dialog in window.findChildren(UnlockDialog):
        dialog.close()


def test_damage_found_after_unlock_is_said_once_and_lock_is_offered(
    window: MainWindow,
    demo_vault: dict[str, str],
    qtbot: QtBot,
    shown_messages: list[tuple[str, str, str]],
) -> None:
    unlock(window)
    vault = window.vault
    assert vault is not None
    vault.wait_for_health_check()
    assert window.health_watcher.timer.isActive()
    vault.note_damage()  # what the background check does when it finds damage
    qtbot.waitUntil(lambda: window.health_watcher.shown is not None, timeout=3000)
    questions = [m for m in shown_messages if m[0] == "question"]
    assert len(questions) == 1 and questions[0][1] == "Schade in de kluis"
    assert "alleen-lezen" in questions[0][2] and "Nu vergrendelen?" in questions[0][2]
    assert window.vault is vault  # answered No: stays open, refusing changes
    with pytest.raises(KnownError):
        vault.set_setting("proef", "1")
    qtbot.wait(1200)
    assert len([m for m in shown_messages if m[0] == "question"]) == 1  # once


def test_answering_yes_locks_at_once(
    window: MainWindow,
    demo_vault: dict[str, str],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(messages, "ask", lambda *_a: True)
    unlock(window)
    assert window.vault is not None
    window.vault.wait_for_health_check()
    window.vault.note_damage()
    qtbot.waitUntil(lambda: window.vault is None, timeout=3000)
    assert window.stack.currentWidget() is window.locked_page
    assert not window.health_watcher.timer.isActive()
    _close_unlock_dialogs(window)


def test_no_sound_device_is_said_once_per_start(
    window: MainWindow, demo_vault: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[tuple[str, str]] = []

    def notify(_parent: object, title: str, text: str) -> Any:
        said.append((title, text))

    monkeypatch.setattr(messages, "notify", notify)
    assert window.context.audio_notice is None  # the tests play through a dummy device
    window.audio_notice = AudioNotice(NO_AUDIO_DEVICE_MESSAGE, window)
    unlock(window)
    window.lock()
    _close_unlock_dialogs(window)
    unlock(window)
    assert said == [("Geen geluid", NO_AUDIO_DEVICE_MESSAGE)]
