"""Byte sources the players read from: anything with ``size`` and ``read_at``."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Protocol


class ReadAtStream(Protocol):
    """A random-access, thread-safe byte source (the vault's DecryptedStream is one)."""

    @property
    def size(self) -> int: ...

    def read_at(self, offset: int, size: int) -> bytes: ...


class PlainFileStream:
    """A plain file behind the same interface: the baseline in benchmarks and tests."""

    def __init__(self, path: Path) -> None:
        self._fd: int | None = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        self._size = os.fstat(self._fd).st_size
        self._lock = threading.Lock()

    @property
    def size(self) -> int:
        """File size in bytes."""
        return self._size

    def read_at(self, offset: int, size: int) -> bytes:
        """Up to ``size`` bytes from ``offset``."""
        fd = self._fd
        if fd is None:
            raise ValueError("I/O operation on closed stream")
        if hasattr(os, "pread"):
            return os.pread(fd, size, offset)
        with self._lock:  # pragma: no cover - Windows
            os.lseek(fd, offset, os.SEEK_SET)
            return os.read(fd, size)

    def close(self) -> None:
        """Close the file (idempotent)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
