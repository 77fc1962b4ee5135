"""A full disk and a read-only file system, on real (small) tmpfs mounts.

A full disk is a known problem, never "damage": every command exits with 2 and says the disk
is full, read commands included. On a read-only file system the vault can still be listed and
verified; writing is refused with a clear message.
"""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import PASSPHRASE
from tests.fixtures import media_facts as facts
from tests.integration.helpers import import_file, snapshot
from tests.integration.test_cli import assert_known_error, vknz

from vknz_desktop.domain.errors import DiskFullError, ReadOnlyVaultError
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.storage.vault import Vault

pytestmark = pytest.mark.skipif(
    os.geteuid() != 0, reason="mounting a tmpfs needs root (CI runs as root)"
)


@contextlib.contextmanager
def tmpfs(where: Path, size: str = "4m") -> Iterator[Path]:
    where.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.fail(f"could not mount a tmpfs: {mounted.stderr.decode()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def fill(directory: Path) -> None:
    """Write a filler file until the disk is full."""
    block = os.urandom(64 * 1024)
    with (directory / "vulling").open("wb", buffering=0) as handle:
        try:
            while True:
                handle.write(block)
        except OSError as error:
            assert error.errno == errno.ENOSPC
    with contextlib.suppress(OSError), (directory / "vulling2").open("wb", buffering=0) as h:
        while True:
            h.write(b"x" * 512)


def make_vault(vault_dir: Path) -> str:
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        return import_file(vault, facts.AUDIO_WAV, title="Gesprek op een volle schijf").id


def test_a_full_disk_is_said_to_be_full_by_every_command(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "klein") as disk:
        vault_dir = disk / "kluis"
        recording_id = make_vault(vault_dir)
        fill(disk)
        before = snapshot(vault_dir)
        for args in (("list",), ("verify",), ("delete", recording_id, "--yes")):
            result = vknz(*args, vault=vault_dir)
            assert_known_error(result, "De schijf is vol")
            assert "is beschadigd" not in result.stderr
        with pytest.raises(DiskFullError, match="niet beschadigd"):
            Vault.open(vault_dir, PASSPHRASE)
        assert snapshot(vault_dir) == before
        (disk / "vulling").unlink()
        (disk / "vulling2").unlink(missing_ok=True)
        result = vknz("list", vault=vault_dir)
        assert result.returncode == 0 and "volle schijf" in result.stdout


def test_a_write_that_meets_a_full_disk_in_sqlite_is_a_known_error(tmp_path: Path) -> None:
    """'database or disk is full' from SQLite itself, after the vault opened."""
    with tmpfs(tmp_path / "klein") as disk:
        vault_dir = disk / "kluis"
        make_vault(vault_dir)
        with Vault.open(vault_dir, PASSPHRASE) as vault:
            fill(disk)
            with pytest.raises(DiskFullError, match="De schijf is vol"):
                for index in range(2000):
                    vault.set_setting(f"vulling-{index}", "x" * 4000)


def test_a_read_only_file_system_can_be_listed_and_verified(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "klein") as disk:
        vault_dir = disk / "kluis"
        recording_id = make_vault(vault_dir)
        before = snapshot(vault_dir)
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        listed = vknz("list", vault=vault_dir)
        assert listed.returncode == 0, listed.stderr
        assert "Gesprek op een volle schijf" in listed.stdout
        assert "alleen-lezen" in listed.stderr
        verified = vknz("verify", vault=vault_dir)
        assert verified.returncode == 0, verified.stderr
        assert "in orde" in verified.stdout
        deleted = vknz("delete", recording_id, "--yes", vault=vault_dir)
        assert deleted.returncode == 2 and "Traceback" not in deleted.stderr
        assert "alleen-lezen" in deleted.stderr
        with Vault.open(vault_dir, PASSPHRASE) as vault:
            assert vault.read_only
            with pytest.raises(ReadOnlyVaultError):
                vault.set_setting("x", "y")
            with vault.open_media(recording_id) as stream:
                assert stream.read(4)
        subprocess.run(["mount", "-o", "remount,rw", str(disk)], check=True)
        assert snapshot(vault_dir) == before
