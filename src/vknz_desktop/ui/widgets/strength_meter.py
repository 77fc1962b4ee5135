"""A passphrase strength meter for every place where a passphrase is chosen (the new vault in
the unlock dialog, the AVG package, an onderzoeker's own key, changing the passphrase).

A bar of five steps, the strength in words, why it is still too easy to guess (the floor of
``domain.passphrase`` first, then the estimator's Dutch feedback: zxcvbn with Dutch lists) and
an example passphrase of four unrelated words, with a button for another one.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vknz_desktop.domain.passphrase import (
    PassphraseEstimator,
    StrengthEstimate,
    passphrase_problem,
)

#: The bar's steps (zxcvbn's score 0-4, shown as 1-5 so a typed passphrase never looks empty).
STEPS = 5


class StrengthMeter(QWidget):
    """Shows how guessable the passphrase typed so far is; ``update_for(text)`` at every key
    (or ``follow(edit)``)."""

    #: The advice under the bar changed (a dialog may want to grow or shrink to it).
    changed = Signal()

    def __init__(
        self,
        estimator: PassphraseEstimator,
        parent: QWidget | None = None,
        *,
        with_suggestion: bool = True,
    ) -> None:
        super().__init__(parent)
        self._estimator = estimator
        self.estimate: StrengthEstimate | None = None
        self._floor: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.bar = QProgressBar(self)
        self.bar.setRange(0, STEPS)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(max(8, self.fontMetrics().height() // 2))
        self.bar.setAccessibleName(self.tr("Sterkte van het wachtwoord"))
        row.addWidget(self.bar, 1)
        self.label = QLabel(self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.label)
        layout.addLayout(row)
        self.advice = QLabel(self)
        self.advice.setWordWrap(True)
        layout.addWidget(self.advice)
        self.example = QLabel(self)
        self.example.setWordWrap(True)
        self.example.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.another = QPushButton(self.tr("Ander voorbeeld"), self)
        self.another.clicked.connect(self.new_suggestion)
        example_row = QHBoxLayout()
        example_row.addWidget(self.example, 1)
        example_row.addWidget(self.another, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(example_row)
        self.example.setVisible(with_suggestion)
        self.another.setVisible(with_suggestion)
        self.update_for("")
        if with_suggestion:
            # the estimator loads its word lists once (about a second): after the dialog shows
            QTimer.singleShot(0, self, self.new_suggestion)

    def follow(self, edit: QLineEdit) -> None:
        """Estimate what is typed in ``edit`` at every change."""
        edit.textChanged.connect(self.update_for)
        self.update_for(edit.text())

    def update_for(self, passphrase: str) -> None:
        """Estimate ``passphrase`` and show the result."""
        before = self.advice.text()
        self._show(passphrase)
        if self.advice.text() != before:
            self.changed.emit()

    def _show(self, passphrase: str) -> None:
        if not passphrase:
            self.estimate = None
            self._floor = None
            self.bar.setValue(0)
            self.label.setText(self.tr("Sterkte: nog niets getypt"))
            self.advice.setText(
                self.tr("Kies een zin van vier of meer losse woorden die niet bij elkaar horen.")
            )
            self._fit()
            return
        estimate = self._estimator.estimate(passphrase)
        self.estimate = estimate
        floor = self._floor = passphrase_problem(passphrase)
        self.bar.setValue(min(STEPS, estimate.score + 1))
        self.label.setText(self.tr("Sterkte: {0}").format(self._label(estimate.score)))
        if floor is not None:
            self.advice.setText(floor)
        elif estimate.acceptable:
            self.advice.setText(self.tr("Sterk genoeg."))
        else:
            self.advice.setText(estimate.feedback)
        self._fit()

    def _fit(self) -> None:
        """Give the wrapped texts the lines they need and let the dialog grow with them (a
        dialog's layout does not follow a label's height-for-width by itself)."""
        for label in (self.advice, self.example):
            width = (
                label.width() if label.isVisible() else self.fontMetrics().averageCharWidth() * 50
            )
            rect = label.fontMetrics().boundingRect(
                QRect(0, 0, max(40, width), 10_000), Qt.TextFlag.TextWordWrap, label.text()
            )
            label.setMinimumHeight(rect.height())
        self.updateGeometry()
        window = self.window()
        if window is not self and window.isVisible():
            for widget in (self, window):
                layout = widget.layout()
                if layout is not None:
                    layout.activate()  # take the new minimum heights now, not later
            needed = max(window.sizeHint().height(), window.minimumSizeHint().height())
            if window.height() < needed:
                window.resize(window.width(), needed)

    def new_suggestion(self) -> None:
        """Show another example passphrase (random unrelated Dutch words)."""
        self.suggestion = self._estimator.suggestion()
        self.example.setText(self.tr("Bijvoorbeeld: {0}").format(self.suggestion))
        self._fit()

    @property
    def acceptable(self) -> bool:
        """Whether the last passphrase passes the floor and the estimate."""
        return self.estimate is not None and self.estimate.acceptable and self._floor is None

    def _label(self, score: int) -> str:
        labels = (
            self.tr("heel zwak"),
            self.tr("zwak"),
            self.tr("matig"),
            self.tr("redelijk"),
            self.tr("sterk"),
        )
        return labels[max(0, min(score, len(labels) - 1))]

    def problem(self) -> str | None:
        """Why the last passphrase is not good enough, in Dutch, or ``None``."""
        if self.acceptable:
            return None
        if self.estimate is None:
            return self.tr("Kies eerst een wachtwoord.")
        if self._floor is not None:
            return self._floor
        return self.estimate.feedback or self.tr("Dit wachtwoord is te makkelijk te raden.")


__all__ = ["STEPS", "StrengthMeter"]
