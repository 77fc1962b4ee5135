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

The worker thread never touches the job's QObject (the GUI thread may delete it while the work
still runs, e.g. when a recording is closed): it reports to one relay object that lives as long
as the application, and the relay hands the report to the job on the GUI thread if the job
still exists.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QObject, Qt, Signal

from vknz_desktop.domain.ports import CancelToken

log = logging.getLogger(__name__)

ResultT = TypeVar("ResultT")

#: Resolution of progress reports: per mille of the total.
PROGRESS_STEPS = 1000


class _Relay(QObject):
    """Lives as long as the application. Worker threads send every report to it (never to a
    job, which the GUI thread may delete while its work still runs); on the GUI thread it
    hands each report to its job, if that job still exists."""

    report = Signal(int, str, object)  # job number, kind, payload

    def __init__(self) -> None:
        super().__init__()
        self._jobs: dict[int, BackgroundJob[Any]] = {}
        self.report.connect(self._dispatch, Qt.ConnectionType.QueuedConnection)

    def register(self, number: int, job: BackgroundJob[Any]) -> None:
        self._jobs[number] = job
        job.destroyed.connect(lambda _object=None: self._jobs.pop(number, None))

    def forget(self, number: int) -> None:
        self._jobs.pop(number, None)

    def _dispatch(self, number: int, kind: str, payload: object) -> None:
        job = self._jobs.get(number)
        if job is None:
            return
        try:
            job._receive(kind, payload)
        except RuntimeError:  # its C++ object is gone: nobody listens any more
            self._jobs.pop(number, None)


_relay: _Relay | None = None
_numbers = itertools.count(1)


def _the_relay() -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay()
    return _relay


class _State:
    """What the worker thread and the GUI thread share: plain Python, never a QObject."""

    def __init__(self, number: int, relay: _Relay) -> None:
        self.number = number
        self.relay = relay
        self.lock = threading.Lock()
        self.outcome: tuple[object, BaseException | None] | None = None

    def send(self, kind: str, payload: object = None) -> None:
        """From any thread: a report for the job, delivered on the GUI thread."""
        with contextlib.suppress(RuntimeError):  # the application is gone
            self.relay.report.emit(self.number, kind, payload)


class JobHandle:
    """What the work function is given: ``progress``, ``publish`` and the cancel ``token``."""

    def __init__(self, state: _State, token: CancelToken, steps: int) -> None:
        self._state = state
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
            self._state.send("progress", (done, total))

    def publish(self, value: object) -> None:
        """Hand a partial result to the GUI thread (``published``)."""
        self._state.send("published", value)


def _run(work: Callable[[JobHandle], object], handle: JobHandle, state: _State) -> None:
    """The worker thread: the work, then its outcome (it touches no QObject but the relay)."""
    try:
        result: object = work(handle)
    except BaseException as error:  # handed to the GUI thread, which decides
        outcome: tuple[object, BaseException | None] = (None, error)
    else:
        outcome = (result, None)
    with state.lock:
        state.outcome = outcome
    state.send("done")


class BackgroundJob(QObject, Generic[ResultT]):
    """Runs ``work(handle)`` on a thread; see the module's description."""

    progressed = Signal(int, int)
    published = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)  # the BaseException raised by the work
    finished = Signal()

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
        self._state = _State(next(_numbers), _the_relay())
        self._delivered = False

    # -- control ------------------------------------------------------------------------------
    def start(self) -> None:
        """Start the work (once)."""
        if self._thread is not None:
            raise RuntimeError("a BackgroundJob runs once")
        self._state.relay.register(self._state.number, self)
        handle = JobHandle(self._state, self.token, self._steps)
        self._thread = threading.Thread(
            target=_run,
            args=(self._work, handle, self._state),
            name=self._name,
            daemon=self._daemon,
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

    # -- the GUI thread -----------------------------------------------------------------------
    def _receive(self, kind: str, payload: object) -> None:
        if self._delivered:
            return
        if kind == "progress":
            done, total = cast("tuple[int, int]", payload)
            self.progressed.emit(done, total)
        elif kind == "published":
            self.published.emit(payload)
        else:
            self._deliver()

    def _deliver(self) -> None:
        with self._state.lock:
            outcome = self._state.outcome
            if outcome is None or self._delivered:
                return
            self._delivered = True
        self._state.relay.forget(self._state.number)
        if self._thread is not None:
            self._thread.join()
        result, error = outcome
        if error is None:
            self.succeeded.emit(result)
        else:
            self.failed.emit(error)
        self.finished.emit()


__all__ = ["PROGRESS_STEPS", "BackgroundJob", "JobHandle"]
