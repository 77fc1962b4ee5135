"""The keyboard shortcuts overlay shown on '?'."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget


class HelpOverlay(QWidget):
    """A translucent sheet over the window listing (shortcut, meaning) pairs."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Sneltoetsen"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._rows: list[tuple[str, str]] = []
        parent.installEventFilter(self)
        self.hide()

    def set_rows(self, rows: Sequence[tuple[str, str]]) -> None:
        """The shortcuts to list."""
        self._rows = list(rows)

    def show_over_parent(self) -> None:
        """Cover the parent and take focus."""
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        self.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.parentWidget()
            and event.type() == QEvent.Type.Resize
            and self.isVisible()
        ):
            parent = self.parentWidget()
            if parent is not None:
                self.setGeometry(parent.rect())
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.hide()
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.hide()
        event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(0, 0, 0, 190))
        painter.setPen(QColor(255, 255, 255))
        font = painter.font()
        base = font.pointSizeF()
        font.setPointSizeF(base * 1.5)
        font.setBold(True)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        title_height = metrics.height() * 2
        painter.drawText(
            QRectF(0, 20, self.width(), title_height),
            Qt.AlignmentFlag.AlignCenter,
            self.tr("Sneltoetsen"),
        )
        font.setPointSizeF(base * 1.05)
        font.setBold(False)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        line = metrics.height() + 6
        columns = 2 if len(self._rows) * line > self.height() - 140 else 1
        per_column = -(-len(self._rows) // columns)
        column_width = min(520, (self.width() - 80) // columns)
        key_width = min(200, column_width // 2 - 10)
        left0 = (self.width() - columns * column_width) // 2
        for index, (keys, meaning) in enumerate(self._rows):
            column, row = divmod(index, per_column)
            x = left0 + column * column_width
            y = 30 + title_height + row * line
            painter.setPen(QColor(255, 214, 102))
            painter.drawText(
                QRectF(x, y, key_width, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                keys,
            )
            painter.setPen(QColor(255, 255, 255))
            painter.drawText(
                QRectF(x + key_width + 16, y, column_width - key_width - 16, line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                meaning,
            )
        painter.setPen(QColor(200, 200, 200))
        painter.drawText(
            QRectF(0, self.height() - 50, self.width(), 30),
            Qt.AlignmentFlag.AlignCenter,
            self.tr("Druk op een toets of klik om dit te sluiten"),
        )
        painter.end()
