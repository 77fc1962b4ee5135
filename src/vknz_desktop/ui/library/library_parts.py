"""Small parts of the library page: the title cell with a reminder under it, the bar that
explains a reminder, and the sort arrow that points the way the rows go."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProxyStyle,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOption,
    QStyleOptionHeader,
    QStyleOptionViewItem,
    QWidget,
)

from vknz_desktop.domain.recording_ports import SourceReminder
from vknz_desktop.ui.common.appearance import signal_colour
from vknz_desktop.ui.library.recording_model import NOTE_ROLE


class SortArrowStyle(QProxyStyle):
    """The application's style with the sort arrow pointing the way the rows go: up (▲) when
    the smallest value is at the top, down (▼) when the largest is (newest first).

    QHeaderView asks the style for a down arrow for ascending order (a convention of some
    platforms); people read the arrow as the direction of the values, so it is turned round.
    """

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.PrimitiveElement.PE_IndicatorHeaderArrow and isinstance(
            option, QStyleOptionHeader
        ):
            swapped = QStyleOptionHeader(option)
            up = QStyleOptionHeader.SortIndicator.SortUp
            down = QStyleOptionHeader.SortIndicator.SortDown
            if option.sortIndicator == up:
                swapped.sortIndicator = down
            elif option.sortIndicator == down:
                swapped.sortIndicator = up
            option = swapped
        super().drawPrimitive(element, option, painter, widget)


class TitleDelegate(QStyledItemDelegate):
    """The title in bold, and under it (when there is one) a reminder in the warning colour."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        note = index.data(NOTE_ROLE)
        if not note:
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        title = item.text
        item.text = ""
        widget = item.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, item, widget)
        area = area.adjusted(3, 0, -3, 0)
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        title_font = QFont(item.font)
        note_font = QFont(item.font)
        note_font.setBold(False)
        line = QFontMetrics(title_font).lineSpacing()
        top = area.center().y() - line
        painter.save()
        try:
            text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
            painter.setPen(item.palette.color(text_role))
            painter.setFont(title_font)
            elided = QFontMetrics(title_font).elidedText(
                title, Qt.TextElideMode.ElideRight, area.width()
            )
            flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            painter.drawText(QRect(area.left(), top, area.width(), line), flags, elided)
            colour = item.palette.color(text_role) if selected else signal_colour("warning")
            painter.setPen(colour)
            painter.setFont(note_font)
            elided = QFontMetrics(note_font).elidedText(
                str(note), Qt.TextElideMode.ElideRight, area.width()
            )
            painter.drawText(QRect(area.left(), top + line, area.width(), line), flags, elided)
        finally:
            painter.restore()


class ReminderBar(QFrame):
    """Explains the reminder of the chosen recording, with a button to say it is done."""

    dismissed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryReminder")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Herinnering bij deze opname"))
        self._recording_id: str | None = None
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.done_button = QPushButton(self.tr("&Gedaan, niet meer herinneren"), self)
        self.done_button.setAccessibleName(self.tr("Herinnering afvinken"))
        self.done_button.clicked.connect(self._on_done)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hide()

    def show_for(self, recording_id: str | None, reminder: SourceReminder | None) -> None:
        """Explain ``reminder`` (None: hide the bar)."""
        self._recording_id = recording_id if reminder is not None else None
        if reminder is None:
            self.hide()
            return
        self.label.setText(self.text(reminder))
        self.show()

    def text(self, reminder: SourceReminder) -> str:
        """What to do, honestly: deleting on flash storage is not destroying, and a phone may
        have copied the recording to a cloud."""
        if reminder.source_removed:
            return self.tr(
                "Het bronbestand is na het importeren verwijderd. Op een geheugenkaart of "
                "telefoon is een verwijderd bestand vaak nog terug te halen, en een telefoon "
                "kan de opname al naar een cloud (zoals een fotoback-up) hebben gekopieerd. "
                "Verwijder de opname daar ook."
            )
        if reminder.phone:
            return self.tr(
                "Deze opname komt van een telefoon. Verwijder hem daar ook, en uit de "
                "cloud-back-up van de telefoon (zoals een fotoback-up). Tot dan staat er een "
                "onversleutelde kopie van het gesprek op de telefoon."
            )
        return self.tr(
            "Deze opname komt van een geheugenkaart of USB-stick. Verwijder hem daar ook; "
            "kwam hij van een telefoon, verwijder hem dan ook uit de cloud-back-up daarvan. "
            "Tot dan staat er een onversleutelde kopie van het gesprek op die kaart."
        )

    def _on_done(self) -> None:
        if self._recording_id is not None:
            self.dismissed.emit(self._recording_id)


__all__ = ["ReminderBar", "SortArrowStyle", "TitleDelegate"]
