"""Small file-system helpers: private permissions, atomic replace, disk-full mapping."""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from pathlib import Path

from vknz_desktop.domain.errors import DiskFullError

PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700


def make_private_dir(path: Path) -> None:
    """Create ``path`` (and parents) with mode 0700 and tighten it if it already exists."""
    path.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    with contextlib.suppress(OSError):  # not supported on every file system
        path.chmod(PRIVATE_DIR_MODE)


def open_private_for_writing(path: Path, *, exclusive: bool = True) -> int:
    """Open ``path`` for writing as a new file with mode 0600; returns an OS file descriptor."""
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= os.O_EXCL if exclusive else os.O_TRUNC
    return os.open(path, flags, PRIVATE_FILE_MODE)


def fsync_dir(path: Path) -> None:
    """Flush a directory entry change (rename, create) to disk where the OS allows it."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so a crash leaves either the old or the new file.

    Writes a temporary sibling, fsyncs it, renames it over ``path`` and fsyncs the directory.
    """
    tmp = path.with_name(path.name + ".tmp")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    with disk_full_as_known_error():
        fd = open_private_for_writing(tmp)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        tmp.replace(path)
        fsync_dir(path.parent)


def is_disk_full(error: OSError) -> bool:
    """Whether ``error`` means the disk or quota is full."""
    return error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))


@contextlib.contextmanager
def disk_full_as_known_error() -> Iterator[None]:
    """Turn 'no space left' errors into a DiskFullError with a Dutch message."""
    try:
        yield
    except OSError as error:
        if is_disk_full(error):
            raise DiskFullError(DISK_FULL_MESSAGE) from error
        raise


DISK_FULL_MESSAGE = (
    "De schijf is vol. Maak ruimte vrij en probeer het opnieuw; er is niets half bewaard."
)
#: Below this much free space an I/O error is taken to mean a full disk, not damage.
LOW_SPACE_BYTES = 1024 * 1024


def low_on_space(directory: Path) -> bool:
    """Whether the file system of ``directory`` has (almost) no room left."""
    try:
        stats = os.statvfs(directory)
    except (OSError, AttributeError):
        return False
    return stats.f_bavail * stats.f_frsize < LOW_SPACE_BYTES


def is_read_only_file_system(directory: Path) -> bool:
    """Whether ``directory`` lies on a file system mounted read-only."""
    try:
        return bool(os.statvfs(directory).f_flag & getattr(os, "ST_RDONLY", 1))
    except (OSError, AttributeError):
        return False


def overwrite_and_remove(path: Path) -> None:
    """Overwrite a file with zeros, flush it and remove it.

    Best effort: a copy-on-write or flash file system may keep the old blocks elsewhere; the
    file is encrypted either way, this only shortens how long its blocks stay on disk.
    """
    try:
        size = path.stat().st_size
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))
        try:
            zeros = bytes(min(size, 1024 * 1024))
            left = size
            while left > 0:
                left -= os.write(fd, zeros[: min(left, len(zeros))])
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        pass  # a read-only or full disk: removing is still worth trying
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
