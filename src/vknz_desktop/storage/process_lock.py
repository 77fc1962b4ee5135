"""One process at a time per vault: an OS advisory lock on ``vault.lock``."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from vknz_desktop.domain.errors import VaultInUseError
from vknz_desktop.storage.fsutil import PRIVATE_FILE_MODE

LOCK_FILE_NAME = "vault.lock"

IN_USE_MESSAGE = (
    "De kluis is al geopend door een ander venster of programma. "
    "Sluit dat eerst en probeer het dan opnieuw."
)


class ProcessLock:
    """An exclusive, non-blocking lock held for as long as a vault is open.

    The OS drops the lock when the process dies, so a crash never leaves the vault locked.
    """

    def __init__(self, directory: Path, *, read_only: bool = False) -> None:
        self._path = directory / LOCK_FILE_NAME
        self._fd: int | None = None
        self._read_only = read_only
        self._held_without_file = False

    def acquire(self) -> None:
        """Take the lock or raise VaultInUseError.

        ``read_only`` (a read-only file system, where nobody can write to the vault): an
        existing lock file is opened for reading and locked; without one there is nothing to
        guard and the lock counts as held.
        """
        if self._fd is not None or self._held_without_file:
            return
        if self._read_only:
            try:
                fd = os.open(self._path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
            except FileNotFoundError:
                self._held_without_file = True
                return
        else:
            flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0)
            fd = os.open(self._path, flags, PRIVATE_FILE_MODE)
        try:
            _lock_fd(fd)
        except OSError as error:
            os.close(fd)
            raise VaultInUseError(IN_USE_MESSAGE) from error
        self._fd = fd

    def release(self) -> None:
        """Give the lock up (idempotent)."""
        self._held_without_file = False
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            _unlock_fd(fd)
        os.close(fd)

    @property
    def held(self) -> bool:
        """Whether this object holds the lock."""
        return self._fd is not None or self._held_without_file


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock_fd(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock_fd(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock_fd(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock_fd(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
