"""Playing one fragment (a range of a recording) on a PlayerController: start at its in point,
stop (or start again) at its out point, keep seeks inside it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from vknz_desktop.domain.models import Recording
from vknz_desktop.domain.ports import MediaStream
from vknz_desktop.ui.playback.player_controller import PlayerController

StreamFactory = Callable[[], MediaStream]
# Playback that passes the out point by less than this stops there; more means a jump away.
_END_WINDOW_MS = 600


class FragmentPlayback(QObject):
    """A fragment on a player: ``positionChanged`` is relative to the recording (not the
    fragment); ``finished`` fires when playback reaches the out point (unless looping)."""

    positionChanged = Signal(int)
    playingChanged = Signal(bool)
    finished = Signal()

    def __init__(self, controller: PlayerController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.start_ms = 0
        self.end_ms = 0
        self.loop = False
        self._loaded = False
        self._recording: Recording | None = None
        controller.positionChanged.connect(self._on_position)
        controller.playingChanged.connect(self._on_playing)

    @property
    def loaded(self) -> bool:
        """Whether a fragment is loaded (and the player still shows its recording)."""
        return (
            self._loaded
            and self._recording is not None
            and self.controller.recording is self._recording
        )

    @property
    def playing(self) -> bool:
        """Whether the fragment plays."""
        return self.loaded and self.controller.playing

    @property
    def duration_ms(self) -> int:
        """Length of the fragment."""
        return max(0, self.end_ms - self.start_ms)

    def load(
        self, recording: Recording, stream_factory: StreamFactory, start_ms: int, end_ms: int
    ) -> None:
        """Show ``recording`` paused at ``start_ms``; playback stops at ``end_ms``."""
        current = self.controller.recording
        if current is None or current is not self._recording or current.id != recording.id:
            self.controller.open(recording, stream_factory)
            self._recording = recording
        else:
            self.controller.pause()
        self.start_ms, self.end_ms = start_ms, end_ms
        self._loaded = True
        self.controller.seek(start_ms)

    def unload(self) -> None:
        """Stop and release the media (unless the player shows something else by now)."""
        if self.loaded:
            self.controller.close_media()
        self._loaded = False
        self._recording = None

    def position_ms(self) -> int:
        """The play head, in the recording's time."""
        return self.controller.position_ms()

    def play(self) -> None:
        """Play from where the head is (from the start when it is at the end)."""
        if not self.loaded:
            return
        position = self.position_ms()
        if position >= self.end_ms - 50 or position < self.start_ms:
            self.controller.seek(self.start_ms)
        self.controller.play()

    def pause(self) -> None:
        """Pause."""
        if self.loaded:
            self.controller.pause()

    def toggle(self) -> None:
        """Play when paused, pause when playing."""
        if self.playing:
            self.pause()
        else:
            self.play()

    def replay(self) -> None:
        """From the start of the fragment again."""
        if not self.loaded:
            return
        self.controller.seek(self.start_ms)
        self.controller.play()

    def seek(self, position_ms: int) -> None:
        """Jump to a moment, kept inside the fragment."""
        if self.loaded:
            self.controller.seek(max(self.start_ms, min(int(position_ms), self.end_ms)))

    def _on_position(self, position: int) -> None:
        if not self.loaded:
            return
        if self.controller.playing and self.end_ms <= position < self.end_ms + _END_WINDOW_MS:
            if self.loop:
                self.controller.seek(self.start_ms)
            else:
                self.controller.pause()
                self.controller.seek(self.end_ms)
                self.positionChanged.emit(self.end_ms)
                self.finished.emit()
                return
        self.positionChanged.emit(position)

    def _on_playing(self, playing: bool) -> None:
        if self.loaded:
            self.playingChanged.emit(playing)
