"""Where an export goes: the file dialog, the right suffix, and a question before overwriting.

The file dialog asks about overwriting only for the name typed in it; the suffix is added after
it (``samenvatting`` becomes ``samenvatting.pdf``), so that question could be about another
file, or not asked at all. Here the question is asked once, by the app, about the file that is
really written.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from vknz_desktop.ui.common import messages

__all__ = ["choose_save_path"]


def choose_save_path(
    parent: QWidget | None,
    title: str,
    suggestion: Path,
    file_filter: str,
    suffixes: Sequence[str],
) -> Path | None:
    """The path chosen (with one of ``suffixes``, e.g. ``(".html", ".htm")``), or None when the
    user cancelled or chose not to replace an existing file."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        title,
        str(suggestion),
        file_filter,
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() not in suffixes:
        path = path.with_name(f"{path.name}{suffixes[0]}")
    if path.exists() and not messages.ask(
        parent,
        QCoreApplication.translate("SavePath", "Bestand bestaat al"),
        QCoreApplication.translate(
            "SavePath", "Er staat al een bestand {0} in {1}. Wil je het vervangen?"
        ).format(path.name, path.parent),
    ):
        return None
    return path
