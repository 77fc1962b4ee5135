"""A passphrase strength meter: a bar of five steps, the strength in words and, while the
passphrase is too easy to guess, why (from a ``PassphraseEstimator``, zxcvbn with Dutch lists).

Reusable by any passphrase field: it depends only on Qt and ``domain.passphrase`` (nothing of
the onderzoeker), so it can move to ``ui/widgets`` as it is. Use::

    meter = StrengthMeter(estimator, parent)
    meter.follow(passphrase_edit)          # re-estimates at every key
    meter.changed.connect(dialog.adjustSize)  # the advice's length changed
    ok = meter.acceptable                  # the floor and the estimate both pass
    example = meter.example()              # four unrelated Dutch words
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from vknz_desktop.domain.passphrase import (
    PassphraseEstimator,
    StrengthEstimate,
    passphrase_problem,
)

#: The bar's steps (zxcvbn's score 0-4, shown as 1-5 so a typed passphrase never looks empty).
_STEPS = 5


class StrengthMeter(QWidget):
    """Shows how guessable the passphrase typed so far is; ``update_for(text)`` at every key
    (or ``follow(edit)``)."""

    #: The advice under the bar changed (a dialog may want to grow or shrink to it).
    changed = Signal()

    def __init__(self, estimator: PassphraseEstimator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._estimator = estimator
        self.estimate: StrengthEstimate | None = None
        self._floor: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.bar = QProgressBar(self)
        self.bar.setRange(0, _STEPS)
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
        self.advice.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(self.advice)
        self.update_for("")

    def follow(self, edit: QLineEdit) -> None:
        """Estimate what is typed in ``edit`` at every change."""
        edit.textChanged.connect(self.update_for)
        self.update_for(edit.text())

    def example(self) -> str:
        """A random example passphrase from the estimator (several unrelated words)."""
        return self._estimator.suggestion()

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
            return
        estimate = self._estimator.estimate(passphrase)
        self.estimate = estimate
        floor = self._floor = passphrase_problem(passphrase)
        self.bar.setValue(min(_STEPS, estimate.score + 1))
        self.label.setText(self.tr("Sterkte: {0}").format(self._label(estimate.score)))
        if floor is not None:
            self.advice.setText(floor)
        elif estimate.acceptable:
            self.advice.setText(self.tr("Sterk genoeg."))
        else:
            self.advice.setText(estimate.feedback)

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


__all__ = ["StrengthMeter"]
