"""The de-identification worker: deduce in a separate process, text over a pipe.

deduce's lookup structures take seconds to load (about 14 s on a busy 2-core laptop) and about
a gigabyte of memory, and loading them holds the interpreter lock. In the GUI process that
starved libVLC's callbacks and playback showed broken frames. So deduce lives in a child
process:

* started with multiprocessing's *spawn* context (never fork: libVLC and Qt run threads, and
  a forked child would inherit their locks in whatever state they were);
* on demand (the first request starts it) or, after unlocking, at low priority
  (``os.nice``), so loading does not compete with playback;
* texts go over a :func:`multiprocessing.Pipe` (a socket pair), never through a file;
* not dumpable (``prctl(PR_SET_DUMPABLE, 0)`` on Linux) and without core dumps: another
  process of the same user cannot read its memory through ``/proc/PID/mem`` or ptrace;
* stoppable at any moment (:meth:`DeidWorker.stop`; locking the vault calls it): the child
  holds nothing worth saving, so it is simply terminated.

The parent never imports deduce. A bundle needs ``multiprocessing.freeze_support()`` in its
entry point (packaging/entry.py), so that the bundle's executable can act as the child.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from vknz_desktop.domain.errors import KnownError

log = logging.getLogger(__name__)

__all__ = ["DeidWorker", "WorkerFailedError", "WorkerStoppedError"]

LOW_PRIORITY_NICE = 10
_PR_GET_DUMPABLE = 3
_PR_SET_DUMPABLE = 4
_KEEP_STDERR_ENV = "VKNZ_DEID_WORKER_STDERR"  # for debugging the worker only


class WorkerStoppedError(KnownError):
    """The worker was stopped (the vault was locked) while a request waited for it."""


class WorkerFailedError(KnownError):
    """The worker could not start or load, or it ended unexpectedly."""


# -- the child process ------------------------------------------------------------------------
def _libc() -> Any:
    import ctypes

    return ctypes.CDLL(None, use_errno=True)


def _harden_child(low_priority: bool) -> None:
    """No core dumps, not dumpable, private files, and a low priority when asked."""
    os.umask(0o077)
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            _libc().prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0)
    if low_priority:
        with contextlib.suppress(OSError, AttributeError):
            os.nice(LOW_PRIORITY_NICE)


def _silence_output() -> None:
    """Nothing of the child reaches the user's terminal (deduce logs and prints; a library may
    warn): its standard streams go to /dev/null. Failures are reported over the pipe."""
    logging.getLogger().addHandler(logging.NullHandler())  # deduce's basicConfig is a no-op
    logging.getLogger().setLevel(logging.WARNING)
    streams = (0, 1) if os.environ.get(_KEEP_STDERR_ENV) else (0, 1, 2)
    with contextlib.suppress(OSError):
        null = os.open(os.devnull, os.O_RDWR)
        for fd in streams:
            os.dup2(null, fd)
        os.close(null)


def _dumpable() -> int | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return int(_libc().prctl(_PR_GET_DUMPABLE, 0, 0, 0, 0))
    except (OSError, AttributeError):
        return None


def _core_limit() -> int | None:
    try:
        import resource

        return int(resource.getrlimit(resource.RLIMIT_CORE)[1])
    except (ImportError, ValueError, OSError):
        return None


def _handle(kind: str, args: tuple[Any, ...]) -> Any:
    from vknz_desktop.export import deid_engine

    if kind == "clean":
        return deid_engine.clean_texts(*args)
    if kind == "spans":
        text, names = args
        return [(s.start, s.end, s.tag, s.source) for s in deid_engine.spans(text, names)]
    if kind == "doubtful":
        from vknz_desktop.export.doubtful import doubtful_words

        texts, known = args
        return doubtful_words(texts, known)
    if kind == "info":
        return {
            "pid": os.getpid(),
            "dumpable": _dumpable(),
            "nice": os.nice(0),
            "core_limit": _core_limit(),
            "deduce_imported": "deduce" in sys.modules,
            "load_seconds": deid_engine.load_seconds(),
        }
    raise ValueError(kind)


def _child_main(conn: Connection, low_priority: bool, warm: bool) -> None:
    """The worker's main loop: load deduce (when ``warm``), then answer requests in order."""
    _harden_child(low_priority)
    _silence_output()
    try:
        from vknz_desktop.export import deid_engine

        if warm:
            deid_engine.engine()
        conn.send(("ready", deid_engine.load_seconds()))
    except BaseException as error:  # reported to the parent, which logs and tells the user
        with contextlib.suppress(OSError):
            conn.send(("failed", type(error).__name__))
        os._exit(1)
    while True:
        try:
            kind, args = conn.recv()
        except (EOFError, OSError):  # the parent is gone or closed the pipe
            break
        if kind == "stop":
            break
        try:
            answer: tuple[str, Any] = ("ok", _handle(kind, args))
        except Exception as error:  # one bad request does not end the worker
            answer = ("error", type(error).__name__)
        try:
            conn.send(answer)
        except OSError:
            break
    # deduce's structures are frozen out of the garbage collector: skip the interpreter's
    # teardown, there is nothing to flush.
    os._exit(0)


# -- the parent's side ------------------------------------------------------------------------
Progress = Callable[[float], None]


class DeidWorker:
    """Client of one worker process; thread-safe. Requests are answered in order."""

    def __init__(self, *, warm: bool = True) -> None:
        self._warm = warm
        self._lock = threading.Lock()
        self._process: Any = None
        self._conn: Connection | None = None
        self._ready = False
        self._stop_requested = False
        #: Whether this worker process was given any text (then it holds vault data).
        self.used = False
        self._started_at: float | None = None
        self._load_seconds: float | None = None

    # -- state --------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        """Whether a worker process is starting or running."""
        process = self._process
        return process is not None and process.is_alive()

    @property
    def ready(self) -> bool:
        """Whether requests are answered at once (never blocks)."""
        if self._ready:
            return True
        if not self._lock.acquire(blocking=False):
            return False  # someone is waiting for it right now
        try:
            self._receive_ready(timeout=0.0)
        except KnownError:
            return False
        finally:
            self._lock.release()
        return self._ready

    @property
    def pid(self) -> int | None:
        """The worker's process id (None when not running)."""
        process = self._process
        return process.pid if process is not None else None

    @property
    def load_seconds(self) -> float | None:
        """How long the worker took to load deduce (None before it has)."""
        return self._load_seconds

    def seconds_waited(self) -> float:
        """Seconds since the worker was started (0 when not started)."""
        started = self._started_at
        return 0.0 if started is None else time.monotonic() - started

    # -- starting and stopping ----------------------------------------------------------------
    def start(self, *, low_priority: bool = False) -> None:
        """Start the worker if it is not running; returns at once (loading goes on in it)."""
        with self._lock:
            self._start_locked(low_priority)

    def _start_locked(self, low_priority: bool) -> None:
        if self._process is not None and self._process.is_alive():
            return
        self._discard()
        context = multiprocessing.get_context("spawn")
        parent_end, child_end = context.Pipe(duplex=True)
        process = context.Process(
            target=_child_main,
            args=(child_end, low_priority, self._warm),
            name="vknz-deidentify",
            daemon=True,
        )
        self._stop_requested = False
        self.used = False
        self._started_at = time.monotonic()
        process.start()
        child_end.close()  # only the child holds it now: its death ends our reads
        self._process, self._conn = process, parent_end
        log.info(
            "de-identification worker started (pid %s, low priority %s)", process.pid, low_priority
        )

    def wait_ready(self, progress: Progress | None = None, timeout: float | None = None) -> None:
        """Start the worker if needed and wait until it has loaded; ``progress(seconds)`` is
        called about four times a second meanwhile. Raises :class:`WorkerFailedError` or
        :class:`WorkerStoppedError`."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._lock:
            self._start_locked(low_priority=False)
            while not self._ready:
                if deadline is not None and time.monotonic() > deadline:
                    raise WorkerFailedError("Het anonimiseren start niet op tijd.")
                self._receive_ready(timeout=0.25)
                if not self._ready and progress is not None:
                    progress(self.seconds_waited())

    def stop_if_used(self) -> None:
        """End the worker if it was given any text (at lock): one that only loaded deduce
        holds nothing of the vault and is kept, so the next unlock need not load it again."""
        if self.used:
            self.stop()

    def stop(self) -> None:
        """End the worker now (it holds nothing worth saving). Never waits for a request."""
        self._stop_requested = True
        process = self._process
        if process is None:
            return
        with contextlib.suppress(Exception):
            process.terminate()
            process.join(2.0)
            if process.is_alive():
                process.kill()
                process.join(2.0)
        log.info("de-identification worker stopped")
        if self._lock.acquire(timeout=1.0):
            try:
                if self._process is process:
                    self._discard()
            finally:
                self._lock.release()

    # -- requests -----------------------------------------------------------------------------
    def request(self, kind: str, *args: Any) -> Any:
        """Send one request and wait for its answer (starts and waits for the worker)."""
        with self._lock:
            self._start_locked(low_priority=False)
            while not self._ready:
                self._receive_ready(timeout=0.25)
            conn = self._conn
            assert conn is not None
            self.used = True
            try:
                conn.send((kind, args))
                status, value = conn.recv()
            except (EOFError, OSError) as error:
                raise self._ended() from error
        if status != "ok":
            log.error("de-identification worker could not handle %s: %s", kind, value)
            raise WorkerFailedError(
                "Het anonimiseren is mislukt; er is niets geschreven. Probeer het opnieuw."
            )
        return value

    # -- helpers (with the lock held) ---------------------------------------------------------
    def _receive_ready(self, timeout: float) -> None:
        conn = self._conn
        if conn is None or self._ready:
            return
        try:
            if not conn.poll(timeout):
                return
            status, value = conn.recv()
        except (EOFError, OSError) as error:
            raise self._ended() from error
        if status == "ready":
            self._ready = True
            self._load_seconds = value
            log.info("de-identification worker ready (deduce loaded in %s s)", value)
        else:
            log.error("de-identification worker failed to load: %s", value)
            self._discard()
            raise WorkerFailedError(
                "Het anonimiseren kon niet worden gestart (deduce laadt niet). Zie het logbestand."
            )

    def _ended(self) -> KnownError:
        stopped = self._stop_requested
        self._discard()
        if stopped:
            return WorkerStoppedError("Het anonimiseren is gestopt (de kluis is vergrendeld).")
        log.error("de-identification worker ended unexpectedly")
        return WorkerFailedError(
            "Het anonimiseren is onverwacht gestopt; er is niets geschreven. Probeer het opnieuw."
        )

    def _discard(self) -> None:
        conn, process = self._conn, self._process
        self._conn = self._process = None
        self._ready = False
        if conn is not None:
            with contextlib.suppress(OSError):
                conn.close()
        if process is not None:
            with contextlib.suppress(Exception):
                if process.is_alive():
                    process.kill()
                process.join(2.0)
