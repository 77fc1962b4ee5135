"""Replacing a file whole: the old or the new bytes, never a mix, and nothing left beside it."""

from __future__ import annotations

from pathlib import Path

import pytest

from vknz_desktop import files
from vknz_desktop.files import write_atomically
from vknz_desktop.storage import fsutil


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "map"
    path.mkdir()
    return path


def test_replaces_the_file_readable_by_the_user_only(folder: Path) -> None:
    target = folder / "samenvatting.json"
    target.write_bytes(b"oud")
    target.chmod(0o644)
    write_atomically(target, b"nieuw")
    assert target.read_bytes() == b"nieuw"
    assert target.stat().st_mode & 0o777 == 0o600  # also when the old file was readable
    assert not hasattr(files, "SHARED_FILE_MODE")  # no export is written for others to read
    assert sorted(p.name for p in folder.iterdir()) == ["samenvatting.json"]


def test_a_failed_write_keeps_the_old_file_and_leaves_nothing(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = folder / "vault.key"
    target.write_bytes(b"oud")

    def broken_fsync(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="No space"):
        write_atomically(target, b"nieuw" * 1000)
    assert target.read_bytes() == b"oud"
    assert sorted(p.name for p in folder.iterdir()) == ["vault.key"]


def test_the_vault_uses_the_same_helper_and_names_a_full_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from vknz_desktop.domain.errors import DiskFullError

    calls: list[tuple[Path, int]] = []
    real = files.write_atomically

    def spy(path: Path, data: bytes, *, mode: int = files.PRIVATE_FILE_MODE) -> None:
        calls.append((path, mode))
        real(path, data, mode=mode)

    monkeypatch.setattr(files, "write_atomically", spy)
    fsutil.write_atomically(tmp_path / "vault.key", b"sleutel")
    assert calls == [(tmp_path / "vault.key", 0o600)]

    def full(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full)
    with pytest.raises(DiskFullError):
        fsutil.write_atomically(tmp_path / "vault.key", b"nieuw")
    assert (tmp_path / "vault.key").read_bytes() == b"sleutel"
