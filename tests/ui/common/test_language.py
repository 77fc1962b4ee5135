"""Qt's own texts (file dialogs, standard buttons, key names) follow the UI language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from vknz_desktop.app import TRANSLATIONS_DIR
from vknz_desktop.ui.common.language import (
    install_translators,
    qt_translations_dir,
    remove_translators,
)


@pytest.fixture
def language(qapp: QApplication, request: pytest.FixtureRequest) -> Iterator[str]:
    locale = QLocale()
    installed = install_translators(qapp, request.param, TRANSLATIONS_DIR)
    yield request.param
    remove_translators(qapp, installed)
    QLocale.setDefault(locale)


def _texts() -> tuple[str, list[str], str, str]:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Close
    )
    names = [button.text() for button in buttons.buttons()]
    buttons.deleteLater()
    native = QKeySequence.SequenceFormat.NativeText
    return (
        QCoreApplication.translate("QFileDialog", "Look in:"),
        sorted(names),
        QKeySequence("Space").toString(native),
        QKeySequence("Shift+Left").toString(native),
    )


@pytest.mark.parametrize("language", ["nl"], indirect=True)
def test_qt_speaks_dutch(language: str) -> None:
    assert (qt_translations_dir() / "qtbase_nl.qm").exists()
    look_in, buttons, space, shift_left = _texts()
    assert look_in == "Zoeken in:"
    assert buttons == ["Annuleren", "Sluiten"]
    assert space == "Spatiebalk"
    assert shift_left == "Shift+Pijl links"
    # the file dialog's dates: the Dutch locale (month names in Dutch)
    assert QLocale().toString(dt.date(2026, 10, 12), "d MMMM yyyy") == "12 oktober 2026"


@pytest.mark.parametrize("language", ["en"], indirect=True)
def test_qt_speaks_english_when_english_is_chosen(language: str) -> None:
    look_in, buttons, space, _shift_left = _texts()
    assert look_in == "Look in:"
    assert buttons == ["Cancel", "Close"]
    assert space == "Space"
    assert QLocale().toString(dt.date(2026, 10, 12), "d MMMM yyyy") == "12 October 2026"
    # and the app's own texts are English
    assert QCoreApplication.translate("Formatting", "Alleen geluid") == "Audio only"
