"""A custom-painted timeline for the review workspace.

Lanes, top to bottom: a time ruler, a thumbnail strip, the audio waveform, the clips (translucent
bands with drag handles; overlapping clips each get a row of their own) and the observation
markers; the playhead crosses all of them. Zoomed in, the view follows the playhead (it turns
the page when the playhead reaches the right edge) unless the user just scrolled it.

Painting is layered so that the frequent repaints stay cheap:

* the *background* layer (ruler, lane backgrounds, grid, thumbnails, waveform) is a QPixmap
  rebuilt only when the view, the size, the palette or that data change;
* the *scene* layer is the background plus clips and markers, rebuilt when those change;
* everything that moves often (playhead, hover, selection, a clip being dragged, focus frame)
  is drawn over the scene in ``paintEvent``, and only its dirty band is updated.

Markers are kept sorted by time; the visible ones are found with ``bisect`` and those that fall
on the same pixel column are collapsed into one tick per colour, so 5,000 observations paint as
fast as a few hundred.
"""

from __future__ import annotations

import bisect
import dataclasses
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QPolygonF,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QToolTip, QWidget

from vknz_desktop.ui.common.formatting import format_clip_time, format_ruler_label
from vknz_desktop.ui.workspace.plain_text import plain_tooltip
from vknz_desktop.ui.workspace.timeline.ruler import choose_minor_step, choose_ruler_step

__all__ = [
    "MIN_CLIP_MS",
    "MIN_SPAN_MS",
    "LaneName",
    "TimelineClip",
    "TimelineMarker",
    "TimelineWidget",
]

#: The narrowest view: zooming in stops at this span (or the whole recording if shorter).
MIN_SPAN_MS = 1000
#: The shortest clip a handle drag can make.
MIN_CLIP_MS = 100

_WHEEL_ZOOM = 1.25  # per wheel notch (120 eighths of a degree)
_KEY_ZOOM = 1.5  # per + or - key press
_WHEEL_PAN = 0.10  # fraction of the view per wheel notch

_H_PAD = 8  # px left and right of the view range, so marks at 0 and the end show whole
_RULER_H = 22
_CLIPS_H = 20
_MARKERS_H = 18
_GAP = 2
_BOTTOM = 2
_THUMB_SHARE = 0.55  # of the flexible height, when both thumbnails and waveform are present

_CLIP_ROW_MIN_H = 12  # the height of one row of clips when there are several
_FOLLOW_PAUSE_S = 4.0  # after the user scrolled the view, it does not follow the playhead
_FOLLOW_AT = 0.1  # turning the page puts the playhead this far into the view
_TOOLTIP_CHARS = 200  # a marker's tooltip shows at most this much of its first line

_HIT_PX = 5  # how close the pointer must be to a marker or a clip handle
_HEAD_HALF_W = 5.0  # marker head (a downward triangle)
_HEAD_H = 8
_HANDLE_W = 4
_PLAYHEAD_HALF_W = 6  # half the playhead head; also half its dirty band
_PLAYHEAD_COLOUR = QColor(0xE5, 0x48, 0x4D)  # reads as "now" on light and dark palettes


LaneName = Literal["ruler", "thumbnails", "waveform", "clips", "markers"]


@dataclass(frozen=True, slots=True)
class TimelineMarker:
    """An observation on the timeline. ``label`` is the full text; hover shows its first line."""

    id: str
    time_ms: int
    colour: str  # "#RRGGBB"
    label: str


@dataclass(frozen=True, slots=True)
class TimelineClip:
    """A fragment of the recording, shown as a band with a handle at either end."""

    id: str
    start_ms: int
    end_ms: int
    colour: str  # "#RRGGBB"
    label: str


@dataclass(slots=True)
class _ScrubDrag:
    original_position: int
    last_emitted: int


@dataclass(slots=True)
class _ClipDrag:
    clip_id: str
    edge: Literal["start", "end"]
    original_start: int
    original_end: int
    start: int
    end: int
    grab_offset_ms: float  # edge time minus pointer time at the press, so the edge never jumps


@dataclass(frozen=True, slots=True)
class _Lanes:
    ruler: QRect
    thumbs: QRect  # empty when there are no thumbnails
    wave: QRect  # empty when there is no waveform
    flex: QRect  # the space thumbnails and waveform share
    clips: QRect
    markers: QRect


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


def _capped(text: str, limit: int = _TOOLTIP_CHARS) -> str:
    """``text``, cut at ``limit`` characters with "…" (a tooltip never fills the screen)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _alpha(colour: QColor, alpha: int) -> QColor:
    result = QColor(colour)
    result.setAlpha(alpha)
    return result


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` blended towards ``b`` by ``t`` (0..1)."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
    )


def _premultiplied_ramp(colour: QColor) -> np.ndarray:
    """The colour at alpha 0..255 as premultiplied ARGB32 pixels (256 × uint32)."""
    alpha = np.arange(256, dtype=np.uint32)
    red, green, blue = (
        (alpha * channel + 127) // 255 for channel in (colour.red(), colour.green(), colour.blue())
    )
    return (alpha << 24) | (red << 16) | (green << 8) | blue


def _parse_colour(name: str) -> QColor:
    colour = QColor(name)
    return colour if colour.isValid() else QColor(0x80, 0x80, 0x80)


class TimelineWidget(QWidget):
    """Ruler, thumbnails, waveform, clips and markers of one recording, with a playhead.

    All times are integer milliseconds. The widget only shows and reports: it asks its owner to
    seek (``seekRequested``), to open an observation (``markerActivated``) or to change a clip
    (``clipChanged``); the owner answers with ``set_position``/``set_clips``/... as usual.
    """

    seekRequested = Signal(int)
    markerActivated = Signal(str)
    #: A marker double-clicked: open its observation (edit, or answer a marker's question).
    markerOpened = Signal(str)
    clipChanged = Signal(str, int, int)
    viewChanged = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Tijdlijn"))
        self.setAccessibleDescription(
            self.tr(
                "Klik of sleep om naar een moment te gaan. Scrol om in of uit te zoomen, "
                "Shift+scrol om te verschuiven. Plus en min zoomen rond de afspeelpositie, "
                "0 toont de hele opname."
            )
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)

        self._duration = 0
        self._position = 0
        self._view_start = 0.0
        self._view_end = 0.0
        self._fit = True

        self._markers: list[TimelineMarker] = []
        self._marker_times: list[int] = []
        self._marker_index: dict[str, int] = {}
        self._times_np: np.ndarray = np.zeros(0, dtype=np.float64)
        self._colour_ids_np: np.ndarray = np.zeros(0, dtype=np.int64)
        self._marker_colours: list[QColor] = []
        self._selected: str | None = None
        self._hover_marker: int | None = None

        self._clips: list[TimelineClip] = []
        self._clip_rows: dict[str, int] = {}
        self._clip_row_count = 1
        self._hover_handle: tuple[str, Literal["start", "end"]] | None = None
        self._follow_paused_until = 0.0

        self._thumb_times: list[int] = []
        self._thumb_images: list[QImage] = []
        self._thumb_scaled: dict[int, QImage] = {}
        self._thumb_scaled_key: tuple[int, int, float] = (0, 0, 0.0)

        self._peaks: np.ndarray = np.zeros(0, dtype=np.float32)

        self._drag: _ScrubDrag | _ClipDrag | None = None

        self._background: QPixmap | None = None
        self._scene: QPixmap | None = None
        self._lanes_cache: _Lanes | None = None
        self._stamp: np.ndarray = np.zeros((0, 0), dtype=np.uint8)
        self._stamp_key: tuple[float, int] | None = None
        self._small_font = QFont()
        self._small_metrics = QFontMetrics(self._small_font)
        self._update_fonts()

    # ------------------------------------------------------------------ data in

    def set_duration(self, ms: int) -> None:
        """The length of the recording. A view showing everything keeps showing everything."""
        ms = max(0, int(ms))
        if ms == self._duration:
            return
        keep_fit = self._fit or self._duration <= 0
        self._duration = ms
        if keep_fit:
            self._apply_view(0.0, float(ms), fit=True)
        else:
            self._apply_view(self._view_start, self._view_end)
        self._invalidate_layout()

    def duration(self) -> int:
        return self._duration

    def set_position(self, ms: int) -> None:
        """Move the playhead. Cheap: only the bands of the old and new playhead are repainted."""
        ms = int(ms)
        if isinstance(self._drag, _ScrubDrag):
            return  # the pointer leads while scrubbing; the player's echo would only jitter
        self._follow(ms)
        self._move_playhead(ms)

    def _follow(self, ms: int) -> None:
        """Zoomed in: keep the playhead in view (turn the page at the right edge; centre it
        after a jump elsewhere), unless the user scrolled the view a moment ago."""
        if self._fit or self._drag is not None or self._duration <= 0:
            return
        if time.monotonic() < self._follow_paused_until:
            return
        start, end = self._view_start, self._view_end
        span = end - start
        if start <= ms <= end:
            return
        # played past the edge: the next page; a jump elsewhere: the playhead in the middle
        paging = end < ms <= end + span / 2
        new_start = ms - span * _FOLLOW_AT if paging else ms - span / 2
        self._apply_view(new_start, new_start + span)

    @property
    def following(self) -> bool:
        """Whether a zoomed view follows the playhead now (not just after the user scrolled)."""
        return time.monotonic() >= self._follow_paused_until

    def position(self) -> int:
        return self._position

    def set_markers(self, markers: Sequence[TimelineMarker]) -> None:
        """The observations to show (any order)."""
        ordered = sorted(markers, key=lambda m: (m.time_ms, m.id))
        colour_ids: dict[str, int] = {}
        colours: list[QColor] = []
        ids: list[int] = []
        for marker in ordered:
            key = marker.colour.upper()
            if key not in colour_ids:
                colour_ids[key] = len(colours)
                colours.append(_parse_colour(marker.colour))
            ids.append(colour_ids[key])
        self._markers = ordered
        self._marker_times = [m.time_ms for m in ordered]
        self._marker_index = {m.id: i for i, m in enumerate(ordered)}
        self._times_np = np.asarray(self._marker_times, dtype=np.float64)
        self._colour_ids_np = np.asarray(ids, dtype=np.int64)
        self._marker_colours = colours
        self._hover_marker = None
        self._invalidate_scene()

    def markers(self) -> list[TimelineMarker]:
        return list(self._markers)

    def set_selected_marker(self, marker_id: str | None) -> None:
        """Highlight one observation (or none)."""
        if marker_id == self._selected:
            return
        self._update_marker_band(self._selected)
        self._selected = marker_id
        self._update_marker_band(marker_id)

    def selected_marker(self) -> str | None:
        return self._selected

    def set_clips(self, clips: Sequence[TimelineClip]) -> None:
        """The fragments to show (any order)."""
        self._clips = sorted(clips, key=lambda c: (c.start_ms, c.end_ms, c.id))
        if isinstance(self._drag, _ClipDrag) and self._clip(self._drag.clip_id) is None:
            self._drag = None
        self._hover_handle = None
        self._assign_clip_rows()
        self._invalidate_scene()

    def clip_row(self, clip_id: str) -> int:
        """The row (0 at the top) a clip is drawn in; overlapping clips get different rows."""
        return self._clip_rows.get(clip_id, 0)

    def clip_row_count(self) -> int:
        """How many rows of clips there are (at least one)."""
        return self._clip_row_count

    def _assign_clip_rows(self) -> None:
        """Each clip in the first row where it overlaps nothing (clips in start order)."""
        ends: list[int] = []
        rows: dict[str, int] = {}
        for clip in self._clips:
            row = next((i for i, end in enumerate(ends) if end <= clip.start_ms), len(ends))
            if row == len(ends):
                ends.append(clip.end_ms)
            else:
                ends[row] = clip.end_ms
            rows[clip.id] = row
        count = max(1, len(ends))
        changed = count != self._clip_row_count
        self._clip_rows, self._clip_row_count = rows, count
        if changed:
            self._invalidate_layout()
            self.updateGeometry()

    def clips(self) -> list[TimelineClip]:
        return list(self._clips)

    def set_thumbnails(self, thumbnails: Sequence[tuple[int, QImage]]) -> None:
        """Video frames at given times; the strip shows the nearest one in each tile."""
        usable = sorted(
            ((int(t), image) for t, image in thumbnails if not image.isNull()),
            key=lambda pair: pair[0],
        )
        had_lane = bool(self._thumb_images)
        self._thumb_times = [t for t, _ in usable]
        self._thumb_images = [image for _, image in usable]
        self._thumb_scaled.clear()
        if had_lane != bool(self._thumb_images):
            self._invalidate_layout()
        self._invalidate_background()

    def set_waveform(self, peaks: Sequence[float] | np.ndarray) -> None:
        """Audio peaks in 0..1, evenly spread over the whole duration."""
        had_lane = self._peaks.size > 0
        self._peaks = np.clip(np.asarray(peaks, dtype=np.float32).ravel(), 0.0, 1.0)
        if had_lane != (self._peaks.size > 0):
            self._invalidate_layout()
        self._invalidate_background()

    def clear(self) -> None:
        """Forget the recording entirely (the vault locked): nothing of it is painted any more."""
        self._drag = None
        self._duration = 0
        self._position = 0
        self._apply_view(0.0, 0.0, fit=True)
        self._markers = []
        self._marker_times = []
        self._marker_index = {}
        self._times_np = np.zeros(0, dtype=np.float64)
        self._colour_ids_np = np.zeros(0, dtype=np.int64)
        self._marker_colours = []
        self._selected = None
        self._hover_marker = None
        self._clips = []
        self._clip_rows = {}
        self._clip_row_count = 1
        self._hover_handle = None
        self._thumb_times = []
        self._thumb_images = []
        self._thumb_scaled.clear()
        self._peaks = np.zeros(0, dtype=np.float32)
        if QToolTip.isVisible():
            QToolTip.hideText()
        self.unsetCursor()
        self._invalidate_layout()

    def refresh(self) -> None:
        """Drop every cached layer and repaint (e.g. after thumbnail images changed in place)."""
        self._thumb_scaled.clear()
        self._invalidate_layout()

    # ------------------------------------------------------------------ view

    def view_range(self) -> tuple[int, int]:
        """The times at the left and right edge of the view (the padding shows a bit more)."""
        return round(self._view_start), round(self._view_end)

    def set_view(self, start_ms: int, end_ms: int) -> None:
        """Show ``start_ms``..``end_ms``, kept within the recording and at least ~1 s wide."""
        self._apply_view(float(start_ms), float(end_ms))

    def zoom_to_fit(self) -> None:
        """Show the whole recording."""
        self._apply_view(0.0, float(self._duration), fit=True)

    def zoom(self, factor: float, anchor_ms: float) -> None:
        """Zoom in (``factor`` > 1) or out (< 1), keeping ``anchor_ms`` at the same x."""
        if factor <= 0 or self._duration <= 0:
            return
        span = self._span()
        new_span = min(max(span / factor, self._min_span()), float(self._duration))
        ratio = (anchor_ms - self._view_start) / span
        new_start = anchor_ms - ratio * new_span
        self._apply_view(new_start, new_start + new_span)

    def span(self) -> float:
        """How many milliseconds the view shows."""
        return self._span()

    def min_span(self) -> float:
        """The narrowest view (zoomed in all the way)."""
        return self._min_span()

    def pan(self, delta_ms: float) -> None:
        """Move the view later (positive) or earlier (negative), keeping its width."""
        self._apply_view(self._view_start + delta_ms, self._view_end + delta_ms)

    def time_to_x(self, ms: float) -> float:
        """The x (widget coordinates) of a time, for the current view and width."""
        return _H_PAD + (ms - self._view_start) * self._px_per_ms()

    def x_to_time(self, x: float) -> int:
        """The time under an x, clamped to the recording."""
        t = self._view_start + (x - _H_PAD) / self._px_per_ms()
        return int(min(max(round(t), 0), self._duration))

    def lane_rect(self, lane: LaneName) -> QRect:
        """Where a lane is in widget coordinates (an empty rect when the lane is collapsed)."""
        lanes = self._lanes()
        return QRect(
            {
                "ruler": lanes.ruler,
                "thumbnails": lanes.thumbs,
                "waveform": lanes.wave,
                "clips": lanes.clips,
                "markers": lanes.markers,
            }[lane]
        )

    # ------------------------------------------------------------------ Qt overrides

    def sizeHint(self) -> QSize:
        return QSize(800, 150)

    def minimumSizeHint(self) -> QSize:
        fixed = _RULER_H + self._clips_height() + _MARKERS_H + 3 * _GAP + _BOTTOM
        return QSize(160, fixed + 24)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._ensure_scene())
        if self._duration > 0:
            self._paint_overlay(painter)
        if self.hasFocus():
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._invalidate_layout()
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (
            QEvent.Type.PaletteChange,
            QEvent.Type.FontChange,
            QEvent.Type.StyleChange,
            QEvent.Type.ApplicationPaletteChange,
            QEvent.Type.ApplicationFontChange,
        ):
            self._update_fonts()
            self._invalidate_layout()
        super().changeEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            self._show_tooltip(event)
            return True
        return super().event(event)

    def leaveEvent(self, event: QEvent) -> None:
        if self._drag is None:
            self._set_hover(None, None)
            self.unsetCursor()
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._duration <= 0:
            super().mousePressEvent(event)
            return
        pos = event.position()
        handle = self.handle_at(pos)
        if handle is not None:
            clip_id, edge = handle
            clip = self._clip(clip_id)
            assert clip is not None
            edge_ms = clip.start_ms if edge == "start" else clip.end_ms
            self._drag = _ClipDrag(
                clip_id=clip_id,
                edge=edge,
                original_start=clip.start_ms,
                original_end=clip.end_ms,
                start=clip.start_ms,
                end=clip.end_ms,
                grab_offset_ms=edge_ms - self._time_at_f(pos.x()),
            )
            self._invalidate_scene()  # the scene is rebuilt without it; the overlay draws it
            event.accept()
            return
        marker = self._marker_at(pos)
        if marker is not None:
            found = self._markers[marker]
            self.set_selected_marker(found.id)
            self.markerActivated.emit(found.id)
            self.seekRequested.emit(found.time_ms)
            event.accept()
            return
        target = self._scrub_time(pos.x())
        self._drag = _ScrubDrag(original_position=self._position, last_emitted=target)
        self._move_playhead(target)
        self.seekRequested.emit(target)
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        marker = None if self._duration <= 0 else self._marker_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and marker is not None:
            self.markerOpened.emit(self._markers[marker].id)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        drag = self._drag
        if isinstance(drag, _ScrubDrag):
            target = self._scrub_time(pos.x())
            if target != drag.last_emitted:
                drag.last_emitted = target
                self._move_playhead(target)
                self.seekRequested.emit(target)
        elif isinstance(drag, _ClipDrag):
            self._update_clip_band(drag.start, drag.end)
            wanted = round(self._time_at_f(pos.x()) + drag.grab_offset_ms)
            if drag.edge == "start":
                drag.start = min(max(wanted, 0), drag.end - MIN_CLIP_MS)
            else:
                drag.end = max(min(wanted, self._duration), drag.start + MIN_CLIP_MS)
            self._update_clip_band(drag.start, drag.end)
        elif self._duration > 0:
            handle = self.handle_at(pos)
            marker = None if handle is not None else self._marker_at(pos)
            self._set_hover(marker, handle)
            if handle is not None:
                self.setCursor(Qt.CursorShape.SizeHorCursor)
            elif marker is not None:
                self.setCursor(Qt.CursorShape.PointingHandCursor)
            else:
                self.unsetCursor()
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        drag = self._drag
        self._drag = None
        if isinstance(drag, _ClipDrag):
            changed = (drag.start, drag.end) != (drag.original_start, drag.original_end)
            if changed:
                self._clips = [
                    dataclasses.replace(c, start_ms=drag.start, end_ms=drag.end)
                    if c.id == drag.clip_id
                    else c
                    for c in self._clips
                ]
                self._clips.sort(key=lambda c: (c.start_ms, c.end_ms, c.id))
                self._assign_clip_rows()
            self._invalidate_scene()
            if changed:
                self.clipChanged.emit(drag.clip_id, drag.start, drag.end)
        event.accept()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self._duration <= 0:
            event.ignore()
            return
        delta = event.angleDelta()
        dx, dy = delta.x(), delta.y()
        horizontal = dx != 0 and abs(dx) >= abs(dy)
        if horizontal or event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            steps = (dx if horizontal else dy) / 120.0
            self.pan(-steps * _WHEEL_PAN * self._span())
            self._follow_paused_until = time.monotonic() + _FOLLOW_PAUSE_S
        elif dy != 0:
            anchor = self._time_at_f(event.position().x())
            self.zoom(_WHEEL_ZOOM ** (dy / 120.0), anchor)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape and self._drag is not None:
            self._cancel_drag()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal) and self._duration > 0:
            self._zoom_around_playhead(_KEY_ZOOM)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore) and self._duration > 0:
            self._zoom_around_playhead(1 / _KEY_ZOOM)
        elif key == Qt.Key.Key_0 and self._duration > 0:
            self.zoom_to_fit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # ------------------------------------------------------------------ view helpers

    def _span(self) -> float:
        return max(self._view_end - self._view_start, 1.0)

    def _min_span(self) -> float:
        return float(min(MIN_SPAN_MS, self._duration))

    def _content_width(self) -> float:
        return float(max(self.width() - 2 * _H_PAD, 1))

    def _px_per_ms(self) -> float:
        return self._content_width() / self._span()

    def _time_at_f(self, x: float) -> float:
        return self._view_start + (x - _H_PAD) / self._px_per_ms()

    def _scrub_time(self, x: float) -> int:
        return self.x_to_time(min(max(x, 0.0), float(self.width())))

    def _apply_view(self, start: float, end: float, *, fit: bool = False) -> None:
        duration = float(self._duration)
        if duration <= 0:
            start = end = 0.0
        else:
            span = min(max(end - start, self._min_span()), duration)
            if end - start < span:  # too narrow: widen around the middle
                middle = (start + end) / 2
                start = middle - span / 2
            start = min(max(start, 0.0), duration - span)
            end = start + span
        old = self.view_range()
        changed_f = (start, end) != (self._view_start, self._view_end)
        self._view_start, self._view_end = start, end
        self._fit = fit or (duration > 0 and start <= 0.0 and end >= duration)
        if changed_f:
            self._invalidate_background()
        new = self.view_range()
        if new != old:
            self.viewChanged.emit(*new)

    def zoom_around_playhead(self, factor: float) -> None:
        """Zoom in (``factor`` > 1) or out around the playhead, keeping it in view."""
        if self._duration > 0:
            self._zoom_around_playhead(factor)

    def _zoom_around_playhead(self, factor: float) -> None:
        playhead = float(min(max(self._position, 0), self._duration))
        self.zoom(factor, playhead)
        if not self._view_start <= playhead <= self._view_end:
            half = self._span() / 2
            self._apply_view(playhead - half, playhead + half)

    # ------------------------------------------------------------------ hit testing

    def _lanes(self) -> _Lanes:
        if self._lanes_cache is None:
            self._lanes_cache = self._compute_lanes()
        return self._lanes_cache

    def _compute_lanes(self) -> _Lanes:
        width, height = self.width(), self.height()
        has_thumbs = bool(self._thumb_images)
        has_wave = self._peaks.size > 0
        markers_top = height - _BOTTOM - _MARKERS_H
        clips_h = self._clips_height()
        clips_top = markers_top - _GAP - clips_h
        flex_top = _RULER_H + _GAP
        flex_h = max(clips_top - _GAP - flex_top, 0)
        flex = QRect(0, flex_top, width, flex_h)
        thumbs = QRect()
        wave = QRect()
        if has_thumbs and has_wave:
            thumb_h = max(round((flex_h - _GAP) * _THUMB_SHARE), 0)
            thumbs = QRect(0, flex_top, width, thumb_h)
            wave_top = flex_top + thumb_h + _GAP
            wave = QRect(0, wave_top, width, max(flex_h - thumb_h - _GAP, 0))
        elif has_thumbs:
            thumbs = QRect(flex)
        elif has_wave:
            wave = QRect(flex)
        return _Lanes(
            ruler=QRect(0, 0, width, _RULER_H),
            thumbs=thumbs,
            wave=wave,
            flex=flex,
            clips=QRect(0, clips_top, width, clips_h),
            markers=QRect(0, markers_top, width, _MARKERS_H),
        )

    def _clips_height(self) -> int:
        count = self._clip_row_count
        return _CLIPS_H if count <= 1 else count * max(_CLIP_ROW_MIN_H, _CLIPS_H - 4)

    def _clip_band(self, lane: QRect, clip_id: str) -> QRectF:
        """The part of the clips lane where ``clip_id``'s row is."""
        row_h = lane.height() / self._clip_row_count
        top = lane.top() + self.clip_row(clip_id) * row_h
        return QRectF(lane.left(), top, lane.width(), row_h)

    def _marker_at(self, pos: QPointF) -> int | None:
        if not self._markers:
            return None
        lane = self._lanes().markers
        if not lane.top() - 2 <= pos.y() <= lane.bottom() + 2:
            return None
        t = self._time_at_f(pos.x())
        times = self._marker_times
        after = bisect.bisect_left(times, t)  # the nearest marker is just before or at/after t
        candidates = [i for i in (after - 1, after) if 0 <= i < len(times)]
        nearest = min(candidates, key=lambda i: abs(times[i] - t))
        if abs(times[nearest] - t) * self._px_per_ms() > _HIT_PX:
            return None
        return nearest

    def handle_at(self, pos: QPointF) -> tuple[str, Literal["start", "end"]] | None:
        if not self._clips:
            return None
        lane = self._lanes().clips
        if not lane.top() <= pos.y() <= lane.bottom():
            return None
        best: tuple[float, str, Literal["start", "end"]] | None = None
        for clip in self._clips:
            row = self._clip_band(lane, clip.id)
            if not row.top() <= pos.y() <= row.bottom():
                continue
            for edge, ms in (("start", clip.start_ms), ("end", clip.end_ms)):
                distance = abs(self.time_to_x(ms) - pos.x())
                if distance <= _HIT_PX:
                    # Inside a clip beats outside it when two handles touch.
                    inside = clip.start_ms <= self._time_at_f(pos.x()) <= clip.end_ms
                    score = distance - (0.5 if inside else 0.0)
                    if best is None or score < best[0]:
                        best = (score, clip.id, "start" if edge == "start" else "end")
        return None if best is None else (best[1], best[2])

    def _clip(self, clip_id: str) -> TimelineClip | None:
        for clip in self._clips:
            if clip.id == clip_id:
                return clip
        return None

    def _show_tooltip(self, event: QHelpEvent) -> None:
        pos = QPointF(event.pos())
        marker = None if self._duration <= 0 else self._marker_at(pos)
        if marker is not None:
            found = self._markers[marker]
            x = round(self.time_to_x(found.time_ms))
            lane = self._lanes().markers
            area = QRect(x - _HIT_PX, lane.top() - 2, 2 * _HIT_PX + 1, lane.height() + 4)
            tip = plain_tooltip(_capped(_first_line(found.label)))
            QToolTip.showText(event.globalPos(), tip, self, area)
            return
        clip = self._clip_under(pos)
        if clip is not None:
            text = f"{format_clip_time(clip.start_ms)} – {format_clip_time(clip.end_ms)}"
            if _first_line(clip.label):
                text = f"{_first_line(clip.label)}\n{text}"
            QToolTip.showText(event.globalPos(), plain_tooltip(text), self, self._lanes().clips)
            return
        QToolTip.hideText()
        event.ignore()

    def _clip_under(self, pos: QPointF) -> TimelineClip | None:
        if self._duration <= 0 or not self._lanes().clips.contains(pos.toPoint()):
            return None
        t = self._time_at_f(pos.x())
        lane = self._lanes().clips
        for clip in reversed(self._clips):
            row = self._clip_band(lane, clip.id)
            if clip.start_ms <= t <= clip.end_ms and row.top() <= pos.y() <= row.bottom():
                return clip
        return None

    # ------------------------------------------------------------------ state changes

    def _move_playhead(self, ms: int) -> None:
        if ms == self._position:
            return
        old_x = self._playhead_x()
        self._position = ms
        new_x = self._playhead_x()
        if self._duration <= 0 or old_x == new_x:
            return
        for x in (old_x, new_x):
            if x is not None:
                self._update_band(x, _PLAYHEAD_HALF_W + 1)

    def _playhead_x(self) -> int | None:
        if self._duration <= 0:
            return None
        x = round(self.time_to_x(min(max(self._position, 0), self._duration)))
        if -_PLAYHEAD_HALF_W <= x <= self.width() + _PLAYHEAD_HALF_W:
            return x
        return None

    def _update_band(self, x: float, half_width: int, lane: QRect | None = None) -> None:
        top, height = (0, self.height()) if lane is None else (lane.top(), lane.height())
        self.update(QRect(math.floor(x) - half_width, top, 2 * half_width + 2, height))

    def _update_marker_band(self, marker_id: str | None) -> None:
        index = None if marker_id is None else self._marker_index.get(marker_id)
        if index is not None and self._duration > 0:
            self._update_band(self.time_to_x(self._markers[index].time_ms), 9)

    def _update_clip_band(self, start: int, end: int) -> None:
        lane = self._lanes().clips
        x0 = math.floor(self.time_to_x(start)) - 2
        x1 = math.ceil(self.time_to_x(end)) + 2
        self.update(QRect(x0, lane.top(), x1 - x0 + 1, lane.height()))

    def _set_hover(
        self, marker: int | None, handle: tuple[str, Literal["start", "end"]] | None
    ) -> None:
        if marker != self._hover_marker:
            for index in (self._hover_marker, marker):
                if index is not None and index < len(self._markers):
                    self._update_band(
                        self.time_to_x(self._markers[index].time_ms), 8, self._lanes().markers
                    )
            self._hover_marker = marker
        if handle != self._hover_handle:
            self._hover_handle = handle
            self.update(self._lanes().clips)

    def _cancel_drag(self) -> None:
        drag = self._drag
        self._drag = None
        if isinstance(drag, _ScrubDrag):
            self._move_playhead(drag.original_position)
            if drag.last_emitted != drag.original_position:
                self.seekRequested.emit(drag.original_position)
        elif isinstance(drag, _ClipDrag):
            self._invalidate_scene()

    def _invalidate_layout(self) -> None:
        self._lanes_cache = None
        self._invalidate_background()

    def _invalidate_background(self) -> None:
        self._background = None
        self._scene = None
        self.update()

    def _invalidate_scene(self) -> None:
        self._scene = None
        self.update()

    def _update_fonts(self) -> None:
        font = QFont(self.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(max(font.pointSizeF() * 0.85, 6.5))
        elif font.pixelSize() > 0:
            font.setPixelSize(max(round(font.pixelSize() * 0.85), 9))
        if hasattr(QFont, "Tag"):  # Qt >= 6.7: tabular digits, so labels do not wobble
            font.setFeature(QFont.Tag("tnum"), 1)
        self._small_font = font
        self._small_metrics = QFontMetrics(font)

    # ------------------------------------------------------------------ cached layers

    def _new_layer(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(
            QSize(max(math.ceil(self.width() * ratio), 1), max(math.ceil(self.height() * ratio), 1))
        )
        pixmap.setDevicePixelRatio(ratio)
        return pixmap

    def _ensure_scene(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        if any(
            layer is not None and layer.devicePixelRatio() != ratio
            for layer in (self._background, self._scene)
        ):  # moved to a screen with another scale
            self._background = self._scene = None
        if self._scene is None:
            background = self._ensure_background()
            scene = background.copy()
            scene.setDevicePixelRatio(ratio)
            if self._duration > 0:
                painter = QPainter(scene)
                self._paint_clips(painter)
                self._paint_markers(painter)
                painter.end()
            self._scene = scene
        return self._scene

    def _ensure_background(self) -> QPixmap:
        if self._background is not None:
            return self._background
        pixmap = self._new_layer()
        palette = self.palette()
        pixmap.fill(palette.color(QPalette.ColorRole.Window))
        painter = QPainter(pixmap)
        if self._duration > 0:
            lanes = self._lanes()
            base = palette.color(QPalette.ColorRole.Base)
            for rect in (lanes.thumbs, lanes.wave, lanes.clips, lanes.markers):
                if not rect.isEmpty():  # without thumbnails or waveform the space stays blank
                    painter.fillRect(rect, base)
            step = self._paint_ruler(painter, lanes.ruler)
            self._paint_grid(painter, lanes, step)
            if not lanes.thumbs.isEmpty():
                self._paint_thumbnails(painter, lanes.thumbs)
            if not lanes.wave.isEmpty():
                self._paint_waveform(painter, lanes.wave)
        else:
            painter.setFont(self._small_font)
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Geen opname"))
        painter.end()
        self._background = pixmap
        return pixmap

    def _label_spacing(self, step: int) -> float:
        sample = format_ruler_label(int(self._view_end), step)
        return self._small_metrics.horizontalAdvance(sample) + 14.0

    def _ruler_steps(self) -> tuple[int, int | None]:
        step = choose_ruler_step(self._span(), self._content_width(), self._label_spacing)
        return step, choose_minor_step(step, self._px_per_ms())

    def _paint_ruler(self, painter: QPainter, rect: QRect) -> int:
        """Ticks and labels; returns the labelled step, which the grid lines follow.

        Ticks are opaque colours blended beforehand: solid 1-px fills are Qt's fast path, while
        translucent vertical lines cost a blend per row.
        """
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        window = palette.color(QPalette.ColorRole.Window)
        minor_colour = _mix(window, text, 90 / 255)
        major_colour = _mix(window, text, 170 / 255)
        step, minor = self._ruler_steps()
        tick = minor or step
        first_t, last_t = self._visible_time_range()
        bottom = rect.bottom() + 1
        labels: list[tuple[float, str]] = []
        metrics = self._small_metrics
        right_limit = self.width() - 2
        origin, px_per_ms = _H_PAD - self._view_start * self._px_per_ms(), self._px_per_ms()
        for k in range(math.ceil(first_t / tick), math.floor(last_t / tick) + 1):
            t = k * tick
            x = round(origin + t * px_per_ms)
            if t % step == 0:
                painter.fillRect(QRect(x, bottom - 9, 1, 9), major_colour)
                label = format_ruler_label(t, step)
                if x + 3 + metrics.horizontalAdvance(label) <= right_limit:
                    labels.append((x + 3.0, label))
            else:
                painter.fillRect(QRect(x, bottom - 4, 1, 4), minor_colour)
        painter.fillRect(
            QRect(rect.left(), rect.bottom(), rect.width(), 1), _mix(window, text, 0.24)
        )
        painter.setFont(self._small_font)
        painter.setPen(_alpha(text, 215))
        baseline = 2 + metrics.ascent()
        for label_x, label in labels:
            painter.drawText(QPointF(label_x, baseline), label)
        return step

    def _paint_grid(self, painter: QPainter, lanes: _Lanes, step: int) -> None:
        """Faint lines at the labelled ticks, through the lanes (not the gaps between them)."""
        palette = self.palette()
        colour = _mix(
            palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text), 0.09
        )
        first_t, last_t = self._visible_time_range()
        spans = [
            (lane.top(), lane.height())
            for lane in (lanes.wave, lanes.clips, lanes.markers)
            if not lane.isEmpty()
        ]
        origin, px_per_ms = _H_PAD - self._view_start * self._px_per_ms(), self._px_per_ms()
        for k in range(math.ceil(first_t / step), math.floor(last_t / step) + 1):
            x = round(origin + k * step * px_per_ms)
            for top, height in spans:
                painter.fillRect(QRect(x, top, 1, height), colour)

    def _visible_time_range(self) -> tuple[float, float]:
        """Times at the widget's edges (padding included), clamped to the recording."""
        return (
            max(self._time_at_f(0.0), 0.0),
            min(self._time_at_f(float(self.width())), float(self._duration)),
        )

    def _paint_thumbnails(self, painter: QPainter, lane: QRect) -> None:
        first_image = self._thumb_images[0]
        height = lane.height()
        if height <= 2:
            return
        aspect = first_image.width() / max(first_image.height(), 1)
        tile = QSize(max(round(height * aspect), 8), height)
        key = (tile.width(), tile.height(), self.devicePixelRatioF())
        if key != self._thumb_scaled_key:
            self._thumb_scaled.clear()
            self._thumb_scaled_key = key
        tile_ms = tile.width() / self._px_per_ms()
        t0, t1 = self._visible_time_range()
        end_x = self.time_to_x(self._duration)
        painter.save()
        painter.setClipRect(
            QRectF(self.time_to_x(0), lane.top(), end_x - self.time_to_x(0), height)
        )
        separator = _alpha(self.palette().color(QPalette.ColorRole.Window), 160)
        for k in range(math.floor(t0 / tile_ms), math.ceil(t1 / tile_ms) + 1):
            start = k * tile_ms
            middle = start + tile_ms / 2
            index = self._nearest_thumbnail(min(middle, float(self._duration)))
            x = round(self.time_to_x(start))
            painter.drawImage(QPoint(x, lane.top()), self._scaled_thumbnail(index, tile))
            painter.fillRect(QRect(x, lane.top(), 1, height), separator)
        painter.restore()

    def _nearest_thumbnail(self, t: float) -> int:
        times = self._thumb_times
        i = bisect.bisect_left(times, t)
        if i <= 0:
            return 0
        if i >= len(times):
            return len(times) - 1
        return i if times[i] - t < t - times[i - 1] else i - 1

    def _scaled_thumbnail(self, index: int, tile: QSize) -> QImage:
        cached = self._thumb_scaled.get(index)
        if cached is None:
            ratio = self.devicePixelRatioF()
            device = QSize(math.ceil(tile.width() * ratio), math.ceil(tile.height() * ratio))
            scaled = self._thumb_images[index].scaled(
                device,
                Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                Qt.TransformationMode.SmoothTransformation,
            )
            left = (scaled.width() - device.width()) // 2
            top = (scaled.height() - device.height()) // 2
            cached = scaled.copy(QRect(left, top, device.width(), device.height())).convertToFormat(
                QImage.Format.Format_ARGB32_Premultiplied
            )
            cached.setDevicePixelRatio(ratio)
            self._thumb_scaled[index] = cached
        return cached

    def _waveform_colour(self) -> QColor:
        palette = self.palette()
        return _mix(
            palette.color(QPalette.ColorRole.Highlight),
            palette.color(QPalette.ColorRole.Text),
            0.15,
        )

    def _paint_waveform(self, painter: QPainter, lane: QRect) -> None:
        """Rasterise the peaks with numpy: one image, soft edges, no per-column Python."""
        ratio = self.devicePixelRatioF()
        x_start = max(self.time_to_x(0.0), 0.0)
        x_end = min(self.time_to_x(float(self._duration)), float(self.width()))
        columns = math.floor((x_end - x_start) * ratio)
        rows = math.floor(lane.height() * ratio)
        if columns <= 0 or rows <= 2:
            return
        peaks = self._peaks
        count = peaks.size
        ms_per_column = 1.0 / (self._px_per_ms() * ratio)
        col_start_ms = self._time_at_f(x_start) + np.arange(columns + 1) * ms_per_column
        per_peak = self._duration / count
        if ms_per_column >= per_peak:
            bounds = np.clip((col_start_ms / per_peak).astype(np.int64), 0, count - 1)
            values = np.maximum.reduceat(peaks, bounds)[:-1]
        else:  # zoomed in past the peak resolution: interpolate between peak centres
            centres = np.clip((col_start_ms[:-1] + ms_per_column / 2) / per_peak - 0.5, 0, None)
            below = np.minimum(centres.astype(np.int64), count - 1)
            above = np.minimum(below + 1, count - 1)
            fraction = (centres - below).astype(np.float32)
            values = peaks[below] * (1.0 - fraction) + peaks[above] * fraction
        half = (rows - 1) / 2.0
        amplitude = np.maximum(values * half, 0.5)
        distance = np.abs(np.arange(rows, dtype=np.float32) - half)[:, None]
        coverage = np.clip(amplitude[None, :] - distance + 0.5, 0.0, 1.0)
        colour = self._waveform_colour()
        level = (coverage * 230.0 + 0.5).astype(np.uint8)
        pixels = np.ascontiguousarray(_premultiplied_ramp(colour)[level])
        image = QImage(
            pixels.data, columns, rows, columns * 4, QImage.Format.Format_ARGB32_Premultiplied
        )
        image.setDevicePixelRatio(ratio)
        painter.fillRect(
            QRectF(x_start, lane.top() + lane.height() / 2 - 0.5, x_end - x_start, 1),
            _alpha(colour, 90),
        )
        painter.drawImage(QPointF(x_start, lane.top()), image)

    def _paint_clips(self, painter: QPainter) -> None:
        lane = self._lanes().clips
        t0, t1 = self._visible_time_range()
        skip = self._drag.clip_id if isinstance(self._drag, _ClipDrag) else None
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setFont(self._small_font)
        for clip in self._clips:
            if clip.id == skip or clip.end_ms < t0 or clip.start_ms > t1:
                continue
            self._paint_clip(painter, lane, clip, clip.start_ms, clip.end_ms, hovered=None)
        painter.restore()

    def _paint_clip(
        self,
        painter: QPainter,
        lane: QRect,
        clip: TimelineClip,
        start: int,
        end: int,
        *,
        hovered: Literal["start", "end"] | None,
    ) -> None:
        colour = _parse_colour(clip.colour)
        x0 = self.time_to_x(start)
        x1 = max(self.time_to_x(end), x0 + 2)
        row = self._clip_band(lane, clip.id)
        band = QRectF(x0, row.top() + 1.5, x1 - x0, row.height() - 3)
        painter.setPen(QPen(_alpha(colour, 200), 1))
        painter.setBrush(_alpha(colour, 70))
        painter.drawRoundedRect(band, 3, 3)
        handle_w = min(_HANDLE_W, max((x1 - x0) / 3, 1.0))
        for edge, hx in (("start", x0), ("end", x1 - handle_w)):
            grip = QRectF(hx, band.top(), handle_w, band.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour.darker(130) if hovered == edge else colour)
            painter.drawRoundedRect(grip, 1.5, 1.5)
        label = _first_line(clip.label)
        room = int(x1 - x0 - 2 * handle_w - 8)
        if label and room > 12:
            text = self._small_metrics.elidedText(label, Qt.TextElideMode.ElideRight, room)
            painter.setPen(self.palette().color(QPalette.ColorRole.Text))
            painter.drawText(
                QRectF(x0 + handle_w + 4, band.top(), room, band.height()),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                text,
            )

    def _paint_markers(self, painter: QPainter) -> None:
        """Rasterise the visible markers with numpy into one image, one mark per pixel column.

        Markers are first collapsed to unique (colour, pixel column) pairs, so 5,000 of them cost
        about as much as the columns they land on. Each device column then shows the nearest
        mark of any colour (a crowded stretch shows its mix of colours). That is a few 1-D array
        operations per colour and one drawImage, instead of a Qt call per marker.
        """
        if not self._markers:
            return
        lane = self._lanes().markers
        px_per_ms = self._px_per_ms()
        margin = (_HEAD_HALF_W + 2) / px_per_ms
        lo = bisect.bisect_left(self._marker_times, self._time_at_f(0.0) - margin)
        hi = bisect.bisect_right(self._marker_times, self._time_at_f(self.width()) + margin)
        if lo >= hi:
            return
        ratio = self.devicePixelRatioF()
        stamp = self._marker_stamp(ratio, lane.height())  # last column: no coverage
        rows = stamp.shape[0]
        stamp_w = stamp.shape[1] - 1
        half_cols = stamp_w // 2
        width = math.ceil(self.width() * ratio)
        # A marker's mark is centred on the left edge of its logical pixel column (floor of its
        # x), as the overlay draws the selected and hovered marker.
        exact = _H_PAD + (self._times_np[lo:hi] - self._view_start) * px_per_ms
        offset = math.ceil(_HEAD_HALF_W) + 4
        stride = self.width() + 2 * offset
        keys, first = np.unique(
            self._colour_ids_np[lo:hi] * stride + (np.floor(exact).astype(np.int64) + offset),
            return_index=True,
        )
        first_of_colour = np.flatnonzero(np.diff(keys // stride)) + 1
        # Per colour: for each device column, the nearest mark (by its exact time) and the stamp
        # column that mark puts there. The mark shape only fades with distance, so the nearest
        # mark of any colour is the one to show: a crowded stretch shows its mix of colours.
        centres = np.arange(width, dtype=np.float64) + 0.5
        groups = np.split(np.arange(keys.size), first_of_colour)
        distances = np.empty((len(groups), width), dtype=np.float64)
        indices = np.empty((len(groups), width), dtype=np.int64)
        lut = np.empty((len(groups), 256), dtype=np.uint32)
        for slot, members in enumerate(groups):
            group = keys[members]
            edges = np.round((group % stride - offset) * ratio).astype(np.int64)
            at = exact[first[members]] * ratio  # sorted, as the columns are
            after = np.searchsorted(at, centres)
            left = np.maximum(after - 1, 0)
            right = np.minimum(after, at.size - 1)
            to_left, to_right = np.abs(centres - at[left]), np.abs(at[right] - centres)
            distances[slot] = np.minimum(to_left, to_right)
            nearest = np.where(to_left <= to_right, edges[left], edges[right])
            indices[slot] = np.arange(width) - nearest + half_cols
            lut[slot] = _premultiplied_ramp(self._marker_colours[int(group[0] // stride)])
        winner = np.argmin(distances, axis=0)
        index = np.take_along_axis(indices, winner[None, :], axis=0)[0]
        index[(index < 0) | (index >= stamp_w)] = stamp_w
        level = stamp[:, index]
        pixels = np.ascontiguousarray(lut[winner[None, :], level])
        image = QImage(
            pixels.data, width, rows, width * 4, QImage.Format.Format_ARGB32_Premultiplied
        )
        image.setDevicePixelRatio(ratio)
        painter.drawImage(QPointF(0.0, float(lane.top())), image)

    def _marker_stamp(self, ratio: float, lane_height: int) -> np.ndarray:
        """Coverage (0..255) of one marker: a downward triangle head on a 2-px stem, antialiased.

        Columns are device pixels; the stem's centre is the edge between the two middle columns.
        One extra column of zeros at the end stands for "no marker near".
        """
        key = (ratio, lane_height)
        if self._stamp_key == key:
            return self._stamp
        rows = math.ceil(lane_height * ratio)
        half_cols = math.ceil(_HEAD_HALF_W * ratio) + 1
        x = np.arange(2 * half_cols, dtype=np.float32) + 0.5 - half_cols
        y = (np.arange(rows, dtype=np.float32) + 0.5)[:, None]
        head_top, head_h = 1.0 * ratio, _HEAD_H * ratio
        half = _HEAD_HALF_W * ratio * np.clip(1.0 - (y - head_top) / head_h, 0.0, 1.0)
        in_head = (y >= head_top) & (y < head_top + head_h)
        head = np.clip(half - np.abs(x) + 0.5, 0.0, 1.0) * in_head
        in_stem = (y >= 2.0 * ratio) & (y < (lane_height - 1.0) * ratio)
        stem = np.clip(ratio - np.abs(x) + 0.5, 0.0, 1.0) * in_stem
        coverage = np.round(np.maximum(head, stem) * 255.0).astype(np.uint8)
        self._stamp = np.hstack((coverage, np.zeros((rows, 1), dtype=np.uint8)))
        self._stamp_key = key
        return self._stamp

    # ------------------------------------------------------------------ overlay

    def _paint_overlay(self, painter: QPainter) -> None:
        lanes = self._lanes()
        palette = self.palette()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        drag = self._drag
        if isinstance(drag, _ClipDrag):
            clip = self._clip(drag.clip_id)
            if clip is not None:
                painter.setFont(self._small_font)
                self._paint_clip(
                    painter, lanes.clips, clip, drag.start, drag.end, hovered=drag.edge
                )
        elif self._hover_handle is not None:
            clip = self._clip(self._hover_handle[0])
            if clip is not None:
                painter.setFont(self._small_font)
                self._paint_clip(
                    painter,
                    lanes.clips,
                    clip,
                    clip.start_ms,
                    clip.end_ms,
                    hovered=self._hover_handle[1],
                )
        highlight = palette.color(QPalette.ColorRole.Highlight)
        selected = None if self._selected is None else self._marker_index.get(self._selected)
        if selected is not None:
            marker = self._markers[selected]
            x = float(math.floor(self.time_to_x(marker.time_ms)))
            colour = self._marker_colours[int(self._colour_ids_np[selected])]
            top = lanes.flex.top()
            painter.fillRect(
                QRectF(x - 0.5, top, 1, lanes.markers.top() - top), _alpha(colour, 150)
            )
            self._paint_marker_head(painter, lanes.markers, x, colour, 1.45, highlight)
        if self._hover_marker is not None and self._hover_marker != selected:
            marker = self._markers[self._hover_marker]
            x = float(math.floor(self.time_to_x(marker.time_ms)))
            colour = self._marker_colours[int(self._colour_ids_np[self._hover_marker])]
            self._paint_marker_head(
                painter, lanes.markers, x, colour, 1.3, palette.color(QPalette.ColorRole.Text)
            )
        playhead = self._playhead_x()
        if playhead is not None:
            painter.fillRect(QRect(playhead - 1, 0, 2, self.height()), _PLAYHEAD_COLOUR)
            # The head sits on the ruler's ticks, below the labels, so they stay readable.
            w = float(_PLAYHEAD_HALF_W)
            head_top = float(_RULER_H - 11)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_PLAYHEAD_COLOUR)
            painter.drawPolygon(
                QPolygonF(
                    [
                        QPointF(playhead - w, head_top),
                        QPointF(playhead + w, head_top),
                        QPointF(playhead + w, head_top + 5),
                        QPointF(playhead, head_top + 11),
                        QPointF(playhead - w, head_top + 5),
                    ]
                )
            )

    def _paint_marker_head(
        self,
        painter: QPainter,
        lane: QRect,
        x: float,
        colour: QColor,
        scale: float,
        outline: QColor,
    ) -> None:
        half = _HEAD_HALF_W * scale
        top = lane.top() + 0.5
        painter.fillRect(QRectF(x - 1, top, 2, lane.height() - 1.5), colour)
        painter.setPen(QPen(outline, 1.5))
        painter.setBrush(colour)
        painter.drawPolygon(
            QPolygonF(
                [QPointF(x - half, top), QPointF(x + half, top), QPointF(x, top + _HEAD_H * scale)]
            )
        )
