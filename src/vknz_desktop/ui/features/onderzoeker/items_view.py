"""The onderzoeker's page: the klant's feedback per recording, each item with its moment (a
click plays it), its words, the session it was typed in and whether the klant agreed to share
it, with buttons to record the klant's answer.

The page shows words only while an onderzoeker's key is open (the feature hands it ``rows``
then); otherwise it shows what anyone with the vault may know: why klant feedback is sealed,
how many items there are and how to open them, never their words. Recordings are named by
their neutral label ("Opname 3, 12 okt."): the klant may be watching when asked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFont, QImage, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vknz_desktop.domain.models import Observation, Recording, SharingState
from vknz_desktop.domain.ports import MediaStream
from vknz_desktop.ui.common.formatting import format_date, format_duration
from vknz_desktop.ui.playback.fragment_playback import FragmentPlayback
from vknz_desktop.ui.playback.player_controller import PlayerController
from vknz_desktop.ui.workspace.video_view import VideoView

_ID_ROLE = Qt.ItemDataRole.UserRole
# What plays around an item's moment: a little before it, and on for a while.
PLAY_BEFORE_MS = 3_000
PLAY_AFTER_MS = 15_000


@dataclass(frozen=True)
class ItemRow:
    """One klant item as the page shows it (only made while a key is open)."""

    observation: Observation
    recording_label: str
    session_title: str = ""
    shared_by: str = ""  # the onderzoeker's name, for a shared item


@dataclass(frozen=True)
class KeyState:
    """What the page says above the list: which key is open (if any) and the counts."""

    registered: int
    sealed: int
    key_name: str | None = None
    no_onderzoeker_reason: str = ""


def play_range(observation: Observation, duration_ms: int) -> tuple[int, int]:
    """The part of the recording that plays for an item: from a little before its moment to
    its end, or a while after its moment (within the recording)."""
    start = max(0, observation.time_ms - PLAY_BEFORE_MS)
    end = max(observation.end_ms or 0, observation.time_ms + PLAY_AFTER_MS)
    if duration_ms > 0:
        end = min(end, duration_ms)
        start = min(start, max(0, end - 1))
    return start, max(end, start + 1)


class OnderzoekerView(QWidget):
    """See the module's description."""

    backRequested = Signal()
    registerRequested = Signal()
    unlockRequested = Signal()
    closeKeyRequested = Signal()
    playRequested = Signal(object)  # Observation
    answerChosen = Signal(str, object)  # item id, SharingState

    def __init__(self, controller: PlayerController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Feedback van de klant"))
        self.playback = FragmentPlayback(controller, self)
        self._rows: list[ItemRow] = []
        self._items: dict[str, QTreeWidgetItem] = {}
        self._state = KeyState(0, 0)
        self._headings: list[tuple[QLabel, float]] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 10)
        outer.addLayout(self._build_top())
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("Uitleg over de sleutel"))
        outer.addWidget(self.status_label)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._build_list(self.splitter))
        self.splitter.addWidget(self._build_detail(self.splitter))
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self._splitter_moved = False
        self.splitter.splitterMoved.connect(lambda _pos, _index: self._note_splitter_moved())
        outer.addWidget(self.splitter, 1)
        outer.addStretch(0)
        self._connect()
        self.set_state(self._state, [])

    def _heading(self, text: str, parent: QWidget, scale: float) -> QLabel:
        """A bold heading ``scale`` times the page's text size (kept at a text size change)."""
        label = QLabel(text, parent)
        self._headings.append((label, scale))
        self._size_heading(label, scale)
        return label

    def _size_heading(self, label: QLabel, scale: float) -> None:
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * scale)
        label.setFont(font)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._splitter_moved:  # the words get more room than the picture
            width = max(1, self.splitter.width())
            self.splitter.setSizes([width * 11 // 20, width * 9 // 20])

    def _note_splitter_moved(self) -> None:
        self._splitter_moved = True

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the text size setting
            for label, scale in self._headings:
                self._size_heading(label, scale)

    def _build_top(self) -> QHBoxLayout:
        top = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← Bibliotheek"), self)
        self.back_button.setAccessibleName(self.tr("Terug naar de bibliotheek"))
        top.addWidget(self.back_button)
        top.addSpacing(12)
        self.title_label = self._heading(self.tr("Feedback van de klant"), self, 1.4)
        top.addWidget(self.title_label)
        top.addStretch(1)
        self.register_button = QPushButton(self.tr("Onderzoeker registreren…"), self)
        self.unlock_button = QPushButton(self.tr("Sleutel openen…"), self)
        self.close_key_button = QPushButton(self.tr("Sleutel sluiten"), self)
        for button in (self.register_button, self.unlock_button, self.close_key_button):
            button.setAccessibleName(button.text().rstrip("…"))
            top.addWidget(button)
        return top

    def _build_list(self, parent: QWidget) -> QTreeWidget:
        self.tree = QTreeWidget(parent)
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(
            [
                self.tr("Moment"),
                self.tr("Wat de klant zei"),
                self.tr("Delen met klantmanager"),
                self.tr("Sessie"),
            ]
        )
        self.tree.setAccessibleName(self.tr("Feedback van de klant per opname"))
        self.tree.setToolTip(self.tr("Dubbelklik of Enter: dit moment afspelen"))
        self.tree.setAlternatingRowColors(True)
        self.tree.setMinimumWidth(360)
        header = self.tree.header()
        header.setStretchLastSection(False)
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        return self.tree

    def _build_detail(self, parent: QWidget) -> QFrame:
        detail = QFrame(parent)
        detail.setFrameShape(QFrame.Shape.StyledPanel)
        detail.setMinimumWidth(300)
        layout = QVBoxLayout(detail)
        self.video = VideoView(detail)
        self.video.setMinimumSize(280, 158)
        layout.addWidget(self.video, 1)
        buttons = QHBoxLayout()
        self.play_button = QPushButton(self.tr("▶  Moment afspelen"), detail)
        self.play_button.setAccessibleName(self.tr("Dit moment afspelen"))
        self.pause_button = QPushButton(self.tr("❚❚  Pauze"), detail)
        self.pause_button.setAccessibleName(self.tr("Pauzeren"))
        buttons.addWidget(self.play_button)
        buttons.addWidget(self.pause_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.play_note = QLabel(detail)
        self.play_note.setWordWrap(True)
        self.play_note.setAccessibleName(self.tr("Waarom er niets speelt"))
        self.play_note.hide()
        layout.addWidget(self.play_note)
        self.moment_label = self._heading("", detail, 1.1)
        self.moment_label.setWordWrap(True)
        layout.addWidget(self.moment_label)
        self.text_label = QLabel(detail)
        self.text_label.setWordWrap(True)
        self.text_label.setAccessibleName(self.tr("Wat de klant zei"))
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.text_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text_label)
        self.answer_label = QLabel(detail)
        self.answer_label.setWordWrap(True)
        self.answer_label.setAccessibleName(self.tr("Antwoord van de klant"))
        layout.addWidget(self.answer_label)
        answers = QHBoxLayout()
        self.share_button = QPushButton(self.tr("Mag gedeeld worden"), detail)
        self.share_button.setAccessibleName(self.tr("De klant zegt: mag gedeeld worden"))
        self.keep_button = QPushButton(self.tr("Niet delen"), detail)
        self.keep_button.setAccessibleName(self.tr("De klant zegt: niet delen"))
        answers.addWidget(self.share_button)
        answers.addWidget(self.keep_button)
        answers.addStretch(1)
        layout.addLayout(answers)
        layout.addStretch(0)
        return detail

    def _connect(self) -> None:
        self.back_button.clicked.connect(self.backRequested)
        self.register_button.clicked.connect(self.registerRequested)
        self.unlock_button.clicked.connect(self.unlockRequested)
        self.close_key_button.clicked.connect(self.closeKeyRequested)
        self.tree.currentItemChanged.connect(lambda _now, _before: self._show_current())
        self.tree.itemActivated.connect(lambda _item, _column: self.play_current())
        self.play_button.clicked.connect(self.play_current)
        self.pause_button.clicked.connect(self.playback.pause)
        self.share_button.clicked.connect(lambda: self._answer(SharingState.SHARED))
        self.keep_button.clicked.connect(lambda: self._answer(SharingState.NOT_SHARED))
        self.playback.controller.frameReady.connect(self._on_frame)

    # -- what the page shows ------------------------------------------------------------------
    @property
    def rows(self) -> list[ItemRow]:
        """The items shown (none without an open key)."""
        return list(self._rows)

    def set_state(self, state: KeyState, rows: Sequence[ItemRow]) -> None:
        """Show ``state`` and ``rows`` (the feature passes rows only while a key is open)."""
        self._state = state
        keep = self.current_id()
        self._rows = list(rows) if state.key_name else []
        self.status_label.setText(self._status_text(state))
        self.register_button.setVisible(state.registered == 0 or state.key_name is not None)
        self.unlock_button.setVisible(state.registered > 0 and state.key_name is None)
        self.close_key_button.setVisible(state.key_name is not None)
        self._fill_tree(keep)
        self.splitter.setVisible(state.key_name is not None)  # no key: no list, no words
        self._show_current()

    def _status_text(self, state: KeyState) -> str:
        if state.registered == 0:
            return state.no_onderzoeker_reason
        if state.key_name is None:
            return self.tr(
                "Verzegelde feedback van de klant: %n item(s). Alleen een onderzoeker kan ze "
                "lezen, met het eigen wachtwoord: kies Sleutel openen.",
                "",
                state.sealed,
            )
        return self.tr(
            "De sleutel van {0} is open. Vraag de klant per item of het naar de klantmanager "
            "mag, en leg het antwoord vast. Sluit de sleutel als je klaar bent; bij vergrendelen "
            "gaat hij vanzelf dicht."
        ).format(state.key_name)

    def _fill_tree(self, keep: str | None) -> None:
        self._items = {}
        with QSignalBlocker(self.tree):
            self.tree.clear()
            groups: dict[str, QTreeWidgetItem] = {}
            for row in sorted(self._rows, key=lambda r: (r.recording_label, r.observation.time_ms)):
                group = groups.get(row.observation.recording_id)
                if group is None:
                    group = QTreeWidgetItem(self.tree, [row.recording_label])
                    group.setFirstColumnSpanned(True)
                    group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    groups[row.observation.recording_id] = group
                item = QTreeWidgetItem(group, self._columns(row))
                item.setData(0, _ID_ROLE, row.observation.id)
                item.setToolTip(1, row.observation.text or row.observation.answer)
                self._items[row.observation.id] = item
            self.tree.expandAll()
            self.tree.setColumnHidden(3, not any(r.session_title for r in self._rows))
            chosen = self._items.get(keep or "") or next(iter(self._items.values()), None)
            if chosen is not None:
                self.tree.setCurrentItem(chosen)

    def _columns(self, row: ItemRow) -> list[str]:
        observation = row.observation
        return [
            format_duration(observation.time_ms),
            observation.first_line,
            self.state_text(row),
            row.session_title or "–",
        ]

    def state_text(self, row: ItemRow) -> str:
        """The klant's answer, with when and by whom for *mag gedeeld worden*."""
        observation = row.observation
        if observation.sharing_state == SharingState.SHARED:
            if observation.shared_at is None:
                return self.tr("mag gedeeld worden")
            return self.tr("mag gedeeld worden ({0}, {1})").format(
                format_date(_local_day(observation.shared_at)), row.shared_by or self.tr("?")
            )
        if observation.sharing_state == SharingState.NOT_SHARED:
            return self.tr("niet delen")
        return self.tr("nog niet gevraagd")

    def current_id(self) -> str | None:
        """The chosen item's id."""
        item = self.tree.currentItem()
        value = item.data(0, _ID_ROLE) if item is not None else None
        return str(value) if value else None

    def current_row(self) -> ItemRow | None:
        """The chosen item."""
        wanted = self.current_id()
        return next((r for r in self._rows if r.observation.id == wanted), None)

    def select(self, item_id: str) -> bool:
        """Choose the item ``item_id`` in the list; False when it is not shown."""
        item = self._items.get(item_id)
        if item is None:
            return False
        self.tree.setCurrentItem(item)
        return True

    def _show_current(self) -> None:
        self.play_note.hide()
        row = self.current_row()
        has_row = row is not None
        for widget in (self.play_button, self.share_button, self.keep_button):
            widget.setEnabled(has_row)
        if row is None:
            self.moment_label.clear()
            self.text_label.clear()
            self.answer_label.clear()
            return
        observation = row.observation
        self.moment_label.setText(
            self.tr("{0} · moment {1}").format(
                row.recording_label, format_duration(observation.time_ms)
            )
        )
        words = [part for part in (observation.text, observation.answer) if part.strip()]
        self.text_label.setText("\n\n".join(words))
        self.answer_label.setText(
            self.tr("Delen met klantmanager: {0}").format(self.state_text(row))
        )
        self.share_button.setEnabled(observation.sharing_state != SharingState.SHARED)
        self.keep_button.setEnabled(observation.sharing_state != SharingState.NOT_SHARED)

    def _answer(self, state: SharingState) -> None:
        item_id = self.current_id()
        if item_id is not None:
            self.answerChosen.emit(item_id, state)

    # -- playing ------------------------------------------------------------------------------
    def play_current(self) -> None:
        """Play the chosen item's moment (the feature checks consent and opens the media)."""
        row = self.current_row()
        if row is not None:
            self.playRequested.emit(row.observation)

    def play(
        self,
        recording: Recording,
        open_stream: Callable[[], MediaStream],
        observation: Observation,
    ) -> None:
        """Play around ``observation``'s moment of ``recording``."""
        start, end = play_range(observation, recording.duration_ms)
        self.play_note.hide()
        self.video.set_audio_only(not recording.media.has_video)
        self.playback.load(recording, open_stream, start, end)
        self.playback.play()

    def show_video_message(self, text: str) -> None:
        """Why nothing plays (e.g. no consent for the onderzoeker)."""
        self.playback.unload()
        self.video.clear()
        self.play_note.setText(text)
        self.play_note.setVisible(bool(text))

    def stop(self) -> None:
        """Stop playing and release the media (leaving the page, closing the key, a lock)."""
        self.playback.unload()
        self.video.clear()
        self.play_note.clear()
        self.play_note.hide()

    def clear(self) -> None:
        """Forget everything shown (the key closed, the vault closes)."""
        self.stop()
        self.set_state(KeyState(0, 0), [])
        self.status_label.clear()

    def _on_frame(self, image: QImage) -> None:
        if self.playback.loaded and self.isVisible():
            self.video.set_image(image)


def _local_day(moment: dt.datetime) -> dt.date:
    return moment.astimezone().date() if moment.tzinfo else moment.date()


__all__ = [
    "PLAY_AFTER_MS",
    "PLAY_BEFORE_MS",
    "ItemRow",
    "KeyState",
    "OnderzoekerView",
    "play_range",
]
