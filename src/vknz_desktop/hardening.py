"""Process-wide safety settings applied at start-up, before any data is touched."""

from __future__ import annotations

import contextlib
import os


def harden_process() -> None:
    """Restrictive umask (files 0600, dirs 0700) and no core dumps (they would hold keys)."""
    os.umask(0o077)
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
