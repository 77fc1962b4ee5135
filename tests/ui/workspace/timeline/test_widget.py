"""The review timeline: seeking, zooming, markers, clip handles, clearing on lock."""

from __future__ import annotations

import ctypes
import itertools
import sys

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QHelpEvent, QImage, QWheelEvent
from PySide6.QtWidgets import QApplication, QToolTip

from tests.ui.workspace.reading import shown_as
from vknz_desktop.ui.workspace.timeline.widget import (
    MIN_SPAN_MS,
    TimelineClip,
    TimelineMarker,
    TimelineWidget,
)

DURATION = 100_000  # 100 s over ~1000 px: about 100 ms per pixel
MARKER_COLOUR = "#12AB34"


def pyside_drops_none_references() -> bool:
    """PySide6-Essentials 6.12.0 on Python 3.11 loses a reference to None per void call.

    After a few thousand calls (one paint of a busy timeline) None's count reaches zero and the
    interpreter aborts with "none_dealloc". 6.11.3 on 3.11 and 6.12.0 on 3.12 are fine.
    """
    rect = QRect()
    before = sys.getrefcount(None)
    for _ in range(100):
        rect.setWidth(1)
    return sys.getrefcount(None) < before - 50


PYSIDE_DROPS_NONE = pyside_drops_none_references()


@pytest.fixture(autouse=True, scope="module")
def _none_reserve():
    """On the broken binding, hold spare references to None so these tests finish (and
    test_pyside_keeps_its_references_to_none reports the problem instead of an abort).

    Leaked on purpose: freeing them would hand the lost references back.
    """
    if PYSIDE_DROPS_NONE:
        ctypes.pythonapi.Py_IncRef(ctypes.py_object([None] * 300_000))
    yield


def test_pyside_keeps_its_references_to_none():
    # pyproject pins PySide6-Essentials below 6.12 for this; this guards the pin.
    assert not pyside_drops_none_references(), (
        "this PySide6 drops a reference to None on every void call (6.12.0 on Python 3.11): "
        "the app aborts after a few thousand paint calls; use PySide6<6.12 or Python>=3.12"
    )


@pytest.fixture
def timeline(qtbot):
    widget = TimelineWidget()
    qtbot.addWidget(widget)
    widget.resize(1016, 150)
    widget.set_duration(DURATION)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def ms_per_px(widget: TimelineWidget) -> float:
    start, end = widget.view_range()
    return (end - start) / (widget.time_to_x(end) - widget.time_to_x(start))


def point_in(widget: TimelineWidget, lane: str, ms: float) -> QPoint:
    rect = widget.lane_rect(lane)
    return QPoint(round(widget.time_to_x(ms)), rect.center().y())


def wheel(widget: TimelineWidget, x: float, dy: int = 0, dx: int = 0, shift: bool = False) -> None:
    pos = QPointF(x, widget.height() / 2)
    modifiers = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    event = QWheelEvent(
        pos,
        QPointF(widget.mapToGlobal(pos.toPoint())),
        QPoint(0, 0),
        QPoint(dx, dy),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def colour_count(image: QImage, colour: str) -> int:
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    ptr = rgb.constBits()
    pixels = np.frombuffer(ptr, dtype=np.uint32, count=rgb.sizeInBytes() // 4)
    wanted = QColor(colour).rgb() & 0xFFFFFFFF
    return int(np.count_nonzero(pixels == np.uint32(wanted)))


# ---------------------------------------------------------------- seeking


def test_click_seeks_to_the_time_under_the_pointer(timeline, qtbot):
    left, right = timeline.time_to_x(0), timeline.time_to_x(DURATION)
    x = round(left + 0.25 * (right - left))
    expected = DURATION * (x - left) / (right - left)
    with qtbot.waitSignal(timeline.seekRequested) as blocker:
        qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(x, 8))
    assert abs(blocker.args[0] - expected) <= ms_per_px(timeline)
    assert abs(blocker.args[0] - 25_000) <= ms_per_px(timeline)
    assert timeline.position() == blocker.args[0]


def test_drag_scrubs_monotonically(timeline, qtbot):
    seen: list[int] = []
    timeline.seekRequested.connect(seen.append)
    y = timeline.lane_rect("ruler").center().y()
    qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, pos=QPoint(100, y))
    for x in range(110, 801, 10):
        qtbot.mouseMove(timeline, QPoint(x, y))
    qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, pos=QPoint(800, y))
    assert len(seen) >= 50
    assert all(b > a for a, b in itertools.pairwise(seen))
    assert abs(seen[0] - timeline.x_to_time(100)) <= ms_per_px(timeline)
    assert abs(seen[-1] - timeline.x_to_time(800)) <= ms_per_px(timeline)


def test_escape_during_scrub_goes_back(timeline, qtbot):
    timeline.set_position(10_000)
    seen: list[int] = []
    timeline.seekRequested.connect(seen.append)
    qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, pos=QPoint(500, 8))
    qtbot.mouseMove(timeline, QPoint(600, 8))
    qtbot.keyClick(timeline, Qt.Key.Key_Escape)
    qtbot.mouseMove(timeline, QPoint(700, 8))
    qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, pos=QPoint(700, 8))
    assert seen[-1] == 10_000
    assert timeline.position() == 10_000


# ---------------------------------------------------------------- zooming and panning


def test_wheel_zooms_around_the_pointer(timeline, qtbot):
    x = 300.0
    under_pointer = timeline.x_to_time(x)
    before = timeline.view_range()
    with qtbot.waitSignal(timeline.viewChanged):
        wheel(timeline, x, dy=120)
    after = timeline.view_range()
    assert after[1] - after[0] < before[1] - before[0]
    assert abs(timeline.time_to_x(under_pointer) - x) <= 1.0
    for _ in range(5):
        wheel(timeline, x, dy=240)
    assert abs(timeline.time_to_x(under_pointer) - x) <= 1.0
    wheel(timeline, x, dy=-120)
    assert abs(timeline.time_to_x(under_pointer) - x) <= 1.0


def test_zoom_limits(timeline):
    for _ in range(60):
        timeline.zoom(2.0, 50_000)
    start, end = timeline.view_range()
    assert end - start == MIN_SPAN_MS
    assert start <= 50_000 <= end
    for _ in range(60):
        timeline.zoom(0.5, 50_000)
    assert timeline.view_range() == (0, DURATION)
    timeline.set_view(-5_000, 500_000)
    assert timeline.view_range() == (0, DURATION)
    timeline.set_view(40_000, 40_010)
    start, end = timeline.view_range()
    assert end - start == MIN_SPAN_MS


def test_shift_wheel_pans(timeline):
    timeline.set_view(40_000, 50_000)
    wheel(timeline, 500, dy=-120, shift=True)
    start, end = timeline.view_range()
    assert start > 40_000
    assert end - start == 10_000
    wheel(timeline, 500, dx=120)
    assert timeline.view_range()[0] < start


def test_keys_zoom_around_the_playhead_and_fit(timeline, qtbot):
    timeline.set_position(30_000)
    x = timeline.time_to_x(30_000)
    timeline.setFocus()
    qtbot.keyClick(timeline, Qt.Key.Key_Plus)
    start, end = timeline.view_range()
    assert end - start < DURATION
    assert abs(timeline.time_to_x(30_000) - x) <= 1.0
    qtbot.keyClick(timeline, Qt.Key.Key_Minus)
    qtbot.keyClick(timeline, Qt.Key.Key_Plus)
    qtbot.keyClick(timeline, Qt.Key.Key_0)
    assert timeline.view_range() == (0, DURATION)


# ---------------------------------------------------------------- markers


def test_clicking_a_marker_activates_it(timeline, qtbot):
    timeline.set_markers(
        [
            TimelineMarker("a", 20_000, MARKER_COLOUR, "Eerste"),
            TimelineMarker("b", 40_000, "#3366CC", "Kind kijkt op\nen lacht"),
        ]
    )
    seeks: list[int] = []
    timeline.seekRequested.connect(seeks.append)
    with qtbot.waitSignal(timeline.markerActivated) as blocker:
        qtbot.mouseClick(
            timeline, Qt.MouseButton.LeftButton, pos=point_in(timeline, "markers", 40_200)
        )
    assert blocker.args == ["b"]
    assert seeks == [40_000]
    assert timeline.selected_marker() == "b"


# The offscreen platform cannot raise the tooltip window and says so; nothing else may warn.
@pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)")
def test_hovering_a_marker_shows_its_first_line(timeline, qtbot):
    timeline.set_markers([TimelineMarker("b", 40_000, "#3366CC", "Kind kijkt op\nen lacht")])
    pos = point_in(timeline, "markers", 40_000)
    qtbot.mouseMove(timeline, pos)
    assert timeline.cursor().shape() == Qt.CursorShape.PointingHandCursor
    QApplication.sendEvent(
        timeline, QHelpEvent(QHelpEvent.Type.ToolTip, pos, timeline.mapToGlobal(pos))
    )
    assert shown_as(QToolTip.text()) == "Kind kijkt op"
    QToolTip.hideText()
    qtbot.mouseMove(timeline, point_in(timeline, "markers", 80_000))
    assert timeline.cursor().shape() == Qt.CursorShape.ArrowCursor


def test_many_markers_paint(timeline):
    rng = np.random.default_rng(7)
    colours = ["#E07A5F", "#3D9970", MARKER_COLOUR]
    timeline.set_markers(
        [
            TimelineMarker(f"m{i}", int(t), colours[i % 3], f"Observatie {i}")
            for i, t in enumerate(rng.integers(0, DURATION, 5_000))
        ]
    )
    image = timeline.grab().toImage()
    assert colour_count(image, MARKER_COLOUR) > 0
    timeline.set_view(10_000, 11_000)
    assert colour_count(timeline.grab().toImage(), MARKER_COLOUR) > 0


# ---------------------------------------------------------------- clips


@pytest.fixture
def with_clip(timeline):
    timeline.set_clips([TimelineClip("c1", 20_000, 30_000, "#AA5500", "Samen lezen")])
    return timeline


def test_dragging_a_clip_end_handle_changes_the_clip(with_clip, qtbot):
    timeline = with_clip
    y = timeline.lane_rect("clips").center().y()
    start = QPoint(round(timeline.time_to_x(30_000)), y)
    target = QPoint(round(timeline.time_to_x(45_000)), y)
    qtbot.mouseMove(timeline, start)
    assert timeline.cursor().shape() == Qt.CursorShape.SizeHorCursor
    with qtbot.waitSignal(timeline.clipChanged) as blocker:
        qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, pos=start)
        qtbot.mouseMove(timeline, QPoint((start.x() + target.x()) // 2, y))
        qtbot.mouseMove(timeline, target)
        qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, pos=target)
    clip_id, new_start, new_end = blocker.args
    assert (clip_id, new_start) == ("c1", 20_000)
    assert abs(new_end - 45_000) <= 2 * ms_per_px(timeline)
    assert timeline.clips()[0].end_ms == new_end


def test_clip_handles_are_clamped(with_clip, qtbot):
    timeline = with_clip
    y = timeline.lane_rect("clips").center().y()
    changes: list[tuple[str, int, int]] = []
    timeline.clipChanged.connect(lambda *args: changes.append(args))
    # The end handle dragged past the end of the recording stops at the duration.
    end = QPoint(round(timeline.time_to_x(30_000)), y)
    qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, pos=end)
    qtbot.mouseMove(timeline, QPoint(timeline.width() + 50, y))
    qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, pos=QPoint(timeline.width() + 50, y))
    assert changes[-1] == ("c1", 20_000, DURATION)
    # The start handle dragged past the end keeps the minimum length.
    begin = QPoint(round(timeline.time_to_x(20_000)), y)
    qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, pos=begin)
    qtbot.mouseMove(timeline, QPoint(timeline.width() + 50, y))
    qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, pos=QPoint(timeline.width() + 50, y))
    assert changes[-1] == ("c1", DURATION - 100, DURATION)


def test_escape_cancels_a_clip_drag(with_clip, qtbot):
    timeline = with_clip
    y = timeline.lane_rect("clips").center().y()
    changes: list[tuple[str, int, int]] = []
    timeline.clipChanged.connect(lambda *args: changes.append(args))
    start = QPoint(round(timeline.time_to_x(30_000)), y)
    qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(timeline, QPoint(start.x() + 200, y))
    qtbot.keyClick(timeline, Qt.Key.Key_Escape)
    qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, pos=QPoint(start.x() + 200, y))
    assert changes == []
    assert (timeline.clips()[0].start_ms, timeline.clips()[0].end_ms) == (20_000, 30_000)


# ---------------------------------------------------------------- locking


def test_clear_paints_nothing_of_the_recording(timeline, qtbot):
    timeline.set_markers(
        [TimelineMarker(f"m{i}", i * 1_000, MARKER_COLOUR, "Geheim") for i in range(1, 99)]
    )
    timeline.set_clips([TimelineClip("c1", 5_000, 9_000, MARKER_COLOUR, "Geheim")])
    timeline.set_waveform(np.linspace(0, 1, 500))
    thumbnail = QImage(160, 90, QImage.Format.Format_RGB32)
    thumbnail.fill(QColor(MARKER_COLOUR))
    timeline.set_thumbnails([(0, thumbnail), (50_000, thumbnail)])
    timeline.set_selected_marker("m5")
    timeline.set_position(5_000)
    assert colour_count(timeline.grab().toImage(), MARKER_COLOUR) > 0

    timeline.clear()
    assert colour_count(timeline.grab().toImage(), MARKER_COLOUR) == 0
    assert timeline.markers() == []
    assert timeline.clips() == []
    assert timeline.duration() == 0
    assert timeline.selected_marker() is None
    # Input after clear() asks for nothing.
    seen: list[int] = []
    timeline.seekRequested.connect(seen.append)
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(300, 8))
    assert seen == []


def test_accessible_name(timeline):
    assert timeline.accessibleName() == "Tijdlijn"
    assert timeline.sizeHint().height() == 150


# -- following the playhead, rows of clips, capped tooltips, the zoom bar ---------------------
def test_a_zoomed_view_follows_the_playhead(timeline):
    timeline.set_view(10_000, 20_000)
    timeline.set_position(15_000)
    assert timeline.view_range() == (10_000, 20_000), "in view: the view stays"
    timeline.set_position(20_500)  # played past the right edge: the next page
    start, end = timeline.view_range()
    assert start <= 20_500 <= end and end - start == 10_000
    assert 20_500 - start <= 0.15 * 10_000, "the playhead near the left of the new page"
    timeline.set_position(70_000)  # a jump: the playhead in the middle
    start, end = timeline.view_range()
    assert start < 70_000 < end and abs((start + end) / 2 - 70_000) <= 1
    timeline.zoom_to_fit()
    timeline.set_position(90_000)
    assert timeline.view_range() == (0, DURATION), "the whole recording: nothing to follow"


def test_scrolling_by_hand_pauses_the_following(timeline, qtbot):
    timeline.set_view(10_000, 20_000)
    centre = QPointF(timeline.width() / 2, timeline.height() / 2)
    event = QWheelEvent(
        centre,
        timeline.mapToGlobal(centre),
        QPoint(),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ShiftModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(timeline, event)
    looked_at = timeline.view_range()
    assert not timeline.following
    timeline.set_position(80_000)
    assert timeline.view_range() == looked_at, "the user is looking elsewhere"


def test_overlapping_clips_get_rows_of_their_own(timeline):
    timeline.set_clips(
        [
            TimelineClip("a", 10_000, 30_000, "#3D7CC9", "Begroeting"),
            TimelineClip("b", 20_000, 40_000, "#3D7CC9", "Vraag"),
            TimelineClip("c", 30_000, 35_000, "#3D7CC9", "Na a"),
            TimelineClip("d", 50_000, 60_000, "#3D7CC9", "Los"),
        ]
    )
    assert timeline.clip_row_count() == 2
    rows = {c: timeline.clip_row(c) for c in "abcd"}
    assert rows["a"] != rows["b"], "a and b overlap"
    assert rows["c"] == rows["a"], "c starts where a ends: the same row"
    assert rows["d"] == 0
    lane = timeline.lane_rect("clips")
    # a click on b's row between 20 and 30 s finds b's handle at 20 s, not a's band
    y_b = lane.top() + lane.height() * (rows["b"] + 0.5) / 2
    assert timeline.handle_at(QPointF(timeline.time_to_x(20_000), y_b)) == ("b", "start")
    y_a = lane.top() + lane.height() * (rows["a"] + 0.5) / 2
    assert timeline.handle_at(QPointF(timeline.time_to_x(20_000), y_a)) is None
    timeline.set_clips([TimelineClip("d", 50_000, 60_000, "#3D7CC9", "Los")])
    assert timeline.clip_row_count() == 1


def test_a_long_marker_tooltip_is_capped(timeline, qtbot):
    text = "Een heel lange waarneming zonder regeleinde " * 40
    timeline.set_markers([TimelineMarker("m", 50_000, MARKER_COLOUR, text)])
    pos = point_in(timeline, "markers", 50_000)
    event = QHelpEvent(QHelpEvent.Type.ToolTip, pos, timeline.mapToGlobal(pos))
    QApplication.sendEvent(timeline, event)
    qtbot.waitUntil(QToolTip.isVisible)
    shown = shown_as(QToolTip.text())
    assert len(shown) <= 200 and shown.endswith("…")
    QToolTip.hideText()


@pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)")
def test_a_marker_tooltip_shows_markup_as_text(timeline, qtbot):
    text = "<b>vet</b> <img src='x.png'> & meer"
    timeline.set_markers([TimelineMarker("m", 50_000, MARKER_COLOUR, text)])
    pos = point_in(timeline, "markers", 50_000)
    QApplication.sendEvent(
        timeline, QHelpEvent(QHelpEvent.Type.ToolTip, pos, timeline.mapToGlobal(pos))
    )
    qtbot.waitUntil(QToolTip.isVisible)
    assert shown_as(QToolTip.text()) == text
    QToolTip.hideText()


def test_the_zoom_bar_shows_and_sets_the_zoom(timeline, qtbot):
    from vknz_desktop.ui.workspace.timeline.zoom_bar import STEPS, ZoomBar

    bar = ZoomBar(timeline)
    qtbot.addWidget(bar)
    assert bar.slider.value() == 0, "the whole recording"
    timeline.set_position(40_000)
    bar.in_button.click()
    start, end = timeline.view_range()
    assert end - start < DURATION and start <= 40_000 <= end
    assert bar.slider.value() > 0, "the slider follows"
    bar.slider.setValue(STEPS)
    assert timeline.span() == pytest.approx(MIN_SPAN_MS, rel=0.01)
    timeline.zoom_around_playhead(1 / 1.5)  # the keys or the wheel: the slider follows
    assert 0 < bar.slider.value() < STEPS
    bar.fit_button.click()
    assert timeline.view_range() == (0, DURATION) and bar.slider.value() == 0
