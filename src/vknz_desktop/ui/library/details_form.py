"""What is asked about a new recording before anything is written: the conversation (a neutral
title, the date), who is in it, and the consent. Used by the import dialog and the Opnemen page.

The title suggested is neutral ("Gesprek 12 okt. 2026", ``domain.visibility.suggest_title``),
never the file name, which often holds a client's name. It follows the conversation date until
the user types a title of their own.

Two columns when the text fits, one column at large text on a small screen; the caller puts the
form in a scroll area so that nothing is squeezed (see ``fits_two_columns``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from vknz_desktop.domain.models import Participant, Role
from vknz_desktop.domain.visibility import suggest_title
from vknz_desktop.ui.library.consent_form import ConsentForm, date_field, from_qdate, to_qdate
from vknz_desktop.ui.library.participants_editor import ParticipantsEditor

#: Characters of average width that two columns need side by side.
TWO_COLUMN_CHARACTERS = 110


def fits_two_columns(widget: QWidget, available: int | None = None) -> bool:
    """Whether two columns of form fit side by side on ``widget``'s screen (or ``available``
    pixels) at its text size. On a 1366 px laptop: two at 150 %, one at 200 %."""
    if available is None:
        screen = widget.screen()
        available = screen.availableGeometry().width() if screen is not None else 1366
    needed = widget.fontMetrics().averageCharWidth() * TWO_COLUMN_CHARACTERS + 120
    return available >= needed


class RecordingDetailsForm(QWidget):
    """Title (+ date), participants and consent; ``changed`` on every edit, ``problem()``."""

    changed = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
        taken_titles: Iterable[str] = (),
        with_date: bool = True,
    ) -> None:
        super().__init__(parent)
        self._today = today or dt.date.today()
        self._taken = [t for t in taken_titles]
        self._with_date = with_date
        self._build_conversation(with_date)
        self.participants_editor = ParticipantsEditor()
        self.participants_editor.add_participant("", Role.KLANT)
        self.participants_box = QGroupBox(self.tr("Wie zijn er te zien of te horen?"))
        QVBoxLayout(self.participants_box).addWidget(self.participants_editor)
        self.consent_form = ConsentForm(today=self._today)
        self.consent_box = QGroupBox(self.tr("Toestemming"))
        QVBoxLayout(self.consent_box).addWidget(self.consent_form)
        self.left_column = QVBoxLayout()
        self.left_column.setSpacing(12)
        self.right_column = QVBoxLayout()
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.columns.setContentsMargins(0, 0, 0, 0)
        self.columns.setSpacing(18)
        self.columns.addLayout(self.left_column, 1)
        self.columns.addLayout(self.right_column, 1)
        self.left_column.addWidget(self.conversation_box)
        self.left_column.addWidget(self.participants_box)
        self.left_column.addStretch(1)
        self.right_column.addWidget(self.consent_box)
        self.right_column.addStretch(1)
        self.participants_editor.changed.connect(self.changed)
        self.consent_form.changed.connect(self.changed)

    def _build_conversation(self, with_date: bool) -> None:
        suggestion = suggest_title(self._today, self._taken)
        self.title_edit = QLineEdit(suggestion)
        self.title_edit.setAccessibleName(self.tr("Titel"))
        self.title_edit.setAccessibleDescription(
            self.tr(
                "Een neutrale titel: geen naam van de klant, die kan op een gedeeld scherm komen."
            )
        )
        self.title_edit.setMaxLength(300)
        self.title_edit.setPlaceholderText(suggestion)
        self.title_edit.textChanged.connect(lambda _text: self.changed.emit())
        self.conversation_date_edit = date_field(self._today, self.tr("Datum van het gesprek"))
        self.conversation_date_edit.setMaximumDate(to_qdate(self._today))
        self.conversation_date_edit.dateChanged.connect(self._on_date_changed)
        self.conversation_date_edit.changed.connect(self.changed)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("&Titel:"), self.title_edit)
        if with_date:
            form.addRow(self.tr("&Datum gesprek:"), self.conversation_date_edit)
        else:
            self.conversation_date_edit.hide()
        self.conversation_box = QGroupBox(self.tr("Gesprek"))
        self.conversation_box.setLayout(form)

    # -- public API ---------------------------------------------------------------------------
    def set_single_column(self, single: bool) -> None:
        """One column (large text on a small screen) or two side by side."""
        self.columns.setDirection(
            QBoxLayout.Direction.TopToBottom if single else QBoxLayout.Direction.LeftToRight
        )

    def title(self) -> str:
        """The title typed, or the neutral suggestion when the field was emptied."""
        return self.title_edit.text().strip() or self.title_edit.placeholderText()

    def conversation_date(self) -> dt.date:
        """The date of the conversation."""
        return from_qdate(self.conversation_date_edit.date())

    def participants(self) -> list[Participant]:
        """The people named, with their roles."""
        return self.participants_editor.participants()

    def problem(self) -> str | None:
        """Why the details cannot be used yet (Dutch), or None."""
        date_edit = self.conversation_date_edit
        if self._with_date:
            if not date_edit.is_valid():
                return self.tr(
                    "Typ de datum van het gesprek als dag-maand-jaar, bijvoorbeeld 5-3-2026."
                )
            if not date_edit.in_range():
                return self.tr("De datum van het gesprek ligt in de toekomst.")
        return self.participants_editor.problem() or self.consent_form.problem()

    def first_fields(self) -> list[QWidget]:
        """The conversation's fields in tab order (title, then the date when shown)."""
        fields: list[QWidget] = [self.title_edit]
        if self._with_date:
            fields.append(self.conversation_date_edit.line_edit)
        return fields

    # -- internals ----------------------------------------------------------------------------
    def _on_date_changed(self, date: QDate) -> None:
        """A new suggestion; the title follows it unless the user typed one of their own."""
        previous = self.title_edit.placeholderText()
        suggestion = suggest_title(from_qdate(date), self._taken)
        self.title_edit.setPlaceholderText(suggestion)
        if self.title_edit.text().strip() in ("", previous):
            self.title_edit.setText(suggestion)
        self.changed.emit()

    def focus_title(self) -> None:
        """Keyboard to the title, its text selected (typing replaces the suggestion)."""
        self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.title_edit.selectAll()


__all__ = ["TWO_COLUMN_CHARACTERS", "RecordingDetailsForm", "fits_two_columns"]
