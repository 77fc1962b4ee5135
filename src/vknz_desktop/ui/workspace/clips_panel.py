"""Clips in the workspace: mark in/out (I/O), drag the handles on the timeline, title, note and
theme; a list per recording; play a clip, loop it, step to the next or previous one.

Every change is stored at once and pushed on the workspace's undo stack. Marks that are not yet
a clip show on the timeline as a grey band that grows with the play head.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.fragments import MIN_CLIP_MS, Clip
from vknz_desktop.services.clips import ClipService, clip_at, next_clip, previous_clip
from vknz_desktop.ui.common import messages
from vknz_desktop.ui.common.formatting import format_clip_time
from vknz_desktop.ui.playback.player_controller import PlayerController
from vknz_desktop.ui.widgets.flow_layout import FlowLayout
from vknz_desktop.ui.workspace.clip_commands import AddClip, DeleteClip, EditClip
from vknz_desktop.ui.workspace.kijkwijzer_panel import KijkwijzerPanel, colour_icon
from vknz_desktop.ui.workspace.plain_text import plain_tooltip
from vknz_desktop.ui.workspace.timeline.widget import TimelineClip, TimelineWidget

if TYPE_CHECKING:
    from vknz_desktop.domain.models import Recording

CLIP_COLOUR = "#3D7CC9"
MARK_COLOUR = "#8A9099"
MARK_ID = "__mark__"
_EDIT_DELAY_MS = 600
# Playback that passes a clip's end by less than this stops there; more is a jump away.
_END_WINDOW_MS = 400


_OWN_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _ClipTable(QTableWidget):
    deletePressed = Signal()
    playPressed = Signal()
    renamePressed = Signal()

    def event(self, event: QEvent) -> bool:
        # Delete, Enter and F2 mean this list's fragment here, not the window's action
        # (Delete there deletes the chosen observation).
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and not event.modifiers()
            and (event.key() in _OWN_KEYS or event.key() == Qt.Key.Key_F2)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.deletePressed.emit()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.playPressed.emit()
        elif key == Qt.Key.Key_F2:
            self.renamePressed.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()


class ClipsPanel(QWidget):
    """The clips of the recording in the workspace (list, details and the I/O marks).

    Its dependencies are explicit: the player (position, seeking), the undo stack its edits
    go on, the timeline that shows the clips and the Kijkwijzer panel whose profile gives the
    themes. The clip service comes with each recording (``open_recording``).
    """

    clipsChanged = Signal()
    #: Enter in the title: typing is done (the workspace puts the focus on the picture).
    typingDone = Signal()

    def __init__(
        self,
        controller: PlayerController,
        undo_stack: QUndoStack,
        timeline: TimelineWidget,
        kijkwijzer: KijkwijzerPanel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._undo_stack = undo_stack
        self._timeline = timeline
        self._kijkwijzer = kijkwijzer
        self._service: ClipService | None = None
        self._recording: Recording | None = None
        self._clips: list[Clip] = []
        self._in_mark: int | None = None
        self._out_mark: int | None = None
        self._active: Clip | None = None  # the clip being played (stops or loops at its end)
        self._loading = False
        self._pending: dict[str, tuple[str, object]] = {}  # field -> (clip id, value)
        self.setAccessibleName(self.tr("Fragmenten"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self._build_heading(layout)
        self._build_table(layout)
        self._build_details(layout)
        self._build_buttons(layout)
        self._edit_timer = QTimer(self)
        self._edit_timer.setSingleShot(True)
        self._edit_timer.setInterval(_EDIT_DELAY_MS)
        self._connect()
        self._refresh_view()

    def _build_heading(self, layout: QVBoxLayout) -> None:
        heading = QHBoxLayout()
        title = QLabel(self.tr("<b>Fragmenten</b>"), self)
        heading.addWidget(title)
        heading.addStretch(1)
        self.count_label = QLabel(self)
        heading.addWidget(self.count_label)
        layout.addLayout(heading)
        self.mark_label = QLabel(self)
        self.mark_label.setWordWrap(True)
        self.mark_label.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(self.mark_label)

    def _build_table(self, layout: QVBoxLayout) -> None:
        self.table = _ClipTable(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Begin"), self.tr("Duur"), self.tr("Titel")])
        self.table.setAccessibleName(self.tr("Lijst met fragmenten"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)

    def _build_details(self, layout: QVBoxLayout) -> None:
        self.details = QWidget(self)
        form = QFormLayout(self.details)
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(3)
        self.title_edit = QLineEdit(self.details)
        self.title_edit.setPlaceholderText(self.tr("Waar gaat dit fragment over? (T)"))
        self.title_edit.setToolTip(
            self.tr("Titel van het fragment (T); Enter of Esc: terug naar het beeld")
        )
        self.title_edit.setAccessibleName(self.tr("Titel van het fragment"))
        self.theme_box = QComboBox(self.details)
        self.theme_box.setAccessibleName(self.tr("Thema van het fragment"))
        # as wide as the longest theme, so the chosen one is always readable
        self.theme_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.theme_box.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.note_edit = QPlainTextEdit(self.details)
        self.note_edit.setPlaceholderText(self.tr("Notitie (bijvoorbeeld waarom dit fragment)"))
        self.note_edit.setAccessibleName(self.tr("Notitie bij het fragment"))
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 2 + 12)
        # the theme goes under the title when the text is large and space runs out
        title_row = FlowLayout(spacing=6)
        self.title_edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        title_row.addWidget(self.title_edit)
        title_row.addWidget(self.theme_box)
        form.addRow(self.tr("Titel:"), title_row)
        form.addRow(self.tr("Notitie:"), self.note_edit)
        layout.addWidget(self.details)

    def _build_buttons(self, layout: QVBoxLayout) -> None:
        buttons = FlowLayout(spacing=6)  # wraps when the text is large
        self.play_button = QPushButton(self.tr("Afspelen"), self)
        self.play_button.setAccessibleName(self.tr("Fragment afspelen"))
        self.play_button.setToolTip(self.tr("Speel het gekozen fragment af (P)"))
        self.loop_button = QPushButton(self.tr("Herhalen"), self)
        self.loop_button.setCheckable(True)
        self.loop_button.setAccessibleName(self.tr("Fragment herhalen"))
        self.loop_button.setToolTip(self.tr("Speel het fragment steeds opnieuw af (H)"))
        self.delete_button = QPushButton(self.tr("Verwijderen"), self)
        self.delete_button.setAccessibleName(self.tr("Fragment verwijderen"))
        self.delete_button.setToolTip(self.tr("Verwijder het gekozen fragment (Delete)"))
        for button in (self.play_button, self.loop_button, self.delete_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        self._edit_timer.timeout.connect(self.flush_edits)
        self.table.itemSelectionChanged.connect(self._on_selection)
        self.table.cellDoubleClicked.connect(lambda _row, _col: self.play_selected())
        self.table.deletePressed.connect(self.delete_selected)
        self.table.playPressed.connect(self.play_selected)
        self.table.renamePressed.connect(self._focus_title)
        self.title_edit.textEdited.connect(lambda text: self._queue_edit("title", text.strip()))
        self.title_edit.editingFinished.connect(self.flush_edits)
        self.title_edit.returnPressed.connect(self.typingDone)
        self.note_edit.textChanged.connect(self._on_note_changed)
        self.theme_box.activated.connect(self._on_theme_chosen)
        self.play_button.clicked.connect(self.play_selected)
        self.loop_button.toggled.connect(self._on_loop_toggled)
        self.delete_button.clicked.connect(self.delete_selected)
        self._timeline.clipChanged.connect(self._on_timeline_clip_changed)
        self._controller.positionChanged.connect(self._on_position)
        self._kijkwijzer.profileChosen.connect(lambda _id: self._refresh_view())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the text size setting
            self._fit_text_size()

    def _fit_text_size(self) -> None:
        """Rows and the note field as high as the text needs."""
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.note_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 2 + 12)

    # -- life cycle ---------------------------------------------------------------------------
    @property
    def clips(self) -> list[Clip]:
        """The recording's clips in time order."""
        return list(self._clips)

    @property
    def marks(self) -> tuple[int | None, int | None]:
        """The in and out marks not yet turned into a clip."""
        return self._in_mark, self._out_mark

    @property
    def available(self) -> bool:
        """Whether clips can be made (a recording is open and the vault supports clips)."""
        return self._service is not None and self._recording is not None

    def open_recording(self, recording: Recording, service: ClipService | None) -> None:
        """Show the clips of ``recording`` (hidden when the app has no clip service)."""
        self.close_recording()
        if service is None:
            self.setVisible(False)
            return
        self.setVisible(True)
        self._service = service
        self._recording = recording
        self.reload()

    def close_recording(self) -> None:
        """Store what is being typed and forget the recording (leaving it, or a lock)."""
        self.flush_edits()
        self._service = None
        self._recording = None
        self._clips = []
        self._in_mark = self._out_mark = None
        self._active = None
        self._loading = True
        self.table.setRowCount(0)
        self.title_edit.clear()
        self.note_edit.clear()
        self.theme_box.clear()
        self._loading = False
        with QSignalBlocker(self.loop_button):
            self.loop_button.setChecked(False)
        self._refresh_view()

    def reload(self, select_id: str | None = None) -> None:
        """Read the clips again (after a change or an undo) and show them."""
        if self._service is None or self._recording is None:
            return
        keep = select_id if select_id is not None else self.selected_id()
        self._clips = self._service.for_recording(self._recording.id)
        if self._active is not None:
            self._active = next((c for c in self._clips if c.id == self._active.id), None)
        self._refresh_view()
        if keep is not None:
            self.select(keep)
        self.clipsChanged.emit()

    # -- selection ----------------------------------------------------------------------------
    def selected_id(self) -> str | None:
        """The id of the chosen clip."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def selected_clip(self) -> Clip | None:
        """The chosen clip."""
        clip_id = self.selected_id()
        return next((c for c in self._clips if c.id == clip_id), None)

    def select(self, clip_id: str) -> None:
        """Choose a clip in the list."""
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == clip_id:
                flags = (
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows
                )
                self.table.selectionModel().setCurrentIndex(self.table.model().index(row, 0), flags)
                self.table.scrollToItem(item)
                return

    # -- marking ------------------------------------------------------------------------------
    def mark_in(self) -> None:
        """I: the in point of a new clip at the current moment."""
        if not self.available:
            return
        self._in_mark = self._position()
        self._after_mark()

    def mark_out(self) -> None:
        """O: the out point of a new clip at the current moment."""
        if not self.available:
            return
        self._out_mark = self._position()
        self._after_mark()

    def clear_marks(self) -> None:
        """Forget in/out marks that are not yet a clip."""
        self._in_mark = self._out_mark = None
        self._refresh_view()

    def set_selected_start(self) -> None:
        """Shift+I: the chosen clip starts at the current moment."""
        clip = self.selected_clip()
        if clip is None:
            self._status(self.tr("Kies eerst een fragment in de lijst."))
            return
        self._edit(clip, self.tr("Begin van fragment verplaatsen"), start_ms=self._position())

    def set_selected_end(self) -> None:
        """Shift+O: the chosen clip ends at the current moment."""
        clip = self.selected_clip()
        if clip is None:
            self._status(self.tr("Kies eerst een fragment in de lijst."))
            return
        self._edit(clip, self.tr("Einde van fragment verplaatsen"), end_ms=self._position())

    # -- playing ------------------------------------------------------------------------------
    def play_selected(self) -> None:
        """P: play the chosen clip (or the one at the play head) from its start."""
        clip = self.selected_clip() or clip_at(self._clips, self._position())
        if clip is None:
            clip = next_clip(self._clips, self._position())
        if clip is None:
            self._status(self.tr("Er is nog geen fragment. Markeer er een met I en O."))
            return
        self.play_clip(clip)

    def play_clip(self, clip: Clip) -> None:
        """Play ``clip`` from its start; it stops (or starts again) at its end."""
        self.select(clip.id)
        self._active = clip
        controller = self._controller
        controller.seek(clip.start_ms)
        controller.play()

    def toggle_loop(self) -> None:
        """H: loop the clip being played (or stop looping)."""
        self.loop_button.toggle()

    def next_clip(self) -> None:
        """]: go to the next clip (and keep playing if playback runs)."""
        clip = next_clip(self._clips, self._position())
        if clip is None:
            self._status(self.tr("Dit is het laatste fragment."))
            return
        self._go_to(clip)

    def previous_clip(self) -> None:
        """[: back to the start of this clip, or to the previous one."""
        clip = previous_clip(self._clips, self._position())
        if clip is None:
            if self._clips:
                self._go_to(self._clips[0])
            return
        self._go_to(clip)

    # -- editing ------------------------------------------------------------------------------
    def delete_selected(self) -> None:
        """Delete the chosen clip (undoable)."""
        clip = self.selected_clip()
        if clip is None or self._service is None:
            return
        self.flush_edits()
        if self._active is not None and self._active.id == clip.id:
            self._active = None
        self._undo_stack.push(
            DeleteClip(self._service, clip, self.reload, self.tr("Fragment verwijderen"))
        )
        self._status(self.tr("Fragment verwijderd (Ctrl+Z maakt het ongedaan)"))

    def flush_edits(self) -> None:
        """Store title, note or theme changes that are still waiting (typing pauses)."""
        self._edit_timer.stop()
        pending, self._pending = self._pending, {}
        for field_name, (clip_id, value) in pending.items():
            clip = next((c for c in self._clips if c.id == clip_id), None)
            if clip is None or getattr(clip, field_name) == value:
                continue
            label = {
                "title": self.tr("Titel van fragment wijzigen"),
                "note": self.tr("Notitie bij fragment wijzigen"),
                "theme_id": self.tr("Thema van fragment wijzigen"),
            }[field_name]
            self._edit(clip, label, merge_key=field_name, **{field_name: value})

    # -- internals ----------------------------------------------------------------------------
    def _position(self) -> int:
        return self._controller.position_ms()

    def _duration(self) -> int:
        return self._recording.duration_ms if self._recording is not None else 0

    @staticmethod
    def _status(text: str) -> None:
        messages.status(text)

    def _after_mark(self) -> None:
        start, end = self._in_mark, self._out_mark
        if start is not None and end is not None:
            if abs(end - start) < MIN_CLIP_MS:
                self._status(
                    self.tr("Het fragment is te kort: zet het einde verder dan het begin.")
                )
                self._refresh_view()
                return
            self._create(start, end)
            return
        self._refresh_view()

    def _create(self, start: int, end: int) -> None:
        service, recording = self._service, self._recording
        if service is None or recording is None:
            return
        try:
            clip = service.create(recording.id, start, end, duration_ms=recording.duration_ms)
        except KnownError as error:
            self._status(error.message)
            return
        self._in_mark = self._out_mark = None
        self._undo_stack.push(AddClip(service, clip, self.reload, self.tr("Fragment maken")))
        self._status(
            self.tr("Fragment {0} – {1} gemaakt").format(
                format_clip_time(clip.start_ms), format_clip_time(clip.end_ms)
            )
        )

    def _edit(
        self, clip: Clip, label: str, merge_key: str | None = None, **changes: object
    ) -> None:
        if self._service is None:
            return
        start = int(changes.get("start_ms", clip.start_ms))  # type: ignore[call-overload]
        end = int(changes.get("end_ms", clip.end_ms))  # type: ignore[call-overload]
        if "start_ms" in changes or "end_ms" in changes:
            start = max(0, min(start, self._duration()))
            end = max(0, min(end, self._duration()))
            if end - start < MIN_CLIP_MS:
                self._status(self.tr("Het fragment is te kort: het einde moet na het begin."))
                self._refresh_view()
                return
            changes = {**changes, "start_ms": start, "end_ms": end}
        try:
            after = self._service.update(clip, **changes)
        except (KnownError, ValueError) as error:
            self._status(getattr(error, "message", self.tr("Deze wijziging kan niet.")))
            self._refresh_view()
            return
        self._undo_stack.push(EditClip(self._service, clip, after, self.reload, label, merge_key))

    def _go_to(self, clip: Clip) -> None:
        self.select(clip.id)
        controller = self._controller
        if controller.playing:
            self.play_clip(clip)
        else:
            self._active = None
            controller.seek(clip.start_ms)

    def _focus_title(self) -> None:
        if self.selected_clip() is not None:
            self.title_edit.setFocus()
            self.title_edit.selectAll()

    def edit_title(self) -> None:
        """T: type the title of the chosen fragment (or of the one at the play head); Esc or
        Enter goes back to the picture."""
        if not self.available:
            return
        clip = self.selected_clip() or clip_at(self._clips, self._position())
        if clip is None:
            self._status(
                self.tr("Kies eerst een fragment, of ga naar een fragment op de tijdlijn.")
            )
            return
        self.select(clip.id)
        self._focus_title()

    def _queue_edit(self, field_name: str, value: object) -> None:
        if self._loading:
            return
        clip = self.selected_clip()
        if clip is None:
            return
        if self._pending and next(iter(self._pending.values()))[0] != clip.id:
            self.flush_edits()
        self._pending[field_name] = (clip.id, value)
        self._edit_timer.start()

    def _on_note_changed(self) -> None:
        self._queue_edit("note", self.note_edit.toPlainText())

    def _on_theme_chosen(self, _index: int) -> None:
        self._queue_edit("theme_id", self.theme_box.currentData())
        self.flush_edits()

    def _on_loop_toggled(self, looping: bool) -> None:
        if looping and self._active is None:
            clip = self.selected_clip() or clip_at(self._clips, self._position())
            if clip is not None:
                self._active = clip
        self._status(
            self.tr("Fragment wordt herhaald") if looping else self.tr("Herhalen staat uit")
        )

    def _on_selection(self) -> None:
        if self._loading:
            return
        self.flush_edits()
        self._fill_details()

    def _on_timeline_clip_changed(self, clip_id: str, start: int, end: int) -> None:
        if clip_id == MARK_ID:
            if self._in_mark is not None and self._out_mark is None:
                self._in_mark = start
            elif self._in_mark is None and self._out_mark is not None:
                self._out_mark = end
            self._refresh_view()
            return
        clip = next((c for c in self._clips if c.id == clip_id), None)
        if clip is not None:
            self.select(clip_id)
            self._edit(clip, self.tr("Fragment aanpassen"), start_ms=start, end_ms=end)

    def _on_position(self, position: int) -> None:
        active = self._active
        if active is not None and self._controller.playing:
            if active.end_ms <= position < active.end_ms + _END_WINDOW_MS:
                if self.loop_button.isChecked():
                    self._controller.seek(active.start_ms)
                else:
                    self._controller.pause()
                    self._controller.seek(active.end_ms)
                    self._active = None
            elif position >= active.end_ms + _END_WINDOW_MS or position < active.start_ms - 500:
                self._active = None  # the user jumped away
        if (self._in_mark is None) != (self._out_mark is None):
            self._show_marks_on_timeline()

    def _colour(self, clip: Clip) -> str:
        profile = self._kijkwijzer.profile
        if profile is not None and clip.theme_id:
            theme = profile.theme(clip.theme_id)
            if theme is not None:
                return theme.colour
        return CLIP_COLOUR

    def _timeline_clips(self) -> list[TimelineClip]:
        result = [
            TimelineClip(c.id, c.start_ms, c.end_ms, self._colour(c), c.title or "")
            for c in self._clips
        ]
        mark = self._mark_range()
        if mark is not None:
            result.append(
                TimelineClip(MARK_ID, mark[0], mark[1], MARK_COLOUR, self.tr("Nieuw fragment"))
            )
        return result

    def _mark_range(self) -> tuple[int, int] | None:
        start, end = self._in_mark, self._out_mark
        if start is None and end is None:
            return None
        here = self._position()
        if start is not None and end is None:
            return start, max(start + MIN_CLIP_MS, here)
        assert end is not None
        return min(here, end - MIN_CLIP_MS), end

    def _show_marks_on_timeline(self) -> None:
        self._timeline.set_clips(self._timeline_clips())

    def _refresh_view(self) -> None:
        self._loading = True
        selected = self.selected_id()
        self.table.setRowCount(len(self._clips))
        for row, clip in enumerate(self._clips):
            start = QTableWidgetItem(format_clip_time(clip.start_ms))
            start.setData(Qt.ItemDataRole.UserRole, clip.id)
            start.setIcon(colour_icon(self._colour(clip)))
            length = QTableWidgetItem(format_clip_time(clip.duration_ms))
            length.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            name = QTableWidgetItem(clip.title or self.tr("(zonder titel)"))
            tip = f"{format_clip_time(clip.start_ms)} – {format_clip_time(clip.end_ms)}"
            if clip.note:
                tip += "\n\n" + clip.note
            for item in (start, length, name):
                item.setToolTip(plain_tooltip(tip))
            self.table.setItem(row, 0, start)
            self.table.setItem(row, 1, length)
            self.table.setItem(row, 2, name)
        self._loading = False
        if selected is not None:
            self.select(selected)
        count = len(self._clips)
        self.count_label.setText(self.tr("%n fragment(en)", "", count))
        self.mark_label.setText(self._mark_text())
        self.mark_label.setVisible(self.available)
        self._timeline.set_clips(self._timeline_clips() if self.available else [])
        self._fill_details()

    def _mark_text(self) -> str:
        if self._in_mark is not None:
            return self.tr("Begin gezet op {0}. Druk O bij het einde.").format(
                format_clip_time(self._in_mark)
            )
        if self._out_mark is not None:
            return self.tr("Einde gezet op {0}. Druk I bij het begin.").format(
                format_clip_time(self._out_mark)
            )
        if not self._clips:
            return self.tr("Druk I bij het begin en O bij het einde van een fragment.")
        return self.tr("I: begin, O: einde, P: afspelen, [ en ]: vorige en volgende.")

    def _fill_details(self) -> None:
        clip = self.selected_clip()
        has_clip = clip is not None
        for widget in (self.title_edit, self.theme_box, self.note_edit):
            widget.setEnabled(has_clip)
        self.delete_button.setEnabled(has_clip)
        self.play_button.setEnabled(bool(self._clips))
        self.loop_button.setEnabled(bool(self._clips))
        self._loading = True
        try:
            self.theme_box.clear()
            self.theme_box.addItem(self.tr("Geen thema"), None)
            profile = self._kijkwijzer.profile
            if profile is not None:
                for theme in profile.themes:
                    self.theme_box.addItem(colour_icon(theme.colour), theme.title, theme.id)
            if clip is None:
                self.title_edit.clear()
                self.note_edit.clear()
                self.theme_box.setCurrentIndex(0)
                return
            if "title" not in self._pending and self.title_edit.text().strip() != clip.title:
                self.title_edit.setText(clip.title)
            if "note" not in self._pending and self.note_edit.toPlainText() != clip.note:
                self.note_edit.setPlainText(clip.note)
            index = self.theme_box.findData(clip.theme_id)
            self.theme_box.setCurrentIndex(max(0, index))
        finally:
            self._loading = False
