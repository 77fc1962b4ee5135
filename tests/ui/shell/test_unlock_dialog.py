"""The unlock dialog: 'je', a plain 'Onjuist wachtwoord', the strength meter for a new vault."""

from __future__ import annotations

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from vknz_desktop.ui.shell.main_window import MainWindow
from vknz_desktop.ui.shell.unlock_dialog import UnlockDialog


def _texts(dialog: UnlockDialog) -> str:
    parts = [label.text() for label in dialog.findChildren(QLabel)]
    for edit in dialog.findChildren(QLineEdit):
        parts += [edit.placeholderText(), edit.accessibleName()]
    parts += [dialog.role_box.accessibleName(), dialog.windowTitle()]
    return " ".join(parts)


def _no_u(text: str) -> bool:
    words = {w.strip(".,:;()").lower() for w in text.split()}
    return not words & {"u", "uw"}


def test_new_vault_says_je_and_meters_the_passphrase(window: MainWindow, qtbot: QtBot) -> None:
    dialog = UnlockDialog(
        window.context.gateway, window, identity=None, estimator=window.context.estimator
    )
    qtbot.addWidget(dialog)
    assert dialog.creating and dialog.meter is not None
    assert "ook jij niet" in _texts(dialog) and _no_u(_texts(dialog))
    QTest.keyClicks(dialog.passphrase, "wachtwoord1234")
    assert dialog.meter.label.text() == "Sterkte: zwak"
    dialog.repeat.setText("wachtwoord1234")
    dialog.try_unlock()
    assert "makkelijk te raden" in dialog.message.text()
    assert dialog.vault is None and not window.context.gateway.exists()


def test_wrong_passphrase_for_an_existing_vault_says_just_that(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    dialog = UnlockDialog(window.context.gateway, window, estimator=window.context.estimator)
    qtbot.addWidget(dialog)
    assert not dialog.creating and dialog.meter is None
    assert _no_u(_texts(dialog)) and "je kluis" in _texts(dialog)
    failed: list[bool] = []
    dialog.failed.connect(lambda: failed.append(True))
    dialog.passphrase.setText("verkeerd wachtwoord")
    dialog.try_unlock()
    assert dialog.message.text().startswith("Onjuist wachtwoord.")
    assert "kluisbestand" not in dialog.message.text()
    assert failed == [True]
