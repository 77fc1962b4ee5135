"""Ports for recording straight into the vault: the devices (``media.recorder``), the vault's
live store (``storage.live_recording_repo``) and the remuxer that makes the finished recording
seekable. Only the standard library and domain models here.

How the pieces meet (``services.live_recording``)::

    consent → CaptureBackend.open(plan)      devices open: preview frames and sound level flow
            → LiveRecordingStore.begin(...)  row, consent and key stored; live file created
            → CaptureSession.start(sink)     encoded Matroska goes into the live file
            → pause/resume, markers, disk checks
            → CaptureSession.stop()          trailer written; the live file is closed
            → LiveFinisher.remux(...)        into a new encrypted file with an index
            → LiveRecordingStore.finish(...) swapped in; the live key destroyed
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from vknz_desktop.domain.models import Consent, MediaInfo, Observation, Participant, Recording, Role
from vknz_desktop.domain.ports import MediaStream, VideoFrame


class DeviceKind(StrEnum):
    """What a capture device gives."""

    AUDIO = "audio"
    VIDEO = "video"


@dataclass(frozen=True)
class CaptureDevice:
    """A microphone or camera as the backend names it (``id`` goes back into a plan)."""

    id: str
    name: str
    kind: DeviceKind
    is_default: bool = False


@dataclass(frozen=True)
class CapturePlan:
    """What to record. ``video_device`` None: audio only (the camera is never opened)."""

    audio_device: str | None = None  # None: the system's default microphone
    video_device: str | None = None
    width: int = 1280
    height: int = 720
    frame_rate: int = 25
    video_bitrate: int = 2_000_000  # bits/s, the ceiling for H.264 (a talking scene uses less)
    audio_bitrate: int = 64_000  # bits/s, Opus

    @property
    def audio_only(self) -> bool:
        """Whether no camera takes part."""
        return self.video_device is None


@dataclass
class CaptureCallbacks:
    """What a capture session tells the page while it runs (called from capture threads: a GUI
    hops to its own thread with a queued signal)."""

    #: Peak level of the last ~100 ms of sound in dBFS (-90 … 0), about ten times a second.
    on_level: Callable[[float], None] | None = None
    #: A small preview picture (at most 480 wide), about five times a second.
    on_preview: Callable[[VideoFrame], None] | None = None
    #: The capture failed (a device went away); the session has stopped capturing.
    on_error: Callable[[str], None] | None = None


class MediaSink(Protocol):
    """Where the encoded stream goes while it is produced (the vault's live file)."""

    def write(self, data: bytes) -> int: ...

    def flush(self, media_ms: int | None = None) -> None: ...


class CaptureSession(Protocol):
    """Open devices: previewing first, recording after ``start``."""

    @property
    def plan(self) -> CapturePlan: ...

    def start(self, sink: MediaSink) -> None:
        """Begin encoding into ``sink`` (time zero is now)."""
        ...

    def pause(self) -> None: ...

    def resume(self) -> None: ...

    @property
    def paused(self) -> bool: ...

    def elapsed_ms(self) -> int:
        """Recording time so far, pauses left out (the markers' clock)."""
        ...

    def safe_ms(self) -> int:
        """How much of the recording the bytes handed to the sink surely hold."""
        ...

    @property
    def failure(self) -> str | None:
        """Why capturing stopped by itself (a device went away), or None."""
        ...

    def stop(self) -> int:
        """Stop capturing, write the end of the stream; returns the recorded milliseconds."""
        ...

    def close(self) -> None:
        """Release the devices (also without start; idempotent)."""
        ...


class CaptureBackend(Protocol):
    """Microphones and cameras of this platform (Linux: PortAudio and V4L2)."""

    def list_devices(self) -> list[CaptureDevice]: ...

    def open(self, plan: CapturePlan, callbacks: CaptureCallbacks) -> CaptureSession: ...


@dataclass(frozen=True)
class LiveStart:
    """A recording whose row, consent and key are stored, and its live file."""

    recording_id: str
    sink: MediaSink


class SeekableOutput(Protocol):
    """A new encrypted media file that a muxer may seek back in."""

    def write(self, data: bytes) -> int: ...

    def seek(self, offset: int, whence: int = 0) -> int: ...

    def tell(self) -> int: ...


@dataclass(frozen=True)
class LivePending:
    """A stopped or interrupted live recording still waiting to be made seekable."""

    recording_id: str
    interrupted: bool
    media_ms: int


class LiveRecordingStore(Protocol):
    """The vault's side of recording."""

    def begin(
        self,
        *,
        title: str,
        conversation_date: dt.date | None,
        media: MediaInfo,
        participants: Sequence[Participant],
        consent: Consent,
        role: Role,
    ) -> LiveStart: ...

    def stop(self, recording_id: str, media_ms: int) -> None:
        """Close the live file (its last chunk sealed) and note the recording as stopped."""
        ...

    def abandon(self, recording_id: str) -> None:
        """Let go of the live file unclosed (closed at the next open, as after a crash)."""
        ...

    def pending(self) -> list[LivePending]: ...

    def discard(self, live_id: str, *, role: Role | None) -> None:
        """Remove a live recording that holds nothing playable (its key destroyed)."""
        ...

    def open_media(self, recording_id: str) -> MediaStream: ...

    def new_output(self) -> SeekableOutput: ...

    def open_output(self, output: SeekableOutput) -> MediaStream:
        """Commit ``output`` (still owned by no recording) and read it back."""
        ...

    def discard_output(self, output: SeekableOutput) -> None: ...

    def finish(
        self, live_id: str, output: SeekableOutput, media: MediaInfo, *, role: Role
    ) -> Recording:
        """One transaction: the new recording takes the live one's place (consent,
        participants, markers), the live key is destroyed; then the live file is removed."""
        ...

    def save_observation(self, observation: Observation) -> None: ...

    def observations(self, recording_id: str) -> list[Observation]: ...

    def free_bytes(self) -> int:
        """Free space on the vault's disk."""
        ...


class LiveFinisher(Protocol):
    """Remuxes a finished live stream (no re-encoding) into a file with an index."""

    def remux(self, source: MediaStream, output: SeekableOutput) -> None: ...

    def probe(self, stream: MediaStream) -> MediaInfo: ...


@dataclass(frozen=True)
class DiskStatus:
    """How long the disk lasts at the current rate (the finished copy reserved)."""

    free_bytes: int
    bytes_per_second: float
    seconds_left: float | None  # None: not known yet
    warn: bool
    must_stop: bool


@dataclass
class RecordRequest:
    """What the page (or ``vknz record``) knows before recording: consent comes first."""

    consent: Consent
    plan: CapturePlan
    title: str = ""
    conversation_date: dt.date | None = None
    participants: Sequence[Participant] = field(default_factory=tuple)
    role: Role = Role.KLANTMANAGER
    author_name: str = ""


class SourceRemover(Protocol):
    """Removes an imported recording's source file (``vknz import --remove-source``)."""

    def check(self, source: Path) -> bool:
        """KnownError when it cannot be removed (read-only); True when on removable media."""
        ...

    def remove(self, source: Path, recording_id: str, role: Role) -> bool:
        """Remove it and audit that; True when it was on removable media."""
        ...


@dataclass(frozen=True)
class SourceReminder:
    """A recording imported from a phone or a removable medium: the file may still be there
    (and in the phone's cloud backup). ``source_removed``: the app removed the file itself."""

    recording_id: str
    phone: bool
    source_removed: bool = False


class SourceReminders(Protocol):
    """The library's reminders to remove a source on the phone or card too."""

    def reminders(self) -> dict[str, SourceReminder]: ...

    def dismiss(self, recording_id: str) -> None:
        """The user removed it there (and from the cloud backup)."""
        ...


class SourceFiles(SourceRemover, SourceReminders, Protocol):
    """Everything about the files recordings were imported from."""
