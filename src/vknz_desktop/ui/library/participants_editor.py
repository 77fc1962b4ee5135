"""Who is in a recording: rows of role + name, the role chosen first.

The role comes first in each row and is never guessed for a row the user adds ("Kies een
rol…"): the consent rules depend on it (a klant in the recording, a colleague watching), so a
name without a role is a problem the form names, not a silent default.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from vknz_desktop.domain.models import Participant, Role
from vknz_desktop.ui.library.consent_form import combo_role, hint_label, role_combo

_NAME_MAX_LENGTH = 200


class _ParticipantRow:
    """The widgets of one participant: role, name, remove button."""

    def __init__(
        self, parent: QWidget, name: str, role: Role | None, placeholder: str, remove_text: str
    ) -> None:
        self.widget = QWidget(parent)
        self.role_combo = role_combo(role, "")
        self.role_combo.setParent(self.widget)
        self.role_combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.name_edit = QLineEdit(name, self.widget)
        self.name_edit.setMaxLength(_NAME_MAX_LENGTH)
        self.name_edit.setPlaceholderText(placeholder)
        self.name_edit.setMinimumWidth(self.name_edit.fontMetrics().averageCharWidth() * 14)
        self.remove_button = QToolButton(self.widget)
        self.remove_button.setText(remove_text)
        self.remove_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        layout = QHBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.role_combo)
        layout.addWidget(self.name_edit, 1)
        layout.addWidget(self.remove_button)

    def role(self) -> Role | None:
        return combo_role(self.role_combo)

    def participant(self) -> Participant | None:
        name = self.name_edit.text().strip()
        role = self.role()
        if not name or role is None:
            return None
        return Participant(display_name=name, role=role)


class ParticipantsEditor(QWidget):
    """Rows of role + name, with buttons to add and remove rows. Empty names are skipped; a
    name without a role is a ``problem``."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_ParticipantRow] = []
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self._rows_layout.setSpacing(6)
        self.add_button = QPushButton(self.tr("Deelnemer toevoegen"), self)
        self.add_button.setAccessibleName(self.tr("Deelnemer toevoegen"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.hint_label = hint_label(
            self.tr(
                "Kies eerst de rol, dan de naam. Een schuilnaam, zoals “Klant A”, is ook goed. "
                "Namen blijven in de versleutelde kluis en worden uit een geanonimiseerde "
                "samenvatting weggelaten. Lege regels tellen niet mee."
            )
        )
        self.hint_label.setParent(self)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(self._rows_layout)
        layout.addLayout(add_row)
        layout.addWidget(self.hint_label)

    def add_participant(self, name: str = "", role: Role | None = None) -> QLineEdit:
        """Add a row (``role`` None: "Kies een rol…"); returns its name field."""
        row = _ParticipantRow(
            self,
            name,
            role,
            placeholder=self.tr("Naam of schuilnaam"),
            remove_text=self.tr("Weghalen"),
        )
        row.name_edit.textChanged.connect(self.changed)
        row.role_combo.currentIndexChanged.connect(self.changed)
        row.remove_button.clicked.connect(lambda: self._remove(row))
        self._rows.append(row)
        self._rows_layout.addWidget(row.widget)
        self._renumber()
        self.changed.emit()
        return row.name_edit

    def set_participants(self, participants: Sequence[Participant]) -> None:
        """Replace all rows."""
        for row in list(self._rows):
            self._remove(row, refocus=False)
        for participant in participants:
            self.add_participant(participant.display_name, participant.role)

    def participants(self) -> list[Participant]:
        """The filled-in rows (a name and a role) as participants, in order."""
        result = []
        for row in self._rows:
            participant = row.participant()
            if participant is not None:
                result.append(participant)
        return result

    def problem(self) -> str | None:
        """A row with a name but no role (Dutch), or None."""
        for number, row in enumerate(self._rows, start=1):
            if row.name_edit.text().strip() and row.role() is None:
                return self.tr("Kies de rol van deelnemer {n}.").format(n=number)
        return None

    def row_count(self) -> int:
        """How many rows there are (filled in or not)."""
        return len(self._rows)

    def name_edits(self) -> list[QLineEdit]:
        """The name fields, in order."""
        return [row.name_edit for row in self._rows]

    def role_combos(self) -> list[QComboBox]:
        """The role boxes, in order."""
        return [row.role_combo for row in self._rows]

    def remove_buttons(self) -> list[QToolButton]:
        """The remove buttons, in order."""
        return [row.remove_button for row in self._rows]

    def focus_chain(self) -> list[QWidget]:
        """Every control of the rows in tab order (role, name, remove), then the add button."""
        chain: list[QWidget] = []
        for row in self._rows:
            chain += [row.role_combo, row.name_edit, row.remove_button]
        return [*chain, self.add_button]

    def _on_add_clicked(self) -> None:
        self.add_participant()
        row = self._rows[-1]
        row.widget.show()  # (the layout would show it later; focus needs it now)
        row.role_combo.setFocus(Qt.FocusReason.OtherFocusReason)

    def _remove(self, row: _ParticipantRow, refocus: bool = True) -> None:
        position = self._rows.index(row)
        self._rows.remove(row)
        self._rows_layout.removeWidget(row.widget)
        row.widget.hide()
        row.widget.deleteLater()
        self._renumber()
        if refocus:
            if self._rows:
                self._rows[min(position, len(self._rows) - 1)].role_combo.setFocus()
            else:
                self.add_button.setFocus()
        self.changed.emit()

    def _renumber(self) -> None:
        for number, row in enumerate(self._rows, start=1):
            row.role_combo.setAccessibleName(self.tr("Rol deelnemer {n}").format(n=number))
            row.name_edit.setAccessibleName(self.tr("Naam deelnemer {n}").format(n=number))
            row.remove_button.setAccessibleName(self.tr("Deelnemer {n} weghalen").format(n=number))
        chain = self.focus_chain()
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)


__all__ = ["ParticipantsEditor"]
