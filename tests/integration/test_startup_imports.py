"""What the app loads before its unlock dialog shows (issue 7: a cold start under 1.5 s).

The app is started as a user starts it (``python -m vknz_desktop``) with
``VKNZ_STARTUP_PROBE=modules``: once the unlock dialog is shown it prints the windows on screen
and every loaded module, and quits. PyAV, numpy, python-vlc, deduce, the Kijkwijzer profiles
and the big GUI modules must not be among them: they load after the dialog is up, or when first
used. Nothing here is timed; ``python -m bench --only startup`` measures the time.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from vknz_desktop.app import create_window
from vknz_desktop.media.vlc_player import TEST_ARGS
from vknz_desktop.paths import AppPaths

#: Loaded only after the unlock dialog is shown (a package name covers its submodules).
NOT_BEFORE_UNLOCK_DIALOG = (
    "av",  # PyAV and its FFmpeg
    "numpy",
    "vlc",  # python-vlc loads libVLC when imported
    "deduce",
    "docdeid",
    "vknz_desktop.media.analysis",
    "vknz_desktop.media.probe",
    "vknz_desktop.media.remux",
    "vknz_desktop.export",
    "vknz_desktop.domain.profiles",  # Kijkwijzer profiles: pydantic models, read from TOML
    "vknz_desktop.storage.profile_files",
    "vknz_desktop.domain.summary",
    "vknz_desktop.services.summary",
    "vknz_desktop.ui.workspace",  # the workspace, its timeline and clips
    "vknz_desktop.ui.library",
    "vknz_desktop.ui.features",  # every feature installs after the dialog is shown
)


def _started_app(tmp_path: Path) -> dict[str, str]:
    """Start the app up to its unlock dialog; returns the probe's ``key=value`` lines."""
    env = dict(os.environ, VKNZ_STARTUP_PROBE="modules", QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "vknz_desktop"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return dict(
        line.split("=", 1) for line in result.stdout.splitlines() if line.startswith("startup_")
    )


def test_unlock_dialog_shows_before_media_deduce_and_heavy_gui_modules(tmp_path: Path) -> None:
    probe = _started_app(tmp_path)
    assert "UnlockDialog" in probe["startup_windows"].split(",")
    loaded = probe["startup_modules"].split(",")
    assert "vknz_desktop.ui.shell.unlock_dialog" in loaded  # the list is the real one
    too_early = [
        heavy
        for heavy in NOT_BEFORE_UNLOCK_DIALOG
        if any(name == heavy or name.startswith(heavy + ".") for name in loaded)
    ]
    assert not too_early, f"loaded before the unlock dialog was shown: {too_early}"


def test_deferred_window_becomes_the_whole_window(qtbot: QtBot) -> None:
    """The app's start (``deferred``) ends with the same window, menus and player as the
    eager wiring that the GUI tests and screenshots use."""
    paths = AppPaths.resolve()
    eager, eager_engine = create_window(paths, TEST_ARGS)
    window, engine = create_window(paths, TEST_ARGS, deferred=True)
    qtbot.addWidget(eager)
    qtbot.addWidget(window)
    try:
        assert not hasattr(window, "workspace")
        assert not engine.starting and engine.start_problem is None
        window.finish_building()
        engine.start_in_background()

        def menus(main: object) -> list[tuple[str, list[str]]]:
            bar = main.menuBar()  # type: ignore[attr-defined]
            return [
                (menu_action.text(), [a.text() for a in menu_action.menu().actions()])
                for menu_action in bar.actions()
            ]

        assert menus(window) == menus(eager)
        assert window.stack.count() == eager.stack.count()
        assert [p.id for p in window.profiles] == [p.id for p in eager.profiles]
        assert [type(f).__name__ for f in window.features] == [
            type(f).__name__ for f in eager.features
        ]
        assert (
            len(window.features) == 6
        )  # review, learning, samen kijken, privacy, onderzoeker, opnemen
        assert engine.instance is not None  # waits for the background start
        assert engine.start_problem is None and not engine.starting
    finally:
        for main, started in ((eager, eager_engine), (window, engine)):
            main.close()
            main.context.controller.shutdown()
            started.release()
