"""Crash safety under SIGKILL, and bad media headers at import."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
import wave
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import PASSPHRASE
from tests.fixtures import media_facts as facts
from tests.integration.helpers import import_file, snapshot
from vknz_desktop.domain.errors import KnownError
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.storage.vault import Vault

EDITOR = """
import sys
from pathlib import Path
from vknz_desktop.services.observations import ObservationService
from vknz_desktop.storage.vault import Vault
vault = Vault.open(Path(sys.argv[1]), sys.argv[2])
service = ObservationService(vault)
recording, prefix = sys.argv[3], sys.argv[4]
i = 0
while True:
    obs = service.create(recording, i, text=f"{prefix}-{i}")
    obs = service.update(obs, text=f"{prefix}-{i}-bewerkt")
    print(f"ACK {prefix}-{i}-bewerkt", flush=True)
    if i % 3 == 2:
        service.delete(obs.id)
        print(f"DEL {prefix}-{i}-bewerkt", flush=True)
    i += 1
"""


def _kill_after(process: subprocess.Popen[str], delay: float) -> list[str]:
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    out, _err = process.communicate(timeout=20)
    return out.splitlines()


@pytest.mark.timeout(400)
def test_sigkill_during_import_and_editing_never_loses_acknowledged_work(
    vault_dir: Path, tmp_path: Path
) -> None:
    big = tmp_path / "groot.wav"
    with wave.open(str(big), "wb") as wav:
        wav.setnchannels(2)
        wav.setsampwidth(2)
        wav.setframerate(48000)
        block = os.urandom(1024 * 1024)
        for _ in range(40):
            wav.writeframes(block)
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        recording = import_file(vault, facts.AUDIO_WAV)
    env = dict(os.environ, VKNZ_PASSPHRASE=PASSPHRASE)
    rng = random.Random(20261128)
    kept: set[str] = set()
    deleted: set[str] = set()
    kills = imports_done = 0
    deadline = time.monotonic() + 240
    while kills < 50 and time.monotonic() < deadline:
        if kills % 2 == 0:
            process = subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    EDITOR,
                    str(vault_dir),
                    PASSPHRASE,
                    recording.id,
                    f"r{kills}",
                ],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
            )
            for line in _kill_after(process, rng.uniform(0.5, 1.5)):
                kind, text = line.split(" ", 1)
                index = int(text.split("-")[1])
                # Every third edit is deleted right after its ACK; the delete may be committed
                # before the kill even if its DEL line was never printed.
                if kind == "ACK" and index % 3 != 2:
                    kept.add(text)
                elif kind == "DEL":
                    deleted.add(text)
        else:
            process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "vknz_desktop",
                    "import",
                    str(big),
                    "--consent-scope",
                    "zelf",
                ],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
            )
            lines = _kill_after(process, rng.uniform(0.4, 1.6))
            imports_done += any("Geïmporteerd" in line for line in lines)
        kills += 1
        with Vault.open(vault_dir, PASSPHRASE) as vault:
            texts = {o.text for o in vault.observations(recording.id)}
            missing = kept - deleted - texts
            assert not missing, f"after kill {kills}: lost {sorted(missing)[:5]}"
            recordings = vault.recordings()
            assert len(recordings) in (1, 2)
            leftovers = [p.name for p in vault.media_dir.iterdir()]
            assert len(leftovers) == len([r for r in recordings if r.media_available])
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        assert vault.verify() == []
    print(
        f"{kills} kills; {len(kept)} acknowledged edits all kept; "
        f"{imports_done} imports finished before their kill"
    )
    assert kills >= 50


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_mutated_media_headers_give_clear_errors_only(vault_dir: Path, data: st.DataObject) -> None:
    source_path = data.draw(
        st.sampled_from(
            [facts.VIDEO_MP4, facts.AUDIO_WAV, facts.AUDIO_MP3, facts.VIDEO_WEBM, facts.AUDIO_OGG]
        )
    )
    raw = bytearray(source_path.read_bytes())
    edits = data.draw(
        st.lists(
            st.tuples(st.integers(0, min(4095, len(raw) - 1)), st.integers(0, 255)),
            min_size=1,
            max_size=24,
        )
    )
    for offset, value in edits:
        raw[offset] = value
    if data.draw(st.booleans()):
        raw = raw[: data.draw(st.integers(1, len(raw)))]
    vault_dir.parent.mkdir(parents=True, exist_ok=True)
    target = vault_dir.parent / f"gemuteerd{source_path.suffix}"
    target.write_bytes(bytes(raw))
    if not (vault_dir / "vault.key").exists():
        Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE).close()
    before = snapshot(vault_dir)
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        try:
            recording = import_file(vault, target)
        except KnownError as error:
            assert error.message  # a clear message, and nothing changed
            unchanged = True
        else:
            unchanged = False
            vault.delete_recording(recording.id, role=recording.consent.given_by)
    if unchanged:
        after = snapshot(vault_dir)
        assert {k: v for k, v in after.items() if not k.endswith(("-wal", "-shm"))} == {
            k: v for k, v in before.items() if not k.endswith(("-wal", "-shm"))
        }
