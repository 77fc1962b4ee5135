"""Key file and spare: kill points of a passphrase change, stale spares, leftovers."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from tests.conftest import PASSPHRASE

from vknz_desktop.domain.errors import WrongPassphraseError
from vknz_desktop.storage.keyfile import TEST_PROFILE, KeyFile, read_key_file, tune_kdf
from vknz_desktop.storage.vault import Vault

NEW = "een nieuw sterk wachtwoord"

#: Runs a passphrase change and kills the process (SIGKILL-like: no clean-up runs) just
#: before the N-th file-system step of the key files: each fsync and each rename.
KILLER = """
import os, sys
from pathlib import Path
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.storage.vault import Vault

kill_at = int(sys.argv[2])
steps = {"n": 0}
real_fsync, real_replace = os.fsync, os.replace

def step(real):
    def wrapper(*args, **kwargs):
        steps["n"] += 1
        if steps["n"] == kill_at:
            os._exit(9)
        return real(*args, **kwargs)
    return wrapper

os.fsync = step(real_fsync)
os.replace = step(real_replace)
Vault.change_passphrase(Path(sys.argv[1]), sys.argv[3], sys.argv[4], TEST_PROFILE)
os._exit(0)
"""


def opens(vault_dir: Path, passphrase: str) -> bool:
    try:
        Vault.open(vault_dir, passphrase).close()
    except WrongPassphraseError:
        return False
    return True


@pytest.mark.parametrize("kill_at", range(1, 8))
def test_every_kill_point_of_a_passphrase_change_is_safe(tmp_path: Path, kill_at: int) -> None:
    """Six steps (fsync, rename, fsync of the folder; spare first, then the key file); 7 lets
    the change finish. After a kill: the old or the new passphrase works; whichever is used
    first wins, and the other one never works again."""
    vault_dir = tmp_path / "kluis"
    Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE).close()
    result = subprocess.run(
        [sys.executable, "-c", KILLER, str(vault_dir), str(kill_at), PASSPHRASE, NEW],
        check=False,
        timeout=60,
    )
    finished = kill_at == 7
    assert result.returncode == (0 if finished else 9)
    for first, second in ((PASSPHRASE, NEW), (NEW, PASSPHRASE)):
        copy = tmp_path / f"kopie-{first[:4]}"
        shutil.copytree(vault_dir, copy)
        if opens(copy, first):
            assert not opens(copy, second), (kill_at, first)
            assert opens(copy, first)
            assert sorted(copy.glob("*.tmp")) == sorted(copy.glob(".*.tmp")) == []
        else:
            assert opens(copy, second), (kill_at, first)
        if finished:
            assert not opens(copy, PASSPHRASE)
        shutil.rmtree(copy)


def test_a_stale_spare_never_brings_an_old_passphrase_back(vault_dir: Path) -> None:
    Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE).close()
    old_spare = (vault_dir / "vault.key.spare").read_bytes()
    Vault.change_passphrase(vault_dir, PASSPHRASE, NEW, TEST_PROFILE)
    # Someone (or a restore) puts the old spare back beside the new key file.
    (vault_dir / "vault.key.spare").write_bytes(old_spare)
    with pytest.raises(WrongPassphraseError):
        Vault.open(vault_dir, PASSPHRASE)
    with Vault.open(vault_dir, NEW):
        pass
    # The unlock refreshed the spare, so the old passphrase is gone for good.
    assert (vault_dir / "vault.key.spare").read_bytes() == (vault_dir / "vault.key").read_bytes()
    with pytest.raises(WrongPassphraseError):
        Vault.open(vault_dir, PASSPHRASE)


def test_a_version_1_key_file_pair_cut_off_mid_change_keeps_the_new_passphrase(
    vault_dir: Path,
) -> None:
    """Older versions wrote the key file before the spare, without generations: a crash in
    between left the new key file and the old spare. The old spare must not be tried."""
    Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE).close()
    key = read_key_file(vault_dir / "vault.key").unwrap(PASSPHRASE)

    def version_1(passphrase: str) -> bytes:
        kdf = tune_kdf(TEST_PROFILE)
        unsealed = KeyFile(kdf, os.urandom(12), b"", generation=0, version=1)
        sealed = AESGCM(kdf.derive(passphrase)).encrypt(
            unsealed.nonce, key, unsealed.associated_data()
        )
        return KeyFile(kdf, unsealed.nonce, sealed, generation=0, version=1).to_bytes()

    (vault_dir / "vault.key").write_bytes(version_1(NEW))
    (vault_dir / "vault.key.spare").write_bytes(version_1(PASSPHRASE))
    with pytest.raises(WrongPassphraseError):
        Vault.open(vault_dir, PASSPHRASE)
    Vault.open(vault_dir, NEW).close()


def test_the_spare_is_tried_when_a_sound_key_file_refuses_a_newer_passphrase(
    vault_dir: Path,
) -> None:
    """The state a change leaves when it is cut off after the spare: old key file, new
    spare. The new passphrase works (from the spare) and restores the key file."""
    Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE).close()
    old_key_file = (vault_dir / "vault.key").read_bytes()
    Vault.change_passphrase(vault_dir, PASSPHRASE, NEW, TEST_PROFILE)
    (vault_dir / "vault.key").write_bytes(old_key_file)
    with Vault.open(vault_dir, NEW) as vault:
        assert any("hersteld" in n for n in vault.notices)
    assert (vault_dir / "vault.key").read_bytes() == (vault_dir / "vault.key.spare").read_bytes()
    with pytest.raises(WrongPassphraseError):
        Vault.open(vault_dir, PASSPHRASE)


def test_a_leftover_temporary_key_file_is_removed_at_the_next_open(vault_dir: Path) -> None:
    Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE).close()
    names = (
        "vault.key.tmp",
        "vault.key.spare.tmp",
        ".vault.key.k3j9x.tmp",
        ".vault.key.spare.p0q.tmp",
    )
    for name in names:
        (vault_dir / name).write_bytes((vault_dir / "vault.key").read_bytes())
    Vault.open(vault_dir, PASSPHRASE).close()
    assert [name for name in names if (vault_dir / name).exists()] == []
