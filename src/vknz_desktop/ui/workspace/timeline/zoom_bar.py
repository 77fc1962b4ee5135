"""The timeline's zoom, visible: zoom out, a slider, zoom in and "whole recording".

The slider runs from the whole recording (left) to the narrowest view (right) on a
logarithmic scale, so each step looks the same; it zooms around the playhead and follows the
view when the wheel or the keys zoom.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QToolButton, QWidget

from vknz_desktop.ui.workspace.timeline.widget import TimelineWidget

#: Slider positions from the whole recording (0) to the narrowest view.
STEPS = 1000
#: One press of the buttons (as + and -).
BUTTON_STEP = 1.5


class ZoomBar(QWidget):
    """Zoom controls bound to a timeline."""

    def __init__(self, timeline: TimelineWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._timeline = timeline
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.setSpacing(2)
        label = QLabel(self.tr("Zoom"), self)
        self.out_button = self._button(self.tr("−"), self.tr("Uitzoomen (-)"))
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(0, STEPS)
        self.slider.setPageStep(STEPS // 10)
        self.slider.setAccessibleName(self.tr("Zoom van de tijdlijn"))
        self.slider.setToolTip(self.tr("Links: de hele opname; rechts: ingezoomd"))
        self.slider.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.slider.setMaximumWidth(220)
        label.setBuddy(self.slider)
        self.in_button = self._button(self.tr("+"), self.tr("Inzoomen (+)"))
        self.fit_button = self._button(self.tr("Hele opname"), self.tr("De hele opname (0)"))
        for widget in (label, self.out_button, self.slider, self.in_button, self.fit_button):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.out_button.clicked.connect(lambda: timeline.zoom_around_playhead(1 / BUTTON_STEP))
        self.in_button.clicked.connect(lambda: timeline.zoom_around_playhead(BUTTON_STEP))
        self.fit_button.clicked.connect(timeline.zoom_to_fit)
        self.slider.valueChanged.connect(self._on_slider)
        timeline.viewChanged.connect(lambda _start, _end: self.sync())
        self.sync()

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        return button

    def _range(self) -> tuple[float, float]:
        """(whole, narrowest) span in milliseconds."""
        whole = float(self._timeline.duration())
        return whole, min(self._timeline.min_span(), whole)

    def value_for(self, span: float) -> int:
        """The slider position that shows ``span`` milliseconds."""
        whole, narrowest = self._range()
        if whole <= 0 or narrowest >= whole:
            return 0
        fraction = math.log(whole / max(span, narrowest)) / math.log(whole / narrowest)
        return round(min(max(fraction, 0.0), 1.0) * STEPS)

    def span_for(self, value: int) -> float:
        """The span the slider position ``value`` shows."""
        whole, narrowest = self._range()
        if whole <= 0 or narrowest >= whole:
            return whole
        return float(whole * (narrowest / whole) ** (value / STEPS))

    def sync(self) -> None:
        """Show the timeline's zoom (after the wheel, the keys or a new recording)."""
        has_recording = self._timeline.duration() > 0
        for widget in (self.out_button, self.slider, self.in_button, self.fit_button):
            widget.setEnabled(has_recording)
        with QSignalBlocker(self.slider):
            self.slider.setValue(self.value_for(self._timeline.span()) if has_recording else 0)

    def _on_slider(self, value: int) -> None:
        wanted = self.span_for(value)
        if value == 0:
            self._timeline.zoom_to_fit()
        elif wanted > 0:
            self._timeline.zoom_around_playhead(self._timeline.span() / wanted)


__all__ = ["ZoomBar"]
