"""Ports: the interfaces services need from adapters (storage, media probing)."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Protocol

from vknz_desktop.domain.errors import ImportCancelledError
from vknz_desktop.domain.models import AuditEntry, Consent, MediaInfo, Participant, Recording, Role

ProgressCallback = Callable[[int, int], None]
"""Called with (bytes done, bytes total)."""


class CancelToken:
    """A thread-safe flag a long job checks to stop early."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        """Ask the job to stop at its next check."""
        self._event.set()

    @property
    def cancelled(self) -> bool:
        """Whether cancel() was called."""
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        """Raise ImportCancelledError when cancelled."""
        if self._event.is_set():
            raise ImportCancelledError("Importeren is afgebroken; er is niets bewaard.")


class MediaProber(Protocol):
    """Looks inside a media file without changing anything."""

    def probe(self, path: Path) -> MediaInfo:
        """What the file holds; raises UnsupportedMediaError when it is not playable media."""
        ...


class ChunkProblem(Protocol):
    """One damaged thing found by a verification."""

    @property
    def where(self) -> str: ...

    @property
    def message(self) -> str: ...


class RecordingRepository(Protocol):
    """What the services need from the vault to manage recordings."""

    def recordings(self) -> list[Recording]: ...

    def recording(self, recording_id: str) -> Recording: ...

    def recordings_with_size(self, size_bytes: int) -> list[Recording]: ...

    def recording_with_sha256(self, sha256: str) -> Recording | None: ...

    def add_recording(
        self,
        source: Path,
        *,
        title: str,
        conversation_date: dt.date | None,
        media: MediaInfo,
        participants: Sequence[Participant],
        consent: Consent,
        role: Role,
        progress: ProgressCallback | None,
        cancel: CancelToken | None,
    ) -> Recording: ...

    def delete_recording(self, recording_id: str, *, role: Role) -> None: ...

    def set_consent(self, recording_id: str, consent: Consent, *, role: Role) -> None: ...

    def open_media(self, recording_id: str) -> IO[bytes]: ...

    def audit_entries(self) -> list[AuditEntry]: ...
