""" "Samen kijken": a calm, very simple view for watching a recording together with a klant.

Meant for sitting at the table with a client who has a language barrier or a mild intellectual
disability (METHOD.md, maatwerk): the picture very large, three very large buttons with a
picture and one short word, no times or technical terms, optional pictograms for conversation
topics, and one button "Hier wil ik iets over zeggen" that stores a marker (as the klant's
feedback) at the current moment. Every colour comes from the palette, so the view follows the
light/dark scheme and the high-contrast setting.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QImage,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QPolygonF,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from vknz_desktop.domain import visibility
from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.models import Role
from vknz_desktop.services.observations import ObservationService
from vknz_desktop.ui.messages import show_known_error
from vknz_desktop.ui.player_controller import PlayerController
from vknz_desktop.ui.video_view import VideoView

if TYPE_CHECKING:
    from vknz_desktop.ui.main_window import MainWindow

# The text stored with a marker (data in the vault, so not translated).
MARKER_TEXT = "Hier wil ik iets over zeggen"
BACK_MS = 10_000
SAVED_SHOWN_MS = 2500


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


def _symbol_icon(kind: str, colour: QColor, size: int, ratio: float) -> QIcon:
    """A plain drawn symbol: play, stop, back, leave, speak or topics."""
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
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
    painter.end()
    return QIcon(pixmap)


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
        font.setPixelSize(max(12, round(area.height() * 0.11)))  # in proportion to the picture
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


class _Stage(QWidget):
    """The picture with the big pictogram and the "Bewaard" message laid over it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.video = VideoView(self)
        self.big = BigPictogram(self)
        self.saved = QLabel(self)
        self.saved.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.saved.hide()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(960, 540)

    def minimumSizeHint(self) -> QSize:
        return QSize(320, 180)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.video.setGeometry(self.rect())
        side = round(min(self.width() * 0.8, self.height() * 0.9))
        self.big.setGeometry((self.width() - side) // 2, (self.height() - side) // 2, side, side)
        hint = self.saved.sizeHint()
        width = min(self.width() - 20, hint.width() + 80)
        height = hint.height() + 40
        self.saved.setGeometry(
            (self.width() - width) // 2, (self.height() - height) // 2, width, height
        )


class SamenKijkenView(QWidget):
    """The page itself; the feature below wires it to the window and the vault."""

    leaveRequested = Signal()
    markRequested = Signal(int)  # position in ms

    def __init__(self, controller: PlayerController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.active = False
        self._styling = False
        self._big_points = 16.0
        self.setAccessibleName(self.tr("Samen kijken"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.setSpacing(12)

        top = QHBoxLayout()
        self.leave_button = QPushButton(self.tr("Terug naar normaal"), self)
        self.leave_button.setObjectName("small")
        self.leave_button.setAccessibleName(self.tr("Terug naar normaal"))
        self.leave_button.setAccessibleDescription(self.tr("Terug naar het gewone scherm (Esc)"))
        self.leave_button.setToolTip(self.tr("Terug naar het gewone scherm (Esc)"))
        top.addWidget(self.leave_button)
        top.addStretch(1)
        self.topics_button = QPushButton(self.tr("Plaatjes"), self)
        self.topics_button.setObjectName("small")
        self.topics_button.setCheckable(True)
        self.topics_button.setAccessibleName(self.tr("Plaatjes laten zien"))
        self.topics_button.setAccessibleDescription(
            self.tr("Plaatjes van onderwerpen: geld, werk, wonen, gezondheid, familie")
        )
        top.addWidget(self.topics_button)
        layout.addLayout(top)

        self.stage = _Stage(self)
        self.video = self.stage.video
        self.video.setAccessibleName(self.tr("Beeld"))
        self.big_pictogram = self.stage.big
        self.saved_label = self.stage.saved
        self.saved_label.setText(self.tr("✓ Bewaard"))
        self.saved_label.setAccessibleName(self.tr("Bewaard"))
        layout.addWidget(self.stage, 1)

        self.topics_row = QWidget(self)
        row = QHBoxLayout(self.topics_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)
        self.pictogram_buttons: list[PictogramButton] = []
        for topic in TOPICS:
            button = PictogramButton(topic, self.topics_row)
            button.clicked.connect(lambda _checked=False, t=topic: self.toggle_topic(t))
            row.addWidget(button)
            self.pictogram_buttons.append(button)
        row.addStretch(1)
        self.topics_row.hide()
        layout.addWidget(self.topics_row)

        buttons = QHBoxLayout()
        buttons.setSpacing(16)
        self.back_button = QPushButton(self.tr("Terug"), self)
        self.back_button.setAccessibleName(self.tr("Terug"))
        self.back_button.setAccessibleDescription(self.tr("Een stukje terug (10 seconden)"))
        self.play_button = QPushButton(self.tr("Kijken"), self)
        self.mark_button = QPushButton(self.tr("Hier wil ik iets over zeggen"), self)
        self.mark_button.setObjectName("primary")
        self.mark_button.setAccessibleName(self.mark_button.text())
        self.mark_button.setAccessibleDescription(
            self.tr("Bewaart dit moment om er later over te praten")
        )
        for big in (self.back_button, self.play_button, self.mark_button):
            if not big.objectName():
                big.setObjectName("big")
            big.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.play_button)
        buttons.addSpacing(24)
        buttons.addWidget(self.mark_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self._saved_timer = QTimer(self)
        self._saved_timer.setSingleShot(True)
        self._saved_timer.setInterval(SAVED_SHOWN_MS)
        self._saved_timer.timeout.connect(self.saved_label.hide)

        self.leave_button.clicked.connect(self.leaveRequested)
        self.topics_button.toggled.connect(self.set_topics_visible)
        self.back_button.clicked.connect(self.go_back)
        self.play_button.clicked.connect(controller.toggle)
        self.mark_button.clicked.connect(self.mark_moment)
        self.big_pictogram.clicked.connect(lambda: self.toggle_topic(None))
        controller.frameReady.connect(self._on_frame)
        controller.positionChanged.connect(self._on_position)
        controller.playingChanged.connect(self._on_playing)
        for key, slot in (
            (Qt.Key.Key_Space, controller.toggle),
            (Qt.Key.Key_Escape, self.leaveRequested.emit),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self._on_playing(False)
        self._restyle()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.fontChanged.connect(self._follow_application)
            app.paletteChanged.connect(self._follow_application)

    # -- state --------------------------------------------------------------------------------
    def activate(self, audio_only: bool) -> None:
        """Start showing the controller's pictures (called on entering)."""
        self.active = True
        self.video.clear()
        self.video.set_audio_only(audio_only)
        self._on_playing(self.controller.playing)
        self.play_button.setFocus()

    def deactivate(self) -> None:
        """Forget the picture and put pictograms and messages away (on leaving or locking)."""
        self.active = False
        self.video.clear()
        self.toggle_topic(None)
        self.topics_button.setChecked(False)
        self._saved_timer.stop()
        self.saved_label.hide()

    def go_back(self) -> None:
        """A bit back (10 s)."""
        self.controller.skip(-BACK_MS)

    def mark_moment(self) -> None:
        """Ask for a marker at the current moment (the feature stores it)."""
        self.markRequested.emit(self.controller.position_ms())

    def show_saved(self) -> None:
        """A friendly confirmation over the picture for a few seconds."""
        self.saved_label.show()
        self.saved_label.raise_()
        self.stage.resizeEvent(QResizeEvent(self.stage.size(), self.stage.size()))
        self._saved_timer.start()

    def set_topics_visible(self, visible: bool) -> None:
        """Show or hide the row of pictograms."""
        self.topics_row.setVisible(visible)
        if self.topics_button.isChecked() != visible:
            self.topics_button.setChecked(visible)
        if not visible:
            self.toggle_topic(None)

    def toggle_topic(self, topic: Topic | None) -> None:
        """Show ``topic`` big over the picture; the same topic again (or None) puts it away."""
        current = self.big_pictogram.topic
        shown = None if topic is None or (current is not None and current.id == topic.id) else topic
        self.big_pictogram.show_topic(shown)
        for button in self.pictogram_buttons:
            button.setChecked(shown is not None and button.topic.id == shown.id)

    @property
    def shown_topic(self) -> Topic | None:
        """The pictogram shown big, if any."""
        return self.big_pictogram.topic if self.big_pictogram.isVisible() else None

    def buttons(self) -> list[QAbstractButton]:
        """Every button of the view (for tests and checks)."""
        return self.findChildren(QAbstractButton)

    # -- controller ---------------------------------------------------------------------------
    def _on_frame(self, image: QImage) -> None:
        if self.active:
            self.video.set_image(image)

    def _on_position(self, position_ms: int) -> None:
        if self.active:
            self.video.set_position(position_ms, self.controller.duration_ms)

    def _on_playing(self, playing: bool) -> None:
        text = self.tr("Stop") if playing else self.tr("Kijken")
        self.play_button.setText(text)
        self.play_button.setAccessibleName(text)
        self.play_button.setAccessibleDescription(
            self.tr("Stoppen met kijken") if playing else self.tr("Het filmpje laten lopen")
        )
        self.play_button.setIcon(self._icon("stop" if playing else "play"))

    # -- look ---------------------------------------------------------------------------------
    def _icon(self, kind: str, role: QPalette.ColorRole = QPalette.ColorRole.ButtonText) -> QIcon:
        size = self._icon_size()
        return _symbol_icon(kind, self.palette().color(role), size, self.devicePixelRatioF())

    def _follow_application(self, *_args: object) -> None:
        # Qt passes font and palette changes on to widgets with a style sheet only through the
        # style: follow the application ourselves, once the change is complete.
        QTimer.singleShot(0, self, self._restyle)

    def _restyle(self) -> None:
        """Sizes from the application font, colours from the palette (light, dark, contrast)."""
        if self._styling:
            return
        self._styling = True
        try:
            # Take the application's font and palette explicitly (text size and high-contrast
            # settings, the system's light/dark scheme); children inherit them from here.
            self.setFont(QApplication.font())
            self.setPalette(QApplication.palette())
            palette = self.palette()

            def colour(role: QPalette.ColorRole) -> str:
                return palette.color(role).name()

            role = QPalette.ColorRole
            base = self.font().pointSizeF()
            if base <= 0:
                base = 10.0
            # Very large at the normal text size; with enlarged text the three buttons must
            # still fit side by side on a 1366 pixels wide screen.
            big = max(base * 1.3, min(base * 1.8, 24.0))
            small, saved = base * 1.25, big * 1.4
            self._big_points = big
            sheet = f"""
            QPushButton#big, QPushButton#primary, QPushButton#small {{
                border: 3px solid {colour(role.Mid)};
                border-radius: 16px;
                background: {colour(role.Button)};
                color: {colour(role.ButtonText)};
                font-size: {big:.1f}pt;
                font-weight: bold;
                padding: 14px 28px;
            }}
            QPushButton#small {{
                font-size: {small:.1f}pt;
                padding: 8px 18px;
                border-radius: 12px;
            }}
            QPushButton#primary {{
                background: {colour(role.Highlight)};
                color: {colour(role.HighlightedText)};
                border-color: {colour(role.Highlight)};
            }}
            QPushButton#big:focus, QPushButton#small:focus {{
                border: 6px solid {colour(role.Highlight)};
            }}
            QPushButton#primary:focus {{ border: 6px solid {colour(role.WindowText)}; }}
            QPushButton#small:checked {{ background: {colour(role.Highlight)};
                color: {colour(role.HighlightedText)}; }}
            QPushButton:pressed {{ background: {colour(role.Mid)}; }}
            """
            self.setStyleSheet(sheet)
            font = QFont(self.font())
            font.setPointSizeF(saved)
            font.setBold(True)
            self.saved_label.setFont(font)
            self.saved_label.setAutoFillBackground(True)
            label_palette = QPalette(palette)
            label_palette.setColor(QPalette.ColorRole.Window, palette.color(role.Highlight))
            label_palette.setColor(
                QPalette.ColorRole.WindowText, palette.color(role.HighlightedText)
            )
            self.saved_label.setPalette(label_palette)
            picture_font = QFont(self.font())
            picture_font.setPointSizeF(base * 1.2)
            for button in self.pictogram_buttons:
                button.setFont(picture_font)
                button.updateGeometry()
            self.big_pictogram.setFont(self.font())
            self.back_button.setIcon(self._icon("back"))
            self.mark_button.setIcon(self._icon("speak", role.HighlightedText))
            self.leave_button.setIcon(self._icon("leave"))
            self.topics_button.setIcon(self._icon("topics"))
            icon = self._icon_size()
            for big_button in (self.back_button, self.play_button, self.mark_button):
                big_button.setIconSize(QSize(icon, icon))
            small_icon = round(icon * 0.6)
            for small_button in (self.leave_button, self.topics_button):
                small_button.setIconSize(QSize(small_icon, small_icon))
            self._on_playing(self.controller.playing)
            self._fix_play_width()
        finally:
            self._styling = False

    def _icon_size(self) -> int:
        font = QFont(self.font())
        font.setPointSizeF(self._big_points)
        return max(32, round(QFontMetrics(font).height() * 1.5))

    def _fix_play_width(self) -> None:
        """Keep the play button as wide as its widest word, so nothing jumps."""
        self.play_button.ensurePolished()
        current = self.play_button.text()
        widths = []
        for text in (self.tr("Kijken"), self.tr("Stop")):
            self.play_button.setText(text)
            widths.append(self.play_button.sizeHint().width())
        self.play_button.setText(current)
        self.play_button.setMinimumWidth(max(widths))


class SamenKijkenFeature(QObject):
    """Afspelen → Samen kijken: the view as a page of the main window, the marker in the vault."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.view = SamenKijkenView(window.context.controller, window)
        window.stack.addWidget(self.view)
        self.view.leaveRequested.connect(self.leave)
        self.view.markRequested.connect(self.store_marker)
        window.stack.currentChanged.connect(lambda _index: self._on_page_changed())
        window.play_menu.addSeparator()
        self.action = QAction(window.tr("&Samen kijken met de klant"), window)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.action.setStatusTip(
            window.tr("Groot beeld en grote knoppen, om samen met de klant te kijken")
        )
        self.action.triggered.connect(lambda _checked=False: self.enter())
        window.addAction(self.action)
        window.play_menu.addAction(self.action)
        # Enabled in the workspace only, and listed in the shortcuts overlay, with the rest.
        window.play_actions.append(self.action)

    @property
    def active(self) -> bool:
        """Whether the view is showing."""
        return self.window.stack.currentWidget() is self.view

    def enter(self) -> None:
        """Show the open recording in the Samen kijken view."""
        window = self.window
        recording = window.workspace.recording
        if window.vault is None or recording is None or self.active:
            return
        allowed = visibility.samen_kijken(recording)  # the one consent policy
        if not allowed.allowed:
            show_known_error(window, KnownError(allowed.reason))
            return
        window.workspace.save_pending_observation()
        self.view.activate(not recording.media.has_video)
        window.stack.setCurrentWidget(self.view)
        window.setWindowTitle(window.tr("Samen kijken — VKNZ"))
        controller = window.context.controller
        if not controller.playing:
            controller.seek(controller.position_ms())  # the picture of this moment, at once
        self.view.play_button.setFocus()

    def leave(self) -> None:
        """Back to the normal workspace."""
        window = self.window
        if not self.active:
            return
        recording = window.workspace.recording
        if recording is None:
            window.show_library()
            return
        window.stack.setCurrentWidget(window.workspace)
        window.setWindowTitle(window.tr("{0} — VKNZ").format(recording.title))
        window.workspace._reload_observations()
        controller = window.context.controller
        if not controller.playing:
            controller.seek(controller.position_ms())
        window.workspace.video.setFocus()

    def store_marker(self, position_ms: int) -> None:
        """Store "Hier wil ik iets over zeggen" at ``position_ms`` as the klant's feedback."""
        window = self.window
        recording = window.workspace.recording
        if window.vault is None or recording is None:
            return
        try:
            ObservationService(window.vault).create(
                recording.id,
                position_ms,
                text=MARKER_TEXT,
                author_role=Role.KLANT,
            )
        except KnownError as error:  # e.g. the consent does not cover the klant
            show_known_error(window, error)
            return
        self.view.show_saved()

    def _on_page_changed(self) -> None:
        bar = self.window.menuBar()
        if self.active:
            bar.hide()  # nothing technical on screen while sitting with the klant
        elif self.view.active:
            self.view.deactivate()
            bar.show()
