"""Replacing a file so that a crash, a kill or a full disk never leaves half of it behind.

One helper for every file the app replaces whole: the vault's key files (``storage``) and the
exported summaries and agendas (``ui``, ``cli``). Standard library only, so every layer may use
it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

#: Only the user may read the file: the vault's files and every export (a learning summary,
#: a team agenda). The user hands an export on by choice; others on the machine don't read it.
PRIVATE_FILE_MODE = 0o600


def fsync_dir(path: Path) -> None:
    """Flush a directory entry change (rename, create) to disk where the OS allows it."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(path: Path, data: bytes, *, mode: int = PRIVATE_FILE_MODE) -> None:
    """Replace ``path`` with ``data``: afterwards it holds the old or the new bytes, never a mix.

    A temporary sibling (private while it is written) gets the bytes and is flushed to disk,
    given ``mode`` and renamed over ``path``; then the directory entry is flushed. On any error
    the temporary file is removed, ``path`` is untouched and the error is raised.
    """
    path = Path(path)
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        temporary.chmod(mode)
        temporary.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    fsync_dir(path.parent)


__all__ = ["PRIVATE_FILE_MODE", "fsync_dir", "write_atomically"]
