"""Screenshots of the "Samen kijken" view and of the workspace with enlarged text.

Usage: python scripts/screenshots_samen_kijken.py OUT_DIR [WIDTHxHEIGHT ...]
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
from demo_vault import PASSPHRASE, build_demo_vault
from vknz_desktop.app import create_window, install_translations
from vknz_desktop.paths import AppPaths
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.ui.settings_dialog import AppSettings
from vknz_desktop.ui.workspace import Identity


def pump(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    sizes = [tuple(int(v) for v in s.split("x")) for s in sys.argv[2:]] or [
        (1366, 768),
        (1920, 1080),
    ]
    app = QApplication(sys.argv[:1])
    app.setApplicationName("VKNZ")
    install_translations(app)
    home = Path(tempfile.mkdtemp(prefix="vknz-shots-"))
    os.environ["VKNZ_HOME"] = str(home)
    paths = AppPaths.resolve()
    vault, recording_id = build_demo_vault(paths.vault_dir, home)
    vault.close()
    window, engine = create_window(paths, ("--aout=dummy",), kdf_profile=TEST_PROFILE)
    window.show()
    window._on_unlocked(window.context.gateway.open(PASSPHRASE), Identity(name="Sam"))
    controller = window.context.controller
    feature = window.samen_kijken
    # high contrast first, at 1366x768 (hidden pages keep the minimum width of larger text)
    window.resize(1366, 768)
    window.open_recording(recording_id)
    pump(1.0)
    controller.seek(31_000)
    settings = AppSettings.load(window.vault)  # type: ignore[arg-type]
    settings.high_contrast = True
    window.apply_settings(settings)
    pump(0.5)
    window.grab().save(str(out / "workspace-contrast-1366x768.png"))
    feature.enter()
    feature.view.set_topics_visible(True)
    pump(1.0)
    window.grab().save(str(out / "samen-kijken-contrast-1366x768.png"))
    feature.leave()
    settings.high_contrast = False
    window.apply_settings(settings)
    pump(0.5)
    for scale in (100, 200):
        settings = AppSettings.load(window.vault)  # type: ignore[arg-type]
        settings.text_scale = scale
        window.apply_settings(settings)
        for width, height in sizes:
            window.resize(width, height)
            window.open_recording(recording_id)
            pump(1.0)
            controller.seek(31_000)
            pump(1.0)
            tag = f"{width}x{height}-{scale}"
            window.grab().save(str(out / f"workspace-{tag}.png"))
            feature.enter()
            pump(1.2)
            window.grab().save(str(out / f"samen-kijken-{tag}.png"))
            feature.view.set_topics_visible(True)
            feature.view.toggle_topic(feature.view.pictogram_buttons[1].topic)
            pump(0.4)
            window.grab().save(str(out / f"samen-kijken-plaatje-{tag}.png"))
            feature.view.toggle_topic(None)
            feature.view.mark_button.setFocus()
            feature.view.mark_moment()
            pump(0.3)
            window.grab().save(str(out / f"samen-kijken-bewaard-{tag}.png"))
            feature.leave()
            pump(0.3)
    window.close()
    controller.shutdown()
    engine.release()
    shutil.rmtree(home, ignore_errors=True)  # the demo video is plaintext (fake) media
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main()
