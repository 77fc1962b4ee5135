"""Recordings made in the app, stored while they are recorded (``domain.recording_ports``).

Crash safety, around the vault's rule that the next open removes ``.part`` files and media files
that no row owns:

- ``begin`` creates the live file ``media/<id>.vkm`` (header only), then stores in one
  transaction the recording's row with its key, consent, participants and a ``live_recordings``
  row in state ``opnemen``. A crash before that commit leaves an unowned file (removed at the
  next open); after it, the file is owned and kept.
- While recording, the live file gets small sealed chunks at least every few seconds.
- At the next open, ``live_recovery.close_interrupted`` closes each recording still in state
  ``opnemen`` at its last complete chunk (``media_store.close_interrupted_live``) and gives a
  notice; it is playable and ``verify`` passes. The service then makes it seekable like a
  stopped one.
- ``finish`` swaps in the seekable copy in one transaction and destroys the live key.

A recording in state ``opnemen`` is left out of ``Vault.recordings()`` (it has no length yet).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import os
import shutil
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from vknz_desktop.domain.errors import ReadOnlyVaultError
from vknz_desktop.domain.models import (
    AuditAction,
    Consent,
    MediaInfo,
    Observation,
    Participant,
    Recording,
    Role,
)
from vknz_desktop.domain.ports import MediaStream
from vknz_desktop.domain.recording_ports import LivePending, LiveStart, SeekableOutput
from vknz_desktop.storage.database import READ_ONLY_MESSAGE
from vknz_desktop.storage.live_recovery import (
    _STARTING_MS,
    INTERRUPTED,
    RECORDING,
    STOPPED,
    discard_live,
)
from vknz_desktop.storage.media_store import (
    DEFAULT_CHUNK_SIZE,
    LIVE_MAX_CHUNK,
    DecryptedStream,
    LiveChunkWriter,
    MediaLayout,
    SeekableChunkWriter,
    media_path,
)
from vknz_desktop.storage.recording_rows import insert_recording

if TYPE_CHECKING:
    from vknz_desktop.storage.vault import Vault

log = logging.getLogger(__name__)


@dataclass
class _Output:
    """A seekable copy being written; owned by no recording until ``finish``."""

    recording_id: str
    key: bytes = field(repr=False)
    writer: SeekableChunkWriter
    layout: MediaLayout | None = None
    sha256: str = ""

    def write(self, data: bytes) -> int:
        return self.writer.write(data)

    def seek(self, offset: int, whence: int = 0) -> int:
        return self.writer.seek(offset, whence)

    def tell(self) -> int:
        return self.writer.tell()

    def seekable(self) -> bool:
        return True

    def writable(self) -> bool:
        return True

    def readable(self) -> bool:
        return False

    def close(self) -> None:
        """PyAV closes its output at the end; committing is separate."""


class LiveRecordingRepository:
    """Implements ``domain.recording_ports.LiveRecordingStore`` on the vault."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault
        self._writers: dict[str, LiveChunkWriter] = {}

    # -- starting and stopping -----------------------------------------------------------------
    def begin(
        self,
        *,
        title: str,
        conversation_date: dt.date | None,
        media: MediaInfo,
        participants: Sequence[Participant],
        consent: Consent,
        role: Role,
    ) -> LiveStart:
        """Store the recording's row, consent and key, and create its live file."""
        if self._vault.read_only:
            raise ReadOnlyVaultError(READ_ONLY_MESSAGE)
        recording_id = uuid.uuid4().hex
        key = os.urandom(32)
        writer = LiveChunkWriter(self._vault.media_dir, recording_id, key)
        now = dt.datetime.now(dt.UTC)
        try:
            with self._vault.writing() as conn:
                insert_recording(
                    conn,
                    recording_id=recording_id,
                    title=title,
                    conversation_date=conversation_date,
                    media=media,
                    duration_ms=_STARTING_MS,
                    size_bytes=0,
                    sha256=f"opname:{recording_id}",
                    chunk_size=LIVE_MAX_CHUNK,
                    media_key=key,
                    imported_at=now.isoformat(timespec="seconds"),
                )
                self._vault._insert_participants(conn, recording_id, participants)
                self._vault._upsert_consent(conn, recording_id, consent, now)
                conn.execute(
                    "INSERT INTO live_recordings(recording_id, state, started_at) VALUES (?,?,?)",
                    (recording_id, RECORDING, now.isoformat(timespec="seconds")),
                )
                self._vault.audit(
                    conn,
                    AuditAction.RECORD_START,
                    role,
                    recording_id,
                    {
                        "kind": "video" if media.has_video else "audio",
                        "scopes": ",".join(consent.scope_codes()),
                    },
                )
        except BaseException:
            writer.abandon()
            with contextlib.suppress(FileNotFoundError):
                media_path(self._vault.media_dir, recording_id).unlink()
            raise
        self._writers[recording_id] = writer
        return LiveStart(recording_id, writer)

    def stop(self, recording_id: str, media_ms: int) -> None:
        """Seal the last chunk and note the recording as stopped (waiting to be finished)."""
        writer = self._writers.pop(recording_id)
        size = writer.close(media_ms)
        with self._vault.writing() as conn:
            conn.execute(
                "UPDATE recordings SET size_bytes = ?, duration_ms = ? WHERE id = ?",
                (size, max(_STARTING_MS, media_ms), recording_id),
            )
            conn.execute(
                "UPDATE live_recordings SET state = ?, media_ms = ? WHERE recording_id = ?",
                (STOPPED, max(0, media_ms), recording_id),
            )

    def abandon(self, recording_id: str) -> None:
        """Let go of a live file without closing it (closed at the next open, as after a
        crash); used when stopping failed."""
        writer = self._writers.pop(recording_id, None)
        if writer is not None:
            writer.abandon()

    def pending(self) -> list[LivePending]:
        """Stopped or interrupted recordings that still have to be made seekable."""
        with self._vault.reading() as conn:
            rows = conn.execute(
                "SELECT recording_id, state, media_ms FROM live_recordings"
                " WHERE state IN (?, ?) ORDER BY started_at",
                (STOPPED, INTERRUPTED),
            ).fetchall()
        return [LivePending(r[0], r[1] == INTERRUPTED, int(r[2])) for r in rows]

    def in_progress(self) -> set[str]:
        """Ids of recordings being captured now (not shown in lists)."""
        with self._vault.reading() as conn:
            rows = conn.execute(
                "SELECT recording_id FROM live_recordings WHERE state = ?", (RECORDING,)
            ).fetchall()
        return {r[0] for r in rows}

    # -- the seekable copy ---------------------------------------------------------------------
    def open_media(self, recording_id: str) -> MediaStream:
        return self._vault.open_media(recording_id)

    def new_output(self) -> SeekableOutput:
        """A new encrypted file (``.part`` until committed) that a muxer may seek back in."""
        recording_id = uuid.uuid4().hex
        key = os.urandom(32)
        writer = SeekableChunkWriter(self._vault.media_dir, recording_id, key, DEFAULT_CHUNK_SIZE)
        return _Output(recording_id, key, writer)

    def open_output(self, output: SeekableOutput) -> MediaStream:
        """Commit the copy (checks every chunk) and read it back; it is still owned by no
        recording, so a crash now leaves a file that the next open removes."""
        staged = _require_output(output)
        if staged.layout is None:
            staged.layout = staged.writer.commit()
        stream = DecryptedStream(
            media_path(self._vault.media_dir, staged.recording_id), staged.key, staged.layout
        )
        if not staged.sha256:
            digest = hashlib.sha256()
            position = 0
            while position < staged.layout.size:
                block = stream.read_at(position, DEFAULT_CHUNK_SIZE)
                digest.update(block)
                position += len(block)
            staged.sha256 = digest.hexdigest()
        return stream

    def discard_output(self, output: SeekableOutput) -> None:
        staged = _require_output(output)
        staged.writer.discard()
        with contextlib.suppress(FileNotFoundError):
            media_path(self._vault.media_dir, staged.recording_id).unlink()

    def finish(
        self, live_id: str, output: SeekableOutput, media: MediaInfo, *, role: Role
    ) -> Recording:
        """The seekable copy takes the live recording's place, in one transaction: a new
        recording with the same title, date, profile, consent and participants; markers and
        other observations moved to it; the live key destroyed and its row removed. Then the
        live file is removed."""
        staged = _require_output(output)
        if staged.layout is None:
            self.open_output(output).close()
        assert staged.layout is not None
        live = self._vault.recording(live_id)
        now = dt.datetime.now(dt.UTC)
        with self._vault.writing() as conn:
            insert_recording(
                conn,
                recording_id=staged.recording_id,
                title=live.title,
                conversation_date=live.conversation_date,
                media=media,
                size_bytes=staged.layout.size,
                sha256=staged.sha256,
                chunk_size=staged.layout.chunk_size,
                media_key=staged.key,
                imported_at=live.imported_at.isoformat(timespec="seconds"),
                profile_id=live.profile_id,
            )
            self._vault._insert_participants(conn, staged.recording_id, live.participants)
            self._vault._upsert_consent(conn, staged.recording_id, live.consent, now)
            end = max(0, media.duration_ms - 1)
            conn.execute(
                "UPDATE observations SET time_ms = min(time_ms, ?) WHERE recording_id = ?",
                (end, live_id),
            )
            conn.execute(
                "UPDATE observations SET end_ms = NULL WHERE recording_id = ? AND end_ms < time_ms",
                (live_id,),
            )
            conn.execute(
                "UPDATE observations SET recording_id = ? WHERE recording_id = ?",
                (staged.recording_id, live_id),
            )
            self._vault.destroy_media_key(conn, live_id)
            conn.execute("DELETE FROM recordings WHERE id = ?", (live_id,))
            self._vault.audit(
                conn,
                AuditAction.RECORD_FINISH,
                role,
                staged.recording_id,
                {"from": live_id, "bytes": staged.layout.size},
            )
        self._vault.reclaim_media(live_id)
        return self._vault.recording(staged.recording_id)

    def discard(self, live_id: str, *, role: Role | None) -> None:
        """Remove a live recording that holds nothing playable (key destroyed first)."""
        discard_live(self._vault, live_id, role=role)

    # -- markers and space ---------------------------------------------------------------------
    def save_observation(self, observation: Observation) -> None:
        self._vault.save_observation(observation)

    def observations(self, recording_id: str) -> list[Observation]:
        return self._vault.observations(recording_id)

    def free_bytes(self) -> int:
        return shutil.disk_usage(self._vault.media_dir).free


def _require_output(output: SeekableOutput) -> _Output:
    if not isinstance(output, _Output):
        raise TypeError("output must come from this repository's new_output()")
    return output
