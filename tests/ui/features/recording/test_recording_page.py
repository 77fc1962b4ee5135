"""The Opnemen page on its own (a real vault, lavfi devices at real speed, no main window):
consent first and no device before it, audio only never opens the camera, the preview and the
level meter, markers by button and key, pause, stop in the background, the recording in the
vault like an imported one; and what a lock does to a running recording."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from tests.integration.record_helpers import AUDIO_DEVICE, COLOUR, TONE_HZ, VIDEO_DEVICE, decode
from tests.ui.data import S
from vknz_desktop.domain.markers import MARKER_PROFILE_ID, PLAIN_MARKER
from vknz_desktop.domain.models import Role
from vknz_desktop.domain.recording_ports import (
    CaptureCallbacks,
    CaptureDevice,
    CapturePlan,
    CaptureSession,
    DeviceKind,
    DiskStatus,
)
from vknz_desktop.media.recorder.backend import LinuxCaptureBackend
from vknz_desktop.media.recorder.finish import PyAvLiveFinisher
from vknz_desktop.services import live_recording
from vknz_desktop.services.live_recording import LiveRecordingService, RecorderState
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.storage.live_recording_repo import LiveRecordingRepository
from vknz_desktop.storage.vault import Vault
from vknz_desktop.ui.common.identity import Identity
from vknz_desktop.ui.features.recording.page import RecordingPage

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

MICROPHONE = CaptureDevice(AUDIO_DEVICE, "Testtoon (440 Hz)", DeviceKind.AUDIO, True)
CAMERA = CaptureDevice(VIDEO_DEVICE, "Testbeeld (blauw)", DeviceKind.VIDEO, True)


class LavfiBackend:
    """The real Linux backend, with a test tone and a test picture as its only devices; it
    notes every plan it opened."""

    def __init__(self, devices: tuple[CaptureDevice, ...] = (MICROPHONE, CAMERA)) -> None:
        self._real = LinuxCaptureBackend()
        self._devices = list(devices)
        self.opened: list[CapturePlan] = []
        self.listed = 0

    def list_devices(self) -> list[CaptureDevice]:
        self.listed += 1
        return list(self._devices)

    def open(self, plan: CapturePlan, callbacks: CaptureCallbacks) -> CaptureSession:
        self.opened.append(plan)
        return self._real.open(plan, callbacks)


@pytest.fixture
def vault(vault_dir: Path) -> Iterator[Vault]:
    opened = Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE)
    yield opened
    opened.close()


@pytest.fixture
def backend() -> LavfiBackend:
    return LavfiBackend()


@pytest.fixture
def page(qtbot: QtBot, vault: Vault, backend: LavfiBackend) -> Iterator[RecordingPage]:
    widget = RecordingPage()
    qtbot.addWidget(widget)
    widget.resize(1200, 720)
    service = LiveRecordingService(LiveRecordingRepository(vault), backend, PyAvLiveFinisher())
    widget.open_session(service, Identity(Role.KLANTMANAGER, "Km Fictief"), [])
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.shutdown()


def give_consent(page: RecordingPage) -> None:
    details = page.details
    assert details is not None
    details.participants_editor.name_edits()[0].setText("Klant Fictief")
    details.consent_form.scope_checkboxes[S.RESEARCHER].setChecked(True)


def open_devices(qtbot: QtBot, page: RecordingPage, *, audio_only: bool) -> None:
    give_consent(page)
    page.continue_button.click()
    qtbot.waitUntil(lambda: page.studio.microphone_combo.count() > 0, timeout=10_000)
    if audio_only:
        page.studio.audio_radio.setChecked(True)
    qtbot.waitUntil(lambda: page.studio.start_button.isEnabled(), timeout=10_000)


def test_nothing_is_listed_or_opened_before_the_consent(
    qtbot: QtBot, page: RecordingPage, backend: LavfiBackend
) -> None:
    assert page.steps.currentWidget() is page.consent_step
    assert not page.continue_button.isEnabled()
    assert "Vink eerst aan" in page.problem_label.text()
    page.continue_button.click()  # refused: disabled
    page.go_to_devices()  # and refused when asked directly
    qtbot.wait(100)
    assert backend.listed == 0 and backend.opened == []
    assert page.details is not None
    assert page.details.title().startswith("Gesprek ")  # a neutral title
    give_consent(page)
    assert page.continue_button.isEnabled()
    page.continue_button.click()
    qtbot.waitUntil(lambda: backend.opened != [], timeout=10_000)
    assert backend.listed == 1


def test_audio_only_never_opens_the_camera_and_records_sound(
    qtbot: QtBot, page: RecordingPage, backend: LavfiBackend, vault: Vault
) -> None:
    open_devices(qtbot, page, audio_only=True)
    page.wait_idle()
    assert all(plan.video_device is None for plan in backend.opened[1:])
    assert backend.opened[-1].audio_only
    assert not page.studio.preview.has_image()
    assert "camera blijft uit" in page.studio.preview.accessibleDescription()
    qtbot.waitUntil(lambda: page.studio.meter.level > -40, timeout=5000)  # the tone is heard
    assert vault.recordings() == []  # the preview stores nothing
    page.studio.start_button.click()
    qtbot.wait(2200)
    page.studio.stop_button.click()
    assert page.studio.finishing_box.isVisible()
    assert page.wait_idle(30_000)
    recording = page.last_recording
    assert recording is not None
    assert not recording.media.has_video and recording.media.has_audio
    assert 1500 <= recording.duration_ms <= 3500
    assert not any(plan.video_device for plan in backend.opened[1:])
    assert decode(vault.open_media(recording.id)).tone_hz == pytest.approx(TONE_HZ, abs=3)


def test_a_recording_with_markers_pause_and_stop_lands_in_the_vault(
    qtbot: QtBot, page: RecordingPage, vault: Vault
) -> None:
    open_devices(qtbot, page, audio_only=False)
    qtbot.waitUntil(page.studio.preview.has_image, timeout=10_000)  # the camera's picture
    assert page.title() == "Opnemen — VKNZ"
    recorded: list[Any] = []
    page.recorded.connect(recorded.append)
    page.studio.start_button.click()
    assert page.recording() and page.studio.indicator.isVisible()
    assert page.title() == "● Opname loopt — VKNZ"
    qtbot.wait(800)
    QTest.keyClick(page.studio.marker_button, Qt.Key.Key_M)  # the key
    qtbot.wait(400)
    QTest.keyClick(page.studio.marker_button, Qt.Key.Key_2)  # a typed raakmoment: weerstand
    assert page.studio.types_box.isVisible()  # the row the number key belongs to
    page.studio.type_buttons["stroming"].click()
    assert "Markeringen: 3" in page.studio.marker_label.text()
    QTest.keyClick(page.studio.marker_button, Qt.Key.Key_P)
    assert page.paused() and page.studio.indicator.text().startswith("Gepauzeerd")
    paused_at = page.recorder().elapsed_ms()  # type: ignore[union-attr]
    qtbot.wait(700)
    assert page.recorder().elapsed_ms() - paused_at < 100  # type: ignore[union-attr]
    page.toggle_pause()
    qtbot.wait(1000)
    assert "0:0" in page.studio.indicator.time_label.text()
    page.studio.stop_button.click()
    assert page.wait_idle(30_000)
    assert page.steps.currentWidget() is page.done_step
    [recording] = recorded
    assert recording == page.last_recording
    assert 1800 <= recording.duration_ms <= 3600  # the pause left out
    assert recording.media.has_video and recording.consent.scopes == {S.RESEARCHER}
    assert [p.display_name for p in recording.participants] == ["Klant Fictief"]
    assert [r.id for r in vault.recordings()] == [recording.id]  # like an imported one
    markers = vault.observations(recording.id)
    assert [(m.profile_id, m.theme_id, m.text) for m in markers] == [
        (MARKER_PROFILE_ID, PLAIN_MARKER, ""),
        (MARKER_PROFILE_ID, "weerstand", ""),
        (MARKER_PROFILE_ID, "stroming", ""),
    ]
    assert {m.author_name for m in markers} == {"Km Fictief"}
    decoded = decode(vault.open_media(recording.id))
    assert decoded.middle_rgb is not None
    assert all(abs(g - w) < 10 for g, w in zip(decoded.middle_rgb, COLOUR, strict=True))
    assert "Markeringen: 3" in page.done_label.text()
    opened: list[str] = []
    page.openRequested.connect(opened.append)
    page.review_button.click()
    assert opened == [recording.id]


def test_a_lock_while_recording_keeps_what_was_recorded(
    qtbot: QtBot, page: RecordingPage, vault: Vault, backend: LavfiBackend
) -> None:
    open_devices(qtbot, page, audio_only=True)
    page.studio.start_button.click()
    recorder = page.recorder()
    assert recorder is not None
    qtbot.wait(2000)
    started = time.monotonic()
    page.shutdown()  # what the shell's lock does (through the feature)
    assert time.monotonic() - started < 2.0  # the lock stays quick: no remux now
    assert recorder.state is RecorderState.STOPPED
    assert page.steps.currentWidget() is page.consent_step and not page.recording()
    [stopped] = vault.recordings()  # kept, stopped, not yet made seekable
    assert 1500 <= stopped.duration_ms <= 3000
    service = LiveRecordingService(LiveRecordingRepository(vault), backend, PyAvLiveFinisher())
    [finished] = service.finish_pending(role=Role.KLANTMANAGER)  # what the next unlock does
    assert finished.id != stopped.id
    assert abs(finished.duration_ms - stopped.duration_ms) < 500
    assert [r.id for r in vault.recordings()] == [finished.id]


def test_a_device_that_cannot_be_opened_is_said_on_the_page(
    qtbot: QtBot, vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = CaptureDevice("lavfi:", "Kapotte microfoon", DeviceKind.AUDIO, True)
    widget = RecordingPage()
    qtbot.addWidget(widget)
    backend = LavfiBackend((broken,))
    widget.open_session(
        LiveRecordingService(LiveRecordingRepository(vault), backend, PyAvLiveFinisher()),
        Identity(),
        [],
    )
    give_consent(widget)
    widget.continue_button.click()
    assert widget.wait_idle(10_000)
    qtbot.waitUntil(lambda: widget.studio.banner.text() != "", timeout=10_000)
    assert "filtergrafiek" in widget.studio.banner.text()  # the device's own Dutch reason
    assert not widget.studio.start_button.isEnabled()
    assert not widget.studio.video_radio.isEnabled()  # no camera found: audio only
    widget.shutdown()


def test_a_disk_that_runs_full_is_warned_about_then_the_recording_stops_cleanly(
    qtbot: QtBot, page: RecordingPage, vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The outlook is set by hand (the real rate needs 5 s of recording): first the disk
    lasts about 7 minutes, then only a few seconds."""
    outlook = {"seconds": 3600.0}

    def status(free_bytes: int, recorded_bytes: int, elapsed_s: float) -> DiskStatus:
        seconds = outlook["seconds"]
        return DiskStatus(free_bytes, 1000.0, seconds, seconds < 600, seconds < 20)

    monkeypatch.setattr(live_recording, "FLUSH_EVERY", 0.2)
    monkeypatch.setattr(live_recording, "disk_status", status)
    open_devices(qtbot, page, audio_only=True)
    page.studio.start_button.click()
    qtbot.wait(800)
    assert not page.studio.banner.isVisible()
    outlook["seconds"] = 7 * 60 + 10
    qtbot.waitUntil(lambda: "schijf" in page.studio.banner.text(), timeout=5000)
    banner = page.studio.banner.text()
    assert "over ongeveer 7 minuten vol" in banner and "stopt het opnemen vanzelf" in banner
    assert page.studio.banner.isVisible() and page.recording()  # a warning, still recording
    qtbot.wait(800)
    outlook["seconds"] = 5.0
    qtbot.waitUntil(lambda: page.steps.currentWidget() is page.done_step, timeout=30_000)
    assert page.wait_idle(30_000)
    recording = page.last_recording
    assert recording is not None and recording.duration_ms >= 1000
    assert [r.id for r in vault.recordings()] == [recording.id]  # kept and finished
    assert "De schijf is bijna vol" in page.done_label.text()  # why it stopped is said


def test_the_large_type_grows_with_the_text_size(qtbot: QtBot, page: RecordingPage) -> None:
    """The heading, the indicator and the marker button stay larger than the page's text when
    the text size changes after the page was built (Instellingen → Tekstgrootte)."""
    from vknz_desktop.ui.common.appearance import apply_appearance

    def sizes() -> tuple[float, float, float, float]:
        return (
            page.font().pointSizeF(),
            page.heading.font().pointSizeF(),
            page.studio.indicator.time_label.font().pointSizeF(),
            page.studio.marker_button.font().pointSizeF(),
        )

    base, heading, clock, marker = sizes()
    button_height = page.studio.marker_button.minimumHeight()
    try:
        apply_appearance(200)
        qtbot.wait(50)
        base2, heading2, clock2, marker2 = sizes()
        assert base2 == pytest.approx(2 * base, rel=0.1)
        assert heading2 == pytest.approx(2 * heading, rel=0.1) and heading2 > base2
        assert clock2 == pytest.approx(2 * clock, rel=0.1) and clock2 > base2
        assert marker2 == pytest.approx(2 * marker, rel=0.1) and marker2 > base2
        assert page.studio.marker_button.minimumHeight() > 1.5 * button_height
    finally:
        apply_appearance(100)
