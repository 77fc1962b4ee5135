"""The English UI: the compiled translation is loaded and no translated Dutch text is left."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import unlock
from vknz_desktop.ui.shell.main_window import MainWindow
from vknz_desktop.ui.shell.unlock_dialog import UnlockDialog

ROOT = Path(__file__).resolve().parents[3]


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "scripts" / "update_translations.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


tools = _load_script()


@pytest.fixture(scope="session")
def english_qm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .qm the build makes; compiled from the .ts when the checkout has none yet."""
    if tools.QM_FILE.exists() and tools.QM_FILE.stat().st_mtime >= tools.TS_FILE.stat().st_mtime:
        return tools.QM_FILE
    qm = tmp_path_factory.mktemp("translations") / "vknz_en.qm"
    tools.lrelease(tools.TS_FILE, qm)
    return qm


@pytest.fixture
def english(qapp: QApplication, english_qm: Path) -> Iterator[QTranslator]:
    """The English translator installed (before the window is made), removed afterwards."""
    translator = QTranslator()
    assert translator.load(str(english_qm)), english_qm
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


@pytest.fixture
def english_window(english: QTranslator, window: MainWindow) -> MainWindow:
    return window


def _dutch_texts() -> set[str]:
    """Dutch source texts whose English translation differs (with and without '&')."""
    texts = set()
    for message in tools.read_messages(tools.TS_FILE):
        if message.live and message.finished and message.translation != message.source:
            texts.add(message.source)
            texts.add(message.source.replace("&", ""))
    return texts


def _texts(root: QWidget) -> list[tuple[str, str]]:
    found = [("window title", root.windowTitle())]
    for label in root.findChildren(QLabel):
        found.append((f"QLabel {label.objectName()}", label.text()))
    for button in root.findChildren(QAbstractButton):
        found.append((f"{type(button).__name__} {button.objectName()}", button.text()))
    for action in root.findChildren(QAction):
        found.append(("QAction", action.text()))
        menu = action.menu()
        if menu is not None:
            found.append(("QMenu", menu.title()))
    return [(where, text) for where, text in found if text]


def _assert_no_dutch(root: QWidget) -> None:
    dutch = _dutch_texts()
    left = [f"{where}: {text!r}" for where, text in _texts(root) if text in dutch]
    assert not left, "Dutch text left in the English UI:\n" + "\n".join(left)


def test_menus_and_actions_are_english(
    english_window: MainWindow, demo_vault: dict[str, str]
) -> None:
    window = english_window
    unlock(window)
    titles = [action.text() for action in window.menuBar().actions()]
    assert "&File" in titles
    assert "&Edit" in titles
    assert "&Help" in titles
    assert window.registry.action("file.lock").text() == "&Lock"
    assert window.registry.action("file.quit").text() == "&Quit"
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        keys = [
            a.text().split("&", 1)[1][0].lower()
            for a in menu.actions()
            if a.isVisible() and "&" in a.text().replace("&&", "")
        ]
        assert len(keys) == len(set(keys)), f"accelerators repeat in {menu_action.text()}: {keys}"
    _assert_no_dutch(window)


def test_workspace_is_english(
    english_window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    window = english_window
    unlock(window)
    window.open_recording(demo_vault["video"])
    qtbot.wait(200)
    _assert_no_dutch(window)


def test_unlock_dialog_is_english(
    english_window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    dialog = UnlockDialog(english_window.context.gateway, english_window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ok_button.text() == "Open"
    assert dialog.windowTitle() == "VKNZ — open vault"
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    assert "&Password:" in labels
    roles = [dialog.role_box.itemText(i) for i in range(dialog.role_box.count())]
    assert "Case manager" in roles
    _assert_no_dutch(dialog)
    dialog.reject()


def test_numbers_follow_the_english_translation(english: QTranslator) -> None:
    from vknz_desktop.ui.common.formatting import format_megabytes, format_number

    assert format_number(1_234_567) == "1,234,567"
    assert format_megabytes(1_234_567_890) == "1,234.6"
