"""Bewerken → Wachtwoord wijzigen: the current passphrase, a new one (twice, with the strength
meter), then the vault closes (as at a lock: what is typed is saved), gets the new passphrase
and opens again with it. A wrong current passphrase changes nothing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit, QWidget

from vknz_desktop.domain.errors import KnownError, WrongPassphraseError
from vknz_desktop.domain.passphrase import MIN_LENGTH, PassphraseEstimator
from vknz_desktop.domain.ports import OpenVault, VaultGateway
from vknz_desktop.ui.common import messages
from vknz_desktop.ui.widgets.new_passphrase import NewPassphraseDialog


def ask_passphrases(
    parent: QWidget, estimator: PassphraseEstimator | None
) -> tuple[str, str] | None:
    """(current, new), or None when cancelled."""
    current = messages.ask_text(
        parent,
        QCoreApplication.translate("PassphraseChange", "Wachtwoord wijzigen"),
        QCoreApplication.translate("PassphraseChange", "Je huidige wachtwoord:"),
        echo=QLineEdit.EchoMode.Password,
    )
    if not current:
        return None
    dialog = NewPassphraseDialog(
        QCoreApplication.translate("PassphraseChange", "Nieuw wachtwoord"),
        QCoreApplication.translate(
            "PassphraseChange",
            "Kies een nieuw wachtwoord voor de kluis (minstens {0} tekens, bijvoorbeeld een zin "
            "van vier losse woorden). De kluis gaat daarna even dicht en weer open.",
        ).format(MIN_LENGTH),
        estimator,
        parent,
    )
    messages.run(dialog)
    new = dialog.chosen
    dialog.deleteLater()
    return None if new is None else (current, new)


def change_passphrase(
    parent: QWidget,
    gateway: VaultGateway,
    estimator: PassphraseEstimator | None,
    lock: Callable[[], None],
    reopen: Callable[[OpenVault], None],
) -> bool:
    """Ask, lock, change, reopen with the new passphrase. Whether it was changed."""
    chosen = ask_passphrases(parent, estimator)
    if chosen is None:
        return False
    current, new = chosen
    lock()
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        gateway.change_passphrase(current, new)
        vault = gateway.open(new)
    except KnownError as error:
        QGuiApplication.restoreOverrideCursor()
        text = (
            QCoreApplication.translate(
                "PassphraseChange", "Het huidige wachtwoord klopt niet. Er is niets gewijzigd."
            )
            if isinstance(error, WrongPassphraseError)
            else error.message
        )
        messages.warn(
            parent,
            QCoreApplication.translate("PassphraseChange", "Wachtwoord niet gewijzigd"),
            text,
        )
        return False
    QGuiApplication.restoreOverrideCursor()
    reopen(vault)
    messages.status(
        QCoreApplication.translate(
            "PassphraseChange", "Het wachtwoord is gewijzigd. Gebruik voortaan het nieuwe."
        )
    )
    return True


__all__ = ["ask_passphrases", "change_passphrase"]
