"""At unlock: recordings past their keep-until date, removed after one confirmation."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from vknz_desktop.domain.models import Recording
from vknz_desktop.ui.common.formatting import format_date


class RetentionDialog(QDialog):
    """Lists the recordings whose keep-until date has passed and asks to remove them."""

    def __init__(self, due: Sequence[Recording], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Bewaartermijn verstreken"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Van deze opnames is de bewaartermijn uit de toestemming voorbij. Ze worden nu "
                "verwijderd: de sleutel wordt vernietigd, zodat niemand ze nog kan openen. Je "
                "aantekeningen blijven als tekst bewaard, gemarkeerd met 'opname verwijderd'."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Opnames voorbij de bewaartermijn"))
        for recording in due:
            self.list.addItem(
                self.tr("{0} — bewaren tot {1}").format(
                    recording.title, format_date(recording.consent.keep_until)
                )
            )
        layout.addWidget(self.list)
        self.remove_notes = QCheckBox(
            self.tr("Ook de aantekeningen bij deze opnames verwijderen"), self
        )
        layout.addWidget(self.remove_notes)
        buttons = QDialogButtonBox(self)
        self.remove_button = buttons.addButton(
            self.tr("Nu verwijderen"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Later"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
