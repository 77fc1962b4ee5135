"""Process-wide safety settings applied at start-up, before any data is touched.

- umask 077: every file the app writes is 0600, every folder 0700;
- no core dumps (``RLIMIT_CORE`` 0): a crash never writes keys or notes to disk;
- on Linux, not *dumpable* (``prctl(PR_SET_DUMPABLE, 0)``): another process of the same user
  can neither ptrace this one nor read ``/proc/PID/mem``, so keys, decoded pictures and notes
  in memory stay out of reach of other programs the user runs (root, or a process with
  ``CAP_SYS_PTRACE``, still can). The de-identification worker does the same for itself.

Qt's own (non-native) file dialog, libVLC and the worker process are unaffected (tests).
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import Any

_PR_GET_DUMPABLE = 3
_PR_SET_DUMPABLE = 4


def _libc() -> Any:
    import ctypes

    return ctypes.CDLL(None, use_errno=True)


def harden_process() -> None:
    """Restrictive umask, no core dumps, and (Linux) not dumpable; see the module's text."""
    os.umask(0o077)
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            _libc().prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0)


def is_dumpable() -> bool | None:
    """Whether this process may be dumped or traced by its user (None: not Linux)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return bool(_libc().prctl(_PR_GET_DUMPABLE, 0, 0, 0, 0))
    except (OSError, AttributeError):
        return None


__all__ = ["harden_process", "is_dumpable"]
