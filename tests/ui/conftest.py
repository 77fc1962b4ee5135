"""GUI test set-up: the real app wired with real adapters, and checks for dangling threads."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QThread, QTimer
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from tests.integration.helpers import import_file
from vknz_desktop.app import create_window
from vknz_desktop.domain.models import ConsentScope, Role
from vknz_desktop.paths import AppPaths
from vknz_desktop.services.recordings import make_consent
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.storage.vault import Vault
from vknz_desktop.ui.common import messages
from vknz_desktop.ui.common.identity import Identity
from vknz_desktop.ui.features.learning.feature import LearningFeature
from vknz_desktop.ui.features.privacy.feature import PrivacyFeature
from vknz_desktop.ui.features.review.feature import ReviewFeature
from vknz_desktop.ui.features.watch_together.feature import SamenKijkenFeature
from vknz_desktop.ui.shell.main_window import MainWindow


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


#: A modal dialog that nobody closes within this time fails the test instead of hanging it
#: (pytest-timeout can't interrupt Qt's own event loop).
MODAL_WATCHDOG_MS = 20_000


@pytest.fixture(autouse=True)
def _no_forgotten_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every dialog shown through the message bridge is closed by the test (or its patches)
    within MODAL_WATCHDOG_MS; otherwise the watchdog closes it and the test fails, naming it."""
    forgotten: list[str] = []
    run = messages._run

    def watched(dialog: Any) -> int:
        def close_if_open() -> None:
            if dialog.isVisible():
                text = dialog.text() if hasattr(dialog, "text") else dialog.windowTitle()
                forgotten.append(f"{type(dialog).__name__}: {text}")
                dialog.reject()

        QTimer.singleShot(MODAL_WATCHDOG_MS, dialog, close_if_open)
        return run(dialog)

    monkeypatch.setattr(messages, "_run", watched)
    yield
    assert not forgotten, f"a modal dialog was left open: {forgotten}"


@pytest.fixture(scope="session", autouse=True)
def _dutch_plural_forms(qapp: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """As in the app (``ui.common.language.install_translators``): the Dutch forms of texts
    written with Qt's ``%n`` ("1 waarneming", "2 waarnemingen"), compiled here from vknz_nl.ts."""
    import subprocess
    import sys

    from PySide6.QtCore import QTranslator

    source = Path(__file__).resolve().parents[2] / "resources" / "translations" / "vknz_nl.ts"
    compiled = tmp_path_factory.mktemp("plurals") / "vknz_nl.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(source), "-qm", str(compiled)], check=True)
    translator = QTranslator()
    assert translator.load(str(compiled))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


@pytest.fixture(autouse=True)
def worker_stops(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The app stops the de-identification worker whenever its vault closes (lock, quit);
    here every such stop is only counted, so that the worker loaded once per test session
    (``_deduce_preloaded``) serves every GUI test. ``deidentifier.stop_if_used`` itself is
    tested in tests/unit/test_deid_worker.py."""
    from vknz_desktop.export import deidentifier

    stops: list[str] = []
    monkeypatch.setattr(deidentifier, "stop", lambda: stops.append("stop"))
    monkeypatch.setattr(deidentifier, "stop_if_used", lambda: stops.append("stop"))
    return stops


@pytest.fixture(autouse=True)
def _deduce_preloaded(deduce_loaded: float | None) -> None:
    """deduce loaded before every GUI test (once per session; again only when a test outside
    tests/ui ended the worker): the app's own preload after unlocking then finds it loaded, so
    its background thread ends at once (tests/ui/features/learning checks the waiting path
    with a slow stand-in)."""
    from vknz_desktop.export import deidentifier

    if not deidentifier.is_loaded():
        deidentifier.preload()


@pytest.fixture
def shown_messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    """Every message box shown through the bridge, as (kind, title, text); none of them
    blocks, and a question is answered No."""
    shown: list[tuple[str, str, str]] = []

    def recorder(kind: str) -> Callable[..., Any]:
        def record(_parent: object, title: str, text: str, *_a: object, **_k: object) -> Any:
            shown.append((kind, title, text))
            return False

        return record

    for function, kind in (
        ("inform", "information"),
        ("warn", "warning"),
        ("critical", "critical"),
        ("ask", "question"),
    ):
        monkeypatch.setattr(messages, function, recorder(kind))
    return shown


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


def review(window: MainWindow) -> ReviewFeature:
    """The window's review feature."""
    return window.feature(ReviewFeature)


def learning(window: MainWindow) -> LearningFeature:
    """The window's leerdoelen feature."""
    return window.feature(LearningFeature)


def samen_kijken(window: MainWindow) -> SamenKijkenFeature:
    """The window's Samen kijken feature."""
    return window.feature(SamenKijkenFeature)


def privacy(window: MainWindow) -> PrivacyFeature:
    """The window's privacy feature (Help menu, AVG-verzoek)."""
    return window.feature(PrivacyFeature)


def unlock(window: MainWindow, passphrase: str = PASSPHRASE) -> None:
    """Unlock without the dialog (the dialog has tests of its own), as the active window so
    that keyboard shortcuts reach it."""
    vault = window.context.gateway.open(passphrase)
    window.open_vault(vault, Identity(name="Tester"))
    if not window.isVisible():
        window.show()
    window.activateWindow()
    QTest.qWaitForWindowActive(window)


def allow_klant(window: MainWindow, recording_id: str) -> None:
    """Samen kijken needs the consent "klant kijkt mee" (the demo vault has only the
    researcher's)."""
    vault = window.vault
    assert vault is not None
    vault.set_consent(
        recording_id,
        make_consent(
            [ConsentScope.RESEARCHER, ConsentScope.CLIENT],
            given_by=Role.KLANT,
            given_on=dt.date(2026, 11, 1),
        ),
        role=Role.KLANTMANAGER,
    )


def wait_until_position(qtbot: QtBot, window: MainWindow, at_least_ms: int) -> None:
    qtbot.waitUntil(lambda: window.context.controller.position_ms() >= at_least_ms, timeout=8000)


__all__ = [
    "PASSPHRASE",
    "Path",
    "learning",
    "privacy",
    "review",
    "samen_kijken",
    "unlock",
    "wait_until_position",
]
