"""SIGKILL while recording: at the next open the recording is closed at its last complete chunk
(a notice says so), it plays up to at most 5 s before the kill, ``verify`` passes, and it is
then made seekable like a stopped one."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import av
import pytest

from tests.conftest import PASSPHRASE
from tests.integration.record_helpers import AUDIO_DEVICE, VIDEO_DEVICE, decode, service
from vknz_desktop.domain.models import AuditAction
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.storage.vault import Vault

TRIALS = 20
MAX_LOSS_S = 5.0


@dataclass
class Trial:
    number: int
    video: bool
    kill_after: float
    elapsed_at_kill: float = 0.0
    vault_dir: Path | None = None


def _run(trial: Trial, root: Path) -> Trial:
    vault_dir = root / f"kluis{trial.number}"
    trial.vault_dir = vault_dir
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE):
        pass
    command = [
        sys.executable,
        "-m",
        "vknz_desktop",
        "--vault",
        str(vault_dir),
        "record",
        "--audio-device",
        AUDIO_DEVICE,
        "--consent-scope",
        "zelf",
        "--title",
        f"Proef {trial.number}",
    ]
    command += ["--device", VIDEO_DEVICE] if trial.video else ["--audio-only"]
    env = dict(os.environ, VKNZ_PASSPHRASE=PASSPHRASE, VKNZ_KDF_PROFILE="test")
    process = subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert process.stdout is not None
    line = process.stdout.readline()  # "Opnemen (…) gestart: <id>" once capture runs
    started = time.monotonic()
    assert "gestart" in line, (line, process.stderr.read() if process.stderr else "")
    time.sleep(trial.kill_after)
    trial.elapsed_at_kill = time.monotonic() - started
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=20)
    return trial


@pytest.mark.timeout(600)
def test_sigkill_while_recording_loses_at_most_five_seconds(tmp_path: Path) -> None:
    rng = random.Random(20261207)
    trials = [
        Trial(
            n,
            video=n % 2 == 0,
            kill_after=rng.choice([0.05, 0.4]) if n < 2 else rng.uniform(1.0, 7.0),
        )
        for n in range(TRIALS)
    ]
    with ThreadPoolExecutor(max_workers=2) as pool:
        done = list(pool.map(lambda t: _run(t, tmp_path), trials))
    losses: list[float] = []
    for trial in done:
        assert trial.vault_dir is not None
        with Vault.open(trial.vault_dir, PASSPHRASE) as vault:
            notices = " ".join(vault.notices)
            assert "onderbroken" in notices or "afgebroken" in notices, notices
            assert AuditAction.RECORD_INTERRUPTED in [e.action for e in vault.audit_entries()]
            assert vault.verify() == [], trial
            recordings = vault.recordings()
            if not recordings:  # killed before anything was sealed: nothing kept, said so
                assert "niets bewaard" in notices
                assert trial.elapsed_at_kill < MAX_LOSS_S
                losses.append(trial.elapsed_at_kill)
                continue
            (interrupted,) = recordings
            try:
                decoded = decode(vault.open_media(interrupted.id))
            except av.FFmpegError:  # killed before the first picture or sound was sealed
                decoded = None
            ends = [] if decoded is None else [decoded.audio_end, decoded.video_end]
            kept = min((e for e in ends if e is not None), default=0.0)
            loss = trial.elapsed_at_kill - kept
            losses.append(loss)
            assert loss <= MAX_LOSS_S, (trial, kept)
            if decoded is not None and kept > 1:
                assert (decoded.video_end is not None) == trial.video
            # Then made seekable like a stopped recording; verify passes again.
            problems: list[str] = []
            finished = service(vault).finish_pending(problems=problems)
            if kept >= 1.0:
                assert problems == [] and len(finished) == 1, problems
                assert vault.recordings()[0].id == finished[0].id
            assert vault.verify() == []
            assert len(list((trial.vault_dir / "media").iterdir())) == len(vault.recordings())
    print(f"loss at SIGKILL over {len(losses)} trials: max {max(losses):.2f} s")
    assert len(done) >= TRIALS
