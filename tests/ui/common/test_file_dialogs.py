"""The one file dialog: Qt's own, no history on disk (QtProject.conf, recently-used.xbel),
Dutch dates, closed by a lock, and it works in a hardened (non-dumpable) process."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QTreeView, QWidget
from pytestqt.qtbot import QtBot

from vknz_desktop.ui.common import file_dialogs, messages


@pytest.fixture
def dutch_locale() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def _when_shown(action: Callable[[QFileDialog], None]) -> None:
    """Act on the file dialog once it shows (it runs modally)."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QFileDialog) and dialog.isVisible():
            action(dialog)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)


def _type(dialog: QFileDialog, path: Path | str) -> None:
    """Type a file name into the dialog (in its folder, when the path has one) and accept."""
    path = Path(path)
    if path.is_absolute():
        dialog.setDirectory(str(path.parent))
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    assert name is not None
    name.setText(path.name)
    dialog.accept()


def test_the_dialog_is_qts_own_and_keeps_no_history(parent: QWidget, tmp_path: Path) -> None:
    dialog = file_dialogs.make_dialog(parent, "Kies", kind="test", directory=tmp_path)
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
    assert all(Path(entry) == tmp_path for entry in dialog.history())  # nothing from before
    dialog.deleteLater()


def test_choosing_files_returns_them_and_remembers_the_folder_until_lock(
    parent: QWidget, tmp_path: Path
) -> None:
    chosen = tmp_path / "gesprek.mp4"
    chosen.write_bytes(b"x")

    _when_shown(lambda dialog: _type(dialog, chosen))
    assert file_dialogs.choose_files(parent, "Importeren", kind="test") == [chosen]
    follow_up = file_dialogs.make_dialog(parent, "Nog een", kind="test")
    assert Path(follow_up.directory().absolutePath()) == tmp_path
    follow_up.deleteLater()
    file_dialogs.forget_folders()  # the lock does this
    again = file_dialogs.make_dialog(parent, "Nog een", kind="test")
    assert Path(again.directory().absolutePath()) == Path.home()
    again.deleteLater()


def test_a_lock_closes_the_dialog_and_it_answers_cancelled(parent: QWidget, tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text("{}")

    def lock(dialog: QFileDialog) -> None:
        dialog.findChild(QLineEdit, "fileNameEdit").setText("a.json")
        assert messages.close_all() == 1

    _when_shown(lock)
    assert file_dialogs.choose_files(parent, "Kies", kind="test", directory=tmp_path) == []
    _when_shown(lambda _dialog: messages.close_all())
    assert file_dialogs.choose_folder(parent, "Map", directory=tmp_path) is None


def test_saving_over_an_existing_file_is_asked_first(
    parent: QWidget, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    existing = tmp_path / "agenda.html"
    existing.write_text("oud")
    asked: list[str] = []

    def answer(yes: bool) -> None:
        def ask(_parent: object, _title: str, text: str) -> bool:
            asked.append(text)
            return yes

        monkeypatch.setattr(messages, "ask", ask)

    def type_name(dialog: QFileDialog) -> None:
        _type(dialog, "agenda")  # without the suffix: the helper adds it

    answer(False)
    _when_shown(type_name)
    assert file_dialogs.choose_save_file(parent, "Opslaan", existing, suffix=".html") is None
    assert asked and "agenda.html bestaat al" in asked[0]
    answer(True)
    _when_shown(type_name)
    assert file_dialogs.choose_save_file(parent, "Opslaan", existing, suffix=".html") == existing
    _when_shown(lambda dialog: _type(dialog, "nieuw"))
    asked.clear()
    new = file_dialogs.choose_save_file(parent, "Opslaan", existing, suffix=".html")
    assert new == tmp_path / "nieuw.html" and not asked  # a new file: no question


def test_dates_are_written_in_the_apps_language(
    parent: QWidget, tmp_path: Path, qtbot: QtBot, dutch_locale: None
) -> None:
    file = tmp_path / "opname.mp4"
    file.write_bytes(b"x")
    when = dt.datetime(2026, 10, 12, 9, 30).timestamp()
    os.utime(file, (when, when))
    dialog = file_dialogs.make_dialog(parent, "Kies", kind="test", directory=tmp_path)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    qtbot.addWidget(dialog)
    dialog.show()
    view = dialog.findChild(QTreeView, "treeView")
    assert view is not None
    model = view.model()

    def row() -> list[str]:
        root = view.rootIndex()
        for number in range(model.rowCount(root)):
            if model.index(number, 0, root).data() == "opname.mp4":
                return [model.index(number, c, root).data() for c in range(4)]
        return []

    qtbot.waitUntil(lambda: bool(row()), timeout=5000)
    assert row()[3] == "12-10-2026 09:30"  # Dutch short date, whatever the system's locale
    dialog.reject()


_SANDBOX_SCRIPT = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit
    from vknz_desktop.hardening import harden_process, is_dumpable
    from vknz_desktop.ui.common import file_dialogs

    harden_process()
    app = QApplication([])
    folder = Path(sys.argv[2])
    chosen = folder / "dossier-Jansen" / "gesprek.mp4"

    def accept():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, accept)
            return
        dialog.setDirectory(str(chosen.parent))
        dialog.findChild(QLineEdit, "fileNameEdit").setText(chosen.name)
        dialog.accept()

    QTimer.singleShot(20, accept)
    if sys.argv[1] == "qt":  # what the app did before: Qt's static function
        names, _ = QFileDialog.getOpenFileNames(
            None, "Kies", str(chosen.parent), options=QFileDialog.Option.DontUseNativeDialog
        )
        result = [Path(n) for n in names]
    else:
        result = file_dialogs.choose_files(None, "Kies", directory=chosen.parent)
    app.processEvents()
    print(result == [chosen], is_dumpable())
    """
)


@pytest.mark.parametrize(("way", "leaves_history"), [("qt", True), ("ours", False)])
def test_nothing_is_written_outside_the_vault(
    tmp_path: Path, way: str, leaves_history: bool
) -> None:
    """Run in a sandboxed HOME/XDG_CONFIG_HOME (and hardened): Qt's own static dialog writes
    QtProject.conf with the folder visited; ours writes nothing anywhere in the sandbox."""
    home = tmp_path / "sandbox"
    media = tmp_path / "media"
    (media / "dossier-Jansen").mkdir(parents=True)
    (media / "dossier-Jansen" / "gesprek.mp4").write_bytes(b"x")
    home.mkdir()
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_STATE_HOME": str(home / ".local" / "state"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    out = subprocess.run(
        [sys.executable, "-c", _SANDBOX_SCRIPT, way, str(media)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert out.stdout.split() == ["True", "False"]  # chosen, in a non-dumpable process
    written = [p for p in home.rglob("*") if p.is_file()]
    mentions = [p for p in written if b"dossier-Jansen" in p.read_bytes()]
    if leaves_history:
        assert any(p.name == "QtProject.conf" for p in mentions), written  # the control
    else:
        assert written == []
        assert not list(home.rglob("recently-used.xbel"))


def test_every_file_dialog_of_the_app_is_this_one() -> None:
    source = Path(file_dialogs.__file__).resolve().parents[2]
    users = [
        path.relative_to(source).as_posix()
        for path in source.rglob("*.py")
        if "QFileDialog" in path.read_text(encoding="utf-8")
    ]
    assert users == ["ui/common/file_dialogs.py"]
