""" "Samen kijken": a calm, very simple view for watching a recording together with a klant.

Meant for sitting at the table with a client who has a language barrier or a mild intellectual
disability (METHOD.md, maatwerk): the picture very large, three very large buttons with a
picture and one short word, no times or technical terms, optional pictograms for conversation
topics, and one button "Hier wil ik iets over zeggen" that stores a marker (as the klant's
feedback) at the current moment and pauses the film, so that there is room to talk. A thin bar
shows how far the film is (no times). A pictogram is shown big only while the film stands still
(showing one pauses the film, playing puts it away) and goes away by itself after a while. Every
text is at least 24 pixels high at the normal text size. Every colour comes from the palette,
so the view follows the light/dark scheme and the high-contrast setting.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QIcon,
    QImage,
    QKeySequence,
    QPalette,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from vknz_desktop.ui.features.watch_together.pictograms import (
    TOPICS,
    BigPictogram,
    PictogramButton,
    Topic,
    symbol_icon,
)
from vknz_desktop.ui.playback.player_controller import PlayerController
from vknz_desktop.ui.workspace.video_view import VideoView

BACK_MS = 10_000
SAVED_SHOWN_MS = 2500
#: A big pictogram goes away by itself after this long (nobody has to remember to close it).
TOPIC_SHOWN_MS = 20_000
#: The smallest text in the view, in pixels at the normal text size.
MIN_TEXT_PX = 24
#: The progress bar's resolution.
PROGRESS_STEPS = 1000


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
    """The page itself; ``SamenKijkenFeature`` (feature.py) wires it to the shell and the vault."""

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
        layout.addLayout(self._build_top())
        self._build_stage()
        layout.addWidget(self.stage, 1)
        self._build_progress()
        layout.addWidget(self.progress)
        self._build_topics()
        layout.addWidget(self.topics_row)
        layout.addLayout(self._build_buttons())
        self._saved_timer = QTimer(self)
        self._saved_timer.setSingleShot(True)
        self._saved_timer.setInterval(SAVED_SHOWN_MS)
        self._saved_timer.timeout.connect(self.saved_label.hide)
        self.topic_timer = QTimer(self)
        self.topic_timer.setSingleShot(True)
        self.topic_timer.setInterval(TOPIC_SHOWN_MS)
        self.topic_timer.timeout.connect(lambda: self.toggle_topic(None))

        self._connect()
        self._add_shortcuts()
        self._on_playing(False)
        self._restyle()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.fontChanged.connect(self._follow_application)
            app.paletteChanged.connect(self._follow_application)

    def _build_top(self) -> QHBoxLayout:
        """Back to normal, and the pictures of topics."""
        top = QHBoxLayout()
        self.leave_button = QPushButton(self.tr("Samen kijken sluiten"), self)
        self.leave_button.setObjectName("small")
        self.leave_button.setAccessibleName(self.tr("Samen kijken sluiten"))
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
        return top

    def _build_stage(self) -> None:
        self.stage = _Stage(self)
        self.video = self.stage.video
        self.video.setAccessibleName(self.tr("Beeld"))
        self.big_pictogram = self.stage.big
        self.saved_label = self.stage.saved
        self.saved_label.setText(self.tr("✓ Bewaard"))
        self.saved_label.setAccessibleName(self.tr("Bewaard"))

    def _build_progress(self) -> None:
        """How far the film is: a thin bar without times."""
        self.progress = QProgressBar(self)
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Hoe ver het filmpje is"))
        self.progress.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def _build_topics(self) -> None:
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

    def _build_buttons(self) -> QHBoxLayout:
        """Terug, Kijken/Stop and "Hier wil ik iets over zeggen"."""
        buttons = QHBoxLayout()
        buttons.setSpacing(16)
        self.back_button = QPushButton(self.tr("Stukje terug"), self)
        self.back_button.setAccessibleName(self.tr("Stukje terug"))
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
        return buttons

    def _connect(self) -> None:
        self.leave_button.clicked.connect(self.leaveRequested)
        self.topics_button.toggled.connect(self.set_topics_visible)
        self.back_button.clicked.connect(self.go_back)
        self.play_button.clicked.connect(self.controller.toggle)
        self.mark_button.clicked.connect(self.mark_moment)
        self.big_pictogram.clicked.connect(lambda: self.toggle_topic(None))
        self.controller.frameReady.connect(self._on_frame)
        self.controller.positionChanged.connect(self._on_position)
        self.controller.playingChanged.connect(self._on_playing)

    def _add_shortcuts(self) -> None:
        for key, slot in (
            (Qt.Key.Key_Space, self.controller.toggle),
            (Qt.Key.Key_Escape, self.leaveRequested.emit),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

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
        self.progress.setValue(0)

    def go_back(self) -> None:
        """A bit back (10 s)."""
        self.controller.skip(-BACK_MS)

    def mark_moment(self) -> None:
        """Pause (there is something to say), then ask for a marker at this moment (the
        feature stores it)."""
        if self.controller.playing:
            self.controller.pause()
        self.markRequested.emit(self.controller.position_ms())

    def show_saved(self, hidden_from_user: bool = False) -> None:
        """A friendly confirmation over the picture for a few seconds; ``hidden_from_user``:
        the person at the keyboard will not see the marker (the sharing rule), and is told."""
        text = self.tr("✓ Bewaard")
        if hidden_from_user:
            text += "\n" + self.tr("Alleen de klant en de onderzoeker zien dit")
        self.saved_label.setText(text)
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
        if shown is not None and self.controller.playing:
            self.controller.pause()  # a card never covers a running film
        self.big_pictogram.show_topic(shown)
        for button in self.pictogram_buttons:
            button.setChecked(shown is not None and button.topic.id == shown.id)
        if shown is None:
            self.topic_timer.stop()
        else:
            self.topic_timer.start()

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
            duration = self.controller.duration_ms
            fraction = min(1.0, max(0.0, position_ms / duration)) if duration > 0 else 0.0
            self.progress.setValue(round(fraction * PROGRESS_STEPS))

    def _on_playing(self, playing: bool) -> None:
        if playing and self.big_pictogram.topic is not None:
            self.toggle_topic(None)  # the film runs: the card makes way
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
        return symbol_icon(kind, self.palette().color(role), size, self.devicePixelRatioF())

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
            base = self.font().pointSizeF()
            if base <= 0:
                base = 10.0
            # Very large at the normal text size (and never below MIN_TEXT_PX); with enlarged
            # text the three buttons must still fit side by side on a 1366 pixels wide screen.
            per_point = self.logicalDpiY() / 72.0
            big = max(base * 1.3, min(base * 1.8, 32 / per_point), MIN_TEXT_PX / per_point)
            small = max(base * 1.25, MIN_TEXT_PX / per_point)
            self._big_points = big
            self.setStyleSheet(_button_sheet(self.palette(), big * per_point, small * per_point))
            self._style_saved_label(big * 1.4)
            self.progress.setFixedHeight(max(14, round(base * per_point)))
            picture_font = QFont(self.font())
            picture_font.setPointSizeF(max(base * 1.2, MIN_TEXT_PX / per_point))
            for button in self.pictogram_buttons:
                button.setFont(picture_font)
                button.updateGeometry()
            self.big_pictogram.setFont(self.font())
            self._style_icons()
            self._on_playing(self.controller.playing)
            self._fix_play_width()
        finally:
            self._styling = False

    def _style_saved_label(self, points: float) -> None:
        """The "Bewaard" message: big, bold, in the highlight colours."""
        palette = self.palette()
        font = QFont(self.font())
        font.setPointSizeF(points)
        font.setBold(True)
        self.saved_label.setFont(font)
        self.saved_label.setAutoFillBackground(True)
        label_palette = QPalette(palette)
        role = QPalette.ColorRole
        label_palette.setColor(role.Window, palette.color(role.Highlight))
        label_palette.setColor(role.WindowText, palette.color(role.HighlightedText))
        self.saved_label.setPalette(label_palette)

    def _style_icons(self) -> None:
        self.back_button.setIcon(self._icon("back"))
        self.mark_button.setIcon(self._icon("speak", QPalette.ColorRole.HighlightedText))
        self.leave_button.setIcon(self._icon("leave"))
        self.topics_button.setIcon(self._icon("topics"))
        icon = self._icon_size()
        for big_button in (self.back_button, self.play_button, self.mark_button):
            big_button.setIconSize(QSize(icon, icon))
        small_icon = round(icon * 0.6)
        for small_button in (self.leave_button, self.topics_button):
            small_button.setIconSize(QSize(small_icon, small_icon))

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


def _button_sheet(palette: QPalette, big: float, small: float) -> str:
    """The style sheet of the big, primary and small buttons at these pixel sizes."""

    def colour(role: QPalette.ColorRole) -> str:
        return palette.color(role).name()

    role = QPalette.ColorRole
    return f"""
            QPushButton#big, QPushButton#primary, QPushButton#small {{
                border: 3px solid {colour(role.Mid)};
                border-radius: 16px;
                background: {colour(role.Button)};
                color: {colour(role.ButtonText)};
                font-size: {round(big)}px;
                font-weight: bold;
                padding: 14px 28px;
            }}
            QPushButton#small {{
                font-size: {round(small)}px;
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
            QProgressBar {{
                border: 2px solid {colour(role.Mid)};
                border-radius: 8px;
                background: {colour(role.Base)};
            }}
            QProgressBar::chunk {{ background: {colour(role.Highlight)}; border-radius: 6px; }}
            """
