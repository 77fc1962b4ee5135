"""Content digests of imported files, to refuse the same file twice.

New recordings store ``blake3:<hex>`` (BLAKE3 hashes a GiB in ~0.15 s here, SHA-256 in
~0.6 s: more than a durable copy of the file). Vaults made before stored a bare SHA-256 hex
digest in the same column; those keep working: a file of the same size as such a recording
is hashed with SHA-256 as well, so it is still recognised.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from vknz_desktop.domain.ports import CancelToken

BLAKE3_PREFIX = "blake3:"
READ_BLOCK = 1024 * 1024


def is_blake3(digest: str) -> bool:
    """Whether a stored digest is BLAKE3 (else a SHA-256 of an older vault, or a marker)."""
    return digest.startswith(BLAKE3_PREFIX)


class ContentHasher:
    """BLAKE3 always, SHA-256 too when ``legacy_sha256`` (older recordings of that size)."""

    def __init__(self, *, legacy_sha256: bool) -> None:
        import blake3  # first needed at an import, not before the unlock dialog

        self._blake3: Any = blake3.blake3()
        self._sha256 = hashlib.sha256() if legacy_sha256 else None

    def update(self, data: bytes | bytearray | memoryview) -> None:
        """Hash more bytes (both hashes release the GIL for blocks this large)."""
        self._blake3.update(data)
        if self._sha256 is not None:
            self._sha256.update(data)

    def digests(self) -> list[str]:
        """The stored forms: ``blake3:<hex>`` first, then the SHA-256 hex when computed."""
        result = [BLAKE3_PREFIX + self._blake3.hexdigest()]
        if self._sha256 is not None:
            result.append(self._sha256.hexdigest())
        return result


def file_digests(path: Path, stored: Iterable[str], cancel: CancelToken | None = None) -> list[str]:
    """The digests of ``path`` in every form found in ``stored`` (BLAKE3 always)."""
    hasher = ContentHasher(legacy_sha256=any(not is_blake3(d) for d in stored))
    buffer = bytearray(READ_BLOCK)
    view = memoryview(buffer)
    with path.open("rb", buffering=0) as handle:
        while count := handle.readinto(buffer):
            if cancel is not None:
                cancel.raise_if_cancelled()
            hasher.update(view[:count])
    return hasher.digests()
