"""Paused pictures as the workspace paints them: through the app's ``PlayerController``.

``bench_playback`` times PyAV's exact frames on their own; here the same kind of 1080p30 H.264
recording (a keyframe every 2 s, frame numbers drawn in; ``bench_playback.make_video``) is
opened from a vault in the player controller the workspace uses (libVLC silent, PyAV for the
paused picture, Qt's event loop offscreen), and each figure is the time from the command to
the ``frameReady`` signal that paints the picture, with the picture's number checked against
the clock (a wrong picture is counted, goal 0). Measured, paused:

1. seek → painted picture, to random places (fixed seed). Goal p90 ≤ 150 ms.
2. one frame back (",") and one frame forward (".") in runs of 20 from random places.
   Goals p90 ≤ 150 ms back, ≤ 50 ms forward.

Baseline, in the same run: ``PyAvAnalyzer.exact_frame`` / ``exact_step`` called directly on a
vault stream for the same places (what the controller adds is the ratio: its worker thread,
the queued signal, the QImage). Nothing here asserts on time.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from bench.bench_playback import BITRATE, FPS, HEIGHT, WIDTH, frame_number, make_video
from bench.common import MiB, import_recording, new_vault, percentile, ratio, scratch_dir, warm
from vknz_desktop.domain.ports import VideoFrame
from vknz_desktop.media.analysis import PyAvAnalyzer
from vknz_desktop.media.vlc_player import TEST_ARGS, VlcEngine, VlcPlayer
from vknz_desktop.storage.media_store import media_path
from vknz_desktop.ui.playback.player_controller import PlayerController, picture_time

NAME = "paused_ui"
SEED = 20261128
GOAL_SEEK_P90_MS = 150.0
GOAL_BACK_P90_MS = 150.0
GOAL_FORWARD_P90_MS = 50.0
STEPS_PER_RUN = 20
TIMEOUT_S = 10.0


def video_seconds(quick: bool) -> int:
    return 20 if quick else 60


def disk_needed(quick: bool) -> int:
    return 3 * video_seconds(quick) * BITRATE // 8 + 32 * MiB


def run(base: Path, quick: bool) -> dict[str, Any]:
    app = QApplication.instance() or QApplication([])
    del app
    seconds = video_seconds(quick)
    count = 20 if quick else 60
    with scratch_dir(base, NAME) as work:
        source = work / "video.mp4"
        make_video(source, seconds)
        vault = new_vault(work / "vault")
        try:
            recording = import_recording(vault, source)
            warm(media_path(vault.media_dir, recording.id))
            rng = random.Random(SEED)
            length = seconds * 1000
            targets = [rng.randrange(0, length - 1000) for _ in range(count)]
            starts = [rng.randrange(2000, length - 4000) for _ in range(max(3, count // 20))]
            result: dict[str, Any] = {
                "video": {"width": WIDTH, "height": HEIGHT, "fps": FPS, "seconds": seconds},
                "seeks": count,
                "step_runs": len(starts),
                "steps_per_run": STEPS_PER_RUN,
            }
            result["direct"] = _direct(lambda: vault.open_media(recording.id), targets, starts)
            engine = VlcEngine(TEST_ARGS)
            try:
                result["controller"] = _through_controller(
                    engine, recording, lambda: vault.open_media(recording.id), targets, starts
                )
            finally:
                engine.release()
        finally:
            vault.close()
    _add_ratios(result)
    _print(result)
    return result


def _summary(seconds: list[float]) -> dict[str, float]:
    ms = [s * 1000 for s in seconds]
    return {
        "p50_ms": round(percentile(ms, 50), 1),
        "p90_ms": round(percentile(ms, 90), 1),
        "max_ms": round(max(ms), 1),
    }


def _frame_at(position_ms: int) -> int:
    return position_ms * FPS // 1000


def _direct(
    open_stream: Callable[[], Any], targets: list[int], starts: list[int]
) -> dict[str, Any]:
    """The baseline: PyAV's exact pictures without the controller, Qt or a thread hop."""
    analyzer = PyAvAnalyzer()
    stream = open_stream()
    seek: list[float] = []
    back: list[float] = []
    forward: list[float] = []
    try:
        analyzer.exact_frame(stream, 0)
        for target in targets:
            started = time.perf_counter()
            analyzer.exact_frame(stream, target)
            seek.append(time.perf_counter() - started)
        for begin in starts:
            analyzer.exact_frame(stream, begin)
            for times, frames in ((back, -1), (forward, 1)):
                position = begin
                for _ in range(STEPS_PER_RUN):
                    started = time.perf_counter()
                    _frame, position = analyzer.exact_step(stream, position, frames)
                    times.append(time.perf_counter() - started)
    finally:
        analyzer.close_stream(stream)
        stream.close()
    return {"seek": _summary(seek), "back": _summary(back), "forward": _summary(forward)}


class _Painted:
    """Waits for the next picture the controller hands to the workspace."""

    def __init__(self, controller: PlayerController) -> None:
        self.images: list[tuple[float, QImage]] = []
        controller.frameReady.connect(
            lambda image: self.images.append((time.perf_counter(), image))
        )

    def after(self, started: float, wanted_time: Callable[[], int]) -> tuple[float, bool]:
        """Seconds until a picture of ``wanted_time()`` is painted; whether its number is
        the frame at that time (False: a wrong picture, or none within the timeout)."""
        deadline = time.monotonic() + TIMEOUT_S
        while time.monotonic() < deadline:
            QCoreApplication.processEvents()
            for moment, image in self.images:
                if moment >= started and picture_time(image) == wanted_time():
                    number = frame_number(_as_frame(image))
                    self.images.clear()
                    return moment - started, number == _frame_at(wanted_time())
            time.sleep(0.0005)
        self.images.clear()
        return TIMEOUT_S, False


def _as_frame(image: QImage) -> VideoFrame:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    data = bytes(image.constBits())  # type: ignore[call-overload]
    return VideoFrame(image.width(), image.height(), image.bytesPerLine(), data)


def _through_controller(
    engine: VlcEngine,
    recording: Any,
    open_stream: Callable[[], Any],
    targets: list[int],
    starts: list[int],
) -> dict[str, Any]:
    controller = PlayerController(VlcPlayer(engine), PyAvAnalyzer())
    painted = _Painted(controller)
    seek: list[float] = []
    back: list[float] = []
    forward: list[float] = []
    wrong = 0
    try:
        started = time.perf_counter()
        controller.open(recording, open_stream)
        first, right = painted.after(started, controller.position_ms)
        wrong += not right
        for target in targets:
            started = time.perf_counter()
            controller.seek(target)
            took, right = painted.after(started, controller.position_ms)
            seek.append(took)
            wrong += not right
        for begin in starts:
            controller.seek(begin)
            painted.after(time.perf_counter(), controller.position_ms)
            for times, frames in ((back, -1), (forward, 1)):
                for _ in range(STEPS_PER_RUN):
                    started = time.perf_counter()
                    controller.frame_step(frames)
                    took, right = painted.after(started, controller.position_ms)
                    times.append(took)
                    wrong += not right
    finally:
        controller.shutdown()
    return {
        "open_first_picture_ms": round(first * 1000, 1),
        "seek": _summary(seek),
        "back": _summary(back),
        "forward": _summary(forward),
        "wrong_pictures": wrong,
    }


def _add_ratios(result: dict[str, Any]) -> None:
    ui, direct = result["controller"], result["direct"]
    for kind in ("seek", "back", "forward"):
        result[f"ratio_{kind}_p90"] = ratio(ui[kind]["p90_ms"], direct[kind]["p90_ms"])
    result["goal_met"] = {
        "seek": ui["seek"]["p90_ms"] <= GOAL_SEEK_P90_MS,
        "back": ui["back"]["p90_ms"] <= GOAL_BACK_P90_MS,
        "forward": ui["forward"]["p90_ms"] <= GOAL_FORWARD_P90_MS,
        "no_wrong_pictures": ui["wrong_pictures"] == 0,
    }


def _print(result: dict[str, Any]) -> None:
    video = result["video"]
    print(
        f"\n== paused pictures through the app's player controller "
        f"({video['width']}x{video['height']} {video['fps']} fps, {video['seconds']} s)"
    )
    ui, direct = result["controller"], result["direct"]
    print(f"  open -> first picture painted: {ui['open_first_picture_ms']} ms")
    for kind, goal in (
        ("seek", GOAL_SEEK_P90_MS),
        ("back", GOAL_BACK_P90_MS),
        ("forward", GOAL_FORWARD_P90_MS),
    ):
        print(
            f"  {kind:7} p50 {ui[kind]['p50_ms']:6.1f} ms  p90 {ui[kind]['p90_ms']:6.1f} ms"
            f"  (PyAV alone p90 {direct[kind]['p90_ms']:6.1f} ms, ratio"
            f" {result[f'ratio_{kind}_p90']}; goal p90 <= {goal:.0f} ms)"
        )
    print(f"  wrong pictures: {ui['wrong_pictures']} (goal 0); goals met: {result['goal_met']}")
