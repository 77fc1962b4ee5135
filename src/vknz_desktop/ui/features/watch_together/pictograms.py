"""The pictures of Samen kijken: conversation topics as pictograms and the big buttons' symbols.

Drawn with the palette's colours, so they follow the light/dark scheme and high contrast.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QIcon,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QAbstractButton, QSizePolicy, QWidget

from vknz_desktop.ui.widgets.media_icons import drawn_pixmap


@dataclass(frozen=True)
class Topic:
    """A conversation topic with a pictogram."""

    id: str
    word: str


TOPICS: tuple[Topic, ...] = (
    Topic("geld", "Geld"),
    Topic("werk", "Werk"),
    Topic("wonen", "Wonen"),
    Topic("gezondheid", "Gezondheid"),
    Topic("familie", "Familie"),
)


def topic_word(topic: Topic) -> str:
    """The topic's word in the user's language."""
    words = {
        "geld": QCoreApplication.translate("SamenKijken", "Geld"),
        "werk": QCoreApplication.translate("SamenKijken", "Werk"),
        "wonen": QCoreApplication.translate("SamenKijken", "Wonen"),
        "gezondheid": QCoreApplication.translate("SamenKijken", "Gezondheid"),
        "familie": QCoreApplication.translate("SamenKijken", "Familie"),
    }
    return words.get(topic.id, topic.word)


# -- drawing ----------------------------------------------------------------------------------
def paint_pictogram(painter: QPainter, rect: QRectF, topic_id: str, palette: QPalette) -> None:
    """Draw a simple pictogram for ``topic_id`` into ``rect`` (square drawing, 100 units)."""
    side = min(rect.width(), rect.height())
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(rect.center().x() - side / 2, rect.center().y() - side / 2)
    painter.scale(side / 100, side / 100)
    line = palette.color(QPalette.ColorRole.WindowText)
    fill = QColor(palette.color(QPalette.ColorRole.Highlight))
    fill.setAlpha(90)
    pen = QPen(line, 5)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(fill)
    if topic_id == "geld":
        painter.drawRoundedRect(QRectF(8, 28, 70, 42), 6, 6)
        painter.drawEllipse(QPointF(43, 49), 12, 12)
        painter.drawEllipse(QPointF(78, 74), 15, 15)
        painter.drawEllipse(QPointF(78, 74), 7, 7)
    elif topic_id == "werk":
        handle = QPainterPath()
        handle.moveTo(36, 34)
        handle.lineTo(36, 22)
        handle.lineTo(64, 22)
        handle.lineTo(64, 34)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(handle)
        painter.setBrush(fill)
        painter.drawRoundedRect(QRectF(10, 34, 80, 50), 8, 8)
        painter.drawLine(QPointF(10, 56), QPointF(90, 56))
        painter.drawRect(QRectF(44, 51, 12, 10))
    elif topic_id == "wonen":
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(20, 48),
                    QPointF(50, 18),
                    QPointF(80, 48),
                    QPointF(80, 88),
                    QPointF(20, 88),
                ]
            )
        )
        painter.drawLine(QPointF(10, 56), QPointF(50, 14))
        painter.drawLine(QPointF(50, 14), QPointF(90, 56))
        painter.drawRect(QRectF(43, 62, 14, 26))
    elif topic_id == "gezondheid":
        heart = QPainterPath()
        heart.moveTo(50, 86)
        heart.cubicTo(8, 58, 8, 20, 32, 20)
        heart.cubicTo(42, 20, 48, 27, 50, 34)
        heart.cubicTo(52, 27, 58, 20, 68, 20)
        heart.cubicTo(92, 20, 92, 58, 50, 86)
        painter.drawPath(heart)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        pulse = QPainterPath()
        pulse.moveTo(22, 50)
        for x, y in ((38, 50), (44, 38), (52, 62), (58, 50), (78, 50)):
            pulse.lineTo(x, y)
        painter.drawPath(pulse)
    elif topic_id == "familie":
        for x, head_y, radius, body_top, body_width in (
            (26, 24, 10, 38, 24),
            (74, 24, 10, 38, 24),
            (50, 50, 8, 62, 18),
        ):
            painter.drawEllipse(QPointF(x, head_y), radius, radius)
            body = QPainterPath()
            body.addRoundedRect(
                QRectF(x - body_width / 2, body_top, body_width, 88 - body_top), 9, 9
            )
            painter.drawPath(body)
    painter.restore()


def symbol_icon(kind: str, colour: QColor, size: int, ratio: float) -> QIcon:
    """A plain drawn symbol: play, stop, back, leave, speak or topics."""
    return QIcon(
        drawn_pixmap(size, ratio, lambda painter: _paint_symbol(painter, kind, colour, size))
    )


def _paint_symbol(painter: QPainter, kind: str, colour: QColor, size: int) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 100, size / 100)
    pen = QPen(colour, 9)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(colour)
    if kind == "play":
        painter.drawPolygon(QPolygonF([QPointF(24, 14), QPointF(86, 50), QPointF(24, 86)]))
    elif kind == "stop":
        painter.drawRoundedRect(QRectF(20, 20, 60, 60), 8, 8)
    elif kind in ("back", "leave"):
        painter.setBrush(Qt.BrushStyle.NoBrush)
        arc = QPainterPath()
        arc.moveTo(30, 30)
        arc.cubicTo(60, 12, 92, 30, 88, 58)
        arc.cubicTo(84, 84, 50, 92, 30, 78)
        if kind == "leave":
            arc = QPainterPath()
            arc.moveTo(88, 50)
            arc.lineTo(22, 50)
        painter.drawPath(arc)
        painter.setBrush(colour)
        tip = (
            [QPointF(8, 50), QPointF(34, 28), QPointF(34, 72)]
            if kind == "leave"
            else [QPointF(14, 20), QPointF(42, 16), QPointF(28, 44)]
        )
        painter.drawPolygon(QPolygonF(tip))
    elif kind == "speak":
        painter.setBrush(Qt.BrushStyle.NoBrush)
        bubble = QPainterPath()
        bubble.addRoundedRect(QRectF(8, 12, 84, 58), 18, 18)
        painter.drawPath(bubble)
        painter.setBrush(colour)
        painter.drawPolygon(QPolygonF([QPointF(26, 64), QPointF(24, 92), QPointF(48, 66)]))
        for x in (30, 50, 70):
            painter.drawEllipse(QPointF(x, 41), 5, 5)
    elif kind == "topics":
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for x, y in ((10, 10), (56, 10), (10, 56), (56, 56)):
            painter.drawRoundedRect(QRectF(x, y, 34, 34), 6, 6)


# -- widgets ----------------------------------------------------------------------------------
class PictogramButton(QAbstractButton):
    """A topic pictogram with its word below; checked while it is shown big."""

    def __init__(self, topic: Topic, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.topic = topic
        self.setText(topic_word(topic))
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(self.tr("Plaatje {0}").format(self.text()))
        self.setAccessibleDescription(self.tr("Laat het plaatje groot zien, of weer klein"))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        picture = max(56, min(100, round(metrics.height() * 4)))
        width = max(picture, metrics.horizontalAdvance(self.text())) + 24
        return QSize(width, picture + metrics.height() + 24)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(3, 3, -3, -3)
        background = palette.color(
            QPalette.ColorRole.Highlight if self.isChecked() else QPalette.ColorRole.Button
        )
        if self.isChecked():
            background.setAlpha(110)
        painter.setBrush(background)
        focus = self.hasFocus()
        painter.setPen(
            QPen(
                palette.color(QPalette.ColorRole.Highlight if focus else QPalette.ColorRole.Mid),
                5 if focus else 2,
            )
        )
        painter.drawRoundedRect(area, 12, 12)
        metrics = self.fontMetrics()
        text_height = metrics.height()
        picture = area.adjusted(8, 8, -8, -(text_height + 10))
        paint_pictogram(painter, picture, self.topic.id, palette)
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        painter.drawText(
            QRectF(area.left(), area.bottom() - text_height - 8, area.width(), text_height),
            Qt.AlignmentFlag.AlignCenter,
            self.text(),
        )
        painter.end()


class BigPictogram(QAbstractButton):
    """A pictogram shown big over the picture; clicking it puts it away again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.topic: Topic | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(self.tr("Groot plaatje"))
        self.setAccessibleDescription(self.tr("Klik om het plaatje weg te halen"))
        self.hide()

    def show_topic(self, topic: Topic | None) -> None:
        """Show ``topic`` big, or hide (None)."""
        self.topic = topic
        if topic is None:
            self.hide()
            return
        self.setText(topic_word(topic))
        self.setAccessibleName(self.tr("Groot plaatje {0}").format(self.text()))
        self.show()
        self.raise_()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.topic is None:
            return
        painter = QPainter(self)
        palette = self.palette()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(4, 4, -4, -4)
        painter.setBrush(palette.color(QPalette.ColorRole.Window))
        painter.setPen(
            QPen(
                palette.color(
                    QPalette.ColorRole.WindowText
                    if self.hasFocus()
                    else QPalette.ColorRole.Highlight
                ),
                8,
            )
        )
        painter.drawRoundedRect(area, 24, 24)
        font = QFont(self.font())
        font.setPixelSize(max(24, round(area.height() * 0.11)))  # in proportion, >= 24 px
        font.setBold(True)
        painter.setFont(font)
        text_height = painter.fontMetrics().height()
        picture = area.adjusted(30, 30, -30, -(text_height + 40))
        paint_pictogram(painter, picture, self.topic.id, palette)
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        painter.drawText(
            QRectF(area.left(), area.bottom() - text_height - 24, area.width(), text_height),
            Qt.AlignmentFlag.AlignCenter,
            self.text(),
        )
        painter.end()


__all__ = [
    "TOPICS",
    "BigPictogram",
    "PictogramButton",
    "Topic",
    "paint_pictogram",
    "symbol_icon",
    "topic_word",
]
