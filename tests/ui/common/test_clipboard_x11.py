"""On a real X server (Xvfb): selecting text fills X11's PRIMARY selection, and Ctrl+C the
clipboard; both reach other programs marked for clipboard managers, and a lock clears both.

The app runs in one process; "another program" is a second process on the same display."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11")

_APP = textwrap.dedent(
    """
    import select, sys
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QClipboard, QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit
    from vknz_desktop.ui.common.clipboard import KDE_HINT, SensitiveClipboard

    app = QApplication([])
    clipboard = SensitiveClipboard()
    clipboard.install()
    field = QLineEdit("De klant woont aan de Zonnebloemhof 14")
    field.show()
    QTest.qWaitForWindowExposed(field)
    field.activateWindow()
    field.setFocus()
    # a mouse selection: drag over the words (Qt puts them in PRIMARY on release)
    QTest.mousePress(field, Qt.MouseButton.LeftButton, pos=QPoint(2, 5))
    QTest.mouseMove(field, QPoint(field.width() - 2, 5))
    QTest.mouseRelease(field, Qt.MouseButton.LeftButton, pos=QPoint(field.width() - 2, 5))
    QTest.qWait(100)
    selection = QGuiApplication.clipboard().mimeData(QClipboard.Mode.Selection)
    print("selection-owned", QGuiApplication.clipboard().ownsSelection(), flush=True)
    print("selection-marked", selection is not None and selection.hasFormat(KDE_HINT), flush=True)
    QTest.keyClick(field, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    print("ready", flush=True)

    def wait_for_line():  # the event loop keeps running: X asks us for the selection's text
        while not select.select([sys.stdin], [], [], 0.02)[0]:
            app.processEvents()
        return sys.stdin.readline().strip()

    command = wait_for_line()  # the test reads from another process meanwhile
    if command == "lock":
        clipboard.clear_if_ours()
        QTest.qWait(100)
    print("done", flush=True)
    wait_for_line()
    """
)

_OTHER_PROGRAM = textwrap.dedent(
    """
    from PySide6.QtGui import QClipboard, QGuiApplication
    app = QGuiApplication([])
    clipboard = QGuiApplication.clipboard()
    for mode in (QClipboard.Mode.Clipboard, QClipboard.Mode.Selection):
        data = clipboard.mimeData(mode)
        formats = data.formats() if data is not None else []
        print(repr(clipboard.text(mode)), "x-kde-passwordManagerHint" in formats)
    """
)


@pytest.fixture
def display(tmp_path: Path) -> Iterator[str]:
    """A private X server (Xvfb, as `make test` installs)."""
    xvfb = shutil.which("Xvfb")
    assert xvfb, "Xvfb is needed (make system-test-deps installs it)"
    read, write = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write), "-screen", "0", "800x600x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as handle:
        number = handle.readline().strip()
    assert number, "Xvfb did not start"
    yield f":{number}"
    server.terminate()
    server.wait(10)


def _env(display: str) -> dict[str, str]:
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    env.pop("WAYLAND_DISPLAY", None)
    return env


def _other_program(display: str) -> list[tuple[str, bool]]:
    out = subprocess.run(
        [sys.executable, "-c", _OTHER_PROGRAM],
        env=_env(display),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    rows = []
    for line in out.stdout.splitlines():
        text, hint = line.rsplit(" ", 1)
        rows.append((ast.literal_eval(text), hint == "True"))
    return rows


def test_selection_and_clipboard_are_marked_and_cleared_at_lock(display: str) -> None:
    app = subprocess.Popen(
        [sys.executable, "-c", _APP],
        env=_env(display),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert app.stdin is not None and app.stdout is not None
    try:
        lines = [app.stdout.readline().strip() for _ in range(3)]
        assert lines == ["selection-owned True", "selection-marked True", "ready"], lines
        (clip_text, clip_hint), (sel_text, sel_hint) = _other_program(display)
        assert "Zonnebloemhof" in clip_text and clip_hint  # what another program gets
        assert "Zonnebloemhof" in sel_text and sel_hint
        app.stdin.write("lock\n")
        app.stdin.flush()
        assert app.stdout.readline().strip() == "done"
        (clip_text, _hint), (sel_text, _hint2) = _other_program(display)
        assert clip_text == "" and sel_text == ""  # nothing left for anyone after the lock
        app.stdin.write("quit\n")
        app.stdin.flush()
        app.wait(30)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait(10)
