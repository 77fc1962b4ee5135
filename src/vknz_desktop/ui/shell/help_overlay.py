"""The keyboard shortcuts overlay shown on '?'."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import QWidget


class HelpOverlay(QWidget):
    """A translucent sheet over the window listing (shortcut, meaning) pairs."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Sneltoetsen"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.rows: list[tuple[str, str]] = []
        parent.installEventFilter(self)
        self.hide()

    def set_rows(self, rows: Sequence[tuple[str, str]]) -> None:
        """The shortcuts to list."""
        self.rows = list(rows)

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

    def layout_sheet(self) -> SheetLayout:
        """Where everything goes: an opaque card in the middle, as many columns (1-3) as the
        rows need to fit, and a smaller font only when three columns are not enough."""
        base = QFont(self.font())
        base_size = base.pointSizeF() if base.pointSizeF() > 0 else 10.0
        margin = 24
        smallest = max(MIN_POINT_SIZE, base_size * SCALES[-1])
        sizes = [max(smallest, base_size * scale) for scale in SCALES]
        tries = [(size / base_size, columns) for size in sizes for columns in (1, 2, 3)]
        sheets = (self._try_layout(base, base_size * sc, columns, margin) for sc, columns in tries)
        fallback = None
        for sheet in sheets:
            if sheet.fits and not sheet.elided:
                return sheet  # everything whole, in the fewest columns, largest text
            if sheet.fits and fallback is None:
                fallback = sheet  # meanings cut short (a narrow window), but all there
        return fallback or self._try_layout(base, smallest, 3, margin)

    def _try_layout(self, base: QFont, size: float, columns: int, margin: int) -> SheetLayout:
        font = QFont(base)
        font.setPointSizeF(size)
        metrics = QFontMetrics(font)
        title_font = QFont(font)
        title_font.setPointSizeF(size * 1.4)
        title_font.setBold(True)
        title_height = QFontMetrics(title_font).height() * 2
        line = metrics.height() + 6
        key_width = max((metrics.horizontalAdvance(k) for k, _ in self.rows), default=0) + 4
        meaning_width = max((metrics.horizontalAdvance(m) for _, m in self.rows), default=0) + 4
        available = self.width() - 2 * margin
        gap = 24  # between columns
        column_width = min(key_width + 16 + meaning_width + gap, max(1, available // columns))
        key_width = min(key_width, column_width // 2)
        per_column = -(-len(self.rows) // columns) if self.rows else 0
        footer = metrics.height() * 2
        width = columns * column_width - gap + 2 * margin
        height = title_height + per_column * line + footer + margin
        card = QRectF(
            max(0, (self.width() - width) / 2),
            max(0, (self.height() - height) / 2),
            min(width, self.width()),
            min(height, self.height()),
        )
        rows = []
        for index in range(len(self.rows)):
            column, row = divmod(index, per_column)
            x = card.left() + margin + column * column_width
            y = card.top() + title_height + row * line
            rows.append(
                (
                    QRectF(x, y, key_width, line),
                    QRectF(x + key_width + 16, y, column_width - key_width - 16 - gap, line),
                )
            )
        fits = height <= self.height()
        elided = column_width - key_width - 16 - gap < meaning_width
        return SheetLayout(font, title_font, card, title_height, rows, fits, elided)

    def paintEvent(self, event: QPaintEvent) -> None:
        sheet = self.layout_sheet()
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(0, 0, 0, 150))  # the window dimmed ...
        painter.setPen(QColor(255, 214, 102))
        painter.setBrush(CARD_COLOUR)  # ... and the list on a card nothing shows through
        painter.drawRoundedRect(sheet.card, 10, 10)
        painter.setPen(QColor(255, 255, 255))
        painter.setFont(sheet.title_font)
        painter.drawText(
            QRectF(sheet.card.left(), sheet.card.top(), sheet.card.width(), sheet.title_height),
            Qt.AlignmentFlag.AlignCenter,
            self.tr("Sneltoetsen"),
        )
        painter.setFont(sheet.font)
        metrics = painter.fontMetrics()
        for (keys, meaning), (key_rect, meaning_rect) in zip(self.rows, sheet.rows, strict=True):
            painter.setPen(QColor(255, 214, 102))
            painter.drawText(
                key_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, keys
            )
            painter.setPen(QColor(255, 255, 255))
            shown = metrics.elidedText(
                meaning, Qt.TextElideMode.ElideRight, int(meaning_rect.width())
            )
            painter.drawText(
                meaning_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown
            )
        painter.setPen(QColor(220, 220, 220))
        footer = metrics.height() * 2
        painter.drawText(
            QRectF(sheet.card.left(), sheet.card.bottom() - footer, sheet.card.width(), footer),
            Qt.AlignmentFlag.AlignCenter,
            self.tr("Druk op een toets of klik om dit te sluiten"),
        )
        painter.end()


#: Text sizes tried, relative to the app's font, before giving up on a larger one.
SCALES = (1.05, 0.95, 0.85, 0.75, 0.65, 0.55)
#: ... but never below this (a large text setting may shrink further than a small one).
MIN_POINT_SIZE = 8.0
#: The card's colour: opaque, so the panels underneath never show through the text.
CARD_COLOUR = QColor(24, 24, 24)


@dataclass
class SheetLayout:
    """The overlay's computed layout (see ``HelpOverlay.layout_sheet``)."""

    font: QFont
    title_font: QFont
    card: QRectF
    title_height: int
    rows: list[tuple[QRectF, QRectF]]
    fits: bool  # every row within the window's height
    elided: bool  # some meanings are cut short (…)
