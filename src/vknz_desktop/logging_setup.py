"""Rotating file log. Messages carry ids and counts only: never titles, names or notes."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

LOG_FILE_NAME = "vknz.log"


def setup_logging(log_dir: Path, *, verbose: bool = False) -> Path | None:
    """Log to ``log_dir/vknz.log`` (0600, rotated at 1 MB, 3 backups). Returns the file path,
    or None when the directory cannot be written (the app then runs without a log file)."""
    root = logging.getLogger("vknz_desktop")
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    root.propagate = False
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    try:
        log_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        path = log_dir / LOG_FILE_NAME
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.close(fd)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        root.addHandler(logging.NullHandler())
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return path
