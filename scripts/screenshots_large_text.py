"""Screenshots at 100, 150 and 200 % text (and in high contrast and a dark scheme): the unlock
dialog, the library, the settings dialog and the workspace (with clips, and while answering).

Usage: python scripts/screenshots_large_text.py OUT_DIR [WIDTHxHEIGHT ...] [--scales 100,200]

Run under Xvfb with a screen of the same size (e.g. ``Xvfb :98 -screen 0 1366x768x24``), so
that dialogs are laid out as on such a screen. Prints widgets whose text does not fit.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QDialog, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parent))
from demo_vault import PASSPHRASE, build_demo_vault
from vknz_desktop.app import create_window, install_translations
from vknz_desktop.paths import AppPaths
from vknz_desktop.services.clips import ClipService
from vknz_desktop.storage.fragments_repo import FragmentsRepository
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.ui.retention_dialog import RetentionDialog
from vknz_desktop.ui.settings_dialog import AppSettings, SettingsDialog
from vknz_desktop.ui.unlock_dialog import UnlockDialog
from vknz_desktop.ui.workspace import Identity

CLIPS = [
    (4_000, 13_500, "Begroeting", "werkrelatie"),
    (21_000, 33_000, "Doel van het gesprek", "doel-en-agenda"),
    (41_500, 52_000, "Stilte laten vallen", "luisteren"),
]


def pump(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)


def dark_palette() -> QPalette:
    """What a dark operating-system scheme gives (dark grey window, light text)."""
    palette = QPalette()
    role = QPalette.ColorRole
    for colour_role, colour in (
        (role.Window, QColor(45, 45, 48)),
        (role.WindowText, QColor(230, 230, 230)),
        (role.Base, QColor(30, 30, 32)),
        (role.AlternateBase, QColor(50, 50, 54)),
        (role.Text, QColor(230, 230, 230)),
        (role.Button, QColor(55, 55, 60)),
        (role.ButtonText, QColor(230, 230, 230)),
        (role.Highlight, QColor(61, 124, 201)),
        (role.HighlightedText, QColor(255, 255, 255)),
        (role.PlaceholderText, QColor(150, 150, 150)),
    ):
        palette.setColor(colour_role, colour)
    return palette


def report_cut_off(name: str, root: QWidget) -> None:
    """Print buttons, labels and combo boxes narrower than their text (a rough check)."""
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel

    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or not isinstance(widget, QAbstractButton | QLabel | QComboBox):
            continue
        if isinstance(widget, QLabel) and (widget.wordWrap() or widget.pixmap() is not None):
            continue
        text = widget.currentText() if isinstance(widget, QComboBox) else widget.text()
        if not text or "<" in text:
            continue
        needed = widget.fontMetrics().horizontalAdvance(text)
        if needed > widget.contentsRect().width():
            print(f"  {name}: {type(widget).__name__} {text!r} {needed} > {widget.width()}")


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    scales = [100, 150, 200]
    if "--scales" in sys.argv:
        scales = [int(v) for v in sys.argv[sys.argv.index("--scales") + 1].split(",")]
        args.remove(sys.argv[sys.argv.index("--scales") + 1])
    out = Path(args[0])
    out.mkdir(parents=True, exist_ok=True)
    sizes = [tuple(int(v) for v in s.split("x")) for s in args[1:]] or [(1366, 768)]
    app = QApplication(sys.argv[:1])
    app.setApplicationName("VKNZ")
    install_translations(app)
    home = Path(tempfile.mkdtemp(prefix="vknz-shots-"))
    os.environ["VKNZ_HOME"] = str(home)
    paths = AppPaths.resolve()
    vault, recording_id = build_demo_vault(paths.vault_dir, home)
    clips = ClipService(FragmentsRepository(vault))
    for start, end, title, theme in CLIPS:
        clips.create(recording_id, start, end, title=title, theme_id=theme)
    vault.close()
    window, engine = create_window(paths, ("--aout=dummy",), kdf_profile=TEST_PROFILE)
    window.show()
    window._on_unlocked(window.context.gateway.open(PASSPHRASE), Identity(name="Sam"))
    controller = window.context.controller

    def close_retention() -> None:
        for dialog in window.findChildren(RetentionDialog):
            dialog.reject()
            dialog.deleteLater()

    close_retention()

    def settings(scale: int, contrast: bool = False) -> None:
        loaded = AppSettings.load(window.vault)  # type: ignore[arg-type]
        loaded.text_scale, loaded.high_contrast = scale, contrast
        loaded.save(window.vault)  # type: ignore[arg-type]  # kept across the lock, as in use
        window.apply_settings(loaded)
        pump(0.3)

    def workspace(tag: str) -> None:
        window.open_recording(recording_id)
        pump(1.0)
        controller.seek(31_000)
        pump(1.0)
        ws = window.workspace
        ws.observation_list.select(ws.observations[3].id)
        ws.clips.select(ws.clips.clips[1].id)
        pump(0.3)
        window.grab().save(str(out / f"workspace-{tag}.png"))
        report_cut_off(f"workspace-{tag}", window)
        ws.answer_question("werkrelatie", "gevoel-opmerken")
        pump(0.4)
        window.grab().save(str(out / f"workspace-answer-{tag}.png"))
        report_cut_off(f"workspace-answer-{tag}", window)
        ws.editor.cancel()
        pump(0.2)

    def dialog_shot(dialog: QDialog, name: str) -> None:
        dialog.show()
        pump(0.4)
        dialog.grab().save(str(out / f"{name}.png"))
        screen = dialog.screen().availableGeometry()
        frame = dialog.frameGeometry()
        where = "" if screen.contains(frame) else "  (LARGER THAN THE SCREEN)"
        print(
            f"  {name}: {dialog.width()}x{dialog.height()} on {screen.width()}x"
            f"{screen.height()}{where}"
        )
        report_cut_off(name, dialog)

    for width, height in sizes:
        window.resize(width, height)
        pump(0.3)
        for scale in scales:
            tag = f"{width}x{height}-{scale}"
            settings(scale)
            window.show_library()
            pump(0.5)
            window.grab().save(str(out / f"library-{tag}.png"))
            report_cut_off(f"library-{tag}", window)
            dialog = SettingsDialog(AppSettings.load(window.vault), window)  # type: ignore[arg-type]
            dialog_shot(dialog, f"settings-{tag}")
            dialog.reject()
            dialog.deleteLater()
            workspace(tag)
            if scale in (100, 200):  # high contrast, then a dark operating-system scheme
                settings(scale, contrast=True)
                workspace(f"{tag}-contrast")
                settings(scale, contrast=False)
                app.setPalette(dark_palette())
                pump(0.3)
                workspace(f"{tag}-dark")
                app.setPalette(QPalette())
                pump(0.3)
            window.lock()
            pump(0.5)
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, UnlockDialog) and widget.isVisible():
                    widget.hide()
            unlock = UnlockDialog(window.context.gateway, window)
            dialog_shot(unlock, f"unlock-dialog-{tag}")
            window.grab().save(str(out / f"locked-{tag}.png"))
            unlock.hide()
            unlock.deleteLater()
            window._on_unlocked(window.context.gateway.open(PASSPHRASE), Identity(name="Sam"))
            pump(0.5)
            close_retention()
            settings(scale)
            window._warn_about_expired()  # the demo vault has an expired recording
            pump(0.3)
            for retention in window.findChildren(RetentionDialog):
                if retention.isVisible():
                    dialog_shot(retention, f"retention-{tag}")
            close_retention()
    settings(100)
    window.close()
    controller.shutdown()
    engine.release()
    shutil.rmtree(home, ignore_errors=True)  # the demo video is plaintext (fake) media
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main()
