"""Importing files one by one: probe, ask details and consent, encrypt in the background.

``ImportFlow.start(paths)`` handles each file in turn:

1. probe it (a file that is not media gets a warning with the Dutch reason; nothing is written);
2. show ``ImportDetailsDialog`` (Cancel skips the file) with a neutral title and, when a
   ``SourceRemover`` is given, the offer to remove the source file afterwards (a read-only
   source is refused there, clearly, before anything is imported);
3. run ``RecordingService.import_recording`` on a worker thread, with a progress dialog whose
   "Afbreken" button cancels through a ``CancelToken``; then, when asked, remove the source
   (audited). A removal that fails after a good import is reported; the recording stays.

Progress and the result hop from the worker to the GUI thread through queued signals; the
worker thread is joined before the next file starts, and ``finished`` fires after the last one.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QProgressBar, QProgressDialog, QWidget

from vknz_desktop.domain.errors import ImportCancelledError, KnownError
from vknz_desktop.domain.models import Recording, Role
from vknz_desktop.domain.ports import CancelToken, MediaProber, ProgressCallback
from vknz_desktop.domain.recording_ports import SourceRemover
from vknz_desktop.services.recordings import ImportRequest, RecordingService
from vknz_desktop.ui.common import messages
from vknz_desktop.ui.common.formatting import format_megabytes
from vknz_desktop.ui.common.jobs import PROGRESS_STEPS, BackgroundJob
from vknz_desktop.ui.library.consent_dialog import ImportDetailsDialog

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ImportOutcome:
    """A recording imported, and what happened to its source file when removal was asked."""

    recording: Recording
    source_removed: bool = False
    removal_problem: str | None = None


class ImportFlow(QObject):
    """Runs imports for the main window; one file at a time, never blocking the GUI thread.

    Signals (all on the GUI thread): ``imported(Recording)`` after each successful import,
    ``progressChanged(done_bytes, total_bytes)`` while encrypting, and ``finished()`` once the
    last file of the batch has been handled (imported, skipped, refused or cancelled).
    """

    imported = Signal(object)
    finished = Signal()
    progressChanged = Signal(object, object)

    def __init__(
        self,
        parent_widget: QWidget,
        service: RecordingService,
        prober: MediaProber,
        role: Role,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        remover: SourceRemover | None = None,
    ) -> None:
        super().__init__(parent_widget)
        self._parent_widget = parent_widget
        self._service = service
        self._prober = prober
        self._role = role
        self._today = today
        self._remover = remover
        self._queue: deque[Path] = deque()
        self._busy = False
        self._quiet = False
        self._job: BackgroundJob[ImportOutcome] | None = None
        self._request: ImportRequest | None = None
        self._progress_dialog: QProgressDialog | None = None
        self._progress_bar: QProgressBar | None = None

    # -- public API ---------------------------------------------------------------------------
    def start(self, paths: Sequence[Path]) -> None:
        """Import ``paths`` one after the other. While busy, more paths join the queue.

        The work begins from the event loop, so this is safe to call from a drop handler.
        """
        self._queue.extend(Path(path) for path in paths)
        if self._busy:
            return
        self._busy = True
        self._quiet = False
        QTimer.singleShot(0, self._next)

    def is_busy(self) -> bool:
        """Whether files are still being handled."""
        return self._busy

    def progress_dialog(self) -> QProgressDialog | None:
        """The progress dialog of the import that is running, if any."""
        return self._progress_dialog

    def cancel(self) -> None:
        """Cancel the running import (as the Afbreken button does) and skip the queued files."""
        self._queue.clear()
        if self._job is not None:
            self._job.cancel()

    def shutdown(self, timeout_s: float = 30.0) -> None:
        """Stop at once without messages (the vault locks or the app quits); joins the worker."""
        self._quiet = True
        self.cancel()
        if self._job is not None:
            self._job.wait(timeout_s)

    def wait_idle(self, timeout_ms: int) -> bool:
        """Run the event loop until the flow is done; False on timeout. Meant for tests."""
        deadline = time.monotonic() + timeout_ms / 1000
        while self._busy:
            if time.monotonic() >= deadline:
                return False
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            if self._busy:
                time.sleep(0.002)
        return True

    # -- one file after another ---------------------------------------------------------------
    def _next(self) -> None:
        while self._queue:
            path = self._queue.popleft()
            asked = self._ask(path)
            if asked is not None:
                self._run(*asked)
                return
        self._busy = False
        self.finished.emit()

    def _ask(self, path: Path) -> tuple[ImportRequest, bool] | None:
        """Probe ``path`` and ask for details and consent (and whether to remove the source
        afterwards); None when the file is skipped."""
        try:
            media = self._prober.probe(path)
        except KnownError as error:
            messages.warn(self._parent_widget, self.tr("Bestand niet geïmporteerd"), error.message)
            return None
        except Exception:  # a bug: report it, carry on with the next file
            sys.excepthook(*sys.exc_info())
            return None
        dialog = ImportDetailsDialog(
            path,
            media,
            self._parent_widget,
            role=self._role,
            today=self._today(),
            taken_titles=[r.title for r in self._service.recordings()],
            source_check=self._remover.check if self._remover is not None else None,
        )
        try:
            result = messages.run(dialog)  # a lock closes it: then the file is skipped
            accepted = _is_accepted(result) or (
                not messages.closed_by_bridge(dialog) and _is_accepted(dialog.result())
            )
            return (dialog.request(), dialog.remove_source()) if accepted else None
        finally:
            dialog.deleteLater()

    def _run(self, request: ImportRequest, remove_source: bool) -> None:
        self._request = request
        try:
            total = request.source.stat().st_size
        except OSError:
            total = 0
        self._show_progress(request, total)
        remover = self._remover if remove_source else None
        job: BackgroundJob[ImportOutcome] = BackgroundJob(
            lambda handle: self._import(request, remover, handle.progress, handle.token),
            name="vknz-import",
            parent=self,
            daemon=False,
        )
        job.progressed.connect(self._on_worker_progress)
        job.succeeded.connect(lambda outcome: self._on_worker_done(outcome, None))
        job.failed.connect(lambda error: self._on_worker_done(None, error))
        self._job = job
        _log.info("import started (%d bytes)", total)
        job.start()

    def _import(
        self,
        request: ImportRequest,
        remover: SourceRemover | None,
        progress: ProgressCallback,
        cancel: CancelToken,
    ) -> ImportOutcome:
        """On the worker: import; then remove the source when asked (a read-only source is
        refused before anything is imported)."""
        if remover is not None:
            remover.check(request.source)
        recording = self._service.import_recording(request, progress=progress, cancel=cancel)
        if remover is None:
            return ImportOutcome(recording)
        try:
            remover.remove(request.source, recording.id, request.role)
        except KnownError as error:  # imported all the same: say so, keep the recording
            return ImportOutcome(recording, removal_problem=error.message)
        return ImportOutcome(recording, source_removed=True)

    # -- GUI thread ---------------------------------------------------------------------------
    def _show_progress(self, request: ImportRequest, total: int) -> None:
        dialog = QProgressDialog(self._parent_widget)
        dialog.setWindowTitle(self.tr("Opname importeren"))
        dialog.setAccessibleName(self.tr("Voortgang van het importeren"))
        bar = QProgressBar(dialog)
        bar.setRange(0, PROGRESS_STEPS)
        bar.setValue(0)
        bar.setTextVisible(False)
        bar.setAccessibleName(self.tr("Voortgang"))
        # Our own bar, driven directly: QProgressDialog.setValue would run a nested event loop.
        dialog.setBar(bar)
        dialog.setCancelButtonText(self.tr("Afbreken"))
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumWidth(420)
        dialog.canceled.connect(self._on_cancel_clicked)
        self._progress_dialog = dialog
        self._progress_bar = bar
        self._set_progress_text(request, 0, total)
        dialog.show()

    def _set_progress_text(self, request: ImportRequest, done: int, total: int) -> None:
        dialog = self._progress_dialog
        if dialog is None:
            return
        percent = done * 100 // total if total > 0 else 0
        title = (request.title or "").strip()
        if len(title) > 60:  # keep the dialog a sensible width
            title = title[:59] + "…"
        dialog.setLabelText(
            self.tr(
                "“{title}” wordt versleuteld in de kluis gezet.\n{done} van {total} MB ({percent}%)"
            ).format(
                title=title,
                done=format_megabytes(done),
                total=format_megabytes(total),
                percent=percent,
            )
        )

    def _on_cancel_clicked(self) -> None:
        if self._job is not None:
            self._job.cancel()
            _log.info("import cancel requested")

    def _on_worker_progress(self, done: int, total: int) -> None:
        job, request = self._job, self._request
        if job is None or request is None or job.cancelled:
            return
        if self._progress_bar is not None:
            step = done * PROGRESS_STEPS // total if total > 0 else PROGRESS_STEPS
            self._progress_bar.setValue(min(step, PROGRESS_STEPS))
        self._set_progress_text(request, done, total)
        self.progressChanged.emit(done, total)

    def _on_worker_done(self, outcome: object, error: object) -> None:
        job, request = self._job, self._request
        source_name = request.source.name if request is not None else ""
        self._job = None
        self._request = None
        if job is not None:
            job.deleteLater()
        self._close_progress()
        cancelled = job is not None and job.cancelled
        if error is None and isinstance(outcome, ImportOutcome):
            _log.info("import finished: recording %s", outcome.recording.id)
            self.imported.emit(outcome.recording)
            self._report_source(outcome)
        elif isinstance(error, ImportCancelledError) or (
            cancelled and isinstance(error, KnownError)
        ):
            _log.info("import cancelled; nothing kept")
            if not self._quiet:
                messages.inform(
                    self._parent_widget,
                    self.tr("Importeren afgebroken"),
                    self.tr("Importeren afgebroken; er is niets bewaard."),
                )
        elif isinstance(error, KnownError):
            _log.info("import refused: %s", type(error).__name__)
            if not self._quiet:
                messages.warn(self._parent_widget, self.tr("Importeren niet gelukt"), error.message)
        elif isinstance(error, OSError):
            # E.g. the file went away between probing and importing; the vault is unchanged.
            _log.info("import failed: %s", type(error).__name__)
            if not self._quiet:
                messages.warn(
                    self._parent_widget,
                    self.tr("Importeren niet gelukt"),
                    self.tr(
                        "Het importeren van “{name}” is niet gelukt ({reason}). "
                        "Er is niets bewaard."
                    ).format(name=source_name, reason=error.strerror or type(error).__name__),
                )
        elif isinstance(error, BaseException):
            _log.error("import failed unexpectedly: %s", type(error).__name__)
            sys.excepthook(type(error), error, error.__traceback__)
        QTimer.singleShot(0, self._next)

    def _report_source(self, outcome: ImportOutcome) -> None:
        if outcome.removal_problem is not None and not self._quiet:
            messages.warn(
                self._parent_widget, self.tr("Bronbestand niet verwijderd"), outcome.removal_problem
            )
        elif outcome.source_removed:
            messages.status(
                self.tr(
                    "Geïmporteerd; het bronbestand is verwijderd. Verwijder de opname ook uit "
                    "een cloud of back-up van de telefoon."
                ),
                15_000,
            )
        else:  # seen from any page: the status bar belongs to the main window
            messages.status(
                self.tr("Geïmporteerd; de opname staat in de bibliotheek (Ctrl+B)."), 10_000
            )

    def _close_progress(self) -> None:
        dialog = self._progress_dialog
        self._progress_dialog = None
        self._progress_bar = None
        if dialog is None:
            return
        dialog.canceled.disconnect(self._on_cancel_clicked)
        dialog.hide()  # not close(): closing a QProgressDialog emits canceled
        dialog.deleteLater()


def _is_accepted(result: object) -> bool:
    accepted = QDialog.DialogCode.Accepted
    return result == accepted or result == accepted.value


__all__ = ["PROGRESS_STEPS", "ImportFlow", "ImportOutcome"]
