"""``vknz record`` and ``vknz import --remove-source`` as real processes, and a real sound path:
PortAudio → ALSA's ``pulse`` plugin → a PulseAudio server with a sine source (no hardware)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import PASSPHRASE
from tests.fixtures import media_facts as facts
from tests.integration.record_helpers import AUDIO_DEVICE, TONE_HZ, decode
from tests.integration.test_cli import assert_known_error, vknz

from vknz_desktop.domain.models import AuditAction
from vknz_desktop.storage.vault import Vault

PULSE_TONE_HZ = 660


@pytest.fixture
def pulse(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A private PulseAudio server whose default source is a 660 Hz sine; the environment a
    process needs to reach it through ALSA's pulse plugin."""
    binary = shutil.which("pulseaudio")
    assert binary, "pulseaudio ontbreekt: 'make system-test-deps' installeert het"
    runtime = tmp_path / "pulse-run"
    runtime.mkdir(mode=0o700)
    env = dict(
        os.environ,
        XDG_RUNTIME_DIR=str(runtime),
        PULSE_RUNTIME_PATH=str(runtime / "pulse"),
        PULSE_SOURCE="vknz_sine",
    )
    process = subprocess.Popen(
        [
            binary,
            "-n",
            "--daemonize=no",
            "--exit-idle-time=-1",
            "--system=no",
            "--log-target=stderr",
            "--log-level=error",
            "-L",
            "module-native-protocol-unix",
            "-L",
            f"module-sine-source source_name=vknz_sine frequency={PULSE_TONE_HZ} rate=48000",
        ],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 10
        while not (runtime / "pulse" / "native").exists():
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            assert time.monotonic() < deadline, "PulseAudio startte niet"
            time.sleep(0.05)
        yield {k: env[k] for k in ("XDG_RUNTIME_DIR", "PULSE_RUNTIME_PATH", "PULSE_SOURCE")}
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _init(vault_dir: Path) -> None:
    result = vknz("init", vault=vault_dir)
    assert result.returncode == 0, result.stderr


def test_record_without_consent_opens_nothing_and_changes_nothing(vault_dir: Path) -> None:
    _init(vault_dir)
    before = sorted(p.name for p in (vault_dir / "media").iterdir())
    result = vknz("record", "--audio-only", "--audio-device", AUDIO_DEVICE, vault=vault_dir)
    assert_known_error(result, "toestemming")
    clash = vknz(
        "record",
        "--audio-only",
        "--device",
        "lavfi:color",
        "--consent-scope",
        "zelf",
        vault=vault_dir,
    )
    assert_known_error(clash, "--audio-only")
    bad = vknz(
        "record",
        "--audio-only",
        "--audio-device",
        "lavfi:bestaat_niet",
        "--consent-scope",
        "zelf",
        vault=vault_dir,
    )
    assert_known_error(bad, "kan niet worden geopend")
    assert sorted(p.name for p in (vault_dir / "media").iterdir()) == before
    listing = vknz("list", "--json", vault=vault_dir)
    assert json.loads(listing.stdout) == []


def test_record_from_lavfi_on_the_command_line(vault_dir: Path) -> None:
    _init(vault_dir)
    result = vknz(
        "record",
        "--audio-only",
        "--audio-device",
        AUDIO_DEVICE,
        "--duration",
        "2",
        "--consent-scope",
        "onderzoeker,collegas",
        "--title",
        "Gesprek proef",
        "--participant",
        "Klant Fictief:klant",
        vault=vault_dir,
    )
    assert result.returncode == 0, result.stderr
    assert "Opgenomen: Gesprek proef" in result.stdout
    (entry,) = json.loads(vknz("list", "--json", vault=vault_dir).stdout)
    assert entry["title"] == "Gesprek proef" and not entry["has_video"]
    assert 1500 <= entry["duration_ms"] <= 3500
    assert entry["consent_scope"] == ["collegas", "onderzoeker"]
    assert vknz("verify", vault=vault_dir).returncode == 0
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        decoded = decode(vault.open_media(entry["id"]))
    assert decoded.tone_hz == pytest.approx(TONE_HZ, abs=3)


def test_real_portaudio_path_through_pulseaudio(vault_dir: Path, pulse: dict[str, str]) -> None:
    """Path used: sounddevice → PortAudio (ALSA host API) → ALSA 'pulse' PCM plugin →
    PulseAudio (module-sine-source, real-time paced) — the route a laptop's microphone takes
    on a desktop with PulseAudio or PipeWire's pulse server."""
    _init(vault_dir)
    devices = vknz("record", "--list-devices", vault=vault_dir, env_extra=pulse)
    assert devices.returncode == 0, devices.stderr
    assert "pulse" in devices.stdout.split("Camera's")[0], devices.stdout
    started = time.monotonic()
    result = vknz(
        "record",
        "--audio-only",
        "--audio-device",
        "pulse",
        "--duration",
        "3",
        "--consent-scope",
        "zelf",
        vault=vault_dir,
        env_extra=pulse,
    )
    took = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    (entry,) = json.loads(vknz("list", "--json", vault=vault_dir).stdout)
    # ~3 s of sound; a starved PulseAudio (both cores busy) drops some of its source's blocks
    assert 1500 <= entry["duration_ms"] <= 4500, entry
    assert took >= 3  # paced by the server's clock, not faster than real time
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        decoded = decode(vault.open_media(entry["id"]))
    assert decoded.streams == [("audio", "opus")]
    assert decoded.tone_hz == pytest.approx(PULSE_TONE_HZ, abs=3)


def test_import_remove_source_removes_and_audits(vault_dir: Path, tmp_path: Path) -> None:
    _init(vault_dir)
    source = tmp_path / "kaart" / "gesprek.wav"
    source.parent.mkdir()
    shutil.copyfile(facts.AUDIO_WAV, source)
    result = vknz(
        "import", str(source), "--consent-scope", "zelf", "--remove-source", vault=vault_dir
    )
    assert result.returncode == 0, result.stderr
    assert not source.exists()
    assert "terug te halen" in result.stdout and "cloud" in result.stdout
    assert "overschreven" not in result.stdout
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        entries = vault.audit_entries()
        (recording,) = vault.recordings()
    removal = [e for e in entries if e.action == AuditAction.SOURCE_REMOVED]
    assert [e.recording_id for e in removal] == [recording.id]
    assert "gesprek" not in json.dumps(removal[0].details)


def test_import_remove_source_refuses_a_read_only_folder_before_importing(
    vault_dir: Path, tmp_path: Path
) -> None:
    _init(vault_dir)
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    source = folder / "gesprek.wav"
    shutil.copyfile(facts.AUDIO_WAV, source)
    # Root may write anywhere; a read-only bind mount is not available in every sandbox, so
    # the check is made to see one through a tiny sitecustomize in the child process.
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(
        "import os\n"
        "_real = os.statvfs\n"
        f"_ro = {str(folder)!r}\n"
        "class _R:\n"
        "    def __init__(self, real):\n"
        "        self.f_flag = real.f_flag | os.ST_RDONLY\n"
        "os.statvfs = lambda p: _R(_real(p)) if str(p) == _ro else _real(p)\n"
    )
    env = {"PYTHONPATH": os.pathsep.join([str(hook), os.environ.get("PYTHONPATH", "")])}
    result = vknz(
        "import",
        str(source),
        "--consent-scope",
        "zelf",
        "--remove-source",
        vault=vault_dir,
        env_extra=env,
    )
    assert_known_error(result, "alleen gelezen")
    assert source.exists()
    assert json.loads(vknz("list", "--json", vault=vault_dir).stdout) == []
