"""Registering an onderzoeker: a name and a passphrase of their own (twice, with a strength
meter). The first onderzoeker registers with the vault alone; every next one only while a
registered onderzoeker's key is open (they vouch: ``grant_from``). The key derivation takes
about a second, so the registration runs in a background job.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.models import Role
from vknz_desktop.domain.passphrase import PassphraseEstimator
from vknz_desktop.domain.sealing import onderzoeker_name_problem
from vknz_desktop.services.onderzoeker import (
    OnderzoekerService,
    OnderzoekerSession,
    Registration,
)
from vknz_desktop.ui.common import messages
from vknz_desktop.ui.common.jobs import BackgroundJob
from vknz_desktop.ui.features.onderzoeker.form_message import grow_to_fit, show_form_message
from vknz_desktop.ui.widgets.page_header import heading_label
from vknz_desktop.ui.widgets.strength_meter import StrengthMeter


class RegisterDialog(QDialog):
    """Name, own passphrase twice, strength meter; ``registered`` once it is stored."""

    registered = Signal(object)  # Registration

    def __init__(
        self,
        service: OnderzoekerService,
        estimator: PassphraseEstimator,
        *,
        role: Role,
        taken: Sequence[str],
        voucher: OnderzoekerSession | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._estimator = estimator
        self._role = role
        self._taken = list(taken)
        self._voucher = voucher
        self._job: BackgroundJob[Registration] | None = None
        self._closing = False
        self.setWindowTitle(self.tr("Onderzoeker registreren"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label(self.tr("Onderzoeker registreren"), self, 1.3))
        self.intro = QLabel(self._intro_text(), self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        layout.addLayout(self._build_form())
        layout.addWidget(self.meter)
        layout.addLayout(self._build_example())
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Melding"))
        self.message.hide()
        layout.addWidget(self.message)
        layout.addWidget(self._build_buttons())
        self.setMinimumWidth(max(520, layout.totalMinimumSize().width()))
        self.name_edit.setFocus()

    def _intro_text(self) -> str:
        if self._voucher is None:
            return self.tr(
                "Wat de klant zegt, wordt versleuteld voor de onderzoeker. Alleen met het eigen "
                "wachtwoord van de onderzoeker is het te lezen, tot de klant toestemming geeft "
                "om het te delen. Doe dit samen met de onderzoeker: die kiest zelf het "
                "wachtwoord, anders dan dat van de kluis."
            )
        return self.tr(
            "{0} voegt een onderzoeker toe. De nieuwe onderzoeker kiest zelf een wachtwoord en "
            "kan daarna ook de feedback van de klant lezen die {0} kan lezen."
        ).format(self._voucher.name)

    def _build_form(self) -> QFormLayout:
        form = QFormLayout()
        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName(self.tr("Naam van de onderzoeker"))
        self.name_edit.setMaxLength(200)
        form.addRow(self.tr("&Naam:"), self.name_edit)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Eigen wachtwoord van de onderzoeker"))
        form.addRow(self.tr("Eigen &wachtwoord:"), self.passphrase)
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Herhaal het wachtwoord"))
        form.addRow(self.tr("&Herhaal:"), self.repeat)
        self.meter = StrengthMeter(self._estimator, self, with_suggestion=False)
        self.meter.follow(self.passphrase)
        self.meter.changed.connect(self._on_advice_changed)
        return form

    def _build_example(self) -> QHBoxLayout:
        example = QHBoxLayout()
        self.example_label = QLabel(self)
        self.example_label.setWordWrap(True)
        self.example_button = QPushButton(self.tr("&Voorbeeld"), self)
        self.example_button.setAccessibleName(
            self.tr("Toon een voorbeeld van een sterk wachtwoord")
        )
        example.addWidget(self.example_label, 1)
        example.addWidget(self.example_button)
        self.example_button.clicked.connect(self.show_example)
        return example

    def _on_advice_changed(self) -> None:
        if self.isVisible():
            self._fit()

    def _build_buttons(self) -> QDialogButtonBox:
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(
            self.tr("Registreren"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(
            self.tr("Annuleren"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.accepted.connect(self.try_register)
        self.buttons.rejected.connect(self.reject)
        return self.buttons

    # -- acting -------------------------------------------------------------------------------
    def show_example(self) -> None:
        """A random example of four unrelated words (to take, or to get an idea)."""
        self.example_label.setText(
            self.tr("Bijvoorbeeld: {0}").format(self._estimator.suggestion())
        )
        if self.isVisible():
            self._fit()

    def show_message(self, text: str, *, error: bool = True) -> None:
        """A problem (red) or what is happening, under the form."""
        show_form_message(self, self.message, text, error=error)

    def _fit(self) -> None:
        grow_to_fit(self)

    def problem(self) -> str | None:
        """What is wrong with the form (Dutch), or None."""
        name_problem = onderzoeker_name_problem(self.name_edit.text(), self._taken)
        if name_problem:
            return name_problem
        passphrase = self.passphrase.text()
        if passphrase != self.repeat.text():
            return self.tr("De twee wachtwoorden zijn niet gelijk.")
        self.meter.update_for(passphrase)
        if not self.meter.acceptable:
            return self.tr("Dit wachtwoord is te makkelijk te raden. {0}").format(
                self.meter.advice.text()
            )
        return None

    def try_register(self) -> None:
        """Check the form, then register in the background (the key derivation is slow)."""
        if self._job is not None:
            return
        problem = self.problem()
        if problem:
            self.show_message(problem)
            return
        name, passphrase = self.name_edit.text().strip(), self.passphrase.text()
        service, role = self._service, self._role
        grant_from = self._voucher.key if self._voucher is not None else None
        self.show_message(self.tr("Bezig met registreren en versleutelen…"), error=False)
        self._set_busy(True)
        job: BackgroundJob[Registration] = BackgroundJob(
            lambda _handle: service.register(name, passphrase, role=role, grant_from=grant_from),
            name="vknz-onderzoeker-register",
            parent=self,
        )
        job.succeeded.connect(self._on_registered)
        job.failed.connect(self._on_failed)
        self._job = job
        job.start()

    def _set_busy(self, busy: bool) -> None:
        for widget in (
            self.name_edit,
            self.passphrase,
            self.repeat,
            self.ok_button,
            self.cancel_button,
        ):
            widget.setEnabled(not busy)

    def reject(self) -> None:
        """Close (not while registering: that is one transaction and finishes first)."""
        if self._job is not None and not self._closing:
            return
        super().reject()

    def _on_registered(self, registration: Registration) -> None:
        self._job = None
        self.passphrase.clear()
        self.repeat.clear()
        if self._closing:
            return
        self.registered.emit(registration)
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self._job = None
        self._set_busy(False)
        if self._closing:
            return
        if isinstance(error, KnownError):
            self.show_message(error.message)
            self.passphrase.setFocus()
            return
        self.show_message("")
        messages.show_error(self, error)

    @property
    def busy(self) -> bool:
        """Whether the registration is running."""
        return self._job is not None

    def shutdown(self) -> None:
        """The vault closes: wait for a running registration (it is one transaction), forget
        what was typed and close."""
        self._closing = True
        if self._job is not None:
            self._job.shutdown(60)
        self.passphrase.clear()
        self.repeat.clear()
        self.reject()


__all__ = ["RegisterDialog"]
