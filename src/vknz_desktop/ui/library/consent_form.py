"""The consent form: who gave consent, when, for what, and how long a recording may be kept.

Shared by the import dialog, the consent dialog and the Opnemen page (``ui.features.recording``):
one consent record, the same scopes, wherever a recording comes from. Dates are typed as people
write them (``ui.widgets.date_field``); what is wrong is said in words, never by refusing keys.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QProxyStyle,
    QSizePolicy,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)

from vknz_desktop.domain.models import (
    DEFAULT_KEEP_MONTHS,
    Consent,
    ConsentScope,
    Role,
    add_months,
    consent_contradiction,
)
from vknz_desktop.ui.common.formatting import role_label, scope_label
from vknz_desktop.ui.widgets.date_field import DISPLAY_FORMAT, DateField

#: Display format of every date field: numeric, so it never shows English month names.
DATE_FORMAT = DISPLAY_FORMAT
WARNING_COLOUR = QColor(160, 82, 0)


def to_qdate(day: dt.date) -> QDate:
    """A Python date as a QDate."""
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    """A QDate as a Python date."""
    return dt.date(day.year(), day.month(), day.day())


def date_field(day: dt.date, accessible_name: str) -> DateField:
    """A date field showing ``day`` (typed or picked from a calendar)."""
    field = DateField(to_qdate(day))
    field.setAccessibleName(accessible_name)
    field.setMinimumWidth(field.fontMetrics().horizontalAdvance("00-00-00000") + 40)
    return field


class _GrowingIndicator(QProxyStyle):
    """The application's style, with a check box indicator as tall as most of a text line."""

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create(QApplication.style().name()))

    def pixelMetric(
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        size = super().pixelMetric(metric, option, widget)
        if widget is not None and metric in (
            QStyle.PixelMetric.PM_IndicatorWidth,
            QStyle.PixelMetric.PM_IndicatorHeight,
        ):
            return max(size, round(widget.fontMetrics().height() * 0.8))
        return size


class ReadableCheckBox(QCheckBox):
    """A check box whose box grows with the text: the style keeps it at 13 px at any text
    size, too small to see or hit at 200 %."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._style = _GrowingIndicator()
        self._style.setParent(self)
        self.setStyle(self._style)

    def indicator_side(self) -> int:
        """The box's height in pixels, as it is drawn."""
        option = QStyleOptionButton()
        self.initStyleOption(option)
        return (
            self.style()
            .subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, self)
            .height()
        )


def role_combo(selected: Role | None, accessible_name: str) -> QComboBox:
    """A combo box of every role, wide enough for the longest; ``selected`` None shows
    "Kies een rol…" until one is chosen."""
    combo = QComboBox()
    for role in Role:
        combo.addItem(role_label(role), role.value)
    combo.setPlaceholderText(QCoreApplication.translate("ConsentForm", "Kies een rol…"))
    combo.setCurrentIndex(list(Role).index(selected) if selected is not None else -1)
    combo.setAccessibleName(accessible_name)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo


def combo_role(combo: QComboBox) -> Role | None:
    """The role chosen in ``combo`` (None: not yet)."""
    data = combo.currentData()
    return Role(str(data)) if data is not None else None


def hint_label(text: str) -> QLabel:
    """A quiet explanation under a field (wraps, never cut off)."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.92)
    label.setFont(font)
    palette = label.palette()
    palette.setColor(label.foregroundRole(), palette.color(palette.ColorRole.PlaceholderText))
    label.setPalette(palette)
    _grow_downwards(label)
    return label


def _grow_downwards(label: QLabel) -> None:
    """At least as high as its wrapped text needs (the height-for-width flag that
    ``setWordWrap`` set is kept: without it a layout squeezes the text at large sizes)."""
    policy = label.sizePolicy()
    policy.setVerticalPolicy(QSizePolicy.Policy.Minimum)
    policy.setHeightForWidth(True)
    label.setSizePolicy(policy)


def problem_label() -> QLabel:
    """Says why a form cannot be confirmed yet (orange, wraps)."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    palette = label.palette()
    palette.setColor(label.foregroundRole(), WARNING_COLOUR)
    label.setPalette(palette)
    return label


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

        self._build_note()
        self._build_fields(day)
        form = self._build_form()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.note_label)
        layout.addLayout(form)

        self.given_by_combo.currentIndexChanged.connect(self._on_changed)
        self.given_on_edit.dateChanged.connect(self._on_given_on_changed)
        self.given_on_edit.changed.connect(self._on_changed)
        self.keep_until_edit.dateChanged.connect(self._on_keep_until_changed)
        self.keep_until_edit.changed.connect(self._on_changed)

        if consent is not None:
            self.set_consent(consent)
        self._update_hint()

    def _build_note(self) -> None:
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
        _grow_downwards(self.note_label)

    def _build_fields(self, day: dt.date) -> None:
        self.given_by_combo = role_combo(Role.KLANT, self.tr("Toestemming gegeven door"))
        self.given_on_edit = date_field(day, self.tr("Datum van de toestemming"))

        self.scope_checkboxes: dict[ConsentScope, QCheckBox] = {}
        self._scopes_box = scopes_box = QVBoxLayout()
        scopes_box.setSpacing(4)
        for scope in ConsentScope:
            checkbox = ReadableCheckBox(scope_label(scope))
            checkbox.setAccessibleName(
                self.tr("Toestemming: {label}").format(label=scope_label(scope))
            )
            checkbox.toggled.connect(self._on_changed)
            self.scope_checkboxes[scope] = checkbox
            scopes_box.addWidget(checkbox)
        self.scope_hint = hint_label(
            self.tr("Alleen wat hier is aangevinkt, mag met de opname gebeuren.")
        )
        self.scope_hint.setAccessibleName(self.tr("Uitleg bij de toestemming"))

        self.keep_until_edit = date_field(
            add_months(day, DEFAULT_KEEP_MONTHS), self.tr("Bewaren tot en met")
        )
        self.keep_until_edit.setMinimumDate(to_qdate(day))
        self.keep_until_hint = hint_label(
            self.tr(
                "Standaard 12 maanden na de toestemming. Daarna staat de opname in de "
                "bibliotheek als verlopen."
            )
        )
        self.keep_until_hint.setAccessibleName(self.tr("Uitleg bij bewaren tot"))

    def _build_form(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.setVerticalSpacing(8)
        form.addRow(self.tr("&Gegeven door:"), self.given_by_combo)
        form.addRow(self.tr("Datum toe&stemming:"), self.given_on_edit)
        uses_label = QLabel(self.tr("Mag gebruikt worden:"))
        uses_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.addRow(uses_label, self._scopes_box)
        form.addRow(self.scope_hint)
        form.addRow(self.tr("&Bewaren tot en met:"), self.keep_until_edit)
        form.addRow(self.keep_until_hint)
        for row_label, buddy in (
            (form.labelForField(self.given_by_combo), self.given_by_combo),
            (form.labelForField(self.given_on_edit), self.given_on_edit),
            (form.labelForField(self.keep_until_edit), self.keep_until_edit),
        ):
            if isinstance(row_label, QLabel):
                row_label.setBuddy(buddy)
        return form

    # -- public API ---------------------------------------------------------------------------
    def scopes(self) -> list[ConsentScope]:
        """The ticked scopes, in the order of ``ConsentScope``."""
        return [scope for scope, box in self.scope_checkboxes.items() if box.isChecked()]

    def focus_chain(self) -> list[QWidget]:
        """The form's controls in tab order (for a dialog's tab chain)."""
        return [
            self.given_by_combo,
            self.given_on_edit.line_edit,
            *self.scope_checkboxes.values(),
            self.keep_until_edit.line_edit,
        ]

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
        if self.given_by_combo.currentIndex() < 0:
            return self.tr("Kies wie de toestemming gaf.")
        if not self.given_on_edit.is_valid():
            return self.tr(
                "Typ de datum van de toestemming als dag-maand-jaar, bijvoorbeeld 5-3-2026."
            )
        if not self.keep_until_edit.is_valid():
            return self.tr("Typ 'bewaren tot' als dag-maand-jaar, bijvoorbeeld 5-3-2027.")
        if self.keep_until() < self.given_on():
            return self.tr("'Bewaren tot' ligt vóór de datum van de toestemming.")
        return None

    def given_by(self) -> Role:
        """Who gave consent."""
        return combo_role(self.given_by_combo) or Role.KLANT

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
        colour = WARNING_COLOUR if missing else palette.color(palette.ColorRole.PlaceholderText)
        palette.setColor(role, colour)
        self.scope_hint.setPalette(palette)


__all__ = [
    "DATE_FORMAT",
    "WARNING_COLOUR",
    "ConsentForm",
    "combo_role",
    "date_field",
    "from_qdate",
    "hint_label",
    "problem_label",
    "role_combo",
    "to_qdate",
]
