"""A date field that can be typed into as people write dates: ``5-3-2026``, ``05-03-2026``,
``5/3/26``, ``5 maart 2026``, ``05032026`` — or picked from a calendar.

Qt's ``QDateEdit`` is hard to type into: it jumps to the next section after two digits (so a
typed ``-`` then skips the month), and it refuses intermediate values outside its minimum and
maximum (typing the day of an earlier month first is refused when that day lies after the
maximum). ``DateField`` keeps the text the user types, reads it as a date whenever it can, and
leaves the limits to the form (``in_range``), which says what is wrong instead of refusing keys.

It speaks ``QDate`` like ``QDateEdit`` (``date``, ``setDate``, ``dateChanged``,
``setMinimumDate``, ``setMaximumDate``), so forms can use either.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QEvent, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

#: How the field shows a date it understood.
DISPLAY_FORMAT = "dd-MM-yyyy"

#: Dutch (and English) month names and their usual abbreviations, lower case.
_MONTHS = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "feb": 2, "february": 2,
    "maart": 3, "mrt": 3, "maa": 3, "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "augustus": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
_PARTS = re.compile(r"[0-9]+|[^\W\d_]+")


def parse_date(text: str, today: dt.date | None = None) -> dt.date | None:
    """The date ``text`` means (day first, as in Dutch), or None.

    Day, month and year separated by anything that is not a letter or digit (``-``, ``/``,
    ``.``, spaces); the month may be a name (``maart``, ``mrt``); a two-digit year is in this
    century; eight digits in a row are ``ddmmyyyy``; without a year, this year.
    """
    parts = _PARTS.findall(text.strip().lower())
    if len(parts) == 1 and parts[0].isdigit() and len(parts[0]) == 8:
        digits = parts[0]
        parts = [digits[:2], digits[2:4], digits[4:]]
    if len(parts) == 2:
        parts.append(str((today or dt.date.today()).year))
    if len(parts) != 3 or not parts[0].isdigit() or not parts[2].isdigit():
        return None
    day, month_text, year_text = parts
    month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text.rstrip("."))
    if month is None or len(year_text) not in (2, 4):
        return None
    year = int(year_text) + (2000 if len(year_text) == 2 else 0)
    try:
        return dt.date(year, month, int(day))
    except ValueError:
        return None


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class DateField(QWidget):
    """A line edit for a date plus a button that opens a calendar (see the module's text).

    ``date()`` is the last date the text was understood as; ``is_valid()`` says whether the
    text now means a date at all; ``changed`` fires on every edit (for forms that check),
    ``dateChanged(QDate)`` when the date itself changes.
    """

    dateChanged = Signal(QDate)
    changed = Signal()

    def __init__(self, date: QDate | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._date = date if date is not None and date.isValid() else QDate.currentDate()
        self._minimum: QDate | None = None
        self._maximum: QDate | None = None
        self.line_edit = QLineEdit(self)
        self.line_edit.setPlaceholderText(self.tr("dd-mm-jjjj"))
        self.line_edit.setMaxLength(40)
        self.calendar_button = QToolButton(self)
        self.calendar_button.setArrowType(Qt.ArrowType.DownArrow)
        self.calendar_button.setAccessibleName(self.tr("Kies een datum in de kalender"))
        self.calendar_button.setToolTip(self.tr("Kies een datum in de kalender (Alt+Omlaag)"))
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Alt+Down opens it
        self.calendar_button.clicked.connect(self.show_calendar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line_edit, 1)
        layout.addWidget(self.calendar_button)
        self.setFocusProxy(self.line_edit)
        self.line_edit.installEventFilter(self)
        self.line_edit.textEdited.connect(self._on_text_edited)
        self.line_edit.editingFinished.connect(self._tidy)
        self._show(self._date)

    # -- QDateEdit's API ---------------------------------------------------------------------
    def date(self) -> QDate:
        """The date last understood (the text may be unfinished: see ``is_valid``)."""
        return QDate(self._date)

    def setDate(self, date: QDate) -> None:
        """Show ``date`` (the text is replaced)."""
        if not date.isValid():
            return
        self._show(date)
        self._set(date)

    def setMinimumDate(self, date: QDate) -> None:
        """The earliest date the calendar offers (typing is never refused: see ``in_range``)."""
        self._minimum = QDate(date)

    def setMaximumDate(self, date: QDate) -> None:
        """The latest date the calendar offers."""
        self._maximum = QDate(date)

    def minimumDate(self) -> QDate | None:
        return self._minimum

    def maximumDate(self) -> QDate | None:
        return self._maximum

    def setAccessibleName(self, name: str) -> None:
        """Name the field (the line edit, which has the focus) and the widget."""
        super().setAccessibleName(name)
        self.line_edit.setAccessibleName(name)

    def text(self) -> str:
        """What the field shows."""
        return self.line_edit.text()

    # -- checks -------------------------------------------------------------------------------
    def is_valid(self) -> bool:
        """Whether the text is a date."""
        return parse_date(self.line_edit.text(), _pydate(QDate.currentDate())) is not None

    def in_range(self) -> bool:
        """Whether the date lies within the minimum and maximum (when set)."""
        if self._minimum is not None and self._date < self._minimum:
            return False
        return not (self._maximum is not None and self._date > self._maximum)

    # -- the calendar -------------------------------------------------------------------------
    def show_calendar(self) -> None:
        """A calendar under the field; picking a day fills it in."""
        menu = QMenu(self)
        calendar = QCalendarWidget(menu)
        calendar.setGridVisible(True)
        calendar.setAccessibleName(self.tr("Kalender"))
        if self._minimum is not None:
            calendar.setMinimumDate(self._minimum)
        if self._maximum is not None:
            calendar.setMaximumDate(self._maximum)
        calendar.setSelectedDate(self._date)
        action = QWidgetAction(menu)
        action.setDefaultWidget(calendar)
        menu.addAction(action)

        def picked(date: QDate) -> None:
            self.setDate(date)
            menu.close()

        calendar.clicked.connect(picked)
        calendar.activated.connect(picked)
        self.calendar = calendar  # for tests
        calendar.setFocus()
        menu.exec(self.mapToGlobal(QPoint(0, self.height())))
        menu.deleteLater()
        self.line_edit.setFocus()

    # -- internals ----------------------------------------------------------------------------
    def eventFilter(self, watched: object, event: QEvent) -> bool:
        if (
            watched is self.line_edit
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down  # type: ignore[attr-defined]
            and event.modifiers() & Qt.KeyboardModifier.AltModifier  # type: ignore[attr-defined]
        ):
            self.show_calendar()
            return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    def _on_text_edited(self, text: str) -> None:
        day = parse_date(text, _pydate(QDate.currentDate()))
        if day is not None:
            self._set(_qdate(day))
        self.changed.emit()

    def _tidy(self) -> None:
        """After typing: show an understood date in the usual form."""
        if self.is_valid():
            self._show(self._date)

    def _show(self, date: QDate) -> None:
        self.line_edit.setText(date.toString(DISPLAY_FORMAT))

    def _set(self, date: QDate) -> None:
        changed = date != self._date
        self._date = QDate(date)
        if changed:
            self.dateChanged.emit(QDate(date))
        self.changed.emit()


__all__ = ["DISPLAY_FORMAT", "DateField", "parse_date"]
