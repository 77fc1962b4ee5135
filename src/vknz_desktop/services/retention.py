"""Keep-until dates from consent: what is due, what comes soon, and removing it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from vknz_desktop.domain.models import AuditAction, Recording, Role

REMINDER_DAYS = 14


class RecordingList(Protocol):
    """Where recordings are listed."""

    def recordings(self) -> list[Recording]: ...


class MediaShredder(Protocol):
    """Destroys a recording's media (key first)."""

    def shred_media(
        self,
        recording_id: str,
        *,
        role: Role | None,
        action: AuditAction,
        remove_observations: bool = False,
    ) -> int: ...


@dataclass(frozen=True)
class RetentionStatus:
    """Recordings past their keep-until date, and those within the reminder period."""

    due: tuple[Recording, ...]
    soon: tuple[Recording, ...]


class RetentionService:
    """Applies the keep-until dates recorded with consent."""

    def __init__(
        self,
        recordings: RecordingList,
        shredder: MediaShredder,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self._recordings = recordings
        self._shredder = shredder
        self._today = today

    def status(self) -> RetentionStatus:
        """What is due now and what will be due within REMINDER_DAYS days."""
        today = self._today()
        with_media = [r for r in self._recordings.recordings() if r.media_available]
        due = tuple(r for r in with_media if r.consent.keep_until < today)
        soon_until = today + dt.timedelta(days=REMINDER_DAYS)
        soon = tuple(r for r in with_media if today <= r.consent.keep_until <= soon_until)
        return RetentionStatus(due=due, soon=soon)

    def remove(
        self,
        recordings: Sequence[Recording],
        *,
        role: Role | None,
        remove_observations: bool = False,
    ) -> int:
        """Crypto-shred the media of ``recordings``; returns how many observations stayed."""
        kept = 0
        for recording in recordings:
            kept += self._shredder.shred_media(
                recording.id,
                role=role,
                action=AuditAction.RETENTION_DELETE,
                remove_observations=remove_observations,
            )
        return kept
