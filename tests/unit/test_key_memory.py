"""Keys in memory: the database key lives in a bytearray that is overwritten once SQLCipher
has its own copy, and the database is keyed without an SQL text holding the key."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests.conftest import PASSPHRASE

from vknz_desktop.storage import keyfile
from vknz_desktop.storage import vault as vault_module
from vknz_desktop.storage.key_memory import as_buffer, new_key, raw_key_literal, wipe
from vknz_desktop.storage.keyfile import TEST_PROFILE, KeyFile, tune_kdf
from vknz_desktop.storage.vault import Vault


def test_raw_key_literal_is_sqlciphers_form_built_in_a_buffer() -> None:
    key = os.urandom(32)
    literal = raw_key_literal(key)
    assert isinstance(literal, bytearray)
    assert literal == f"x'{key.hex()}'".encode()
    wipe(literal)
    assert literal == bytearray(len(literal))


def test_scrub_overwrites_a_fresh_bytes_object_in_place() -> None:
    value = os.urandom(32)
    buffer = as_buffer(value)
    assert any(buffer)
    assert value == bytes(32)  # the bytes object itself was overwritten
    assert len(new_key()) == 32 and any(new_key())


def test_unwrap_gives_a_buffer(tmp_path: Path) -> None:
    key = new_key()
    unwrapped = KeyFile.wrap(key, PASSPHRASE, tune_kdf(TEST_PROFILE)).unwrap(PASSPHRASE)
    assert isinstance(unwrapped, bytearray) and unwrapped == key


def test_open_and_change_passphrase_wipe_the_unwrapped_key(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE).close()
    handed_out: list[bytearray] = []
    real = keyfile.unlock_key

    def spy(path: Path, passphrase: str) -> tuple[bytearray, object]:
        key, read = real(path, passphrase)
        handed_out.append(key)
        return key, read

    monkeypatch.setattr(vault_module, "unlock_key", spy)
    vault = Vault.open(vault_dir, PASSPHRASE)
    try:
        assert handed_out[0] == bytearray(32)  # wiped, and the vault still reads and writes
        assert vault.recordings() == []
        vault.wait_for_health_check()
    finally:
        vault.close()
    assert vault._health_key is not None and vault._health_key == bytearray(32)

    Vault.change_passphrase(vault_dir, PASSPHRASE, "een heel ander wachtwoord", TEST_PROFILE)
    assert handed_out[-1] == bytearray(32)
    Vault.open(vault_dir, "een heel ander wachtwoord").close()


def test_nothing_keys_the_database_through_an_sql_text(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlcipher3

    statements: list[str] = []
    real_connect = sqlcipher3.connect

    def traced(*args: object, **kwargs: object) -> object:
        conn = real_connect(*args, **kwargs)
        conn.set_trace_callback(statements.append)
        return conn

    monkeypatch.setattr(sqlcipher3, "connect", traced)
    Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE).close()
    Vault.open(vault_dir, PASSPHRASE).close()
    assert len(statements) > 5
    assert not [s for s in statements if "pragma key" in s.lower() or "\"x'" in s.lower()]


def test_cipher_memory_security_stays_off(vault_dir: Path) -> None:
    """The documented choice (docs/architecture.md, bench/bench_memory_security.py)."""
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        with vault.reading() as conn:
            assert str(conn.execute("PRAGMA cipher_memory_security").fetchone()[0]) == "0"
