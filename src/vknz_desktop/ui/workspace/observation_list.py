"""The list of observations beside the timeline: filter, follow playback, seek, edit, delete.

Editing and deleting are easy to find: the chosen row shows its own buttons, the right mouse
button gives a menu, and F2/Enter and Delete work on the list (the Waarnemingen menu has them
too). A marker made while recording shows as a question to answer ("Wat gebeurde hier?").
"""

from __future__ import annotations

import bisect
import html
from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from vknz_desktop.domain.fragments import SHARING_LABELS
from vknz_desktop.domain.markers import MARKER_PROFILE_ID, is_marker, marker_label
from vknz_desktop.domain.models import Observation, SharingState
from vknz_desktop.domain.profiles import Profile
from vknz_desktop.domain.visibility import is_klant_feedback
from vknz_desktop.ui.common.formatting import format_clip_time
from vknz_desktop.ui.widgets.flow_layout import FlowLayout
from vknz_desktop.ui.workspace.kijkwijzer_panel import colour_icon

_ID_ROLE = Qt.ItemDataRole.UserRole
_SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
AnyIndex = QModelIndex | QPersistentModelIndex
FREE_COLOUR = "#7A7F87"
#: Markers made while recording (raakmomenten), answered or not.
MARKER_COLOUR = "#D98A1C"
#: The theme filter's choice for markers (no theme id looks like this).
MARKERS_FILTER = "__markers__"
#: A tooltip shows at most this many characters of an observation's text.
TOOLTIP_CHARS = 480


def capped_tooltip(parts: Sequence[str], limit: int = TOOLTIP_CHARS) -> str:
    """Rich text (so Qt wraps it) of ``parts``, one paragraph each, cut at ``limit``
    characters in all with "…": a long observation never fills the screen."""
    paragraphs: list[str] = []
    left = limit
    for part in parts:
        if left <= 0:
            break
        text = part if len(part) <= left else part[: max(0, left - 1)].rstrip() + "…"
        left -= len(text)
        paragraphs.append(html.escape(text).replace("\n", "<br>"))
    return "<p>" + "</p><p>".join(paragraphs) + "</p>"


def is_marker_item(observation: Observation) -> bool:
    """A marker made while recording, answered or not (profile ``raakmomenten``)."""
    return observation.profile_id == MARKER_PROFILE_ID


class ObservationTableModel(QAbstractTableModel):
    """Observations of one recording in time order."""

    COLUMNS = ("Tijd", "Waarneming", "Door")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Observation] = []
        self._profile: Profile | None = None
        self._current: str | None = None

    def set_data(self, observations: Sequence[Observation], profile: Profile | None) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self._rows = sorted(observations, key=lambda o: (o.time_ms, o.created_at))
        self._profile = profile
        self.endResetModel()

    def observations(self) -> list[Observation]:
        """All rows in time order."""
        return list(self._rows)

    def observation_at(self, row: int) -> Observation:
        """The observation in ``row``."""
        return self._rows[row]

    def row_of(self, observation_id: str) -> int:
        """Row of an observation, or -1."""
        return next((i for i, o in enumerate(self._rows) if o.id == observation_id), -1)

    def current_for(self, position_ms: int) -> str | None:
        """The observation playback is at: the last one at or before ``position_ms``."""
        times = [o.time_ms for o in self._rows]
        index = bisect.bisect_right(times, position_ms) - 1
        return self._rows[index].id if index >= 0 else None

    def set_current(self, observation_id: str | None) -> None:
        """Highlight the observation playback is at."""
        if observation_id == self._current:
            return
        previous, self._current = self._current, observation_id
        for changed in (previous, observation_id):
            row = self.row_of(changed) if changed else -1
            if row >= 0:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def theme_title(self, observation: Observation) -> str:
        """Title of the observation's theme (or 'Vrij'; a marker's kind, e.g. 'Weerstand')."""
        if is_marker_item(observation):
            return marker_label(observation)
        if self._profile and observation.theme_id:
            theme = self._profile.theme(observation.theme_id)
            if theme:
                return theme.title
        return self.tr("Vrij") if not observation.theme_id else observation.theme_id

    def theme_colour(self, observation: Observation) -> str:
        """Colour of the observation's theme (markers have their own)."""
        if is_marker_item(observation):
            return MARKER_COLOUR
        if self._profile and observation.theme_id:
            theme = self._profile.theme(observation.theme_id)
            if theme:
                return theme.colour
        return FREE_COLOUR

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.COLUMNS[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        obs = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return format_clip_time(obs.time_ms)
            if column == 1:
                if is_marker(obs):
                    return self.tr("{0}: wat gebeurde hier?").format(marker_label(obs))
                answer = f"[{obs.answer}] " if obs.answer and obs.text else ""
                return answer + obs.first_line
            if column == 2:
                who = obs.author_name or obs.author_role.value
                if is_klant_feedback(obs) and obs.sharing_state != SharingState.SHARED:
                    return self.tr("{0} (niet gedeeld)").format(who)
                return who
        if role == Qt.ItemDataRole.ToolTipRole and column == 2 and is_klant_feedback(obs):
            return self.tr("Delen met de klantmanager: {0}").format(
                self.tr(SHARING_LABELS[obs.sharing_state])
            )
        if role == Qt.ItemDataRole.ToolTipRole and column in (0, 1):
            return self._tooltip(obs)
        if role == Qt.ItemDataRole.DecorationRole and column == 1:
            return colour_icon(self.theme_colour(obs))
        if role == Qt.ItemDataRole.FontRole and (obs.id == self._current or is_marker(obs)):
            font = QFont()
            font.setBold(obs.id == self._current)
            font.setItalic(is_marker(obs))  # a question to answer, not a note
            return font
        if role == Qt.ItemDataRole.BackgroundRole and obs.id == self._current:
            colour = QColor(self.theme_colour(obs))
            colour.setAlpha(45)
            return QBrush(colour)
        if role == _ID_ROLE:
            return obs.id
        if role == _SEARCH_ROLE:
            return f"{obs.text}\n{obs.answer}\n{self._question_text(obs)}".lower()
        return None

    def _tooltip(self, obs: Observation) -> str:
        parts = [f"{format_clip_time(obs.time_ms)} · {self.theme_title(obs)}"]
        if is_marker(obs):
            parts.append(self.tr("Wat gebeurde hier? Druk op Enter of F2 om te beantwoorden."))
        question = self._question_text(obs)
        if question:
            parts.append(question)
        if obs.answer:
            parts.append(f"[{obs.answer}]")
        if obs.text:
            parts.append(obs.text)
        return capped_tooltip(parts)

    def _question_text(self, obs: Observation) -> str:
        if self._profile and obs.theme_id and obs.question_id:
            question = self._profile.question(obs.theme_id, obs.question_id)
            if question:
                return question.text
        return ""


class ObservationFilter(QSortFilterProxyModel):
    """Filters by theme, author and text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme_id: str | None = None
        self.author: str | None = None
        self.text = ""

    def set_filters(self, theme_id: str | None, author: str | None, text: str) -> None:
        """Apply new filter values."""
        self.beginFilterChange()
        self.theme_id, self.author, self.text = theme_id, author, text.strip().lower()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, ObservationTableModel)
        obs = model.observation_at(source_row)
        if self.theme_id == MARKERS_FILTER:
            if not is_marker_item(obs):
                return False
        elif self.theme_id is not None and (
            is_marker_item(obs) or (obs.theme_id or "") != self.theme_id
        ):
            return False
        if self.author is not None and (obs.author_name or obs.author_role.value) != self.author:
            return False
        if self.text:
            haystack = str(model.data(model.index(source_row, 0), _SEARCH_ROLE))
            return all(word in haystack for word in self.text.split())
        return True


class _Table(QTableView):
    deletePressed = Signal()
    editPressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.deletePressed.emit()
            return
        if event.key() in (Qt.Key.Key_F2, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.editPressed.emit()
            return
        super().keyPressEvent(event)


class RowActions(QWidget):
    """The chosen row's own buttons, at its right end: edit (or answer) and delete."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("rowActions")
        self.setAutoFillBackground(True)
        self.setBackgroundRole(self.palette().ColorRole.Highlight)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 0, 2, 0)
        layout.setSpacing(2)
        self.edit_button = QToolButton(self)
        self.edit_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.delete_button = QToolButton(self)
        self.delete_button.setText(self.tr("Verwijderen"))
        self.delete_button.setToolTip(self.tr("Deze waarneming verwijderen (Delete)"))
        self.delete_button.setAccessibleName(self.tr("Waarneming verwijderen"))
        for button in (self.edit_button, self.delete_button):
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys work on the list itself
            button.setForegroundRole(self.palette().ColorRole.HighlightedText)
            layout.addWidget(button)
        self.set_marker(False)
        self.hide()

    def set_marker(self, marker: bool) -> None:
        """A marker is answered, an observation is edited."""
        if marker:
            self.edit_button.setText(self.tr("Beantwoorden"))
            self.edit_button.setToolTip(self.tr("Schrijf op wat hier gebeurde (F2 of Enter)"))
            self.edit_button.setAccessibleName(self.tr("Markering beantwoorden"))
        else:
            self.edit_button.setText(self.tr("Bewerken"))
            self.edit_button.setToolTip(self.tr("Deze waarneming bewerken (F2 of Enter)"))
            self.edit_button.setAccessibleName(self.tr("Waarneming bewerken"))


class ObservationList(QWidget):
    """Filter row + table. Emits requests; the workspace performs them (undoably)."""

    seekRequested = Signal(int)
    editRequested = Signal(str)
    deleteRequested = Signal(list)  # ids
    copyRequested = Signal()
    selectionChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Waarnemingen"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # heading and filters wrap onto a next line when the text is large and space runs out
        filters = FlowLayout(spacing=6)
        self.count_label = QLabel(self)
        heading = FlowLayout(spacing=6)
        title = QLabel(self.tr("<b>Waarnemingen</b>"), self)
        title.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        heading.addWidget(title)
        heading.addWidget(self.count_label)
        layout.addLayout(heading)
        self.theme_box = QComboBox(self)
        self.theme_box.setAccessibleName(self.tr("Filter op thema"))
        self.author_box = QComboBox(self)
        self.author_box.setAccessibleName(self.tr("Filter op auteur"))
        self.text_filter = QLineEdit(self)
        self.text_filter.setPlaceholderText(self.tr("Filter op tekst…"))
        self.text_filter.setAccessibleName(self.tr("Filter op tekst"))
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.text_filter.setMinimumWidth(self.text_filter.fontMetrics().averageCharWidth() * 12)
        filters.addWidget(self.text_filter)
        self.filters_button, self._compact = self._filters_button(), False
        filters.addWidget(self.filters_button)
        filters.addWidget(self.theme_box)
        filters.addWidget(self.author_box)
        # as wide as their longest choice, so the chosen filter is always readable
        for box in (self.theme_box, self.author_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            box.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        layout.addLayout(filters)
        self.model = ObservationTableModel(self)
        self.proxy = ObservationFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = _Table(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Lijst met waarnemingen"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        layout.addWidget(self.table, 1)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.row_actions = RowActions(self.table.viewport())
        self.follow = True
        self.theme_box.currentIndexChanged.connect(self._apply_filters)
        self.author_box.currentIndexChanged.connect(self._apply_filters)
        self.filters_button.toggled.connect(self._show_filter_boxes)
        self.text_filter.textChanged.connect(self._apply_filters)
        self.table.doubleClicked.connect(self._on_double_click)
        self.table.deletePressed.connect(self._on_delete)
        self.table.editPressed.connect(self._on_edit)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.table.customContextMenuRequested.connect(self._show_menu)
        self.row_actions.edit_button.clicked.connect(self._on_edit)
        self.row_actions.delete_button.clicked.connect(self._on_delete)
        # the row's buttons follow the chosen row (selection, scrolling, sizes, new rows)
        self._place_later = QTimer(self)
        self._place_later.setSingleShot(True)
        self._place_later.timeout.connect(self._place_row_actions)
        self.table.selectionModel().selectionChanged.connect(self._place_soon)
        self.table.verticalScrollBar().valueChanged.connect(self._place_soon)
        self.proxy.layoutChanged.connect(self._place_soon)
        self.proxy.modelReset.connect(self._place_soon)
        self.proxy.rowsInserted.connect(self._place_soon)
        self.proxy.rowsRemoved.connect(self._place_soon)
        self.table.horizontalHeader().sectionResized.connect(self._place_soon)
        self.table.viewport().installEventFilter(self)
        self._update_count()

    # -- data ---------------------------------------------------------------------------------
    def set_observations(
        self, observations: Sequence[Observation], profile: Profile | None
    ) -> None:
        """Show ``observations`` (keeps filters and the selection where possible)."""
        selected = self.selected_ids()
        self.model.set_data(observations, profile)
        self._fill_filter_boxes(observations, profile)
        self._apply_filters()
        if selected:
            self.select(selected[0], scroll=False)

    def clear(self) -> None:
        """Show nothing (used when the vault locks)."""
        self.model.set_data([], None)
        self.theme_box.clear()
        self.author_box.clear()
        self.text_filter.clear()
        self._update_count()

    def selected_ids(self) -> list[str]:
        """Ids of the selected observations, in time order."""
        rows = sorted(
            {self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows()}
        )
        return [self.model.observation_at(r).id for r in rows]

    def select(self, observation_id: str, *, scroll: bool = True) -> None:
        """Select one observation."""
        row = self.model.row_of(observation_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            # Not selectRow(): that follows the keyboard modifiers held at this moment.
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            selection = self.table.selectionModel()
            selection.setCurrentIndex(index, flags)
            if scroll:
                self.table.scrollTo(index)

    def follow_position(self, position_ms: int) -> None:
        """Highlight (and scroll to) the observation playback is at."""
        current = self.model.current_for(position_ms)
        if current == self.model._current:
            return
        self.model.set_current(current)
        if self.follow and current:
            index = self.proxy.mapFromSource(self.model.index(self.model.row_of(current), 0))
            if index.isValid():
                self.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    # -- internals ----------------------------------------------------------------------------
    def _fill_filter_boxes(
        self, observations: Sequence[Observation], profile: Profile | None
    ) -> None:
        theme = self.theme_box.currentData()
        author = self.author_box.currentData()
        self.theme_box.blockSignals(True)
        self.theme_box.clear()
        self.theme_box.addItem(self.tr("Alle thema's"), None)
        self.theme_box.addItem(self.tr("Vrij (zonder thema)"), "")
        if any(is_marker_item(o) for o in observations):
            self.theme_box.addItem(
                colour_icon(MARKER_COLOUR), self.tr("Markeringen (raakmomenten)"), MARKERS_FILTER
            )
        if profile is not None:
            for t in profile.themes:
                self.theme_box.addItem(colour_icon(t.colour), t.title, t.id)
        self.theme_box.setCurrentIndex(max(0, self.theme_box.findData(theme)))
        self.theme_box.blockSignals(False)
        self.author_box.blockSignals(True)
        self.author_box.clear()
        self.author_box.addItem(self.tr("Iedereen"), None)
        for name in sorted({o.author_name or o.author_role.value for o in observations}):
            self.author_box.addItem(name, name)
        self.author_box.setCurrentIndex(max(0, self.author_box.findData(author)))
        self.author_box.blockSignals(False)

    def _apply_filters(self) -> None:
        self.proxy.set_filters(
            self.theme_box.currentData(), self.author_box.currentData(), self.text_filter.text()
        )
        self._update_count()
        self._show_filter_boxes()

    def _filters_button(self) -> QToolButton:
        """Large text on a small screen: theme and author behind one button (more rows)."""
        button = QToolButton(self)
        button.setText(self.tr("Thema en auteur"))
        button.setToolTip(self.tr("Filter op thema en auteur tonen"))
        button.setCheckable(True)
        button.setArrowType(Qt.ArrowType.RightArrow)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.hide()
        return button

    def set_compact(self, compact: bool) -> None:
        """Large text on a small screen: the theme and author filters fold behind a button
        (shown while one of them filters), so the list keeps more rows."""
        self._compact = compact
        self.filters_button.setVisible(compact)
        self._show_filter_boxes()

    def _show_filter_boxes(self) -> None:
        filtering = self.theme_box.currentIndex() > 0 or self.author_box.currentIndex() > 0
        shown = not self._compact or self.filters_button.isChecked() or filtering
        self.theme_box.setVisible(shown)
        self.author_box.setVisible(shown)
        self.filters_button.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = (
            self.tr("%n waarneming(en)", "", total)
            if shown == total
            else self.tr("{0} van {1}").format(shown, total)
        )
        self.count_label.setText(text)

    def _observation_for(self, proxy_index: QModelIndex) -> Observation:
        return self.model.observation_at(self.proxy.mapToSource(proxy_index).row())

    def _on_double_click(self, index: QModelIndex) -> None:
        self.seekRequested.emit(self._observation_for(index).time_ms)

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.selectionChanged.emit(self._observation_for(current).id)

    def _on_delete(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.deleteRequested.emit(ids)

    # -- the chosen row's buttons and the menu --------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() in (
            QEvent.Type.Resize,
            QEvent.Type.FontChange,
        ):
            self._place_soon()
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange):
            self._place_soon()

    def _place_soon(self, *_args: object) -> None:
        self._place_later.start(0)

    def _place_row_actions(self) -> None:
        """Show the buttons at the right end of the chosen row (one row chosen and visible)."""
        actions = self.row_actions
        rows = self.table.selectionModel().selectedRows()
        if len(rows) != 1:
            actions.hide()
            return
        last = self.proxy.index(rows[0].row(), self.proxy.columnCount() - 1)
        rect = self.table.visualRect(last)
        if not rect.isValid() or not self.table.viewport().rect().intersects(rect):
            actions.hide()
            return
        actions.set_marker(is_marker(self._observation_for(rows[0])))
        # large text in a narrow list: only the edit button, so the row's text stays readable
        # (Delete, the right-click menu and Waarnemingen still delete)
        actions.delete_button.show()
        text_width = self.table.viewport().width() - self.table.columnWidth(0)
        if actions.sizeHint().width() > text_width // 2:
            actions.delete_button.hide()
        hint = actions.sizeHint()
        height = max(rect.height(), 1)
        actions.setGeometry(rect.right() - hint.width() + 1, rect.top(), hint.width(), height)
        actions.show()
        actions.raise_()

    def _show_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if index.isValid() and index.row() not in {
            i.row() for i in self.table.selectionModel().selectedRows()
        }:
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            self.table.selectionModel().setCurrentIndex(index, flags)
        ids = self.selected_ids()
        if not ids:
            return
        menu = self.context_menu(ids)
        menu.exec(self.table.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def context_menu(self, ids: Sequence[str]) -> QMenu:
        """The right mouse button's menu for the chosen observations."""
        menu = QMenu(self)
        first = self.model.observation_at(self.model.row_of(ids[0]))
        go = menu.addAction(self.tr("Naar dit moment"))
        go.triggered.connect(lambda: self.seekRequested.emit(first.time_ms))
        edit = menu.addAction(self.tr("Beantwoorden") if is_marker(first) else self.tr("Bewerken"))
        edit.setShortcut("F2")
        edit.setEnabled(len(ids) == 1)
        edit.triggered.connect(lambda: self.editRequested.emit(first.id))
        copy = menu.addAction(self.tr("Tekst kopiëren"))
        copy.setShortcut("Ctrl+C")
        copy.triggered.connect(self.copyRequested)
        menu.addSeparator()
        delete = menu.addAction(self.tr("Verwijderen"))
        delete.setShortcut("Delete")
        delete.triggered.connect(lambda: self.deleteRequested.emit(list(ids)))
        return menu

    def _on_edit(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.editRequested.emit(ids[0])
