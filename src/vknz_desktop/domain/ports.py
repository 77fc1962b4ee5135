"""Ports: the interfaces services need from adapters (storage, media probing)."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from vknz_desktop.domain.errors import ImportCancelledError
from vknz_desktop.domain.models import (
    AuditEntry,
    Consent,
    MediaInfo,
    Observation,
    Participant,
    Recording,
    Role,
    SearchHit,
    SharingState,
)

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


@dataclass(frozen=True)
class ObservationTally:
    """How many observations a recording has of one kind (author, perspective, sharing
    state): enough for the visibility policy to decide who may count them, without text."""

    recording_id: str
    author_role: Role
    perspective: Role | None
    sharing_state: SharingState
    count: int


class RecordingRepository(Protocol):
    """What the services need from the vault to manage recordings."""

    def recordings(self) -> list[Recording]: ...

    def recording(self, recording_id: str) -> Recording: ...

    def recordings_with_size(self, size_bytes: int) -> list[Recording]: ...

    def recording_with_sha256(self, sha256: str) -> Recording | None: ...

    def duplicate_of(self, source: Path, cancel: CancelToken | None = None) -> Recording | None:
        """The recording imported from a file with the same content as ``source``, if any."""

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

    def open_media(self, recording_id: str) -> MediaStream: ...

    def audit_entries(self) -> list[AuditEntry]: ...

    def observation_tallies(self) -> list[ObservationTally]:
        """Observations per recording, author role, perspective and sharing state."""
        ...

    def clip_counts(self) -> dict[str, int]:
        """Fragments (clips) per recording."""
        ...


# -- ports the GUI is wired with (app.py injects the adapters) ---------------------------------


@dataclass(frozen=True)
class VideoFrame:
    """One decoded picture: 32-bit pixels in B,G,R,X byte order (Qt's Format_RGB32).

    ``data`` is the receiver's to keep (never reused by the player); a memoryview when the
    player copied it without holding the GIL.
    """

    width: int
    height: int
    stride: int
    data: bytes | memoryview


@dataclass(frozen=True)
class Thumbnail:
    """A small picture of the recording at ``time_ms``, encoded as JPEG."""

    time_ms: int
    jpeg: bytes


class MediaStream(Protocol):
    """A readable, seekable plaintext view of a recording (the vault's DecryptedStream)."""

    @property
    def size(self) -> int: ...

    def read_at(self, offset: int, size: int) -> bytes: ...

    def read(self, size: int = -1) -> bytes: ...

    def seek(self, offset: int, whence: int = 0) -> int: ...

    def tell(self) -> int: ...

    def close(self) -> None: ...


class PlayerPort(Protocol):
    """Playback of one stream; frames are handed to ``on_frame`` from a player thread."""

    def load(
        self,
        stream: MediaStream,
        on_frame: Callable[[VideoFrame], None] | None = None,
        display_size: tuple[int, int] | None = None,
    ) -> None: ...

    def unload(self) -> None: ...

    def play(self) -> None: ...

    def set_paused(self, paused: bool) -> None: ...

    def stop(self) -> None: ...

    def seek_ms(self, position_ms: int) -> None: ...

    def time_ms(self) -> int: ...

    def length_ms(self) -> int: ...

    def is_playing(self) -> bool: ...

    def state(self) -> str: ...

    def set_rate(self, rate: float) -> None: ...

    def set_volume(self, percent: int) -> None: ...

    def set_muted(self, muted: bool) -> None: ...

    def close(self) -> None: ...


class MediaAnalyzer(Protocol):
    """Frame-exact pictures, thumbnails and waveform peaks read from a stream (PyAV)."""

    def exact_frame(self, stream: MediaStream, position_ms: int) -> VideoFrame: ...

    def exact_step(
        self, stream: MediaStream, position_ms: int, frames: int
    ) -> tuple[VideoFrame, int]:
        """The picture ``frames`` frames after (negative: before) the one shown at
        ``position_ms``, and the millisecond at which it starts."""
        ...

    def close_stream(self, stream: MediaStream) -> None:
        """Forget what was kept for exact frames of ``stream`` (decoder, recent pictures)."""

    def thumbnails(
        self, stream: MediaStream, count: int, width: int, cancelled: Callable[[], bool]
    ) -> list[Thumbnail]: ...

    def waveform(
        self, stream: MediaStream, buckets: int, cancelled: Callable[[], bool]
    ) -> list[float]: ...


class ObservationRepository(Protocol):
    """What the observation use cases need from the vault."""

    def save_observation(self, observation: Observation) -> None: ...

    def delete_observation(self, observation_id: str) -> None: ...

    def observations(self, recording_id: str) -> list[Observation]: ...

    def observation(self, observation_id: str) -> Observation | None: ...

    def search_observations(self, text: str, limit: int = 200) -> list[SearchHit]: ...


class OpenVault(RecordingRepository, ObservationRepository, Protocol):
    """An unlocked vault as the GUI uses it."""

    def set_recording_profile(self, recording_id: str, profile_id: str) -> None: ...

    def derived_media(self, recording_id: str, kind: str) -> bytes | None: ...

    def store_derived_media(self, recording_id: str, kind: str, data: bytes) -> None: ...

    def setting(self, key: str) -> str | None: ...

    def set_setting(self, key: str, value: str) -> None: ...

    def close(self) -> None: ...

    def audit_problems(self) -> list[str]: ...

    def record_failed_unlocks(self, count: int, role: Role | None) -> None: ...

    def record_unlock(self, role: Role | None) -> None: ...

    @property
    def is_open(self) -> bool: ...

    @property
    def read_only(self) -> bool:
        """True when the vault is damaged and only what was still sound is shown."""
        ...

    #: Dutch messages for the user about this unlock (a restored key file, damage found).
    notices: list[str]
    #: Set (Dutch) when the full check that runs in the background after the unlock found
    #: damage: from then on every change is refused.
    health_problem: str | None


class VaultGateway(Protocol):
    """Creates or unlocks the vault at the configured place."""

    def exists(self) -> bool: ...

    def create(self, passphrase: str, role: Role) -> OpenVault: ...

    def open(self, passphrase: str) -> OpenVault: ...

    def change_passphrase(self, old: str, new: str) -> None:
        """Give the (closed) vault ``new`` as its passphrase; WrongPassphraseError when ``old``
        is not the current one, WeakPassphraseError when ``new`` is too easy to guess."""
        ...
