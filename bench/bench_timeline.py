"""Paint cost of the review timeline with thousands of observations.

Builds a 1600×160 TimelineWidget offscreen for a 2-hour recording with thumbnails and a waveform
and times ``widget.render(image)`` (that is: paintEvent) in these cases, 200 times each:

* ``full``: the cached layers are rebuilt every time, as after a zoom, pan or resize (the view
  is moved a little before each render);
* ``cached``: nothing changed, the cached scene is only blitted (any other repaint);
* ``playhead``: the playhead moves and only its old and new bands are repainted, as 30×/s
  during playback.

Figures are p50/p95 in milliseconds and ratios against the 0-marker baseline measured in the same
run. The goal is p95 < 8 ms with 5,000 observations; nothing here asserts on time.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_timeline.py [--quick]``
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import ctypes
import gc
import math
import statistics
import sys
import time
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage, QPainter, QRegion
from PySide6.QtWidgets import QApplication

from vknz_desktop.ui.workspace.timeline.widget import TimelineClip, TimelineMarker, TimelineWidget

WIDTH, HEIGHT = 1600, 160
DURATION = 2 * 60 * 60 * 1000
MARKERS = 5_000
COLOURS = ["#E07A5F", "#3D9970", "#4A69BD", "#F2C14E", "#9B59B6", "#17A2B8"]


def pyside_drops_none_references() -> bool:
    """True where PySide6 loses a reference to None on each call of a void method.

    Seen with PySide6-Essentials 6.12.0 (abi3 wheel) on Python 3.11 (not with 6.11.3 on 3.11,
    nor with 6.12.0 on 3.12, where None is immortal): after a few thousand such calls None's
    reference count reaches zero and the interpreter aborts with "none_dealloc".
    """
    rect = QRect()
    before = sys.getrefcount(None)
    for _ in range(100):
        rect.setWidth(1)
    return sys.getrefcount(None) < before - 50


def _reserve_none_references(count: int) -> None:
    """Hold ``count`` extra references to None for the rest of the process (a workaround).

    The list is leaked on purpose: freeing it at exit would hand the lost references back.
    """
    reserve = [None] * count
    ctypes.pythonapi.Py_IncRef(ctypes.py_object(reserve))


def _thumbnails(every_ms: int) -> list[tuple[int, QImage]]:
    result = []
    for i, t in enumerate(range(0, DURATION, every_ms)):
        image = QImage(160, 90, QImage.Format.Format_RGB32)
        image.fill(QColor.fromHsv((i * 23) % 360, 110, 170))
        painter = QPainter(image)
        painter.fillRect(QRect(50, 20, 60, 50), QColor.fromHsv((i * 23 + 180) % 360, 90, 220))
        painter.end()
        result.append((t, image))
    return result


def _markers(count: int) -> list[TimelineMarker]:
    rng = np.random.default_rng(2024)
    times = rng.integers(0, DURATION, count)
    return [
        TimelineMarker(f"m{i}", int(t), COLOURS[i % len(COLOURS)], f"Observatie {i}\nToelichting")
        for i, t in enumerate(times)
    ]


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p50 = statistics.median(ordered)
    p95 = ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]
    return p50 * 1000, p95 * 1000


def _time(reps: int, before: Callable[[int], QRegion | None], image: QImage, widget) -> list[float]:
    """Seconds per render; the garbage collector is paused while timing, as timeit does."""
    samples = []
    gc.collect()
    gc.disable()
    try:
        for i in range(reps):
            region = before(i)
            started = time.perf_counter()
            if region is None:
                widget.render(image)
            else:
                widget.render(image, QPoint(0, 0), region)
            samples.append(time.perf_counter() - started)
    finally:
        gc.enable()
    return samples


def run(quick: bool = False) -> dict:
    """Measure and print; returns {case: {"p50_ms", "p95_ms", "ratio_p50", "ratio_p95"}}."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    reps = 20 if quick else 200
    if pyside_drops_none_references():
        print(
            "WARNING: this PySide6 drops a reference to None on every void call "
            "(PySide6 6.12.0 on Python 3.11); holding a reserve so the benchmark can finish."
        )
        _reserve_none_references(4_000_000)

    widget = TimelineWidget()
    widget.resize(WIDTH, HEIGHT)
    widget.set_duration(DURATION)
    widget.set_thumbnails(_thumbnails(10_000))
    rng = np.random.default_rng(7)
    widget.set_waveform(rng.random(DURATION // 50).astype(np.float32) ** 2)
    widget.set_clips(
        [
            TimelineClip(f"c{i}", i * 600_000, i * 600_000 + 90_000, COLOURS[i % 6], f"Clip {i}")
            for i in range(12)
        ]
    )
    widget.show()
    app.processEvents()
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)

    minute_start = 3_000_000

    def whole_view(i: int) -> None:
        # Alternate between two (practically) whole views so the layers must be rebuilt.
        widget.set_view(0, DURATION - (i % 2) * 1_000)

    def one_minute(i: int) -> None:
        start = minute_start + (i % 50) * 1_000  # panning one second at a time
        widget.set_view(start, start + 60_000)

    def rebuilt(set_view: Callable[[int], None]) -> Callable[[int], QRegion | None]:
        def before(i: int) -> None:
            set_view(i)

        return before

    def cached(set_view: Callable[[int], None]) -> Callable[[int], QRegion | None]:
        set_view(0)
        widget.render(image)  # warm the cache

        def before(_i: int) -> None:
            return None

        return before

    def playhead(set_view: Callable[[int], None]) -> Callable[[int], QRegion | None]:
        set_view(0)
        widget.render(image)
        start, end = widget.view_range()
        step = max((end - start) // reps, 1)
        widget.set_position(start)

        def before(i: int) -> QRegion:
            old_x = widget.time_to_x(widget.position())
            widget.set_position(start + (i + 1) * step)
            new_x = widget.time_to_x(widget.position())
            region = QRegion()
            for x in (old_x, new_x):
                region = region.united(QRect(math.floor(x) - 7, 0, 16, HEIGHT))
            return region

        return before

    cases: list[tuple[str, int, Callable[[int], None], str]] = [
        ("baseline, 0 markers, whole view", 0, whole_view, "full"),
        ("baseline, 0 markers, whole view", 0, whole_view, "cached"),
        ("baseline, 0 markers, whole view", 0, whole_view, "playhead"),
        ("5,000 markers, whole view", MARKERS, whole_view, "full"),
        ("5,000 markers, whole view", MARKERS, whole_view, "cached"),
        ("5,000 markers, whole view", MARKERS, whole_view, "playhead"),
        ("5,000 markers, 1 minute view", MARKERS, one_minute, "full"),
        ("5,000 markers, 1 minute view", MARKERS, one_minute, "cached"),
        ("5,000 markers, 1 minute view", MARKERS, one_minute, "playhead"),
    ]
    modes = {"full": rebuilt, "cached": cached, "playhead": playhead}
    markers = _markers(MARKERS)

    results: dict[str, dict[str, float]] = {}
    baseline: dict[str, tuple[float, float]] = {}
    print(f"TimelineWidget {WIDTH}×{HEIGHT}, 2-hour recording, {reps} renders per case")
    print(
        f"{'case':<34} {'mode':<9} {'p50 ms':>8} {'p95 ms':>8} {'×base p50':>10} {'×base p95':>10}"
    )
    for name, count, set_view, mode in cases:
        widget.set_markers(markers[:count])
        widget.set_position(0)
        samples = _time(reps, modes[mode](set_view), image, widget)
        p50, p95 = _percentiles(samples)
        if count == 0:
            baseline[mode] = (p50, p95)
        base50, base95 = baseline[mode]
        results[f"{name} [{mode}]"] = {
            "p50_ms": round(p50, 3),
            "p95_ms": round(p95, 3),
            "ratio_p50": round(p50 / base50, 2),
            "ratio_p95": round(p95 / base95, 2),
        }
        print(
            f"{name:<34} {mode:<9} {p50:8.3f} {p95:8.3f} {p50 / base50:10.2f} {p95 / base95:10.2f}"
        )
    widget.close()
    widget.deleteLater()
    app.processEvents()
    return results


if __name__ == "__main__":
    run(quick="--quick" in sys.argv[1:])
