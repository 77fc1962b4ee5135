"""The library: every recording in the vault, with its consent and how long it may be kept.

``LibraryView`` shows a sortable, filterable table (thumbnail, title, date of the conversation,
duration, video or audio, consent scopes, keep-until date) or, when the vault holds nothing yet,
a friendly empty state with a big import button. Files dropped anywhere on it are offered for
import. It only shows what it is given: the main window feeds it recordings and thumbnails and
listens to its signals.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QPoint, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPalette,
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
    QStyleFactory,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vknz_desktop.domain.models import Recording
from vknz_desktop.ui.library.library_parts import ReminderBar, SortArrowStyle, TitleDelegate
from vknz_desktop.ui.library.recording_model import (
    ID_ROLE,
    NOTE_ROLE,
    SORT_ROLE,
    STATE_ROLE,
    THUMBNAIL_SIZE,
    RecordingFilterModel,
    RecordingTableModel,
    RowFacts,
    placeholder_pixmap,
    thumbnail_pixmap,
)


class _RecordingTable(QTableView):
    """The table, with Enter, Delete and the context-menu key handled by the library; the
    keyboard always lands on a row (the first when none was chosen), and the table's frame
    shows in the highlight colour while it has the keyboard."""

    keyActivated = Signal()
    deletePressed = Signal()
    focusChanged = Signal(bool)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        model = self.model()
        if model is not None and model.rowCount() > 0 and not self.selectionModel().hasSelection():
            current = self.currentIndex()
            row = current.row() if current.isValid() else 0
            self.setCurrentIndex(model.index(row, 0))
            self.selectRow(row)
        self.focusChanged.emit(True)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focusChanged.emit(False)

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
    ``consentEditRequested(str)``, ``notesRequested(str)`` (the notes of a recording whose
    media is gone, or of the recording a fragment was cut from), ``reminderDismissed(str)``
    and ``currentRecordingChanged(str | None)``.
    """

    openRequested = Signal(str)
    importRequested = Signal()
    filesDropped = Signal(object)
    deleteRequested = Signal(str)
    consentEditRequested = Signal(str)
    notesRequested = Signal(str)
    reminderDismissed = Signal(str)
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
        self.table.setItemDelegateForColumn(RecordingTableModel.TITLE, TitleDelegate(self.table))
        self.table.focusChanged.connect(self._show_table_focus)
        header = self.table.horizontalHeader()
        arrow_style = SortArrowStyle(QStyleFactory.create(self.style().name()))
        arrow_style.setParent(header)
        header.setStyle(arrow_style)
        header.setHighlightSections(False)
        # Column widths from the rows in view and up to 40 more, not all of them: at a year
        # of recordings measuring every row made the first paint several times slower.
        header.setResizeContentsPrecision(40)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # headings wrap (rather than being cut short) when large text makes them too wide
        header.setTextElideMode(Qt.TextElideMode.ElideNone)
        header.setSectionResizeMode(RecordingTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        self._base_widths = {
            RecordingTableModel.DATE: 120,
            RecordingTableModel.DURATION: 80,
            RecordingTableModel.KIND: 110,
            RecordingTableModel.FRAGMENTS: 60,
            RecordingTableModel.OBSERVATIONS: 60,
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

        self.reminder_bar = ReminderBar()
        self.reminder_bar.dismissed.connect(self.reminderDismissed)
        # The table's frame: the highlight colour while the table has the keyboard.
        self.table_frame = QFrame()
        self.table_frame.setObjectName("libraryTableFrame")
        self.table_frame.setStyleSheet(
            "QFrame#libraryTableFrame { border: 2px solid transparent; border-radius: 3px; }"
            'QFrame#libraryTableFrame[keyboard="true"] { border-color: palette(highlight); }'
        )
        self.table_frame.setProperty("keyboard", False)
        frame_layout = QVBoxLayout(self.table_frame)
        frame_layout.setContentsMargins(0, 0, 0, 0)
        frame_layout.addWidget(self.table)
        self.table.setFrameShape(QFrame.Shape.NoFrame)

        list_page = QWidget()
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.setSpacing(8)
        list_layout.addLayout(toolbar)
        list_layout.addWidget(self.reminder_bar)
        list_layout.addWidget(self.table_frame, 1)
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
        self,
        recordings: Sequence[Recording],
        thumbnails: Mapping[str, bytes],
        facts: Mapping[str, RowFacts] | None = None,
    ) -> None:
        """Show ``recordings``; ``thumbnails`` maps recording ids to JPEG bytes (may be missing),
        ``facts`` to counts, reminders and origins.

        The selection is kept when the selected recording is still there.
        """
        previous = self.selected_id()
        self._model.set_recordings(recordings, thumbnails, facts)
        self._fit_to_text(grow_only=True)
        self._update_state()
        if previous is not None and not self.select(previous):
            self.currentRecordingChanged.emit(None)
        self._show_reminder(self.selected_id())

    def facts_of(self, recording_id: str) -> RowFacts:
        """Counts, reminder and origin shown for a recording."""
        return self._model.facts_of(recording_id)

    def clear(self) -> None:
        """Forget every recording, picture and search text (used when the vault locks)."""
        had_selection = self.selected_id() is not None
        self._model.clear()
        self.reminder_bar.show_for(None, None)
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
        """The menu for one recording: Openen (or Aantekeningen lezen… when its media is gone),
        Aantekeningen van de oorspronkelijke opname… (a fragment), Toestemming wijzigen…,
        the reminder's Gedaan, Verwijderen…."""
        menu = QMenu(self)
        menu.setAccessibleName(self.tr("Mogelijkheden voor deze opname"))
        row = self._model.row_of(recording_id)
        recording = self._model.recording_at(row) if row is not None else None
        facts = self._model.facts_of(recording_id)
        if recording is not None and not recording.media_available:
            open_action = QAction(self.tr("Aantekeningen lezen…"), menu)
            open_action.triggered.connect(lambda: self.notesRequested.emit(recording_id))
        else:
            open_action = QAction(self.tr("Openen"), menu)
            open_action.triggered.connect(lambda: self.openRequested.emit(recording_id))
        extra: list[QAction] = []
        if facts.original_id is not None:
            original = facts.original_id
            notes = QAction(self.tr("Aantekeningen van de oorspronkelijke opname…"), menu)
            notes.triggered.connect(lambda: self.notesRequested.emit(original))
            extra.append(notes)
        if facts.reminder is not None:
            done = QAction(self.tr("Herinnering afvinken: ook elders verwijderd"), menu)
            done.triggered.connect(lambda: self.reminderDismissed.emit(recording_id))
            extra.append(done)
        consent_action = QAction(self.tr("Toestemming wijzigen…"), menu)
        consent_action.triggered.connect(lambda: self.consentEditRequested.emit(recording_id))
        delete_action = QAction(self.tr("Verwijderen…"), menu)
        delete_action.triggered.connect(lambda: self.deleteRequested.emit(recording_id))
        style = self.style()
        delete_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_TrashIcon))
        menu.addAction(open_action)
        for action in extra:
            menu.addAction(action)
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
        # The shell's "show the library" gives the page the keyboard: the list, or the import
        # button when there is nothing yet (Ctrl+B, then Enter opens the chosen recording).
        self.setFocusProxy(self.table if total else self.empty_import_button)
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
        recording_id = self._id_at(current)
        self._show_reminder(recording_id)
        self.currentRecordingChanged.emit(recording_id)

    def _show_reminder(self, recording_id: str | None) -> None:
        reminder = self._model.facts_of(recording_id).reminder if recording_id else None
        self.reminder_bar.show_for(recording_id, reminder)

    def _show_table_focus(self, focused: bool) -> None:
        self.table_frame.setProperty("keyboard", focused)
        self.table_frame.style().unpolish(self.table_frame)
        self.table_frame.style().polish(self.table_frame)

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
        grown = sum(max(header.sectionSize(c), w) for c, w in widths.items())
        squeezed_title = grown > self.table.viewport().width() - title_room
        if squeezed_title:  # e.g. the text grew before the font change reached this page
            grow_only = False
        if spare < 0:  # large text: the consent list wraps onto more lines, the title keeps room
            consent = RecordingTableModel.CONSENT
            narrowest = metrics.averageCharWidth() * 14
            give = min(-spare, max(0, widths[consent] - narrowest))
            widths[consent] -= give
            spare += give
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
    "NOTE_ROLE",
    "SORT_ROLE",
    "STATE_ROLE",
    "THUMBNAIL_SIZE",
    "LibraryView",
    "RecordingFilterModel",
    "RecordingTableModel",
    "RowFacts",
    "SortArrowStyle",
    "placeholder_pixmap",
    "thumbnail_pixmap",
]
