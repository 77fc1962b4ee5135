"""Choosing files and folders without leaving a trace: the one file dialog of the app.

Every file and folder choice in the app comes through here. The dialog is Qt's own (not the
platform's native one): a native GTK dialog or the desktop portal writes the files it shows to
``recently-used.xbel``. Qt's dialog in turn keeps its history, the last folder visited and its
layout in ``QtProject.conf`` (``QSettings``) when it closes — a client's dossier folder was
found there. ``keep_no_qt_settings`` points Qt's user settings at a place that cannot exist,
so nothing is ever written (the app keeps no settings of its own outside the vault, except the
language choice in a file of its own). The folder last used is remembered in memory only, per
kind of choice, and forgotten at lock (``forget_folders``).

The dialogs run through the message bridge (``messages.run``): a lock closes them and they
answer "cancelled".
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QIdentityProxyModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
)
from PySide6.QtWidgets import QFileDialog, QFileSystemModel, QWidget

from vknz_desktop.ui.common import messages

#: Qt's user settings go here: a path below a device file, which no folder can be made in.
NO_SETTINGS_PATH = str(Path(os.devnull) / "vknz-keeps-no-qt-settings")

_last_folder: dict[str, Path] = {}
_settings_redirected = False


def keep_no_qt_settings() -> None:
    """Qt's own settings (``QtProject.conf``: file dialog history) are never written."""
    global _settings_redirected
    if _settings_redirected:
        return
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, NO_SETTINGS_PATH)
        QSettings.setPath(QSettings.Format.NativeFormat, scope, NO_SETTINGS_PATH)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)  # never the Windows registry
    _settings_redirected = True


class LocalDates(QIdentityProxyModel):
    """The dialog's files with their dates in the app's language (Qt's file model writes
    them in the system's locale, e.g. American dates on an English system)."""

    DATE_COLUMN = 3

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        source = self.sourceModel()
        if (
            role == Qt.ItemDataRole.DisplayRole
            and index.column() == self.DATE_COLUMN
            and isinstance(source, QFileSystemModel)
        ):
            when = source.lastModified(self.mapToSource(index))
            if when.isValid():
                return QLocale().toString(when, QLocale.FormatType.ShortFormat)
        return super().data(index, role)


def forget_folders() -> None:
    """Forget the folders last used (at lock)."""
    _last_folder.clear()


def _start_folder(kind: str, directory: Path | None) -> str:
    if directory is not None:
        return str(directory)
    return str(_last_folder.get(kind, Path.home()))


def make_dialog(
    parent: QWidget | None,
    caption: str,
    *,
    kind: str,
    directory: Path | None = None,
    name_filter: str = "",
) -> QFileDialog:
    """Qt's own file dialog, with no history and no native parts (see the module's text)."""
    keep_no_qt_settings()
    dialog = QFileDialog(parent, caption, _start_folder(kind, directory), name_filter)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setHistory([])
    dialog.setProxyModel(LocalDates(dialog))
    dialog.setObjectName(f"fileDialog-{kind}")
    return dialog


def _run(dialog: QFileDialog, kind: str) -> list[Path]:
    try:
        if messages.run(dialog) != QFileDialog.DialogCode.Accepted.value:
            return []
        chosen = [Path(name) for name in dialog.selectedFiles()]
    finally:
        dialog.deleteLater()
    if chosen:
        first = chosen[0]
        _last_folder[kind] = first if first.is_dir() else first.parent
    return chosen


def choose_files(
    parent: QWidget | None,
    caption: str,
    name_filter: str = "",
    *,
    kind: str = "open",
    directory: Path | None = None,
) -> list[Path]:
    """Existing files to open (none when cancelled)."""
    dialog = make_dialog(parent, caption, kind=kind, directory=directory, name_filter=name_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    return _run(dialog, kind)


def choose_save_file(
    parent: QWidget | None,
    caption: str,
    suggested: Path,
    name_filter: str = "",
    *,
    suffix: str = "",
    kind: str = "save",
) -> Path | None:
    """Where to save: ``suggested`` gives the folder and name to start from, ``suffix`` (e.g.
    ``".html"``) is added when the name lacks it. An existing file is only replaced after a
    question (through the message bridge); None when cancelled or not confirmed."""
    directory = suggested.parent if str(suggested.parent) not in ("", ".") else None
    dialog = make_dialog(parent, caption, kind=kind, directory=directory, name_filter=name_filter)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, True)  # asked below, in Dutch
    dialog.selectFile(suggested.name)
    chosen = _run(dialog, kind)
    if not chosen:
        return None
    path = chosen[0]
    if suffix and path.suffix.lower() != suffix.lower():
        path = path.with_name(path.name + suffix)
    if path.exists() and not messages.ask(
        parent,
        QCoreApplication.translate("FileDialogs", "Bestand vervangen?"),
        QCoreApplication.translate(
            "FileDialogs", "{0} bestaat al. Wil je het vervangen door het nieuwe bestand?"
        ).format(path.name),
    ):
        return None
    return path


def choose_folder(
    parent: QWidget | None, caption: str, *, kind: str = "folder", directory: Path | None = None
) -> Path | None:
    """An existing folder; None when cancelled."""
    dialog = make_dialog(parent, caption, kind=kind, directory=directory)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    chosen = _run(dialog, kind)
    return chosen[0] if chosen else None


__all__ = [
    "NO_SETTINGS_PATH",
    "LocalDates",
    "choose_files",
    "choose_folder",
    "choose_save_file",
    "forget_folders",
    "keep_no_qt_settings",
    "make_dialog",
]
