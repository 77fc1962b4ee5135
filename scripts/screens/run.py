"""Walk every screen of the app in every mode and save a PNG of each.

Usage, under Xvfb with a window manager and a screen of the mode's size (run once per size):

    Xvfb :50 -screen 0 1366x768x24 &  DISPLAY=:50 openbox &
    DISPLAY=:50 python scripts/screens/run.py OUT_DIR --modes 1366x768-100,1366x768-150,...
    python scripts/screens/run.py OUT_DIR [--only NAME,NAME] [--modes TAG,TAG]

Scenes come from every ``scenes_*.py`` beside this file (see stage.py). The demo vault is
made up: a generated picture, fake notes, no real person. Prints what does not fit.
"""

from __future__ import annotations

import argparse
import importlib
import os
import shutil
import sys
import tempfile
import traceback
from pathlib import Path

from PySide6.QtWidgets import QApplication

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent.parent), str(HERE.parent)]  # the repository; scripts/

from scripts.screens.stage import MODES, Mode, Scene, Stage  # noqa: E402

from demo_vault import PASSPHRASE, build_demo_vault  # noqa: E402
from vknz_desktop.app import create_window, install_translations  # noqa: E402
from vknz_desktop.paths import AppPaths  # noqa: E402
from vknz_desktop.storage.keyfile import TEST_PROFILE  # noqa: E402
from vknz_desktop.ui.common.identity import Identity  # noqa: E402
from vknz_desktop.ui.shell.settings_dialog import AppSettings  # noqa: E402


def scenes() -> list[Scene]:
    """Every scene of every ``scenes_*.py``, in file order."""
    found: list[Scene] = []
    for path in sorted(HERE.glob("scenes_*.py")):
        module = importlib.import_module(f"scripts.screens.{path.stem}")
        found.extend(module.SCENES)
    return found


def apply_mode(stage: Stage, mode: Mode) -> None:
    """Screen size, the app's text size and high contrast, as the settings dialog sets them."""
    stage.mode = mode
    window = stage.window
    screen = window.screen().size()
    if (mode.width, mode.height) == (screen.width(), screen.height()):
        window.showMaximized()  # as on a laptop of that size: the window fills the screen
    else:
        window.showNormal()
        window.resize(mode.width, mode.height)
    vault = window.vault
    assert vault is not None
    settings = AppSettings.load(vault)
    settings.text_scale, settings.high_contrast = mode.scale, mode.contrast
    settings.save(vault)
    window.apply_settings(settings)
    stage.pump(0.4)


def shoot(stage: Stage, scene: Scene) -> None:
    name = f"{scene.name}-{stage.mode.tag}"
    stage.window.help_overlay.hide()  # the '?' scene leaves it open over the window
    try:
        widget = scene.show(stage) or stage.window
    except Exception:  # a broken scene is reported, the others still run
        stage.problems.append(f"{name}: the scene failed\n{traceback.format_exc()}")
        return
    stage.pump(0.3)
    # The whole screen, as the user sees it: window manager frames and titles included.
    widget.screen().grabWindow(0).save(str(stage.out / f"{name}.png"))
    stage.check(name, widget)
    if widget is not stage.window:
        stage.close(widget)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--only", default="", help="scene names, comma-separated")
    parser.add_argument("--modes", default="", help="mode tags, e.g. 1366x768-200")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setApplicationName("VKNZ")
    install_translations(app)
    home = Path(tempfile.mkdtemp(prefix="vknz-screens-"))
    os.environ["VKNZ_HOME"] = str(home)
    paths = AppPaths.resolve()
    vault, video = build_demo_vault(paths.vault_dir, home)
    audio = next(r.id for r in vault.recordings() if not r.media.has_video)
    vault.close()
    window, engine = create_window(paths, ("--aout=dummy",), kdf_profile=TEST_PROFILE)
    window.show()
    window.open_vault(window.context.gateway.open(PASSPHRASE), Identity(name="Sam"))
    stage = Stage(window, {"video": video, "audio": audio}, PASSPHRASE, args.out)
    for dialog in stage.top_dialogs():  # e.g. the retention question at unlock
        stage.close(dialog)
    only = {n for n in args.only.split(",") if n}
    wanted = {t for t in args.modes.split(",") if t}
    try:
        for mode in MODES:
            if wanted and mode.tag not in wanted:
                continue
            apply_mode(stage, mode)
            for scene in scenes():
                if (only and scene.name not in only) or mode not in scene.modes:
                    continue
                shoot(stage, scene)
    finally:
        apply_mode(stage, MODES[0])
        window.close()
        window.context.controller.shutdown()
        engine.release()
        shutil.rmtree(home, ignore_errors=True)  # the demo video is plaintext (fake) media
    for problem in stage.problems:
        print(f"PROBLEM {problem}")
    print(f"{len(list(args.out.glob('*.png')))} screenshots in {args.out}")
    return 1 if stage.problems else 0


if __name__ == "__main__":
    sys.exit(main())
