"""BackgroundJob: work on a thread, everything it reports arrives on the GUI thread, in order."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from vknz_desktop.domain.errors import ImportCancelledError, KnownError
from vknz_desktop.ui.common.jobs import BackgroundJob, JobHandle


class Recorder(QObject):
    """Everything a job reported, with the thread it arrived on."""

    def __init__(self, job: BackgroundJob[object]) -> None:
        super().__init__()
        self.events: list[tuple[str, object]] = []
        self.threads: set[threading.Thread] = set()
        job.progressed.connect(lambda done, total: self._add("progress", (done, total)))
        job.published.connect(lambda value: self._add("published", value))
        job.succeeded.connect(lambda result: self._add("succeeded", result))
        job.failed.connect(lambda error: self._add("failed", error))
        job.finished.connect(lambda: self._add("finished", None))

    def _add(self, kind: str, value: object) -> None:
        self.threads.add(threading.current_thread())
        self.events.append((kind, value))

    def kinds(self) -> list[str]:
        return [kind for kind, _value in self.events]


def test_progress_partial_results_and_the_result_arrive_in_order_on_the_gui_thread(
    qtbot: QtBot,
) -> None:
    ran_on: list[threading.Thread] = []

    def work(handle: JobHandle) -> str:
        ran_on.append(threading.current_thread())
        for done in range(0, 10_001):
            handle.progress(done, 10_000)  # 10 001 calls, 1 001 distinct per-mille steps
        handle.publish("helft")
        return "klaar"

    job: BackgroundJob[str] = BackgroundJob(work, name="test-job")
    recorder = Recorder(job)  # type: ignore[arg-type]
    with qtbot.waitSignal(job.finished, timeout=10_000):
        job.start()
    progress = [value for kind, value in recorder.events if kind == "progress"]
    assert len(progress) == 1001 and progress[-1] == (10_000, 10_000)
    assert recorder.kinds()[-3:] == ["published", "succeeded", "finished"]
    assert recorder.events[-2] == ("succeeded", "klaar")
    assert ran_on[0] is not threading.main_thread()
    assert recorder.threads == {threading.main_thread()}
    assert not job.running and job.wait(0)


def test_an_error_is_handed_over_not_raised_in_the_thread(qtbot: QtBot) -> None:
    def work(_handle: JobHandle) -> None:
        raise KnownError("De schijf is vol.")

    job: BackgroundJob[None] = BackgroundJob(work, name="test-job")
    recorder = Recorder(job)  # type: ignore[arg-type]
    with qtbot.waitSignal(job.finished, timeout=10_000):
        job.start()
    assert recorder.kinds() == ["failed", "finished"]
    error = recorder.events[0][1]
    assert isinstance(error, KnownError) and error.message == "De schijf is vol."


def test_cancel_reaches_the_work_through_its_token(qtbot: QtBot) -> None:
    started = threading.Event()

    def work(handle: JobHandle) -> None:
        started.set()
        while not handle.cancelled:
            threading.Event().wait(0.005)
        raise ImportCancelledError("afgebroken")

    job: BackgroundJob[None] = BackgroundJob(work, name="test-job")
    recorder = Recorder(job)  # type: ignore[arg-type]
    job.start()
    assert started.wait(5)
    assert job.running and not job.cancelled
    with qtbot.waitSignal(job.finished, timeout=10_000):
        job.cancel()
    assert job.cancelled
    assert isinstance(recorder.events[0][1], ImportCancelledError)


def test_shutdown_waits_and_delivers_at_once_without_an_event_loop() -> None:
    release = threading.Event()

    def work(handle: JobHandle) -> int:
        while not handle.cancelled:
            release.wait(0.005)
        return 7

    job: BackgroundJob[int] = BackgroundJob(work, name="test-job")
    recorder = Recorder(job)  # type: ignore[arg-type]
    job.start()
    assert job.shutdown(timeout_s=5)
    assert recorder.kinds() == ["succeeded", "finished"]  # no event loop ran
    assert not job.running
    assert not any(t.name == "test-job" for t in threading.enumerate())


def test_a_job_runs_once() -> None:
    job: BackgroundJob[None] = BackgroundJob(lambda _handle: None, name="test-job")
    job.start()
    assert job.shutdown(5)
    with pytest.raises(RuntimeError):
        job.start()


def test_work_outliving_its_job_object_does_not_crash(qtbot: QtBot) -> None:
    go_on = threading.Event()
    finished = threading.Event()

    def work(handle: JobHandle) -> None:
        go_on.wait(5)
        handle.progress(1, 2)
        handle.publish("te laat")
        finished.set()

    parent = QObject()
    job: BackgroundJob[None] = BackgroundJob(work, name="test-job", parent=parent)
    job.start()
    thread = next(t for t in threading.enumerate() if t.name == "test-job")
    parent.deleteLater()
    qtbot.waitUntil(lambda: not _alive(parent), timeout=5000)
    go_on.set()
    thread.join(5)
    assert finished.is_set() and not thread.is_alive()


def _alive(obj: QObject) -> bool:
    try:
        obj.objectName()
    except RuntimeError:
        return False
    return True
