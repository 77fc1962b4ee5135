"""The leerdoelen page: goals listed by status; the chosen goal's details, evidence (plays the
linked moment) and dates. Every change is stored at once and can be undone (Ctrl+Z)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vknz_desktop.domain.goals import (
    GOAL_STATUS_LABELS,
    GOAL_STATUS_ORDER,
    Evidence,
    GoalStatus,
    LearningGoal,
)
from vknz_desktop.domain.profiles import Profile
from vknz_desktop.services.goals import GoalService
from vknz_desktop.ui.common import messages
from vknz_desktop.ui.common.formatting import format_duration, format_number
from vknz_desktop.ui.features.learning.text_limit import LONG_TEXT_LIMIT, cap_text
from vknz_desktop.ui.widgets.page_header import heading_label
from vknz_desktop.ui.workspace.kijkwijzer_panel import colour_icon
from vknz_desktop.ui.workspace.observation_list import FREE_COLOUR

__all__ = ["AddGoal", "ChangeGoal", "DeleteGoal", "EvidenceRow", "GoalsView"]

_GOAL_ROLE = Qt.ItemDataRole.UserRole
_EVIDENCE_ROLE = Qt.ItemDataRole.UserRole + 1
_MERGE_ID = 4711
_MERGE_SECONDS = 3.0


@dataclass(frozen=True)
class EvidenceRow:
    """How one piece of evidence is shown: its text, recording and moment."""

    evidence: Evidence
    text: str
    recording_title: str
    recording_id: str | None
    time_ms: int | None
    playable: bool
    theme_id: str | None = None
    profile_id: str | None = None

    def label(self, *, with_title: bool = True) -> str:
        """'3:12 · Oefengesprek inkomen — Ik onderbreek de klant…'."""
        if self.recording_id is None:
            return QCoreApplication.translate("EvidenceRow", "(bestaat niet meer)")
        if self.evidence.kind.value == "clip":
            kind = QCoreApplication.translate("EvidenceRow", "Fragment")
        else:
            kind = QCoreApplication.translate("EvidenceRow", "Waarneming")
        when = format_duration(self.time_ms or 0)
        text = self.text or kind
        if not with_title:
            return f"{when} · {text}"
        title = self.recording_title or QCoreApplication.translate(
            "EvidenceRow", "(opname verwijderd)"
        )
        return f"{when} · {title} — {text}"


EvidenceLookup = Callable[[Evidence], EvidenceRow]


def tree_items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    """The top-level items of a tree."""
    items = (tree.topLevelItem(i) for i in range(tree.topLevelItemCount()))
    return [item for item in items if item is not None]


def child_items(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    """The children of a tree item."""
    children = (item.child(i) for i in range(item.childCount()))
    return [child for child in children if child is not None]


# -- undo commands ---------------------------------------------------------------------------
class ChangeGoal(QUndoCommand):
    """A goal changed from ``before`` to ``after`` (``after`` already stored).

    Consecutive typing in one field of one goal merges into one step.
    """

    def __init__(
        self,
        view: GoalsView,
        before: LearningGoal,
        after: LearningGoal,
        text: str,
        field: str | None = None,
    ) -> None:
        super().__init__(text)
        self._view, self.before, self.after, self.field = view, before, after, field
        self._first = True
        self._at = dt.datetime.now()

    def id(self) -> int:
        return _MERGE_ID if self.field else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, ChangeGoal) or other.field != self.field:
            return False
        if other.after.id != self.after.id:
            return False
        if (other._at - self._at).total_seconds() > _MERGE_SECONDS:
            return False
        self.after, self._at = other.after, other._at
        return True

    def redo(self) -> None:
        if self._first:
            self._first = False
            self._view.show_changed(self.after, keep_editor=True)
            return
        self._view.restore(self.after)

    def undo(self) -> None:
        self._view.restore(self.before)


class AddGoal(QUndoCommand):
    """A goal that was just created (already stored)."""

    def __init__(self, view: GoalsView, goal: LearningGoal, text: str) -> None:
        super().__init__(text)
        self._view, self._goal = view, goal
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            self._view.reload(self._goal.id)
            return
        self._view.restore(self._goal)

    def undo(self) -> None:
        self._view.remove(self._goal.id)


class DeleteGoal(QUndoCommand):
    """Remove a goal; undo puts it back exactly as it was, evidence included."""

    def __init__(self, view: GoalsView, goal: LearningGoal, text: str) -> None:
        super().__init__(text)
        self._view, self._goal = view, goal

    def redo(self) -> None:
        self._view.remove(self._goal.id)

    def undo(self) -> None:
        self._view.restore(self._goal)


# -- widgets ---------------------------------------------------------------------------------
class _UndoPassThrough(QObject):
    """Lets Ctrl+Z / Ctrl+Shift+Z reach the window's undo actions instead of the text field's
    own undo, so there is one undo history for the page."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        undo_or_redo = isinstance(event, QKeyEvent) and (
            event.matches(QKeySequence.StandardKey.Undo)
            or event.matches(QKeySequence.StandardKey.Redo)
        )
        if event.type() == QEvent.Type.ShortcutOverride and undo_or_redo:
            event.ignore()
            return True
        return False


class _Tree(QTreeWidget):
    deletePressed = Signal()
    enterPressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete:
            self.deletePressed.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
            self.enterPressed.emit()
            return
        super().keyPressEvent(event)


class _EvidenceList(QListWidget):
    deletePressed = Signal()
    enterPressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.deletePressed.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enterPressed.emit()
            return
        super().keyPressEvent(event)


class GoalsView(QWidget):
    """List by status + details of the chosen goal."""

    playRequested = Signal(str, int)  # recording id, moment
    summaryRequested = Signal()
    backRequested = Signal()

    def __init__(self, profiles: Sequence[Profile], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Leerdoelen"))
        self._profiles = list(profiles)
        self._service: GoalService | None = None
        self._lookup: EvidenceLookup | None = None
        self._goals: dict[str, LearningGoal] = {}
        self._current: LearningGoal | None = None
        self._loading = False
        self.undo_stack = QUndoStack(self)
        self._undo_filter = _UndoPassThrough(self)

        header = self._build_header()
        self._build_tree()
        self._build_details()
        form = self._build_form()
        self._build_layout(header, form)
        self._connect()
        self._show(None)

    def _build_header(self) -> QHBoxLayout:
        title = heading_label(self.tr("Leerdoelen"), self, 1.5)
        subtitle = QLabel(
            self.tr(
                "Wat wil ik leren, waarom, en wat probeer ik de volgende keer? "
                "Om te leren, niet om te beoordelen."
            ),
            self,
        )
        subtitle.setWordWrap(True)
        subtitle.setStyleSheet("color: palette(mid);")
        self.new_button = QPushButton(self.tr("&Nieuw leerdoel"), self)
        self.new_button.setAccessibleName(self.tr("Nieuw leerdoel"))
        self.summary_button = QPushButton(self.tr("Leer&samenvatting maken…"), self)
        self.summary_button.setAccessibleName(self.tr("Leersamenvatting maken"))
        self.back_button = QPushButton(self.tr("Naar de &bibliotheek"), self)
        self.back_button.setAccessibleName(self.tr("Naar de bibliotheek"))
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(title)
        titles.addWidget(subtitle)
        header.addLayout(titles, 1)
        header.addWidget(self.new_button)
        header.addWidget(self.summary_button)
        header.addWidget(self.back_button)

        return header

    def _build_tree(self) -> None:
        self.tree = _Tree(self)
        self.tree.setAccessibleName(self.tr("Leerdoelen per status"))
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(12)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.setWordWrap(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.setMinimumWidth(300)

    def _build_details(self) -> None:
        self.empty_label = QLabel(
            self.tr(
                "Nog geen leerdoel gekozen.\n\nMaak een leerdoel met 'Nieuw leerdoel', of kies "
                "in een opname waarnemingen en gebruik Waarnemingen → Leerdoel maken "
                "(Ctrl+Shift+G)."
            ),
            self,
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.goal_edit = QLineEdit(self)
        self.goal_edit.setPlaceholderText(self.tr("Wat wil ik leren? In mijn eigen woorden"))
        self.goal_edit.setAccessibleName(self.tr("Leerdoel"))
        self.goal_edit.setMaxLength(500)
        self.status_box = QComboBox(self)
        self.status_box.setAccessibleName(self.tr("Status"))
        for status in GOAL_STATUS_ORDER:
            self.status_box.addItem(self.tr(GOAL_STATUS_LABELS[status]), status.value)
        self.theme_box = QComboBox(self)
        self.theme_box.setAccessibleName(self.tr("Kijkwijzer-thema"))
        self.theme_box.addItem(self.tr("Geen thema"), None)
        for profile in self._profiles:
            for theme in profile.themes:
                self.theme_box.addItem(
                    colour_icon(theme.colour),
                    f"{theme.title} ({profile.name})",
                    f"{profile.id}/{theme.id}",
                )
        self.review_check = QCheckBox(self.tr("Volgende bespreking op"), self)
        self.review_check.setAccessibleName(self.tr("Volgende bespreking plannen"))
        self.review_date = QDateEdit(self)
        self.review_date.setCalendarPopup(True)
        self.review_date.setDisplayFormat("d MMMM yyyy")
        self.review_date.setAccessibleName(self.tr("Datum van de volgende bespreking"))
        self.why_edit = QPlainTextEdit(self)
        self.why_edit.setPlaceholderText(
            self.tr("Waarom is dit belangrijk voor mij en voor de klant? (richting)")
        )
        self.why_edit.setAccessibleName(self.tr("Waarom dit belangrijk is"))
        self.why_edit.setTabChangesFocus(True)
        self.next_edit = QPlainTextEdit(self)
        self.next_edit.setPlaceholderText(self.tr("Wat probeer ik de volgende keer?"))
        self.next_edit.setAccessibleName(self.tr("Wat ik de volgende keer probeer"))
        self.next_edit.setTabChangesFocus(True)
        for edit in (self.why_edit, self.next_edit):
            cap_text(edit, LONG_TEXT_LIMIT)
            edit.setMinimumHeight(70)
            edit.setMaximumHeight(120)
        self.evidence_list = _EvidenceList(self)
        self.evidence_list.setAccessibleName(self.tr("Bewijs: waarnemingen en fragmenten"))
        self.evidence_list.setWordWrap(False)
        self.evidence_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.evidence_list.setMinimumHeight(120)
        self.play_button = QPushButton(self.tr("&Afspelen"), self)
        self.play_button.setAccessibleName(self.tr("Gekoppeld moment afspelen"))
        self.unlink_button = QPushButton(self.tr("&Loskoppelen"), self)
        self.unlink_button.setAccessibleName(self.tr("Bewijs loskoppelen"))
        self.delete_button = QPushButton(self.tr("Leerdoel &verwijderen"), self)
        self.delete_button.setAccessibleName(self.tr("Leerdoel verwijderen"))
        self.dates_label = QLabel(self)
        self.dates_label.setStyleSheet("color: palette(mid);")

        for widget in (self.goal_edit, self.why_edit, self.next_edit):
            widget.installEventFilter(self._undo_filter)

    def _build_form(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Leerdoel:"), self.goal_edit)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_box)
        status_row.addSpacing(12)
        status_row.addWidget(self.review_check)
        status_row.addWidget(self.review_date)
        status_row.addStretch(1)
        status_label = QLabel(self.tr("S&tatus:"), self)
        status_label.setBuddy(self.status_box)
        form.addRow(status_label, status_row)
        form.addRow(self.tr("T&hema:"), self.theme_box)
        form.addRow(self.tr("&Waarom:"), self.why_edit)
        form.addRow(self.tr("Volgende &keer:"), self.next_edit)
        for label_for in (
            self.goal_edit,
            self.theme_box,
            self.why_edit,
            self.next_edit,
        ):
            label = form.labelForField(label_for)
            if isinstance(label, QLabel):
                label.setBuddy(label_for)
        return form

    def _build_layout(self, header: QHBoxLayout, form: QFormLayout) -> None:
        evidence_title = QLabel(self.tr("<b>Bewijs</b> — momenten die dit laten zien"), self)
        evidence_hint = QLabel(
            self.tr("Dubbelklik of Enter speelt het moment af; Delete koppelt los."), self
        )
        evidence_hint.setStyleSheet("color: palette(mid);")
        evidence_buttons = QHBoxLayout()
        evidence_buttons.addWidget(evidence_hint, 1)
        evidence_buttons.addWidget(self.play_button)
        evidence_buttons.addWidget(self.unlink_button)

        bottom = QHBoxLayout()
        bottom.addWidget(self.dates_label, 1)
        bottom.addWidget(self.delete_button)

        self.detail = QWidget(self)
        detail_layout = QVBoxLayout(self.detail)
        detail_layout.setContentsMargins(12, 4, 12, 8)
        detail_layout.addLayout(form)
        detail_layout.addSpacing(6)
        detail_layout.addWidget(evidence_title)
        detail_layout.addWidget(self.evidence_list, 1)
        detail_layout.addLayout(evidence_buttons)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        detail_layout.addWidget(line)
        detail_layout.addLayout(bottom)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.detail)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.empty_label, 1)
        right_layout.addWidget(scroll, 1)
        self._scroll = scroll

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([440, 900])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addLayout(header)
        layout.addWidget(self.splitter, 1)

    def _connect(self) -> None:
        self.new_button.clicked.connect(self.new_goal)
        self.summary_button.clicked.connect(self.summaryRequested)
        self.back_button.clicked.connect(self.backRequested)
        self.tree.currentItemChanged.connect(self._on_current_item)
        self.tree.deletePressed.connect(self.delete_current)
        self.tree.enterPressed.connect(self.goal_edit.setFocus)
        self.goal_edit.textEdited.connect(lambda text: self._edit("goal", text))
        self.why_edit.textChanged.connect(lambda: self._edit("why", self.why_edit.toPlainText()))
        self.next_edit.textChanged.connect(
            lambda: self._edit("next_time", self.next_edit.toPlainText())
        )
        self.status_box.activated.connect(lambda _index: self._on_status())
        self.theme_box.activated.connect(lambda _index: self._on_theme())
        self.review_check.toggled.connect(lambda _on: self._on_review())
        self.review_date.dateChanged.connect(lambda _date: self._on_review())
        self.evidence_list.itemActivated.connect(lambda _item: self.play_current_evidence())
        self.evidence_list.enterPressed.connect(self.play_current_evidence)
        self.evidence_list.deletePressed.connect(self.unlink_current_evidence)
        self.play_button.clicked.connect(self.play_current_evidence)
        self.unlink_button.clicked.connect(self.unlink_current_evidence)
        self.delete_button.clicked.connect(self.delete_current)
        self.evidence_list.currentRowChanged.connect(lambda _row: self._update_buttons())

    # -- context ------------------------------------------------------------------------------
    def set_context(self, service: GoalService, lookup: EvidenceLookup) -> None:
        """Work on this vault's goals (set at every visit: the vault may have been reopened)."""
        self._service = service
        self._lookup = lookup

    def clear(self) -> None:
        """Forget everything shown (the vault locks)."""
        self._service = None
        self._lookup = None
        self._goals = {}
        self._loading = True
        try:
            self.tree.clear()
            self.evidence_list.clear()
            self._show(None)
        finally:
            self._loading = False

    @property
    def goals(self) -> list[LearningGoal]:
        """The goals shown, oldest first."""
        return sorted(self._goals.values(), key=lambda g: g.created_at)

    def current_goal(self) -> LearningGoal | None:
        """The goal whose details are shown."""
        return self._current

    # -- loading ------------------------------------------------------------------------------
    def reload(self, select_id: str | None = None) -> None:
        """Read the goals again and show them by status (keeps or sets the selection)."""
        if self._service is None:
            return
        keep = select_id or (self._current.id if self._current else None)
        self._goals = {g.id: g for g in self._service.goals()}
        self._fill_tree(keep)

    def _fill_tree(self, select_id: str | None) -> None:
        self._loading = True
        try:
            self.tree.clear()
            chosen: QTreeWidgetItem | None = None
            by_status: dict[GoalStatus, list[LearningGoal]] = {s: [] for s in GOAL_STATUS_ORDER}
            for goal in self.goals:
                by_status[goal.status].append(goal)
            for status in GOAL_STATUS_ORDER:
                goals = by_status[status]
                label = self.tr(GOAL_STATUS_LABELS[status])
                group = QTreeWidgetItem([f"{label} ({format_number(len(goals))})"])
                font = QFont(group.font(0))
                font.setBold(True)
                group.setFont(0, font)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.tree.addTopLevelItem(group)
                for goal in goals:
                    item = QTreeWidgetItem([goal.title or self.tr("(nog zonder omschrijving)")])
                    item.setData(0, _GOAL_ROLE, goal.id)
                    item.setIcon(0, colour_icon(self._theme_colour(goal)))
                    tip = goal.title
                    if goal.review_on:
                        tip += "\n" + self.tr("Volgende bespreking: {0}").format(
                            _long_date(goal.review_on)
                        )
                    item.setToolTip(0, tip)
                    if status is GoalStatus.LOSGELATEN:
                        item.setForeground(0, QBrush(QColor("#7A7F87")))
                    group.addChild(item)
                    if goal.id == select_id:
                        chosen = item
                group.setExpanded(True)
            if chosen is None:
                self._show(None)
            else:
                self.tree.setCurrentItem(chosen)
                self._show(self._goals.get(select_id or ""))
        finally:
            self._loading = False

    def _theme_colour(self, goal: LearningGoal) -> str:
        for profile in self._profiles:
            if profile.id == goal.profile_id and goal.theme_id:
                theme = profile.theme(goal.theme_id)
                if theme:
                    return theme.colour
        return FREE_COLOUR

    def select_goal(self, goal_id: str) -> None:
        """Show one goal's details."""
        for group in tree_items(self.tree):
            for child in child_items(group):
                if child.data(0, _GOAL_ROLE) == goal_id:
                    self.tree.setCurrentItem(child)
                    return

    def _on_current_item(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if self._loading:
            return
        goal_id = current.data(0, _GOAL_ROLE) if current is not None else None
        self._show(self._goals.get(goal_id) if goal_id else None)

    def _show(self, goal: LearningGoal | None, *, keep_editor: bool = False) -> None:
        self._current = goal
        has_goal = goal is not None
        self.empty_label.setVisible(not has_goal)
        self._scroll.setVisible(has_goal)
        if goal is None:
            return
        loading, self._loading = self._loading, True
        try:
            typing = keep_editor and self.goal_edit.hasFocus()
            if not typing and self.goal_edit.text() != goal.goal:
                self.goal_edit.setText(goal.goal)
            for edit, value in ((self.why_edit, goal.why), (self.next_edit, goal.next_time)):
                if edit.toPlainText() != value and not (keep_editor and edit.hasFocus()):
                    edit.setPlainText(value)
            self.status_box.setCurrentIndex(max(0, self.status_box.findData(goal.status.value)))
            key = f"{goal.profile_id}/{goal.theme_id}" if goal.theme_id else None
            index = self.theme_box.findData(key) if key else 0
            if index < 0:
                self.theme_box.addItem(goal.theme_id or "", key)
                index = self.theme_box.count() - 1
            self.theme_box.setCurrentIndex(index)
            self.review_check.setChecked(goal.review_on is not None)
            self.review_date.setEnabled(goal.review_on is not None)
            review = goal.review_on or (dt.date.today() + dt.timedelta(weeks=6))
            self.review_date.setDate(QDate(review.year, review.month, review.day))
            self._fill_evidence(goal)
            self.dates_label.setText(
                self.tr("Aangemaakt {0} · gewijzigd {1}").format(
                    _long_date(goal.created_at.astimezone().date()),
                    _long_date(goal.updated_at.astimezone().date()),
                )
            )
        finally:
            self._loading = loading
        self._update_buttons()

    def _fill_evidence(self, goal: LearningGoal) -> None:
        current = self.evidence_list.currentRow()
        self.evidence_list.clear()
        for evidence in goal.evidence:
            row = self._lookup(evidence) if self._lookup else None
            label = row.label() if row else evidence.key
            item = QListWidgetItem(label)
            item.setData(_EVIDENCE_ROLE, evidence.key)
            item.setToolTip(label)
            colour = FREE_COLOUR
            if row is not None and row.theme_id:
                for profile in self._profiles:
                    if profile.id == (row.profile_id or profile.id):
                        theme = profile.theme(row.theme_id)
                        if theme:
                            colour = theme.colour
                            break
            item.setIcon(colour_icon(colour))
            if row is None or not row.playable:
                item.setForeground(QBrush(QColor("#7A7F87")))
            self.evidence_list.addItem(item)
        if goal.evidence:
            self.evidence_list.setCurrentRow(min(max(current, 0), len(goal.evidence) - 1))

    def _update_buttons(self) -> None:
        has_evidence = self.evidence_list.currentRow() >= 0
        self.play_button.setEnabled(has_evidence)
        self.unlink_button.setEnabled(has_evidence)
        self.delete_button.setEnabled(self._current is not None)

    # -- used by the undo commands ------------------------------------------------------------
    def show_changed(self, goal: LearningGoal, *, keep_editor: bool = False) -> None:
        """A goal was stored: update the list and (if shown) its details."""
        self._goals[goal.id] = goal
        status_moved = self._tree_status(goal.id) != goal.status
        if status_moved:
            self._fill_tree(goal.id)
        else:
            self._update_tree_item(goal)
        if self._current is not None and self._current.id == goal.id:
            self._show(goal, keep_editor=keep_editor)

    def restore(self, goal: LearningGoal) -> None:
        """Store ``goal`` exactly as given (undo/redo) and show it."""
        if self._service is None:
            return
        self._service.restore(goal)
        self._goals[goal.id] = goal
        self._fill_tree(goal.id)

    def remove(self, goal_id: str) -> None:
        """Delete a goal (undo of create, redo of delete)."""
        if self._service is None:
            return
        self._service.delete(goal_id)
        self._goals.pop(goal_id, None)
        self._fill_tree(None)

    def _tree_status(self, goal_id: str) -> GoalStatus | None:
        for group, status in zip(tree_items(self.tree), GOAL_STATUS_ORDER, strict=False):
            if any(child.data(0, _GOAL_ROLE) == goal_id for child in child_items(group)):
                return status
        return None

    def _update_tree_item(self, goal: LearningGoal) -> None:
        for group in tree_items(self.tree):
            for child in child_items(group):
                if child.data(0, _GOAL_ROLE) == goal.id:
                    child.setText(0, goal.title or self.tr("(nog zonder omschrijving)"))
                    child.setToolTip(0, goal.title)
                    child.setIcon(0, colour_icon(self._theme_colour(goal)))
                    return

    # -- editing ------------------------------------------------------------------------------
    def _change(self, text: str, field: str | None = None, **changes: object) -> None:
        goal, service = self._current, self._service
        if goal is None or service is None or self._loading:
            return
        after = service.update(goal, **changes)
        self.undo_stack.push(ChangeGoal(self, goal, after, text, field))

    def _edit(self, field: str, value: str) -> None:
        if self._loading or self._current is None:
            return
        if getattr(self._current, field) == value:
            return
        labels = {
            "goal": self.tr("Leerdoel wijzigen"),
            "why": self.tr("Waarom wijzigen"),
            "next_time": self.tr("Volgende keer wijzigen"),
        }
        self._change(labels[field], field, **{field: value})

    def _on_status(self) -> None:
        value = self.status_box.currentData()
        if self._current is not None and value != self._current.status.value:
            self._change(self.tr("Status wijzigen"), None, status=GoalStatus(value))

    def _on_theme(self) -> None:
        key = self.theme_box.currentData()
        profile_id, _, theme_id = (key or "").partition("/")
        if self._current is None:
            return
        if (self._current.profile_id, self._current.theme_id) == (
            profile_id or None,
            theme_id or None,
        ):
            return
        self._change(
            self.tr("Thema wijzigen"),
            None,
            profile_id=profile_id or None,
            theme_id=theme_id or None,
        )

    def _on_review(self) -> None:
        self.review_date.setEnabled(self.review_check.isChecked())
        if self._loading or self._current is None:
            return
        date = self.review_date.date()
        value = (
            dt.date(date.year(), date.month(), date.day())
            if self.review_check.isChecked()
            else None
        )
        if value != self._current.review_on:
            self._change(self.tr("Bespreekdatum wijzigen"), "review_on", review_on=value)

    def new_goal(self) -> None:
        """A new, empty goal; the cursor goes to its text."""
        if self._service is None:
            return
        goal = self._service.create()
        self.undo_stack.push(AddGoal(self, goal, self.tr("Nieuw leerdoel")))
        self.goal_edit.setFocus()

    def delete_current(self) -> None:
        """Delete the shown goal (undoable)."""
        goal = self._current
        if goal is None or self._service is None:
            return
        self.undo_stack.push(DeleteGoal(self, goal, self.tr("Leerdoel verwijderen")))
        messages.status(self.tr("Leerdoel verwijderd (Ctrl+Z maakt het ongedaan)"))
        self.tree.setFocus()

    def _current_evidence(self) -> Evidence | None:
        item = self.evidence_list.currentItem()
        if item is None or self._current is None:
            return None
        key = item.data(_EVIDENCE_ROLE)
        return next((e for e in self._current.evidence if e.key == key), None)

    def play_current_evidence(self) -> None:
        """Play the chosen moment (opens its recording in the workspace)."""
        evidence = self._current_evidence()
        if evidence is None:
            return
        row = self._lookup(evidence) if self._lookup else None
        if row is None or not row.playable or row.recording_id is None:
            messages.status(self.tr("Dit moment is er niet meer (de opname is weg)."))
            return
        self.playRequested.emit(row.recording_id, row.time_ms or 0)

    def unlink_current_evidence(self) -> None:
        """Remove the chosen evidence from the goal (undoable)."""
        evidence = self._current_evidence()
        goal, service = self._current, self._service
        if evidence is None or goal is None or service is None:
            return
        after = service.unlink(goal, evidence.key)
        self.undo_stack.push(ChangeGoal(self, goal, after, self.tr("Bewijs loskoppelen")))


def _long_date(day: dt.date) -> str:
    from vknz_desktop.domain.summary import MONTH_NAMES

    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"
