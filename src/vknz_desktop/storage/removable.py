"""Where an imported file came from: a phone, a memory card or USB stick, or a fixed disk.

A recording copied from a phone or card leaves a plaintext copy there; the library reminds the
user to remove it (``source_reminders``, schema 10). Linux tells removable block devices by
``/sys/dev/block/MAJOR:MINOR/removable``; phones connected over MTP or PTP are mounted by GVfs
(``…/gvfs/mtp:host=…``) or KIO (``…/kio-fuse-…/mtp/…``), and desktop environments mount cards
and sticks under ``/media/USER`` or ``/run/media/USER``.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

#: The medium of a source file (``source_reminders.medium``).
PHONE = "telefoon"
REMOVABLE = "verwisselbaar"

_PHONE_MARKERS = ("/gvfs/mtp:", "/gvfs/gphoto2:", "/gvfs/afc:", "/mtp/", "/mtp:")
_MOUNT_ROOTS = ("/media/", "/run/media/")


def on_removable_block_device(path: Path) -> bool:
    """Whether ``path`` lives on a block device Linux calls removable (SD card, USB stick)."""
    try:
        device = path.stat().st_dev
    except OSError:
        return False
    block = Path(f"/sys/dev/block/{os.major(device)}:{os.minor(device)}")
    with contextlib.suppress(OSError):
        resolved = block.resolve()
        for candidate in (resolved, resolved.parent):
            flag = candidate / "removable"
            if flag.exists():
                return flag.read_text().strip() == "1"
    return False


def medium_of(path: Path) -> str | None:
    """``PHONE``, ``REMOVABLE`` or None (a fixed disk, or not known)."""
    text = str(path.absolute())
    if any(marker in text for marker in _PHONE_MARKERS) and (
        "/gvfs/" in text or "kio-fuse" in text
    ):
        return PHONE
    if text.startswith(_MOUNT_ROOTS) or on_removable_block_device(path):
        return REMOVABLE
    return None


__all__ = ["PHONE", "REMOVABLE", "medium_of", "on_removable_block_device"]
