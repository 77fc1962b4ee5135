"""Drives a PlayerPort from the GUI thread: smooth position, frames as QImages, exact frames.

libVLC delivers frames on its own threads; we keep only the newest one and hop to the GUI
thread with a queued signal. libVLC is never called from its own callbacks. When paused,
the picture after a seek or frame step comes from PyAV (frame-exact), via a one-thread worker.

A wrong picture is never painted; a late one may be dropped. Every seek (also the one that
resumes playback where the clock stands) starts a new *generation*: libVLC's pictures are
dropped until its own clock has moved on from the new place (it says the target at once, before
it has really seeked), and only pictures that arrive after that are painted; meanwhile the
exact picture of the target (PyAV) shows. A late picture is dropped, a wrong one never shown.
Every picture carries the time it belongs to (``picture_time``).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QImage

from vknz_desktop.domain.models import Recording
from vknz_desktop.domain.ports import MediaAnalyzer, MediaStream, PlayerPort, VideoFrame
from vknz_desktop.domain.position import PositionClock, frame_step_position

log = logging.getLogger(__name__)

TICK_MS = 33
RATES = (0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
StreamFactory = Callable[[], MediaStream]
#: After a seek libVLC's clock says the target at once (before it has seeked), and pictures of
#: the old place still arrive for a moment. Its pictures count again once its clock has moved
#: on from the target by about as much as the wall clock since the seek (give or take this).
SETTLE_SLACK_MS = 400
#: A seek libVLC never confirms (a stuck clock): its pictures count again after this long.
SETTLE_GIVE_UP_S = 3.0
#: The QImage text key of the time (ms) a picture belongs to.
TIME_KEY = "vknz-time-ms"


def frame_to_image(frame: VideoFrame, time_ms: int | None = None) -> QImage:
    """A deep-copied QImage of a 32-bit frame, carrying ``time_ms`` (``picture_time``)."""
    image = QImage(frame.data, frame.width, frame.height, frame.stride, QImage.Format.Format_RGB32)
    image = image.copy()
    if time_ms is not None:
        image.setText(TIME_KEY, str(int(time_ms)))
    return image


def picture_time(image: QImage) -> int | None:
    """The time (ms) a painted picture belongs to, as the controller tagged it."""
    text = image.text(TIME_KEY)
    return int(text) if text.lstrip("-").isdigit() else None


def display_size(recording: Recording) -> tuple[int, int] | None:
    """The visible picture size after rotation, or None for audio-only recordings."""
    media = recording.media
    if not media.has_video or not media.width or not media.height:
        return None
    if media.rotation % 180 == 90:
        return media.height, media.width
    return media.width, media.height


class PlayerController(QObject):
    """Play, pause, seek, step and shuttle one recording; emits position and pictures."""

    frameReady = Signal(QImage)
    positionChanged = Signal(int)
    playingChanged = Signal(bool)
    durationChanged = Signal(int)
    rateChanged = Signal(float)
    errorOccurred = Signal(str)
    _frameArrived = Signal()
    _exactFrameArrived = Signal(object, int, int)  # frame, request, time (ms)

    def __init__(
        self,
        player: PlayerPort,
        analyzer: MediaAnalyzer,
        clock: PositionClock | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._player = player
        self._analyzer = analyzer
        self._clock = clock or PositionClock()
        self._recording: Recording | None = None
        self._streams: list[MediaStream] = []
        self._stream_factory: StreamFactory | None = None
        self.latest_picture: VideoFrame | None = None
        self._frame_lock = threading.Lock()
        self._frame_pending = False
        # libVLC's pictures are counted as they arrive (its thread); after a seek only those
        # counted after ``_accept_from`` are painted (None: not yet, the seek is not done)
        self._vlc_count = 0
        self._latest_count = 0
        self._accept_from: int | None = 0
        self._settle: tuple[int, int, float] | None = None  # target, libVLC time then, when
        self._steps_waiting = 0  # frame steps asked for while one is decoded (VFR)
        self._step_request: int | None = None
        self._playing = False
        self._rate = 1.0
        self._duration = 0
        self._volume = 80
        self._muted = False
        self._exact_worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="exact-frame")
        self._exact_request = 0
        self._exact_stream: MediaStream | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._frameArrived.connect(self._deliver_frame)
        self._exactFrameArrived.connect(self._deliver_exact_frame)
        self.frames_received = 0

    # -- loading ------------------------------------------------------------------------------
    @property
    def recording(self) -> Recording | None:
        """The loaded recording."""
        return self._recording

    def open(self, recording: Recording, stream_factory: StreamFactory) -> None:
        """Load ``recording`` paused at the start; the first picture comes from PyAV."""
        self.close_media()
        self._recording = recording
        self._stream_factory = stream_factory
        stream = stream_factory()
        self._streams.append(stream)
        size = display_size(recording)
        self._player.load(stream, self._on_player_frame if size else None, size)
        self._player.set_volume(self._volume)
        self._player.set_muted(self._muted)
        self._duration = recording.duration_ms
        self._clock = PositionClock()
        self._clock.set_duration(self._duration)
        self._clock.jump(0)
        self._playing = False
        self._started = False
        self._pending_seek: int | None = None
        with self._frame_lock:
            self._vlc_count = self._latest_count = 0
            self._accept_from = 0
        self._settle = None
        self._steps_waiting = 0
        self._step_request = None
        self.durationChanged.emit(self._duration)
        self.positionChanged.emit(0)
        self.playingChanged.emit(False)
        self._timer.start()
        self._request_exact_frame(0)

    def close_media(self) -> None:
        """Stop and release the media, streams and pictures (used when closing and locking)."""
        self._timer.stop()
        self._exact_request += 1
        self._player.unload()
        for stream in self._streams:
            stream.close()
        self._streams.clear()
        if self._exact_stream is not None:
            self._analyzer.close_stream(self._exact_stream)  # its decoded pictures go too
            self._exact_stream.close()
            self._exact_stream = None
        with self._frame_lock:
            self.latest_picture = None
            self._frame_pending = False
        self._recording = None
        self._stream_factory = None
        if self._playing:
            self._playing = False
            self.playingChanged.emit(False)

    def shutdown(self) -> None:
        """Release everything, including the worker thread (at application exit)."""
        self.close_media()
        self._exact_worker.shutdown(wait=True, cancel_futures=True)
        self._player.close()

    # -- state --------------------------------------------------------------------------------
    @property
    def playing(self) -> bool:
        """Whether playback runs."""
        return self._playing

    @property
    def rate(self) -> float:
        """Current playback speed."""
        return self._rate

    @property
    def duration_ms(self) -> int:
        """Length of the loaded recording."""
        return self._duration

    def position_ms(self) -> int:
        """The smooth current position."""
        return self._clock.position()

    def media_time_ms(self) -> int:
        """The player's own (coarse, unsmoothed) time, e.g. to compare two players."""
        return self._player.time_ms()

    # -- commands -----------------------------------------------------------------------------
    def play(self) -> None:
        """Start or resume playback."""
        if self._recording is None or self._playing:
            return
        position = self._clock.position()
        if position >= self._duration - 50:
            position = 0
            self._clock.jump(0)
        if not self._started:
            self._player.play()
            self._started = True
            # libVLC ignores a seek before it is playing: do it on the first tick that is.
            self._pending_seek = position if position > 0 else None
            if position > 0:  # its first pictures are of 0:00, not of the clock's place
                self._expect_vlc_at(position)
        else:
            self._player.seek_ms(position)
            self._expect_vlc_at(position)  # not the picture libVLC paused on
            self._player.set_paused(False)
        self._player.set_rate(self._rate)
        self._playing = True
        self._clock.set_playing(True)
        self.playingChanged.emit(True)

    def pause(self) -> None:
        """Pause and show the exact frame at the paused position."""
        if not self._playing:
            return
        self._player.set_paused(True)
        self._playing = False
        self._clock.set_playing(False)
        self.playingChanged.emit(False)
        position = self._clock.position()
        self.positionChanged.emit(position)
        # libVLC's last picture may be older than the clock (e.g. just after a jump back).
        self._request_exact_frame(position)

    def toggle(self) -> None:
        """Play when paused, pause when playing."""
        if self._playing:
            self.pause()
        else:
            self.play()

    def seek(self, position_ms: int) -> None:
        """Jump to ``position_ms`` (clamped to the recording)."""
        if self._recording is None:
            return
        target = max(0, min(int(position_ms), self._duration))
        self._steps_waiting = 0
        self._clock.jump(target)
        if self._started:
            self._player.seek_ms(target)
            self._expect_vlc_at(target)
        elif self._playing:  # still waiting for libVLC to play: seek there when it does
            self._pending_seek = target
            self._expect_vlc_at(target)
        self.positionChanged.emit(target)
        # paused: the exact picture; playing: the exact picture until libVLC's pictures are
        # of the new place (whichever comes first)
        self._request_exact_frame(target)

    def skip(self, delta_ms: int) -> None:
        """Move by ``delta_ms`` (negative: back)."""
        self.seek(self._clock.position() + delta_ms)

    def frame_step(self, frames: int) -> None:
        """Pause and move exactly ``frames`` frames (negative: back).

        A constant frame rate is counted here (``frame_step_position``); a variable one is
        stepped by PyAV (``exact_step``), which also says where the new picture starts: the
        clock is set there when it is decoded, and presses meanwhile add up."""
        if self._recording is None:
            return
        self.pause()
        media = self._recording.media
        if media.variable_frame_rate and media.has_video and self._stream_factory is not None:
            self._step_exact(frames)
            return
        fps = media.frame_rate or 25.0
        self.seek(frame_step_position(self._clock.position(), frames, fps))

    def jump_to_start(self) -> None:
        """Go to 0:00."""
        self.seek(0)

    def jump_to_end(self) -> None:
        """Go to the last moment."""
        self.seek(max(0, self._duration - 1))

    def set_rate(self, rate: float) -> None:
        """Speed 0.25x-2x; the pitch is kept."""
        rate = max(RATES[0], min(RATES[-1], rate))
        self._rate = rate
        self._clock.set_rate(rate)
        self._player.set_rate(rate)
        self.rateChanged.emit(rate)

    def shuttle_forward(self) -> None:
        """L: play; pressed again while playing, faster (up to 2x)."""
        if not self._playing:
            self.set_rate(1.0)
            self.play()
            return
        faster = [r for r in RATES if r > self._rate]
        if faster:
            self.set_rate(faster[0])

    def shuttle_back(self) -> None:
        """J: slower while faster than normal; otherwise jump back 5 s."""
        if self._playing and self._rate > 1.0:
            self.set_rate(max(r for r in RATES if r < self._rate))
        else:
            self.skip(-5000)

    @property
    def volume(self) -> int:
        """The volume in percent (kept for the next recording too)."""
        return self._volume

    @property
    def muted(self) -> bool:
        """Whether the sound is off."""
        return self._muted

    def set_volume(self, percent: int) -> None:
        """Volume 0-100."""
        self._volume = max(0, min(100, percent))
        self._player.set_volume(self._volume)

    def set_muted(self, muted: bool) -> None:
        """Mute or unmute."""
        self._muted = muted
        self._player.set_muted(muted)

    # -- internals ----------------------------------------------------------------------------
    def _on_player_frame(self, frame: VideoFrame) -> None:
        # libVLC thread: keep only the newest frame (and its number), signal once per batch.
        with self._frame_lock:
            self._vlc_count += 1
            self.latest_picture = frame
            self._latest_count = self._vlc_count
            if self._frame_pending:
                return
            self._frame_pending = True
        self._frameArrived.emit()

    @Slot()
    def _deliver_frame(self) -> None:
        with self._frame_lock:
            frame, count = self.latest_picture, self._latest_count
            self.latest_picture = None
            self._frame_pending = False
            current = self._accept_from is not None and count > self._accept_from
        if frame is None or self._recording is None or not self._playing or not current:
            return  # paused (the exact picture shows), or a picture of before the last seek
        self.frames_received += 1
        self.frameReady.emit(frame_to_image(frame, self._clock.position()))

    def _expect_vlc_at(self, target_ms: int) -> None:
        """A seek was asked of libVLC: its pictures do not count until it reports the new
        place (``_check_settled``); a picture waiting to be painted is dropped now."""
        with self._frame_lock:
            self._accept_from = None
            self.latest_picture = None
        self._settle = (target_ms, self._player.time_ms(), time.monotonic())

    def _check_settled(self) -> None:
        """On each tick while playing: has libVLC reached the place of the last seek?"""
        if self._settle is None or self._pending_seek is not None:
            return
        target, _before, since = self._settle
        reported = self._player.time_ms()
        elapsed = time.monotonic() - since
        played = elapsed * 1000 * max(self._rate, 0.25)
        arrived = target < reported <= target + played + SETTLE_SLACK_MS
        gave_up = elapsed > SETTLE_GIVE_UP_S
        if arrived or gave_up:
            if gave_up and not arrived:
                log.debug("libVLC did not confirm a seek to %d ms (it says %d)", target, reported)
            with self._frame_lock:
                self._accept_from = self._vlc_count  # from the next picture on
            self._settle = None

    @property
    def vlc_pictures_current(self) -> bool:
        """Whether libVLC's pictures are of the place the clock shows (no seek under way)."""
        with self._frame_lock:
            return self._accept_from is not None

    def _request_exact_frame(self, position_ms: int) -> None:
        if self._recording is None or not self._recording.media.has_video:
            return
        if self._stream_factory is None:
            return
        self._exact_request += 1
        request = self._exact_request
        if self._exact_stream is None:
            self._exact_stream = self._stream_factory()
        stream = self._exact_stream

        def work() -> None:
            if request != self._exact_request:
                return
            try:
                frame = self._analyzer.exact_frame(stream, position_ms)
            except Exception:  # a damaged or closed stream: keep the last picture
                return
            self._exactFrameArrived.emit(frame, request, position_ms)

        future: Future[None] = self._exact_worker.submit(work)
        del future

    def _step_exact(self, frames: int) -> None:
        """A frame step of a variable frame rate recording, by PyAV (see ``frame_step``)."""
        if self._step_request is not None:  # one is being decoded: this one follows it
            self._steps_waiting += frames
            return
        self._submit_step(frames)

    def _submit_step(self, frames: int) -> None:
        if self._stream_factory is None or frames == 0:
            return
        self._exact_request += 1
        request = self._step_request = self._exact_request
        if self._exact_stream is None:
            self._exact_stream = self._stream_factory()
        stream, start = self._exact_stream, self._clock.position()

        def work() -> None:
            try:
                frame, start_ms = self._analyzer.exact_step(stream, start, frames)
            except Exception:  # a damaged or closed stream: stay where we are
                self._exactFrameArrived.emit(None, request, start)
                return
            self._exactFrameArrived.emit(frame, request, start_ms)

        future: Future[None] = self._exact_worker.submit(work)
        del future

    @Slot(object, int, int)
    def _deliver_exact_frame(self, frame: VideoFrame | None, request: int, time_ms: int) -> None:
        latest = request == self._exact_request and self._recording is not None
        if request == self._step_request:  # a frame step (variable frame rate) landed
            self._step_request = None
            if latest and not self._playing:
                self._clock.jump(time_ms)
                self.positionChanged.emit(time_ms)
                if self._steps_waiting:  # more presses meanwhile: step on from here
                    waiting, self._steps_waiting = self._steps_waiting, 0
                    self._submit_step(waiting)
        if not latest or frame is None:
            return
        with self._frame_lock:
            vlc_current = self._accept_from is not None
        if self._playing and vlc_current:
            return  # libVLC's own pictures of the new place are already showing
        self.frameReady.emit(frame_to_image(frame, time_ms))

    def _stream_damaged(self) -> bool:
        """Whether a read from the vault met a damaged media chunk (DecryptedStream.damage)."""
        return any(getattr(stream, "damage", None) is not None for stream in self._streams)

    @Slot()
    def _tick(self) -> None:
        if self._recording is None:
            return
        if self._playing:
            state = self._player.state()
            if self._pending_seek is not None and state == "Playing":
                self._player.seek_ms(self._pending_seek)
                self._clock.jump(self._pending_seek)
                self._expect_vlc_at(self._pending_seek)
                self._pending_seek = None
            elif self._pending_seek is None:
                self._clock.report(self._player.time_ms())
                self._check_settled()
            if state in ("Ended", "Error"):
                self._playing = False
                self._started = False
                self._player.stop()
                self._clock.set_playing(False)
                self._clock.jump(self._duration if state == "Ended" else self._clock.position())
                self.playingChanged.emit(False)
                if self._stream_damaged():
                    self.errorOccurred.emit(
                        self.tr(
                            "De opname '{title}' is beschadigd en stopt hier; het deel ervoor is"
                            " wel te bekijken en andere opnamen werken gewoon. 'vknz verify'"
                            " noemt de details."
                        ).format(title=self._recording.title)
                    )
                elif state == "Error":
                    self.errorOccurred.emit(self.tr("De opname kan niet verder worden afgespeeld."))
        self.positionChanged.emit(self._clock.position())
