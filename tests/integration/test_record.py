"""Recording straight into the vault from lavfi sources (at real speed through ``realtime``),
video with audio and audio only, through the real backend, store and remux."""

from __future__ import annotations

import io
import os
import random
import time
from pathlib import Path

import av
import pytest
from tests.conftest import PASSPHRASE
from tests.integration.helpers import distinctive_blocks, files_containing, import_file
from tests.integration.record_helpers import (
    BUSY_VIDEO_DEVICE,
    COLOUR,
    TONE_HZ,
    decode,
    request,
    service,
    vault_media_files,
)

from vknz_desktop.domain.markers import MARKER_PROFILE_ID, PLAIN_MARKER
from vknz_desktop.domain.models import AuditAction
from vknz_desktop.domain.recording_ports import CaptureCallbacks
from vknz_desktop.media.analysis import _StreamFile
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.storage.media_store import scan_live
from vknz_desktop.storage.vault import Vault


def _record(vault: Vault, seconds: float, *, video: bool, markers: tuple[float, ...] = ()):
    levels: list[float] = []
    previews: list[object] = []
    recorder = service(vault).prepare(
        request(video=video), CaptureCallbacks(on_level=levels.append, on_preview=previews.append)
    )
    live_id = recorder.start()
    started = time.monotonic()
    for at in markers:
        time.sleep(max(0.0, at - (time.monotonic() - started)))
        recorder.marker("weerstand" if at > 1.5 else None)
    time.sleep(max(0.0, seconds - (time.monotonic() - started)))
    recording = recorder.stop()
    return live_id, recording, levels, previews, recorder


def test_video_and_audio_recording_is_stored_seekable_with_markers(vault_dir: Path) -> None:
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        live_id, recording, levels, previews, _recorder = _record(
            vault, 4.0, video=True, markers=(1.0, 2.0)
        )
        assert recording.id != live_id
        assert 3500 <= recording.duration_ms <= 5500
        assert recording.media.has_video and recording.media.has_audio
        assert (recording.media.video_codec, recording.media.audio_codec) == ("h264", "opus")
        assert (recording.media.width, recording.media.height) == (1280, 720)
        assert recording.media.frame_rate == pytest.approx(25, abs=0.5)
        assert [p.display_name for p in recording.participants] == ["Klant Fictief"]
        assert recording.consent.scope_codes() == ["onderzoeker"]
        decoded = decode(vault.open_media(recording.id))
        assert decoded.streams == [("video", "h264"), ("audio", "opus")]
        assert decoded.size == (1280, 720)
        assert decoded.middle_rgb is not None
        for got, want in zip(decoded.middle_rgb, COLOUR, strict=True):
            assert abs(got - want) < 8, decoded.middle_rgb  # the source's colour, after H.264
        assert decoded.tone_hz == pytest.approx(TONE_HZ, abs=3)
        assert decoded.video_end is not None and decoded.audio_end is not None
        assert abs(decoded.video_end - decoded.audio_end) < 0.25
        # Markers: stored like observations (time, author, type, empty text), moved along.
        observations = vault.observations(recording.id)
        assert [(o.profile_id, o.theme_id, o.text) for o in observations] == [
            (MARKER_PROFILE_ID, PLAIN_MARKER, ""),
            (MARKER_PROFILE_ID, "weerstand", ""),
        ]
        assert observations[0].time_ms == pytest.approx(1000, abs=400)
        assert observations[1].time_ms == pytest.approx(2000, abs=400)
        assert {o.author_name for o in observations} == {"Km Fictief"}
        # The live recording is gone with its key; one media file remains; verify passes.
        assert [r.id for r in vault.recordings()] == [recording.id]
        assert vault_media_files(vault_dir) == [vault_dir / "media" / f"{recording.id}.vkm"]
        assert vault.verify() == []
        entries = vault.audit_entries()
        assert [e.action for e in entries[-2:]] == [
            AuditAction.RECORD_START,
            AuditAction.RECORD_FINISH,
        ]
        assert entries[-2].details["kind"] == "video"
        logged = repr([(e.details, e.recording_id) for e in entries])
        assert "Proefopname" not in logged and "Fictief" not in logged
        # The page's feeds: a sound level (dBFS of a 0.125 sine ≈ -18) and preview pictures.
        assert levels and -25 < levels[-1] < -12
        assert previews


def test_audio_only_recording_has_no_video_stream(vault_dir: Path) -> None:
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        _live, recording, _levels, previews, _rec = _record(vault, 3.0, video=False)
        assert not recording.media.has_video and recording.media.has_audio
        assert 2500 <= recording.duration_ms <= 4500
        decoded = decode(vault.open_media(recording.id))
        assert decoded.streams == [("audio", "opus")]
        assert decoded.tone_hz == pytest.approx(TONE_HZ, abs=3)
        assert previews == []
        assert vault.verify() == []


def test_pause_leaves_the_paused_time_out(vault_dir: Path) -> None:
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        recorder = service(vault).prepare(request(video=False))
        live_id = recorder.start()
        # Before capture: the row with its consent and key, and the live file, are stored;
        # the recording is not listed while it is being made.
        live = vault.recording(live_id)
        assert live.consent.scope_codes() == ["onderzoeker"] and live.media_available
        path = vault_dir / "media" / f"{live_id}.vkm"
        assert path.exists()
        assert vault.recordings() == []
        time.sleep(3.3)
        # Sealed chunks about every second while recording.
        fd = os.open(path, os.O_RDONLY)
        try:
            chunks = scan_live(fd, live_id).chunks
        finally:
            os.close(fd)
        assert len([c for c in chunks if c.length]) >= 3, chunks
        recorder.pause()
        time.sleep(2.0)
        marker = recorder.marker()  # while paused: at the paused moment
        recorder.resume()
        time.sleep(1.5)
        recording = recorder.stop()
        assert 4300 <= recording.duration_ms <= 5600
        assert marker.time_ms == pytest.approx(3300, abs=300)


def _bytes_read_for_seeks(stream, points: list[float]) -> int:
    class Counting(_StreamFile):
        total = 0

        def readinto(self, buffer):  # type: ignore[no-untyped-def]
            n = super().readinto(buffer)
            Counting.total += n
            return n

    reader = io.BufferedReader(Counting(stream), buffer_size=64 * 1024)
    with av.open(reader) as container:
        video = container.streams.video[0]
        next(iter(container.decode(video)))
        Counting.total = 0
        for seconds in points:
            container.seek(int(seconds / video.time_base), stream=video)
            next(iter(container.decode(video)))
    return Counting.total


def test_seeking_in_the_finished_recording_reads_as_little_as_in_an_imported_file(
    vault_dir: Path, tmp_path: Path
) -> None:
    points = [7.0, 2.0, 9.0, 4.0, 8.0]
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        svc = service(vault)
        recorder = svc.prepare(request(video=True, video_device=BUSY_VIDEO_DEVICE))
        live_id = recorder.start()
        time.sleep(10.5)
        session_ms = recorder._session.stop()  # stop capture, keep the live file unfinished
        recorder._session.close()
        svc.store.stop(live_id, session_ms)
        live_read = _bytes_read_for_seeks(vault.open_media(live_id), points)
        recording = svc.finish(live_id, role=recorder._request.role)
        final_read = _bytes_read_for_seeks(vault.open_media(recording.id), points)
        # The same packets as an ordinary file imported from a camera (MP4 with its index).
        plain = tmp_path / "camera.mp4"
        stream = vault.open_media(recording.id)
        with (
            av.open(io.BufferedReader(_StreamFile(stream))) as source,
            av.open(str(plain), "w", format="mp4") as out,
        ):
            mapping = {s.index: out.add_stream_from_template(s) for s in source.streams.video}
            for packet in source.demux(source.streams.video[0]):
                if packet.dts is None:
                    continue
                packet.stream = mapping[packet.stream.index]
                out.mux(packet)
        imported = import_file(vault, plain)
        plain.unlink()
        imported_read = _bytes_read_for_seeks(vault.open_media(imported.id), points)
    # Without an index the demuxer reads through the file to find a time; with one it jumps.
    print(
        f"bytes read for 5 seeks: live {live_read}, finished {final_read}, imported {imported_read}"
    )
    assert final_read < live_read / 3, (final_read, live_read)
    assert final_read <= 2 * imported_read + 512 * 1024, (final_read, imported_read)


def test_no_plaintext_media_in_home_tmp_or_vault(vault_dir: Path, tmp_path: Path) -> None:
    since = time.time() - 1
    # Pictures no other run makes (noise with a seed of this run's own), so a match in the
    # shared temp folder can only come from this recording.
    seed = random.randrange(1, 2**31)
    device = f"lavfi:testsrc2=size=640x360:rate=25,noise=alls=30:allf=t+u:all_seed={seed},realtime"
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        recorder = service(vault).prepare(request(video=True, video_device=device))
        recorder.start()
        time.sleep(3.0)
        recording = recorder.stop()
        stream = vault.open_media(recording.id)
        plaintext = stream.read()
        stream.close()
    # Leave out the first 64 KiB: container headers and the encoder's settings are the same in
    # every file this FFmpeg makes; the pictures after them are this recording's own.
    blocks = distinctive_blocks(plaintext[64 * 1024 :])
    assert len(blocks) > 1000
    roots = [Path(os.environ["HOME"]), Path(os.environ.get("TMPDIR", "/tmp")), vault_dir, tmp_path]
    assert files_containing(blocks, roots, changed_since=since) == []


def test_disk_nearly_full_warns_then_stops_cleanly(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from vknz_desktop.domain.recording_ports import DiskStatus
    from vknz_desktop.services import live_recording
    from vknz_desktop.services.live_recording import RecorderEvents
    from vknz_desktop.storage.live_recording_repo import LiveRecordingRepository

    free = {"bytes": 10**12}
    monkeypatch.setattr(LiveRecordingRepository, "free_bytes", lambda self: free["bytes"])
    monkeypatch.setattr(live_recording, "FLUSH_EVERY", 0.2)
    warnings: list[DiskStatus] = []
    stops: list[str] = []
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        recorder = service(vault).prepare(
            request(video=False),
            events=RecorderEvents(on_disk_warning=warnings.append, on_must_stop=stops.append),
        )
        recorder.start()
        time.sleep(5.5)  # the rate is known after 5 s
        rate = recorder.disk().bytes_per_second
        assert rate > 0
        # Room for 5 more minutes (the finished copy and a margin reserved): a warning.
        recorded = recorder.recorded_bytes
        free["bytes"] = int(recorded + live_recording.SPARE_BYTES + 2 * rate * 300)
        deadline = time.monotonic() + 5
        while not warnings and time.monotonic() < deadline:
            time.sleep(0.1)
        assert warnings and 200 < (warnings[0].seconds_left or 0) < 600
        assert not stops
        # Then room for only a few seconds: the recording stops by itself and is kept.
        free["bytes"] = int(recorder.recorded_bytes + live_recording.SPARE_BYTES + 2 * rate * 5)
        deadline = time.monotonic() + 5
        while not stops and time.monotonic() < deadline:
            time.sleep(0.1)
        assert stops and "schijf" in stops[0]
        recording = recorder.stop()
        assert recording.duration_ms >= 5000
        assert vault.verify() == []


def test_verify_checks_a_stopped_live_recording_before_it_is_finished(vault_dir: Path) -> None:
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        svc = service(vault)
        recorder = svc.prepare(request(video=False))
        live_id = recorder.start()
        time.sleep(2.0)
        media_ms = recorder._session.stop()
        recorder._session.close()
        svc.store.stop(live_id, media_ms)  # closed, not yet made seekable
        assert [p.recording_id for p in svc.store.pending()] == [live_id]
        assert vault.verify() == []
        path = vault_dir / "media" / f"{live_id}.vkm"
        with path.open("r+b") as handle:
            handle.truncate(path.stat().st_size - 10)
        problems = vault.verify()
        assert [p.where for p in problems] == [f"opname 'Proefopname' ({live_id})"]
        assert "afgekapt" in problems[0].message


def test_a_vault_past_schema_7_without_its_table_gets_it_at_open(vault_dir: Path) -> None:
    """Schema 8 landed before 7: a vault made then is at 8 without ``live_recordings``."""
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        with vault.writing() as conn:
            conn.execute("DROP TABLE live_recordings")
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        assert vault.recordings() == []
        recorder = service(vault).prepare(request(video=False))
        recorder.start()
        time.sleep(1.5)
        assert recorder.stop().duration_ms > 1000
