"""The library: every recording in the vault, with its consent and how long it may be kept.

``LibraryView`` shows a sortable, filterable table (thumbnail, title, date of the conversation,
duration, video or audio, consent scopes, keep-until date) or, when the vault holds nothing yet,
a friendly empty state with a big import button. Files dropped anywhere on it are offered for
import. It only shows what it is given: the main window feeds it recordings and thumbnails and
listens to its signals.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRectF,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QIcon,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vknz_desktop.domain.models import Recording
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

    TITLE, DATE, DURATION, KIND, CONSENT, KEEP_UNTIL = range(6)
    COLUMNS: ClassVar[tuple[int, ...]] = (TITLE, DATE, DURATION, KIND, CONSENT, KEEP_UNTIL)

    def __init__(
        self, parent: QObject | None = None, today: Callable[[], dt.date] = dt.date.today
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._recordings: list[Recording] = []
        self._icons: dict[str, QIcon] = {}
        self._reference_day = today()

    # -- content ----------------------------------------------------------------------------
    def set_recordings(
        self, recordings: Sequence[Recording], thumbnails: Mapping[str, bytes]
    ) -> None:
        """Replace everything shown."""
        self.beginResetModel()
        self._reference_day = self._today()
        self._recordings = list(recordings)
        device_ratio = _device_pixel_ratio()
        self._icons = {}
        for recording in self._recordings:
            pixmap = thumbnail_pixmap(
                thumbnails.get(recording.id) if recording.media.has_video else None,
                recording.media.has_video,
                device_ratio,
            )
            icon = QIcon()
            # The same picture when selected: no tint over someone's face or the placeholder.
            icon.addPixmap(pixmap, QIcon.Mode.Normal)
            icon.addPixmap(pixmap, QIcon.Mode.Selected)
            self._icons[recording.id] = icon
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
                if section == self.DURATION
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
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(recording, column, state).replace("\n", ", ")
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
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.DURATION:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

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
        if column == self.TITLE:
            names = ", ".join(
                f"{p.display_name} ({role_label(p.role).lower()})" for p in recording.participants
            )
            if names:
                return self.tr("{title}\nIn beeld of te horen: {names}").format(
                    title=recording.title, names=names
                )
            return recording.title
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


class _RecordingTable(QTableView):
    """The table, with Enter, Delete and the context-menu key handled by the library."""

    keyActivated = Signal()
    deletePressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.currentIndex().isValid():
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.keyActivated.emit()
                event.accept()
                return
            if event.key() == Qt.Key.Key_Delete:
                self.deletePressed.emit()
                event.accept()
                return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        # Opened with the keyboard: show the menu at the current row, not in the middle.
        if event.reason() == QContextMenuEvent.Reason.Keyboard and self.currentIndex().isValid():
            rect = self.visualRect(self.currentIndex())
            self.customContextMenuRequested.emit(rect.center())
            event.accept()
            return
        super().contextMenuEvent(event)


class LibraryView(QWidget):
    """All recordings in the vault, or an empty state that invites the first import.

    Signals: ``openRequested(str)`` (double-click or Enter), ``importRequested()``,
    ``filesDropped(list[Path])``, ``deleteRequested(str)`` (menu or Delete key),
    ``consentEditRequested(str)`` and ``currentRecordingChanged(str | None)``.
    """

    openRequested = Signal(str)
    importRequested = Signal()
    filesDropped = Signal(object)
    deleteRequested = Signal(str)
    consentEditRequested = Signal(str)
    currentRecordingChanged = Signal(object)

    def __init__(
        self, parent: QWidget | None = None, today: Callable[[], dt.date] = dt.date.today
    ) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setAccessibleName(self.tr("Bibliotheek met opnames"))

        self._model = RecordingTableModel(self, today)
        self._proxy = RecordingFilterModel(self)
        self._proxy.setSourceModel(self._model)

        toolbar = self._build_toolbar()
        self._build_table()
        list_page = self._build_list_page(toolbar)
        self._build_empty_state()
        self._stack = QStackedWidget()
        self._stack.addWidget(self.empty_frame)
        self._stack.addWidget(list_page)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self._stack)

        self.setTabOrder(self.search_edit, self.import_button)
        self.setTabOrder(self.import_button, self.table)
        self._update_state()

    def _build_toolbar(self) -> QHBoxLayout:
        """Search, the count and the import button above the list."""
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Zoek in titels…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName(self.tr("Zoek in titels"))
        self.search_edit.setAccessibleDescription(
            self.tr("Toont alleen opnames waarvan de titel alle getypte woorden bevat.")
        )
        self.search_edit.setMaximumWidth(420)
        self.search_edit.textChanged.connect(self._on_search_changed)

        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("Aantal opnames"))
        self.count_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

        self.import_button = QPushButton(self.tr("Opname importeren…"))
        self.import_button.setAccessibleName(self.tr("Opname importeren"))
        self.import_button.setToolTip(
            self.tr("Een video- of geluidsopname versleuteld in de kluis zetten")
        )
        self.import_button.clicked.connect(self.importRequested)

        toolbar = QHBoxLayout()
        toolbar.setContentsMargins(0, 0, 0, 0)
        toolbar.setSpacing(12)
        toolbar.addWidget(self.search_edit, 1)
        toolbar.addWidget(self.count_label)
        toolbar.addStretch(1)
        toolbar.addWidget(self.import_button)
        return toolbar

    def _build_table(self) -> None:
        self.table = _RecordingTable()
        self.table.setModel(self._proxy)
        self.table.setAccessibleName(self.tr("Opnames"))
        self.table.setAccessibleDescription(
            self.tr(
                "Enter opent de opname, Delete vraagt om te verwijderen, "
                "de menutoets toont meer mogelijkheden."
            )
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(True)
        self.table.setIconSize(THUMBNAIL_SIZE)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.setAcceptDrops(False)
        self.table.viewport().setAcceptDrops(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(THUMBNAIL_SIZE.height() + 14)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # headings wrap (rather than being cut short) when large text makes them too wide
        header.setTextElideMode(Qt.TextElideMode.ElideNone)
        header.setSectionResizeMode(RecordingTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        self._base_widths = {
            RecordingTableModel.DATE: 120,
            RecordingTableModel.DURATION: 80,
            RecordingTableModel.KIND: 110,
            RecordingTableModel.CONSENT: 260,
            RecordingTableModel.KEEP_UNTIL: 160,
        }
        for column, width in self._base_widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.table.sortByColumn(RecordingTableModel.DATE, Qt.SortOrder.DescendingOrder)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.table.keyActivated.connect(self._open_current)
        self.table.deletePressed.connect(self._delete_current)
        self.table.customContextMenuRequested.connect(self._show_context_menu)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)

    def _build_list_page(self, toolbar: QHBoxLayout) -> QWidget:
        self.no_match_label = QLabel()
        self.no_match_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_match_label.setWordWrap(True)
        self.no_match_label.setAccessibleName(self.tr("Geen zoekresultaten"))
        self.no_match_label.hide()

        list_page = QWidget()
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.setSpacing(8)
        list_layout.addLayout(toolbar)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(self.no_match_label)
        return list_page

    def _build_empty_state(self) -> None:
        """No recordings yet: a friendly invitation to import (or drop) the first one."""
        self.empty_frame = QFrame()
        self.empty_frame.setObjectName("libraryEmptyState")
        self.empty_frame.setFrameShape(QFrame.Shape.NoFrame)
        self.empty_frame.setStyleSheet(
            'QFrame#libraryEmptyState[dropActive="true"] {'
            " border: 2px dashed palette(highlight); border-radius: 12px; }"
        )
        self.empty_frame.setProperty("dropActive", False)
        empty_icon = QLabel()
        empty_icon.setPixmap(placeholder_pixmap(True, QSize(128, 72)))
        empty_icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty_icon.setAccessibleName(self.tr("Afbeelding van een video"))
        self.empty_label = QLabel(
            self.tr("Nog geen opnames. Importeer een opname of sleep een bestand hierheen.")
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty_font = self.empty_label.font()
        empty_font.setPointSizeF(empty_font.pointSizeF() * 1.25)
        self.empty_label.setFont(empty_font)
        self.empty_label.setAccessibleName(self.empty_label.text())
        self.empty_hint = QLabel(
            self.tr(
                "De opname wordt versleuteld in de kluis op deze laptop bewaard; "
                "er gaat niets naar internet."
            )
        )
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty_import_button = QPushButton(self.tr("Opname importeren…"))
        self.empty_import_button.setAccessibleName(self.tr("Opname importeren"))
        self.empty_import_button.setDefault(True)
        button_font = self.empty_import_button.font()
        button_font.setPointSizeF(button_font.pointSizeF() * 1.2)
        button_font.setBold(True)
        self.empty_import_button.setFont(button_font)
        self.empty_import_button.setMinimumSize(260, 48)
        self.empty_import_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.empty_import_button.clicked.connect(self.importRequested)
        self._lay_out_empty_state(empty_icon)

    def _lay_out_empty_state(self, empty_icon: QLabel) -> None:
        empty_column = QVBoxLayout()
        empty_column.setSpacing(16)
        empty_column.addStretch(1)
        empty_column.addWidget(empty_icon)
        empty_column.addWidget(self.empty_label)
        empty_column.addWidget(self.empty_import_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_column.addWidget(self.empty_hint)
        empty_column.addStretch(2)
        empty_outer = QHBoxLayout(self.empty_frame)
        empty_outer.setContentsMargins(24, 24, 24, 24)
        empty_outer.addStretch(1)
        inner = QWidget()
        inner.setLayout(empty_column)
        inner.setMaximumWidth(680)
        inner.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        empty_outer.addWidget(inner, 3)
        empty_outer.addStretch(1)

    # -- public API ---------------------------------------------------------------------------
    def set_recordings(
        self, recordings: Sequence[Recording], thumbnails: Mapping[str, bytes]
    ) -> None:
        """Show ``recordings``; ``thumbnails`` maps recording ids to JPEG bytes (may be missing).

        The selection is kept when the selected recording is still there.
        """
        previous = self.selected_id()
        self._model.set_recordings(recordings, thumbnails)
        self._fit_to_text(grow_only=True)
        self._update_state()
        if previous is not None and not self.select(previous):
            self.currentRecordingChanged.emit(None)

    def clear(self) -> None:
        """Forget every recording, picture and search text (used when the vault locks)."""
        had_selection = self.selected_id() is not None
        self._model.clear()
        self.search_edit.clear()
        self._update_state()
        if had_selection:
            self.currentRecordingChanged.emit(None)

    def selected_id(self) -> str | None:
        """The id of the selected recording, if any."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        value = rows[0].data(ID_ROLE)
        return str(value) if value is not None else None

    def select(self, recording_id: str) -> bool:
        """Select (and scroll to) the row of ``recording_id``; False when it is not shown."""
        source_row = self._model.row_of(recording_id)
        if source_row is None:
            return False
        index = self._proxy.mapFromSource(self._model.index(source_row, 0))
        if not index.isValid():
            return False
        self.table.setCurrentIndex(index)
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def text_of(self, recording_id: str, column: int) -> str | None:
        """What the list shows for ``recording_id`` in ``column`` (None when not listed)."""
        row = self._model.row_of(recording_id)
        if row is None:
            return None
        value = self._model.index(row, column).data()
        return str(value) if value is not None else None

    def recording_count(self) -> int:
        """How many recordings the view holds (before filtering)."""
        return self._model.rowCount()

    def visible_count(self) -> int:
        """How many rows are shown after filtering."""
        return self._proxy.rowCount()

    def visible_ids(self) -> list[str]:
        """The ids of the shown rows, in display order."""
        return [
            str(self._proxy.index(row, 0).data(ID_ROLE)) for row in range(self._proxy.rowCount())
        ]

    def context_menu(self, recording_id: str) -> QMenu:
        """The menu for one recording: Openen, Toestemming wijzigen…, Verwijderen…."""
        menu = QMenu(self)
        menu.setAccessibleName(self.tr("Mogelijkheden voor deze opname"))
        open_action = QAction(self.tr("Openen"), menu)
        open_action.triggered.connect(lambda: self.openRequested.emit(recording_id))
        consent_action = QAction(self.tr("Toestemming wijzigen…"), menu)
        consent_action.triggered.connect(lambda: self.consentEditRequested.emit(recording_id))
        delete_action = QAction(self.tr("Verwijderen…"), menu)
        delete_action.triggered.connect(lambda: self.deleteRequested.emit(recording_id))
        style = self.style()
        delete_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_TrashIcon))
        menu.addAction(open_action)
        menu.addAction(consent_action)
        menu.addSeparator()
        menu.addAction(delete_action)
        menu.setDefaultAction(open_action)
        return menu

    # -- drag and drop ------------------------------------------------------------------------
    @staticmethod
    def _local_files(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[Path]:
        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._local_files(event):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            self._set_drop_active(True)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._local_files(event):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._set_drop_active(False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_drop_active(False)
        paths = self._local_files(event)
        if not paths:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.filesDropped.emit(paths)

    def _set_drop_active(self, active: bool) -> None:
        self.empty_frame.setProperty("dropActive", active)
        self.empty_frame.style().unpolish(self.empty_frame)
        self.empty_frame.style().polish(self.empty_frame)

    # -- internals ----------------------------------------------------------------------------
    def _update_state(self) -> None:
        total = self._model.rowCount()
        shown = self._proxy.rowCount()
        self._stack.setCurrentIndex(1 if total else 0)
        if total == shown:
            self.count_label.setText(
                self.tr("1 opname") if total == 1 else self.tr("{n} opnames").format(n=total)
            )
        else:
            self.count_label.setText(
                self.tr("{shown} van {total} opnames").format(shown=shown, total=total)
            )
        searching = bool(self.search_edit.text().strip())
        no_match = total > 0 and shown == 0 and searching
        if no_match:
            self.no_match_label.setText(
                self.tr("Geen opname gevonden met “{text}” in de titel.").format(
                    text=self.search_edit.text().strip()
                )
            )
        self.no_match_label.setVisible(no_match)

    def _on_search_changed(self, text: str) -> None:
        self._proxy.set_search_text(text)
        self._update_state()

    def _id_at(self, index: QModelIndex) -> str | None:
        if not index.isValid():
            return None
        value = index.siblingAtColumn(0).data(ID_ROLE)
        return str(value) if value is not None else None

    def _on_double_clicked(self, index: QModelIndex) -> None:
        recording_id = self._id_at(index)
        if recording_id is not None:
            self.openRequested.emit(recording_id)

    def _open_current(self) -> None:
        recording_id = self._id_at(self.table.currentIndex())
        if recording_id is not None:
            self.openRequested.emit(recording_id)

    def _delete_current(self) -> None:
        recording_id = self._id_at(self.table.currentIndex())
        if recording_id is not None:
            self.deleteRequested.emit(recording_id)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.currentRecordingChanged.emit(self._id_at(current))

    def _show_context_menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if not index.isValid():
            index = self.table.currentIndex()
        recording_id = self._id_at(index)
        if recording_id is None:
            return
        self.table.setCurrentIndex(index)
        menu = self.context_menu(recording_id)
        try:
            menu.exec(self.table.viewport().mapToGlobal(position))
        finally:
            menu.deleteLater()

    def sizeHint(self) -> QSize:
        return QSize(1000, 600)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "table"):  # text size
            self._fit_to_text(grow_only=False)

    def _fit_to_text(self, *, grow_only: bool) -> None:
        """Rows high enough for two lines and columns wide enough for the lines of their text
        at this text size (the long consent list wraps instead), so that e.g. "verlopen" under
        a date is never cut off at large text. Headings get their full width while the titles
        keep room; a heading that still does not fit wraps onto a second line."""
        metrics = self.table.fontMetrics()
        rows = max(THUMBNAIL_SIZE.height() + 14, metrics.lineSpacing() * 2 + 14)
        self.table.verticalHeader().setDefaultSectionSize(rows)
        header = self.table.horizontalHeader()
        widths: dict[int, int] = {}
        for column, base in self._base_widths.items():
            needed = self.table.sizeHintForColumn(column)
            if column == RecordingTableModel.CONSENT:
                needed = min(needed, metrics.averageCharWidth() * 26)
            elif column == RecordingTableModel.KEEP_UNTIL:  # room for the warnings, in bold
                bold = QFont(self.table.font())
                bold.setBold(True)
                words = self._model.state_words()
                wide = max(QFontMetrics(bold).horizontalAdvance(word) for word in words)
                needed = max(needed, wide + 16)
            widths[column] = max(base, needed)
        title_room = THUMBNAIL_SIZE.width() + metrics.averageCharWidth() * 22
        spare = self.table.viewport().width() - title_room - sum(widths.values())
        for column, width in widths.items():
            grow = min(max(0, spare), max(0, header.sectionSizeHint(column) - width))
            widths[column], spare = width + grow, spare - grow
        for column, width in widths.items():
            if not grow_only or header.sectionSize(column) < width:
                header.resizeSection(column, width)
        squeezed = any(header.sectionSizeHint(c) > header.sectionSize(c) for c in widths)
        header.setMinimumHeight(metrics.lineSpacing() * 2 + 8 if squeezed else 0)


__all__ = [
    "ID_ROLE",
    "SORT_ROLE",
    "STATE_ROLE",
    "THUMBNAIL_SIZE",
    "LibraryView",
    "RecordingFilterModel",
    "RecordingTableModel",
    "placeholder_pixmap",
    "thumbnail_pixmap",
]
