"""The de-identification worker process: spawned, low priority, not dumpable, stoppable, and
restarted on the next request after it ended (issue 17: deduce never in the GUI process)."""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from vknz_desktop.export.deid_worker import DeidWorker, WorkerStoppedError


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/status")
    return not (status.exists() and "State:\tZ" in status.read_text())


@pytest.fixture
def light_worker() -> Iterator[DeidWorker]:
    """A worker that loads deduce only when a text needs it (these tests send none)."""
    worker = DeidWorker(warm=False)
    yield worker
    worker.stop()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl and /proc are Linux")
def test_worker_is_spawned_at_low_priority_and_not_dumpable(light_worker: DeidWorker) -> None:
    light_worker.start(low_priority=True)
    light_worker.wait_ready(timeout=60)
    info = light_worker.request("info")
    assert info["pid"] == light_worker.pid != os.getpid()
    assert info["dumpable"] == 0  # prctl(PR_SET_DUMPABLE, 0): no ptrace, no /proc/PID/mem
    assert info["core_limit"] == 0  # and no core dump
    assert info["nice"] >= min(19, os.nice(0) + 10)  # 19 is the lowest priority
    assert info["deduce_imported"] is False  # warm=False: nothing loaded yet
    cmdline = Path(f"/proc/{info['pid']}/cmdline").read_bytes().split(b"\0")
    assert b"--multiprocessing-fork" in cmdline  # a fresh interpreter (spawn), not a fork
    assert any(b"spawn_main" in part for part in cmdline)


def test_stop_ends_the_process_and_the_next_request_starts_a_new_one(
    light_worker: DeidWorker,
) -> None:
    first = light_worker.request("info")["pid"]
    light_worker.stop()
    assert not light_worker.running and not _alive(first)
    second = light_worker.request("info")["pid"]
    assert second != first and _alive(second)


def test_stop_if_used_keeps_a_worker_that_was_given_nothing(light_worker: DeidWorker) -> None:
    """At lock: a worker that only started holds nothing of the vault and is kept (the next
    unlock need not load deduce again); once it was asked anything, the lock ends it."""
    light_worker.start()
    light_worker.wait_ready(timeout=60)
    first = light_worker.pid
    assert first is not None and not light_worker.used
    light_worker.stop_if_used()
    assert light_worker.running and light_worker.pid == first
    light_worker.request("info")
    assert light_worker.used
    light_worker.stop_if_used()
    assert not light_worker.running and not _alive(first)


def test_a_worker_that_died_is_replaced_on_the_next_request(light_worker: DeidWorker) -> None:
    first = light_worker.request("info")["pid"]
    os.kill(first, 9)
    deadline = time.monotonic() + 10
    while _alive(first) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert light_worker.request("info")["pid"] != first


def test_stop_while_someone_waits_for_loading_answers_at_once() -> None:
    """Locking the vault while deduce loads: the waiting caller gets a clear message."""
    worker = DeidWorker()  # loads deduce at once: seconds
    errors: list[BaseException] = []

    def wait() -> None:
        try:
            worker.wait_ready()
        except BaseException as error:
            errors.append(error)

    worker.start()
    waiter = threading.Thread(target=wait)
    waiter.start()
    time.sleep(0.5)
    started = time.monotonic()
    worker.stop()
    waiter.join(10)
    assert not waiter.is_alive()
    assert time.monotonic() - started < 5
    assert len(errors) == 1 and isinstance(errors[0], WorkerStoppedError)
    assert "vergrendeld" in str(errors[0])
    assert not worker.running
