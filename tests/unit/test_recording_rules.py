"""Pure rules of recording: the recording clock, mapping source time, drift correction,
markers, disk outlook, and the service's order (consent first, audio only without camera)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.markers import (
    MARKER_PROFILE_ID,
    PLAIN_MARKER,
    RAAKMOMENTEN,
    clamp_markers,
    is_marker,
    make_marker,
    marker_label,
)
from vknz_desktop.domain.models import Consent, ConsentScope, Role
from vknz_desktop.domain.recording_ports import CaptureCallbacks, CapturePlan, RecordRequest
from vknz_desktop.media.recorder.clock import DriftCorrector, RecordingClock, SourceTimeline
from vknz_desktop.services.live_recording import (
    SPARE_BYTES,
    LiveRecordingService,
    disk_status,
)

NOW = dt.datetime(2026, 11, 3, 14, 5, tzinfo=dt.UTC)


class FakeTime:
    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


def test_recording_clock_leaves_pauses_out() -> None:
    now = FakeTime()
    clock = RecordingClock(now)
    assert clock.ms() == 0
    clock.start()
    now.t += 2
    clock.pause()
    now.t += 10
    assert clock.ms() == 2000
    clock.resume()
    now.t += 1.5
    assert clock.ms() == 3500
    assert clock.seconds(at=now.t - 0.5) == pytest.approx(3.0)


def test_source_timeline_keeps_spacing_and_reanchors_after_a_stall() -> None:
    timeline = SourceTimeline(tolerance=0.1)
    assert timeline.place(10.0, 0.50) == pytest.approx(0.50)
    # Jittery arrival, steady source: the source's spacing wins.
    assert timeline.place(10.04, 0.60) == pytest.approx(0.54)
    assert timeline.place(10.08, 0.59) == pytest.approx(0.58)
    # The source stalled for a second: anchored again on the clock.
    assert timeline.place(10.12, 1.80) == pytest.approx(1.80)
    assert timeline.place(None, 1.85) == pytest.approx(1.85)


def _run_drift(rate_error: float, seconds: int = 600) -> tuple[float, DriftCorrector]:
    """A device whose clock runs ``rate_error`` fast (0.0001 = 100 ppm) for ``seconds``."""
    rate = 48000
    corrector = DriftCorrector(rate)
    block = 960
    produced = 0
    delivered = 0
    worst = 0.0
    while delivered / rate < seconds * (1 + rate_error):
        wall = (delivered + block) / rate / (1 + rate_error) + 0.02  # fixed latency 20 ms
        change = corrector.adjust(produced, wall, block)
        delivered += block
        produced += block + change
        if wall > 6:
            worst = max(worst, abs(wall - 0.02 - produced / rate))
    return worst, corrector


@pytest.mark.parametrize("ppm", [-150, -50, 0, 50, 150])
def test_drift_correction_keeps_sound_within_50_ms_of_the_clock(ppm: int) -> None:
    worst, corrector = _run_drift(ppm / 1_000_000)
    assert worst < 0.05
    if ppm == 0:
        assert corrector.corrected_samples == 0
    if abs(ppm) >= 100:  # 150 ppm over 10 minutes is 90 ms: corrected, in the right direction
        assert (corrector.corrected_samples < 0) == (ppm > 0)
        drifted = abs(ppm) / 1_000_000 * 600 * 48000  # samples over the ten minutes
        assert abs(corrector.corrected_samples) == pytest.approx(drifted, abs=0.035 * 48000)


def test_drift_correction_ignores_bursty_delivery() -> None:
    rate = 48000
    corrector = DriftCorrector(rate)
    produced = 0
    for n in range(3000):  # 60 s delivered in bursts: 2 s at once, then nothing
        wall = (n // 100) * 2.0 + 0.001 * (n % 100)
        produced += 960 + corrector.adjust(produced, wall, 960)
    assert corrector.corrected_samples == 0


def test_markers_are_observations_with_empty_text() -> None:
    plain = make_marker("r1", 1234, author_role=Role.KLANTMANAGER, author_name="Km", now=NOW)
    typed = make_marker("r1", -5, author_role=Role.ONDERZOEKER, type_id="weerstand", now=NOW)
    assert (plain.profile_id, plain.theme_id, plain.text, plain.time_ms) == (
        MARKER_PROFILE_ID,
        PLAIN_MARKER,
        "",
        1234,
    )
    assert typed.time_ms == 0 and typed.theme_id == "weerstand"
    assert is_marker(plain) and marker_label(typed) == "Weerstand"
    assert marker_label(plain) == "Raakmoment"
    assert not is_marker(plain.model_copy(update={"text": "Klant zuchtte."}))
    assert [t.id for t in RAAKMOMENTEN.types] == [
        "frustratie",
        "weerstand",
        "afhaken",
        "verstarring",
        "stagnatie",
        "stroming",
        "spontaniteit",
    ]
    with pytest.raises(ValueError, match="kies uit"):
        make_marker("r1", 0, author_role=Role.KLANTMANAGER, type_id="boos", now=NOW)
    moved = clamp_markers([plain, typed], duration_ms=1000)
    assert [m.time_ms for m in moved] == [999, 0]


def test_disk_outlook_reserves_the_finished_copy() -> None:
    mib = 1024 * 1024
    unknown = disk_status(10 * 1024 * mib, 0, 0)
    assert unknown.seconds_left is None and not unknown.warn
    # 1 MiB/s recorded for 100 s; 100 MiB more needed for the finished copy.
    roomy = disk_status(100 * mib + SPARE_BYTES + 2 * 3600 * mib, 100 * mib, 100)
    assert roomy.seconds_left == pytest.approx(3600)
    assert not roomy.warn
    soon = disk_status(100 * mib + SPARE_BYTES + 2 * 300 * mib, 100 * mib, 100)
    assert soon.warn and not soon.must_stop
    full = disk_status(100 * mib + SPARE_BYTES + 2 * 10 * mib, 100 * mib, 100)
    assert full.must_stop


class SpyBackend:
    def __init__(self) -> None:
        self.opened: list[CapturePlan] = []

    def list_devices(self) -> list[object]:
        return []

    def open(self, plan: CapturePlan, callbacks: CaptureCallbacks) -> object:
        self.opened.append(plan)
        return FakeSession(plan)


class FakeSession:
    def __init__(self, plan: CapturePlan) -> None:
        self.plan = plan
        self.failure = None
        self.paused = False

    def elapsed_ms(self) -> int:
        return 0

    def close(self) -> None:
        pass


def _consent(scopes: frozenset[ConsentScope]) -> Consent:
    return Consent.model_construct(
        given_on=NOW.date(), given_by=Role.KLANT, scopes=scopes, keep_until=NOW.date()
    )


def test_no_device_opens_before_consent() -> None:
    backend = SpyBackend()
    service = LiveRecordingService(store=None, backend=backend, finisher=None)  # type: ignore[arg-type]
    for missing in (None, _consent(frozenset())):
        request = RecordRequest(consent=missing, plan=CapturePlan(audio_device="lavfi:x"))  # type: ignore[arg-type]
        with pytest.raises(KnownError, match="toestemming"):
            service.prepare(request)
    assert backend.opened == []
    recorder = service.prepare(
        RecordRequest(consent=_consent(frozenset({ConsentScope.SELF})), plan=CapturePlan())
    )
    assert backend.opened == [CapturePlan()] and recorder.audio_only


def test_audio_only_never_opens_the_camera(monkeypatch: pytest.MonkeyPatch) -> None:
    from vknz_desktop.media.recorder import session as session_module

    opened: list[str] = []

    class NoCamera:
        def __init__(self, device: str, *args: object) -> None:
            opened.append(device)

    class Silent:
        def __init__(self, device: str | None, callback: object) -> None:
            pass

        def start(self, on_error: object) -> None:
            pass

        def stop(self) -> None:
            pass

    monkeypatch.setattr(session_module, "PyAvVideoSource", NoCamera)
    monkeypatch.setattr(session_module, "SoundDeviceSource", Silent)
    capture = session_module.LinuxCaptureSession(CapturePlan(), CaptureCallbacks())
    capture.close()
    assert opened == []


def test_remove_source_refuses_a_read_only_medium(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from vknz_desktop.storage import source_files

    source = tmp_path / "gesprek.mp4"
    source.write_bytes(b"x")
    real = os.statvfs(tmp_path)

    class ReadOnly:
        f_flag = real.f_flag | os.ST_RDONLY

    monkeypatch.setattr(source_files.os, "statvfs", lambda _path: ReadOnly())
    with pytest.raises(KnownError, match="alleen gelezen"):
        source_files.check_removable(source)
    assert source.exists()


def test_remove_source_refuses_a_folder_without_write_access(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from vknz_desktop.storage import source_files

    source = tmp_path / "gesprek.mp4"
    source.write_bytes(b"x")
    monkeypatch.setattr(source_files.os, "access", lambda _path, _mode: False)
    with pytest.raises(KnownError, match="niets verwijderen"):
        source_files.check_removable(source)
    assert source.exists() and os.path.exists(source)
