"""A position slider that jumps to where it is clicked (Qt's slider steps a page instead)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QSlider, QStyle, QStyleOptionSlider, QWidget


class SeekSlider(QSlider):
    """A horizontal slider: a left click beside the handle moves the handle there at once
    (``sliderMoved`` reports the new value), and the drag goes on from there."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)

    def value_at(self, x: float) -> int:
        """The value under the horizontal position ``x`` (in the slider's coordinates)."""
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        style = self.style()
        control = QStyle.ComplexControl.CC_Slider
        groove = style.subControlRect(control, option, QStyle.SubControl.SC_SliderGroove, self)
        handle = style.subControlRect(control, option, QStyle.SubControl.SC_SliderHandle, self)
        span = max(1, groove.width() - handle.width())
        offset = round(x - groove.x() - handle.width() / 2)
        return QStyle.sliderValueFromPosition(
            self.minimum(), self.maximum(), max(0, min(offset, span)), span, option.upsideDown
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.isEnabled():
            value = self.value_at(event.position().x())
            if value != self.value():
                self.setValue(value)
                self.sliderMoved.emit(value)
        super().mousePressEvent(event)


__all__ = ["SeekSlider"]
