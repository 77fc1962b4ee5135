"""libVLC and PyAV read recordings straight from the vault; no plaintext reaches the disk."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import numpy as np
import pytest
from tests.conftest import PASSPHRASE
from tests.fixtures import media_facts as facts
from tests.integration.helpers import distinctive_blocks, files_containing, import_file

from vknz_desktop.media.frames import decode_frame_at
from vknz_desktop.media.vlc_player import TEST_ARGS, VlcEngine, VlcPlayer
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.storage.vault import Vault


def _wait(condition, timeout: float = 10.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


@pytest.fixture
def engine():  # type: ignore[no-untyped-def]
    engine = VlcEngine(TEST_ARGS)
    yield engine
    engine.release()


@pytest.mark.parametrize("source", [facts.VIDEO_MP4, facts.AUDIO_OGG], ids=lambda p: p.name)
def test_libvlc_plays_from_the_vault_and_seeks(
    vault_dir: Path, engine: VlcEngine, source: Path
) -> None:
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        recording = import_file(vault, source)
        stream = vault.open_media(recording.id)
        player = VlcPlayer(engine)
        try:
            player.load(stream)  # type: ignore[arg-type]
            player.play()
            assert _wait(lambda: player.length_ms() > 0 and player.time_ms() > 0)
            assert abs(player.length_ms() - recording.duration_ms) <= 100
            target = recording.duration_ms * 3 // 4
            player.seek_ms(target)
            assert _wait(lambda: player.time_ms() >= target - 50), player.time_ms()
            reached = player.time_ms()
            print(
                f"{source.name}: length {player.length_ms()} ms, seek to {target} reached {reached}"
            )
            assert reached < recording.duration_ms
            assert player.state() in ("Playing", "Ended")
        finally:
            player.close()
            stream.close()


def test_pyav_frame_from_the_vault_equals_the_original(vault_dir: Path) -> None:
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        recording = import_file(vault, facts.VIDEO_MP4)
        with vault.open_media(recording.id) as stream:
            from_vault = decode_frame_at(stream, 5000)
    original = decode_frame_at(str(facts.VIDEO_MP4), 5000)
    assert from_vault.shape == (facts.VIDEO_SIZE[1], facts.VIDEO_SIZE[0], 3)
    assert np.array_equal(from_vault, original)
    x, y = facts.CENTRE_PIXEL
    assert np.all(np.abs(from_vault[y, x].astype(int) - facts.CENTRE_RGB) <= facts.COLOUR_TOLERANCE)
    # And it is really the frame at 5 s, not the first one.
    assert not np.array_equal(from_vault, decode_frame_at(str(facts.VIDEO_MP4), 0))


def test_no_plaintext_on_disk_after_import_play_and_decode(
    vault_dir: Path, engine: VlcEngine, tmp_path: Path
) -> None:
    started = time.time()
    media = facts.VIDEO_MP4.read_bytes()
    blocks = distinctive_blocks(media)
    assert len(blocks) > 1000  # the fixture really is high-entropy
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        recording = import_file(vault, facts.VIDEO_MP4)
        stream = vault.open_media(recording.id)
        player = VlcPlayer(engine)
        try:
            player.load(stream)  # type: ignore[arg-type]
            player.play()
            assert _wait(lambda: player.time_ms() > 500)
            player.seek_ms(6000)
            assert _wait(lambda: player.time_ms() >= 5950)
        finally:
            player.close()
        decode_frame_at(stream, 5000)
        stream.close()
    # Everything under the test's own folder (vault, HOME, XDG dirs), and whatever appeared in
    # the system temp dir while the test ran (older files there belong to others).
    hits = files_containing(blocks, [tmp_path]) + files_containing(
        blocks, [Path(tempfile.gettempdir())], changed_since=started
    )
    print(f"scanned for {len(blocks)} distinctive 32-byte blocks: {len(hits)} files with plaintext")
    assert hits == []
