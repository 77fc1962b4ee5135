"""The shell's screens: the library, the workspace, the locked window and the unlock dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from scripts.screens.stage import Scene, Stage

from vknz_desktop.ui.shell.unlock_dialog import UnlockDialog


def library(stage: Stage) -> QWidget | None:
    stage.window.show_library()
    stage.pump(0.5)
    return None


def workspace(stage: Stage) -> QWidget | None:
    stage.window.open_recording(stage.demo["video"])
    stage.pump(1.0)
    stage.window.context.controller.seek(31_000)
    stage.pump(1.0)
    return None


def unlock_dialog(stage: Stage) -> QWidget | None:
    """The dialog as it shows over the locked window (the vault stays open underneath)."""
    return stage.show_dialog(UnlockDialog(stage.window.context.gateway, stage.window))


SCENES = [
    Scene("library", library),
    Scene("workspace", workspace),
    Scene("unlock-dialog", unlock_dialog),
]
