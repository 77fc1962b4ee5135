"""A layout that puts its items in a row and wraps to the next line when the row is full.

Used where a row of buttons, filters or a label with its field must stay readable at large
text sizes: instead of being squeezed (and cut off) the items move to a new line. Items whose
horizontal size policy expands share the space left over in their line, so a row looks like an
ordinary box layout with a stretching item when everything fits.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    """Left-to-right rows that wrap; height follows the width (height-for-width)."""

    def __init__(
        self, parent: QWidget | None = None, spacing: int = 6, line_spacing: int | None = None
    ) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._line_spacing = spacing if line_spacing is None else line_spacing
        self._activation_pending = False

    # -- QLayout ------------------------------------------------------------------------------
    def invalidate(self) -> None:
        super().invalidate()
        # Qt posts a layout request only when this layout was active at that moment; a change
        # in a child while a request was being handled could leave the row unarranged (seen
        # after a font change): check once more when control returns to the event loop.
        if getattr(self, "_activation_pending", True) or self.parentWidget() is None:
            return
        self._activation_pending = True
        QTimer.singleShot(0, self, self._activate_later)

    def _activate_later(self) -> None:
        self._activation_pending = False
        widget = self.parentWidget()
        if widget is not None and widget.isVisible() and widget.layout() is self:
            self.activate()

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def spacing(self) -> int:
        return self._spacing

    def setSpacing(self, spacing: int) -> None:
        self._spacing = spacing
        self.invalidate()

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        """Everything in one row."""
        visible = self._visible()
        width = sum(item.sizeHint().width() for item in visible)
        width += self._spacing * max(0, len(visible) - 1)
        height = max((item.sizeHint().height() for item in visible), default=0)
        margins = self.contentsMargins()
        return QSize(
            width + margins.left() + margins.right(), height + margins.top() + margins.bottom()
        )

    def minimumSize(self) -> QSize:
        """As wide as the widest item (each on a line of its own)."""
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    # -- internals ----------------------------------------------------------------------------
    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    @staticmethod
    def _expands(item: QLayoutItem) -> bool:
        widget = item.widget()
        directions = (
            widget.sizePolicy().expandingDirections()
            if widget is not None
            else item.expandingDirections()
        )
        return bool(directions & Qt.Orientation.Horizontal)

    @staticmethod
    def _height(item: QLayoutItem, width: int) -> int:
        if item.hasHeightForWidth():
            return max(item.minimumSize().height(), item.heightForWidth(width))
        return item.sizeHint().height()

    def _lines(self, width: int) -> list[list[tuple[QLayoutItem, int]]]:
        """Items with their widths, line by line, for an available ``width``."""
        lines: list[list[tuple[QLayoutItem, int]]] = []
        line: list[tuple[QLayoutItem, int]] = []
        used = 0
        for item in self._visible():
            wanted = max(item.minimumSize().width(), item.sizeHint().width())
            wanted = max(item.minimumSize().width(), min(wanted, width))
            needed = wanted if not line else used + self._spacing + wanted
            if line and needed > width:
                lines.append(line)
                line, used = [], 0
                needed = wanted
            line.append((item, wanted))
            used = needed
        if line:
            lines.append(line)
        # the space left in a line goes to its expanding items
        for current in lines:
            left = width - sum(w for _i, w in current) - self._spacing * (len(current) - 1)
            growing = [n for n, (item, _w) in enumerate(current) if self._expands(item)]
            if left > 0 and growing:
                share, rest = divmod(left, len(growing))
                for position, n in enumerate(growing):
                    item, wanted = current[n]
                    current[n] = (item, wanted + share + (1 if position < rest else 0))
        return lines

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        margins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        y = area.y()
        lines = self._lines(max(1, area.width()))
        for index, line in enumerate(lines):
            heights = [self._height(item, w) for item, w in line]
            line_height = max(heights)
            if apply:
                x = area.x()
                for (item, w), h in zip(line, heights, strict=True):
                    offset = (line_height - h) // 2
                    item.setGeometry(QRect(QPoint(x, y + offset), QSize(w, h)))
                    x += w + self._spacing
            y += line_height + (self._line_spacing if index < len(lines) - 1 else 0)
        return y - rect.y() + margins.bottom()
