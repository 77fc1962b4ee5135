"""The stage every scene plays on: the real app on a demo vault, and helpers to look at it.

A scene module (``scenes_<area>.py`` beside this file) declares ``SCENES``: a list of
``Scene(name, show)``. ``show(stage)`` brings one screen up and returns the widget to grab
(``None``: the main window). The runner calls every scene once per mode (screen size, text
size, high contrast), saves ``<name>-<mode>.png`` and reports text that does not fit and
windows larger than the screen. A scene cleans up after itself with ``stage.close(widget)``
(dialogs) or by going back to the library.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QWidget,
)

from vknz_desktop.ui.shell.main_window import MainWindow


@dataclass(frozen=True)
class Mode:
    """One way of looking: a screen size, the app's text size and high contrast."""

    width: int
    height: int
    scale: int = 100
    contrast: bool = False

    @property
    def tag(self) -> str:
        contrast = "-contrast" if self.contrast else ""
        return f"{self.width}x{self.height}-{self.scale}{contrast}"


#: The modes every screen is looked at in (issue 16).
MODES = (
    Mode(1366, 768, 100),
    Mode(1366, 768, 150),
    Mode(1366, 768, 200),
    Mode(1366, 768, 100, contrast=True),
    Mode(1366, 768, 200, contrast=True),
    Mode(1920, 1080, 100),
)


@dataclass
class Stage:
    """The app with a demo vault open (see run.py), and what scenes need to drive it."""

    window: MainWindow
    demo: dict[str, str]  # "video", "audio", ... → recording id in the demo vault
    passphrase: str
    out: Path
    mode: Mode = MODES[0]
    problems: list[str] = field(default_factory=list)

    def pump(self, seconds: float = 0.3) -> None:
        """Let Qt (and libVLC's pictures) catch up."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            QCoreApplication.processEvents()
            time.sleep(0.01)

    def show_dialog(self, dialog: QDialog) -> QDialog:
        """Show ``dialog`` without blocking, laid out as the user would see it."""
        dialog.show()
        self.pump(0.4)
        return dialog

    def close(self, widget: QWidget | None) -> None:
        """Close a dialog a scene opened."""
        if widget is None:
            return
        if isinstance(widget, QDialog):
            widget.reject()
        widget.close()
        widget.deleteLater()
        self.pump(0.1)

    def check(self, name: str, root: QWidget) -> None:
        """Note text narrower than its widget, and a window larger than the screen."""
        for widget in [root, *root.findChildren(QWidget)]:
            if not widget.isVisible() or not isinstance(
                widget, QAbstractButton | QLabel | QComboBox
            ):
                continue
            if isinstance(widget, QLabel) and (widget.wordWrap() or widget.pixmap() is not None):
                continue
            text = widget.currentText() if isinstance(widget, QComboBox) else widget.text()
            if not text or "<" in text:
                continue
            needed = widget.fontMetrics().horizontalAdvance(text.replace("&", ""))
            if needed > widget.contentsRect().width() + 1:
                self.problems.append(f"{name}: {type(widget).__name__} {text!r} is cut off")
        screen = root.screen().availableGeometry()
        if root.isWindow() and not screen.contains(root.frameGeometry()):
            self.problems.append(
                f"{name}: {root.width()}x{root.height()} is larger than the screen "
                f"{screen.width()}x{screen.height()}"
            )

    @staticmethod
    def top_dialogs() -> list[QDialog]:
        """Dialogs on screen now (e.g. one a scene's action opened)."""
        return [
            w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()
        ]


@dataclass(frozen=True)
class Scene:
    """One screen: ``show(stage)`` brings it up and returns what to grab (None: the window)."""

    name: str
    show: Callable[[Stage], QWidget | None]
    modes: tuple[Mode, ...] = MODES
