"""Screenshots of the real app under Xvfb (or offscreen): unlock, library and workspace.

Usage: python scripts/screenshots.py OUT_DIR [WIDTHxHEIGHT ...]
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))
from demo_vault import build_demo_vault
from vknz_desktop.app import create_window, install_translations
from vknz_desktop.paths import AppPaths
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.ui.unlock_dialog import UnlockDialog
from vknz_desktop.ui.workspace import Identity


def pump(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    sizes = [tuple(int(v) for v in s.split("x")) for s in sys.argv[2:]] or [(1366, 768)]
    app = QApplication(sys.argv[:1])
    app.setApplicationName("VKNZ")
    install_translations(app)
    home = Path(tempfile.mkdtemp(prefix="vknz-shots-"))
    os.environ["VKNZ_HOME"] = str(home)
    paths = AppPaths.resolve()
    vault, recording_id = build_demo_vault(paths.vault_dir, home)
    vault.close()
    window, engine = create_window(paths, ("--aout=dummy",), kdf_profile=TEST_PROFILE)
    for width, height in sizes:
        window.resize(width, height)
        window.show()
        pump(0.3)
        dialog = UnlockDialog(window.context.gateway, window)
        dialog.show()
        pump(0.3)
        window.grab().save(str(out / f"unlock-{width}x{height}.png"))
        dialog.grab().save(str(out / f"unlock-dialog-{width}x{height}.png"))
        dialog.passphrase.setText("paard batterij nietje")
        dialog.name_edit.setText("Sam")
        dialog.try_unlock()
        if window.vault is None:
            window._on_unlocked(dialog.vault, Identity())  # type: ignore[arg-type]
        pump(0.5)
        window.show_library()
        pump(0.5)
        window.grab().save(str(out / f"library-{width}x{height}.png"))
        window.open_recording(recording_id)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and (
            window.vault is None
            or window.vault.derived_media(recording_id, "thumbnails-v1") is None
        ):
            pump(0.2)
        pump(0.5)
        controller = window.context.controller
        controller.play()
        pump(2.5)
        controller.pause()
        controller.seek(31_000)
        pump(1.5)
        window.workspace.observation_list.select(window.workspace.observations[8].id)
        pump(0.3)
        window.grab().save(str(out / f"workspace-{width}x{height}.png"))
        window.workspace.answer_question("werkrelatie", "gevoel-opmerken")
        pump(0.3)
        window.grab().save(str(out / f"workspace-answer-{width}x{height}.png"))
        window.workspace.editor.cancel()
        window.show_shortcuts()
        pump(0.3)
        window.grab().save(str(out / f"shortcuts-{width}x{height}.png"))
        window.help_overlay.hide()
        window.lock()
        pump(0.5)
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, UnlockDialog):
                widget.reject() if False else widget.hide()
    window.close()
    window.context.controller.shutdown()
    engine.release()
    shutil.rmtree(home, ignore_errors=True)  # the demo video is plaintext (fake) media
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main()
