"""What the Opnemen page shows while previewing and recording: the camera's picture, a sound
level meter and the recording indicator with the elapsed time."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from vknz_desktop.ui.common.appearance import signal_colour
from vknz_desktop.ui.common.formatting import format_duration

#: The meter shows -60 … 0 dBFS; quieter is empty.
METER_FLOOR_DB = -60.0
#: From here the bar turns to the warning colour (loud), near 0 dBFS it clips.
LOUD_DB = -6.0


#: The property that remembers how much larger than the page's text a widget's text is.
_SCALE = "vknzFontScale"


def enlarge(widget: QWidget, scale: float, *, bold: bool = True) -> None:
    """Text ``scale`` times the surrounding text; ``refit_fonts`` keeps it so when the app's
    text size changes (an explicitly set size would otherwise stay as it was)."""
    widget.setProperty(_SCALE, scale)
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    widget.setFont(font)


def refit_fonts(root: QWidget) -> None:
    """After the app's text size changed: every ``enlarge``d widget under ``root`` again
    ``scale`` times ``root``'s text."""
    base = root.font().pointSizeF()
    if base <= 0:
        return
    for widget in root.findChildren(QWidget):
        scale = widget.property(_SCALE)
        if isinstance(scale, float):
            before = widget.fontMetrics().height()
            font = QFont(widget.font())
            font.setPointSizeF(base * scale)
            widget.setFont(font)
            if widget.minimumHeight() > 0 and before > 0:  # e.g. a big button's height
                ratio = widget.fontMetrics().height() / before
                widget.setMinimumHeight(round(widget.minimumHeight() * ratio))


class PreviewView(QWidget):
    """The newest camera picture, scaled to fit (aspect kept), or a line of text instead."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image: QImage | None = None
        self._text = ""
        self.setMinimumSize(240, 135)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Voorbeeld van de camera"))

    def set_image(self, image: QImage) -> None:
        """Show ``image`` (the newest picture)."""
        self._image = image
        self.update()

    def set_text(self, text: str) -> None:
        """No picture: show ``text`` instead (e.g. "Alleen geluid: de camera blijft uit")."""
        self._image = None
        self._text = text
        self.setAccessibleDescription(text)
        self.update()

    def has_image(self) -> bool:
        """Whether a picture is shown."""
        return self._image is not None

    def sizeHint(self) -> QSize:
        return QSize(480, 270)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.fillRect(self.rect(), QColor(24, 24, 24))
            image = self._image
            if image is not None and not image.isNull():
                scaled = QSize(image.width(), image.height()).scaled(
                    self.size(), Qt.AspectRatioMode.KeepAspectRatio
                )
                left = (self.width() - scaled.width()) / 2
                top = (self.height() - scaled.height()) / 2
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
                painter.drawImage(QRectF(left, top, scaled.width(), scaled.height()), image)
            elif self._text:
                painter.setPen(QColor(235, 235, 235))
                painter.drawText(
                    self.rect().adjusted(12, 12, -12, -12),
                    int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                    self._text,
                )
        finally:
            painter.end()


class LevelMeter(QWidget):
    """How loud the microphone hears the room, from the last tenth of a second: a bar, with a
    mark where it gets too loud. Its accessible value says it in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = METER_FLOOR_DB
        self.setAccessibleName(self.tr("Geluidsniveau van de microfoon"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_level(self, dbfs: float) -> None:
        """The newest level in dBFS (-90 … 0)."""
        self._db = max(METER_FLOOR_DB, min(0.0, dbfs))
        self.setAccessibleDescription(self.describe())
        self.update()

    @property
    def level(self) -> float:
        """The level shown, in dBFS."""
        return self._db

    def fraction(self) -> float:
        """How full the bar is (0 … 1)."""
        return (self._db - METER_FLOOR_DB) / -METER_FLOOR_DB

    def describe(self) -> str:
        """The level in words, for screen readers and the tooltip."""
        if self._db <= -50:
            return self.tr("stil: hoort de microfoon iets?")
        if self._db >= LOUD_DB:
            return self.tr("erg hard")
        return self.tr("goed")

    def sizeHint(self) -> QSize:
        return QSize(240, max(14, self.fontMetrics().height()))

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            palette = self.palette()
            rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Base))
            painter.setPen(palette.color(QPalette.ColorRole.Mid))
            painter.drawRect(rect)
            filled = rect.adjusted(2, 2, -2, -2)
            filled.setWidth(filled.width() * self.fraction())
            loud = self._db >= LOUD_DB
            colour = (
                signal_colour("warning") if loud else palette.color(QPalette.ColorRole.Highlight)
            )
            painter.fillRect(filled, colour)
            mark = rect.left() + rect.width() * (LOUD_DB - METER_FLOOR_DB) / -METER_FLOOR_DB
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.drawLine(int(mark), int(rect.top()), int(mark), int(rect.bottom()))
        finally:
            painter.end()


class RecordingIndicator(QWidget):
    """A red dot, "Opname loopt" (or "Gepauzeerd") and the elapsed time, in large type."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dot = QLabel("●", self)
        self.dot.setAccessibleName(self.tr("Opnamelampje"))
        self.state_label = QLabel(self)
        self.time_label = QLabel(self)
        self.time_label.setAccessibleName(self.tr("Opgenomen tijd"))
        for label, scale in ((self.dot, 1.8), (self.state_label, 1.5), (self.time_label, 1.5)):
            enlarge(label, scale)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.dot)
        layout.addWidget(self.state_label)
        layout.addWidget(self.time_label)
        layout.addStretch(1)
        self.set_state(recording=False, paused=False)
        self.set_elapsed(0)

    def set_state(self, *, recording: bool, paused: bool) -> None:
        """Recording (red dot), paused, or not recording (the indicator is hidden)."""
        self.setVisible(recording)
        if paused:
            self.state_label.setText(self.tr("Gepauzeerd"))
            colour = self.palette().color(QPalette.ColorRole.WindowText)
        else:
            self.state_label.setText(self.tr("Opname loopt"))
            colour = signal_colour("error", background=QPalette.ColorRole.Window)
        palette = self.dot.palette()
        palette.setColor(QPalette.ColorRole.WindowText, colour)
        self.dot.setPalette(palette)
        self.setAccessibleName(self.state_label.text())

    def set_elapsed(self, ms: int) -> None:
        """The recording time so far (pauses left out)."""
        self.time_label.setText(format_duration(ms))

    def text(self) -> str:
        """What it says, e.g. "Opname loopt 0:12"."""
        return f"{self.state_label.text()} {self.time_label.text()}"


__all__ = ["LOUD_DB", "METER_FLOOR_DB", "LevelMeter", "PreviewView", "RecordingIndicator"]
