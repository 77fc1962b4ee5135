"""Unlock the vault, or create it the first time. The passphrase never leaves this dialog."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from vknz_desktop.domain.errors import KnownError, WrongPassphraseError
from vknz_desktop.domain.models import Role
from vknz_desktop.domain.passphrase import PassphraseEstimator, passphrase_problem
from vknz_desktop.domain.ports import OpenVault, VaultGateway
from vknz_desktop.ui.common.appearance import signal_colour
from vknz_desktop.ui.common.identity import Identity
from vknz_desktop.ui.widgets.page_header import heading_label
from vknz_desktop.ui.widgets.strength_meter import StrengthMeter

_WINDOW = QPalette.ColorRole.Window

ROLE_LABELS: dict[Role, str] = {
    Role.KLANTMANAGER: "Klantmanager",
    Role.ONDERZOEKER: "Onderzoeker / trainer",
    Role.COLLEGA: "Collega",
    Role.LEIDINGGEVENDE: "Leidinggevende",
    Role.KLANT: "Klant",
}


class UnlockDialog(QDialog):
    """Asks for the passphrase (twice when creating) and who is working."""

    failed = Signal()  # a wrong passphrase was tried

    def __init__(
        self,
        gateway: VaultGateway,
        parent: QWidget | None = None,
        on_unlocked: Callable[[OpenVault, Identity], None] | None = None,
        identity: Identity | None = None,
        estimator: PassphraseEstimator | None = None,
    ) -> None:
        super().__init__(parent)
        self._gateway = gateway
        self._estimator = estimator
        #: The strength meter while a new vault is made (when an estimator was given).
        self.meter: StrengthMeter | None = None
        self._on_unlocked = on_unlocked
        self.vault: OpenVault | None = None
        self.creating = not gateway.exists()
        self.setWindowTitle(
            self.tr("VKNZ — kluis openen") if not self.creating else self.tr("VKNZ — nieuwe kluis")
        )
        self.setModal(True)
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label(self.tr("Van Kijken Naar Zien"), self, 1.6))
        layout.addWidget(self._build_intro())
        layout.addLayout(self._build_form(identity or Identity()))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Melding"))
        self.message.hide()
        layout.addWidget(self.message)
        layout.addWidget(self._build_buttons())
        # never narrower than the labels and fields need (large text): a fixed minimum width
        # would keep the layout from widening the dialog
        self.setMinimumWidth(max(460, layout.totalMinimumSize().width()))
        self.passphrase.setFocus()

    def _build_intro(self) -> QLabel:
        intro = QLabel(self)
        intro.setWordWrap(True)
        if self.creating:
            intro.setText(
                self.tr(
                    "Je opnames en aantekeningen worden bewaard in één versleutelde kluis op deze "
                    "laptop. Kies een wachtwoord dat je kunt onthouden: zonder dit wachtwoord kan "
                    "niemand de kluis openen, ook jij niet."
                )
            )
        else:
            intro.setText(self.tr("Voer het wachtwoord van je kluis in."))
        return intro

    def _build_form(self, current: Identity) -> QFormLayout:
        """Passphrase (twice when creating), role and name."""
        form = QFormLayout()
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Wachtwoord"))
        form.addRow(self.tr("&Wachtwoord:"), self.passphrase)
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Herhaal wachtwoord"))
        if self.creating:
            if self._estimator is not None:
                self.meter = StrengthMeter(self._estimator, self)
                self.passphrase.textChanged.connect(self.meter.update_for)
                form.addRow("", self.meter)
            form.addRow(self.tr("&Herhaal:"), self.repeat)
        else:
            self.repeat.hide()
        self.role_box = QComboBox(self)
        self.role_box.setAccessibleName(self.tr("Je rol"))
        for role, label in ROLE_LABELS.items():
            if role != Role.KLANT:
                self.role_box.addItem(self.tr(label), role.value)
        self.role_box.setCurrentIndex(max(0, self.role_box.findData(current.role.value)))
        form.addRow(self.tr("Ik werk als:"), self.role_box)
        self.name_edit = QLineEdit(current.name, self)
        self.name_edit.setPlaceholderText(self.tr("bijv. je voornaam (mag leeg)"))
        # the hint stays whole at every text size (the dialog grows instead)
        hint_width = self.name_edit.fontMetrics().horizontalAdvance(
            self.name_edit.placeholderText()
        )
        self.name_edit.setMinimumWidth(hint_width + 24)
        self.name_edit.setAccessibleName(self.tr("Je naam"))
        form.addRow(self.tr("Naam bij waarnemingen:"), self.name_edit)
        return form

    def _build_buttons(self) -> QDialogButtonBox:
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(
            self.tr("Kluis maken") if self.creating else self.tr("Openen"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.buttons.addButton(self.tr("Afsluiten"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.try_unlock)
        self.buttons.rejected.connect(self.reject)
        return self.buttons

    @property
    def identity(self) -> Identity:
        """Who is working, as chosen in the dialog."""
        return Identity(Role(self.role_box.currentData()), self.name_edit.text().strip())

    def show_message(self, text: str) -> None:
        """Show a problem under the form."""
        self.message.setText(text)
        # red that stays readable in high contrast (the palette may have changed since)
        colour = signal_colour("error", self.palette(), _WINDOW)
        self.message.setStyleSheet(f"color: {colour.name()};")
        self.message.setVisible(bool(text))

    def _message_for(self, error: KnownError) -> str:
        """The vault exists when this dialog opens it: a wrong passphrase is just that."""
        if isinstance(error, WrongPassphraseError) and not self.creating:
            return self.tr("Onjuist wachtwoord. Let op hoofdletters en Caps Lock.")
        return error.message

    def try_unlock(self) -> None:
        """Create or open the vault; on a known problem, say so and stay open."""
        passphrase = self.passphrase.text()
        if self.creating:
            problem = passphrase_problem(passphrase)
            if self.meter is not None:
                self.meter.update_for(passphrase)
                problem = self.meter.problem()
            if problem:
                self.show_message(problem)
                return
            if passphrase != self.repeat.text():
                self.show_message(self.tr("De twee wachtwoorden zijn niet gelijk."))
                return
        self.show_message(self.tr("Bezig met openen…"))
        self.ok_button.setEnabled(False)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        QGuiApplication.processEvents()
        try:
            self.vault = (
                self._gateway.create(passphrase, self.identity.role)
                if self.creating
                else self._gateway.open(passphrase)
            )
        except KnownError as error:
            if isinstance(error, WrongPassphraseError):
                self.failed.emit()
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            self.show_message(self._message_for(error))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
            self.ok_button.setEnabled(True)
            self.passphrase.clear() if self.vault is not None else None
            self.repeat.clear()
        self.show_message("")
        if self._on_unlocked is not None:
            self._on_unlocked(self.vault, self.identity)
        self.accept()
