"""Observations confirmed before a kill -9 survive; rotated video plays at its display size."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import PASSPHRASE
from tests.fixtures import media_facts as facts
from tests.integration.helpers import import_file

from vknz_desktop.media.vlc_player import VlcEngine, VlcPlayer
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.storage.vault import Vault

WRITER = """
import sys
from pathlib import Path
from vknz_desktop.services.observations import ObservationService
from vknz_desktop.storage.vault import Vault
vault = Vault.open(Path(sys.argv[1]), sys.argv[2])
service = ObservationService(vault)
for i in range(100000):
    service.create(sys.argv[3], i * 10, text=f"waarneming {i}")
    print(i, flush=True)  # acknowledged: stored and committed
"""


def test_observations_acknowledged_before_kill_are_kept(vault_dir: Path) -> None:
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        recording = import_file(vault, facts.AUDIO_WAV)
    for _attempt in range(3):
        process = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(vault_dir), PASSPHRASE, recording.id],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert process.stdout is not None
        acknowledged = -1
        deadline = time.monotonic() + 30
        while acknowledged < 40 and time.monotonic() < deadline:
            line = process.stdout.readline()
            if line:
                acknowledged = int(line.split()[0])
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        with Vault.open(vault_dir, PASSPHRASE) as vault:
            texts = {o.text for o in vault.observations(recording.id)}
            assert vault.verify() == []
        missing = [i for i in range(acknowledged + 1) if f"waarneming {i}" not in texts]
        print(f"acknowledged {acknowledged + 1}, found {len(texts)}, missing {len(missing)}")
        assert missing == []
        with Vault.open(vault_dir, PASSPHRASE) as vault:  # start the next round clean
            for obs in vault.observations(recording.id):
                vault.delete_observation(obs.id)


def test_rotated_video_frames_arrive_upright(vault_dir: Path) -> None:
    engine = VlcEngine(("--aout=dummy",))
    frames: list[object] = []
    try:
        with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
            recording = import_file(vault, facts.VIDEO_ROTATED)
            width, height = recording.media.width, recording.media.height
            assert recording.media.rotation == 90
            player = VlcPlayer(engine)
            stream = vault.open_media(recording.id)
            try:
                player.load(stream, frames.append, (height, width))  # type: ignore[arg-type]
                player.play()
                deadline = time.monotonic() + 10
                while len(frames) < 3 and time.monotonic() < deadline:
                    time.sleep(0.02)
            finally:
                player.close()
                stream.close()
    finally:
        engine.release()
    assert frames, "no frames delivered"
    frame = frames[-1]
    assert (frame.width, frame.height) == facts.ROTATED_DISPLAY_SIZE  # type: ignore[attr-defined]
