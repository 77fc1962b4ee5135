from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from vknz_desktop.domain.errors import VaultDamagedError, WrongPassphraseError
from vknz_desktop.storage.keyfile import (
    STANDARD_PROFILE,
    TEST_PROFILE,
    KeyFile,
    read_key_file,
    tune_kdf,
    write_key_file,
)


def test_wrap_and_unwrap(tmp_path: Path) -> None:
    key = os.urandom(32)
    path = tmp_path / "vault.key"
    write_key_file(path, KeyFile.wrap(key, "goed wachtwoord", tune_kdf(TEST_PROFILE)))
    assert path.stat().st_mode & 0o777 == 0o600
    assert read_key_file(path).unwrap("goed wachtwoord") == key
    assert key.hex() not in path.read_text()


def test_wrong_passphrase_has_the_agreed_message(tmp_path: Path) -> None:
    path = tmp_path / "vault.key"
    write_key_file(path, KeyFile.wrap(os.urandom(32), "goed wachtwoord", tune_kdf(TEST_PROFILE)))
    with pytest.raises(WrongPassphraseError, match="Onjuist wachtwoord of geen kluisbestand"):
        read_key_file(path).unwrap("fout wachtwoord")


def test_edited_kdf_parameters_are_detected(tmp_path: Path) -> None:
    path = tmp_path / "vault.key"
    write_key_file(path, KeyFile.wrap(os.urandom(32), "goed wachtwoord", tune_kdf(TEST_PROFILE)))
    doc = json.loads(path.read_text())
    doc["body"]["kdf"]["time_cost"] = 2
    path.write_text(json.dumps(doc))
    with pytest.raises(VaultDamagedError, match="sleutelbestand"):
        read_key_file(path)


@pytest.mark.parametrize("garbage", [b"", b"{}", b"not json", os.urandom(200)])
def test_garbage_key_file_is_reported_as_damaged(tmp_path: Path, garbage: bytes) -> None:
    path = tmp_path / "vault.key"
    path.write_bytes(garbage)
    with pytest.raises(VaultDamagedError, match="beschadigd"):
        read_key_file(path)


def test_flipped_byte_in_key_file_is_damage_not_wrong_passphrase(tmp_path: Path) -> None:
    path = tmp_path / "vault.key"
    write_key_file(path, KeyFile.wrap(os.urandom(32), "goed wachtwoord", tune_kdf(TEST_PROFILE)))
    doc = json.loads(path.read_text())
    wrapped = bytearray(doc["body"]["wrap"]["key"].encode())
    wrapped[3] = ord("A") if wrapped[3] != ord("A") else ord("B")
    doc["body"]["wrap"]["key"] = wrapped.decode()
    path.write_text(json.dumps(doc))
    with pytest.raises(VaultDamagedError):
        read_key_file(path)


def test_standard_profile_is_tuned_to_about_half_a_second_to_a_second() -> None:
    import time

    params = tune_kdf(STANDARD_PROFILE)
    started = time.perf_counter()
    params.derive("meten")
    elapsed = time.perf_counter() - started
    print(
        f"Argon2id time_cost={params.time_cost} memory={params.memory_cost_kib} KiB:"
        f" {elapsed:.2f} s"
    )
    assert params.memory_cost_kib >= 64 * 1024
    assert 0.25 < elapsed < 2.0


def test_tuning_never_goes_below_the_argon2id_floor() -> None:
    """A busy machine measures slow; a weak profile asks for little: the floor holds."""
    from vknz_desktop.storage.keyfile import ARGON2_FLOOR, KdfProfile, below_floor

    for profile in (
        KdfProfile(memory_cost_kib=16 * 1024, parallelism=1, target_seconds=0.0001),
        KdfProfile(memory_cost_kib=64 * 1024, parallelism=2, target_seconds=0.0001),
    ):
        params = tune_kdf(profile)
        assert params.memory_cost_kib >= ARGON2_FLOOR.memory_cost_kib == 64 * 1024
        assert params.time_cost >= ARGON2_FLOOR.time_cost == 3
        assert params.parallelism >= ARGON2_FLOOR.parallelism == 2
        assert not below_floor(params)
    assert below_floor(tune_kdf(TEST_PROFILE))  # only tests can ask for less, explicitly
