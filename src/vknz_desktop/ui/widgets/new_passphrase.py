"""Choosing a new passphrase: typed twice, with the strength meter while typing.

Used for an AVG package; a problem (too short, too easy to guess, the two not equal) is said
under the fields and the dialog stays open. Run it through ``ui/common/messages.run``.
"""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from vknz_desktop.domain.passphrase import PassphraseEstimator, passphrase_problem
from vknz_desktop.ui.common.appearance import signal_colour
from vknz_desktop.ui.widgets.strength_meter import StrengthMeter


class NewPassphraseDialog(QDialog):
    """``text`` above two password fields and a strength meter; ``chosen`` once accepted."""

    def __init__(
        self,
        title: str,
        text: str,
        estimator: PassphraseEstimator | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.chosen: str | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(text, self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Wachtwoord"))
        form.addRow(self.tr("&Wachtwoord:"), self.passphrase)
        self.meter: StrengthMeter | None = None
        if estimator is not None:
            self.meter = StrengthMeter(estimator, self)
            self.passphrase.textChanged.connect(self.meter.update_for)
            form.addRow("", self.meter)
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Herhaal wachtwoord"))
        form.addRow(self.tr("&Herhaal:"), self.repeat)
        layout.addLayout(form)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(max(460, self.fontMetrics().horizontalAdvance("M") * 34))

    def problem(self) -> str | None:
        """Why the passphrase typed cannot be used, in Dutch, or ``None``."""
        passphrase = self.passphrase.text()
        problem = passphrase_problem(passphrase)
        if problem is None and self.meter is not None:
            self.meter.update_for(passphrase)
            problem = self.meter.problem()
        if problem is None and passphrase != self.repeat.text():
            problem = self.tr("De twee wachtwoorden zijn niet gelijk.")
        return problem

    def try_accept(self) -> None:
        """Accept when the passphrase is fit and typed twice the same; else say why."""
        problem = self.problem()
        if problem is not None:
            colour = signal_colour("error", self.palette(), QPalette.ColorRole.Window)
            self.message.setStyleSheet(f"color: {colour.name()};")
            self.message.setText(problem)
            self.message.show()
            return
        self.chosen = self.passphrase.text()
        self.passphrase.clear()
        self.repeat.clear()
        self.accept()


__all__ = ["NewPassphraseDialog"]
