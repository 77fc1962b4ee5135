"""One way to run slow work off the GUI thread: ``BackgroundJob``.

The work is a function that gets a ``JobHandle`` (progress, cancel token, partial results) and
returns a result or raises. It runs on a thread of its own; everything it reports arrives on the
GUI thread through queued signals, in order:

- ``progressed(done, total)`` — at most once per ``steps``-th of the total (per mille by
  default), so a fast loop does not flood the event queue;
- ``published(value)`` — partial results, as they come;
- ``succeeded(result)`` or ``failed(error)`` — exactly one of them, after the thread ended;
  the receiver decides what an error means (``messages.show_error`` shows known errors as
  their Dutch message and anything else as a bug);
- ``finished()`` — last.

``cancel()`` asks the work to stop (its ``CancelToken``); ``shutdown()`` cancels, waits for the
thread and delivers the outcome at once (a lock or quit must not leave a thread behind).
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Signal

from vknz_desktop.domain.ports import CancelToken

log = logging.getLogger(__name__)

ResultT = TypeVar("ResultT")

#: Resolution of progress reports: per mille of the total.
PROGRESS_STEPS = 1000


class JobHandle:
    """What the work function is given: ``progress``, ``publish`` and the cancel ``token``."""

    def __init__(self, job: BackgroundJob[Any], token: CancelToken, steps: int) -> None:
        self._job = job
        self.token = token
        self._steps = steps
        self._last_step = -1

    @property
    def cancelled(self) -> bool:
        """Whether stopping was asked for."""
        return self.token.cancelled

    def is_cancelled(self) -> bool:
        """``cancelled`` as a function (for adapters that poll a callable)."""
        return self.token.cancelled

    def progress(self, done: int, total: int) -> None:
        """Report progress (a ``ProgressCallback``); only a new step reaches the GUI."""
        step = done * self._steps // total if total > 0 else self._steps
        if step != self._last_step:
            self._last_step = step
            self._job._emit(self._job._workerProgress, done, total)

    def publish(self, value: object) -> None:
        """Hand a partial result to the GUI thread (``published``)."""
        self._job._emit(self._job._workerPublished, value)


class BackgroundJob(QObject, Generic[ResultT]):
    """Runs ``work(handle)`` on a thread; see the module's description."""

    progressed = Signal(int, int)
    published = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)  # the BaseException raised by the work
    finished = Signal()

    # From the worker thread to the GUI thread (queued: the job lives in the GUI thread).
    _workerProgress = Signal(object, object)
    _workerPublished = Signal(object)
    _workerDone = Signal()

    def __init__(
        self,
        work: Callable[[JobHandle], ResultT],
        *,
        name: str,
        parent: QObject | None = None,
        daemon: bool = True,
        steps: int = PROGRESS_STEPS,
    ) -> None:
        super().__init__(parent)
        self._work = work
        self._name = name
        self._daemon = daemon
        self._steps = steps
        self.token = CancelToken()
        self._thread: threading.Thread | None = None
        self._outcome: tuple[object, BaseException | None] | None = None
        self._lock = threading.Lock()
        self._delivered = False
        self._workerProgress.connect(self._on_progress)
        self._workerPublished.connect(self._on_published)
        self._workerDone.connect(self._deliver)

    # -- control ------------------------------------------------------------------------------
    def start(self) -> None:
        """Start the work (once)."""
        if self._thread is not None:
            raise RuntimeError("a BackgroundJob runs once")
        handle = JobHandle(self, self.token, self._steps)
        self._thread = threading.Thread(
            target=self._run, args=(handle,), name=self._name, daemon=self._daemon
        )
        self._thread.start()

    def cancel(self) -> None:
        """Ask the work to stop (it decides when; see its ``CancelToken``)."""
        self.token.cancel()

    @property
    def cancelled(self) -> bool:
        """Whether stopping was asked for."""
        return self.token.cancelled

    @property
    def running(self) -> bool:
        """Started, and its outcome not yet delivered."""
        return self._thread is not None and not self._delivered

    def wait(self, timeout_s: float | None = None) -> bool:
        """Wait for the thread to end (not for the outcome to be delivered); False on timeout."""
        thread = self._thread
        if thread is None:
            return True
        thread.join(timeout_s)
        return not thread.is_alive()

    def shutdown(self, timeout_s: float | None = None) -> bool:
        """Cancel, wait for the thread and deliver its outcome now (lock, quit). False when the
        thread did not end in time (its outcome then arrives later)."""
        self.cancel()
        if not self.wait(timeout_s):
            return False
        self._deliver()
        return True

    # -- the worker thread --------------------------------------------------------------------
    def _run(self, handle: JobHandle) -> None:
        try:
            result: object = self._work(handle)
        except BaseException as error:  # handed to the GUI thread, which decides
            outcome: tuple[object, BaseException | None] = (None, error)
        else:
            outcome = (result, None)
        with self._lock:
            self._outcome = outcome
        self._emit(self._workerDone)

    @staticmethod
    def _emit(signal: object, *args: object) -> None:
        # RuntimeError: the job's QObject was deleted while the work ran; nobody listens.
        with contextlib.suppress(RuntimeError):
            signal.emit(*args)  # type: ignore[attr-defined]

    # -- the GUI thread -----------------------------------------------------------------------
    def _on_progress(self, done: object, total: object) -> None:
        if not self._delivered and isinstance(done, int) and isinstance(total, int):
            self.progressed.emit(done, total)

    def _on_published(self, value: object) -> None:
        if not self._delivered:
            self.published.emit(value)

    def _deliver(self) -> None:
        with self._lock:
            outcome = self._outcome
            if outcome is None or self._delivered:
                return
            self._delivered = True
        if self._thread is not None:
            self._thread.join()
        result, error = outcome
        if error is None:
            self.succeeded.emit(result)
        else:
            self.failed.emit(error)
        self.finished.emit()


__all__ = ["PROGRESS_STEPS", "BackgroundJob", "JobHandle"]
