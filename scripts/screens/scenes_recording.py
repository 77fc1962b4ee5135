"""The Opnemen page: the consent form, the devices with the preview, a recording running with
its markers, and the page after the stop. The machine's devices are replaced by a test tone and
a test picture (Xvfb has no microphone or camera)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from scripts.screens.stage import Scene, Stage

from vknz_desktop.domain.models import ConsentScope
from vknz_desktop.domain.recording_ports import CaptureDevice, DeviceKind
from vknz_desktop.media.recorder.backend import LinuxCaptureBackend
from vknz_desktop.ui.features.recording.feature import RecordingFeature
from vknz_desktop.ui.features.recording.page import RecordingPage

MICROPHONE = CaptureDevice(
    "lavfi:sine=frequency=330:sample_rate=48000,volume=0.3,arealtime",
    "Ingebouwde microfoon",
    DeviceKind.AUDIO,
    True,
)
CAMERA = CaptureDevice(
    "lavfi:testsrc2=size=640x360:rate=25,realtime", "Ingebouwde camera", DeviceKind.VIDEO, True
)


def _page(stage: Stage) -> RecordingPage:
    """The page, shown at the consent form (a recording left running is stopped first)."""
    setattr(LinuxCaptureBackend, "list_devices", lambda _self: [MICROPHONE, CAMERA])  # noqa: B010
    feature = stage.window.feature(RecordingFeature)
    page = feature.page
    if page.recording():
        page.stop()
        page.wait_idle(60_000)
    feature.show_page()
    stage.pump(0.4)
    return page


def _consent(page: RecordingPage) -> None:
    details = page.details
    assert details is not None
    names = details.participants_editor.name_edits()
    names[0].setText("Klant Voorbeeld")
    for scope in (ConsentScope.RESEARCHER, ConsentScope.COLLEAGUES):
        details.consent_form.scope_checkboxes[scope].setChecked(True)


def _devices(stage: Stage) -> RecordingPage:
    page = _page(stage)
    _consent(page)
    page.continue_button.click()
    page.wait_idle(10_000)
    stage.pump(2.0)  # the preview's first pictures and the level meter
    return page


def consent(stage: Stage) -> QWidget | None:
    page = _page(stage)
    _consent(page)
    stage.pump(0.3)
    return None


def devices(stage: Stage) -> QWidget | None:
    _devices(stage)
    return None


def running(stage: Stage) -> QWidget | None:
    page = _devices(stage)
    page.studio.start_button.click()
    stage.pump(1.5)
    page.mark()
    stage.pump(0.6)
    page.mark("weerstand")
    stage.pump(1.2)
    return None


def done(stage: Stage) -> QWidget | None:
    page = stage.window.feature(RecordingFeature).page
    if not page.recording():  # on its own (--only): record a moment first
        running(stage)
    page.stop()
    stage.pump(0.2)
    page.wait_idle(60_000)
    stage.pump(0.5)
    return None


SCENES = [
    Scene("record-consent", consent),
    Scene("record-devices", devices),
    Scene("record-running", running),
    Scene("record-done", done),
]
