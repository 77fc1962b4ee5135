"""A damaged vault in the app: what is sound opens read-only, with a visible marker and a
message naming the damage; a damaged recording stops with a message, others keep playing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.conftest import unlock
from vknz_desktop.paths import AppPaths
from vknz_desktop.ui.shell.main_window import MainWindow

PAGE = 4096


def _flip(path: Path, offset: int) -> None:
    raw = bytearray(path.read_bytes())
    raw[offset] ^= 0x5A
    path.write_bytes(bytes(raw))


def _notices(window: MainWindow) -> list[str]:
    return [box.text() for box in window.findChildren(QMessageBox) if box.isVisible()]


def test_damaged_database_opens_read_only_with_a_clear_marker(
    qtbot: QtBot, window: MainWindow, paths: AppPaths, demo_vault: dict[str, str]
) -> None:
    _flip(paths.vault_dir / "vault.db", PAGE + 300)  # page 2: no rows lost, still damage
    unlock(window)
    assert window.vault is not None and window.vault.read_only
    qtbot.waitUntil(lambda: bool(_notices(window)), timeout=3000)
    assert any("vault.db" in text and "alleen-lezen" in text for text in _notices(window))
    for box in window.findChildren(QMessageBox):
        box.close()
    assert window.read_only_label.isVisible()
    assert not window.registry.action("file.import").isEnabled()
    assert window.library.isVisible()

    window.open_recording(demo_vault["video"])
    assert window.workspace.recording is not None
    window.workspace.new_observation()
    assert not window.workspace.editor.active
    assert "Alleen-lezen" in window.statusBar().currentMessage()

    window.lock()
    assert not window.read_only_label.isVisible()


def test_restored_key_file_is_reported_and_the_vault_is_writable(
    qtbot: QtBot, window: MainWindow, paths: AppPaths, demo_vault: dict[str, str]
) -> None:
    _flip(paths.vault_dir / "vault.key", 30)
    unlock(window)
    assert window.vault is not None and not window.vault.read_only
    qtbot.waitUntil(lambda: bool(_notices(window)), timeout=3000)
    assert any("hersteld" in text for text in _notices(window))
    assert not window.read_only_label.isVisible()
    assert window.registry.action("file.import").isEnabled()


def test_damaged_recording_stops_with_a_message(
    qtbot: QtBot, window: MainWindow, paths: AppPaths, demo_vault: dict[str, str]
) -> None:
    media = paths.vault_dir / "media" / f"{demo_vault['video']}.vkm"
    _flip(media, media.stat().st_size // 2)
    unlock(window)
    window.open_recording(demo_vault["video"])
    window.context.controller.play()
    qtbot.waitUntil(lambda: "beschadigd" in window.statusBar().currentMessage(), timeout=8000)
    assert "Testgesprek video" in window.statusBar().currentMessage()
    assert not window.context.controller.playing

    window.open_recording(demo_vault["audio"])  # the other recording plays on
    window.context.controller.play()
    qtbot.waitUntil(lambda: window.context.controller.position_ms() > 300, timeout=8000)
