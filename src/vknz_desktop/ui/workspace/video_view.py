"""Paints the current picture (aspect ratio kept) or, for audio-only recordings, the waveform
with a large play head. No native window: frames arrive as QImages from the controller."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QImage,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

_HEAD_RADIUS = 9  # the round top of the audio play head


class VideoView(QWidget):
    """The picture area of the workspace."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Beeld van de opname"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 180)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        # Clicking the picture takes the focus from a text field (the playback keys work
        # again); a frame in the highlight colour shows that it has the focus.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._image: QImage | None = None
        self._audio_only = False
        self._peaks: list[float] = []
        self._position = 0
        self._duration = 0
        self._message = ""

    def sizeHint(self) -> QSize:
        return QSize(800, 450)

    # -- data ---------------------------------------------------------------------------------
    def set_image(self, image: QImage) -> None:
        """Show ``image`` (already rotated by the player)."""
        self._image = image
        self._message = ""
        self.update()

    @property
    def peaks(self) -> list[float]:
        """The waveform shown for an audio-only recording (empty when none)."""
        return list(self._peaks)

    @property
    def audio_only(self) -> bool:
        """Whether the recording has no picture (the waveform and a big play head instead)."""
        return self._audio_only

    def set_audio_only(self, audio_only: bool) -> None:
        """Show the waveform and a play head instead of a picture."""
        self._audio_only = audio_only
        self.update()

    def set_waveform(self, peaks: Sequence[float]) -> None:
        """Peaks 0..1 over the whole recording (for audio-only display)."""
        self._peaks = list(peaks)
        self.update()

    def set_position(self, position_ms: int, duration_ms: int) -> None:
        """Where the play head is (only repainted in audio-only mode)."""
        self._position, self._duration = position_ms, duration_ms
        if self._audio_only:
            self.update()

    def set_message(self, text: str) -> None:
        """A short centred message instead of a picture (e.g. while loading)."""
        self._message = text
        self.update()

    def clear(self) -> None:
        """Forget the picture, waveform and position (used when the vault locks)."""
        self._image = None
        self._peaks = []
        self._position = self._duration = 0
        self._audio_only = False
        self._message = ""
        self.update()

    def has_picture(self) -> bool:
        """Whether a picture is being shown."""
        return self._image is not None

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    # -- painting -----------------------------------------------------------------------------
    def picture_rect(self) -> QRectF:
        """Where the picture is drawn: as large as fits, centred, aspect ratio kept."""
        if self._image is None or self._image.isNull():
            return QRectF()
        area = QRectF(self.rect())
        scale = min(area.width() / self._image.width(), area.height() / self._image.height())
        width, height = self._image.width() * scale, self._image.height() * scale
        return QRectF(area.center().x() - width / 2, area.center().y() - height / 2, width, height)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(16, 16, 18))
        if self._audio_only:
            self._paint_audio(painter)
        elif self._image is not None and not self._image.isNull():
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(self.picture_rect(), self._image)
        if self.hasFocus():
            pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        if self._message:
            painter.setPen(QColor(230, 230, 230))
            font = painter.font()
            font.setPointSizeF(font.pointSizeF() * 1.3)
            painter.setFont(font)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._message)
        painter.end()

    def audio_label_rect(self) -> QRectF:
        """Where "Alleen geluid" is written: a strip of its own above the waveform."""
        line = self.fontMetrics().height()
        return QRectF(24, 12, max(0, self.width() - 48), line + 4)

    def waveform_rect(self) -> QRectF:
        """The waveform and its play head, under the label (the play head never covers it)."""
        label = self.audio_label_rect()
        top = label.bottom() + 10 + _HEAD_RADIUS
        return QRectF(24, top, max(0, self.width() - 48), max(0, self.height() - top - 24))

    def play_head_x(self) -> float | None:
        """The x of the big play head (None before the length is known)."""
        if self._duration <= 0:
            return None
        rect = self.waveform_rect()
        return rect.left() + rect.width() * self._position / self._duration

    def _paint_audio(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(150, 150, 160))
        painter.drawText(
            self.audio_label_rect(),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self.tr("Alleen geluid"),
        )
        rect = self.waveform_rect()
        mid = rect.center().y()
        if self._peaks:
            path = QPainterPath()
            count = len(self._peaks)
            half = rect.height() * 0.45
            path.moveTo(rect.left(), mid)
            for index, peak in enumerate(self._peaks):
                x = rect.left() + rect.width() * index / max(1, count - 1)
                path.lineTo(x, mid - peak * half)
            for index in range(count - 1, -1, -1):
                x = rect.left() + rect.width() * index / max(1, count - 1)
                path.lineTo(x, mid + self._peaks[index] * half)
            path.closeSubpath()
            painter.fillPath(path, QColor(80, 150, 210, 170))
        else:
            painter.setPen(QPen(QColor(80, 150, 210), 2))
            painter.drawLine(QPointF(rect.left(), mid), QPointF(rect.right(), mid))
        head = self.play_head_x()
        if head is not None:
            painter.setPen(QPen(QColor(255, 200, 60), 4))
            painter.drawLine(QPointF(head, rect.top()), QPointF(head, rect.bottom()))
            painter.setBrush(QColor(255, 200, 60))
            painter.drawEllipse(QPointF(head, rect.top()), _HEAD_RADIUS, _HEAD_RADIUS)
