"""Thumbnails and waveform in the background, with a fake vault and analyzer (no PyAV): cached
results at once, the rest computed off the GUI thread and cached, and a cancel that keeps
nothing."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from tests.ui.data import recording
from vknz_desktop.domain.derived import (
    THUMBNAILS_KIND,
    WAVEFORM_KIND,
    decode_waveform,
    encode_waveform,
)
from vknz_desktop.domain.models import (
    Recording,
)
from vknz_desktop.domain.ports import Thumbnail
from vknz_desktop.ui.playback.analysis_worker import ANALYSIS_NICE, AnalysisWorker


def _recording(*, video: bool = True) -> Recording:
    return recording("r1", "Oefengesprek", video=video)


def _jpeg() -> bytes:
    image = QImage(16, 9, QImage.Format.Format_RGB32)
    image.fill(QColor("#3a7ca5"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPG")
    return bytes(data.data())


class FakeVault:
    """The derived-media cache of a vault, in memory."""

    def __init__(self) -> None:
        self.derived: dict[tuple[str, str], bytes] = {}
        self.is_open = True

    def derived_media(self, recording_id: str, kind: str) -> bytes | None:
        return self.derived.get((recording_id, kind))

    def store_derived_media(self, recording_id: str, kind: str, data: bytes) -> None:
        self.derived[(recording_id, kind)] = data


class FakeStream:
    def __init__(self) -> None:
        self.closed = False

    def close(self) -> None:
        self.closed = True


class FakeAnalyzer:
    """Waveform and thumbnails at once, or after ``gate`` opens (to test a cancel)."""

    def __init__(self, gate: threading.Event | None = None) -> None:
        self.gate = gate
        self.threads: list[threading.Thread] = []
        self.nice: list[int] = []

    def waveform(self, stream: object, buckets: int, cancelled: Callable[[], bool]) -> list[float]:
        self.threads.append(threading.current_thread())
        if hasattr(os, "getpriority"):
            self.nice.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))
        if self.gate is not None:
            while not self.gate.wait(0.01):
                if cancelled():
                    return []
        return [0.0, 0.5, 1.0]

    def thumbnails(
        self, stream: object, count: int, width: int, cancelled: Callable[[], bool]
    ) -> list[Thumbnail]:
        return [Thumbnail(1000, _jpeg()), Thumbnail(2000, _jpeg())]


@pytest.fixture
def streams() -> list[FakeStream]:
    return []


def _worker(vault: FakeVault, analyzer: FakeAnalyzer, streams: list[FakeStream]) -> AnalysisWorker:
    def open_stream(_recording_id: str) -> FakeStream:
        streams.append(FakeStream())
        return streams[-1]

    return AnalysisWorker(vault, analyzer, open_stream)  # type: ignore[arg-type]


def test_missing_results_are_computed_off_the_gui_thread_and_cached(
    qtbot: QtBot, streams: list[FakeStream]
) -> None:
    vault, analyzer = FakeVault(), FakeAnalyzer()
    worker = _worker(vault, analyzer, streams)
    with (
        qtbot.waitSignal(worker.waveformReady) as wave,
        qtbot.waitSignal(worker.thumbnailsReady) as thumbs,
    ):
        worker.start(_recording())
    assert wave.args == ["r1", [0.0, 0.5, 1.0]]
    assert [ms for ms, _image in thumbs.args[1]] == [1000, 2000]
    assert analyzer.threads and analyzer.threads[0] is not threading.main_thread()
    assert decode_waveform(vault.derived[("r1", WAVEFORM_KIND)]) == pytest.approx(
        [0.0, 0.5, 1.0], abs=0.01
    )
    assert ("r1", THUMBNAILS_KIND) in vault.derived
    qtbot.waitUntil(lambda: not worker.busy)
    assert [s.closed for s in streams] == [True]


def test_cached_results_come_at_once_without_a_thread(
    qtbot: QtBot, streams: list[FakeStream]
) -> None:
    vault = FakeVault()
    vault.store_derived_media("r1", WAVEFORM_KIND, encode_waveform([0.25]))
    worker = _worker(vault, FakeAnalyzer(), streams)
    got: list[list[float]] = []
    worker.waveformReady.connect(lambda _id, peaks: got.append(peaks))
    worker.start(_recording(video=False))  # audio only: no thumbnails wanted
    assert len(got) == 1 and got[0] == pytest.approx([0.25], abs=0.01)
    assert not worker.busy and streams == []


def test_a_cancel_keeps_nothing(qtbot: QtBot, streams: list[FakeStream]) -> None:
    gate = threading.Event()
    vault, analyzer = FakeVault(), FakeAnalyzer(gate)
    worker = _worker(vault, analyzer, streams)
    worker.start(_recording())
    qtbot.waitUntil(lambda: bool(analyzer.threads))
    worker.cancel()  # waits for the thread
    gate.set()
    qtbot.wait(50)
    assert vault.derived == {}
    assert not worker.busy and [s.closed for s in streams] == [True]


@pytest.mark.skipif(sys.platform != "linux", reason="per-thread nice values are Linux's")
def test_the_analysis_runs_at_the_lowest_priority_and_the_gui_thread_keeps_its_own(
    qtbot: QtBot, streams: list[FakeStream]
) -> None:
    before = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    vault, analyzer = FakeVault(), FakeAnalyzer()
    worker = _worker(vault, analyzer, streams)
    with qtbot.waitSignal(worker.waveformReady):
        worker.start(_recording())
    assert analyzer.nice == [ANALYSIS_NICE]
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == before
    qtbot.waitUntil(lambda: not worker.busy)
