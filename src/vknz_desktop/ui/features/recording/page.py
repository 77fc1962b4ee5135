"""The Opnemen page: consent first, then the devices with a preview, then recording with
markers, then the finished recording in the library.

1. **Toestemming** — the same form as importing (``ui.library.details_form``): a neutral
   title, who is in the recording and the consent. No device is listed or opened before the
   consent is complete.
2. **Apparaten** — microphone and camera, or audio only (the camera is then never opened); a
   preview picture and a sound-level meter. Nothing is stored yet.
3. **Opnemen** — the recording's row, consent and key are stored, then capture starts. An
   always-visible indicator with the elapsed time; pause and resume (P); stop; one big button
   and the M key set a marker, an optional row (keys 1–7) a typed raakmoment. A warning when
   the disk will be full within 10 minutes; a clean stop before it is.
4. **Afronden** — ``stop()`` remuxes into a seekable copy: a background job with a busy bar.
   Then the recording is in the library like an imported one.

Slow work (listing and opening devices, finishing) runs in ``BackgroundJob``s; capture threads
reach the GUI only through ``CaptureBridge``'s queued signals. ``shutdown()`` (lock, quit)
stops a running capture quickly (``stop_capture``: the seekable copy is made at the next
unlock by ``finish_pending``) and closes the devices.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.markers import RAAKMOMENTEN, marker_label
from vknz_desktop.domain.models import Recording
from vknz_desktop.domain.recording_ports import (
    CaptureDevice,
    CapturePlan,
    DiskStatus,
    RecordRequest,
)
from vknz_desktop.services.live_recording import (
    LiveRecorder,
    LiveRecordingService,
    RecorderState,
)
from vknz_desktop.ui.common import messages
from vknz_desktop.ui.common.formatting import format_clip_time, format_duration
from vknz_desktop.ui.common.identity import Identity
from vknz_desktop.ui.common.jobs import BackgroundJob, JobHandle
from vknz_desktop.ui.features.recording.capture_bridge import CaptureBridge
from vknz_desktop.ui.features.recording.studio import Studio
from vknz_desktop.ui.features.recording.widgets import enlarge, refit_fonts
from vknz_desktop.ui.library.consent_dialog import scrolling
from vknz_desktop.ui.library.details_form import RecordingDetailsForm, fits_two_columns

log = logging.getLogger(__name__)

#: How often the elapsed time is read from the recorder (ms).
CLOCK_MS = 250


class RecordingPage(QWidget):
    """The Opnemen page (see the module's description).

    Signals: ``recorded(Recording)`` once a recording is finished and in the vault,
    ``openRequested(str)`` to review it, ``libraryRequested()``, ``stateChanged()`` when
    recording starts, pauses or ends (the window title follows).
    """

    recorded = Signal(object)
    openRequested = Signal(str)
    libraryRequested = Signal()
    stateChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Opnemen"))
        self._service: LiveRecordingService | None = None
        self._identity = Identity()
        self._taken: list[str] = []
        self._recorder: LiveRecorder | None = None
        self._request: RecordRequest | None = None
        self._opening = 0  # generation of the preview being opened (latest wins)
        self._jobs: list[BackgroundJob[object]] = []
        self.last_recording: Recording | None = None
        self.bridge = CaptureBridge(self)
        self._clock = QTimer(self)
        self._clock.setInterval(CLOCK_MS)
        self._clock.timeout.connect(self._tick)
        self.steps = QStackedWidget(self)
        self._build_consent_step()
        self.studio = Studio()
        self._build_done_step()
        self.steps.addWidget(self.consent_step)
        self.steps.addWidget(self.studio)
        self.steps.addWidget(self.done_step)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.heading)
        layout.addWidget(self.steps, 1)
        self._connect()
        self._add_shortcuts()
        self.start_over()

    # -- building ----------------------------------------------------------------------------
    def _build_consent_step(self) -> None:
        self.heading = QLabel(self.tr("Opnemen"))
        enlarge(self.heading, 1.4)
        self.consent_step = QWidget()
        self.intro = QLabel(
            self.tr(
                "Eerst de toestemming: zonder toestemming wordt er geen microfoon of camera "
                "geopend. De opname gaat rechtstreeks versleuteld de kluis in; er komt nergens "
                "een los bestand."
            )
        )
        self.intro.setWordWrap(True)
        self.form_holder = QVBoxLayout()
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.setAccessibleName(self.tr("Waarom verder nog niet kan"))
        self.continue_button = QPushButton(self.tr("&Verder: microfoon en camera kiezen"))
        self.continue_button.setDefault(True)
        row = QHBoxLayout()
        row.addWidget(self.problem_label, 1)
        row.addWidget(self.continue_button)
        layout = QVBoxLayout(self.consent_step)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addLayout(self.form_holder, 1)
        layout.addLayout(row)
        self.details: RecordingDetailsForm | None = None
        self.form_area: QWidget | None = None

    def _build_done_step(self) -> None:
        self.done_step = QWidget()
        self.done_label = QLabel()
        self.done_label.setWordWrap(True)
        self.done_label.setTextFormat(Qt.TextFormat.PlainText)
        enlarge(self.done_label, 1.2, bold=False)
        self.review_button = QPushButton(self.tr("&Terugkijken"))
        self.review_button.setDefault(True)
        self.again_button = QPushButton(self.tr("&Nog een opname"))
        self.library_button = QPushButton(self.tr("Naar de &bibliotheek"))
        buttons = QHBoxLayout()
        for button in (self.review_button, self.again_button, self.library_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self.done_step)
        layout.addWidget(self.done_label)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def _connect(self) -> None:
        self.continue_button.clicked.connect(self.go_to_devices)
        studio = self.studio
        studio.devicesChanged.connect(self.open_preview)
        studio.startRequested.connect(self.start_recording)
        studio.backRequested.connect(self.back_to_consent)
        studio.pauseRequested.connect(self.toggle_pause)
        studio.stopRequested.connect(self.stop)
        studio.markerRequested.connect(self.mark)
        self.bridge.levelChanged.connect(studio.meter.set_level)
        self.bridge.previewChanged.connect(self._show_picture)
        self.bridge.deviceFailed.connect(self._on_device_failed)
        self.bridge.diskWarning.connect(self._on_disk_warning)
        self.bridge.mustStop.connect(self._on_must_stop)
        self.review_button.clicked.connect(self._review)
        self.again_button.clicked.connect(self.start_over)
        self.library_button.clicked.connect(self.libraryRequested)

    def _add_shortcuts(self) -> None:
        keys: list[tuple[str, object]] = [("M", None), ("P", "pause")]
        keys += [(str(n), t.id) for n, t in enumerate(RAAKMOMENTEN.types, start=1)]
        for key, what in keys:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            if what == "pause":
                shortcut.activated.connect(self.toggle_pause)
            else:
                shortcut.activated.connect(lambda w=what: self.mark(w))

    # -- the vault ---------------------------------------------------------------------------
    def open_session(
        self, service: LiveRecordingService, identity: Identity, taken_titles: Sequence[str]
    ) -> None:
        """A vault was unlocked: record into it as ``identity``."""
        self._service = service
        self._identity = identity
        self._taken = list(taken_titles)
        self.start_over()

    def shutdown(self) -> None:
        """Lock or quit: stop a running capture at once (finished at the next unlock), close
        the devices, finish running jobs, forget what was shown."""
        self._opening += 1
        recorder, self._recorder = self._recorder, None
        if recorder is not None:
            self._release(recorder, keep=True)
        for job in list(self._jobs):
            job.shutdown()
        self._jobs.clear()
        self._clock.stop()
        self._service = None
        self._request = None
        self.last_recording = None
        self.bridge.forget_picture()
        self.start_over()

    def _release(self, recorder: LiveRecorder, *, keep: bool) -> None:
        """Close ``recorder``; a running capture is stopped and kept (``keep``)."""
        try:
            if keep and recorder.state in (RecorderState.RECORDING, RecorderState.PAUSED):
                recorder.stop_capture()
            recorder.close()
        except KnownError as error:
            log.warning("closing the recorder: %s", error.message)
        self.stateChanged.emit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the app's text size changed
            refit_fonts(self)

    # -- state -------------------------------------------------------------------------------
    def recording(self) -> bool:
        """Whether a recording runs (or is paused, or is being finished)."""
        recorder = self._recorder
        return recorder is not None and recorder.state in (
            RecorderState.RECORDING,
            RecorderState.PAUSED,
            RecorderState.FINISHING,
        )

    def paused(self) -> bool:
        """Whether the running recording is paused."""
        return self._recorder is not None and self._recorder.state is RecorderState.PAUSED

    def recorder(self) -> LiveRecorder | None:
        """The recorder with the devices open, if any (for tests)."""
        return self._recorder

    def title(self) -> str:
        """The window title while this page shows."""
        if self.recording():
            if self.paused():
                return self.tr("Opname gepauzeerd — VKNZ")
            return self.tr("● Opname loopt — VKNZ")
        return self.tr("Opnemen — VKNZ")

    # -- step 1: consent ---------------------------------------------------------------------
    def start_over(self) -> None:
        """A new recording: the consent form, empty."""
        if self.form_area is not None:
            self.form_holder.removeWidget(self.form_area)
            self.form_area.hide()  # gone at once, not only when the event loop deletes it
            self.form_area.deleteLater()
        self.details = RecordingDetailsForm(
            today=dt.date.today(), taken_titles=self._taken, with_date=False
        )
        self.details.changed.connect(self._update_continue)
        self.form_area = scrolling(self.details)
        self.form_holder.addWidget(self.form_area)
        self.details.set_single_column(not fits_two_columns(self))
        self.studio.say("")
        self.steps.setCurrentWidget(self.consent_step)
        self._update_continue()
        self.stateChanged.emit()

    def _update_continue(self) -> None:
        problem = self.details.problem() if self.details is not None else None
        if problem is None and self._service is None:
            problem = self.tr("Ontgrendel eerst de kluis.")
        self.problem_label.setText(problem or "")
        self.continue_button.setEnabled(problem is None)

    def go_to_devices(self) -> None:
        """Consent given: list the devices (in the background), then open the preview."""
        details, service = self.details, self._service
        if details is None or service is None or details.problem() is not None:
            return
        self._request = RecordRequest(
            consent=details.consent_form.consent(),
            plan=CapturePlan(),
            title=details.title(),
            conversation_date=dt.date.today(),
            participants=tuple(details.participants()),
            role=self._identity.role,
            author_name=self._identity.name,
        )
        self.steps.setCurrentWidget(self.studio)
        self.studio.show_setup()
        self.studio.start_button.setEnabled(False)
        self.studio.preview.set_text(self.tr("Microfoons en camera's zoeken…"))
        self._run(lambda _handle: service.devices(), self._on_devices)

    def back_to_consent(self) -> None:
        """Back to the form (the devices close; nothing was stored)."""
        self._close_preview()
        self.steps.setCurrentWidget(self.consent_step)

    # -- step 2: devices and preview ---------------------------------------------------------
    def _on_devices(self, devices: object) -> None:
        found = (
            [d for d in devices if isinstance(d, CaptureDevice)]
            if isinstance(devices, list)
            else []
        )
        self.studio.set_devices(found)  # emits devicesChanged: the preview opens

    def open_preview(self) -> None:
        """(Re)open the chosen devices: preview picture and sound level; nothing is stored."""
        service, request = self._service, self._request
        if service is None or request is None or self.recording():
            return
        self._close_preview()
        plan = CapturePlan(audio_device=self.studio.microphone(), video_device=self.studio.camera())
        request.plan = plan
        self._opening += 1
        generation = self._opening
        self.studio.start_button.setEnabled(False)
        self.studio.say("")
        self.studio.preview.set_text(
            self.tr("Alleen geluid: de camera blijft uit.")
            if plan.audio_only
            else self.tr("De camera wordt geopend…")
        )
        callbacks, events = self.bridge.callbacks(), self.bridge.events()
        self._run(
            lambda _handle: service.prepare(request, callbacks, events),
            lambda recorder: self._on_preview_open(generation, recorder),
        )

    def _on_preview_open(self, generation: int, recorder: object) -> None:
        if not isinstance(recorder, LiveRecorder):
            return
        if generation != self._opening or self._service is None:
            recorder.close()  # a newer choice (or a lock) came in between
            return
        self._recorder = recorder
        self.studio.start_button.setEnabled(True)
        if recorder.audio_only:
            self.studio.preview.set_text(self.tr("Alleen geluid: de camera blijft uit."))

    def _show_picture(self, image: QImage) -> None:
        """A camera picture, unless sound only was chosen meanwhile (a closing camera may
        still deliver one)."""
        if not self.studio.audio_only() and self.studio.camera() is not None:
            self.studio.preview.set_image(image)

    def _close_preview(self) -> None:
        self._opening += 1
        self.bridge.forget_picture()
        recorder = self._recorder
        if recorder is not None and recorder.state is RecorderState.PREVIEW:
            self._recorder = None
            recorder.close()
        self.studio.meter.set_level(-90.0)

    # -- step 3: recording -------------------------------------------------------------------
    def start_recording(self) -> None:
        """Store the recording's row, consent and key, then capture."""
        recorder = self._recorder
        if recorder is None or recorder.state is not RecorderState.PREVIEW:
            return
        try:
            recorder.start()
        except KnownError as error:
            messages.show_known_error(self, error)
            return
        self.studio.show_controls(paused=False)
        self.studio.marker_label.setText(self.tr("Nog geen markeringen."))
        self.studio.marker_button.setFocus()
        self._clock.start()
        self._tick()
        self.stateChanged.emit()

    def toggle_pause(self) -> None:
        """Pause, or go on (P)."""
        recorder = self._recorder
        if recorder is None:
            return
        if recorder.state is RecorderState.RECORDING:
            recorder.pause()
        elif recorder.state is RecorderState.PAUSED and recorder.stop_reason is None:
            recorder.resume()
        else:
            return
        self.studio.show_controls(paused=self.paused())
        self.stateChanged.emit()

    def mark(self, type_id: object = None) -> None:
        """A marker now: plain (M, the big button) or a raakmoment's type (1–7)."""
        recorder = self._recorder
        if recorder is None or recorder.state not in (
            RecorderState.RECORDING,
            RecorderState.PAUSED,
        ):
            return
        if type_id is not None and not self.studio.types_check.isChecked():
            self.studio.types_check.setChecked(True)  # a number key shows the row it uses
        try:
            marker = recorder.marker(str(type_id) if type_id is not None else None)
        except KnownError as error:
            messages.show_known_error(self, error)
            return
        self.studio.marker_label.setText(
            self.tr("Gemarkeerd op {time}: {what}. Markeringen: {count}.").format(
                time=format_clip_time(marker.time_ms),
                what=marker_label(marker),
                count=len(recorder.markers),
            )
        )

    def _tick(self) -> None:
        recorder = self._recorder
        if recorder is not None and recorder.state in (
            RecorderState.RECORDING,
            RecorderState.PAUSED,
        ):
            self.studio.indicator.set_elapsed(recorder.elapsed_ms())

    def _on_disk_warning(self, status: object) -> None:
        minutes = 0
        if isinstance(status, DiskStatus) and status.seconds_left is not None:
            minutes = max(1, int(status.seconds_left // 60))
        self.studio.say(
            self.tr(
                "Let op: bij dit tempo is de schijf over ongeveer {0} minuten vol. Rond het "
                "gesprek af of maak ruimte vrij. Vlak voordat de schijf vol is, stopt het "
                "opnemen vanzelf en blijft wat is opgenomen bewaard."
            ).format(minutes)
        )

    def _on_must_stop(self, reason: str) -> None:
        self.studio.say(reason)
        self.stop()

    def _on_device_failed(self, reason: str) -> None:
        self.studio.say(reason, warning=False)
        recorder = self._recorder
        if recorder is not None and recorder.state is RecorderState.PREVIEW:
            self.studio.start_button.setEnabled(False)

    # -- step 4: finishing -------------------------------------------------------------------
    def stop(self) -> None:
        """Stop and finish in the background (a busy bar meanwhile)."""
        recorder = self._recorder
        if recorder is None or recorder.state not in (
            RecorderState.RECORDING,
            RecorderState.PAUSED,
        ):
            return
        self._clock.stop()
        self._tick()
        self.studio.show_finishing()
        self.stateChanged.emit()
        self._run(lambda _handle: recorder.stop(), self._on_finished, self._on_finish_failed)

    def _on_finished(self, recording: object) -> None:
        recorder, self._recorder = self._recorder, None
        if recorder is not None:
            recorder.close()
        if not isinstance(recording, Recording):
            return
        self.last_recording = recording
        self._taken.append(recording.title)
        markers = len(recorder.markers) if recorder is not None else 0
        reason = recorder.stop_reason if recorder is not None else None
        text = self.tr(
            "Bewaard in de kluis: “{title}”, {duration}. Markeringen: {markers}. De opname "
            "staat in de bibliotheek, met dezelfde toestemming en bewaartermijn als een "
            "geïmporteerde opname."
        ).format(
            title=recording.title,
            duration=format_duration(recording.duration_ms),
            markers=markers,
        )
        self.done_label.setText(f"{reason}\n\n{text}" if reason else text)
        self.steps.setCurrentWidget(self.done_step)
        self.review_button.setFocus()
        self.stateChanged.emit()
        self.recorded.emit(recording)

    def _on_finish_failed(self, error: object) -> None:
        recorder, self._recorder = self._recorder, None
        if recorder is not None:
            recorder.close()
        message = error.message if isinstance(error, KnownError) else str(error)
        log.warning("finishing a recording failed: %s", type(error).__name__)
        messages.warn(
            self,
            self.tr("Opname niet afgerond"),
            self.tr(
                "Het afronden van de opname is niet gelukt ({0}). Wat is opgenomen staat "
                "versleuteld in de kluis en wordt de volgende keer dat je de kluis opent "
                "opnieuw afgerond."
            ).format(message),
        )
        self.start_over()

    def _review(self) -> None:
        if self.last_recording is not None:
            self.openRequested.emit(self.last_recording.id)

    # -- background work ---------------------------------------------------------------------
    def _run(
        self,
        work: Callable[[JobHandle], object],
        done: Callable[[object], None],
        failed: Callable[[object], None] | None = None,
    ) -> None:
        """``work`` on a worker thread; ``done(result)`` or ``failed(error)`` on this one
        (without ``failed``: the error is shown)."""
        job: BackgroundJob[object] = BackgroundJob(work, name="vknz-record", parent=self)
        job.succeeded.connect(done)
        job.failed.connect(failed or self._show_error)
        job.finished.connect(lambda: self._forget(job))
        self._jobs.append(job)
        job.start()

    def _forget(self, job: BackgroundJob[object]) -> None:
        if job in self._jobs:
            self._jobs.remove(job)
        job.deleteLater()

    def _show_error(self, error: object) -> None:
        if isinstance(error, KnownError):
            self.studio.say(error.message, warning=False)
            self.studio.preview.set_text(error.message)
        elif isinstance(error, BaseException):
            messages.show_error(self, error)

    def wait_idle(self, timeout_ms: int = 30_000) -> bool:
        """Run the event loop until no job runs; False on timeout (for tests and scenes)."""
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer

        deadline = QDeadlineTimer(timeout_ms)
        while self._jobs:
            if deadline.hasExpired():
                return False
            QCoreApplication.processEvents()
        return True


__all__ = ["RecordingPage"]
