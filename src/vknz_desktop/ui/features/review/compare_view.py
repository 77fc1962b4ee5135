"""Compare side by side: two players next to each other, each showing a fragment (of the same
recording or of two recordings), with a sync lock that plays, pauses and seeks them together
while keeping their offset, an independent volume each, and a choice of which one is heard.
Useful for before/after, or for two moments of the same conversation.
"""

from __future__ import annotations

import statistics
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from vknz_desktop.domain.fragments import Clip
from vknz_desktop.domain.models import Recording, Role
from vknz_desktop.domain.ports import MediaStream
from vknz_desktop.domain.visibility import Audience
from vknz_desktop.ui.common.formatting import format_clip_time, role_label
from vknz_desktop.ui.features.review.seek_slider import SeekSlider
from vknz_desktop.ui.playback.fragment_playback import FragmentPlayback
from vknz_desktop.ui.playback.player_controller import PlayerController
from vknz_desktop.ui.widgets.page_header import back_row, heading_label
from vknz_desktop.ui.workspace.video_view import VideoView

StreamOpener = Callable[[str], MediaStream]
#: While playing in sync the right player follows the left one. Their drift is measured from the
#: players' own clocks, not from the smoothed positions shown: libVLC's time moves in steps of
#: ~250 ms, and the moment a step happens tells where the player really is (see ``_ClockFit``).
#: Beyond this drift the right one is put back by a seek.
MAX_DRIFT_MS = 80
_DRIFT_CHECK_MS = 20
_MIN_STEPS = 4
_MIN_SEEK_INTERVAL_S = 1.5
_SETTLE_S = 0.6  # after a seek or start, the players' clocks need a moment to catch up


class _ClockFit:
    """Where a playing player really is, from the moments its coarse clock steps.

    At 1x, media time minus wall time is constant; each step of the reported time gives one
    reading of it (late by at most one polling interval), and the mean of the recent ones is
    the estimate.
    """

    def __init__(self) -> None:
        self._last: int | None = None
        self._readings: deque[float] = deque(maxlen=8)

    def reset(self) -> None:
        self._last = None
        self._readings.clear()

    def add(self, moment: float, value: int) -> None:
        if self._last is not None and value != self._last:
            self._readings.append(value - moment * 1000.0)
        self._last = value

    def estimate(self) -> float | None:
        if len(self._readings) < _MIN_STEPS:
            return None
        return statistics.fmean(self._readings)


@dataclass(frozen=True)
class CompareItem:
    """A fragment to compare, and what the screen calls it (neutral when others watch)."""

    clip: Clip
    recording: Recording
    name: str


#: The people who may be asked about when comparing (the person at the keyboard is implied).
WATCHER_ROLES = (Role.ONDERZOEKER, Role.COLLEGA, Role.KLANT, Role.LEIDINGGEVENDE)


class WatchersDialog(QDialog):
    """ "Wie kijken er mee?" before comparing: the answer decides which fragments may be shown
    and what they are called (``ReviewSessionService.compare_choices``)."""

    def __init__(self, viewer: Role, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fragmenten vergelijken"))
        self._viewer = viewer
        layout = QVBoxLayout(self)
        question = QLabel(self.tr("Wie kijken er mee naar de fragmenten?"), self)
        question.setWordWrap(True)
        layout.addWidget(question)
        me = QCheckBox(self.tr("Jij ({0})").format(role_label(viewer).lower()), self)
        me.setChecked(True)
        me.setEnabled(False)
        layout.addWidget(me)
        self.boxes: dict[Role, QCheckBox] = {}
        for role in WATCHER_ROLES:
            box = QCheckBox(role_label(role), self)
            box.setAccessibleName(self.tr("{0} kijkt mee").format(role_label(role)))
            layout.addWidget(box)
            self.boxes[role] = box
        hint = QLabel(
            self.tr(
                "Kijkt er iemand mee, dan staan de opnames er zonder titel, en alleen de "
                "fragmenten waarvoor toestemming is."
            ),
            self,
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(
            self.tr("Vergelijken"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setDefault(True)
        buttons.addButton(self.tr("Annuleren"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def audience(self) -> Audience:
        """The person at the keyboard and everyone ticked."""
        others = [role for role, box in self.boxes.items() if box.isChecked()]
        return Audience.of(self._viewer, *others)


class ComparePane(QFrame):
    """One side: a fragment chooser, the picture, a position slider, play and volume."""

    fragmentChosen = Signal()
    seekRequested = Signal(int)
    playRequested = Signal()

    def __init__(
        self, title: str, controller: PlayerController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(title)
        self.playback = FragmentPlayback(controller, self)
        self._choices: list[CompareItem] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        top = QHBoxLayout()
        top.addWidget(heading_label(title, self, 1.1))
        self.fragment_box = QComboBox(self)
        self.fragment_box.setAccessibleName(self.tr("Fragment voor {0}").format(title.lower()))
        self.fragment_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.fragment_box.setMinimumContentsLength(18)
        top.addWidget(self.fragment_box, 1)
        layout.addLayout(top)
        self.video = VideoView(self)
        self.video.setMinimumSize(280, 160)
        layout.addWidget(self.video, 1)
        row = QHBoxLayout()
        self.play_button = QPushButton(self.tr("▶"), self)
        self.play_button.setAccessibleName(self.tr("Afspelen of pauzeren ({0})").format(title))
        self.play_button.setFixedWidth(44)
        row.addWidget(self.play_button)
        self.slider = SeekSlider(self)
        self.slider.setAccessibleName(self.tr("Positie ({0})").format(title.lower()))
        self.slider.setSingleStep(1000)
        self.slider.setPageStep(5000)
        row.addWidget(self.slider, 1)
        self.time_label = QLabel(self)
        self.time_label.setMinimumWidth(100)
        self.time_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.time_label)
        layout.addLayout(row)
        volume = QHBoxLayout()
        volume.addWidget(QLabel(self.tr("Volume:"), self))
        self.volume = QSlider(Qt.Orientation.Horizontal, self)
        self.volume.setRange(0, 100)
        self.volume.setValue(80)
        self.volume.setAccessibleName(self.tr("Volume ({0})").format(title.lower()))
        self.volume.setMinimumWidth(140)
        self.volume.setMaximumWidth(220)
        volume.addWidget(self.volume)
        volume.addStretch(1)
        layout.addLayout(volume)
        self.fragment_box.activated.connect(lambda _i: self.fragmentChosen.emit())
        self.play_button.clicked.connect(self.playRequested)
        self.slider.sliderMoved.connect(self.seekRequested)
        self.slider.actionTriggered.connect(
            lambda _a: self.seekRequested.emit(self.slider.sliderPosition())
        )
        self.volume.valueChanged.connect(self._on_volume)
        controller.frameReady.connect(self._on_frame)
        self.playback.positionChanged.connect(self._on_position)
        self.playback.playingChanged.connect(
            lambda playing: self.play_button.setText("❚❚" if playing else "▶")
        )
        self.playback.finished.connect(lambda: self.play_button.setText("▶"))

    def set_choices(self, choices: Sequence[CompareItem], selected: int) -> None:
        """The fragments to choose from; ``selected`` is shown."""
        self._choices = list(choices)
        with QSignalBlocker(self.fragment_box):
            self.fragment_box.clear()
            for item in self._choices:
                clip = item.clip
                self.fragment_box.addItem(
                    f"{item.name} · {format_clip_time(clip.start_ms)}", clip.id
                )
            self.fragment_box.setCurrentIndex(selected)

    def chosen(self) -> tuple[Clip, Recording] | None:
        """The fragment chosen in this pane."""
        index = self.fragment_box.currentIndex()
        if not 0 <= index < len(self._choices):
            return None
        item = self._choices[index]
        return item.clip, item.recording

    def load(self, opener: StreamOpener) -> None:
        """Load the chosen fragment, paused at its start."""
        chosen = self.chosen()
        if chosen is None:
            return
        clip, recording = chosen
        self.video.set_audio_only(not recording.media.has_video)
        recording_id = recording.id
        self.playback.load(recording, lambda: opener(recording_id), clip.start_ms, clip.end_ms)
        with QSignalBlocker(self.slider):
            self.slider.setRange(clip.start_ms, clip.end_ms)
            self.slider.setValue(clip.start_ms)
        self._show_time(clip.start_ms)
        self.playback.controller.set_volume(self.volume.value())

    def unload(self) -> None:
        """Stop and forget the fragment and the choices."""
        self.playback.unload()
        self.video.clear()
        self._choices = []
        self.fragment_box.clear()
        self.time_label.clear()

    def _on_volume(self, value: int) -> None:
        self.playback.controller.set_volume(value)

    def _on_frame(self, image: QImage) -> None:
        if self.playback.loaded and self.isVisible():
            self.video.set_image(image)

    def _on_position(self, position: int) -> None:
        if not self.slider.isSliderDown():
            with QSignalBlocker(self.slider):
                self.slider.setValue(position)
        self._show_time(position)

    def _show_time(self, position: int) -> None:
        chosen = self.chosen()
        if chosen is None:
            return
        clip = chosen[0]
        self.time_label.setText(
            f"{format_clip_time(max(0, position - clip.start_ms))} / "
            f"{format_clip_time(clip.duration_ms)}"
        )
        self.video.set_position(position - clip.start_ms, clip.duration_ms)


class CompareView(QWidget):
    """Two fragments side by side, optionally locked together."""

    backRequested = Signal()

    def __init__(
        self,
        left: PlayerController,
        right_factory: Callable[[], PlayerController],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Fragmenten vergelijken"))
        self._right_factory = right_factory
        self._right_controller: PlayerController | None = None
        self._opener: StreamOpener | None = None
        self._choices: list[CompareItem] = []
        self.offset_ms = 0
        self._last_correction = 0.0
        self._left_fit = _ClockFit()
        self._right_fit = _ClockFit()
        self._settle_until = 0.0
        self.corrections = 0

        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 8, 10, 10)
        outer.addLayout(self._build_top())
        self.watchers_label = QLabel(self)
        self.watchers_label.setWordWrap(True)
        self.watchers_label.setAccessibleName(self.tr("Wie kijken er mee"))
        outer.addWidget(self.watchers_label)
        outer.addLayout(self._build_panes(left), 1)
        outer.addLayout(self._build_bottom())
        self._drift_timer = QTimer(self)
        self._drift_timer.setInterval(_DRIFT_CHECK_MS)
        self._drift_timer.timeout.connect(self._check_drift)
        self._connect()
        self._add_shortcuts()

    def _build_top(self) -> QHBoxLayout:
        top, self.back_button = back_row(
            self,
            self.tr("← Bibliotheek"),
            self.tr("Terug naar de bibliotheek"),
            self.tr("Fragmenten vergelijken"),
        )
        self.sync_box = QCheckBox(self.tr("Samen afspelen (verschil vasthouden)"), self)
        self.sync_box.setAccessibleName(self.tr("Synchroon afspelen"))
        self.sync_box.setToolTip(
            self.tr("Afspelen, pauzeren en verspringen gebeurt dan in beide tegelijk (S)")
        )
        top.addWidget(self.sync_box)
        top.addSpacing(16)
        top.addWidget(QLabel(self.tr("Geluid van:"), self))
        self.audio_box = QComboBox(self)
        self.audio_box.setAccessibleName(self.tr("Welk fragment is te horen"))
        self.audio_box.addItem(self.tr("links"), "left")
        self.audio_box.addItem(self.tr("rechts"), "right")
        self.audio_box.addItem(self.tr("beide"), "both")
        top.addWidget(self.audio_box)
        return top

    def _build_panes(self, left: PlayerController) -> QHBoxLayout:
        panes = QHBoxLayout()
        self.left = ComparePane(self.tr("Links"), left, self)
        self._right_placeholder = QWidget(self)
        panes.addWidget(self.left, 1)
        self._panes_layout = panes
        panes.addWidget(self._right_placeholder, 1)
        self.right: ComparePane | None = None
        return panes

    def _build_bottom(self) -> QHBoxLayout:
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        self.play_both_button = QPushButton(self.tr("▶  Beide afspelen"), self)
        self.play_both_button.setAccessibleName(self.tr("Beide afspelen of pauzeren"))
        self.play_both_button.setToolTip(self.tr("Beide afspelen of pauzeren (spatie)"))
        self.play_both_button.setMinimumHeight(40)
        self.restart_button = QPushButton(self.tr("↺  Beide vanaf het begin"), self)
        self.restart_button.setAccessibleName(self.tr("Beide vanaf het begin"))
        self.restart_button.setToolTip(self.tr("Beide vanaf het begin van hun fragment (R)"))
        self.restart_button.setMinimumHeight(40)
        bottom.addWidget(self.play_both_button)
        bottom.addWidget(self.restart_button)
        bottom.addSpacing(20)
        self.offset_label = QLabel(self)
        self.offset_label.setAccessibleName(self.tr("Verschil tussen de fragmenten"))
        bottom.addWidget(self.offset_label)
        bottom.addStretch(1)
        return bottom

    def _connect(self) -> None:
        self.back_button.clicked.connect(self.backRequested)
        self.sync_box.toggled.connect(self._on_sync_toggled)
        self.audio_box.activated.connect(lambda _i: self._apply_audio())
        self.play_both_button.clicked.connect(self.toggle_both)
        self.restart_button.clicked.connect(self.restart_both)
        self._connect_pane(self.left)

    def _add_shortcuts(self) -> None:
        for keys, slot in (
            ("Space", self.toggle_both),
            ("R", self.restart_both),
            ("S", self.sync_box.toggle),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # -- setting up ---------------------------------------------------------------------------
    @property
    def synced(self) -> bool:
        """Whether the two players are locked together."""
        return self.sync_box.isChecked()

    def open(
        self,
        choices: Sequence[CompareItem],
        opener: StreamOpener,
        left_index: int = 0,
        right_index: int = 1,
        *,
        audience: Audience | None = None,
        left_out: Sequence[str] = (),
    ) -> None:
        """Show two fragments (by index into ``choices``); ``audience`` is who watches and
        ``left_out`` why fragments are missing (one reason per fragment left out)."""
        right = self._ensure_right()
        self._opener = opener
        self._choices = list(choices)
        self._show_watchers(audience or Audience.alone(), left_out)
        count = len(self._choices)
        if count == 0:
            return
        self.left.set_choices(self._choices, max(0, min(left_index, count - 1)))
        right.set_choices(self._choices, max(0, min(right_index, count - 1)))
        self.left.load(opener)
        right.load(opener)
        for controller in (self.left.playback.controller, right.playback.controller):
            controller.set_rate(1.0)
        self._align_starts()
        self._apply_audio()

    def _show_watchers(self, audience: Audience, left_out: Sequence[str]) -> None:
        others = [role_label(role) for role in audience.roles[1:]]
        text = (
            self.tr("Er kijken mee: {0}.").format(", ".join(others))
            if others
            else self.tr("Je kijkt alleen.")
        )
        if left_out:
            text += " " + self.tr("%n fragment(en) niet getoond: {0}", "", len(left_out)).format(
                left_out[0]
            )
        self.watchers_label.setText(text)

    def close_players(self) -> None:
        """Stop both players and release the second one (leaving, a lock, or quitting)."""
        self._drift_timer.stop()
        self.left.unload()
        if self.right is not None:
            self.right.unload()
        if self._right_controller is not None:
            self._right_controller.shutdown()
            self._right_controller = None
        if self.right is not None:
            self._panes_layout.replaceWidget(self.right, self._right_placeholder)
            self._right_placeholder.show()
            self.right.hide()
            self.right.deleteLater()
            self.right = None
        self._opener = None
        self._choices = []
        with QSignalBlocker(self.sync_box):
            self.sync_box.setChecked(False)
        self.offset_label.clear()

    # -- playing ------------------------------------------------------------------------------
    def toggle_both(self) -> None:
        """Space: play both when either is paused, else pause both."""
        right = self.right
        if right is None:
            return
        if self.left.playback.playing or right.playback.playing:
            self.left.playback.pause()
            right.playback.pause()
            if self.synced:
                self.seek_left(self.left.playback.position_ms())
        else:
            if self.synced:
                self.seek_left(self.left.playback.position_ms())
            self.left.playback.play()
            right.playback.play()
        self._update_drift_timer()

    def restart_both(self) -> None:
        """Both from the start of their fragments (the offset follows from the starts)."""
        right = self.right
        if right is None:
            return
        self.left.playback.seek(self.left.playback.start_ms)
        right.playback.seek(right.playback.start_ms)
        if self.synced:
            self._align_starts()

    def seek_left(self, position_ms: int) -> None:
        """Move the left player (and the right one with it when synced)."""
        self._restart_drift_measurement()
        self.left.playback.seek(position_ms)
        if self.synced and self.right is not None:
            self.right.playback.seek(position_ms + self.offset_ms)

    def seek_right(self, position_ms: int) -> None:
        """Move the right player (and the left one with it when synced)."""
        if self.right is None:
            return
        self._restart_drift_measurement()
        self.right.playback.seek(position_ms)
        if self.synced:
            self.left.playback.seek(position_ms - self.offset_ms)

    def current_drift_ms(self) -> int:
        """How far the right player is from where the offset says it should be."""
        if self.right is None:
            return 0
        return self.right.playback.position_ms() - self.left.playback.position_ms() - self.offset_ms

    # -- internals ----------------------------------------------------------------------------
    def _ensure_right(self) -> ComparePane:
        if self.right is None:
            self._right_controller = self._right_factory()
            pane = ComparePane(self.tr("Rechts"), self._right_controller, self)
            self._panes_layout.replaceWidget(self._right_placeholder, pane)
            self._right_placeholder.hide()
            self._connect_pane(pane)
            self.right = pane
        return self.right

    def _connect_pane(self, pane: ComparePane) -> None:
        pane.fragmentChosen.connect(lambda: self._on_fragment_chosen(pane))
        pane.seekRequested.connect(
            lambda ms: self.seek_left(ms) if pane is self.left else self.seek_right(ms)
        )
        pane.playRequested.connect(lambda: self._on_pane_play(pane))
        pane.playback.finished.connect(self._on_finished)
        pane.playback.positionChanged.connect(lambda _ms: self._show_offset())

    def _on_fragment_chosen(self, pane: ComparePane) -> None:
        if self._opener is None:
            return
        pane.load(self._opener)
        if self.synced:
            self._align_starts()
        self._show_offset()

    def _on_pane_play(self, pane: ComparePane) -> None:
        if self.synced:
            self.toggle_both()
        else:
            pane.playback.toggle()
        self._update_drift_timer()

    def _on_finished(self) -> None:
        if self.synced and self.right is not None:
            self.left.playback.pause()
            self.right.playback.pause()
        self._update_drift_timer()

    def _on_sync_toggled(self, on: bool) -> None:
        if on and self.right is not None:
            self.offset_ms = self.right.playback.position_ms() - self.left.playback.position_ms()
            if self.left.playback.playing != self.right.playback.playing:
                self.left.playback.pause()
                self.right.playback.pause()
        self._update_drift_timer()
        self._show_offset()

    def _align_starts(self) -> None:
        right = self.right
        if right is None:
            return
        self.offset_ms = right.playback.start_ms - self.left.playback.start_ms
        self.seek_left(self.left.playback.start_ms)
        self._show_offset()

    def _apply_audio(self) -> None:
        choice = self.audio_box.currentData()
        self.left.playback.controller.set_muted(choice == "right")
        if self.right is not None:
            self.right.playback.controller.set_muted(choice == "left")

    def _update_drift_timer(self) -> None:
        running = (
            self.synced
            and self.right is not None
            and self.left.playback.playing
            and self.right.playback.playing
        )
        if running and not self._drift_timer.isActive():
            self._restart_drift_measurement()
            self._drift_timer.start()
        elif not running:
            self._drift_timer.stop()
            self._restart_drift_measurement()

    def _check_drift(self) -> None:
        right = self.right
        if right is None or not self.synced:
            self._drift_timer.stop()
            return
        if not (self.left.playback.playing and right.playback.playing):
            return
        moment = time.monotonic()
        if moment < self._settle_until:
            return
        left_time = self.left.playback.controller.media_time_ms()
        right_time = right.playback.controller.media_time_ms()
        if left_time < 0 or right_time < 0:
            return
        self._left_fit.add(moment, left_time)
        self._right_fit.add(moment, right_time)
        drift = self.media_drift_ms()
        if (
            drift is not None
            and abs(drift) > MAX_DRIFT_MS
            and moment - self._last_correction > _MIN_SEEK_INTERVAL_S
        ):
            self._last_correction = moment
            self.corrections += 1
            self._restart_drift_measurement()
            right.playback.seek(self.left.playback.position_ms() + self.offset_ms)

    def media_drift_ms(self) -> int | None:
        """How far the players themselves are from the offset (about the last second)."""
        left, right = self._left_fit.estimate(), self._right_fit.estimate()
        if left is None or right is None:
            return None
        return round(right - left - self.offset_ms)

    def _restart_drift_measurement(self) -> None:
        self._left_fit.reset()
        self._right_fit.reset()
        self._settle_until = time.monotonic() + _SETTLE_S

    def fragment_offset_ms(self) -> int:
        """How far the right fragment is ahead of the left one, each counted from the start
        of its own fragment (0: both as far into their fragment)."""
        if self.right is None:
            return 0
        return self.offset_ms - (self.right.playback.start_ms - self.left.playback.start_ms)

    def _show_offset(self) -> None:
        if self.right is None or not self.right.playback.loaded:
            self.offset_label.clear()
            return
        if not self.synced:
            self.offset_label.setText(self.tr("Los: elk fragment speelt apart"))
            return
        offset = self.fragment_offset_ms()
        if abs(offset) < 50:
            text = self.tr("Gekoppeld: beide even ver in hun fragment")
        elif offset > 0:
            text = self.tr("Gekoppeld: rechts {0} verder in het fragment dan links").format(
                format_clip_time(offset)
            )
        else:
            text = self.tr("Gekoppeld: links {0} verder in het fragment dan rechts").format(
                format_clip_time(-offset)
            )
        self.offset_label.setText(text)
