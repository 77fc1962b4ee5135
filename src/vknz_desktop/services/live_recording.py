"""Recording straight into the vault, with live markers (the "Opnemen" page and ``vknz record``).

Order, as the privacy rules want it:

1. ``LiveRecordingService.prepare(request)`` needs the consent first: without a consent with at
   least one scope no device is opened. Audio only never opens a camera.
2. ``LiveRecorder`` (returned by ``prepare``) has the devices open: preview pictures and the
   sound level flow to the callbacks; nothing is stored yet.
3. ``start()`` stores the recording's row, consent and key, creates the live file and starts
   encoding into it. A monitor thread seals a chunk every second (so a crash loses at most a
   few seconds), watches the disk and stops cleanly before it is full.
4. ``marker()`` stores a marker at the current recording time (an observation with empty text).
5. ``stop()`` closes the live file, makes a seekable copy with an index (remux, no re-encoding)
   and swaps it in; the live key is destroyed. The markers move along.

``finish_pending()`` does step 5 for recordings that were stopped but not finished, or that a
crash interrupted (closed at the next open).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from vknz_desktop.domain.clock import utc_now
from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.markers import make_marker
from vknz_desktop.domain.models import MediaInfo, Observation, Recording, Role
from vknz_desktop.domain.recording_ports import (
    CaptureBackend,
    CaptureCallbacks,
    CaptureDevice,
    CaptureSession,
    DiskStatus,
    LiveFinisher,
    LiveRecordingStore,
    MediaSink,
    RecordRequest,
)

log = logging.getLogger(__name__)

#: Warn when the disk will be full within this many seconds at the current rate.
WARN_SECONDS = 10 * 60
#: Stop cleanly when less than this much recording fits (the finished copy reserved).
STOP_SECONDS = 20
#: Kept free besides the finished copy (the database, the system).
SPARE_BYTES = 64 * 1024 * 1024
#: An interrupted recording shorter than this that cannot be finished is removed.
NOTHING_PLAYABLE_MS = 1000
#: The live file gets a sealed chunk at least this often (seconds).
FLUSH_EVERY = 1.0


class RecorderState(StrEnum):
    """Where a recorder is in its life."""

    PREVIEW = "voorbeeld"
    RECORDING = "opnemen"
    PAUSED = "gepauzeerd"
    FINISHING = "afronden"
    STOPPED = "gestopt"  # stopped, the seekable copy left for finish_pending
    DONE = "klaar"
    CLOSED = "gesloten"


@dataclass
class RecorderEvents:
    """What the page hears besides the capture callbacks (from the monitor thread)."""

    #: Seconds of recording time, about once a second (also while paused: it stays still).
    on_elapsed: Callable[[int], None] | None = None
    #: The disk will be full soon; DiskStatus.seconds_left says how soon.
    on_disk_warning: Callable[[DiskStatus], None] | None = None
    #: Recording stopped by itself (disk nearly full, a device went away): a Dutch reason.
    #: The page then calls ``stop()`` to keep what was recorded.
    on_must_stop: Callable[[str], None] | None = None


def disk_status(free_bytes: int, recorded_bytes: int, elapsed_s: float) -> DiskStatus:
    """How long the disk lasts: the finished copy (as big as what is recorded so far) and a
    spare margin are reserved; the rest divided by the rate so far."""
    rate = recorded_bytes / elapsed_s if elapsed_s >= 5 and recorded_bytes > 0 else 0.0
    usable = free_bytes - recorded_bytes - SPARE_BYTES
    if rate <= 0:
        return DiskStatus(free_bytes, 0.0, None, usable <= 0, usable <= 0)
    # Every recorded byte needs a second byte for the finished copy.
    seconds = usable / (2 * rate)
    return DiskStatus(free_bytes, rate, seconds, seconds < WARN_SECONDS, seconds < STOP_SECONDS)


class _Sink:
    """The live file as the capture session sees it, with the recorded size for disk checks."""

    def __init__(self, target: MediaSink) -> None:
        self._target = target
        self.size = 0

    def write(self, data: bytes) -> int:
        self.size += len(data)
        return self._target.write(data)

    def flush(self, media_ms: int | None = None) -> None:
        self._target.flush(media_ms)


class LiveRecorder:
    """One recording on its way into the vault; what the Opnemen page drives."""

    def __init__(
        self,
        service: LiveRecordingService,
        request: RecordRequest,
        session: CaptureSession,
        events: RecorderEvents,
    ) -> None:
        self._service = service
        self._request = request
        self._session = session
        self._events = events
        self._state = RecorderState.PREVIEW
        self._recording_id: str | None = None
        self._sink: _Sink | None = None
        self._monitor: threading.Thread | None = None
        self._stop_monitor = threading.Event()
        self._lock = threading.RLock()
        self.markers: list[Observation] = []
        self.stop_reason: str | None = None
        self.last_disk: DiskStatus | None = None

    @property
    def state(self) -> RecorderState:
        return self._state

    @property
    def recording_id(self) -> str | None:
        """The live recording's id while recording (it changes when finished)."""
        return self._recording_id

    @property
    def audio_only(self) -> bool:
        return self._session.plan.audio_only

    def elapsed_ms(self) -> int:
        """Recording time so far, pauses left out (for the page's clock)."""
        return self._session.elapsed_ms()

    @property
    def recorded_bytes(self) -> int:
        """Encrypted-to-be bytes handed to the vault so far."""
        return self._sink.size if self._sink is not None else 0

    def start(self) -> str:
        """Store row, consent and key, then start encoding. Returns the live recording id."""
        with self._lock:
            if self._state is not RecorderState.PREVIEW:
                raise KnownError("Deze opname is al gestart.")
            if self._session.failure:
                raise KnownError(self._session.failure)
            request = self._request
            plan = self._session.plan
            status = disk_status(self._service.store.free_bytes(), 0, 0)
            if status.must_stop:
                raise KnownError(
                    "Er is te weinig ruimte op de schijf om op te nemen. Maak eerst ruimte vrij."
                )
            started = self._service.store.begin(
                title=request.title.strip() or default_title(self._service.now()),
                conversation_date=request.conversation_date or self._service.now().date(),
                media=MediaInfo(
                    container="matroska,webm",
                    duration_ms=1,
                    has_video=not plan.audio_only,
                    has_audio=True,
                    video_codec=None if plan.audio_only else "h264",
                    audio_codec="opus",
                    width=None if plan.audio_only else plan.width,
                    height=None if plan.audio_only else plan.height,
                    frame_rate=None if plan.audio_only else float(plan.frame_rate),
                ),
                participants=request.participants,
                consent=request.consent,
                role=request.role,
            )
            self._recording_id = started.recording_id
            self._sink = _Sink(started.sink)
            try:
                self._session.start(self._sink)
            except BaseException:
                self._service.store.stop(started.recording_id, 0)
                raise
            self._state = RecorderState.RECORDING
            self._monitor = threading.Thread(
                target=self._watch, name="vknz-record-monitor", daemon=True
            )
            self._monitor.start()
            return started.recording_id

    def pause(self) -> None:
        with self._lock:
            if self._state is RecorderState.RECORDING:
                self._session.pause()
                self._state = RecorderState.PAUSED

    def resume(self) -> None:
        with self._lock:
            if self._state is RecorderState.PAUSED:
                self._session.resume()
                self._state = RecorderState.RECORDING

    def marker(self, type_id: str | None = None) -> Observation:
        """A marker now (plain, or typed from the raakmomenten profile); stored at once."""
        with self._lock:
            if self._recording_id is None or self._state not in (
                RecorderState.RECORDING,
                RecorderState.PAUSED,
            ):
                raise KnownError("Er wordt niet opgenomen; een markering kan nu niet.")
            marker = make_marker(
                self._recording_id,
                self._session.elapsed_ms(),
                author_role=self._request.role,
                author_name=self._request.author_name,
                type_id=type_id,
                now=self._service.now(),
            )
        self._service.store.save_observation(marker)
        self.markers.append(marker)
        return marker

    def stop(self) -> Recording:
        """Stop, close the live file, make the seekable copy and swap it in."""
        recording_id = self._end_capture()
        recording = self._service.finish(recording_id, role=self._request.role)
        self._state = RecorderState.DONE
        return recording

    def stop_capture(self) -> str:
        """Stop and close the live file, without making the seekable copy (fast: for a lock
        or quit while recording). ``LiveRecordingService.finish_pending`` finishes it later,
        at the next unlock. Returns the live recording's id."""
        recording_id = self._end_capture()
        self._state = RecorderState.STOPPED
        return recording_id

    def _end_capture(self) -> str:
        with self._lock:
            if self._state not in (RecorderState.RECORDING, RecorderState.PAUSED):
                raise KnownError("Er wordt niet opgenomen.")
            self._state = RecorderState.FINISHING
            self._stop_monitor.set()
        if self._monitor is not None and self._monitor is not threading.current_thread():
            self._monitor.join()
        recording_id = self._recording_id
        assert recording_id is not None
        try:
            media_ms = self._session.stop()
        except BaseException:
            # The live file stays (sealed up to the last flush) and is closed at the next open.
            self._service.store.abandon(recording_id)
            self._session.close()
            self._state = RecorderState.CLOSED
            raise
        self._session.close()
        self._service.store.stop(recording_id, media_ms)
        return recording_id

    def close(self) -> None:
        """Release the devices without recording (the page closed before start); after a
        start this is ``stop`` that ignores errors."""
        if self._state in (RecorderState.RECORDING, RecorderState.PAUSED):
            with contextlib.suppress(KnownError):
                self.stop()
        self._session.close()
        if self._state not in (RecorderState.DONE, RecorderState.STOPPED):
            self._state = RecorderState.CLOSED

    def disk(self) -> DiskStatus:
        """The disk's outlook right now."""
        return disk_status(
            self._service.store.free_bytes(), self.recorded_bytes, self._session.elapsed_ms() / 1000
        )

    def _watch(self) -> None:
        sink = self._sink
        assert sink is not None
        warned = False
        while not self._stop_monitor.wait(FLUSH_EVERY):
            try:
                sink.flush(self._session.safe_ms())
            except KnownError as error:  # the disk is full after all
                self._must_stop(error.message)
                return
            if self._events.on_elapsed is not None:
                self._events.on_elapsed(self._session.elapsed_ms())
            if self._session.failure:
                self._must_stop(self._session.failure)
                return
            status = self.disk()
            self.last_disk = status
            if status.must_stop:
                self._must_stop(
                    "De schijf is bijna vol; het opnemen is gestopt zodat de opname veilig "
                    "kan worden bewaard."
                )
                return
            if status.warn and not warned and self._events.on_disk_warning is not None:
                warned = True
                self._events.on_disk_warning(status)

    def _must_stop(self, reason: str) -> None:
        self.stop_reason = reason
        self._session.pause()  # nothing more is recorded; the page calls stop()
        if self._events.on_must_stop is not None:
            self._events.on_must_stop(reason)


def default_title(moment: dt.datetime) -> str:
    """The title of a recording the user did not name: "Opname 2026-11-03 14:05"."""
    local = moment.astimezone()
    return f"Opname {local:%Y-%m-%d %H:%M}"


class LiveRecordingService:
    """Recording into the vault: devices through ``backend``, storage through ``store``."""

    def __init__(
        self,
        store: LiveRecordingStore,
        backend: CaptureBackend,
        finisher: LiveFinisher,
        now: Callable[[], dt.datetime] = utc_now,
    ) -> None:
        self.store = store
        self._backend = backend
        self._finisher = finisher
        self.now = now

    def devices(self) -> list[CaptureDevice]:
        """Microphones and cameras to choose from."""
        return self._backend.list_devices()

    def prepare(
        self,
        request: RecordRequest,
        callbacks: CaptureCallbacks | None = None,
        events: RecorderEvents | None = None,
    ) -> LiveRecorder:
        """Open the devices for preview, after the consent is known (never before)."""
        consent = getattr(request, "consent", None)
        if consent is None or not consent.scopes:
            raise KnownError(
                "Leg eerst de toestemming vast; zonder toestemming wordt er niets geopend."
            )
        session = self._backend.open(request.plan, callbacks or CaptureCallbacks())
        return LiveRecorder(self, request, session, events or RecorderEvents())

    def finish(self, live_id: str, *, role: Role) -> Recording:
        """Make a stopped (or interrupted) live recording seekable and swap it in."""
        output = self.store.new_output()
        try:
            source = self.store.open_media(live_id)
            try:
                self._finisher.remux(source, output)
            finally:
                source.close()
            check = self.store.open_output(output)
            try:
                media = self._finisher.probe(check)
            finally:
                check.close()
            return self.store.finish(live_id, output, media, role=role)
        except BaseException:
            self.store.discard_output(output)
            raise

    def finish_pending(
        self, *, role: Role | None = None, problems: list[str] | None = None
    ) -> list[Recording]:
        """Finish every stopped or interrupted recording (after a crash, at the next start).

        One that cannot be finished does not stop the others: a recording of less than a
        second with nothing playable in it is removed, any other stays as it is (playable,
        only slower to seek) and its problem is added to ``problems``.
        """
        finished: list[Recording] = []
        for pending in self.store.pending():
            started = time.monotonic()
            try:
                finished.append(self.finish(pending.recording_id, role=role or Role.KLANTMANAGER))
            except KnownError as error:
                if pending.media_ms < NOTHING_PLAYABLE_MS:
                    self.store.discard(pending.recording_id, role=role)
                    message = (
                        "Een onderbroken opname bevatte nog niets afspeelbaars en is verwijderd."
                    )
                else:
                    message = error.message
                log.warning("could not finish live recording %s", pending.recording_id)
                if problems is not None:
                    problems.append(message)
                continue
            log.info(
                "finished live recording %s in %.1f s",
                pending.recording_id,
                time.monotonic() - started,
            )
        return finished
