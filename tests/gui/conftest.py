"""GUI test set-up: the real app wired with real adapters, and checks for dangling threads."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QThread
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from tests.integration.helpers import import_file
from vknz_desktop.app import create_window
from vknz_desktop.paths import AppPaths
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.storage.vault import Vault
from vknz_desktop.ui.main_window import MainWindow
from vknz_desktop.ui.workspace import Identity


@pytest.fixture(autouse=True)
def _no_dangling_threads() -> Iterator[None]:
    """Every thread a GUI test starts must have ended when it is done (as napari checks)."""
    before = set(threading.enumerate())
    yield
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        left = [t for t in threading.enumerate() if t not in before and t.is_alive()]
        if not left:
            break
        time.sleep(0.02)
    assert not left, f"threads still running after the test: {[t.name for t in left]}"
    running = (
        [t for t in QCoreApplication.instance().findChildren(QThread) if t.isRunning()]
        if QCoreApplication.instance()
        else []
    )
    assert not running, "QThreads still running after the test"


@pytest.fixture(scope="session", autouse=True)
def _deduce_preloaded(deduce_loaded: float | None) -> None:
    """deduce loaded once before any GUI test: the app's own preload after unlocking then finds
    it in memory, so its background thread ends at once (tests/gui/test_learning.py checks the
    waiting path with a slow stand-in)."""


@pytest.fixture
def paths() -> AppPaths:
    """Paths inside the test's VKNZ_HOME."""
    return AppPaths.resolve()


@pytest.fixture
def demo_vault(paths: AppPaths) -> dict[str, str]:
    """A closed vault with the fixture video and audio; returns their ids."""
    from tests.fixtures import media_facts as facts

    with Vault.create(paths.vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        video = import_file(vault, facts.VIDEO_MP4, title="Testgesprek video")
        audio = import_file(vault, facts.AUDIO_M4A, title="Testgesprek geluid")
    return {"video": video.id, "audio": audio.id}


@pytest.fixture
def window(qtbot: QtBot, paths: AppPaths) -> Iterator[MainWindow]:
    """The real main window (libVLC with dummy audio), closed and released afterwards."""
    main, engine = create_window(paths, ("--aout=dummy",), kdf_profile=TEST_PROFILE)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    yield main
    main.close()
    main.context.controller.shutdown()
    engine.release()


def unlock(window: MainWindow, passphrase: str = PASSPHRASE) -> None:
    """Unlock without the dialog (the dialog has tests of its own), as the active window so
    that keyboard shortcuts reach it."""
    vault = window.context.gateway.open(passphrase)
    window._on_unlocked(vault, Identity(name="Tester"))
    if not window.isVisible():
        window.show()
    window.activateWindow()
    QTest.qWaitForWindowActive(window)


def wait_until_position(qtbot: QtBot, window: MainWindow, at_least_ms: int) -> None:
    qtbot.waitUntil(lambda: window.context.controller.position_ms() >= at_least_ms, timeout=8000)


__all__ = ["PASSPHRASE", "Path", "unlock", "wait_until_position"]
