"""The picture is right: played frames are the frames they claim to be, paused frames match the
clock, and a machine without sound plays at normal speed.

Uses the frame-number fixture (every picture carries its number, tests/fixtures/frame_numbers.py)
imported into a vault, and the app's own media layer: ``VlcPlayer`` with the frame callback the
UI uses, and ``PyAvAnalyzer``'s exact frames and frame steps.
"""

from __future__ import annotations

import random
import threading
import time
from pathlib import Path
from typing import Any

import av
import numpy as np
import pytest
from tests.conftest import PASSPHRASE
from tests.fixtures import frame_numbers as fn
from tests.fixtures import media_facts as facts
from tests.integration.helpers import import_file

from vknz_desktop.domain.ports import VideoFrame
from vknz_desktop.domain.position import frame_step_position
from vknz_desktop.media.analysis import PyAvAnalyzer
from vknz_desktop.media.vlc_player import (
    NO_AUDIO_DEVICE_MESSAGE,
    TEST_ARGS,
    VlcEngine,
    VlcPlayer,
)
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.storage.vault import Vault

PLAY_SECONDS = 5
MIN_PSNR_DB = 35.0


def _rgb(frame: VideoFrame) -> np.ndarray[Any, Any]:
    """A player's or analyzer's RGB32 picture (B, G, R, X bytes) as an RGB array."""
    pixels = np.frombuffer(frame.data, dtype=np.uint8)
    rows = pixels.reshape(frame.height, frame.stride // 4, 4)[:, : frame.width]
    return np.ascontiguousarray(rows[..., 2::-1])


def _psnr(a: np.ndarray[Any, Any], b: np.ndarray[Any, Any]) -> float:
    mse = float(np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2))
    return 99.0 if mse == 0 else 10 * float(np.log10(255.0**2 / mse))


def _reference() -> dict[int, np.ndarray[Any, Any]]:
    """PyAV's decode of the fixture, by frame number."""
    pictures: dict[int, np.ndarray[Any, Any]] = {}
    with av.open(str(fn.FRAME_NUMBERS_MP4)) as container:
        for frame in container.decode(container.streams.video[0]):
            rgb = frame.to_ndarray(format="rgb24")
            pictures[fn.read_frame_number(rgb)] = rgb
    return pictures


@pytest.fixture
def engine():  # type: ignore[no-untyped-def]
    engine = VlcEngine(TEST_ARGS)
    yield engine
    engine.release()


@pytest.fixture
def frame_vault(vault_dir: Path):  # type: ignore[no-untyped-def]
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        recording = import_file(vault, fn.FRAME_NUMBERS_MP4, title="Beeldnummers")
        yield vault, recording


def test_every_played_frame_is_the_right_picture(frame_vault, engine: VlcEngine) -> None:  # type: ignore[no-untyped-def]
    """5 s through libVLC from the vault, with a Python thread competing for the interpreter
    (as the GUI does): every picture handed over reads as a valid number, numbers only go up,
    and each one equals PyAV's decode of that number (PSNR >= 35 dB)."""
    vault, recording = frame_vault
    reference = _reference()
    painted: list[VideoFrame] = []
    busy = threading.Event()

    def compete() -> None:  # pure Python: holds the GIL between switches
        while not busy.is_set():
            sum(i * i for i in range(20_000))

    rival = threading.Thread(target=compete, daemon=True)
    rival.start()
    stream = vault.open_media(recording.id)
    player = VlcPlayer(engine)
    try:
        player.load(stream, painted.append, fn.SIZE)
        player.play()
        deadline = time.monotonic() + PLAY_SECONDS + 10
        while time.monotonic() < deadline and player.state() not in ("Ended", "Error"):
            if player.time_ms() >= PLAY_SECONDS * 1000:
                break
            time.sleep(0.05)
    finally:
        busy.set()
        player.close()
        stream.close()
        rival.join()
    numbers = [fn.read_frame_number(_rgb(frame)) for frame in painted]  # raises if unreadable
    seen = sorted(set(numbers))
    print(f"\n{len(painted)} pictures, {len(seen)} distinct of {fn.FPS * PLAY_SECONDS} frames")
    assert len(seen) >= fn.FPS * PLAY_SECONDS // 2, "far too few pictures arrived"
    assert numbers == sorted(numbers), "a picture from the past was shown"
    worst = min(_psnr(_rgb(f), reference[n]) for f, n in zip(painted, numbers, strict=True))
    print(f"lowest PSNR against PyAV's decode of the same number: {worst:.1f} dB")
    assert worst >= MIN_PSNR_DB


def test_libvlc_never_drops_reference_frames_before_decoding(engine: VlcEngine) -> None:
    """The cause of the smeared pictures: libVLC's avcodec 'hurry up' threw away compressed
    frames (reference frames too) when pictures came out late. The app turns it off, and
    refuses pictures the decoder flags as corrupt (bench_playback shows the difference)."""
    assert "--no-avcodec-hurry-up" in engine._args
    assert "--no-avcodec-corrupted" in engine._args


def _number(frame: VideoFrame) -> int:
    return fn.read_frame_number(_rgb(frame))


def _frame_at(position_ms: int) -> int:
    """The fixture's frame on screen at ``position_ms`` (frame n from n * 40 ms)."""
    return min(fn.FRAME_COUNT - 1, position_ms // fn.FRAME_MS)


def test_after_any_steps_seeks_and_speeds_the_frame_matches_the_time(frame_vault) -> None:  # type: ignore[no-untyped-def]
    """Random sequences of the review keys, the way the player controller turns them into
    positions (frame steps counted in frames, jumps, speed changes that keep the position):
    the exact picture for the displayed time is always the frame at that time."""
    vault, recording = frame_vault
    analyzer = PyAvAnalyzer()
    fps = recording.media.frame_rate or fn.FPS
    stream = vault.open_media(recording.id)
    try:
        rng = random.Random(20261101)
        position = 0
        rate = 1.0
        for step in range(400):
            key = rng.choice([".", ",", ".", ",", "seek", "left", "right", "j", "l", "home"])
            if key in (".", ","):
                frames = 1 if key == "." else -1
                position = frame_step_position(position, frames, fps)
            elif key == "seek":
                position = rng.randrange(0, recording.duration_ms)
            elif key in ("left", "right"):
                position += 5000 if key == "right" else -5000
            elif key == "j":
                rate = max(0.25, rate - 0.25) if rate > 1 else rate
                position -= 5000 if rate <= 1 else 0
            elif key == "l":
                rate = min(2.0, rate + 0.25)
            else:
                position = 0
            position = max(0, min(position, recording.duration_ms))
            shown = _number(analyzer.exact_frame(stream, position))
            assert shown == _frame_at(position), (step, key, position, shown)
        # The navigator answered from its decoder and cache, not by reopening each time.
        navigator = analyzer.navigator(stream)
        assert navigator.seeks < 400
    finally:
        analyzer.close_stream(stream)
        stream.close()


def test_frame_steps_move_one_frame_each_way_and_stop_at_the_ends(frame_vault) -> None:  # type: ignore[no-untyped-def]
    vault, recording = frame_vault
    analyzer = PyAvAnalyzer()
    stream = vault.open_media(recording.id)
    try:
        position = 2 * fn.FRAME_MS * fn.FPS // 2 + 7  # inside frame 25
        expected = _frame_at(position)
        for _ in range(30):  # backwards across a keyframe (every 25 frames)
            frame, position = analyzer.exact_step(stream, position, -1)
            expected = max(0, expected - 1)
            assert _number(frame) == expected == _frame_at(position)
        for _ in range(fn.FRAME_COUNT + 5):  # forwards to the end and beyond
            frame, position = analyzer.exact_step(stream, position, 1)
            expected = min(fn.FRAME_COUNT - 1, expected + 1)
            assert _number(frame) == expected == _frame_at(position)
        assert position == (fn.FRAME_COUNT - 1) * fn.FRAME_MS
    finally:
        analyzer.close_stream(stream)
        stream.close()


def test_thirty_fps_steps_never_land_in_the_same_frame() -> None:
    """A rounded 33 ms step at 30 fps lands in the same frame now and then; steps counted in
    frames always reach the next frame's first millisecond."""
    position = 18_780
    for _ in range(1000):
        following = frame_step_position(position, 1, 30.0)
        assert following * 30 // 1000 == position * 30 // 1000 + 1
        assert frame_step_position(following, -1, 30.0) * 30 // 1000 == position * 30 // 1000
        position = following


def test_closing_a_stream_forgets_its_decoded_pictures(frame_vault) -> None:  # type: ignore[no-untyped-def]
    vault, recording = frame_vault
    analyzer = PyAvAnalyzer()
    stream = vault.open_media(recording.id)
    analyzer.exact_frame(stream, 1000)
    navigator = analyzer.navigator(stream)
    assert navigator._cache
    analyzer.close_stream(stream)
    assert not navigator._cache and navigator._container is None
    stream.close()


def test_without_an_audio_device_sound_plays_at_normal_speed(
    vault_dir: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """No device at all: the silent output paces playback (libVLC alone would race an
    audio-only recording to its end), the engine says so once, in Dutch, and no sound
    library fills stderr (ALSA is never tried)."""
    engine = VlcEngine(("--vout=dummy",), audio_device=lambda: False)
    assert engine.silent_audio
    assert engine.audio_notice == NO_AUDIO_DEVICE_MESSAGE
    assert "--aout=amem,none" in engine._args
    try:
        with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
            recording = import_file(vault, facts.AUDIO_WAV)
            stream = vault.open_media(recording.id)
            player = VlcPlayer(engine)
            try:
                player.load(stream)
                started = time.monotonic()
                player.play()
                while time.monotonic() - started < 1.0:
                    time.sleep(0.02)
                at_one_second = player.time_ms()
                state = player.state()
                while player.state() not in ("Ended", "Error"):
                    if time.monotonic() - started > recording.duration_ms / 1000 + 5:
                        break
                    time.sleep(0.02)
                took = time.monotonic() - started
            finally:
                player.close()
                stream.close()
    finally:
        engine.release()
    print(
        f"\n{recording.duration_ms} ms of sound: at {at_one_second} ms after 1 s,"
        f" ended after {took:.2f} s"
    )
    assert "ALSA" not in capfd.readouterr().err
    assert state == "Playing"
    assert at_one_second < 1500
    assert took >= recording.duration_ms / 1000 * 0.9


def test_a_machine_with_a_device_keeps_the_normal_output() -> None:
    engine = VlcEngine(("--vout=dummy",), deferred=True, audio_device=lambda: True)
    assert not engine.silent_audio and engine.audio_notice is None
    assert not any(arg.startswith("--aout") for arg in engine._args)
