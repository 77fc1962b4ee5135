"""Play-control symbols drawn in the palette's text colour.

The style's standard media icons are fixed dark pictures: they vanish on the black background of
the high-contrast palette and on a dark operating-system scheme. These are drawn instead, in the
colour the buttons use for their text (and greyed out when disabled), at any size.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPen, QPixmap, QPolygonF

KINDS = ("start", "end", "play", "pause", "volume", "muted")
_SIZES = (16, 24, 32, 48)


def paint_symbol(painter: QPainter, rect: QRectF, kind: str, colour: QColor) -> None:
    """Draw the symbol ``kind`` (one of KINDS) into ``rect`` (square drawing, 100 units)."""
    if kind not in KINDS:
        raise ValueError(f"unknown symbol {kind!r}")
    side = min(rect.width(), rect.height())
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(rect.center().x() - side / 2, rect.center().y() - side / 2)
    painter.scale(side / 100, side / 100)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)

    def triangle(*points: tuple[float, float]) -> None:
        painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in points]))

    if kind == "play":
        triangle((26, 14), (86, 50), (26, 86))
    elif kind == "pause":
        painter.drawRoundedRect(QRectF(22, 16, 20, 68), 4, 4)
        painter.drawRoundedRect(QRectF(58, 16, 20, 68), 4, 4)
    elif kind == "start":
        painter.drawRoundedRect(QRectF(14, 18, 12, 64), 3, 3)
        triangle((86, 18), (30, 50), (86, 82))
    elif kind == "end":
        painter.drawRoundedRect(QRectF(74, 18, 12, 64), 3, 3)
        triangle((14, 18), (70, 50), (14, 82))
    elif kind in ("volume", "muted"):
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(8, 36),
                    QPointF(26, 36),
                    QPointF(50, 14),
                    QPointF(50, 86),
                    QPointF(26, 64),
                    QPointF(8, 64),
                ]
            )
        )
        pen = QPen(colour, 8)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if kind == "volume":
            for radius in (16, 32):
                box = QRectF(50 - radius, 50 - radius, radius * 2, radius * 2)
                painter.drawArc(box, -50 * 16, 100 * 16)
        else:
            painter.drawLine(QPointF(64, 34), QPointF(92, 66))
            painter.drawLine(QPointF(92, 34), QPointF(64, 66))
    painter.restore()


def drawn_pixmap(size: int, ratio: float, draw: Callable[[QPainter], None]) -> QPixmap:
    """A transparent ``size``×``size`` pixmap for a screen with device pixel ratio ``ratio``,
    drawn by ``draw``."""
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    try:
        draw(painter)
    finally:
        painter.end()
    return pixmap


def _pixmap(kind: str, colour: QColor, size: int, ratio: float) -> QPixmap:
    return drawn_pixmap(
        size, ratio, lambda painter: paint_symbol(painter, QRectF(0, 0, size, size), kind, colour)
    )


def media_icon(
    kind: str,
    palette: QPalette,
    role: QPalette.ColorRole = QPalette.ColorRole.ButtonText,
    sizes: Iterable[int] = (),
    ratio: float = 1.0,
) -> QIcon:
    """The symbol ``kind`` in ``palette``'s ``role`` colour (disabled: the disabled colour)."""
    icon = QIcon()
    normal = palette.color(QPalette.ColorGroup.Active, role)
    disabled = palette.color(QPalette.ColorGroup.Disabled, role)
    if disabled == normal:
        disabled = QColor(normal)
        disabled.setAlphaF(0.4)
    for size in sorted({*_SIZES, *sizes}):
        for colour, modes in (
            (normal, (QIcon.Mode.Normal, QIcon.Mode.Active, QIcon.Mode.Selected)),
            (disabled, (QIcon.Mode.Disabled,)),
        ):
            pixmaps = [_pixmap(kind, colour, size, ratio)]
            if ratio != 1.0:
                pixmaps.append(_pixmap(kind, colour, size, 1.0))
            for mode in modes:
                for state in (QIcon.State.Off, QIcon.State.On):
                    for pixmap in pixmaps:
                        icon.addPixmap(pixmap, mode, state)
    return icon
