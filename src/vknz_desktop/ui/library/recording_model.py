"""The library's data: recordings as table rows (with their thumbnails), sorting and filtering.

``RecordingTableModel`` shows what it is given (recordings, one cover picture each, counts and
reminders); ``RecordingFilterModel`` sorts by ``SORT_ROLE`` and filters on words of the title.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QGuiApplication,
    QIcon,
    QPainter,
    QPainterPath,
    QPixmap,
    QPolygonF,
)

from vknz_desktop.domain.models import Recording
from vknz_desktop.domain.recording_ports import SourceReminder
from vknz_desktop.ui.common.appearance import signal_colour
from vknz_desktop.ui.common.formatting import (
    format_date,
    format_duration,
    keep_until_state,
    media_kind_label,
    role_label,
    scope_labels,
)

#: Size of the thumbnails in the first column (16:9).
THUMBNAIL_SIZE = QSize(96, 54)

#: Role that holds the recording id of a row (on every column).
ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: Role with a value that sorts the column sensibly (case-folded title, ordinal dates, ms).
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
#: Role with the keep-until state of the row: "ok", "soon" or "expired".
STATE_ROLE = Qt.ItemDataRole.UserRole + 3
#: Role of the title column with the line under the title (a reminder), or "".
NOTE_ROLE = Qt.ItemDataRole.UserRole + 4


@dataclass(frozen=True)
class RowFacts:
    """What the library shows of a recording besides the recording itself."""

    fragments: int = 0
    observations: int = 0
    #: Imported from a phone or card: remove it there too (None: nothing to remind of).
    reminder: SourceReminder | None = None
    #: A fragment of a recording that was replaced by its fragments: that recording's id.
    original_id: str | None = None


NO_FACTS = RowFacts()


def _device_pixel_ratio() -> float:
    screen = QGuiApplication.primaryScreen() if QGuiApplication.instance() else None
    return screen.devicePixelRatio() if screen is not None else 1.0


def _fold(text: str) -> str:
    """Lower case without accents, so "zoe" finds "Zoë"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def placeholder_pixmap(
    has_video: bool, size: QSize = THUMBNAIL_SIZE, ratio: float = 1.0
) -> QPixmap:
    """A neutral picture for a recording without a thumbnail: a play sign or sound bars."""
    pixmap = QPixmap(int(size.width() * ratio), int(size.height() * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width, height = float(size.width()), float(size.height())
        background = QPainterPath()
        background.addRoundedRect(QRectF(0.5, 0.5, width - 1, height - 1), 6, 6)
        painter.fillPath(background, QColor(88, 96, 105) if has_video else QColor(70, 98, 112))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(238, 240, 242))
        centre_x, centre_y = width / 2, height / 2
        if has_video:
            radius = height * 0.22
            triangle = QPolygonF(
                [
                    QPointF(centre_x - radius * 0.7, centre_y - radius),
                    QPointF(centre_x - radius * 0.7, centre_y + radius),
                    QPointF(centre_x + radius, centre_y),
                ]
            )
            painter.drawPolygon(triangle)
        else:
            bars = (0.25, 0.55, 0.9, 0.6, 0.35, 0.7, 0.3)
            bar_width = 5.0
            gap = 4.0
            total = len(bars) * bar_width + (len(bars) - 1) * gap
            left = centre_x - total / 2
            for number, fraction in enumerate(bars):
                bar_height = height * 0.6 * fraction
                painter.drawRoundedRect(
                    QRectF(
                        left + number * (bar_width + gap),
                        centre_y - bar_height / 2,
                        bar_width,
                        bar_height,
                    ),
                    2,
                    2,
                )
    finally:
        painter.end()
    return pixmap


def thumbnail_pixmap(jpeg: bytes | None, has_video: bool, ratio: float = 1.0) -> QPixmap:
    """The recording's JPEG scaled into a 16:9 frame, or the placeholder when there is none."""
    if jpeg:
        image = QPixmap()
        if image.loadFromData(jpeg, "JPG") and not image.isNull():
            target = QSize(
                int(THUMBNAIL_SIZE.width() * ratio), int(THUMBNAIL_SIZE.height() * ratio)
            )
            scaled = image.scaled(
                target,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            framed = QPixmap(target)
            framed.fill(QColor(24, 24, 24))
            painter = QPainter(framed)
            try:
                painter.drawPixmap(
                    (target.width() - scaled.width()) // 2,
                    (target.height() - scaled.height()) // 2,
                    scaled,
                )
            finally:
                painter.end()
            framed.setDevicePixelRatio(ratio)
            return framed
    return placeholder_pixmap(has_video, THUMBNAIL_SIZE, ratio)


class RecordingTableModel(QAbstractTableModel):
    """Recordings as rows; columns as in ``COLUMNS``."""

    TITLE, DATE, DURATION, KIND, FRAGMENTS, OBSERVATIONS, CONSENT, KEEP_UNTIL = range(8)
    COLUMNS: ClassVar[tuple[int, ...]] = (
        TITLE,
        DATE,
        DURATION,
        KIND,
        FRAGMENTS,
        OBSERVATIONS,
        CONSENT,
        KEEP_UNTIL,
    )
    NUMBERS: ClassVar[tuple[int, ...]] = (DURATION, FRAGMENTS, OBSERVATIONS)

    def __init__(
        self, parent: QObject | None = None, today: Callable[[], dt.date] = dt.date.today
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._recordings: list[Recording] = []
        self._facts: dict[str, RowFacts] = {}
        self._icons: dict[str, QIcon] = {}
        self._reference_day = today()

    # -- content ----------------------------------------------------------------------------
    def set_recordings(
        self,
        recordings: Sequence[Recording],
        thumbnails: Mapping[str, bytes],
        facts: Mapping[str, RowFacts] | None = None,
    ) -> None:
        """Replace everything shown (``facts``: counts, reminders, origins per recording)."""
        self.beginResetModel()
        self._reference_day = self._today()
        self._recordings = list(recordings)
        self._facts = dict(facts or {})
        device_ratio = _device_pixel_ratio()
        self._icons = {}
        placeholders: dict[bool, QIcon] = {}  # drawn once per kind, not once per row
        for recording in self._recordings:
            has_video = recording.media.has_video
            jpeg = thumbnails.get(recording.id) if has_video else None
            if not jpeg and has_video in placeholders:
                self._icons[recording.id] = placeholders[has_video]
                continue
            pixmap = thumbnail_pixmap(jpeg, has_video, device_ratio)
            icon = QIcon()
            # The same picture when selected: no tint over someone's face or the placeholder.
            icon.addPixmap(pixmap, QIcon.Mode.Normal)
            icon.addPixmap(pixmap, QIcon.Mode.Selected)
            self._icons[recording.id] = icon
            if not jpeg:
                placeholders[has_video] = icon
        self.endResetModel()

    def clear(self) -> None:
        """Drop every recording and picture."""
        self.set_recordings([], {})

    def state_words(self) -> tuple[str, str]:
        """The words shown under a keep-until date that is (nearly) past."""
        return self.tr("verloopt binnenkort"), self.tr("verlopen")

    def recording_at(self, row: int) -> Recording | None:
        """The recording in source row ``row``."""
        return self._recordings[row] if 0 <= row < len(self._recordings) else None

    def facts_of(self, recording_id: str) -> RowFacts:
        """What the library knows about a recording besides the recording itself."""
        return self._facts.get(recording_id, NO_FACTS)

    def row_of(self, recording_id: str) -> int | None:
        """The source row that shows ``recording_id``."""
        for row, recording in enumerate(self._recordings):
            if recording.id == recording_id:
                return row
        return None

    # -- QAbstractTableModel ----------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        if parent is not None and parent.isValid():
            return 0
        return len(self._recordings)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        if parent is not None and parent.isValid():
            return 0
        return len(self.COLUMNS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (
                Qt.AlignmentFlag.AlignRight
                if section in self.NUMBERS
                else Qt.AlignmentFlag.AlignLeft
            )
            # (word wrap: a heading too wide at large text goes onto two lines)
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = {
            self.TITLE: self.tr("Opname"),
            self.DATE: self.tr("Datum gesprek"),
            self.DURATION: self.tr("Duur"),
            self.KIND: self.tr("Soort"),
            self.FRAGMENTS: self.tr("Fragmenten"),
            self.OBSERVATIONS: self.tr("Waarnemingen"),
            self.CONSENT: self.tr("Toestemming voor"),
            self.KEEP_UNTIL: self.tr("Bewaren tot"),
        }
        return headers.get(section)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        recording = self.recording_at(index.row()) if index.isValid() else None
        if recording is None:
            return None
        column = index.column()
        state = keep_until_state(recording.consent, self._reference_day)
        if role == ID_ROLE:
            return recording.id
        if role == STATE_ROLE:
            return state
        if role == SORT_ROLE:
            return self._sort_value(recording, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(recording, column, state)
        if role == NOTE_ROLE and column == self.TITLE:
            return self.note(recording)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._accessible(recording, column, state)
        if role == Qt.ItemDataRole.DecorationRole and column == self.TITLE:
            return self._icons.get(recording.id)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(recording, column, state)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.KEEP_UNTIL:
            # readable on the light and the dark (high-contrast) backgrounds alike
            if state == "expired":
                return QBrush(signal_colour("error"))
            if state == "soon":
                return QBrush(signal_colour("warning"))
        if role == Qt.ItemDataRole.FontRole and column == self.KEEP_UNTIL and state != "ok":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.FontRole and column == self.TITLE:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def note(self, recording: Recording) -> str:
        """The second line under a title: a reminder to remove the source elsewhere too."""
        reminder = self.facts_of(recording.id).reminder
        if reminder is None:
            return ""
        if reminder.source_removed:
            return self.tr("Ook uit de cloud-back-up van de telefoon verwijderen")
        if reminder.phone:
            return self.tr("Ook van de telefoon en uit de cloud-back-up verwijderen")
        return self.tr("Ook van de geheugenkaart of USB-stick verwijderen")

    def _accessible(self, recording: Recording, column: int, state: str) -> str:
        facts = self.facts_of(recording.id)
        if column == self.FRAGMENTS:  # (a label, not a sentence: no plural forms needed)
            return self.tr("Fragmenten: {n}").format(n=facts.fragments)
        if column == self.OBSERVATIONS:
            return self.tr("Waarnemingen: {n}").format(n=facts.observations)
        text = self._display(recording, column, state).replace("\n", ", ")
        note = self.note(recording) if column == self.TITLE else ""
        return f"{text}, {note}" if note else text

    def _display(self, recording: Recording, column: int, state: str) -> str:
        if column == self.TITLE:
            return recording.title
        if column == self.DATE:
            return format_date(recording.conversation_date)
        if column == self.DURATION:
            return format_duration(recording.duration_ms)
        if column == self.KIND:
            if not recording.media_available:  # e.g. after "alleen fragmenten bewaren"
                return self.tr("Opname verwijderd (alleen tekst)")
            return media_kind_label(recording.media.has_video)
        if column == self.FRAGMENTS:
            return str(self.facts_of(recording.id).fragments)
        if column == self.OBSERVATIONS:
            return str(self.facts_of(recording.id).observations)
        if column == self.CONSENT:
            return scope_labels(recording.consent)
        if column == self.KEEP_UNTIL:
            day = format_date(recording.consent.keep_until)
            if state == "expired":
                return day + "\n" + self.tr("verlopen")
            if state == "soon":
                return day + "\n" + self.tr("verloopt binnenkort")
            return day
        return ""

    def _tooltip(self, recording: Recording, column: int, state: str) -> str | None:
        facts = self.facts_of(recording.id)
        if column == self.TITLE:
            return self._title_tooltip(recording, facts)
        if column == self.KIND and not recording.media_available:
            return self.tr(
                "De opname zelf is verwijderd; de aantekeningen zijn bewaard. Enter of "
                "dubbelklikken toont ze."
            )
        if column == self.FRAGMENTS:
            return self.tr("Gemarkeerde fragmenten: {n}").format(n=facts.fragments)
        if column == self.OBSERVATIONS:
            return self.tr("Waarnemingen die je mag zien: {n}").format(n=facts.observations)
        if column == self.CONSENT:
            consent = recording.consent
            return self.tr("Toestemming gegeven door {role} op {day}:\n{scopes}").format(
                role=role_label(consent.given_by).lower(),
                day=format_date(consent.given_on),
                scopes=scope_labels(consent, "\n"),
            )
        if column == self.KEEP_UNTIL:
            if state == "expired":
                return self.tr(
                    "De bewaartermijn is verlopen. Verwijder de opname, "
                    "of leg nieuwe toestemming vast als die er is."
                )
            if state == "soon":
                return self.tr(
                    "De bewaartermijn loopt binnenkort af. Rond het terugkijken af, "
                    "of vraag opnieuw toestemming."
                )
        return None

    def _title_tooltip(self, recording: Recording, facts: RowFacts) -> str:
        lines = [recording.title]
        names = ", ".join(
            f"{p.display_name} ({role_label(p.role).lower()})" for p in recording.participants
        )
        if names:
            lines.append(self.tr("In beeld of te horen: {names}").format(names=names))
        if facts.original_id is not None:
            lines.append(
                self.tr(
                    "Een fragment van een opname waarvan alleen de fragmenten zijn bewaard; "
                    "de aantekeningen van die opname staan in het menu (rechtsklik)."
                )
            )
        if self.note(recording):
            lines.append(self.note(recording))
        return "\n".join(lines)

    def _sort_value(self, recording: Recording, column: int) -> Any:
        if column == self.TITLE:
            return _fold(recording.title)
        if column == self.DATE:
            day = recording.conversation_date
            return day.toordinal() if day is not None else 0
        if column == self.DURATION:
            return recording.duration_ms
        if column == self.KIND:
            return int(recording.media.has_video)
        if column == self.FRAGMENTS:
            return self.facts_of(recording.id).fragments
        if column == self.OBSERVATIONS:
            return self.facts_of(recording.id).observations
        if column == self.CONSENT:
            return scope_labels(recording.consent)
        if column == self.KEEP_UNTIL:
            return recording.consent.keep_until.toordinal()
        return None


class RecordingFilterModel(QSortFilterProxyModel):
    """Sorts by ``SORT_ROLE`` and keeps rows whose title holds every word of the filter."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self.setSortRole(SORT_ROLE)

    def set_search_text(self, text: str) -> None:
        """Filter on ``text``: every word must occur in the title (case and accents ignored)."""
        words = _fold(text).split()
        if words == self._words:
            return
        if hasattr(self, "beginFilterChange"):  # Qt 6.10 and later
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self._words = words
            self.invalidateFilter()

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        title = model.data(model.index(source_row, RecordingTableModel.TITLE, source_parent))
        folded = _fold(str(title or ""))
        return all(word in folded for word in self._words)


__all__ = [
    "ID_ROLE",
    "NOTE_ROLE",
    "NO_FACTS",
    "SORT_ROLE",
    "STATE_ROLE",
    "THUMBNAIL_SIZE",
    "RecordingFilterModel",
    "RecordingTableModel",
    "RowFacts",
    "placeholder_pixmap",
    "thumbnail_pixmap",
]
