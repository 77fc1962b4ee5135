"""Dialogs that ask for a recording's details and consent.

``ImportDetailsDialog`` is shown before anything is written to the vault: what the file holds,
a title, the date of the conversation, who is in it, and the consent (who gave it, when, for
what, and how long the recording may be kept). ``ConsentDialog`` changes the consent of a
recording that is already in the vault. Both share ``ConsentForm``.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from vknz_desktop.domain.models import (
    DEFAULT_KEEP_MONTHS,
    Consent,
    ConsentScope,
    MediaInfo,
    Participant,
    Role,
    add_months,
    consent_contradiction,
)
from vknz_desktop.services.recordings import ImportRequest, default_title
from vknz_desktop.ui.formatting import format_duration, role_label, scope_label

#: Display format of every date field: numeric, so it never shows English month names.
DATE_FORMAT = "dd-MM-yyyy"
_NAME_MAX_LENGTH = 200
_WARNING_COLOUR = QColor(160, 82, 0)


def to_qdate(day: dt.date) -> QDate:
    """A Python date as a QDate."""
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    """A QDate as a Python date."""
    return dt.date(day.year(), day.month(), day.day())


def _date_edit(day: dt.date, accessible_name: str) -> QDateEdit:
    edit = QDateEdit(to_qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setAccessibleName(accessible_name)
    edit.setMinimumWidth(130)
    return edit


def _role_combo(selected: Role, accessible_name: str) -> QComboBox:
    combo = QComboBox()
    for role in Role:
        combo.addItem(role_label(role), role.value)
    combo.setCurrentIndex(list(Role).index(selected))
    combo.setAccessibleName(accessible_name)
    return combo


def _combo_role(combo: QComboBox) -> Role:
    return Role(str(combo.currentData()))


def _hint_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.92)
    label.setFont(font)
    palette = label.palette()
    palette.setColor(label.foregroundRole(), palette.color(palette.ColorRole.PlaceholderText))
    label.setPalette(palette)
    return label


def _problem_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    palette = label.palette()
    palette.setColor(label.foregroundRole(), _WARNING_COLOUR)
    label.setPalette(palette)
    return label


def describe_media(media: MediaInfo) -> str:
    """What a probe found, in Dutch: ``"Video met geluid · 8:00 · 320 × 240"``."""
    if media.has_video and media.has_audio:
        kind = QCoreApplication.translate("ImportDetailsDialog", "Video met geluid")
    elif media.has_video:
        kind = QCoreApplication.translate("ImportDetailsDialog", "Video zonder geluid")
    else:
        kind = QCoreApplication.translate("ImportDetailsDialog", "Alleen geluid")
    parts = [kind, format_duration(media.duration_ms)]
    if media.has_video and media.width and media.height:
        width, height = media.width, media.height
        if media.rotation % 180:
            width, height = height, width
        parts.append(f"{width} × {height}")
    return " · ".join(parts)


class ConsentForm(QWidget):
    """Who gave consent, when, for what, and until when the recording may be kept.

    ``changed`` fires on every edit; ``is_complete()`` is False while no scope is ticked.
    Until the user changes the keep-until date, it follows the consent date plus twelve months.
    """

    changed = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
        consent: Consent | None = None,
    ) -> None:
        super().__init__(parent)
        day = today or dt.date.today()
        self._keep_until_follows = consent is None
        self._updating = False

        self.note_label = QLabel(
            self.tr(
                "Toestemming betekent: iedereen die in de opname te zien of te horen is, weet "
                "dat er is opgenomen en waarvoor de opname gebruikt wordt, en heeft daar ja op "
                "gezegd. De opname is om van te leren, nooit om iemand te beoordelen. Wie niet "
                "meer wil, kan de toestemming altijd intrekken; verwijder de opname dan."
            )
        )
        self.note_label.setWordWrap(True)
        self.note_label.setTextFormat(Qt.TextFormat.PlainText)
        self.note_label.setAccessibleName(self.tr("Wat toestemming betekent"))
        self.note_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.note_label.setMargin(8)
        self.note_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

        self.given_by_combo = _role_combo(Role.KLANT, self.tr("Toestemming gegeven door"))
        self.given_on_edit = _date_edit(day, self.tr("Datum van de toestemming"))

        self.scope_checkboxes: dict[ConsentScope, QCheckBox] = {}
        scopes_box = QVBoxLayout()
        scopes_box.setSpacing(4)
        for scope in ConsentScope:
            checkbox = QCheckBox(scope_label(scope))
            checkbox.setAccessibleName(
                self.tr("Toestemming: {label}").format(label=scope_label(scope))
            )
            checkbox.toggled.connect(self._on_changed)
            self.scope_checkboxes[scope] = checkbox
            scopes_box.addWidget(checkbox)
        self.scope_hint = _hint_label(
            self.tr("Alleen wat hier is aangevinkt, mag met de opname gebeuren.")
        )
        self.scope_hint.setAccessibleName(self.tr("Uitleg bij de toestemming"))

        self.keep_until_edit = _date_edit(
            add_months(day, DEFAULT_KEEP_MONTHS), self.tr("Bewaren tot en met")
        )
        self.keep_until_edit.setMinimumDate(to_qdate(day))
        self.keep_until_hint = _hint_label(
            self.tr(
                "Standaard 12 maanden na de toestemming. Daarna staat de opname in de "
                "bibliotheek als verlopen."
            )
        )
        self.keep_until_hint.setAccessibleName(self.tr("Uitleg bij bewaren tot"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.setVerticalSpacing(8)
        form.addRow(self.tr("Gegeven door:"), self.given_by_combo)
        form.addRow(self.tr("Datum toestemming:"), self.given_on_edit)
        uses_label = QLabel(self.tr("Mag gebruikt worden:"))
        uses_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.addRow(uses_label, scopes_box)
        form.addRow("", self.scope_hint)
        form.addRow(self.tr("Bewaren tot en met:"), self.keep_until_edit)
        form.addRow("", self.keep_until_hint)
        for row_label, buddy in (
            (form.labelForField(self.given_by_combo), self.given_by_combo),
            (form.labelForField(self.given_on_edit), self.given_on_edit),
            (form.labelForField(self.keep_until_edit), self.keep_until_edit),
        ):
            if isinstance(row_label, QLabel):
                row_label.setBuddy(buddy)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.note_label)
        layout.addLayout(form)

        self.given_by_combo.currentIndexChanged.connect(self._on_changed)
        self.given_on_edit.dateChanged.connect(self._on_given_on_changed)
        self.keep_until_edit.dateChanged.connect(self._on_keep_until_changed)

        if consent is not None:
            self.set_consent(consent)
        self._update_hint()

    # -- public API ---------------------------------------------------------------------------
    def scopes(self) -> list[ConsentScope]:
        """The ticked scopes, in the order of ``ConsentScope``."""
        return [scope for scope, box in self.scope_checkboxes.items() if box.isChecked()]

    def is_complete(self) -> bool:
        """Whether the form describes a valid consent (see ``problem``)."""
        return self.problem() is None

    def problem(self) -> str | None:
        """Why the form is not complete, in Dutch; None when it is."""
        if not self.scopes():
            return self.tr("Vink eerst aan waarvoor de opname gebruikt mag worden.")
        contradiction = consent_contradiction(self.scopes())  # the consent model's own rule
        if contradiction is not None:
            return contradiction
        if self.keep_until() < self.given_on():
            return self.tr("'Bewaren tot' ligt vóór de datum van de toestemming.")
        return None

    def given_by(self) -> Role:
        """Who gave consent."""
        return _combo_role(self.given_by_combo)

    def given_on(self) -> dt.date:
        """When consent was given."""
        return from_qdate(self.given_on_edit.date())

    def keep_until(self) -> dt.date:
        """The last day the recording may be kept."""
        return from_qdate(self.keep_until_edit.date())

    def consent(self) -> Consent:
        """The consent the form describes; raises ValueError when it is not complete."""
        problem = self.problem()
        if problem is not None:
            raise ValueError(problem)
        return Consent(
            given_on=self.given_on(),
            given_by=self.given_by(),
            scopes=frozenset(self.scopes()),
            keep_until=self.keep_until(),
        )

    def set_consent(self, consent: Consent) -> None:
        """Fill the form from ``consent``; its keep-until date no longer follows the date given."""
        self._updating = True
        try:
            self.given_by_combo.setCurrentIndex(list(Role).index(consent.given_by))
            self.given_on_edit.setDate(to_qdate(consent.given_on))
            self.keep_until_edit.setMinimumDate(to_qdate(consent.given_on))
            self.keep_until_edit.setDate(to_qdate(consent.keep_until))
            for scope, box in self.scope_checkboxes.items():
                with QSignalBlocker(box):
                    box.setChecked(scope in consent.scopes)
        finally:
            self._updating = False
        self._keep_until_follows = False
        self._on_changed()

    # -- internals ----------------------------------------------------------------------------
    def _on_given_on_changed(self, date: QDate) -> None:
        given = from_qdate(date)
        self._updating = True
        try:
            self.keep_until_edit.setMinimumDate(date)
            if self._keep_until_follows:
                self.keep_until_edit.setDate(to_qdate(add_months(given, DEFAULT_KEEP_MONTHS)))
        finally:
            self._updating = False
        self._on_changed()

    def _on_keep_until_changed(self, _date: QDate) -> None:
        if not self._updating:
            self._keep_until_follows = False
        self._on_changed()

    def _on_changed(self) -> None:
        self._update_hint()
        self.changed.emit()

    def _update_hint(self) -> None:
        missing = not self.scopes()
        palette = self.scope_hint.palette()
        role = self.scope_hint.foregroundRole()
        colour = _WARNING_COLOUR if missing else palette.color(palette.ColorRole.PlaceholderText)
        palette.setColor(role, colour)
        self.scope_hint.setPalette(palette)


class _ParticipantRow:
    """The widgets of one participant: name, role, remove button."""

    def __init__(
        self, parent: QWidget, name: str, role: Role, placeholder: str, remove_text: str
    ) -> None:
        self.widget = QWidget(parent)
        self.name_edit = QLineEdit(name, self.widget)
        self.name_edit.setMaxLength(_NAME_MAX_LENGTH)
        self.name_edit.setPlaceholderText(placeholder)
        self.role_combo = _role_combo(role, "")
        self.role_combo.setParent(self.widget)
        self.remove_button = QToolButton(self.widget)
        self.remove_button.setText(remove_text)
        self.remove_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        layout = QHBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.name_edit, 3)
        layout.addWidget(self.role_combo, 2)
        layout.addWidget(self.remove_button)

    def participant(self) -> Participant | None:
        name = self.name_edit.text().strip()
        if not name:
            return None
        return Participant(display_name=name, role=_combo_role(self.role_combo))


class ParticipantsEditor(QWidget):
    """Rows of name + role, with buttons to add and remove rows. Empty names are skipped."""

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
        self.hint_label = _hint_label(
            self.tr(
                "Een schuilnaam, zoals “Klant A”, is ook goed. Namen blijven in de "
                "versleutelde kluis en worden uit een geanonimiseerde samenvatting "
                "weggelaten. Lege regels tellen niet mee."
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

    def add_participant(self, name: str = "", role: Role = Role.KLANT) -> QLineEdit:
        """Add a row; returns its name field."""
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
        """The filled-in rows as participants, in order."""
        result = []
        for row in self._rows:
            participant = row.participant()
            if participant is not None:
                result.append(participant)
        return result

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

    def _on_add_clicked(self) -> None:
        self.add_participant().setFocus(Qt.FocusReason.OtherFocusReason)

    def _remove(self, row: _ParticipantRow, refocus: bool = True) -> None:
        position = self._rows.index(row)
        self._rows.remove(row)
        self._rows_layout.removeWidget(row.widget)
        row.widget.hide()
        row.widget.deleteLater()
        self._renumber()
        if refocus:
            if self._rows:
                self._rows[min(position, len(self._rows) - 1)].name_edit.setFocus()
            else:
                self.add_button.setFocus()
        self.changed.emit()

    def _renumber(self) -> None:
        previous: QWidget | None = None
        for number, row in enumerate(self._rows, start=1):
            row.name_edit.setAccessibleName(self.tr("Naam deelnemer {n}").format(n=number))
            row.role_combo.setAccessibleName(self.tr("Rol deelnemer {n}").format(n=number))
            row.remove_button.setAccessibleName(self.tr("Deelnemer {n} weghalen").format(n=number))
            for widget in (row.name_edit, row.role_combo, row.remove_button):
                if previous is not None:
                    QWidget.setTabOrder(previous, widget)
                previous = widget
        if previous is not None:
            QWidget.setTabOrder(previous, self.add_button)


def _elide_middle(text: str, limit: int = 60) -> str:
    if len(text) <= limit:
        return text
    keep = (limit - 1) // 2
    return text[:keep] + "…" + text[-keep:]


class ImportDetailsDialog(QDialog):
    """Asks for a recording's details and consent before anything is written to the vault.

    ``request()`` gives the ImportRequest to run once the dialog is accepted. The OK button
    ("Importeren") stays disabled until at least one consent scope is ticked.
    """

    def __init__(
        self,
        source: Path,
        media: MediaInfo,
        parent: QWidget | None = None,
        *,
        role: Role = Role.KLANTMANAGER,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._media = media
        self._role = role
        day = today or dt.date.today()
        self.setWindowTitle(self.tr("Opname importeren"))
        self.setAccessibleName(self.tr("Gegevens en toestemming voor de opname"))
        self.setModal(True)

        # -- what the file is -----------------------------------------------------------------
        self.file_label = QLabel(_elide_middle(source.name))
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        self.file_label.setToolTip(str(source))
        self.file_label.setAccessibleName(self.tr("Bestandsnaam"))
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.media_label = QLabel(describe_media(media))
        self.media_label.setTextFormat(Qt.TextFormat.PlainText)
        self.media_label.setAccessibleName(self.tr("Wat er in het bestand staat"))
        file_form = QFormLayout()
        file_form.addRow(self.tr("Naam:"), self.file_label)
        file_form.addRow(self.tr("Gevonden:"), self.media_label)
        file_box = QGroupBox(self.tr("Bestand"))
        file_box.setLayout(file_form)

        # -- the conversation -----------------------------------------------------------------
        self.title_edit = QLineEdit(default_title(source))
        self.title_edit.setAccessibleName(self.tr("Titel"))
        self.title_edit.setMaxLength(300)
        self.title_edit.setPlaceholderText(default_title(source))
        self.conversation_date_edit = _date_edit(day, self.tr("Datum van het gesprek"))
        self.conversation_date_edit.setMaximumDate(to_qdate(day))
        conversation_form = QFormLayout()
        conversation_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        conversation_form.addRow(self.tr("&Titel:"), self.title_edit)
        conversation_form.addRow(self.tr("&Datum gesprek:"), self.conversation_date_edit)
        conversation_box = QGroupBox(self.tr("Gesprek"))
        conversation_box.setLayout(conversation_form)

        self.participants_editor = ParticipantsEditor()
        self.participants_editor.add_participant("", Role.KLANT)
        participants_box = QGroupBox(self.tr("Wie zijn er te zien of te horen?"))
        participants_layout = QVBoxLayout(participants_box)
        participants_layout.addWidget(self.participants_editor)

        # -- consent --------------------------------------------------------------------------
        self.consent_form = ConsentForm(today=day)
        self.consent_form.changed.connect(self._update_ok)
        consent_box = QGroupBox(self.tr("Toestemming"))
        consent_layout = QVBoxLayout(consent_box)
        consent_layout.addWidget(self.consent_form)

        # -- buttons --------------------------------------------------------------------------
        self.button_box = QDialogButtonBox()
        self.ok_button = self.button_box.addButton(
            self.tr("Importeren"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setAccessibleName(self.tr("Importeren"))
        self.ok_button.setDefault(True)
        self.cancel_button = self.button_box.addButton(
            self.tr("Annuleren"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.cancel_button.setAccessibleName(self.tr("Annuleren"))
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)
        self.problem_label = _problem_label()
        self.problem_label.setAccessibleName(self.tr("Waarom importeren nog niet kan"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.problem_label, 1)
        bottom.addWidget(self.button_box)

        left = QVBoxLayout()
        left.setSpacing(12)
        left.addWidget(file_box)
        left.addWidget(conversation_box)
        left.addWidget(participants_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(consent_box)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.setSpacing(18)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        layout.addLayout(columns)
        layout.addLayout(bottom)

        self._set_tab_order()
        self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.title_edit.selectAll()
        self._update_ok()

    # -- public API ---------------------------------------------------------------------------
    @property
    def source(self) -> Path:
        """The file to import."""
        return self._source

    @property
    def media(self) -> MediaInfo:
        """What the probe found."""
        return self._media

    @property
    def scope_checkboxes(self) -> dict[ConsentScope, QCheckBox]:
        """The consent scope checkboxes (shortcut into the consent form)."""
        return self.consent_form.scope_checkboxes

    def conversation_date(self) -> dt.date:
        """The date of the conversation."""
        return from_qdate(self.conversation_date_edit.date())

    def request(self) -> ImportRequest:
        """What to import and with which consent; raises ValueError while consent is missing."""
        title = self.title_edit.text().strip()
        return ImportRequest(
            source=self._source,
            consent=self.consent_form.consent(),
            title=title or None,
            conversation_date=self.conversation_date(),
            participants=tuple(self.participants_editor.participants()),
            role=self._role,
        )

    def accept(self) -> None:
        """Close with Accepted, but only with a complete consent."""
        if not self.consent_form.is_complete():
            self._update_ok()
            return
        super().accept()

    # -- internals ----------------------------------------------------------------------------
    def _update_ok(self) -> None:
        problem = self.consent_form.problem()
        self.ok_button.setEnabled(problem is None)
        self.ok_button.setToolTip(problem or "")
        self.problem_label.setText(problem or "")

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [self.title_edit, self.conversation_date_edit]
        chain += [
            widget
            for name, combo, remove in zip(
                self.participants_editor.name_edits(),
                self.participants_editor.role_combos(),
                self.participants_editor.remove_buttons(),
                strict=True,
            )
            for widget in (name, combo, remove)
        ]
        form = self.consent_form
        chain += [self.participants_editor.add_button, form.given_by_combo, form.given_on_edit]
        chain += list(form.scope_checkboxes.values())
        chain += [form.keep_until_edit, self.ok_button, self.cancel_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)


class ConsentDialog(QDialog):
    """Changes the consent of a recording already in the vault; ``consent()`` gives the result."""

    def __init__(
        self,
        consent: Consent,
        parent: QWidget | None = None,
        *,
        recording_title: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Toestemming wijzigen"))
        self.setAccessibleName(self.tr("Toestemming wijzigen"))
        self.setModal(True)
        heading = QLabel(
            self.tr("Toestemming voor “{title}”").format(title=recording_title)
            if recording_title
            else self.tr("Toestemming voor deze opname")
        )
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        heading_font = QFont(heading.font())
        heading_font.setBold(True)
        heading.setFont(heading_font)

        self.consent_form = ConsentForm(consent=consent)
        self.consent_form.changed.connect(self._update_ok)

        self.button_box = QDialogButtonBox()
        self.ok_button = self.button_box.addButton(
            self.tr("Opslaan"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setAccessibleName(self.tr("Opslaan"))
        self.ok_button.setDefault(True)
        self.cancel_button = self.button_box.addButton(
            self.tr("Annuleren"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.cancel_button.setAccessibleName(self.tr("Annuleren"))
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)
        self.problem_label = _problem_label()
        self.problem_label.setAccessibleName(self.tr("Waarom opslaan nog niet kan"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.problem_label, 1)
        bottom.addWidget(self.button_box)

        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        layout.addWidget(heading)
        layout.addWidget(self.consent_form)
        layout.addLayout(bottom)
        self.setMinimumWidth(520)
        self._update_ok()

    def consent(self) -> Consent:
        """The consent as edited; raises ValueError while it is not complete."""
        return self.consent_form.consent()

    def accept(self) -> None:
        """Close with Accepted, but only with a complete consent."""
        if not self.consent_form.is_complete():
            self._update_ok()
            return
        super().accept()

    def _update_ok(self) -> None:
        problem = self.consent_form.problem()
        self.ok_button.setEnabled(problem is None)
        self.ok_button.setToolTip(problem or "")
        self.problem_label.setText(problem or "")


__all__ = [
    "DATE_FORMAT",
    "ConsentDialog",
    "ConsentForm",
    "ImportDetailsDialog",
    "ParticipantsEditor",
    "describe_media",
    "from_qdate",
    "to_qdate",
]
