"""Opening an onderzoeker's key with their own passphrase (not the vault's).

A wrong passphrase opens nothing, shows nothing of the klant's feedback and is written in the
log; the dialog says so plainly. The key derivation takes about a second, so it runs in a
background job.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
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

from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.models import Role
from vknz_desktop.domain.sealing import Onderzoeker, WrongOnderzoekerPassphraseError
from vknz_desktop.services.onderzoeker import OnderzoekerService, OnderzoekerSession
from vknz_desktop.ui.common import messages
from vknz_desktop.ui.common.jobs import BackgroundJob
from vknz_desktop.ui.features.onderzoeker.form_message import grow_to_fit, show_form_message
from vknz_desktop.ui.widgets.page_header import heading_label


class OnderzoekerUnlockDialog(QDialog):
    """Who (one of the registered onderzoekers) and their passphrase; ``unlocked`` with the
    ``OnderzoekerSession`` once the key is open."""

    unlocked = Signal(object)  # OnderzoekerSession
    failed = Signal()  # a wrong passphrase was tried (and audited)

    def __init__(
        self,
        service: OnderzoekerService,
        onderzoekers: Sequence[Onderzoeker],
        *,
        role: Role,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._role = role
        self._job: BackgroundJob[OnderzoekerSession] | None = None
        self._closing = False
        self.setWindowTitle(self.tr("Sleutel van de onderzoeker openen"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label(self.tr("Sleutel van de onderzoeker openen"), self, 1.3))
        intro = QLabel(
            self.tr(
                "Met het eigen wachtwoord van de onderzoeker (niet dat van de kluis) is de "
                "verzegelde feedback van de klant te lezen. Een verkeerd wachtwoord opent niets "
                "en komt in het logboek."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name_box = QComboBox(self)
        self.name_box.setAccessibleName(self.tr("Welke onderzoeker"))
        for onderzoeker in onderzoekers:
            self.name_box.addItem(onderzoeker.name, onderzoeker.id)
        form.addRow(self.tr("&Onderzoeker:"), self.name_box)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Wachtwoord van de onderzoeker"))
        form.addRow(self.tr("&Wachtwoord:"), self.passphrase)
        layout.addLayout(form)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Melding"))
        self.message.hide()
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(
            self.tr("Openen"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(
            self.tr("Annuleren"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.accepted.connect(self.try_unlock)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(max(480, layout.totalMinimumSize().width()))
        self.passphrase.setFocus()

    def show_message(self, text: str, *, error: bool = True) -> None:
        """A problem (red) or what is happening, under the form."""
        show_form_message(self, self.message, text, error=error)

    def _fit(self) -> None:
        grow_to_fit(self)

    def try_unlock(self) -> None:
        """Open the chosen onderzoeker's key in the background."""
        if self._job is not None:
            return
        passphrase = self.passphrase.text()
        if not passphrase:
            self.show_message(self.tr("Voer het wachtwoord van de onderzoeker in."))
            return
        name = self.name_box.currentText()
        service, role = self._service, self._role
        self.show_message(self.tr("Bezig met openen…"), error=False)
        self._set_busy(True)
        job: BackgroundJob[OnderzoekerSession] = BackgroundJob(
            lambda _handle: service.unlock(name, passphrase, role=role),
            name="vknz-onderzoeker-unlock",
            parent=self,
        )
        job.succeeded.connect(self._on_unlocked)
        job.failed.connect(self._on_failed)
        self._job = job
        job.start()

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.name_box, self.passphrase, self.ok_button, self.cancel_button):
            widget.setEnabled(not busy)

    def reject(self) -> None:
        """Close (not while the key is being opened, unless the vault closes)."""
        if self._job is not None and not self._closing:
            return
        super().reject()

    def _on_unlocked(self, session: OnderzoekerSession) -> None:
        self._job = None
        self.passphrase.clear()
        if self._closing:  # the vault closes: the key is not kept
            session.close()
            return
        self.unlocked.emit(session)
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self._job = None
        self._set_busy(False)
        if self._closing:
            return
        if isinstance(error, KnownError):
            if isinstance(error, WrongOnderzoekerPassphraseError):
                self.failed.emit()
            self.show_message(error.message)
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            return
        self.show_message("")
        messages.show_error(self, error)

    @property
    def busy(self) -> bool:
        """Whether the key is being opened."""
        return self._job is not None

    def shutdown(self) -> None:
        """The vault closes: wait for an unlock in progress (its key is closed at once),
        forget the typed passphrase and close."""
        self._closing = True
        if self._job is not None:
            self._job.shutdown(30)
        self.passphrase.clear()
        self.reject()


__all__ = ["OnderzoekerUnlockDialog"]
