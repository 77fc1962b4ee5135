"""The ``vknz`` command line, run as a real process the way scripts use it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.conftest import PASSPHRASE
from tests.fixtures import media_facts as facts

from vknz_desktop.storage.keyfile import TEST_PROFILE, read_key_file
from vknz_desktop.storage.vault import Vault


def vknz(
    *args: str,
    passphrase: str | None = PASSPHRASE,
    env_extra: dict[str, str] | None = None,
    vault: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if passphrase is not None:
        env["VKNZ_PASSPHRASE"] = passphrase
    env.update(env_extra or {})
    prefix = ["--vault", str(vault)] if vault else []
    return subprocess.run(
        [sys.executable, "-m", "vknz_desktop", *prefix, *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )


def assert_known_error(result: subprocess.CompletedProcess[str], fragment: str) -> None:
    assert result.returncode == 2, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert fragment in lines[0]
    assert "Traceback" not in result.stderr + result.stdout


def init_vault(vault_dir: Path) -> None:
    """A new, empty vault made in this process with the tests' cheap key derivation (the
    command line itself always uses the Argon2id floor, see test_init_uses_the_argon2id_floor)."""
    Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE).close()


def test_init_uses_the_argon2id_floor(vault_dir: Path) -> None:
    # The variable that once made key files cheap is ignored now.
    assert vknz("init", env_extra={"VKNZ_KDF_PROFILE": "test"}).returncode == 0
    kdf = read_key_file(vault_dir / "vault.key").kdf
    assert kdf.memory_cost_kib >= 64 * 1024
    assert kdf.time_cost >= 3
    assert kdf.parallelism >= 2
    assert vknz("list").returncode == 0


def test_full_cli_round_trip(vault_dir: Path) -> None:
    init_vault(vault_dir)
    assert vault_dir.joinpath("vault.key").exists()
    first = vknz(
        "import",
        str(facts.VIDEO_MP4),
        "--consent-scope",
        "onderzoeker",
        "--title",
        "Oefengesprek",
        "--date",
        "2026-10-05",
        "--consent-by",
        "klant",
        "--keep-until",
        "2027-06-30",
        "--participant",
        "Klant A:klant",
    )
    assert first.returncode == 0, first.stderr
    assert vknz("import", str(facts.AUDIO_MP3), "--consent-scope", "zelf").returncode == 0

    listed = vknz("list", "--json")
    assert listed.returncode == 0
    items = json.loads(listed.stdout)
    by_title = {item["title"]: item for item in items}
    assert set(by_title) == {"Oefengesprek", "audio"}
    video = by_title["Oefengesprek"]
    for field in (
        "id",
        "title",
        "duration_ms",
        "has_video",
        "has_audio",
        "consent_scope",
        "keep_until",
    ):
        assert field in video
    assert video["consent_scope"] == ["onderzoeker"]
    assert video["keep_until"] == "2027-06-30"
    assert video["has_video"] is True and by_title["audio"]["has_video"] is False
    assert abs(video["duration_ms"] - facts.VIDEO_DURATION_MS) <= 100

    human = vknz("list")
    assert "Oefengesprek" in human.stdout and "samen met onderzoeker" in human.stdout

    assert vknz("verify").returncode == 0

    dup = vknz("import", str(facts.VIDEO_MP4), "--consent-scope", "zelf")
    assert_known_error(dup, "staat al in de kluis")

    changed = vknz("passwd", env_extra={"VKNZ_NEW_PASSPHRASE": "nog een sterk wachtwoord"})
    assert changed.returncode == 0, changed.stderr
    assert_known_error(vknz("list"), "Onjuist wachtwoord of geen kluisbestand")
    assert vknz("list", passphrase="nog een sterk wachtwoord").returncode == 0

    deleted = vknz("delete", video["id"], passphrase="nog een sterk wachtwoord")
    assert deleted.returncode == 0, deleted.stderr
    left = json.loads(vknz("list", "--json", passphrase="nog een sterk wachtwoord").stdout)
    assert [item["title"] for item in left] == ["audio"]
    assert not (vault_dir / "media" / f"{video['id']}.vkm").exists()


def test_vault_option_overrides_location(tmp_path: Path) -> None:
    elsewhere = tmp_path / "ergens anders"
    init_vault(elsewhere)
    assert (elsewhere / "vault.db").exists()
    assert vknz("list", vault=elsewhere).returncode == 0


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("import", str(facts.BROKEN_RANDOM), "--consent-scope", "zelf"), "geen afspeelbare"),
        (("import", str(facts.BROKEN_EMPTY), "--consent-scope", "zelf"), "leeg"),
        (("import", "/bestaat/niet.mp4", "--consent-scope", "zelf"), "bestaat niet"),
        (("import", str(facts.VIDEO_MP4), "--consent-scope", "iedereen"), "onbekende toestemming"),
        (
            ("import", str(facts.VIDEO_MP4), "--consent-scope", "zelf", "--date", "gisteren"),
            "geen datum",
        ),
        (("delete", "onbekend"), "geen opname"),
    ],
)
def test_bad_input_gives_one_line_and_exit_2(
    vault_dir: Path, args: tuple[str, ...], fragment: str
) -> None:
    init_vault(vault_dir)
    result = vknz(*args)
    assert result.returncode == 2
    assert fragment in result.stderr
    assert "Traceback" not in result.stderr


def test_errors_before_a_vault_exists(vault_dir: Path) -> None:
    assert_known_error(vknz("list"), "geen kluis")
    assert_known_error(vknz("init", passphrase="kort"), "te kort")
    for guessable in ("Welkom2024", "Jansen1975", "Zoetermeer2026", "0612345678"):
        assert_known_error(vknz("init", passphrase=guessable), "raden")
    assert_known_error(vknz("list", passphrase=None), "VKNZ_PASSPHRASE")
    assert not vault_dir.exists()


def test_verify_exit_code_names_the_damage(vault_dir: Path) -> None:
    init_vault(vault_dir)
    assert (
        vknz(
            "import", str(facts.AUDIO_WAV), "--consent-scope", "zelf", "--title", "Proef"
        ).returncode
        == 0
    )
    chunk_file = next((vault_dir / "media").iterdir())
    raw = bytearray(chunk_file.read_bytes())
    raw[100] ^= 1
    chunk_file.write_bytes(bytes(raw))
    result = vknz("verify")
    assert result.returncode == 2
    assert "Proef" in result.stderr and "beschadigd" in result.stderr


def test_kill_during_import_leaves_no_partial_recording(vault_dir: Path, tmp_path: Path) -> None:
    init_vault(vault_dir)
    big = tmp_path / "groot.wav"
    _write_big_wav(big, megabytes=120)
    env = dict(os.environ, VKNZ_PASSPHRASE=PASSPHRASE)
    for attempt in range(3):
        process = subprocess.Popen(
            [sys.executable, "-m", "vknz_desktop", "import", str(big), "--consent-scope", "zelf"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
        )
        media = vault_dir / "media"
        deadline = time.monotonic() + 60
        partial: list[Path] = []
        while time.monotonic() < deadline and process.poll() is None:
            partial = [p for p in media.iterdir() if p.stat().st_size > (1 + attempt) * 4_000_000]
            if partial:
                break
            time.sleep(0.005)
        assert process.poll() is None, "import finished before it could be killed"
        process.send_signal(signal.SIGKILL)
        process.wait()
        listed = vknz("list", "--json")
        assert listed.returncode == 0, listed.stderr
        assert json.loads(listed.stdout) == []
        assert list(media.iterdir()) == []  # space reclaimed at the next open
    assert vknz("verify").returncode == 0
    assert vknz("import", str(big), "--consent-scope", "zelf").returncode == 0


def _write_big_wav(path: Path, megabytes: int) -> None:
    import wave

    block = os.urandom(1024 * 1024)
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(2)
        wav.setsampwidth(2)
        wav.setframerate(48000)
        for _ in range(megabytes):
            wav.writeframes(block)


def test_damaged_database_is_listed_read_only_and_refuses_changes(vault_dir: Path) -> None:
    init_vault(vault_dir)
    imported = vknz("import", str(facts.AUDIO_WAV), "--consent-scope", "zelf", "--title", "Proef")
    assert imported.returncode == 0
    db = vault_dir / "vault.db"
    raw = bytearray(db.read_bytes())
    raw[4096 + 500] ^= 0x33  # page 2
    db.write_bytes(bytes(raw))

    listed = vknz("list")
    assert listed.returncode == 0 and "Proef" in listed.stdout
    assert "Let op:" in listed.stderr and "alleen-lezen" in listed.stderr
    assert "Traceback" not in listed.stderr

    refused = vknz("import", str(facts.AUDIO_OGG), "--consent-scope", "zelf")
    assert refused.returncode == 2 and "alleen-lezen" in refused.stderr
    assert "Traceback" not in refused.stderr
    verified = vknz("verify")
    assert verified.returncode == 2 and "blok 2" in verified.stderr


def test_command_line_unlocks_are_audited(vault_dir: Path) -> None:
    init_vault(vault_dir)
    assert vknz("list").returncode == 0
    from vknz_desktop.domain.models import AuditAction
    from vknz_desktop.storage.vault import Vault

    with Vault.open(vault_dir, PASSPHRASE) as vault:
        unlocks = [e for e in vault.audit_entries() if e.action is AuditAction.UNLOCK]
    assert [e.details.get("via") for e in unlocks] == ["opdrachtregel"]


def test_keep_until_before_the_consent_date_is_a_known_problem(vault_dir: Path) -> None:
    init_vault(vault_dir)
    before = sorted(p.name for p in (vault_dir / "media").iterdir())
    result = vknz(
        "import",
        str(facts.AUDIO_WAV),
        "--consent-scope",
        "zelf",
        "--consent-date",
        "2026-05-01",
        "--keep-until",
        "2026-04-30",
    )
    assert_known_error(result, "ligt vóór de datum van toestemming")
    assert sorted(p.name for p in (vault_dir / "media").iterdir()) == before
    imported = vknz("import", str(facts.AUDIO_WAV), "--consent-scope", "zelf")
    assert imported.returncode == 0
    recording_id = json.loads(vknz("list", "--json").stdout)[0]["id"]
    consent = vknz(
        "consent",
        recording_id,
        "--consent-scope",
        "zelf",
        "--consent-date",
        "2026-05-01",
        "--keep-until",
        "2026-01-01",
    )
    assert_known_error(consent, "ligt vóór de datum van toestemming")
