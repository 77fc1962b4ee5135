"""The Opnemen page's second step, as widgets only: the preview picture and the sound level on
the left; on the right the choice of devices (before recording), the controls (while
recording: indicator, pause, stop, the big marker button and the optional row of raakmomenten),
or a busy bar (while the recording is finished). The page (``page.py``) drives it.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from vknz_desktop.domain.markers import RAAKMOMENTEN
from vknz_desktop.domain.recording_ports import CaptureDevice, DeviceKind
from vknz_desktop.ui.common.appearance import signal_colour
from vknz_desktop.ui.features.recording.widgets import (
    LevelMeter,
    PreviewView,
    RecordingIndicator,
    enlarge,
)


def _wrapping(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _big(button: QPushButton, scale: float = 1.25) -> QPushButton:
    enlarge(button, scale)
    button.setMinimumHeight(button.fontMetrics().height() * 2 + 8)
    return button


class Studio(QWidget):
    """Preview, level and controls (see the module's description)."""

    devicesChanged = Signal()
    startRequested = Signal()
    backRequested = Signal()
    pauseRequested = Signal()
    stopRequested = Signal()
    markerRequested = Signal(object)  # None (a plain raakmoment) or a type id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = PreviewView()
        self.meter = LevelMeter()
        self.meter_label = QLabel(self.tr("Geluid:"))
        self.meter_label.setBuddy(self.meter)
        self.banner = _wrapping()
        self.banner.setObjectName("recordingBanner")
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner.setMargin(8)
        self.banner.setAccessibleName(self.tr("Melding bij het opnemen"))
        self.banner.hide()
        self._build_setup()
        self._build_controls()
        self._build_finishing()
        self._lay_out()
        self.show_setup()

    # -- building ----------------------------------------------------------------------------
    def _build_setup(self) -> None:
        self.setup_box = QGroupBox(self.tr("Wat neem je op?"))
        self.video_radio = QRadioButton(self.tr("&Beeld en geluid"))
        self.audio_radio = QRadioButton(self.tr("&Alleen geluid (de camera blijft uit)"))
        self.kind_group = QButtonGroup(self)
        self.kind_group.addButton(self.video_radio)
        self.kind_group.addButton(self.audio_radio)
        self.microphone_combo = QComboBox()
        self.microphone_combo.setAccessibleName(self.tr("Microfoon"))
        self.microphone_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.microphone_combo.setMinimumContentsLength(18)
        self.camera_combo = QComboBox()
        self.camera_combo.setAccessibleName(self.tr("Camera"))
        self.camera_combo.setSizeAdjustPolicy(self.microphone_combo.sizeAdjustPolicy())
        self.camera_combo.setMinimumContentsLength(18)
        self.setup_hint = _wrapping(
            self.tr(
                "Kijk of het voorbeeld klopt en of het geluid beweegt als iemand praat. "
                "Er wordt nog niets bewaard."
            )
        )
        self.start_button = _big(QPushButton(self.tr("● &Opnemen starten")))
        self.start_button.setAccessibleName(self.tr("Opnemen starten"))
        self.back_button = QPushButton(self.tr("&Terug naar de toestemming"))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("&Microfoon:"), self.microphone_combo)
        form.addRow(self.tr("&Camera:"), self.camera_combo)
        layout = QVBoxLayout(self.setup_box)
        layout.addWidget(self.video_radio)
        layout.addWidget(self.audio_radio)
        layout.addLayout(form)
        layout.addWidget(self.setup_hint)
        layout.addWidget(self.start_button)
        layout.addWidget(self.back_button)
        self.video_radio.toggled.connect(self._on_kind_toggled)
        self.microphone_combo.activated.connect(lambda _index: self.devicesChanged.emit())
        self.camera_combo.activated.connect(lambda _index: self.devicesChanged.emit())
        self.start_button.clicked.connect(self.startRequested)
        self.back_button.clicked.connect(self.backRequested)

    def _build_controls(self) -> None:
        self.controls_box = QWidget()
        self.indicator = RecordingIndicator()
        self.pause_button = QPushButton(self.tr("&Pauzeren (P)"))
        self.stop_button = QPushButton(self.tr("&Stoppen en bewaren"))
        self.marker_button = _big(QPushButton(self.tr("&Raakmoment markeren (M)")), 1.4)
        self.marker_button.setMinimumHeight(self.marker_button.fontMetrics().height() * 3)
        self.marker_button.setAccessibleDescription(
            self.tr(
                "Een markering op dit moment; bij het terugkijken vraagt die: wat gebeurde hier?"
            )
        )
        self.types_check = QCheckBox(self.tr("Soorten raakmomenten tonen"))
        self.types_box = QWidget()
        grid = QGridLayout(self.types_box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.type_buttons: dict[str, QPushButton] = {}
        for number, marker_type in enumerate(RAAKMOMENTEN.types, start=1):
            button = QPushButton(f"{number} {marker_type.label}")
            button.setToolTip(marker_type.hint)
            button.setAccessibleName(self.tr("Markeren als {0}").format(marker_type.label))
            button.clicked.connect(lambda _c=False, t=marker_type.id: self.markerRequested.emit(t))
            self.type_buttons[marker_type.id] = button
            grid.addWidget(button, (number - 1) // 2, (number - 1) % 2)
        self.types_box.hide()
        self.types_check.toggled.connect(self.types_box.setVisible)
        self.marker_label = _wrapping()
        self.marker_label.setAccessibleName(self.tr("Laatste markering"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.pause_button)
        buttons.addWidget(self.stop_button)
        layout = QVBoxLayout(self.controls_box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.indicator)
        layout.addLayout(buttons)
        layout.addSpacing(8)
        layout.addWidget(self.marker_button)
        layout.addWidget(self.marker_label)
        layout.addWidget(self.types_check)
        layout.addWidget(self.types_box)
        layout.addStretch(1)
        self.pause_button.clicked.connect(self.pauseRequested)
        self.stop_button.clicked.connect(self.stopRequested)
        self.marker_button.clicked.connect(lambda: self.markerRequested.emit(None))

    def _build_finishing(self) -> None:
        self.finishing_box = QWidget()
        self.finishing_label = _wrapping(
            self.tr(
                "De opname wordt afgerond: er komt een versleutelde kopie met een "
                "inhoudsopgave, zodat je er straks snel in kunt zoeken. Even geduld."
            )
        )
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)  # busy: no figure to show
        self.busy_bar.setAccessibleName(self.tr("Bezig met afronden"))
        layout = QVBoxLayout(self.finishing_box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.finishing_label)
        layout.addWidget(self.busy_bar)
        layout.addStretch(1)

    def _lay_out(self) -> None:
        meter_row = QHBoxLayout()
        meter_row.addWidget(self.meter_label)
        meter_row.addWidget(self.meter, 1)
        left = QVBoxLayout()
        left.addWidget(self.preview, 1)
        left.addLayout(meter_row)
        right_content = QWidget()
        right = QVBoxLayout(right_content)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.setup_box)
        right.addWidget(self.controls_box)
        right.addWidget(self.finishing_box)
        right.addStretch(1)
        self.right_area = QScrollArea()
        self.right_area.setWidget(right_content)
        self.right_area.setWidgetResizable(True)
        self.right_area.setFrameShape(QFrame.Shape.NoFrame)
        self.right_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        width = self.fontMetrics().averageCharWidth() * 44
        self.right_area.setMinimumWidth(width)
        self.right_area.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addWidget(self.right_area, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addLayout(columns, 1)

    # -- states ------------------------------------------------------------------------------
    def show_setup(self) -> None:
        """Choosing devices: nothing is stored yet."""
        self.setup_box.show()
        self.controls_box.hide()
        self.finishing_box.hide()

    def show_controls(self, *, paused: bool) -> None:
        """Recording (or paused)."""
        self.setup_box.hide()
        self.finishing_box.hide()
        self.controls_box.show()
        self.indicator.set_state(recording=True, paused=paused)
        self.pause_button.setText(self.tr("&Hervatten (P)") if paused else self.tr("&Pauzeren (P)"))

    def show_finishing(self) -> None:
        """Stopped: the recording is being finished."""
        self.setup_box.hide()
        self.controls_box.hide()
        self.finishing_box.show()
        self.indicator.set_state(recording=False, paused=False)

    def say(self, text: str, *, warning: bool = True) -> None:
        """A line above everything (a disk warning, a device that stopped); "" hides it."""
        self.banner.setText(text)
        palette = self.banner.palette()
        colour = signal_colour(
            "warning" if warning else "error", background=palette.ColorRole.Window
        )
        palette.setColor(self.banner.foregroundRole(), colour)
        self.banner.setPalette(palette)
        self.banner.setVisible(bool(text))

    # -- devices -----------------------------------------------------------------------------
    def set_devices(self, devices: list[CaptureDevice]) -> None:
        """Fill the microphones and cameras; without a camera, audio only."""
        self.microphone_combo.clear()
        microphones = [d for d in devices if d.kind is DeviceKind.AUDIO]
        self.microphone_combo.addItem(self.tr("Standaardmicrofoon van de computer"), None)
        for device in microphones:
            self.microphone_combo.addItem(device.name, device.id)
            if device.is_default:
                self.microphone_combo.setCurrentIndex(self.microphone_combo.count() - 1)
        self.camera_combo.clear()
        for device in (d for d in devices if d.kind is DeviceKind.VIDEO):
            self.camera_combo.addItem(device.name, device.id)
        has_camera = self.camera_combo.count() > 0
        self.video_radio.setEnabled(has_camera)
        self.video_radio.setToolTip("" if has_camera else self.tr("Er is geen camera gevonden."))
        with QSignalBlocker(self.video_radio):
            (self.video_radio if has_camera else self.audio_radio).setChecked(True)
        self._on_kind_toggled()

    def audio_only(self) -> bool:
        """Whether only sound is recorded (the camera is never opened)."""
        return not self.video_radio.isChecked()

    def microphone(self) -> str | None:
        """The chosen microphone's id (None: the computer's default)."""
        data = self.microphone_combo.currentData()
        return str(data) if data is not None else None

    def camera(self) -> str | None:
        """The chosen camera's id, or None for audio only."""
        if self.audio_only():
            return None
        data = self.camera_combo.currentData()
        return str(data) if data is not None else None

    def _on_kind_toggled(self, _checked: bool = False) -> None:
        self.camera_combo.setEnabled(not self.audio_only())
        self.devicesChanged.emit()


__all__ = ["Studio"]
