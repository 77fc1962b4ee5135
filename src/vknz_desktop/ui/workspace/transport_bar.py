"""Play controls under the picture: buttons, smooth position, speed and volume."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QToolButton,
    QWidget,
)

from vknz_desktop.ui.common.formatting import format_clip_time, format_position
from vknz_desktop.ui.playback.player_controller import RATES, PlayerController
from vknz_desktop.ui.widgets.flow_layout import FlowLayout
from vknz_desktop.ui.widgets.media_icons import media_icon


class TransportBar(QWidget):
    """Buttons and read-outs bound to a PlayerController."""

    newObservationRequested = Signal()

    def __init__(self, controller: PlayerController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        # Three groups (jump buttons, position, the other controls) in a row that wraps onto
        # more lines when the text is large and the window narrow; ``button`` adds to whichever
        # group ``layout`` is at that moment. Symbols are drawn in the palette's text colour.
        self._rows = FlowLayout(self, spacing=2, line_spacing=0)
        self._rows.setContentsMargins(6, 2, 6, 2)
        self._symbols: dict[QToolButton, str] = {}
        self._playing = False
        self._position = 0
        self._build_jumps(self._group())
        self._build_position(self._group(expanding=True))
        self._build_tail(self._group())
        self._connect()
        self._on_position(0)
        self._update_symbols()

    def _button(
        self, layout: QHBoxLayout, icon: str | None, text: str, tip: str, name: str
    ) -> QToolButton:
        """A flat tool button: a drawn symbol (``icon``) or ``text``."""
        widget = QToolButton(self)
        if icon is not None:
            self._symbols[widget] = icon
        else:
            widget.setText(text)
        widget.setToolTip(tip)
        widget.setAccessibleName(name)
        widget.setAutoRaise(True)
        widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        layout.addWidget(widget)
        return widget

    def _build_jumps(self, layout: QHBoxLayout) -> None:
        """Start, back, frame back, play, frame forward, forward, end."""
        (
            self.start_button,
            self.back30_button,
            self.back5_button,
            self.frame_back_button,
            self.play_button,
            self.frame_forward_button,
            self.forward5_button,
            self.forward30_button,
            self.end_button,
        ) = (
            self._button(layout, icon, text, tip, name)
            for icon, text, tip, name in (
                ("start", "", self.tr("Naar het begin (Home)"), self.tr("Naar het begin")),
                (
                    None,
                    self.tr("−30 s"),
                    self.tr("30 seconden terug (Shift+←)"),
                    self.tr("30 seconden terug"),
                ),
                (
                    None,
                    self.tr("−5 s"),
                    self.tr("5 seconden terug (←)"),
                    self.tr("5 seconden terug"),
                ),
                (None, self.tr("◂|"), self.tr("Eén beeld terug (,)"), self.tr("Eén beeld terug")),
                ("play", "", self.tr("Afspelen / pauzeren (spatie)"), self.tr("Afspelen")),
                (None, self.tr("|▸"), self.tr("Eén beeld verder (.)"), self.tr("Eén beeld verder")),
                (
                    None,
                    self.tr("+5 s"),
                    self.tr("5 seconden verder (→)"),
                    self.tr("5 seconden verder"),
                ),
                (
                    None,
                    self.tr("+30 s"),
                    self.tr("30 seconden verder (Shift+→)"),
                    self.tr("30 seconden verder"),
                ),
                ("end", "", self.tr("Naar het einde (End)"), self.tr("Naar het einde")),
            )
        )

    def _build_position(self, layout: QHBoxLayout) -> None:
        self._position_row = layout
        layout.addSpacing(10)
        self.position_label = QLabel(self)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(QFont().pointSizeF() * 1.1)
        self.position_label.setFont(mono)
        self.position_label.setAccessibleName(self.tr("Positie"))
        self.position_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.position_label)
        layout.addStretch(1)

    def _build_tail(self, layout: QHBoxLayout) -> None:
        """A new observation, speed, sound."""
        self._tail = layout
        self.observe_button = QToolButton(self)
        self.observe_button.setText(self.tr("Waarneming (M)"))
        self.observe_button.setToolTip(self.tr("Nieuwe waarneming op dit moment (M)"))
        self.observe_button.setAccessibleName(self.tr("Nieuwe waarneming"))
        self.observe_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        layout.addWidget(self.observe_button)
        layout.addSpacing(10)
        speed_label = QLabel(self.tr("Snelheid"), self)
        layout.addWidget(speed_label)
        self.speed_box = QComboBox(self)
        self.speed_box.setAccessibleName(self.tr("Afspeelsnelheid"))
        for rate in RATES:
            self.speed_box.addItem(f"{rate:g}×".replace(".", ","), rate)
        self.speed_box.setCurrentIndex(RATES.index(1.0))
        speed_label.setBuddy(self.speed_box)
        layout.addWidget(self.speed_box)
        self.mute_button = self._button(
            layout, "volume", "", self.tr("Geluid uit/aan"), self.tr("Geluid uit")
        )
        self.mute_button.setCheckable(True)
        self.volume_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.volume_slider.setRange(0, 100)
        self.volume_slider.setValue(80)
        self.volume_slider.setFixedWidth(90)
        self.volume_slider.setAccessibleName(self.tr("Volume"))
        self.volume_slider.setToolTip(self.tr("Volume"))
        layout.addWidget(self.volume_slider)

    def _connect(self) -> None:
        c = self._controller
        self.start_button.clicked.connect(c.jump_to_start)
        self.back30_button.clicked.connect(lambda: c.skip(-30_000))
        self.back5_button.clicked.connect(lambda: c.skip(-5_000))
        self.frame_back_button.clicked.connect(lambda: c.frame_step(-1))
        self.play_button.clicked.connect(c.toggle)
        self.frame_forward_button.clicked.connect(lambda: c.frame_step(1))
        self.forward5_button.clicked.connect(lambda: c.skip(5_000))
        self.forward30_button.clicked.connect(lambda: c.skip(30_000))
        self.end_button.clicked.connect(c.jump_to_end)
        self.observe_button.clicked.connect(self.newObservationRequested)
        self.speed_box.currentIndexChanged.connect(
            lambda index: c.set_rate(float(self.speed_box.itemData(index)))
        )
        self.mute_button.toggled.connect(self._on_mute)
        self.volume_slider.valueChanged.connect(c.set_volume)
        c.positionChanged.connect(self._on_position)
        c.playingChanged.connect(self._on_playing)
        c.rateChanged.connect(self._on_rate)

    def _group(self, *, expanding: bool = False) -> QHBoxLayout:
        """A new group of controls in the wrapping row (its own line when space runs out)."""
        group = QWidget(self)
        if expanding:
            group.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(group)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self._rows.addWidget(group)
        return layout

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        kind = event.type()
        if kind == QEvent.Type.FontChange:  # e.g. the text size setting
            mono = QFont(self.position_label.font())
            mono.setPointSizeF(self.font().pointSizeF() * 1.1)
            self.position_label.setFont(mono)
            if hasattr(self, "_position"):
                self._on_position(self._position)
        changes = (QEvent.Type.FontChange, QEvent.Type.PaletteChange, QEvent.Type.StyleChange)
        if kind in changes and hasattr(self, "mute_button"):  # not while being built
            self._update_symbols()

    def _update_symbols(self, only: QToolButton | None = None) -> None:
        """Draw the symbols in the palette's button text colour, as large as the text."""
        side = max(16, self.fontMetrics().height())
        ratio = self.devicePixelRatioF()
        for widget, kind in self._symbols.items():
            if only is not None and widget is not only:
                continue
            size = round(side * 1.4) if widget is self.play_button else side
            widget.setIconSize(QSize(size, size))
            if widget is self.play_button:
                kind = "pause" if self._playing else "play"
            elif widget is self.mute_button:
                kind = "muted" if widget.isChecked() else "volume"
            widget.setIcon(media_icon(kind, self.palette(), sizes=(size,), ratio=ratio))

    def position_text(self, position_ms: int) -> str:
        """ "0:10,040 / 2:03,4": milliseconds while paused (frame steps are a few hundredths
        apart), tenths while playing (they would only flicker); the length in tenths."""
        here = format_clip_time(position_ms) if self._playing else format_position(position_ms)
        return f"{here} / {format_clip_time(self._controller.duration_ms)}"

    def _on_position(self, position_ms: int) -> None:
        self._position = position_ms
        self.position_label.setText(self.position_text(position_ms))
        # as wide as the longest text this recording can give, so nothing moves while playing
        widest = f"{format_position(self._controller.duration_ms)} / "
        widest += format_clip_time(self._controller.duration_ms)
        width = self.position_label.fontMetrics().horizontalAdvance(widest)
        if self.position_label.minimumWidth() != width + 4:
            self.position_label.setMinimumWidth(width + 4)

    def _on_playing(self, playing: bool) -> None:
        self._playing = playing
        self._on_position(self._position)
        self._update_symbols(self.play_button)
        self.play_button.setAccessibleName(self.tr("Pauzeren") if playing else self.tr("Afspelen"))

    def _on_rate(self, rate: float) -> None:
        index = self.speed_box.findData(rate)
        if index >= 0 and index != self.speed_box.currentIndex():
            self.speed_box.blockSignals(True)
            self.speed_box.setCurrentIndex(index)
            self.speed_box.blockSignals(False)

    def _on_mute(self, muted: bool) -> None:
        self._controller.set_muted(muted)
        self._update_symbols(self.mute_button)
